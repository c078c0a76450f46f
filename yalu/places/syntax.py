"""Where a place stands in the parse relative to an act: in its clause, its setting,
where it went, which preposition it hangs from, how far in the tree."""

from __future__ import annotations

from spacy.tokens import Token

from .. import resources

DESTINATION_PREPS = {"to", "into", "toward", "towards"}
LOCATIVE_PREPS = {"in", "at", "from", "near", "inside", "outside"}
SETTING_PREPS = {"in", "at", "near", "inside", "around", "on"}
COMPASS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
    "southwest": 225, "west": 270, "northwest": 315,
}


# clauses with their own subject and time; participles ("centered around Uljin") and
# infinitives ("attempted to launch from Sinpo") stay in the trigger's clause
CLAUSE_HEADS = {"ccomp", "advcl", "relcl", "csubj", "parataxis", "pcomp"}


def clause_of(token: Token) -> Token:
    """The head of the smallest clause holding the token."""
    t = token
    while t.head != t and not (t.dep_ in CLAUSE_HEADS and t.pos_ in ("VERB", "AUX")):
        t = t.head
    return t


def same_clause(place: Token, trigger: Token) -> bool:
    """A place counts for a trigger when the place's clause also holds the trigger
    ("deserted in Sinpa County"), not when it sits in a clause of its own
    ("with the border completely closed")."""
    head = clause_of(place)
    if head.dep_ in ("relcl", "acl") and head.head.head == trigger and not others_act(head):
        return True  # "shot a man who was wading across the river in X County": where the victim was
    return head == trigger or head in trigger.ancestors or clause_of(trigger) == head


RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}


def others_act(clause: Token) -> bool:
    """A relative clause with a subject of its own tells what other people did, not where
    the people it hangs from were: "North Koreans whose family members have resettled in
    South Korea are being banished" (South Korea is the relatives' place)."""
    return clause.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children)


NOUN_ARGUMENTS = {"dobj", "nsubj", "nsubjpass", "attr"}


# a clause that tells the setting of an act it hangs from: "while visiting X", "when he was in X"
SETTING_MARKS = {"while", "when", "as", "during", "whilst"}


def setting_clause(place: Token, trigger: Token) -> bool:
    """A place in a clause below the act that tells where it or its people were: a relative
    clause ("men who live in Yonpung-dong", "a camp, which is in Hyetan District") or a
    while-clause ("shot dead after crossing into a restricted zone while visiting Mount
    Kumgang"), at a locative preposition or as the object visited, never a place someone
    came from or went to ("arrested after returning from China")."""
    head = clause_of(place)
    # an act named by a noun is told by its verb: "received a sentence in a camp, which is in X"
    anchors = {trigger, trigger.head} if trigger.pos_ == "NOUN" and trigger.dep_ in NOUN_ARGUMENTS else {trigger}
    if head == place or not anchors & set(head.ancestors):
        return False
    marks = {c.lower_ for c in head.children if c.dep_ == "mark"}
    if head.dep_ == "pcomp":
        marks.add(head.head.lower_)
    if not (head.dep_ in ("relcl", "acl") or (head.dep_ in ("advcl", "pcomp") and marks & SETTING_MARKS)):
        return False
    if others_act(head):
        return False
    t = place
    while t.dep_ in ("compound", "amod", "appos", "conj", "poss", "npadvmod") and t.head != t:
        t = t.head
    if t.dep_ == "pobj":
        return t.head.lower_ in SETTING_PREPS
    # "visiting the famed Mount Kumgang resort": the object of the clause's verb
    return t.dep_ == "dobj" or (t.head.dep_ == "dobj" and t.head.head == head)


def where_of(place: Token, trigger: Token) -> bool:
    """The place hangs from the act itself by a locative preposition ("spoke in Hyesan")."""
    t = place
    while t.dep_ in ("compound", "amod", "appos", "conj") and t.head != t:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in LOCATIVE_PREPS:
        return False
    attached = t.head.head
    return attached == trigger or attached == trigger.head


def destination(place: Token, trigger: Token | None) -> bool:
    """The place is where something went: "to China", "into the Yellow Sea north of
    Yeonpyeong" (any destination preposition between the place and the act)."""
    if trigger is not None and _visited(place, trigger):
        return True  # "visited Hamhung ... and was caught on her return": where she had gone
    for t in [place, *place.ancestors]:
        if trigger is not None and t == trigger:
            return False
        decided = _decides_destination(t)
        if decided is not None:
            return decided
    return False


VISIT_VERBS = {"visit", "travel"}


