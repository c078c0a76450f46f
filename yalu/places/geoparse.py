"""Where did it happen? Place mentions in context, resolved against the gazetteer.

Not every place in an article is an incident place: a source's home province,
the agency's dateline, a destination ("fled to China") and a missile's
splash-down sea say where someone is or where something went, not where the
act happened. Captions never reach this stage (clean.py sets them aside).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..annotate.index import starting_in
from ..annotate.spacy_pipeline import text_of
from ..model import Location, Place
from ..ontology import event_types, has
from .exclusions import CAPITALS, DATELINE_REACH, PLACE_HEADS, bare_bearing, exclusion
from .gazetteer import Gazetteer
from .romanize import normalize
from .syntax import (
    COMPASS,
    Destinations,
    destination,
    distance,
    headed_for,
    preposition,
    same_clause,
    sent_from,
    setting_clause,
    where_of,
)

# how specific a place kind is: lower is better
SPECIFICITY = {
    "town": 0, "facility": 0, "district": 0, "island": 0, "county": 1, "city": 1,
    "special_city": 2, "mountain": 2, "province": 3, "region": 3, "river": 4,
    "border": 4, "sea": 5, "country": 6,
}
GEO_PRECISION = {"province": 3, "region": 3, "river": 3, "border": 3, "sea": 3, "country": 3}
ADMIN2_KINDS = ("county", "city", "district")
# a capitalized word, a comma, then (at the end of the searched text) the province named next;
# or the word with its generic, "of" or "in" and the province: "Buryong County of North Hamgyong"
TOWN_BEFORE_PROVINCE = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:-[a-z]+)?)(?:,|\s+(?:County|City|county|city)\s+(?:of|in))\s+$")

# "sealed off Hyesan": "off" after these verbs is a particle, not "near"
PARTICLE_OFF = re.compile(r"\b(?:seal|sealed|sealing|seals|shut|shutting|cordoned|cordon|locked|lock|cut|blocked|walled|closed)\s+off\s+$", re.I)


def _words(name: str) -> str:
    """A list of data/places/generics.toml as a regex alternation, in its order."""
    return "|".join(map(re.escape, resources.load("places/generics.toml")[name]))


# a road or a railway named after a place runs elsewhere ("the Donghae road", "the Gyeongui line")
# "the border" unnamed: a border feature of no province
BORDER_WORDS = {"border", "frontier", "borderline", "border region", "border area"}
# the place a thing went to is not where the act happened ("smuggled gold into China",
# "fled to China", "fired into the East Sea"), except by the rules of context.toml
DESTINATION_TYPES = frozenset(event_types())
CONTEXT_FILE = "context.toml"
NEAR = re.compile(
    r"\b(?:near|outskirts of|off|close to|vicinity of|around|outside|downstream from|upstream from|across from|opposite"
    r"|across the river from)\s+(?:the\s+)?$", re.I)
DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'-]+),\s+\w+\.?\s+\d{1,2}(?:,?\s+\d{4})?\s*\([^)]{2,40}\)\s*[-—–]+")
# a wire dateline without a date, at the start of a line: "SEOUL -", "SEOUL, South Korea —",
# "Changchun, China –": where the reporter files from, never where the act happened
_NAME = r"[A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){0,2}"
UNDATED_DATELINE = re.compile(rf"^[ \t\u00a0]*(?P<place>{_NAME}(?:,\s*{_NAME})?)[ \t\u00a0]+(?:--|—|–|-)[ \t\u00a0]+(?=\S)", re.M)
# one in capitals may follow a date stamp on the same line: "Updated: 2008-07-13 10:24 PYONGYANG -"
_CAPS = r"[A-Z][A-Z'’.\-]{2,}(?:\s+[A-Z][A-Z'’.\-]+){0,2}"
CAPS_DATELINE = re.compile(rf"(?<![\w,])(?P<place>{_CAPS}(?:,\s*{_NAME})?)[ \t\u00a0]+(?:--|—|–|-)[ \t\u00a0]+(?=\S)")
# or end on a colon, as CNA's and Xinhua's do: "SEOUL: North Korea's leader ...", "2022-03-25 PYONGYANG: ...",
# "SEOUL (Reuter): North Korea has been hit ..." (place.colon_dateline)
COLON_DATELINE = re.compile(rf"(?<![\w,])(?P<place>{_CAPS}(?:,\s*{_NAME})?)(?:[ \t\u00a0]*\([^()\n]{{2,30}}\))?:[ \t\u00a0]+(?=[A-Z\"“])")


# a capitalised word before "Province" that no ruler tagged: maybe a misspelt province
MISSPELT_PROVINCE = re.compile(r"\b(?P<name>(?:(?:North|South)\s+)?[A-Z][a-z]{3,})(?:\s+[Pp]rovince\b|-do\b)")
COMPASS_NAMED = re.compile(r"(?:North|South)\s")
# "Taechong-ri", "Songbuk village": a village named after a place name the ruler knew
VILLAGE_AFTER = re.compile(r"(?:-|\s)(?:" + _words("village_tail") + r")\b", re.I)
# "fired from Kim Chaek", "in Kim Jong Suk": a locative preposition before a name that is
# also a person's makes it the place (a man is not "in" or "near" anyone)
LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|at|near|from|off|around|outside)\s+$")
# "the Kim Chaek area", "Kim Chaek port": a place noun after it does too
PLACE_NOUN_AFTER = re.compile(r"(?i)\s+(?:" + _words("place_nouns_after") + r")\b")

# "the port city of X", "the county of X": what follows is a place, whatever else it names
PLACE_OF = re.compile(r"(?i)\b(?:" + _words("place_nouns_of") + r")\s+of\s+(?:the\s+)?$")
MILES_KM = 1.609344
# "south of <a point>" with no distance: a few kilometres that way
UNSTATED_KM = 3.0
POINT_KINDS = {"town", "facility", "district", "island", "county", "city", "special_city", "mountain"}
# border features that are one point on the line, not a line ("south of the JSA")
LINE_POINTS = {"border.jsa"}
# special cities coded as one second level (place.whole_city): an act in Rason's Sonbong or
# Rajin district, or at Wonjong-ri's customs, is Rason's, as analysts code it (Pyongyang's
# districts stay their own)
WHOLE_CITIES = {"kp.rason"}
WORD_NUMBERS: dict[str, int] = resources.load("numbers.toml")["cardinals"]
OFFSET = re.compile(
    r"(?:(?P<n>\d+(?:\.\d+)?|" + "|".join(WORD_NUMBERS) + r")\s*-?\s*(?P<unit>miles?|mi|km|kilometers?|kilometres?)\s+)?"
    r"(?:to\s+the\s+)?(?P<dir>north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?:the\s+)?"
    r"(?:(?:(?-i:[a-z][a-z-]*)\s+){1,3}(?:in|at|of)\s+(?:the\s+)?)?"  # "south of the truce site in Panmunjom"
    r"(?:(?:north\s+korean\s+|south\s+korean\s+)?capital,?\s+)?$",  # "100 miles north of the capital Pyongyang"
    re.I,
)


@dataclass(frozen=True)
class Direction:
    """One rule of context.toml: which end of a movement is an act's place."""

    id: str
    types: frozenset[str]
    takes: str  # target | origin
    not_kinds: frozenset[str] = frozenset()
    shooter_kinds: frozenset[str] = frozenset()
    country: str | None = None
    verbs: frozenset[str] = frozenset()  # trigger lemmas it is limited to; none: every trigger


