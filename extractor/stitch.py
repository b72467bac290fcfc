"""Tables across pages: label them, drop repeated headers, join continuation parts,
re-join rows broken over a page boundary.

Input: each page's raw tables in page order. Output: `StitchedTable`s whose data
rows know the page they start on and whether they were re-joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from . import cells
from .cells import bullet_of
from .headers import (
    ColumnMap,
    classify,
    flatten_headers,
    forget_column_fits,
    header_matrix,
    header_row_count,
    leaf_headers,
    member_share,
    name_key,
    normalise_header,
    recurring_share,
    spells_member,
)
from .entities.normalise import STOP_WORDS, fold_transliterated
from .layout import (
    FOOT_BAND,
    HEAD_BAND,
    BBox,
    PageLayout,
    content_lines,
    is_caption,
    is_running_text,
    join_lines,
    words_in_box,
    words_to_lines,
)
from .profile import TITLED_LINE, Profile
from .settings import DEFAULT_SETTINGS, Settings
from .tables.base import Cell, RawTable

CAPTION_DISTANCE = 60.0
TITLE_LINE_REACH = 1.5  # type sizes: a title line with no separator captions the table right under it
WIDTH_TOLERANCE = 0.04


@dataclass
class DataRow:
    cells: tuple[Cell | None, ...]
    page: int
    bbox: BBox
    engine: str
    rejoined: bool = False

    def text(self, column: int) -> str | None:
        cell = self.cells[column] if column < len(self.cells) else None
        return cell.text if cell else None


@dataclass
class StitchedTable:
    label: str | None
    engine: str
    pages: list[int]
    bbox: BBox
    header: list[list[str]]
    flat_header: list[str]
    columns: ColumnMap
    rows: list[DataRow] = field(default_factory=list)
    confidence: float = 1.0
    n_columns: int = 0
    column_edges: tuple[float, ...] = ()
    leaf_header: list[str] = field(default_factory=list)
    captioned: bool = True  # False: the label is the table's own title row, not a caption
    #: Where each column's text starts on its first page (None: a column without text).
    text_starts: tuple[float | None, ...] = ()
    #: Name keys of cells that two or more of the document's tables hold (`recurring_names`).
    recurring: frozenset[str] = frozenset()
    #: Name keys of the delegation's clusters, once the delegation is read (`_classify_by_delegation`).
    members: frozenset[str] = frozenset()
    #: Headers the document's other tables give a field ({normalised header: field}, `_classify_by_document_headers`).
    known_headers: dict[str, str] = field(default_factory=dict)


def caption_line(
    table: RawTable, layout: PageLayout, pattern: re.Pattern[str], others: list[RawTable], below: bool = False
):
    """The caption line next to the table (above it, or below it), if one matches the
    profile's pattern: the nearest one, with no other table in between."""
    x0, top, x1, bottom = table.bbox
    best = None
    for line in layout.lines:
        distance = line.top - bottom if below else top - line.bottom
        if distance < -1 or distance > CAPTION_DISTANCE:
            continue
        if line.x1 < x0 - 5 or line.x0 > x1 + 5:
            continue
        if any(o is not table and o.bbox[1] < line.top < o.bbox[3] for o in others):
            continue
        titled = not below and distance <= TITLE_LINE_REACH * line.size and is_caption(line, TITLED_LINE)
        if (is_caption(line, pattern) or titled) and (best is None or (line.top < best.top if below else line.bottom > best.bottom)):
            best = line
    return best


def page_captions(
    layout: PageLayout, tables: list[RawTable], pattern: re.Pattern[str], below: bool
) -> dict[int, str]:
    """Each table's caption (by position in `tables`): captions on the document's
    side first, then, for tables still without one, a free caption on the other side
    (a document that captions its tables below may title its annexes above). A
    caption line labels one table only."""
    return {index: text for index, (text, _) in _captions_with_sides(layout, tables, pattern, below).items()}


def _captions_with_sides(
    layout: PageLayout, tables: list[RawTable], pattern: re.Pattern[str], below: bool
) -> dict[int, tuple[str, bool]]:
    """`page_captions`, each caption with whether it stands below its table."""
    chosen: dict[int, tuple[object, bool]] = {}
    for side in (below, not below):
        for index, table in enumerate(tables):
            if index in chosen:
                continue
            line = caption_line(table, layout, pattern, tables, below=side)
            if line is not None and all(line is not other for other, _ in chosen.values()):
                chosen[index] = (line, side)
    return {index: (join_lines(_caption_lines(line, layout, tables)), side) for index, (line, side) in chosen.items()}


