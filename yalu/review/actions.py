"""Review actions on incident records: approve, edit, reject, merge, split.

Each action is one transaction that changes the record(s), sets `review_status` and
writes an audit row per touched incident (user, UTC time, action, before JSON, after JSON),
so the database never holds a change without its audit row, nor an audit row without
its change. `before`/`after` hold only what the action changed.

Functions take a `Store` or a `sqlite3.Connection` opened with isolation_level=None
(the Store's own is).
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import Any, Iterator

from ..store import query as q

ACTOR_ROLES = ("agent", "target", "victim", "witness")
ACTOR_KINDS = ("unit", "official", "civilian", "state", "organization")
QUANTITY_KINDS = ("people", "fatalities", "injured", "money", "weapon", "ammunition", "other")
ATTRIBUTION_KINDS = ("anonymous_source", "official", "media", "state_media", "document")

# Fields an edit may change, in the order the edit form shows them.
EDITABLE = (
    "event_type", "category", "summary", "date_start", "date_end", "time_precision",
    "date_expression", "country", "admin1", "admin1_code", "admin2", "location_name",
    "latitude", "longitude", "geo_precision", "actors", "quantities", "modality",
    "attribution", "corroboration", "confidence",
)
JSON_FIELDS = ("actors", "quantities", "attribution", "corroboration")


class ReviewError(ValueError):
    """A review action that cannot be done (unknown record, invalid value, conflict)."""


class NotFound(ReviewError):
    pass


class Conflict(ReviewError):
    """The record changed since the reviewer loaded it."""


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _conn(db) -> sqlite3.Connection:
    return getattr(db, "conn", db)


@contextmanager
def _write(db) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT: one writer, all of it or none of it."""
    conn = _conn(db)
    if conn.in_transaction:
        raise ReviewError("a transaction is already open on this connection")
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _audit(conn, incident_id: str, user: str, action: str, before, after, at: str) -> None:
    conn.execute(
        "INSERT INTO audit (incident_id, user, at, action, before, after) VALUES (?,?,?,?,?,?)",
        (
            incident_id, user, at, action,
            None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True),
            None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True),
        ),
    )


def _load(conn, incident_id: str, expected_updated_at: str | None = None) -> dict:
    record = q.get(conn, incident_id)
    if record is None:
        raise NotFound(f"no incident {incident_id!r}")
    if expected_updated_at and record["updated_at"] != expected_updated_at:
        raise Conflict(
            f"incident {incident_id} was changed at {record['updated_at']} since you loaded it; "
            "reload and try again"
        )
    return record


def _check_user(user: str) -> str:
    user = (user or "").strip()
    if not user:
        raise ReviewError("a review action needs a user name")
    return user


def _set_status(conn, record: dict, user: str, action: str, status: str, note: str | None,
                expected_updated_at: str | None) -> dict:
    at = utcnow()
    before = {"review_status": record["review_status"]}
    after = {"review_status": status}
    if note:
        after["note"] = note
    conn.execute(
        "UPDATE incidents SET review_status = ?, updated_at = ? WHERE id = ?",
        (status, at, record["id"]),
    )
    _audit(conn, record["id"], user, action, before, after, at)
    return q.get(conn, record["id"])


def approve(db, incident_id: str, user: str, *, note: str | None = None,
            expected_updated_at: str | None = None) -> dict:
    """Mark a record as checked and right as it stands."""
    user = _check_user(user)
    with _write(db) as conn:
        record = _load(conn, incident_id, expected_updated_at)
        if record["merged_into"]:
            raise ReviewError(f"{incident_id} is merged into {record['merged_into']}: review that one")
        return _set_status(conn, record, user, "approve", "approved", note, expected_updated_at)


def reject(db, incident_id: str, user: str, *, note: str | None = None,
           expected_updated_at: str | None = None) -> dict:
    """Mark a record as wrong (not an incident, a duplicate, page furniture...).
    It stays in the database and out of lists and exports unless asked for."""
    user = _check_user(user)
    with _write(db) as conn:
        record = _load(conn, incident_id, expected_updated_at)
        return _set_status(conn, record, user, "reject", "rejected", note, expected_updated_at)


