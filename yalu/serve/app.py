"""The analyst's workbench: server-rendered pages and a JSON API over a Yalu database.

`create_app(db_path)` returns the FastAPI app; `yalu serve` runs it under uvicorn.

Security model (docs/web.md has the long form):
- article text and every record field are untrusted: templates autoescape, nothing is
  marked safe, and a Content-Security-Policy allows scripts from /static only;
- every state-changing request carries a CSRF token bound to the signed session cookie
  (a form field `csrf_token`, or the `X-CSRF-Token` header for the API) and, when the
  browser sends an Origin header, it must be this server's;
- writes need a signed-in reviewer, except with --single-user on a loopback address;
- --read-only opens the database read-only and refuses every write.
"""

from __future__ import annotations

import getpass
import hmac
import ipaddress
import json
import os
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.middleware.gzip import GZipMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.datastructures import QueryParams
from starlette.middleware.sessions import SessionMiddleware

from .. import __version__
from ..store import query as q
from .. import review
from . import users
from ..store import Store
from .highlight import evidence_anchors, safe_url, segments

HERE = Path(__file__).parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"

SECRET_ENV = "YALU_SECRET_KEY"
SESSION_COOKIE = "yalu_session"
SESSION_MAX_AGE = 14 * 24 * 3600

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

MAP_LIMIT = 20_000  # markers per map view: beyond that, narrow the filters

TIME_PRECISION = {0: "unknown", 1: "day", 2: "week", 3: "month", 4: "year or longer, or ongoing"}
TIME_PRECISION_SHORT = {0: "precision unknown", 1: "to the day", 2: "to the week", 3: "to the month",
                        4: "year or ongoing"}  # under a date in the list
GEO_PRECISION = {0: "unknown", 1: "town/county", 2: "near a place / part of a region",
                 3: "province or larger"}

DATED_LABELS = {  # the `dated` filter's choices (yalu.query.DATED)
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


def chip_label(name: str, value: str) -> str:
    """The text of an active-filter chip: `admin1=KP-10` -> "province: KP-10"."""
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
    return f"{CHIP_NAMES.get(name, name.replace('_', ' '))}: {value}"


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def load_secret(db_path: str | Path, *, create: bool = True) -> str:
    """The session-signing key: $YALU_SECRET_KEY, else the file `<db>.secret` beside the
    database (created with mode 0600 on first use), else a per-process random key."""
    env = os.environ.get(SECRET_ENV)
    if env:
        return env
    path = Path(str(db_path) + ".secret")
    try:
        text = path.read_text().strip()
        if text:
            return text
    except OSError:
        pass
    key = secrets.token_urlsafe(48)
    if create:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(key + "\n")
        except FileExistsError:
            return path.read_text().strip() or key
        except OSError:
            pass  # an unwritable folder: sessions last as long as the process
    return key


# --------------------------------------------------------------------------- database


class Database:
    """One SQLite connection per worker thread (sqlite3 connections are not thread-safe)."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(Path(path).resolve())
        self.read_only = read_only
        if read_only:
            if not Path(self.path).exists():
                raise FileNotFoundError(f"no database at {self.path}")
        else:
            Store(self.path).close()  # creates the file and brings the schema up to date
        self._local = threading.local()
        self._facets: tuple[float, dict] | None = None

    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self.read_only:
                conn = sqlite3.connect(
                    f"file:{quote(self.path)}?mode=ro", uri=True, isolation_level=None,
                    check_same_thread=False,
                )
                conn.execute("PRAGMA query_only = ON")
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA foreign_keys = ON")
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache per connection
            conn.execute("PRAGMA temp_store = MEMORY")
            self._local.conn = conn
        return conn

    def facets(self) -> dict:
        cached = self._facets
        if cached and time.monotonic() - cached[0] < 30:
            return cached[1]
        value = q.facets(self.conn())
        self._facets = (time.monotonic(), value)
        return value

    def changed(self) -> None:
        self._facets = None


# --------------------------------------------------------------------------- settings


@dataclass
class Settings:
    db_path: str
    read_only: bool = False
    single_user: bool = False
    host: str = "127.0.0.1"
    single_user_name: str = "local"
    secret_key: str = ""


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every response."""

    HEADERS = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"same-origin"),
    ]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0] not in {k for k, _ in self.HEADERS}]
                message["headers"] = headers + self.HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --------------------------------------------------------------------------- API models