def captions_below(pages: list[tuple[PageLayout, list[RawTable]]], pattern: re.Pattern[str]) -> bool:
    """Whether this document captions its tables underneath: reading captions as
    standing below their tables labels more of its tables than reading them as
    standing above (where captions sit between stacked tables, the wrong reading
    gives one table two captions and the other none); on a tie, whether more tables
    have a caption only below them than only above them."""
    labelled = {True: 0, False: 0}
    above = below = 0
    for layout, tables in pages:
        ordered = sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))
        for side in (True, False):
            labelled[side] += len(page_captions(layout, ordered, pattern, side))
        for table in tables:
            has_above = caption_line(table, layout, pattern, tables) is not None
            has_below = caption_line(table, layout, pattern, tables, below=True) is not None
            above += has_above and not has_below
            below += has_below and not has_above
    if labelled[True] != labelled[False]:
        return labelled[True] > labelled[False]
    return below > above


def caption_left_at_foot(layout: PageLayout, tables: list[RawTable], pattern: re.Pattern[str]) -> tuple[int, str] | None:
    """A caption that ends the page's content with no table under it (its table was
    pushed onto the next page), as (page, caption text)."""
    content = content_lines(layout, pattern)
    for line in reversed(content[-3:]):
        if not is_caption(line, pattern):
            continue
        wrapped = _caption_lines(line, layout, tables)
        if content.index(line) + len(wrapped) == len(content) and not any(t.bbox[3] > line.top for t in tables):
            return layout.number, join_lines(wrapped)
        return None
    return None


HEAD_REMNANT_LINES = 2  # lines of a broken last row the page break may push above its caption


def _caption_at_head(layout: PageLayout, tables: list[RawTable], pattern: re.Pattern[str]) -> str | None:
    """A caption that opens the page's content (at most the rest of a broken row above
    it, no table): the caption of the previous page's last table, pushed onto this page."""
    content = content_lines(layout, pattern)
    for line in content[: HEAD_REMNANT_LINES + 1]:
        if is_caption(line, pattern):
            if any(t.bbox[1] < line.top for t in tables):
                return None
            return join_lines(_caption_lines(line, layout, tables))
    return None


def _caption_lines(first, layout: PageLayout, tables: Sequence[RawTable] = ()) -> list[str]:
    """The caption's line and any wrapped continuation directly below it in the same
    font, up to the first line inside one of the page's `tables` (a bold header row set
    close under a caption is the table's, not the caption's)."""
    lines = [first.text]
    bottom = first.bottom
    for line in layout.lines:
        if line.top > bottom and line.top - bottom < 0.6 * first.size and abs(line.size - first.size) < 0.3 and line.bold == first.bold:
            if any(_inside(line, table.bbox) for table in tables):
                break
            lines.append(line.text)
            bottom = line.bottom
    return lines


_CAPTION_NUMBER = re.compile(
    r"^\s*([^\W\d_]+)\.?\s+(?:(?:no|nr|n°|nº)\.?\s*|#\s*)?((?:[A-Z][-.]?)?\d+(?:\.\d+)*|[IVXLC]+\b|[A-Z]\b)", re.IGNORECASE
)


def names_same_table(caption: str, label: str | None) -> bool:
    """Whether two captions give one label word and number ('Table 5: Stock list' and
    'Table 5 (continued)')."""
    first, second = _CAPTION_NUMBER.match(caption), _CAPTION_NUMBER.match(label or "")
    return bool(first and second) and (first[1].lower(), first[2].upper()) == (second[1].lower(), second[2].upper())


def _inside(line, bbox: BBox) -> bool:
    x0, top, x1, bottom = bbox
    return top <= (line.top + line.bottom) / 2 <= bottom and line.x0 < x1 and line.x1 > x0


