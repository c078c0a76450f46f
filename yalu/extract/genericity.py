"""Modality rules for the news genre's acts named but not reported as the story's incidents:
a precedent recalled to measure the news by ("the last such incident took place in March
when a soldier fled"), a habit or a practice ("they attempt to cross", "continues to
execute"), an example of a kind of act ("such as flying balloons"), what a charge or a
conviction says ("on charges of selling drugs", "convicted of spying") and an act ordered ("is to be investigated"). The cue words are data (data/genericity.toml).

Registered in modality.RULES (imported by modality.py), before the generic-mention rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from .. import resources
from .modality import NO_ACT, Rule, Verdict, _generic, _habitual, _noun_not_an_act, lexicon
from .rhetoric import register

FINITE = ("VBD", "VBZ", "VBP", "MD")
PRESENT = ("VBZ", "VBP")


@cache
def cues() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in resources.load("genericity.toml").items()}


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own: "fled", "are sent", not "to cross" or "crossing"."""
    return verb.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in verb.children)


def _up_to_clause(trigger: Token) -> Iterator[Token]:
    """The trigger and the words above it up to the first verb with a tense of its own
    (included): the non-finite chain "help people cross", "attempting to escape"."""
    t = trigger
    while True:
        yield t
        if t.head == t or (t.pos_ in ("VERB", "AUX") and _finite(t)):
            return
        t = t.head


def _when_clause(trigger: Token) -> Token | None:
    """The "when" clause (adverbial or relative) that holds the trigger, if any."""
    for t in _up_to_clause(trigger):
        # the parser may hang "when" on the second of two verbs ("when a pilot defected and landed")
        if t.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" for v in (t, *t.conjuncts) for c in v.children):
            return t
    return None


def _precedent_noun(noun: Token) -> bool:
    """"the last such incident", "the first air raid warning"."""
    c = cues()
    ordinal = any(m.lower_ in c["precedent_ordinals"] for m in noun.children)
    return ordinal and (noun.lemma_.lower() in c["precedent_nouns"] or any(m.lower_ == "such" for m in noun.children))


def precedent(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The last such incident took place in March when a soldier fled", "the first alert
    was issued on Feb. 25, 1983, when a pilot defected", "the first launch since 2019, when
    the North fired ...": an earlier act recalled to measure the news by."""
    clause = _when_clause(trigger)
    if clause is None:
        return None
    head = clause.head
    if clause.dep_ == "relcl":
        if head.head.lower_ == "since":
            return Verdict(NO_ACT, "modality.genre.precedent")  # "since 2019, when ..."
        while head.dep_ in ("pobj", "prep", "npadvmod", "appos") and head.head != head:
            head = head.head  # "on Feb. 25, 1983, when ...": the clause the date belongs to
    told = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "attr")]
    return Verdict(NO_ACT, "modality.genre.precedent") if any(_precedent_noun(n) for n in told) else None


