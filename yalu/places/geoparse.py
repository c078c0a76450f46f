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

from spacy.tokens import Doc, Span, Token

from .. import resources
from ..model import Location, Place
from ..ontology import event_types, has
from .gazetteer import Gazetteer

# how specific a place kind is: lower is better
SPECIFICITY = {
    "town": 0, "facility": 0, "district": 0, "island": 0, "county": 1, "city": 1,
    "special_city": 2, "mountain": 2, "province": 3, "region": 3, "river": 4,
    "border": 4, "sea": 5, "country": 6,
}
GEO_PRECISION = {"province": 3, "region": 3, "river": 3, "border": 3, "sea": 3, "country": 3}
ADMIN2_KINDS = ("county", "city", "district")

DESTINATION_PREPS = {"to", "into", "toward", "towards"}
LOCATIVE_PREPS = {"in", "at", "from", "near", "inside", "outside"}
# "sealed off Hyesan": "off" after these verbs is a particle, not "near"
PARTICLE_OFF = re.compile(r"\b(?:seal|sealed|sealing|seals|shut|shutting|cordoned|cordon|locked|lock|cut|blocked|walled|closed)\s+off\s+$", re.I)
# a place name modifying one of these nouns still names a place ("Hyesan market");
# modifying any other noun it names a thing ("Changbaishan cigarettes")
PLACE_HEADS = {
    "county", "city", "province", "district", "area", "region", "border", "river", "market",
    "station", "airport", "port", "harbor", "harbour", "bridge", "crossing", "customs", "base",
    "site", "facility", "complex", "prison", "camp", "island", "coast", "sea", "village", "town",
    "ri", "dong", "mountain", "peak", "sector", "zone", "line", "waters", "bay", "valley",
    "outskirts", "side", "frontier", "checkpoint", "office", "committee", "headquarters",
}
# "the border" unnamed: a border feature of no province
BORDER_WORDS = {"border", "frontier", "borderline", "border region", "border area"}
# the place a thing went to is not where the act happened ("smuggled gold into China",
# "fled to China", "fired into the East Sea"), whatever the act
DESTINATION_TYPES = frozenset(event_types())
NEAR = re.compile(
    r"\b(?:near|outskirts of|off|close to|vicinity of|around|outside|downstream from|upstream from|across from|opposite"
    r"|across the river from)\s+(?:the\s+)?$", re.I)
DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'-]+),\s+\w+\.?\s+\d{1,2}(?:,?\s+\d{4})?\s*\([^)]{2,40}\)\s*[-—–]+")
# a wire dateline without a date, at the start of a line: "SEOUL -", "SEOUL, South Korea —",
# "Changchun, China –": where the reporter files from, never where the act happened
_NAME = r"[A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){0,2}"
UNDATED_DATELINE = re.compile(rf"^[ \t\u00a0]*(?P<place>{_NAME}(?:,\s*{_NAME})?)[ \t\u00a0]+(?:--|—|–|-)[ \t\u00a0]+(?=\S)", re.M)
# how far into a text a dateline may come (after a headline, a byline, a date bar)
DATELINE_REACH = 600

# "Taechong-ri", "Songbuk village": a village named after a place name the ruler knew
VILLAGE_AFTER = re.compile(r"(?:-|\s)(?:ri|dong|village)\b", re.I)
# "fired from Kim Chaek", "in Kim Jong Suk": a locative preposition before a name that is
# also a person's makes it the place (a man is not "in" or "near" anyone)
LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|at|near|from|off|around|outside)\s+$")
# "the Kim Chaek area", "Kim Chaek port": a place noun after it does too
PLACE_NOUN_AFTER = re.compile(r"(?i)\s+(?:area|region|coast|port|harbou?r|city|county|district|vicinity)\b")

# "the port city of X", "the county of X": what follows is a place, whatever else it names
PLACE_OF = re.compile(r"(?i)\b(?:city|county|town|port|village|district|province)\s+of\s+(?:the\s+)?$")
MILES_KM = 1.609344
# "south of <a point>" with no distance: a few kilometres that way
UNSTATED_KM = 3.0
POINT_KINDS = {"town", "facility", "district", "island", "county", "city", "special_city", "mountain"}
# border features that are one point on the line, not a line ("south of the JSA")
LINE_POINTS = {"border.jsa"}
COMPASS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
    "southwest": 225, "west": 270, "northwest": 315,
}
WORD_NUMBERS: dict[str, int] = resources.load("numbers.toml")["cardinals"]
OFFSET = re.compile(
    r"(?:(?P<n>\d+(?:\.\d+)?|" + "|".join(WORD_NUMBERS) + r")\s*-?\s*(?P<unit>miles?|mi|km|kilometers?|kilometres?)\s+)?"
    r"(?:to\s+the\s+)?(?P<dir>north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?:the\s+)?"
    r"(?:(?:(?-i:[a-z][a-z-]*)\s+){1,3}(?:in|at|of)\s+(?:the\s+)?)?$",  # "south of the truce site in Panmunjom"
    re.I,
)


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    root: Token
    excluded: str | None = None  # source | dateline


