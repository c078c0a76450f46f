"""Attaching: which date mention dates an incident's trigger, and which dates a source
speaking, by the path between them in the spaCy dependency tree (not by nearness)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, cast

from ..annotate.spacy_pipeline import text_of
from ..model import TimeSpan
from .combine import DateMention
from .dateline import dateline_match
from .lexicon import lexicon
from .resolution import span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_FINITE_CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "csubj", "csubjpass", "parataxis", "acl"}


def governing_date(sent: Span, trigger: Token | Span, mentions: list[DateMention]) -> DateMention | None:
    """The date expression that governs `trigger` in `sent`, by the dependency path between them.

    Not the first date in the sentence, and never a date that hangs on a reporting verb or
    noun ("told Daily NK on Tuesday that ... deserted": Tuesday dates the conversation).
    `mentions` carry offsets into text_of(sent.doc). Returns None when no mention qualifies."""
    token = _root_token(trigger)
    best: tuple[float, int, int, DateMention] | None = None
    for m in mentions:
        cost = _score(sent, token, m)
        if cost is None:
            cost = _fronted_score(sent, token, m)
        if cost is None:
            continue
        prec = m.span.precision or 9
        key = (cost, prec, abs(m.start - token.idx), m)
        if best is None or key[:3] < best[:3]:
            best = key
    return _ongoing_since(token, best[3]) if best else None


def _ongoing_since(trigger: Token, m: DateMention) -> DateMention:
    """An act told in the present progressive that a past date governs has gone on since that
    date (date.ongoing_since): "The ministry sent its agents to the border on Sept. 18, and
    they are currently staging inspections" runs from September 18 to publication. So has an
    act told as beginning on it (date.began_since, data/dates.toml [began]): "Mobilization for
    watering crops began on May 10" runs from May 10 (coded as that day) to publication."""
    verb = _act_verb(trigger)
    present = verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in verb.children)
    # begun on a stated day, over a week before the report: "the drill began yesterday" is the
    # day's news, and one begun "in October" would span, and join, every act of the weeks after
    began = _began(trigger) and m.span.precision == 1 and m.published is not None and m.span.start is not None and (
        (m.published - m.span.start).days > lexicon().began_days)
    if (not (present or began) or m.kind in ("since", "until", "range") or m.future or m.published is None
            or m.span.start is None or m.span.end is None or m.span.end >= m.published):
        return m
    if began:  # coded as its start already (coded_as_start), so it still narrows a month told with it
        return replace(_since(m, "date.began_since"), span=TimeSpan(m.span.start, m.published, m.span.precision,
                                                                     "since " + _OWN_PREPOSITION.sub("", m.text)))
    return _since(m, "date.ongoing_since")


def _began(trigger: Token) -> bool:
    """The act is the subject or the complement of a verb of beginning ("the crackdown started",
    "began cracking down")."""
    return trigger.dep_ in ("nsubj", "nsubjpass", "xcomp") and trigger.head.lemma_.lower() in lexicon().began_verbs


def _act_verb(trigger: Token) -> Token:
    """The act's verb: the trigger, or the verb whose object or subject it is ("fired warning shots")."""
    return trigger.head if trigger.dep_ in _ACT_NOUN_DEPS else trigger


def _since(m: DateMention, rule: str) -> DateMention:
    """The mention read as "since" its date, going on until publication (`rule`)."""
    told = "since " + _OWN_PREPOSITION.sub("", m.text)
    return replace(m, span=TimeSpan(m.span.start, m.published, 4, told), kind="since", rule=rule)


# an act told after a recent one is dated from it to publication; this many days back at most
AFTER_CLAUSE_REACH_DAYS = 7
# an act told in the after-clause of one dated to a week came in the month up to its end
BEFORE_MAIN_CLAUSE_DAYS = 30
_ACT_NOUN_DEPS = {"dobj", "nsubj", "nsubjpass"}


