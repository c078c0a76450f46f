"""The data files (yalu/data/): one loader, a schema each, unknown keys refused."""

import pytest

from yalu import resources


def test_every_data_file_keeps_its_schema():
    assert resources.check_all() == []


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("triggers.toml", {"rule": [{"id": "trigger.x", "type": "defection", "lemmas": ["x"], "wieght": 0.5}]},
         "rule trigger.x has unknown keys wieght"),
        ("triggers.toml", {"rule": [{"id": "trigger.x", "type": "defections", "lemmas": ["x"]}]},
         "'defections' is no event type"),
        ("frames.toml", {"frame": [{"id": "frame.x", "types": ["attack"]}]}, "frame frame.x lacks becomes"),
        ("modality.toml", {"hedgs": ["allegedly"]}, "unknown key 'hedgs'"),
        ("ontology.toml", {"types": {"defection": {"category": "movement", "label": "D",
                                                   "by_days": True}}},
         "types.defection has unknown keys by_days"),
        ("triggers.toml", {"unsplit": "test-fire"}, "unsplit must be a list"),
    ],
)
def test_a_broken_file_is_named_with_its_problem(name, data, problem):
    types = set(resources.load("ontology.toml")["types"])
    with pytest.raises(resources.DataFileError, match=problem) as caught:
        resources.validate(name, data, types)
    assert str(caught.value).startswith(name)
