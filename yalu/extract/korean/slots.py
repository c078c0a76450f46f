"""The slots of Korean mentions (data/ko/slots.toml): places found through the same
gazetteer as the English ones, who says so, actors and quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ... import resources
from ...annotate.korean import KoreanDoc, Sentence
from ...model import Actor, Attribution, Location, Place, Quantity
from ...places import Gazetteer
from ...places import romanize as rz
from ...places.geoparse import Geoparser

# how many morphemes a place name may span ("삼지연" + "시")
PLACE_SPAN = 3
# the kinds of place ranked by how precisely they place an act (a county beats a province)
PRECISE_FIRST = {"town": 0, "village": 0, "workers_district": 0, "district": 1, "county": 1, "city": 1,
                 "special_city": 2, "province": 2, "island": 1, "facility": 0}


@cache
def slot_data() -> dict:
    return resources.load("ko/slots.toml")


@cache
def _patterns(*keys: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of slots.toml's place lists `keys`, compiled once (read at every place
    and every line)."""
    return tuple(re.compile(p) for key in keys for p in slot_data()["places"][key])


@dataclass
class PlaceHit:
    start: int
    end: int
    text: str
    place: Place
    destination: bool  # "중국으로": where an act went
    source_home: bool  # "양강도 소식통": where a source lives
    offshore: bool = False  # "백령도 인근 해상": the sea measured from it
    home: bool = False  # "평양 출신", "혜산시에 거주하던": where people come from or live
    lives_now: bool = False  # "해주시에 사는": where people live now (slots.toml's `taken_at_home`)


def _flags(text: str, end: int, place: Place) -> tuple[bool, bool, bool, bool, bool]:
    """What the words after a place say it is (PlaceHit's flags, in its order): where an act
    went, a source's home, the sea measured from it, where people live or lived, where they
    live now."""
    # read past a gloss in brackets: "지린(吉林)성으로" goes to Jilin
    wide = re.sub(r"^\([^)]{1,12}\)", "", text[end:end + 24])
    after = wide[:12]
    destination = any(p.match(wide) for p in _patterns("destination")) or (
        place.kind == "country" and any(p.match(after) for p in _patterns("origin"))) or (
        place.country != "KP" and any(p.match(wide) for p in _patterns("came_back_from")))
    # a source's kind may run longer ("양강도에 사는 복수의 취재 협력자")
    source_home = any(p.match(wide) for p in _patterns("source_home"))
    offshore = any(p.match(text[end:end + 30]) for p in _patterns("offshore"))
    lives = any(p.match(after) for p in _patterns("home"))
    home_now = slot_data()["places"]["taken_at_home"]["home_now"]
    return destination, source_home, offshore, lives, lives and any(re.match(p, after) for p in home_now)


def caption(sentence_text: str, headline: bool = False) -> bool:
    """A photo caption or its credit (slots.toml's `caption`, and below the headline its
    `caption_below`): it places no act."""
    patterns = _patterns("caption") if headline else _patterns("caption", "caption_below")
    return any(p.search(sentence_text) for p in patterns)


def captions(doc: KoreanDoc) -> set[int]:
    """The indices of the sentences that are a photo's caption: a caption is one line,
    its credit often cut off as a sentence of its own ("... 펄럭이고 있다.
    2024.6.6.뉴스1"), so the whole line is the caption."""
    lines: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        lines.setdefault(doc.text.rfind("\n", 0, s.start_char), []).append(s)
    found: set[int] = set()
    for sentences in lines.values():
        if caption(doc.text[sentences[0].start_char:sentences[-1].end_char], sentences[0].index == 0):
            found |= {s.index for s in sentences}
    return found | {s.index for s in doc.sentences if any(p.match(s.text) for p in _patterns("caption_sentence"))}


