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
import os
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import count
from pathlib import Path
from typing import BinaryIO

from ..model import Article
from .errors import IngestError
from .feeds import articles_from_feed, articles_from_jsonl
from .fields import parse_date
from .html import article_from_html
from .language import detect_language, normalize_language
from .limits import MAX_FILE_BYTES, clean_text, published_problem, size_problem, sniffed_kind, text_problem
from .text import article_from_txt

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom")
FEED_SUFFIXES = (".xml", ".rss", ".atom")

# trafilatura and htmldate log warnings about odd pages; problems are reported
# as IngestErrors instead
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


# --- finding inputs -------------------------------------------------------------


def find_inputs(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> list[Path | IngestError]:
    """Expand folders (recursively) to the supported files in them, sorted.

    A file named explicitly is kept whatever its suffix or type, and a path that does
    not exist is kept too: `read_file` then reports the problem. Hidden files and
    folders inside a folder are skipped. Duplicates are dropped. A symbolic link inside
    a folder that points out of it is not followed (an IngestError says so) unless
    `follow_symlinks`.
    """
    found: list[Path | IngestError] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        items = _folder_inputs(p, follow_symlinks) if _is_dir(p) else [p]
        for item in items:
            if isinstance(item, Path):
                key = item.resolve() if _exists(item) else item
                if key in seen:
                    continue
                seen.add(key)
            found.append(item)
    return found


def _folder_inputs(root: Path, follow_symlinks: bool) -> list[Path | IngestError]:
    """The supported files below a folder (os.walk, so a link to a folder is followed only
    with `follow_symlinks`, and then each real folder once), sorted by path."""
    top = root.resolve()
    items: list[tuple[Path, Path | IngestError]] = []
    walked: set[Path] = set()

    def unreadable(e: OSError) -> None:
        where = Path(e.filename or root)
        items.append((where, IngestError(where, f"cannot read folder ({(e.strerror or str(e)).lower()})")))

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=follow_symlinks):
        here = Path(folder)
        walked.add(here.resolve())
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() not in walked)
        for name in dirs:
            child = here / name
            if child.is_symlink() and not follow_symlinks and not child.resolve().is_relative_to(top):
                items.append((child, _link_out(child, root)))
        for name in files:
            child = here / name
            if name.startswith(".") or child.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if child.is_symlink() and not follow_symlinks and not child.resolve().is_relative_to(top):
                items.append((child, _link_out(child, root)))
            else:
                items.append((child, child))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def _link_out(link: Path, root: Path) -> IngestError:
    return IngestError(link, f"symbolic link out of {root} not followed (--follow-symlinks reads it)")


def _is_dir(p: Path) -> bool:
    try:
        return p.is_dir()
    except OSError:  # a path below a folder one may not look into: read_file reports it
        return False


def _exists(p: Path) -> bool:
    try:
        return p.exists()
    except OSError:
        return False


# --- reading one file --------------------------------------------------------------


