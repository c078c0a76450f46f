"""What a report says about itself: when it was written and which outlet speaks.

Two policies, one place: the publication date (metadata, a dateline, or the user's
`--published`) and the outlet (metadata in sources.toml's spelling, or the report's
own words). Never today's date, and never an HTML page's headline.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from urllib.parse import urlsplit

from ..annotate import source_lexicon
from ..dates import dateline, dateline_match
from ..model import Article
from .limits import published_problem


def dated(article: Article) -> Article:
    """Date the article by its dateline where it has one (see publication_date)."""
    article.published, article.published_source = publication_date(
        article.text, article.published, article.published_source
    )
    return article


def sourced(article: Article) -> Article:
    """The outlet in sources.toml's spelling; when no metadata or --outlet named it, from
    the report's own words, and when they do not either, from its address's domain."""
    if article.outlet:
        article.outlet = canonical_outlet(article.outlet)
    else:
        found = dateline_match(article.text)
        article.outlet = own_outlet(
            "\n".join([article.text, *(f.text for f in article.furniture)]),
            found.group("agency") if found else None,
        ) or domain_outlet(article.url)
    return article


@cache
def _domains() -> dict[str, str]:
    return {domain: s["name"] for s in source_lexicon() for domain in s.get("domains", [])}


def domain_outlet(url: str | None) -> str | None:
    """The outlet whose domain (sources.toml `domains`) an address is on: its host or a
    subdomain of it ("https://www.kcna.kp/en/article/..." -> KCNA)."""
    host = (urlsplit(url).hostname or "") if url else ""
    while host:
        if host in _domains():
            return _domains()[host]
        host = host.partition(".")[2]
    return None


def publication_date(text: str, published: date | None, source: str | None) -> tuple[date | None, str | None]:
    """The date the text was written, and where it came from.

    A dateline is the agency's own clock: "yesterday" in the story counts from it, so it
    replaces the feed, page or record date (which may list the story days later). That
    metadata date only anchors a dateline without a year, and it wins when the dateline
    falls more than a month before it or more than a day after it (a misread dateline, a
    story re-listed long after). A date the user gave (source "cli") is never replaced."""
    if source == "cli":
        return published, source
    found = dateline(text, hint=published)
    if found is None or published_problem(found):  # "Pyongyang, May 1, 1850": no date to believe
        return published, source
    if published is None:
        return found, "dateline"
    if -1 <= (published - found).days <= 31:
        return found, f"dateline+{source}"
    return published, source



@cache
def _own_voice() -> tuple[re.Pattern, dict[str, str]]:
    names = {p: s["name"] for s in source_lexicon() if s["kind"] in ("media", "state_media") for p in s["patterns"]}
    outlets = "|".join(re.escape(p) for p in sorted(names, key=len, reverse=True))
    rx = re.compile(
        rf"\b(?:told|telling|speaking\s+(?:to|with)|in\s+an\s+interview\s+with|(?:reviewed|obtained|seen)\s+by)\s+(?P<a>{outlets})(?![\w-])"
        rf"|(?<![\w-])(?P<b>{outlets})(?:\s+(?:has|have)\s+learned\b|['’]s?\s+(?:own\s+)?(?:reporting\s+partners?|correspondents?)|\s+reporting\s+partners?)"
        rf"|^(?:Reported|Written|Edited|Translated)\s+by\b[^\n]*?\bfor\s+(?P<c>{outlets})(?:\s+Korean)?\.?\s*$",
        re.M,
    )
    return rx, names


def canonical_outlet(name: str) -> str:
    """An outlet's name as sources.toml spells it ("Yonhap News Agency" -> "Yonhap",
    "ASIAPRESS Rimjin-gang" -> "ASIAPRESS"); a name it does not know stays as given."""
    _rx, names = _own_voice()
    if name in names:
        return names[name]
    for pattern in sorted(names, key=len, reverse=True):
        if re.match(rf"{re.escape(pattern)}(?![\w-])", name):
            return names[pattern]
    return name


def own_outlet(text: str, agency: str | None = None) -> str | None:
    """The outlet a report speaks for, from its own words: the agency of its dateline
    ("SEOUL, Sept. 4 (Yonhap) --"), "told Daily NK", "NK News has learned", "imagery
    reviewed by NK News", "an ASIAPRESS reporting partner", a byline "for RFA Korean".
    Other outlets cited ("Chosun Ilbo also reported") are not it."""
    rx, names = _own_voice()
    if agency and agency.strip() in names:
        return names[agency.strip()]
    m = rx.search(text)
    return names[m.group("a") or m.group("b") or m.group("c")] if m else None

