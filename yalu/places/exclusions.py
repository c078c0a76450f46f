"""Names of places that are not the story's places: the home of an outlet or an organ
("Seoul's military"), where an organ that speaks sits ("the defence ministry in Seoul
said"), a capital standing for its state ("Pyongyang fired"), a wire's
dateline before its agency ("Seoul (AFP)"), a place left out ("excluding Pyongyang")
and a place that only locates another ("north of the capital Pyongyang", "200 km away from
Goseong"). Each check
reads one place entity of the parse; geoparse.Geoparser.mentions marks what they find."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import resources
from ..annotate.index import ents_in
from ..annotate.spacy_pipeline import text_of
from ..dates.lexicon import lexicon as date_words
from ..model import Place

# a place name modifying one of these nouns still names a place ("Hyesan market");
# modifying any other noun it names a thing ("Changbaishan cigarettes")
PLACE_HEADS = set(resources.load("places/generics.toml")["place_heads"])
# capitals that may stand for their states ("Seoul said", "Beijing and Pyongyang closed their
# border") and the words that tell when they do (context.toml [metonymy]); the units whose base
# is where they act, not a teller's home (context.toml [based], place.unit_base)
METONYMY = resources.load("places/context.toml").get("metonymy", {})
CAPITALS = frozenset(METONYMY.get("capitals", []))
CAPITAL_NAMES = frozenset(capital.rsplit(".", 1)[-1] for capital in CAPITALS)
BASED_UNITS = frozenset(resources.load("places/context.toml")["based"]["units"])
# how far into a text a dateline may come (after a headline, a byline, a date bar)
DATELINE_REACH = 600
# "seven cities excluding Pyongyang": a place left out of the story (place.excepted)
EXCEPTED = re.compile(r"(?i)\b(?:excluding|except(?:\s+for)?|other\s+than|apart\s+from|barring)\s+(?:the\s+)?(?:capital\s+(?:of\s+)?)?$")
# "South Pyongan province, north of the capital Pyongyang", "Paju, near Seoul", "North and South
# Hwanghae provinces, south of Pyongyang": a place that only says where the place before it lies
# (place.locator)
LOCATOR = re.compile(
    r"(?i)^(?:\s+(?:provinces?|count(?:y|ies)|cit(?:y|ies)|regions?|areas?))?,\s+(?:(?:just|about|some|which\s+is|which\s+lies)\s+)?"
    r"(?:(?:north|south|east|west)(?:east|west)?\s+of|near|close\s+to|bordering|across\s+from)\s+(?:the\s+)?"
    r"(?:(?:north|south)\s+korean\s+|chinese\s+)?"  # "near the North Korean capital Pyongyang" (RFA)
    r"(?:(?:capital|border|port|northern|southern|eastern|western)\s+)*(?:city\s+)?(?:of\s+)?$")
# "a region to the southwest of Seoul", "a camp north of Beijing": a capital abroad a compass
# bearing is taken from, with no distance, is where the act is not (place.compass_of;
# [metonymy] capitals, a city whose bounds the bearing leaves; "a village north of Hyesan" may
# still be Hyesan's, and "in the north of Pyongyang" is inside it). Pyongyang's own bounds
# reach far (Sunan, Kangdong): a site "north of Pyongyang" keeps the capital's first level
# and no second (geoparse.location)
COMPASS_OF = re.compile(
    r"(?i)(?P<far>\d[\d,.]*\s*-?\s*(?:kilometers?|kilometres?|km|miles?|mi)\s+(?:\([^()]{1,30}\)\s+)?)?"
    r"(?<!in the )\b(?:north|south|east|west)(?:east|west)?\s+of\s+(?:the\s+)?"
    r"(?:(?:north|south)\s+korean\s+)?(?:capital,?\s+)?$")
# "200 kilometers away from South Korea's Jejin Port in Goseong": a place a distance is
# counted from, too far for the act to be there or near it (place.far_from); nearer than
# FAR_KM ("3 km away from Hyesan") the act is near the place. Never without "away": "flew
# 780 km from Sunan" names the launch site
FAR_FROM = re.compile(
    r"(?i)\b(?P<n>\d[\d,]*(?:\.\d+)?)\s*-?\s*(?P<unit>kilometers?|kilometres?|km|miles?)\s+(?:\([^()]{1,30}\)\s+)?"
    r"away\s+from\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,5}$")
FAR_KM = 50
MILE_KM = 1.609
# "the Seoul-based Daily NK", "a Tokyo-based reporter": where someone is based (place.based)
BASED = re.compile(r"(?i)\s*-?\s*based\b(?!\s+(?:on|upon)\b)")  # not "in Hyesan based on a tip"
# "a newspaper based in Seoul", "a support group based in Seoul": the same, told after the noun (place.based)
BASED_IN = re.compile(r"(?i)\bbased\s+(?:in|at)\s+(?:the\s+)?$")
# "(Seoul) – China should disclose ...": a rights group's release opens on its office in brackets
BRACKET_DATELINE = re.compile(r"\)\s*[–—-]")
# "Speaking from Seoul, a defector said ...": where a speaker is (place.speaking_from)
SPEAKING_FROM = re.compile(r"(?i)\b(?:speaking|writing|reporting|calling)\s+(?:(?:to|with)\s+[\w' ]{1,30}\s+)?from\s+(?:the\s+)?$")
# "Jang, a native of the border city of Chongjin", "a native of Chongjin, North Hamgyong
# province" (both names), "originally from Hamhung", "born in Jagang province": where a person
# was born or comes from, their story's background, not where its acts happen (place.birthplace:
# English read set forbidden places 32 -> 29); "a resident of Hoeryong" is where they live and
# act (place.person_home)
BIRTHPLACE = re.compile(
    r"(?i)\b(?:natives?\s+of|born\s+in|originally\s+(?:from|of)|hails\s+from|hailed\s+from|hailing\s+from)"
    # only the place's own noun phrase stands between: "the far northeastern border city of",
    # "Hoeryong, " (a town before its province), "Vyatskoye, near "; not "originally from
    # Hamhung, was arrested in Hyesan" nor "born in 1990 was caught in Hyesan"
    r"\s+(?:the\s+)?(?:(?:[a-z]+ern|far|border|port|coastal|capital|mountain|mining|industrial|"
    r"remote|rural|small)\s+){0,3}(?:(?:city|town|county|province|village|district|region|"
    r"area)\s+of\s+(?:the\s+)?)?(?:(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2},\s+(?:near\s+)?)?$")
# "Seoul (AFP)": an agency's acronym in brackets after a place
AGENCY_ACRONYM = re.compile(r"[A-Z]{2,6}")
# "Pyongyang's Korea Central Television", "Seoul's military": outlets and organs of a
# state after a place's possessive, which then names the state, not a place
OWNED_NOUNS = {
    "television", "tv", "radio", "broadcaster", "agency", "newspaper", "daily", "media", "press",
    "military", "army", "navy", "government", "ministry", "spokesman", "spokeswoman", "spokesperson",
    "officials", "leadership", "regime", "authorities", "diplomats", "envoy",
}


def exclusion(ent: Span, place: Place) -> str | None:
    """Why a place entity names no place of the story, if it does not: excepted, locator,
    owner (of an outlet or organ, or where someone is based), source (where a speaker
    speaks from), birthplace (where a person comes from), state, or dateline (an agency's
    bracket)."""
    if _agency_dateline(ent):
        return "dateline"
    if EXCEPTED.search(text_of(ent.doc), max(0, ent.start_char - 40), ent.start_char):
        return "excepted"
    if _locator(ent) or _far_from(ent) or _compass_of(ent, place):
        return "locator"
    text = text_of(ent.doc)
    if _source_owner(ent, place) or _teller_base(ent):
        return "owner"
    if SPEAKING_FROM.search(text, max(0, ent.start_char - 60), ent.start_char) or _speaker_seat(ent, place) or _said_in(ent, place):
        return "source"
    if BIRTHPLACE.search(text, max(ent.sent.start_char, ent.start_char - 80), ent.start_char):
        return "birthplace"
    if _stands_for_state(ent, place) or _headline_voice(ent, place):
        return "state"
    return None


# "Seoul: North Korea's two missile launches end in failure": a capital opening a line with a
# colon near the top is whose word the headline gives, or the dateline (place.headline_voice)
HEADLINE_VOICE = re.compile(r":[ \t\u00a0]+(?=[A-Z\"“‘'])")


def _headline_voice(ent: Span, place: Place) -> bool:
    text = text_of(ent.doc)
    if ent.start_char > DATELINE_REACH or place.id not in CAPITALS:
        return False
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    return not text[line_start:ent.start_char].strip() and bool(HEADLINE_VOICE.match(text, ent.end_char))


# who speaks from where they sit: an organ, or one official of it, or one of context.toml's
# [speakers] seats (only outside North Korea); a capital abroad hung on the reporting verb is
# where it was said
SPEAKER_DATA = resources.load("places/context.toml").get("speakers", {})
ORGANS = OWNED_NOUNS | {"official"}
SEATS = frozenset(SPEAKER_DATA.get("seats", []) + SPEAKER_DATA["venues"])
SPEAKERS = ORGANS | SEATS
SAID_IN = frozenset(SPEAKER_DATA.get("said_in", []))


def _speaker_seat(ent: Span, place: Place) -> bool:
    """"the defence ministry in Seoul said", "cited a human rights official in Seoul who spoke
    on condition of anonymity", "according to officials in Beijing": where an organ or an
    official that speaks sits, not a place of the story (place.speaker_seat). Only an organ
    or an official (SPEAKERS): "police in Dandong said they detained" keeps Dandong. A seat
    of [speakers] sits only abroad or in the South: "a group of women in Hoeryong told Daily
    NK" is Daily NK's way of citing people inside the country, who tell of their town."""
    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "from"):
        return False
    holder = root.head.head
    # "a spokesman for the International Federation of the Red Cross in Beijing quoted":
    # an organ's proper name leads up to the one who speaks (place.speaker_seat); "a
    # spokesman for the police in Dandong" may tell of Dandong's own arrests
    for _ in range(3):
        if holder.lemma_.lower() in SPEAKERS or holder.lower_ in SPEAKERS or holder.dep_ != "pobj" or holder.pos_ != "PROPN":
            break
        if holder.head.lower_ not in ("of", "for", "with") or holder.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        holder = holder.head.head
    if holder.pos_ not in ("NOUN", "PROPN") or (holder.lemma_.lower() not in SPEAKERS and holder.lower_ not in SPEAKERS):
        return False
    if place.country == "KP" and holder.lemma_.lower() not in ORGANS and holder.lower_ not in ORGANS:
        return False
    said = date_words().reporting_verbs  # the verbs a source speaks with (data/reporting.toml)
    after = next((t for t in ent.doc[ent.end:ent.end + 2] if not t.is_punct), None)
    if after is not None and after.pos_ == "VERB" and after.lemma_.lower() in said:
        return True  # "an activist in Seoul said", however the parser hung the activist
    if holder.dep_ in ("nsubj", "dobj") and holder.head.lemma_.lower() in said:
        return True  # "the ministry in Seoul said", "Yonhap cited an official in Seoul", "told a press conference in Bangkok"
    if holder.dep_ == "pobj" and holder.head.lower_ == "to" and holder.head.head.lower_ == "according":
        return True
    if holder.dep_ == "pobj" and holder.head.lower_ == "at" and holder.head.head.lemma_.lower() in said:
        return True  # "at a forum in Seoul, a defector said"
    return any(c.dep_ == "relcl" and c.lemma_.lower() in said for c in holder.children)