def context_rules() -> dict:
    """data/places/context.toml, checked by the one loader (yalu.resources)."""
    return resources.load(f"places/{CONTEXT_FILE}")


@cache
def directions() -> tuple[Direction, ...]:
    """The [[direction]] rules of data/places/context.toml; `takes` is target or origin."""
    rules = []
    for entry in context_rules().get("direction", []):
        if entry["takes"] not in ("target", "origin"):
            raise ValueError(f"{CONTEXT_FILE}: rule {entry['id']!r} takes {entry['takes']!r}, not target or origin")
        rules.append(Direction(entry["id"], frozenset(entry["types"]), entry["takes"],
                               frozenset(entry.get("not_kinds", [])), frozenset(entry.get("shooter_kinds", [])),
                               entry.get("country"), frozenset(entry.get("verbs", []))))
    return tuple(rules)


def direction(event_type: str, takes: str, lemma: str = "") -> Direction | None:
    """The rule of this kind ("target": the act's destination is its place; "origin") for a
    type and the trigger's lemma, if any."""
    return next((d for d in directions()
                 if d.takes == takes and event_type in d.types and (not d.verbs or lemma in d.verbs)), None)


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    root: Token
    excluded: str | None = None  # source | dateline | excepted | locator | owner (of an outlet or organ) | birthplace | state


