"""Trigger detection, continued (tests/test_triggers.py has the core: every type, near
misses, other theatres, the clause window, word lists): word senses and the genre's
wordings by family (accidents, enforcement, acts with no home type, offences, state
media's idiom, deployments, seized boats).

All sentences are fictional, written in the style of Daily NK / RFA / Yonhap /
KCNA copy for these tests.
"""

import pytest

from yalu.extract.triggers import find_triggers

# --- word senses: participle adjectives and fixed collocations that are no act ----------
# (fictional sentences in the genre's style)

@pytest.mark.parametrize(
    "text, event_type",
    [
        # a participle that describes a state: trigger.desertion.desert, trigger.fortification.blow (`states`)
        ("The market in Hyesan is deserted these days.", "desertion"),
        ("Deserted streets greeted the inspectors in Musan.", "desertion"),
        ("Guards patrol the heavily fortified border near Hoeryong.", "fortification"),
        ("The two Koreas traded fire across their heavily-fortified border.", "fortification"),
        # imprisoned, or in a deadlock: trigger.lockdown.lockdown
        ("Dozens of defectors are locked up in Chinese jails.", "lockdown"),
        ("Pyongyang and Washington have been locked in a standoff since the talks broke down.", "lockdown"),
        # a trade, and putting out fires: trigger.armed_clash.firefight
        ("The unit offered promotions in exchange for reports on smugglers.", "armed_clash"),
        ("Officials checked the firefighting equipment at the department store.", "armed_clash"),
        # filmed, not arrested: trigger.arrest.catch, trigger.arrest.arrest
        ("A border guard was caught on camera taking money from a trader.", "arrest"),
        ("The man was captured on video several times before anyone noticed him.", "arrest"),
        # raided, not weather: trigger.disaster.flood
        ("Police agents who stormed the house seized the USB sticks.", "disaster"),
        # an order handed down, troops sent inside the North: trigger.forced_repatriation.send
        ("The ministry handed down the order to the border units on Monday.", "forced_repatriation"),
        ("The North Korean authorities sent more troops to the DMZ to lay mines.", "forced_repatriation"),
        # a wall a poster hangs on: trigger.fortification.lay
        ("She put the poster up on the wall of her room.", "fortification"),
        # the North's own police agents: trigger.incursion.agent
        ("Group 109 agents found the USB stick under the floor.", "incursion"),
        ("He was arrested for spying and sent to the provincial security office.", "incursion"),
        # a skill: trigger.military_exercise.drill
        ("The robbers seemed to have special military training.", "military_exercise"),
        # farmland sunk by a flood: trigger.attack.attack
        ("Hundreds of hectares of farmland were sunk or flooded, state television said.", "attack"),
        # houses and railways a rainstorm destroyed: trigger.fortification.blow
        ("Heavy rain destroyed 300 houses and a railway bridge in Rason.", "fortification"),
        # a police raid on homes: trigger.attack.raid
        ("Security agents raided homes in Hyesan looking for South Korean dramas.", "attack"),
        # the currency a bribe is paid in: trigger.economic_measure.currency
        ("Officials openly demanded foreign currency for travel permits.", "economic_measure"),
    ],
)
def test_word_sense_does_not_fire(triggers, text, event_type):
    assert event_type not in triggers(text).types, triggers(text)


@pytest.mark.parametrize(
    "text, event_type",
    [
        # the same words where they tell an act
        ("A soldier has deserted his unit in Onsong.", "desertion"),
        ("North Korea fortified the border with new fences last month.", "fortification"),
        ("The authorities locked down the whole city of Hyesan.", "lockdown"),
        ("Guards were caught taking bribes at the customs office.", "arrest"),
        ("A storm flooded villages along the Tumen River.", "disaster"),
        ("Chinese police handed the women over to North Korean authorities.", "forced_repatriation"),
        ("Two armed North Korean agents landed on the coast near Gangneung.", "incursion"),
        ("Armed commandos raided a village on the island.", "attack"),
        ("The value of the currency plunged after the reform.", "economic_measure"),
        ("North Korean and South Korean guards exchanged fire across the border.", "armed_clash"),
    ],
)
def test_word_sense_fires_where_it_is_an_act(triggers, text, event_type):
    assert event_type in triggers(text).types, triggers(text)


