"""The review forms of the incident page: approve, reject, edit, merge and split, each
answered with a redirect and a flash message (an error comes back as a message too).

The read-only and CSRF checks are the app's (`security.guard_writes`); every route here
needs the reviewer (`Reviewer`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse

from .. import review
from .params import Form, form_text
from .rendering import flash
from .security import Reviewer
from .state import Web

router = APIRouter(prefix="/incidents", include_in_schema=False)

# fields the edit form sends as "" for "none"
NULLABLE = ("date_start", "date_end", "latitude", "longitude", "date_expression", "country",
            "admin1", "admin1_code", "admin2", "location_name")


def _to(incident_id: str, suffix: str = "") -> RedirectResponse:
    return RedirectResponse(f"/incidents/{quote(incident_id)}{suffix}", status_code=303)


def _queue(form: Form, name: str) -> RedirectResponse | None:
    """Back to the review queue, when the form came from it: its `next` field (the record
    after this one, on success) or `here` (this record, on an error). Only /review URLs,
    so a form cannot send the reviewer elsewhere."""
    url = form_text(form, name)
    if url == "/review" or url.startswith("/review?"):
        return RedirectResponse(url, status_code=303)
    return None


def _act(web: Web, request: Request, action: Callable[..., Any], *args: Any,
         **kwargs: Any) -> tuple[Any, review.ReviewError | None]:
    """Run a review action: (its result, None), or (None, the error), which the next page
    shows as a message."""
    try:
        result = action(web.store, *args, **kwargs)
    except review.ReviewError as exc:
        flash(request, str(exc), "error")
        return None, exc
    return result, None


def _note(form: Form) -> str | None:
    return form_text(form, "note") or None


def _set_status(web: Web, user: str, request: Request, form: Form, incident_id: str,
                action: Callable[..., Any], done: str) -> RedirectResponse:
    _, error = _act(web, request, action, incident_id, user, note=_note(form),
                    expected_updated_at=form_text(form, "expected_updated_at") or None)
    if error is None:
        flash(request, done, "ok")
    return _queue(form, "here" if error else "next") or _to(incident_id)


@router.post("/{incident_id}/approve")
def approve_form(web: Web, user: Reviewer, request: Request, form: Form,
                 incident_id: str) -> RedirectResponse:
    return _set_status(web, user, request, form, incident_id, review.approve, "Approved.")


@router.post("/{incident_id}/reject")
def reject_form(web: Web, user: Reviewer, request: Request, form: Form,
                incident_id: str) -> RedirectResponse:
    return _set_status(web, user, request, form, incident_id, review.reject,
                       "Rejected: the record is hidden from lists and exports.")


# the edit form's rows: (field, form prefix, keys, the key without which a row is empty)
ROWS = (("actors", "actor", ("role", "text", "normalized", "kind", "unit", "rank"), "text"),
        ("quantities", "quantity", ("kind", "value", "unit", "text"), "kind"))


def _rows(form: Form, prefix: str, keys: tuple[str, ...], needed: str) -> list[dict]:
    """The rows of a structured list: one column of same-named inputs per key."""
    columns = {key: form.getlist(f"{prefix}_{key}") for key in keys}
    out = []
    for n in range(max(len(c) for c in columns.values())):
        row = {key: (str(c[n]).strip() if n < len(c) else "") or None
               for key, c in columns.items()}
        if row[needed]:
            out.append(row)
    return out


def _structured(form: Form) -> dict[str, Any]:
    """Actors, quantities, attribution and corroboration from the form's rows and fields
    (the JSON API takes them as JSON values)."""
    changes: dict[str, Any] = {}
    for field, prefix, keys, needed in ROWS:
        if f"{prefix}_{needed}" in form:
            changes[field] = _rows(form, prefix, keys, needed)
    if "attribution_text" in form:
        att = {k: form_text(form, f"attribution_{k}").strip() or None
               for k in ("text", "kind", "location")}
        changes["attribution"] = att if att["text"] else None
    if "corroboration" in form:
        changes["corroboration"] = [o.strip() for o in form_text(form, "corroboration").split(";")]
    return changes


@router.post("/{incident_id}/edit")
def edit_form(web: Web, user: Reviewer, request: Request, form: Form,
              incident_id: str) -> RedirectResponse:
    changes: dict[str, Any] = {name: form.get(name) for name in review.EDITABLE
                               if name in form and name != "category"}
    for name in NULLABLE:
        if changes.get(name) == "":
            changes[name] = None
    changes.update(_structured(form))
    _, error = _act(web, request, review.edit, incident_id, user, changes, note=_note(form),
                    expected_updated_at=form_text(form, "expected_updated_at") or None)
    if isinstance(error, review.NotFound):
        raise HTTPException(404, str(error)) from error
    if error is not None:
        back = form_text(form, "next")
        return _to(incident_id, "/edit" + (f"?next={quote(back)}" if _queue(form, "next") else ""))
    flash(request, "Saved: the record is now marked edited.", "ok")
    return _queue(form, "next") or _to(incident_id)


@router.post("/{incident_id}/merge")
def merge_form(web: Web, user: Reviewer, request: Request, form: Form,
               incident_id: str) -> RedirectResponse:
    other = form_text(form, "other").strip()
    keep = form.get("keep", "this")
    winner, loser = (incident_id, other) if keep == "this" else (other, incident_id)
    _, error = _act(web, request, review.merge, winner, loser, user, note=_note(form))
    if error is not None:
        return _queue(form, "here") or _to(incident_id)
    flash(request, f"Merged {loser} into {winner}.", "ok")
    return _queue(form, "next") or _to(winner)


def _evidence_id(key: str) -> int | None:
    """The evidence id of a split form field `ev-<id>`; None for any other field."""
    if not key.startswith("ev-"):
        return None
    try:
        return int(key[3:])
    except ValueError:
        return None  # not one of the form's evidence fields


def _evidence_choices(form: Form) -> tuple[list[int], list[int]]:
    """The evidence ids the split form moves and copies."""
    move, copy = [], []
    for key, value in form.multi_items():
        ev_id = _evidence_id(key)
        if ev_id is not None and value == "move":
            move.append(ev_id)
        elif ev_id is not None and value == "copy":
            copy.append(ev_id)
    return move, copy


@router.post("/{incident_id}/split")
def split_form(web: Web, user: Reviewer, request: Request, form: Form,
               incident_id: str) -> RedirectResponse:
    move, copy = _evidence_choices(form)
    changes = {name: form_text(form, name) for name in ("event_type", "summary")
               if form_text(form, name)}
    result, error = _act(web, request, review.split, incident_id, user, move_evidence=move,
                         copy_evidence=copy, changes=changes, note=_note(form))
    if error is not None:
        return _to(incident_id, "/split")
    new = result[1]
    flash(request, f"Split: new record {new['id']}.", "ok")
    return _to(new["id"])
