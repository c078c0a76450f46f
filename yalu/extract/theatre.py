"""State media's account of other parties: the US and ROK drills, deployments and strikes
KCNA denounces are no North Korean incident (record.state_media.foreign_party), nor are the
vows of the masses, a diaspora group's statement or a South Korean rally's speeches it
relays (record.state_media.other_voice), nor the undated acts of an article that names no
year but long-past ones: the Japanese crimes of 1895 and 1945, the war's massacres
(record.state_media.history).

KCNA names them only as grievances in statements and commentaries ("The U.S. and the ROK
are going to stage Ulji Freedom Shield", "the Japanese SDF took part in Freedom Edge");
the dataset takes another country's drill, if at all, from those who report it as news
(Yonhap's "South Korea and the US staged joint drills" is untouched: the rule reads state
media only). An act of the North's own forces in the same sentence ("the KPA fired back at
the ROK drills") keeps it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from ..model import Article, Incident, Location
from .clustering import Cluster
from .records import _placed_by_article_only, state_voice, summary

# a year as the text writes it ("in 1895", "Juche 113 (2024)")
YEAR = re.compile(r"(?<!\d)(?<!\d )(1[89]\d\d|20\d\d)(?!\d)")
# the state's own doings, news even when an old anniversary is their occasion
CURRENT = frozenset(["leadership_activity", "statement"])
# kept where they are told (records.py puts the lent ones at home): the state's own acts abroad,
# the incursions into it, the floods a foreign leader's sympathy names, and the shelling and
# clashes across the sea border ("the ROK fired shells into the waters around Yonphyong")
PLACED_AS_TOLD = CURRENT | {"incursion", "disaster", "artillery_fire", "armed_clash"}
# the North's own military acts, which its reports often tell with no party named ("the
# missile flew 1,000 km"): another country's only when its forces are the subject
OWN_MILITARY = frozenset(["military_exercise", "deployment", "weapons_test", "missile_launch"])
# "it", "they": the subject of the sentence before
PRONOUNS = frozenset(["it", "they"])
DRILLS = frozenset(["drill", "exercise", "maneuver", "manoeuvre", "training", "rehearsal"])
# others' forces, in KCNA's words; case matters ("US" is a country, "us" a pronoun)
FOREIGN = re.compile(
    r"(?<![\w-])(?:U\.S\.|US|United States|American|ROK|South Koreans?|[Pp]uppets?|Japan|Japanese|NATO|G7|SDF|"
    r"Australia|Australian|[Hh]ostile forces|[Ee]nemy|[Ee]nemies|[Rr]ivals|[Ww]armongers|[Gg]angsters|"
    r"[Ii]mperialists?|[Aa]ggressors?|Yoon)(?![\w-](?!led\b))"
)
# who speaks in state media without speaking for the state: the masses' vows, rallies in the
# South, Koreans abroad ("Many students vowed to ...", "Speakers there denounced ...")
OTHER_VOICES = re.compile(
    r"(?i)\b(?:students?|youths?|young people|workers|people|participants|speakers|citizens|residents|"
    r"servicepersons|members|Koreans in|overseas|GAKC|Chongryon|association|rally|demonstrators)\b"
)
SPOKEN = frozenset(["statement", "incursion"])
# the state's mission at the UN's seat speaks in New York ("the permanent mission of the DPRK at
# the UN"); its mission to the UN office at Geneva is named with Geneva, which the geoparser places
UN_MISSION = re.compile(r"\bmission\b[^.:]*?\b(?:at|to) the (?:UN|United Nations)\b(?! (?:[Oo]ffice|in Geneva))")
# the state's names, whose "People" is no crowd; its organs, which speak for it
STATE_NAMES = re.compile(r"Democratic People's Republic of Korea|Korean People's Army")
STATE_ORGANS = re.compile(
    r"Workers' Party|WPK|Central Committee|Ministry|[Ss]pokes(?:man|person|woman)|General Staff|KCNA|Institute|"
    r"Office|Commission|Cabinet|Supreme People's Assembly|KPA|Kim Jong Un|Kim Yo Jong|Choe Son Hui|Kim Tok Hun"
)
# the North's own side; "anti-DPRK drills" are someone else's, and "Pyongyang" is the dateline
OWN = re.compile(
    r"(?<![\w-])(?<!anti-)(?:DPRK|KPA|Korean People's Army|Kim Jong Un|North Koreans?|"
    r"[Oo]ur (?:army|forces|units?|side|republic|country|state|navy|air force|artillery|servicepersons))(?![\w-])"
)


def _doer(token: Token) -> str:
    """The words naming a subject, up to its head, and those of its conjuncts ("the U.S. and
    the ROK", "the U.S. B-1Bs", "the rivals' manoeuvres"), without what follows the head
    ("drills against the DPRK")."""
    doc = token.doc
    return " / ".join(doc[head.left_edge.i:head.i + 1].text for head in (token, *token.conjuncts))


def _doers(sent: Span, back: int = 3) -> list[str]:
    """The subjects of the sentence's clauses and the agents of its passives ("staged by the U.S."),
    a bare "it" or "they" read as the subjects of the sentences before, up to three back ("They
    also launched artillery firing drills" after "The puppet military staged a drill")."""
    doers = []
    for t in sent:
        if t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            before = sent.doc[sent.start - 1].sent if sent.start > 0 and back > 0 else None
            pronoun = t.lower_ in PRONOUNS and not t.conjuncts
            doers.extend(_doers(before, back - 1) if pronoun and before is not None else [_doer(t)])
    return doers


def foreign_only(sent: Span) -> bool:
    """Some subject of the sentence is another country's force and none is the North's."""
    doers = _doers(sent)
    return any(FOREIGN.search(d) for d in doers) and not any(OWN.search(d) for d in doers)


def owned_abroad(trigger: Token) -> bool:
    """The act's noun belongs to another country's forces: "the imperialist forces' desperate
    manoeuvres", "the reckless manoeuvres of the US-led bloc", "the ROK's drills"."""
    owners = [c for c in trigger.children if c.dep_ == "poss"]
    owners += [p for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for p in prep.children if p.dep_ == "pobj"]
    texts = [trigger.doc[o.left_edge.i:o.i + 1].text for o in owners]
    return any(FOREIGN.search(t) for t in texts) and not any(OWN.search(t) for t in texts)


def foreign_party(c: Cluster, incident: Incident, article: Article) -> bool:
    """A state outlet's act placed abroad by its own clause or only by the foreign country its
    article is about (Japan's crimes, the G7's campaigns, the US's "piracy"), or a military act
    told of others' forces alone in every sentence that names it, or any other act of theirs
    (abroad_story). The state's own meetings, messages and statements abroad, an incursion
    into it, a disaster and the shelling across the sea border keep their place."""
    voice = state_voice(article.outlet)
    if voice is None:
        return False
    if c.event_type not in PLACED_AS_TOLD:
        abroad = incident.location.country and incident.location.country != voice["country"]
        lent = any(m.location and m.location.country not in (None, voice["country"]) for m in c.mentions)
        if abroad or (lent and _placed_by_article_only(c, True)):
            return True
    if c.event_type == "incursion":  # "a special operation drill aimed at the infiltration into the rear"
        return all(_rehearsed(m.trigger) and foreign_only(m.sent) for m in c.mentions)
    if c.event_type in PLACED_AS_TOLD:
        return False
    return all(foreign_only(m.sent) or owned_abroad(m.trigger) for m in c.mentions) or abroad_story(c, article)


def abroad_story(c: Cluster, article: Article) -> bool:
    """A state outlet's crime, arrest, punishment or attack told in sentences that name no
    North Korean party, each naming a foreign one or in a report that never names the North:
    the ROK's prosecutors, a rally in Seoul, a killing in Japan's old people's homes are
    grievances of its commentaries, not acts in the North. The North's own military acts
    (often told with no party) are judged by their subjects alone."""
    voice = state_voice(article.outlet)
    if c.event_type in OWN_MILITARY or voice is None:
        return False
    never_named = OWN.search(article.text) is None and FOREIGN.search(article.text) is not None
    # "arrested spies of the ROK puppets in Kaesong": placed at home by its own clause, the North's act
    return all(not OWN.search(m.sent.text) and (never_named or FOREIGN.search(m.sent.text))
               and not (m.rules.get("place") == "place.clause" and m.location and m.location.country == voice["country"])
               for m in c.mentions)


def _rehearsed(trigger: Token) -> bool:
    """The act is what a drill rehearses or answers, not one done."""
    return any(a.lemma_.lower() in DRILLS for a in trigger.ancestors)


def _speaker(trigger: Token) -> Token | None:
    """The subject of the nearest verb above the trigger that has one ("Many students vowed",
    "Speakers denounced the group for its drone infiltration")."""
    t = trigger
    for _ in range(8):
        subjects = [c for c in t.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        if t.head == t:
            return None
        t = t.head
    return None


def other_voice(c: Cluster, article: Article) -> bool:
    """A state outlet's statement or incursion told only in the words of others: the masses,
    a rally in the South, Koreans abroad, or the forces it denounces. A "he declared" in a
    leader's speech is the speech's, recorded as the visit or meeting it was made at."""
    if state_voice(article.outlet) is None or c.event_type not in SPOKEN:
        return False
    speakers = [(m.trigger, _speaker(m.trigger)) for m in c.mentions]
    return all(s is not None and (_other(s, c.event_type) or _in_a_speech(t, s, c.event_type)) for t, s in speakers)


def _in_a_speech(trigger: Token, speaker: Token, event_type: str) -> bool:
    """"He solemnly declared that ...": a statement verb whose speaker is only a pronoun."""
    return event_type == "statement" and trigger.pos_ == "VERB" and speaker.pos_ == "PRON" and speaker.head == trigger


def _other(subject: Token, event_type: str) -> bool:
    """The subject, with all its words ("the vice-chairman of the association of Koreans in ..."),
    names another voice and no organ of the state ("the chief of the Public Information Office
    of the Ministry ..."). An incursion's perpetrator is foreign by nature: only the masses,
    rallies and Koreans abroad make it another voice's."""
    doc = subject.doc
    whole = STATE_NAMES.sub("", doc[subject.left_edge.i:subject.right_edge.i + 1].text)
    if STATE_ORGANS.search(whole):
        return False
    return bool(OTHER_VOICES.search(whole) or (event_type == "statement" and FOREIGN.search(whole)))


def recalled(c: Cluster, article: Article) -> bool:
    """A state outlet's act with no date of its own in an article whose every year is more than
    a year before it: a history ("the murder of the Empress in 1895") whose undated acts are
    that past's, not the report's news. A meeting or a message marking an anniversary is the
    state's act of the day (CURRENT)."""
    if state_voice(article.outlet) is None or article.published is None or c.event_type in CURRENT:
        return False
    if any(m.time is not None and not m.time_inherited for m in c.mentions):
        return False
    years = [int(y) for y in YEAR.findall(article.text)]
    return bool(years) and max(years) < article.published.year - 1


def at_the_un(c: Cluster, incident: Incident, article: Article) -> Incident:
    """A state outlet's statement or meeting of its mission at the UN happened in New York, not at
    home: the record put in the state's country for want of a place moves to the US."""
    voice = state_voice(article.outlet)
    if voice is None or c.event_type not in CURRENT or incident.location.country != voice["country"]:
        return incident
    if not all(UN_MISSION.search(m.sent.text) and m.location is None for m in c.mentions):
        return incident
    moved = replace(incident, location=Location(location_name="New York", country="US", geo_precision=3))
    moved.summary = summary(moved)
    return moved
