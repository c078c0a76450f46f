"""Signing in and out: the API's /api/session and the pages' /login and /logout.

A read-only server refuses signing in and the CSRF token is checked, by the app's
`security.guard_writes`; what is left here is who you are, under the sign-in rate limit
(limits.py: 429 with Retry-After while the account or the client address is locked)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Security
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from . import users
from .models import LoginBody
from .params import Form, form_text
from .rendering import flash, json_response, page
from .security import CSRF_HEADER, can_write, csrf_token, current_user
from .sessions import session_of
from .state import Web, WebState

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this server, never another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def sign_in(web: WebState, request: Request, name: str, password: str) -> bool:
    """Sign in when the password is right (a new session: no fixation, a fresh CSRF
    token); False when it is wrong. While the account or the address is locked out:
    HTTPException 429 with Retry-After, before the password is checked."""
    address = request.client.host if request.client else ""
    wait = web.limiter.retry_after(name, address)
    if wait:
        raise HTTPException(429, f"too many failed sign-ins: try again in {wait} s",
                            headers={"Retry-After": str(wait)})
    if not users.verify(web.store, name, password):
        web.limiter.failed(name, address)
        return False
    web.limiter.succeeded(name, address)
    web.sessions.sign_in(session_of(request), name)
    return True


# --------------------------------------------------------------------------- API


@router.get("/api/session", tags=["session"], summary="Who you are, and the CSRF token")
def api_session(web: Web, request: Request) -> Response:
    return json_response({
        "user": current_user(request),
        "can_write": can_write(request),
        "read_only": web.settings.read_only,
        "single_user": web.settings.single_user,
        "csrf_token": csrf_token(request),
    })


@router.post("/api/session", tags=["session"], summary="Sign in",
             dependencies=[Security(CSRF_HEADER)])
def api_login(web: Web, request: Request, body: LoginBody) -> Response:
    if not sign_in(web, request, body.name.strip(), body.password):
        raise HTTPException(401, "wrong name or password")
    return json_response({"user": body.name.strip(), "csrf_token": csrf_token(request)})


@router.delete("/api/session", tags=["session"], summary="Sign out",
               dependencies=[Security(CSRF_HEADER)])
def api_logout(web: Web, request: Request) -> Response:
    web.sessions.end(session_of(request))  # the row goes: a copied cookie is worthless
    return json_response({"user": None})


# --------------------------------------------------------------------------- pages


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return page(request, "login.html", {"next": safe_next(next), "error": None})


@router.post("/login", include_in_schema=False)
def login_form(web: Web, request: Request, form: Form) -> Response:
    name = form_text(form, "name").strip()
    password = form_text(form, "password")
    target = safe_next(form_text(form, "next"))
    try:
        if not sign_in(web, request, name, password):
            return page(request, "login.html",
                        {"next": target, "error": "Wrong name or password."}, status=401)
    except HTTPException as exc:  # locked out for now
        response = page(request, "login.html", {"next": target, "error": exc.detail},
                        status=exc.status_code)
        response.headers.update(exc.headers or {})
        return response
    flash(request, f"Signed in as {name}.", "ok")
    return RedirectResponse(target, status_code=303)


@router.post("/logout", include_in_schema=False)
def logout_form(web: Web, request: Request) -> Response:
    web.sessions.end(session_of(request))  # the row goes: a copied cookie is worthless
    return RedirectResponse("/", status_code=303)
