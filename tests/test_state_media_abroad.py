"""State media's other countries, round three: other countries' acts told with a pronoun, an
owner or in a story abroad are no North Korean incident (record.state_media.foreign_party,
abroad_story), and the state's mission at the UN speaks in New York (at_the_un); the North's
own acts beside them, and other outlets' reports, stay.

All sentences are fictional, written in KCNA style (and Yonhap style for the controls) for
these tests; none is real news.
"""

import pytest

PRONOUN_DRILL = (
    "Pyongyang, July 8 (KCNA) -- The puppet military resumed its maritime firing drill on June 26.\n\n"
    "They also launched artillery firing drills near the border on July 2."
)
US_LAUNCH = (
    "Pyongyang, September 24 (KCNA) -- In June the U.S. forces launched intercontinental ballistic missiles "
    "twice, the statement said.\n\nThis is a grave threat."
)
OWNED_MANOEUVRES = (
    "Pyongyang, September 10 (KCNA) -- The security environment is threatened by the reckless manoeuvres of "
    "the US-led military bloc.\n\nOur state will defend itself."
)
ABROAD_STORY = (
    "Pyongyang, September 23 (KCNA) -- Old people in Japan live in fear.\n\n"
    "A care worker beat an 80-year-old man to death in a home for the aged last month."
)
ROK_RALLY = (
    "Pyongyang, October 14 (KCNA) -- On October 12, crowds in the ROK demanded to punish puppet Yoon and "
    "his group.\n\nThe rally lasted late into the night."
)


@pytest.mark.parametrize("text", [PRONOUN_DRILL, US_LAUNCH, OWNED_MANOEUVRES, ABROAD_STORY, ROK_RALLY])
def test_other_countries_acts_in_state_media_are_no_incident(read_with_rules, text):
    _, incidents = read_with_rules(text, published="2024-10-14", outlet="KCNA")
    assert not [i for i in incidents if i.event_type not in ("statement", "leadership_activity")]


OWN_LAUNCH = (
    "Pyongyang, October 31 (KCNA) -- The Missile Administration launched an intercontinental ballistic missile "
    "on October 30, in answer to the U.S. hostile moves.\n\nIt flew 1 000 km."
)
OWN_ARREST = (
    "Pyongyang, October 18 (KCNA) -- The security organs arrested two smugglers selling the ROK puppets' "
    "films in Kaesong on Friday.\n\nThe smugglers confessed their crimes."
)


@pytest.mark.parametrize("text, kind", [(OWN_LAUNCH, "missile_launch"), (OWN_ARREST, "arrest")])
def test_the_norths_own_acts_beside_them_stay(read_with_rules, text, kind):
    _, incidents = read_with_rules(text, published="2024-10-31", outlet="KCNA")
    assert kind in {i.event_type for i in incidents}


def test_other_outlets_keep_foreign_stories(read_with_rules):
    """The story-abroad reading is state media's: Yonhap's report of a Japanese crime stays."""
    _, incidents = read_with_rules(ABROAD_STORY.replace("Pyongyang, September 23 (KCNA) --", "SEOUL, Sept. 23 (Yonhap) --"),
                                   published="2024-09-23", outlet="Yonhap")
    assert "attack" in {i.event_type for i in incidents}


UN_MISSION = (
    "Pyongyang, November 6 (KCNA) -- The permanent mission of the DPRK at the UN released the following "
    "press statement on Wednesday:\n\nThe U.S. should stop its hostile policy at once."
)


def test_the_mission_at_the_un_speaks_in_new_york(read_with_rules):
    _, incidents = read_with_rules(UN_MISSION, published="2024-11-06", outlet="KCNA")
    assert [i.location.country for i in incidents if i.event_type == "statement"] == ["US"]
    # the Foreign Ministry's own statement on the same day is issued at home
    home = UN_MISSION.replace("The permanent mission of the DPRK at the UN", "The Foreign Ministry of the DPRK")
    _, incidents = read_with_rules(home, published="2024-11-06", outlet="KCNA")
    assert [i.location.country for i in incidents if i.event_type == "statement"] == ["KP"]
