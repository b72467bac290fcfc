"""Command line: a thin layer over `extract_report` and the writers."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from schemas.records import RECORD_KINDS, MissionReport, json_schema

from .errors import ExtractionError
from .pipeline import ExtractOptions, extract_report
from .writer import atomic_write, write_report

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn mission-report PDFs into validated, linked, machine-readable records.",
)
console = Console()
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "mission_report.schema.json"


@app.command()
def extract(
    report: Path = typer.Argument(..., help="The PDF to extract."),
    out: Path = typer.Option(Path("output"), "-o", "--out", help="Folder for the JSON and records/."),
    password: Optional[str] = typer.Option(None, "--password", help="Password of an encrypted PDF."),
    profile: str = typer.Option("eccp_followup", "--profile", help="Report-family profile (name or YAML path)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
) -> None:
    """Extract one report: writes OUT/<stem>.json and OUT/records/<kind>.jsonl."""
    try:
        result = extract_report(report, ExtractOptions(profile=profile, password=password))
    except ExtractionError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    target = write_report(result, out, report.stem)
    if not quiet:
        _summary(result, target)


def _summary(report: MissionReport, target: Path) -> None:
    table = Table(title=f"{report.source.file_name}: {report.source.pages} pages, status {report.status}")
    table.add_column("records")
    table.add_column("count", justify="right")
    data = report.model_dump()
    for kind in RECORD_KINDS:
        if kind != "findings":
            table.add_row(kind, str(len(data[kind])))
    console.print(table)
    severities = Counter(f.severity for f in report.findings)
    codes = Counter(f"{f.code} ({f.severity})" for f in report.findings if f.severity != "info")
    console.print(
        "findings: " + ", ".join(f"{severities.get(s, 0)} {s}" for s in ("error", "warning", "info")),
        highlight=False,
    )
    for code, count in codes.most_common(5):
        console.print(f"  {count} x {code}", highlight=False)
    console.print(f"written: {target}", highlight=False)


@app.command()
def schema(
    out: Path = typer.Option(SCHEMA_PATH, "-o", "--out", help="Where to write the JSON Schema."),
) -> None:
    """Write the JSON Schema of the MissionReport record contract."""
    atomic_write(out, json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    console.print(f"written: {out}", highlight=False)


if __name__ == "__main__":  # pragma: no cover
    app()