def test_unknown_state_is_refused(monkeypatch):
    from yalu import resources
    from yalu.extract import triggers as module

    data = {"rule": [{"id": "trigger.desertion.x", "type": "desertion", "lemmas": ["x"], "states": ["plural"]}],
            "elsewhere": {"terms": [], "korean": []}}
    monkeypatch.setattr(module, "_lexicon", lambda: data)
    module.rules.cache_clear()
    try:
        with pytest.raises(resources.DataFileError):
            module.rules()
    finally:
        module.rules.cache_clear()
        module._elsewhere.cache_clear()


# --- accidents: trigger.disaster.accident ------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "At least eleven sailors died in a naval accident off the east coast.",
        "A freight train collided head-on with a passenger train near Kowon station.",
        "Six wagons of a freight train overturned near Unhung at dawn.",
        "The accident occurred at a coal mine in Kujang last Tuesday.",
    ],
)
def test_accidents_are_disasters(triggers, text):
    assert "disaster" in triggers(text).types, triggers(text)


@pytest.mark.parametrize(
    "text",
    [
        "It is no accident that the drills began on the leader's birthday.",
        "Pyongyang and Washington are on a collision course.",
        "The mines of the region have a long record of deadly accidents.",
        "An accidental blast at the depot injured two guards.",
    ],
)
def test_accident_words_that_tell_no_accident(triggers, text):
    assert "disaster" not in triggers(text).types, triggers(text)


# --- enforcement: orders, checks, searches, summons (fictional sentences) -----------

@pytest.mark.parametrize(
    "text, rule_id",
    [
        ("The ministry ordered the security department to round up users of Chinese phones.", "trigger.crackdown.order"),
        ("The authorities instructed border units to tighten controls along the river.", "trigger.crackdown.order"),
        ("The provincial office issued a directive to conduct fire safety inspections by province.", "trigger.crackdown.inspection"),
        ("The leader ordered the security forces to clamp down on any sign of unrest.", "trigger.crackdown.order"),
        ("Police have stepped up checks for army deserters at train stations.", "trigger.crackdown.search"),
        ("Agents have been combing markets in Chongjin for deserting soldiers.", "trigger.crackdown.search"),
        ("Security officials made spot searches of several smugglers in Hyesan.", "trigger.crackdown.search"),
        ("The stepped-up patrols began on Jan. 18.", "trigger.crackdown.patrol"),
        ("Some 100 convicted smugglers were called in by the security department.", "trigger.crackdown.summon"),
        ("The authorities announced a reward for reporting defectors.", "trigger.crackdown.reward"),
        ("The authorities declared a state of emergency in Sinuiju.", "trigger.crackdown.emergency"),
        ("The police have been asserting control over illegal trade at the market.", "trigger.crackdown.control"),
        ("Large amounts of drugs were found in the home of a local official.", "trigger.smuggling.seized"),
        ("Three masked men robbed a truck carrying rice on the highway.", "trigger.attack.rob"),
        ("Two soldiers broke into a farmhouse and threatened the family.", "trigger.attack.break_in"),
        ("The two departments spent a week investigating guards at the prison.", "trigger.arrest.investigate"),
        # a security organ by its initials, or a person held "under investigation"
        ("The teenager is currently under investigation at the Onsong MPS.", "trigger.arrest.investigate"),
        ("The trader killed himself during an NSA investigation into his dealings.", "trigger.arrest.investigate"),
        ("Two farm managers in Kyongwon are now under investigation for hoarding corn.", "trigger.arrest.investigate"),
        # enforcers formed for a campaign; people told to inform
        ("A provincial task force was created last month to eradicate illegal phone use.", "trigger.crackdown.enforcers_formed"),
        ("Anti-socialist inspection units have been organized in every border county.", "trigger.crackdown.enforcers_formed"),
        ("At the factory meeting, workers were instructed to report anyone spreading rumours.", "trigger.crackdown.order"),
    ],
)
def test_enforcement_words_fire(nlp, geoparser, text, rule_id):
    doc = nlp(text)
    places = geoparser.mentions(doc, [])
    fired = [t.rule.id for sent in doc.sents for t in find_triggers(sent, lambda tokens: geoparser.tags(tokens, places))]
    assert rule_id in fired, fired


