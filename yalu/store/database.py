"""The one data-access object: `Store` owns a Yalu database's connections and transactions.

Every part of Yalu that reads or writes the database goes through a `Store` (the CLI, the
web app, the review actions, the cross-outlet merge): it opens the connections (one per
thread, since a sqlite3 connection is not for sharing; read-only ones with `mode=ro` and
`query_only`), brings the schema up to date (schema.py) and runs transactions that nest:
`with store.atomic():` inside another becomes a savepoint, so a caller can make one
transaction of several steps (ingest stores an article, then merges its records across
outlets) and each step stays all-or-nothing on its own.

Several processes may write one database at once (two ingests, an ingest and the web
app): `Store.write` takes the write lock before it reads (BEGIN IMMEDIATE), so what it
checks is still true when it writes, and tries the whole transaction again, a bounded
number of times with a growing pause, while another process keeps the database busy.

Functions that take "a database" accept a `Store` or a `sqlite3.Connection` opened with
isolation_level=None (see `connection`).
"""

from __future__ import annotations

import itertools
import random
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar, cast
from urllib.parse import quote

from ..model import Article, Incident
from . import postgres, schema_pg, writes
from .schema import MIGRATIONS, statements

DEFAULT_DB = "yalu.db"
MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 5000  # SQLite's own wait for another process's write lock
BUSY_ATTEMPTS = 6  # then the whole transaction again, after a pause of...
BUSY_PAUSE = (0.05, 2.0)  # ...the first, doubling up to the second (seconds, jittered)
REMEMBERED = 256  # answers `Store.remember` keeps (the least recently used goes first)
REMEMBERED_BYTES = 64_000_000  # and at most this much of them as bytes and arrays (_size)

_savepoints = itertools.count(1)
T = TypeVar("T")


def _size(answer: object) -> int:
    """What an answer counts against REMEMBERED_BYTES: encoded bytes and numpy arrays (the
    facets' row masks, 1 MB each at 1,000,000 incidents); other answers are small."""
    if isinstance(answer, bytes):
        return len(answer)
    nbytes = getattr(answer, "nbytes", 0)
    return nbytes if isinstance(nbytes, int) else 0


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


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked": another connection holds the lock it needs."""
    code = getattr(exc, "sqlite_errorcode", None)
    return (isinstance(exc, sqlite3.OperationalError) and code is not None
            and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED))


def retry_busy(action: Callable[[], T], attempts: int = BUSY_ATTEMPTS) -> T:
    """`action()`, run again while the database stays busy beyond busy_timeout, with a
    growing, jittered pause (so two waiting processes do not collide again in step); the
    last attempt's error is raised. Any other error is raised at once."""
    pause = BUSY_PAUSE[0]
    for _ in range(attempts - 1):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
        time.sleep(pause * random.uniform(0.5, 1.0))
        pause = min(pause * 2, BUSY_PAUSE[1])
    return action()


