"""`yalu reprocess` and the re-dating flow: stored articles extracted again, machine records
replaced, reviewed ones kept and flagged, every change audited."""

import json

import pytest
from click.testing import CliRunner

from yalu.cli import cli
from yalu.review import actions
from yalu.store import Store, query
from yalu.store.writes import add_sources, insert_evidence

# a fictional report without a date of its own: "on Monday" needs the publication date
REPORT = (
    "Border guards arrested two smugglers in Hyesan on Monday, a source in Ryanggang Province told Daily NK.\n\n"
    "A soldier of the Seventh Corps defected across the Yalu River near Kim Jong Suk County on Monday, "
    "the source said. Police then began a crackdown on phones in Hyesan.\n"
)


def yalu(*args: object) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output + str(result.exception)
    return result.stderr


@pytest.fixture
def undated(new_db, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = new_db("y.db")
    yalu("ingest", "-q", "--db", db, report)
    store = Store(db)
    records = query.records(store)
    assert len(records) >= 2 and all(r["date_start"] is None for r in records)
    return report, db, store


def audit(store: Store, action: str) -> list[dict]:
    return [dict(r) for r in store.conn.execute("SELECT * FROM audit WHERE action = ? ORDER BY id", (action,))]


def test_ingest_with_a_date_after_an_undated_ingest_dates_the_records(undated):
    """Issue 12: `yalu ingest --published 2020-12-03 seed.txt` said "1 already stored" and the
    records stayed undated."""
    report, db, store = undated
    before = {r["id"] for r in query.records(store)}
    out = yalu("ingest", "-q", "--db", db, "--published", "2024-03-06", report)
    assert "1 already stored with other metadata, extracted again" in out
    records = query.records(store)
    assert {r["id"] for r in records} == before  # the same records, replaced in place
    assert {r["published"] for r in records} == {"2024-03-06"}
    assert all(r["date_start"] == "2024-03-04" for r in records if r["date_expression"] == "on Monday")
    assert any(r["date_start"] for r in records)
    changes = audit(store, "reprocess")
    assert changes and all(c["user"] == "reprocess" and "date_start" in json.loads(c["after"]) for c in changes)
    # the same again changes nothing
    out = yalu("ingest", "--db", db, "--published", "2024-03-06", report)
    assert "0 articles added (0 incidents), 1 already stored" in out
    assert len(audit(store, "reprocess")) == len(changes)


def test_reviewed_records_are_kept_and_flagged_for_re_review(undated):
    _, db, store = undated
    first, second, *_ = sorted(query.records(store), key=lambda r: r["id"])
    actions.approve(store, first["id"], "ana")
    actions.edit(store, second["id"], "ana", {"admin2": "Samsu", "location_name": "Samsu"})
    [article_id] = {first["article_id"], second["article_id"]}
    out = yalu("reprocess", "-q", "--db", db, "--article", article_id, "--published", "2024-03-06")
    assert "1 articles reprocessed" in out
    approved, edited = query.get(store, first["id"]), query.get(store, second["id"])
    assert approved["review_status"] == "approved" and approved["date_start"] is None  # never overwritten
    assert approved["recheck"]["date_start"] is not None  # what the new run says instead
    assert edited["review_status"] == "edited" and edited["admin2"] == "Samsu"
    assert "admin2" not in (edited["recheck"] or {})  # the reviewer's own field is theirs
    flags = audit(store, "reprocess_recheck")
    assert first["id"] in {f["incident_id"] for f in flags}
    machine = [r for r in query.records(store) if r["review_status"] == "machine"]
    assert machine and all(r["recheck"] is None for r in machine)


def test_a_changed_extraction_replaces_machine_records_and_keeps_what_others_gave(undated, tmp_path):
    """A record the extractor now makes differently (here: a stored record made stale by
    hand) is made again, keeping another outlet's source and evidence; one it no longer
    makes goes, and what was merged into it returns."""
    report, db, store = undated
    one, two, *_ = sorted(query.records(store), key=lambda r: r["id"])
    other = tmp_path / "other.txt"
    other.write_text("Guards detained smugglers in Hyesan, Yonhap reported.\n", encoding="utf-8")
    yalu("ingest", "-q", "--db", db, other)
    conn = store.conn
    [other_id] = [r[0] for r in conn.execute("SELECT id FROM articles WHERE id != ?", (one["article_id"],))]
    add_sources(conn, one["id"], [other_id])
    insert_evidence(conn, one["id"], [{"article_id": other_id, "start": 0, "end": 20, "text": "Guards detained"}])
    conn.execute("UPDATE incidents SET event_type = 'other', summary = 'stale' WHERE id = ?", (one["id"],))
    columns = [c[0] for c in conn.execute("SELECT * FROM incidents LIMIT 0").description if c[0] not in ("id", "rowid")]
    conn.execute(f"INSERT INTO incidents (id, {', '.join(columns)}) SELECT 'inc-stale', {', '.join(columns)} "
                 "FROM incidents WHERE id = ?", (two["id"],))  # a record this version no longer makes
    conn.execute("DELETE FROM incidents WHERE id = ?", (two["id"],))  # one it makes anew
    conn.execute("UPDATE incidents SET merged_into = 'inc-stale' WHERE id = ?", (one["id"],))
    yalu("reprocess", "-q", "--db", db, "--article", one["article_id"])
    again = query.get(store, one["id"])
    assert again["event_type"] == one["event_type"] and again["summary"] == one["summary"]
    assert again["merged_into"] is None and again["sources"] == sorted([one["article_id"], other_id])
    assert [(e["article_id"], e["text"]) for e in again["evidence"]] == sorted(
        [(e["article_id"], e["text"]) for e in one["evidence"]] + [(other_id, "Guards detained")])
    assert query.get(store, "inc-stale") is None and query.get(store, two["id"])["event_type"] == two["event_type"]
    assert [a["incident_id"] for a in audit(store, "reprocess_remove")] == ["inc-stale"]
    assert [a["incident_id"] for a in audit(store, "reprocess_unmerge")] == [one["id"]]
    assert two["id"] in {a["incident_id"] for a in audit(store, "reprocess_add")}
    [change] = [a for a in audit(store, "reprocess") if a["incident_id"] == one["id"]]
    assert json.loads(change["before"]) == {"event_type": "other"}
    assert json.loads(change["after"]) == {"event_type": one["event_type"]}


def test_reprocess_names_an_unknown_article(undated):
    _, db, _ = undated
    result = CliRunner().invoke(cli, ["reprocess", "--db", str(db), "--article", "nope"])
    assert result.exit_code == 1 and "no article nope" in result.output


def test_reprocess_by_filter_takes_the_articles_of_the_records(undated, tmp_path):
    report, db, store = undated
    other = tmp_path / "other.txt"
    other.write_text("North Korea fired two ballistic missiles into the East Sea on Tuesday, Yonhap said.\n",
                     encoding="utf-8")
    yalu("ingest", "-q", "--db", db, other)
    out = yalu("reprocess", "-q", "--db", db, "--type", "missile_launch")
    assert "1 articles reprocessed" in out


def test_approving_or_editing_a_flagged_record_clears_its_recheck_flag(undated):
    """The reviewer who approves or edits a record flagged by reprocess has looked at it
    again: the flag goes, and the audit row says what it held."""
    _, db, store = undated
    first, second, third, *_ = sorted(query.records(store), key=lambda r: r["id"])
    for record in (first, second, third):
        actions.approve(store, record["id"], "ana")
    [article_id] = {first["article_id"], second["article_id"], third["article_id"]}
    yalu("reprocess", "-q", "--db", db, "--article", article_id, "--published", "2024-03-06")
    flags = {r: query.get(store, r)["recheck"] for r in (first["id"], second["id"], third["id"])}
    assert all(flags.values())
    approved = actions.approve(store, first["id"], "bo")
    edited = actions.edit(store, second["id"], "bo", {"admin2": "Samsu"})
    rejected = actions.reject(store, third["id"], "bo")
    assert approved["recheck"] is None and edited["recheck"] is None
    assert rejected["recheck"] == flags[third["id"]]  # a rejected record leaves every list anyway
    rows = {r["incident_id"]: r for r in store.conn.execute(
        "SELECT incident_id, before, after FROM audit WHERE user = 'bo'")}
    for incident in (first["id"], second["id"]):
        before, after = json.loads(rows[incident]["before"]), json.loads(rows[incident]["after"])
        assert before["recheck"] == flags[incident] and after["recheck"] is None
    assert "recheck" not in json.loads(rows[third["id"]]["after"])
    flagged = {r[0] for r in store.conn.execute("SELECT id FROM incidents WHERE recheck IS NOT NULL")}
    assert first["id"] not in flagged and second["id"] not in flagged and third["id"] in flagged


@pytest.mark.parametrize("batch", [32, 2])
def test_a_failing_article_is_rolled_back_alone_and_the_batch_goes_on(new_db, tmp_path, monkeypatch, batch):
    """One article whose rewrite fails halfway (its rows already written) is reported, one
    line naming it, and rolled back whole; the articles before and after it in its batch
    are stored again, and the counts are theirs."""
    from yalu import reprocess as module

    db = new_db("y.db")
    for n, town in enumerate(["Hyesan", "Musan", "Hoeryong"]):
        report = tmp_path / f"r{n}.txt"
        report.write_text(f"Border guards arrested two smugglers in {town} on Monday, a source told Daily NK.\n",
                          encoding="utf-8")
        yalu("ingest", "-q", "--db", db, report)
    store = Store(db)
    first, bad, last = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY rowid")]
    replace = module._replace

    def failing(conn, article, *args, **kwargs):
        replace(conn, article, *args, **kwargs)
        if article.id == bad:
            raise ValueError("a broken record")

    monkeypatch.setattr(module, "_replace", failing)
    monkeypatch.setattr(module, "WRITE_BATCH", batch)
    result = CliRunner().invoke(cli, ["reprocess", "-q", "--db", db, "--published", "2024-03-06"])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: article {bad}: not reprocessed (a broken record)"]
    assert "2 articles reprocessed" in result.stderr
    published = dict(store.conn.execute("SELECT id, published FROM articles").fetchall())
    assert published == {first: "2024-03-06", bad: None, last: "2024-03-06"}
    dated = {r["article_id"]: r["date_start"] for r in query.records(store)}
    assert dated[first] == dated[last] == "2024-03-04" and dated[bad] is None
    changed = {r["incident_id"] for r in audit(store, "reprocess")}
    assert changed and not changed & {r["id"] for r in query.records(store) if r["article_id"] == bad}
