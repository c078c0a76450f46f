"""The date stage: find date expressions in a report and resolve them to intervals.

Reports date events relative to an unstated publication date ("on Tuesday", "in early
November", "since October", "recently", "on the 18th", Juche years in state media). This
stage turns every such expression into a `TimeSpan` (start, end, precision, expression)
with an honest precision code (ontology.md: 1 day, 2 week, 3 month, 4 year or longer /
ongoing, 0 unknown), and picks the expression that governs an incident's trigger.

Stages, in flow order (each a module):

- lexicon.py     the vocabulary of yalu/data/dates.toml and the regex pieces built from it
- rules.py, relative.py  the recognition rules, one registered function per rule id
                 ("date.weekday", "date.month", ...) with its pattern and examples (registry.py)
- resolution.py  the values the rules read, placed against the publication date
- combine.py     ranges, since / until, apposition, dates counted from another date
- attach.py      the mention that dates a trigger, or a source speaking (spaCy parse); an
                 act after a recent dated one runs from it to publication (date.after_clause), one
                 in the perfect since a dated one from its date (date.since_clause), one
                 told in the after-clause of a dated one just before it (date.before_main_clause)
- dateline.py    datelines and the year of one that gives none

Public interface (used by the extractor):

- `find_dates(text, published, future=False)` -> list[DateMention], offsets into `text`; each
  names the `rule` that made it
- `resolve(expression, published, future=False)` -> TimeSpan
- `dateline(text, hint=None)`      -> publication date from "Pyongyang, September 7 (KCNA) --"
- `dateline_match(text)`           -> the dateline's match, or None
- `coded_as_start(span, published)` -> an ongoing "since X" span coded as precisely as X
- `coded_by_width(span)`           -> a window of two months at most coded month (3), not year (4)
- `opens_since(expression)`        -> the match of the "since" words an expression opens with, or None
- `days_of(span)`                  -> the days of a run of days ("from October 30 to November 3")
- `governing_date(sent, trigger, mentions)` -> the mention that dates the trigger, or None
                                     (a past one of an act in the present progressive:
                                     since it, date.ongoing_since)
- `after_clause_date(sent, trigger, mentions)` -> for an act no date governs: from a recent
                                     act it is told after, or one it is told since (in the
                                     perfect), to publication, or None
- `reporting_date(sent, mentions)` -> the mention that dates a source speaking, or None
- `relayed_report(sent)`           -> whether an unnamed report speaks ("a report said yesterday")
- `told_after(trigger)`            -> whether the act is told in an after-clause (before the act it hangs on)
- `lasting(lemma)`                 -> a condition that lasts (drought, famine), never a day's event
- `fire(lemma)`, `put_out(sentence)` -> a fire's trigger, and a sentence that tells it put out (date.put_out)
- `put_out_days()`                 -> how many days after it broke out a fire's end may come
- `news_type(event_type)`          -> an act that is the news of the day it is told (a statement)
- `gathering(lemma)`               -> a noun of a gathering held on a day ("the rally")
- `page_date(text, mention)`       -> whether it dates the page (a dateline, a page stamp, a date line)
- `thing_date(text, mention)`      -> whether it is the day a picture or a paper was made ("Images from March 31")
- `news_cycle(published)`          -> [published - 1 day, published], precision 1
- `in_news_cycle(span, published)` -> whether a day is the publication day or the day before

Rules that are choices (documented here and in yalu/data/dates.toml):

- Without a publication date, anything that needs one (weekdays, "last month", a month or
  day without a year, "recently") resolves to TimeSpan(precision=0, expression kept).
  Today's date is never used.
- A month without a year later than the publication month is in the previous year; the
  publication month itself is the current year. With future=True, a month earlier than the
  publication month is in the next year.
- Weekdays: the last such day on or before publication ("last Tuesday": strictly before);
  with future=True the next one on or after publication ("next Tuesday": strictly after).
- A past week ("last week", "this week") is both conventions' week, Sunday's (US copy) and
  Monday's (Korean, ISO), 8 days at most; a coming week and parts of weeks count from Monday.
- Two calendar days next to each other joined by "and" ("on Dec. 5 and Dec. 6") are one run
  of known days (date.day_pair); days further apart are two, and weekdays stay apart.
- "on the 18th": the publication month, or the previous month if 18 > publication day.
- early / mid / late <month> = days 1-10 / 11-20 / 21-end. A 10-11 day window is wider than
  a week, so the code is 3 (month). In general the precision of an interval follows from
  its width: 1 day -> 1, <= 8 days -> 2, <= 31 days -> 3, longer -> 4; vague expressions
  ("recently", 30 days before publication) and "since X" (ongoing) are 4; a record
  going on since X is coded as precisely as X (`coded_as_start`).
- Past-tense intervals that run past publication ("this month", "this year", "in November"
  published on November 26) are cut at the publication date, unless future=True, and are
  as precise as what is left of them: "this fall" published on September 21 is a month (3).
"""

from __future__ import annotations

from .attach import (
    after_clause_date,
    governing_date,
    page_date,
    relayed_report,
    reporting_date,
    thing_date,
    told_after,
)
from .combine import COMBINERS, RULES, DateMention, coded_as_start, coded_by_width, find_dates, opens_since, resolve
from .dateline import dateline, dateline_match
from .lexicon import fire, gathering, lasting, news_type, put_out, put_out_days
from .resolution import MAX_RUN_DAYS, days_of, in_news_cycle, news_cycle, precision_for

__all__ = [
    "COMBINERS",
    "MAX_RUN_DAYS",
    "RULES",
    "DateMention",
    "after_clause_date",
    "coded_as_start",
    "coded_by_width",
    "dateline",
    "dateline_match",
    "days_of",
    "find_dates",
    "fire",
    "opens_since",
    "governing_date",
    "lasting",
    "news_type",
    "gathering",
    "in_news_cycle",
    "news_cycle",
    "page_date",
    "precision_for",
    "put_out",
    "put_out_days",
    "relayed_report",
    "reporting_date",
    "thing_date",
    "told_after",
    "resolve",
]
