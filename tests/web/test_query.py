
import pytest
import sample

from yalu import review
from yalu.store import Store, sql
from yalu.store import query as q


@pytest.fixture(params=["schema", "without-browse-index"])
def store(request, db_path):
    """Every query test runs on the full schema and without migration 2's indexes
    (the query takes another path then)."""
    s = Store(db_path)
    assert q.has_browse_index(s.conn)
    if request.param == "without-browse-index":
        s.conn.executescript(
            "DROP INDEX incidents_browse; DROP INDEX incident_sources_article; DROP INDEX articles_outlet_id;"
        )
    yield s
    s.close()


def ids_of(page):
    return {r["id"] for r in page.items}


def test_default_list_counts_and_decodes(store, ids):
    page = q.search(store)
    assert page.total == sample.TOTAL
    assert len(page.items) == sample.TOTAL
    arrest = next(r for r in page.items if r["id"] == ids["arrest"])
    assert arrest["actors"][0]["text"] == "Border guards"
    assert arrest["attribution"]["kind"] == "anonymous_source"
    assert arrest["corroboration"] == ["Chosun Ilbo"]
    assert arrest["quantities"][0]["value"] == 3
    assert arrest["sources"] == ["daily-1"]
    assert arrest["evidence"][0]["trigger_start"] is not None
    assert arrest["outlet"] == "Example Daily"
    # newest first by default
    dates = [r["date_start"] for r in page.items]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"category": "repression"}, {"arrest", "punishment", "crackdown"}),
        ({"event_type": "arrest"}, {"arrest"}),
        ({"event_type": ["arrest", "defection"]}, {"arrest", "defection"}),
        ({"admin1": "KP-10"}, {"arrest", "smuggling", "punishment", "lockdown"}),
        ({"admin1": "ryanggang"}, {"arrest", "smuggling", "punishment", "lockdown"}),
        ({"admin2": "Sinuiju"}, {"defection", "crackdown"}),
        ({"outlet": "Example Wire"}, {"defection", "crackdown", "missile", "artillery"}),
        ({"modality": "asserted"}, {"missile", "artillery"}),
        ({"min_confidence": "0.9"}, {"arrest", "missile"}),
        # overlap: the lockdown runs 18-24 March
        ({"date_from": "2024-03-20", "date_to": "2024-03-31"}, {"lockdown"}),
        ({"date_from": "2024-05"}, {"defection", "crackdown", "missile", "artillery", "flood"}),
        ({"date_to": "2024-03"}, {"arrest", "smuggling", "punishment", "lockdown"}),
        # the defection spans 1-10 May: it overlaps a range that starts on 5 May
        ({"date_from": "2024-05-05", "date_to": "2024-05-06"}, {"defection"}),
        ({"q": "smugglers"}, {"arrest", "smuggling", "punishment", "lockdown"}),
        ({"q": "ballistic missiles"}, {"missile", "artillery"}),
        ({"q": '"ballistic missiles"'}, {"missile", "artillery"}),
        ({"q": "missiles smugglers"}, set()),
        ({"q": "smuggl*"}, {"arrest", "smuggling", "punishment", "lockdown"}),
        ({"q": "Sinuiju", "category": "movement"}, {"defection"}),
    ],
)
def test_filters(store, ids, params, expected):
    page = q.search(store, q.IncidentQuery.from_params(params))
    assert ids_of(page) == {ids[name] for name in expected}
    assert page.total == len(expected)


@pytest.mark.parametrize(
    "text",
    ['"', 'AND', 'OR OR', 'NEAR(', 'title:', '*', '"unbalanced', "a AND (", "-", "col:x",
     "'; DROP TABLE incidents; --", "^", "((", "Kim Jong-un", "NOT", "+", "\x00"],
)
@pytest.mark.parametrize("mode", ["simple", "raw"])
def test_fts_never_raises(store, text, mode):
    page = q.search(store, q.IncidentQuery(q=text, fts_mode=mode))
    assert page.total >= 0


