"""PostgreSQL behind the same interface as sqlite3: `connect(url)` gives a connection that
`Store` uses exactly as it uses a sqlite3 one (execute/executemany returning a cursor,
rows read by index or by name, `in_transaction`, close), so no code outside yalu/store
branches on the backend.

Yalu's SQL is written once, in SQLite's dialect; `translate` turns each statement into
PostgreSQL's on its way out (placeholders, INSERT OR IGNORE, json_each, FTS5's MATCH,
SQLite's date functions, the reserved word `user`...; the list is `_REWRITES` and
`_CODE_REWRITES`). Errors come back as sqlite3's exception classes (IntegrityError,
OperationalError...), the original chained as __cause__, so `except sqlite3.IntegrityError`
means the same on both backends; a serialization failure or deadlock carries SQLite's
BUSY code, so `Store.write` retries it as it retries a locked SQLite database.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Loader
from psycopg.pq import TransactionStatus

PREFIXES = ("postgresql://", "postgres://")
# one key for Yalu's writers: BEGIN IMMEDIATE takes it, as SQLite's write lock is taken
WRITE_LOCK = 0x59414C55  # "YALU"
# SQLSTATEs that mean "another transaction is in the way: try again"
_RETRY = {"40001", "40P01", "55P03"}


def is_url(path: object) -> bool:
    return isinstance(path, str) and path.startswith(PREFIXES)


def on_postgres(conn: object) -> bool:
    """Whether a connection (a Store's, or one given) is PostgreSQL's."""
    return isinstance(conn, Connection)


class Row(tuple):
    """A result row as sqlite3.Row has it: by index, by column name, keys(), dict(row)."""

    _names: tuple[str, ...] = ()

    def __new__(cls, names: tuple[str, ...], values: Sequence[Any]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def keys(self) -> list[str]:
        return list(self._names)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._names.index(key))
            except ValueError:
                raise IndexError(f"No item with that key: {key}") from None
        return tuple.__getitem__(self, key)


def _row_factory(cursor: psycopg.Cursor) -> Callable[[Sequence[Any]], Row]:
    names = tuple(c.name for c in cursor.description or ())
    return lambda values: Row(names, values)


class _Number(Loader):
    """numeric (what sum() of integers gives) as SQLite gives it: int when whole, else float."""

    def load(self, data: Any) -> int | float:
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


# --------------------------------------------------------------------------- translation

# whole-statement and cross-literal rewrites, applied first (they contain quoted text)
_REWRITES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^\s*BEGIN IMMEDIATE\s*$"), "BEGIN"),
    (re.compile(r"^\s*PRAGMA defer_foreign_keys = ON\s*$"), "SET CONSTRAINTS ALL DEFERRED"),
    (re.compile(r"FROM sqlite_master WHERE type = 'index' AND name = \?"),
     "FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?"),
    # the Monday of a date's week
    (re.compile(r"date\((coalesce\([^()]*\)|[\w.]+), 'weekday 0', '-6 days'\)"),
     r"to_char(date_trunc('week', (\1)::date), 'YYYY-MM-DD')"),
    (re.compile(r"json_insert\(([\w.]+), '\$\[#\]', \?\)"), r"((\1)::jsonb || to_jsonb(?::text))::text"),
    (re.compile(r"json_extract\(([\w.]+), '\$\.' \|\| \?\)"), r"(\1::json ->> ?)"),
    (re.compile(r"json_extract\(([\w.]+), '\$\.(\w+)'\)"), r"(\1::json ->> '\2')"),
]
# rewrites of the SQL outside quoted literals and identifiers
_CODE_REWRITES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"json_each\(([^()]*)\)"), r"json_array_elements_text((\1)::json) AS value"),
    (re.compile(r"group_concat\(([^()]*)\)"), r"string_agg((\1)::text, ',')"),
    (re.compile(r"julianday\(([\w.]+)\)"), r"(extract(epoch FROM (\1)::timestamp) / 86400.0)"),
    (re.compile(r"\barticles_fts MATCH \?"), "articles_fts.fts @@ to_tsquery('simple', ?)"),
    (re.compile(r"\bCROSS JOIN\b"), "JOIN"),  # SQLite's "use this join order"
    (re.compile(r"(^|[\s(,])\+(?=[A-Za-z_])"), r"\1"),  # SQLite's "+col: not by index"
    (re.compile(r"\bLIKE\b"), "ILIKE"),  # SQLite's LIKE ignores (ASCII) case
    (re.compile(r"\bDESC\b(?!\s+NULLS)"), "DESC NULLS LAST"),  # where SQLite puts them
    (re.compile(r"(?<![\w.\"])user\b(?!\s*\()"), '"user"'),  # a reserved word in PostgreSQL
    # a parameter tested for NULL alone has no type PostgreSQL could infer
    (re.compile(r"(\?|(?<![:\w]):\w+)(?=\s+IS\s+(?:NOT\s+)?NULL\b)"), r"CAST(\1 AS text)"),
    (re.compile(r"\bIS(?=\s+[:?])"), "IS NOT DISTINCT FROM"),  # SQLite's IS compares any values
    (re.compile(r"%"), "%%"),
    (re.compile(r"\?"), "%s"),
    (re.compile(r"(?<![:\w]):([A-Za-z_]\w*)"), r"%(\1)s"),  # named parameters
]
_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.IGNORECASE)
_QUOTED = re.compile(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")")


@lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """A statement in Yalu's (SQLite's) dialect, in PostgreSQL's."""
    for pattern, repl in _REWRITES:
        sql = pattern.sub(repl, sql)
    ignore = bool(_OR_IGNORE.match(sql))
    if ignore:
        sql = _OR_IGNORE.sub("INSERT INTO", sql)
    parts = _QUOTED.split(sql)
    for i in range(0, len(parts), 2):  # the even pieces lie outside quotes
        for pattern, repl in _CODE_REWRITES:
            parts[i] = pattern.sub(repl, parts[i])
    for i in range(1, len(parts), 2):
        parts[i] = parts[i].replace("%", "%%")
    sql = "".join(parts)
    return sql.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING" if ignore else sql


