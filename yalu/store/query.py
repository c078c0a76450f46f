"""The one incident query: used by the web pages, the JSON API, the CLI and the exports.

`IncidentQuery` holds the filters (category, event type, province, county, date range,
outlet, modality, review status, minimum confidence, full-text search over the articles);
`search()` runs it with sorting and pagination and returns the page and the total count;
`iter_records()` yields every matching record for an export.

Records are dicts: the incidents row with its JSON columns (actors, quantities,
attribution, corroboration, episode) decoded, the source article's outlet, url, title and
published date, and the lists `sources` (article ids) and `evidence` (each with the ids
of the rules that made it).

This module gathers the parts, one module each: filters.py (what a query asks for),
sql.py (the query in SQL, full-text search made safe), search.py (pages and counts),
records.py (records read back), aggregates.py (timeline, map, filter values) and
facets.py (facet counts).
"""

from __future__ import annotations

from .aggregates import facets, map_json, map_points, weekly_counts
from .facets import FACETS, facet_counts
from .filters import DATED, MODALITIES, NO_OUTLET, SEARCH_IN, IncidentQuery, QueryError, event_types, parse_day
from .records import article, audit_trail, get, merged_from, related
from .search import (
    DEFAULT_PER_PAGE,
    HIT_END,
    HIT_START,
    MAX_PER_PAGE,
    Page,
    count,
    iter_records,
    page_bounds,
    records,
    search,
    snippets,
    source_outlets,
)
from .sql import DEFAULT_SORT, SORTS, fts_phrase_query, has_browse_index

__all__ = [
    "DATED", "DEFAULT_PER_PAGE", "DEFAULT_SORT", "FACETS", "HIT_END", "HIT_START",
    "MAX_PER_PAGE", "MODALITIES", "NO_OUTLET", "SEARCH_IN", "SORTS", "IncidentQuery", "Page",
    "QueryError", "article", "audit_trail", "count", "event_types", "facet_counts",
    "facets", "fts_phrase_query", "get", "has_browse_index", "iter_records", "map_json", "map_points",
    "merged_from", "page_bounds", "parse_day", "records", "related", "search", "snippets",
    "source_outlets", "weekly_counts",
]
