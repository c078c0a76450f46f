"""Issue 10, precision: words and shapes that named no act of their own in the genre (one
suspect's home searched, a boat that sank of itself, an outbreak's "attack", mourners beating
their breasts, residents made to observe a mourning period, "caught up in" a plan, "anyone
caught ... will be shot", a charge's content, the past as background, a kind of act sized up
under "it", a levy laid on everyone, fishermen sent home at their wish, how severe punishment
is, a lone man crossing the line), each beside the same words telling an act, which still fire.

All sentences are fictional, written in the style of Daily NK / RFA / Yonhap copy.
"""

import pytest


def fired_words(fired, text):
    return [(t.event_type, t.token.text) for t in fired(text)]


@pytest.mark.parametrize(
    "text, event_type, word",
    [
        # one home or one boat searched is the investigation of its owner or crew
        ("The agents searched her home and found 30,000 yuan in cash.", "crackdown", "searched"),
        ("A search of the house by the police turned up a Chinese phone.", "crackdown", "search"),
        ("Officials searched the vessel for three hours before the crew were taken ashore.", "crackdown", "searched"),
        # a boat that sank of itself
        ("A small fishing boat was sinking when its four crewmen were rescued.", "attack", "sinking"),
        ("The old ferry sank in heavy seas near the island.", "attack", "sank"),
        # told as a noun, in a headline or as a participle (trigger.attack.attack's intransitive_none)
        ("State television blamed the ferry operator for the Kumgang sinking, which took 40 lives.", "attack", "sinking"),
        ("Experts blamed the heavy seas for the Baekdo sinking, which took 40 lives.", "attack", "sinking"),
        # the forces blamed for something else than the sinking
        ("Families blamed the navy for the slow rescue after a fishing boat sank off Sokcho on Monday.", "attack",
         "sank"),
        ("A fishing boat sank off Nampo on Monday; residents blamed the military for the lack of life jackets.",
         "attack", "sank"),
        ("Freighter sinks off the east coast, killing dozens of sailors", "attack", "sinks"),
        ("[Accidents] A Ship Sinks Off the Nampo Shore Due To High Winds", "attack", "Sinks"),
        ("Nine sailors missing after cargo ship sinks", "attack", "sinks"),
        ("A Japanese patrol boat rescued nine sailors from a sinking freighter.", "attack", "sinking"),
        # "has sunk" is no cause of its own sinking; its dead are the accident's toll
        ("A Chinese fishing boat has sunk off the coast of Rason, the coast guard said.", "attack", "sunk"),
        # a disease's bout
        ("It was the worst attack of the contagious disease in a decade.", "attack", "attack"),
        # grief
        ("Mourners wailed and were beating their breasts in the square.", "attack", "beating"),
        # a rule kept
        ("The authorities are forcing residents to observe a ten-day period of mourning for Kim Jong Il.", "leadership_activity", "observe"),
        # caught up in a scheme
        ("The couple got caught up in the security agency's lure plan.", "arrest", "caught"),
        # a levy laid on everyone is no bribe
        ("The party issued a directive that each adult pay 3,000 won toward the new power station.", "bribery", "pay"),
        # sent home at their wish
        ("The three fishermen were repatriated to the North through Panmunjom upon their wish.", "forced_repatriation", "repatriated"),
        ("One of the rescued men requested to be sent back to North Korea.", "forced_repatriation", "sent"),
        # a lone man crossing the line is defecting
        ("No shots were fired as he crossed the DMZ on foot early on Thursday.", "incursion", "crossed"),
        ("A woman crossed the military demarcation line in the eastern sector on Sunday.", "incursion", "crossed"),
        # figurative and physical senses of "attack" and "dismiss": a policy or a hope, a label, a search
        ("The regime has long attacked the use of foreign currency in the markets of Hyesan.", "attack", "attacked"),
        ("The minister dismissed years of hopes for a family reunion in Kaesong.", "punishment", "dismissed"),
        ("Traders said removing the factory labels no longer works at Sinuiju customs.", "punishment", "removing"),
        ("Officials are strip-searching the farms in Onsong for hidden corn.", "punishment", "strip"),
        ("The border unit was executing a routine guidance procedure near the line.", "punishment", "executing"),
        # another doer in a sentence that names the leader
        ("The defendant received a life sentence for plotting against Kim Jong Un, the court said.",
         "leadership_activity", "received"),
        ("The county party committee called the fire a grave matter for Kim Jong Un's security.",
         "leadership_activity", "called"),
        # what guards take from smugglers is a bribe, not goods carried (trigger.smuggling.move)
        ("Guards at the Onsong post have been taking bribes from smugglers for months.", "smuggling", "taking"),
        ("The soldiers took a cut of the smugglers' earnings every week.", "smuggling", "took"),
    ],
)
def test_words_that_tell_no_act_here_do_not_fire(fired, text, event_type, word):
    assert (event_type, word) not in fired_words(fired, text)