# --------------------------------------------------------------------------- edit


def _opt_str(name, value, max_len=2000):
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError(f"{name}: expected text")
    value = value.strip()
    if len(value) > max_len:
        raise ReviewError(f"{name}: longer than {max_len} characters")
    return value or None


def _opt_date(name, value):
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError as exc:
        raise ReviewError(f"{name}: not an ISO date (YYYY-MM-DD): {value!r}") from exc


def _int_in(name, value, allowed):
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ReviewError(f"{name}: expected a whole number") from exc
    if number not in allowed:
        raise ReviewError(f"{name}: must be one of {sorted(allowed)}")
    return number


def _opt_float(name, value, low, high):
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise ReviewError(f"{name}: expected a number") from exc
    if not math.isfinite(number) or not low <= number <= high:
        raise ReviewError(f"{name}: must be between {low} and {high}")
    return number


def _json_value(name, value):
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError as exc:
            raise ReviewError(f"{name}: not valid JSON ({exc})") from exc
    return value


def _dict_list(name, value, allowed_keys, enum_key, enum_values, required):
    value = _json_value(name, value)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ReviewError(f"{name}: expected a list")
    out = []
    for n, item in enumerate(value):
        if not isinstance(item, dict):
            raise ReviewError(f"{name}[{n}]: expected an object")
        unknown = set(item) - set(allowed_keys)
        if unknown:
            raise ReviewError(f"{name}[{n}]: unknown keys {sorted(unknown)}")
        for key in required:
            if item.get(key) in (None, ""):
                raise ReviewError(f"{name}[{n}]: {key} is required")
        if item.get(enum_key) not in enum_values:
            raise ReviewError(f"{name}[{n}].{enum_key}: must be one of {list(enum_values)}")
        out.append({key: item.get(key) for key in allowed_keys})
    return out


