"""Mentions of one incident clustered into one record's worth: the same type (or a
related one: the arrest for an offence, a wound of a firefight, the firing of a
drill) and nothing that tells them apart. Not to be confused with merging records
across outlets (yalu.merge) or a reviewer's merge (yalu.review)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import NamedTuple, cast

from spacy.tokens import Token

from .. import resources
from ..acled import force_country
from ..annotate import ACTOR
from ..dates.lexicon import alt
from ..dates.lexicon import lexicon as date_words
from ..model import Location, TimeSpan
from ..ontology import event_types, has
from .mentions import Mention
from .quantities import number as cardinal
from .senses import objects, recipients, subjects
from .triggers import TERM

# words that add one more act of a kind already told (cluster.another): "was also arrested",
# "crossed again", "another execution", "in a separate case"
ANOTHER_ADVERBS = {"also", "again", "separately"}
ANOTHER_DETERMINERS = {"another", "separate"}
# the verbs that do a noun trigger's act, whose "also" is the act's too: "also carried out a
# test", "also staged a drill"; not a reporting verb's ("also reported the repatriation")
DOING_VERBS = {"conduct", "carry", "stage", "hold", "perform", "launch", "mount", "undertake", "make"}
CASE_NOUNS = {"case", "instance", "incident", "occasion"}
# and on the verb's doers or sufferers: "a second group was repatriated", "another woman was arrested"
ANOTHER_GROUP = ANOTHER_DETERMINERS | {"second", "third", "fourth"}
# what makes a noun trigger a fresh act rather than a look back at one told (cluster.back_reference):
# "the second arrest", "the earlier accident", "the other lockdown"
FRESH_MODIFIERS = {"first", "second", "third", "new", "latest", "last", "earlier", "previous", "other", "next", "later"}
# the words that name who did an act (cluster.actor_country): "North Korea fired", "was
# fired by North Korea", "Pyongyang's missile test"
DOER_DEPS = {"nsubj", "agent", "poss"}
# a relative pronoun stands for the noun its clause hangs from: "the former head, who was
# executed" (cluster.other_victims)
RELATIVE_PRONOUNS = {"who", "whom", "that", "which"}
# the verbs that hand a noun's act to someone (cluster.other_victims): "the donju was handed
# a prison sentence", "the court gave him a death sentence"; and those whose subject gets
# it: "his associates received heavy sentences", "she faces execution"
GIVE_VERBS = {"hand", "give"}
RECEIVE_VERBS = {"receive", "get", "face", "serve"}
# the verbs that put someone in a noun's act: "a prosecutor was put on public trial",
# "the MSS placed a woman under arrest", "he was brought to trial"
PUT_VERBS = {"put", "place", "bring"}
# two counts this close, one of them rough ("more than 30", "some 35"), may be one group
ROUGH_RATIO = 2
# the places a mention takes from the sentences next to it: a town's market told on
# ("Hyesan experienced the largest drop. Corn fell 17% there"), not the whole country's
NEAR_PLACES = {"place.paragraph", "place.line_next_sentence"}
# the lead: a headline, a photo caption and the first paragraph of the story
LEAD_PARAGRAPHS = 3
# a day of the month an unresolved date names ("on the 13th"): cluster.named_day
NAMED_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


@cache
def _month_names() -> tuple[re.Pattern[str], dict[str, int]]:
    """A month an unresolved date names ("in October" in a report without a date):
    cluster.named_month, by the month names of data/dates.toml."""
    numbers = {name.lower(): n for name, n in date_words().months.items()}
    return re.compile(rf"\b({alt(numbers)})(?![a-z])", re.I), numbers


def _another(m: Mention) -> str:
    """How the mention's words add one more act of its kind: "noun" for "another" on its noun
    (which may compare with the past: "put the city under another lockdown"), "told" for
    "also" or "again" on its verb, or on the verb a noun trigger is the object of ("also
    carried out a test": one more than the acts told), "more" for one more
    whatever the acts told: "another" or an ordinal on the verb's doers or sufferers
    ("another group of four defectors was apprehended"), "in another case" on the verb of its
    sentence (cluster.another_case) or a Korean mention the Korean rules read as one more
    (cluster.ko.another); "" for none."""
    t = m.trigger
    if not isinstance(t, Token):
        # a Korean anchor carries no parse: the Korean rules read its words (cluster.ko.another)
        return "more" if "another" in m.rules else ""
    # "also" on the verb whose object the noun trigger is tells it too: "also carried out a test"
    verb = t.head if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_.lower() in DOING_VERBS else t
    if any(c.dep_ == "advmod" and c.lower_ in ANOTHER_ADVERBS for c in (*t.children, *verb.children)):
        return "told"
    # cluster.another_case: other people are no act compared with the past, dated or not
    if t.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ in ("det", "amod") and d.lower_ in ANOTHER_GROUP
                                                                         for d in c.children) for c in t.children):
        return "more"
    if any(c.dep_ in ("det", "amod") and c.lower_ in ANOTHER_DETERMINERS for c in t.children):
        return "noun"
    # cluster.another_case: "in another case" tells a case apart, never the story's act
    # compared with the past ("In another case, two teachers were sentenced to 3 years" after
    # "the ringleaders were sentenced to 10 years")
    if any(c.dep_ == "prep" and p.dep_ == "pobj" and p.lemma_.lower() in CASE_NOUNS and any(d.lower_ in ANOTHER_DETERMINERS for d in p.children)
           for h in (t, *t.ancestors) for c in h.children for p in c.children):
        return "more"
    return ""


class Months(NamedTuple):
    """The months a mention's own date names, and whether the date was resolved."""

    numbers: frozenset[int]
    resolved: bool


class Victims(NamedTuple):
    """Whom an act was done to, as its own sentence says (cluster.other_victims): a named
    person (or the names of a joined group), a count of people (exact or rough), whether a
    lone one is brought in fresh ("a North Korean was executed"), and whether they are
    several of no count ("the ringleaders", "Kim, his wife and his children")."""

    name: str | None
    size: float | None
    rough: bool
    fresh: bool
    several: bool = False
    # counted as others than those of the acts told: "six others were sentenced", "two other
    # officials were arrested"
    others: bool = False


def _victims(m: Mention) -> Victims | None:
    """The one group or person the mention's act was done to, when its words name or count
    them: a name ("former Minister Kim Won Hong"), a number ("the five"), a counted or lone
    person word of data/actors.toml, the lexicon's or one of its `people` ("Seven officials",
    "a woman", "the former head"), people joined (`_joined`: "an officer and a sergeant" are
    two), or several of a person word with no number ("the ringleaders", "his associates");
    None for anything else ("three North Koreans", "sentences of 13 years"), a pronoun ("they",
    "those arrested"), or some of a group ("one of them")."""
    t = m.trigger
    if not isinstance(t, Token):
        return None  # a Korean anchor carries no parse
    if has(m.event_type, "counted_victims"):
        found = _receivers(t) or objects(t)
    elif has(m.event_type, "counted_doers"):
        found = subjects(t)  # "five soldiers fled", "two soldiers abandoned their posts"
    else:
        return None
    if len(found) != 1:
        return None
    o = found[0]
    if o.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl":
        o = t.head
    if o.pos_ == "PRON":
        return None
    if any(c.dep_ == "conj" for c in o.children):
        return _joined(o)
    # counted others ("six others", "two other officials"); "others" alone may be anyone
    count = next((c for c in o.children if c.dep_ == "nummod" and c.like_num), None)
    if count is not None and (o.lower_ == "others" or (_person(o) and any(c.dep_ == "amod" and c.lower_ == "other" for c in o.children))):
        return Victims(None, cardinal(count.text), False, False, others=True)
    person = _person(o)
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in o.children):
        return Victims(None, 1, False, True) if person or o.pos_ == "PROPN" else None
    if _named(o):
        return Victims(_name(o), 1, False, False)
    number = o if o.like_num else next((c for c in o.children if c.dep_ == "nummod" and c.like_num), None) if person else None
    # "one of them" and "Of the eighteen, five were sentenced" are some of a group told
    if number is not None and not any(c.dep_ == "prep" and c.lower_ == "of" and number not in c.subtree
                                      for c in (*number.children, *t.children)):
        value = cardinal(number.text)
        # "more than 30", "about 60", "some 35"
        rough = any(c.dep_ in ("quantmod", "advmod") for c in number.children) or any(
            c.dep_ in ("advmod", "det") and c.lower_ != "the" for c in o.children if c is not number)
        return Victims(None, value, rough, False) if value else None
    # "the ringleaders", "his associates"; a bare plural may be anyone ("arresting innocent people")
    if number is None and person and o.tag_ == "NNS" and any(c.dep_ in ("det", "poss") for c in o.children):
        return Victims(None, None, False, False, several=True)
    return Victims(None, 1, False, False) if person and o.tag_ == "NN" else None


