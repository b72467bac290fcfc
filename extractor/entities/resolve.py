"""Decide which entity a printed name refers to: accept, review or reject.

Signals, strongest first: the same acronym (a name's defined acronym, or a bare
acronym equal to the other's initials), unless both long names are printed and
disagree; the same compact form ("ProWood" / "PRO WOOD"); the distinctive words
pairing off one to one, each pair equal or a plausible typo (one or two edits, the
first letter kept, words of five letters or more), so that "Cluster A" never becomes
"Cluster B" nor "Polar" "Solar"; a name that drops qualifiers of a longer one
("Energy Cleantech Cluster") when that longer name is the only such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from .normalise import NameKey, name_key
from .registry import EntityRegistry, RegistryEntity

ACCEPT = 85.0
REVIEW = 70.0
SUBSET_SCORE = 90.0
INITIALS_SCORE = 92.0
MIN_TYPO_LENGTH = 5


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
    return compare_keys(name_key(a), name_key(b))


def decision_for(score: float) -> str:
    return "accept" if score >= ACCEPT else "review" if score >= REVIEW else "reject"


def compare_keys(a: NameKey, b: NameKey) -> float:
    if a.bare_acronym and b.bare_acronym:
        return 100.0 if a.acronym == b.acronym else 0.0
    if a.acronym and b.acronym and a.acronym == b.acronym:
        if a.long_tokens and b.long_tokens:
            long_names = _compare_tokens(a, b)
            return 100.0 if long_names >= ACCEPT else long_names
        return 100.0
    if (a.compact and a.compact == b.compact) or a.compact_all == b.compact_all:
        return 100.0
    for short, long in ((a, b), (b, a)):
        if short.bare_acronym and len(short.acronym or "") >= 3 and short.acronym == long.initials:
            return INITIALS_SCORE
    if a.bare_acronym or b.bare_acronym:
        return min(_compare_tokens(a, b), REVIEW - 1)
    return _compare_tokens(a, b)


def _compare_tokens(a: NameKey, b: NameKey) -> float:
    shorter, longer = (a.tokens, b.tokens) if len(a.tokens) <= len(b.tokens) else (b.tokens, a.tokens)
    if not shorter:
        return 0.0
    exact = _pair_tokens(shorter, longer)
    if exact is None:
        return min(float(fuzz.token_sort_ratio(a.distinctive, b.distinctive)), REVIEW - 1)
    if len(shorter) < len(longer):
        short_key, long_key = (a, b) if a.tokens is shorter else (b, a)
        keeps_kind = short_key.kinds <= long_key.kinds
        return SUBSET_SCORE if len(shorter) >= 2 and keeps_kind else REVIEW + 5
    return 90.0 + 10.0 * exact / len(shorter)


def _pair_tokens(shorter: tuple[str, ...], longer: tuple[str, ...]) -> int | None:
    """Pair every shorter token with a distinct longer one; the number of exact pairs,
    or None when some token finds no partner."""
    free = list(longer)
    exact = 0
    for token in shorter:
        if token in free:
            free.remove(token)
            exact += 1
            continue
        partner = next((other for other in free if _typo_of(token, other)), None)
        if partner is None:
            return None
        free.remove(partner)
    return exact


def _typo_of(a: str, b: str) -> bool:
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < MIN_TYPO_LENGTH or a[0] != b[0]:
        return False
    allowed = 1 if max(len(a), len(b)) < 10 else 2
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


class Resolver:
    """Resolves names against a registry."""

    def __init__(self, registry: EntityRegistry):
        self.registry = registry

    def score_against(self, raw: str, entities: Iterable[RegistryEntity]) -> list[Candidate]:
        query = name_key(raw)
        found = []
        for entity in entities:
            best = max((compare_keys(query, key) for key in entity.keys()), default=0.0)
            if query.acronym and query.acronym in entity.acronyms and (query.bare_acronym or best >= ACCEPT):
                best = 100.0
            if best >= REVIEW - 10:
                found.append(Candidate(entity.id, entity.name, round(best, 1)))
        found.sort(key=lambda c: (-c.score, c.name))
        return found

    def resolve(self, raw: str, scope: Iterable[RegistryEntity] | None = None) -> Resolution:
        """Match `raw` against `scope` (default: the whole registry).

        An accepted match must stand clear of the runner-up; otherwise it is review.
        """
        entities = list(scope) if scope is not None else list(self.registry.entities.values())
        candidates = self.score_against(raw, entities)
        if not candidates:
            return Resolution(raw, "reject", None, 0.0, ())
        top = candidates[0]
        rivals = [c for c in candidates[1:] if c.score >= top.score - 2 and c.score >= ACCEPT]
        decision = decision_for(top.score)
        if decision == "accept" and rivals:
            decision = "review"
        entity = self.registry.get(top.entity_id) if decision == "accept" else None
        return Resolution(raw, decision, entity, top.score, tuple(candidates[:5]))
