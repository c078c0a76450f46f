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