def after_clause_date(sent: Span, trigger: Token | Span, mentions: list[DateMention]) -> DateMention | None:
    """For an act no date governs (governing_date is None): told after another the text dates
    ("South Korea fired warning shots after North Korean soldiers briefly crossed the border
    earlier this week"), it happened after it: from the other's date to publication
    (date.after_clause), when that date is recent (a week). Not a count of days after, which
    already places both acts ("three days after it fired ..."). An act in the perfect told
    since another ("engineers have been dispatched since the authorities issued an order in
    mid-June", "prices have risen since the zone was shut on the 8th") is going on since its
    date, however long ago (date.since_clause)."""
    trigger = _root_token(trigger)
    doc = sent.doc
    verb = _act_verb(trigger)
    verbs = {trigger.i, verb.i}
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    for m in mentions:
        if (m.kind in ("reference", "anaphor") or m.future or not _in_sentence(sent, m) or m.span.start is None
                or m.published is None or m.span.start > m.published):
            continue
        root = _mention_root(doc, m)
        chain = _ancestors_chain(root) if root is not None else []
        marks = {_clause_mark(tok) for tok in chain if tok.dep_ == "advcl" and tok.head.i in verbs}
        if "since" in marks and perfect:
            return _since(m, "date.since_clause")
        if "after" in marks and (m.published - m.span.start).days <= AFTER_CLAUSE_REACH_DAYS:
            return replace(m, span=span(m.span.start, m.published), rule="date.after_clause")
    return _before_main_clause(doc, verb, mentions, sent)


def _before_main_clause(doc: Doc, verb: Token, mentions: list[DateMention], sent: Span) -> DateMention | None:
    """An act told in the after-clause of a dated one came just before it
    (date.before_main_clause): in the month it names ("Tension flared last month after the
    North sent thousands of trash balloons"), in the month up to the week it names ("committed
    suicide last week after they were arrested in China": caught earlier that month), on its
    day or the day before ("fired warning shots on Monday after soldiers crossed"). Not an
    older date's ("was sentenced in 2019 after ...": a year tells no "just before"), nor a
    count of days after, which dates the after-clause's act itself (date.days_after_clause)."""
    if verb.dep_ != "advcl" or _clause_mark(verb) != "after":
        return None
    main = verb.head
    for m in mentions:
        if (m.kind in ("reference", "anaphor", "since") or m.future or not _in_sentence(sent, m) or m.span.start is None
                or m.span.end is None or m.span.precision not in (1, 2, 3)):
            continue
        root = _mention_root(doc, m)
        chain = _ancestors_chain(root) if root is not None else []
        if main in chain and verb not in chain:
            start = m.span.start
            if m.span.precision == 1:  # the same day or the day before (a run of days: from its first)
                start = min(m.span.start, m.span.end - timedelta(days=1))
            elif m.span.precision == 2:  # some time in the month up to the week's end
                start = m.span.end - timedelta(days=BEFORE_MAIN_CLAUSE_DAYS)
            precision = 1 if m.span.precision == 1 else 3
            return replace(m, span=span(start, m.span.end, precision), rule="date.before_main_clause")
    return None


# the preposition a date expression opens with ("in mid-June"), left out after "since"
_OWN_PREPOSITION = re.compile(r"(?i)^(?:on|in|at|during)\s+")


def _root_token(trigger: Token | Span) -> Token:
    """A trigger of several words (a Span) is dated by its root token."""
    if hasattr(trigger, "head") or not hasattr(trigger, "root"):
        return cast("Token", trigger)  # a Token (spaCy is not imported here to tell by type)
    return trigger.root


def reporting_date(sent: Span, mentions: list[DateMention]) -> DateMention | None:
    """The date a source spoke ("speaking by phone with RFA on Tuesday", "told RFA on
    Monday"): the first mention in `sent` that hangs on a reporting verb or noun."""
    doc = sent.doc
    for m in sorted(mentions, key=lambda x: x.start):
        if m.kind == "reference" or not _in_sentence(sent, m):
            continue
        root = _mention_root(doc, m)
        if root is None:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        in_span = {t.i for t in span} if span is not None else set()
        for tok in _ancestors_chain(root)[1:]:
            if tok.i in in_span:
                continue
            if tok.dep_ == "mark":
                break  # a subordinator holds no date: "he escaped while on duty on Sept. 30 ..., sources said" misparsed
            if _is_reporting(tok) and _told_act(tok, root) is not None:
                break  # the act's date, told before its attribution (date.before_attribution)
            if _is_reporting(tok) or _said_on(tok, root):
                return m
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
                break  # the first verb up the tree is not a reporting verb
    return None


def _told_act(reporting: Token, date_root: Token) -> Token | None:
    """The act's clause told before its attribution, when the date stands between the two
    (date.before_attribution): "Agents arrested three smugglers in Hyesan on Oct. 3, a source
    told Daily NK" dates the arrest, however the parse hangs "on Oct. 3" on "told". A date after
    the reporting verb ("..., a source told Daily NK on Oct. 3") or before an attribution that
    comes first ("On Tuesday, a source said that ...") is the source's."""
    if date_root.i > reporting.i:
        return None
    return next((c for c in reporting.children if c.dep_ in ("ccomp", "parataxis") and c.i < date_root.i), None)