def _visited(place: Token, trigger: Token) -> bool:
    """The place is what someone other than the act visited: "had visited Hamhung to buy
    meth" (not "Kim Jong Un visited the Hamhung Fertilizer Complex", the act itself)."""
    t = place
    while t.dep_ in ("compound", "amod", "appos", "conj") and t.head != t:
        t = t.head
    return t.dep_ == "dobj" and t.head.lemma_.lower() in VISIT_VERBS and t.head != trigger


# context.toml [whither] (place.bound_for): "a bus bound for Bangkok", "a Pyongyang-bound train"
WHITHER = resources.load("places/context.toml")["whither"]
WHITHER_HEADS = frozenset(WHITHER["for_heads"])


def _headed_for(t: Token) -> bool:
    """The word is the "for" of a heading ("bound for Bangkok", "left for China") or the
    place of "Pyongyang-bound"."""
    if t.dep_ == "prep":
        if not (t.lower_ == "for" and t.head.pos_ in ("VERB", "ADJ") and {t.head.lower_, t.head.lemma_} & WHITHER_HEADS):
            return False
        # "left for Hyesan, where he was arrested": the act is there
        if any(c.dep_ == "relcl" for o in t.children for c in o.children):
            return False
        # "left for Hyesan to crack down": went there to act
        return not any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                       for c in t.head.children)
    after = t.nbor(1) if t.i + 2 < len(t.doc) else None
    return after is not None and after.text == "-" and after.nbor(1).lower_ == WHITHER["bound"]


def headed_for(place: Token) -> bool:
    """The place is where a vehicle or a traveller was headed ("a truck heading for Sinuiju
    was robbed"): never the target an act struck, whatever its type."""
    for t in [place, *place.ancestors]:
        if _headed_for(t):
            return True
        if _decides_destination(t) is not None:
            return False
    return False


def _decides_destination(t: Token) -> bool | None:
    """What a word on the way up from a place says of it: the nearest preposition
    decides ("from Wonsan"), a verb ends the way; None: look further up."""
    if _headed_for(t):
        return True
    if t.dep_ == "prep" and t.lower_ != "of":  # "of" names, it does not lead anywhere
        if any(c.dep_ == "pobj" and c.lower_.replace("-", "") in COMPASS for c in t.children):
            return False  # "to the southwest of Yeonpyeong": where, not whither
        return t.lower_ in DESTINATION_PREPS
    if t.pos_ in ("VERB", "AUX"):
        return False
    return None


class Destinations:
    """`destination(place, None)` for many places of one document, each word on the way
    up answered once: a run of names parsed as one chain was climbed again for each."""

    def __init__(self) -> None:
        self.known: dict[int, bool] = {}

    def __call__(self, place: Token) -> bool:
        path, t = [], place
        while t.i not in self.known:
            decided = _decides_destination(t)
            if decided is None and t.head != t:
                path.append(t.i)
                t = t.head
                continue
            self.known[t.i] = bool(decided)
        for i in path:
            self.known[i] = self.known[t.i]
        return self.known[t.i]


def sent_from(place: Token, verbs: frozenset[str], act: Token | None = None) -> bool:
    """The place is where someone or something was sent from to somewhere else: "cadres
    sent from Pyongyang to Hyesan", "a team of doctors from Pyongyang was sent to the
    unit", "money changers from Pyongyang are coming to the border areas" (place.sent_from):
    the act happened where they went, not where they set out. Not the act's own "from"
    ("fired two missiles from Sukchon into the sea"): where it set out is its place.
    `verbs`: the lemmas that send or bring people (context.toml sent_verbs); "crossing the
    river from Huchang to Changbai" is no sending: crossers are caught where they left."""
    t = place
    while t.dep_ in ("compound", "amod", "appos", "conj") and t.head != t:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ != "from":
        return False
    # the verb whose frame holds the phrase: the one "from" hangs on, or that of the noun it
    # modifies ("doctors from Pyongyang ... was sent to")
    verb = t.head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if act is not None and verb in ((act, act.head) if act.pos_ == "NOUN" else (act,)):
        return False  # an act named by a noun is told by its verb: "conducted a launch from X"
    return verb.lemma_.lower() in verbs and any(
        c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS for c in verb.children)


def preposition(token: Token) -> str | None:
    """The preposition a place hangs from ("to China" -> "to")."""
    t = token
    while t.dep_ in ("compound", "amod", "appos", "conj") and t.head != t:
        t = t.head
    if t.dep_ == "pobj":
        return t.head.lower_
    return None


def distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree."""
    up = {a: 0}
    for depth, t in enumerate(a.ancestors, 1):
        up[t] = depth
    if b in up:
        return up[b]
    for depth, t in enumerate(b.ancestors, 1):
        if t in up:
            return depth + up[t]
    return 99 + abs(a.i - b.i)
