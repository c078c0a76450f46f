"""Facet counts, like datasette's: for event type, province, outlet, modality, review
status and month, the most frequent values among a query's matches.

A facet counts the query without its own filter, so a value not chosen yet shows what
choosing it as well would add (the list filters match any of their values). That is
one count per facet of a different set; six GROUP BY scans of 100,000 rows took half a
second. So the columns the facets and the simple filters read are held in memory as
arrays, once per data version (`Store.remember`), and only what those arrays cannot
answer (a search, dated, located, article, merged) is asked of SQL, as the set of
matching rows, remembered per such query. The list filters, dates and confidence are
then masks over the arrays; tests/web/test_facets.py checks every count against
`count()` of the same query in SQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from .database import DB, Store, connection
from .filters import NO_OUTLET, IncidentQuery
from .search import resolved, unmatched
from .sql import Search, Where, admin1_terms, admin2_terms, articles_search, build_where

FACETS = ("event_type", "admin1", "outlet", "modality", "review_status", "month")
COLUMNS_KEY = ("facet_columns",)  # the arrays' key in Store.remember
FACET_VALUES = 30  # values per facet, the most frequent (months: the latest)
FEW_CODES = 4  # a list filter of up to this many values is compared code by code (Column.isin)
# the list filters the arrays answer: the facets' own and the category
_LISTS = ("category", "event_type", "admin1", "outlet", "modality", "review_status")
_NOT_IN_SQL: dict[str, Any] = {**dict.fromkeys(_LISTS, []), "admin2": [], "date_from": None, "date_to": None,
                               "min_confidence": None, "include_rejected": True}


@dataclass
class Column:
    """One text column as codes into its distinct values ("" for NULL)."""

    codes: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, texts: list[str]) -> Column:
        index: dict[str, int] = {}  # a dict, not np.unique: a fifth of the time
        codes = np.fromiter((index.setdefault(t, len(index)) for t in texts), dtype=np.int32,
                            count=len(texts))
        return cls(codes, np.array(list(index), dtype=str))

    def isin(self, wanted: list[str]) -> np.ndarray:
        # per value, then per row: a few values as comparisons of the codes (0.7 ms each at
        # 1,000,000 rows), more looked up in the values' table (np.take: 8-17 ms, and
        # np.isin of the codes 5 ms, on a loaded machine)
        chosen = np.flatnonzero(np.isin(self.values, wanted))
        if len(chosen) > FEW_CODES:
            table = np.zeros(len(self.values), dtype=bool)
            table[chosen] = True
            return np.take(table, self.codes)
        found = np.zeros(len(self.codes), dtype=bool)
        for code in chosen:
            found |= self.codes == code
        return found


@dataclass
class Columns:
    rowids: np.ndarray  # ascending
    text: dict[str, Column]  # the list filters, "admin1_name", "admin2_name" (lower case), "month"
    start: np.ndarray  # coalesce(date_start, date_end), b"" when undated (ISO text compares)
    # every distinct start and end (coalesce(date_end, date_start)), sorted, and each row's
    # place among them (int32): a date filter compares ranks (1 ms at 1,000,000 rows), not
    # the bytes (13-38 ms); the ends' bytes are not kept, only their ranks
    days: np.ndarray
    start_rank: np.ndarray
    end_rank: np.ndarray
    confidence: np.ndarray  # NaN when NULL
    province_names: dict[str, str]  # admin1_code -> a name stored with it
    merged: np.ndarray  # merged into another record
    no_start: np.ndarray  # date_start is NULL (`start` holds the end then): last in the date order
    # every (row, source article's rowid) pair: the incidents of the articles a search finds
    sources: tuple[np.ndarray, np.ndarray]
    # the list's orders over these rows (subset.py), read once for them: kept here, not
    # in Store.remember, whose other answers pushed them out (2-7 s to read again)
    orders: dict[str, np.ndarray] = field(default_factory=dict)
    # the rows grouped by "month" code, and each code's live rows (subset._months)
    by_month: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    # `sources` grouped by row: where each row's pairs start (one more: the end), and their
    # articles (sampled._matching)
    by_row: tuple[np.ndarray, np.ndarray] | None = None
    # the rows not rejected (_not_rejected: every query without include_rejected asks)
    not_rejected: np.ndarray | None = None


def _columns(conn: sqlite3.Connection) -> Columns:
    """Every incident's facet and simple-filter columns (merged and rejected ones too:
    the masks decide), in rowid order."""
    rows = conn.execute(
        "SELECT i.rowid, i.category, i.event_type, i.admin1_code, i.admin1, a.outlet, i.modality, "
        "i.review_status, coalesce(i.date_start, i.date_end), coalesce(i.date_end, i.date_start), "
        "i.confidence, i.merged_into IS NOT NULL, i.admin2, i.date_start IS NULL FROM incidents i "
        "LEFT JOIN articles a ON a.id = i.article_id ORDER BY i.rowid"
    ).fetchall()
    cols = list(zip(*rows)) if rows else [()] * 14
    rowids = np.array(cols[0], dtype=np.int64)
    pairs = conn.execute(
        "SELECT i.rowid, a.rowid FROM incident_sources s JOIN incidents i ON i.id = s.incident_id "
        "JOIN articles a ON a.id = s.article_id").fetchall()
    pair_cols = list(zip(*pairs)) if pairs else [(), ()]
    text = [[v or "" for v in col] for col in cols[1:10]]
    start, end = np.array(text[7], dtype=bytes), np.array(text[8], dtype=bytes)
    days = np.unique(np.concatenate([start, end]))
    names: dict[str, str] = {}
    for code, name in zip(text[2], text[3], strict=True):
        if code and name and (code not in names or name < names[code]):
            names[code] = name
    return Columns(
        rowids=rowids,
        text={
            "category": Column.of(text[0]), "event_type": Column.of(text[1]),
            "admin1": Column.of(text[2]), "admin1_name": Column.of([t.lower() for t in text[3]]),
            "outlet": Column.of(text[4]), "modality": Column.of(text[5]),
            "review_status": Column.of(text[6]), "month": Column.of([t[:7] for t in text[7]]),
            "admin2_name": Column.of([(t or "").lower() for t in cols[12]]),
        },
        # ISO dates as bytes: a quarter of the memory of str, and they compare the same
        start=start, days=days,
        start_rank=np.searchsorted(days, start).astype(np.int32),
        end_rank=np.searchsorted(days, end).astype(np.int32),
        confidence=np.array([np.nan if c is None else c for c in cols[10]], dtype=float),
        province_names=names,
        merged=np.array(cols[11], dtype=bool),
        no_start=np.array(cols[13], dtype=bool),
        sources=(np.searchsorted(rowids, np.array(pair_cols[0], dtype=np.int64)),
                 np.array(pair_cols[1], dtype=np.int64)),
    )


Remember = Callable[[Hashable, Callable[[], np.ndarray]], np.ndarray]


def _sql_matches(db: DB, columns: Columns, query: IncidentQuery,
                 remember: Remember) -> np.ndarray:
    """The rows SQL finds for the parts of the query the arrays do not hold."""
    conn = connection(db)
    asked = replace(query, **_NOT_IN_SQL)
    if asked.q and _search_alone(asked):
        # a search of the articles and nothing else SQL must answer: the index's matching
        # articles, then their incidents from the arrays (20,000 incidents looked up one
        # by one took 45-75 ms at 100,000), a broad search's as a narrow one's (resolving
        # it as broad took 1.2-1.5 s at 1,000,000 incidents on PostgreSQL)
        searched = articles_search(conn, asked)
        if searched.match:
            return remember(("facet_rows", repr(asked)),
                            lambda: _searched(conn, columns, searched) & ~columns.merged)
    found = resolved(db, asked)
    if found.kind != "broad":
        return remember(("facet_rows", repr(asked)), lambda: _rows(
            conn, columns, build_where(conn, asked, drive=True, found=found)))
    # a search matching most articles (as count() does): the rows of the rest of the
    # query (remembered: searches share it), less those of the few articles that do not
    # match, unless another source of theirs does
    rest = replace(asked, q=None)
    every = remember(("facet_rows", repr(rest)), lambda: _rows(
        conn, columns, build_where(conn, rest, drive=True, found=Search("none"))))
    return every & ~_rows(conn, columns, unmatched(conn, rest, found))


def _search_alone(asked: IncidentQuery) -> bool:
    return (asked.search_in == "articles"
            and replace(asked, q=None, fts_mode="simple") == replace(IncidentQuery(), **_NOT_IN_SQL))


def _searched(conn: sqlite3.Connection, columns: Columns, found: Search) -> np.ndarray:
    """The rows of the incidents that an article the search finds (its rowid SQL: the word
    index, or the trigram index for Hangul) is a source of."""
    # one text, not a row per article (100,000 articles' rows: 0.4 s on PostgreSQL)
    hits = _ints(conn.execute(f"SELECT group_concat(rowid) FROM ({found.rows}) AS hits",
                              found.params).fetchone()[0])
    rows, articles = columns.sources
    # a table of the articles, not np.isin (which sorts the 1,000,000 pairs)
    hit = np.zeros(int(articles.max()) + 1 if len(articles) else 0, dtype=bool)
    hit[hits[hits < len(hit)]] = True
    mask = np.zeros(len(columns.rowids), dtype=bool)
    mask[rows[hit[articles]]] = True
    return mask


def _ints(text: str | None) -> np.ndarray:
    """group_concat's integers."""
    return np.array(text.split(","), dtype=np.int64) if text else np.zeros(0, np.int64)


