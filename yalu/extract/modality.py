"""Modality: is the act reported as done, alleged, planned, denied, ongoing, or only imagined?

Named rules (`modality.<name>`), tried in the order of `RULES`: the first that
decides gives the verdict, and its id goes into the incident's evidence. The word
lists are data (data/modality.toml).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from .. import resources


@dataclass(frozen=True)
class Lexicon:
    """The word lists of data/modality.toml, one frozenset each."""

    words: dict[str, frozenset[str]]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.words[name]
        except KeyError:
            raise AttributeError(name) from None


@cache
def lexicon() -> Lexicon:
    words = {k: frozenset(v) for k, v in resources.load("modality.toml").items()}
    words["reporting_verbs"] = frozenset(resources.load("reporting.toml")["reporting"]["verbs"])
    return Lexicon(words)


@dataclass(frozen=True)
class Verdict:
    """A mention's modality (None: the clause reports no act) and the rule that decided it."""

    modality: str | None
    rule: str


def _ancestors_and_self(token: Token):
    yield token
    yield from token.ancestors


def negated(trigger: Token) -> bool:
    """"did not defect", "no defections", "never crossed", "no shots were fired",
    "nobody deserted"; not the negation of an outer clause ("did not say why ... deserted")."""
    lex = lexicon()
    for child in trigger.children:
        if child.dep_ in ("nsubjpass", "dobj", "nsubj"):
            if child.lower_ in lex.negative_subjects or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return True
    for t in _ancestors_and_self(trigger):
        if t != trigger and t.pos_ in ("VERB", "AUX"):
            break  # negation of an outer clause does not reach in
        for child in t.children:
            if child.dep_ == "neg" or (child.lower_ in ("no", "never") and child.dep_ in ("det", "advmod", "neg")
                                         and not (child.text == "No" and child.doc[child.i + 1:child.i + 2].text.isdigit())):  # camp No 15
                return True
    return False


def _duty(trigger: Token) -> bool:
    """The act is what someone is charged with doing, not something done: "the unit is
    tasked with sealing the border", "agents responsible for catching defectors"."""
    duties = lexicon().duty_heads
    for t in _ancestors_and_self(trigger):
        if t != trigger and t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return False  # a clause of its own above: its act is told, not assigned
        holder = t.head.head
        if t.dep_ in ("pcomp", "pobj") and t.head.lower_ in ("with", "for", "of") and {holder.lemma_.lower(), holder.lower_} & duties:
            return True
    return False


def question(sent: Span) -> bool:
    # an interview's question set off by dashes ("-Is it true that people have starved?-")
    return sent.text.rstrip().rstrip("”\"'’)-–—").endswith("?")


def _attempted_launch(trigger: Token, lex: Lexicon) -> bool:
    """"an attempt to launch a missile": the failed launch was made, as "attempted to launch" is."""
    return (trigger.dep_ == "acl" and trigger.head.lemma_.lower() in lex.attempt_heads
            and trigger.lemma_.lower() in lex.attempted_launches)


