"""Who says so: the source a sentence cites, and the outlets that corroborate.

A source's location ("a source in Yanggang Province") says where the source is,
not where the incident happened: `source_spans` lets the geoparser skip it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .. import resources
from ..annotate import SOURCE, source_lexicon, text_of
from ..annotate.index import ents_in, starting_in
from ..dates.firstchar import guarded
from ..model import Attribution

# the generic that may close where a source is, the words that may open it and the
# nouns of "the district of" (data/places/generics.toml)
_GENERICS = resources.load("places/generics.toml")
_PLACE_TAIL = "|".join(map(re.escape, _GENERICS["source_place_tail"]))
# how a source's place is told: "a source in", "a defector now living in", "sources residing
# in the district of Chongjin"
_WHERE_WORD = r"(?:in|from|(?:now\s+)?based in|(?:now\s+)?(?:living|residing) in|inside|near)"
# RFA's "a resident of Hyesan told RFA": where a resident is from (never "an official of the
# Ministry", whose "of" names his employer)
_RESIDENT_OF = r"(?<=resident\s)of|(?<=residents\s)of"
_UNIT_OF = (r"(?:the\s+)?(?:(?:" + "|".join(map(re.escape, _GENERICS["source_place_words"])) + r")\s+){0,2}"
            r"(?:(?i:" + "|".join(map(re.escape, _GENERICS["place_nouns_of"])) + r")\s+of\s+)?")
ANONYMOUS = re.compile(
    # a bare plural opens a sentence too ("Sources residing in Chongjin informed ...")
    r"(?:\b(?i:an?|the|one|another|two|three|several|multiple|our|other)\s+|^)"
    r"(?:(?:[\w-]+\s+){0,3}?)"
    r"(?P<who>sources?|informants?|insiders?|reporting partners?|residents?|officials?|defectors?|contacts?|traders?|merchants?"
    r"|(?-i:S)ources)"
    r"(?P<where>\s+(?:" + _WHERE_WORD + r"|" + _RESIDENT_OF + r"|with\s+(?:knowledge|ties)\s+\w+)\s+"
    + _UNIT_OF + r"(?:(?:[A-Z][\w'’-]+|[가-힣]+)(?:\s+|,\s+)?)+(?:(?:" + _PLACE_TAIL + r")\b)?)?"
)
# the verbs a source speaks with
# (ASIAPRESS: "a reporting partner in Hyesan gave us the following information", "... provided
# the following report", "... spoke about this")
REPORTING = (r"(?i:told|tells|said|says|reported|reports|added|explained|noted|according to|claimed|confirmed|revealed|quoted|quoting"
             r"|informed|spoke\s+(?:about|of)|(?:gave|provided|sent)\s+(?:us\s+)?(?:with\s+)?the\s+following)")
# tried only where a reporting verb can begin (`guarded`): every sentence is searched for one
REPORTS = guarded(re.compile(REPORTING))
CORROBORATE = re.compile(r"\b(?:has|have|had)?\s*also\s+(?:reported|confirmed|carried)|\bsimilar(?:ly)?\s+report|\bas\s+reported\s+by\b", re.I)


@dataclass
class Citation:
    attribution: Attribution
    start: int  # char span of the whole source phrase in the document
    end: int


def _media(name: str) -> dict | None:
    return next((s for s in source_lexicon() if s["name"] == name), None)


def citations(doc: Doc) -> list[Citation]:
    """Every source phrase that a reporting verb makes a source, in document order."""
    found = []
    for sent in doc.sents:
        text = _text(sent)
        reports = REPORTS.search(text)
        if not reports:
            continue
        for m in ANONYMOUS.finditer(text):
            if m.group("who").lower().startswith(("resident", "trader", "merchant", "defector", "official")) and not _speaks(m, text):
                continue  # residents who act are actors, residents who speak are sources
            where = (m.group("where") or "").strip()
            location = re.sub(r"^(?:" + _WHERE_WORD + r"|of)\s+" + _UNIT_OF, "", where).rstrip(" ,;") or None
            start = sent.start_char + m.start()
            found.append(
                Citation(
                    Attribution(text=m.group(0).strip().rstrip(",;"), kind="anonymous_source", location=location),
                    start, start + len(m.group(0)),
                )
            )
        for ent in ents_in(sent):
            if ent.label_ == SOURCE:
                entry = _media(ent.ent_id_) or {"kind": "media"}
                found.append(Citation(Attribution(text=ent.ent_id_, kind=entry["kind"]), ent.start_char, ent.end_char))
    return sorted(found, key=lambda c: c.start)


def _speaks(m: re.Match, text: str) -> bool:
    """The phrase is the speaker: "a resident told RFA", "said a trader", "according to officials"."""
    after = text[m.end():m.end() + 40]
    before = text[max(0, m.start() - 30):m.start()]
    return bool(
        re.match(r"\s*(?:(?:of|in|from)\s+(?:[\w'’-]+\s+){1,4})?(?:,[^,]{0,40},\s*)?" + REPORTING, after)
        or re.search(REPORTING + r"\s+(?:\w+\s+){0,2}$", before)
    )


def _text(sent: Span) -> str:
    """The sentence's text cut from the document's, not joined token by token (`sent.text`)."""
    return text_of(sent.doc)[sent.start_char:sent.end_char]


def sentence_attribution(sent: Span, cites: list[Citation], outlet: str | None) -> Attribution | None:
    """The source the sentence cites; the article's anonymous source for quotes and
    "the source said"; None when the writer speaks for themselves."""
    inside = [c for c in starting_in(cites, sent.start_char, sent.end_char) if c.attribution.text != outlet]
    text = _text(sent)
    if CORROBORATE.search(text):
        # "Yonhap also reported": a second outlet corroborates, it is not who says so here
        inside = [c for c in inside if c.attribution.kind not in ("media", "state_media")]
    anonymous = [c for c in inside if c.attribution.kind == "anonymous_source"]
    if anonymous:
        return anonymous[0].attribution
    if inside and REPORTS.search(text):
        return inside[0].attribution
    quoted = re.search(r"[“\"](?:\S+\s+){3,}", text) or re.search(r"\bthe\s+(?:\w+\s+)?source\b", text, re.I)
    if quoted:
        first = next((c for c in cites if c.attribution.kind == "anonymous_source"), None)
        if first is not None and first.start < sent.end_char:
            return first.attribution
    return None


def corroboration(sent: Span, cites: list[Citation], outlet: str | None) -> list[str]:
    """Other outlets the sentence says also reported the story."""
    text = _text(sent)
    if not CORROBORATE.search(text) and "according to" not in text.lower():
        return []
    return [
        c.attribution.text
        for c in starting_in(cites, sent.start_char, sent.end_char)
        if c.attribution.kind in ("media", "state_media")
        and c.attribution.text != outlet
    ]
