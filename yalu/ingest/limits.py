"""What ingest accepts: the limits on a file, a record and its text, the publication dates
it believes, the file types it reads, and the clean form of text before it is hashed.

Every limit is checked where a record is read, so a record over one is one error line
naming the file, the line or entry, and the problem, and the batch goes on.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import accumulate

# A file read whole (text, HTML, a feed) and a line of JSON Lines (read a line at a time,
# so a JSONL file's size is not limited): more is no news report.
MAX_FILE_BYTES = 16 * 1024 * 1024
# The incident text of one record. Longer texts are refused, not split: spaCy refuses
# 1,000,000 characters (E088), and parsing a text of 100,000 takes about 0.6 GB; a
# report split in parts would lose what one part says about the other.
MAX_TEXT_CHARS = 100_000
# A JSON record is a flat object (lists of tags at most); deeper nesting is no report,
# and Python's parser recurses on it.
MAX_JSON_DEPTH = 20
# Publication dates believed: older or later is a typo or a placeholder ("0001-01-01").
FIRST_PUBLISHED, LAST_PUBLISHED = date(1900, 1, 1), date(2100, 12, 31)


def published_problem(published: date | None) -> str | None:
    """Why a publication date is refused, or None."""
    if published is None or FIRST_PUBLISHED <= published <= LAST_PUBLISHED:
        return None
    return f"publication date {published.isoformat()} is outside {FIRST_PUBLISHED.year}-{LAST_PUBLISHED.year}"


def text_problem(text: str) -> str | None:
    """Why a record's text is refused for its length, or None."""
    if len(text) <= MAX_TEXT_CHARS:
        return None
    return f"text too long ({len(text):,} characters; at most {MAX_TEXT_CHARS:,}: split the report into several records)"


def size_problem(size: int) -> str | None:
    if size <= MAX_FILE_BYTES:
        return None
    return f"too large ({size:,} bytes; at most {MAX_FILE_BYTES // (1024 * 1024)} MiB)"


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(line: str) -> int:
    """How deep a JSON text nests its arrays and objects (brackets inside strings aside),
    found without parsing it."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", line))
    return max(accumulate(_STEP[c] for c in brackets), default=0)


# The first bytes of files that are no text, whatever their name says.
MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def sniffed_kind(head: bytes) -> str | None:
    """What a file is by its first bytes when it is no text ("a PDF document"), or None."""
    return next((kind for magic, kind in MAGIC if head.startswith(magic)), None)


# Lone surrogates (a JSON "\\ud800" escape) cannot be encoded to be hashed or stored;
# NUL and the other control characters are no text (tab and line breaks are).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """The text as it is hashed and stored: lone surrogates as U+FFFD, carriage returns
    and form feeds as line breaks, NUL and the other control characters dropped (a
    surrogate pair, as JSON may escape one character, joined)."""
    if re.search("[\ud800-\udfff]", text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n"))
