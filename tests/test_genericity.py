"""The news genre's acts named but not reported (yalu/extract/genericity.py, modality.genre.*):
a precedent recalled, a habit or a practice, an example of a kind of act, what a charge says,
and an act ordered; the plain reports beside them stay acts.

All sentences are fictional, written in the style of Daily NK, RFA and Yonhap copy for these
tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text, word, rule_id",
    [
        ("The last such incident took place in March when a soldier fled to the South.", "fled", "modality.genre.precedent"),
        ("The first air raid warning came on May 3 when a pilot defected with his jet.", "defected", "modality.genre.precedent"),
        ("The first alarm was issued on Feb. 2, 1981, when a pilot defected and landed a plane.", "defected", "modality.genre.precedent"),
        ("It was the first such launch since 2019, when the North fired two missiles into the sea.", "fired", "modality.genre.precedent"),
        ("When the North executes an official or purges a general, the world protests.", "purges", "modality.genre.whenever"),
        ("Border guards are exiled when they help people cross the river.", "cross", "modality.genre.habitual"),
        ("Women are risking arrest as they attempt to cross the river into China.", "cross", "modality.genre.habitual"),
        ("The regime continues to execute people for watching dramas.", "execute", "modality.genre.practice"),
        ("Families are banished for having members who fled to South Korea.", "fled", "modality.genre.habitual_reason"),
        ("The unit monitored illegal activity, including taking bribes to help people cross the border.", "cross",
         "modality.genre.example"),
        ("The state engages in provocations, such as flying balloons across the border.", "flying", "modality.genre.example"),
        ("Guards began installing new fencing in areas with a lot of smuggling and river crossings.", "smuggling",
         "modality.genre.described_place"),
        ("The villages with frequent floods were moved uphill.", "floods", "modality.genre.described_place"),
        ("The task force groups are raiding markets in Hyesan without warning.", "warning", "modality.genre.without"),
        ("The two women crossed the river without being caught by guards.", "caught", "modality.genre.without"),
        ("So, stop engaging in illegal trade.", "trade", "modality.genre.imperative"),
        ("Anyone caught in the zones will be shot on sight.", "caught", "modality.genre.anyone"),
        ("Any prisoner attempting escape will be sentenced to severe punishment.", "punishment", "modality.genre.anyone"),
        ("The two youths made their living smuggling before the pandemic.", "smuggling", "modality.genre.practice"),
        ("Smugglers who make a living bringing goods into the country bypass the closure.", "bringing",
         "modality.genre.practice"),
        ("Hyesan is the major route for defecting from the country.", "defecting", "modality.genre.described_place"),
        ("Lying on the river, the town is the last stronghold for smuggling and defections.", "defections",
         "modality.genre.described_place"),
        ("Release the fishermen now!", "Release", "modality.genre.imperative"),
        ("He crossed the river twice a year in order to make money.", "order", "modality.idiom.in_order"),
        ("Students serve as free labor during the corn harvest this fall.", "fall", "modality.genre.season"),
        ("A teacher was arrested in Hyesan on charges of smuggling copper.", "smuggling", "modality.genre.charge_content"),
        ("A boat was seized by guards on trespassing and smuggling charges in the river.", "trespassing",
         "modality.genre.charge_content"),
        ("The two men were convicted of attempting to escape to China.", "escape", "modality.genre.charge_content"),
        ("Women do the smuggling because they are punished less harshly when caught.", "punished",
         "modality.genre.habitual_passive"),
        ("North Koreans whose family members have escaped the country are being banished to rural areas.", "escaped",
         "modality.genre.kin_clause"),
        ("The measures were imposed to punish the regime for repeated missile launches and nuclear tests.", "launches",
         "modality.genre.sanctions_ground"),
        ("Factories closed after the country's nuclear and missile tests led to tougher sanctions.", "tests",
         "modality.genre.sanctions_ground"),
    ],
)
def test_named_acts_are_not_reported(verdict, text, word, rule_id):
    assert verdict(text, word) == (None, rule_id)


def test_an_order_is_planned(verdict):
    assert verdict("Every official is to be investigated by the committee.", "investigated") == (
        "planned", "modality.genre.obligation")


@pytest.mark.parametrize(
    "text, word",
    [
        ("The first shots were fired when the soldier crossed the border.", "crossed"),
        ("A soldier fled to the South on Tuesday after crossing the border.", "fled"),
        ("Two soldiers were trying to cross the border when guards opened fire.", "cross"),
        ("Two men were executed for helping people who fled to China.", "fled"),
        ("Police arrested a teacher who had smuggled copper into China in March.", "arrested"),
        ("The guards shot the man as he attempted to cross the river.", "shot"),
        ("South Korea accused the North of flying drones across the border on Monday.", "flying"),
        ("North Korea suspected of sending drones into the South, minister says.", "sending"),
        ("A cadre was suspected of taking bribes from traders in Hyesan.", "bribes"),
        ("Kim Jong Un inspected the unit, which was to stage a drill.", "inspected"),
        ("Guards arrested a woman in an area with a checkpoint on Monday.", "arrested"),
        ("The flood hit the area with great force on Monday.", "flood"),
        ("Seven fishing boats crossed the border twice on Wednesday.", "crossed"),
        ("Every household in the village was searched on Monday.", "searched"),
        ("The committee issued an order to close the market in Hyesan on Monday.", "order"),
        ("Rice prices saw a sharp fall in Hyesan last week.", "fall"),
        ("Police arrested anyone who crossed the river last week.", "arrested"),
        ("Guards shot a man who made a living smuggling copper.", "shot"),
        ("The UN imposed new sanctions for the launch of two missiles on Monday.", "launch"),
    ],
)
def test_plain_reports_stay_acts(verdict, text, word):
    modality, rule_id = verdict(text, word)
    assert modality in ("asserted", "ongoing", "alleged") and not rule_id.startswith("modality.genre.")


@pytest.mark.parametrize(
    "text, word",
    [
        ("South Korean soldiers kill seven infiltrators south of the MDL.", "infiltrators"),
        ("South Korean police track down and kill eight armed agents near the coast.", "kill"),
        ("Navy ships track and intercept two armed boats in the Yellow Sea.", "intercept"),
    ],
)
def test_a_chronology_in_the_present_stays_acts(verdict, text, word):
    assert not verdict(text, word)[1].startswith("modality.genre.")


@pytest.mark.parametrize(
    "text, word",
    [
        ("The two soldiers died because of explosions of several mines in the area they entered.", "explosions"),
        ("Around 200 residents have been killed or are missing because of the rising flood water.", "flood"),
    ],
)
def test_the_cause_of_a_toll_is_the_incident(verdict, text, word):
    assert verdict(text, word) == ("asserted", "modality.genre.toll_cause")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Many people could die because of the flood.", "flood"),  # no toll told
        ("Traders lost money because of the ban on imports.", "ban"),  # a cause of the news, no toll
        ("A resident died due to food shortages early this month.", "shortages"),  # a condition: the death is the incident
    ],
)
def test_a_cause_without_a_toll_stays_named(verdict, text, word):
    assert verdict(text, word)[1] != "modality.genre.toll_cause"


@pytest.mark.parametrize(
    "text, word",
    [
        ("The broker will face a long sentence, considering that the police are cracking down on trafficking.", "cracking"),
        ("The guard reported the pair, especially given that the authorities are harshly cracking down on crossings.",
         "cracking"),
        ("Given the crackdown on smugglers, rice prices in Musan rose sharply last week.", "crackdown"),
    ],
)
def test_the_ground_a_source_reasons_from_is_no_act(verdict, text, word):
    assert verdict(text, word) == (None, "modality.genre.ground")


@pytest.mark.parametrize(
    "text, word",
    [
        ("The police arrested two brokers in Musan last week, given the orders from Pyongyang.", "arrested"),
        ("The two smugglers were given ten-year sentences in Hyesan last month.", "sentences"),
        ("He was sent to a labor camp, considering that he had crossed the border twice in May.", "crossed"),
        ("Given that he defected in 2019, his family was banished to a mountain village.", "defected"),
    ],
)
def test_the_act_beside_a_ground_stays(verdict, text, word):
    assert verdict(text, word)[1] != "modality.genre.ground"


@pytest.mark.parametrize(
    "text, word",
    [
        ("North Korea has announced its former defence chief was executed by firing squad last month.", "announced"),
        ("The state media announced it had culled thousands of ducks at a farm near Anju.", "announced"),
    ],
)
def test_an_act_told_through_its_announcement_is_no_statement(verdict, text, word):
    assert verdict(text, word) == (None, "modality.genre.announced_act")


@pytest.mark.parametrize(
    "text, word",
    [
        ("North Korea announced that it will retaliate against the joint drills.", "announced"),
        ("The general staff declared that the drills are a rehearsal for invasion.", "declared"),
        ("North Korea announced a ban on imports of Chinese clothing on Monday.", "announced"),
    ],
)
def test_what_an_announcement_says_stays_a_statement(verdict, text, word):
    assert verdict(text, word)[1] != "modality.genre.announced_act"


@pytest.mark.parametrize(
    "text, word",
    [
        ("As a rule, those caught near the river are handed to the police and sent to the nearest holding center.",
         "caught"),
        ("Those trying to flee to the South are given longer terms than smugglers.", "flee"),
    ],
)
def test_a_rule_for_those_who_do_it_is_no_act(verdict, text, word):
    assert verdict(text, word) == (None, "modality.genre.those_who")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Those caught near the river last week were sent to a labor camp.", "caught"),
        ("Those arrested in Musan on May 3 are held at the county police station.", "arrested"),
        ("Police arrested those who smuggled copper across the river.", "smuggled"),
        ("The men put on trial are those who were arrested for watching foreign films.", "arrested"),
        ("Those who were arrested in the Hyesan raid are held at the police station.", "arrested"),
    ],
)
def test_those_caught_once_are_told(verdict, text, word):
    assert verdict(text, word)[1] != "modality.genre.those_who"


def test_camp_number_is_no_negation(verdict):
    """"camp No 15": "No" before a number abbreviates "number"."""
    assert verdict("The other 20 were sent to the prison camp No 15 in Yodok.", "sent") == ("asserted", "modality.asserted")
    assert verdict("No soldiers were sent to the camp.", "sent")[0] is None


def test_put_under_lockdown_is_the_act(verdict):
    assert verdict("Sinuiju was put under lockdown in early May.", "lockdown")[0] == "asserted"
    assert verdict("Traders kept selling despite the lockdown.", "lockdown")[0] is None


def test_a_headline_in_the_present_is_no_habit(verdict):
    assert verdict("N. Korean soldiers try to cross the border near Hyesan", "cross")[1] != "modality.genre.habitual"
    assert verdict("N. Korean soldiers try to cross the border near Hyesan.", "cross") == (None, "modality.genre.habitual")


@pytest.mark.parametrize(
    "text, word, modality",
    [
        ("Small-scale forced repatriations of defectors have taken place since October.", "repatriations", "asserted"),
        ("Arrest operations by state security agents are underway in Hyesan.", "operations", "ongoing"),
        ("Inspections are now under way in Hyesan.", "Inspections", "ongoing"),
    ],
)
def test_acts_said_to_happen_are_acts(verdict, text, word, modality):
    assert verdict(text, word) == (modality, "modality.genre.occurred")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Defections rarely take place in winter.", "Defections"),  # a habit
        ("If executions have taken place, the UN will respond.", "executions"),  # a condition
    ],
)
def test_happening_in_general_is_no_act(verdict, text, word):
    assert verdict(text, word)[0] is None


def test_a_wounded_soldier_is_a_state(verdict):
    """"the capture of a wounded soldier": a state told in passing, not the wounding."""
    assert verdict("Officials confirmed the capture of a wounded soldier.", "wounded") == (None, "modality.state_in_passing")
    assert verdict("Guards wounded a soldier near the river on Monday.", "wounded") == ("asserted", "modality.asserted")
