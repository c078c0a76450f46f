"""Modality rules for background the news genre tells beside its news: an act the outlet
or another recalls from an earlier report ("as previously reported by Daily NK, at the
beginning of this year guards arrested ...", "RFA earlier reported that five children
died"), another body's statistics ("The central bank announced that the North's growth
rate was -3.5% in 2017"), a habit told by how often it happens ("in many cases,
residents are forced to pull the ploughs", "as it does periodically"), what a measure is
aimed at ("aimed at curbing inflation and clamping down on markets") and a standing
condition named as a cause or an effect ("has led to food shortages"). The cue words are
data (data/genericity.toml).

Registered in modality.RULES (imported by modality.py), with the habit rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .classes import DIGIT, _present
from .clause import _own_subtree
from .genericity import PRESENT, _infinitive, _up_to_clause, cues
from .modality import NO_ACT, Rule, Verdict, lexicon
from .rhetoric import DAY_WORDS, register

# a joined verb with one of these has a clause of its own: "..., and this week guards executed"
OWN_SUBJECT = ("nsubj", "nsubjpass", "expl")


def _same_day(word: Token) -> bool:
    """"earlier on Sunday", "earlier today", "earlier in the day": a day of this story's news
    cycle told on the word (a weekday, "today", "yesterday", "the day")."""
    days = [c for c in word.children if c.dep_ == "npadvmod"]
    days += [o for p in word.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(d.lower_ in DAY_WORDS and d.lower_.endswith("day") for d in days)


def _looks_back(verb: Token) -> bool:
    """"previously reported", "reported earlier", "earlier reported": an earlier report
    recalled ("reported on Monday" and wire copy's "reported earlier on Sunday", "earlier
    today" are this story's source)."""
    c = cues()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in c["look_back_verbs"]:
        return False
    adverbs = [d for d in verb.children if d.dep_ == "advmod" and d.lower_ in c["look_back_adverbs"]]
    return bool(adverbs) and not any(_same_day(w) for w in (verb, *adverbs))


def _earlier_report(prep: Token) -> bool:
    """"in an earlier report", "in a previous article"."""
    c = cues()
    return prep.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in c["report_nouns"]
        and any(a.dep_ == "amod" and a.lower_ in c["look_back_adjectives"] for a in o.children)
        for o in prep.children
    )


def _year(token: Token) -> bool:
    """A year written out ("2014"), alone or after its month ("March 2014")."""
    return any(t.like_num and len(t.text) == 4 and t.text.isdigit() for t in (token, *token.children))


def _dated_before(verb: Token) -> bool:
    """"state media reported in 2014 that ...", "Last year, it said ...", "said two years
    ago": a report dated to an earlier year (a day, "on Monday", is this story's news)."""
    c = cues()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in c["dated_report_verbs"]:
        return False
    for d in verb.children:
        if d.dep_ == "npadvmod" and d.lemma_.lower() == "year" and any(a.lower_ == "last" for a in d.children):
            return True
        if d.dep_ == "advmod" and d.lower_ == "ago" and any(n.lemma_.lower() == "year" for n in d.children):
            return True
        if d.dep_ == "prep" and d.lower_ == "in" and any(o.dep_ == "pobj" and _year(o) for o in d.children):
            return True
    return False


def _scope(verb: Token) -> set[int]:
    """The words a clause's verb governs, less the clauses joined to it with a subject of
    their own ("... reported that X, and now Y" recalls X only)."""
    out = {t.i for t in verb.subtree}
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(s.dep_ in OWN_SUBJECT for s in c.children):
            out -= {t.i for t in c.subtree}
    return out


