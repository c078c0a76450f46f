"""What the requests of one app share: its settings, the `Store` (which owns the
connections: one per worker thread, read-only ones for --read-only), the templates, the
sessions, the sign-in limiter and the cached filter values. `create_app` puts one `WebState` on `app.state.web`; a route
gets it with the `Web` dependency."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from ..store import Store
from ..store import query as q
from .limits import SignInLimiter
from .sessions import Sessions

FACETS_TTL = 30.0  # seconds the filter values are reused (a review action renews them)


@dataclass
class Settings:
    db_path: str
    read_only: bool = False
    single_user: bool = False
    host: str = "127.0.0.1"
    single_user_name: str = "local"
    secret_key: str = ""
    allowed_hosts: tuple[str, ...] = ()  # Host names served besides loopback and `host`
    behind_https: bool = False  # every request came over HTTPS (a TLS proxy in front)
    trusted_proxies: tuple[str, ...] = ()  # addresses whose X-Forwarded-* are believed


class WebState:
    def __init__(self, settings: Settings, store: Store, templates: Jinja2Templates) -> None:
        self.settings = settings
        self.store = store
        self.templates = templates
        self.sessions = Sessions(settings.secret_key, store, read_only=settings.read_only)
        self.limiter = SignInLimiter()
        self._facets: tuple[float, dict] | None = None

    def facets(self) -> dict:
        """The values the filter drop-downs offer, computed at most every FACETS_TTL s."""
        cached = self._facets
        if cached and time.monotonic() - cached[0] < FACETS_TTL:
            return cached[1]
        value = q.facets(self.store)
        self._facets = (time.monotonic(), value)
        return value

    def changed(self) -> None:
        """A write happened: the next page computes the filter values afresh."""
        self._facets = None


def web_state(request: Request) -> WebState:
    return request.app.state.web


Web = Annotated[WebState, Depends(web_state)]
