"""Running a query: one sorted page of matching records with the total count (`search`),
the count alone (`count`), or every match for an export (`iter_records`); for a page's
records, where the search found them (`snippets`) and the outlets that report them."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from .database import DB, Store, connection
from .filters import IncidentQuery
from .postgres import on_postgres
from .records import CHUNK, RECORD_SELECT, decode_rows
from .sql import (
    DEFAULT_SORT,
    Search,
    Where,
    build_where,
    order_by,
    resolve_search,
    search_terms,
    snippet_match,
    source,
)

MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50
WALK = 50_000  # rows of a sort's index a page may look up (about 0.3 s at 1,000,000)


@dataclass
class Page:
    items: list[dict]
    total: int
    page: int
    per_page: int
    sort: str
    order: str
    total_is_estimate: bool = False  # sampled.py: a search's first pages on PostgreSQL

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict:
        return {
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "sort": self.sort,
            "order": self.order,
            "total_is_estimate": self.total_is_estimate,
            "items": self.items,
        }


def page_bounds(page: Any, per_page: Any) -> tuple[int, int]:
    """A page number (1 or more) and a page size (1 to MAX_PER_PAGE) from user input;
    a missing value or one that is not a number gives the first page, the default size."""
    try:
        page = max(1, int(1 if page in (None, "") else page))
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = int(DEFAULT_PER_PAGE if per_page in (None, "") else per_page)
        per_page = min(MAX_PER_PAGE, max(1, per_page))
    except (TypeError, ValueError):
        per_page = DEFAULT_PER_PAGE
    return page, per_page


def _count(conn: sqlite3.Connection, w: Where) -> int:
    return conn.execute("SELECT count(*) FROM incidents i" + w.sql(), w.params).fetchone()[0]


def resolved(db: DB, query: IncidentQuery) -> Search:
    """The query's search resolved to SQL; asked of a `Store`, remembered until the data
    changes (a broad search's list of the articles that do not match took 25 ms at
    12,500 articles, and the count, the page and the facets each want it)."""
    conn = connection(db)
    if isinstance(db, Store) and query.q:
        key = ("search", query.q, query.fts_mode, query.search_in)
        return db.remember(key, lambda: resolve_search(conn, query))
    return resolve_search(conn, query)


def count(db: DB, query: IncidentQuery, found: Search | None = None) -> int:
    """How many incidents match; asked of a `Store`, remembered until the data changes
    (every page of a list has the same count: 9 ms of the 10 of a page at 100,000), and
    counted over the facets' arrays when they are read for this data version
    (facets.matching_count: a search's rows are found once for the count and the facets
    of a list page, and without SQL's incident by incident lookups)."""
    if isinstance(db, Store):
        from .facets import COLUMNS_KEY, matching_count  # facets reads this module's helpers

        store = db
        return store.remember(("count", repr(query)), lambda: (
            matching_count(store, query) if store.remembered(COLUMNS_KEY) is not None
            else _matches(store, query, found)))
    return _matches(db, query, found)


def _matches(db: DB, query: IncidentQuery, found: Search | None) -> int:
    conn = connection(db)
    if found is None:
        found = resolved(db, query)
    if found.kind != "broad":
        return _count(conn, build_where(conn, query, drive=True, found=found))
    # a search matching most articles: all the filtered incidents, less those of the few
    # articles that do not match (unless another source of theirs does)
    rest = replace(query, q=None)
    total = _count(conn, build_where(conn, rest, drive=True, found=Search("none")))
    return total - _count(conn, unmatched(conn, rest, found))


def unmatched(conn: sqlite3.Connection, rest: IncidentQuery, found: Search) -> Where:
    """For a broad search: the rows of the query without its search (`rest`) that the
    search leaves out, those of the few articles that do not match (unless another
    source of theirs does)."""
    w = build_where(conn, rest, drive=True, found=Search("none"), lead=True)
    w.clauses.append("i.article_id IN (SELECT value FROM json_each(?))")
    w.params.append(json.dumps(found.not_matching))
    if found.extra:
        w.clauses.append("i.id NOT IN (SELECT value FROM json_each(?))")
        w.params.append(json.dumps(found.extra))
    return w


def _ordered_ids(conn: sqlite3.Connection, query: IncidentQuery, sort: str, order_sql: str,
                 limit: int | None = None, offset: int = 0,
                 found: Search | None = None, *, sparse: bool = False) -> list[str]:
    """The ids of one page, in order: sorting carries (key, id) pairs, not whole rows."""
    # the default date sort reads the covering index in order and stops at the page; so
    # does any other sort, off its own index (store migration 12), unless the matches are
    # `sparse` there (or all are wanted): then they are found first and sorted, as a
    # walk of that index would look up nearly every incident to find them
    w = build_where(conn, query, drive=sort != DEFAULT_SORT, found=found)
    if sort != DEFAULT_SORT and not sparse:  # not the browse index's live part: the sort's
        w.clauses = ["+i.merged_into IS NULL" if c == "i.merged_into IS NULL" else c for c in w.clauses]
    sql = f"SELECT i.id FROM {source(sort)}{w.sql()} ORDER BY {order_sql}"
    if sort != DEFAULT_SORT and (limit is None or sparse):
        sql = (f"WITH m AS MATERIALIZED (SELECT i.rowid AS r FROM incidents i{w.sql()}) "
               f"SELECT i.id FROM {source(sort, few=True)} WHERE i.rowid IN (SELECT r FROM m) "
               f"ORDER BY {order_sql}")
    params = list(w.params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [r[0] for r in conn.execute(sql, params)]


def _fetch(conn: sqlite3.Connection, ids: list[str], *, details: bool) -> list[dict]:
    rows: dict[str, sqlite3.Row] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for row in conn.execute(
            RECORD_SELECT + f" WHERE i.id IN ({','.join('?' * len(chunk))})", chunk
        ):
            rows[row["id"]] = row
    return decode_rows(conn, [rows[i] for i in ids if i in rows], details=details)


def search(
    db: DB,
    query: IncidentQuery | None = None,
    *,
    sort: str | None = None,
    order: str | None = None,
    page: int = 1,
    per_page: int = DEFAULT_PER_PAGE,
    details: bool = True,
) -> Page:
    """One page of matching records and the total count. `details=False` skips the
    sources/evidence lists (the list page does not show them)."""
    conn = connection(db)
    query = query or IncidentQuery()
    page, per_page = page_bounds(page, per_page)
    order_sql, sort, order = order_by(sort, order)
    ids = None
    if isinstance(db, Store):  # a search not found yet, on PostgreSQL (sampled.py)
        from .sampled import sampled_page

        sampled = sampled_page(db, query, sort, order_sql, per_page, (page - 1) * per_page)
        if sampled is not None:
            ids, total, estimate = sampled
            return Page(items=_fetch(conn, ids, details=details), total=total, page=page,
                        per_page=per_page, sort=sort, order=order, total_is_estimate=estimate)
    total = count(db, query)  # the arrays' count resolves no search (facets._sql_matches)
    if isinstance(db, Store):  # few matches, over the facets' arrays (subset.py)
        from .subset import page_ids

        ids = page_ids(db, query, sort, order_sql, per_page, (page - 1) * per_page)
    if ids is None:
        # a sort's index is walked row by row until the page is full, about (offset +
        # per_page) x incidents / matches rows; more than WALK: the matches are found first
        offset = (page - 1) * per_page
        incidents = conn.execute("SELECT coalesce(max(rowid), 0) FROM incidents").fetchone()[0]
        sparse = (offset + per_page) * incidents > WALK * max(total, 1)
        ids = _ordered_ids(conn, query, sort, order_sql, per_page, offset, resolved(db, query), sparse=sparse)
    items = _fetch(conn, ids, details=details)
    return Page(items=items, total=total, page=page, per_page=per_page, sort=sort, order=order)


def iter_records(
    db: DB, query: IncidentQuery | None = None, *, sort: str | None = None,
    order: str | None = None, batch: int = 1000,
) -> Iterator[dict]:
    """Every matching record, with sources and evidence (for exports)."""
    conn = connection(db)
    query = query or IncidentQuery()
    order_sql, sort, order = order_by(sort, order)
    ids = _ordered_ids(conn, query, sort, order_sql)
    for start in range(0, len(ids), batch):
        yield from _fetch(conn, ids[start:start + batch], details=True)


def records(db: DB, query: IncidentQuery | None = None, **kwargs: Any) -> list[dict]:
    return list(iter_records(db, query, **kwargs))


# a hit in a snippet is marked by these two characters, which article text never holds
# (the page turns them into <mark> after escaping the text)
HIT_START, HIT_END = "\x02", "\x03"
SNIPPET_WORDS = 18  # words of article text around the hit


def snippets(db: DB, query: IncidentQuery, ids: list[str]) -> dict[str, str]:
    """For each incident of a page, where the search found it, its hits between HIT_START
    and HIT_END: the best passage of a matching source article (FTS5 snippet), or the
    first evidence sentence holding every word (search_in=evidence)."""
    conn = connection(db)
    if not query.q or not ids:
        return {}
    marks = ",".join("?" * len(ids))
    terms = search_terms(query.q)
    if query.search_in == "evidence":
        hit = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None
        found: dict[str, str] = {}
        for incident, text in conn.execute(
            f"SELECT incident_id, text FROM evidence WHERE incident_id IN ({marks}) "
            "ORDER BY incident_id, start", ids,
        ):
            if hit is None or incident in found or not text:
                continue
            if all(t.lower() in text.lower() for t in terms):
                found[incident] = hit.sub(lambda m: HIT_START + m.group(0) + HIT_END, text)
        return found
    index = snippet_match(conn, query)
    if index is None:
        return {}
    table, match = index
    sources: dict[int, list[str]] = {}
    for incident, rowid in conn.execute(
        f"SELECT s.incident_id, a.rowid FROM incident_sources s JOIN articles a "
        f"ON a.id = s.article_id WHERE s.incident_id IN ({marks})", ids,
    ):
        sources.setdefault(rowid, []).append(incident)
    found = {}
    # the page's articles only (a snippet of each of a broad search's matches took 0.4 s)
    for rowid, text in conn.execute(*_snippet_sql(conn, table, match, list(sources))):
        text = text.replace(_LT, "<")
        for incident in sources[rowid]:
            found.setdefault(incident, text)
    return found


_LT = "\ue000"  # a private-use character standing for "<" (see _snippet_sql)


def _snippet_sql(conn: sqlite3.Connection, table: str, match: str, rowids: list[int]) -> tuple[str, list]:
    """The passage of each of these articles that best matches in the full-text table:
    FTS5's snippet(), or on PostgreSQL ts_headline() of the text (one fragment, no
    ellipses; only the word index marks hits there, see sql.substring_rows)."""
    if on_postgres(conn):
        # ts_headline drops what looks like an HTML tag: the text's "<" is hidden from it
        options = (f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords={SNIPPET_WORDS}, "
                   f"MinWords={SNIPPET_WORDS // 3}, ShortWord=0, MaxFragments=1")
        return ("SELECT rowid, ts_headline('simple', replace(text, '<', ?), to_tsquery('simple', ?), ?) "
                "FROM articles_fts WHERE articles_fts MATCH ? AND rowid::text IN (SELECT value FROM json_each(?))",
                [_LT, match, options, match, json.dumps(rowids)])
    return (f"SELECT rowid, snippet({table}, -1, ?, ?, '…', ?) FROM {table} "
            f"WHERE {table} MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
            [HIT_START, HIT_END, SNIPPET_WORDS, match, json.dumps(rowids)])


def source_outlets(db: DB, ids: list[str]) -> dict[str, list[str]]:
    """The outlets of each incident's source articles (a record several outlets report
    has more than one)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    found: dict[str, list[str]] = {}
    for incident, outlet in connection(db).execute(
        "SELECT DISTINCT s.incident_id, a.outlet FROM incident_sources s "
        f"JOIN articles a ON a.id = s.article_id WHERE s.incident_id IN ({marks}) "
        "AND a.outlet IS NOT NULL ORDER BY s.incident_id, a.outlet", ids,
    ):
        found.setdefault(incident, []).append(outlet)
    return found
