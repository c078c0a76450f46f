"""Which type an incident gets, and which acts are parts of one incident rather than
incidents of their own (data/triggers.toml, data/frames.toml, ontology.toml's part_of,
yalu/extract/clustering.py).

Every report here is fictional, written in the style of Daily NK / RFA / Yonhap /
KCNA copy for these tests; none is real news.
"""

import pytest


@pytest.fixture(scope="module")
def extract(read_with_rules):
    """text, published, outlet -> the incidents the rules make of it."""
    return lambda *args, **kwargs: read_with_rules(*args, **kwargs)[1]


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
        "A bus carrying workers mobilized for the dam project crashed into an excavator in Kilju on Monday, killing five.",
    ],
)
def test_an_accident_is_one_disaster_with_its_dead_and_injured(extract, text):
    incidents = extract(text)
    assert types(incidents) == ["disaster"], [(i.event_type, i.evidence[0].text) for i in incidents]


def test_part_of_relations_name_types_and_known_keys():
    from yalu.extract.clustering import part_of_relations
    from yalu.ontology import event_types

    known = {"type", "paragraphs", "after", "undated", "lemmas", "whole_lemmas", "no_agent", "answered"}
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


# --- parts of one incident (ontology.toml part_of) -----------------------------------------

def kinds(incidents):
    return [(i.event_type, i.evidence[0].text[:60]) for i in incidents]


def test_the_quake_of_a_nuclear_test_is_the_test(extract):
    incidents = extract(
        "North Korea conducted its sixth nuclear test at Punggye-ri on Sunday, state media said.\n\n"
        "Seismic agencies reported a 6.3-magnitude earthquake in the country.",
        published="2024-09-03", outlet="Yonhap",
    )
    assert types(incidents) == ["weapons_test"], kinds(incidents)


def test_a_blast_that_set_a_fire_is_one_accident_a_blast_alone_stays_one(extract):
    """The gas cylinder's explosion and the fire it set are one accident, the fire (a
    disaster); an explosion with no fire told, or with a roof it brought down, stays an
    explosion."""
    fire = extract(
        "A gas cylinder exploded in a house in Hyesan on Aug. 3, a source told Daily NK.\n\n"
        "Neighbouring houses also caught fire, which residents put out after an hour, the source said."
    )
    assert types(fire) == ["disaster"], kinds(fire)
    blast = extract("A gas cylinder exploded in a house in Hyesan on Aug. 3, killing two people, a source told Daily NK.")
    assert types(blast) == ["explosion_accident"], kinds(blast)
    depot = extract(
        "An explosion ripped through an ammunition depot in Kusong on May 2, a source told Daily NK.\n\n"
        "Satellite images show a partially collapsed roof at the depot, the source said."
    )
    assert "explosion_accident" in types(depot), kinds(depot)


def test_the_souths_custody_and_the_mdl_crossing_are_the_defection(extract):
    incidents = extract(
        "A North Korean soldier defected to South Korea across the land border on Wednesday, the Joint Chiefs of Staff said.\n\n"
        "The man crossed the Military Demarcation Line in the central section at around 11 p.m.\n\n"
        "The South Korean military took him into custody following protocol.",
        published="2024-08-01", outlet="Yonhap",
    )
    # no arrest, no incursion; the soldier's desertion is frame.soldier_deserts's
    assert types(incidents) == ["defection", "desertion"], kinds(incidents)


def test_return_fire_warnings_and_warning_shots_in_a_clash_are_the_clash(extract):
    incidents = extract(
        "South and North Korean navy ships exchanged fire near the Northern Limit Line on Tuesday morning, "
        "the Joint Chiefs of Staff said.\n\n"
        "Two South Korean ships issued warnings to the North Korean boat.\n\n"
        "As it continued south, the South fired warning shots.\n\n"
        "The North Korean vessel fired back some 50 rounds and retreated home half-demolished by bombardment.",
        published="2024-11-11", outlet="Yonhap",
    )
    assert types(incidents) == ["armed_clash"], kinds(incidents)