def habitual_clause(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """An infinitive act under a present clause of a class ("they attempt to cross the
    river", "they help people cross"), or of a practice ("continues to execute, torture
    and arrest"): a habit, not one act. (A chronology's present, "South Korean soldiers
    kill seven infiltrators", is the trigger's own clause and stays an act.)"""
    t = trigger
    while t.dep_ == "conj" and t.head.pos_ == "VERB" and not _finite(t.head):
        t = t.head  # "to execute, torture and arrest": the list shares its clause
    if t.pos_ != "VERB" or _finite(t) or t.dep_ not in ("xcomp", "ccomp"):
        return None
    clause = t.head
    if clause.pos_ not in ("VERB", "AUX") or clause.tag_ not in PRESENT or any(c.dep_ == "aux" for c in clause.children):
        return None  # "are trying to cross": this one attempt, now
    if clause.lemma_.lower() in cues()["practice_verbs"]:
        return Verdict(NO_ACT, "modality.genre.practice")
    if any(_generic(s) for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")):
        return Verdict(NO_ACT, "modality.genre.habitual")
    return None


def whenever_pair(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"When the North executes an official or purges a general, the world protests": the
    second act of a present whenever clause happens whenever the first does."""
    first = trigger
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    if first is trigger or trigger.tag_ not in PRESENT or first.tag_ not in PRESENT:
        return None
    if first.dep_ == "advcl" and first.head.tag_ in PRESENT and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in lexicon().whenever for c in first.children
    ):
        return Verdict(NO_ACT, "modality.genre.whenever")
    return None


def habitual_reason(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"Families are banished for having members who fled": the ground of a punishment
    told as a habit is a class of acts too."""
    reason = next((a for a in trigger.ancestors if a.dep_ == "prep" and a.lower_ == "for"), None)
    if reason is not None and reason.head.pos_ == "VERB" and _habitual(reason.head):
        return Verdict(NO_ACT, "modality.genre.habitual_reason")
    return None


def example(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"illegal activity, including taking bribes to help people cross the border", "such
    as flying balloons": a bare gerund that gives an example of a kind of act."""
    preps = cues()["example_preps"]
    for t in _up_to_clause(trigger):
        gerund = t if t.tag_ == "VBG" else None
        if gerund is None:
            continue
        prep = gerund.head
        if gerund.dep_ == "amod" and gerund.head.dep_ == "pobj":
            prep = gerund.head.head  # "such as flying balloons" read as an adjective
        elif gerund.dep_ not in ("pcomp", "pobj"):
            continue
        if any(c.dep_ in ("nsubj", "poss") for c in gerund.children):
            continue  # "including his crossing": one person's act
        if prep.lower_ in preps and (prep.lower_ != "as" or any(p.lower_ == "such" for p in (prep.nbor(-1), *prep.children))):
            return Verdict(NO_ACT, "modality.genre.example")
    return None


def charge_content(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"arrested on charges of selling drugs", "seized on trespassing and smuggling
    charges", "convicted of spying": what a charge says is the arrest's or the trial's
    ground, not an act the report tells. ("Suspected of taking bribes" is the act, alleged.)"""
    c = cues()
    n = trigger
    while n.dep_ == "conj" and n.head != n:
        n = n.head
    if n.dep_ in ("nmod", "compound", "amod") and n.head.lower_ in c["charge_nouns"]:
        return Verdict(NO_ACT, "modality.genre.charge_content")
    for t in _up_to_clause(n):
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "of":
            holder = t.head.head
            if holder.lower_ in c["charge_nouns"] | c["charge_words"]:
                return Verdict(NO_ACT, "modality.genre.charge_content")
    return None


def obligation(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"every official is to be investigated", "the workers are to be sent home": an act
    ordered, not done."""
    to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children)
    if to and trigger.dep_ == "xcomp" and trigger.head.lemma_ == "be" and trigger.head.tag_ in FINITE:
        return Verdict("planned", "modality.genre.obligation")
    return None


def proper_noun(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """A disease's name tagged as a proper noun ("due to the COVID-19 outbreak") is read
    by the noun rules like any other act's noun."""
    if trigger.pos_ != "PROPN" or trigger.dep_ not in ("compound", "pobj", "dobj", "nsubj", "conj"):
        return None
    found = _noun_not_an_act(trigger)
    return Verdict(NO_ACT, found) if found else None


GENRE_RULES: list[tuple[str, Rule]] = [
    ("modality.genre.obligation", obligation),
    ("modality.genre.precedent", precedent),
    ("modality.genre.habitual", habitual_clause),
    ("modality.genre.whenever", whenever_pair),
    ("modality.genre.habitual_reason", habitual_reason),
    ("modality.genre.example", example),
    ("modality.genre.charge_content", charge_content),
    ("modality.genre.proper_noun", proper_noun),
]

register(GENRE_RULES)
