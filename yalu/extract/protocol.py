"""Modality rules for diplomatic protocol: a message, letter or greeting received is the
sender's act, not the receiver's. KCNA reports every anniversary greeting and reply that
reaches Kim Jong Un or the foreign minister ("received a message of greeting from the
president of ..."); what the North itself does is sending one (kept: "sent a reply
message to ..."), receiving a delegation or an envoy's credentials (kept: a meeting held
in the country). Daily NK or Yonhap copy ("Kim received a letter from Trump") is read
the same way.

Registered in modality.RULES (imported by modality.py), before the generic-mention rules.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .modality import NO_ACT, Rule, Verdict
from .rhetoric import register
from .senses import objects as done_to

# what is received as words or tokens of courtesy, not met
COURTESIES = frozenset(["message", "letter", "greeting", "reply", "congratulation", "condolence", "sympathy",
                        "telegram", "card", "gift", "basket", "wreath", "answer", "note"])


def received(trigger: Token, sent: Span, attributed: bool) -> Verdict | None:
    """"Kim Jong Un received a message of greeting from the president of ...", "the foreign
    minister received messages of greeting from her counterparts": the sender's act."""
    if trigger.lemma_.lower() != "receive" or trigger.pos_ != "VERB":
        return None
    objects = done_to(trigger)
    objects += [conj for o in objects for conj in o.conjuncts]
    if any(o.lemma_.lower() in COURTESIES for o in objects):
        return Verdict(NO_ACT, "modality.protocol.received")
    return None


PROTOCOL_RULES: list[tuple[str, Rule]] = [("modality.protocol.received", received)]

register(PROTOCOL_RULES)
