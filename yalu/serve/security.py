"""Who may do what, checked in one place each.

- `guard_writes`, a dependency of the whole app, is the one check of every state-changing
  request (POST, PUT, PATCH, DELETE): a read-only server refuses it (signing out aside),
  and it must carry the CSRF token bound to the session cookie (the `X-CSRF-Token`
  header under /api/, the form field `csrf_token` elsewhere) and, when the browser sends
  an Origin header, come from this server.
- `reviewer`, the dependency of every route that writes, names the signed-in reviewer
  (or the single user of a --single-user server, for requests from this computer).
- `load_secret` finds the key that signs the session cookie.

The session itself (an opaque cookie, the signed-in rows) is sessions.py's; the security
headers and the Host check are edge.py's.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import secrets
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader

from .sessions import session_of
from .state import web_state

SECRET_ENV = "YALU_SECRET_KEY"
# headers a proxy adds: a request carrying one came through a proxy, not from this computer
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip")

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# signing out changes nothing in the database: a read-only server allows it
SIGN_OUT = frozenset({("POST", "/logout"), ("DELETE", "/api/session")})
READ_ONLY_REASONS = {"/login": "this server is read-only: there is nothing to sign in for"}

# Documents the header in the OpenAPI schema (and gives Swagger UI a field for it) on the
# API's write routes; `guard_writes` is what checks it.
CSRF_HEADER = APIKeyHeader(name="X-CSRF-Token", scheme_name="csrf", auto_error=False,
                           description="the csrf_token from GET /api/session")


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name, not an address: only "localhost" counts


def _read_secret(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""  # no file yet (or one we may not read): a new key is made


def load_secret(db_path: str | Path, *, create: bool = True) -> str:
    """The session-signing key: $YALU_SECRET_KEY, else the file `<db>.secret` beside the
    database (created with mode 0600 on first use), else a per-process random key."""
    env = os.environ.get(SECRET_ENV)
    if env:
        return env
    path = Path(str(db_path) + ".secret")
    stored = _read_secret(path)
    if stored:
        return stored
    key = secrets.token_urlsafe(48)
    if not create:
        return key
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path) or key  # another process wrote it first
    except OSError:
        return key  # an unwritable folder: sessions last as long as the process
    with os.fdopen(fd, "w") as fh:
        fh.write(key + "\n")
    return key


# --------------------------------------------------------------------------- identity


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def current_user(request: Request) -> str | None:
    name = web_state(request).sessions.user(session_of(request))
    if name:
        return name
    settings = web_state(request).settings
    if (settings.single_user and request.client and is_loopback(request.client.host)
            and not any(h in request.headers for h in PROXY_HEADERS)):
        return settings.single_user_name
    return None


def signed_in(request: Request) -> bool:
    return web_state(request).sessions.user(session_of(request)) is not None


def can_write(request: Request) -> bool:
    return not web_state(request).settings.read_only and current_user(request) is not None


def csrf_token(request: Request) -> str:
    return web_state(request).sessions.csrf_token(session_of(request))


def reviewer(request: Request) -> str:
    """The reviewer a write acts for: 403 on a read-only server, 401 without a signed-in
    reviewer (or a single user); a session that was ended, or whose password changed or
    account went, is no session."""
    if web_state(request).settings.read_only:
        raise HTTPException(403, "this server is read-only")
    user = current_user(request)
    if user is None:
        raise HTTPException(401, "sign in to review")
    return user


Reviewer = Annotated[str, Depends(reviewer)]


# --------------------------------------------------------------------------- writes


def check_csrf(request: Request, supplied: Any) -> None:
    expected = session_of(request).sid and csrf_token(request)
    if not expected or not supplied or not hmac.compare_digest(str(expected), str(supplied)):
        raise HTTPException(403, "CSRF token missing or wrong: reload the page and try again")
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc != host:
            raise HTTPException(403, "cross-origin request refused")


async def guard_writes(request: Request) -> None:
    """The read-only and CSRF checks of every state-changing request (see the module)."""
    if request.method not in UNSAFE_METHODS:
        return
    path = request.url.path
    if web_state(request).settings.read_only and (request.method, path) not in SIGN_OUT:
        raise HTTPException(403, READ_ONLY_REASONS.get(path, "this server is read-only"))
    supplied: Any
    if is_api(request):
        supplied = request.headers.get("x-csrf-token")
    else:
        supplied = (await request.form()).get("csrf_token")  # kept: the route reads it again
    check_csrf(request, supplied)
