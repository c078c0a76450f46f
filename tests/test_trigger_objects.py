"""A trigger word's sense told by its own object or doer (data/triggers.toml
`objects_none`, `subjects_none`; yalu/extract/senses.py), and the genre's other senses
added with them: the wrong sense fires nothing, the same word telling the act still fires.

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
        ("The conscript's family sent a petition to the party committee about the soldiers who beat him.", "deployment"),
        ("A team of army doctors was sent to the corps headquarters to confirm the outbreak.", "deployment"),
        ("The navy began running a contingency team to watch the boats near the border.", "defection"),
        ("From the Chinese bank of the river we captured images of soldiers repairing the fence.", "arrest"),
        ("The smugglers caught the attention of the border guards long ago.", "arrest"),
        ("Torrential rains flooded the valley, destroying bridges and roads along the border.", "fortification"),
        ("Trading companies have been setting up stations at the mine to export ore to China.", "fortification"),
        ("He enlisted in 2019 and joined a border unit after basic training.", "military_exercise"),
        ("Fighter jets dropped eight bombs at a shooting range near the border on Tuesday.", "attack"),
        ("The state media admitted serious defects in the rocket's second stage.", "defection"),
    ],
)
def test_another_sense_told_by_the_object_or_doer_fires_nothing(fired, text, event_type):
    types, found = fired_types(fired, text)
    assert event_type not in types, found


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("The army sent two battalions of soldiers to the border last week.", "deployment"),
        ("Troops were sent to the border after residents sent complaints about the smugglers.", "deployment"),
        ("Two soldiers ran across the border to China on Monday.", "defection"),
        ("Border guards captured two soldiers who crossed the river on Monday.", "arrest"),
        ("Guards caught a smuggler near the river on Sunday.", "arrest"),
        ("The army blew up the guard posts near the border on Tuesday.", "fortification"),
        ("Soldiers have been setting up barbed wire fences along the river.", "fortification"),
        ("The artillery units held a live-fire drill near the border on Monday.", "military_exercise"),
        ("Armed men attacked a border post near the river on Tuesday.", "attack"),
        ("A soldier defected to the South across the border on Monday.", "defection"),
    ],
)
def test_the_same_words_telling_the_act_still_fire(fired, text, event_type):
    types, found = fired_types(fired, text)
    assert event_type in types, found


@pytest.mark.parametrize(
    "text, event_type, fires",
    [
        # a bribe goes to an official, money to a family is a remittance
        ("The woman handed over money to the family of a defector in early July.", "bribery", False),
        ("The woman handed over money to the security agent in early July.", "bribery", True),
        # gathering is no search of others
        ("Hundreds of villagers are searching for gold in the valley near the mine.", "crackdown", False),
        ("Agents searched bags for phones at the station on Monday.", "crackdown", True),
        # soldiers mobilized to restore flooded roads build; troops deployed to the border are deployed
        ("Soldiers have been mobilized for restoration work in the flooded county.", "deployment", False),
        ("Two army units were deployed to the border on Monday.", "deployment", True),
        # relatives branded as spies are punished, agents who crossed are an incursion
        ("The family members were all branded as spies and sent to a prison camp.", "incursion", False),
        ("Two armed spies crossed into the South by boat on Monday.", "incursion", True),
    ],
)
def test_recipients_and_purposes_tell_the_sense(fired, text, event_type, fires):
    types, found = fired_types(fired, text)
    assert (event_type in types) is fires, found


@pytest.mark.parametrize(
    "text, event_type, fires",
    [
        # the loudspeaker campaign is propaganda; a campaign against phones is enforcement
        ("The military resumed a loudspeaker campaign along the border on Monday.", "crackdown", False),
        ("Police launched a campaign against illegal phones in the border towns.", "crackdown", True),
        # a trade's price per kilo, and a source urged, are no bribe
        ("The companies are paying six yuan per kilo of ore and sending it to China.", "bribery", False),
        ("When pressed to reveal the cost in won, the trader did the sums on paper.", "bribery", False),
        ("The family paid the guards 3,000 yuan to let them cross.", "bribery", True),
        # drills halted are no traffic stopped; trade halted at the border is
        ("The two Koreas have halted live-fire drills along the border.", "lockdown", False),
        ("The North halted trade across the border bridge on Monday.", "lockdown", True),
        # a campaign declared is the campaign; a statement declared is a statement
        ("North Korean authorities declared a month-long agricultural mobilization.", "statement", False),
        ("The North Korean foreign ministry declared that the talks were over.", "statement", True),
    ],
)
def test_activities_and_prices_tell_the_sense(fired, text, event_type, fires):
    types, found = fired_types(fired, text)
    assert (event_type in types) is fires, found
