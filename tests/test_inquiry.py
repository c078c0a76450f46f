"""The acts an interview is about (yalu/extract/inquiry.py, modality.genre.topic and
modality.genre.inquiry): named as a talk's topic or an inquiry's aim, not told; the lead
that tells an act to the outlet stays an act.

All sentences are fictional, written in the style of Daily NK and ASIAPRESS copy for these
tests; none is real news.
"""

import pytest


@pytest.mark.parametrize(
    "text, word, rule_id",
    [
        ("A phone interview with a merchant from Chongjin gives more information about the recent purges and arrests.",
         "arrests", "modality.genre.topic"),
        ("Our reporter spoke with the former soldier about his desertion and the conditions in his unit.", "desertion",
         "modality.genre.topic"),
        ("The outlet interviewed a trader in Hyesan on May 3 to better understand how officials are handling the flood.",
         "flood", "modality.genre.inquiry"),
    ],
)
def test_an_interview_topic_is_no_act(verdict, text, word, rule_id):
    assert verdict(text, word) == (None, rule_id)


@pytest.mark.parametrize(
    "text, word",
    [
        ("A source told Daily NK about the arrest of five smugglers in Hyesan on Monday.", "arrest"),
        ("The source came to know that five smugglers were arrested in Hyesan.", "arrested"),
        ("Guards arrested two traders after a dispute about the bribes.", "arrested"),
    ],
)
def test_a_told_act_stays_an_act(verdict, text, word):
    modality, rule_id = verdict(text, word)
    assert modality is not None and rule_id not in ("modality.genre.topic", "modality.genre.inquiry"), (text, rule_id)
