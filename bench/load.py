"""Database loading benchmark: `load`'s bulk path against a row-by-row executemany loop.

Builds N synthetic reports (copies of the hand-kept fixture records with distinct
report ids and entity ids), loads them into DuckDB (a temporary file) and into a
throw-away PostgreSQL server (tests/postgres_server.py), each into an empty database,
and prints rows/s of
  - bulk: `ReportLoader`, `Settings.load_batch_reports` reports per transaction
    (DuckDB inserts Arrow tables; PostgreSQL COPYs the report documents and flattens
    them on the server);
  - baseline: the same flattened rows, one transaction per report, each table's rows
    sent with the driver's `executemany` of a plain INSERT (entities with ON CONFLICT);
    also, for reference, one `execute` per row. psycopg 3's `executemany` pipelines
    its INSERTs (no round trip per row) and prepares them, so it is the harder baseline;
  - PostgreSQL only, COPY alone: the same rows, dumped by the server beforehand, written
    into an empty database by COPY with no client work at all. What the server itself
    takes to store them bounds what any loader can reach against the baseline.
Both start from validated `MissionReport` objects (as `load` has after reading a file,
and `convert --db` after linking) and include flattening them; neither reads files.
Target: bulk >= 10 x baseline on each engine.

    python bench/load.py [--reports 1000] [--baseline-reports 200]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.database.flatten import flatten_report, merge_entities, report_document  # noqa: E402
from extractor.database.load import ReportLoader  # noqa: E402
from extractor.database.schema import ENTITIES, RECORDS, REPORTS  # noqa: E402
from extractor.database.sinks import open_sink, quote  # noqa: E402
from extractor.settings import DEFAULT_SETTINGS  # noqa: E402
from schemas.records import MissionReport  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402

EXPECTED = sorted((ROOT / "fixtures" / "expected").glob("*.json"))


def _with_ids(value, prefix: str):
    """Fixture records carry placeholder entity ids (''): give each name an id."""
    if isinstance(value, dict):
        value = {k: _with_ids(v, prefix) for k, v in value.items()}
        if value.get("id") == "" and "name" in value:
            value["id"] = prefix + value["name"]
        return value
    if isinstance(value, list):
        return [_with_ids(v, prefix) for v in value]
    return value


def synthetic_reports(n: int) -> list[MissionReport]:
    bases = [_with_ids(json.loads(p.read_text(encoding="utf-8")), "bench:") for p in EXPECTED]
    reports = []
    for i in range(n):
        report = dict(bases[i % len(bases)])
        report["report_id"] = f"sha256:{i:064x}"
        report["source"] = {**report["source"], "file_name": f"report_{i:04d}.pdf", "sha256": f"{i:064x}"}
        reports.append(MissionReport.model_validate(report))
    return reports


def bulk(url: str, reports: list[MissionReport]) -> tuple[int, float]:
    with open_sink(url) as sink:
        sink.prepare()
        start = time.perf_counter()
        with ReportLoader(sink, DEFAULT_SETTINGS.load_batch_reports) as loader:
            for i, report in enumerate(reports):
                loader.add(f"report_{i}", report)
        seconds = time.perf_counter() - start
        assert not loader.summary.failed, loader.summary.failed[:1]
        return loader.summary.rows, seconds


def baseline(url: str, reports: list[MissionReport], one_by_one: bool = False) -> tuple[int, float]:
    """Row-by-row INSERTs, one transaction per report: each table's rows through the
    driver's `executemany`, or (`one_by_one`) one `execute` per row."""
    with open_sink(url) as sink:
        sink.prepare()
        mark = sink.placeholder
        tables = [REPORTS, *RECORDS.values()]
        inserts = {t.name: f"INSERT INTO {quote(t.name)} ({', '.join(quote(n) for n in t.column_names)}) VALUES ({', '.join([mark] * len(t.columns))})"
                   for t in tables}
        upsert = (f"INSERT INTO {quote(ENTITIES.name)} ({', '.join(quote(n) for n in ENTITIES.column_names)}) "
                  f"VALUES ({', '.join([mark] * len(ENTITIES.columns))}) ON CONFLICT (id) DO NOTHING")
        cursor = sink.connection.cursor()
        send = _one_by_one if one_by_one else _executemany
        rows = 0
        start = time.perf_counter()
        for report in reports:
            document = report_document(report)
            flat = flatten_report(document, datetime.now(timezone.utc))
            with sink.transaction():
                for table in tables:
                    columns = flat[table.name]
                    values = list(zip(*(columns[n] for n in table.column_names)))
                    send(cursor, inserts[table.name], values)
                    rows += len(values)
                entities = [tuple(e.get(n) for n in ENTITIES.column_names) for e in merge_entities(document.data["entities"])]
                send(cursor, upsert, entities)
                rows += len(entities)
        return rows, time.perf_counter() - start


