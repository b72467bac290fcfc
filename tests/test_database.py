"""Loading records into real engines: DuckDB in-process and a PostgreSQL server started by the session."""

from __future__ import annotations

import json
import re
import typing
import uuid
from collections import Counter
from pathlib import Path

import psycopg
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.database import schema
from extractor.database.flatten import ReportDocument, report_document
from extractor.database.load import ReportLoader
from extractor.database.sinks import SchemaVersionError, open_sink
from extractor.entities.link import link_report
from extractor.entities.registry import EntityRegistry
from extractor.writer import report_json
from schemas.records import EntityRef, MissionReport

from .conftest import ROOT, extracted

README = ROOT / "README.md"


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory) -> list[MissionReport]:
    """Two fixture reports linked through one registry, as `convert` does: shared entity ids."""
    registry = EntityRegistry.load(tmp_path_factory.mktemp("registry") / "entities.json")
    return [link_report(extracted(name), registry) for name in ("eu_mexico_2016.pdf", "eu_mexico_2016_writer.pdf")]


@pytest.fixture(params=["duckdb", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "duckdb":
        return f"duckdb://{tmp_path / 'test.duckdb'}"
    server = request.getfixturevalue("postgres_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return server.url(name)


def load(url: str, reports: list[MissionReport], batch_reports: int = 100):
    with open_sink(url) as sink:
        sink.prepare()
        with ReportLoader(sink, batch_reports) as loader:
            for report in reports:
                loader.add(report.source.file_name, report)
        return loader.summary


def query(url: str, sql: str, params=()) -> list[tuple]:
    with open_sink(url) as sink:
        return sink.execute(sql, params)


def readme_sql() -> list[str]:
    section = README.read_text(encoding="utf-8").split("**Three questions in SQL**", 1)[1]
    return re.findall(r"```sql\n(.*?)```", section, re.S)[:3]


# --- schema ------------------------------------------------------------------------

def test_tables_are_derived_from_the_record_models():
    for kind, table in schema.RECORDS.items():
        model = typing.get_args(MissionReport.model_fields[kind].annotation)[0]
        names = set(table.column_names)
        for field, info in model.model_fields.items():
            inner = typing.get_args(info.annotation) or (info.annotation,)
            if EntityRef in inner:
                assert {f"{field}_id", f"{field}_name", f"{field}_raw", f"{field}_score"} <= names
            elif field == "provenance":
                assert {"page", "row", "provenance"} <= names
            else:
                assert field in names, (kind, field)
    agreements = {c.name: c.type for c in schema.RECORDS["cooperation_agreements"].columns}
    assert agreements["cooperation_types"] is schema.ColumnType.TEXT_LIST
    assert agreements["smes_benefited"] is schema.ColumnType.BIGINT


# --- both engines ----------------------------------------------------------------------

def test_counts_sums_and_arrays_match_the_reports(database_url, two_reports):
    summary = load(database_url, two_reports)
    assert len(summary.loaded) == 2 and not summary.failed
    for report in two_reports:
        for kind in schema.RECORD_TABLES:
            rows = query(database_url, f'SELECT count(*) FROM "{kind}" WHERE report_id = %s'.replace("%s", _mark(database_url)), (report.report_id,))
            assert rows[0][0] == len(getattr(report, kind)), kind
        total = query(database_url, f"SELECT sum(smes_benefited), sum(future_smes_direct) FROM cooperation_agreements WHERE report_id = {_mark(database_url)}", (report.report_id,))[0]
        assert total == (sum(a.smes_benefited or 0 for a in report.cooperation_agreements),
                         sum(a.future_smes_direct or 0 for a in report.cooperation_agreements))
        stored = query(database_url, f"SELECT cooperation_types, page, row, partner_id FROM cooperation_agreements WHERE report_id = {_mark(database_url)} ORDER BY ordinal", (report.report_id,))
        assert stored == [(list(a.cooperation_types), a.provenance.page, a.provenance.row, a.partner.id if a.partner else None)
                          for a in report.cooperation_agreements]
    entity_ids = {e.id for r in two_reports for e in r.entities}
    assert query(database_url, "SELECT count(*) FROM entities")[0][0] == len(entity_ids)


def test_readme_questions_join_entities_across_reports(database_url, two_reports):
    load(database_url, two_reports)
    per_country, multi_mission, disagreeing = (query(database_url, sql) for sql in readme_sql())

    countries = {e.id: e.country for r in two_reports for e in r.entities}
    expected = Counter()
    for report in two_reports:
        for agreement in report.cooperation_agreements:
            country = countries.get(agreement.partner.id) if agreement.partner else None
            if country is None and (agreement.partner_type or "").startswith("non_eu"):
                country = report.event.country
            expected[country] += 1
    assert {row[0]: row[1] for row in per_country} == dict(expected)

    in_each = [{m.cluster.id for m in r.delegation} for r in two_reports]
    assert {row[0] for row in multi_mission} == in_each[0] & in_each[1]
    assert multi_mission and all(row[2] == 2 for row in multi_mission)

    expected_findings = sorted((r.source.file_name, f.message) for r in two_reports for f in r.findings
                               if f.code == "sum_check" and f.severity != "info")
    assert expected_findings and sorted((row[0], row[1]) for row in disagreeing) == expected_findings


def test_loading_twice_changes_nothing_and_a_changed_report_replaces_its_rows(database_url, two_reports):
    load(database_url, two_reports)
    before = {table: query(database_url, f'SELECT * FROM "{table}" ORDER BY 1, 2') for table in ("reports", "cooperation_agreements", "entities")}
    again = load(database_url, two_reports)
    assert again.unchanged == [r.source.file_name for r in two_reports] and not again.loaded
    assert {table: query(database_url, f'SELECT * FROM "{table}" ORDER BY 1, 2') for table in before} == before

    first = two_reports[0]
    shorter = first.model_copy(update={"cooperation_agreements": first.cooperation_agreements[:-1]})
    assert load(database_url, [shorter]).loaded == [first.source.file_name]
    counts = dict(query(database_url, "SELECT report_id, count(*) FROM cooperation_agreements GROUP BY report_id"))
    assert counts == {first.report_id: len(first.cooperation_agreements) - 1,
                      two_reports[1].report_id: len(two_reports[1].cooperation_agreements)}


def test_a_failure_mid_report_leaves_the_previous_state(database_url, two_reports):
    first = two_reports[0]
    load(database_url, [first])
    with open_sink(database_url) as sink:
        before = sink.counts()
        shorter = first.model_copy(update={"cooperation_agreements": first.cooperation_agreements[:-1], "findings": []})
        data = json.loads(report_document(shorter).text)
        # Injected failure: entities are written last, after the report's old rows were
        # deleted and its new records inserted; an entity without id breaks NOT NULL there.
        data["entities"][-1]["id"] = None
        text = json.dumps(data)
        with pytest.raises(Exception, match="(?i)null"):
            sink.replace([ReportDocument(first.report_id, "changed", text, 1)])
        assert sink.counts() == before
        digest = sink.execute(f"SELECT record_digest FROM reports WHERE report_id = {_mark(database_url)}", (first.report_id,))
        assert digest == [(report_document(first).digest,)]


def test_a_database_of_another_schema_version_is_refused(database_url, two_reports):
    load(database_url, two_reports[:1])
    for version, word in ((0, "older"), (schema.DB_SCHEMA_VERSION + 1, "newer")):
        with open_sink(database_url) as sink:
            sink.execute(f"UPDATE schema_info SET value = {_mark(database_url)} WHERE key = 'schema_version'", (str(version),))
        with open_sink(database_url) as sink:
            with pytest.raises(SchemaVersionError, match=word):
                sink.prepare()
            assert sink.counts()["reports"] == 1


def _mark(url: str) -> str:
    return "%s" if url.startswith("postgres") else "?"


# --- command line ---------------------------------------------------------------------------

def test_load_command_reports_bad_files_and_loads_the_rest(tmp_path, two_reports):
    for report in two_reports:
        (tmp_path / f"{Path(report.source.file_name).stem}.json").write_text(report_json(report), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"report_id": ', encoding="utf-8")
    parquet = tmp_path / "lake"
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--parquet", str(parquet), "--json"])
    assert result.exit_code == 1
    assert "error: broken.json: not JSON:" in result.stderr and "Traceback" not in result.output
    assert json.loads(result.stdout.strip().splitlines()[-1])["loaded"] == 2
    url = f"duckdb://{tmp_path / 'missions.duckdb'}"
    assert query(url, "SELECT count(*) FROM reports")[0][0] == 2
    delegation = pq.read_table(parquet / "delegation.parquet")
    assert delegation.num_rows == sum(len(r.delegation) for r in two_reports)

    bad_url = CliRunner().invoke(app, ["load", str(tmp_path), "--db", "mysql://x/y"])
    assert bad_url.exit_code == 2 and bad_url.stderr.count("\n") == 1 and "not a database URL" in bad_url.stderr


def test_convert_loads_each_report_as_it_finishes(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "eu_mexico_2016.pdf").write_bytes((ROOT / "fixtures" / "pdfs" / "eu_mexico_2016.pdf").read_bytes())
    (inputs / "not_a_pdf.pdf").write_text("<html>nope</html>")
    out, url = tmp_path / "out", f"duckdb://{tmp_path / 'db' / 'm.duckdb'}"
    result = CliRunner().invoke(app, ["convert", str(inputs), "-o", str(out), "--workers", "1", "--db", url])
    assert result.exit_code == 1  # the non-PDF failed; the report still converted and loaded
    written = json.loads((out / "eu_mexico_2016.json").read_text(encoding="utf-8"))
    assert query(url, "SELECT report_id, file_name FROM reports") == [(written["report_id"], "eu_mexico_2016.pdf")]
    assert query(url, "SELECT count(*) FROM cooperation_agreements")[0][0] == len(written["cooperation_agreements"])

    refused = CliRunner().invoke(app, ["convert", str(inputs), "-o", str(tmp_path / "out2"), "--db", "oracle://x"])
    assert refused.exit_code == 2 and "not a database URL" in refused.stderr
    assert not (tmp_path / "out2").exists()


def test_a_password_never_reaches_a_message(postgres_server):
    url = postgres_server.url().replace("postgres@", "postgres:hunter2@").replace(str(postgres_server.port), "1")
    result = CliRunner().invoke(app, ["load", str(ROOT / "fixtures" / "expected"), "--db", url])
    assert result.exit_code == 2 and "cannot connect" in result.stderr
    assert "hunter2" not in result.output and "***" in result.stderr


def test_the_load_benchmarks_copy_alone_stores_every_row_the_bulk_load_wrote(postgres_server, two_reports):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from load import copy_alone

    urls = []
    for _ in range(2):
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        urls.append(postgres_server.url(name))
    load(urls[0], two_reports)
    stored, seconds = copy_alone(*urls)
    counts = []
    for url in urls:
        with open_sink(url) as sink:
            counts.append(sink.counts())
    assert counts[1] == counts[0] and stored == sum(counts[0].values()) and seconds > 0
