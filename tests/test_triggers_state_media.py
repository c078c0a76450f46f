"""Trigger rules for the state-media genre (KCNA): rhetoric, commentary, history,
other theatres, recovery work and foreign solidarity groups report no incident;
the acts state media does report still fire.

All sentences are fictional, written in KCNA style for these tests.
"""

import pytest


@pytest.fixture(scope="module")
def triggers(fired):
    """text -> [(event_type, rule id)] over all its sentences."""
    return lambda text: [(t.event_type, t.rule.id) for t in fired(text)]


def types_of(found):
    return {event_type for event_type, _ in found}


@pytest.mark.parametrize(
    "text, event_type",
    [
        # trigger.attack.attack: rhetoric, resolve and history
        ("The imperialists committed shuddering massacres of civilians in the last century.", "attack"),
        ("No force on earth will dare to attack our socialist country.", "attack"),
        ("The gunners are in full readiness to make a surprise attack on the enemy at any moment.", "attack"),
        ("The aggressor's new warship is doomed to sinking.", "attack"),
        ("The puppet military is feigning ignorance of such reckless acts as an attack on civilian facilities.", "attack"),
        ("The warplanes took the roles of attack and defence in turn over the sea.", "attack"),
        # trigger.attack.open
        ("The General Staff issued a preliminary operation order to the artillery units to get ready to open fire.", "attack"),
        ("The time for our attack is decided by our own needs alone.", "attack"),
        ("The mission of the new drones is to attack any enemy targets on land and at sea.", "attack"),
        ("The submarine was designed to launch heavy torpedoes and cruise missiles.", "attack"),
        ("The museum keeps the traces of shuddering massacres committed by the aggressors in the war.", "attack"),
        ('The commentary says that a wrecked ship "Traitor" is sinking.', "attack"),
        ("The leader called for developing underwater suicide attack drones of various types.", "attack"),
        ("The aggressors killed hundreds of thousands of civilians with atomic bombs in the last century.", "attack"),
        # trigger.punishment.execute
        ("It is a deserved punishment for the warmongers who seize other countries' resources.", "punishment"),
        ("The plunderers will not escape punishment, whatever excuse they may invent.", "punishment"),
        ("The angry voices of the people ring the knell of punishment for the traitor.", "punishment"),
        ("The spokesman said he would comment on the matter with a few sentences.", "punishment"),
        # trigger.fortification.lay: a mine that produces ore
        ("The branch mine installed new pumps and power equipment.", "fortification"),
        # trigger.deployment.deploy / deployment: construction and recovery forces
        ("Army units mobilized for the construction of the new factories finished the foundations.", "deployment"),
        ("Regiments of party members were dispatched to the flood-hit areas of the province.", "deployment"),
        ("More than 30 000 foreign troops are stationed in the island country.", "deployment"),
        ("Students waged a struggle for the withdrawal of the foreign forces.", "deployment"),
        # trigger.military_exercise.drill: drills in general, and a training base
        ("Such military drills have become the root cause of the escalating tension in the region.", "military_exercise"),
        ("The frequent joint military exercises clearly show the aggressive nature of the alliance.", "military_exercise"),
        ("The children stayed at the military parade training base in the capital.", "military_exercise"),
        # trigger.disaster.flood: the work after a flood
        ("Scientists sent to the county are striving to minimize the damage to crops caused by flood.", "disaster"),
        ("The factory sent fertilizer for the growth of crops in the flooded farmlands.", "disaster"),
        ("The unjust council will inevitably invite its own collapse.", "disaster"),
        # trigger.statement.statement: foreign solidarity groups, history
        ("The Peruvian Committee for Solidarity with Korea issued a statement supporting the DPRK.", "statement"),
        ("Organizations of various circles released statements denouncing the puppet authorities.", "statement"),
        ("The birth of the DPRK was declared before the world on September 9, Juche 37 (1948).", "statement"),
        # trigger.weapons_test.test.nuclear: an ICBM is launched; another state's tests
        ("The superpower conducted another sub-critical nuclear test in its desert.", "weapons_test"),
        ("The missile general bureau conducted a test of a new-type ICBM on Thursday.", "weapons_test"),
        ("A drill of dropping guided bombs from a strategic bomber was conducted on Monday.", "weapons_test"),
        ("Drone infiltrations were conducted by the puppet military on two days.", "weapons_test"),
        # trigger.deployment.deployment / deploy: a trend, a debate, a slogan
        ("The region is on the brink of war due to the ceaseless deployment of their war hardware.", "deployment"),
        ("The unions launched a struggle to oppose war and withdraw the foreign forces.", "deployment"),
        # trigger.lockdown.suspend
        ("We will halt the wastepaper scattering over the border for the time being.", "lockdown"),
        # trigger.disaster.flood: a eulogy
        ("His devotion encouraged us to brave downpour and strong wind and rescue the people.", "disaster"),
        # trigger.disaster.flood: a disaster foreseen
        ("The centre introduced a system of supporting the prediction of landslide occurrence in the counties.", "disaster"),
        ("Heavy rain is forecast for the western areas of the country from Friday.", "disaster"),
        # trigger.punishment.execute: a white paper on history
        ("The institute released a white paper on the atrocities of the aggressors punished by history.", "punishment"),
        # trigger.defection.flee
        ("The puppets are crossing the red line in their provocations against the DPRK.", "defection"),
        # trigger.arrest.arrest
        ("The reconnaissance satellite captured an abnormal object at the naval port.", "arrest"),
        ("The pupils are welcome at the base for military parade training in the capital.", "military_exercise"),
        ("The new destroyer was designed to ensure the launch of cruise missiles.", "missile_launch"),
        ("They would be well advised to worry about the immediate price for their provocation.", "economic_measure"),
        ("Balloons were found in the county and specialized organs are searching, disposing of and incinerating them.", "crackdown"),
        ("A joint investigation group was organized to study the drone.", "arrest"),
        ("The group held a ceremony of declaring its action before the party office.", "statement"),
        # trigger.armed_clash.firefight
        ("The reckless moves increase the danger of a nuclear clash on the peninsula.", "armed_clash"),
        # trigger.economic_measure.price
        ("Those who infringe upon our sovereignty will have to pay a dear price for it.", "economic_measure"),
        # trigger.crackdown.ban
        ("International law bans the use of civilians as a shield.", "crackdown"),
        # trigger.arrest.investigate
        ("An investigation group was organized to examine the remains of the drone.", "arrest"),
        # trigger.missile_launch.launch
        ("The council called the legitimate satellite launch into question again.", "missile_launch"),
        # trigger.defection.defect
        ("The human scum who defected from the country scattered leaflets again.", "defection"),
        # trigger.incursion.intrude
        ("Even after the war, the aggressors systematically infiltrated saboteurs into the country.", "incursion"),
    ],
)
def test_state_media_rhetoric_reports_no_incident(triggers, text, event_type):
    assert event_type not in types_of(triggers(text)), triggers(text)


