"""Facet counts, multi-value filters, provinces by country, search snippets and records
several outlets report: the store functions and the list page and API (no browser)."""

import json
import re
import warnings

import facet_sample
import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from fastapi.testclient import TestClient  # noqa: E402

from yalu.serve import create_app  # noqa: E402
from yalu.store import Store  # noqa: E402
from yalu.store import query as q  # noqa: E402
from yalu.store.facets import FEW_CODES, Column  # noqa: E402


@pytest.fixture
def built(new_db, tmp_path):
    path = new_db("facets.db")
    return path, facet_sample.build(path)


@pytest.fixture
def fstore(built):
    s = Store(built[0])
    yield s
    s.close()


@pytest.fixture
def web(built):
    return TestClient(create_app(built[0], secret_key="test-secret"),
                      base_url="http://127.0.0.1")


def counts(facet: list[dict]) -> dict:
    return {f["value"]: f["count"] for f in facet}


def test_facet_counts_leave_out_their_own_filter(fstore):
    every = q.facet_counts(fstore)
    # 10 records, the rejected one left out unless asked for
    assert counts(every["review_status"]) == {"machine": 7, "approved": 1, "edited": 1}
    assert counts(every["outlet"]) == {"Example Daily": 4, "Example Wire": 4, "Example Gazette": 1}
    assert counts(every["month"]) == {"2024-07": 1, "2024-06": 2, "2024-05": 2, "2024-03": 3,
                                      "2019-01": 1}
    assert [f["value"] for f in every["month"]][:2] == ["2024-07", "2024-06"]  # newest first
    ryanggang = next(f for f in every["admin1"] if f["value"] == "KP-10")
    assert ryanggang == {"value": "KP-10", "label": "Ryanggang", "count": 3}
    chosen = q.facet_counts(fstore, q.IncidentQuery(admin1=["KP-10"], review_status=["approved"]))
    # the province facet counts without the province filter (what adding one would add),
    # the status facet without the status filter; every other facet within both
    assert counts(chosen["admin1"]) == {"KP-10": 1}
    assert counts(chosen["review_status"]) == {"machine": 1, "approved": 1, "edited": 1}
    assert counts(chosen["event_type"]) == {"arrest": 1}
    with_rejected = q.facet_counts(fstore, q.IncidentQuery(include_rejected=True))
    assert counts(with_rejected["review_status"])["rejected"] == 1


def test_facet_counts_follow_the_data(fstore, built):
    before = counts(q.facet_counts(fstore)["review_status"])
    fstore.write(lambda conn: conn.execute(
        "UPDATE incidents SET review_status = 'approved' WHERE id = ?", (built[1]["lockdown"],)))
    after = counts(q.facet_counts(fstore)["review_status"])
    assert after["approved"] == before["approved"] + 1
    assert after["machine"] == before["machine"] - 1


def test_api_facets_gives_counts_for_the_filters(web):
    body = web.get("/api/facets", params={"category": "repression"}).json()
    assert "provinces" in body and "review_statuses" in body  # the filter values as before
    assert counts(body["counts"]["event_type"]) == {"arrest": 1, "crackdown": 1}
    assert web.get("/api/facets", params={"date_from": "often"}).status_code == 400


def test_multi_value_status_filter_keeps_every_value(web):
    html = web.get("/?review_status=approved,edited,rejected&include_rejected=1").text
    assert 'id="result-count"><strong>3</strong> incidents' in html
    select = html[html.index('<select name="review_status"'):]
    select = select[:select.index("</select>")]
    assert "multiple" in select
    assert sorted(re.findall(r'value="(\w+)" selected', select)) == ["approved", "edited", "rejected"]
    for status in ("approved", "edited", "rejected"):
        assert f"review: {status}" in html
    # what the form submits (each selected value, repeated) reads back the same
    again = web.get("/?review_status=approved&review_status=edited&review_status=rejected"
                    "&include_rejected=1").text
    assert 'id="result-count"><strong>3</strong> incidents' in again


