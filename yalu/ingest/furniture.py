"""Set page furniture apart from incident text.

Captions, tag lists, bylines, "Read in Korean" links, contact lines and the
like are kept as `Furniture`, never as incident text
(../shared/docs/ontology.md, "What is not an incident location"): the seed
article's photo caption names Sakju County, where nothing happened.

The patterns are data, in yalu/data/furniture.toml. `split_furniture` works
line by line and removes whole lines, with two exceptions: a pattern whose
regex has a group named `keep` sets aside only the rest of its line (an
"Updated: 2008-07-13 10:24" stamp in front of a paragraph, a caption run into
the end of one), and the kept part stays in place; and an agency credit line
("AFP Photo/KCNA via KNS") takes the dated caption right above it along. Every
other line is returned exactly as given, so the text is not otherwise rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..model import Furniture

KINDS = frozenset(
    {"caption", "credit", "tags", "byline", "link", "contact", "note", "other", "disclaimer", "date"}
)
_PATTERN_KEYS = frozenset(
    {"name", "kind", "regex", "ignore_case", "max_len", "standalone", "max_function_words", "role"}
)
# a list of [lists] named in a regex: "{agencies}" stands for "(?:AFP|AP|...)"
_LIST_REF = re.compile(r"\{([a-z_]+)\}")
# what a line marked by a pattern does to the lines around it (see _credited_captions, _related_lists)
ROLES = frozenset({"picture_credit", "list_header"})

# a line "ends a sentence" / "starts a sentence" (for standalone patterns)
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_SENTENCE_START = re.compile(r"""^["'“‘(\[]*[A-Z0-9]""")
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
# the caption a credit line takes along dates its picture as captions do, after a comma:
# "..., Dec. 14, 2012.", "..., in the Amur region, Russia, Sept 13, 2023.", "..., November 2007."
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATED_CAPTION = re.compile(
    rf",\s+(?:(?:on|in)\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b"
)
_CAPTION_MAX_LEN = 600
_PICTURE_CAPTION_MAX_LEN = 300


@dataclass(frozen=True)
class FurniturePattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    max_len: int | None = None
    standalone: bool = False
    max_function_words: int | None = None
    role: str | None = None

    def matches(self, line: str, function_words: frozenset[str]) -> bool:
        """Whether a stripped line matches, context aside."""
        return self.match(line, function_words) is not None

    def match(self, line: str, function_words: frozenset[str]) -> re.Match[str] | None:
        """The match over a stripped line, context aside, or None."""
        if self.max_len is not None and len(line) > self.max_len:
            return None
        m = self.regex.fullmatch(line)
        if m is None:
            return None
        if self.max_function_words is not None:
            count = sum(1 for w in _WORD.findall(line.lower()) if w in function_words)
            if count > self.max_function_words:
                return None
        return m


@dataclass(frozen=True)
class FurnitureRules:
    patterns: tuple[FurniturePattern, ...]
    function_words: frozenset[str]


def parse_rules(data: dict) -> FurnitureRules:
    """Build rules from the parsed TOML; ValueError names the bad entry."""
    function_words = frozenset(w.lower() for w in data.get("function_words", []))
    lists = data.get("lists", {})
    patterns = []
    for i, entry in enumerate(data.get("pattern", []), start=1):
        label = entry.get("name", f"pattern {i}")
        unknown = set(entry) - _PATTERN_KEYS
        if unknown:
            raise ValueError(f"furniture pattern {label!r}: unknown keys {sorted(unknown)}")
        if entry.get("kind") not in KINDS:
            raise ValueError(f"furniture pattern {label!r}: kind must be one of {sorted(KINDS)}")
        if entry.get("role") not in (None, *ROLES):
            raise ValueError(f"furniture pattern {label!r}: role must be one of {sorted(ROLES)}")
        if "regex" not in entry:
            raise ValueError(f"furniture pattern {label!r}: no regex")
        flags = re.IGNORECASE if entry.get("ignore_case") else 0
        named = set(_LIST_REF.findall(entry["regex"])) - set(lists)
        if named:
            raise ValueError(f"furniture pattern {label!r}: no list {sorted(named)} in [lists]")
        try:
            regex = re.compile(_LIST_REF.sub(lambda m: f"(?:{lists[m.group(1)]})", entry["regex"]), flags)
        except re.error as e:
            raise ValueError(f"furniture pattern {label!r}: bad regex ({e})") from e
        patterns.append(
            FurniturePattern(
                name=label,
                kind=entry["kind"],
                regex=regex,
                max_len=entry.get("max_len"),
                standalone=bool(entry.get("standalone", False)),
                max_function_words=entry.get("max_function_words"),
                role=entry.get("role"),
            )
        )
    if not patterns:
        raise ValueError("no furniture patterns")
    return FurnitureRules(tuple(patterns), function_words)