def test_fts_raw_mode_allows_operators(store, ids):
    page = q.search(store, q.IncidentQuery(q="missiles OR defected", fts_mode="raw"))
    assert ids_of(page) == {ids[n] for n in ("missile", "artillery", "defection", "crackdown")}
    # the same text in simple mode means all three words
    assert q.search(store, q.IncidentQuery(q="missiles OR defected")).total == 0


def test_phrase_query_quotes():
    assert q.fts_phrase_query('a "b c" d*') == '"a" "b c" "d"*'
    assert q.fts_phrase_query('say "he""llo') is not None
    assert q.fts_phrase_query("!!! ...") is None


def test_sort_whitelist_and_pagination(store):
    page = q.search(store, sort="confidence", order="asc", per_page=4)
    conf = [r["confidence"] for r in page.items]
    assert conf == sorted(conf) and len(conf) == 4
    assert page.total == sample.TOTAL and page.pages == 3
    last = q.search(store, sort="confidence", order="asc", per_page=4, page=3)
    assert len(last.items) == 1
    # unknown sort column and order fall back, no SQL injection
    page = q.search(store, sort="id; DROP TABLE incidents", order="sideways")
    assert page.sort == "date" and page.total == sample.TOTAL
    page = q.search(store, sort="outlet", order="asc")
    outlets = [r["outlet"] for r in page.items]
    assert outlets == sorted(outlets)


def test_rejected_and_merged_hidden_by_default(store, ids):
    conn = store.conn
    conn.execute("UPDATE incidents SET review_status='rejected' WHERE id=?", (ids["arrest"],))
    conn.execute("UPDATE incidents SET merged_into=? WHERE id=?", (ids["arrest"], ids["smuggling"]))
    assert q.search(store).total == sample.TOTAL - 2
    assert q.search(store, q.IncidentQuery(include_rejected=True)).total == sample.TOTAL - 1
    assert q.search(store, q.IncidentQuery(include_merged=True)).total == sample.TOTAL - 1
    both = q.IncidentQuery(include_merged=True, include_rejected=True)
    assert q.search(store, both).total == sample.TOTAL
    # asking for rejected records by status shows them
    assert ids_of(q.search(store, q.IncidentQuery(review_status="rejected"))) == {ids["arrest"]}


def test_params_round_trip():
    query = q.IncidentQuery(category=["military"], admin1="KP-10", date_from="2024-01",
                            date_to="2024", min_confidence="0.5", q="boat", include_rejected=True)
    again = q.IncidentQuery.from_params(dict_of_lists(query.to_params()))
    assert again == query
    assert query.date_to.isoformat() == "2024-12-31"


def dict_of_lists(pairs):
    out = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


def test_bad_values_raise_query_error():
    with pytest.raises(q.QueryError):
        q.IncidentQuery(date_from="yesterday")
    with pytest.raises(q.QueryError):
        q.IncidentQuery(min_confidence="high")


def test_weekly_counts(store):
    data = q.weekly_counts(store)
    assert data["total"] == sample.WEEK_DATED
    assert data["coarse"] == sample.TOTAL - sample.WEEK_DATED and data["undated"] == 0
    assert all(w for w in data["weeks"])
    # Monday weeks, contiguous
    from datetime import date, timedelta
    weeks = [date.fromisoformat(w) for w in data["weeks"]]
    assert all(w.weekday() == 0 for w in weeks)
    assert all(b - a == timedelta(days=7) for a, b in zip(weeks, weeks[1:]))
    assert sum(sum(v) for v in data["series"].values()) == sample.WEEK_DATED
    assert "movement" not in data["series"]  # the only movement record is the early-May one
    # 12 March 2024 is a Tuesday: the week of Monday 11 March holds the arrest,
    # the punishment (13 March) and the smuggling
    i = data["weeks"].index("2024-03-11")
    assert data["series"]["repression"][i] == 2 and data["series"]["illicit"][i] == 1
    military = q.weekly_counts(store, q.IncidentQuery(category="military"))
    assert military["total"] == 2 and list(military["series"]) == ["military"]


