"""Resolution: an underspecified value a rule recognised ("Tuesday", "early November", "three
days ago") made an interval against the publication date.

Rules (rules.py, relative.py) read the words; the values here hold what the words say and
nothing of the publication date, and `Value.resolve(published, future, year)` places them:
the year a month without one falls in, the Tuesday meant, the cut of a past interval at
publication. `year` is a year another expression gives ("from June 30 to July 3, 2020": the
start takes the end's year). Without a publication date whatever needs one is unknown
(precision 0): today's date is never used.
"""

from __future__ import annotations

import calendar
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date, timedelta

from yalu.model import TimeSpan

from .lexicon import lexicon

UNKNOWN = TimeSpan(precision=0)


# ---------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    """The date, or None where the text names none ("February 30", "the 31st" of a short month)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def off_calendar(error: Exception) -> bool:
    """Date arithmetic that left the calendar (before year 1 or after 9999): "the next day"
    after December 31, 9999 is no date, and the expression is dropped, not the text."""
    return isinstance(error, OverflowError) or "out of range" in str(error)


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


def span(start: date | None, end: date | None, precision: int | None = None) -> TimeSpan:
    if precision is None:
        precision = precision_for(start, end)
    return TimeSpan(start=start, end=end, precision=precision)


def day_run(first: date, last: date, window: bool = False) -> TimeSpan:
    """A run of days whose ends the text tells to the day ("June 21-25", "from March 3 to
    March 9", "2일부터 8일까지"): the dates are known to the day, so the run is coded at day
    precision (1), as analysts code an event of stated days (ACLED, UCDP's "exact dates
    known"), not by its width: "Kim's visit (Jan. 7-10)" is four known days, not a week.
    Not a window the act fell in ("between June 21 and 25", "17~20일 사이"), nor a period
    longer than a month ("a no-sail zone from January 25 to March 29": the backdrop acts
    fall in, not days an analyst codes one by one): as wide as they are."""
    return span(first, last) if window or precision_for(first, last) > 3 else TimeSpan(first, last, 1)


def day(d: date) -> TimeSpan:
    return TimeSpan(d, d, 1)


def whole_year(y: int) -> TimeSpan:
    return TimeSpan(date(y, 1, 1), date(y, 12, 31), 4)


def cap(found: TimeSpan, pub: date | None, future: bool, *, keep_precision: bool = False) -> TimeSpan:
    """Cut a past interval that runs past publication at the publication date."""
    if future or pub is None or found.start is None or found.end is None:
        return found
    if found.start <= pub < found.end:
        prec = found.precision if keep_precision else min(found.precision, precision_for(found.start, pub))
        return TimeSpan(found.start, pub, prec, found.expression)
    return found


def month_part(y: int, m: int, part: tuple[int, int]) -> TimeSpan:
    """Days part[0]..part[1] of a month (0 as last day: the month's last)."""
    a, b = part
    last = calendar.monthrange(y, m)[1]
    b = last if b == 0 else min(b, last)
    return span(date(y, m, a), date(y, m, b))


def year_part(y: int, part: tuple[int, int]) -> TimeSpan:
    a, b = part
    return span(date(y, a, 1), month_end(y, b), 4)


def week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def news_week(pub: date, offset: int) -> tuple[date, date]:
    """The week `offset` weeks from publication's, in either convention: US copy counts a
    week from Sunday, Korean and ISO from Monday. Both weeks together (8 days at most, so
    still a week) when they overlap; else (published on a Sunday) the Monday one."""
    mon, sun = week_of(pub + timedelta(days=7 * offset))
    sunday = pub - timedelta(days=(pub.weekday() + 1) % 7) + timedelta(days=7 * offset)
    if (max(sun, sunday + timedelta(days=6)) - min(mon, sunday)).days > 7:
        return mon, sun
    return min(mon, sunday), max(sun, sunday + timedelta(days=6))


def season_of(y: int, name: str) -> tuple[date, date]:
    """Season `name` of year y (winter y = December y to February y+1)."""
    a, b = lexicon().seasons[name]
    if a > b:
        return date(y, a, 1), month_end(y + 1, b)
    return date(y, a, 1), month_end(y, b)


def shift(pub: date, unit: str, n: int) -> date:
    """pub minus n units (calendar-aware for months and years)."""
    if unit == "day":
        return pub - timedelta(days=n)
    if unit == "week":
        return pub - timedelta(days=7 * n)
    if unit == "month":
        y, m = add_months(pub.year, pub.month, -n)
        return date(y, m, min(pub.day, calendar.monthrange(y, m)[1]))
    y = pub.year - n
    return date(y, pub.month, min(pub.day, calendar.monthrange(y, pub.month)[1]))


# ---------------------------------------------------------------------------
# Year choice
# ---------------------------------------------------------------------------


