"""Table recognition on the ICDAR 2013 table competition set, engine against engine.

    python bench/icdar2013.py                         # all engines, all 67 documents
    python bench/icdar2013.py --engines camelot-lattice,pdfplumber-lines --limit 5
    python bench/icdar2013.py --json icdar.json --jobs 2 --timeout 60

Data: /work/shared/peer/icdar2013 (``--data``): the 67 competition PDFs with their
``-str.xml`` structure ground truth (156 tables); the four "b" ground truths without a
PDF are skipped. The measure is the competition's adjacency-relation precision/recall,
pooled per document and page; see bench/icdar_metric.py for every choice made.

Engines (each yields, per page, a list of tables as grids of cell texts):

  camelot-lattice, camelot-stream, camelot-hybrid
      camelot.read_pdf(pdf, pages=str(page), flavor=...), table.df.values.tolist()
  pdfplumber-lines, pdfplumber-text
      page.extract_tables({"vertical_strategy": s, "horizontal_strategy": s})
  mission-extract
      the product path: extractor.extract_report(pdf) with default options, exactly
      what `mission-extract extract` / `convert` run, once per document; its generic
      `tables` records (header rows + rows) are split back into pages by `row_pages`
      (header rows on the table's first page). Skipped with a note when it cannot be
      imported.

Every other engine runs only on the pages that have ground-truth tables, one call per
page. Everything an engine reports on those pages is scored (so spurious tables there
cost precision; tables on other pages are not scored). Each call has a time limit (``--timeout``,
SIGALRM in the worker process; a limit cannot interrupt a long-running C call, only the
Python code around it); an exception or a timeout counts as "no tables on that page" and
is reported. Work is spread over ``--jobs`` worker processes, one task per (document,
engine). "seconds" in the table is the engine's own time summed over its calls (the work
is parallel, so the sum over engines exceeds the wall time, printed at the end).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(HERE), str(ROOT)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from icdar_metric import ground_truth_tables, score, summarise  # noqa: E402

DATA = ROOT.parent / "shared" / "peer" / "icdar2013"
ENGINES = [
    "camelot-lattice",
    "camelot-stream",
    "camelot-hybrid",
    "pdfplumber-lines",
    "pdfplumber-text",
    "mission-extract",
]


def documents(data_dir: Path) -> list[tuple[str, Path, Path]]:
    """(stem, pdf, -str.xml) for every ground truth that has its PDF, sorted by stem."""
    out = []
    for xml in sorted(data_dir.glob("**/*-str.xml")):
        stem = xml.name[: -len("-str.xml")]
        pdf = xml.with_name(stem + ".pdf")
        if pdf.exists():
            out.append((stem, pdf, xml))
    return out


class CallTimeout(BaseException):
    """Raised by SIGALRM; a BaseException so library `except Exception` cannot swallow it."""


def _alarm(signum, frame):
    raise CallTimeout()


@contextmanager
def time_limit(seconds: float):
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _grid(rows) -> list[list[str | None]]:
    return [[None if cell is None else str(cell) for cell in row] for row in rows]


def _camelot(flavor: str):
    import camelot

    def tables(pdf: Path, page: int) -> list:
        found = camelot.read_pdf(str(pdf), pages=str(page), flavor=flavor, suppress_stdout=True)
        return [_grid(t.df.values.tolist()) for t in found]

    return tables, None


def _pdfplumber(strategy: str, pdf_path: Path):
    import pdfplumber

    settings = {"vertical_strategy": strategy, "horizontal_strategy": strategy}
    pdf = pdfplumber.open(pdf_path)

    def tables(_pdf: Path, page: int) -> list:
        p = pdf.pages[page - 1]
        try:
            return [_grid(t) for t in p.extract_tables(settings)]
        finally:
            p.close()

    return tables, pdf.close


def page_grids(report) -> dict[int, list[list[list[str | None]]]]:
    """A report's `tables` records split back into one grid per page: header rows on
    the table's first page, each row on its `row_pages` page."""
    by_page: dict[int, list] = {}
    for table in report.tables:
        parts: dict[int, list] = {}
        if table.header and table.pages:
            parts.setdefault(table.pages[0], []).extend(list(row) for row in table.header)
        for row, page in zip(table.rows, table.row_pages):
            parts.setdefault(page, []).append(list(row))
        for page, grid in parts.items():
            by_page.setdefault(page, []).append(_grid(grid))
    return by_page


