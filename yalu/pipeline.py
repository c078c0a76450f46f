"""The whole job for a stream of articles: annotate with spaCy, extract incidents."""

from __future__ import annotations

from typing import Iterable, Iterator

from . import dates
from .extract import extract
from .extract.attribution import canonical_outlet, own_outlet
from .model import Article, Incident
from .nlp import pipeline
from .places.geoparse import Geoparser
from .store import incident_id


class Pipeline:
    def __init__(self, batch_size: int = 32):
        self.nlp = pipeline()
        self.geoparser = Geoparser()
        self.batch_size = batch_size

    def run(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Incident]]]:
        """(article, incidents) pairs, in input order; spaCy batches the texts."""
        stream = ((a.text, _sourced(_dated(a))) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=self.batch_size):
            incidents = extract(doc, article, self.geoparser)
            for incident in incidents:
                incident.id = incident_id(article.hash, incident)
            yield article, incidents


def _dated(article: Article) -> Article:
    """Date the article by its dateline where it has one (see dates.publication_date)."""
    article.published, article.published_source = dates.publication_date(
        article.text, article.published, article.published_source
    )
    return article


def _sourced(article: Article) -> Article:
    """The outlet in sources.toml's spelling; when no metadata or --outlet named it, from
    the report's own words."""
    if article.outlet:
        article.outlet = canonical_outlet(article.outlet)
    else:
        found = dates.dateline_match(article.text)
        article.outlet = own_outlet(
            "\n".join([article.text, *(f.text for f in article.furniture)]),
            found.group("agency") if found else None,
        )
    return article
