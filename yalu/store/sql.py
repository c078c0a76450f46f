"""A query in SQL: the WHERE clauses, the sort order and full-text search made safe.

User text is never passed to FTS5 as raw syntax unless asked for (`fts_mode="raw"`), and
even then a syntax error falls back to the quoted form: a search box cannot raise an
FTS5 error. Filters are written for the covering index of store migration 2 (see
`build_where`), which makes the query fast at 100,000 incidents.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field

from .filters import NO_OUTLET, WEEK_DAYS, IncidentQuery
from .postgres import on_postgres
from .tsquery import SyntaxFault, tsquery

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


def search_terms(text: str) -> list[str]:
    """The words and phrases of user text, without FTS5 syntax (a trailing * dropped):
    what an evidence sentence must contain, and what a snippet highlights."""
    terms = []
    for phrase, word in _TOKEN.findall(text or ""):
        chunk = (phrase if phrase else word).strip().rstrip("*")
        if re.search(r"\w", chunk) and chunk.upper() not in ("AND", "OR", "NOT"):
            terms.append(chunk)
    return terms


def _like(term: str) -> str:
    """A LIKE pattern (ESCAPE '\\') finding `term` anywhere."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"


def fts_query(conn: sqlite3.Connection, text: str, mode: str = "simple") -> str | None:
    """The FTS5 MATCH string for user text. In raw mode the text is tried as FTS5 syntax
    first and, if SQLite rejects it, quoted like simple mode. On PostgreSQL: the same
    query as a tsquery (tsquery.py), for the MATCH that becomes @@ to_tsquery."""
    if mode == "raw" and _is_fts_syntax(conn, text):
        return tsquery(text) if on_postgres(conn) else text
    found = fts_phrase_query(text)
    if found is None or not on_postgres(conn):
        return found
    try:
        return tsquery(found)
    except SyntaxFault:
        return None  # words of "_" alone: nothing unicode61 would index


def _is_fts_syntax(conn: sqlite3.Connection, text: str) -> bool:
    if on_postgres(conn):
        try:
            tsquery(text)
        except SyntaxFault:
            return False
        return True
    try:
        conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (text,)
        ).fetchall()
    except sqlite3.OperationalError:
        return False  # SQLite's answer to text that is not FTS5 syntax
    return True


# --------------------------------------------------------------------------- SQL building


# The covering index of store migration 2 (in migration 11's column order) that makes the
# query fast at 100,000 incidents. `incidents_browse` covers every filter column, with the
# live rows (merged_into IS NULL) first and in the default order (date_start, id), so
# counts scan a narrow index instead of the wide table and the default sort reads the
# first page straight off it, whatever the filters.
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


# the rowids of the articles a word search matches (the English word index)
WORD_ROWS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def snippet_match(conn: sqlite3.Connection, query: IncidentQuery) -> tuple[str, str] | None:
    """(the full-text table, its MATCH) that can mark a search's hits in an article: the
    word index, or for Hangul the trigram index's words of three characters or more
    (shorter ones are found by LIKE, which marks nothing)."""
    text = query.q or ""
    if not _HANGUL.search(text):
        match = fts_query(conn, text, query.fts_mode)
        return ("articles_fts", match) if match is not None else None
    found = substring_rows(text, trigram_match=not on_postgres(conn))
    if found is None or not found[0].startswith(_TRIGRAM_ROWS):
        return None
    return "articles_trigram", found[1][0]


_TRIGRAM_ROWS = "SELECT rowid FROM articles_trigram WHERE articles_trigram MATCH ?"


def substring_rows(text: str, *, trigram_match: bool = True) -> tuple[str, list[str]] | None:
    """A search with Hangul in it, over the trigram index of store migration 9: every word
    (or "phrase") must occur in the title or text as a substring, so "혜산" finds
    "혜산시에서". Three characters or more are looked up in the trigram index; a shorter
    one (most Korean words are two syllables) is a LIKE, which the trigram table answers
    by scanning. None when nothing searchable remains. Without `trigram_match`
    (PostgreSQL, whose pg_trgm index answers LIKE itself) every word is a LIKE."""
    clauses: list[str] = []
    params: list[str] = []
    long: list[str] = []
    for phrase, word in _TOKEN.findall(text):
        chunk = (phrase or word).strip().rstrip("*")
        if not re.search(r"\w", chunk):
            continue
        if len(chunk) >= 3 and trigram_match:
            long.append('"' + chunk.replace('"', '""') + '"')
        else:
            like = "%" + chunk.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')")
            params += [like, like]
    if long:  # one MATCH of all of them (FTS5's implicit AND)
        clauses.insert(0, "articles_trigram MATCH ?")
        params.insert(0, " ".join(long))
    if not clauses:
        return None
    return "SELECT rowid FROM articles_trigram WHERE " + " AND ".join(clauses), params