def product_tables(pdf: Path) -> dict[int, list[list[list[str | None]]]]:
    """The generic tables `convert` would write for `pdf`, as grids per page."""
    from extractor import extract_report

    return page_grids(extract_report(pdf))


def _mission():
    cache: dict[Path, dict] = {}

    def tables(pdf: Path, page: int) -> list:
        if pdf not in cache:
            cache[pdf] = product_tables(pdf)
        return cache[pdf].get(page, [])

    tables.read = cache  # type: ignore[attr-defined]  # every page's tables, for those off the scored pages
    return tables, None


def run_engine(engine: str, pdf: Path, pages: list[int], timeout: float) -> dict:
    """Run one engine on some pages of one PDF (in a worker process)."""
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    found: dict[int, list] = {}
    errors: list[str] = []
    timeouts: list[int] = []
    start = time.perf_counter()
    close = None
    try:
        if engine.startswith("camelot-"):
            call, close = _camelot(engine.split("-", 1)[1])
        elif engine.startswith("pdfplumber-"):
            call, close = _pdfplumber(engine.split("-", 1)[1], pdf)
        elif engine == "mission-extract":
            call, close = _mission()
        else:
            raise ValueError(f"unknown engine {engine}")
    except Exception as exc:  # noqa: BLE001 - a benchmark records, never crashes
        errors.append(f"setup: {type(exc).__name__}: {exc}")
        call = None
    for page in pages:
        found[page] = []
        if call is None:
            continue
        try:
            # the product reads the whole document at its first call: its limit is the
            # sum of the per-page limits
            with time_limit(timeout * len(pages) if engine == "mission-extract" else timeout):
                found[page] = call(pdf, page)
        except CallTimeout:
            timeouts.append(page)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"p{page}: {type(exc).__name__}: {str(exc)[:200]}")
    if close is not None:
        try:
            close()
        except Exception:  # noqa: BLE001
            pass
    # the product reads every page: tables it reports on pages the ground truth holds
    # none on are spurious, and the scores above cannot see them
    read = getattr(call, "read", {}).get(pdf, {})
    return {
        "found": found,
        "seconds": time.perf_counter() - start,
        "errors": errors,
        "timeouts": timeouts,
        "off_truth_tables": sum(len(grids) for page, grids in read.items() if page not in pages),
    }


