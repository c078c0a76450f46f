"""The analyst's workbench: server-rendered pages and a JSON API over a Yalu database.

`create_app(db_path)` returns the FastAPI app; `yalu serve` runs it under uvicorn (with
--workers N, N processes, each making its app with `app_from_env`). It is
put together from routers, one module each, over one shared `WebState` (state.py: the
settings, the `Store` that owns the connections, the templates):

- api.py     the JSON API under /api (search, read, review, export, aggregates)
- pages.py   the pages (list, map, timeline, incident, edit and split forms, about)
- forms.py   the review forms the incident page posts
- queue.py   the review queue (/review); audit.py the audit log of every incident (/audit)
- auth.py    signing in and out (/api/session, /login, /logout)

Security model (docs/web.md has the long form; security.py does the checks):
- article text and every record field are untrusted: templates autoescape, nothing is
  marked safe, and a Content-Security-Policy allows scripts from /static only;
- every state-changing request carries a CSRF token bound to the session cookie
  (a form field `csrf_token`, or the `X-CSRF-Token` header for the API) and, when the
  browser sends an Origin header, it must be this server's: one app-wide dependency,
  `guard_writes`, checks it;
- writes need a signed-in reviewer, except with --single-user on a loopback address;
  the cookie is opaque and signed, the session is kept on the server (sessions.py), so
  signing out, a new password or a removed account ends it; sign-ins are rate limited
  (limits.py);
- --read-only opens the database read-only and refuses every write (`guard_writes` again);
- the Host header is checked against an allow-list and every response, errors included,
  carries the security headers (edge.py).
"""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from .. import __version__
from ..store import Store
from ..store.postgres import is_url
from . import api, audit, auth, edge, forms, pages, queue
from .rendering import make_templates, page
from .security import guard_writes, is_api, is_loopback, load_secret
from .sessions import SessionCookies
from .state import Settings, WebState

STATIC = Path(__file__).parent / "static"
OPTIONS_ENV = "YALU_SERVE_OPTIONS"  # create_app's arguments, as JSON, for each worker


def _login_name() -> str:
    """The OS login, named in the audit rows of a --single-user server."""
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return "local"  # no login name in some containers (nor a pwd module everywhere)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if is_api(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))
    if exc.status_code == 401 and request.method == "GET":
        return RedirectResponse("/login?next=" + quote(request.url.path), status_code=303)
    return page(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                status=exc.status_code)


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    if is_api(request):
        # where and what, never the input: a body that is not JSON arrives as raw bytes
        detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")),
                   "type": str(e.get("type", ""))} for e in exc.errors()]
        return JSONResponse({"detail": detail}, status_code=422)
    return page(request, "error.html", {"status": 422, "detail": "invalid request"}, status=422)


class YaluApp(FastAPI):
    """FastAPI with `Edge` (and, for --trusted-proxy, the proxy headers) outside all of
    Starlette's own layers, its 500 responses included."""

    def build_middleware_stack(self) -> ASGIApp:
        settings: Settings = self.state.web.settings
        # Any: uvicorn's middleware declares its own (narrower) ASGI types
        app: Any = edge.Edge(super().build_middleware_stack(),
                             edge.allowed_hosts(settings.host, settings.allowed_hosts),
                             settings.behind_https)
        if settings.trusted_proxies:
            app = ProxyHeadersMiddleware(app, trusted_hosts=list(settings.trusted_proxies))
        return app


def create_app(
    db_path: str | Path = "yalu.db",
    *,
    read_only: bool = False,
    single_user: bool = False,
    host: str = "127.0.0.1",
    secret_key: str | None = None,
    allowed_hosts: tuple[str, ...] = (),
    behind_https: bool = False,
    trusted_proxies: tuple[str, ...] = (),
    workers: int = 1,
) -> FastAPI:
    if single_user and not is_loopback(host):
        raise ValueError("--single-user allows writes without sign-in, so it only binds to localhost")
    # creates the file and brings the schema up to date, unless read-only
    store = Store(db_path if is_url(str(db_path)) else Path(db_path).resolve(), read_only=read_only)
    settings = Settings(
        db_path=store.path, read_only=read_only, single_user=single_user, host=host,
        single_user_name=_login_name(),
        secret_key=secret_key or load_secret(store.path, create=not read_only),
        allowed_hosts=tuple(allowed_hosts), behind_https=behind_https,
        trusted_proxies=tuple(trusted_proxies), workers=workers,
    )
    app = YaluApp(
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
        dependencies=[Depends(guard_writes)],
        exception_handlers={StarletteHTTPException: _http_error, RequestValidationError: _invalid},
    )
    app.state.web = WebState(settings, store, make_templates())
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    app.add_middleware(SessionCookies, sessions=app.state.web.sessions, behind_https=behind_https)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in (api.router, api.review_router, auth.router, pages.router, forms.router,
                   queue.router, audit.router):
        app.include_router(router)
    return app


def app_from_env() -> FastAPI:
    """The app of one worker of `yalu serve --workers N`: `create_app` with the arguments
    the command put in $YALU_SERVE_OPTIONS, the signing key among them (made once, by the
    command), so that a cookie one worker signed is good in every other."""
    options = json.loads(os.environ[OPTIONS_ENV])
    lists = {k: tuple(v) for k, v in options.items() if isinstance(v, list)}
    return create_app(**{**options, **lists})