def _rows(conn: sqlite3.Connection, columns: Columns, w: Where) -> np.ndarray:
    """The rows a WHERE clause selects, as a mask over the columns."""
    text = conn.execute("SELECT group_concat(i.rowid) FROM incidents i" + w.sql(),
                        w.params).fetchone()[0]
    found = _ints(text)
    mask = np.zeros(len(columns.rowids), dtype=bool)
    if len(columns.rowids):
        at = np.searchsorted(columns.rowids, found).clip(0, len(columns.rowids) - 1)
        mask[at[columns.rowids[at] == found]] = True  # not a row added since the arrays
    return mask


def _selections(columns: Columns, query: IncidentQuery) -> dict[str, np.ndarray]:
    """Each list filter of the query as a mask (the dates and confidence under "other")."""
    out = {}
    for name in _LISTS:
        wanted = getattr(query, name)
        if not wanted:
            continue
        if name == "admin1":
            codes, names = admin1_terms(wanted)
            out[name] = (columns.text["admin1"].isin(codes)
                         | columns.text["admin1_name"].isin([n.lower() for n in names]))
        else:  # a record without an outlet holds "" in the arrays
            out[name] = columns.text[name].isin(["" if w == NO_OUTLET and name == "outlet" else w
                                                 for w in wanted])
    other = np.ones(len(columns.rowids), dtype=bool)
    if query.admin2:  # any spelling, as sql._places (COLLATE NOCASE)
        other &= columns.text["admin2_name"].isin([n.lower() for n in admin2_terms(query.admin2)])
    if query.date_from:  # end >= date_from
        other &= columns.end_rank >= np.searchsorted(columns.days, query.date_from.isoformat().encode())
    if query.date_to:  # dated (b"" sorts first) and start <= date_to
        undated = int(len(columns.days) > 0 and columns.days[0] == b"")
        other &= ((columns.start_rank >= undated)
                  & (columns.start_rank < np.searchsorted(columns.days, query.date_to.isoformat().encode(), "right")))
    if query.min_confidence is not None:
        other &= columns.confidence >= query.min_confidence
    out["other"] = other
    return out


