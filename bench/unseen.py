"""Held-out benchmark: generate reports from word pools A and B (and C), extract them with
the user's code path (`extractor.extract_report`, default options as
`mission-extract extract`) and score them against the generator's expected records.

    python bench/unseen.py [--count 30] [--pools A B] [--seed 0 [1 ...]] [--json]
    python bench/unseen.py --pools A C D --seed 1 2 3 --failures   # development pools only

Prints, per pool side by side: field F1 per record kind and overall (micro), alias-group
accuracy, tables given a wrong kind, expected tables left unrecognised, the share of
extra (unknown) columns reported by an `unmapped_column` finding, and seconds.
Several seeds add up into one figure per pool. `--failures` also lists, report by report,
the tables left unrecognised or given a wrong kind, the extra columns no finding names and
reports under an F1 floor: a way to hunt failures in development pools. It refuses pool B,
which is held out (see fixtures/unseen/README.md): its figures are printed, never its reports.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures.unseen.generate import generate_report  # noqa: E402
from fixtures.unseen.pools import POOLS  # noqa: E402
from fixtures.unseen.score import ALL_KINDS, PoolScore, f1_of, report_problems  # noqa: E402

HELD_OUT = "B"


def _generate(args: tuple[str, int, int, str]) -> tuple[str, str]:
    pool, seed, index, out = args
    pdf, exp = generate_report(pool, seed, index, Path(out))
    return str(pdf), str(exp)


def _extract(pdf: str) -> tuple[dict | None, float, str | None]:
    from extractor import extract_report

    start = time.perf_counter()
    try:
        report = extract_report(pdf)
        return report.model_dump(mode="json"), time.perf_counter() - start, None
    except Exception as error:  # a report whose extraction raises scores 0
        return None, time.perf_counter() - start, f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=3)}"


def run(pools: list[str], count: int, seeds: list[int], workers: int = 2,
        failures_below: float | None = None) -> dict[str, dict]:
    """Scores per pool over every seed; with `failures_below`, each summary also lists
    the reports with a problem or a field F1 under that floor."""
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="unseen-") as tmp, ProcessPoolExecutor(max_workers=workers) as ex:
        for pool in pools:
            jobs = [(pool, seed, i, tmp) for seed in seeds for i in range(count)]
            made = list(ex.map(_generate, jobs))
            score = PoolScore()
            start = time.perf_counter()
            errors, failures = [], []
            for (pdf, exp), (found, seconds, err) in zip(made, ex.map(_extract, [p for p, _ in made])):
                expected = json.loads(Path(exp).read_text(encoding="utf-8"))
                score.add_report(expected, found, seconds)
                if err:
                    errors.append(f"{Path(pdf).name}: {err.splitlines()[0]}")
                if failures_below is not None:
                    f1 = f1_of(expected, found)
                    problems = report_problems(expected, found)
                    if problems or f1 < failures_below:
                        failures.append(f"{Path(pdf).stem}: F1 {f1:.3f}" + "".join(f"; {p}" for p in problems))
                Path(pdf).unlink()
                Path(exp).unlink()
            summary = score.summary()
            summary["wall_seconds"] = round(time.perf_counter() - start, 2)
            summary["error_messages"] = errors
            summary["failures"] = failures
            results[pool] = summary
    return results


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def print_table(results: dict[str, dict]) -> None:
    pools = list(results)
    rows: list[tuple[str, list]] = []
    for kind in ALL_KINDS + ["overall"]:
        rows.append((f"F1 {kind}", [results[p]["f1"][kind] for p in pools]))
    for key, title in (("alias_accuracy", "alias-group accuracy"), ("tables_wrong_kind", "tables with a wrong kind"),
                       ("tables_unrecognised", "expected tables unrecognised"),
                       ("tables_spurious", "typed tables matching nothing"),
                       ("extra_columns_reported", "extra columns reported"),
                       ("reports", "reports"), ("errors", "extractions that raised"),
                       ("wall_seconds", "seconds (wall, extraction)")):
        rows.append((title, [results[p][key] for p in pools]))
    width = max(len(r[0]) for r in rows) + 2
    print("".ljust(width) + "".join(f"pool {p}".rjust(12) for p in pools))
    for title, vals in rows:
        print(title.ljust(width) + "".join(_fmt(v).rjust(12) for v in vals))
    for p in pools:
        info = results[p]
        print(f"pool {p}: tables expected {info['tables_expected']}, extra columns {info['extra_columns']}, "
              f"alias groups {info['alias_groups']}")
        for msg in info["error_messages"][:5]:
            print(f"  pool {p} error: {msg}")
        for line in info["failures"]:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=30, help="reports per pool [30]")
    ap.add_argument("--pools", nargs="+", default=["A", "B"], choices=list(POOLS))
    ap.add_argument("--seed", type=int, nargs="+", default=[0], help="one or more seeds, added up [0]")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--failures", action="store_true",
                    help="list each development report with a table or column problem or a low F1")
    ap.add_argument("--f1-floor", type=float, default=0.95, help="with --failures: list reports under this F1")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if args.failures and HELD_OUT in args.pools:
        ap.error(f"--failures lists reports one by one: pool {HELD_OUT} is held out, measure it without --failures")
    results = run(args.pools, args.count, args.seed, args.workers, args.f1_floor if args.failures else None)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
