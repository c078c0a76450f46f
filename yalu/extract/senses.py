"""A trigger word's sense told by the parse: what it is done to, who does it, and to whom.

"sent a petition" is no deployment, "captured images" no arrest, "rains destroying
bridges" no demolition, "handed money to a defector's family" no bribe: a rule's
`objects_none`, `subjects_none` and `recipients_none` (data/triggers.toml) name the
objects, doers and recipients that give the word another sense. Read on the trigger's own
arguments, not its whole clause, so that "sent troops and a letter" stays a deployment of
troops and the same word with a real object still fires.
"""

from __future__ import annotations

from spacy.tokens import Token

# heads that only count what they hold: "a team of doctors", "dozens of workers" are the doctors and the workers
COLLECTIVES = {"team", "group", "unit", "delegation", "party", "crew", "number", "batch", "squad", "dozen", "hundred", "thousand"}
# a verb's object told through a preposition when it has none ("searching for gold")
OBJECT_PREPOSITIONS = {"for"}
# a verb whose subject is its clause's: "the rains have submerged farmland, destroying ..."
SHARES_SUBJECT = {"advcl", "conj", "xcomp"}
# the particles a destination's "to" hangs on: "sent back to", "handed over to"
PARTICLES = {"back", "over"}


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _with_members(nouns: list[Token]) -> list[Token]:
    """The nouns, and what a collective among them is made of ("a team of doctors")."""
    out = list(nouns)
    for noun in nouns:
        if noun.lemma_.lower() in COLLECTIVES:
            out += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]
    return out


def objects(trigger: Token) -> list[Token]:
    """What the act is done to: a verb's object, a passive's subject, the noun a participle
    describes ("soldiers confined behind the wire"), a noun's "of" object ("the launch of a
    campaign"), or, with none of these, what is searched "for"."""
    children = list(trigger.children)
    if trigger.pos_ in ("NOUN", "PROPN"):
        found = [o for p in children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    elif _passive(trigger):
        found = [c for c in children if c.dep_ == "nsubjpass"]
    elif trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        found = [trigger.head]
    else:
        found = [c for c in children if c.dep_ == "dobj"]
    if not found and trigger.pos_ == "VERB":
        found = [o for p in children if p.dep_ == "prep" and p.lower_ in OBJECT_PREPOSITIONS
                 for o in p.children if o.dep_ == "pobj"]
    return _with_members(found)


def subjects(trigger: Token) -> list[Token]:
    """Who or what does the act: an active verb's subject, a passive's agent, the subject
    of the verb a participle or joined verb shares it with ("the rains have submerged the
    fields, destroying bridges"), or the noun a participle modifies."""
    verb = trigger
    for _ in range(3):  # a chain of joined verbs is short; a parse loop is not followed
        children = list(verb.children)
        if _passive(verb):
            found = [o for a in children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        else:
            found = [c for c in children if c.dep_ == "nsubj"]
        if not found and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head is not verb:
            # a participle that modifies a noun tells what the noun does: "a truck ... killing 12"
            found = [verb.head]
        if found or verb.dep_ not in SHARES_SUBJECT or verb.head is verb:
            return _with_members(found)
        verb = verb.head
    return []


def recipients(trigger: Token) -> list[Token]:
    """To whom the thing is given: "handed over money to the family of a defector", "paid
    the guard 500 yuan"."""
    found = [c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    return _with_members(found + _to(trigger))


def destinations(trigger: Token) -> list[list[Token]]:
    """Where the word sends what it is done to, each as its noun's words up to it:
    "handed her back to North Korea", "were sent back to the North", "handed over to North
    Korean authorities" (the parser hangs the "to" on the particle). A word with nothing done
    to has none: who "returned to North Korea" went home; a verb joined to a passive shares
    its subject ("she was caught in Yanji and sent back to North Korea"), not an active verb's
    object ("crossed the line and returned to the North")."""
    shared = trigger.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in trigger.head.children)
    if not objects(trigger) and not shared:
        return []
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("advmod", "prt") and c.lower_ in PARTICLES)]
    # the place's own words, not its owner's: "sent to North Korea's prison camps" is a camp
    return [sorted([o, *(t for c in o.lefts if c.dep_ != "poss" for t in c.subtree)], key=lambda t: t.i)
            for head in heads for o in _to(head)]


def _to(word: Token) -> list[Token]:
    """The nouns of the word's own "to"."""
    return [o for p in word.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"
            for o in p.children if o.dep_ == "pobj"]