def _receivers(t: Token) -> list[Token]:
    """Whom a noun's act is handed to, when a verb hands it (GIVE_VERBS, RECEIVE_VERBS) or
    puts them in it (PUT_VERBS): its "of" object is then the sentence's length ("a prison
    sentence of 15 years"), not them."""
    verb = t.head
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.lemma_.lower() in PUT_VERBS:
        return [o for o in objects(verb.head) if o != t]
    if t.pos_ != "NOUN" or t.dep_ != "dobj":
        return []
    if verb.lemma_.lower() in GIVE_VERBS:
        return [o for o in objects(verb) if o != t] or recipients(verb)
    return subjects(verb) if verb.lemma_.lower() in RECEIVE_VERBS else []


@cache
def people_words() -> frozenset[str]:
    """data/actors.toml's `people`: roles and kinds of people an act is done to that the
    actor lexicon does not tag (cluster.other_victims)."""
    return frozenset(resources.load("actors.toml")["people"])


@cache
def group_words() -> frozenset[str]:
    """data/actors.toml's `groups`: words for a group of people of no size (cluster.other_victims)."""
    return frozenset(resources.load("actors.toml")["groups"])


def _person(o: Token) -> bool:
    """A person word: an actor of the lexicon or one of data/actors.toml's `people`, not
    one of its `groups` ("the family" may be one or five)."""
    lemma = o.lemma_.lower()
    return (o.ent_type_ == ACTOR or lemma in people_words()) and lemma not in group_words()


