"""Benchmark: `yalu extract` over the KCNA corpus against spaCy's stock pipeline.

Each runs in its own process over the same texts, in the same run, on the same
machine: the stock `en_core_web_sm` with all its components (`nlp.pipe`), `yalu
extract --rules-only` (ingest, clean, Yalu's pipeline, the rules' candidates, JSON
out) and `yalu extract` (the same, with the trained classifier deciding). Prints wall
time, throughput and peak RSS of each, and the ratios: Yalu against stock spaCy, and
the classifier's cost against the rules alone.

    python bench/extract_throughput.py [--corpus ../shared/corpora/kcna-2024.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "kcna-2024.jsonl"

BASELINE = """
import json, sys
from yalu.annotate import load_model
nlp = load_model()
texts = [json.loads(l)["story_text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
print(n, file=sys.stderr)
"""


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus} is absent: nothing to measure (the corpus lives in ../shared)")
        return
    lines = [json.loads(l) for l in args.corpus.open(encoding="utf-8") if l.strip()]
    chars = sum(len(d["story_text"]) for d in lines)
    yalu = [sys.executable, "-m", "yalu", "extract", str(args.corpus), "--quiet"]
    stock = [sys.executable, "-c", BASELINE, str(args.corpus)]
    base_s, base_rss = run(stock)
    rules_s, _ = run(yalu + ["--rules-only"])
    yalu_s, yalu_rss = run(yalu)
    print(f"corpus: {args.corpus.name}, {len(lines)} documents, {chars:,} characters")
    print(f"stock en_core_web_sm nlp.pipe: {base_s:7.1f} s  {chars / base_s:9,.0f} chars/s  peak RSS {base_rss / 2**20:6.0f} MiB")
    print(f"yalu extract:                  {yalu_s:7.1f} s  {chars / yalu_s:9,.0f} chars/s  peak RSS {yalu_rss / 2**20:6.0f} MiB")
    ratio = base_s / yalu_s
    print(f"throughput ratio (yalu / stock): {ratio:.2f}  (target >= 1.0: {'met' if ratio >= 1.0 else 'NOT met'})")
    print(f"peak RSS of yalu extract: {yalu_rss / 2**30:.2f} GiB  (target <= 1 GB: {'met' if yalu_rss <= 1e9 else 'NOT met'})")
    cost = yalu_s / rules_s - 1
    print(f"yalu extract --rules-only:     {rules_s:7.1f} s; the classifier's cost: {cost:+.1%}  "
          f"(target < 20%: {'met' if cost < 0.2 else 'NOT met'})")


if __name__ == "__main__":
    main()
