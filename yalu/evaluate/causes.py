"""Why each required gold incident was missed (`yalu eval --causes`).

A miss is read against two runs over the same texts: the records written and every
candidate the trigger rules proposed before the trained classifier decided
(`Pipeline(rules_only=True)`). Matching is by type (a gold incident's type or one of
its alt_types), so a miss falls in one of three classes:

- `no_candidate`: no rule proposed anything of its types in the document: no trigger
  for the act's wording, a candidate vetoed by modality or genericity, or the act read
  as another type;
- `dropped`: the rules proposed more candidates of its types than were written: the
  classifier (or its threshold) dropped one;
- `one_record`: every candidate of its types became a record that matched another gold
  incident: two acts of one type told as one record (merged), or one act and a
  neighbour's record taken for it.
"""

from __future__ import annotations

from collections import Counter

from .scoring import Counts, GoldDoc, _types, match, predict, score

CAUSES = ("no_candidate", "dropped", "one_record")


def evaluate_with_causes(docs: list[GoldDoc], progress=None) -> tuple[Counts, dict]:
    """Score the pipeline on the documents, and tally its misses by cause (a second,
    rules-only run gives the candidates)."""
    from ..pipeline import Pipeline

    predictions = predict(docs, Pipeline(), progress)
    candidates = predict(docs, Pipeline(rules_only=True))
    return score(docs, predictions), tally(docs, predictions, candidates)


def miss_causes(preds: list[dict], candidates: list[dict], golds: list[dict]) -> list[tuple[dict, str]]:
    """Each required gold incident that no prediction matched, with its cause."""
    matched = {j for _, j in match(preds, golds)}
    out = []
    for j, gold in enumerate(golds):
        if gold.get("optional") or j in matched:
            continue
        types = _types(gold)
        proposed = sum(1 for c in candidates if c["event_type"] in types)
        written = sum(1 for p in preds if p["event_type"] in types)
        cause = "no_candidate" if not proposed else "dropped" if proposed > written else "one_record"
        out.append((gold, cause))
    return out


def tally(docs: list[GoldDoc], predictions: dict[str, list[dict]], candidates: dict[str, list[dict]]) -> dict:
    """Misses counted by cause and, within a cause, by the gold incident's type; and each
    miss listed (document, gold key, type, cause) for reading."""
    by_cause: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = {c: Counter() for c in CAUSES}
    listed = []
    for doc in docs:
        for gold, cause in miss_causes(predictions.get(doc.doc_id, []), candidates.get(doc.doc_id, []), doc.incidents):
            by_cause[cause] += 1
            by_type[cause][gold["event_type"]] += 1
            listed.append({"doc_id": doc.doc_id, "gold": gold.get("key"), "event_type": gold["event_type"], "cause": cause})
    return {
        "counts": {c: by_cause[c] for c in CAUSES},
        "by_type": {c: dict(by_type[c].most_common()) for c in CAUSES},
        "misses": listed,
    }


def lines(causes: dict) -> list[str]:
    """The tally as the text report prints it: one line a cause, its types by count."""
    return [
        f"miss cause {cause:<13}{causes['counts'][cause]:>4}  "
        + " ".join(f"{t} {n}" for t, n in causes["by_type"][cause].items())
        for cause in CAUSES
    ]