def _named(o: Token) -> bool:
    """A name the annotator tags as nothing else and with no article: a person's ("Hyon"),
    not an office's ("the MSS", "the Ministry of People's Security")."""
    return o.tag_ == "NNP" and not o.ent_type_ and not any(c.dep_ == "det" for c in o.children)


def _name(o: Token) -> str:
    """A name in lower case with the names compounded before it ("kim won hong")."""
    name = " ".join(w.lower_ for w in o.lefts if w.dep_ == "compound" and w.pos_ == "PROPN")
    return f"{name} {o.lower_}".strip()


def _joined(o: Token) -> Victims | None:
    """People joined ("Hyon, his wife, and his children", "an officer and a sergeant"): so
    many when each is one person, several when one of them is a group; the names among them
    kept, so that a name told alone may be one of them. None when one is no person word."""
    members = [o, *o.conjuncts]
    if not all(_person(w) or _named(w) for w in members):
        return None
    names = " ".join(_name(w) for w in members if _named(w))
    if all(w.tag_ in ("NN", "NNP") and not any(c.dep_ == "nummod" for c in w.children) for w in members):
        return Victims(names or None, len(members), False, False)
    return Victims(names or None, None, False, False, several=True)


def _other_victims(new: Victims, told: Victims, later: bool) -> bool:
    """cluster.other_victims: the people an act told later was done to are not those of an
    act told before: two names, a name and a group of several, two counts that cannot be one
    group (a rough count meets one up to twice or half its size), a lone one brought in
    fresh after a named one, or several of no count and one person not named among them
    ("the ringleaders" and "the donju"; "Kim and his wife" and "the former head"). One told
    by a role in a later sentence ("the ringleader", "the official") may be one of a group
    told before ("three young men were put on trial ... the court sentenced the ringleader
    to death"); in one sentence, two clauses tell two people ("the ringleaders were
    executed, while the donju was handed a prison sentence")."""
    if later and new.size == 1 and not (new.name or new.fresh or new.several) and (told.several or (told.size or 0) > 1):
        return False
    if new.several or told.several:
        group, one = (new, told) if new.several else (told, new)
        if one.several or one.size != 1 or one.rough:
            return False  # "the deputies" may be the five told
        return not (one.name and group.name and set(one.name.split()) <= set(group.name.split()))
    if new.name and told.name:
        return not (set(new.name.split()) <= set(told.name.split()) or set(told.name.split()) <= set(new.name.split()))
    if new.fresh and told.name:
        return True
    if new.size is None or told.size is None or new.size == told.size:
        return False
    if new.rough or told.rough:
        return max(new.size, told.size) > ROUGH_RATIO * min(new.size, told.size)
    return True


class Cues(NamedTuple):
    """What a mention's own words say of its act, read once per mention: one more of its
    kind (`_another`), the unresolved days of the month it names (`_named_days`), the months
    its date names (`_named_months`)."""

    another: str
    days: frozenset[str]
    months: Months | None
    back: bool
    doer: str | None
    victims: Victims | None
    lead: bool = False
    look_back: bool = False
    # in a survey of several towns' markets (cluster.market_survey): "town" for an act its own
    # clause places in a town, "whole" for one told of no town, "" for neither or no survey
    survey: str = ""
    # the countries whose forces its clause names as doing it (cluster.agent_country)
    agents: frozenset[str] = frozenset()


def _cues(m: Mention, lead: set[int] | None = None, surveys: frozenset[str] = frozenset()) -> Cues:
    # cluster.one_report: "corn has also risen" adds no act to the rice price (ontology.toml one_report)
    another = "" if _one_report(m) else _another(m)
    in_lead = lead is not None and m.paragraph in lead
    survey = "" if m.event_type not in surveys else "town" if _town(m) else "" if m.rules.get("place") in NEAR_PLACES else "whole"
    return Cues(another, _named_days(m), _named_months(m), _back_reference(m), _doer_country(m), _victims(m),
                in_lead, m.looks_back and not in_lead, survey, _agent_countries(m))


def _agent_countries(m: Mention) -> frozenset[str]:
    """cluster.agent_country: the countries of the forces (data/acled.toml's actors) that the
    clause of an act done to people names as its doers: "Chinese border guards caught the
    soldier" (CN) and "the MSS interrogated his family" (KP) are two acts."""
    if not has(m.event_type, "counted_victims"):
        return frozenset()
    return frozenset(c for a in m.actors if a.role == "agent" and (c := force_country(a.normalized)))


