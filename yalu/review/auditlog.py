"""The audit log across every incident: who did what when, filtered by user, action,
incident and time, newest first, a page at a time or all of it for an export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from ..store import DB, connection

COLUMNS = ("id", "incident_id", "user", "at", "action", "before", "after")
MAX_PER_PAGE = 500


@dataclass
class AuditFilter:
    user: str | None = None
    action: str | None = None
    incident_id: str | None = None
    since: str | None = None  # an ISO date or time: rows at or after it
    until: str | None = None  # an ISO date (the whole day) or time: rows up to it

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        for column, value in (("user", self.user), ("action", self.action),
                              ("incident_id", self.incident_id)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.since:
            clauses.append("at >= ?")
            params.append(self.since)
        if self.until:
            # a day means all of it: "2026-12-02" takes in "2026-12-02T23:59:59+00:00"
            clauses.append("at < ?" if len(self.until) > 10 else "substr(at, 1, 10) <= ?")
            params.append(self.until)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def to_params(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in vars(self).items() if v]


def _decode(row) -> dict:
    item = dict(row)
    for key in ("before", "after"):
        item[key] = json.loads(item[key]) if item[key] else None
    return item


def count(db: DB, audit: AuditFilter) -> int:
    where, params = audit.where()
    return connection(db).execute(f"SELECT count(*) FROM audit{where}", params).fetchone()[0]


def rows(db: DB, audit: AuditFilter, *, page: int = 1, per_page: int = 100) -> list[dict]:
    where, params = audit.where()
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    cursor = connection(db).execute(
        f"SELECT {', '.join(COLUMNS)} FROM audit{where} ORDER BY id DESC LIMIT ? OFFSET ?",
        [*params, per_page, (max(page, 1) - 1) * per_page],
    )
    return [_decode(r) for r in cursor]


def every_row(db: DB, audit: AuditFilter) -> Iterator[dict]:
    where, params = audit.where()
    for row in connection(db).execute(
        f"SELECT {', '.join(COLUMNS)} FROM audit{where} ORDER BY id DESC", params
    ):
        yield _decode(row)


def choices(db: DB) -> dict[str, list[str]]:
    """The users and actions the log holds, for the filter's drop-downs."""
    conn = connection(db)
    return {
        column: [r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM audit ORDER BY 1")]
        for column in ("user", "action")
    }
