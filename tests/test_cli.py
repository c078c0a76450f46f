"""The `yalu` command end to end, in-process with click's CliRunner and tmp databases.

The reports under tests/data/cli/ are fictional (see its README). The spaCy
pipeline is built once per process (yalu.annotate.spacy_pipeline.pipeline() is cached), so every
command after the first is fast.
"""
# Over 600 lines on purpose: one end-to-end suite whose sections share one module-scoped ingested database and its helpers.

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from yalu.cli import cli
from yalu.export import ACLED_COLUMNS, CSV_COLUMNS
from yalu.ingest import find_inputs, read_file
from yalu.model import Article
from yalu.ontology import event_types
from yalu.store import Store, writes
from yalu.store.sql import fts_query

DATA = Path(__file__).parent / "data" / "cli"
REPORTS = DATA / "reports"
EXTRACT_JSONL = DATA / "extract-input.jsonl"

# the articles in tests/data/cli/reports, by the id the store gives them
FEED_ID = "ebf-kanggye-lockdown"
DEFECTION_ID = "wire-hoeryong-defection"
SINUIJU_ID = "wire-sinuiju-smuggling"
ARTICLE_IDS_BY_FILE = {
    "border-feed.rss": {FEED_ID},
    "wire.jsonl": {DEFECTION_ID, SINUIJU_ID},
    "hyesan-arrests.txt": set(),  # id derived from the content hash
    "wonsan-drill.html": set(),
}

# every field of a record in ../shared/docs/ontology.md (id and sources aside)
ONTOLOGY_FIELDS = [
    "event_type", "category", "summary", "date_start", "date_end", "time_precision",
    "date_expression", "country", "admin1", "admin1_code", "admin2", "location_name",
    "latitude", "longitude", "geo_precision", "actors", "quantities", "modality",
    "attribution", "corroboration", "evidence", "confidence",
]  # fmt: skip
MODALITIES = {"asserted", "reported", "alleged", "rumoured", "planned", "threatened", "denied", "ongoing", "hypothetical"}
ACTOR_ROLES = {"agent", "target", "victim", "witness"}
ACTOR_KINDS = {"unit", "official", "civilian", "state", "organization"}
QUANTITY_KINDS = {"people", "fatalities", "injured", "money", "weapon", "ammunition", "other"}
ATTRIBUTION_KINDS = {"anonymous_source", "official", "media", "state_media", "document"}
PLACEHOLDERS = {"", "unknown", "n/a", "na", "none", "null", "nil", "tbd", "todo", "placeholder", "xxx", "?", "-", "…", "lorem ipsum"}
# FTS5's own count of indexed articles; PostgreSQL's search column is part of each row
FTS_ROWS = "articles_fts" if os.environ.get("YALU_TEST_DB", "").startswith("postgres") else "articles_fts_docsize"
TABLES = ("articles", FTS_ROWS, "incidents", "incident_sources", "evidence", "places")


# --- helpers ------------------------------------------------------------------------------


def yalu(*args, **kw):
    """Run `yalu ARGS` in-process; stdout and stderr apart (result.stdout / result.stderr)."""
    return CliRunner().invoke(cli, [str(a) for a in args], **kw)


def ok(result, code: int = 0):
    """Assert the exit status, showing what the command said (and any traceback) otherwise."""
    if result.exit_code != code:
        import traceback

        tb = "".join(traceback.format_exception(*result.exc_info)) if result.exc_info and result.exception else ""
        pytest.fail(
            f"exit {result.exit_code}, expected {code}\n--- stdout\n{result.stdout}\n"
            f"--- stderr\n{result.stderr}\n{tb}"
        )
    return result


def sql(db, query, *params):
    store = Store(db)
    try:
        return [dict(r) for r in store.conn.execute(query, params)]
    finally:
        store.close()


