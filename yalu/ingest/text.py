"""A plain text into an Article: furniture set aside, a headline line taken as the title."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from ..model import Article, Furniture
from .errors import IngestError
from .fields import parse_date, str_or_none
from .furniture import split_furniture
from .language import detect_language, normalize_language
from .limits import clean_text

_ARTICLE_FIELDS = {
    "id", "title", "url", "published", "published_source", "outlet", "author",
    "source_path", "tags", "furniture", "lang",
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
    `author` when none is given. A WordPress API record saved as text
    (`{"id":..,"content":{"rendered":"<p>..."}}`) is read as its post: the
    content's text, and its title, address and date unless `meta` gives them.
    Does not validate: the text may come back empty.
    """
    unknown = set(meta) - _ARTICLE_FIELDS
    if unknown:
        raise TypeError(f"read_text() got unknown fields: {', '.join(sorted(unknown))}")
    post = wordpress_post(text)
    if post is not None:
        text = post.pop("text")
        if post["published"] and not meta.get("published"):
            post["published_source"] = "feed"  # the API record's own date, as a feed gives it
        meta = {**{k: v for k, v in post.items() if v}, **{k: v for k, v in meta.items() if v}}
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
        lang=normalize_language(meta.get("lang")),
    )


# --- a WordPress API record saved as the report's text --------------------------------

_WP_RECORD = re.compile(r'^\s*\{"id":\d+,.*?"content":\{"rendered":"', re.S)
_WP_CONTENT_END = re.compile(r'"\s*,\s*"protected"\s*:')
_JSON_ESCAPE = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))')
_JSON_SIMPLE = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_QUOTES_ONLY = re.compile(r"""^["'“”‘’\s]*$""")


def wordpress_post(text: str) -> dict | None:
    """The post in a WordPress REST API record saved as text (as a crawler may keep it,
    cut short and with raw line breaks, so not always valid JSON): {"text", "title",
    "url", "published"}, captions first as paragraphs of their own (the furniture
    patterns then set them aside); None for any other text."""
    start = _WP_RECORD.match(text)
    if start is None:
        return None
    head, content = text[: start.end()], text[start.end():]
    end = _WP_CONTENT_END.search(content)
    if end:
        content = content[: end.start()]
    from .html import html_fragment_to_text

    body, captions = html_fragment_to_text(_json_unescape(content))
    paragraphs = [p for p in body.split("\n\n") if not _QUOTES_ONLY.match(p)]
    title = re.search(r'"title":\{"rendered":"((?:[^"\\]|\\.)*)"', head)
    url = re.search(r'"link":"((?:[^"\\]|\\.)*)"', head)
    day = re.search(r'"date":"(\d{4}-\d{2}-\d{2})T', head)
    return {
        "text": "\n\n".join(captions + paragraphs),
        "title": html_fragment_to_text(_json_unescape(title.group(1)))[0] if title else None,
        "url": _json_unescape(url.group(1)) if url else None,
        "published": day.group(1) if day else None,
    }


