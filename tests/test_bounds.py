"""Bounded work on hostile shapes of text: no recursion past Python's limit, no sentence
or chunk too long for the steps that grow with its square, lookups by offset that
answer as the scans they replace, and a time budget that skips an article whole.
How time grows with length is measured by bench/scaling.py, not here."""

from __future__ import annotations

import random
import threading
from datetime import date

import pytest
from click.testing import CliRunner

from yalu.annotate import text_of
from yalu.annotate.index import ent_of, ents_in, starting_in
from yalu.annotate.spacy_pipeline import BATCH_CHARS, BATCH_TOKENS, LONGEST_CHUNK, LONGEST_SENTENCE, MAX_TOKENS, annotate
from yalu.cli import cli
from yalu.extract import clustering
from yalu.extract.mentions import Mention
from yalu.ingest import read_text
from yalu.model import Article, Location, TimeSpan
from yalu.pipeline import Overtime, Pipeline, time_budget
from yalu.store import Store

PROSE = "Border guards detained two smugglers near Hyesan on Tuesday, a source told Daily NK.\n\n"


def test_a_very_long_sentence_is_extracted_without_recursion_error(read_with_rules):
    """A run of a thousand names parses into a chain deeper than Python's recursion limit."""
    _, incidents = read_with_rules("Hyesan " * 1000 + "residents defected.")
    assert [i.event_type for i in incidents] == ["defection"]


def test_no_sentence_runs_past_the_longest(nlp):
    doc = nlp("Hyesan " * 3000 + "soldiers defected.")
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= LONGEST_SENTENCE
    assert sum(lengths) == len(doc)


def test_a_long_run_of_punctuation_is_one_token_with_the_text_kept(nlp):
    text = 'He said "' + '"' * 16000 + ' soldiers defected.\n\nGuards fired near Musan.'
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert len(doc) == 12  # He said RUN soldiers defected . \n\n Guards fired near Musan .
    run = next(t for t in doc if len(t) > 1000)
    assert text[run.idx:run.idx + len(run)] == run.text
    assert [t.text for t in doc][-5:] == ["Guards", "fired", "near", "Musan", "."]


def test_a_long_chunk_of_mixed_punctuation_is_cut_with_offsets_kept(nlp):
    text = "In Hyesan " + "\"'!?" * 2000 + "  soldiers defected."
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    assert max(len(t) for t in doc) <= LONGEST_CHUNK
    assert [t.text for t in doc][-3:] == ["soldiers", "defected", "."]


def test_ordinary_text_is_tokenized_as_the_stock_tokenizer_does(nlp):
    text = PROSE + "A link: https://www.dailynk.com/english/north-korea-tightens-border/ and \"quotes\" -- dashes ----------."
    stock = nlp.tokenizer.tokenizer(text)
    assert [(t.text, t.whitespace_) for t in nlp.make_doc(text)] == [(t.text, t.whitespace_) for t in stock]


def test_entity_lookups_answer_as_spacy_does(nlp):
    doc = nlp(PROSE * 3 + "Chinese border police in Dandong handed over three defectors to North Korea.")
    for sent in doc.sents:
        assert [(e.start, e.end) for e in ents_in(sent)] == [(e.start, e.end) for e in sent.ents]
    for token in doc:
        inside = [e for e in doc.ents if e.start <= token.i < e.end]
        found = ent_of(token)
        expected = (inside[0].start, inside[0].end) if inside else None
        assert ((found.start, found.end) if found else None) == expected


def test_starting_in_answers_as_a_scan():
    class At:
        def __init__(self, start):
            self.start = start

    rng = random.Random(7)
    items = sorted((At(rng.randrange(200)) for _ in range(300)), key=lambda a: a.start)
    for _ in range(200):
        lo = rng.randrange(-5, 205)
        hi = lo + rng.randrange(0, 40)
        assert starting_in(items, lo, hi) == [a for a in items if lo <= a.start < hi]