def not_an_act(trigger: Token) -> str | None:
    """The id of the rule by which the clause names an act without reporting it, or None:
    a purpose ("stationed along the river to seal the border"), an open question
    ("looking into how the boat crossed"), what was searched for ("looking for foreign
    currency and phones"), such acts in general ("denounced such exercises")."""
    lex = lexicon()
    to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children)
    if to and (trigger.dep_ in ("advcl", "acl", "relcl") or (trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in lex.purpose_heads)) \
            and not _attempted_launch(trigger, lex):
        return "modality.no_act.purpose"
    if any(c.dep_ == "dobj" and any(g.lower_ == "such" for g in c.children) for c in trigger.children):
        return "modality.no_act.such_acts"  # "has denounced such exercises": a stance on a kind of act
    if any(c.dep_ == "advmod" and c.lower_ in ("how", "why", "whether") for c in trigger.children):
        return "modality.no_act.open_question"
    if _duty(trigger):
        return "modality.no_act.duty"  # "tasked with sealing the border, including cracking down on smuggling"
    if (trigger.dep_ == "pobj" and trigger.head.lower_ in ("despite", "under", "against")
            and not (trigger.head.lower_ == "under" and trigger.lemma_.lower() in lex.held_under)):
        return "modality.no_act.setting"  # "despite a U.N. ban": the setting, not the act
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("to", "for") and trigger.head.head.lemma_.lower() in lex.provocations_answered:
        return "modality.no_act.cause_named"  # "in response to the joint exercises": named, not reported
    if trigger.dep_ == "pcomp" and trigger.head.lower_ in ("with", "of") and trigger.head.head.lemma_.lower() in lex.warned_of:
        return "modality.no_act.threatened"  # "threatened with being sent to a camp", "warned of being punished"
    if _failed(trigger, lex):
        return "modality.no_act.failed"  # "failed to catch the escapees", "tried to catch them, but failed"
    if trigger.dep_ == "relcl" and trigger.head.dep_ in ("nsubjpass", "dobj") and any(c.lower_ == "had" for c in trigger.children):
        return "modality.no_act.past_of_person"  # "a man who had crossed into China was arrested"
    head = trigger.head if trigger.dep_ != "conj" else trigger.head.head
    if head.dep_ == "prep" and head.lower_ == "from" and head.head.lemma_.lower() in lex.bans:
        return "modality.no_act.banned_act"  # "bans individuals from selling currency"
    root = trigger.sent.root
    if root.tag_ in ("VBZ", "VBP") and any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.law_words for c in root.children):
        return "modality.no_act.law_says"  # "the law prescribes death for distributing ..."
    if trigger.pos_ in ("NOUN", "PROPN"):  # a capitalised act noun ("Smuggling", "COVID-19") is tagged PROPN
        return _noun_not_an_act(trigger)
    return None


def _failed(trigger: Token, lex: Lexicon) -> bool:
    """A catch or a sanction that failed was not made: "failed to catch the escapees", "tried
    to catch them, but failed", "tried in vain to arrest him" (an attempt at a crossing or a
    launch that failed is still an attempt: `unmade_when_failed` lists the acts it is not)."""
    if trigger.lemma_.lower() not in lex.unmade_when_failed or trigger.dep_ != "xcomp":
        return False
    head = trigger.head
    if head.lemma_.lower() == "fail":
        return True
    if head.lemma_.lower() not in ("try", "attempt"):
        return False
    failed = [t for t in trigger.sent if t.lemma_.lower() == "fail" and t.pos_ == "VERB" and not any(
        c.dep_ == "xcomp" for c in t.children)]  # a bare "but failed", not another act's "failed to report"
    return bool(failed) or "in vain" in head.sent.text.lower()


def _noun_not_an_act(trigger: Token) -> str | None:
    """not_an_act for an act named by a noun."""
    lex = lexicon()
    head = trigger.head
    if head.dep_ == "prep" and head.lower_ == "for" and head.head.lemma_.lower() in lex.search_verbs:
        return "modality.no_act.searched_for"
    if head.dep_ == "prep" and head.lower_ in ("on", "against") and head.head.lemma_.lower() in lex.campaigns:
        return "modality.no_act.campaign_target"  # "a crackdown on smuggling": a campaign's target
    if trigger.dep_ in ("dobj", "conj") and head.lemma_.lower() in lex.search_verbs:
        return "modality.no_act.searched_for"
    if trigger.dep_ == "conj":
        inherited = not_an_act(trigger.head)
        if inherited:
            return inherited
    if any(c.lower_ == "such" for c in trigger.children):
        return "modality.no_act.such_acts"
    left = lex.aftermath_heads | (lex.disaster_aftermath_heads if trigger.lemma_.lower() in lex.disasters else frozenset())
    if trigger.dep_ in ("nmod", "compound", "amod") and head.lemma_.lower() in lex.means_heads | left:
        return "modality.no_act.means_or_aftermath"
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in left:
        return "modality.no_act.means_or_aftermath"  # "the victims of the flood"
    threatened = _threatened_or_cause(trigger)
    if threatened:
        return threatened
    if trigger.dep_ == "dobj" and head.lemma_.lower() in lex.learning | lex.warded_off:
        return "modality.no_act.learned_or_warded_off"
    if trigger.dep_ == "dobj" and head.lemma_.lower() in lex.claims and head.dep_ == "advcl" and head.tag_ == "VBG":
        return "modality.no_act.pretext"  # "Claiming a violation of its airspace, North Korea attacked ..."
    return None


