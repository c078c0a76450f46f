"""The FTS5 query syntax Yalu's search accepts, as a PostgreSQL tsquery (docs/postgresql.md).

    word            'word'                 one token (lower case: the 'simple' configuration)
    "two words"     'two' <-> 'words'      a phrase: its tokens next to each other, in order
    word*  "a b"*   'word':*  'a' <-> 'b':* a prefix (of a phrase's last token)
    a b   a AND b   'a' & 'b'              both
    a OR b          'a' | 'b'              either
    a NOT b         'a' & !'b'             the first without the second
    ( ... )         ( ... )                grouping

As in FTS5, NOT binds tighter than AND (written or implied by juxtaposition), AND tighter
than OR; a phrase is split into tokens as FTS5's unicode61 splits it (letters and digits,
any script). What FTS5 accepts and this does not (NEAR, column filters, ^) is a syntax
error here, and a syntax error makes the search quote the text as simple mode does.
"""

from __future__ import annotations

import re


class SyntaxFault(ValueError):
    """Text that is not a query in the syntax above."""


_LEXER = re.compile(r'\s*(?:(\()|(\))|"((?:[^"]|"")*)"|((?:[^\x00-\x7f]|[A-Za-z0-9_\x1a])+)|(\*)|(\S))')
_TOKEN = re.compile(r"[^\W_]+")


def _lexemes(text: str) -> list[str]:
    """FTS5 unicode61's tokens of a phrase, quoted for to_tsquery."""
    return ["'" + t.lower().replace("\\", "\\\\").replace("'", "''") + "'" for t in _TOKEN.findall(text)]


class _Parser:
    def __init__(self, text: str) -> None:
        self.items: list[tuple[str, str]] = []
        pos = 0
        text = text.rstrip()
        while pos < len(text):
            m = _LEXER.match(text, pos)
            if m is None:
                break
            pos = m.end()
            opening, closing, phrase, word, star, other = m.groups()
            if other is not None:
                raise SyntaxFault(f"unexpected {other!r}")
            if opening or closing:
                self.items.append(("paren", opening or closing))
            elif star:
                self.items.append(("star", "*"))
            elif phrase is not None:
                self.items.append(("phrase", phrase.replace('""', '"')))
            elif word in ("AND", "OR", "NOT"):
                self.items.append(("op", word))
            else:
                self.items.append(("phrase", word))
        self.at = 0

    def peek(self) -> tuple[str, str] | None:
        return self.items[self.at] if self.at < len(self.items) else None

    def take(self) -> tuple[str, str]:
        item = self.peek()
        if item is None:
            raise SyntaxFault("the query ends too soon")
        self.at += 1
        return item

    def any_of(self) -> str:
        parts = [self.all_of()]
        while self.peek() == ("op", "OR"):
            self.take()
            parts.append(self.all_of())
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def all_of(self) -> str:
        parts = [self.without()]
        while (item := self.peek()) is not None and item not in (("op", "OR"), ("paren", ")")):
            if item == ("op", "AND"):
                self.take()
            parts.append(self.without())
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def without(self) -> str:
        found = self.primary()
        while self.peek() == ("op", "NOT"):
            self.take()
            found = f"({found} & !{self.primary()})"
        return found

    def primary(self) -> str:
        kind, value = self.take()
        if (kind, value) == ("paren", "("):
            inner = self.any_of()
            if self.take() != ("paren", ")"):
                raise SyntaxFault("a ( without its )")
            return inner
        if kind != "phrase":
            raise SyntaxFault(f"unexpected {value!r}")
        if value == "NEAR" and self.peek() == ("paren", "("):
            raise SyntaxFault("NEAR groups have no tsquery form here")
        lexemes = _lexemes(value)
        if not lexemes:
            raise SyntaxFault(f"nothing to search for in {value!r}")
        if self.peek() == ("star", "*"):
            self.take()
            lexemes[-1] += ":*"
        return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"


def tsquery(fts5: str) -> str:
    """An FTS5 query (the syntax above) as to_tsquery('simple', ...) text; SyntaxFault
    when it is not one."""
    parser = _Parser(fts5)
    if not parser.items:
        raise SyntaxFault("an empty query")
    found = parser.any_of()
    if parser.peek() is not None:
        raise SyntaxFault(f"unexpected {parser.peek()[1]!r}")  # type: ignore[index]
    return found
