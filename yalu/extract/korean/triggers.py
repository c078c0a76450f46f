"""Korean triggers and their clauses' modality, as data/ko/triggers.toml and
data/ko/modality.toml name them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ... import resources
from ...annotate.korean import KoreanDoc, Morpheme, Sentence

# morphemes that may carry a trigger: nouns (탈북), roots, verb stems (붙잡히, 쏘)
TRIGGER_TAGS = frozenset({"NNG", "NNP", "VV", "XR", "VA"})
# endings that close a clause; a connective ending (EC) closes it unless an auxiliary
# follows ("탈북하지 않았다": 지 + 않 goes on) or a quotation ("-다고 한다")
CLOSING = frozenset({"EF", "EC"})
AUXILIARY = frozenset({"VX", "VCN"})
QUOTATIVE = re.compile(r"[’'\"”」』]\s*(?:는|고|며|라는|라고)")
# a quotation closed and another opened ("...남하했다”며 “해군은 ... 하겠다는"): a new
# utterance, which the rest of the first one's sentence does not read into
# joins the morphemes of a form of several ("날리+보내")
PHRASE = "+"
# what may stand between the morphemes of such a form: particles and endings ("문을 닫", "날려 보내")
BETWEEN = ("J", "E")
NEXT_QUOTE = re.compile(r"[’'\"”」』]\s*(?:며|면서|고|라며|라고)\s*[‘'\"“「『]")


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    forms: frozenset[str]
    weight: float
    any: tuple[str, ...]
    # words that veto the rule anywhere in the unspaced sentence ("공안…전단지": both, in order)
    none: tuple[re.Pattern[str], ...]
    not_after: frozenset[str]
    # the kind of act each form names (triggers.toml `kinds`, as the English rules'): an
    # execution and a dismissal told in one story are two punishments
    kinds: tuple[tuple[str, str], ...] = ()
    # reports its act beside the surer rule's on the same word, not instead of it (a
    # soldier's defection is also his desertion, as the gold codes it)
    beside: bool = False
    # one of these strings in the sentence too, besides one of `any`'s (an act told by its
    # object and its setting: residents' movement banned, in an outbreak)
    also: tuple[str, ...] = ()
    # words that veto the rule only where they cover the trigger's own characters ("장구류" of
    # 구류, "균형 잡힌" of 잡): a word it is part of, not a word beside the act
    none_over: tuple[re.Pattern[str], ...] = ()
    # words that lift `none` when one is in the sentence (a soldier who killed and then fled
    # "his unit", "부대에서 도주": still a deserter)
    none_unless: tuple[str, ...] = ()
    # forms of several morphemes ("날리+보내", "문+닫"), matched on the morphemes whatever the
    # spacing ("날려 보냈다", "날려보낸"), particles and endings between them skipped; the act's
    # morpheme is the last, whose clause and endings tell its modality
    phrases: tuple[tuple[str, ...], ...] = ()
    # not an act told as the modifier of a noun ("배급이 끊긴 노동자들", "문을 닫은 뒤"): a state
    # or a time the news is set in; "끊긴 것으로 알려졌다" (것) is the act reported
    not_before_noun: bool = False

    def kind_of(self, form: str) -> str:
        return next((kind for f, kind in self.kinds if f == form), "")


@dataclass(frozen=True)
class ModalityRule:
    id: str
    scope: str
    modality: str | None
    pattern: re.Pattern[str]
    not_types: frozenset[str]  # event types the rule does not judge
    types: frozenset[str]  # the only types it judges, when given
    # judges only sentences inside the text: not its first (the article's own title)
    # nor its last (which an excerpt may cut off before its ending)
    inside: bool = False


def _unspaced(text: str) -> str:
    """Korean spacing varies ("체제 붕괴", "체제붕괴", "정권붕괴"): a veto is read without it."""
    return re.sub(r"\s+", "", text)


def _veto(words: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(".*?".join(re.escape(p) for p in _unspaced(w).split("…"))) for w in words)


@cache
def trigger_rules() -> tuple[TriggerRule, ...]:
    return tuple(
        TriggerRule(r["id"], r["type"], frozenset(f for f in r["forms"] if PHRASE not in f), r["weight"],
                    tuple(r.get("any", ())), _veto(r.get("none", [])), frozenset(r.get("not_after", ())),
                    tuple((f, kind) for kind, forms in r.get("kinds", {}).items() for f in forms),
                    r.get("beside", False), tuple(r.get("also", ())), _veto(r.get("none_over", [])),
                    tuple(r.get("none_unless", ())),
                    tuple(tuple(f.split(PHRASE)) for f in r["forms"] if PHRASE in f), r.get("not_before_noun", False))
        for r in resources.load("ko/triggers.toml")["rule"]
    )


def _syllables(final: int) -> str:
    """Every Hangul syllable whose final consonant is the `final`-th (8: ㄹ, 20: ㅆ)."""
    return "".join(chr(0xAC00 + k * 28 + final) for k in range(19 * 21))


# "{ㄹ}" in a modality pattern: the future adnominal -ㄹ, which Hangul writes into the verb's last
# syllable (벌일, 들어갈, 열릴, 내릴), not after a past -았/었- (처형됐을, 했을: a past conjectured;
# 있을 and 없을 are no past) nor a figure (10명일: a count conjectured)
FUTURE_ENDING = "(?<![" + _syllables(20).replace("있", "").replace("없", "") + "0-9명])[" + _syllables(8) + "]"


@cache
def modality_rules() -> tuple[ModalityRule, ...]:
    return tuple(
        ModalityRule(r["id"], r["scope"], None if r["modality"] == "none" else r["modality"],
                     re.compile(r["pattern"].replace("{ㄹ}", FUTURE_ENDING)),
                     frozenset(r.get("not_types", ())), frozenset(r.get("types", ())), r.get("inside", False))
        for r in resources.load("ko/modality.toml")["rule"]
    )


@cache
def _rules_by_form() -> dict[str, tuple[TriggerRule, ...]]:
    """The rules that may fire on a morpheme of each form: one of their forms, or the last
    morpheme of one of their phrases; in trigger_rules' order (the first of equal weights wins)."""
    by_form: dict[str, list[TriggerRule]] = {}
    for r in trigger_rules():
        for form in r.forms | {parts[-1] for parts in r.phrases}:
            by_form.setdefault(form, []).append(r)
    return {form: tuple(rules) for form, rules in by_form.items()}


