"""The exports read back by the tools analysts use: pandas for the ACLED-shaped table
(every column of ACLED's standard export, every code in the codebook's lists of
yalu/data/acled.toml) and for the Parquet file."""

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from yalu import resources
from yalu.acled import codebook, type_mapping
from yalu.cli import cli
from yalu.export import CSV_COLUMNS
from yalu.ontology import event_types
from yalu.store import Store, query

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "reports"


@pytest.fixture(scope="module")
def db(module_db):
    """The 53 fictional sample reports, ingested once."""
    path = module_db("yalu.db")
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output


def test_every_yalu_type_has_a_codebook_event_type():
    book = codebook()
    for name in event_types():
        disorder, event_type, sub_event_type = type_mapping(name)
        assert sub_event_type in book["event_types"][event_type]["sub_event_types"], name
        assert disorder in book["disorder_types"], name
    assert set(resources.load("acled.toml")["types"]) == set(event_types())


def test_acled_table_reads_back_with_pandas_in_the_codebook(db, tmp_path):
    out = tmp_path / "acled.csv"
    run("export", "--db", str(db), "--format", "acled", "-o", str(out))
    table = pd.read_csv(out, keep_default_na=False, dtype=str)
    book = codebook()
    stored = query.records(Store(db))
    assert len(stored) > 40 and len(table) == len(stored)
    assert list(table.columns) == book["columns"]
    assert (table["event_type"] == "").sum() == 0
    for _, row in table.iterrows():
        acled_type = book["event_types"][row["event_type"]]
        assert row["sub_event_type"] in acled_type["sub_event_types"]
        assert row["disorder_type"] == acled_type.get("disorder_of", {}).get(row["sub_event_type"], acled_type["disorder_type"])
        inter1, inter2 = int(row["inter1"]), int(row["inter2"])
        assert inter1 in book["inter_codes"] and inter1 != 0 and row["actor1"]  # ACLED always names actor1
        assert inter2 in book["inter_codes"] and (inter2 == 0) == (row["actor2"] == "")
        assert int(row["interaction"]) == (int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter2 else inter1 * 10)
        assert row["civilian_targeting"] in book["civilian_targeting"]
        assert int(row["time_precision"]) in book["time_precision"]
        assert int(row["geo_precision"]) in book["geo_precision"]
        assert row["source_scale"] in book["source_scales"]
        assert int(row["timestamp"]) > 1_600_000_000
        assert row["event_date"][:4] == row["year"]
        assert int(row["fatalities"]) >= 0
    assert set(table["iso"]) <= {"408", "410", "156", "643", "392", "840", ""}
    assert (table["civilian_targeting"] == "Civilian targeting").sum() == (table["event_type"] == "Violence against civilians").sum() + (
        (table["disorder_type"] == "Political violence") & (table["event_type"] != "Violence against civilians") & (table["inter2"] == "7")).sum()


def test_parquet_reads_back_with_pandas(db, tmp_path):
    out = tmp_path / "incidents.parquet"
    run("export", "--db", str(db), "--format", "parquet", "-o", str(out))
    frame = pd.read_parquet(out)
    stored = {r["id"]: r for r in query.records(Store(db))}
    assert list(frame.columns) == CSV_COLUMNS and len(frame) == len(stored)
    assert str(frame["latitude"].dtype) == "float64" and str(frame["confidence"].dtype) == "float64"
    for _, row in frame.iterrows():
        record = stored[row["id"]]
        assert row["event_type"] == record["event_type"]
        assert (None if pd.isna(row["outlet"]) else row["outlet"]) == record["outlet"]
        assert row["evidence"] == record["evidence"][0]["text"].strip()
        assert row["sources"] == "; ".join(record["sources"])
        if record["latitude"] is None:
            assert pd.isna(row["latitude"])
        else:
            assert row["latitude"] == record["latitude"]


def test_parquet_needs_a_file(db):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 2 and "--format parquet needs --output FILE" in result.output
