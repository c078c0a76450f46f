"""The JSON API under /api: search and read incidents, review them, export, aggregates.

Write routes need the reviewer (`Reviewer`); the read-only and CSRF checks of every
write are the app's (`security.guard_writes`)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Security
from fastapi.responses import HTMLResponse, Response

from .. import review
from ..store import query as q
from .models import EditBody, MergeBody, ReviewBody, SplitBody
from .params import MAX_PAGE, Filters
from .rendering import json_response
from .security import CSRF_HEADER, Reviewer
from .state import Web

MAP_LIMIT = 20_000  # markers per map view: beyond that, narrow the filters

EXPORT_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "geojson": ("application/geo+json", "geojson"),
    "acled": ("text/csv; charset=utf-8", "acled.csv"),
}

router = APIRouter(prefix="/api")
# the review actions: the CSRF header documented on each
review_router = APIRouter(prefix="/api/incidents", tags=["review"],
                          dependencies=[Security(CSRF_HEADER)])


def render_export(records: list[dict], fmt: str) -> str:
    from ..export import (
        render,  # imported late: an installation without it still serves
    )

    return render(records, fmt)


def review_error(exc: review.ReviewError) -> HTTPException:
    if isinstance(exc, review.NotFound):
        return HTTPException(404, str(exc))
    if isinstance(exc, review.Conflict):
        # the record as it is now: the client shows it and resends with its updated_at
        return HTTPException(409, {"message": str(exc), "current": exc.current})
    return HTTPException(400, str(exc))


# --------------------------------------------------------------------------- reads


@router.get("/incidents", tags=["incidents"], summary="List and search incidents",
            description="`{total, total_is_estimate, page, per_page, pages, sort, order, items}`. "
                        "`total_is_estimate` is true when `total` is estimated: on PostgreSQL a "
                        "search's pages in the date order before its matches are all found "
                        "(docs/web.md, Performance); the items are exact either way.")
def api_list(
    web: Web,
    request: Request,
    query: Filters,
    sort: Annotated[str, Query(description=f"one of {', '.join(q.SORTS)}")] = q.DEFAULT_SORT,
    order: Annotated[str | None, Query(pattern="^(asc|desc)$")] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    per_page: Annotated[int, Query(ge=1, le=q.MAX_PER_PAGE)] = q.DEFAULT_PER_PAGE,
) -> Response:
    # the same for every client until the data changes: the default list and the
    # first pages that every analyst opens are computed and encoded once
    return remembered_json(web, request, lambda: q.search(
        web.store, query, sort=sort, order=order, page=page, per_page=per_page).to_dict())


def _record(web: Web, incident_id: str) -> dict:
    record = q.get(web.store, incident_id)
    if record is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    return record


@router.get("/incidents/{incident_id}", tags=["incidents"], summary="One incident, its audit trail")
def api_detail(web: Web, incident_id: str) -> Response:
    record = _record(web, incident_id)
    record["audit"] = q.audit_trail(web.store, incident_id)
    record["related"] = [r["id"] for r in q.related(web.store, incident_id)]
    record["merged_from"] = q.merged_from(web.store, incident_id)
    return json_response(record)


@router.get("/incidents/{incident_id}/audit", tags=["incidents"], summary="Audit trail")
def api_audit(web: Web, incident_id: str) -> Response:
    _record(web, incident_id)
    return json_response(q.audit_trail(web.store, incident_id))


@router.get("/export", tags=["export"], summary="Export the matching records")
def api_export(
    web: Web,
    query: Filters,
    format: Annotated[str, Query(pattern="^(csv|json|geojson|acled)$")] = "csv",
    sort: Annotated[str, Query()] = q.DEFAULT_SORT,
    order: Annotated[str | None, Query(pattern="^(asc|desc)$")] = None,
) -> Response:
    records = q.records(web.store, query, sort=sort, order=order)
    try:
        body = render_export(records, format)
    except ImportError as exc:
        raise HTTPException(501, "exports are not available in this installation") from exc
    media, ext = EXPORT_TYPES[format]
    return Response(body, media_type=media, headers={
        "content-disposition": f'attachment; filename="yalu-incidents.{ext}"',
    })


def remembered_json(web: Web, request: Request, answer: Callable[[], Any]) -> Response:
    """An aggregate's JSON (`answer()`: an object, or JSON text already), encoded and
    gzipped once per data version and query (the map is megabytes: encoding it again for
    every request would keep the server busy)."""
    key = ("json", request.url.path, request.url.query)

    def encoded() -> bytes:
        found = answer()
        text = found if isinstance(found, str) else json.dumps(found, ensure_ascii=False,
                                                               separators=(",", ":"))
        # level 1: a third of level 5's time for the map's megabytes, a fifth larger
        return gzip.compress(text.encode(), 1)

    with web.store.one_version():
        body = web.store.remember(key, encoded)
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(body, media_type="application/json",
                        headers={"content-encoding": "gzip", "vary": "Accept-Encoding"})
    return Response(gzip.decompress(body), media_type="application/json")


@router.get("/timeline", tags=["aggregates"], summary="Counts per week by category")
def api_timeline(web: Web, request: Request, query: Filters) -> Response:
    return remembered_json(web, request, lambda: q.weekly_counts(web.store, query))


@router.get("/map", tags=["aggregates"], summary="Located incidents as GeoJSON points")
def api_map(
    web: Web,
    request: Request,
    query: Filters,
    limit: Annotated[int, Query(ge=1, le=200_000, description="newest first")] = MAP_LIMIT,
) -> Response:
    return remembered_json(web, request, lambda: q.map_json(web.store, query, limit=limit))


@router.get("/facets", tags=["aggregates"],
            summary="Values for the filters, and facet counts over the matching incidents")
def api_facets(web: Web, request: Request, query: Filters) -> Response:
    """`counts`: per facet (event_type, admin1, outlet, modality, review_status, month),
    its most frequent values among the matches of the other filters."""
    return remembered_json(web, request, lambda: {**q.facets(web.store),
                                                  "counts": q.facet_counts(web.store, query)})


@router.get("/docs", include_in_schema=False)
def api_docs() -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Yalu API</title>"
        '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
        '<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css"></head>'
        '<body><div id="swagger-ui"></div>'
        '<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>'
        '<script src="/static/js/api-docs.js"></script></body></html>'
    )


# --------------------------------------------------------------------------- review


def _review(web: Web, action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a review action on the app's store: a ReviewError becomes 400, 404 or 409."""
    try:
        result = action(web.store, *args, **kwargs)
    except review.ReviewError as exc:
        raise review_error(exc) from exc
    return result


