"""The review queue: the records a filter selects, walked one at a time in order of
confidence (most confident first, or least), with the reviewer's progress and the
records of other articles that may be the same incident.

Without a review-status filter the queue holds the machine-made records, so a record
leaves it once approved, rejected, edited or merged; "next" and "previous" are found
from the current record's (confidence, id), so they hold while the queue changes under
the reviewer. Progress counts every record the filter selects, whatever its status."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..store import DB, connection
from ..store import query as q
from ..store.records import RECORD_SELECT, decode_rows
from ..store.sql import build_where

ORDERS = {"confident": "DESC", "least": "ASC"}  # most confident first, least first
DEFAULT_ORDER = "confident"
REVIEWED = ["approved", "edited", "rejected"]
# how near another article's record must be to be suggested as the same incident
NEAR_DAYS = 7
NEAR_KM = 60.0
# a suggestion's period starts at most this long before the window (an index range, so a
# million records are not read; a record known only to the year is no useful suggestion)
LONGEST_DAYS = 31
SUGGESTIONS = 5


def queue_query(query: q.IncidentQuery) -> q.IncidentQuery:
    """The filter, with the machine-made records when it names no review status."""
    return query if query.review_status else replace(query, review_status=["machine"])


def _order(order: str) -> str:
    return ORDERS.get(order, ORDERS[DEFAULT_ORDER])


def _walk(db: DB, query: q.IncidentQuery, order: str, after: dict | None,
          forward: bool = True) -> str | None:
    """The id of the first record of the queue, or of the one after (before) `after`."""
    conn = connection(db)
    w = build_where(conn, queue_query(query), drive=True)
    direction = _order(order)
    if not forward:
        direction = "ASC" if direction == "DESC" else "DESC"
    if after is not None:
        w.clauses.append(f"(i.confidence, i.id) {'<' if direction == 'DESC' else '>'} (?, ?)")
        w.params += [after["confidence"], after["id"]]
    row = conn.execute(
        f"SELECT i.id FROM incidents i{w.sql()} "
        f"ORDER BY i.confidence {direction}, i.id {direction} LIMIT 1", w.params,
    ).fetchone()
    return row[0] if row else None


def first(db: DB, query: q.IncidentQuery, order: str = DEFAULT_ORDER) -> str | None:
    return _walk(db, query, order, None)


def following(db: DB, query: q.IncidentQuery, order: str, record: dict) -> str | None:
    """The next record of the queue after `record` (which may have left the queue)."""
    return _walk(db, query, order, record)


def preceding(db: DB, query: q.IncidentQuery, order: str, record: dict) -> str | None:
    return _walk(db, query, order, record, forward=False)


@dataclass
class Progress:
    reviewed: int  # the filter's records a reviewer has approved, edited or rejected
    total: int  # every record the filter selects, whatever its review status
    waiting: int  # still in the queue

    def __str__(self) -> str:
        return f"{self.reviewed} of {self.total} reviewed"


def progress(db: DB, query: q.IncidentQuery) -> Progress:
    """The three counts in one pass over the filter's records, whatever their status."""
    conn = connection(db)
    w = build_where(conn, replace(query, review_status=[], include_rejected=True), drive=True)
    waiting = set(queue_query(query).review_status)
    if not query.include_rejected and "rejected" not in query.review_status:
        waiting.discard("rejected")  # as the queue itself leaves them out
    marks = ",".join("?" * len(REVIEWED))
    statuses = ",".join("?" * len(waiting)) or "NULL"
    row = conn.execute(
        f"SELECT count(*), coalesce(sum(CASE WHEN i.review_status IN ({marks}) THEN 1 ELSE 0 END), 0), "
        f"coalesce(sum(CASE WHEN i.review_status IN ({statuses}) THEN 1 ELSE 0 END), 0) FROM incidents i{w.sql()}",
        [*REVIEWED, *sorted(waiting), *w.params],
    ).fetchone()
    return Progress(reviewed=row[1], total=row[0], waiting=row[2])


