"""`yalu incidents` filters as issue 12 asked: unknown values name the nearest valid ones,
months and years are dates, outlet/status/confidence/sort/format options, ellipses; and
`yalu places` with several names or "Hyesan City, Ryanggang Province"."""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from yalu.cli import cli

REPORTS = Path(__file__).parent / "data" / "cli" / "reports"


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def db(module_db):
    path = module_db("yalu.db")
    assert run("ingest", "-q", "--db", path, REPORTS).exit_code == 0
    return path


def listed(db, *args) -> list[dict]:
    result = run("incidents", "--db", db, "--format", "json", "--limit", 0, *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("option, value, nearest", [
    ("--type", "defections", "nearest: defection"),
    ("--type", "missle_launch", "nearest: missile_launch"),
    ("--province", "Ryangang", "nearest: Ryanggang"),
    ("--outlet", "Exampel Wire", "nearest: Example Wire"),
    ("--category", "militery", "nearest: military"),
])
def test_an_unknown_value_is_an_error_naming_the_nearest(db, option, value, nearest):
    """Issue 12: `--type defections` printed "No incidents match." and exited 0."""
    result = run("incidents", "--db", db, option, value)
    assert result.exit_code == 2
    assert f"unknown {option[2:].replace('type', 'event type')} {value!r}" in result.output
    assert nearest in result.output


def test_labels_and_any_case_name_a_type_and_an_outlet(db):
    defections = listed(db, "--type", "defection")
    assert defections and listed(db, "--type", "Defection") == defections
    assert listed(db, "--type", "Missile launch") == listed(db, "--type", "missile_launch")
    wire = listed(db, "--outlet", "example wire")
    assert wire and {r["outlet"] for r in wire} == {"Example Wire"}
    assert len(wire) < len(listed(db))


def test_months_and_years_are_dates(db):
    all_records = listed(db)
    june = listed(db, "--since", "2023-06", "--until", "2023-06")
    assert june and all(r["date_start"] <= "2023-06-30" and r["date_end"] >= "2023-06-01" for r in june)
    in_2021 = listed(db, "--since", "2021", "--until", "2021")
    assert in_2021 and all(r["date_start"].startswith("2021") for r in in_2021)
    assert len(june) + len(in_2021) < len(all_records)
    result = run("incidents", "--db", db, "--since", "2023-13")
    assert result.exit_code == 2 and "not a date: '2023-13'" in result.output


def test_status_confidence_and_sort(db):
    records = listed(db, "--sort", "confidence", "--order", "asc")
    confidences = [r["confidence"] for r in records]
    assert confidences == sorted(confidences) and len(set(confidences)) > 2
    middle = confidences[len(confidences) // 2]
    confident = listed(db, "--min-confidence", middle)
    assert confident and {r["id"] for r in confident} == {r["id"] for r in records if r["confidence"] >= middle}
    assert len(listed(db, "--status", "machine")) == len(records)
    assert listed(db, "--status", "approved") == [] and listed(db, "--status", "recheck") == []
    result = run("incidents", "--db", db, "--status", "done")
    assert result.exit_code == 2 and "'done' is not one of" in result.output


def test_csv_format_and_table_ellipses(db):
    result = run("incidents", "--db", db, "--format", "csv", "--limit", 3)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3 and rows[0]["id"].startswith("inc-") and "outlet" in rows[0]
    table = run("incidents", "--db", db, "--limit", 0).stdout.splitlines()[2:]
    summaries = [r["summary"] for r in listed(db)]  # the same order
    assert len(table) == len(summaries) and any(len(s) > 60 for s in summaries) and any(len(s) <= 60 for s in summaries)
    for line, summary in zip(table, summaries):
        if len(summary) > 60:
            assert line.endswith(summary[:59] + "…")  # a cut summary says so
        else:
            assert line.endswith(summary)


def test_places_takes_several_names_and_a_name_within_a_province():
    """Issue 12: `yalu places Hyesan Musan` was read as one name; "Hyesan City, Ryanggang
    Province" was not found."""
    result = run("places", "Hyesan", "Musan", "--json")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert {(p["query"], p["id"]) for p in found} >= {("Hyesan", "kp.ryanggang.hyesan"), ("Musan", "kp.north-hamgyong.musan")}
    result = run("places", "Hyesan City, Ryanggang Province", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["id"] == "kp.ryanggang.hyesan"
    result = run("places", "Kim", "Jong", "Suk", "--json")  # several words that are one name stay one
    assert json.loads(result.stdout)[0]["id"] == "kp.ryanggang.kim-jong-suk"
    result = run("places", "Hyesan", "Atlantis")
    assert result.exit_code == 1 and "no place named 'Atlantis'" in result.output and "== Hyesan" in result.output
