"""Combining: the expressions the rules recognised (atoms) into the date mentions of a text.

Neighbouring atoms join into one mention by a combining rule, registered like the
recognition rules: a range ("from March 3 to May 5"), a weekday with its date in apposition
("Tuesday (Nov. 24)"); a word before an atom makes it open ("since October", "until March 3").
An expression counted from another date ("the next day", "two days later", "at 4 a.m.")
takes the nearest earlier event date as its anchor. Every mention names the rule that made it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from yalu.model import TimeSpan

from .dateline import dateline_match
from .lexicon import lexicon
from .registry import Atom, Registry, Rule, scan
from .relative import RELATIVE_DATES
from .resolution import Counted, cap, day_run, days_of, off_calendar, opens_window, precision_for, safe_date, span, week_of
from .rules import NAMED_DATES

# Every recognition rule, in the order that breaks ties (registry.scan).
RULES: Registry[Rule] = Registry.joined(NAMED_DATES, RELATIVE_DATES)


@dataclass
class DateMention:
    """A date expression at its place in a text (`text` = the text[start:end]), resolved."""

    start: int
    end: int
    text: str
    span: TimeSpan
    kind: str  # absolute | relative | vague | range | since | until | weekday | juche | year | decade | season | period | reference | anaphor
    future: bool = False  # a future cue ("will", "is scheduled to") put it after publication
    explicit_year: bool = False  # the text gives the year (not inferred from publication)
    published: date | None = None  # the publication date it was resolved against
    rule: str = field(kw_only=True)  # the id of the rule that recognised (or combined) it


@dataclass
class _Text:
    """A text being read: its atoms and the mentions made so far."""

    text: str
    published: date | None
    force_future: bool
    atoms: list[Atom]
    dateline_end: int  # the dateline is when the agency wrote: nothing counts from it
    lowered: str  # the text as the rules read it (`_counts_lowered`)
    out: list[DateMention] = field(default_factory=list)

    def future(self, a: Atom) -> bool:
        return self.force_future or _is_future(self.text, a.start, a.end)

    def before(self, at: int) -> str:
        return self.text[max(0, at - 30):at]

    def mention(self, start: int, end: int, found: TimeSpan, kind: str, future: bool, explicit_year: bool,
                rule: str) -> DateMention:
        expression = self.text[start:end]
        found = replace(found, expression=_one_line(expression))
        return DateMention(start, end, expression, found, kind, future, explicit_year, self.published, rule=rule)


# A combining rule reads atoms[i] (and maybe the next one): the mention and how many atoms it took.
Combine = Callable[[_Text, Atom, Atom | None, bool], tuple[DateMention, int] | None]


@dataclass(frozen=True)
class Combiner:
    id: str
    fn: Combine
    examples: tuple[str, ...]


COMBINERS: Registry[Combiner] = Registry(Combiner)
combiner = COMBINERS.register


_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]*\b")


def _counts_lowered(text: str) -> str:
    """The text as the rules read it: a count word capitalized at the head of a sentence or
    a quote ("A week ago, ...", "“Two days ago ...") in lower case, as the rules spell it.
    Same length, so offsets stay the text's."""
    words = _count_words()
    return _CAPITAL_WORD.sub(lambda m: m.group(0).lower() if m.group(0).lower() in words else m.group(0), text)


@cache
def _count_words() -> frozenset[str]:
    """The first words of the lexicon's counts, gathered once a process (not once a text)."""
    lx = lexicon()
    return frozenset({w for phrase in list(lx.numbers) + list(lx.fuzzy) for w in phrase.split()[:1]} | {"a", "an"})