@lru_cache(maxsize=1)
def load_rules() -> FurnitureRules:
    """The bundled rules, yalu/data/furniture.toml."""
    return parse_rules(resources.load("furniture.toml"))


def classify_line(line: str, rules: FurnitureRules | None = None) -> str | None:
    """The furniture kind of a single line taken on its own, or None (context-free patterns only).

    A line that a `keep` pattern matches is text with furniture in it, not furniture: None."""
    rules = rules or load_rules()
    s = line.strip()
    if not s:
        return None
    for p in rules.patterns:
        if not p.standalone:
            m = p.match(s, rules.function_words)
            if m is not None:
                return None if _kept(m) else p.kind
    return None


def _kept(m: re.Match[str]) -> tuple[int, int] | None:
    """The span of the line a `keep` group keeps as text, when it keeps any."""
    if "keep" in m.re.groupindex and m.group("keep") and m.group("keep").strip():
        return m.span("keep")
    return None


def split_furniture(
    text: str, rules: FurnitureRules | None = None
) -> tuple[str, list[Furniture]]:
    """Split a report into incident text and page furniture.

    Whole furniture lines are removed; where removing them leaves a gap, the
    paragraph break around them is kept (one blank run, as the text had it).
    A line that a `keep` pattern matches keeps its text part only. Leading and
    trailing blank lines are dropped. Every other kept line is returned
    unchanged. Furniture comes back in text order, each line stripped.
    """
    rules = rules or load_rules()
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    kinds: list[str | None] = [None] * len(lines)
    roles: list[str | None] = [None] * len(lines)
    # line -> (the text it keeps, its furniture part) for lines with furniture in them
    partial: dict[int, tuple[str, Furniture]] = {}

    # context-free patterns first
    for i, s in enumerate(stripped):
        if s:
            for p in rules.patterns:
                if p.standalone:
                    continue
                m = p.match(s, rules.function_words)
                if m is None:
                    continue
                keep = _kept(m)
                if keep is None:
                    kinds[i], roles[i] = p.kind, p.role
                else:
                    rest = f"{s[:keep[0]].strip()} {s[keep[1]:].strip()}".strip()
                    partial[i] = (s[keep[0]:keep[1]].strip(), Furniture(kind=p.kind, text=rest))
                break

    _credited_captions(stripped, kinds, roles, set(partial))
    _alt_texts(stripped, kinds, set(partial))
    _related_lists(stripped, kinds, roles, set(partial))

    # standalone patterns depend on their neighbours, which may be furniture
    # found in this loop: repeat until nothing changes
    contextual = [p for p in rules.patterns if p.standalone]
    changed = bool(contextual)
    while changed:
        changed = False
        for i, s in enumerate(stripped):
            if not s or kinds[i] is not None or i in partial or not _standalone(i, stripped, kinds):
                continue
            for p in contextual:
                if p.matches(s, rules.function_words):
                    kinds[i] = p.kind
                    changed = True
                    break

    furniture: list[Furniture] = []
    out: list[str] = []
    gap: list[str] = []  # blank lines (as given) since the last kept line
    blanks_before_removed: list[str] | None = None
    removed = False
    for i, (line, s, kind) in enumerate(zip(lines, stripped, kinds)):
        if kind is not None:
            furniture.append(Furniture(kind=kind, text=s))
            if not removed:
                blanks_before_removed = gap
            removed = True
            gap = []
            continue
        if not s:
            gap.append(line)
            continue
        if i in partial:
            line, part = partial[i]
            furniture.append(part)
        if out:
            if removed:
                # keep the paragraph break: the blank lines before the
                # furniture, else those after it
                out.extend(blanks_before_removed or gap)
            else:
                out.extend(gap)
        out.append(line)
        gap = []
        removed = False
        blanks_before_removed = None
    return "\n".join(out), furniture


def _credited_captions(stripped: list[str], kinds: list[str | None], roles: list[str | None], partial: set[int]) -> None:
    """A credit line on its own ("AFP Photo/KCNA via KNS", "PHOTO: Sputnik via Reuters")
    takes the caption right above it: a paragraph of its own (a blank line, furniture or
    the start of the text above it, or a copy of itself, as pages print a caption twice)
    that dates its picture after a comma, as captions do (", Dec. 14, 2012."); a picture's
    credit (a `picture_credit` pattern's line: "Image: Daily NK", "(Photo: ASIAPRESS)")
    takes a short sentence, dated or not; any credit takes a line printed twice right over
    it, ended or not. A news paragraph never sits between a caption and its credit; a line
    with text kept in it (`partial`) is not taken, nor a report's only text (a one-sentence
    item with its picture's credit under it is the news, not a caption)."""
    for i, kind in enumerate(kinds):
        picture = roles[i] == "picture_credit"
        if (kind != "credit" and not picture) or i == 0:
            continue
        caption = stripped[i - 1]
        top = i - 1
        while top > 0 and stripped[top - 1] == caption:
            top -= 1
        if (
            not caption
            or kinds[i - 1] is not None
            or i - 1 in partial
            or len(caption) > (_PICTURE_CAPTION_MAX_LEN if picture else _CAPTION_MAX_LEN)
            # a line printed twice over a credit is a caption (alt text and figcaption), ended or not
            or not (top < i - 1 or (_SENTENCE_END.search(caption) if picture else _DATED_CAPTION.search(caption)))
        ):
            continue
        if not _paragraph_start(top, stripped, kinds):
            continue
        if not any(line and kinds[j] is None for j, line in enumerate(stripped) if not top <= j <= i):
            continue
        for j in range(top, i):
            kinds[j] = "caption"


