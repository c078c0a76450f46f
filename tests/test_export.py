import csv
import io
import json
from datetime import date

import pytest

from yalu.export import ACLED_COLUMNS, render
from yalu.model import Article, Evidence, Incident, Location, TimeSpan
from yalu.store import Store, query

RECORD = {
    "id": "inc-1", "event_type": "bribery", "category": "illicit", "summary": "Bribery.",
    "date_start": "2020-11-01", "date_end": "2020-11-24", "time_precision": 4, "date_expression": "recently",
    "country": "KP", "admin1": "Ryanggang", "admin1_code": "KP-10", "admin2": "Kim Jong Suk",
    "location_name": "Sinpa County", "latitude": 41.4, "longitude": 127.8, "geo_precision": 1,
    "actors": [{"role": "agent", "text": "officer", "normalized": "political officer"},
               {"role": "victim", "text": "soldier", "normalized": "soldier"}],
    "quantities": [{"kind": "money", "value": 500, "unit": "CNY", "text": "RMB 500"}],
    "modality": "reported", "attribution": {"text": "a source", "kind": "anonymous_source"},
    "corroboration": [], "sources": ["a1"], "outlet": "Daily NK", "confidence": 0.8, "review_status": "machine",
}
UNPLACED = dict(RECORD, id="inc-2", latitude=None, longitude=None)


def test_csv_one_row_per_incident_with_lists_as_text():
    record = dict(RECORD, title="Bribes in Hyesan", published="2020-11-26", url="https://www.dailynk.com/english/x/",
                  evidence=[{"text": "An officer took a bribe.", "start": 0, "end": 24}, {"text": "Later."}])
    rows = list(csv.DictReader(io.StringIO(render([record, UNPLACED], "csv"))))
    assert len(rows) == 2
    row = rows[0]
    assert row["quantities"] == "money 500 CNY"
    assert row["actors"] == "political officer (agent); soldier (victim)"
    assert row["attribution"] == "a source (anonymous_source)" and row["sources"] == "a1"
    assert (row["title"], row["published"], row["outlet"], row["url"]) == (
        "Bribes in Hyesan", "2020-11-26", "Daily NK", "https://www.dailynk.com/english/x/")
    assert row["evidence"] == "An officer took a bribe."
    assert rows[1]["evidence"] == "" and rows[1]["latitude"] == ""


def test_geojson_keeps_unplaced_records_with_a_null_geometry():
    data = json.loads(render([RECORD, UNPLACED], "geojson"))
    assert [f["id"] for f in data["features"]] == ["inc-1", "inc-2"]
    assert data["features"][0]["geometry"]["coordinates"] == [127.8, 41.4]
    assert data["features"][1]["geometry"] is None
    assert data["features"][1]["properties"]["event_type"] == "bribery"


def test_acled_columns_and_mapping():
    rows = list(csv.DictReader(io.StringIO(render([RECORD], "acled"))))
    assert list(rows[0].keys()) == ACLED_COLUMNS
    row = rows[0]
    assert row["iso"] == "408" and row["country"] == "North Korea"
    assert row["event_type"] == "Strategic developments" and row["sub_event_type"] == "Other"
    # a political officer is the KPA's; the soldier he took a bribe from too
    assert row["actor1"] == "Military Forces of North Korea (2011-)" and row["inter1"] == "1"
    assert row["actor2"] == "Military Forces of North Korea (2011-)" and row["interaction"] == "11"
    assert row["time_precision"] == "3"  # ACLED has no code 4
    assert row["event_date"] == "2020-11-01" and row["year"] == "2020"
    assert row["source_scale"] == "International" and row["tags"] == "yalu event type=bribery; modality=reported"


def test_acled_actors_by_country_and_government():
    attack = dict(RECORD, event_type="attack", date_start="2024-03-04", date_end="2024-03-04", time_precision=1,
                  actors=[{"role": "agent", "normalized": "Ministry of State Security"},
                          {"role": "agent", "normalized": "Chinese police"},
                          {"role": "victim", "normalized": "civilians", "kind": "civilian"}])
    row = next(csv.DictReader(io.StringIO(render([attack], "acled"))))
    assert (row["actor1"], row["inter1"]) == ("Police Forces of North Korea (2011-)", "1")
    assert row["assoc_actor_1"] == "Police Forces of China (2012-)"
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Civilians (North Korea)", "7", "17")
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["disorder_type"], row["event_type"]) == ("Political violence", "Violence against civilians")
    # South Korea's forces in 2020 served the Moon government; in North Korea they are external (8)
    clash = dict(attack, event_type="armed_clash", date_start="2020-05-03", date_end="2020-05-03",
                 actors=[{"role": "agent", "normalized": "South Korean military"}])
    row = next(csv.DictReader(io.StringIO(render([clash], "acled"))))
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Military Forces of South Korea (2017-2022)", "8", "", "0")
    assert row["interaction"] == "80" and row["civilian_targeting"] == ""


