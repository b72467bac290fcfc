"""DuckDB, the embedded default: `duckdb:///path/to/file.duckdb`.

Arrow tables are registered with the connection and inserted with one
`INSERT ... SELECT` each, so rows never pass through Python one by one.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from .flatten import ReportDocument, arrow_schema, make_batch
from .schema import ENTITIES, TABLES, ColumnType, TableSpec
from .sinks import DatabaseError, DatabaseSink, one_line, quote, quoted_names, register


def duckdb_path(url: str) -> Path:
    parts = urlsplit(url)
    path = parts.netloc + parts.path
    if not path or path.endswith("/"):
        raise DatabaseError(f"{url}: a DuckDB URL names a file: duckdb:///path/to/file.duckdb")
    return Path(path)


@register
class DuckDBSink(DatabaseSink):
    schemes = ("duckdb",)
    sql_types = {
        ColumnType.TEXT: "VARCHAR",
        ColumnType.BIGINT: "BIGINT",
        ColumnType.DOUBLE: "DOUBLE",
        ColumnType.BOOLEAN: "BOOLEAN",
        ColumnType.JSON: "JSON",
        ColumnType.TEXT_LIST: "VARCHAR[]",
        ColumnType.BIGINT_LIST: "BIGINT[]",
        ColumnType.DOUBLE_LIST: "DOUBLE[]",
        ColumnType.TIMESTAMP: "TIMESTAMPTZ",
    }
    placeholder = "?"
    driver_errors = (duckdb.Error,)

    @classmethod
    def connect(cls, url: str) -> "DuckDBSink":
        path = duckdb_path(url)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(url, duckdb.connect(str(path)))
        except (OSError, duckdb.Error) as error:
            raise DatabaseError(f"{url}: cannot open: {one_line(error)}") from None

    def execute(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        result = self.connection.execute(sql, list(params))
        return result.fetchall() if result.description else []

    @contextlib.contextmanager
    def transaction(self):
        self.connection.begin()
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def insert_documents(self, documents: list[ReportDocument], loaded_at: datetime) -> None:
        batch = make_batch(documents, loaded_at)
        for table in TABLES:
            data = batch.tables[table.name]
            if table is ENTITIES:
                self.upsert_entities(data)
            elif data.num_rows:
                self.insert_arrow(table, data)

    def insert_arrow(self, table: TableSpec, data: pa.Table) -> None:
        self.connection.register("incoming", data)
        try:
            names = quoted_names(table)
            self.connection.execute(f"INSERT INTO {quote(table.name)} ({names}) SELECT {names} FROM incoming")
        finally:
            self._unregister()

    def upsert_entities(self, data: pa.Table) -> None:
        if not data.num_rows:
            return
        self.connection.register("incoming", data)
        try:
            names = quoted_names(ENTITIES)
            self.connection.execute(
                f"INSERT INTO {quote(ENTITIES.name)} ({names}) SELECT {names} FROM incoming "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
                f"country = coalesce(excluded.country, {quote(ENTITIES.name)}.country), "
                f"aliases = list_sort(list_distinct(list_concat({quote(ENTITIES.name)}.aliases, excluded.aliases)))"
            )
        finally:
            self._unregister()

    def _unregister(self) -> None:
        # After a failed statement the transaction is aborted and unregistering fails
        # too; the original error must surface, and the next register replaces the view.
        with contextlib.suppress(duckdb.Error):
            self.connection.unregister("incoming")

    def table_exists(self, name: str) -> bool:
        rows = self.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", (name,))
        return rows[0][0] > 0

    def read_arrow(self, table: TableSpec) -> pa.Table:
        names = quoted_names(table)
        relation = self.connection.sql(f"SELECT {names} FROM {quote(table.name)}")
        # DuckDB 1.x names it fetch_arrow_table, 2.x to_arrow_table.
        fetched = (getattr(relation, "to_arrow_table", None) or relation.fetch_arrow_table)()
        # JSON columns come back as DuckDB's JSON extension type: plain text for Parquet.
        return fetched.cast(arrow_schema(table))

    def close(self) -> None:
        self.connection.close()