@pytest.mark.parametrize("text, expected", [
    # frame.fire_on_positions: armed parties shooting at armed parties
    ("Four North Korean soldiers opened fire at South Korean positions in Cheorwon on Sunday, "
     "the Joint Chiefs of Staff said.", ["armed_clash"]),
    ("North Korean soldiers shot at a South Korean guardpost in Yeoncheon on Sunday, "
     "the Joint Chiefs of Staff said.", ["armed_clash"]),
    # shooting a man who flees is still an attack on him
    ("North Korean soldiers opened fire at a defector crossing the border in Cheorwon on Sunday, "
     "the Joint Chiefs of Staff said.", ["attack"]),
])
def test_fire_on_the_other_sides_positions_is_a_clash(extract, text, expected):
    incidents = extract(text, published="2024-06-10", outlet="Yonhap")
    assert sorted({i.event_type for i in incidents} & {"attack", "armed_clash"}) == expected, kinds(incidents)


def test_warning_shots_at_a_crossing_are_their_own_record(extract):
    # the wire codes the crossing and the South's warning shots apart
    incidents = extract(
        "South Korea fired warning shots after North Korean soldiers briefly crossed the military border on Tuesday, "
        "the Joint Chiefs of Staff said.",
        published="2025-08-23", outlet="Yonhap",
    )
    assert types(incidents) == ["incursion", "other"], kinds(incidents)
    assert max(incidents, key=lambda i: i.confidence).event_type == "incursion"


def test_a_public_execution_by_shooting_is_one_punishment(extract):
    incidents = extract(
        "The authorities staged a public trial in Chongjin last month and shot two fortune tellers publicly, "
        "a source in North Hamgyong Province told Daily NK.",
        published="2024-05-10",
    )
    assert types(incidents) == ["punishment"], kinds(incidents)


# --- infiltrators captured end an incursion; spies arrested are arrests (frames.toml) ------

def test_troops_capturing_an_armed_agent_end_an_incursion(extract):
    incidents = extract(
        "South Korean troops captured an armed North Korean agent who had crossed the DMZ near Cheorwon on Monday, "
        "the Joint Chiefs of Staff said.",
        published="2024-05-14", outlet="Yonhap",
    )
    assert "incursion" in types(incidents), kinds(incidents)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea says it arrested two South Korean spies in Sinuiju on April 2, state media said.",
        "Chinese police detained a North Korean agent in Yanji last week on smuggling charges, a source said.",
        "Chinese police captured a North Korean agent in Dandong last week, a source said.",
    ],
)
def test_spies_arrested_by_police_are_an_arrest(extract, text):
    incidents = extract(text, published="2024-05-14")
    assert "arrest" in types(incidents) and "incursion" not in types(incidents), kinds(incidents)


# --- a soldier who flees the country deserts too (frames.toml: frame.soldier_deserts) -----

def test_a_border_guard_who_flees_to_china_deserts_and_defects(extract):
    incidents = extract(
        "A border guard stationed in Musan County escaped to China across the Tumen River on May 3, "
        "a source in North Hamgyong Province told Daily NK."
    )
    assert types(incidents) == ["defection", "desertion"]
    [desertion] = [i for i in incidents if i.event_type == "desertion"]
    assert any("frame.soldier_deserts" in e.rules for e in desertion.evidence)
    assert desertion.location is not None and desertion.location.admin2 == "Musan"


# --- a defector who goes back to the North (frames.toml: frame.return_north) --------------

def test_a_defector_who_swims_back_north_is_no_defection_and_is_placed_where_he_went(extract):
    incidents = extract(
        "The man, who had defected in 2019, swam back across the border into Kaesong on June 12, "
        "his family said.",
        published="2023-06-19", outlet="Yonhap",
    )
    returned = [i for i in incidents if any("frame.return_north" in e.rules for e in i.evidence)]
    assert [i.event_type for i in returned] == ["other"], kinds(incidents)
    assert returned[0].location is not None and returned[0].location.admin2 == "Kaesong"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a re-defection is a return to the North (frame.return_north)
        ("Officials in Hoeryong are boasting that the re-defection of a young couple last month was their work, "
         "a source in North Hamgyong Province told Daily NK.", "other"),
        # the flight told with its forced return is the repatriation's story (frame.defection_repatriated)
        ("Kim, it turned out, had been forcibly repatriated from China two years ago after having defected, "
         "a source in Ryanggang Province told Daily NK.", "forced_repatriation"),
    ],
)
def test_a_return_north_or_a_flight_ended_by_repatriation_is_no_defection(extract, text, expected):
    incidents = extract(text, published="2023-06-19")
    assert expected in types(incidents) and "defection" not in types(incidents), kinds(incidents)


