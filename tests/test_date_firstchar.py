"""The first-character guard of the date rules' patterns (yalu/dates/firstchar.py): the
guarded pattern finds exactly the matches of the pattern it guards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from yalu.dates import RULES
from yalu.dates.firstchar import guarded
from yalu.dates.lexicon import lexicon

SAMPLES = sorted(Path(__file__).parent.parent.joinpath("samples", "reports").glob("*.txt"))
# every date rule's examples, without the brackets, and texts around them
EXAMPLES = [ex.replace("[", "").replace("]", "") for r in RULES for ex in r.examples]


def _found(regex: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in regex.finditer(text)]


def test_the_samples_and_examples_read_the_same_under_the_guard() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES] + EXAMPLES + [" ".join(EXAMPLES), "\n".join(EXAMPLES).upper()]
    assert len(SAMPLES) > 20
    for rule in RULES:
        plain = re.compile(rule.pattern(lexicon()))
        # guarded, unless its pattern is one the guard leaves alone (a match may be empty, ...)
        assert rule.regex.pattern != plain.pattern or guarded(plain) is plain
        assert rule.regex.groupindex == plain.groupindex
        for text in texts:
            assert _found(rule.regex, text) == _found(plain, text), (rule.id, text[:80])


@pytest.mark.parametrize("pattern, flags, text", [
    (r"(?:early\s+)?(?P<m>May|June)\b", 0, "in early May, mid-June, Mayday; EARLY MAY"),
    (r"(?i:the\s+)?(?:next|last)\s+week", 0, "The next week, the LAST week, lastweek, the last  week"),
    (r"(?<![A-Za-z])(?:1[89]\d\d|20\d\d)(?!\d)", 0, "in 1999, 20201, x2001, 2024-25"),
    (r"[^a-z ]+day", 0, "Monday 1day, ?day, day"),
    (r"(?:a|\d)+?x", re.IGNORECASE, "AAx 12X ax x"),
    (r"(?>ab|a)c|\bzz", 0, "abc ac zz azz"),
    (r"\w+ ago", 0, "два дня ago, 3 ago, ago"),
])
def test_a_guarded_pattern_finds_what_the_pattern_finds(pattern: str, flags: int, text: str) -> None:
    regex = re.compile(pattern, flags)
    guard = guarded(regex)
    assert guard is not regex  # each of these can begin with only some characters
    assert _found(guard, text) == _found(regex, text)
    assert _found(regex, text)  # the texts do hold matches


@pytest.mark.parametrize("pattern", [r"(?:May)?", r"(a)?\1b", r".day", r"x*"])
def test_no_guard_where_a_match_may_be_empty_begin_anywhere_or_refer_back(pattern: str) -> None:
    regex = re.compile(pattern)
    assert guarded(regex) is regex