def _unplacing(doc: KoreanDoc) -> list[tuple[int, int]]:
    """The stretches whose places place nothing: captions, and a caption a page glued into
    its lead after "▲" (slots.toml's `glued_caption`: "... 하사관 1명 ▲ 순찰중에 있는 신의주
    국경경비대원들 탈북자들로부터 ...")."""
    shown = captions(doc)
    glued = [(m.start(), m.end()) for p in slot_data()["places"]["glued_caption"] for m in re.finditer(p, doc.text)]
    return [(s.start_char, s.end_char) for s in doc.sentences if s.index in shown] + glued


def find_places(doc: KoreanDoc, geoparser: Geoparser) -> list[PlaceHit]:
    """Every gazetteer place the morphemes name: the longest run of up to PLACE_SPAN
    morphemes within one word ("삼지연" + "시") that the gazetteer knows, Hangul only;
    none in a caption, none opening a dateline ("(서울=연합뉴스)": the reporter's city)."""
    gazetteer = geoparser.gazetteer
    skip = set(slot_data()["places"]["not_places"]) | set(slot_data()["places"]["common_stems"])
    unplacing = _unplacing(doc)
    hits: list[PlaceHit] = []
    ms = doc.morphemes
    k = 0
    while k < len(ms):
        if ms[k].pos != "NNP":
            k += 1  # a name opens on a proper noun (below): no run from here can be one
            continue
        found = None
        for n in range(PLACE_SPAN, 0, -1):
            run = ms[k:k + n]
            # a name opens on a proper noun: the analyser tags 강화 "strengthening" and 통화
            # "a call" NNG, the places Ganghwa and Tonghua NNP
            if len(run) < n or run[0].pos != "NNP" or any(m.pos not in ("NNP", "NNG", "XSN") for m in run):
                continue
            if any(run[j].end != run[j + 1].start for j in range(n - 1)):
                continue  # a place name is one word
            if run[0].start > 0 and rz.is_hangul(doc.text[run[0].start - 1]):
                continue  # and starts one: 안동 is no place in 강안동
            if doc.text[run[-1].end:run[-1].end + 1].isdigit():
                continue  # a numbered neighbourhood: 안산1동 is no Ansan
            surface = doc.text[run[0].start:run[-1].end]
            # after its province a word names that province's county ("평안북도 구성군")
            stems = set() if _after_province(doc.text, run[0].start, hits) else skip
            if not rz.is_hangul(surface) or len(surface) < 2 or surface in stems:
                continue
            if stems and any(p.match(doc.text, run[0].start) for p in _verb_forms()):
                continue  # a verb the place words outrank: "단속에 나선" is no Rason
            places = _resolve(gazetteer, surface, doc.text[max(0, run[0].start - 80):run[-1].end + 80], stems)
            if places:
                found = (n, surface, places[0], run[0].start, run[-1].end)
                break
        if found is None:
            k += 1
            continue
        n, surface, place, start, end = found
        k += n
        after = doc.text[end:end + 12]
        if any(a <= start < b for a, b in unplacing) or _where_told(doc.text, end):
            continue
        if _landmark(doc.text, start, after, hits) or any(
                re.match(p, doc.text[end:end + 60]) for p in slot_data()["places"]["neighbour"]):
            continue  # a place another is measured or found by
        hits.append(PlaceHit(start, end, surface, place, *_flags(doc.text, end, place)))
    return hits


def _where_told(text: str, end: int) -> bool:
    """A place that says where the news was told, not where it happened: a wire's
    dateline ("(서울=연합뉴스)"), a broadcast's correspondent ("중국 선양 연결합니다"), the
    hall of a briefing ("서울 여의도 국회에서 열린 정보위원회": slots.toml's `venue`), the
    name of a past event the news is dated by ("연평도 포격 9주기에 맞춰": `anniversary`), or
    the name of the outlet that tells it ("도쿄신문이 보도했다": `outlet_name`)."""
    after = text[end:end + 40]
    return any(p.match(after[:12]) for p in _patterns("dateline", "outlet_name")) or any(
        p.match(after) for p in _patterns("correspondent", "venue", "anniversary"))


