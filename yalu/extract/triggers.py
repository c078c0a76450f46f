"""Trigger detection: words that report an event, read in their clause.

The lexicon is data (data/triggers.toml); this module only applies it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Span, Token

from .. import resources
from ..annotate.index import ent_of
from ..ontology import has
from .clause import Terms, Words, sentence_texts, window
from .senses import destinations, objects, recipients, subjects

# a noun named in the singular is one thing (single_objects_none), unless a determiner
# spreads it over all of its kind ("every house")
SINGULAR = {"NN", "NNP"}
# a kind read from a sentence's term ("sentence:prison"): it tells sentences apart, not a
# sentence from the act its word names ("eight others were sentenced to five years" at the
# trial that ended in "the execution" may be one incident)
TERM = "sentence:"
# the verbs that hand a sentence down or take it: its term is then the sentence's kind
TERM_GIVERS = {"give", "hand", "receive", "get", "serve", "impose", "pass", "deliver"}
DISTRIBUTIVES = {"every", "each", "all", "any"}


@dataclass(frozen=True)
class Rule:
    id: str
    event_type: str
    lemmas: frozenset[str]
    pos: frozenset[str]
    any: Terms
    none: Terms
    weight: float
    states: frozenset[str] = frozenset()
    also: Terms = Terms([])
    kinds: tuple[tuple[str, str], ...] = ()  # (word form, kind): which sanction a word names
    # (word, kind): which sanction a sentence's term names, "sentenced to death", "a life
    # sentence", "sentenced to ten years of hard labor" (trigger.punishment.execute `term_kinds`)
    term_kinds: tuple[tuple[str, str], ...] = ()
    # vetoes read in the whole sentence, its embedded clauses too: the storm that residents are
    # told to stay indoors "as" it nears (trigger.lockdown.stay_home)
    sentence_none: Terms = Terms([])
    objects_none: Terms = Terms([])  # objects that give the word another sense ("sent a petition")
    subjects_none: Terms = Terms([])  # doers that do ("rains destroying bridges")
    recipients_none: Terms = Terms([])  # and recipients ("handed money to a defector's family")
    # objects that, one of them, give another sense: "searched her home" (one suspect's), not "searched homes"
    single_objects_none: Terms = Terms([])
    # words that, with no object and no cause in their sentence, tell what befell their subject:
    # "a fishing boat was sinking when its crew were rescued" (not "sank the corvette", "was
    # struck and sank", "sank after an explosion")
    intransitive_none: frozenset[str] = frozenset()
    causes: Terms = Terms([])
    # a doer blamed for the act, which tells it was done: "Seoul blamed Pyongyang for the
    # sinking" (not "blamed the ferry operator for the sinking": an operator sinks nothing)
    blamed: Terms = Terms([])
    # objects the word must have to tell this act: "investigated residents" (a class of people),
    # not "investigated the fire"
    objects_any: Terms = Terms([])
    # doers the word must have: "two women crossed the NLL" flee, boats and troops intrude
    subjects_any: Terms = Terms([])
    # where the word sends what it is done to, a clue beside `any` that reads place names: "handed
    # her back to North Korea" (words inside a place's name are no clues in the clause)
    destinations_any: Terms = Terms([])

    def other_sense(self, token: Token) -> bool:
        """The word's object, doer or recipient gives it another sense than this rule's act."""
        found = objects(token)
        return bool(
            (self.objects_none and self.objects_none.found(found, set()))
            or (self.single_objects_none and self.single_objects_none.found([o for o in found if _one(o)], set()))
            or (token.lemma_.lower() in self.intransitive_none and self._befell(token, found))
            # a doer's head word counts inside a place's name: "Seoul contacted ...", Kim Chaek
            # the man (read as his city's name) who "inspected the units"
            or (self.subjects_none and self.subjects_none.found(subjects(token), set(), names=True))
            or (self.recipients_none and self.recipients_none.found(recipients(token), set()))
        )

    def may_fire(self, token: Token, state: set[str], sentence: Callable[[], tuple[str, ...]]) -> bool:
        """Whether the rule may fire on the word, tested before its clause is read (most
        candidates fire none): its part of speech and form fit, a word of `any` is in the
        sentence (`sentence`: its texts) where the rule has no other way to its clues, and one
        of `also` too."""
        return token.pos_ in self.pos and not (self.states & state) and (
            not self.any or bool(self.destinations_any) or has(self.event_type, "told_by_pronoun")
            or self.any.may_find(sentence())) and (not self.also or self.also.may_find(sentence()))

    @cached_property
    def reads_tags(self) -> bool:
        """Its word lists read place tags (`@KP`, `@border`): the clause's are needed."""
        return any(terms.tags for terms in (self.any, self.also, self.none))

    def wants_object(self, token: Token) -> bool:
        """The rule names the objects its act is done to, and the word has none of them."""
        # a place named counts: "left North Korea" (trigger.defection.leave_country)
        return bool(self.objects_any) and not self.objects_any.found(objects(token), set(), names=True)

    def wants_doer(self, token: Token) -> bool:
        """The rule names the doers of its act, and the word has none of them."""
        return bool(self.subjects_any) and not self.subjects_any.found(subjects(token), set(), names=True)

    def sent_to(self, token: Token) -> bool:
        """The word sends what it is done to one of the rule's destinations."""
        return bool(self.destinations_any) and any(
            self.destinations_any.found(phrase, set(), names=True) for phrase in destinations(token))

    def _befell(self, token: Token, found: list[Token]) -> bool:
        """An intransitive verb with a subject of its own, the word as a noun ("the ferry's
        sinking", a headline's "Warship sinks off the coast", a title-case one's "A Ship Sinks
        Off the Shore") or a participle that describes its
        thing ("rescued from a sinking ship"), with nothing done to and no cause told in its
        sentence; a verb joined to another shares its doer and object ("the navy intercepted and
        sank a vessel", which the parser may leave with no object), and "the sinking of the
        corvette" names what was sunk."""
        told = [t for t in token.sent if t.i != token.i]  # "has sunk" is no cause of itself, "was sunk" a passive
        if found or self.causes.found(told, set()) or self._blamed(token):
            return False
        if token.pos_ == "VERB":
            # (a headline's "missing after cargo ship sinks" hangs the verb on "after", its subject a compound)
            return token.dep_ in ("amod", "pobj") or any(c.dep_ in ("nsubj", "compound") for c in token.children)
        return token.pos_ in ("NOUN", "PROPN")  # a title-case headline's "A Ship Sinks Off ..." is tagged a name

    def _blamed(self, token: Token) -> bool:
        """The act blamed on one of the rule's doers: the word in what a blame is "for", with the
        doer its object ("blamed Pyongyang for the sinking"), or the blame's object or passive
        subject, with the doer its "on" ("the sinking was blamed on the North"); a place's name
        counts. A blame for something else is none ("blamed the military for the slow rescue
        after a fishing boat sank")."""
        if not self.blamed:
            return False
        for w in token.sent:
            if w.lemma_.lower() != "blame":
                continue
            done = [*objects(w), *(c for c in w.children if c.dep_ == "nsubjpass")]
            fors = [p for p in w.subtree if p.dep_ == "prep" and p.lower_ == "for" and p.head in (w, *done)]
            held: list[Token] = []
            if any(_told_in(token, p) for p in fors):
                held = [d for o in done for d in o.subtree if not any(d in p.subtree for p in fors)]
            elif any(_told_in(token, o) for o in done):
                held = [d for x in (w, *done) for p in x.children if p.dep_ == "prep" and p.lower_ == "on"
                        for c in p.children for d in c.subtree]
            if self.blamed.found(held, set(), names=True):
                return True
        return False

    def kind_of(self, token: Token) -> str:
        """The kind of act the word names ("executed": death, "jailed": prison), or ""."""
        forms = {token.lemma_.lower(), token.lower_}
        return next((kind for form, kind in self.kinds if form in forms), "") or self._term_kind(token)

    def _term_kind(self, token: Token) -> str:
        """The kind a sentence's term names: the words it is sentenced to ("to death", "to
        15 years in a labor camp"), of ("a sentence of 15 years") or under it ("received a
        life sentence", "was handed a death sentence"); "" when they name none or two."""
        # a sentence only asked for names none: "prosecutors demanded a death sentence"
        if not self.term_kinds or (token.pos_ == "NOUN" and token.head.lemma_.lower() not in TERM_GIVERS):
            return ""
        words = [w for c in token.children if c.dep_ in ("amod", "compound", "nmod")
                 or (c.dep_ == "prep" and c.lower_ in ("to", "of")) for w in c.subtree]
        found = {kind for form, kind in self.term_kinds for w in words if w.lemma_.lower() == form or w.lower_ == form}
        return TERM + found.pop() if len(found) == 1 else ""


