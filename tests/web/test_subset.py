"""The list's pages over the facets' arrays (store/subset.py) and off the sorts' indexes
(store migration 12): the same records in the same order as SQL's own query, whichever
way a page is found."""

import facet_sample
import pytest

from yalu.store import Store, subset
from yalu.store import query as q
from yalu.store.facets import COLUMNS_KEY
from yalu.store.search import _ordered_ids
from yalu.store.sql import build_where, order_by, source

QUERIES = [
    q.IncidentQuery(),
    q.IncidentQuery(admin1=["KP-10"]),
    q.IncidentQuery(include_rejected=True, min_confidence=0.5),
    q.IncidentQuery(q="Moscow"),
    q.IncidentQuery(outlet=["Example Wire"], review_status=["machine"]),
    q.IncidentQuery(admin2=["hyesan"]),  # any spelling, as SQL's COLLATE NOCASE
    q.IncidentQuery(date_to="2019-12-31"),  # matches bunched at one end of the date order
]
SORTS = ["date", "confidence", "admin1", "outlet", "event_type", "updated", "review_status"]


@pytest.fixture
def fstore(new_db):
    path = new_db("subset.db")
    facet_sample.build(path)
    s = Store(path)
    yield s
    s.close()


def sql_page(store, query, sort, order, page, per_page=3):
    """SQL's page: the query and its order as they are written, the planner's choice."""
    order_sql, sort, _ = order_by(sort, order)
    w = build_where(store.conn, query)
    return [r[0] for r in store.conn.execute(
        f"SELECT i.id FROM {source(sort)}{w.sql()} ORDER BY {order_sql} LIMIT ? OFFSET ?",
        [*w.params, per_page, (page - 1) * per_page])]


def test_pages_over_the_arrays_are_sqls_pages(fstore, monkeypatch):
    with_merged = q.IncidentQuery(include_merged=True)
    # one record merged into another: left out of the list, unless asked for
    kept, merged = [r[0] for r in fstore.conn.execute("SELECT id FROM incidents ORDER BY id LIMIT 2")]
    fstore.write(lambda c: c.execute("UPDATE incidents SET merged_into = ? WHERE id = ?", (kept, merged)))
    q.facet_counts(fstore)  # reads the arrays for this data version
    answered = {}
    # many matches: read off the order's index (walk), or the whole order's ranks (walk 0);
    # few: sorted from their rows; in the date order, ranked in the arrays up to RANKED
    for few, walk, ranked in ((0, 10_000, 0), (1000, 10_000, 0), (0, 10_000, 1000), (0, 0, 0)):
        monkeypatch.setattr(subset, "FEW", few)
        monkeypatch.setattr(subset, "RANKED", ranked)
        monkeypatch.setattr(subset, "WALK", walk)
        monkeypatch.setattr(subset, "SHARE", 1)  # ten records: any share
        monkeypatch.setattr(subset, "LARGE", 0)
        for query in [*QUERIES, with_merged]:
            for sort in SORTS:
                for order in ("asc", "desc"):
                    expected = [sql_page(fstore, query, sort, order, page) for page in (1, 2, 3, 4)]
                    for page in (1, 2, 3, 4):
                        order_sql, name, _ = order_by(sort, order)
                        ids = subset.page_ids(fstore, query, name, order_sql, 3, (page - 1) * 3)
                        if ids is not None:
                            answered[few, walk, ranked] = answered.get((few, walk, ranked), 0) + 1
                            assert ids == expected[page - 1], (few, query, sort, order, page)
                        found = q.search(fstore, query, sort=sort, order=order, page=page, per_page=3)
                        assert [r["id"] for r in found.items] == expected[page - 1]
                        assert found.total == q.count(fstore.conn, query)  # the arrays' and SQL's
                    assert merged in sum(expected, []) if query == with_merged else merged not in sum(expected, [])
        if walk:  # the date's and the outlet's pages were read off their indexes
            assert not fstore.remembered(COLUMNS_KEY).orders
    # every page when few match; with many, at least the date's and the outlet's orders
    assert answered[1000, 10_000, 0] == 4 * 2 * len(SORTS) * (len(QUERIES) + 1)
    assert answered[0, 10_000, 0] >= 2 * 4 * 2 * len(QUERIES)
    assert answered[0, 0, 0] == answered[0, 10_000, 0]
    # ranked in the arrays, the date order's pages no walk reaches are answered too
    assert answered[0, 10_000, 1000] > answered[0, 10_000, 0]