def _one_report(m: Mention) -> bool:
    """A market's price or rate (ontology.toml `one_report`): the acts of one market report."""
    return bool(m.kind) and m.kind in event_types()[m.event_type].get("one_report", ())


def _town(m: Mention) -> str | None:
    """The town or county the mention's own clause places it in."""
    return m.location.admin2 if m.location and not m.place_inherited else None


def _surveys(mentions: list[Mention]) -> frozenset[str]:
    """cluster.market_survey: the types whose market prices the report tells in two or more
    towns of their own ("in Hyesan ... 6,300 won", "Sinuiju showed a similar decrease"): a
    survey of markets, whose words of no town ("Grain prices have fallen across the board")
    tell the whole country's market, not the first town's. So for a `surveyed` type's acts
    (ontology.toml: a flood in Kaechon and in Sinpo, and its toll "across the country")."""
    towns: dict[str, set[str]] = {}
    for m in mentions:
        if (_one_report(m) or has(m.event_type, "surveyed")) and (town := _town(m)):
            towns.setdefault(m.event_type, set()).add(town)
    return frozenset(t for t, named in towns.items() if len(named) > 1)


def _doer_country(m: Mention) -> str | None:
    """cluster.doer_country: the country that did a military act (ontology.toml's category:
    one state's forces act, against the other's), by its own words: the subject, agent or
    possessor of the trigger ("North Korea sent balloons", `_names_doer`) or where the
    thing a noun trigger names came from ("balloons carrying leaflets from South Korea").
    Not an economy's: "North Korea's exchange rates" and "imports from China" did nothing."""
    loc = m.location
    t = m.trigger
    if loc is None or m.place_inherited or loc.admin1_code is not None or not loc.country or not loc.location_name:
        return None
    if event_types()[m.event_type].get("category") != "military":
        return None
    if not isinstance(t, Token):
        return None  # a Korean anchor carries no parse
    if _names_doer(m, loc.location_name):
        return loc.country
    if t.pos_ == "NOUN" and any(w.dep_ == "prep" and w.lower_ == "from" and _names([x.lower_ for x in w.subtree], loc.location_name)
                                for w in t.subtree):
        return loc.country
    return None


def _back_reference(m: Mention) -> bool:
    """cluster.back_reference: a noun trigger under "the", "this" or a possessor with no
    number, word that makes it a fresh act or place of its own ("the lockdown", "the
    January accident", "Pyongyang's missile test"; not "the second arrest", "the 20
    arrests", "the arrest in Hoeryong", "in Hoeryong, the lockdown has left ...")."""
    t = m.trigger
    if not isinstance(t, Token) or t.pos_ != "NOUN":
        return False  # a Korean anchor carries no parse
    children = list(t.children)
    if not any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss" for c in children):
        return False
    if any(c.dep_ == "nummod" or c.lower_ in FRESH_MODIFIERS or c.lower_ in ANOTHER_DETERMINERS for c in children):
        return False
    # a place of its own ("the arrest in Hoeryong") or put before it in the clause it is
    # the subject of ("in Hoeryong, the lockdown has left ...") is the act's, not a
    # neighbouring clause's
    name = m.location.location_name if m.location else None
    own = [*t.subtree]
    if t.dep_ in ("nsubj", "nsubjpass"):
        own += [w for c in t.head.children if c.dep_ == "prep" and c.i < t.i for w in c.subtree]
    return not name or not _names([w.lower_ for w in own], name)


def _named_days(m: Mention) -> frozenset[str]:
    """The days of the month that the mention's own date names without resolving them."""
    t = m.time
    if t is None or m.time_inherited or t.start or t.end or not t.expression:
        return frozenset()
    return frozenset(NAMED_DAY.findall(t.expression))


def _named_months(m: Mention) -> Months | None:
    """The months the mention's own date names: those of an unresolved date ("in October",
    "on November 12" with no publication date to place them), or the one month a resolved
    date lies in ("on December 8, 2013")."""
    t = m.time
    if t is None or m.time_inherited or not t.expression:
        return None
    if t.start and t.end:
        one = t.start.year == t.end.year and t.start.month == t.end.month
        return Months(frozenset([t.start.month]), resolved=True) if one else None
    if t.start or t.end:
        return None
    named, numbers = _month_names()
    months = frozenset(numbers[name.lower()] for name in named.findall(t.expression))
    return Months(months, resolved=False) if months else None


def _apart_by_month(months: Months, others: set[Months]) -> bool:
    """cluster.named_month: an unresolved date's months and another date's months do not
    meet ("in May" and "in October" in a report with no date; "on November 12" and "on
    December 8, 2013"); two resolved dates are compared by their spans instead."""
    return any(not months.numbers & other.numbers for other in others if not (months.resolved and other.resolved))


def _related(a: Mention, b: Mention) -> bool:
    """Mentions of different types that can still be one incident: a wound of a
    firefight, the firing of a drill."""
    return _part_of(a, b) or _part_of(b, a)


