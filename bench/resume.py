"""Resume benchmark: `convert` run again on an unchanged folder.

Prints, from one run on this machine: the time of a first `convert` of N reports
(copies of the fixtures with distinct bytes), the time of the same command run
again on the unchanged folder, their ratio (target: under 5%), and whether the
second run rewrote any report JSON or records file (target: none; compared by
modification time and bytes). Both times include starting the CLI.

    python bench/resume.py [--reports 10]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures" / "pdfs").glob("*.pdf"))

from bulk import make_archive  # noqa: E402  (bench/bulk.py, beside this script)


def timed_convert(archive: Path, out: Path, workers: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "extractor.cli", "convert", str(archive), "-o", str(out), "--workers", str(workers), "--json"],
        check=False, capture_output=True, cwd=ROOT,
    )
    return time.perf_counter() - start


def outputs(out: Path) -> dict[Path, tuple[int, bytes]]:
    files = sorted(out.glob("*.json")) + sorted((out / "records").glob("*.jsonl"))
    return {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in files}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-resume-"))
    try:
        make_archive(work / "in", args.reports, FIXTURES)
        first = timed_convert(work / "in", work / "out", args.workers)
        before = outputs(work / "out")
        again = timed_convert(work / "in", work / "out", args.workers)
        after = outputs(work / "out")
        rewritten = [p.name for p in before if after.get(p) != before[p]] + [p.name for p in after if p not in before]
        ratio = again / first
        print(f"first run: {first:.1f} s for {args.reports} reports; resume: {again:.2f} s; "
              f"ratio {100 * ratio:.1f}% (target < 5%)")
        print(f"files rewritten by the resume: {len(rewritten)} of {len(before)} (target 0) {rewritten[:5]}")
        return 0 if ratio < 0.05 and not rewritten else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