# --------------------------------------------------------------------------- errors


def _as_sqlite(exc: psycopg.Error) -> sqlite3.Error:
    """The sqlite3 exception that means the same (see the module's doc)."""
    kind: type[sqlite3.Error]
    if isinstance(exc, psycopg.IntegrityError):
        kind = sqlite3.IntegrityError
    elif isinstance(exc, psycopg.ProgrammingError | psycopg.OperationalError | psycopg.InternalError
                    | pg_errors.ReadOnlySqlTransaction):
        kind = sqlite3.OperationalError
    else:
        kind = sqlite3.DatabaseError
    found = kind(str(exc).strip())
    if exc.sqlstate in _RETRY:
        found.sqlite_errorcode = sqlite3.SQLITE_BUSY
    return found


class Cursor:
    """A psycopg cursor read as sqlite3's: a statement without rows (an UPDATE) reads as
    no rows rather than an error."""

    def __init__(self, cursor: psycopg.Cursor) -> None:
        self._cursor = cursor
        self.rowcount = cursor.rowcount
        self.description = cursor.description

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self.description is not None else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self.description is not None else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor) if self.description is not None else iter(())


def _text(value: Any) -> Any:
    # PostgreSQL's text cannot hold NUL: a value with one matches no stored text, as in
    # SQLite, once NUL is a character no stored text has either
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def _values(params: Sequence[Any] | Mapping[str, Any] | None) -> Sequence[Any] | Mapping[str, Any]:
    if params is None:
        return ()
    if isinstance(params, Mapping):
        return {k: _text(v) for k, v in params.items()}
    return [_text(v) for v in params]


class Connection:
    """A PostgreSQL connection that Yalu's code uses as a sqlite3 connection in autocommit
    mode (isolation_level=None): transactions are the ones it opens itself."""

    dialect = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise _as_sqlite(exc) from exc
        self._conn.adapters.register_loader("numeric", _Number)
        if read_only:
            self._conn.execute("SET default_transaction_read_only = on")

    @property
    def in_transaction(self) -> bool:
        return self._conn.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> Cursor:
        text = translate(sql)
        try:
            cursor = self._conn.execute(text, _values(params))
        except psycopg.Error as exc:
            raise _as_sqlite(exc) from exc
        if text == "BEGIN" and sql.strip() == "BEGIN IMMEDIATE":
            self._lock()
        return Cursor(cursor)

    def _lock(self) -> None:
        """The writers' lock, held until the transaction ends; not had (lock_timeout):
        no transaction either, as SQLite's BEGIN IMMEDIATE fails when it is busy."""
        try:
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        except psycopg.Error as exc:
            self._conn.execute("ROLLBACK")
            raise _as_sqlite(exc) from exc

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> Cursor:
        cursor = self._conn.cursor()
        try:
            cursor.executemany(translate(sql), [_values(p) for p in params])
        except psycopg.Error as exc:
            raise _as_sqlite(exc) from exc
        return Cursor(cursor)

    def executescript(self, sql: str) -> None:
        """Several statements at once, run as written (PostgreSQL's own DDL: the migrations)."""
        try:
            self._conn.execute(sql)
        except psycopg.Error as exc:
            raise _as_sqlite(exc) from exc

    def close(self) -> None:
        self._conn.close()
