"""The database schema, derived from the pydantic models of the record contract.

Tables are not typed again by hand: each column comes from a model field, so a field
added to `schemas/records.py` appears in the database without touching this module
(and `DB_SCHEMA_VERSION` must then be raised, see `tests/test_database.py`).

Rules (documented in the README):
- one table per record kind (`RECORD_KINDS` minus `entities`), rows carry `report_id`
  and `ordinal` (position of the record in its list);
- an `EntityRef` field F becomes F_id, F_name, F_raw, F_score;
- a `Provenance` becomes `page`, `row` and the whole object as JSON in `provenance`;
- lists of scalars are native arrays; nested lists and lists of objects are JSON;
- `reports` has one row per report: source and event fields unprefixed, survey
  fields prefixed `survey_`, plus `record_digest` and `loaded_at`;
- `entities` is shared by all reports; `<kind>_entities` views join records to it.
"""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from schemas.records import RECORD_KINDS, Entity, EntityRef, Event, MissionReport, Provenance, Source, Survey

#: Version of the database layout (not of the record contract). Raise it whenever the
#: derived tables change; `MIGRATIONS` says how an older database is brought forward.
DB_SCHEMA_VERSION = 1
SCHEMA_INFO_TABLE = "schema_info"
REPORTS_TABLE = "reports"
ENTITIES_TABLE = "entities"
#: Record kinds stored per report (entities are shared by all reports).
RECORD_TABLES: tuple[str, ...] = tuple(kind for kind in RECORD_KINDS if kind != ENTITIES_TABLE)


class ColumnType(enum.Enum):
    TEXT = "text"
    BIGINT = "bigint"
    DOUBLE = "double"
    BOOLEAN = "boolean"
    JSON = "json"
    TEXT_LIST = "text[]"
    BIGINT_LIST = "bigint[]"
    DOUBLE_LIST = "double[]"
    TIMESTAMP = "timestamp"


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    #: Keys leading from a record's JSON object to the value; empty for values the
    #: loader supplies itself (report_id, ordinal, record_digest, loaded_at).
    path: tuple[str, ...] = ()
    nullable: bool = True


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass(frozen=True)
class ViewSpec:
    name: str
    table: str
    #: EntityRef fields of the table joined to `entities`.
    entity_fields: tuple[str, ...]


# --- deriving columns from annotations ------------------------------------------------

