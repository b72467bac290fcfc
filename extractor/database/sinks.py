"""The database-sink interface and the one registry of sinks, keyed by URL scheme.

A sink owns one connection. `prepare()` creates the schema or checks the version of
an existing one; `replace(documents)` writes reports in one transaction, after
deleting whatever those reports had before, so a report is either fully replaced or
left as it was. SQL shared by every engine lives here; each engine says how it names
column types and how it bulk-inserts a batch of report documents.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, ClassVar
from urllib.parse import urlsplit, urlunsplit

import pyarrow as pa
import pyarrow.parquet as pq

from .flatten import ReportDocument, arrow_schema
from .schema import (
    DB_SCHEMA_VERSION, RECORDS, REPORTS, SCHEMA_INFO_TABLE, TABLES, VIEWS, ColumnType, TableSpec, view_sql,
)


class DatabaseError(Exception):
    """A database could not be used; the message is one line for the user."""


class SchemaVersionError(DatabaseError):
    """The database was made by another version of the schema and cannot be migrated."""


#: How to bring a database from version N to N+1, one function per step (none yet:
#: version 1 is the first). A version with no path forward is refused, never half-migrated.
MIGRATIONS: dict[int, Callable[["DatabaseSink"], None]] = {}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:300] or type(error).__name__


def display_url(url: str) -> str:
    """The URL as it may be printed: a password never reaches a message."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)))


def quoted_names(table: TableSpec) -> str:
    return ", ".join(quote(n) for n in table.column_names)


