"""From a cluster of mentions to Incident records: slots combined, a modality, a
confidence and a summary; planned or rumoured acts too thin to code dropped; a run
of days of a by_day type cut into one record a day (ACLED's atomic days)."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import dates
from ..annotate import source_lexicon
from ..model import Actor, Article, Attribution, Evidence, Incident, Location, Quantity, TimeSpan
from ..ontology import category, event_types
from .clustering import Cluster

# modalities that report no act yet: kept only when the text dates or places them
UNREALISED = {"planned", "denied", "rumoured"}


# the order in which evidence lists the rules of its mention
RULE_STEPS = ("trigger", "frame", "modality", "place", "date", "cluster")

# counts of harm that ACLED divides among the days of a multi-day event
DIVIDED_KINDS = {"fatalities", "injured"}


def by_day(c: Cluster, incident: Incident) -> list[Incident]:
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


def reportable(c: Cluster) -> bool:
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


def record(c: Cluster, article: Article) -> Incident:
    actors: list[Actor] = []
    quantities: list[Quantity] = []
    corroborating: list[str] = []
    # what is already kept, as sets: a cluster of thousands of mentions stays linear
    seen_actors, seen_quantities, seen_sentences = set(), set(), set()
    for m in c.mentions:
        for a in m.actors:
            if (a.normalized, a.role) not in seen_actors:
                seen_actors.add((a.normalized, a.role))
                actors.append(a)
        for q in m.quantities:
            if (q.kind, q.value, q.unit) not in seen_quantities:
                seen_quantities.add((q.kind, q.value, q.unit))
                quantities.append(q)
        corroborating += [name for name in dict.fromkeys(m.corroboration) if name not in corroborating]
    evidence: list[Evidence] = []
    for m in c.mentions:
        if m.sent.start_char not in seen_sentences:
            seen_sentences.add(m.sent.start_char)
            evidence.append(
                Evidence(
                    start=m.sent.start_char,
                    end=m.sent.end_char,
                    trigger_start=m.trigger.idx,
                    trigger_end=m.trigger.idx + len(m.trigger.text),
                    text=m.sent.text,
                    rules=[m.rules[step] for step in RULE_STEPS if step in m.rules],
                )
            )
    attribution = next((m.attribution for m in c.mentions if m.attribution), None)
    modality = _modality(c)
    location = c.best_location() or Location()
    voice = state_voice(article.outlet)
    if voice is not None:
        # state media's own account of the state's acts: reported by it, in its country
        attribution = attribution or Attribution(text=voice["name"], kind="state_media")
        modality = "reported" if modality == "asserted" else modality
        if not location.country:
            location = replace(location, country=voice["country"], geo_precision=location.geo_precision or 3)
        elif location.country != voice["country"] and _placed_by_article_only(c, c.event_type == "statement"):
            # the ROK or the US its article denounces is not where the state spoke or acted
            location = Location(country=voice["country"], geo_precision=3)
        elif location.country != voice["country"] and c.event_type == "incursion":
            # the incursions state media reports are into its own country: the island a drone
            # "took off at", the ROK that sent it, are where it came from
            location = Location(country=voice["country"], geo_precision=3)
    incident = Incident(
        event_type=c.event_type,
        category=category(c.event_type),
        # an act going on "since" a date is coded as precisely as its start (date.since_start);
        # a window of weeks as a month (date.month_window)
        time=dates.coded_by_width(dates.coded_as_start(c.best_time() or TimeSpan(), article.published)),
        location=location,
        actors=actors,
        quantities=quantities,
        modality=modality,
        attribution=attribution,
        corroboration=corroborating,
        evidence=evidence,
        confidence=_confidence(c),
    )
    incident.summary = summary(incident)
    return incident


def _placed_by_article_only(c: Cluster, focus_too: bool = False) -> bool:
    """Every place of the cluster lent by a name elsewhere in the article (or its short
    item; with `focus_too`, its focus too: a press statement is issued at home wherever
    its article is about), none by its own clause."""
    lent = {"place.article_named", "place.short_item"} | ({"place.article_focus"} if focus_too else set())
    rules = [m.rules.get("place") for m in c.mentions if m.location]
    return bool(rules) and all(r in lent for r in rules)


def state_voice(outlet: str | None) -> dict | None:
    """The sources.toml entry of a state outlet that speaks for its country (KCNA), or None."""
    return next(
        (s for s in source_lexicon() if s["name"] == outlet and s["kind"] == "state_media" and s.get("country")), None
    )


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
        along = loc.place_id is None and loc.geo_precision == 3 and not loc.country
        preposition = "along " if along else "near " if loc.geo_precision == 2 else "in "
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
    # a count without a number ("수십 명", tens of people) is told in the record, not here
    money = [q for q in incident.quantities if q.kind in ("money", "fatalities", "people") and q.value is not None]
    if money:
        q = money[0]
        parts.append(f"({q.kind}: {q.value:g}{' ' + q.unit if q.unit else ''})")
    text = " ".join(parts)
    if incident.attribution:
        text += f", according to {incident.attribution.text}"
    return text + "."
