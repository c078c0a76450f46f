"""Files of many reports: JSON Lines records and RSS/Atom feed entries, each record
an Article or one IngestError naming the file, the line or entry, and the problem."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..model import Article, Furniture
from .errors import IngestError
from .fields import parse_date, str_or_none
from .html import clean_space, html_fragment_to_text, split_tags
from .limits import MAX_JSON_DEPTH, json_depth, text_problem
from .text import read_text


def articles_from_jsonl(
    path: Path, lines: Iterable[tuple[int, str | IngestError]], overrides: dict
) -> Iterator[Article | IngestError]:
    """An Article or one IngestError for each non-blank line: a record that breaks the
    reader (nested too deep, a number too long, a bug) is its own error and the next
    line is read."""
    any_line = False
    for lineno, line in lines:
        if isinstance(line, IngestError):
            any_line = True
            yield line
            continue
        if not line.strip():
            continue
        any_line = True
        where = f"line {lineno}"
        try:
            yield _jsonl_record(path, line, where, overrides)
        except Exception as e:
            yield IngestError(path, f"could not be read ({type(e).__name__}: {e})", where)
    if not any_line:
        yield IngestError(path, "empty file (whitespace only)")


def _jsonl_record(path: Path, line: str, where: str, overrides: dict) -> Article | IngestError:
    if json_depth(line) > MAX_JSON_DEPTH:
        return IngestError(path, f"JSON nested more than {MAX_JSON_DEPTH} levels deep", where)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return IngestError(path, f"invalid JSON ({e.msg}, column {e.colno})", where)
    except ValueError as e:  # a number of more digits than Python converts
        return IngestError(path, f"invalid JSON ({str(e).split(':')[0]})", where)
    if not isinstance(record, dict):
        return IngestError(path, f"expected a JSON object, got {type(record).__name__}", where)
    body = record.get("text")
    if body is None:
        body = record.get("story_text")
    if body is None:
        return IngestError(path, "no 'text' or 'story_text' field", where)
    if not isinstance(body, str):
        return IngestError(path, f"'text' is {type(body).__name__}, not a string", where)
    too_long = text_problem(body)
    if too_long:
        return IngestError(path, too_long, where)
    published = None
    if overrides.get("published") is None:
        key = next((k for k in ("published", "date") if record.get(k) not in (None, "")), None)
        if key:
            value = record[key]
            published = parse_date(value) if isinstance(value, str) else None
            if published is None:
                return IngestError(path, f"invalid date in '{key}': {_shown(value)} (expected YYYY-MM-DD)", where)
    tags = record.get("tags") or []
    if isinstance(tags, str):
        tags = split_tags([tags])
    elif isinstance(tags, list):
        tags = split_tags([t for t in tags if isinstance(t, str)])
    else:
        tags = []
    title = record.get("title") or record.get("headline")
    article = read_text(
        body,
        id=str_or_none(record.get("id", record.get("doc_id"))),
        title=clean_space(title) if isinstance(title, str) else None,
        url=str_or_none(record.get("url") or record.get("link")),
        author=str_or_none(record.get("author")),
        outlet=str_or_none(record.get("outlet")),
        lang=str_or_none(record.get("lang") or record.get("language")),
        published=published,
        published_source="jsonl" if published else None,
        tags=tags,
        source_path=str(path),
    )
    article.record = where
    return article  # an empty text is refused where every reader's records are finished


def _shown(value: object) -> str:
    """A value as an error line shows it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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


def articles_from_feed(path: Path, text: str) -> Iterator[Article | IngestError]:
    import feedparser

    root = _feed_root(path, text)
    if root not in _FEED_ROOTS:
        raise IngestError(path, f"not an RSS or Atom feed (root element <{root}>)")
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    if not parsed.entries:
        if parsed.get("bozo") and parsed.get("bozo_exception"):
            raise IngestError(path, f"malformed feed ({parsed.bozo_exception}); no entries")
        raise IngestError(path, "feed has no entries")
    feed_title = clean_space(parsed.feed.get("title")) or None
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"entry {n}"
        try:
            yield _feed_entry(path, entry, where, feed_title)
        except Exception as e:  # one entry that breaks the reader is its own error
            yield IngestError(path, f"could not be read ({type(e).__name__}: {e})", where)


def _feed_entry(path: Path, entry, where: str, feed_title: str | None) -> Article | IngestError:
    html, is_html = _entry_content(entry)
    if not html or not html.strip():
        return IngestError(path, "no content", where)
    if is_html:
        body, captions = html_fragment_to_text(html)
    else:
        body, captions = html.replace("\r\n", "\n"), []
    too_long = text_problem(body)
    if too_long:
        return IngestError(path, too_long, where)
    furniture = [Furniture("caption", c) for c in captions]
    tags = split_tags([t.get("term") or "" for t in entry.get("tags", [])])
    published = _entry_date(entry)
    article = read_text(
        body,
        id=str_or_none(entry.get("id") or entry.get("link")),
        title=clean_space(entry.get("title")) or None,
        url=_web_url(entry.get("link")),
        author=clean_space(entry.get("author")) or None,
        outlet=feed_title,
        published=published,
        published_source="feed" if published else None,
        tags=tags,
        furniture=furniture + ([Furniture("tags", ", ".join(tags))] if tags else []),
        source_path=str(path),
    )
    article.record = where
    return article  # an empty text is refused where every reader's records are finished


def _web_url(value) -> str | None:
    """A link that is a web address (feedparser turns a bare RSS guid into a "link")."""
    value = str_or_none(value)
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
        if parsed and 1 <= parsed.tm_year <= 9999:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


_FEED_ROOTS = {"rss", "feed", "RDF"}
