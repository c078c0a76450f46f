"""The one-line summary of an edited record, written again from its edited fields, so an
edit of the type, place, date, actors or source does not leave a summary (and the title
and exports that show it) telling the old story. A summary a reviewer wrote by hand is
theirs: it is never rewritten."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from ..extract.records import summary
from ..model import Actor, Attribution, Incident, Location, Quantity, TimeSpan

# the key an edit's audit row carries when the machine, not the reviewer, wrote its summary
SUMMARY_FROM = "summary_from"

LOCATION_FIELDS = ("location_name", "country", "admin1", "admin1_code", "admin2", "latitude",
                   "longitude", "place_id")


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _span(fields: dict | None) -> TimeSpan | None:
    if not fields:
        return None
    return TimeSpan(_day(fields.get("date_start")), _day(fields.get("date_end")),
                    fields.get("time_precision") or 0, fields.get("date_expression"))


def incident_of(record: dict) -> Incident:
    """The model of a stored record (its dict from `yalu.store.query`)."""
    attribution = record.get("attribution")
    return Incident(
        event_type=record["event_type"], category=record["category"],
        summary=record.get("summary") or "",
        time=_span(record) or TimeSpan(),
        location=Location(**{k: record.get(k) for k in LOCATION_FIELDS},
                          geo_precision=record.get("geo_precision") or 0),
        actors=[Actor(**a) for a in record.get("actors") or []],
        # the summary names a count only where there is one
        quantities=[Quantity(**x) for x in record.get("quantities") or []
                    if x.get("value") is not None],
        modality=record["modality"],
        attribution=Attribution(**attribution) if attribution else None,
        corroboration=list(record.get("corroboration") or []),
        confidence=record.get("confidence") or 0.0,
        episode=_span(record.get("episode")),
    )


def written_by_hand(conn: sqlite3.Connection, incident_id: str) -> bool:
    """True when a reviewer has set this record's summary (an edit's audit row names it)."""
    return conn.execute(
        "SELECT 1 FROM audit WHERE incident_id = ? AND action = 'edit' "
        "AND json_extract(after, '$.summary') IS NOT NULL "
        "AND json_extract(after, '$.' || ?) IS NULL LIMIT 1",
        (incident_id, SUMMARY_FROM),
    ).fetchone() is not None


def rewritten(record: dict, changes: dict[str, Any]) -> str:
    """The summary the machine would write for the record with these changes."""
    return summary(incident_of({**record, **changes}))