def _may_relate(a: str, b: str) -> bool:
    """Whether mentions of these two types can be related at all (`_related`)."""
    return part_of_types(a, b)


def part_of_types(a: str, b: str) -> bool:
    """An act of one type can be part of the other's (ontology.toml's part_of): one act told
    as two types ("crossing the NLL" of a defection, the quake damage of a nuclear test)."""
    return b in _whole_types(a) or a in _whole_types(b)


def _whole_types(event_type: str) -> set[str]:
    """The types an act of this type can be part of (ontology.toml's part_of)."""
    return {relation["type"] for relation in part_of_relations(event_type)}


class Agreement:
    """What a cluster's mentions ask of a newcomer: nothing tells them apart (no two
    different places stated, no disjoint times, not the news and a look back, no two
    kinds of one act: an execution and a jailing are two punishments). Summed up
    as mentions join, so that the test costs the same however many a cluster holds:
    comparing a newcomer with each of them was quadratic on a long run of like acts."""

    def __init__(self, first: Mention, cues: Cues):
        self.background = first.background
        # the incident was first told in the report's lead (cluster.dated_look_back)
        self.lead = cues.lead
        self.by_type: dict[str, list[Mention]] = {}
        # of the mentions with a whole time span: the latest start and the earliest end
        self.latest_start: date | None = None
        self.earliest_end: date | None = None
        # the places stated, by (event type, inherited): towns or districts inside a county
        # (`_levels`), admin2s, admin1 codes, countries
        self.places: dict[tuple[str, bool], tuple[set[str], set[str], set[str], set[str]]] = {}
        # by type, the sentences (start tokens) of the mentions that pin an act down: dated
        # ones and those that add one more act (`Cues.another`); the unresolved days named
        self.pinned: dict[str, set[int]] = {}
        self.days: set[frozenset[str]] = set()
        self.months: set[Months] = set()
        # the sentences that state a town or district inside a county (`_levels`)
        self.within_texts: set[str] = set()
        # by type, the countries that did its acts (`Cues.doer`), and whose forces did them
        # (`Cues.agents`)
        self.doers: dict[str, set[str]] = {}
        self.agents: dict[str, set[str]] = {}
        # by type, the towns its mentions' own clauses place them in (cluster.market_survey)
        self.towns: dict[str, set[str]] = {}
        # by type, whom its acts were done to, with their sentences (`Cues.victims`)
        self.victims: dict[str, list[tuple[int, Victims]]] = {}
        self.add(first, cues)

    def add(self, m: Mention, cues: Cues) -> None:
        self.by_type.setdefault(m.event_type, []).append(m)
        if (m.time and not m.time_inherited) or cues.another:
            self.pinned.setdefault(m.event_type, set()).add(m.sent.start)
        if cues.days:
            self.days.add(cues.days)
        if cues.months:
            self.months.add(cues.months)
        if cues.doer:
            self.doers.setdefault(m.event_type, set()).add(cues.doer)
        if cues.agents:
            self.agents.setdefault(m.event_type, set()).update(cues.agents)
        if cues.survey == "town" and (town := _town(m)):
            self.towns.setdefault(m.event_type, set()).add(town)
        if cues.victims:
            self.victims.setdefault(m.event_type, []).append((m.sent.start, cues.victims))
        t = m.time
        if t and t.start and t.end:
            self.latest_start = max(self.latest_start or t.start, t.start)
            self.earliest_end = min(self.earliest_end or t.end, t.end)
        if m.location:
            stated = self.places.setdefault((m.event_type, m.place_inherited), (set(), set(), set(), set()))
            levels = _site_levels(m)
            for values, value in zip(stated, levels):
                if value:
                    values.add(value)
            if levels[0]:
                self.within_texts.add(m.sent.text.lower())

    def agrees(self, m: Mention, cues: Cues, places: bool = True) -> bool:
        """Nothing tells m apart from any mention of the cluster; places are compared
        strictly with mentions of another type, else only when neither is inherited,
        and not at all when `places` is false (`cluster_mentions`)."""
        if m.background != self.background:
            return False
        # cluster.another: one more act of a kind told in another sentence, with its own date or
        # as one more itself, is another incident; one more than an undated act is the story's
        # act compared with the past ("put the city under another lockdown"), but "also" or
        # "again" with a date of its own adds to the acts told ("Also, a soldier was shot on
        # March 28th"; "The North fired shells again at 3:25 p.m.")
        # cluster.ko.another: the Korean rules read one more act in the words, dated or not
        # ("한편 ... 또 한 명의 주민이 체포됐다"), and so do other people or another case
        # (cluster.another_case): none told in another sentence
        if cues.another == "more" and any(o.sent.start != m.sent.start for o in self.by_type.get(m.event_type, [])):
            return False
        if cues.another and self.pinned.get(m.event_type, set()) - {m.sent.start}:
            return False
        if cues.another == "told" and m.time and not m.time_inherited and any(
                o.sent.start != m.sent.start for o in self.by_type.get(m.event_type, [])):
            return False
        # cluster.named_day: "on the 13th" and "on the 16th" are two days, resolved or not
        if cues.days and any(not cues.days & other for other in self.days):
            return False
        if cues.months and _apart_by_month(cues.months, self.months):
            return False
        # cluster.dated_look_back: an act dated over a month before the report, told after the
        # lead, is not the lead's undated act ("launched the Hwasong-15 earlier in the day" and
        # "In July, Pyongyang test-fired two Hwasong-14 ICBMs"), unless it names its people
        if cues.look_back and self.lead and not self.pinned.get(m.event_type) and not self._named_before(cues.victims, m.event_type):
            return False
        # cluster.market_survey: a survey's whole market and its towns' markets are apart
        if cues.survey and self.by_type.get(m.event_type) and (cues.survey == "town") != bool(self.towns.get(m.event_type)):
            return False
        if self._other_doers(m, cues):
            return False
        # cluster.other_victims: "seven officials were dismissed" after "the purge of Kim Won Hong";
        # in one sentence too: "the ringleaders were executed, while the donju was handed a sentence"
        # and others counted are not those of an act told, whoever those were ("six others were
        # sentenced to five years" after "a student who bought the drive was sentenced to life")
        if cues.victims and cues.victims.others and self.by_type.get(m.event_type):
            return False
        if cues.victims and any(_other_victims(cues.victims, told, sent != m.sent.start)
                                for sent, told in self.victims.get(m.event_type, [])):
            return False
        if m.kind and not all(_same_sufferers(m, o) for o in self.by_type.get(m.event_type, []) if _kinds_apart(o.kind, m.kind)):
            return False
        if m.location and places:
            levels = _site_levels(m)
            for (event_type, inherited), values in self.places.items():
                if event_type == m.event_type and (m.place_inherited or inherited):
                    continue
                for level, (stated, value) in enumerate(zip(values, levels)):
                    if value and stated - {value} and not (level == 0 and self._one_breath(m, value, stated)):
                        return False
        t = m.time
        if t and t.start and t.end and self.latest_start and self.earliest_end:
            if t.end < self.latest_start or self.earliest_end < t.start:
                return False
        return True

    def _other_doers(self, m: Mention, cues: Cues) -> bool:
        """Another country did m's act: balloons the North sent and balloons from the South are
        two launches (cluster.doer_country), an arrest by Chinese police and one by the MSS two
        arrests (cluster.agent_country)."""
        if cues.doer and self.doers.get(m.event_type, set()) - {cues.doer}:
            return True
        told = self.agents.get(m.event_type)
        return bool(cues.agents and told and not cues.agents & told)

    def _named_before(self, victims: Victims | None, event_type: str) -> bool:
        """The people an act was done to were named by an act of the type told before ("North Korea
        executed Kim Hyok-chol" and "Kim Hyok-chol was executed in March"; cluster.dated_look_back)."""
        name = set(victims.name.split()) if victims and victims.name else set()
        return any(name & set(told.name.split()) for _, told in self.victims.get(event_type, []) if told.name)

    def _one_breath(self, m: Mention, value: str, stated: set[str]) -> bool:
        """cluster.within_county waived: one sentence names both towns of the county ("fired
        from near Yeonpyeong Island and Baengnyeong Island"), so the act spans them."""
        text = m.sent.text.lower()
        return all(other.lower() in text for other in stated - {value}) or any(value.lower() in t for t in self.within_texts)