def stitch(
    pages: list[tuple[PageLayout, list[RawTable]]], profile: Profile, settings: Settings = DEFAULT_SETTINGS,
    recurring: frozenset[str] | None = None,
) -> list[StitchedTable]:
    """Join each page's tables into whole tables, in document order.

    The first table on a page continues the last table of the page before when it
    has no caption of its own and either repeats that table's header or, without a
    header, has its columns where that table has them. `recurring`: the document's
    `recurring_names`, when the caller stitches the same pages more than once."""
    result: list[StitchedTable] = []
    open_table: StitchedTable | None = None
    forget_column_fits()
    below = captions_below(pages, profile.caption_pattern)
    recurring = recurring_names(pages) if recurring is None else recurring
    left_at_foot: tuple[int, str] | None = None
    # the open table's last part and its page (set whenever a table is open)
    open_part: tuple[PageLayout, RawTable] | None = None
    for layout, tables in pages:
        ordered = sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))
        captions = _captions_with_sides(layout, ordered, profile.caption_pattern, below)
        if ordered and 0 not in captions and left_at_foot is not None and left_at_foot[0] == layout.number - 1:
            captions[0] = (left_at_foot[1], False)  # captioned at the previous page's foot, pushed onto this one
        left_at_foot = None if below else caption_left_at_foot(layout, ordered, profile.caption_pattern)
        if below and open_table is not None and open_table.label is None and open_part[1].page == layout.number - 1:
            pushed = _caption_at_head(layout, ordered, profile.caption_pattern)
            if pushed is not None and pushed not in {text for text, _ in captions.values()}:
                _relabel(open_table, pushed, profile, settings)
        for position, raw in enumerate(ordered):
            caption, caption_below = captions.get(position, (None, False))
            title, raw = split_title_rows(raw) if settings.title_rows else (None, raw)
            n_header = header_row_count(raw, profile)
            is_first_on_page = position == 0
            # Where captions stand below tables, a table broken over pages has its
            # caption under its last part: an unlabelled part may still continue.
            # A caption printed again over a later part ("Table 5 (continued)") names
            # the open table: the part may continue it, and the first caption stays.
            repeated = caption is not None and open_table is not None and names_same_table(caption, open_table.label)
            may_continue = (
                open_table is not None
                and is_first_on_page
                and raw.page == open_part[1].page + 1
                and (caption is None or repeated or (caption_below and open_table.label is None))
                and not (settings.text_parts_tables and parted_by_text(open_part, layout, raw))
            )
            # the first row printed again over the next part is the header, whether or not
            # the part's own first row reads as one (it may, where the first part's did not)
            if may_continue and settings.repeated_headers and _first_row_repeated(open_table, raw):
                _promote_first_row(open_table, profile, settings)
                n_header = max(n_header, 1)
            continued = _continuation_header(open_table, raw, layout, n_header, settings) if may_continue else None
            if continued is not None:
                relabel = caption is not None and not repeated
                if relabel:  # the kind, known from the caption, says how a broken row rejoins
                    _relabel(open_table, caption, profile, settings)
                header_alone = _lone_header_row(open_table, profile)
                _append(open_table, raw, continued, profile, settings)
                if header_alone and len(open_table.rows) > 1:
                    _promote_first_row(open_table, profile, settings)
                if relabel:
                    _relabel(open_table, caption, profile, settings)
                open_part = (layout, raw)
            else:
                open_table = _start(raw, caption or title, n_header, profile, settings, recurring)
                open_table.captioned = caption is not None
                open_table.text_starts = text_starts(raw, layout)
                result.append(open_table)
                open_part = (layout, raw)
            if position != len(ordered) - 1:
                open_table = None
    if settings.delegation_names and settings.recurring_names:
        _classify_by_delegation(result, profile, settings)
    if settings.document_headers:
        _classify_by_document_headers(result, profile, settings)
    return result


def _classify_by_document_headers(tables: list[StitchedTable], profile: Profile, settings: Settings) -> None:
    """A header the document gives a field in one table means that field in its other
    tables: a column one table maps with strong evidence (its cells, its header)
    lends its header to the same field elsewhere ("Delegation member", read as the
    clusters' column by the delegation's names in the objectives table, where Annex 2's
    names cannot tell its clusters' column from its partners'). A header given to two
    fields is no evidence. Tables that such a header could change are decided again."""
    given: dict[str, dict[str, set[int]]] = {}
    for index, table in enumerate(tables):
        for name, columns in table.columns.columns.items():
            for column in columns:
                header = normalise_header(table.flat_header[column]) if column < len(table.flat_header) else ""
                if header and table.columns.evidence.get(column, 0.0) >= 100 * settings.document_header_evidence:
                    given.setdefault(header, {}).setdefault(name, set()).add(index)
    for index, table in enumerate(tables):
        known = {header: next(iter(fields)) for header, fields in given.items()
                 if len(fields) == 1 and next(iter(fields.values())) - {index}}
        changes = any(
            (name := known.get(normalise_header(text))) is not None and column not in table.columns.columns.get(name, ())
            for column, text in enumerate(table.flat_header)
        )
        if changes:
            table.known_headers = known
            _relabel(table, table.label, profile, settings)


