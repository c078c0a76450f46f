"""The Korean annotate stage: kiwipiepy's morphological analysis (its packaged model,
kiwipiepy-model; nothing is downloaded) with Yalu's user words, cut into sentences.

Kiwi gives morphemes with Sejong-style tags (NNG, NNP, VV, XSV, EP, EC, EF, ETM, JKS, ...)
and character offsets into the text; it has no dependency parse, so the Korean extractor
reads clauses off the endings (yalu/extract/korean/). User words keep whole the names the
analyser would split: every Hangul spelling of the gazetteer's places (신파군 would be
신파 + 군) and the units, agencies and outlets of data/ko/lexicon.toml (폭풍군단 would be
폭풍 + 군단). docs/korean.md says why Kiwi and not MeCab-ko.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import resources
from ..places import Gazetteer
from ..places import romanize as rz

# place kinds whose names are written as one word with their suffix (신파군, 혜산시, 양강도)
NAMED_KINDS = frozenset({
    "province", "special_city", "county", "city", "district", "town", "village", "island", "workers_district",
    "facility", "mountain", "river", "country", "region", "border",
})
# a user word must beat the analyser's own split, which scores about -10 to -20
USER_WORD_SCORE = 0.0


@dataclass(frozen=True)
class Morpheme:
    """One morpheme: its form (the dictionary form: 하, 었, 다), its tag, and the
    characters of the text it covers (`surface`: a contracted 했 covers 하 and 었 alike)."""

    i: int
    form: str
    tag: str
    start: int
    end: int
    surface: str

    @property
    def pos(self) -> str:
        """The tag without Kiwi's irregular-conjugation mark (VV-R -> VV)."""
        return self.tag.split("-")[0]


@dataclass
class Sentence:
    """A sentence: its characters and its morphemes (indices into KoreanDoc.morphemes)."""

    index: int
    start_char: int
    end_char: int
    text: str
    first: int  # index of its first morpheme
    last: int  # one past its last morpheme
    paragraph: int


@dataclass
class KoreanDoc:
    text: str
    morphemes: list[Morpheme] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def of(self, sentence: Sentence) -> list[Morpheme]:
        return self.morphemes[sentence.first:sentence.last]


def user_words(gazetteer: Gazetteer) -> list[tuple[str, str]]:
    """(form, tag) of every user word: the gazetteer's Hangul spellings of named places
    (North and South Korean forms alike) and data/ko/lexicon.toml's words."""
    words: dict[str, str] = {}
    for surface, place_id in gazetteer.surface_forms():
        if rz.is_hangul(surface) and len(surface) >= 2 and " " not in surface:
            if gazetteer.get(place_id).kind in NAMED_KINDS:
                words.setdefault(surface, "NNP")
    for word in resources.load("ko/lexicon.toml")["word"]:
        words[word["form"]] = word["tag"]
    return sorted(words.items())


@cache
def analyser(gazetteer: Gazetteer | None = None):
    """Kiwi with the user words, built once per gazetteer (loading takes about a second)."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    for form, tag in user_words(gazetteer or Gazetteer.default()):
        kiwi.add_user_word(form, tag, USER_WORD_SCORE)
    return kiwi


_LINE = re.compile(r"[^\n]+")


def annotate(text: str, gazetteer: Gazetteer | None = None) -> KoreanDoc:
    """The morphemes and sentences of a Korean text. Every line is a paragraph and ends a
    sentence (headlines and datelines carry no full stop), and Kiwi splits the rest."""
    kiwi = analyser(gazetteer)
    doc = KoreanDoc(text)
    for paragraph, line in enumerate(_LINE.finditer(text)):
        if not line.group().strip():
            continue
        for sent in kiwi.split_into_sents(line.group(), return_tokens=True):
            first = len(doc.morphemes)
            for t in sent.tokens or []:
                start = line.start() + t.start
                doc.morphemes.append(
                    Morpheme(len(doc.morphemes), t.form, t.tag, start, start + t.len, text[start:start + t.len])
                )
            start, end = line.start() + sent.start, line.start() + sent.end
            doc.sentences.append(
                Sentence(len(doc.sentences), start, end, text[start:end], first, len(doc.morphemes), paragraph)
            )
    return doc
