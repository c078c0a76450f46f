"""Modality rules for the acts an interview is about: Daily NK's and ASIAPRESS's interviews
open by saying what the talk will cover ("a phone interview with a trader offers more
detailed information about the ongoing purges and crackdowns", "Daily NK spoke with the
former prisoner about her imprisonment", "an interview ... to better understand how the
authorities are dealing with the outbreak"); the acts themselves are told, if at all, in
the answers. The cue words are data (data/genericity.toml).

Registered in modality.RULES (imported by modality.py), with the habit rules.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .clause import to_infinitive
from .genericity import cues
from .modality import NO_ACT, Rule, Verdict
from .rhetoric import register

# the links of a noun phrase: "about the purges and crackdowns in North Korea"
NOUN_LINKS = ("pobj", "conj", "compound", "amod", "nmod", "appos")


def _topic_prep(trigger: Token) -> Token | None:
    """The "about" whose object phrase holds the trigger, if any."""
    t = trigger
    while t.dep_ in NOUN_LINKS and t.head != t:
        if t.dep_ == "pobj" and t.head.lower_ in cues()["topic_preps"]:
            return t.head
        t = t.head
    return None


def topic(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"offers more detailed information about the ongoing purges", "spoke with the former
    prisoner about her imprisonment": an act named as what a talk is about."""
    c = cues()
    prep = _topic_prep(trigger)
    if prep is None:
        return None
    # the parser hangs "about" on the nearest verb ("the prisoner, who was held at ..., about ...")
    if prep.head.lemma_.lower() in c["topic_heads"] or sent.root.lemma_.lower() in c["topic_heads"]:
        return Verdict(NO_ACT, "modality.genre.topic")
    return None


def inquiry(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"conducted an interview ... to better understand how the authorities are dealing with
    the outbreak": what an inquiry means to find out is not told by it ("came to know that
    five were arrested" is told: only a purpose clause is read)."""
    for t in trigger.ancestors:
        if t.dep_ == "advcl" and t.tag_ == "VB" and t.lemma_.lower() in cues()["inquiry_verbs"] and _open_question(t):
            return Verdict(NO_ACT, "modality.genre.inquiry")
    return None


def _open_question(verb: Token) -> bool:
    """"to understand how ...", "to learn whether ...": an infinitive asking an open question
    ("came to know that five were arrested", which the parser also reads as a purpose, learnt a fact)."""
    return to_infinitive(verb) and any(
        g.tag_ in ("WRB", "WP", "WDT") or g.lower_ in ("whether", "if")
        for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children
    )


INQUIRY_RULES: list[tuple[str, Rule]] = [
    ("modality.genre.topic", topic),
    ("modality.genre.inquiry", inquiry),
]

register(INQUIRY_RULES, before="modality.hypothetical")
