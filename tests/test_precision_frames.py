"""English precision, session 16: acts a word names inside another act's frame, each beside
the same words telling an act of their own, which still fire.

- the leader who guides or oversees a drill or a firing in the same paragraph is part of the
  drill's record (ontology.toml part_of of leadership_activity);
- a missile launch placed in a country that watches it (Seoul's JCS, a caption at Seoul
  Station) tells no second launch apart, nor places it (cluster.watcher_place);
- Daily NK's and RFA's "agents" are the North's own police, not infiltrators, unless the
  clause tells of the other side or of infiltration (trigger.incursion.agent);
- agents sent to track down workers wage a crackdown (trigger.crackdown.enforcers_sent),
  not a deployment or an incursion;
- crabs and squid caught are fishing (trigger.arrest.catch);
- a state's military contacting the other side uses an official channel
  (trigger.illegal_communication.call);
- a disease named through its outbreak or its cases, as the setting or the era of the
  news ("since the outbreak of COVID-19"), and an act that came before ("following the
  declaration"), are no act reported (modality.no_act.reference, modality.no_act.cause_named);
- a sentence or a trial forecast ("is likely to receive a harsh sentence") is none passed
  (modality.desire); coordinated bare plurals in the present are a class (modality.habitual);
- a trend told by a participle on its noun ("with defection attempts continuing") is no one act
  (modality.generic.trend);
- an accident only likely, infiltrators fended off, a satellite a missile deployed are no act
  (modality.toml threat_nouns, warded_off; trigger.deployment.deploy);
- "of the 11 arrested" names the people of an arrest told before, not a place of its own
  (mentions._people_of).

All sentences are fictional, written in the style of KCNA, Yonhap, Daily NK and RFA copy.
"""

import pytest

from yalu.extract.modality import NO_ACT


@pytest.mark.parametrize(
    "text, event_type, word",
    [
        ("The agents later found four gold nuggets in the visitors' bag.", "incursion", "agents"),
        ("The mining complex sent agents to track down the workers who had left their posts.", "incursion", "agents"),
        ("The mining complex sent agents to track down the workers who had left their posts.", "deployment", "sent"),
        ("The party committee sent agents to investigate the families of the officials.", "incursion", "sent"),
        ("Fishermen in Sinpo spend the spring catching crabs for export to China.", "arrest", "catching"),
        ("The South Korean military contacted the North Koreans through the UN Command hotline.", "illegal_communication", "contacted"),
    ],
)
def test_words_inside_another_frame_do_not_fire(triggers, text, event_type, word):
    assert (event_type, word) not in triggers(text)


@pytest.mark.parametrize(
    "text, event_type, word",
    [
        ("Kim Jong Un guided an artillery firing drill of the frontline units on Tuesday.", "military_exercise", "drill"),
        ("Kim Jong Un inspected a fertilizer factory in Hungnam on Monday.", "leadership_activity", "inspected"),
        ("Kim visited the new hospital in Pyongyang on Sunday.", "leadership_activity", "visited"),
        ("South Korean marines captured two North Korean agents whose boat had run aground near Gangneung.", "incursion", "agents"),
        ("The mining complex sent agents to track down the workers who had left their posts.", "crackdown", "sent"),
        ("Border guards caught two smugglers on the riverbank on Friday.", "arrest", "caught"),
        ("A woman in Hyesan called her daughter in South Korea on a Chinese phone.", "illegal_communication", "called"),
    ],
)
def test_the_same_words_telling_an_act_still_fire(triggers, text, event_type, word):
    assert (event_type, word) in triggers(text)


