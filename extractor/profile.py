"""Report-family profiles: the vocabulary of a family of reports, loaded from YAML.

A profile says what the family's tables are called, which header spellings mean
which contract field, and how values are spelled. A new family of reports is a new
profile file, not new code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

from schemas import records
from schemas.records import SCHEMA_VERSION

from .errors import ProfileError

PROFILE_DIR = Path(__file__).parent / "profiles"
DEFAULT_PROFILE = "eccp_followup"


DEFAULT_CAPTION = r"^Table\s+\d+"
#: Besides the family's own caption words, any line that reads as a label: a
#: capitalised word, a number, roman numeral or letter, a separator and a title
#: ("Exhibit 3 - SMEs by cluster", "Tableau 2 : ..."), the number possibly announced
#: by a number sign ("Table no. 1 – ...", "Tab. N° 2: ...", "Table #3 - ..."), numbered
#: in parts or after an annex letter ("Exhibit 2.2. ...", "Table A-2. ...").
#: A bare number after the word ("Page 3 of 10") or a lower-case start is no label.
#: Labels of figures rather than tables are left out.
NOT_TABLE_LABELS = ("Figure", "Fig", "Chart", "Graph", "Diagram", "Photo", "Picture", "Image", "Map", "Box", "Page", "Step")
NUMBER_SIGN = r"(?:(?i:no|nr|n°|nº|num)\.?\s*|#\s*)"
#: The label word and the number sign both kinds of label line start with.
_LABEL_WORD = rf"^(?!(?i:{'|'.join(NOT_TABLE_LABELS)})\b)[A-Z][A-Za-z]{{2,15}}\.?\s+{NUMBER_SIGN}?"
_PART_NUMBER = r"(?:[A-Z][-.]?)?\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}"
LABELLED_LINE = rf"(?-i:{_LABEL_WORD}(?:{_PART_NUMBER}|[A-Z])\s*[-–—:.]\s+\S)"
#: A title line with no separator ("Table 21 Current use of contraception"): a label
#: word, a number and a capitalised title word. Read only as the caption of the table
#: right under it (`stitch.caption_line`), never to look for tables by: a sentence
#: that starts the same way goes on in lower case ("Table 21 shows ...").
TITLED_LINE = re.compile(rf"(?-i:{_LABEL_WORD}(?:{_PART_NUMBER})\s+[A-Z][a-z])")

#: The value types a field spec's `type:` may name: how its cells are read.
VALUE_TYPES = (
    "index", "name", "partner", "partner_type", "answer", "count", "cooperation_types", "country", "list", "text",
)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    headers: tuple[str, ...]
    multi: bool = False
    value_type: str = "text"
    follows: str | None = None  # the answer field whose column this one details ("If yes, how?")


@dataclass(frozen=True)
class TableSpec:
    kind: str
    titles: tuple[str, ...]
    fields: tuple[FieldSpec, ...]
    required: tuple[str, ...] = ()
    inherit: tuple[str, ...] = ()
    row_key: tuple[str, ...] = ()
    layout: str = "grid"

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class Reconciliation:
    key: str
    kind: str | None = None
    sum: str | None = None
    count: bool = False
    where: tuple[tuple[str, Any], ...] = ()
    ratio: tuple[str, str] | None = None


@dataclass(frozen=True, eq=False)
class Profile:
    """Compared and hashed by identity: profiles are loaded once and cached."""

    name: str
    caption_pattern: re.Pattern[str]
    report_types: tuple[str, ...]
    event_title_words: tuple[str, ...]
    organiser_triggers: tuple[str, ...]
    non_response_phrases: tuple[str, ...]
    survey_words: tuple[str, ...]
    country_aliases: dict[str, str]
    tables: tuple[TableSpec, ...]
    answers: dict[str, tuple[str, ...]]
    partner_types: dict[str, tuple[str, ...]]
    cooperation_types: dict[str, tuple[str, ...]]
    list_connectors: tuple[str, ...]
    bullets: tuple[str, ...]
    key_figures: dict[str, list[list[dict]]] = field(default_factory=dict)
    reconciliations: tuple[Reconciliation, ...] = ()
    emphasis_words: tuple[str, ...] = ()
    response_words: tuple[str, ...] = ()

    def table(self, kind: str) -> TableSpec | None:
        return next((t for t in self.tables if t.kind == kind), None)


AUTO = "auto"


def available_profiles() -> list[Profile]:
    """Every profile shipped in `extractor/profiles/`, by name."""
    return [load_profile(path.stem) for path in sorted(PROFILE_DIR.glob("*.yaml"))]


def candidate_profiles(name_or_path: str | Path) -> list[Profile]:
    """The profiles a report is read under: every shipped one for `auto`, else the one named."""
    return available_profiles() if str(name_or_path) == AUTO else [load_profile(name_or_path)]


def captions_of(profiles: list[Profile]) -> re.Pattern[str]:
    """One pattern matching the table captions of any of the profiles."""
    return re.compile("|".join(f"(?:{p.caption_pattern.pattern})" for p in profiles), re.IGNORECASE)


def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> Profile:
    """Load a profile by name (from `extractor/profiles/`) or from a YAML path.

    Raises:
        ProfileError: the file is missing or does not describe a profile.
    """
    path = Path(name_or_path)
    if not path.suffix:
        path = PROFILE_DIR / f"{name_or_path}.yaml"
    return _load(path.resolve())


@lru_cache(maxsize=8)
def _load(path: Path) -> Profile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProfileError(path, f"cannot read profile ({exc.strerror})") from exc
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise ProfileError(path, f"not valid YAML ({problem})", line=mark.line + 1 if mark else None) from exc
    validate_profile(data, root, path)
    try:
        return _build(data)
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise ProfileError(path, f"profile is incomplete or malformed ({' '.join(repr(exc).split())})") from exc


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (values or ()))


def _vocabulary(data: dict | None) -> dict[str, tuple[str, ...]]:
    return {str(key): _strings(spellings) for key, spellings in (data or {}).items()}


def _build(data: dict) -> Profile:
    tables = []
    for kind, spec in (data.get("tables") or {}).items():
        fields = tuple(
            FieldSpec(
                name=name,
                headers=_strings(f.get("headers")),
                multi=bool(f.get("multi", False)),
                value_type=str(f.get("type") or _default_value_type(kind, name)),
                follows=str(f["follows"]) if f.get("follows") else None,
            )
            for name, f in spec["fields"].items()
        )
        tables.append(
            TableSpec(
                kind=kind,
                titles=_strings(spec.get("titles")),
                fields=fields,
                required=_strings(spec.get("required")),
                inherit=_strings(spec.get("inherit")),
                row_key=_strings(spec.get("row_key")),
                layout=str(spec.get("layout", "grid")),
            )
        )
    values = data.get("values") or {}
    reconciliations = tuple(
        Reconciliation(
            key=key,
            kind=spec.get("kind"),
            sum=spec.get("sum"),
            count=bool(spec.get("count", False)),
            where=tuple((spec.get("where") or {}).items()),
            ratio=tuple(spec["ratio"]) if spec.get("ratio") else None,
        )
        for key, spec in (data.get("reconciliations") or {}).items()
    )
    return Profile(
        name=str(data["name"]),
        caption_pattern=re.compile(
            f"(?:{data.get('caption_pattern') or DEFAULT_CAPTION})|{LABELLED_LINE}", re.IGNORECASE
        ),
        report_types=_strings(data.get("report_types")),
        event_title_words=_strings(data.get("event_title_words")),
        organiser_triggers=_strings(data.get("organiser_triggers")),
        non_response_phrases=_strings(data.get("non_response_phrases")),
        survey_words=_strings(data.get("survey_words")),
        country_aliases={str(k): str(v) for k, v in (data.get("country_aliases") or {}).items()},
        tables=tuple(tables),
        answers=_vocabulary(values.get("answers")),
        partner_types=_vocabulary(values.get("partner_types")),
        cooperation_types=_vocabulary(values.get("cooperation_types")),
        list_connectors=_strings(values.get("list_connectors")),
        bullets=_strings(values.get("bullets")),
        key_figures={str(k): list(v) for k, v in (data.get("key_figures") or {}).items()},
        reconciliations=reconciliations,
        emphasis_words=_strings(data.get("emphasis_words")),
        response_words=_strings(data.get("response_words")),
    )


# --- a profile checked against the record contract ------------------------------------
#
# A profile names the contract's record kinds, fields, key figures and value
# vocabularies; a misspelt name would otherwise be ignored without a word (a column
# never mapped, a figure never reconciled). Every name is checked against the
# pydantic models of `schemas.records` when the profile is loaded, and a mistake is
# one line naming the file and the YAML line of the offending key.

CONTRACT = f"contract v{SCHEMA_VERSION}"
#: Record kinds of MissionReport that are built from a table.
TABLE_KINDS = (
    "delegation", "cooperation_objectives", "cooperation_agreements", "sme_involvement", "benefited_smes",
    "formal_agreements",
)
LAYOUTS = ("grid", "cluster_with_bullets")
# Which contract field shapes each value type can fill.
_COMPATIBLE = {
    "index": {"int"},
    "count": {"int"},
    "answer": {"answer", "bool"},
    "partner_type": {"partner_type"},
    "cooperation_types": {"list[cooperation_type]"},
    "country": {"str"},
    "name": {"entity", "str"},
    "partner": {"entity", "str"},
    "text": {"str", "list[str]"},
    "list": {"list[str]"},
}
_SHAPE_WORDS = {
    "int": "a whole number", "float": "a number", "bool": "true or false", "str": "text",
    "entity": "an entity reference", "answer": "an answer (yes, no, n/a)",
    "partner_type": "a partner type", "list[cooperation_type]": "a list of cooperation types",
    "list[str]": "a list of texts",
}
_DEFAULT_TYPE = {
    "int": "count", "bool": "answer", "str": "text", "entity": "name", "answer": "answer",
    "partner_type": "partner_type", "list[cooperation_type]": "cooperation_types", "list[str]": "list",
}


def _literals(annotation: Any) -> frozenset[str]:
    return frozenset(a for arg in get_args(annotation) for a in (get_args(arg) if get_origin(arg) is Literal else (arg,))
                     if isinstance(a, str))


ANSWERS = _literals(records.Answer)
PARTNER_TYPES = _literals(records.PartnerType)
COOPERATION_TYPES = frozenset(get_args(records.CooperationType))
KEY_FIGURES = frozenset(get_args(records.KeyFigureName))


def record_model(kind: str) -> type[BaseModel] | None:
    """The contract model of one record of a table kind (`CooperationAgreement` for
    "cooperation_agreements"), None for a name that is no such kind."""
    if kind not in TABLE_KINDS:
        return None
    field_info = records.MissionReport.model_fields.get(kind)
    args = get_args(field_info.annotation) if field_info else ()
    return args[0] if args and isinstance(args[0], type) and issubclass(args[0], BaseModel) else None


def field_shape(annotation: Any) -> str:
    """A contract field's annotation as one word: int, str, entity, answer, ..."""
    if get_origin(annotation) in (Union, UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            return field_shape(options[0])
        if all(o in (int, float) for o in options):
            return "float"
    if get_origin(annotation) is Literal:
        values = frozenset(get_args(annotation))
        if values <= ANSWERS:
            return "answer"
        if values <= PARTNER_TYPES:
            return "partner_type"
        if values <= COOPERATION_TYPES:
            return "cooperation_type"
        return "literal"
    if get_origin(annotation) is list:
        (inner,) = get_args(annotation) or (Any,)
        return f"list[{field_shape(inner)}]"
    if annotation is records.EntityRef:
        return "entity"
    return {int: "int", float: "float", str: "str", bool: "bool"}.get(annotation, "other")


def _default_value_type(kind: str, name: str) -> str:
    model = record_model(kind)
    info = model.model_fields.get(name) if model else None
    if info is None:
        return "text"
    return "index" if name == "index" else _DEFAULT_TYPE.get(field_shape(info.annotation), "text")


class _Lines:
    """Line numbers (1-based) of keys and items in a composed YAML document."""

    def __init__(self, root: yaml.Node | None):
        self.root = root

    def line(self, *path: Any) -> int | None:
        node, line = self.root, None
        for key in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and _same_key(key_node, key):
                        node, line = value_node, key_node.start_mark.line + 1
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                return line
        return line


def _same_key(node: yaml.ScalarNode, key: Any) -> bool:
    if node.value == str(key) and isinstance(key, str):
        return True
    return not isinstance(key, str) and yaml.safe_load(node.value) == key


class _Check:
    def __init__(self, path: Path, root: yaml.Node | None):
        self.path = path
        self.lines = _Lines(root)

    def fail(self, where: tuple, message: str) -> None:
        raise ProfileError(self.path, message, line=self.lines.line(*where))

    def mapping(self, value: Any, where: tuple, what: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(where, f"{what} must be a mapping")
        return value

    def strings(self, value: Any, where: tuple, what: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
            self.fail(where, f"{what} must be a list of texts")
        return [str(v) for v in value]


def validate_profile(data: Any, root: yaml.Node | None, path: Path) -> None:
    """Check a loaded profile against the record contract.

    Raises:
        ProfileError: one line naming the file, the YAML line of the offending key and
            what is wrong, e.g. "profile f.yaml line 42: field 'smes_benfited' is not a
            field of cooperation_agreements (contract v1)".
    """
    check = _Check(path, root)
    if not isinstance(data, dict):
        check.fail((), "a profile must be a mapping of settings")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        check.fail(("name",), "the profile has no name (name: ...)")
    if data.get("caption_pattern") is not None:
        try:
            re.compile(str(data["caption_pattern"]))
        except re.error as exc:
            check.fail(("caption_pattern",), f"caption_pattern is no regular expression ({exc})")
    for key in (
        "report_types", "event_title_words", "organiser_triggers", "non_response_phrases", "survey_words",
        "emphasis_words", "response_words",
    ):
        check.strings(data.get(key), (key,), key)
    for alias, code in check.mapping(data.get("country_aliases"), ("country_aliases",), "country_aliases").items():
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code):
            check.fail(("country_aliases", alias), f"country alias {alias!r} must map to an ISO 3166 alpha-2 code, not {code!r}")
    _check_tables(check, data)
    _check_values(check, data)
    _check_key_figures(check, data)


def _check_tables(check: _Check, data: dict) -> None:
    tables = check.mapping(data.get("tables"), ("tables",), "tables")
    for kind, spec in tables.items():
        where = ("tables", kind)
        model = record_model(str(kind))
        if model is None:
            check.fail(where, f"table {kind!r} is not a record kind of the contract built from a table "
                              f"(one of {', '.join(TABLE_KINDS)}; {CONTRACT})")
        spec = check.mapping(spec, where, f"table {kind!r}")
        fields = check.mapping(spec.get("fields"), where + ("fields",), f"fields of {kind}")
        if not fields:
            check.fail(where, f"table {kind!r} has no fields")
        for name, field_spec in fields.items():
            at = where + ("fields", name)
            info = model.model_fields.get(str(name)) if name != "provenance" else None
            if info is None:
                check.fail(at, f"field {name!r} is not a field of {kind} ({CONTRACT})")
            field_spec = check.mapping(field_spec, at, f"field {name!r}")
            check.strings(field_spec.get("headers"), at + ("headers",), f"headers of field {name!r}")
            follows = field_spec.get("follows")
            if follows is not None and (follows not in fields or follows == name):
                check.fail(at + ("follows",), f"field {name!r} follows {follows!r}, which is not another field of the table {kind}")
            value_type = field_spec.get("type")
            if value_type is None:
                continue
            if value_type not in VALUE_TYPES:
                check.fail(at + ("type",), f"field {name!r} has type {value_type!r}, not one of {', '.join(VALUE_TYPES)}")
            shape = field_shape(info.annotation)
            if shape not in _COMPATIBLE[value_type]:
                check.fail(at + ("type",), f"field {name!r} has type {value_type!r}, but {kind}.{name} holds "
                                           f"{_SHAPE_WORDS.get(shape, shape)} ({CONTRACT})")
            if field_spec.get("multi") and not shape.startswith("list["):
                check.fail(at + ("multi",), f"field {name!r} is multi, but {kind}.{name} holds "
                                            f"{_SHAPE_WORDS.get(shape, shape)}, not a list ({CONTRACT})")
        for key in ("required", "inherit", "row_key"):
            for i, name in enumerate(check.strings(spec.get(key), where + (key,), f"{key} of {kind}")):
                if name not in fields:
                    check.fail(where + (key, i), f"{key} names {name!r}, which is not a field of the table {kind}")
        if str(spec.get("layout", "grid")) not in LAYOUTS:
            check.fail(where + ("layout",), f"layout {spec.get('layout')!r} is not one of {', '.join(LAYOUTS)}")


def _check_values(check: _Check, data: dict) -> None:
    values = check.mapping(data.get("values"), ("values",), "values")
    closed = {"answers": ANSWERS, "partner_types": PARTNER_TYPES, "cooperation_types": COOPERATION_TYPES}
    for section, allowed in closed.items():
        where = ("values", section)
        for key, spellings in check.mapping(values.get(section), where, f"values.{section}").items():
            if isinstance(key, bool):
                check.fail(where + (key,), f"{section} key written without quotes reads as {str(key).lower()} in YAML: "
                                           "quote it (\"yes\", \"no\")")
            if key not in allowed:
                check.fail(where + (key,), f"{section} key {key!r} is not one of {', '.join(sorted(allowed))} ({CONTRACT})")
            check.strings(spellings, where + (key,), f"spellings of {key!r}")
    for section in ("list_connectors", "bullets"):
        check.strings(values.get(section), ("values", section), f"values.{section}")


def _check_key_figures(check: _Check, data: dict) -> None:
    for key in check.mapping(data.get("key_figures"), ("key_figures",), "key_figures"):
        if key not in KEY_FIGURES:
            check.fail(("key_figures", key), f"key figure {key!r} is not one of {', '.join(sorted(KEY_FIGURES))} ({CONTRACT})")
    reconciliations = check.mapping(data.get("reconciliations"), ("reconciliations",), "reconciliations")
    for key, spec in reconciliations.items():
        where = ("reconciliations", key)
        if key not in KEY_FIGURES:
            check.fail(where, f"reconciliation {key!r} is not a key figure ({', '.join(sorted(KEY_FIGURES))}; {CONTRACT})")
        spec = check.mapping(spec, where, f"reconciliation {key!r}")
        if spec.get("ratio") is not None:
            ratio = check.strings(spec["ratio"], where + ("ratio",), f"ratio of {key!r}")
            if len(ratio) != 2:
                check.fail(where + ("ratio",), f"ratio of {key!r} must name two key figures")
            for i, name in enumerate(ratio):
                if name not in KEY_FIGURES:
                    check.fail(where + ("ratio", i), f"ratio of {key!r} names {name!r}, which is not a key figure ({CONTRACT})")
            continue
        kind = spec.get("kind")
        model = record_model(str(kind)) if kind is not None else None
        if model is None:
            check.fail(where + ("kind",) if kind is not None else where,
                       f"reconciliation {key!r} needs a kind, one of {', '.join(TABLE_KINDS)}; not {kind!r} ({CONTRACT})")
        if spec.get("sum") is not None:
            name = spec["sum"]
            info = model.model_fields.get(str(name))
            if info is None:
                check.fail(where + ("sum",), f"sum names {name!r}, which is not a field of {kind} ({CONTRACT})")
            if field_shape(info.annotation) not in ("int", "float"):
                check.fail(where + ("sum",), f"sum names {kind}.{name}, which holds "
                                             f"{_SHAPE_WORDS.get(field_shape(info.annotation), 'no number')}, not a number")
        elif not spec.get("count"):
            check.fail(where, f"reconciliation {key!r} needs sum: <field>, count: true or ratio: [a, b]")
        for name in check.mapping(spec.get("where"), where + ("where",), f"where of {key!r}"):
            if name not in model.model_fields:
                check.fail(where + ("where", name), f"where names {name!r}, which is not a field of {kind} ({CONTRACT})")