@pytest.mark.parametrize(
    "text, event_type",
    [
        # the leader's orders to the army, a standing order: no crackdown (trigger.crackdown.order)
        ("Kim Jong Un ordered the army to be fully ready to strengthen the nuclear deterrent.", "crackdown"),
        ("The guards had orders to shoot anyone who came near the river.", "crackdown"),
        # searching for ways, searches that found nothing (trigger.crackdown.search)
        ("The two countries are searching for ways to cooperate.", "crackdown"),
        ("Police checked homes in the next village but found nothing.", "crackdown"),
        # a team formed to probe one theft is its investigation; a task force only planned
        ("The police created an investigation team of 20 people to find the stolen cable.", "crackdown"),
        ("The two ministries will form a joint task force next year.", "crackdown"),
        # a patrol boat, a round of talks, a news roundup
        ("A patrol boat crossed the line at dawn.", "crackdown"),
        ("The two sides held another round of talks.", "crackdown"),
        ("The station airs weekly news roundups for listeners.", "crackdown"),
        # an ambassador summoned, a reward that is a prize
        ("The foreign ministry summoned the Chinese ambassador.", "crackdown"),
        ("The workers received a reward for exceeding the quota.", "crackdown"),
        # control over a source of income; a search by troops for armed infiltrators
        ("The state keeps control over this source of foreign cash.", "crackdown"),
        ("Soldiers killed three armed infiltrators during search operations.", "crackdown"),
        # crimes named as a target, robbed of rights (trigger.attack.rob)
        ("China has intensified punishments of trafficking and burglaries.", "attack"),
        ("The people were robbed of their rights.", "attack"),
        # the smuggling that control is asserted over is its target (trigger.smuggling.trade)
        ("The police have been asserting control over illegal selling at the market.", "smuggling"),
    ],
)
def test_enforcement_near_misses(triggers, text, event_type):
    assert event_type not in triggers(text).types, triggers(text)


# --- acts with no home type, and the genre's other wordings (fictional sentences) ---------

@pytest.mark.parametrize(
    "text, rule_id",
    [
        ("North Korea disrupted GPS signals from the border area for a second day on Saturday.", "trigger.other.jamming"),
        ("North Korea is jamming GPS signals near Kaesong.", "trigger.other.jamming"),
        ("The military fired warning shots to ward off the drones.", "trigger.other.warning_shots"),
        ("North Korea exploded the liaison office building in Kaesong on Tuesday.", "trigger.other.demolition"),
        ("The authorities demolished dozens of homes near the river to build a wall.", "trigger.other.demolition"),
        ("Top officials issued a rare public apology for the collapse, KCNA said.", "trigger.statement.apology"),
        ("General Secretary Kim Jong Il provided field guidance to the steel complex in Songgan County.",
         "trigger.leadership_activity.guidance"),
        ("The puppet military kicked off a large-scale war rehearsal on the islands at 13:00.",
         "trigger.military_exercise.war_rehearsal"),
        ("Soldiers were seen putting up new fencing near Hyesan.", "trigger.fortification.lay"),
        ("China is electrifying the barbed wire along the border.", "trigger.fortification.lay"),
        ("Flights in and out of the country have been halted since Jan. 23.", "trigger.lockdown.suspend"),
        ("A family of four entered the embassy in Hanoi seeking asylum.", "trigger.defection.asylum"),
        ("A North Korean patrol boat crossed the sea border at 11:27 a.m.", "trigger.incursion.cross"),
        ("Ten North Korean soldiers briefly crossed the military border on Tuesday.", "trigger.incursion.cross"),
        ("An agent of the Ministry of State Security killed himself at his house in April.", "trigger.other.suicide"),
        ("Last month, three residents were shot to death for watching South Korean dramas.", "trigger.punishment.shot_for"),
        ("Dozens of households in Hyesan were internally exiled last week.", "trigger.punishment.execute"),
        ("The regime released almost all female prisoners of the labor training camps for the birthday.",
         "trigger.other.release"),
        ("The authorities moved quickly to shutter the affected schools.", "trigger.lockdown.close"),
        ("A soldier in the unit committed suicide last week, the source said.", "trigger.other.suicide"),
    ],
)
def test_acts_with_no_home_type_and_other_wordings_fire(nlp, geoparser, text, rule_id):
    doc = nlp(text)
    places = geoparser.mentions(doc, [])
    fired = [t.rule.id for sent in doc.sents for t in find_triggers(sent, lambda tokens: geoparser.tags(tokens, places))]
    assert rule_id in fired, fired