def _levels(loc: Location) -> tuple[str | None, str | None, str | None, str | None]:
    """A place at each level that tells acts apart: a town or district inside a county
    (cluster.within_county: Sunam and Chongam districts of Chongjin), the county, the
    province, the country. A special city named whole is both its levels and tells none of
    its districts apart (cluster.whole_city: "visited a site in Pyongyang" and "visited the
    site in the capital's Hwasong area" are one visit)."""
    within = loc.location_name if loc.admin2 and loc.geo_precision == 1 and loc.location_name != loc.admin2 else None
    whole_city = loc.admin2 is not None and loc.location_name == loc.admin2 == loc.admin1
    return within, None if whole_city else loc.admin2, loc.admin1_code, loc.country


def _site_levels(m: Mention) -> tuple[str | None, ...]:
    """`_levels` of the mention's place, or none when the place is only the country that
    did the act (cluster.actor_country): "North Korea fired shells", "Pyongyang's missile
    test" name the doer, not where it happened, and tell no acts apart."""
    assert m.location is not None
    if (m.location.admin1_code is None and _names_doer(m, m.location.location_name)) or _watched_from(m):
        return (None, None, None, None)
    return _levels(m.location)


def _watched_from(m: Mention) -> bool:
    """cluster.watcher_place: an act of the state placed in a country that watches it
    (ontology.toml's watched_from): where it was seen or told, not where it was done."""
    return bool(m.location and m.location.country in event_types()[m.event_type].get("watched_from", ()))


