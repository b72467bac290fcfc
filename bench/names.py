"""Entity resolution benchmark: quality on labelled pairs, speed at archive scale.

1. Precision and recall of "same" on `fixtures/entities/labelled.tsv`, per class and
   overall, on its development half and on its frozen test half, through the CLI exactly
   as a user would run it: `mission-extract entities compare --pairs FILE`. Targets on
   the test half: precision >= 0.995, recall >= 0.95, no class under 0.98 precision.
   Then the same on the older hand-labelled `fixtures/entities/pairs.tsv`.
2. Resolving 10,000 names against a registry of 5,000 entities with the resolver
   (index + cdist shortlist + full rules) against a plain Python loop calling
   `rapidfuzz.fuzz.WRatio` on every pair, in the same run. Target: >= 10x faster.
   `--sample N` times the loop on N queries only and scales it (per-pair cost).

    python bench/names.py [--sample 1000] [--quality-only]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "fixtures" / "entities" / "pairs.tsv"
LABELLED = ROOT / "fixtures" / "entities" / "labelled.tsv"

REGIONS = """Aragon Navarra Galicia Asturias Murcia Valencia Andalucia Extremadura Catalunya Euskadi Bretagne
Normandie Occitanie Provence Alsace Lorraine Picardie Bourgogne Bayern Sachsen Hessen Thuringen Brandenburg
Steiermark Tirol Salzburg Karnten Lombardia Piemonte Veneto Toscana Puglia Sicilia Sardegna Liguria Marche
Mazowsze Slask Pomorze Malopolska Morava Cechy Transilvania Banat Oltenia Moldova Dobrogea Thessaly Crete
Attica Epirus Macedonia Flanders Wallonia Brabant Limburg Zeeland Jutland Funen Skane Uppsala Lapland Karelia
Savonia Kainuu Ostrobothnia Estonia Latvia Lithuania Slovenia Croatia Dalmatia Istria Bohemia Silesia""".split()
SECTORS = """Energy Water Agrofood Automotive Aerospace Photonics Robotics Textile Wood Furniture Maritime Logistics
Health Biotech Medtech Cleantech ICT Software Mobility Railway Plastics Chemicals Packaging Tourism Wine Dairy
Fisheries Forestry Mining Metals Ceramics Glass Fashion Design Creative Gaming Space Drones Batteries Hydrogen
Solar Wind Biomass Geothermal Nuclear Smartgrid Construction Housing Security Defence Nanotech Materials""".split()
KINDS = ["Cluster", "Innovation Cluster", "Technology Cluster", "Business Network", "Competence Centre", "Association", "Pole"]


def invented_word(rng: random.Random) -> str:
    syllables = ["ka", "to", "ri", "me", "zan", "lo", "vi", "ter", "mon", "sa", "bel", "dor", "qua", "nex", "tri", "vo"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()


def make_names(rng: random.Random, n: int) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        shape = rng.random()
        if shape < 0.5:
            name = f"{rng.choice(REGIONS)} {rng.choice(SECTORS)} {rng.choice(KINDS)}"
        elif shape < 0.8:
            name = f"{invented_word(rng)} {rng.choice(SECTORS)} {rng.choice(KINDS)}"
        else:
            name = f"{invented_word(rng)} {invented_word(rng)}"
        names.add(name)
    return sorted(names)


def variant(name: str, rng: random.Random) -> str:
    words = name.split()
    kind = rng.random()
    if kind < 0.25:
        return name.upper()
    if kind < 0.5 and len(words[0]) > 5:
        i = rng.randrange(1, len(words[0]) - 1)
        words[0] = words[0][:i] + words[0][i + 1 :]
        return " ".join(words)
    if kind < 0.75:
        return " ".join(w for w in words if w not in ("Cluster", "Association", "Pole")) or name
    return name.lower()


def decisions(pairs_file: Path) -> dict[tuple[str, str], str]:
    """The CLI's decision (same / review / different) for every pair of the file."""
    out = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "entities", "compare", "--pairs", str(pairs_file)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    return {(item["a"], item["b"]): item["decision"] for item in map(json.loads, out.splitlines())}


def precision_recall(rows: list[tuple[bool, bool]]) -> tuple[float, float, int]:
    """(precision, recall) of "same" over (said same, truly same) rows, and the row count."""
    tp = sum(said and truly for said, truly in rows)
    fp = sum(said and not truly for said, truly in rows)
    fn = sum(truly and not said for said, truly in rows)
    return tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, len(rows)