#: The record kind that lists the mission's own clusters, and its name field (contract names).
DELEGATION, MEMBER_FIELD = "delegation", "cluster"


def _classify_by_delegation(tables: list[StitchedTable], profile: Profile, settings: Settings) -> None:
    """Decide the other tables' kinds and columns again knowing the delegation's names:
    a cluster column holds them, a partner column does not, though both repeat names
    of other tables (`headers.name_share`)."""
    members = frozenset(
        key
        for table in tables if table.columns.kind == DELEGATION
        for column in table.columns.columns.get(MEMBER_FIELD, ())
        for row in table.rows
        if (text := row.text(column)) and (key := name_key(text)) is not None
    )
    if not members:
        return
    for table in tables:
        if table.columns.kind != DELEGATION:
            table.members = members
            if _name_evidence_changes(table, profile, settings):
                _relabel(table, table.label, profile, settings)


EVIDENCE_CHANGE = 0.2  # a name column's share of the document's names that may change its mapping


def _name_evidence_changes(table: StitchedTable, profile: Profile, settings: Settings) -> bool:
    """Whether knowing the delegation can change the table's kind or columns: a column
    mapped to a name field holds fewer of the document's names than it seemed to (the
    partners of 'Signed with' are not all delegation clusters), another holds more, or
    the table has no kind yet and a column crosses the share. Else it stays as it was
    decided (classifying again costs as much as the first time)."""
    spec = next((t for t in profile.tables if t.kind == table.columns.kind), None)
    named = {c for f in (spec.fields if spec else ()) if f.value_type == "name" for c in table.columns.columns.get(f.name, ())}
    threshold = settings.recurring_name_share
    for column in range(table.n_columns):
        texts = [text for row in table.rows if (text := row.text(column))]
        before = recurring_share(texts, table.recurring)
        after = member_share(texts, table.members)
        if spec is None:
            if (before >= threshold) != (after >= threshold):
                return True
        elif column in named and after < before - EVIDENCE_CHANGE:
            return True
        elif column not in named and after >= threshold and after > before + EVIDENCE_CHANGE:
            return True
    return False


class DocumentNames(frozenset):
    """The name keys `recurring_names` finds, repeated word for word or spelt otherwise;
    `verbatim`: those repeated word for word."""

    verbatim: frozenset[str]

    def __new__(cls, names: Iterable[str], verbatim: Iterable[str]) -> "DocumentNames":
        made = super().__new__(cls, names)
        made.verbatim = frozenset(verbatim)
        return made


def recurring_names(pages: list[tuple[PageLayout, list[RawTable]]]) -> DocumentNames:
    """Name keys of the cells that stand in two or more of the document's tables: the
    names of its clusters (and partners), which the tables of a report repeat. The
    parts of a table broken over pages (the first table of a page with as many columns
    as the last one of the page before) count as one table: its rows repeat each other."""
    tables_of: dict[str, set[int]] = {}
    text_of: dict[str, str] = {}
    group = -1
    last: RawTable | None = None
    for _, tables in pages:
        ordered = sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))
        for position, raw in enumerate(ordered):
            continues = (position == 0 and last is not None and raw.page == last.page + 1
                         and raw.n_columns == last.n_columns)
            group += 0 if continues else 1
            for row in raw.grid:
                for cell in row:
                    key = name_key(cell.text) if cell is not None and cell.text else None
                    if key is not None:
                        tables_of.setdefault(key, set()).add(group)
                        text_of.setdefault(key, cell.text)
        if ordered:
            last = ordered[-1]
    recurring = {key for key, where in tables_of.items() if len(where) >= 2}
    return DocumentNames(recurring | _respelled(tables_of, text_of, recurring), recurring)


def _respelled(tables_of: dict[str, set[int]], text_of: dict[str, str], recurring: set[str]) -> set[str]:
    """Names that another table spells otherwise (a word abbreviated or dropped, an
    acronym before the name, letters transliterated: `headers.spells_member`): both
    spellings are the document's own names, as if repeated word for word."""
    folded = {key: fold_transliterated(key) for key in tables_of}
    found: set[str] = set()
    once = [key for key in tables_of if key not in recurring]
    for key in once:
        for other, where in tables_of.items():
            if other == key or where <= tables_of[key]:
                continue
            if (spells_member(text_of[key], folded[key], other, folded[other])
                    or spells_member(text_of[other], folded[other], key, folded[key])):
                found.update((key, other))
    return found


