"""Exports: CSV, JSON, GeoJSON and an ACLED-shaped table.

`render(records, fmt)` takes incident records as the store returns them (dicts
with JSON columns decoded) and returns the file's text.

The two CSV tables escape formulas as OWASP advises against CSV injection: a text cell
starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
spreadsheet shows it as text instead of running it. Numbers are written as numbers and
never escaped (a negative longitude stays `-0.5`); a text that merely looks like a
negative number ("-5") is escaped like any other text.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
from collections.abc import Iterable
from datetime import date

from .ontology import event_types

FORMATS = ("csv", "json", "geojson", "acled")

# The flat columns of the CSV export, in ontology.md's order.
CSV_COLUMNS = [
    "id", "event_type", "category", "summary", "date_start", "date_end", "time_precision",
    "date_expression", "episode", "country", "admin1", "admin1_code", "admin2", "location_name",
    "latitude", "longitude", "geo_precision", "actors", "quantities", "modality",
    "attribution", "corroboration", "sources", "outlet", "url", "confidence", "review_status",
]

# ACLED's column names, where a Yalu field matches; ACLED-only fields stay empty.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "region",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "tags", "yalu_event_type", "yalu_id",
]

COUNTRIES = {
    "KP": (408, "North Korea"),
    "KR": (410, "South Korea"),
    "CN": (156, "China"),
    "RU": (643, "Russia"),
    "JP": (392, "Japan"),
    "US": (840, "United States"),
}

DISORDER = {
    "Battles": "Political violence",
    "Violence against civilians": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Strategic developments": "Strategic developments",
}


def render(records: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "geojson":
        return json.dumps(geojson(records), ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _table(CSV_COLUMNS, (_flat(r) for r in records))
    if fmt == "acled":
        return _table(ACLED_COLUMNS, (acled_row(r) for r in records))
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A text cell a spreadsheet would take for a formula, quoted as text (see above)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _table(columns: list[str], rows: Iterable[dict]) -> str:
    out = io.StringIO()
    # RFC 4180's CRLF line ends: with "\n" alone, csv leaves a cell holding a bare "\r"
    # unquoted, and every reader splits the row there
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _flat(record: dict) -> dict:
    """JSON-valued fields as compact JSON strings, so one incident is one CSV row."""
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
        for k, v in record.items()
    }


def geojson(records: list[dict]) -> dict:
    """Points for the incidents that have coordinates."""
    features = []
    for r in records:
        if r.get("latitude") is None or r.get("longitude") is None:
            continue
        properties = {k: v for k, v in r.items() if k not in ("latitude", "longitude", "evidence")}
        features.append(
            {
                "type": "Feature",
                "id": r["id"],
                "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _actor_names(record: dict, roles: tuple[str, ...]) -> list[str]:
    names = []
    for actor in record.get("actors") or []:
        if actor.get("role") in roles:
            name = actor.get("normalized") or actor.get("text")
            if name and name not in names:
                names.append(name)
    return names


def _acled_date(record: dict) -> str | None:
    """ACLED's reference date for an interval: a week-like period (precision 2) and a month
    (3) are dated at their middle, or at the month's first or last day when only its
    beginning or end is meant ("early November", "late November"); a day is itself.
    Longer or open periods keep their start."""
    start, end = record.get("date_start"), record.get("date_end")
    if not (start and end) or record.get("time_precision") not in (2, 3):
        return start or end
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    if record["time_precision"] == 3 and (a.year, a.month) == (b.year, b.month):
        last = calendar.monthrange(a.year, a.month)[1]
        if a.day == 1 and b.day <= 10:
            return start
        if b.day == last and a.day >= 20:
            return end
    return (a + (b - a) / 2).isoformat()


def acled_row(record: dict) -> dict:
    meta = event_types().get(record["event_type"], {})
    acled_event = meta.get("acled_event", "")
    iso, country = COUNTRIES.get(record.get("country") or "", ("", record.get("country") or ""))
    agents = _actor_names(record, ("agent",))
    targets = _actor_names(record, ("target", "victim"))
    day = _acled_date(record)
    fatalities = sum(
        int(q.get("value") or 0)
        for q in record.get("quantities") or []
        if q.get("kind") == "fatalities"
    )
    # ACLED's time_precision has three codes; Yalu's 4 (year/ongoing) and 0 (unknown) map to 3.
    precision = record.get("time_precision") or 0
    attribution = record.get("attribution") or {}
    return {
        "event_id_cnty": record["id"],
        "event_date": day or "",
        "year": day[:4] if day else "",
        "time_precision": precision if precision in (1, 2, 3) else 3,
        "disorder_type": DISORDER.get(acled_event, ""),
        "event_type": acled_event,
        "sub_event_type": meta.get("acled_sub_event", ""),
        "actor1": agents[0] if agents else "",
        "assoc_actor_1": "; ".join(agents[1:]),
        "actor2": targets[0] if targets else "",
        "assoc_actor_2": "; ".join(targets[1:]),
        "iso": iso,
        "region": "Eastern Asia" if record.get("country") else "",
        "country": country,
        "admin1": record.get("admin1") or "",
        "admin2": record.get("admin2") or "",
        "location": record.get("location_name") or "",
        "latitude": record.get("latitude") if record.get("latitude") is not None else "",
        "longitude": record.get("longitude") if record.get("longitude") is not None else "",
        "geo_precision": record.get("geo_precision") or "",
        "source": "; ".join(filter(None, [record.get("outlet"), attribution.get("text")])),
        "notes": record.get("summary") or "",
        "fatalities": fatalities,
        "tags": record.get("modality") or "",
        "yalu_event_type": record["event_type"],
        "yalu_id": record["id"],
    }