def _landmark(text: str, start: int, after: str, hits: list[PlaceHit]) -> bool:
    """A place in brackets right after another, with where from it ("문천(원산 북방) 일대에서"):
    the landmark the place before it is measured from (slots.toml's `landmark`), no place of
    an act."""
    opened = text[:start].rstrip()
    return (bool(hits) and opened.endswith("(") and hits[-1].end == len(opened) - 1
            and any(re.match(p, after) for p in slot_data()["places"]["landmark"]))


def _after_province(text: str, start: int, hits: list[PlaceHit]) -> bool:
    """A word written right after a province ("평안북도 대관", "함남 고원") is that
    province's county, even a stem that is a common word elsewhere (`not_places`)."""
    return bool(hits) and hits[-1].place.kind == "province" and not text[hits[-1].end:start].strip()


def _resolve(gazetteer: Gazetteer, surface: str, context: str, skip: set[str]) -> list[Place]:
    """The places a Hangul name names; a county or city the gazetteer knows by its bare
    name only ("종성군" for the old county, now 종성 of Onsong) by that name; a district the
    South's press calls an area ("화성지구" for Pyongyang's 화성구역: place.ko.jigu) by its
    district's name."""
    places = gazetteer.resolve(surface, context)
    if places or len(surface) < 3:
        return places
    if surface.endswith("지구"):
        return gazetteer.resolve(surface[:-2] + "구역", context)
    if surface[-1] not in "군시" or surface[:-1] in skip:
        return places
    return gazetteer.resolve(surface[:-1], context)


def _rank(hit: PlaceHit) -> tuple[int, int]:
    return (PRECISE_FIRST.get(hit.place.kind, 3), 0)


def sentence_place(hits: list[PlaceHit], sentence: Sentence, trigger_start: int, geoparser: Geoparser,
                   event_type: str, clause_end: int | None = None) -> Location | None:
    """The most precise place of the sentence that is neither a destination nor a source's
    home, the nearest to the trigger among equals; a province written beside its county
    ("양강도 혜산시") makes one place, the county. Korean puts the place before its verb:
    a place after the trigger's clause has ended belongs to a later clause ("함경북도에서
    ... 살해하고 ..., 양강도 혜산시에서도 ... 탈북한"), used only when the clause has none."""
    best = sentence_hit(hits, sentence, trigger_start, event_type, clause_end)
    return None if best is None else geoparser.location(best.place, text=best.text, context=sentence.text)


def sentence_hit(hits: list[PlaceHit], sentence: Sentence, trigger_start: int, event_type: str,
                 clause_end: int | None = None) -> PlaceHit | None:
    """The place name sentence_place reads its place from."""
    inside = clause_hits(hits, sentence, event_type, clause_end)
    return nearest_hit(inside, trigger_start) if inside else None


def place_rule(hit: PlaceHit, event_type: str) -> str:
    """The rule that placed an act at its clause's place: the home of the people taken
    (place.ko.taken_at_home) or a place the clause names (place.ko.clause)."""
    taken = hit.home and hit.lives_now and event_type in slot_data()["places"]["taken_at_home"]["types"]
    return "place.ko.taken_at_home" if taken else "place.ko.clause"


def clause_hits(hits: list[PlaceHit], sentence: Sentence, event_type: str, clause_end: int | None = None) -> list[PlaceHit]:
    """The places of the sentence that may place an act of the type (sentence_place's
    candidates): those before the trigger's clause ends, else all the sentence's."""
    data = slot_data()["places"]
    left = event_type in data["left_from"]
    taken = event_type in data["taken_at_home"]["types"]
    told = [h for h in hits if sentence.start_char <= h.start < sentence.end_char
            and not h.source_home and not h.destination and not (h.offshore and not lent(h.place, event_type))]
    # place.ko.taken_at_home: where the taken live places their act, unless the clause says
    # where they were ("혜산시에 사는 여성이 중국 지린성에서 체포됐다" is an arrest in Jilin)
    homes = [h for h in told if h.home and not left and taken and h.lives_now and h.place.country not in data["watchers"]]
    inside = [h for h in told if not (h.home and not left)]
    if clause_end is not None:
        inside = [h for h in inside if h.start < clause_end] or inside
    where = data["taken_at_home"]["unless"]
    if any(re.match(where, sentence.text[h.end - sentence.start_char:]) for h in inside):
        return inside
    return homes + inside


