"""Rules for dates named on the calendar: numeric and written dates, days of a month, months,
years, decades, Juche years and named periods (relative.py has the dates counted from
publication or from another date). Each reads its match into a `Reading` (registry.py)."""

from __future__ import annotations

import re
from datetime import date

from .lexicon import ci, lexicon, part_name, words
from .registry import Reading, Registry, Rule
from .resolution import DayRange, Fixed, Month, MonthDay, day, opens_window, safe_date, span, whole_year, year_part

NAMED_DATES: Registry[Rule] = Registry(Rule)
rule = NAMED_DATES.register


def _day_number(s: str) -> int:
    return int(re.sub(r"\D", "", s))


# -- numeric dates


@rule("date.iso", examples=("2020-11-03", "2019.7.15"),
      pattern=lambda x: rf"\b(?P<y>{x.YEAR})[-./](?P<m>0?[1-9]|1[0-2])[-./](?P<d>[12]\d|3[01]|0?[1-9])(?!\d)")
def iso(m: re.Match[str]) -> Reading | None:
    return _numeric(m)


@rule("date.numeric_mdy", examples=("11/3/2020", "9/2/99"),
      pattern=lambda x: rf"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>{x.YEAR}|\d\d)(?![\d/])")
def numeric_mdy(m: re.Match[str]) -> Reading | None:
    return _numeric(m)


@rule("date.numeric_dmy", examples=("13/02/2020", "25/6/50"),  # a day past 12 tells it is not m/d/y
      pattern=lambda x: rf"\b(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>{x.YEAR}|\d\d)(?![\d/])")
def numeric_dmy(m: re.Match[str]) -> Reading | None:
    return _numeric(m)


def _numeric(m: re.Match[str]) -> Reading | None:
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    dt = safe_date(y, int(m["m"]), int(m["d"]))
    return None if dt is None else Reading("absolute", Fixed(day(dt)), explicit_year=True)


# -- days of one month: "June 21-25", "between June 21 and 25", "21-25 June 2020"


@rule("date.month_day_range", examples=("June 21-25", "between June 21 and 25", "from Oct. 3 to 5, 2019"),
      pattern=lambda x: (
          rf"(?:{ci(x.RANGE_OPEN)}\s+)?(?P<mon>{x.MONTH})\s+(?P<d1>{x.DAY})\s*"
          rf"(?:-|–|—|{ci('to|through|till|until|and')})\s*(?P<d2>{x.DAY})"
          rf"(?!\s*(?:{x.MONTH}|,\s*\d{{4}}\s*(?:-|–|to)))(?:\s*,?\s*(?P<yr>{x.YEARISH}))?"))
def month_day_range(m: re.Match[str]) -> Reading | None:
    return _day_range(m)


@rule("date.day_month_range", examples=("21-25 June 2020", "from the 3rd to the 5th of March"),
      pattern=lambda x: (
          rf"(?:{ci(x.RANGE_OPEN)}\s+)?(?:the\s+)?(?P<d1>{x.DAY})\s*(?:-|–|—|{ci('to|through|and')})\s*"
          rf"(?:the\s+)?(?P<d2>{x.DAY})\s+(?:of\s+)?(?P<mon>{x.MONTH})(?:\s*,?\s*(?P<yr>{x.YEARISH}))?"))
def day_month_range(m: re.Match[str]) -> Reading | None:
    return _day_range(m)


def _day_range(m: re.Match[str]) -> Reading | None:
    first, last = _day_number(m["d1"]), _day_number(m["d2"])
    if last <= first:
        return None
    year = lexicon().year(m["yr"])
    return Reading("range", DayRange(lexicon().month_number(m["mon"]), first, last, year, opens_window(m.group(0))),
                   explicit_year=year is not None)


# -- full dates: "November 3, 2020", "Nov. 3", "Sun., Nov. 3", "Jan 1, Juche 113 (2024)", "3 November 2020"


@rule("date.month_day", examples=("November 3, 2020", "Nov. 3", "Sun., Nov. 3", "Jan 1, Juche 113 (2024)",
                                  "September 9 (Monday)"),
      pattern=lambda x: (
          rf"(?:(?P<wd>{x.WEEKDAY})\s*,?\s*)?(?P<mon>{x.MONTH})\s+(?P<day>{x.DAY})"
          rf"(?:\s*,?\s*(?P<yr>{x.YEARISH}))?(?:\s*\(\s*(?P<wd2>{x.WEEKDAY})\s*\))?"))
def month_day(m: re.Match[str]) -> Reading | None:
    return _month_day(m, m["wd"] or m["wd2"])


@rule("date.day_month", examples=("3 November 2020", "the 3rd of November", "Tuesday, 24 Nov."),
      pattern=lambda x: (
          rf"(?:(?P<wd>{x.WEEKDAY})\s*,?\s*)?(?:the\s+)?(?P<day>{x.DAY})\s+(?:of\s+)?(?P<mon>{x.MONTH})"
          rf"(?:\s*,?\s*(?P<yr>{x.YEARISH}))?"))
def day_month(m: re.Match[str]) -> Reading | None:
    return _month_day(m, m["wd"])


def _month_day(m: re.Match[str], weekday: str | None) -> Reading:
    lx = lexicon()
    month = lx.month_number(m["mon"])
    year = lx.year(m["yr"])
    value = MonthDay(month, _day_number(m["day"]), year, lx.weekday_number(weekday) if weekday else None)
    kind = "juche" if "Juche" in (m["yr"] or "") else "absolute"
    return Reading(kind, value, explicit_year=year is not None, month=month)


