"""Mentions of one incident clustered into one record's worth: the same type (or a
related one: the arrest for an offence, a wound of a firefight, the firing of a
drill) and nothing that tells them apart. Not to be confused with merging records
across outlets (yalu.merge) or a reviewer's merge (yalu.review)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Location, TimeSpan
from ..ontology import event_types, has
from .mentions import Mention


def _related(a: Mention, b: Mention) -> bool:
    """Mentions of different types that can still be one incident: an arrest told
    apart from the offence it was for ("detained five residents for calling the
    South"; "agents caught the five"), a wound of a firefight, the firing of a drill."""
    return _charge_of(a, b) or _charge_of(b, a) or _part_of(a, b) or _part_of(b, a)


def _agree(a: Mention, b: Mention, strict_places: bool = False) -> bool:
    """Nothing tells the two apart: no two different places stated, no disjoint times,
    not the news and a look back."""
    if a.background != b.background:
        return False
    la, lb = a.location, b.location
    if la and lb and (strict_places or not (a.place_inherited or b.place_inherited)):
        if la.admin2 and lb.admin2 and la.admin2 != lb.admin2:
            return False
        if la.admin1_code and lb.admin1_code and la.admin1_code != lb.admin1_code:
            return False
        if la.country and lb.country and la.country != lb.country:
            return False
    ta, tb = a.time, b.time
    if ta and tb and ta.start and tb.start and ta.end and tb.end:
        if ta.end < tb.start or tb.end < ta.start:
            return False
    return True


def _charge_of(arrest: Mention, offence: Mention) -> bool:
    return has(arrest.event_type, "charge") and offence.charged and arrest.paragraph - offence.paragraph <= 4


def part_of_relations(event_type: str) -> list[dict]:
    """ontology.toml's part_of of a type: one relation or a list of them."""
    relation = event_types()[event_type].get("part_of")
    if not relation:
        return []
    return relation if isinstance(relation, list) else [relation]


def _part_of(part: Mention, whole: Mention) -> bool:
    """ontology.toml's part_of: the shells fired in a drill told a sentence or a paragraph
    apart; "one border guard was shot in the leg" after a firefight, a wound of that fight;
    "about 200 people were killed" after a flood, the flood's toll."""
    return any(_part_of_by(relation, part, whole) for relation in part_of_relations(part.event_type))


def _part_of_by(relation: dict, part: Mention, whole: Mention) -> bool:
    if relation["type"] != whole.event_type:
        return False
    if "lemmas" in relation and part.trigger.lemma_.lower() not in relation["lemmas"]:
        return False
    if relation.get("no_agent") and any(a.role == "agent" for a in part.actors):
        return False  # a toll has no doer: "soldiers killed two smugglers" is an attack
    gap = part.paragraph - whole.paragraph
    near = 0 <= gap <= relation["paragraphs"] if relation.get("after") else abs(gap) <= relation["paragraphs"]
    # undated: no date of its own (a window lent by the article is not one)
    return near and (part.time is None or part.time_inherited or not relation.get("undated"))


@dataclass
class Cluster:
    mentions: list[Mention]

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def event_type(self) -> str:
        """The type of the first mention that is neither a folded-in arrest or wound nor
        a part of another mention's act (the rounds fired in a clash, a nuclear test's quake)."""
        wholes = [m for m in self.mentions if not any(_part_of(m, o) for o in self.mentions if o.event_type != m.event_type)]
        return next((m.event_type for m in wholes or self.mentions if not has(m.event_type, "folds_in")), self.first.event_type)

    def best_location(self) -> Location | None:
        located = [(m.location, m.place_inherited) for m in self.mentions if m.location]
        if not located:
            return None
        # a county carried over from the paragraph beats a river named in passing
        return min(located, key=lambda pair: (pair[0].geo_precision or 9, not pair[0].admin1_code, pair[1]))[0]

    def best_time(self) -> TimeSpan | None:
        dated = [(m.time, m.time_inherited) for m in self.mentions if m.time and m.time.precision]
        if not dated:
            return None
        return min(dated, key=lambda pair: (pair[1], pair[0].precision))[0]


def _fits(m: Mention, c: Cluster) -> bool:
    """Same type as the incident or related to one of its mentions, and in agreement
    with all of them (places compared strictly when types differ)."""
    same = m.event_type in {o.event_type for o in c.mentions}
    related = [o for o in c.mentions if o.event_type != m.event_type and _related(m, o)]
    if not same and not related:
        return False
    return all(_agree(m, o, strict_places=o.event_type != m.event_type) for o in c.mentions)


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    """One record per incident: same type (or related) and nothing that tells them apart."""
    clusters: list[Cluster] = []
    for m in mentions:
        for c in clusters:
            if _fits(m, c):
                c.mentions.append(m)
                break
        else:
            clusters.append(Cluster([m]))
    return clusters
