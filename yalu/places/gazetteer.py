"""The gazetteer: places of the Korean peninsula and its borders, looked up by any spelling.

Data lives in the package (yalu/data/places/*.csv, ambiguities.toml); see the
README there for columns, sources and licences. Every entry is expanded at
load time into the spellings reports use, by rule (yalu.places.romanize):
the canonical name, explicit aliases (former names, press names), the Hangul
with and without its administrative suffix (량강도, 량강, 양강도), RR / MR /
DPRK romanizations of the Hangul, and suffix forms ("Sinpa County",
"Hamgyongbuk-do", "North Hamgyeong Province", "Punggye-ri", "Mt Paektu").

Matching ignores case, diacritics, apostrophes, hyphens, dots and spaces
(`romanize.normalize`); a coarser key (`romanize.loose`) is the fallback.

Forms that name more than one place are deliberate (two Unsan counties,
Kosong/Goseong, Kangwon/Gangwon, ...): `lookup` returns every candidate, best
first, and ambiguities.toml records per ambiguity the candidates, the default
and the context cues that decide (`Gazetteer.ambiguity_for`, `Gazetteer.resolve`).
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources

from yalu.model import Place
from yalu.places import romanize as rz
from yalu.places.spellings import generate_forms
from yalu.resources import load as load_data

__all__ = ["Gazetteer", "Ambiguity", "Candidate", "KINDS", "COUNTRY_BBOX"]

KINDS = ("country", "province", "special_city", "county", "city", "district", "town", "facility",
         "river", "sea", "mountain", "border", "island", "region")

# kinds that are first-level units (carry an ISO 3166-2 code of their own)
ADMIN1_KINDS = {"province", "special_city"}
# kinds that can be the second-level unit of an incident (ontology admin2)
ADMIN2_KINDS = {"county", "city", "district"}
# kinds that need an ISO admin1 code (for countries of the region)
NEEDS_ADMIN1 = {"province", "special_city", "county", "city", "district", "town", "facility", "island"}
REGION_COUNTRIES = {"KP", "KR", "CN", "RU", "JP"}


KIND_RANK = {"country": 9, "province": 0, "special_city": 0, "county": 1, "city": 1, "district": 2,
             "town": 3, "island": 3, "facility": 4, "mountain": 4, "river": 5, "sea": 6,
             "border": 6, "region": 7}
COUNTRY_RANK = {"KP": 0, "KR": 1, "CN": 2, "RU": 3, "JP": 4}

# (lat_min, lat_max, lon_min, lon_max), generous by a few km at the edges
COUNTRY_BBOX = {
    "KP": (37.60, 43.05, 124.10, 130.75),
    "KR": (33.05, 38.65, 124.55, 131.90),
    "CN": (18.0, 53.6, 73.4, 135.1),
    "RU": (41.1, 82.0, 19.6, 180.0),
    "JP": (24.0, 45.6, 122.9, 154.0),
    "US": (13.0, 72.0, -180.0, 180.0),  # includes Guam and Hawaii
    "MN": (41.5, 52.2, 87.7, 119.95),
    "TW": (21.8, 25.4, 119.9, 122.1),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "UA": (44.3, 52.4, 22.1, 40.3),
    "NO": (57.9, 71.3, 4.5, 31.2),
    "MM": (9.6, 28.6, 92.1, 101.2),
    "VN": (8.4, 23.4, 102.1, 109.5),
    "TH": (5.6, 20.5, 97.3, 105.7),
    "MY": (0.8, 7.5, 99.6, 119.3),
    "IL": (29.4, 33.4, 34.2, 35.9),
    "CA": (41.6, 83.2, -141.1, -52.6),
    # where North Koreans abroad are reported: defectors' route south, workers, ships
    "LA": (13.9, 22.5, 100.0, 107.7),
    "PA": (7.2, 9.7, -83.1, -77.1),
    "PL": (49.0, 54.9, 14.1, 24.2),
}


@dataclass(frozen=True)
class Candidate:
    id: str
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ambiguity:
    """One deliberate ambiguity: the places a form can mean and what decides."""

    name: str
    candidates: tuple[Candidate, ...]
    default: str | None = None  # a candidate id, "person", or None when context must decide
    forms: tuple[str, ...] = ()
    rules: tuple[str, ...] = ("admin1", "country")
    non_place: dict = field(default_factory=dict)  # e.g. {"kind": "person", "cues": [...]}
    note: str = ""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.candidates)


@dataclass
class _Entry:
    place: Place
    local: str = ""
    source: str = ""
    note: str = ""


FOUND_NAMES = 50_000  # the names whose places a gazetteer keeps found


class Gazetteer:
    """Places by id and by every spelling. Build with `Gazetteer.default()`."""

    _default: Gazetteer | None = None

    def __init__(self, rows: Iterable[dict], ambiguities: dict | None = None):
        self.places: dict[str, Place] = {}
        self.extra: dict[str, _Entry] = {}
        self.problems_on_load: list[str] = []
        for row in rows:
            self._add_row(row)
        self._children: dict[str, list[str]] = {}
        for p in self.places.values():
            if p.parent_id:
                self._children.setdefault(p.parent_id, []).append(p.id)
        self._admin1_by_code: dict[str, Place] = {}
        for p in self.places.values():
            if p.kind in ADMIN1_KINDS and p.admin1_code:
                self._admin1_by_code.setdefault(p.admin1_code, p)
        amb = ambiguities or {}
        self.country_cues: dict[str, list[str]] = dict(amb.get("country_cues", {}))
        self.ambiguities: list[Ambiguity] = [self._parse_ambiguity(a) for a in amb.get("ambiguity", [])]
        # a person's name spelt any way -> the first ambiguity recording it (asked once per place mention)
        self._persons: dict[str, Ambiguity] = {}
        for a in self.ambiguities:
            if a.non_place:
                for form in a.forms:
                    self._persons.setdefault(rz.normalize(form), a)
        self._forms: dict[str, list[tuple[str, int]]] = {}
        self._index: dict[str, dict[str, int]] = {}
        self._loose: dict[str, dict[str, int]] = {}
        self._build_index()
        # a name's places, found once: an article names its places many times, a corpus
        # the same few hundred (the index does not change once built)
        self._found: dict[str, tuple[str, ...]] = {}

    # ------------------------------------------------------------------ loading

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer shipped in the package (loaded once, then cached)."""
        if cls._default is None:
            cls._default = cls.from_package()
        return cls._default

    @classmethod
    def from_package(cls) -> Gazetteer:
        base = resources.files("yalu").joinpath("data", "places")
        rows: list[dict] = []
        amb: dict = {}
        press: dict = {}
        for item in sorted(base.iterdir(), key=lambda t: t.name):
            if item.name.endswith(".csv"):
                rows.extend(_read_csv(item.read_text(encoding="utf-8"), item.name))
            elif item.name == "ambiguities.toml":
                amb = tomllib.loads(item.read_text(encoding="utf-8"))
            elif item.name == SPELLINGS_FILE:
                press = tomllib.loads(item.read_text(encoding="utf-8"))
        return cls(_with_spellings(rows, press), amb)

    @classmethod
    def from_dir(cls, path) -> Gazetteer:
        """Load from a directory laid out like yalu/data/places (for tests and tools)."""
        from pathlib import Path

        path = Path(path)
        rows: list[dict] = []
        for f in sorted(path.glob("*.csv")):
            rows.extend(_read_csv(f.read_text(encoding="utf-8"), f.name))
        amb_path = path / "ambiguities.toml"
        amb = tomllib.loads(amb_path.read_text(encoding="utf-8")) if amb_path.exists() else {}
        press_path = path / SPELLINGS_FILE
        press = tomllib.loads(press_path.read_text(encoding="utf-8")) if press_path.exists() else {}
        return cls(_with_spellings(rows, press), amb)

    def _add_row(self, row: dict) -> None:
        pid = (row.get("id") or "").strip()
        where = f"{row.get('_file', '?')}:{row.get('_line', '?')}"
        if not pid:
            self.problems_on_load.append(f"{where}: row without id")
            return
        if row.get("_orphan"):
            self.problems_on_load.append(f"{where}: spelling for unknown place {pid!r}")
            return
        if pid in self.places:
            self.problems_on_load.append(f"{where}: duplicate id {pid}")
            return

        def num(v):
            v = (v or "").strip()
            if not v:
                return None
            try:
                return float(v)
            except ValueError:
                self.problems_on_load.append(f"{where}: {pid}: bad number {v!r}")
                return None

        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        place = Place(
            id=pid,
            name=(row.get("name") or "").strip(),
            kind=(row.get("kind") or "").strip(),
            country=(row.get("country") or "").strip(),
            admin1_code=(row.get("admin1_code") or "").strip() or None,
            parent_id=(row.get("parent") or "").strip() or None,
            lat=num(row.get("lat")),
            lon=num(row.get("lon")),
            hangul=(row.get("hangul") or "").strip() or None,
            aliases=aliases,
        )
        self.places[pid] = place
        self.extra[pid] = _Entry(place, (row.get("local") or "").strip(), (row.get("source") or "").strip(),
                                 (row.get("note") or "").strip())

    def _parse_ambiguity(self, a: dict) -> Ambiguity:
        cands = tuple(Candidate(c["id"], tuple(c.get("cues", []))) for c in a.get("candidates", []))
        return Ambiguity(
            name=a.get("name", ""),
            candidates=cands,
            default=a.get("default"),
            forms=tuple(a.get("forms", [])),
            rules=tuple(a.get("rules", ["admin1", "country"])),
            non_place=dict(a.get("non_place", {})),
            note=a.get("note", ""),
        )

    # ------------------------------------------------------------------ forms

    def _build_index(self) -> None:
        for p in self.places.values():
            forms = self._generate_forms(p)
            self._forms[p.id] = forms
            for surface, q in forms:
                key = rz.normalize(surface)
                if not key:
                    continue
                slot = self._index.setdefault(key, {})
                if q < slot.get(p.id, 99):
                    slot[p.id] = q
                lslot = self._loose.setdefault(rz.loose(key), {})
                if q < lslot.get(p.id, 99):
                    lslot[p.id] = q
        self._default_rank: dict[str, int] = {}
        for amb in self.ambiguities:
            for i, c in enumerate(amb.candidates):
                rank = 0 if c.id == amb.default else i + 1
                self._default_rank[c.id] = min(self._default_rank.get(c.id, 99), rank)

    def _generate_forms(self, p: Place) -> list[tuple[str, int]]:
        return generate_forms(p)

    # ------------------------------------------------------------------ interface

    def get(self, place_id: str) -> Place:
        """The entry with this id (KeyError if none)."""
        return self.places[place_id]

    def lookup(self, name: str) -> list[Place]:
        """Places a name can mean, best first; [] if none.

        Any spelling: canonical, alias, former name, Hangul (with or without
        suffix, North or South spelling), MR with or without breves, RR, DPRK,
        suffix forms. Case, whitespace, hyphens and apostrophes do not matter.
        """
        hits = self._hits(name)
        return [self.places[pid] for pid in hits]

    def _hits(self, name: str) -> list[str]:
        found = self._found.get(name)
        if found is None:
            if len(self._found) >= FOUND_NAMES:
                self._found.clear()  # memory stays bounded over an archive of any size
            found = self._found[name] = tuple(self._look_up(name))
        return list(found)

    def _look_up(self, name: str) -> list[str]:
        if not name or not name.strip():
            return []
        cleaned = name.strip().strip(".,;:()[]\"“”")
        cleaned = re.sub(r"(?i)^the\s+", "", cleaned)
        cleaned = re.sub(r"['’]s$", "", cleaned)
        key = rz.normalize(cleaned)
        if not key:
            return []
        slot = self._index.get(key)
        penalty = 0
        if not slot:
            slot = self._loose.get(rz.loose(key))
            penalty = 10
        if not slot:
            # a generic of the wrong kind ("the then Kusong County" for Kusong City):
            # drop it and accept any administrative unit of that name
            m = _GENERIC_TAIL.search(cleaned)
            if m:
                bare = rz.normalize(cleaned[: m.start()])
                cand = self._index.get(bare) or {}
                slot = {pid: q for pid, q in cand.items() if self.places[pid].kind in _SWAPPABLE}
                penalty = 20
        if not slot:
            return []
        first = None
        if len(slot) > 1:
            amb = self._cover(set(slot))
            if amb is not None and amb.default in slot and "spelling" not in amb.rules:
                first = amb.default  # the recorded default beats spelling quality
        return sorted(slot, key=lambda pid: (pid != first,) + self._sort_key(pid, slot[pid] + penalty))

    def _cover(self, ids: set[str]) -> Ambiguity | None:
        best = None
        for amb in self.ambiguities:
            if ids <= set(amb.ids) and (best is None or len(amb.ids) < len(best.ids)):
                best = amb
        return best

    def _sort_key(self, pid: str, quality: int):
        p = self.places[pid]
        return (quality, self._default_rank.get(pid, 50), KIND_RANK.get(p.kind, 8),
                COUNTRY_RANK.get(p.country, 5), p.name, pid)

    def parent(self, place: Place) -> Place | None:
        return self.places.get(place.parent_id) if place.parent_id else None

    def ancestors(self, place: Place) -> list[Place]:
        """Parent, grandparent, ... (nearest first)."""
        out, seen = [], {place.id}
        cur = self.parent(place)
        while cur is not None and cur.id not in seen:
            out.append(cur)
            seen.add(cur.id)
            cur = self.parent(cur)
        return out

    def children(self, place: Place) -> list[Place]:
        return [self.places[c] for c in self._children.get(place.id, [])]

    def admin1_of(self, place: Place) -> Place | None:
        """The province / special-city entry containing `place` (itself if it is one)."""
        if place.kind in ADMIN1_KINDS:
            return place
        for a in self.ancestors(place):
            if a.kind in ADMIN1_KINDS:
                return a
        if place.admin1_code:
            return self._admin1_by_code.get(place.admin1_code)
        return None

    def admin2_of(self, place: Place) -> Place | None:
        """The county / city / district entry directly under a first-level unit that contains `place`.

        A county is its own admin2; a district of Chongjin has Chongjin; a
        district of Pyongyang is its own admin2 (Pyongyang's guyok are
        county-level); Sohae's admin2 is Cholsan. None for first-level units,
        rivers, seas, border features and places directly under a province.
        """
        if place.kind in ADMIN1_KINDS:
            return None
        chain = [place] + self.ancestors(place)
        for i, p in enumerate(chain):
            if p.kind in ADMIN2_KINDS:
                nxt = chain[i + 1] if i + 1 < len(chain) else None
                if nxt is None or nxt.kind in ADMIN1_KINDS:
                    return p
        return None

    def admin1_name(self, code: str) -> str | None:
        """'KP-10' -> 'Ryanggang'."""
        p = self._admin1_by_code.get((code or "").strip().upper())
        return p.name if p else None

    def admin1_by_code(self, code: str) -> Place | None:
        return self._admin1_by_code.get((code or "").strip().upper())

    def forms(self, place_id: str) -> list[str]:
        """Every spelling generated for one place (canonical first)."""
        return [s for s, _ in self._forms.get(place_id, [])]

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """(surface text, place_id) for every spelling, as it appears in prose.

        Includes canonical names, aliases, Hangul, romanizations and suffix
        forms ("Sinpa County", "North Phyongan Province", "Yalu River"). A
        surface that names several places is yielded once per place.
        """
        for pid, forms in self._forms.items():
            for s, _q in forms:
                yield s, pid

    # ------------------------------------------------------------------ ambiguity

    def ambiguity_for(self, name_or_places) -> Ambiguity | None:
        """The recorded ambiguity covering a name (or a list of candidate places), if any."""
        if isinstance(name_or_places, str):
            ids = set(self._hits(name_or_places))
        else:
            ids = {p.id if isinstance(p, Place) else p for p in name_or_places}
        if len(ids) < 2 and not (isinstance(name_or_places, str) and self._person_ambiguity(name_or_places)):
            return None
        best = self._cover(ids) if ids else None
        if best is None and isinstance(name_or_places, str):
            return self._person_ambiguity(name_or_places)
        return best

    def _person_ambiguity(self, name: str) -> Ambiguity | None:
        return self._persons.get(rz.normalize(name))

    def resolve(self, name: str, context: str = "") -> list[Place]:
        """`lookup`, re-ranked by the context cues of ambiguities.toml.

        A candidate gains when the surrounding text names its own first-level
        unit or parent, one of its recorded cues, or its country. Use it on a
        window around the mention (the sentence and its neighbours).
        """
        ids = self._hits(name)
        if len(ids) < 2 or not context:
            return [self.places[i] for i in ids]
        amb = self.ambiguity_for([self.places[i] for i in ids])
        cues = {c.id: c.cues for c in amb.candidates} if amb else {}
        ctx = " " + " ".join(context.split()) + " "
        scores = {}
        for pid in ids:
            p = self.places[pid]
            score = 0
            for cue in cues.get(pid, ()):
                if _contains(ctx, cue):
                    score += 2
            for anc in self.ancestors(p):
                if anc.kind in ("country",):
                    continue
                # the mention itself is no cue: "Yongbyon" names the county, so it says
                # nothing for the site inside the county ("Yongbyon County" neither)
                if any(_contains(ctx, f) for f in self._context_names(anc) if name.lower() not in f.lower()):
                    score += 3
                    break
            for cue in self.country_cues.get(p.country, ()):
                if _contains(ctx, cue):
                    score += 1
                    break
            scores[pid] = score
        return [self.places[i] for i in sorted(ids, key=lambda i: (-scores[i], ids.index(i)))]

    def _context_names(self, p: Place) -> list[str]:
        cache = self.__dict__.setdefault("_ctx_names", {})
        if p.id not in cache:
            names = {p.name}
            for s, q in self._forms.get(p.id, []):
                if q <= 1 and len(s) > 3:
                    names.add(s)
            for s, q in self._forms.get(p.id, []):
                if q == 2 and len(s) > 3 and not rz.is_hangul(s) and "'" not in s:
                    names.add(s)
            cache[p.id] = sorted(names, key=len, reverse=True)
        return cache[p.id]

    # ------------------------------------------------------------------ validation

    def check(self) -> list[str]:
        """Problems in the data; [] when clean.

        Checks ids, parents (exist, no cycles, same admin1), kinds, ISO admin1
        codes (present where needed, well-formed, matching the country, naming
        an admin1 entry), coordinates (present, inside the country's bounding
        box), Hangul for Korean places, and that every form naming two or
        more places is covered by an ambiguity in ambiguities.toml.
        """
        problems = list(self.problems_on_load)
        for p in self.places.values():
            tag = f"{p.id} ({p.name})"
            problems += [f"{tag}: {problem}" for problem in self._place_problems(p)]
        return problems + self._ambiguity_problems() + self._shared_form_problems()

    def _place_problems(self, p: Place) -> list[str]:
        problems = []
        if not p.name:
            problems.append("no name")
        if p.kind not in KINDS:
            problems.append(f"unknown kind {p.kind!r}")
        if p.country and p.country not in COUNTRY_BBOX:
            problems.append(f"unknown country {p.country!r}")
        if not p.country and p.kind not in ("sea", "border", "river", "region", "mountain"):
            problems.append("no country")
        problems += self._hierarchy_problems(p) + self._admin1_problems(p)
        if p.lat is None or p.lon is None:
            problems.append("no coordinates")
        elif p.country in COUNTRY_BBOX:
            la0, la1, lo0, lo1 = COUNTRY_BBOX[p.country]
            if not (la0 <= p.lat <= la1 and lo0 <= p.lon <= lo1):
                problems.append(f"coordinates {p.lat},{p.lon} outside {p.country}")
        if p.country in ("KP", "KR") and not p.hangul:
            problems.append("no Hangul")
        if p.hangul and not all(rz._is_syllable(c) or c in " ·" or c.isdigit() for c in p.hangul):
            problems.append(f"Hangul field has non-Hangul characters: {p.hangul!r}")
        return problems

    def _hierarchy_problems(self, p: Place) -> list[str]:
        """Parents that exist, without cycles, in the same province and country."""
        problems = []
        if p.parent_id and p.parent_id not in self.places:
            problems.append(f"parent {p.parent_id} does not exist")
        if p.parent_id:
            seen, cur = {p.id}, self.places.get(p.parent_id)
            while cur is not None:
                if cur.id in seen:
                    problems.append("parent cycle")
                    break
                seen.add(cur.id)
                cur = self.places.get(cur.parent_id) if cur.parent_id else None
        parent = self.parent(p)
        if parent and parent.admin1_code and p.admin1_code and parent.admin1_code != p.admin1_code:
            problems.append(f"admin1 {p.admin1_code} differs from parent's {parent.admin1_code}")
        if parent and parent.country and p.country and parent.country != p.country:
            problems.append(f"country {p.country} differs from parent's {parent.country}")
        return problems

    def _admin1_problems(self, p: Place) -> list[str]:
        """ISO 3166-2 codes: present where needed, well-formed, of the country, naming a province."""
        if p.admin1_code:
            if not re.match(r"^[A-Z]{2}-[A-Z0-9]{1,3}$", p.admin1_code):
                return [f"malformed ISO 3166-2 code {p.admin1_code!r}"]
            if p.country and not p.admin1_code.startswith(p.country + "-"):
                return [f"admin1 {p.admin1_code} not in country {p.country}"]
            if p.country in REGION_COUNTRIES and p.admin1_code not in self._admin1_by_code:
                return [f"admin1 {p.admin1_code} has no province/special-city entry"]
        elif p.country in REGION_COUNTRIES and p.kind in NEEDS_ADMIN1:
            return ["missing ISO admin1 code"]
        return []

    def _ambiguity_problems(self) -> list[str]:
        problems = []
        for amb in self.ambiguities:
            for c in amb.candidates:
                if c.id not in self.places:
                    problems.append(f"ambiguity {amb.name!r}: unknown candidate {c.id}")
            if amb.default and amb.default not in amb.ids and amb.default != amb.non_place.get("kind"):
                problems.append(f"ambiguity {amb.name!r}: default {amb.default} is not a candidate")
        return problems

    def _shared_form_problems(self) -> list[str]:
        """Forms naming several places that no ambiguity rule covers."""
        problems = []
        groups = [set(a.ids) for a in self.ambiguities]
        for key, slot in sorted(self._index.items()):
            if len(slot) < 2:
                continue
            ids = set(slot)
            if not any(ids <= g for g in groups):
                example = next(s for s, _ in self._forms[next(iter(ids))] if rz.normalize(s) == key)
                problems.append(f"form {example!r} names {len(ids)} places with no ambiguity rule: "
                                + ", ".join(sorted(ids)))
        return problems

    def ambiguous_forms(self) -> dict[str, list[str]]:
        """key -> place ids for every matching key naming two or more places."""
        return {k: sorted(v) for k, v in self._index.items() if len(v) > 1}