def look_back(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"As previously reported by Daily NK, guards arrested ...", "RFA earlier reported that
    five children died", "In an earlier report, the source said ...", "state media reported
    in 2014 that ...", "Last year, it said ...": an act recalled from an earlier report is
    that report's news, not this one's."""
    for t in sent:
        if _looks_back(t):
            # "As previously reported, ...": the clause the "as" clause hangs on is recalled
            as_clause = t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in t.children)
            scope = _scope(t.head if as_clause else t)
        elif _earlier_report(t):
            scope = _scope(t.head)
        elif _dated_before(t):
            scope = _scope(t)
        else:
            continue
        if trigger.i in scope:
            return Verdict(NO_ACT, "modality.genre.look_back")
    return None


def _figure(clause: Token) -> bool:
    """A clause that states a figure: "the growth rate was -3.5%", "exports fell 20 percent"."""
    c = cues()
    subjects = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
    if not any(s.lemma_.lower() in c["statistic_nouns"] for s in subjects):
        return False
    return any(t.like_num or t.text in ("%", "percent") for t in clause.subtree if t not in subjects)


def statistic_release(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The central bank announced that the North's growth rate was -3.5% in 2017",
    "the agency released figures showing ...": a body's statistics are no statement and no act."""
    c = cues()
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in c["release_verbs"]:
        return None
    for d in trigger.children:
        if d.dep_ == "ccomp" and _figure(d):
            return Verdict(NO_ACT, "modality.genre.statistic_release")
        if d.dep_ == "dobj" and d.lemma_.lower() in c["statistic_nouns"] and d.tag_ == "NNS":
            return Verdict(NO_ACT, "modality.genre.statistic_release")
    return None


def _frequency_phrase(verb: Token) -> bool:
    """"in many cases", "in extreme cases", "at times", "on occasion": how often, said of a
    verb ("at the time" is when)."""
    c = cues()
    for p in verb.children:
        for o in (o for o in p.children if p.dep_ == "prep" and o.dep_ == "pobj"):
            quantified = any(a.lower_ in c["frequency_quantifiers"] for a in o.children)
            if (p.lower_ == "in" and o.lower_ in c["frequency_nouns"] and quantified) or (
                p.lower_ == "at" and o.lower_ == "times") or (p.lower_ == "on" and o.lower_ in ("occasion", "occasions")):
                return True
    return False


def how_often(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"In many cases, residents use cows to pull the ploughs, and in extreme cases people
    are forced to pull them", "when the price of corn drops, as it does periodically": a
    present clause told with how often it happens is a habit ("in some cases guards fired",
    in the past, and "have crossed the line on several occasions", the perfect, tell acts)."""
    clause = list(_up_to_clause(trigger))[-1]
    verbs = [clause]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.pos_ in ("VERB", "AUX"):
        verbs.append(verbs[-1].head)  # "... use cows, and in extreme cases are forced": the first verb's too
    if _present(clause) and any(_frequency_phrase(v) for v in verbs):
        return Verdict(NO_ACT, "modality.genre.how_often")
    chain = [t.tag_ for t in trigger.ancestors] + [trigger.tag_]
    if _as_it_does(sent) and any(t in PRESENT for t in chain) and "VBD" not in chain:
        return Verdict(NO_ACT, "modality.genre.how_often")
    return None


def _as_it_does(sent: Span) -> bool:
    """"as it does periodically", "as they often do": the sentence's change recurs (the
    parser hangs the adverb anywhere, so the words are read)."""
    recurring = cues()["recurring"] | lexicon().habitual
    words = [t.lower_ for t in sent]
    for i, w in enumerate(words[:-2]):
        if w == "as" and words[i + 1] in ("it", "they", "this", "that"):
            near = words[i + 2:i + 5]
            if any(d in near for d in ("does", "do")) and any(r in near for r in recurring):
                return True
    return False


def _aimed(verb: Token) -> bool:
    """"aimed", "designed", "intended": a measure's purpose, in the participle ("North Korea
    intends to close the border" is a plan, modality.planned)."""
    return verb.tag_ == "VBN" and verb.lemma_.lower() in cues()["aim_verbs"]


def aim(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"the move was aimed at curbing inflation and clamping down on markets", "a measure
    aimed to get foreign troops withdrawn", "in a bid to mobilize students to combat the
    drought": what a measure is for is not done by it (the measure itself is told). Only a
    verb is read: a drought or a flood the measure is to fight is there all the same."""
    c = cues()
    if trigger.pos_ != "VERB":
        return None
    for t in _up_to_clause(trigger):
        head = t.head
        if t.dep_ in ("pcomp", "pobj") and head.lower_ == "at" and _aimed(head.head):
            return Verdict(NO_ACT, "modality.genre.aim")
        if t.pos_ == "VERB" and _infinitive(t) and (
            (t.dep_ in ("xcomp", "advcl") and _aimed(head))
            or (t.dep_ == "acl" and head.lemma_.lower() in c["aim_nouns"])
        ):
            return Verdict(NO_ACT, "modality.genre.aim")
    return None


def condition(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"has led to food shortages", "to cope with a worsening food shortage", "despair
    deepened by the food shortage", "the shortages have been exacerbated by ...", "there is a
    food shortage": a standing condition named as a cause, an effect or a setting, or said to
    be there now, is background, not an event ("food shortages hit the county in May", the
    condition's own clause, and "there were shortages in May" stay)."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in cues()["standing_conditions"]:
        return None
    n = trigger
    while n.dep_ in ("compound", "conj") and n.head.pos_ == "NOUN":
        n = n.head  # "food and fuel shortages"
    if n.dep_ in ("pobj", "dobj", "nsubjpass"):
        return Verdict(NO_ACT, "modality.genre.condition")
    be = n.head
    if n.dep_ == "attr" and be.lemma_ == "be" and be.tag_ in PRESENT and any(c.dep_ == "expl" for c in be.children):
        return Verdict(NO_ACT, "modality.genre.condition")  # "there is a food shortage": the state of things
    return None


def earlier_act(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"30 North Koreans previously caught escaping the country have been detained", "a
    broker who formerly smuggled phones": an act told as someone's past, before the
    news (the clause's own act, "have been detained", stays)."""
    past = cues()["past_adverbs"]
    for t in _up_to_clause(trigger):
        if any(c.dep_ == "advmod" and c.lower_ in past for c in t.children):
            return Verdict(NO_ACT, "modality.genre.earlier_act")
    return None


def _of_frontier(noun: Token) -> bool:
    """"the border closure", "the Sino-North Korean border closure", "the closure of the border"."""
    frontiers = cues()["closed_frontiers"]
    for c in noun.children:
        if c.dep_ in ("compound", "nmod") and (c.lower_ in frontiers or _of_frontier(c)):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.lower_ in frontiers for o in c.children):
            return True
    return False


def _closure_setting(noun: Token) -> Token | None:
    """The verb that names the closure as a cause or a state kept: its subject or object
    ("the border closure has led to", "bypassing the border closure"), or its agent ("idled for
    lack of materials brought on by sanctions and the closure of the border")."""
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ in ("nsubj", "dobj"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        return noun.head.head
    return None


def standing_closure(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"the border closure has led to a shortage of seasonings", "smugglers bypassing the border
    closure", "have strongly enforced the closure of the border", "brought on by the closure of
    the border": the border's closing named as a cause or as a state kept, the setting of the
    genre's reports since 2020, is background, not the story's act ("announced the closure of
    the border", "a border closure", "the border closure on Jan. 22", "closed the border" and
    the lead's closure stay)."""
    c = cues()
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in c["closure_nouns"] or not _of_frontier(trigger):
        return None
    if sent.start == 0 or not any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an") for d in trigger.children):
        return None  # the lead tells the news; "a border closure" is a new one
    if any(t.lower_ in DAY_WORDS or DIGIT.search(t.text) for t in trigger.subtree):
        return None  # dated: the closure is this story's news
    verb = _closure_setting(trigger)
    if verb is not None and verb.lemma_.lower() in c["closure_settings"]:
        return Verdict(NO_ACT, "modality.genre.standing_closure")
    return None


# a decade as the text writes it: "the 1990s", "the mid-1990s" ("their 90s" is an age)
DECADE = re.compile(r"^(?:(?:early|mid|late)-)?(?:1[89]\d0s|20[0-2]0s)$", re.IGNORECASE)


def decade(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The distribution system collapsed during the famine years of the late 1990s", "soldiers
    who deserted in the 1990s": an act told in a decade is history, not news (a chronology
    dates its acts by their year; "defectors who fled in the 1990s were arrested on Monday"
    keeps the arrest, whose clause names no decade)."""
    clause = list(_up_to_clause(trigger))[-1]
    if any(DECADE.match(t.text) for t in _own_subtree(clause)):
        return Verdict(NO_ACT, "modality.genre.decade")
    return None


def cases_of(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"There have been some cases of defectors attempting suicide after being arrested",
    "there are cases where guards shot smugglers": acts told as a kind that has happened,
    none of them ("there were two cases of guards shooting smugglers in May" counts and
    dates them, and a disease's cases are its outbreak, which no verb tells)."""
    if trigger.pos_ != "VERB":
        return None
    for be in trigger.ancestors:
        if be.lemma_ != "be" or not any(c.dep_ == "expl" for c in be.children):
            continue
        # the parser may hang the rest of the clause on "been": "... when faced repatriation after being arrested"
        cases = [c for c in be.children if c.dep_ in ("attr", "nsubj") and c.lower_ in cues()["frequency_nouns"]]
        if cases and not any(c.dep_ == "nummod" for n in cases for c in n.children) and not any(t.lower_ in DAY_WORDS for t in sent):
            return Verdict(NO_ACT, "modality.genre.cases_of")
    return None


BACKGROUND_RULES: list[tuple[str, Rule]] = [
    ("modality.genre.look_back", look_back),
    ("modality.genre.earlier_act", earlier_act),
    ("modality.genre.statistic_release", statistic_release),
    ("modality.genre.how_often", how_often),
    ("modality.genre.cases_of", cases_of),
    ("modality.genre.aim", aim),
    ("modality.genre.condition", condition),
    ("modality.genre.standing_closure", standing_closure),
]

register(BACKGROUND_RULES, before="modality.hypothetical")
