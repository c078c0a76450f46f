"""State media's account of other countries' forces: the US and ROK drills, deployments
and strikes KCNA denounces are no North Korean incident (record.state_media.foreign_party).

KCNA names them only as grievances in statements and commentaries ("The U.S. and the ROK
are going to stage Ulji Freedom Shield", "the Japanese SDF took part in Freedom Edge");
the dataset takes another country's drill, if at all, from those who report it as news
(Yonhap's "South Korea and the US staged joint drills" is untouched: the rule reads state
media only). An act of the North's own forces in the same sentence ("the KPA fired back at
the ROK drills") keeps it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import Article, Incident
from .clustering import Cluster
from .records import state_voice

# the acts state media attributes to others' forces in its denunciations
MILITARY = frozenset(["military_exercise", "deployment", "attack", "weapons_test", "economic_measure"])
# others' forces, in KCNA's words; case matters ("US" is a country, "us" a pronoun)
FOREIGN = re.compile(
    r"(?<![\w-])(?:U\.S\.|US|United States|American|ROK|South Koreans?|[Pp]uppets?|Japan|Japanese|NATO|SDF|"
    r"Australia|Australian|[Hh]ostile forces|[Ee]nemy|[Ee]nemies|[Rr]ivals|[Ww]armongers|[Gg]angsters|"
    r"[Ii]mperialists|[Aa]ggressors?|Yoon)(?![\w-])"
)
# the North's own side; "anti-DPRK drills" are someone else's
OWN = re.compile(
    r"(?<![\w-])(?<!anti-)(?:DPRK|KPA|Korean People's Army|Kim Jong Un|North Koreans?|Pyongyang|"
    r"[Oo]ur (?:army|forces|units?|side|republic|country|state|navy|air force|artillery|servicepersons))(?![\w-])"
)


def _doer(token: Token) -> str:
    """The words naming a subject, up to its head, and those of its conjuncts ("the U.S. and
    the ROK", "the U.S. B-1Bs", "the rivals' manoeuvres"), without what follows the head
    ("drills against the DPRK")."""
    doc = token.doc
    return " / ".join(doc[head.left_edge.i:head.i + 1].text for head in (token, *token.conjuncts))


def _doers(sent: Span) -> list[str]:
    """The subjects of the sentence's clauses and the agents of its passives ("staged by the U.S.")."""
    return [_doer(t) for t in sent
            if t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "pobj" and t.head.dep_ == "agent")]


def foreign_only(sent: Span) -> bool:
    """Some subject of the sentence is another country's force and none is the North's."""
    doers = _doers(sent)
    return any(FOREIGN.search(d) for d in doers) and not any(OWN.search(d) for d in doers)


def foreign_party(c: Cluster, incident: Incident, article: Article) -> bool:
    """A state outlet's military act placed by its own clause abroad, or told of others'
    forces alone in every sentence that names it."""
    voice = state_voice(article.outlet)
    if voice is None or c.event_type not in MILITARY:
        return False
    if incident.location.country and incident.location.country != voice["country"]:
        return True
    return all(foreign_only(m.sent) for m in c.mentions)
