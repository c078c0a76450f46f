"""The schema of a Yalu database: numbered migrations, recorded in PRAGMA user_version.

`Store` (database.py) applies the ones a database has not had yet, in one transaction
that holds the write lock. Never edit a released migration: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

# the columns of the list's sorts that migration 12 indexes
SORT_COLUMNS = ("confidence", "event_type", "category", "admin1", "admin2", "modality",
                "review_status", "updated_at", "date_end")

# Each entry moves the schema one version forward.
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
    # 2: the browse index the list/filter/search queries of yalu.store.query drive through
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
    # 4: the ids of the rules that made each evidence sentence, as a JSON list
    """
    ALTER TABLE evidence ADD COLUMN rules TEXT NOT NULL DEFAULT '[]';
    """,
    # 5: the web's signed-in sessions, by the SHA-256 of the cookie's id (yalu/serve/sessions.py)
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE INDEX sessions_user ON sessions(user);
    """,
    # 6: a number that grows with every change of what the incident queries read, so an
    # answer computed once can be reused until it changes (yalu.store.aggregates), and
    # the map's covering index: its points, newest first, without reading the wide rows
    """
    CREATE INDEX IF NOT EXISTS incidents_map ON incidents(
        merged_into, date_start, id, latitude, longitude, review_status, category, event_type,
        location_name, summary);
    CREATE TABLE data_version (n INTEGER NOT NULL);
    INSERT INTO data_version VALUES (0);
    """ + "".join(
        f"CREATE TRIGGER {table}_{change.lower()}_version AFTER {change} ON {table} "
        "BEGIN UPDATE data_version SET n = n + 1; END;\n"
        for table in ("articles", "incidents", "incident_sources")
        for change in ("INSERT", "UPDATE", "DELETE")
    ),
    # 7: a reviewed record `yalu reprocess` would now extract differently: what differs, as
    # JSON (yalu/reprocess.py); the record itself is left as the reviewer made it
    """
    ALTER TABLE incidents ADD COLUMN recheck TEXT;
    """,
    # 8: the review queue's walk in order of confidence (yalu.review.queue): the next record
    # is the index's next entry, and the queue's progress counts statuses from the index;
    # its merge suggestions read one event type's records in a range of start dates
    """
    CREATE INDEX IF NOT EXISTS incidents_queue ON incidents(merged_into, confidence, id, review_status);
    CREATE INDEX IF NOT EXISTS incidents_type_start ON incidents(event_type, date_start);
    """,
    # 9: each article's language (yalu/ingest/language.py: detected, or given by metadata or
    # --lang; the articles stored before are English), an index for the language filter, and
    # a trigram index beside the word index: Korean words carry their particles and endings
    # ("혜산시에서", "탈북했다"), so only substrings find them; the English index is unchanged
    """
    ALTER TABLE articles ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
    CREATE INDEX IF NOT EXISTS articles_lang ON articles(lang, id);
    CREATE VIRTUAL TABLE articles_trigram USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='trigram'
    );
    INSERT INTO articles_trigram(articles_trigram) VALUES ('rebuild');
    CREATE TRIGGER articles_trigram_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_trigram(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_trigram_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_trigram(articles_trigram, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    """,
    # 10: each article's annotation (spaCy DocBin bytes, zlib-compressed by DocBin) under
    # the key of the pipeline that made it, so `yalu reprocess` extracts again without
    # parsing again (yalu/annotate/cache.py)
    """
    CREATE TABLE IF NOT EXISTS annotations (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        cache_key TEXT NOT NULL,
        doc BLOB NOT NULL
    );
    """,
    # 11: the browse index in the list's default order, (date_start, id) right after
    # merged_into: a filtered first page read that order off migration 6's map index and
    # looked every row up for the other filter columns, up to all of them when few match
    # (138 ms at 100,000 incidents; 6 ms reading this index alone). Self-contained: it
    # reads no column of 9 or 10, so the order they merge in does not matter
    """
    DROP INDEX IF EXISTS incidents_browse;
    CREATE INDEX incidents_browse ON incidents(
        merged_into, date_start, id, date_end, review_status, category, event_type, admin1_code,
        admin1, admin2, modality, confidence, updated_at, article_id);
    """,
    # 12: an index per sort of the list (sql.SORTS; the date's is the browse index), in
    # `ORDER BY column, id` order: a page of a broad query sorted by it reads the index
    # until the page is full instead of sorting every match (0.7-1 s at 1,000,000
    # incidents); few matches are sorted from their rows (subset.py, search._ordered_ids)
    "".join(f"CREATE INDEX IF NOT EXISTS incidents_sort_{column} ON incidents({column}, id);\n"
            for column in SORT_COLUMNS),
    # 13: nothing on SQLite, whose every index holds the rowid; on PostgreSQL the date
    # order's and the key's indexes with the rowid (schema_pg.py)
    "",
]

# the incidents columns that hold JSON (decoded when a record is read)
JSON_COLUMNS = ("actors", "quantities", "attribution", "corroboration", "episode", "recheck")


def statements(script: str) -> Iterator[str]:
    """A migration's SQL statements one by one (a trigger's body is part of its statement),
    to run inside a transaction of the caller's: sqlite3's executescript would commit it."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending.strip()
            pending = ""