@pytest.mark.parametrize("walk", [10_000, 0])
def test_records_without_an_outlet_come_last_and_an_empty_one_first(fstore, monkeypatch, walk):
    """The arrays hold a NULL outlet and "" alike; SQL puts NULL last and "" first."""
    monkeypatch.setattr(subset, "FEW", 0)
    monkeypatch.setattr(subset, "RANKED", 0)
    monkeypatch.setattr(subset, "SHARE", 1)
    monkeypatch.setattr(subset, "LARGE", 0)
    monkeypatch.setattr(subset, "WALK", walk)
    articles = [r[0] for r in fstore.conn.execute("SELECT id FROM articles ORDER BY id")]
    for outlets in ({articles[0]: None}, {articles[0]: None, articles[1]: ""}):
        fstore.write(lambda c, changes=outlets: c.executemany(
            "UPDATE articles SET outlet = ? WHERE id = ?", [(o, a) for a, o in changes.items()]))
        q.facet_counts(fstore)
        for order in ("asc", "desc"):
            order_sql, _, _ = order_by("outlet", order)
            for page in (1, 2, 3, 4):
                expected = sql_page(fstore, q.IncidentQuery(), "outlet", order, page)
                ids = subset.page_ids(fstore, q.IncidentQuery(), "outlet", order_sql, 3, (page - 1) * 3)
                assert ids in (None, expected), (outlets, order, page)
                assert [r["id"] for r in q.search(fstore, sort="outlet", order=order, page=page,
                                                  per_page=3).items] == expected
            ids = subset.page_ids(fstore, q.IncidentQuery(), "outlet", order_sql, 20, 0)
            without = [r[0] for r in fstore.conn.execute(
                "SELECT i.id FROM incidents i JOIN articles a ON a.id = i.article_id "
                "WHERE a.outlet IS NULL AND i.merged_into IS NULL AND i.review_status != 'rejected'")]
            assert set(ids[-len(without):]) == set(without)
            # off the incidents' key, unless an outlet is "" (the arrays cannot tell)
            assert bool(fstore.remembered(COLUMNS_KEY).orders) == ("" in outlets.values() or not walk)


def test_a_change_is_seen_on_the_next_page(fstore, monkeypatch):
    monkeypatch.setattr(subset, "LARGE", 0)
    q.facet_counts(fstore)
    first = q.search(fstore, per_page=3).items[0]["id"]
    last = q.search(fstore, sort="date", order="asc", per_page=1).items[0]["id"]
    assert first != last
    fstore.write(lambda c: c.execute("UPDATE incidents SET date_start = '2030-01-01', "
                                     "date_end = '2030-01-01' WHERE id = ?", (last,)))
    assert q.search(fstore, per_page=3).items[0]["id"] == last  # SQL's: the arrays are old
    q.facet_counts(fstore)  # the arrays of the new data version
    assert subset.page_ids(fstore, q.IncidentQuery(), "date", order_by(None, None)[0], 3, 0)[0] == last
    assert q.search(fstore, per_page=3).items[0]["id"] == last


def test_a_sort_reads_its_index_unless_its_matches_are_sparse(fstore):
    for sort in SORTS:
        for order in ("asc", "desc"):
            for query in QUERIES:
                order_sql, name, _ = order_by(sort, order)
                dense = _ordered_ids(fstore.conn, query, name, order_sql, 3, 0)
                sparse = _ordered_ids(fstore.conn, query, name, order_sql, 3, 0, sparse=True)
                assert dense == sparse == sql_page(fstore, query, sort, order, 1)
    if fstore.postgres:
        return  # what follows is SQLite's query plan
    asked = []
    fstore.conn.set_trace_callback(asked.append)
    order_sql, _, _ = order_by("admin1", "desc")
    _ordered_ids(fstore.conn, q.IncidentQuery(), "admin1", order_sql, 3, 0)
    fstore.conn.set_trace_callback(None)
    page = next(sql for sql in asked if sql.startswith("SELECT i.id"))
    plan = " ".join(r[3] for r in fstore.conn.execute(f"EXPLAIN QUERY PLAN {page}"))
    assert "INDEX incidents_sort_admin1" in plan and "TEMP B-TREE" not in plan


