"""A trigger word's other senses in the genre (data/triggers.toml `none` vetoes):
the wrong sense fires nothing, the incident's sense of the same word still fires.

All sentences are fictional, written in the style of Daily NK / RFA / Yonhap copy.
"""

import pytest


def fired_types(fired, text):
    """(the event types fired in the text, the (type, word) pairs for the message)."""
    found = [(t.event_type, t.token.text) for t in fired(text)]
    return {event_type for event_type, _ in found}, found


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("The source dismissed these statistics as far too low.", "punishment"),
        ("The police dismissed her explanations and took her in.", "punishment"),
        ("The campaign to denounce traitorous exiles has spread to the border towns.", "punishment"),
        ("Students were mobilized to fight the autumn corn battle on the farms.", "armed_clash"),
        ("A clothing vendor clashed with market agents who demanded her goods.", "armed_clash"),
        ("The economy is awash with production battles and shock troops.", "armed_clash"),
        ("A storm of arrests is sweeping through the border city.", "disaster"),
        ("The whole town was caught by the rain on Monday.", "arrest"),
        ("Cameras along the fence caught him several times that night.", "arrest"),
        ("The authorities are addressing a labor shortage by conscripting students.", "economic_measure"),
        ("The unit had a shortage of medicines to treat the sick soldiers.", "economic_measure"),
        ("Five believers were held for conducting an underground prayer meeting.", "weapons_test"),
        ("The drone was found to carry photos of a weapon battery.", "weapons_test"),
        ("A shock brigade of soldiers was mobilized to repair a bridge near the village.", "deployment"),
        ("Inspection units of soldiers are being dispatched to public areas.", "deployment"),
        ("The fields near the city appeared parched and cracked.", "crackdown"),
        ("Navy vessels were searching the waters where the ship sank on Friday.", "crackdown"),
        ("The soldier's remains were repatriated at a ceremony in Panmunjom.", "forced_repatriation"),
        ("The smuggler's body was recovered and repatriated to China.", "forced_repatriation"),
        ("An air raid warning was issued for the island after the launches.", "attack"),
        ("The assembly voted on the arrest warrant for the opposition leader.", "arrest"),
        ("The defector is being questioned at a joint interrogation center.", "arrest"),
        ("North Korea feels threatened by foreign films and is trying to tighten its control over the border.", "statement"),
        ("Rising theft of corn from the farms worries the county.", "economic_measure"),
    ],
)
def test_other_senses_of_a_trigger_word_do_not_fire(fired, text, event_type):
    types, found = fired_types(fired, text)
    assert event_type not in types, found


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("The provincial party secretary was dismissed from his post last week.", "punishment"),
        ("Border guards clashed with infiltrators near the river on Monday.", "armed_clash"),
        ("A storm flooded three villages in the county on Sunday.", "disaster"),
        ("Border guards caught two smugglers on the riverbank on Friday.", "arrest"),
        ("Rice prices soared amid a food shortage in Hyesan markets.", "economic_measure"),
        ("North Korea conducted an underground nuclear test on Sunday.", "weapons_test"),
        ("Two army battalions were deployed to the border last week.", "deployment"),
        ("Police cracked down on smugglers in the market on Monday.", "crackdown"),
        ("Chinese police repatriated five North Korean women on Thursday.", "forced_repatriation"),
        ("Armed commandos raided a guard post near the border on Sunday.", "attack"),
        ("Police arrested two smugglers in Hyesan on Monday.", "arrest"),
        ("North Korea threatened to strike the loudspeakers on Monday.", "statement"),
        ("Rice prices rose sharply in Hyesan markets last week.", "economic_measure"),
    ],
)
def test_the_incident_sense_of_the_same_words_still_fires(fired, text, event_type):
    types, found = fired_types(fired, text)
    assert event_type in types, found


# --- leaflets sent over the line (trigger.incursion.leaflets) ------------------------------


@pytest.mark.parametrize(
    "text, fires",
    [
        ("Civic groups were sending leaflets towards the North on Friday afternoon, the ministry said.", True),
        ("Balloon-lifted leaflets criticizing the leader landed next to a school in Hyesan last month.", True),
        # a threat over leaflets, leaflets made at home, leaflets to come: no leaflets crossed
        ("The North threatened to retaliate over the leaflets sent by activists.", False),
        ("Students scattered anti-government leaflets in Pyongyang last year.", False),
        ("Activists said they will send leaflets across the border next week.", False),
    ],
)
def test_leaflets_sent_over_the_line_are_an_incursion(fired, text, fires):
    types, found = fired_types(fired, text)
    assert ("incursion" in types) == fires, found


def test_a_clash_after_leaflets_stays_a_clash(read_with_rules):
    """frame.end_of_incursion's with_lemmas_not: fire exchanged after leaflets were sent is
    no end of an infiltration; the clash and the leaflets are two records."""
    _, incidents = read_with_rules(
        "The two Koreas exchanged fire across the border after activists had sent leaflets flying into the North "
        "from the town of Yeoncheon.", published="2014-10-11", outlet="Yonhap")
    assert sorted(i.event_type for i in incidents) == ["armed_clash", "incursion"]