def _one(noun: Token) -> bool:
    """"her home", "the vessel": one thing, not "homes" or "every house"."""
    return noun.tag_ in SINGULAR and not any(c.dep_ == "det" and c.lower_ in DISTRIBUTIVES for c in noun.children)


@dataclass
class Trigger:
    token: Token
    rule: Rule
    window: list[Token]

    @property
    def event_type(self) -> str:
        return self.rule.event_type


def _told_in(token: Token, head: Token) -> bool:
    """The word is the phrase's own, not inside a clause of its own that hangs there ("for the
    slow rescue after a fishing boat sank")."""
    while token != head:
        if token.dep_ in ("advcl", "relcl", "ccomp", "acl", "parataxis") or token.head == token:
            return False
        token = token.head
    return True


def _lexicon() -> dict:
    return resources.load("triggers.toml")


@cache
def _elsewhere() -> tuple[Terms, Terms]:
    """(words of other theatres, words of a Korean party)."""
    data = _lexicon()["elsewhere"]
    return Terms(data["terms"]), Terms(data["korean"])


@cache
def rules() -> dict[str, list[Rule]]:
    """Rules indexed by trigger lemma."""
    data = _lexicon()
    by_lemma: dict[str, list[Rule]] = {}
    for r in data["rule"]:
        if set(r.get("states", [])) - STATES:
            raise resources.DataFileError(f"triggers.toml: rule {r['id']} has unknown states {r['states']}")
        rule = Rule(
            id=r["id"],
            event_type=r["type"],
            lemmas=frozenset(r["lemmas"]),
            pos=frozenset(r.get("pos", ["VERB", "NOUN", "PROPN", "ADJ"])),
            any=Terms(r.get("any", [])),
            none=Terms(r.get("none", [])),
            weight=r.get("weight", 0.7),
            states=frozenset(r.get("states", [])),
            also=Terms(r.get("also", [])),
            kinds=tuple((form, kind) for kind, words in r.get("kinds", {}).items() for w in words for form in _inflections(w)),
            term_kinds=tuple((w, kind) for kind, words in r.get("term_kinds", {}).items() for w in words),
            sentence_none=Terms(r.get("sentence_none", [])),
            objects_none=Terms(r.get("objects_none", [])),
            subjects_none=Terms(r.get("subjects_none", [])),
            recipients_none=Terms(r.get("recipients_none", [])),
            single_objects_none=Terms(r.get("single_objects_none", [])),
            intransitive_none=frozenset(r.get("intransitive_none", [])),
            causes=Terms(r.get("causes", [])),
            blamed=Terms(r.get("blamed", [])),
            objects_any=Terms(r.get("objects_any", [])),
            subjects_any=Terms(r.get("subjects_any", [])),
            destinations_any=Terms(r.get("destinations_any", [])),
        )
        for lemma in rule.lemmas:
            for form in _inflections(lemma):
                by_lemma.setdefault(form, [])
                if rule not in by_lemma[form]:
                    by_lemma[form].append(rule)
    return by_lemma


