"""Modality rules for the state-media genre: rhetoric that uses an act's word without
reporting an act. KCNA's speeches and commentaries boast of readiness ("readiness to make
a sudden attack"), compare ("greater than shooting down 100 aircraft"), wish a rival's
"collapse" and roll a year of drills into one line; the same
idiom in Daily NK or Yonhap copy reports no act either.

Registered in modality.RULES (imported by modality.py), before the generic-mention rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .modality import NO_ACT, RULES, Rule, Verdict, _own_clause_text

# the genre's idiom, kept here (modality.toml's schema is the shared lists'):
# "the readiness to make a sudden attack", "the promptness of preemptive attack": a capacity
CAPACITY_HEADS = frozenset(["readiness", "preparedness", "promptness", "effectiveness", "capability", "capabilities",
                            "intention", "posture", "mettle", "determination", "resolve", "spirit", "ability"])
# "capable of beating any enemy", "ready to attack": what a force can do
CAPACITY_ADJECTIVES = frozenset(["capable", "able", "ready", "prepared"])
# "in demand of the halt to the drills", "an end to the exercises": acts asked to stop
STOPPED = frozenset(["halt", "end", "stop", "suspension", "cessation", "withdrawal", "cancellation", "discontinuation"])
# "the current exercises bring to light the provocative nature", "maneuvers go to highlight":
# acts characterised in the present tense
CHARACTERISING = frozenset(["show", "prove", "reveal", "highlight", "go", "bring", "demonstrate", "testify", "expose",
                            "indicate", "mean", "constitute", "pose", "betray"])
# what can collapse; "the collapse of the regime" is a wish
COLLAPSIBLE = frozenset(["building", "bridge", "dam", "house", "houses", "apartment", "apartments", "roof", "wall",
                         "tunnel", "shaft", "mine", "embankment", "road", "stadium", "school", "structure", "block",
                         "floor", "ceiling", "tower", "pit"])
# many acts rolled into one line
ROLL_UP_PHRASES = ("one after another", "last year and this year", "without a break", "without letup", "on end",
                   "time and again", "again and again", "every now and then", "in succession", "ceaselessly",
                   "incessantly", "this year alone")

# finite verbs: a clause of its own above the trigger ends the walk up
FINITE = ("VBD", "VBZ", "VBP", "MD")
NUMBER_WORDS = r"\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|scores of|hundreds of|several|many|numerous"
TIMES = re.compile(rf"\b(?:{NUMBER_WORDS})\s+times\b")


def _up(trigger: Token, hops: int = 4):
    """The trigger and the words above it in its own clause, nearest first."""
    t = trigger
    for _ in range(hops):
        yield t
        if t.head == t or t.head.tag_ in FINITE:
            return
        t = t.head


def capacity(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"in full readiness to make a surprise attack", "the promptness and effectiveness of
    preemptive attack": a capacity boasted of, not an act done."""
    for t in _up(trigger):
        if t != trigger and ((t.pos_ == "NOUN" and t.lemma_.lower() in CAPACITY_HEADS)
                             or (t.pos_ == "ADJ" and t.lower_ in CAPACITY_ADJECTIVES)):
            return Verdict(NO_ACT, "modality.rhetoric.capacity")
    return None


def stopped(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"protests in demand of the halt to the military exercises", "calling for an end to
    the drills": the acts asked to stop are named, not reported."""
    # read off the words, not the parse: "the halt to the exercises" is often misattached
    start = min(trigger.left_edge.i, trigger.i)
    if start >= 2 and sent.doc[start - 1].lower_ in ("to", "of") and sent.doc[start - 2].lemma_.lower() in STOPPED:
        return Verdict(NO_ACT, "modality.rhetoric.stopped")
    return None


def comparison(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"a success greater than shooting down 100 enemy aircraft": a measure, not an act."""
    if any(t.dep_ == "pcomp" and t.head.lower_ == "than" for t in _up(trigger, 2)):
        return Verdict(NO_ACT, "modality.rhetoric.comparison")
    return None


def figurative_collapse(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"the verge of collapse", "the collapse of the sovereign state": a regime's or an
    order's fall wished for; a collapse is a disaster when a building, bridge or mine falls."""
    if trigger.lemma_.lower() != "collapse":
        return None
    if any(t.lemma_.lower() in COLLAPSIBLE or t.lower_ in COLLAPSIBLE for t in sent):
        return None
    return Verdict(NO_ACT, "modality.rhetoric.figurative_collapse")


def roll_up(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"deployed more than ten times", "staged one after another": many acts rolled into
    one line, none of them told."""
    text = _own_clause_text(trigger, sent)
    if TIMES.search(text) or any(p in text for p in ROLL_UP_PHRASES):
        return Verdict(NO_ACT, "modality.rhetoric.roll_up")
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    present = verb.tag_ in ("VBZ", "VBP") or any(  # "is staging", "has staged", "has been staging"
        c.dep_ == "aux" and c.lower_ in ("is", "are", "has", "have") for c in verb.children)
    if present and "this year" in text:
        return Verdict(NO_ACT, "modality.rhetoric.roll_up")  # "This year, it is staging frantic drills"
    return None


def characterised(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The military drill of the U.S. and the ROK is a very dangerous provocation", "the launch
    of a satellite is an inevitable undertaking": an act (or a class of acts) judged in the
    present tense, not reported; its report, if any, is a clause of its own."""
    verb = trigger.head
    if trigger.dep_ != "nsubj" or verb.tag_ not in ("VBZ", "VBP"):
        return None
    if verb.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in verb.children):
        return Verdict(NO_ACT, "modality.rhetoric.characterised")
    went_to = verb.lemma_ == "go" and any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in CHARACTERISING for c in verb.children)
    if went_to or (verb.lemma_ != "go" and verb.lemma_.lower() in CHARACTERISING):
        return Verdict(NO_ACT, "modality.rhetoric.characterised")  # "the exercises bring to light ..."
    return None


STATE_MEDIA_RULES: list[tuple[str, Rule]] = [
    ("modality.rhetoric.capacity", capacity),
    ("modality.rhetoric.comparison", comparison),
    ("modality.rhetoric.stopped", stopped),
    ("modality.rhetoric.figurative_collapse", figurative_collapse),
    ("modality.rhetoric.roll_up", roll_up),
    ("modality.rhetoric.characterised", characterised),
]


def register(rules: list[tuple[str, Rule]], before: str = "modality.generic") -> None:
    """Put a family of rules into modality.RULES ahead of `before`, once."""
    if any(rule_id == rules[0][0] for rule_id, _ in RULES):
        return
    at = next(i for i, (rule_id, _) in enumerate(RULES) if rule_id == before)
    RULES[at:at] = rules


register(STATE_MEDIA_RULES)
