"""Merging across outlets: the same incident reported by two outlets is one record.

The ingest flow runs this stage after storing an article, in the same transaction
(`merge_across_outlets`). It is not the clustering of mentions within one article
(`yalu.extract.clustering`) nor a reviewer's merge of two records (`yalu.review.merge`).

A newly stored incident joins an earlier one from another article when nothing
tells them apart and enough ties them together: the same event type, the same
county or city, and dates known to the month or better that overlap. An act of
the state (a missile launch, a weapons test: `of_the_state` in ontology.toml) is
told from anywhere, often with no county: there the same day ties two reports,
unless they name two different provinces or countries, or two different doers. One
outlet's republication of its own story merges too, but corroborates nothing. The later
record stays in the database (its evidence is the second outlet's) with
`merged_into` pointing at the first, which gains the article as a source.
Conservative on purpose: a wrong merge hides an incident. Each merge writes an audit
row on both records (user `MERGE_USER`), so the global audit log shows what the machine
joined and a reviewer can undo it by hand.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from ..ontology import event_types
from ..store.database import now
from ..store.writes import add_sources, write_audit

# the audit trail's user for merges the ingest made, not a reviewer
MERGE_USER = "yalu"

# dates must be at least this precise (1 day, 2 week, 3 month) to tie two reports together
MAX_PRECISION = 3

CANDIDATES = """
SELECT id FROM incidents
WHERE event_type = :event_type
  AND admin2 = :admin2
  AND admin1_code IS :admin1_code
  AND article_id != :article_id
  AND merged_into IS NULL
  AND review_status != 'rejected'
  AND time_precision BETWEEN 1 AND :max_precision
  AND date_start <= :date_end AND date_end >= :date_start
ORDER BY created_at, id
LIMIT 1
"""


SAME_DAY = """
SELECT id, actors FROM incidents
WHERE event_type = :event_type
  AND article_id != :article_id
  AND merged_into IS NULL
  AND review_status != 'rejected'
  AND time_precision = 1
  AND date_start <= :date_end AND date_end >= :date_start
  AND (:admin1_code IS NULL OR admin1_code IS NULL OR admin1_code = :admin1_code)
  AND (:country IS NULL OR country IS NULL OR country = :country)
ORDER BY created_at, id
"""


def _earlier_report(conn: sqlite3.Connection, row: sqlite3.Row) -> sqlite3.Row | None:
    params = {
        "event_type": row["event_type"],
        "admin2": row["admin2"],
        "admin1_code": row["admin1_code"],
        "country": row["country"],
        "article_id": row["article_id"],
        "max_precision": MAX_PRECISION,
        "date_start": row["date_start"],
        "date_end": row["date_end"],
    }
    if row["admin2"]:
        found = conn.execute(CANDIDATES, params).fetchone()
        if found is not None:
            return found
    if row["time_precision"] == 1 and event_types().get(row["event_type"], {}).get("of_the_state"):
        ours = _agents(row)
        for found in conn.execute(SAME_DAY, params):
            theirs = _agents(found)
            if not (ours and theirs) or ours & theirs:  # the South's test is not the North's launch
                return found
    return None


def _agents(row: sqlite3.Row) -> set[str]:
    actors = json.loads(row["actors"] or "[]")
    return {a.get("normalized") or a.get("text") for a in actors if a.get("role") == "agent"}


def merge_across_outlets(conn: sqlite3.Connection, incident_ids: Iterable[str]) -> dict[str, str]:
    """Merge each just-stored incident into an earlier report of it from another article,
    where there is one, in order. Returns {merged incident id: the id it joined}. Runs
    inside the caller's transaction."""
    joined = {}
    for incident_id in incident_ids:
        target = join_earlier_report(conn, incident_id)
        if target is not None:
            joined[incident_id] = target
    return joined


def join_earlier_report(conn: sqlite3.Connection, incident_id: str) -> str | None:
    """Merge one just-stored incident into an earlier report of it, if there is one:
    it gets `merged_into`, the earlier record gains its article as a source (and, from
    another outlet, that outlet as corroboration). Returns the id it was merged into."""
    row = conn.execute(
        "SELECT id, event_type, country, admin1_code, admin2, article_id, date_start, date_end, "
        "time_precision, actors FROM incidents WHERE id = ?",
        (incident_id,),
    ).fetchone()
    if row is None or not (1 <= row["time_precision"] <= MAX_PRECISION):
        return None
    if not row["date_start"] or not row["date_end"]:
        return None
    match = _earlier_report(conn, row)
    if match is None:
        return None
    target = match["id"]
    conn.execute("UPDATE incidents SET merged_into = ? WHERE id = ?", (target, incident_id))
    add_sources(conn, target, [row["article_id"]])
    outlet = conn.execute("SELECT outlet FROM articles WHERE id = ?", (row["article_id"],)).fetchone()[0]
    first = conn.execute(
        "SELECT a.outlet FROM incidents i JOIN articles a ON a.id = i.article_id WHERE i.id = ?", (target,)
    ).fetchone()[0]
    corroborates = bool(outlet and outlet != first)
    if corroborates:
        # a second outlet corroborates the first record (an outlet's own republication does not)
        conn.execute(
            "UPDATE incidents SET corroboration = json_insert(corroboration, '$[#]', ?) "
            "WHERE id = ? AND NOT EXISTS (SELECT 1 FROM json_each(corroboration) WHERE value = ?)",
            (outlet, target, outlet),
        )
    at = now()
    why = {"outlet": outlet, "outlet_of_target": first, "corroborates": corroborates}
    write_audit(conn, target, MERGE_USER, "auto_merge", None,
                {"merged": incident_id, "source_added": row["article_id"], **why}, at)
    write_audit(conn, incident_id, MERGE_USER, "auto_merged_into", {"merged_into": None},
                {"merged_into": target, **why}, at)
    return target
