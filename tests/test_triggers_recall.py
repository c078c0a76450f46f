"""Trigger rules for acts the lexicon used to miss (issue 10, recall): the wordings that
fire and their near misses.

All sentences are fictional, written in the style of Yonhap / AFP / Daily NK / RFA copy
for these tests.
"""

import pytest


def _rule_ids(fired, text):
    return [t.rule.id for t in fired(text)]


# --- the leader named by his surname alone (trigger.leadership_activity.surname) --------

@pytest.mark.parametrize(
    "text",
    [
        "Kim inspected the flood damage in Kangwon Province on Sunday, KCNA said.",
        "State media said Kim visited a munitions factory in Jagang Province on Friday.",
        "KCNA reported Kim's visit to an artillery unit on an islet off South Hwanghae Province.",
        "Kim toured the new greenhouse farm in Hamju County, the agency said.",
    ],
)
def test_the_leader_named_by_surname_visits(fired, text):
    assert "trigger.leadership_activity.surname" in _rule_ids(fired, text)


@pytest.mark.parametrize(
    "text",
    [
        # what he says or calls for is the statement rules' to read
        "Kim said the country would never give up its nuclear weapons.",
        # the South's president, minister or a defector named Kim
        "President Kim Dae-jung visited Pyongyang in June 2000.",
        "Unification Minister Kim visited the border village on Tuesday.",
        "The defector, Kim, visited his mother in Seoul last week.",
        # a birthday visit to a statue is homage, not the leader's work
        "Residents visited the statue of Kim on his birthday.",
    ],
)
def test_other_kims_and_other_acts_are_no_visit_of_the_leader(fired, text):
    assert "trigger.leadership_activity.surname" not in _rule_ids(fired, text)


# --- an attempted suicide (trigger.other.suicide_attempt) ---------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Under harsh questioning, the official made a suicide attempt and was taken to hospital.",
        "There have been several attempts of suicide at the detention center since January.",
        "A woman held at the holding center attempted suicide last week, the source said.",
    ],
)
def test_an_attempted_suicide_is_an_act(fired, text):
    assert "trigger.other.suicide_attempt" in _rule_ids(fired, text)


@pytest.mark.parametrize(
    "text",
    [
        # a suicide attack, a suicide bomber and a threat are no attempt on one's own life
        "The army rehearsed a suicide attack attempt on the enemy bunker.",
        "He threatened a suicide attempt if he was sent back.",
        # a suicide with no attempt is the suicide rule's
        "A soldier in the unit committed suicide last week, the source said.",
    ],
)
def test_suicide_words_that_are_no_attempt(fired, text):
    assert "trigger.other.suicide_attempt" not in _rule_ids(fired, text)


# --- an order issued, in the perfect (trigger.crackdown.order) ----------------------

@pytest.mark.parametrize(
    "text",
    [
        "The State Security Ministry has ordered agents to round up phone users in Hyesan.",
        "The provincial security bureau had ordered a crackdown on smugglers before the holiday.",
    ],
)
def test_an_order_issued_in_the_perfect_is_a_crackdown(fired, text):
    assert "trigger.crackdown.order" in _rule_ids(fired, text)


def test_orders_held_are_no_order_issued(fired):
    assert "trigger.crackdown.order" not in _rule_ids(
        fired, "The guards had orders to shoot anyone crossing the river.")


# --- a lecture against offenders (trigger.crackdown.lecture) -----------------------

@pytest.mark.parametrize(
    "text",
    [
        "At an inminban lecture last week, Chinese phone users were denounced as traitors.",
        "The lecture in Musan on the 12th denounced illegal border crossers and smugglers.",
    ],
)
def test_a_lecture_against_offenders_is_a_crackdown(fired, text):
    assert "trigger.crackdown.lecture" in _rule_ids(fired, text)


