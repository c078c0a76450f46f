"""From an annotated article to incident records, in five steps:

1. mentions: every trigger in its clause is a candidate, with its modality and the
   slots its own sentence gives (mentions.py, triggers.py, modality.py);
2. slots: places and dates a mention takes from its context (slots.py);
3. clustering: mentions of one incident become one cluster (clustering.py);
4. records: one Incident per cluster, with a summary and a confidence (records.py);
5. a clash or a raid going on over a run of days becomes one record a day (ACLED's rule).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .. import dates
from ..model import Article, Incident
from ..places.geoparse import Geoparser
from .attribution import citations
from .clustering import cluster_mentions
from .mentions import Mention, paragraphs, read_sentence
from .records import by_day, record, reportable
from .slots import (
    SHORT_ITEM_SENTENCES,
    date_undated,
    inherit_places,
    mark_background,
    refine_lines,
    spoken_date,
)


def extract(doc: Doc, article: Article, geoparser: Geoparser) -> list[Incident]:
    cites = citations(doc)
    places = geoparser.mentions(doc, [(c.start, c.end) for c in cites])
    found_dates = dates.find_dates(doc.text, article.published)
    paragraph_starts = paragraphs(doc.text)
    mentions: list[Mention] = []
    for sent in doc.sents:
        mentions.extend(read_sentence(sent, article, geoparser, places, found_dates, cites, paragraph_starts))
    short = len(list(doc.sents)) <= SHORT_ITEM_SENTENCES
    if short and article.published:
        mark_background(mentions, article.published)
    refine_lines(mentions, geoparser, places)
    inherit_places(mentions, geoparser, places if short else None)
    incidents = cluster_mentions(mentions)
    date_undated(incidents, doc, article, spoken_date(doc, found_dates))
    return [day for c in incidents if reportable(c) for day in by_day(c, record(c, article))]