@dataclass
class Search:
    """A full-text search resolved to SQL: `narrow` drives from the matching incidents;
    `broad` keeps the incidents whose article is not among the few that do not match
    (or that match through another source). `rows` selects the matching articles'
    rowids with `params` (the word index's MATCH, or the trigram index's substrings)."""

    kind: str  # none | narrow | broad
    match: str | None = None
    not_matching: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    rows: str = WORD_ROWS
    params: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.rows == WORD_ROWS and not self.params and self.match is not None:
            self.params = [self.match]


def _match(conn: sqlite3.Connection, query: IncidentQuery) -> tuple[str | None, str, list[str]]:
    """(a description of the match, its rowid SQL, its parameters): Hangul searches the
    trigram index, anything else the word index exactly as before."""
    text = query.q or ""
    if _HANGUL.search(text):
        found = substring_rows(text, trigram_match=not on_postgres(conn))
        return (text, found[0], found[1]) if found else (None, WORD_ROWS, [])
    match = fts_query(conn, text, query.fts_mode)
    return match, WORD_ROWS, [match] if match is not None else []


def articles_search(conn: sqlite3.Connection, query: IncidentQuery) -> Search:
    """The search as the articles it matches (`narrow`), without counting them: what
    the facets' arrays need (a broad search's resolving took 1.2-1.5 s at 1,000,000
    incidents on PostgreSQL)."""
    match, rows, params = _match(conn, query)
    return Search("narrow", match, rows=rows, params=params) if match is not None else Search("narrow", None)