class ReviewBody(BaseModel):
    note: str | None = Field(None, max_length=2000)
    expected_updated_at: str | None = Field(
        None, description="updated_at as loaded; the action fails with 409 if it changed since"
    )


class EditBody(ReviewBody):
    changes: dict[str, Any] = Field(..., description="field -> new value (see review.EDITABLE)")


class MergeBody(BaseModel):
    loser: str = Field(..., description="id of the record merged into this one")
    note: str | None = Field(None, max_length=2000)


class SplitBody(BaseModel):
    move_evidence: list[int] = Field(default_factory=list, description="evidence ids moved to the new record")
    copy_evidence: list[int] = Field(default_factory=list, description="evidence ids shared by both")
    changes: dict[str, Any] = Field(default_factory=dict, description="fields of the new record")
    note: str | None = Field(None, max_length=2000)


class LoginBody(BaseModel):
    name: str
    password: str


EXPORT_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "geojson": ("application/geo+json", "geojson"),
    "acled": ("text/csv; charset=utf-8", "acled.csv"),
}


def render_export(records: list[dict], fmt: str) -> str:
    from ..export import render  # written alongside; imported late so the app runs without it

    return render(records, fmt)


# --------------------------------------------------------------------------- the app


def create_app(
    db_path: str | Path = "yalu.db",
    *,
    read_only: bool = False,
    single_user: bool = False,
    host: str = "127.0.0.1",
    secret_key: str | None = None,
) -> FastAPI:
    if single_user and not is_loopback(host):
        raise ValueError("--single-user allows writes without sign-in, so it only binds to localhost")
    db = Database(db_path, read_only=read_only)
    try:
        login = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        login = "local"
    settings = Settings(
        db_path=db.path, read_only=read_only, single_user=single_user, host=host,
        single_user_name=login,
        secret_key=secret_key or load_secret(db.path, create=not read_only),
    )

    app = FastAPI(
        title="Yalu API",
        version=__version__,
        description=(
            "Search, read, review and export the incident records of a Yalu database. "
            "Write endpoints need a session (POST /api/session) or a single-user server, and "
            "the X-CSRF-Token header from GET /api/session."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.db = db
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    app.add_middleware(
        SessionMiddleware, secret_key=settings.secret_key, session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE, same_site="lax", https_only=False,
    )
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.globals.update(
        version=__version__, category_colours=CATEGORY_COLOURS, time_precision=TIME_PRECISION,
        time_precision_short=TIME_PRECISION_SHORT,
        geo_precision=GEO_PRECISION, province_attribution=PROVINCE_ATTRIBUTION,
        editable=review.EDITABLE, dated_labels=DATED_LABELS, chip_label=chip_label,
    )
    env.filters["safe_url"] = safe_url
    env.filters["compact"] = lambda v: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    env.filters["pretty"] = lambda v: json.dumps(v, ensure_ascii=False, indent=2) if v not in (None, "") else ""

    def conn() -> sqlite3.Connection:
        return db.conn()

    # ---- identity, CSRF ----------------------------------------------------

    def current_user(request: Request) -> str | None:
        name = request.session.get("user")
        if name:
            return name
        if settings.single_user and request.client and is_loopback(request.client.host):
            return settings.single_user_name
        return None

    def can_write(request: Request) -> bool:
        return not settings.read_only and current_user(request) is not None

    def csrf_token(request: Request) -> str:
        token = request.session.get("csrf")
        if not token:
            token = secrets.token_urlsafe(32)
            request.session["csrf"] = token
        return token

    def check_csrf(request: Request, supplied: str | None) -> None:
        expected = request.session.get("csrf")
        if not expected or not supplied or not hmac.compare_digest(str(expected), str(supplied)):
            raise HTTPException(403, "CSRF token missing or wrong: reload the page and try again")
        origin = request.headers.get("origin")
        if origin and origin != "null":
            host = request.headers.get("host", "")
            if urlsplit(origin).netloc != host:
                raise HTTPException(403, "cross-origin request refused")

    def require_writer(request: Request) -> str:
        if settings.read_only:
            raise HTTPException(403, "this server is read-only")
        user = current_user(request)
        if user is None:
            raise HTTPException(401, "sign in to review")
        if request.session.get("user") and not users.exists(conn(), user):
            request.session.clear()
            raise HTTPException(401, "your account no longer exists; sign in again")
        return user

    def api_writer(
        request: Request,
        x_csrf_token: str | None = Header(None, description="the csrf_token from GET /api/session"),
    ) -> str:
        if settings.read_only:
            raise HTTPException(403, "this server is read-only")
        check_csrf(request, x_csrf_token)
        return require_writer(request)

    def flash(request: Request, message: str, kind: str = "info") -> None:
        request.session.setdefault("flash", [])
        request.session["flash"] = request.session["flash"] + [[kind, message]]

    def page(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
        base = {
            "user": current_user(request),
            "signed_in": bool(request.session.get("user")),
            "can_write": can_write(request),
            "read_only": settings.read_only,
            "single_user": settings.single_user,
            "csrf_token": csrf_token(request),
            "flashes": request.session.pop("flash", []),
            "path": request.url.path,
        }
        return templates.TemplateResponse(request, name, {**base, **context}, status_code=status)

    # ---- errors ------------------------------------------------------------

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        if exc.status_code == 401 and request.method == "GET":
            return RedirectResponse("/login?next=" + quote(request.url.path), status_code=303)
        return page(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                    status=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if is_api(request):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        return page(request, "error.html", {"status": 422, "detail": "invalid request"}, status=422)

    def review_error(exc: review.ReviewError) -> HTTPException:
        if isinstance(exc, review.NotFound):
            return HTTPException(404, str(exc))
        if isinstance(exc, review.Conflict):
            return HTTPException(409, str(exc))
        return HTTPException(400, str(exc))

    # ---- query parameters (one dependency for list, export, map, timeline) ----

    def incident_query(
        q_: str | None = Query(None, alias="q", description="full-text search over the articles"),
        fts_mode: str = Query("simple", pattern="^(simple|raw)$",
                              description="simple: words and \"phrases\"; raw: FTS5 syntax"),
        category: list[str] = Query([], description="category (repeat or comma-separate)"),
        event_type: list[str] = Query([]),
        admin1: list[str] = Query([], description="province: ISO 3166-2 code (KP-10) or name"),
        admin2: list[str] = Query([], description="county or city"),
        outlet: list[str] = Query([]),
        modality: list[str] = Query([]),
        review_status: list[str] = Query([]),
        date_from: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD; overlap"),
        date_to: str | None = Query(None),
        min_confidence: float | None = Query(None, ge=0, le=1),
        article_id: str | None = Query(None),
        dated: str | None = Query(
            None, pattern="^(yes|no|week|coarse)$",
            description="yes: has a date; no: has none; week: dated to a day or a period of "
                        "at most 7 days (what the timeline charts); coarse: only a longer "
                        "period (a month, a year, 'since October')"),
        located: bool | None = Query(None, description="true: has coordinates; false: has none"),
        include_rejected: bool = Query(False),
        include_merged: bool = Query(False),
    ) -> q.IncidentQuery:
        try:
            return q.IncidentQuery(
                q=q_, fts_mode=fts_mode, category=category, event_type=event_type,
                admin1=admin1, admin2=admin2, outlet=outlet, modality=modality,
                review_status=review_status, date_from=date_from, date_to=date_to,
                min_confidence=min_confidence, article_id=article_id, dated=dated,
                located=located, include_rejected=include_rejected,
                include_merged=include_merged,
            )
        except q.QueryError as exc:
            raise HTTPException(400, str(exc)) from exc

    def json_response(data: Any, status: int = 200) -> Response:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return Response(body, status_code=status, media_type="application/json")

    # ---- JSON API ----------------------------------------------------------

    @app.get("/api/incidents", tags=["incidents"], summary="List and search incidents")
    def api_list(
        query: q.IncidentQuery = Depends(incident_query),
        sort: str = Query(q.DEFAULT_SORT, description=f"one of {', '.join(q.SORTS)}"),
        order: str | None = Query(None, pattern="^(asc|desc)$"),
        page: int = Query(1, ge=1),
        per_page: int = Query(q.DEFAULT_PER_PAGE, ge=1, le=q.MAX_PER_PAGE),
    ):
        result = q.search(conn(), query, sort=sort, order=order, page=page, per_page=per_page)
        return json_response(result.to_dict())

    @app.get("/api/incidents/{incident_id}", tags=["incidents"], summary="One incident, its audit trail")
    def api_detail(incident_id: str):
        record = q.get(conn(), incident_id)
        if record is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        record["audit"] = q.audit_trail(conn(), incident_id)
        record["related"] = [r["id"] for r in q.related(conn(), incident_id)]
        record["merged_from"] = q.merged_from(conn(), incident_id)
        return json_response(record)

    @app.get("/api/incidents/{incident_id}/audit", tags=["incidents"], summary="Audit trail")
    def api_audit(incident_id: str):
        if q.get(conn(), incident_id) is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        return json_response(q.audit_trail(conn(), incident_id))

    def do_review(fn, *args, **kwargs) -> dict:
        try:
            result = fn(conn(), *args, **kwargs)
        except review.ReviewError as exc:
            raise review_error(exc) from exc
        db.changed()
        return result

    @app.post("/api/incidents/{incident_id}/approve", tags=["review"], summary="Approve")
    def api_approve(incident_id: str, body: ReviewBody | None = None, user: str = Depends(api_writer)):
        body = body or ReviewBody()
        return json_response(do_review(review.approve, incident_id, user, note=body.note,
                                       expected_updated_at=body.expected_updated_at))

    @app.post("/api/incidents/{incident_id}/reject", tags=["review"],
              summary="Reject (hidden from lists and exports unless asked for)")
    def api_reject(incident_id: str, body: ReviewBody | None = None, user: str = Depends(api_writer)):
        body = body or ReviewBody()
        return json_response(do_review(review.reject, incident_id, user, note=body.note,
                                       expected_updated_at=body.expected_updated_at))

    @app.patch("/api/incidents/{incident_id}", tags=["review"], summary="Edit fields")
    def api_edit(incident_id: str, body: EditBody, user: str = Depends(api_writer)):
        return json_response(do_review(review.edit, incident_id, user, body.changes, note=body.note,
                                       expected_updated_at=body.expected_updated_at))

    @app.post("/api/incidents/{incident_id}/merge", tags=["review"],
              summary="Merge another record (the loser) into this one")
    def api_merge(incident_id: str, body: MergeBody, user: str = Depends(api_writer)):
        return json_response(do_review(review.merge, incident_id, body.loser, user, note=body.note))

    @app.post("/api/incidents/{incident_id}/split", tags=["review"],
              summary="Split off a new record with part of the evidence")
    def api_split(incident_id: str, body: SplitBody, user: str = Depends(api_writer)):
        original, new = do_review(
            review.split, incident_id, user, move_evidence=body.move_evidence,
            copy_evidence=body.copy_evidence, changes=body.changes, note=body.note,
        )
        return json_response({"original": original, "new": new}, status=201)

    @app.get("/api/export", tags=["export"], summary="Export the matching records")
    def api_export(
        query: q.IncidentQuery = Depends(incident_query),
        format: str = Query("csv", pattern="^(csv|json|geojson|acled)$"),
        sort: str = Query(q.DEFAULT_SORT),
        order: str | None = Query(None, pattern="^(asc|desc)$"),
    ):
        records = q.records(conn(), query, sort=sort, order=order)
        try:
            body = render_export(records, format)
        except ImportError as exc:
            raise HTTPException(501, "exports are not available in this installation") from exc
        media, ext = EXPORT_TYPES[format]
        return Response(body, media_type=media, headers={
            "content-disposition": f'attachment; filename="yalu-incidents.{ext}"',
        })

    @app.get("/api/timeline", tags=["aggregates"], summary="Counts per week by category")
    def api_timeline(query: q.IncidentQuery = Depends(incident_query)):
        return json_response(q.weekly_counts(conn(), query))

    @app.get("/api/map", tags=["aggregates"], summary="Located incidents as GeoJSON points")
    def api_map(
        query: q.IncidentQuery = Depends(incident_query),
        limit: int = Query(MAP_LIMIT, ge=1, le=200_000, description="newest first"),
    ):
        return json_response(q.map_points(conn(), query, limit=limit))

    @app.get("/api/facets", tags=["aggregates"], summary="Values for the filters")
    def api_facets():
        return json_response(db.facets())

    @app.get("/api/session", tags=["session"], summary="Who you are, and the CSRF token")
    def api_session(request: Request):
        return json_response({
            "user": current_user(request),
            "can_write": can_write(request),
            "read_only": settings.read_only,
            "single_user": settings.single_user,
            "csrf_token": csrf_token(request),
        })

    @app.post("/api/session", tags=["session"], summary="Sign in")
    def api_login(
        request: Request, body: LoginBody,
        x_csrf_token: str | None = Header(None, description="the csrf_token from GET /api/session"),
    ):
        if settings.read_only:
            raise HTTPException(403, "this server is read-only")
        check_csrf(request, x_csrf_token)
        if not users.verify(conn(), body.name, body.password):
            raise HTTPException(401, "wrong name or password")
        sign_in(request, body.name.strip())
        return json_response({"user": body.name.strip(), "csrf_token": csrf_token(request)})

    @app.delete("/api/session", tags=["session"], summary="Sign out")
    def api_logout(
        request: Request,
        x_csrf_token: str | None = Header(None, description="the csrf_token from GET /api/session"),
    ):
        check_csrf(request, x_csrf_token)
        request.session.clear()
        return json_response({"user": None})

    def sign_in(request: Request, name: str) -> None:
        request.session.clear()  # no session fixation: a fresh CSRF token too
        request.session["user"] = name
        csrf_token(request)

    @app.get("/api/docs", include_in_schema=False)
    def api_docs():
        return HTMLResponse(
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>Yalu API</title>"
            '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
            '<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css"></head>'
            '<body><div id="swagger-ui"></div>'
            '<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>'
            '<script src="/static/js/api-docs.js"></script></body></html>'
        )

    # ---- pages -------------------------------------------------------------

    def parse_page_query(request: Request) -> tuple[q.IncidentQuery, str | None]:
        """The filters of a page URL. A value that cannot be understood (a bad date) is
        dropped with a message; the other filters still apply."""
        params = request.query_params
        try:
            return q.IncidentQuery.from_params(params), None
        except q.QueryError as exc:
            error = str(exc)
        keep = list(params.multi_items())
        for name in ("date_from", "date_to", "min_confidence", "dated", "located"):
            try:
                q.IncidentQuery.from_params({name: params.get(name)})
            except q.QueryError:
                keep = [(k, v) for k, v in keep if k != name]
        try:
            return q.IncidentQuery.from_params(QueryParams(keep)), error
        except q.QueryError:
            return q.IncidentQuery(), error

    def clean_url(request: Request) -> str | None:
        """The same page without the empty fields a GET form submits (q=&category=...), so
        the URL that is bookmarked or shared holds only the query; None if already clean."""
        items = request.query_params.multi_items()
        kept = [(k, v) for k, v in items if v.strip() != ""]
        if len(kept) == len(items):
            return None
        return request.url.path + ("?" + urlencode(kept) if kept else "")

    def link_builder(query: q.IncidentQuery, **keep):
        base = query.to_params()
        keep = {k: v for k, v in keep.items() if v not in (None, "")}

        def url(path: str = "/", drop: tuple | None = None, **over) -> str:
            # a value given here replaces the query's own (dated=coarse, not dated=yes&dated=coarse)
            items = [p for p in base if p != drop and p[0] not in over]
            merged = {**keep, **over}
            items += [(k, str(v)) for k, v in merged.items() if v not in (None, "")]
            return path + ("?" + urlencode(items) if items else "")

        return url

    def filter_context(request: Request, query: q.IncidentQuery, error: str | None, **keep) -> dict:
        return {
            "query": query,
            "facets": db.facets(),
            "query_error": error,
            "url": link_builder(query, **keep),
            "active": query.to_params(),
        }

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def list_page(request: Request):
        if (target := clean_url(request)) is not None:
            return RedirectResponse(target, status_code=303)
        query, error = parse_page_query(request)
        params = request.query_params
        sort = params.get("sort") if params.get("sort") in q.SORTS else q.DEFAULT_SORT
        order = params.get("order") if params.get("order") in ("asc", "desc") else None
        try:
            page_no = max(1, int(params.get("page") or 1))
        except ValueError:
            page_no = 1
        try:
            per_page = min(q.MAX_PER_PAGE, max(1, int(params.get("per_page") or q.DEFAULT_PER_PAGE)))
        except ValueError:
            per_page = q.DEFAULT_PER_PAGE
        result = q.search(conn(), query, sort=sort, order=order, page=page_no, per_page=per_page,
                          details=False)
        if not result.items and result.total and page_no > result.pages:
            # a page past the end (the filter or the data changed): show the last one
            page_no = result.pages
            result = q.search(conn(), query, sort=sort, order=order, page=page_no,
                              per_page=per_page, details=False)
        keep = {
            "sort": result.sort if result.sort != q.DEFAULT_SORT else None,
            "order": order,
            "per_page": per_page if per_page != q.DEFAULT_PER_PAGE else None,
        }
        ctx = filter_context(request, query, error, **keep)
        # the filter form keeps the sort order and page size (a new filter starts at page 1)
        ctx["keep_params"] = [(k, str(v)) for k, v in keep.items() if v is not None]
        ctx.update(result=result, sort=result.sort, order=result.order, per_page=per_page,
                   sorts=q.SORTS, export_formats=list(EXPORT_TYPES))
        return page(request, "list.html", ctx)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request):
        if (target := clean_url(request)) is not None:
            return RedirectResponse(target, status_code=303)
        query, error = parse_page_query(request)
        return page(request, "map.html", filter_context(request, query, error))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request):
        if (target := clean_url(request)) is not None:
            return RedirectResponse(target, status_code=303)
        query, error = parse_page_query(request)
        data = q.weekly_counts(conn(), query)
        ctx = filter_context(request, query, error)
        ctx["timeline"] = data
        ctx["totals"] = {c: sum(v) for c, v in data["series"].items()}
        return page(request, "timeline.html", ctx)

    def incident_context(incident_id: str) -> dict:
        c = conn()
        record = q.get(c, incident_id)
        if record is None:
            raise HTTPException(404, f"no incident {incident_id}")
        articles = []
        for article_id in record["sources"]:
            art = q.article(c, article_id)
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
            "audit": q.audit_trail(c, incident_id),
            "related": q.related(c, incident_id),
            "merged_from": q.merged_from(c, incident_id),
            "event_types": q.event_types(),
            "modalities": q.MODALITIES,
        }

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str):
        return page(request, "incident.html", incident_context(incident_id))

    @app.get("/incidents/{incident_id}/edit", response_class=HTMLResponse, include_in_schema=False)
    def edit_page(request: Request, incident_id: str):
        require_writer(request)
        return page(request, "edit.html", incident_context(incident_id))

    @app.get("/incidents/{incident_id}/split", response_class=HTMLResponse, include_in_schema=False)
    def split_page(request: Request, incident_id: str):
        require_writer(request)
        return page(request, "split.html", incident_context(incident_id))

    async def form_write(request: Request) -> tuple[Any, str]:
        if settings.read_only:
            raise HTTPException(403, "this server is read-only")
        form = await request.form()
        check_csrf(request, form.get("csrf_token"))
        user = await run_in_threadpool(require_writer, request)
        return form, user

    async def form_action(request: Request, incident_id: str, fn, *args, done: str, **kwargs):
        try:
            await run_in_threadpool(lambda: fn(conn(), *args, **kwargs))
        except review.ReviewError as exc:
            flash(request, str(exc), "error")
            status = 303
            return RedirectResponse(f"/incidents/{quote(incident_id)}", status_code=status)
        db.changed()
        flash(request, done, "ok")
        return RedirectResponse(f"/incidents/{quote(incident_id)}", status_code=303)

    @app.post("/incidents/{incident_id}/approve", include_in_schema=False)
    async def approve_form(request: Request, incident_id: str):
        form, user = await form_write(request)
        return await form_action(request, incident_id, review.approve, incident_id, user,
                                 note=form.get("note") or None,
                                 expected_updated_at=form.get("expected_updated_at") or None,
                                 done="Approved.")

    @app.post("/incidents/{incident_id}/reject", include_in_schema=False)
    async def reject_form(request: Request, incident_id: str):
        form, user = await form_write(request)
        return await form_action(request, incident_id, review.reject, incident_id, user,
                                 note=form.get("note") or None,
                                 expected_updated_at=form.get("expected_updated_at") or None,
                                 done="Rejected: the record is hidden from lists and exports.")

    @app.post("/incidents/{incident_id}/edit", include_in_schema=False)
    async def edit_form(request: Request, incident_id: str):
        form, user = await form_write(request)
        changes = {name: form.get(name) for name in review.EDITABLE
                   if name in form and name != "category"}
        for name in ("date_start", "date_end", "latitude", "longitude", "date_expression",
                     "country", "admin1", "admin1_code", "admin2", "location_name"):
            if changes.get(name) == "":
                changes[name] = None
        try:
            await run_in_threadpool(lambda: review.edit(
                conn(), incident_id, user, changes, note=form.get("note") or None,
                expected_updated_at=form.get("expected_updated_at") or None,
            ))
        except review.ReviewError as exc:
            flash(request, str(exc), "error")
            if isinstance(exc, review.NotFound):
                raise HTTPException(404, str(exc)) from exc
            return RedirectResponse(f"/incidents/{quote(incident_id)}/edit", status_code=303)
        db.changed()
        flash(request, "Saved: the record is now marked edited.", "ok")
        return RedirectResponse(f"/incidents/{quote(incident_id)}", status_code=303)

    @app.post("/incidents/{incident_id}/merge", include_in_schema=False)
    async def merge_form(request: Request, incident_id: str):
        form, user = await form_write(request)
        other = (form.get("other") or "").strip()
        keep = form.get("keep", "this")
        winner, loser = (incident_id, other) if keep == "this" else (other, incident_id)
        try:
            await run_in_threadpool(lambda: review.merge(conn(), winner, loser, user,
                                                         note=form.get("note") or None))
        except review.ReviewError as exc:
            flash(request, str(exc), "error")
            return RedirectResponse(f"/incidents/{quote(incident_id)}", status_code=303)
        db.changed()
        flash(request, f"Merged {loser} into {winner}.", "ok")
        return RedirectResponse(f"/incidents/{quote(winner)}", status_code=303)

    @app.post("/incidents/{incident_id}/split", include_in_schema=False)
    async def split_form(request: Request, incident_id: str):
        form, user = await form_write(request)
        move, copy = [], []
        for key, value in form.multi_items():
            if key.startswith("ev-"):
                try:
                    ev_id = int(key[3:])
                except ValueError:
                    continue
                if value == "move":
                    move.append(ev_id)
                elif value == "copy":
                    copy.append(ev_id)
        changes = {}
        for name in ("event_type", "summary"):
            if form.get(name):
                changes[name] = form.get(name)
        try:
            _, new = await run_in_threadpool(lambda: review.split(
                conn(), incident_id, user, move_evidence=move, copy_evidence=copy,
                changes=changes, note=form.get("note") or None,
            ))
        except review.ReviewError as exc:
            flash(request, str(exc), "error")
            return RedirectResponse(f"/incidents/{quote(incident_id)}/split", status_code=303)
        db.changed()
        flash(request, f"Split: new record {new['id']}.", "ok")
        return RedirectResponse(f"/incidents/{quote(new['id'])}", status_code=303)

    def safe_next(target: str | None) -> str:
        if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
            return target
        return "/"

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/"):
        return page(request, "login.html", {"next": safe_next(next), "error": None})

    @app.post("/login", include_in_schema=False)
    async def login_form(request: Request):
        if settings.read_only:
            raise HTTPException(403, "this server is read-only: there is nothing to sign in for")
        form = await request.form()
        check_csrf(request, form.get("csrf_token"))
        name = (form.get("name") or "").strip()
        password = form.get("password") or ""
        target = safe_next(form.get("next"))
        ok = await run_in_threadpool(lambda: users.verify(conn(), name, password))
        if not ok:
            return page(request, "login.html", {"next": target, "error": "Wrong name or password."},
                        status=401)
        sign_in(request, name)
        flash(request, f"Signed in as {name}.", "ok")
        return RedirectResponse(target, status_code=303)

    @app.post("/logout", include_in_schema=False)
    async def logout_form(request: Request):
        form = await request.form()
        check_csrf(request, form.get("csrf_token"))
        request.session.clear()
        return RedirectResponse("/", status_code=303)

    @app.get("/about", response_class=HTMLResponse, include_in_schema=False)
    def about_page(request: Request):
        return page(request, "about.html", {"counts": {
            "incidents": conn().execute(
                "SELECT count(*) FROM incidents WHERE merged_into IS NULL").fetchone()[0],
            "articles": conn().execute("SELECT count(*) FROM articles").fetchone()[0],
        }, "db_path": settings.db_path})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @app.get("/healthz", include_in_schema=False)
    def health():
        conn().execute("SELECT 1").fetchone()
        return json_response({"ok": True})

    return app
