"""Write a report's JSON and its records as JSON Lines, atomically and idempotently.

Every file is written under a temporary name and renamed into place, so an
interrupted run never leaves half a file. Re-writing a report replaces its lines in
the JSON Lines files instead of adding them again.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

from schemas.records import RECORD_KINDS, MissionReport


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report_json(report: MissionReport) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def record_lines(report: MissionReport) -> dict[str, list[str]]:
    """Each record kind's JSON lines for this report, every line carrying `report_id`."""
    data = report.model_dump(mode="json")
    lines: dict[str, list[str]] = {}
    for kind in RECORD_KINDS:
        lines[kind] = [
            json.dumps({"report_id": report.report_id, **record}, ensure_ascii=False, sort_keys=False)
            for record in data[kind]
        ]
    return lines


def write_report(report: MissionReport, out_dir: Path, stem: str) -> Path:
    """Write `out_dir/<stem>.json` and merge the records into `out_dir/records/`."""
    target = out_dir / f"{stem}.json"
    atomic_write(target, report_json(report))
    merge_records(out_dir / "records", [report.report_id], record_lines(report))
    return target


def merge_records(records_dir: Path, report_ids: Iterable[str], new_lines: dict[str, list[str]]) -> None:
    """Replace the lines of `report_ids` in each kind's file with `new_lines`."""
    replaced = set(report_ids)
    for kind in RECORD_KINDS:
        path = records_dir / f"{kind}.jsonl"
        kept = [line for line in _read_lines(path) if _report_of(line) not in replaced]
        atomic_write(path, "".join(f"{line}\n" for line in kept + new_lines.get(kind, [])))


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _report_of(line: str) -> str | None:
    try:
        return json.loads(line).get("report_id")
    except json.JSONDecodeError:
        return None
