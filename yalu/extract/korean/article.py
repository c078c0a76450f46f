"""From an annotated Korean article to incident records: the English stage's mentions,
clusters and records, filled from Korean rules."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import cast

from spacy.tokens import Span, Token

from ... import resources
from ...annotate.korean import KoreanDoc, Morpheme, Sentence
from ...dates import in_news_cycle, news_cycle, precision_for
from ...dates.attach import AFTER_CLAUSE_REACH_DAYS
from ...model import Article, Attribution, Incident, Location, TimeSpan
from ...ontology import by_place as ontology_by_place
from ...places.geoparse import Geoparser
from ..article import history
from ..classifier import Decider
from ..clustering import Cluster, cluster_mentions
from ..features import document_features, slot_features
from ..mentions import Mention
from ..records import record, reportable
from ..slots import BACKGROUND_DAYS, SHORT_ITEM_SENTENCES
from . import slots
from .dates import KoreanDate, find_dates
from .triggers import clause_end, find_triggers, judge, trigger_rules

# the date rules whose span starts on a day the text names
NAMED_STARTS = {"date.ko.run", "date.ko.since"}

# the sayers whose stated day dates what they announce: state media, the South's offices
ANNOUNCERS = {"state_media", "official"}
# the verbs that announce: what an announcer reported, said or made public
REPORTED = re.compile(r"(?:보도했|보도하였|밝혔|발표했|공개했|전했)")

# the sayers who tell what happened some time before: sources, and outlets retelling them
HEARSAY = {"anonymous_source", "media"}

# the 30-day "recently" window of an undated act (the English stage's, data/dates.toml)
RECENT_DAYS = 30

# the dates that tell an act vaguely (recently, a part of a month), and how far after it
# the account that dates it more precisely may follow: the next sentence or two, where the
# source's account opens
VAGUE = {"date.ko.recently", "date.ko.relative_part", "date.ko.month"}
TOLD_AFTER_CHARS = 200


@dataclass(frozen=True)
class Anchor:
    """What the record stage reads of a trigger (spaCy's Token in English): its index,
    offset, text and lemma."""

    i: int
    idx: int
    text: str
    lemma_: str
    # no parse: two kinds of one act are never one verb joined to another (clustering's
    # _same_sufferers reads these)
    dep_: str = ""
    head: None = None


@dataclass(frozen=True)
class Stretch:
    """What the record stage reads of a sentence (spaCy's Span in English)."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str


def _own_date(found: list[KoreanDate], doc: KoreanDoc, sentence: Sentence, trigger: Morpheme,
              published: date | None) -> KoreanDate | None:
    """The date of the trigger's own sentence: the nearest before it (Korean puts the
    time before the verb), else the first after it (a headline's "혜산서 9일 탈북"); never
    the day a source spoke, nor the date of another act's clause before the trigger's
    (`_another_clause`)."""
    inside = [d for d in found if sentence.start_char <= d.start < sentence.end_char and not d.spoken and d.span.precision]
    before = [d for d in inside if d.start < trigger.start]
    if before:
        return _another_clause(doc, sentence, before[-1], trigger, published)
    return inside[0] if inside else None


def _another_clause(doc: KoreanDoc, sentence: Sentence, d: KoreanDate, trigger: Morpheme,
                    published: date | None) -> KoreanDate | None:
    """`d`, unless another act's clause holds it (date.ko.another_clause, data/ko/dates.toml):
    between the date and the trigger, a verb closed by an adnominal ending and a word of
    sequence after it. After that act ("20일 준전시상태가 선포된 이후 ... 뒷돈"), the trigger's
    act ran from its date to publication, when the date is recent (AFTER_CLAUSE_REACH_DAYS);
    ahead of it or as its finding ("5월 초에 열릴 당 대회를 앞두고 ... 체포돼"), no date."""
    cue = resources.load("ko/dates.toml")["another_clause"]
    between = sentence.text[d.end - sentence.start_char:trigger.start - sentence.start_char]
    verbs = [m.start for m in doc.morphemes[sentence.first:sentence.last] if m.pos == "ETM" and d.end <= m.start]

    def closed(pattern: str) -> bool:
        return any(verbs and verbs[0] < d.end + found.start() for found in re.finditer(pattern, between))

    if closed(cue["other"]):
        return None
    if not closed(cue["after"]):
        return d
    start = d.span.start
    if start is None or published is None or not 0 <= (published - start).days <= AFTER_CLAUSE_REACH_DAYS:
        return None
    return KoreanDate(d.start, d.end, cue["id"], TimeSpan(start, published, precision_for(start, published), None), False)


def _news_dates(found: list[KoreanDate], published: date | None) -> list[KoreanDate]:
    """The dates an undated act told after them may take: a day, a week or a month of the
    news (within BACKGROUND_DAYS of publication), not a source's day nor background, nor a
    span running since a date ("5월부터 감시를 강화했다"): a setting that goes on, no act's day."""
    return [d for d in found if not d.spoken and d.span.precision in (1, 2, 3) and d.span.end
            and d.rule != "date.ko.since"
            and (published is None or 0 <= (published - d.span.end).days <= BACKGROUND_DAYS)]


def _news_of_the_day(found: list[KoreanDate], published: date | None) -> bool:
    """A report that names the day of publication or the day before as an act's ("6일 ...
    이날 오전 실종됐다", published on the 6th) tells that day's news, as wire copy does:
    its undated acts are that news cycle's. Not a source's day nor a page's stamp."""
    return published is not None and any(not d.spoken and in_news_cycle(d.span, published) for d in found)


def _spoken(found: list[KoreanDate]) -> TimeSpan | None:
    """The day the article's source spoke ("2일 데일리NK에"): no act it tells is later."""
    return next((d.span for d in found if d.spoken and d.span.end), None)


def _capped(time: TimeSpan, spoken: TimeSpan | None) -> TimeSpan:
    if spoken is None or spoken.end is None or time.end is None or time.end <= spoken.end:
        return time
    if time.start is not None and time.start > spoken.end:
        return time  # a date past the source's day is not the act's: leave it be
    return TimeSpan(time.start, spoken.end, time.precision, time.expression)


def _acts(doc: KoreanDoc) -> list[tuple[int, int, frozenset[str]]]:
    """Each sentence's stretch and the types of the acts its triggers name."""
    return [(s.start_char, s.end_char, frozenset(rule.type for _, rule in find_triggers(doc, s))) for s in doc.sentences]


def _other_acts(acts: list[tuple[int, int, frozenset[str]]], event_type: str) -> list[tuple[int, int]]:
    """The stretches of the sentences that tell an act of another type and none of this one:
    a date told there is that act's ("... 최근 노동교화형을 선고받았다" is not dated by "지난주 ...
    구류됐다" two sentences later)."""
    return [(start, end) for start, end, types in acts if types and event_type not in types]


def _told_after(found: list[KoreanDate], sentence: Sentence, vague: KoreanDate,
                other_acts: list[tuple[int, int]]) -> KoreanDate | None:
    """An act told vaguely, as recent or in a part of a month ("최근 탈북을 시도하던 주민 2명이
    ... 사망했다", "이달 중순 ... 추락했다"), is dated by the account that follows it ("소식통은
    “이달 중순 ...”", "“지난 월요일(17일) ...”"): the first date told within TOLD_AFTER_CHARS
    after its sentence, if more precise and inside the vague span (`date.ko.told_after`). Not
    when its own sentence tells another date ("최근 ... 망발과 관련하여 23일 ... 대답하였다"):
    the vague act is another's."""
    if any(d is not vague and sentence.start_char <= d.start < sentence.end_char and not d.spoken and d.span.precision
           for d in found):
        return None
    after = [d for d in found if sentence.end_char <= d.start <= sentence.end_char + TOLD_AFTER_CHARS
             and not d.spoken and d.span.precision in (1, 2, 3) and d.span.start and d.span.end
             and not any(a <= d.start < b for a, b in other_acts)]
    if not after or vague.span.start is None or vague.span.end is None:
        return None
    first, start, end = after[0], after[0].span.start, after[0].span.end
    if (start is None or end is None or first.span.precision >= vague.span.precision
            or not (vague.span.start <= start and end <= vague.span.end)):
        return None
    return KoreanDate(first.start, first.end, "date.ko.told_after", first.span, first.spoken)


def _mention(doc: KoreanDoc, sentence: Sentence, trigger: Morpheme, rule, modality: tuple[str, str],
             context: dict) -> Mention:
    own = _own_date(context["dates"], doc, sentence, trigger, context["published"])
    rules = {"trigger": rule.id, "modality": modality[1]}
    time = None
    if own is not None and own.rule in VAGUE:
        own = _told_after(context["dates"], sentence, own, _other_acts(context["acts"], rule.type)) or own
    if own is not None:
        # a run the text names to its last day ("25일부터 31일까지") may be declared ahead
        time = own.span if own.rule == "date.ko.run" else _capped(own.span, context["spoken"])
        rules["date"] = own.rule
    best = slots.sentence_hit(context["places"], sentence, trigger.start, rule.type, clause_end(doc, sentence, trigger))
    location = None
    if best is not None:
        location = context["geoparser"].location(best.place, text=best.text, context=sentence.text)
        rules["place"] = slots.place_rule(best, rule.type)
    another = _another(sentence, trigger)
    if another:
        rules["another"] = another
    cited = slots.attribution(sentence.text, context["geoparser"].gazetteer)
    return Mention(
        event_type=rule.type,
        trigger=cast(Token, Anchor(trigger.i, trigger.start, trigger.surface, trigger.form)),
        sent=cast(Span, Stretch(sentence.first, sentence.last, sentence.start_char, sentence.end_char, sentence.text)),
        window=[],
        weight=rule.weight,
        modality=modality[0],
        paragraph=sentence.paragraph,
        location=location,
        time=time,
        actors=slots.actors(sentence.text),
        quantities=slots.quantities(sentence.text),
        attribution=cited[0] if cited else context["attribution"],
        rules=rules,
        kind=_kind(doc, sentence, trigger, rule.kind_of(trigger.form)),
    )


def _kind(doc: KoreanDoc, sentence: Sentence, trigger: Morpheme, kind: str) -> str:
    """The kind of the trigger's act, or the kind it joins when its sentence names one
    (cluster.ko.joined_kinds: "해임·추방돼" is one cadre dismissed and banished, one act), unless
    others are named between them ("간부가 철직되고 그의 가족들은 산골로 추방됐다": two acts)."""
    story = resources.load("ko/triggers.toml")["story"]
    joined = story["joined_kinds"].get(kind)
    for m in doc.of(sentence) if joined else ():
        between = doc.text[min(m.end, trigger.end):max(m.start, trigger.start)]
        if m.form in _forms_of(joined) and not any(w in between for w in story["joined_not_across"]):
            return cast(str, joined)
    return kind


@cache
def _forms_of(kind: str) -> frozenset[str]:
    """The trigger forms of a kind of act, of every trigger rule ("dismissal": 해임, 철직, ...)."""
    return frozenset(form for rule in trigger_rules() for form, k in rule.kinds if k == kind)


def _another(sentence: Sentence, trigger: Morpheme) -> str | None:
    """The rule that reads one more act of the trigger's kind in its sentence: a word before
    it (`cluster.ko.another`: "또 한 명의 주민이 ... 체포됐다", "지난 7월에도", "보안원 1명도"; not another
    source, "또 다른 양강도의 한 소식통은"), or an opening "한편", "meanwhile" (`cluster.ko.meanwhile`), in a
    sentence that points back at no act told ("한편 이번에 체포된 주민들은" does):
    data/ko/triggers.toml's [story.another]."""
    cue = resources.load("ko/triggers.toml")["story"]["another"]
    before = sentence.text[:trigger.start - sentence.start_char]
    for word in cue["words"]:
        at = before.find(word)
        if at >= 0 and not any(n in before[at + len(word):at + len(word) + cue["source_window"]] for n in cue["not_before"]):
            return "cluster.ko.another"
    if re.search(cue["also_dated"], before) or re.search(cue["also_people"], before):
        return "cluster.ko.another"
    opened = sentence.text.lstrip(" \"“‘'")
    if not any(opened.startswith(o) for o in cue["openers"]):
        return None
    words = [w.strip(",.“”‘’\"'()") for w in sentence.text.split()]
    if any(w in cue["back"] or w.startswith(tuple(cue["back_prefixes"])) for w in words):
        return None
    return "cluster.ko.meanwhile"


def _listed(m: Mention, sentence: Sentence, trigger: Morpheme, context: dict) -> list[Mention]:
    """cluster.ko.listed: the acts a sentence lists before its trigger, one a comma-parted
    clause with its own place and count ("A리 일대에서 130여 발, B리 일대에서 40여 발의 포사격을
    했다"), as one mention each: the first is the mention itself, placed and counted by its
    clause; the others are more acts of its kind (data/ko/triggers.toml's [story.listed]).
    A sentence listing none gives the mention alone."""
    cue = resources.load("ko/triggers.toml")["story"]["listed"]
    clauses, at = [], sentence.start_char
    for part in sentence.text[:trigger.start - sentence.start_char].split(","):
        clauses.append((at, at + len(part), part))
        at += len(part) + 1
    run = [clauses[-1]] if re.search(cue["count_last"], clauses[-1][2]) else []
    for clause in reversed(clauses[:-1] if run else []):
        if not re.search(cue["count_end"], clause[2]):
            break
        run.insert(0, clause)
    places = [slots.sentence_place(context["places"], replace(sentence, start_char=start, end_char=end), trigger.start,
                                   context["geoparser"], m.event_type) for start, end, _ in run]
    told = {(p.admin1_code, p.admin2, p.location_name) for p in places if p is not None}
    if len(run) < 2 or None in places or len(told) < len(run):
        return [m]
    listed = []
    for i, ((_, _, text), place) in enumerate(zip(run, places)):
        rules = dict(m.rules, place="place.ko.listed") | ({"another": "cluster.ko.listed"} if i else {})
        listed.append(replace(m, location=place, quantities=slots.quantities(text), rules=rules))
    return listed


def _by_place(m: Mention, doc: KoreanDoc, sentence: Sentence, trigger: Morpheme, context: dict) -> list[Mention]:
    """record.ko.by_place: an act of a by_place type (data/ontology.toml: an arrest, an
    execution, a visit; a by_place_kinds kind: a wildfire) that its clause places in several
    coordinated places of one level ("평성과 순천, 강계시에서 각각 2명씩 처형됐다") is one mention a place
    (slots.coordinated); an act of a by_province kind (an epidemic) one a province, the
    first place named in each. The first keeps the mention's count; the others are more
    acts of its kind, as cluster.ko.listed's."""
    placed, provinces = ontology_by_place(m.event_type, {m.kind})
    if m.location is None or not (placed or provinces):
        return [m]
    end = clause_end(doc, sentence, trigger)
    inside = slots.clause_hits(context["places"], sentence, m.event_type, end)
    if not inside:
        return [m]
    geoparser = context["geoparser"]
    named = slots.nearest_hit(inside, trigger.start)
    clause = doc.text[sentence.start_char:end]
    sites = [geoparser.location(h.place, text=h.text, context=sentence.text)
             for h in slots.coordinated(named, inside, doc.text, clause, geoparser.gazetteer)[1:]]
    if provinces:
        first: dict[str | None, Location] = {m.location.admin1_code: m.location}
        for site in sites:
            first.setdefault(site.admin1_code, site)
        sites = [site for code, site in first.items() if code and site is not m.location]
    rules = dict(m.rules, place="place.ko.coordinated", another="cluster.ko.listed")
    return [m] + [replace(m, location=site, quantities=[], rules=rules) for site in sites]


def _inherit(mentions: list[Mention], context: dict, published: date | None) -> None:
    """Undated and unplaced mentions: the place and date told before them in the article
    (a report tells one story), then the source's home; undated, see _date_undated."""
    last_place: Location | None = None
    last_time: tuple[int, TimeSpan] | None = None
    for m in mentions:
        if m.location is None:
            state = slots.state_location(m.event_type, m.sent.text)
            if last_place is not None and slots.lent(last_place, m.event_type):
                m.set_place(last_place, "place.ko.article")
            elif context["home"] is not None:
                m.set_place(context["home"], "place.ko.source_home")
            elif state is not None:
                m.set_place(state, "place.ko.state")
        elif not m.place_inherited and m.location.geo_precision < 3:
            last_place = m.location
        if m.time is None:
            # a time of its own the rules cannot date ("설 명절 직후에도"): no date told before it
            unread = any(w in m.sent.text for w in resources.load("ko/dates.toml")["unread_time"]["words"])
            _date_undated(m, context, published, _told_before(m, last_time, context["told"]), mentions, unread)
        elif not m.time_inherited and m.time.precision in (1, 2, 3):
            last_time = (m.sent.start_char, m.time)


def _began(mentions: list[Mention], context: dict, published: date | None) -> None:
    """An act told as begun ("검열에 착수했다", "단속에 나섰다") or as going on ("검열을 진행하고
    있다": modality.ko.ongoing) on a vague date (a week, a part of a month, a month) runs from
    that date to the day the source spoke, else publication, as precise as its start
    (date.ko.began, data/ko/dates.toml)."""
    cue = resources.load("ko/dates.toml")["began"]
    spoken = context["spoken"].end if context["spoken"] else None
    for m in mentions:
        t = m.time
        if t is None or t.start is None or t.end is None or t.precision not in (2, 3):
            continue
        after = m.sent.text[m.trigger.idx - m.sent.start_char + len(m.trigger.text):]
        end = spoken if spoken and spoken >= t.start else published
        # right after the trigger, or after its word told again ("단속을 강화하며 단속에 나섰다")
        begun = re.match(cue["pattern"], after) or re.search(re.escape(m.trigger.text) + cue["pattern"], after)
        if end is not None and end > t.end and (begun or m.modality == "ongoing"):
            inherited = m.time_inherited
            m.set_time(TimeSpan(t.start, end, t.precision, t.expression), cue["id"])
            m.time_inherited = inherited


def _told_before(m: Mention, last: tuple[int, TimeSpan] | None, told: list[KoreanDate]) -> TimeSpan | None:
    """The date told last before the mention's sentence: an act's, or one a sentence tells
    with no act ("합참에 따르면 이날 오전 목선이 포착됐다" before "... 탈북 경위를 조사하고
    있다")."""
    before = [(d.start, d.span) for d in told if d.start < m.sent.start_char]
    if last is not None:
        before.append(last)
    return max(before, key=lambda entry: entry[0])[1] if before else None


def _date_undated(m: Mention, context: dict, published: date | None, told: TimeSpan | None,
                  mentions: list[Mention], unread: bool = False) -> None:
    """An act announced on a stated day is that day's news; else the date told before it;
    else the news cycle of a short wire item (no source's hearsay) or of a report of the
    day's news; else the first act's day told after it in the recent window
    (date.ko.body_day); else the recent window (date.ko.recent_window): from 30 days before the
    source spoke (or publication) to publication, as the English stage's date.recent_window
    codes an undated act "on or before" the report, as precise as it is wide (a month). An act
    with a time of its own the rules cannot read (`unread`: "설 명절 직후에도") takes only the
    recent window, no day of another act or of the news."""
    announced = None if unread else _announced(m, context)
    end = (context["spoken"].end if context["spoken"] else None) or published
    if announced is not None:
        m.set_time(announced, "date.ko.announced")
    elif told is not None and not unread:
        m.set_time(told, "date.ko.told_before")
    elif (context["short"] or context["news_day"] or context["announced_lead"]) and end is not None and not unread:
        m.set_time(news_cycle(end), "date.ko.news_cycle")
    elif end is not None and not unread and (body := _body_day(m, context, end, mentions)) is not None:
        m.set_time(body, resources.load("ko/dates.toml")["body_day"]["id"])
    elif end is not None:
        start = end - timedelta(days=RECENT_DAYS)
        last = max(end, published) if published else end
        m.set_time(TimeSpan(start, last, precision_for(start, last), None), "date.ko.recent_window")


def _body_day(m: Mention, context: dict, end: date, mentions: list[Mention]) -> TimeSpan | None:
    """The first day told after an undated act's sentence in a sentence telling an act, if it
    falls in the recent window before `end` (date.ko.body_day, data/ko/dates.toml): a lead told
    in detail below; not past a sentence opening another story ("한편"). Not for an act that goes on, nor one of a campaign's types."""
    cue = resources.load("ko/dates.toml")["body_day"]
    if m.modality == "ongoing" or m.event_type in cue["not_types"]:
        return None
    stop = next((s.start_char for s in context["sentences"] if s.start_char >= m.sent.end_char
                 and s.text.lstrip().startswith(tuple(cue["stop"]))), None)
    for d in context["dates"]:
        if d.start < m.sent.end_char or d.spoken or d.span.precision != 1 or d.span.end is None:
            continue
        if stop is not None and d.start >= stop:
            return None
        if any(o.sent.start_char <= d.start < o.sent.end_char for o in mentions):
            return d.span if 0 <= (end - d.span.end).days <= RECENT_DAYS else None
    return None


def _announced(m: Mention, context: dict) -> TimeSpan | None:
    """An undated act state media or the South's offices announced on a stated day ("김
    위원장이 ... 현지지도를 했다고 노동신문이 15일 보도했다", "... 합동참모본부가 4일 밝혔다"):
    wire copy reports that day's news, the day before it or the day itself (the English
    stage's news cycle). Not what an outlet retells from its sources ("데일리NK가 23일
    보도했다"): that happened some time before."""
    cited = slots.attribution(m.sent.text, context["geoparser"].gazetteer)
    if not _announcer(cited):
        return None
    said = next((d.span.end for d in context["dates"] if d.spoken and d.span.precision == 1 and d.span.end
                 and m.sent.start_char <= d.start < m.sent.end_char), None)
    if said is None and REPORTED.search(m.sent.text):
        # announced with no day stated ("... 쐈다고 북한 매체가 보도했습니다"): the day's news
        said = context["published"]
    return news_cycle(said) if said else None


def _announcer(cited: tuple[Attribution, str] | None) -> bool:
    """State media or one of the South's offices that tells the day's news: not one that
    retells what it learned some time before (`_retells`)."""
    return cited is not None and cited[0].kind in ANNOUNCERS and not _retells(cited)


def _retells(cited: tuple[Attribution, str]) -> bool:
    """A sayer that tells what happened some time before: a source, an outlet retelling
    one (HEARSAY), or an office that tells what it learned (slots.toml's `retells`: the
    spy agency)."""
    return cited[0].kind in HEARSAY or any(r["id"] == cited[1] and r.get("retells") for r in slots.slot_data()["attribution"])


def _announced_lead(doc: KoreanDoc, geoparser: Geoparser) -> bool:
    """The first sentence that tells who reported what (a headline's "국방부 ..." names a sayer
    but reports nothing) is an announcement of state media or the South's offices."""
    for s in doc.sentences:
        cited = slots.attribution(s.text, geoparser.gazetteer)
        if cited is not None and REPORTED.search(s.text):
            return _announcer(cited)
    return False


def _article_place(hits: list[slots.PlaceHit], geoparser: Geoparser) -> tuple[Location, str] | None:
    """The county the article names most outside a source's home (the first of those named
    as often: the headline's), else its province named most, and the rule that placed it (a
    county named once in passing, "길주군 핵실험장에서 가까운 백암군", is not the story's);
    a province the source's home county lies in is that county (place.ko.source_county: RFA's "양강도 백암군의 한 주민 소식통은"
    under a headline "북 사회안전성, 인민반 숙박 통제 강화" in a story that names 양강도 tells of Paegam)."""
    for level in (1, 2):
        named = [h for h in hits if not h.source_home and not h.destination and slots.PRECISE_FIRST.get(h.place.kind, 3) <= level]
        if named:
            times = Counter(h.place.id for h in named)
            h = min(named, key=lambda h: -times[h.place.id])
            return _source_county(h, hits, geoparser) if level == 2 else (geoparser.location(h.place, text=h.text), "place.ko.article")
    return None


def _before_meanwhile(doc: KoreanDoc, hits: list[slots.PlaceHit]) -> list[slots.PlaceHit]:
    """The places named before the first sentence below the headline that "한편" ("meanwhile")
    opens: Daily NK's closing "한편 혜산시 장마당의 쌀값은 ..." tells another item of the news,
    and its county, however often named, is not the story's."""
    openers = tuple(resources.load("ko/triggers.toml")["story"]["another"]["openers"])
    cut = next((s.start_char for s in doc.sentences if s.index > 0 and s.text.lstrip(" \"“‘'").startswith(openers)), None)
    return hits if cut is None else [h for h in hits if h.start < cut]


def _source_county(province: slots.PlaceHit, hits: list[slots.PlaceHit], geoparser: Geoparser) -> tuple[Location, str]:
    """A province-level article place, or the source's home county inside it."""
    for h in hits:
        if h.source_home and slots.PRECISE_FIRST.get(h.place.kind, 3) <= 1 and province.place in geoparser.gazetteer.ancestors(h.place):
            return geoparser.location(h.place, text=h.text), "place.ko.source_county"
    return geoparser.location(province.place, text=province.text), "place.ko.article"


def extract_korean(doc: KoreanDoc, article: Article, geoparser: Geoparser, decide: Decider | None = None) -> list[Incident]:
    """The incidents of one Korean article: candidates from the Korean rules. With a
    decider (the Korean model, trained on what the Korean rules know: features.py's
    slot and document features), it decides which are reported and sets their
    confidence; without one, every candidate is."""
    shown = slots.captions(doc)
    # a photo's caption shows an old scene ("2023년 8월 ... 공개재판 모습. 데일리NK 자료사진"): its
    # date dates no act of the story
    pictured = [(s.start_char, s.end_char) for s in doc.sentences if s.index in shown]
    found = [d for d in find_dates(doc.text, article.published) if not any(a <= d.start < b for a, b in pictured)]
    hits = slots.find_places(doc, geoparser)
    lead = next((cited for s in doc.sentences if (cited := slots.attribution(s.text, geoparser.gazetteer))), None)
    context = {
        "dates": found, "spoken": _spoken(found), "sentences": doc.sentences, "places": hits, "geoparser": geoparser, "published": article.published,
        "acts": _acts(doc),
        "home": slots.source_home(hits, geoparser), "attribution": lead[0] if lead else None,
        "told": _news_dates(found, article.published),
        # a short wire item tells one news cycle, unless it retells a source's hearsay or
        # what an office learned
        "short": len(doc.sentences) <= SHORT_ITEM_SENTENCES and not (lead and _retells(lead)),
        "news_day": _news_of_the_day(found, article.published),
        # a lead telling what state media or the South's offices announced, with no day
        # ("... 해안포를 쐈다고 북한 매체가 보도했습니다"): the story is that day's news
        "announced_lead": _announced_lead(doc, geoparser),
    }
    mentions: list[Mention] = []
    for sentence in doc.sentences:
        if sentence.index in shown:
            continue  # a photo's caption shows, it does not report
        for trigger, rule in find_triggers(doc, sentence):
            attributed = bool(lead or slots.attribution(sentence.text, geoparser.gazetteer))
            modality, modality_rule = judge(doc, sentence, trigger, attributed, rule.type)
            if modality is None:
                continue
            mention = _mention(doc, sentence, trigger, rule, (modality, modality_rule), context)
            listed = _listed(mention, sentence, trigger, context)
            mentions.extend(listed if len(listed) > 1 else _by_place(mention, doc, sentence, trigger, context))
    mentions = _yielded(mentions, hits)
    placed = _article_place(_before_meanwhile(doc, hits), geoparser) or _article_place(hits, geoparser)
    if placed is not None:
        headline_place, article_rule = placed
        for m in mentions:
            if m.location is None:
                if slots.lent(headline_place, m.event_type):
                    m.set_place(headline_place, article_rule)
            elif slots.within_article(m.location, headline_place):
                m.set_place(headline_place, "place.ko.article_within")
            elif slots.within_country(m.location, headline_place, m.event_type):
                m.set_place(headline_place, "place.ko.within_country")
    _inherit(mentions, context, article.published)
    _began(mentions, context, article.published)
    clusters = _one_story(cluster_mentions(mentions), _sentence_counties(doc, hits, geoparser))
    records = [(c, record(c, article)) for c in clusters if reportable(c) and not history(c, article.published)]
    if decide is not None:
        told = document_features(records, article.published, len(doc.morphemes))
        records = [(c, r) for (c, r), more in zip(records, told)
                   if decide(r, slot_features(c, r, r.confidence, len(doc.sentences)) | more)]
    for _, incident in records:
        incident.summary += " / " + korean_summary(incident)
    return [incident for _, incident in records]


def _yielded(mentions: list[Mention], hits: list[slots.PlaceHit]) -> list[Mention]:
    """A check or search told in the same sentence as the arrest it made, at the same place
    (data/ko/triggers.toml's [story.yields], cluster.ko.yields): one act, the arrest; so is an
    arrest abroad and the repatriation it led to, the repatriation. One told at another place,
    with a place or a day named between the two, or of which a part was sent back, is an act
    of its own."""
    cue = resources.load("ko/triggers.toml")["story"]["yields"]

    def led_to(m: Mention, f: Mention) -> bool:
        if f.event_type not in cue["acts"].get(m.event_type, ()) or f.sent.start_char != m.sent.start_char:
            return False
        end = m.trigger.idx + len(m.trigger.text)
        # "색출과 검거에 나섰다": one campaign's two nouns, not a check and its arrest
        gap = m.sent.text[end - m.sent.start_char:f.trigger.idx - m.sent.start_char]
        elsewhere = (any(end <= h.start < f.trigger.idx for h in hits)
                     or (m.location is not None and f.location is not None
                         and (m.location.admin1_code, m.location.admin2) != (f.location.admin1_code, f.location.admin2)))
        # a day told between the two dates them apart, and a part of those arrested sent back
        # leaves the arrest of the rest: two acts
        apart = re.search(cue["dated"], gap) is not None or re.search(cue["part"], gap) is not None
        return f.trigger.idx > m.trigger.idx and not re.fullmatch(cue["joined"], gap) and not elsewhere and not apart

    kept = []
    for m in mentions:
        outcome = next((f for f in mentions if led_to(m, f)), None)
        if outcome is None:
            kept.append(m)
        else:
            outcome.rules["cluster"] = "cluster.ko.yields"
    return kept


def _sentence_counties(doc: KoreanDoc, hits: list[slots.PlaceHit], geoparser: Geoparser) -> dict[int, set[str]]:
    """The counties each sentence names (by the sentence's first character), outside a
    source's home and an act's destination: "혜산·삼지연 봉쇄" names two."""
    named: dict[int, set[str]] = {}
    for h in hits:
        admin2 = None if h.source_home or h.destination else geoparser.location(h.place, text=h.text).admin2
        sentence = next((x for x in doc.sentences if x.start_char <= h.start < x.end_char), None)
        if admin2 and sentence is not None:
            named.setdefault(sentence.start_char, set()).add(admin2)
    return named


def _apart(a: Cluster, b: Cluster, named: dict[int, set[str]]) -> bool:
    """Two records of one type that the text tells apart: different counties of their
    own (counting every county their sentences name together: a headline's "혜산·삼지연"
    does not tell a lockdown of Hyesan from one of Samjiyon), or different days of their
    own."""
    def counties(c: Cluster) -> set[str]:
        own = [m for m in c.mentions if m.location and m.location.admin2 and not m.place_inherited]
        return {cast(str, m.location.admin2) for m in own if m.location} | {
            n for m in own for n in named.get(m.sent.start_char, set())}

    def days(c: Cluster) -> set[date]:
        # a day, or the first day of a run the text names ("4월 1일부터 20일까지", "26일부터")
        return {m.time.start for m in c.mentions
                if m.time and m.time.start and not m.time_inherited
                and (m.time.precision == 1 or m.rules.get("date") in NAMED_STARTS)}

    def kinds(c: Cluster) -> set[str]:
        return {m.kind for m in c.mentions if m.kind}

    ka, kb = kinds(a), kinds(b)
    if ka and kb and not ka & kb:
        return True  # cluster.ko.kinds: an execution and the dismissals it brought are two punishments
    cue = b.mentions[0].rules.get("another")
    if cue in ("cluster.ko.another", "cluster.ko.listed"):
        return True  # one more act of the kind told before, or listed beside it
    ca, cb = counties(a), counties(b)
    da, db = days(a), days(b)
    if cue == "cluster.ko.meanwhile":
        # another item of the news, unless it tells the day and county of one told ("한편,
        # 지난 4일 ... 목함지뢰 폭발로 부상을 입은 하사 2명은", of the blast in the lead)
        return not (da & db and (ca & cb or not ca or not cb))
    return bool((ca and cb and not ca & cb) or (da and db and not da & db))


def _one_act(a: Cluster, b: Cluster) -> bool:
    """Same type, or an explosion and a fire told only as fire (data/ko/triggers.toml's
    [story]): the fire is the blast's."""
    if a.event_type == b.event_type:
        return True
    types = {a.event_type: a, b.event_type: b}
    if set(types) != {"explosion_accident", "disaster"}:
        return False
    fire = resources.load("ko/triggers.toml")["story"]["fire"]
    return all(m.trigger.lemma_ in fire for m in types["disaster"].mentions)


def _one_story(clusters: list[Cluster], named: dict[int, set[str]]) -> list[Cluster]:
    """A Korean report of a few paragraphs retells its story (the headline, the lead, the
    source's quote): same-type records nothing tells apart are one incident."""
    kept: list[Cluster] = []
    for c in clusters:
        same = next((k for k in kept if _one_act(k, c) and not _apart(k, c, named)), None)
        if same is None:
            kept.append(c)
        elif same.event_type != c.event_type and c.event_type == "explosion_accident":
            same.mentions[:0] = c.mentions  # the fire told first is still the blast's: its type leads
        else:
            same.mentions.extend(c.mentions)
    return kept


def korean_summary(incident: Incident) -> str:
    """The record's summary in Korean: what, where, when, on whose word."""
    label = resources.load("ko/triggers.toml")["labels"][incident.event_type]
    loc = incident.location
    where = " ".join(filter(None, [loc.admin1, loc.admin2 if loc.admin2 != loc.admin1 else None]))
    t = incident.time
    when = (t.start.isoformat() if t.start == t.end and t.start else
            f"{t.start.isoformat() if t.start else ''}~{t.end.isoformat() if t.end else ''}" if t.start or t.end else "")
    text = " ".join(filter(None, [where, when, label]))
    if incident.attribution:
        text += f" ({_korean_source(incident.attribution)})"
    return text + "."


def _korean_source(a: Attribution) -> str:
    return a.location + " 소식통" if a.location else a.text


