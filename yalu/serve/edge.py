"""What every request passes on its way in and every response on its way out. `Edge` sits
outside all of the app's own layers, so a 500 from Starlette's error middleware, a 404 of
a static file or a refused Host carries the same headers as a page.

- The `Host` header must name this server: a loopback name (localhost, 127.0.0.1, ::1),
  the address given to `--host`, or an `--allowed-host`; anything else is a 400. A
  DNS-rebinding page (a name of the attacker's that resolves to 127.0.0.1) sends its own
  name as Host, so it cannot drive a server on this computer.
- A request came over HTTPS when the server is `--behind-https`, or its scheme says so
  (set from a `--trusted-proxy`'s X-Forwarded-Proto by uvicorn's ProxyHeadersMiddleware,
  which `create_app` puts in front only for those addresses).
- Every response gets the Content-Security-Policy and its companions; HSTS over HTTPS;
  `Cache-Control: no-store` on everything but /static/ (pages carry the session's CSRF
  token and what a signed-in reviewer sees).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
HSTS = b"max-age=31536000"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::"})  # every address: no one name to allow

HOST_REFUSED = (b"This server does not answer to that Host name. To serve it under another "
                b"name, start it with --allowed-host NAME.\n")


def host_name(value: str) -> str | None:
    """The name a Host header (or --host, --allowed-host) gives, lower-cased, without port
    or trailing dot: 'Example.org.:8001' -> 'example.org', '[::1]:80' -> '::1'."""
    try:
        name = urlsplit("//" + value.strip()).hostname
    except ValueError:  # an unbalanced bracket
        return None
    return name.rstrip(".") if name else None


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    names = set(LOOPBACK_NAMES)
    for value in (bind, *extra):
        name = host_name(value) if value.strip() not in WILDCARD_BINDS else None
        if name:
            names.add(name)
    return frozenset(names)


def is_https(scope: dict, behind_https: bool) -> bool:
    return behind_https or scope.get("scheme") == "https"


class Edge:
    """Pure ASGI middleware: the Host check and the headers of every response."""

    HEADERS = (
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"same-origin"),
    )

    def __init__(self, app: Any, hosts: frozenset[str], behind_https: bool) -> None:
        self.app = app
        self.hosts = hosts
        self.behind_https = behind_https

    def _headers(self, scope: dict) -> list[tuple[bytes, bytes]]:
        headers = list(self.HEADERS)
        if is_https(scope, self.behind_https):
            headers.append((b"strict-transport-security", HSTS))
        if not scope["path"].startswith("/static/"):
            headers.append((b"cache-control", b"no-store"))
        return headers

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                ours = self._headers(scope)
                names = {name for name, _ in ours}
                kept = [h for h in message.get("headers", []) if h[0] not in names]
                message["headers"] = [*kept, *ours]
            await send(message)

        hosts = [v.decode("latin-1") for k, v in scope["headers"] if k == b"host"]
        if len(hosts) != 1 or host_name(hosts[0]) not in self.hosts:
            await send_with_headers({"type": "http.response.start", "status": 400, "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(HOST_REFUSED)).encode())]})
            await send_with_headers({"type": "http.response.body", "body": HOST_REFUSED})
            return
        await self.app(scope, receive, send_with_headers)