def find_triggers(doc: KoreanDoc, sentence: Sentence) -> list[tuple[Morpheme, TriggerRule]]:
    """(morpheme, rule) for every trigger of the sentence; one morpheme reports one act,
    the surest rule's, and the acts of the rules that report theirs beside it."""
    morphemes = doc.of(sentence)
    unspaced = _unspaced(sentence.text)
    by_form = _rules_by_form()
    found: list[tuple[Morpheme, TriggerRule]] = []
    for k, m in enumerate(morphemes):
        if m.pos not in TRIGGER_TAGS or m.form not in by_form:
            continue
        following = _following(morphemes, k)
        fired = [
            r for r in by_form[m.form]
            if (m.form in r.forms or _phrase(r.phrases, morphemes, k)) and following not in r.not_after
            and (not r.any or any(a in sentence.text for a in r.any))
            and (not r.also or any(a in sentence.text for a in r.also))
            and (not any(n.search(unspaced) for n in r.none) or any(u in sentence.text for u in r.none_unless))
            and not (r.none_over and _covered(r.none_over, doc, sentence, m, unspaced))
            and not (r.not_before_noun and _before_noun(morphemes, k))
        ]
        surest = max((r for r in fired if not r.beside), key=lambda r: r.weight, default=None)
        found.extend((m, r) for r in fired if r is surest or (r.beside and surest is not None))
    return found