ALT_TEXT_MAX_WORDS = 4
ALT_TEXT_ECHO_MAX_WORDS = 30
_ANY_WORD = re.compile(r"\w+")


def _alt_texts(stripped: list[str], kinds: list[str | None], partial: set[int]) -> None:
    """The line right above a caption is the picture's title or alt text that the page
    printed, part of the caption, when it is a few words with no sentence's end
    ("Hyesan murdered" over "A photo of Hyesan ... / Image: Daily NK") or echoes the
    caption at the start of a paragraph: the caption without its credit, or a phrase with
    no sentence's end half of whose words the caption repeats ("Musan County residence"
    over "Musan County, North Hamgyong Province. / Image: Daily NK"). So is a line right
    under a caption that prints the caption again with more after it."""
    for i in range(1, len(stripped)):
        line = stripped[i - 1]
        if kinds[i] != "caption" or not line or kinds[i - 1] is not None or i - 1 in partial:
            continue
        ended = _SENTENCE_END.search(line)
        if (len(line.split()) <= ALT_TEXT_MAX_WORDS and not ended) or (
                _paragraph_start(i - 1, stripped, kinds) and _echoes(line, stripped[i], ended is not None)):
            kinds[i - 1] = "caption"
    # the caption printed again right under itself, with more after it ("... | License Photo")
    for i in range(len(stripped) - 1):
        below = stripped[i + 1]
        if kinds[i] == "caption" and kinds[i + 1] is None and i + 1 not in partial and below.startswith(stripped[i]):
            kinds[i + 1] = "caption"


def _echoes(line: str, caption: str, ended: bool) -> bool:
    """Whether a line repeats a caption: all of it in front of the caption, or (a phrase
    with no sentence's end, of a modest length) half of its words among the caption's."""
    if caption.startswith(line):
        return True
    words = _ANY_WORD.findall(line.lower())
    if ended or not words or len(words) > ALT_TEXT_ECHO_MAX_WORDS:
        return False
    shared = set(_ANY_WORD.findall(caption.lower()))
    return 2 * sum(w in shared for w in words) >= len(words)


def _paragraph_start(i: int, stripped: list[str], kinds: list[str | None]) -> bool:
    """Whether line i opens a paragraph: the text's first line, or one under a blank or furniture."""
    return i == 0 or not stripped[i - 1] or kinds[i - 1] is not None


RELATED_LIST_MAX = 12
# a header followed by a headline on its own line ("Related: Two executed in Hyesan") is one link, not a list's head
_HEADLINE_AFTER = re.compile(r"[:.!?]\s*\S")


def _related_lists(stripped: list[str], kinds: list[str | None], roles: list[str | None], partial: set[int]) -> None:
    """The headlines right under a list's header (a `list_header` pattern's line alone:
    "Related articles" over "Two executed in Hyesan" and "Soldier defects in Kaesong"),
    one a line with no sentence's end, are links too: other stories, whose places are not
    this one's. The list ends at a blank line or at a line that ends a sentence."""
    for i, s in enumerate(stripped):
        if roles[i] != "list_header" or _HEADLINE_AFTER.search(s):
            continue
        for j in range(i + 1, min(len(stripped), i + 1 + RELATED_LIST_MAX)):
            line = stripped[j]
            if not line or j in partial or (kinds[j] is None and _SENTENCE_END.search(line)):
                break
            kinds[j] = kinds[j] or "link"


def _standalone(i: int, stripped: list[str], kinds: list[str | None]) -> bool:
    """Whether line i is a paragraph of its own rather than part of a wrapped paragraph."""
    if i > 0:
        prev = stripped[i - 1]
        if prev and kinds[i - 1] is None and not _SENTENCE_END.search(prev):
            return False
    if i + 1 < len(stripped):
        nxt = stripped[i + 1]
        if nxt and kinds[i + 1] is None and not _SENTENCE_START.search(nxt):
            return False
    return True