def counts(db) -> dict[str, int]:
    return {t: sql(db, f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in TABLES}


def json_lines(text: str) -> list[dict]:
    lines = [line for line in text.splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def article_texts(path) -> dict[str, str]:
    """The cleaned text of each document as `yalu extract` names it (id, else file stem)."""
    texts = {}
    for p in find_inputs([path]):
        for a in read_file(p):
            if isinstance(a, Article):
                texts[a.id or Path(a.source_path).stem] = a.text
    return texts


def walk_strings(value, where="record"):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from walk_strings(v, f"{where}.{k}")
    elif isinstance(value, list):
        for n, v in enumerate(value):
            yield from walk_strings(v, f"{where}[{n}]")


def assert_derived(record: dict, text: str) -> None:
    """Every ontology field is present, and each is derived from `text` or left empty."""
    missing = [f for f in ONTOLOGY_FIELDS if f not in record]
    assert not missing, f"fields missing from the record: {missing}"
    for where, s in walk_strings(record):
        assert s.strip().lower() not in PLACEHOLDERS, f"placeholder {s!r} at {where}"

    types = event_types()
    assert record["event_type"] in types
    assert record["category"] == types[record["event_type"]]["category"]
    summary = record["summary"]
    assert isinstance(summary, str) and len(summary.split()) >= 2
    assert summary.strip() not in text, "the summary must be written, not a copied sentence"

    # dates: ISO, ordered, and there exactly when the precision says a date is known
    for key in ("date_start", "date_end"):
        if record[key] is not None:
            date.fromisoformat(record[key])
    if record["date_start"] and record["date_end"]:
        assert record["date_start"] <= record["date_end"]
    assert record["time_precision"] in (0, 1, 2, 3, 4)
    has_date = bool(record["date_start"] or record["date_end"])
    assert has_date == (record["time_precision"] > 0), record
    if record["date_expression"] is not None:
        assert record["date_expression"].lower() in text.lower()
    elif has_date:
        # no expression: dated from the publication date alone, either the news cycle
        # of a short item (a day or two) or a report's window (precision 4)
        start, end = (date.fromisoformat(record[k]) for k in ("date_start", "date_end"))
        assert record["time_precision"] == 4 or (end - start).days <= 1, record

    # place
    if record["admin1_code"] is not None:
        assert record["country"] and record["admin1_code"].startswith(record["country"] + "-")
        assert record["admin1"]
    else:
        assert record["admin1"] is None
    if record["country"] is not None:
        assert len(record["country"]) == 2 and record["country"].isupper()
    assert (record["latitude"] is None) == (record["longitude"] is None)
    if record["latitude"] is not None:
        assert -90 <= record["latitude"] <= 90 and -180 <= record["longitude"] <= 180
        assert record["location_name"], "coordinates of no named place"
    assert record["geo_precision"] in (0, 1, 2, 3)
    if record["location_name"] is None:
        assert record["latitude"] is None

    # who and how many, each as written in the text
    for actor in record["actors"]:
        assert actor["role"] in ACTOR_ROLES
        assert actor["kind"] is None or actor["kind"] in ACTOR_KINDS
        assert actor["text"] and actor["text"].lower() in text.lower(), actor
    for q in record["quantities"]:
        assert q["kind"] in QUANTITY_KINDS
        assert q["value"] is None or isinstance(q["value"], (int, float))
        assert q["text"] and q["text"].lower() in text.lower(), q
    assert record["modality"] in MODALITIES
    if record["attribution"] is not None:
        assert record["attribution"]["kind"] in ATTRIBUTION_KINDS
        assert record["attribution"]["text"].lower() in text.lower()
    for name in record["corroboration"]:
        assert name.lower() in text.lower()

    # evidence: offsets into the article text, the trigger inside the sentence
    assert record["evidence"], "an incident with no evidence"
    for e in record["evidence"]:
        assert 0 <= e["start"] < e["end"] <= len(text)
        assert e["text"] == text[e["start"]:e["end"]]
        if e["trigger_start"] is not None:
            assert e["start"] <= e["trigger_start"] < e["trigger_end"] <= e["end"]
    assert 0 < record["confidence"] <= 1


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def db(module_db):
    """The fixture reports ingested once; tests that change the database copy it first."""
    path = module_db("yalu.db")
    ok(yalu("ingest", REPORTS, "--db", path, "-q"))
    return path


def incidents_of(db, *args) -> list[dict]:
    r = ok(yalu("incidents", "--db", db, "--json", "--limit", 0, *args))
    return json_lines(r.stdout)


def ids(rows) -> set[str]:
    return {r["id"] for r in rows}


# --- ingest ---------------------------------------------------------------------------------------


def test_ingest_folder_of_every_format(tmp_path, new_db):
    path = new_db("y.db")
    r = ok(yalu("ingest", REPORTS, "--db", path))
    assert "5 articles added" in r.stderr and "0 failed" in r.stderr
    assert error_lines(r.stderr) == []

    articles = {a["id"]: a for a in sql(path, "SELECT * FROM articles")}
    assert len(articles) == 5
    by_file = {}
    for a in articles.values():
        by_file.setdefault(Path(a["source_path"]).name, []).append(a)
    assert sorted(by_file) == sorted(ARTICLE_IDS_BY_FILE)
    for name, expected in ARTICLE_IDS_BY_FILE.items():
        if expected:
            assert {a["id"] for a in by_file[name]} == expected

    # metadata from each format's own source, never from today's date
    assert articles[FEED_ID]["published"] == "2021-04-12" and articles[FEED_ID]["published_source"] == "feed"
    assert articles[FEED_ID]["outlet"] == "Example Border Feed"
    assert articles[DEFECTION_ID]["published"] == "2023-06-20" and articles[DEFECTION_ID]["published_source"] == "jsonl"
    assert articles[DEFECTION_ID]["outlet"] == "Example Wire"
    html = by_file["wonsan-drill.html"][0]
    assert (html["published"], html["published_source"]) == ("2022-03-15", "html-meta")
    txt = by_file["hyesan-arrests.txt"][0]
    assert txt["published"] is None and txt["title"] == "Fictional: security officers arrest five smugglers in Hyesan"
    # page furniture is kept apart from the incident text
    assert "Chongjin" not in txt["text"] and "Chongjin" in txt["furniture"]
    assert "Nampho" not in html["text"] and "Nampho" in html["furniture"]

    # every article gave incidents; each has its evidence and source row
    incidents = sql(path, "SELECT * FROM incidents")
    assert {i["article_id"] for i in incidents} == set(articles)
    for i in incidents:
        assert sql(path, "SELECT article_id FROM incident_sources WHERE incident_id = ?", i["id"]) == [
            {"article_id": i["article_id"]}
        ]
        assert sql(path, "SELECT count(*) AS n FROM evidence WHERE incident_id = ?", i["id"])[0]["n"] >= 1
    found = {(i["article_id"], i["event_type"], i["admin1_code"], i["admin2"], i["date_start"]) for i in incidents}
    assert (DEFECTION_ID, "defection", "KP-09", "Hoeryong", "2023-06-14") in found
    assert (FEED_ID, "lockdown", "KP-04", "Kanggye", "2021-04-08") in found
    assert (html["id"], "artillery_fire", "KP-07", "Wonsan", "2022-03-12") in found
    assert any(a == txt["id"] and code == "KP-10" and admin2 == "Hyesan" for a, _t, code, admin2, _d in found)
    # the captions name Chongjin and Nampho: no incident of those articles is placed there
    for i in incidents:
        if i["article_id"] in (txt["id"], html["id"]):
            assert i["admin2"] not in ("Chongjin", "Nampo", "Nampho") and i["admin1_code"] not in ("KP-09", "KP-02", "KP-14")
    # the full-text index holds the articles
    assert sql(path, "SELECT a.id FROM articles a JOIN articles_fts ON articles_fts.rowid = a.rowid WHERE articles_fts MATCH ?",
               "Tumen") == [
        {"id": DEFECTION_ID}
    ]


def test_reingest_changes_nothing(tmp_path, db, new_db):
    path = new_db.copy(db, "again.db")
    before = counts(path)
    assert before["articles"] == 5 and before["incidents"] >= 5
    snapshot = sql(path, "SELECT * FROM incidents ORDER BY id")

    r = ok(yalu("ingest", REPORTS, "--db", path))
    assert "0 articles added (0 incidents), 5 already stored, 0 failed" in r.stderr
    assert counts(path) == before
    assert sql(path, "SELECT * FROM incidents ORDER BY id") == snapshot

    # the same text under another name, and a file named twice, are skipped too
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(REPORTS / "hyesan-arrests.txt", other / "copy-of-hyesan.txt")
    r = ok(yalu("ingest", other, REPORTS / "wire.jsonl", REPORTS / "wire.jsonl", "--db", path))
    assert "0 articles added (0 incidents), 3 already stored, 0 failed" in r.stderr
    assert counts(path) == before


def test_ingest_same_text_twice_in_one_batch_stored_once(tmp_path, new_db):
    folder = tmp_path / "dup"
    folder.mkdir()
    shutil.copy(REPORTS / "hyesan-arrests.txt", folder / "a.txt")
    shutil.copy(REPORTS / "hyesan-arrests.txt", folder / "b.txt")
    path = new_db("d.db")
    r = ok(yalu("ingest", folder, "--db", path))
    assert "1 articles added" in r.stderr and "1 already stored" in r.stderr
    assert counts(path)["articles"] == 1


def test_bad_files_reported_one_line_each_batch_goes_on(tmp_path, new_db):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(REPORTS / "hyesan-arrests.txt", folder / "good.txt")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Guards in Musan detained a man from the caf\xe9 by the river.".encode("latin-1"))
    (folder / "blank.html").write_text("<html><body><div></div></body></html>", encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        '{"id": "ok-1", "published": "2024-05-06", "text": "Guards in Musan detained a man near the Tumen River on May 3, a source said."}\n'
        '{"id": "broken", "text": "an unfinished line\n',
        encoding="utf-8",
    )
    path = new_db("b.db")
    r = ok(yalu("ingest", folder, "--db", path, "-q"), code=1)

    errors = error_lines(r.stderr)
    bad = ["binary.txt", "blank.html", "empty.txt", "latin1.txt", "wire.jsonl"]
    assert len(errors) == len(bad), r.stderr
    for name, line in zip(bad, sorted(errors)):
        assert str(folder / name) in line, (name, line)
    assert "binary" in errors[0] and "UTF-8" in next(e for e in errors if "latin1" in e)
    assert "line 2" in next(e for e in errors if "wire.jsonl" in e)
    assert "2 articles added" in r.stderr and "5 failed" in r.stderr
    assert r.stdout == ""

    stored = sql(path, "SELECT id, source_path FROM articles ORDER BY source_path")
    assert [Path(a["source_path"]).name for a in stored] == ["good.txt", "wire.jsonl"]
    assert stored[1]["id"] == "ok-1"
    assert counts(path)["incidents"] >= 2


def test_missing_and_unsupported_paths(tmp_path, new_db):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    r = ok(yalu("ingest", tmp_path / "nope.txt", tmp_path / "notes.pdf", REPORTS / "wire.jsonl", "--db", new_db("m.db"), "-q"), code=1)
    errors = error_lines(r.stderr)
    assert len(errors) == 2
    assert "nope.txt" in errors[0] and "no such file" in errors[0]
    assert "notes.pdf" in errors[1] and "unsupported" in errors[1]
    assert counts(new_db("m.db"))["articles"] == 2


def test_published_and_outlet_override(tmp_path, new_db):
    path = new_db("o.db")
    ok(yalu("ingest", REPORTS / "wire.jsonl", REPORTS / "wonsan-drill.html", "--db", path, "-q",
            "--published", "2020-01-02", "--outlet", "Override Outlet"))
    articles = sql(path, "SELECT id, published, published_source, outlet FROM articles")
    assert len(articles) == 3
    for a in articles:
        assert (a["published"], a["published_source"], a["outlet"]) == ("2020-01-02", "cli", "Override Outlet")
    # relative dates resolve against the given date ("on June 14" before 2020-01-02)
    defection = sql(path, "SELECT date_start, date_end FROM incidents WHERE article_id = ? AND event_type = 'defection'", DEFECTION_ID)
    assert defection == [{"date_start": "2019-06-14", "date_end": "2019-06-14"}]


def test_dateline_dates_the_story_and_metadata_gives_its_year(tmp_path, new_db):
    """A feed record listed days after its yearless dateline: "yesterday" counts from the dateline."""
    record = {
        "id": "fictional-1",
        "date": "2024-03-12",
        "story_text": "Pyongyang, March 9 (KCNA) -- Fictional: security forces arrested three smugglers "
        "in Hyesan yesterday, the agency said.",
    }
    feed = tmp_path / "wire.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    path = new_db("y.db")
    ok(yalu("ingest", feed, "--db", path))
    assert sql(path, "SELECT published, published_source FROM articles") == [
        {"published": "2024-03-09", "published_source": "dateline+jsonl"}
    ]
    arrest = sql(path, "SELECT date_start, date_end FROM incidents WHERE event_type = 'arrest'")
    assert arrest == [{"date_start": "2024-03-08", "date_end": "2024-03-08"}]


def test_invalid_published_is_a_usage_error(tmp_path, new_db):
    r = yalu("ingest", REPORTS, "--db", new_db("x.db"), "--published", "2020-13-01")
    assert r.exit_code == 2
    assert "--published" in r.stderr and "2020-13-01" in r.stderr
    assert counts(new_db("x.db"))["articles"] == 0


def test_never_half_an_article(tmp_path, monkeypatch, new_db):
    """The 2nd incident of every article fails to store: those articles leave no trace."""
    reference = new_db("ref.db")
    ok(yalu("ingest", REPORTS, "--db", reference, "-q"))
    per_article = {}
    for row in sql(reference, "SELECT a.source_path, a.content_hash, count(i.id) AS n FROM articles a "
                              "JOIN incidents i ON i.article_id = a.id GROUP BY a.id"):
        per_article[row["content_hash"]] = row["n"]
    multi = {h for h, n in per_article.items() if n >= 2}
    single = set(per_article) - multi
    assert multi and single, "the fixture needs articles with one and with several incidents"

    original = writes.insert_incident
    seen: dict[str, int] = {}

    def flaky(conn, article, article_id, incident, stamp):
        seen[article_id] = seen.get(article_id, 0) + 1
        if seen[article_id] == 2:
            raise sqlite3.OperationalError("disk I/O error (simulated)")
        return original(conn, article, article_id, incident, stamp)

    monkeypatch.setattr(writes, "insert_incident", flaky)
    path = new_db("half.db")
    r = ok(yalu("ingest", REPORTS, "--db", path, "-q"), code=1)
    errors = error_lines(r.stderr)
    assert len(errors) == len(multi)
    assert all("not stored" in e and "simulated" in e for e in errors)

    stored = {a["content_hash"]: a["id"] for a in sql(path, "SELECT id, content_hash FROM articles")}
    assert set(stored) == single
    # nothing of the failed articles: no incidents, sources, evidence, index rows or places of theirs
    c = counts(path)
    assert c["articles"] == c[FTS_ROWS] == len(single)
    assert c["incidents"] == sum(per_article[h] for h in single)
    assert sql(path, "SELECT count(*) AS n FROM incidents WHERE article_id NOT IN (SELECT id FROM articles)")[0]["n"] == 0
    assert sql(path, "SELECT count(*) AS n FROM evidence WHERE article_id NOT IN (SELECT id FROM articles)")[0]["n"] == 0
    assert sql(path, "SELECT count(*) AS n FROM incident_sources WHERE article_id NOT IN (SELECT id FROM articles)")[0]["n"] == 0
    assert sql(path, "SELECT count(*) AS n FROM places WHERE id NOT IN (SELECT place_id FROM incidents WHERE place_id IS NOT NULL)")[0]["n"] == 0
    if FTS_ROWS == "articles_fts_docsize":  # FTS5's index rows of articles not stored
        assert sql(path, "SELECT id FROM articles_fts_docsize EXCEPT SELECT rowid FROM articles") == []
    # the failed articles' own words are not in the index: a phrase of each one's text
    for row in sql(reference, "SELECT content_hash, text FROM articles"):
        if row["content_hash"] in multi:
            phrase = '"' + " ".join(re.findall(r"\w+", row["text"])[:8]) + '"'
            store = Store(path)
            match = fts_query(store.conn, phrase)  # FTS5's syntax, or PostgreSQL's tsquery
            store.close()
            assert sql(path, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", match) == []

    # the failed articles are not marked as stored: a later run stores them whole
    monkeypatch.setattr(writes, "insert_incident", original)
    r = ok(yalu("ingest", REPORTS, "--db", path))
    assert f"{len(multi)} articles added" in r.stderr and f"{len(single)} already stored" in r.stderr
    assert counts(path) == counts(reference)


# --- extract ----------------------------------------------------------------------------------------


def test_extract_txt_with_published():
    r = ok(yalu("extract", REPORTS / "hyesan-arrests.txt", "--published", "2021-11-10", "-q"))
    docs = json_lines(r.stdout)
    assert [d["id"] for d in docs] == ["hyesan-arrests"]
    assert set(docs[0]) == {"id", "incidents"}
    text = article_texts(REPORTS / "hyesan-arrests.txt")["hyesan-arrests"]
    records = docs[0]["incidents"]
    assert len(records) >= 2
    for record in records:
        assert_derived(record, text)
    by_date = {(i["admin1_code"], i["admin2"], i["date_start"], i["date_end"], i["time_precision"]) for i in records}
    assert ("KP-10", "Hyesan", "2021-11-03", "2021-11-03", 1) in by_date
    assert ("KP-10", "Hyesan", "2021-11-05", "2021-11-05", 1) in by_date
    assert "punishment" in {i["event_type"] for i in records}


def test_extract_txt_without_published_leaves_dates_empty():
    """No date in the text or the metadata: no date at all, never today's."""
    r = ok(yalu("extract", REPORTS / "hyesan-arrests.txt", "-q"))
    (doc,) = json_lines(r.stdout)
    text = article_texts(REPORTS / "hyesan-arrests.txt")["hyesan-arrests"]
    assert doc["incidents"]
    for record in doc["incidents"]:
        assert_derived(record, text)
        assert (record["date_start"], record["date_end"], record["time_precision"]) == (None, None, 0)


def test_extract_folder_one_object_per_document():
    r = ok(yalu("extract", REPORTS))  # with the progress bar: it goes to stderr, stdout stays JSON
    docs = json_lines(r.stdout)
    assert sorted(d["id"] for d in docs) == sorted(
        ["ebf-kanggye-lockdown", "hyesan-arrests", "wire-hoeryong-defection", "wire-sinuiju-smuggling", "wonsan-drill"]
    )
    texts = article_texts(REPORTS)
    for doc in docs:
        assert doc["incidents"], f"{doc['id']}: no incident"
        for record in doc["incidents"]:
            assert_derived(record, texts[doc["id"]])
    types = {d["id"]: {i["event_type"] for i in d["incidents"]} for d in docs}
    assert "defection" in types["wire-hoeryong-defection"]
    assert "lockdown" in types["ebf-kanggye-lockdown"]
    assert "artillery_fire" in types["wonsan-drill"]


def test_extract_jsonl_keeps_ids_and_dates():
    r = ok(yalu("extract", EXTRACT_JSONL, "--published", "2000-01-01", "-q"))
    docs = json_lines(r.stdout)
    assert [d["id"] for d in docs] == ["x-musan-arrest", "x-haeju-exercise"]
    texts = article_texts(EXTRACT_JSONL)
    for doc in docs:
        for record in doc["incidents"]:
            assert_derived(record, texts[doc["id"]])
    musan, haeju = docs
    # the record's own `published` dates it; --published only dates files without one
    assert any(
        # "arrested ... for helping residents contact relatives in South Korea": the arrest,
        # on its day, with the offence as its charge
        (i["event_type"], i["admin1_code"], i["admin2"], i["date_start"])
        == ("arrest", "KP-09", "Musan", "2024-02-06")
        for i in musan["incidents"]
    )
    assert any(
        (i["event_type"], i["admin1_code"], i["date_start"]) == ("military_exercise", "KP-05", "2024-02-27")
        for i in haeju["incidents"]
    )


def test_extract_jsonl_documents_without_id_stay_apart(tmp_path):
    """Two documents must not come out under one id, or their incidents cannot be told apart."""
    source = tmp_path / "noid.jsonl"
    lines = [json.loads(line) for line in EXTRACT_JSONL.read_text(encoding="utf-8").splitlines()]
    source.write_text("".join(json.dumps({k: v for k, v in d.items() if k != "id"}) + "\n" for d in lines), encoding="utf-8")
    docs = json_lines(ok(yalu("extract", source, "-q")).stdout)
    assert len(docs) == 2
    assert len({d["id"] for d in docs}) == 2, f"documents share an id: {[d['id'] for d in docs]}"


def test_extract_reports_bad_files_and_goes_on(tmp_path):
    shutil.copy(REPORTS / "wonsan-drill.html", tmp_path / "wonsan-drill.html")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    r = ok(yalu("extract", tmp_path, "-q"), code=1)
    assert [d["id"] for d in json_lines(r.stdout)] == ["wonsan-drill"]
    (line,) = error_lines(r.stderr)
    assert "empty.txt" in line and "empty" in line


def test_extract_needs_an_existing_input(tmp_path):
    r = yalu("extract", tmp_path / "missing.txt")
    assert r.exit_code == 2 and "does not exist" in r.stderr


# --- incidents --------------------------------------------------------------------------------------


def test_incidents_json_lists_full_records(db):
    rows = incidents_of(db)
    assert len(rows) == counts(db)["incidents"]
    for row in rows:
        assert set(ONTOLOGY_FIELDS) <= set(row)
        assert row["sources"] == [row["article_id"]] and row["evidence"]
        assert row["outlet"] is None or isinstance(row["outlet"], str)
    # newest first; undated last
    dated = [r["date_start"] or r["date_end"] for r in rows if r["date_start"] or r["date_end"]]
    assert dated == sorted(dated, reverse=True)


def test_incidents_table(db):
    r = ok(yalu("incidents", "--db", db))
    header, rule, *body = r.stdout.splitlines()
    assert header.split()[:5] == ["date", "type", "place", "conf", "summary"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert len(body) == counts(db)["incidents"]
    assert any("defection" in line and "Hoeryong, KP-09" in line and "2023-06-14" in line for line in body)
    assert f"{len(body)} shown of {len(body)} " in r.stderr

    r = ok(yalu("incidents", "--db", db, "--limit", 2))
    assert len(r.stdout.splitlines()) == 4 and "2 shown of" in r.stderr

    r = ok(yalu("incidents", "--db", db, "--type", "weapons_test"))
    assert r.stdout == "" and "No incidents match." in r.stderr


def test_incidents_filter_by_type(db):
    rows = incidents_of(db, "--type", "defection")
    assert rows and {r["event_type"] for r in rows} == {"defection"}
    assert DEFECTION_ID in {r["article_id"] for r in rows}
    both = incidents_of(db, "--type", "defection", "--type", "lockdown")
    assert {r["event_type"] for r in both} == {"defection", "lockdown"}
    assert ids(both) == ids(rows) | ids(incidents_of(db, "--type", "lockdown"))
    movement = incidents_of(db, "--category", "movement")
    assert movement and {r["category"] for r in movement} == {"movement"}


def test_incidents_filter_by_county(db):
    hoeryong = incidents_of(db, "--county", "Hoeryong")
    assert hoeryong and {r["admin2"] for r in hoeryong} == {"Hoeryong"}
    assert ids(incidents_of(db, "--county", "hoeryong")) == ids(hoeryong)
    assert incidents_of(db, "--county", "Hoeryong", "--province", "KP-10") == []


def test_incidents_filter_by_province_code_and_name(db):
    by_code = incidents_of(db, "--province", "KP-10")
    assert by_code and {r["admin1_code"] for r in by_code} == {"KP-10"}
    assert ids(incidents_of(db, "--province", "Ryanggang")) == ids(by_code)
    assert ids(incidents_of(db, "--province", "ryanggang")) == ids(by_code)
    kanggye = incidents_of(db, "--province", "KP-04")
    assert FEED_ID in {r["article_id"] for r in kanggye}
    assert ids(incidents_of(db, "--province", kanggye[0]["admin1"])) == ids(kanggye)


@pytest.mark.parametrize(
    "spelling, code",
    [
        ("Yanggang", "KP-10"),  # the README: Ryanggang = Yanggang = 량강도
        ("량강도", "KP-10"),
        ("Ryanggang Province", "KP-10"),
        ("kp-10", "KP-10"),
        ("Chagang", "KP-04"),  # as the fixture article itself spells it
    ],
)
def test_incidents_filter_by_province_any_spelling(db, spelling, code):
    expected = ids(incidents_of(db, "--province", code))
    assert expected
    assert ids(incidents_of(db, "--province", spelling)) == expected


def test_incidents_filter_by_dates(db):
    every = incidents_of(db)
    since = incidents_of(db, "--since", "2023-01-01")
    assert since and all((r["date_end"] or r["date_start"]) >= "2023-01-01" for r in since)
    assert DEFECTION_ID in {r["article_id"] for r in since}
    assert FEED_ID not in {r["article_id"] for r in since}

    until = incidents_of(db, "--until", "2021-12-31")
    assert until and all((r["date_start"] or r["date_end"]) <= "2021-12-31" for r in until)
    assert {r["article_id"] for r in until} == {FEED_ID}

    window = incidents_of(db, "--since", "2022-01-01", "--until", "2022-12-31")
    assert [(r["event_type"], r["date_start"]) for r in window] == [("artillery_fire", "2022-03-12")]
    # undated incidents (the .txt has no date) match no date filter
    undated = {r["id"] for r in every if not (r["date_start"] or r["date_end"])}
    assert undated and not undated & (ids(since) | ids(until) | ids(window))

    r = yalu("incidents", "--db", db, "--since", "March 2022")
    assert r.exit_code == 2 and "--since" in r.stderr


def test_incidents_search(db):
    """--search: words (all of them) and "phrases" over the article text and title."""
    assert {r["article_id"] for r in incidents_of(db, "--search", "Tumen")} == {DEFECTION_ID}
    assert {r["article_id"] for r in incidents_of(db, "--search", "fever")} == {FEED_ID}
    hyesan = incidents_of(db, "--search", "copper Hyesan")
    assert hyesan and {r["admin2"] for r in hyesan} == {"Hyesan"}
    assert ids(incidents_of(db, "--search", '"labour camp"')) == ids(hyesan)
    assert incidents_of(db, "--search", '"camp labour"') == []
    assert incidents_of(db, "--search", "copper Tumen") == []
    assert incidents_of(db, "--search", "Tumen", "--type", "lockdown") == []


def test_incidents_search_readme_example_syntax(db):
    """The README shows `yalu incidents --search "lockdown AND Hyesan"`: AND joins two words."""
    hyesan = ids(incidents_of(db, "--search", "copper Hyesan"))
    assert hyesan
    assert ids(incidents_of(db, "--search", "copper AND Hyesan")) == hyesan


@pytest.mark.parametrize("query", ["Hyesan-si", "AND", '"unbalanced', "NEAR(", "*", "title:"])
def test_incidents_search_odd_text_never_crashes(db, query):
    """Text FTS5 cannot parse as syntax is searched as words: no traceback, exit 0."""
    for command in ("incidents", "export"):
        r = yalu(command, "--db", db, "--search", query)
        assert r.exception is None or isinstance(r.exception, SystemExit), (
            f"{command} --search {query!r}: uncaught {type(r.exception).__name__}: {r.exception}"
        )
        assert r.exit_code == 0, r.stderr


# --- export ------------------------------------------------------------------------------------------


def export(db, fmt, *args) -> str:
    return ok(yalu("export", "--db", db, "--format", fmt, *args)).stdout


def test_export_csv(db):
    rows = list(csv.DictReader(io.StringIO(export(db, "csv"))))
    stored = incidents_of(db)
    assert list(rows[0]) == CSV_COLUMNS
    assert {r["id"] for r in rows} == ids(stored)
    row = next(r for r in rows if r["event_type"] == "defection")
    assert (row["admin1_code"], row["admin2"], row["date_start"], row["outlet"]) == ("KP-09", "Hoeryong", "2023-06-14", "Example Wire")
    assert row["sources"] == DEFECTION_ID and not row["actors"].startswith("[")
    stored_row = next(r for r in stored if r["id"] == row["id"])
    assert row["url"] == (stored_row["url"] or "") and row["title"] == (stored_row["title"] or "")
    assert row["published"] == (stored_row["published"] or "")
    assert row["evidence"] and row["evidence"] == stored_row["evidence"][0]["text"].strip()


def test_export_json(db):
    records = json.loads(export(db, "json"))
    assert isinstance(records, list) and ids(records) == ids(incidents_of(db))
    for record in records:
        assert set(ONTOLOGY_FIELDS) <= set(record)


UNPLACED = """Border guard deserts

A North Korean border guard deserted his post on May 3 and has not been found, a source told Example Wire.

North Korea fired two short-range ballistic missiles into the sea on May 4, South Korea's Joint Chiefs of Staff said.

[Fictional report written for Yalu's tests; not real news.]
"""


def test_export_geojson(module_db, tmp_path):
    """Every record is a Feature; one without coordinates has a null geometry (issue 12:
    253 of 667 were written while the CLI said 667). The fixture reports and one whose acts
    are told without a place."""
    db = module_db("geojson.db")
    (tmp_path / "unplaced.txt").write_text(UNPLACED, encoding="utf-8")
    ok(yalu("ingest", REPORTS, tmp_path / "unplaced.txt", "--db", db, "-q"))
    r = ok(yalu("export", "--db", db, "--format", "geojson"))
    data = json.loads(r.stdout)
    assert data["type"] == "FeatureCollection"
    stored = incidents_of(db)
    assert {f["id"] for f in data["features"]} == ids(stored)
    by_id = {r["id"]: r for r in stored}
    unplaced = [f for f in data["features"] if f["geometry"] is None]
    assert unplaced and all(by_id[f["id"]]["latitude"] is None for f in unplaced)
    assert f"{len(stored)} incidents written to stdout ({len(unplaced)} without coordinates: null geometry)" in r.stderr
    for f in data["features"]:
        assert f["type"] == "Feature" and f["properties"]["event_type"] == by_id[f["id"]]["event_type"]
        if f["geometry"]:
            record = by_id[f["id"]]
            assert f["geometry"]["type"] == "Point"
            assert f["geometry"]["coordinates"] == [record["longitude"], record["latitude"]]
    hoeryong = next(f for f in data["features"] if f["properties"]["admin2"] == "Hoeryong")
    lon, lat = hoeryong["geometry"]["coordinates"]
    assert 42.0 < lat < 43.0 and 129.0 < lon < 130.5  # Hoeryong, on the Tumen


def test_export_acled(db):
    rows = list(csv.DictReader(io.StringIO(export(db, "acled"))))
    assert list(rows[0]) == ACLED_COLUMNS
    assert {r["event_id_cnty"] for r in rows} == ids(incidents_of(db))
    row = next(r for r in rows if "yalu event type=defection" in r["tags"])
    assert row["event_date"] == "2023-06-14" and row["year"] == "2023" and row["time_precision"] == "1"
    assert (row["iso"], row["country"], row["region"]) == ("408", "North Korea", "Eastern Asia")
    assert (row["admin1"], row["admin2"], row["location"]) == ("North Hamgyong", "Hoeryong", "Hoeryong")
    assert row["event_type"] == "Strategic developments" and row["disorder_type"] == "Strategic developments"
    assert "Example Wire" in row["source"] and row["notes"] and row["fatalities"] == "0"
    assert float(row["latitude"]) and float(row["longitude"])
    undated = [r for r in rows if not r["event_date"]]
    assert all(r["year"] == "" for r in undated)
    assert {r["time_precision"] for r in rows} <= {"1", "2", "3"}


def test_export_filters_and_output_file(db, tmp_path):
    rows = list(csv.DictReader(io.StringIO(export(db, "csv", "--type", "defection"))))
    assert rows and {r["event_type"] for r in rows} == {"defection"}
    rows = list(csv.DictReader(io.StringIO(export(db, "acled", "--province", "KP-04"))))
    assert rows and {r["admin1"] for r in rows} == {"Jagang"}

    out = tmp_path / "incidents.csv"
    r = ok(yalu("export", "--db", db, "--format", "acled", "-o", out))
    assert r.stdout == ""
    assert out.read_text(encoding="utf-8") == export(db, "acled")
    assert f"{counts(db)['incidents']} incidents written to {out}" in r.stderr


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "acled"])
def test_export_rejected(db, tmp_path, fmt, new_db):
    path = new_db.copy(db, "r.db")
    (rejected,) = [r["id"] for r in incidents_of(path, "--type", "defection")]
    sql(path, "UPDATE incidents SET review_status = 'rejected' WHERE id = ?", rejected)
    total = counts(path)["incidents"]

    def exported(*args) -> list[str]:
        text = export(path, fmt, *args)
        if fmt == "csv":
            return [r["id"] for r in csv.DictReader(io.StringIO(text))]
        if fmt == "acled":
            return [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(text))]
        if fmt == "json":
            return [r["id"] for r in json.loads(text)]
        return [f["id"] for f in json.loads(text)["features"]]

    default, excluded, included = exported(), exported("--exclude-rejected"), exported("--include-rejected")
    assert rejected not in default and default == excluded
    assert rejected in included and set(included) == set(default) | {rejected}
    if fmt in ("csv", "json", "acled"):
        assert len(included) == total and len(default) == total - 1
    if fmt in ("csv", "json"):
        text = export(path, fmt, "--include-rejected")
        records = json.loads(text) if fmt == "json" else list(csv.DictReader(io.StringIO(text)))
        assert {r["review_status"] for r in records if r["id"] == rejected} == {"rejected"}


# --- help -----------------------------------------------------------------------------------------


def _command_paths(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _command_paths(command, (*prefix, name))


COMMANDS = list(_command_paths(cli))


def test_every_issue_command_is_registered():
    assert {p[0] for p in COMMANDS} >= {"ingest", "extract", "incidents", "export", "eval", "places"}


@pytest.mark.parametrize("path", [()] + COMMANDS, ids=lambda p: " ".join(p) or "yalu")
def test_help(path):
    r = ok(yalu(*path, "--help"))
    usage = r.stdout.splitlines()[0]
    assert usage.startswith("Usage: ") and " ".join(path) in usage
    assert "--help" in r.stdout
    command = cli
    for name in path:
        command = command.commands[name]
    # a description, not just the option list
    assert (command.help or "").strip(), f"{' '.join(path) or 'yalu'} has no help text"


def test_yalu_db_names_the_database_when_db_is_not_given(db):
    """$YALU_DB (a file, or on the PostgreSQL run a postgresql:// URL) stands for --db."""
    r = ok(CliRunner().invoke(cli, ["incidents", "--json", "--limit", "0"], env={"YALU_DB": str(db)}))
    assert ids(json_lines(r.stdout)) == ids(incidents_of(db)) != set()