@pytest.mark.parametrize(
    "text",
    [
        # lecture materials handed on are the offence, not the campaign
        "A woman was arrested at the border while handing over internal lecture materials to a smuggler.",
        # a lecture lauding the leader is propaganda
        "The lectures praising the leader were held at every factory in Hyesan.",
        # a lecture with no offenders named
        "A lecture on the history of the revolution was held at the university.",
    ],
)
def test_lectures_that_are_no_crackdown(fired, text):
    assert "trigger.crackdown.lecture" not in _rule_ids(fired, text)


# --- labour mobilized for the fields, told by what it is for (trigger.other.mobilization) --

@pytest.mark.parametrize(
    "text",
    [
        "Extensive mobilization for watering crops began in Sunchon on May 12.",
        "Some 20,000 young people were mobilized to the construction sites in Pyongyang last month.",
    ],
)
def test_labour_mobilized_for_the_fields_or_by_age(fired, text):
    assert "trigger.other.mobilization" in _rule_ids(fired, text)


def test_soldiers_mobilized_for_the_harvest_are_no_labour_mobilization(fired):
    assert "trigger.other.mobilization" not in _rule_ids(
        fired, "Soldiers of the corps were mobilized for the rice planting in May.")


# --- travel restricted against an outbreak (trigger.lockdown.restrictions) ----------------

def test_travel_restrictions_against_an_outbreak_are_a_lockdown(fired):
    assert "trigger.lockdown.restrictions" in _rule_ids(
        fired, "The authorities imposed travel restrictions in Sinuiju to contain the measles outbreak.")


@pytest.mark.parametrize(
    "text",
    [
        "The authorities eased travel restrictions in Hyesan after the outbreak ended.",
        "Restrictions on market trade have hit the vendors in Hyesan hard.",
        "China's restrictions on fuel exports have hurt fishermen.",
    ],
)
def test_restrictions_lifted_or_on_trade_are_no_lockdown(fired, text):
    assert "trigger.lockdown.restrictions" not in _rule_ids(fired, text)


# --- the doer of a participle's clause (clause.window) ------------------------------------

def _word(doc, text):
    return next(t for t in doc if t.text == text)


def test_a_participles_clause_with_no_subject_takes_the_main_clauses_doer(nlp):
    from yalu.extract.clause import window

    doc = nlp("While touring the flooded farms in Anju over the weekend, the Premier criticized the local officials.")
    assert "Premier" in {t.text for t in window(_word(doc, "touring"))}
    # a participle with a subject of its own keeps it: its doer is not the main clause's
    doc = nlp("With the river rising quickly near the bridge in Hoeryong, the guards left their posts.")
    assert "guards" not in {t.text for t in window(_word(doc, "rising"))}


def test_the_leader_visiting_in_a_participles_clause(fired):
    assert "trigger.leadership_activity.surname" in _rule_ids(
        fired, "While visiting the greenhouse farm in Hamju County last week, Kim praised the workers.")


# --- deaths from hunger and falls (trigger.disaster.starvation, trigger.disaster.fall) ----

@pytest.mark.parametrize(
    "text, rule_id",
    [
        ("Four people died from starvation in a village near Kowon in early May.", "trigger.disaster.starvation"),
        ("Last winter, a farmer in his 70s starved to death in Tanchon.", "trigger.disaster.starvation"),
        ("Three workers fell to their deaths at the apartment site in Pyongyang last week.", "trigger.disaster.fall"),
        ("Two soldiers died after falling from a bridge they were repairing near Nampo.", "trigger.disaster.fall"),
    ],
)
def test_deaths_from_hunger_and_falls_are_disasters(fired, text, rule_id):
    assert rule_id in _rule_ids(fired, text)


@pytest.mark.parametrize(
    "text",
    [
        # want, not death; a risk of it
        "Many families in the county are starving this spring.",
        "Aid groups warn that thousands could die of hunger this winter.",
        # prices, a regime, people who fall ill
        "Rice prices fell sharply in Hyesan after the harvest.",
        "Two of the workers fell ill after the flood and died.",
    ],
)
def test_want_risk_and_other_falls_are_no_disaster(fired, text):
    ids = _rule_ids(fired, text)
    assert "trigger.disaster.starvation" not in ids and "trigger.disaster.fall" not in ids
