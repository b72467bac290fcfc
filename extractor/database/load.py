"""Read report JSONs and load them through a sink: batched, idempotent, failures recorded.

Reports are written in batches of `Settings.load_batch_reports`, each batch in one
transaction. A report whose records are already in the database unchanged (same
`record_digest`) is not written again, so loading twice changes nothing. When a batch
fails, its reports are retried one by one: only the report at fault is recorded as
failed, the others still load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas.records import MissionReport

from ..settings import Settings
from ..writer import report_files
from .flatten import ReportDocument, report_document
from .sinks import DatabaseError, DatabaseSink, one_line, open_sink

DEFAULT_DATABASE = "missions.duckdb"


def default_url(folder: Path) -> str:
    return f"duckdb://{(folder / DEFAULT_DATABASE).resolve()}"


class ReportFileError(Exception):
    """A file in the folder is not a loadable report; the message is one line."""


@dataclass
class LoadFailure:
    source: str
    message: str


@dataclass
class LoadSummary:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[LoadFailure] = field(default_factory=list)
    rows: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"loaded": len(self.loaded), "unchanged": len(self.unchanged), "failed": len(self.failed), "rows": self.rows,
                "failures": [f.message for f in self.failed]}


def read_report_file(path: Path) -> MissionReport:
    """A report JSON, validated against the record contract."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ReportFileError(f"{path.name}: unreadable: {error}") from None
    except json.JSONDecodeError as error:
        raise ReportFileError(f"{path.name}: not JSON: {error}") from None
    try:
        return MissionReport.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise ReportFileError(f"{path.name}: not a mission report: {error.error_count()} error(s), first at {where}: {first['msg']}") from None


class ReportLoader:
    """Feeds reports to a sink in batches; `close()` (or leaving the `with`) writes the rest."""

    def __init__(self, sink: DatabaseSink, batch_reports: int, summary: LoadSummary | None = None):
        self.sink = sink
        self.batch_reports = max(1, batch_reports)
        self.summary = summary or LoadSummary()
        self.pending: list[tuple[str, ReportDocument]] = []

    def __enter__(self) -> "ReportLoader":
        return self

    def __exit__(self, *exc) -> None:
        self.flush()

    def add(self, source: str, report: MissionReport) -> None:
        document = report_document(report)
        if any(pending.report_id == document.report_id for _, pending in self.pending):
            self.flush()  # the same report twice in one batch: the later one wins
        self.pending.append((source, document))
        if len(self.pending) >= self.batch_reports:
            self.flush()

    def flush(self) -> None:
        pending, self.pending = self.pending, []
        if not pending:
            return
        try:
            digests = self.sink.loaded_digests([document.report_id for _, document in pending])
        except Exception as error:
            for source, _ in pending:
                self._failed(source, error)
            return
        changed = []
        for source, document in pending:
            if digests.get(document.report_id) == document.digest:
                self.summary.unchanged.append(source)
            else:
                changed.append((source, document))
        if not changed:
            return
        try:
            self._write(changed)
        except Exception as error:
            if len(changed) == 1:
                self._failed(changed[0][0], error)
                return
            for one in changed:  # find the report at fault; the others still load
                try:
                    self._write([one])
                except Exception as error:
                    self._failed(one[0], error)

    def _write(self, reports: list[tuple[str, ReportDocument]]) -> None:
        self.sink.replace([document for _, document in reports])
        self.summary.loaded.extend(source for source, _ in reports)
        self.summary.rows += sum(document.rows for _, document in reports)

    def _failed(self, source: str, error: BaseException) -> None:
        self.summary.failed.append(LoadFailure(source, f"{Path(source).name}: load_failed: {one_line(error)}"))


def load_folder(folder: Path, url: str | None = None, parquet: Path | None = None,
                settings: Settings | dict | None = None) -> LoadSummary:
    """Load every report JSON of `folder` (as written by `extract` and `convert`)."""
    settings = Settings.resolve(settings)
    files = report_files(folder)
    if not files:
        raise DatabaseError(f"{folder}: no report JSON found")
    summary = LoadSummary()
    with open_sink(url or default_url(folder)) as sink:
        sink.prepare()
        with ReportLoader(sink, settings.load_batch_reports, summary) as loader:
            for path in files:
                try:
                    loader.add(str(path), read_report_file(path))
                except ReportFileError as error:
                    summary.failed.append(LoadFailure(str(path), str(error)))
        if parquet is not None:
            sink.export_parquet(parquet)
    return summary
