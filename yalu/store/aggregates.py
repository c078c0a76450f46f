"""Aggregates over a query: counts per week and category (the timeline), located
incidents as GeoJSON points (the map), and the values the filters offer (facets).

The timeline reads every matching incident: asked of a `Store`, its answer is remembered
until the data changes (`Store.remember`, keyed by the query and the data version), so
the views many analysts open are computed once per change (the facet counts: facets.py). The map's answer is
megabytes: the web API remembers it encoded (yalu.serve.api); its query reads the
covering index of store migration 5 alone."""

from __future__ import annotations

import json
from datetime import date, timedelta

from ..ontology import categories
from .database import DB, Store, connection
from .filters import MODALITIES, NO_OUTLET, REVIEW_STATUSES, IncidentQuery, event_types
from .postgres import on_postgres
from .search import count, resolved
from .sql import DATED_SQL, build_where


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
        return db.remember(("weekly_counts", repr(query)), lambda: _weekly_counts(db, query))
    return _weekly_counts(db, query)


def _weekly_counts(db: DB, query: IncidentQuery) -> dict:
    conn = connection(db)
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
    undated = count(db, query) - charted - coarse  # a Store's count is the list's, remembered
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


# one GeoJSON feature, written by SQLite: encoding 10,000 points in Python held the
# interpreter for ~60 ms, while SQLite's JSON functions run without it (sqlite3 lets go
# of the GIL while a statement steps), so other requests go on meanwhile
FEATURE_COLUMNS = ("id", "latitude", "longitude", "category", "event_type", "date_start",
                   "summary", "location_name", "review_status")
FEATURE_JSON = (
    "json_object('type','Feature','geometry',json_object('type','Point','coordinates',"
    "json_array(longitude,latitude)),'properties',json_object('id',id,'category',category,"
    "'event_type',event_type,'date',date_start,'summary',summary,'location',location_name,"
    "'review_status',review_status))"
)


def _features_json(conn: object) -> str:
    """The features as one JSON array of text: SQLite's JSON functions, or PostgreSQL's
    (json_agg keeps the subquery's order only when told)."""
    if not on_postgres(conn):
        return f"coalesce(json_group_array({FEATURE_JSON}), '[]')"
    feature = FEATURE_JSON.replace("json_object(", "json_build_object(").replace("json_array(", "json_build_array(")
    return f"coalesce(json_agg({feature} ORDER BY date_start DESC NULLS LAST, id DESC)::text, '[]')"


def map_json(db: DB, query: IncidentQuery | None = None, limit: int | None = None) -> str:
    """`map_points` as JSON text (what the web API sends)."""
    conn = connection(db)
    query = query or IncidentQuery()
    found = resolved(db, query)
    w = build_where(conn, query, drive=True, found=found)
    located = w.clauses + ["i.latitude IS NOT NULL", "i.longitude IS NOT NULL"]
    # newest first: the subquery's order is the aggregate's (an ORDER BY subquery under
    # an aggregate is not flattened; tests/web/test_query.py checks the order)
    sql = (f"SELECT {', '.join('i.' + c for c in FEATURE_COLUMNS)} FROM incidents i WHERE "
           + " AND ".join(located)
           + " ORDER BY i.date_start DESC, i.id DESC")
    if limit:
        sql += f" LIMIT {int(limit)}"
    features, shown = conn.execute(
        f"SELECT {_features_json(conn)}, count(*) FROM ({sql}) AS located", w.params
    ).fetchone()
    total = count(db, query, found)  # a Store's count is the list's, remembered
    located_total = shown
    if limit and shown >= limit:
        located_total = conn.execute(
            "SELECT count(*) FROM incidents i WHERE " + " AND ".join(located), w.params
        ).fetchone()[0]
    tail = json.dumps({"total": total, "located": located_total,
                       "unlocated": total - located_total, "truncated": shown < located_total})
    return '{"type":"FeatureCollection","features":' + features + "," + tail[1:]


def map_points(db: DB, query: IncidentQuery | None = None, limit: int | None = None) -> dict:
    """A GeoJSON FeatureCollection of the matching incidents that have coordinates
    (newest first, at most `limit`), with the few properties a marker popup shows, and
    the counts: `total` matches, `located`, `unlocated`, `truncated` (by the limit)."""
    return json.loads(map_json(db, query, limit))


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
            "SELECT DISTINCT outlet FROM articles WHERE outlet != '' ORDER BY outlet"
        )
    ]
    if conn.execute("SELECT 1 FROM articles WHERE coalesce(outlet, '') = '' LIMIT 1").fetchone():
        outlets.append(NO_OUTLET)  # records whose article names none can be chosen too
    return {
        "categories": categories(),
        "event_types": event_types(),
        "provinces": provinces,
        "outlets": outlets,
        "modalities": list(MODALITIES),
        "review_statuses": list(REVIEW_STATUSES),
    }
