"""The web app and JSON API, through Starlette's TestClient (no browser)."""

import json
import re
import sys
import types
import warnings

import pytest
import sample

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from fastapi.testclient import TestClient  # noqa: E402

from yalu.serve import api, create_app, rendering, security, users  # noqa: E402
from yalu.store import Store  # noqa: E402

LOOPBACK = ("127.0.0.1", 50000)
REMOTE = ("203.0.113.9", 50000)  # a documentation address: never contacted, only a label


def client_for(db_path, *, client=REMOTE, base_url="http://127.0.0.1", **kwargs):
    """A client of a fresh app; it names the server by a Host the app answers to."""
    return TestClient(create_app(db_path, secret_key="test-secret", **kwargs), client=client,
                      base_url=base_url)


@pytest.fixture
def anon(db_path):
    return client_for(db_path)


@pytest.fixture
def reviewer(db_path):
    store = Store(db_path)
    users.add(store, "alice", "correct horse battery")
    store.close()
    c = client_for(db_path)
    token = c.get("/api/session").json()["csrf_token"]
    r = c.post("/api/session", json={"name": "alice", "password": "correct horse battery"},
               headers={"X-CSRF-Token": token})
    assert r.status_code == 200, r.text
    c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return c


def form_token(html):
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no csrf_token field in the page"
    return m.group(1)


def form_fields(html):
    """What a browser submits for the page's form: name -> values (inputs and selects)."""
    import html as htmllib

    fields: dict[str, list[str]] = {}
    for m in re.finditer(r'<input type="(?:text|number|hidden)" name="(\w+)"[^>]*?value="([^"]*)"', html):
        fields.setdefault(m.group(1), []).append(htmllib.unescape(m.group(2)))
    for m in re.finditer(r'<select name="(\w+)"[^>]*>(.*?)</select>', html, flags=re.S):
        options = re.findall(r'<option value="([^"]*)"( selected)?', m.group(2))
        chosen = next((v for v, sel in options if sel), options[0][0] if options else "")
        fields.setdefault(m.group(1), []).append(htmllib.unescape(chosen))
    return fields


# --------------------------------------------------------------------------- pages


def test_list_page_counts_filters_and_links(anon):
    r = anon.get("/")
    assert r.status_code == 200
    assert 'id="result-count"><strong>9</strong> incidents' in r.text
    r = anon.get("/?category=repression&sort=confidence&order=asc")
    assert "<strong>3</strong> incidents" in r.text
    # the URL holds the query: sort links, pager links and exports keep the filters
    assert "category=repression" in r.text
    assert re.search(r'href="/api/export\?category=repression&amp;format=csv"', r.text)
    # and the active filter shows as a removable chip
    assert 'class="chip"' in r.text and "category: repression" in r.text


def test_list_page_search_and_bad_input(anon):
    r = anon.get("/", params={"q": "ballistic"})
    assert "<strong>2</strong> incidents" in r.text
    for text in ['"', "NEAR(", "a OR", "*", "title:x", "((("]:
        assert anon.get("/", params={"q": text}).status_code == 200
    r = anon.get("/", params={"date_from": "last week"})
    assert r.status_code == 200 and "not a date" in r.text
    assert anon.get("/", params={"page": "x", "per_page": "-5", "sort": "evil"}).status_code == 200


def test_pagination(anon):
    r = anon.get("/", params={"per_page": 4, "page": 2})
    assert "page 2 of 3" in r.text
    assert r.text.count('<tr data-id="') == 4


