"""Rendering: the Jinja templates with what every page needs (who is signed in, the CSRF
token, flash messages), the labels the templates show, and compact JSON responses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from .. import __version__, review
from .highlight import safe_url
from .security import can_write, csrf_token, current_user, signed_in
from .sessions import session_of
from .state import web_state

TEMPLATES = Path(__file__).parent / "templates"

CATEGORY_COLOURS = {
    "movement": "#1f77b4",
    "illicit": "#9467bd",
    "repression": "#d62728",
    "control": "#8c564b",
    "military": "#2f4f2f",
    "society": "#ff7f0e",
    "politics": "#17becf",
    "other": "#7f7f7f",
}

PROVINCE_ATTRIBUTION = (
    "Province boundaries: geoBoundaries gbOpen PRK ADM1 (boundaryID PRK-ADM1-15765917), "
    "derived from OpenStreetMap data via Wambacher's OSM Boundaries. © OpenStreetMap "
    "contributors, available under the Open Database License 1.0 "
    "(https://www.openstreetmap.org/copyright). geoBoundaries: Runfola, D. et al. (2020) "
    "\"geoBoundaries: A global database of political administrative boundaries\", PLoS ONE "
    "15(4): e0231866, https://www.geoboundaries.org."
)

TIME_PRECISION = {0: "unknown", 1: "day", 2: "week", 3: "month", 4: "year or longer, or ongoing"}
TIME_PRECISION_SHORT = {0: "precision unknown", 1: "to the day", 2: "to the week", 3: "to the month",
                        4: "year or ongoing"}  # under a date in the list
GEO_PRECISION = {0: "unknown", 1: "town/county", 2: "near a place / part of a region",
                 3: "province or larger"}

DATED_LABELS = {  # the `dated` filter's choices (yalu.store.query.DATED)
    "yes": "with a date",
    "week": "to the week",
    "coarse": "only roughly",
    "no": "no date",
}

CHIP_NAMES = {
    "q": "search", "admin1": "province", "admin2": "county/city", "date_from": "from",
    "date_to": "to", "review_status": "review", "article_id": "article",
    "fts_mode": "search syntax", "event_type": "event type",
}


def chip_label(name: str, value: str, province_names: dict[str, str] | None = None) -> str:
    """The text of an active-filter chip: `admin1=KP-10` -> "province: Ryanggang"."""
    if name == "dated":
        return {"yes": "with a date", "no": "without a date", "week": "dated to the week",
                "coarse": "dated only roughly"}.get(value, f"dated: {value}")
    if name == "located":
        return "with coordinates" if value == "yes" else "without coordinates"
    if name == "min_confidence":
        return f"confidence ≥ {value}"
    if name in ("include_rejected", "include_merged"):
        return name.split("_", 1)[1] + " included"
    if name == "event_type":
        value = value.replace("_", " ")
    if name == "admin1" and province_names:
        value = province_names.get(value.upper(), value)
    if name == "search_in":
        return f"search in {value}"
    return f"{CHIP_NAMES.get(name, name.replace('_', ' '))}: {value}"


def _compact(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) if value not in (None, "") else ""


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.globals.update(
        version=__version__, category_colours=CATEGORY_COLOURS, time_precision=TIME_PRECISION,
        time_precision_short=TIME_PRECISION_SHORT,
        geo_precision=GEO_PRECISION, province_attribution=PROVINCE_ATTRIBUTION,
        editable=review.EDITABLE, dated_labels=DATED_LABELS, chip_label=chip_label,
    )
    env.filters["safe_url"] = safe_url
    env.filters["compact"] = _compact
    env.filters["pretty"] = _pretty
    return templates


def flash(request: Request, message: str, kind: str = "info") -> None:
    """A message for the next page this browser shows."""
    web_state(request).sessions.flash(session_of(request), message, kind)


def page(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    """A template rendered with what every page shows (the user, the CSRF token, flashes)."""
    state = web_state(request)
    base = {
        "user": current_user(request),
        "signed_in": signed_in(request),
        "can_write": can_write(request),
        "read_only": state.settings.read_only,
        "single_user": state.settings.single_user,
        "csrf_token": csrf_token(request),
        "flashes": state.sessions.pop_flashes(session_of(request)),
        "path": request.url.path,
    }
    return state.templates.TemplateResponse(request, name, {**base, **context}, status_code=status)


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status_code=status, media_type="application/json")
