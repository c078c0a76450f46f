"""What the requests of one app share: its settings, the `Store` (which owns the
connections: one per worker thread, read-only ones for --read-only), the templates, the
sessions, the sign-in limiter and the cached filter values. `create_app` puts one `WebState` on `app.state.web`; a route
gets it with the `Web` dependency."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from ..store import Store
from ..store import query as q
from .limits import SignInLimiter
from .sessions import Sessions


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
    workers: int = 1  # server processes on this database (`yalu serve --workers`)


class WebState:
    def __init__(self, settings: Settings, store: Store, templates: Jinja2Templates) -> None:
        self.settings = settings
        self.store = store
        self.templates = templates
        self.sessions = Sessions(settings.secret_key, store, read_only=settings.read_only)
        self.limiter = SignInLimiter(workers=settings.workers)

    def facets(self) -> dict:
        """The values the filter drop-downs offer, computed again once the data changed
        (the data version keys them, so a write through another worker counts too)."""
        return self.store.remember(("filter_values",), lambda: q.facets(self.store))


def web_state(request: Request) -> WebState:
    return request.app.state.web


Web = Annotated[WebState, Depends(web_state)]
