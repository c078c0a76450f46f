"""From an annotated article to incident records.

1. every trigger in its clause is a candidate mention (triggers.py);
2. negated, questioned and hypothetical mentions are dropped (modality.py);
3. each mention gets its place, time, actors, quantities and source;
4. mentions of one incident are merged into one record with all their evidence;
5. each record gets a summary and a confidence;
6. a clash or a raid going on over a run of days becomes one record a day (ACLED's rule).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from .. import dates
from ..model import Actor, Article, Attribution, Evidence, Incident, Location, Quantity, TimeSpan
from ..ontology import category, event_types
from ..places.geoparse import Geoparser, PlaceMention
from .actors import actors as find_actors
from .attribution import Citation, citations, corroboration, sentence_attribution
from .modality import modality as find_modality
from .quantities import quantities as find_quantities
from .triggers import find_triggers

# a wire item this short reports one news cycle: no date stated means "yesterday or today"
SHORT_ITEM_SENTENCES = 6
# modalities that report no act yet: kept only when the text dates or places them
UNREALISED = {"planned", "denied", "rumoured"}
# the military's own acts: their place is the one the report states
STATED_PLACE_TYPES = {"missile_launch", "artillery_fire", "weapons_test", "military_exercise"}
# the lines between the two Koreas: an act told on one is placed by the next sentence's town
INTER_KOREAN_LINES = {"border.mdl", "border.dmz", "border.nll", "border.jsa"}
# types that can be folded into another incident's record
FOLDED_TYPES = {"arrest", "attack"}


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
    charged: bool = False  # an arrest or sentence for this act was folded into it
    background: bool = False  # a short item's look back at an earlier act


def _paragraphs(text: str) -> list[int]:
    """Start offsets of the paragraphs (blank-line or line separated)."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]


