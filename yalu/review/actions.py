"""A reviewer's actions on incident records: approve, edit, reject, merge, split.

Each action is one transaction (nested in the caller's, as a savepoint, when one is open)
that changes the record(s), sets `review_status` and writes an audit row per touched
incident (user, UTC time, action, before JSON, after JSON), so the database never holds a
change without its audit row, nor an audit row without its change. `before`/`after` hold
only what the action changed.

`merge` here is the reviewer's: two records the reviewer says are one incident. The
automatic merge of one incident's reports from several outlets, at ingest, is
`yalu.merge`; the clustering of mentions within one article is `yalu.extract.clustering`.

Functions take a `Store` or a `sqlite3.Connection` opened with isolation_level=None
(the Store's own are).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from ..store import DB, atomic, connection, now
from ..store import query as q
from ..store.writes import add_sources, insert_evidence, write_audit
from .summaries import SUMMARY_FROM, rewritten, written_by_hand
from .validate import EDITABLE, JSON_FIELDS, ReviewError, validate_changes


class NotFound(ReviewError):
    pass


class Conflict(ReviewError):
    """The record changed since the reviewer loaded it; `current` is the record as it is now."""

    def __init__(self, message: str, current: dict) -> None:
        super().__init__(message)
        self.current = current


@contextmanager
def _write(db: DB) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT (one writer), or a savepoint inside an open transaction:
    all of it or none of it."""
    with atomic(connection(db), immediate=True) as conn:
        yield conn


def _load(conn: sqlite3.Connection, incident_id: str, expected_updated_at: str | None = None) -> dict:
    record = q.get(conn, incident_id)
    if record is None:
        raise NotFound(f"no incident {incident_id!r}")
    if expected_updated_at and record["updated_at"] != expected_updated_at:
        raise Conflict(
            f"incident {incident_id} was changed at {record['updated_at']} since you loaded it; "
            "reload and try again", record)
    return record


def _stamp(*records: dict) -> str:
    """The updated_at of a change to these records: now, or a second past the latest
    stamp they hold, whichever is later, so that every change moves it on and a
    reviewer's save with the stamp an earlier one loaded fails (stamps are to the second,
    and two saves can fall within one)."""
    at = now()
    for record in records:
        try:
            later = datetime.fromisoformat(record["updated_at"]) + timedelta(seconds=1)
        except (TypeError, ValueError):
            continue  # no stamp, or one not written by Yalu
        if later.tzinfo is not None and later.isoformat(timespec="seconds") > at:
            at = later.isoformat(timespec="seconds")
    return at


def _check_user(user: str) -> str:
    user = (user or "").strip()
    if not user:
        raise ReviewError("a review action needs a user name")
    return user


def _set_status(conn: sqlite3.Connection, record: dict, user: str, action: str, status: str,
                note: str | None, *, settles: bool = False) -> dict:
    """`settles`: the reviewer has looked at the record again, which answers a `recheck`
    flag of `yalu reprocess` (the flag goes, and the audit row says so)."""
    at = _stamp(record)
    before: dict[str, Any] = {"review_status": record["review_status"]}
    after: dict[str, Any] = {"review_status": status}
    if settles and record.get("recheck"):
        before["recheck"], after["recheck"] = record["recheck"], None
    if note:
        after["note"] = note
    clear = ", recheck = NULL" if "recheck" in after else ""
    conn.execute(
        f"UPDATE incidents SET review_status = ?{clear}, updated_at = ? WHERE id = ?",
        (status, at, record["id"]),
    )
    write_audit(conn, record["id"], user, action, before, after, at)
    return _load(conn, record["id"])


def approve(db: DB, incident_id: str, user: str, *, note: str | None = None,
            expected_updated_at: str | None = None) -> dict:
    """Mark a record as checked and right as it stands."""
    user = _check_user(user)
    with _write(db) as conn:
        record = _load(conn, incident_id, expected_updated_at)
        if record["merged_into"]:
            raise ReviewError(f"{incident_id} is merged into {record['merged_into']}: review that one")
        return _set_status(conn, record, user, "approve", "approved", note, settles=True)


