"""Read reports from files into `Article`s: plain text, HTML, JSONL, RSS and Atom.

Every reader yields Articles and, for bad files or records, `IngestError`s
(one clear line naming the file and the problem) instead of raising, so a
batch goes on past a bad file. Page furniture is set aside by
`yalu.clean.split_furniture`; HTML captions and tag lists are kept as
furniture too, never as incident text.

The publication date comes from the source's own metadata (HTML meta tags,
the feed entry, the JSONL field) or from the caller (`published=`, the CLI's
--published); never from today's date or the file's modification time.
"""

from __future__ import annotations

import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from .furniture import split_furniture
from ..model import Article, Furniture

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
_FEED_ROOTS = {"rss", "feed", "RDF"}

# trafilatura and htmldate log warnings about odd pages; problems are reported
# as IngestErrors instead
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_ARTICLE_FIELDS = {
    "id", "title", "url", "published", "published_source", "outlet", "author",
    "source_path", "tags", "furniture",
}  # fmt: skip


class IngestError(Exception):
    """A file or record that could not be read: `str(e)` is one line naming it.

    `path` is the file; `where` optionally narrows it down ("line 7",
    "entry 3"); `problem` says what is wrong.
    str(e) == f"{path}: {problem}", or f"{path} {where}: {problem}".
    """

    def __init__(self, path: str | Path, problem: str, where: str | None = None):
        self.path = str(path)
        self.problem = " ".join(str(problem).split())  # always one line
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.where:
            return f"{self.path} {self.where}: {self.problem}"
        return f"{self.path}: {self.problem}"


# --- finding inputs -------------------------------------------------------------


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders (recursively) to the supported files in them, sorted.

    A file named explicitly is kept whatever its suffix, and a path that does
    not exist is kept too: `read_file` then reports the problem. Hidden files
    and folders inside a folder are skipped. Duplicates are dropped.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve() if p.exists() else p
        if key not in seen:
            seen.add(key)
            found.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                rel = child.relative_to(p)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    add(child)
        else:
            add(p)
    return found


# --- reading one file --------------------------------------------------------------


