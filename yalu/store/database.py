"""SQLite storage: articles, incidents, evidence, places, audit trail.

One transaction per article, so the database never holds half an article; the
article's content hash makes re-ingesting the same text a no-op. The schema
moves forward by numbered migrations recorded in PRAGMA user_version.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from ..merge import merge_new
from ..model import Article, Incident

DEFAULT_DB = "yalu.db"

# Each entry moves the schema one version forward. Never edit a released one: append.
MIGRATIONS: list[str] = [
    # 1: the base schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT,
        url TEXT,
        published TEXT,
        published_source TEXT,
        outlet TEXT,
        author TEXT,
        source_path TEXT,
        text TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        furniture TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;

    CREATE TABLE places (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        admin1_code TEXT,
        parent_id TEXT,
        latitude REAL,
        longitude REAL,
        hangul TEXT
    );

    CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_type TEXT NOT NULL,
        category TEXT NOT NULL,
        summary TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        time_precision INTEGER NOT NULL DEFAULT 0,
        date_expression TEXT,
        country TEXT,
        admin1 TEXT,
        admin1_code TEXT,
        admin2 TEXT,
        location_name TEXT,
        latitude REAL,
        longitude REAL,
        geo_precision INTEGER NOT NULL DEFAULT 0,
        place_id TEXT REFERENCES places(id),
        actors TEXT NOT NULL DEFAULT '[]',
        quantities TEXT NOT NULL DEFAULT '[]',
        modality TEXT NOT NULL,
        attribution TEXT,
        corroboration TEXT NOT NULL DEFAULT '[]',
        confidence REAL NOT NULL,
        review_status TEXT NOT NULL DEFAULT 'machine',
        merged_into TEXT REFERENCES incidents(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX incidents_article ON incidents(article_id);
    CREATE INDEX incidents_type ON incidents(event_type);
    CREATE INDEX incidents_category ON incidents(category);
    CREATE INDEX incidents_admin1 ON incidents(admin1_code);
    CREATE INDEX incidents_date ON incidents(date_start, date_end);
    CREATE INDEX incidents_status ON incidents(review_status);
    CREATE INDEX incidents_merged ON incidents(merged_into);

    -- every article an incident was reported in (more than one after cross-source merging)
    CREATE TABLE incident_sources (
        incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (incident_id, article_id)
    );

    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        trigger_start INTEGER,
        trigger_end INTEGER,
        text TEXT
    );
    CREATE INDEX evidence_incident ON evidence(incident_id);

    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        incident_id TEXT NOT NULL,
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,
        after TEXT
    );
    CREATE INDEX audit_incident ON audit(incident_id);

    CREATE TABLE users (
        name TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
    # 2: the browse index the list/filter/search queries of yalu.query drive through
    """
    CREATE INDEX IF NOT EXISTS incidents_browse ON incidents(
        merged_into, date_start, date_end, review_status, category, event_type, admin1_code,
        admin1, admin2, modality, confidence, updated_at, article_id, id);
    CREATE INDEX IF NOT EXISTS incident_sources_article ON incident_sources(article_id, incident_id);
    CREATE INDEX IF NOT EXISTS articles_outlet_id ON articles(outlet, id);
    """,
    # 3: the run of days an incident is one day of (ACLED's one event a day), as JSON
    """
    ALTER TABLE incidents ADD COLUMN episode TEXT;
    """,
]

JSON_COLUMNS = ("actors", "quantities", "attribution", "corroboration", "episode")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def incident_id(article_hash: str, incident: Incident) -> str:
    """Stable id: the same article always yields the same ids."""
    anchor = incident.evidence[0].trigger_start if incident.evidence else 0
    seed = f"{article_hash}:{incident.event_type}:{anchor}"
    if incident.episode and incident.time.start:
        seed += f":{incident.time.start.isoformat()}"  # one record a day of a run of days
    return "inc-" + hashlib.sha256(seed.encode()).hexdigest()[:12]


class Store:
    """A Yalu database. `Store(path)` opens it and brings the schema up to date."""

    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = str(path)
        # isolation_level=None: transactions are ours (BEGIN/COMMIT below), not implicit
        self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    def close(self) -> None:
        self.conn.close()

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

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN ... COMMIT, or ROLLBACK on any error: all of it or none of it."""
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # articles ---------------------------------------------------------------

    def has_article(self, article: Article) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (article.hash,)
        ).fetchone()
        return row is not None

    def save_article(self, article: Article, incidents: Iterable[Incident]) -> str | None:
        """Store an article and its incidents atomically. Returns the article id,
        or None when the same text is already stored (re-ingesting changes nothing)."""
        if self.has_article(article):
            return None
        article_id = article.id or article.hash[:16]
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
            # same id, different text (an edited re-publication): keep both, apart
            article_id = f"{article_id}-{article.hash[:8]}"
        stamp = now()
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO articles (id, content_hash, title, url, published, published_source,
                   outlet, author, source_path, text, tags, furniture, ingested_at)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (
                    article_id,
                    article.hash,
                    article.title,
                    article.url,
                    article.published.isoformat() if article.published else None,
                    article.published_source,
                    article.outlet,
                    article.author,
                    article.source_path,
                    article.text,
                    json.dumps(article.tags, ensure_ascii=False),
                    json.dumps([asdict(f) for f in article.furniture], ensure_ascii=False),
                    stamp,
                ),
            )
            for incident in incidents:
                self._insert_incident(conn, article, article_id, incident, stamp)
            for incident in incidents:
                merge_new(conn, incident.id)  # another outlet's report of a stored incident
        return article_id

    def _insert_incident(self, conn, article: Article, article_id: str, incident: Incident, stamp: str):
        incident.id = incident.id or incident_id(article.hash, incident)
        incident.article_id = article_id
        record = incident.to_dict()
        encoded = {c: json.dumps(record[c], ensure_ascii=False) if record[c] is not None else None for c in JSON_COLUMNS}
        place_id = incident.location.place_id
        if place_id and not conn.execute("SELECT 1 FROM places WHERE id = ?", (place_id,)).fetchone():
            self._insert_place(conn, place_id)
        conn.execute(
            """INSERT INTO incidents (id, article_id, event_type, category, summary, date_start,
               date_end, time_precision, date_expression, country, admin1, admin1_code, admin2,
               location_name, latitude, longitude, geo_precision, place_id, actors, quantities,
               modality, attribution, corroboration, confidence, review_status, created_at, updated_at,
               episode)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                incident.id, article_id, record["event_type"], record["category"], record["summary"],
                record["date_start"], record["date_end"], record["time_precision"],
                record["date_expression"], record["country"], record["admin1"],
                record["admin1_code"], record["admin2"], record["location_name"],
                record["latitude"], record["longitude"], record["geo_precision"], place_id,
                encoded["actors"], encoded["quantities"], record["modality"],
                encoded["attribution"], encoded["corroboration"],
                record["confidence"], record["review_status"], stamp, stamp, encoded["episode"],
            ),
        )
        conn.execute(
            "INSERT INTO incident_sources (incident_id, article_id) VALUES (?, ?)",
            (incident.id, article_id),
        )
        conn.executemany(
            """INSERT INTO evidence (incident_id, article_id, start, "end", trigger_start,
               trigger_end, text) VALUES (?,?,?,?,?,?,?)""",
            [
                (incident.id, article_id, e.start, e.end, e.trigger_start, e.trigger_end, e.text)
                for e in incident.evidence
            ],
        )

    def _insert_place(self, conn, place_id: str) -> None:
        from ..places import Gazetteer

        place = Gazetteer.default().get(place_id)
        conn.execute(
            """INSERT OR IGNORE INTO places (id, name, kind, country, admin1_code, parent_id,
               latitude, longitude, hangul) VALUES (?,?,?,?,?,?,?,?,?)""",
            (place.id, place.name, place.kind, place.country, place.admin1_code,
             place.parent_id, place.lat, place.lon, place.hangul),
        )

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "incidents": self.conn.execute(
                "SELECT count(*) FROM incidents WHERE merged_into IS NULL"
            ).fetchone()[0],
        }