# ---------------------------------------------------------------------- helpers

# a generic a lookup may drop when it is of the wrong kind (data/places/generics.toml)
_GENERIC_TAIL = re.compile(
    r"(?i)[\s-]+(" + "|".join(map(re.escape, load_data("places/generics.toml")["swappable_tail"])) + ")$"
)
_SWAPPABLE = {"county", "city", "district", "special_city"}


# press spellings of places whose rows are generated (kp_admin.csv is built by
# tools/build_places.py): the spellings reports use, each with the outlet it comes from
SPELLINGS_FILE = "spellings.toml"


def _with_spellings(rows: list[dict], press: dict) -> list[dict]:
    """The rows with the aliases of spellings.toml added; an entry naming no row
    becomes a row-less problem that `check` reports."""
    by_id = {row["id"].strip(): row for row in rows}
    for n, entry in enumerate(press.get("spelling", []), start=1):
        row = by_id.get(entry.get("id", ""))
        if row is None:
            rows.append({"id": entry.get("id", ""), "_file": SPELLINGS_FILE, "_line": n, "_orphan": True})
            continue
        forms = [f for f in entry.get("forms", []) if f]
        row["aliases"] = "|".join([a for a in (row.get("aliases") or "").split("|") if a] + forms)
    return rows


def _read_csv(text: str, filename: str) -> list[dict]:
    rows = []
    reader = csv.DictReader(io.StringIO(text))
    for i, row in enumerate(reader, start=2):
        if not row.get("id") or row["id"].startswith("#"):
            continue
        row["_file"] = filename
        row["_line"] = i
        rows.append(row)
    return rows


_CUE_CACHE: dict[str, re.Pattern] = {}


def _contains(ctx: str, phrase: str) -> bool:
    pat = _CUE_CACHE.get(phrase)
    if pat is None:
        if phrase.isascii() and ctx.isascii() and phrase.lower() not in ctx.lower():
            return False  # compiled once a context holds it: most cues are never read
        # a Hangul cue takes its particles ("동부전선에서", "속초항의"): whole at its start only
        end = "" if rz.is_hangul(phrase[-1:]) else r"(?![\w])"
        pat = re.compile(r"(?<![\w])" + re.escape(phrase) + end, re.IGNORECASE)
        _CUE_CACHE[phrase] = pat
    return bool(pat.search(ctx))
