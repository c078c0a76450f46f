"""Datelines: "Pyongyang, September 7 (KCNA) --", "SEOUL, Nov. 3 (Yonhap) --", and the year
of one that gives none, from the story itself. The publication-date policy (which of the
dateline and the metadata wins) is yalu.ingest.metadata's."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .lexicon import lexicon
from .resolution import safe_date


@lru_cache(maxsize=1)
def _dateline_rx() -> re.Pattern[str]:
    lx = lexicon()
    return re.compile(
        r"^[\s\u00a0\ufeff]*(?P<place>[A-Z][A-Za-z\u00C0-\u017F'’.\- ]{1,40}?(?:,\s*[A-Z][A-Za-z'’.\- ]{1,30}?)?)\s*,\s*"
        rf"(?:(?P<wd>{lx.WEEKDAY})\s*,?\s*)?(?P<mon>{lx.MONTH})\s+(?P<day>[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
        r"(?:\s*,\s*(?P<yr>(?:1[89]|20)\d\d|Juche\s*\d{1,3}(?:\s*\(\s*\d{4}\s*\))?))?"
        r"\s*(?:\((?P<agency>[^)\n]{1,40})\))?\s*(?P<dash>--|—|–|-|:)?",
        re.M,
    )


def dateline_match(text: str) -> re.Match[str] | None:
    """The dateline on one of the first four lines, with its agency or dash."""
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
    lx = lexicon()
    mo = lx.month_number(m.group("mon"))
    d = int(m.group("day"))
    if m.group("yr"):
        given = lx.year(m.group("yr"))
        return safe_date(given, mo, d) if given else None
    if hint is not None:
        # the hint's year, except across a new year: a "December 31" dateline with a
        # January 2 feed date is in the previous year (and vice versa)
        best = safe_date(hint.year, mo, d)
        for y in (hint.year - 1, hint.year + 1):
            dt = safe_date(y, mo, d)
            if dt and abs((dt - hint).days) <= 62 and (best is None or abs((dt - hint).days) < abs((best - hint).days)):
                best = dt
        return best
    year = _year_from_text(text[m.end():], mo, d)
    return safe_date(year, mo, d) if year else None


@lru_cache(maxsize=1)
def _anniversary_rx() -> re.Pattern[str]:
    keys = lexicon().anniversaries
    # KCNA glues bolded names to neighbours ("PresidentKim Il Sung"): allow missing spaces
    alts = "|".join(re.sub(r"\\ ", r"\\s*", re.escape(k)) for k in sorted(keys, key=len, reverse=True))
    return re.compile(
        r"(?P<n>\d{1,3}(?:st|nd|rd|th)|[A-Za-z]+(?:-[a-z]+)?)\s+(?:founding\s+|birth\s+)?anniversary\s+of\s+(?:the\s+)?(?P<what>"
        + alts + r")",  # no word boundary: KCNA glues names to the next word ("Kim Il Sungwas")
        re.I,
    )


def _anniversary_base(what: str) -> int | None:
    norm = re.sub(r"\s+", "", what).lower()
    for k, v in lexicon().anniversaries.items():
        if re.sub(r"\s+", "", k).lower() == norm:
            return v
    return None


_NEW_YEAR_RX = re.compile(r"(?i:\bnew\s+year\s+(?:of\s+)?)(?:(20\d\d|19\d\d)|Juche\s*(\d{1,3}))\b")


def _year_from_text(text: str, mo: int, d: int) -> int | None:
    """The publication year of a dateline "Month D" from the story text alone, or None.

    Evidence, strongest first: (1) an anniversary of a known founding date ("the 76th founding
    anniversary of the DPRK" -> 1948 + 76); (2) a full date (day or month with its year, or a
    Juche year) in the 120 days before the dateline date. Historical dates on the dateline's own
    month and day are anniversaries, not evidence."""
    votes: dict[int, float] = {}
    for y in _anniversary_years(text):
        votes[y] = votes.get(y, 0) + 2.0
    for m in _NEW_YEAR_RX.finditer(text):
        y = int(m.group(1)) if m.group(1) else lexicon().juche(int(m.group(2)))
        if mo <= 3:  # "the New Year 2024" is news in January-March
            votes[y] = votes.get(y, 0) + 2.0
    floor, years = _recent_dates(text, mo, d)
    for y in years:
        votes[y] = votes.get(y, 0) + 1.0
    votes = {y: v for y, v in votes.items() if y >= floor}
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _anniversary_years(text: str) -> list[int]:
    """The years of "the 76th founding anniversary of the DPRK" (1948 + 76) in the text."""
    lx = lexicon()
    years = []
    for m in _anniversary_rx().finditer(text):
        if lx.ahead.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "for the 70th anniversary of ..." looks ahead
        if re.match(r"\s*['’]s\b", text[m.end():m.end() + 4]):
            continue  # "anniversary of Kim Jong Il's start of ..." is not his birth
        n = lx.ordinal(m.group("n"))
        base = _anniversary_base(m.group("what"))
        if base and base < 0:  # a person: only a birth anniversary counts
            if "birth" not in m.group(0).lower():
                continue
            base = -base
        if n and base:
            years.append(base + n)
    return years


def _recent_dates(text: str, mo: int, d: int) -> tuple[int, list[int]]:
    """The latest past year the text gives (the story cannot be older), and the year after
    each full date the text gives in the weeks before the dateline's month and day."""
    from .combine import find_dates  # combine reads datelines: imported here, not above

    floor, years = 0, []
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
        dl = safe_date(y, mo, d)
        if dl is not None and 1 <= (dl - sp.end).days <= 62:
            years.append(y)
    return floor, years