def _said_on(verb: Token | None, date_root: Token) -> bool:
    """A date between a reporting verb and the subject of what it reports is the day of the
    saying, however the parse hangs it on the reported verb (date.said_on): "The group said on
    Wednesday it had documented 27 executions from 2015 to 2022" dates the saying, not the
    executions."""
    if verb is None or verb.dep_ != "ccomp" or not _is_reporting(verb.head) or not verb.head.i < date_root.i:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # right after the verb: 'informed on the 30th, "Since the end of April, groups have ..."' is the quote's
    between = verb.doc[verb.head.i + 1:date_root.left_edge.i]
    return (subject is not None and date_root.i < subject.left_edge.i
            and not any(t.is_punct or t.is_quote for t in between))


def _first_verb(tok: Token) -> Token | None:
    """The first verb up the tree from a token (the token itself excluded)."""
    return next((t for t in _ancestors_chain(tok)[1:] if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"), None)


def _score(sent: Span, trigger: Token, m: DateMention) -> float | None:
    """Cost of reading `m` as the date of `trigger` (None: it cannot be)."""
    if m.kind == "reference" or not _in_sentence(sent, m):
        return None
    doc = sent.doc
    if _in_dateline(text_of(doc), m):
        return None  # "Aug. 7, 2019 -- China has detained ...": when the agency wrote
    root = _mention_root(doc, m)
    if root is None:
        return None
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is not None and span.start <= trigger.i < span.end:
        return 0.0  # the trigger is part of the expression ("the Korean War")
    # 0. an interval running past publication does not date a completed (past-tense) event:
    #    "declared a no-sail zone from January 25 to March 29" dates the zone, not the declaring;
    #    an act's noun by its verb: "A statement released ... declared the measure from March 11"
    if (m.published is not None and m.span.end is not None and m.span.end > m.published
            and m.kind != "since" and not m.future and _is_past_tense(_act_verb(trigger))):
        return None
    d_side, lca, t_side = _path(root, trigger)
    if lca is None or _said_on(_first_verb(root), root):
        return None
    in_span = {t.i for t in span} if span is not None else set()
    # 1. a date that hangs on a reporting verb/noun dates the source speaking, not the incident,
    #    unless it is told inside the act's clause before the attribution (date.before_attribution)
    for k, tok in enumerate(d_side + ([lca] if lca.i != trigger.i else [])):
        if tok.i not in in_span and _is_reporting(tok):
            act = _told_act(tok, root)
            if act is None:
                return None
            below, lca, t_side = _path(act, trigger)
            if lca is None:
                return None
            d_side = d_side[:k] + below
            break
    # 1b. the act's noun found out on a date: "the desertion was discovered the next morning"
    if trigger.pos_ == "NOUN" and lca.i != trigger.i and lca.lemma_.lower() in lexicon().discovery_verbs:
        return None
    date_cost = _date_side_cost(d_side, in_span, trigger)
    trigger_cost = _trigger_side_cost(t_side)
    if date_cost is None or trigger_cost is None:
        return None
    return float(len(d_side) + len(t_side)) + date_cost + trigger_cost


# the clock time after a numeric date that makes it a page's time stamp
_STAMP_CLOCK = re.compile(r"[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
# a dateline of a date alone at the head of a line: "Aug. 7, 2019 --", "June 3 (Yonhap) —"
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*(?:--|—|–)")
DATELINE_REACH = 600
# a page's date stamp at the head of a line: "date 2020-05-13 A city in ...", "Updated:
# 2008-07-13 10:24", "Posted on: March 3, 2019": the page's date, never the date of the
# act the sentence after it reports
_PAGE_STAMP = re.compile(r"(?:date|dated|updated|posted|published|last\s+modified)(?:\s+on)?\s*:?", re.I)


def _in_dateline(text: str, m: DateMention) -> bool:
    """The date of a dateline or of a page stamp, which dates the writing, never an act it reports."""
    found = dateline_match(text)
    if found is not None and found.start() <= m.start < found.end():
        return True
    if m.rule == "date.iso" and _STAMP_CLOCK.match(text, m.end):
        return True  # a byline's time stamp: "By Daily NK - 2009.05.10 7:48pm", "2015-07-01 09:49"
    line_start = text.rfind("\n", 0, m.start) + 1
    if m.start < DATELINE_REACH and _PAGE_STAMP.fullmatch(text[line_start:m.start].strip()):
        return True
    return (m.start < DATELINE_REACH and not text[line_start:m.start].strip()
            and bool(_DATELINE_AFTER.match(text, m.end)))


# the rest of a line that holds a date alone: its time of day and zone ("2023/03/14 09:49 KST")
_LINE_REST = re.compile(r"[ \t]*(?:,[ \t]*\d{4})?(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?)?[ \t]*(?:\n|$)")


def page_date(text: str, m: DateMention) -> bool:
    """The page's own date: a dateline, a page stamp, or a line that holds a date alone
    (with its time of day) anywhere on the page ("June 17th, 2011",
    "2023/03/14 09:49 KST"). Not for attaching: a chronology's date line heads its entries."""
    if _in_dateline(text, m):
        return True
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start:m.start].strip() and bool(_LINE_REST.match(text, m.end))


def thing_date(text: str, m: DateMention) -> bool:
    """The day a picture or a paper was made ("Images from March 31 show a fresh crater",
    `data/dates.toml` `things`), not the day of an act."""
    return bool(lexicon().of_a_thing.search(text[max(0, m.start - 100):m.start]))


_FRONTED = re.compile(r"^[\s\"“‘'(]*$")


def _fronted_score(sent: Span, trigger: Token, m: DateMention) -> float | None:
    """A date set before the main clause with a comma ("Since January, soldiers and
    mobilized residents have been building a fence"; "On Monday, ...") dates the main
    clause, whatever the parser hung it on: the cost of the trigger's path to the root.
    Never the day a source spoke ("On Tuesday, a source told Daily NK that ...")."""
    if m.kind == "reference" or not _in_sentence(sent, m):
        return None
    doc = sent.doc
    if not _FRONTED.match(text_of(doc)[sent.start_char:m.start]) or not text_of(doc)[m.end:m.end + 2].lstrip().startswith(","):
        return None
    root = sent.root
    if _is_reporting(root):
        return None
    chain = _ancestors_chain(trigger)
    if root not in chain:
        return None
    t_side = chain[:chain.index(root)]
    trigger_cost = _trigger_side_cost(t_side)
    if trigger_cost is None and m.span.precision >= 3 and _subject_relative(t_side, root):
        trigger_cost = 2.0  # date.fronted_relative
    if trigger_cost is None:
        return None
    return 1.0 + len(t_side) + trigger_cost


def _subject_relative(t_side: list[Token], root: Token) -> bool:
    """date.fronted_relative: a fronted month or longer ("Last September, a trafficker who was
    arrested on drug charges was released within days") also dates the relative clause on the
    main clause's subject when that clause tells no date of its own: the one act told of the
    person in that month. A fronted day dates only the main clause."""
    relcls = [t for t in t_side if t.dep_ == "relcl"]
    return (len(relcls) == 1 and relcls[0].head.dep_ in ("nsubj", "nsubjpass") and relcls[0].head.head == root
            and all(t.dep_ not in _FINITE_CLAUSE_DEPS or t is relcls[0] for t in t_side))


def _date_side_cost(d_side: list[Token], in_span: set[int], trigger: Token) -> float | None:
    """2. a date inside a subordinate finite clause dates that clause's event, not the trigger
    (unless the clause only tells when the trigger's act happened: date.happened_relative)."""
    cost = 0.0
    event_noun = False
    for tok in d_side:
        if tok.i not in in_span and tok.pos_ == "NOUN":
            event_noun = True
        if event_noun and tok.lower_ in lexicon().other_event_heads:
            return None  # "ahead of Putin's visit on June 18": the visit's date, a bound at most
        if tok.dep_ in _FINITE_CLAUSE_DEPS and tok.i not in in_span:
            if _is_finite_clause(tok) and not (_progressive_relative(tok) or _simultaneous(tok) or _happened(tok, trigger)):
                return None
            cost += 2 if _is_finite_clause(tok) else 1
        elif tok.dep_ == "conj":
            cost += 2
    return cost


def _trigger_side_cost(t_side: list[Token]) -> float | None:
    """3. a trigger inside a subordinate clause of the date's clause: "after ..." / "that ..."
    clauses describe another time; participial clauses ("..., leading to explosions") share it."""
    cost = 0.0
    for tok in t_side:
        if tok.dep_ in _FINITE_CLAUSE_DEPS:
            if not _is_finite_clause(tok):
                cost += 1
            elif _clause_mark(tok) in lexicon().simultaneous_marks or _progressive_relative(tok):
                cost += 2
            else:
                return None
        elif tok.dep_ == "conj":
            cost += 2
    return cost


_PROGRESSIVE_AUX = {"was", "were", "is", "are", "am"}


def _progressive_relative(tok: Token) -> bool:
    """A relative clause in the progressive tells what its people were doing at the time of
    the act it hangs from, so the two share a date: "fired on a soldier who was defecting
    on Monday", "on December 16th, three people who were crossing the Yalu were arrested"."""
    return (tok.dep_ == "relcl" and tok.tag_ == "VBG"
            and any(c.dep_ == "aux" and c.lower_ in _PROGRESSIVE_AUX for c in tok.children))


def _happened(tok: Token, trigger: Token) -> bool:
    """A relative clause on the act's own noun that tells when it happened (date.happened_relative,
    data/dates.toml [happening]): "the assassination, which took place Feb. 13"."""
    if tok.dep_ != "relcl" or tok.head.i != trigger.i:
        return False
    done = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prt", "dobj")}
    return any(verb[0] == tok.lemma_.lower() and set(verb[1:]) <= done for verb in lexicon().happening)


def _simultaneous(tok: Token) -> bool:
    """An adverbial clause opened by "as", "when", "while" happens at the time of the act it
    hangs from, so its date is the act's too: "was shot by his comrades as he defected to
    the South on Monday", "guards opened fire when the men waded across on June 3"."""
    return tok.dep_ == "advcl" and _clause_mark(tok) in lexicon().simultaneous_marks


def relayed_report(sent: Span) -> bool:
    """A sentence in which an unnamed report speaks (date.relayed_report, data/dates.toml
    [relayed_report]): "..., a report said yesterday", "media reports said Monday". Not a report
    named for its agency or outlet ("a KCNA report said", "Yonhap's report said")."""
    for tok in sent:
        if (tok.dep_ == "nsubj" and tok.lower_ in lexicon().relayed_report_nouns and _is_reporting(tok.head)
                and not any(c.pos_ == "PROPN" or c.ent_type_ or c.dep_ == "poss" for c in tok.children)):
            return True
    return False


def _is_reporting(tok: Token) -> bool:
    lx = lexicon()
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        return (lemma in lx.reporting_verbs or tok.lower_ in lx.reporting_verbs
                or any((lemma, c.lemma_.lower()) in lx.reporting_light for c in tok.children if c.dep_ == "dobj"))
    if tok.pos_ in ("NOUN", "PROPN"):
        return lemma in lx.reporting_nouns or tok.lower_ in lx.reporting_nouns
    return False


def _is_finite_clause(tok: Token) -> bool:
    """Head of a clause with its own subject, tense or subordinator (not a bare participle)."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "mark"):
            if c.dep_ == "aux" and c.lower_ == "to":
                continue
            return True
    return tok.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _is_past_tense(tok: Token) -> bool:
    if tok.tag_ == "VBD":
        return True
    if tok.tag_ == "VBN":
        return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had") for c in tok.children)
    return False


def told_after(trigger: Token) -> bool:
    """An act that an after-clause says was learned of ("deported the two after learning
    that they had killed 16 crew members", "arrested him after finding out he had sold
    copper"): it came before the act the clause hangs on and before the learning, at no
    stated time (date.announced_before: slots._announced). The learning verbs are data
    (dates.toml [learned_before])."""
    path = [trigger, *trigger.ancestors]
    for i, tok in enumerate(path):
        if _clause_mark(tok) == "after" or (tok.dep_ == "prep" and tok.lower_ == "after"):
            return any(t.lemma_.lower() in lexicon().learned_verbs for t in path[1:i + 1])
    return False


def _clause_mark(tok: Token) -> str | None:
    """The word that opens a clause: its subordinator, or a wh-adverb the parser hangs on
    it ("when" is often an advmod: "opened fire when three women waded across")."""
    for c in tok.children:
        if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < tok.i):
            return c.lower_
    return None


def _mention_root(doc: Doc, m: DateMention) -> Token | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _ancestors_chain(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head is not chain[-1] and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
        if len(chain) > 200:
            break
    return chain


def _path(date_root: Token, trigger: Token) -> tuple[list[Token], Token | None, list[Token]]:
    """(date side, LCA, trigger side): tokens from each end up to (excluding) their lowest common ancestor."""
    d_chain = _ancestors_chain(date_root)
    t_chain = _ancestors_chain(trigger)
    t_idx = {t.i: k for k, t in enumerate(t_chain)}
    for k, tok in enumerate(d_chain):
        if tok.i in t_idx:
            return d_chain[:k], tok, t_chain[: t_idx[tok.i]]
    return d_chain, None, t_chain


def _in_sentence(sent: Span, m: DateMention) -> bool:
    return sent.start_char <= m.start and m.end <= sent.end_char
