"""Benchmark: does extraction grow linearly with the text's length, on any input shape?

For each shape (many short lines, long punctuation runs, many datelines, one long
sentence, normal prose repeated, one long paragraph of quotes and dates) one article
is built at a base size and doubled four times; each runs through the whole pipeline
(`Pipeline.run`: tokenizer, tagger, parser, rulers, extraction). Printed: the time of
each size (the best of `--repeat`), the ratio of each doubling to the one before,
measured in the same run (~2.0 is linear, ~4.0 quadratic), and the exponent of the
whole growth, log2(last / first) / 4 (1.0 linear, 2.0 quadratic). A shape passes
when the exponent is at most `--max-exponent` and no doubling exceeds `--max-ratio`
(one doubling may be noisy on a busy machine; a quadratic step is ~4.0 on every one).

Each shape runs in its own process, whose peak RSS (ru_maxrss) is printed against the
1 GB bound; two more extract one article of prose and one of short lines at spaCy's
maximum length (`--max-chars`), for the peak RSS of the largest text Yalu reads.

    python bench/scaling.py [--shape lines] [--repeat 3] [--max-exponent 1.25] [--max-ratio 3.0]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GIB = 2**30
RSS_BOUND = 10**9
DOUBLINGS = 4

PROSE = (
    "Agents of the Ministry of State Security detained six residents of Hoeryong, North Hamgyeong "
    "Province, on January 20 for calling relatives in South Korea on smuggled Chinese mobile phones, "
    "a reporting partner in the city said. Two soldiers defected across the border near Hyesan "
    "last week, and border guards fired warning shots.\n\n"
)

QUOTED = '"They fled across the river on May 5," a source in Hyesan told Daily NK on Tuesday. Guards fired at 10 a.m. near Musan. '


def _lines(n: int) -> str:
    return "".join(f"Police in Hyesan arrested {i % 97} smugglers near Musan.\n" for i in range(n))


def _datelines(n: int) -> str:
    return "".join(f"Pyongyang, September {i % 28 + 1} (KCNA) --\n" for i in range(n))


# shape: (what it is, its text at n units, n at the base size)
SHAPES = {
    "lines": ("short lines naming places", _lines, 250),
    "quotes": ("one run of quotation marks", lambda n: 'He said "' + '"' * n + ' soldiers defected.', 2000),
    "punctuation": ("one run of mixed punctuation", lambda n: "Hyesan " + "\"'!?" * (n // 4) + " soldiers defected.", 2000),
    "datelines": ("fake datelines, one a line", _datelines, 250),
    "sentence": ("one long sentence", lambda n: "Hyesan " * n + "soldiers defected.", 250),
    "prose": ("normal prose repeated", lambda n: PROSE * n, 8),
    "paragraph": ("one paragraph of quotes, dates and times", lambda n: QUOTED * n, 30),
}
# the shapes that take the most memory per character, measured at the largest length
LARGEST = ("prose", "lines")


def measure(shape: str, repeat: int) -> dict:
    """Seconds per size for one shape, in this process (the pipeline loaded once)."""
    sys.path.insert(0, str(REPO))
    from yalu.model import Article
    from yalu.pipeline import Pipeline

    _, make, base = SHAPES[shape]
    pipeline = Pipeline(time_budget=None)
    list(pipeline.run([Article(text=PROSE)]))  # warm: lazy loads are not the first size's cost
    sizes, seconds = [], []
    for k in range(DOUBLINGS + 1):
        text = make(base * 2**k)
        best = math.inf
        for _ in range(repeat):
            start = time.perf_counter()
            list(pipeline.run([Article(text=text)]))
            best = min(best, time.perf_counter() - start)
        sizes.append(len(text))
        seconds.append(best)
    return {"sizes": sizes, "seconds": seconds}


def largest(shape: str, chars: int) -> dict:
    """One article of a shape at the largest length Yalu reads, for its peak RSS."""
    sys.path.insert(0, str(REPO))
    from yalu.model import Article
    from yalu.pipeline import Pipeline

    _, make, base = SHAPES[shape]
    text = make(base * (chars // len(make(base)) + 1))[:chars]
    start = time.perf_counter()
    list(Pipeline(time_budget=None).run([Article(text=text)]))
    return {"sizes": [len(text)], "seconds": [time.perf_counter() - start]}


def child(args: list[str]) -> tuple[dict, int]:
    """Run this script on one task in its own process: its result and its peak RSS."""
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, cwd=REPO)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(args)}")
    return json.loads(out), usage.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append", help="Only these shapes (repeatable).")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per size; the best counts.")
    parser.add_argument("--max-exponent", type=float, default=1.25, help="Largest growth exponent that passes (1.0: linear).")
    parser.add_argument("--max-ratio", type=float, default=3.0, help="Largest time ratio of one doubling that passes.")
    parser.add_argument("--max-chars", type=int, default=1_000_000, help="Length of the largest article for peak RSS (0: skip).")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, shape, chars = (args.child.split(":") + [""])[:3]
        result = largest(shape, int(chars)) if kind == "largest" else measure(shape, args.repeat)
        print(json.dumps(result))
        return
    failed = []
    for shape in args.shape or SHAPES:
        result, rss = child(["--child", f"shape:{shape}", "--repeat", str(args.repeat)])
        s = result["seconds"]
        ratios = [b / a for a, b in zip(s, s[1:])]
        exponent = math.log2(s[-1] / s[0]) / DOUBLINGS
        linear = exponent <= args.max_exponent and all(r <= args.max_ratio for r in ratios)
        if not linear or rss > RSS_BOUND:
            failed.append(shape)
        print(f"{shape:<12} {SHAPES[shape][0]}: {result['sizes'][0]:,} to {result['sizes'][-1]:,} chars")
        print(f"{'':<12} seconds {' '.join(f'{x:7.3f}' for x in s)}")
        print(f"{'':<12} ratio per doubling {' '.join(f'{r:4.2f}' for r in ratios)}, exponent {exponent:.2f} "
              f"({'linear' if linear else 'NOT linear'}); peak RSS {rss / GIB:.2f} GiB")
    for shape in LARGEST if args.max_chars else ():
        result, rss = child(["--child", f"largest:{shape}:{args.max_chars}"])
        if rss > RSS_BOUND:
            failed.append(f"largest {shape}")
        print(f"{'largest':<12} one article of {result['sizes'][0]:,} chars, {SHAPES[shape][0]}: {result['seconds'][0]:.1f} s, "
              f"peak RSS {rss / GIB:.2f} GiB (bound 1 GB: {'met' if rss <= RSS_BOUND else 'NOT met'})")
    if failed:
        sys.exit(f"not linear or over 1 GB: {', '.join(failed)}")


if __name__ == "__main__":
    main()
