"""The whole job for a stream of articles, stage by stage:

ingest (read, furniture set aside: `yalu.ingest`) -> metadata (publication date and
outlet: `ingest.metadata`) -> annotate (spaCy with Yalu's rulers: `yalu.annotate`) ->
extract (mentions, modality, slots, places, dates, records: `yalu.extract`) -> ids.
Storing and merging across outlets follow in `yalu.store` and `yalu.merge`.

Each article has a time budget (`time_budget` seconds, DEFAULT_TIME_BUDGET unless
given; None: no limit): an article that takes longer is skipped, reported through
`skipped`, and yields nothing, so nothing of it is stored. So is one longer than
spaCy reads (`nlp.max_length`, 1,000,000 characters) or of more tokens than MAX_TOKENS.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .annotate import build, cache, pipeline
from .annotate.spacy_pipeline import BATCH_CHARS, MAX_LENGTH, TooManyTokens, annotate
from .extract import extract
from .extract.classifier import Classifier, Decider
from .ingest.errors import IngestError
from .ingest.language import detect_language
from .ingest.metadata import dated, sourced
from .model import Article, Incident
from .places import Gazetteer
from .places.geoparse import Geoparser
from .store import incident_id

DEFAULT_TIME_BUDGET = 60.0
# after the first alarm, again this often: an alarm raised inside spaCy's compiled code
# may be swallowed there, and the next one then stops the article
ALARM_REPEAT = 1.0


class Overtime(Exception):
    """An article ran past its time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise Overtime in the block once it has run `seconds`. An alarm signal does it, so
    only in the main thread; elsewhere (or with None) the block runs unbounded."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise Overtime(f"took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, ALARM_REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


Cached = tuple[str, bytes]  # an article's stored annotation: (cache key, DocBin bytes)
Item = tuple[Article, Cached | None]


@dataclass
class Done:
    """One article through the stages: its incidents, and the annotation this run made of it
    (when asked to keep them and it was not read from the cache), to be stored with it."""

    article: Article
    incidents: list[Incident]
    annotation: Cached | None = None


def report_skipped(error: IngestError) -> None:
    """The default for `Pipeline.run(skipped=...)`: the error's one line on stderr."""
    print(f"error: {error}", file=sys.stderr)