def _not_rejected(columns: Columns, query: IncidentQuery, statuses: list[str]) -> np.ndarray | bool:
    """What build_where does with rejected records: hidden unless asked for."""
    if query.include_rejected or "rejected" in statuses:
        return True
    if columns.not_rejected is None:  # the same for every query: once per arrays
        columns.not_rejected = ~columns.text["review_status"].isin(["rejected"])
    return columns.not_rejected


def facet_counts(db: DB, query: IncidentQuery | None = None) -> dict[str, list[dict]]:
    """For each facet, its values among the query's matches, most frequent first
    (months: newest first), each `{"value", "count"}` (provinces with a `label`).
    Asked of a `Store`, remembered until the data changes."""
    query = query or IncidentQuery()
    if isinstance(db, Store):
        store = db
        return store.remember(("facet_counts", repr(query)),
                              lambda: _counts(*_remembered_matches(store, query), query))
    conn = connection(db)
    columns = _columns(conn)
    return _counts(columns, _sql_matches(conn, columns, query, _compute), query)


def matching_count(store: Store, query: IncidentQuery) -> int:
    """How many incidents match, from the arrays and the rows SQL finds for the rest (the
    facets' own, remembered): a list page's count and its facets then ask SQL once, and a
    query the arrays answer alone asks it nothing."""
    return int(np.count_nonzero(matching_rows(store, query)[1]))


