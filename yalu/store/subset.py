"""A page of a list over the facets' arrays (facets.py), once they are read for this data
version: the arrays give the matching rows as a mask, and SQL orders them
(`ORDER BY` exactly as `search._ordered_ids` writes it, so the backend's collation and
NULL placement hold):

- few matches: SQL sorts those rows alone. By itself it reads the browse index to its
  end to find a page of a few matches (0.1-0.9 s at 1,000,000 incidents);
- more, in the date order or the outlet's: the order of every live incident (read once
  per arrays and order, kept with them; the date's off the browse index) read through
  the mask.
  SQL by itself first gathers every match of a search (0.3 s for 190,000 at 1,000,000),
  or sorts each outlet's incidents (0.3 s a page).

Any other sort of many matches is SQL's, off its index (store migration 12)."""

from __future__ import annotations

import json

import numpy as np

from .database import Store
from .facets import COLUMNS_KEY, Columns, matching_rows
from .filters import IncidentQuery
from .sql import DEFAULT_SORT, source

# at most this many matches are sorted from their rows (2,800 took 30-45 ms at
# 1,000,000 incidents on a loaded machine), and at most one in SHARE of the incidents
# (below that SQL's read of the whole browse index is as quick: 1-2 ms at 10,000)
FEW = 5_000
SHARE = 20
# below this many incidents SQL's own query is as quick, and with 8 clients at 10,000
# the arrays' way was slower (list p95 62-77 -> 105-120 ms, filter 51-62 -> 92-98)
LARGE = 50_000


def page_ids(store: Store, query: IncidentQuery, sort: str, order_sql: str, limit: int,
             offset: int) -> list[str] | None:
    """The ids of one page in order, or None (SQL's to answer): the arrays are not read,
    the incidents are few, or many match in an order other than the date's or the outlet's."""
    read = store.remembered(COLUMNS_KEY)
    if not isinstance(read, Columns) or len(read.rowids) < LARGE:
        return None
    columns, mask = matching_rows(store, query)
    if np.count_nonzero(mask) <= min(FEW, len(mask) // SHARE):
        rowids = json.dumps(columns.rowids[mask].tolist())
        return [r[0] for r in store.conn.execute(
            f"SELECT i.id FROM {source(sort, few=True)} WHERE i.rowid IN (SELECT CAST(value AS BIGINT) "
            f"FROM json_each(?)) ORDER BY {order_sql} LIMIT ? OFFSET ?", (rowids, limit, offset))]
    if sort not in (DEFAULT_SORT, "outlet") or query.include_merged:
        return None  # SQL reads the sort's own index (store migration 12)
    order = columns.orders.get(order_sql)
    if order is None:
        order = columns.orders[order_sql] = _order(store, columns, sort, order_sql)
    chosen = columns.rowids[order[mask[order]][offset:offset + limit]].tolist()
    ids = dict(store.conn.execute(
        "SELECT rowid, id FROM incidents WHERE rowid IN (SELECT CAST(value AS BIGINT) FROM json_each(?))",
        (json.dumps(chosen),)).fetchall())
    return [ids[r] for r in chosen if r in ids]


def _order(store: Store, columns: Columns, sort: str, order_sql: str) -> np.ndarray:
    """Every live incident's place in `columns`, in one order (int32: 4 MB at 1,000,000)."""
    rowids = np.fromiter((r[0] for r in store.conn.execute(
        f"SELECT i.rowid FROM {source(sort)} WHERE i.merged_into IS NULL ORDER BY {order_sql}")),
        dtype=np.int64)
    at = np.searchsorted(columns.rowids, rowids).clip(0, max(0, len(columns.rowids) - 1))
    known = columns.rowids[at] == rowids if len(columns.rowids) else np.zeros(0, dtype=bool)
    return at[known].astype(np.int32)  # a row added since the arrays were read: not shown
