"""Aggregates over a query: counts per week and category (the timeline), located
incidents as GeoJSON points (the map), and the values the filters offer (facets).

The timeline reads every matching incident: asked of a `Store`, its answer is remembered
until the data changes (`Store.remember`, keyed by the query and the data version), so
the views many analysts open are computed once per change; so are the facet counts. The map's answer is
megabytes: the web API remembers it encoded (yalu.serve.api); its query reads the
covering index of store migration 5 alone."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from ..ontology import categories
from .database import DB, Store, connection
from .filters import MODALITIES, REVIEW_STATUSES, IncidentQuery, event_types
from .search import count
from .sql import DATED_SQL, build_where, resolve_search


def weekly_counts(db: DB, query: IncidentQuery | None = None) -> dict:
    """Incident counts per ISO week (Monday) of date_start, by category, for the query
    (an answer shared with other callers: not to be changed).

    Only incidents dated to within a week (`dated=week`: a day, or a period of at most
    seven days) are counted: a record known only to the month or the year ("in 2020",
    "since October") does not belong to any one week, and putting it in the week its
    period starts would show a spike that never happened. Those are counted in `coarse`,
    records without any date in `undated`."""
    query = query or IncidentQuery()
    if isinstance(db, Store):
        return db.remember(("weekly_counts", repr(query)), lambda: _weekly_counts(db.conn, query))
    return _weekly_counts(db, query)


def _weekly_counts(conn: sqlite3.Connection, query: IncidentQuery) -> dict:
    w = build_where(conn, query, drive=True)
    week = "date(coalesce(i.date_start, i.date_end), 'weekday 0', '-6 days')"
    where = w.clauses + [DATED_SQL["week"]]
    sql = (f"SELECT {week} AS week, i.category, count(*) FROM incidents i WHERE "
           + " AND ".join(where) + " GROUP BY week, i.category")
    cells: dict[tuple[str, str], int] = {}
    cats: list[str] = []
    for wk, cat, n in conn.execute(sql, w.params):
        if wk is None:
            continue
        cells[(wk, cat)] = n
        if cat not in cats:
            cats.append(cat)
    order = categories()
    cats.sort(key=lambda c: (order.index(c) if c in order else len(order), c))
    if query.dated in (None, "yes", "coarse"):
        coarse = conn.execute(
            "SELECT count(*) FROM incidents i WHERE "
            + " AND ".join(w.clauses + [DATED_SQL["coarse"]]), w.params
        ).fetchone()[0]
    else:
        coarse = 0
    charted = sum(cells.values())
    undated = count(conn, query) - charted - coarse
    if not cells:
        return {"weeks": [], "series": {}, "total": 0, "coarse": coarse, "undated": undated}
    first = date.fromisoformat(min(w for w, _ in cells))
    last = date.fromisoformat(max(w for w, _ in cells))
    weeks: list[str] = []
    day = first
    while day <= last and len(weeks) < 5300:  # a century of weeks at most
        weeks.append(day.isoformat())
        day += timedelta(days=7)
    series = {c: [cells.get((w, c), 0) for w in weeks] for c in cats}
    return {"weeks": weeks, "series": series, "total": charted, "coarse": coarse,
            "undated": undated}


def map_points(db: DB, query: IncidentQuery | None = None, limit: int | None = None) -> dict:
    """A GeoJSON FeatureCollection of the matching incidents that have coordinates,
    with the few properties a marker popup shows."""
    conn = connection(db)
    query = query or IncidentQuery()
    w = build_where(conn, query, drive=True)
    located = w.clauses + ["i.latitude IS NOT NULL", "i.longitude IS NOT NULL"]
    sql = (
        "SELECT i.id, i.latitude, i.longitude, i.category, i.event_type, i.date_start, "
        "i.summary, i.location_name, i.review_status FROM incidents i WHERE "
        + " AND ".join(located) + " ORDER BY i.date_start DESC, i.id DESC"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    features = []
    for row in conn.execute(sql, w.params):
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row[2], row[1]]},
            "properties": {
                "id": row[0], "category": row[3], "event_type": row[4], "date": row[5],
                "summary": row[6], "location": row[7], "review_status": row[8],
            },
        })
    total = count(conn, query)
    located_total = len(features)
    if limit and len(features) >= limit:
        located_total = conn.execute(
            "SELECT count(*) FROM incidents i WHERE " + " AND ".join(located), w.params
        ).fetchone()[0]
    return {
        "type": "FeatureCollection",
        "features": features,
        "total": total,
        "located": located_total,
        "unlocated": total - located_total,
        "truncated": len(features) < located_total,
    }


# facet -> (the value counted, a label for it, the query's own filter on it). A facet
# counts the query without its own filter, so a value not chosen yet shows what choosing
# it as well would add (the filters match any of their values).
FACETS: dict[str, tuple[str, str | None, str | None]] = {
    "event_type": ("i.event_type", None, "event_type"),
    "admin1": ("i.admin1_code", "min(i.admin1)", "admin1"),
    "outlet": ("a.outlet", None, "outlet"),
    "modality": ("i.modality", None, "modality"),
    "review_status": ("i.review_status", None, "review_status"),
    # the month an incident starts in, within the query's dates
    "month": ("substr(coalesce(i.date_start, i.date_end), 1, 7)", None, None),
}
FACET_VALUES = 30  # values per facet, the most frequent (months: the latest)


def facet_counts(db: DB, query: IncidentQuery | None = None) -> dict[str, list[dict]]:
    """For each facet, its values among the query's matches, most frequent first
    (months: newest first), each `{"value", "count"}` (provinces with a `label`).
    Asked of a `Store`, remembered until the data changes."""
    query = query or IncidentQuery()
    if isinstance(db, Store):
        return db.remember(("facet_counts", repr(query)),
                           lambda: _facet_counts(db.conn, query))
    return _facet_counts(connection(db), query)


def _facet_counts(conn: sqlite3.Connection, query: IncidentQuery) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    found = resolve_search(conn, query)
    for name, (value, label, own) in FACETS.items():
        own_values: dict[str, Any] = {own: []} if own else {}
        asked = replace(query, **own_values)
        w = build_where(conn, asked, drive=True, found=found)
        source = "incidents i"
        if name == "outlet":
            source += " JOIN articles a ON a.id = i.article_id"
        order = "1 DESC" if name == "month" else "count(*) DESC, 1"
        sql = (f"SELECT {value}, {label or 'NULL'}, count(*) FROM {source}{w.sql()}"
               f" GROUP BY 1 HAVING {value} IS NOT NULL ORDER BY {order} LIMIT {FACET_VALUES}")
        rows = conn.execute(sql, w.params).fetchall()
        out[name] = [{"value": v, "count": n, **({"label": lab or v} if label else {})}
                     for v, lab, n in rows]
    return out


def facets(db: DB) -> dict:
    """Values for the filter drop-downs: provinces (with their country), outlets, review
    statuses seen."""
    conn = connection(db)
    provinces = []
    for (code,) in conn.execute(
        "SELECT DISTINCT admin1_code FROM incidents WHERE admin1_code IS NOT NULL"
    ).fetchall():
        row = conn.execute(
            "SELECT admin1 FROM incidents WHERE admin1_code = ? AND admin1 IS NOT NULL LIMIT 1",
            (code,),
        ).fetchone()
        provinces.append({"code": code, "name": row[0] if row else code,
                          "country": code.split("-")[0]})
    provinces.sort(key=lambda p: (p["name"] or "").lower())
    outlets = [
        r[0] for r in conn.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
        )
    ]
    return {
        "categories": categories(),
        "event_types": event_types(),
        "provinces": provinces,
        "outlets": outlets,
        "modalities": list(MODALITIES),
        "review_statuses": list(REVIEW_STATUSES),
    }
