"""`yalu serve --workers 2`: a real server of two processes on a free loopback port. What
one worker did (a sign-in, a sign-out, a review) holds in the other: each test keeps a
connection open to each worker (which process holds a connection's server end is read
from /proc), so every request is known to land on the worker it means to."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sample

from yalu.serve import limits, users
from yalu.serve.sessions import SESSION_COOKIE
from yalu.store import Store

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc")

PASSWORD = "correct horse battery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except FileNotFoundError:  # a process that ended while we looked
            continue
        for task in tasks:
            try:
                children = (task / "children").read_text().split()
            except FileNotFoundError:  # a thread that ended while we looked (a flaky CI setup error)
                continue
            found += [int(c) for c in children]
            todo += [int(c) for c in children]
    return found


def _socket_inode(server_port: int, client_port: int) -> str:
    """The inode of the server's end of the loopback connection from client_port."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = fields[1], fields[2]
        if (int(local.split(":")[1], 16) == server_port
                and int(remote.split(":")[1], 16) == client_port):
            return fields[9]
    raise AssertionError(f"no server socket for the client port {client_port}")


def _holder(pids: list[int], inode: str) -> int | None:
    for pid in pids:
        try:
            if any(os.readlink(fd) == f"socket:[{inode}]" for fd in Path(f"/proc/{pid}/fd").iterdir()):
                return pid
        except OSError:
            continue  # a process that ended meanwhile, or a file descriptor that closed
    return None


