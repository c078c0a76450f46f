"""Every spelling of a place: its names, Hangul, McCune-Reischauer and Revised
Romanization forms with and without their generic ("Hyesan", "Hyesan City",
"Hyesan-si", "혜산시"), and the directional forms of provinces ("North Hamgyong",
"N. Hamgyong", "Hambuk")."""

from __future__ import annotations

import re

from yalu.model import Place
from yalu.places import romanize as rz
from yalu.resources import load as load_data

# kinds whose generated romanizations may stand alone ("Hyesan"); others need
# their generic ("Punggye-ri", "Yeonpyeong Island", "Mt Paektu", "Yalu River")
BARE_KINDS = {"province", "special_city", "county", "city", "district", "region", "country"}

# generated spellings that are common English words (MR Sŏul -> "Soul")
BLOCKED_FORMS = {"soul"}

# English generic words per kind, used for suffix forms
EN_SUFFIX: dict[str, list[str]] = load_data("places/generics.toml")["en_suffix"]
# the Korean generic of a Chinese place of each kind (용정 -> 용정시)
CN_HANGUL_SUFFIX: dict[str, str] = load_data("places/generics.toml")["cn_hangul_suffix"]

_DIRECTIONS = {"북": ("North", ["N.", "N"], ["buk", "puk"]), "남": ("South", ["S.", "S"], ["nam"])}

def _plain(s: str) -> str:
    return s.replace("ŏ", "o").replace("ŭ", "u").replace("'", "")

def _has_generic(s: str, en_words: list[str], rom_suffixes: list[str]) -> bool:
    """True if a name already carries a generic: 'Central District', 'Chung-guyok', 'Kim Chaek-si'."""
    if _ends_with_any(s, en_words):
        return True
    low = rz.normalize(s.split("-")[-1]) if "-" in s else ""
    return bool(low) and any(low == rz.normalize(r) for r in rom_suffixes)

def _ends_with_any(s: str, words: list[str]) -> bool:
    low = s.lower()
    return any(low.endswith(" " + w.lower()) for w in words)


class _Forms:
    """The spellings found so far, each once, with the best quality it was given first."""

    def __init__(self) -> None:
        self.out: list[tuple[str, int]] = []
        self.seen: set[str] = set()

    def add(self, s: str, q: int) -> None:
        s = " ".join(s.split())
        if q > 0 and rz.normalize(s) in BLOCKED_FORMS:
            return
        if s and s not in self.seen:
            self.seen.add(s)
            self.out.append((s, q))


def generate_forms(p: Place) -> list[tuple[str, int]]:
    """(surface, quality) for one place; quality 0 canonical, 1 explicit alias, 2 generated."""
    forms = _Forms()
    add = forms.add
    kind = p.kind
    bare_ok = kind in BARE_KINDS
    en = EN_SUFFIX.get(kind, [])
    add(p.name, 0)  # canonical name
    canon_bases = [p.name]
    # admin1 entries that are directional provinces: North X / X-pukto
    direction = None
    stem_h = None
    suffix_h = ""
    if p.hangul:
        stem_h, suffix_h = rz.split_suffix(p.hangul, kind)
        if kind == "province" and p.hangul.endswith(("북도", "남도")) and len(p.hangul) > 2:
            direction = p.hangul[-2]
            stem_h = p.hangul[:-2]
    for s in en:
        if not _ends_with_any(p.name, [s]):
            add(f"{p.name} {s}", 0)
    # romanized suffixes matching the Hangul generic
    rom_suffixes = rz.SUFFIXES.get(suffix_h, {}).get("rom", []) if suffix_h else []
    if bare_ok and direction is None and not _has_generic(p.name, en, rom_suffixes):
        for rs in rom_suffixes:
            add(f"{p.name}-{_plain(rs)}", 1)
    if p.hangul:
        _hangul_forms(add, p.hangul, kind, stem_h, direction, bare_ok)
    _alias_forms(add, p, en, rom_suffixes, bare_ok)
    _chinese_hangul_forms(add, p)
    # generated romanizations of the Hangul and of Hangul aliases
    sources: list[tuple[str | None, str | None, str | None]] = []
    if p.hangul:
        sources.append((stem_h, suffix_h, direction))
    for a in p.aliases:
        if rz.is_hangul(a):
            s_h, suf = rz.split_suffix(a, kind)
            d = None
            if kind == "province" and a.endswith(("북도", "남도")) and len(a) > 2:
                d, s_h, suf = a[-2], a[:-2], "도"
            sources.append((s_h, suf, d))
    if p.country in ("KP", "KR", "") and kind not in ("sea", "border", "country"):
        for stem, suffix, d in sources:
            if stem and rz.is_hangul(stem):
                _romanized_forms(add, stem, suffix, d, kind, bare_ok, en, canon_bases)
    if direction:
        # canonical "North Hamgyong": also N. Hamgyong, Hamgyong-pukto, ...
        m = re.match(r"^(North|South)\s+(.+)$", p.name)
        if m:
            _directional_forms(add, [m.group(2)], direction, canon_bases, quality=1)
    if p.country == "KP" and kind == "town" and suffix_h == "동":
        # Daily NK writes a North Korean dong as a district: "Hyetan District, Hyesan"
        for surface, q in list(forms.out):
            if surface.endswith(("-dong", " Dong")):
                add(surface[:-5] + " District", max(q, 1))
    return forms.out


