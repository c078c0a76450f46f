import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from yalu.model import Article, Evidence, Incident, Location, TimeSpan
from yalu.store import MIGRATIONS, Store, postgres, query, schema_pg
from yalu.store.database import retry_busy
from yalu.store.integrity import problems
from yalu.store.query import IncidentQuery, search
from yalu.store.sql import build_where

ON_POSTGRES = os.environ.get("YALU_TEST_DB", "").startswith(("postgresql://", "postgres://"))

REPO = Path(__file__).resolve().parents[1]


def _article(text="A fictional report: border guards arrested two smugglers in Hyesan on Monday."):
    return Article(text=text, title="Fictional", published=date(2024, 3, 6), outlet="Test Wire")


def _incident(event_type="arrest", category="repression", anchor=10):
    return Incident(
        event_type=event_type,
        category=category,
        summary="Arrest in Hyesan.",
        time=TimeSpan(date(2024, 3, 4), date(2024, 3, 4), 1, "on Monday"),
        location=Location(location_name="Hyesan", country="KP", admin1="Ryanggang", admin1_code="KP-10", admin2="Hyesan", geo_precision=1),
        evidence=[Evidence(0, 40, anchor, anchor + 8, "A fictional report")],
        confidence=0.8,
    )


def _raw(place):
    """A connection of the database's own, as another program would open it."""
    if postgres.is_url(place):
        return postgres.Connection(place)
    return sqlite3.connect(place, isolation_level=None, check_same_thread=False)


def _old_database(place, version, rows=""):
    """A database as an older Yalu left it: its first `version` migrations, then `rows`."""
    conn = _raw(place)
    if postgres.is_url(place):
        for n in range(1, version + 1):
            schema_pg.migrate(conn, n)
        conn.executescript(rows)
    else:
        conn.executescript("".join(f"{m};" for m in MIGRATIONS[:version]) + f"PRAGMA user_version = {version};" + rows)
    conn.close()


def _columns(store, table):
    return {column[0] for column in store.conn.execute(f"SELECT * FROM {table} LIMIT 0").description}


def test_schema_is_migrated_to_the_latest_version(new_db):
    store = Store(new_db("y.db"))
    assert store.schema_version == len(MIGRATIONS)
    # opening again applies nothing twice
    assert Store(new_db("y.db")).schema_version == len(MIGRATIONS)


def test_a_version_2_database_gains_the_episode_column(new_db):
    path = new_db("old.db")
    _old_database(path, 2)
    store = Store(path)
    assert store.schema_version == len(MIGRATIONS)
    assert "episode" in _columns(store, "incidents")


def test_a_version_8_database_gets_the_browse_index_in_the_list_order(tmp_path):
    """Migration 11: a filtered first page in the default order (newest first) reads the
    browse index alone, not the map index and every row behind it."""
    path = tmp_path / "old.db"
    _old_database(path, 8)
    store = Store(path)
    store.save_article(_article(), [_incident()])
    columns = [r[2] for r in store.conn.execute("PRAGMA index_info(incidents_browse)")]
    assert columns[:3] == ["merged_into", "date_start", "id"] and "admin2" in columns
    query = IncidentQuery(admin2=["Hyesan"], modality=["reported"], outlet=["Daily NK"])
    w = build_where(store.conn, query)
    plan = " ".join(r[3] for r in store.conn.execute(
        f"EXPLAIN QUERY PLAN SELECT i.id FROM incidents i{w.sql()} ORDER BY i.date_start DESC, i.id DESC "
        "LIMIT 50", w.params))
    assert "COVERING INDEX incidents_browse" in plan and "TEMP B-TREE" not in plan
    stored = store.conn.execute("SELECT id FROM incidents").fetchone()[0]
    assert [r["id"] for r in search(store, IncidentQuery(admin2=["Hyesan"])).items] == [stored]


def test_days_of_a_run_keep_their_episode(new_db):
    store = Store(new_db("y.db"))
    run = TimeSpan(date(2024, 3, 4), date(2024, 3, 5), 2, "from Monday to Tuesday")
    days = []
    for day in (4, 5):
        incident = _incident()
        incident.time = TimeSpan(date(2024, 3, day), date(2024, 3, day), 1, run.expression)
        incident.episode = run
        days.append(incident)
    store.save_article(_article(), days)
    records = query.records(store)
    assert sorted(r["date_start"] for r in records) == ["2024-03-04", "2024-03-05"]
    assert all(r["episode"] == run.to_dict() for r in records)


