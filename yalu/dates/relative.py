"""Rules for dates counted from the publication date ("on Tuesday", "last week", "three days
ago", "recently", "on the 18th", "last winter") or from another date in the text ("the next
day", "two days later", "at 4 a.m."). rules.py has the dates named on the calendar."""

from __future__ import annotations

import re

from .lexicon import alt, ci, lexicon, part_name, words
from .registry import Reading, Registry, Rule
from .resolution import (
    Ago,
    BeforeLast,
    Counted,
    DayOffset,
    OrdinalDay,
    PastWindow,
    RelativeUnit,
    Season,
    Weekday,
    Window,
)

RELATIVE_DATES: Registry[Rule] = Registry(Rule)
rule = RELATIVE_DATES.register


@rule("date.weekday", examples=("Tuesday", "last Tuesday", "this coming Monday", "Tuesday night", "[Sat.] (Nov. 3)"),
      pattern=lambda x: rf"(?:(?P<rel>{ci(x.PICK)})\s+)?(?P<wd>{x.WEEKDAY})(?:\s+(?P<tod>{ci(x.TIME_OF_WEEKDAY)}))?")
def weekday(m: re.Match[str]) -> Reading | None:
    lx = lexicon()
    return Reading("weekday", Weekday(lx.weekday_number(m["wd"]), lx.pick(words(m["rel"]))))


# -- counted from another date in the text: "the next day", "two days later", "that night"
#    ("three days after the arrest" is left alone: it counts from a named event)


@rule("date.anaphor", examples=("two days later", "a week earlier", "the next day", "the following week",
                                "[the day before].", "that night", "the same day"),
      pattern=lambda x: ci(
          rf"(?:(?P<n>{x.COUNT})\s+(?P<unit>days?|weeks?)\s+"
          r"(?P<dir>later|earlier|afterwards?|(?:after|before)(?=\s*[,.;:)]|\s*$))"
          rf"|the\s+(?P<rel>next|following|previous)\s+(?P<unit2>day|{x.TIME_OF_DAY}|week)"
          r"|the\s+(?:day|night)\s+(?P<dir2>after|before)(?=\s*[,.;:)])"
          rf"|(?:that|the\s+same)\s+(?P<same>day|{x.TIME_OF_DAY}))\b"))
def anaphor(m: re.Match[str]) -> Reading | None:
    if m["same"]:
        days, unit = 0, "day"
    elif m["rel"]:
        unit = "week" if m["unit2"].lower() == "week" else "day"
        days = (-1 if m["rel"].lower() == "previous" else 1) * (7 if unit == "week" else 1)
    elif m["dir2"]:
        days, unit = (1 if m["dir2"].lower() == "after" else -1), "day"
    else:
        low, high = lexicon().count(m["n"])
        if low != high:
            return None  # "a few days later": no day to count to
        unit = m["unit"].lower().rstrip("s")
        days = low * (7 if unit == "week" else 1) * (-1 if m["dir"].lower() in ("earlier", "before") else 1)
    # "the following week" is the calendar week, not "a week later"; only "the previous day"
    # has a date when there is nothing to count from (the day before publication, wire style)
    counted = Counted(days, unit, calendar_week=bool(m["rel"]) and unit == "week",
                      fallback=days == -1 and bool(m["rel"]))
    return Reading("anaphor", counted)


@rule("date.same_month_day", examples=("the 14th of the same month", "on the 3rd of that month"),
      pattern=lambda x: ci(r"(?:on\s+)?the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+of\s+(?:the\s+same|that)\s+month\b"))
def same_month_day(m: re.Match[str]) -> Reading | None:
    """A day of the month last told, as translated Korean copy counts ("같은 달 14일"): "occupied
    the plant on Jan. 11 ... until the 14th of the same month"."""
    return Reading("anaphor", Counted(0, "day", day_of_month=int(m["d"])))


