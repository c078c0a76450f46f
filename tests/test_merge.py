"""Cross-source merging: two outlets' reports of one incident become one record."""

from datetime import date

from yalu import query
from yalu.model import Article, Evidence, Incident, Location, TimeSpan
from yalu.store import Store

HYESAN = Location(location_name="Hyesan", country="KP", admin1="Ryanggang", admin1_code="KP-10", admin2="Hyesan", geo_precision=1)
MUSAN = Location(location_name="Musan", country="KP", admin1="North Hamgyong", admin1_code="KP-09", admin2="Musan", geo_precision=1)


def _report(text, outlet, location=HYESAN, when=TimeSpan(date(2025, 3, 4), date(2025, 3, 4), 1, "on Tuesday"), event_type="arrest"):
    article = Article(text=text, outlet=outlet, published=date(2025, 3, 6))
    incident = Incident(
        event_type=event_type, category="repression", summary="Arrest.", time=when, location=location,
        evidence=[Evidence(0, len(text), 0, 6, text)], confidence=0.8,
    )
    return article, [incident]


def test_second_outlet_joins_the_first_record(tmp_path):
    store = Store(tmp_path / "y.db")
    first = store.save_article(*_report("Police arrested two smugglers in Hyesan on Tuesday (fictional).", "Daily Example"))
    second = store.save_article(*_report("Two smugglers were detained in Hyesan this week (fictional).", "Example Radio",
                                         when=TimeSpan(date(2025, 3, 2), date(2025, 3, 6), 2, "this week")))
    [record] = query.records(store)
    assert record["sources"] == sorted([first, second])
    assert "Example Radio" in record["corroboration"]
    merged = store.conn.execute("SELECT count(*) FROM incidents WHERE merged_into = ?", (record["id"],)).fetchone()[0]
    assert merged == 1


def test_different_places_types_or_times_stay_apart(tmp_path):
    store = Store(tmp_path / "y.db")
    store.save_article(*_report("Police arrested two smugglers in Hyesan on Tuesday (fictional).", "A"))
    store.save_article(*_report("Police arrested two smugglers in Musan on Tuesday (fictional).", "B", location=MUSAN))
    store.save_article(*_report("Smugglers were caught in Hyesan last year (fictional).", "C",
                                when=TimeSpan(date(2024, 1, 1), date(2024, 12, 31), 4, "last year")))
    store.save_article(*_report("Smuggling in Hyesan on Tuesday (fictional).", "D", event_type="smuggling"))
    assert len(query.records(store)) == 4
