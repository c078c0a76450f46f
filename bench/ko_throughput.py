"""Benchmark: Korean against English extraction on texts of the same length, in one run.

The texts are the cached real reports (.cache/texts, see gold/README.md): the Korean ones
of gold/real-ko and as many English ones of gold/real-en, each cut to the same number of
characters, so both pipelines read the same amount of text. Both run through
`yalu.pipeline.Pipeline` (English: spaCy, the rules and the classifier; Korean: Kiwi
and the Korean rules), loaded and warmed up before the clock starts, for `--rounds`
rounds each, interleaved. Prints characters per second of each and the ratio
Korean / English (the issue asks for 0.8 or more).

    python bench/ko_throughput.py [--texts .cache/texts] [--chars 500] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from yalu.ingest import read_text  # noqa: E402
from yalu.ingest.language import detect_language  # noqa: E402
from yalu.pipeline import Pipeline  # noqa: E402


def texts(folder: Path, lang: str, prefixes: tuple[str, ...], chars: int) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.txt")):
        if not path.name.startswith(prefixes):
            continue
        text = path.read_text(encoding="utf-8")
        if len(text) >= chars and detect_language(text) == lang:
            found.append(text[:chars])
    return found


def run(pipeline: Pipeline, batch: list[str], lang: str) -> float:
    start = time.perf_counter()
    articles = [read_text(t, lang=lang, published="2024-03-02") for t in batch]
    for _ in pipeline.run(articles):
        pass
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=REPO / ".cache" / "texts")
    ap.add_argument("--chars", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    korean = texts(args.texts, "ko", ("kodnk-", "kob-"), args.chars)
    english = texts(args.texts, "en", ("dnk", "rfa", "apn", "yna", "wire"), args.chars)[: len(korean)]
    if not korean or not english:
        print(f"no texts of {args.chars}+ characters in {args.texts}: see gold/README.md", file=sys.stderr)
        return 1
    n = min(len(korean), len(english))
    korean, english = korean[:n], english[:n]
    pipeline = Pipeline()
    run(pipeline, korean[:2], "ko"), run(pipeline, english[:2], "en")  # load Kiwi, spaCy and the classifier
    times = {"ko": 0.0, "en": 0.0}
    for _ in range(args.rounds):
        times["en"] += run(pipeline, english, "en")
        times["ko"] += run(pipeline, korean, "ko")
    chars = n * args.chars * args.rounds
    rate = {lang: chars / t for lang, t in times.items()}
    print(f"{n} texts of {args.chars} characters per language, {args.rounds} rounds")
    print(f"English: {times['en']:.2f} s, {rate['en']:.0f} characters/s")
    print(f"Korean:  {times['ko']:.2f} s, {rate['ko']:.0f} characters/s")
    print(f"Korean / English throughput: {rate['ko'] / rate['en']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
