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
                         "floor", "ceiling", "tower", "pit", "classroom", "hall", "factory", "warehouse", "barracks",
                         "dormitory", "hospital", "shop", "store", "market", "church", "temple", "hotel"])
# many acts rolled into one line
ROLL_UP_PHRASES = ("one after another", "last year and this year", "without a break", "without letup", "on end",
                   "time and again", "again and again", "every now and then", "in succession", "ceaselessly",
                   "incessantly", "this year alone", "every year", "each year", "annually", "every month")

# finite verbs: a clause of its own above the trigger ends the walk up
FINITE = ("VBD", "VBZ", "VBP", "MD")
NUMBER_WORDS = r"\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|scores of|hundreds of|several|many|numerous"
# the press's own voice: "The editorial calls upon all the people", "the reporter called for"
WRITINGS = frozenset(["editorial", "article", "commentary", "commentator", "reporter", "columnist", "analyst", "author",
                      "writer", "newspaper", "paper", "daily", "essay", "review", "book", "leaflet", "poster"])
# what state media calls a foreign report's claims: "such fabrications as 'forcible repatriation'"
# (a rumour is hearsay, judged as such by modality.hearsay, not a falsehood)
FALSEHOODS = frozenset(["fabrication", "lie", "falsehood", "slander", "smear", "fiction", "sophism", "hoax", "canard"])
# the verbs whose negation asserts the act they govern: "did not hesitate to fire"
DOUBLE_NEGATIVES = frozenset(["hesitate", "fail", "stop", "cease", "forget", "neglect"])
# what a meeting does with measures it has not yet taken ("consider" is also "regard": "they
# consider the derailment a national matter")
DISCUSSING = frozenset(["discuss", "debate", "propose", "deliberate"])
# forces standing everywhere at once are a standing state, not a deployment; a crackdown launched
# nationwide is still one (Daily NK), so only the verbs of posting forces are read so
POSTING = frozenset(["deploy", "dispatch", "station", "post", "send", "mobilize", "mobilise", "assign"])
EVERYWHERE = ("every province", "all provinces", "across the country", "throughout the country", "nationwide",
              "all parts of the country", "all over the country", "every part of the country", "every county",
              "every city")
# the words that date an act ("dispatched to the border on Monday")
DAY_WORDS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                       "today", "january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.",
                       "nov.", "dec.", "week", "month", "day"])
# "deployed more than ten times" rolls acts up; "checks several times a day" is the pace of one
# act going on (residents told to stay in and have their temperature taken), not a tally, unless
# a month or more of it is told ("crossed the MDL several times a day in June": separate acts)
PACE = r"\s+(?:a|an|per|each|every)\s+(?:day|night|week|month|hour)\b"
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
LONG_PERIOD = (rf"\s+(?:(?:in|during|throughout|over|for|since)\s+(?:the\s+(?:month|year|past|summer|winter|spring|autumn)|{MONTHS}|\d+\s+months)"
               r"|(?:last|this|that|all|the\s+whole)\s+(?:month|year|summer|winter|spring|autumn))\b")
TIMES = re.compile(rf"\b(?:{NUMBER_WORDS})\s+times\b(?!{PACE}(?!{LONG_PERIOD}))")


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
                             or (t.pos_ == "ADJ" and t.lower_ in CAPACITY_ADJECTIVES and not _managed(t))):
            return Verdict(NO_ACT, "modality.rhetoric.capacity")
    return None


def _managed(adjective: Token) -> bool:
    """"he was able to get his stock back after bribing the officials": what someone was
    able to do in the past is done, not a capacity."""
    return adjective.lower_ == "able" and adjective.head.lemma_ == "be" and adjective.head.tag_ == "VBD"


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
    if any((t.lemma_.lower() in COLLAPSIBLE or t.lower_ in COLLAPSIBLE) and not _of_something(t) for t in sent):
        return None
    return Verdict(NO_ACT, "modality.rhetoric.figurative_collapse")


def _of_something(t: Token) -> bool:
    """"the structure of sanctions", "the wall of distrust": a building word standing for
    something else (its "of" names what it is made of); "the roof of the school" names the
    school too."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


def roll_up(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"deployed more than ten times", "staged one after another", "13,000 people commit
    suicide every year": many acts rolled into one line, none of them told."""
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
    # a bare "bring" at the root with no auxiliary is a present the tagger missed
    bare_present = verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if trigger.dep_ != "nsubj" or (verb.tag_ not in ("VBZ", "VBP") and not bare_present):
        return None
    if verb.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in verb.children):
        return Verdict(NO_ACT, "modality.rhetoric.characterised")
    went_to = verb.lemma_ == "go" and any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in CHARACTERISING for c in verb.children)
    if went_to or (verb.lemma_ != "go" and verb.lemma_.lower() in CHARACTERISING):
        return Verdict(NO_ACT, "modality.rhetoric.characterised")  # "the exercises bring to light ..."
    return None


