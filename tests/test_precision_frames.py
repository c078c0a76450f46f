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
- a disease named through its outbreak or its cases, as the setting or the era of the
  news ("since the outbreak of COVID-19"), is no outbreak reported
  (modality.no_act.reference, modality.no_act.cause_named).

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
    ],
)
def test_the_same_words_telling_an_act_still_fire(triggers, text, event_type, word):
    assert (event_type, word) in triggers(text)


@pytest.mark.parametrize(
    "text, word, rule",
    [
        ("Residents have lived under tight control since the outbreak of COVID-19 in the region.", "COVID-19", "modality.no_act.reference"),
        ("Border patrols were doubled in the face of suspected cases of coronavirus near the river.", "coronavirus", "modality.no_act.cause_named"),
    ],
)
def test_a_disease_named_as_the_setting_is_no_outbreak(verdict, text, word, rule):
    assert verdict(text, word) == (NO_ACT, rule)


def test_an_outbreak_reported_stays(verdict):
    modality, _rule = verdict("An outbreak of measles killed 12 children in Hyesan last month.", "measles")
    assert modality is not NO_ACT


@pytest.mark.parametrize(
    "text, event_type, word",
    [
        ("The South Korean military contacted the North Koreans through the UN Command hotline.", "illegal_communication", "contacted"),
    ],
)
def test_official_channels_are_no_illegal_call(triggers, text, event_type, word):
    assert (event_type, word) not in triggers(text)


def test_a_resident_calling_the_south_still_fires(triggers):
    assert ("illegal_communication", "called") in triggers("A woman in Hyesan called her daughter in South Korea on a Chinese phone.")


def test_coordinated_bare_plurals_in_the_present_are_a_class(verdict):
    text = "While missile launches and nuclear tests alarm the neighbours, the state media hail them as victories."
    assert verdict(text, "tests") == (NO_ACT, "modality.habitual")
    modality, _rule = verdict("Heavy rains and floods killed 40 people in Hamhung last week.", "floods")
    assert modality is not NO_ACT


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
    launches = [i for i in incidents if i.event_type == "missile_launch"]
    assert len(launches) == 1
    assert launches[0].location.admin1_code == "KP-01"


@pytest.mark.parametrize(
    "text, word",
    [
        ("Given the ongoing campaign, the broker is likely to receive a harsh sentence, the source said.", "sentence"),
        ("The two officials are expected to face a public trial in the market next month.", "trial"),
    ],
)
def test_a_sentence_forecast_is_none_passed(verdict, text, word):
    assert verdict(text, word) == (NO_ACT, "modality.desire")


def test_a_sentence_received_stays(verdict):
    modality, _rule = verdict("The broker received a harsh sentence at the trial last week.", "sentence")
    assert modality is not NO_ACT
