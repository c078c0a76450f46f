"""A regular expression that fails fast where no match can begin.

Python's `re` tries a pattern at every position of the text; it skips ahead by itself
only when the pattern starts with a fixed literal or character set. The date rules
start with optional words ("early", "the", "this coming"), so each of the 24 rules
ran its whole pattern at each of a text's positions: about half of an article's
extraction time. `guarded` puts a lookahead of the characters a match can begin with
in front, `(?=[...])(?:pattern)`: the same matches, groups and spans, and a position
whose character can begin no match is left after one test. Where no match is one
character long, the lookahead tests the second character too (`(?=[...][...])`): the
first alone lets most letters through where a rule begins with many words; the date
rules' scan of the KCNA corpus took a quarter less.
"""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]  # the stdlib's own regex parser

_c = _parser  # its opcodes
ANY, ASSERT, ASSERT_NOT, AT, ATOMIC_GROUP, BRANCH = _c.ANY, _c.ASSERT, _c.ASSERT_NOT, _c.AT, _c.ATOMIC_GROUP, _c.BRANCH
IN, LITERAL, NEGATE, NOT_LITERAL, SUBPATTERN = _c.IN, _c.LITERAL, _c.NEGATE, _c.NOT_LITERAL, _c.SUBPATTERN
MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT = _c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT

