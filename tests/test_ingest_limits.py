"""Issue 13: every record stands alone, limits with clear messages, and what is read.

Each bad record is one error line naming the file, the line or entry and the problem;
the good records around it are stored, and a re-run stores what was missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from test_cli import error_lines, ok, sql, yalu

from yalu.dates import find_dates, news_cycle, resolve
from yalu.ingest import IngestError, find_inputs, read_file
from yalu.ingest.limits import MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_TEXT_CHARS, clean_text, json_depth
from yalu.model import Article

REPO = Path(__file__).resolve().parents[1]


def good_record(i: int) -> str:
    return json.dumps({
        "id": f"good-{i}", "published": f"2021-03-{1 + i % 28:02d}",
        "text": f"Guards in Hyesan detained {i + 2} smugglers near the Yalu River on Tuesday, a source told Daily NK.",
    })  # fmt: skip


# one of each record that crashed a batch or skipped the rest of its file before (issue 13)
HOSTILE_RECORDS = {
    "surrogate": ('{"id": "surrogate", "published": "2021-03-02", "text": "Soldiers defected \\ud800 in Hyesan yesterday."}', None),
    "nul": (json.dumps({"id": "nul", "published": "2021-03-02", "text": "Guards in Musan\u0000 detained a man on Monday."}), None),
    "late": (json.dumps({"id": "late", "published": "9999-12-31", "text": "Three days ago soldiers defected in Hyesan."}),
             "publication date 9999-12-31 is outside 1900-2100"),
    "early": (json.dumps({"id": "early", "date": "0001-01-01", "text": "Next week soldiers will cross the Tumen."}),
              "publication date 0001-01-01 is outside 1900-2100"),
    "deep": ("[" * 100_000 + "]" * 100_000, f"JSON nested more than {MAX_JSON_DEPTH} levels deep"),
    "digits": ('{"id": "digits", "n": ' + "9" * 5000 + ', "text": "Soldiers defected."}', "invalid JSON (Exceeds the limit (4300 digits)"),
    "long": (json.dumps({"id": "long", "text": "Soldiers defected in Hyesan. " * 40_000}), "text too long (1,160,000 characters; at most 100,000"),
    "year0": (json.dumps({"id": "year0", "published": "0000-01-01", "text": "Soldiers defected."}), "invalid date in 'published'"),
}


def mixed_jsonl(path: Path, good_before: int = 40, good_after: int = 40) -> Path:
    lines = [good_record(i) for i in range(good_before)]
    lines += [line for line, _ in HOSTILE_RECORDS.values()]
    lines += [good_record(i) for i in range(good_before, good_before + good_after)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- the readers: one error a bad record, every good record read --------------------------


def test_each_bad_jsonl_record_is_one_line_and_the_rest_is_read(tmp_path):
    path = mixed_jsonl(tmp_path / "wire.jsonl")
    items = list(read_file(path))
    articles = [a for a in items if isinstance(a, Article)]
    errors = {e.where: str(e) for e in items if isinstance(e, IngestError)}
    assert {a.id for a in articles} == {f"good-{i}" for i in range(80)} | {"surrogate", "nul"}
    for n, (name, (_, problem)) in enumerate(HOSTILE_RECORDS.items(), start=41):
        if problem is None:
            assert f"line {n}" not in errors, name
        else:
            assert errors[f"line {n}"].startswith(f"{path} line {n}: "), name
            assert problem in errors[f"line {n}"], (name, errors[f"line {n}"])
            assert "\n" not in errors[f"line {n}"] and len(errors[f"line {n}"]) < 300
    assert len(errors) == 6


def test_text_is_cleaned_before_it_is_hashed_and_stored(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(HOSTILE_RECORDS["surrogate"][0] + "\n" + HOSTILE_RECORDS["nul"][0] + "\n"
                    + '{"id": "pair\\udfff", "title": "\\ud83d\\ude00 \\u0007bell", "text": "Guards \\ud83d\\ude00 left.\\u000cThey came back."}\n',
                    encoding="utf-8")
    surrogate, nul, pair = [a for a in read_file(path) if isinstance(a, Article)]
    assert surrogate.text == "Soldiers defected \ufffd in Hyesan yesterday."
    assert nul.text == "Guards in Musan detained a man on Monday."
    assert (pair.id, pair.title) == ("pair\ufffd", "😀 bell")
    assert pair.text == "Guards 😀 left.\nThey came back."
    for a in (surrogate, nul, pair):
        assert len(a.hash) == 64  # the hash encodes the text: no UnicodeEncodeError


def test_clean_text():
    assert clean_text("a\x00b\x01c\x7fd\x85e\tf\ng") == "abcde\tf\ng"
    assert clean_text("\ud800x\udc00") == "\ufffdx\ufffd"
    assert clean_text("\ud83d\ude00") == "😀"  # a pair escaped apart is one character
    assert clean_text("page\x0cbreak\r\nline\rend") == "page\nbreak\nline\nend"


def test_json_depth_reads_brackets_outside_strings():
    assert json_depth('{"text": "[[[[[[{{{{"}') == 1
    assert json_depth('{"tags": [["a"]], "x": {"y": 1}}') == 3
    assert json_depth("[" * 100_000) == 100_000
    assert json_depth('"\\"[[["') == 0


def test_feed_entry_dated_outside_the_range_is_one_error(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Border desk</title>'
        "<item><title>a</title><pubDate>Fri, 31 Dec 9999 00:00:00 GMT</pubDate>"
        "<description>Three days ago soldiers defected in Hyesan.</description></item>"
        "<item><title>b</title><pubDate>Mon, 01 Mar 2021 00:00:00 GMT</pubDate>"
        "<description>Yesterday guards in Musan detained two smugglers.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    items = list(read_file(feed))
    assert [str(e) for e in items if isinstance(e, IngestError)] == [f"{feed} entry 1: publication date 9999-12-31 is outside 1900-2100"]
    (article,) = [a for a in items if isinstance(a, Article)]
    assert article.published == date(2021, 3, 1) and article.record == "entry 2"


def test_text_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Guards detained two men in Hyesan. " * (MAX_TEXT_CHARS // 35 + 1), encoding="utf-8")
    (error,) = read_file(path)
    assert isinstance(error, IngestError) and "text too long" in str(error) and "at most 100,000" in str(error)
    path.write_text("Guards detained two men in Hyesan. " * (MAX_TEXT_CHARS // 36), encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)


def test_file_over_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as f:  # sparse: the size is there, the bytes never are
        f.truncate(MAX_FILE_BYTES + 1)
    assert [str(e) for e in read_file(path)] == [f"{path}: too large ({MAX_FILE_BYTES + 1:,} bytes; at most 16 MiB)"]


def test_jsonl_line_over_the_size_limit_is_skipped_and_the_next_read(tmp_path):
    path = tmp_path / "wire.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(good_record(1) + "\n")
        f.write('{"text": "' + "x" * MAX_FILE_BYTES + '"}\n')
        f.write(good_record(2) + "\n")
    items = list(read_file(path))
    assert [a.id for a in items if isinstance(a, Article)] == ["good-1", "good-2"]
    assert [str(e) for e in items if isinstance(e, IngestError)] == [f"{path} line 2: line too long (over 16 MiB)"]


def test_invalid_utf8_in_one_jsonl_line_spares_the_others(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(good_record(1).encode() + b"\n" + b'{"text": "caf\xe9"}\n' + good_record(2).encode() + b"\n")
    items = list(read_file(path))
    assert [a.id for a in items if isinstance(a, Article)] == ["good-1", "good-2"]
    assert [str(e) for e in items if isinstance(e, IngestError)] == [f"{path} line 2: not valid UTF-8 (byte 0xe9 at column 14)"]


# --- dates at the calendar's ends ------------------------------------------------------------

RELATIVE = ("Three days ago, last week, next month, the next day, yesterday, tomorrow, last Tuesday, "
            "early January, next year, last year, this winter, over the weekend, a week later.")


@pytest.mark.parametrize("published", [date.min, date(1, 1, 7), date(9999, 1, 1), date.max], ids=str)
@pytest.mark.parametrize("future", [False, True])
def test_relative_dates_at_the_calendars_ends_never_raise(published, future):
    for text in (RELATIVE, "On December 31, 2099, soldiers fled. The next day they came back.",
                 "From Saturday to Monday, guards searched homes.", "The launches came two days after North Korea fired."):
        mentions = find_dates(text, published, future=future)
        assert all(m.span.start is None or m.span.end is None or m.span.start <= m.span.end for m in mentions)
    assert resolve("three days ago", date.min).precision == 0
    assert resolve("yesterday", date(2021, 3, 2)).start == date(2021, 3, 1)
    assert news_cycle(date.min).start == date.min


# --- the command: every good record stored, a re-run stores what was missing ------------------


def test_ingest_stores_every_good_record_next_to_a_bad_one(tmp_path, new_db):
    path = mixed_jsonl(tmp_path / "wire.jsonl")
    db = new_db("y.db")
    r = ok(yalu("ingest", path, "--db", db, "-q"), code=1)
    errors = error_lines(r.stderr)
    assert len(errors) == 6 and all(e.startswith(f"error: {path} line ") for e in errors), errors
    assert "Traceback" not in r.stderr
    stored = {row["id"] for row in sql(db, "SELECT id FROM articles")}
    assert stored == {f"good-{i}" for i in range(80)} | {"surrogate", "nul"}
    assert sql(db, "SELECT text FROM articles WHERE id = 'nul'")[0]["text"] == "Guards in Musan detained a man on Monday."
    r = ok(yalu("ingest", path, "--db", db, "-q"), code=1)
    assert "0 articles added (0 incidents), 82 already stored, 6 failed" in r.stderr


def test_a_rerun_stores_what_was_missing(tmp_path, new_db):
    db = new_db("y.db")
    first = mixed_jsonl(tmp_path / "first.jsonl", good_before=20, good_after=0)
    ok(yalu("ingest", first, "--db", db, "-q"), code=1)
    assert len(sql(db, "SELECT id FROM articles")) == 22
    whole = mixed_jsonl(tmp_path / "whole.jsonl", good_before=40, good_after=40)
    r = ok(yalu("ingest", whole, "--db", db, "-q"), code=1)
    assert "60 articles added" in r.stderr and "22 already stored" in r.stderr
    assert len(sql(db, "SELECT id FROM articles")) == 82


def test_a_record_that_breaks_the_pipeline_is_one_line(tmp_path, monkeypatch, new_db):
    """A record that breaks extraction (here one made to) costs only itself: its batch is
    run again an article at a time, and the others are stored."""
    from yalu import pipeline as stages

    real = stages.extract

    def breaks_on_boom(doc, article, *args):
        if "BOOM" in article.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, article, *args)

    monkeypatch.setattr(stages, "extract", breaks_on_boom)
    path = tmp_path / "wire.jsonl"
    lines = [good_record(i) for i in range(50)]
    lines[37] = json.dumps({"id": "boom", "text": "Guards in Hyesan heard a BOOM on Monday."})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = new_db("y.db")
    # --jobs 1: the patched stage runs in this process, not in workers
    r = ok(yalu("ingest", path, "--db", db, "-q", "--jobs", "1"), code=1)
    assert error_lines(r.stderr) == [f"error: {path} line 38: not processed (RecursionError: maximum recursion depth exceeded)"]
    assert len(sql(db, "SELECT id FROM articles")) == 49
    r = ok(yalu("extract", path, "-q", "--jobs", "1"), code=1)
    assert len(r.stdout.splitlines()) == 49 and len(error_lines(r.stderr)) == 1


def test_a_very_long_sentence_spares_its_neighbours(tmp_path, new_db):
    """ "Hyesan " * 1000 made the clause walk recurse past Python's limit (issue 13)."""
    path = tmp_path / "wire.jsonl"
    lines = [good_record(i) for i in range(10)]
    lines.insert(5, json.dumps({"id": "sentence", "published": "2021-03-03", "text": "Hyesan " * 1000 + "soldiers defected."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = new_db("y.db")
    r = yalu("ingest", path, "--db", db, "-q")
    assert r.exit_code in (0, 1) and "Traceback" not in r.stderr
    assert all(f"{path} line 6:" in e for e in error_lines(r.stderr))
    assert {f"good-{i}" for i in range(10)} <= {row["id"] for row in sql(db, "SELECT id FROM articles")}


def test_published_outside_the_range_is_a_usage_error(tmp_path, new_db):
    r = yalu("ingest", tmp_path, "--published", "9999-12-31", "--db", new_db("y.db"))
    assert r.exit_code == 2 and "publication date 9999-12-31 is outside 1900-2100" in r.stderr


# --- what is read -----------------------------------------------------------------------------


def good_text(path: Path, words: str = "two men") -> Path:
    path.write_text(f"Guards in Hyesan detained {words} on Monday, a source told Daily NK.\n", encoding="utf-8")
    return path


def test_symlinks_out_of_a_folder_are_not_followed(tmp_path, new_db):
    folder, outside = tmp_path / "reports", tmp_path / "outside"
    (folder / "sub").mkdir(parents=True)
    outside.mkdir()
    good_text(folder / "good.txt")
    secret = good_text(outside / "secret.txt", "three women")
    (folder / "secret.txt").symlink_to(secret)
    (folder / "etc").symlink_to(outside, target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / "good.txt")  # a link inside the folder is fine
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)

    found = find_inputs([folder])
    assert [x for x in found if isinstance(x, Path)] == [folder / "good.txt"]
    assert [str(e) for e in found if isinstance(e, IngestError)] == [
        f"{folder / name}: symbolic link out of {folder} not followed (--follow-symlinks reads it)" for name in ("etc", "secret.txt")
    ]
    db = new_db("y.db")
    r = ok(yalu("ingest", folder, "--db", db, "-q"), code=1)
    assert len(error_lines(r.stderr)) == 2
    assert [row["source_path"] for row in sql(db, "SELECT source_path FROM articles")] == [str(folder / "good.txt")]
    # asked for, links are followed (each real folder once: the loop ends)
    r = ok(yalu("ingest", folder, "--follow-symlinks", "--db", db))
    assert "1 articles added" in r.stderr and "1 already stored" in r.stderr


def test_devices_and_fifos_are_refused_by_type_without_hanging(tmp_path, new_db):
    fifo = tmp_path / "wire.jsonl"
    os.mkfifo(fifo)
    good = good_text(tmp_path / "good.txt")
    # in a subprocess with a timeout: before, /dev/zero was read until memory ran out and a FIFO blocked forever
    cmd = [sys.executable, "-c", "from yalu.cli import cli; cli()", "ingest", "/dev/zero", str(fifo), str(good),
           "--db", str(new_db("y.db")), "-q"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert r.returncode == 1, r.stderr
    assert error_lines(r.stderr) == [
        "error: /dev/zero: is a character device, not a regular file (not read)",
        f"error: {fifo}: is a FIFO (named pipe), not a regular file (not read)",
    ]
    assert "1 articles added" in r.stderr


def unreadable_run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    """`yalu ARGS` unable to read a file of mode 000: as root, without the capabilities that
    let root read any file."""
    cmd = [sys.executable, "-c", "from yalu.cli import cli; cli()", *args]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("as root, needs setpriv to drop the capability to read any file")
        drop = "-dac_override,-dac_read_search"
        cmd = ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_an_unreadable_file_is_one_line_and_the_batch_goes_on(tmp_path, new_db):
    good = good_text(tmp_path / "good.txt")
    secret = good_text(tmp_path / "secret.txt", "three women")
    locked = tmp_path / "locked"
    locked.mkdir()
    hidden = good_text(locked / "report.txt", "four soldiers")
    folder = tmp_path / "reports"
    (folder / "closed").mkdir(parents=True)
    good_text(folder / "closed" / "report.txt", "five soldiers")
    secret.chmod(0)
    locked.chmod(0)
    (folder / "closed").chmod(0)
    try:
        r = unreadable_run(["ingest", str(secret), str(good), str(hidden), str(folder), "--db", str(new_db("y.db")), "-q"], tmp_path)
    finally:
        locked.chmod(0o700)
        (folder / "closed").chmod(0o700)
        secret.chmod(0o600)
    assert r.returncode == 1, r.stderr
    assert error_lines(r.stderr) == [
        f"error: {secret}: cannot read (permission denied)",
        f"error: {hidden}: cannot read (permission denied)",
        f"error: {folder / 'closed'}: cannot read folder (permission denied)",
    ]
    assert "1 articles added" in r.stderr
    assert [row["source_path"] for row in sql(new_db("y.db"), "SELECT source_path FROM articles")] == [str(good)]