class Pipeline:
    """The stages over one set of collaborators, built once: the gazetteer, the spaCy
    pipeline whose rulers know its names, the geoparser that resolves them, and the
    classifiers (English, Korean) that decide which candidate records are incidents.
    With `from_cache` (most articles come with their annotation) the spaCy pipeline is
    built only when an article must be annotated."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        nlp: Language | None = None,
        decide: Decider | None = None,
        rules_only: bool = False,
        decide_ko: Decider | None = None,
        batch_size: int = 32,
        time_budget: float | None = DEFAULT_TIME_BUDGET,
        keep_annotations: bool = False,
        from_cache: bool = False,
    ):
        self.gazetteer = gazetteer or Gazetteer.default()
        # the trained classifier decides what the rules propose, unless asked for the rules alone
        self.decide = decide if decide is not None or rules_only else Classifier.load()
        self.decide_ko = decide_ko if decide_ko is not None or rules_only else Classifier.load(lang="ko")
        self._packaged = gazetteer is None
        self._nlp = nlp
        if nlp is None and not from_cache:
            _ = self.nlp
        self.geoparser = Geoparser(self.gazetteer)
        self.batch_size = batch_size
        self.time_budget = time_budget
        self.keep_annotations = keep_annotations

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = pipeline() if self._packaged else build(self.gazetteer)
        return self._nlp

    @cached_property
    def _vocab(self) -> Vocab:
        """What cached annotations are read into: the spaCy pipeline's vocabulary, or while it
        is not built the model's alone (`annotate.cache.vocab`)."""
        return self._nlp.vocab if self._nlp is not None else cache.vocab()

    @cached_property
    def cache_key(self) -> str | None:
        """The key of the annotations this pipeline makes and reads (`annotate.cache`), that of
        its gazetteer's spaCy pipeline; None when its decider reads what the cache leaves out."""
        return cache.key(self.gazetteer) if cache.usable(self.decide) else None

    def run(self, articles: Iterable[Article],
            skipped: Callable[[IngestError], None] = report_skipped) -> Iterator[tuple[Article, list[Incident]]]:
        """(article, incidents) pairs, in input order. English texts go through spaCy in
        batches, Korean ones (Article.lang, detected when not given) through Kiwi and the
        Korean rules (yalu.extract.korean); both give the same Incident records. An article
        over its time budget is passed to `skipped` as one error line instead."""
        for done in self.process(((a, None) for a in articles), skipped):
            yield done.article, done.incidents

    def process(self, items: Iterable[Item], skipped: Callable[[IngestError], None] = report_skipped) -> Iterator[Done]:
        """`run` over articles each with its stored annotation, if any: an English one under
        this pipeline's cache key is extracted from without annotating again (a Korean one
        is analysed again: Kiwi's analysis is not cached)."""
        if self.keep_annotations:
            _ = self.cache_key  # computed once here (~0.2 s), not inside an article's time budget
        for batch in self._batches(self._readable(((_prepared(a), c) for a, c in items), skipped)):
            docs, hits = self._docs(batch)
            for (article, _), doc, hit in zip(batch, docs, hits):
                try:
                    with time_budget(self.time_budget):
                        incidents, made = self._extract(article, doc, hit)
                except Overtime as e:
                    skipped(_skip_error(article, f"extraction {e} (the time budget per article)"))
                    continue
                except TooManyTokens as e:
                    skipped(_skip_error(article, f"text of {e}"))
                    continue
                taken: set[str] = set()
                for incident in incidents:
                    incident.id = incident_id(article.hash, incident, taken)
                    taken.add(incident.id)
                yield Done(article, incidents, made)

    def _docs(self, batch: list[Item]) -> tuple[list[Doc | None], list[bool]]:
        """Each article's Doc, read from its annotation where it is under this pipeline's
        key, the other English ones annotated together (None each when that fails: each is
        then annotated alone, within its own budget); and which came from the cache."""
        docs = [None if article.lang == "ko" else self._cached(cached) for article, cached in batch]
        hits = [doc is not None for doc in docs]
        missing = [i for i, (article, _) in enumerate(batch) if not hits[i] and article.lang != "ko"]
        if missing:
            made = self._annotate([batch[i][0] for i in missing])
            for i, doc in zip(missing, made or []):
                docs[i] = doc
        return docs, hits

    def _cached(self, cached: Cached | None) -> Doc | None:
        if cached is None or self.cache_key is None or cached[0] != self.cache_key:
            return None
        try:
            return cache.from_bytes(self._vocab, cached[1])
        except Exception:  # unreadable bytes are annotated again, as a changed key is
            return None

    def _kept(self, doc: Doc) -> Cached | None:
        """The annotation to store, taken before extraction can touch the Doc."""
        if not self.keep_annotations or self.cache_key is None:
            return None
        return self.cache_key, cache.to_bytes(doc)

    def _readable(self, items: Iterator[Item], skipped: Callable[[IngestError], None]) -> Iterator[Item]:
        """The articles not longer than spaCy reads (nlp.max_length); a longer one skipped:
        its memory would grow past the bound the batches keep."""
        for item in items:
            article = item[0]
            limit = self._nlp.max_length if self._nlp is not None else MAX_LENGTH  # not building it
            if len(article.text) > limit:
                skipped(_skip_error(article, f"text of {len(article.text):,} characters, over the {limit:,} the extractor reads"))
            else:
                yield item

    def _batches(self, items: Iterator[Item]) -> Iterator[list[Item]]:
        """Up to batch_size articles, with no more than BATCH_CHARS of text (a longer
        article alone): a batch's texts are tokenized before they are annotated."""
        batch: list[Item] = []
        chars = 0
        for item in items:
            if batch and (len(batch) == self.batch_size or chars + len(item[0].text) > BATCH_CHARS):
                yield batch
                batch, chars = [], 0
            batch.append(item)
            chars += len(item[0].text)
        if batch:
            yield batch

    def _annotate(self, batch: list[Article]) -> list[Doc] | None:
        """The batch's texts annotated together, within one article's budget (a batch of
        ordinary reports takes a few seconds); None when over it or when a text has too
        many tokens: each article is then annotated alone, within its own budget, and only
        the slow or long one is skipped."""
        nlp = self.nlp  # built, if it is not, outside the budget
        try:
            with time_budget(self.time_budget):
                return annotate(nlp, [a.text for a in batch])
        except (Overtime, TooManyTokens):
            return None

    def _extract(self, article: Article, doc: Doc | None, cached: bool) -> tuple[list[Incident], Cached | None]:
        """The article's incidents, and its annotation to store when this run made it."""
        if article.lang == "ko":
            return self._korean(article), None
        doc = doc if doc is not None else annotate(self.nlp, [article.text])[0]
        made = None if cached else self._kept(doc)
        return extract(doc, article, self.geoparser, self.decide), made

    def _korean(self, article: Article) -> list[Incident]:
        from .annotate.korean import annotate as annotate_korean
        from .extract.korean import extract_korean

        return extract_korean(annotate_korean(article.text, self.gazetteer), article, self.geoparser, self.decide_ko)


def _prepared(article: Article) -> Article:
    article = sourced(dated(article))
    article.lang = article.lang or detect_language(article.text)
    return article


def _skip_error(article: Article, why: str) -> IngestError:
    where = article.record or (f"id {article.id}" if article.id else None)
    return IngestError(article.source_path or article.key, f"skipped: {why}", where)
