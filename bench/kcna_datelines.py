"""Bench: publication dates from KCNA datelines ("Pyongyang, December 24 (KCNA) --").

Reads ../shared/corpora/kcna-2024.jsonl (relative to the repo root) through yalu's own JSONL
reader, counts the articles whose text starts with a dateline, and dates each one the way
`yalu ingest` does (yalu.ingest.metadata.publication_date). The result is compared with the record's
`date` field. Two runs:

1. as ingested: the record's `date` is the metadata date. KCNA datelines carry no year, so
   the metadata gives the year (the nearest one to it); the month and day come from the
   dateline, which replaces the metadata date when the two differ (the agency's own clock).
   A record whose `date` lists the story days after its dateline counts as a miss here.
2. text only: the record's `date` removed. The year must come from the story itself (an
   anniversary, a recent full date, a Juche year); where it gives none, the article counts
   as not found. This is what a pasted KCNA text with no metadata gets.

Target (issue 4): found-and-correct / with-dateline >= 99%.
Usage: python bench/kcna_datelines.py [--show N]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from yalu.dates import dateline_match
from yalu.ingest import read_file
from yalu.ingest.metadata import publication_date
from yalu.model import Article

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "kcna-2024.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=20, help="failures to print per run (default 20)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS} (needs ../shared next to the repo); nothing to bench")
        return 0
    gold = {r["link"]: date.fromisoformat(r["date"])
            for r in map(json.loads, CORPUS.open(encoding="utf-8")) if r.get("link")}
    articles = [a for a in read_file(CORPUS) if isinstance(a, Article)]
    with_dl = [a for a in articles if dateline_match(a.text)]
    print(f"articles: {len(articles)}; with a dateline at the start: {len(with_dl)}")

    for label, metadata in (
        ("as ingested (year from the record's date, month and day from the dateline)", True),
        ("text only (record's date removed)", False),
    ):
        correct, found, fails, sources = 0, 0, [], {}
        for a in with_dl:
            got, source = publication_date(a.text, a.published if metadata else None,
                                           a.published_source if metadata else None)
            sources[source] = sources.get(source, 0) + 1
            expected = gold[a.url]
            found += got is not None
            if got == expected:
                correct += 1
            else:
                fails.append((expected, got, a.text[:90].replace("\n", " ")))
        n = len(with_dl) or 1
        print(f"\n== {label}")
        print(f"found-and-correct / with-dateline: {correct}/{len(with_dl)} = {100 * correct / n:.1f}%"
              f"  (found {found}, wrong {found - correct}, none {len(with_dl) - found})")
        print("published_source: " + ", ".join(f"{k}={v}" for k, v in sorted(sources.items(), key=str)))
        shown = [f for f in fails if f[1] is not None][: args.show]
        shown += [f for f in fails if f[1] is None][: max(0, args.show - len(shown))]
        if fails:
            print(f"failures ({len(fails)}; wrong dates first, showing {len(shown)}):")
            for expected, got, head in shown:
                print(f"  `date` {expected}  got {got}  | {head}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
