"""Merging across outlets: two outlets' reports of one incident become one record.

Articles go in as `yalu ingest` stores them (`store_and_merge`: the store stage, then the
merge stage, in one transaction)."""

import sqlite3
from datetime import date

import pytest

import yalu.merge.outlets
from yalu.cli import store_and_merge as ingest
from yalu.model import Actor, Article, Evidence, Incident, Location, TimeSpan
from yalu.store import Store, query

HYESAN = Location(location_name="Hyesan", country="KP", admin1="Ryanggang", admin1_code="KP-10", admin2="Hyesan", geo_precision=1)
MUSAN = Location(location_name="Musan", country="KP", admin1="North Hamgyong", admin1_code="KP-09", admin2="Musan", geo_precision=1)


def _report(text, outlet, location=HYESAN, when=TimeSpan(date(2025, 3, 4), date(2025, 3, 4), 1, "on Tuesday"), event_type="arrest"):
    article = Article(text=text, outlet=outlet, published=date(2025, 3, 6))
    incident = Incident(
        event_type=event_type, category="repression", summary="Arrest.", time=when, location=location,
        evidence=[Evidence(0, len(text), 0, 6, text)], confidence=0.8,
    )
    return article, [incident]


def test_second_outlet_joins_the_first_record(new_db):
    store = Store(new_db("y.db"))
    first = ingest(store, *_report("Police arrested two smugglers in Hyesan on Tuesday (fictional).", "Daily Example"))
    second = ingest(store, *_report("Two smugglers were detained in Hyesan this week (fictional).", "Example Radio",
                                         when=TimeSpan(date(2025, 3, 2), date(2025, 3, 6), 2, "this week")))
    [record] = query.records(store)
    assert record["sources"] == sorted([first, second])
    assert "Example Radio" in record["corroboration"]
    merged = store.conn.execute("SELECT count(*) FROM incidents WHERE merged_into = ?", (record["id"],)).fetchone()[0]
    assert merged == 1


def test_automatic_merge_writes_an_audit_row_on_both_records(new_db):
    store = Store(new_db("y.db"))
    ingest(store, *_report("Police arrested two smugglers in Hyesan on Tuesday (fictional).", "Daily Example"))
    second = ingest(store, *_report("Two smugglers were detained in Hyesan on Tuesday (fictional).", "Example Radio"))
    [record] = query.records(store)
    [loser] = [r[0] for r in store.conn.execute("SELECT id FROM incidents WHERE merged_into IS NOT NULL")]
    [kept_row] = query.audit_trail(store, record["id"])
    assert (kept_row["user"], kept_row["action"]) == ("yalu", "auto_merge")
    assert kept_row["after"]["merged"] == loser and kept_row["after"]["source_added"] == second
    assert kept_row["after"]["corroborates"] is True
    [loser_row] = query.audit_trail(store, loser)
    assert loser_row["action"] == "auto_merged_into" and loser_row["after"]["merged_into"] == record["id"]
    assert loser_row["before"] == {"merged_into": None}


def test_different_places_types_or_times_stay_apart(new_db):
    store = Store(new_db("y.db"))
    ingest(store, *_report("Police arrested two smugglers in Hyesan on Tuesday (fictional).", "A"))
    ingest(store, *_report("Police arrested two smugglers in Musan on Tuesday (fictional).", "B", location=MUSAN))
    ingest(store, *_report("Smugglers were caught in Hyesan last year (fictional).", "C",
                                when=TimeSpan(date(2024, 1, 1), date(2024, 12, 31), 4, "last year")))
    ingest(store, *_report("Smuggling in Hyesan on Tuesday (fictional).", "D", event_type="smuggling"))
    assert len(query.records(store)) == 4


