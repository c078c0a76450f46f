"""How many "<Name> County|City|Province|District" phrases in KCNA resolve in the gazetteer.

    python bench/kcna_places.py [--corpus ../shared/corpora/kcna-2024.jsonl] [--show-resolved] [--min 98]

Reads the KCNA 2024 corpus (1,040 articles; shared/, never copied into the
project), finds every phrase "<Capitalised Name> County|City|Province|District"
and looks it up with `Gazetteer.lookup`. Prints distinct and total counts, the
percentage resolved, and the list of phrases that did not resolve.

What counts as a place phrase (decided here, so the number is reproducible):

- The name is the run of capitalised words (DPRK spellings, apostrophes and
  hyphens allowed) right before the generic word. KCNA glues bold names to
  their neighbours ("atKim Il SungSquare", "ComradeKim Jong Unvisited
  Hwaphyong County"): a lower-to-upper case boundary is split first, and
  then the longest tail of the run that resolves is taken, so "Kim Jong
  Unvisited Hwaphyong County" counts as "Hwaphyong County". An unresolved
  phrase is reported by its last name word (plus the word before it when
  that one is capitalised too).
- "The" at the start is dropped ("The Sinuiju City").
- "X Workers' District" (로동자구, a town) is one phrase with its name X.
- Not places, so not counted: phrases whose last name word is a generic
  or function word rather than a name (NOT_NAMES below: "Capital City",
  "Party ... City", "the Same County", ...); "Central District" (Pyongyang's
  중구역) is whitelisted. Everything else that names a real place counts,
  including places abroad (Gaza City, Sevastopol City): the gazetteer must
  resolve them or the phrase shows up in the list of the rest.
- A phrase that resolves to several candidates (Unsan County, Kangwon
  Province) counts as resolved; the number of such phrases is printed too,
  since choosing among them is the geoparser's job (ambiguities.toml).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "kcna-2024.jsonl"

SUFFIXES = ("County", "City", "Province", "District")
# words that end a capitalised run but are not place names
NOT_NAMES = {
    "The", "A", "An", "Of", "In", "At", "And", "For", "To", "By", "On", "From", "With",
    "Capital", "Provincial", "Party", "People's", "Peoples", "Committee", "Central", "Municipal",
    "This", "That", "Each", "Every", "Its", "Their", "Our", "His", "Her", "Same", "Whole", "New", "Old",
    "Home", "Hero", "Model", "Prize", "Red", "Flag", "Banner", "Youth", "Inner", "Outer",
}
# "Central District" is Pyongyang's 중구역: a real place, whitelisted
WHITELIST = {"Central District"}

_WORD = r"[A-Z][A-Za-z'’\-]*"
_PHRASE = re.compile(rf"((?:{_WORD}\s+){{1,6}})(County|City|Province|District)\b")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def candidate_phrases(text: str):
    """Yield (name words, suffix) for every place-looking phrase in one article."""
    text = _GLUE.sub(" ", text)
    for m in _PHRASE.finditer(text):
        words = m.group(1).split()
        suffix = m.group(2)
        # "X Workers' District": keep the generic inside the phrase
        if suffix == "District" and words and words[-1] in ("Workers'", "Workers’", "Workers"):
            words = words[:-1]
            suffix = "Workers' District"
        while words and words[0] in ("The", "A", "An"):
            words = words[1:]
        if not words:
            continue
        yield words, suffix


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--show-resolved", action="store_true", help="also list resolved phrases and their ids")
    ap.add_argument("--min", type=float, default=98.0, help="target percentage (exit 1 below it)")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}\n(this bench needs ../shared/corpora/kcna-2024.jsonl beside the repo)",
              file=sys.stderr)
        return 2

    sys.path.insert(0, str(REPO))
    from yalu.places import Gazetteer

    gaz = Gazetteer.default()
    resolved: Counter[str] = Counter()
    resolved_ids: dict[str, str] = {}
    unresolved: Counter[str] = Counter()
    examples: dict[str, str] = {}
    skipped: Counter[str] = Counter()
    with args.corpus.open(encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            text = json.loads(line).get("story_text") or ""
            for words, suffix in candidate_phrases(text):
                hit = None
                for k in range(len(words), 0, -1):
                    phrase = " ".join(words[-k:]) + " " + suffix
                    if words[-k] in NOT_NAMES and phrase not in WHITELIST:
                        continue
                    places = gaz.lookup(phrase)
                    if places:
                        hit = (phrase, places)
                        break
                if hit:
                    resolved[hit[0]] += 1
                    resolved_ids[hit[0]] = ", ".join(p.id for p in hit[1])
                    continue
                last = words[-1]
                phrase = last + " " + suffix
                if last in NOT_NAMES and phrase not in WHITELIST:
                    skipped[phrase] += 1
                    continue
                if len(words) >= 2 and words[-2] not in NOT_NAMES:
                    phrase = words[-2] + " " + phrase
                unresolved[phrase] += 1
                examples.setdefault(phrase, " ".join(words) + " " + suffix)

    d_res, d_unres = len(resolved), len(unresolved)
    t_res, t_unres = sum(resolved.values()), sum(unresolved.values())
    d_all, t_all = d_res + d_unres, t_res + t_unres
    pct_d = 100.0 * d_res / d_all if d_all else 100.0
    pct_t = 100.0 * t_res / t_all if t_all else 100.0
    print(f"corpus: {args.corpus}")
    print(f"place phrases: {d_all} distinct, {t_all} occurrences")
    print(f"resolved:      {d_res}/{d_all} distinct ({pct_d:.1f}%), {t_res}/{t_all} occurrences ({pct_t:.1f}%)")
    ambiguous = {k: v for k, v in resolved.items() if "," in resolved_ids[k]}
    print(f"of which ambiguous (several candidates): {len(ambiguous)} distinct, {sum(ambiguous.values())} occurrences"
          + (f" ({', '.join(sorted(ambiguous))})" if ambiguous else ""))
    if skipped:
        print(f"not counted (not place names): {', '.join(f'{k} ×{v}' for k, v in skipped.most_common())}")
    print(f"unresolved ({d_unres}):")
    for phrase, n in unresolved.most_common():
        ex = examples[phrase]
        print(f"  {n:4d}  {phrase}" + (f"   [{ex}]" if ex != phrase else ""))
    if args.show_resolved:
        by_id = defaultdict(list)
        for phrase, n in resolved.most_common():
            by_id[resolved_ids[phrase]].append(f"{phrase} ×{n}")
        print("resolved:")
        for ids, phrases in sorted(by_id.items()):
            print(f"  {ids}: {'; '.join(phrases)}")
    return 0 if min(pct_d, pct_t) >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
