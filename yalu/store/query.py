"""The one incident query: used by the web pages, the JSON API, the CLI and the exports.

`IncidentQuery` holds the filters (category, event type, province, county, date range,
outlet, modality, review status, minimum confidence, full-text search over the articles);
`search()` runs it with sorting and pagination and returns the page and the total count;
`iter_records()` yields every matching record for an export.

Records are dicts shaped like `Store.incident()`: the incidents row with its JSON columns
(actors, quantities, attribution, corroboration) decoded, the source article's outlet, url,
title and published date, and the lists `sources` (article ids) and `evidence`.

User text is never passed to FTS5 as raw syntax unless asked for (`fts_mode="raw"`), and
even then a syntax error falls back to the quoted form: a search box cannot raise an
FTS5 error.
"""

from __future__ import annotations

import calendar
import json
import re
import sqlite3
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any, Iterator, Mapping

# --------------------------------------------------------------------------- ontology

from ..ontology import categories, event_types as _event_types  # noqa: E402
from .database import JSON_COLUMNS  # noqa: E402


def event_types() -> dict[str, str]:
    """event_type -> category."""
    return {name: spec["category"] for name, spec in _event_types().items()}


MODALITIES = (
    "asserted", "reported", "alleged", "rumoured", "planned", "threatened",
    "denied", "ongoing", "hypothetical",
)
REVIEW_STATUSES = ("machine", "approved", "edited", "rejected")


# --------------------------------------------------------------------------- the query

SORTS: dict[str, str] = {
    # name -> SQL expression (whitelist: user text never reaches ORDER BY)
    "date": "i.date_start",
    "date_end": "i.date_end",
    "confidence": "i.confidence",
    "event_type": "i.event_type",
    "category": "i.category",
    "admin1": "i.admin1",
    "admin2": "i.admin2",
    "outlet": "a.outlet",
    "modality": "i.modality",
    "review_status": "i.review_status",
    "updated": "i.updated_at",
    "id": "i.id",
}
DEFAULT_SORT = "date"
MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50

RECORD_SELECT = (
    "SELECT i.*, a.outlet AS outlet, a.url AS url, a.title AS title, a.published AS published "
    "FROM incidents i JOIN articles a ON a.id = i.article_id"
)

_LIST_FIELDS = ("category", "event_type", "admin1", "admin2", "outlet", "modality", "review_status")

# `dated`: how well the incident's date is known. "week": it has a date and its period is at
# most seven days long (date_end - date_start <= 6 days), so it belongs to one week on the
# timeline; "coarse": it has a date but only a longer period (a month, a year, "since
# October"); "yes": any date; "no": no date at all.
DATED = ("yes", "no", "week", "coarse")
WEEK_DAYS = 6  # date_end - date_start of a period that still counts as one week


class QueryError(ValueError):
    """A filter value that cannot be understood (bad date, bad number)."""


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    out = []
    for item in value:
        if item is None:
            continue
        for part in str(item).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def _truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    return str(value).strip().lower() in {"1", "true", "yes", "on", "y"}


