"""Furniture leaks: the gold's forbidden places (captions, related lists, bylines, site
banners, the outlet's home) that ingest's furniture split leaves in a report's kept text.
A forbidden name in the kept text is a line to read: furniture the patterns missed, or a
real sentence that names the place (docs/extraction.md, "The stages").

    python tools/furniture_leaks.py GOLD... [--texts DIR] [--split dev] [--show]

Counts per gold file; --show prints each kept line that names a forbidden place.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from yalu.evaluate.devset import TEXTS
from yalu.ingest.text import read_text


def leaks(record: dict, text: str) -> list[tuple[str, str]]:
    """(forbidden name, kept line naming it) over a report's title and kept text."""
    article = read_text(text, detect_title=True, id=record["doc_id"])
    lines = [article.title or "", *article.text.split("\n")]
    found = []
    for name in record.get("forbidden_locations", []):
        rx = re.compile(re.escape(name), re.IGNORECASE)
        found += [(name, line) for line in lines if rx.search(line)]
    return found


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--texts", type=Path, default=TEXTS)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    total = [0, 0, 0]
    for path in args.gold:
        names = leaked = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text_file = args.texts / f"{record['doc_id']}.txt"
            if record.get("split") != args.split or not record.get("forbidden_locations") or not text_file.exists():
                continue
            found = leaks(record, text_file.read_text(encoding="utf-8"))
            names += len(record["forbidden_locations"])
            leaked += len({name for name, _ in found})
            if args.show:
                for name, kept in found:
                    print(f"{record['doc_id']}\t{name}\t{kept[:200]}")
        print(f"{path}: {leaked} of {names} forbidden names left in kept text")
        total[0] += 1
        total[1] += names
        total[2] += leaked
    print(f"all {total[0]} files: {total[2]} of {total[1]} forbidden names left in kept text")


if __name__ == "__main__":
    main()