TITLE_SPAN = 0.9  # share of the table's width a title row's one cell spans


def split_title_rows(raw: RawTable) -> tuple[str | None, RawTable]:
    """A table's title printed in its own first rows (one cell spanning the whole
    width, more rows below), kept apart from its header: the title's text and the
    table without those rows."""
    width = raw.bbox[2] - raw.bbox[0]
    count = 0
    while count < len(raw.grid) - 2:
        filled = [c for c in raw.grid[count] if c is not None and c.text]
        if len(filled) != 1 or raw.n_columns < 2 or filled[0].bbox[2] - filled[0].bbox[0] < TITLE_SPAN * width:
            break
        count += 1
    if not count:
        return None, raw
    title = join_lines([c.text for row in raw.grid[:count] for c in row if c is not None and c.text])
    rest = replace(
        raw,
        grid=raw.grid[count:],
        row_edges=raw.row_edges[count:],
        bbox=(raw.bbox[0], raw.row_edges[count], raw.bbox[2], raw.bbox[3]),
    )
    return title, rest


def _start(
    raw: RawTable, caption: str | None, n_header: int, profile: Profile, settings: Settings,
    recurring: frozenset[str] = frozenset(),
) -> StitchedTable:
    flat = flatten_headers(raw, n_header)
    leaves = leaf_headers(raw, n_header)
    rows = _names_rejoined(_data_rows(raw, n_header), recurring)
    body = [[cell.text if cell else None for cell in row.cells] for row in rows]
    columns = classify(caption, flat, leaves, profile, body, settings, recurring)
    table = StitchedTable(
        label=caption,
        engine=raw.engine,
        pages=[raw.page],
        bbox=raw.bbox,
        header=header_matrix(raw, n_header),
        flat_header=flat,
        leaf_header=leaves,
        columns=columns,
        confidence=raw.confidence,
        n_columns=raw.n_columns,
        column_edges=raw.column_edges,
        recurring=recurring,
    )
    rows = [row for row in rows if not _repeats_header(row, table, settings)]
    header_words = 0
    while n_header and settings.header_rest_rows and rows and _rest_of_header(rows[0], table):
        _join_header(table, rows.pop(0))
        header_words += 1
    table.rows.extend(rows)
    if header_words:
        _relabel(table, caption, profile, settings)
    return table


def _first_row_repeated(table: StitchedTable, raw: RawTable) -> bool:
    """Whether a headerless table's first row is printed again at the top of its next
    part: a header that neither its type nor its content set apart."""
    if table.header or not table.rows or not raw.grid or raw.n_columns != table.n_columns:
        return False
    first = [normalise_header(table.rows[0].text(c) or "") for c in range(table.n_columns)]
    again = [normalise_header(cell.text or "") if cell else "" for cell in raw.grid[0]]
    return sum(1 for t in first if t) >= 2 and first == again


LONE_HEADER_CELLS = 3