def test_map_points(store):
    fc = q.map_points(store)
    assert len(fc["features"]) == sample.LOCATED
    assert fc["unlocated"] == sample.TOTAL - sample.LOCATED
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert 124 < lon < 131 and 37 < lat < 44


def test_map_points_are_the_located_rows_newest_first(store):
    """SQLite writes the features (map_json): each is its row, in the list's date order."""
    rows = store.conn.execute(
        "SELECT id, latitude, longitude, category, event_type, date_start, summary, location_name, "
        "review_status FROM incidents WHERE latitude IS NOT NULL AND review_status != 'rejected' "
        "AND merged_into IS NULL ORDER BY date_start DESC, id DESC").fetchall()
    expected = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [r[2], r[1]]},
                 "properties": {"id": r[0], "category": r[3], "event_type": r[4], "date": r[5],
                                "summary": r[6], "location": r[7], "review_status": r[8]}}
                for r in rows]
    assert len(expected) > 3
    fc = q.map_points(store)
    assert fc["features"] == expected and fc["truncated"] is False
    cut = q.map_points(store, limit=3)
    assert cut["features"] == expected[:3]
    assert (cut["located"], cut["truncated"]) == (len(expected), True)
    none = q.map_points(store, q.IncidentQuery(q="nowhere-such-word"))
    assert (none["features"], none["total"], none["located"]) == ([], 0, 0)


def test_get_related_and_facets(store, ids):
    rec = q.get(store, ids["lockdown"])
    assert len(rec["evidence"]) == 2
    rel = {r["id"] for r in q.related(store, ids["arrest"])}
    assert rel == {ids["smuggling"], ids["punishment"], ids["lockdown"]}
    assert q.get(store, "nope") is None
    facets = q.facets(store)
    assert {"code": "KP-10", "name": "Ryanggang", "country": "KP"} in facets["provinces"]
    assert facets["outlets"] == ["Example Daily", "Example Wire"]
    assert facets["event_types"]["arrest"] == "repression"


def test_iter_records_for_export(store):
    rows = q.records(store, q.IncidentQuery(category="military"))
    assert len(rows) == 2 and all("evidence" in r and "sources" in r for r in rows)


def test_event_types_cover_ontology():
    types = q.event_types()
    assert len(types) == 25
    assert types["missile_launch"] == "military"


@pytest.mark.parametrize("share", [0.0, 2.0], ids=["broad-path", "narrow-path"])
def test_search_paths_agree(store, ids, monkeypatch, share):
    """A search matching most articles is resolved through the articles that do not
    match; both ways give the same records, counts and order, merges included."""
    monkeypatch.setattr(sql, "BROAD_SHARE", share)
    everyone = {n for n in ("arrest", "smuggling", "punishment", "lockdown", "defection",
                            "crackdown", "flood")}
    page = q.search(store, q.IncidentQuery(q="source"))
    assert ids_of(page) == {ids[n] for n in everyone} and page.total == 7
    conf = q.search(store, q.IncidentQuery(q="source"), sort="confidence", per_page=3)
    assert [r["confidence"] for r in conf.items] == [0.91, 0.88, 0.8] and conf.total == 7
    assert q.count(store, q.IncidentQuery(q="source", category="repression")) == 3
    # the artillery record (article 3, no "source") gains a matching source by a merge
    review.merge(store, ids["artillery"], ids["arrest"], "tester")
    page = q.search(store, q.IncidentQuery(q="source"))
    assert ids["artillery"] in ids_of(page) and ids["arrest"] not in ids_of(page)
    assert page.total == 7 == len(page.items)
    weekly = q.weekly_counts(store, q.IncidentQuery(q="source"))
    assert weekly["total"] == 6 and weekly["coarse"] == 1  # the early-May defection
    assert len(q.map_points(store, q.IncidentQuery(q="source"))["features"]) == 6


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"dated": "week"}, {"arrest", "smuggling", "punishment", "lockdown", "crackdown",
                             "missile", "artillery", "flood"}),
        # "in early May" is a ten-day window: dated, but only roughly
        ({"dated": "coarse"}, {"defection"}),
        ({"dated": "yes", "category": "movement"}, {"defection"}),
        ({"dated": "no"}, set()),
        ({"located": "no"}, {"artillery"}),
        ({"located": "yes", "outlet": "Example Wire"}, {"defection", "crackdown", "missile"}),
        ({"located": "false"}, {"artillery"}),
    ],
)
def test_dated_and_located_filters(store, ids, params, expected):
    query = q.IncidentQuery.from_params(params)
    assert ids_of(q.search(store, query)) == {ids[n] for n in expected}
    assert q.count(store, query) == len(expected)
    # the URL gives the same query back
    again = q.IncidentQuery.from_params(dict_of_lists(query.to_params()))
    assert again == query


