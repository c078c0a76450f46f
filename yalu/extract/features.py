"""What the trained classifier reads of a candidate record: its slots (own place, own
date, precisions), the rules that proposed it (trigger, modality, place and date rule
ids) and its place in the article (slot_features, document_features: the English and
the Korean models alike), and for English named features of its mentions' parse (tense,
aspect, genericity cues, the subject) and a sentence vector (the mean of spaCy's tok2vec
rows over the sentence, which the pipeline computes anyway).

Features are a sparse dict name -> value; the classifier knows which names it learned.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

from spacy.tokens import Span, Token

from ..model import Incident
from .clustering import Cluster
from .mentions import Mention

VECTOR_WIDTH = 96  # en_core_web_sm's tok2vec width
QUOTES = ("“", "”", '"')
MODALS = {"will", "would", "could", "can", "ca", "may", "might", "must", "should", "'ll"}
# a sentence that opens on a condition, a time clause or a reason frames a general case
FRAMING_OPENERS = {"when", "if", "whenever", "while", "since", "given", "although", "though", "once", "unless", "as"}


def record_features(c: Cluster, incident: Incident, rule_confidence: float) -> dict[str, float]:
    """The features of one English candidate record (before it is cut into days): its
    slots and rules, and the parse and sentence vector around its first trigger."""
    first = c.first
    f = slot_features(c, incident, rule_confidence, sum(1 for _ in first.sent.doc.sents))
    f.update(_trigger_features(first))
    f.update(_sentence_vector(first.sent))
    return f


def slot_features(c: Cluster, incident: Incident, rule_confidence: float, sentences: int) -> dict[str, float]:
    """What any language's rules know of a candidate record: its type, modality, slots and
    the rules that made it; `sentences` is the article's length in sentences."""
    f: dict[str, float] = {
        "bias.rule_confidence": rule_confidence,
        f"type={incident.event_type}": 1.0,
        f"modality={incident.modality}": 1.0,
        "mentions": math.log1p(len(c.mentions)),
        "time_precision": float(incident.time.precision or 0) / 4,
        "geo_precision": float(incident.location.geo_precision or 0) / 3,
        f"country={incident.location.country or 'none'}": 1.0,
        "attributed": float(incident.attribution is not None),
        "quantities": float(bool(incident.quantities)),
        "agents": float(any(a.role == "agent" for a in incident.actors)),
        "own_place": float(any(m.location and not m.place_inherited for m in c.mentions)),
        "own_date": float(any(m.time and not m.time_inherited for m in c.mentions)),
        "background": float(any(m.background for m in c.mentions)),
        "charged": float(any(m.charged for m in c.mentions)),
        "lead": float(any(m.sent.start == 0 or m.paragraph <= 1 for m in c.mentions)),
        # a short item (a wire brief, a chronology row) tells one story
        "document_sentences": min(sentences, 60) / 60,
    }
    for m in c.mentions:
        for step, rule in m.rules.items():
            if step == "frame":
                continue  # a frame decides the type, not whether the act happened
            f[f"rule={rule}"] = 1.0
            if step in ("place", "date"):
                f[f"{step}_rule={rule.split('.')[1]}"] = 1.0
    return f


def _trigger_features(m: Mention) -> dict[str, float]:
    """The parse around the first mention's trigger."""
    t: Token = m.trigger
    verb = t if t.pos_ in ("VERB", "AUX") else next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), t)
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    f = {
        f"pos={t.pos_}": 1.0,
        f"tag={t.tag_}": 1.0,
        f"dep={t.dep_}": 1.0,
        f"verb_tag={verb.tag_}": 1.0,
        "perfect": float(bool(auxes & {"has", "have", "had"})),
        "future": float(bool(auxes & {"will", "would", "'ll"})),
        "bare_noun": float(t.pos_ == "NOUN" and not any(c.dep_ in ("det", "nummod", "poss") for c in t.children)),
        "quoted": float(any(q in m.sent.text for q in QUOTES)),
        "modal": float(bool(auxes & MODALS)),
        "negated": float(any(c.dep_ == "neg" for c in verb.children)),
        "bare_plural_subject": float(any(_bare_plural(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))),
        "framing_opener": float(m.sent[0].lower_ in FRAMING_OPENERS),
        "sentence_length": min(len(m.sent), 80) / 80,
        "subject_entity": float(any(c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ for c in verb.children)),
    }
    return f


def _bare_plural(subject: Token) -> bool:
    """"smugglers are trembling", "people say": a class of people, not counted ones."""
    return subject.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in subject.children)


def document_features(records: list[tuple[Cluster, Incident]], published: date | None,
                      length: int) -> list[dict[str, float]]:
    """What the rest of the article says of each candidate: a report has a story, and an
    act of the story's kind, told in its lead, is more likely one it reports; an act dated
    years before the report is background. `length`: the article's tokens (English) or
    morphemes (Korean), which its sentences' starts count."""
    lead_types = {r.event_type for c, r in records if any(m.sent.start == 0 or m.paragraph <= 1 for m in c.mentions)}
    by_type = Counter(r.event_type for _, r in records)  # counted once: a report of thousands of acts stays linear
    out = []
    for c, r in records:
        same = by_type[r.event_type]
        end = r.time.end or r.time.start
        out.append({
            "doc.type_share": same / len(records),
            "doc.type_in_lead": float(r.event_type in lead_types),
            "doc.position": c.first.sent.start / max(length, 1),
            "doc.years_before": min(max((published - end).days / 365, 0.0), 5.0) / 5 if published and end else 0.0,
        })
    return out


def _sentence_vector(sent: Span) -> dict[str, float]:
    tensor = sent.doc.tensor
    if tensor is None or len(tensor) < sent.end or tensor.shape[1] != VECTOR_WIDTH:
        return {}
    mean = tensor[sent.start:sent.end].mean(axis=0)
    return {f"v{i}": float(x) for i, x in enumerate(mean)}
