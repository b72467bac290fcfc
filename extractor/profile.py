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
from typing import Any

import yaml

from .errors import ProfileError

PROFILE_DIR = Path(__file__).parent / "profiles"
DEFAULT_PROFILE = "eccp_followup"


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
    value_type: str = "text"


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

    def table(self, kind: str) -> TableSpec | None:
        return next((t for t in self.tables if t.kind == kind), None)


AUTO = "auto"


def available_profiles() -> list[Profile]:
    """Every profile shipped in `extractor/profiles/`, by name."""
    return [load_profile(path.stem) for path in sorted(PROFILE_DIR.glob("*.yaml"))]


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
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(path, f"cannot read profile ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ProfileError(path, f"profile is not valid YAML ({exc})") from exc
    try:
        return _build(data)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ProfileError(path, f"profile is incomplete or malformed ({exc!r})") from exc


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (values or ()))


def _vocabulary(data: dict | None) -> dict[str, tuple[str, ...]]:
    return {str(key): _strings(spellings) for key, spellings in (data or {}).items()}


def _value_type(value: Any) -> str:
    if value not in VALUE_TYPES:
        raise ValueError(f"type {value!r} is not one of {', '.join(VALUE_TYPES)}")
    return str(value)


def _build(data: dict) -> Profile:
    tables = []
    for kind, spec in (data.get("tables") or {}).items():
        fields = tuple(
            FieldSpec(
                name=name,
                headers=_strings(f.get("headers")),
                multi=bool(f.get("multi", False)),
                value_type=str(f.get("type", "text")),
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
        caption_pattern=re.compile(data.get("caption_pattern") or r"^Table\s+\d+", re.IGNORECASE),
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
    )
