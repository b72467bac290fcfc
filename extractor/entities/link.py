"""Link one report's entities into a persistent registry, so ids hold across reports.

A report is first resolved on its own (names within one document); linking then
maps each of its entities to the registry: the same entity when a name or alias is
accepted, a new one when none is, and a review-queue entry plus an
`ambiguous_match` finding when the match is not sure enough either way. Linking
reports one at a time in a fixed order gives the same ids on every run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from schemas.records import Finding, MissionReport

from .registry import EntityRegistry
from .resolve import Resolver


def link_report(report: MissionReport, registry: EntityRegistry, review_queue: Path | None = None) -> MissionReport:
    """The report with every entity id and canonical name taken from `registry`.

    The registry learns the report's entities and spellings; save it afterwards.
    """
    resolver = Resolver(registry)
    mapping: dict[str, str] = {}
    findings: list[Finding] = []
    reviews: list[dict] = []
    ordered = sorted(report.entities, key=lambda e: (e.kind != "cluster", _first_use(report, e.id)))
    for entity in ordered:
        target = None
        for spelling in [entity.name, *entity.aliases]:
            resolution = resolver.resolve(spelling)
            if resolution.decision == "accept" and resolution.entity is not None:
                target = resolution.entity
                break
            if resolution.decision == "review":
                reviews.append(
                    {
                        "report_id": report.report_id,
                        "raw": spelling,
                        "candidates": [{"id": c.entity_id, "name": c.name, "score": c.score} for c in resolution.candidates],
                    }
                )
                findings.append(
                    Finding(
                        code="ambiguous_match",
                        severity="warning",
                        message=f"{spelling!r} resembles registry entities but not surely enough to merge; queued for review",
                        expected=None,
                        found=reviews[-1]["candidates"],
                    )
                )
                break
        if target is None:
            target = registry.add(entity.name, entity.kind, entity.country, first_seen=report.report_id)
        registry.describe(target, entity.kind, entity.country)
        for alias in entity.aliases:
            registry.add_alias(target, alias)
        mapping[entity.id] = target.id
    data = report.model_dump(mode="json")
    _rewrite_refs(data, mapping, registry)
    data["entities"] = _merged_entities(data["entities"], mapping, registry)
    data["findings"] = data["findings"] + [f.model_dump(mode="json") for f in findings]
    if review_queue is not None and reviews:
        _append_reviews(review_queue, reviews)
    return MissionReport.model_validate(data)


def _first_use(report: MissionReport, entity_id: str) -> int:
    for index, member in enumerate(report.delegation):
        if member.cluster.id == entity_id:
            return index
    return len(report.delegation)


def _rewrite_refs(node: Any, mapping: dict[str, str], registry: EntityRegistry) -> None:
    if isinstance(node, dict):
        if set(node) == {"id", "name", "raw", "score"} and node["id"] in mapping:
            entity = registry.get(mapping[node["id"]])
            node["id"], node["name"] = entity.id, entity.name
            return
        for key, value in node.items():
            if key != "entities":
                _rewrite_refs(value, mapping, registry)
    elif isinstance(node, list):
        for item in node:
            _rewrite_refs(item, mapping, registry)


def _merged_entities(entities: list[dict], mapping: dict[str, str], registry: EntityRegistry) -> list[dict]:
    merged: dict[str, dict] = {}
    for item in entities:
        entity = registry.get(mapping.get(item["id"], item["id"]))
        target = merged.setdefault(
            entity.id, {"id": entity.id, "name": entity.name, "kind": entity.kind, "aliases": [], "country": entity.country}
        )
        target["aliases"] = sorted(set(target["aliases"]) | set(item["aliases"]))
        target["kind"] = entity.kind
    return sorted(merged.values(), key=lambda e: e["name"])


def _append_reviews(path: Path, reviews: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    seen = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                seen.add(json.loads(line)["raw"])
            except (json.JSONDecodeError, KeyError):
                continue
    with path.open("a", encoding="utf-8") as handle:
        for review in reviews:
            if review["raw"] not in seen:
                handle.write(json.dumps(review, ensure_ascii=False) + "\n")
                seen.add(review["raw"])


def review_queue_path(registry_path: Path) -> Path:
    return registry_path.with_name(registry_path.stem + ".review.jsonl")
