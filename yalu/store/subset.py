"""A page of a list over the facets' arrays (facets.py), once they are read for this data
version: the arrays give the matching rows as a mask, and SQL orders them
(`ORDER BY` exactly as `search._ordered_ids` writes it, so the backend's collation and
NULL placement hold):

- few matches: SQL sorts those rows alone. By itself it reads the browse index to its
  end to find a page of a few matches (0.1-0.9 s at 1,000,000 incidents);
- more, in the date order or the outlet's: that order's index read from its start in
  chunks, each row kept if the mask holds it, until the page is full (`_walk`; the
  outlet's order is each outlet's incidents in id order, the outlets counted from the
  mask). When that would read more than WALK rows (sparse matches, a far page): the
  order of every live incident (read once per arrays and order, kept with them) read
  through the mask. That order took 2-7 s to read at 1,000,000 incidents, once per
  data version and order: PostgreSQL's list p95 62 ms, from 4 of 100 requests.
  SQL by itself first gathers every match of a search (0.3 s for 190,000 at 1,000,000),
  or sorts each outlet's incidents (0.3 s a page).

Any other sort of many matches is SQL's, off its index (store migration 12)."""

from __future__ import annotations

import json

import numpy as np

from .database import Store
from .facets import COLUMNS_KEY, Columns, matching_rows
from .filters import IncidentQuery
from .postgres import on_postgres
from .sql import DEFAULT_SORT, SORTS, source

# at most this many matches are sorted from their rows (2,800 took 30-45 ms at
# 1,000,000 incidents on a loaded machine), and at most one in SHARE of the incidents
# (below that SQL's read of the whole browse index is as quick: 1-2 ms at 10,000)
FEW = 5_000
SHARE = 20
# below this many incidents SQL's own query is as quick, and with 8 clients at 10,000
# the arrays' way was slower (list p95 62-77 -> 105-120 ms, filter 51-62 -> 92-98)
LARGE = 50_000
# rows of an order's index a page may read (20,000: 13-23 ms on PostgreSQL, 8-14 ms on
# SQLite at 1,000,000 incidents), expected from the share of the rows that match
WALK = 20_000
# ...and once the whole order is read: its page through the mask took 13-30 ms on SQLite
# at 1,000,000 (load ~8), a walk of 20,000 rows 14-165 ms
WARM = 2_000
# in the date order, up to this many matches are ranked in the arrays (`_few_by_date`)
# rather than walked: a sparse search with a category (7,800 of 1,000,000) walked ~6,000
# rows of the order in 38 ms on PostgreSQL, ranking 50,000 in the arrays takes a few ms;
# unless more than TIED rows share the page's first or last day (SQL sorts all of those)
RANKED = 50_000
TIED = 2_000


