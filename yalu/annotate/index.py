"""Lookups by offset that stay cheap on long texts: what starts inside a sentence, the
entities of a sentence, the entity of a token. A scan of the whole article's list once
per sentence or per token made extraction quadratic in the text's length."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span, Token


class Located(Protocol):
    @property
    def start(self) -> int: ...


T = TypeVar("T", bound=Located)
ENTS = "yalu.ents"


def starting_in(items: list[T], start: int, end: int) -> list[T]:
    """The items, sorted by `.start`, whose start lies in [start, end), in their order."""
    lo = bisect_left(items, start, key=_start)
    return items[lo:bisect_left(items, end, lo, key=_start)]


def _start(item: Located) -> int:
    return item.start


def index_entities(doc: Doc) -> None:
    """The document's entities listed once (spaCy builds `doc.ents` anew on each call);
    called by the last component, when no ruler changes them any more."""
    doc.user_data[ENTS] = list(doc.ents)


def _entities(doc: Doc) -> list[Span]:
    return doc.user_data[ENTS] if ENTS in doc.user_data else list(doc.ents)


def ents_in(span: Span) -> list[Span]:
    """The entities inside a span, as `span.ents` gives them."""
    ents = _entities(span.doc)
    found = []
    for ent in ents[bisect_left(ents, span.start, key=lambda e: e.start):]:
        if ent.end > span.end:
            break
        found.append(ent)
    return found


def ent_of(token: Token) -> Span | None:
    """The entity a token is inside, if any."""
    ents = _entities(token.doc)
    i = bisect_right(ents, token.i, key=lambda e: e.start) - 1
    return ents[i] if i >= 0 and token.i < ents[i].end else None