@review_router.post("/{incident_id}/approve", summary="Approve")
def api_approve(web: Web, user: Reviewer, incident_id: str,
                body: ReviewBody | None = None) -> Response:
    body = body or ReviewBody.model_validate({})
    return json_response(_review(web, review.approve, incident_id, user, note=body.note,
                                 expected_updated_at=body.expected_updated_at))


@review_router.post("/{incident_id}/reject",
                    summary="Reject (hidden from lists and exports unless asked for)")
def api_reject(web: Web, user: Reviewer, incident_id: str,
               body: ReviewBody | None = None) -> Response:
    body = body or ReviewBody.model_validate({})
    return json_response(_review(web, review.reject, incident_id, user, note=body.note,
                                 expected_updated_at=body.expected_updated_at))


@review_router.patch("/{incident_id}", summary="Edit fields")
def api_edit(web: Web, user: Reviewer, incident_id: str, body: EditBody) -> Response:
    return json_response(_review(web, review.edit, incident_id, user, body.changes.as_changes(),
                                 note=body.note, expected_updated_at=body.expected_updated_at))


@review_router.post("/{incident_id}/merge", summary="Merge another record (the loser) into this one")
def api_merge(web: Web, user: Reviewer, incident_id: str, body: MergeBody) -> Response:
    return json_response(_review(web, review.merge, incident_id, body.loser, user, note=body.note))


@review_router.post("/{incident_id}/split",
                    summary="Split off a new record with part of the evidence")
def api_split(web: Web, user: Reviewer, incident_id: str, body: SplitBody) -> Response:
    original, new = _review(
        web, review.split, incident_id, user, move_evidence=body.move_evidence,
        copy_evidence=body.copy_evidence, changes=body.changes.as_changes(), note=body.note,
    )
    return json_response({"original": original, "new": new}, status=201)