def test_provinces_grouped_by_country_with_names(web):
    html = web.get("/?admin1=KP-10").text
    select = html[html.index('<select name="admin1"'):]
    select = select[:select.index("</select>")]
    groups = re.findall(r'<optgroup label="([^"]+)">', select)
    assert groups == ["North Korea", "Russia"]
    assert re.search(r'<option value="KP-10" title="KP-10" selected>Ryanggang</option>', select)
    assert "(KP-10)" not in select
    assert "province: Ryanggang" in html and "province: KP-10" not in html


def test_facet_links_add_and_remove_a_value(web):
    html = web.get("/?event_type=arrest").text
    box = html[html.index('data-facet="event_type"'):]
    box = box[:box.index("</div>")]
    # the chosen value's link takes it off; another's adds it
    assert 'class="chosen"><a href="/" data-value="arrest"' in box
    assert 'href="/?event_type=arrest&amp;event_type=crackdown"' in box
    months = html[html.index('data-facet="month"'):]
    assert 'href="/?event_type=arrest&amp;date_from=2024-03&amp;date_to=2024-03"' in months


def test_search_snippets_mark_the_hit_and_escape_the_text(web):
    html = web.get("/?q=Chongjin").text
    snippet = re.search(r'<div class="snippet">(.*?)</div>', html, re.S).group(1)
    assert "<mark>Chongjin</mark>" in snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet


def test_search_in_evidence_or_whole_articles(web, built):
    ids = built[1]
    # "smugglers" is in the whole article of four records, in the evidence of three
    whole = web.get("/?q=smugglers&include_rejected=1").text
    assert 'id="result-count"><strong>4</strong> incidents' in whole
    evidence = web.get("/?q=smugglers&search_in=evidence&include_rejected=1").text
    assert 'id="result-count"><strong>3</strong> incidents' in evidence
    assert f'data-id="{ids["punishment"]}"' not in evidence  # its sentence is the guard's
    assert "search in evidence" in evidence
    assert "<mark>smugglers</mark> had carried" in evidence  # its own sentence, marked
    api = web.get("/api/incidents", params={"q": "smugglers", "search_in": "evidence"}).json()
    assert {r["id"] for r in api["items"]} == {ids["arrest"], ids["smuggling"], ids["lockdown"]}
    # the form offers the choice, and keeps it
    select = evidence[evidence.index('<select name="search_in"'):]
    assert '<option value="evidence" selected>' in select[:select.index("</select>")]


def test_records_several_outlets_report_are_marked(web, built):
    html = web.get("/?event_type=arrest").text
    cell = html[html.index('class="multi-outlet"'):]
    cell = cell[:cell.index("</td>")]
    assert "2 outlets" in cell and "Example Daily · Example Wire" in cell
    single = web.get("/?event_type=crackdown").text
    assert 'class="multi-outlet"' not in single


QUERIES = [
    {}, {"include_rejected": True}, {"category": ["repression", "movement"]},
    {"event_type": ["arrest", "smuggling"], "admin1": ["Yanggang"]},
    {"admin1": ["KP-10", "north pyongan"]}, {"outlet": ["Example Wire"], "modality": ["reported"]},
    {"review_status": ["rejected", "approved"]}, {"review_status": ["machine"], "include_rejected": True},
    {"date_from": "2024-05", "date_to": "2024-06"}, {"date_to": "2020"}, {"min_confidence": 0.8},
    {"date_from": "2024-03-12", "date_to": "2024-03-12"}, {"min_confidence": 0.91},
    {"q": "smugglers"}, {"q": "smugglers", "search_in": "evidence", "include_rejected": True},
    {"q": "Hyesan", "category": ["repression"]}, {"q": "the"}, {"q": "the", "include_rejected": True},
    {"q": "the", "category": ["repression", "society"], "fts_mode": "raw"}, {"dated": "week", "located": True},
    {"admin2": ["Hyesan"], "event_type": ["lockdown"]}, {"article_id": "daily-1"},
    {"include_merged": True, "outlet": ["Example Daily", "Example Gazette"]},
    # more values than facets.FEW_CODES: looked up in the values' table, not compared
    {"event_type": ["arrest", "smuggling", "crackdown", "lockdown", "execution", "defection"],
     "date_from": "2024-03-12"},
]
OWN = {"event_type": "event_type", "admin1": "admin1", "outlet": "outlet",
       "modality": "modality", "review_status": "review_status"}