@pytest.mark.parametrize(
    "text, event_type",
    [
        # a crossing of the sea border by a patrol boat, of the military border by troops, is no defection
        ("A North Korean patrol boat crossed the sea border at 11:27 a.m.", "defection"),
        ("Ten North Korean soldiers briefly crossed the military border on Tuesday.", "defection"),
        # a vessel half-demolished by shelling, a threat to demolish, a flood's damage
        ("The vessel retreated home half-demolished by bombardment.", "other"),
        ("North Korea threatened to demolish the building.", "other"),
        ("The typhoon destroyed 200 houses in Rason.", "other"),
        # a suicide is no attack; a "suicide attack drone" is a weapon, no suicide
        ("An agent of the Ministry of State Security killed himself at his house in April.", "attack"),
        ("The army is developing suicide attack drones.", "other"),
        ("An agent killed two civilians before committing suicide in Daegu.", "other"),
        # authorities who send young people to build are no repatriation
        ("North Korean authorities have pulled 100,000 young people from their work and sent them to build "
         "a new district.", "forced_repatriation"),
        # an execution for an offence is no attack
        ("Last month, three residents were shot to death for watching South Korean dramas.", "attack"),
        # the apology demanded of someone else; a rehearsal as a judgement
        ("North Korea demanded an apology from Seoul.", "statement"),
        ("The exercises are nothing but a rehearsal for a war of aggression.", "military_exercise"),
        # shot publicly is the execution; the shells found are evidence
        ("Seven soldiers were shot publicly in front of the residents.", "attack"),
        ("Investigators analyzed shells found at the scene.", "artillery_fire"),
        # rounds fired back in response are a clash's, not artillery
        ("The military fired 20 rounds in response.", "artillery_fire"),
        # the organisation that measures a nuclear test's quake
        ("The China Earthquake Network Center said the tremor was artificial.", "disaster"),
    ],
)
def test_no_home_type_near_misses(triggers, text, event_type):
    assert event_type not in triggers(text).types, triggers(text)


# --- the offence is a person's record, the act is what was done to them --------------

@pytest.mark.parametrize(
    "text",
    [
        "About two hundred people convicted of smuggling were called in by the security department.",
        "A trader accused of smuggling copper was questioned by police.",
        "The men, suspected of smuggling, were released after paying a fine.",
    ],
)
def test_an_offence_someone_is_convicted_of_is_no_smuggling_record(triggers, text):
    assert "smuggling" not in triggers(text).types, triggers(text)


def test_a_team_dispatched_to_inspect_is_an_inspection_not_a_deployment(triggers):
    found = triggers("Ten officers from the security command were dispatched to inspect all border guard units.").types
    assert "deployment" not in found and "crackdown" in found


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Middle school students in the county are being mobilized to collect gravel for a factory.", "other"),
        ("The authorities are conscripting residents and students to work on construction sites.", "other"),
    ],
)
def test_pupils_and_residents_mobilized_for_labour(triggers, text, event_type):
    assert event_type in triggers(text).types, triggers(text)


def test_troops_mobilized_are_a_deployment_not_labour(triggers):
    found = triggers("The army mobilized two reserve units to the border on Monday.").types
    assert "other" not in found


# --- state media's idiom: the new rules checked against KCNA's wording (fictional sentences) ---

