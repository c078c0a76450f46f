"""State media's rhetoric (yalu/extract/rhetoric.py, modality.rhetoric.*): readiness boasted of,
comparisons, a rival's wished-for collapse, a year of acts rolled into one line and an act
judged in the present tense report no act; the plain reports beside them still do. And a KCNA
record placed only by a country its article denounces is put in the state's own country
(records.py).

All sentences are fictional, written in KCNA style (and Daily NK style for the
controls) for these tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text, word, rule_id",
    [
        ("The gunners are in full readiness to make a sudden attack on the enemy's heart.", "attack", "modality.rhetoric.capacity"),
        ("The new submarines increase the promptness and effectiveness of preemptive attack.", "attack", "modality.rhetoric.capacity"),
        ("The victory is a success greater than shooting down a hundred enemy planes.", "shooting", "modality.rhetoric.comparison"),
        ("The puppet regime, bankrupt structurally, is on the verge of collapse.", "collapse", "modality.rhetoric.figurative_collapse"),
        ("The sanctions aim at the erosion and collapse of the sovereign state.", "collapse", "modality.rhetoric.figurative_collapse"),
        ("They revive the structure of sanctions, which is on the verge of collapse.", "collapse", "modality.rhetoric.figurative_collapse"),
        ("More than 12 000 people in the puppet ROK have committed suicide every year.", "suicide", "modality.rhetoric.roll_up"),
        ("US strategic bombers were deployed over the peninsula more than ten times this year.", "deployed", "modality.rhetoric.roll_up"),
        ("The war drills against our country were staged one after another.", "drills", "modality.rhetoric.roll_up"),
        ("This year, the puppets are staging frantic drills for a preemptive strike.", "drills", "modality.rhetoric.roll_up"),
        ("The current exercises bring to light the provocative nature of the alliance.", "exercises", "modality.rhetoric.characterised"),
        ("Adventurous military maneuvers go to further highlight our nuclear forces.", "maneuvers", "modality.rhetoric.characterised"),
        ("The puppets have ceaselessly staged war drills with outside forces.", "drills", "modality.rhetoric.roll_up"),
        ("The U.S. has also staged nuclear war drills in succession against our country.", "drills", "modality.rhetoric.roll_up"),
        ("This year alone, the aggressor forces have staged military drills around the region.", "drills", "modality.rhetoric.roll_up"),
        ("The sailors have grown to be fighters capable of beating any formidable enemy with one stroke.", "beating", "modality.rhetoric.capacity"),
        ("Our gunners are able to strike any target of the enemy at a moment's notice.", "strike", "modality.rhetoric.capacity"),
        ("Citizens staged protests in demand of the halt to the joint military exercises.", "exercises", "modality.rhetoric.stopped"),
        ("The military drill of the U.S. and the ROK is a very dangerous military provocation.", "drill", "modality.rhetoric.characterised"),
        ("The launch of a reconnaissance satellite is an inevitable undertaking for self-defence.", "launch", "modality.rhetoric.characterised"),
        # a count of acts over a year is still a roll-up (the pace of one act is not: below)
        ("The puppets staged war drills with the U.S. five times a year.", "drills", "modality.rhetoric.roll_up"),
        # ... and so is a pace kept up for a month or more: separate acts (review s26, finding 10)
        ("Enemy troops crossed the line several times a day in March while building walls.", "crossed",
         "modality.rhetoric.roll_up"),
    ],
)
def test_rhetoric_reports_no_act(verdict, text, word, rule_id):
    assert verdict(text, word) == (None, rule_id)


@pytest.mark.parametrize(
    "text, word",
    [
        ("The artillery unit made a sudden attack on the enemy outpost on Tuesday.", "attack"),
        ("Soldiers shot down an enemy drone over the capital on Monday.", "shot"),
        ("A five-storey apartment building collapsed in Hamhung on Tuesday.", "collapsed"),
        ("The roof of the school collapsed in Hamhung on Tuesday.", "collapsed"),
        ("The ceiling of a classroom collapsed in Hamhung on Tuesday.", "collapsed"),
        ("US strategic bombers were deployed over the peninsula on Monday.", "deployed"),
        ("The puppet military staged a drill near the border on July 2.", "drill"),
        ("The joint exercises go ahead near the border this week.", "exercises"),
        ("Soldiers beat the smuggler at the checkpoint in Hyesan on Monday.", "beat"),
        ("The launch of the satellite was a success, the administration said.", "launch"),
        ("Police arrested 1,900 people at the market in Hyesan.", "arrested"),
        ("The UN adopted resolution 1874 after the nuclear test.", "test"),
        # the pace of an act going on, not a tally of acts (Daily NK style)
        ("Security agents searched the market stalls in Hyesan several times a day last week.", "searched"),
        # what someone was able to do is done (Daily NK style), not a capacity
        ("In the end, the trader was able to get her goods back after bribing the agents.", "bribing"),
    ],
)
def test_plain_reports_stay_acts(verdict, text, word):
    modality, rule_id = verdict(text, word)
    assert modality == "asserted" and not rule_id.startswith("modality.rhetoric.")


STATEMENT = (
    "Pyongyang, October 28 (KCNA) -- Kim Yo Jong, vice department director of the Central Committee "
    "of the Workers' Party of Korea, issued the following press statement on Sunday:\n\n"
    "The military gangsters of the puppet ROK in Seoul have again revealed their true colors."
)


BUSAN = (
    "Pyongyang, October 1 (KCNA) -- The vice-minister of National Defence of the DPRK on Tuesday issued "
    "a press statement on the U.S. nuclear carrier in Busan.\n\n"
    "The U.S. nuclear carrier entered Busan again. The carrier stays in Busan to threaten the region. "
    "Busan has become an outpost of the U.S. forces."
)
DRONE = (
    "Pyongyang, October 19 (KCNA) -- The drone of the ROK military that took off at Paekryong Island "
    "on Oct. 8 intruded into the territorial air of the DPRK."
)
MOSCOW = (
    "Pyongyang, November 6 (KCNA) -- Choe Son Hui, foreign minister of the DPRK, on an official visit to "
    "the Russian Federation met with Vladimir Putin, president of the Russian Federation, in Moscow on Nov. 4."
)


@pytest.mark.parametrize(
    "text, outlet, event_type, country",
    [
        # placed only by the ROK the statement denounces: issued at home
        (STATEMENT, "KCNA", "statement", "KP"),
        # placed only by its article's focus, the port a U.S. carrier entered: issued at home
        (BUSAN, "KCNA", "statement", "KP"),
        # the island a drone took off at is where it came from: the incursion is into the DPRK
        (DRONE, "KCNA", "incursion", "KP"),
        # other outlets keep the place their text gives
        (STATEMENT, "Daily NK", "statement", "KR"),
        (DRONE, "Daily NK", "incursion", "KR"),
        # an act placed by its own clause keeps its country
        (MOSCOW, "KCNA", "leadership_activity", "RU"),
    ],
)
def test_state_media_record_country(read_with_rules, text, outlet, event_type, country):
    _, incidents = read_with_rules(text, published="2024-11-06", outlet=outlet)
    [found] = [i for i in incidents if i.event_type == event_type]
    assert found.location.country == country
    if country == "KP" and text is STATEMENT:
        assert found.location.admin1 is None  # Seoul's province does not come along


@pytest.mark.parametrize(
    "text, event_type",
    [
        # trigger.defection.flee: a delegation "headed by" its director arrives on a visit
        ("A delegation of the Russian Federation headed by its director arrived in Pyongyang on Monday.", "defection"),
        # trigger.desertion.abandon: a legacy left
        ("The factory left a clear mark in the development of the country's industry at its base.", "desertion"),
        # trigger.desertion.abandon: new posts taken up
        ("Students presented bouquets to the young people leaving for their new revolutionary posts.", "desertion"),
        # trigger.fortification.lay: a wreath laid by a wall
        ("The delegation laid a wreath before the tomb by the wall of the Kremlin.", "fortification"),
        # trigger.defection.flee: a river-crossing drill
        ("The U.S. is staging a joint river-crossing drill with the puppet army.", "defection"),
        # trigger.military_exercise.drill: lectures in a research room
        ("He watched drill lectures given at the artillery tactical research room.", "military_exercise"),
        # trigger.disaster.flood: crop strains strong in drought (what a strain withstands)
        ("The farm introduced high-yielding strains strong in salt, drought and rainstorm.", "disaster"),
        # trigger.fortification.lay: a shock brigade's reconstruction work
        ("Trade union members conducted a shock brigade activity for making blocks and building walls.", "fortification"),
        # trigger.crackdown.inspection: the campaign that houses flood victims
        ("He pioneered a campaign for providing the homeless people in the disaster-stricken areas with homes.", "crackdown"),
    ],
)
def test_state_media_idiom_fires_no_trigger(fired, text, event_type):
    assert event_type not in {t.event_type for t in fired(text)}


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Two soldiers fled across the border to China on Monday.", "defection"),
        ("A soldier left his unit in Hyesan and has not returned.", "desertion"),
        ("Soldiers laid landmines along the wall near the border.", "fortification"),
        ("Two soldiers swam across the river to China on Monday.", "defection"),
        ("The puppet army staged a river-crossing drill near the border on Monday.", "military_exercise"),
        ("The drought destroyed the crops in South Hwanghae Province this summer.", "disaster"),
        ("Inspection teams searched homes for mobile phones in Hyesan.", "crackdown"),
    ],
)
def test_the_acts_beside_the_idiom_still_fire(fired, text, event_type):
    assert event_type in {t.event_type for t in fired(text)}
