"""The audit log of every incident (`/audit`): who did what when, reviewers' actions and
the automatic merges alike, filtered by user, action, incident and time, and exported
as CSV or JSON (`/audit.csv`, `/audit.json`, the same filters)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from .. import export
from ..review import auditlog
from ..store import query as q
from .rendering import page
from .state import Web

router = APIRouter(include_in_schema=False)
PER_PAGE = 100


def _filter(request: Request) -> auditlog.AuditFilter:
    params = request.query_params
    return auditlog.AuditFilter(**{
        name: (params.get(name) or "").strip()[:200] or None
        for name in ("user", "action", "incident_id", "since", "until")
    })


@router.get("/audit", response_class=HTMLResponse)
def audit_page(web: Web, request: Request) -> HTMLResponse:
    audit = _filter(request)
    total = auditlog.count(web.store, audit)
    page_no, _ = q.page_bounds(request.query_params.get("page"), PER_PAGE)
    pages = max(1, -(-total // PER_PAGE))
    page_no = min(page_no, pages)
    query = urlencode(audit.to_params())
    return page(request, "audit.html", {
        "audit": audit, "rows": auditlog.rows(web.store, audit, page=page_no, per_page=PER_PAGE),
        "total": total, "page_no": page_no, "pages": pages, "query": query,
        "choices": auditlog.choices(web.store),
    })


@router.get("/audit.{fmt}")
def audit_export(web: Web, request: Request, fmt: str) -> Response:
    if fmt not in ("csv", "json"):
        return Response("formats: csv, json", status_code=404, media_type="text/plain")
    rows = auditlog.every_row(web.store, _filter(request))
    if fmt == "json":
        body = json.dumps(list(rows), ensure_ascii=False, indent=1)
        media = "application/json"
    else:
        flat = ({**row, "before": _json_cell(row["before"]), "after": _json_cell(row["after"])}
                for row in rows)
        body = export._table(list(auditlog.COLUMNS), flat)  # the exports' CSV: escaped cells
        media = "text/csv; charset=utf-8"
    return Response(body, media_type=media, headers={
        "content-disposition": f'attachment; filename="yalu-audit.{fmt}"'})


def _json_cell(value: object) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
