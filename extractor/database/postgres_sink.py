"""PostgreSQL for shared use: `postgresql://user:password@host:port/dbname`.

Rows go in with `COPY ... FROM STDIN` (psycopg 3), one COPY per table and batch,
never row-by-row INSERTs.
"""

from __future__ import annotations

import pyarrow as pa
import psycopg

from .schema import ENTITIES, ColumnType, TableSpec
from .sinks import DatabaseError, DatabaseSink, quote, register, rows_to_arrow


@register
class PostgresSink(DatabaseSink):
    schemes = ("postgresql", "postgres")
    sql_types = {
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
    placeholder = "%s"

    def __init__(self, url: str, connection: psycopg.Connection):
        super().__init__(url)
        self.connection = connection

    @classmethod
    def connect(cls, url: str) -> "PostgresSink":
        try:
            # autocommit: every change happens inside an explicit `transaction()`.
            return cls(url, psycopg.connect(url, autocommit=True, connect_timeout=10))
        except (psycopg.Error, ValueError) as error:
            cause = " ".join(str(error).split()) or type(error).__name__
            raise DatabaseError(f"{_without_password(url)}: cannot connect: {cause[:300]}") from None

    def execute(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, list(params) or None)
            return cursor.fetchall() if cursor.description else []

    def transaction(self):
        return self.connection.transaction()

    def _copy(self, target: str, names: list[str], data: pa.Table) -> None:
        columns = ", ".join(quote(n) for n in names)
        values = [data.column(n).to_pylist() for n in names]
        with self.connection.cursor() as cursor:
            with cursor.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
                for row in zip(*values):
                    copy.write_row(row)

    def insert_arrow(self, table: TableSpec, data: pa.Table) -> None:
        self._copy(quote(table.name), table.column_names, data)

    def upsert_entities(self, data: pa.Table) -> None:
        if not data.num_rows:
            return
        entities = quote(ENTITIES.name)
        names = ", ".join(quote(n) for n in ENTITIES.column_names)
        self.execute(f"CREATE TEMP TABLE incoming_entities (LIKE {entities}) ON COMMIT DROP")
        self._copy("incoming_entities", ENTITIES.column_names, data)
        self.execute(
            f"INSERT INTO {entities} ({names}) SELECT {names} FROM incoming_entities "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
            f"country = coalesce(excluded.country, {entities}.country), "
            f"aliases = ARRAY(SELECT DISTINCT a FROM unnest({entities}.aliases || excluded.aliases) AS a ORDER BY a)"
        )

    def table_exists(self, name: str) -> bool:
        return self.execute("SELECT to_regclass(%s) IS NOT NULL", (quote(name),))[0][0]

    def read_arrow(self, table: TableSpec) -> pa.Table:
        names = ", ".join(quote(n) for n in table.column_names)
        return rows_to_arrow(table, self.execute(f"SELECT {names} FROM {quote(table.name)}"))

    def close(self) -> None:
        self.connection.close()


def _without_password(url: str) -> str:
    """The URL as it may be printed: a password never reaches a log line."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))