def read_file(
    path: str | Path, *, published: date | None = None, outlet: str | None = None, lang: str | None = None
) -> Iterator[Article | IngestError]:
    """Yield the Articles in a file, and IngestErrors for what cannot be read.

    `published`, `outlet` and `lang` override whatever the file says (published_source
    "cli"). Never raises for bad input: a file that is no regular file (a folder, a
    device, a FIFO, a socket) is refused before it is opened, a file over the size
    limit or whose first bytes say it is no text (a PDF, an archive, a program, a
    database) is refused whatever its name, and in a file of many records each bad
    record is one error and the others are read.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if published is not None and (parse_date(published) is None or published_problem(parse_date(published))):
        yield IngestError(path, f"invalid --published date {published!r} (expected YYYY-MM-DD, 1900-2100)")
        return
    overrides = {"published": published, "outlet": outlet, "lang": lang}
    try:
        with _open_regular(path, whole=suffix != ".jsonl") as f:
            if suffix not in SUPPORTED_SUFFIXES:
                shown = f"'{path.suffix}'" if path.suffix else "no suffix"
                raise IngestError(path, f"unsupported file type ({shown}; expected {', '.join(SUPPORTED_SUFFIXES)})")
            if suffix == ".jsonl":
                for item in articles_from_jsonl(path, _jsonl_lines(path, f), overrides):
                    yield _finish(path, item, overrides)
                return
            text = _read_text_file(path, f)
        if suffix == ".txt":
            too_long = text_problem(text)  # refused before furniture is looked for in it
            yield _finish(path, IngestError(path, too_long) if too_long else article_from_txt(path, text), overrides)
        elif suffix in (".html", ".htm"):
            yield _finish(path, article_from_html(path, text), overrides)
        else:
            for item in articles_from_feed(path, text):
                yield _finish(path, item, overrides)
    except IngestError as e:
        yield e
    except Exception as e:  # a parser bug must not stop the batch
        yield IngestError(path, f"could not be read ({type(e).__name__}: {e})")


def _finish(path: Path, article: Article | IngestError, overrides: dict) -> Article | IngestError:
    """Apply --published/--outlet, clean every field, and check the record against the
    limits (its text's length, its publication date)."""
    if isinstance(article, IngestError):
        return article
    if overrides.get("published") is not None:
        article.published = parse_date(overrides["published"])
        article.published_source = "cli"
    if overrides.get("outlet"):
        article.outlet = overrides["outlet"]
    _clean_fields(article)
    if not article.text.strip():  # empty, only furniture, or nothing left once control characters are dropped
        return IngestError(path, "no article text (empty, or only page furniture)", article.record)
    problem = text_problem(article.text) or published_problem(article.published)
    if problem:
        return IngestError(path, problem, article.record)
    # --lang wins, then the file's own metadata, then the letters of the text
    article.lang = normalize_language(overrides.get("lang")) or article.lang or detect_language(article.text)
    if article.published is None:
        article.published = _date_line(article)
        article.published_source = "text" if article.published else None
    article.source_path = str(path)
    return article


def _clean_fields(article: Article) -> None:
    """Every text an article holds as it is hashed and stored (see `clean_text`)."""
    for name in ("text", "id", "title", "url", "outlet", "author"):
        value = getattr(article, name)
        if value is not None:
            setattr(article, name, clean_text(value))
    article.tags = [clean_text(t) for t in article.tags]
    for item in article.furniture:
        item.text = clean_text(item.text)


def _date_line(article: Article) -> date | None:
    """The publication date a report prints on a line of its own ("November 14, 2025")."""
    from ..dates import find_dates

    for item in article.furniture:
        if item.kind == "date":
            for mention in find_dates(item.text, None):
                start = mention.span.start
                if mention.span.precision == 1 and start and not published_problem(start):
                    return start
    return None


_FILE_KINDS = (
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)  # fmt: skip


def _open_regular(path: Path, whole: bool) -> BinaryIO:
    """The file open for reading, once its type says it is a regular file: a device, FIFO
    or socket is refused by its type before it is opened, and it is opened without
    blocking and checked again (it may have been swapped in between). A file to be read
    `whole` is refused over the size limit."""
    try:
        kind = _regular_problem(os.stat(path).st_mode)
        if kind:
            raise IngestError(path, kind)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except PermissionError:
        raise IngestError(path, "cannot read (permission denied)") from None
    except OSError as e:
        raise IngestError(path, f"cannot read ({e.strerror or e})") from None
    f = os.fdopen(fd, "rb")
    info = os.fstat(fd)
    problem = _regular_problem(info.st_mode) or (size_problem(info.st_size) if whole else None)
    if problem:
        f.close()
        raise IngestError(path, problem)
    return f


def _regular_problem(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
    return f"is {kind}, not a regular file (not read)"


def _sniff(path: Path, head: bytes) -> None:
    """Refuse a file whose first bytes say it is no text, whatever its name."""
    kind = sniffed_kind(head)
    if kind:
        raise IngestError(path, f"{kind}, not text (by its content; named {path.suffix or 'without a suffix'})")


def _read_text_file(path: Path, f: BinaryIO) -> str:
    """The decoded, cleaned text of a file (UTF-8, with or without BOM), or IngestError."""
    try:
        data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise IngestError(path, f"cannot read ({e.strerror or e})") from None
    problem = size_problem(len(data))  # it grew since it was opened
    if problem:
        raise IngestError(path, problem)
    if not data:
        raise IngestError(path, "empty file")
    _sniff(path, data)
    _refuse_utf16(path, data)
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
    return clean_text(text)


def _refuse_utf16(path: Path, data: bytes) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(path, "not valid UTF-8 (UTF-16 byte-order mark; convert the file to UTF-8)")


def _jsonl_lines(path: Path, f: BinaryIO) -> Iterator[tuple[int, str | IngestError]]:
    """The lines of a JSON Lines file a line at a time, decoded: (line number, the line or
    the problem with it). A line over the size limit is skipped without being held."""
    first = f.read(16)
    f.seek(0)
    if not first:
        raise IngestError(path, "empty file")
    _sniff(path, first)
    _refuse_utf16(path, first)
    for lineno in count(1):
        line = f.readline(MAX_FILE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_FILE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = f.readline(1024 * 1024)
            yield lineno, IngestError(path, f"line too long (over {MAX_FILE_BYTES // (1024 * 1024)} MiB)", f"line {lineno}")
            continue
        try:
            yield lineno, line.decode("utf-8-sig" if lineno == 1 else "utf-8").rstrip("\r\n")
        except UnicodeDecodeError as e:
            yield lineno, IngestError(path, f"not valid UTF-8 (byte 0x{line[e.start]:02x} at column {e.start + 1})", f"line {lineno}")


def _looks_binary_bytes(sample: bytes) -> bool:
    controls = sum(1 for b in sample if b < 0x09 or 0x0E <= b < 0x20)
    return controls > len(sample) * 0.1


def _looks_binary_text(sample: str) -> bool:
    controls = sum(
        1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc"
    )
    return controls > len(sample) * 0.1