def copy_alone(source_url: str, target_url: str) -> tuple[int, float]:
    """The server's own share of a bulk load, a ceiling for any loader: the rows `bulk`
    wrote, dumped by the server as COPY text beforehand, written into an empty database
    by COPY alone in one transaction (no client work: no serialising, no flattening)."""
    import psycopg

    tables = [REPORTS, *RECORDS.values(), ENTITIES]
    dumps: dict[str, tuple[str, bytes]] = {}
    with psycopg.connect(source_url) as source, source.cursor() as cursor:
        for table in tables:
            names = ", ".join(quote(n) for n in table.column_names)
            data = bytearray()
            with cursor.copy(f"COPY {quote(table.name)} ({names}) TO STDOUT") as copy:
                for chunk in copy:
                    data += chunk
            dumps[table.name] = (names, bytes(data))
    rows = sum(data.count(b"\n") for _, data in dumps.values())
    with open_sink(target_url) as sink:
        sink.prepare()
        connection = sink.connection
        start = time.perf_counter()
        with connection.transaction(), connection.cursor() as cursor:
            for name, (names, data) in dumps.items():
                with cursor.copy(f"COPY {quote(name)} ({names}) FROM STDIN") as copy:
                    copy.write(data)
        return rows, time.perf_counter() - start


def _executemany(cursor, sql: str, values: list[tuple]) -> None:
    if values:
        cursor.executemany(sql, values)


def _one_by_one(cursor, sql: str, values: list[tuple]) -> None:
    for row in values:
        cursor.execute(sql, row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--baseline-reports", type=int, default=200, help="reports for the slow baseline (a rate is compared)")
    args = parser.parse_args()
    reports = synthetic_reports(args.reports)
    print(f"{args.reports} synthetic reports from {len(EXPECTED)} fixture records; baseline on the first {args.baseline_reports}")
    server = PostgresServer().start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            import psycopg

            def postgres_url() -> str:
                name = f"bench_{uuid.uuid4().hex[:10]}"
                with psycopg.connect(server.url(), autocommit=True) as admin:
                    admin.execute(f'CREATE DATABASE "{name}"')
                return server.url(name)

            engines = {
                "duckdb": lambda tag: f"duckdb://{folder}/{tag}.duckdb",
                "postgresql": lambda tag: postgres_url(),
            }
            for engine, make_url in engines.items():
                bulk_url = make_url("bulk")
                fast_rows, fast_seconds = bulk(bulk_url, reports)
                fast = fast_rows / fast_seconds
                print(f"{engine:10s} bulk load     {fast_rows:7d} rows in {fast_seconds:7.2f} s = {fast:9.0f} rows/s")
                executemany = 0.0
                for label, one_by_one in (("executemany", False), ("execute/row", True)):
                    slow_rows, slow_seconds = baseline(make_url(f"baseline_{int(one_by_one)}"), reports[: args.baseline_reports], one_by_one)
                    slow = slow_rows / slow_seconds
                    executemany = executemany or slow
                    verdict = "ok" if fast >= 10 * slow else "BELOW TARGET"
                    target = " (target >= 10x)" if not one_by_one else ""
                    print(f"{engine:10s} {label:13s} {slow_rows:7d} rows in {slow_seconds:7.2f} s = {slow:9.0f} rows/s"
                          f" -> bulk is {fast / slow:5.1f}x{target} {verdict if not one_by_one else ''}")
                if engine == "postgresql":
                    stored, floor_seconds = copy_alone(bulk_url, make_url("copy_alone"))
                    # the same load as bulk's (its rows count every entity mention; the
                    # database keeps one row per entity), done in the server's time alone
                    ceiling = fast_rows / floor_seconds
                    print(f"{engine:10s} COPY alone    {stored:7d} rows stored in {floor_seconds:7.2f} s: the load above at"
                          f" {ceiling:9.0f} rows/s -> no loader can beat {ceiling / executemany:5.1f}x the executemany loop on this server")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