class Geoparser:
    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer.default()

    # mentions ------------------------------------------------------------------

    def mentions(self, doc: Doc, source_spans: list[tuple[int, int]]) -> list[PlaceMention]:
        """Every place named in the document, disambiguated, with its exclusions marked."""
        found: list[PlaceMention] = []
        dateline = DATELINE.match(text_of(doc))
        head = text_of(doc)[:DATELINE_REACH]
        undated = [m.span("place") for rx in (UNDATED_DATELINE, CAPS_DATELINE, COLON_DATELINE) for m in rx.finditer(head)]
        raw = []
        for ent in doc.ents:
            if ent.label_ != "PLACE":
                continue
            if self._names_a_person(ent):
                continue
            candidates = self.gazetteer.resolve(ent.text, _context(ent))
            if VILLAGE_AFTER.match(text_of(doc), ent.end_char):
                # "Taechong-ri, in Unpha County": a village the gazetteer does not know, not
                # the island or county that shares its stem; the county named with it places it
                candidates = [c for c in candidates if c.kind == "town"]
            if candidates:
                raw.append((ent, candidates))
        raw += self._towns_of_named_provinces(doc, raw)
        raw.sort(key=lambda r: r[0].start_char)
        named_admin1 = {c[0].admin1_code for _, c in raw if len(c) == 1 and c[0].admin1_code}
        misspelt = self._misspelt_provinces(doc, raw)
        named_admin1 |= {m.place.admin1_code for m in misspelt if m.place.admin1_code}
        found += misspelt
        for ent, candidates in raw:
            if _attributive(ent):
                continue
            place = self._choose(ent, candidates, named_admin1)
            if place is None:
                continue
            mention = PlaceMention(ent.start_char, ent.end_char, ent.text, place, ent.root)
            if dateline and ent.start_char < dateline.end() and ent.start_char <= dateline.start("place") + 1:
                mention.excluded = "dateline"
            elif any(s <= ent.start_char and ent.end_char <= e for s, e in undated):
                mention.excluded = "dateline"
            elif any(s <= ent.start_char and ent.end_char <= e for s, e in source_spans):
                mention.excluded = "source"
            else:
                mention.excluded = exclusion(ent, place)
            found.append(mention)
        found += _unnamed_borders(doc)
        found.sort(key=lambda m: m.start)
        return found

    def _towns_of_named_provinces(self, doc: Doc, raw: list[tuple[Span, list[Place]]]) -> list[tuple[Span, list[Place]]]:
        """"a checkpoint in Bukchong, South Hamgyong Province", "at a hill in Buryong County of
        North Hamgyong Province": a word the tagger left unmarked, right before the province it
        lies in, that the gazetteer knows only by a looser spelling (Bukchong for Pukchong,
        Buryong for Puryong): the province confirms the town."""
        out = []
        text = text_of(doc)
        covered = [(e.start_char, e.end_char) for e in doc.ents]
        for ent, candidates in raw:
            if len(candidates) != 1 or candidates[0].kind != "province":
                continue
            before = TOWN_BEFORE_PROVINCE.search(text, max(0, ent.start_char - 40), ent.start_char)
            if before is None or any(s < before.end("name") and before.start("name") < e for s, e in covered):
                continue
            towns = [p for p in self.gazetteer.lookup(before.group("name"))
                     if p.admin1_code == candidates[0].admin1_code and p.kind in ADMIN2_KINDS + ("town",)]
            span = doc.char_span(before.start("name"), before.end("name"))
            if towns and span is not None:
                out.append((span, towns))
        return out

    def _misspelt_provinces(self, doc: Doc, raw: list[tuple[Span, list[Place]]]) -> list[PlaceMention]:
        """"Manpo, Japang Province": a province the gazetteer does not spell, one letter away
        from the name of one province, which a county or city named in the same sentence
        confirms; it then decides between that county's namesakes too. A compass point
        confirms it alone ("factories in South Pyongyan Province"): only Pyongan, Hwanghae
        and Hamgyong come in a North and a South, and no other place is one letter from them
        (place.misspelt_compass_province)."""
        out = []
        covered = [(e.start_char, e.end_char) for e in doc.ents]
        for m in MISSPELT_PROVINCE.finditer(text_of(doc)):
            if any(s <= m.start() < e for s, e in covered):
                continue
            provinces = self._provinces_near(m.group("name"))
            if len(provinces) != 1:
                continue
            province = provinces[0]
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            confirmed = any(sent.start_char <= ent.start_char < sent.end_char
                            and any(c.admin1_code == province.admin1_code and c.kind != "province" for c in candidates)
                            for ent, candidates in raw)
            if confirmed or COMPASS_NAMED.match(m.group("name")):
                out.append(PlaceMention(m.start(), m.end(), m.group(0), province, span.root))
        return out

    def _provinces_near(self, name: str) -> list[Place]:
        """The provinces whose bare spelling is one edit away from `name`."""
        key = normalize(name)
        if len(key) < 5:
            return []
        near = []
        for place in self.gazetteer.places.values():
            if place.kind != "province":
                continue
            forms = {normalize(f) for f in self.gazetteer.forms(place.id) if f.isascii()}
            if any(_one_edit(key, f) for f in forms):
                near.append(place)
        return near

    def _names_a_person(self, ent: Span) -> bool:
        """"a portrait of Kim Jong Suk": a bare name the gazetteer records as a person
        first; the county comes with its suffix ("Kim Jong Suk County")."""
        ambiguity = self.gazetteer.ambiguity_for(ent.text)
        if ambiguity is None or ambiguity.default != "person":
            return False
        latin = [form for form in ambiguity.forms if form.isascii()]
        if ent.text.isascii() and " " not in ent.text and latin and all(" " in form for form in latin):
            return False  # "Kimchaek" in one word is the city; the man is "Kim Chaek"
        before = text_of(ent.doc)[max(0, ent.start_char - 30):ent.start_char]
        if PLACE_OF.search(before):
            return False  # "the port city of Kim Chaek"
        if LOCATIVE_BEFORE.search(before) or PLACE_NOUN_AFTER.match(text_of(ent.doc), ent.end_char):
            return False  # "launched from Kim Chaek", "off the Kim Chaek coast"
        return not re.search(r"(?i)\b(county|gun)\b|-gun\b|군$", ent.text)

    def _choose(self, ent: Span, candidates: list[Place], named_admin1: set[str]) -> Place | None:
        """One place for an ambiguous name: a province named nearby decides, then the
        side of the border the sentence speaks of, then the gazetteer's own order."""
        if len(candidates) == 1:
            return candidates[0]
        in_named = [c for c in candidates if c.admin1_code in named_admin1]
        if len(in_named) == 1:
            return in_named[0]
        sentence = ent.sent.text.lower()
        side = "KR" if re.search(r"south korea|\bsouth's\b|\bthe south\b|\brok\b", sentence) else None
        side = side or ("KP" if re.search(r"north korea|\bnorth's\b|\bthe north\b|dprk", sentence) else None)
        if side:
            same = [c for c in candidates if c.country == side]
            if same:
                return same[0]
        return candidates[0]

    def tags(self, tokens: list[Token], mentions: list[PlaceMention]) -> set[str]:
        """Place tags for trigger rules: @KP, @CN, ... for countries, @border, @sea, and
        @<place id> ("@border.nll") for the place itself."""
        ids = {t.i for t in tokens}
        tags = set()
        for m in mentions:
            if m.root.i in ids and m.excluded is None:
                tags.add("@" + m.place.id)
                if m.place.country:
                    tags.add("@" + m.place.country)
                if m.place.kind in ("border", "river"):
                    tags.add("@border")
                elif m.place.kind == "sea":
                    tags.add("@sea")
        return tags

    # resolution ----------------------------------------------------------------

    def locate(self, trigger: Token, sent: Span, mentions: list[PlaceMention], event_type: str) -> Location | None:
        """The most specific place of the trigger's sentence that is not a source's
        home, a dateline or a destination; the nearest one in the parse on a tie. When that
        is only the home its people came from, the town they went to (`_went_to`)."""
        usable, setting = [], []
        lemma = trigger.lemma_.lower()
        for m in starting_in(mentions, sent.start_char, sent.end_char):
            if m.excluded:
                continue
            if not same_clause(m.root, trigger):
                if setting_clause(m.root, trigger) and m.place.kind != "country" and not has(event_type, "addressed"):
                    setting.append(m)
                continue
            if event_type in DESTINATION_TYPES and destination(m.root, trigger) and (
                    headed_for(m.root) or not _target(m, event_type, lemma)):
                continue
            if _shooter(m, event_type, lemma):
                continue
            if sent_from(m.root, _sent_verbs(), trigger) and not _moves(event_type, lemma):
                continue  # "cadres sent from Pyongyang to Hyesan conducted a probe": not in Pyongyang
            if m.place.kind == "country" and preposition(m.root) in ("of", "with", "between"):
                continue  # "war drills of the U.S.", "trade with China" (place.partner): whose, not where
            if has(event_type, "addressed") and (m.place.kind == "country" or not where_of(m.root, trigger)):
                continue  # "warning Seoul", "called his family in Seoul": whom, not where
            usable.append(m)
        if direction(event_type, "target", lemma) and any(destination(m.root, trigger) for m in usable):
            # "sent two battalions from Sariwon to Kumchon County", "fired from Kaemori into
            # Yeonpyeong Island": where they went, not where they came from
            usable = [m for m in usable if preposition(m.root) != "from"]
        usable = [m for m in usable if not self._names_a_site_elsewhere(m, usable)]
        if not usable:
            usable = setting  # "shot dead while visiting Mount Kumgang": the clause's own setting
        if not usable:
            return None
        def rank(m: PlaceMention):
            # "in Jeongeup County near Jeonju": the place a reference point is near comes second
            near = _near(self._before(m))
            return (SPECIFICITY.get(m.place.kind, 3) + (0.5 if near else 0) + (0.5 if _home(m.root) else 0),
                    distance(trigger, m.root))

        best = min(usable, key=rank)
        went = _went_to(mentions, sent) if _home(best.root) or _people_from(best.root) else []
        best = min(went, key=rank) if went else best
        return self.location(best.place, text=best.text, context=self._before(best))

    def _names_a_site_elsewhere(self, m: PlaceMention, others: list[PlaceMention]) -> bool:
        """A place in the name of a site that the sentence places somewhere else: "the
        Taedonggang Battery Factory in Pyongsong" is in Pyongsong. A place that contains the
        name's own keeps it: "the Musan Mine in North Hamgyong Province" is Musan's."""
        if m.root.dep_ != "compound" or m.root.head.pos_ != "PROPN":
            return False
        site = m.root.head
        around = {p.id for p in self.gazetteer.ancestors(m.place)} | {m.place.id}
        return any(o is not m and o.place.id not in around and o.place.kind != "country" and site in o.root.ancestors
                   and preposition(o.root) in ("in", "at") for o in others)

    def _before(self, m: PlaceMention) -> str:
        """The text just before a mention: "near", "7 miles southeast of"."""
        doc = m.root.doc
        return text_of(doc)[max(0, m.start - 60):m.start]

    def specific_place(self, mentions: list[PlaceMention], event_type: str, elsewhere: frozenset[int] | set[int] = frozenset()) -> Location | None:
        """The first town, county or city a text names for the act (not a source's
        home, a dateline or a destination), else its first province: for a short item
        whose one story is told over several sentences ("They were launched from
        Hwangju County")."""
        found = []
        prose: dict[int, bool] = {}  # by sentence start: a sentence naming many places is read once
        went = Destinations()
        for m in mentions:
            if m.excluded or SPECIFICITY.get(m.place.kind, 3) > 3:
                continue
            if event_type in DESTINATION_TYPES and went(m.root):
                continue
            sent = m.root.sent
            if sent.start in elsewhere:
                continue  # a sentence that tells another incident: its places are that one's
            if sent.start not in prose:
                prose[sent.start] = _prose(sent)
            if not prose[sent.start]:
                continue  # a caption or a ticker
            located = self.location(m.place, text=m.text, context=self._before(m))
            if located.admin1_code:
                found.append(located)
        return min(found, key=lambda loc: loc.geo_precision, default=None)

    def context_place(self, sent: Span, mentions: list[PlaceMention]) -> Location | None:
        """The place one sentence names for whatever it tells, triggered or not ("On the 30th,
        in Hoiryeong Market, rice hit 1,500 won"; "men who live in Yonpung-dong, Hyesan"):
        its most specific town, county or province that is not a source's home, a dateline,
        a destination or a name used for a thing. What a neighbouring act may borrow; a
        caption or a ticker lends nothing (context.toml, [borrowing])."""
        if not _prose(sent):
            return None
        found = []
        went = Destinations()
        for m in mentions:
            if m.excluded or SPECIFICITY.get(m.place.kind, 3) > 3 or went(m.root) or sent_from(m.root, _sent_verbs()):
                continue
            if self._names_a_site_elsewhere(m, mentions):
                continue
            located = self.location(m.place, text=m.text, context=self._before(m))
            if located.admin1_code:
                found.append((m.place, located))
        best = min(found, key=lambda f: f[1].geo_precision, default=None)
        if best is None:
            return None
        # "in Pyongyang's Hwasong District": of two places as precise, the one inside the
        # other (place.finer_unit: the district, not its city)
        inside = [loc for place, loc in found if loc.geo_precision == best[1].geo_precision
                  and best[0] in self.gazetteer.ancestors(place)]
        return inside[0] if inside else best[1]

    def _chinese_county(self, town: Place) -> Place:
        """A Chinese town's second level: its county-level city or county (Kaishantun is
        Longjing's, Nanping Helong's), below the prefecture (Yanbian, Baishan) that the
        gazetteer's parents would give; a town right under a prefecture stands for the county
        the gazetteer lacks (Erdaobaihe of Antu, Songjianghe of Fusong), as analysts code it."""
        parent = self.gazetteer.parent(town)
        grandparent = self.gazetteer.parent(parent) if parent else None
        if parent and parent.kind in ADMIN2_KINDS and grandparent and grandparent.kind not in ("province", "special_city"):
            return parent
        return town

    def location(self, place: Place, *, text: str | None = None, context: str = "") -> Location:
        """A Location record for a gazetteer place; `context` is the text just before
        the mention ("near", "10 km north of")."""
        offset = OFFSET.search(context)
        if offset and place.lat is not None:
            moved = self._offset(place, offset)
            if moved:
                return moved
        if place.kind == "country":
            return Location(location_name=place.name, country=place.country or None, geo_precision=3, text=text)
        admin1 = self.gazetteer.admin1_of(place)
        # a county or city is its own second level, in China as in Korea (Changbai, not Baishan)
        admin2 = place if place.kind in ("county", "city") else self.gazetteer.admin2_of(place)
        if place.country == "CN" and place.kind == "town":
            admin2 = self._chinese_county(place)
        if admin2 is None and place.id in LINE_POINTS:
            admin2 = place  # Panmunjom, on the line inside no county, as analysts code it
        elif admin2 is None:
            # "the port city of Nampo" is both levels; so is a special city for a site right
            # under it, in none of its districts (the Kaesong Industrial Complex)
            admin2 = next((p for p in (place, self.gazetteer.parent(place)) if p and p.kind == "special_city"), None)
        if place.id in CAPITALS and bare_bearing(context):
            admin2 = None  # "a camp south of Pyongyang": in the capital's wide bounds or near, no district told
        if admin1 is not None and admin1.id in WHOLE_CITIES:
            admin2 = admin1
        precision = GEO_PRECISION.get(place.kind, 1)
        if precision == 3 and admin2 is not None:
            precision = 2  # a cape or a stretch of coast inside one county
        if precision == 1 and (_near(context) or offset):
            precision = 2  # "near Hyesan", "southwest of Yeonpyeong Island"
        lat, lon = place.lat, place.lon
        if lat is None and admin2 is not None:
            lat, lon = admin2.lat, admin2.lon
        known = place.id in self.gazetteer.places
        return Location(
            location_name=place.name,
            country=place.country or None,
            admin1=admin1.name if admin1 else None,
            admin1_code=place.admin1_code,
            admin2=admin2.name if admin2 else None,
            latitude=lat,
            longitude=lon,
            geo_precision=precision,
            place_id=place.id if known else None,
            text=text,
        )

    def _offset(self, anchor: Place, match: re.Match) -> Location | None:
        """"7 miles southeast of Panmunjom": the point that far away, placed in the
        nearest county or city of the gazetteer (precision 2: near a place)."""
        if anchor.lat is None or anchor.lon is None:
            return None
        raw = (match.group("n") or "").lower()
        if raw:
            distance = float(WORD_NUMBERS[raw] if raw in WORD_NUMBERS else raw)
            if match.group("unit").lower().startswith("mi"):
                distance *= MILES_KM
        elif (not anchor.country and anchor.kind in POINT_KINDS) or anchor.id in LINE_POINTS:
            distance = UNSTATED_KM  # "south of Panmunjom": just across the line, on that side
        else:
            return None  # "south of the DMZ" names no point; "southwest of Yeonpyeong" stays near it
        bearing = math.radians(COMPASS[match.group("dir").lower().replace("-", "")])
        lat = anchor.lat + distance * math.cos(bearing) / 111.0
        lon = anchor.lon + distance * math.sin(bearing) / (111.0 * math.cos(math.radians(anchor.lat)))
        side = None
        if not anchor.country or anchor.id in LINE_POINTS:  # a place on the line: the direction says which side
            side = "KR" if "south" in match.group("dir").lower() else "KP" if "north" in match.group("dir").lower() else None
        nearest = self._nearest(lat, lon, side)
        if nearest is None:
            return None
        located = self.location(nearest)
        located.latitude, located.longitude = round(lat, 4), round(lon, 4)
        located.location_name = f"{match.group(0).strip()} {anchor.name}"
        located.geo_precision = 2
        return located

    def _nearest(self, lat: float, lon: float, country: str | None = None) -> Place | None:
        best, best_d = None, float("inf")
        for place in self.gazetteer.places.values():
            if place.lat is None or place.lon is None:
                continue
            if place.kind in ADMIN2_KINDS and (country is None or place.country == country):
                d = (place.lat - lat) ** 2 + ((place.lon - lon) * math.cos(math.radians(lat))) ** 2
                if d < best_d:
                    best, best_d = place, d
        return best


