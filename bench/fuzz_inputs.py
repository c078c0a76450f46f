"""The hostile inputs of bench/fuzz_ingest.py: a seeded generator, one family at a time.

Every input is a `Hostile`: a JSON Lines record (a line that goes into a file of good
records) or a file of its own (which goes into a folder of good files), or a special
file (a FIFO, a symbolic link) made when the batch is laid out. The families:

- encodings: Latin-1, UTF-16 with and without byte-order mark, invalid UTF-8 sequences,
  lone surrogates and NULs escaped in JSON, C0/C1 control characters, a BOM inside the
  text, carriage-return line breaks, right-to-left and zero-width characters;
- dates: publication dates at and past the calendar's ends and outside 1900-2100 (JSONL
  fields, RSS pubDate, HTML meta, datelines), impossible dates, with relative dates in
  the text ("three days ago", "the next day") to count from them;
- sizes: empty and blank records, texts just under and over the length limit, one very
  long sentence, one line without a break, many short lines, long punctuation runs, many
  datelines, many place names;
- depth: JSON nested from 10 to 100,000 levels, integers of 4,000-6,000 digits, huge
  floats; HTML and XML nested deep; entity expansion and external entities in feeds;
- binary: random bytes, and files that start as PDF, zip, gzip, ELF, SQLite or PNG named
  as text, HTML, JSONL or a feed;
- file types: FIFOs, /dev/zero and /dev/urandom behind links, symbolic links out of the
  folder, loops of links, dangling links, folders named like reports.

The same seed gives the same inputs, byte for byte.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass

PLACES = ["Hyesan", "Musan", "Hoeryong", "Sinuiju", "Kanggye", "Onsong", "Chongjin", "Wonsan"]
RELATIVE = ["three days ago", "the next day", "yesterday", "last Tuesday", "a week later", "next month", "early January",
            "last year", "over the weekend", "two days after North Korea fired"]
SUFFIXES = [".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom"]
MAGIC = [b"%PDF-1.4\n", b"PK\x03\x04\x14\x00", b"\x1f\x8b\x08\x00", b"\x7fELF\x02\x01\x01", b"SQLite format 3\x00",
         b"\x89PNG\r\n\x1a\n", b"BZh91AY", b"\xfd7zXZ\x00"]
EXTREME_DATES = ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "0000-00-00", "2021-02-30", "1900-01-01", "2100-12-31",
                 "-0001-01-01", "99999-01-01", "2021-06-15T25:61:00", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT"]


@dataclass
class Hostile:
    """One hostile input: a JSONL line (`line`), a file (`name`, `data`), or a special file
    made in the batch folder (`special`: fifo | link-out | link-dev | loop | dangling | folder)."""

    family: str
    line: str | None = None
    name: str | None = None
    data: bytes = b""
    special: str | None = None


def sentence(rng: random.Random) -> str:
    return f"Guards in {rng.choice(PLACES)} detained {rng.randint(2, 40)} smugglers {rng.choice(RELATIVE)}, a source said."


def record(rng: random.Random, **fields: object) -> str:
    fields.setdefault("text", sentence(rng))
    return json.dumps(fields, ensure_ascii=rng.random() < 0.5)


# --- the families ---------------------------------------------------------------------------------


def encodings(rng: random.Random) -> Hostile:
    text = sentence(rng)
    kind = rng.randrange(9)
    if kind == 0:
        return Hostile("encodings", name="latin1.txt", data=(text + " café").encode("latin-1"))
    if kind == 1:
        return Hostile("encodings", name="utf16.txt", data=text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"])))
    if kind == 2:
        bad = rng.choice([b"\xc3\x28", b"\xa0\xa1", b"\xe2\x28\xa1", b"\xf0\x28\x8c\x28", b"\xed\xa0\x80", b"\xff"])
        cut = rng.randrange(len(text))
        return Hostile("encodings", name=f"bad{rng.choice(SUFFIXES)}", data=text[:cut].encode() + bad + text[cut:].encode())
    if kind == 3:
        escape = rng.choice(["\\ud800", "\\udfff", "\\ud83d", "\\u0000", "\\u001b", "\\ufffe", "\\ud800\\ud800"])
        body = text.replace(" a ", f" {escape} ")
        return Hostile("encodings", line=f'{{"text": "{body}", "title": "{escape}", "id": "x{escape}"}}')
    if kind == 4:
        controls = "".join(chr(rng.choice([*range(0, 9), *range(11, 32), *range(127, 160)])) for _ in range(rng.randint(1, 30)))
        return Hostile("encodings", line=record(rng, text=text[:20] + controls + text[20:], author=controls))
    if kind == 5:
        return Hostile("encodings", name="controls.txt", data=(text[:10] + "\x00\x01\x02" + text[10:]).encode())
    if kind == 6:
        return Hostile("encodings", name="bom.txt", data=("\ufeff" + text + "\ufeff" + text).encode())
    if kind == 7:
        return Hostile("encodings", name="cr.txt", data=(text + "\r" + text + "\r\n").encode())
    return Hostile("encodings", line=record(rng, text="\u202e\u200b\u2028" + text + "\u2029\ufeff"))


def dates(rng: random.Random) -> Hostile:
    when = rng.choice(EXTREME_DATES)
    text = f"{sentence(rng)} {rng.choice(RELATIVE).capitalize()} soldiers crossed the river."
    kind = rng.randrange(5)
    if kind == 0:
        return Hostile("dates", line=record(rng, text=text, **{rng.choice(["published", "date"]): when}))
    if kind == 1:
        item = f"<item><title>t</title><pubDate>{when}</pubDate><description>{text}</description></item>"
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>D</title>{item}</channel></rss>'
        return Hostile("dates", name="feed.rss", data=feed.encode())
    if kind == 2:
        meta = f'<meta property="article:published_time" content="{when}">'
        page = f"<html><head>{meta}<title>T</title></head><body><article><p>{text}</p></article></body></html>"
        return Hostile("dates", name="page.html", data=page.encode())
    if kind == 3:
        year = rng.choice([1, 1800, 1899, 2099, 9999])
        return Hostile("dates", name="dateline.txt", data=f"PYONGYANG, December 31, {year} (KCNA) -- {text} The next day they left.".encode())
    return Hostile("dates", line=record(rng, published=rng.choice(["2021-03-01", "1900-01-01", "2100-12-31"]),
                                       text=f"On December 31, 2099, {text} {rng.randint(1, 999999)} days later they came back."))


def sizes(rng: random.Random) -> Hostile:
    kind = rng.randrange(10)
    if kind == 0:
        return Hostile("sizes", line=record(rng, text=rng.choice(["", " ", "\n\n", "\t"])))
    if kind == 1:
        return Hostile("sizes", name=f"empty{rng.choice(SUFFIXES)}", data=rng.choice([b"", b"   \n", b"\n\n\n"]))
    if kind == 2:  # around the length limit
        n = rng.choice([99_000, 100_001, 150_000, 1_000_001])
        return Hostile("sizes", line=record(rng, text=("Soldiers defected in Hyesan. " * (n // 29 + 1))[:n]))
    if kind == 3:  # one very long sentence
        return Hostile("sizes", line=record(rng, text=f"{rng.choice(PLACES)} " * rng.randint(200, 3000) + "soldiers defected."))
    if kind == 4:  # one line without a break or a space
        return Hostile("sizes", name="line.txt", data=("x" * rng.randint(10_000, 90_000)).encode())
    if kind == 5:  # many short lines
        return Hostile("sizes", line=record(rng, text="\n".join(sentence(rng) for _ in range(rng.choice([100, 300, 1000, 2000])))))
    if kind == 6:  # a punctuation run
        return Hostile("sizes", line=record(rng, text="Soldiers said " + rng.choice(["“", '"', "!", "-", "(", "…"]) * rng.choice([500, 2000, 8000])))
    if kind == 7:  # many datelines
        lines = [f"PYONGYANG, May {rng.randint(1, 28)} (KCNA) -- {sentence(rng)}" for _ in range(rng.choice([50, 200, 500]))]
        return Hostile("sizes", name="datelines.txt", data="\n\n".join(lines).encode())
    if kind == 8:  # many fields, a long title, many tags
        return Hostile("sizes", line=record(rng, title="T" * 50_000, tags=[f"tag{i}" for i in range(5000)], author="A" * 10_000))
    return Hostile("sizes", name="over.txt", data=b"Soldiers defected. " * rng.randint(5300, 8000))


def depth(rng: random.Random) -> Hostile:
    kind = rng.randrange(7)
    n = rng.choice([10, 25, 1000, 100_000])
    if kind == 0:
        return Hostile("depth", line="[" * n + "]" * n)
    if kind == 1:
        return Hostile("depth", line='{"text": "Soldiers defected.", "x": ' + '{"a": ' * n + "1" + "}" * n + "}")
    if kind == 2:
        return Hostile("depth", line='{"text": "Soldiers defected.", "n": ' + str(rng.randint(1, 9)) * rng.randint(4000, 6000) + "}")
    if kind == 3:
        return Hostile("depth", line='{"text": "Soldiers defected.", "f": 1e' + str(rng.randint(300, 99999)) + ', "g": -1e-99999}')
    if kind == 4:
        return Hostile("depth", name="deep.html", data=(b"<div>" * n + sentence(rng).encode() + b"</div>" * n))
    if kind == 5:
        inner = b"<a>" * min(n, 5000) + b"x" + b"</a>" * min(n, 5000)
        return Hostile("depth", name="deep.xml", data=b'<?xml version="1.0"?><rss version="2.0"><channel><item><description>' + inner
                       + b"</description></item></channel></rss>")
    bomb = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
            for p, c in zip("abcdefgh", "bcdefghi")) + '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            '<rss version="2.0"><channel><title>&x;</title><item><description>&i; &x;</description></item></channel></rss>')
    return Hostile("depth", name="bomb.rss", data=bomb.encode())


def binary(rng: random.Random) -> Hostile:
    suffix = rng.choice(SUFFIXES)
    if rng.random() < 0.5:
        return Hostile("binary", name=f"random{suffix}", data=rng.randbytes(rng.randint(1, 20_000)))
    head = rng.choice(MAGIC)
    # text after the magic: a text-only PDF has no NUL to give it away
    return Hostile("binary", name=f"magic{suffix}", data=head + f"BT ({sentence(rng)}) Tj ET\n".encode() * rng.randint(1, 50))


def file_types(rng: random.Random) -> Hostile:
    special = rng.choice(["fifo", "link-out", "link-dev", "loop", "dangling", "folder"])
    return Hostile("file types", name=f"{special}{rng.choice(SUFFIXES)}", special=special)


FAMILIES: dict[str, Callable[[random.Random], Hostile]] = {
    "encodings": encodings, "dates": dates, "sizes": sizes, "depth": depth, "binary": binary, "file types": file_types,
}


def hostile_inputs(seed: int, count: int) -> list[Hostile]:
    """`count` hostile inputs from `seed`, the families in turn."""
    rng = random.Random(seed)
    makers = list(FAMILIES.values())
    return [makers[i % len(makers)](rng) for i in range(count)]