def _without_none(annotation: Any) -> tuple[Any, bool]:
    """(annotation without None, whether None was allowed)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(members) < len(typing.get_args(annotation))
        if len(members) == 1:
            return members[0], optional
        return typing.Union[tuple(members)], optional
    return annotation, False


def _scalar_type(annotation: Any) -> ColumnType | None:
    """The column type of a scalar annotation, or None when it is not a scalar."""
    annotation, _ = _without_none(annotation)
    origin = typing.get_origin(annotation)
    if origin is Literal:
        values = typing.get_args(annotation)
        if all(isinstance(v, str) for v in values):
            return ColumnType.TEXT
        return None
    if origin in (typing.Union, types.UnionType):
        members = set(typing.get_args(annotation))
        return ColumnType.DOUBLE if members <= {int, float} else None
    if isinstance(annotation, type) and issubclass(annotation, enum.StrEnum):
        return ColumnType.TEXT  # a closed list of codes (Finding.code)
    return {str: ColumnType.TEXT, bool: ColumnType.BOOLEAN, int: ColumnType.BIGINT, float: ColumnType.DOUBLE}.get(annotation)


_LIST_TYPES = {ColumnType.TEXT: ColumnType.TEXT_LIST, ColumnType.BIGINT: ColumnType.BIGINT_LIST, ColumnType.DOUBLE: ColumnType.DOUBLE_LIST}


def _is_model(annotation: Any, model: type[BaseModel]) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, model)


def field_columns(name: str, annotation: Any, path: tuple[str, ...], prefix: str = "") -> list[Column]:
    """The columns one model field becomes."""
    inner, _ = _without_none(annotation)
    column = prefix + name
    if _is_model(inner, EntityRef):
        return [Column(f"{column}_{part}", ColumnType.DOUBLE if part == "score" else ColumnType.TEXT, path + (part,))
                for part in ("id", "name", "raw", "score")]
    if _is_model(inner, Provenance):
        return [Column(f"{prefix}page", ColumnType.BIGINT, path + ("page",)),
                Column(f"{prefix}row", ColumnType.BIGINT, path + ("row",)),
                Column(column, ColumnType.JSON, path)]
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        item_type = _scalar_type(item)
        if item_type in _LIST_TYPES:
            return [Column(column, _LIST_TYPES[item_type], path)]
        return [Column(column, ColumnType.JSON, path)]
    scalar = _scalar_type(inner)
    return [Column(column, scalar if scalar is not None else ColumnType.JSON, path)]


def model_columns(model: type[BaseModel], path: tuple[str, ...] = (), prefix: str = "") -> list[Column]:
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        columns.extend(field_columns(name, info.annotation, path + (name,), prefix))
    return columns


def _record_model(kind: str) -> type[BaseModel]:
    annotation = MissionReport.model_fields[kind].annotation
    (item,) = typing.get_args(annotation)
    return item


def _unique(name: str, columns: list[Column]) -> tuple[Column, ...]:
    seen: set[str] = set()
    for column in columns:
        if column.name in seen:
            raise ValueError(f"table {name}: column {column.name} derived twice")
        seen.add(column.name)
    return tuple(columns)


def _reports_table() -> TableSpec:
    columns = [Column("report_id", ColumnType.TEXT, ("report_id",), nullable=False)]
    columns += model_columns(Source, ("source",))
    columns += [Column("status", ColumnType.TEXT, ("status",)), Column("schema_version", ColumnType.TEXT, ("schema_version",))]
    columns += model_columns(Event, ("event",))
    columns += model_columns(Survey, ("survey",), prefix="survey_")
    columns += [Column("record_digest", ColumnType.TEXT, nullable=False), Column("loaded_at", ColumnType.TIMESTAMP, nullable=False)]
    return TableSpec(REPORTS_TABLE, _unique(REPORTS_TABLE, columns), ("report_id",))


def _record_table(kind: str) -> TableSpec:
    columns = [Column("report_id", ColumnType.TEXT, nullable=False), Column("ordinal", ColumnType.BIGINT, nullable=False)]
    columns += model_columns(_record_model(kind))
    return TableSpec(kind, _unique(kind, columns), ("report_id", "ordinal"))


def _entities_table() -> TableSpec:
    columns = model_columns(Entity)
    columns = [Column(c.name, c.type, c.path, nullable=c.name != "id") for c in columns]
    return TableSpec(ENTITIES_TABLE, _unique(ENTITIES_TABLE, columns), ("id",))


def _entity_fields(kind: str) -> tuple[str, ...]:
    model = _record_model(kind)
    return tuple(name for name, info in model.model_fields.items() if _is_model(_without_none(info.annotation)[0], EntityRef))


REPORTS = _reports_table()
ENTITIES = _entities_table()
RECORDS: dict[str, TableSpec] = {kind: _record_table(kind) for kind in RECORD_TABLES}
#: Every table, in the order a report's rows are written.
TABLES: tuple[TableSpec, ...] = (REPORTS, *RECORDS.values(), ENTITIES)
VIEWS: tuple[ViewSpec, ...] = tuple(
    ViewSpec(f"{kind}_entities", kind, fields) for kind in RECORD_TABLES if (fields := _entity_fields(kind))
)


def view_sql(view: ViewSpec) -> str:
    """A record table with its report's file and event, and each EntityRef's entity row."""
    selected = ['t.*', 'r."file_name"', 'r."title" AS "event_title"', 'r."city" AS "event_city"',
                'r."country" AS "event_country"', 'r."start_date" AS "event_start_date"']
    joins = [f'JOIN "{REPORTS_TABLE}" r ON r."report_id" = t."report_id"']
    for i, field in enumerate(view.entity_fields):
        alias = f"e{i}"
        selected += [f'{alias}."kind" AS "{field}_kind"', f'{alias}."country" AS "{field}_country"',
                     f'{alias}."aliases" AS "{field}_aliases"']
        joins.append(f'LEFT JOIN "{ENTITIES_TABLE}" {alias} ON {alias}."id" = t."{field}_id"')
    return f'CREATE VIEW "{view.name}" AS SELECT {", ".join(selected)} FROM "{view.table}" t {" ".join(joins)}'
