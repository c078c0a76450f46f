"""A trailing * in the trigger lexicon matches every word that begins so: "plan*" meant
"plans, planned, planning" and also took "plant", "planes" and "planet"; "ban*" took
"bank" and "banished", "flee*" "fleet", "eas*" "east" and "easy", "import*" "important".
Those vetoes now list their word forms; the words of the genre a prefix must not take
are checked here for every prefix left.

All sentences are fictional, written in the style of Daily NK / RFA copy for these
tests; none is real news.
"""

import tomllib
from importlib import resources

import pytest

# Words of the genre that only begin like a veto or cue of the lexicon ("plant" is one of
# its own: soldiers planting mines).
NEAR_MISSES = [
    "plane", "planes", "planet", "planks",
    "bank", "banks", "band", "banner", "banished", "bandits", "bangkok",
    "fleet", "fleets", "east", "eastern", "easy", "easily",
    "important", "importance", "urgent", "urgently", "executive", "executives",
    "bulletin", "roundup", "rounded", "sacks", "earnest", "earnestly", "waitress",
    "trysts", "wanton", "surgery", "shellfish", "chassis", "installment",
    "crossroads", "crossword", "allowance", "allowances", "cracked", "cracks", "stockpile", "stockpiles",
]


def _prefixes(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for value in node.values():
            _prefixes(value, out)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, str) and item.endswith("*"):
                out.add(item[:-1].lower())
            else:
                _prefixes(item, out)
    return out


def test_no_prefix_takes_an_unrelated_word():
    lexicon = tomllib.loads(resources.files("yalu.data").joinpath("triggers.toml").read_text())
    taken = {(p + "*", w) for p in _prefixes(lexicon, set()) for w in NEAR_MISSES if w.startswith(p)}
    assert not taken


@pytest.fixture(scope="module")
def rules_of(fired):
    def run(text):
        return {t.rule.id for t in fired(text)}
    return run


@pytest.mark.parametrize(
    ("text", "rule", "fires"),
    [
        # a place by a power plant, a town in the east, planes overhead: no plan told
        ("Thieves stole copper cables from the power plant in Chongjin last week, a source said.",
         "trigger.other.theft", True),
        ("Thieves plan to steal copper cables from the power plant, a source said.",
         "trigger.other.theft", False),
        ("Authorities imposed travel restrictions in the eastern port to contain the measles outbreak.",
         "trigger.lockdown.restrictions", True),
        ("Authorities eased travel restrictions in the port that were imposed to contain measles.",
         "trigger.lockdown.restrictions", False),
        ("Border guards stepped up patrols around the cement plant near the river this month.",
         "trigger.crackdown.patrol", True),
        ("Guards stepped up patrols along the river in the east after the fleet sailed.",
         "trigger.crackdown.patrol", True),
    ],
)
def test_a_word_that_only_begins_like_a_veto_vetoes_nothing(rules_of, text, rule, fires):
    assert (rule in rules_of(text)) is fires