def page_ids(store: Store, query: IncidentQuery, sort: str, order_sql: str, limit: int,
             offset: int) -> list[str] | None:
    """The ids of one page in order, or None (SQL's to answer): the arrays are not read,
    the incidents are few, or many match in an order other than the date's or the outlet's."""
    read = store.remembered(COLUMNS_KEY)
    if not isinstance(read, Columns) or len(read.rowids) < LARGE:
        return None
    columns, mask = matching_rows(store, query)
    matches = int(np.count_nonzero(mask))
    if matches <= min(FEW, len(mask) // SHARE):
        if sort == DEFAULT_SORT:
            return _few_by_date(store, columns, mask, order_sql, limit, offset)
        rowids = json.dumps(columns.rowids[mask].tolist())
        return [r[0] for r in store.conn.execute(
            f"SELECT i.id FROM {source(sort, few=True)} WHERE i.rowid IN (SELECT CAST(value AS BIGINT) "
            f"FROM json_each(?)) ORDER BY {order_sql} LIMIT ? OFFSET ?", (rowids, limit, offset))]
    if sort == DEFAULT_SORT and matches <= RANKED:
        ranked = _few_by_date(store, columns, mask, order_sql, limit, offset, tied=TIED)
        if ranked is not None:
            return ranked
    if sort not in (DEFAULT_SORT, "outlet") or query.include_merged:
        return None  # SQL reads the sort's own index (store migration 12)
    order = columns.orders.get(order_sql)
    # the whole order read already: quicker than a walk of more than WARM rows
    budget = WALK if order is None else WARM
    walked = (_by_date(store, columns, mask, matches, order_sql, offset, limit, budget)
              if sort == DEFAULT_SORT else _by_outlet(store, columns, mask, order_sql, offset, limit, budget))
    if walked is not None:
        return walked
    if order is None:
        order = columns.orders[order_sql] = _order(store, columns, sort, order_sql)
    chosen = columns.rowids[order[mask[order]][offset:offset + limit]].tolist()
    ids = dict(store.conn.execute(
        "SELECT rowid, id FROM incidents WHERE rowid IN (SELECT CAST(value AS BIGINT) FROM json_each(?))",
        (json.dumps(chosen),)).fetchall())
    return [ids[r] for r in chosen if r in ids]


# the live incidents in the list's date order (the browse index; PostgreSQL's
# incidents_recent_rows when descending, with the rowid: store migration 13)
DATE_ROWS = "SELECT i.rowid, i.id FROM incidents i WHERE i.merged_into IS NULL ORDER BY "


def read_chunk(store: Store, columns: Columns, want: np.ndarray, sql: str, size: int,
               offset: int, params: tuple = ()) -> tuple[list, np.ndarray, np.ndarray]:
    """`size` rows (rowid, id) of the order `sql` (its parameters `params`) from `offset`,
    the indexes of those `want` holds (a row added since the arrays were read is not one of
    them), and those rows' places in the arrays."""
    rows = store.conn.execute(sql + " LIMIT ? OFFSET ?", (*params, size, offset)).fetchall()
    return rows, *kept_rows(columns, want, rows)


def kept_rows(columns: Columns, want: np.ndarray, rows: list) -> tuple[np.ndarray, np.ndarray]:
    """Of these rows (rowid, id), the indexes of those `want` holds and their places in
    the arrays (read_chunk)."""
    rowids = np.array([r[0] for r in rows], dtype=np.int64)
    at = np.searchsorted(columns.rowids, rowids).clip(0, max(0, len(columns.rowids) - 1))
    kept = np.flatnonzero((columns.rowids[at] == rowids) & want[at])
    return kept, at[kept]


def _walk(store: Store, columns: Columns, want: np.ndarray, matches: int, sql: str, skip: int,
          take: int, budget: int, span: tuple[int, tuple] | None = None) -> list[str] | None:
    """The ids of `take` rows that `want` holds, after the first `skip` of them, in the
    order of `sql` (rowid, id), read in chunks; None when that would read more than
    `budget` rows, as projected from the share of the rows read so far that matched (the page
    ends early at the end of the rows). `span`: the order is a part of one (`sql` bound by
    its parameters), of that many rows: at its end, None unless every match was seen."""
    if not matches:
        return []
    wanted = skip + take
    rows_in, params = span if span is not None else (len(want), ())
    expected = wanted * rows_in // matches  # rows to read if the matches are even
    if expected > budget:
        return None
    found: list[str] = []
    read = seen = 0
    size = min(budget, 2 * expected + 100)
    while True:
        rows, hits, _ = read_chunk(store, columns, want, sql, size, read, params)
        found += [rows[k][1] for k in hits[skip:skip + take - len(found)]]
        skip = max(0, skip - len(hits))
        read, seen = read + len(rows), seen + len(hits)
        if len(found) == take:
            return found
        if len(rows) < size:  # a part's end: the matches past it are not read
            return found if span is None or seen >= matches else None
        # matches bunched further on (a date range in the date order): not row by row
        projected = read * wanted // seen if seen else budget + 1
        if projected > budget:
            return None
        size = projected - read + 100


def _by_date(store: Store, columns: Columns, mask: np.ndarray, matches: int, order_sql: str,
             skip: int, take: int, budget: int) -> list[str] | None:
    """A page in the date order (`_walk`), read from the first match on: the order's index
    bounded by the latest (earliest, ascending) `date_start` of a match, so a date range's
    first page reads its own rows, not the (2-4 s) order of every incident. The arrays
    hold coalesce(date_start, date_end): a bound from a match without `date_start` is only
    looser, and those matches, last in the order, end the walk with None (`_walk`'s span)."""
    desc = order_sql.startswith(f"{SORTS[DEFAULT_SORT]} DESC")
    month = columns.text["month"]
    rows, starts, live = _months(columns)
    named = sorted((k for k in range(len(month.values)) if month.values[k] != ""),
                   key=lambda k: str(month.values[k]), reverse=desc)
    # the months a match holds, from the order's start and from its end (a broad query's
    # first month holds one: a bincount of every match's month took 30-44 ms, load ~8)
    held = [k for k in (next((k for k in named if mask[rows[starts[k]:starts[k + 1]]].any()), None),
                        next((k for k in reversed(named) if mask[rows[starts[k]:starts[k + 1]]].any()), None))
            if k is not None]
    if not held:  # no match with a date: the order's end
        return _walk(store, columns, mask, matches, DATE_ROWS + order_sql, skip, take, budget)
    first = rows[starts[held[0]]:starts[held[0] + 1]]
    in_first = np.sort(columns.start[first[mask[first]]])
    bound = in_first[-1] if desc else in_first[0]
    # the live rows of the matches' first to last month: what the matches are spread over
    low, high = sorted(month.values[k] for k in held)
    rows_in = int(live[(month.values >= low) & (month.values <= high)].sum())
    sql = f"{DATE_ROWS[:-len(' ORDER BY ')]} AND i.date_start {'<=' if desc else '>='} ? ORDER BY {order_sql}"
    return _walk(store, columns, mask, matches, sql, skip, take, budget, (max(rows_in, 1), (bound.decode(),)))


def _few_by_date(store: Store, columns: Columns, mask: np.ndarray, order_sql: str, limit: int,
                 offset: int, tied: int | None = None) -> list[str] | None:
    """Few matches in the date order: ranked by `date_start` in the arrays (those without
    one last, as SQL puts them), SQL orders only the page's rows and those tied with its
    first or last (by id). SQL sorting every match from its rows looked each one up:
    3,600 matches took 52-60 ms on PostgreSQL at 1,000,000 incidents (load ~7). None when
    SQL would sort more than `tied` rows (a far page among the undated matches)."""
    rows = np.flatnonzero(mask)
    undated = columns.no_start[rows]
    start = np.where(undated, b"", columns.start[rows])
    if order_sql.startswith(f"{SORTS[DEFAULT_SORT]} DESC"):
        ranked = np.lexsort((start, ~undated))[::-1]
    else:
        ranked = np.lexsort((start, undated))
    if offset >= len(ranked):
        return []
    undated, start = undated[ranked], start[ranked]

    def same(i: int, j: int) -> bool:
        return bool(undated[i] == undated[j] and start[i] == start[j])

    most = len(ranked) if tied is None else tied
    first, last = offset, min(offset + limit, len(ranked)) - 1
    while first and same(first - 1, offset):
        first -= 1
        if offset - first > most:
            return None
    while last + 1 < len(ranked) and same(last + 1, last):
        last += 1
        if last + 1 - first > limit + most:
            return None
    chosen = json.dumps(columns.rowids[rows[ranked[first:last + 1]]].tolist())
    return [r[0] for r in store.conn.execute(
        f"SELECT i.id FROM {source(DEFAULT_SORT, few=True)} WHERE i.rowid IN (SELECT CAST(value AS BIGINT) "
        f"FROM json_each(?)) ORDER BY {order_sql} LIMIT ? OFFSET ?", (chosen, limit, offset - first))]


def _months(columns: Columns) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows grouped by "month" code (the rows, where each code's start), and each
    code's live rows: once per arrays (Columns.by_month)."""
    if columns.by_month is None:
        codes = columns.text["month"].codes
        rows = np.argsort(codes, kind="stable")
        columns.by_month = (rows, np.searchsorted(codes[rows], np.arange(len(columns.text["month"].values) + 1)),
                            np.bincount(codes[~columns.merged], minlength=len(columns.text["month"].values)))
    return columns.by_month


def _by_outlet(store: Store, columns: Columns, mask: np.ndarray, order_sql: str, skip: int,
               take: int, budget: int) -> list[str] | None:
    """A page in the outlet's order: the outlets in order (those without one last), each
    one's matches by id, off the incidents' key (`_walk`); None where `_walk` gives up, or
    when some article's outlet is "" (the arrays hold NULL as "" too, and SQL puts "" first)."""
    outlet = columns.text["outlet"]
    counts = np.bincount(outlet.codes[mask], minlength=len(outlet.values))
    none = [k for k in np.flatnonzero(counts) if outlet.values[k] == ""]
    if none and store.conn.execute("SELECT 1 FROM articles WHERE outlet = '' LIMIT 1").fetchone():
        return None
    desc = order_sql.startswith(f"{SORTS['outlet']} DESC")
    named = sorted((k for k in np.flatnonzero(counts) if outlet.values[k] != ""),
                   key=lambda k: str(outlet.values[k]), reverse=desc)
    # PostgreSQL reads its key backwards only for NULLs first (the id is never NULL)
    by_id = ("i.id DESC NULLS FIRST" if on_postgres(store.conn) else "i.id DESC") if desc else "i.id ASC"
    page: list[str] = []
    for k in [*named, *none]:
        if counts[k] <= skip:
            skip -= int(counts[k])
            continue
        found = _walk(store, columns, mask & (outlet.codes == k), int(counts[k]),
                      f"SELECT i.rowid, i.id FROM incidents i ORDER BY {by_id}", skip, take - len(page), budget)
        if found is None:
            return None
        page += found
        skip = 0
        if len(page) == take:
            break
    return page


def _order(store: Store, columns: Columns, sort: str, order_sql: str) -> np.ndarray:
    """Every live incident's place in `columns`, in one order (int32: 4 MB at 1,000,000)."""
    rowids = np.fromiter((r[0] for r in store.conn.execute(
        f"SELECT i.rowid FROM {source(sort)} WHERE i.merged_into IS NULL ORDER BY {order_sql}")),
        dtype=np.int64)
    at = np.searchsorted(columns.rowids, rowids).clip(0, max(0, len(columns.rowids) - 1))
    known = columns.rowids[at] == rowids if len(columns.rowids) else np.zeros(0, dtype=bool)
    return at[known].astype(np.int32)  # a row added since the arrays were read: not shown
