"""The date stage: find date expressions in a report and resolve them to intervals.

Reports date events relative to an unstated publication date ("on Tuesday", "in early
November", "since October", "recently", "on the 18th", Juche years in state media). This
module turns every such expression into a `TimeSpan` (start, end, precision, expression)
with an honest precision code (ontology.md: 1 day, 2 week, 3 month, 4 year or longer /
ongoing, 0 unknown), and picks the expression that governs an incident's trigger.

Public interface (used by the extractor):

- `find_dates(text, published)`   -> list[DateMention], offsets into `text`
- `resolve(expression, published, future=False)` -> TimeSpan
- `dateline(text, hint=None)`      -> publication date from "Pyongyang, September 7 (KCNA) --"
- `publication_date(text, published, source)` -> the date the text was written, and its source
- `days_of(span)`                  -> the days of a run of days ("from October 30 to November 3")
- `governing_date(sent, trigger, mentions)` -> the mention that dates the trigger, or None
- `reporting_date(sent, mentions)` -> the mention that dates a source speaking, or None
- `news_cycle(published)`          -> [published - 1 day, published], precision 1

Rules that are choices (documented here and in yalu/data/dates.toml):

- Without a publication date, anything that needs one (weekdays, "last month", a month or
  day without a year, "recently") resolves to TimeSpan(precision=0, expression kept).
  Today's date is never used.
- A month without a year later than the publication month is in the previous year; the
  publication month itself is the current year. With future=True, a month earlier than the
  publication month is in the next year.
- Weekdays: the last such day on or before publication ("last Tuesday": strictly before);
  with future=True the next one on or after publication ("next Tuesday": strictly after).
- "on the 18th": the publication month, or the previous month if 18 > publication day.
- early / mid / late <month> = days 1-10 / 11-20 / 21-end. A 10-11 day window is wider than
  a week, so the code is 3 (month). In general the precision of an interval follows from
  its width: 1 day -> 1, <= 8 days -> 2, <= 31 days -> 3, longer -> 4; vague expressions
  ("recently", 30 days before publication) and "since X" (ongoing) are always 4.
- Past-tense intervals that run past publication ("this month", "this year", "in November"
  published on November 26) are cut at the publication date, unless future=True.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable

from yalu.model import TimeSpan

__all__ = [
    "DateMention",
    "find_dates",
    "resolve",
    "dateline",
    "dateline_match",
    "days_of",
    "governing_date",
    "reporting_date",
    "news_cycle",
    "precision_for",
]


# ---------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _lex() -> dict:
    with resources.files("yalu").joinpath("data/dates.toml").open("rb") as fh:
        return tomllib.load(fh)


def _alt(words, *, escape=True) -> str:
    """Regex alternation, longest first (so "Sept" beats "Sep")."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    span: TimeSpan
    kind: str  # absolute | relative | vague | range | since | until | weekday | juche | year | decade | season | period | reference | anaphor
    future: bool = False  # a future cue ("will", "is scheduled to") put it after publication
    explicit_year: bool = False  # the text gives the year (not inferred from publication)
    published: date | None = None  # the publication date it was resolved against


# ---------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def precision_for(start: date | None, end: date | None) -> int:
    """Precision code from an interval's width: 1 day, <=8 days week, <=31 days month, else year."""
    if start is None or end is None:
        return 4 if (start or end) else 0
    days = (end - start).days + 1
    if days <= 1:
        return 1
    if days <= 8:
        return 2
    if days <= 31:
        return 3
    return 4


def _span(start: date | None, end: date | None, precision: int | None = None) -> TimeSpan:
    if precision is None:
        precision = precision_for(start, end)
    return TimeSpan(start=start, end=end, precision=precision)


_UNKNOWN = TimeSpan(precision=0)


def _cap(span: TimeSpan, pub: date | None, future: bool, *, keep_precision: bool = False) -> TimeSpan:
    """Cut a past interval that runs past publication at the publication date."""
    if future or pub is None or span.start is None or span.end is None:
        return span
    if span.start <= pub < span.end:
        prec = span.precision if keep_precision else min(span.precision, precision_for(span.start, pub))
        return TimeSpan(span.start, pub, prec, span.expression)
    return span


def _year_for_month(m: int, pub: date, future: bool) -> int:
    if future:
        return pub.year if m >= pub.month else pub.year + 1
    return pub.year if m <= pub.month else pub.year - 1


def _year_for_month_day(m: int, d: int, pub: date, future: bool) -> int:
    if future:
        return pub.year if (m, d) >= (pub.month, pub.day) else pub.year + 1
    # A month later than the publication month means the previous year; a day later in the
    # publication month itself is kept in the current year (an upcoming date, or a
    # publication date a day off).
    return pub.year if m <= pub.month else pub.year - 1


def _month_part(y: int, m: int, part: tuple[int, int]) -> TimeSpan:
    a, b = part
    last = calendar.monthrange(y, m)[1]
    b = last if b == 0 else min(b, last)
    return _span(date(y, m, a), date(y, m, b))


def _year_part(y: int, part: tuple[int, int]) -> TimeSpan:
    a, b = part
    return _span(date(y, a, 1), _month_end(y, b), 4)


def _week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _season(y: int, name: str) -> tuple[date, date]:
    """Season `name` of year y (winter y = December y to February y+1)."""
    a, b = _lex()["seasons"][name]
    if a > b:
        return date(y, a, 1), _month_end(y + 1, b)
    return date(y, a, 1), _month_end(y, b)


def _juche(n: int) -> int:
    return n + _lex()["juche"]["offset"]


# ---------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------


