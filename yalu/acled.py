"""A Yalu record as a row of ACLED's standard export, with the codebook's semantics.

The codebook's lists and every mapping (Yalu type -> event_type / sub_event_type, Yalu
actor -> ACLED-style actor and inter code, outlet -> source scale) are data in
yalu/data/acled.toml; this module only applies them.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from functools import cache

from . import resources
from .ontology import event_types

COUNTRIES = {
    "KP": (408, "North Korea"),
    "KR": (410, "South Korea"),
    "CN": (156, "China"),
    "RU": (643, "Russia"),
    "JP": (392, "Japan"),
    "US": (840, "United States"),
}
# inter codes of the codebook (acled.toml lists them all)
STATE_FORCES, CIVILIANS, OTHER_FORCES = 1, 7, 8


@cache
def codebook() -> dict:
    return resources.load("acled.toml")["codebook"]


@cache
def _data() -> dict:
    data = resources.load("acled.toml")
    missing = set(event_types()) - set(data["types"])
    if missing:
        raise resources.DataFileError(f"acled.toml: no ACLED event type for {', '.join(sorted(missing))}")
    return data


def columns() -> list[str]:
    return list(codebook()["columns"])


def type_mapping(event_type: str) -> tuple[str, str, str]:
    """A Yalu type's ACLED (disorder_type, event_type, sub_event_type)."""
    entry = _data()["types"][event_type]
    acled_type = codebook()["event_types"][entry["event_type"]]
    disorder = acled_type.get("disorder_of", {}).get(entry["sub_event_type"], acled_type["disorder_type"])
    return disorder, entry["event_type"], entry["sub_event_type"]


@cache
def _actors() -> dict[str, dict]:
    return {name: entry for entry in _data()["actor"] for name in entry["yalu"]}


def force_country(name: str | None) -> str | None:
    """The country whose force a Yalu actor (its normalized name) is, if acled.toml knows it."""
    known = _actors().get(name or "")
    return known["country"] if known else None


def _government(country: str, day: str | None) -> str:
    """The bracketed period of a country's forces on a day ("2011-"), the latest without one."""
    periods = next(g["periods"] for g in _data()["government"] if g["country"] == country)
    label = periods[-1][1]
    if day:
        label = next((p[1] for p in reversed(periods) if p[0] <= day), periods[0][1])
    return label


def acled_actor(actor: dict, country: str, day: str | None) -> tuple[str, int]:
    """An actor's ACLED-style name and inter code. A state's forces acting outside their
    own country are External forces (8), as the codebook has it."""
    name = actor.get("normalized") or actor.get("text") or ""
    known = _actors().get(name)
    if known:
        home = known["country"]
        force = f"{known['force']} of {COUNTRIES[home][1]} ({_government(home, day)})"
        return force, STATE_FORCES if not country or home == country else OTHER_FORCES
    if actor.get("kind") == "civilian":
        return f"Civilians ({COUNTRIES.get(country, (0, 'International'))[1]})", CIVILIANS
    return name, OTHER_FORCES


def _side(record: dict, roles: tuple[str, ...], day: str | None) -> tuple[list[str], int]:
    """The ACLED names of one side's actors, first the main one, and its inter code (0: none)."""
    names: list[str] = []
    inter = 0
    for actor in record.get("actors") or []:
        if actor.get("role") not in roles:
            continue
        name, code = acled_actor(actor, record.get("country") or "", day)
        if name and name not in names:
            names.append(name)
            inter = inter or code
    return names, inter


def _no_agent(record: dict, disorder: str, day: str | None, targets: list[str], inter2: int) -> tuple[list[str], int, list[str], int]:
    """ACLED always names actor1. When the report names no doer: an act of the state is its
    military's; political violence is an "Unidentified Armed Group" (inter 3), as ACLED
    codes it; otherwise the side it concerns moves up, and with no side at all the actor is
    an unidentified one (8, Other)."""
    country = record.get("country") or ""
    where = COUNTRIES.get(country, (0, "International"))[1]
    if event_types()[record["event_type"]].get("of_the_state") and any(g["country"] == country for g in _data()["government"]):
        return [f"Military Forces of {where} ({_government(country, day)})"], STATE_FORCES, targets, inter2
    if disorder == "Political violence":
        return [f"Unidentified Armed Group ({where})"], 3, targets, inter2
    if targets:
        return targets, inter2, [], 0
    return [f"Unidentified Actor ({where})"], OTHER_FORCES, [], 0


