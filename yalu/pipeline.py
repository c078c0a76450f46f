"""The whole job for a stream of articles, stage by stage:

ingest (read, furniture set aside: `yalu.ingest`) -> metadata (publication date and
outlet: `ingest.metadata`) -> annotate (spaCy with Yalu's rulers: `yalu.annotate`) ->
extract (mentions, modality, slots, places, dates, records: `yalu.extract`) -> ids.
Storing and merging across outlets follow in `yalu.store` and `yalu.merge`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language

from .annotate import build, pipeline
from .extract import extract
from .extract.classifier import Classifier, Decider
from .ingest.language import detect_language
from .ingest.metadata import dated, sourced
from .model import Article, Incident
from .places import Gazetteer
from .places.geoparse import Geoparser
from .store import incident_id


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of up to `size` items, in order (itertools.batched is Python 3.12's)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Pipeline:
    """The stages over one set of collaborators, built once: the gazetteer, the spaCy
    pipeline whose rulers know its names, the geoparser that resolves them, and the
    classifier that decides which candidate records are incidents."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        nlp: Language | None = None,
        decide: Decider | None = None,
        rules_only: bool = False,
        batch_size: int = 32,
    ):
        self.gazetteer = gazetteer or Gazetteer.default()
        # the trained classifier decides what the rules propose, unless asked for the rules alone
        self.decide = decide if decide is not None or rules_only else Classifier.load()
        if nlp is None:
            nlp = pipeline() if gazetteer is None else build(self.gazetteer)
        self.nlp = nlp
        self.geoparser = Geoparser(self.gazetteer)
        self.batch_size = batch_size

    def run(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Incident]]]:
        """(article, incidents) pairs, in input order. English texts go through spaCy in
        batches, Korean ones (Article.lang, detected when not given) through Kiwi and the
        Korean rules (yalu.extract.korean); both give the same Incident records."""
        for batch in batched(articles, self.batch_size):
            ready = [sourced(dated(a)) for a in batch]
            for article in ready:
                article.lang = article.lang or detect_language(article.text)
            english = iter(self._english([a for a in ready if a.lang != "ko"]))
            for article in ready:
                incidents = self._korean(article) if article.lang == "ko" else next(english)
                for incident in incidents:
                    incident.id = incident_id(article.hash, incident)
                yield article, incidents

    def _english(self, articles: list[Article]) -> Iterator[list[Incident]]:
        stream = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=self.batch_size):
            yield extract(doc, article, self.geoparser, self.decide)

    def _korean(self, article: Article) -> list[Incident]:
        from .annotate.korean import annotate
        from .extract.korean import extract_korean

        # the classifier learnt English features: Korean records pass the rules' own threshold
        return extract_korean(annotate(article.text, self.gazetteer), article, self.geoparser)
