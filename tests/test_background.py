"""Background told beside the news (yalu/extract/background.py, modality.genre.look_back /
.statistic_release / .how_often / .aim / .condition): an act recalled from an earlier report,
another body's statistics, a habit told by how often it happens, what a measure is aimed at
and a standing condition named as a cause or an effect; the plain reports beside them stay acts.

All sentences are fictional, written in the style of Daily NK, RFA and Yonhap copy for these
tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text, word, rule_id",
    [
        ("As previously reported by Example News, at the start of the year guards arrested four traders in Musan.",
         "arrested", "modality.genre.look_back"),
        ("Example Radio earlier reported that six pupils died and kindergartens were shut for a week.", "shut",
         "modality.genre.look_back"),
        ("The outlet previously reported that a broker was arrested near Onsong.", "arrested",
         "modality.genre.look_back"),
        ("In an earlier report, the source said that police detained a dozen vendors in Kimchaek.", "detained",
         "modality.genre.look_back"),
        # a report dated to an earlier year recalls its acts
        ("State media reported in 2014 that officials had apologized for the collapse of a flat in Pyongyang.",
         "apologized", "modality.genre.look_back"),
        ("Last year, the agency said a former army chief had been executed, but he was later seen alive.",
         "executed", "modality.genre.look_back"),
        ("The ministry said two years ago that guards had shot a soldier at the border.", "shot",
         "modality.genre.look_back"),
        # an act told in a decade is history
        ("Many residents fled to China during the famine years of the late 1990s.", "fled",
         "modality.genre.decade"),
        ("Soldiers who deserted in the mid-1990s were rarely caught.", "deserted", "modality.genre.decade"),
        ("The central bank announced that the country's growth rate was -2.1% in 2016.", "announced",
         "modality.genre.statistic_release"),
        ("The statistics office announced that the trade volume fell 12 percent last year.", "announced",
         "modality.genre.statistic_release"),
        ("In many cases, villagers use oxen to haul timber, and in extreme cases the villagers themselves are forced "
         "to haul it.", "forced", "modality.genre.how_often"),
        ("When the price of maize falls, as it does periodically, life in the valley gets easier.", "price",
         "modality.genre.how_often"),
        # modality.toml's habitual adverbs are read too, not a second list of them
        ("When the price of maize falls, as it always does in spring, life in the valley gets easier.", "price",
         "modality.genre.how_often"),
        ("Observers said the step was aimed at curbing prices and clamping down on private traders.", "clamping",
         "modality.genre.aim"),
        ("The ministry cut school hours in a bid to get pupils mobilized for the rice planting.", "mobilized",
         "modality.genre.aim"),
        ("The order was aimed at getting the troops withdrawn from the border.", "withdrawn", "modality.genre.aim"),
        ("The border closure ruined the traders and has led to food shortages in the villages.", "shortages",
         "modality.genre.condition"),
        ("Families sell furniture to cope with a worsening food shortage.", "shortage", "modality.genre.condition"),
        ("There is a food shortage in the valley, which drives the soldiers to steal maize.", "shortage",
         "modality.genre.condition"),
        ("About 20 women previously caught crossing the river have been held for weeks in Onsong.", "crossing",
         "modality.genre.earlier_act"),
        ("A broker who formerly smuggled phones was arrested in Hyesan.", "smuggled", "modality.genre.earlier_act"),
        ("The curfew was originally imposed to keep residents from crossing the river at night.", "crossing",
         "modality.genre.earlier_act"),
        ("There have been some cases of women attempting suicide after being arrested by the police.", "arrested",
         "modality.genre.cases_of"),
        ("There are cases where guards shot smugglers at the river.", "shot", "modality.genre.cases_of"),
    ],
)
def test_background_is_no_act(verdict, text, word, rule_id):
    assert verdict(text, word) == (None, rule_id)


@pytest.mark.parametrize(
    "text, word",
    [
        # this story's source, not an earlier report
        ("Guards arrested four traders in Musan on Monday, Example News reported.", "arrested"),
        ("The outlet reported on Tuesday that police detained a dozen vendors in Kimchaek.", "detained"),
        # a report dated to a day, or an act dated to a year, is told as it is
        ("The agency said on Monday that a former army chief had been executed.", "executed"),
        ("The source said guards shot a soldier at the border in March 2014.", "shot"),
        # the news beside a decade's history, and a year
        ("Two soldiers who deserted in the 1990s were arrested in Hyesan on Monday.", "arrested"),
        ("Guards arrested two soldiers at the river in 2019.", "arrested"),
        # an official confirming is the news, however "already"
        ("The military has already confirmed that the North fired two missiles into the sea.", "fired"),
        # wire copy's "earlier" of the same day: this story's source too
        ("Guards fired on two boats near the island on Sunday, Example News reported earlier on Sunday.", "fired"),
        ("Example News reported earlier today that guards arrested two soldiers near Hyesan.", "arrested"),
        ("Example News reported earlier in the day that police detained a dozen vendors in Kimchaek.", "detained"),
        # told after the recalled report, with a subject of its own
        ("The outlet previously reported that a broker was arrested, and this week guards executed two officials.",
         "executed"),
        # a statement with no figure, and a figure with no statement
        ("The ministry announced that the border would be closed to all traffic.", "announced"),
        # how often, but in the past: acts told
        ("In some cases, guards shot smugglers at the river in May.", "shot"),
        ("At the time, guards arrested two smugglers at the river.", "arrested"),
        # the perfect tells acts up to now, not a habit
        ("North Korean patrol boats have crossed the line on several occasions this month.", "crossed"),
        ("In some cases, guards have shot smugglers at the river this month.", "shot"),
        ("The river flooded in July, as it often does, and the water destroyed two bridges.", "destroyed"),
        # the condition's own clause
        ("Severe food shortages hit Musan County in May, the source said.", "shortages"),
        ("There were severe food shortages in Musan County in May, the source said.", "shortages"),
        # what the measure is to fight is there all the same
        ("The ministry cut school hours in a bid to mobilize pupils to fight the long drought.", "drought"),
        # the measure itself, and an act told beside the aim
        ("Police launched a crackdown aimed at smugglers in Hyesan and arrested 20 people.", "crackdown"),
        ("Police launched a crackdown aimed at smugglers in Hyesan and arrested 20 people.", "arrested"),
        # the news told beside someone's past
        ("About 20 women previously caught crossing the river have been held for weeks in Onsong.", "held"),
        ("A broker who formerly smuggled phones was arrested in Hyesan.", "arrested"),
        # cases counted or dated are acts told
        ("There were two cases of guards shooting smugglers at the river.", "shooting"),
        ("There were cases of guards shooting smugglers at the river in May.", "shooting"),
    ],
)
def test_news_beside_background_stays_an_act(verdict, text, word):
    modality, rule_id = verdict(text, word)
    assert modality is not None, rule_id


def _after_lead(nlp, text, word):
    """(modality, rule id) of a word in a sentence told after a lead, as background is."""
    from yalu.extract.modality import judge

    sent = list(nlp("Guards arrested two traders in Musan on Monday.\n" + text).sents)[1]
    v = judge(next(t for t in sent if t.text == word), sent, attributed=False)
    return v.modality, v.rule


@pytest.mark.parametrize(
    "text",
    [
        "According to the source, the border closure has led to a shortage of soap and cooking oil.",
        "Traders have been dodging the border closure by bribing the guards at night.",
        "Since spring, the authorities have strictly enforced the closure of the northern border.",
        "The mill stood idle for lack of parts, brought on by sanctions and the closure of the border.",
    ],
)
def test_the_standing_border_closure_is_background(nlp, text):
    assert _after_lead(nlp, text, "closure") == (None, "modality.genre.standing_closure")


@pytest.mark.parametrize(
    "text",
    [
        "The provincial committee announced the closure of the border on Tuesday.",  # the measure declared
        "Officials ordered a border closure after the fever cases were found.",  # a new one
        "The border closure on March 3 has led to a shortage of soap.",  # dated: the news
        "Guards closed the border to stop the smugglers.",  # the verb tells the act
    ],
)
def test_a_border_closure_told_as_news_stays(nlp, text):
    word = "closed" if "closed" in text else "closure"
    assert _after_lead(nlp, text, word)[1] != "modality.genre.standing_closure"