class _P:
    """Compiled pattern pieces, built once from the lexicon."""

    def __init__(self) -> None:
        lx = _lex()
        self.months: dict[str, int] = lx["months"]
        self.weekdays: dict[str, int] = lx["weekdays"]
        self.numbers: dict[str, int] = lx["numbers"]
        self.fuzzy: dict[str, list[int]] = lx["fuzzy_counts"]
        self.month_parts = {k: tuple(v) for k, v in lx["month_parts"].items()}
        self.year_parts = {k: tuple(v) for k, v in lx["year_parts"].items()}
        self.decade_parts = {k: tuple(v) for k, v in lx["decade_parts"].items()}
        self.vague = lx["vague"]
        self.periods = lx["periods"]

        full_m = [k for k in self.months if len(k) > 4 or k in ("May", "June", "July")]
        abbr_m = [k for k in self.months if k not in full_m]
        full_w = [k for k in self.weekdays if k.endswith("day")]
        abbr_w = [k for k in self.weekdays if k not in full_w]
        M = rf"(?:(?:{_alt(full_m)})(?![a-z])|(?:{_alt(abbr_m)})(?![a-z])\.?)"
        # a standalone month (no day): abbreviations only with their period ("Sept."), not "Jan"
        M_ALONE = rf"(?:(?:{_alt(full_m)})(?![a-z])|(?:{_alt(abbr_m)})\.)"
        # abbreviated weekdays ("Sun", "Sat", "Wed") only next to a date: "Sun., Nov. 3"
        W = rf"(?:(?:{_alt(full_w)})(?![a-z])|(?:{_alt(abbr_w)})(?![a-z])\.?(?=\s*[,(]?\s*(?:{M}|\d)))"
        D = r"(?<![\d:.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
        Y = r"(?<![A-Za-z0-9])(?:1[89]\d\d|20\d\d)(?!\d)"
        JY = r"(?:Juche\s*\d{1,3}(?:\s*\(\s*(?:1[89]\d\d|20\d\d)\s*\))?)"
        YEARISH = rf"(?:{JY}|{Y})"
        self.M, self.W, self.D, self.Y, self.JY = M, W, D, Y, JY
        NUM = rf"(?:\d{{1,3}}|{_alt(self.numbers)})"
        FUZ = _alt(self.fuzzy)
        COUNT = rf"(?:{NUM}|{FUZ})"
        PART = r"(?:(?i:early|mid|late|the\s+(?:beginning|start|end|middle|first\s+half|second\s+half|first\s+week|second\s+week|third\s+week|fourth\s+week|last\s+week|first\s+ten\s+days|last\s+ten\s+days|first\s+quarter|second\s+quarter|third\s+quarter|fourth\s+quarter)\s+of))"
        self.COUNT = COUNT
        EML = r"(?i:early|mid|late)(?:[\s-]*(?i:to|or)[\s-]*(?i:early|mid|late))?"
        I = "(?i:{})".format  # case-insensitive sub-pattern

        pats: list[tuple[str, str]] = []
        add = lambda name, rx: pats.append((name, rx))  # noqa: E731

        # -- numeric dates
        add("iso", rf"\b(?P<y>{Y})[-./](?P<m>0?[1-9]|1[0-2])[-./](?P<d>[12]\d|3[01]|0?[1-9])(?!\d)")
        add("mdy_num", rf"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>{Y}|\d\d)(?![\d/])")
        add("dmy_num", rf"\b(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>{Y}|\d\d)(?![\d/])")
        # -- day-level ranges inside one month: "June 21-25", "between June 21 and 25", "21-25 June 2020"
        add("md_range", rf"(?:{I('between|from')}\s+)?(?P<mon>{M})\s+(?P<d1>{D})\s*(?:-|–|—|{I('to|through|till|until|and')})\s*(?P<d2>{D})(?!\s*(?:{M}|,\s*\d{{4}}\s*(?:-|–|to)))(?:\s*,?\s*(?P<yr>{YEARISH}))?")
        add("dm_range", rf"(?:{I('between|from')}\s+)?(?:the\s+)?(?P<d1>{D})\s*(?:-|–|—|{I('to|through|and')})\s*(?:the\s+)?(?P<d2>{D})\s+(?:of\s+)?(?P<mon>{M})(?:\s*,?\s*(?P<yr>{YEARISH}))?")
        # -- full dates: "November 3, 2020", "Nov. 3", "Jan 1, Juche 113 (2024)", "3 November 2020"
        add("mdy", rf"(?:(?P<wd>{W})\s*,?\s*)?(?P<mon>{M})\s+(?P<day>{D})(?:\s*,?\s*(?P<yr>{YEARISH}))?(?:\s*\(\s*(?P<wd2>{W})\s*\))?")
        add("dmy", rf"(?:(?P<wd>{W})\s*,?\s*)?(?:the\s+)?(?P<day>{D})\s+(?:of\s+)?(?P<mon>{M})(?:\s*,?\s*(?P<yr>{YEARISH}))?")
        # -- month (with part and/or year): "early November", "mid-2019"-style handled below,
        #    "the first half of March", "in March 1968", "May Juche 106 (2017)", "November of last year"
        add("month", rf"(?:(?P<part>{PART}|{EML})[\s-]+)?(?:(?P<mrel>{I('last|this|next|this past|this coming|past|coming')})\s+)?(?P<mon>{M_ALONE})(?!\s*\d{{1,2}}(?!\d))(?:\s*,?\s*(?:of\s+)?(?P<yr>{YEARISH}|{I('this year|last year|next year')}))?")
        # -- parts of years and decades: "mid-2019", "early 2020", "the first half of 2019", "the mid-1990s"
        add("decade", rf"(?:{I('the')}\s+)?(?:(?P<part>{I('early|mid|late')})[\s-]+)?(?P<dec>1[89]\d0|20\d0)'?s\b")
        add("decade2", rf"{I('the')}\s+(?:(?P<part>{I('early|mid|late')})[\s-]+)?['’]?(?P<dec>[3-9]0)'?s\b")
        add("yearpart", rf"(?P<part>{PART}|{EML})[\s-]+(?P<yr>{YEARISH})")
        add("year", rf"(?P<yr>{JY}|{Y})")
        # -- weekdays: "on Tuesday", "last Tuesday", "Tuesday night", "next Monday"
        add("weekday", rf"(?:(?P<rel>{I('last|this|next|this past|this coming|past|coming')})\s+)?(?P<wd>{W})(?:\s+(?P<tod>{I('morning|afternoon|evening|night|dawn')}))?")
        # -- counted from another date in the text: "the next day", "two days later", "that night"
        #    ("three days after the arrest" is left alone: it counts from a named event)
        add("anaphor", I(
            rf"(?:(?P<n>{COUNT})\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier|afterwards?|(?:after|before)(?=\s*[,.;:)]|\s*$))"
            r"|the\s+(?P<rel>next|following|previous)\s+(?P<unit2>day|morning|afternoon|evening|night|week)"
            r"|the\s+(?:day|night)\s+(?P<dir2>after|before)(?=\s*[,.;:)])"
            r"|(?:that|the\s+same)\s+(?P<same>day|night|morning|afternoon|evening))\b"
        ))
        # -- a clock time is on the day last told: "walked across the MDL at around 4 a.m."
        add("clock", I(r"\b(?:at\s+)?(?:(?:around|about|approximately|roughly)\s+)?(?:[01]?\d)(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"))
        # -- day words
        add("yearbeforelast", I(r"the\s+(?P<unit>year|month)\s+before\s+last\b"))
        add("dayword", I(r"(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|the\s+day\s+after\s+tomorrow|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?\b"))
        # -- "last week", "earlier this month", "late last month", "the end of last year", "this year"
        add("relunit", I(
            r"(?:(?P<part>early|mid|late|earlier|later|the\s+(?:beginning|start|end|middle|first\s+half|second\s+half|first\s+week|second\s+week|third\s+week|fourth\s+week|last\s+week|first\s+quarter|second\s+quarter|third\s+quarter|fourth\s+quarter|first\s+ten\s+days|last\s+ten\s+days)\s+of)[\s-]+)?"
            r"(?P<rel>last|this|next|the\s+past|the\s+previous|the\s+current|the\s+same|the)\s+(?P<unit>weekend|week|month|year)\b"
        ))
        # -- "N days ago", "a few weeks ago"
        # (only "ago": "three days earlier/before" counts from another event, not from publication)
        add("ago", rf"(?P<n>{COUNT})\s+(?P<unit>{I('days?|weeks?|months?|years?')})\s+{I('ago')}\b")
        # -- "in the past two weeks", "over the last few days", "for the past three years", "the past week"
        add("past", I(rf"(?:(?:in|over|during|for|within)\s+)?the\s+(?:past|last|previous)\s+(?:(?P<n>{COUNT})\s+)?(?P<unit>days?|weeks?|months?|years?)\b"))
        # -- "on the 18th", "the 18th of this month"
        add("ordinal", I(r"(?:(?:on|from|since|until|by|till)\s+)?(?:the\s+(?:night|morning|evening|afternoon)\s+of\s+)?the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?:\s+of\s+(?P<rel>this|last|the)\s+month)?(?=\s*[,.;:)]|\s*$|\s+(?:and|or|to|through|until|till|in|at|when|while|after|before|during|of\s+(?:this|last|the)\s+month)\b)"))
        # -- seasons: "this spring", "last winter", "the spring of 2019", "summer 2020"
        add("season", I(r"(?:(?P<rel>this|last|next|this\s+past|the\s+past|early|late|mid|the|in\s+the|during\s+the)\s+)?(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<yr>" + YEARISH + r"|this\s+year|last\s+year))?"))
        # -- vague windows: "recently", "these days", "in recent weeks"
        add("vague", I(r"\b(?:" + _alt(self.vague) + r")\b"))
        # -- named periods: "the Arduous March"
        add("period", rf"(?:{I('the')}\s+)?(?:{I('great')}\s+)?(?P<name>{_alt(self.periods)})")

        self.patterns = [(name, re.compile(rx)) for name, rx in pats]


@lru_cache(maxsize=1)
def _p() -> _P:
    return _P()


# ---------------------------------------------------------------------------
# Atom resolution
# ---------------------------------------------------------------------------

# A resolver: (published, future, year_override) -> TimeSpan
Resolver = Callable[[date | None, bool, int | None], TimeSpan]


