"""The genre's knowledge as data: one loader for every file in yalu/data/.

Each file has a schema here: the keys it may hold, the keys each record must hold,
and which values must be event types of ontology.toml. A file that breaks its
schema fails loudly, naming the file, the record and the key, so a typo in a rule
never silently disables it. `yalu places --check` and the tests run `check_all()`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files


class DataFileError(ValueError):
    """A data file that breaks its schema."""


@dataclass(frozen=True)
class Records:
    """An array of tables ([[rule]]): the keys each must hold and may hold."""

    required: frozenset[str]
    optional: frozenset[str] = frozenset()
    type_keys: tuple[str, ...] = ()  # values that must be event types (a string or a list)


@dataclass(frozen=True)
class Table:
    """A table of named entries ([types.defection]), each a record."""

    entry: Records


@dataclass(frozen=True)
class Schema:
    keys: dict[str, object] = field(default_factory=dict)  # key -> Records | Table | type


def _records(required: str, optional: str = "", type_keys: tuple[str, ...] = ()) -> Records:
    return Records(frozenset(required.split()), frozenset(optional.split()), type_keys)


MODALITY_LISTS = (
    "hedges planning denial hypothetical_marks hypothetical_modals purpose_heads attempt_heads attempted_launches counted search_verbs campaigns "
    "means_heads warded_off aftermath_heads disaster_aftermath_heads disasters provocations_answered learning bans "
    "law_words negative_subjects desires background habitual generic_pronouns claims state_participles prevention "
    "hindered copulas duty_heads whenever statistic_periods containers trend_containers trend_verbs "
    "generic_adjectives described_places rule_verbs rule_nouns kin intensifiers enforcement held_under "
    "cause_marks threatened_with warned_of sanction_nouns sanction_callers sanction_imposers threat_nouns cause_heads spread_heads trend_nouns "
    "reference_heads disease_frames beginnings future_frames exposed_to unmade_when_failed series_heads series_places"
).split()

# genericity.toml: the genre's cues for acts named and not reported (yalu/extract/genericity.py)
GENERICITY_LISTS = (
    "precedent_ordinals precedent_nouns example_preps charge_nouns charge_words charge_preps practice_verbs toll_verbs toll_events "
    "place_nouns amounts occurrence_verbs underway anyone anyone_pronouns livelihoods seasons season_determiners "
    "campaign_words helping kin_members households preparations customs rate_units rate_determiners rate_counts possible "
    "topic_heads topic_preps inquiry_verbs notice_verbs notice_acts risk_verbs conditions voice_verbs public "
    "look_back_verbs look_back_adverbs report_nouns look_back_adjectives dated_report_verbs release_verbs statistic_nouns "
    "frequency_nouns frequency_quantifiers recurring aim_verbs aim_nouns standing_conditions attempt_verbs past_adverbs "
    "order_words sanction_words sanction_nouns sanction_causes sanctioned_acts "
    "closure_nouns closed_frontiers closure_settings grounds announce_verbs"
).split()

# dates.toml: tables of words (month names, parts of a month, cue words, ...)
DATE_TABLES = (
    "juche months weekdays fuzzy_counts month_parts parts week_parts year_parts decade_parts seasons season_reach month_window day_pair "
    "relative unit_offsets year_words day_words times_of_day season_words vague periods discovery simultaneous happening "
    "earlier_act learned_before relayed_report other_event began put_out "
    "future_cues context ordinals tens anniversaries lasting news_types gathering"
).split()

# places/generics.toml: the generic words of place names, one list per job
GENERIC_LISTS = (
    "lowercase_suffixes swappable_tail place_heads village_tail place_nouns_after place_nouns_of scoring_strip "
    "source_place_tail source_place_words"
).split()

SCHEMAS: dict[str, Schema] = {
    "actors.toml": Schema({"people": list, "groups": list, "actor": _records("normalized patterns kind", "rank unit")}),
    "sources.toml": Schema({"source": _records("name patterns kind", "country domains")}),
    "triggers.toml": Schema({
        "unsplit": list,
        "elsewhere": _records("terms korean"),
        "rule": _records(
            "id type lemmas",
            "pos any also none sentence_none objects_none subjects_none recipients_none single_objects_none intransitive_none "
            "causes blamed objects_any subjects_any destinations_any "
            "weight states kinds term_kinds",
            ("type",),
        ),
    }),
    "frames.toml": Schema({
        "frame": _records(
            "id types becomes",
            "actor roles trigger_lemmas trigger_marks trigger_none agents objects with_type under_type with_lemmas without_lemmas keeps",
            ("types", "becomes", "with_type"),
        ),
    }),
    "furniture.toml": Schema({
        "function_words": list,
        "lists": dict,
        "pattern": _records("name kind regex", "ignore_case max_len standalone max_function_words role"),
    }),
    "modality.toml": Schema({name: list for name in MODALITY_LISTS}),
    "genericity.toml": Schema({name: list for name in GENERICITY_LISTS}),
    "ontology.toml": Schema({
        "types": Table(_records(
            "category label",
            "by_day by_place by_place_kinds by_province one_report of_the_state place_stated told_by_pronoun charge offence for_an_offence folds_in "
            "addressed victims counted_victims counted_doers part_of watched_from surveyed",
        )),
    }),
    "numbers.toml": Schema({"cardinals": dict}),
    "acled.toml": Schema({
        "codebook": dict,
        "types": Table(_records("event_type sub_event_type why")),
        "actor": _records("yalu force country"),
        "government": _records("country periods"),
        "source_scale": dict,
    }),
    "reporting.toml": Schema({"reporting": _records("verbs nouns", "light")}),
    "dates.toml": Schema({name: dict for name in DATE_TABLES}),
    "places/context.toml": Schema({
        "borrowing": _records("picture_words source_home_countries article_place_within land_borders border_provinces",
                              "border_wide_types sent_verbs within_countries", ("border_wide_types",)),
        "metonymy": _records("capitals causatives", "place_properties addressed"),
        "based": _records("units"),
        "whither": _records("for_heads bound"),
        "speakers": _records("seats said_in venues"),
        "direction": _records("id types takes", "not_kinds shooter_kinds verbs country note", ("types",)),
    }),
    # the Korean pipeline (docs/korean.md): every rule carries the examples it must read
    "ko/lexicon.toml": Schema({"word": _records("form tag examples")}),
    "ko/triggers.toml": Schema({
        "decision": dict,
        "labels": dict,
        "story": dict,
        "rule": _records("id type forms weight examples",
                         "any none not_after not_examples kinds beside also none_over none_unless not_before_noun", ("type",)),
    }),
    "ko/modality.toml": Schema({"rule": _records("id scope modality pattern examples", "not_examples not_types types inside")}),
    "ko/dates.toml": Schema({
        "parts": dict,
        "relative": dict,
        "month_words": dict,
        "counts": dict,
        "units": dict,
        "year_words": dict,
        "holidays": dict,
        "since": _records("id pattern examples", "not_examples"),
        "lookback": _records("id pattern examples", "not_examples"),
        "began": _records("id pattern examples", "not_examples"),
        "another_clause": _records("id after other examples", "not_examples"),
        "part_end": _records("id pattern examples", "not_examples"),
        "dekad": _records("id parts precision examples", "not_examples"),
        "body_day": _records("id not_types stop examples", "not_examples"),
        "ordinal_frame": _records("id pattern examples", "not_examples rules"),
        "year_told": _records("id months rules examples", "not_examples"),
        "unread_time": _records("id words examples", "not_examples"),
        "next_month_told": _records("id words plan stop examples", "not_examples"),
        "rule": _records("id value pattern examples", "spoken window precision days anchor not_examples"),
    }),
    "ko/slots.toml": Schema({
        "places": _records("destination home source_home dateline caption caption_below caption_sentence not_places country_words of_the_state "
                           "left_from at_home glued_caption watchers news_capital offshore landmark correspondent venue neighbour anniversary "
                           "outlet_name origin examples verb_form",
                           "not_examples came_back_from coordinated taken_at_home verb_form_examples verb_form_not_examples common_stems",
                           ("of_the_state",)),
        "attribution": _records("id pattern text kind examples", "retells"),
        "actor": _records("normalized pattern kind examples", "unit rank"),
        "quantity": _records("id counters kind examples", "unit"),
        "numerals": dict,
    }),
    "places/spellings.toml": Schema({"spelling": _records("id forms source", "note")}),
    "places/generics.toml": Schema({
        "en_suffix": dict,
        "cn_hangul_suffix": dict,
        **{name: list for name in GENERIC_LISTS},
    }),
    "places/ambiguities.toml": Schema({
        "country_cues": dict,
        "ambiguity": _records("name forms candidates", "default rules note non_place"),
    }),
}


def _check_record(name: str, where: str, record: object, schema: Records, types: set[str] | None) -> None:
    if not isinstance(record, dict):
        raise DataFileError(f"{name}: {where} is not a table")
    missing = schema.required - record.keys()
    unknown = record.keys() - schema.required - schema.optional
    if missing:
        raise DataFileError(f"{name}: {where} lacks {', '.join(sorted(missing))}")
    if unknown:
        raise DataFileError(f"{name}: {where} has unknown keys {', '.join(sorted(unknown))}")
    for key in schema.type_keys:
        value = record.get(key)
        for t in [value] if isinstance(value, str) else value or []:
            if types is not None and t not in types:
                raise DataFileError(f"{name}: {where} {key} {t!r} is no event type of ontology.toml")


def validate(name: str, data: dict, types: set[str] | None = None) -> dict:
    """The data, or DataFileError naming what breaks the file's schema."""
    schema = SCHEMAS[name]
    for key, value in data.items():
        if key not in schema.keys:
            raise DataFileError(f"{name}: unknown key {key!r}")
        expected = schema.keys[key]
        if isinstance(expected, Records):
            items = value if isinstance(value, list) else [value]
            for i, record in enumerate(items, 1):
                label = record.get("id") or record.get("name") if isinstance(record, dict) else None
                _check_record(name, f"{key} {label or i}", record, expected, types)
        elif isinstance(expected, Table):
            for entry_name, record in value.items():
                _check_record(name, f"{key}.{entry_name}", record, expected.entry, types)
        elif isinstance(expected, type) and not isinstance(value, expected):
            raise DataFileError(f"{name}: {key} must be a {expected.__name__}")
    return data


def _read(name: str) -> dict:
    with files("yalu").joinpath(f"data/{name}").open("rb") as f:
        try:
            return tomllib.load(f)
        except tomllib.TOMLDecodeError as exc:
            raise DataFileError(f"{name}: {exc}") from exc


@cache
def load(name: str) -> dict:
    """A data file of yalu/data/, checked against its schema."""
    types = None if name == "ontology.toml" else set(load("ontology.toml")["types"])
    return validate(name, _read(name), types)


def check_all() -> list[str]:
    """Every data file with a schema, checked; the problems found, one line each."""
    problems = []
    for name in SCHEMAS:
        try:
            load.__wrapped__(name)
        except DataFileError as exc:
            problems.append(str(exc))
    return problems