class Geoparser:
    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer.default()

    # mentions ------------------------------------------------------------------

    def mentions(self, doc: Doc, source_spans: list[tuple[int, int]]) -> list[PlaceMention]:
        """Every place named in the document, disambiguated, with its exclusions marked."""
        found: list[PlaceMention] = []
        dateline = DATELINE.match(doc.text)
        undated = [m.span("place") for m in UNDATED_DATELINE.finditer(doc.text[:DATELINE_REACH])]
        raw = []
        for ent in doc.ents:
            if ent.label_ != "PLACE":
                continue
            if self._names_a_person(ent):
                continue
            candidates = self.gazetteer.resolve(ent.text, _context(ent))
            if VILLAGE_AFTER.match(doc.text, ent.end_char):
                # "Taechong-ri, in Unpha County": a village the gazetteer does not know, not
                # the island or county that shares its stem; the county named with it places it
                candidates = [c for c in candidates if c.kind == "town"]
            if candidates:
                raw.append((ent, candidates))
        named_admin1 = {c[0].admin1_code for _, c in raw if len(c) == 1 and c[0].admin1_code}
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
            found.append(mention)
        found += _unnamed_borders(doc)
        return sorted(found, key=lambda m: m.start)

    def _names_a_person(self, ent: Span) -> bool:
        """"a portrait of Kim Jong Suk": a bare name the gazetteer records as a person
        first; the county comes with its suffix ("Kim Jong Suk County")."""
        ambiguity = self.gazetteer.ambiguity_for(ent.text)
        if ambiguity is None or ambiguity.default != "person":
            return False
        latin = [form for form in ambiguity.forms if form.isascii()]
        if ent.text.isascii() and " " not in ent.text and latin and all(" " in form for form in latin):
            return False  # "Kimchaek" in one word is the city; the man is "Kim Chaek"
        before = ent.doc.text[max(0, ent.start_char - 30):ent.start_char]
        if PLACE_OF.search(before):
            return False  # "the port city of Kim Chaek"
        if LOCATIVE_BEFORE.search(before) or PLACE_NOUN_AFTER.match(ent.doc.text, ent.end_char):
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
        home, a dateline or a destination; the nearest one in the parse on a tie."""
        usable = []
        for m in mentions:
            if m.excluded or not (sent.start_char <= m.start < sent.end_char):
                continue
            if not _same_clause(m.root, trigger):
                continue
            if event_type in DESTINATION_TYPES and _destination(m.root, trigger):
                continue
            if m.place.kind == "country" and _preposition(m.root) == "of":
                continue  # "war drills of the U.S.": whose, not where
            if has(event_type, "addressed") and (m.place.kind == "country" or not _where_of(m.root, trigger)):
                continue  # "warning Seoul", "called his family in Seoul": whom, not where
            usable.append(m)
        if not usable:
            return None
        def rank(m: PlaceMention):
            # "in Jeongeup County near Jeonju": the place a reference point is near comes second
            near = _near(self._before(m))
            return (SPECIFICITY.get(m.place.kind, 3) + (0.5 if near else 0), _distance(trigger, m.root))

        best = min(usable, key=rank)
        return self.location(best.place, text=best.text, context=self._before(best))

    def _before(self, m: PlaceMention) -> str:
        """The text just before a mention: "near", "7 miles southeast of"."""
        doc = m.root.doc
        return doc.text[max(0, m.start - 60):m.start]

    def specific_place(self, mentions: list[PlaceMention], event_type: str, elsewhere: frozenset[int] | set[int] = frozenset()) -> Location | None:
        """The first town, county or city a text names for the act (not a source's
        home, a dateline or a destination), else its first province: for a short item
        whose one story is told over several sentences ("They were launched from
        Hwangju County")."""
        found = []
        for m in mentions:
            if m.excluded or SPECIFICITY.get(m.place.kind, 3) > 3:
                continue
            if event_type in DESTINATION_TYPES and _destination(m.root, None):
                continue
            if m.root.sent.start in elsewhere:
                continue  # a sentence that tells another incident: its places are that one's
            located = self.location(m.place, text=m.text, context=self._before(m))
            if located.admin1_code:
                found.append(located)
        return min(found, key=lambda loc: loc.geo_precision, default=None)

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
        if place.kind == "special_city" and admin2 is None:
            admin2 = place  # "the port city of Nampo": the city is both levels
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
        elif not anchor.country and (anchor.kind in POINT_KINDS or anchor.id in LINE_POINTS):
            distance = UNSTATED_KM  # "south of Panmunjom": just across the line, on that side
        else:
            return None  # "south of the DMZ" names no point; "southwest of Yeonpyeong" stays near it
        bearing = math.radians(COMPASS[match.group("dir").lower().replace("-", "")])
        lat = anchor.lat + distance * math.cos(bearing) / 111.0
        lon = anchor.lon + distance * math.sin(bearing) / (111.0 * math.cos(math.radians(anchor.lat)))
        side = None
        if not anchor.country:  # a place on the line: the direction says which side
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


def _unnamed_borders(doc: Doc) -> list[PlaceMention]:
    """"along the border", "the border region": a place of precision 3 with no
    province, so that nothing more precise is invented for it."""
    found = []
    for token in doc:
        if token.lemma_.lower() in BORDER_WORDS and token.pos_ == "NOUN" and not token.ent_type_:
            found.append(PlaceMention(token.idx, token.idx + len(token.text), token.text, UNNAMED_BORDER, token))
    return found


def _attributive(ent: Span) -> bool:
    """"Changbaishan cigarettes", "Pyongyang-style noodles": a name used for a thing."""
    root = ent.root
    return (
        root.dep_ in ("compound", "amod", "nmod")
        and root.head.pos_ == "NOUN"
        and root.head.lemma_.lower() not in PLACE_HEADS
        and not root.head.ent_type_
    )


# clauses with their own subject and time; participles ("centered around Uljin") and
# infinitives ("attempted to launch from Sinpo") stay in the trigger's clause
CLAUSE_HEADS = {"ccomp", "advcl", "relcl", "csubj", "parataxis", "pcomp"}


def _clause(token: Token) -> Token:
    """The head of the smallest clause holding the token."""
    t = token
    while t.head != t and not (t.dep_ in CLAUSE_HEADS and t.pos_ in ("VERB", "AUX")):
        t = t.head
    return t


def _same_clause(place: Token, trigger: Token) -> bool:
    """A place counts for a trigger when the place's clause also holds the trigger
    ("deserted in Sinpa County"), not when it sits in a clause of its own
    ("with the border completely closed")."""
    head = _clause(place)
    if head.dep_ in ("relcl", "acl") and head.head.head == trigger:
        return True  # "shot a man who was wading across the river in X County": where the victim was
    return head == trigger or head in trigger.ancestors or _clause(trigger) == head


def _context(ent: Span) -> str:
    """The sentence around a mention and its neighbours: what the gazetteer's cues read."""
    doc = ent.doc
    sent = ent.sent
    return doc.text[max(0, sent.start_char - 200):min(len(doc.text), sent.end_char + 200)]


def _near(before: str) -> bool:
    return bool(NEAR.search(before)) and not PARTICLE_OFF.search(before)


def _where_of(place: Token, trigger: Token) -> bool:
    """The place hangs from the act itself by a locative preposition ("spoke in Hyesan")."""
    t = place
    while t.dep_ in ("compound", "amod", "appos", "conj") and t.head != t:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in LOCATIVE_PREPS:
        return False
    attached = t.head.head
    return attached == trigger or attached == trigger.head


def _destination(place: Token, trigger: Token | None) -> bool:
    """The place is where something went: "to China", "into the Yellow Sea north of
    Yeonpyeong" (any destination preposition between the place and the act)."""
    for t in [place, *place.ancestors]:
        if trigger is not None and t == trigger:
            return False
        if t.dep_ == "prep" and t.lower_ != "of":  # "of" names, it does not lead anywhere
            if any(c.dep_ == "pobj" and c.lower_.replace("-", "") in COMPASS for c in t.children):
                return False  # "to the southwest of Yeonpyeong": where, not whither
            return t.lower_ in DESTINATION_PREPS  # the nearest preposition decides ("from Wonsan")
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _preposition(token: Token) -> str | None:
    """The preposition a place hangs from ("to China" -> "to")."""
    t = token
    while t.dep_ in ("compound", "amod", "appos", "conj") and t.head != t:
        t = t.head
    if t.dep_ == "pobj":
        return t.head.lower_
    return None


def _distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree."""
    up = {a: 0}
    for depth, t in enumerate(a.ancestors, 1):
        up[t] = depth
    if b in up:
        return up[b]
    for depth, t in enumerate(b.ancestors, 1):
        if t in up:
            return depth + up[t]
    return 99 + abs(a.i - b.i)
