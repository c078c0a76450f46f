"""Cached annotations: what the annotate stage made of an article, kept as bytes so that
extraction can run again (`yalu reprocess` after a rule change) without tagging and
parsing again, the bulk of an article's time.

The bytes are a spaCy `DocBin` of the one Doc (tokens, whitespace, tags, lemmas, morphs,
heads, dependencies, sentence starts, entities with their ids; zlib-compressed by
DocBin), without the tensor: the shipped classifier does not read it (a pipeline whose
classifier does keeps no cache, `usable`). What the last component adds that is no
annotation (the sentence index, the joined text) is made again on loading.

Each is stored under the key of the pipeline that made it (`key`): the spaCy and model
versions, the limits, the tokenizer's added words and the rulers' patterns, and the source
of the code that annotates (which makes the pipeline up), computed from them without
building the pipeline. An annotation under another key is made again.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from importlib import resources as package_files
from pathlib import Path
from typing import cast

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.tokens import Doc, DocBin
from spacy.tokens._dict_proxies import SpanGroups
from spacy.util import get_lang_class, get_model_meta
from spacy.vocab import Vocab, create_vocab
from srsly import msgpack

from ..places import Gazetteer
from . import spacy_pipeline
from .spacy_pipeline import sentence_index

# the modules whose code decides an annotation: a change to any of them changes the key
CODE = ("annotate/spacy_pipeline.py", "annotate/index.py", "ingest/text.py")


def key(gazetteer: Gazetteer) -> str:
    """The key of the annotations `spacy_pipeline.build(gazetteer)` makes, from what decides
    them, without building it (`yalu reprocess` from the cache never loads the model): spaCy's
    version, the model package's meta (its name, version and components), the limits, the words
    the tokenizer keeps whole, the entity ruler's patterns (the gazetteer's names, the outlets,
    the actors) and the source of the modules that annotate (the pipeline's make-up is there)."""
    digest = hashlib.sha256()
    settings = {
        "spacy": spacy.__version__,
        "model": _model_meta(),
        "limits": [spacy_pipeline.LONGEST_CHUNK, spacy_pipeline.LONGEST_SENTENCE, spacy_pipeline.BATCH_TOKENS,
                   spacy_pipeline.MAX_TOKENS],
        "unsplit": spacy_pipeline.unsplit(),
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    # sorted: they are built from sets, in another order in each process
    for pattern in sorted(json.dumps(p, sort_keys=True, ensure_ascii=False) for p in spacy_pipeline.ruler_patterns(gazetteer)):
        digest.update(pattern.encode())
    code = package_files.files("yalu")
    for path in CODE:
        digest.update(code.joinpath(path).read_bytes())
    return digest.hexdigest()[:32]


def _model_path() -> Path:
    return Path(cast(str, spacy_pipeline.model_package().__file__)).parent


def _model_meta() -> dict:
    return get_model_meta(_model_path())


def vocab() -> Vocab:
    """The vocabulary annotations are read into, as the model's pipeline has it (its language's
    lexical attributes, its lookups), without loading the model's weights and components."""
    meta = _model_meta()
    made = create_vocab(meta["lang"], get_lang_class(meta["lang"]).Defaults)
    # where the model package keeps its data, as spacy.util.load_model_from_init_py finds it
    return made.from_disk(_model_path() / f"{meta['lang']}_{meta['name']}-{meta['version']}" / "vocab")


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


def from_bytes(vocab: Vocab, data: bytes) -> Doc:
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
        vocab.strings.add(string)
    tokens = numpy.frombuffer(msg["tokens"], dtype="uint64").reshape((-1, len(attrs)))
    spaces = numpy.frombuffer(msg["spaces"], dtype=bool).reshape((-1, 1))
    if int(numpy.frombuffer(msg["lengths"], dtype="int32").sum()) != len(tokens) or len(msg["cats"]) != 1:
        raise ValueError("an annotation of one document was expected")
    flags, groups = msg["flags"][0], msg["span_groups"][0]
    doc = Doc(vocab, words=tokens[:, attrs.index(ORTH)], spaces=None if flags.get("has_unknown_spaces") else spaces)  # type: ignore[arg-type]  # as get_docs passes them
    doc = doc.from_array(attrs, tokens)  # type: ignore[arg-type]
    doc.cats = msg["cats"][0]
    if groups and groups != SpanGroups._EMPTY_BYTES:
        doc.spans.from_bytes(groups)
    return sentence_index(doc)
