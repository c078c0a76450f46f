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


def test_csv_one_row_per_incident_with_json_cells():
    rows = list(csv.DictReader(io.StringIO(render([RECORD, UNPLACED], "csv"))))
    assert len(rows) == 2
    assert json.loads(rows[0]["quantities"])[0]["unit"] == "CNY"


def test_geojson_has_points_for_placed_incidents_only():
    data = json.loads(render([RECORD, UNPLACED], "geojson"))
    assert [f["id"] for f in data["features"]] == ["inc-1"]
    assert data["features"][0]["geometry"]["coordinates"] == [127.8, 41.4]


def test_acled_columns_and_mapping():
    rows = list(csv.DictReader(io.StringIO(render([RECORD], "acled"))))
    assert list(rows[0].keys()) == ACLED_COLUMNS
    row = rows[0]
    assert row["iso"] == "408" and row["country"] == "North Korea"
    assert row["event_type"] == "Strategic developments"
    assert row["actor1"] == "political officer" and row["actor2"] == "soldier"
    assert row["time_precision"] == "3"  # ACLED has no code 4
    assert row["event_date"] == "2020-11-01" and row["year"] == "2020"


@pytest.mark.parametrize(
    "start, end, precision, expected",
    [
        ("2020-11-24", "2020-11-24", 1, "2020-11-24"),
        ("2020-11-16", "2020-11-22", 2, "2020-11-19"),  # a week: its middle
        ("2020-11-01", "2020-11-30", 3, "2020-11-15"),  # a month: its middle
        ("2020-11-01", "2020-11-10", 3, "2020-11-01"),  # "early November": the first day
        ("2020-11-21", "2020-11-30", 3, "2020-11-30"),  # "late November": the last day
        ("2020-10-01", "2020-11-26", 4, "2020-10-01"),  # "since October": its start
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


def test_json_export_names_the_rules_of_each_evidence_sentence(tmp_path):
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
    store = Store(tmp_path / "y.db")
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
    assert json.loads(row["actors"])[0]["normalized"] == "=1+1"  # a JSON cell starts with [


def test_acled_escapes_formulas_but_not_numbers():
    row = next(csv.DictReader(io.StringIO(render([HOSTILE], "acled"))))
    assert row["notes"] == "'=cmd|' /C calc'!A0"
    assert row["location"] == "'+SUM(1,2)" and row["admin2"] == "'-2+3"
    assert row["actor1"] == "'=1+1"
    assert row["source"] == "'@HYPERLINK(\"http://evil.example\"); -a source"
    assert row["latitude"] == "-33.9" and row["longitude"] == "-0.5"
    assert row["fatalities"] == "0" and row["yalu_id"] == "inc-1"


def test_no_cell_of_either_table_can_start_a_formula():
    for fmt in ("csv", "acled"):
        rows = list(csv.reader(io.StringIO(render([HOSTILE, RECORD], fmt), newline="")))
        assert len(rows) == 3  # a "\r" inside a cell is quoted: it does not split the row
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (fmt, cell)
                assert not cell.startswith("-") or cell.lstrip("-").replace(".", "", 1).isdigit(), cell
