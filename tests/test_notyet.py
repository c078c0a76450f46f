"""Acts not done (yalu/extract/notyet.py): an inverted conditional
(modality.genre.inverted_condition), the drills a notice is given for
(modality.genre.noticed) and a condition's threat (modality.genre.risk); the plain past
perfect, a question, drills held and a speaker's threat stay as they are.

All sentences are fictional, written in the style of Daily NK and Yonhap copy for these
tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text, word, verdict_",
    [
        ("The county committee called the crash a \"serious matter that could have harmed our leadership had [the leader's] "
         "car been passing at the time.\"", "passing", (None, "modality.genre.inverted_condition")),
        ("Had the train been passing at the time, the leader would have been hurt.", "passing",
         (None, "modality.genre.inverted_condition")),
        ("Should the boat cross the line, guards would open fire.", "cross", (None, "modality.genre.inverted_condition")),
        ("The North told fishing boats to stay away from the coast until May 2 for firing drills.", "drills", None),
        ("The navy warned vessels to avoid the area through Friday for naval exercises.", "exercises",
         ("planned", "modality.genre.noticed")),
    ],
)
def test_acts_not_done(verdict, text, word, verdict_):
    if verdict_ is None:  # "told" gives no notice word: the drill is left to the other rules
        assert verdict(text, word)[1] != "modality.genre.noticed"
    else:
        assert verdict(text, word) == verdict_


@pytest.mark.parametrize(
    "text, word",
    [
        ("The train had been passing the bridge when it collapsed.", "passing"),
        ("The navy warned that the North fired shells during the drills.", "drills"),
        ("Guards were firing at the boat when it turned back.", "firing"),
    ],
)
def test_told_acts_stay(verdict, text, word):
    assert verdict(text, word)[1] not in ("modality.genre.inverted_condition", "modality.genre.noticed")


def test_a_question_is_no_condition(verdict):
    assert verdict("Had the guards fired at the boat?", "fired")[1] == "modality.question"


@pytest.mark.parametrize(
    "text, word, risky",
    [
        ("The long drought is threatening to worsen the food shortages in the north.", "threatening", True),
        ("Rising prices threaten to push more families into hunger.", "threaten", True),
        # the doer of a joined verb, and the economy's and the forests' threats
        ("The drought is wreaking havoc on the harvest and threatening widespread hunger.", "threatening", True),
        ("Widespread deforestation threatens to leave the northern hills bare.", "threatens", True),
        ("A growing market economy threatens the state's control of labor.", "threatens", True),
        ("The army staged a drill and threatened to fire at the island.", "threatened", False),
        ("North Korea threatened to fire missiles at the island.", "threatened", False),
        ("The army warned residents to leave the coast.", "warned", False),
    ],
)
def test_a_condition_that_threatens_is_a_risk(verdict, text, word, risky):
    assert (verdict(text, word) == (None, "modality.genre.risk")) is risky
