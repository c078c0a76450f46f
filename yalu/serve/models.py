"""The JSON bodies of the API's write routes, as the OpenAPI schema documents them.

The fields of an edit are documented with their types, but checked in one place,
`yalu.review.validate_changes` (the edit form's values go through it too), so a bad value
is a 400 naming the field, as it always was; a field that is not editable is refused
there as well."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..review.validate import (
    ACTOR_KINDS,
    ACTOR_ROLES,
    ATTRIBUTION_KINDS,
    QUANTITY_KINDS,
)
from ..store.filters import MODALITIES


def _field(schema: dict, description: str) -> Any:
    """An optional field of any value (validate_changes checks it), documented as `schema`."""
    return Field(None, description=description, json_schema_extra=schema)


TEXT = {"type": "string"}
NULLABLE_TEXT = {"type": ["string", "null"]}
DATE = {"type": ["string", "null"], "format": "date"}
NUMBER = {"type": ["number", "null"]}
ACTOR = {"type": "object", "properties": {
    "role": {"enum": list(ACTOR_ROLES)}, "text": TEXT, "normalized": NULLABLE_TEXT,
    "kind": {"enum": [*ACTOR_KINDS, None]},
    "unit": NULLABLE_TEXT, "rank": NULLABLE_TEXT}, "required": ["role", "text"]}
QUANTITY = {"type": "object", "properties": {
    "kind": {"enum": list(QUANTITY_KINDS)},
    "value": NUMBER, "unit": NULLABLE_TEXT, "text": NULLABLE_TEXT}, "required": ["kind"]}
ATTRIBUTION = {"type": ["object", "null"], "properties": {
    "text": TEXT, "kind": {"enum": list(ATTRIBUTION_KINDS)}, "location": NULLABLE_TEXT}, "required": ["text", "kind"]}


class IncidentChanges(BaseModel):
    """Fields to change, each optional; a field left out keeps its value, null clears it."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"additionalProperties": False})

    event_type: Any = _field(TEXT, "an event type of the ontology; the category follows it")
    category: Any = _field(TEXT, "the event type's category (alone: the current type's)")
    summary: Any = _field(TEXT, "one sentence, not empty")
    date_start: Any = _field(DATE, "YYYY-MM-DD")
    date_end: Any = _field(DATE, "YYYY-MM-DD, not before date_start")
    time_precision: Any = _field({"enum": [0, 1, 2, 3, 4]},
                                 "1 day, 2 week, 3 month, 4 year or longer / ongoing, 0 unknown")
    date_expression: Any = _field(NULLABLE_TEXT, "the words that gave the date")
    country: Any = _field(NULLABLE_TEXT, "ISO 3166-1 alpha-2 (KP)")
    admin1: Any = _field(NULLABLE_TEXT, "province")
    admin1_code: Any = _field(NULLABLE_TEXT, "ISO 3166-2 (KP-10)")
    admin2: Any = _field(NULLABLE_TEXT, "county or city")
    location_name: Any = _field(NULLABLE_TEXT, "the place as named")
    latitude: Any = _field(NUMBER, "-90 to 90")
    longitude: Any = _field(NUMBER, "-180 to 180")
    geo_precision: Any = _field({"enum": [0, 1, 2, 3]},
                                "1 town/county, 2 near a place / part of a region, "
                                "3 province or larger, 0 unknown")
    actors: Any = _field({"type": "array", "items": ACTOR}, "who did what to whom")
    quantities: Any = _field({"type": "array", "items": QUANTITY}, "numbers the report gives")
    modality: Any = _field({"enum": list(MODALITIES)}, "how the report holds it")
    attribution: Any = _field(ATTRIBUTION, "who says so, or null")
    corroboration: Any = _field({"type": "array", "items": TEXT}, "other outlets that report it")
    confidence: Any = _field({"type": "number", "minimum": 0, "maximum": 1}, "0 to 1")

    def as_changes(self) -> dict[str, Any]:
        """The fields the request gave (null included), unknown ones too: they are refused
        by name when validated."""
        return self.model_dump(exclude_unset=True)


class ReviewBody(BaseModel):
    note: str | None = Field(None, max_length=2000)
    expected_updated_at: str | None = Field(
        None, description="updated_at as loaded; if the record changed since, the action fails with "
                          "409 and the body's detail holds the record as it is now ({message, current})"
    )


class EditBody(ReviewBody):
    changes: IncidentChanges = Field(..., description="the fields to change (see review.EDITABLE)")


class MergeBody(BaseModel):
    loser: str = Field(..., description="id of the record merged into this one")
    note: str | None = Field(None, max_length=2000)


class SplitBody(BaseModel):
    move_evidence: list[int] = Field(default_factory=list, description="evidence ids moved to the new record")
    copy_evidence: list[int] = Field(default_factory=list, description="evidence ids shared by both")
    changes: IncidentChanges = Field(default_factory=IncidentChanges,
                                     description="fields of the new record")
    note: str | None = Field(None, max_length=2000)


class LoginBody(BaseModel):
    name: str = Field(..., max_length=64)
    password: str = Field(..., max_length=1024)