@pytest.mark.parametrize("params", QUERIES, ids=lambda p: ",".join(p) or "all")
def test_every_facet_count_is_the_count_of_that_filter_in_sql(fstore, params):
    """The arrays give what SQL gives: each value's count is `count()` of the query with
    the facet's filter set to that value, and the months add up to the dated matches."""
    query = q.IncidentQuery(**params)
    found = q.facet_counts(fstore, query)
    for facet, own in OWN.items():
        for f in found[facet]:
            asked = q.IncidentQuery(**{**params, own: [f["value"]]})
            assert f["count"] == q.count(fstore, asked), (facet, f)
        if not getattr(query, own):  # without that filter, every value is listed
            listed = sum(f["count"] for f in found[facet])
            missing = q.count(fstore, query) - listed
            assert missing >= 0
            if facet not in ("admin1", "outlet"):  # these may be missing (NULL)
                assert missing == 0, facet
    dated = q.count(fstore, q.IncidentQuery(**{**params, "dated": params.get("dated", "yes")}))
    assert sum(f["count"] for f in found["month"]) == dated
    assert q.facet_counts(fstore.conn, query) == found  # a bare connection: the same
    # a Store counts over the same arrays (facets.matching_count), a connection in SQL
    assert q.count(fstore, query) == q.count(fstore.conn, query)


def test_incident_page_names_the_outlets_that_report_it(web, built):
    html = web.get(f"/incidents/{built[1]['arrest']}").text
    tag = html[html.index('class="tag multi-outlet"'):]
    tag = tag[:tag.index("</span>")]
    assert "reported by 2 outlets" in tag
    assert '<a href="#article-1">Example Daily</a>' in tag and "Example Wire</a>" in tag
    assert 'id="article-2"' in html  # each source article is shown below
    assert "multi-outlet" not in web.get(f"/incidents/{built[1]['crackdown']}").text


def test_an_empty_database_has_empty_facets(new_db, tmp_path):
    store = Store(new_db("empty.db"))
    try:
        for query in (q.IncidentQuery(), q.IncidentQuery(q="flood", event_type=["arrest"],
                                                         date_from="2020", min_confidence=0.5)):
            assert q.facet_counts(store, query) == {name: [] for name in q.FACETS}
    finally:
        store.close()


@pytest.fixture
def unnamed(built):
    """The facet sample plus an article that names no outlet, with two incidents."""
    from datetime import date

    import sample

    from yalu.model import Article, Incident, TimeSpan

    path, ids = built
    text = "Police in Hyesan arrested two traders. A fire destroyed a market in Hyesan."
    records = [Incident(event_type=t, category=c, summary=s, time=TimeSpan(date(2024, 5, 2), date(2024, 5, 2), 1, "on 2 May"),
                        modality="reported", evidence=[sample.ev(text, sentence, trigger)], confidence=0.6)
               for t, c, s, sentence, trigger in (
                   ("arrest", "repression", "Traders arrested in Hyesan.", text[:38], "arrested"),
                   ("fire", "society", "A market burned in Hyesan.", text[39:], "fire"))]
    store = Store(path)
    store.save_article(Article(text=text, id="nameless-1", title="Traders and a fire", published=date(2024, 5, 3)),
                       records)
    store.close()
    return path, {r.id for r in records}


