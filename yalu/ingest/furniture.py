"""Set page furniture apart from incident text.

Captions, tag lists, bylines, "Read in Korean" links, contact lines and the
like are kept as `Furniture`, never as incident text
(../shared/docs/ontology.md, "What is not an incident location"): the seed
article's photo caption names Sakju County, where nothing happened.

The patterns are data, in yalu/data/furniture.toml. `split_furniture` works
line by line and removes whole lines only; every other line is returned
exactly as given, so the text is not otherwise rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..model import Furniture

KINDS = frozenset({"caption", "tags", "byline", "link", "contact", "other", "disclaimer", "date"})
_PATTERN_KEYS = frozenset(
    {"name", "kind", "regex", "ignore_case", "max_len", "standalone", "max_function_words"}
)

# a line "ends a sentence" / "starts a sentence" (for standalone patterns)
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_SENTENCE_START = re.compile(r"""^["'“‘(\[]*[A-Z0-9]""")
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


@dataclass(frozen=True)
class FurniturePattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    max_len: int | None = None
    standalone: bool = False
    max_function_words: int | None = None

    def matches(self, line: str, function_words: frozenset[str]) -> bool:
        """Whether a stripped line matches, context aside."""
        if self.max_len is not None and len(line) > self.max_len:
            return False
        if not self.regex.fullmatch(line):
            return False
        if self.max_function_words is not None:
            count = sum(1 for w in _WORD.findall(line.lower()) if w in function_words)
            if count > self.max_function_words:
                return False
        return True


@dataclass(frozen=True)
class FurnitureRules:
    patterns: tuple[FurniturePattern, ...]
    function_words: frozenset[str]


def parse_rules(data: dict) -> FurnitureRules:
    """Build rules from the parsed TOML; ValueError names the bad entry."""
    function_words = frozenset(w.lower() for w in data.get("function_words", []))
    patterns = []
    for i, entry in enumerate(data.get("pattern", []), start=1):
        label = entry.get("name", f"pattern {i}")
        unknown = set(entry) - _PATTERN_KEYS
        if unknown:
            raise ValueError(f"furniture pattern {label!r}: unknown keys {sorted(unknown)}")
        if entry.get("kind") not in KINDS:
            raise ValueError(f"furniture pattern {label!r}: kind must be one of {sorted(KINDS)}")
        if "regex" not in entry:
            raise ValueError(f"furniture pattern {label!r}: no regex")
        flags = re.IGNORECASE if entry.get("ignore_case") else 0
        try:
            regex = re.compile(entry["regex"], flags)
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
    """The furniture kind of a single line taken on its own, or None (context-free patterns only)."""
    rules = rules or load_rules()
    s = line.strip()
    if not s:
        return None
    for p in rules.patterns:
        if not p.standalone and p.matches(s, rules.function_words):
            return p.kind
    return None


def split_furniture(
    text: str, rules: FurnitureRules | None = None
) -> tuple[str, list[Furniture]]:
    """Split a report into incident text and page furniture.

    Whole furniture lines are removed; where removing them leaves a gap, the
    paragraph break around them is kept (one blank run, as the text had it).
    Leading and trailing blank lines are dropped. Every kept line is returned
    unchanged. Furniture comes back in text order, each line stripped.
    """
    rules = rules or load_rules()
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    kinds: list[str | None] = [None] * len(lines)

    # context-free patterns first
    for i, s in enumerate(stripped):
        if s:
            for p in rules.patterns:
                if not p.standalone and p.matches(s, rules.function_words):
                    kinds[i] = p.kind
                    break

    # standalone patterns depend on their neighbours, which may be furniture
    # found in this loop: repeat until nothing changes
    contextual = [p for p in rules.patterns if p.standalone]
    changed = bool(contextual)
    while changed:
        changed = False
        for i, s in enumerate(stripped):
            if not s or kinds[i] is not None or not _standalone(i, stripped, kinds):
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
    for line, s, kind in zip(lines, stripped, kinds):
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