ZERO_WIDTH = (AT, ASSERT, ASSERT_NOT)
ONE_CHARACTER = (LITERAL, NOT_LITERAL, IN, ANY)
REPEATS = (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """A construct whose first character is not worked out (a back-reference): no guard."""


def guarded(regex: re.Pattern[str]) -> re.Pattern[str]:
    """`regex` with the lookahead of its first characters, and of its second ones where no
    match is one character long (`_second`); itself where a match may be empty, or begin
    with any character, or the pattern is one `_first` does not read."""
    try:
        parsed = _parser.parse(regex.pattern, regex.flags)
        ops, nullable = _first(parsed, regex.flags)
        if nullable or any(op is ANY for op, _, _ in ops):
            return regex
        look = f"(?:{'|'.join(_alternatives(ops, regex.flags))})"
        try:
            look += f"(?:{'|'.join(_alternatives(_second(parsed, regex.flags), regex.flags))})"
        except _Unknown:
            pass
        end = "\n)" if regex.flags & re.VERBOSE else ")"  # past a trailing comment
        return re.compile(f"(?={look})(?:{regex.pattern}{end}", regex.flags)
    except (_Unknown, re.error):  # a global inline flag cannot move inside (?:...)
        return regex


# What is left of a pattern to match: its parts in order, each with the flags in force.
Rest = tuple[tuple[list, int], ...]


def _second(parsed, flags: int) -> list[tuple[int, object, int]]:
    """The one-character items a match's second character can be. The first characters
    alone let through most of a text's letters where a rule begins with many words ("a",
    "the", "one", ...): with the second ones, the whole pattern is tried at far fewer
    positions. _Unknown where a match may end after one character or its second may be
    any: no second lookahead."""
    heads, _ = _heads(((list(parsed), flags),))
    seconds: list[tuple[int, object, int]] = []
    for _op, _av, _flags, rest in heads:
        more, nullable = _heads(rest)
        if nullable or any(op is ANY for op, _, _, _ in more):
            raise _Unknown("a match may end after one character")
        seconds += [(op, av, op_flags) for op, av, op_flags, _ in more]
    return seconds


def _heads(rest: Rest) -> tuple[list[tuple[int, object, int, Rest]], bool]:
    """As `_first`, over what is left to match, each item with what is left after it;
    and whether what is left can match the empty string."""
    for k, (seq, flags) in enumerate(rest):
        for i, (op, av) in enumerate(seq):
            after = ((seq[i + 1:], flags),) + rest[k + 1:]
            if op in ZERO_WIDTH:
                continue
            if op in ONE_CHARACTER:
                return [(op, av, flags, after)], False
            if op is SUBPATTERN:
                _group, add_flags, del_flags, p = av
                inner = _compiler._combine_flags(flags, add_flags, del_flags)
                if (inner ^ flags) & _parser.TYPE_FLAGS:
                    raise _Unknown("a scoped ASCII or LOCALE flag")
                return _heads(((list(p), inner),) + after)
            if op is ATOMIC_GROUP:  # read as a plain group: more matches, never fewer
                return _heads(((list(av), flags),) + after)
            if op is BRANCH:
                found: list[tuple[int, object, int, Rest]] = []
                nullable = False
                for alternative in av[1]:
                    more, empty = _heads(((list(alternative), flags),) + after)
                    found += more
                    nullable = nullable or empty
                return found, nullable
            if op in REPEATS:
                least, most, p = av
                if _first(p, flags)[1]:
                    raise _Unknown("a repeat of what may be empty")
                again = [] if most == 1 else [(op, (max(least - 1, 0), most if most == _c.MAXREPEAT else most - 1, p))]
                found, nullable = _heads(((list(p), flags), (again, flags)) + after)
                if least == 0:
                    more, empty = _heads(after)
                    found, nullable = found + more, nullable or empty
                return found, nullable
            raise _Unknown(str(op))
    return [], True


def _first(seq, flags: int) -> tuple[list[tuple[int, object, int]], bool]:
    """The one-character items (op, argument, flags in force) a match of `seq` can begin
    with, and whether `seq` can match the empty string. Zero-width items (\\b, lookarounds)
    are passed over: the set is then larger than needed, never smaller."""
    ops: list[tuple[int, object, int]] = []
    for op, av in seq:
        if op in ZERO_WIDTH:
            continue
        if op in ONE_CHARACTER:
            ops.append((op, av, flags))
            return ops, False
        if op is SUBPATTERN:
            _group, add_flags, del_flags, p = av
            inner = _compiler._combine_flags(flags, add_flags, del_flags)
            if (inner ^ flags) & _parser.TYPE_FLAGS:
                raise _Unknown("a scoped ASCII or LOCALE flag")
            sub, nullable = _first(p, inner)
        elif op is ATOMIC_GROUP:
            sub, nullable = _first(av, flags)
        elif op is BRANCH:
            sub, nullable = [], False
            for alternative in av[1]:
                more, empty = _first(alternative, flags)
                sub += more
                nullable = nullable or empty
        elif op in REPEATS:
            least, _most, p = av
            sub, nullable = _first(p, flags)
            nullable = nullable or least == 0
        else:
            raise _Unknown(str(op))
        ops += sub
        if not nullable:
            return ops, False
    return ops, True


def _alternatives(ops: list[tuple[int, object, int]], flags: int) -> list[str]:
    """The first characters as few alternatives: one character set for each case flag in
    force (literals and sets joined), a negated set alone, each under its own flag."""
    sets: dict[int, list[str]] = {}
    for op, av, op_flags in ops:
        case = int(op_flags & re.IGNORECASE)
        if op is LITERAL:
            sets.setdefault(case, []).append(_char(av))  # type: ignore[arg-type]
        elif op is NOT_LITERAL:
            sets.setdefault(-1 - case, []).append("^" + _char(av))  # type: ignore[arg-type]
        elif any(item[0] is NEGATE for item in av):  # type: ignore[attr-defined]
            sets.setdefault(-1 - case, []).append("".join(map(_item, av)))  # type: ignore[call-overload]
        else:
            sets.setdefault(case, []).extend(map(_item, av))  # type: ignore[call-overload]
    out = []
    for kind, members in sets.items():
        scope = "(?i:" if kind in (re.IGNORECASE, -1 - re.IGNORECASE) else "(?-i:" if flags & re.IGNORECASE else "(?:"
        groups = [f"[{m}]" for m in members] if kind < 0 else [f"[{''.join(members)}]"]
        out += [scope + g + ")" for g in groups]
    return out


CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
              _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}


def _char(code: int) -> str:
    return re.escape(chr(code))


