"""PostgreSQL for shared use: `postgresql://user:password@host:port/dbname`.

A batch goes in with one `COPY ... FROM STDIN` (psycopg 3) of the report documents
into a temporary table, and one set-based `INSERT ... SELECT` per table flattens them
on the server with the jsonb functions (paths and types from `schema.py`), so rows
never pass through Python one by one and never as row-by-row INSERTs.
"""

from __future__ import annotations

import psycopg
import pyarrow as pa

from .flatten import ReportDocument
from .schema import ENTITIES, RECORDS, REPORTS, Column, ColumnType, TableSpec
from .sinks import DatabaseError, DatabaseSink, display_url, one_line, quote, quoted_names, register, rows_to_arrow

STAGING = "incoming_reports"
SQL_TYPES = {
    ColumnType.TEXT: "text",
    ColumnType.BIGINT: "bigint",
    ColumnType.DOUBLE: "double precision",
    ColumnType.BOOLEAN: "boolean",
    ColumnType.JSON: "jsonb",
    ColumnType.TEXT_LIST: "text[]",
    ColumnType.BIGINT_LIST: "bigint[]",
    ColumnType.DOUBLE_LIST: "double precision[]",
    ColumnType.TIMESTAMP: "timestamptz",
}
_ARRAY_ITEM = {ColumnType.TEXT_LIST: "text", ColumnType.BIGINT_LIST: "bigint", ColumnType.DOUBLE_LIST: "double precision"}
_SCALAR = {ColumnType.BIGINT: "bigint", ColumnType.DOUBLE: "double precision", ColumnType.BOOLEAN: "boolean"}


def json_value(source: str, column: Column) -> str:
    """SQL reading a column's value from a jsonb expression along the column's path."""
    path = "'{" + ",".join(column.path) + "}'"
    node, text = f"({source} #> {path})", f"({source} #>> {path})"
    if column.type is ColumnType.JSON:
        return f"nullif({node}, 'null'::jsonb)"
    if column.type in _ARRAY_ITEM:
        return (f"CASE WHEN jsonb_typeof({node}) = 'array' THEN ARRAY(SELECT x.v::{_ARRAY_ITEM[column.type]} "
                f"FROM jsonb_array_elements_text({node}) WITH ORDINALITY AS x(v, n) ORDER BY x.n) END")
    if column.type in _SCALAR:
        return f"{text}::{_SCALAR[column.type]}"
    return text


def _reports_sql() -> str:
    # The document without its record lists, computed once per report: every column
    # read from the whole (large, compressed) document would decompress it again.
    special = {"record_digest": "i.record_digest", "loaded_at": "i.loaded_at"}
    values = [special.get(c.name) or json_value("i.head", c) for c in REPORTS.columns]
    lists = "{" + ",".join((*RECORDS, ENTITIES.name)) + "}"
    return (f"WITH heads AS MATERIALIZED (SELECT record_digest, loaded_at, doc - '{lists}'::text[] AS head FROM {STAGING}) "
            f"INSERT INTO {quote(REPORTS.name)} ({quoted_names(REPORTS)}) SELECT {', '.join(values)} FROM heads i")


def _recordset(table: TableSpec, source: str) -> tuple[str, dict[str, str]]:
    """`ROWS FROM (jsonb_to_recordset(...))` over a list of records, and each column's value.

    jsonb_to_recordset converts every record's top-level fields (arrays included) in one
    pass in C, much faster than reading each column along its path from the element.
    """
    fields: dict[str, str] = {}
    values: dict[str, str] = {}
    for column in table.columns:
        if not column.path:
            continue
        top = column.path[0]
        if len(column.path) == 1:
            fields[top] = SQL_TYPES[column.type]
            field = f"x.{quote(top)}"
            values[column.name] = f"nullif({field}, 'null'::jsonb)" if column.type is ColumnType.JSON else field
        else:
            fields[top] = "jsonb"
            values[column.name] = json_value(f"x.{quote(top)}", Column(column.name, column.type, column.path[1:]))
    definition = ", ".join(f"{quote(name)} {sql_type}" for name, sql_type in fields.items())
    return f"ROWS FROM (jsonb_to_recordset({source}) AS ({definition})) WITH ORDINALITY AS x", values


