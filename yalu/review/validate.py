"""What a reviewer may write into a record: the editable fields and their checks against
the ontology and the record schema. `validate_changes` raises ReviewError naming the
first bad field; the web app's edit form and JSON API and the Python API all use it."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Collection
from datetime import date
from typing import Any

from ..places.gazetteer import ADMIN1_KINDS, Gazetteer
from ..store import query as q

ACTOR_ROLES = ("agent", "target", "victim", "witness")
ACTOR_KINDS = ("unit", "official", "civilian", "state", "organization")
QUANTITY_KINDS = ("people", "fatalities", "injured", "money", "weapon", "ammunition", "other")
ATTRIBUTION_KINDS = ("anonymous_source", "official", "media", "state_media", "document")
# the choices of the edit form's structured rows
CHOICES = {"actor_roles": ACTOR_ROLES, "actor_kinds": ACTOR_KINDS,
           "quantity_kinds": QUANTITY_KINDS, "attribution_kinds": ATTRIBUTION_KINDS}

# Fields an edit may change, in the order the edit form shows them.
EDITABLE = (
    "event_type", "category", "summary", "date_start", "date_end", "time_precision",
    "date_expression", "country", "admin1", "admin1_code", "admin2", "location_name",
    "latitude", "longitude", "geo_precision", "actors", "quantities", "modality",
    "attribution", "corroboration", "confidence",
)
JSON_FIELDS = ("actors", "quantities", "attribution", "corroboration")


class ReviewError(ValueError):
    """A review action that cannot be done (unknown record, invalid value, conflict)."""


def _opt_str(name: str, value: Any, max_len: int = 2000) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError(f"{name}: expected text")
    value = value.strip()
    if len(value) > max_len:
        raise ReviewError(f"{name}: longer than {max_len} characters")
    return value or None


def _opt_date(name: str, value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError as exc:
        raise ReviewError(f"{name}: not an ISO date (YYYY-MM-DD): {value!r}") from exc


def _int_in(name: str, value: Any, allowed: set[int]) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ReviewError(f"{name}: expected a whole number") from exc
    if number not in allowed:
        raise ReviewError(f"{name}: must be one of {sorted(allowed)}")
    return number


def _opt_float(name: str, value: Any, low: float, high: float) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise ReviewError(f"{name}: expected a number") from exc
    if not math.isfinite(number) or not low <= number <= high:
        raise ReviewError(f"{name}: must be between {low} and {high}")
    return number


def _json_value(name: str, value: Any) -> Any:
    """A JSON field as the edit form sends it (text) or as the API does (a value)."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError as exc:
            raise ReviewError(f"{name}: not valid JSON ({exc})") from exc
    return value


def _dict_list(name: str, value: Any, allowed_keys: tuple[str, ...], enum_key: str,
               enum_values: Collection[str], required: tuple[str, ...]) -> list[dict]:
    value = _json_value(name, value)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ReviewError(f"{name}: expected a list")
    out = []
    for n, item in enumerate(value):
        if not isinstance(item, dict):
            raise ReviewError(f"{name}[{n}]: expected an object")
        unknown = set(item) - set(allowed_keys)
        if unknown:
            raise ReviewError(f"{name}[{n}]: unknown keys {sorted(unknown)}")
        for key in required:
            if item.get(key) in (None, ""):
                raise ReviewError(f"{name}[{n}]: {key} is required")
        if item.get(enum_key) not in enum_values:
            raise ReviewError(f"{name}[{n}].{enum_key}: must be one of {list(enum_values)}")
        out.append({key: item.get(key) for key in allowed_keys})
    return out


# --------------------------------------------------------------------------- one field each


def _event_type(name: str, value: Any) -> str:
    if value not in q.event_types():
        raise ReviewError(f"event_type: {value!r} is not in the ontology")
    return value


def _category(name: str, value: Any) -> str:
    if value not in set(q.event_types().values()):
        raise ReviewError(f"category: {value!r} is not in the ontology")
    return value


def _summary(name: str, value: Any) -> str:
    text = _opt_str(name, value, 2000)
    if not text:
        raise ReviewError("summary: must not be empty")
    return text


def _country(name: str, value: Any) -> str | None:
    text = _opt_str(name, value, 2)
    if text and not re.fullmatch(r"[A-Za-z]{2}", text):
        raise ReviewError("country: expected an ISO 3166-1 alpha-2 code (KP, KR, CN...)")
    return text.upper() if text else None


def _admin1_code(name: str, value: Any) -> str | None:
    text = _opt_str(name, value, 10)
    if text and not re.fullmatch(r"[A-Za-z]{2}-\w{1,3}", text):
        raise ReviewError("admin1_code: expected an ISO 3166-2 code (KP-10)")
    return text.upper() if text else None


def _confidence(name: str, value: Any) -> float:
    number = _opt_float(name, value, 0, 1)
    if number is None:
        raise ReviewError("confidence: required")
    return number


def _modality(name: str, value: Any) -> str:
    if value not in q.MODALITIES:
        raise ReviewError(f"modality: must be one of {list(q.MODALITIES)}")
    return value


def _actors(name: str, value: Any) -> list[dict]:
    actors = _dict_list(name, value, ("role", "text", "normalized", "kind", "unit", "rank"),
                        "role", ACTOR_ROLES, ("text",))
    for n, actor in enumerate(actors):
        if actor["kind"] not in (None, *ACTOR_KINDS):
            raise ReviewError(f"actors[{n}].kind: must be one of {list(ACTOR_KINDS)}")
    return actors


