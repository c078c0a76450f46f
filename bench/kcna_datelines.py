"""Bench: publication dates from KCNA datelines ("Pyongyang, December 24 (KCNA) --").

Reads ../shared/corpora/kcna-2024.jsonl (relative to the repo root), counts the articles
whose story_text starts with a dateline, runs yalu.dates.dateline() and compares it with the
record's `date` field. KCNA datelines carry no year, so two figures are reported:

1. text only (hint=None): the year must come from the story text itself (an anniversary,
   a recent full date or Juche year); where the text gives none, dateline() returns None
   and the article counts as not found.
2. with hint = 1 July of the record's own year (the year of its `date` field, standing in
   for the feed/file date the ingest passes as hint; only the year is given away, the month
   and day must come from the dateline; mid-year so that no new-year crossing is implied).

Target (issue 4): found-and-correct / with-dateline >= 99%.
Usage: python bench/kcna_datelines.py [--show N]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from yalu.dates import _dateline_match, dateline

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "kcna-2024.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=40, help="failures to print per run (default 40)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS} (needs ../shared next to the repo); nothing to bench")
        return 0
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
    with_dl = [r for r in records if _dateline_match(r.get("story_text") or "")]
    print(f"articles: {len(records)}; with a dateline at the start: {len(with_dl)}")
    md_agree = 0
    for r in with_dl:
        got = dateline(r["story_text"], hint=date(2000, 7, 1))  # any year: month and day only
        if got and (got.month, got.day) == (int(r["date"][5:7]), int(r["date"][8:10])):
            md_agree += 1
    print(f"month and day read from the dateline agree with `date`: {md_agree}/{len(with_dl)}"
          " (the rest: `date` lists the story 1-7 days after its dateline)")

    for label, hint_of in (
        ("text only (hint=None)", lambda r: None),
        ("hint = 1 July of the record's year", lambda r: date(int(r["date"][:4]), 7, 1)),
    ):
        correct, found, fails = 0, 0, []
        for r in with_dl:
            gold = date.fromisoformat(r["date"])
            got = dateline(r["story_text"], hint=hint_of(r))
            if got is not None:
                found += 1
            if got == gold:
                correct += 1
            else:
                fails.append((r["date"], got, r["story_text"][:90].replace("\n", " ")))
        n = len(with_dl) or 1
        wrong = found - correct
        print(f"\n== {label}")
        print(f"found-and-correct / with-dateline: {correct}/{len(with_dl)} = {100 * correct / n:.1f}%"
              f"  (found {found}, wrong {wrong}, none {len(with_dl) - found})")
        shown = [f for f in fails if f[1] is not None][: args.show]
        shown += [f for f in fails if f[1] is None][: max(0, args.show - len(shown))]
        if fails:
            print(f"failures ({len(fails)}; wrong dates first, showing {len(shown)}):")
            for gold, got, head in shown:
                print(f"  gold {gold}  got {got}  | {head}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