def _threatened_or_cause(trigger: Token) -> str | None:
    """A sanction hanging over people ("smugglers face harsh punishment", "out of fear of
    punishment", "risk severe punishment, including execution") or an act named as the
    cause of the news ("due to the border closure", "because of a coronavirus outbreak",
    "in the wake of the launches")."""
    lex = lexicon()
    n = trigger
    while n.dep_ in ("compound", "conj") and n.head.pos_ in ("NOUN", "PROPN"):
        n = n.head  # "a coronavirus outbreak", "due to COVID-19 controls and lockdowns"
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in lex.disease_frames:
        n = n.head.head  # "since the outbreak of COVID-19": the outbreak's frame
    head = n.head
    if n.dep_ == "pobj" and head.lower_ in ("including", "like"):
        listed = _listing_noun(head)
        if listed is not None and listed != n:
            n, head = listed, listed.head  # "punishment, including execution": the including noun's frame
    if n.dep_ == "dobj" and head.lemma_.lower() in lex.threatened_with and _bare_or_adjectival(n):
        return "modality.no_act.threatened"  # "smugglers face harsh punishment": a threat, not a sentence passed
    if n.dep_ == "pobj" and head.lower_ in ("of", "with") and head.head.lemma_.lower() in lex.warned_of and _bare_or_adjectival(n):
        return "modality.no_act.threatened"  # "warns of stronger punishments", "threatening residents with punishment"
    if n.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.threat_nouns:
        return "modality.no_act.threatened"  # "out of fear of punishment", "the risk of arrest"
    if n.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in lex.exposed_to and not _past(head.head):
        # "were subjected to a public trial" tells the trial held, "subject to punishment" a threat
        return "modality.no_act.threatened"  # "exposing the soldiers to attacks", "subject to punishment"
    if _sanction_called_for(trigger):
        return "modality.no_act.sanction_called_for"
    # "following" is also parsed as a participle with the act its object
    if (n.dep_ == "pobj" or (n.dep_ == "dobj" and head.lower_ == "following")) and _cause_preposition(head) and not _anaphor(n):
        return "modality.no_act.cause_named"  # "due to North Korea's border closure", "in the wake of the launches by"
    if n.dep_ == "pobj" and n.pos_ == "NOUN" and head.lower_ in lex.reference_heads and not _anaphor(n):
        return "modality.no_act.reference"  # "levels not seen since a COVID-19 lockdown in June 2021"
    return None


def _sanction_called_for(noun: Token) -> bool:
    """"threatening residents who hid visitors with strict punishment", "warned that they will
    step up crackdowns and punishment", "an order calling for harsh punishments": a bare
    sanction noun with no "of" of its own, under a threat, warning, order or call in its
    sentence (the parser hangs the "with" or "for" on a relative clause or an unrealised "step
    up", so the heads are read up to the noun's own predicate, and no further: "residents were
    ordered to attend public executions" are executions held)."""
    lex = lexicon()
    if noun.lower_ not in lex.sanction_nouns or not _bare_or_adjectival(noun):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return False  # "ordered the public execution of the two smugglers": its people named
    for a in noun.ancestors:
        if a.lemma_.lower() in lex.sanction_callers:
            return True
        if a.pos_ in ("VERB", "AUX") and not _relative(a) and not _unrealised_imposing(a):
            return False  # "attend public executions", "executions were carried out": its own verb
    return False


