"""camelot's own 64 regression cases through the product, with camelot's and
pdfplumber's scores on the same cases beside ours.

    python bench/camelot_cases.py [--jobs 2] [--json out.json] [--data DIR]

Data: /work/shared/peer/camelot (``--data``): 24 PDFs and 64 cases, each an expected
grid that camelot's tests compare exactly (see that folder's README.md).

Three readers, none given a case's own settings (table areas, columns, ...):

  mission-extract   extractor.extract_report(pdf) with default options (the code
                    `mission-extract extract` / `convert` run; the case's password
                    only, where it has one), its generic `tables` records as grids
                    (header rows + rows), split back into pages by `row_pages`
  camelot           camelot.read_pdf(pdf, pages, flavor=<the case's flavor>) (the
                    case's password only), every table it returns
  pdfplumber        page.extract_tables() with default settings

A case is reproduced when some table of the reader on the case's page equals the
expected grid cell for cell, after normalising white space (None -> "", runs of
white space -> one space, stripped) and dropping all-empty rows and columns. "in
place" is the best table's share of the expected non-empty cells found at the same
row and column. The last lines say how many cases one reading of each page can
reproduce at all: several cases expect different grids of the same table (one per
flavour), and some tell camelot where the table is. What it does not measure: tables
on other pages, extra tables, how far a near miss is from the truth beyond that share.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "peer" / "camelot"
READERS = ("mission-extract", "camelot", "pdfplumber")

Grid = list[list[str]]

from icdar2013 import page_grids  # noqa: E402  (bench/icdar2013.py, beside this script)


def normalise(grid) -> Grid:
    """Cells as whitespace-normalised strings, all-empty rows and columns dropped."""
    rows = [[re.sub(r"\s+", " ", "" if c is None else str(c)).strip() for c in row] for row in grid]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    keep = [c for c in range(width) if any(r[c] for r in rows)]
    return [[r[c] for c in keep] for r in rows]


def in_place(found: Grid, expected: Grid) -> float:
    """Share of the expected non-empty cells that `found` holds at the same place."""
    cells = [(r, c) for r, row in enumerate(expected) for c, v in enumerate(row) if v]
    if not cells:
        return 0.0
    hits = sum(1 for r, c in cells if r < len(found) and c < len(found[r]) and found[r][c] == expected[r][c])
    return hits / len(cells)


OWN_SETTINGS = ("table_areas", "table_regions", "columns")  # where a table is, told by the case


def same_table(a: Grid, b: Grid) -> bool:
    """Whether two expected grids are readings of one table: most cells of the smaller
    are cells of the other (flavours part, join and title the same cells apart)."""
    cells_a = {v for row in a for v in row if v}
    cells_b = {v for row in b for v in row if v}
    smaller = min(len(cells_a), len(cells_b)) or 1
    return len(cells_a & cells_b) / smaller >= 0.5


def one_reading_ceiling(cases: list[dict]) -> int:
    """How many cases one reading of each page can reproduce at most: cases that
    expect different grids of the same table exclude each other (one reading gives one
    grid per table), so per table only the grid most cases expect can count."""
    groups: dict[tuple[str, int], list[Grid]] = {}
    for case in cases:
        groups.setdefault((case["pdf"], first_page(case["pages"])), []).append(normalise(case["expected"]))
    total = 0
    for grids in groups.values():
        tables: list[list[Grid]] = []
        for grid in grids:
            home = next((t for t in tables if same_table(t[0], grid)), None)
            if home is None:
                tables.append([grid])
            else:
                home.append(grid)
        for table in tables:
            total += max(sum(1 for g in table if g == grid) for grid in table)
    return total


def first_page(spec: str) -> int:
    return int(re.split(r"[,-]", str(spec))[0])


def product_pages(pdf: Path, password: str | None) -> dict[int, list[Grid]]:
    from extractor import ExtractOptions, extract_report

    return page_grids(extract_report(pdf, ExtractOptions(password=password)))


def read(reader: str, pdf: Path, page: int, flavor: str, password: str | None) -> list[Grid]:
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    if reader == "mission-extract":
        return product_pages(pdf, password).get(page, [])
    if reader == "camelot":
        import camelot

        kwargs = {"password": password} if password else {}
        found = camelot.read_pdf(str(pdf), pages=str(page), flavor=flavor, suppress_stdout=True, **kwargs)
        return [t.df.values.tolist() for t in found]
    import pdfplumber

    with pdfplumber.open(pdf, password=password or "") as doc:
        return doc.pages[page - 1].extract_tables()


def score_case(args: tuple[str, dict, str]) -> dict:
    reader, case, data = args
    pdf = Path(data) / case["pdf"]
    expected = normalise(case["expected"])
    start = time.perf_counter()
    try:
        grids = [normalise(g) for g in read(reader, pdf, first_page(case["pages"]), case["flavor"], case["kwargs"].get("password"))]
        error = None
    except Exception as exc:  # noqa: BLE001 - a benchmark records, never crashes
        grids, error = [], f"{type(exc).__name__}: {str(exc)[:160]}"
    return {
        "exact": any(g == expected for g in grids),
        "in_place": max((in_place(g, expected) for g in grids), default=0.0),
        "tables": len(grids),
        "error": error,
        "seconds": time.perf_counter() - start,
    }


def print_cases(stems: list[str], readers, by_reader: dict[str, list[dict]], width: int, cell) -> None:
    """One line per case, one column per reader: `cell` formats a reader's result."""
    print(f"{'case':{width}} " + " ".join(f"{r:>16}" for r in readers))
    for index, stem in enumerate(stems):
        print(f"{stem[:width]:{width}} " + " ".join(f"{cell(by_reader[reader][index]):>16}" for reader in readers))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--only", default="", help="cases whose name holds this text (default: all 64)")
    args = ap.parse_args(argv)
    cases = [(p.stem, json.loads(p.read_text())) for p in sorted((args.data / "cases").glob("*.json")) if args.only in p.stem]
    if not cases:
        print(f"no cases under {args.data}")
        return 1
    tasks = [(reader, case, str(args.data)) for reader in READERS for _, case in cases]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(score_case, tasks))
    by_reader = {reader: results[i * len(cases) : (i + 1) * len(cases)] for i, reader in enumerate(READERS)}
    print_cases([stem for stem, _ in cases], READERS, by_reader, 62,
                lambda r: f"{'EXACT' if r['exact'] else '-':>6} {r['in_place']:5.2f} {'err' if r['error'] else '':>3}")
    print()
    print(f"{'reader':16} {'exact':>9} {'mean in place':>14} {'errors':>7} {'seconds':>8}")
    for reader in READERS:
        rs = by_reader[reader]
        print(
            f"{reader:16} {sum(r['exact'] for r in rs):4}/{len(rs):<4} {sum(r['in_place'] for r in rs) / len(rs):14.2f}"
            f" {sum(1 for r in rs if r['error']):7} {sum(r['seconds'] for r in rs):8.1f}"
        )
    every = [case for _, case in cases]
    unaided = [case for case in every if not set(case["kwargs"]) & set(OWN_SETTINGS)]
    print(f"one reading of each page can reproduce at most {one_reading_ceiling(every)} of these {len(every)} cases "
          f"(grids of one table that flavours read apart exclude each other); {one_reading_ceiling(unaided)} of them "
          f"without the case's own {', '.join(OWN_SETTINGS)}")
    for reader in READERS:
        for (stem, _), r in zip(cases, by_reader[reader]):
            if r["error"]:
                print(f"  {reader} {stem}: {r['error']}")
    if args.json:
        args.json.write_text(json.dumps({r: dict(zip([s for s, _ in cases], by_reader[r])) for r in READERS}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
