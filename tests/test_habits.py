"""Habits told inside a phrase (yalu/extract/habits.py, modality.genre.custom / .rate /
.habitual_conj): an act named as a custom, an act given a rate and the second verb of a
present habit; the plain reports beside them stay acts.

All sentences are fictional, written in the style of Daily NK, RFA and Yonhap copy for these
tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text, word, rule_id",
    [
        ("The country has a long tradition of performing public executions in stadiums.", "executions",
         "modality.genre.custom"),
        ("Customs officers have the worst reputation for bribery among officials.", "bribery", "modality.genre.custom"),
        ("Some soldiers make a habit of setting up roadblocks near the mine.", "setting", "modality.genre.custom"),
        ("Besides basic military training three months a year, the soldiers built houses.", "training",
         "modality.genre.rate"),
        ("The unit held firing drills four months a year in the 1990s.", "drills", "modality.genre.rate"),
        ("The smugglers cross the river twice a month.", "cross", "modality.genre.rate"),
        ("In the countryside, farmers are assigned to brigades and mobilized like soldiers.", "mobilized",
         "modality.genre.habitual_conj"),
        ("Smugglers are usually caught and sent to labor camps.", "sent", "modality.genre.habitual_conj"),
        # a present verb joined to a habit shares it; so does "those" a clause describes
        ("Agents usually open the phones they seize and send messages to the owners' contacts.", "send",
         "modality.genre.habitual_conj"),
        ("Those arrested are classified as enemies and sent to prison camps.", "sent", "modality.genre.habitual_conj"),
        ("With the new curfew, villagers have been “imprisoned” in their homes again.", "imprisoned",
         "modality.genre.scare_quoted"),
        ("To farmers, the word “battle” conjures up soldiers at war.", "battle", "modality.genre.scare_quoted"),
    ],
)
def test_a_habit_in_a_phrase_is_no_act(verdict, text, word, rule_id):
    assert verdict(text, word) == (None, rule_id)


@pytest.mark.parametrize(
    "text, word",
    [
        ("He was arrested a year ago in Hyesan.", "arrested"),
        ("In April, the two inspectors spent a week investigating guards at the prison.", "investigating"),
        ("The drill held in March was the largest in a year.", "drill"),
        ("Police arrested two smugglers and sent them to a labor camp.", "sent"),
        ("Two soldiers were arrested and sent to a labor camp on Monday.", "sent"),
        # a chronology's present counts its people
        ("Marines track down and kill 13 armed agents near the coast.", "kill"),
        ("Navy ships chase and capture two boats south of the line.", "capture"),
        ("The regime's practice was criticized after guards shot a man in May.", "shot"),
        ("Guards “shot” a man in May, a source said.", "shot"),
    ],
)
def test_plain_reports_stay_acts(verdict, text, word):
    modality, rule_id = verdict(text, word)
    assert modality in ("asserted", "ongoing", "alleged") and rule_id == "modality.asserted"
