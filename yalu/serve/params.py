"""What a request says: the incident filters in a URL (the API's query parameters, one
dependency for the list, export, map and timeline; for the pages, the same filters read
leniently: a value that cannot be understood is dropped with a message), links that keep
them, the empty form fields dropped from a bookmarkable URL, and a submitted form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query, Request
from starlette.datastructures import FormData, QueryParams

from ..store import query as q
from .state import web_state

# the provinces of the filter form are grouped by country, in this order
COUNTRY_NAMES = {"KP": "North Korea", "KR": "South Korea", "CN": "China", "RU": "Russia",
                 "JP": "Japan"}

LENIENT = ("date_from", "date_to", "min_confidence", "dated", "located")  # may be dropped
# the last page one may ask for: its offset (page × per_page) must stay far inside
# SQLite's 64-bit integers, and no database here has half a billion incidents
MAX_PAGE = 1_000_000


def incident_query(
    *,
    q_: Annotated[str | None, Query(alias="q", description="full-text search over the articles")] = None,
    fts_mode: Annotated[str, Query(pattern="^(simple|raw)$",
                                   description="simple: words and \"phrases\"; raw: FTS5 syntax")] = "simple",
    search_in: Annotated[str, Query(pattern="^(articles|evidence)$",
                                    description="articles: the source articles' whole text; "
                                                "evidence: the incident's evidence sentences")] = "articles",
    # None, not default_factory=list: pydantic inspected list's signature on every
    # request for a factory (4 % of the server's time under load)
    category: Annotated[list[str] | None, Query(description="category (repeat or comma-separate)")] = None,
    event_type: Annotated[list[str] | None, Query()] = None,
    admin1: Annotated[list[str] | None, Query(description="province: ISO 3166-2 code (KP-10) or name")] = None,
    admin2: Annotated[list[str] | None, Query(description="county or city")] = None,
    outlet: Annotated[list[str] | None, Query()] = None,
    lang: Annotated[list[str] | None, Query(description="language of the source article: en, ko")] = None,
    modality: Annotated[list[str] | None, Query()] = None,
    review_status: Annotated[list[str] | None, Query()] = None,
    date_from: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD; overlap")] = None,
    date_to: Annotated[str | None, Query()] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    article_id: Annotated[str | None, Query()] = None,
    dated: Annotated[str | None, Query(
        pattern="^(yes|no|week|coarse)$",
        description="yes: has a date; no: has none; week: dated to a day or a period of "
                    "at most 7 days (what the timeline charts); coarse: only a longer "
                    "period (a month, a year, 'since October')")] = None,
    located: Annotated[bool | None, Query(description="true: has coordinates; false: has none")] = None,
    include_rejected: Annotated[bool, Query()] = False,
    include_merged: Annotated[bool, Query()] = False,
) -> q.IncidentQuery:
    try:
        return q.IncidentQuery(
            q=q_, fts_mode=fts_mode, search_in=search_in, category=category or [],
            event_type=event_type or [], admin1=admin1 or [], admin2=admin2 or [],
            outlet=outlet or [], lang=lang or [], modality=modality or [], review_status=review_status or [],
            date_from=q.parse_day(date_from),
            date_to=q.parse_day(date_to, end=True),
            min_confidence=min_confidence, article_id=article_id, dated=dated,
            located=located, include_rejected=include_rejected,
            include_merged=include_merged,
        )
    except q.QueryError as exc:
        raise HTTPException(400, str(exc)) from exc


Filters = Annotated[q.IncidentQuery, Depends(incident_query)]


def parse_page_query(request: Request) -> tuple[q.IncidentQuery, str | None]:
    """The filters of a page URL. A value that cannot be understood (a bad date) is
    dropped with a message; the other filters still apply."""
    params = request.query_params
    try:
        return q.IncidentQuery.from_params(params), None
    except q.QueryError as exc:
        error = str(exc)
    keep = list(params.multi_items())
    for name in LENIENT:
        try:
            q.IncidentQuery.from_params({name: params.get(name)})
        except q.QueryError:
            keep = [(k, v) for k, v in keep if k != name]  # this one is the bad value
    try:
        return q.IncidentQuery.from_params(QueryParams(keep)), error
    except q.QueryError:
        return q.IncidentQuery(), error  # still unreadable: the page shows everything


def clean_url(request: Request) -> str | None:
    """The same page without the empty fields a GET form submits (q=&category=...), so
    the URL that is bookmarked or shared holds only the query; None if already clean."""
    items = request.query_params.multi_items()
    kept = [(k, v) for k, v in items if v.strip() != ""]
    if len(kept) == len(items):
        return None
    return request.url.path + ("?" + urlencode(kept) if kept else "")


def link_builder(query: q.IncidentQuery, **keep: Any) -> Callable[..., str]:
    """`url(path, drop=(name, value), toggle=(name, value), **over)`: a link to a page
    with this query, less one filter value, with a value added to a list filter (or taken
    off it if there), with other values; the template builds sort, pager, chip and facet
    links."""
    base = query.to_params()
    keep = {k: v for k, v in keep.items() if v not in (None, "")}

    def url(path: str = "/", drop: tuple | None = None, toggle: tuple | None = None,
            **over: Any) -> str:
        if toggle is not None:
            drop = toggle if toggle in base else drop
        # a value given here replaces the query's own (dated=coarse, not dated=yes&dated=coarse)
        items = [p for p in base if p != drop and p[0] not in over]
        if toggle is not None and toggle not in base:
            items.append(toggle)
        merged = {**keep, **over}
        items += [(k, str(v)) for k, v in merged.items() if v not in (None, "")]
        return path + ("?" + urlencode(items) if items else "")

    return url


def province_groups(provinces: list[dict]) -> list[tuple[str, list[dict]]]:
    """The provinces by country (North Korea first), for the form's option groups."""
    groups: dict[str, list[dict]] = {}
    for p in provinces:
        groups.setdefault(p["country"], []).append(p)
    order = list(COUNTRY_NAMES)
    return [(COUNTRY_NAMES.get(c, c), groups[c])
            for c in sorted(groups, key=lambda c: (order.index(c) if c in order else len(order), c))]


def filter_context(request: Request, query: q.IncidentQuery, error: str | None,
                   **keep: Any) -> dict:
    """What the filter form and the chips of a page need."""
    facets = web_state(request).facets()
    return {
        "query": query,
        "facets": facets,
        "province_names": {p["code"]: p["name"] for p in facets["provinces"]},
        "province_groups": province_groups(facets["provinces"]),
        "query_error": error,
        "url": link_builder(query, **keep),
        "active": query.to_params(),
    }


async def form_data(request: Request) -> FormData:
    """The submitted form (read once: guard_writes has checked its CSRF token)."""
    return await request.form()


Form = Annotated[FormData, Depends(form_data)]


def form_text(form: FormData, name: str) -> str:
    """A text field of the form; "" when it is missing (or is a file)."""
    value = form.get(name)
    return value if isinstance(value, str) else ""
