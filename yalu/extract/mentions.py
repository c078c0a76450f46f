"""Candidate mentions: every trigger in its clause, with its modality and its slots
(place, time, actors, quantities, source) as its own sentence gives them, recoded
by the sentence's frame, with the act an arrest is *for* folded into the arrest as its charge."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Span, Token

from .. import dates, resources
from ..annotate.index import starting_in
from ..model import Actor, Article, Attribution, Location, Quantity, TimeSpan
from ..ontology import has
from ..places.geoparse import Geoparser, PlaceMention
from .actors import actors as find_actors
from .attribution import Citation, corroboration, sentence_attribution
from .modality import judge
from .quantities import quantities as find_quantities
from .senses import objects, subjects
from .triggers import find_triggers


@dataclass
class Mention:
    event_type: str
    trigger: Token
    sent: Span
    window: list[Token]
    weight: float
    modality: str
    paragraph: int
    location: Location | None = None
    place_inherited: bool = False
    time: TimeSpan | None = None
    time_inherited: bool = False
    actors: list[Actor] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attribution: Attribution | None = None
    corroboration: list[str] = field(default_factory=list)
    charged: bool = False  # an arrest told with what it was for: the offence is folded into it as its charge
    kind: str = ""  # the kind of act its word names (triggers.toml `kinds`): death, prison, exile
    background: bool = False  # a short item's look back at an earlier act
    # dated by its own words over a month before the report (cluster.dated_look_back)
    looks_back: bool = False
    # the rules that made it, by step (trigger, frame, modality, place, date): its audit trail
    rules: dict[str, str] = field(default_factory=dict)

    def set_place(self, location: Location, rule: str, inherited: bool = True) -> None:
        """A place taken from the mention's context (or, not inherited, one that makes its
        own more precise), and the rule that lent it."""
        self.location, self.place_inherited = location, inherited
        self.rules["place"] = rule

    def set_time(self, time: TimeSpan | None, rule: str) -> None:
        """A time taken from the mention's context, and the rule that lent it."""
        self.time, self.time_inherited = time, time is not None
        if time is not None:
            self.rules["date"] = rule


