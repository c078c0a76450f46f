"""Modality rules for what a class of people does, told in the present: the explanations
of how things work that Daily NK, RFA and ASIAPRESS put between the news ("Statements about
the crimes of those executed are used to send a signal", "trading companies are actively
involved in smuggling operations", "the North punishes families under guilt by
association"). The clause-level rule (modality.habitual) reads the trigger's own verb; these
read the clause above a participle, gerund or noun, and the object of a present verb;
class_voice, the condemnations and vows of ordinary people, which are no statement.

Registered in modality.RULES (imported by modality.py), with the habit rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .genericity import PRESENT, _finite, _headline, _up_to_clause, cues
from .modality import NO_ACT, Rule, Verdict, _generic, lexicon
from .rhetoric import DAY_WORDS, register

# what makes a noun one act or one group, not a class: "the arrests", "30 people", "his execution"
SPECIFIC = ("det", "nummod", "poss", "quantmod")
DIGIT = re.compile(r"\d")
# the verbs of a state said of a class ("companies are involved in", "those put on trial are those who")
COPULAS = frozenset(["be", "become", "remain", "seem", "appear"])


def _present(verb: Token) -> bool:
    """Simple present, active ("are", "punishes") or passive ("are used"): not the
    progressive of one act going on ("are raiding") nor the perfect ("have arrested")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in PRESENT and not auxes:
        return True
    return verb.tag_ == "VBN" and bool(auxes) and all(a.dep_ == "auxpass" and a.tag_ in PRESENT for a in auxes)


def _specific(trigger: Token) -> bool:
    """The trigger names one act or group: a determiner, number or owner on it or on the
    noun it describes ("the arrests", "30 people detained"), or a date in its words."""
    nouns = [trigger, trigger.head] if trigger.dep_ in ("acl", "amod") else [trigger]
    if any(c.dep_ in SPECIFIC and c.lower_ not in ("those", "such") for n in nouns if n.pos_ in ("NOUN", "PROPN") for c in n.children):
        return True
    return any(t.dep_ == "nummod" or t.lower_ in DAY_WORDS or DIGIT.search(t.text) for t in trigger.subtree)


def class_clause(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"Statements about the crimes of those executed are used to send a signal",
    "trading companies are actively involved in smuggling operations": an act's word with
    no tense of its own under a present passive or copula said of a class is a habit, not
    one act ("residents are angry about the arrests" names the article's arrests, and a
    chronology's active present, "soldiers kill seven of the infiltrators", its act: both stay)."""
    if trigger.pos_ in ("VERB", "AUX") and (trigger.dep_ == "conj" or any(c.dep_ in ("aux", "auxpass") for c in trigger.children)):
        return None  # "track down and kill": a verb joined to the clause's is its own act
    if trigger.tag_ in PRESENT + ("VBD", "MD") or _headline(sent) or _specific(trigger):
        return None
    clause = list(_up_to_clause(trigger))[-1]
    if clause == trigger or clause.pos_ not in ("VERB", "AUX") or not _present(clause):
        return None
    if clause.tag_ != "VBN" and clause.lemma_ not in COPULAS:
        return None  # a chronology's present is active: "soldiers kill seven out of a band of infiltrators"
    subjects = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
    if trigger in subjects:
        return None  # "inspections are under way": the act itself said to happen (modality.genre.occurred)
    if any(_generic(s) for s in subjects):
        return Verdict(NO_ACT, "modality.genre.class_clause")
    return None


def class_object(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The North punishes families under guilt by association", "the police confiscate
    phones and arrest users": a present verb done to a class (a bare plural object) is how
    things work. A chronology's present counts its people ("soldiers kill seven
    infiltrators") or dates them, and a headline is the present of news: both stay acts."""
    if trigger.pos_ != "VERB" or not _present(trigger) or trigger.tag_ not in PRESENT or _headline(sent):
        return None
    if DIGIT.search(sent.text) or any(t.lower_ in DAY_WORDS for t in sent):
        return None
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    if objects and all(o.tag_ == "NNS" and not any(c.dep_ in SPECIFIC for c in o.children) for o in objects):
        return Verdict(NO_ACT, "modality.genre.class_object")
    return None


def class_voice(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"North Koreans have condemned the mandatory donations", "residents vowed to rebuild":
    ordinary people's voice, which RFA and Daily NK relay, is no statement (the state's
    organs and leaders speak: "the ministry condemned", "Kim Jong Un vowed")."""
    c = cues()
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in c["voice_verbs"]:
        return None
    subjects = [s for s in trigger.children if s.dep_ == "nsubj"]
    if subjects and all(s.lower_ in c["public"] for s in subjects):
        return Verdict(NO_ACT, "modality.genre.class_voice")
    return None


def _class_noun(noun: Token) -> bool:
    """A bare plural that names a class of people: "citizens", "North Koreans", not "the
    citizens", "two soldiers" or "many defectors" (counted ones)."""
    return noun.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ in SPECIFIC or (c.dep_ == "amod" and c.lower_ in lexicon().counted) for c in noun.children)


def _told(verb: Token) -> bool:
    """The clause tells one past act: "arrested", "were caught" (a past progressive,
    "were searching", is a setting and is not)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ == "VBD" and not auxes) or (verb.tag_ == "VBN" and any(a.tag_ == "VBD" and a.lower_ != "had" for a in auxes))


def class_relative(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"entrap citizens attempting to contact relatives abroad", "there are cases of people
    trying to cross the border", "a channel for North Koreans who have escaped": an act told
    in a clause on a class of people (a bare plural) that is itself undated and untold, under
    a clause that tells no past act, says who they are, not what one of them did ("guards
    arrested residents trying to cross" and "people who crossed on Monday" stay acts)."""
    for t in _up_to_clause(trigger):
        if t.pos_ != "VERB":
            return None  # "troops guarding the zone in a series of firefights": a noun's act is its own
        noun = t.head
        if t.dep_ not in ("acl", "relcl") or noun.pos_ not in ("NOUN", "PROPN") or not _class_noun(noun):
            if t.dep_ in ("xcomp", "conj"):
                continue  # "trying to cross or fleeing": the verbs the clause's own verb governs
            return None  # "officials impersonating travelers to arrest defectors": a purpose, not their class
        if t.dep_ == "acl" and t.tag_ != "VBG":
            return None  # "defectors caught in China": a participle, modality.genre.class_clause's
        if t != trigger and t.lemma_.lower() not in cues()["attempt_verbs"]:
            return None  # "officials impersonating travelers to arrest defectors": what they are used for
        if t.dep_ == "relcl" and (_told(t) or not _finite(t)):
            return None  # "soldiers who deserted": one past act, maybe the news
        if any(w.lower_ in DAY_WORDS or DIGIT.search(w.text) for w in t.subtree):
            return None
        clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX") and _finite(a)), None)
        if clause is None or _told(clause) or _headline(sent):
            return None
        return Verdict(NO_ACT, "modality.genre.class_relative")
    return None


CLASS_RULES: list[tuple[str, Rule]] = [
    ("modality.genre.class_clause", class_clause),
    ("modality.genre.class_object", class_object),
    ("modality.genre.class_voice", class_voice),
]

register(CLASS_RULES, before="modality.hypothetical")
# after the rules that name the act more closely ("cracking down on people trying to flee" is
# modality.genre.targeted's)
register([("modality.genre.class_relative", class_relative)], before="modality.state_in_passing")
