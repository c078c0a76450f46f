"""A search's page in the date order before its rows are found, on PostgreSQL, with an
estimated count.

The facets' arrays answer a search from the articles its index matches (facets._searched),
and PostgreSQL's GIN index gives those only by visiting each matching article's row
(10,000-36,000 heap pages at 1,000,000 incidents: 90-420 ms for one word), once per
search and data version. So while a search's rows are not known, its page is the date
order's rows (the order's index, as subset._walk reads it) that the rest of the query
holds (the arrays' mask), each tested against the search by its own sources (their
articles from the arrays' pairs, each looked up by its key: `_matching`, 4-13 µs a row
at 1,000,000 incidents), at most CHECKED of them; the count is then the share of
the tested rows that match times the rows the rest of the query holds, marked
`total_is_estimate` (exact when every row was tested). A search whose matches are too
sparse for that (the page not full after CHECKED rows) is found as before, exactly.
SQLite's FTS5 index holds the rowids itself: there the rows are always found.
"""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np

from .database import Store
from .facets import COLUMNS_KEY, Columns, matching_rows, rows_remembered
from .filters import IncidentQuery
from .sql import DEFAULT_SORT, WORD_ROWS, articles_search
from .subset import DATE_ROWS, LARGE, kept_rows

CHECKED = 3_000  # rows a page may test against the search
CHUNK = 1_000  # rows of the order read at a time
FIRST = 500  # rows tested at first (fewer misjudged a 10 % search as too sparse)
# rows of the order a page may read: a chunk took ~11 ms at 1,000,000 incidents (load ~12),
# and a search with another filter (a category: 1 row in 8) read up to 20,000 of them
# (~220 ms) before it was judged too sparse and found exactly all the same
READ = 6_000
# of the articles asked, those the search matches: PostgreSQL's own SQL (the articles'
# tsvector), as only it runs this; each looked up by its key (1,000 incidents' articles:
# 4-13 ms at 1,000,000 incidents, 146 ms joined through incident_sources by incident id)
_MATCHING = ("SELECT rowid FROM articles WHERE rowid IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) "
             "AND fts @@ to_tsquery('simple', ?)")


def sampled_page(store: Store, query: IncidentQuery, sort: str, order_sql: str, limit: int,
                 offset: int) -> tuple[list[str], int, bool] | None:
    """(the page's ids, the count, whether it is an estimate), or None: not PostgreSQL, no
    word search of the articles, another order, the arrays not read or the search's
    rows known already (then they are quicker), or too sparse a search."""
    if not (store.postgres and query.q and query.search_in == "articles" and sort == DEFAULT_SORT
            and not query.include_merged):
        return None
    read = store.remembered(COLUMNS_KEY)
    if not isinstance(read, Columns) or len(read.rowids) < LARGE or rows_remembered(store, query):
        return None
    found = articles_search(store.conn, query)
    if found.match is None or found.rows != WORD_ROWS:
        return None  # nothing searchable, or Hangul (substrings, not the word index)
    columns, rest = matching_rows(store, replace(query, q=None))
    page: list[str] = []
    pending: list[tuple[str, int]] = []  # the rest's rows read in order (id, place), not tested yet
    matched = checked = read_rows = 0
    ended = False
    while len(page) < limit:
        needed = offset + limit - matched
        if checked and needed * checked > (CHECKED - checked) * matched:
            return None  # the page would test more than CHECKED rows: too sparse
        batch = min(CHECKED - checked, max(FIRST, 2 * needed + 50) if not matched
                    else needed * checked // matched + 50)
        while len(pending) < batch and not ended and read_rows < READ:
            rows = _order_rows(store, order_sql, read_rows)
            kept, at = kept_rows(columns, rest, rows)
            pending += [(rows[k][1], int(place)) for k, place in zip(kept, at, strict=True)]
            read_rows += len(rows)
            ended = len(rows) < CHUNK
        tested, pending = pending[:batch], pending[batch:]
        if not tested:  # no rows at all, or READ read
            return (page, matched, False) if ended else None
        hits = _matching(store, columns, np.array([place for _, place in tested], dtype=np.int64), found.match)
        for (incident, _), hit in zip(tested, hits, strict=True):
            if hit:
                if matched >= offset and len(page) < limit:
                    page.append(incident)
                matched += 1
        checked += len(tested)
        if ended and not pending:
            return page, matched, False  # every row tested: the count is exact
    # the same count for every page of the search (until the data changes)
    total = store.remember(("sampled_count", repr(query)), lambda: max(
        offset + limit, round(matched / checked * int(np.count_nonzero(rest)))))
    return page, total, True


def _order_rows(store: Store, order_sql: str, offset: int) -> list:
    """CHUNK rows (rowid, id) of the date order from `offset`: the same for every search,
    so remembered until the data changes (each search's first page read them again)."""
    return store.remember(("date_rows", order_sql, offset), lambda: store.conn.execute(
        DATE_ROWS + order_sql + " LIMIT ? OFFSET ?", (CHUNK, offset)).fetchall())


def _matching(store: Store, columns: Columns, at: np.ndarray, match: str) -> np.ndarray:
    """Which of these rows (places in the arrays) a source article the search matches
    belongs to: their articles from the arrays' pairs, asked of the word index by key."""
    if columns.by_row is None:  # each row's pairs together, once per arrays
        rows, articles = columns.sources
        order = np.argsort(rows, kind="stable")
        columns.by_row = (np.searchsorted(rows[order], np.arange(len(columns.rowids) + 1)), articles[order])
    starts, articles = columns.by_row
    counts = starts[at + 1] - starts[at]
    owner = np.repeat(np.arange(len(at)), counts)
    # each row's run of pairs: its start, then one more per pair
    pairs = starts[at][owner] + np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    asked = articles[pairs]
    found = [r[0] for r in store.conn.execute(_MATCHING, (json.dumps(np.unique(asked).tolist()), match))]
    hits = np.zeros(len(at), dtype=bool)
    hits[owner[np.isin(asked, np.array(found, dtype=np.int64))]] = True
    return hits