class Store:
    """A Yalu database. `Store(path)` opens it (creating the file) and brings the schema up
    to date; `Store(path, read_only=True)` opens an existing one that nothing can change.
    A postgresql:// URL for a path opens that PostgreSQL database instead (postgres.py).

    `store.conn` is the calling thread's connection, opened on first use."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.postgres = postgres.is_url(self.path)
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._answers: OrderedDict[Hashable, tuple[int, object]] = OrderedDict()
        # the answers being computed: the thread computing each and an event set when done
        self._computing: dict[Hashable, tuple[int, threading.Event]] = {}
        self._answer_bytes = 0  # the size of the answers that are bytes
        if read_only and not self.postgres:
            if self.path == MEMORY or not Path(self.path).exists():
                raise FileNotFoundError(f"no database at {self.path}")
            return
        if read_only:
            return
        if self.path != MEMORY and not self.postgres:
            retry_busy(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
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
        if self.postgres:  # it behaves as a sqlite3 connection does (postgres.py)
            return cast(sqlite3.Connection, postgres.Connection(self.path, read_only=self.read_only))
        if self.read_only:
            uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
        else:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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

    def write(self, step: Callable[[sqlite3.Connection], T]) -> T:
        """`step(conn)` as one write transaction that holds the write lock from its first
        read (BEGIN IMMEDIATE: no other process commits between what it checks and what
        it writes), tried again while another process keeps the database busy. Inside a
        transaction already: a savepoint of it, and the outer transaction's caller retries."""
        if self.conn.in_transaction:
            with self.atomic() as conn:
                return step(conn)

        def once() -> T:
            with self.atomic(immediate=True) as conn:
                return step(conn)

        return retry_busy(once)

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Many write transactions in a row (ingest, reprocess): each commit stays whole
        but is not flushed to disk on its own (SQLite's WAL with synchronous NORMAL; a
        flush cost 2.4 ms a commit here, more than an article's extraction from the
        cache); the WAL is flushed by the checkpoint at the end (by SQLite's next one
        while a reader holds it). A killed process loses nothing it committed; a power
        failure may lose the latest articles, each whole, never half of one, and ingest
        stores them on its next run."""
        if self.postgres or self.path == MEMORY:
            yield
            return
        self.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # flushes the WAL first

    # schema -----------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        if self.postgres:
            return schema_pg.version(self.conn)
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Apply the migrations the database has not had, all in one write transaction
        (a failed or killed one leaves the old schema intact). The version is read again
        once the write lock is held: of several processes opening a new or old database at
        once, the first migrates and the others find it done."""
        if self.schema_version >= len(MIGRATIONS):
            return  # up to date: opening takes no write lock

        def pending(conn: sqlite3.Connection) -> None:
            for version in range(self.schema_version, len(MIGRATIONS)):
                if self.postgres:
                    schema_pg.migrate(conn, version + 1)
                    continue
                for statement in statements(MIGRATIONS[version]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")

        self.write(pending)

    @property
    def data_version(self) -> int | None:
        """A number that grows with every change to the articles, incidents or their
        sources, by any process (store migration 5's triggers); None on a database
        without it (an old one opened read-only)."""
        try:
            return self.conn.execute("SELECT n FROM data_version").fetchone()[0]
        except sqlite3.OperationalError:
            return None

    @contextmanager
    def one_version(self) -> Iterator[None]:
        """What is remembered inside (on this thread) is keyed by the data version read
        once on entry: a list page's steps asked for it 9-15 times, each a round trip on
        PostgreSQL (up to 5 ms on a loaded machine). For reads only: an answer is still
        never older than its key, but one computed after a write inside would be kept under
        the version before it."""
        if getattr(self._local, "version", None) is not None:
            yield
            return
        self._local.version = self.data_version
        try:
            yield
        finally:
            self._local.version = None

    def _version(self) -> int | None:
        pinned = getattr(self._local, "version", None)
        return pinned if pinned is not None else self.data_version

    def remembered(self, key: Hashable) -> object | None:
        """The answer `remember` holds for `key` at the current data version, or None
        (nothing is computed)."""
        version = self._version()
        with self._lock:
            found = self._answers.get(key)
        return found[1] if found is not None and version is not None and found[0] == version else None

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`'s answer, computed again only once the data has changed (the data
        version, read first, keys it: an answer is never newer than its key, so a change
        committed meanwhile is seen next time). The answers are shared by every thread."""
        version = self._version()
        if version is None:
            return compute()
        me = threading.get_ident()
        while True:
            with self._lock:
                found = self._answers.get(key)
                if found is not None and found[0] == version:
                    self._answers.move_to_end(key)
                    return found[1]  # type: ignore[return-value]
                owner, done = self._computing.get(key, (me, None))
                if done is None or owner == me:
                    done = threading.Event()
                    self._computing.setdefault(key, (me, done))
                    break
            # another thread computes it (8 clients' first requests at 1,000,000 incidents
            # each read the facets' arrays at once: 10-12 GB, minutes): its answer, or
            # compute here if it failed or is of another data version
            done.wait()
        try:
            return self._keep(key, version, compute())
        finally:
            with self._lock:
                if self._computing.get(key, (None, None))[1] is done:
                    del self._computing[key]
            done.set()

    def _keep(self, key: Hashable, version: int, answer: T) -> T:
        """Stores an answer of `remember`, within its budgets."""
        with self._lock:
            old = self._answers.pop(key, None)
            self._answer_bytes += _size(answer) - (_size(old[1]) if old else 0)
            self._answers[key] = (version, answer)
            while len(self._answers) > REMEMBERED:
                self._answer_bytes -= _size(self._answers.popitem(last=False)[1][1])
            # over the byte budget: the least recently used encoded answers go (not this one)
            for old_key in [k for k, (_, a) in self._answers.items() if _size(a)][:-1]:
                if self._answer_bytes <= REMEMBERED_BYTES:
                    break
                self._answer_bytes -= _size(self._answers.pop(old_key)[1])
        return answer

    # articles ---------------------------------------------------------------

    def has_article(self, article: Article) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (article.hash,)
        ).fetchone()
        return row is not None

    def save_article(self, article: Article, incidents: Iterable[Incident]) -> str | None:
        """Store an article and its incidents atomically (the storing stage only: merging
        across outlets is `yalu.merge`'s, run by the ingest flow in the same transaction).
        Returns the article id, or None when the same text is already stored, by this
        process or another one (re-ingesting changes nothing)."""
        incidents = list(incidents)  # a retried transaction stores them again

        def store(conn: sqlite3.Connection) -> str | None:
            if self.has_article(article):
                return None
            stamp = now()
            article_id = writes.insert_article(conn, article, stamp)
            for incident in incidents:
                writes.insert_incident(conn, article, article_id, incident, stamp)
            return article_id

        return self.write(store)

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
