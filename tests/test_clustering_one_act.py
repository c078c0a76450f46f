"""Issue 10, one act recorded twice: a back reference to the one act of its type told
before, and a country that only names the act's doer, do not split the act in two
(yalu/extract/clustering.py, rules cluster.back_reference and cluster.actor_country);
acts the report tells apart stay apart."""

import pytest


@pytest.fixture(scope="module")
def extract(read_with_rules):
    return lambda text: read_with_rules(text, published="2024-03-12", outlet="Daily NK")[1]


def places(incidents, event_type):
    return [i.location.admin2 if i.location else None for i in incidents if i.event_type == event_type]


def test_the_lockdown_told_again_with_another_acts_place_is_one_lockdown(extract):
    """"the lockdown" is the Hyesan lockdown; Samjiyon is where the smuggling happened."""
    incidents = extract(
        "Authorities locked down the city of Hyesan on Friday, a source in Ryanggang Province told Daily NK.\n\n"
        "The source said the lockdown followed an incident in Samjiyon in which two residents smuggled sugar from China.")
    assert places(incidents, "lockdown") == ["Hyesan"]
    lockdown = next(i for i in incidents if i.event_type == "lockdown")
    assert len(lockdown.evidence) == 2  # the union of the evidence
    assert places(incidents, "smuggling") == ["Samjiyon"]


MUSAN = "Police arrested a smuggler in Musan on Friday, a source in North Hamgyong Province told Daily NK.\n\n"


@pytest.mark.parametrize(
    "text, arrests",
    [
        # a second act named so is not a back reference
        (MUSAN + "The second arrest was made in Hoeryong, the source said.", ["Musan", "Hoeryong"]),
        # "the arrest in Hoeryong" names its own place: not the Musan arrest told before
        (MUSAN + "The source said the arrest in Hoeryong had frightened traders.", ["Musan", "Hoeryong"]),
        # two arrests told before, and a third place
        (MUSAN + "In Onsong, police arrested a broker who had helped three people cross the river.\n\n"
         "The source said the arrest in Hoeryong had frightened traders.", ["Musan", "Onsong", "Hoeryong"]),
    ],
)
def test_back_references_that_are_other_acts_stay_apart(extract, text, arrests):
    assert places(extract(text), "arrest") == arrests


def test_a_lockdown_told_with_the_place_of_its_own_clause_is_another_lockdown(extract):
    """"In Hoeryong, the lockdown has left ..." names where that lockdown is: not the Hyesan one."""
    incidents = extract(
        "Authorities locked down Hyesan on Friday, a source in Ryanggang Province told Daily NK.\n\n"
        "In Hoeryong, the lockdown has left residents without food, another source in North Hamgyong Province said.")
    assert places(incidents, "lockdown") == ["Hyesan", "Hoeryong"]


def test_the_country_that_fired_is_not_where_the_shells_fell(extract):
    """"North Korea fired" names the doer: the rounds toward Yeonpyeong are the same firing."""
    incidents = extract(
        "North Korea fired artillery shells into the sea on Monday, the South's military said.\n\n"
        "The Joint Chiefs of Staff said coastal guns fired about 50 rounds toward Yeonpyeong Island on Monday morning.")
    fire = [i for i in incidents if i.event_type == "artillery_fire"]
    assert len(fire) == 1 and len(fire[0].evidence) == 2
    assert fire[0].location.admin2 == "Ongjin"


def test_escapes_in_two_countries_on_one_day_stay_two(extract):
    """A country an act happened in ("in Russia", "in China") still tells acts apart."""
    incidents = extract(
        "Two North Korean workers escaped from a construction site in Russia on Monday, a source told Daily NK.\n\n"
        "Three North Korean waitresses escaped from a restaurant in China on Monday, the source said.")
    assert sorted(i.location.country for i in incidents if i.event_type == "defection") == ["CN", "RU"]


def test_one_sentence_naming_two_towns_of_a_county_spans_them(extract):
    """cluster.within_county waived: the firing told near both islands, then at one of them."""
    incidents = extract(
        "North Korea fired about 100 artillery rounds from near Yeonpyeong Island and Baengnyeong Island "
        "on Monday afternoon, the Joint Chiefs of Staff said.\n\n"
        "Ten rounds were fired toward Yeonpyeong Island from 5:30 pm on Monday, the military said.")
    assert [len(i.evidence) for i in incidents if i.event_type == "artillery_fire"] == [2]


def test_arrests_by_the_police_of_two_countries_stay_two(extract):
    """cluster.actor_country: "Russian police" does not name Russia, word for word."""
    incidents = extract(
        "Chinese police arrested two North Korean defectors in China on Monday, a source told Daily NK.\n\n"
        "Russian police arrested three North Korean workers in Russia on Monday, the source said.")
    assert sorted(i.location.country for i in incidents if i.event_type == "arrest") == ["CN", "RU"]


def test_a_special_city_named_whole_and_one_of_its_districts_are_one_place(extract):
    """cluster.whole_city: the capital named whole tells none of its districts apart."""
    incidents = extract(
        "Kim Jong Un inspected a new greenhouse farm under construction in Pyongyang, state media reported on Monday.\n\n"
        "Kim inspected the farm in the capital's Sadong District on Sunday and praised the builders, KCNA said.")
    assert places(incidents, "leadership_activity") == ["Sadong"]


def test_the_leader_overseeing_a_drill_told_two_paragraphs_on_is_part_of_it(extract):
    """ontology.toml part_of: the guidance is part of the drill, a paragraph or two apart."""
    incidents = extract(
        "Kim Jong Un guided a firing drill of large-calibre rocket launchers on Monday, state media reported.\n\n"
        "The rockets hit a target island 300 km away, KCNA said.\n\n"
        "Kim oversaw the drill from an observation post and praised the gunners, the report added.")
    assert [i.event_type for i in incidents] == ["military_exercise"], [(i.event_type, i.evidence[0].text) for i in incidents]


def test_a_ban_on_trade_told_again_as_a_crackdown_is_one_ban(extract):
    """cluster.one_ban: "banned the sale of rice" and "enforced the ban" are one ban."""
    incidents = extract(
        "Authorities in Hyesan banned the sale of corn in markets last week, a source in Ryanggang Province told Daily NK.\n\n"
        "Market managers enforced the ban on traders to keep the grain for the army, the source said.")
    assert [i.event_type for i in incidents] == ["economic_measure"]


def test_what_a_lockdown_forbids_is_the_lockdown(extract):
    """cluster.quarantine_rules: the rules of a lockdown told beside it are no crackdown."""
    incidents = extract(
        "Authorities locked down the city of Hyesan on Friday, a source in Ryanggang Province told Daily NK.\n\n"
        "People have been banned from eating together at their workplaces, the source said.")
    assert [i.event_type for i in incidents] == ["lockdown"]