def _km(a: dict, b: dict) -> float | None:
    if None in (a["latitude"], a["longitude"], b["latitude"], b["longitude"]):
        return None
    lat = math.radians((a["latitude"] + b["latitude"]) / 2)
    dy = (a["latitude"] - b["latitude"]) * 111.2
    dx = (a["longitude"] - b["longitude"]) * 111.2 * math.cos(lat)
    return math.hypot(dx, dy)


def _days_apart(a: dict, b: dict) -> int:
    """Days between two records' periods (0 when they overlap)."""
    a0, a1 = (date.fromisoformat(a["date_start"] or a["date_end"]),
              date.fromisoformat(a["date_end"] or a["date_start"]))
    b0, b1 = (date.fromisoformat(b["date_start"] or b["date_end"]),
              date.fromisoformat(b["date_end"] or b["date_start"]))
    return max((b0 - a1).days, (a0 - b1).days, 0)


def _why(record: dict, other: dict, km: float | None, days: int) -> str:
    where = ("same county" if other["admin2"] and other["admin2"] == record["admin2"]
             else "same province" if other["admin1_code"] == record["admin1_code"]
             else f"{km:.0f} km away" if km is not None else "nearby")
    when = "same dates" if days == 0 else f"{days} day{'' if days == 1 else 's'} apart"
    outlet = (f"another outlet ({other['outlet']})" if other["outlet"] != record["outlet"]
              else f"same outlet ({other['outlet'] or 'unknown'})")
    return f"{where} · {when} · {outlet}"


def suggestions(db: DB, record: dict, limit: int = SUGGESTIONS) -> list[dict]:
    """Records of other articles that may be the same incident: the same event type, dates
    within NEAR_DAYS (a period starting at most LONGEST_DAYS before that) and the same
    province or within NEAR_KM, not merged nor rejected;
    another outlet's first, then the nearest in place and time. Each gets `why`."""
    start = record["date_start"] or record["date_end"]
    end = record["date_end"] or record["date_start"]
    if not start or not (record["admin1_code"] or record["latitude"] is not None):
        return []
    conn = connection(db)
    lo = (date.fromisoformat(start) - timedelta(days=NEAR_DAYS)).isoformat()
    hi = (date.fromisoformat(end) + timedelta(days=NEAR_DAYS)).isoformat()
    earliest = (date.fromisoformat(lo) - timedelta(days=LONGEST_DAYS)).isoformat()
    box = NEAR_KM / 111.2  # degrees of latitude; the distance is checked below
    rows = conn.execute(
        RECORD_SELECT + " WHERE i.event_type = ? AND i.id != ? AND i.merged_into IS NULL "
        "AND i.review_status != 'rejected' "
        "AND i.id NOT IN (SELECT s.incident_id FROM incident_sources s WHERE s.article_id IN "
        "(SELECT value FROM json_each(?))) "
        "AND i.date_start BETWEEN ? AND ? AND coalesce(i.date_end, i.date_start) >= ? "
        "AND (i.admin1_code = ? OR i.latitude BETWEEN ? AND ?) LIMIT 200",
        (record["event_type"], record["id"], json.dumps(record["sources"]), earliest, hi, lo,
         record["admin1_code"], (record["latitude"] or 0) - box, (record["latitude"] or 0) + box),
    ).fetchall()
    found = []
    for other in decode_rows(conn, rows, details=False):
        km = _km(record, other)
        if other["admin1_code"] != record["admin1_code"] and (km is None or km > NEAR_KM):
            continue
        days = _days_apart(record, other)
        other["why"] = _why(record, other, km, days)
        found.append((other["outlet"] == record["outlet"], km if km is not None else NEAR_KM,
                      days, other["id"], other))
    found.sort(key=lambda item: item[:4])
    return [item[-1] for item in found[:limit]]

