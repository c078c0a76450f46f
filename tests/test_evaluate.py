"""Scoring against gold annotations (yalu.evaluate, ../shared/docs/gold-format.md).

Unit tests on hand-made gold and prediction dicts; a fictional gold file run through
the real pipeline; and `yalu eval ../shared/gold/seed.jsonl --json` end to end
(skipped where ../shared is absent).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from yalu.cli import cli
from yalu.evaluate.causes import lines, miss_causes, tally
from yalu.evaluate.scoring import GoldDoc, _admin2_ok, _date_ok, evaluate, load_gold, match, score

# tests/conftest.py by path: "import conftest" may find tests/web/conftest.py instead
_spec = importlib.util.spec_from_file_location("yalu_tests_conftest", Path(__file__).with_name("conftest.py"))
_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_conftest)
REPO, shared_path = _conftest.REPO, _conftest.shared_path

SUMMARY_KEYS = {
    "documents", "incidents", "type_accuracy", "type_scored", "admin1_accuracy", "admin1_scored",
    "admin2_accuracy", "admin2_scored", "date_accuracy", "date_scored",
    "date_accuracy_unknown_publication", "date_scored_unknown_publication",
    "forbidden_location_violations", "required_incidents", "required_found_type_admin1",
    "required_found_type_place", "not_scored", "calibration",
}  # fmt: skip


def gold(event_type, *, key=None, alt=(), admin1=None, admin2=(), start=None, end=None, pmax=None, optional=False):
    return {
        "key": key or event_type, "event_type": event_type, "alt_types": list(alt), "country": "KP",
        "admin1_code": admin1, "admin2": list(admin2), "date_start": start, "date_end": end,
        "time_precision_max": pmax, "optional": optional,
    }  # fmt: skip


def pred(event_type, *, admin1=None, admin2=None, location=None, start=None, end=None, precision=None, confidence=0.5, admin1_name=None):
    if precision is None:
        precision = 1 if (start or end) else 0
    return {
        "event_type": event_type, "admin1_code": admin1, "admin1": admin1_name, "admin2": admin2,
        "location_name": location or admin2, "date_start": start, "date_end": end,
        "time_precision": precision, "confidence": confidence,
        "evidence": [{"start": 0, "end": 10, "text": f"{event_type} sentence"}],
    }  # fmt: skip


def doc(incidents, *, doc_id="d1", forbidden=(), published=date(2020, 11, 25)):
    return GoldDoc(doc_id=doc_id, text="(unused)", published=published, outlet=None, incidents=incidents, forbidden=list(forbidden))


# --- match -------------------------------------------------------------------------------------


def test_match_needs_the_gold_type_or_an_alt_type():
    golds = [gold("smuggling", alt=["arrest"])]
    assert match([pred("arrest")], golds) == [(0, 0)]
    assert match([pred("smuggling")], golds) == [(0, 0)]
    assert match([pred("bribery")], golds) == []
    # alt_types go one way: an arrest gold does not accept a smuggling prediction
    assert match([pred("smuggling")], [gold("arrest")]) == []


def test_match_is_one_to_one_and_prefers_the_better_pair():
    golds = [gold("arrest", key="a", admin1="KP-10"), gold("arrest", key="b", admin1="KP-09")]
    preds = [pred("arrest", admin1="KP-09"), pred("arrest", admin1="KP-10")]
    assert sorted(match(preds, golds)) == [(0, 1), (1, 0)]
    # one prediction can match one gold only
    assert len(match([pred("arrest", admin1="KP-10")], golds)) == 1
    assert match([pred("arrest", admin1="KP-10")], golds) == [(0, 0)]
    # the exact type beats an alt type, other things equal
    golds = [gold("smuggling", alt=["arrest"], admin1="KP-10")]
    assert match([pred("arrest", admin1="KP-10"), pred("smuggling", admin1="KP-10")], golds) == [(1, 0)]
    # place and date count: the prediction in the right county and on the right day wins
    golds = [gold("defection", admin1="KP-09", admin2=["Hoeryong"], end="2023-06-14", pmax=1)]
    preds = [
        pred("defection", admin1="KP-09", admin2="Musan"),
        pred("defection", admin1="KP-09", admin2="Hoeryong", start="2023-06-14", end="2023-06-14"),
    ]
    assert match(preds, golds) == [(1, 0)]


def test_match_gives_a_tie_to_the_required_gold():
    # an optional per-county record listed before the required whole record, both as good a pair
    golds = [gold("disaster", key="county", optional=True), gold("disaster", key="whole")]
    assert match([pred("disaster")], golds) == [(0, 1)]
    counts = score([doc(golds)], {"d1": [pred("disaster")]})
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    # a better pair still wins: the optional gold's county is the prediction's
    golds = [gold("disaster", key="county", admin1="KP-09", optional=True), gold("disaster", key="whole")]
    assert match([pred("disaster", admin1="KP-09")], golds) == [(0, 0)]


# --- dates -------------------------------------------------------------------------------------


def test_date_not_scored_without_gold_dates():
    assert _date_ok(pred("arrest", start="2020-01-01", end="2020-01-01"), gold("arrest")) is None
    assert _date_ok(pred("arrest"), gold("arrest", pmax=1)) is None


@pytest.mark.parametrize(
    "start, end, precision, expected",
    [
        ("2020-11-24", "2020-11-24", 1, True),   # the day itself
        ("2020-11-22", "2020-11-28", 2, True),   # a week that contains it
        ("2020-11-01", "2020-11-30", 3, True),   # the month: as coarse as gold allows
        ("2020-01-01", "2020-12-31", 4, False),  # the year: less precise than allowed
        ("2020-11-25", "2020-11-30", 3, False),  # does not contain the gold date
        ("2020-11-01", "2020-11-23", 3, False),
        (None, "2020-11-30", 3, True),           # open start, contains it
        ("2020-11-01", None, 3, True),           # ongoing since, contains it
        (None, None, 0, False),                  # no date at all
        ("2020-11-24", "2020-11-24", 0, False),  # dates with no precision
    ],
)
def test_date_end_only_gold(start, end, precision, expected):
    g = gold("desertion", end="2020-11-24", pmax=3)
    assert _date_ok(pred("desertion", start=start, end=end, precision=precision), g) is expected


def test_date_interval_gold_must_be_contained():
    g = gold("smuggling", start="2025-11-01", end="2025-11-10", pmax=3)
    assert _date_ok(pred("smuggling", start="2025-11-01", end="2025-11-30", precision=3), g) is True
    assert _date_ok(pred("smuggling", start="2025-11-01", end="2025-11-10", precision=2), g) is True
    assert _date_ok(pred("smuggling", start="2025-11-05", end="2025-11-05", precision=1), g) is False
    assert _date_ok(pred("smuggling", start="2025-10-01", end="2025-10-31", precision=3), g) is False
    # no time_precision_max: any known precision will do
    g = gold("smuggling", start="2025-11-01")
    assert _date_ok(pred("smuggling", start="2025-01-01", end="2025-12-31", precision=4), g) is True
    assert _date_ok(pred("smuggling", start="2025-01-01", end="2025-12-31", precision=0), g) is False


# --- admin2 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "predicted",
    ["Kim Jong Suk", "kim jong suk", "Kim Jong-suk", "KIMJONGSUK", "Kim Jong Suk County", "Kim Jong Suk-gun", "Sinpa", "Sinpa County"],
)
def test_admin2_spelling_insensitive(predicted):
    assert _admin2_ok(pred("desertion", admin2=predicted), gold("desertion", admin2=["Kim Jong Suk", "Sinpa"])) is True


@pytest.mark.parametrize("predicted", ["Hyesan", "Hyesan City", "Hyesan-si", "hyesan si", "Hyesan city"])
def test_admin2_city_suffixes(predicted):
    assert _admin2_ok(pred("arrest", admin2=predicted), gold("arrest", admin2=["Hyesan"])) is True


def test_admin2_wrong_missing_or_unscored():
    g = gold("desertion", admin2=["Kim Jong Suk", "Sinpa"])
    assert _admin2_ok(pred("desertion", admin2="Sakju"), g) is False
    assert _admin2_ok(pred("desertion", admin2="Kim Jong Il"), g) is False
    assert _admin2_ok(pred("desertion", admin2=None), g) is False
    assert _admin2_ok(pred("desertion", admin2="Hyesan"), gold("desertion")) is None


# --- score ---------------------------------------------------------------------------------------


def test_score_counts_precision_recall_and_fields():
    golds = [
        gold("desertion", admin1="KP-10", admin2=["Kim Jong Suk", "Sinpa"], end="2020-11-24", pmax=3),
        gold("bribery", admin1="KP-10", admin2=["Hyesan"]),
        gold("deployment"),  # no province given: admin1 not scored
        gold("armed_clash", admin1="KP-10"),  # missed
    ]
    preds = [
        pred("desertion", admin1="KP-10", admin2="Kim Jong Suk County", start="2020-11-24", end="2020-11-24", confidence=0.9),
        pred("bribery", admin1="KP-09", admin2="Hoeryong", confidence=0.8),  # wrong place
        pred("deployment", admin1="KP-10", confidence=0.7),
        pred("attack", admin1="KP-10", confidence=0.6),  # false alarm
    ]
    counts = score([doc(golds)], {"d1": preds})
    s = counts.summary()
    assert s["incidents"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75, "tp": 3, "fp": 1, "fn": 1}
    assert (s["admin1_scored"], s["admin1_accuracy"]) == (2, 0.5)
    assert (s["admin2_scored"], s["admin2_accuracy"]) == (2, 0.5)
    assert (s["date_scored"], s["date_accuracy"]) == (1, 1.0)
    assert s["date_scored_unknown_publication"] == 0
    assert s["required_incidents"] == 4
    assert s["required_found_type_admin1"] == 2  # desertion, deployment (no gold province)
    assert s["required_found_type_place"] == 2
    assert (s["type_scored"], s["type_accuracy"]) == (0, None)  # more than one gold incident
    assert s["forbidden_location_violations"] == 0
    assert set(s) == SUMMARY_KEYS

    (report,) = counts.docs
    assert [m["gold"] for m in report["misses"]] == ["armed_clash"]
    assert [fa["event_type"] for fa in report["false_alarms"]] == ["attack"]
    assert sorted((w["gold"], w["field"]) for w in report["wrong"]) == [("bribery", "admin1"), ("bribery", "admin2")]
    wrong = next(w for w in report["wrong"] if w["field"] == "admin1")
    assert wrong["gold_value"] == "KP-10" and wrong["predicted"]["admin1_code"] == "KP-09"


def test_dates_of_reports_without_a_publication_date_are_scored_apart():
    golds = [gold("desertion", end="2020-11-24", pmax=3)]
    undated = score([doc(golds, published=None)], {"d1": [pred("desertion")]}).summary()
    assert (undated["date_scored"], undated["date_accuracy"]) == (0, None)
    assert (undated["date_scored_unknown_publication"], undated["date_accuracy_unknown_publication"]) == (1, 0.0)
    dated = score([doc(golds)], {"d1": [pred("desertion")]}).summary()
    assert (dated["date_scored"], dated["date_accuracy"]) == (1, 0.0)


def test_optional_gold_counts_neither_way():
    golds = [gold("defection", admin1="KP-10"), gold("lockdown", alt=["crackdown"], optional=True)]
    found = score([doc(golds)], {"d1": [pred("defection", admin1="KP-10"), pred("crackdown", admin1="KP-10")]}).summary()
    assert found["incidents"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert found["required_incidents"] == 1
    missed = score([doc(golds)], {"d1": [pred("defection", admin1="KP-10")]}).summary()
    assert missed["incidents"] == found["incidents"]
    assert missed["required_incidents"] == 1
    # a matched optional incident's fields are not scored either
    wrong_place = score([doc(golds)], {"d1": [pred("defection", admin1="KP-10"), pred("lockdown", admin1="KP-09")]}).summary()
    assert wrong_place["admin1_scored"] == 1 and wrong_place["admin1_accuracy"] == 1.0


def test_no_predictions_for_a_document():
    counts = score([doc([gold("arrest", admin1="KP-10")])], {})
    s = counts.summary()
    assert s["incidents"] == {"precision": None, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}
    assert (s["type_scored"], s["type_accuracy"]) == (1, 0.0)
    assert counts.docs[0]["type"] == {"predicted": None, "gold": ["arrest"]}


def test_type_accuracy_uses_the_top_confidence_prediction():
    golds = [gold("defection", alt=["incursion"])]
    low_first = [pred("defection", confidence=0.4), pred("attack", confidence=0.9)]
    s = score([doc(golds)], {"d1": low_first}).summary()
    assert (s["type_scored"], s["type_accuracy"]) == (1, 0.0)
    assert s["incidents"]["tp"] == 1  # the defection still matches
    counts = score([doc(golds)], {"d1": [pred("attack", confidence=0.2), pred("defection", confidence=0.6)]})
    assert counts.summary()["type_accuracy"] == 1.0 and "type" not in counts.docs[0]
    # an alt type is right too
    assert score([doc(golds)], {"d1": [pred("incursion", confidence=0.8)]}).summary()["type_accuracy"] == 1.0
    # the report names what was predicted
    counts = score([doc(golds)], {"d1": low_first})
    assert counts.docs[0]["type"] == {"predicted": "attack", "gold": ["defection", "incursion"]}


def test_type_accuracy_over_single_incident_documents_only():
    docs = [
        doc([gold("defection")], doc_id="a"),
        doc([gold("missile_launch")], doc_id="b"),
        doc([gold("arrest"), gold("punishment")], doc_id="c"),
    ]
    predictions = {"a": [pred("defection")], "b": [pred("weapons_test")], "c": [pred("bribery")]}
    s = score(docs, predictions).summary()
    assert (s["type_scored"], s["type_accuracy"]) == (2, 0.5)
    assert s["documents"] == 3


def test_forbidden_locations_counted():
    g = [gold("desertion", admin1="KP-10")]
    forbidden = ["Sakju", "North Pyongan"]
    preds = [
        pred("desertion", admin1="KP-10", admin2="Kim Jong Suk", confidence=0.9),  # fine
        pred("smuggling", admin1="KP-03", admin2="Sakju", admin1_name="North Pyongan", confidence=0.5),  # both names: one violation
        pred("lockdown", admin1="KP-03", admin2="Sinuiju", confidence=0.4),  # in North Pyongan by code
        pred("deployment", location="Sakju County", confidence=0.3),  # the county by its name only
        pred("arrest", admin1="KP-09", admin2="Hoeryong", confidence=0.2),  # fine
    ]
    counts = score([doc(g, forbidden=forbidden)], {"d1": preds})
    assert counts.summary()["forbidden_location_violations"] == 3
    hits = counts.docs[0]["forbidden"]
    assert [h["predicted"]["event_type"] for h in hits] == ["smuggling", "lockdown", "deployment"]
    assert sorted(hits[0]["places"]) == ["North Pyongan", "Sakju"]
    # the province in another spelling is the same province
    counts = score([doc(g, forbidden=["North Phyongan"])], {"d1": [pred("lockdown", admin1="KP-03", admin2="Sinuiju")]})
    assert counts.summary()["forbidden_location_violations"] == 1


def test_forbidden_county_in_another_spelling():
    """A forbidden county is a place, not a string: Sakchu (McCune-Reischauer) is Sakju."""
    g = [gold("desertion", admin1="KP-10")]
    counts = score([doc(g, forbidden=["Sakchu"])], {"d1": [pred("smuggling", admin1="KP-03", admin2="Sakju")]})
    assert counts.summary()["forbidden_location_violations"] == 1


# --- load_gold -----------------------------------------------------------------------------------


def test_load_gold_inline_and_text_path(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "b.txt").write_text("Guards in Musan detained a man.", encoding="utf-8")
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps({"doc_id": "a", "text": "Police in Hyesan arrested a broker.", "published": "2024-01-02", "incidents": []}) + "\n\n"
        + json.dumps({"doc_id": "b", "text_path": "texts/b.txt", "text": None, "incidents": [gold("arrest")],
                      "forbidden_locations": ["Sakju"]}) + "\n",
        encoding="utf-8",
    )
    a, b = load_gold(path)
    assert (a.doc_id, a.text, a.published, a.forbidden) == ("a", "Police in Hyesan arrested a broker.", date(2024, 1, 2), [])
    assert (b.doc_id, b.text, b.published, b.forbidden) == ("b", "Guards in Musan detained a man.", None, ["Sakju"])
    path.write_text(json.dumps({"doc_id": "c", "text_path": "texts/missing.txt", "text": None, "incidents": []}) + "\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="line 1.*texts/missing.txt"):
        load_gold(path)


# --- misses by cause (yalu/evaluate/causes.py) ---------------------------------------------------


def test_a_miss_with_no_candidate_of_its_types():
    golds = [gold("arrest", key="a"), gold("desertion", key="d", alt=["defection"])]
    # the rules proposed an attack only: nothing of the arrest's or the desertion's types
    found = miss_causes([pred("attack")], [pred("attack")], golds)
    assert [(g["key"], cause) for g, cause in found] == [("a", "no_candidate"), ("d", "no_candidate")]


def test_a_miss_whose_candidate_the_classifier_dropped():
    golds = [gold("arrest", key="first", admin2=["Hyesan"]), gold("arrest", key="second", admin2=["Musan"])]
    written = [pred("arrest", admin2="Hyesan")]
    proposed = [pred("arrest", admin2="Hyesan"), pred("arrest", admin2="Musan")]
    assert [(g["key"], cause) for g, cause in miss_causes(written, proposed, golds)] == [("second", "dropped")]


def test_a_miss_whose_type_went_to_one_record_for_two_acts():
    golds = [gold("punishment", key="executed", admin2=["Hyesan"]), gold("punishment", key="jailed")]
    one = [pred("punishment", admin2="Hyesan")]
    assert [(g["key"], cause) for g, cause in miss_causes(one, one, golds)] == [("jailed", "one_record")]


def test_an_alt_type_candidate_counts_and_optional_or_matched_gold_is_no_miss():
    golds = [gold("smuggling", key="s", alt=["arrest"]), gold("crackdown", key="c", optional=True)]
    assert miss_causes([pred("arrest")], [pred("arrest")], golds) == []
    assert [cause for _, cause in miss_causes([], [pred("arrest")], golds)] == ["dropped"]


def test_tally_counts_misses_by_cause_and_type():
    docs = [
        doc([gold("arrest", key="a"), gold("lockdown", key="l")], doc_id="d1"),
        doc([gold("arrest", key="b")], doc_id="d2"),
    ]
    why = tally(docs, {"d1": [], "d2": []}, {"d1": [pred("lockdown")], "d2": []})
    assert why["counts"] == {"no_candidate": 2, "dropped": 1, "one_record": 0}
    assert why["by_type"]["no_candidate"] == {"arrest": 2} and why["by_type"]["dropped"] == {"lockdown": 1}
    assert {"doc_id": "d1", "gold": "l", "event_type": "lockdown", "cause": "dropped"} in why["misses"]
    assert lines(why)[0].split() == ["miss", "cause", "no_candidate", "2", "arrest", "2"]


# --- the real pipeline on a fictional gold file --------------------------------------------------

FICTIONAL_TEXT = (
    "Three residents of Hoeryong, North Hamgyong Province, defected to China across the Tumen River "
    "on June 14, a source in North Hamgyong Province told Example Wire.\n\n"
    "A market in Sinuiju, North Phyongan Province. / Image: Example Wire\n\n"
    "[Fictional report written for Yalu's tests; not real news.]"
)


@pytest.fixture
def fictional_gold(tmp_path):
    record = {
        "doc_id": "fic-hoeryong",
        "text": FICTIONAL_TEXT,
        "published": "2023-06-20",
        "outlet": "Example Wire",
        "incidents": [
            gold("defection", admin1="KP-09", admin2=["Hoeryong"], end="2023-06-14", pmax=1),
            gold("punishment", key="never-stated", admin1="KP-09"),  # not in the text: a miss
        ],
        "forbidden_locations": ["Sinuiju", "North Pyongan"],  # only the caption names them
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_evaluate_runs_the_pipeline(fictional_gold, pipeline):
    counts = evaluate(fictional_gold, pipeline=pipeline)
    s = counts.summary()
    assert s["documents"] == 1 and s["required_incidents"] == 2
    assert s["incidents"]["tp"] == 1 and s["incidents"]["fn"] == 1
    assert (s["admin1_accuracy"], s["admin2_accuracy"], s["date_accuracy"]) == (1.0, 1.0, 1.0)
    assert s["required_found_type_admin1"] == 1
    assert s["forbidden_location_violations"] == 0  # the caption places nothing in Sinuiju
    assert [m["gold"] for m in counts.docs[0]["misses"]] == ["never-stated"]


def test_eval_command_text_report(fictional_gold):
    r = CliRunner().invoke(cli, ["eval", str(fictional_gold)])
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert f"gold: {fictional_gold}  documents: 1" in out
    assert "admin1 accuracy 1.0" in out and "forbidden-location violations  0" in out
    assert "required incidents found: 1/2 with type+admin1" in out
    assert "# fic-hoeryong" in out and "miss" in out and "punishment" in out and "never-stated" in out


def test_eval_command_json(fictional_gold):
    r = CliRunner().invoke(cli, ["eval", str(fictional_gold), "--json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert set(report) == {"summary", "documents"}
    assert set(report["summary"]) == SUMMARY_KEYS
    assert report["documents"][0]["doc_id"] == "fic-hoeryong"


def test_eval_command_counts_misses_by_cause(fictional_gold):
    r = CliRunner().invoke(cli, ["eval", str(fictional_gold), "--causes", "--show", "0"])
    assert r.exit_code == 0, r.output
    # the punishment is not in the text: no rule proposes one
    assert "miss cause no_candidate    1  punishment 1" in r.stdout
    r = CliRunner().invoke(cli, ["eval", str(fictional_gold), "--causes", "--json"])
    report = json.loads(r.stdout)
    assert report["miss_causes"]["misses"] == [
        {"doc_id": "fic-hoeryong", "gold": "never-stated", "event_type": "punishment", "cause": "no_candidate"}
    ]


def test_eval_missing_gold_file(tmp_path):
    r = CliRunner().invoke(cli, ["eval", str(tmp_path / "none.jsonl")])
    assert r.exit_code == 2 and "does not exist" in r.stderr


# --- the seed article, end to end ----------------------------------------------------------------


@pytest.mark.shared
def test_eval_seed_end_to_end():
    """`yalu eval ../shared/gold/seed.jsonl --json`, run as the README says, from the repository."""
    shared_path("gold", "seed.jsonl")
    shared_path("seed", "dailynk-soldier-defects-with-weapon.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "yalu", "eval", "../shared/gold/seed.jsonl", "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)  # stdout is the JSON alone
    summary = report["summary"]
    assert set(summary) == SUMMARY_KEYS
    assert set(summary["incidents"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert summary["documents"] == 1 and summary["required_incidents"] == 9
    assert summary["required_found_type_admin1"] >= 7
    assert summary["forbidden_location_violations"] == 0
    (seed,) = report["documents"]
    assert seed["doc_id"] == "seed" and {"misses", "false_alarms", "wrong"} <= set(seed)
