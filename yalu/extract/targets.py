"""Modality rules for acts a report names through other people's business: the acts a
measure is aimed at ("cracking down on people trying to flee", "a crackdown on users of
Chinese phones", "to prevent people from using the night to defect"), the act others are
helped to do, told as a trade or a charge ("executed for helping 41 women defect",
"brokers engaged in helping people defect"), a relative's act that says whose family is
punished ("families who had two or more members defect", "their relatives' escape") and
the act preparations are made for ("preparations for the summer exercise"). None of them
is an incident of the story; the measure, the execution or the banishment is. The cue
words are data (data/genericity.toml).

Registered in modality.RULES (imported by modality.py) before modality.hypothetical, after the
generic-mention and no-act rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .genericity import PRESENT, cues
from .modality import NO_ACT, Rule, Verdict, _bare, lexicon
from .rhetoric import FINITE, register

# the links a phrase hangs by inside one clause: nouns, prepositions and non-finite verbs
# the prepositions inside a phrase: "users of phones", "crackdown on", "help in escaping"
PHRASE_PREPS = ("of", "for", "in", "on", "against", "from", "to", "into", "across", "with")
PHRASE_LINKS = ("pobj", "prep", "pcomp", "compound", "amod", "nmod", "conj", "appos", "acl", "xcomp", "ccomp", "dobj", "poss")


def _phrase_up(trigger: Token, hops: int = 8) -> Iterator[Token]:
    """The trigger and the words above it up to the first verb with a tense of its own,
    through the links of one phrase only: "users of Chinese phones", "people trying to flee"."""
    t = trigger
    for _ in range(hops):
        yield t
        if t.dep_ not in PHRASE_LINKS or t.head == t or t.tag_ in FINITE:
            return
        if t.dep_ in ("acl", "ccomp") and t.tag_ not in ("VBG", "VBN", "VB"):
            return  # "help people defect" is one phrase, "said that they fled" is a clause
        if t.dep_ == "prep" and t.lower_ not in PHRASE_PREPS:
            return  # "preventing incidents given Kim's visit": an adjunct of its own
        t = t.head


def targeted(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"harshly cracking down on people trying to flee", "the crackdown on users of Chinese
    mobile phones", "to prevent people from using the cover of night to defect", "to weed
    out brokers that aid defectors in escaping": the acts of a class of people a measure is
    aimed at, none told ("stopped a smuggling ring" names one; a direct "crackdown on
    smuggling" is modality.no_act.campaign_target)."""
    lex = lexicon()
    c = cues()
    campaigns = lex.campaigns | c["campaign_words"]
    below: Token | None = None
    for t in _phrase_up(trigger):
        head = t.head
        if below is not None and t.dep_ == "acl" and t.tag_ == "VBN":
            return None  # "incidents given the leader's visit": a participle of its own, not the people aimed at
        if below is not None and t.dep_ == "prep":
            if t.lower_ in ("on", "against") and head.lemma_.lower() in campaigns and _bare(below):
                return Verdict(NO_ACT, "modality.genre.targeted")
            if t.lower_ == "from" and head.lemma_.lower() in lex.bans:
                return Verdict(NO_ACT, "modality.genre.targeted")  # "prevent people from using ... to defect"
        objects = [t] if t.dep_ == "dobj" and t != trigger else []
        if below is not None and below.dep_ == "pcomp" and t.lower_ == "in":
            objects = [o for o in head.children if o.dep_ == "dobj"]  # "weed out brokers ... in escaping"
        if objects and head.lemma_.lower() in lex.prevention | c["campaign_words"] and all(_bare(o) for o in objects):
            return Verdict(NO_ACT, "modality.genre.targeted")  # "roundup phone users"
        below = t
    return None


# the links from a class's act up to the sanction: "punishments for residents caught smuggling"
SANCTION_LINKS = ("acl", "xcomp", "dobj", "pobj", "prep", "pcomp", "conj", "compound", "amod")


def _threatened_or_ordered(sanction: Token) -> bool:
    """"threatening harsh punishments", "warns of stronger punishments", "threatened residents
    with punishment", "instructions to punish", "ordered to punish": a sanction hanging over
    people or ordered, none meted out yet."""
    orders, threats = cues()["order_words"], lexicon().warned_of  # modality.toml's: "warns of", "threatening"
    head = sanction.head
    if sanction.dep_ == "pobj" and head.lower_ in ("of", "with"):
        head = head.head
    elif sanction.dep_ not in ("dobj", "xcomp", "acl"):
        return False
    if sanction.dep_ == "pobj":
        return head.lemma_.lower() in threats
    if sanction.dep_ in ("xcomp", "acl") and any(o.dep_ == "dobj" and o.lemma_.lower() in orders for o in head.children):
        return True  # "issued instructions to punish", the infinitive hung on the verb
    return head.lemma_.lower() in threats | orders


def _class(people: Token) -> bool:
    """"residents", "those", "those caught ...": a class of people, not "the two smugglers"."""
    return _bare(people) or any(c.dep_ == "det" and c.lower_ == "those" for c in people.children)


