"""Header rows: find them, flatten multi-level headers, map columns to contract fields.

A column is mapped by what its header says and by what its cells hold, together:
its score for a field combines the header's closeness in meaning to the profile's
spellings of that field (`wording.similarity`) with how well its cells parse as the
field's value type (`cells.type_fit`). Columns are assigned to fields as one
matching over the whole table (each column to at most one field), never by column
position, so reworded headers, missing, extra or reordered columns still map; a
column no field wants stays unassigned and is reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS
from scipy.optimize import linear_sum_assignment

from . import cells
from .profile import Profile, TableSpec
from .entities.closed_world import initials_fit
from .entities.normalise import fold, fold_transliterated
from .layout import join_broken_pieces
from .settings import DEFAULT_SETTINGS, Settings
from .tables.base import Cell, RawTable, is_figure
from .wording import similarity

HEADER_MATCH = 80.0  # a first-row cell this close (0-100) to a header spelling reads as a header
HEADER_MEANING = 0.85  # ... or this close in meaning (wording.similarity)
_DISTINCT_TYPES = frozenset({"answer", "count", "partner_type", "cooperation_types", "country", "index", "list"})
_LABEL_PREFIX = re.compile(
    r"^\s*((table|annex|annexe|appendix|exhibit|figure)\s+([0-9]+|[ivxlc]+|[a-z])\b\s*[-–—:.]?"
    r"|(?-i:[A-Z][A-Za-z]{2,15})\.?\s+([0-9]{1,3}|[IVXLC]{1,6}|[A-Z])\s*[-–—:.])\s*",
    re.IGNORECASE,
)


def normalise_header(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w#&%]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class ColumnMap:
    """Which columns hold which field; `scores` keeps each chosen column's score (0-100)
    and `evidence` the stronger of its header's and its combined score, for the
    records' confidence (a cell that does not parse is counted against its own record,
    not against the column); `unassigned` the columns with a header or content that no
    field took."""

    kind: str | None
    columns: dict[str, tuple[int, ...]] = field(default_factory=dict)
    scores: dict[int, float] = field(default_factory=dict)
    title_score: float = 0.0
    unassigned: tuple[int, ...] = ()
    evidence: dict[int, float] = field(default_factory=dict)

    def column(self, name: str) -> int | None:
        found = self.columns.get(name)
        return found[0] if found else None

    def min_score(self) -> float:
        return min((self.evidence or self.scores).values(), default=100.0)


# --- header rows ------------------------------------------------------------------

def header_row_count(table: RawTable, profile: Profile) -> int:
    """How many leading rows of `table` are header rows.

    The first row is a header when most of its cells read like header spellings of
    the profile, or when it is set apart by typography (bold over a body that is
    not) or by content (text above columns of numbers or answers). Rows below it are
    header rows too while a header cell spans down into them (the lower level of a
    two-level header).
    """
    if not table.grid:
        return 0
    first = [c for c in table.grid[0] if c is not None and c.text]
    if not first:
        return 0
    if not (_reads_like_headers(first, profile) or _set_apart_by_type(table) or _set_apart_by_content(table, profile)):
        return 0
    count = 1
    while count < len(table.grid) - 1 and (table.spans_down(count - 1) or _heads_groups(table, count - 1)):
        count += 1
    return count


def _heads_groups(table: RawTable, row: int) -> bool:
    """Some cell of `row` spans columns whose cells in the row below are labels (not
    figures) in two or more of them: the groups and the leaves of a two-level header."""
    edges = table.column_edges
    below = table.grid[row + 1]
    for cell in table.grid[row]:
        if cell is None or not cell.text:
            continue
        spanned = [c for c in range(table.n_columns) if cell.bbox[0] - 1 <= edges[c] and edges[c + 1] <= cell.bbox[2] + 1]
        labels = [c for c in spanned if below[c] is not None and below[c].text and not is_figure(below[c].text)]
        if len(spanned) >= 2 and len(labels) >= 2:
            return True
    return False


def _reads_like_headers(first: list[Cell], profile: Profile) -> bool:
    """Most first-row cells read like header spellings: as strings, or in meaning."""
    spellings = _all_header_spellings(profile)
    matched = sum(
        1
        for cell in first
        if _best_strict(cell.text or "", spellings) >= HEADER_MATCH
        or max((similarity(cell.text or "", s) for s in spellings), default=0.0) >= HEADER_MEANING
    )
    return matched * 2 >= len(first)


def _set_apart_by_type(table: RawTable) -> bool:
    """Every first-row cell bold, and in most columns the cells below are not (a
    first column of bold names is no header)."""
    first = [c for c in table.grid[0] if c is not None and c.text]
    if not first or not all(c.bold for c in first) or len(table.grid) < 2:
        return False
    plain = 0
    for column in range(table.n_columns):
        below = [row[column] for row in table.grid[1:] if column < len(row) and row[column] is not None and row[column].text]
        if below and sum(c.bold for c in below) * 2 < len(below):
            plain += 1
    return plain * 2 > table.n_columns


def _set_apart_by_content(table: RawTable, profile: Profile) -> bool:
    """Some column holds counts or answers below a first-row cell that is neither,
    and no first-row cell is itself a count or an answer."""
    if len(table.grid) < 3:
        return False
    contrast = False
    for column, cell in enumerate(table.grid[0]):
        if cell is None or not cell.text:
            continue
        head = cell.text
        if len(head.split()) <= 2 and (cells.type_fit("count", [head], profile) or cells.type_fit("answer", [head], profile)):
            return False
        below = [row[column].text for row in table.grid[1:] if column < len(row) and row[column] and row[column].text]
        if len(below) >= 2 and max(cells.type_fit("count", below, profile), cells.type_fit("answer", below, profile)) >= 0.8:
            contrast = True
    return contrast


def header_matrix(table: RawTable, rows: int) -> list[list[str]]:
    """The header rows as printed: a cell's text where it starts, "" elsewhere."""
    return table.printed_rows(rows)


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