def _mission_available() -> str | None:
    """None when the product path imports, else the reason it does not."""
    try:
        from extractor import extract_report  # noqa: F401
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engines", default=",".join(ENGINES), help="comma-separated (default: all)")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--json", type=Path, default=None, help="write every per-document figure here")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per engine call (default 60)")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = [e for e in engines if e not in ENGINES]
    if unknown:
        ap.error(f"unknown engine(s) {', '.join(unknown)}; choose from {', '.join(ENGINES)}")
    if "mission-extract" in engines:
        reason = _mission_available()
        if reason:
            print(f"note: mission-extract skipped (extractor.extract_report: {reason})")
            engines.remove("mission-extract")
    if not engines:
        print("no engine to run")
        return 1

    docs = documents(args.data)
    if args.limit:
        docs = docs[: args.limit]
    if not docs:
        print(f"no documents under {args.data}")
        return 1
    truth = {stem: ground_truth_tables(xml) for stem, _, xml in docs}
    n_tables = sum(len(g) for t in truth.values() for g in t.values())
    n_pages = sum(len(t) for t in truth.values())
    print(
        f"{len(docs)} documents, {n_pages} pages with {n_tables} ground-truth tables; "
        f"engines: {', '.join(engines)}; {args.jobs} jobs, {args.timeout:g} s per call",
        flush=True,
    )

    wall = time.perf_counter()
    runs: dict[str, dict[str, dict]] = {e: {} for e in engines}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = {}
        for stem, pdf, _ in docs:
            pages = sorted(truth[stem])
            for engine in engines:
                futures[pool.submit(run_engine, engine, pdf, pages, args.timeout)] = (stem, engine)
        left = {stem: len(engines) for stem, _, _ in docs}
        done_docs = 0
        for future in as_completed(futures):
            stem, engine = futures[future]
            try:
                run = future.result()
            except Exception as exc:  # noqa: BLE001 - e.g. a worker killed
                pages = sorted(truth[stem])
                run = {"found": {p: [] for p in pages}, "seconds": 0.0,
                       "errors": [f"worker: {type(exc).__name__}: {exc}"], "timeouts": []}
            result = score(run.pop("found"), truth[stem])
            result.update(run)
            runs[engine][stem] = result
            left[stem] -= 1
            if left[stem] == 0:
                done_docs += 1
                figures = "  ".join(f"{e} {runs[e][stem]['f1']:.2f}" for e in engines)
                print(f"[{done_docs:2}/{len(docs)}] {stem:8} F1  {figures}", file=sys.stderr, flush=True)
    wall = time.perf_counter() - wall

    summary = {}
    for engine in engines:
        per_doc = [runs[engine][stem] for stem, _, _ in docs]
        s = summarise(per_doc)
        s["seconds"] = sum(d["seconds"] for d in per_doc)
        s["timeouts"] = sum(len(d["timeouts"]) for d in per_doc)
        s["errors"] = sum(len(d["errors"]) for d in per_doc)
        s["tables_found"] = sum(d["tables_found"] for d in per_doc)
        s["tables_truth"] = sum(d["tables_truth"] for d in per_doc)
        s["off_truth_tables"] = sum(d.get("off_truth_tables", 0) for d in per_doc)
        summary[engine] = s

    print()
    head = (
        f"{'engine':18} {'micro P':>7} {'R':>6} {'F1':>6}   {'mean P':>6} {'R':>6} {'F1':>6}"
        f" {'docs':>5} {'tables':>9} {'t/o':>4} {'err':>4} {'seconds':>8}"
    )
    print(head)
    print("-" * len(head))
    for engine, s in summary.items():
        mi, me = s["micro"], s["mean"]
        print(
            f"{engine:18} {mi['precision']:7.3f} {mi['recall']:6.3f} {mi['f1']:6.3f}"
            f"   {me['precision']:6.3f} {me['recall']:6.3f} {me['f1']:6.3f}"
            f" {s['documents']:5} {s['tables_found']:4}/{s['tables_truth']:<4}"
            f" {s['timeouts']:4} {s['errors']:4} {s['seconds']:8.1f}"
        )
    print(
        f"\nrelations in ground truth: {next(iter(summary.values()))['truth']}; "
        f"tables = found/ground truth on the scored pages; t/o = calls over {args.timeout:g} s; "
        f"wall time {wall:.0f} s"
    )
    if "mission-extract" in summary:
        print(f"mission-extract tables on pages without ground-truth tables (spurious, unscored above): "
              f"{summary['mission-extract']['off_truth_tables']}")
    for engine in engines:
        for stem, _, _ in docs:
            d = runs[engine][stem]
            for message in d["errors"][:3]:
                print(f"  {engine} {stem}: {message}")
            if d["timeouts"]:
                print(f"  {engine} {stem}: timed out on page(s) {d['timeouts']}")

    if args.json:
        out = {
            "data": str(args.data),
            "engines": engines,
            "timeout": args.timeout,
            "jobs": args.jobs,
            "wall_seconds": wall,
            "summary": summary,
            "documents": {
                engine: {stem: runs[engine][stem] for stem, _, _ in docs} for engine in engines
            },
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        tmp = args.json.with_name(args.json.name + ".tmp")
        tmp.write_text(json.dumps(out, indent=1))
        os.replace(tmp, args.json)
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
