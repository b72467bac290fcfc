"""Turn reports into one Arrow table per database table, typed by `schema.py`.

A `RowBatch` holds the rows of one or more reports; sinks write it in one
transaction. Entities are merged within the batch (one row per id, aliases united)
because an upsert may not touch the same row twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable

import pyarrow as pa

from schemas.records import MissionReport

from .schema import ENTITIES, RECORDS, REPORTS, TABLES, Column, ColumnType, TableSpec

ARROW_TYPES: dict[ColumnType, pa.DataType] = {
    ColumnType.TEXT: pa.string(),
    ColumnType.BIGINT: pa.int64(),
    ColumnType.DOUBLE: pa.float64(),
    ColumnType.BOOLEAN: pa.bool_(),
    ColumnType.JSON: pa.string(),
    ColumnType.TEXT_LIST: pa.list_(pa.string()),
    ColumnType.BIGINT_LIST: pa.list_(pa.int64()),
    ColumnType.DOUBLE_LIST: pa.list_(pa.float64()),
    ColumnType.TIMESTAMP: pa.timestamp("us", tz="UTC"),
}


def arrow_schema(table: TableSpec) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.type], nullable=c.nullable) for c in table.columns])


def _value(record: dict[str, Any], column: Column) -> Any:
    value: Any = record
    for key in column.path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    if column.type is ColumnType.JSON and value is not None:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


@dataclass
class ReportRows:
    """One report's rows, as plain column lists (cheap to concatenate into a batch)."""

    report_id: str
    digest: str
    columns: dict[str, dict[str, list]]  # table -> column -> values
    entities: list[dict[str, Any]]

    def row_count(self) -> int:
        return sum(len(next(iter(cols.values()), [])) for cols in self.columns.values()) + len(self.entities)


def record_digest(data: dict[str, Any]) -> str:
    """A digest of the report's records: equal digests mean loading again changes nothing."""
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def flatten_report(report: MissionReport | dict[str, Any], loaded_at: datetime | None = None) -> ReportRows:
    data = report.model_dump(mode="json") if isinstance(report, MissionReport) else report
    digest = record_digest(data)
    columns: dict[str, dict[str, list]] = {}
    report_row = {c.name: [_value(data, c)] for c in REPORTS.columns if c.path}
    report_row["record_digest"] = [digest]
    report_row["loaded_at"] = [loaded_at or datetime.now(timezone.utc)]
    columns[REPORTS.name] = report_row
    for kind, table in RECORDS.items():
        records = data.get(kind) or []
        table_columns: dict[str, list] = {"report_id": [data["report_id"]] * len(records), "ordinal": list(range(len(records)))}
        for column in table.columns:
            if column.path:
                table_columns[column.name] = [_value(record, column) for record in records]
        columns[kind] = table_columns
    return ReportRows(data["report_id"], digest, columns, list(data.get("entities") or []))


@dataclass
class RowBatch:
    """The rows of several reports, one Arrow table per database table."""

    report_ids: list[str]
    tables: dict[str, pa.Table] = field(default_factory=dict)

    def row_count(self) -> int:
        return sum(table.num_rows for table in self.tables.values())


def merge_entities(entities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for entity in entities:
        known = merged.get(entity["id"])
        if known is None:
            merged[entity["id"]] = {**entity, "aliases": sorted(set(entity.get("aliases") or []))}
        else:
            known["aliases"] = sorted(set(known["aliases"]) | set(entity.get("aliases") or []))
            known["country"] = known.get("country") or entity.get("country")
    return list(merged.values())


def make_batch(reports: list[ReportRows]) -> RowBatch:
    batch = RowBatch([r.report_id for r in reports])
    for table in TABLES:
        if table is ENTITIES:
            entities = merge_entities(e for r in reports for e in r.entities)
            values = {c.name: [_value(e, c) for e in entities] for c in table.columns}
        else:
            values = {c.name: [v for r in reports for v in r.columns[table.name][c.name]] for c in table.columns}
        batch.tables[table.name] = pa.Table.from_pydict(values, schema=arrow_schema(table))
    return batch
