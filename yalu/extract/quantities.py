"""Quantities in an incident's clause: money, weapons, ammunition, people, casualties."""

from __future__ import annotations

import re

from .. import resources
from ..dates.firstchar import guarded, required
from ..model import Quantity

NUMBER_WORDS: dict[str, int] = resources.load("numbers.toml")["cardinals"]
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
CURRENCIES = {
    "rmb": "CNY", "yuan": "CNY", "cny": "CNY", "chinese yuan": "CNY",
    "won": "KPW", "north korean won": "KPW", "kpw": "KPW", "south korean won": "KRW", "krw": "KRW",
    "dollar": "USD", "dollars": "USD", "usd": "USD", "us$": "USD", "$": "USD",
}

NUM = r"(?P<num>(?:\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"))"
SCALE_RE = r"(?:\s+(?P<scale>thousand|million|billion))?"
CUR = r"(?P<cur>north korean won|south korean won|chinese yuan|rmb|yuan|cny|won|kpw|krw|dollars?|usd|us\$|\$)"

PATTERNS = [
    ("money", re.compile(CUR + r"\s?" + NUM + SCALE_RE, re.I)),
    ("money", re.compile(NUM + SCALE_RE + r"\s?" + CUR + r"\b", re.I)),
    ("ammunition", re.compile(NUM + r"\s+(?:live\s+)?(?:rounds|bullets|cartridges)(?:\s+of\s+(?:live\s+)?ammunition)?\b", re.I)),
    ("weapon", re.compile(
        NUM + r"\s+(?:[\d.]+\s?mm\s+|AK-\d+\s+|automatic\s+|assault\s+|type-\d+\s+)?"
        r"(?P<what>rifles?|pistols?|guns?|grenades?|handguns?|machine guns?|AK-47s?)\b", re.I)),
    ("fatalities", re.compile(r"(?:killing|killed|kills|leaving)\s+(?:at least\s+|about\s+|some\s+)?" + NUM + r"\b", re.I)),
    ("fatalities", re.compile(NUM + r"\s+(?:\w+\s+){0,3}?(?:were|was|are)\s+(?:reportedly\s+)?killed\b", re.I)),
    ("fatalities", re.compile(NUM + r"\s+(?:people\s+|persons\s+)?(?:dead|deaths|killed|died)\b", re.I)),
    ("injured", re.compile(r"(?:injuring|wounding|injured|wounded)\s+(?:at least\s+)?" + NUM + r"\b", re.I)),
    ("injured", re.compile(NUM + r"\s+(?:\w+\s+){0,3}?(?:were|was)\s+(?:injured|wounded)\b", re.I)),
    # "a"/"an" count one thing, never a plural ("an estimated 30 defectors")
    ("people", re.compile(
        NUM.replace("(?P<num>", r"(?P<num>(?!an?\b)") + r"\s+(?:[\w-]+\s+){0,2}?"
        r"(?P<who>people|persons|defectors|soldiers|residents|civilians|smugglers|traders|women|men|students|fishermen"
        r"|infiltrators|agents|crewmen|crew members|passengers|officials|cadres|workers|families|guards|troops)\b", re.I)),
]
# Most patterns begin with a number, and "a", "one" begin at almost every word: each is
# tried only where a match can begin (`guarded`) and only in a text holding one of the
# words every match contains (`required`, None: no such words). Same matches, ~3x faster.
SCANS = [(kind, guarded(pattern), required(pattern)) for kind, pattern in PATTERNS]


def number(word: str) -> float | None:
    """A cardinal written in digits or in words ("1,200", "2.5", "seven"), or None."""
    raw = word.lower().replace(",", "")
    if raw in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw])
    return float(raw) if raw.replace(".", "", 1).isdigit() else None


def _value(match: re.Match) -> float | None:
    value = number(match.group("num"))
    scale = match.groupdict().get("scale")
    if value is not None and scale:
        value *= SCALE[scale.lower()]
    return value


def quantities(text: str) -> list[Quantity]:
    """The quantities stated in a clause or sentence, each once."""
    found: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    for kind, pattern, needs in SCANS:
        if needs is not None and needs.search(text) is None:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in spans):
                continue  # one stretch of text, one quantity
            value = _value(m)
            unit = None
            if kind == "money":
                unit = CURRENCIES.get(m.group("cur").lower())
            elif kind == "weapon":
                unit = m.group("what").lower().rstrip("s")
            elif kind == "people":
                unit = m.group("who").lower()
            elif kind == "ammunition":
                unit = "rounds"
            spans.append((m.start(), m.end()))
            value = int(value) if value is not None and value.is_integer() else value
            found.append(Quantity(kind=kind, value=value, unit=unit, text=m.group(0)))
    return found