def test_reports_of_one_launch_day_are_one_incident(new_db):
    """A launch is the state's act, told from anywhere: the same day ties two reports
    that name no county, unless they name two different provinces."""
    store = Store(new_db("y.db"))
    sea = Location(location_name="East Sea", geo_precision=3)
    wonsan = Location(location_name="Wonsan", country="KP", admin1="Kangwon", admin1_code="KP-07", admin2="Wonsan", geo_precision=1)
    pyongyang = Location(location_name="Sunan", country="KP", admin1="Pyongyang", admin1_code="KP-01", admin2="Sunan", geo_precision=1)
    day = TimeSpan(date(2025, 3, 4), date(2025, 3, 4), 1, "on Tuesday")
    first = ingest(store, *_report("North Korea fired a missile from Wonsan on Tuesday (fictional).", "A",
                                        location=wonsan, when=day, event_type="missile_launch"))
    second = ingest(store, *_report("North Korea launched a missile into the East Sea (fictional).", "B",
                                         location=sea, when=TimeSpan(date(2025, 3, 4), date(2025, 3, 5), 1), event_type="missile_launch"))
    ingest(store, *_report("North Korea fired a missile from Sunan on Tuesday (fictional).", "C",
                                location=pyongyang, when=day, event_type="missile_launch"))
    ingest(store, *_report("North Korea fired a missile on Thursday (fictional).", "D",
                                location=sea, when=TimeSpan(date(2025, 3, 6), date(2025, 3, 6), 1), event_type="missile_launch"))
    records = query.records(store)
    assert len(records) == 3  # Wonsan with the East Sea report; Sunan; Thursday's
    joined = next(r for r in records if r["admin2"] == "Wonsan")
    assert joined["sources"] == sorted([first, second])


def test_arrests_with_no_county_stay_apart(new_db):
    store = Store(new_db("y.db"))
    nowhere = Location()
    ingest(store, *_report("Police arrested two smugglers on Tuesday (fictional).", "A", location=nowhere))
    ingest(store, *_report("Police arrested a broker on Tuesday (fictional).", "B", location=nowhere))
    assert len(query.records(store)) == 2


def test_same_county_name_in_two_provinces_stays_apart(new_db):
    store = Store(new_db("y.db"))
    north = Location(location_name="Ongjin", country="KP", admin1="South Hwanghae", admin1_code="KP-05", admin2="Ongjin", geo_precision=1)
    south = Location(location_name="Yeonpyeong Island", country="KR", admin1="Incheon", admin1_code="KR-28", admin2="Ongjin", geo_precision=1)
    ingest(store, *_report("Coastal guns fired from Ongjin County (fictional).", "A", location=north, event_type="artillery_fire"))
    ingest(store, *_report("Marines fired from Yeonpyeong Island (fictional).", "B", location=south, event_type="artillery_fire"))
    assert len(query.records(store)) == 2


def test_the_souths_test_is_not_the_norths_launch(new_db):
    store = Store(new_db("y.db"))
    day = TimeSpan(date(2025, 3, 4), date(2025, 3, 4), 1, "on Tuesday")
    north = _report("North Korea fired a missile on Tuesday (fictional).", "A", location=Location(), when=day, event_type="missile_launch")
    north[1][0].actors = [Actor(text="North Korea", role="agent", kind="state", normalized="North Korea")]
    south = _report("The South's military test-fired a missile on Tuesday (fictional).", "B", location=Location(), when=day,
                    event_type="missile_launch")
    south[1][0].actors = [Actor(text="South Korean military", role="agent", kind="unit", normalized="South Korean military")]
    ingest(store, *north)
    ingest(store, *south)
    assert len(query.records(store)) == 2


def test_an_outlets_republication_merges_but_corroborates_nothing(new_db):
    store = Store(new_db("y.db"))
    ingest(store, *_report("Police arrested two smugglers in Hyesan on Tuesday (fictional).", "Daily Example"))
    ingest(store, *_report("Police arrested two smugglers in Hyesan on Tuesday, updated (fictional).", "Daily Example"))
    [record] = query.records(store)
    assert record["corroboration"] == []


def test_storing_alone_does_not_merge(new_db):
    """Merging is its own stage: Store.save_article only stores."""
    store = Store(new_db("y.db"))
    store.save_article(*_report("Police arrested two smugglers in Hyesan on Tuesday (fictional).", "A"))
    store.save_article(*_report("Two smugglers were detained in Hyesan on Tuesday (fictional).", "B"))
    assert len(query.records(store)) == 2


def test_a_failed_merge_stores_nothing_of_the_article(new_db, monkeypatch):
    store = Store(new_db("y.db"))
    ingest(store, *_report("Police arrested two smugglers in Hyesan on Tuesday (fictional).", "A"))

    def broken(conn, incident_id):
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr(yalu.merge.outlets, "join_earlier_report", broken)
    with pytest.raises(sqlite3.OperationalError):
        ingest(store, *_report("Two smugglers were detained in Hyesan on Tuesday (fictional).", "B"))
    assert store.counts() == {"articles": 1, "incidents": 1}
    assert not store.conn.in_transaction
