"""Which type an incident gets, and which acts are parts of one incident rather than
incidents of their own (data/triggers.toml, data/frames.toml, ontology.toml's part_of,
yalu/extract/clustering.py).

Every report here is fictional, written in the style of Daily NK / RFA / Yonhap /
KCNA copy for these tests; none is real news.
"""

import pytest

from yalu.ingest import read_text


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text, published="2024-03-10", outlet="Daily NK"):
        article = read_text(text, published=published, outlet=outlet)
        [(_, incidents)] = list(pipeline.run([article]))
        return incidents

    return run


def types(incidents):
    return sorted(i.event_type for i in incidents)


# --- accidents and their toll ----------------------------------------------------------

def test_the_toll_told_after_a_flood_is_the_floods(extract):
    incidents = extract(
        "Heavy rain flooded villages along the Tumen River in Hoeryong on Aug. 30, a source told Daily NK.\n\n"
        "About 150 people have been killed, the source said."
    )
    assert types(incidents) == ["disaster"], [(i.event_type, i.evidence[0].text) for i in incidents]


def test_a_killing_with_a_doer_after_a_flood_stays_an_attack(extract):
    incidents = extract(
        "Heavy rain flooded villages along the Tumen River in Hoeryong on Aug. 30, a source told Daily NK.\n\n"
        "Border guards killed two smugglers who tried to cross the swollen river, the source said."
    )
    assert "attack" in types(incidents)


@pytest.mark.parametrize(
    "text",
    [
        "A freight train overturned near Unhung in Ryanggang Province on March 15, injuring 16 people, a source told Daily NK.",
        "A bus overturned on the road to Samjiyon on Monday, injuring 20 passengers.",
        "A bus carrying workers collided with a truck in Kilju on Monday. Three workers were killed.",
    ],
)
def test_an_accident_is_one_disaster_with_its_dead_and_injured(extract, text):
    incidents = extract(text)
    assert types(incidents) == ["disaster"], [(i.event_type, i.evidence[0].text) for i in incidents]


def test_part_of_relations_name_types_and_known_keys():
    from yalu.extract.clustering import part_of_relations
    from yalu.ontology import event_types

    known = {"type", "paragraphs", "after", "undated", "lemmas", "no_agent"}
    for event_type in event_types():
        for relation in part_of_relations(event_type):
            assert relation["type"] in event_types(), (event_type, relation)
            assert set(relation) <= known, (event_type, relation)
            assert isinstance(relation["paragraphs"], int)


# --- declaring a measure is the measure (frames.toml: frame.*_declared) ------------------

def test_a_declared_emergency_is_a_crackdown_not_a_statement(extract):
    incidents = extract(
        "Authorities declared a state of emergency in Sinuiju on Nov. 11 as they searched for the robbers, "
        "a source in North Pyongan Province told Daily NK."
    )
    assert "statement" not in types(incidents)
    [crackdown] = [i for i in incidents if i.event_type == "crackdown"]
    assert any("frame.crackdown_declared" in e.rules for e in crackdown.evidence)


def test_an_announced_reward_scheme_is_a_crackdown(extract):
    incidents = extract(
        "The authorities in Hyesan recently announced a reward of 5 million won for reporting defectors, "
        "a source in Yanggang Province told Daily NK."
    )
    assert "crackdown" in types(incidents) and "statement" not in types(incidents)


def test_an_order_to_crack_down_is_dated_by_its_issue(extract):
    incidents = extract(
        "The Ministry of State Security ordered its agents on May 12 to round up users of Chinese phones in Hoeryong, "
        "a source in North Hamgyong Province told Daily NK.",
        published="2024-06-01",
    )
    [crackdown] = [i for i in incidents if i.event_type == "crackdown"]
    assert str(crackdown.time.start) == "2024-05-12"
    assert crackdown.location.admin2 == "Hoeryong"