def _relative(verb: Token) -> bool:
    """A relative clause's verb, or one joined to it ("residents who have accepted or hidden
    visitors")."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "relcl"


def _unrealised_imposing(verb: Token) -> bool:
    """"will step up ... punishment", "threatened to mete out penalties": a verb of imposing not
    yet done, read through to the threat or warning above it."""
    if verb.lemma_.lower() not in lexicon().sanction_imposers:
        return False
    return verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "to", "shall") for c in verb.children)


def _listing_noun(including: Token) -> Token | None:
    """The noun an "including" list belongs to: its head, or, where the parser hung the list
    elsewhere, the noun right before it ("could face punishment, including execution")."""
    if including.head.pos_ == "NOUN":
        return including.head
    before = including.nbor(-1) if including.i > including.sent.start else None
    if before is not None and before.is_punct and before.i > including.sent.start:
        before = before.nbor(-1)
    return before if before is not None and before.pos_ == "NOUN" else None


def _anaphor(noun: Token) -> bool:
    """"the ban", "this lockdown": a bare definite noun points back to the article's own
    act ("Because of the ban, prices doubled"), which the clause then does report."""
    children = list(noun.children)
    return bool(children) and all(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in children)


def _bare_or_adjectival(noun: Token) -> bool:
    """"harsh punishment", "punishment", not "the punishment" or "his execution"."""
    return not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)


def _cause_preposition(prep: Token) -> bool:
    """"due to", "because of", "owing to", "in the wake of", "amid": a preposition that
    names a cause or a setting."""
    causes = lexicon().cause_heads
    if prep.lower_ in causes:
        return True  # "amid the lockdown"
    if prep.lower_ in ("to", "of") and prep.head.lower_ in causes:
        return True  # "due to", "because of", "owing to", "in the wake of" (wake <- of)
    return False


# determiners that leave a noun generic: "both defections and crimes", "all smuggling"
GENERIC_DETERMINERS = {"both", "all", "any", "such", "more", "most", "many", "much", "further", "every"}


def _bare(noun: Token) -> bool:
    """No article, number or possessive: "defections", not "the defection" or "two defections"."""
    return not any(
        c.dep_ in ("det", "nummod", "poss") and c.lower_ not in GENERIC_DETERMINERS for c in noun.children
    )


def _phrase_head(trigger: Token) -> tuple[Token, str | None]:
    """The noun phrase a trigger noun stands in, climbing coordination, compounds and
    containers ("defection attempts", "the number of arrests"), and the container's lemma."""
    lex = lexicon()
    n, container = trigger, None
    while True:
        if n.dep_ in ("conj", "compound", "appos") and n.head.pos_ in ("NOUN", "PROPN"):
            if n.dep_ == "compound" and n.head.lemma_.lower() in lex.containers | lex.trend_containers:
                container = n.head.lemma_.lower()
            n = n.head
        elif n.dep_ == "pobj" and n.head.lower_ in ("of", "at") and n.head.head.lemma_.lower() in lex.containers | lex.trend_containers:
            container = n.head.head.lemma_.lower()
            n = n.head.head
        elif n.dep_ == "pobj" and n.head.lower_ == "in" and n.head.head.lemma_.lower() in lex.trend_nouns:
            container = "number"  # "a rise in arrests", "a surge in defections": a trend
            n = n.head.head
        else:
            return n, container


def generic_mention(trigger: Token) -> str | None:
    """The id of the rule by which a trigger noun names a class of acts and reports none,
    or None: acts kept off ("to stop defections", "make smuggling more difficult"), a
    trend ("the number of arrests has increased", "smuggling continues"), a description
    ("the site of frequent defections", "rampant smuggling"), what a rule says
    ("resolutions that ban launches", "an agreement on repatriation")."""
    lex = lexicon()
    if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.lemma_.lower() in lex.trend_containers:
        return "modality.generic.trend"  # "the number of North Koreans fleeing to the South"
    counted = trigger.head
    if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and counted.dep_ == "pobj" and counted.head.lower_ == "of" and (
        counted.head.head.lemma_.lower() in lex.trend_containers
    ):
        return "modality.generic.trend"  # "reduce the number of people crossing the border"
    if trigger.dep_ == "csubj" and trigger.tag_ == "VBG" and _described_as(trigger.head):
        return "modality.generic.described"  # "Smuggling over the border had become more difficult"
    if trigger.dep_ == "csubj" and trigger.tag_ == "VBG" and trigger.head.lemma_.lower() in lex.trend_verbs:
        return "modality.generic.trend"  # "Smuggling across the border has almost ceased"
    if trigger.tag_ == "VBG" and trigger.dep_ in ("xcomp", "dobj") and trigger.head.lemma_.lower() in lex.prevention and not any(
        c.dep_ == "dobj" for c in trigger.children
    ):
        return "modality.generic.prevented"  # "an attempt to stop smuggling": a bare gerund's class kept off
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    n, container = _phrase_head(trigger)
    head = n.head
    if _in_a_series(n, lex):
        return "modality.generic.series"
    if n.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.prevention and _bare(n):
        return "modality.generic.prevented"
    if n.dep_ == "pobj" and head.lower_ == "of" and _spread_kept_off(head.head):
        return "modality.generic.prevented"
    if n.dep_ == "dobj" and head.lemma_.lower() == "make" and any(c.lower_ in lex.hindered for c in head.subtree):
        return "modality.generic.prevented"
    if n.dep_ == "nsubj" and head.lower_ in lex.hindered and head.head.lemma_.lower() == "make":
        return "modality.generic.prevented"  # "will make defections more difficult" (a small clause)
    if n.dep_ == "nsubj" and _bare(n) and _described_as(head):
        return "modality.generic.described"  # "defection is rare", "smuggling has become difficult"
    if container and any(c.lower_ in ("no", "zero") for c in n.children):
        return "modality.generic.none_counted"  # "zero cases of the coronavirus", "no instances of defection"
    if container in lex.trend_containers:
        return "modality.generic.trend"
    # "with defection attempts continuing through ...": the trend told by a participle on the noun
    trending = head.lemma_.lower() in lex.trend_verbs if n.dep_ == "nsubj" else any(
        c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in lex.trend_verbs for c in n.children)
    if trending and _bare(n) and trigger.lemma_.lower() not in lex.disasters:
        return "modality.generic.trend"
    if any(c.dep_ == "amod" and c.lower_ in lex.generic_adjectives for c in (*trigger.children, *n.children)):
        return "modality.generic.described"
    if n.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.described_places:
        return "modality.generic.described"
    if n.dep_ == "dobj" and head.lemma_.lower() in lex.intensifiers and _bare(n) and n.tag_ == "NNS" and n.lemma_.lower() not in lex.enforcement:
        return "modality.generic.trend"  # "intensifying punishments of human trafficking": a policy, no one act
    return "modality.generic.rule_content" if _rule_content(n) else None