def reject(db: DB, incident_id: str, user: str, *, note: str | None = None,
           expected_updated_at: str | None = None) -> dict:
    """Mark a record as wrong (not an incident, a duplicate, page furniture...).
    It stays in the database and out of lists and exports unless asked for."""
    user = _check_user(user)
    with _write(db) as conn:
        record = _load(conn, incident_id, expected_updated_at)
        return _set_status(conn, record, user, "reject", "rejected", note)


# --------------------------------------------------------------------------- edit


# Fields that say where: changing one of them detaches the record from its gazetteer place.
PLACE_FIELDS = {"country", "admin1", "admin1_code", "admin2", "location_name", "latitude",
                "longitude"}


def _same(old: Any, new: Any) -> bool:
    """Equal for the audit trail: an empty value is an empty value (the edit form sends ""
    or [] for a NULL column, and some stored records hold "" where others hold NULL)."""
    if old in (None, "", [], {}) and new in (None, "", [], {}):
        return True
    return old == new


def _column_value(column: str, value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if column in JSON_FIELDS else value


def edit(db: DB, incident_id: str, user: str, changes: dict[str, Any], *,
         note: str | None = None, expected_updated_at: str | None = None) -> dict:
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
        at = _stamp(record)
        if record.get("place_id") and PLACE_FIELDS & set(diff) and "place_id" not in diff:
            # the gazetteer id named the place the machine found; a reviewer who moves the
            # incident elsewhere leaves it describing the wrong place
            diff["place_id"] = None
        rewrite = "summary" not in diff and not written_by_hand(conn, incident_id)
        if rewrite:
            # the machine's summary follows the edited fields (a new type, place, date...)
            summary = rewritten(record, diff)
            rewrite = summary != record["summary"]
            if rewrite:
                diff["summary"] = summary
        before = {k: record.get(k) for k in diff}
        after = dict(diff)
        if rewrite:
            after[SUMMARY_FROM] = "fields"
        before["review_status"], after["review_status"] = record["review_status"], "edited"
        if record.get("recheck") and "recheck" not in diff:
            # the reviewer has looked again: reprocess's flag is answered
            before["recheck"], after["recheck"] = record["recheck"], None
            diff["recheck"] = None
        sets = ", ".join(f"{c} = ?" for c in diff)
        conn.execute(
            f"UPDATE incidents SET {sets}, review_status = 'edited', updated_at = ? WHERE id = ?",
            [*(_column_value(c, v) for c, v in diff.items()), at, incident_id],
        )
        if note:
            after["note"] = note
        write_audit(conn, incident_id, user, "edit", before, after, at)
        return _load(conn, incident_id)


# --------------------------------------------------------------------------- merge / split


def _evidence_key(e: dict) -> tuple:
    return (e["article_id"], e["start"], e["end"], e["trigger_start"], e["trigger_end"])


def _with_note(after: dict, note: str | None) -> dict:
    return {**after, "note": note} if note else after


def merge(db: DB, winner_id: str, loser_id: str, user: str, *, note: str | None = None) -> dict:
    """The reviewer's merge: two records the reviewer finds to be one incident become one.
    The loser gets merged_into = winner and leaves lists and exports; the winner gains the
    loser's sources, evidence and corroboration. The loser's own rows are kept, so the
    merge can be read back."""
    user = _check_user(user)
    if winner_id == loser_id:
        raise ReviewError("cannot merge a record with itself")
    with _write(db) as conn:
        winner = _load(conn, winner_id)
        loser = _load(conn, loser_id)
        for record in (winner, loser):
            if record["merged_into"]:
                raise ReviewError(f"{record['id']} is already merged into {record['merged_into']}")
        at = _stamp(winner, loser)
        new_sources = [s for s in loser["sources"] if s not in winner["sources"]]
        add_sources(conn, winner_id, new_sources)
        have = {_evidence_key(e) for e in winner["evidence"]}
        gained = [e for e in loser["evidence"] if _evidence_key(e) not in have]
        insert_evidence(conn, winner_id, gained)
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
        write_audit(conn, winner_id, user, "merge", {
            "review_status": winner["review_status"],
            "sources": winner["sources"],
            "evidence": len(winner["evidence"]),
            "corroboration": winner["corroboration"],
        }, _with_note({
            "merged": loser_id,
            "review_status": "edited",
            "sources": winner["sources"] + new_sources,
            "evidence": len(winner["evidence"]) + len(gained),
            "corroboration": corroboration,
        }, note), at)
        write_audit(conn, loser_id, user, "merged_into", {"merged_into": None},
                    _with_note({"merged_into": winner_id}, note), at)
        return _load(conn, winner_id)


def _new_split_id(conn: sqlite3.Connection, incident_id: str) -> str:
    n = 1
    while conn.execute("SELECT 1 FROM incidents WHERE id = ?", (f"{incident_id}-s{n}",)).fetchone():
        n += 1
    return f"{incident_id}-s{n}"


def _check_split(record: dict, move: set[int], copy: set[int]) -> None:
    if record["merged_into"]:
        raise ReviewError(f"{record['id']} is merged into {record['merged_into']}")
    ids = {e["id"] for e in record["evidence"]}
    unknown = (move | copy) - ids
    if unknown:
        raise ReviewError(f"evidence {sorted(unknown)} does not belong to {record['id']}")
    if ids:
        if not move | copy:
            raise ReviewError("choose the evidence the new record rests on (move or copy)")
        if not ids - move:
            raise ReviewError("the original record must keep at least one evidence sentence")


def _insert_split(conn: sqlite3.Connection, record: dict, new_id: str, fields: dict[str, Any],
                  at: str) -> None:
    """The new record's row: the original's fields with the changes, edited from birth."""
    columns = ["id", "article_id", *EDITABLE, "place_id", "review_status", "created_at",
               "updated_at"]
    values = [new_id, record["article_id"], *(_column_value(c, fields[c]) for c in EDITABLE),
              record["place_id"], "edited", at, at]
    conn.execute(
        f"INSERT INTO incidents ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))})",
        values,
    )


def split(db: DB, incident_id: str, user: str, *, move_evidence: Iterable[int] = (),
          copy_evidence: Iterable[int] = (), changes: dict[str, Any] | None = None,
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
        _check_split(record, move, copy)
        new = {k: record[k] for k in EDITABLE} | validate_changes(changes or {}, record)
        new_id = _new_split_id(conn, incident_id)
        at = _stamp(record)
        _insert_split(conn, record, new_id, new, at)
        chosen = [e for e in record["evidence"] if e["id"] in move | copy]
        sources = sorted({e["article_id"] for e in chosen} or set(record["sources"]))
        add_sources(conn, new_id, sources)
        if move:
            marks = ",".join("?" * len(move))
            conn.execute(
                f"UPDATE evidence SET incident_id = ? WHERE incident_id = ? AND id IN ({marks})",
                [new_id, incident_id, *sorted(move)],
            )
        insert_evidence(conn, new_id, [e for e in record["evidence"] if e["id"] in copy])
        conn.execute(
            "UPDATE incidents SET review_status = 'edited', updated_at = ? WHERE id = ?",
            (at, incident_id),
        )
        kept = [e["id"] for e in record["evidence"] if e["id"] not in move]
        write_audit(
            conn, incident_id, user, "split",
            {"review_status": record["review_status"],
             "evidence": sorted(e["id"] for e in record["evidence"])},
            _with_note({"review_status": "edited", "evidence": sorted(kept), "split_into": new_id},
                       note),
            at,
        )
        after_new = {k: new[k] for k in EDITABLE}
        after_new.update({"review_status": "edited", "sources": sources, "split_from": incident_id})
        write_audit(conn, new_id, user, "split_from", None, _with_note(after_new, note), at)
        return _load(conn, incident_id), _load(conn, new_id)