@dataclass
class _Atom:
    start: int
    end: int
    kind: str
    resolver: Resolver
    explicit_year: bool = False
    name: str = ""
    fields: dict = field(default_factory=dict)

    def span(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        return self.resolver(pub, future, year)


def _parse_year(s: str | None) -> int | None:
    """A year from "2020", "Juche 113", "Juche 113 (2024)" (the Gregorian year wins if given)."""
    if not s:
        return None
    m = re.search(r"\((\d{4})\)", s)
    if m:
        return int(m.group(1))
    m = re.search(r"Juche\s*(\d{1,3})", s)
    if m:
        return _juche(int(m.group(1)))
    m = re.fullmatch(r"\s*(\d{4})\s*", s)
    if m:
        return int(m.group(1))
    return None


def _rel_year(s: str | None, pub: date | None) -> tuple[bool, int | None]:
    """"this year"/"last year"/"next year" -> (is_relative, year)."""
    if not s:
        return False, None
    low = s.lower().strip()
    if low in ("this year", "last year", "next year"):
        if pub is None:
            return True, None
        return True, pub.year + {"this year": 0, "last year": -1, "next year": 1}[low]
    return False, None


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


def _month_num(s: str) -> int:
    return _p().months[s.rstrip(".")]


def _norm_part(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"\s+", " ", s.lower()).strip()
    s = re.sub(r"^the ", "", s)
    s = re.sub(r" of$", "", s)
    return s


def _part_range(table: dict, part: str) -> tuple[int, int] | None:
    """A part of a month or year; "mid-to-late" = from the start of mid to the end of late."""
    if part in table:
        return table[part]
    m = re.fullmatch(r"(early|mid|late)[\s-]*(?:to|or)[\s-]*(early|mid|late)", part)
    if m and m.group(1) in table and m.group(2) in table:
        return table[m.group(1)][0], table[m.group(2)][1]
    return None


def _weekday_on_or_before(pub: date, wd: int, strict: bool = False) -> date:
    delta = (pub.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


def _weekday_on_or_after(pub: date, wd: int, strict: bool = False) -> date:
    delta = (wd - pub.weekday()) % 7
    if strict and delta == 0:
        delta = 7
    return pub + timedelta(days=delta)


def _count(s: str) -> tuple[int, int]:
    """A count as a [low, high] pair: "3" -> (3, 3), "a few" -> (2, 6)."""
    p = _p()
    s = re.sub(r"\s+", " ", s.lower()).strip()
    if s.isdigit():
        return int(s), int(s)
    if s in p.numbers:
        return p.numbers[s], p.numbers[s]
    if s in p.fuzzy:
        lo, hi = p.fuzzy[s]
        return lo, hi
    return 1, 1


def _shift(pub: date, unit: str, n: int) -> date:
    """pub minus n units (calendar-aware for months and years)."""
    unit = unit.rstrip("s")
    if unit == "day":
        return pub - timedelta(days=n)
    if unit == "week":
        return pub - timedelta(days=7 * n)
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, -n)
        return date(y, m, min(pub.day, calendar.monthrange(y, m)[1]))
    y = pub.year - n
    return date(y, pub.month, min(pub.day, calendar.monthrange(y, pub.month)[1]))


def _make_atom(name: str, m: re.Match) -> _Atom | None:  # noqa: C901 - one branch per pattern
    p = _p()
    g = m.groupdict()
    s, e = m.start(), m.end()

    if name in ("iso", "mdy_num", "dmy_num"):
        y = int(g["y"])
        if y < 100:
            y += 2000 if y < 50 else 1900
        mo, d = int(g["m"]), int(g["d"])
        dt = _safe_date(y, mo, d)
        if dt is None:
            return None
        return _Atom(s, e, "absolute", lambda pub, fut, yo: _span(dt, dt, 1), True, name)

    if name in ("md_range", "dm_range"):
        mo = _month_num(g["mon"])
        d1, d2 = _day(g["d1"]), _day(g["d2"])
        if d2 <= d1:
            return None
        yr = _parse_year(g.get("yr"))

        def r(pub, fut, yo, mo=mo, d1=d1, d2=d2, yr=yr):
            y = yr or yo or (_year_for_month_day(mo, d1, pub, fut) if pub else None)
            if y is None:
                return _UNKNOWN
            a, b = _safe_date(y, mo, d1), _safe_date(y, mo, d2)
            if a is None or b is None:
                return _UNKNOWN
            return _span(a, b)

        return _Atom(s, e, "range", r, yr is not None, name)

    if name in ("mdy", "dmy"):
        mo = _month_num(g["mon"])
        d = _day(g["day"])
        if d > 31:
            return None
        yr = _parse_year(g.get("yr"))
        if g.get("yr") and yr is None:
            return None
        juche = bool(g.get("yr") and "Juche" in g["yr"])
        wd_s = g.get("wd") or g.get("wd2")
        wd = p.weekdays[wd_s.rstrip(".")] if wd_s else None

        def r(pub, fut, yo, mo=mo, d=d, yr=yr, wd=wd):
            if yr or yo:
                y = yr or yo
            elif pub is not None:
                y = _year_for_month_day(mo, d, pub, fut)
                if wd is not None:  # a weekday with the date picks among the plausible years
                    for cand in (y, y - 1, y + 1):
                        dt = _safe_date(cand, mo, d)
                        if dt and dt.weekday() == wd and abs((dt - pub).days) < 370:
                            y = cand
                            break
            else:
                return _UNKNOWN
            dt = _safe_date(y, mo, d)
            return _span(dt, dt, 1) if dt else _UNKNOWN

        return _Atom(s, e, "juche" if juche else "absolute", r, yr is not None, name, {"month": mo, "day": d})

    if name == "month":
        mo = _month_num(g["mon"])
        if g["mon"] == "May" and not g.get("part") and not g.get("yr") and not g.get("mrel"):
            # "May" alone is a month only after a date word: "in May", "since May", "last May"
            if not re.search(r"(?i:\b(?:in|of|since|until|till|by|during|from|to|and|through|early|mid|late|last|this|next|between|before|after)\s+)$", m.string[max(0, s - 20):s]):
                return None
        part = _norm_part(g.get("part"))
        rng = _part_range(p.month_parts, part) if part else (1, 0)
        if rng is None:
            return None
        yr_s = g.get("yr")
        yr = _parse_year(yr_s)
        is_rel, _ = _rel_year(yr_s, None)
        juche = bool(yr_s and "Juche" in yr_s)
        mrel = re.sub(r"\s+", " ", (g.get("mrel") or "").lower())
        if mrel and yr_s:
            return None

        def r(pub, fut, yo, mo=mo, rng=rng, yr=yr, yr_s=yr_s, is_rel=is_rel, mrel=mrel):
            if is_rel:
                _, y = _rel_year(yr_s, pub)
            else:
                y = yr or yo
            if y is None:
                if pub is None:
                    return _UNKNOWN
                if mrel in ("last", "this past", "past"):  # "last October": the latest one before this month
                    y = pub.year if mo < pub.month else pub.year - 1
                elif mrel in ("next", "this coming", "coming"):
                    y = pub.year if mo > pub.month else pub.year + 1
                elif mrel == "this":
                    y = pub.year
                else:
                    y = _year_for_month(mo, pub, fut)
                return _cap(_month_part(y, mo, rng), pub, fut)
            span = _month_part(y, mo, rng)
            return _cap(span, pub, fut) if (is_rel and pub) else span

        return _Atom(s, e, "juche" if juche else ("relative" if (is_rel or mrel) else "absolute"), r,
                     yr is not None, name, {"month": mo})

    if name == "yearbeforelast":
        unit = g["unit"].lower()

        def r(pub, fut, yo, unit=unit):
            if pub is None:
                return _UNKNOWN
            if unit == "year":
                return _span(date(pub.year - 2, 1, 1), date(pub.year - 2, 12, 31), 4)
            y, mo = _add_months(pub.year, pub.month, -2)
            return _span(date(y, mo, 1), _month_end(y, mo), 3)

        return _Atom(s, e, "relative", r, False, name)

    if name in ("decade", "decade2"):
        dec = int(g["dec"])
        if dec < 100:
            dec += 1900  # "the '90s"
        part = _norm_part(g.get("part"))
        a, b = p.decade_parts.get(part, (0, 9)) if part else (0, 9)
        span = _span(date(dec + a, 1, 1), date(dec + b, 12, 31), 4)
        return _Atom(s, e, "decade", lambda pub, fut, yo: span, True, name)

    if name == "yearpart":
        y = _parse_year(g["yr"])
        if y is None:
            return None
        part = _norm_part(g["part"])
        rng = _part_range(p.year_parts, part)
        if rng is None:
            return None
        span = _year_part(y, rng)
        return _Atom(s, e, "absolute", lambda pub, fut, yo: span, True, name)

    if name == "year":
        y = _parse_year(g["yr"])
        if y is None:
            return None
        span = _span(date(y, 1, 1), date(y, 12, 31), 4)
        kind = "juche" if "Juche" in g["yr"] else "year"
        return _Atom(s, e, kind, lambda pub, fut, yo: span, True, name)

    if name == "weekday":
        wd = p.weekdays[g["wd"].rstrip(".")]
        rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())

        def r(pub, fut, yo, wd=wd, rel=rel):
            if pub is None:
                return _UNKNOWN
            if rel in ("last", "this past", "past"):
                dt = _weekday_on_or_before(pub, wd, strict=True)
            elif rel in ("next", "this coming", "coming"):
                dt = _weekday_on_or_after(pub, wd, strict=True)
            elif fut:
                dt = _weekday_on_or_after(pub, wd)
            else:
                dt = _weekday_on_or_before(pub, wd)
            return _span(dt, dt, 1)

        return _Atom(s, e, "weekday", r, False, name)

    if name == "anaphor":
        if g.get("same"):
            days, unit = 0, "day"
        elif g.get("rel"):
            unit = "week" if g["unit2"].lower() == "week" else "day"
            days = (-1 if g["rel"].lower() == "previous" else 1) * (7 if unit == "week" else 1)
        elif g.get("dir2"):
            days, unit = (1 if g["dir2"].lower() == "after" else -1), "day"
        else:
            lo, hi = _count(g["n"])
            if lo != hi:
                return None  # "a few days later": no day to count to
            unit = g["unit"].lower().rstrip("s")
            days = lo * (7 if unit == "week" else 1) * (-1 if g["dir"].lower() in ("earlier", "before") else 1)

        calendar_week = bool(g.get("rel")) and unit == "week"  # "the following week", not "a week later"
        fallback = days == -1 and bool(g.get("rel"))

        def r(pub, fut, yo, fallback=fallback):
            # no date to count from: only "the previous day" has one, the dateline (wire style)
            if pub is None or not fallback:
                return _UNKNOWN
            return _span(pub - timedelta(days=1), pub - timedelta(days=1), 1)

        return _Atom(s, e, "anaphor", r, False, name, {"days": days, "unit": unit, "calendar_week": calendar_week})

    if name == "clock":
        return _Atom(s, e, "anaphor", lambda pub, fut, yo: _UNKNOWN, False, name, {"days": 0, "unit": "day", "clock": True})

    if name == "dayword":
        w = re.sub(r"\s+", " ", g["w"].lower())
        off = {
            "the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0,
            "last night": -1, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "tomorrow": 1, "the day after tomorrow": 2,
        }[w]

        def r(pub, fut, yo, off=off):
            if pub is None:
                return _UNKNOWN
            dt = pub + timedelta(days=off)
            return _span(dt, dt, 1)

        return _Atom(s, e, "relative", r, False, name)

    if name == "relunit":
        part = _norm_part(g.get("part"))
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        unit = g["unit"].lower()
        if rel == "the" and part is None and unit != "weekend":
            return None  # "the week", "the year" alone are not dates
        if rel == "the same":
            return None  # "the same month" refers to another date, not to publication
        offset = {"last": -1, "the previous": -1, "the past": -1, "this": 0, "the current": 0,
                  "the": 0, "next": 1}[rel]

        def r(pub, fut, yo, part=part, offset=offset, unit=unit):
            if pub is None:
                return _UNKNOWN
            if unit in ("week", "weekend"):
                mon, sun = _week_of(pub + timedelta(days=7 * offset))
                if unit == "weekend":
                    if offset == 0 and not fut and pub.weekday() < 5:
                        mon, sun = _week_of(pub - timedelta(days=7))  # "over the weekend" = the last one
                    a, b = mon + timedelta(days=5), sun
                    return _cap(_span(a, b), pub, fut)
                a, b = mon, sun
                if part in ("early", "beginning", "start"):
                    b = mon + timedelta(days=2)
                elif part in ("late", "end"):
                    a = mon + timedelta(days=4)
                elif part in ("mid", "middle"):
                    a, b = mon + timedelta(days=2), mon + timedelta(days=4)
                elif part == "earlier":
                    b = min(sun, pub)
                elif part == "later":
                    a = max(mon, pub)
                return _cap(_span(a, b), pub, fut)
            if unit == "month":
                y, mo = _add_months(pub.year, pub.month, offset)
                if part == "earlier":
                    span = _span(date(y, mo, 1), min(_month_end(y, mo), pub) if offset == 0 else _month_end(y, mo))
                elif part == "later":
                    span = _span(max(date(y, mo, 1), pub), _month_end(y, mo))
                elif part:
                    rng = p.month_parts.get(part)
                    if rng is None:
                        return _UNKNOWN
                    span = _month_part(y, mo, rng)
                else:
                    span = _span(date(y, mo, 1), _month_end(y, mo))
                return _cap(span, pub, fut)
            # year
            y = pub.year + offset
            if part == "earlier":
                span = _span(date(y, 1, 1), min(date(y, 12, 31), pub) if offset == 0 else date(y, 12, 31), 4)
            elif part == "later":
                span = _span(max(date(y, 1, 1), pub), date(y, 12, 31), 4)
            elif part:
                rng = p.year_parts.get(part)
                if rng is None:
                    return _UNKNOWN
                span = _year_part(y, rng)
            else:
                span = _span(date(y, 1, 1), date(y, 12, 31), 4)
            return _cap(span, pub, fut, keep_precision=True)

        return _Atom(s, e, "relative", r, False, name)

    if name == "ago":
        lo, hi = _count(g["n"])
        unit = g["unit"].lower().rstrip("s")

        def r(pub, fut, yo, lo=lo, hi=hi, unit=unit):
            if pub is None:
                return _UNKNOWN
            if lo == hi:
                if unit == "day":
                    dt = pub - timedelta(days=lo)
                    return _span(dt, dt, 1)
                if unit == "week":
                    c = pub - timedelta(days=7 * lo)
                    return _span(c - timedelta(days=3), c + timedelta(days=3), 2)
                if unit == "month":
                    y, mo = _add_months(pub.year, pub.month, -lo)
                    return _span(date(y, mo, 1), _month_end(y, mo), 3)
                y = pub.year - lo
                return _span(date(y, 1, 1), date(y, 12, 31), 4)
            return _span(_shift(pub, unit, hi), _shift(pub, unit, lo))

        return _Atom(s, e, "relative", r, False, name)

    if name == "past":
        lo, hi = _count(g["n"]) if g.get("n") else (1, 1)
        unit = g["unit"].lower().rstrip("s")

        def r(pub, fut, yo, hi=hi, unit=unit):
            if pub is None:
                return _UNKNOWN
            return _span(_shift(pub, unit, hi) + timedelta(days=1), pub)

        return _Atom(s, e, "relative", r, False, name)

    if name == "ordinal":
        d = int(g["d"])
        rel = (g.get("rel") or "").lower()

        def r(pub, fut, yo, d=d, rel=rel):
            if pub is None:
                return _UNKNOWN
            y, mo = pub.year, pub.month
            if rel == "last":
                y, mo = _add_months(y, mo, -1)
            elif rel == "this":
                pass
            elif fut:
                if d < pub.day:
                    y, mo = _add_months(y, mo, 1)
            elif d > pub.day:
                y, mo = _add_months(y, mo, -1)
            dt = _safe_date(y, mo, d)
            for _ in range(2):  # "on the 30th" in March: February has none, so January
                if dt is not None or rel:
                    break
                y, mo = _add_months(y, mo, 1 if fut else -1)
                dt = _safe_date(y, mo, d)
            return _span(dt, dt, 1) if dt else _UNKNOWN

        return _Atom(s, e, "relative", r, False, name)

    if name == "season":
        sname = g["s"].lower()
        rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
        yr_s = g.get("yr")
        if sname == "fall" and not (rel in ("this", "last", "next", "this past", "the past", "early", "late") or yr_s):
            return None  # "the fall of ..." is not a season
        if not rel and not yr_s:
            return None  # a bare "summer" is too often not a date
        yr = _parse_year(yr_s)
        is_rel = bool(yr_s) and yr is None

        def r(pub, fut, yo, sname=sname, rel=rel, yr=yr, yr_s=yr_s, is_rel=is_rel):
            y = yr
            if is_rel:
                _, y = _rel_year(yr_s, pub)
            if y is None and yo:
                y = yo
            if y is not None:
                a, b = _season(y, sname)
                return _span(a, b, 4)
            if pub is None:
                return _UNKNOWN
            occ = [_season(pub.year + k, sname) for k in (-2, -1, 0, 1)]
            if rel == "last" or rel in ("this past", "the past"):
                cands = [o for o in occ if o[1] < pub]
                a, b = cands[-1]
            elif rel == "next":
                cands = [o for o in occ if o[0] > pub]
                a, b = cands[0]
            elif any(o[0] <= pub <= o[1] for o in occ):  # "this winter" while it lasts
                a, b = next(o for o in occ if o[0] <= pub <= o[1])
            elif fut:
                cands = [o for o in occ if o[1] >= pub]
                a, b = cands[0]
            else:
                cands = [o for o in occ if o[0] <= pub]
                a, b = cands[-1]
            return _cap(_span(a, b, 4), pub, fut, keep_precision=True)

        return _Atom(s, e, "season", r, yr is not None, name)

    if name == "vague":
        key = re.sub(r"\s+", " ", m.group(0).lower())
        entry = p.vague.get(key)
        if entry is None:
            return None
        a, b = entry["window"]
        prec = entry["precision"]

        def r(pub, fut, yo, a=a, b=b, prec=prec):
            if pub is None:
                return _UNKNOWN
            return _span(pub - timedelta(days=a), pub - timedelta(days=b), prec)

        return _Atom(s, e, "vague", r, False, name)

    if name == "period":
        key = g["name"]
        a, b = p.periods[key]
        span = _span(date.fromisoformat(a), date.fromisoformat(b), 4)
        return _Atom(s, e, "period", lambda pub, fut, yo: span, True, name)

    return None


