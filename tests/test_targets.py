"""Acts a report names through other people's business (yalu/extract/targets.py,
modality.genre.targeted / .aided / .kin_act / .prepared_for, and modality.genre.anyone's
relative clause): the acts a measure is aimed at, what others are helped to do, a
relative's act that says whose family is punished, and an act prepared for. The plain
reports beside them stay acts.

All sentences are fictional, written in the style of Daily NK, RFA and Yonhap copy for these
tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text, word, rule_id",
    [
        ("The police campaign against sellers of South Korean films failed to achieve much.", "films",
         "modality.genre.targeted"),
        ("The ministry is harshly cracking down on people trying to flee across the river.", "flee",
         "modality.genre.targeted"),
        ("Guards stop residents from using the dark for crossing the river.", "crossing", "modality.genre.targeted"),
        ("Agents were told to roundup Chinese phone users in the border towns.", "phone", "modality.genre.targeted"),
        ("The unit was formed to root out traders that aid smugglers in crossing the river.", "crossing",
         "modality.genre.targeted"),
        ("A court sentenced the two brokers to death for helping 30 women defect to South Korea.", "defect",
         "modality.genre.aided"),
        ("Brokers engaged in helping people cross the river are being punished.", "cross", "modality.genre.aided"),
        ("Two women accused of aiding people's escape to China were executed in Hyesan.", "escape",
         "modality.genre.aided"),
        ("The agents chose households that had three or more family members defect to the South.", "defect",
         "modality.genre.kin_act"),
        ("The banished families all have members who escaped to China.", "escaped", "modality.genre.kin_act"),
        ("Dozens of families of people known to have defected were sent to the mountains.", "defected",
         "modality.genre.kin_act"),
        ("The families were banished over their relatives’ escape to the South.", "escape", "modality.genre.kin_act"),
        ("Anyone who is caught outside after midnight will be fined.", "caught", "modality.genre.anyone"),
        ("Officials warned of a potential nuclear test at the site.", "test", "modality.genre.possible"),
        ("The navy made full preparations for a possible clash near the islands.", "clash", "modality.genre.possible"),
        ("The bureau told agents to haul in anyone who called abroad.", "called", "modality.genre.anyone"),
        ("The city began threatening tough penalties for traders caught selling rice.", "selling",
         "modality.genre.sanctioned_class"),
        ("The county is threatening stiff punishments for farmers caught hiding corn.", "caught",
         "modality.genre.sanctioned_class"),
        ("The bureau issued instructions to harshly punish those caught smuggling copper.", "caught",
         "modality.genre.sanctioned_class"),
        ("Police issued a decree that warns of stronger penalties for copper thieves.", "penalties",
         "modality.no_act.threatened"),
    ],
)
def test_named_through_others_business_is_no_act(verdict, text, word, rule_id):
    assert verdict(text, word) == (None, rule_id)


@pytest.mark.parametrize(
    "text, word",
    [
        ("The launch was part of preparations for the annual winter exercise.", "exercise"),
        ("The navy made full preparations for a clash near the islands.", "clash"),
    ],
)
def test_an_act_prepared_for_is_planned(verdict, text, word):
    assert verdict(text, word) == ("planned", "modality.genre.prepared_for")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Police cracked down on smugglers in Hyesan, arresting five traders.", "arresting"),
        ("The crackdown on smugglers led to the arrest of 20 people on Monday.", "arrest"),
        ("Soldiers were sent to stop the smugglers who crossed the river on Monday.", "crossed"),
        ("A broker helped five people cross the river on Monday.", "cross"),
        ("Her husband defected to South Korea last month.", "defected"),
        ("Police arrested anyone who crossed the river last week.", "crossed"),
        ("Guards caught a family of five who had crossed the river.", "caught"),
        ("The preparations for the drill were finished, and the drill began on Monday.", "began"),
        ("The North fired a possible ballistic missile into the sea on Monday.", "fired"),
        ("Word of the plot spread, which led to the family's eventual capture.", "capture"),
        ("Officials stepped up efforts to prevent incidents given the leader's visit to Hyesan.", "visit"),
        ("The county threatened harsh penalties for the two traders who crossed the river on Monday.", "crossed"),
    ],
)
def test_plain_reports_stay_acts(verdict, text, word):
    modality, rule_id = verdict(text, word)
    assert modality in ("asserted", "ongoing", "alleged") and rule_id not in (
        "modality.genre.targeted", "modality.genre.aided", "modality.genre.kin_act", "modality.genre.anyone")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a local taken for a spy is arrested, not an infiltrator stopped
        ("Police in Hyesan arrested a teacher as a spy on Monday, a source told Daily NK.", "arrest"),
        ("Guards captured two armed spies near the border on Monday, a source told Daily NK.", "incursion"),
    ],
)
def test_people_named_as_spies_are_not_infiltrators(read_with_rules, text, expected):
    _, incidents = read_with_rules(text + "\n\n[Fictional report written for Yalu's tests; not real news.]")
    assert [i.event_type for i in incidents] == [expected]


@pytest.mark.parametrize(
    "text, word",
    [
        ("Relatives of the two men arrested by the task force sold their phones to bail them out.", "arrested"),
        ("The family of the executed official was exiled to a mountain village.", "executed"),
    ],
)
def test_an_act_done_to_relatives_is_no_kin_act(verdict, text, word):
    """Acts done to the relatives' people are judged by the other rules (a state told in passing)."""
    assert verdict(text, word)[1] != "modality.genre.kin_act"
