"""The rows every writer shares, each INSERT written once: articles, incidents, places,
an incident's sources, evidence sentences (with the ids of the rules that made them) and
audit rows. Storing an article, the cross-outlet merge and the review actions all write
through these, inside a transaction of their caller's (`Store.atomic`)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict
from typing import Any

from ..ingest.language import detect_language
from ..model import Article, Incident
from .schema import JSON_COLUMNS


def incident_id(article_hash: str, incident: Incident, taken: Collection[str] = ()) -> str:
    """Stable id: the same article always yields the same ids. `taken`: the ids its
    earlier records got; a copy of one of them for another place (one record a place,
    extract/sites.py) adds its place, so the first keeps the id it always had."""
    anchor = incident.evidence[0].trigger_start if incident.evidence else 0
    seed = f"{article_hash}:{incident.event_type}:{anchor}"
    if incident.episode and incident.time.start:
        seed += f":{incident.time.start.isoformat()}"  # one record a day of a run of days
    ident = "inc-" + hashlib.sha256(seed.encode()).hexdigest()[:12]
    if ident in taken and incident.location.place_id:
        ident = "inc-" + hashlib.sha256(f"{seed}:{incident.location.place_id}".encode()).hexdigest()[:12]
    return ident


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def insert_article(conn: sqlite3.Connection, article: Article, stamp: str) -> str:
    """The article row (its FTS5 row follows by trigger). Returns its id: the given one,
    or one derived from the text's hash; an id already taken by another text (an edited
    re-publication) gets the hash appended, so both are kept, apart."""
    article_id = article.id or article.hash[:16]
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
        article_id = f"{article_id}-{article.hash[:8]}"
    conn.execute(
        """INSERT INTO articles (id, content_hash, title, url, published, published_source,
           outlet, author, source_path, text, tags, furniture, ingested_at, lang)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        (
            article_id, article.hash, article.title, article.url,
            article.published.isoformat() if article.published else None,
            article.published_source, article.outlet, article.author, article.source_path,
            article.text, json.dumps(article.tags, ensure_ascii=False),
            json.dumps([asdict(f) for f in article.furniture], ensure_ascii=False), stamp,
            article.lang or detect_language(article.text),
        ),
    )
    return article_id


def save_annotation(conn: sqlite3.Connection, article_id: str, key: str, data: bytes) -> None:
    """An article's annotation (`yalu.annotate.cache`), replacing one under an older key."""
    conn.execute("INSERT INTO annotations (article_id, cache_key, doc) VALUES (?, ?, ?) ON CONFLICT (article_id) "
                 "DO UPDATE SET cache_key = excluded.cache_key, doc = excluded.doc", (article_id, key, data))


def insert_incident(conn: sqlite3.Connection, article: Article, article_id: str,
                    incident: Incident, stamp: str) -> None:
    """An extracted incident with its gazetteer place, its source and its evidence."""
    incident.id = incident.id or incident_id(article.hash, incident)
    incident.article_id = article_id
    record = incident.to_dict()
    encoded = {c: _json(record.get(c)) for c in JSON_COLUMNS}
    place_id = incident.location.place_id
    if place_id and not conn.execute("SELECT 1 FROM places WHERE id = ?", (place_id,)).fetchone():
        insert_place(conn, place_id)
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
    add_sources(conn, incident.id, [article_id])
    insert_evidence(conn, incident.id, [{**asdict(e), "article_id": article_id}
                                        for e in incident.evidence])


def insert_place(conn: sqlite3.Connection, place_id: str) -> None:
    """The gazetteer entry an incident points at, copied in once."""
    from ..places import (
        Gazetteer,  # the gazetteer loads its tables: only when a place is new
    )

    place = Gazetteer.default().get(place_id)
    conn.execute(
        """INSERT OR IGNORE INTO places (id, name, kind, country, admin1_code, parent_id,
           latitude, longitude, hangul) VALUES (?,?,?,?,?,?,?,?,?)""",
        (place.id, place.name, place.kind, place.country, place.admin1_code,
         place.parent_id, place.lat, place.lon, place.hangul),
    )


def add_sources(conn: sqlite3.Connection, incident_id: str, article_ids: Iterable[str]) -> None:
    """Articles that report the incident (one already listed is skipped)."""
    conn.executemany(
        "INSERT OR IGNORE INTO incident_sources (incident_id, article_id) VALUES (?, ?)",
        [(incident_id, article_id) for article_id in article_ids],
    )


def insert_evidence(conn: sqlite3.Connection, incident_id: str,
                    items: Iterable[Mapping[str, Any]]) -> None:
    """Evidence sentences of the incident: mappings with article_id, start, end and
    optionally trigger_start, trigger_end, text and rules (the ids of the rules that made
    the sentence evidence), as an `Evidence` or a stored evidence row has them."""
    conn.executemany(
        'INSERT INTO evidence (incident_id, article_id, start, "end", trigger_start, '
        "trigger_end, text, rules) VALUES (?,?,?,?,?,?,?,?)",
        [
            (incident_id, e["article_id"], e["start"], e["end"], e.get("trigger_start"),
             e.get("trigger_end"), e.get("text"), json.dumps(list(e.get("rules") or []),
                                                             ensure_ascii=False))
            for e in items
        ],
    )


def write_audit(conn: sqlite3.Connection, incident_id: str, user: str, action: str,
                before: Any, after: Any, at: str) -> None:
    """One audit row: who did what to the incident when, and what changed."""
    conn.execute(
        "INSERT INTO audit (incident_id, user, at, action, before, after) VALUES (?,?,?,?,?,?)",
        (
            incident_id, user, at, action,
            None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True),
            None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True),
        ),
    )
