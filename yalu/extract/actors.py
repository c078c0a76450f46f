"""Actors of an incident and their roles, from the actor lexicon (data/actors.toml)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..annotate import ACTOR, actor_lexicon
from ..model import Actor
from ..ontology import has

AGENT_DEPS = {"nsubj", "csubj", "agent"}
TARGET_DEPS = {"nsubjpass", "dobj", "pobj", "iobj", "dative"}


def _entry(normalized: str) -> dict:
    return next(a for a in actor_lexicon() if a["normalized"] == normalized)


def _role(ent: Span, trigger: Token, event_type: str) -> str:
    root = ent.root
    if trigger.dep_ in ("relcl", "acl") and root == trigger.head:
        # "a soldier who deserted", "a woman crossing the river": the noun the clause
        # describes does the act, unless the participle is passive ("a man arrested")
        return "target" if trigger.tag_ == "VBN" and trigger.dep_ == "acl" else "agent"
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return "agent"  # "the hijacking of a plane by an agent": "by" names the doer wherever it hangs
    # climb through "members of the Seventh Corps", "a soldier with the Seventh Corps"
    climbing = ("prep", "nsubj", "nsubjpass", "dobj", "appos", "conj", "compound")
    while root.dep_ in ("pobj", "compound", "appos", "conj") and root.head.dep_ in climbing:
        root = root.head if root.dep_ != "pobj" else root.head.head
    if root.dep_ in AGENT_DEPS or (root.dep_ == "pobj" and root.head.lower_ == "by"):
        return "agent"
    if root.dep_ in TARGET_DEPS:
        victim = has(event_type, "victims")
        return "victim" if victim and root.dep_ != "pobj" else "target"
    return "agent" if ent.start < trigger.i else "target"


def actors(sent: Span, trigger: Token, window: list[Token], event_type: str) -> list[Actor]:
    """Lexicon actors inside the trigger's clause, with agent/target/victim roles."""
    ids = {t.i for t in window}
    found: list[Actor] = []
    for ent in sent.ents:
        if ent.label_ != ACTOR or not any(t.i in ids for t in ent):
            continue
        entry = _entry(ent.ent_id_)
        actor = Actor(
            role=_role(ent, trigger, event_type),
            text=ent.text,
            normalized=entry["normalized"],
            kind=entry.get("kind"),
            unit=entry.get("unit"),
            rank=entry.get("rank"),
        )
        if all((a.normalized, a.role) != (actor.normalized, actor.role) for a in found):
            found.append(actor)
    return found