def year_for_month(m: int, pub: date, future: bool) -> int:
    """A month later than the publication month is last year's; with `future`, an earlier one next year's."""
    if future:
        return pub.year if m >= pub.month else pub.year + 1
    return pub.year if m <= pub.month else pub.year - 1


def year_for_month_day(m: int, d: int, pub: date, future: bool) -> int:
    if future:
        return pub.year if (m, d) >= (pub.month, pub.day) else pub.year + 1
    # A day later in the publication month itself is kept in the current year (an upcoming
    # date, or a publication date a day off).
    return pub.year if m <= pub.month else pub.year - 1


def relative_year(words: str | None, pub: date | None) -> int | None:
    """ "last year" -> the year before publication's (None without publication)."""
    offset = lexicon().year_words.get((words or "").lower().strip())
    return None if offset is None or pub is None else pub.year + offset


# ---------------------------------------------------------------------------
# Underspecified values
# ---------------------------------------------------------------------------


class Value(ABC):
    """What an expression says, to be placed against the publication date."""

    @abstractmethod
    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan: ...


class FromPublication(Value):
    """A value counted from the publication date: unknown without one."""

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        return UNKNOWN if pub is None else self.place(pub, future)

    @abstractmethod
    def place(self, pub: date, future: bool) -> TimeSpan: ...


@dataclass(frozen=True)
class Fixed(Value):
    """A date the text gives whole ("2020-11-03", "the mid-1990s", "the Arduous March")."""

    found: TimeSpan

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        return self.found


@dataclass(frozen=True)
class DayRange(Value):
    """Days d1..d2 of a month, in `year` if the text gives it: "June 21-25"."""

    month: int
    first: int
    last: int
    year: int | None
    window: bool = False  # "between June 21 and 25": some day of it, not every day

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        y = self.year or year or (year_for_month_day(self.month, self.first, pub, future) if pub else None)
        if y is None:
            return UNKNOWN
        a, b = safe_date(y, self.month, self.first), safe_date(y, self.month, self.last)
        if a is None or b is None:
            return UNKNOWN
        return day_run(a, b, self.window)


@dataclass(frozen=True)
class MonthDay(Value):
    """ "November 3", "Tue., Nov. 3", "November 3, 2020"."""

    month: int
    day: int
    year: int | None
    weekday: int | None

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        y = self.year or year
        if y is None:
            if pub is None:
                return UNKNOWN
            y = year_for_month_day(self.month, self.day, pub, future)
            if self.weekday is not None:  # a weekday with the date picks among the plausible years
                for cand in (y, y - 1, y + 1):
                    dt = safe_date(cand, self.month, self.day)
                    if dt and dt.weekday() == self.weekday and abs((dt - pub).days) < 370:
                        y = cand
                        break
        dt = safe_date(y, self.month, self.day)
        return day(dt) if dt else UNKNOWN


@dataclass(frozen=True)
class Month(Value):
    """A month or a part of one: "early November", "March 1968", "last October", "May this year"."""

    month: int
    part: tuple[int, int]
    year: int | None
    year_words: str | None  # "this year", "last year", "next year"
    pick: str  # before | after | current | "" (relative.py: "last October")

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        y = relative_year(self.year_words, pub) if self.year_words else (self.year or year)
        if y is None:
            if pub is None:
                return UNKNOWN
            return cap(month_part(self._pick_year(pub, future), self.month, self.part), pub, future)
        found = month_part(y, self.month, self.part)
        return cap(found, pub, future) if (self.year_words and pub) else found

    def _pick_year(self, pub: date, future: bool) -> int:
        if self.pick == "before":  # "last October": the latest one before this month
            return pub.year if self.month < pub.month else pub.year - 1
        if self.pick == "after":
            return pub.year if self.month > pub.month else pub.year + 1
        if self.pick == "current":
            return pub.year
        return year_for_month(self.month, pub, future)


@dataclass(frozen=True)
class Weekday(FromPublication):
    """The last such day on or before publication ("last": strictly before); with `future`
    the next one on or after it ("next": strictly after)."""

    weekday: int
    pick: str

    def place(self, pub: date, future: bool) -> TimeSpan:
        back = (pub.weekday() - self.weekday) % 7
        ahead = (self.weekday - pub.weekday()) % 7
        if self.pick == "before":
            return day(pub - timedelta(days=back or 7))
        if self.pick == "after":
            return day(pub + timedelta(days=ahead or 7))
        return day(pub + timedelta(days=ahead)) if future else day(pub - timedelta(days=back))


@dataclass(frozen=True)
class DayOffset(FromPublication):
    """A day counted from publication: "yesterday" (-1), "tomorrow" (1)."""

    days: int

    def place(self, pub: date, future: bool) -> TimeSpan:
        return day(pub + timedelta(days=self.days))


