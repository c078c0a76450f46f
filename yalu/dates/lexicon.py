"""The date stage's vocabulary: the word tables of yalu/data/dates.toml, the regex pieces the
rules are written with (month and weekday names, days, years, counts, parts of periods), the
context patterns built from its word lists, and the readers that turn words into numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .. import resources


def alt(words: Iterable[str], *, spaces: bool = False) -> str:
    """Regex alternation, longest first (so "Sept" beats "Sep"); with `spaces`, a space in a
    word matches any run of white space."""
    items = [re.escape(w) for w in sorted(set(words), key=len, reverse=True)]
    if spaces:
        items = [w.replace(r"\ ", r"\s+") for w in items]
    return "|".join(items)


def ci(rx: str) -> str:
    """A case-insensitive sub-pattern."""
    return f"(?i:{rx})"


def _pairs(table: dict[str, list[int]]) -> dict[str, tuple[int, int]]:
    return {k: (v[0], v[1]) for k, v in table.items()}


class Lexicon:
    """dates.toml, read once: tables, regex pieces (upper case) and context patterns."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.months: dict[str, int] = data["months"]
        self.weekdays: dict[str, int] = data["weekdays"]
        self.numbers: dict[str, int] = resources.load("numbers.toml")["cardinals"]
        self.fuzzy = _pairs(data["fuzzy_counts"])
        self.month_parts = _pairs(data["month_parts"])
        self.year_parts = _pairs(data["year_parts"])
        self.decade_parts = _pairs(data["decade_parts"])
        self.week_parts = _pairs(data["week_parts"])
        self.seasons = _pairs(data["seasons"])
        self.season_reach: int = data["season_reach"]["days"]
        self.month_window: int = data["month_window"]["days"]
        self.day_pair_gap: int = data["day_pair"]["days"]
        self.vague: dict[str, dict[str, Any]] = data["vague"]
        self.periods: dict[str, list[str]] = data["periods"]
        self.juche_offset: int = data["juche"]["offset"]
        self.relative: dict[str, list[str]] = data["relative"]
        self.unit_offsets: dict[str, int] = data["unit_offsets"]
        self.year_words: dict[str, int] = data["year_words"]
        self.day_words: dict[str, int] = data["day_words"]
        self.season_words: dict[str, list[str]] = data["season_words"]
        self.ordinals: dict[str, int] = data["ordinals"]
        self.tens: dict[str, int] = data["tens"]
        self.anniversaries: dict[str, int] = data["anniversaries"]
        reporting = resources.load("reporting.toml")["reporting"]
        self.reporting_verbs = frozenset(reporting["verbs"])
        self.reporting_nouns = frozenset(reporting["nouns"])
        self.reporting_light = frozenset(tuple(pair.split()) for pair in reporting.get("light", []))
        self.discovery_verbs = frozenset(data["discovery"]["verbs"])
        self.learned_verbs = frozenset(data["learned_before"]["verbs"])
        self.relayed_report_nouns = frozenset(data["relayed_report"]["nouns"])
        self.other_event_heads = frozenset(data["other_event"]["heads"])
        self.earlier_act_words = frozenset(data["earlier_act"]["words"])
        self.simultaneous_marks = frozenset(data["simultaneous"]["marks"])
        # "take place" -> ("take", "place"): the verb and the particle or object that completes it
        self.happening = frozenset(tuple(v.split()) for v in data["happening"]["verbs"])
        self.lasting = frozenset(data["lasting"]["lemmas"])
        self.fire_lemmas = frozenset(data["put_out"]["lemmas"])
        self.put_out = re.compile(rf"(?i)\b(?:{alt(data['put_out']['words'], spaces=True)})\b")
        self.put_out_days: int = data["put_out"]["days"]
        self.began_verbs = frozenset(data["began"]["verbs"])
        self.began_days: int = data["began"]["days"]
        self.news_types = frozenset(data["news_types"]["types"])
        self.gatherings = frozenset(data["gathering"]["nouns"])
        self._pieces(data)
        self._context(data["context"], data["future_cues"]["cues"])

    def _pieces(self, data: dict[str, Any]) -> None:
        by_month: dict[int, list[str]] = {}
        for name, number in self.months.items():
            by_month.setdefault(number, []).append(name)
        full_m = [max(names, key=len) for names in by_month.values()]
        abbr_m = [k for k in self.months if k not in full_m]
        full_w = [k for k in self.weekdays if k.endswith("day")]
        abbr_w = [k for k in self.weekdays if k not in full_w]
        self.MONTH = rf"(?:(?:{alt(full_m)})(?![a-z])|(?:{alt(abbr_m)})(?![a-z])\.?)"
        # a month with no day: abbreviations only with their period ("Sept."), not "Jan"
        self.MONTH_ALONE = rf"(?:(?:{alt(full_m)})(?![a-z])|(?:{alt(abbr_m)})\.)"
        # abbreviated weekdays ("Sun", "Sat", "Wed") only next to a date: "Sun., Nov. 3"
        self.WEEKDAY = (rf"(?:(?:{alt(full_w)})(?![a-z])|(?:{alt(abbr_w)})(?![a-z])\.?"
                        rf"(?=\s*[,(]?\s*(?:{self.MONTH}|\d)))")
        self.DAY = r"(?<![\d:.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
        self.YEAR = r"(?<![A-Za-z0-9])(?:1[89]\d\d|20\d\d)(?!\d)"
        self.JUCHE_YEAR = r"(?:Juche\s*\d{1,3}(?:\s*\(\s*(?:1[89]\d\d|20\d\d)\s*\))?)"
        self.YEARISH = rf"(?:{self.JUCHE_YEAR}|{self.YEAR})"
        self.COUNT = rf"(?:(?:\d{{1,3}}|{alt(self.numbers)})|{alt(self.fuzzy)})"
        bare = data["parts"]["bare"]
        phrases = alt((set(self.month_parts) | set(self.year_parts)) - set(bare), spaces=True)
        # "early", "mid-to-late": a part before its month, year or decade
        self.BARE_PART = alt(bare)
        self.BARE_PARTS = rf"(?i:{self.BARE_PART})(?:[\s-]*(?i:to|or)[\s-]*(?i:{self.BARE_PART}))?"
        self.PART_OF = rf"the\s+(?:{phrases})\s+of"  # "the first half of"
        self.PART = rf"(?:(?i:{self.BARE_PART}|{self.PART_OF}))"
        self.RELATIVE_PART = alt(bare + data["parts"]["relative"])  # "earlier this month"
        self.PICK = alt(w for words in self.relative.values() for w in words)  # "last", "this coming"
        self.YEAR_WORDS = alt(self.year_words)  # "this year", "last year", "next year"
        # after a season: "the spring of this year" (only years gone by and this one)
        self.PAST_YEAR_WORDS = alt((w for w, k in self.year_words.items() if k <= 0), spaces=True)
        self.DECADE_PART = alt(self.decade_parts)
        self.PERIOD = alt(self.periods)
        self.RANGE_OPEN = alt(data["context"]["range_open"])  # "between", "from"
        self.TIME_OF_DAY = alt(data["times_of_day"]["words"])
        self.TIME_OF_WEEKDAY = alt(data["times_of_day"]["words"] + data["times_of_day"]["after_weekday"])

    def _context(self, words: dict[str, list[str]], cues: list[str]) -> None:
        symbols = "".join(re.escape(s) for s in words["not_year_before_symbols"])
        self.not_year_before = re.compile(rf"(?:[{symbols}]|\b(?:{alt(words['not_year_before'])})\s*)$")
        self.not_year_after = re.compile(rf"^\s*(?:%|(?:{alt(words['not_year_after'])})\b)", re.I)
        self.preposition = re.compile(rf"(?i:\b(?:{alt(words['prepositions'], spaces=True)})\s+)$")
        self.own_preposition = re.compile(rf"(?i:(?:{alt(words['own_prepositions'])})\s)")
        self.may_after = re.compile(rf"(?i:\b(?:{alt(words['may_after'])})\s+)$")
        self.since = re.compile(rf"(?i:\b(?:{alt(words['since'], spaces=True)})\s+)$")
        # an expression that opens with it: "since mid-June", "ever since last week"
        self.since_opening = re.compile(rf"(?i)^(?:{alt(words['since'], spaces=True)})\b\s*")
        self.until = re.compile(rf"(?i:\b(?:{alt(words['until'], spaces=True)})\s+)$")
        self.range_open = re.compile(rf"(?i:\b(?:{alt(words['range_open'])})\s+)$")
        self.range_gap = re.compile(rf"^\s*(?i:{alt(words['range_to'])})\s*(?:(?i:the|{self.BARE_PART})\s+)?$")
        self.first_since = re.compile(rf"(?i:\b(?:{alt(words['firsts'])})\b[^.;]{{0,80}}$)")
        # date.tally: an ordinal, then the clause up to a current period ("its fifth launch this year")
        counts = alt([*self.ordinals, *words["tally_words"]])
        self.tally = re.compile(rf"(?i:\b(?:{counts}|\d+(?:st|nd|rd|th))\b[^.,;:\n]{{0,60}}$)")
        self.tally_periods = {p.lower() for p in words["tally_periods"]}
        self.other_zone = re.compile(rf"\(\s*\d{{1,2}}[:.]?\d{{2}}\s*(?:{alt(words['other_zones'])})\s*$")
        self.spoken_at = re.compile(rf"(?i:\b(?:{alt(words['spoken'])})\b[^.;\n]{{0,30}}$)")
        # the auxiliary, an adverb or "been" at most, then a participle: "had (unilaterally) declared"
        self.flashback = re.compile(rf"(?i)\b(?:{alt(words['flashback'])})\s+(?:\w+ly\s+|been\s+)?"
                                    rf"(?!to\b)\w+(?:ed|en|wn|un|ne|ught|t)\b")
        # "imagery of the Yongbyon Nuclear Scientific Research Center from August 6"
        self.of_a_thing = re.compile(rf"(?i:\b(?:{alt(words['things'])})(?:\s+of\s+[^.;,\n]{{1,60}}?)?\s+"
                                     rf"(?:(?:from|of|dated|taken(?:\s+on)?)\s+)?)$")
        self.ahead = re.compile(rf"(?i:\b(?:{alt(words['ahead'])})\s+(?:the\s+)?)$")
        self.future_cue = re.compile(rf"(?i)(?:^|[^\w'])(?:{alt(cues)})(?![\w])")

    # -- words to numbers

    def month_number(self, name: str) -> int:
        return self.months[name.rstrip(".")]

    def weekday_number(self, name: str) -> int:
        return self.weekdays[name.rstrip(".")]

    def pick(self, words: str) -> str:
        """Which one "last" / "this coming" / "this" picks: "before", "after", "current" or ""."""
        return next((name for name, choices in self.relative.items() if words in choices), "")

    def juche(self, n: int) -> int:
        return n + self.juche_offset

    def year(self, s: str | None) -> int | None:
        """A year from "2020", "Juche 113", "Juche 113 (2024)" (the Gregorian year wins if given)."""
        if not s:
            return None
        m = re.search(r"\((\d{4})\)", s)
        if m:
            return int(m.group(1))
        m = re.search(r"Juche\s*(\d{1,3})", s)
        if m:
            return self.juche(int(m.group(1)))
        m = re.fullmatch(r"\s*(\d{4})\s*", s)
        if m:
            return int(m.group(1))
        return None

    def count(self, s: str) -> tuple[int, int]:
        """A count as a [low, high] pair: "3" -> (3, 3), "a few" -> (2, 6)."""
        s = words(s).strip()
        if s.isdigit():
            return int(s), int(s)
        if s in self.numbers:
            return self.numbers[s], self.numbers[s]
        return self.fuzzy.get(s, (1, 1))

    def part_range(self, table: dict[str, tuple[int, int]], part: str) -> tuple[int, int] | None:
        """A part of a month or year; "mid-to-late" = from the start of mid to the end of late."""
        if part in table:
            return table[part]
        m = re.fullmatch(rf"({self.BARE_PART})[\s-]*(?:to|or)[\s-]*({self.BARE_PART})", part)
        if m and m.group(1) in table and m.group(2) in table:
            return table[m.group(1)][0], table[m.group(2)][1]
        return None

    def ordinal(self, s: str) -> int | None:
        """ "76th", "seventy-sixth" -> 76."""
        s = s.lower().strip()
        m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", s)
        if m:
            return int(m.group(1))
        if s in self.ordinals:
            return self.ordinals[s]
        m = re.fullmatch(r"(\w+)-(\w+)", s)
        if m and m.group(1) in self.tens and self.ordinals.get(m.group(2), 10) < 10:
            return self.tens[m.group(1)] + self.ordinals[m.group(2)]
        return None


