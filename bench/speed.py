"""Extraction time of a fixture against pdfplumber's plain text extraction, same run.

Prints both timings (best of N, after one warm-up that loads spaCy and the profile)
and their ratio. Target: at most 2.0.

    python bench/speed.py [PDF ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pdfplumber

from extractor import extract_report

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "fixtures" / "pdfs" / "eu_mexico_2016.pdf"]


def plain_text(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def best_of(repeat: int, func, *args) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    extract_report(args.pdfs[0])  # warm-up: imports, spaCy pipeline, profile
    print(f"{'file':40} {'baseline s':>10} {'extract s':>10} {'ratio':>7}")
    for pdf in args.pdfs:
        baseline = best_of(args.repeat, plain_text, pdf)
        ours = best_of(args.repeat, extract_report, pdf)
        print(f"{pdf.name:40} {baseline:10.3f} {ours:10.3f} {ours / baseline:7.2f}")


if __name__ == "__main__":
    main()
