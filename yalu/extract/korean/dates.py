"""Korean date expressions (data/ko/dates.toml), resolved by the English date stage's
values (yalu/dates/resolution.py) against the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import cast

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
    Weekday,
    Window,
    add_months,
    day_run,
    month_part,
    precision_for,
    safe_date,
    whole_year,
    year_for_month,
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


# tables of ko/dates.toml whose pattern, right after a date, makes it date nothing
DATING_NOTHING = ("lookback", "ordinal_frame")


@cache
def date_rules() -> tuple[DateRule, ...]:
    data = resources.load("ko/dates.toml")
    tables = {name: _alternation(data[name]) for name in ("parts", "relative", "counts", "units", "year_words", "holidays")}
    tables["part_end"] = data["part_end"]["pattern"]

    def pattern(text: str) -> re.Pattern[str]:
        for name, alternation in tables.items():
            text = text.replace("{" + name + "}", alternation)
        return re.compile(text)

    return tuple(DateRule(r["id"], r["value"], pattern(r["pattern"]), bool(r.get("spoken")), r) for r in data["rule"])


@cache
def rules_by_id() -> dict[str, DateRule]:
    """The date rules by their ids (a date found names the rule that read it)."""
    return {r.id: r for r in date_rules()}


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
        unit, offset = _relative(m)
        name, _ = _part(m.groupdict().get("part"))
        return RelativeUnit(unit, offset, name) if unit else None
    if kind in ("relative_day", "relative_month"):
        return _relative_day(m)
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
    if kind == "weekday":
        weekday = "월화수목금토일".index(m["weekday"])
        return _LastWeeks(weekday) if m["week"] else Weekday(weekday, "before")
    if kind == "stamp":
        return Fixed(TimeSpan())
    if kind == "about_day":
        unit, offset = _relative(m)
        month = _int(m, "month")
        told: Value = (MonthDay(month, int(m["day"]), None, None) if month else
                       OrdinalDay(int(m["day"]), _month_words(offset) if unit == "month" else ""))
        return _About(told, int(rule.spec["days"]), int(rule.spec["precision"]))
    if kind == "holiday":
        month, day = resources.load("ko/dates.toml")["holidays"][m["holiday"]]
        return _About(MonthDay(int(month), int(day), year, None), int(rule.spec["days"]), int(rule.spec["precision"]),
                      _year_offset(m))
    if kind == "month_range":
        return _MonthRun(int(m["month"]), _part(m["part"])[1], int(m["month2"]), _part(m["part2"])[1], year,
                         _year_offset(m), _int(m, "year2"))
    if kind == "range":
        window = bool(re.match(rule.spec["window"], m.string[m.end():]))
        return _Run(_int(m, "month"), int(m["day"]), _int(m, "month2"), int(m["day2"]), window)
    return None


@dataclass(frozen=True)
class _Run(Value):
    """A run of days ("25일부터 31일까지", "17~20일", "4월 1일부터 20일까지"): its last
    day as a day is read, its first in the same month (or the one before, "28일부터
    3일까지"). Both ends are days the text tells: day precision (1), however long the run,
    unless it is a window the act fell in ("17~20일 사이": resolution.day_run)."""

    month: int | None
    first: int
    month2: int | None
    last: int
    window: bool  # "17~20일 사이": some day of it, not every day

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        month2 = self.month2 or self.month
        end = (MonthDay(month2, self.last, None, None) if month2 else OrdinalDay(self.last, "")).resolve(pub, future)
        if end.end is None:
            return end
        if self.month is None:
            y, mo = end.end.year, end.end.month
            if self.first > self.last:
                y, mo = add_months(y, mo, -1)
        else:
            mo, y = self.month, end.end.year - (self.month > end.end.month)
        start = safe_date(y, mo, self.first)
        return end if start is None else day_run(start, end.end, self.window)


@dataclass(frozen=True)
class _About(Value):
    """A day told as approximate ("20일께"): the days within `days` of it, at `precision`, cut
    at publication."""

    told: Value
    days: int
    precision: int
    years: int | None = None  # a holiday of the year so many from publication's ("지난해 태양절": -1)

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        at = self.told.resolve(pub, future, pub.year + self.years if pub and self.years is not None else None)
        if at.start is None or at.end is None:
            return at
        start, end = at.start - timedelta(days=self.days), at.end + timedelta(days=self.days)
        if pub is not None and not future and at.end <= pub < end:
            end = pub
        return TimeSpan(start, end, self.precision)


@dataclass(frozen=True)
class _LastWeeks(Value):
    """ "지난주 목요일": that weekday of the week (Monday to Sunday) before publication's."""

    weekday: int

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        if pub is None:
            return TimeSpan()
        at = pub - timedelta(days=pub.weekday() + 7 - self.weekday)
        return TimeSpan(at, at, 1)


def _relative(m: re.Match[str]) -> tuple[str | None, int]:
    """The unit and offset from publication's of a match's relative word ("지난달": month, -1)."""
    rel = m.groupdict().get("rel")
    if not rel:
        return None, 0
    unit, offset = resources.load("ko/dates.toml")["relative"][rel]
    return unit, int(offset)


def _month_words(offset: int) -> str:
    """The English month words of a relative month's offset ("지난달" -1: "last")."""
    return cast(str, resources.load("ko/dates.toml")["month_words"].get(str(offset), ""))


def _year_offset(m: re.Match[str]) -> int | None:
    """The years from publication's of a "지난해", "올해" told before a month (-1, 0)."""
    unit, offset = _relative(m)
    return offset if unit == "year" else None


@dataclass(frozen=True)
class _MonthRun(Value):
    """A run of months ("지난해 6월부터 12월까지", "4월 말부터 7월 말까지"): from its first
    month (or part) to its last, cut at publication, at month precision (its ends are told
    months); the first month of the year told, else of the year `offset` from publication's,
    else the latest one on or before publication; the last of the year told for it (`year2`),
    else of the first's year or the next ("11월부터 2월까지")."""

    month: int
    part: tuple[int, int] | None
    month2: int
    part2: tuple[int, int] | None
    year: int | None
    offset: int | None
    year2: int | None

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        y = self.year
        if y is None and pub is not None:
            y = pub.year + self.offset if self.offset is not None else year_for_month(self.month, pub, future)
        if y is None:
            return TimeSpan()
        first = month_part(y, self.month, self.part or (1, 0)).start
        last = month_part(self.year2 or y + (self.month2 < self.month), self.month2, self.part2 or (1, 0)).end
        if first is None or last is None:
            return TimeSpan()
        if pub is not None and not future and first <= pub < last:
            last = pub
        return TimeSpan(first, last, 3)


def _relative_day(m: re.Match[str]) -> Value | None:
    """ "지난달 11일": the 11th of last month; "지난해 12월 6일", "작년 9월 초": that day or
    month of last year."""
    unit, offset = _relative(m)
    month, day = _int(m, "month"), _int(m, "day")
    if unit == "month" and month is None and day is not None:
        return OrdinalDay(day, _month_words(offset))
    if unit != "year" or month is None:
        return None
    return _YearOf(offset, month, day, _part(m.groupdict().get("part"))[1])


@dataclass(frozen=True)
class _YearOf(Value):
    """A month (or a day of it) of the year `offset` years from publication's."""

    offset: int
    month: int
    day: int | None
    part: tuple[int, int] | None

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        if pub is None:
            return TimeSpan()
        y = pub.year + self.offset
        if self.day is not None:
            return MonthDay(self.month, self.day, y, None).resolve(pub, future)
        return Month(self.month, self.part or (1, 0), y, None, "").resolve(pub, future)


def _count(word: str) -> int:
    """A count in figures or native words ("3", "이틀", "두"), 0 for an uncounted one ("며칠"):
    a native numeral before a unit as the quantities read it (slots.toml's numerals)."""
    if word.isdigit():
        return int(word)
    counts = resources.load("ko/dates.toml")["counts"]
    return int(counts.get(word) or resources.load("ko/slots.toml")["numerals"].get(word) or 0)


def _ago(m: re.Match[str]) -> Ago:
    """ "3일 전", "이틀 전", "두 달 전"; "며칠 전" is two to six days."""
    n = _count(m["n"])
    unit = resources.load("ko/dates.toml")["units"].get(m.groupdict().get("unit") or "일", "day")
    return Ago(n or 2, n or 6, unit)


def find_dates(text: str, published: date | None) -> list[KoreanDate]:
    """Every date expression of the text, the longest where rules overlap, in order; a
    day told from another ("이날", "이튿날") counted from it, and one a span starts
    ("이달 초부터", "새해 들어") run to the day the source spoke (or publication)."""
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
        if value is None and rule.value != "anchored":
            continue
        resolved = value.resolve(published, False) if value is not None else TimeSpan()
        resolved = _dekad(resolved, m.groupdict().get("part"))
        taken.append((start, end))
        kept.append(KoreanDate(start, end, rule.id, TimeSpan(resolved.start, resolved.end, resolved.precision, m.group()),
                               rule.spoken))
    kept.sort(key=lambda d: d.start)
    kept = _in_the_year_told(kept, text, published)
    _count_from_anchors(kept, published)
    kept = _from_the_day_spoken(kept, text, published)
    kept = _next_month_told(kept, text, published)
    # a date a count runs from ("이후 2주 만"), or a year or month framing an ordinal count
    # ("올해 들어 세 번째"), dates nothing: no precision, so no act takes it
    for name in DATING_NOTHING:
        table = resources.load("ko/dates.toml")[name]
        after, judged = re.compile(table["pattern"]), table.get("rules")
        kept = [KoreanDate(d.start, d.end, table["id"], TimeSpan(expression=d.span.expression), d.spoken)
                if (judged is None or d.rule in judged) and after.match(text, d.end) else d for d in kept]
    return _run_on(kept, text, published)


def _dekad(span: TimeSpan, part: str | None) -> TimeSpan:
    """A 10-day part of a month ("이달 중순", "3월 초"): week precision (date.ko.dekad)."""
    dekad = resources.load("ko/dates.toml")["dekad"]
    if part not in dekad["parts"] or span.start is None or span.end is None or (span.end - span.start).days > 10:
        return span
    return TimeSpan(span.start, span.end, min(span.precision, dekad["precision"]), span.expression)


def _count_from_anchors(kept: list[KoreanDate], published: date | None) -> None:
    """ "이튿날", "그날": the day after, or the day of, the last day told before; "이날",
    the day of the news: the last day a source or an agency spoke, else the first day
    told (the lead's); no day told, publication's."""
    anchored = {i: r for i, r in rules_by_id().items() if r.value == "anchored"}
    for i, d in enumerate(kept):
        rule = anchored.get(d.rule)
        if rule is None:
            continue
        days = [e for e in kept[:i] if e.span.precision == 1 and e.span.end and e.rule not in anchored]
        told = [e for e in kept[:i] if not e.spoken and e.span.precision in (1, 2, 3) and e.span.end
                and e.rule not in anchored]
        if rule.spec.get("anchor") == "last" and int(rule.spec["days"]) == 0 and told:
            # "사건 당일", "같은 날": the day of the act told last, as precisely as it was told
            # ("10월 초로 알려진 사건 당일": early October), never the day a source spoke
            kept[i] = KoreanDate(d.start, d.end, d.rule, replace(told[-1].span, expression=d.span.expression), d.spoken)
            continue
        if rule.spec.get("anchor") == "year":
            # "같은 해 8월", "이듬해": of the year of the last date told before it, not a source's day
            years = [e.span.start.year for e in kept[:i] if not e.spoken and e.span.start and e.span.precision
                     and e.rule not in anchored]
            kept[i] = KoreanDate(d.start, d.end, d.rule, _in_year(d, years[-1] if years else None, published), d.spoken)
            continue
        shift = int(rule.spec["days"])
        if rule.spec.get("anchor") == "spoken":
            # the day of the news: the last day someone spoke, else the lead's day
            days = [e for e in days if e.spoken] or days[:1]
        if rule.spec.get("anchor") == "after":
            # "이틀 만에 붙잡혔다": days after the act's day told last, none with no act's day
            days, read = [e for e in days if not e.spoken], _read_again(d)
            shift = _count(read[1]["n"]) if read else 0
            if not days or not shift:
                continue
        base = days[-1].span.end if days else (published if shift <= 0 else None)
        if base is not None:
            at = base + timedelta(days=shift)
            kept[i] = KoreanDate(d.start, d.end, d.rule, TimeSpan(at, at, 1, d.span.expression), d.spoken)


def _read_again(d: KoreanDate) -> tuple[DateRule, re.Match[str]] | None:
    """The rule that read a date and its match, read again from the date's words (a date
    counted from another is resolved once those are known)."""
    rule = rules_by_id().get(d.rule)
    m = rule.pattern.fullmatch(d.span.expression or "") if rule else None
    return (rule, m) if rule and m else None


def _in_year(d: KoreanDate, told: int | None, published: date | None) -> TimeSpan:
    """ "같은 해 8월", "그해 11월", "이듬해": the month, day or part, else the whole year, of the
    year told before (`told`) and the years its word adds (date.ko.same_year); none told, nothing."""
    expression, read = d.span.expression, _read_again(d)
    if told is None or read is None:
        return TimeSpan(expression=expression)
    m = read[1]
    year = told + int(resources.load("ko/dates.toml")["year_words"][m["year_word"]])
    month, day, part = _int(m, "month"), _int(m, "day"), m["part"]
    value: Value = (Fixed(whole_year(year)) if month is None else MonthDay(month, day, year, None) if day is not None
                    else Month(month, _part(part)[1] or (1, 0), year, None, ""))
    span = _dekad(value.resolve(published, False), part)
    return TimeSpan(span.start, span.end, span.precision, expression)


def _in_the_year_told(kept: list[KoreanDate], text: str, published: date | None) -> list[KoreanDate]:
    """A month told without its year ("4월에") after a date of its paragraph that told one
    ("지난해 2월 초순경 체포, 4월에 재판"): of that year, when not earlier in it
    (date.ko.year_told)."""
    table = resources.load("ko/dates.toml")["year_told"]
    out = list(kept)
    for i, d in enumerate(kept):
        read = _read_again(d) if d.rule in table["months"] else None
        told = [e.span.start for e in out[:i] if e.rule in table["rules"] and e.span.start and "\n" not in text[e.end:d.start]]
        if read is None or not told or int(read[1]["month"]) < told[-1].month:
            continue
        m = read[1]
        part = m.groupdict().get("part")
        span = _dekad(Month(int(m["month"]), _part(part)[1] or (1, 0), told[-1].year, None, "").resolve(published, False), part)
        out[i] = KoreanDate(d.start, d.end, table["id"], TimeSpan(span.start, span.end, span.precision, d.span.expression),
                            d.spoken)
    return out


def _from_the_day_spoken(kept: list[KoreanDate], text: str, published: date | None) -> list[KoreanDate]:
    """ "어제", "그저께", "사흘 전", "지난 화요일" in what a source said on a stated day ("소식통은 15일 “어제
    ...”"): counted from that day, not from publication (a source's words often come out days
    later); the day spoken told before it in its paragraph, else publication's."""
    out = list(kept)
    for i, d in enumerate(kept):
        read = _read_again(d)
        if read is None or read[0].value not in ("offset", "ago", "weekday"):
            continue
        said = [e.span.end for e in kept[:i] if e.spoken and e.span.precision == 1 and e.span.end
                and "\n" not in text[e.end:d.start]]
        value = value_of(*read)
        if not said or value is None or said[-1] == published:
            continue
        span = value.resolve(said[-1], False)
        out[i] = KoreanDate(d.start, d.end, d.rule, TimeSpan(span.start, span.end, span.precision, d.span.expression), d.spoken)
    return out


@cache
def _next_month_table() -> tuple[dict, re.Pattern[str], re.Pattern[str]]:
    """date.ko.next_month_told's table, with its plan and stop patterns compiled once."""
    table = resources.load("ko/dates.toml")["next_month_told"]
    return table, re.compile(table["plan"]), re.compile(table["stop"])


def _next_month_told(kept: list[KoreanDate], text: str, published: date | None) -> list[KoreanDate]:
    """ "다음달" in a past narrative ("지난 3월 체포된 그는 다음달 처형됐다"): the month after the
    past month its sentence told before it, not publication's next month; a plan stays
    publication's ("다음달 ... 열릴 예정이다")."""
    table, plan, stop = _next_month_table()
    out = list(kept)
    for i, d in enumerate(kept):
        if published is None or d.rule != "date.ko.relative" or d.span.expression not in table["words"]:
            continue
        end = stop.search(text, d.end)
        if plan.search(text, d.end, end.start() if end else len(text)):
            continue
        told = [e.span.end for e in kept[:i] if not e.spoken and e.span.precision in (1, 2, 3) and e.span.end
                and e.span.end < published.replace(day=1) and not stop.search(text, e.end, d.start)]
        if told:
            y, m = add_months(told[-1].year, told[-1].month, 1)
            ny, nm = add_months(y, m, 1)
            span = TimeSpan(date(y, m, 1), date(ny, nm, 1) - timedelta(days=1), 3, d.span.expression)
            out[i] = KoreanDate(d.start, d.end, table["id"], span, d.spoken)
    return out


def _run_on(kept: list[KoreanDate], text: str, published: date | None) -> list[KoreanDate]:
    """A date a span starts from ("10월부터", "이달 들어", "새해 벽두부터"; not one a
    "까지" closes): from it to the day the source spoke, else publication, as precise as
    its start (a week at best: it runs on)."""
    data = resources.load("ko/dates.toml")["since"]
    since = re.compile(data["pattern"])
    spoken = next((d.span.end for d in kept if d.spoken and d.span.end), None)
    out = []
    for d in kept:
        start, end = d.span.start, (spoken if spoken and d.span.start and spoken >= d.span.start else published)
        if (not d.spoken and start and end and d.span.end and d.span.end <= end
                and since.match(text, d.end)):
            # as precise as its start ("지난달부터": a month; "이달 초부터": a dekad, 2): a week at best
            # within a month, a month at best beyond it (a year-long run from "지난해 3월 초" is no week)
            width = precision_for(start, end)
            precision = min(width, max(d.span.precision, 2 if width <= 3 else 3))
            d = KoreanDate(d.start, d.end, data["id"], TimeSpan(start, end, precision, d.span.expression), d.spoken)
        out.append(d)
    return out
