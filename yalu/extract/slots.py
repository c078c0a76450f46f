"""Slots a mention takes from its context when its own clause leaves them empty: the
place of the paragraph or of the article (told with an act or without one), the town a
line's next sentence gives, a source's home as the last resort; the date told before it
in its paragraph, the day an agency announced it, a later "The Feb. 16 incident", the
news cycle of a short item, the recent window of a longer report."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from .. import dates
from ..annotate import text_of
from ..annotate.index import starting_in
from ..model import Article, Location, TimeSpan
from ..ontology import has
from ..places.geoparse import (
    Direction,
    Geoparser,
    PlaceMention,
    border_provinces,
    borrowing,
    direction,
    shows_picture,
    source_home_countries,
    within_countries,
)
from ..places.syntax import Destinations, preposition
from . import triggers
from .attribution import Citation
from .clustering import LEAD_PARAGRAPHS, Cluster, part_of_types
from .mentions import Mention, _paragraph_of, paragraphs

# a wire item this short reports one news cycle: no date stated means "yesterday or today"
SHORT_ITEM_SENTENCES = 6




# the marks that open a source's quoted words
QUOTES = frozenset("\"“‘'")

# the lines between the two Koreas: an act told on one is placed by the next sentence's town
INTER_KOREAN_LINES = {"border.mdl", "border.dmz", "border.nll", "border.jsa"}


# a short item's later sentence dated this long before publication looks back
BACKGROUND_DAYS = 31
# a closed range wider than this that ends before publication is a tally of years
TALLY_DAYS = 365


def mark_background(mentions: list[Mention], published: date, days: int) -> None:
    """A wire item's lead is the news; a later sentence dated weeks or years earlier
    ("the first tests took place in April", "since 1988") tells history, and must not
    lend its date to the lead's undated act. A longer report's look back is history
    when it is over a year old ("the North's first nuclear test, in 2006"); in either, a
    tally of years that ends before the report ("From 2010 to August 2016, 74 soldiers have
    crossed") is one too."""
    for m in mentions:
        if m.sent.start > 0 and m.time and looks_back(m.time, published, days):
            m.background = True


def mark_told_history(mentions: list[Mention], found: list[dates.DateMention], published: date, days: int) -> None:
    """An act its own sentence tells with a date that looks back, though the parse hangs that
    date on no word of the act ("In May, a family of nine defected by boat, the ministry said",
    "1,047 defectors reached the South in 2019, before the pandemic closed the border"), is of
    that time (date.sentence_history): history told beside the news, never the day's news.
    Not a date of a source speaking or of the page."""
    text = text_of(mentions[0].sent.doc) if mentions else ""
    for m in mentions:
        if m.time is not None or m.sent.start == 0:
            continue
        in_sentence = starting_in(found, m.sent.start_char, m.sent.end_char)
        said = dates.reporting_date(m.sent, in_sentence)
        old = [d for d in in_sentence if d is not said and not d.future and d.kind != "reference" and d.span.precision
               and not dates.page_date(text, d) and looks_back(d.span, published, days) and not _other_clause(m, d)]
        if old:
            m.time, m.time_inherited, m.background = old[0].span, False, True
            m.rules["date"] = "date.sentence_history"


# clauses of their own: a date in one dates that clause's act ("a woman who fled in 2019")
OWN_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis"})


def _other_clause(m: Mention, d: dates.DateMention) -> bool:
    """The date sits in a clause of its own that does not hold the act: "A woman who fled
    North Korea in 2019 was arrested" (the flight's year, not the arrest's)."""
    span = m.sent.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return True
    holding = {t.i for t in m.trigger.ancestors} | {m.trigger.i}
    for tok in [span.root, *span.root.ancestors]:
        if tok.i in holding:
            return False
        if tok.dep_ in OWN_CLAUSES and tok.pos_ in ("VERB", "AUX"):
            return True
    return False


def mark_look_backs(mentions: list[Mention], published: date) -> None:
    """An act its own words date over a month before the report (cluster.dated_look_back):
    in a longer report, a look back unless the report tells it as its news."""
    for m in mentions:
        if m.time and not m.time_inherited and looks_back(m.time, published, BACKGROUND_DAYS):
            m.looks_back = True


def looks_back(time: TimeSpan, published: date, days: int) -> bool:
    """The span ends more than `days` before the report, or is a tally of years."""
    return time.end is not None and ((published - time.end).days > days or tally(time, published))


def tally(time: TimeSpan, published: date) -> bool:
    """A range of more than a year that ends before the report: a count of years
    ("From 2010 to August 2016, 74 soldiers have crossed"), never one act of the news."""
    return bool(time.start and time.end and (time.end - time.start).days > TALLY_DAYS and time.end < published)


def mark_earlier_acts(mentions: list[Mention]) -> None:
    """ "The North fired the long-range missile three days after it fired three short-range
    missiles": the after-clause's act, dated by date.days_after_clause, is an earlier act
    told as a look back; it must not lend its date to the main clause's undated launch."""
    for m in mentions:
        if m.rules.get("date") == "date.days_after_clause":
            m.background = True


def spoken_date(doc: Doc, found_dates: list[dates.DateMention], cites: list[Citation]) -> TimeSpan | None:
    """When the article's source spoke ("told Daily NK on Wednesday", "a source said on
    Tuesday"), if it says: a source of the article, not a government that announced
    something last month ("The South Korean government announced last month that ...")."""
    anonymous = [c for c in cites if c.attribution.kind == "anonymous_source"]
    for sent in doc.sents:
        in_sentence = starting_in(found_dates, sent.start_char, sent.end_char)
        if in_sentence and (bool(starting_in(anonymous, sent.start_char, sent.end_char)) or _told_outlet(sent)):
            said = dates.reporting_date(sent, in_sentence)
            if said is not None:
                return said.span
    return None


def _told_outlet(sent: Span) -> bool:
    """A sentence in which someone speaks to an outlet: "told Daily NK", "speaking to RFA"."""
    for token in sent:
        if token.ent_type_ == "SOURCE" and token.ent_iob_ == "B":
            head = token.head
            while head.dep_ in ("compound", "poss") and head.head != head:
                head = head.head
            if head.dep_ == "dobj" and head.head.lemma_ == "tell":
                return True
            if head.dep_ == "pobj" and head.head.lower_ in ("to", "with") and head.head.head.lemma_ in ("speak", "talk"):
                return True
    return False


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
        named = starting_in(places, following.start_char, following.end_char)
        found = geoparser.specific_place(named, m.event_type)
        if found is not None and found.geo_precision in (1, 2) and found.country in ("KR", "KP"):
            m.set_place(replace(found, geo_precision=2), "place.line_next_sentence")


def refine_sites(mentions: list[Mention], geoparser: Geoparser, places: list[PlaceMention]) -> None:
    """A launch or a test that its clause places in the country alone or nowhere ("North
    Korea fired two missiles into the sea") takes the town the first later sentence gives
    for an act of its type that the sentence tells of no other way: the wire names the
    site a few lines on ("The JCS said it detected the launches from the Sunan area in
    Pyongyang"; "the test was conducted ... near Kilju city") (place.site_named_later).
    Acts of the type told after that sentence are told after the site: they keep theirs."""
    told = {m.sent.start for m in mentions}
    unplaced = [m for m in mentions if has(m.event_type, "place_stated")
                and (m.location is None or _country_only(m.location) == "KP")]
    for event_type in {m.event_type for m in unplaced}:
        acts = [m for m in unplaced if m.event_type == event_type]
        site = _site_sentence(acts[0], told, geoparser, places)
        if site is None:
            continue
        start, found = site
        for m in acts:
            if m.sent.start < start:
                m.set_place(found, "place.site_named_later", inherited=False)


def _site_sentence(first: Mention, told: set[int], geoparser: Geoparser,
                   places: list[PlaceMention]) -> tuple[int, Location] | None:
    """The first sentence after `first` that tells no act, names one of its type by a
    trigger word and names a town or county in North Korea: (its start, that place)."""
    words = triggers.rules()
    for sent in first.sent.doc.sents:
        if sent.start <= first.sent.start or sent.start in told:
            continue
        if not any(r.event_type == first.event_type for t in sent for r in words.get(t.lemma_.lower(), ())):
            continue
        found = geoparser.context_place(sent, starting_in(places, sent.start_char, sent.end_char))
        if found is not None and found.geo_precision in (1, 2) and found.country == "KP":
            return sent.start, found
    return None


def inherit_places(
    mentions: list[Mention], geoparser: Geoparser, places: list[PlaceMention], cites: list[Citation], short: bool
) -> None:
    """A sentence that names no place continues the paragraph's last place ("he
    crossed the river" after "deserted in Sinpa County"), whether that place came with
    an act or with a sentence that tells none ("On the 30th, in Hoiryeong Market, rice
    hit 1,500 won"; "The two men live in Yonpung-dong, Hyesan"); with none in the
    paragraph, the place the article is about (its first town or county), as an analyst
    codes a report from Hyesan; with no place at all, the home of a source inside North
    Korea ("a source in Chagang Province"), Daily NK's convention for a source's local
    story. A sentence that names a larger feature ("off the east coast") keeps it: nothing
    more precise is invented for it; the land border alone takes a town on it that the
    paragraph or the article names (place.border_town). A short item tells one story over a few sentences:
    there, an act with no town of its own takes the one the item names ("They were
    launched from Hwangju County"); one placed only on the border or in North Korea that the
    item lends nothing borrows as in a longer report. A defection or desertion happened in the country left
    (context.toml, place.origin): a borrowed place elsewhere is where the people went."""
    short_item = places if short else None
    if short_item is not None:
        # history told beside the news ("In 2021, three people were executed in Pochon County")
        # and a source's quoted words ("'People in Hoeryong are afraid,' the source said") place
        # no act of the item (place.short_item)
        aside = {m.sent.start for m in mentions if m.background} | {
            sent.start for sent in (mentions[0].sent.doc.sents if mentions else ()) if sent.text.lstrip()[:1] in QUOTES}
        for m in mentions:
            if m.location is None or m.location.geo_precision not in (1, 2):
                elsewhere = ({o.sent.start for o in mentions if o.event_type != m.event_type} | aside) - {m.sent.start}
                found = geoparser.specific_place(short_item, m.event_type, elsewhere)
                if found is not None and _refines(found, m.location):
                    m.set_place(found, "place.short_item")
    if not mentions:
        return
    doc = mentions[0].sent.doc
    told = _told_places(doc, geoparser, places)
    # the article's own place: its first town or county an act names, else the first a
    # sentence names, else its first province
    # ... but not an act a photo's caption shows ("activists rally outside the Chinese embassy
    # in Seoul, Feb. 21, 2012."): the picture is of another day and place (place.caption_focus)
    located = [m.location for m in mentions if m.location and m.location.admin1_code and not m.place_inherited
               and not shows_picture(m.sent) and not m.background]
    reach = borrowing().get("article_place_within", 1.0) * len(text_of(doc))
    named = [loc for start, _, loc in told if start <= reach]
    homes = _source_homes(places, geoparser, cites)
    candidates: list[tuple[Location, str]] = (
        [(loc, "place.article_focus") for loc in located if loc.geo_precision in (1, 2)]
        + [(loc, "place.article_named") for loc in named if loc.geo_precision in (1, 2)]
        + [(loc, "place.article_focus") for loc in located]
        + [(loc, "place.article_named") for loc in named]
        + [(loc, "place.source_home") for loc in homes]
    )
    # a town named anywhere counts, not only in the story's first half (place.article_town:
    # "Located in Hyesan, Yanggang Province, the mine ..." near the end of a Daily NK report)
    # ... but not in history told beside the news (place.article_town: "In 2021, three people were
    # executed in Pochon County" is no town of this week's execution in the province)
    history = {m.sent.start_char for m in mentions if m.background}
    everywhere = located + [loc for start, _, loc in told if start not in history]
    also = _towns_named(geoparser, places)
    _article_towns(mentions, everywhere, homes, also)
    # each paragraph's places as (from where on they count, place): an act's own place from
    # its own sentence on, a sentence's place from the next sentence on (within its own
    # sentence, geoparse.locate decides which clause's place an act takes)
    timeline: dict[int, list[tuple[int, Location]]] = {}
    for start, paragraph, loc in told:
        timeline.setdefault(paragraph, []).append((start + 1, loc))
    for m in mentions:
        # "North Korea is tapping its students": a country alone is no place of its own; the
        # act borrows as if its clause named none, inside that country (place.within_country)
        within = _country_only(m.location)
        # "fled across the border": the town on the border the story is from (place.border_town);
        # a campaign along it is coded there too, as the town's stretch of it (place.border_province)
        along = border_provinces(m.location)
        wide = bool(along) and m.event_type in borrowing().get("border_wide_types", [])
        rule = "place.border_province" if wide else "place.border_town" if along else "place.within_country"
        within = "KP" if along else within
        if m.location is not None and within is None:
            if m.location.geo_precision in (1, 2):
                timeline.setdefault(m.paragraph, []).append((m.sent.start_char, m.location))
            continue
        if has(m.event_type, "place_stated"):
            continue  # a launch site is stated or unknown: never borrowed from a neighbour
        origin = direction(m.event_type, "origin")
        before = sorted((entry for entry in timeline.get(m.paragraph, []) if entry[0] <= m.sent.start_char),
                        key=lambda entry: entry[0])
        paragraph_place = next((loc for _, loc in reversed(before) if loc.geo_precision in (1, 2)
                                and _left(loc, origin) and _inside(loc, within, along)), None)
        if paragraph_place is not None:
            m.set_place(paragraph_place,
                        "place.paragraph" if within is None else rule, within is None)
        else:  # a short item's act too, when the item lent it none ("The next day, agents searched homes across the city")
            # ... but not a source's home, which places a longer report's story only
            pool = candidates if short_item is None or within is not None else [x for x in candidates if x[1] != "place.source_home"]
            focus = next(((loc, why) for loc, why in pool if _left(loc, origin) and _inside(loc, within, along)), None)
            if focus is None and wide:
                # a campaign along the border in a text that names no town on it: the border
                # province a source lives in ("a Ryanggang Province-based source") is the stretch
                # of it told of (place.border_source); a single act there keeps the border
                focus = next(((loc, "place.border_source") for loc in homes if loc.admin1_code in along), None)
                rule = focus[1] if focus is not None else rule
            if focus is not None and within is not None:
                m.set_place(focus[0], rule, inherited=False)
            elif focus is not None:
                # a place passed over because it is where the people went: the origin rule chose
                passed_over = origin is not None and not _left(candidates[0][0], origin)
                m.set_place(focus[0], origin.id if origin is not None and passed_over else focus[1])
    # again after borrowing: an act lent only a province, because its clause names only North
    # Korea ("executed in North Korea") or no place and the article's place is a province, is
    # in the one town the article names there too (not a paragraph's or a source's province:
    # on the read set that moved acts told apart into one town)
    lent = ("place.within_country", "place.article_focus", "place.article_named")
    _article_towns([m for m in mentions if m.rules.get("place") in lent], everywhere, homes, also, lent=True)


def _article_towns(mentions: list[Mention], told: list[Location], homes: list[Location], also: set[tuple[str, str]],
                   lent: bool = False) -> None:
    """An act its own clause places only in a province ("cracking down in North Hamgyong
    Province") is in the one town or county the article tells of in that province, as an
    analyst codes a report from Hoeryong (place.article_town); with none, in the one a
    source there lives in. `lent`: run again after borrowing, for an act lent only a
    province (place.within_country, place.article_focus, place.article_named), which keeps
    its borrowed status. `also`: the (province, town) pairs any sentence names where
    something is, not where it went or came from: a second town there leaves the act at
    the province."""
    for m in mentions:
        own = m.location
        if own is None or (m.place_inherited and not lent) or own.admin2 or not own.admin1_code or own.geo_precision != 3:
            continue
        if has(m.event_type, "place_stated"):
            continue
        for pool in (told, homes):
            towns = {t.admin2: t for t in pool if t.admin2 and t.admin1_code == own.admin1_code and t.geo_precision in (1, 2)}
            others = {town for province, town in also if province == own.admin1_code} - set(towns)
            if len(towns) == 1 and not others:
                m.set_place(replace(next(iter(towns.values())), geo_precision=2), "place.article_town", inherited=m.place_inherited)
            if towns:
                break


def _towns_named(geoparser: Geoparser, places: list[PlaceMention]) -> set[tuple[str, str]]:
    """(province code, town) of every town the text names as where something is."""
    went = Destinations()
    named = set()
    for p in places:
        if p.excluded or went(p.root) or preposition(p.root) == "from":
            continue  # "taken to Chongjin", "experts from Musan"
        located = geoparser.location(p.place, text=p.text)
        if located.admin1_code and located.admin2:
            named.add((located.admin1_code, located.admin2))
    return named


def _refines(found: Location, own: Location | None) -> bool:
    """A short item's town may stand for an act with a vaguer place of its own, inside the
    province the act names ("inspected flood damage in North Hwanghae province" does not
    take the item's Pyongyang, "south of" which the province lies)."""
    if own is None or not own.admin1_code:
        return True
    return found.geo_precision < own.geo_precision and found.admin1_code == own.admin1_code


def _country_only(loc: Location | None) -> str | None:
    """The country of a place that is a country and nothing finer."""
    if loc is None or loc.admin1_code or loc.place_id or loc.geo_precision != 3:
        return None
    return loc.country if loc.country in within_countries() else None


def _inside(loc: Location, country: str | None, provinces: frozenset[str] = frozenset()) -> bool:
    # a border act takes a town on the border, never just a province
    return (country is None or loc.country == country) and (
        not provinces or (loc.admin1_code in provinces and loc.geo_precision in (1, 2)))


def _left(loc: Location, origin: Direction | None) -> bool:
    """The place is in the country a defector or deserter left (any place for other acts)."""
    return origin is None or loc.country == origin.country


def _told_places(doc: Doc, geoparser: Geoparser, places: list[PlaceMention]) -> list[tuple[int, int, Location]]:
    """(sentence start, paragraph, place) for every sentence that names a place a
    neighbouring act may borrow."""
    starts = paragraphs(text_of(doc))
    told = []
    for sent in doc.sents:
        named = starting_in(places, sent.start_char, sent.end_char)
        found = geoparser.context_place(sent, named) if named else None
        if found is not None:
            told.append((sent.start_char, _paragraph_of(starts, sent.start_char), found))
    return told


def _source_homes(places: list[PlaceMention], geoparser: Geoparser, cites: list[Citation]) -> list[Location]:
    """The homes of the article's anonymous sources inside North Korea ("a source in
    Yanggang Province"): a source abroad (Dandong, Yanji) reports on somewhere else, and an
    outlet's city ("Pyongyang's Korean Central Television") is no source's home."""
    spans = [(c.start, c.end) for c in cites if c.attribution.kind == "anonymous_source"]
    homes = []
    for p in places:
        if not any(s <= p.start < e for s, e in spans):
            continue
        if p.excluded == "source" and p.place.country in source_home_countries():
            located = geoparser.location(p.place, text=p.text)
            if located.admin1_code:
                homes.append(located)
    return homes


# an act going on since a date this close to publication is news; since longer ago
# ("since October 2002", "since 2000") it is a standing condition, no start for the news
NEWS_REACH_DAYS = 365
# how far back an act the report dates stretches the window of its undated acts (a season):
# "threatened to pull out of the Sept. 19-Oct. 4 Asian Games" read as last year's is no news
NEWS_WINDOW_DAYS = 92


def _recently_since(time: TimeSpan, published: date | None) -> bool:
    """"Since January", "since last month": an ongoing act that began within the news reach."""
    return (published is not None and time.start is not None and bool(dates.opens_since(time.expression))
            and (published - time.start).days <= NEWS_REACH_DAYS)


# nouns that name an act told before: "The Feb. 16 incident marks ...", "Tuesday's incident"
ANAPHORIC_NOUNS = re.compile(r"(?:['’]s)?\s+(?:incident|case|event|episode|affair)\b", re.I)
ARTICLE_BEFORE = re.compile(r"(?i)\bthe\s+$")


def _date_by_anaphor(clusters: list[Cluster], doc: Doc, found: list[dates.DateMention]) -> None:
    """"A man escaped North Korea last week ... The Feb. 16 incident marks ...": a date that
    names an incident told just before dates that incident, when it falls inside the time
    the act has (or the act has none). A sentence that tells no act right after the act's
    own retells it ("31 North Koreans arrived on a frontline island at the weekend. They
    arrived on Yeonpyeong Island on Saturday."): its day narrows the act's week."""
    starts = paragraphs(text_of(doc))
    told_sents = {m.sent.start for c in clusters for m in c.mentions}
    for d in found:
        if not (d.span.start and d.span.end and d.span.precision in (1, 2)):
            continue
        anaphor = bool(ANAPHORIC_NOUNS.match(text_of(doc), d.end)) and bool(
            ARTICLE_BEFORE.search(text_of(doc)[max(0, d.start - 5):d.start]) or text_of(doc)[d.end:d.end + 2] in ("'s", "’s"))
        sent = doc.char_span(d.start, d.end, alignment_mode="expand")
        retold = sent is not None and sent.sent.start not in told_sents and d.span.precision == 1
        if not (anaphor or retold):
            continue
        paragraph = _paragraph_of(starts, d.start)
        # the act told last before it, in its paragraph or the one before
        told = [(m.sent.start, c) for c in clusters for m in c.mentions
                if m.sent.end_char <= d.start and paragraph - m.paragraph <= 1]
        if not told:
            continue
        last, c = max(told, key=lambda entry: entry[0])
        if not anaphor and (sent is None or doc[last].sent.end != sent.sent.start):
            continue  # a sentence that tells no act retells the act of the sentence just before
        time = c.best_time()
        if not anaphor and (time is None or time.precision != 2):
            continue  # a retelling narrows a week to its day; it dates no undated act and
            # cuts no month or ongoing act ("since February 20", "late March") to a day
        if time is None or (d.span.within(time) and d.span.precision < time.precision):
            c.first.time, c.first.time_inherited = d.span, False
            c.first.rules["date"] = "date.anaphor"


def _gathering_day(m: Mention, found: list[dates.DateMention]) -> tuple[TimeSpan, str] | None:
    """The day an earlier sentence gave the gathering an undated act names as one told before
    (date.gathering_told, data/dates.toml [gathering]): "North Korea on Saturday marked the
    anniversary with a mass rally in Pyongyang. ... Kim Jong Un attended the rally and
    delivered a speech" is Saturday's. Only "the" gathering, and a day or a week of its own."""
    named = [t for t in m.trigger.children if t.dep_ == "dobj"]
    named += [o for p in m.trigger.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    nouns = {t.lemma_.lower() for t in named if dates.gathering(t.lemma_.lower())
             and any(d.dep_ == "det" and d.lower_ == "the" for d in t.children)}
    if not nouns:
        return None
    doc = m.sent.doc
    for sent in doc.sents:
        if sent.start >= m.sent.start:
            return None
        days = [d for d in starting_in(found, sent.start_char, sent.end_char) if d.span.precision in (1, 2)
                and not d.future and not dates.page_date(text_of(doc), d)]
        for tok in sent:
            if tok.lemma_.lower() in nouns and days:
                d = dates.governing_date(sent, tok, days)
                if d is not None and dates.reporting_date(sent, [d]) is not d:
                    return d.span, "date.gathering_told"
    return None


def _untold_dates(clusters: list[Cluster], doc: Doc, found: list[dates.DateMention],
                  published: date | None) -> list[tuple[int, int, TimeSpan]]:
    """(sentence start, paragraph, time) of the sentences that tell no act but date what
    they tell to the day, week or month (or since a recent date)."""
    told = {m.sent.start for c in clusters for m in c.mentions}
    text = text_of(doc)
    starts = paragraphs(text)
    out = []
    for sent in doc.sents:
        if sent.start in told:
            continue
        in_sentence = starting_in(found, sent.start_char, sent.end_char)
        said = dates.reporting_date(sent, in_sentence) if in_sentence else None
        usable = [d for d in in_sentence if d is not said and d.kind != "reference" and not d.future and d.span.start
                  and (d.span.precision in (1, 2, 3) or _recently_since(d.span, published))
                  and not dates.page_date(text, d)]
        if usable:
            best = min(usable, key=lambda d: d.span.precision)
            out.append((sent.start, _paragraph_of(starts, sent.start_char), best.span))
    return out


def _announced(clusters: list[Cluster], article: Article,
               found: list[dates.DateMention]) -> dict[int, tuple[TimeSpan, str]]:
    """Undated acts a news agency, a ministry or a military announces on a stated day:
    "North Korea has launched balloons toward the South, the South's military said
    Wednesday", "Kim Jong Un inspected flood damage, KCNA said Friday". Wire copy reports
    the news of that day's cycle: the day before the announcement or the day itself; one
    announced in a stated week ("state media said last week the country had tested") is
    that week's news. A source telling Daily NK on Tuesday what happened is no announcement: what it tells
    happened some time before (the "recently" window), nor is anyone telling RFA last week."""
    if article.published is None:
        return {}
    out: dict[int, tuple[TimeSpan, str]] = {}
    # sentences in which an unnamed source tells an act: what it tells next is no announcement
    sourced = {m.sent.start for c in clusters for m in c.mentions
               if m.attribution is not None and m.attribution.kind == "anonymous_source"}
    for c in clusters:
        for m in c.mentions:
            if ((m.attribution is not None and m.attribution.kind == "anonymous_source") or _told_outlet(m.sent)
                    or dates.relayed_report(m.sent)):
                continue  # no announcement: news gathered before the day it was told (date.relayed_report)
            in_sentence = starting_in(found, m.sent.start_char, m.sent.end_char)
            said = dates.reporting_date(m.sent, in_sentence)
            if said is None and not in_sentence and (before := _said_just_before(m, found, sourced)) is not None:
                out[id(c)] = dates.news_cycle(before), "date.announced_carried"
                break
            if said is not None and dates.thing_date(text_of(m.sent.doc), said):
                said = None  # "imagery from August 6 reveals ...": the picture's day, no announcement
            if said is not None and said.span.end and said.span.precision == 1 and said.kind != "range":
                # an act of an after-clause came before the day's news, at no stated time
                # (date.announced_before): "deported them after learning that they killed 16 crew"
                out[id(c)] = ((TimeSpan(None, said.span.end, 4, None), "date.announced_before")
                              if dates.told_after(m.trigger) else (dates.news_cycle(said.span.end), "date.reported_news"))
                break
            # a named week ("last week"), not a run of days, which dates what was announced
            # ("announced no-sail zones from January 31 to February 2")
            if said is not None and said.span.precision == 2 and said.rule == "date.relative_unit":
                out[id(c)] = said.span, "date.reported_news"
                break
    return out


def _said_just_before(m: Mention, found: list[dates.DateMention], sourced: set[int]) -> date | None:
    """The day an announcement told in the sentence just before, in the same paragraph,
    carries on to an undated act of this one (date.announced_carried): "North Korea said
    Sunday that the man was suspected to have been infected. The case prompted Kim Jong Un
    to order a lockdown of the city" (Sunday's news). Not what someone told an outlet, nor
    what an unnamed source told (date.source_quote_on: 'A source explained on the 2nd, "On the
    25th a soldier shot five officers. The soldier fled but was arrested."': the quote goes on)."""
    doc = m.sent.doc
    if m.sent.start == 0 or doc[m.sent.start - 1].sent.start in sourced:
        return None
    prev = doc[m.sent.start - 1].sent
    starts = paragraphs(text_of(doc))
    if _paragraph_of(starts, prev.start_char) != m.paragraph or _told_outlet(prev) or dates.relayed_report(prev):
        return None
    said = dates.reporting_date(prev, starting_in(found, prev.start_char, prev.end_char))
    if said is None or said.span.precision != 1 or said.kind == "range" or dates.thing_date(text_of(doc), said):
        return None
    return said.span.end


# the expressions that can name the day of the news: not a date counted from another
# ("around 11:30 a.m."), a vague word or a range
_NEWS_DAY_KINDS = {"absolute", "relative", "weekday"}


def _news_of_the_day(doc: Doc, found: list[dates.DateMention], dated: list[Mention], published: date,
                     spoken: TimeSpan | None) -> bool:
    """A report that names the day of publication or the day before tells the day's news,
    as wire copy does ("defected to the South on Monday", "state media KCNA said on
    Tuesday", published that day): its undated acts are that news cycle's, not the
    month-wide recent window. Not the page's own date (a dateline, a stamp, a date line), nor
    the day someone told an outlet what had happened ("a source told Daily NK on Tuesday")."""
    if any(dates.in_news_cycle(m.time, published) for m in dated):
        return True
    text = text_of(doc)
    for d in found:
        if d.kind in _NEWS_DAY_KINDS and dates.in_news_cycle(d.span, published) and not dates.page_date(text, d):
            where = doc.char_span(d.start, d.end, alignment_mode="expand")
            if (where is not None and d.span != spoken and not _told_outlet(where.sent)
                    and not dates.relayed_report(where.sent)):
                return True
    return False


# words that carry a narrative on from what was told before: "North Korea then fired back",
# "The South returned fire", "Guards later detained the two": the act follows the last one
# dated, even across the one-sentence paragraphs of wire and broadcast copy
SEQUENCE_CUE = re.compile(r"\b(?:then|later|afterwards?|subsequently|in response|in retaliation|retaliated"
                          r"|(?:fired|shot|struck|hit) back|returned fire)\b", re.I)
SEQUENCE_REACH_PARAGRAPHS = 3
# the paragraphs after the lead's last that may hold its "when"
LEAD_WHEN_REACH_PARAGRAPHS = 2


def _lead_when(c: Cluster, doc: Doc, found: list[dates.DateMention], lead: list[int],
               recent: TimeSpan, news: TimeSpan | None, told: set[int]) -> TimeSpan | None:
    """The inverted pyramid (date.lead_when): a lead tells the act and keeps its day for the
    paragraph after it ("A North Korean ship was seized by Chinese border guards in Dandong.
    // Late at night on June 20, a seizure operation was carried out ..."). The undated act
    of a lead's first sentence (the first three paragraphs that tell acts: headline,
    caption, lead), told before any date of the report, takes the first date told after it
    when that date is a day or a week of the report's recent news, told within two
    paragraphs after the lead. Not the page's date, nor the day a source spoke; not a lasting
    condition or an act named by the noun of a verb in the present perfect ("has ordered the
    arrest of a guard who fled"), though one told by its own verb in the perfect is ("has
    deployed 1,500 soldiers to the border // 'On the 2nd, the soldiers arrived'": date.lead_perfect,
    by a day told in a sentence that tells no act of its own);
    not a day of the news cycle when the report tells the news of the day."""
    text = text_of(doc)
    starts = paragraphs(text)
    sent = c.first.sent
    if (c.first.paragraph not in lead or dates.lasting(c.first.trigger.lemma_) or _named_in_perfect(c.first)
            or text[starts[c.first.paragraph]:sent.start_char].strip()):
        return None
    perfect = _present_perfect(c.first)
    for d in found:  # in text order (article.py sorts them); read only up to the first told
        if d.kind == "reference" or d.future or dates.page_date(text, d):
            continue
        if d.kind in ("since", "vague") and d.start >= sent.end_char:
            continue  # "two others recently rescued", "the third since May 31": no day of the lead's act
        if d.start < sent.end_char:
            return None  # the report dated something before the act, or the act's own sentence
        where = doc.char_span(d.start, d.end, alignment_mode="expand")
        if where is None or dates.reporting_date(where.sent, [d]) is d:
            continue
        time = d.span
        if not (c.first.paragraph < _paragraph_of(starts, d.start) <= lead[-1] + LEAD_WHEN_REACH_PARAGRAPHS
                and time.precision in (1, 2) and time.start and time.end and recent.start and recent.end):
            return None
        if news is not None and news.start and news.start <= time.start:
            return None  # the news of the day's cycle holds it already (date.news_of_the_day)
        if perfect and where.sent.start in told:
            return None  # the perfect's news: a day told with another act is that act's
        return time if time.within(recent) else None
    return None


def _told_after_recently(c: Cluster, clusters: list[Cluster], doc: Doc, found: list[dates.DateMention],
                         lead: list[int], published: date) -> tuple[list[Mention], TimeSpan, str] | None:
    """A lead tells the news as recent and its body tells when (date.recently_told): "leaflets
    recently landed next to a high school ... // In early May, leaflets were found on a
    hill". An act of the lead that only a vague word dates ("recently", "lately") takes the
    first date told after it, within two paragraphs after the lead, in a sentence that tells
    no act, when that date is a day, a week or a month of the report's news window (a season
    back at most), not the day a source spoke and not a day of the news cycle ("On Tuesday
    North Korea destroyed the liaison office" is the news "recently" sets the act before).
    So does an act of the lead dated only to a week or a month, by a day told there inside
    it (date.day_told_after): "At least 20 workers died last month when a fire tore through
    their lodging // Sources said faulty wiring started the fire on March 30", or in a
    sentence that retells the act alone ("Six miners died when a mine collapsed in January //
    Seven were trapped after the collapse Jan. 9 ... one was rescued 10 days later": January 9).
    The mentions, the date and the rule."""
    own = [m for m in c.mentions if m.time and not m.time_inherited]
    if not own or own[0].paragraph not in lead:
        return None
    vague = all(m.rules.get("date") == "date.vague" for m in own)
    if not vague and not all(m.time and m.time.precision in (2, 3) for m in own):
        return None
    # the sentences of other acts: one that retells only this act is its own ("Seven miners were
    # trapped after the collapse Jan. 9"), whose date the parse left on no verb of it
    told = {m.sent.start for o in clusters if o is not c for m in o.mentions}
    text = text_of(doc)
    starts = paragraphs(text)
    for d in found:  # in text order
        if d.start < own[0].sent.end_char or d.kind in ("reference", "vague") or d.future or dates.page_date(text, d):
            continue
        where = doc.char_span(d.start, d.end, alignment_mode="expand")
        if where is None or dates.reporting_date(where.sent, [d]) is d:
            continue
        if where.sent.start in told or dates.in_news_cycle(d.span, published):
            continue  # another act's date, or the day's news that "recently" sets the act before
        if _paragraph_of(starts, d.start) > lead[-1] + LEAD_WHEN_REACH_PARAGRAPHS:
            return None
        time = d.span
        if not vague:  # the day the body tells inside the lead's week or month
            if dates.thing_date(text, d):
                continue  # "Images from March 31 show a fresh crater": the day of the picture
            inside = [m for m in own if m.time and time.within(m.time)]
            return (inside, time, "date.day_told_after") if time.precision == 1 and inside else None
        recent = (time.precision in (1, 2, 3) and time.start is not None and time.end is not None
                  and time.end <= published and (published - time.start).days <= NEWS_WINDOW_DAYS)
        return ([own[0]], time, "date.recently_told") if recent else None  # the first date told after it, or none
    return None


def _lasting_since(found: list[dates.DateMention], published: date | None) -> TimeSpan | None:
    """A condition that lasts (a drought, an epidemic) and that its report leaves undated has
    gone on since the first recent "since" the report tells (date.lasting_since): "The worst
    drought in decades threatens ... // The country has seen little rain since April 27";
    "Paratyphoid is spreading ... // Since May, the number of patients has been rising".
    Not a comparison with the past ("the worst since 1962"), nor one before the news reach."""
    return next((d.span for d in found if d.kind == "since" and not d.future and _recently_since(d.span, published)),
                None)


def _named_in_perfect(m: Mention) -> bool:
    """An act named by a noun of a verb in the present perfect ("has ordered the arrest of a
    guard who fled"): the news is the verb's (the order), which the body dates no more than
    the arrest. An act told by its own verb in the perfect ("North Korea has deployed 1,500
    soldiers to the border ... // 'On the 2nd, the soldiers arrived in Hyesan'", RFA's and
    Daily NK's way) is dated by the day the body tells (date.lead_perfect, under date.lead_when)."""
    return m.trigger.dep_ in ("dobj", "nsubj", "nsubjpass") and _present_perfect(m)


def _present_perfect(m: Mention) -> bool:
    """An act told in the present perfect ("have already been repatriated", "has ordered the
    arrest"): done at no stated time before the telling, so never dated by a past day of its
    own. After the lead (the first two paragraphs that tell acts) it is not the day's news
    cycle (date.news_of_the_day) but the recent window's ("most of the refugees detained this
    month have already been repatriated"); in the lead it is the news itself, and an act its
    noun names ("has ordered the arrest") takes no day told after it (_named_in_perfect). A
    past perfect ("had launched") is reported speech's past and is neither."""
    verb = m.trigger.head if m.trigger.dep_ in ("dobj", "nsubj", "nsubjpass") else m.trigger
    return any(c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve") for c in verb.children)


def _lead_day(c: Cluster, carried: list[tuple[int, TimeSpan]], untold: list[tuple[int, int, TimeSpan]],
              lead: list[int], published: date) -> TimeSpan | None:
    """An act of the lead told after the report's day or week in a sentence that tells no act
    of its own, in the paragraphs just before it (date.lead_day), is that day's: "Pyongyang, July
    21 (KCNA) -- It rained torrentially between 14 and 16 of July, causing heavy losses. // In the
    Yangdok area a lot of people died and 6,200 houses were destroyed"; "A North Korean vessel
    was found at Samcheok port last Saturday. // The vessel traveled 130 kilometers south".
    Not a day of the news cycle (the news of the day dates it already), nor a month, nor a day
    over a season old (a photo caption's "at Kim Il Sung University, April 11, 2012")."""
    if c.first.paragraph not in lead or not carried:
        return None
    start, time = max(carried, key=lambda entry: entry[0])
    if (start not in {s for s, _, _ in untold} or time.precision not in (1, 2) or dates.in_news_cycle(time, published)
            or time.start is None or (published - time.start).days > NEWS_WINDOW_DAYS):
        return None  # not a day of the news of the day, nor of a picture years old
    return time


# the modalities of an act that took place: a planned drill, a feared crackdown or a rumour
# dates no act of the news
TOOK_PLACE = frozenset({"asserted", "reported", "ongoing", "alleged"})
# dates counted from another act ("a week later", "at around 2 a.m.") are that act's sequel
COUNTED_DATES = frozenset({"date.anaphor", "date.clock", "date.same_month_day", "date.days_after_clause"})


def _short_item_lead(c: Cluster, clusters: list[Cluster], published: date | None) -> TimeSpan | None:
    """The date a short item's undated act takes from the story (date.short_item_lead): the
    last date its own words give an act told at or before it ("The shooting took place on the
    9th. ... His companion was detained on the spot") that took place, not after the
    report ("North Korea fired a missile ... // The allies will stage a drill next week": the
    planned drill lends no date), nor a date counted from another act ("A week later, a public
    trial was held": the trial's day is no day of the confiscation told before it), nor a tally
    of years ("documented 27 executions from 2015 to 2022")."""
    lent = [(m.sent.start_char, m.time) for o in clusters if not o.first.background for m in o.mentions
            if m.time and m.time.precision and not m.time_inherited and not m.background and m.modality in TOOK_PLACE
            and m.rules.get("date") not in COUNTED_DATES and m.sent.start <= c.first.sent.start
            and not (published and ((m.time.end and m.time.end > published) or tally(m.time, published)))]
    return max(lent, key=lambda entry: entry[0])[1] if lent else None


def date_undated(
    clusters: list[Cluster], doc: Doc, article: Article, spoken: TimeSpan | None, found: list[dates.DateMention]
) -> None:
    """Incidents whose own clauses carry no date. An act an agency or a ministry
    announces on a stated day is that day's news ("..., the South's military said
    Wednesday"). A short wire item tells one story: its lead's time, else the news cycle
    of publication. A longer report dates them as honestly as it can: the date told
    before it in its paragraph, else from the earliest act the report dates within a
    season (or the usual "recently" window, whichever is earlier) to publication, as precise as the
    window is wide. Background ("since October 2002", "in 2021") starts
    no window."""
    short = len(list(doc.sents)) <= SHORT_ITEM_SENTENCES
    # acts dated to the day, week or month, or going on since a recent date ("Since April,
    # troops have been laying mines"): a year of background is no date for the next act
    dated = [m for c in clusters for m in c.mentions
             if m.time and not m.time_inherited and not m.background
             and (m.time.precision in (1, 2, 3) or _recently_since(m.time, article.published))]
    found = found if article.published else []
    news_day = article.published is not None and _news_of_the_day(doc, found, dated, article.published, spoken)
    announced = _announced(clusters, article, found)
    _date_by_anaphor(clusters, doc, found)
    # what each paragraph dates before an act: acts dated above, and sentences that tell no
    # act ("Earlier this month, three soldiers broke into a home" before "The remaining
    # soldier was arrested on site")
    sequence = [(m.sent.start, m.paragraph, m.time) for m in dated if m.time is not None]
    untold = _untold_dates(clusters, doc, found, article.published)
    sequence += untold
    lead = sorted({m.paragraph for c in clusters for m in c.mentions})[:LEAD_PARAGRAPHS]
    told_sents = {m.sent.start for c in clusters for m in c.mentions}
    recent = dates.resolve("recently", article.published)
    cycle = dates.news_cycle(article.published) if news_day and article.published else None
    told_by = _told_by(clusters)
    dated_before = {id(c) for c in clusters if c.best_time()}
    for c in clusters:
        if article.published and (body := _told_after_recently(c, clusters, doc, found, lead, article.published)):
            for m in body[0]:
                m.set_time(body[1], body[2])
        if c.best_time():
            continue
        if id(c) in announced:
            c.first.set_time(*announced[id(c)])
            continue
        if (same := _twin_date(told_by[c.first.trigger.i], dated_before) or _gathering_day(c.first, found)) is not None:
            c.first.set_time(*same)
            continue
        # a paragraph tells one sequence: "The shooting took place on the 9th. ... His two
        # companions were detained on the spot." takes the date told before it
        told = [(start, time) for start, paragraph, time in sequence
                if paragraph == c.first.paragraph and start < c.first.sent.start]
        rule: str | None = None
        # the narrative carried on across paragraphs: "North Korea fired at the balloons on
        # Friday evening. // The South fired back. // North Korea then fired back at guard posts."
        carried = [(start, time) for start, paragraph, time in sequence
                   if c.first.paragraph - SEQUENCE_REACH_PARAGRAPHS <= paragraph < c.first.paragraph
                   and start < c.first.sent.start]
        if told and not short:
            c.first.time, rule = max(told, key=lambda entry: entry[0])[1], "date.paragraph_before"
        elif carried and not short and SEQUENCE_CUE.search(c.first.sent.text):
            c.first.time, rule = max(carried, key=lambda entry: entry[0])[1], "date.sequence_cue"
        elif not short and article.published and (
                lead_day := _lead_day(c, carried, untold, lead, article.published)) is not None:
            c.first.time, rule = lead_day, "date.lead_day"
        elif not short and (when := _lead_when(c, doc, found, lead, recent, cycle, told_sents)) is not None:
            c.first.time, rule = when, "date.lead_perfect" if _present_perfect(c.first) else "date.lead_when"
        elif short:
            if (lead_time := _short_item_lead(c, clusters, article.published)) is not None:
                c.first.time, rule = lead_time, "date.short_item_lead"
            elif article.published:
                # a short item tells no act after its source spoke: the news cycle ends on the
                # day the text names for the speaking ("told Daily NK on Feb. 25"), else at
                # publication
                told_on = spoken.end if spoken and spoken.end and spoken.precision == 1 else None
                c.first.time, rule = dates.news_cycle(told_on or article.published), "date.news_cycle"
        elif not short and dates.lasting(c.first.trigger.lemma_) and (since := _lasting_since(found, article.published)):
            c.first.time, rule = since, "date.lasting_since"
        elif article.published and dates.news_type(c.first.event_type):
            # the day it was said, when its sentence tells it ("earlier this year said in a
            # statement"), else the news of the day it is told
            said = dates.reporting_date(c.first.sent, starting_in(found, c.first.sent.start_char, c.first.sent.end_char))
            c.first.time = said.span if said is not None and said.span.precision else dates.news_cycle(article.published)
            rule = "date.statement_news"
        elif article.published and news_day and not dates.lasting(c.first.trigger.lemma_) \
                and not (c.first.paragraph not in lead[:2] and _present_perfect(c.first)):
            c.first.time, rule = dates.news_cycle(article.published), "date.news_of_the_day"
        elif article.published:
            # the report's news reaches back to the earliest act it dates to the day, week or
            # month ("on February 16"); a year or a "since" of background ("since October
            # 2002", "in 2021") is no start for the news, nor an act dated over a season back
            starts = [m.time.start for m in dated if m.time and m.time.start
                      and (article.published - m.time.start).days <= NEWS_WINDOW_DAYS]
            starts += [recent.start] if recent.start else []
            # to publication, as analysts code an undated act ("on or before" the report),
            # even when the text names the day its source spoke: that day bounds the act too,
            # but a window ending before the report would exclude the analyst's own bound
            end = article.published
            # the window is Yalu's own inference, not a vague word of the text: its precision is
            # its width (ontology.md: a window of a month at most is month precision), so a
            # report's news of the last weeks is not coded as vaguely as "in recent years"
            start = min(starts)
            c.first.time = TimeSpan(start, end, dates.precision_for(start, end), None)
            rule = "date.recent_window"
        if rule is not None and c.first.time is not None:
            c.first.rules["date"] = rule
        c.first.time_inherited = c.first.time is not None
    _twins_told_later(clusters, told_by)
    for c in clusters:
        _put_out(c, doc, found)


# the rules that date an act the report leaves undated by the day of the news alone (not the
# recent window: a twin's day there fell the English gate's date)
FALLBACK_DATES = frozenset({"date.news_of_the_day", "date.reported_news"})


def _twins_told_later(clusters: list[Cluster], told_by: dict[int, list[Cluster]]) -> None:
    """A record dated only by the day of the news (FALLBACK_DATES) that shares the words
    of an act, or a sentence with a record of a type it can be part of or that can be part of it
    (ontology.toml's part_of), with a record its report dates to the day takes that day
    (date.twin_dated):
    a headline's "Fishermen defect across the NLL" and the body's incursion "spotted on the
    evening of May 3" share "after crossing the NLL", one act told as both; the twin is dated
    in the dating loop after it, so `_twin_date` missed it. An arrest for an act or a
    repatriation after it (ontology.toml's charge) came after it: another act, another day; a
    twin's month or year is too coarse to tell it is the same act's (English gate date fell)."""
    for c in clusters:
        if (c.first.rules.get("date") not in FALLBACK_DATES or not c.first.time_inherited
                or _named_in_perfect(c.first)):
            continue  # "has ordered the arrest of a guard who fled": the guard's flight is not the arrest
        sents = {m.sent.start for m in c.mentions}
        twins = [t for m in c.mentions for t in told_by.get(m.trigger.i, []) if t is not c]
        twins += [t for t in clusters if part_of_types(t.event_type, c.event_type)
                  and any(m.sent.start in sents for m in t.mentions)]
        for t in twins:
            time = t.best_time()
            if time is not None and time.precision == 1 and t.first.rules.get("date") not in FALLBACK_DATES:
                c.first.time, c.first.rules["date"] = time, "date.twin_dated"
                break


def _told_by(clusters: list[Cluster]) -> dict[int, list[Cluster]]:
    """The records the words that tell an act tell: a record the same words tell as another
    type (frame.soldier_deserts keeps a soldier's defection as his desertion too) is of its
    day (date.same_words)."""
    told_by: dict[int, list[Cluster]] = {}
    for c in clusters:
        for i in {m.trigger.i for m in c.mentions}:
            told_by.setdefault(i, []).append(c)
    return told_by


def _twin_date(twins: list[Cluster], dated_before: set[int]) -> tuple[TimeSpan, str] | None:
    """The day a twin has when a record is dated, not before the dating loop, so that twins
    agree: a twin the loop dates (date.lead_when, date.lead_day) lends the day it was given
    and the rule that gave it (the same words' rule, as the record would take it itself),
    one its own words date lends its day as date.same_words."""
    twin = next((t for t in twins if t.best_time()), None)
    if twin is None or (time := twin.best_time()) is None:
        return None
    return time, "date.same_words" if id(twin) in dated_before else twin.first.rules.get("date", "date.same_words")


def _put_out(c: Cluster, doc: Doc, found: list[dates.DateMention]) -> None:
    """A fire dated to the day it broke out and told put out on a later day, a few days on at
    most, ran over both (date.put_out, data/dates.toml): "A forest fire broke out on
    April 9 ... // The fire was finally put out at about 11:20 on April 10" is April 9-10."""
    time = c.best_time()
    fire = next((m for m in c.mentions if m.time == time and dates.fire(m.trigger.lemma_)), None)
    if fire is None or time is None or time.precision != 1 or time.start is None or time.end is None:
        return
    for d in found:
        if d.start < fire.sent.start_char or d.span.precision != 1 or d.span.end is None or d.future:
            continue
        where = doc.char_span(d.start, d.end, alignment_mode="expand")
        if (where is not None and 0 < (d.span.end - time.end).days <= dates.put_out_days()
                and dates.put_out(where.sent.text)):
            # both days told to the day: a run of days, coded as a day (as "on Dec. 5 and 6" is)
            fire.time = TimeSpan(time.start, d.span.end, 1, time.expression)
            fire.rules["date"] = "date.put_out"
            return