def _in_a_series(n: Token, lex: Lexicon) -> bool:
    """"The launch, the latest in a series of weapons tests this year": the run of earlier
    acts the news is set in, none of them told."""
    series = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" else None
    return (series is not None and series.lemma_.lower() in lex.series_heads and series.dep_ == "pobj"
            and series.head.lower_ == "in" and series.head.head.lemma_.lower() in lex.series_places)


def _rule_content(n: Token) -> bool:
    """What a rule says: "resolutions that ban launches", "ban it from carrying out
    launches", "an agreement on repatriation"."""
    lex = lexicon()
    head = n.head
    if n.dep_ == "dobj" and head.lemma_.lower() in lex.rule_verbs:
        return True
    verb = head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    if n.dep_ == "dobj" and verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lemma_.lower() in lex.rule_verbs:
        return True
    return n.dep_ == "pobj" and head.lower_ in ("on", "against") and head.head.lemma_.lower() in lex.rule_nouns


def _spread_kept_off(spread: Token) -> bool:
    """A spread or flow kept off or feared: "to prevent the spread of COVID-19", "stop the
    flow of defectors", "fears over the spread of COVID-19" (none of it told)."""
    lex = lexicon()
    if spread.lemma_.lower() not in lex.spread_heads:
        return False
    if spread.dep_ in ("dobj", "nsubjpass") and spread.head.lemma_.lower() in lex.prevention:
        return True
    return spread.dep_ == "pobj" and spread.head.head.lemma_.lower() in lex.threat_nouns


def _described_as(verb: Token) -> bool:
    """A copula with an adjective that sizes up a class of acts: "has become more
    difficult", "is rare", "remains common"."""
    lex = lexicon()
    return verb.lemma_.lower() in lex.copulas and any(
        c.dep_ == "acomp" and c.lower_ in lex.hindered | lex.generic_adjectives for c in verb.children)


def _habitual(trigger: Token) -> bool:
    """Simple present reports a habit or a general truth ("China regards those who
    cross its border as migrants", "partners reach us over smuggled phones"), not an act.
    Headlines are in the present too, but they are the title, not incident text."""
    lex = lexicon()
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    subject = trigger
    while subject.dep_ == "conj" and subject.head.pos_ == "NOUN":
        subject = subject.head  # "missile launches and nuclear tests stoke fears": the pair is the subject
    if trigger.pos_ == "NOUN" and subject.dep_ in ("nsubj", "nsubjpass") and trigger.tag_ == "NNS" and not any(
        c.dep_ in ("det", "nummod", "poss") or c.lower_ in lex.counted for n in {trigger, subject} for c in n.children
    ) and not _past(subject.head):
        return True  # "Defections have become rare": a class of acts, not one ("Floods killed 40" is one)
    governing = verb if verb.pos_ in ("VERB", "AUX") else next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb)
    first = governing
    while first.dep_ == "conj" and first.head != first and first.head.pos_ in ("VERB", "AUX"):
        first = first.head  # "generally take part in a trial and are sent to camps": the adverb spans the pair
    if any(c.lower_ in lex.habitual for c in (*verb.children, *governing.children, *first.children)):
        return True  # "are frequently crossing", "usually demand", "generally take part in a trial"
    if governing.dep_ == "xcomp" and governing.head.lemma_ == "use" and governing.head.tag_ == "VBD":
        return True  # "used to pay a bribe"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and auxes and all(a.tag_ in ("VBZ", "VBP") and a.dep_ == "auxpass" for a in auxes):
        return _generic_subject_noun(verb)  # "Smuggling is punished harshly", not "Three soldiers are killed"
    if verb.tag_ not in ("VBZ", "VBP") or auxes:
        return False
    if verb.dep_ == "advcl" and verb.head.tag_ in ("VBZ", "VBP") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in lex.whenever for c in verb.children
    ):
        return True  # "When North Korea executes an official, the world unites": whenever it does
    # chronologies tell the past in the present ("A destroyer sinks a patrol vessel"):
    # only a generic subject makes the present habitual
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl":
        subjects.append(verb.head)
    return any(_generic(s) for s in subjects)