# ---------------------------------------------------------------------------
# Scanning
# ---------------------------------------------------------------------------

_CURRENCY_BEFORE = re.compile(
    r"(?:[$€£¥₩]|\b(?:RMB|KPW|KRW|USD|CNY|won|yuan|dollars?|No\.|number|Nos\.|unit|Unit|Corps|Division|Brigade|Regiment|Article|article|Resolution|resolution|Room|room|about|some|over|nearly|around|approximately|than)\s*)$"
)
_UNIT_AFTER = re.compile(
    r"^\s*(?:[%]|(?:won|yuan|dollars?|people|persons?|soldiers?|troops|tons?|tonnes?|km|kilometers?|kilometres?|meters?|metres?|m\b|kg|rounds?|households?|units?|cases?|pieces?|copies|families|workers|students|members|men|women|residents|defectors|cars|trucks|vehicles|yen|rubles?|RMB|USD|times)\b)",
    re.I,
)
_PREP = re.compile(
    r"(?i:\b(?:(?:ever\s+)?since|on|in|at|during|over|from|between|until|till|through|throughout|by|around|as\s+of|as\s+early\s+as|as\s+late\s+as|as\s+recently\s+as|early|late|earlier|later)\s+)$"
)
_FUTURE_CUES: re.Pattern | None = None


