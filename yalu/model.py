"""The domain objects every stage passes along: Article in, Incident out.

Plain dataclasses so each stage stays testable without a database or a model.
Field names follow ../shared/docs/ontology.md, the contract with the exports
and the evaluation.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date


def content_hash(text: str) -> str:
    """Identity of an article's text: re-ingesting the same text changes nothing."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass
class Furniture:
    """Page furniture set aside from the incident text (caption, tags, byline, ...)."""

    kind: str  # caption | tags | byline | link | contact | other
    text: str


@dataclass
class Article:
    """One report as ingested. `text` is incident text only; furniture is kept apart."""

    text: str
    id: str | None = None  # given id (JSONL, feed guid) or derived from the hash
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None  # cli | html-meta | feed | jsonl | text | dateline[+the metadata it was checked against]
    outlet: str | None = None
    author: str | None = None
    source_path: str | None = None
    record: str | None = None  # where in a file of many reports: "line 7", "entry 3"
    tags: list[str] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    lang: str | None = None  # ISO 639-1 ("en", "ko"): given by metadata or --lang, else detected at ingest

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    @property
    def key(self) -> str:
        return self.id or self.hash[:16]


@dataclass
class TimeSpan:
    """When an incident happened, as precisely as the text allows (ontology time_precision)."""

    start: date | None = None
    end: date | None = None
    precision: int = 0  # 1 day, 2 week, 3 month, 4 year or longer/ongoing, 0 unknown
    expression: str | None = None

    def within(self, outer: TimeSpan) -> bool:
        """Whether this span lies inside `outer` (both bounded)."""
        return (self.start is not None and self.end is not None and outer.start is not None
                and outer.end is not None and outer.start <= self.start and self.end <= outer.end)

    def to_dict(self) -> dict:
        return {
            "date_start": self.start.isoformat() if self.start else None,
            "date_end": self.end.isoformat() if self.end else None,
            "time_precision": self.precision,
            "date_expression": self.expression,
        }


@dataclass
class Place:
    """A gazetteer entry."""

    id: str
    name: str
    kind: str  # province | county | city | district | town | facility | river | sea | mountain | border
    country: str
    admin1_code: str | None = None
    parent_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    hangul: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Location:
    """Where an incident happened, resolved against the gazetteer."""

    location_name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 0  # 1 town/county, 2 near a place / part of a region, 3 province or larger, 0 unknown
    place_id: str | None = None
    text: str | None = None  # the phrase in the article

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "admin1": self.admin1,
            "admin1_code": self.admin1_code,
            "admin2": self.admin2,
            "location_name": self.location_name,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
        }


@dataclass
class Actor:
    role: str  # agent | target | victim | witness
    text: str
    normalized: str | None = None
    kind: str | None = None  # unit | official | civilian | state | organization
    unit: str | None = None
    rank: str | None = None


@dataclass
class Quantity:
    kind: str  # people | fatalities | injured | money | weapon | ammunition | other
    value: float | None
    unit: str | None = None
    text: str | None = None


@dataclass
class Attribution:
    text: str
    kind: str  # anonymous_source | official | media | state_media | document
    location: str | None = None


@dataclass
class Evidence:
    """A sentence an incident rests on, by character offsets into Article.text."""

    start: int
    end: int
    trigger_start: int | None = None
    trigger_end: int | None = None
    text: str | None = None
    # the ids of the rules that made it: trigger, modality, place and date rules (audit trail)
    rules: list[str] = field(default_factory=list)


@dataclass
class Incident:
    event_type: str
    category: str
    summary: str = ""
    time: TimeSpan = field(default_factory=TimeSpan)
    location: Location = field(default_factory=Location)
    actors: list[Actor] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    modality: str = "asserted"
    attribution: Attribution | None = None
    corroboration: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    id: str | None = None
    article_id: str | None = None
    review_status: str = "machine"
    # the run of days this incident is one day of ("from October 30 to November 3")
    episode: TimeSpan | None = None

    def to_dict(self) -> dict:
        """The flat record of ontology.md, as exported and scored."""
        record = {
            "id": self.id,
            "event_type": self.event_type,
            "category": self.category,
            "summary": self.summary,
            **self.time.to_dict(),
            **self.location.to_dict(),
            "actors": [asdict(a) for a in self.actors],
            "quantities": [asdict(q) for q in self.quantities],
            "modality": self.modality,
            "attribution": asdict(self.attribution) if self.attribution else None,
            "corroboration": list(self.corroboration),
            "evidence": [asdict(e) for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "review_status": self.review_status,
            "episode": self.episode.to_dict() if self.episode else None,
        }
        if self.article_id:
            record["sources"] = [self.article_id]
        return record
