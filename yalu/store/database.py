"""The one data-access object: `Store` owns a Yalu database's connections and transactions.

Every part of Yalu that reads or writes the database goes through a `Store` (the CLI, the
web app, the review actions, the cross-outlet merge): it opens the connections (one per
thread, since a sqlite3 connection is not for sharing; read-only ones with `mode=ro` and
`query_only`), brings the schema up to date (schema.py) and runs transactions that nest:
`with store.atomic():` inside another becomes a savepoint, so a caller can make one
transaction of several steps (ingest stores an article, then merges its records across
outlets) and each step stays all-or-nothing on its own.

Functions that take "a database" accept a `Store` or a `sqlite3.Connection` opened with
isolation_level=None (see `connection`).
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from ..model import Article, Incident
from . import writes
from .schema import MIGRATIONS

DEFAULT_DB = "yalu.db"
MEMORY = ":memory:"

_savepoints = itertools.count(1)


def now() -> str:
    """The time stamp of every stored row: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def atomic(conn: sqlite3.Connection, *, immediate: bool = False) -> Iterator[sqlite3.Connection]:
    """All of the block or none of it. Outside a transaction: BEGIN (IMMEDIATE: take the
    write lock now) ... COMMIT, ROLLBACK on any error. Inside one: a SAVEPOINT, released
    on success and rolled back to on error, so the outer transaction decides the rest."""
    if conn.in_transaction:
        name = f"yalu_atomic_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled the whole transaction back already
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class Store:
    """A Yalu database. `Store(path)` opens it (creating the file) and brings the schema up
    to date; `Store(path, read_only=True)` opens an existing one that nothing can change.

    `store.conn` is the calling thread's connection, opened on first use."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if read_only:
            if self.path == MEMORY or not Path(self.path).exists():
                raise FileNotFoundError(f"no database at {self.path}")
            return
        if self.path != MEMORY:
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    # connections ------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._shared_memory() if self.path == MEMORY else self._connect()
            self._local.conn = conn
        return conn

    def _shared_memory(self) -> sqlite3.Connection:
        """An in-memory database exists in one connection only: every thread shares it."""
        with self._lock:
            if not self._opened:
                self._opened.append(self._open())
            return self._opened[0]

    def _connect(self) -> sqlite3.Connection:
        conn = self._open()
        with self._lock:
            self._opened.append(conn)
        return conn

    def _open(self) -> sqlite3.Connection:
        # isolation_level=None: transactions are ours (atomic), never implicit
        if self.read_only:
            uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
        else:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache per connection
        conn.execute("PRAGMA temp_store = MEMORY")
        return conn

    def close(self) -> None:
        """Close every connection this store opened, in any thread."""
        with self._lock:
            opened, self._opened = self._opened, []
            self._local = threading.local()
        for conn in opened:
            conn.close()

    def atomic(self, *, immediate: bool = False) -> AbstractContextManager[sqlite3.Connection]:
        """A transaction on this thread's connection; nested ones are savepoints."""
        return atomic(self.conn, immediate=immediate)

    # schema -----------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        for version in range(self.schema_version, len(MIGRATIONS)):
            # one script, one transaction: a failed migration leaves the old schema intact
            self.conn.executescript(
                f"BEGIN; {MIGRATIONS[version]}; PRAGMA user_version = {version + 1}; COMMIT;"
            )

    # articles ---------------------------------------------------------------

    def has_article(self, article: Article) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (article.hash,)
        ).fetchone()
        return row is not None

    def save_article(self, article: Article, incidents: Iterable[Incident]) -> str | None:
        """Store an article and its incidents atomically (the storing stage only: merging
        across outlets is `yalu.merge`'s, run by the ingest flow in the same transaction).
        Returns the article id, or None when the same text is already stored
        (re-ingesting changes nothing)."""
        with self.atomic() as conn:
            if self.has_article(article):
                return None
            stamp = now()
            article_id = writes.insert_article(conn, article, stamp)
            for incident in incidents:
                writes.insert_incident(conn, article, article_id, incident, stamp)
        return article_id

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "incidents": self.conn.execute(
                "SELECT count(*) FROM incidents WHERE merged_into IS NULL"
            ).fetchone()[0],
        }


DB = Store | sqlite3.Connection  # what functions that take "a database" accept


def connection(db: DB) -> sqlite3.Connection:
    """The connection behind "a database" argument: a Store's (this thread's) or the one given."""
    return db.conn if isinstance(db, Store) else db
