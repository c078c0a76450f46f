"""Sessions: an opaque, signed cookie naming a session the server keeps.

The cookie is a random id and its HMAC under the app's secret: nothing in it is readable,
and an id the server did not make is refused. What a session is lives on the server:

- a signed-in reviewer's session is a row of the `sessions` table (by the SHA-256 of its
  id, so a copy of the table holds no usable cookie): signing out deletes the row, and
  `yalu user passwd` / `yalu user remove` delete every row of the user, so a copied
  cookie stops working at once, in this process and any other on the same database;
- an anonymous session stores nothing: its CSRF token is an HMAC of its id;
- flash messages (for the next page only) are kept in this process's memory.

`SessionCookies` (ASGI middleware) reads the cookie into a `Session` and sets it when the
session was made or changed; `Secure` when the request came over HTTPS (edge.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
from collections import OrderedDict
from typing import Any

from fastapi import Request
from starlette.requests import cookie_parser

from ..store import Store
from . import users
from .edge import is_https

SESSION_COOKIE = "yalu_session"
SESSION_MAX_AGE = 14 * 24 * 3600
SCOPE_KEY = "yalu.session"
MAX_FLASHED = 10_000  # sessions holding unread flash messages; the oldest go first


class Session:
    """One request's session: the id its cookie names (None: no cookie yet, or a forged
    one), the signed-in reviewer (looked up once, when asked) and what the browser must
    be told (`issue`: set the cookie; `drop`: delete it)."""

    def __init__(self, sid: str | None) -> None:
        self.sid = sid
        self.issue = False
        self.drop = False
        self.looked_up = False
        self.user: str | None = None


class Sessions:
    """The app's sessions: the cookie's signature, the signed-in rows, the flash messages."""

    def __init__(self, secret: str, store: Store, *, read_only: bool) -> None:
        self._key = hashlib.sha256(b"yalu-session\0" + secret.encode()).digest()
        self.store = store
        self.read_only = read_only
        self._flashes: OrderedDict[str, list[list[str]]] = OrderedDict()
        self._lock = threading.Lock()

    def _mac(self, purpose: str, sid: str) -> str:
        digest = hmac.new(self._key, f"{purpose}\0{sid}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def cookie_value(self, sid: str) -> str:
        return f"{sid}.{self._mac('cookie', sid)}"

    def sid_of(self, value: str | None) -> str | None:
        """The session id a cookie names, or None when its signature is not ours."""
        sid, _, mac = (value or "").rpartition(".")
        if sid and hmac.compare_digest(mac.encode(), self._mac("cookie", sid).encode()):
            return sid
        return None

    # the session of a request ------------------------------------------------

    def _new_id(self, session: Session) -> str:
        session.sid = secrets.token_urlsafe(32)
        session.issue, session.drop = True, False
        return session.sid

    def csrf_token(self, session: Session) -> str:
        """The session's CSRF token (a session is started for it when there is none)."""
        sid = session.sid or self._new_id(session)
        return self._mac("csrf", sid)

    def user(self, session: Session) -> str | None:
        """The signed-in reviewer; None for an anonymous, ended or expired session, and
        always on a read-only server (nobody signs in there)."""
        if not session.looked_up:
            session.looked_up = True
            if session.sid and not self.read_only:
                session.user = users.session_user(self.store, _row_id(session.sid))
        return session.user

    def sign_in(self, session: Session, name: str) -> None:
        """A new session for `name`: a fresh id (no session fixation), so a fresh CSRF token."""
        self.end(session)
        sid = self._new_id(session)
        users.open_session(self.store, _row_id(sid), name, SESSION_MAX_AGE)
        session.looked_up, session.user = True, name

    def end(self, session: Session) -> None:
        """Sign out: the session's row goes (a copy of the cookie is worth nothing after)."""
        if session.sid:
            if not self.read_only:
                users.close_session(self.store, _row_id(session.sid))
            self.pop_flashes(session)
        session.sid, session.issue, session.drop = None, False, True
        session.looked_up, session.user = True, None

    # flash messages -------------------------------------------------------------

    def flash(self, session: Session, message: str, kind: str) -> None:
        sid = session.sid or self._new_id(session)
        with self._lock:
            self._flashes.setdefault(sid, []).append([kind, message])
            self._flashes.move_to_end(sid)
            while len(self._flashes) > MAX_FLASHED:
                self._flashes.popitem(last=False)

    def pop_flashes(self, session: Session) -> list[list[str]]:
        if not session.sid:
            return []
        with self._lock:
            return self._flashes.pop(session.sid, [])


def _row_id(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def session_of(request: Request) -> Session:
    return request.scope[SCOPE_KEY]


class SessionCookies:
    """Pure ASGI middleware: the request's `Session` from its cookie, and the cookie set
    (HttpOnly, SameSite=Lax, Secure over HTTPS) or deleted when the session changed."""

    def __init__(self, app: Any, sessions: Sessions, behind_https: bool) -> None:
        self.app = app
        self.sessions = sessions
        self.behind_https = behind_https

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = cookie_parser(_header(scope, b"cookie"))
        session = scope[SCOPE_KEY] = Session(self.sessions.sid_of(cookies.get(SESSION_COOKIE)))

        async def send_with_cookie(message: dict) -> None:
            if message["type"] == "http.response.start" and (session.issue or session.drop):
                message["headers"] = [*message.get("headers", []),
                                      (b"set-cookie", self._cookie(scope, session).encode())]
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _cookie(self, scope: dict, session: Session) -> str:
        if session.sid and session.issue:
            value, age = self.sessions.cookie_value(session.sid), SESSION_MAX_AGE
        else:
            value, age = "", 0
        cookie = f"{SESSION_COOKIE}={value}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax"
        return cookie + "; Secure" if is_https(scope, self.behind_https) else cookie


def _header(scope: dict, name: bytes) -> str:
    return b"; ".join(v for k, v in scope["headers"] if k == name).decode("latin-1")
