"""Cached annotations: what the annotate stage made of an article, kept as bytes so that
extraction can run again (`yalu reprocess` after a rule change) without tagging and
parsing again, the bulk of an article's time.

The bytes are a spaCy `DocBin` of the one Doc (tokens, whitespace, tags, lemmas, morphs,
heads, dependencies, sentence starts, entities with their ids; zlib-compressed by
DocBin), without the tensor: the shipped classifier does not read it (a pipeline whose
classifier does keeps no cache, `usable`). What the last component adds that is no
annotation (the sentence index, the joined text) is made again on loading.

Each is stored under the key of the pipeline that made it (`key`): the spaCy and model
versions, the components, the tokenizer's exceptions and the rulers' patterns, and the
source of the code that annotates. An annotation under another key is made again.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from importlib import resources as package_files
from typing import cast

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.tokens._dict_proxies import SpanGroups
from srsly import msgpack

from ..places import Gazetteer
from . import spacy_pipeline
from .spacy_pipeline import sentence_index

# the modules whose code decides an annotation: a change to any of them changes the key
CODE = ("annotate/spacy_pipeline.py", "annotate/index.py", "ingest/text.py")
KEY_ATTRIBUTE = "_yalu_annotation_key"
RULER = "yalu_entities"  # the entity ruler of `spacy_pipeline.build`


def key(nlp: Language) -> str:
    """The pipeline's cache key, computed once per pipeline (the patterns take ~0.1 s)."""
    found = getattr(nlp, KEY_ATTRIBUTE, None)
    if found is None:
        found = _key(nlp)
        setattr(nlp, KEY_ATTRIBUTE, found)
    return found


class _NoPlaces:
    """A gazetteer of no names, for `reader`."""

    def surface_forms(self) -> list[tuple[str, str]]:
        return []


def reader(gazetteer: Gazetteer) -> Language:
    """A pipeline that reads annotations as `build(gazetteer)`'s does, keyed as it is, without
    what reading needs not: build's own steps over no place names, so its entity ruler does
    not tokenize the gazetteer's 18,000 (`yalu reprocess` from the cache starts ~0.65 s
    sooner). The key is that of the whole pipeline: the ruler's patterns with the places'."""
    nlp = spacy_pipeline.build(cast(Gazetteer, _NoPlaces()))
    setattr(nlp, KEY_ATTRIBUTE, _key(nlp, {RULER: spacy_pipeline.place_patterns(gazetteer)}))
    return nlp


def _key(nlp: Language, more: dict[str, list[dict]] | None = None) -> str:
    """The key; `more`: patterns a component would hold besides its own, by its name."""
    digest = hashlib.sha256()
    settings = {
        "spacy": spacy.__version__,
        "model": [nlp.meta.get("lang"), nlp.meta.get("name"), nlp.meta.get("version")],
        "pipes": nlp.pipe_names,
        "limits": [spacy_pipeline.LONGEST_CHUNK, spacy_pipeline.LONGEST_SENTENCE, spacy_pipeline.BATCH_TOKENS,
                   spacy_pipeline.MAX_TOKENS],
        "exceptions": sorted(_special_cases(nlp)),
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    for name in nlp.pipe_names:
        patterns = getattr(nlp.get_pipe(name), "patterns", None)
        if patterns is not None:  # sorted: they are built from sets, in another order in each process
            patterns = patterns + (more or {}).get(name, [])
            for pattern in sorted(json.dumps(p, sort_keys=True, ensure_ascii=False) for p in patterns):
                digest.update(pattern.encode())
    code = package_files.files("yalu")
    for path in CODE:
        digest.update(code.joinpath(path).read_bytes())
    return digest.hexdigest()[:32]


def _special_cases(nlp: Language) -> list[str]:
    tokenizer = getattr(nlp.tokenizer, "tokenizer", nlp.tokenizer)  # under UnwrappingTokenizer
    return list(getattr(tokenizer, "rules", None) or {})


def usable(decide: object) -> bool:
    """Whether a cached annotation serves this decider: one trained on sentence vectors
    reads the tensor the cache leaves out."""
    meta = getattr(decide, "meta", None) or {}
    weights = getattr(decide, "weights", None) or {}
    return not meta.get("sentence_vector") and not any(name[:1] == "v" and name[1:].isdigit() for name in weights)


def to_bytes(doc: Doc) -> bytes:
    bin_ = DocBin(store_user_data=False)
    bin_.add(doc)
    return bin_.to_bytes()


def from_bytes(nlp: Language, data: bytes) -> Doc:
    """The Doc again, indexed as the pipeline's last component leaves it.

    Read as `DocBin.from_bytes(data).get_docs(vocab)` reads it, less two costs that were
    half of reading a KCNA database's annotations back (1.9 s of 1,040 articles -> 0.8 s):
    srsly's `msgpack_loads` looks its decoders up in the installed packages' entry points
    on every call (a DocBin holds only bytes, lists and plain maps: none applies), and
    `get_docs` makes a vocabulary entry of every string (lemmas, tags, labels), where the
    string store is what reading them needs (the words' entries are made by `Doc`)."""
    msg = msgpack.unpackb(zlib.decompress(data), raw=False, object_pairs_hook=dict)
    attrs = msg["attrs"]
    for string in msg["strings"]:
        nlp.vocab.strings.add(string)
    tokens = numpy.frombuffer(msg["tokens"], dtype="uint64").reshape((-1, len(attrs)))
    spaces = numpy.frombuffer(msg["spaces"], dtype=bool).reshape((-1, 1))
    if int(numpy.frombuffer(msg["lengths"], dtype="int32").sum()) != len(tokens) or len(msg["cats"]) != 1:
        raise ValueError("an annotation of one document was expected")
    flags, groups = msg["flags"][0], msg["span_groups"][0]
    doc = Doc(nlp.vocab, words=tokens[:, attrs.index(ORTH)], spaces=None if flags.get("has_unknown_spaces") else spaces)  # type: ignore[arg-type]  # as get_docs passes them
    doc = doc.from_array(attrs, tokens)  # type: ignore[arg-type]
    doc.cats = msg["cats"][0]
    if groups and groups != SpanGroups._EMPTY_BYTES:
        doc.spans.from_bytes(groups)
    return sentence_index(doc)