def test_a_foreigner_the_north_deports_is_sent_out_not_back(extract):
    # the North deporting a foreigner (frame.expelled_by_north); the South deporting North Koreans stays
    incidents = extract("North Korea has deported a Canadian tourist it detained in Rason last month, "
                        "state media said Friday.", published="2023-06-19")
    assert "forced_repatriation" not in types(incidents) and "other" in types(incidents), kinds(incidents)
    incidents = extract("South Korea deported two North Korean sailors to the North through Panmunjom on Friday.",
                        published="2023-06-19")
    assert "forced_repatriation" in types(incidents), kinds(incidents)


def test_a_flight_told_beside_its_return_stays_a_flight(extract):
    # the return told in a clause of its own, with its own doer (frame.defection_repatriated: under_type)
    incidents = extract("Four North Korean loggers escaped from a camp near Tynda in early May, and two of them "
                        "have already been sent back to North Korea, a source told RFA.", published="2023-06-19")
    assert {"defection", "forced_repatriation"} <= set(types(incidents)), kinds(incidents)


@pytest.mark.parametrize(
    "text",
    [
        # a returnee who flees back to China, or on to the South, flees again
        "A woman repatriated last year fled back to China across the Tumen River on May 3, a source told Daily NK.",
        "A logger sent home by the Russians last year escaped back across the border to Russia on May 3, "
        "a source in North Hamgyong Province said.",
    ],
)
def test_fleeing_back_abroad_stays_a_defection(extract, text):
    assert "defection" in types(extract(text, published="2023-06-19"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # frames.toml: frame.caught_in_inspection; what an inspection catches is its finding
        ("Many workers were caught without their permits during the inspection of the Hyesan railway station "
         "on May 3, a source told Daily NK.", "crackdown"),
        # an arrest told in the same words stays an arrest
        ("Five workers were arrested during the inspection of the Hyesan railway station on May 3, "
         "a source told Daily NK.", "arrest"),
    ],
)
def test_people_caught_by_an_inspection_are_its_finding(extract, text, expected):
    assert expected in types(extract(text, published="2023-06-19"))
    assert not (expected == "crackdown" and "arrest" in types(extract(text, published="2023-06-19")))


# --- kinds of sanction (triggers.toml `kinds`, clustering.py) ------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a civilian who flees only defects (frame.soldier_deserts is a soldier's)
        ("A woman from Musan County escaped to China across the Tumen River on May 3, "
         "a source in North Hamgyong Province told Daily NK.", ["defection"]),
        # an execution and a jailing of other people: two punishments
        ("Security officials publicly executed two smugglers in Hyesan on May 3 and jailed five of their "
         "accomplices, a source in Yanggang Province told Daily NK.", ["punishment", "punishment"]),
        # the killing of someone told beside his execution is the execution (ontology part_of)
        ("Former finance chief Ri Chol was executed last month, sources in Pyongyang said.\n\n"
         "Ri was shot dead at a military academy in Pyongyang, the sources added.", ["punishment"]),
        # a sentence and the execution of the same people: one
        ("The three preachers were sentenced to death in Pyongsong on May 3, a source told Daily NK.\n\n"
         "They were executed soon after, the source said.", ["punishment"]),
        # one verb joined to the other with no people of its own: the same cadre
        ("On Monday, the county party secretary was relieved of his post and sent to a labor camp, "
         "a source in North Hamgyong Province told Daily NK.", ["punishment"]),
    ],
)
def test_the_kinds_of_act_and_the_people_they_are_done_to_tell_incidents_apart(extract, text, expected):
    incidents = extract(text)
    assert types(incidents) == expected, [(i.event_type, i.evidence[0].text) for i in incidents]
