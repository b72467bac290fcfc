"""Header rows: find them, flatten multi-level headers, map them to contract fields.

Mapping is by fuzzy match of each column's header against the profile's header
spellings per field, never by column position, so reworded headers, a missing
column or columns in another order still map.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .profile import Profile, TableSpec
from .tables.base import RawTable

HEADER_MATCH = 80.0
TITLE_MATCH = 80.0
SUBSET_MATCH = 88.0  # every word of a (multi-word) spelling appears in the header
_LABEL_PREFIX = re.compile(r"^\s*(table|annex|annexe|figure)\s+[0-9ivx]+\s*[-–—:.]?\s*", re.IGNORECASE)


def normalise_header(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w#&%]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class ColumnMap:
    """Which columns hold which field; `scores` keeps each chosen match's score."""

    kind: str | None
    columns: dict[str, tuple[int, ...]] = field(default_factory=dict)
    scores: dict[int, float] = field(default_factory=dict)
    title_score: float = 0.0

    def column(self, name: str) -> int | None:
        found = self.columns.get(name)
        return found[0] if found else None

    def min_score(self) -> float:
        return min(self.scores.values(), default=100.0)


def header_row_count(table: RawTable, profile: Profile) -> int:
    """How many leading rows of `table` are header rows.

    The first row is a header when most of its cells read like header spellings of
    the profile; rows below it are header rows too while a header cell spans down
    into them (the lower level of a two-level header).
    """
    if not table.grid:
        return 0
    first = [c.text for c in table.grid[0] if c is not None and c.text]
    if not first:
        return 0
    spellings = _all_header_spellings(profile)
    matched = sum(1 for text in first if _best_strict(text, spellings) >= HEADER_MATCH)
    if matched * 2 < len(first):
        return 0
    count = 1
    while count < len(table.grid) - 1 and table.spans_down(count - 1):
        count += 1
    return count


def header_matrix(table: RawTable, rows: int) -> list[list[str]]:
    """The header rows as printed: a cell's text where it starts, "" elsewhere."""
    return [[(cell.text or "") if cell else "" for cell in table.grid[r]] for r in range(rows)]


def flatten_headers(table: RawTable, rows: int) -> list[str]:
    """One header per column: the texts of every header cell covering it, top down."""
    flat = []
    for column in range(table.n_columns):
        parts: list[str] = []
        for row in range(rows):
            cell = table.covering(row, column)
            if cell and cell.text and (not parts or parts[-1] != cell.text):
                parts.append(cell.text)
        flat.append(" ".join(parts))
    return flat


def leaf_headers(table: RawTable, rows: int) -> list[str]:
    """The lowest header text of each column (e.g. "Directly" under its group)."""
    leaves = []
    for column in range(table.n_columns):
        text = ""
        for row in range(rows):
            cell = table.covering(row, column)
            if cell and cell.text:
                text = cell.text
        leaves.append(text)
    return leaves


def title_of(label: str | None) -> str:
    return _LABEL_PREFIX.sub("", label or "").strip()


def classify(
    label: str | None, flat: list[str], leaves: list[str], profile: Profile
) -> ColumnMap:
    """Choose the table kind whose title and headers fit best, and map its columns.

    Headers are weighed by the share of the table's headed columns they explain, so
    a small kind does not win on a wide table by matching two of its columns. A kind is eligible when all its required fields map (or, for header-less
    layouts, when the caption matches one of its titles).
    """
    best = ColumnMap(kind=None)
    best_score = 0.0
    title = normalise_header(title_of(label))
    for spec in profile.tables:
        title_score = max((fuzz.ratio(title, normalise_header(t)) for t in spec.titles), default=0.0) if title else 0.0
        mapping = map_columns(spec, flat, leaves)
        if spec.layout != "grid":
            if title_score < TITLE_MATCH:
                continue
            mapping = ColumnMap(kind=spec.kind, columns={}, scores={}, title_score=title_score)
            score = title_score / 100 + 0.5
        else:
            if not all(name in mapping.columns for name in spec.required):
                continue
            headed = sum(1 for h in flat if h) or 1
            explained = sum(mapping.scores.values()) / (100 * headed)
            score = explained + (title_score / 100 if title_score >= TITLE_MATCH else 0.0)
        if score > best_score:
            best_score = score
            best = ColumnMap(kind=spec.kind, columns=mapping.columns, scores=mapping.scores, title_score=title_score)
    return best


def map_columns(spec: TableSpec, flat: list[str], leaves: list[str]) -> ColumnMap:
    """Assign columns to fields, best matches first; each column serves one field."""
    candidates: list[tuple[float, int, str]] = []
    for column, (whole, leaf) in enumerate(zip(flat, leaves)):
        if not whole:
            continue
        for field_spec in spec.fields:
            score = max(
                max(_score(whole, h), _score(leaf, h) if leaf else 0.0) for h in field_spec.headers
            ) if field_spec.headers else 0.0
            if score >= HEADER_MATCH:
                candidates.append((score, column, field_spec.name))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    columns: dict[str, list[int]] = {}
    scores: dict[int, float] = {}
    for score, column, name in candidates:
        if column in scores:
            continue
        spec_field = spec.field(name)
        if name in columns and not (spec_field and spec_field.multi):
            continue
        columns.setdefault(name, []).append(column)
        scores[column] = score
    return ColumnMap(
        kind=spec.kind,
        columns={name: tuple(sorted(cols)) for name, cols in columns.items()},
        scores=scores,
    )


def _score(header: str, spelling: str) -> float:
    a, b = normalise_header(header), normalise_header(spelling)
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    score = max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))
    spelling_tokens = set(b.split())
    if len(spelling_tokens) >= 2 and spelling_tokens <= set(a.split()):
        score = max(score, SUBSET_MATCH)
    return float(score)


def _all_header_spellings(profile: Profile) -> list[str]:
    return [h for spec in profile.tables for f in spec.fields for h in f.headers]


def _best_strict(text: str, spellings: list[str]) -> float:
    """Whole-string similarity only: a data cell that merely contains a header word
    (a cluster named "... Cluster") must not read as a header."""
    a = normalise_header(text)
    return max(
        (max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) for b in map(normalise_header, spellings)),
        default=0.0,
    )