def _lone_header_row(table: StitchedTable, profile: Profile) -> bool:
    """A labelled table (its caption above it, or below its last part) whose part on the
    page before is one row with no header: the header alone at the page foot (the page
    break fell in or under it), when the row fills most columns with text that is
    neither a count nor an answer."""
    if table.header or len(table.rows) != 1 or table.label is None:
        return False
    texts = [text for c in range(table.n_columns) if (text := table.rows[0].text(c))]
    if len(texts) < max(LONE_HEADER_CELLS, (table.n_columns + 1) // 2):
        return False
    return not any(cells.type_fit(kind, [text], profile) for text in texts for kind in ("count", "answer"))


def _promote_first_row(table: StitchedTable, profile: Profile, settings: Settings) -> None:
    """Make a table's first data row its header (and decide its kind again)."""
    row = table.rows.pop(0)
    texts = [row.text(c) or "" for c in range(table.n_columns)]
    table.header = [texts]
    table.flat_header = list(texts)
    table.leaf_header = list(texts)
    _relabel(table, table.label, profile, settings)


def _relabel(table: StitchedTable, caption: str | None, profile: Profile, settings: Settings) -> None:
    """Decide a table's kind and columns again: with a caption found under its last
    part, or with the cells of a body that came after its header."""
    table.label = caption
    body = [[cell.text if cell else None for cell in row.cells] for row in table.rows]
    table.columns = classify(caption, table.flat_header, table.leaf_header, profile, body, settings, table.recurring,
                             table.members, table.known_headers)


PARTING_LINES = 2  # lines of running text under a table, or over the next page's table, that keep the two apart


def parted_by_text(last: tuple[PageLayout, RawTable], layout: PageLayout, raw: RawTable) -> bool:
    """Whether running text stands under the open table's last part on its page, or over
    `raw` on its own, within their widths: a table that runs on over a page break fills
    its page to the foot and goes on at the next one's head (a one-line note or a
    repeated caption is no running text)."""
    last_layout, part = last
    under = (part.bbox[0], part.bbox[3], part.bbox[2], FOOT_BAND * last_layout.height)
    over = (raw.bbox[0], HEAD_BAND * layout.height, raw.bbox[2], raw.bbox[1])
    return _running_lines(last_layout, under) >= PARTING_LINES or _running_lines(layout, over) >= PARTING_LINES


def _running_lines(layout: PageLayout, box: BBox) -> int:
    if box[3] <= box[1]:
        return 0
    lines = words_to_lines(words_in_box(layout.words, box))
    return sum(1 for line in lines if is_running_text(line.words, box[2] - box[0]))


def _continuation_header(table: StitchedTable, raw: RawTable, layout: PageLayout, n_header: int, settings: Settings) -> int | None:
    """How many header rows to drop from `raw` when it continues `table`, or None
    when it does not: a repeated header is dropped; a first row that only looked like
    a header (bold data, say) is kept when the columns line up."""
    if raw.n_columns != table.n_columns:
        return None
    if n_header and headers_agree(flatten_headers(raw, n_header), table.flat_header, settings):
        return n_header
    if _same_columns(table, raw) or _same_text_starts(table.text_starts, text_starts(raw, layout), table):
        return 0
    if not n_header and _same_widths(table, raw):
        return 0
    return None


def _same_columns(table: StitchedTable, raw: RawTable) -> bool:
    """Column edges at the same places (within a share of the table's width)."""
    if len(table.column_edges) != len(raw.column_edges) or len(raw.column_edges) < 2:
        return False
    width = max(table.column_edges[-1] - table.column_edges[0], 1.0)
    return all(abs(a - b) <= WIDTH_TOLERANCE * width for a, b in zip(table.column_edges, raw.column_edges))


def text_starts(raw: RawTable, layout: PageLayout) -> tuple[float | None, ...]:
    """Where each column's text starts on the page: its leftmost word. Engines draw
    column edges differently (on the rules, between the columns, at the text), the
    text stands where the document put it."""
    starts: list[float | None] = []
    for column in range(raw.n_columns):
        xs = [word.x0 for row in raw.grid if column < len(row) and row[column] is not None
              for word in words_in_box(layout.words, row[column].bbox)]
        starts.append(min(xs) if xs else None)
    return tuple(starts)


def _same_text_starts(first: tuple[float | None, ...], then: tuple[float | None, ...], table: StitchedTable) -> bool:
    """Column texts starting at the same places (within a share of the table's width),
    in at least two columns that have text in both parts."""
    pairs = [(a, b) for a, b in zip(first, then) if a is not None and b is not None]
    if len(first) != len(then) or len(pairs) < 2:
        return False
    width = max(table.bbox[2] - table.bbox[0], 1.0)
    return all(abs(a - b) <= WIDTH_TOLERANCE * width for a, b in pairs)


def _same_widths(table: StitchedTable, raw: RawTable) -> bool:
    first = table.rows[0].cells if table.rows else ()
    widths_a = _relative_widths([c.bbox for c in first if c]) if first else []
    widths_b = _relative_widths([c.bbox for c in raw.grid[0] if c]) if raw.grid else []
    if not widths_a or len(widths_a) != len(widths_b):
        return not table.header
    return all(abs(a - b) <= WIDTH_TOLERANCE for a, b in zip(widths_a, widths_b))


def _relative_widths(boxes: list[BBox]) -> list[float]:
    total = sum(b[2] - b[0] for b in boxes)
    return [(b[2] - b[0]) / total for b in boxes] if total else []


def _append(table: StitchedTable, raw: RawTable, n_header: int, profile: Profile, settings: Settings) -> None:
    rows = [row for row in _names_rejoined(_data_rows(raw, n_header), table.recurring) if not _repeats_header(row, table, settings)]
    if rows and table.header and not table.rows and settings.header_rest_rows and _rest_of_header(rows[0], table):
        _join_header(table, rows.pop(0))
    split_row = raw.opens_with_split_row and not n_header  # the drawing says so
    if rows and table.rows and (split_row or _is_fragment(rows[0], table, profile, settings)):
        table.rows[-1] = _rejoin(table.rows[-1], rows.pop(0))
    unsure = not table.rows or table.columns.kind is None or bool(table.columns.unassigned)
    table.rows.extend(rows)
    table.pages.append(raw.page)
    table.confidence = min(table.confidence, raw.confidence)
    if unsure and rows:
        # a header left at a page foot was classified without any cell to read, or
        # with the few rows before the page break ("–", "N.A." tell no answer column):
        # unclassified, or given a kind that leaves columns unexplained
        _relabel(table, table.label, profile, settings)


def _rest_of_header(row: DataRow, table: StitchedTable) -> bool:
    """The last words of some header cells read as a row of their own, right under
    the header (its wrapped lines cut into rows) or at the head of the next page (a
    header alone at the page foot): nothing in the first column, where every row
    names its subject, and lower-case starts ("agreement", "what comes next?")."""
    texts = [text for c in range(table.n_columns) if (text := row.text(c))]
    return bool(texts) and not row.text(0) and all(t[0].islower() for t in texts)


def _join_header(table: StitchedTable, row: DataRow) -> None:
    for c in range(table.n_columns):
        if text := row.text(c):
            table.header[-1][c] = f"{table.header[-1][c]} {text}".strip()
            table.flat_header[c] = f"{table.flat_header[c]} {text}".strip()
            if c < len(table.leaf_header):
                table.leaf_header[c] = f"{table.leaf_header[c]} {text}".strip()


def _repeats_header(row: DataRow, table: StitchedTable, settings: Settings) -> bool:
    """A row of a continuation part that prints the table's header again (one the
    part's own header detection did not take for a header): the whole header, or one
    level of a multi-level header (each level can come out as a row of its own)."""
    if not table.header or not any(table.flat_header):
        return False
    cells = [row.text(c) or "" for c in range(table.n_columns)]
    return any(headers_agree(cells, header, settings) for header in (table.flat_header, *table.header) if any(header))


def headers_agree(found: list[str], header: list[str], settings: Settings) -> bool:
    """Whether a header printed again is the table's header: every column's text the same
    once normalised, or, on a wide table, all but a share of them nearly the same (a
    scanned page's OCR may miss a word of one header cell, or read a cell's lines in
    another order), with most of the header's filled cells among those that agree."""
    a = [normalise_header(h) for h in found]
    b = [normalise_header(h) for h in header]
    if a == b:
        return True
    if len(a) != len(b) or not settings.header_repeat_tolerance:
        return False
    agree = [x == y or bool(x and y and _cells_agree(x, y, settings.header_repeat_similarity)) for x, y in zip(a, b)]
    filled = sum(1 for y in b if y)
    agreeing_filled = sum(1 for ok, y in zip(agree, b) if ok and y)
    return filled > 0 and agree.count(False) <= settings.header_repeat_tolerance * len(a) and agreeing_filled > filled / 2


ORDER_FREE_MIN_LETTERS = 8  # below this, two different short words share their letters too easily


def _cells_agree(x: str, y: str, similarity: float) -> bool:
    """Two header cells nearly the same: as strings, or as bags of letters when long
    enough (OCR may read a wrapped cell's lines out of order, or join two words)."""
    from rapidfuzz import fuzz

    if fuzz.ratio(x, y) >= similarity:
        return True
    letters_x, letters_y = sorted(x.replace(" ", "")), sorted(y.replace(" ", ""))
    if min(len(letters_x), len(letters_y)) < ORDER_FREE_MIN_LETTERS:
        return False
    return fuzz.ratio("".join(letters_x), "".join(letters_y)) >= similarity


def _data_rows(raw: RawTable, n_header: int) -> list[DataRow]:
    rows = []
    for r in range(n_header, len(raw.grid)):
        cells = raw.grid[r]
        boxes = [c.bbox for c in cells if c]
        if not boxes:
            continue
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        rows.append(DataRow(cells=cells, page=raw.page, bbox=bbox, engine=raw.engine))
    return rows


def _is_fragment(row: DataRow, table: StitchedTable, profile: Profile, settings: Settings) -> bool:
    """A first row on a new page whose identifying cells are blank but others are not
    is the rest of the row broken at the page end; so is one whose identifying text
    closes a bracket that the row above left open ("(Japanese" / "company)"), and one
    that goes on with a phrase the row above broke off (`_goes_on_with_a_broken_phrase`)."""
    if _completes_a_name(table.rows[-1], row, table.recurring):
        return True
    if settings.broken_phrase_rows and _goes_on_with_a_broken_phrase(table.rows[-1], row):
        return True
    spec = profile.table(table.columns.kind) if table.columns.kind else None
    if spec is None or not spec.row_key:
        return False
    if spec.layout != "grid" and _opens_with_bullet(row):
        return True  # a name-then-list cell whose list went on over the page
    key_columns = [table.columns.column(name) for name in spec.row_key]
    if any(c is None for c in key_columns):
        return False
    above = table.rows[-1]
    if any(row.text(c) and not _closes_bracket(above.text(c), row.text(c)) and not _remark_for(above.text(c), row.text(c))
           for c in key_columns):
        return False
    return any(cell and cell.text for cell in row.cells)


def _goes_on_with_a_broken_phrase(above: DataRow, row: DataRow) -> bool:
    """`row` carries on a phrase that `above` broke off: a cell of `above` of two words
    or more ends on a word no phrase ends with (an article, a preposition, a
    conjunction, in lower case: "Japanese Association of"), `row` goes on in that
    column, leaves the first column (a new row's label) blank, and fills no cell that
    is blank in `above`."""
    if row.text(0):
        return False
    broken = False
    for column, cell in enumerate(row.cells):
        if cell is None or not cell.text:
            continue
        upper = above.text(column)
        if not upper:
            return False
        words = upper.split()
        broken |= len(words) >= 2 and words[-1].islower() and words[-1] in STOP_WORDS
    return broken


def _completes_a_name(above: DataRow, row: DataRow, recurring: frozenset[str]) -> bool:
    """`row` ends a name that `above` began: joined, the two parts of some cell make a
    name the document's other tables repeat, and neither part is repeated word for word
    ("Norrbotten Photonics" / "Alliance"; the first part alone may pass for the name with
    a word dropped), as when a wrapped row is cut at its line break or at the page break.
    Read before the table has a kind: the cut may be what keeps it from one."""
    verbatim = recurring.verbatim if isinstance(recurring, DocumentNames) else recurring
    for c in range(min(len(above.cells), len(row.cells))):
        upper, lower = above.text(c), row.text(c)
        if upper and lower and name_key(f"{upper} {lower}") in recurring:
            if name_key(upper) not in verbatim and name_key(lower) not in verbatim:
                return True
    return False


def _names_rejoined(rows: list[DataRow], recurring: frozenset[str]) -> list[DataRow]:
    """Rows with each row that completes a name of the row above joined to it."""
    out: list[DataRow] = []
    for row in rows:
        if out and _completes_a_name(out[-1], row, recurring):
            out[-1] = _rejoin(out[-1], row)
        else:
            out.append(row)
    return out


def _opens_with_bullet(row: DataRow) -> bool:
    first = next((cell for cell in row.cells if cell and cell.text), None)
    return first is not None and bullet_of((first.lines or (first.text,))[0]) is not None


_BRACKETED = re.compile(r"^\s*(?:\([^()\[\]]*\)|\[[^()\[\]]*\])\s*$")


def _remark_for(upper: str | None, lower: str) -> bool:
    """Whether `lower` is a bracketed remark alone ("[non-EU cluster]") for the name
    `upper`, which has none of its own: a remark names no one, it qualifies a name."""
    return bool(upper) and bool(_BRACKETED.match(lower)) and not any(b in upper for b in "([")


def _closes_bracket(upper: str | None, lower: str) -> bool:
    """Whether `lower` goes on with `upper`: `upper` leaves a bracket open that `lower` closes."""
    return bool(upper) and upper.count("(") > upper.count(")") and lower.count(")") > lower.count("(")


def _rejoin(upper: DataRow, lower: DataRow) -> DataRow:
    cells = []
    for a, b in zip(upper.cells, lower.cells):
        if a is None or b is None or not b.text:
            cells.append(a if a is not None else b)
            continue
        lines = a.lines + b.lines
        cells.append(Cell(text=join_lines(lines) or None, lines=lines, bold=a.bold and b.bold, bbox=a.bbox))
    return DataRow(cells=tuple(cells), page=upper.page, bbox=upper.bbox, engine=upper.engine, rejoined=True)