def test_a_broad_search_over_the_arrays_is_sqls(new_db, monkeypatch):
    """A search matching most articles: its rows over the arrays are the matching
    articles' incidents (facets._searched), as for a narrow one; count and pages are SQL's,
    which resolves it through the articles that do not match, a merge's sources included."""
    from yalu import review
    from yalu.store import sql

    path = new_db("broad.db")
    built = facet_sample.build(path)
    store = Store(path)
    monkeypatch.setattr(sql, "BROAD_SHARE", 0.0)
    monkeypatch.setattr(subset, "FEW", 0)
    monkeypatch.setattr(subset, "RANKED", 0)
    monkeypatch.setattr(subset, "SHARE", 1)
    monkeypatch.setattr(subset, "LARGE", 0)
    try:
        # the artillery record (no "source" in its article) gains a matching source
        review.merge(store, built["artillery"], built["arrest"], "tester")
        searches = [q.IncidentQuery(q="source"), q.IncidentQuery(q="source", category=["repression"])]
        assert all(sql.resolve_search(store.conn, s).kind == "broad" for s in searches)
        q.facet_counts(store)  # the arrays of this data version
        for search in searches:
            assert q.count(store, search) == q.count(store.conn, search) > 0
            for order in ("asc", "desc"):
                pages = [q.search(store, search, sort="date", order=order, page=p, per_page=3) for p in (1, 2, 3)]
                assert [[r["id"] for r in p.items] for p in pages] == [
                    sql_page(store, search, "date", order, p) for p in (1, 2, 3)]
        found = q.search(store, searches[0], per_page=50)
        assert built["artillery"] in [r["id"] for r in found.items]
    finally:
        store.close()


@pytest.mark.parametrize("few", [0, 1000])
def test_a_date_ranges_pages_read_the_date_order_from_its_first_match(fstore, monkeypatch, few):
    """The date order's index bounded by the matches' latest (earliest) start: the same
    pages as SQL's, the whole order never read, unless a match without `date_start`
    (last in the order, its end in the arrays) or a fully undated one is on the page.
    Few matches (`few`): ranked in the arrays, the page's rows and its ties sorted by SQL."""
    monkeypatch.setattr(subset, "FEW", few)
    monkeypatch.setattr(subset, "RANKED", few)
    monkeypatch.setattr(subset, "SHARE", 1)
    monkeypatch.setattr(subset, "LARGE", 0)
    # a walk from the order's start would read past 5 rows: the whole order instead
    monkeypatch.setattr(subset, "WALK", 5)
    rows = [r[0] for r in fstore.conn.execute("SELECT id FROM incidents ORDER BY date_start, id")]
    ranges = [q.IncidentQuery(date_from="2024-03-13", date_to="2024-05-31"),
              q.IncidentQuery(date_from="2024-05-01", date_to="2024-06-03", include_rejected=True),
              q.IncidentQuery(date_to="2024-03-31"), q.IncidentQuery(date_from="2024-06-01"),
              q.IncidentQuery(date_from="2030-01-01")]
    for changes, whole in (({}, False),
                           # no start, an end inside the ranges: last in SQL's order
                           ({rows[5]: (None, "2024-05-20")}, True),
                           ({rows[5]: ("2024-05-01", "2024-05-10"), rows[6]: (None, None)}, False)):
        fstore.write(lambda c, changes=changes: c.executemany(
            "UPDATE incidents SET date_start = ?, date_end = ? WHERE id = ?",
            [(*dates, incident) for incident, dates in changes.items()]))
        q.facet_counts(fstore)
        read_whole = False
        for query in ranges:
            for order in ("asc", "desc"):
                order_sql, _, _ = order_by("date", order)
                for page in (1, 2, 3):
                    expected = sql_page(fstore, query, "date", order, page, per_page=2)
                    assert subset.page_ids(fstore, query, "date", order_sql, 2, (page - 1) * 2) == expected, (
                        changes, query, order, page)
                    # a first page from the walk alone, unless a match without a start
                    # (last in the order) is on the page: the whole order then
                    orders = fstore.remembered(COLUMNS_KEY).orders
                    assert not orders or whole or page > 1, (changes, query, order)
                    read_whole |= bool(orders)
                    orders.clear()
        # few: ranked in the arrays, never the whole order
        assert not read_whole if few else read_whole or not whole


def test_the_walks_read_the_rowid_off_postgresqls_indexes(fstore):
    """Store migration 13: the date order's and the key's indexes hold the rowid, so a walk's
    (rowid, id) pairs are read off the index alone (on SQLite every index holds it)."""
    if not fstore.postgres:
        pytest.skip("PostgreSQL's indexes")
    fstore.conn.execute("SET enable_seqscan = off")  # ten rows: the planner would read the table
    for order in ("desc", "asc"):
        order_sql, _, _ = order_by("date", order)
        plan = " ".join(r[0] for r in fstore.conn.execute(f"EXPLAIN {subset.DATE_ROWS}{order_sql} LIMIT 5"))
        assert "Index Only Scan using incidents_" in plan and "_rows" in plan, plan
    plan = " ".join(r[0] for r in fstore.conn.execute("EXPLAIN SELECT i.rowid, i.id FROM incidents i ORDER BY i.id LIMIT 5"))
    assert "Index Only Scan using incidents_id_rows" in plan, plan