def test_the_none_outlet_filters_facets_and_lists_records_without_an_outlet(unnamed):
    path, nameless = unnamed
    store = Store(path)
    none = q.IncidentQuery(outlet=[q.NO_OUTLET])
    assert {r["id"] for r in q.records(store, none)} == nameless
    both = q.IncidentQuery(outlet=[q.NO_OUTLET, "Example Wire"])
    wire = q.count(store, q.IncidentQuery(outlet=["Example Wire"]))
    assert q.count(store, both) == wire + 2 > 2
    assert q.count(store.conn, both) == q.count(store, both)  # SQL and the arrays agree
    assert q.facets(store)["outlets"][-1] == q.NO_OUTLET
    for query in (q.IncidentQuery(), q.IncidentQuery(event_type=["arrest"]), both,
                  q.IncidentQuery(q="Hyesan", outlet=[q.NO_OUTLET])):
        found = counts(q.facet_counts(store, query)["outlet"])
        assert found[q.NO_OUTLET] == q.count(store, q.IncidentQuery(**{**vars(query), "outlet": [q.NO_OUTLET]}))
        # every match has an outlet value now, "(none)" included
        assert sum(found.values()) == q.count(store, q.IncidentQuery(**{**vars(query), "outlet": []}))
    assert counts(q.facet_counts(store, q.IncidentQuery(event_type=["arrest"]))["outlet"])[q.NO_OUTLET] == 1
    store.close()
    web = TestClient(create_app(path, secret_key="test-secret"), base_url="http://127.0.0.1")
    html = web.get("/", params={"outlet": "(none)"}).text
    assert 'id="result-count"><strong>2</strong> incidents' in html and "outlet: (none)" in html
    assert '<option value="(none)" title="(none)" selected>' in html
    api = web.get("/api/incidents", params={"outlet": "(none)"}).json()
    assert {r["id"] for r in api["items"]} == nameless
    from click.testing import CliRunner

    from yalu.cli import cli

    out = CliRunner().invoke(cli, ["incidents", "--db", str(path), "--outlet", "(NONE)", "--format", "json"])
    assert out.exit_code == 0, out.output
    assert {json.loads(line)["id"] for line in out.stdout.splitlines()} == nameless


def test_a_count_reads_the_facet_arrays_only_once_they_are_read(fstore):
    """A list without facets (the API, a script) does not read every incident's columns
    for its count; once the facets have, counts come from them and agree with SQL."""
    from yalu.store.facets import COLUMNS_KEY

    search = q.IncidentQuery(q="Hyesan", category=["repression"])
    sql = q.count(fstore.conn, search)
    assert q.count(fstore, search) == sql and fstore.remembered(COLUMNS_KEY) is None
    q.facet_counts(fstore, q.IncidentQuery())
    assert fstore.remembered(COLUMNS_KEY) is not None
    for query in (q.IncidentQuery(q="Hyesan"), q.IncidentQuery(q="smugglers", modality=["reported"])):
        assert q.count(fstore, query) == q.count(fstore.conn, query) > 0
    fstore.conn.execute("UPDATE incidents SET review_status = 'approved'")  # a new data version
    assert fstore.remembered(COLUMNS_KEY) is None


def test_a_hangul_search_counts_from_the_arrays_as_sql_does(fstore):
    """A Hangul search goes through the trigram index (store migration 9); found from the
    arrays (facets._searched), its count and facets are SQL's."""
    from datetime import date

    import sample

    from yalu.model import Article, Incident, TimeSpan

    text = "혜산시에서 밀수꾼 2명이 체포됐다. 국경경비대가 탈북을 막았다."
    incident = Incident(event_type="arrest", category="repression", summary="혜산 체포",
                        time=TimeSpan(date(2024, 5, 2), date(2024, 5, 2), 1, "2일"), modality="reported",
                        evidence=[sample.ev(text, text[:18], "체포")], confidence=0.7)
    fstore.save_article(Article(text=text, id="ko-1", title="혜산 소식", lang="ko", outlet="Example Daily",
                                published=date(2024, 5, 3)), [incident])
    q.facet_counts(fstore, q.IncidentQuery())  # the arrays are read: counts come from them
    for query in (q.IncidentQuery(q="혜산"), q.IncidentQuery(q="탈북", event_type=["arrest"]),
                  q.IncidentQuery(q="혜산시"), q.IncidentQuery(q="평양냉면")):
        assert q.count(fstore, query) == q.count(fstore.conn, query), query.q
        assert sum(counts(q.facet_counts(fstore, query)["event_type"]).values()) == q.count(fstore.conn, query)
    assert q.count(fstore, q.IncidentQuery(q="혜산")) == 1


def test_a_column_selects_the_rows_of_its_values_few_or_many():
    """Column.isin compares the codes of a few values and looks many up in a table: the
    rows are the same either way."""
    texts = [f"v{k % 9}" for k in range(200)] + [""]
    column = Column.of(texts)
    for wanted in (["v1"], ["v1", "v3", ""], [f"v{k}" for k in range(FEW_CODES + 2)], ["absent"], []):
        assert column.isin(wanted).tolist() == [t in wanted for t in texts], wanted
