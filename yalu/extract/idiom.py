"""Modality rules for idioms: an act's word in a phrase that means something else. "In
order to" orders nothing, "dealt a heavy blow to defeatism" blew nothing up, "carried out
the plan for producing nuclear materials" tested nothing, "the execution of the Party's
policies" killed no one, "the contest closed" closed no border, "the busts of the
martyrs" are statues and "the West Sea Barrage Office" is a name. KCNA's prose is full of
them; Daily NK or Yonhap copy uses the same English, and reads the same way.

Registered in modality.RULES (imported by modality.py), before the generic-mention rules.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .modality import NO_ACT, Rule, Verdict
from .rhetoric import register
from .senses import objects as done_to

# (the act's word, the word that makes it a figure): "dealt a blow to", "blazed a trail"
# and the builder's "reinforcing bar" (steel rods, no fortification)
FIGURES = frozenset([("blow", "deal"), ("blow", "strike"), ("blaze", "trail"), ("reinforce", "bar")])
# what is carried out or executed when an act's verb governs it: a plan, not an act
PLANS = frozenset(["plan", "plans", "policy", "policies", "task", "tasks", "decision", "decisions", "line", "lines",
                   "programme", "program", "project", "projects", "assignment", "quota", "goal", "goals", "target",
                   "resolution", "resolutions", "instruction", "instructions", "duty", "duties", "strategy", "idea"])
# the words of carrying a plan out: "carried out the plan", "the execution of the policies"
EXECUTING = frozenset(["carry", "conduct", "execute", "implement", "fulfil", "fulfill", "perform", "accomplish",
                       "execution", "implementation", "fulfilment", "fulfillment", "accomplishment"])
# what opens and closes as an event does: "the 60th sports contest closed"
EVENTS = frozenset(["contest", "competition", "games", "tournament", "festival", "exhibition", "show", "fair",
                    "meeting", "session", "plenary", "congress", "conference", "forum", "seminar", "symposium",
                    "ceremony", "course", "camp", "olympiad", "championship", "championships", "match", "event"])
# what a blast moves at a quarry, a mine or a building site
SPOIL = frozenset(["earth", "rock", "rocks", "ore", "stone", "stones", "soil", "cubic", "overburden", "bedrock"])


def in_order(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"in order to hasten the accomplishment of the policy": a purpose, not an order."""
    doc = trigger.doc
    if trigger.lower_ != "order" or trigger.i == 0 or trigger.i + 1 >= len(doc):
        return None
    if doc[trigger.i - 1].lower_ == "in" and doc[trigger.i + 1].lower_ in ("to", "that", "for"):
        return Verdict(NO_ACT, "modality.idiom.in_order")
    return None


def figure(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"dealt a heavy blow to defeatism", "the forerunners who blazed a trail", "making blocks
    and reinforcing bar": the act's word in a fixed phrase, with its verb or its object."""
    lemma = trigger.lemma_.lower()
    partners = {trigger.head.lemma_.lower()} | {c.lemma_.lower() for c in trigger.children if c.dep_ == "dobj"}
    if any((lemma, p) in FIGURES for p in partners):
        return Verdict(NO_ACT, "modality.idiom.figure")
    return None


def plan_carried_out(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"for having carried out the plan for producing nuclear materials", "distorting the
    execution of the Party's policies": a plan or a policy carried out, not the act its
    words name (a test, an execution)."""
    if trigger.lemma_.lower() not in EXECUTING:
        return None
    objects = done_to(trigger)
    if trigger.pos_ == "VERB" and not objects:  # "carried out without fail the plan": misattached
        objects = [next((t for t in sent[trigger.i - sent.start + 1:][:6] if t.pos_ == "NOUN"), trigger)]
    if any(o.lower_ in PLANS for o in objects):
        return Verdict(NO_ACT, "modality.idiom.plan_carried_out")
    # "claiming to implement the policies, they distort their execution": the plans named before
    before = {t.lower_ for t in sent if t.i < trigger.i}
    if trigger.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children) and before & PLANS:
        return Verdict(NO_ACT, "modality.idiom.plan_carried_out")
    return None


def event_closed(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The 60th National Sports School Contest closed": an event ended, not a place shut."""
    if trigger.lemma_.lower() not in ("close", "open") or trigger.pos_ != "VERB":
        return None
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and all(s.lemma_.lower() in EVENTS for s in subjects):
        return Verdict(NO_ACT, "modality.idiom.event_closed")
    return None


def name_part(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"the West Sea Barrage Office", "the Flood Control Commission": the act's word as a
    capitalised word inside a name, modifying the name's head."""
    if trigger.i == sent.start or not trigger.text[:1].isupper() or trigger.dep_ != "compound":
        return None
    head = trigger.head
    if head.i > trigger.i and head.tag_ in ("NNP", "NNPS") and head.text[:1].isupper():
        return Verdict(NO_ACT, "modality.idiom.name_part")
    return None


def statue(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"placed flowers before the busts of the martyrs": a bust of someone is a sculpture."""
    if trigger.lemma_.lower() != "bust" or trigger.pos_ != "NOUN":
        return None
    of_people = any(p.pos_ == "PROPN" for prep in trigger.children if prep.lower_ == "of" for p in prep.children)
    if of_people or any(c.lemma_.lower() == "statue" for c in trigger.conjuncts):
        return Verdict(NO_ACT, "modality.idiom.statue")
    return None


def blasting_work(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"conducted the blasting of 350,000 cubic metres of earth": a quarry's or a building
    site's work, not an explosion."""
    if trigger.lemma_.lower() not in ("blast", "blasting"):
        return None
    moved = {t.lower_ for t in trigger.subtree}
    if moved & SPOIL:
        return Verdict(NO_ACT, "modality.idiom.blasting_work")
    return None


IDIOM_RULES: list[tuple[str, Rule]] = [
    ("modality.idiom.in_order", in_order),
    ("modality.idiom.figure", figure),
    ("modality.idiom.plan_carried_out", plan_carried_out),
    ("modality.idiom.event_closed", event_closed),
    ("modality.idiom.name_part", name_part),
    ("modality.idiom.statue", statue),
    ("modality.idiom.blasting_work", blasting_work),
]

register(IDIOM_RULES)
