"""OCR on the scanned fixture: seconds per page and field F1 against its expected records.

The scan (`fixtures/pdfs/eu_mexico_2016_scan.pdf`, built by fixtures/build/scan_pdf.py) is
extracted through the product path, `extract_report` with default options (what
`mission-extract extract SCAN.pdf -o DIR` runs), and scored against the source report's
hand-kept `fixtures/expected/eu_mexico_2016.json` with the unseen benchmark's field F1
(`fixtures/unseen/score.py`: paired records, leaf fields, exact strings). Target: F1 >= 0.95.

    python bench/ocr.py [SCAN.pdf EXPECTED.json] [--kinds]

Also prints, for the same file, the text-layer fixture's time per page (same run), so the
cost of OCR reads as a ratio. Not measured: OCR of other fonts, languages or scanners.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures" / "unseen"))

from score import f1_of, field_counts  # noqa: E402

from extractor import extract_report  # noqa: E402

SCAN = ROOT / "fixtures" / "pdfs" / "eu_mexico_2016_scan.pdf"
NATIVE = ROOT / "fixtures" / "pdfs" / "eu_mexico_2016.pdf"
EXPECTED = ROOT / "fixtures" / "expected" / "eu_mexico_2016.json"


def timed(path: Path) -> tuple[dict, float, int]:
    start = time.perf_counter()
    report = extract_report(path)
    seconds = time.perf_counter() - start
    return report.model_dump(mode="json"), seconds, report.source.pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scan", nargs="?", type=Path, default=SCAN)
    parser.add_argument("expected", nargs="?", type=Path, default=EXPECTED)
    parser.add_argument("--native", default=str(NATIVE), help="text-layer twin timed for comparison ('' to skip)")
    parser.add_argument("--kinds", action="store_true", help="F1 per record kind too")
    parser.add_argument("--out", type=Path, help="write the extracted report JSON here")
    args = parser.parse_args()
    expected = json.loads(args.expected.read_text(encoding="utf-8"))
    found, seconds, pages = timed(args.scan)
    ocr_pages = sorted({p for p in _ocr_pages(found)})
    if args.out:
        args.out.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{args.scan.name}: {pages} pages, {seconds:.1f} s, {seconds / pages:.2f} s/page (pages read by OCR with records: {len(ocr_pages)})")
    if args.native:
        _, native_seconds, native_pages = timed(Path(args.native))
        print(f"{Path(args.native).name}: {native_seconds / native_pages:.2f} s/page with its text layer; OCR costs x{seconds / native_seconds:.1f}")
    if args.kinds:
        for kind, counts in field_counts(expected, found).items():
            print(f"  {kind:24} F1 {counts.f1:.3f}  (tp {counts.tp}, fp {counts.fp}, fn {counts.fn})")
    score = f1_of(expected, found)
    print(f"field F1 {score:.3f} (target 0.95: {'met' if score >= 0.95 else 'NOT met'})")


def _ocr_pages(node):
    if isinstance(node, dict):
        if node.get("ocr") is True and "page" in node:
            yield node["page"]
        for value in node.values():
            yield from _ocr_pages(value)
    elif isinstance(node, list):
        for value in node:
            yield from _ocr_pages(value)


if __name__ == "__main__":
    main()
