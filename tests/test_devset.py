"""The real development set: text-less gold that never names a held-out address.

The gold files keep annotations, addresses and hashes; the texts stay in an ignored
cache folder. The held-out list lives in ../shared; without it the check skips.
"""

import hashlib
import json

from conftest import REPO, shared_path

from yalu.evaluate import devset, load_gold_files

GOLD = sorted((REPO / "gold").glob("real-*/*.jsonl"))


def test_normal_form_is_the_held_out_lists():
    # the example of ../shared/held-out/README.md
    assert devset.normalize_url("https://www.example.com/a/b/") == "example.com/a/b"
    assert devset.normalize_url("HTTP://Example.com/A") == "example.com/a"


def test_gold_names_no_held_out_address_and_keeps_its_rules():
    held = {line.strip() for line in shared_path("held-out", "urls.sha1").read_text().splitlines() if line.strip()}
    assert GOLD, "no real gold files"
    errors, _missing = devset.validate(GOLD, held=held)
    assert errors == []
    for path in GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            url = devset.normalize_url(record["url"])
            assert hashlib.sha1(url.encode()).hexdigest() not in held, record["doc_id"]
            assert record.get("text") in (None, ""), f"{record['doc_id']} carries its text"


def _one_report(tmp_path, doc_id, url, text):
    """A gold file of one text-less report and the cache folder holding its text."""
    cache = tmp_path / "texts"
    cache.mkdir()
    (cache / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    record = {"doc_id": doc_id, "url": url, "retrieve": {}, "text": None, "text_sha256": devset.text_sha256(text),
              "outlet": "Daily NK", "published": None, "split": devset.split_for(doc_id), "incidents": []}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record), encoding="utf-8")
    return gold, cache


def test_a_copy_citing_a_held_out_address_is_refused(tmp_path):
    # a board copies a story and cites its source; the source's address is held out
    source = "https://www.example.org/english/guards-arrested-for-smuggling/"
    held = {hashlib.sha1(devset.normalize_url(source).encode()).hexdigest()}
    text = (f"Date : May 3, 2024\nGuards arrested for smuggling\n   {source} [88]\nTwo guards were arrested in Musan.\n\n"
            "[Fictional report written for Yalu's tests; not real news.]")
    gold, cache = _one_report(tmp_path, "copy", "https://board.example.net/bbs?wr_id=7", text)
    errors, missing = devset.validate([gold], texts=cache, held=held)
    assert missing == [] and len(errors) == 1 and "copies a held-out report" in errors[0] and source.rstrip("/") in errors[0]
    # the same copy citing an address not on the list passes
    assert devset.validate([gold], texts=cache, held={"0" * 40}) == ([], [])


def test_a_short_or_percent_encoded_address_is_refused(tmp_path):
    # a held-out address spelt percent-encoded is the same page; a shortener hides its page
    held_url = "https://www.example.org/english/한글-기사/"
    held = {hashlib.sha1(devset.normalize_url(held_url).encode()).hexdigest()}
    assert devset.is_held_out("https://example.org/english/%ED%95%9C%EA%B8%80-%EA%B8%B0%EC%82%AC", held)
    assert not devset.is_held_out("https://example.org/english/other-story", held)
    assert devset.shortened("http://j.mp/abc123") and devset.shortened("https://bit.ly/x")
    assert not devset.shortened("https://www.example.org/j.mp/abc")
    text = "Two guards were arrested in Musan.\n\n[Fictional report written for Yalu's tests; not real news.]"
    gold, cache = _one_report(tmp_path, "short", "http://j.mp/abc123", text)
    errors, missing = devset.validate([gold], texts=cache, held={"0" * 40})
    assert missing == [] and len(errors) == 1 and "short address" in errors[0]


def test_split_is_fixed_by_the_id():
    ids = [f"doc-{i}" for i in range(1000)]
    splits = [devset.split_for(i) for i in ids]
    assert splits == [devset.split_for(i) for i in ids]
    assert 0.25 < splits.count("test") / len(ids) < 0.35


def test_eval_takes_cached_texts_by_hash(tmp_path):
    text = "Police arrested a broker in Musan on May 2.\n\n[Fictional report written for Yalu's tests; not real news.]"
    cache = tmp_path / "texts"
    cache.mkdir()
    (cache / "a.txt").write_text(text, encoding="utf-8")
    (cache / "b.txt").write_text(text + " changed", encoding="utf-8")
    base = {"url": "https://example.org/x", "published": "2024-05-10", "outlet": "Daily NK", "incidents": [],
            "text": None, "text_sha256": devset.text_sha256(text)}
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({**base, "doc_id": d, "split": devset.split_for(d)}) for d in "abc"))
    loaded = load_gold_files([gold], texts=cache)
    assert [d.doc_id for d in loaded.docs] == ["a"]
    assert loaded.changed == ["b"] and loaded.missing == ["c"]


def test_eval_command_scores_cached_texts_and_names_the_missing(tmp_path):
    from click.testing import CliRunner

    from yalu.cli import cli

    text = (
        "Police arrested two brokers in Musan on May 2, a source in North Hamgyong Province told Daily NK.\n\n"
        "[Fictional report written for Yalu's tests; not real news.]"
    )
    cache = tmp_path / "texts"
    cache.mkdir()
    (cache / "musan.txt").write_text(text, encoding="utf-8")
    incident = {"key": "arrest", "event_type": "arrest", "alt_types": [], "country": "KP", "admin1_code": "KP-09",
                "admin2": ["Musan"], "date_start": "2024-05-02", "date_end": "2024-05-02", "time_precision_max": 1,
                "actors": [], "quantities": [], "attribution": None, "corroboration": [], "optional": False}
    records = [
        {"doc_id": d, "url": f"https://example.org/{d}", "text": None, "text_sha256": devset.text_sha256(text),
         "published": "2024-05-10", "outlet": "Daily NK", "split": devset.split_for(d), "incidents": [incident]}
        for d in ("musan", "absent")
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold), "--texts", str(cache), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)["summary"]
    assert summary["documents"] == 1
    assert summary["incidents"]["tp"] == 1 and summary["admin2_accuracy"] == 1.0
    assert summary["not_scored"] == {"missing_text": ["absent"], "text_differs": []}
