"""The language of an article: given by its metadata (a JSONL `lang` or `language`
field, an HTML page's `<html lang>`) or by `--lang`, else detected from its letters.

The genre comes in two languages: English and Korean. Detection counts letters: a text
whose letters are mostly Hangul syllables is Korean. A Korean report quotes English
names ("데일리NK", "SRBM") and an English one quotes Hangul now and then ("Ryanggang
(량강도)"), so the share, not the presence, decides.
"""

from __future__ import annotations

import re

# the languages Yalu has a pipeline for; any other code is kept but read as English
LANGUAGES = ("en", "ko")

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")
# a Korean report's Latin letters are names and acronyms, an English one's Hangul a gloss:
# 30% Hangul among the letters is far from both
KOREAN_SHARE = 0.3


def detect_language(text: str) -> str:
    """"ko" when Hangul syllables make up KOREAN_SHARE of the letters, else "en"."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    # a Hangul syllable is one letter, an English word about five: compare syllables
    # with words' worth of Latin letters
    if hangul and hangul / (hangul + latin / 3) >= KOREAN_SHARE:
        return "ko"
    return "en"


def normalize_language(code: object) -> str | None:
    """A metadata language ("ko-KR", "Korean", "en_US") as ISO 639-1, or None."""
    if not isinstance(code, str) or not code.strip():
        return None
    code = code.strip().lower().replace("_", "-")
    names = {"korean": "ko", "english": "en", "kor": "ko", "eng": "en"}
    return names.get(code, code.split("-")[0][:3] or None)
