"""Issue 13's web findings, one regression test each: sessions that outlive their
sign-out, any Host accepted, no sign-in rate limit, 500s from parameters, headers missing
on errors, cookies neither Secure nor opaque, no HSTS or Cache-Control."""

import base64
import binascii
import json
import warnings

import pytest
import sample
from click.testing import CliRunner

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from fastapi.testclient import TestClient  # noqa: E402

from yalu.serve import create_app, limits, users  # noqa: E402
from yalu.serve.commands import user as user_command  # noqa: E402
from yalu.serve.sessions import SESSION_COOKIE  # noqa: E402
from yalu.store import Store  # noqa: E402
from yalu.store import query as q  # noqa: E402

LOOPBACK = ("127.0.0.1", 50000)
REMOTE = ("203.0.113.9", 50000)  # documentation addresses: labels, never contacted
OTHER = ("198.51.100.7", 50000)
PROXY = ("10.0.0.2", 50000)
PASSWORD = "correct horse battery"
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options",
                    "referrer-policy")


def app_for(db_path, **kwargs):
    return create_app(db_path, secret_key="test-secret", **kwargs)


def client(app, *, address=REMOTE, base_url="http://127.0.0.1", **kwargs):
    return TestClient(app, client=address, base_url=base_url, **kwargs)


@pytest.fixture
def alice(db_path):
    store = Store(db_path)
    users.add(store, "alice", PASSWORD)
    store.close()
    return "alice"


def sign_in(c, name="alice", password=PASSWORD):
    token = c.get("/api/session").json()["csrf_token"]
    r = c.post("/api/session", json={"name": name, "password": password},
               headers={"X-CSRF-Token": token})
    if r.status_code == 200:
        c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return r


def copy_of(app, signed_in):
    """A second browser holding a copy of the signed-in one's cookie and CSRF token."""
    thief = client(app, address=OTHER)
    thief.cookies.set(SESSION_COOKIE, signed_in.cookies[SESSION_COOKIE])
    thief.headers["X-CSRF-Token"] = signed_in.headers["X-CSRF-Token"]
    return thief


def assert_headers(r):
    missing = [h for h in SECURITY_HEADERS if h not in r.headers]
    assert not missing, (r.status_code, r.request.url, missing)


# --------------------------------------------------------------------------- sessions


def test_signing_out_ends_a_copied_cookie(db_path, ids, alice):
    app = app_for(db_path)
    c = client(app)
    assert sign_in(c).status_code == 200
    thief = copy_of(app, c)
    assert thief.get("/api/session").json()["user"] == "alice"  # the copy works until...
    r = c.delete("/api/session")
    assert r.status_code == 200 and "Max-Age=0" in r.headers["set-cookie"]
    # ...the owner signs out: the copy is nobody, and cannot write
    assert thief.get("/api/session").json()["user"] is None
    assert thief.post(f"/api/incidents/{ids['arrest']}/approve").status_code in (401, 403)
    assert c.get(f"/api/incidents/{ids['arrest']}").json()["review_status"] == "machine"


def test_the_sign_out_form_ends_the_session_too(db_path, alice):
    app = app_for(db_path)
    c = client(app)
    sign_in(c)
    thief = copy_of(app, c)
    page = c.get("/").text
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    assert c.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert thief.get("/api/session").json()["user"] is None


@pytest.mark.parametrize("command", [["passwd", "alice"], ["remove", "alice"]])
def test_a_new_password_or_a_removed_account_ends_every_session(db_path, ids, alice, command):
    app = app_for(db_path)
    laptop, phone = client(app), client(app, address=OTHER)
    sign_in(laptop)
    sign_in(phone)
    assert laptop.post(f"/api/incidents/{ids['arrest']}/approve").status_code == 200
    # the real command, in this process but through its own Store, as from a terminal
    r = CliRunner().invoke(user_command, [*command, "--db", str(db_path)],
                           input="a new password\na new password\n")
    assert r.exit_code == 0, r.output
    for c in (laptop, phone):
        assert c.get("/api/session").json()["user"] is None
        assert c.post(f"/api/incidents/{ids['arrest']}/reject").status_code == 401
    if command[0] == "passwd":  # the new password signs in again
        assert sign_in(laptop, password="a new password").status_code == 200
        assert laptop.post(f"/api/incidents/{ids['arrest']}/reject").status_code == 200


def _decodings(value):
    """Every way a cookie part might be read: base64 (any padding) and the raw text."""
    for part in value.replace(".", " ").split():
        yield part
        for variant in (base64.urlsafe_b64decode, base64.b64decode):
            try:
                yield variant(part + "=" * (-len(part) % 4)).decode("latin-1")
            except (binascii.Error, ValueError):
                pass