class DatabaseSink(ABC):
    #: URL schemes this sink answers to.
    schemes: ClassVar[tuple[str, ...]]
    #: SQL type of each column type.
    sql_types: ClassVar[dict[ColumnType, str]]
    #: Parameter marker of the driver.
    placeholder: ClassVar[str] = "?"
    #: The driver's own exception classes, turned into one-line `DatabaseError`s.
    driver_errors: ClassVar[tuple[type[Exception], ...]] = ()

    def __init__(self, url: str, connection: Any):
        self.url = display_url(url)  # what messages show: never a password
        self.connection = connection

    # --- engine specifics ------------------------------------------------------
    @classmethod
    @abstractmethod
    def connect(cls, url: str) -> "DatabaseSink":
        """Open the database the URL names; DatabaseError (one line) when it cannot."""

    @abstractmethod
    def execute(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        """Run one statement; return its rows (empty when it returns none)."""

    @abstractmethod
    def transaction(self):
        """A context manager: commit on success, roll back on any exception."""

    @abstractmethod
    def insert_documents(self, documents: list[ReportDocument], loaded_at: datetime) -> None:
        """Bulk-insert the reports' rows through the engine's native path (inside `replace`'s
        transaction, their old rows already deleted); entities are upserted, an existing id
        gaining the new aliases."""

    @abstractmethod
    def table_exists(self, name: str) -> bool: ...

    @abstractmethod
    def read_arrow(self, table: TableSpec) -> pa.Table: ...

    @abstractmethod
    def close(self) -> None: ...

    # --- shared ------------------------------------------------------------------
    def __enter__(self) -> "DatabaseSink":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def create_table_sql(self, table: TableSpec) -> str:
        columns = [f"{quote(c.name)} {self.sql_types[c.type]}{'' if c.nullable else ' NOT NULL'}" for c in table.columns]
        if table.primary_key:
            columns.append(f"PRIMARY KEY ({', '.join(quote(k) for k in table.primary_key)})")
        return f"CREATE TABLE {quote(table.name)} ({', '.join(columns)})"

    def schema_version(self) -> int | None:
        if not self.table_exists(SCHEMA_INFO_TABLE):
            return None
        rows = self.execute(f"SELECT value FROM {quote(SCHEMA_INFO_TABLE)} WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else None

    def prepare(self) -> None:
        """Create the schema in an empty database, or check (and migrate) an existing one."""
        try:
            self._prepare()
        except self.driver_errors as error:
            raise DatabaseError(f"{self.url}: cannot create or check the schema: {one_line(error)}") from None

    def _prepare(self) -> None:
        found = self.schema_version()
        if found is None:
            if self.table_exists(REPORTS.name):
                raise SchemaVersionError(f"{self.url}: has a '{REPORTS.name}' table but no schema version: not a database made by mission-extract; use a new database")
            with self.transaction():
                self.execute(f"CREATE TABLE {quote(SCHEMA_INFO_TABLE)} (key {self.sql_types[ColumnType.TEXT]} PRIMARY KEY, value {self.sql_types[ColumnType.TEXT]})")
                self.execute(f"INSERT INTO {quote(SCHEMA_INFO_TABLE)} VALUES ('schema_version', {self.placeholder})", (str(DB_SCHEMA_VERSION),))
                # The primary key (report_id, ordinal) of each record table also serves the
                # deletes by report_id: no second index to maintain on every insert.
                for table in TABLES:
                    self.execute(self.create_table_sql(table))
                for view in VIEWS:
                    self.execute(view_sql(view))
            return
        if found > DB_SCHEMA_VERSION:
            raise SchemaVersionError(f"{self.url}: database schema version {found} is newer than this mission-extract's ({DB_SCHEMA_VERSION}); upgrade mission-extract")
        if found < DB_SCHEMA_VERSION:
            if any(step not in MIGRATIONS for step in range(found, DB_SCHEMA_VERSION)):
                raise SchemaVersionError(f"{self.url}: database schema version {found} is older than {DB_SCHEMA_VERSION} and cannot be migrated; load into a new database")
            with self.transaction():
                for step in range(found, DB_SCHEMA_VERSION):
                    MIGRATIONS[step](self)
                self.execute(f"UPDATE {quote(SCHEMA_INFO_TABLE)} SET value = {self.placeholder} WHERE key = 'schema_version'", (str(DB_SCHEMA_VERSION),))

    def loaded_digests(self, report_ids: list[str]) -> dict[str, str]:
        """record_digest of each of these reports already in the database."""
        if not report_ids:
            return {}
        marks = ", ".join([self.placeholder] * len(report_ids))
        rows = self.execute(f"SELECT report_id, record_digest FROM {quote(REPORTS.name)} WHERE report_id IN ({marks})", report_ids)
        return dict(rows)

    def replace(self, documents: list[ReportDocument]) -> None:
        """Write these reports in one transaction, replacing their previous rows."""
        with self.transaction():
            present = list(self.loaded_digests([d.report_id for d in documents]))
            if present:
                marks = ", ".join([self.placeholder] * len(present))
                for table in (*RECORDS.values(), REPORTS):
                    self.execute(f"DELETE FROM {quote(table.name)} WHERE report_id IN ({marks})", present)
            self.insert_documents(documents, datetime.now(timezone.utc))

    def counts(self) -> dict[str, int]:
        return {table.name: self.execute(f"SELECT count(*) FROM {quote(table.name)}")[0][0] for table in TABLES}

    def export_parquet(self, folder: Path) -> list[Path]:
        """One Parquet file per table, written under a temporary name and renamed."""
        written = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for table in TABLES:
                target = folder / f"{table.name}.parquet"
                temporary = folder / f".{table.name}.parquet.tmp"
                pq.write_table(self.read_arrow(table), temporary)
                temporary.replace(target)
                written.append(target)
        except (OSError, *self.driver_errors) as error:
            raise DatabaseError(f"{folder}: Parquet export failed: {one_line(error)}") from None
        return written


def rows_to_arrow(table: TableSpec, rows: list[tuple]) -> pa.Table:
    """Rows fetched from a driver as an Arrow table of the table's schema (JSON as text)."""
    columns: dict[str, list[Any]] = {c.name: [] for c in table.columns}
    json_columns = {c.name for c in table.columns if c.type is ColumnType.JSON}
    names = table.column_names
    for row in rows:
        for name, value in zip(names, row):
            if name in json_columns and value is not None and not isinstance(value, str):
                value = json.dumps(value, ensure_ascii=False, sort_keys=True)
            columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=arrow_schema(table))


#: The one registry of sinks: URL scheme -> sink class (filled by the engine modules).
SINKS: dict[str, type[DatabaseSink]] = {}


def register(sink: type[DatabaseSink]) -> type[DatabaseSink]:
    for scheme in sink.schemes:
        SINKS[scheme] = sink
    return sink


def open_sink(url: str) -> DatabaseSink:
    """Connect to the database a URL names; DatabaseError (one line) when it cannot."""
    from . import duckdb_sink, postgres_sink  # noqa: F401  (they register themselves)

    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    sink = SINKS.get(scheme)
    if sink is None:
        known = ", ".join(f"{s}://" for s in sorted(SINKS))
        raise DatabaseError(f"{display_url(url)}: not a database URL (expected one of {known})")
    return sink.connect(url)