@rule("date.clock", examples=("at around 4 a.m.", "at 11:10 p.m.", "10am"),
      pattern=lambda x: ci(r"\b(?:at\s+)?(?:(?:around|about|approximately|roughly)\s+)?(?:[01]?\d)(?::[0-5]\d)?"
                           r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"))
def clock(m: re.Match[str]) -> Reading | None:
    """A clock time is on the day last told: "walked across the MDL at around 4 a.m."."""
    return Reading("anaphor", Counted(0, "day", clock=True))


# -- counted from publication


@rule("date.before_last", examples=("the year before last", "the month before last"),
      pattern=lambda x: ci(r"the\s+(?P<unit>year|month)\s+before\s+last\b"))
def before_last(m: re.Match[str]) -> Reading | None:
    return Reading("relative", BeforeLast(m["unit"].lower()))


@rule("date.day_word", examples=("yesterday", "the day before yesterday", "last night", "this morning",
                                 "tomorrow evening"),
      pattern=lambda x: ci(rf"(?P<w>{alt(x.day_words, spaces=True)})(?:\s+(?:{x.TIME_OF_DAY}))?\b"))
def day_word(m: re.Match[str]) -> Reading | None:
    return Reading("relative", DayOffset(lexicon().day_words[words(m["w"])]))


@rule("date.relative_unit", examples=("last week", "earlier this month", "late last month", "the end of last year",
                                      "this year", "the weekend", "the first half of next year"),
      pattern=lambda x: ci(
          rf"(?:(?P<part>{x.RELATIVE_PART}|{x.PART_OF})[\s-]+)?"
          rf"(?P<rel>{alt(x.unit_offsets, spaces=True)})\s+(?P<unit>weekend|week|month|year)\b"))
def relative_unit(m: re.Match[str]) -> Reading | None:
    part, rel, unit = part_name(m["part"]), words(m["rel"]), m["unit"].lower()
    if rel == "the" and part is None and unit != "weekend":
        return None  # "the week", "the year" alone are not dates
    return Reading("relative", RelativeUnit(unit, lexicon().unit_offsets[rel], part))


@rule("date.ago", examples=("three days ago", "a few weeks ago", "2 years ago"),
      pattern=lambda x: rf"(?P<n>{x.COUNT})\s+(?P<unit>{ci('days?|weeks?|months?|years?')})\s+{ci('ago')}\b")
def ago(m: re.Match[str]) -> Reading | None:
    """Only "ago": "three days earlier" counts from another date (date.anaphor)."""
    low, high = lexicon().count(m["n"])
    return Reading("relative", Ago(low, high, m["unit"].lower().rstrip("s")))


@rule("date.past_window", examples=("in the past two weeks", "over the last few days", "for the past week"),
      pattern=lambda x: ci(rf"(?:(?:in|over|during|for|within)\s+)?the\s+(?:past|last|previous)\s+"
                           rf"(?:(?P<n>{x.COUNT})\s+)?(?P<unit>days?|weeks?|months?|years?)\b"))
def past_window(m: re.Match[str]) -> Reading | None:
    _, high = lexicon().count(m["n"]) if m["n"] else (1, 1)
    return Reading("relative", PastWindow(high, m["unit"].lower().rstrip("s")))


@rule("date.ordinal_day", examples=("on the 18th", "the 18th of this month", "the night of the 3rd", "[the 30th] and"),
      pattern=lambda x: ci(
          rf"(?:(?:on|from|since|until|by|till)\s+)?(?:the\s+(?:{x.TIME_OF_DAY})\s+of\s+)?"
          r"the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?:\s+of\s+(?P<rel>this|last|the)\s+month)?"
          r"(?=\s*[,.;:)]|\s*$|\s+(?:and|or|to|through|until|till|in|at|when|while|after|before|during"
          r"|of\s+(?:this|last|the)\s+month)\b)"))
def ordinal_day(m: re.Match[str]) -> Reading | None:
    return Reading("relative", OrdinalDay(int(m["d"]), (m["rel"] or "").lower()))


@rule("date.season", examples=("last winter", "this spring", "the spring of 2019", "summer 2020", "this fall",
                               "in the summer"),
      pattern=lambda x: ci(
          rf"(?:(?P<rel>{alt((w for ws in x.season_words.values() for w in ws), spaces=True)})\s+)?"
          rf"(?P<s>{alt(x.seasons)})\b(?:\s+(?:of\s+)?(?P<yr>{x.YEARISH}|{x.PAST_YEAR_WORDS}))?"))
def season(m: re.Match[str]) -> Reading | None:
    sw = lexicon().season_words
    name, rel, year_text = m["s"].lower(), words(m["rel"]), m["yr"]
    if name == "fall" and not (rel in sw["before"] + sw["after"] + sw["fall"] or year_text):
        return None  # "the fall of ..." is not a season
    if not rel and not year_text:
        return None  # a bare "summer" is too often not a date
    year = lexicon().year(year_text)
    pick = "before" if rel in sw["before"] else "after" if rel in sw["after"] else ""
    value = Season(name, pick, year, year_text if year_text and year is None else None)
    return Reading("season", value, explicit_year=year is not None)


@rule("date.vague", examples=("recently", "in recent weeks", "these days", "not long ago"),
      pattern=lambda x: ci(rf"\b(?:{alt(x.vague)})\b"))
def vague(m: re.Match[str]) -> Reading | None:
    entry = lexicon().vague.get(words(m.group(0)))
    if entry is None:
        return None
    before_start, before_end = entry["window"]
    return Reading("vague", Window(before_start, before_end, entry["precision"]))