# --- table kind and column map ------------------------------------------------------

def classify(
    label: str | None,
    flat: list[str],
    leaves: list[str],
    profile: Profile,
    body: list[list[str | None]] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    recurring: frozenset[str] = frozenset(),
    members: frozenset[str] = frozenset(),
    known_headers: dict[str, str] | None = None,
) -> ColumnMap:
    """Choose the table kind that explains the table best, and map its columns.

    A kind is eligible when its required fields are all assigned a column (for the
    one-column "name, then a list" layout: when the cells read that way or the
    caption names the kind), and when the caption does not name another kind. Among
    eligible kinds the one whose fields explain the largest share of the table's
    columns wins, a caption naming it adding to its score.

    `body` holds the texts of the data rows (row by row) for content typing;
    `recurring`, the name keys of cells that the document's other tables repeat;
    `members`, those of the document's delegation once it is read; `known_headers`,
    the headers the document's other tables give a field (`map_columns`).
    """
    body = body or []
    column_texts = [[row[c] for row in body if c < len(row) and row[c]] for c in range(len(flat))]
    title = title_of(label)
    titles = {spec.kind: _title_score(title, spec) for spec in profile.tables} if title else {}
    best = ColumnMap(kind=None)
    best_score = 0.0
    fits: dict[tuple[str, int], float | None] = {}  # (value type, column): shared by every kind tried
    for spec in profile.tables:
        title_score = titles.get(spec.kind, 0.0)
        if _vetoed(spec.kind, titles, settings):
            continue
        mapping = map_columns(spec, flat, leaves, column_texts, profile, settings, fits, recurring, members, known_headers)
        mapped_all = all(name in mapping.columns for name in spec.required)
        considered = sum(1 for c in range(len(flat)) if flat[c] or column_texts[c]) or 1
        explained = sum(mapping.scores.values()) / (100 * considered)
        title_bonus = title_score if title_score >= settings.title_match else settings.title_hint * title_score
        if spec.layout != "grid":
            # "A name, then its list" in one cell, or in two headed columns.
            fit = max((cells.type_fit("list", texts, profile) for texts in column_texts), default=0.0) if len(flat) <= 2 else 0.0
            in_columns = mapped_all and len(mapping.columns) == len(spec.fields) and explained >= settings.min_explained
            if title_score < settings.title_match and fit < settings.list_layout_fit and not in_columns:
                continue
            if not any(flat):
                mapping = ColumnMap(spec.kind)
            named = title_score if title_score >= settings.title_match else 0.0  # a mere resemblance is no layout evidence
            layout_evidence = max(named, fit if fit >= settings.list_layout_fit else 0.0)
            score = max(0.5 + layout_evidence if layout_evidence else 0.0, explained + title_bonus if in_columns else 0.0)
        else:
            if not mapped_all or explained < settings.min_explained:
                continue
            score = explained + title_bonus
        if score > best_score:
            best_score = score
            best = ColumnMap(
                kind=spec.kind,
                columns=mapping.columns,
                scores=mapping.scores,
                title_score=round(title_score * 100, 1),
                unassigned=mapping.unassigned,
                evidence=mapping.evidence,
            )
    return best


