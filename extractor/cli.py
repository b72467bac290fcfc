"""Command line: a thin layer over `extract_report` and the writers."""

from __future__ import annotations

import json
import os
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from schemas.records import RECORD_KINDS, MissionReport, json_schema

from . import bulk, entities_cli
from .entities.link import link_report, review_queue_path
from .entities.registry import EntityRegistry, RegistryBusyError, RegistryFileError, registry_lock
from .errors import ExtractionError
from .library_logs import route_library_logs
from .writer import atomic_write, write_report

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn mission-report PDFs into validated, linked, machine-readable records.",
)
console = Console()
app.add_typer(entities_cli.app, name="entities")


@app.callback()
def _console() -> None:
    route_library_logs()


SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "mission_report.schema.json"


class OcrMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


OCR_HELP = "OCR: auto reads the pages with no usable text layer from their image, always every page, never none."


@app.command()
def extract(
    report: Path = typer.Argument(..., help="The PDF to extract."),
    out: Path = typer.Option(Path("output"), "-o", "--out", help="Folder for the JSON and records/."),
    password: Optional[str] = typer.Option(None, "--password", help="Password of an encrypted PDF."),
    profile: str = typer.Option("eccp_followup", "--profile", help="Report-family profile: a name, a YAML path, or auto (the shipped profile that fits best)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    registry: Optional[Path] = typer.Option(None, "--registry", help="Entity registry file [default: OUT/registry/entities.json]."),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr", help=OCR_HELP),
) -> None:
    """Extract one report: writes OUT/<stem>.json and OUT/records/<kind>.jsonl."""
    from .pipeline import ExtractOptions, extract_report
    from .settings import Settings

    try:
        result = extract_report(report, ExtractOptions(profile=profile, password=password, settings=Settings(ocr=ocr.value)))
    except ExtractionError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    registry_path = registry or out / bulk.REGISTRY
    try:
        with registry_lock(registry_path):
            entity_registry = EntityRegistry.load(registry_path)
            result = link_report(result, entity_registry, review_queue_path(registry_path))
            entity_registry.save(registry_path)
            target = write_report(result, out, report.stem)
    except (RegistryBusyError, RegistryFileError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
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
def convert(
    inputs: list[str] = typer.Argument(..., help="PDF files, folders (searched recursively) or glob patterns."),
    out: Path = typer.Option(Path("output"), "-o", "--out", help="Folder for the reports, records/ and manifest.jsonl."),
    workers: int = typer.Option(max(1, os.cpu_count() or 1), "--workers", "-w", min=1, help="Reports extracted at once."),
    force: bool = typer.Option(False, "--force", help="Redo files that are already converted."),
    password: Optional[str] = typer.Option(None, "--password", help="Password for encrypted PDFs."),
    timeout: float = typer.Option(300.0, "--timeout", min=1, help="Seconds one report may take."),
    ocr_timeout_per_page: float = typer.Option(
        30.0, "--ocr-timeout-per-page", min=0, help="Seconds added to --timeout per page of the report, unless --ocr never (OCR takes seconds a page)."
    ),
    memory_mb: int = typer.Option(bulk.DEFAULT_MEMORY_MB, "--memory-mb", min=200, help="Memory one worker may use."),
    profile: str = typer.Option("eccp_followup", "--profile", help="Report-family profile: a name, a YAML path, or auto (the shipped profile that fits best)."),
    executor: str = typer.Option("local", "--executor", help="local (worker processes) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (with --executor dask)."),
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable summary instead of tables."),
    registry: Optional[Path] = typer.Option(None, "--registry", help="Entity registry file [default: OUT/registry/entities.json]."),
    db: Optional[str] = typer.Option(None, "--db", help="Also load each report into this database as it finishes (duckdb:///FILE or postgresql://...)."),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr", help=OCR_HELP + " Runs in the worker processes."),
    retry_failed: str = typer.Option(
        "all", "--retry-failed",
        help="Files that failed in an earlier run into OUT, unchanged since: all (do them again), transient "
        "(only timeouts, crashes, memory and internal errors, and encrypted files when --password is given) or none. "
        "Files already converted (ok or partial) are kept unless --force.",
    ),
) -> None:
    """Convert many reports: parallel, resumable; one manifest line per input.

    Exit status: 0 when no file failed, 1 when some failed, 2 for a usage error.
    """
    if executor not in ("local", "dask"):
        raise typer.BadParameter("must be 'local' or 'dask'", param_hint="--executor")
    if retry_failed not in bulk.RETRY_CHOICES:
        raise typer.BadParameter("must be " + ", ".join(bulk.RETRY_CHOICES), param_hint="--retry-failed")
    if executor == "dask" and not scheduler:
        raise typer.BadParameter("--executor dask needs --scheduler ADDRESS", param_hint="--scheduler")
    if not any(path.exists() for path in bulk.expand_inputs(inputs)):
        typer.echo("error: no input files found in " + " ".join(inputs), err=True)
        raise typer.Exit(2)
    options = bulk.ConvertOptions(
        workers=workers, force=force, password=password, timeout=timeout, ocr_timeout_per_page=ocr_timeout_per_page, memory_mb=memory_mb,
        profile=profile, executor=executor, scheduler=scheduler, registry=registry, ocr=ocr.value,
        retry_failed=retry_failed,
    )
    show = console.is_terminal and not as_json
    progress = _progress() if show else None
    state = {"task": None, "pages": 0}

    def started(total: int) -> None:
        if progress is not None:
            state["task"] = progress.add_task("converting", total=total, pages=0.0)

    def done(outcome: bulk.Outcome) -> None:
        if progress is None or state["task"] is None:
            return
        state["pages"] += outcome.pages or 0
        elapsed = progress.tasks[0].elapsed or 0.0
        progress.update(state["task"], advance=1, pages=state["pages"] / elapsed if elapsed else 0.0)

    loader = _open_loader(db) if db else None
    on_report = loader.add if loader else None
    try:
        if progress is not None:
            with progress:
                summary = bulk.convert(inputs, out, options, on_start=started, on_done=done, on_report=on_report)
        else:
            summary = bulk.convert(inputs, out, options, on_report=on_report)
    except (RegistryBusyError, RegistryFileError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    finally:
        if loader:
            loader.flush()
            loader.sink.close()
    load_failed = bool(loader and loader.summary.failed)
    for failure in loader.summary.failed if loader else []:
        typer.echo(f"error: {failure.message}", err=True)
    if as_json:
        typer.echo(json.dumps(summary.as_json(), ensure_ascii=False))
    elif console.is_terminal:
        _convert_summary(summary)
    else:
        counts = summary.counts()
        typer.echo(" ".join(f"{k}={v}" for k, v in counts.items()))
        for outcome in summary.outcomes:
            if outcome.status == "failed":
                typer.echo(f"failed: {outcome.message}")
    raise typer.Exit(1 if summary.counts()["failed"] or load_failed else 0)


def _open_loader(url: str):
    """A loader writing each report in its own transaction as it finishes; exit 2 when the database is unusable."""
    from .database.load import ReportLoader
    from .database.sinks import DatabaseError, open_sink

    try:
        sink = open_sink(url)
        try:
            sink.prepare()
        except BaseException:
            sink.close()
            raise
    except DatabaseError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    return ReportLoader(sink, batch_reports=1)


@app.command()
def load(
    folder: Path = typer.Argument(..., help="Folder of report JSONs written by extract or convert."),
    db: Optional[str] = typer.Option(None, "--db", help="duckdb:///FILE.duckdb or postgresql://user:password@host:port/dbname [default: duckdb:///FOLDER/missions.duckdb]."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", help="Also export every table as FOLDER/<table>.parquet."),
    as_json: bool = typer.Option(False, "--json", help="Print a machine-readable summary."),
) -> None:
    """Load every report JSON of a folder into a database; a report's rows are replaced in one transaction.

    Exit status: 0 when every file loaded, 1 when some failed, 2 when the database or folder is unusable.
    """
    from .database.load import load_folder
    from .database.sinks import DatabaseError

    if not folder.is_dir():
        typer.echo(f"error: {folder}: not a folder", err=True)
        raise typer.Exit(2)
    try:
        summary = load_folder(folder, db, parquet)
    except DatabaseError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    for failure in summary.failed:
        typer.echo(f"error: {failure.message}", err=True)
    if as_json:
        typer.echo(json.dumps(summary.as_json(), ensure_ascii=False))
    else:
        typer.echo(f"loaded={len(summary.loaded)} unchanged={len(summary.unchanged)} failed={len(summary.failed)} rows={summary.rows}")
    raise typer.Exit(1 if summary.failed else 0)


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[pages]:.1f} pages/s"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def _convert_summary(summary: "bulk.RunSummary") -> None:
    files = Table(title="files")
    for name in ("ok", "partial", "failed", "skipped"):
        files.add_column(name, justify="right")
    files.add_row(*(str(v) for v in summary.counts().values()))
    console.print(files)
    records = Table(title="records")
    records.add_column("kind")
    records.add_column("count", justify="right")
    for kind, count in sorted(summary.records().items()):
        records.add_row(kind, str(count))
    console.print(records)
    for code, count in summary.error_codes():
        console.print(f"  {count} x {code}", highlight=False)
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            console.print(f"failed: {outcome.message}", highlight=False, markup=False)


@app.command()
def debug(
    report: Path = typer.Argument(..., help="The PDF."),
    page: int = typer.Option(..., "--page", "-p", min=1, help="1-based page number."),
    out: Path = typer.Option(Path("output/debug.png"), "-o", "--out", help="Where to write the PNG."),
    profile: str = typer.Option("eccp_followup", "--profile", help="Report-family profile: a name, a YAML path, or auto (the shipped profile that fits best)."),
) -> None:
    """Draw the tables and cells the engines found on one page (colour = engine)."""
    from .debug import draw_page

    try:
        lines = draw_page(report, page, out, profile)
    except ExtractionError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    except (ValueError, OSError) as error:
        typer.echo(f"error: {report.name}: {error}", err=True)
        raise typer.Exit(1) from None
    for line in lines or ["no table found on this page"]:
        typer.echo(line)
    typer.echo(f"written: {out}")


@app.command()
def schema(
    out: Path = typer.Option(SCHEMA_PATH, "-o", "--out", help="Where to write the JSON Schema."),
) -> None:
    """Write the JSON Schema of the MissionReport record contract."""
    try:
        atomic_write(out, json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    except OSError as error:
        typer.echo(f"error: {out}: cannot write the schema ({error.strerror or error})", err=True)
        raise typer.Exit(1) from None
    console.print(f"written: {out}", highlight=False)


if __name__ == "__main__":  # pragma: no cover
    app()