def sanctioned_class(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"threatening harsh punishments for residents caught smuggling", "instructions to
    severely punish those caught using Chinese phones": the acts of a class of people a
    threatened or ordered sanction is for are not told ("punished the two smugglers arrested
    last week" names people, and its arrest stays). The parser reads "caught" as a past verb
    and may hang "for" on the threat's verb, so the walk is its own."""
    sanctions = cues()["sanction_words"]
    people: Token | None = None
    t = trigger
    for _ in range(8):
        head = t.head
        if t.pos_ in ("NOUN", "PRON") and t != trigger:
            people = t
        if people is not None and t.dep_ == "prep" and t.lower_ == "for":
            objects = [head] if head.lemma_.lower() in sanctions else [o for o in head.children if o.dep_ == "dobj"]
            if any(o.lemma_.lower() in sanctions and _threatened_or_ordered(o) for o in objects):
                return Verdict(NO_ACT, "modality.genre.sanctioned_class") if _class(people) else None
        if t == people and t.dep_ == "dobj" and head.lemma_.lower() in sanctions and _threatened_or_ordered(head):
            return Verdict(NO_ACT, "modality.genre.sanctioned_class") if _class(people) else None
        if t.dep_ == "acl" and people is None and head.lemma_.lower() in sanctions and _threatened_or_ordered(head):
            return Verdict(NO_ACT, "modality.genre.sanctioned_class")  # "punishments for farmers caught ...", misread
        if t.dep_ not in SANCTION_LINKS or head == t:
            return None
        t = head
    return None


def aided(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"executed for helping 41 women defect", "accused of aiding people's escape", "brokers
    engaged in helping people defect", "who then help them to defect": what others are
    helped to do, told as the helper's trade or charge (a gerund or a present), is not an
    act told. ("A broker helped five people cross on Monday" stays.)"""
    helping = cues()["helping"]
    for t in list(_phrase_up(trigger, 4))[1:]:
        if t.lemma_.lower() in helping and t.pos_ == "VERB" and (
            t.tag_ == "VBG" or (t.tag_ in PRESENT and not any(a.dep_ == "aux" for a in t.children))
        ):
            return Verdict(NO_ACT, "modality.genre.aided")
    return None


def _kin(noun: Token) -> bool:
    """"relatives", "family members", "members" of a family: a family's people, plural."""
    words = lexicon().kin | cues()["kin_members"]
    return noun.tag_ in ("NNS", "NNPS") and (noun.lemma_.lower() in words or noun.lower_ in words)


def _families(noun: Token) -> bool:
    return noun.lemma_.lower() in cues()["households"]


def kin_act(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"families who had two or more family members defect", "the exiled families all have
    members who defected", "families of individuals known to have defected", "for their
    relatives' escape": a relative's act that says whose family is punished."""
    before = sent.doc[trigger.i - 1] if trigger.i >= 2 else None
    if any(c.dep_ == "poss" and _kin(c) for c in trigger.children) or (
        before is not None and (before.tag_ == "POS" or before.dep_ == "case") and _kin(sent.doc[trigger.i - 2])
    ):
        return Verdict(NO_ACT, "modality.genre.kin_act")  # "their relatives' escape" (the parser may drop the link)
    verb = trigger
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    held = verb.head
    # "had members defect": the members are had's object or, as the parser often reads it, defect's subject
    kin = [*(c for c in held.children if c.dep_ == "dobj"), *(c for c in verb.children if c.dep_ == "nsubj")]
    if verb.dep_ in ("ccomp", "xcomp") and held.lemma_ == "have" and any(_kin(c) for c in kin):
        return Verdict(NO_ACT, "modality.genre.kin_act")  # "had two or more family members defect"
    if trigger.dep_ in ("acl", "amod") and trigger.tag_ == "VBN":
        return None  # "relatives of the two men arrested", "the family of the executed leaker": done to them
    for t in _phrase_up(trigger):
        if t.dep_ == "relcl" and _kin(t.head) and t.head.dep_ == "dobj" and t.head.head.lemma_ == "have":
            return Verdict(NO_ACT, "modality.genre.kin_act")  # "have members who defected"
        if t.dep_ == "pobj" and t.head.lower_ == "of" and _families(t.head.head) and t != trigger:
            return Verdict(NO_ACT, "modality.genre.kin_act")  # "families of individuals known to have defected"
    return None


def prepared_for(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"as part of preparations for the summer military exercise", "making full
    preparations for the possible third West Sea skirmish": the act prepared for is
    planned, not yet done."""
    n = trigger
    while n.dep_ in ("compound", "amod", "conj") and n.head.pos_ in ("NOUN", "PROPN"):
        n = n.head
    if n.dep_ != "pobj" or n.head.lower_ != "for":
        return None
    prep = n.head
    # the parser often hangs "for" on the verb: "made full preparations for a possible clash"
    before = prep.doc[prep.i - 1].lemma_.lower() if prep.i > 0 else ""
    if {prep.head.lemma_.lower(), before} & cues()["preparations"]:
        return Verdict("planned", "modality.genre.prepared_for")
    return None


def possible(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"the possible third West Sea skirmish", "a potential nuclear test": an act only
    thought possible is not one told."""
    if any(c.dep_ == "amod" and c.lower_ in cues()["possible"] for c in trigger.children):
        return Verdict(NO_ACT, "modality.genre.possible")
    return None


TARGET_RULES: list[tuple[str, Rule]] = [
    ("modality.genre.targeted", targeted),
    ("modality.genre.aided", aided),
    ("modality.genre.sanctioned_class", sanctioned_class),
    ("modality.genre.kin_act", kin_act),
    ("modality.genre.possible", possible),  # before prepared_for: "preparations for the possible clash"
    ("modality.genre.prepared_for", prepared_for),
]

register(TARGET_RULES, before="modality.hypothetical")  # after the generic and no-act rules, which name more closely
