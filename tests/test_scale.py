"""Issue 14: cached annotations (`yalu reprocess` extracts from them) and `--jobs N`
worker processes whose output is the same as one process's, in the same order."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from test_cli import error_lines, ok, yalu

from yalu import pipeline as stages
from yalu.annotate import build, cache
from yalu.model import Article
from yalu.pipeline import Pipeline
from yalu.places import Gazetteer

REPO = Path(__file__).resolve().parents[1]
# what differs between two runs of the same input: when each row was written
STAMPS = {"ingested_at", "created_at", "updated_at", "at"}
TABLES = ("articles", "incidents", "incident_sources", "evidence", "audit", "annotations")


def rows(db: Path) -> dict[str, list[tuple]]:
    """Every row that ingest and reprocess write, in the order written, without time stamps."""
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        found = {}
        for table in TABLES:
            found[table] = [tuple(v for k, v in zip(r.keys(), r) if k not in STAMPS)
                            for r in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
        return found


def mixed_input(folder: Path, korean: bool = True, long: bool = False) -> Path:
    """The sample reports of every format (and the Korean ones), a file with a broken
    line, a record repeated (stored once) (and a long report that takes longer than a
    one-second budget: the Korean ones may too, their analyser loading, so not both)."""
    shutil.copytree(REPO / "samples" / "reports", folder)
    for report in (REPO / "samples" / "ko" / "reports").glob("*.txt") if korean else []:
        shutil.copy(report, folder)
    paragraphs = [p for f in sorted(folder.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")]
    long_text = "\n\n".join(paragraphs * 6)[:99_000]
    first = (folder / "dnk-hyesan-gold-smuggling.txt").read_text(encoding="utf-8")
    (folder / "zz-mixed.jsonl").write_text("\n".join([
        json.dumps({"id": "repeat", "published": "2024-05-02", "text": first}),
        "{not json",
        *([json.dumps({"id": "long", "published": "2024-05-02", "text": long_text})] if long else []),
        *(json.dumps({"id": f"short-{i}", "published": "2024-05-03", "text": f"Guards in Musan detained {i + 2} smugglers on Monday."})
          for i in range(8)),
        json.dumps({"id": "after", "published": "2024-05-03", "text": "Guards in Musan detained three smugglers on Monday."}),
    ]) + "\n", encoding="utf-8")
    return folder


def test_jobs_extract_is_byte_identical_in_order(tmp_path):
    mixed = mixed_input(tmp_path / "reports", korean=False, long=True)
    # no time budget: which article runs over one depends on the machine's load
    one = ok(yalu("extract", mixed, "-q", "--jobs", "1", "--time-budget", "0"), code=1)
    two = ok(yalu("extract", mixed, "-q", "--jobs", "2", "--time-budget", "0"), code=1)
    assert two.stdout == one.stdout
    # the same lines; an unreadable record's may come sooner (the parent reads ahead)
    assert sorted(error_lines(two.stderr)) == sorted(error_lines(one.stderr))
    ids = [json.loads(line)["id"] for line in one.stdout.splitlines()]
    assert len(ids) > 64 and ids[-1] == "after" and "long" in ids  # more than two batches, in order
    assert [e for e in error_lines(one.stderr) if "zz-mixed" in e] == [f"error: {mixed / 'zz-mixed.jsonl'} line 2: "
                                                                      "invalid JSON (Expecting property name enclosed in double quotes, column 2)"]


def test_a_worker_skips_an_article_over_its_time_budget(tmp_path):
    """The long report takes ~3 s; its worker's alarm stops it (a second one a second later
    if spaCy's compiled code swallowed the first) and its line says so."""
    mixed = mixed_input(tmp_path / "reports", korean=False, long=True)
    result = ok(yalu("extract", mixed, "-q", "--jobs", "2", "--time-budget", "1"), code=1)
    assert f"error: {mixed / 'zz-mixed.jsonl'} line 3: skipped: extraction took over 1 s (the time budget per article)" \
        in error_lines(result.stderr)
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert "long" not in ids and ids[-1] == "after"