def test_article_and_incidents_round_trip(new_db):
    store = Store(new_db("y.db"))
    article_id = store.save_article(_article(), [_incident()])
    assert article_id
    [record] = query.records(store)
    assert record["event_type"] == "arrest" and record["admin1_code"] == "KP-10"
    assert record["sources"] == [article_id]
    assert record["evidence"][0]["trigger_start"] == 10
    assert query.records(store, query.IncidentQuery(q="smugglers"))[0]["id"] == record["id"]
    assert query.records(store, query.IncidentQuery(q="missile")) == []
    assert query.records(store, query.IncidentQuery(admin1="Ryanggang"))
    assert not query.records(store, query.IncidentQuery(admin1="KP-01"))
    assert query.records(store, query.IncidentQuery(date_from=date(2024, 3, 5))) == []


def test_reingesting_the_same_text_changes_nothing(new_db):
    store = Store(new_db("y.db"))
    assert store.save_article(_article(), [_incident()])
    before = store.counts()
    assert store.save_article(_article(), [_incident()]) is None
    assert store.counts() == before


def test_a_failed_article_leaves_nothing_behind(new_db):
    store = Store(new_db("y.db"))
    # two incidents with one id: the second insert fails, the whole article rolls back
    twins = [_incident(), _incident()]
    with pytest.raises(sqlite3.IntegrityError):
        store.save_article(_article(), twins)
    assert store.counts() == {"articles": 0, "incidents": 0}
    assert store.conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0


def test_a_version_3_database_gains_evidence_rules(new_db):
    """Evidence stored before the rule ids were kept reads back with none."""
    path = new_db("old.db")
    _old_database(path, 3, """
        INSERT INTO articles (id, content_hash, text, ingested_at) VALUES ('a', 'h', 'text', 'now');
        INSERT INTO incidents (id, article_id, event_type, category, summary, modality, confidence,
                               created_at, updated_at)
        VALUES ('i', 'a', 'arrest', 'repression', 'An arrest.', 'asserted', 0.5, 'now', 'now');
        INSERT INTO incident_sources VALUES ('i', 'a');
        INSERT INTO evidence (incident_id, article_id, start, "end") VALUES ('i', 'a', 0, 4);
    """)
    store = Store(path)
    assert store.schema_version == len(MIGRATIONS)
    assert query.get(store, "i")["evidence"][0]["rules"] == []


def test_evidence_keeps_the_ids_of_its_rules(new_db):
    store = Store(new_db("y.db"))
    incident = _incident()
    incident.evidence[0].rules = ["trigger.arrest.detained", "modality.reported"]
    store.save_article(_article(), [incident])
    [record] = query.records(store)
    assert record["evidence"][0]["rules"] == ["trigger.arrest.detained", "modality.reported"]
    row = store.conn.execute("SELECT rules FROM evidence").fetchone()
    assert json.loads(row[0]) == ["trigger.arrest.detained", "modality.reported"]


def test_transactions_nest_as_savepoints(new_db):
    store = Store(new_db("y.db"))
    with store.atomic():
        store.save_article(_article(), [_incident()])
        with pytest.raises(RuntimeError), store.atomic():
            store.save_article(_article("Another fictional report of an arrest in Hyesan."),
                               [_incident(anchor=20)])
            raise RuntimeError("the inner block fails")
        assert store.counts()["articles"] == 1  # the inner block is undone, the outer goes on
    assert store.counts() == {"articles": 1, "incidents": 1}
    with pytest.raises(RuntimeError), store.atomic():
        store.save_article(_article("A third fictional report."), [_incident(anchor=30)])
        with store.atomic():
            raise RuntimeError("an error inside undoes the whole outer transaction")
    assert store.counts() == {"articles": 1, "incidents": 1}
    assert not store.conn.in_transaction


def test_each_thread_has_its_own_connection_and_read_only_cannot_write(new_db):
    path = new_db("y.db")
    Store(path).save_article(_article(), [_incident()])
    store = Store(path, read_only=True)
    seen = []
    thread = threading.Thread(target=lambda: seen.append(store.conn))
    thread.start()
    thread.join()
    assert seen[0] is not store.conn
    assert store.counts() == {"articles": 1, "incidents": 1}
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM incidents")
    store.close()
    if not ON_POSTGRES:
        with pytest.raises(FileNotFoundError):
            Store(str(path) + ".missing", read_only=True)