def paragraphs(text: str) -> list[int]:
    """Start offsets of the paragraphs (blank-line or line separated)."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]


def _paragraph_of(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def read_sentence(
    sent: Span,
    article: Article,
    geoparser: Geoparser,
    article_places: Callable[[], list[PlaceMention]],  # found once a trigger's rules ask for them
    found_dates: Callable[[], list[dates.DateMention]],  # the article's, read once they are asked for
    cites: list[Citation],
    paragraph_starts: list[int],
) -> list[Mention]:
    # places sorted by start: those of this sentence, found by bisection
    here = cache(lambda: starting_in(article_places(), sent.start_char, sent.end_char))
    triggers = find_triggers(sent, lambda tokens: geoparser.tags(tokens, here()))
    if not triggers:
        return []
    places = here()
    attribution = sentence_attribution(sent, cites, article.outlet)
    corroborating = corroboration(sent, cites, article.outlet)
    in_sentence = starting_in(found_dates(), sent.start_char, sent.end_char)
    spoken = dates.reporting_date(sent, in_sentence)
    stated = find_quantities(sent.text)  # read once: a sentence of many acts is read once, not once an act
    out = []
    for trigger in triggers:
        verdict = judge(trigger.token, sent, attributed=attribution is not None)
        if verdict.modality is None:
            continue
        governing = None
        referring = _back_reference(trigger.token) or _offence_charged(trigger.token, triggers)
        if not referring:
            candidates = [d for d in in_sentence if d is not spoken]
            governing = (dates.governing_date(sent, trigger.token, candidates)
                         or dates.after_clause_date(sent, trigger.token, candidates))
        time = governing.span if governing else None
        if (time is not None and spoken is not None and spoken.span.end and time.end
                and (time.start is None or time.start <= spoken.span.end) and spoken.span.end < time.end):
            # what a source told us on Tuesday happened on or before Tuesday (a speaking
            # before the act's start is a weekday read in the wrong week: "tested a weapon on
            # Wednesday, KCNA said on Thursday" published Wednesday abroad; the act keeps its date)
            time = TimeSpan(time.start, spoken.span.end, time.precision, time.expression)
        location = None if referring or _people_of(trigger.token) else geoparser.locate(
            trigger.token, sent, places, trigger.event_type)
        rules = {"trigger": trigger.rule.id, "modality": verdict.rule}
        if location is not None:
            rules["place"] = "place.clause"
        if governing is not None:
            rules["date"] = governing.rule
        out.append(
            Mention(
                event_type=trigger.event_type,
                trigger=trigger.token,
                sent=sent,
                window=trigger.window,
                weight=trigger.rule.weight,
                modality=verdict.modality,
                paragraph=_paragraph_of(paragraph_starts, sent.start_char),
                location=location,
                time=time,
                actors=find_actors(sent, trigger.token, trigger.window, trigger.event_type),
                quantities=list(stated),
                attribution=attribution,
                corroboration=corroborating,
                rules=rules,
                kind=trigger.rule.kind_of(trigger.token),
            )
        )
    told = [m.event_type for m in out]
    for m, before in zip(_apply_frames(out), told):
        if m.event_type != before and "place" in m.rules:
            # a recoded act's place is read again for its new type: a defector who swam back
            # "into Kaesong" went there, where a defection's place is the one left
            m.location = geoparser.locate(m.trigger, m.sent, places, m.event_type)
            m.rules.pop("place", None)
            if m.location is not None:
                m.rules["place"] = "place.clause"
    return _absorb_charges(out)


def frames() -> list[dict]:
    return resources.load("frames.toml")["frame"]


def _apply_frames(mentions: list[Mention]) -> list[Mention]:
    """Recode mentions by the frame the sentence tells them in (data/frames.toml); a
    frame that `keeps` the mention adds a copy of the other type beside it."""
    for frame in frames():
        added = []
        for m in mentions:
            if not _framed(m, frame, mentions):
                continue
            if frame.get("keeps"):
                added.append(replace(m, event_type=frame["becomes"], actors=list(m.actors), rules={**m.rules, "frame": frame["id"]}))
            else:
                m.event_type = frame["becomes"]
                m.rules["frame"] = frame["id"]
        mentions += added
    return mentions


def _framed(m: Mention, frame: dict, mentions: list[Mention]) -> bool:
    """The mention is of the frame's types, told by its trigger words, by its actor (one
    of a list) in its role, by one of its `agents` to one of its `objects`, beside a mention
    of its `with_type` (with `under_type`, inside that mention's words: "was repatriated after
    having defected", not "fled in May and was sent back in June"), in a sentence with one of
    its `with_lemmas` and none of its `without_lemmas`."""
    if m.event_type not in frame["types"]:
        return False
    if "trigger_lemmas" in frame and m.trigger.lemma_.lower() not in frame["trigger_lemmas"]:
        return False
    if "trigger_marks" in frame and not _marked(m.trigger, frame["trigger_marks"], frame.get("trigger_none", [])):
        return False
    wanted = frame.get("actor")
    named = [wanted] if isinstance(wanted, str) else wanted
    if named and not any(a.normalized in named and a.role in frame["roles"] and not _named_as(m.sent, a.text) for a in m.actors):
        return False
    if ("agents" in frame or "objects" in frame) and not any(_done_to(t, frame) for t in _acts(m, frame)):
        return False
    if "with_lemmas" in frame and not any(t.lemma_.lower() in frame["with_lemmas"] for t in m.sent):
        return False
    if "without_lemmas" in frame and any(t.lemma_.lower() in frame["without_lemmas"] for t in m.sent):
        return False
    return "with_type" not in frame or any(
        o.event_type == frame["with_type"] and (not frame.get("under_type") or m.trigger in o.trigger.subtree)
        for o in mentions if o is not m)


def _acts(m: Mention, frame: dict) -> list[Token]:
    """The acts a frame's `agents` and `objects` are read on: every word of its trigger
    lemmas in the sentence, since one act is often told twice ("Russia began to deport
    North Korean workers ... demanding their repatriation")."""
    if "trigger_lemmas" not in frame:
        return [m.trigger]
    return [t for t in m.sent if t.lemma_.lower() in frame["trigger_lemmas"]]


def _done_to(act: Token, frame: dict) -> bool:
    """The act is done by one of the frame's `agents` to one of its `objects`."""
    if "objects" in frame and not any(o.lemma_.lower() in frame["objects"] for o in objects(act)):
        return False
    return "agents" not in frame or _done_by(act, frame["agents"])


def _done_by(act: Token, agents: list[str]) -> bool:
    """Who does the act is one of `agents`, named by the doer's own word or its modifiers
    ("Russia deported", "Chinese police expelled", "were deported by Malaysia", "Chinese
    authorities conducted group deportations"), by a pronoun beside such a word in the
    sentence ("When Chinese police discovered this, they expelled ..."), or is the state the
    act sends people out of ("workers were deported from Russia")."""
    verb = act.head if act.pos_ == "NOUN" and act.dep_ == "dobj" else act
    doers = [t for s in subjects(verb) for t in (s, *(c for c in s.children if c.dep_ in ("amod", "compound")))]
    named = [o for p in act.children if p.dep_ == "prep" and p.lower_ in ("from", "by") for o in p.children if o.dep_ == "pobj"]
    if any(t.pos_ == "PRON" for t in doers):
        named += list(act.sent)
    return any(t.lemma_.lower() in agents or t.lower_ in agents for t in doers + named)


def _marked(trigger: Token, marks: list[str], unlike: list[str]) -> bool:
    """The trigger carries one of the marks, as a particle or adverb of its own ("swam back
    across the border") or a prefix written before it ("re-defection"), and its own words
    name none of `unlike` ("fled back to China" is told by China; its subject's words, "a man
    who defected to the South", tell who, not where)."""
    doc = trigger.doc
    prefix = "".join(t.text for t in doc[max(trigger.i - 2, 0):trigger.i]).lower()
    if not (any(c.dep_ in ("advmod", "prt") and c.lower_ in marks for c in trigger.children)
            or any(mark.endswith("-") and prefix.endswith(mark) for mark in marks)):
        return False
    return not any(t.lower_ in unlike for c in trigger.children if not c.dep_.startswith("nsubj") for t in c.subtree)


def _named_as(sent: Span, text: str) -> bool:
    """"arrested as a spy", "detained two South Koreans as alleged spies": what people are
    taken for or charged as, not who took part (a local arrested as a spy is no infiltrator)."""
    return re.search(rf"\bas\s+(?:(?:an?|alleged|suspected|North|South|Korean|Chinese)\s+)*{re.escape(text)}\b", sent.text) is not None


def _absorb_charges(mentions: list[Mention]) -> list[Mention]:
    """An arrest *for* offences in the same sentence ("arrested on Oct. 20 for watching
    South Korean dramas", "for taking bribes from smugglers") is the incident, with its own
    date, place and people; the offences it names (ontology.toml's `offence`) are its
    charge, not incidents of their own: the gold requires the arrest and codes the offence
    at most as an optional record, never on the arrest's day."""
    offences: set[int] = set()
    for m in mentions:
        if has(m.event_type, "charge"):
            reasons = _reasons(m.trigger)
            found = {id(o) for o in mentions if o is not m and o.trigger.i in reasons and has(o.event_type, "offence")}
            m.charged = m.charged or bool(found)
            offences |= found
    return [m for m in mentions if id(m) not in offences]


def _offence_charged(token: Token, triggers) -> bool:
    """"put on trial on Nov. 28 for copying dramas": the copying was before the trial;
    the trial's date and place are not the offence's."""
    for t in triggers:
        if has(t.event_type, "for_an_offence") and t.token != token and token.i in _reasons(t.token):
            return True
    return False


def _reasons(token: Token) -> set[int]:
    """The words of what an arrest or a sentence is for: its "for" or "over" ("arrested for
    smuggling"), or that of a count of its people ("executed 80 people, many for watching
    South Korean shows")."""
    heads = [token, *(c for c in token.children if c.dep_ in ("npadvmod", "appos", "dobj") and c.pos_ in ("ADJ", "NUM", "PRON", "DET"))]
    return {t.i for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("for", "over") for t in c.subtree}


ANAPHORS = {"this", "that", "it", "which"}


# "news of the desertion", "since the killing", "the cause of the accident": the act is
# named, not told again
REFERRING_HEADS = {
    "news", "report", "reports", "word", "rumor", "rumors", "rumour", "rumours", "story", "aftermath", "wake", "since", "after",
    "following", "before", "over", "cause", "causes",
}


def _people_of(trigger: Token) -> bool:
    """"those executed included a restaurant manager in Pyongyang", "of the 13 arrested, two
    were guides, an official in Seoul said": the people of an act, where they worked or lived
    or who speaks of them, not where the act was."""
    if trigger.dep_ != "acl" or trigger.tag_ != "VBN":
        return False
    people = trigger.head
    return people.lower_ == "those" or (people.like_num and any(c.dep_ == "det" and c.lower_ == "the" for c in people.children))


def _back_reference(trigger: Token) -> bool:
    """A mention that refers back to an act told before dates and places nothing:
    "This was the first naval clash since ... 1953", "released the kidnapped
    passengers on February 14", "News of the desertion spread in Hyesan"."""
    if trigger.dep_ == "amod" and trigger.head.dep_ != "ROOT":
        return True
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and any(c.lower_ in ("the", "this", "that") for c in trigger.children):
        prep = trigger.head
        if prep.lower_ in REFERRING_HEADS or (prep.lower_ == "of" and prep.head.lower_ in REFERRING_HEADS):
            return True
    for t in [trigger, *trigger.ancestors]:
        if t.dep_ == "attr" and t.head.lemma_ == "be":
            return any(c.dep_ == "nsubj" and c.lower_ in ANAPHORS for c in t.head.children)
    return False