def _future_cue_rx() -> re.Pattern:
    global _FUTURE_CUES
    if _FUTURE_CUES is None:
        cues = _lex()["future_cues"]["cues"]
        _FUTURE_CUES = re.compile(r"(?i)(?:^|[^\w'])(?:" + _alt(cues) + r")(?![\w])")
    return _FUTURE_CUES


def _sentence_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), text.rfind("? ", 0, s), text.rfind("! ", 0, s))
    a = a + 1 if a >= 0 else 0
    bs = [i for i in (text.find(". ", e), text.find("\n", e)) if i >= 0]
    b = min(bs) if bs else len(text)
    return a, b


def _is_future(text: str, s: int, e: int) -> bool:
    """A future cue ("will", "is scheduled to") in the date's own clause, before it:
    "will hold talks on Tuesday", not "told Daily NK on Tuesday that it will ..."."""
    a, _ = _sentence_bounds(text, s, e)
    window = text[max(a, s - 60):s]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(" that "), window.rfind("("))
    if cut >= 0:
        window = window[cut + 1:]
    return bool(_future_cue_rx().search(window))


def _scan_atoms(text: str) -> list[_Atom]:
    p = _p()
    found: list[_Atom] = []
    for name, rx in p.patterns:
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            if name == "year":
                if not _year_ok(text, m):
                    continue
            try:
                atom = _make_atom(name, m)
            except (KeyError, ValueError):
                atom = None
            if atom is not None:
                found.append(atom)
    # keep the longest non-overlapping matches (earliest first on ties)
    found.sort(key=lambda a: (-(a.end - a.start), a.start))
    chosen: list[_Atom] = []
    taken: list[tuple[int, int]] = []
    for a in found:
        if any(a.start < e and s < a.end for s, e in taken):
            continue
        chosen.append(a)
        taken.append((a.start, a.end))
    chosen.sort(key=lambda a: a.start)
    return chosen


def _year_ok(text: str, m: re.Match) -> bool:
    """A bare 4-digit number is a year unless it reads as money, a count or an identifier."""
    if "Juche" in m.group(0):
        return True
    before = text[max(0, m.start() - 12):m.start()]
    after = text[m.end():m.end() + 16]
    if re.search(r"[\d,.]$", before) or re.match(r"^[,.]?\d", after):
        return False
    if _CURRENCY_BEFORE.search(before):
        return False
    if _UNIT_AFTER.match(after):
        return False
    if re.match(r"^\s*[-–/]\s*\d", after) and not re.match(r"^\s*[-–]\s*(?:1[89]|20)\d\d\b", after):
        return False
    if re.search(r"\bthe\s+$", before, re.I) and re.match(r"^\s+[A-Z]", after):
        return False  # "the 1988 Seoul Olympics", "the 2018 Singapore summit": a name, not a date
    return True


_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|(?i:to|through|thru|till|until|and|into))\s*(?:(?i:the|early|mid|late)\s+)?$")
_RANGE_OPEN = re.compile(r"(?i:\b(?:between|from)\s+)$")
_SINCE = re.compile(r"(?i:\b(?:ever\s+)?since\s+)$")
_UNTIL = re.compile(r"(?i:\b(?:until|till|up\s+to)\s+)$")
_FIRST_SINCE = re.compile(r"(?i:\b(?:first|1st|highest|lowest|largest|biggest|worst|best|strongest|deadliest)\b[^.;]{0,80}$)")
_APPOS = re.compile(r"^\s*(?:,|\(|,\s*or)\s*$")