@dataclass(frozen=True)
class BeforeLast(FromPublication):
    """ "the year before last", "the month before last"."""

    unit: str

    def place(self, pub: date, future: bool) -> TimeSpan:
        if self.unit == "year":
            return whole_year(pub.year - 2)
        y, mo = add_months(pub.year, pub.month, -2)
        return span(date(y, mo, 1), month_end(y, mo), 3)


@dataclass(frozen=True)
class RelativeUnit(FromPublication):
    """A week, weekend, month or year counted from publication's, or a part of it: "last week",
    "earlier this month", "the end of last year" (a past one is cut at publication)."""

    unit: str  # week | weekend | month | year
    offset: int  # -1 last, 0 this, 1 next
    part: str | None  # a part name ("early", "first half", "earlier") or None: the whole

    def place(self, pub: date, future: bool) -> TimeSpan:
        if self.unit == "weekend":
            mon, sun = week_of(pub + timedelta(days=7 * self.offset))
            if self.offset == 0 and not future and pub.weekday() < 5:
                mon, sun = week_of(pub - timedelta(days=7))  # "over the weekend" = the last one
            return cap(span(mon + timedelta(days=5), sun), pub, future)
        if self.unit == "week":
            return cap(self._week(pub, future), pub, future)
        if self.unit == "month":
            return cap(self._month(pub), pub, future)
        return cap(self._year(pub), pub, future, keep_precision=True)

    def _week(self, pub: date, future: bool) -> TimeSpan:
        mon, sun = week_of(pub + timedelta(days=7 * self.offset))
        if self.part in (None, "earlier") and self.offset <= 0 and not future:
            mon, sun = news_week(pub, self.offset)  # a past week in either convention
            if self.part is None:
                return span(mon, sun)
        if self.part == "earlier":
            return span(mon, min(sun, pub))
        if self.part == "later":
            return span(max(mon, pub), sun)
        a, b = lexicon().week_parts.get(self.part or "", (0, 6))
        return span(mon + timedelta(days=a), mon + timedelta(days=b))

    def _month(self, pub: date) -> TimeSpan:
        y, mo = add_months(pub.year, pub.month, self.offset)
        first, last = date(y, mo, 1), month_end(y, mo)
        if self.part == "earlier":
            return span(first, min(last, pub) if self.offset == 0 else last)
        if self.part == "later":
            return span(max(first, pub), last)
        if self.part:
            part = lexicon().month_parts.get(self.part)
            return UNKNOWN if part is None else month_part(y, mo, part)
        return span(first, last)

    def _year(self, pub: date) -> TimeSpan:
        y = pub.year + self.offset
        first, last = date(y, 1, 1), date(y, 12, 31)
        if self.part == "earlier":
            return span(first, min(last, pub) if self.offset == 0 else last, 4)
        if self.part == "later":
            return span(max(first, pub), last, 4)
        if self.part:
            part = lexicon().year_parts.get(self.part)
            return UNKNOWN if part is None else year_part(y, part)
        return whole_year(y)


@dataclass(frozen=True)
class Season(Value):
    """ "last winter", "this spring", "the summer of 2019", "the spring of this year"."""

    name: str
    pick: str  # before | after | "" (by tense, or the one under way)
    year: int | None
    year_words: str | None  # a year written in words ("this year"), read against publication

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        y = relative_year(self.year_words, pub) if self.year_words else self.year
        y = y or year
        if y is not None:
            return span(*season_of(y, self.name), 4)
        if pub is None:
            return UNKNOWN
        # cut at publication, as precise as what is left of it ("this fall" on September 21: a month)
        return cap(span(*self._around(pub, future), 4), pub, future)

    def _around(self, pub: date, future: bool) -> tuple[date, date]:
        seasons = [season_of(pub.year + k, self.name) for k in (-2, -1, 0, 1)]
        if self.pick == "before":
            return [s for s in seasons if s[1] < pub][-1]
        if self.pick == "after":
            return [s for s in seasons if s[0] > pub][0]
        for s in seasons:
            if s[0] <= pub <= s[1]:  # "this winter" while it lasts
                return s
        if future:
            return [s for s in seasons if s[1] >= pub][0]
        last = [s for s in seasons if s[0] <= pub][-1]
        if (pub - last[1]).days <= lexicon().season_reach:
            return last[0], pub  # "this summer" told in late September: to publication
        return last


@dataclass(frozen=True)
class Counted(Value):
    """A date counted from another date in the text ("two days later", "the next day", "that
    night"); combine.py finds that date. Unresolved alone, but for "the previous day", the day
    before publication (wire style). A clock time ("at 4 a.m.") counts 0 days."""

    days: int
    unit: str  # day | week
    calendar_week: bool = False  # "the following week": the calendar week, not seven days
    fallback: bool = False
    clock: bool = False
    day_of_month: int = 0  # "the 14th of the same month": that day of the anchor's month

    def resolve(self, pub: date | None, future: bool, year: int | None = None) -> TimeSpan:
        if pub is None or not self.fallback:
            return UNKNOWN
        return day(pub - timedelta(days=1))


