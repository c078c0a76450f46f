"""Date rules by name, after timexy's `Rule(pattern, tests)` and HeidelTime's RULENAME /
EXTRACTION / NORM_VALUE / EXAMPLE: each rule is a small function registered under a stable id
("date.weekday") with its pattern and examples beside it.

A recognition rule (`Rule`) reads one match of its pattern into a `Reading`: the kind of
expression and its underspecified value (resolution.py), or None when the words turn out to
be no date. `scan` runs every rule over a text and keeps the longest readings. Combining rules
(combine.py) join neighbouring readings; they use the same `Registry`.

An example is the text a rule must recognise; brackets mark the part it reads when the rule
needs words around it: "in [May]".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Generic, Protocol, TypeVar

from yalu.model import TimeSpan

from .firstchar import guarded, required
from .lexicon import Lexicon, lexicon
from .resolution import Value


@dataclass(frozen=True)
class Reading:
    """What a rule read: the kind of expression (DateMention.kind) and its value."""

    kind: str
    value: Value
    explicit_year: bool = False  # the text gives the year (not inferred from publication)
    month: int | None = None  # the month it names: a range's other end takes its year by it


@dataclass(frozen=True)
class Atom:
    """A reading at its place in the text, with the id of the rule that made it."""

    start: int
    end: int
    rule: str
    reading: Reading

    @property
    def kind(self) -> str:
        return self.reading.kind

    @property
    def value(self) -> Value:
        return self.reading.value

    @property
    def explicit_year(self) -> bool:
        return self.reading.explicit_year

    @property
    def month(self) -> int | None:
        return self.reading.month

    def span(self, published: date | None, future: bool, year: int | None = None) -> TimeSpan:
        return self.reading.value.resolve(published, future, year)


Reader = Callable[[re.Match[str]], Reading | None]


@dataclass(frozen=True)
class Rule:
    """A recognition rule: its id, the reader of its matches, its pattern (built from the
    lexicon) and its examples."""

    id: str
    fn: Reader
    pattern: Callable[[Lexicon], str]
    examples: tuple[str, ...]

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return guarded(re.compile(self.pattern(lexicon())))

    @cached_property
    def needs(self) -> re.Pattern[str] | None:
        """Words one of which each match contains (firstchar.required): a text without
        them is not scanned with the whole pattern."""
        return required(re.compile(self.pattern(lexicon())))


class _Named(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Named)
F = TypeVar("F", bound=Callable[..., Any])


class Registry(Generic[R]):
    """Rules by id, in the order they were registered."""

    def __init__(self, make: Callable[..., R]) -> None:
        self._make = make
        self._rules: dict[str, R] = {}

    @classmethod
    def joined(cls, *parts: Registry[R]) -> Registry[R]:
        """One registry of several, in order."""
        joined = cls(parts[0]._make)
        for part in parts:
            for rule in part:
                joined._add(rule)
        return joined

    def register(self, rule_id: str, **meta: Any) -> Callable[[F], F]:
        """Decorator: register the function as rule `rule_id` (meta: its pattern, examples)."""

        def add(fn: F) -> F:
            self._add(self._make(id=rule_id, fn=fn, **meta))
            return fn

        return add

    def _add(self, rule: R) -> None:
        if rule.id in self._rules:
            raise ValueError(f"two date rules are named {rule.id!r}")
        self._rules[rule.id] = rule

    def __iter__(self) -> Iterator[R]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)


def scan(text: str, rules: Iterable[Rule]) -> list[Atom]:
    """Every rule's readings in `text`, then the longest ones that do not overlap (the earlier
    on a tie of length, the earlier-registered rule on a tie of both), in text order."""
    found: list[Atom] = []
    for rule in rules:
        if rule.needs is not None and rule.needs.search(text) is None:
            continue
        for m in rule.regex.finditer(text):
            if m.end() == m.start():
                continue  # an empty match reads nothing
            reading = rule.fn(m)
            if reading is not None:
                found.append(Atom(m.start(), m.end(), rule.id, reading))
    found.sort(key=lambda a: (-(a.end - a.start), a.start))
    # the chosen, disjoint, in text order: a newcomer overlaps only its neighbours there
    chosen: list[Atom] = []
    starts: list[int] = []
    for a in found:
        i = bisect_left(starts, a.start)
        if (i > 0 and chosen[i - 1].end > a.start) or (i < len(chosen) and chosen[i].start < a.end):
            continue
        chosen.insert(i, a)
        starts.insert(i, a.start)
    return chosen
