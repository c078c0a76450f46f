"""KCNA records judged against their articles: does state media come out as real incidents?

Draw: run `yalu extract` over the KCNA corpus (../shared/corpora/kcna-2024.jsonl) and
draw records with a fixed seed; each drawn record is written with its article's link
and its evidence sentence, for a person to judge (the sheet stays outside the repo).

    python tools/kcna_judge.py draw --n 100 --seed 2026 > /tmp/kcna-sheet.jsonl

Score: the judgements the repository keeps (no article text: the link, the record's
type, country and evidence offsets, and the verdicts) counted.

    python tools/kcna_judge.py score gold/kcna-judgements.jsonl

A verdict line: {"link", "record": {"event_type", "country", "evidence": [start, end]},
"real": bool, "type_ok": bool, "country_ok": bool, "note"}.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "kcna-2024.jsonl"


def draw(n: int, seed: int, corpus: Path) -> None:
    links = [json.loads(line)["link"] for line in corpus.open(encoding="utf-8") if line.strip()]
    out = subprocess.run(
        [sys.executable, "-m", "yalu", "extract", str(corpus), "--quiet"], capture_output=True, text=True, check=True
    ).stdout
    records = []
    for line, link in zip(out.splitlines(), links, strict=True):
        for incident in json.loads(line)["incidents"]:
            records.append((link, incident))
    for link, incident in random.Random(seed).sample(records, min(n, len(records))):
        first = incident["evidence"][0]
        print(json.dumps({
            "link": link,
            "record": {"event_type": incident["event_type"], "country": incident["country"],
                       "evidence": [first["start"], first["end"]]},
            "evidence_text": first["text"], "summary": incident["summary"],
        }, ensure_ascii=False))
    print(f"{len(records)} records, {min(n, len(records))} drawn with seed {seed}", file=sys.stderr)


def score(path: Path) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    right = sum(1 for r in rows if r["real"] and r["type_ok"] and r["country_ok"])
    print(f"{len(rows)} records judged: {sum(r['real'] for r in rows)} real incidents, "
          f"{right} real with the right type and country")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--n", type=int, default=100)
    d.add_argument("--seed", type=int, default=2026)
    d.add_argument("--corpus", type=Path, default=CORPUS)
    s = sub.add_parser("score")
    s.add_argument("judgements", type=Path)
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.n, args.seed, args.corpus)
    else:
        score(args.judgements)


if __name__ == "__main__":
    main()
