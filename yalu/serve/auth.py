"""Signing in and out: the API's /api/session and the pages' /login and /logout.

A read-only server refuses signing in and the CSRF token is checked, by the app's
`security.guard_writes`; what is left here is who you are."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Security
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from . import users
from .models import LoginBody
from .params import Form, form_text
from .rendering import flash, json_response, page
from .security import CSRF_HEADER, can_write, csrf_token, current_user, sign_in
from .state import Web

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this server, never another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


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
    if not users.verify(web.store, body.name, body.password):
        raise HTTPException(401, "wrong name or password")
    sign_in(request, body.name.strip())
    return json_response({"user": body.name.strip(), "csrf_token": csrf_token(request)})


@router.delete("/api/session", tags=["session"], summary="Sign out",
               dependencies=[Security(CSRF_HEADER)])
def api_logout(request: Request) -> Response:
    request.session.clear()
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
    if not users.verify(web.store, name, password):
        return page(request, "login.html", {"next": target, "error": "Wrong name or password."},
                    status=401)
    sign_in(request, name)
    flash(request, f"Signed in as {name}.", "ok")
    return RedirectResponse(target, status_code=303)


@router.post("/logout", include_in_schema=False)
def logout_form(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/", status_code=303)