def _expand_prefix(text: str, s: int, floor: int = 0) -> int:
    """Take a preposition before the expression into it ("on Tuesday", "in early November")."""
    if re.match(r"(?i:(?:on|in|at|from|between|since|until|till|during|over)\s)", text[s:s + 8]):
        return s  # it has one already
    m = _PREP.search(text[max(floor, s - 30):s])
    if m and m.end() == s - max(floor, s - 30):
        return s - (m.end() - m.start())
    return s


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` (None: relative ones stay at precision 0).

    The tense of each expression is guessed from cue words around it in its sentence
    ("will", "is scheduled to", ...): future weekdays and months resolve forward."""
    return _find(text, published, force_future=False)


def _find(text: str, published: date | None, force_future: bool) -> list[DateMention]:
    atoms = _scan_atoms(text)
    out: list[DateMention] = []
    # the dateline is when the agency wrote: nothing counts from it ("at 10 a.m." may be yesterday)
    found_dateline = dateline_match(text)
    dateline_end = found_dateline.end() if found_dateline else 0
    i = 0
    while i < len(atoms):
        a = atoms[i]
        fut = force_future or _is_future(text, a.start, a.end)
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        before = text[max(0, a.start - 30):a.start]

        if a.kind == "anaphor" and a.fields.get("clock") and _dated_nearby(text, a, atoms):
            i += 1  # "at 4 a.m. on Wednesday": the sentence gives the day itself
            continue
        if a.kind == "anaphor":
            anchor = _anchor(text, a.start, [m for m in out if m.start >= dateline_end], fut)
            span = _counted_from(anchor, a.fields) if anchor else a.span(published, fut)
            span = _cap(span, published, fut)  # "the next week" after last week ends today
            # a past act counted to a day after publication was counted from the wrong date
            beyond = published and span.start and span.start > published and not fut
            if span.precision and not beyond:
                out.append(_mention(text, _expand_prefix(text, a.start), a.end, span, "anaphor", fut, False, published))
            i += 1
            continue
        if nxt is not None and nxt.kind == "anaphor":
            nxt = None  # "the next day" is no end of a range

        # weekday + date in apposition: "Tuesday (Nov. 24)", "Tuesday, November 24"
        if nxt is not None and a.kind == "weekday" and nxt.name in ("mdy", "dmy", "iso", "mdy_num") \
                and _APPOS.match(text[a.end:nxt.start]):
            end = nxt.end
            if text[end:end + 1] == ")" and "(" in text[a.end:nxt.start]:
                end += 1
            span = nxt.span(published, fut)
            start = _expand_prefix(text, a.start)
            out.append(_mention(text, start, end, span, nxt.kind if nxt.kind != "range" else "absolute", fut, nxt.explicit_year, published))
            i += 2
            continue

        # ranges: "from March 3 to May 5", "between June 21 and June 25", "October 30th to November 3rd"
        if nxt is not None and _RANGE_GAP.match(text[a.end:nxt.start]) and a.kind != "vague" and nxt.kind != "vague":
            gap = text[a.end:nxt.start].strip().lower()
            opener = _RANGE_OPEN.search(before)
            if gap != "and" or (opener and "between" in opener.group(0).lower()):
                sa = a.span(published, fut)
                yo = None
                if not a.explicit_year and nxt.explicit_year:
                    sb0 = nxt.span(published, fut)
                    if sb0.start is not None:
                        yo = sb0.start.year
                        ma, mb = a.fields.get("month"), nxt.fields.get("month")
                        if ma and mb and ma > mb:
                            yo -= 1
                        sa = a.span(published, fut, yo)
                sb = nxt.span(published, fut)
                if not nxt.explicit_year and sa.start is not None and nxt.fields.get("month"):
                    # the end follows the start: "from October 30th to November 3rd" published
                    # on October 31 ends in November of the same year, not the year before
                    sb = nxt.span(published, fut, sa.start.year)
                    if sb.end is not None and sb.end < sa.start:
                        sb = nxt.span(published, fut, sa.start.year + 1)
                if sa.start is not None and sb.end is not None:
                    st, en = sa.start, sb.end
                    if st > en and a.kind == "weekday":
                        st -= timedelta(days=7)
                    if st <= en:
                        start = a.start - len(opener.group(0)) if opener else a.start
                        start = _expand_prefix(text, start)
                        span = _span(st, en)
                        out.append(_mention(text, start, nxt.end, span, "range", fut, a.explicit_year or nxt.explicit_year, published))
                        i += 2
                        continue

        # "since October": start known, ongoing to publication
        sm = _SINCE.search(before)
        if sm and a.kind not in ("vague",):
            start = a.start - (len(before) - sm.start())
            sp = a.span(published, fut)
            # "the first such incursion since 1983" compares with the past: no ongoing event
            a_sent, _ = _sentence_bounds(text, start, a.end)
            kind = "reference" if _FIRST_SINCE.search(text[max(a_sent, start - 100):start]) else "since"
            if sp.start is None:
                span = TimeSpan(precision=0)
            else:
                end = published if (published and published >= sp.start) else None
                span = TimeSpan(sp.start, end, 4)
            out.append(_mention(text, start, a.end, span, kind, fut, a.explicit_year, published))
            i += 1
            continue

        um = _UNTIL.search(before)
        if um and a.kind not in ("vague",):
            start = a.start - (len(before) - um.start())
            sp = a.span(published, fut)
            span = TimeSpan(None, sp.end, 4 if sp.end else 0)
            out.append(_mention(text, start, a.end, span, "until", fut, a.explicit_year, published))
            i += 1
            continue

        span = a.span(published, fut)
        start = _expand_prefix(text, a.start)
        out.append(_mention(text, start, a.end, span, a.kind, fut, a.explicit_year, published))
        i += 1
    return out


# how far back "the next day" looks for the date it counts from
ANCHOR_REACH = 600
# "told Daily NK on Tuesday", "said on Monday": when a source spoke, not when things happened
_SPOKEN_AT = re.compile(r"(?i:\b(?:told|tells|said|says|reported|reports|added|announced|stated|confirmed)\b[^.;\n]{0,30}$)")
_NO_ANCHOR_KINDS = {"since", "until", "vague", "period", "decade", "year", "reference", "season"}


def _anchor(text: str, at: int, found: list[DateMention], future: bool = False) -> DateMention | None:
    """The date "the next day" counts from: the nearest earlier event date in reach, not a
    period, not the day a source spoke, and not a date ahead unless the anaphor is ahead too
    (an act ahead may count from a past date: "talks were held on Monday; they will resume
    the next day")."""
    for m in reversed(found):
        if at - m.end > ANCHOR_REACH:
            return None
        sp = m.span
        if m.kind in _NO_ANCHOR_KINDS or (m.future and not future) or not (sp.start and sp.end) or sp.precision not in (1, 2, 3):
            continue
        if _SPOKEN_AT.search(text[max(0, m.start - 40):m.start]):
            continue
        return m
    return None


def _dated_nearby(text: str, clock: _Atom, atoms: list[_Atom]) -> bool:
    """Another date expression in the clock time's sentence."""
    s, e = _sentence_bounds(text, clock.start, clock.end)
    return any(a is not clock and s <= a.start < e and not a.fields.get("clock") for a in atoms)


def _counted_from(anchor: DateMention, shift: dict) -> TimeSpan:
    """The anchor moved by the anaphor's days: from the run's last day forward, its first
    day back ("From June 3 to 5 ... two days later" is June 7); a wider window moves whole."""
    sp, days = anchor.span, shift["days"]
    point = sp.start == sp.end or days_of(sp) is not None
    if shift.get("calendar_week") or (shift["unit"] == "week" and days in (7, -7) and not point):
        mon, sun = _week_of((sp.end if days > 0 else sp.start) + timedelta(days=days))
        return _span(mon, sun, 2)  # "the following week": the calendar week after
    if not point:
        return _span(sp.start + timedelta(days=days), sp.end + timedelta(days=days), sp.precision)
    day = (sp.end if days >= 0 else sp.start) + timedelta(days=days)
    if shift["unit"] == "week":
        return _span(day - timedelta(days=3), day + timedelta(days=3), 2)  # "a week later": about then
    return _span(day, day, 1)


def _mention(text: str, s: int, e: int, span: TimeSpan, kind: str, fut: bool, explicit: bool,
             published: date | None) -> DateMention:
    expr = text[s:e]
    expr_clean = re.sub(r"\s+", " ", expr).strip()
    return DateMention(s, e, expr, replace(span, expression=expr_clean), kind, fut, explicit, published)


# ---------------------------------------------------------------------------
# resolve / news_cycle
# ---------------------------------------------------------------------------


def resolve(expression: str, published: date | None, *, future: bool = False) -> TimeSpan:
    """One date expression -> TimeSpan. Several expressions in one string are intersected
    ("on Tuesday, November 24", "during the Arduous March in the 1990s")."""
    expr_clean = re.sub(r"\s+", " ", expression).strip()
    mentions = _find(expression, published, force_future=future)
    if not mentions:
        return TimeSpan(precision=0, expression=expr_clean)
    spans = [m.span for m in mentions if m.kind != "reference"] or [m.span for m in mentions]
    known = [s for s in spans if s.precision > 0 and (s.start or s.end)]
    if not known:
        return TimeSpan(precision=0, expression=expr_clean)
    result = known[0]
    for s in known[1:]:
        inter = _intersect(result, s)
        if inter is not None:
            result = inter
    return replace(result, expression=expr_clean)


def _intersect(a: TimeSpan, b: TimeSpan) -> TimeSpan | None:
    """Both intervals at once (None if they do not overlap); open ends stay open."""
    st = max([x for x in (a.start, b.start) if x is not None], default=None)
    en = min([x for x in (a.end, b.end) if x is not None], default=None)
    if st is not None and en is not None and st > en:
        return None
    if st is not None and en is not None:
        return TimeSpan(st, en, precision_for(st, en))
    return TimeSpan(st, en, 4)


# "from October 30 to November 3", "June 21-23": every day of the run; "on June 5 and 6":
# both of two days. Not "between June 6 and 15" (a window in which something happened) nor
# "on June 5 and 9" (two days, not the days between). "The night of June 5-6" is one night,
# which only the sentence around the expression tells (extract.incidents checks it).
_RUN_TO = re.compile(r"(?i)\b(?:to|through|thru|until|till)\b|\d(?:st|nd|rd|th)?\s*[-–—]\s*\d")
_WINDOW = re.compile(r"(?i)^\s*between\b")
MAX_RUN_DAYS = 8


def days_of(span: TimeSpan) -> list[date] | None:
    """The days of a run of days the text gives ("from October 30 to November 3"), or None
    for anything else: one day, a window ("between June 6 and 15", "last week"), a longer or
    an open period."""
    if not (span.start and span.end and span.expression and span.precision == 2):
        return None
    days = (span.end - span.start).days + 1
    expression = span.expression
    if not 2 <= days <= MAX_RUN_DAYS or _WINDOW.search(expression):
        return None
    if not (_RUN_TO.search(expression) or (days == 2 and re.search(r"(?i)\band\b", expression))):
        return None
    return [span.start + timedelta(days=k) for k in range(days)]


def news_cycle(published: date | None) -> TimeSpan:
    """A short news item with no date expression reports the previous day's or the same day's event."""
    if published is None:
        return TimeSpan(precision=0)
    return TimeSpan(published - timedelta(days=1), published, 1, None)


# ---------------------------------------------------------------------------
# Which date governs a trigger (spaCy dependency trees)
# ---------------------------------------------------------------------------

_FINITE_CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "csubj", "csubjpass", "parataxis", "acl"}
_SIMULTANEOUS_MARKS = {"when", "as", "while", "during", "whilst"}


@lru_cache(maxsize=1)
def _reporting_words() -> tuple[frozenset, frozenset]:
    r = _lex()["reporting"]
    return frozenset(r["verbs"]), frozenset(r["nouns"])


@lru_cache(maxsize=1)
def _discovery_words() -> frozenset:
    return frozenset(_lex()["discovery"]["verbs"])


def _is_reporting(tok) -> bool:
    verbs, nouns = _reporting_words()
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        return lemma in verbs or tok.lower_ in verbs
    if tok.pos_ in ("NOUN", "PROPN"):
        return lemma in nouns or tok.lower_ in nouns
    return False


def _is_finite_clause(tok) -> bool:
    """Head of a clause with its own subject, tense or subordinator (not a bare participle)."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "mark"):
            if c.dep_ == "aux" and c.lower_ == "to":
                continue
            return True
    return tok.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _is_past_tense(tok) -> bool:
    if tok.tag_ == "VBD":
        return True
    if tok.tag_ == "VBN":
        return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had") for c in tok.children)
    return False


def _clause_mark(tok) -> str | None:
    for c in tok.children:
        if c.dep_ == "mark":
            return c.lower_
    return None


def _mention_root(doc, m: DateMention):
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _ancestors_chain(tok) -> list:
    chain = [tok]
    while chain[-1].head is not chain[-1] and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
        if len(chain) > 200:
            break
    return chain


def _path(date_root, trigger):
    """(date side, LCA, trigger side): tokens from each end up to (excluding) their lowest common ancestor."""
    d_chain = _ancestors_chain(date_root)
    t_chain = _ancestors_chain(trigger)
    t_idx = {t.i: k for k, t in enumerate(t_chain)}
    for k, tok in enumerate(d_chain):
        if tok.i in t_idx:
            return d_chain[:k], tok, t_chain[: t_idx[tok.i]]
    return d_chain, None, t_chain


def _in_sentence(sent, m: DateMention) -> bool:
    return sent.start_char <= m.start and m.end <= sent.end_char


def _score(sent, trigger, m: DateMention) -> float | None:
    """Cost of reading `m` as the date of `trigger` (None: it cannot be)."""
    if m.kind == "reference" or not _in_sentence(sent, m):
        return None
    doc = sent.doc
    root = _mention_root(doc, m)
    if root is None:
        return None
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is not None and span.start <= trigger.i < span.end:
        return 0.0  # the trigger is part of the expression ("the Korean War")
    # 0. an interval running past publication does not date a completed (past-tense) event:
    #    "declared a no-sail zone from January 25 to March 29" dates the zone, not the declaring
    if (m.published is not None and m.span.end is not None and m.span.end > m.published
            and m.kind != "since" and not m.future and _is_past_tense(trigger)):
        return None
    d_side, lca, t_side = _path(root, trigger)
    if lca is None:
        return None
    in_span = {t.i for t in span} if span is not None else set()
    # 1. a date that hangs on a reporting verb/noun dates the source speaking, not the incident
    for tok in d_side + ([lca] if lca.i != trigger.i else []):
        if tok.i in in_span:
            continue
        if _is_reporting(tok):
            return None
    # 1b. the act's noun found out on a date: "the desertion was discovered the next morning"
    if trigger.pos_ == "NOUN" and lca.i != trigger.i and lca.lemma_.lower() in _discovery_words():
        return None
    cost = float(len(d_side) + len(t_side))
    # 2. a date inside a subordinate finite clause dates that clause's event, not the trigger
    for tok in d_side:
        if tok.dep_ in _FINITE_CLAUSE_DEPS and tok.i not in in_span:
            if _is_finite_clause(tok):
                return None
            cost += 1
        elif tok.dep_ == "conj":
            cost += 2
    # 3. a trigger inside a subordinate clause of the date's clause: "after ..." / "that ..." clauses
    #    describe another time; participial clauses ("..., leading to explosions") share it
    for tok in t_side:
        if tok.dep_ in _FINITE_CLAUSE_DEPS:
            if _is_finite_clause(tok):
                mark = _clause_mark(tok)
                if mark in _SIMULTANEOUS_MARKS:
                    cost += 2
                else:
                    return None
            else:
                cost += 1
        elif tok.dep_ == "conj":
            cost += 2
    return cost


def governing_date(sent, trigger, mentions: list[DateMention]) -> DateMention | None:
    """The date expression that governs `trigger` in `sent`, by the dependency path between them.

    Not the first date in the sentence, and never a date that hangs on a reporting verb or
    noun ("told Daily NK on Tuesday that ... deserted": Tuesday dates the conversation).
    `mentions` carry offsets into sent.doc.text. Returns None when no mention qualifies."""
    if hasattr(trigger, "root") and not hasattr(trigger, "head"):
        trigger = trigger.root
    best: tuple[float, int, int, DateMention] | None = None
    for m in mentions:
        cost = _score(sent, trigger, m)
        if cost is None:
            continue
        prec = m.span.precision or 9
        key = (cost, prec, abs(m.start - trigger.idx), m)
        if best is None or key[:3] < best[:3]:
            best = key
    return best[3] if best else None


def reporting_date(sent, mentions: list[DateMention]) -> DateMention | None:
    """The date a source spoke ("speaking by phone with RFA on Tuesday", "told RFA on
    Monday"): the first mention in `sent` that hangs on a reporting verb or noun."""
    doc = sent.doc
    for m in sorted(mentions, key=lambda x: x.start):
        if m.kind == "reference" or not _in_sentence(sent, m):
            continue
        root = _mention_root(doc, m)
        if root is None:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        in_span = {t.i for t in span} if span is not None else set()
        for tok in _ancestors_chain(root)[1:]:
            if tok.i in in_span:
                continue
            if _is_reporting(tok):
                return m
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
                break  # the first verb up the tree is not a reporting verb
    return None


# ---------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _dateline_rx() -> re.Pattern:
    p = _p()
    return re.compile(
        r"^[\s\u00a0\ufeff]*(?P<place>[A-Z][A-Za-z\u00C0-\u017F'’.\- ]{1,40}?(?:,\s*[A-Z][A-Za-z'’.\- ]{1,30}?)?)\s*,\s*"
        rf"(?:(?P<wd>{p.W})\s*,?\s*)?(?P<mon>{p.M})\s+(?P<day>[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
        r"(?:\s*,\s*(?P<yr>(?:1[89]|20)\d\d|Juche\s*\d{1,3}(?:\s*\(\s*\d{4}\s*\))?))?"
        r"\s*(?:\((?P<agency>[^)\n]{1,40})\))?\s*(?P<dash>--|—|–|-|:)?",
        re.M,
    )


def dateline_match(text: str) -> re.Match | None:
    rx = _dateline_rx()
    head = text[:400]
    for line_start in [0] + [m.end() for m in re.finditer(r"\n", head)][:3]:
        m = rx.match(head, line_start)
        if m and (m.group("agency") or m.group("dash")):
            return m
    return None


def dateline(text: str, hint: date | None = None) -> date | None:
    """Publication date from a dateline ("Pyongyang, September 7 (KCNA) --", "SEOUL, Nov. 3 (Yonhap) --").

    The year comes from the dateline itself, else from `hint` (the feed or file date: its year,
    or the neighbouring year when the two dates straddle a new year), else from the text (anniversaries, recent full
    dates), else None. Never today's date."""
    m = dateline_match(text)
    if m is None:
        return None
    mo = _month_num(m.group("mon"))
    d = int(m.group("day"))
    if m.group("yr"):
        return _safe_date(_parse_year(m.group("yr")), mo, d)
    if hint is not None:
        # the hint's year, except across a new year: a "December 31" dateline with a
        # January 2 feed date is in the previous year (and vice versa)
        best = _safe_date(hint.year, mo, d)
        for y in (hint.year - 1, hint.year + 1):
            dt = _safe_date(y, mo, d)
            if dt and abs((dt - hint).days) <= 62 and (best is None or abs((dt - hint).days) < abs((best - hint).days)):
                best = dt
        return best
    y = _year_from_text(text[m.end():], mo, d)
    return _safe_date(y, mo, d) if y else None


_WORD_ORD = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
_WORD_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90}


def _ordinal_value(s: str) -> int | None:
    s = s.lower().strip()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", s)
    if m:
        return int(m.group(1))
    if s in _WORD_ORD:
        return _WORD_ORD[s]
    m = re.fullmatch(r"(\w+)-(\w+)", s)
    if m and m.group(1) in _WORD_TENS and m.group(2) in _WORD_ORD and _WORD_ORD[m.group(2)] < 10:
        return _WORD_TENS[m.group(1)] + _WORD_ORD[m.group(2)]
    return None


@lru_cache(maxsize=1)
def _anniv_rx() -> re.Pattern:
    keys = _lex()["anniversaries"]
    # KCNA glues bolded names to neighbours ("PresidentKim Il Sung"): allow missing spaces
    alts = "|".join(
        re.sub(r"\\ ", r"\\s*", re.escape(k))
        for k in sorted(keys, key=len, reverse=True)
    )
    return re.compile(
        r"(?P<n>\d{1,3}(?:st|nd|rd|th)|[A-Za-z]+(?:-[a-z]+)?)\s+(?:founding\s+|birth\s+)?anniversary\s+of\s+(?:the\s+)?(?P<what>"
        + alts + r")",  # no word boundary: KCNA glues names to the next word ("Kim Il Sungwas")
        re.I,
    )


def _anniv_base(what: str) -> int | None:
    keys = _lex()["anniversaries"]
    norm = re.sub(r"\s+", "", what).lower()
    for k, v in keys.items():
        if re.sub(r"\s+", "", k).lower() == norm:
            return v
    return None


_NEW_YEAR_RX = re.compile(r"(?i:\bnew\s+year\s+(?:of\s+)?)(?:(20\d\d|19\d\d)|Juche\s*(\d{1,3}))\b")
_FORWARD_ANNIV = re.compile(r"(?i:\b(?:for|toward|towards|greet|greeting|approaching|upcoming|coming)\s+(?:the\s+)?)$")


def _year_from_text(text: str, mo: int, d: int) -> int | None:
    """The publication year of a dateline "Month D" from the story text alone, or None.

    Evidence, strongest first: (1) an anniversary of a known founding date ("the 76th founding
    anniversary of the DPRK" -> 1948 + 76); (2) a full date (day or month with its year, or a
    Juche year) in the 120 days before the dateline date. Historical dates on the dateline's own
    month and day are anniversaries, not evidence."""
    votes: dict[int, float] = {}
    for m in _anniv_rx().finditer(text):
        if _FORWARD_ANNIV.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "for the 70th anniversary of ..." looks ahead
        if re.match(r"\s*['’]s\b", text[m.end():m.end() + 4]):
            continue  # "anniversary of Kim Jong Il's start of ..." is not his birth
        n = _ordinal_value(m.group("n"))
        base = _anniv_base(m.group("what"))
        if base and base < 0:  # a person: only a birth anniversary counts
            if "birth" not in m.group(0).lower():
                continue
            base = -base
        if n and base:
            votes[base + n] = votes.get(base + n, 0) + 2.0
    for m in _NEW_YEAR_RX.finditer(text):
        y = int(m.group(1)) if m.group(1) else _juche(int(m.group(2)))
        if mo <= 3:  # "the New Year 2024" is news in January-March
            votes[y] = votes.get(y, 0) + 2.0
    floor = 0  # the story cannot be older than the latest past date it gives with a year
    for mention in find_dates(text, None):
        sp = mention.span
        if not mention.explicit_year or sp.start is None or sp.end is None or mention.future:
            continue
        if mention.kind in ("decade", "period"):
            continue
        if mention.kind != "year":
            floor = max(floor, sp.start.year)
        if mention.kind == "year" or (sp.end - sp.start).days > 31:
            continue
        if (sp.start.month, sp.start.day) == (mo, d) and sp.start == sp.end:
            continue  # "On August 24, 1945, ..." in an August 24 story is an anniversary
        # Reports give the year of a recent date only when it lies in the previous year
        # ("on December 26, 2023" in a January 12 story); a full date of the dateline's own
        # year close to it ("July 27, 1953" in a July 28 story) is history, not evidence.
        y = sp.end.year + 1
        dl = _safe_date(y, mo, d)
        if dl is not None and 1 <= (dl - sp.end).days <= 62:
            votes[y] = votes.get(y, 0) + 1.0
    votes = {y: v for y, v in votes.items() if y >= floor}
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