UNNAMED_BORDER = Place(id="border", name="the border", kind="border", country="")
_BORDER_LEMMAS: dict[int, bool] = {}  # a lemma's hash: is it one of BORDER_WORDS


def _unnamed_borders(doc: Doc) -> list[PlaceMention]:
    """"along the border", "the border region": a place of precision 3 with no
    province, so that nothing more precise is invented for it."""
    found = []
    # the lemmas read by their hash, each once a process, not once a token: a Token is
    # costly to make, and a hash names the same string in every vocabulary
    lemmas = doc.to_array(LEMMA).tolist()
    strings = doc.vocab.strings
    distinct = set(lemmas)
    for h in distinct.difference(_BORDER_LEMMAS):
        _BORDER_LEMMAS[h] = strings[h].lower() in BORDER_WORDS
    wanted = {h for h in distinct if _BORDER_LEMMAS[h]}
    for i in (i for i, h in enumerate(lemmas) if h in wanted):
        token = doc[i]
        if token.dep_ == "compound" and _names_no_border(token.head):
            continue
        if token.pos_ == "NOUN" and not token.ent_type_:
            found.append(PlaceMention(token.idx, token.idx + len(token.text), token.text, UNNAMED_BORDER, token))
    return found


def _names_no_border(head: Token) -> bool:
    """"border guards", "Chinese border security forces": who, not where; "the border village
    of Panmunjom": the place named after it."""
    if head.lemma_.lower() not in PLACE_HEADS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ for g in c.children) for c in head.children)


