"""`yalu ingest` killed with SIGKILL, and two ingests at once on a new database (issue 13):
a few rounds of bench/ingest_crash.py's, which runs 20 of each."""

import importlib.util
import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# a dozen short reports: enough to kill between articles, few enough to keep this quick
INPUTS = sorted(str(p) for p in (REPO / "samples" / "reports").glob("dnk-*.txt"))


def _bench():
    spec = importlib.util.spec_from_file_location("ingest_crash", REPO / "bench" / "ingest_crash.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _bench()
pytestmark = pytest.mark.sqlite_only("kills SQLite ingests with SIGKILL and checks their database files (bench/ingest_crash.py)")


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The contents of a clean ingest of the sample reports, and how long it took."""
    return bench.reference(tmp_path_factory.mktemp("reference"), INPUTS)


def test_an_ingest_killed_at_random_points_leaves_no_partial_article_and_a_rerun_completes_it(
        clean, tmp_path):
    expected, duration = clean
    rng = random.Random(13)
    outcomes = [bench.crash_round(rng, tmp_path / str(n), INPUTS, expected, duration)
                for n in range(2)]
    assert [o.failures for o in outcomes] == [[], []], [o.what for o in outcomes]
    assert any(o.mid_ingest for o in outcomes), [o.what for o in outcomes]


def test_two_ingests_on_a_new_database_both_succeed_with_complete_data(clean, tmp_path):
    expected, _ = clean
    for n in range(2):
        outcome = bench.concurrent_round(tmp_path / str(n), INPUTS, expected)
        assert outcome.ok, (outcome.what, outcome.failures)