def _quantities(name: str, value: Any) -> list[dict]:
    items = _dict_list(name, value, ("kind", "value", "unit", "text"), "kind", QUANTITY_KINDS, ())
    for n, item in enumerate(items):
        if item["value"] is not None:
            item["value"] = _opt_float(f"quantities[{n}].value", item["value"], -1e15, 1e15)
    return items


def _attribution(name: str, value: Any) -> dict | None:
    value = _json_value(name, value)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ReviewError("attribution: expected an object or null")
    unknown = set(value) - {"text", "kind", "location"}
    if unknown:
        raise ReviewError(f"attribution: unknown keys {sorted(unknown)}")
    if not value.get("text"):
        raise ReviewError("attribution.text: required")
    if value.get("kind") not in ATTRIBUTION_KINDS:
        raise ReviewError(f"attribution.kind: must be one of {list(ATTRIBUTION_KINDS)}")
    return {k: value.get(k) for k in ("text", "kind", "location")}


def _corroboration(name: str, value: Any) -> list[str]:
    value = _json_value(name, value)
    if value is None:
        value = []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReviewError("corroboration: expected a list of text")
    return [v.strip() for v in value if v.strip()]


FIELD_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "event_type": _event_type,
    "category": _category,
    "summary": _summary,
    "date_start": _opt_date,
    "date_end": _opt_date,
    "time_precision": lambda name, value: _int_in(name, value, {0, 1, 2, 3, 4}),
    "date_expression": lambda name, value: _opt_str(name, value, 500),
    "country": _country,
    "admin1": lambda name, value: _opt_str(name, value, 500),
    "admin1_code": _admin1_code,
    "admin2": lambda name, value: _opt_str(name, value, 500),
    "location_name": lambda name, value: _opt_str(name, value, 500),
    "latitude": lambda name, value: _opt_float(name, value, -90, 90),
    "longitude": lambda name, value: _opt_float(name, value, -180, 180),
    "geo_precision": lambda name, value: _int_in(name, value, {0, 1, 2, 3}),
    "actors": _actors,
    "quantities": _quantities,
    "modality": _modality,
    "attribution": _attribution,
    "corroboration": _corroboration,
    "confidence": _confidence,
}


def _check_category(out: dict[str, Any], current: dict | None) -> None:
    """The category follows the event type unless both are given and agree."""
    types = q.event_types()
    if "event_type" in out:
        expected = types[out["event_type"]]
        if "category" in out and out["category"] != expected:
            raise ReviewError(
                f"category: {out['event_type']} belongs to {expected}, not {out['category']}"
            )
        out["category"] = expected
    elif ("category" in out and current is not None
          and types.get(current["event_type"]) not in (None, out["category"])):
        raise ReviewError(
            f"category: {current['event_type']} belongs to {types[current['event_type']]}"
        )


def _check_province(out: dict[str, Any], current: dict | None) -> None:
    """A province the edit names must be the gazetteer's: its code a known first-level unit,
    its name a spelling of that unit ("North Hamgyong" is KP-09, not KP-10), its country the
    code's. A name alone gets its code; a code alone gets its name. Checked only when the
    edit changes one of them, so a stored record's old spelling does not block other edits."""
    fields = ("country", "admin1", "admin1_code")
    old = {k: (current or {}).get(k) for k in fields}
    if all(k not in out or (out[k] or None) == (old[k] or None) for k in fields):
        return
    country, name, code = (out.get(k, old[k]) for k in fields)
    gaz = Gazetteer.default()
    provinces = [p for p in gaz.lookup(name or "") if p.kind in ADMIN1_KINDS]
    if code:
        province = gaz.admin1_by_code(code)
        if province is None:
            raise ReviewError(f"admin1_code: {code} is not a province in the gazetteer")
        if name and province not in provinces:
            named = ", ".join(f"{p.admin1_code} ({p.name})" for p in provinces) or "no province"
            raise ReviewError(f"admin1: {name!r} is {named} in the gazetteer, not {code} "
                              f"({province.name})")
    elif name:
        if not provinces:
            raise ReviewError(f"admin1: {name!r} is not a province in the gazetteer")
        province = provinces[0]
        out["admin1_code"] = province.admin1_code
    else:
        return
    if country and country != province.country:
        raise ReviewError(f"country: {province.admin1_code} ({province.name}) is in "
                          f"{province.country}, not {country}")
    if not name:
        out["admin1"] = province.name
    if not country:
        out["country"] = province.country


def validate_changes(changes: dict[str, Any], current: dict | None = None) -> dict[str, Any]:
    """Check and normalise edited fields against the ontology and the record schema.
    Raises ReviewError naming the first bad field."""
    if not isinstance(changes, dict):
        raise ReviewError("changes: expected an object of field -> value")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ReviewError(f"not editable: {', '.join(sorted(unknown))}")
    out = {name: FIELD_CHECKS[name](name, value) for name, value in changes.items()}
    _check_category(out, current)
    _check_province(out, current)
    start = out.get("date_start", current.get("date_start") if current else None)
    end = out.get("date_end", current.get("date_end") if current else None)
    if start and end and end < start:
        raise ReviewError("date_end: before date_start")
    return out