def _json_unescape(s: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        return _JSON_SIMPLE.get(m.group(2), m.group(2))

    return clean_text(_JSON_ESCAPE.sub(one, s))


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
    # a Korean headline stays in the text: the Korean stage reads the text alone, and its
    # headline tells the story ("RFA “北 국경경비병 2명 피습”", "23일 만에 ... 방문"); one
    # opened by Hangul never looked like a headline here, one opened by a digit or "RFA" did
    if detect_language(headline) == "ko":
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


# --- hard-wrapped lines ----------------------------------------------------------------

# a line that ends on one of these words goes on in the next line
_CONTINUING_WORDS = frozenset(
    "a an the and or but nor of to in on at for with from by as into onto over under about "
    "after before between than that which who whom whose where when while its their his her "
    "our your my is was were are be been being has have had will would can could should may "
    "might must not no this these those such some any each every other per via".split()
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_FIRST_WORD = re.compile(r"\S+")
# the next line starts lower case (after an opening quote or bracket): the sentence goes on
_LOWER_START = re.compile(r"""^["'“‘(\[]*[a-z]""")
# a line that starts a list item, a question-and-answer turn, a marked note or subhead,
# or a link keeps its break
_OWN_LINE_START = re.compile(
    r"""^(?:[-–—•*·▪◦‣●○◆◇■□▶►※〇>|]|\d{1,2}[.)]\s|[A-Z][.)]\s|[QA]\s*[:.]\s|(?:https?://|www\.))"""
)
# a line that ends on a colon or a dash (a dateline, a label) ends there; one that ends on
# a sentence mark ends there unless the next line goes on in lower case ("the U.S.\nofficials")
_LABEL_END = re.compile(r"""(?::|--|[–—])["'”’)\]]*$""")
_SENTENCE_END = re.compile(r"""[.!?…;]["'”’)\]]*$""")
# hard-wrapped text: most lines inside a paragraph are about as long as the widest of them
_WRAP_MIN, _WRAP_MAX = 40, 110  # the wrap widths of plain-text reports
_WRAP_MIN_WORDS = 3  # a shorter line is a label, a name or a stray word, never a wrapped one
_WRAP_SLACK = 2  # a wrapped line is full when the next word would have passed the width by more


def unwrap_lines(text: str) -> str:
    """The text with the line breaks that only wrap a paragraph turned into spaces.

    Plain-text reports are often hard-wrapped at 60-80 columns, and every line break
    would otherwise end a sentence (`yalu_paragraphs`). The result has the same length
    and offsets as `text`: only "\\n" characters change, and only into " ".

    A break stays where a paragraph, headline, dateline, subhead or list line ends:
    before a blank line; after a line of fewer than three words or one ending on a
    colon or dash; before a line that opens a list item, a question or answer, a note
    or a link; after a line ending on a sentence mark, unless the next line goes on in
    lower case. A break goes where the sentence plainly runs on: the next line starts
    in lower case, or the line ends on a comma or on a word such as "the", "of" or
    "on"; or, in hard-wrapped text (`wrap_width`), the line is full: the next line's
    first word would not have fitted.
    """
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    width = wrap_width(lines)
    out = list(text)
    offset = 0
    for i, line in enumerate(lines[:-1]):
        offset += len(line)
        if _wraps(line, lines[i + 1], width):
            out[offset] = " "
        offset += 1
    return "".join(out)


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text is wrapped at, or None when it is not hard-wrapped.

    Hard-wrapped: at least three lines inside paragraphs (a non-blank line follows), and
    nearly all of them no wider than a width between 40 and 110 columns that half of
    them come within 15 columns of."""
    inner = sorted(
        len(line.rstrip()) for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip()
    )
    if len(inner) < 3:
        return None
    width = inner[max(0, int(len(inner) * 0.9) - 1)]
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return None
    near = sum(1 for n in inner if width - 15 <= n <= width)
    wider = sum(1 for n in inner if n > width + 10)
    if near * 2 < len(inner) or wider * 10 > len(inner):
        return None
    return width


def _wraps(line: str, nxt: str, width: int | None) -> bool:
    """Whether the break between `line` and the next line only wraps a paragraph."""
    here, there = line.strip(), nxt.strip()
    if len(here.split()) < _WRAP_MIN_WORDS or not there or _OWN_LINE_START.match(there) or _LABEL_END.search(here):
        return False
    if _LOWER_START.match(there):
        return True
    if _SENTENCE_END.search(here):
        return False
    if here.endswith(","):
        return True
    last = _LAST_WORD.search(here)
    if last and here[-1].isalpha() and last.group(1).lower() in _CONTINUING_WORDS:
        return True
    if width is None:
        return False
    first = _FIRST_WORD.match(there)
    return len(line.rstrip()) + 1 + len(first.group(0) if first else "") > width + _WRAP_SLACK