# -- months: "early November", "the first half of March", "in March 1968", "May Juche 106 (2017)",
#    "November of last year", "last October", "mid-to-late March"


@rule("date.month", examples=("early November", "the first half of March", "March 1968", "May Juche 106 (2017)",
                              "November of last year", "last October", "mid-to-late Sept.", "in [May]"),
      pattern=lambda x: (
          rf"(?:(?P<part>{x.PART}|{x.BARE_PARTS})[\s-]+)?(?:(?P<mrel>{ci(x.PICK)})\s+)?"
          rf"(?P<mon>{x.MONTH_ALONE})(?!\s*\d{{1,2}}(?!\d))"
          rf"(?:\s*,?\s*(?:of\s+)?(?P<yr>{x.YEARISH}|{ci(x.YEAR_WORDS)}))?"))
def month(m: re.Match[str]) -> Reading | None:
    lx = lexicon()
    if m["mon"] == "May" and not (m["part"] or m["yr"] or m["mrel"]) \
            and not lx.may_after.search(m.string[max(0, m.start() - 20):m.start()]):
        return None  # "May" alone is a month only after a date word: "in May", "since May"
    part = part_name(m["part"])
    days = lx.part_range(lx.month_parts, part) if part else (1, 0)
    if days is None:
        return None
    year_text = m["yr"]
    relative_year = bool(year_text) and year_text.lower().strip() in lx.year_words
    pick = words(m["mrel"])
    if pick and year_text:
        return None
    year = lx.year(year_text)
    number = lx.month_number(m["mon"])
    value = Month(number, days, year, year_text if relative_year else None, lx.pick(pick))
    kind = "juche" if year_text and "Juche" in year_text else ("relative" if (relative_year or pick) else "absolute")
    return Reading(kind, value, explicit_year=year is not None, month=number)


# -- years and their parts: "2019", "Juche 113", "mid-2019", "the first half of 2019", "the mid-1990s"


@rule("date.decade", examples=("the 1990s", "the mid-1990s", "early 2000s"),
      pattern=lambda x: rf"(?:{ci('the')}\s+)?(?:(?P<part>{ci(x.DECADE_PART)})[\s-]+)?(?P<dec>1[89]\d0|20\d0)'?s\b")
def decade(m: re.Match[str]) -> Reading | None:
    return _decade(int(m["dec"]), m["part"])


@rule("date.short_decade", examples=("the '90s", "the late 80s"),
      pattern=lambda x: rf"{ci('the')}\s+(?:(?P<part>{ci(x.DECADE_PART)})[\s-]+)?['’]?(?P<dec>[3-9]0)'?s\b")
def short_decade(m: re.Match[str]) -> Reading | None:
    return _decade(1900 + int(m["dec"]), m["part"])


def _decade(first_year: int, part: str | None) -> Reading:
    a, b = lexicon().decade_parts.get(part_name(part) or "", (0, 9))
    return Reading("decade", Fixed(span(date(first_year + a, 1, 1), date(first_year + b, 12, 31), 4)),
                   explicit_year=True)


@rule("date.year_part", examples=("mid-2019", "early 2020", "the first half of 2019", "late Juche 108"),
      pattern=lambda x: rf"(?P<part>{x.PART}|{x.BARE_PARTS})[\s-]+(?P<yr>{x.YEARISH})")
def year_part_rule(m: re.Match[str]) -> Reading | None:
    lx = lexicon()
    year = lx.year(m["yr"])
    months = lx.part_range(lx.year_parts, part_name(m["part"]) or "")
    if year is None or months is None:
        return None
    return Reading("absolute", Fixed(year_part(year, months)), explicit_year=True)


@rule("date.year", examples=("2019", "Juche 113", "Juche 113 (2024)", "in [1983]"),
      pattern=lambda x: rf"(?P<yr>{x.JUCHE_YEAR}|{x.YEAR})")
def year(m: re.Match[str]) -> Reading | None:
    year = lexicon().year(m["yr"])
    if year is None or not _reads_as_year(m):
        return None
    return Reading("juche" if "Juche" in m["yr"] else "year", Fixed(whole_year(year)), explicit_year=True)


def _reads_as_year(m: re.Match[str]) -> bool:
    """A bare 4-digit number is a year unless it reads as money, a count or an identifier."""
    if "Juche" in m.group(0):
        return True
    lx = lexicon()
    before = m.string[max(0, m.start() - 12):m.start()]
    after = m.string[m.end():m.end() + 16]
    if re.search(r"[\d,.]$", before) or re.match(r"^[,.]?\d", after):
        return False
    if lx.not_year_before.search(before) or lx.not_year_after.match(after):
        return False
    if re.match(r"^\s*[-–/]\s*\d", after) and not re.match(r"^\s*[-–]\s*(?:1[89]|20)\d\d\b", after):
        return False
    # "the 1988 Seoul Olympics", "the 2018 Singapore summit": a name, not a date
    return not (re.search(r"\bthe\s+$", before, re.I) and re.match(r"^\s+[A-Z]", after))


# -- named periods: "the Arduous March"


@rule("date.period", examples=("the Arduous March", "the Korean War", "the great famine"),
      pattern=lambda x: rf"(?:{ci('the')}\s+)?(?:{ci('great')}\s+)?(?P<name>{x.PERIOD})")
def period(m: re.Match[str]) -> Reading | None:
    a, b = lexicon().periods[m["name"]]
    return Reading("period", Fixed(span(date.fromisoformat(a), date.fromisoformat(b), 4)), explicit_year=True)