def test_the_cookie_is_opaque_and_signed(db_path, alice):
    app = app_for(db_path)
    c = client(app)
    sign_in(c)
    cookie = c.cookies[SESSION_COOKIE]
    for text in _decodings(cookie):
        assert "alice" not in text and "csrf" not in text, text
        with pytest.raises(ValueError):
            json.loads(text)
    # a forged id, a tampered one and one signed with another key are nobody's
    sid, mac = cookie.rsplit(".", 1)
    other_key = create_app(db_path, secret_key="another-secret")
    for forged in (sid, f"{sid[:-1]}{'A' if sid[-1] != 'A' else 'B'}.{mac}",
                   other_key.state.web.sessions.cookie_value(sid)):
        probe = client(app)
        probe.cookies.set(SESSION_COOKIE, forged)
        assert probe.get("/api/session").json()["user"] is None, forged


def test_the_sessions_table_holds_no_usable_cookie(db_path, alice):
    app = app_for(db_path)
    c = client(app)
    sign_in(c)
    sid = c.cookies[SESSION_COOKIE].rsplit(".", 1)[0]
    store = Store(db_path)
    rows = store.conn.execute("SELECT id, user FROM sessions").fetchall()
    store.close()
    assert [r["user"] for r in rows] == ["alice"] and sid not in rows[0]["id"]


# --------------------------------------------------------------------------- Host


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8001", "127.0.0.1.evil.example",
                                  "localhost.evil.example", "", "[::1"])
def test_a_foreign_host_is_refused(db_path, ids, host):
    """A DNS-rebinding page (evil.example resolving to 127.0.0.1) drove a --single-user
    server: it read the CSRF token and rejected an incident."""
    app = app_for(db_path, single_user=True)
    c = client(app, address=LOOPBACK)
    for method, path in (("get", "/api/session"), ("get", "/"), ("get", "/static/css/yalu.css"),
                         ("post", f"/api/incidents/{ids['arrest']}/reject")):
        r = getattr(c, method)(path, headers={"Host": host})
        assert r.status_code == 400 and "csrf_token" not in r.text, (host, path)
        assert "--allowed-host" in r.text
        assert_headers(r)
    assert c.get(f"/api/incidents/{ids['arrest']}").json()["review_status"] == "machine"


@pytest.mark.parametrize("host", ["localhost:8001", "LOCALHOST", "127.0.0.1:8001", "[::1]:8001",
                                  "localhost."])
def test_loopback_names_are_served_on_a_loopback_bind(db_path, host):
    c = client(app_for(db_path))
    assert c.get("/api/incidents", headers={"Host": host}).status_code == 200


def test_allowed_hosts(db_path):
    app = app_for(db_path, host="0.0.0.0", allowed_hosts=("Yalu.Example.org", "192.0.2.10"))
    c = client(app, base_url="https://yalu.example.org")
    assert c.get("/api/incidents").status_code == 200
    assert c.get("/api/incidents", headers={"Host": "192.0.2.10:8001"}).status_code == 200
    assert c.get("/api/incidents", headers={"Host": "0.0.0.0"}).status_code == 400
    assert c.get("/api/incidents", headers={"Host": "other.example.org"}).status_code == 400
    bound = client(app_for(db_path, host="192.0.2.20"), base_url="http://192.0.2.20:8001")
    assert bound.get("/api/incidents").status_code == 200


def test_serve_passes_the_hosts_on(tmp_path, monkeypatch):
    """`yalu serve` hands --allowed-host, --behind-https and --trusted-proxy to the app and
    lets the app, not uvicorn, read X-Forwarded-*."""
    import uvicorn

    from yalu.serve.commands import serve

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    r = CliRunner().invoke(serve, ["--db", str(tmp_path / "s.db"), "--allowed-host", "a.example",
                                   "--allowed-host", "b.example", "--behind-https",
                                   "--trusted-proxy", "10.0.0.0/8"])
    assert r.exit_code == 0, r.output
    settings = seen["app"].state.web.settings
    assert settings.allowed_hosts == ("a.example", "b.example") and settings.behind_https
    assert settings.trusted_proxies == ("10.0.0.0/8",) and seen["proxy_headers"] is False


# --------------------------------------------------------------------------- sign-in rate limit


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def limited(db_path, alice):
    app = app_for(db_path)
    clock = Clock()
    app.state.web.limiter.clock = clock
    return app, clock


