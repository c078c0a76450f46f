"""The clause a trigger sits in: the words that decide what it means."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from spacy.tokens import Span, Token

from ..annotate import text_of

# Dependents that open a clause of their own: their words do not qualify the trigger.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"}
NEIGHBOURS = 3


def window(trigger: Token) -> list[Token]:
    """The trigger's own clause: its subtree without embedded clauses, plus, for a
    noun, the word it depends on and that word's arguments ("missile launch",
    "exchange of fire", "laid landmines")."""
    tokens = set(_own_subtree(trigger))
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head != trigger:
        tokens |= _head_and_arguments(trigger)
        first = trigger
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if first is not trigger and first.head != first:
            # "punishments of trafficking, drugs and burglaries": a noun in a list
            # depends on what the list's first noun depends on
            tokens |= _head_and_arguments(first)
    if trigger.pos_ in ("NOUN", "PROPN"):
        tokens |= _participle_agents(trigger)
        tokens |= _content(trigger)
    if trigger.dep_ in ("amod", "compound", "nmod") and trigger.head != trigger:
        # "test-fired missiles" parsed as a modifier: the noun it modifies is its object
        tokens.update(_own_subtree(trigger.head))
    # the parser often misattaches in dense wire copy: the trigger's immediate neighbours count too
    sent = trigger.sent
    tokens.update(sent.doc[max(sent.start, trigger.i - NEIGHBOURS): min(sent.end, trigger.i + NEIGHBOURS + 1)])
    if trigger.dep_ in ("conj", "xcomp", "acomp") or (
            trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)):
        # "crossed the river and fled to China": the first verb's subject counts too;
        # "control has become stricter": so does the subject a predicate adjective tells of;
        # "while visiting the fields, Kim criticized ...": and the doer of a participle's clause
        for child in trigger.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                tokens.update(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


def _participle_agents(noun: Token) -> set[Token]:
    """The doer a participle after a noun names ("a statement released by a spokesman for
    the Supreme Command", "issued by Kim and carried by KCNA"): who made the act, though
    the participle is a clause of its own."""
    tokens: set[Token] = set()
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    while participles:
        participle = participles.pop()
        participles.extend(c for c in participle.children if c.dep_ == "conj" and c.tag_ == "VBN")
        for child in participle.children:
            if child.dep_ == "agent":
                tokens.update(_own_subtree(child))
    return tokens


def to_infinitive(verb: Token) -> bool:
    """The verb has its "to" ("to tighten", "to cross")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _content(noun: Token) -> set[Token]:
    """What a noun's infinitive tells it is for: "an order by Kim to tighten control of the
    schools", "a directive to round up phone users" (the order's content, though the
    infinitive is a clause of its own)."""
    tokens: set[Token] = set()
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VB" and to_infinitive(child):
            tokens.update(_own_subtree(child))
    return tokens


def _head_and_arguments(noun: Token) -> set[Token]:
    """The word a noun depends on (through a preposition) and that word's arguments, its
    predicate adjective too ("prices of rice were stable": the copula's "stable")."""
    head = noun.head
    if head.dep_ == "prep" and head.head != head:
        head = head.head
    tokens = {head}
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "compound", "amod", "prep", "agent", "prt", "attr", "acomp"):
            tokens.update(_own_subtree(child))
    if head.dep_ == "conj" and head.head != head and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        # "Kim criticized and demoted officials during a visit to the area": a joined verb's doer
        # is the first verb's
        tokens.update(t for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    return tokens


def _own_subtree(token: Token) -> Iterator[Token]:
    """The token and its dependents, without embedded clauses; walked with a stack, not
    by recursion: a very long sentence parses into a tree deeper than Python's limit."""
    stack = [token]
    while stack:
        token = stack.pop()
        yield token
        stack.extend(reversed([c for c in token.children if not _embedded_clause(c)]))


def _embedded_clause(token: Token) -> bool:
    """A clause of its own below the trigger: a subordinate or relative clause, or a
    preposition's clause with its own subject ("in what the army called warning shots");
    a bare one stays ("arrested for selling drugs": the charge)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in CLAUSE_DEPS:
        return True
    return token.dep_ == "pcomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


class Terms:
    """A word list as the lexicons write it: words, phrases, `prefix*`, `@XX` place tags."""

    def __init__(self, terms: list[str]):
        self.tags = {t for t in terms if t.startswith("@")}
        words = [t for t in terms if not t.startswith("@")]
        parts = [
            re.escape(w[:-1].lower()) + r"\S*" if w.endswith("*") else re.escape(w.lower())
            for w in words
        ]
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])") if parts else None
        self._words = words

    def __bool__(self) -> bool:
        return bool(self.tags or self.pattern)

    @cached_property
    def _heads(self) -> re.Pattern[str] | None:
        """The first word of each term (a prefix's stem): what a text the list finds words in holds."""
        heads = {w.lower().removesuffix("*").split(" ")[0] for w in self._words}
        return re.compile("|".join(map(re.escape, sorted(heads)))) if heads else None

    def may_find(self, texts: tuple[str, ...]) -> bool:
        """Whether the list may find words in a clause of a sentence whose words (`sentence_texts`)
        are `texts`: False when no term's first word is in them, a test cheaper than the clause's.
        A clause's text is its sentence's words, some left out (a space where they are), so a
        word found there is in the sentence's."""
        return bool(self.tags) or (self._heads is not None and any(self._heads.search(t) for t in texts))

    def found(self, tokens: list[Token] | Words, tags: set[str], names: bool = False) -> bool:
        """With `names`, words inside a place name count too: a list of other theatres
        names places ("Sevastopol", "Italy"), which a clue list must not."""
        if self.tags & tags:
            return True
        if self.pattern is None:
            return False
        words = tokens if isinstance(tokens, Words) else Words(tokens)
        return bool(self.pattern.search(words.text(names, "lower_")) or self.pattern.search(words.text(names, "lemma_")))


class Words:
    """A clause's tokens and their texts as word lists read them (`_text`), each joined
    once however many lists read the clause: a trigger's rules read the same words."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self._texts: dict[tuple[bool, str], str] = {}

    def text(self, names: bool, attr: str) -> str:
        """The words outside place and outlet names (`names`: outside outlet names only,
        for the lists of other theatres); words inside them are no clues ("Chollima
        District" is no missile)."""
        found = self._texts.get((names, attr))
        if found is None:
            skip = ("SOURCE",) if names else ("PLACE", "SOURCE")
            found = self._texts[names, attr] = _text([t for t in self.tokens if t.ent_type_ not in skip], attr)
        return found


def sentence_texts(sent: Span) -> tuple[str, str]:
    """The sentence's words and their lemmas, lowered, as written: each run of words a clause's
    text (`Words.text`) joins without a space is in them."""
    return text_of(sent.doc)[sent.start_char:sent.end_char].lower(), "".join(t.lemma_.lower() + t.whitespace_ for t in sent)


def _text(tokens: list[Token], attr: str) -> str:
    """The tokens' words as written ("anti-defection" stays one word), a space where
    the list skips part of the sentence."""
    out = []
    for previous, token in zip([None, *tokens], tokens):
        if previous is not None and (token.i != previous.i + 1 or previous.whitespace_):
            out.append(" ")
        out.append(getattr(token, attr).lower())
    return "".join(out)