def _names_doer(m: Mention, name: str | None) -> bool:
    """The name is the subject, agent or possessor of the trigger or of the words over it
    up to its clause's verb ("North Korea's latest round of missile tests")."""
    t = m.trigger
    if not name or not isinstance(t, Token):
        return False  # a Korean anchor carries no parse
    for h in (t, *t.ancestors):
        if any(c.dep_ in DOER_DEPS and c != t and _names([w.lower_ for w in c.subtree], name) for c in h.children):
            return True
        if h.pos_ in ("VERB", "AUX"):
            return False
    return False


def _names(words: list[str], name: str) -> bool:
    """The name is among the words, word for word ("Russia" is not in "Russian police")."""
    return f" {name.lower()} " in f" {' '.join(words)} "


def _kinds_apart(a: str, b: str) -> bool:
    """Two kinds of one act: an execution and a jailing, or a sentence to death and one to
    prison; a sentence's term tells only sentences apart (triggers.TERM)."""
    return bool(a and b) and a != b and a.startswith(TERM) == b.startswith(TERM)


def _same_sufferers(a: Mention, b: Mention) -> bool:
    """Two acts done to the same people: one verb joined to the other with no subject or
    object of its own ("was stripped of his rank and sent to a labor brigade"), unlike
    "executed three leaders and jailed 20 others"."""
    for x, y in ((a.trigger, b.trigger), (b.trigger, a.trigger)):
        if x.dep_ == "conj" and x.head == y:
            # an object that is a verb is the errand ("sent to work at a mine"), not people
            return not any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "dobj" and c.pos_ != "VERB") for c in x.children)
    return False


def part_of_relations(event_type: str) -> list[dict]:
    """ontology.toml's part_of of a type: one relation or a list of them."""
    relation = event_types()[event_type].get("part_of")
    if not relation:
        return []
    return relation if isinstance(relation, list) else [relation]


def _part_of(part: Mention, whole: Mention) -> bool:
    """ontology.toml's part_of: the shells fired in a drill told a sentence or a paragraph
    apart; "one border guard was shot in the leg" after a firefight, a wound of that fight;
    "about 200 people were killed" after a flood, the flood's toll."""
    return any(_part_of_by(relation, part, whole) for relation in part_of_relations(part.event_type))


def _part_of_by(relation: dict, part: Mention, whole: Mention) -> bool:
    if relation["type"] != whole.event_type:
        return False
    if "lemmas" in relation and part.trigger.lemma_.lower() not in relation["lemmas"]:
        return False
    if "whole_lemmas" in relation and whole.trigger.lemma_.lower() not in relation["whole_lemmas"]:
        return False
    if relation.get("no_agent") and any(a.role == "agent" for a in part.actors):
        return False  # a toll has no doer: "soldiers killed two smugglers" is an attack
    if relation.get("answered") and _answered(part, whole, relation["answered"]):
        return False
    gap = part.paragraph - whole.paragraph
    near = 0 <= gap <= relation["paragraphs"] if relation.get("after") else abs(gap) <= relation["paragraphs"]
    # undated: no date of its own (a window lent by the article is not one)
    return near and (part.time is None or part.time_inherited or not relation.get("undated"))


def _answered(a: Mention, b: Mention, lemmas: list[str]) -> bool:
    """The later of two acts, in a sentence of its own, is told as the answer to the earlier
    (part_of.answered: "South Korean marines conducted a live-fire drill in response" after the
    North's shelling): the other side's act, not a part of the one it answers."""
    earlier, later = sorted((a, b), key=lambda m: m.sent.start)
    if earlier.sent.start == later.sent.start or not isinstance(later.trigger, Token):
        return False  # one sentence, or a Korean anchor (no lemmas to read)
    return any(t.lemma_.lower() in lemmas for t in later.sent)