@pytest.mark.parametrize(
    "text, word, rule",
    [
        ("Residents have lived under tight control since the outbreak of COVID-19 in the region.", "COVID-19", "modality.no_act.reference"),
        ("Border patrols were doubled in the face of suspected cases of coronavirus near the river.", "coronavirus", "modality.no_act.cause_named"),
        ("Security has tightened following the declaration of the county as a special military zone.", "declaration", "modality.no_act.cause_named"),
        ("Following the execution of the deputy minister in May, his relatives were exiled.", "execution", "modality.no_act.cause_named"),
        ("Given the ongoing campaign, the broker is likely to receive a harsh sentence, the source said.", "sentence", "modality.desire"),
        ("The two officials are expected to face a public trial in the market next month.", "trial", "modality.desire"),
        ("While missile launches and nuclear tests alarm the neighbours, the state media hail them as victories.", "tests", "modality.habitual"),
        ("Crowded sites and the likelihood of a fatal accident keep young people from the brigades.", "accident", "modality.no_act.threatened"),
        ("The fence was built along the river to fend off North Korean infiltrators.", "infiltrators", "modality.no_act.learned_or_warded_off"),
        ("With defection attempts continuing along the river, the guard posts were doubled.", "defection", "modality.generic.trend"),
    ],
)
def test_acts_named_as_setting_forecast_or_class_are_none_told(verdict, text, word, rule):
    assert verdict(text, word) == (NO_ACT, rule)


def test_the_same_words_told_as_acts_stay(verdict):
    for text, word in [("An outbreak of measles killed 12 children in Hyesan last month.", "measles"),
                       ("Heavy rains and floods killed 40 people in Hamhung last week.", "floods"),
                       ("The broker received a harsh sentence at the trial last week.", "sentence")]:
        assert verdict(text, word)[0] is not NO_ACT, text


def only(incidents, event_type):
    found = [i for i in incidents if i.event_type == event_type]
    assert len(found) == 1, [i.summary for i in found]
    return found[0]


@pytest.fixture(scope="module")
def extract(read_with_rules):
    return lambda text, outlet="Yonhap": read_with_rules(text, published="2024-03-12", outlet=outlet)[1]


def test_the_leader_guiding_a_drill_is_the_drill(extract):
    incidents = extract("Kim Jong Un guided an artillery firing drill of the frontline units on Monday, "
                        "state media reported on Tuesday.", outlet="KCNA")
    assert [i.event_type for i in incidents] == ["military_exercise"]


def test_the_leader_elsewhere_in_the_report_stays_his_own_act(extract):
    incidents = extract("Kim Jong Un guided an artillery firing drill of the frontline units on Monday.\n\n"
                        "On Sunday, Kim Jong Un inspected a fertilizer factory in Hungnam.", outlet="KCNA")
    assert sorted(i.event_type for i in incidents) == ["leadership_activity", "military_exercise"]


def test_a_launch_told_from_seoul_is_one_launch_placed_at_its_site(extract):
    incidents = extract(
        "N. Korea fires two ballistic missiles: Seoul JCS\n\n"
        "North Korea fired two short-range ballistic missiles into the East Sea on Monday, South Korea's military said.\n\n"
        "The missiles were fired from the Sunan area in Pyongyang at 7:20 a.m. and flew about 400 kilometers, "
        "the Joint Chiefs of Staff said.")
    assert only(incidents, "missile_launch").location.admin1_code == "KP-01"


def test_the_people_of_an_arrest_told_again_place_no_second_arrest(extract):
    incidents = extract(
        "Police in Shenyang arrested 11 North Koreans at a bus station on Friday, media reports said.\n\n"
        "A human rights official in Seoul said that of the 11 arrested, three were brokers from Yanji.")
    assert only(incidents, "arrest").location.admin2 == "Shenyang"



def test_a_rocket_that_deploys_a_satellite_deploys_no_force(triggers):
    assert ("deployment", "deployed") not in triggers("The missile deployed a small satellite into orbit ten minutes after lift-off.")
    assert ("deployment", "deployed") in triggers("The army deployed two more battalions to the border on Monday.")


def test_a_crossing_told_with_defecting_is_the_defection(extract):
    incidents = extract("A North Korean soldier crossed the military demarcation line in the central sector on "
                        "Sunday night and told troops he wished to defect, the Joint Chiefs of Staff said.")
    types = {i.event_type for i in incidents}
    assert "incursion" not in types and "defection" in types


def test_troops_crossing_with_no_word_of_defecting_stay_an_incursion(extract):
    incidents = extract("About ten North Korean soldiers briefly crossed the military demarcation line in the "
                        "eastern sector on Tuesday, the Joint Chiefs of Staff said.")
    assert [i.event_type for i in incidents] == ["incursion"]