def validate_changes(changes: dict[str, Any], current: dict | None = None) -> dict[str, Any]:
    """Check and normalise edited fields against the ontology and the record schema.
    Raises ReviewError naming the first bad field."""
    if not isinstance(changes, dict):
        raise ReviewError("changes: expected an object of field -> value")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ReviewError(f"not editable: {', '.join(sorted(unknown))}")
    types = q.event_types()
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "event_type":
            if value not in types:
                raise ReviewError(f"event_type: {value!r} is not in the ontology")
            out[name] = value
        elif name == "category":
            if value not in set(types.values()):
                raise ReviewError(f"category: {value!r} is not in the ontology")
            out[name] = value
        elif name == "summary":
            text = _opt_str(name, value, 2000)
            if not text:
                raise ReviewError("summary: must not be empty")
            out[name] = text
        elif name in ("date_start", "date_end"):
            out[name] = _opt_date(name, value)
        elif name == "time_precision":
            out[name] = _int_in(name, value, {0, 1, 2, 3, 4})
        elif name == "geo_precision":
            out[name] = _int_in(name, value, {0, 1, 2, 3})
        elif name == "country":
            text = _opt_str(name, value, 2)
            if text and not re.fullmatch(r"[A-Za-z]{2}", text):
                raise ReviewError("country: expected an ISO 3166-1 alpha-2 code (KP, KR, CN...)")
            out[name] = text.upper() if text else None
        elif name == "admin1_code":
            text = _opt_str(name, value, 10)
            if text and not re.fullmatch(r"[A-Za-z]{2}-\w{1,3}", text):
                raise ReviewError("admin1_code: expected an ISO 3166-2 code (KP-10)")
            out[name] = text.upper() if text else None
        elif name in ("date_expression", "admin1", "admin2", "location_name"):
            out[name] = _opt_str(name, value, 500)
        elif name == "latitude":
            out[name] = _opt_float(name, value, -90, 90)
        elif name == "longitude":
            out[name] = _opt_float(name, value, -180, 180)
        elif name == "confidence":
            number = _opt_float(name, value, 0, 1)
            if number is None:
                raise ReviewError("confidence: required")
            out[name] = number
        elif name == "modality":
            if value not in q.MODALITIES:
                raise ReviewError(f"modality: must be one of {list(q.MODALITIES)}")
            out[name] = value
        elif name == "actors":
            out[name] = _dict_list(
                name, value, ("role", "text", "normalized", "kind", "unit", "rank"),
                "role", ACTOR_ROLES, ("text",),
            )
            for n, actor in enumerate(out[name]):
                if actor["kind"] not in (None, *ACTOR_KINDS):
                    raise ReviewError(f"actors[{n}].kind: must be one of {list(ACTOR_KINDS)}")
        elif name == "quantities":
            items = _dict_list(
                name, value, ("kind", "value", "unit", "text"), "kind", QUANTITY_KINDS, (),
            )
            for n, item in enumerate(items):
                if item["value"] is not None:
                    item["value"] = _opt_float(f"quantities[{n}].value", item["value"], -1e15, 1e15)
            out[name] = items
        elif name == "attribution":
            value = _json_value(name, value)
            if value is None:
                out[name] = None
            else:
                if not isinstance(value, dict):
                    raise ReviewError("attribution: expected an object or null")
                unknown = set(value) - {"text", "kind", "location"}
                if unknown:
                    raise ReviewError(f"attribution: unknown keys {sorted(unknown)}")
                if not value.get("text"):
                    raise ReviewError("attribution.text: required")
                if value.get("kind") not in ATTRIBUTION_KINDS:
                    raise ReviewError(f"attribution.kind: must be one of {list(ATTRIBUTION_KINDS)}")
                out[name] = {k: value.get(k) for k in ("text", "kind", "location")}
        elif name == "corroboration":
            value = _json_value(name, value)
            if value is None:
                value = []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ReviewError("corroboration: expected a list of text")
            out[name] = [v.strip() for v in value if v.strip()]
    # the category follows the event type unless both are given and agree
    if "event_type" in out:
        expected = types[out["event_type"]]
        if "category" in out and out["category"] != expected:
            raise ReviewError(
                f"category: {out['event_type']} belongs to {expected}, not {out['category']}"
            )
        out["category"] = expected
    elif "category" in out and current is not None:
        if types.get(current["event_type"]) not in (None, out["category"]):
            raise ReviewError(
                f"category: {current['event_type']} belongs to {types[current['event_type']]}"
            )
    start = out.get("date_start", current.get("date_start") if current else None)
    end = out.get("date_end", current.get("date_end") if current else None)
    if start and end and end < start:
        raise ReviewError("date_end: before date_start")
    return out


# Fields that say where: changing one of them detaches the record from its gazetteer place.
PLACE_FIELDS = {"country", "admin1", "admin1_code", "admin2", "location_name", "latitude",
                "longitude"}


def _same(old, new) -> bool:
    """Equal for the audit trail: an empty value is an empty value (the edit form sends ""
    or [] for a NULL column, and some stored records hold "" where others hold NULL)."""
    if old in (None, "", [], {}) and new in (None, "", [], {}):
        return True
    return old == new


