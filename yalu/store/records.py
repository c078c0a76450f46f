"""Reading records back: an incidents row becomes a dict with its JSON columns decoded,
the source article's outlet, url, title and published date, and (with details) the lists
`sources` (article ids) and `evidence` (offsets, text and the ids of the rules that made
each sentence). Also one record, its audit trail, its relatives and an article."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from .database import DB, connection
from .schema import JSON_COLUMNS

RECORD_SELECT = (
    "SELECT i.*, a.outlet AS outlet, a.url AS url, a.title AS title, a.published AS published, a.lang AS lang "
    "FROM incidents i JOIN articles a ON a.id = i.article_id"
)
CHUNK = 500  # ids per IN (...) list


def decode_rows(conn: sqlite3.Connection, rows: Iterable[sqlite3.Row], *,
                details: bool = True) -> list[dict]:
    items = []
    for row in rows:
        record = dict(row)
        for column in JSON_COLUMNS:
            value = record.get(column)
            record[column] = json.loads(value) if value else None
        items.append(record)
    if details and items:
        sources, evidence = _details(conn, [r["id"] for r in items])
        for record in items:
            record["sources"] = sources[record["id"]]
            record["evidence"] = evidence[record["id"]]
    return items


def _details(conn: sqlite3.Connection, ids: list[str]) -> tuple[dict[str, list[str]],
                                                                   dict[str, list[dict]]]:
    """Each incident's source article ids and evidence rows."""
    sources: dict[str, list[str]] = {i: [] for i in ids}
    evidence: dict[str, list[dict]] = {i: [] for i in ids}
    for chunk_start in range(0, len(ids), CHUNK):
        chunk = ids[chunk_start:chunk_start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for incident, article_id in conn.execute(
            f"SELECT incident_id, article_id FROM incident_sources WHERE incident_id IN ({marks}) "
            "ORDER BY incident_id, article_id",
            chunk,
        ):
            sources[incident].append(article_id)
        # every column: a database opened read-only before migration 4 has no `rules` yet
        for row in conn.execute(
            f"SELECT * FROM evidence WHERE incident_id IN ({marks}) "
            "ORDER BY incident_id, article_id, start, id",
            chunk,
        ):
            item = dict(row)
            item["rules"] = json.loads(item.get("rules") or "[]")
            evidence[item.pop("incident_id")].append(item)
    return sources, evidence


def get(db: DB, incident_id: str) -> dict | None:
    """One record (merged or rejected ones too), with sources and evidence."""
    conn = connection(db)
    rows = conn.execute(RECORD_SELECT + " WHERE i.id = ?", (incident_id,)).fetchall()
    if not rows:
        return None
    return decode_rows(conn, rows)[0]


def audit_trail(db: DB, incident_id: str) -> list[dict]:
    out = []
    for row in connection(db).execute(
        "SELECT id, incident_id, user, at, action, before, after FROM audit "
        "WHERE incident_id = ? ORDER BY at DESC, id DESC",
        (incident_id,),
    ):
        item = dict(row)
        for key in ("before", "after"):
            item[key] = json.loads(item[key]) if item[key] else None
        out.append(item)
    return out


def related(db: DB, incident_id: str) -> list[dict]:
    """Other incidents drawn from the same article(s), merged and rejected ones included."""
    conn = connection(db)
    rows = conn.execute(
        RECORD_SELECT
        + " WHERE i.id != ? AND i.id IN (SELECT s2.incident_id FROM incident_sources s1 "
        "JOIN incident_sources s2 ON s2.article_id = s1.article_id WHERE s1.incident_id = ?) "
        "ORDER BY i.date_start, i.id",
        (incident_id, incident_id),
    ).fetchall()
    return decode_rows(conn, rows, details=False)


def merged_from(db: DB, incident_id: str) -> list[str]:
    """Ids of the records merged into this one."""
    return [
        r[0] for r in connection(db).execute(
            "SELECT id FROM incidents WHERE merged_into = ? ORDER BY id", (incident_id,)
        )
    ]


def article(db: DB, article_id: str) -> dict | None:
    """An article row with its tags and page furniture decoded."""
    row = connection(db).execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    record = dict(row)
    for key in ("tags", "furniture"):
        record[key] = _json_list(record.get(key))
    return record


def _json_list(text: str | None) -> list:
    """A stored JSON list; an empty or unreadable cell is an empty list."""
    try:
        return json.loads(text or "[]")
    except ValueError:
        return []  # a cell written by hand that is not JSON: nothing to show
