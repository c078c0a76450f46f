import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import sample

from yalu.store import Store


@pytest.fixture
def sample_db(new_db):
    path = new_db("test.db")
    return path, sample.build(path)


@pytest.fixture
def db_path(sample_db):
    return sample_db[0]


@pytest.fixture
def ids(sample_db):
    return sample_db[1]


@pytest.fixture
def store(db_path):
    s = Store(db_path)
    yield s
    s.close()