@pytest.mark.parametrize(
    "text, event_type, word",
    [
        ("Security agents searched homes across the district for Chinese phones.", "crackdown", "searched"),
        ("Police searched every house on the street for smuggled goods.", "crackdown", "searched"),
        ("North Korean submarines sank the patrol boat near the island.", "attack", "sank"),
        ("The fishing boat was struck by shells and sank within minutes.", "attack", "sank"),
        ("The corvette sank after an explosion tore through its stern.", "attack", "sank"),
        ("The navy intercepted and sank a semi-submersible boat carrying commandos.", "attack", "sank"),
        ("The patrol boat chased the smugglers' skiff and sank it near the island.", "attack", "sank"),
        ("The sinking of the corvette by a submarine killed 40 sailors.", "attack", "sinking"),
        ("The patrol boat was sunk by a torpedo near the island.", "attack", "sunk"),
        # a ship that sank of itself and an aircraft that crashed are transport accidents
        ("A cargo ship sank off Nampo on Monday, killing three of its crew.", "disaster", "sank"),
        ("A Chinese fishing boat has sunk off the coast of Rason, the coast guard said.", "disaster", "sunk"),
        ("A North Korean fighter jet crashed near Sunchon on Tuesday, killing its pilot.", "disaster", "crashed"),
        ("Seoul demanded that the North apologize for the Baekdo sinking, which killed 30 sailors.", "attack", "sinking"),
        ("Pyongyang denied responsibility for the Baekdo sinking, a provocation that killed 30 sailors.", "attack", "sinking"),
        # a state or its forces blamed for it (trigger.attack.attack's `blamed`)
        ("Seoul blamed Pyongyang for the Baekdo sinking, which killed 30 sailors.", "attack", "sinking"),
        ("The Baekdo sinking was blamed on the North.", "attack", "sinking"),
        ("Seoul blamed the Baekdo sinking on a North Korean submarine.", "attack", "sinking"),
        ("Seoul blamed Pyongyang for sinking the patrol boat off Baengnyeong.", "attack", "sinking"),
        ("Border guards caught two smugglers on the riverbank on Friday.", "arrest", "caught"),
        ("Guards beat the prisoner until he lost consciousness.", "attack", "beat"),
        ("Kim Jong Un observed a firing drill of the artillery units on Tuesday.", "leadership_activity", "observed"),
        ("The security agent demanded 500 yuan from the woman to release her son.", "bribery", "demanded"),
        ("About 20 North Korean soldiers briefly crossed the military demarcation line on Tuesday.", "incursion", "crossed"),
        ("Chinese police repatriated the five defectors to North Korea last week.", "forced_repatriation", "repatriated"),
        ("Gunmen attacked the guard post of the 25th Brigade in Hyesan on Monday.", "attack", "attacked"),
        ("The party secretary of Hyesan was dismissed for corruption last month.", "punishment", "dismissed"),
        ("The manager of the mine was removed from his post in May.", "punishment", "removed"),
        ("Kim Jong Un received the delegation from Laos at the guesthouse on Monday.", "leadership_activity", "received"),
        ("Smugglers took copper wire across the frozen river at night.", "smuggling", "took"),
    ],
)
def test_the_same_words_telling_an_act_still_fire(fired, text, event_type, word):
    assert (event_type, word) in fired_words(fired, text)


