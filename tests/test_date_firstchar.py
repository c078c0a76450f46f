"""The first-character guard of the date rules' patterns (yalu/dates/firstchar.py): the
guarded pattern finds exactly the matches of the pattern it guards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from yalu.dates import RULES
from yalu.dates.firstchar import guarded, required
from yalu.dates.lexicon import lexicon
from yalu.dates.registry import scan

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
    (r"(?:early|late)?\s*(?:May|March)\b", 0, "early May, lateMarch, earlyMay, Ma, May"),
    (r"(?:\d{1,3}|a\s+few)\s+days?\s+later", re.IGNORECASE, "a few days later, 1234 days later, A  FEW DAY LATER"),
    (r"(?>ab|a)+c|x[yz]*w", 0, "ababc ac xw xyzw abac"),
    (r"(?:the\s+)?[0-9]+(?:st|nd)|(?i:no)", 0, "the 1st, 22nd, No, NO, thE 2nd"),
])
def test_a_guarded_pattern_finds_what_the_pattern_finds(pattern: str, flags: int, text: str) -> None:
    regex = re.compile(pattern, flags)
    guard = guarded(regex)
    # each of these can begin with only some characters, and no match is one character long
    assert _lookahead(guard, pattern).count(")(?:(") == 1  # the first characters', then the second's
    assert _found(guard, text) == _found(regex, text)
    assert _found(regex, text)  # the texts do hold matches


def _lookahead(guard: re.Pattern[str], pattern: str) -> str:
    assert guard.pattern.endswith(f"(?:{pattern})")
    return guard.pattern[:-len(pattern) - 4]


@pytest.mark.parametrize("pattern", [r"a|bc", r"(?:x|y.)z?", r"[ab]\w*"])
def test_no_second_lookahead_where_a_match_may_be_one_character_or_any_second(pattern: str) -> None:
    guard = guarded(re.compile(pattern))
    assert _lookahead(guard, pattern).count(")(?:(") == 0  # the first characters' only
    assert _found(guard, "a bc xz y. yaz ab") == _found(re.compile(pattern), "a bc xz y. yaz ab")


@pytest.mark.parametrize("pattern", [r"(?:May)?", r"(a)?\1b", r".day", r"x*"])
def test_no_guard_where_a_match_may_be_empty_begin_anywhere_or_refer_back(pattern: str) -> None:
    regex = re.compile(pattern)
    assert guarded(regex) is regex


def test_a_rule_is_skipped_only_where_it_finds_nothing() -> None:
    """scan passes over a rule in a text without the words it requires: each rule with
    such words finds nothing in the texts that lack them, and the scan of every text is
    what the rules' own patterns find."""
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES] + EXAMPLES + ["\n".join(EXAMPLES).upper()]
    assert sum(rule.needs is not None for rule in RULES) >= 10
    for rule in RULES:
        for text in texts:
            if rule.needs is not None and rule.needs.search(text) is None:
                assert not _found(rule.regex, text), (rule.id, text[:80])
    plain = [type(rule)(rule.id, rule.fn, rule.pattern, rule.examples) for rule in RULES]
    for rule in plain:
        rule.__dict__["needs"] = None  # no prefilter: every pattern over every text
    for text in texts:
        assert scan(text, RULES) == scan(text, plain)


@pytest.mark.parametrize("pattern, words, without", [
    (r"(?:early\s+)?(?P<s>spring|summer)\b(?:\s+\d{4})?", ["spring", "summer"], "early 2024, in the Spring"),
    (r"\d+\s+days?\s+ago", ["day"], "3 weeks ago"),
    (r"(?:in|on)\s+(?i:the\s+)?(?:Fall|Spring)\s+of\s+\d+", ["Fall", "Spring"], "in the fall of 2020"),
    (r"(?i:the)\s+(?:next|last)\s+Week", ["Week"], "the next week"),  # in the case the pattern gives
    (r"(?i:the\s+(?:next|last)\s+)wk", ["NEXT", "last"], "the past wk"),
    (r"(?:\d+\s+weeks|the\s+(?:following|previous)\s+day)", ["weeks", "following", "previous"], "the next day, 3 week"),
])
def test_the_words_a_match_requires(pattern: str, words: list[str], without: str) -> None:
    need = required(re.compile(pattern))
    assert need is not None
    assert all(need.search(f"x {w} x") for w in words)
    assert need.search(without) is None


@pytest.mark.parametrize("pattern", [r"(?:a|an)\s+\d+", r"\d+(?:st|nd)", r"(?:over recent days|a while ago)\b",
                                     r"(?:the\s+)?(?:May|June)|\d+"])
def test_no_words_where_they_are_short_the_whole_pattern_or_not_required(pattern: str) -> None:
    assert required(re.compile(pattern)) is None
