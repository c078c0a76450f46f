"""The server-rendered pages: the incident list, the map, the timeline, one incident
(and its edit and split forms), about; plus the favicon and the health check."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2.utils import htmlsafe_json_dumps

from ..review.validate import CHOICES
from ..store import query as q
from .api import EXPORT_TYPES
from .highlight import evidence_anchors, hit_segments, segments
from .params import MAX_PAGE, clean_url, filter_context, parse_page_query
from .rendering import CATEGORY_COLOURS, json_response, page
from .security import Reviewer
from .state import Web, WebState

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def list_page(web: Web, request: Request) -> Response:
    if (target := clean_url(request)) is not None:
        return RedirectResponse(target, status_code=303)
    query, error = parse_page_query(request)
    params = request.query_params
    sort = params.get("sort") if params.get("sort") in q.SORTS else q.DEFAULT_SORT
    order = params.get("order") if params.get("order") in ("asc", "desc") else None
    page_no, per_page = q.page_bounds(params.get("page"), params.get("per_page"))
    page_no = min(page_no, MAX_PAGE)  # further is past the end anyway: the last page shows
    # the facets first: the count of the page is then read off their arrays
    facet_counts = q.facet_counts(web.store, query)
    result = q.search(web.store, query, sort=sort, order=order, page=page_no, per_page=per_page,
                      details=False)
    if not result.items and result.total and page_no > result.pages:
        # a page past the end (the filter or the data changed): show the last one
        page_no = result.pages
        result = q.search(web.store, query, sort=sort, order=order, page=page_no,
                          per_page=per_page, details=False)
    keep = {
        "sort": result.sort if result.sort != q.DEFAULT_SORT else None,
        "order": order,
        "per_page": per_page if per_page != q.DEFAULT_PER_PAGE else None,
    }
    ctx = filter_context(request, query, error, **keep)
    # the filter form keeps the sort order and page size (a new filter starts at page 1)
    ctx["keep_params"] = [(k, str(v)) for k, v in keep.items() if v is not None]
    ids = [r["id"] for r in result.items]
    ctx.update(result=result, sort=result.sort, order=result.order, per_page=per_page,
               sorts=q.SORTS, export_formats=list(EXPORT_TYPES),
               facet_counts=facet_counts,
               snippets={i: hit_segments(s) for i, s in q.snippets(web.store, query, ids).items()},
               outlets=q.source_outlets(web.store, ids))
    return page(request, "list.html", ctx)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> Response:
    if (target := clean_url(request)) is not None:
        return RedirectResponse(target, status_code=303)
    query, error = parse_page_query(request)
    return page(request, "map.html", filter_context(request, query, error))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(web: Web, request: Request) -> Response:
    if (target := clean_url(request)) is not None:
        return RedirectResponse(target, status_code=303)
    query, error = parse_page_query(request)
    data = q.weekly_counts(web.store, query)
    ctx = filter_context(request, query, error)
    ctx["timeline"] = data
    ctx["totals"] = {c: sum(v) for c, v in data["series"].items()}
    # the chart's data as the template's `tojson` writes it (HTML-safe), once per query and
    # data version: encoding ~600 weeks was a tenth of the page's time
    ctx["timeline_json"] = web.store.remember(("timeline page", repr(query)), lambda: htmlsafe_json_dumps(
        {"weeks": data["weeks"], "categories": list(data["series"]), "series": data["series"],
         "colours": CATEGORY_COLOURS}, sort_keys=True))
    return page(request, "timeline.html", ctx)


def incident_context(web: WebState, incident_id: str) -> dict:
    """A record with its source articles (evidence highlighted), audit trail and relatives."""
    store = web.store
    record = q.get(store, incident_id)
    if record is None:
        raise HTTPException(404, f"no incident {incident_id}")
    articles = []
    for article_id in record["sources"]:
        art = q.article(store, article_id)
        if art is None:
            continue
        ev = [e for e in record["evidence"] if e["article_id"] == article_id]
        art["segments"] = segments(art["text"], ev)
        anchors = evidence_anchors(art["text"], ev)
        for e in ev:  # the evidence list links to where each sentence is highlighted
            e["anchor"] = anchors.get(e["id"])
        art["evidence_count"] = len(ev)
        articles.append(art)
    return {
        "record": record,
        "articles": articles,
        "audit": q.audit_trail(store, incident_id),
        "related": q.related(store, incident_id),
        "merged_from": q.merged_from(store, incident_id),
        "event_types": q.event_types(),
        "modalities": q.MODALITIES,
        **CHOICES,
    }


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(web: Web, request: Request, incident_id: str) -> HTMLResponse:
    return page(request, "incident.html", incident_context(web, incident_id))


@router.get("/incidents/{incident_id}/edit", response_class=HTMLResponse)
def edit_page(web: Web, user: Reviewer, request: Request, incident_id: str) -> HTMLResponse:
    return page(request, "edit.html", incident_context(web, incident_id))


@router.get("/incidents/{incident_id}/split", response_class=HTMLResponse)
def split_page(web: Web, user: Reviewer, request: Request, incident_id: str) -> HTMLResponse:
    return page(request, "split.html", incident_context(web, incident_id))


@router.get("/about", response_class=HTMLResponse)
def about_page(web: Web, request: Request) -> HTMLResponse:
    return page(request, "about.html", {"counts": web.store.counts(),
                                        "db_path": web.settings.db_path})


@router.get("/favicon.ico")
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/healthz")
def health(web: Web) -> Response:
    web.store.conn.execute("SELECT 1").fetchone()
    return json_response({"ok": True})
