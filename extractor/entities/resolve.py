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
    for one, other in ((a, b), (b, a)):
        if other.acronym and one.tokens == (other.acronym.lower(),) and not one.bare_acronym:
            return 100.0  # "TEMA Cluster" for "TEMA - Advanced Materials Cluster"
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
    """Resolves names against a registry.

    Candidates come from an index (exact acronym, initials and compact-form look-ups,
    then rapidfuzz `cdist` over the distinctive words, vectorised and cut off); only
    those few are scored by the full rules, so resolving is not a loop over every
    entity in Python.
    """

    def __init__(self, registry: EntityRegistry, candidates: int = 12, cutoff: int = 45):
        self.registry = registry
        self.limit = candidates
        self.cutoff = cutoff
        self._index: _Index | None = None
        self._version = -1

    def _current_index(self) -> "_Index":
        if self._index is None or self._version != self.registry.version:
            self._index = _Index(list(self.registry.entities.values()))
            self._version = self.registry.version
        return self._index

    def score_against(self, raw: str, entities: Iterable[RegistryEntity]) -> list[Candidate]:
        """Full-rule scores of `raw` against each of `entities` (no index)."""
        query = name_key(raw)
        return _ranked(query, entities)

    def resolve(self, raw: str, scope: Iterable[RegistryEntity] | None = None) -> Resolution:
        """Match `raw` against `scope` (default: the whole registry, through the index).

        An accepted match must stand clear of the runner-up; otherwise it is review.
        """
        if scope is not None:
            return _decide(raw, self.score_against(raw, scope), self.registry)
        return self.resolve_many([raw])[0]

    def resolve_many(self, raws: list[str]) -> list[Resolution]:
        """Resolve many names against the whole registry at once."""
        index = self._current_index()
        shortlists = index.shortlists([name_key(r) for r in raws], self.limit, self.cutoff)
        return [
            _decide(raw, _ranked(name_key(raw), (index.entities[i] for i in ids)), self.registry)
            for raw, ids in zip(raws, shortlists)
        ]


def _ranked(query: NameKey, entities: Iterable[RegistryEntity]) -> list[Candidate]:
    found = []
    for entity in entities:
        best = max((compare_keys(query, key) for key in entity.keys()), default=0.0)
        if query.acronym and query.acronym in entity.acronyms and (query.bare_acronym or best >= ACCEPT):
            best = 100.0
        if best >= REVIEW - 10:
            found.append(Candidate(entity.id, entity.name, round(best, 1)))
    found.sort(key=lambda c: (-c.score, c.name))
    return found


def _decide(raw: str, candidates: list[Candidate], registry: EntityRegistry) -> Resolution:
    if not candidates:
        return Resolution(raw, "reject", None, 0.0, ())
    top = candidates[0]
    rivals = [c for c in candidates[1:] if c.score >= top.score - 2 and c.score >= ACCEPT]
    decision = decision_for(top.score)
    if decision == "accept" and rivals:
        decision = "review"
    entity = registry.get(top.entity_id) if decision == "accept" else None
    return Resolution(raw, decision, entity, top.score, tuple(candidates[:5]))


class _Index:
    """Look-up tables over every alias of every entity."""

    def __init__(self, entities: list[RegistryEntity]):
        self.entities = entities
        self.by_exact: dict[str, set[int]] = {}
        self.texts: list[str] = []
        self.owner: list[int] = []
        for i, entity in enumerate(entities):
            for key in entity.keys():
                for exact in filter(None, (key.acronym, key.initials if len(key.initials) >= 3 else None, key.compact, key.compact_all)):
                    self.by_exact.setdefault(exact, set()).add(i)
                self.texts.append(" ".join(sorted(key.tokens)))
                self.owner.append(i)
            for acronym in entity.acronyms:
                self.by_exact.setdefault(acronym, set()).add(i)

    def shortlists(self, queries: list[NameKey], limit: int, cutoff: int) -> list[list[int]]:
        import numpy as np
        from rapidfuzz import process

        results: list[list[int]] = [[] for _ in queries]
        for q, query in enumerate(queries):
            for exact in filter(None, (query.acronym, query.compact, query.compact_all, query.initials if len(query.initials) >= 3 else None)):
                results[q].extend(self.by_exact.get(exact, ()))
        if self.texts:
            owner = np.asarray(self.owner)
            chunk = 2000
            for start in range(0, len(queries), chunk):
                part = [" ".join(sorted(k.tokens)) for k in queries[start : start + chunk]]
                scores = process.cdist(part, self.texts, scorer=fuzz.ratio, dtype=np.uint8, workers=-1, score_cutoff=cutoff)
                take = min(limit, scores.shape[1])
                best = np.argpartition(255 - scores, take - 1, axis=1)[:, :take] if take < scores.shape[1] else np.tile(np.arange(scores.shape[1]), (len(part), 1))
                for row, columns in enumerate(best):
                    hits = [owner[c] for c in columns if scores[row, c] > 0]
                    results[start + row].extend(int(h) for h in hits)
        return [list(dict.fromkeys(ids)) for ids in results]
