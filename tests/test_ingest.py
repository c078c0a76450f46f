"""Reading reports: text, HTML, JSONL, RSS and Atom; bad input gives one line (yalu.ingest)."""

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from yalu.ingest import IngestError, find_inputs, parse_date, read_file, read_text
from yalu.model import Article

DATA = Path(__file__).parent / "data" / "ingest"
SEED = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "seed"
    / "dailynk-soldier-defects-with-weapon.txt"
)


def read_all(path, **kw):
    items = list(read_file(path, **kw))
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, IngestError)]


def read_one(path, **kw) -> Article:
    articles, errors = read_all(path, **kw)
    assert errors == [] and len(articles) == 1, errors
    return articles[0]


def kinds(article):
    return [f.kind for f in article.furniture]


# --- IngestError ----------------------------------------------------------------------


def test_ingest_error_is_one_line():
    e = IngestError("reports/a.html", "not valid UTF-8 (byte 0xff at offset 12)")
    assert str(e) == "reports/a.html: not valid UTF-8 (byte 0xff at offset 12)"
    assert (e.path, e.problem, e.where) == ("reports/a.html", "not valid UTF-8 (byte 0xff at offset 12)", None)
    e = IngestError(Path("x.jsonl"), "invalid JSON (Expecting ',' delimiter\n, column 3)", "line 7")
    assert str(e) == "x.jsonl line 7: invalid JSON (Expecting ',' delimiter , column 3)"
    assert e.path == "x.jsonl" and "\n" not in str(e)


# --- finding inputs -------------------------------------------------------------------------


