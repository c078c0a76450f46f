"""Read reports from files into `Article`s: plain text, HTML, JSONL, RSS and Atom.

Every reader yields Articles and, for bad files or records, `IngestError`s
(one clear line naming the file and the problem) instead of raising, so a
batch goes on past a bad file. Page furniture is set aside by
`furniture.split_furniture`; HTML captions and tag lists are kept as
furniture too, never as incident text.

The publication date comes from the source's own metadata (HTML meta tags,
the feed entry, the JSONL field) or from the caller (`published=`, the CLI's
--published); never from today's date or the file's modification time.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..model import Article
from .errors import IngestError
from .feeds import articles_from_feed, articles_from_jsonl
from .fields import parse_date
from .html import article_from_html
from .language import detect_language, normalize_language
from .text import article_from_txt

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom")
FEED_SUFFIXES = (".xml", ".rss", ".atom")

# trafilatura and htmldate log warnings about odd pages; problems are reported
# as IngestErrors instead
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


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
    path: str | Path, *, published: date | None = None, outlet: str | None = None, lang: str | None = None
) -> Iterator[Article | IngestError]:
    """Yield the Articles in a file, and IngestErrors for what cannot be read.

    `published`, `outlet` and `lang` override whatever the file says (published_source
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
    overrides = {"published": published, "outlet": outlet, "lang": lang}
    try:
        if suffix == ".txt":
            yield _finish(path, article_from_txt(path, text), overrides)
        elif suffix in (".html", ".htm"):
            yield _finish(path, article_from_html(path, text), overrides)
        elif suffix == ".jsonl":
            for item in articles_from_jsonl(path, text, overrides):
                yield item if isinstance(item, IngestError) else _finish(path, item, overrides)
        else:
            for item in articles_from_feed(path, text):
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
    # --lang wins, then the file's own metadata, then the letters of the text
    article.lang = normalize_language(overrides.get("lang")) or article.lang or detect_language(article.text)
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


# --- dates ---------------------------------------------------------------------------------


# --- HTML ------------------------------------------------------------------------------------


# --- JSONL -------------------------------------------------------------------------------------


# --- RSS / Atom -------------------------------------------------------------------------------------