@pytest.mark.parametrize(
    "text",
    [
        # [elsewhere]: other theatres with no Korean party
        "The island country plans to stage a joint naval drill with Italy next month.",
        "A German warship fired at drones over the Red Sea.",
        "Missiles hit Sevastopol on Sunday, killing several people.",
    ],
)
def test_other_theatres_named_by_state_media(triggers, text):
    assert not triggers(text), triggers(text)


@pytest.mark.parametrize(
    "text, event_type",
    [
        # what state media does report still fires
        ("The DPRK test-fired a new-type ICBM Hwasong-19 on Thursday morning.", "missile_launch"),
        ("A spokesperson for the DPRK Foreign Ministry released the following press statement on Sunday.", "statement"),
        ("North Korean troops laid landmines along the military demarcation line.", "fortification"),
        ("The KPA deployed additional artillery units to the border area.", "deployment"),
        ("The Korean People's Army held a large-scale artillery firing drill on Sunday.", "military_exercise"),
        ("A flood destroyed hundreds of houses in Sinuiju on July 28.", "disaster"),
        ("North Korean soldiers opened fire on a fishing boat near the river.", "attack"),
        ("A court sentenced the official to 15 years in a labour camp.", "punishment"),
        # a Korean party in the clause keeps an act that names another country
        ("South Korean and Italian navies held a joint naval drill near Pusan on Monday.", "military_exercise"),
    ],
)
def test_state_media_acts_still_fire(triggers, text, event_type):
    assert event_type in types_of(triggers(text)), triggers(text)
