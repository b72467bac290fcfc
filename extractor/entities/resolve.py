"""Decide which entity a printed name refers to: accept, review or reject.

Signals, strongest first: an acronym the name defines or is; the same compact
form ("ProWood" / "PRO WOOD"); a fuzzy match of the distinctive words, allowed only
when every distinctive word of the shorter name finds its match in the longer, so
that "Cluster A" never becomes "Cluster B"; a name that drops qualifiers of a
longer one ("Energy Cleantech Cluster") when that longer name is the only such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import fuzz

from .normalise import NameKey, name_key
from .registry import EntityRegistry, RegistryEntity

ACCEPT = 85.0
REVIEW = 70.0
TOKEN_MATCH = 80.0
SUBSET_SCORE = 90.0


@dataclass(frozen=True)
class Candidate:
    entity_id: str
    name: str
    score: float


@dataclass(frozen=True)
class Resolution:
    raw: str
    decision: str  # "accept", "review" or "reject"
    entity: RegistryEntity | None
    score: float
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)


def compare(a: str, b: str) -> float:
    """Similarity (0-100) of two printed names under the rules above."""
    return _compare_keys(name_key(a), name_key(b))


def decision_for(score: float) -> str:
    return "accept" if score >= ACCEPT else "review" if score >= REVIEW else "reject"


def _compare_keys(a: NameKey, b: NameKey) -> float:
    if a.acronym and b.acronym and a.acronym == b.acronym:
        return 100.0
    if a.acronym and a.raw.strip().upper() == a.acronym and b.initials and a.acronym == b.initials and len(a.acronym) >= 3:
        return 92.0
    if b.acronym and b.raw.strip().upper() == b.acronym and a.initials and b.acronym == a.initials and len(b.acronym) >= 3:
        return 92.0
    if a.compact and a.compact == b.compact:
        return 100.0
    shorter, longer = (a.tokens, b.tokens) if len(a.tokens) <= len(b.tokens) else (b.tokens, a.tokens)
    if not shorter:
        return 0.0
    matched = _match_tokens(shorter, longer)
    if matched is None:
        return min(float(fuzz.ratio(a.distinctive, b.distinctive)), REVIEW - 1)
    if len(shorter) < len(longer):
        if len(shorter) >= 2 and all(score >= 90 for score in matched):
            return SUBSET_SCORE
        return min(float(fuzz.ratio(a.distinctive, b.distinctive)), REVIEW + 5)
    return float(fuzz.ratio(" ".join(sorted(a.tokens)), " ".join(sorted(b.tokens))))


def _match_tokens(shorter: tuple[str, ...], longer: tuple[str, ...]) -> list[float] | None:
    """Best pairing of each shorter token with a distinct longer token, or None if one finds none."""
    free = list(longer)
    scores = []
    for token in shorter:
        best, best_score = None, 0.0
        for other in free:
            score = float(fuzz.ratio(token, other))
            if score > best_score:
                best, best_score = other, score
        if best is None or best_score < TOKEN_MATCH:
            return None
        free.remove(best)
        scores.append(best_score)
    return scores


class Resolver:
    """Resolves names against a registry, learning aliases as it accepts them."""

    def __init__(self, registry: EntityRegistry):
        self.registry = registry

    def score_against(self, raw: str, entities: Iterable[RegistryEntity]) -> list[Candidate]:
        query = name_key(raw)
        found = []
        for entity in entities:
            best = max((_compare_keys(query, key) for key in entity.keys()), default=0.0)
            for acronym in entity.acronyms:
                if query.acronym == acronym:
                    best = 100.0
            if best >= REVIEW - 10:
                found.append(Candidate(entity.id, entity.name, round(best, 1)))
        found.sort(key=lambda c: (-c.score, c.name))
        return found

    def resolve(self, raw: str, scope: Iterable[RegistryEntity] | None = None) -> Resolution:
        """Match `raw` against `scope` (default: the whole registry).

        A subset match is accepted only when no other entity matches as well.
        """
        entities = list(scope) if scope is not None else list(self.registry.entities.values())
        candidates = self.score_against(raw, entities)
        if not candidates:
            return Resolution(raw, "reject", None, 0.0, ())
        top = candidates[0]
        rivals = [c for c in candidates[1:] if c.score >= top.score - 2]
        decision = decision_for(top.score)
        if decision == "accept" and rivals:
            decision = "review"
        entity = self.registry.get(top.entity_id) if decision == "accept" else None
        return Resolution(raw, decision, entity, top.score, tuple(candidates[:5]))