@cache
def _picture_words() -> re.Pattern[str]:
    words = context_rules().get("borrowing", {}).get("picture_words", [])
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\b" if words else r"(?!)")


# "... across from Sakju County, in late September 2023. (ASIAPRESS)": a line that ends on
# a credit in brackets is a caption (place.caption_credit), as is one that ends on a credit
# after a bar, the Japan Times' and wire galleries' way ("... in Seoul on Thursday. | AFP-JIJI");
# prose ends on its full stop
CREDIT = re.compile(r"(?:\((?:[Pp]hoto\b[^()]*|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})\)"
                    r"|\|\s*[A-Z][\w.&/-]*(?:\s+[A-Z][\w.&/-]*){0,2})\s*$")
# "... which separates Sinuiju from the Chinese border town of Dandong, Dec. 17, 2013.": a line
# that ends on the day the picture was taken, set off by a comma, is RFA's and AP's caption
# (place.caption_dated); prose dates an act with "on"
DATED_CAPTION = re.compile(r",\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.?\s*$")


def _prose(sent: Span) -> bool:
    """A sentence of the story: it has a verb and shows no picture."""
    return (any(t.pos_ in ("VERB", "AUX") for t in sent) and not shows_picture(sent)
            and not CREDIT.search(_line_end(sent, 200)))


