"""Modality rules for acts not done, in two shapes the clause-level rules miss: the inverted
conditional ("could have undermined the leadership had the leader's train been passing at
the time", "were the talks to fail"), which has no "if" for modality.hypothetical to see,
and the drills a navigation notice or warning is given for ("warned ships to stay away
through July 10 for military exercises"), which are planned; and the risk a disaster or
a condition poses ("the drought is threatening to aggravate shortages"), which is no
statement. The cue words are data (data/genericity.toml).

Registered in modality.RULES (imported by modality.py), with the habit rules.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .genericity import cues
from .modality import NO_ACT, Rule, Verdict, lexicon
from .rhetoric import register
from .senses import subjects

# the auxiliaries that open an inverted condition: "had it been", "were it to", "should it fail"
INVERTING = frozenset(["had", "were", "should"])


def inverted_condition(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"had the leader's train been passing at the time", "were the North to fire": an
    auxiliary before its subject, in a sentence that asks nothing, is a condition."""
    if sent.text.rstrip().rstrip("”\"'’)").endswith("?"):
        return None
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    opening = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in INVERTING]
    if subjects and opening and min(opening) < min(subjects) and verb.i > min(subjects):
        return Verdict(NO_ACT, "modality.genre.inverted_condition")
    return None


def noticed(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"warned ships to stay away from its east coast through July 10 for military exercises":
    the drills a notice is given for are planned ("fired shells during the drills" holds them)."""
    c = cues()
    if trigger.lower_ not in c["notice_acts"] or trigger.dep_ != "pobj" or trigger.head.lower_ != "for":
        return None
    if any(a.lemma_.lower() in c["notice_verbs"] for a in trigger.head.ancestors):
        return Verdict("planned", "modality.genre.noticed")
    return None


def risk(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The worst drought in decades is threatening to aggravate food shortages": a disaster
    or a condition that threatens something is a risk, not a statement ("the North
    threatened to fire" has a speaker and stays)."""
    c = cues()
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in c["risk_verbs"]:
        return None
    doers = subjects(trigger)  # a joined verb's too: "the drought is wreaking havoc and threatening ..."
    if doers and all(s.lemma_.lower() in lexicon().disasters | c["conditions"] for s in doers):
        return Verdict(NO_ACT, "modality.genre.risk")
    return None


NOT_YET_RULES: list[tuple[str, Rule]] = [
    ("modality.genre.inverted_condition", inverted_condition),
    ("modality.genre.noticed", noticed),
    ("modality.genre.risk", risk),
]

register(NOT_YET_RULES, before="modality.hypothetical")