@dataclass
class Cluster:
    mentions: list[Mention]

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def event_type(self) -> str:
        """The type of the first mention that is neither a folded-in arrest or wound nor
        a part of another mention's act (the rounds fired in a clash, a nuclear test's quake)."""
        by_type: dict[str, list[Mention]] = {}
        for m in self.mentions:
            by_type.setdefault(m.event_type, []).append(m)
        wholes = [m for m in self.mentions if not _part_of_another(m, by_type)]
        return next((m.event_type for m in wholes or self.mentions if not has(m.event_type, "folds_in")), self.first.event_type)

    def best_location(self) -> Location | None:
        located = [(m.location, m.place_inherited) for m in self.mentions if m.location and not _watched_from(m)]
        if not located:
            return None
        # a borrowed place never leaves the provinces the act's own clauses name
        # (place.own_province): "the mine in South Hwanghae province" is not moved to the
        # Pyongyang of another story in the article
        own = {loc.admin1_code for loc, inherited in located if not inherited and loc.admin1_code}
        if own:
            located = [(loc, inherited) for loc, inherited in located if not inherited or loc.admin1_code in own]
        # a county carried over from the paragraph beats a river named in passing; of two
        # as precise, the one with a county (place.with_county): "a fire in the Mt Kumgang
        # area" and "broke out near the golf course in Onjong-ri, Kosong County" is Kosong's
        def rank(pair: tuple[Location, bool]) -> tuple[int, bool, bool, bool]:
            return (pair[0].geo_precision or 9, not pair[0].admin1_code, pair[1], not pair[0].admin2)

        best = min(located, key=rank)
        # among equals, a place inside another the record names (place.nested): the district
        # of the city ("평양 평천구역" in a story headlined "평양"), not the city, nor a county
        # named once in passing beside them
        ids = {loc.place_id for loc, _ in located if loc.place_id}
        nested = [loc for loc, inherited in located if rank((loc, inherited)) == rank(best) and loc.place_id
                  and any(loc.place_id.startswith(i + ".") for i in ids)]
        return nested[0] if nested else best[0]

    def best_time(self) -> TimeSpan | None:
        """The act's date (date.told_first): the first its own clauses tell, refined by each
        more precise date of its own told after it that meets it ("recently resumed public
        trials" and "at a trial in March"); an own date apart from it is another act's that the
        record took in ("executed three women at the end of last month" and, in the same
        report, "executed on February 28" or "came to the South in September last year").
        An act named as an earlier one of its kind ("launched its last missile two months
        ago") dates it only when it tells nothing else (date.earlier_act, data/dates.toml).
        Undated, the most precise date lent to it."""
        earlier = {id(m) for m in self.mentions if _earlier_act(m)}
        timed = [m for m in self.mentions if m.time and m.time.precision]
        if len(earlier) < len(self.mentions):
            timed = [m for m in timed if id(m) not in earlier]  # date.earlier_act
        own = sorted((m for m in timed if not m.time_inherited), key=lambda m: (m.sent.start_char, m.trigger.idx))
        if own:
            best = cast(TimeSpan, own[0].time)
            for m in own[1:]:
                t = cast(TimeSpan, m.time)
                if t.precision < best.precision and _overlap(t, best):
                    best = t
            return best
        lent = [cast(TimeSpan, m.time) for m in timed]
        return min(lent, key=lambda t: t.precision) if lent else None


def _earlier_act(m: Mention) -> bool:
    """An act named as an earlier one of its kind: "its last ballistic missile", "its most
    recent projectile launching", "the previous test" (a word on the trigger or its object)."""
    if not isinstance(m.trigger, Token):
        return False  # a Korean anchor: no parse to read
    heads = [m.trigger, *(c for c in m.trigger.children if c.dep_ in ("dobj", "nsubjpass"))]
    return any(a.dep_ == "amod" and " ".join(t.lower_ for t in a.subtree) in date_words().earlier_act_words
               for h in heads for a in h.children)


def _overlap(a: TimeSpan, b: TimeSpan) -> bool:
    """Two spans share a day (an open end reaches as far as it may)."""
    return not ((a.end and b.start and a.end < b.start) or (b.end and a.start and b.end < a.start))


def _part_of_another(m: Mention, by_type: dict[str, list[Mention]]) -> bool:
    """m is part of the act of a mention of another type (`by_type`: mentions by type)."""
    return any(_part_of(m, o) for t in _whole_types(m.event_type) - {m.event_type} for o in by_type.get(t, []))


def _fits(m: Mention, cues: Cues, agreement: Agreement, places: bool = True) -> bool:
    """Same type as the incident or related to one of its mentions, and in agreement
    with all of them (places compared strictly when types differ)."""
    if m.event_type not in agreement.by_type and not any(
        _related(m, o)
        for event_type, others in agreement.by_type.items() if _may_relate(m.event_type, event_type)
        for o in others
    ):
        return False
    return agreement.agrees(m, cues, places)


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    """One record per incident: same type (or related) and nothing that tells them apart.
    A newcomer joins the latest incident it fits (cluster.nearest): "the arrest" after a
    second arrest is that one, not the first. A back reference to the one incident of its
    type told before ("the lockdown sprang from an incident in Samjiyon") is that incident
    whatever place its sentence names (cluster.back_reference)."""
    clusters: list[Cluster] = []
    agreements: list[Agreement] = []
    lead = set(sorted({m.paragraph for m in mentions})[:LEAD_PARAGRAPHS])
    surveys = _surveys(mentions)
    for m in mentions:
        cues = _cues(m, lead, surveys)
        told = [a for a in agreements if m.event_type in a.by_type] if cues.back else []
        antecedent = told[0] if len(told) == 1 else None
        for c, agreement in zip(reversed(clusters), reversed(agreements)):
            if _fits(m, cues, agreement, places=agreement is not antecedent):
                c.mentions.append(m)
                agreement.add(m, cues)
                break
        else:
            clusters.append(Cluster([m]))
            agreements.append(Agreement(m, cues))
    return clusters
