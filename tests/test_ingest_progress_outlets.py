"""Ingest: the progress bar counts articles (one big JSONL file is thousands of them), and a
report that names no outlet is its address's domain's (sources.toml `domains`)."""

import json

import pytest
from click.testing import CliRunner

from yalu.cli import cli
from yalu.ingest.metadata import domain_outlet
from yalu.store import Store, query

KCNA_TEXT = "Kim Jong Un inspected a fertilizer factory in Hungnam on Monday (a fictional report {n})."


def ingest(*args: object):
    result = CliRunner().invoke(cli, ["ingest", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def test_the_bar_counts_articles_of_one_big_file(new_db, tmp_path):
    """Issue 12: on one large JSONL file the bar stayed at "0/1" for 40 s."""
    feed = tmp_path / "big.jsonl"
    feed.write_text("".join(json.dumps({"id": f"a{n}", "text": KCNA_TEXT.format(n=n), "published": "2024-03-06"}) + "\n"
                            for n in range(12)), encoding="utf-8")
    result = ingest("--db", new_db("y.db"), feed)
    assert "ingesting: 12 articles" in result.stderr and "file 1/1" in result.stderr
    again = ingest("--db", new_db("y.db"), feed)  # already stored ones count too
    assert "ingesting: 12 articles" in again.stderr and "12 already stored" in again.stderr


@pytest.mark.parametrize("url, outlet", [
    ("http://www.kcna.kp/en/article/q/5f1d.kcmsf", "KCNA"),
    ("https://en.yna.co.kr/view/AEN20240306", "Yonhap"),
    ("https://www.dailynk.com/english/x/", "Daily NK"),
    ("https://www.rfa.org/english/news/korea/x.html", "Radio Free Asia"),
    ("https://kcna.kp.example.com/x", None),  # not a subdomain of kcna.kp
    ("https://example.com/kcna.kp", None),
    (None, None),
])
def test_outlet_of_a_domain(url, outlet):
    assert domain_outlet(url) == outlet


def test_a_report_naming_no_outlet_is_its_domains(new_db, tmp_path):
    """Issue 12: 51 KCNA articles with a kcna.kp address and no dateline had no outlet."""
    records = [
        {"id": "kcna", "url": "http://www.kcna.kp/en/article/q/1.kcmsf", "text": KCNA_TEXT.format(n=1)},
        # the report's own words and the metadata come first
        {"id": "words", "url": "http://www.kcna.kp/en/article/q/2.kcmsf",
         "text": KCNA_TEXT.format(n=2) + " A source told Daily NK so."},
        {"id": "meta", "url": "http://www.kcna.kp/en/article/q/3.kcmsf", "outlet": "Reuters", "text": KCNA_TEXT.format(n=3)},
        {"id": "none", "url": "https://example.invalid/4", "text": KCNA_TEXT.format(n=4)},
    ]
    feed = tmp_path / "kcna.jsonl"
    feed.write_text("".join(json.dumps(dict(r, published="2024-03-06")) + "\n" for r in records), encoding="utf-8")
    ingest("-q", "--db", new_db("y.db"), feed)
    store = Store(new_db("y.db"))
    outlets = dict(store.conn.execute("SELECT id, outlet FROM articles").fetchall())
    assert outlets == {"kcna": "KCNA", "words": "Daily NK", "meta": "Reuters", "none": None}
    assert {r["outlet"] for r in query.records(store) if r["article_id"] == "kcna"} <= {"KCNA"}
