"""ACLED's atomic places (yalu/extract/sites.py, `by_place` in data/ontology.toml): an act
its own clause places in several coordinated places of one level is one record a place.
Sentences are made up for the tests."""

import pytest


def _places(incidents, event_type):
    return sorted((i.location.location_name, i.location.admin1_code) for i in incidents if i.event_type == event_type)


def test_an_arrest_in_two_towns_is_one_record_a_town(read_with_rules):
    _, incidents = read_with_rules("Security agents arrested a dozen copper smugglers in Hyesan and Musan on March 3.")
    assert _places(incidents, "arrest") == [("Hyesan", "KP-10"), ("Musan", "KP-09")]
    # the count is told once, on the first record
    first, second = [i for i in incidents if i.event_type == "arrest"]
    assert first.quantities and not second.quantities


def test_each_place_s_record_has_an_id_of_its_own(read_with_rules, new_db):
    # the copies share the first record's evidence, from which an id is made
    article, incidents = read_with_rules("Kim Jong Un visited the flood-hit areas in the city of Sinuiju and Uiju County on July 28.")
    visits = [i for i in incidents if i.event_type == "leadership_activity"]
    assert len(visits) == 2 and len({i.id for i in visits}) == 2
    from yalu.store import Store

    store = Store(new_db())
    assert store.save_article(article, incidents)
    assert store.conn.execute("SELECT count(*) FROM incidents WHERE event_type = 'leadership_activity'").fetchone()[0] == 2


def test_a_place_named_only_as_a_districts_address_lists_nothing(read_with_rules):
    # the act is placed in the city, which the clause names only as the district's address
    _, incidents = read_with_rules(
        "Two people were publicly executed on May 17 on the riverbank next to the Sunam market in Chongjin, sources said.")
    assert {code for _, code in _places(incidents, "punishment")} == {"KP-09"}


def test_executions_in_two_provinces_are_two_records(read_with_rules):
    _, incidents = read_with_rules("The authorities publicly executed five people in South Pyongan and North Hwanghae provinces last week.")
    assert sorted(code for _, code in _places(incidents, "punishment")) == ["KP-02", "KP-06"]


def test_a_name_that_swallows_its_conjunct_is_still_two_places(read_with_rules):
    # the parser reads "Samjiyon and Pochon County" as one name with "Samjiyon" inside it
    _, incidents = read_with_rules("State security officers ran copper smuggling in the border towns of Samjiyon and Pochon County in early July.")
    assert [name for name, _ in _places(incidents, "smuggling")] == ["Pochon", "Samjiyon"]


@pytest.mark.parametrize(
    "text, event_type",
    [
        # a route is one act
        ("Traders smuggled copper between Sinuiju and Dandong on March 3.", "smuggling"),
        # a town and its province are one address
        ("Security agents arrested a dozen copper smugglers in Hyesan, Ryanggang Province, on March 3.", "arrest"),
        # a state told over two towns is one report: lockdown is not a by_place type
        ("The authorities locked down Hyesan and Musan on March 3.", "lockdown"),
    ],
)
def test_routes_addresses_and_states_stay_one_record(read_with_rules, text, event_type):
    _, incidents = read_with_rules(text)
    assert len(_places(incidents, event_type)) == 1


def test_an_epidemic_in_two_provinces_is_two_records(read_with_rules):
    # record.by_province: an outbreak is counted where it spreads (triggers.toml kind epidemic)
    _, incidents = read_with_rules(
        "A measles outbreak has been spreading in North Pyongan and Chagang provinces since early May, killing dozens of children.")
    assert sorted(code for _, code in _places(incidents, "disaster")) == ["KP-03", "KP-04"]


def test_an_epidemic_in_two_towns_of_one_province_is_one_record(read_with_rules):
    _, incidents = read_with_rules("A measles outbreak has been spreading in Hyesan and Samjiyon since early May, killing dozens of children.")
    assert len(_places(incidents, "disaster")) == 1


def test_a_flood_over_two_provinces_stays_one_record(read_with_rules):
    _, incidents = read_with_rules("Heavy rains flooded farmland in North Pyongan and Chagang provinces in late July, destroying hundreds of houses.")
    assert len(_places(incidents, "disaster")) == 1


def test_towns_listed_with_their_provinces_are_one_record_a_town(read_with_rules):
    # a list of towns each with its address, read from a relative clause of "include"
    _, incidents = read_with_rules(
        "About 20 people were publicly executed in each city, which included Hyesan in Ryanggang Province, "
        "Musan in North Hamgyong Province and Manpo in Chagang Province, on March 3.")
    assert sorted(name for name, _ in _places(incidents, "punishment")) == ["Hyesan", "Manpho", "Musan"]


def test_an_epidemic_over_counties_of_two_provinces_is_one_record_a_province(read_with_rules):
    # "counties in North Pyongan Province" is the address of the counties listed before it
    _, incidents = read_with_rules(
        "Cases of measles have been spreading in border areas such as Uiju and Sakju counties in North Pyongan "
        "Province and Manpo and Wiwon counties in Chagang Province since early May.")
    assert sorted(code for _, code in _places(incidents, "disaster")) == ["KP-03", "KP-04"]