def quality() -> tuple[float, float, int]:
    """The hand-labelled `pairs.tsv` (one set, no halves)."""
    labels = {}
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            labels[(row["name_a"], row["name_b"])] = row["label"] == "same"
    said = decisions(PAIRS)
    return precision_recall([(said[pair] == "same", truly) for pair, truly in labels.items()])


def labelled_quality() -> dict[str, dict[str, tuple[float, float, int]]]:
    """Per half (dev, test) and per class (and "overall"): precision and recall of "same"
    on `labelled.tsv`. Fails if a row's half no longer agrees with the hash of its pair."""
    sys.path.insert(0, str(LABELLED.parent))
    from make_labelled import half_of

    said = decisions(LABELLED)
    rows: dict[str, dict[str, list[tuple[bool, bool]]]] = {}
    with LABELLED.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["half"] != half_of(row["name_a"], row["name_b"]):
                raise SystemExit(f"{LABELLED}: pair {row['name_a']!r} / {row['name_b']!r} moved out of its half")
            item = (said[(row["name_a"], row["name_b"])] == "same", row["label"] == "same")
            for group in (row["class"], "overall"):
                rows.setdefault(row["half"], {}).setdefault(group, []).append(item)
    return {half: {group: precision_recall(items) for group, items in sorted(groups.items())} for half, groups in sorted(rows.items())}


def print_labelled(figures: dict[str, dict[str, tuple[float, float, int]]]) -> None:
    print(f"labelled pairs ({LABELLED.relative_to(ROOT)}): precision / recall of 'same' per class")
    halves = list(figures)
    print(f"  {'class':<20}" + "".join(f"{h + ' P':>10}{h + ' R':>9}{h + ' n':>8}" for h in halves))
    groups = sorted({g for h in halves for g in figures[h]}, key=lambda g: (g == "overall", g))
    for group in groups:
        cells = "".join(f"{figures[h][group][0]:>10.3f}{figures[h][group][1]:>9.3f}{figures[h][group][2]:>8}" if group in figures[h] else " " * 27 for h in halves)
        print(f"  {group:<20}{cells}")
    if "test" in figures:
        p, r, _ = figures["test"]["overall"]
        worst = min(v[0] for k, v in figures["test"].items())
        print(f"  frozen test half: precision {p:.3f} (target >= 0.995)   recall {r:.3f} (target >= 0.95)   lowest class precision {worst:.3f} (target >= 0.98)")


def speed(n_entities: int, n_queries: int, sample: int | None) -> None:
    from extractor.entities.registry import EntityRegistry
    from extractor.entities.resolve import Resolver

    rng = random.Random(7)
    names = make_names(rng, n_entities)
    registry = EntityRegistry()
    for name in names:
        registry.add(name, "cluster")
    queries = [variant(rng.choice(names), rng) if rng.random() < 0.7 else invented_word(rng) + " " + rng.choice(SECTORS)
               for _ in range(n_queries)]
    resolver = Resolver(registry)
    start = time.perf_counter()
    results = resolver.resolve_many(queries)
    ours = time.perf_counter() - start
    accepted = sum(r.decision == "accept" for r in results)

    timed = queries[:sample] if sample else queries
    chosen = []
    start = time.perf_counter()
    for query in timed:
        best, best_score = None, -1.0
        for name in names:
            score = fuzz.WRatio(query, name)
            if score > best_score:
                best, best_score = name, score
        chosen.append(best)
    loop = (time.perf_counter() - start) * (len(queries) / len(timed))
    scaled = f" (timed on {len(timed)} queries, scaled)" if sample else ""
    print(f"resolve {n_queries} names against {n_entities} entities")
    print(f"  resolver (index + cdist + rules): {ours:8.2f} s   accepted {accepted}")
    print(f"  plain WRatio loop over all pairs: {loop:8.2f} s{scaled}")
    print(f"  speed-up: {loop / ours:6.1f}x   (target >= 10x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=10000)
    parser.add_argument("--sample", type=int, default=None, help="time the plain loop on this many queries and scale")
    parser.add_argument("--quality-only", action="store_true", help="the labelled pairs only, no speed benchmark")
    args = parser.parse_args()
    print_labelled(labelled_quality())
    precision, recall, n = quality()
    print(f"older hand-labelled pairs ({PAIRS.relative_to(ROOT)}): {n}   precision {precision:.3f}   recall {recall:.3f}")
    if not args.quality_only:
        speed(args.entities, args.queries, args.sample)


if __name__ == "__main__":
    main()