def test_jobs_ingest_stores_identical_rows(tmp_path):
    mixed = mixed_input(tmp_path / "reports")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    first = ok(yalu("ingest", mixed, "--db", one, "-q", "--jobs", "1"), code=1)
    second = ok(yalu("ingest", mixed, "--db", two, "-q", "--jobs", "2"), code=1)
    assert sorted(error_lines(second.stderr)) == sorted(error_lines(first.stderr))
    assert first.stderr.splitlines()[-1].replace(str(one), "") == second.stderr.splitlines()[-1].replace(str(two), "")
    stored = rows(one)
    assert rows(two) == stored
    assert len(stored["articles"]) > 64 and stored["incidents"]
    # every stored English article has its spaCy annotation, under the pipeline's key; the
    # Korean ones (Kiwi's analysis is not cached) none
    with closing(sqlite3.connect(two)) as conn:
        langs = dict(conn.execute("SELECT id, lang FROM articles").fetchall())
    assert {a[0] for a in stored["annotations"]} == {i for i, lang in langs.items() if lang == "en"}
    assert "ko" in langs.values()
    assert {a[1] for a in stored["annotations"]} == {Pipeline().cache_key}


@pytest.fixture
def counted(monkeypatch):
    """The texts the pipeline annotates (this process only: --jobs 1)."""
    texts: list[str] = []
    real = stages.annotate

    def spy(nlp, batch):
        texts.extend(batch)
        return real(nlp, batch)

    monkeypatch.setattr(stages, "annotate", spy)
    return texts


def test_reprocess_extracts_from_the_cache_and_annotates_only_a_changed_key(tmp_path, counted):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("dnk-onsong-firefight.txt", "rfa-anbyon-deserters.txt", "yonhap-goseong-soldier-defects.txt"):
        shutil.copy(REPO / "samples" / "reports" / name, folder)
    db = tmp_path / "y.db"
    ok(yalu("ingest", folder, "--db", db, "-q", "--jobs", "1"))
    assert len(counted) == 3
    before = rows(db)
    counted.clear()
    out = ok(yalu("reprocess", "--db", db, "-q", "--jobs", "1")).stderr
    assert "3 articles reprocessed" in out
    assert counted == []  # nothing parsed again
    after = rows(db)
    assert after["incidents"] == before["incidents"]
    assert [e[1:] for e in after["evidence"]] == [e[1:] for e in before["evidence"]]  # new row ids
    assert after["annotations"] == before["annotations"]
    # an annotation made by another pipeline (another key) is made again and stored anew
    with closing(sqlite3.connect(db)) as conn, conn:
        target = conn.execute("SELECT article_id, doc FROM annotations ORDER BY rowid LIMIT 1").fetchone()
        conn.execute("UPDATE annotations SET cache_key = 'an older pipeline' WHERE article_id = ?", (target[0],))
    ok(yalu("reprocess", "--db", db, "-q", "--jobs", "1"))
    text = sqlite3.connect(db).execute("SELECT text FROM articles WHERE id = ?", (target[0],)).fetchone()[0]
    assert counted == [text]
    assert sorted(rows(db)["annotations"]) == sorted(before["annotations"])  # the current key and bytes again
    assert rows(db)["incidents"] == before["incidents"]


