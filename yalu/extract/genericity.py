"""Modality rules for the news genre's acts named but not reported as the story's incidents:
a precedent recalled to measure the news by ("the last such incident took place in March
when a soldier fled"), a habit or a practice ("they attempt to cross", "continues to
execute", "they are punished less harshly"), a relative's act that says who is punished
("whose family members have escaped"), an example of a kind of act ("such as flying
balloons"), what a charge or a conviction says ("on charges of selling drugs") and an act
ordered ("is to be investigated"). And one the other way: the cause of a toll the clause
tells is the incident ("died because of explosions of several mines"). The cue words are
data (data/genericity.toml).

Registered in modality.RULES (imported by modality.py), before the generic-mention rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from .. import resources
from .clause import to_infinitive
from .modality import NO_ACT, RULES, Rule, Verdict, _cause_preposition, _generic, _habitual, _past, lexicon
from .rhetoric import DAY_WORDS, FINITE, register

PRESENT = ("VBZ", "VBP")


@cache
def cues() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in resources.load("genericity.toml").items()}


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own: "fled", "are sent", not "to cross" or "crossing"."""
    return verb.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in verb.children)


def _infinitive(verb: Token) -> bool:
    """An infinitive with "to": "to be investigated", "to curb"."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _up_to_clause(trigger: Token) -> Iterator[Token]:
    """The trigger and the words above it up to the first verb with a tense of its own
    (included): the non-finite chain "help people cross", "attempting to escape"."""
    t = trigger
    while True:
        yield t
        if t.head == t or (t.pos_ in ("VERB", "AUX") and _finite(t)):
            return
        t = t.head


def _when_clause(trigger: Token) -> Token | None:
    """The "when" clause (adverbial or relative) that holds the trigger, if any."""
    for t in _up_to_clause(trigger):
        # the parser may hang "when" on the second of two verbs ("when a pilot defected and landed")
        if t.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" for v in (t, *t.conjuncts) for c in v.children):
            return t
    return None


def _precedent_noun(noun: Token) -> bool:
    """"the last such incident", "the first air raid warning"."""
    c = cues()
    ordinal = any(m.lower_ in c["precedent_ordinals"] for m in noun.children)
    return ordinal and (noun.lemma_.lower() in c["precedent_nouns"] or any(m.lower_ == "such" for m in noun.children))


def precedent(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"The last such incident took place in March when a soldier fled", "the first alert
    was issued on Feb. 25, 1983, when a pilot defected", "the first launch since 2019, when
    the North fired ...": an earlier act recalled to measure the news by."""
    clause = _when_clause(trigger)
    if clause is None:
        return None
    head = clause.head
    if clause.dep_ == "relcl":
        if head.head.lower_ == "since":
            return Verdict(NO_ACT, "modality.genre.precedent")  # "since 2019, when ..."
        while head.dep_ in ("pobj", "prep", "npadvmod", "appos") and head.head != head:
            head = head.head  # "on Feb. 25, 1983, when ...": the clause the date belongs to
    told = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "attr")]
    return Verdict(NO_ACT, "modality.genre.precedent") if any(_precedent_noun(n) for n in told) else None


