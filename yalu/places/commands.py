"""`yalu places`: look a place name up in the gazetteer, or validate the gazetteer."""

from __future__ import annotations

import json
import sys

import click

from yalu.places.gazetteer import Gazetteer


def _record(gaz: Gazetteer, p, with_forms: bool = False) -> dict:
    parent = gaz.parent(p)
    a1 = gaz.admin1_of(p)
    a2 = gaz.admin2_of(p)
    extra = gaz.extra.get(p.id)
    rec = {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "hangul": p.hangul,
        "local": extra.local if extra and extra.local else None,
        "country": p.country or None,
        "parent_id": p.parent_id,
        "parent": parent.name if parent else None,
        "admin1_code": p.admin1_code,
        "admin1": gaz.admin1_name(p.admin1_code) if p.admin1_code else (a1.name if a1 else None),
        "admin2": a2.name if a2 else None,
        "lat": p.lat,
        "lon": p.lon,
        "aliases": list(p.aliases),
        "note": extra.note if extra and extra.note else None,
    }
    if with_forms:
        rec["forms"] = gaz.forms(p.id)
    return rec


@click.command("places")
@click.argument("name", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print matches as JSON (a list of objects).")
@click.option("--check", is_flag=True, help="Validate the gazetteer; print problems and exit 1 if there are any.")
@click.option("--forms", "show_forms", is_flag=True, help="Also list every spelling generated for each match.")
@click.option("--context", default="", metavar="TEXT",
              help="Text around the mention; ambiguous names are re-ranked by its cues (province named, 'North Korea's', ...).")
def places(name: tuple[str, ...], as_json: bool, check: bool, show_forms: bool, context: str) -> None:
    """Look up NAME in the gazetteer, in any spelling.

    NAME may be the project spelling (Kim Jong Suk), a former name (Sinpa), a
    South Korean or DPRK romanization (Yanggang, Phyongan), McCune-Reischauer
    with or without breves (P'yŏngan-pukto), Hangul (량강도, 양강도), or a suffix
    form (Sinpa County, Hamgyongbuk-do, North Hamgyeong Province). Matches are
    printed best first with kind, Hangul, parent, ISO admin1 code and name,
    and coordinates; an ambiguous name lists every candidate and the context
    cues that decide between them.

    \b
    Examples:
      yalu places Yanggang-do
      yalu places "Sinpa County" --json
      yalu places Kosong --context "South Korea's Gangwon Province"
      yalu places --check
    """
    gaz = Gazetteer.default()
    if check:
        problems = gaz.check()
        if problems:
            for line in problems:
                click.echo(line)
            click.echo(f"{len(problems)} problem(s) in {len(gaz.places)} places", err=True)
            sys.exit(1)
        click.echo(f"gazetteer OK: {len(gaz.places)} places, {len(gaz.ambiguities)} recorded ambiguities")
        return
    queries = _names(gaz, name)
    if not queries:
        raise click.UsageError("give a NAME to look up, or --check")
    found = [(query, _matches(gaz, query, context)) for query in queries]
    if as_json:
        out = [dict(_record(gaz, p, show_forms), query=query) if len(found) > 1 else _record(gaz, p, show_forms)
               for query, matches in found for p in matches]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for query, matches in found:
            if len(found) > 1:
                click.echo(f"== {query}")
            _show(gaz, query, matches, show_forms)
    if not all(matches for _, matches in found):
        sys.exit(1)


def _names(gaz: Gazetteer, words: tuple[str, ...]) -> list[str]:
    """The names asked for: the words as one name where they are one ("Kim Jong Suk",
    "Sinpa County"), else each word (or quoted argument) a name of its own ("Hyesan Musan")."""
    joined = " ".join(words).strip()
    if not joined:
        return []
    if len(words) == 1 or gaz.lookup(joined) or "," in joined:
        return [joined]
    return [w.strip() for w in words if w.strip()]


def _matches(gaz: Gazetteer, query: str, context: str) -> list:
    """A name's places, best first. "Hyesan City, Ryanggang Province": the part after the
    comma names where, so the places inside it are kept (or all, when none is)."""
    name, _, within = query.partition(",")
    matches = gaz.resolve(name.strip(), " ".join(filter(None, [context, within]))) if context or within else gaz.lookup(name)
    if within.strip():
        areas = {a.id for a in gaz.lookup(within.strip())}
        inside = [p for p in matches if areas & set(_ancestors(gaz, p))]
        matches = inside or matches
    return matches


def _ancestors(gaz: Gazetteer, place) -> list[str]:
    ids = []
    parent = gaz.parent(place)
    while parent is not None and parent.id not in ids:
        ids.append(parent.id)
        parent = gaz.parent(parent)
    return ids


def _show(gaz: Gazetteer, query: str, matches: list, show_forms: bool) -> None:
    if not matches:
        click.echo(f"no place named {query!r}")
        return
    amb = gaz.ambiguity_for(query.partition(",")[0].strip())
    for i, p in enumerate(matches, 1):
        r = _record(gaz, p, show_forms)
        coords = f"{r['lat']:.4f}, {r['lon']:.4f}" if r["lat"] is not None else "-"
        head = f"{i}. {r['name']} ({r['kind']})"
        if r["hangul"]:
            head += f"  {r['hangul']}"
        if r["local"]:
            head += f"  {r['local']}"
        click.echo(head)
        click.echo(f"   id:      {r['id']}")
        click.echo(f"   parent:  {r['parent'] or '-'}")
        a1 = f"{r['admin1_code']} {r['admin1'] or ''}".strip() if r["admin1_code"] else "-"
        click.echo(f"   admin1:  {a1}")
        if r["admin2"]:
            click.echo(f"   admin2:  {r['admin2']}")
        click.echo(f"   country: {r['country'] or '-'}   lat/lon: {coords}")
        if r["aliases"]:
            click.echo(f"   aliases: {', '.join(r['aliases'])}")
        if r["note"]:
            click.echo(f"   note:    {r['note']}")
        if show_forms:
            click.echo(f"   forms:   {' | '.join(r['forms'])}")
    if amb is not None:
        click.echo("")
        click.echo(f"ambiguous ({amb.name}): {amb.note}".rstrip(": "))
        for c in amb.candidates:
            mark = " (default)" if c.id == amb.default else ""
            cues = ", ".join(c.cues) if c.cues else "-"
            click.echo(f"   {c.id}{mark}: cues {cues}")
        if amb.non_place:
            click.echo(f"   not a place ({amb.non_place.get('kind')}): cues {', '.join(amb.non_place.get('cues', []))}")
