"""The event types of ontology.md and their properties, read from data/ontology.toml."""

from __future__ import annotations

from . import resources


def event_types() -> dict[str, dict]:
    """event_type -> {category, label, properties...}."""
    return resources.load("ontology.toml")["types"]


def has(event_type: str, prop: str) -> bool:
    """Whether a type has a property of ontology.toml (place_stated, charge, ...)."""
    return bool(event_types()[event_type].get(prop))


def category(event_type: str) -> str:
    return event_types()[event_type]["category"]


def categories() -> list[str]:
    """Categories in ontology.md's order."""
    return list(dict.fromkeys(t["category"] for t in event_types().values()))


def by_place(event_type: str, kinds: set[str]) -> tuple[bool, bool]:
    """(placed, provinces) for an act of the type with these kinds: whether it is one
    record a coordinated place (`by_place`, or a `by_place_kinds` kind: a wildfire), and
    whether one a province (a `by_province` kind: an epidemic)."""
    t = event_types()[event_type]
    provinces = bool(set(t.get("by_province", [])) & kinds)
    return bool(t.get("by_place")) or bool(set(t.get("by_place_kinds", [])) & kinds), provinces