def _paragraph_of(starts: list[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
    return index


def extract(doc: Doc, article: Article, geoparser: Geoparser | None = None) -> list[Incident]:
    geoparser = geoparser or Geoparser()
    cites = citations(doc)
    places = geoparser.mentions(doc, [(c.start, c.end) for c in cites])
    found_dates = dates.find_dates(doc.text, article.published)
    paragraph_starts = _paragraphs(doc.text)
    mentions: list[Mention] = []
    for sent in doc.sents:
        mentions.extend(_read_sentence(sent, article, geoparser, places, found_dates, cites, paragraph_starts))
    short = len(list(doc.sents)) <= SHORT_ITEM_SENTENCES
    if short and article.published:
        _mark_background(mentions, article.published)
    _refine_lines(mentions, geoparser, places)
    _inherit_places(mentions, geoparser, places if short else None)
    incidents = _merge(mentions)
    _date_undated(incidents, doc, article, _spoken(doc, found_dates))
    return [day for c in incidents if _reportable(c) for day in _by_day(c, _record(c, article))]


# a short item's later sentence dated this long before publication looks back
BACKGROUND_DAYS = 31


def _mark_background(mentions: list[Mention], published) -> None:
    """A wire item's lead is the news; a later sentence dated weeks or years earlier
    ("the first tests took place in April", "since 1988") tells history, and must not
    lend its date to the lead's undated act."""
    for m in mentions:
        if m.sent.start > 0 and m.time and m.time.end and (published - m.time.end).days > BACKGROUND_DAYS:
            m.background = True


def _spoken(doc: Doc, found_dates: list[dates.DateMention]) -> TimeSpan | None:
    """When the article's source spoke ("told Daily NK on Wednesday"), if it says."""
    for sent in doc.sents:
        in_sentence = [d for d in found_dates if sent.start_char <= d.start < sent.end_char]
        if in_sentence:
            said = dates.reporting_date(sent, in_sentence)
            if said is not None:
                return said.span
    return None


def _read_sentence(
    sent: Span,
    article: Article,
    geoparser: Geoparser,
    places: list[PlaceMention],
    found_dates: list[dates.DateMention],
    cites: list[Citation],
    paragraph_starts: list[int],
) -> list[Mention]:
    triggers = find_triggers(sent, lambda tokens: geoparser.tags(tokens, places))
    if not triggers:
        return []
    attribution = sentence_attribution(sent, cites, article.outlet)
    corroborating = corroboration(sent, cites, article.outlet)
    in_sentence = [d for d in found_dates if sent.start_char <= d.start < sent.end_char]
    spoken = dates.reporting_date(sent, in_sentence)
    out = []
    for trigger in triggers:
        modality = find_modality(trigger.token, sent, attributed=attribution is not None)
        if modality is None:
            continue
        governing = None
        referring = _back_reference(trigger.token) or _offence_charged(trigger.token, triggers)
        if not referring:
            governing = dates.governing_date(sent, trigger.token, [d for d in in_sentence if d is not spoken])
        time = governing.span if governing else None
        if time is not None and spoken is not None and spoken.span.end and time.end and time.end > spoken.span.end:
            # what a source told us on Tuesday happened on or before Tuesday
            time = TimeSpan(time.start, spoken.span.end, time.precision, time.expression)
        out.append(
            Mention(
                event_type=trigger.event_type,
                trigger=trigger.token,
                sent=sent,
                window=trigger.window,
                weight=trigger.rule.weight,
                modality=modality,
                paragraph=_paragraph_of(paragraph_starts, sent.start_char),
                location=None if referring else geoparser.locate(trigger.token, sent, places, trigger.event_type),
                time=time,
                actors=find_actors(sent, trigger.token, trigger.window, trigger.event_type),
                quantities=find_quantities(sent.text),
                attribution=attribution,
                corroboration=corroborating,
            )
        )
    return _absorb_charges(_apply_frames(out))


@cache
def frames() -> list[dict]:
    with files("yalu").joinpath("data/frames.toml").open("rb") as f:
        return tomllib.load(f)["frame"]


def _apply_frames(mentions: list[Mention]) -> list[Mention]:
    """Recode mentions by the frame the sentence tells them in (data/frames.toml)."""
    for frame in frames():
        types = {m.event_type for m in mentions}
        for m in mentions:
            if m.event_type not in frame["types"]:
                continue
            if "trigger_lemmas" in frame and m.trigger.lemma_.lower() not in frame["trigger_lemmas"]:
                continue
            if "actor" in frame and not any(
                a.normalized == frame["actor"] and a.role in frame["roles"] for a in m.actors
            ):
                continue
            if "with_type" in frame and frame["with_type"] not in types:
                continue
            m.event_type = frame["becomes"]
    return mentions


# "busted for running a smuggling ring": the offence is the incident; a
# trial or sentence stays its own incident, with its own date
CHARGE_TYPES = {"arrest"}


def _absorb_charges(mentions: list[Mention]) -> list[Mention]:
    """An arrest or sentence *for* another act in the same sentence is that act's
    consequence, coded on it (with the people arrested as targets), not a second
    incident."""
    kept = []
    for m in mentions:
        offence = None
        if m.event_type in CHARGE_TYPES:
            reasons = {t.i for c in m.trigger.children if c.dep_ == "prep" and c.lower_ in ("for", "over") for t in c.subtree}
            offence = next((o for o in mentions if o is not m and o.trigger.i in reasons and o.event_type not in CHARGE_TYPES), None)
        if offence is None:
            kept.append(m)
        else:
            offence.actors += [a for a in m.actors if a not in offence.actors]
            offence.charged = True
            offence.time = offence.time or m.time  # "arrested on February 6 for ..."
            if m.location and (offence.location is None or m.location.geo_precision < offence.location.geo_precision):
                offence.location = m.location
    return kept


def _offence_charged(token: Token, triggers) -> bool:
    """"put on trial on Nov. 28 for copying dramas": the copying was before the trial;
    the trial's date and place are not the offence's."""
    for t in triggers:
        if t.event_type in ("arrest", "punishment") and t.token != token:
            reasons = {x.i for c in t.token.children if c.dep_ == "prep" and c.lower_ in ("for", "over") for x in c.subtree}
            if token.i in reasons:
                return True
    return False


ANAPHORS = {"this", "that", "it", "which"}
# "news of the desertion", "since the killing": the act is named, not told again
REFERRING_HEADS = {"news", "report", "reports", "word", "rumor", "rumors", "rumour", "rumours", "story", "aftermath", "wake", "since", "after", "following", "before", "over"}


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


def _refine_lines(mentions: list[Mention], geoparser: Geoparser, places: list[PlaceMention]) -> None:
    """An act placed only on a line ("crossed the MDL on Monday") takes the town or county
    the next sentence gives, when that sentence tells no act of its own: the wire says
    where on the line one sentence later ("The soldiers came about 30 meters south of
    the MDL near Cheorwon", often a paragraph of its own in wire copy)."""
    told = {m.sent.start for m in mentions}
    for m in mentions:
        on_line = m.location is not None and m.location.place_id in INTER_KOREAN_LINES
        if not on_line or m.event_type in STATED_PLACE_TYPES:
            continue
        doc = m.sent.doc
        if m.sent.end >= len(doc):
            continue
        following = doc[m.sent.end].sent
        if following.start in told:
            continue
        named = [p for p in places if following.start_char <= p.start < following.end_char]
        found = geoparser.specific_place(named, m.event_type)
        if found is not None and found.geo_precision in (1, 2) and found.country in ("KR", "KP"):
            m.location, m.place_inherited = replace(found, geo_precision=2), True



def _inherit_places(mentions: list[Mention], geoparser: Geoparser, short_item: list[PlaceMention] | None) -> None:
    """A sentence that names no place continues the paragraph's last place ("he
    crossed the river" after "deserted in Sinpa County"); with none in the paragraph,
    the place the article is about (its first town or county), as an analyst codes a
    report from Hyesan. A sentence that names a larger feature ("along the border")
    keeps it: nothing more precise is invented for it. A short item tells one story over a few sentences: there,
    an act with no town of its own takes the one the item names ("They were launched
    from Hwangju County")."""
    if short_item is not None:
        for m in mentions:
            if m.location is None or m.location.geo_precision not in (1, 2):
                elsewhere = {o.sent.start for o in mentions if o.event_type != m.event_type} - {m.sent.start}
                found = geoparser.specific_place(short_item, m.event_type, elsewhere)
                if found is not None and (m.location is None or found.geo_precision < m.location.geo_precision or not m.location.admin1_code):
                    m.location, m.place_inherited = found, True
    # the article's own place: its first town or county, else its first province
    located = [m.location for m in mentions if m.location and m.location.admin1_code and not m.place_inherited]
    focus = next((loc for loc in located if loc.geo_precision in (1, 2)), located[0] if located else None)
    last: dict[int, Location] = {}
    for m in mentions:
        if m.location is not None:
            if m.location.geo_precision in (1, 2):
                last[m.paragraph] = m.location
            continue
        if m.event_type in STATED_PLACE_TYPES:
            continue  # a launch site is stated or unknown: never borrowed from a neighbour
        if m.paragraph in last:
            m.location, m.place_inherited = last[m.paragraph], True
        elif focus is not None and short_item is None:
            m.location, m.place_inherited = focus, True


def _related(a: Mention, b: Mention) -> bool:
    """Mentions of different types that can still be one incident: an arrest told
    apart from the offence it was for ("detained five residents for calling the
    South"; "agents caught the five"), a wound of a firefight, the firing of a drill."""
    return (
        _charge_of(a, b) or _charge_of(b, a)
        or _part_of_clash(a, b) or _part_of_clash(b, a)
        or _part_of_drill(a, b)
    )


def _agree(a: Mention, b: Mention, strict_places: bool = False) -> bool:
    """Nothing tells the two apart: no two different places stated, no disjoint times,
    not the news and a look back."""
    if a.background != b.background:
        return False
    la, lb = a.location, b.location
    if la and lb and (strict_places or not (a.place_inherited or b.place_inherited)):
        if la.admin2 and lb.admin2 and la.admin2 != lb.admin2:
            return False
        if la.admin1_code and lb.admin1_code and la.admin1_code != lb.admin1_code:
            return False
        if la.country and lb.country and la.country != lb.country:
            return False
    ta, tb = a.time, b.time
    if ta and tb and ta.start and tb.start and ta.end and tb.end:
        if ta.end < tb.start or tb.end < ta.start:
            return False
    return True


def _charge_of(arrest: Mention, offence: Mention) -> bool:
    return arrest.event_type in CHARGE_TYPES and offence.charged and arrest.paragraph - offence.paragraph <= 4


def _part_of_drill(firing: Mention, drill: Mention) -> bool:
    """The shells fired in a drill told a sentence or a paragraph apart: one incident."""
    return (
        {firing.event_type, drill.event_type} == {"artillery_fire", "military_exercise"}
        and abs(firing.paragraph - drill.paragraph) <= 2
    )


def _part_of_clash(attack: Mention, clash: Mention) -> bool:
    """"One border guard was shot in the leg" after a firefight: a wound of that fight."""
    return (
        attack.event_type == "attack"
        and clash.event_type == "armed_clash"
        and 0 <= attack.paragraph - clash.paragraph <= 3
        and attack.time is None
    )


@dataclass
class Cluster:
    mentions: list[Mention]

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def event_type(self) -> str:
        """The type of the first mention that is not a folded-in arrest or wound."""
        return next((m.event_type for m in self.mentions if m.event_type not in FOLDED_TYPES), self.first.event_type)

    def best_location(self) -> Location | None:
        located = [m for m in self.mentions if m.location]
        if not located:
            return None
        # a county carried over from the paragraph beats a river named in passing
        best = min(located, key=lambda m: (m.location.geo_precision or 9, not m.location.admin1_code, m.place_inherited))
        return best.location

    def best_time(self) -> TimeSpan | None:
        dated = [m for m in self.mentions if m.time and m.time.precision]
        if not dated:
            return None
        return min(dated, key=lambda m: (m.time_inherited, m.time.precision)).time


def _fits(m: Mention, c: Cluster) -> bool:
    """Same type as the incident or related to one of its mentions, and in agreement
    with all of them (places compared strictly when types differ)."""
    same = m.event_type in {o.event_type for o in c.mentions}
    related = [o for o in c.mentions if o.event_type != m.event_type and _related(m, o)]
    if not same and not related:
        return False
    return all(_agree(m, o, strict_places=o.event_type != m.event_type) for o in c.mentions)


def _merge(mentions: list[Mention]) -> list[Cluster]:
    """One record per incident: same type (or related) and nothing that tells them apart."""
    clusters: list[Cluster] = []
    for m in mentions:
        for c in clusters:
            if _fits(m, c):
                c.mentions.append(m)
                break
        else:
            clusters.append(Cluster([m]))
    return clusters


def _date_undated(clusters: list[Cluster], doc: Doc, article: Article, spoken: TimeSpan | None) -> None:
    """Incidents whose own clauses carry no date. A short wire item tells one story:
    its lead's time, else the news cycle of publication. A longer report dates
    them as honestly as it can: from the earliest time the report gives (or the
    usual "recently" window) to the day its source spoke (or publication), at
    precision 4."""
    times = [c.best_time() for c in clusters if c.best_time()]
    news = [c.best_time() for c in clusters if c.best_time() and not c.first.background]
    short = len(list(doc.sents)) <= SHORT_ITEM_SENTENCES
    # acts dated to the day, week or month: a year of background is no date for the next act
    dated = [m for c in clusters for m in c.mentions
             if m.time and m.time.precision in (1, 2, 3) and not m.time_inherited and not m.background]
    for c in clusters:
        if c.best_time():
            continue
        # a paragraph tells one sequence: "The shooting took place on the 9th. ... His two
        # companions were detained on the spot." takes the date told before it
        told = [m for m in dated if m.paragraph == c.first.paragraph and m.sent.start < c.first.sent.start]
        if told and not short:
            c.first.time = max(told, key=lambda m: m.sent.start).time
        elif short:
            if news:
                c.first.time = news[0]
            elif article.published:
                c.first.time = dates.news_cycle(article.published)
        elif article.published:
            recent = dates.resolve("recently", article.published)
            starts = [t.start for t in times if t.start] + [recent.start]
            end = spoken.end if spoken and spoken.end else article.published
            c.first.time = TimeSpan(min(starts), end, 4, None)
        c.first.time_inherited = c.first.time is not None


# counts of harm that ACLED divides among the days of a multi-day event
DIVIDED_KINDS = {"fatalities", "injured"}


def _by_day(c: Cluster, incident: Incident) -> list[Incident]:
    """ACLED's events are atomic days: an act of a by_day type that its own clause reports
    as going on "from October 30 to November 3" is five records, one a day, each keeping
    the whole run as its episode. The dead and wounded are divided among the days (ACLED
    divides fatalities); other counts are the episode's totals, told once, on its first day."""
    days = dates.days_of(incident.time) if event_types()[incident.event_type].get("by_day") else None
    own = [m for m in c.mentions if m.time == incident.time and not m.time_inherited]
    if not days or not own:
        return [incident]
    if re.search(r"(?i)\b(?:night\s+of\s+(?:the\s+)?|overnight\s+(?:on\s+)?)" + re.escape(incident.time.expression or ""), own[0].sent.text):
        return [incident]  # "the night of June 5-6", "overnight June 5-6": one night
    records = []
    for k, day in enumerate(days):
        records.append(replace(
            incident,
            time=TimeSpan(day, day, 1, incident.time.expression),
            episode=incident.time,
            quantities=[share for q in incident.quantities if (share := _day_share(q, k, len(days)))],
        ))
        records[-1].summary = summary(records[-1])
    return records


def _day_share(q: Quantity, k: int, days: int) -> Quantity | None:
    """Day k's part of a count: a whole-number share of the dead or wounded (the remainder
    on the first days), else the count itself on the first day only."""
    whole = q.value is not None and q.value == int(q.value)
    if q.kind in DIVIDED_KINDS and whole and q.value:
        share = int(q.value) // days + (1 if k < int(q.value) % days else 0)
        return replace(q, value=share) if share else None
    return q if k == 0 else None


def _reportable(c: Cluster) -> bool:
    """Planned or denied acts without both a date and a place of their own are policy
    talk, and hearsay with neither ("dozens are said to have been detained") is rumour
    too thin to code; an incident needs an act reported as done."""
    if all(m.modality in UNREALISED for m in c.mentions):
        own_place = any(m.location and not m.place_inherited for m in c.mentions)
        own_time = any(m.time and not m.time_inherited for m in c.mentions)
        if all(m.modality == "rumoured" for m in c.mentions):
            return own_place or own_time
        return own_place and own_time
    return True


def _confidence(c: Cluster) -> float:
    """Higher when trigger, place and time agree: several mentions, an own place, an own date."""
    score = 0.75 * max(m.weight for m in c.mentions)
    if any(m.location and not m.place_inherited for m in c.mentions):
        score += 0.1
    if any(m.time and not m.time_inherited for m in c.mentions):
        score += 0.1
    score += 0.04 * min(len(c.mentions) - 1, 2)
    if any(m.sent.start == 0 for m in c.mentions):
        score += 0.08  # the lead sentence tells the story's main incident
    if all(m.modality in ("alleged", "rumoured", "planned", "denied") for m in c.mentions):
        score -= 0.25
    return max(0.05, min(score, 0.99))


def _modality(c: Cluster) -> str:
    """The most factual reading any mention gives."""
    order = ["asserted", "reported", "ongoing", "alleged", "rumoured", "planned", "denied"]
    return min((m.modality for m in c.mentions), key=order.index)


def _record(c: Cluster, article: Article) -> Incident:
    actors: list[Actor] = []
    quantities: list[Quantity] = []
    corroborating: list[str] = []
    for m in c.mentions:
        for a in m.actors:
            if all((a.normalized, a.role) != (b.normalized, b.role) for b in actors):
                actors.append(a)
        for q in m.quantities:
            if all((q.kind, q.value, q.unit) != (p.kind, p.value, p.unit) for p in quantities):
                quantities.append(q)
        corroborating += [name for name in dict.fromkeys(m.corroboration) if name not in corroborating]
    evidence = []
    for m in c.mentions:
        if all(e.start != m.sent.start_char for e in evidence):
            evidence.append(
                Evidence(
                    start=m.sent.start_char,
                    end=m.sent.end_char,
                    trigger_start=m.trigger.idx,
                    trigger_end=m.trigger.idx + len(m.trigger.text),
                    text=m.sent.text,
                )
            )
    incident = Incident(
        event_type=c.event_type,
        category=category(c.event_type),
        time=c.best_time() or TimeSpan(),
        location=c.best_location() or Location(),
        actors=actors,
        quantities=quantities,
        modality=_modality(c),
        attribution=next((m.attribution for m in c.mentions if m.attribution), None),
        corroboration=corroborating,
        evidence=evidence,
        confidence=_confidence(c),
    )
    incident.summary = summary(incident)
    return incident


def summary(incident: Incident) -> str:
    """One sentence from the slots: what, who, where, when, on whose word."""
    label = event_types()[incident.event_type]["label"]
    parts = [label]
    agents = [a.normalized or a.text for a in incident.actors if a.role == "agent"]
    others = [a.normalized or a.text for a in incident.actors if a.role != "agent"]
    if agents:
        parts.append("by " + ", ".join(agents[:2]))
    if others:
        parts.append("involving " + ", ".join(others[:2]))
    loc = incident.location
    where = ", ".join(dict.fromkeys(filter(None, [loc.location_name, loc.admin2 if loc.admin2 != loc.location_name else None, loc.admin1])))
    if where:
        preposition = "along " if loc.place_id is None and loc.geo_precision == 3 and not loc.country else "near " if loc.geo_precision == 2 else "in "
        parts.append(preposition + where)
    t = incident.time
    ep = incident.episode
    if ep and ep.start and ep.end and t.start:
        days = (ep.end - ep.start).days + 1
        parts.append(f"on {t.start.isoformat()} (day {(t.start - ep.start).days + 1} of {days})")
    elif t.start and t.end and t.start == t.end:
        parts.append(f"on {t.start.isoformat()}")
    elif t.start and t.end:
        parts.append(f"between {t.start.isoformat()} and {t.end.isoformat()}")
    elif t.start:
        parts.append(f"since {t.start.isoformat()}")
    elif t.end:
        parts.append(f"on or before {t.end.isoformat()}")
    money = [q for q in incident.quantities if q.kind in ("money", "fatalities", "people")]
    if money:
        q = money[0]
        parts.append(f"({q.kind}: {q.value:g}{' ' + q.unit if q.unit else ''})")
    text = " ".join(parts)
    if incident.attribution:
        text += f", according to {incident.attribution.text}"
    return text + "."
