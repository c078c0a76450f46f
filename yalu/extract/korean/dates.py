"""Korean date expressions (data/ko/dates.toml), resolved by the English date stage's
values (yalu/dates/resolution.py) against the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from ... import resources
from ...dates.lexicon import lexicon
from ...dates.resolution import (
    Ago,
    DayOffset,
    Fixed,
    Month,
    MonthDay,
    OrdinalDay,
    RelativeUnit,
    Value,
    Window,
    whole_year,
)
from ...model import TimeSpan


@dataclass(frozen=True)
class DateRule:
    id: str
    value: str
    pattern: re.Pattern[str]
    spoken: bool
    spec: dict


@dataclass(frozen=True)
class KoreanDate:
    start: int
    end: int
    rule: str
    span: TimeSpan
    spoken: bool  # the day a source spoke, not an act's date


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def date_rules() -> tuple[DateRule, ...]:
    data = resources.load("ko/dates.toml")
    tables = {name: _alternation(data[name]) for name in ("parts", "relative", "counts", "units")}

    def pattern(text: str) -> re.Pattern[str]:
        for name, alternation in tables.items():
            text = text.replace("{" + name + "}", alternation)
        return re.compile(text)

    return tuple(DateRule(r["id"], r["value"], pattern(r["pattern"]), bool(r.get("spoken")), r) for r in data["rule"])


def _part(word: str | None) -> tuple[str | None, tuple[int, int] | None]:
    """A Korean part word ("초", "중순") as dates.toml's part name and its days."""
    if not word:
        return None, None
    name = resources.load("ko/dates.toml")["parts"][word]
    return name, lexicon().month_parts.get(name)


def _int(m: re.Match[str], group: str) -> int | None:
    value = m.groupdict().get(group)
    return int(value) if value and value.isdigit() else None


def value_of(rule: DateRule, m: re.Match[str]) -> Value | None:
    """The underspecified value a match says, by the rule's kind."""
    kind, year = rule.value, _int(m, "year")
    if kind == "day":
        return OrdinalDay(int(m["day"]), "")
    if kind == "month_day":
        return MonthDay(int(m["month"]), int(m["day"]), year, None)
    if kind == "month":
        name, days = _part(m.groupdict().get("part"))
        return Month(int(m["month"]), days or (1, 0), year, None, "")
    if kind == "relative":
        unit, offset = resources.load("ko/dates.toml")["relative"][m["rel"]]
        name, _ = _part(m.groupdict().get("part"))
        return RelativeUnit(unit, int(offset), name)
    if kind == "year":
        return Fixed(whole_year(int(m["year"])))
    if kind == "juche_year":
        return Fixed(whole_year(int(m["juche"]) + lexicon().juche_offset))
    if kind == "window":
        before, after = rule.spec["window"]
        return Window(before, after, rule.spec["precision"])
    if kind == "offset":
        return DayOffset(-int(rule.spec["days"]))
    if kind == "ago":
        return _ago(m)
    return None


def _ago(m: re.Match[str]) -> Ago:
    """ "3일 전", "이틀 전", "두 달 전"; "며칠 전" is two to six days."""
    data = resources.load("ko/dates.toml")
    word = m["n"]
    # a native numeral before a unit ("두 달") as the quantities read it (slots.toml's numerals)
    n = int(word) if word.isdigit() else data["counts"].get(word) or resources.load("ko/slots.toml")["numerals"].get(word)
    unit = data["units"].get(m.groupdict().get("unit") or "일", "day")
    return Ago(n or 2, n or 6, unit)


def find_dates(text: str, published: date | None) -> list[KoreanDate]:
    """Every date expression of the text, the longest where rules overlap, in order."""
    found: list[tuple[int, int, DateRule, re.Match[str]]] = []
    for rule in date_rules():
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), rule, m))
    kept: list[KoreanDate] = []
    taken: list[tuple[int, int]] = []
    # spoken days first (they are read with the outlet after them), then the longest
    for start, end, rule, m in sorted(found, key=lambda f: (not f[2].spoken, f[0] - f[1], f[0])):
        if any(start < b and a < end for a, b in taken):
            continue
        value = value_of(rule, m)
        if value is None:
            continue
        span = value.resolve(published, False)
        span = TimeSpan(span.start, span.end, span.precision, m.group())
        taken.append((start, end))
        kept.append(KoreanDate(start, end, rule.id, span, rule.spoken))
    return sorted(kept, key=lambda d: d.start)