def _title_score(title: str, spec: TableSpec) -> float:
    return max((similarity(title, t) for t in spec.titles), default=0.0)


def _vetoed(kind: str, titles: dict[str, float], settings: Settings) -> bool:
    """The caption names another kind: it fits that kind's titles, and this kind's
    clearly less."""
    if not titles:
        return False
    other, score = max(((k, s) for k, s in titles.items() if k != kind), key=lambda item: item[1], default=(None, 0.0))
    return other is not None and score >= settings.title_match and score - titles.get(kind, 0.0) >= settings.title_veto_margin


def map_columns(
    spec: TableSpec,
    flat: list[str],
    leaves: list[str],
    column_texts: list[list[str]],
    profile: Profile,
    settings: Settings = DEFAULT_SETTINGS,
    fits: dict[tuple[str, int], float | None] | None = None,
    recurring: frozenset[str] = frozenset(),
    members: frozenset[str] = frozenset(),
    known_headers: dict[str, str] | None = None,
) -> ColumnMap:
    """Assign columns to the fields of `spec` as one matching that maximises the
    summed scores (each column to one field, a `multi` field to several); pairs
    scoring under `settings.min_column_score` are left out. `fits` caches each
    column's content score per value type across calls. `recurring`: the name keys
    (`name_key`) of cells that other tables of the document repeat; `members`: those
    of the delegation's clusters, when it is known (see `name_share`); `known_headers`:
    {normalised header: field} that the document's other tables show, read as a
    profile spelling of that field."""
    fits = {} if fits is None else fits
    known_headers = known_headers or {}
    considered = [c for c in range(len(flat)) if flat[c] or (c < len(column_texts) and column_texts[c])]
    if not considered or not spec.fields:
        return ColumnMap(kind=spec.kind)
    slots: list[str] = []
    for field_spec in spec.fields:
        slots.extend([field_spec.name] * (len(considered) if field_spec.multi else 1))
    types = [f.value_type for f in spec.fields]
    matrix = np.zeros((len(slots), len(considered)))
    headers = np.zeros((len(slots), len(considered)))
    cache: dict[tuple[str, int], tuple[float, float]] = {}
    for i, name in enumerate(slots):
        field_spec = spec.field(name)
        for j, column in enumerate(considered):
            key = (name, column)
            if key not in cache:
                texts = column_texts[column] if column < len(column_texts) else []
                shared = types.count(field_spec.value_type) > 1
                header = _header_score(field_spec.headers, flat[column], leaves[column] if column < len(leaves) else "", settings)
                known = known_headers.get(normalise_header(flat[column])) == name
                content = _cached_fit(fits, field_spec.value_type, column, texts, profile, settings)
                # names whose type they carry (a suffix, a company's legal form) tell a
                # partner column apart, as names alone do not
                typed = field_spec.value_type == "partner" and content is not None and content >= settings.typed_partner_fit
                distinct = field_spec.value_type in _DISTINCT_TYPES or typed
                weight = settings.content_only_weight
                named = sum(1 for t in texts if t and t.strip()) >= settings.recurring_name_cells
                share = name_share(field_spec.value_type, texts, recurring, members) if settings.recurring_names and named else None
                if share is not None:
                    # any capitalised text reads as a name, but names that the document's
                    # other tables repeat are the document's own: evidence nearly as good as
                    # a header, short of it so that a header still parts two such columns
                    # (the clusters' and their contact persons', both repeated)
                    if share >= settings.recurring_name_share:
                        distinct, content, weight = True, share, settings.recurring_name_weight
                combined = column_score(header, content, (0.5 if shared else 1.0) if distinct else 0.0, weight)
                if known:  # the document itself heads this field so elsewhere: as sure as a header gets
                    header = combined = 1.0
                cache[key] = (combined, header)
            matrix[i, j], headers[i, j] = cache[key]
    # A pair under the minimum is left out afterwards: it must not win the matching
    # either (a weak pair elsewhere could pull a column from the field it fits best).
    matrix[matrix < settings.min_column_score] = 0.0
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    columns: dict[str, list[int]] = {}
    scores: dict[int, float] = {}
    evidence: dict[int, float] = {}
    for i, j in zip(rows, cols):
        if matrix[i, j] < settings.min_column_score:
            continue
        columns.setdefault(slots[i], []).append(considered[j])
        scores[considered[j]] = round(100 * float(matrix[i, j]), 1)
        evidence[considered[j]] = round(100 * float(max(matrix[i, j], headers[i, j])), 1)
    _follow_up_columns(spec, flat, considered, columns, scores, evidence, settings)
    _same_header_columns(spec, flat, considered, columns, scores, evidence)
    unassigned = tuple(c for c in considered if c not in scores)
    return ColumnMap(
        kind=spec.kind,
        columns={name: tuple(sorted(cols)) for name, cols in columns.items()},
        scores=scores,
        unassigned=unassigned,
        evidence=evidence,
    )


