"""Shared fixtures. Real texts live in ../shared; tests that need them skip without it."""

import os
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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
def verdict(nlp):
    """(sentence, trigger word) -> (modality, rule id) of that word in the first sentence."""
    from yalu.extract.modality import judge

    def run(text, word):
        sent = next(nlp(text).sents)
        token = next(t for t in sent if t.text == word)
        v = judge(token, sent, attributed=False)
        return v.modality, v.rule

    return run


@pytest.fixture(scope="session")
def geoparser():
    from yalu.places.geoparse import Geoparser

    return Geoparser()


@pytest.fixture(scope="session")
def mentions(nlp, geoparser):
    """text, source phrases -> (doc, place mentions), with the spans of the given source
    phrases ("a source in Yanggang Province") marked as a source's (geoparsing tests)."""

    def run(text, sources=()):
        doc = nlp(text)
        spans = [(text.index(s), text.index(s) + len(s)) for s in sources]
        return doc, geoparser.mentions(doc, spans)

    return run


@pytest.fixture(scope="session")
def where(mentions, geoparser):
    """text, trigger word, event type -> the Location of that act (or None)."""

    def run(text, word, event_type, sources=()):
        doc, found = mentions(text, sources)
        token = next(t for t in doc if t.text == word)
        return geoparser.locate(token, token.sent, found, event_type)

    return run


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


class Fired(list):
    """[(event_type, trigger word)] of a text, with the set of its types."""

    @property
    def types(self) -> set[str]:
        return {event_type for event_type, _ in self}


@pytest.fixture(scope="session")
def triggers(fired):
    """text -> Fired: (event_type, trigger word) over all its sentences."""
    return lambda text: Fired((t.event_type, t.token.text) for t in fired(text))


@pytest.fixture(scope="session")
def read_with_rules(rules):
    """text, published, outlet -> (article, incidents) from the rules alone."""
    from yalu.ingest import read_text

    def run(text, published="2024-03-10", outlet="Daily NK"):
        article = read_text(text, published=published, outlet=outlet)
        [(article, incidents)] = list(rules.run([article]))
        return article, incidents

    return run


# --------------------------------------------------------------------------- the backend
# YALU_TEST_DB=postgresql://USER@HOST:PORT/DB (a database the user may create databases
# from) runs every test that stores records against PostgreSQL: each `new_db` name is a
# fresh database, dropped after its test (or module). Unset: SQLite files in tmp_path.
TEST_DB = os.environ.get("YALU_TEST_DB", "")
ON_POSTGRES = TEST_DB.startswith(("postgresql://", "postgres://"))


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): runs on SQLite only (the reason says why)")


def pytest_collection_modifyitems(config, items):
    if not ON_POSTGRES:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else "SQLite only"
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


class Databases:
    """Databases by name for one test or module: SQLite files in a folder, or fresh
    PostgreSQL databases on the server of YALU_TEST_DB."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[str, str] = {}

    def __call__(self, name: str = "yalu.db") -> str:
        if name not in self.made:
            self.made[name] = self._create() if ON_POSTGRES else str(self.folder / name)
        return self.made[name]

    def _create(self) -> str:
        import psycopg

        db = f"yalu_test_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(TEST_DB, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{db}"')
        return urlunsplit(urlsplit(TEST_DB)._replace(path="/" + db))

    def copy(self, source: str | Path, name: str) -> str:
        """A new database `name` holding what `source` (a database of these tests) holds."""
        if not ON_POSTGRES:
            import sqlite3
            from contextlib import closing

            with closing(sqlite3.connect(source)) as a, closing(sqlite3.connect(self(name))) as b:
                a.backup(b)  # consistent, though the CLI leaves the database in WAL mode
            return self.made[name]
        import psycopg

        db = f"yalu_test_{uuid.uuid4().hex[:16]}"
        template = urlsplit(str(source)).path[1:]
        with psycopg.connect(TEST_DB, autocommit=True) as admin:
            # a template must have no session: an in-process CLI run may leave its store open
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (template,))
            admin.execute(f'CREATE DATABASE "{db}" TEMPLATE "{template}"')
        self.made[name] = urlunsplit(urlsplit(TEST_DB)._replace(path="/" + db))
        return self.made[name]

    def drop(self) -> None:
        if not ON_POSTGRES or not self.made:
            return
        import psycopg

        with psycopg.connect(TEST_DB, autocommit=True) as admin:
            for url in self.made.values():
                admin.execute(f'DROP DATABASE IF EXISTS "{urlsplit(url).path[1:]}" WITH (FORCE)')
        self.made.clear()


@pytest.fixture
def new_db(tmp_path):
    """name -> the place of a new database for this test (a path or a postgresql:// URL)."""
    dbs = Databases(tmp_path)
    yield dbs
    dbs.drop()


@pytest.fixture(scope="module")
def module_db(tmp_path_factory):
    """name -> the place of a new database shared by this module's tests."""
    dbs = Databases(tmp_path_factory.mktemp("db"))
    yield dbs
    dbs.drop()