def test_find_inputs_expands_folders(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a.txt", "b/c.html", "b/d.HTM", "e.jsonl", "f.xml", "g.rss", "h.atom", "skip.pdf", ".dot.txt", ".hidden/x.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = find_inputs([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.txt", "b/c.html", "b/d.HTM", "e.jsonl", "f.xml", "g.rss", "h.atom",
    ]  # fmt: skip
    # explicit files are kept whatever they are (read_file reports them); no duplicates
    missing = tmp_path / "missing.txt"
    assert find_inputs([tmp_path / "skip.pdf", missing, tmp_path / "a.txt", str(tmp_path / "a.txt")]) == [
        tmp_path / "skip.pdf", missing, tmp_path / "a.txt",
    ]  # fmt: skip
    assert find_inputs([]) == []


# --- plain text ---------------------------------------------------------------------------------


def test_txt_fixture():
    a = read_one(DATA / "market-closure.txt")
    assert a.title == "Fictional: police close market stalls in Hyesan"
    assert a.author == "Jane Roe"
    assert a.text.startswith("Police in Hyesan closed twenty market stalls")
    assert a.text.endswith("self-criticism session.")
    # a sentence that mentions a photo is text; the caption is not
    assert "A photo taken by the source shows officers" in a.text
    assert "Pyongsong" not in a.text
    assert kinds(a) == ["byline", "tags", "caption", "contact", "link", "disclaimer"]
    assert a.id is None and a.published is None and a.published_source is None and a.outlet is None
    assert a.source_path == str(DATA / "market-closure.txt")


@pytest.mark.shared
def test_real_seed():
    if not SEED.exists():
        pytest.skip(f"real seed article not available ({SEED} missing; it lives in ../shared)")
    a = read_one(SEED)
    assert a.title is None  # the first line is a sentence, not a headline
    assert a.text.startswith("A North Korean soldier deployed to the Sino-North Korean border")
    assert "Sinpa County" in a.text
    for absent in ("Sakju", "/ Image: Daily NK", "remittance ryanggang", "Please direct", "Read in Korean"):
        assert absent not in a.text
    assert kinds(a) == ["tags", "caption", "contact", "link"]
    assert a.published is None  # the text carries no date; never today's or the file's
    a = read_one(SEED, published=date(2020, 11, 26), outlet="Daily NK")
    assert (a.published, a.published_source, a.outlet) == (date(2020, 11, 26), "cli", "Daily NK")


@pytest.mark.parametrize(
    "content, title",
    [
        ("Soldier defects with rifle\n\nA soldier crossed the river.", "Soldier defects with rifle"),
        ("Soldier defects with rifle\nA soldier crossed the river.\nHe took ammunition.", "Soldier defects with rifle"),
        ("A soldier crossed the river.\n\nHe took ammunition.", None),  # a sentence
        ("Soldier defects with rifle", None),  # nothing after it
        ("Soldier defects with rifle\nand then the guards\n\nMore.", None),  # not a paragraph of its own
        ("Pyongyang, June 1 (KCNA) --\n\nOfficials met.", None),  # a dateline
        ("soldier defects with rifle\n\nA soldier crossed.", None),  # lowercase start
        ("One\n\nA soldier crossed.", None),  # one word
    ],
)
def test_txt_title_is_conservative(tmp_path, content, title):
    p = tmp_path / "r.txt"
    p.write_text(content, encoding="utf-8")
    a = read_one(p)
    assert a.title == title
    if title:
        assert not a.text.startswith(title)
    else:
        assert a.text.startswith(content.split("\n")[0].strip()) or a.furniture


def test_crlf_and_bom_are_read(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes("\ufeffGuards detained two men.\r\n\r\nRead in Korean\r\n".encode("utf-8"))
    a = read_one(p)
    assert a.text == "Guards detained two men."
    assert kinds(a) == ["link"]


# --- HTML -----------------------------------------------------------------------------------------


def test_html_fixture():
    a = read_one(DATA / "border-boat.html")
    assert a.title == "Guards seize smuggling boat near Hyesan"
    assert a.author == "Jane Roe"
    assert a.url == "https://news.example.org/2021/03/guards-seize-boat"
    assert a.outlet == "Example Border Monitor"
    assert (a.published, a.published_source) == (date(2021, 3, 4), "html-meta")
    assert a.tags == ["smuggling", "border security"]
    assert a.id is None
    assert a.text.startswith("Border guards in Hyesan seized a small smuggling boat")
    assert "holding facility run by the Ministry of State Security" in a.text
    assert "\n\n" in a.text  # paragraphs kept
    # captions, tags, links, byline and title are not incident text
    for absent in ("Onsong", "Image:", "wooden boat", "Read in Korean", "Fictional report", "By Jane Roe", "Copyright"):
        assert absent not in a.text
    assert not a.text.startswith(a.title)
    captions = [f.text for f in a.furniture if f.kind == "caption"]
    assert any(c.startswith("A wooden boat on the Tumen River near Onsong County") for c in captions)
    assert "A wooden boat moored on a river bank" in captions  # img alt
    assert ("tags", "smuggling, border security") in [(f.kind, f.text) for f in a.furniture]
    assert {"link", "disclaimer"} <= set(kinds(a))


def test_html_without_date_has_no_date(tmp_path):
    p = tmp_path / "nodate.html"
    p.write_text(
        "<html><head><title>Fictional: no date</title></head><body><article>"
        "<p>Guards in Musan detained a man near the river on Sunday, a fictional source said.</p>"
        "<p>He was released after paying a fine to the local security office.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    os.utime(p, (1_600_000_000, 1_600_000_000))
    a = read_one(p)
    assert a.published is None and a.published_source is None  # not today, not the mtime
    assert "Guards in Musan detained a man" in a.text


def test_html_site_name_is_not_the_headline(tmp_path):
    """Without og:site_name the site's name is the other half of <title>, never the headline."""
    p = tmp_path / "wire.html"
    p.write_text(
        "<html><head><title>Fictional: guards detain man in Musan | Example Wire Service</title></head><body>"
        "<article><h1>Fictional: guards detain man in Musan</h1>"
        "<p>Guards in Musan detained a man near the river on Sunday, a fictional source said.</p>"
        "<p>He was released after paying a fine to the local security office.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    a = read_one(p)
    assert a.title == "Fictional: guards detain man in Musan"
    assert a.outlet == "Example Wire Service"


def test_html_caption_kept_by_extractor_is_removed(tmp_path):
    # a caption that trafilatura keeps as a paragraph is still furniture
    p = tmp_path / "cap.html"
    p.write_text(
        "<html><body><article>"
        "<p>Police in Kimchaek searched homes for foreign films last week, a fictional source said.</p>"
        '<div class="photo-caption">Police officers on a street in Tanchon, South Hamgyong.</div>'
        "<p>Three families were fined and one man was detained for questioning.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    a = read_one(p)
    assert "Tanchon" not in a.text
    assert ("caption", "Police officers on a street in Tanchon, South Hamgyong.") in [
        (f.kind, f.text) for f in a.furniture
    ]


# --- JSONL ---------------------------------------------------------------------------------------------


def test_jsonl_fixture():
    articles, errors = read_all(DATA / "reports.jsonl")
    assert [a.id for a in articles] == ["fic-001", "2", "fic-004"]
    first, second, fourth = articles
    assert first.title == "Fictional: market crackdown in Hoeryong"
    assert (first.published, first.published_source) == (date(2022, 5, 10), "jsonl")
    assert first.outlet == "Example Wire" and first.url == "https://wire.example.org/fic-001"
    assert first.tags == ["markets", "crackdown"]
    assert kinds(first) == ["disclaimer"] and "Fictional" not in first.text
    # story_text and date keys; ISO datetime -> date as written
    assert second.text.startswith("Pyongyang, June 1 (Example) -- Officials in Wonsan")
    assert (second.published, second.published_source) == (date(2022, 6, 1), "jsonl")
    assert second.title is None
    # headline key; caption line set aside
    assert fourth.title == "Fictional: arrests in Sinuiju"
    assert fourth.text.endswith("a source told Example Wire.") and kinds(fourth) == ["caption"]
    assert all(a.source_path == str(DATA / "reports.jsonl") for a in articles)

    messages = [str(e) for e in errors]
    assert [e.where for e in errors] == ["line 3", "line 5", "line 6", "line 7"]
    assert messages[0].startswith(f"{DATA / 'reports.jsonl'} line 3: invalid JSON (")
    assert "expected a JSON object" in messages[1]
    assert "no 'text' or 'story_text' field" in messages[2]
    assert "invalid date in 'published': 'last Tuesday'" in messages[3]
    assert all("\n" not in m for m in messages)


def test_jsonl_overrides_replace_bad_dates():
    articles, errors = read_all(DATA / "reports.jsonl", published=date(2024, 1, 2), outlet="Desk")
    assert [a.id for a in articles] == ["fic-001", "2", "fic-004", "fic-007"]  # line 7's date is overridden
    assert all((a.published, a.published_source, a.outlet) == (date(2024, 1, 2), "cli", "Desk") for a in articles)
    assert [e.where for e in errors] == ["line 3", "line 5", "line 6"]


def test_jsonl_record_details(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text(
        '{"doc_id": "d1", "text": "Guards fired shots near Musan.", "link": "https://x.example/1", "tags": "a, b"}\n'
        "\n"
        '{"id": "d2", "text": "Read in Korean"}\n'
        '{"id": "d3", "text": 42}\n'
        '{"id": "d4", "text": "Two men were arrested.", "published": 20240101}\n',
        encoding="utf-8",
    )
    articles, errors = read_all(p)
    assert [(a.id, a.url, a.tags) for a in articles] == [("d1", "https://x.example/1", ["a", "b"])]
    assert [(e.where, e.problem) for e in errors] == [
        ("line 3", "no article text (empty, or only page furniture)"),
        ("line 4", "'text' is int, not a string"),
        ("line 5", "invalid date in 'published': 20240101 (expected YYYY-MM-DD)"),
    ]


# --- feeds ----------------------------------------------------------------------------------------------------


def test_rss_feed():
    articles, errors = read_all(DATA / "example-feed.rss")
    assert len(articles) == 2
    fuel, bridge = articles
    assert fuel.id == "ebm-2021-0412"  # the guid
    assert fuel.url == "https://news.example.org/2021/04/fuel"
    assert fuel.title == "Fictional: soldiers caught selling fuel in Kanggye"
    assert fuel.author == "Kim Min-ji"
    assert fuel.outlet == "Example Border Monitor"
    assert (fuel.published, fuel.published_source) == (date(2021, 4, 12), "feed")
    assert fuel.tags == ["military", "fuel"]
    # full content (content:encoded), not the one-line description
    assert fuel.text == (
        "Military police in Kanggye caught three soldiers selling diesel from an army depot, "
        "a source in Chagang Province said.\n\nThe soldiers were sent to a disciplinary unit."
    )
    assert "Manpo" not in fuel.text and "Short summary" not in fuel.text
    captions = [f.text for f in fuel.furniture if f.kind == "caption"]
    assert "Fuel drums in a yard in Manpo. (Photo: Example Border Monitor)" in captions
    assert "disclaimer" in kinds(fuel)
    # no guid: the link is the id; the date stays as written (07:40 +0900 is the 12th in UTC)
    assert bridge.id == bridge.url == "https://news.example.org/2021/04/bridge"
    assert bridge.published == date(2021, 4, 13)
    assert bridge.text == "Workers began repairing a road bridge in Namyang on Tuesday, a resident said."
    assert [str(e) for e in errors] == [f"{DATA / 'example-feed.rss'} entry 3: no content"]


def test_atom_feed():
    a = read_one(DATA / "example-feed.atom")
    assert a.id == "urn:example:atom-desk:0001"
    assert a.url == "https://atom.example.org/0001"
    assert a.title == "Fictional: power cuts in Chongjin"
    assert a.author == "Lee Ha-na"
    assert a.outlet == "Example Atom Desk"
    assert (a.published, a.published_source) == (date(2023, 2, 1), "feed")  # published, not updated
    assert a.tags == ["electricity"]
    assert a.text == (
        "Residents of Chongjin said power had been cut for most of the past week.\n\n"
        "Factories in the city ran on diesel generators."
    )
    assert "link" in kinds(a)


def test_xml_suffix_is_read_as_feed(tmp_path):
    p = tmp_path / "feed.xml"
    shutil.copy(DATA / "example-feed.atom", p)
    a = read_one(p, outlet="Override Desk", published=date(2023, 3, 3))
    assert a.title == "Fictional: power cuts in Chongjin"
    assert (a.outlet, a.published, a.published_source) == ("Override Desk", date(2023, 3, 3), "cli")


def test_feed_overrides():
    articles, _ = read_all(DATA / "example-feed.rss", published=date(2021, 5, 1), outlet="Desk")
    assert {(a.published, a.published_source, a.outlet) for a in articles} == {(date(2021, 5, 1), "cli", "Desk")}


def test_html_and_txt_overrides():
    a = read_one(DATA / "border-boat.html", published=date(2021, 3, 9), outlet="Desk")
    assert (a.published, a.published_source, a.outlet) == (date(2021, 3, 9), "cli", "Desk")
    a = read_one(DATA / "market-closure.txt", published="2021-03-10", outlet="Desk")
    assert (a.published, a.published_source, a.outlet) == (date(2021, 3, 10), "cli", "Desk")


def test_bad_published_override_is_reported():
    articles, errors = read_all(DATA / "market-closure.txt", published="yesterday")
    assert articles == [] and len(errors) == 1
    assert "invalid --published date" in str(errors[0])


# --- bad input: one line naming the file, never an exception ---------------------------------------


BAD_INPUTS = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n", "empty file (whitespace only)"),
    ("blank.jsonl", b"\n\n", "empty file (whitespace only)"),
    ("latin1.txt", "café au lait".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
    ("utf16.txt", "hello".encode("utf-16"), "not valid UTF-8 (UTF-16 byte-order mark"),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not text (by its content; named .html)"),
    # named as text, sniffed by their first bytes (a text-only PDF has no NUL to give it away)
    ("report.txt", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (Guards detained two men in Hyesan.) Tj ET\n", "a PDF document, not text"),
    ("bundle.txt", b"PK\x03\x04\x14\x00\x00\x00", "a zip archive"),
    ("wire.jsonl", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip archive"),
    ("feed.xml", b"\x7fELF\x02\x01\x01", "an ELF executable"),
    ("notes.txt", b"SQLite format 3\x00\x10\x00\x01\x01", "an SQLite database"),
    ("controls.txt", bytes(range(1, 9)) * 20, "binary file, not text"),
    ("junk.txt", bytes(range(0x80, 0x100)) + bytes(range(1, 9)) * 40, "binary file, not text"),
    ("broken.html", b"<<<>>>", "no article text found"),
    ("shell.html", b"<html><body><div></div></body></html>", "no article text found"),
    ("furniture.txt", b"By Jane Roe\nRead in Korean\n", "no article text (only page furniture)"),
    ("bad.atom", b"not xml at all <", "malformed XML"),
    ("notfeed.xml", b'<?xml version="1.0"?><html><body/></html>', "not an RSS or Atom feed (root element <html>)"),
    ("noentries.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title></channel></rss>', "feed has no entries"),
    ("report.pdf", b"%PDF-1.4", "unsupported file type ('.pdf'; expected .txt"),
    ("README", b"hello", "unsupported file type (no suffix"),
]


@pytest.mark.parametrize("name, content, problem", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_one_line(tmp_path, name, content, problem):
    p = tmp_path / name
    p.write_bytes(content)
    items = list(read_file(p))
    assert len(items) == 1 and isinstance(items[0], IngestError), items
    message = str(items[0])
    assert message.startswith(f"{p}: ")
    assert problem in message
    assert "\n" not in message


def test_missing_file_and_folder(tmp_path):
    (items,) = [list(read_file(tmp_path / "gone.txt"))]
    assert [str(e) for e in items] == [f"{tmp_path / 'gone.txt'}: no such file"]
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    assert [str(e) for e in read_file(folder)] == [f"{folder}: is a folder, not a file"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("Guards detained two men.", encoding="utf-8")
    p.chmod(0)
    try:
        assert [str(e) for e in read_file(p)] == [f"{p}: cannot read (permission denied)"]
    finally:
        p.chmod(0o600)


def test_parser_failure_becomes_an_error(monkeypatch):
    import trafilatura

    def boom(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    items = list(read_file(DATA / "border-boat.html"))
    assert [str(e) for e in items] == [
        f"{DATA / 'border-boat.html'}: could not be read (RuntimeError: parser exploded)"
    ]


def test_batch_goes_on_past_bad_files(tmp_path):
    (tmp_path / "a-bad.txt").write_bytes(b"\xff\xfe\xfa")
    shutil.copy(DATA / "market-closure.txt", tmp_path / "b-good.txt")
    results = [item for p in find_inputs([tmp_path]) for item in read_file(p)]
    assert [type(r).__name__ for r in results] == ["IngestError", "Article"]


# --- read_text and dates ------------------------------------------------------------------------------------------


def test_read_text():
    a = read_text(
        "Guards detained two men.\n\nImage: Example\n",
        id=7,
        published="2021-02-03",
        outlet="Desk",
        tags=["x"],
    )
    assert a.text == "Guards detained two men."
    assert (a.id, a.published, a.published_source, a.outlet, a.tags) == ("7", date(2021, 2, 3), "cli", "Desk", ["x"])
    assert kinds(a) == ["caption"]
    a = read_text("Soldier defects\n\nA soldier left.", published=date(2021, 1, 1), published_source="jsonl")
    assert a.title is None and a.published_source == "jsonl"  # no title guessing unless asked
    assert read_text("Soldier defects\n\nA soldier left.", detect_title=True).title == "Soldier defects"
    # a Korean headline stays in the text the Korean stage reads, opened by a digit or not
    korean = read_text("RFA “가상군서 주민 2명 체포”\n\n주민 2명이 체포됐다.", detect_title=True)
    assert korean.title is None and korean.text.startswith("RFA “가상군서")
    assert read_text("").text == ""
    with pytest.raises(TypeError, match="colour"):
        read_text("x", colour="red")
    with pytest.raises(ValueError, match="not a date"):
        read_text("x", published="soon")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-03-04", date(2021, 3, 4)),
        ("2021-03-04T23:30:00+09:00", date(2021, 3, 4)),
        ("2021-03-04 08:00", date(2021, 3, 4)),
        ("Tue, 13 Apr 2021 07:40:00 +0900", date(2021, 4, 13)),
        (date(2020, 1, 2), date(2020, 1, 2)),
        ("2021-02-30", None),
        ("last Tuesday", None),
        ("", None),
        (None, None),
        (20240101, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_loose_rss_with_html_entities(tmp_path):
    # &nbsp; is not defined in XML; feeds use it anyway. A bare guid is an id, not a URL.
    p = tmp_path / "loose.rss"
    p.write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Loose&nbsp;Feed</title>'
        "<item><title>Fictional&nbsp;item</title><guid>g1</guid>"
        "<pubDate>Wed, 02 Jun 2021 01:00:00 GMT</pubDate>"
        "<description>Guards&nbsp;in Musan detained a man.</description></item></channel></rss>",
        encoding="utf-8",
    )
    a = read_one(p)
    assert (a.id, a.url, a.outlet) == ("g1", None, "Loose Feed")
    assert a.text == "Guards in Musan detained a man."
    assert a.published == date(2021, 6, 2)


def test_txt_headline_with_standfirst_is_the_title(tmp_path):
    """A headline and a one-line standfirst (a dek), both without full stops, make the title."""
    path = tmp_path / "r.txt"
    path.write_text(
        "Fictional port closed to foreign ships\nMarket also shut to traders, sources say\n\n"
        "The port has been closed since Jan. 28, a trader said.\n",
        encoding="utf-8",
    )
    [article] = list(read_file(path))
    assert article.title == "Fictional port closed to foreign ships — Market also shut to traders, sources say"
    assert article.text.startswith("The port has been closed")


# --- hard-wrapped text (unwrap_lines) ----------------------------------------------------------------------


WRAPPED = (
    "Fictional: guards seize phones in Onsong\n"
    "\n"
    "SEOUL, May 3 (Example) -- Security agents in Onsong County have seized the\n"
    "Chinese mobile phones of at least twelve residents this week, a source told\n"
    "Example News on Tuesday. The agents searched homes near the river at night\n"
    "and took the owners to the county security office.\n"
    "\n"
    "“They came without warning,” the source said. “Nobody was told what the\n"
    "owners will be charged with.”\n"
    "\n"
    "Phones seized\n"
    "- twelve phones in Onsong\n"
    "- four phones in Namyang\n"
)


def _unwrapped_breaks(text: str) -> list[str]:
    """The lines after which unwrap_lines removed the break."""
    from yalu.ingest.text import unwrap_lines

    out = unwrap_lines(text)
    assert len(out) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, out))
    joined, offset = [], 0
    for line in text.split("\n")[:-1]:
        offset += len(line)
        if out[offset] == " ":
            joined.append(line)
        offset += 1
    return joined


def test_wrapped_lines_run_on_and_offsets_stay():
    from yalu.ingest.text import unwrap_lines, wrap_width

    assert wrap_width(WRAPPED.split("\n")) is not None
    out = unwrap_lines(WRAPPED)
    assert "seized the Chinese mobile phones of at least twelve residents this week, a source told Example News" in out
    assert "searched homes near the river at night and took the owners" in out
    assert "“Nobody was told what the owners will be charged with.”" in out
    # the headline, the paragraph ends, the subhead and the list lines keep their breaks
    assert out.startswith("Fictional: guards seize phones in Onsong\n\nSEOUL, May 3")
    assert "county security office.\n\n" in out
    assert "\nPhones seized\n- twelve phones in Onsong\n- four phones in Namyang\n" in out


def test_unwrap_rules_one_by_one():
    # a next line in lower case goes on; so does a line ending on a comma or a word like "on"
    assert _unwrapped_breaks("Police arrested two traders who had\nsold phones.") == ["Police arrested two traders who had"]
    assert _unwrapped_breaks("Guards fired at the boat, the ministry said,\nAnd it sank.") == [
        "Guards fired at the boat, the ministry said,"
    ]
    assert _unwrapped_breaks("A source told Example News on\nOctober 11 that guards left.") == ["A source told Example News on"]
    # one paragraph a line, not wrapped: nothing changes
    lines = "Guards detained two men in Hyesan on Sunday.\nThe men were released on Monday.\nNo charges were filed."
    assert _unwrapped_breaks(lines) == []
    # a headline, a dateline, a label, a list item, a question, a link, a short line
    for text in (
        "Soldier defects across the river\nA soldier crossed the river on Sunday.",
        "PYONGYANG, May 3 (KCNA) --\nThe ministry issued a statement.",
        "Prices in Hyesan on Friday:\nrice 5,000 won, corn 2,100 won.",
        "The ministry listed the measures taken\n- closing the market for a week",
        "The source was asked how the arrests began\nQ: When did the arrests start?",
        "Read the report in full at the address below\nhttps://example.org/report",
        "By\nthe end of the month the market reopened.",
    ):
        assert _unwrapped_breaks(text) == [], text


def test_unwrap_full_lines_of_a_hard_wrapped_text():
    # in a text wrapped at a fixed width, a full line goes on even before a capital
    text = (
        "Officials from the provincial security agency's Chemical Processing\n"
        "Bureau and the Transmission Maintenance Bureau were sent to the city to\n"
        "track down the callers, a source in North Hamgyong Province said. One\n"
        "agent was seen at the market every day this week, the source added.\n"
        "Short heading\n"
        "Another paragraph starts here with text that runs on past the width of\n"
        "the line.\n"
    )
    joined = _unwrapped_breaks(text)
    assert "Officials from the provincial security agency's Chemical Processing" in joined
    assert "track down the callers, a source in North Hamgyong Province said. One" in joined
    assert "agent was seen at the market every day this week, the source added." not in joined
    assert "Short heading" not in joined


# --- a WordPress API record saved as text ---------------------------------------------------------------------


WP_RECORD = (
    '{"id":4321,"date":"2021-06-16T10:36:39","date_gmt":"2021-06-16T01:36:39","slug":"fictional",'
    '"status":"publish","type":"post","link":"https:\\/\\/www.example.org\\/2021\\/06\\/fictional\\/",'
    '"title":{"rendered":"\\uff1cFictional\\uff1e Guards close Hyesan market"},"content":{"rendered":"\n'
    '\\"\\"\n\n(Photo) A market street in the evening. Photographed by Jane Roe in May 2014.<\\/p><\\/div>\\n\n\n'
    'Guards closed the market in Hyesan on June 15, a reporting partner said.<\\/p>\\n\n\n'
    'Prices rose by 40%. \\u203bPrices are in won per kilogram.<\\/p>\\n\n'
    '<\\/p>\\n\n","protected":false},"excerpt":{"rendered":"x"}}'
)


def test_wordpress_record_is_read_as_its_post():
    a = read_text(WP_RECORD, detect_title=True)
    assert a.title == "＜Fictional＞ Guards close Hyesan market"
    assert a.url == "https://www.example.org/2021/06/fictional/"
    assert (a.published, a.published_source) == (date(2021, 6, 16), "feed")
    assert a.text == "Guards closed the market in Hyesan on June 15, a reporting partner said.\n\nPrices rose by 40%."
    assert [(f.kind, f.text) for f in a.furniture] == [
        ("caption", "(Photo) A market street in the evening. Photographed by Jane Roe in May 2014."),
        ("note", "※Prices are in won per kilogram."),
    ]
    # what the caller gives wins; a record cut short mid-content is read as far as it goes
    a = read_text(WP_RECORD[:-60], published="2021-06-17", title="Given")
    assert (a.title, a.published, a.published_source) == ("Given", date(2021, 6, 17), "cli")
    assert a.text.startswith("Guards closed the market in Hyesan")
    # other JSON-looking text is left alone
    assert read_text('{"note": "not a post"}').text == '{"note": "not a post"}'
