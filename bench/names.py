"""Entity resolution benchmark: quality on labelled pairs, speed at archive scale.

1. Precision and recall of the resolver on `fixtures/entities/pairs.tsv` (hand-labelled
   same / different pairs), through the CLI exactly as a user would run it:
   `mission-extract entities compare --pairs fixtures/entities/pairs.tsv`.
   Targets: precision >= 0.99, recall >= 0.95.
2. Resolving 10,000 names against a registry of 5,000 entities with the resolver
   (index + cdist shortlist + full rules) against a plain Python loop calling
   `rapidfuzz.fuzz.WRatio` on every pair, in the same run. Target: >= 10x faster.
   `--sample N` times the loop on N queries only and scales it (per-pair cost).

    python bench/names.py [--sample 1000]
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


def quality() -> tuple[float, float, int]:
    labels = {}
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            labels[(row["name_a"], row["name_b"])] = row["label"] == "same"
    out = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "entities", "compare", "--pairs", str(PAIRS)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    tp = fp = fn = 0
    for line in out.splitlines():
        item = json.loads(line)
        said_same = item["decision"] == "same"
        truly_same = labels[(item["a"], item["b"])]
        tp += said_same and truly_same
        fp += said_same and not truly_same
        fn += truly_same and not said_same
    return tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, len(labels)


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
    args = parser.parse_args()
    precision, recall, n = quality()
    print(f"labelled pairs: {n}   precision {precision:.3f} (target >= 0.99)   recall {recall:.3f} (target >= 0.95)")
    speed(args.entities, args.queries, args.sample)


if __name__ == "__main__":
    main()