def _said_in(ent: Span, place: Place) -> bool:
    """"a rights group said in Seoul, citing documents", "told reporters on Friday in Tokyo":
    a capital abroad hung on the reporting verb is where the words were said (place.said_in);
    "was arrested in Seoul, police said" hangs on the arrest and stays. The one who speaks is
    an organ, a seat, a name or a pronoun: "defectors were detained by Chinese police and said
    in Beijing that they would be sent back" are people of the story, in Beijing."""
    root = ent.root
    if place.id not in SAID_IN or root.dep_ != "pobj" or root.head.lower_ != "in":
        return False
    verb = root.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in date_words().reporting_verbs:
        return False
    return not any(s.pos_ == "NOUN" and s.lemma_.lower() not in SPEAKERS for s in _speakers(verb))


def _speakers(verb: Token) -> list[Token]:
    """Who speaks: the verb's subject, or that of the verb it is joined to ("were detained
    by police and said")."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own or verb.dep_ != "conj":
        return own
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _stands_for_state(ent: Span, place: Place) -> bool:
    """"Pyongyang fired two missiles", "an attack by Pyongyang", "prompted Seoul to deploy
    jets", "Beijing's success": a capital that acts or owns is its state (context.toml,
    [metonymy]); a capital that suffers ("Pyongyang was hit by floods") is a place."""
    if place.id not in CAPITALS:
        return False
    root = ent.root
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        return True
    if _capitals_acting(ent):
        return True
    if root.dep_ == "poss" and root.head.pos_ in ("NOUN", "PROPN") and not root.head.ent_type_:
        owned = root.head.lemma_.lower()  # place.state_possessive: "Seoul's latest drama", not "Pyongyang's streets"
        return owned not in PLACE_HEADS and owned not in METONYMY.get("place_properties", [])
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.pos_ == "NOUN":
        return True  # "an artillery attack by Pyongyang"
    if root.dep_ == "dobj" and root.head.lemma_.lower() in METONYMY.get("addressed", []):
        return True  # place.state_addressed: "for criticizing Pyongyang"
    return (root.dep_ == "dobj" and root.head.lemma_.lower() in METONYMY.get("causatives", [])
            and any(c.dep_ in ("xcomp", "ccomp") for c in root.head.children))


def _capitals_acting(ent: Span) -> bool:
    """"Beijing and Pyongyang closed their border": two capitals joined before an active verb
    are the two states acting (place.capitals_acting), however the parser hung them (it often
    makes them a conjunct of the noun before: "the pandemic started and Beijing and Pyongyang
    closed ..."); "Both Seoul and Pyongyang were hit by rains" suffers and stays a place."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "and":
        other = next((e for e in ents_in(doc[ent.end + 1:ent.end + 4]) if e.start == ent.end + 1), None)
    elif ent.start >= 2 and doc[ent.start - 1].lower_ == "and":
        other = next((e for e in reversed(ents_in(doc[max(0, ent.start - 4):ent.start - 1])) if e.end == ent.start - 1), None)
    else:
        return False
    if other is None or other.text.lower() not in CAPITAL_NAMES:
        return False
    verb = doc[max(ent.end, other.end)] if max(ent.end, other.end) < len(doc) else None
    return verb is not None and verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP")


def _source_owner(ent: Span, place: Place) -> bool:
    """"Pyongyang's Korea Central Television", "Seoul's Yonhap", "Seoul's military": the
    home of an outlet or the state an organ belongs to, not a place of the story; so is a
    country whose people are named ("North Korea's border guards were arrested in China")."""
    doc = ent.doc
    if ent.end >= len(doc) - 1 or doc[ent.end].tag_ != "POS":
        return False
    for token in doc[ent.end + 1:min(len(doc), ent.end + 5)]:
        if token.ent_type_ == "SOURCE" or token.lower_ in OWNED_NOUNS:
            return True
        if place.kind == "country" and token.ent_type_ == "ACTOR":
            return True
        if token.ent_type_ == "PLACE" or token.pos_ in ("VERB", "AUX", "ADP", "PUNCT"):
            return False
    return False


def _teller_base(ent: Span) -> bool:
    """"the Seoul-based Daily NK", "a newspaper based in Seoul": where a teller is based
    (place.based); not a soldier's or a unit's base, where it acts (place.unit_base,
    context.toml [based]: "the border patrol soldier, based in Onsong County, escaped")."""
    doc, text = ent.doc, text_of(ent.doc)
    if BASED.match(text, ent.end_char):
        based = next((t for t in doc[ent.end:ent.end + 2] if t.lower_.endswith("based")), None)
    elif BASED_IN.search(text, max(0, ent.start_char - 20), ent.start_char):
        based = ent.root.head.head if ent.root.dep_ == "pobj" else None
    else:
        return False
    return based is None or based.head.lemma_.lower() not in BASED_UNITS


def _agency_dateline(ent: Span) -> bool:
    """"Seoul (AFP) Nov 7, 2011", "by Staff Writers Seoul (Reuters)": a place followed by an
    outlet or an agency's acronym in brackets near the top is where the wire filed from
    (place.agency_dateline); "(Seoul) – China should ..." opening a line near the top is
    where a rights group's release was issued (place.bracket_dateline)."""
    doc = ent.doc
    if ent.start_char > DATELINE_REACH:
        return False
    text = text_of(doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    if text[line_start:ent.start_char].strip() == "(":
        return bool(BRACKET_DATELINE.match(text, ent.end_char))  # place.bracket_dateline
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(":
        return False
    close = next((t.i for t in doc[ent.end + 1:ent.end + 6] if t.text == ")"), None)
    if close is None or close == ent.end + 1:
        return False
    return all(t.ent_type_ == "SOURCE" or AGENCY_ACRONYM.fullmatch(t.text) for t in doc[ent.end + 1:close])


def _compass_of(ent: Span, place: Place) -> bool:
    """"southwest of Seoul": a capital abroad a bearing is taken from (place.compass_of)."""
    if place.id not in CAPITALS or place.country == "KP":
        return False
    return bare_bearing(text_of(ent.doc)[max(ent.sent.start_char, ent.start_char - 70):ent.start_char])


def bare_bearing(before: str) -> bool:
    """The text before a place ends on a compass bearing with no distance ("a camp south of
    the capital"); with a distance the point is placed by it ("18 miles north of Seoul":
    geoparse's offset)."""
    found = COMPASS_OF.search(before)
    return found is not None and not found.group("far")


def _far_from(ent: Span) -> bool:
    """"drifting 200 kilometers away from the port of Jejin": the place a long distance is
    counted from (place.far_from), in the same sentence."""
    text = text_of(ent.doc)
    found = FAR_FROM.search(text, max(ent.sent.start_char, ent.start_char - 120), ent.start_char)
    if found is None:
        return False
    km = float(found.group("n").replace(",", "")) * (MILE_KM if found.group("unit").lower().startswith("mile") else 1)
    return km > FAR_KM


def _locator(ent: Span) -> bool:
    """"a resident of South Pyongan province, north of the capital Pyongyang": the capital
    locates the province; the story is not there."""
    doc = ent.doc
    # the entities before it, read from the document's index (doc.ents is built anew on each call)
    before = next((e for e in reversed(ents_in(doc[:ent.start])) if e.label_ == "PLACE"), None)
    if before is None or ent.start_char - before.end_char > 60 or before.sent != ent.sent:
        return False
    return bool(LOCATOR.match(text_of(doc)[before.end_char:ent.start_char]))