def _record_sql(table: TableSpec) -> str:
    rows, values = _recordset(table, f"i.doc -> '{table.name}'")
    values.update({"report_id": "i.report_id", "ordinal": "x.ordinality - 1"})
    return (f"INSERT INTO {quote(table.name)} ({quoted_names(table)}) SELECT {', '.join(values[n] for n in table.column_names)} "
            f"FROM {STAGING} i CROSS JOIN LATERAL {rows}")


def _entities_sql() -> str:
    """One row per entity id of the batch, upserted: each field's first non-null value in
    document order, list fields united (as `flatten.merge_entities` does for DuckDB)."""
    entities = quote(ENTITIES.name)
    rows, values = _recordset(ENTITIES, f"i.doc -> '{ENTITIES.name}'")
    mentions = ", ".join(f"{values[c.name]} AS {quote(c.name)}" for c in ENTITIES.columns)
    parts, picked, joins, updates = [], ["m.id"], [], []
    for i, column in enumerate(c for c in ENTITIES.columns if c.name != "id"):
        name, part = quote(column.name), f"p{i}"
        if column.type in _ARRAY_ITEM:
            parts.append(f"{part} AS (SELECT o.id, array_agg(DISTINCT a ORDER BY a) AS v FROM mentions o, unnest(o.{name}) AS a GROUP BY o.id)")
            picked.append(f"coalesce({part}.v, '{{}}')")
            updates.append(f"{name} = ARRAY(SELECT DISTINCT a FROM unnest({entities}.{name} || excluded.{name}) AS a ORDER BY a)")
        else:
            parts.append(f"{part} AS (SELECT DISTINCT ON (id) id, {name} AS v FROM mentions WHERE {name} IS NOT NULL ORDER BY id, position, n)")
            picked.append(f"{part}.v")
            updates.append(f"{name} = coalesce(excluded.{name}, {entities}.{name})")
        joins.append(f"LEFT JOIN {part} ON {part}.id = m.id")
    return (f"WITH mentions AS (SELECT {mentions}, i.position, x.ordinality AS n FROM {STAGING} i CROSS JOIN LATERAL {rows}), "
            f"ids AS (SELECT DISTINCT id FROM mentions), {', '.join(parts)} "
            f"INSERT INTO {entities} ({quoted_names(ENTITIES)}) SELECT {', '.join(picked)} FROM ids m {' '.join(joins)} "
            f"ON CONFLICT (id) DO UPDATE SET {', '.join(updates)}")


@register
class PostgresSink(DatabaseSink):
    schemes = ("postgresql", "postgres")
    sql_types = SQL_TYPES
    placeholder = "%s"
    driver_errors = (psycopg.Error,)

    @classmethod
    def connect(cls, url: str) -> "PostgresSink":
        try:
            # autocommit: every change happens inside an explicit `transaction()`.
            return cls(url, psycopg.connect(url, autocommit=True, connect_timeout=10))
        except (psycopg.Error, ValueError) as error:
            raise DatabaseError(f"{display_url(url)}: cannot connect: {one_line(error)}") from None

    def execute(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, list(params) or None)
            return cursor.fetchall() if cursor.description else []

    def transaction(self):
        return self.connection.transaction()

    def insert_documents(self, documents: list[ReportDocument], loaded_at) -> None:
        self.execute(f"CREATE TEMP TABLE {STAGING} (position bigint, report_id text, record_digest text, loaded_at timestamptz, doc jsonb) ON COMMIT DROP")
        # Uncompressed: each table's statement reads the documents again.
        self.execute(f"ALTER TABLE {STAGING} ALTER COLUMN doc SET STORAGE EXTERNAL")
        with self.connection.cursor() as cursor:
            with cursor.copy(f"COPY {STAGING} (position, report_id, record_digest, loaded_at, doc) FROM STDIN") as copy:
                for position, document in enumerate(documents):
                    copy.write_row((position, document.report_id, document.digest, loaded_at, document.text))
            cursor.execute(_reports_sql())
            for table in RECORDS.values():
                cursor.execute(_record_sql(table))
            cursor.execute(_entities_sql())

    def table_exists(self, name: str) -> bool:
        return self.execute("SELECT to_regclass(%s) IS NOT NULL", (quote(name),))[0][0]

    def read_arrow(self, table: TableSpec) -> pa.Table:
        names = quoted_names(table)
        return rows_to_arrow(table, self.execute(f"SELECT {names} FROM {quote(table.name)}"))

    def close(self) -> None:
        self.connection.close()

