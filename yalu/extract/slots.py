"""Slots a mention takes from its context when its own clause leaves them empty: the
place of the paragraph or of the article, the town a line's next sentence gives, the
date told before it, the news cycle of a short item."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from .. import dates
from ..model import Article, Location, TimeSpan
from ..ontology import has
from ..places.geoparse import Geoparser, PlaceMention
from .clustering import Cluster
from .mentions import Mention

# a wire item this short reports one news cycle: no date stated means "yesterday or today"
SHORT_ITEM_SENTENCES = 6




# the lines between the two Koreas: an act told on one is placed by the next sentence's town
INTER_KOREAN_LINES = {"border.mdl", "border.dmz", "border.nll", "border.jsa"}


# a short item's later sentence dated this long before publication looks back
BACKGROUND_DAYS = 31


def mark_background(mentions: list[Mention], published: date) -> None:
    """A wire item's lead is the news; a later sentence dated weeks or years earlier
    ("the first tests took place in April", "since 1988") tells history, and must not
    lend its date to the lead's undated act."""
    for m in mentions:
        if m.sent.start > 0 and m.time and m.time.end and (published - m.time.end).days > BACKGROUND_DAYS:
            m.background = True


def spoken_date(doc: Doc, found_dates: list[dates.DateMention]) -> TimeSpan | None:
    """When the article's source spoke ("told Daily NK on Wednesday"), if it says."""
    for sent in doc.sents:
        in_sentence = [d for d in found_dates if sent.start_char <= d.start < sent.end_char]
        if in_sentence:
            said = dates.reporting_date(sent, in_sentence)
            if said is not None:
                return said.span
    return None


def refine_lines(mentions: list[Mention], geoparser: Geoparser, places: list[PlaceMention]) -> None:
    """An act placed only on a line ("crossed the MDL on Monday") takes the town or county
    the next sentence gives, when that sentence tells no act of its own: the wire says
    where on the line one sentence later ("The soldiers came about 30 meters south of
    the MDL near Cheorwon", often a paragraph of its own in wire copy)."""
    told = {m.sent.start for m in mentions}
    for m in mentions:
        on_line = m.location is not None and m.location.place_id in INTER_KOREAN_LINES
        if not on_line or has(m.event_type, "place_stated"):
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
            m.set_place(replace(found, geo_precision=2), "place.line_next_sentence")


def inherit_places(mentions: list[Mention], geoparser: Geoparser, short_item: list[PlaceMention] | None) -> None:
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
                    m.set_place(found, "place.short_item")
    # the article's own place: its first town or county, else its first province
    located = [m.location for m in mentions if m.location and m.location.admin1_code and not m.place_inherited]
    focus = next((loc for loc in located if loc.geo_precision in (1, 2)), located[0] if located else None)
    last: dict[int, Location] = {}
    for m in mentions:
        if m.location is not None:
            if m.location.geo_precision in (1, 2):
                last[m.paragraph] = m.location
            continue
        if has(m.event_type, "place_stated"):
            continue  # a launch site is stated or unknown: never borrowed from a neighbour
        if m.paragraph in last:
            m.set_place(last[m.paragraph], "place.paragraph")
        elif focus is not None and short_item is None:
            m.set_place(focus, "place.article_focus")


def date_undated(clusters: list[Cluster], doc: Doc, article: Article, spoken: TimeSpan | None) -> None:
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
        rule = None
        if told and not short:
            c.first.time, rule = max(told, key=lambda m: m.sent.start).time, "date.paragraph_before"
        elif short:
            if news:
                c.first.time, rule = news[0], "date.short_item_lead"
            elif article.published:
                c.first.time, rule = dates.news_cycle(article.published), "date.news_cycle"
        elif article.published:
            recent = dates.resolve("recently", article.published)
            starts = [t.start for t in times if t and t.start] + ([recent.start] if recent.start else [])
            end = spoken.end if spoken and spoken.end else article.published
            c.first.time, rule = TimeSpan(min(starts), end, 4, None), "date.recent_window"
        if rule is not None and c.first.time is not None:
            c.first.rules["date"] = rule
        c.first.time_inherited = c.first.time is not None