def find_dates(text: str, published: date | None, *, future: bool = False) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` (None: relative ones stay at precision 0).

    The tense of each expression is guessed from cue words around it in its sentence
    ("will", "is scheduled to", ...): future weekdays and months resolve forward. With
    `future`, every expression reads as ahead of publication."""
    lowered = _counts_lowered(text)
    atoms = scan(lowered, RULES)
    found = dateline_match(text)
    t = _Text(text, published, future, atoms, found.end() if found else 0, lowered)
    i = 0
    while i < len(atoms):
        i += _read(t, i)
    if published is not None and not future:
        _anchor_quotes(t)
        _count_back_from_main_clause(t)
    _tallies(t)
    return t.out


def _tallies(t: _Text) -> None:
    """Mentions that date no act (kind "reference", still named by the rule that read them),
    data/dates.toml: date.tally, "North Korea fired two missiles, its fifth launch this year"
    (a current period told after an ordinal counts acts); date.other_zone, "launched at 8:10
    a.m. (2310 GMT Tuesday)" (another zone's day of the same moment)."""
    lx = lexicon()
    for k, m in enumerate(t.out):
        if m.kind == "weekday" and lx.other_zone.search(t.text[max(0, m.start - 20):m.start]):
            t.out[k] = replace(m, kind="reference")
        if m.kind != "relative" or m.text.lower() not in lx.tally_periods:
            continue
        sentence, _ = _sentence_bounds(t.text, m.start, m.end, reach=100)
        if lx.tally.search(t.text[max(sentence, m.start - 80):m.start]):
            t.out[k] = replace(m, kind="reference")


def _read(t: _Text, i: int) -> int:
    """Read atoms[i] into t.out; how many atoms it took (one, unread, where its date falls
    off the calendar)."""
    try:
        return _read_atom(t, i)
    except (OverflowError, ValueError) as e:
        if not off_calendar(e):
            raise
        return 1


def _read_atom(t: _Text, i: int) -> int:
    a = t.atoms[i]
    future = t.future(a)
    if isinstance(a.value, Counted):
        _count_from_anchor(t, a, a.value, future)
        return 1
    nxt = t.atoms[i + 1] if i + 1 < len(t.atoms) else None
    if nxt is not None and nxt.kind == "anaphor":
        nxt = None  # "the next day" is no end of a range
    for c in COMBINERS:
        made = c.fn(t, a, nxt, future)
        if made is not None:
            t.out.append(made[0])
            return made[1]
    start = _expand_prefix(t.text, a.start)
    t.out.append(t.mention(start, a.end, a.span(t.published, future), a.kind, future, a.explicit_year, a.rule))
    return 1


# ---------------------------------------------------------------------------
# Combining rules
# ---------------------------------------------------------------------------

_APPOSITION = re.compile(r"^\s*(?:,|\(|,\s*or)\s*$")
_DATES = ("date.month_day", "date.day_month", "date.iso", "date.numeric_mdy")


@combiner("date.apposition", examples=("on Tuesday (Nov. 24)", "Tuesday (November 24, 2020)", "Saturday, or 11/21/2020"))
def apposition(t: _Text, a: Atom, nxt: Atom | None, future: bool) -> tuple[DateMention, int] | None:
    """A weekday and its date: "Tuesday (Nov. 24)" is the date."""
    if nxt is None or a.kind != "weekday" or nxt.rule not in _DATES or not _APPOSITION.match(t.text[a.end:nxt.start]):
        return None
    end = nxt.end
    if t.text[end:end + 1] == ")" and "(" in t.text[a.end:nxt.start]:
        end += 1
    start = _expand_prefix(t.text, a.start)
    found = nxt.span(t.published, future)
    return t.mention(start, end, found, nxt.kind, future, nxt.explicit_year, "date.apposition"), 2


@combiner("date.range", examples=("from March 3 to May 5", "between June 21 and June 25", "October 30th to November 3rd",
                                  "from Monday to Wednesday", "from 2017 to 2019"))
def date_range(t: _Text, a: Atom, nxt: Atom | None, future: bool) -> tuple[DateMention, int] | None:
    """ "from March 3 to May 5": from the start of one to the end of the other ("and" only
    after "between": "in May and June" are two)."""
    lx = lexicon()
    if nxt is None or a.kind == "vague" or nxt.kind == "vague" or not lx.range_gap.match(t.text[a.end:nxt.start]):
        return None
    opener = lx.range_open.search(t.before(a.start))
    window = opener is not None and opens_window(opener.group(0))  # "between June 21 and 25"
    if t.text[a.end:nxt.start].strip().lower() == "and" and not window:
        return None
    first, last = _range_ends(t, a, nxt, future)
    if first.start is None or last.end is None:
        return None
    st, en = first.start, last.end
    if st > en and a.kind == "weekday":
        st -= timedelta(days=7)  # "from Saturday to Monday"
    if st > en:
        return None
    start = _expand_prefix(t.text, a.start - len(opener.group(0)) if opener else a.start)
    # two days ("from March 3 to March 9") are a run of known days; else as wide as it runs
    found = day_run(st, en, window) if first.precision == last.precision == 1 else span(st, en)
    return t.mention(start, nxt.end, found, "range", future, a.explicit_year or nxt.explicit_year, "date.range"), 2


@combiner("date.day_pair", examples=("on Dec. 5 and Dec. 6", "on 5 December and 6 December", "March 3 and March 4, 2019"))
def day_pair(t: _Text, a: Atom, nxt: Atom | None, future: bool) -> tuple[DateMention, int] | None:
    """Two calendar days next to each other joined by "and" (data/dates.toml [day_pair]) are one
    run of known days, as "Dec. 5 and 6" is (date.month_day_range): "a riot on Dec. 5 and
    Dec. 6". Days further apart ("on June 9 and June 18") are two acts'. Not weekdays: "landed
    on Saturday and Sunday" after "over the weekend" is the weekend's act, which a run of days
    would split into one record a day (records.py, by_day types)."""
    if nxt is None or a.kind != "absolute" or nxt.kind != "absolute" \
            or t.text[a.end:nxt.start].strip().lower() != "and":
        return None
    first, last = _range_ends(t, a, nxt, future)
    if not (first.precision == last.precision == 1 and first.start and last.start
            and 0 < (last.start - first.start).days <= lexicon().day_pair_gap):
        return None
    start = _expand_prefix(t.text, a.start)
    return t.mention(start, nxt.end, day_run(first.start, last.start), "range", future,
                     a.explicit_year or nxt.explicit_year, "date.day_pair"), 2


def _range_ends(t: _Text, a: Atom, b: Atom, future: bool) -> tuple[TimeSpan, TimeSpan]:
    """The two ends of a range, each taking the year from the other where only one gives it."""
    pub = t.published
    first = a.span(pub, future)
    if not a.explicit_year and b.explicit_year:
        given = b.span(pub, future)
        if given.start is not None:
            year = given.start.year
            if a.month and b.month and a.month > b.month:
                year -= 1  # "from December 28 to January 3, 2020"
            first = a.span(pub, future, year)
    last = b.span(pub, future)
    if not b.explicit_year and first.start is not None and b.month:
        # the end follows the start: "from October 30th to November 3rd" published on
        # October 31 ends in November of the same year, not the year before
        last = b.span(pub, future, first.start.year)
        if last.end is not None and last.end < first.start:
            last = b.span(pub, future, first.start.year + 1)
    return first, last


@combiner("date.since", examples=("since October", "ever since 2019", "since last week"))
def since(t: _Text, a: Atom, nxt: Atom | None, future: bool) -> tuple[DateMention, int] | None:
    """ "since October": from its start, ongoing to publication; "the first such incursion
    since 1983" compares with the past (kind "reference"), no ongoing event."""
    start = _opened_by(t, a, lexicon().since)
    if start is None:
        return None
    sentence, _ = _sentence_bounds(t.text, start, a.end, reach=100)
    kind = "reference" if lexicon().first_since.search(t.text[max(sentence, start - 100):start]) else "since"
    begin = a.span(t.published, future).start
    pub = t.published
    ongoing = TimeSpan(precision=0) if begin is None else TimeSpan(begin, pub if (pub and pub >= begin) else None, 4)
    return t.mention(start, a.end, ongoing, kind, future, a.explicit_year, "date.since"), 1


@combiner("date.until", examples=("until March 3", "till next week", "up to 2019"))
def until(t: _Text, a: Atom, nxt: Atom | None, future: bool) -> tuple[DateMention, int] | None:
    """ "until March 3": open at the start."""
    start = _opened_by(t, a, lexicon().until)
    if start is None:
        return None
    end = a.span(t.published, future).end
    return t.mention(start, a.end, TimeSpan(None, end, 4 if end else 0), "until", future, a.explicit_year,
                     "date.until"), 1


def _opened_by(t: _Text, a: Atom, word: re.Pattern[str]) -> int | None:
    """Where "since" / "until" before the atom starts (None: not there, or a vague atom)."""
    before = t.before(a.start)
    found = word.search(before)
    if not found or a.kind == "vague":
        return None
    return a.start - (len(before) - found.start())


# ---------------------------------------------------------------------------
# Counted from another date
# ---------------------------------------------------------------------------

# how far back "the next day" looks for the date it counts from
ANCHOR_REACH = 600
_NO_ANCHOR_KINDS = {"since", "until", "vague", "period", "decade", "year", "reference", "season"}


def _count_from_anchor(t: _Text, a: Atom, counted: Counted, future: bool) -> None:
    if counted.clock and _dated_nearby(t.text, a, t.atoms):
        return  # "at 4 a.m. on Wednesday": the sentence gives the day itself
    anchor = _anchor(t.text, a.start, [m for m in t.out if m.start >= t.dateline_end], future, counted.clock)
    found = _counted_from(anchor, counted) if anchor else a.span(t.published, future)
    found = cap(found, t.published, future)  # "the next week" after last week ends today
    # a past act counted to a day after publication was counted from the wrong date
    beyond = t.published and found.start and found.start > t.published and not future
    if found.precision and not beyond:
        t.out.append(t.mention(_expand_prefix(t.text, a.start), a.end, found, "anaphor", future, False, a.rule))


def _anchor(text: str, at: int, found: list[DateMention], future: bool = False, clock: bool = False) -> DateMention | None:
    """The date "the next day" counts from: the nearest earlier event date in reach, not a
    period, not the day a source spoke, and not a date ahead unless the anaphor is ahead too
    (an act ahead may count from a past date: "talks were held on Monday; they will resume
    the next day"). A clock time is on the story's day, not a flashback's: "North Korea
    fired shells yesterday. It had declared a no-sail zone Monday. ... fired again at 3:25
    p.m." is yesterday."""
    for m in reversed(found):
        if at - m.end > ANCHOR_REACH:
            return None
        sp = m.span
        if m.kind in _NO_ANCHOR_KINDS or (m.future and not future) or not (sp.start and sp.end) or sp.precision not in (1, 2, 3):
            continue
        if lexicon().spoken_at.search(text[max(0, m.start - 40):m.start]):
            continue  # "told Daily NK on Tuesday": when a source spoke, not when things happened
        if clock and lexicon().flashback.search(text[_sentence_bounds(text, m.start, m.end)[0]:m.start]):
            continue
        return m
    return None


def _dated_nearby(text: str, clock: Atom, atoms: list[Atom]) -> bool:
    """Another date expression in the clock time's sentence."""
    s, e = _sentence_bounds(text, clock.start, clock.end)
    # atoms are in text order: those of the sentence, found by bisection
    inside = atoms[bisect_left(atoms, s, key=lambda a: a.start):bisect_left(atoms, e, key=lambda a: a.start)]
    return any(a is not clock and not (isinstance(a.value, Counted) and a.value.clock) for a in inside)


def _counted_from(anchor: DateMention, counted: Counted) -> TimeSpan:
    """The anchor moved by the anaphor's days: from the run's last day forward, its first
    day back ("From June 3 to 5 ... two days later" is June 7); a wider window moves whole."""
    sp, days = anchor.span, counted.days
    assert sp.start is not None and sp.end is not None  # _anchor takes only closed intervals
    if counted.day_of_month:
        # the day of the anchor's month, when the anchor lies within one month
        same = safe_date(sp.start.year, sp.start.month, counted.day_of_month)
        fits = same is not None and (sp.start.year, sp.start.month) == (sp.end.year, sp.end.month)
        return span(same, same, 1) if same and fits else TimeSpan(precision=0)
    point = sp.start == sp.end or days_of(sp) is not None
    if counted.calendar_week or (counted.unit == "week" and days in (7, -7) and not point):
        mon, sun = week_of((sp.end if days > 0 else sp.start) + timedelta(days=days))
        return span(mon, sun, 2)  # "the following week": the calendar week after
    if not point:
        return span(sp.start + timedelta(days=days), sp.end + timedelta(days=days), sp.precision)
    day = (sp.end if days >= 0 else sp.start) + timedelta(days=days)
    if counted.unit == "week":
        return span(day - timedelta(days=3), day + timedelta(days=3), 2)  # "a week later": about then
    return span(day, day, 1)


# ---------------------------------------------------------------------------
# "The launches came two days after North Korea fired ...": the clause's act is earlier
# ---------------------------------------------------------------------------

_AFTER_CLAUSE = re.compile(
    r"\b(?P<n>\w+(?:\s+\w+)?)\s+(?P<unit>days?|weeks?)\s+after\s+"
    r"(?=(?:[A-Z][\w'’-]*|it|they|he|she|the\s+(?:North|South))\s)"
)
# what each of its matches holds: a text without it is not scanned with the whole pattern,
# which tries each word (its scan of the KCNA texts: 0.17 s; this one's: 0.01 s)
_DAYS_AFTER = re.compile(r"(?:day|week)s?\s+after\s")


def _count_back_from_main_clause(t: _Text) -> None:
    """"The launches came two days after North Korea fired four cruise missiles": the act of
    the after-clause was that many days before the main clause's event, whose date is the
    nearest date told before ("fired seven missiles today"). A mention over "two days
    after", which the parser hangs on the clause's verb."""
    count_word = re.compile(rf"^(?:{lexicon().COUNT})$")
    for m in _AFTER_CLAUSE.finditer(t.lowered) if _DAYS_AFTER.search(t.lowered) else ():
        n = m.group("n").split()[-1] if not count_word.match(m.group("n")) else m.group("n")
        if not count_word.match(n) or any(d.start <= m.start() < d.end for d in t.out):
            continue
        low, high = lexicon().count(n)
        if low != high:
            continue  # "a few days after": no day to count to
        anchor = _anchor(t.text, m.start(), [d for d in t.out if d.start >= t.dateline_end and d.end <= m.start()])
        if anchor is None or anchor.span.start is None or anchor.span.precision != 1:
            continue
        days = low * (7 if m.group("unit").startswith("week") else 1)
        try:
            day = anchor.span.start - timedelta(days=days)
            found = span(day, day, 1) if days < 7 else span(day - timedelta(days=3), day + timedelta(days=3), 2)
        except (OverflowError, ValueError) as e:
            if not off_calendar(e):
                raise
            continue
        start = m.start() + (len(m.group("n")) - len(n))
        t.out.append(t.mention(start, m.end() - 1, found, "anaphor", False, False, "date.days_after_clause"))
    t.out.sort(key=lambda d: d.start)


# ---------------------------------------------------------------------------
# Quotes: counted from the day the speaker spoke
# ---------------------------------------------------------------------------

# how far after a closing quote the speaker and the day they spoke may come
QUOTE_TAIL = 160
_OPEN_QUOTES = "“\""
_CLOSE_QUOTES = "”\""


def _anchor_quotes(t: _Text) -> None:
    """ "“A week ago, a smuggler was caught,” a source told Daily NK on September 16th":
    what a quote counts back from now ("a week ago", "yesterday", "last week") counts from
    the day its speaker spoke, when the attribution names that day, not from publication:
    after the quote, or right before it ("..., an activist told the Chosun Ilbo Sunday,
    “They took poison three days ago”")."""
    for k, m in enumerate(t.out):
        if m.kind != "relative" or m.span.precision == 0:
            continue
        bounds = _quote_bounds(t.text, m.start)
        if bounds is None:
            continue
        said = _spoken_after(t, bounds[1]) or _spoken_before(t, bounds[0])
        if said is None or said.span.start is None or t.published is None or said.span.start >= t.published:
            continue
        moved = resolve(m.text, said.span.start)
        if moved.precision:
            t.out[k] = replace(m, span=replace(moved, expression=m.span.expression), rule=m.rule)


def _quote_bounds(text: str, at: int) -> tuple[int, int] | None:
    """Where the quote `at` is inside opens and ends (None: it is not quoted)."""
    paragraph = max(text.rfind("\n\n", max(0, at - REACH), at), max(0, at - REACH))
    opened = max(text.rfind(q, paragraph, at) for q in _OPEN_QUOTES)
    if opened < 0 or ("”" in text[opened + 1:at]) or (text[opened] == '"' and text.count('"', paragraph, opened) % 2):
        return None
    ends = [i for i in (text.find(q, at, at + REACH) for q in _CLOSE_QUOTES) if i >= 0]
    end = min(ends, default=-1)
    if end < 0 or "\n\n" in text[at:end]:
        return None
    return opened, end


def _spoken_after(t: _Text, close: int) -> DateMention | None:
    """The day named with the speaking verb right after a quote ("..., a source told Daily
    NK on September 16th")."""
    reach = close + QUOTE_TAIL + 2  # a ". " that starts inside the tail
    tail_end = min([i for i in (t.text.find(". ", close, reach), t.text.find("\n", close, reach)) if i >= 0], default=len(t.text))
    tail_end = min(tail_end, close + QUOTE_TAIL)
    for m in t.out:
        if close < m.start < tail_end and m.span.precision == 1 and m.kind != "relative":
            if lexicon().spoken_at.search(t.text[max(close, m.start - 40):m.start]):
                return m
    return None


# what may stand between the day a speaker spoke and the quote it opens: "..., told RFA on
# Monday, “..." or "told RFA on Monday: “..."
_BEFORE_QUOTE = re.compile(r"\s*[,:]?\s*")


def _spoken_before(t: _Text, opened: int) -> DateMention | None:
    """The day named with the speaking verb right before a quote opens ("..., an activist
    told the Chosun Ilbo Sunday, “They ...")."""
    for m in t.out:
        if (m.end <= opened and _BEFORE_QUOTE.fullmatch(t.text, m.end, opened) and m.span.precision == 1
                and m.kind != "relative" and lexicon().spoken_at.search(t.text[max(0, m.start - 40):m.start])):
            return m
    return None


# ---------------------------------------------------------------------------
# Context
# ---------------------------------------------------------------------------


# How far around a date its sentence or paragraph is looked for: a text without a full
# stop or a blank line must not be read whole again for each of its dates.
REACH = 20_000


def _sentence_bounds(text: str, s: int, e: int, reach: int = REACH) -> tuple[int, int]:
    """The sentence around text[s:e], looked for no further than `reach` either way."""
    lo, hi = max(0, s - reach), e + reach
    a = max(text.rfind(". ", lo, s), text.rfind("\n", lo, s), text.rfind("? ", lo, s), text.rfind("! ", lo, s))
    a = a + 1 if a >= 0 else lo
    bs = [i for i in (text.find(". ", e, hi), text.find("\n", e, hi)) if i >= 0]
    return a, min(bs) if bs else min(hi, len(text))


def _is_future(text: str, s: int, e: int) -> bool:
    """A future cue ("will", "is scheduled to") in the date's own clause, before it:
    "will hold talks on Tuesday", not "told Daily NK on Tuesday that it will ..."."""
    a, _ = _sentence_bounds(text, s, e, reach=60)
    window = text[max(a, s - 60):s]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(" that "), window.rfind("("))
    if cut >= 0:
        window = window[cut + 1:]
    return bool(lexicon().future_cue.search(window))


def _expand_prefix(text: str, s: int) -> int:
    """Take a preposition before the expression into it ("on Tuesday", "in early November")."""
    lx = lexicon()
    if lx.own_preposition.match(text[s:s + 8]):
        return s  # it has one already
    m = lx.preposition.search(text[max(0, s - 30):s])
    if m and m.end() == s - max(0, s - 30):
        return s - (m.end() - m.start())
    return s


# ---------------------------------------------------------------------------
# One expression
# ---------------------------------------------------------------------------


def resolve(expression: str, published: date | None, *, future: bool = False) -> TimeSpan:
    """One date expression -> TimeSpan. Several expressions in one string are intersected
    ("on Tuesday, November 24", "during the Arduous March in the 1990s")."""
    expr_clean = _one_line(expression)
    mentions = find_dates(expression, published, future=future)
    spans = [m.span for m in mentions if m.kind != "reference"] or [m.span for m in mentions]
    known = [s for s in spans if s.precision > 0 and (s.start or s.end)]
    if not known:
        return TimeSpan(precision=0, expression=expr_clean)
    result = known[0]
    for s in known[1:]:
        result = _intersect(result, s) or result
    return replace(result, expression=expr_clean)


def _one_line(expression: str) -> str:
    return re.sub(r"\s+", " ", expression).strip()


def _intersect(a: TimeSpan, b: TimeSpan) -> TimeSpan | None:
    """Both intervals at once (None if they do not overlap); open ends stay open."""
    st = max([x for x in (a.start, b.start) if x is not None], default=None)
    en = min([x for x in (a.end, b.end) if x is not None], default=None)
    if st is not None and en is not None and st > en:
        return None
    if st is not None and en is not None:
        return TimeSpan(st, en, precision_for(st, en))
    return TimeSpan(st, en, 4)


def opens_since(expression: str | None) -> re.Match[str] | None:
    """Whether an expression opens an ongoing interval ("since mid-June", "ever since last
    week", by dates.toml's since words): the opening words' match, or None."""
    return lexicon().since_opening.match(expression or "")


def coded_by_width(found: TimeSpan) -> TimeSpan:
    """A record's window of weeks coded year or longer (4) is coded month (3) when it is at
    most two months wide (date.month_window, dates.toml): "recently" (the 30 days before
    publication), a report's recent window from October 1 to November 27, "in recent weeks".
    Only the code: the mention keeps 4 while a record is built, so a month told with it
    ("recently killed ... in late December") still wins as the more precise. An ongoing
    "since" is coded by its start (coded_as_start)."""
    if (found.precision != 4 or found.start is None or found.end is None or opens_since(found.expression)
            or (found.end - found.start).days + 1 > lexicon().month_window):
        return found
    return replace(found, precision=3)


def coded_as_start(found: TimeSpan, published: date | None) -> TimeSpan:
    """An act going on since a date (date.since_start) is coded as precisely as its start, as
    analysts code an ongoing event by the day it began: "have been inspecting every household
    since mid-August" is a month (3), "locked down since November 2" a day (1), "since 2019"
    a year (4); so is an act that takes the span from its paragraph, as the gold codes it. The
    interval stays from the start to publication; any other span is as it is."""
    opened = opens_since(found.expression)
    if opened is None or found.start is None:
        return found
    # read as "from X", which opens an interval as "since" does ("May" alone is no month)
    began = resolve("from " + found.expression[opened.end():], published)  # type: ignore[index]
    if began.start != found.start or not 0 < began.precision < found.precision:
        return found
    return replace(found, precision=began.precision)