@pytest.mark.parametrize("version", [0, 2])
def test_processes_opening_a_new_or_old_database_at_once_migrate_it_once(new_db, version):
    """Six processes open the same database at the same moment: each migration is
    applied once, by whichever takes the write lock first, and no process fails."""
    path = new_db("y.db")
    if version:
        _old_database(path, version)
    code = ("import sys, time\nfrom yalu.store import Store\n"
            "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
            "print(Store(sys.argv[1]).schema_version)")
    start = time.time() + 2  # after every process has imported yalu
    processes = [subprocess.Popen([sys.executable, "-c", code, str(path), str(start)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env={**os.environ, "PYTHONPATH": str(REPO)})
                 for _ in range(6)]
    outcomes = [(p.wait(timeout=60), p.stdout.read().strip(), p.stderr.read()) for p in processes]
    assert outcomes == [(0, str(len(MIGRATIONS)), "")] * 6
    store = Store(path)
    assert store.schema_version == len(MIGRATIONS)
    assert "rules" in _columns(store, "evidence")
    assert problems(store) == []


def test_a_write_waits_out_another_process_holding_the_lock_beyond_busy_timeout(new_db):
    path = new_db("y.db")
    store = Store(path)
    # SQLite alone would give up at once (PostgreSQL waits for the lock as long as it takes)
    store.conn.execute("SET lock_timeout = 20" if ON_POSTGRES else "PRAGMA busy_timeout = 20")
    holder = _raw(path)
    holder.execute("BEGIN IMMEDIATE")  # another writer, as another process would hold it
    release = threading.Timer(0.3, holder.execute, ("COMMIT",))
    release.start()
    assert store.save_article(_article(), [_incident()]) is not None
    release.join()
    assert store.counts() == {"articles": 1, "incidents": 1}


def test_a_write_gives_up_after_its_attempts_and_other_errors_are_not_retried(new_db):
    path = new_db("y.db")
    store = Store(path)
    store.conn.execute("SET lock_timeout = 1" if ON_POSTGRES else "PRAGMA busy_timeout = 1")
    holder = _raw(path)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="locked|lock timeout"):
        retry_busy(lambda: store.save_article(_article(), [_incident()]), attempts=2)
    holder.execute("ROLLBACK")
    calls = []

    def fails() -> None:
        calls.append(1)
        store.conn.execute("SELECT * FROM no_such_table")

    with pytest.raises(sqlite3.OperationalError, match="no such table|does not exist"):
        retry_busy(fails)
    assert calls == [1]


@pytest.mark.sqlite_only("breaks the database with SQLite's own means (foreign_keys off, FTS5 triggers)")
def test_integrity_problems_are_found(new_db):
    """The checks the crash test relies on fail when a database is broken."""
    store = Store(new_db("y.db"))
    store.save_article(_article(), [_incident()])
    assert problems(store) == []
    conn = store.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM evidence")
    conn.execute("UPDATE incidents SET article_id = 'gone'")
    conn.execute("DROP TRIGGER articles_ai")
    conn.execute("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES ('x', 'h', 't', 'now')")
    found = problems(store)
    assert any(line.startswith("orphan row") and "incidents" in line for line in found)
    assert any(line.endswith("has no evidence") for line in found)
    assert any(line.startswith("full-text index") for line in found)


def test_the_data_version_grows_with_every_change_by_any_connection(new_db):
    store = Store(new_db("y.db"))
    before = store.data_version
    store.save_article(_article(), [_incident()])
    stored = store.data_version
    assert stored > before
    other = Store(new_db("y.db"))  # as another process would
    other.conn.execute("UPDATE incidents SET review_status = 'approved'")
    assert store.data_version > stored


def test_remembered_bytes_stay_within_their_budget(tmp_path, monkeypatch):
    from yalu.store import database

    monkeypatch.setattr(database, "REMEMBERED_BYTES", 2500)
    store = Store(tmp_path / "y.db")
    store.remember("small", lambda: {"answer": 1})
    for k in range(5):
        store.remember(("big", k), lambda: b"x" * 1000)
    # the oldest bytes went first; the small answer is not bytes and stays
    assert list(store._answers) == ["small", ("big", 3), ("big", 4)]
    assert store._answer_bytes == 2000
    store.remember(("big", 4), lambda: b"y")  # asked again: remembered, not computed
    assert store._answers[("big", 4)][1] == b"x" * 1000
    import numpy as np

    store.remember("mask", lambda: np.zeros(1500, dtype=bool))  # arrays count too
    assert list(store._answers) == ["small", ("big", 4), "mask"] and store._answer_bytes == 2500


