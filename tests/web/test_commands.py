import json
import socket
import subprocess
import sys
import time
import urllib.request

from click.testing import CliRunner

from yalu.serve import commands, users
from yalu.serve.commands import serve, user
from yalu.store import Store


def test_user_add_list_passwd_remove(new_db, tmp_path):
    db = new_db("u.db")
    runner = CliRunner()
    r = runner.invoke(user, ["add", "alice", "--db", db], input="a long password\na long password\n")
    assert r.exit_code == 0, r.output
    store = Store(db)
    assert users.verify(store, "alice", "a long password")
    store.close()
    r = runner.invoke(user, ["add", "alice", "--db", db], input="another password\nanother password\n")
    assert r.exit_code != 0 and "exists" in r.output
    r = runner.invoke(user, ["add", "bob", "--db", db], input="short\nshort\n")
    assert r.exit_code != 0 and "at least" in r.output
    assert "alice" in runner.invoke(user, ["list", "--db", db]).output
    r = runner.invoke(user, ["passwd", "alice", "--db", db], input="new password 1\nnew password 1\n")
    assert r.exit_code == 0
    assert runner.invoke(user, ["remove", "alice", "--db", db]).exit_code == 0
    assert runner.invoke(user, ["remove", "alice", "--db", db]).exit_code != 0


def test_serve_refuses_single_user_off_localhost(tmp_path):
    r = CliRunner().invoke(serve, ["--db", str(tmp_path / "x.db"), "--single-user", "--host", "0.0.0.0"])
    assert r.exit_code != 0 and "--single-user" in r.output


def test_serve_read_only_needs_a_database(tmp_path):
    r = CliRunner().invoke(serve, ["--db", str(tmp_path / "missing.db"), "--read-only"])
    assert r.exit_code != 0 and "no database" in r.output


def test_open_without_a_browser_prints_the_url(monkeypatch, capsys):
    monkeypatch.setattr(commands, "_gui_available", lambda: False)
    opened = []
    monkeypatch.setattr(commands.webbrowser, "open", lambda url: opened.append(url))
    commands._open_later("http://127.0.0.1:8001/", delay=0)
    time.sleep(0.3)
    assert opened == [] and "http://127.0.0.1:8001/" in capsys.readouterr().err


def test_yalu_serve_runs(new_db):
    """The real command: a uvicorn process on a free loopback port answers, then stops."""
    import sample

    db = new_db("serve.db")
    sample.build(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from yalu.serve.commands import serve; serve()",
         "--db", str(db), "--port", str(port), "--read-only"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/incidents", timeout=2) as r:
                    data = json.load(r)
                break
            except OSError as exc:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(proc.stdout.read().decode() if proc.poll() is not None else "timeout") from exc
                time.sleep(0.2)
        assert data["total"] == sample.TOTAL
    finally:
        proc.terminate()
        proc.wait(timeout=10)
