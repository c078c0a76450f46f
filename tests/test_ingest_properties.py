"""Property tests (Hypothesis, derandomized so CI sees the same examples every run) over
the readers and the date resolver: whatever the input, a reader yields Articles and
one-line errors and never raises, and every good record next to a hostile one is read;
the date resolver never raises, whatever the text and the publication date.

bench/fuzz_ingest.py runs the same kinds of input, and more, through the commands.
"""

from __future__ import annotations

import json
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yalu.dates import find_dates, resolve
from yalu.ingest import IngestError, read_file
from yalu.ingest.limits import FIRST_PUBLISHED, LAST_PUBLISHED, MAX_TEXT_CHARS
from yalu.ingest.readers import SUPPORTED_SUFFIXES
from yalu.model import Article

CI = settings(derandomize=True, deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
UNCLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def check_items(path, items) -> tuple[list[Article], list[IngestError]]:
    """What every reader promises, whatever it was given."""
    articles, errors = [], []
    for item in items:
        if isinstance(item, IngestError):
            line = str(item)
            assert line.startswith(str(path)) and "\n" not in line, line
            errors.append(item)
            continue
        assert isinstance(item, Article), item
        assert not UNCLEAN.search(item.text) and item.text.strip()
        assert not any(UNCLEAN.search(v) for v in (item.id, item.title, item.author, item.outlet, item.url) if v)
        assert len(item.text) <= MAX_TEXT_CHARS
        assert item.published is None or FIRST_PUBLISHED <= item.published <= LAST_PUBLISHED
        assert len(item.hash) == 64
        articles.append(item)
    return articles, errors


# --- any bytes, any name -----------------------------------------------------------------------

MAGIC_HEADS = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\x1f\x8b\x08", b"\x7fELF", b"SQLite format 3\x00", b"\xef\xbb\xbf", b"\xff\xfe"]


@CI
@given(
    head=st.sampled_from(MAGIC_HEADS),
    body=st.binary(max_size=600) | st.text(max_size=600).map(lambda s: s.encode("utf-8", "surrogatepass")),
    suffix=st.sampled_from([*SUPPORTED_SUFFIXES, ".pdf", ""]),
)
def test_any_bytes_under_any_name(tmp_path_factory, head, body, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"report{suffix}"
    path.write_bytes(head + body)
    check_items(path, read_file(path))


# --- JSON Lines: hostile records between good ones ------------------------------------------

JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
HOSTILE_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                              max_leaves=8)
DATES = st.dates().map(date.isoformat) | st.sampled_from(["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "2021-02-30", "yesterday", ""])
TEXTS = (
    st.text(max_size=300)
    | st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000), max_size=300)
    | st.sampled_from(["\ud800", "Soldiers \x00 defected.", "Hyesan " * 300 + "soldiers defected.", "“" * 500, "\u2028\u2029"])
)
HOSTILE_RECORDS = st.one_of(
    st.fixed_dictionaries({"text": TEXTS}, optional={"published": DATES, "id": HOSTILE_VALUES, "title": HOSTILE_VALUES,
                                                     "tags": HOSTILE_VALUES, "outlet": HOSTILE_VALUES}).map(json.dumps),
    HOSTILE_VALUES.map(json.dumps),
    st.integers(min_value=1, max_value=60).map(lambda n: "[" * n + "]" * n),
    st.integers(min_value=4000, max_value=6000).map(lambda n: '{"text": "x", "n": ' + "7" * n + "}"),
    st.text(max_size=80),  # not JSON at all
)


def good_line(i: int) -> str:
    return json.dumps({"id": f"good-{i}", "published": "2021-03-02", "text": f"Guards in Musan detained {i} smugglers on Monday."})


@CI
@given(hostile=st.lists(HOSTILE_RECORDS, min_size=1, max_size=6))
def test_every_good_jsonl_record_next_to_a_hostile_one_is_read(tmp_path_factory, hostile):
    lines = []
    for i, bad in enumerate(hostile):
        lines += [good_line(i), bad.replace("\n", " ")]
    lines.append(good_line(len(hostile)))
    path = tmp_path_factory.mktemp("jsonl") / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    articles, errors = check_items(path, read_file(path))
    assert {f"good-{i}" for i in range(len(hostile) + 1)} <= {a.id for a in articles}
    # one item at most a line: an error names its line
    assert len(articles) + len(errors) <= len(lines)
    assert all(re.fullmatch(r"line \d+", e.where or "") for e in errors)


# --- feeds: any dates and any content in the entries --------------------------------------------

FEED_DATES = st.sampled_from(["Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "Mon, 01 Mar 2021 00:00:00 +0900",
                              "not a date", "", "2021-13-45"])


@CI
@given(entries=st.lists(st.tuples(FEED_DATES, TEXTS), min_size=1, max_size=5))
def test_any_feed_entry_is_one_article_or_one_error(tmp_path_factory, entries):
    from xml.sax.saxutils import escape

    def xml_safe(s: str) -> str:
        return escape(re.sub(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "", s))

    items = "".join(f"<item><title>t{i}</title><pubDate>{xml_safe(d)}</pubDate><description>{xml_safe(t)}</description></item>"
                    for i, (d, t) in enumerate(entries))
    path = tmp_path_factory.mktemp("feed") / "feed.rss"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>{items}</channel></rss>', encoding="utf-8")
    articles, errors = check_items(path, read_file(path))
    assert len(articles) + len(errors) <= max(len(entries), 1)


# --- the date resolver ---------------------------------------------------------------------------------

PHRASES = [
    "yesterday", "three days ago", "last week", "next month", "the next day", "a week later", "two days earlier", "last Tuesday",
    "on Tuesday (Nov. 24)", "early January", "in late December", "next year", "last year", "this winter", "over the weekend",
    "December 31, 9999", "January 1, 2099", "from December 28 to January 3", "from Saturday to Monday", "since last month",
    "until March 3", "Juche 113", "Juche 999", "in the 1990s", "the mid-2090s", "recently", "on the 31st", "9999 years ago",
    "the following week", "two days after North Korea fired", "February 29", "at 4 a.m.", "“A week ago,” a source said on September 16.",
]
DATE_TEXTS = st.lists(st.sampled_from(PHRASES) | st.text(max_size=20), min_size=1, max_size=8).map(" ".join)


@settings(derandomize=True, deadline=None, max_examples=300)
@given(text=DATE_TEXTS, published=st.none() | st.dates() | st.sampled_from([date.min, date.max]), future=st.booleans())
def test_the_date_resolver_never_raises(text, published, future):
    for m in find_dates(text, published, future=future):
        assert text[m.start:m.end] == m.text
        sp = m.span
        assert sp.start is None or sp.end is None or sp.start <= sp.end
    resolve(text, published, future=future)
