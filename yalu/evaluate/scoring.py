"""`yalu eval`: score extraction against gold annotations (../shared/docs/gold-format.md).

Per document, predictions are matched one-to-one to gold incidents, greedily by
best score; a pair can match only when the predicted type is the gold type or
one of its alt_types. Optional gold incidents count neither way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .. import resources
from ..ingest import read_text
from ..model import Article
from ..places import Gazetteer


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    published: date | None
    outlet: str | None
    incidents: list[dict]
    forbidden: list[str]
    lang: str | None = None  # the record's "lang" (en, ko); detected from the text when absent
    pair: str | None = None  # the doc_id of the same story in the other language's edition
    split: str | None = None


@dataclass
class Gold:
    """The documents that can be scored, and those whose text is not at hand."""

    docs: list[GoldDoc]
    missing: list[str] = field(default_factory=list)  # text not in the cache folder
    changed: list[str] = field(default_factory=list)  # cached text differs from the one annotated


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Gold documents with their text: inline, `text_path` relative to the gold file's
    folder or its parent (shared/ for the shared gold files), or text-less gold's cached
    text (see load_gold_files)."""
    return load_gold_files([path]).docs


def gold_paths(paths: list[str | Path]) -> list[Path]:
    """Gold files named, or the .jsonl files of a folder named."""
    found: list[Path] = []
    for p in map(Path, paths):
        found += sorted(p.rglob("*.jsonl")) if p.is_dir() else [p]
    return found


def load_gold_files(paths: list[str | Path], texts: str | Path | None = None, split: str | None = None) -> Gold:
    """Gold documents of one or more files (or folders), of one split if given. A
    text-less record (`text_sha256`) takes its text from `texts`/<doc_id>.txt (default
    .cache/texts), checked against its hash; documents without it are listed, not scored."""
    from .devset import TEXTS, text_sha256

    cache_dir = Path(texts) if texts is not None else TEXTS
    gold = Gold(docs=[])
    for path in gold_paths(paths):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if split is not None and record.get("split", "dev") != split:
                continue
            text = record.get("text")
            if text is None and record.get("text_path"):
                rel = record["text_path"]
                candidates = [path.parent / rel, path.parent.parent / rel]
                found = next((p for p in candidates if p.exists()), None)
                if found is None:
                    raise FileNotFoundError(f"{path} line {n}: text_path {rel} not found")
                text = found.read_text(encoding="utf-8")
            elif text is None:
                cached = cache_dir / f"{record['doc_id']}.txt"
                if not cached.exists():
                    gold.missing.append(record["doc_id"])
                    continue
                text = cached.read_text(encoding="utf-8")
                if text_sha256(text) != record.get("text_sha256"):
                    gold.changed.append(record["doc_id"])
                    continue
            published = record.get("published")
            gold.docs.append(
                GoldDoc(
                    doc_id=record["doc_id"],
                    text=text,
                    published=date.fromisoformat(published) if published else None,
                    outlet=record.get("outlet"),
                    incidents=record["incidents"],
                    forbidden=record.get("forbidden_locations", []),
                    lang=record.get("lang"),
                    pair=record.get("pair"),
                    split=record.get("split"),
                )
            )
    return gold


# the generics stripped before place names are compared (data/places/generics.toml)
_GENERICS = re.compile(r"\b(" + "|".join(map(re.escape, resources.load("places/generics.toml")["scoring_strip"])) + r")\b")


def _norm(name: str | None) -> str:
    name = (name or "").lower()
    name = _GENERICS.sub(" ", name)
    return re.sub(r"[^a-z0-9가-힣]", "", name)


def _types(gold: dict) -> set[str]:
    return {gold["event_type"], *gold.get("alt_types", [])}


def _date_ok(pred: dict, gold: dict) -> bool | None:
    """None when gold gives no date; else the prediction's interval contains the gold
    dates and is no less precise than time_precision_max allows."""
    wanted = [d for d in (gold.get("date_start"), gold.get("date_end")) if d]
    if not wanted:
        return None
    start, end = pred.get("date_start"), pred.get("date_end")
    if not start and not end:
        return False
    for d in wanted:
        if (start and d < start) or (end and d > end):
            return False
    precision = pred.get("time_precision") or 0
    maximum = gold.get("time_precision_max")
    if precision == 0:
        return False
    return maximum is None or precision <= maximum


def _admin1_ok(pred: dict, gold: dict) -> bool | None:
    if gold.get("admin1_code") is None:
        return None
    return pred.get("admin1_code") == gold["admin1_code"]