def _pairwise_clusters(mentions: list[Mention]) -> list[list[Mention]]:
    """The clustering as it was, each newcomer compared with every mention of a cluster
    (the latest cluster first): the oracle the summed-up agreement must match."""

    def agree(a: Mention, b: Mention, strict: bool) -> bool:
        if a.background != b.background:
            return False
        la, lb = a.location, b.location
        if la and lb and (strict or not (a.place_inherited or b.place_inherited)):
            for x, y in ((la.admin2, lb.admin2), (la.admin1_code, lb.admin1_code), (la.country, lb.country)):
                if x and y and x != y:
                    return False
        ta, tb = a.time, b.time
        if ta and tb and ta.start and tb.start and ta.end and tb.end and (ta.end < tb.start or tb.end < ta.start):
            return False
        return True

    clusters: list[list[Mention]] = []
    for m in mentions:
        for c in reversed(clusters):
            same = m.event_type in {o.event_type for o in c}
            if not same and not any(o.event_type != m.event_type and clustering._related(m, o) for o in c):
                continue
            if all(agree(m, o, o.event_type != m.event_type) for o in c):
                c.append(m)
                break
        else:
            clusters.append([m])
    return clusters


def test_clustering_agrees_with_comparing_every_pair(nlp):
    """Random mentions (types, places stated or inherited, times, background) cluster as
    the pairwise comparison clusters them."""
    doc = nlp(PROSE * 4)
    tokens = list(doc)
    rng = random.Random(13)
    places = [None, Location(admin2="Hyesan", admin1_code="KP-10", country="KP"), Location(admin2="Musan", admin1_code="KP-09", country="KP"),
              Location(admin1_code="KP-10", country="KP"), Location(country="CN"), Location(admin1_code="KP-09")]
    types = ["arrest", "smuggling", "defection", "attack", "armed_clash", "artillery_fire", "incursion"]

    def time() -> TimeSpan | None:
        if rng.random() < 0.3:
            return None
        start = date(2024, 3, rng.randrange(1, 20))
        return TimeSpan(start, date(2024, 3, start.day + rng.randrange(0, 8)), 1)

    for _ in range(60):
        mentions = []
        for _ in range(rng.randrange(1, 25)):
            token = rng.choice(tokens)
            m = Mention(event_type=rng.choice(types), trigger=token, sent=token.sent, window=[token], weight=1.0,
                        modality="asserted", paragraph=rng.randrange(4), location=rng.choice(places),
                        place_inherited=rng.random() < 0.3, time=time(), background=rng.random() < 0.1)
            m.charged = rng.random() < 0.3
            mentions.append(m)
        got = [c.mentions for c in clustering.cluster_mentions(mentions)]
        assert [[id(m) for m in c] for c in got] == [[id(m) for m in c] for c in _pairwise_clusters(mentions)]


# --- the time budget ------------------------------------------------------------------


def test_time_budget_raises_in_the_block_and_is_cleared_after():
    with pytest.raises(Overtime), time_budget(0.2):
        while True:
            pass
    with time_budget(5):
        pass  # no alarm left behind: the loop below would be interrupted
    total = sum(range(2_000_000))
    assert total > 0


def test_time_budget_does_not_limit_a_worker_thread():
    """Alarms reach the main thread only: elsewhere the block runs unbounded."""
    done = []

    def work():
        with time_budget(0.01):
            sum(range(3_000_000))
        done.append(True)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert done == [True]


@pytest.fixture(scope="module")
def slow_text():
    """A report long enough to take far more than a second to extract on any machine,
    under ingest's limit of 100,000 characters a report."""
    return PROSE * 1100


def test_an_article_over_its_budget_is_skipped_and_the_rest_go_on(pipeline, slow_text):
    budgeted = Pipeline(nlp=pipeline.nlp, rules_only=True, time_budget=1.0)
    articles = [read_text(PROSE, id="before"), read_text(slow_text, id="slow", source_path="wire.jsonl"),
                read_text(PROSE + "Guards fired shots near Musan.", id="after")]
    skipped = []
    done = list(budgeted.run(articles, skipped.append))
    assert [a.id for a, _ in done] == ["before", "after"]
    assert all(incidents for _, incidents in done)
    [error] = skipped
    assert str(error) == "wire.jsonl id slow: skipped: extraction took over 1 s (the time budget per article)"


