"""What sinks are handed: report documents, and their rows as Arrow tables.

A `ReportDocument` is one report as compact JSON with its digest; a sink writes a
list of them in one transaction, flattening them its own way: DuckDB through the
Arrow tables `make_batch` builds here (typed by `schema.py`), PostgreSQL on the
server from the JSON itself. Entities are merged within a batch (one row per id,
aliases united) because an upsert may not touch the same row twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime, timezone
from typing import Any, Iterable

import pyarrow as pa

from schemas.records import RECORD_KINDS, MissionReport

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
class ReportDocument:
    """One report as compact JSON; equal digests mean loading it again changes nothing."""

    report_id: str
    digest: str
    text: str
    #: Rows it becomes: its reports row, its records and its entities.
    rows: int

    @cached_property
    def data(self) -> dict[str, Any]:
        return json.loads(self.text)


def report_document(report: MissionReport) -> ReportDocument:
    text = report.model_dump_json()
    rows = 1 + sum(len(getattr(report, kind)) for kind in RECORD_KINDS)
    return ReportDocument(report.report_id, hashlib.sha256(text.encode()).hexdigest(), text, rows)


def flatten_report(document: ReportDocument, loaded_at: datetime) -> dict[str, dict[str, list]]:
    """table -> column -> values for one report (entities excepted: they are merged per batch)."""
    data = document.data
    columns: dict[str, dict[str, list]] = {}
    report_row = {c.name: [_value(data, c)] for c in REPORTS.columns if c.path}
    report_row["record_digest"] = [document.digest]
    report_row["loaded_at"] = [loaded_at]
    columns[REPORTS.name] = report_row
    for kind, table in RECORDS.items():
        records = data.get(kind) or []
        table_columns: dict[str, list] = {"report_id": [data["report_id"]] * len(records), "ordinal": list(range(len(records)))}
        for column in table.columns:
            if column.path:
                table_columns[column.name] = [_value(record, column) for record in records]
        columns[kind] = table_columns
    return columns


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


def make_batch(documents: list[ReportDocument], loaded_at: datetime | None = None) -> RowBatch:
    loaded_at = loaded_at or datetime.now(timezone.utc)
    flat = [flatten_report(d, loaded_at) for d in documents]
    batch = RowBatch([d.report_id for d in documents])
    for table in TABLES:
        if table is ENTITIES:
            entities = merge_entities(e for d in documents for e in d.data.get("entities") or [])
            values = {c.name: [_value(e, c) for e in entities] for c in table.columns}
        else:
            values = {c.name: [v for f in flat for v in f[table.name][c.name]] for c in table.columns}
        batch.tables[table.name] = pa.Table.from_pydict(values, schema=arrow_schema(table))
    return batch
