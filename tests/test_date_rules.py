"""Tests of the date rules as rules (yalu/dates/registry.py): every registered rule recognises
its own examples, every mention names a registered rule, and a broken rule fails loudly."""

from __future__ import annotations

import re
from datetime import date

import pytest

from yalu.dates import COMBINERS, RULES, find_dates
from yalu.dates.registry import Reading, Registry, Rule, scan

PUB = date(2020, 11, 26)


def _example(example: str) -> tuple[str, int, int]:
    """ "in [May]" -> ("in May", 3, 6): the text and the part the rule reads (all of it without brackets)."""
    m = re.fullmatch(r"(.*)\[(.+)\](.*)", example)
    if m is None:
        return example, 0, len(example)
    text = m.group(1) + m.group(2) + m.group(3)
    return text, len(m.group(1)), len(m.group(1)) + len(m.group(2))


RECOGNITION = [pytest.param(r.id, ex, id=f"{r.id}:{ex}") for r in RULES for ex in r.examples]
COMBINING = [pytest.param(c.id, ex, id=f"{c.id}:{ex}") for c in COMBINERS for ex in c.examples]


def test_every_rule_has_an_id_and_examples() -> None:
    for r in [*RULES, *COMBINERS]:
        assert re.fullmatch(r"date\.[a-z_]+", r.id), r.id
        assert r.examples, f"{r.id} has no examples"
    assert len({r.id for r in RULES} | {c.id for c in COMBINERS}) == len(RULES) + len(COMBINERS)


@pytest.mark.parametrize("rule_id,example", RECOGNITION)
def test_recognition_rule_reads_its_examples(rule_id: str, example: str) -> None:
    text, start, end = _example(example)
    atoms = [(a.rule, a.start, a.end) for a in scan(text, RULES)]
    assert (rule_id, start, end) in atoms, f"{rule_id} does not read {text[start:end]!r} in {text!r}: {atoms}"


@pytest.mark.parametrize("rule_id,example", COMBINING)
def test_combining_rule_reads_its_examples(rule_id: str, example: str) -> None:
    mentions = [(m.rule, m.text) for m in find_dates(example, PUB)]
    assert mentions == [(rule_id, example)]


def test_every_mention_names_a_registered_rule() -> None:
    text = ("Since October, the authorities have laid mines. On Tuesday (Nov. 24) a source said soldiers had "
            "recently deserted. Between June 21 and 25, 2019, two days later, until last week. He left at 4 a.m.")
    ids = {r.id for r in RULES} | {c.id for c in COMBINERS}
    mentions = find_dates(text, PUB)
    assert len(mentions) == 7
    assert all(m.rule in ids for m in mentions), [(m.text, m.rule) for m in mentions]


def test_a_rule_id_is_registered_once() -> None:
    registry: Registry[Rule] = Registry(Rule)
    registry.register("date.twice", pattern=lambda x: "x", examples=("x",))(lambda m: None)
    with pytest.raises(ValueError, match="date.twice"):
        registry.register("date.twice", pattern=lambda x: "y", examples=("y",))(lambda m: None)


def test_a_broken_rule_fails_loudly() -> None:
    """No rule's error is swallowed: a bug must fail a test, not drop the date."""
    registry: Registry[Rule] = Registry(Rule)

    @registry.register("date.broken", pattern=lambda x: rf"{x.MONTH}", examples=("March",))
    def broken(m: re.Match[str]) -> Reading | None:
        raise KeyError(m.group(0))

    with pytest.raises(KeyError):
        scan("in March", registry)


def test_impossible_dates_are_no_dates() -> None:
    """Bad input is guarded where it is read ("February 30" names no day)."""
    assert find_dates("on 2021-02-30", PUB) == []
    [mention] = find_dates("on February 30, 2021", PUB)
    assert (mention.rule, mention.span.precision) == ("date.month_day", 0)
