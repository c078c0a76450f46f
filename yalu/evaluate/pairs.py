"""`yalu eval --pairs`: the same story in two editions (Daily NK's Korean and English
pages, a "pair" field in both gold records) should give the same incidents. Yalu's
records of the two texts are matched one to one on event type, province and county; the
share reported is the matched records over the records of both editions (2m / (a + b)).
Beside it, the share the gold allows: the two editions' required gold incidents matched
the same way, which is what an extractor that found exactly the gold would score (one
edition tells acts the other does not, or names a county the other leaves out)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .scoring import GoldDoc, _norm, _types, gold_articles


def _key(record: dict) -> tuple:
    return record["event_type"], record.get("admin1_code"), record.get("admin2")


def _one_to_one(a: list[dict], b: list[dict], same) -> int:
    """Items of a paired, each with a different item of b that is `same` as it."""
    rest = list(b)
    n = 0
    for x in a:
        other = next((y for y in rest if same(x, y)), None)
        if other is not None:
            rest.remove(other)
            n += 1
    return n


def matched(a: list[dict], b: list[dict]) -> int:
    """Records of one edition with a counterpart in the other: same type, province, county."""
    return _one_to_one(a, b, lambda x, y: _key(x) == _key(y))


def _same_act(a: dict, b: dict) -> bool:
    """Two gold incidents the measure would match: a type in common (alternatives
    included), the same province, and a county both accept or neither names."""
    counties_a, counties_b = {_norm(n) for n in a.get("admin2") or []}, {_norm(n) for n in b.get("admin2") or []}
    same_county = bool(counties_a & counties_b) or not (counties_a or counties_b)
    return bool(_types(a) & _types(b)) and a.get("admin1_code") == b.get("admin1_code") and same_county


def _required(gold: list[dict]) -> list[dict]:
    """The gold incidents a record must match (optional ones count neither way)."""
    return [g for g in gold if not g.get("optional")]


def gold_matched(a: list[dict], b: list[dict]) -> int:
    """Required gold incidents of one edition with a counterpart in the other's."""
    return _one_to_one(_required(a), _required(b), _same_act)


@dataclass
class PairScore:
    pairs: list[dict] = field(default_factory=list)

    def summary(self) -> dict:
        m = sum(p["matched"] for p in self.pairs)
        total = sum(p["records"][0] + p["records"][1] for p in self.pairs)
        gm = sum(p["gold_matched"] for p in self.pairs)
        gold = sum(p["gold"][0] + p["gold"][1] for p in self.pairs)
        return {"pairs": len(self.pairs), "matched": m, "records": total,
                "agreement": round(2 * m / total, 4) if total else None,
                "gold_matched": gm, "gold_incidents": gold, "gold_agreement": round(2 * gm / gold, 4) if gold else None}


def score_pairs(docs: list[GoldDoc], split: str | None, pipeline=None) -> PairScore:
    """Run the pipeline over both editions of every pair (the first edition in `split`,
    when given) and match their records."""
    from ..pipeline import Pipeline

    by_id = {d.doc_id: d for d in docs}
    pairs = sorted({tuple(sorted((d.doc_id, d.pair))) for d in docs if d.pair and d.pair in by_id})
    if split is not None:
        pairs = [p for p in pairs if any(by_id[i].split == split and by_id[i].lang == "ko" for i in p)]
    wanted = [by_id[i] for p in pairs for i in p]
    pipeline = pipeline or Pipeline()
    predicted = {a.id: [i.to_dict() for i in incidents] for a, incidents in pipeline.run(gold_articles(wanted))}
    result = PairScore()
    for one, other in pairs:
        a, b = predicted.get(one, []), predicted.get(other, [])
        gold_a, gold_b = by_id[one].incidents, by_id[other].incidents
        result.pairs.append({"pair": [one, other], "records": [len(a), len(b)], "matched": matched(a, b),
                             "types": [sorted(_key(r)[0] for r in a), sorted(_key(r)[0] for r in b)],
                             "gold": [len(_required(gold_a)), len(_required(gold_b))],
                             "gold_matched": gold_matched(gold_a, gold_b)})
    return result