_ADDRESS = re.compile(r"https?://|www\.|@\w|\w\.(?:com|org|net|eu|info|[a-z]{2})(?:/|$)")
MIN_NAME_LETTERS = 6  # shorter cells (answers, acronyms, counts in words) recur without being names


def name_key(text: str) -> str | None:
    """A cell's text folded as names are compared (`entities.normalise.fold`: case,
    accents, ligatures, punctuation), or None when it is too short to tell a name or
    is no name: a name capitalises its words, so a word in lower case that is no
    function word ("To be confirmed", "Follow-up call held": remarks that tables
    repeat; "for", "with", "from" may stand in a name) says it is text,
    and a web or mail address is none either."""
    if any(len(word) >= 4 and word.isalpha() and word.islower() and word not in STOP_WORDS for word in text.split()):
        return None
    if _ADDRESS.search(text):
        return None  # a web or mail address names nobody
    key = fold(text)
    return key if sum(c.isalpha() for c in key) >= MIN_NAME_LETTERS else None


def name_share(value_type: str, texts: list[str], recurring: frozenset[str], members: frozenset[str]) -> float | None:
    """Share of a column's cells that are the document's own names, as evidence for a
    field of this type: for a cluster ("name"), the names other tables repeat
    (`recurring_share`), or the delegation's own once it is read (`member_share`);
    None for other types, or when the document repeats no name. (Partners recur too,
    but taking the repeated names that are not the delegation's as a partner column's
    evidence lost more tables than it found: pool D field F1 0.986 -> 0.966, six
    tables unrecognised.)"""
    if value_type != "name" or not (members or recurring):
        return None
    return member_share(texts, members) if members else recurring_share(texts, recurring)


def member_share(texts: list[str], members: frozenset[str]) -> float:
    """Share of a column's names that name one of the delegation's clusters (`members`,
    name keys) as a report's own tables spell them: the name, transliterated or not
    ("Vaestra Goetaland ..."), with an acronym before it ("PHTA – Päijät-Häme Tourism
    Alliance"), shortened (words abbreviated or dropped: "... Space and Defence All."),
    or its initials alone ("FVGCLI")."""
    spelled = [(t, fold_transliterated(t)) for t in texts if t and t.strip()]
    names = [(t, key) for t, key in spelled if sum(c.isalpha() for c in key) >= 2]
    if not names:
        return 0.0
    known = [(m, fold_transliterated(m)) for m in members]
    return sum(1 for text, key in names if any(spells_member(text, key, m, folded) for m, folded in known)) / len(names)


def spells_member(text: str, key: str, member: str, folded: str) -> bool:
    """Whether `text` (its name key transliterated: `key`) spells the name `member`
    (its key transliterated: `folded`) as `member_share` counts it."""
    if key == folded:
        return True
    if key.endswith(f" {folded}"):  # an acronym before the name; a name followed by a list is no name
        return len(key.split()) - len(folded.split()) <= 2
    words = key.split()
    if len(words) == 1:
        return text.strip().isupper() and 2 <= len(words[0]) <= 8 and initials_fit(text.strip(), member)
    # every word a word of the member or its abbreviation, in order, covering half its words
    remaining = iter(folded.split())
    matched = all(any(m.startswith(w) for m in remaining) for w in words)
    return matched and 2 * len(words) >= len(folded.split())