def shows_picture(sent: Span) -> bool:
    """A caption by its own words: a picture word, or a line that ends on the day the picture
    was taken (a line ending on a name in brackets may be a lead signed by its reporters)."""
    return bool(_picture_words().search(sent.text) or DATED_CAPTION.search(_line_end(sent, 40)))


def _line_end(sent: Span, size: int) -> str:
    """The last `size` characters of the text up to the end of the sentence's line."""
    whole = text_of(sent.doc)
    end = whole.find("\n", sent.end_char - 1)
    end = len(whole) if end < 0 else end
    return whole[max(0, end - size):end]


def borrowing() -> dict:
    """The [borrowing] table of context.toml."""
    return dict(context_rules().get("borrowing", {}))


@cache
def source_home_countries() -> frozenset[str]:
    """Where a source's home places its story when the text names no place (context.toml)."""
    return frozenset(borrowing().get("source_home_countries", []))


@cache  # read for every mention placed only in a country
def within_countries() -> frozenset[str]:
    """The countries whose name alone lets an act take the article's place inside them
    (place.within_country, context.toml)."""
    return frozenset(borrowing().get("within_countries", []))


def border_provinces(loc: Location | None) -> frozenset[str]:
    """The provinces along the land border, for an act placed only on that border ("fled
    across the border", "near the border with China"): it may take the paragraph's or the
    article's town there, as an analyst codes a story from Musan (place.border_town,
    context.toml border_provinces); none for any other place."""
    if loc is None or loc.admin1_code:
        return frozenset()
    table = borrowing()
    unnamed = loc.place_id is None and loc.location_name == UNNAMED_BORDER.name
    if not unnamed and loc.place_id not in table.get("land_borders", []):
        return frozenset()
    return frozenset(table.get("border_provinces", []))