def edit(db, incident_id: str, user: str, changes: dict[str, Any], *, note: str | None = None,
         expected_updated_at: str | None = None) -> dict:
    """Change any fields; the record becomes `edited`. Fields equal to the current value
    are left out of the audit row; an edit that changes nothing is refused."""
    user = _check_user(user)
    with _write(db) as conn:
        record = _load(conn, incident_id, expected_updated_at)
        if record["merged_into"]:
            raise ReviewError(f"{incident_id} is merged into {record['merged_into']}: edit that one")
        clean = validate_changes(changes, record)
        diff = {k: v for k, v in clean.items() if not _same(record.get(k), v)}
        if not diff:
            raise ReviewError("nothing changed")
        at = utcnow()
        before = {k: record.get(k) for k in diff}
        after = dict(diff)
        if record.get("place_id") and PLACE_FIELDS & set(diff) and "place_id" not in diff:
            # the gazetteer id named the place the machine found; a reviewer who moves the
            # incident elsewhere leaves it describing the wrong place
            diff["place_id"] = None
            before["place_id"], after["place_id"] = record["place_id"], None
        before["review_status"], after["review_status"] = record["review_status"], "edited"
        columns = list(diff)
        values = [
            json.dumps(diff[c], ensure_ascii=False) if c in JSON_FIELDS else diff[c]
            for c in columns
        ]
        sets = ", ".join(f"{c} = ?" for c in columns)
        conn.execute(
            f"UPDATE incidents SET {sets}, review_status = 'edited', updated_at = ? WHERE id = ?",
            [*values, at, incident_id],
        )
        if note:
            after["note"] = note
        _audit(conn, incident_id, user, "edit", before, after, at)
        return q.get(conn, incident_id)


# --------------------------------------------------------------------------- merge / split


def _evidence_key(e: dict) -> tuple:
    return (e["article_id"], e["start"], e["end"], e["trigger_start"], e["trigger_end"])


def merge(db, winner_id: str, loser_id: str, user: str, *, note: str | None = None) -> dict:
    """Two records of the same incident become one: the loser gets merged_into = winner and
    leaves lists and exports; the winner gains the loser's sources, evidence and
    corroboration. The loser's own rows are kept, so the merge can be read back."""
    user = _check_user(user)
    if winner_id == loser_id:
        raise ReviewError("cannot merge a record with itself")
    with _write(db) as conn:
        winner = _load(conn, winner_id)
        loser = _load(conn, loser_id)
        for record in (winner, loser):
            if record["merged_into"]:
                raise ReviewError(f"{record['id']} is already merged into {record['merged_into']}")
        at = utcnow()
        new_sources = [s for s in loser["sources"] if s not in winner["sources"]]
        conn.executemany(
            "INSERT OR IGNORE INTO incident_sources (incident_id, article_id) VALUES (?, ?)",
            [(winner_id, s) for s in new_sources],
        )
        have = {_evidence_key(e) for e in winner["evidence"]}
        gained = [e for e in loser["evidence"] if _evidence_key(e) not in have]
        conn.executemany(
            'INSERT INTO evidence (incident_id, article_id, start, "end", trigger_start, '
            "trigger_end, text) VALUES (?,?,?,?,?,?,?)",
            [
                (winner_id, e["article_id"], e["start"], e["end"], e["trigger_start"],
                 e["trigger_end"], e["text"])
                for e in gained
            ],
        )
        corroboration = list(winner["corroboration"] or [])
        for item in loser["corroboration"] or []:
            if item not in corroboration:
                corroboration.append(item)
        conn.execute(
            "UPDATE incidents SET corroboration = ?, review_status = 'edited', updated_at = ? "
            "WHERE id = ?",
            (json.dumps(corroboration, ensure_ascii=False), at, winner_id),
        )
        conn.execute(
            "UPDATE incidents SET merged_into = ?, updated_at = ? WHERE id = ?",
            (winner_id, at, loser_id),
        )
        w_before = {
            "review_status": winner["review_status"],
            "sources": winner["sources"],
            "evidence": len(winner["evidence"]),
            "corroboration": winner["corroboration"],
        }
        w_after = {
            "merged": loser_id,
            "review_status": "edited",
            "sources": winner["sources"] + new_sources,
            "evidence": len(winner["evidence"]) + len(gained),
            "corroboration": corroboration,
        }
        if note:
            w_after["note"] = note
        _audit(conn, winner_id, user, "merge", w_before, w_after, at)
        _audit(conn, loser_id, user, "merged_into", {"merged_into": None},
               {"merged_into": winner_id, **({"note": note} if note else {})}, at)
        return q.get(conn, winner_id)


