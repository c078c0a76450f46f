"""Shared fixtures. Real texts live in ../shared; tests that need them skip without it."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file in ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: real texts are read from ../shared only")
    return path


@pytest.fixture(scope="session")
def pipeline():
    """The whole pipeline: the rules propose, the packaged classifier decides."""
    from yalu.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def rules(pipeline):
    """The rules alone, every candidate they propose: for tests of a rule stage."""
    from yalu.pipeline import Pipeline

    return Pipeline(nlp=pipeline.nlp, rules_only=True)


@pytest.fixture(scope="session")
def seed_text():
    return shared_path("seed", "dailynk-soldier-defects-with-weapon.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    """Yalu's spaCy pipeline (stock model cut down, with the entity rulers)."""
    from yalu.annotate import pipeline

    return pipeline()


@pytest.fixture(scope="session")
def geoparser():
    from yalu.places.geoparse import Geoparser

    return Geoparser()


@pytest.fixture(scope="session")
def fired(nlp, geoparser):
    """text -> every Trigger the rules fire over its sentences, with the place tags the
    extractor gives them."""
    from yalu.extract.attribution import citations
    from yalu.extract.triggers import find_triggers

    def run(text):
        doc = nlp(text)
        cites = citations(doc)
        places = geoparser.mentions(doc, [(c.start, c.end) for c in cites])
        return [t for sent in doc.sents for t in find_triggers(sent, lambda tokens: geoparser.tags(tokens, places))]

    return run


@pytest.fixture(scope="session")
def read_with_rules(rules):
    """text, published, outlet -> (article, incidents) from the rules alone."""
    from yalu.ingest import read_text

    def run(text, published="2024-03-10", outlet="Daily NK"):
        article = read_text(text, published=published, outlet=outlet)
        [(article, incidents)] = list(rules.run([article]))
        return article, incidents

    return run