def _one_edit(a: str, b: str) -> bool:
    """The two differ by one letter changed, added or dropped (not equal: that is a match)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _attributive(ent: Span) -> bool:
    """"Changbaishan cigarettes", "Pyongyang-style noodles": a name used for a thing."""
    root = ent.root
    return (
        root.dep_ in ("compound", "amod", "nmod")
        and root.head.pos_ == "NOUN"
        and root.head.lemma_.lower() not in PLACE_HEADS
        and not root.head.ent_type_
    )


def _context(ent: Span) -> str:
    """The sentence around a mention and its neighbours: what the gazetteer's cues read."""
    doc = ent.doc
    sent = ent.sent
    return text_of(doc)[max(0, sent.start_char - 200):min(len(text_of(doc)), sent.end_char + 200)]


def _home(place: Token) -> bool:
    """"a Chongjin resident", "a resident of Hoeryong": where a person lives, second to the
    place the act's clause gives (place.person_home: "police at Musan Station detained a
    Chongjin resident" happened in Musan)."""
    head = place.head.head if place.dep_ == "pobj" and place.head.lower_ in ("of", "from") else place.head
    return place.dep_ in ("compound", "pobj") and head.ent_type_ == "ACTOR" and head.pos_ == "NOUN"


def _people_from(place: Token) -> bool:
    """"two men from Ongjin County", "smugglers from Hyesan": where people come from, told on
    the people, not on the act."""
    t = place
    while t.dep_ in ("compound", "amod", "appos", "conj") and t.head != t:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ != "from":
        return False
    people = t.head.head  # "a journey from Seoul to Pyongyang" names no people
    return people.ent_type_ == "ACTOR" or people.tag_ in ("NNS", "NNPS")