def test_the_cached_annotation_is_what_extraction_reads(tmp_path, counted):
    """An article whose stored annotation is another article's (under the current key)
    is extracted from that annotation: the cache, not the text, is read."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(REPO / "samples" / "reports" / "dnk-onsong-firefight.txt", folder)
    shutil.copy(REPO / "samples" / "reports" / "kcna-politburo-meeting.txt", folder)
    db = tmp_path / "y.db"
    ok(yalu("ingest", folder, "--db", db, "-q", "--jobs", "1"))
    with closing(sqlite3.connect(db)) as conn, conn:
        (fight, fight_doc), (meeting, _) = conn.execute("SELECT article_id, doc FROM annotations ORDER BY article_id").fetchall()
        assert conn.execute("SELECT count(*) FROM incidents WHERE article_id = ? AND event_type = 'armed_clash'", (fight,)).fetchone()[0]
        conn.execute("UPDATE annotations SET doc = ? WHERE article_id = ?", (fight_doc, meeting))
    counted.clear()
    ok(yalu("reprocess", "--db", db, "-q", "--jobs", "1", "--article", meeting))
    assert counted == []
    types = [r[0] for r in sqlite3.connect(db).execute("SELECT event_type FROM incidents WHERE article_id = ?", (meeting,))]
    assert "armed_clash" in types


def test_unreadable_cached_bytes_are_annotated_again(pipeline):
    article = Article(text="Guards in Hyesan detained two smugglers on Monday, a source told Daily NK.")
    keeping = Pipeline(nlp=pipeline.nlp, decide=pipeline.decide, keep_annotations=True)
    (made,) = keeping.process([(article, None)])
    assert made.annotation is not None and made.annotation[0] == keeping.cache_key
    (again,) = keeping.process([(article, (keeping.cache_key, b"not a DocBin"))])
    assert again.annotation == made.annotation  # annotated again, stored anew
    (cached,) = keeping.process([(article, made.annotation)])
    assert cached.annotation is None  # read from the cache: nothing new to store
    assert [i.to_dict() for i in cached.incidents] == [i.to_dict() for i in made.incidents]


def test_a_text_annotated_in_parts_reads_back_the_same(pipeline):
    """A text of more tokens than the tagger sees at once is annotated in parts joined into
    one Doc (spacy_pipeline.annotate); its cached bytes give the same records."""
    from yalu.annotate.spacy_pipeline import BATCH_TOKENS

    paragraphs = [p for f in sorted((REPO / "samples" / "reports").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n")]
    article = Article(text="\n\n".join(paragraphs * 3)[:99_000], published=date(2024, 5, 2))
    keeping = Pipeline(nlp=pipeline.nlp, decide=pipeline.decide, keep_annotations=True, time_budget=None)
    (made,) = keeping.process([(article, None)])
    assert made.annotation is not None
    assert len(cache.from_bytes(pipeline.nlp.vocab, made.annotation[1])) > BATCH_TOKENS
    (cached,) = keeping.process([(article, made.annotation)])
    assert cached.annotation is None and made.incidents
    assert [i.to_dict() for i in cached.incidents] == [i.to_dict() for i in made.incidents]


def test_cached_bytes_read_back_as_spacy_reads_them(pipeline):
    """cache.from_bytes reads the bytes itself (not through DocBin.get_docs, whose string
    lookups were half the reading): the same tokens, attributes, entities and sentences."""
    from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
    from spacy.tokens import DocBin

    text = (REPO / "samples" / "reports" / "dnk-onsong-firefight.txt").read_text(encoding="utf-8")
    (doc,) = stages.annotate(pipeline.nlp, [text])
    data = cache.to_bytes(doc)
    (spacy_doc,) = DocBin().from_bytes(data).get_docs(pipeline.nlp.vocab)
    ours = cache.from_bytes(pipeline.nlp.vocab, data)
    attrs = [ORTH, LEMMA, NORM, TAG, POS, MORPH, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE, ENT_ID, SPACY]
    assert (ours.to_array(attrs) == spacy_doc.to_array(attrs)).all()
    assert ours.text == spacy_doc.text == text
    assert [(t.lemma_, t.tag_, str(t.morph), t.dep_, t.ent_id_) for t in ours] == \
        [(t.lemma_, t.tag_, str(t.morph), t.dep_, t.ent_id_) for t in spacy_doc]
    assert [(e.start, e.end, e.label_, e.ent_id_) for e in ours.ents] == [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]
    assert [s.start for s in ours.sents] == [s.start for s in doc.sents]
    assert ours.cats == spacy_doc.cats and not ours.spans


def test_the_key_changes_with_what_decides_an_annotation(monkeypatch):
    """The key is computed from the pipeline's makings, not from a built pipeline: the ruler's
    patterns, the words the tokenizer keeps whole, the model."""
    from yalu.annotate import spacy_pipeline

    gazetteer = Gazetteer.default()
    key = cache.key(gazetteer)
    assert cache.key(Gazetteer.default()) == key
    actors = spacy_pipeline.actor_lexicon()
    with monkeypatch.context() as m:
        m.setattr(spacy_pipeline, "actor_lexicon", lambda: [*actors, {"normalized": "Nowhere Guards", "patterns": ["Nowhere Guards"]}])
        assert cache.key(gazetteer) != key
    with monkeypatch.context() as m:
        m.setattr(spacy_pipeline, "unsplit", lambda: ["test-fire", "sea-skim"])
        assert cache.key(gazetteer) != key
    meta = cache._model_meta()
    with monkeypatch.context() as m:
        m.setattr(cache, "_model_meta", lambda: {**meta, "version": "9.9.9"})
        assert cache.key(gazetteer) != key
    assert cache.key(gazetteer) == key


def test_the_models_vocabulary_reads_as_the_pipelines(pipeline):
    """`cache.vocab` (the model's vocabulary, without its weights) gives the words the
    lexical attributes the whole pipeline's vocabulary gives them."""
    text = (REPO / "samples" / "reports" / "kcna-politburo-meeting.txt").read_text(encoding="utf-8")
    (doc,) = stages.annotate(pipeline.nlp, [text + " Some 1,200 of them, twenty-one, were 3rd in line."])
    data = cache.to_bytes(doc)
    attrs = ("text", "lower_", "norm_", "shape_", "prefix_", "suffix_", "is_alpha", "is_digit", "is_punct", "is_stop",
             "like_num", "is_oov", "lemma_", "tag_", "pos_", "dep_", "ent_type_", "ent_id_", "whitespace_")
    ours, theirs = cache.from_bytes(cache.vocab(), data), cache.from_bytes(pipeline.nlp.vocab, data)
    assert [[getattr(t, a) for a in attrs] for t in ours] == [[getattr(t, a) for a in attrs] for t in theirs]


def test_a_pipeline_from_the_cache_reads_it_without_building_spacy(pipeline, tmp_path):
    """`yalu reprocess` reads annotations into the model's vocabulary (`cache.vocab`), under the
    key of the whole pipeline, computed without building it; the whole one is built only for
    an article it must annotate."""
    assert Pipeline(from_cache=True).cache_key == Pipeline(nlp=build(Gazetteer.default())).cache_key == \
        cache.key(Gazetteer.default())
    article = Article(text="Guards in Hyesan detained two smugglers on Monday, a source told Daily NK.",
                      published=date(2024, 5, 2))
    (made,) = Pipeline(nlp=pipeline.nlp, decide=pipeline.decide, keep_annotations=True).process([(article, None)])
    reading = Pipeline(decide=pipeline.decide, keep_annotations=True, from_cache=True)
    (cached,) = reading.process([(article, made.annotation)])
    assert reading._nlp is None and cached.annotation is None
    assert [i.to_dict() for i in cached.incidents] == [i.to_dict() for i in made.incidents]
    (again,) = reading.process([(article, ("an older pipeline", b""))])
    assert reading._nlp is not None and again.annotation == made.annotation


def test_a_classifier_on_sentence_vectors_keeps_no_cache(pipeline):
    from dataclasses import replace

    vectors = replace(pipeline.decide, weights={**pipeline.decide.weights, "v3": 0.5})
    assert Pipeline(nlp=pipeline.nlp, decide=vectors).cache_key is None
    assert Pipeline(nlp=pipeline.nlp, decide=pipeline.decide).cache_key == cache.key(Gazetteer.default())


def test_an_old_database_gets_the_annotations_table(tmp_path):
    from yalu.store import MIGRATIONS, Store

    db = tmp_path / "old.db"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA user_version = 8")
        for script in MIGRATIONS[:8]:
            conn.executescript(script)
    store = Store(db)
    assert store.schema_version == len(MIGRATIONS) >= 10
    assert store.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0


def dying_work(settings, batch):
    """A worker's batch that ends its process when an article says DIE (a segfault, the
    kernel's OOM killer); the others come back done without their incidents."""
    import os

    from yalu.pipeline import Done

    if any("DIE" in article.text for article, _ in batch):
        os._exit(9)
    return [Done(article, []) for article, _ in batch]


@pytest.mark.parametrize("pause", [0.0, 2.0])
def test_a_worker_that_dies_loses_only_its_batch_and_order_is_kept(pause):
    """With a pause after the first result, the pool breaks while older batches are
    already read, so the next batch is submitted to a broken pool."""
    import time

    from yalu.parallel import Processes, Settings

    texts = [f"report {i}" for i in range(10)]
    texts[5] = "report 5 DIE"
    items = [(Article(text=t, id=f"a{i}", source_path="wire.jsonl", record=f"line {i + 1}"), None)
             for i, t in enumerate(texts)]
    errors: list[str] = []
    done = []
    for d in Processes(Settings(batch_size=2), jobs=2, work=dying_work).results(items, errors.append):
        done.append(d)
        if len(done) == 1:
            time.sleep(pause)
    assert [d.article.id for d in done] == ["a0", "a1", "a2", "a3", "a6", "a7", "a8", "a9"]
    assert [e.split(": not processed")[0] for e in errors] == ["wire.jsonl line 5", "wire.jsonl line 6"]
    assert all("worker process died" in e for e in errors)
