"""The review queue page (`/review`): the records a filter selects, one at a time beside
its article, walked by keyboard (static/js/review.js), with the reviewer's progress and
merge suggestions from other articles. The actions post to the incident forms
(forms.py), which come back here: to the next record, or to this one on an error."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..review import queue
from .pages import incident_context
from .params import clean_url, filter_context, parse_page_query
from .rendering import page
from .security import Reviewer
from .state import Web

router = APIRouter(include_in_schema=False)


def _order(request: Request) -> str:
    order = request.query_params.get("order", "")
    return order if order in queue.ORDERS else queue.DEFAULT_ORDER


def _url(params: list[tuple[str, str]], incident_id: str | None = None) -> str:
    items = params + ([("id", incident_id)] if incident_id else [])
    return "/review" + ("?" + urlencode(items) if items else "")


@router.get("/review", response_class=HTMLResponse)
def review_page(web: Web, user: Reviewer, request: Request) -> Response:
    if (target := clean_url(request)) is not None:
        return RedirectResponse(target, status_code=303)
    query, error = parse_page_query(request)
    order = _order(request)
    params = query.to_params() + ([("order", order)] if order != queue.DEFAULT_ORDER else [])
    ctx = filter_context(request, query, error)
    # j and k change nothing: the counts are computed again only after a change
    counts = web.store.remember(("queue-progress", tuple(query.to_params())),
                                lambda: queue.progress(web.store, query))
    ctx.update(order=order, orders=queue.ORDERS, progress=counts,
               queue_url=_url(params), params=params)
    current = request.query_params.get("id") or queue.first(web.store, query, order)
    if current is None:
        return page(request, "review.html", ctx)  # nothing left: the page says so
    ctx.update(incident_context(web, current))
    record = ctx["record"]
    after = queue.following(web.store, query, order, record)
    before = queue.preceding(web.store, query, order, record)
    here = _url(params, current)
    ctx.update(
        here=here,
        next_url=_url(params, after) if after else None,
        prev_url=_url(params, before) if before else None,
        # after an action: the next record, or the queue's first left when this was the last
        done_url=_url(params, after) if after else _url(params),
        edit_url=f"/incidents/{quote(current)}/edit?next={quote(here)}",
        in_queue=record["review_status"] in queue.queue_query(query).review_status
        and not record["merged_into"],
        suggestions=queue.suggestions(web.store, record) if not record["merged_into"] else [],
    )
    return page(request, "review.html", ctx)