@pytest.mark.parametrize(
    "text, event_type",
    [
        # crowds "broke into cheers" (trigger.attack.break_in needs a building: `also`)
        ("When the leader appeared, the soldiers broke into enthusiastic cheers.", "attack"),
        # robbery as rhetoric (trigger.attack.rob)
        ("The world is stunned by the shameless robbery of the imperialists.", "attack"),
        ("Victory lies in overpowering the enemy ideologically.", "attack"),
        # the leader summoned officials (trigger.crackdown.summon needs a security organ)
        ("The President summoned the officials to the river bank.", "crackdown"),
        # a failed launch is the launch's (trigger.disaster.accident)
        ("KCNA released a report on an accident in the launch of the reconnaissance satellite.", "disaster"),
        # commemorating a guidance, guidance as rhetoric (trigger.leadership_activity.guidance)
        ("The tenth anniversary of Kim Jong Un's field guidance at the factory was marked.", "leadership_activity"),
        ("Under the wise guidance of the General Secretary, the workers overfulfilled the plan.", "leadership_activity"),
        # a nationwide campaign to raise teachers' qualifications (trigger.crackdown.inspection)
        ("He stressed the need for a nationwide campaign to raise the qualifications of teachers.", "crackdown"),
    ],
)
def test_state_media_idiom_does_not_fire(triggers, text, event_type):
    assert event_type not in triggers(text).types, triggers(text)


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Three armed soldiers broke into a farmhouse near Pungsan and threatened the family.", "attack"),
        ("The robbery occurred when the truck stopped on the highway.", "attack"),
        ("Some 200 smugglers were summoned by the security department.", "crackdown"),
        ("Respected Comrade Kim Jong Un gave field guidance at a fertilizer factory in Hamhung.", "leadership_activity"),
    ],
)
def test_the_same_words_as_acts(triggers, text, event_type):
    assert event_type in triggers(text).types, triggers(text)


def test_also_requires_a_second_list(monkeypatch, nlp):
    from yalu.extract import triggers as module

    data = {
        "rule": [{"id": "trigger.attack.x", "type": "attack", "lemmas": ["break"], "any": ["break into"], "also": ["house"]}],
        "elsewhere": {"terms": [], "korean": []},
    }
    monkeypatch.setattr(module, "_lexicon", lambda: data)
    module.rules.cache_clear()
    module._elsewhere.cache_clear()
    try:
        def fired(text):
            return [t.rule.id for s in nlp(text).sents for t in module.find_triggers(s, lambda tokens: set())]
        assert fired("They broke into a house.") == ["trigger.attack.x"]
        assert fired("They broke into cheers.") == []
    finally:
        module.rules.cache_clear()
        module._elsewhere.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "Flood waters swept away dozens of houses in Hoeryong.",
        "Traders checked the exchange rate at the market every morning.",
    ],
)
def test_sweeps_and_checks_that_are_no_crackdown(triggers, text):
    assert "crackdown" not in triggers(text).types, triggers(text)


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("The sanctions dealt a heavy blow to the trading office in Sinuiju.", "other"),
        ("A survey found that drug use is spreading among young people.", "smuggling"),
    ],
)
def test_blows_and_findings_that_are_no_act(triggers, text, event_type):
    assert event_type not in triggers(text).types, triggers(text)


def test_a_building_blown_up_or_torn_down(triggers):
    assert "other" in triggers("North Korea blew up the liaison office building in Kaesong on Tuesday.").types
    assert "other" in triggers("Soldiers tore down dozens of houses along the river.").types


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Satellite imagery showed that North Korea had moved two mobile missile launchers to the east coast.", "deployment"),
        ("North Korea banned the entry of foreign tourists into the country on Jan. 22.", "lockdown"),
    ],
)
def test_launchers_moved_and_entry_banned(triggers, text, event_type):
    assert event_type in triggers(text).types, triggers(text)


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Many defector families moved to Seoul last year.", "deployment"),
        ("The smugglers moved their goods across the river at night.", "deployment"),
    ],
)
def test_moves_that_are_no_deployment(triggers, text, event_type):
    assert event_type not in triggers(text).types, triggers(text)


def test_forces_placed_on_standby_are_a_deployment(triggers):
    # trigger.deployment.standby: forces readied; workers or a car kept on standby are no force
    assert "deployment" in triggers("At noon the army bases in Kimchaek were placed on standby.").types
    assert "deployment" in triggers("The General Staff placed three artillery brigades on standby along the border.").types
    assert "deployment" not in triggers("The companies kept their workers on standby in Dandong.").types
    assert "deployment" not in triggers("A broker had a car on standby near the river.").types


