"""Bulk conversion benchmark: throughput, worker memory, pipeline cost.

Prints, from one run on this machine:
1. throughput of `convert` with 1 and with 2 workers on N reports (copies of the
   fixtures with distinct bytes); target: 2 workers >= 1.7 x 1 worker;
2. peak resident memory of one worker extracting a 300-page report made by
   repeating the fixture's pages; target: under 400 MB;
3. extraction time over pdfplumber's plain extract_text() of every page, same run;
   target: at most 2.0.

    python bench/bulk.py [--reports 20]
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures" / "pdfs").glob("eu_mexico_2016*.pdf"))


def make_archive(folder: Path, n: int, fixtures: list[Path] = FIXTURES) -> None:
    """`n` copies of the fixtures, each with distinct bytes (so a distinct sha256)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        data = fixtures[i % len(fixtures)].read_bytes() + f"\n% copy {i}\n".encode()
        (folder / f"report_{i:03d}.pdf").write_bytes(data)


def long_report(path: Path, pages: int) -> None:
    source = pikepdf.open(FIXTURES[0])
    out = pikepdf.new()
    while len(out.pages) < pages:
        for page in source.pages:
            if len(out.pages) >= pages:
                break
            out.pages.append(page)
    buffer = io.BytesIO()
    out.save(buffer)
    path.write_bytes(buffer.getvalue())


def throughput(archive: Path, workers: int) -> float:
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    try:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "extractor.cli", "convert", str(archive), "-o", str(out), "--workers", str(workers), "--json"],
            check=True, capture_output=True, cwd=ROOT,
        )
        return time.perf_counter() - start
    finally:
        shutil.rmtree(out, ignore_errors=True)


WORKER = """
import json, resource, sys, time
from extractor.bulk import Task, process_file
start = time.perf_counter()
fields, text = process_file(Task(path=sys.argv[1], sha256="bench", stem="long"))
print(json.dumps({"status": fields["status"], "pages": fields.get("pages"), "seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def worker_memory(pdf: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", WORKER, str(pdf)], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def plain_text(pdf: Path) -> float:
    import pdfplumber

    start = time.perf_counter()
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            page.extract_text()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-bulk-"))
    try:
        archive = work / "archive"
        make_archive(archive, args.reports)
        one = throughput(archive, 1)
        two = throughput(archive, 2)
        print(f"throughput on {args.reports} reports: 1 worker {args.reports / one:.2f} reports/s ({one:.1f} s), "
              f"2 workers {args.reports / two:.2f} reports/s ({two:.1f} s): {one / two:.2f}x (target >= 1.7x)")
        long_pdf = work / "long.pdf"
        long_report(long_pdf, args.pages)
        measured = worker_memory(long_pdf)
        baseline = plain_text(long_pdf)
        print(f"one worker on a {measured['pages']}-page report: peak RSS {measured['peak_mb']:.0f} MB (target < 400 MB), "
              f"{measured['seconds']:.1f} s; plain extract_text {baseline:.1f} s; ratio {measured['seconds'] / baseline:.2f} (target <= 2.0)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