def words(s: str | None) -> str:
    """Lower case, single spaces: "This  Past" -> "this past"."""
    return re.sub(r"\s+", " ", (s or "").lower())


def part_name(s: str | None) -> str | None:
    """ "the first half of" -> "first half", "Mid" -> "mid"."""
    if not s:
        return None
    s = re.sub(r"^the ", "", words(s).strip())
    return re.sub(r" of$", "", s)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(resources.load("dates.toml"))


def news_type(event_type: str) -> bool:
    """An act that is the news of the day it is told when no day is stated (a statement)."""
    return event_type in lexicon().news_types


def gathering(lemma: str) -> bool:
    """A noun of a gathering held on a day ("the rally", "the meeting"): date.gathering_told."""
    return lemma in lexicon().gatherings


def fire(lemma: str) -> bool:
    """A fire's trigger, which may be told put out on a later day (date.put_out)."""
    return lemma.lower() in lexicon().fire_lemmas


def put_out(sentence: str) -> bool:
    """A sentence that tells a fire put out (date.put_out)."""
    return bool(lexicon().put_out.search(sentence))


def put_out_days() -> int:
    """How many days after a fire broke out its putting out may be told (date.put_out)."""
    return lexicon().put_out_days


def lasting(lemma: str) -> bool:
    """A condition that lasts weeks or months ("drought", "famine"), never a day's event."""
    return lemma.lower() in lexicon().lasting