def _new_split_id(conn, incident_id: str) -> str:
    n = 1
    while conn.execute("SELECT 1 FROM incidents WHERE id = ?", (f"{incident_id}-s{n}",)).fetchone():
        n += 1
    return f"{incident_id}-s{n}"


def split(db, incident_id: str, user: str, *, move_evidence: list[int] = (),
          copy_evidence: list[int] = (), changes: dict[str, Any] | None = None,
          note: str | None = None) -> tuple[dict, dict]:
    """One record that holds two incidents becomes two. The new record copies every field
    (then `changes`, e.g. another event_type, apply to it) and takes the evidence rows in
    `move_evidence` away from the original; rows in `copy_evidence` go to both. Each record
    must keep at least one evidence row when the original had any. Both become `edited`.
    Returns (original, new)."""
    user = _check_user(user)
    move = {int(e) for e in move_evidence}
    copy = {int(e) for e in copy_evidence} - move
    with _write(db) as conn:
        record = _load(conn, incident_id)
        if record["merged_into"]:
            raise ReviewError(f"{incident_id} is merged into {record['merged_into']}")
        ids = {e["id"] for e in record["evidence"]}
        unknown = (move | copy) - ids
        if unknown:
            raise ReviewError(f"evidence {sorted(unknown)} does not belong to {incident_id}")
        if ids:
            if not move | copy:
                raise ReviewError("choose the evidence the new record rests on (move or copy)")
            if not ids - move:
                raise ReviewError("the original record must keep at least one evidence sentence")
        clean = validate_changes(changes or {}, record)
        new_id = _new_split_id(conn, incident_id)
        at = utcnow()
        new = {k: record[k] for k in EDITABLE}
        new.update(clean)
        columns = [
            "id", "article_id", *EDITABLE, "place_id", "review_status", "created_at", "updated_at",
        ]
        values = [
            new_id, record["article_id"],
            *(json.dumps(new[c], ensure_ascii=False) if c in JSON_FIELDS else new[c] for c in EDITABLE),
            record["place_id"], "edited", at, at,
        ]
        conn.execute(
            f"INSERT INTO incidents ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))})",
            values,
        )
        chosen = [e for e in record["evidence"] if e["id"] in move | copy]
        sources = sorted({e["article_id"] for e in chosen} or set(record["sources"]))
        conn.executemany(
            "INSERT OR IGNORE INTO incident_sources (incident_id, article_id) VALUES (?, ?)",
            [(new_id, s) for s in sources],
        )
        if move:
            marks = ",".join("?" * len(move))
            conn.execute(
                f"UPDATE evidence SET incident_id = ? WHERE incident_id = ? AND id IN ({marks})",
                [new_id, incident_id, *sorted(move)],
            )
        conn.executemany(
            'INSERT INTO evidence (incident_id, article_id, start, "end", trigger_start, '
            "trigger_end, text) VALUES (?,?,?,?,?,?,?)",
            [
                (new_id, e["article_id"], e["start"], e["end"], e["trigger_start"],
                 e["trigger_end"], e["text"])
                for e in record["evidence"] if e["id"] in copy
            ],
        )
        conn.execute(
            "UPDATE incidents SET review_status = 'edited', updated_at = ? WHERE id = ?",
            (at, incident_id),
        )
        kept = [e for e in record["evidence"] if e["id"] not in move]
        _audit(
            conn, incident_id, user, "split",
            {"review_status": record["review_status"], "evidence": sorted(ids)},
            {"review_status": "edited", "evidence": sorted(e["id"] for e in kept),
             "split_into": new_id, **({"note": note} if note else {})},
            at,
        )
        after_new = {k: new[k] for k in EDITABLE}
        after_new.update({"review_status": "edited", "sources": sources, "split_from": incident_id})
        if note:
            after_new["note"] = note
        _audit(conn, new_id, user, "split_from", None, after_new, at)
        return q.get(conn, incident_id), q.get(conn, new_id)