def _went_to(mentions: list[PlaceMention], sent: Span) -> list[PlaceMention]:
    """place.went_from_home: when the act's place is only the home of its people, the town
    they went to in the sentence is where it happened ("two men from Ongjin County were
    arrested after sneaking into Hyesan" happened in Hyesan; "a Musan woman was caught after
    fleeing to China" keeps Musan, a country being no town)."""
    went = Destinations()
    return [m for m in starting_in(mentions, sent.start_char, sent.end_char)
            if not m.excluded and SPECIFICITY.get(m.place.kind, 3) <= 2 and went(m.root)]


def _near(before: str) -> bool:
    return bool(NEAR.search(before)) and not PARTICLE_OFF.search(before)


def _target(m: PlaceMention, event_type: str, lemma: str) -> bool:
    """A destination that is where the act struck: "fired 200 shells into Yeonpyeong Island"
    (context.toml, takes = "target"), in the rule's country if it names one."""
    rule = direction(event_type, "target", lemma)
    return (rule is not None and m.place.kind not in rule.not_kinds
            and (rule.country is None or m.place.country == rule.country))


@cache
def _sent_verbs() -> frozenset[str]:
    return frozenset(borrowing().get("sent_verbs", []))


def _moves(event_type: str, lemma: str = "") -> bool:
    """An act whose place context.toml takes from where something came or went (a shelling
    "from Kaemori into Yeonpyeong", a defection "from Hyesan to China"): place.sent_from
    leaves its "from" to those rules."""
    return direction(event_type, "target", lemma) is not None or direction(event_type, "origin") is not None


def _shooter(m: PlaceMention, event_type: str, lemma: str) -> bool:
    """"the barrage from North Korea": the country that fired, not where the shells fell
    (context.toml, shooter_kinds)."""
    rule = direction(event_type, "target", lemma)
    return rule is not None and m.place.kind in rule.shooter_kinds and preposition(m.root) == "from"