def _item(item: tuple) -> str:
    """One member of a parsed character set, written again."""
    op, av = item
    if op is LITERAL:
        return _char(av)
    if op is _c.RANGE:
        return f"{_char(av[0])}-{_char(av[1])}"
    if op is NEGATE:
        return "^"
    if op is _c.CATEGORY and av in CATEGORIES:
        return CATEGORIES[av]
    raise _Unknown(str(op))


# At most this many strings in a rule's set of required words: past it, no prefilter.
MOST_REQUIRED = 256


def required(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern of words one of which every match of `regex` contains, the longest such
    set the parse shows ("spring|summer|autumn|winter|fall" of a season's rule), or None
    when none of three characters or more is found (or the pattern is only such words). A text it does not match has no match
    of `regex`: `scan` skips the rule there. Where a case flag is in doubt the words are
    matched in any case, so the test may pass where the rule then finds nothing, never the
    other way."""
    try:
        parsed = _parser.parse(regex.pattern, regex.flags)
        if _exact(parsed, regex.flags) is not None:
            return None  # the pattern is itself a list of words: the test would be the scan again
        found = _required(parsed, regex.flags)
    except (_Unknown, re.error):
        return None
    if found is None or min(map(len, found[0])) < 3:
        return None
    words, icase = found
    return guarded(re.compile(("(?i:" if icase else "(?:") + "|".join(map(re.escape, sorted(words))) + ")"))


Words = tuple[frozenset[str], bool]  # strings, and whether any part of them is matched in any case


def _required(seq, flags: int) -> Words | None:
    """The most selective set of strings one of which each match of `seq` contains: a run
    of consecutive items of finitely many spellings, or what a group or branch it must
    match requires."""
    best: Words | None = None
    run: Words | None = (frozenset({""}), False)

    def keep(candidate: Words | None) -> None:
        nonlocal best
        if candidate is not None and (best is None or _strength(candidate) > _strength(best)):
            best = candidate

    for item in seq:
        exact = _exact([item], flags)
        if exact is not None:
            run = _product(run, exact) if run is not None else exact
            keep(run)
            continue
        run = None
        op, av = item
        if op is SUBPATTERN:
            _group, add_flags, del_flags, p = av
            keep(_required(p, _compiler._combine_flags(flags, add_flags, del_flags)))
        elif op is BRANCH:
            parts = [_required(alternative, flags) for alternative in av[1]]
            if all(part is not None for part in parts):
                keep((frozenset().union(*(w for w, _ in parts)), any(c for _, c in parts)))  # type: ignore[misc]
        elif op in REPEATS and av[0] >= 1:
            keep(_required(av[2], flags))
    return best


def _strength(words: Words) -> tuple[int, int]:
    return min(map(len, words[0])), -len(words[0])


def _product(a: Words | None, b: Words | None) -> Words | None:
    if a is None or b is None or len(a[0]) * len(b[0]) > MOST_REQUIRED:
        return None
    return frozenset(x + y for x in a[0] for y in b[0]), a[1] or b[1]


def _exact(seq, flags: int) -> Words | None:
    """Every string a match of `seq` can be, if they are few; None otherwise."""
    out: Words | None = (frozenset({""}), False)
    for op, av in seq:
        if op in ZERO_WIDTH:
            continue  # consumes nothing: the strings are those of the rest
        if op is LITERAL:
            out = _product(out, (frozenset({chr(av)}), bool(flags & re.IGNORECASE)))
        elif op is SUBPATTERN:
            _group, add_flags, del_flags, p = av
            out = _product(out, _exact(p, _compiler._combine_flags(flags, add_flags, del_flags)))
        elif op is BRANCH:
            parts = [_exact(alternative, flags) for alternative in av[1]]
            if any(part is None for part in parts):
                return None
            out = _product(out, (frozenset().union(*(w for w, _ in parts)), any(c for _, c in parts)))  # type: ignore[misc]
        elif op in REPEATS and av[0] == 0 and av[1] == 1:
            inner = _exact(av[2], flags)
            out = _product(out, None if inner is None else (inner[0] | {""}, inner[1]))
        else:
            return None
        if out is None:
            return None
    return out