def _phrase(phrases: tuple[tuple[str, ...], ...], morphemes: list[Morpheme], k: int) -> bool:
    """The k-th morpheme ends one of the forms of several morphemes: the forms before it
    stand before it, with only particles and endings between."""
    for parts in phrases:
        if parts[-1] != morphemes[k].form:
            continue
        j = k - 1
        for part in reversed(parts[:-1]):
            while j >= 0 and morphemes[j].pos.startswith(BETWEEN):
                j -= 1
            if j < 0 or morphemes[j].form != part:
                break
            j -= 1
        else:
            return True
    return False


def _covered(patterns: tuple[re.Pattern[str], ...], doc: KoreanDoc, sentence: Sentence, m: Morpheme, unspaced: str) -> bool:
    """A `none_over` word covers the trigger's own characters in the unspaced sentence
    (worked out only for a rule that has such words and would fire on this morpheme)."""
    lo = len(_unspaced(doc.text[sentence.start_char:m.start]))
    hi = lo + len(_unspaced(doc.text[m.start:m.end]))
    return any(v.start() < hi and lo < v.end() for n in patterns for v in n.finditer(unspaced))


def _before_noun(morphemes: list[Morpheme], k: int) -> bool:
    """The k-th morpheme (past its 하/되) ends in an adnominal ending before a noun other than 것."""
    j = k + 1
    while j < len(morphemes) and morphemes[j].pos in ("XSV", "XSA"):
        j += 1
    return (j + 1 < len(morphemes) and morphemes[j].pos == "ETM" and morphemes[j + 1].pos.startswith("NN")
            and morphemes[j + 1].form != "것")


def _following(morphemes: list[Morpheme], k: int) -> str:
    """The form of the morpheme after the k-th, past a parenthesis that glosses it
    ("도강(渡江) 문제": 문제)."""
    j = k + 1
    if j < len(morphemes) and morphemes[j].pos == "SSO":
        while j < len(morphemes) and morphemes[j].pos != "SSC":
            j += 1
        j += 1
    return morphemes[j].form if j < len(morphemes) else ""


def clause_end(doc: KoreanDoc, sentence: Sentence, trigger: Morpheme) -> int:
    """The character offset where the trigger's clause ends: its first closing ending
    that no auxiliary or quotation verb continues."""
    morphemes = doc.of(sentence)
    k = trigger.i - sentence.first
    for j in range(k + 1, len(morphemes)):
        m = morphemes[j]
        if m.pos not in CLOSING:
            continue
        nxt = morphemes[j + 1] if j + 1 < len(morphemes) else None
        if m.pos == "EC" and nxt is not None and (nxt.pos in AUXILIARY or nxt.form in ("하", "있", "않", "못")):
            continue
        return m.end
    return sentence.end_char


def judge(doc: KoreanDoc, sentence: Sentence, trigger: Morpheme, attributed: bool,
          event_type: str | None = None) -> tuple[str | None, str]:
    """(modality or None for no act, the rule that decided): the first rule of
    data/ko/modality.toml whose pattern matches its scope."""
    end = clause_end(doc, sentence, trigger)
    # a quoted order or report keeps its quotative ("봉쇄하라’는 지시": the order's 는)
    quotative = QUOTATIVE.match(doc.text, end)
    clause = doc.text[trigger.start:quotative.end() if quotative else end]
    following = NEXT_QUOTE.search(doc.text, trigger.start, sentence.end_char)
    rest = doc.text[trigger.start:following.start() + 1 if following else sentence.end_char]
    # "before": the sentence up to the trigger, where its clause's subject stands
    before = doc.text[sentence.start_char:trigger.start]
    scopes = {"clause": clause, "rest": rest, "sentence": sentence.text, "before": before}
    inside = 0 < sentence.index < len(doc.sentences) - 1
    for rule in modality_rules():
        judged = (event_type not in rule.not_types and (not rule.types or event_type in rule.types)
                  and (inside or not rule.inside))
        if judged and rule.pattern.search(scopes[rule.scope]):
            return rule.modality, rule.id
    return ("reported", "modality.ko.attributed") if attributed else ("asserted", "modality.ko.asserted")