def test_acled_names_an_actor_when_the_report_names_none():
    nobody = dict(RECORD, actors=[])
    test = dict(nobody, event_type="weapons_test")  # an act of the state: its military's
    clash = dict(nobody, event_type="armed_clash")
    flood = dict(nobody, event_type="disaster")
    rows = list(csv.DictReader(io.StringIO(render([test, clash, flood], "acled"))))
    assert [(r["actor1"], r["inter1"], r["interaction"]) for r in rows] == [
        ("Military Forces of North Korea (2011-)", "1", "10"),
        ("Unidentified Armed Group (North Korea)", "3", "30"),
        ("Unidentified Actor (North Korea)", "8", "80"),
    ]


@pytest.mark.parametrize(
    "start, end, precision, expected",
    [
        ("2020-11-24", "2020-11-24", 1, "2020-11-24"),
        ("2020-11-16", "2020-11-22", 2, "2020-11-19"),  # a week: its middle
        ("2020-11-01", "2020-11-30", 3, "2020-11-15"),  # a month: its middle
        ("2020-11-01", "2020-11-10", 3, "2020-11-01"),  # "early November": the first day
        ("2020-11-21", "2020-11-30", 3, "2020-11-30"),  # "late November": the last day
        ("2020-10-01", "2020-11-26", 4, "2020-10-01"),  # "since October": its start
        ("2020-10-01", "2020-11-26", 3, "2020-10-01"),  # coded by its start (date.since_start): its start
        ("2020-11-15", "2020-11-26", 2, "2020-11-15"),  # "since last week": its start
    ],
)
def test_acled_reference_date(start, end, precision, expected):
    record = dict(RECORD, date_start=start, date_end=end, time_precision=precision)
    [row] = csv.DictReader(io.StringIO(render([record], "acled")))
    assert row["event_date"] == expected


def test_json_round_trips():
    assert json.loads(render([RECORD], "json")) == [RECORD]


def test_unknown_format():
    with pytest.raises(ValueError):
        render([RECORD], "xlsx")


def test_json_export_names_the_rules_of_each_evidence_sentence(new_db, tmp_path):
    """An incident stored and read back as the exports get it: its evidence keeps the
    ids of the rules that made it."""
    text = "Border guards arrested two smugglers in Hyesan on Monday (a fictional report)."
    rules = ["trigger.arrest.arrested", "modality.asserted", "place.gazetteer.hyesan"]
    incident = Incident(
        event_type="arrest", category="repression", summary="Arrest in Hyesan.",
        time=TimeSpan(date(2024, 3, 4), date(2024, 3, 4), 1, "on Monday"),
        location=Location(location_name="Hyesan", country="KP", admin1_code="KP-10", admin2="Hyesan"),
        evidence=[Evidence(0, len(text), 14, 22, text, rules=rules)], confidence=0.8,
    )
    store = Store(new_db("y.db"))
    store.save_article(Article(text=text, published=date(2024, 3, 6), outlet="Test Wire"), [incident])
    [record] = json.loads(render(query.records(store), "json"))
    assert record["evidence"][0]["rules"] == rules
    assert record["evidence"][0]["text"] == text


FORMULAS = {
    "summary": "=cmd|' /C calc'!A0",
    "location_name": "+SUM(1,2)",
    "admin2": "-2+3",
    "outlet": "@HYPERLINK(\"http://evil.example\")",
    "date_expression": "\t=1+1",
    "admin1": "\r=1+1",
}
HOSTILE = dict(RECORD, **FORMULAS, latitude=-33.9, longitude=-0.5,
               actors=[{"role": "agent", "text": "x", "normalized": "=1+1"}],
               attribution={"text": "-a source", "kind": "anonymous_source"})


def test_csv_escapes_formulas_but_not_numbers():
    """Issue 13: exports wrote `=cmd|' /C calc'!A0` verbatim at the start of a cell."""
    row = next(csv.DictReader(io.StringIO(render([HOSTILE], "csv"))))
    for field, value in FORMULAS.items():
        assert row[field] == "'" + value, field
    assert row["latitude"] == "-33.9" and row["longitude"] == "-0.5"  # numbers stay numbers
    assert row["id"] == "inc-1" and row["event_type"] == "bribery"  # plain text untouched
    assert row["actors"] == "'=1+1 (agent)"


def test_acled_escapes_formulas_but_not_numbers():
    row = next(csv.DictReader(io.StringIO(render([HOSTILE], "acled"))))
    assert row["notes"] == "'=cmd|' /C calc'!A0"
    assert row["location"] == "'+SUM(1,2)" and row["admin2"] == "'-2+3"
    assert row["actor1"] == "'=1+1" and row["inter1"] == "8"  # an actor of no known force: Other
    assert row["source"] == "'@HYPERLINK(\"http://evil.example\"); -a source"
    assert row["latitude"] == "-33.9" and row["longitude"] == "-0.5"
    assert row["fatalities"] == "0" and row["event_id_cnty"] == "inc-1"


def test_no_cell_of_either_table_can_start_a_formula():
    for fmt in ("csv", "acled"):
        rows = list(csv.reader(io.StringIO(render([HOSTILE, RECORD], fmt), newline="")))
        assert len(rows) == 3  # a "\r" inside a cell is quoted: it does not split the row
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (fmt, cell)
                assert not cell.startswith("-") or cell.lstrip("-").replace(".", "", 1).isdigit(), cell
