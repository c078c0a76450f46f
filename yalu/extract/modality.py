"""Modality: is the act reported as done, alleged, planned, denied, ongoing, or only imagined?"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

HEDGES = {"allegedly", "reportedly", "rumor", "rumors", "rumour", "rumours", "rumored", "rumoured", "suspected", "purportedly", "apparently", "supposedly"}
# an attempt is an act ("attempted to launch"); a plan is not yet one
PLANNING = {"plan", "intend", "prepare", "aim", "vow", "threaten", "seek", "order", "decide", "effort", "push", "move", "ready", "prepared", "hire", "recruit", "instruct", "plot", "conspire", "propose", "determine", "determined", "pledge", "resolve", "swear", "bound"}
DENIAL = {"deny", "denial", "refute"}
HYPOTHETICAL_MARKERS = {"if", "unless", "whether"}
# "units stationed along the river to seal the border": what they are there for
PURPOSE_HEADS = {"station", "deploy", "send", "dispatch", "mobilize", "mobilise", "use", "assign", "post", "build", "install"}
# "several mine explosions": counted acts, not a class of acts
COUNTED = {"several", "many", "some", "few", "numerous", "multiple", "dozens", "hundreds", "two", "three", "four", "five"}
# what a search is for is not an act: "looking for phones", "confiscated dramas"
SEARCH_VERBS = {"look", "search", "hunt", "check", "seize", "confiscate", "find", "inspect"}
CAMPAIGNS = {"crackdown", "crack", "campaign", "war", "fight", "struggle", "inspection", "clampdown", "ban", "restriction", "restrictions", "rules", "law"}
# "missile flight technology", "launch capability", "test site", "attack helicopters": a means, not an act
MEANS_HEADS = {"technology", "technique", "capability", "capacity", "program", "programme", "expertise", "know-how", "skill", "equipment", "facility", "site", "pad", "vehicle", "platform", "helicopter", "aircraft", "submarine", "drone", "weapon", "means", "force"}
# "to deter nuclear attacks", "foil infiltration": an act kept off, not done
WARDED_OFF = {"deter", "prevent", "repel", "thwart", "foil", "frustrate", "avert", "forestall", "counter"}
# "flood damage", "the aftermath of the flood": what an earlier act left
AFTERMATH_HEADS = {"damage", "aftermath", "recovery", "rehabilitation", "relief", "survivor", "consequence"}
# "the flood victims", "flood-hit areas" (not "the shooting victim", who names the act)
DISASTER_AFTERMATH_HEADS = {"victim", "area", "zone", "region"}
DISASTERS = {"flood", "flooding", "typhoon", "earthquake", "landslide", "storm", "drought", "downpour", "deluge", "epidemic", "outbreak", "fire", "disaster"}
# "in response to the exercises", "in retaliation for the leaflets"
PROVOCATIONS_ANSWERED = {"response", "reaction", "retaliation", "protest", "countermeasure", "answer", "reply"}
# "sent to learn missile launching": a skill studied, not an act
LEARNING = {"learn", "study", "master", "acquire", "teach", "train"}
BANS = {"ban", "prohibit", "bar", "forbid", "stop", "prevent", "restrict"}
LAW_WORDS = {"law", "laws", "regulation", "regulations", "decree", "code", "rule", "rules", "constitution"}
NEGATIVE_SUBJECTS = {"nobody", "none", "noone", "nothing", "neither"}
# wishes and forecasts are not acts ("wanted to cross", "is expected to launch")
DESIRES = {"want", "wish", "hope", "expect", "dream", "long", "desire"}
# general background, not a dated act
BACKGROUND = (
    "for years", "for decades", "has long", "have long", "in recent years", "over the years", "for a long time",
    # state media's history and commemoration: the Korean War, the columns of a parade
    "during the war", "the korean war", "fatherland liberation war", "war years", "anti-japanese",
    "symbolic of", "in commemoration", "in memory of",
)
HABITUAL = {"usually", "often", "always", "generally", "typically", "regularly", "sometimes", "routinely", "frequently", "normally", "commonly"}
GENERIC_PRONOUNS = {"we", "they", "you", "people", "one", "who", "which"}
REPORTING_VERBS = {"say", "tell", "add", "report", "claim", "warn", "note"}
CLAIMS = {"claim", "allege", "accuse", "insist"}
STATE_PARTICIPLES = {"imprison", "arrest", "detain", "jail", "sentence", "execute", "kidnap", "abduct", "capture", "catch", "repatriate", "punish", "banish", "smuggle", "plant", "lay", "bury", "station"}
STATE_FORMS = {form for lemma in STATE_PARTICIPLES for form in (lemma + "d", lemma + "ed", lemma + lemma[-1] + "ed")}
MODAL_HYPOTHETICAL = {"would", "could", "might", "may", "should", "must", "can", "ca"}


def _ancestors_and_self(token: Token):
    yield token
    yield from token.ancestors


def negated(trigger: Token) -> bool:
    """"did not defect", "no defections", "never crossed", "no shots were fired",
    "nobody deserted"; not the negation of an outer clause ("did not say why ... deserted")."""
    for child in trigger.children:
        if child.dep_ in ("nsubjpass", "dobj", "nsubj"):
            if child.lower_ in NEGATIVE_SUBJECTS or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return True
    for t in _ancestors_and_self(trigger):
        if t != trigger and t.pos_ in ("VERB", "AUX"):
            break  # negation of an outer clause does not reach in
        for child in t.children:
            if child.dep_ == "neg" or (child.lower_ in ("no", "never") and child.dep_ in ("det", "advmod", "neg")):
                return True
    return False


def question(sent: Span) -> bool:
    return sent.text.rstrip().rstrip("”\"'’)").endswith("?")


def _not_an_act(trigger: Token) -> bool:
    """Clauses that name an act without reporting it: a purpose ("stationed along the
    river to seal the border"), an open question ("looking into how the boat crossed"),
    what was searched for ("looking for foreign currency and phones"), such acts in
    general ("denounced such exercises")."""
    to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children)
    if to and (trigger.dep_ in ("advcl", "acl", "relcl") or (trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in PURPOSE_HEADS)):
        return True
    if any(c.dep_ == "dobj" and any(g.lower_ == "such" for g in c.children) for c in trigger.children):
        return True  # "has denounced such exercises": a stance on a kind of act
    if any(c.dep_ == "advmod" and c.lower_ in ("how", "why", "whether") for c in trigger.children):
        return True
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("despite", "under", "against"):
        return True  # "despite a U.N. ban": the setting, not the act
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("to", "for") and trigger.head.head.lemma_.lower() in PROVOCATIONS_ANSWERED:
        return True  # "in response to the joint exercises": the cause named, not reported
    if trigger.dep_ == "relcl" and trigger.head.dep_ in ("nsubjpass", "dobj") and any(c.lower_ == "had" for c in trigger.children):
        return True  # "a man who had crossed into China was arrested": his past, told to say who
    head = trigger.head if trigger.dep_ != "conj" else trigger.head.head
    if head.dep_ == "prep" and head.lower_ == "from" and head.head.lemma_.lower() in BANS:
        return True  # "bans individuals from selling currency": the banned act
    root = trigger.sent.root
    if root.tag_ in ("VBZ", "VBP") and any(c.dep_ == "nsubj" and c.lemma_.lower() in LAW_WORDS for c in root.children):
        return True  # "the law prescribes death for distributing ...": what a law says
    if trigger.pos_ == "NOUN":
        head = trigger.head
        if head.dep_ == "prep" and head.lower_ == "for" and head.head.lemma_.lower() in SEARCH_VERBS:
            return True
        if head.dep_ == "prep" and head.lower_ in ("on", "against") and head.head.lemma_.lower() in CAMPAIGNS:
            return True  # "a crackdown on smuggling": the target of a campaign, not an act
        if trigger.dep_ in ("dobj", "conj") and head.lemma_.lower() in SEARCH_VERBS:
            return True
        if trigger.dep_ == "conj" and _not_an_act(trigger.head):
            return True
        if any(c.lower_ == "such" for c in trigger.children):
            return True
        left = AFTERMATH_HEADS | (DISASTER_AFTERMATH_HEADS if trigger.lemma_.lower() in DISASTERS else set())
        if trigger.dep_ in ("nmod", "compound", "amod") and head.lemma_.lower() in MEANS_HEADS | left:
            return True
        if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in left:
            return True  # "the victims of the flood", "the aftermath of the typhoon"
        if trigger.dep_ == "dobj" and head.lemma_.lower() in LEARNING | WARDED_OFF:
            return True
        if trigger.dep_ == "dobj" and head.lemma_.lower() in CLAIMS and head.dep_ == "advcl" and head.tag_ == "VBG":
            return True  # "Claiming a violation of its airspace, North Korea attacked ...": a pretext
    return False


def _habitual(trigger: Token) -> bool:
    """Simple present reports a habit or a general truth ("China regards those who
    cross its border as migrants", "partners reach us over smuggled phones"), not an act.
    Headlines are in the present too, but they are the title, not incident text."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.tag_ == "NNS" and not any(
        c.dep_ in ("det", "nummod", "poss") or c.lower_ in COUNTED for c in trigger.children
    ):
        return True  # "Defections have become rare": a class of acts, not one
    if any(c.lower_ in HABITUAL for c in verb.children):
        return True  # "are frequently crossing", "usually demand"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and auxes and all(a.tag_ in ("VBZ", "VBP") and a.dep_ == "auxpass" for a in auxes):
        return _generic_subject_noun(verb)  # "Smuggling is punished harshly", not "Three soldiers are killed"
    if verb.tag_ not in ("VBZ", "VBP") or auxes:
        return False
    # chronologies tell the past in the present ("A destroyer sinks a patrol vessel"):
    # only a habit word or a generic subject makes the present habitual
    if any(c.lower_ in HABITUAL for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl":
        subjects.append(verb.head)
    return any(_generic(s) for s in subjects)


def _generic_subject_noun(verb: Token) -> bool:
    """A passive subject with no article or number: "Smuggling is punished"."""
    return any(c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and not any(g.dep_ in ("det", "nummod", "poss") for g in c.children) for c in verb.children)


def _generic(subject: Token) -> bool:
    """"North Koreans", "people", "we", "our partners": a class, not one actor."""
    if subject.lower_ in GENERIC_PRONOUNS or subject.lemma_.lower() in LAW_WORDS:
        return True  # "the 2020 law prescribes the death penalty for ...": a rule, not an act
    if subject.tag_ not in ("NNS", "NNPS"):
        return False
    determiners = [c for c in subject.children if c.dep_ in ("det", "nummod", "quantmod")]
    return not determiners or any(c.lower_ in ("our", "their", "most", "many", "all") for c in determiners)


def modality(trigger: Token, sent: Span, *, attributed: bool) -> str | None:
    """ontology.md's modality for the trigger, or None when the clause reports no act
    (negated, a question, a hypothetical)."""
    if question(sent) or negated(trigger):
        return None
    if any(phrase in sent.text.lower() for phrase in BACKGROUND):
        return None
    if _not_an_act(trigger):
        return None
    chain = list(_ancestors_and_self(trigger))
    for t in chain:
        for child in t.children:
            if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKERS:
                return None
            # "would", "could" on the trigger or on a clause that holds it ("vessels
            # entering the area would be fired upon"), but not on a reporting verb
            if child.dep_ == "aux" and child.lower_ in MODAL_HYPOTHETICAL and t.lemma_ not in REPORTING_VERBS:
                return None
    if trigger.dep_ in ("acl", "amod") and (trigger.tag_ == "VBN" or trigger.dep_ == "amod") and trigger.head.pos_ in ("NOUN", "PROPN"):
        # "an agent imprisoned in Jeju", "the arrested broker": a state told in passing
        if trigger.lemma_.lower() in STATE_PARTICIPLES or trigger.lower_ in STATE_FORMS:
            return None
    if _habitual(trigger):
        return None
    lemmas = {t.lemma_.lower() for t in chain}
    if trigger.dep_ in ("xcomp", "acl") and trigger.head.lemma_.lower() in DESIRES:
        return None
    for t in chain[:3]:
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in HYPOTHETICAL_MARKERS for g in c.children) for c in t.children):
            return None  # the result of a condition: "if the border reopens, many will defect"
    if lemmas & DENIAL:
        return "denied"
    if lemmas & CLAIMS:
        return "alleged"  # "claiming a violation of its airspace"
    # "plans to launch", "efforts to seal", "will deploy"
    if trigger.dep_ in ("xcomp", "acl", "advcl") and trigger.head.lemma_.lower() in PLANNING:
        return "planned"
    if any(c.lower_ in ("will", "'ll", "shall") and c.dep_ == "aux" for c in trigger.children):
        return "planned"
    if re.search(r"\b(?:said|believed|thought|rumou?red)\s+to\s+have\b|\brumou?rs?\b", sent.text, re.I):
        return "rumoured"  # hearsay: "are said to have been detained"
    if any(t.lower_ in HEDGES for t in sent):
        return "alleged"  # "reportedly bribed": the press's own caution
    if trigger.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in trigger.children):
        return "ongoing"
    return "reported" if attributed else "asserted"