def _past(verb: Token) -> bool:
    """Told in the simple past: "killed", "were killed", not "have become"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" and not auxes or any(a.tag_ == "VBD" and a.lower_ != "had" for a in auxes)


def _generic_subject_noun(verb: Token) -> bool:
    """A passive subject with no article or number ("Smuggling is punished"), or "those" a
    clause describes ("Those arrested are sent to camps", "those who are caught")."""
    if any(c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and not any(g.dep_ in ("det", "nummod", "poss") for g in c.children)
           for c in verb.children):
        return True
    # the parser may hang "those" on the auxiliary: "Those arrested are classified"
    held = [*verb.children, *(g for a in verb.children if a.dep_ == "auxpass" for g in a.children)]
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "those" and any(g.dep_ in ("acl", "relcl") for g in c.children)
               for c in held)


def _generic(subject: Token) -> bool:
    """"North Koreans", "people", "we", "our partners": a class, not one actor."""
    lex = lexicon()
    if subject.lower_ in lex.generic_pronouns or subject.lemma_.lower() in lex.law_words:
        return True  # "the 2020 law prescribes the death penalty for ...": a rule, not an act
    if subject.tag_ not in ("NNS", "NNPS"):
        return False
    determiners = [c for c in subject.children if c.dep_ in ("det", "nummod", "quantmod")]
    return not determiners or any(c.lower_ in ("our", "their", "most", "many", "all") for c in determiners)


# --- the rules, in the order they are tried --------------------------------------
# Each takes (trigger, sentence, attributed) and returns a Verdict when it decides.

Rule = Callable[[Token, Span, bool], "Verdict | None"]
RULES: list[tuple[str, Rule]] = []
NO_ACT = None  # the modality of a clause that reports no act


def rule(rule_id: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES.append((rule_id, fn))
        return fn
    return register


def _state_forms() -> frozenset[str]:
    return frozenset(form for lemma in lexicon().state_participles for form in (lemma + "d", lemma + "ed", lemma + lemma[-1] + "ed"))


@rule("modality.question")
def _question(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    return Verdict(NO_ACT, "modality.question") if question(sent) else None


@rule("modality.negated")
def _negated(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    return Verdict(NO_ACT, "modality.negated") if negated(trigger) else None


@rule("modality.background")
def _background(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"for years", "during the war" in the act's own clause: general background, not a
    dated act ("activists who have for years flown leaflets" does not undate the launch)."""
    text = _own_clause_text(trigger, sent)
    return Verdict(NO_ACT, "modality.background") if any(p in text for p in lexicon().background) else None


# clauses with a subject and a time of their own
OWN_CLAUSES = ("relcl", "advcl", "ccomp", "acl", "parataxis")


def _own_clause_text(trigger: Token, sent: Span) -> str:
    """The sentence less the clauses embedded in it that do not hold the trigger, lower case."""
    holding = {trigger.i} | {t.i for t in trigger.ancestors}
    skipped: set[int] = set()
    for t in sent:
        if t.dep_ in OWN_CLAUSES and t.i not in holding and t.pos_ in ("VERB", "AUX"):
            skipped |= {d.i for d in t.subtree}
    return "".join(t.text_with_ws for t in sent if t.i not in skipped).lower()