def matching_rows(store: Store, query: IncidentQuery) -> tuple[Columns, np.ndarray]:
    """The columns and the mask of the rows that match the query (see matching_count),
    remembered: a list's count and each of its pages read it."""
    columns = store.remember(COLUMNS_KEY, lambda: _columns(store.conn))

    def mask() -> np.ndarray:  # a broad search's rows the arrays lack are SQL's each time
        _, base = _remembered_matches(store, query)
        found = base & _not_rejected(columns, query, query.review_status)
        for selected in _selections(columns, query).values():
            found = found & selected
        return found

    return columns, _remembered_mask(store, ("matching_rows", repr(query)), mask, len(columns.rowids))


def rows_remembered(store: Store, query: IncidentQuery) -> bool:
    """Whether the rows SQL finds for the query (a search's: its articles' incidents) are
    remembered for this data version (`_sql_matches`)."""
    return store.remembered(("facet_rows", repr(replace(query, **_NOT_IN_SQL)))) is not None


@dataclass
class Packed:
    """A mask as remembered, 8 rows a byte: 1 MB masks at 1,000,000 incidents filled
    Store.remember's 64 MB with 60 queries, and the unfiltered list's rows, pushed out,
    were asked of SQL again (~200 ms)."""

    bits: np.ndarray
    rows: int

    @property
    def nbytes(self) -> int:  # what Store.remember counts against its budget
        return int(self.bits.nbytes)


def _remembered_mask(store: Store, key: Hashable, compute: Callable[[], np.ndarray],
                     rows: int) -> np.ndarray:
    def packed() -> Packed:
        mask = compute()
        return Packed(np.packbits(mask), len(mask))

    found = store.remember(key, packed)
    # read over other columns (the data changed between the two): again
    return np.unpackbits(found.bits, count=rows).view(bool) if found.rows == rows else compute()


def _remembered_matches(store: Store, query: IncidentQuery) -> tuple[Columns, np.ndarray]:
    """The columns (read once per data version) and the rows SQL finds for the parts of
    the query they do not hold (remembered per such part)."""
    columns = store.remember(COLUMNS_KEY, lambda: _columns(store.conn))

    def rows(key: Hashable, compute: Callable[[], np.ndarray]) -> np.ndarray:
        return _remembered_mask(store, key, compute, len(columns.rowids))

    return columns, _sql_matches(store, columns, query, rows)


def _compute(key: Hashable, compute: Callable[[], np.ndarray]) -> np.ndarray:
    return compute()  # nothing remembered


def _counts(columns: Columns, base: np.ndarray, query: IncidentQuery) -> dict[str, list[dict]]:
    chosen = _selections(columns, query)
    out: dict[str, list[dict]] = {}
    for facet in FACETS:
        mask = base & chosen["other"]
        for name, selected in chosen.items():
            if name not in (facet, "other"):
                mask = mask & selected
        statuses = [] if facet == "review_status" else query.review_status
        mask = mask & _not_rejected(columns, query, statuses)
        column = columns.text[facet]
        counts = np.bincount(column.codes[mask], minlength=len(column.values))
        # no value is no facet value, except an outlet's: "(none)" can be filtered for
        present = [k for k in np.flatnonzero(counts) if column.values[k] != "" or facet == "outlet"]
        if facet == "month":
            present.sort(key=lambda k: column.values[k], reverse=True)
        else:
            present.sort(key=lambda k: (-counts[k], column.values[k]))
        out[facet] = [
            {"value": str(column.values[k]) or NO_OUTLET, "count": int(counts[k]),
             **({"label": columns.province_names.get(str(column.values[k]), str(column.values[k]))}
                if facet == "admin1" else {})}
            for k in present[:FACET_VALUES]
        ]
    return out