@dataclass(frozen=True)
class Ago(FromPublication):
    """ "three days ago", "a few weeks ago": a count of units before publication."""

    low: int
    high: int
    unit: str

    def place(self, pub: date, future: bool) -> TimeSpan:
        if self.low != self.high:
            return span(shift(pub, self.unit, self.high), shift(pub, self.unit, self.low))
        n = self.low
        if self.unit == "day":
            return day(pub - timedelta(days=n))
        if self.unit == "week":  # about then: the week around it
            c = pub - timedelta(days=7 * n)
            return span(c - timedelta(days=3), c + timedelta(days=3), 2)
        if self.unit == "month":
            y, mo = add_months(pub.year, pub.month, -n)
            return span(date(y, mo, 1), month_end(y, mo), 3)
        return whole_year(pub.year - n)


@dataclass(frozen=True)
class PastWindow(FromPublication):
    """ "in the past two weeks": up to publication."""

    count: int
    unit: str

    def place(self, pub: date, future: bool) -> TimeSpan:
        return span(shift(pub, self.unit, self.count) + timedelta(days=1), pub)


@dataclass(frozen=True)
class OrdinalDay(FromPublication):
    """ "on the 18th": the publication month, or the previous month if 18 > publication day;
    "the 18th of last month" (or of next month: Korean "다음달 5일")."""

    day: int
    month_words: str  # "this", "last", "next", "the" or ""

    def place(self, pub: date, future: bool) -> TimeSpan:
        d, rel = self.day, self.month_words
        y, mo = pub.year, pub.month
        if rel in ("last", "next"):
            y, mo = add_months(y, mo, -1 if rel == "last" else 1)
        elif rel == "this":
            pass
        elif future:
            if d < pub.day:
                y, mo = add_months(y, mo, 1)
        elif d > pub.day:
            y, mo = add_months(y, mo, -1)
        dt = safe_date(y, mo, d)
        for _ in range(2):  # "on the 30th" in March: February has none, so January
            if dt is not None or rel:
                break
            y, mo = add_months(y, mo, 1 if future else -1)
            dt = safe_date(y, mo, d)
        return day(dt) if dt else UNKNOWN


@dataclass(frozen=True)
class Window(FromPublication):
    """A vague window before publication ("recently": the 30 days before it)."""

    days_before_start: int
    days_before_end: int
    precision: int

    def place(self, pub: date, future: bool) -> TimeSpan:
        return span(pub - timedelta(days=self.days_before_start), pub - timedelta(days=self.days_before_end),
                    self.precision)


# "from October 30 to November 3", "June 21-23": every day of the run; "on June 5 and 6":
# both of two days. Not "between June 6 and 15" (a window in which something happened) nor
# "on June 5 and 9" (two days, not the days between). "The night of June 5-6" is one night,
# which only the sentence around the expression tells (extract checks it).
_RUN_TO = re.compile(r"(?i)\b(?:to|through|thru|until|till)\b|\d(?:st|nd|rd|th)?\s*[-–—]\s*\d")
_WINDOW = re.compile(r"(?i)^\s*between\b")
MAX_RUN_DAYS = 8


def opens_window(expression: str) -> bool:
    """ "between June 21 and 25": a window some day of which the act fell on, not a run."""
    return bool(_WINDOW.search(expression))


def days_of(found: TimeSpan) -> list[date] | None:
    """The days of a run of days the text gives ("from October 30 to November 3"), or None
    for anything else: one day, a window ("between June 6 and 15", "last week"), a longer or
    an open period."""
    if not (found.start and found.end and found.expression and found.precision in (1, 2)):
        return None
    days = (found.end - found.start).days + 1
    expression = found.expression
    if not 2 <= days <= MAX_RUN_DAYS or opens_window(expression):
        return None
    if not (_RUN_TO.search(expression) or (days == 2 and re.search(r"(?i)\band\b", expression))):
        return None
    return [found.start + timedelta(days=k) for k in range(days)]


def in_news_cycle(span: TimeSpan | None, published: date) -> bool:
    """A day that is the publication day or the day before: the news cycle's day."""
    return (span is not None and span.precision == 1 and span.end is not None
            and 0 <= (published - span.end).days <= 1)


def news_cycle(published: date | None) -> TimeSpan:
    """A short news item with no date expression reports the previous day's or the same day's event."""
    if published is None:
        return TimeSpan(precision=0)
    return TimeSpan(max(published, date.min + timedelta(days=1)) - timedelta(days=1), published, 1, None)