@rule("modality.generic")
def _generic_mention(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    found = generic_mention(trigger)
    return Verdict(NO_ACT, found) if found else None


@rule("modality.statistic")
def _statistic(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """A total over a year or more ("Last year, a total of 1,396 North Koreans defected to
    South Korea"): a count of many acts, none of them told."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if not any(t.lower_ == "total" for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
               for t in c.subtree):
        return None  # the common case: no total, and the sentence's text is never read
    text = sent.text.lower()
    yearly = any(p in text for p in lexicon().statistic_periods) or bool(_IN_A_YEAR.search(text))
    return Verdict(NO_ACT, "modality.statistic") if yearly else None


_IN_A_YEAR = re.compile(r"(?:in|during|since|throughout)\s+(?:19|20)\d\d(?!\s*[-–]?\s*\d)")


@rule("modality.kin_past")
def _kin_past(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """A person's past told to say who they are: "relatives who defected to the South",
    "because his older sister had defected"."""
    lex = lexicon()
    person = trigger.head
    if trigger.dep_ == "relcl" and (person.lemma_.lower() in lex.kin or any(
        c.dep_ == "compound" and c.lemma_.lower() in lex.kin for c in person.children
    )):
        return Verdict(NO_ACT, "modality.kin_past")  # "family members who defected"
    perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in trigger.children)
    if trigger.dep_ == "relcl" and perfect and person.tag_ == "NNS" and _bare(person) and not any(
        c.dep_ in ("amod", "nummod") and c.lower_ in lex.counted for c in person.children
    ):
        return Verdict(NO_ACT, "modality.kin_past")  # "families of defectors who have fled": a class, described
    had = any(c.dep_ == "aux" and c.lower_ == "had" for c in trigger.children)
    marked = any(c.dep_ == "mark" and c.lower_ in lex.cause_marks for c in trigger.children)
    if had and marked and trigger.dep_ == "advcl":
        return Verdict(NO_ACT, "modality.kin_past")
    return None


@rule("modality.no_act")
def _no_act(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    found = not_an_act(trigger)
    return Verdict(NO_ACT, found) if found else None


@rule("modality.hypothetical")
def _hypothetical(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"if", "unless" on the trigger's clause chain; "would", "could" on the trigger or on
    a clause that holds it ("vessels entering the area would be fired upon"), but not
    on a reporting verb."""
    lex = lexicon()
    for t in _ancestors_and_self(trigger):
        for child in t.children:
            if child.dep_ == "mark" and child.lower_ in lex.hypothetical_marks:
                return Verdict(NO_ACT, "modality.hypothetical")
            if child.dep_ == "aux" and child.lower_ in lex.hypothetical_modals and t.lemma_ not in lex.reporting_verbs:
                return Verdict(NO_ACT, "modality.hypothetical")
    return None


@rule("modality.state_in_passing")
def _state_in_passing(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"an agent imprisoned in Jeju", "the arrested broker": a state told in passing."""
    if trigger.dep_ in ("acl", "amod") and (trigger.tag_ == "VBN" or trigger.dep_ == "amod") and trigger.head.pos_ in ("NOUN", "PROPN"):
        if trigger.lemma_.lower() in lexicon().state_participles or trigger.lower_ in _state_forms():
            return Verdict(NO_ACT, "modality.state_in_passing")
    return None


@rule("modality.habitual")
def _habit(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    return Verdict(NO_ACT, "modality.habitual") if _habitual(trigger) else None


@rule("modality.desire")
def _desire(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"wanted to cross", "is expected to launch", "a food shortage is likely", "a launch is
    expected", "is likely to receive a harsh sentence", "expect an inspection to start soon":
    wishes and forecasts."""
    desires = lexicon().desires
    # a noun's act is its verb's: "is likely to receive a harsh sentence", "is expected to face a trial"
    verb = _noun_verb(trigger)
    infinitive = verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    if (verb.dep_ in ("xcomp", "acl") or infinitive) and verb.head.lemma_.lower() in desires:
        if any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
            return None  # "is likely to have been executed": an act, guessed at
        return Verdict(NO_ACT, "modality.desire")
    head = trigger.head
    if trigger.dep_ == "nsubj" and head.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in desires for c in head.children):
        return Verdict(NO_ACT, "modality.desire")  # the act the forecast is about is its subject
    if trigger.dep_ == "nsubjpass" and head.lemma_.lower() in desires:
        return Verdict(NO_ACT, "modality.desire")
    return None


@rule("modality.condition_result")
def _condition_result(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """The result of a condition: "if the border reopens, many will defect"."""
    marks = lexicon().hypothetical_marks
    for t in list(_ancestors_and_self(trigger))[:3]:
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in c.children) for c in t.children):
            return Verdict(NO_ACT, "modality.condition_result")
    return None


@rule("modality.denied")
def _denied(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    lemmas = {t.lemma_.lower() for t in _ancestors_and_self(trigger)}
    return Verdict("denied", "modality.denied") if lemmas & lexicon().denial else None


@rule("modality.claimed")
def _claimed(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"claiming a violation of its airspace"."""
    lemmas = {t.lemma_.lower() for t in _ancestors_and_self(trigger)}
    return Verdict("alleged", "modality.claimed") if lemmas & lexicon().claims else None


@rule("modality.planned")
def _planned(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"plans to launch", "efforts to seal", "called on the North to apologize and punish"."""
    while trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "NOUN"):
        trigger = trigger.head  # the second of two acts asked for is asked for too
    if trigger.dep_ in ("xcomp", "acl", "advcl") and trigger.head.lemma_.lower() in lexicon().planning:
        return Verdict("planned", "modality.planned")
    return None


@rule("modality.future")
def _future(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"will deploy", "is set to launch"; an act's noun that a future verb holds, "will conduct
    an investigation", "a trial will be held", "a new crackdown will begin"."""
    verb = _noun_verb(trigger)
    if verb is trigger and trigger.pos_ == "NOUN" and trigger.dep_ == "nsubjpass":
        verb = trigger.head
    if any(c.lower_ in ("will", "'ll", "shall") and c.dep_ == "aux" for c in verb.children):
        return Verdict("planned", "modality.future")
    head = verb.head
    if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and (
        head.lemma_.lower() in lexicon().future_frames and head.tag_ in ("VBN", "VBG", "JJ")
    ) and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in head.children):
        return Verdict("planned", "modality.future")  # "is set to begin", "is going to launch", "is due to start"
    return None


def _noun_verb(trigger: Token) -> Token:
    """The verb whose act a trigger noun is: its verb's when it is the object ("is likely to
    receive a harsh sentence"), the subject of a beginning ("a new crackdown will begin",
    "expect an inspection to start") or of a future's frame ("a crackdown is set to begin");
    else the trigger itself."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return trigger
    if trigger.dep_ == "dobj":
        return trigger.head
    lex, head = lexicon(), trigger.head
    if trigger.dep_ == "nsubj" and head.lemma_.lower() in lex.beginnings:
        return head
    if trigger.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lex.future_frames:
        # "a crackdown is set to begin", "a trial is going to take place": the frame's verb
        return next((c for c in head.children if c.dep_ == "xcomp"), trigger)
    return trigger


HEARSAY = re.compile(r"\b(?:said|believed|thought|rumou?red)\s+to\s+have\b|\brumou?rs?\b", re.I)


@rule("modality.hearsay")
def _hearsay(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"are said to have been detained"."""
    return Verdict("rumoured", "modality.hearsay") if HEARSAY.search(sent.text) else None


@rule("modality.hedged")
def _hedged(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"reportedly bribed": the press's own caution."""
    hedges = lexicon().hedges
    return Verdict("alleged", "modality.hedged") if any(t.lower_ in hedges for t in sent) else None


@rule("modality.ongoing")
def _ongoing(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    if trigger.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in trigger.children):
        return Verdict("ongoing", "modality.ongoing")
    return None


def judge(trigger: Token, sent: Span, *, attributed: bool) -> Verdict:
    """The first rule that decides; an act no rule qualifies is reported (a source says
    so) or asserted."""
    for _rule_id, fn in RULES:
        verdict = fn(trigger, sent, attributed)
        if verdict is not None:
            return verdict
    return Verdict("reported", "modality.reported") if attributed else Verdict("asserted", "modality.asserted")


def modality(trigger: Token, sent: Span, *, attributed: bool) -> str | None:
    """ontology.md's modality for the trigger, or None when the clause reports no act
    (negated, a question, a hypothetical)."""
    return judge(trigger, sent, attributed=attributed).modality

from . import background, classes, genericity, habits, idiom, inquiry, notyet, protocol, rhetoric, targets  # noqa: E402, F401  (modality.genre.*, .rhetoric.*, .protocol.*, .idiom.* join RULES)
