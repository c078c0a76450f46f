"""What a class of people does, told in the present (yalu/extract/classes.py,
modality.genre.class_clause, class_object, class_voice): how things work, or the public's
voice, not an act; the acts of one group, a chronology's present, a headline and the
state's own statements stay acts.

All sentences are fictional, written in the style of Daily NK, RFA and ASIAPRESS copy for
these tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text, word, rule_id",
    [
        ("Confessions from those executed are used to frighten the crowd.", "executed", "modality.genre.class_clause"),
        ("Traders and brokers are deeply involved in smuggling networks along the river.", "smuggling",
         "modality.genre.class_clause"),
        ("Defectors caught in China are sent to holding centers near the border.", "caught", "modality.genre.class_clause"),
        ("The regime punishes relatives under the principle of collective guilt.", "punishes", "modality.genre.class_object"),
        ("The security ministry detains merchants who sell foreign films.", "detains",
         "modality.genre.class_object"),
    ],
)
def test_a_class_in_the_present_is_no_act(verdict, text, word, rule_id):
    assert verdict(text, word) == (None, rule_id)


@pytest.mark.parametrize(
    "text, word",
    [
        # one group, counted or pointed at
        ("Residents are angry about the arrests of the traders.", "arrests"),
        ("Villagers are shocked by 12 people detained in the raid.", "detained"),
        # a chronology's present: active, counted or dated
        ("Marines kill four out of a band of North Korean infiltrators near the coast.", "infiltrators"),
        ("Coast guards track down and kill three armed agents near the island.", "kill"),
        ("The army fires shells toward the border on March 3.", "fires"),
        ("Guards detain seven smugglers in Hyesan.", "detain"),
        # past and progressive: told, or going on
        ("The regime punished relatives of the defector last week.", "punished"),
        ("Agents are arresting traders in the market now.", "arresting"),
    ],
)
def test_one_group_or_a_chronology_stays_acts(verdict, text, word):
    modality, rule_id = verdict(text, word)
    assert not rule_id.startswith("modality.genre.class_"), (text, modality, rule_id)


def test_a_headline_in_the_present_is_the_news(verdict):
    modality, rule_id = verdict("Regime punishes relatives of escaped workers", "punishes")
    assert modality is not None and not rule_id.startswith("modality.genre.class_")


@pytest.mark.parametrize(
    "text, word, public",
    [
        ("Residents have condemned the forced donations for the new stadium, sources said.", "condemned", True),
        ("North Koreans denounced the new tax on market stalls, a source told the outlet.", "denounced", True),
        ("The foreign ministry condemned the sanctions on Monday.", "condemned", False),
        ("Kim Jong Un vowed to rebuild the flooded towns.", "vowed", False),
    ],
)
def test_the_public_voice_is_no_statement(verdict, text, word, public):
    assert (verdict(text, word) == (None, "modality.genre.class_voice")) is public


@pytest.mark.parametrize(
    "text, word",
    [
        ("Agents are posing as brokers to trap residents attempting to call relatives in China.", "call"),
        ("The unit watches for soldiers trying to cross the river or fleeing with their families.", "cross"),
        ("The unit watches for soldiers trying to cross the river or fleeing with their families.", "fleeing"),
        ("The brokers run a network for North Koreans who have escaped the country.", "escaped"),
    ],
)
def test_a_class_told_in_its_own_clause_is_no_act(verdict, text, word):
    assert verdict(text, word) == (None, "modality.genre.class_relative")


@pytest.mark.parametrize(
    "text, word",
    [
        # the clause above tells one past act: its people are the news
        ("Guards shot residents trying to cross the river near Musan.", "cross"),
        ("Police arrested villagers attempting to swim across the river.", "swim"),
        # the class's own clause is told in the past, dated, or counted
        ("Agents are hunting soldiers who deserted their unit.", "deserted"),
        ("Agents are questioning people who have fled to China since March 3.", "fled"),
        ("Agents are questioning two women trying to cross the river.", "cross"),
        # not the class's attempt: what its people are used for
        ("The ministry has used officials posing as travelers to track and arrest defectors.", "arrest"),
        # a noun's act is its own: a chronology's firefights
        ("Four soldiers are killed by troops guarding the zone in a series of firefights.", "firefights"),
    ],
)
def test_a_class_beside_a_told_act_stays(verdict, text, word):
    assert verdict(text, word)[1] != "modality.genre.class_relative", text
