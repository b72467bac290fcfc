"""Write a report's JSON and its records as JSON Lines, atomically and idempotently.

Every file is written under a temporary name and renamed into place, so an
interrupted run never leaves half a file. The JSON Lines files are derived from the
report JSONs of the folder, so re-writing a report never adds its lines twice.
"""

from __future__ import annotations

import filecmp
import json
import os
import tempfile
from pathlib import Path

from schemas.records import RECORD_KINDS, MissionReport


def temporary_beside(path: Path) -> tuple[int, str]:
    """A temporary file next to `path`, to be renamed onto it: (descriptor, name). It gets
    the mode a new file gets under the process's umask, not mkstemp's owner-only one,
    which the rename would pass on to the output."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.fchmod(fd, 0o666 & ~_umask())
    return fd, tmp


def _umask() -> int:
    """The process's umask, read where Linux shows it: setting it to read it (the only
    portable way) would leave it 0 for an instant, and a thread creating a file then
    would make it writable by all."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temporary_beside(path)
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


def write_report(report: MissionReport, out_dir: Path, stem: str) -> Path:
    """Write `out_dir/<stem>.json`, then rebuild `out_dir/records/` from all reports there."""
    target = out_dir / f"{stem}.json"
    atomic_write(target, report_json(report))
    rebuild_records(out_dir)
    return target


def report_files(out_dir: Path) -> list[Path]:
    """The report JSONs of a folder, in name order (the order of the records files)."""
    return sorted(p for p in out_dir.glob("*.json") if not p.name.startswith("."))


def rebuild_records(out_dir: Path) -> None:
    """Write `records/<kind>.jsonl` from every report JSON in `out_dir`, in name order.

    Deriving the records files from the reports (instead of appending to them) makes
    them independent of the order work finished in, and never duplicates a report.
    """
    records_dir = out_dir / "records"
    records_dir.mkdir(parents=True, exist_ok=True)
    handles = {}
    temps = {}
    try:
        for kind in RECORD_KINDS:
            fd, tmp = temporary_beside(records_dir / f"{kind}.jsonl")
            handles[kind] = os.fdopen(fd, "w", encoding="utf-8")
            temps[kind] = tmp
        for path in report_files(out_dir):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                continue
            if not isinstance(data, dict) or "report_id" not in data or "schema_version" not in data:
                continue
            for kind in RECORD_KINDS:
                for record in data.get(kind) or []:
                    handles[kind].write(json.dumps({"report_id": data["report_id"], **record}, ensure_ascii=False) + "\n")
        for kind, handle in handles.items():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            target = records_dir / f"{kind}.jsonl"
            if not (target.exists() and filecmp.cmp(temps[kind], target, shallow=False)):
                os.replace(temps[kind], target)  # an unchanged file is left alone: a resume rewrites nothing
    finally:
        for kind, handle in handles.items():
            if not handle.closed:
                handle.close()
            Path(temps[kind]).unlink(missing_ok=True)
