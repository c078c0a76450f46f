"""A plain text into an Article: furniture set aside, a headline line taken as the title."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from ..model import Article, Furniture
from .errors import IngestError
from .fields import parse_date, str_or_none
from .furniture import split_furniture

_ARTICLE_FIELDS = {
    "id", "title", "url", "published", "published_source", "outlet", "author",
    "source_path", "tags", "furniture",
}  # fmt: skip


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
        id=str_or_none(meta.get("id")),
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


def article_from_txt(path: Path, text: str) -> Article | IngestError:
    article = read_text(text, detect_title=True, source_path=str(path))
    if not article.text.strip():
        return IngestError(path, "no article text (only page furniture)")
    return article