@pytest.mark.parametrize(
    "text, word, rule",
    [
        ("Anyone caught crossing the river will be shot, the source said.", "caught", "modality.genre.anyone"),
        ("Guards were told that anyone caught in the zones will be shot on sight.", "caught", "modality.genre.anyone"),
        ("Most were charged with watching illicit South Korean dramas.", "watching", "modality.genre.charge_content"),
        ("In the past, when a driver got caught with banned goods, his truck was held for a day.", "caught", "modality.background"),
        ("Deserters have in the past fled to China and robbed farms there.", "fled", "modality.background"),
        ("It is far more dangerous, and twice as costly, to defect than it was ten years ago.", "defect", "modality.genre.described_kind"),
        ("It has become much harder to cross the river since the fence went up.", "cross", "modality.genre.described_kind"),
        ("The severity of punishment for border crossers has increased since last year.", "punishment", "modality.generic.trend"),
        ("Foreign criticism of the regime's use of public executions has grown.", "executions", "modality.generic.trend"),
    ],
)
def test_shapes_that_name_no_act(verdict, text, word, rule):
    assert verdict(text, word) == (None, rule)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Everyone fled the village when the guards arrived on Monday.", "fled"),
        ("Police arrested three smugglers in the past week in Hyesan.", "arrested"),
        ("It took the family two days to cross the river into China last week.", "cross"),
        ("The woman was charged after she was caught with a Chinese phone on Monday.", "caught"),
        ("The execution of the two officers was held in the stadium on Friday.", "execution"),
    ],
)
def test_near_misses_stay_acts(verdict, text, word):
    modality, _ = verdict(text, word)
    assert modality is not None


def test_an_offence_a_count_of_the_punished_was_for_takes_neither_the_sentences_day_nor_place(pipeline):
    from yalu.ingest import read_text

    text = (
        "North Korea publicly executed around 30 people in Wonsan on March 3, many for watching "
        "South Korean dramas, a source told Daily NK.\n\n"
        "[Fictional report written for Yalu's tests; not real news.]"
    )
    [(_, incidents)] = list(pipeline.run([read_text(text, published="2024-03-20", outlet="Daily NK")]))
    assert any(i.event_type == "punishment" for i in incidents)
    # the watching was before the executions: March 3 is not its day, nor its clause's place Wonsan's
    watching = [e.rules for i in incidents if i.event_type == "illegal_communication" for e in i.evidence]
    assert not any("date.month_day" in rules or "place.clause" in rules for rules in watching)


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Some provinces have banned the sale of rice in markets to curb prices.", "economic_measure"),
        ("North Korea has banned the use of the Chinese yuan in its markets.", "economic_measure"),
        ("The authorities banned the use of Chinese phones in the border area.", "crackdown"),
    ],
)
def test_a_ban_on_currency_or_grain_sales_is_an_economic_measure(fired, text, event_type):
    assert [t.event_type for t in fired(text) if t.token.lemma_ == "ban"] == [event_type]


@pytest.mark.parametrize(
    "text",
    [
        "A cargo ship sank off Nampo on Monday, killing three of its 12 crew members, a source said.",
        "A North Korean fighter jet crashed near Sunchon on Tuesday, killing its pilot.",
    ],
)
def test_the_dead_of_a_sinking_or_a_crash_are_its_toll(read_with_rules, text):
    """trigger.disaster.sink, trigger.disaster.crash and frame.toll_of_disaster: one accident, no attack."""
    _, incidents = read_with_rules(text, published="2023-11-10", outlet="Daily NK")
    assert [i.event_type for i in incidents] == ["disaster"]