def read_file(
    path: str | Path, *, published: date | None = None, outlet: str | None = None
) -> Iterator[Article | IngestError]:
    """Yield the Articles in a file, and IngestErrors for what cannot be read.

    `published` and `outlet` override whatever the file says (published_source
    "cli"). Never raises for bad input.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        yield IngestError(path, "is a folder, not a file")
        return
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{path.suffix}'" if path.suffix else "no suffix"
        yield IngestError(
            path, f"unsupported file type ({shown}; expected {', '.join(SUPPORTED_SUFFIXES)})"
        )
        return
    try:
        text = _read_text_file(path)
    except IngestError as e:
        yield e
        return

    if published is not None and parse_date(published) is None:
        yield IngestError(path, f"invalid --published date {published!r} (expected YYYY-MM-DD)")
        return
    overrides = {"published": published, "outlet": outlet}
    try:
        if suffix == ".txt":
            yield _finish(path, _article_from_txt(path, text), overrides)
        elif suffix in (".html", ".htm"):
            yield _finish(path, _article_from_html(path, text), overrides)
        elif suffix == ".jsonl":
            for item in _articles_from_jsonl(path, text, overrides):
                yield item if isinstance(item, IngestError) else _finish(path, item, overrides)
        else:
            for item in _articles_from_feed(path, text):
                yield item if isinstance(item, IngestError) else _finish(path, item, overrides)
    except IngestError as e:
        yield e
    except Exception as e:  # a parser bug must not stop the batch
        yield IngestError(path, f"could not be read ({type(e).__name__}: {e})")


def _finish(path: Path, article: Article | IngestError, overrides: dict) -> Article | IngestError:
    """Apply --published/--outlet and check that some incident text is left."""
    if isinstance(article, IngestError):
        return article
    if overrides.get("published") is not None:
        article.published = parse_date(overrides["published"])
        article.published_source = "cli"
    if overrides.get("outlet"):
        article.outlet = overrides["outlet"]
    if article.published is None:
        article.published = _date_line(article)
        article.published_source = "text" if article.published else None
    article.source_path = str(path)
    return article


def _date_line(article: Article) -> date | None:
    """The publication date a report prints on a line of its own ("November 14, 2025")."""
    from ..dates import find_dates

    for item in article.furniture:
        if item.kind == "date":
            for mention in find_dates(item.text, None):
                if mention.span.precision == 1 and mention.span.start:
                    return mention.span.start
    return None


def _read_text_file(path: Path) -> str:
    """The decoded text of a file (UTF-8, with or without BOM), or IngestError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except IsADirectoryError:
        raise IngestError(path, "is a folder, not a file") from None
    except PermissionError:
        raise IngestError(path, "cannot read (permission denied)") from None
    except OSError as e:
        raise IngestError(path, f"cannot read ({e.strerror or e})") from None
    if not data:
        raise IngestError(path, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(path, "not valid UTF-8 (UTF-16 byte-order mark; convert the file to UTF-8)")
    if b"\x00" in data[:65536]:
        raise IngestError(path, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if _looks_binary_bytes(data[:4096]):
            raise IngestError(path, "binary file, not text") from None
        bad = data[e.start]
        raise IngestError(path, f"not valid UTF-8 (byte 0x{bad:02x} at offset {e.start})") from None
    if not text.strip():
        raise IngestError(path, "empty file (whitespace only)")
    if _looks_binary_text(text[:4096]):
        raise IngestError(path, "binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary_bytes(sample: bytes) -> bool:
    controls = sum(1 for b in sample if b < 0x09 or 0x0E <= b < 0x20)
    return controls > len(sample) * 0.1


def _looks_binary_text(sample: str) -> bool:
    controls = sum(
        1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc"
    )
    return controls > len(sample) * 0.1


# --- plain text --------------------------------------------------------------------------


def read_text(text: str, *, detect_title: bool = False, **meta) -> Article:
    """A plain-text report as a cleaned Article.

    Furniture lines go to `Article.furniture`. `meta` takes Article fields
    (id, title, url, published, published_source, outlet, author,
    source_path, tags, furniture); `published` may be a date or an ISO date
    string, and its published_source defaults to "cli" (a date from outside
    the text). With `detect_title`, a first line that looks like a headline
    (short, no final punctuation, a paragraph of its own, with text after it)
    becomes the title when none is given. A byline ("By Jane Doe") fills
    `author` when none is given. Does not validate: the text may come back
    empty.
    """
    unknown = set(meta) - _ARTICLE_FIELDS
    if unknown:
        raise TypeError(f"read_text() got unknown fields: {', '.join(sorted(unknown))}")
    body, furniture = split_furniture(text)
    title = meta.get("title")
    if detect_title and not title:
        title, body = _split_headline(body)
    published = meta.get("published")
    if isinstance(published, str):
        published = parse_date(published)
        if published is None:
            raise ValueError(f"not a date: {meta['published']!r}")
    if isinstance(published, datetime):
        published = published.date()
    source = meta.get("published_source") or ("cli" if published else None)
    author = meta.get("author")
    if not author:
        author = _author_from_bylines(furniture)
    return Article(
        text=body,
        id=_str_or_none(meta.get("id")),
        title=title or None,
        url=meta.get("url") or None,
        published=published,
        published_source=source if published else None,
        outlet=meta.get("outlet") or None,
        author=author or None,
        source_path=meta.get("source_path"),
        tags=list(meta.get("tags") or []),
        furniture=list(meta.get("furniture") or []) + furniture,
    )


_HEADLINE_BAD_END = re.compile(r"""[.,;:\-–—…]["'”’)\]]*$""")
_HEADLINE_START = re.compile(r"""^["'“‘]?[A-Z0-9]""")


def _split_headline(body: str) -> tuple[str | None, str]:
    """(title, rest) when the first line looks like a headline; else (None, body)."""
    first, sep, rest = body.partition("\n")
    if not sep:
        return None, body
    headline = first.strip()
    words = headline.split()
    if not (2 <= len(words) <= 20 and len(headline) <= 150):
        return None, body
    if _HEADLINE_BAD_END.search(headline) or not _HEADLINE_START.search(headline):
        return None, body
    # a paragraph of its own: a blank line after it, unless the text has no
    # blank lines at all (one paragraph a line)
    has_blank_lines = bool(re.search(r"\n[ \t\u00a0]*\n", body))
    if has_blank_lines and rest.split("\n", 1)[0].strip():
        # a standfirst under the headline, also without a full stop, belongs to the title
        dek, sep, after = rest.partition("\n")
        if (
            not sep
            or after.split("\n", 1)[0].strip()
            or _HEADLINE_BAD_END.search(dek.strip())
            or not _HEADLINE_START.search(dek.strip())  # a wrapped line goes on in lower case
            or len(dek) > 200
        ):
            return None, body
        headline, rest = f"{headline} — {dek.strip()}", after
    rest = rest.lstrip("\n")
    rest_lines = rest.split("\n")
    while rest_lines and not rest_lines[0].strip():
        rest_lines.pop(0)
    rest = "\n".join(rest_lines)
    if not rest.strip():
        return None, body
    return headline, rest


_BYLINE_PREFIX = re.compile(r"^(?:By|BY|(?:Written|Reported)\s+(?:by|By|BY))\s+")


def _author_from_bylines(furniture: list[Furniture]) -> str | None:
    for f in furniture:
        if f.kind == "byline":
            m = _BYLINE_PREFIX.match(f.text)
            if m:
                return f.text[m.end():].rstrip(".").strip() or None
    return None


def _str_or_none(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _article_from_txt(path: Path, text: str) -> Article | IngestError:
    article = read_text(text, detect_title=True, source_path=str(path))
    if not article.text.strip():
        return IngestError(path, "no article text (only page furniture)")
    return article


# --- dates ---------------------------------------------------------------------------------


def parse_date(value) -> date | None:
    """A date from an ISO date/datetime string, an RFC 822 date, or a date; None if not one."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?", s)
    if m:
        try:
            return date.fromisoformat(m.group(1))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


# --- HTML ------------------------------------------------------------------------------------


def _article_from_html(path: Path, html: str) -> Article | IngestError:
    import trafilatura

    tree = _parse_html(html)
    if tree is None:
        return IngestError(path, "no article text found (not parseable as HTML)")
    captions = _captions_in_tree(tree)
    _drop_captions(tree, captions)
    today = date.today().isoformat()
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
        # metadata and markup only: no guessing a date from the running text
        date_extraction_params={"original_date": True, "extensive_search": False, "max_date": today},
    )
    raw = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not raw.strip():
        return IngestError(path, "no article text found")

    title = _clean_space(doc.title)
    paragraphs = [_clean_space(line) for line in raw.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    furniture: list[Furniture] = []
    caption_set = set(captions)
    kept = []
    for p in paragraphs:
        if p in caption_set:
            continue  # trafilatura kept a caption: it is furniture, listed below
        kept.append(p)
    furniture.extend(Furniture("caption", c) for c in captions)

    tags = _split_tags(list(doc.tags or []) + list(doc.categories or []))
    if tags:
        furniture.append(Furniture("tags", ", ".join(tags)))
    published = parse_date(doc.date)
    article = read_text(
        "\n\n".join(kept),
        title=title or None,
        url=doc.url or None,
        author=_clean_space(doc.author) or None,
        outlet=_site_name(tree, doc.sitename, title),
        published=published,
        published_source="html-meta" if published else None,
        tags=tags,
        furniture=furniture,
        source_path=str(path),
    )
    if not article.text.strip():
        return IngestError(path, "no article text found (only page furniture)")
    return article


def _site_name(tree, sitename: str | None, headline: str) -> str | None:
    """The site's name. Without og:site_name, trafilatura may take the headline half of
    "<title>Headline | Yonhap News Agency</title>": then the other half is the name."""
    name = _clean_space(sitename)
    if name and name.casefold() != headline.casefold():
        return name
    page_title = _clean_space(" ".join(tree.xpath("//head/title//text()")))
    parts = [_clean_space(p) for p in re.split(r"\s+(?:\||–|—|-|::|·)\s+", page_title)]
    others = [p for p in parts if p and p.casefold() != headline.casefold() and len(p) <= 60]
    return others[-1] if len(parts) > 1 and others else None


def _clean_space(value: str | None) -> str:
    return " ".join(value.split()) if value else ""


def _split_tags(values: list[str]) -> list[str]:
    tags: list[str] = []
    for v in values:
        for t in re.split(r"[,;]", v or ""):
            t = _clean_space(t)
            if t and t not in tags:
                tags.append(t)
    return tags


def _parse_html(html: str):
    """An lxml tree of an HTML page as trafilatura reads it, or None when it is not HTML."""
    from trafilatura import load_html

    return load_html(html)


def _drop_captions(tree, captions: list[str]) -> None:
    """Remove caption elements so that the text extractor cannot mix them into paragraphs."""
    for el in list(tree.iter("figcaption")):
        el.drop_tree()
    for el in tree.xpath(".//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"):
        if el.getparent() is not None and _clean_space(el.text_content()) in captions:
            el.drop_tree()


def _captions_in_tree(tree) -> list[str]:
    captions: list[str] = []

    def add(text: str | None) -> None:
        text = _clean_space(text)
        if text and text not in captions:
            captions.append(text)

    for el in tree.iter("figcaption"):
        add(el.text_content())
    for el in tree.xpath(
        ".//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
        "[not(.//figcaption) and not(.//p) and not(.//div)]"
    ):
        if el.tag not in ("figcaption", "img", "script", "style"):
            add(el.text_content())
    for img in tree.iter("img"):
        for attr in ("alt", "title"):
            value = _clean_space(img.get(attr))
            if len(value.split()) >= 3:  # skip "logo", "icon", "photo"
                add(value)
    return captions


# --- JSONL -------------------------------------------------------------------------------------


def _articles_from_jsonl(
    path: Path, text: str, overrides: dict
) -> Iterator[Article | IngestError]:
    any_line = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        any_line = True
        where = f"line {lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(path, f"invalid JSON ({e.msg}, column {e.colno})", where)
            continue
        if not isinstance(record, dict):
            yield IngestError(path, f"expected a JSON object, got {type(record).__name__}", where)
            continue
        body = record.get("text")
        if body is None:
            body = record.get("story_text")
        if body is None:
            yield IngestError(path, "no 'text' or 'story_text' field", where)
            continue
        if not isinstance(body, str):
            yield IngestError(path, f"'text' is {type(body).__name__}, not a string", where)
            continue
        published = None
        if overrides.get("published") is None:
            key = next((k for k in ("published", "date") if record.get(k) not in (None, "")), None)
            if key:
                value = record[key]
                published = parse_date(value) if isinstance(value, str) else None
                if published is None:
                    yield IngestError(
                        path, f"invalid date in '{key}': {value!r} (expected YYYY-MM-DD)", where
                    )
                    continue
        tags = record.get("tags") or []
        if isinstance(tags, str):
            tags = _split_tags([tags])
        elif isinstance(tags, list):
            tags = _split_tags([t for t in tags if isinstance(t, str)])
        else:
            tags = []
        title = record.get("title") or record.get("headline")
        article = read_text(
            body,
            id=_str_or_none(record.get("id", record.get("doc_id"))),
            title=_clean_space(title) if isinstance(title, str) else None,
            url=_str_or_none(record.get("url") or record.get("link")),
            author=_str_or_none(record.get("author")),
            outlet=_str_or_none(record.get("outlet")),
            published=published,
            published_source="jsonl" if published else None,
            tags=tags,
            source_path=str(path),
        )
        if not article.text.strip():
            yield IngestError(path, "no article text (empty, or only page furniture)", where)
            continue
        yield article
    if not any_line:
        yield IngestError(path, "empty file (whitespace only)")


# --- RSS / Atom -------------------------------------------------------------------------------------


def _feed_root(path: Path, text: str) -> str:
    """The local name of the XML root element, or IngestError."""
    from lxml import etree

    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(text.lstrip("\ufeff").encode("utf-8"), parser=parser)
    except (etree.XMLSyntaxError, ValueError) as e:
        raise IngestError(path, f"malformed XML ({e})") from None
    if root is None:
        raise IngestError(path, "malformed XML (no root element)")
    return etree.QName(root).localname


def _articles_from_feed(path: Path, text: str) -> Iterator[Article | IngestError]:
    import feedparser

    root = _feed_root(path, text)
    if root not in _FEED_ROOTS:
        raise IngestError(path, f"not an RSS or Atom feed (root element <{root}>)")
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    if not parsed.entries:
        if parsed.get("bozo") and parsed.get("bozo_exception"):
            raise IngestError(path, f"malformed feed ({parsed.bozo_exception}); no entries")
        raise IngestError(path, "feed has no entries")
    feed_title = _clean_space(parsed.feed.get("title")) or None
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"entry {n}"
        html, is_html = _entry_content(entry)
        if not html or not html.strip():
            yield IngestError(path, "no content", where)
            continue
        if is_html:
            body, captions = html_fragment_to_text(html)
        else:
            body, captions = html.replace("\r\n", "\n"), []
        furniture = [Furniture("caption", c) for c in captions]
        tags = _split_tags([t.get("term") or "" for t in entry.get("tags", [])])
        published = _entry_date(entry)
        article = read_text(
            body,
            id=_str_or_none(entry.get("id") or entry.get("link")),
            title=_clean_space(entry.get("title")) or None,
            url=_web_url(entry.get("link")),
            author=_clean_space(entry.get("author")) or None,
            outlet=feed_title,
            published=published,
            published_source="feed" if published else None,
            tags=tags,
            furniture=furniture + ([Furniture("tags", ", ".join(tags))] if tags else []),
            source_path=str(path),
        )
        if not article.text.strip():
            yield IngestError(path, "no article text (empty, or only page furniture)", where)
            continue
        yield article


def _web_url(value) -> str | None:
    """A link that is a web address (feedparser turns a bare RSS guid into a "link")."""
    value = _str_or_none(value)
    return value if value and re.match(r"https?://", value, re.I) else None


def _entry_content(entry) -> tuple[str | None, bool]:
    """The fullest text of a feed entry: content (content:encoded, atom content), else summary."""
    candidates = list(entry.get("content") or [])
    detail = entry.get("summary_detail")
    if detail:
        candidates.append(detail)
    elif entry.get("summary"):
        candidates.append({"value": entry["summary"], "type": "text/html"})
    best = None
    for c in candidates:
        value = c.get("value") or ""
        if value.strip() and (best is None or len(value) > len(best.get("value") or "")):
            best = c
    if best is None:
        return None, False
    kind = (best.get("type") or "text/html").lower()
    return best["value"], kind != "text/plain"


def _entry_date(entry) -> date | None:
    """The entry's own publication date as written in the feed (not shifted to UTC)."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        d = parse_date(raw) if raw else None
        if d:
            return d
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "aside", "main",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
    "table", "tr", "dl", "dt", "dd", "figure", "hr",
}  # fmt: skip


def html_fragment_to_text(html: str) -> tuple[str, list[str]]:
    """Text of an HTML fragment (a feed entry's content), one paragraph per block, and its captions."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:
        return "", []
    for el in list(root.iter("script", "style", "noscript", "iframe")):
        el.drop_tree()
    captions = _captions_in_tree(root)
    _drop_captions(root, captions)
    marker = "\u2029"  # paragraph separator, not expected in feed text
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCK_TAGS:
            el.text = marker + (el.text or "")
            el.tail = marker + (el.tail or "")
    text = root.text_content()
    paragraphs = []
    for block in text.split(marker):
        for line in block.split("\n"):
            line = _clean_space(line)
            if line:
                paragraphs.append(line)
    return "\n\n".join(paragraphs), captions
