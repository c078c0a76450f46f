"""Korean romanization for gazetteer aliases: Hangul in, the spellings reports use out.

Three systems and the press habits around them, all generated from the Hangul so
that aliases come from rules, not from hand-typed lists:

- Revised Romanization (RR), South Korea's official system since 2000
  (Yanggang, Hamgyeong, Baengnyeong, Amnok, Sinuiju);
- McCune–Reischauer (MR) with breves and apostrophes (Ryanggang, Hamgyŏng,
  P'yŏngan, Paengnyŏng), and the same without diacritics (Pyongan);
- the DPRK's own system as KCNA writes it (Phyongan, Nampho, Thaechon,
  Jagang): MR with aspirates written with an h, ㅈ always j, no breves.

Sound changes applied inside a word (both systems write them): linking of a
final consonant into a following vowel (백암 Baegam), nasalisation (압록 Amnok,
백령 Baengnyeong, 청년 Cheongnyeon), ㄹ after ㅁ/ㅇ read as ㄴ (종로 Jongno), ㄴ+ㄹ and
ㄹ+ㄴ as ll (신라 Silla), ㅎ merging with a following plain stop (좋다 jota),
palatalisation (굳이 guji). MR also voices plain stops between voiced sounds
(Kanggye, Hoeryong) and tenses ㄷ ㅅ ㅈ after ㄹ (길주 Kilchu).

Administrative suffixes (도 시 군 구역 리 ...) are romanized apart from the name,
as RR prescribes ("Inwang-ri", not "Inwangni").

South Korean spelling of North Korean names: `south_hangul` applies the South's
initial-sound rule (두음법칙) to the first syllable (량강 → 양강, 녕변 → 영변,
락원 → 낙원, 리원 → 이원), so Yanggang and Yongbyon come out of the same rules.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

__all__ = [
    "is_hangul",
    "decompose",
    "south_hangul",
    "rr",
    "mr",
    "dprk",
    "variants",
    "split_suffix",
    "normalize",
    "loose",
]

_SBASE = 0xAC00
_SCOUNT = 11172

# jamo indices
_L = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_V = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_T = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ",
      "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]

# ---------------------------------------------------------------------------
# Hangul structure


def is_hangul(text: str) -> bool:
    """True if `text` contains at least one Hangul syllable."""
    return any(_SBASE <= ord(c) < _SBASE + _SCOUNT for c in text)


def _is_syllable(c: str) -> bool:
    return _SBASE <= ord(c) < _SBASE + _SCOUNT


def decompose(syllable: str) -> tuple[str, str, str]:
    """'강' -> ('ㄱ', 'ㅏ', 'ㅇ'); final is '' when there is none."""
    code = ord(syllable) - _SBASE
    if not 0 <= code < _SCOUNT:
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    l, rest = divmod(code, 21 * 28)
    v, t = divmod(rest, 28)
    return _L[l], _V[v], _T[t]


def compose(l: str, v: str, t: str = "") -> str:
    return chr(_SBASE + (_L.index(l) * 21 + _V.index(v)) * 28 + _T.index(t))


# vowels that trigger the South's initial-sound rule: ㄹ/ㄴ -> ㅇ before i/y
_IY = set("ㅑㅒㅕㅖㅛㅠㅣ")


def south_hangul(word: str) -> str:
    """Apply the South Korean initial-sound rule (두음법칙) to the first syllable.

    North Korea writes 량강, 녕변, 리원, 락원, 로동; the South writes 양강, 영변,
    이원, 낙원, 노동. Only the word-initial syllable changes.
    """
    if not word or not _is_syllable(word[0]):
        return word
    l, v, t = decompose(word[0])
    if l == "ㄹ":
        l = "ㅇ" if v in _IY else "ㄴ"
    elif l == "ㄴ" and v in _IY:
        l = "ㅇ"
    else:
        return word
    return compose(l, v, t) + word[1:]


# ---------------------------------------------------------------------------
# phonology: a word becomes a list of [onset, vowel, coda] with sound changes applied

_K_CLASS = {"ㄱ", "ㄲ", "ㅋ", "ㄳ", "ㄺ"}
_T_CLASS = {"ㄷ", "ㅅ", "ㅆ", "ㅈ", "ㅊ", "ㅌ", "ㅎ"}
_P_CLASS = {"ㅂ", "ㅍ", "ㅄ", "ㄿ"}
_N_CLASS = {"ㄴ", "ㄵ", "ㄶ"}
_L_CLASS = {"ㄹ", "ㄼ", "ㄽ", "ㄾ", "ㅀ"}
_M_CLASS = {"ㅁ", "ㄻ"}

# a complex coda keeps its first part and links its second part into a vowel
_COMPLEX = {"ㄳ": ("ㄱ", "ㅅ"), "ㄵ": ("ㄴ", "ㅈ"), "ㄶ": ("ㄴ", "ㅎ"), "ㄺ": ("ㄹ", "ㄱ"),
            "ㄻ": ("ㄹ", "ㅁ"), "ㄼ": ("ㄹ", "ㅂ"), "ㄽ": ("ㄹ", "ㅅ"), "ㄾ": ("ㄹ", "ㅌ"),
            "ㄿ": ("ㄹ", "ㅍ"), "ㅀ": ("ㄹ", "ㅎ"), "ㅄ": ("ㅂ", "ㅅ")}
_ASPIRATE = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅂ": "ㅍ", "ㅈ": "ㅊ"}


def _coda_class(t: str) -> str:
    """Neutralised coda: one of '', k, t, p, n, l, m, ng."""
    if not t:
        return ""
    if t in _K_CLASS:
        return "k"
    if t in _T_CLASS:
        return "t"
    if t in _P_CLASS:
        return "p"
    if t in _N_CLASS:
        return "n"
    if t in _L_CLASS:
        return "l"
    if t in _M_CLASS:
        return "m"
    return "ng"  # ㅇ


def _phonemes(word: str, sound_changes: bool = True) -> list[list[str]]:
    """Syllables of `word` as [onset jamo, vowel jamo, coda class] after sound changes."""
    syl = [list(decompose(c)) for c in word if _is_syllable(c)]
    if not sound_changes:
        return [[l, v, _coda_class(t)] for l, v, t in syl]
    _link_jamo(syl)
    out = [[l, v, _coda_class(t)] for l, v, t in syl]
    _assimilate(out)
    return out


def _link_jamo(syl: list[list[str]]) -> None:
    """First pass, on jamo: linking, ㅎ, palatalisation."""
    for i in range(len(syl) - 1):
        t, nl = syl[i][2], syl[i + 1][0]
        nv = syl[i + 1][1]
        if not t:
            continue
        if nl == "ㅇ":
            if t == "ㅇ":
                continue
            if t == "ㅎ":
                syl[i][2] = ""
                continue
            if t in _COMPLEX:
                first, second = _COMPLEX[t]
                syl[i][2] = first
                syl[i + 1][0] = "ㅇ" if second == "ㅎ" else second
                continue
            moved = t
            if nv == "ㅣ" and t in ("ㄷ", "ㅌ"):  # palatalisation 굳이 구지
                moved = "ㅈ" if t == "ㄷ" else "ㅊ"
            syl[i][2] = ""
            syl[i + 1][0] = moved
            continue
        if t in ("ㅎ", "ㄶ", "ㅀ") and nl in _ASPIRATE:
            syl[i][2] = {"ㅎ": "", "ㄶ": "ㄴ", "ㅀ": "ㄹ"}[t]
            syl[i + 1][0] = _ASPIRATE[nl]
            continue
        if t == "ㄷ" and nl == "ㅎ" and nv == "ㅣ":  # 굳히 구치
            syl[i][2] = ""
            syl[i + 1][0] = "ㅊ"


def _assimilate(out: list[list[str]]) -> None:
    """Second pass, on coda classes: nasalisation and liquids."""
    for i in range(len(out) - 1):
        c, nl = out[i][2], out[i + 1][0]
        if not c:
            continue
        if nl == "ㄹ":
            if c in ("m", "ng"):
                out[i + 1][0] = "ㄴ"
            elif c == "k":
                out[i][2], out[i + 1][0] = "ng", "ㄴ"
            elif c == "p":
                out[i][2], out[i + 1][0] = "m", "ㄴ"
            elif c == "t":
                out[i][2], out[i + 1][0] = "n", "ㄴ"
            elif c == "n":
                out[i][2] = "l"  # 신라 실라
            continue
        if nl in ("ㄴ", "ㅁ"):
            if c == "k":
                out[i][2] = "ng"
            elif c == "t":
                out[i][2] = "n"
            elif c == "p":
                out[i][2] = "m"
            elif c == "l" and nl == "ㄴ":
                out[i + 1][0] = "ㄹ"  # 설날 설랄


# ---------------------------------------------------------------------------
# Revised Romanization

_RR_ONSET = {"ㄱ": "g", "ㄲ": "kk", "ㄴ": "n", "ㄷ": "d", "ㄸ": "tt", "ㄹ": "r", "ㅁ": "m",
             "ㅂ": "b", "ㅃ": "pp", "ㅅ": "s", "ㅆ": "ss", "ㅇ": "", "ㅈ": "j", "ㅉ": "jj",
             "ㅊ": "ch", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "h"}
_RR_VOWEL = {"ㅏ": "a", "ㅐ": "ae", "ㅑ": "ya", "ㅒ": "yae", "ㅓ": "eo", "ㅔ": "e", "ㅕ": "yeo",
             "ㅖ": "ye", "ㅗ": "o", "ㅘ": "wa", "ㅙ": "wae", "ㅚ": "oe", "ㅛ": "yo", "ㅜ": "u",
             "ㅝ": "wo", "ㅞ": "we", "ㅟ": "wi", "ㅠ": "yu", "ㅡ": "eu", "ㅢ": "ui", "ㅣ": "i"}
_RR_CODA = {"": "", "k": "k", "t": "t", "p": "p", "n": "n", "l": "l", "m": "m", "ng": "ng"}


def _rr_word(word: str, sound_changes: bool = True) -> str:
    out = []
    prev_coda = ""
    for l, v, c in _phonemes(word, sound_changes):
        onset = _RR_ONSET[l]
        if l == "ㄹ" and prev_coda == "l":
            onset = "l"
        out.append(onset + _RR_VOWEL[v] + _RR_CODA[c])
        prev_coda = c
    return "".join(out)


# ---------------------------------------------------------------------------
# McCune–Reischauer

_MR_VOWEL = {"ㅏ": "a", "ㅐ": "ae", "ㅑ": "ya", "ㅒ": "yae", "ㅓ": "ŏ", "ㅔ": "e", "ㅕ": "yŏ",
             "ㅖ": "ye", "ㅗ": "o", "ㅘ": "wa", "ㅙ": "wae", "ㅚ": "oe", "ㅛ": "yo", "ㅜ": "u",
             "ㅝ": "wŏ", "ㅞ": "we", "ㅟ": "wi", "ㅠ": "yu", "ㅡ": "ŭ", "ㅢ": "ŭi", "ㅣ": "i"}
_MR_PLAIN = {"ㄱ": ("k", "g"), "ㄷ": ("t", "d"), "ㅂ": ("p", "b"), "ㅈ": ("ch", "j")}
_MR_OTHER = {"ㄲ": "kk", "ㄴ": "n", "ㄸ": "tt", "ㄹ": "r", "ㅁ": "m", "ㅃ": "pp", "ㅅ": "s",
             "ㅆ": "ss", "ㅇ": "", "ㅉ": "tch", "ㅊ": "ch'", "ㅋ": "k'", "ㅌ": "t'", "ㅍ": "p'",
             "ㅎ": "h"}
_VOICED_CODA = {"", "n", "l", "m", "ng"}


def _mr_word(word: str, sound_changes: bool = True, voicing: bool = True) -> str:
    out = []
    prev = None  # previous coda class, None at word start
    for l, v, c in _phonemes(word, sound_changes):
        if l in _MR_PLAIN:
            unvoiced, voiced = _MR_PLAIN[l]
            if not voicing or prev is None or prev not in _VOICED_CODA:
                onset = unvoiced
            elif prev == "l" and l in ("ㄷ", "ㅈ"):  # Sino-Korean tensing: 길주 Kilchu
                onset = unvoiced
            else:
                onset = voiced
            if prev == "n" and l == "ㄱ":
                onset = "'" + onset  # P'an'gyo: n'g is not ng
        elif l == "ㄹ":
            onset = "l" if prev == "l" else "r"
        elif l == "ㅅ" and v == "ㅟ":
            onset = "sh"
        else:
            onset = _MR_OTHER[l]
        out.append(onset + _MR_VOWEL[v] + _RR_CODA[c])
        prev = c
    return "".join(out)


def _dprk_from_mr(mr_text: str) -> str:
    """MR -> DPRK official: aspirates with h, ㅈ as j, no breves, no separating apostrophes."""
    s = mr_text
    s = s.replace("ch'", "\x00")  # ㅊ -> ch
    s = s.replace("k'", "kh").replace("t'", "th").replace("p'", "ph")
    s = s.replace("tch", "jj")
    s = re.sub(r"ch", "j", s)  # remaining ch is plain ㅈ
    s = s.replace("\x00", "ch")
    s = s.replace("'", "")
    s = s.replace("ŏ", "o").replace("ŭ", "u")
    return s


# ---------------------------------------------------------------------------
# suffixes

# Hangul administrative suffixes, longest first, with their romanizations
# (RR, MR, DPRK-plain) and English words.
SUFFIXES: dict[str, dict] = {
    "특별자치도": {"rom": ["teukbyeoljachido"], "en": ["Special Self-Governing Province", "Province", "State"]},
    "특별자치시": {"rom": ["teukbyeoljachisi"], "en": ["Special Self-Governing City", "City"]},
    "특별시": {"rom": ["teukbyeolsi", "t'ŭkpyŏlsi", "thukpyolsi"], "en": ["Special City", "City"]},
    "직할시": {"rom": ["jikhalsi", "chikhalsi"], "en": ["City", "Directly Governed City"]},
    "광역시": {"rom": ["gwangyeoksi", "kwangyŏksi"], "en": ["Metropolitan City", "City"]},
    "로동자구": {"rom": ["rodongjagu", "nodongjagu", "rodongjakku"], "en": ["Workers' District", "Workers District"]},
    "노동자구": {"rom": ["nodongjagu", "rodongjagu"], "en": ["Workers' District", "Workers District"]},
    "구역": {"rom": ["guyeok", "kuyŏk", "guyok", "kuyok"], "en": ["District"]},
    "지구": {"rom": ["jigu", "chigu"], "en": ["District", "Area"]},
    "북도": {"rom": ["bukdo", "pukto", "bukto", "pukdo"], "en": ["Province"]},
    "남도": {"rom": ["namdo", "namto"], "en": ["Province"]},
    "도": {"rom": ["do", "to"], "en": ["Province"]},
    "시": {"rom": ["si", "shi"], "en": ["City"]},
    "군": {"rom": ["gun", "kun"], "en": ["County"]},
    "구": {"rom": ["gu", "ku"], "en": ["District"]},
    "읍": {"rom": ["eup", "ŭp", "up"], "en": ["Town"]},
    "면": {"rom": ["myeon", "myŏn", "myon"], "en": ["Township"]},
    "리": {"rom": ["ri", "ni"], "en": ["Village"]},
    "동": {"rom": ["dong", "tong"], "en": ["Dong"]},
    "가": {"rom": ["ga"], "en": []},
    "섬": {"rom": ["seom"], "en": ["Island"]},
    "산": {"rom": ["san"], "en": ["Mountain", "Mount"]},
    "봉": {"rom": ["bong", "pong"], "en": ["Peak"]},
    "강": {"rom": ["gang", "kang"], "en": ["River"]},
    "천": {"rom": ["cheon", "chon", "ch'ŏn"], "en": ["Stream", "River"]},
    "곶": {"rom": ["got", "kot"], "en": ["Cape"]},
    "항": {"rom": ["hang"], "en": ["Port"]},
    "역": {"rom": ["yeok", "yŏk", "yok"], "en": ["Station"]},
}

# which suffixes a kind may carry (longest first is enforced by sorting)
KIND_SUFFIXES: dict[str, tuple[str, ...]] = {
    "province": ("특별자치도", "특별자치시", "특별시", "직할시", "광역시", "북도", "남도", "도"),
    "special_city": ("특별자치시", "특별시", "직할시", "광역시", "시"),
    "county": ("군",),
    "city": ("시",),
    "district": ("로동자구", "노동자구", "구역", "지구", "구"),
    "town": ("로동자구", "노동자구", "읍", "면", "리", "동", "가"),
    "island": ("도", "섬"),
    "mountain": ("산", "봉"),
    "river": ("강", "천"),
    "region": ("도",),
    "facility": ("역", "항"),
}


def split_suffix(hangul: str, kind: str) -> tuple[str, str]:
    """'김정숙군', 'county' -> ('김정숙', '군'). The stem keeps at least one syllable."""
    h = hangul.replace(" ", "")
    for suf in sorted(KIND_SUFFIXES.get(kind, ()), key=len, reverse=True):
        if h.endswith(suf) and len(h) > len(suf):
            if suf in ("북도", "남도"):
                # 함경북도 -> stem 함경북 + 도 would lose the direction; keep it in the stem
                return h[: -1], "도"
            return h[: -len(suf)], suf
    return h, ""


# ---------------------------------------------------------------------------
# public romanizers


def rr(hangul: str, sound_changes: bool = True) -> str:
    """Revised Romanization of a Hangul word or phrase (spaces kept), lower case.

    >>> rr("압록강")
    'amnokgang'
    """
    return " ".join(_rr_word(w, sound_changes) for w in hangul.split())


def mr(hangul: str, voicing: bool = True) -> str:
    """McCune–Reischauer with breves and apostrophes, lower case.

    >>> mr("평안")
    "p'yŏngan"
    """
    return " ".join(_mr_word(w, True, voicing) for w in hangul.split())


def dprk(hangul: str) -> str:
    """The DPRK's official romanization as KCNA writes it, lower case.

    >>> dprk("평안")
    'phyongan'
    """
    return " ".join(_dprk_from_mr(_mr_word(w)) for w in hangul.split())


def _press(forms: set[str]) -> set[str]:
    """Common press spellings derived from the systematic ones."""
    out = set()
    for f in forms:
        # 시 as shi (Shinuiju, Shinpo), 회 as hoi (Hoiryong)
        if "si" in f:
            out.add(f.replace("si", "shi"))
        if "oe" in f:
            out.add(f.replace("oe", "oi"))
        # ㅕ as yu in older press spellings (Hamkyung, Hamgyung, Pyungan); ㅓ as u is not
        # generated (it would meet ㅜ: Chungjin is also 중진)
        if "yŏ" in f:
            out.add(_plain(f.replace("yŏ", "yu")))
        if "yeo" in f:
            out.add(f.replace("yeo", "yu"))
    return out


# ㅜ as RR's u, not within its ㅠ, ㅡ or ㅢ (yu, eu, ui)
_RR_U = re.compile(r"(?<![ey])u(?!i)")


def _oo(rr_form: str) -> str:
    """ㅜ as oo, an older press spelling read off the Revised Romanization (Daily NK's Moosan,
    Anjoo, Woonjeon; Good Friends' Soonam), with a w glide before it opening a word; "" when
    the word has no ㅜ."""
    oo = _RR_U.sub("oo", rr_form)
    if oo == rr_form:
        return ""
    return "w" + oo if oo.startswith("oo") else oo


def variants(hangul: str, north: bool = True) -> list[str]:
    """All romanized spellings of a Hangul stem (no administrative suffix).

    Returns lower-case strings with diacritics where a system has them:
    RR (with and without sound changes), MR (with breves/apostrophes and plain),
    DPRK official (with h-aspirates; voiced and unvoiced stops after a final),
    syllable-by-syllable spellings (Yangkang, Baekryeong), press habits
    (Shinuiju, Hoiryong). If `north`, the South's initial-sound rule is also
    applied so 량강 yields Yanggang as well as Ryanggang.
    """
    words = [hangul]
    if north:
        s = south_hangul(hangul)
        if s != hangul:
            words.append(s)
    forms: set[str] = set()
    breved: set[str] = set()  # spellings whose breves only the press rules read
    for w in words:
        forms.add(rr(w))
        forms.add(rr(w, sound_changes=False))
        forms.add(_oo(rr(w)))
        m = mr(w)
        forms.add(m)
        forms.add(_plain(m))
        d = dprk(w)
        forms.add(d)
        # DPRK spellings often voice a stop after a final (Pyokdong, Paekdu)
        forms.add(_dprk_voiced_after_obstruent(w))
        # syllable-by-syllable with unvoiced ㄱ (Yangkang, Hamkyong)
        syllablewise = _syllablewise_k(w)
        forms.add(_plain(syllablewise))
        breved.add(syllablewise)
    forms |= _press(forms | breved)
    forms.discard("")
    return sorted(forms)


def _plain(s: str) -> str:
    return s.replace("ŏ", "o").replace("ŭ", "u").replace("'", "")


def _dprk_voiced_after_obstruent(word: str) -> str:
    out = []
    for w in word.split():
        parts = []
        prev = None
        for l, v, c in _phonemes(w):
            if l in _MR_PLAIN:
                onset = _MR_PLAIN[l][0] if prev is None else _MR_PLAIN[l][1]
                if l == "ㅈ":
                    onset = "j"
            elif l == "ㄹ":
                onset = "l" if prev == "l" else "r"
            else:
                onset = _MR_OTHER[l]
            parts.append(onset + _MR_VOWEL[v] + _RR_CODA[c])
            prev = c
        out.append(_dprk_from_mr("".join(parts)))
    return " ".join(out)


def _syllablewise_k(word: str) -> str:
    """Each syllable spelt on its own, plain stops unvoiced except ㅈ (j): 양강 -> yangkang."""
    out = []
    for w in word.split():
        parts = []
        for l, v, c in _phonemes(w, sound_changes=False):
            if l in _MR_PLAIN:
                onset = "j" if l == "ㅈ" else _MR_PLAIN[l][0]
            else:
                onset = _MR_OTHER[l].replace("'", "h") if l in "ㅋㅌㅍ" else _MR_OTHER[l]
                if l == "ㅊ":
                    onset = "ch"
            parts.append(onset + _MR_VOWEL[v] + _RR_CODA[c])
        out.append("".join(parts))
    return " ".join(out)


# ---------------------------------------------------------------------------
# matching keys

_APOS = "'’‘`´ʼʻ"


def normalize(text: str) -> str:
    """Matching key: case, diacritics, apostrophes, hyphens, dots and spaces ignored.

    'P'yŏngan-pukto' -> 'pyonganpukto'; '량강 도' -> '량강도'.
    Hangul syllables are kept (NFC), Latin letters lose their accents.
    """
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        if _is_syllable(ch):
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        for d in decomposed:
            if unicodedata.combining(d):
                continue
            if d.isalnum():
                out.append(d.lower())
    return "".join(out)


_LOOSE = [("eo", "o"), ("eu", "u"), ("oi", "oe"), ("shi", "si"), ("ph", "p"), ("th", "t"), ("kh", "k"),
          ("ee", "i")]


def loose(key: str) -> str:
    """A coarser key for fallback matching: RR/MR/DPRK vowel spellings and h-aspirates merged.

    'hamgyeong' and 'hamgyong' meet, as do 'phyongan' and 'pyongan'; consonant
    voicing (k/g, l/r) is not merged, so unrelated words do not collide.
    """
    if is_hangul(key) or len(key) < 5:
        return key
    s = key
    for a, b in _LOOSE:
        s = s.replace(a, b)
    return s


def title(form: str) -> str:
    """English casing of a romanized form: 'hamgyŏng-pukto' -> 'Hamgyŏng-pukto', "p'yŏngan" -> "P'yŏngan"."""
    words = form.split(" ")
    return " ".join(w[:1].upper() + w[1:] if w else w for w in words)


def product_join(stems: list[str], suffixes: list[str], sep: str = "-") -> list[str]:
    return [f"{a}{sep}{b}" for a, b in itertools.product(stems, suffixes)]