def nearest_hit(inside: list[PlaceHit], trigger_start: int) -> PlaceHit:
    return min(inside, key=lambda h: (_rank(h), abs(h.start - trigger_start)))


def coordinated(named: PlaceHit, inside: list[PlaceHit], text: str, clause: str, gazetteer: Gazetteer) -> list[PlaceHit]:
    """place.ko.coordinated: the places listed with `named` at its level, with only a comma,
    a "·" or "과/와/및" between ("평성과 순천, 강계시에서", "강원도 원산과 평북 신의주, 함북 청진
    등에서"), each perhaps after its province (read as its address, not as a place of the
    list), unless they name one area ("회령, 온성 등 국경 지역에서") and `clause`, the act's,
    gives each place none of its own: data/ko/slots.toml's [places.coordinated]. `named`
    first; none but it when it is listed with none."""
    cue = slot_data()["places"]["coordinated"]
    gap = cue["gap"]
    starts = {id(h): h.start for h in inside}
    addresses = set()
    for address, town in zip(inside, inside[1:]):
        if not text[address.end:town.start].strip() and address.place in gazetteer.ancestors(town.place):
            starts[id(town)] = starts[id(address)]
            addresses.add(id(address))
    listed = [h for h in inside if id(h) not in addresses]
    if named not in listed:
        return [named]
    level = _rank(named)
    k = listed.index(named)
    lo = hi = k
    while lo > 0 and _rank(listed[lo - 1]) == level and re.fullmatch(gap, text[listed[lo - 1].end:starts[id(listed[lo])]]):
        lo -= 1
    while hi + 1 < len(listed) and _rank(listed[hi + 1]) == level and re.fullmatch(gap, text[listed[hi].end:starts[id(listed[hi + 1])]]):
        hi += 1
    if lo == hi or (re.match(cue["area_after"], text[listed[hi].end:]) and not re.search(cue["each"], clause)):
        return [named]
    out, seen = [named], {named.place.id}
    for h in listed[lo:hi + 1]:
        if h.place.id not in seen:
            seen.add(h.place.id)
            out.append(h)
    return out


def within_article(location: Location, article_place: Location | None) -> bool:
    """A province-level place the article's own county lies in ("양강도" in a story the
    headline places in Hyesan): the county places it better."""
    return (article_place is not None and location.geo_precision >= 3 and not location.admin2
            and article_place.admin1_code == location.admin1_code and bool(article_place.admin2))


def within_country(location: Location, article_place: Location | None, event_type: str) -> bool:
    """A place in no province (a country, a border, a line: "중국의 밝은 빛에 이끌려 국경을 넘어",
    "군사분계선을 침범해") that the article's own county lies in, or, for an act placed in the
    country it left (slots.toml's `left_from`: a defection), a foreign country the story's
    North Korean county was left for: the county places it better."""
    if article_place is None or not article_place.admin2 or location.admin1_code or location.geo_precision < 3:
        return False
    if not lent(article_place, event_type):
        return False
    left = event_type in slot_data()["places"]["left_from"] and article_place.country == "KP"
    return location.country in (None, article_place.country) or left


def source_home(hits: list[PlaceHit], geoparser: Geoparser) -> Location | None:
    """Where the article's source lives ("양강도 소식통"): the place of last resort."""
    homes = [h for h in hits if h.source_home]
    return geoparser.location(homes[0].place, text=homes[0].text) if homes else None


def lent(place: Location | Place, event_type: str) -> bool:
    """Whether a place told elsewhere in the article, or measured from ("연평도 인근
    해상"), may place an act: not a watching country's place for an act of the North
    Korean state, nor for an act its authorities do at home (slots.toml's `watchers`, `at_home`);
    the South's capital, where the news is told, for none (`news_capital`)."""
    data = slot_data()["places"]
    if place.admin1_code in data["news_capital"]:
        return False
    return event_type not in data["of_the_state"] + data["at_home"] or place.country not in data["watchers"]