def test_ingest_skips_a_slow_article_with_one_line_and_stores_nothing_of_it(tmp_path, slow_text, new_db):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(PROSE, encoding="utf-8")
    (folder / "slow.txt").write_text(slow_text, encoding="utf-8")
    db = new_db("t.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "-q", "--time-budget", "0.2"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {folder / 'slow.txt'}: skipped: extraction took over 0.2 s (the time budget per article)"]
    conn = Store(db).conn
    [(good_id, path)] = conn.execute("SELECT id, source_path FROM articles").fetchall()
    assert path == str(folder / "good.txt")
    assert {row[0] for row in conn.execute("SELECT article_id FROM evidence")} == {good_id}



def test_a_text_longer_than_a_batch_is_annotated_in_parts_and_joined(nlp):
    """The parts join into one Doc over the whole text: its tokens, entities (with their
    ids), sentences and offsets are the text's."""
    text = PROSE * (BATCH_TOKENS // len(nlp.make_doc(PROSE)) + 50)
    [doc] = annotate(nlp, [text])
    whole = nlp.make_doc(text)
    assert doc.text == text == text_of(doc)
    assert [t.text for t in doc] == [t.text for t in whole]
    one = [(e.start_char, e.label_, e.ent_id_) for e in nlp(PROSE).ents]
    copies = text.count(PROSE)
    assert [(e.start_char, e.label_, e.ent_id_) for e in doc.ents] == [
        (start + k * len(PROSE), label, ent_id) for k in range(copies) for start, label, ent_id in one]
    assert ents_in(doc[:]) == list(doc.ents)
    assert all(s.text.endswith(("\n", ".", ",")) for s in doc.sents)
    assert doc[len(doc) // 2].sent.start <= len(doc) // 2 < doc[len(doc) // 2].sent.end


def test_batches_hold_no_more_text_than_the_bound(pipeline):
    articles = [Article(text=PROSE * n, id=str(n)) for n in (200, 10, 1500, 1)]
    batches = list(pipeline._batches(iter((a, None) for a in articles)))  # (article, its cached annotation)
    assert [[a.id for a, _ in b] for b in batches] == [["200", "10"], ["1500"], ["1"]]
    assert all(sum(len(a.text) for a, _ in b) <= BATCH_CHARS for b in batches if len(b) > 1)


def test_a_text_longer_than_spacy_reads_is_skipped_and_the_rest_go_on(pipeline):
    limit = pipeline.nlp.max_length
    articles = [read_text("x " * (limit // 2 + 1), id="huge", source_path="wire.jsonl"), read_text(PROSE, id="after")]
    skipped = []
    done = list(Pipeline(nlp=pipeline.nlp, rules_only=True).run(articles, skipped.append))
    assert [a.id for a, _ in done] == ["after"]
    assert [str(e) for e in skipped] == [
        f"wire.jsonl id huge: skipped: text of {limit + 2:,} characters, over the {limit:,} the extractor reads"]


def test_destinations_answer_as_destination_does(nlp):
    from yalu.places.syntax import Destinations, destination

    doc = nlp("Five soldiers fled to China from Hyesan. Shells fell into the sea southwest of Yeonpyeong Island near the border.\n\n"
              + "Hyesan " * 300 + "soldiers defected to the South.")
    went = Destinations()
    assert [went(t) for t in doc] == [destination(t, None) for t in doc]
    assert any(went(t) for t in doc)


def test_a_text_of_too_many_tokens_is_skipped_and_the_rest_go_on(pipeline):
    text = "!?" * (MAX_TOKENS // 2 + 5)  # a long chunk of mixed punctuation: a token a character
    articles = [read_text(PROSE, id="before"), read_text(text, id="tokens", source_path="wire.jsonl"), read_text(PROSE, id="after")]
    skipped = []
    done = list(Pipeline(nlp=pipeline.nlp, rules_only=True).run(articles, skipped.append))
    assert [a.id for a, _ in done] == ["before", "after"]
    [error] = [str(e) for e in skipped]
    assert error.startswith("wire.jsonl id tokens: skipped: text of ") and error.endswith(f"tokens, over the {MAX_TOKENS:,} the extractor reads")