def _admin2_ok(pred: dict, gold: dict) -> bool | None:
    accepted = gold.get("admin2") or []
    if not accepted:
        return None
    return _norm(pred.get("admin2")) in {_norm(a) for a in accepted}


def _pair_score(pred: dict, gold: dict) -> float:
    score = 1.0 + (0.2 if pred["event_type"] == gold["event_type"] else 0)
    for check, weight in ((_admin1_ok, 0.5), (_admin2_ok, 0.5), (_date_ok, 0.3)):
        if check(pred, gold):
            score += weight
    return score


def match(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    pairs = [
        (_pair_score(p, g), i, j)
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if p["event_type"] in _types(g)
    ]
    used_p, used_g, matched = set(), set(), []
    # at equal scores a required gold incident takes the prediction before an optional one:
    # in gold order, an optional record listed first left its required twin missed
    for _score, i, j in sorted(pairs, key=lambda x: (-x[0], bool(golds[x[2]].get("optional")), x[1], x[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def _forbidden_hits(pred: dict, forbidden: list[str], gazetteer: Gazetteer) -> list[str]:
    """Forbidden places the prediction is placed in, in any spelling (Sakchu = Sakju)."""
    hits = []
    names = {_norm(pred.get(k)) for k in ("location_name", "admin1", "admin2")} - {""}
    placed = {p.id for k in ("location_name", "admin2") if pred.get(k) for p in gazetteer.lookup(pred[k])}
    for name in forbidden:
        places = gazetteer.lookup(name)
        codes = {p.admin1_code for p in places if p.kind in ("province", "special_city")}
        below_province = {p.id for p in places if p.kind not in ("province", "special_city")}
        if _norm(name) in names or (codes and pred.get("admin1_code") in codes) or placed & below_province:
            hits.append(name)
    return hits


def reliability(pairs: list[tuple[float, int]], bins: int = 10) -> dict:
    """Expected calibration error of (confidence, correct) pairs and the reliability
    table over equal-width bins: in a well calibrated set, records of confidence 0.7
    are right 70% of the time."""
    table, ece = [], 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(q, t) for q, t in pairs if lo <= q < hi or (b == bins - 1 and q >= 1.0)]
        if not inside:
            continue
        conf = sum(q for q, _ in inside) / len(inside)
        acc = sum(t for _, t in inside) / len(inside)
        ece += len(inside) / len(pairs) * abs(conf - acc)
        table.append({"bin": [lo, hi], "n": len(inside), "confidence": round(conf, 4), "accuracy": round(acc, 4)})
    return {"ece": round(ece, 4) if pairs else None, "records": len(pairs), "bins": table}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    type_right: int = 0
    type_total: int = 0
    admin1_right: int = 0
    admin1_total: int = 0
    admin2_right: int = 0
    admin2_total: int = 0
    date_right: int = 0
    date_total: int = 0
    # dates of reports whose publication date is unknown: relative dates have no anchor,
    # so they are reported apart from date_accuracy
    undated_right: int = 0
    undated_total: int = 0
    forbidden: int = 0
    required_type_admin1: int = 0
    required_type_place: int = 0
    required: int = 0
    docs: list[dict] = field(default_factory=list)
    confidences: list[tuple[float, int]] = field(default_factory=list)
    # text-less gold whose text was not at hand: listed, not scored
    not_scored: dict[str, list[str]] = field(default_factory=lambda: {"missing_text": [], "text_differs": []})

    def ratio(self, a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    def summary(self) -> dict:
        precision = self.ratio(self.tp, self.tp + self.fp)
        recall = self.ratio(self.tp, self.tp + self.fn)
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0
        return {
            "documents": len(self.docs),
            "incidents": {"precision": precision, "recall": recall, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn},
            "type_accuracy": self.ratio(self.type_right, self.type_total),
            "type_scored": self.type_total,
            "admin1_accuracy": self.ratio(self.admin1_right, self.admin1_total),
            "admin1_scored": self.admin1_total,
            "admin2_accuracy": self.ratio(self.admin2_right, self.admin2_total),
            "admin2_scored": self.admin2_total,
            "date_accuracy": self.ratio(self.date_right, self.date_total),
            "date_scored": self.date_total,
            "date_accuracy_unknown_publication": self.ratio(self.undated_right, self.undated_total),
            "date_scored_unknown_publication": self.undated_total,
            "forbidden_location_violations": self.forbidden,
            "required_incidents": self.required,
            "required_found_type_admin1": self.required_type_admin1,
            "required_found_type_place": self.required_type_place,
            "calibration": reliability(self.confidences),
            "not_scored": self.not_scored,
        }


def score(gold_docs: list[GoldDoc], predictions: dict[str, list[dict]]) -> Counts:
    gazetteer = Gazetteer.default()
    counts = Counts()
    for doc in gold_docs:
        preds = sorted(predictions.get(doc.doc_id, []), key=lambda p: -p.get("confidence", 0))
        golds = doc.incidents
        pairs = match(preds, golds)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        report: dict[str, Any] = {"doc_id": doc.doc_id, "misses": [], "false_alarms": [], "wrong": []}
        for i, j in pairs:
            pred, gold = preds[i], golds[j]
            if gold.get("optional"):
                continue
            counts.tp += 1
            checks = {"admin1": _admin1_ok(pred, gold), "admin2": _admin2_ok(pred, gold), "date": _date_ok(pred, gold)}
            for name, ok in checks.items():
                if ok is None:
                    continue
                tally = "undated" if name == "date" and doc.published is None else name
                setattr(counts, f"{tally}_total", getattr(counts, f"{tally}_total") + 1)
                if ok:
                    setattr(counts, f"{tally}_right", getattr(counts, f"{tally}_right") + 1)
                else:
                    report["wrong"].append(
                        {"gold": gold.get("key"), "field": name, "predicted": _brief(pred), "gold_value": _gold_brief(gold, name)}
                    )
            if checks["admin1"] is not False:
                counts.required_type_admin1 += 1
                if checks["admin2"] is not False:
                    counts.required_type_place += 1
        for j, gold in enumerate(golds):
            if gold.get("optional"):
                continue
            counts.required += 1
            if j not in matched_g:
                counts.fn += 1
                report["misses"].append({"gold": gold.get("key"), "event_type": gold["event_type"], "note": gold.get("note")})
        for i, pred in enumerate(preds):
            if i not in matched_p:
                counts.fp += 1
                report["false_alarms"].append(_brief(pred))
            hits = _forbidden_hits(pred, doc.forbidden, gazetteer)
            if hits:
                counts.forbidden += 1
                report.setdefault("forbidden", []).append({"predicted": _brief(pred), "places": hits})
        if len(golds) == 1:
            counts.type_total += 1
            if preds and preds[0]["event_type"] in _types(golds[0]):
                counts.type_right += 1
            else:
                report["type"] = {"predicted": preds[0]["event_type"] if preds else None, "gold": sorted(_types(golds[0]))}
        # calibration: a record's confidence against whether it is a required incident
        optional_match = {i for i, j in pairs if golds[j].get("optional")}
        counts.confidences += [(p.get("confidence", 0.0), int(i in matched_p)) for i, p in enumerate(preds) if i not in optional_match]
        counts.docs.append(report)
    return counts


def _brief(pred: dict) -> dict:
    return {
        "event_type": pred["event_type"],
        "admin1_code": pred.get("admin1_code"),
        "admin2": pred.get("admin2"),
        "dates": [pred.get("date_start"), pred.get("date_end"), pred.get("time_precision")],
        "evidence": (pred.get("evidence") or [{}])[0].get("text", "")[:160],
        # the rules that made it, so that a false alarm names what to look at
        "rules": (pred.get("evidence") or [{}])[0].get("rules", []),
        "confidence": pred.get("confidence"),
    }


def _gold_brief(gold: dict, name: str):
    if name == "admin1":
        return gold.get("admin1_code")
    if name == "admin2":
        return gold.get("admin2")
    return [gold.get("date_start"), gold.get("date_end"), gold.get("time_precision_max")]


def evaluate(gold: str | Path | list[GoldDoc], pipeline=None, progress=None) -> Counts:
    """Run the pipeline over the gold documents' texts (a gold file, or documents
    loaded with load_gold_files) and score it."""
    from ..pipeline import Pipeline

    docs = gold if isinstance(gold, list) else load_gold(gold)
    return score(docs, predict(docs, pipeline or Pipeline(), progress))


def gold_articles(docs: list[GoldDoc]) -> Iterator[Article]:
    """The gold documents as the pipeline reads them, alike for eval, pairs and train (a
    model must learn from the articles it is measured on): as `yalu ingest` reads a text
    file (a headline line becomes the title), with the gold's date, outlet and language."""
    return (read_text(d.text, detect_title=True, id=d.doc_id, published=d.published, outlet=d.outlet, lang=d.lang)
            for d in docs)


def predict(docs: list[GoldDoc], pipeline, progress=None) -> dict[str, list[dict]]:
    """The pipeline's records of each gold document, by document id."""
    predictions = {}
    for article, incidents in pipeline.run(gold_articles(docs)):
        predictions[article.id] = [i.to_dict() for i in incidents]
        if progress:
            progress.update(1)
    return predictions