def test_wrong_passwords_lock_the_account_with_backoff(limited):
    """150 wrong passwords then the right one were all answered."""
    app, clock = limited
    c = client(app)
    codes = [sign_in(c, password=f"wrong {i}").status_code for i in range(150)]
    free = limits.FREE["account"]
    assert codes[:free] == [401] * free and set(codes[free + 1:]) == {429}
    r = sign_in(c)
    assert r.status_code == 429 and r.json()["detail"].startswith("too many failed sign-ins")
    assert_headers(r)
    waits = []
    for _ in range(4):  # each lock is twice as long as the one before
        wait = int(sign_in(c).headers["retry-after"])
        waits.append(wait)
        clock.now += wait
        assert sign_in(c, password="still wrong").status_code == 401
    assert waits == [1, 2, 4, 8]
    clock.now += limits.LONGEST
    assert sign_in(c).status_code == 200  # the lock is over: the right password works


def test_the_lock_is_per_account_and_per_address(limited, db_path):
    app, clock = limited
    store = Store(db_path)
    users.add(store, "bob", PASSWORD)
    store.close()
    attacker = client(app)
    for i in range(limits.FREE["account"] + 1):
        sign_in(attacker, password=f"wrong {i}")
    # alice is locked from every address; bob, from another address, is not
    assert sign_in(client(app, address=OTHER)).status_code == 429
    assert sign_in(client(app, address=OTHER), name="bob").status_code == 200
    # one address trying many names is locked as an address
    clock.now += limits.FORGET + 1
    sprayer = client(app, address=("192.0.2.99", 1))
    codes = [sign_in(sprayer, name=f"user{i}", password="guess").status_code
             for i in range(limits.FREE["address"] + 3)]
    assert codes[-1] == 429 and 429 not in codes[:limits.FREE["address"]]
    assert sign_in(sprayer, name="bob").status_code == 429  # even the right password


def test_the_sign_in_form_is_limited_too(limited):
    app, _ = limited
    c = client(app)
    for i in range(limits.FREE["account"] + 2):  # the last free failure locks
        page = c.get("/login").text
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        r = c.post("/login", data={"name": "alice", "password": f"x{i}", "csrf_token": token})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert "too many failed sign-ins" in r.text


def test_the_limiter_stays_bounded():
    clock = Clock()
    limiter = limits.SignInLimiter(clock=clock)
    for i in range(limits.MAX_KEYS + 10):
        limiter.failed(f"name{i}", "192.0.2.1")
        clock.now += 0.001
    assert len(limiter._strikes) <= limits.MAX_KEYS
    assert limiter.retry_after("anyone", "192.0.2.1") > 0  # the busy address is still known


# --------------------------------------------------------------------------- no 500 from input

HOSTILE_GETS = [
    "/?page=99999999999999999999",
    "/?page=9223372036854775807&per_page=500",
    "/?page=-5&per_page=-1",
    "/?per_page=99999999999999999999",
    "/api/incidents?page=9223372036854775807",
    "/api/incidents?page=99999999999999999999",
    "/api/incidents?page=1000001",
    "/api/incidents?per_page=9223372036854775807",
    "/api/map?limit=99999999999999999999",
    "/api/map?limit=-1",
    "/api/incidents?min_confidence=nan",
    "/api/incidents?min_confidence=1e999",
    "/?min_confidence=nan",
    "/?min_confidence=-1e999",
    "/api/incidents?date_from=99999-01-01",
    "/api/incidents?date_from=0000-00-00&date_to=9999-99-99",
    "/api/timeline?date_from=0001-01-01&date_to=9999-12-31",
    "/timeline?date_from=0001&date_to=9999",
    "/?date_from=-1&date_to=10000",
    "/api/incidents?q=%00%ED%A0%80",
    "/api/incidents?q=%22&fts_mode=raw",
    "/?q=NEAR(%22&fts_mode=raw",
    "/api/incidents?sort=%00&order=sideways",
    "/?sort=;DROP TABLE incidents&order=%ff",
    "/api/incidents?located=maybe&dated=%00",
    "/api/incidents?include_rejected=2",
    "/api/incidents/%00",
    "/api/incidents/" + "x" * 5000,
    "/incidents/%ED%A0%80",
    "/incidents/..%2F..%2Fetc%2Fpasswd",
    "/api/export?format=csv&page=99999999999999999999",
    "/api/incidents/inc-nope/audit",
    "/static/../yalu.db",
    "/static/nope.js",
    "/nope",
]


@pytest.mark.parametrize("path", HOSTILE_GETS)
def test_no_parameter_makes_a_500(db_path, path):
    c = client(app_for(db_path), raise_server_exceptions=False)
    r = c.get(path)
    assert r.status_code < 500, (path, r.status_code, r.text[:300])
    assert_headers(r)


def test_a_page_far_past_the_end_shows_the_last_page(db_path):
    r = client(app_for(db_path)).get("/?page=99999999999999999999")
    assert r.status_code == 200 and f"<strong>{sample.TOTAL}</strong> incidents" in r.text


