"""Held-out benchmark: generate reports from word pools A and B (and C), extract them with
the user's code path (`extractor.extract_report`, default options as
`mission-extract extract`) and score them against the generator's expected records.

    python bench/unseen.py [--count 30] [--pools A B] [--seed 0] [--json]

Prints, per pool side by side: field F1 per record kind and overall (micro), alias-group
accuracy, tables given a wrong kind, expected tables left unrecognised, the share of
extra (unknown) columns reported by an `unmapped_column` finding, and seconds.
Pool B is held out; pool C is a second development pool: see fixtures/unseen/README.md.
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
from fixtures.unseen.score import ALL_KINDS, PoolScore  # noqa: E402


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


def run(pools: list[str], count: int, seed: int, workers: int = 2) -> dict[str, dict]:
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="unseen-") as tmp, ProcessPoolExecutor(max_workers=workers) as ex:
        for pool in pools:
            jobs = [(pool, seed, i, tmp) for i in range(count)]
            made = list(ex.map(_generate, jobs))
            score = PoolScore()
            start = time.perf_counter()
            errors = []
            for (pdf, exp), (found, seconds, err) in zip(made, ex.map(_extract, [p for p, _ in made])):
                expected = json.loads(Path(exp).read_text(encoding="utf-8"))
                score.add_report(expected, found, seconds)
                if err:
                    errors.append(f"{Path(pdf).name}: {err.splitlines()[0]}")
            summary = score.summary()
            summary["wall_seconds"] = round(time.perf_counter() - start, 2)
            summary["error_messages"] = errors
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=30, help="reports per pool [30]")
    ap.add_argument("--pools", nargs="+", default=["A", "B"], choices=list(POOLS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    results = run(args.pools, args.count, args.seed, args.workers)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