def test_dated_filter_on_an_undated_record(store, ids):
    store.conn.execute("UPDATE incidents SET date_start = NULL, date_end = NULL, time_precision = 0 "
                       "WHERE id = ?", (ids["artillery"],))
    assert ids_of(q.search(store, q.IncidentQuery(dated="no"))) == {ids["artillery"]}
    assert ids["artillery"] not in ids_of(q.search(store, q.IncidentQuery(dated="yes")))
    data = q.weekly_counts(store)
    assert data["undated"] == 1 and data["coarse"] == 1
    assert data["total"] == sample.TOTAL - 2


def test_dated_and_located_bad_values():
    with pytest.raises(q.QueryError):
        q.IncidentQuery(dated="sometimes")
    with pytest.raises(q.QueryError):
        q.IncidentQuery(located="maybe")
    assert q.IncidentQuery(dated="", located="").to_params() == []


def test_weekly_counts_leave_out_year_long_records(store, ids):
    """A record known only as "in 2020" is no spike in the week of 30 December 2019, and it
    does not stretch the chart over years of empty weeks."""
    store.conn.execute("UPDATE incidents SET date_start = '2020-01-01', date_end = '2020-12-31', "
                       "time_precision = 4 WHERE id = ?", (ids["flood"],))
    data = q.weekly_counts(store)
    assert data["weeks"][0] == "2024-03-11" and "2019-12-30" not in data["weeks"]
    assert data["coarse"] == 2 and data["total"] == sample.TOTAL - 2


@pytest.mark.parametrize("sort", ["admin1", "admin2", "date"])
def test_missing_values_sort_last_both_ways(store, ids, sort):
    store.conn.execute("UPDATE incidents SET date_start = NULL, date_end = NULL WHERE id = ?",
                       (ids["artillery"],))
    for order in ("asc", "desc"):
        page = q.search(store, sort=sort, order=order)
        assert page.items[-1]["id"] == ids["artillery"], (sort, order)
        keys = [r["date_start" if sort == "date" else sort] for r in page.items[:-1]]
        assert None not in keys
        assert keys == sorted(keys, reverse=order == "desc")


@pytest.mark.parametrize(("text", "expected"), [
    ("missiles NOT ballistic", set()),
    ("(missiles OR defected) NOT Sinuiju", {"missile", "artillery"}),
    ('"ballistic missiles" AND smuggl*', set()),
    ("smuggl* OR defect*", {"arrest", "smuggling", "punishment", "lockdown", "defection", "crackdown"}),
])
def test_fts_raw_mode_operators_mean_the_same_on_both_backends(store, ids, text, expected):
    page = q.search(store, q.IncidentQuery(q=text, fts_mode="raw"))
    assert ids_of(page) == {ids[n] for n in expected}
