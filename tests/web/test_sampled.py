"""A search's page before its rows are found, on PostgreSQL (store/sampled.py): the same
records in the same order as SQL's page, the count exact when every row was tested and
marked an estimate when not; SQLite always finds the rows."""

import facet_sample
import pytest

from yalu.store import Store, sampled
from yalu.store import query as q
from yalu.store.sql import order_by

SEARCHES = [q.IncidentQuery(q="source"), q.IncidentQuery(q="Hyesan"),
            q.IncidentQuery(q="source", category=["repression"]), q.IncidentQuery(q="nothing-matches-this")]


@pytest.fixture
def fstore(new_db, monkeypatch):
    path = new_db("sampled.db")
    facet_sample.build(path)
    s = Store(path)
    monkeypatch.setattr(sampled, "LARGE", 0)
    q.facet_counts(s)  # the arrays of this data version (not the searches' rows)
    yield s
    s.close()


def sql_ids(store, query, page, per_page):
    """SQL's page (a connection, not a Store: no arrays, no sampling)."""
    return [r["id"] for r in q.search(store.conn, query, page=page, per_page=per_page).items]


def test_a_search_before_its_rows_are_found(fstore, monkeypatch):
    order_sql, sort, _ = order_by(None, None)
    for query in SEARCHES:
        exact = q.count(fstore.conn, query)
        if not fstore.postgres:  # SQLite's index gives the rows: always found
            assert sampled.sampled_page(fstore, query, sort, order_sql, 2, 0) is None
            continue
        # every row tested (one chunk holds them all): the page and an exact count
        found = sampled.sampled_page(fstore, query, sort, order_sql, 2, 0)
        assert found == (sql_ids(fstore, query, 1, 2), exact, False), query
        page = q.search(fstore, query, per_page=2)
        assert [r["id"] for r in page.items] == sql_ids(fstore, query, 1, 2)
        assert (page.total, page.total_is_estimate) == (exact, False)
        assert page.to_dict()["total_is_estimate"] is False


def test_a_partly_tested_search_estimates_its_count(fstore, monkeypatch):
    if not fstore.postgres:
        pytest.skip("sampled pages are PostgreSQL's (SQLite's index gives the rows)")
    monkeypatch.setattr(sampled, "CHUNK", 2)  # a page of one fills before the rows end,
    monkeypatch.setattr(sampled, "CHECKED", 4)  # from four rows tested at most
    query = q.IncidentQuery(q="source")
    exact = q.count(fstore.conn, query)
    for page_no in (1, 2):
        page = q.search(fstore, query, page=page_no, per_page=1)
        assert [r["id"] for r in page.items] == sql_ids(fstore, query, page_no, 1)
        assert page.total_is_estimate and page.to_dict()["total_is_estimate"] is True
        assert 1 <= page.total <= len(fstore.conn.execute("SELECT id FROM incidents").fetchall())
    # the same count on every page (until the data changes)
    assert q.search(fstore, query, page=3, per_page=1).total == q.search(fstore, query, per_page=1).total
    # once the search's rows are known (the facets find them), the exact count
    q.facet_counts(fstore, query)
    page = q.search(fstore, query, per_page=1)
    assert (page.total, page.total_is_estimate) == (exact, False)
    assert [r["id"] for r in page.items] == sql_ids(fstore, query, 1, 1)


def test_a_sparse_search_is_found_exactly(fstore, monkeypatch):
    if not fstore.postgres:
        pytest.skip("sampled pages are PostgreSQL's (SQLite's index gives the rows)")
    monkeypatch.setattr(sampled, "CHUNK", 2)
    monkeypatch.setattr(sampled, "CHECKED", 1)  # the page cannot fill from one tested row
    query = q.IncidentQuery(q="Hyesan")
    order_sql, sort, _ = order_by(None, None)
    assert sampled.sampled_page(fstore, query, sort, order_sql, 2, 0) is None
    page = q.search(fstore, query, per_page=2)
    assert (page.total, page.total_is_estimate) == (q.count(fstore.conn, query), False)
    assert [r["id"] for r in page.items] == sql_ids(fstore, query, 1, 2)


def test_a_search_whose_page_needs_more_of_the_order_than_it_may_read_is_found_exactly(fstore, monkeypatch):
    if not fstore.postgres:
        pytest.skip("sampled pages are PostgreSQL's (SQLite's index gives the rows)")
    monkeypatch.setattr(sampled, "CHUNK", 2)
    monkeypatch.setattr(sampled, "READ", 2)  # one chunk of the order: too few for the page
    query = q.IncidentQuery(q="source", category=["repression"])
    order_sql, sort, _ = order_by(None, None)
    assert sampled.sampled_page(fstore, query, sort, order_sql, 3, 0) is None
    page = q.search(fstore, query, per_page=3)
    assert (page.total, page.total_is_estimate) == (q.count(fstore.conn, query), False)
    assert [r["id"] for r in page.items] == sql_ids(fstore, query, 1, 3)