def test_filter_form_urls_stay_clean_and_keep_the_sort(anon):
    """A GET form submits every field, empty or not: the page answers with the URL that
    holds only the query, so what is bookmarked or shared is readable."""
    for path in ("/", "/map", "/timeline"):
        r = anon.get(path, params={"q": "", "category": "", "admin1": "KP-10", "admin2": " ",
                                   "date_from": "", "dated": "", "located": ""},
                     follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == f"{path}?admin1=KP-10"
    r = anon.get("/?q=&category=", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    # the filter form carries the sort order and page size, not the page number
    html = anon.get("/?category=repression&sort=confidence&order=asc&per_page=2&page=2").text
    form = html[html.index('<form class="filters"'):html.index("</form>")]
    for name, value in (("sort", "confidence"), ("order", "asc"), ("per_page", "2")):
        assert f'<input type="hidden" name="{name}" value="{value}">' in form
    assert 'name="page"' not in form


def test_a_bad_filter_value_drops_only_itself(anon):
    r = anon.get("/", params={"admin1": "KP-10", "date_from": "last week", "dated": "often"})
    assert "not a date" in r.text
    assert 'id="result-count"><strong>4</strong> incidents' in r.text  # KP-10 still applies
    assert "province: Ryanggang" in r.text
    assert 'href="/api/export?admin1=KP-10&amp;format=csv"' in r.text  # without the bad value


def test_a_page_past_the_end_shows_the_last_page(anon):
    r = anon.get("/", params={"per_page": 4, "page": 99})
    assert "page 3 of 3" in r.text and r.text.count('<tr data-id="') == 1


def test_chips_say_what_they_filter(anon):
    html = anon.get("/?admin1=KP-10&event_type=missile_launch&dated=coarse&located=no"
                    "&min_confidence=0.5&include_rejected=1").text
    for label in ("province: Ryanggang", "event type: missile launch", "dated only roughly",
                  "without coordinates", "confidence ≥ 0.5", "rejected included"):
        assert label in html, label


def test_timeline_page_counts_what_it_leaves_out(anon):
    html = anon.get("/timeline").text
    status = html[html.index('id="timeline-status"'):html.index("</p>", html.index('id="timeline-status"'))]
    assert f"<strong>{sample.WEEK_DATED}</strong> incidents dated to the week" in status
    assert 'href="/?dated=coarse"' in status and "1 dated only roughly" in status
    assert "without a date" not in status  # every sample record has a date
    # the filter carries into the links
    html = anon.get("/timeline?category=movement").text
    assert 'href="/?category=movement&amp;dated=coarse"' in html
    assert anon.get("/?dated=coarse").text.count('<tr data-id="') == 1


def test_incident_page_without_date_place_or_title(anon, ids, db_path):
    store = Store(db_path)
    store.conn.execute("UPDATE incidents SET date_start = NULL, date_end = NULL, time_precision = 0,"
                       " date_expression = NULL WHERE id = ?", (ids["artillery"],))
    store.conn.execute("UPDATE articles SET title = NULL, outlet = NULL, url = NULL, published = NULL"
                       " WHERE id = 'wire-3'")
    store.close()
    r = anon.get(f"/incidents/{ids['artillery']}")
    assert r.status_code == 200
    html = r.text
    assert 'id="no-date">no date</span>' in html and "precision: 0 · unknown" in html
    assert "no coordinates: not on the map" in html
    assert "Untitled article" in html and "no publication date" in html
    assert "<h2>wire-3</h2>" not in html
    # the list, the map, the timeline and the exports take such records too
    assert anon.get("/?sort=date&order=asc").status_code == 200
    assert anon.get("/api/map").json()["unlocated"] == 1
    assert anon.get("/api/timeline").json()["undated"] == 1
    for fmt in ("csv", "json", "geojson", "acled"):
        assert anon.get("/api/export", params={"format": fmt}).status_code == 200


def test_incident_page_names_the_run_of_days(anon, ids, db_path):
    store = Store(db_path)
    episode = '{"date_start": "2024-06-03", "date_end": "2024-06-05", "time_precision": 2, "date_expression": "from June 3 to 5"}'
    store.conn.execute("UPDATE incidents SET episode = ? WHERE id = ?", (episode, ids["artillery"]))
    store.close()
    html = anon.get(f"/incidents/{ids['artillery']}").text
    assert "one day of a run of days, 2024-06-03 → 2024-06-05" in html
    assert "run of days" not in anon.get(f"/incidents/{ids['arrest']}").text


def test_evidence_list_links_to_the_highlight(anon, ids):
    html = anon.get(f"/incidents/{ids['lockdown']}").text
    links = re.findall(r'<li><a href="#(ev-\d+)">', html)
    assert len(links) == 2
    for anchor in links:
        assert f'<mark class="evidence" id="{anchor}">' in html or f'id="{anchor}"' in html
    assert '<script src="/static/js/incident.js"></script>' in html


def test_incident_page_highlights_and_fields(anon, ids):
    r = anon.get(f"/incidents/{ids['arrest']}")
    assert r.status_code == 200
    html = r.text
    assert '<mark class="evidence trigger"' in html and ">arrested</mark>" in html
    assert '<mark class="evidence"' in html
    for text in ("Border guards arrested three smugglers in Hyesan.", "Chosun Ilbo",
                 "a source in Ryanggang Province", "anonymous_source", "three smugglers",
                 "KP-10", "2024-03-12", "last Tuesday", "reported", "0.910",
                 'href="https://example.org/news/daily-1"', "No review yet"):
        assert text in html, text
    # the other incidents from the same article
    for other in ("smuggling", "punishment", "lockdown"):
        assert f'/incidents/{ids[other]}"' in html
    assert anon.get("/incidents/inc-nope").status_code == 404


def test_untrusted_text_renders_as_text(anon, ids):
    """An article holding <script> and onerror= shows them as text, never as markup."""
    html = anon.get(f"/incidents/{ids['flood']}").text
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Flood &lt;script&gt;alert(2)&lt;/script&gt;" in html  # the title
    assert "&lt;b&gt;bold&lt;/b&gt;" in html  # the summary
    assert 'href="javascript:' not in html  # an unsafe source URL is not a link
    listing = anon.get("/").text
    assert "<b>bold</b>" not in listing and "&lt;b&gt;bold&lt;/b&gt;" in listing
    # and the only scripts on any page come from /static (the CSP forbids inline ones)
    for page in (html, listing, anon.get("/map").text, anon.get("/timeline").text):
        for tag in re.findall(r"<script[^>]*>", page):
            assert 'src="/static/' in tag or 'type="application/json"' in tag, tag


def test_security_headers(anon):
    r = anon.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_map_and_timeline_pages(anon):
    r = anon.get("/map?category=military")
    assert r.status_code == 200
    assert 'data-api="/api/map?category=military"' in r.text
    assert rendering.PROVINCE_ATTRIBUTION in r.text.replace("&#34;", '"').replace("&#39;", "'")
    r = anon.get("/timeline?admin1=KP-10")
    assert r.status_code == 200 and 'id="timeline-chart"' in r.text
    data = json.loads(re.search(r'id="timeline-data">(.*?)</script>', r.text).group(1))
    assert sum(sum(v) for v in data["series"].values()) == 4


def test_about_and_static_assets(anon):
    html = anon.get("/about").text
    for path in re.findall(r'href="(/static/[^"]+)"', html):
        assert anon.get(path).status_code == 200, path
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/chart.js/chart.umd.min.js",
                 "/static/vendor/world-atlas/countries-50m.json",
                 "/static/vendor/topojson-client/topojson-client.min.js",
                 "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
                 "/static/geo/kp-boundaries/geoBoundaries-PRK-ADM1_simplified.geojson",
                 "/static/vendor/swagger-ui/swagger-ui-bundle.js"):
        assert anon.get(path).status_code == 200, path


# --------------------------------------------------------------------------- API reads


def test_api_list_detail(anon, ids):
    data = anon.get("/api/incidents", params={"admin1": "Ryanggang", "per_page": 2}).json()
    assert data["total"] == 4 and data["pages"] == 2 and len(data["items"]) == 2
    assert data["total_is_estimate"] is False  # counted, not estimated (store/sampled.py)
    item = data["items"][0]
    assert isinstance(item["actors"], list) and "evidence" in item and "sources" in item
    data = anon.get("/api/incidents", params=[("event_type", "arrest"), ("event_type", "defection")]).json()
    assert data["total"] == 2
    assert anon.get("/api/incidents", params={"q": "Sinuiju"}).json()["total"] == 2
    assert anon.get("/api/incidents", params={"date_from": "soon"}).status_code == 400
    assert anon.get("/api/incidents", params={"min_confidence": 3}).status_code == 422
    rec = anon.get(f"/api/incidents/{ids['lockdown']}").json()
    assert rec["audit"] == [] and len(rec["evidence"]) == 2
    assert set(rec["related"]) == {ids["arrest"], ids["smuggling"], ids["punishment"]}
    assert anon.get("/api/incidents/inc-nope").status_code == 404


def test_api_map_timeline_facets(anon):
    fc = anon.get("/api/map").json()
    assert len(fc["features"]) == sample.LOCATED and fc["unlocated"] == 1
    assert fc["truncated"] is False
    fc = anon.get("/api/map", params={"limit": 3}).json()
    assert len(fc["features"]) == 3 and fc["truncated"] and fc["located"] == sample.LOCATED
    assert anon.get("/api/incidents", params={"article_id": "daily-1"}).json()["total"] == 4
    assert anon.get("/api/timeline", params={"category": "military"}).json()["total"] == 2
    facets = anon.get("/api/facets").json()
    assert facets["outlets"] == ["Example Daily", "Example Wire"]


def test_openapi_and_docs(anon):
    spec = anon.get("/api/openapi.json").json()
    for path in ("/api/incidents", "/api/incidents/{incident_id}", "/api/incidents/{incident_id}/approve",
                 "/api/incidents/{incident_id}/reject", "/api/incidents/{incident_id}/merge",
                 "/api/incidents/{incident_id}/split", "/api/export", "/api/session"):
        assert path in spec["paths"], path
    assert "patch" in spec["paths"]["/api/incidents/{incident_id}"]
    assert "total_is_estimate" in spec["paths"]["/api/incidents"]["get"]["description"]
    assert not any(p == "/" or p.startswith("/incidents") for p in spec["paths"])
    docs = anon.get("/api/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs


# --------------------------------------------------------------------------- exports


@pytest.fixture
def fake_export(monkeypatch):
    calls = []

    def render(records, fmt):
        calls.append((fmt, [r["id"] for r in records], records))
        return f"{fmt}:{len(records)}"

    monkeypatch.setattr(api, "render_export", render)
    return calls


def test_export_uses_the_query(anon, reviewer, ids, fake_export):
    reviewer.post(f"/api/incidents/{ids['flood']}/reject")
    r = anon.get("/api/export", params={"format": "csv"})
    assert r.status_code == 200 and r.text == "csv:8"
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="yalu-incidents.csv"' in r.headers["content-disposition"]
    assert ids["flood"] not in fake_export[-1][1]
    r = anon.get("/api/export", params={"format": "geojson", "include_rejected": "true"})
    assert r.text == "geojson:9" and r.headers["content-type"].startswith("application/geo+json")
    r = anon.get("/api/export", params={"format": "acled", "category": "military"})
    assert r.text == "acled:2"
    records = fake_export[-1][2]
    assert all(isinstance(x["actors"], list) and "evidence" in x for x in records)
    assert anon.get("/api/export", params={"format": "xml"}).status_code == 422


def test_export_with_the_real_renderer(anon):
    pytest.importorskip("yalu.export")
    for fmt in ("csv", "json", "geojson", "acled"):
        r = anon.get("/api/export", params={"format": fmt})
        assert r.status_code == 200 and r.text, fmt


def test_export_without_renderer(anon, monkeypatch):
    monkeypatch.setitem(sys.modules, "yalu.export", types.ModuleType("yalu.export"))
    r = anon.get("/api/export", params={"format": "json"})
    assert r.status_code == 501


# --------------------------------------------------------------------------- writes


def test_api_writes_need_sign_in_and_csrf(anon, reviewer, ids, db_path):
    token = anon.get("/api/session").json()["csrf_token"]
    r = anon.post(f"/api/incidents/{ids['arrest']}/approve", headers={"X-CSRF-Token": token})
    assert r.status_code == 401
    # signed in, but no / a wrong token
    bare = reviewer.headers.pop("X-CSRF-Token")
    assert reviewer.post(f"/api/incidents/{ids['arrest']}/approve").status_code == 403
    r = reviewer.post(f"/api/incidents/{ids['arrest']}/approve", headers={"X-CSRF-Token": "x" * 43})
    assert r.status_code == 403
    # a cross-site page cannot post even with a token
    r = reviewer.post(f"/api/incidents/{ids['arrest']}/approve",
                      headers={"X-CSRF-Token": bare, "Origin": "http://evil.example"})
    assert r.status_code == 403
    reviewer.headers["X-CSRF-Token"] = bare
    r = reviewer.post(f"/api/incidents/{ids['arrest']}/approve", json={"note": "checked"})
    assert r.status_code == 200 and r.json()["review_status"] == "approved"
    audit = reviewer.get(f"/api/incidents/{ids['arrest']}/audit").json()
    assert audit[0]["user"] == "alice" and audit[0]["after"]["note"] == "checked"


def signed_in(db_path, name):
    store = Store(db_path)
    users.add(store, name, "correct horse battery")
    store.close()
    c = client_for(db_path)
    token = c.get("/api/session").json()["csrf_token"]
    r = c.post("/api/session", json={"name": name, "password": "correct horse battery"},
               headers={"X-CSRF-Token": token})
    c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return c


def test_two_reviewers_editing_one_record_the_second_save_conflicts(db_path, ids):
    """Both load the record, both save at once (within one second): the first save wins,
    the second gets 409 with the record as the first left it, and nothing is overwritten."""
    alice, bob = signed_in(db_path, "alice"), signed_in(db_path, "bob")
    url = f"/api/incidents/{ids['arrest']}"
    loaded = alice.get(url).json()["updated_at"]
    assert bob.get(url).json()["updated_at"] == loaded
    first = alice.patch(url, json={"changes": {"summary": "Alice's summary"}, "expected_updated_at": loaded})
    second = bob.patch(url, json={"changes": {"summary": "Bob's summary"}, "expected_updated_at": loaded})
    assert first.status_code == 200 and second.status_code == 409
    current = second.json()["detail"]["current"]
    assert current["summary"] == "Alice's summary" and current["updated_at"] == first.json()["updated_at"] != loaded
    assert alice.get(url).json()["summary"] == "Alice's summary"
    # Bob resends with the version he was shown: it goes through
    again = bob.patch(url, json={"changes": {"summary": "Bob's summary"}, "expected_updated_at": current["updated_at"]})
    assert again.status_code == 200 and again.json()["summary"] == "Bob's summary"
    assert [a["user"] for a in alice.get(url + "/audit").json() if a["action"] == "edit"] == ["bob", "alice"]


def test_api_review_actions(reviewer, ids):
    c = reviewer
    r = c.patch(f"/api/incidents/{ids['smuggling']}", json={"changes": {"event_type": "bribery"}})
    assert r.status_code == 200 and r.json()["review_status"] == "edited"
    r = c.patch(f"/api/incidents/{ids['smuggling']}", json={"changes": {"event_type": "ufo"}})
    assert r.status_code == 400 and "ontology" in r.json()["detail"]
    stale = c.get(f"/api/incidents/{ids['crackdown']}").json()["updated_at"]
    c.post(f"/api/incidents/{ids['crackdown']}/approve")
    r = c.patch(f"/api/incidents/{ids['crackdown']}",
                json={"changes": {"summary": "changed"}, "expected_updated_at": "1999-01-01"})
    assert r.status_code == 409, stale
    r = c.post(f"/api/incidents/{ids['defection']}/merge", json={"loser": ids["crackdown"]})
    assert r.status_code == 200 and len(r.json()["evidence"]) == 2
    assert c.get("/api/incidents").json()["total"] == sample.TOTAL - 1
    lockdown = c.get(f"/api/incidents/{ids['lockdown']}").json()
    r = c.post(f"/api/incidents/{ids['lockdown']}/split",
               json={"move_evidence": [lockdown["evidence"][1]["id"]], "changes": {"event_type": "arrest"}})
    assert r.status_code == 201 and r.json()["new"]["category"] == "repression"
    r = c.post(f"/api/incidents/{ids['flood']}/reject", json={"note": "furniture"})
    assert r.json()["review_status"] == "rejected"
    assert c.post("/api/incidents/inc-nope/approve").status_code == 404


def test_login_wrong_password_and_logout(anon, db_path):
    store = Store(db_path)
    users.add(store, "bob", "long enough secret")
    store.close()
    page = anon.get("/login")
    token = form_token(page.text)
    r = anon.post("/login", data={"name": "bob", "password": "nope", "csrf_token": token})
    assert r.status_code == 401 and "Wrong name or password" in r.text
    r = anon.post("/login", data={"name": "bob", "password": "long enough secret", "csrf_token": "bad"})
    assert r.status_code == 403
    r = anon.post("/login", data={"name": "bob", "password": "long enough secret", "csrf_token": token,
                                  "next": "//evil.example/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    session = anon.get("/api/session").json()
    assert session["user"] == "bob" and session["csrf_token"] != token  # fresh token after sign-in
    html = anon.get("/").text
    assert "Sign out" in html
    r = anon.post("/logout", data={"csrf_token": form_token(html)}, follow_redirects=False)
    assert r.status_code == 303
    assert anon.get("/api/session").json()["user"] is None


def test_form_review_flow(reviewer, ids):
    c = reviewer
    page = c.get(f"/incidents/{ids['arrest']}").text
    assert 'id="approve-button"' in page
    token = form_token(page)
    r = c.post(f"/incidents/{ids['arrest']}/approve", data={"csrf_token": token}, follow_redirects=True)
    assert r.status_code == 200 and "Approved." in r.text
    assert 'class="audit-row" data-action="approve"' in r.text and "alice" in r.text
    # the edit form round-trips every field unchanged, so one change is one diff entry
    fields = form_fields(c.get(f"/incidents/{ids['arrest']}/edit").text)
    assert fields["actor_text"][:2] == ["Border guards", "three smugglers"]
    fields["summary"] = "Guards arrested three smugglers in Hyesan."
    r = c.post(f"/incidents/{ids['arrest']}/edit", data=fields, follow_redirects=True)
    assert "Saved" in r.text, r.text[:3000]
    audit = c.get(f"/api/incidents/{ids['arrest']}/audit").json()
    assert audit[0]["action"] == "edit"
    assert set(audit[0]["after"]) == {"summary", "review_status"}
    # reject, merge and split through forms
    token = form_token(c.get(f"/incidents/{ids['flood']}").text)
    c.post(f"/incidents/{ids['flood']}/reject", data={"csrf_token": token, "note": "not real"})
    assert c.get(f"/api/incidents/{ids['flood']}").json()["review_status"] == "rejected"
    r = c.post(f"/incidents/{ids['smuggling']}/merge",
               data={"csrf_token": token, "other": ids["punishment"], "keep": "other"},
               follow_redirects=False)
    assert r.headers["location"] == f"/incidents/{ids['punishment']}"
    assert c.get(f"/api/incidents/{ids['smuggling']}").json()["merged_into"] == ids["punishment"]
    split_page = c.get(f"/incidents/{ids['lockdown']}/split").text
    ev_ids = re.findall(r'name="ev-(\d+)" value="move"', split_page)
    r = c.post(f"/incidents/{ids['lockdown']}/split",
               data={"csrf_token": token, f"ev-{ev_ids[0]}": "stay", f"ev-{ev_ids[1]}": "move",
                     "event_type": "arrest", "summary": "Guards arrested smugglers."},
               follow_redirects=False)
    assert r.headers["location"] == f"/incidents/{ids['lockdown']}-s1"
    # errors come back as a message, not a crash
    r = c.post(f"/incidents/{ids['defection']}/merge",
               data={"csrf_token": token, "other": "inc-nope"}, follow_redirects=True)
    assert "no incident" in r.text


def test_forms_refuse_without_csrf_or_user(anon, reviewer, ids):
    assert reviewer.post(f"/incidents/{ids['arrest']}/approve", data={}).status_code == 403
    token = form_token(anon.get("/login").text)
    r = anon.post(f"/incidents/{ids['arrest']}/approve", data={"csrf_token": token})
    assert r.status_code == 401
    assert anon.get(f"/incidents/{ids['arrest']}/edit", follow_redirects=False).status_code == 303
    assert 'id="approve-button"' not in anon.get(f"/incidents/{ids['arrest']}").text


def test_single_user_only_on_loopback(db_path, ids):
    local = client_for(db_path, client=LOOPBACK, single_user=True)
    token = local.get("/api/session").json()["csrf_token"]
    r = local.post(f"/api/incidents/{ids['arrest']}/approve", headers={"X-CSRF-Token": token})
    assert r.status_code == 200
    assert local.get(f"/api/incidents/{ids['arrest']}/audit").json()[0]["user"]
    # CSRF still applies
    assert local.post(f"/api/incidents/{ids['arrest']}/reject").status_code == 403
    # a request that does not come from this computer gets no free pass
    remote = client_for(db_path, client=REMOTE, single_user=True)
    token = remote.get("/api/session").json()["csrf_token"]
    r = remote.post(f"/api/incidents/{ids['arrest']}/reject", headers={"X-CSRF-Token": token})
    assert r.status_code == 401
    with pytest.raises(ValueError):
        create_app(db_path, single_user=True, host="0.0.0.0", secret_key="x")


def test_read_only(db_path, ids):
    c = client_for(db_path, client=LOOPBACK, read_only=True)
    html = c.get(f"/incidents/{ids['arrest']}").text
    assert "read-only" in html and 'id="approve-button"' not in html
    token = c.get("/api/session").json()["csrf_token"]
    for method, path, body in (
        ("post", f"/api/incidents/{ids['arrest']}/approve", None),
        ("patch", f"/api/incidents/{ids['arrest']}", {"changes": {"summary": "x"}}),
        ("post", "/api/session", {"name": "a", "password": "b"}),
    ):
        r = getattr(c, method)(path, json=body, headers={"X-CSRF-Token": token})
        assert r.status_code == 403, path
    r = c.post(f"/incidents/{ids['arrest']}/approve", data={"csrf_token": token})
    assert r.status_code == 403
    assert c.get("/api/incidents").json()["total"] == sample.TOTAL
    # and the connection itself cannot write
    import sqlite3
    with pytest.raises(sqlite3.OperationalError):
        c.app.state.web.store.conn.execute("UPDATE incidents SET summary = 'x'")


def test_secret_file_next_to_db(tmp_path, monkeypatch):
    db_path = tmp_path / "test.db"  # the key file is beside a database file (SQLite's)
    monkeypatch.delenv(security.SECRET_ENV, raising=False)
    key = security.load_secret(db_path)
    secret = db_path.parent / (db_path.name + ".secret")
    assert secret.exists() and oct(secret.stat().st_mode & 0o777) == "0o600"
    assert security.load_secret(db_path) == key
    monkeypatch.setenv(security.SECRET_ENV, "from-env")
    assert security.load_secret(db_path) == "from-env"


# --------------------------------------------------------------------------- rules, schema


def test_incident_page_names_the_rules_of_each_evidence_sentence(new_db, tmp_path):
    from datetime import date

    from yalu.model import Article, Evidence, Incident, Location, TimeSpan

    text = "A soldier crossed the Yalu near Hyesan and defected, a source said (fictional)."
    rules = ["trigger.defection.crossed", "modality.reported"]
    incident = Incident(
        event_type="defection", category="movement", summary="A soldier defected.",
        time=TimeSpan(date(2024, 3, 4), date(2024, 3, 4), 1, None),
        location=Location(location_name="Hyesan", country="KP", admin1_code="KP-10", admin2="Hyesan"),
        modality="reported", evidence=[Evidence(0, len(text), 10, 17, text, rules=rules)],
        confidence=0.8,
    )
    path = new_db("rules.db")
    store = Store(path)
    store.save_article(Article(text=text, id="rules-1", outlet="Example Daily"), [incident])
    store.close()
    c = client_for(path)
    html = c.get(f"/incidents/{incident.id}").text
    assert '<div class="muted small evidence-rules">rules: trigger.defection.crossed · modality.reported</div>' in html
    assert c.get(f"/api/incidents/{incident.id}").json()["evidence"][0]["rules"] == rules


def test_openapi_documents_the_edit_body(anon):
    from yalu import review

    spec = anon.get("/api/openapi.json").json()
    body = spec["paths"]["/api/incidents/{incident_id}"]["patch"]["requestBody"]
    ref = body["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    changes = spec["components"]["schemas"][ref]["properties"]["changes"]
    fields = spec["components"]["schemas"][changes["$ref"].rsplit("/", 1)[1]]["properties"]
    assert list(fields) == list(review.EDITABLE)
    assert fields["modality"]["enum"][:2] == ["asserted", "reported"]
    assert spec["components"]["securitySchemes"]["csrf"]["name"] == "X-CSRF-Token"


def test_the_edit_body_refuses_what_is_not_editable(reviewer, ids):
    r = reviewer.patch(f"/api/incidents/{ids['arrest']}", json={"changes": {"merged_into": "x"}})
    assert r.status_code == 400 and "not editable" in r.json()["detail"]
    r = reviewer.patch(f"/api/incidents/{ids['arrest']}", json={"changes": {"attribution": None}})
    assert r.status_code == 200 and r.json()["attribution"] is None
