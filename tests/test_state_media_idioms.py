"""State media's idioms and standing claims: an act's word inside an idiom (modality.idiom.*),
a newspaper's own voice, a rejected claim, a denial, a measure discussed, a nationwide or
standing state (modality.rhetoric.*) report no act; the plain reports beside them still do.

All sentences are fictional, written in KCNA style (and Daily NK or Yonhap style for the
controls) for these tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text, word, rule_id",
    [
        ("He clarified the new decision in order to hasten the building of the factories.", "order", "modality.idiom.in_order"),
        ("The miners dealt a heavy blow to defeatism about technology.", "blow", "modality.idiom.figure"),
        ("The cadres must work like the forerunners who blazed a trail for the cause.", "blazed", "modality.idiom.figure"),
        ("The volunteers worked at night making blocks and reinforcing bar for the new houses.", "reinforcing", "modality.idiom.figure"),
        ("He praised the engineers for having carried out without fail the plan for producing nuclear materials.", "carried",
         "modality.idiom.plan_carried_out"),
        ("We are now carrying out steadfastly the policy of building up our nuclear forces.", "carrying", "modality.idiom.plan_carried_out"),
        ("Claiming to implement the Party's policies, some officials are distorting their execution.", "execution",
         "modality.idiom.plan_carried_out"),
        ("The 12th National Chess Contest closed.", "closed", "modality.idiom.event_closed"),
        ("Workers of the East Sea Barrage Office and the Ryongsong Factory visited the museum.", "Barrage", "modality.idiom.name_part"),
        ("He laid flowers before the busts of Kim Chaek and An Kil.", "busts", "modality.idiom.statue"),
        ("The cement factory conducted the blasting of 200 000 cubic metres of earth.", "blasting", "modality.idiom.blasting_work"),
        ("The editorial calls upon all the people to display the stamina of the nation.", "calls", "modality.rhetoric.writing_speaks"),
        ("The reporter ardently called for turning the area into a paradise.", "called", "modality.rhetoric.writing_speaks"),
        ('The report is full of such fabrications as "forcible repatriation" and "torture".', "repatriation", "modality.rhetoric.fabrication"),
        ("Notably, the current drills, including a drill simulating an attack on the DPRK, bring to light clearer the nature of the alliance.",
         "drills", "modality.rhetoric.characterised"),
        ("The army, any organization or any individual of the DPRK did not let fly a drone.", "fly", "modality.rhetoric.denied_control"),
        ("The army, any organization or any individual of the DPRK did not let fly a drone.", "drone", "modality.rhetoric.denied_control"),
        ("The meeting discussed such measures as the reinforcement of army units at all levels.", "reinforcement", "modality.rhetoric.discussed"),
        ("Now is the time to start, since army units have been deployed in every province and county.", "deployed", "modality.rhetoric.everywhere"),
        ("The Shock Brigade of Builders dispatched to the regional committee is intensifying its activities.", "dispatched",
         "modality.rhetoric.standing"),
    ],
)
def test_idioms_and_the_press_voice_report_no_act(verdict, text, word, rule_id):
    assert verdict(text, word) == (None, rule_id)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Kim Jong Un issued an order to the missile unit on Monday.", "order"),
        ("A blast blew up the warehouse of the mine in Musan on Tuesday.", "blew"),
        ("The unit carried out a test of the new rocket engine on March 3.", "carried"),
        ("The execution of the two smugglers took place in Hyesan on Friday.", "execution"),
        ("Police closed the market in Hyesan on Friday.", "closed"),
        ("The police made drug busts in three towns last week.", "busts"),
        ("Kim Jong Un called on the workers of the steel complex on Monday.", "called"),
        ("Troops were deployed across the country on Monday.", "deployed"),
        ("The authorities have launched a crackdown on smuggling across the country.", "crackdown"),
        ("The authorities consider the derailment of the train near Hoichon last month a national matter.", "derailment"),
        ("The gunners did not hesitate to fire at the intruding boat on Monday.", "fire"),
        ("Millions of youths joined the nationwide rallies against those who violated the border on Monday.", "violated"),
        ("A brigade dispatched to the border on Monday is searching the villages.", "dispatched"),
        ("Border guards repatriated the three defectors to the North on Sunday.", "repatriated"),
    ],
)
def test_the_plain_acts_beside_them_stay(verdict, text, word):
    assert verdict(text, word)[0] == "asserted"


def test_a_rumour_is_hearsay_not_a_fabrication(verdict):
    assert verdict("Rumours of the execution of two officials spread in Hyesan on Monday.", "execution")[0] == "rumoured"


def test_a_clause_a_negated_verb_reports_is_no_denial(verdict):
    """Only a control verb's negation denies the act it governs; "did not say that" reports one."""
    assert verdict("The ministry did not say that the soldier deserted his unit on Monday.", "deserted")[1] != (
        "modality.rhetoric.denied_control")
