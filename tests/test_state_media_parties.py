"""State media's foreign parties: a greeting or letter received is the sender's act
(modality.protocol.received), and the drills, deployments and strikes of other countries'
forces that KCNA denounces are no North Korean incident (record.state_media.foreign_party);
the North's own acts in the same genre are still reported.

All sentences are fictional, written in KCNA style (and Yonhap style for the controls)
for these tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un received a message of greeting from the president of the Republic of Ruritania on Monday.",
        "The foreign minister received messages of greeting from her counterparts of different countries.",
        "The General Secretary also received messages and letters from the leaders of political parties abroad.",
        "Kim Jong Un received a reply message from the general secretary of the Ruritanian party on June 3.",
        "Kim Yo Jong received a letter from the chairman of a foreign committee on Tuesday.",
    ],
)
def test_courtesy_received_is_the_senders_act(verdict, text):
    assert verdict(text, "received") == (None, "modality.protocol.received")


@pytest.mark.parametrize(
    "text, word",
    [
        # receiving people is a meeting held in the country; sending a message is the North's act
        ("Kim Jong Un received a military delegation of the Ruritanian Federation on July 9.", "received"),
        ("Choe Ryong Hae received the credentials from the Ruritanian ambassador on Monday.", "received"),
        ("Kim Jong Un sent a reply message to the president of Ruritania on November 2.", "sent"),
    ],
)
def test_meetings_and_messages_sent_stay_acts(verdict, text, word):
    assert verdict(text, word) == ("asserted", "modality.asserted")


FOREIGN_DRILLS = (
    "Pyongyang, August 12 (KCNA) -- The U.S. and the ROK are going to stage large-scale provocative joint "
    "military exercises from August 19 to 29 in the southern half of the peninsula.\n\n"
    "The exercises are a rehearsal for war, the spokesman said."
)
CARRIER = (
    "Pyongyang, November 4 (KCNA) -- The hostile forces deployed a nuclear carrier task force in the waters "
    "off the peninsula on November 2.\n\nThe move is a grave provocation."
)
PASSIVE = (
    "Pyongyang, June 9 (KCNA) -- A drill of dropping precision guided bombs was staged by the U.S. strategic "
    "bombers on June 5.\n\nIt is a threat to peace."
)
OWN_DRILL = (
    "Pyongyang, September 12 (KCNA) -- Kim Jong Un watched a training drill of a special operation unit "
    "of the Korean People's Army on September 11.\n\nThe drill was held at a training ground in the west."
)
OWN_ANSWER = (
    "Pyongyang, June 27 (KCNA) -- The Korean People's Army staged a firing drill on June 26 while the ROK "
    "puppets resumed their maritime drills.\n\nThe drill was a success."
)


@pytest.mark.parametrize("text", [FOREIGN_DRILLS, CARRIER, PASSIVE])
def test_foreign_forces_acts_in_state_media_are_no_incident(read_with_rules, text):
    _, incidents = read_with_rules(text, published="2024-08-12", outlet="KCNA")
    assert not [i for i in incidents if i.event_type in ("military_exercise", "deployment", "attack")]


@pytest.mark.parametrize("text", [OWN_DRILL, OWN_ANSWER])
def test_the_norths_own_drills_stay(read_with_rules, text):
    _, incidents = read_with_rules(text, published="2024-09-12", outlet="KCNA")
    assert [i for i in incidents if i.event_type == "military_exercise"]


def test_other_outlets_keep_foreign_drills(read_with_rules):
    text = (
        "SEOUL, Aug. 19 (Yonhap) -- South Korea and the United States began their annual joint military "
        "exercise on Monday, the Joint Chiefs of Staff said.\n\nThe drill runs until Aug. 29."
    )
    _, incidents = read_with_rules(text, published="2024-08-19", outlet="Yonhap")
    assert [i for i in incidents if i.event_type == "military_exercise"]


VOWS = (
    "Pyongyang, October 16 (KCNA) -- At universities across the country, many students vowed to wipe out "
    "the enemies who dared to violate the sovereignty of the country.\n\nThey volunteered to join the army."
)
DIASPORA = (
    "Pyongyang, October 15 (KCNA) -- Koreans abroad are angered at the provocation of the puppets.\n\n"
    "The vice-chairman of the Association of Koreans in Ruritania, in a press statement on October 14, said "
    "that the association is filled with anger at the puppets."
)
RALLY = (
    "Pyongyang, October 20 (KCNA) -- A candlelight rally was staged in Seoul on October 19.\n\n"
    "Speakers there denounced the puppet group for resorting to provocations through drone infiltration."
)
OWN_STATEMENT = (
    "Pyongyang, October 13 (KCNA) -- A spokesman for the Ministry of National Defence of the DPRK issued a "
    "press statement on October 12 in denunciation of the drone infiltration by the ROK.\n\n"
    "The statement warned of a grave consequence."
)


SPEECH = (
    "Pyongyang, October 1 (KCNA) -- Kim Jong Un visited the defence university on Monday.\n\n"
    "He solemnly declared that the Party would never allow the destruction of the balance of force."
)


@pytest.mark.parametrize("text, event_type", [(VOWS, "statement"), (DIASPORA, "statement"), (RALLY, "incursion"),
                                              (SPEECH, "statement")])
def test_other_voices_in_state_media_are_no_statement(read_with_rules, text, event_type):
    _, incidents = read_with_rules(text, published="2024-10-20", outlet="KCNA")
    assert event_type not in {i.event_type for i in incidents}


def test_the_states_own_statement_stays(read_with_rules):
    _, incidents = read_with_rules(OWN_STATEMENT, published="2024-10-13", outlet="KCNA")
    assert "statement" in {i.event_type for i in incidents}


HISTORY = (
    "Pyongyang, October 8 (KCNA) -- The crime committed by the Japanese aggressors in 1895 can never be "
    "forgotten.\n\nThe assassins broke into the royal palace and murdered the queen with swords."
)
ANNIVERSARY = (
    "Pyongyang, July 28 (KCNA) -- A meeting took place to mark the victory in the war of 1950-1953.\n\n"
    "Kim Jong Un attended the meeting."
)


@pytest.fixture
def types_in(read_with_rules):
    """(text, published, outlet) -> the event types of its records."""

    def run(text, published, outlet="KCNA"):
        return {i.event_type for i in read_with_rules(text, published=published, outlet=outlet)[1]}

    return run


def test_undated_acts_of_a_history_are_the_pasts(types_in):
    assert "attack" not in types_in(HISTORY, "2024-10-08")
    # the same history in a report of this year's news keeps its act for the other rules to judge
    # (a report naming the North: one that never does is abroad_story's)
    this_year = HISTORY.replace("in 1895", "in 1895 and again in 2024") + " The DPRK will never forget it."
    assert "attack" in types_in(this_year, "2024-10-08")
    # a meeting on an old anniversary is the day's act
    assert "leadership_activity" in types_in(ANNIVERSARY, "2024-07-28")


JAPAN_CRIME = (
    "Pyongyang, September 5 (KCNA) -- Crimes against the elderly are rampant in the society of Japan.\n\n"
    "In Tokyo, a care worker beat an 80-year-old person to death on August 28."
)
REHEARSED = (
    "Pyongyang, June 14 (KCNA) -- The U.S. and the ROK staged a special operation drill aimed at the "
    "infiltration into the rear of the DPRK on June 12.\n\nIt was a rehearsal for a war of aggression."
)
DRONE = (
    "Pyongyang, October 11 (KCNA) -- Drones of the ROK military infiltrated into the sky above Pyongyang "
    "on October 9.\n\nThe provocation will never be tolerated."
)


def test_acts_abroad_in_state_media_are_no_incident(types_in):
    assert "attack" not in types_in(JAPAN_CRIME, "2024-09-05")
    assert "attack" in types_in(JAPAN_CRIME, "2024-09-05", "Daily NK")  # the rule reads state media only


def test_an_incursion_a_foreign_drill_rehearses_is_none(types_in, read_with_rules):
    assert "incursion" not in types_in(REHEARSED, "2024-06-14")
    _, incidents = read_with_rules(DRONE, published="2024-10-11", outlet="KCNA")
    assert [(i.event_type, i.location.country) for i in incidents if i.event_type == "incursion"] == [("incursion", "KP")]