def reference_date(record: dict) -> str | None:
    """ACLED's reference date for an interval: a week-like period (precision 2) and a month
    (3) are dated at their middle, or at the month's first or last day when only its
    beginning or end is meant ("early November", "late November"); a day is itself.
    Longer or open periods keep their start, and so does an act going on since a date,
    coded as precisely as its start but wider than that (date.since_start)."""
    start, end = record.get("date_start"), record.get("date_end")
    if not (start and end) or record.get("time_precision") not in (2, 3):
        return start or end
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    if (b - a).days + 1 > (8 if record["time_precision"] == 2 else 31):
        return start  # wider than a week or a month: coded by its start
    if record["time_precision"] == 3 and (a.year, a.month) == (b.year, b.month):
        last = calendar.monthrange(a.year, a.month)[1]
        if a.day == 1 and b.day <= 10:
            return start
        if b.day == last and a.day >= 20:
            return end
    return (a + (b - a) / 2).isoformat()


def _timestamp(record: dict) -> int | str:
    """Unix time of the record's last change (ACLED's `timestamp`)."""
    changed = record.get("updated_at") or record.get("created_at")
    if not changed:
        return ""
    return int(datetime.fromisoformat(changed).timestamp())


def acled_row(record: dict) -> dict:
    disorder, event_type, sub_event_type = type_mapping(record["event_type"])
    iso, country = COUNTRIES.get(record.get("country") or "", ("", record.get("country") or ""))
    day = reference_date(record)
    agents, inter1 = _side(record, ("agent",), day)
    targets, inter2 = _side(record, ("target", "victim"), day)
    if not agents:
        agents, inter1, targets, inter2 = _no_agent(record, disorder, day, targets, inter2)
    low, high = sorted((inter1, inter2)) if inter2 else (inter1, 0)
    fatalities = sum(
        int(q.get("value") or 0)
        for q in record.get("quantities") or []
        if q.get("kind") == "fatalities"
    )
    # ACLED's time_precision has three codes; Yalu's 4 (year/ongoing) and 0 (unknown) map to 3,
    # and its geo_precision 0 (unknown) is ACLED's widest, 3
    precision = record.get("time_precision") or 0
    geo = record.get("geo_precision") or 0
    attribution = record.get("attribution") or {}
    targeted = event_type == "Violence against civilians" or (
        disorder == "Political violence" and inter2 == CIVILIANS)
    return {
        "event_id_cnty": record["id"],
        "event_date": day or "",
        "year": day[:4] if day else "",
        "time_precision": precision if precision in (1, 2, 3) else 3,
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": agents[0] if agents else "",
        "assoc_actor_1": "; ".join(agents[1:]),
        "inter1": inter1,
        "actor2": targets[0] if targets else "",
        "assoc_actor_2": "; ".join(targets[1:]),
        "inter2": inter2,
        # the two inter codes, lower first; an actor alone is its code and 0 ("10")
        "interaction": int(f"{low}{high}") if inter2 else inter1 * 10,
        "civilian_targeting": "Civilian targeting" if targeted else "",
        "iso": iso,
        "region": "Eastern Asia" if record.get("country") else "",
        "country": country,
        "admin1": record.get("admin1") or "",
        "admin2": record.get("admin2") or "",
        "admin3": "",  # the gazetteer stops at counties
        "location": record.get("location_name") or "",
        "latitude": record.get("latitude") if record.get("latitude") is not None else "",
        "longitude": record.get("longitude") if record.get("longitude") is not None else "",
        "geo_precision": geo if geo in (1, 2, 3) else 3,
        "source": "; ".join(filter(None, [record.get("outlet"), attribution.get("text")])),
        "source_scale": _data()["source_scale"].get(record.get("outlet") or "", "Other"),
        "notes": record.get("summary") or "",
        "fatalities": fatalities,
        # ACLED's tags are "name=value" notes; Yalu's type and modality travel there
        "tags": "; ".join(filter(None, [f"yalu event type={record['event_type']}",
                                        f"modality={record['modality']}" if record.get("modality") else ""])),
        "timestamp": _timestamp(record),
    }