def state_location(event_type: str, sentence_text: str) -> Location | None:
    """An act of the North Korean state with no place stated: North Korea, country level."""
    data = slot_data()["places"]
    if event_type not in data["of_the_state"]:
        return None
    for word, country in data["country_words"].items():
        if word in sentence_text:
            return Location(country=country, geo_precision=3)
    return None


@cache
def _verb_forms() -> list[re.Pattern[str]]:
    """place.ko.verb_form's patterns: a verb the place words outrank ("단속에 나선")."""
    return [re.compile(p) for p in slot_data()["places"]["verb_form"]]


@cache
def _attribution_rules() -> list[tuple[str, re.Pattern[str], str, str]]:
    return [(r["id"], re.compile(r["pattern"]), r["text"], r["kind"]) for r in slot_data()["attribution"]]


def attribution(text: str, gazetteer: Gazetteer | None = None) -> tuple[Attribution, str] | None:
    """Who says so in a sentence, and the rule that read it: the first rule that matches
    (a named source before a bare one). A source's home is named in English, as the
    English records name it ("양강도 소식통": "a source in Ryanggang Province")."""
    for rule_id, pattern, template, kind in _attribution_rules():
        m = pattern.search(text)
        if not m:
            continue
        groups = {k: v for k, v in m.groupdict().items() if v}
        where = groups.get("where")
        if where is not None:
            places = (gazetteer or Gazetteer.default()).lookup(where)
            if not places:
                continue  # "대북 소식통", "현지 소식통": no place, a plainer rule reads it
            place = places[0]
            groups["where"] = place.name + (" Province" if place.kind == "province" else "")
            where = groups["where"]
        return Attribution(template.format(**groups), kind, where), rule_id
    return None


# the particles after an actor that make it the doer or the one done to
AGENT_AFTER = re.compile(r"^(?:들)?(?:이|가|은|는|에서|측|에 의해|의 |이었던)")
TARGET_AFTER = re.compile(r"^(?:들)?(?:을|를|에게|한테)")


def actors(text: str) -> list[Actor]:
    """The actors a sentence names, agent or target by the particle after them."""
    found: list[Actor] = []
    taken: list[tuple[int, int]] = []
    for spec in slot_data()["actor"]:
        for m in re.finditer(spec["pattern"], text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            after = text[m.end():m.end() + 6]
            role = "target" if TARGET_AFTER.match(after) else "agent" if AGENT_AFTER.match(after) else (
                "target" if spec["kind"] == "civilian" else "agent")
            actor = Actor(role, m.group(), spec["normalized"], spec["kind"], spec.get("unit"), spec.get("rank"))
            if all((a.normalized, a.role) != (actor.normalized, actor.role) for a in found):
                found.append(actor)
    return found


@cache
def _quantity_pattern() -> re.Pattern[str]:
    numerals = "|".join(sorted(map(re.escape, slot_data()["numerals"]), key=len, reverse=True))
    counters = {c for q in slot_data()["quantity"] for c in q["counters"]}
    alternation = "|".join(sorted(map(re.escape, counters), key=len, reverse=True))
    return re.compile(rf"(?P<n>\d[\d,]*(?:\.\d+)?|{numerals})\s*(?:여\s*)?(?P<counter>{alternation})")


def quantities(text: str) -> list[Quantity]:
    """Numbers with their counters: "8명" people, "60발" ammunition, "500위안" money."""
    out: list[Quantity] = []
    by_counter = {c: q for q in slot_data()["quantity"] for c in q["counters"]}
    numerals = slot_data()["numerals"]
    for m in _quantity_pattern().finditer(text):
        spec = by_counter[m["counter"]]
        raw = m["n"].replace(",", "")
        value = float(raw) if raw[0].isdigit() else numerals[raw]
        out.append(Quantity(spec["kind"], None if value < 0 else value, spec.get("unit"), m.group()))
    return out