@pytest.mark.parametrize("body, content_type", [
    (b"\xff\xfe<not json>\x00", "application/json"),
    (b"<not json>", "application/json"),
    (b"name=alice&password=x", "application/x-www-form-urlencoded"),
    (b'{"name": "alice", "password": "' + b"p" * 2000 + b'"}', "application/json"),
    (b"[1, 2]", "application/json"),
])
def test_a_malformed_sign_in_body_is_a_4xx_without_the_bytes(db_path, body, content_type):
    c = client(app_for(db_path), raise_server_exceptions=False)
    token = c.get("/api/session").json()["csrf_token"]
    r = c.post("/api/session", content=body,
               headers={"X-CSRF-Token": token, "content-type": content_type})
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    assert "<not json>" not in r.text and "p" * 100 not in r.text and "alice" not in r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) or all(set(e) == {"loc", "msg", "type"} for e in detail)
    assert_headers(r)


def test_a_500_carries_the_security_headers(db_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(q, "weekly_counts", broken)
    c = client(app_for(db_path), raise_server_exceptions=False)
    for path in ("/api/timeline", "/timeline"):
        r = c.get(path)
        assert r.status_code == 500 and "a bug" not in r.text
        assert_headers(r)
        assert r.headers["cache-control"] == "no-store"


# --------------------------------------------------------------------------- HTTPS, caching


def _cookie_flags(r):
    return [p.strip().lower() for p in r.headers["set-cookie"].split(";")]


def test_plain_http_has_no_secure_cookie_nor_hsts(db_path):
    r = client(app_for(db_path)).get("/api/session",
                                      headers={"X-Forwarded-Proto": "https"})
    assert "secure" not in _cookie_flags(r) and "httponly" in _cookie_flags(r)
    assert "strict-transport-security" not in r.headers


def test_behind_https_cookies_are_secure_with_hsts(db_path, alice):
    app = app_for(db_path, behind_https=True)
    c = client(app, base_url="https://127.0.0.1")  # a Secure cookie goes back over https only
    r = sign_in(c)
    assert "secure" in _cookie_flags(r) and "samesite=lax" in _cookie_flags(r)
    for path in ("/", "/api/incidents", "/static/css/yalu.css", "/nope"):
        assert c.get(path).headers["strict-transport-security"].startswith("max-age=")


def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(db_path):
    app = app_for(db_path, trusted_proxies=("10.0.0.0/8",))
    https = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.50"}
    proxied = client(app, address=PROXY).get("/api/session", headers=https)
    assert "secure" in _cookie_flags(proxied) and "strict-transport-security" in proxied.headers
    direct = client(app, address=REMOTE).get("/api/session", headers=https)
    assert "secure" not in _cookie_flags(direct)
    assert "strict-transport-security" not in direct.headers


def test_a_trusted_proxy_names_the_client_the_limiter_counts(db_path, alice):
    app = app_for(db_path, trusted_proxies=("10.0.0.2",))
    app.state.web.limiter.clock = Clock()
    proxy = client(app, address=PROXY)
    proxy.headers["X-Forwarded-For"] = "192.0.2.50"
    codes = [sign_in(proxy, name=f"user{i}", password="guess").status_code
             for i in range(limits.FREE["address"] + 2)]
    assert codes[-1] == 429
    # the proxy's other clients are not locked out with the one that guessed
    proxy.headers["X-Forwarded-For"] = "192.0.2.51"
    assert sign_in(proxy, name="alice").status_code == 200


def test_single_user_gives_no_free_pass_through_a_proxy(db_path, ids):
    c = client(app_for(db_path, single_user=True), address=LOOPBACK)
    assert c.get("/api/session").json()["can_write"] is True
    r = c.get("/api/session", headers={"X-Forwarded-For": "192.0.2.50"})
    assert r.json()["can_write"] is False


def test_no_store_on_pages_and_api_not_on_static_files(db_path, alice, ids):
    c = client(app_for(db_path))
    sign_in(c)
    for path in ("/", f"/incidents/{ids['arrest']}", f"/incidents/{ids['arrest']}/edit",
                 "/api/session", "/api/incidents", "/login"):
        assert c.get(path).headers["cache-control"] == "no-store", path
    assert "no-store" not in c.get("/static/css/yalu.css").headers.get("cache-control", "")


def test_api_session_json_is_what_the_docs_say(db_path):
    """The session API keeps its shape (scripts in docs/web.md read it)."""
    data = client(app_for(db_path)).get("/api/session").json()
    assert set(data) == {"user", "can_write", "read_only", "single_user", "csrf_token"}
    assert json.dumps(data)