def _hangul_forms(add, hangul: str, kind: str, stem_h: str | None, direction: str | None, bare_ok: bool) -> None:
    """Hangul: full, stem, stem + 시 for special cities, South spellings."""
    hangul_forms = {hangul}
    if bare_ok and stem_h and len(stem_h) >= 2 and direction is None:
        hangul_forms.add(stem_h)
    if kind == "special_city" and stem_h:
        hangul_forms.add(stem_h + "시")
    if direction and stem_h:
        hangul_forms.add(stem_h + direction + "도")
    suffix = hangul[len(stem_h):] if stem_h and hangul.startswith(stem_h) else ""
    if stem_h and len(suffix) >= 2:
        # a generic word is a word of its own: the South writes 남양노동자구 for 남양로동자구
        hangul_forms.add(stem_h + rz.south_hangul(suffix))
    for h in list(hangul_forms):
        hangul_forms.add(rz.south_hangul(h))
    for h in hangul_forms:
        add(h, 0)


def _chinese_hangul_forms(add, p: Place) -> None:
    """A Chinese place's Korean names with the Korean generic of its kind (용정 -> 용정시)."""
    generic = CN_HANGUL_SUFFIX.get(p.kind) if p.country == "CN" else None
    if generic is None:
        return
    for h in [p.hangul or ""] + list(p.aliases):
        if rz.is_hangul(h) and not h.endswith(generic):
            add(h + generic, 1)


def _alias_forms(add, p: Place, en: list[str], rom_suffixes: list[str], bare_ok: bool) -> None:
    """Explicit aliases, with the generics a bare alias takes."""
    for a in p.aliases:
        add(a, 1)
        if rz.is_hangul(a):
            continue
        if p.kind == "island" and a.endswith(" Island"):
            add(a[: -len("Island")] + "Islet", 1)
        if bare_ok and not _has_generic(a, en + ["Island", "River", "Station"], rom_suffixes):
            for s in en:
                add(f"{a} {s}", 1)
            if p.kind in ("county", "city", "district") and rom_suffixes:
                for rs in rom_suffixes:
                    add(f"{a}-{_plain(rs)}", 1)


def _romanized_forms(add, stem: str, suf: str | None, d: str | None, kind: str, bare_ok: bool,
                     en: list[str], canon_bases: list[str]) -> None:
    """The romanizations of one Hangul stem, with the generics its suffix and kind take."""
    rom_stems = [rz.title(v) for v in rz.variants(stem)]
    if d:
        _directional_forms(add, rom_stems, d, canon_bases)
        return
    rsufs = rz.SUFFIXES.get(suf, {}).get("rom", []) if suf else []
    esufs = ["Island"] if kind == "island" else rz.SUFFIXES.get(suf, {}).get("en", []) if suf else []
    for v in rom_stems:
        if bare_ok and len(stem) >= 2:
            add(v, 2)
            for s in en:
                add(f"{v} {s}", 2)
        for rs in rsufs:
            add(f"{v}-{rs}", 2)
            add(f"{v}-{_plain(rs)}", 2)
        if not bare_ok:
            _generic_forms(add, v, kind, suf, esufs)


def _generic_forms(add, v: str, kind: str, suf: str | None, esufs: list[str]) -> None:
    """A romanized stem with its English generic ("Paektu Mountain", "Mt Paektu", "Pidan Island")."""
    for s in esufs:
        if kind == "mountain":
            add(f"Mt {v}", 2)
            add(f"Mount {v}", 2)
            add(f"Mt. {v}", 2)
        add(f"{v} {s}", 2)
    if kind == "island" and suf == "도":
        add(f"{v} Island", 2)
        add(f"{v} Islet", 2)  # KCNA: "Yonphyong Islet"
    if kind == "town" and suf in ("리", "동"):
        add(f"{v} {'Village' if suf == '리' else 'Dong'}", 2)


def _directional_forms(add, stems: list[str], d: str, canon_bases: list[str], quality: int = 2) -> None:
    word, abbrs, roms = _DIRECTIONS[d]
    for v in stems:
        add(f"{word} {v}", quality)
        add(f"{word} {v} Province", quality)
        add(f"{word}ern {v} Province", quality)  # "Northern Hwanghae Province" (Xinhua, NK News)
        for ab in abbrs:
            add(f"{ab} {v}", quality)
            add(f"{ab} {v} Province", quality)
        for r in roms:
            add(f"{v}{r}-do", quality)
            add(f"{v}-{r}to", quality)
            add(f"{v}-{r}do", quality)
