"""The event types of ontology.md, read from data/ontology.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files


@cache
def event_types() -> dict[str, dict]:
    """event_type -> {category, label, acled_event, acled_sub_event}."""
    with files("yalu").joinpath("data/ontology.toml").open("rb") as f:
        return tomllib.load(f)["types"]


def category(event_type: str) -> str:
    return event_types()[event_type]["category"]


def categories() -> list[str]:
    """Categories in ontology.md's order."""
    return list(dict.fromkeys(t["category"] for t in event_types().values()))
