"""Re-running extraction over stored articles (`yalu reprocess`, and `yalu ingest
--published/--outlet` over an article already stored): after a metadata fix or a new
Yalu version, an article's records are made again from its stored text.

Per article, all or none of it with its audit rows (articles are committed WRITE_BATCH
at a time: a commit cost ~0.45 ms, most of what storing an unchanged article costs; each
article is a savepoint of its batch, so one that fails is reported, one line, and rolled
back alone, and the rest of the batch and the run go on):
- a machine record the new run makes again (the same id) is replaced by the new one; what
  other outlets' reports gave it (their sources and evidence) and the records merged into
  it are kept;
- a machine record the new run no longer makes is removed (records merged into it return
  to the lists on their own);
- a new record is stored and merged across outlets as at ingest;
- a reviewed record (approved, edited, rejected) is never changed: where the new run says
  otherwise about a field the reviewer did not edit, or no longer finds it, the record is
  flagged for re-review (`recheck`: what the new run says).
Every change writes an audit row by the user `reprocess`.

An article's stored annotation is extracted from again where the pipeline's cache key is
the one it was stored under; the others are annotated again and stored anew
(`yalu.annotate.cache`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from .model import Article, Furniture, Incident
from .store import Store, atomic, now
from .store.database import is_busy
from .store.writes import add_sources, insert_evidence, insert_incident, save_annotation, write_audit

if TYPE_CHECKING:
    from .parallel import Report, Runner
    from .pipeline import Cached, Done

USER = "reprocess"
# what the extractor decides, compared between a reviewed record and a new run
EXTRACTED = (
    "event_type", "date_start", "date_end", "time_precision", "country", "admin1_code", "admin2",
    "location_name", "actors", "quantities", "modality", "attribution",
)
# what a replaced machine record keeps of the old one
KEPT = ("merged_into", "created_at")
WRITE_BATCH = 32


@dataclass
class Outcome:
    articles: int = 0
    replaced: int = 0
    added: int = 0
    removed: int = 0
    flagged: int = 0
    redated: list[str] = field(default_factory=list)

    def add(self, other: Outcome) -> None:
        self.articles += other.articles
        self.replaced += other.replaced
        self.added += other.added
        self.removed += other.removed
        self.flagged += other.flagged
        self.redated += other.redated

    def __str__(self) -> str:
        return (f"{self.articles} articles reprocessed: {self.replaced} records replaced, {self.added} added, "
                f"{self.removed} removed, {self.flagged} reviewed records flagged for re-review")


def stored_article(row: sqlite3.Row) -> Article:
    """An article as ingest made it, from its row."""
    return Article(
        text=row["text"], id=row["id"], title=row["title"], url=row["url"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        published_source=row["published_source"], outlet=row["outlet"], author=row["author"],
        source_path=row["source_path"], tags=json.loads(row["tags"] or "[]"),
        furniture=[Furniture(**f) for f in json.loads(row["furniture"] or "[]")],
    )


def articles(store: Store, ids: Iterable[str], published: date | None = None,
             outlet: str | None = None) -> Iterator[Article]:
    """The stored articles, with a new publication date or outlet where one is given."""
    for article_id in ids:
        row = store.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise LookupError(f"no article {article_id!r}")
        article = stored_article(row)
        if published is not None:
            article.published, article.published_source = published, "cli"
        if outlet:
            article.outlet = outlet
        yield article


def stored_annotation(store: Store, article_id: str | None) -> Cached | None:
    row = store.conn.execute("SELECT cache_key, doc FROM annotations WHERE article_id = ?", (article_id,)).fetchone()
    return (row["cache_key"], bytes(row["doc"])) if row else None  # PostgreSQL's bytea may read as a memoryview


def reprocess(store: Store, runner: Runner, selected: Iterable[Article], report: Report | None = None) -> Outcome:
    """Extract each article again (`runner`: where; `report`: an article's error line,
    by default on stderr) and replace its records as the module says."""
    from .parallel import stderr_report

    outcome = Outcome()
    report = report or stderr_report
    items = ((article, stored_annotation(store, article.id)) for article in selected)
    results = runner.results(items, report)
    with store.bulk():
        while batch := list(islice(results, WRITE_BATCH)):
            # counted once the batch is committed: a batch retried while busy counts once
            outcome.add(store.write(partial(_replace_all, batch=batch, report=report)))
    return outcome


def _replace_all(conn: sqlite3.Connection, batch: list[Done], report: Report) -> Outcome:
    """The batch's articles, each in a savepoint: one that fails is rolled back and reported
    and the others stay."""
    from .parallel import one_line

    outcome = Outcome()
    for done in batch:
        one = Outcome(articles=1)
        try:
            with atomic(conn):
                _replace(conn, done.article, done.incidents, one, done.annotation)
        except Exception as error:
            if is_busy(error) or not conn.in_transaction:
                raise  # the database's trouble, not the article's: the whole batch again, or stop
            report(f"article {done.article.id}: not reprocessed ({one_line(error)})")
            continue
        outcome.add(one)
    return outcome


def _replace(conn: sqlite3.Connection, article: Article, incidents: list[Incident], outcome: Outcome,
             annotation: Cached | None = None) -> None:
    from .merge import merge_across_outlets

    assert article.id is not None
    at = now()
    if annotation is not None:
        save_annotation(conn, article.id, *annotation)
    old = conn.execute("SELECT published, outlet FROM articles WHERE id = ?", (article.id,)).fetchone()
    new_published = article.published.isoformat() if article.published else None
    if (old["published"], old["outlet"]) != (new_published, article.outlet):
        conn.execute("UPDATE articles SET published = ?, published_source = ?, outlet = ? WHERE id = ?",
                     (new_published, article.published_source, article.outlet, article.id))
        outcome.redated.append(article.id)
    records = {r["id"]: dict(r) for r in conn.execute("SELECT * FROM incidents WHERE article_id = ?", (article.id,))}
    made = {str(i.id): i for i in incidents}  # the pipeline gives every record its id
    # a replaced record is deleted and stored again under its id: the rows that point at it
    # are checked at commit, when it is back
    conn.execute("PRAGMA defer_foreign_keys = ON")
    added: list[str] = []
    for incident_id, incident in made.items():
        record = records.get(incident_id)
        if record is None:
            insert_incident(conn, article, article.id, incident, at)
            write_audit(conn, incident_id, USER, "reprocess_add", None, _extracted(incident.to_dict()), at)
            added.append(incident_id)
        elif record["review_status"] == "machine":
            _store_again(conn, article, incident, record, at)
            outcome.replaced += 1
        else:
            outcome.flagged += _flag(conn, record, incident.to_dict(), at)
    for incident_id, record in records.items():
        if incident_id in made:
            continue
        if record["review_status"] == "machine":
            _remove(conn, record, at)
            outcome.removed += 1
        else:
            outcome.flagged += _flag(conn, record, None, at)
    outcome.added += len(added)
    merge_across_outlets(conn, added)


def _extracted(values: dict) -> dict:
    return {k: values.get(k) for k in EXTRACTED}


def _decoded(record: dict, key: str) -> object:
    value = record.get(key)
    return json.loads(value) if key in ("actors", "quantities", "attribution") and isinstance(value, str) else value


def _store_again(conn: sqlite3.Connection, article: Article, incident: Incident, record: dict, at: str) -> None:
    """The new machine record under the old id, with what other reports gave the old one."""
    assert article.id is not None
    others = [dict(e) for e in conn.execute(
        "SELECT * FROM evidence WHERE incident_id = ? AND article_id != ?", (record["id"], article.id))]
    sources = [r[0] for r in conn.execute(
        "SELECT article_id FROM incident_sources WHERE incident_id = ? AND article_id != ?", (record["id"], article.id))]
    conn.execute("DELETE FROM incidents WHERE id = ?", (record["id"],))
    insert_incident(conn, article, article.id, incident, at)
    conn.execute(f"UPDATE incidents SET {', '.join(f'{k} = ?' for k in KEPT)}, corroboration = ? WHERE id = ?",
                 [record[k] for k in KEPT] + [record["corroboration"], record["id"]])
    add_sources(conn, record["id"], sources)
    insert_evidence(conn, record["id"], [{**e, "rules": json.loads(e.get("rules") or "[]")} for e in others])
    before = {k: _decoded(record, k) for k in EXTRACTED}
    after = _extracted(incident.to_dict())
    changed = {k for k in EXTRACTED if before[k] != after[k]}
    if changed:
        write_audit(conn, record["id"], USER, "reprocess", {k: before[k] for k in changed},
                    {k: after[k] for k in changed}, at)


def _remove(conn: sqlite3.Connection, record: dict, at: str) -> None:
    """A machine record the extractor no longer makes; the records merged into it stand alone again."""
    for (loser,) in conn.execute("SELECT id FROM incidents WHERE merged_into = ?", (record["id"],)).fetchall():
        conn.execute("UPDATE incidents SET merged_into = NULL, updated_at = ? WHERE id = ?", (at, loser))
        write_audit(conn, loser, USER, "reprocess_unmerge", {"merged_into": record["id"]}, {"merged_into": None}, at)
    conn.execute("DELETE FROM incidents WHERE id = ?", (record["id"],))
    write_audit(conn, record["id"], USER, "reprocess_remove", {k: _decoded(record, k) for k in EXTRACTED}, None, at)


def _edited_fields(conn: sqlite3.Connection, incident_id: str) -> set[str]:
    """The fields a reviewer set by hand: the new run's word on them does not count."""
    edited: set[str] = set()
    for (after,) in conn.execute("SELECT after FROM audit WHERE incident_id = ? AND action = 'edit'", (incident_id,)):
        edited.update(json.loads(after or "{}"))
    return edited


def _flag(conn: sqlite3.Connection, record: dict, new: dict | None, at: str) -> int:
    """Flag a reviewed record the new run disagrees with (None: no longer found); 1 if flagged."""
    if new is None:
        recheck: dict = {"missing": True}
    else:
        edited = _edited_fields(conn, record["id"])
        recheck = {k: new.get(k) for k in EXTRACTED if k not in edited and _decoded(record, k) != new.get(k)}
    old = json.loads(record["recheck"]) if record.get("recheck") else None
    if not recheck or recheck == old:
        return 0
    conn.execute("UPDATE incidents SET recheck = ?, updated_at = ? WHERE id = ?",
                 (json.dumps(recheck, ensure_ascii=False), at, record["id"]))
    write_audit(conn, record["id"], USER, "reprocess_recheck", old, recheck, at)
    return 1