def recurring_share(texts: list[str], recurring: frozenset[str]) -> float:
    """Share of a column's cells long enough to tell a name (acronyms are not) that
    other tables of the document repeat."""
    keys = [key for key in (name_key(t) for t in texts if t) if key is not None]
    return sum(1 for key in keys if key in recurring) / len(keys) if keys else 0.0


def _same_header_columns(
    spec: TableSpec, flat: list[str], considered: list[int], columns: dict[str, list[int]],
    scores: dict[int, float], evidence: dict[int, float],
) -> None:
    """A header printed over two columns heads one field split in two: a column left
    out whose header is that of a column a `multi` field took joins that field
    ("Intended results" twice, the second column's few cells scoring it under the
    minimum)."""
    for field_spec in spec.fields:
        taken = columns.get(field_spec.name, [])
        if not field_spec.multi or not taken:
            continue
        headers = {normalise_header(flat[c]) for c in taken} - {""}
        for column in considered:
            if column not in scores and normalise_header(flat[column]) in headers:
                twin = next(c for c in taken if normalise_header(flat[c]) == normalise_header(flat[column]))
                taken.append(column)
                scores[column], evidence[column] = scores[twin], evidence[twin]


def _follow_up_columns(
    spec: TableSpec, flat: list[str], considered: list[int], columns: dict[str, list[int]], scores: dict[int, float],
    evidence: dict[int, float], settings: Settings,
) -> None:
    """A field that details another's answer (`follows`) takes the column right after
    that answer's column when nothing else claimed it and its header asks a question
    or prompts ("If yes, how?", "Please specify:"): such a header means nothing on its
    own, only beside the question it follows."""
    for field_spec in spec.fields:
        if not field_spec.follows or field_spec.name in columns or field_spec.follows not in columns:
            continue
        answer_column = max(columns[field_spec.follows])
        later = [c for c in considered if c > answer_column]
        if not later or later[0] in scores:
            continue
        header = flat[later[0]].strip()
        if header.endswith(("?", ":")):
            columns[field_spec.name] = [later[0]]
            scores[later[0]] = evidence[later[0]] = round(100 * settings.min_column_score, 1)


def column_score(
    header: float, content: float | None, distinct: float, content_only_weight: float = DEFAULT_SETTINGS.content_only_weight
) -> float:
    """One column's score for one field, 0..1.

    `header`: closeness of its header to the field's spellings; `content`: share of
    its cells that parse as the field's type (None: no cell to judge); `distinct`:
    how much the type alone tells this field apart (0 for free text, 0.5 when
    another field of the table has the same type). Cells that do not fit halve what
    the header earns; cells that fit a distinctive type earn what the header leaves.
    """
    if content is None:
        return header
    return header * (0.5 + 0.5 * content) + (1 - header) * content * distinct * content_only_weight


def _header_score(spellings: tuple[str, ...], whole: str, leaf: str, settings: Settings) -> float:
    if not settings.header_similarity or not spellings or not (whole or leaf):
        return 0.0
    if settings.header_word_breaks:
        whole, leaf = join_broken_pieces(whole), join_broken_pieces(leaf)
    return max(max(similarity(whole, s) if whole else 0.0, similarity(leaf, s) if leaf and leaf != whole else 0.0) for s in spellings)


def _cached_fit(fits: dict, value_type: str, column: int, texts: list[str], profile: Profile, settings: Settings):
    if (value_type, column) not in fits:
        fits[(value_type, column)] = _content_score(value_type, texts, profile, settings)
    return fits[(value_type, column)]


def _content_score(value_type: str, texts: list[str], profile: Profile, settings: Settings) -> float | None:
    if not settings.content_typing:
        return None
    return _column_fit(value_type, tuple(texts), profile)


@lru_cache(maxsize=4096)
def _column_fit(value_type: str, texts: tuple[str, ...], profile: Profile) -> float | None:
    """A column's content score, kept for the same cells: a table is classified again
    (a caption found later, rows added, the delegation read) mostly on cells it had.
    `stitch` empties the cache for every document (`forget_column_fits`), so that
    no document is read faster for cells another one had."""
    judged = [t for t in texts if t and t.strip() and not cells.is_na(t, profile)]
    if not judged:
        return None
    return cells.type_fit(value_type, judged, profile)


def forget_column_fits() -> None:
    _column_fit.cache_clear()


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