def habitual_clause(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """An infinitive act under a present clause of a class ("they attempt to cross the
    river", "they help people cross"), or of a practice ("continues to execute, torture
    and arrest"): a habit, not one act. (A chronology's present, "South Korean soldiers
    kill seven infiltrators", is the trigger's own clause and stays an act.)"""
    t = trigger
    while t.dep_ == "conj" and t.head.pos_ == "VERB" and not _finite(t.head):
        t = t.head  # "to execute, torture and arrest": the list shares its clause
    if t.pos_ != "VERB" or _finite(t) or t.dep_ not in ("xcomp", "ccomp"):
        return None
    clause = t.head
    if clause.pos_ not in ("VERB", "AUX") or clause.tag_ not in PRESENT or any(c.dep_ == "aux" for c in clause.children):
        return None  # "are trying to cross": this one attempt, now
    if clause.lemma_.lower() in cues()["practice_verbs"]:
        return Verdict(NO_ACT, "modality.genre.practice")
    if not _headline(sent) and any(_generic(s) for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")):
        return Verdict(NO_ACT, "modality.genre.habitual")
    return None


def habitual_passive(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"they are punished less harshly when caught": a present passive said of a pronoun
    for a class (not "who", which names the people just told of)."""
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    if trigger.tag_ != "VBN" or not auxes or not all(a.dep_ == "auxpass" and a.tag_ in PRESENT for a in auxes):
        return None
    pronouns = lexicon().generic_pronouns - {"who", "which"}
    if any(c.dep_ == "nsubjpass" and c.lower_ in pronouns for c in trigger.children):
        return Verdict(NO_ACT, "modality.genre.habitual_passive")
    return None


def kin_clause(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"North Koreans whose family members have escaped the country are banished": the
    relatives' act tells who is punished, not an incident of this story."""
    kin = lexicon().kin
    if trigger.dep_ != "relcl":
        return None
    for s in trigger.children:
        if s.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "whose" for g in s.children) and (
            s.lemma_.lower() in kin or any(g.dep_ == "compound" and g.lemma_.lower() in kin for g in s.children)
        ):
            return Verdict(NO_ACT, "modality.genre.kin_clause")
    return None


def toll_cause(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"two soldiers died because of explosions of several mines", "200 residents have been
    killed because of the rising flood water": the cause of a toll the clause tells is the
    incident itself, not a cause named in passing (modality.no_act.cause_named)."""
    if trigger.lemma_.lower() not in cues()["toll_events"] | lexicon().disasters:
        return None  # "died due to food shortages": a condition, the death is the incident
    n = trigger
    while n.dep_ in ("compound", "amod", "nmod") and n.head.pos_ == "NOUN":
        n = n.head
    if n.dep_ != "pobj" or not _cause_preposition(n.head):
        return None
    verb = next((a for a in n.ancestors if a.pos_ == "VERB"), None)
    while verb is not None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "have been killed or are missing because of ...": the toll's first verb
    if verb is None or verb.lemma_.lower() not in cues()["toll_verbs"]:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes) or not (_past(verb) or any(a.lower_ in ("have", "has") for a in auxes)):
        return None  # "could die because of ...", "die because of ...": no toll told
    if any(t.lower_ in lexicon().hedges for t in sent):
        return Verdict("alleged", "modality.genre.toll_cause")
    return Verdict("reported" if attributed else "asserted", "modality.genre.toll_cause")


def ground(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"considering that the authorities are cracking down on trafficking", "given that the
    authorities are harshly cracking down on crossings": the condition a source reasons from,
    a standing one, told in the present or progressive or by a bare noun ("given the
    crackdown"); "given that he defected in 2019" and "considering that he had crossed the
    border twice" tell acts done."""
    below = trigger
    for a in trigger.ancestors:
        if a.lower_ in cues()["grounds"] and a.dep_ in ("prep", "advcl") and a.i < trigger.i:
            return Verdict(NO_ACT, "modality.genre.ground") if _standing(below) else None
        below = a
    return None


def _standing(head: Token) -> bool:
    """The head of a ground tells a condition that holds: a noun, or a verb in the present
    ("are cracking down", "is banned"), not "defected" nor "had crossed"."""
    if head.pos_ in ("NOUN", "PROPN"):
        return True
    auxes = [a for a in head.children if a.dep_ in ("aux", "auxpass")]
    return head.tag_ in PRESENT if not auxes else all(a.tag_ in PRESENT for a in auxes)


def announced_act(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"North Korea has announced its vice premier was executed", "announced it has culled
    chickens": the announcement of an act done tells that act, and says nothing of its own."""
    if trigger.lemma_.lower() not in cues()["announce_verbs"]:
        return None
    for told in (c for c in trigger.children if c.dep_ == "ccomp" and c.pos_ == "VERB"):
        auxes = [a for a in told.children if a.dep_ in ("aux", "auxpass")]
        if not any(a.tag_ == "MD" for a in auxes) and (_past(told) or any(a.lemma_ == "have" for a in auxes)):
            return Verdict(NO_ACT, "modality.genre.announced_act")
    return None


def _simple_present(verb: Token) -> bool:
    """"are returned", "endure", "is sent": the simple present, active or passive (not "are
    being held", a state now, nor "were caught")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [a for a in verb.children if a.dep_ in ("aux", "auxpass")]
    if not auxes:
        return verb.tag_ in PRESENT
    return verb.tag_ == "VBN" and all(a.tag_ in PRESENT and a.dep_ == "auxpass" for a in auxes)


def those_who(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"As a matter of policy, those caught on the border are returned to the North", "those
    attempting to defect endure harsher punishments": a rule for whoever does it, told of
    "those" a clause describes, in the simple present ("those caught last week were sent to
    camps" tells an act, and so does a past or dated clause of the trigger's own: "those who
    were arrested in the raid are held at the station")."""
    chain = list(_up_to_clause(trigger))
    clause = chain[-1]
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head  # "are returned to the North and directed to the nearest detention center"
    own = next((t for t in chain if t.dep_ in ("acl", "relcl") and t.head.lower_ == "those"), None)
    if own is not None and (_past(own) or _dated(own)):
        return None  # the trigger's own clause tells one act: "those who were arrested in the raid are held"
    those = own.head if own is not None else None
    if those is None:  # the act told of them: "those caught are returned", "those who flee face camps"
        those = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "those"
                      and any(g.dep_ in ("acl", "relcl") for g in c.children)), None)
        governing = clause
    else:
        governing = those.head
    if those is None or governing == trigger or not _simple_present(governing):
        return None  # "those who are caught are sent to camps": the verb itself is modality.habitual's
    if _dated(governing):
        return None  # dated: "those caught on Monday are held in Hyesan"
    return Verdict(NO_ACT, "modality.genre.those_who")


def _dated(clause: Token) -> bool:
    """The clause names a day or a number: "on Monday", "in 2019"."""
    return any(w.lower_ in DAY_WORDS or any(ch.isdigit() for ch in w.text) for w in clause.subtree)


def _headline(sent: Span) -> bool:
    """A line with no closing punctuation: a headline, told in the present of news."""
    return not sent.text.rstrip().rstrip("”\"'’)").endswith((".", "!", "?"))


def anyone(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"Anyone caught in the zones will be shot on sight", "any prisoner attempting escape
    will be sentenced to severe punishment": a rule for whoever does it, not an act."""
    c = cues()
    if _anyone_participle(trigger, c["anyone_pronouns"]):
        return Verdict(NO_ACT, "modality.genre.anyone")
    chain = list(_up_to_clause(trigger))
    clause = chain[-1]
    if clause.dep_ == "relcl":  # "anyone who is caught outside", "ordered to haul in anyone who contacted ...":
        chain.append(clause.head)  # the rule is told by the clause the anyone-word is in
        clause = next((a for a in clause.head.ancestors if a.pos_ in ("VERB", "AUX")), clause)
    if clause.pos_ in ("VERB", "AUX") and _past(clause):
        return None  # "every household was searched on Monday": told
    held = [*chain, *(s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass"))]
    if any(t.lower_ in c["anyone"] or any(d.dep_ == "det" and d.lower_ in c["anyone"] for d in t.children) for t in held):
        return Verdict(NO_ACT, "modality.genre.anyone")
    return None


def _anyone_participle(trigger: Token, pronouns: frozenset[str]) -> bool:
    """"Anyone caught crossing will be shot", "an announcement that anyone caught in the zones
    will be shot": the parser reads the participle as a past verb with "anyone" its subject
    and no object (but the "that" it also misreads as one), under another verb."""
    return (trigger.tag_ == "VBD" and trigger.dep_ != "ROOT"
            and any(c.dep_ == "nsubj" and c.lower_ in pronouns for c in trigger.children)
            and not any(c.dep_ == "dobj" and c.lower_ != "that" for c in trigger.children))


def sanctions_ground(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"sanctions put in place to punish North Korea for recent missile launches and nuclear
    tests", "North Korea's nuclear and missile tests led to international sanctions": launches
    and tests named as the ground of sanctions, in the plural and uncounted, are the weapons
    programme's, not acts the report tells ("punished for the launch on Monday" names one)."""
    c = cues()
    n = trigger
    while n.dep_ in ("compound", "conj", "amod") and n.head.pos_ in ("NOUN", "PROPN"):
        n = n.head
    if n.tag_ != "NNS" or n.lemma_.lower() not in c["sanctioned_acts"] or any(d.dep_ in ("det", "nummod") for d in n.children):
        return None
    grounded = n.head.head if n.dep_ == "pobj" and n.head.lower_ in ("for", "over") else None
    if grounded is not None and grounded.dep_ == "dobj":
        grounded = grounded.head  # "to punish the regime for ...", "for" hung on the punished
    if grounded is not None and grounded.lemma_.lower() in c["sanction_words"] | c["sanction_nouns"]:
        return Verdict(NO_ACT, "modality.genre.sanctions_ground")
    causes = [v for v in (n.head, *n.children) if v.lemma_.lower() in c["sanction_causes"] and v.pos_ == "VERB"]
    if any(w.lemma_.lower() in c["sanction_nouns"] for v in causes for w in v.subtree):
        return Verdict(NO_ACT, "modality.genre.sanctions_ground")
    return None


def livelihood(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"made their living smuggling", "smugglers who make a living bringing goods": a trade
    plied, not one act."""
    living = cues()["livelihoods"]
    head = trigger.head
    # the parser may read "their living smuggling" as one noun phrase
    near = [*(o for o in head.children if o is not trigger), *trigger.children] if head.lemma_ == "make" else []
    if head.lower_ in living or any(o.lower_ in living for o in near):
        return Verdict(NO_ACT, "modality.genre.practice")
    return None


def whenever_pair(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"When the North executes an official or purges a general, the world protests": the
    second act of a present whenever clause happens whenever the first does."""
    first = trigger
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    if first is trigger or trigger.tag_ not in PRESENT or first.tag_ not in PRESENT:
        return None
    if first.dep_ == "advcl" and first.head.tag_ in PRESENT and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in lexicon().whenever for c in first.children
    ):
        return Verdict(NO_ACT, "modality.genre.whenever")
    return None


def habitual_reason(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"Families are banished for having members who fled": the ground of a punishment
    told as a habit is a class of acts too."""
    reason = next((a for a in trigger.ancestors if a.dep_ == "prep" and a.lower_ == "for"), None)
    if reason is not None and reason.head.pos_ == "VERB" and _habitual(reason.head):
        return Verdict(NO_ACT, "modality.genre.habitual_reason")
    return None


def described_place(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"fencing in areas with a lot of smuggling and river crossings", "villages with
    frequent floods": a place described by the acts it sees, none of them told."""
    c = cues()
    n = trigger
    while n.dep_ in ("conj", "nmod", "compound") and n.head.pos_ in ("NOUN", "PROPN"):
        n = n.head
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in c["amounts"]:
        n = n.head.head  # "a lot of smuggling"
    if n.dep_ in ("pobj", "pcomp") and n.head.lower_ == "for" and n.head.head.lemma_.lower() in lexicon().described_places:
        return Verdict(NO_ACT, "modality.genre.described_place")  # "the major route for defecting"
    with_ = n.head
    if n.dep_ != "pobj" or with_.lower_ != "with":
        return None
    # the parser often hangs "with" on the verb: "installing fencing in areas with ..."
    described = {with_.head.lemma_.lower(), with_.doc[with_.i - 1].lemma_.lower()}
    return Verdict(NO_ACT, "modality.genre.described_place") if described & c["place_nouns"] else None


def example(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"illegal activity, including taking bribes to help people cross the border", "such
    as flying balloons": a bare gerund that gives an example of a kind of act."""
    preps = cues()["example_preps"]
    for t in _up_to_clause(trigger):
        gerund = t if t.tag_ == "VBG" else None
        if gerund is None:
            continue
        prep = gerund.head
        if gerund.dep_ == "amod" and gerund.head.dep_ == "pobj":
            prep = gerund.head.head  # "such as flying balloons" read as an adjective
        elif gerund.dep_ not in ("pcomp", "pobj"):
            continue
        if any(c.dep_ in ("nsubj", "poss") for c in gerund.children):
            continue  # "including his crossing": one person's act
        if prep.lower_ in preps and (prep.lower_ != "as" or any(p.lower_ == "such" for p in (prep.nbor(-1), *prep.children))):
            return Verdict(NO_ACT, "modality.genre.example")
    return None


def charge_content(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"arrested on charges of selling drugs", "seized on trespassing and smuggling
    charges", "convicted of spying", "charged with watching dramas": what a charge says is the arrest's or the trial's
    ground, not an act the report tells. ("Suspected of taking bribes" is the act, alleged.)"""
    c = cues()
    n = trigger
    while n.dep_ == "conj" and n.head != n:
        n = n.head
    if n.dep_ in ("nmod", "compound", "amod") and n.head.lower_ in c["charge_nouns"]:
        return Verdict(NO_ACT, "modality.genre.charge_content")
    for t in _up_to_clause(n):
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ in c["charge_preps"]:
            holder = t.head.head
            if holder.lower_ in c["charge_nouns"] | c["charge_words"]:
                return Verdict(NO_ACT, "modality.genre.charge_content")
    return None


def described_kind(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"It's much more dangerous, and twice as expensive, to defect since Kim took power", "it
    has become harder to cross the river": a kind of act sized up under "it", not one done
    ("it took two days to cross" tells a crossing: no adjective of difficulty or frequency)."""
    head = trigger.head
    if trigger.pos_ != "VERB" or trigger.dep_ not in ("xcomp", "ccomp") or not to_infinitive(trigger):
        return None
    lex = lexicon()
    sizes = lex.hindered | lex.generic_adjectives
    if head.dep_ == "acomp":  # "it has become harder to cross": the infinitive hangs on the adjective
        head = head.head
    adjectives = [c for c in head.children if c.dep_ == "acomp"]
    adjectives += [a for c in adjectives for a in c.conjuncts]
    if (head.lemma_.lower() in lex.copulas and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
            and any(a.lower_ in sizes for a in adjectives)):
        return Verdict(NO_ACT, "modality.genre.described_kind")
    return None


def without(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"raiding markets without warning", "crossed without being caught", "executed without
    a trial": the act is named as absent."""
    for t in _up_to_clause(trigger):
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "without":
            return Verdict(NO_ACT, "modality.genre.without")
    return None


def season(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"during the corn harvest this fall": the season, not a fall in prices."""
    c = cues()
    if trigger.lemma_.lower() not in c["seasons"]:
        return None
    if trigger.dep_ == "npadvmod" or any(d.lower_ in c["season_determiners"] for d in trigger.children):
        return Verdict(NO_ACT, "modality.genre.season")
    return None


def imperative(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"So, stop engaging in illegal trade", "Release the fishermen now!": a command
    quoted, not an act."""
    root = sent.root
    if root.tag_ != "VB" or root.i != min(t.i for t in sent if not (t.is_punct or t.dep_ in ("advmod", "intj", "cc"))):
        return None  # a base form that opens the sentence (after "So," or "Now,")
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in root.children) or _headline(sent):
        return None
    return Verdict(NO_ACT, "modality.genre.imperative") if trigger == root or root in trigger.ancestors else None


def obligation(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"every official is to be investigated", "the workers are to be sent home": an act
    ordered, not done."""
    if _infinitive(trigger) and trigger.dep_ == "xcomp" and trigger.head.lemma_ == "be" and trigger.head.tag_ in FINITE:
        return Verdict("planned", "modality.genre.obligation")
    return None


def occurred(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"Small-scale forced repatriations have taken place since October", "arrest
    operations are underway": acts said to happen, not a class of acts described (the
    bare plural subject of modality.habitual). The other rules still judge them."""
    verb = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    c = cues()
    auxes = [a for a in verb.children if a.dep_ == "aux"]
    told = (verb.lemma_ in c["occurrence_verbs"] or (verb.lemma_ == "take" and any(o.lower_ == "place" for o in verb.children))) and (
        verb.tag_ == "VBD" or any(a.lower_ in ("have", "has") for a in auxes))
    underway = verb.lemma_ == "be" and any(
        o.lower_ in c["underway"] or (o.lower_ == "under" and any(w.lower_ == "way" for w in o.children)) for o in verb.children)
    if not (told or underway):
        return None
    rest = RULES[next(i for i, (rule_id, _) in enumerate(RULES) if rule_id == "modality.genre.occurred") + 1:]
    for rule_id, fn in rest:
        verdict = None if rule_id == "modality.habitual" else fn(trigger, sent, attributed)
        if verdict is not None:
            return verdict
    if underway:
        return Verdict("ongoing", "modality.genre.occurred")
    return Verdict("reported" if attributed else "asserted", "modality.genre.occurred")


GENRE_RULES: list[tuple[str, Rule]] = [
    ("modality.genre.described_kind", described_kind),  # before obligation, which reads "is to" as planned
    ("modality.genre.obligation", obligation),
    ("modality.genre.without", without),
    ("modality.genre.imperative", imperative),
    ("modality.genre.season", season),
    ("modality.genre.precedent", precedent),
    ("modality.genre.habitual", habitual_clause),
    ("modality.genre.whenever", whenever_pair),
    ("modality.genre.anyone", anyone),
    ("modality.genre.livelihood", livelihood),
    ("modality.genre.sanctions_ground", sanctions_ground),
    ("modality.genre.habitual_passive", habitual_passive),
    ("modality.genre.kin_clause", kin_clause),
    ("modality.genre.toll_cause", toll_cause),
    ("modality.genre.ground", ground),
    ("modality.genre.those_who", those_who),
    ("modality.genre.habitual_reason", habitual_reason),
    ("modality.genre.example", example),
    ("modality.genre.described_place", described_place),
    ("modality.genre.occurred", occurred),
    ("modality.genre.charge_content", charge_content),
]

register(GENRE_RULES)
# just before modality.state_in_passing, so after modality.hypothetical and so after the
# background rules (background.py puts them before modality.hypothetical), which name an
# announced figure more closely: "announced that the trade volume fell" is
# modality.genre.statistic_release's
register([("modality.genre.announced_act", announced_act)], before="modality.state_in_passing")
