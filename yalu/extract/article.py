"""From an annotated article to incident records, in six steps:

1. mentions: every trigger in its clause is a candidate, with its modality and the
   slots its own sentence gives (mentions.py, triggers.py, modality.py);
2. slots: places and dates a mention takes from its context (slots.py);
3. clustering: mentions of one incident become one cluster (clustering.py);
4. records: one candidate Incident per cluster, with a summary (records.py);
5. the trained classifier decides which candidates are incidents and how sure it is
   (features.py, classifier.py): rules propose, a model decides;
6. a clash or a raid going on over a run of days becomes one record a day, an execution
   in two named towns one record a town (ACLED's atomic days and places).
"""

from __future__ import annotations

from datetime import date
from functools import cache

from spacy.tokens import Doc

from .. import dates
from ..annotate import text_of
from ..model import Article, Incident
from ..places.geoparse import Geoparser
from .attribution import citations
from .classifier import Decider
from .clustering import Cluster, cluster_mentions
from .features import document_features, record_features
from .mentions import Mention, paragraphs, read_sentence
from .records import by_day, record, reportable
from .sites import by_place
from .slots import (
    BACKGROUND_DAYS,
    SHORT_ITEM_SENTENCES,
    date_undated,
    inherit_places,
    looks_back,
    mark_background,
    mark_earlier_acts,
    mark_look_backs,
    mark_told_history,
    refine_lines,
    refine_sites,
    spoken_date,
)
from .theatre import at_the_un, foreign_party, other_voice, recalled

# an act dated this long before the report is history the report recalls, not its news
HISTORY_DAYS = 400


def history(c: Cluster, published: date | None) -> bool:
    """Every mention dated by its own words to more than a year before the report (or to a
    tally of years), none in its lead: "the first alert was issued on Feb. 25, 1983, when a
    pilot defected"."""
    return published is not None and all(
        m.time is not None and not m.time_inherited and m.sent.start > 0 and looks_back(m.time, published, HISTORY_DAYS)
        for m in c.mentions
    )


def extract(doc: Doc, article: Article, geoparser: Geoparser, decide: Decider | None = None) -> list[Incident]:
    """The incidents of one annotated article. With a decider (the trained classifier),
    it decides which candidate records are reported and sets their confidence."""
    cites = citations(doc)
    # found once a trigger's rules read place tags: an article without a trigger needs none
    found_places = cache(lambda: geoparser.mentions(doc, [(c.start, c.end) for c in cites]))
    # sorted by start, so that each sentence finds its own by bisection (annotate.index); scanned
    # at the first sentence with a trigger: most articles have none (2 in 3 of KCNA's)
    found_dates = cache(lambda: sorted(dates.find_dates(text_of(doc), article.published), key=lambda d: d.start))
    paragraph_starts = paragraphs(text_of(doc))
    mentions: list[Mention] = []
    for sent in doc.sents:
        mentions.extend(read_sentence(sent, article, geoparser, found_places, found_dates, cites, paragraph_starts))
    if not mentions:
        return []
    places = found_places()
    short = len(list(doc.sents)) <= SHORT_ITEM_SENTENCES
    if article.published:
        mark_told_history(mentions, found_dates(), article.published, BACKGROUND_DAYS if short else HISTORY_DAYS)
        mark_background(mentions, article.published, BACKGROUND_DAYS if short else HISTORY_DAYS)
        mark_look_backs(mentions, article.published)
    mark_earlier_acts(mentions)
    refine_lines(mentions, geoparser, places)
    refine_sites(mentions, geoparser, places)
    inherit_places(mentions, geoparser, places, cites, short)
    incidents = cluster_mentions(mentions)
    date_undated(incidents, doc, article, spoken_date(doc, found_dates(), cites), found_dates())
    records = [(c, record(c, article)) for c in incidents if reportable(c) and not history(c, article.published)]
    if decide is not None:
        context = document_features(records, article.published, len(doc))
        records = [(c, r) for (c, r), more in zip(records, context) if decide(r, record_features(c, r, r.confidence) | more)]
    # after the classifier, so that the other records' article context stays as it was
    records = [(c, at_the_un(c, r, article)) for c, r in records
               if not foreign_party(c, r, article) and not other_voice(c, article) and not recalled(c, article)]
    return [day for c, r in records for site in by_place(c, r, places, geoparser) for day in by_day(c, site)]