def test_launchers_in_a_parade_are_no_deployment(triggers):
    found = triggers("The missile launchers moved forward through the square, being reviewed by the leader.").types
    assert "deployment" not in found


# --- forces sent somewhere are deployed (trigger.deployment.send) --------------------

@pytest.mark.parametrize(
    "text",
    [
        "North Korea sent about 2,000 troops to the border areas of Yanggang Province last week.",
        "Joint tracking squads of the security command were immediately sent into China.",
        "The ministry dispatched its agents to the flood-hit border towns on Sept. 3.",
    ],
)
def test_forces_sent_somewhere_are_a_deployment(triggers, text):
    assert triggers(text).types == {"deployment"}, triggers(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # sent across the line: an incursion, not a deployment
        ("North Korea sent three agents across the MDL into South Korea on Friday.", "incursion"),
        # sent to inspect: the inspection is what the report tells
        ("Ten officers were sent to inspect the border guard units in Hyesan.", None),
    ],
)
def test_forces_sent_across_the_line_or_to_inspect_are_no_deployment(triggers, text, kind):
    found = triggers(text).types
    assert "deployment" not in found, found
    assert kind is None or kind in found, found


# --- acts the genre tells in words no rule read before: control tightened, a theft, a crash,
# a storm as the doer, a mine shut down ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "kind", "fires"),
    [
        # trigger.crackdown.tightened; a predicate adjective reads its subject too (clause.py)
        ("Surveillance of residents in Hyesan has become much stricter since March.", "crackdown", True),
        ("Control over market traders has been tightened in Hoeryong this month.", "crackdown", True),
        ("The provincial party committee ordered tighter control over market traders in June.", "crackdown", True),
        ("The two leaders agreed to strengthen military cooperation.", "crackdown", False),
        ("The ministry intensified anti-epidemic control at the customs office.", "crackdown", False),
        # trigger.other.theft
        ("Unripe corn was stolen from a collective farm in Musan County in late July.", "other", True),
        ("Soldiers stole peppers from private plots near Chongjin last week.", "other", True),
        # the charge, an attempt, what was stolen, the setting of an attack: no theft told
        ("Police arrested two women for stealing copper wire in Hyesan.", "other", False),
        ("A laborer was killed while trying to steal food from a warehouse.", "other", False),
        ("The derailment was caused by stolen rail bolts.", "other", False),
        # trigger.disaster.crash
        ("A bus carrying farm workers crashed into a truck near Kilju on Monday.", "disaster", True),
        ("Rice prices crashed into the floor after the harvest.", "disaster", False),
        ("The rocket crashed into the sea minutes after launch.", "disaster", False),
        # the weather as the doer (trigger.disaster.rain_hit)
        ("Repairs go on after the heavy rains that hit Hyesan in late July.", "disaster", True),
        ("Sinuiju, which was hit by torrential rain in August, is still under water.", "disaster", True),
        ("Sanctions hit the border towns hardest this year.", "disaster", False),
        # a mine or a factory shut down (trigger.economic_measure.shutdown); a border closed is a lockdown
        ("The iron ore mine in Musan shut down in July and rations stopped.", "economic_measure", True),
        ("The authorities shut the border crossing at Namyang in July.", "economic_measure", False),
    ],
)
def test_acts_told_in_words_no_rule_read_before(triggers, text, kind, fires):
    found = [word for event_type, word in triggers(text) if event_type == kind]
    assert bool(found) == fires, triggers(text)


# --- a boat seized with its crew is their arrest (trigger.arrest.seize_vessel) -------------

@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A North Korean fishing boat was seized by Chinese border guards near Dandong on June 20.", "arrest"),
        ("North Korea seized a South Korean trawler and its seven crew in the East Sea on Sunday.", "arrest"),
        # a navy vessel taken is an attack
        ("North Korean gunboats seized a South Korean navy patrol boat with 20 crewmen aboard.", "attack"),
    ],
)
def test_a_boat_seized_with_its_crew_is_an_arrest_a_navy_vessel_an_attack(triggers, text, kind):
    found = triggers(text).types
    assert kind in found and not ({"arrest", "attack"} - {kind}) & found, triggers(text)
