"""Annotate: the spaCy pipeline with Yalu's registered components (paragraph breaks,
gazetteer-driven entity rulers for places, outlets and actors)."""

from .spacy_pipeline import (
    ACTOR,
    MODEL_VERSION,
    PLACE,
    SOURCE,
    UNUSED_COMPONENTS,
    actor_lexicon,
    build,
    load_model,
    pipeline,
    source_lexicon,
    text_of,
)

__all__ = [
    "ACTOR", "MODEL_VERSION", "PLACE", "SOURCE", "UNUSED_COMPONENTS", "actor_lexicon", "build", "load_model", "pipeline",
    "source_lexicon",
    "text_of",
]
