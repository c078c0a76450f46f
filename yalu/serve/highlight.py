"""Article text cut into segments for highlighting evidence sentences and triggers.

The template escapes every segment (Jinja autoescape); nothing here produces HTML, so
an article holding `<script>` or `onerror=` shows as text. Offsets outside the text or
reversed are ignored rather than trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..store.search import HIT_END, HIT_START


@dataclass
class Segment:
    text: str
    evidence: bool = False
    trigger: bool = False
    anchor: str | None = None  # id of the first segment of an evidence span, for links

    @property
    def css(self) -> str:
        classes = []
        if self.evidence:
            classes.append("evidence")
        if self.trigger:
            classes.append("trigger")
        return " ".join(classes)


def _clean(start: Any, end: Any, text: str) -> tuple[int, int] | None:
    """A span of `text` as (start, end), clipped to the text and without the white space at
    its edges (stored evidence often runs on into the paragraph break after the sentence,
    which would paint a highlighted stub on the blank line); None if nothing is left."""
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        return None
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def segments(text: str, evidence: list[dict], anchor_prefix: str = "ev") -> list[Segment]:
    """Split `text` at every evidence and trigger boundary. `evidence` items have start,
    end, trigger_start, trigger_end (character offsets into `text`) and optionally id."""
    text = text or ""
    n = len(text)
    spans: list[tuple[int, int]] = []
    triggers: list[tuple[int, int]] = []
    anchors: dict[int, str] = {}
    for n_item, item in enumerate(evidence):
        span = _clean(item.get("start"), item.get("end"), text)
        if span:
            spans.append(span)
            anchors.setdefault(span[0], f"{anchor_prefix}-{item.get('id', n_item)}")
        trig = _clean(item.get("trigger_start"), item.get("trigger_end"), text)
        if trig:
            triggers.append(trig)
    cuts = {0, n}
    for a, b in spans + triggers:
        cuts.update((a, b))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:]):
        ev = any(s <= a and b <= e for s, e in spans)
        tr = any(s <= a and b <= e for s, e in triggers)
        anchor = anchors.pop(a, None)
        if out and out[-1].evidence == ev and out[-1].trigger == tr and anchor is None:
            out[-1].text += text[a:b]
        else:
            out.append(Segment(text[a:b], ev, tr, anchor))
    return out


def evidence_anchors(text: str, evidence: list[dict], anchor_prefix: str = "ev") -> dict:
    """evidence id -> the id of the highlighted element where its sentence starts (rows that
    start at the same place share the first one's), as `segments()` assigns them."""
    text = text or ""
    first: dict[int, str] = {}
    out = {}
    for n, item in enumerate(evidence):
        span = _clean(item.get("start"), item.get("end"), text)
        if span:
            anchor = first.setdefault(span[0], f"{anchor_prefix}-{item.get('id', n)}")
            out[item.get("id", n)] = anchor
    return out


def safe_url(url: str | None) -> str | None:
    """An article URL fit for an href: http(s) only (never javascript: or data:)."""
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def hit_segments(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet (hits between the store's HIT_START and HIT_END marks) as
    (text, is_hit) pairs the template escapes and marks."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(HIT_START)):
        hit, _, rest = part.partition(HIT_END) if i else ("", "", part)
        if hit:
            out.append((hit, True))
        if rest:
            out.append((rest, False))
    return out
