"""Entity resolution for one report: EntityRefs, the report's entity list, findings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from schemas.records import Entity, EntityRef, Finding, Provenance

from .closed_world import ClosedWorld, Decision
from .normalise import fold, name_key
from .registry import EntityRegistry, RegistryEntity
from .resolve import Resolution, Resolver, compare, decision_for

__all__ = ["ClosedWorld", "EntityRegistry", "ReportEntities", "Resolver", "compare", "decision_for", "name_key"]


class ReportResolver(Resolver):
    """The archive-wide resolver of one report, carrying that report's closed world
    (or None) so that `find_mentions(texts, members, resolver)` applies it too."""

    def __init__(self, registry: EntityRegistry, closed_world: ClosedWorld | None = None):
        super().__init__(registry)
        self.closed_world = closed_world


@dataclass
class ReportEntities:
    """Links the names printed in one report to registry entities.

    The delegation table seeds the report's clusters; names in cluster columns are
    resolved among them first; partner names against the whole registry. Whatever
    cannot be decided is added as a new entity and reported as a finding.

    With `closed_world` (the default), a cluster name is first matched among the
    members under the report's closed-world rules (closed_world.py: defined acronyms,
    initials, abbreviations, transliterations, dropped words...); only when no member
    fits alone do the archive-wide rules decide, and they may not pick one of members
    the closed world found tied. `closed_world_log()` says which rule decided.
    Call `learn_definitions` with the narrative texts (and table cells) before the
    tables' records are built, so that a table may use an acronym defined later.
    Partner names (`organisation`) stay open-world.
    """

    registry: EntityRegistry
    report_id: str = ""
    delegation: list[str] = field(default_factory=list)
    spellings: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    closed_world: bool = True

    def __post_init__(self) -> None:
        self.resolver = ReportResolver(self.registry)
        self.closed: ClosedWorld | None = ClosedWorld(self.members, self.resolver) if self.closed_world else None
        self.resolver.closed_world = self.closed

    def learn_definitions(self, texts: list[str | None]) -> None:
        """The acronyms the document defines anywhere ("Long Name (ACR)", "ACR (Long
        Name)", "ACR – Long Name", a table cell "ACR - Long Name"), kept to resolve
        bare acronyms among the delegation. Does nothing without the closed world."""
        if self.closed is not None:
            self.closed.learn(texts)

    def closed_world_log(self) -> list[Decision]:
        """Every closed-world decision so far: the printed name, the rule, the member."""
        return list(self.closed.log) if self.closed is not None else []

    def delegation_member(self, raw: str, country: str | None) -> EntityRef:
        claimed = set(self.delegation)
        free = [e for e in self.registry.entities.values() if e.id not in claimed]
        resolution = self.resolver.resolve(raw, free)
        if resolution.decision == "accept" and resolution.entity is not None:
            entity = resolution.entity
            self.registry.describe(entity, "cluster", country)
            score = resolution.score
        else:
            entity = self.registry.add(raw, "cluster", country, first_seen=self.report_id)
            score = 100.0
        self.delegation.append(entity.id)
        return self._ref(entity, raw, score)

    def cluster(self, raw: str, provenance: Provenance | None) -> EntityRef:
        """A name printed where a delegation cluster is expected."""
        members = [self.registry.get(i) for i in self.delegation]
        tied: set[str] = set()
        if self.closed is not None:
            match = self.closed.match(raw)
            if match is not None:
                return self._ref(match.entity, raw, match.score)
            tied = self.closed.tie(raw)
        resolution = self.resolver.resolve(raw, members)
        if self._accepted(resolution):
            if resolution.entity.id not in tied:
                return self._ref(resolution.entity, raw, resolution.score)
            resolution = replace(resolution, decision="review", entity=None)  # one of a tie
        if resolution.decision == "review":
            self._ambiguous(resolution, provenance)
        else:
            elsewhere = self.resolver.resolve(raw)
            if self._accepted(elsewhere) and elsewhere.entity.id not in tied:
                return self._ref(elsewhere.entity, raw, elsewhere.score)
            self.findings.append(
                Finding(
                    code="unresolved_name",
                    severity="warning",
                    message=f"cluster name {raw!r} matches no member of the delegation",
                    expected=None,
                    found=raw,
                    provenance=provenance,
                )
            )
        entity = self.registry.add(raw, "cluster", first_seen=self.report_id)
        return self._ref(entity, raw, 100.0)

    def organisation(self, raw: str, is_cluster: bool, provenance: Provenance | None) -> EntityRef:
        """A counterpart's name: any entity of the registry, else a new one."""
        resolution = self.resolver.resolve(raw)
        if resolution.decision == "accept" and resolution.entity is not None:
            entity = resolution.entity
            if is_cluster:
                self.registry.describe(entity, "cluster")
            return self._ref(entity, raw, resolution.score)
        if resolution.decision == "review":
            self._ambiguous(resolution, provenance)
        kind = "cluster" if is_cluster or "cluster" in fold(raw).split() else "organisation"
        entity = self.registry.add(raw, kind, first_seen=self.report_id)
        return self._ref(entity, raw, 100.0)

    def _accepted(self, resolution: Resolution) -> bool:
        """An accepted resolution, unless the closed world knows the document defines
        the acronym as something else."""
        if resolution.decision != "accept" or resolution.entity is None:
            return False
        return self.closed is None or not self.closed.contradicts(resolution.raw, resolution.entity)

    def names_member(self, raw: str) -> bool:
        """Whether `raw` names one delegation member, by the closed world's rules or
        surely by the archive-wide ones; nothing is recorded."""
        if self.closed is not None and self.closed.names(raw):
            return True
        return self._accepted(self.resolver.resolve(raw, self.members()))

    def members(self) -> list[RegistryEntity]:
        return [self.registry.get(i) for i in self.delegation]

    def mentioned(self, entity: RegistryEntity, raw: str) -> None:
        """Record a spelling the narrative uses for an entity of this report."""
        self._ref(entity, raw, 100.0)

    def ref_for(self, entity: RegistryEntity, raw: str, score: float) -> EntityRef:
        return self._ref(entity, raw, score)

    def entities(self) -> list[Entity]:
        """Every entity this report referenced, with the spellings it printed."""
        out = []
        for entity_id, raws in self.spellings.items():
            entity = self.registry.get(entity_id)
            out.append(
                Entity(
                    id=entity.id,
                    name=entity.name,
                    kind=entity.kind,  # type: ignore[arg-type]
                    aliases=sorted(set(raws)),
                    country=entity.country,
                )
            )
        return sorted(out, key=lambda e: e.name)

    def _ref(self, entity: RegistryEntity, raw: str, score: float) -> EntityRef:
        self.registry.add_alias(entity, raw)
        self.spellings.setdefault(entity.id, [])
        if raw not in self.spellings[entity.id]:
            self.spellings[entity.id].append(raw)
        return EntityRef(id=entity.id, name=entity.name, raw=raw, score=round(score, 1))

    def _ambiguous(self, resolution: Resolution, provenance: Provenance | None) -> None:
        self.findings.append(
            Finding(
                code="ambiguous_match",
                severity="warning",
                message=f"{resolution.raw!r} resembles known entities but not surely enough to merge",
                expected=None,
                found={
                    "raw": resolution.raw,
                    "candidates": [{"id": c.entity_id, "name": c.name, "score": c.score} for c in resolution.candidates],
                },
                provenance=provenance,
            )
        )