def resolve_search(conn: sqlite3.Connection, query: IncidentQuery) -> Search:
    if not query.q:
        return Search("none")
    found = articles_search(conn, query)
    match, rows, params = found.match, found.rows, found.params
    if match is None or query.search_in == "evidence":
        return found  # evidence: the sentences' own words narrow it further
    hits = conn.execute(f"SELECT count(*) FROM ({rows}) AS hits", params).fetchone()[0]  # PostgreSQL 15 names it
    total = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
    if total == 0 or hits <= BROAD_SHARE * total:
        return Search("narrow", match, rows=rows, params=params)
    matching = {r[0] for r in conn.execute(rows, params)}
    not_matching = [
        r[0] for r in conn.execute(
            f"SELECT a.id FROM articles a WHERE a.rowid NOT IN ({rows})", params)
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
    return Search("broad", match, not_matching, extra, rows=rows, params=params)


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
class Where:
    clauses: list[str]
    params: list

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def admin1_terms(values: list[str]) -> tuple[list[str], list[str]]:
    """A province filter's values as (ISO codes, names): a code as given (upper case), a
    name also as the codes the gazetteer gives it (Yanggang, 량강도 -> KP-10)."""
    codes = [v for v in values if re.fullmatch(r"[A-Za-z]{2}-\w{1,3}", v)]
    names = [v for v in values if v not in codes]
    codes += [code for name in names for code in _admin1_codes(name)]
    return [c.upper() for c in codes], names


def _places(w: Where, query: IncidentQuery, p: str) -> None:
    """Province and county filters, any spelling: Yanggang, 량강도, "Ryanggang Province"
    -> KP-10; Sinpa -> Kim Jong Suk."""
    if query.admin1:
        codes, names = admin1_terms(query.admin1)
        ors = []
        if codes:
            ors.append(_in(f"{p}i.admin1_code", codes, w.params))
        if names:
            ors.append(_in(f"{p}i.admin1", names, w.params, " COLLATE NOCASE"))
        w.clauses.append("(" + " OR ".join(ors) + ")")
    if query.admin2:
        w.clauses.append(_in(f"{p}i.admin2", admin2_terms(query.admin2), w.params, " COLLATE NOCASE"))


def admin2_terms(values: list[str]) -> list[str]:
    """A county filter's values and the canonical names the gazetteer gives them."""
    return list(dict.fromkeys(list(values) + [n for v in values for n in _admin2_names(v)]))


def _dates(w: Where, query: IncidentQuery) -> None:
    """The overlap of [date_start, date_end] with [date_from, date_to]."""
    if query.date_from:
        w.clauses.append("coalesce(i.date_end, i.date_start) >= ?")
        w.params.append(query.date_from.isoformat())
    if query.date_to:
        w.clauses.append("coalesce(i.date_start, i.date_end) <= ?")
        w.params.append(query.date_to.isoformat())


def _search(w: Where, query: IncidentQuery, found: Search, p: str) -> bool:
    """The full-text search's clause; True when it is a narrow set that may lead."""
    if found.kind == "narrow":
        if found.match is None:
            w.clauses.append("1 = 0")  # nothing searchable in the text: nothing matches
            return False
        if query.search_in == "evidence":
            # an evidence sentence holding every word, in an article the index finds
            terms = search_terms(query.q or "")
            w.clauses.append(
                "i.id IN (SELECT e.incident_id FROM evidence e WHERE e.article_id IN "
                f"(SELECT a2.id FROM articles a2 WHERE a2.rowid IN ({found.rows}))"
                + "".join(" AND e.text LIKE ? ESCAPE '\\'" for _ in terms) + ")"
            )
            w.params += found.params + [_like(t) for t in terms]
            return True
        w.clauses.append(
            "i.id IN (SELECT s.incident_id FROM incident_sources s WHERE s.article_id IN "
            f"(SELECT a2.id FROM articles a2 WHERE a2.rowid IN ({found.rows})))"
        )
        w.params.extend(found.params)
        return True
    if found.kind == "broad":
        w.clauses.append(
            f"({p}i.article_id NOT IN (SELECT value FROM json_each(?)) "
            f"OR {p}i.id IN (SELECT value FROM json_each(?)))"
        )
        w.params += [json.dumps(found.not_matching), json.dumps(found.extra)]
    return False


def build_where(conn: sqlite3.Connection, query: IncidentQuery, *, drive: bool = False,
                found: Search | None = None, lead: bool = False) -> Where:
    """The WHERE clauses for a query. With the covering index, filter columns are written
    `+col` so SQLite reads the narrow index rather than hopping through single-column
    indexes to the wide rows; `drive=True` lets a narrow set (a search, an outlet) lead,
    `lead=True` says the caller adds such a set. `found`: the search, resolved already."""
    browse = has_browse_index(conn)
    p = "+" if browse else ""
    w = Where([], [])
    if query.category:
        w.clauses.append(_in(f"{p}i.category", query.category, w.params))
    if query.event_type:
        w.clauses.append(_in(f"{p}i.event_type", query.event_type, w.params))
    _places(w, query, p)
    if query.modality:
        w.clauses.append(_in(f"{p}i.modality", query.modality, w.params))
    if query.review_status:
        w.clauses.append(_in(f"{p}i.review_status", query.review_status, w.params))
    if query.outlet:
        named = [o for o in query.outlet if o != NO_OUTLET]
        terms = [f"outlet IN ({','.join('?' * len(named))})"] if named else []
        if NO_OUTLET in query.outlet:
            terms.append("coalesce(outlet, '') = ''")
        w.clauses.append(f"i.article_id IN (SELECT id FROM articles WHERE {' OR '.join(terms)})")
        w.params.extend(named)
    if query.lang:
        marks = ",".join("?" * len(query.lang))
        w.clauses.append(f"i.article_id IN (SELECT id FROM articles WHERE lang IN ({marks}))")
        w.params.extend(query.lang)
    if query.article_id:
        w.clauses.append("i.id IN (SELECT incident_id FROM incident_sources WHERE article_id = ?)")
        w.params.append(query.article_id)
    _dates(w, query)
    if query.min_confidence is not None:
        w.clauses.append(f"{p}i.confidence >= ?")
        w.params.append(query.min_confidence)
    if query.dated:
        w.clauses.append(DATED_SQL[query.dated])
    if query.located is not None:
        w.clauses.append(LOCATED_SQL if query.located else f"NOT {LOCATED_SQL}")
    searching = _search(w, query, found if found is not None else resolve_search(conn, query), p)
    # a narrow set (an outlet, an article, a search) that the planner should start from
    driving = bool(query.outlet or query.article_id) or lead or searching
    if not query.include_rejected and "rejected" not in query.review_status:
        w.clauses.append(f"{p}i.review_status != 'rejected'")
    if not query.include_merged:
        # with the covering index, "merged_into IS NULL" selects its live part;
        # a narrow driving set is better served by looking its few rows up; without the
        # covering index, the single-column index on merged_into (NULL for nearly every
        # row) only gets in the way
        lead_set = browse and drive and driving
        w.clauses.append(("+" if lead_set or not browse else "") + "i.merged_into IS NULL")
    return w


def source(sort: str, *, few: bool = False) -> str:
    """The FROM of a list sorted by `sort` (the outlet is the source article's). `few`:
    the incidents are a short list of rows, looked up first (SQLite otherwise walks the
    articles in outlet order probing each: 150 s at 1,000,000 incidents)."""
    if sort == "outlet":
        if few:
            return "incidents i CROSS JOIN articles a ON a.id = i.article_id"
        return "articles a CROSS JOIN incidents i ON i.article_id = a.id"
    return "incidents i"


def order_by(sort: str | None, order: str | None) -> tuple[str, str, str]:
    """(ORDER BY clause, sort name, order) from user choices, unknown ones falling back."""
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
