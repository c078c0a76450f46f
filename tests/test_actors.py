"""Actors (yalu/extract/actors.py): who does what to whom in the trigger's clause,
with agent / target / victim roles read from the dependency parse and the names
normalised by the actor lexicon (data/actors.toml).

Money, weapons and head counts are quantities' job (test_quantities.py), not here.
Sentences are fictional, in the style of Daily NK / RFA / Yonhap copy.
"""

import pytest

from yalu.extract.actors import actors
from yalu.extract.clause import window


@pytest.fixture(scope="module")
def cast(nlp):
    """(sentence, trigger word, event type) -> [Actor] of that trigger."""

    def run(text, word, event_type):
        doc = nlp(text)
        token = next(t for t in doc if t.text == word)
        return actors(token.sent, token, window(token), event_type)

    return run


def roles(found):
    return {(a.role, a.normalized) for a in found}


# --- roles by dependency ---------------------------------------------------------

def test_subject_is_agent_object_is_victim_of_an_arrest(cast):
    found = cast("Bowibu agents arrested a woman in Hyesan on Tuesday.", "arrested", "arrest")
    assert roles(found) == {("agent", "Ministry of State Security"), ("victim", "civilians")}


def test_passive_by_phrase_is_agent(cast):
    found = cast("A woman was arrested by bowibu agents in Hyesan.", "arrested", "arrest")
    assert roles(found) == {("agent", "Ministry of State Security"), ("victim", "civilians")}


def test_victim_of_an_attack(cast):
    found = cast("North Korean soldiers shot a fisherman near the river.", "shot", "attack")
    assert roles(found) == {("agent", "Korean People's Army"), ("victim", "civilians")}


def test_passive_subject_of_an_attack_is_victim(cast):
    found = cast("A fisherman was shot by North Korean soldiers.", "shot", "attack")
    assert roles(found) == {("agent", "Korean People's Army"), ("victim", "civilians")}


def test_victim_of_a_punishment(cast):
    found = cast("The authorities executed a cadre in Hyesan.", "executed", "punishment")
    assert roles(found) == {("agent", "North Korean authorities"), ("victim", "cadre")}


def test_victims_of_a_forced_repatriation(cast):
    found = cast("Chinese public security repatriated three defectors.", "repatriated", "forced_repatriation")
    assert roles(found) == {("agent", "Chinese police"), ("victim", "civilians")}


def test_object_of_a_deployment_is_target_not_victim(cast):
    # troops sent somewhere are what the act moves, not whom it harms
    found = cast("The authorities deployed additional troops to the border.", "deployed", "deployment")
    assert roles(found) == {("agent", "North Korean authorities"), ("target", "soldier")}


def test_bribe_demanded_from_someone(cast):
    # the one a bribe is demanded from is at the receiving end (target or victim), never the agent
    found = cast("The political officer demanded a bribe from the soldier.", "demanded", "bribery")
    by_name = {a.normalized: a.role for a in found}
    assert by_name.keys() == {"political officer", "soldier"}
    assert by_name["political officer"] == "agent"
    assert by_name["soldier"] in ("target", "victim")


def test_deserter_is_agent(cast):
    found = cast("Two soldiers deserted their unit in Hyesan.", "deserted", "desertion")
    assert roles(found) == {("agent", "soldier")}


def test_unit_of_the_agent_is_agent_too(cast):
    # "a soldier with the 7th Corps": the unit the agent belongs to
    found = cast("A soldier with the 7th Corps deserted his unit.", "deserted", "desertion")
    assert roles(found) == {("agent", "soldier"), ("agent", "Seventh Corps")}


def test_members_of_a_unit_are_agent(cast):
    found = cast("Members of the Seventh Corps deserted their unit.", "deserted", "desertion")
    assert roles(found) == {("agent", "Seventh Corps")}


def test_actor_outside_the_clause_is_left_out(cast):
    # the police searched; the soldiers deserted
    found = cast("After police had searched the market, two soldiers deserted their unit.", "deserted", "desertion")
    assert roles(found) == {("agent", "soldier")}


def test_one_actor_once_per_role(cast):
    found = cast("Police officers and policemen arrested a trader.", "arrested", "arrest")
    agents = [a for a in found if a.role == "agent"]
    assert [a.normalized for a in agents] == ["Ministry of Social Security"]


def test_no_actor_no_record(cast):
    assert cast("He crossed the river at night.", "crossed", "defection") == []


# --- normalisation ---------------------------------------------------------------

@pytest.mark.parametrize(
    "text, normalized, kind",
    [
        ("Bowibu agents arrested a trader.", "Ministry of State Security", "organization"),
        ("The State Security Department arrested a trader.", "Ministry of State Security", "organization"),
        ("The secret police arrested a trader.", "Ministry of State Security", "organization"),
        ("Anjeonwon arrested a trader.", "Ministry of Social Security", "organization"),
        ("The Ministry of People's Security arrested a trader.", "Ministry of Social Security", "organization"),
        ("Policemen arrested a trader.", "Ministry of Social Security", "organization"),
        ("Chinese public security arrested a trader.", "Chinese police", "organization"),
        ("The Public Security Bureau arrested a trader.", "Chinese police", "organization"),
        ("Border guards arrested a trader.", "Border Guard", "unit"),
        ("The 7th Corps arrested a trader.", "Seventh Corps", "unit"),
        ("The Pokpung Corps arrested a trader.", "Storm Corps", "unit"),
        ("The 11th Corps arrested a trader.", "Storm Corps", "unit"),
        ("North Korean troops arrested a trader.", "Korean People's Army", "unit"),
        ("The political instructor arrested a trader.", "political officer", "official"),
        ("A senior official arrested a trader.", "cadre", "official"),
        ("The regime arrested a trader.", "North Korean authorities", "state"),
    ],
)
def test_agent_is_normalised(cast, text, normalized, kind):
    found = cast(text, "arrested", "arrest")
    agents = [a for a in found if a.role == "agent"]
    assert [(a.normalized, a.kind) for a in agents] == [(normalized, kind)], found


def test_unit_and_rank_fields(cast):
    found = cast("The 11th Corps company commander arrested two soldiers.", "arrested", "arrest")
    by_name = {a.normalized: a for a in found}
    assert by_name["Storm Corps"].unit == "Storm Corps"
    assert by_name["company commander"].rank == "company commander"
    assert by_name["soldier"].role == "victim"


def test_actor_keeps_the_text_it_was_found_as(cast):
    found = cast("Bowibu agents arrested a trader.", "arrested", "arrest")
    agent = next(a for a in found if a.role == "agent")
    assert agent.text == "Bowibu agents"
    assert agent.normalized == "Ministry of State Security"


def test_supreme_leader_is_an_official(cast):
    found = cast("Kim Jong Un inspected a fertilizer factory in Hamhung.", "inspected", "leadership_activity")
    assert [(a.role, a.normalized, a.kind, a.rank) for a in found] == [
        ("agent", "Kim Jong Un", "official", "Supreme Leader")
    ]
