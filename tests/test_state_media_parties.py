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