def _tristate(name: str, value: Any) -> bool | None:
    """'1'/'yes'/'true' -> True, '0'/'no'/'false' -> False, empty -> None."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if not text:
        return None
    if text in {"1", "true", "yes", "on", "y"}:
        return True
    if text in {"0", "false", "no", "off", "n"}:
        return False
    raise QueryError(f"{name}: expected yes or no, not {value!r}")


def parse_day(text: str | date | None, *, end: bool = False) -> date | None:
    """'2024', '2024-05' or '2024-05-17' -> a date (first day, or last day with end=True)."""
    if text is None or isinstance(text, date):
        return text
    text = str(text).strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            return date(year, 12, 31) if end else date(year, 1, 1)
        if re.fullmatch(r"\d{4}-\d{1,2}", text):
            year, month = map(int, text.split("-"))
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last if end else 1)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise QueryError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from exc


@dataclass
class IncidentQuery:
    """Filters over incidents. List fields match any of their values."""

    category: list[str] = field(default_factory=list)
    event_type: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)  # ISO code (KP-10) or province name
    admin2: list[str] = field(default_factory=list)
    outlet: list[str] = field(default_factory=list)
    modality: list[str] = field(default_factory=list)
    review_status: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    min_confidence: float | None = None
    q: str | None = None  # full-text search over the articles' title and text
    fts_mode: str = "simple"  # simple: words and "phrases", quoted; raw: FTS5 syntax, falls back
    article_id: str | None = None
    dated: str | None = None  # yes | no | week | coarse (see DATED)
    located: bool | None = None  # True: has coordinates; False: has none
    include_rejected: bool = False
    include_merged: bool = False

    def __post_init__(self):
        for name in _LIST_FIELDS:
            setattr(self, name, _as_list(getattr(self, name)))
        self.date_from = parse_day(self.date_from)
        self.date_to = parse_day(self.date_to, end=True)
        if self.min_confidence in ("", None):
            self.min_confidence = None
        else:
            try:
                self.min_confidence = float(self.min_confidence)
            except (TypeError, ValueError) as exc:
                raise QueryError(f"not a number: {self.min_confidence!r}") from exc
        self.q = (self.q or "").strip() or None
        if self.fts_mode not in ("simple", "raw"):
            self.fts_mode = "simple"
        self.include_rejected = _truthy(self.include_rejected)
        self.include_merged = _truthy(self.include_merged)
        dated = (str(self.dated).strip().lower() if self.dated is not None else "") or None
        if dated is not None and dated not in DATED:
            raise QueryError(f"dated: expected one of {', '.join(DATED)}, not {self.dated!r}")
        self.dated = dated
        self.located = _tristate("located", self.located)

    # URL <-> query ----------------------------------------------------------

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> "IncidentQuery":
        """From URL query parameters (a Starlette QueryParams, a dict of str or lists)."""

        def get_list(name):
            if hasattr(params, "getlist"):
                return params.getlist(name)
            return params.get(name)

        kwargs: dict[str, Any] = {name: get_list(name) for name in _LIST_FIELDS}
        # short aliases used in links
        if not kwargs["review_status"] and hasattr(params, "get"):
            kwargs["review_status"] = get_list("status")
        for name in ("date_from", "date_to", "min_confidence", "q", "fts_mode", "article_id",
                     "dated", "located", "include_rejected", "include_merged"):
            value = params.get(name)
            if isinstance(value, list):
                value = value[0] if value else None
            kwargs[name] = value
        kwargs["fts_mode"] = kwargs["fts_mode"] or "simple"
        return cls(**kwargs)

    def to_params(self) -> list[tuple[str, str]]:
        """The URL query parameters that give this query back (for links and bookmarks)."""
        out: list[tuple[str, str]] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _LIST_FIELDS:
                out += [(f.name, v) for v in value]
            elif f.name == "fts_mode":
                if value != "simple":
                    out.append((f.name, value))
            elif f.name == "located":
                if value is not None:
                    out.append((f.name, "yes" if value else "no"))
            elif isinstance(value, bool):
                if value:
                    out.append((f.name, "1"))
            elif value is not None:
                out.append((f.name, value.isoformat() if isinstance(value, date) else str(value)))
        return out

    def is_empty(self) -> bool:
        return not self.to_params()


# --------------------------------------------------------------------------- FTS5 safety

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


def fts_phrase_query(text: str) -> str | None:
    """User text -> a safe FTS5 query: every word or "quoted phrase" becomes an FTS5 string
    (implicit AND); a trailing * keeps prefix search. None when nothing searchable remains."""
    parts: list[str] = []
    for phrase, word in _TOKEN.findall(text or ""):
        chunk = phrase if phrase else word
        prefix = False
        if not phrase and chunk.endswith("*"):
            chunk, prefix = chunk.rstrip("*"), True
        if not re.search(r"\w", chunk):
            continue  # punctuation alone: unicode61 would make an empty phrase of it
        quoted = '"' + chunk.replace('"', '""') + '"'
        parts.append(quoted + ("*" if prefix else ""))
    return " ".join(parts) if parts else None


def fts_query(conn: sqlite3.Connection, text: str, mode: str = "simple") -> str | None:
    """The FTS5 MATCH string for user text. In raw mode the text is tried as FTS5 syntax
    first and, if SQLite rejects it, quoted like simple mode."""
    if mode == "raw":
        try:
            conn.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (text,)
            ).fetchall()
            return text
        except sqlite3.OperationalError:
            pass
    return fts_phrase_query(text)


# --------------------------------------------------------------------------- SQL building


def _conn(db) -> sqlite3.Connection:
    return getattr(db, "conn", db)


# The covering index of store migration 2 that makes the query fast at 100,000 incidents.
# `incidents_browse` covers every filter column, with the live rows (merged_into IS NULL)
# first and in date order, so counts scan a narrow index instead of the wide table and the
# default sort reads the first page straight off it.
BROWSE_INDEX = "incidents_browse"
# a search matching more than this share of the articles is resolved through the
# (small) set of articles that do not match
BROAD_SHARE = 0.7


def has_browse_index(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (BROWSE_INDEX,)
    ).fetchone() is not None


def _admin1_codes(name: str) -> list[str]:
    from ..places import Gazetteer

    return [p.admin1_code for p in Gazetteer.default().lookup(name) if p.admin1_code and p.kind in ("province", "special_city")]


def _admin2_names(name: str) -> list[str]:
    """The canonical county/city names a spelling stands for (Sinpa -> Kim Jong Suk)."""
    from ..places import Gazetteer

    gazetteer = Gazetteer.default()
    found = []
    for place in gazetteer.lookup(name):
        admin2 = gazetteer.admin2_of(place)
        if admin2 is not None:
            found.append(admin2.name)
    return found


def _in(column: str, values: list[str], params: list, collate: str = "") -> str:
    params.extend(values)
    if len(values) == 1:
        return f"{column} = ?{collate}"
    return f"{column}{collate} IN ({','.join('?' * len(values))})"


@dataclass
class _Search:
    """A full-text search resolved to SQL: `narrow` drives from the matching incidents;
    `broad` keeps the incidents whose article is not among the few that do not match
    (or that match through another source)."""

    kind: str  # none | narrow | broad
    match: str | None = None
    not_matching: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def _resolve_search(conn: sqlite3.Connection, query: IncidentQuery) -> _Search:
    if not query.q:
        return _Search("none")
    match = fts_query(conn, query.q, query.fts_mode)
    if match is None:
        return _Search("narrow", None)
    hits = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
    ).fetchone()[0]
    total = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
    if total == 0 or hits <= BROAD_SHARE * total:
        return _Search("narrow", match)
    matching = {r[0] for r in conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (match,))}
    not_matching = [
        r[0] for r in conn.execute(
            "SELECT a.id FROM articles a WHERE a.rowid NOT IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", (match,))
    ]
    # incidents of a non-matching article that another (matching) source brings in
    extra = sorted({
        incident for incident, rowid in conn.execute(
            "SELECT s.incident_id, a.rowid FROM incidents x "
            "JOIN incident_sources s ON s.incident_id = x.id AND s.article_id != x.article_id "
            "JOIN articles a ON a.id = s.article_id "
            "WHERE x.article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(not_matching),),
        )
        if rowid in matching
    })
    return _Search("broad", match, not_matching, extra)


_HAS_DATE = "coalesce(i.date_start, i.date_end) IS NOT NULL"
_SHORT = (f"(i.date_start IS NULL OR i.date_end IS NULL "
          f"OR julianday(i.date_end) - julianday(i.date_start) <= {WEEK_DAYS})")
DATED_SQL = {
    "yes": _HAS_DATE,
    "no": "(i.date_start IS NULL AND i.date_end IS NULL)",
    "week": f"({_HAS_DATE} AND {_SHORT})",
    "coarse": f"({_HAS_DATE} AND NOT {_SHORT})",
}
LOCATED_SQL = "(i.latitude IS NOT NULL AND i.longitude IS NOT NULL)"


@dataclass
class _Where:
    clauses: list[str]
    params: list
    join_articles: bool  # the outlet sort needs the articles table
    driving: bool  # a narrow set (search, outlet) that the planner should start from
    browse: bool  # the covering index exists


def build_where(conn: sqlite3.Connection, query: IncidentQuery, *, drive: bool = False,
                found: _Search | None = None, lead: bool = False) -> _Where:
    """The WHERE clauses for a query. With the covering index, filter columns are written
    `+col` so SQLite reads the narrow index rather than hopping through single-column
    indexes to the wide rows; `drive=True` lets a narrow set (a search, an outlet) lead,
    `lead=True` says the caller adds such a set. `found`: the search, resolved already."""
    browse = has_browse_index(conn)
    p = "+" if browse else ""
    where: list[str] = []
    params: list = []
    driving = False
    if query.category:
        where.append(_in(f"{p}i.category", query.category, params))
    if query.event_type:
        where.append(_in(f"{p}i.event_type", query.event_type, params))
    if query.admin1:
        codes = [v for v in query.admin1 if re.fullmatch(r"[A-Za-z]{2}-\w{1,3}", v)]
        names = [v for v in query.admin1 if v not in codes]
        # any spelling of a province: Yanggang, 량강도, "Ryanggang Province" -> KP-10
        codes += [code for name in names for code in _admin1_codes(name)]
        ors = []
        if codes:
            ors.append(_in(f"{p}i.admin1_code", [c.upper() for c in codes], params))
        if names:
            ors.append(_in(f"{p}i.admin1", names, params, " COLLATE NOCASE"))
        where.append("(" + " OR ".join(ors) + ")")
    if query.admin2:
        names = list(query.admin2) + [n for v in query.admin2 for n in _admin2_names(v)]
        where.append(_in(f"{p}i.admin2", list(dict.fromkeys(names)), params, " COLLATE NOCASE"))
    if query.modality:
        where.append(_in(f"{p}i.modality", query.modality, params))
    if query.review_status:
        where.append(_in(f"{p}i.review_status", query.review_status, params))
    if query.outlet:
        driving = True
        marks = ",".join("?" * len(query.outlet))
        where.append(f"i.article_id IN (SELECT id FROM articles WHERE outlet IN ({marks}))")
        params.extend(query.outlet)
    if query.article_id:
        driving = True
        where.append("i.id IN (SELECT incident_id FROM incident_sources WHERE article_id = ?)")
        params.append(query.article_id)
    if query.date_from:
        # overlap of [date_start, date_end] with [date_from, date_to]
        where.append("coalesce(i.date_end, i.date_start) >= ?")
        params.append(query.date_from.isoformat())
    if query.date_to:
        where.append("coalesce(i.date_start, i.date_end) <= ?")
        params.append(query.date_to.isoformat())
    if query.min_confidence is not None:
        where.append(f"{p}i.confidence >= ?")
        params.append(query.min_confidence)
    if query.dated:
        where.append(DATED_SQL[query.dated])
    if query.located is not None:
        where.append(LOCATED_SQL if query.located else f"NOT {LOCATED_SQL}")
    if found is None:
        found = _resolve_search(conn, query)
    driving = driving or lead
    if found.kind == "narrow":
        if found.match is None:
            where.append("0")  # nothing searchable in the text: nothing matches
        else:
            driving = True
            where.append(
                "i.id IN (SELECT s.incident_id FROM incident_sources s WHERE s.article_id IN "
                "(SELECT a2.id FROM articles a2 WHERE a2.rowid IN "
                "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))"
            )
            params.append(found.match)
    elif found.kind == "broad":
        where.append(
            f"({p}i.article_id NOT IN (SELECT value FROM json_each(?)) "
            f"OR {p}i.id IN (SELECT value FROM json_each(?)))"
        )
        params += [json.dumps(found.not_matching), json.dumps(found.extra)]
    if not query.include_rejected and "rejected" not in query.review_status:
        where.append(f"{p}i.review_status != 'rejected'")
    if not query.include_merged:
        # with the covering index, "merged_into IS NULL" selects its live part;
        # a narrow driving set is better served by looking its few rows up; without the
        # covering index, the single-column index on merged_into (NULL for nearly every
        # row) only gets in the way
        lead_set = browse and drive and driving
        where.append(("+" if lead_set or not browse else "") + "i.merged_into IS NULL")
    return _Where(where, params, False, driving, browse)


def _order_by(sort: str | None, order: str | None) -> tuple[str, str, str]:
    sort = sort if sort in SORTS else DEFAULT_SORT
    default_desc = sort in ("date", "date_end", "confidence", "updated")
    if order not in ("asc", "desc"):
        order = "desc" if default_desc else "asc"
    direction = "DESC" if order == "desc" else "ASC"
    expr = SORTS[sort]
    # records without the value (no date, no province...) come last either way; SQLite
    # already puts NULLs last when descending, so the default sort still reads the index
    nulls = " NULLS LAST" if direction == "ASC" else ""
    return f"{expr} {direction}{nulls}, i.id {direction}", sort, order


@dataclass
class Page:
    items: list[dict]
    total: int
    page: int
    per_page: int
    sort: str
    order: str

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict:
        return {
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "sort": self.sort,
            "order": self.order,
            "items": self.items,
        }


def _where_sql(w: _Where) -> str:
    return (" WHERE " + " AND ".join(w.clauses)) if w.clauses else ""


def _count(conn, w: _Where) -> int:
    return conn.execute("SELECT count(*) FROM incidents i" + _where_sql(w), w.params).fetchone()[0]


def count(db, query: IncidentQuery, found: _Search | None = None) -> int:
    conn = _conn(db)
    if found is None:
        found = _resolve_search(conn, query)
    if found.kind != "broad":
        return _count(conn, build_where(conn, query, drive=True, found=found))
    # a search matching most articles: all the filtered incidents, less those of the few
    # articles that do not match (unless another source of theirs does)
    rest = replace(query, q=None)
    total = _count(conn, build_where(conn, rest, drive=True, found=_Search("none")))
    w = build_where(conn, rest, drive=True, found=_Search("none"), lead=True)
    w.clauses.append("i.article_id IN (SELECT value FROM json_each(?))")
    w.params.append(json.dumps(found.not_matching))
    if found.extra:
        w.clauses.append("i.id NOT IN (SELECT value FROM json_each(?))")
        w.params.append(json.dumps(found.extra))
    return total - _count(conn, w)


def _ordered_ids(conn, query: IncidentQuery, sort: str, order_sql: str,
                 limit: int | None = None, offset: int = 0,
                 found: _Search | None = None) -> list[str]:
    """The ids of one page, in order: sorting carries (key, id) pairs, not whole rows."""
    # the default date sort reads the covering index in order and stops at the page;
    # any other sort must see every match, so a narrow set should lead
    w = build_where(conn, query, drive=sort != DEFAULT_SORT, found=found)
    if sort == "outlet":
        source = "articles a CROSS JOIN incidents i ON i.article_id = a.id"
    else:
        source = "incidents i"
    sql = f"SELECT i.id FROM {source}{_where_sql(w)} ORDER BY {order_sql}"
    params = list(w.params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [r[0] for r in conn.execute(sql, params)]


def _fetch(conn, ids: list[str], *, details: bool) -> list[dict]:
    rows: dict[str, sqlite3.Row] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in conn.execute(
            RECORD_SELECT + f" WHERE i.id IN ({','.join('?' * len(chunk))})", chunk
        ):
            rows[row["id"]] = row
    return decode_rows(conn, [rows[i] for i in ids if i in rows], details=details)


def search(
    db,
    query: IncidentQuery | None = None,
    *,
    sort: str | None = None,
    order: str | None = None,
    page: int = 1,
    per_page: int = DEFAULT_PER_PAGE,
    details: bool = True,
) -> Page:
    """One page of matching records and the total count. `details=False` skips the
    sources/evidence lists (the list page does not show them)."""
    conn = _conn(db)
    query = query or IncidentQuery()
    try:
        page = max(1, int(page))
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = min(MAX_PER_PAGE, max(1, int(per_page)))
    except (TypeError, ValueError):
        per_page = DEFAULT_PER_PAGE
    order_sql, sort, order = _order_by(sort, order)
    found = _resolve_search(conn, query)
    total = count(conn, query, found)
    ids = _ordered_ids(conn, query, sort, order_sql, per_page, (page - 1) * per_page, found)
    items = _fetch(conn, ids, details=details)
    return Page(items=items, total=total, page=page, per_page=per_page, sort=sort, order=order)


def iter_records(
    db, query: IncidentQuery | None = None, *, sort: str | None = None, order: str | None = None,
    batch: int = 1000,
) -> Iterator[dict]:
    """Every matching record, with sources and evidence (for exports)."""
    conn = _conn(db)
    query = query or IncidentQuery()
    order_sql, sort, order = _order_by(sort, order)
    ids = _ordered_ids(conn, query, sort, order_sql)
    for start in range(0, len(ids), batch):
        yield from _fetch(conn, ids[start:start + batch], details=True)


def records(db, query: IncidentQuery | None = None, **kwargs) -> list[dict]:
    return list(iter_records(db, query, **kwargs))


def decode_rows(conn: sqlite3.Connection, rows, *, details: bool = True) -> list[dict]:
    items = []
    for row in rows:
        record = dict(row)
        for column in JSON_COLUMNS:
            value = record.get(column)
            record[column] = json.loads(value) if value else None
        items.append(record)
    if details and items:
        ids = [r["id"] for r in items]
        sources: dict[str, list[str]] = {i: [] for i in ids}
        evidence: dict[str, list[dict]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for incident, article in conn.execute(
                f"SELECT incident_id, article_id FROM incident_sources WHERE incident_id IN ({marks}) "
                "ORDER BY incident_id, article_id",
                chunk,
            ):
                sources[incident].append(article)
            for row in conn.execute(
                f'SELECT id, incident_id, article_id, start, "end", trigger_start, trigger_end, text '
                f"FROM evidence WHERE incident_id IN ({marks}) ORDER BY incident_id, article_id, start, id",
                chunk,
            ):
                item = dict(row)
                evidence[item.pop("incident_id")].append(item)
        for record in items:
            record["sources"] = sources[record["id"]]
            record["evidence"] = evidence[record["id"]]
    return items


# --------------------------------------------------------------------------- one record


def get(db, incident_id: str) -> dict | None:
    """One record (merged or rejected ones too), with sources and evidence."""
    conn = _conn(db)
    rows = conn.execute(RECORD_SELECT + " WHERE i.id = ?", (incident_id,)).fetchall()
    if not rows:
        return None
    return decode_rows(conn, rows)[0]


def audit_trail(db, incident_id: str) -> list[dict]:
    conn = _conn(db)
    out = []
    for row in conn.execute(
        "SELECT id, incident_id, user, at, action, before, after FROM audit "
        "WHERE incident_id = ? ORDER BY at DESC, id DESC",
        (incident_id,),
    ):
        item = dict(row)
        for key in ("before", "after"):
            item[key] = json.loads(item[key]) if item[key] else None
        out.append(item)
    return out


def related(db, incident_id: str) -> list[dict]:
    """Other incidents drawn from the same article(s), merged and rejected ones included."""
    conn = _conn(db)
    rows = conn.execute(
        RECORD_SELECT
        + " WHERE i.id != ? AND i.id IN (SELECT s2.incident_id FROM incident_sources s1 "
        "JOIN incident_sources s2 ON s2.article_id = s1.article_id WHERE s1.incident_id = ?) "
        "ORDER BY i.date_start, i.id",
        (incident_id, incident_id),
    ).fetchall()
    return decode_rows(conn, rows, details=False)


def merged_from(db, incident_id: str) -> list[str]:
    """Ids of the records merged into this one."""
    return [
        r[0] for r in _conn(db).execute(
            "SELECT id FROM incidents WHERE merged_into = ? ORDER BY id", (incident_id,)
        )
    ]


def article(db, article_id: str) -> dict | None:
    conn = _conn(db)
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    record = dict(row)
    for key in ("tags", "furniture"):
        try:
            record[key] = json.loads(record.get(key) or "[]")
        except ValueError:
            record[key] = []
    return record


# --------------------------------------------------------------------------- aggregates


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_counts(db, query: IncidentQuery | None = None) -> dict:
    """Incident counts per ISO week (Monday) of date_start, by category, for the query.

    Only incidents dated to within a week (`dated=week`: a day, or a period of at most
    seven days) are counted: a record known only to the month or the year ("in 2020",
    "since October") does not belong to any one week, and putting it in the week its
    period starts would show a spike that never happened. Those are counted in `coarse`,
    records without any date in `undated`."""
    conn = _conn(db)
    query = query or IncidentQuery()
    w = build_where(conn, query, drive=True)
    week = "date(coalesce(i.date_start, i.date_end), 'weekday 0', '-6 days')"
    where = w.clauses + [DATED_SQL["week"]]
    sql = (f"SELECT {week} AS week, i.category, count(*) FROM incidents i WHERE "
           + " AND ".join(where) + " GROUP BY week, i.category")
    cells: dict[tuple[str, str], int] = {}
    cats: list[str] = []
    for wk, cat, n in conn.execute(sql, w.params):
        if wk is None:
            continue
        cells[(wk, cat)] = n
        if cat not in cats:
            cats.append(cat)
    order = categories()
    cats.sort(key=lambda c: (order.index(c) if c in order else len(order), c))
    if query.dated in (None, "yes", "coarse"):
        coarse = conn.execute(
            "SELECT count(*) FROM incidents i WHERE "
            + " AND ".join(w.clauses + [DATED_SQL["coarse"]]), w.params
        ).fetchone()[0]
    else:
        coarse = 0
    charted = sum(cells.values())
    undated = count(conn, query) - charted - coarse
    if not cells:
        return {"weeks": [], "series": {}, "total": 0, "coarse": coarse, "undated": undated}
    first = date.fromisoformat(min(w for w, _ in cells))
    last = date.fromisoformat(max(w for w, _ in cells))
    weeks: list[str] = []
    day = first
    while day <= last and len(weeks) < 5300:  # a century of weeks at most
        weeks.append(day.isoformat())
        day += timedelta(days=7)
    series = {c: [cells.get((w, c), 0) for w in weeks] for c in cats}
    return {"weeks": weeks, "series": series, "total": charted, "coarse": coarse,
            "undated": undated}


def map_points(db, query: IncidentQuery | None = None, limit: int | None = None) -> dict:
    """A GeoJSON FeatureCollection of the matching incidents that have coordinates,
    with the few properties a marker popup shows."""
    conn = _conn(db)
    query = query or IncidentQuery()
    w = build_where(conn, query, drive=True)
    located = w.clauses + ["i.latitude IS NOT NULL", "i.longitude IS NOT NULL"]
    sql = (
        "SELECT i.id, i.latitude, i.longitude, i.category, i.event_type, i.date_start, "
        "i.summary, i.location_name, i.review_status FROM incidents i WHERE "
        + " AND ".join(located) + " ORDER BY i.date_start DESC, i.id DESC"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    features = []
    for row in conn.execute(sql, w.params):
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row[2], row[1]]},
            "properties": {
                "id": row[0], "category": row[3], "event_type": row[4], "date": row[5],
                "summary": row[6], "location": row[7], "review_status": row[8],
            },
        })
    total = count(conn, query)
    located_total = len(features)
    if limit and len(features) >= limit:
        located_total = conn.execute(
            "SELECT count(*) FROM incidents i WHERE " + " AND ".join(located), w.params
        ).fetchone()[0]
    return {
        "type": "FeatureCollection",
        "features": features,
        "total": total,
        "located": located_total,
        "unlocated": total - located_total,
        "truncated": len(features) < located_total,
    }


def facets(db) -> dict:
    """Values for the filter drop-downs: provinces, outlets, review statuses seen."""
    conn = _conn(db)
    provinces = []
    for (code,) in conn.execute(
        "SELECT DISTINCT admin1_code FROM incidents WHERE admin1_code IS NOT NULL"
    ).fetchall():
        row = conn.execute(
            "SELECT admin1 FROM incidents WHERE admin1_code = ? AND admin1 IS NOT NULL LIMIT 1",
            (code,),
        ).fetchone()
        provinces.append({"code": code, "name": row[0] if row else code})
    provinces.sort(key=lambda p: (p["name"] or "").lower())
    outlets = [
        r[0] for r in conn.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
        )
    ]
    return {
        "categories": categories(),
        "event_types": event_types(),
        "provinces": provinces,
        "outlets": outlets,
        "modalities": list(MODALITIES),
        "review_statuses": list(REVIEW_STATUSES),
    }
