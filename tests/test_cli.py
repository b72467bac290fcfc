import json
import os

import pytest
from typer.testing import CliRunner

from extractor.cli import app

from .conftest import PDFS

runner = CliRunner()


def test_cli_extract_writes_report_and_records(tmp_path):
    result = runner.invoke(app, ["extract", str(PDFS / "eu_mexico_2016.pdf"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "cooperation_agreements" in result.output and "findings:" in result.output
    report = json.loads((tmp_path / "eu_mexico_2016.json").read_text(encoding="utf-8"))
    assert report["schema_version"] == "1"
    lines = (tmp_path / "records" / "cooperation_agreements.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 20
    assert all(json.loads(line)["report_id"] == report["report_id"] for line in lines)
    # running again replaces the report's lines instead of adding them twice
    again = runner.invoke(app, ["extract", str(PDFS / "eu_mexico_2016.pdf"), "-o", str(tmp_path), "-q"])
    assert again.exit_code == 0 and again.output == ""
    assert len((tmp_path / "records" / "cooperation_agreements.jsonl").read_text(encoding="utf-8").splitlines()) == 20
    assert not [p for p in tmp_path.rglob("*.tmp")]


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "empty_file"),
        (b"<!DOCTYPE html><html><body>Not found</body></html>", "not_a_pdf"),
        (os.urandom(4096).replace(b"%PDF-", b"xxxxx"), "not_a_pdf"),
        (b"%PDF-1.4\n" + b"garbage " * 200, "truncated_or_corrupt"),
    ],
)
def test_cli_extract_bad_input_one_line_error_no_output(tmp_path, content, code):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    message = result.stderr.strip() if hasattr(result, "stderr") else result.output.strip()
    assert message.count("\n") == 0
    assert message.startswith("error: bad.pdf: " + code), message
    assert "Traceback" not in result.output
    assert not out.exists()


def test_cli_extract_truncated_pdf_fails_cleanly(tmp_path):
    data = (PDFS / "eu_mexico_2016.pdf").read_bytes()
    bad = tmp_path / "cut.pdf"
    bad.write_bytes(data[: len(data) * 4 // 10])
    result = runner.invoke(app, ["extract", str(bad), "-o", str(tmp_path / "out")])
    # a repaired file may extract partly; a non-repairable one fails with its code
    if result.exit_code == 1:
        assert "cut.pdf: truncated_or_corrupt" in result.output + getattr(result, "stderr", "")
    else:
        assert result.exit_code == 0


def test_cli_schema_writes_json_schema(tmp_path):
    target = tmp_path / "schema.json"
    result = runner.invoke(app, ["schema", "-o", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text())["title"] == "MissionReport"


def test_cli_debug_draws_the_tables_of_a_page(tmp_path):
    target = tmp_path / "page.png"
    result = runner.invoke(app, ["debug", str(PDFS / "eu_mexico_2016.pdf"), "--page", "5", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "pdfplumber-lines: 15 rows x 4 columns" in result.output
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    wrong = runner.invoke(app, ["debug", str(PDFS / "eu_mexico_2016.pdf"), "--page", "99", "-o", str(target)])
    assert wrong.exit_code == 1 and "has 28 pages" in wrong.output


def test_cli_schema_to_an_unwritable_place_is_one_line(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["schema", "-o", str(blocker / "schema.json")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "cannot write the schema" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("content", ["{not json", '{"entities": [{"nom": "x"}]}', "[1, 2]"])
def test_cli_a_registry_file_that_is_no_registry_is_one_line(tmp_path, content):
    registry = tmp_path / "entities.json"
    registry.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["entities", "list", "--registry", str(registry)])
    assert result.exit_code == 1
    assert "not an entity registry" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
