"""What a query asks for: `IncidentQuery`, the filters over incidents (category, event
type, province, county, date range, outlet, language, modality, review status, minimum confidence,
full-text search over the articles), read from URL parameters and written back to them,
and the vocabularies the filters draw on."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from ..ontology import event_types as _event_types


def event_types() -> dict[str, str]:
    """event_type -> category."""
    return {name: spec["category"] for name, spec in _event_types().items()}


MODALITIES = (
    "asserted", "reported", "alleged", "rumoured", "planned", "threatened",
    "denied", "ongoing", "hypothetical",
)
REVIEW_STATUSES = ("machine", "approved", "edited", "rejected")
# the outlet filter's value for records whose article names no outlet (a stored outlet
# is a publication's name, never this)
NO_OUTLET = "(none)"

_LIST_FIELDS = ("category", "event_type", "admin1", "admin2", "outlet", "modality", "review_status", "lang")

# `dated`: how well the incident's date is known. "week": it has a date and its period is at
# most seven days long (date_end - date_start <= 6 days), so it belongs to one week on the
# timeline; "coarse": it has a date but only a longer period (a month, a year, "since
# October"); "yes": any date; "no": no date at all.
DATED = ("yes", "no", "week", "coarse")
# `search_in`: what the search box searches. "articles": the whole text of any source
# article; "evidence": the incident's own evidence sentences (every word must be in one)
SEARCH_IN = ("articles", "evidence")
WEEK_DAYS = 6  # date_end - date_start of a period that still counts as one week


class QueryError(ValueError):
    """A filter value that cannot be understood (bad date, bad number)."""


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    out = []
    for item in value:
        if item is None:
            continue
        for part in str(item).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def _truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    return str(value).strip().lower() in {"1", "true", "yes", "on", "y"}


def _tristate(name: str, value: Any) -> bool | None:
    """'1'/'yes'/'true' -> True, '0'/'no'/'false' -> False, empty -> None."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if not text:
        return None
    if text in {"1", "true", "yes", "on", "y"}:
        return True
    if text in {"0", "false", "no", "off", "n"}:
        return False
    raise QueryError(f"{name}: expected yes or no, not {value!r}")


def parse_day(text: str | date | None, *, end: bool = False) -> date | None:
    """'2024', '2024-05' or '2024-05-17' -> a date (first day, or last day with end=True)."""
    if text is None or isinstance(text, date):
        return text
    text = str(text).strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            return date(year, 12, 31) if end else date(year, 1, 1)
        if re.fullmatch(r"\d{4}-\d{1,2}", text):
            year, month = map(int, text.split("-"))
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last if end else 1)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise QueryError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from exc


@dataclass
class IncidentQuery:
    """Filters over incidents. List fields match any of their values."""

    category: list[str] = field(default_factory=list)
    event_type: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)  # ISO code (KP-10) or province name
    admin2: list[str] = field(default_factory=list)
    outlet: list[str] = field(default_factory=list)
    modality: list[str] = field(default_factory=list)
    review_status: list[str] = field(default_factory=list)
    lang: list[str] = field(default_factory=list)  # the language of the source article (en, ko)
    date_from: date | None = None
    date_to: date | None = None
    min_confidence: float | None = None
    q: str | None = None  # full-text search over the articles' title and text
    fts_mode: str = "simple"  # simple: words and "phrases", quoted; raw: FTS5 syntax, falls back
    search_in: str = "articles"  # articles | evidence (see SEARCH_IN)
    article_id: str | None = None
    dated: str | None = None  # yes | no | week | coarse (see DATED)
    located: bool | None = None  # True: has coordinates; False: has none
    include_rejected: bool = False
    include_merged: bool = False

    def __post_init__(self) -> None:
        for name in _LIST_FIELDS:
            setattr(self, name, _as_list(getattr(self, name)))
        self.date_from = parse_day(self.date_from)
        self.date_to = parse_day(self.date_to, end=True)
        if self.min_confidence in ("", None):
            self.min_confidence = None
        else:
            try:
                self.min_confidence = float(self.min_confidence)
            except (TypeError, ValueError) as exc:
                raise QueryError(f"not a number: {self.min_confidence!r}") from exc
        self.q = (self.q or "").strip() or None
        if self.fts_mode not in ("simple", "raw"):
            self.fts_mode = "simple"
        if self.search_in not in SEARCH_IN:
            self.search_in = "articles"
        self.include_rejected = _truthy(self.include_rejected)
        self.include_merged = _truthy(self.include_merged)
        dated = (str(self.dated).strip().lower() if self.dated is not None else "") or None
        if dated is not None and dated not in DATED:
            raise QueryError(f"dated: expected one of {', '.join(DATED)}, not {self.dated!r}")
        self.dated = dated
        self.located = _tristate("located", self.located)

    # URL <-> query ----------------------------------------------------------

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> IncidentQuery:
        """From URL query parameters (a Starlette QueryParams, a dict of str or lists)."""

        def get_list(name: str) -> Any:
            if hasattr(params, "getlist"):
                return params.getlist(name)
            return params.get(name)

        kwargs: dict[str, Any] = {name: get_list(name) for name in _LIST_FIELDS}
        # short aliases used in links
        if not kwargs["review_status"] and hasattr(params, "get"):
            kwargs["review_status"] = get_list("status")
        for name in ("date_from", "date_to", "min_confidence", "q", "fts_mode", "search_in", "article_id",
                     "dated", "located", "include_rejected", "include_merged"):
            value = params.get(name)
            if isinstance(value, list):
                value = value[0] if value else None
            kwargs[name] = value
        kwargs["fts_mode"] = kwargs["fts_mode"] or "simple"
        kwargs["search_in"] = kwargs["search_in"] or "articles"
        return cls(**kwargs)

    def to_params(self) -> list[tuple[str, str]]:
        """The URL query parameters that give this query back (for links and bookmarks)."""
        out: list[tuple[str, str]] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _LIST_FIELDS:
                out += [(f.name, v) for v in value]
            elif f.name in ("fts_mode", "search_in"):
                if value != f.default:
                    out.append((f.name, value))
            elif f.name == "located":
                if value is not None:
                    out.append((f.name, "yes" if value else "no"))
            elif isinstance(value, bool):
                if value:
                    out.append((f.name, "1"))
            elif value is not None:
                out.append((f.name, value.isoformat() if isinstance(value, date) else str(value)))
        return out
