"""The filter options `yalu incidents`, `export` and `reprocess` share, checked before they
reach the query: an unknown event type, category, province or outlet is an error naming
the nearest valid values (a typo never reads as "No incidents match."), and dates may be
a year or a month (`--since 2025-11`, `--until 2024`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

import click

from .ontology import categories, event_types
from .store import Store
from .store.filters import NO_OUTLET, QueryError, parse_day

if TYPE_CHECKING:
    from .store.query import IncidentQuery

ADMIN1_KINDS = ("province", "special_city")


def _day(end: bool) -> Callable[[click.Context, click.Parameter, str | None], date | None]:
    def parse(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
        try:
            return parse_day(value, end=end)
        except QueryError as exc:
            raise click.BadParameter(str(exc)) from exc

    return parse


def filters(f: Callable[..., None]) -> Callable[..., None]:
    f = click.option("--type", "event_type", multiple=True, help="Event type, e.g. defection (repeatable).")(f)
    f = click.option("--category", multiple=True, help="Category, e.g. military (repeatable).")(f)
    f = click.option("--province", multiple=True, help="Province: ISO code (KP-10) or name (repeatable).")(f)
    f = click.option("--county", multiple=True, help="County or city, e.g. Hyesan (repeatable).")(f)
    f = click.option("--outlet", multiple=True,
                     help="Outlet of the report, e.g. 'Daily NK' (repeatable); '(none)': reports that name none.")(f)
    f = click.option("--since", callback=_day(False), help="Incidents on or after this day, month or year (2025-11-03, 2025-11, 2025).")(f)
    f = click.option("--until", callback=_day(True), help="Incidents on or before this day, month or year.")(f)
    f = click.option("--search", "-s", help='Full-text search over the articles: words, "phrases", AND/OR/NOT (FTS5); '
                     'Hangul words match inside longer words ("혜산" finds "혜산시에서").')(f)
    f = click.option("--lang", multiple=True, type=click.Choice(["en", "ko"]),
                     help="Language of the source article (repeatable).")(f)
    return f


def nearest(value: str, valid: Iterable[str], what: str) -> click.BadParameter:
    """The error for an unknown value, naming the closest valid ones."""
    choices = sorted(set(valid))
    close = difflib.get_close_matches(value.lower(), [c.lower() for c in choices], n=3, cutoff=0.5)
    named = [next(c for c in choices if c.lower() == m) for m in close]
    hint = f"; nearest: {', '.join(named)}" if named else f"; one of: {', '.join(choices[:12])}{' ...' if len(choices) > 12 else ''}"
    return click.BadParameter(f"unknown {what} {value!r}{hint}")


def _key(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.strip().lower())


def event_type_codes(values: Iterable[str]) -> list[str]:
    """Codes or labels in any case ("Defection", "missile launch") -> codes."""
    known = {_key(code): code for code in event_types()} | {_key(t["label"]): code for code, t in event_types().items()}
    return [known.get(_key(v)) or _raise(nearest(v, event_types(), "event type")) for v in values]


def category_names(values: Iterable[str]) -> list[str]:
    known = {_key(c): c for c in categories()}
    return [known.get(_key(v)) or _raise(nearest(v, categories(), "category")) for v in values]


def province_values(values: Iterable[str]) -> list[str]:
    """Province codes or names the gazetteer knows, as given (the query resolves names)."""
    from .places import Gazetteer

    gaz = Gazetteer.default()
    out = []
    for value in values:
        if gaz.admin1_by_code(value) or any(p.kind in ADMIN1_KINDS for p in gaz.lookup(value)):
            out.append(value)
            continue
        provinces = [p for p in gaz.places.values() if p.kind in ADMIN1_KINDS]
        names = {name for p in provinces for name in (p.name, *p.aliases)}
        raise nearest(value, names | {p.admin1_code for p in provinces if p.admin1_code}, "province")
    return out


def outlet_names(store: Store, values: Iterable[str]) -> list[str]:
    """Outlets as stored, in any case; "(none)": the records whose article names none."""
    stored = [r[0] for r in store.conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet != ''")]
    known = {_key(o): o for o in [*stored, NO_OUTLET]}
    return [known.get(_key(v)) or _raise(nearest(v, stored, "outlet")) for v in values]


def _raise(error: Exception) -> str:
    raise error


def query(store: Store, event_type: tuple[str, ...], category: tuple[str, ...], province: tuple[str, ...],
          county: tuple[str, ...], outlet: tuple[str, ...], since: date | None, until: date | None,
          search: str | None, lang: tuple[str, ...] = (), **more: object) -> IncidentQuery:
    """The checked filters as a query; `more`: other IncidentQuery fields."""
    from .store.query import IncidentQuery

    return IncidentQuery(
        event_type=event_type_codes(event_type), category=category_names(category),
        admin1=province_values(province), admin2=list(county), outlet=outlet_names(store, outlet),
        date_from=since, date_to=until, q=search, fts_mode="raw", lang=list(lang), **more,  # type: ignore[arg-type]
    )


def cut(text: object, width: int) -> str:
    """A table cell: cut with an ellipsis when it is longer than its column."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"