def test_threads_asking_at_once_compute_an_answer_once(new_db):
    """Several threads asking for the same answer at once: one computes it, the others
    wait for it (8 clients each reading the facets' arrays took 10-12 GB at 1,000,000
    incidents); when that computation fails, a waiting thread computes it itself."""
    store = Store(new_db("y.db"))
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def slow(name: str, fail: bool = False):
        def compute():
            calls.append(name)
            started.set()
            release.wait(5)
            if fail:
                raise RuntimeError("failed")
            return {"by": name}
        return compute

    got: list[object] = []
    first = threading.Thread(target=lambda: got.append(store.remember("k", slow("first"))))
    first.start()
    started.wait(5)
    others = [threading.Thread(target=lambda: got.append(store.remember("k", slow("other"))))
              for _ in range(3)]
    for thread in others:
        thread.start()
    time.sleep(0.2)  # the others are waiting, not computing
    assert calls == ["first"]
    release.set()
    for thread in [first, *others]:
        thread.join(5)
    assert calls == ["first"] and got == [{"by": "first"}] * 4

    started.clear()
    release.clear()
    errors: list[Exception] = []

    def failing() -> None:
        try:
            store.remember("f", slow("failing", fail=True))
        except RuntimeError as exc:
            errors.append(exc)

    first = threading.Thread(target=failing)
    first.start()
    started.wait(5)
    waiter = threading.Thread(target=lambda: got.append(store.remember("f", lambda: "computed here")))
    waiter.start()
    time.sleep(0.2)
    release.set()
    first.join(5)
    waiter.join(5)
    assert len(errors) == 1 and got[-1] == "computed here"
    # asked again inside its own computation (same thread): computed, not waited for
    assert store.remember("n", lambda: store.remember("n", lambda: 1) + 1) == 2


def test_the_timeline_is_remembered_until_the_data_changes(new_db):
    store = Store(new_db("y.db"))
    store.save_article(_article(), [_incident()])
    first = query.weekly_counts(store)
    assert first["total"] == 1
    assert query.weekly_counts(store) is first  # the same answer, not computed again
    assert query.weekly_counts(store, query.IncidentQuery(category=["military"]))["total"] == 0
    other = Store(new_db("y.db"))
    other.conn.execute("UPDATE incidents SET review_status = 'rejected'")
    assert query.weekly_counts(store)["total"] == 0
    other.save_article(_article("Another fictional arrest in Hyesan."), [_incident(anchor=20)])
    assert query.weekly_counts(store)["total"] == 1


def test_one_version_reads_the_data_version_once_for_what_it_remembers(new_db):
    import threading

    store = Store(new_db("y.db"))
    store.save_article(_article(), [_incident()])
    other = Store(new_db("y.db"))  # as another process would
    with store.one_version():
        with store.one_version():  # nested: the outer block's version
            assert query.weekly_counts(store)["total"] == 1
        other.conn.execute("UPDATE incidents SET review_status = 'rejected'")
        # read once on entry: a change committed since is the next block's
        assert query.weekly_counts(store)["total"] == 1
        seen = []  # another thread is not pinned: it reads the version each time
        worker = threading.Thread(target=lambda: seen.append(query.weekly_counts(store)["total"]))
        worker.start()
        worker.join()
        assert seen == [0]
    assert query.weekly_counts(store)["total"] == 0


def test_an_incident_without_evidence_is_a_problem(new_db):
    store = Store(new_db("y.db"))
    store.save_article(_article(), [_incident()])
    assert problems(store) == []
    store.conn.execute("DELETE FROM evidence")
    assert [line.endswith("has no evidence") for line in problems(store)] == [True]


def test_a_bulk_run_commits_each_article_whole_and_flushes_at_its_end(tmp_path):
    db = tmp_path / "bulk.db"
    store = Store(db)
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: a commit is flushed
    with pytest.raises(RuntimeError), store.bulk():
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL: flushed at checkpoints
        store.save_article(_article(), [_incident()])
        assert _raw(str(db)).execute("SELECT count(*) FROM incidents").fetchone()[0] == 1  # committed: others see it
        raise RuntimeError("the run stops")
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    # the checkpoint at the end moved the committed pages into the database file itself
    alone = tmp_path / "alone.db"
    alone.write_bytes(db.read_bytes())  # without its WAL
    assert _raw(str(alone)).execute("SELECT count(*) FROM incidents").fetchone()[0] == 1
    store.close()
    assert Store(db).conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