def _inflections(lemma: str) -> set[str]:
    """The lemma and its regular inflections: the tagger's lemmas slip ("installed" ->
    "instal"), the written form does not."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return forms


PRONOUNS = {"they", "it", "them"}


def _antecedent(token: Token, place_tags) -> list[Token]:
    """The sentence before, when what the act was done to is a pronoun: "They were
    launched from Hwangju County" after "North Korea launched two missiles". Not a
    pronoun doer ("They vowed ..."): clues name what was fired, sent or built."""
    if not any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in PRONOUNS for c in token.children):
        return []
    sent = token.sent
    if sent.start == 0:
        return []
    before = list(sent.doc[sent.start - 1].sent)
    others, korean = _elsewhere()
    if others.found(before, set(), names=True) and not korean.found(before, place_tags(before)):
        return []  # the launches of another theatre are not told again here
    return before


STATES = {"adjective", "passive"}


def _state(token: Token) -> set[str]:
    """The forms in which a participle tells a state, not an act: an adjective ("the
    heavily fortified border", "a border that is fortified") or a passive with no doer
    ("the market is deserted"; "was deserted by his unit" names one)."""
    forms = set()
    if token.pos_ == "ADJ" or token.dep_ in ("amod", "acomp"):
        forms.add("adjective")
    children = list(token.children)
    if token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children):
        forms.add("passive")
    return forms


def _inside_name(token: Token) -> bool:
    """A word inside a name is not an act ("Storm Corps", "Punggye-ri nuclear test
    site"), though an actor's head noun can be ("infiltrators were killed")."""
    if not token.ent_type_:
        return False
    if token.ent_type_ != "ACTOR":
        return True
    ent = ent_of(token)
    return ent is not None and ent.root != token


def find_triggers(sent: Span, place_tags) -> list[Trigger]:
    """Every (token, rule) that fires in the sentence; `place_tags(tokens)` gives the
    @-tags (countries, @border, @sea) of the places inside a token list."""
    found = []
    table = rules()
    others, korean = _elsewhere()
    abroad = None  # read at the sentence's first candidate: most sentences have none
    texts = cache(lambda: sentence_texts(sent))
    for token in sent:
        candidates = table.get(token.lemma_.lower()) or table.get(token.lower_)
        if not candidates or _inside_name(token):
            continue
        state = _state(token)
        if not any(rule.may_fire(token, state, texts) for rule in candidates):
            continue
        if abroad is None:
            abroad = others.may_find(texts()) and others.found(list(sent), set(), names=True)  # "Italy", "Sevastopol": place names
        tokens = window(token)
        clause = Words(tokens)
        # the places of the clause are read where a list reads their tags (most read words alone)
        tags = place_tags(tokens) if abroad or any(rule.reads_tags for rule in candidates) else set()
        if abroad and not korean.found(clause, tags):
            continue  # another theatre's act: no Korean party in its clause
        before = _antecedent(token, place_tags)
        fired = [
            rule
            for rule in candidates
            if token.pos_ in rule.pos
            and not (rule.states & state)
            and (not (rule.any or rule.destinations_any) or rule.any.found(clause, tags) or rule.sent_to(token)
                 or (before and has(rule.event_type, "told_by_pronoun") and rule.any.found(before, place_tags(before))))
            and not (rule.also and not rule.also.found(clause, tags))
            and not (rule.none and rule.none.found(clause, tags))
            and not (rule.sentence_none and rule.sentence_none.found(list(sent), set()))
            and not rule.other_sense(token)
            and not rule.wants_object(token)
            and not rule.wants_doer(token)
        ]
        if fired:
            # one word reports one act: the surest reading ("closed" is a lockdown, not also a market measure)
            found.append(Trigger(token, max(fired, key=lambda r: r.weight), tokens))
    return found