def writing_speaks(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The editorial calls upon all the people to ...", "the reporter ardently called for
    ...": a newspaper's words, not a leader's act or anyone's."""
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    if trigger.pos_ == "VERB" and subjects and all(s.lemma_.lower() in WRITINGS for s in subjects):
        return Verdict(NO_ACT, "modality.rhetoric.writing_speaks")
    return None


def fabrication(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The report is run through with such fabrications as 'forcible repatriation'": the
    act a rejected claim names, quoted as a falsehood."""
    if any(a.pos_ == "NOUN" and a.lemma_.lower() in FALSEHOODS for a in trigger.ancestors):
        return Verdict(NO_ACT, "modality.rhetoric.fabrication")
    return None


def denied_control(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The military of the DPRK did not let fly a drone", "never allowed the boats to cross":
    the act a negated verb governs did not happen ("did not hesitate to fire" it did)."""
    # the act's verb, or the verb above its noun ("did not let fly a drone")
    governed = trigger if trigger.pos_ == "VERB" else next((a for a in trigger.ancestors if a.pos_ == "VERB"), trigger)
    verb = governed.head
    # a clause a negated verb reports ("did not say why he deserted") is no denial: control verbs only
    if governed.dep_ != "xcomp" or verb.pos_ != "VERB" or verb.lemma_.lower() in DOUBLE_NEGATIVES:
        return None
    if any(c.dep_ == "neg" or (c.lower_ == "never" and c.dep_ == "advmod") for c in verb.children):
        return Verdict(NO_ACT, "modality.rhetoric.denied_control")
    return None


def discussed(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The meeting discussed such measures as the reinforcement of army units": a measure
    a meeting discussed, not one taken; the first verb above the act's noun decides."""
    if trigger.pos_ != "NOUN":
        return None
    verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.lemma_.lower() in DISCUSSING:
        return Verdict(NO_ACT, "modality.rhetoric.discussed")
    return None


def everywhere(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"since KPA units have been deployed in every province, city and county": forces posted
    all over the country, told in the present or perfect tense, are a standing state, not one
    deployment (a past one, "troops were deployed across the country on Monday", stays)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if trigger.lemma_.lower() not in POSTING:
        return None
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    past = verb.tag_ == "VBD" or auxiliaries & {"was", "were", "did", "had"}
    if past and not auxiliaries & {"has", "have"}:
        return None
    # the verb's own words: "the nationwide struggle to wipe out those who violated ..." is not it
    words = "".join(t.text_with_ws for t in verb.subtree).lower()
    if any(p in words for p in EVERYWHERE):
        return Verdict(NO_ACT, "modality.rhetoric.everywhere")
    return None


def standing(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The shock brigade of scientists dispatched to the committee is intensifying its
    activities": the act that formed a body, named in passing (undated) while the body's
    present doings are told."""
    if trigger.dep_ not in ("acl", "csubj") or (trigger.tag_ != "VBN" and trigger.dep_ != "csubj"):
        return None
    subject = trigger  # "the brigade dispatched to ... is": often parsed as the clause's subject itself
    if trigger.dep_ == "acl":
        subject = trigger.head
        while subject.dep_ in ("pobj", "prep", "compound", "conj", "appos") and subject.head != subject:
            subject = subject.head  # "the brigade of scientists dispatched to ...", hung on "scientists"
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            return None
    verb = subject.head
    present = verb.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("is", "are") for c in verb.children)
    dated = any(t.lower_ in DAY_WORDS for t in trigger.subtree if t.i > trigger.i)
    return Verdict(NO_ACT, "modality.rhetoric.standing") if present and not dated else None


STATE_MEDIA_RULES: list[tuple[str, Rule]] = [
    ("modality.rhetoric.capacity", capacity),
    ("modality.rhetoric.comparison", comparison),
    ("modality.rhetoric.stopped", stopped),
    ("modality.rhetoric.figurative_collapse", figurative_collapse),
    ("modality.rhetoric.roll_up", roll_up),
    ("modality.rhetoric.characterised", characterised),
    ("modality.rhetoric.writing_speaks", writing_speaks),
    ("modality.rhetoric.fabrication", fabrication),
    ("modality.rhetoric.denied_control", denied_control),
    ("modality.rhetoric.discussed", discussed),
    ("modality.rhetoric.everywhere", everywhere),
    ("modality.rhetoric.standing", standing),
]


def register(rules: list[tuple[str, Rule]], before: str = "modality.generic") -> None:
    """Put a family of rules into modality.RULES ahead of `before`, once."""
    if any(rule_id == rules[0][0] for rule_id, _ in RULES):
        return
    at = next(i for i, (rule_id, _) in enumerate(RULES) if rule_id == before)
    RULES[at:at] = rules


register(STATE_MEDIA_RULES)
