"""Exports: CSV, JSON, GeoJSON, Parquet and an ACLED-shaped table (yalu/acled.py).

`render(records, fmt)` takes incident records as the store returns them (dicts
with JSON columns decoded) and returns the file's text; `parquet(records, path)` writes
the Parquet file.

The CSV is one row per incident with the article's title, published date, outlet and
url and the first evidence sentence; lists are `;`-joined text, so a spreadsheet needs
no JSON. The two CSV tables escape formulas as OWASP advises against CSV injection: a
text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
`'`, so a spreadsheet shows it as text instead of running it. Numbers are written as
numbers and never escaped (a negative longitude stays `-0.5`); a text that merely looks
like a negative number ("-5") is escaped like any other text.

GeoJSON holds every record: one without coordinates has a null geometry (RFC 7946 3.2).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

from .acled import acled_row, columns

FORMATS = ("csv", "json", "geojson", "acled", "parquet")
TEXT_FORMATS = FORMATS[:-1]

# The flat columns of the CSV export, in ontology.md's order, then the source article's.
CSV_COLUMNS = [
    "id", "event_type", "category", "summary", "date_start", "date_end", "time_precision",
    "date_expression", "episode", "country", "admin1", "admin1_code", "admin2", "location_name",
    "latitude", "longitude", "geo_precision", "actors", "quantities", "modality",
    "attribution", "corroboration", "sources", "confidence", "review_status",
    "title", "published", "outlet", "url", "evidence",
]
ACLED_COLUMNS = columns()
LIST_SEPARATOR = "; "


def render(records: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "geojson":
        return json.dumps(geojson(records), ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _table(CSV_COLUMNS, (flat(r) for r in records))
    if fmt == "acled":
        return _table(ACLED_COLUMNS, (acled_row(r) for r in records))
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(TEXT_FORMATS)}; parquet is written to a file)")


def parquet(records: list[dict], path: str | Path) -> None:
    """The CSV's columns as a Parquet file: numbers typed, dates as ISO text, lists as `;`-text."""
    import pyarrow as pa  # only Parquet needs it
    import pyarrow.parquet as pq

    numbers = {"latitude": pa.float64(), "longitude": pa.float64(), "confidence": pa.float64(),
               "time_precision": pa.int64(), "geo_precision": pa.int64()}
    schema = pa.schema([(c, numbers.get(c, pa.string())) for c in CSV_COLUMNS])
    rows = [flat(r) for r in records]
    pq.write_table(pa.Table.from_pylist([{c: row.get(c) for c in CSV_COLUMNS} for row in rows], schema=schema), str(path))


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


def _actor(actor: dict) -> str:
    return f"{actor.get('normalized') or actor.get('text')} ({actor.get('role')})"


def _quantity(quantity: dict) -> str:
    return " ".join(str(v) for v in (quantity.get("kind"), quantity.get("value"), quantity.get("unit")) if v not in (None, ""))


def flat(record: dict) -> dict:
    """One incident as one row of text and numbers: lists `;`-joined, the attribution its
    words and kind, the episode its first and last day, the first evidence sentence."""
    attribution = record.get("attribution") or {}
    episode = record.get("episode") or {}
    evidence = record.get("evidence") or []
    return {
        **record,
        "actors": LIST_SEPARATOR.join(_actor(a) for a in record.get("actors") or []),
        "quantities": LIST_SEPARATOR.join(_quantity(q) for q in record.get("quantities") or []),
        "attribution": " ".join(filter(None, [attribution.get("text"), f"({attribution['kind']})" if attribution.get("kind") else ""])),
        "corroboration": LIST_SEPARATOR.join(record.get("corroboration") or []),
        "sources": LIST_SEPARATOR.join(record.get("sources") or []),
        "episode": "/".join(filter(None, [episode.get("date_start"), episode.get("date_end")])),
        "evidence": (evidence[0].get("text") or "").strip() if evidence else "",
    }


def geojson(records: list[dict]) -> dict:
    """Every incident a Feature: a Point where it has coordinates, else a null geometry."""
    features = []
    for r in records:
        placed = r.get("latitude") is not None and r.get("longitude") is not None
        properties = {k: v for k, v in r.items() if k not in ("latitude", "longitude", "evidence")}
        features.append(
            {
                "type": "Feature",
                "id": r["id"],
                "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]} if placed else None,
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}
