"""What a Yalu database holds true after anything, a `kill -9` in the middle of a write
included: SQLite's own integrity check passes, no row points at a missing one, every
incident has its source and its evidence, and the full-text index matches the articles.

`contents` reads what a database holds, article by article, in a form two databases can
be compared by (ids and spans, not the times rows were written): the crash and
concurrency benchmark (bench/ingest_crash.py) and its tests compare an interrupted or
concurrent ingest with a clean one through it."""

from __future__ import annotations

import sqlite3

from .database import DB, connection
from .postgres import on_postgres

ORPHANS = "(rows without their article or incident)"

# incidents that lack what storing an article always writes with them
_INCOMPLETE = {
    "source": "SELECT id FROM incidents i WHERE NOT EXISTS "
              "(SELECT 1 FROM incident_sources s WHERE s.incident_id = i.id)",
    "evidence": "SELECT id FROM incidents i WHERE NOT EXISTS "
                "(SELECT 1 FROM evidence e WHERE e.incident_id = i.id)",
}


def problems(db: DB) -> list[str]:
    """Every way the database falls short, one line each; empty when it is whole.
    Needs a writable connection (FTS5 runs its check as a special INSERT that writes
    nothing)."""
    conn = connection(db)
    if on_postgres(conn):
        # PostgreSQL checks foreign keys on every write, and the search column is computed
        # from the row it is part of: what is left to check is what a Yalu record needs
        return [f"incident {row[0]} has no {part}" for part, sql in _INCOMPLETE.items()
                for row in conn.execute(sql)]
    found = [f"integrity_check: {row[0]}" for row in conn.execute("PRAGMA integrity_check")
             if row[0] != "ok"]
    found += [f"orphan row {rowid} in {table}: its {parent} row is missing"
              for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")]
    for part, sql in _INCOMPLETE.items():
        found += [f"incident {row[0]} has no {part}" for row in conn.execute(sql)]
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        found.append(f"full-text index out of step with the articles: {exc}")
    return found


def contents(db: DB) -> dict[str, dict]:
    """Per article, keyed by its text's hash: its id and its incidents, each with its
    event type, the record it is merged into, its sources and its evidence spans. Rows
    whose article or incident is missing are listed under ORPHANS, so that two databases
    that differ there compare unequal rather than fail to load."""
    conn = connection(db)
    articles = {row[0]: {"id": row[1], "incidents": {}}
                for row in conn.execute("SELECT content_hash, id FROM articles")}
    by_id = {a["id"]: a for a in articles.values()}
    orphans: dict = {"id": None, "incidents": {}}
    incidents: dict[str, dict] = {}
    for inc_id, article_id, event_type, merged_into in conn.execute(
            "SELECT id, article_id, event_type, merged_into FROM incidents"):
        incidents[inc_id] = {"event_type": event_type, "merged_into": merged_into,
                             "sources": [], "evidence": []}
        by_id.get(article_id, orphans)["incidents"][inc_id] = incidents[inc_id]
    lost: dict = {"event_type": None, "merged_into": None, "sources": [], "evidence": []}
    for inc_id, article_id in conn.execute(
            "SELECT incident_id, article_id FROM incident_sources ORDER BY article_id"):
        incidents.get(inc_id, lost)["sources"].append(article_id)
    for inc_id, start, end in conn.execute(
            'SELECT incident_id, start, "end" FROM evidence ORDER BY start, "end"'):
        incidents.get(inc_id, lost)["evidence"].append((start, end))
    if orphans["incidents"] or lost["sources"] or lost["evidence"]:
        orphans["incidents"][None] = lost
        articles[ORPHANS] = orphans
    return articles
