"""Modality rules for habits told inside a phrase, which the clause-level rules of
modality.habitual do not see: an act named as a custom or a reputation ("a long tradition
of performing public executions", "the worst reputation for bribery"), an act given a
rate ("basic military training two to three months a year") and the second verb of a
present habit ("residents are assigned to units and mobilized"); and an act's word used
in another's sense, alone in quotation marks ("locals have been “imprisoned” once again").
The cue words are data (data/genericity.toml).

Registered in modality.RULES (imported by modality.py), after the generic and no-act rules.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .background import decade
from .classes import _specific
from .genericity import cues
from .modality import NO_ACT, Rule, Verdict, _habitual
from .rhetoric import FINITE, register
from .targets import _phrase_up


def custom(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"has a long tradition of performing public executions", "the worst reputation for
    bribery", "make a habit of setting up roadblocks": an act named as a custom."""
    customs = cues()["customs"]
    for t in _phrase_up(trigger):
        if t != trigger and t.dep_ == "prep" and t.lower_ in ("of", "for") and t.head.lemma_.lower() in customs:
            return Verdict(NO_ACT, "modality.genre.custom")
    return None


def _rate(t: Token) -> bool:
    """"(two months) a year", "(twice) per month": how often, said of a count (not "a year
    ago", nor "spent a week investigating", which is how long)."""
    c = cues()
    if t.lemma_.lower() not in c["rate_units"] or not any(d.dep_ == "det" and d.lower_ in c["rate_determiners"] for d in t.children):
        return False
    counts = [t.head, *(s for s in t.head.children if s != t), *t.children]  # "twice a month" may be one phrase
    return any(w.lower_ in c["rate_counts"] or (w.lemma_.lower() in c["rate_counts"] and w.tag_ == "NNS") for w in counts)


def rate(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"basic military training two to three months a year", "they cross twice a month": an
    act given a rate is a habit, not one act."""
    near = [*trigger.subtree] if trigger.pos_ not in ("VERB", "AUX") else []
    for t in (trigger, *trigger.ancestors):  # the verbs up to the clause's own: "held firing drills four months a year"
        near += [c for c in t.children if c.dep_ == "npadvmod"] if t.pos_ in ("VERB", "AUX") else []
        if t.tag_ in FINITE:
            break
    for t in near:
        if (t.dep_ == "npadvmod" and _rate(t)) or any(d.dep_ == "npadvmod" and _rate(d) for d in t.children):
            return Verdict(NO_ACT, "modality.genre.rate")
    return None


def habitual_conj(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"residents are assigned to units and mobilized", "smugglers are usually caught and
    sent to camps": a verb joined to a present habit with no subject or auxiliary of its
    own shares the habit."""
    if trigger.dep_ != "conj" or trigger.head.pos_ != "VERB" or trigger.tag_ not in ("VBN", "VBD", "VB", "VBP", "VBZ"):
        return None
    if trigger.tag_ in ("VB", "VBP", "VBZ") and (_specific(trigger) or any(t.like_num for t in trigger.subtree)):
        return None  # a chronology's present counts or dates: "track down and kill 13 armed agents", "capture two"
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in trigger.children):
        return None
    return Verdict(NO_ACT, "modality.genre.habitual_conj") if _habitual(trigger.head) else None


OPENING = ("“", '"', "‘", "'")
CLOSING = ("”", '"', "’", "'")


def scare_quoted(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"locals have suddenly been “imprisoned” once again", "the word “battle”": an act's
    word alone in quotation marks is used in another's sense, not told as an act."""
    doc = sent.doc
    if trigger.i == sent.start or trigger.i + 1 >= sent.end or trigger.tag_ == "VB":
        return None  # "ordered agents to “roundup” phone users": the order's own term
    if any(c.dep_ in ("dobj", "agent") for c in trigger.children):
        return None  # "guards “shot” a man": the act is told, in the source's word
    if doc[trigger.i - 1].text in OPENING and doc[trigger.i + 1].text in CLOSING:
        return Verdict(NO_ACT, "modality.genre.scare_quoted")
    return None


HABIT_RULES: list[tuple[str, Rule]] = [
    ("modality.genre.custom", custom),
    ("modality.genre.rate", rate),
    ("modality.genre.habitual_conj", habitual_conj),
    ("modality.genre.scare_quoted", scare_quoted),
]

register(HABIT_RULES, before="modality.hypothetical")
# an act told in a decade is history (background.py), once the habits have named theirs: "held
# firing drills four months a year in the 1990s" is a rate
register([("modality.genre.decade", decade)], before="modality.hypothetical")