class Browser:
    """One keep-alive connection (so one worker) with a cookie jar of its own."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""
        self.csrf = ""

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | str]:
        headers = {"X-CSRF-Token": self.csrf} if self.csrf else {}
        if self.cookie:
            headers["Cookie"] = f"{SESSION_COOKIE}={self.cookie}"
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body), "application/json"
        self.conn.request(method, path, body=data, headers=headers)
        resp = self.conn.getresponse()
        text = resp.read().decode()
        for value in resp.headers.get_all("set-cookie") or []:
            if value.startswith(SESSION_COOKIE + "="):
                self.cookie = value.split(";", 1)[0].split("=", 1)[1]
        is_json = resp.headers.get("content-type", "").startswith("application/json")
        return resp.status, json.loads(text) if is_json else text

    def session(self) -> dict:
        status, answer = self.request("GET", "/api/session")
        assert status == 200 and isinstance(answer, dict)
        self.csrf = answer["csrf_token"]
        return answer


@pytest.fixture
def two_workers(new_db, request):
    """A `yalu serve --workers 2` process (with the options a test parametrizes it with),
    the sample database with alice, and one open connection to each of its two workers:
    (port, {worker pid: Browser}, ids, db)."""
    options = getattr(request, "param", [])
    db = new_db("workers.db")
    ids = sample.build(db)
    store = Store(db)
    users.add(store, "alice", PASSWORD)
    store.close()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "YALU_SECRET_KEY"}  # the file's key
    proc = subprocess.Popen([sys.executable, "-m", "yalu", "serve", "--db", str(db), "--port", str(port),
                             "--workers", "2", *options], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        yield port, _one_per_worker(proc, port), ids, db
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _one_per_worker(proc: subprocess.Popen, port: int) -> dict[int, Browser]:
    """New connections until each of the two workers holds one (the kernel picks)."""
    deadline = time.monotonic() + 60
    browsers: dict[int, Browser] = {}
    while len(browsers) < 2:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"not two workers answering: {proc.communicate()[0][-2000:]}")
        browser = Browser(port)
        try:
            browser.request("GET", "/api/session")
        except OSError:
            time.sleep(0.2)  # not listening yet
            continue
        inode = _socket_inode(port, browser.conn.sock.getsockname()[1])
        pid = _holder(_descendants(proc.pid), inode)
        if pid is not None and pid not in browsers:
            browsers[pid] = browser
    return browsers


def test_a_sign_out_in_one_worker_ends_the_session_in_both(two_workers):
    _, browsers, ids, _ = two_workers
    owner, other = browsers.values()
    owner.session()
    status, _ = owner.request("POST", "/api/session", {"name": "alice", "password": PASSWORD})
    assert status == 200
    copied = owner.cookie
    tokens = []
    for browser in browsers.values():  # the cookie one worker signed is good in the other
        browser.cookie = copied
        assert browser.session()["user"] == "alice"
        tokens.append(browser.csrf)
    assert tokens[0] == tokens[1]  # and so is the CSRF token: one key signs both
    status, _ = other.request("DELETE", "/api/session")  # signed out in the other worker
    assert status == 200 and other.cookie == ""
    for browser in browsers.values():  # the copied cookie is nobody, in either worker
        browser.cookie = copied
        assert browser.session()["user"] is None
        status, _ = browser.request("POST", f"/api/incidents/{ids['arrest']}/approve")
        assert status in (401, 403)


@pytest.mark.parametrize("two_workers", [["--read-only"]], indirect=True)
def test_a_key_made_at_start_is_every_worker_s(two_workers):
    """No key file and none may be written (read-only; PostgreSQL has no file either): the
    command makes one key for all workers, so a cookie and its CSRF token from one worker
    are good in the other (each worker making its own would refuse the other's cookie)."""
    _, browsers, _, db = two_workers
    assert not Path(str(db) + ".secret").exists()
    first, second = browsers.values()
    token = first.session()["csrf_token"]
    second.cookie = first.cookie
    assert second.session()["csrf_token"] == token and second.cookie == first.cookie
    status, _ = second.request("DELETE", "/api/session")  # the CSRF check passes there
    assert status == 200


def test_a_write_through_one_worker_is_read_through_the_other(two_workers):
    """The remembered answers are keyed on the data version, which any process's write
    moves: the other worker's remembered list, facets and timeline are not served again."""
    _, browsers, ids, _ = two_workers
    writer, reader = browsers.values()
    asked = ["/api/incidents?review_status=approved", "/api/facets", "/api/timeline?review_status=approved"]
    before = [reader.request("GET", path)[1] for path in asked]  # remembered by the reader
    assert all(isinstance(answer, dict) for answer in before)
    writer.session()
    assert writer.request("POST", "/api/session", {"name": "alice", "password": PASSWORD})[0] == 200
    writer.session()
    status, _ = writer.request("POST", f"/api/incidents/{ids['arrest']}/approve")
    assert status == 200
    after = [reader.request("GET", path)[1] for path in asked]
    assert after[0]["total"] == before[0]["total"] + 1
    assert ids["arrest"] in [row["id"] for row in after[0]["items"]]
    assert after[1] != before[1] and after[2] != before[2]
    status, record = reader.request("GET", f"/api/incidents/{ids['arrest']}")
    assert status == 200 and record["review_status"] == "approved"


def test_the_workers_share_the_sign_in_limit(two_workers):
    """One process checks FREE + 1 wrong passwords before it locks the account; two
    workers, each its share, check no more together."""
    _, browsers, _, _ = two_workers
    checked = 0
    for browser in browsers.values():
        for _ in range(limits.FREE["account"] + 2):
            browser.session()
            status, _ = browser.request("POST", "/api/session", {"name": "alice", "password": "wrong"})
            if status == 429:
                break
            assert status == 401
            checked += 1
        assert status == 429  # this worker locked the account too
    assert checked == limits.FREE["account"] + 1


def test_the_shared_socket_turns_nagle_off_on_its_connections():
    """uvicorn's own shared socket leaves Nagle's algorithm on for what it accepts (each
    response after a connection's first waits for a delayed ACK); `tcp_listener`'s not."""
    import asyncio

    import uvicorn

    from yalu.serve.commands import tcp_listener

    def nodelay_of_accepted(listener: socket.socket) -> int:
        seen = []

        class Probe(asyncio.Protocol):
            def connection_made(self, transport):
                sock = transport.get_extra_info("socket")
                seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        async def accept_one():
            server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
            _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
            while not seen:
                await asyncio.sleep(0.01)
            writer.close()
            server.close()

        asyncio.run(accept_one())
        return seen[0]

    config = uvicorn.Config("yalu.serve.app:app_from_env", host="127.0.0.1", port=0)
    assert nodelay_of_accepted(config.bind_socket()) == 0  # what uvicorn's socket gives
    assert nodelay_of_accepted(tcp_listener(config)) != 0
