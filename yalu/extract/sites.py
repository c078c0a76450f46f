"""ACLED's events are atomic places as they are atomic days: an act of a `by_place` type
(data/ontology.toml) that its own clause places in several coordinated places of one
kind ("provided field guidance to units in Songgan and Jonchon counties", "executed in
South Pyongan and North Hwanghae provinces") is one record a place; an act of a
`by_province` kind of another type (an epidemic: "has been spreading in South Hamgyong
and South Pyongan provinces") is one record a province, the first place named in each.

A route or a span is one act ("between Sinuiju and Dandong", "from Hyesan to Pyongyang"),
and so are places of different kinds ("in Hyesan, Ryanggang Province"): a province after
its town is the town's address, not a second place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from ..annotate import text_of
from ..annotate.index import starting_in
from ..model import Incident, Location
from ..ontology import by_place as ontology_by_place
from ..places.geoparse import SPECIFICITY, Geoparser, PlaceMention
from ..places.syntax import DESTINATION_PREPS, clause_of, preposition, same_clause
from .clustering import Cluster
from .records import summary

# what may stand between two places of one list: "Hyesan, Musan and Hoeryong"
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# what stands between a town and its address: "Wonsan in Kangwon Province", "Hyesan,
# Ryanggang", "Uiju and Sakju counties in North Pyongan Province"
ADDRESS_GAP = re.compile(r"\s*(?:(?:count(?:y|ies)|cit(?:y|ies)|districts?)\s+)?(?:,\s*|in\s+)")
# what a list of places hangs from when it is one route or span, not several sites
SPANNING = frozenset(DESTINATION_PREPS | {"between", "from", "through", "via", "across", "along"})


def by_place(c: Cluster, incident: Incident, places: list[PlaceMention], geoparser: Geoparser) -> list[Incident]:
    """The incident, and one copy of it for each other place coordinated with its own
    place in the clause that placed it (`record.by_place`); counts stay on the first."""
    loc = incident.location
    # record.by_province: an act of a kind counted a province (an epidemic), not a place
    placed, provinces = ontology_by_place(incident.event_type, {m.kind for m in c.mentions})
    if loc is None or loc.place_id is None or not (placed or provinces):
        return [incident]
    # the first clause that names the place in a list ("a flood hit Hyesan" told before
    # "deaths in Hyesan and Musan")
    listed = next((others for named, here in _named(c, loc.place_id, places) if (others := _coordinated(named, here, geoparser))), [])
    sites = [geoparser.location(p.place, text=p.text) for p in listed]
    if provinces:
        first: dict[str | None, Location] = {loc.admin1_code: loc}
        for site in sites:
            first.setdefault(site.admin1_code, site)
        sites = [site for code, site in first.items() if code and site is not loc]
    records = [incident]
    for site in sites:
        records.append(replace(incident, location=site, quantities=[]))
        records[-1].summary = summary(records[-1])
    return records


def _coordinated(named: PlaceMention, here: list[PlaceMention], geoparser: Geoparser) -> list[PlaceMention]:
    """The other places of `here` (one sentence's, in order) listed with `named` at its
    level: its conjuncts in the parse, or its neighbours with only a comma or "and" between
    ("in South Pyongan and North Hwanghae provinces", which the parser often reads as
    one name), each perhaps with its address ("Wonsan in Kangwon Province, Chongjin in North
    Hamgyong Province and Sariwon")."""
    text = text_of(named.root.doc)
    ends = {id(p): p.end for p in here}
    for town, address in zip(here, here[1:]):
        if ADDRESS_GAP.fullmatch(text[town.end:address.start]) and address.place in geoparser.gazetteer.ancestors(town.place):
            ends[id(town)] = address.end
            ends[id(address)] = -1  # read as the town's, not as a place of the list
    here = [p for p in here if ends[id(p)] >= 0]
    if named not in here:
        return []  # "the Sunam market in Chongjin": the act's place is only its town's address
    level = SPECIFICITY.get(named.place.kind)
    same = [p for p in here if SPECIFICITY.get(p.place.kind) == level]
    # "Samjiyon and Pochon County" parses as one name with a conjunct inside it
    conjuncts = {c.i for t in _tokens(named) for c in t.conjuncts}
    listed = {id(p) for p in same if conjuncts & {t.i for t in _tokens(p)}}
    k = here.index(named)
    for step in (-1, 1):
        j = k
        while 0 <= j + step < len(here):
            a, b = sorted((here[j], here[j + step]), key=lambda p: p.start)
            if here[j + step] not in same or not LIST_GAP.fullmatch(text[ends[id(a)]:b.start]):
                break
            j += step
            listed.add(id(here[j]))
    out, seen = [], {named.place.id}
    for p in same:
        if id(p) in listed and p.place.id not in seen:
            seen.add(p.place.id)
            out.append(p)
    return out


def _tokens(p: PlaceMention) -> list[Token]:
    doc = p.root.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return list(span) if span is not None else [p.root]


def _named(c: Cluster, place_id: str, places: list[PlaceMention]) -> Iterator[tuple[PlaceMention, list[PlaceMention]]]:
    """Where the mentions' own clauses name the incident's place (not on a route), each with
    the other places of its sentence; none when every mention borrowed it."""
    for m in c.mentions:
        if m.place_inherited or m.location is None or m.location.place_id != place_id or not isinstance(m.trigger, Token):
            continue  # a borrowed place, another place, or a Korean anchor without a parse
        here = [p for p in starting_in(places, m.sent.start_char, m.sent.end_char) if not p.excluded]
        for p in here:
            if p.place.id == place_id and (same_clause(p.root, m.trigger) or _included(p.root, m.trigger)) and preposition(p.root) not in SPANNING:
                yield p, here
                break


def _included(place: Token, trigger: Token) -> bool:
    """The place is listed by a relative clause of "include" on a noun of the trigger's
    clause: "killed in each city, which included Wonsan, Chongjin and Sariwon" (record.by_place)."""
    head = clause_of(place)
    return head.lemma_ == "include" and head.dep_ in ("relcl", "acl") and same_clause(head.head, trigger)
