"""The one chooser: which engines read a page, and which of their tables are kept.

`extract`, `convert`, `debug` and every benchmark read tables through
`PageTableReader`. Engines are named in one registry (`ENGINES`) and all share the
`TableEngine` interface. On each page, in order of cost:

1. pdfplumber's ruling lines read every page;
2. the word-alignment engine reads under captions, between horizontal rules and
   where the previous page's table runs on;
3. under a caption neither could serve, camelot (`Settings.caption_flavor`) reads
   the captioned area;
4. on every page (`Settings.tables_on_every_page`), where lines with column gaps lie
   outside the tables found so far (alignment evidence that some table was drawn
   without rules), camelot (`Settings.borderless_flavor`) reads the page; its tables
   are kept where no clean ruled table or earlier table is, and where they do not
   hold running text (a page of prose in two columns is not a table); then each
   block of table lines in a text column of the page (`tables/text_columns.py`) that
   no table serves yet is read by camelot alone (`Settings.text_column_tables`).

Row labels set left of a ruled grid become its first column (`tables/row_labels.py`),
and what an engine read is dropped where it is no table (`no_table`: rules round
fewer than two texts, a chart under its figure's caption or with its series or bars
drawn inside, a boxed paragraph).

A ruled table whose grid is not clean (words straddling its cells: rules missing)
gives way to a camelot table found at the same place, as does a ruled block whose
text lines run on past its side rules (the ruled part of a wider table); the
camelot table that fills the ruled box goes first; a camelot table that reads a
word-alignment table cell for cell among more rows of its own replaces it (the same
table read further). camelot's tables are read with
their dot-leader columns joined to the labels, and without the paragraph column,
rows or blocks it read into them from the page around (a page in two columns).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from statistics import median
from dataclasses import replace
from pathlib import Path

from ..layout import EVEN_SPACING, SURFACE, Line, PageLayout, has_column_gap, is_caption, is_contents_entry, word_gaps, words_in_box, words_to_lines
from ..settings import DEFAULT_SETTINGS, Settings
from .base import Cell, RawTable, TableEngine, filled_cells, held_by_another, is_figure
from .camelot import FLAVORS, CamelotEngine
from .plumber import PlumberLinesEngine, crowding
from .row_labels import with_row_labels
from .text import CAPTION_REACH, TextAlignmentEngine
from .text_columns import tabular_blocks, text_columns

BOTTOM_MARGIN = 0.92  # share of the page height above the footer

EngineFactory = Callable[[re.Pattern[str], "Path | None", "str | None", Settings], TableEngine]

ENGINES: dict[str, EngineFactory] = {
    "pdfplumber-lines": lambda pattern, source, password, settings: PlumberLinesEngine(settings),
    "text-alignment": lambda pattern, source, password, settings: TextAlignmentEngine(pattern, settings),
    **{
        f"camelot-{flavor}": (lambda f: lambda pattern, source, password, settings: CamelotEngine(f, source, password))(flavor)
        for flavor in FLAVORS
    },
}


def make_engine(
    name: str, caption_pattern: re.Pattern[str], source: Path | None = None, password: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> TableEngine:
    """The registered engine called `name`; `source` (and its `password`) is the file camelot reads."""
    try:
        return ENGINES[name](caption_pattern, source, password, settings)
    except KeyError:
        raise ValueError(f"unknown table engine {name!r}; choose from {', '.join(ENGINES)}") from None


LONE_BOX_LINES = 2  # a frame round one line (a heading's band) is no table


class PageTableReader:
    """Finds the tables of one page with the cheapest engine that serves each.

    `source` is the PDF file camelot reads; without it camelot is never called."""

    def __init__(
        self,
        caption_pattern: re.Pattern[str],
        source: Path | None = None,
        settings: Settings = DEFAULT_SETTINGS,
        password: str | None = None,
    ):
        self.caption_pattern = caption_pattern
        self.password = password
        self.settings = settings
        self.ruled = make_engine("pdfplumber-lines", caption_pattern, settings=settings)
        self.text = make_engine("text-alignment", caption_pattern, settings=settings)
        self.source = source
        self.under_caption = self._camelot(settings.caption_flavor)
        self.borderless = self._camelot(settings.borderless_flavor) if settings.tables_on_every_page else None
        self._clean_at_foot: int | None = None  # the page whose lowest table is a word-alignment table kept
        self._clean: list[RawTable] = []

    def _camelot(self, flavor: str | None) -> CamelotEngine | None:
        if not flavor or self.source is None:
            return None
        return make_engine(f"camelot-{flavor}", self.caption_pattern, self.source, self.password)

    def _tables_only(self, read: list[RawTable], layout: PageLayout) -> list[RawTable]:
        """camelot's tables without the paragraph rows at their edges, and none that is
        prose or a chart."""
        read = [t for t in read if not is_chart(t)]
        trimmed = [trim_prose_rows(trim_prose_columns(join_leader_columns(t), self.settings), self.settings, layout) for t in read]
        trimmed = [trim_caption_rows(t, self.caption_pattern) if t is not None else None for t in trimmed]
        return [t for t in trimmed if t is not None and not is_prose(t, self.settings)]

    def find(self, page, layout: PageLayout) -> list[RawTable]:
        """The page's tables, and its single ruled boxes that no table covers (`lone_box`:
        the document decides which of them are tables)."""
        ruled = self.ruled.find(page, layout)
        boxes = [t for t in ruled if t.lone_box]
        ruled = [t for t in ruled if not t.lone_box]
        read = self._find(page, layout, ruled)
        tables = [t for t in read if not no_table(t, page, layout, self.settings, self.caption_pattern)]
        # one text read as a table (a row of a list left alone by a page break) is a
        # table only where the document makes it one, as a single ruled box is
        boxes += [replace(t, lone_box=True) for t in read
                  if one_text(t) and not no_table(t, page, layout, self.settings, self.caption_pattern, texts=1)
                  and not any(overlap(t.bbox, b.bbox) > 0.2 for b in boxes)]
        lowest = max(tables, key=lambda t: t.bbox[3], default=None)
        self._clean_at_foot = layout.number if lowest is not None and lowest in self._clean else None
        if not self.settings.lone_boxes:
            return tables
        boxes = [b for b in boxes if sum(len(c.lines) for row in b.grid for c in filled_cells(row)) >= LONE_BOX_LINES
                 and not any(overlap(b.bbox, t.bbox) > 0.2 for t in tables)
                 and not under_a_figure_caption(b, page, layout, self.caption_pattern)]
        return _in_reading_order(tables + boxes) if boxes else tables

    def _find(self, page, layout: PageLayout, ruled: list[RawTable]) -> list[RawTable]:
        if self.settings.row_labels_left:
            ruled = [with_row_labels(t, layout, ruled) for t in ruled]
        aligned = self.text.find(page, layout, ruled)
        clean = [t for t in ruled if t.confidence >= self.settings.clean_grid and not rows_run_together(t)
                 and not part_of_a_wider_table(t, layout, ruled)]
        # the rest of a table whose part on the previous page kept its rows apart: too
        # few rows here to tell, the same columns and rows as that part
        went_on = self._clean_at_foot == layout.number - 1
        clean += [t for t in aligned if (went_on and t.continues_previous_page) or rows_kept_apart(t, layout, self.settings)]
        self._clean = [t for t in clean if t.engine == self.text.name]
        found = ruled + aligned
        if layout.ocr:
            return _in_reading_order(found)  # camelot reads the text layer, which an OCR page lacks
        if self.under_caption is not None:
            for caption, bottom in unserved_captions(layout, self.caption_pattern, found):
                area = (0.0, caption.bottom + 1, layout.width, bottom)
                read = self.under_caption.find_in_file(self.source, layout.number, layout.height, [area], layout)
                found += self._tables_only(read, layout)
        if self.borderless is None:
            return _in_reading_order(found)
        kept = [t for t in found if t.engine not in REPLACEABLE or t in clean]
        if unexplained_tabular_lines(layout, kept) < self.settings.min_tabular_lines:
            return _in_reading_order(found)
        candidates = self._tables_only(self.borderless.find(page, layout), layout)
        if self.settings.text_column_tables:
            candidates += self._in_unread_blocks(layout, found + candidates)
        if self.settings.longer_reading_replaces:
            found, clean = _read_further(found, clean, candidates)
        return _in_reading_order(choose(found, clean, candidates))

    def _in_unread_blocks(self, layout: PageLayout, read: list[RawTable]) -> list[RawTable]:
        """The tables camelot reads in the blocks of table lines of each text column of
        the page (on a page set in columns of running text, each column alone), where no
        table was read yet."""
        columns = text_columns(layout, self.settings.text_column_lines)
        areas = [area for area in tabular_blocks(layout, columns, self.settings.min_tabular_lines)
                 if not any(overlap(area, t.bbox) > 0.2 for t in read)]
        if not areas:
            return []
        return self._tables_only(self.borderless.find_in_file(self.source, layout.number, layout.height, areas, layout), layout)


def choose(found: list[RawTable], clean: list[RawTable], candidates: list[RawTable]) -> list[RawTable]:
    """The page's tables: clean ruled tables and the cheaper engines' tables first; a
    candidate only where none of them is, except that it replaces a ruled table whose
    grid is not clean (the same table, read without the rules it lacks)."""
    unclean = [t for t in found if t.engine in REPLACEABLE and t not in clean]
    kept = [t for t in found if t not in unclean]
    replaced: set[int] = set()
    # the candidate that fills the box an unclean ruled table's lines drew comes first
    # (the same table read without the rules it lacks), then the surest
    def order(table: RawTable) -> tuple[float, float]:
        return -max((_area_match(table.bbox, u.bbox) for u in unclean), default=0.0), -table.confidence

    for table in sorted(candidates, key=order):
        if any(overlap(table.bbox, k.bbox) > 0.2 for k in kept):
            continue
        kept.append(table)
        replaced |= {i for i, u in enumerate(unclean) if overlap(table.bbox, u.bbox) > 0.2}
    return kept + [u for i, u in enumerate(unclean) if i not in replaced]


REPLACEABLE = (PlumberLinesEngine.name, TextAlignmentEngine.name)


def _read_further(found: list[RawTable], clean: list[RawTable], candidates: list[RawTable]) -> tuple[list[RawTable], list[RawTable]]:
    """The page's tables without the word-alignment tables that a candidate reads cell
    for cell, row for row, among more rows of its own: the same table read further (a
    list read up from its foot to a bold heading halfway down it)."""
    shorter = [t for t in found if t.engine == TextAlignmentEngine.name
               and any(_reads_within(candidate, t) for candidate in candidates)]
    return [t for t in found if t not in shorter], [t for t in clean if t not in shorter]


def _reads_within(longer: RawTable, table: RawTable) -> bool:
    if longer.n_columns != table.n_columns or len(longer.grid) <= len(table.grid) or overlap(longer.bbox, table.bbox) < 0.95:
        return False
    rows, inner = longer.printed_rows(), table.printed_rows()
    return any(rows[i : i + len(inner)] == inner for i in range(len(rows) - len(inner) + 1))


def rows_kept_apart(table: RawTable, layout: PageLayout, settings: Settings) -> bool:
    """Whether a word-alignment table kept its rows apart: its cells' lines are not
    stacked side by side in several cells at the same heights (rows run together)
    and its cells hold few lines each."""
    filled = filled_cells(c for row in table.grid for c in row)
    if not filled:
        return False
    lines_per_cell = sum(max(1, len(c.lines)) for c in filled) / len(filled)
    if crowding(layout.words, list(table.grid)) > settings.max_crowding:
        return False
    # rows of figures stacked in one row are rows run together, however spaced the blocks
    return lines_per_cell < settings.max_lines_per_cell or (rows_spaced_apart(table, layout) and not rows_run_together(table))


MIN_SPACED_ROWS = 3
ROW_SPACE_RATIO = 2.0  # the space between rows over the largest space between a cell's lines
ROW_SPACE_MARGIN = 2.0  # points


def rows_spaced_apart(table: RawTable, layout: PageLayout) -> bool:
    """Whether the document itself sets the rows of the body apart: every space between
    two rows well wider than any space between the lines of one cell. Then cells of
    many lines (a wide annex's long answers in narrow columns) are no sign of rows run
    together. The first row, a header whose levels may be spaced otherwise, is left out."""
    within: list[float] = []
    bands: list[tuple[float, float]] = []
    for row in table.grid[1:]:
        top = bottom = None
        for cell in row:
            if cell is None or not cell.text:
                continue
            lines = words_to_lines(words_in_box(layout.words, cell.bbox))
            if not lines:
                continue
            within += [b.top - a.bottom for a, b in zip(lines, lines[1:])]
            top = lines[0].top if top is None else min(top, lines[0].top)
            bottom = lines[-1].bottom if bottom is None else max(bottom, lines[-1].bottom)
        if top is not None:
            bands.append((top, bottom))
    between = [b[0] - a[1] for a, b in zip(bands, bands[1:])]
    if len(bands) < MIN_SPACED_ROWS or not within:
        return False
    widest = max(0.0, max(within))
    return min(between) >= max(ROW_SPACE_RATIO * widest, widest + ROW_SPACE_MARGIN)


STACKED_LINES = 3
_WORD = re.compile(r"[^\W\d_]{3,}")


def rows_run_together(table: RawTable) -> bool:
    """Whether some row holds three or more cells of the same number (three or more)
    of lines that are figures (no word in them, so not wrapped text): rows of
    figures that no rule separated, read as one row."""
    for row in table.grid:
        counts: dict[int, int] = {}
        for cell in row:
            if cell is not None and len(cell.lines) >= STACKED_LINES and not any(_WORD.search(line) for line in cell.lines):
                counts[len(cell.lines)] = counts.get(len(cell.lines), 0) + 1
        if any(n >= 3 for n in counts.values()):
            return True
    return False


BOXED_LINES_SHARE = 0.6
NEAR_RULE = 4.0  # font sizes from a side rule: words that close run on the ruled rows


def part_of_a_wider_table(table: RawTable, layout: PageLayout, ruled: Sequence[RawTable] = ()) -> bool:
    """Whether a ruled table is part of a wider table drawn without rules: most of
    the text lines in its box run on past its side rules, close by (a figure column
    framed for emphasis among the columns of a borderless table; a ruled block of
    figures whose row labels and last columns stand outside its rules). A box of one
    column must be crossed on both sides. Words inside another ruled table of the
    page (`ruled`) are that table's, not a run-on."""
    x0, top, x1, bottom = table.bbox

    def own(word) -> bool:
        return not held_by_another(word, table, ruled)

    inside = [l for l in layout.lines if top - 1 <= (l.top + l.bottom) / 2 <= bottom + 1 and l.x0 < x1 and l.x1 > x0]
    if not inside:
        return False

    def left(line: Line) -> bool:
        return any(w.x1 <= x0 + 1 and x0 - w.x1 <= NEAR_RULE * line.size and own(w) for w in line.words)

    def right(line: Line) -> bool:
        return any(w.x0 >= x1 - 1 and w.x0 - x1 <= NEAR_RULE * line.size and own(w) for w in line.words)

    if table.n_columns == 1:
        crossing = [l for l in inside if any(w.x1 <= x0 + 1 for w in l.words) and any(w.x0 >= x1 - 1 for w in l.words)]
    else:
        crossing = [l for l in inside if left(l) or right(l)]
    return len(crossing) >= BOXED_LINES_SHARE * len(inside)


def unexplained_tabular_lines(layout: PageLayout, tables: list[RawTable]) -> int:
    """Lines outside the given tables that hold a column gap: text that may be a
    table no rule was drawn for. Where there is none, camelot is not worth its cost."""
    boxes = [t.bbox for t in tables]
    count = 0
    for line in layout.lines:
        cy = (line.top + line.bottom) / 2
        if is_contents_entry(line.text):
            continue  # its gap is a leader to a page number, not a column
        if any(b[1] - 2 <= cy <= b[3] + 2 and b[0] - 2 <= line.x0 <= b[2] + 2 for b in boxes):
            continue
        if has_column_gap(line):
            count += 1
    return count


#: A figure's label: a chart read as a table holds its caption ("Figure 15 (data until ...)").
_FIGURE_LABEL = re.compile(r"^(?:Figure|Fig|Chart|Graph|Diagram)\.?\s+\d", re.IGNORECASE)


def is_chart(table: RawTable) -> bool:
    """Whether camelot read a chart (its axis figures, legend and caption) as a table:
    a cell of it opens with a figure's label."""
    return any(_FIGURE_LABEL.match(cell.text) for row in table.grid for cell in filled_cells(row))


PHRASE_WORDS = 3  # words of a cell that may begin mid-sentence
MIN_PHRASES = 6  # such cells before their beginnings tell
PLOT_POINTS = 50  # points of one drawn path: a chart's series, which no table draws
PLOT_SEGMENTS = 10  # slanted line segments: a series drawn a step at a time
SLANT = 1.0  # points a segment runs both across and down at least to be slanted
BARS = 3  # filled bars of one width on one baseline, of as many heights: a bar chart
BAR_HEIGHT = 3.0  # type sizes the tallest bar reaches at least (a cell's inline bar stays in its row)


def no_table(
    table: RawTable, page, layout: PageLayout, settings: Settings, caption: re.Pattern[str], texts: int = 2
) -> bool:
    """Whether what an engine read is no table, whichever engine: fewer than `texts`
    texts (rules round one text: a chart's gridlines, a frame round one line); a chart under its
    figure's caption; a chart's plot area, gridlines round its legend, known by the
    series drawn inside it (a path of many points, or many slanted segments: a table's
    rules run across or down) or the bars standing in it; or one column of lines of
    running text, most begun mid-sentence (a box round a paragraph that rules each
    line)."""
    if len(filled_cells(c for row in table.grid for c in row)) < texts or under_a_figure_caption(table, page, layout, caption):
        return True
    x0, top, x1, bottom = table.bbox

    def inside(obj) -> bool:
        return x0 <= (obj["x0"] + obj["x1"]) / 2 <= x1 and top <= (obj["top"] + obj["bottom"]) / 2 <= bottom

    if any(len(curve.get("pts", ())) >= PLOT_POINTS and inside(curve) for curve in getattr(page, "curves", ())):
        return True
    slanted = [line for line in getattr(page, "lines", ())
               if line["x1"] - line["x0"] > SLANT and line["bottom"] - line["top"] > SLANT and inside(line)]
    if len(slanted) >= PLOT_SEGMENTS or _bar_chart([r for r in getattr(page, "rects", ()) if r.get("fill") and inside(r)], layout):
        return True
    one_column = sum(1 for c in range(table.n_columns) if filled_cells(row[c] for row in table.grid)) == 1
    return one_column and begun_mid_sentence(table, settings)


def one_text(table: RawTable) -> bool:
    """Whether a table holds a single filled cell."""
    return len(filled_cells(c for row in table.grid for c in row)) == 1


def _bar_chart(fills: list[dict], layout: PageLayout) -> bool:
    """Whether filled boxes stand as a bar chart's bars: three or more of one width (a
    surface's, not a rule's) on one baseline, apart from each other, of three heights
    or more, the tallest several type sizes tall. Shaded cells of a row share their
    height; a shaded column's cells abut."""
    standing: dict[tuple[int, int], list[dict]] = {}
    for fill in fills:
        if fill["x1"] - fill["x0"] >= SURFACE:
            standing.setdefault((round(fill["bottom"]), round(fill["x1"] - fill["x0"])), []).append(fill)
    for bars in standing.values():
        bars.sort(key=lambda b: b["x0"])
        heights = {round(b["bottom"] - b["top"]) for b in bars}
        if len(bars) < BARS or len(heights) < BARS or any(b["x0"] - a["x1"] <= 0.5 for a, b in zip(bars, bars[1:])):
            continue
        size = median(w.size for w in layout.words) if layout.words else 10.0  # only once bars stand
        if max(heights) >= BAR_HEIGHT * size:
            return True
    return False


FIGURE_CAPTION_LINES = 3  # lines a figure's caption wraps over at most


def under_a_figure_caption(table: RawTable, page, layout: PageLayout, caption: re.Pattern[str]) -> bool:
    """Whether the lines right above the table, walking up while each stands close over
    the next (a caption and its wrapped lines), open with a figure's label: the page
    says what is drawn under them is a figure. A table's own caption on the way ends
    the walk, and a figure's caption set under a picture is the picture's."""
    x0, top, x1, _ = table.bbox
    above = sorted((l for l in layout.lines if l.bottom <= top + 1 and l.x1 > x0 and l.x0 < x1), key=lambda l: -l.bottom)
    reach = top
    for line in above[:FIGURE_CAPTION_LINES]:
        if reach - line.bottom > CAPTION_REACH * line.size * 2 or is_caption(line, caption):
            return False
        if _FIGURE_LABEL.match(line.text):
            return not any(line.top - CAPTION_REACH * line.size * 2 <= image["bottom"] <= line.top + 1
                           for image in getattr(page, "images", ()))
        reach = line.top
    return False


def begun_mid_sentence(table: RawTable, settings: Settings) -> bool:
    """Whether most of a table's cells of three words or more under its first row begin
    in lower case: each a piece of a line whose sentence began on the line above (a
    first row of lower-case labels, a header, has no line above it)."""
    phrases = [cell for row in table.grid[1:] for cell in filled_cells(row) if len(cell.text.split()) >= PHRASE_WORDS]
    mid_sentence = sum(1 for cell in phrases if cell.text[:1].islower())
    return len(phrases) >= MIN_PHRASES and mid_sentence >= settings.prose_mid_sentence_share * len(phrases)


def is_prose(table: RawTable, settings: Settings) -> bool:
    """Whether a table found by alignment alone is no table: most of its text sits in
    cells whose lines read as sentences (many words per line), as in a page set in
    two columns; its cells hold words, hardly any figure, several words a line (text
    in narrow columns); too few of its rows (fewer than two) have two filled cells
    (scattered labels of a chart, text beside it); it is a table of contents (dot
    leaders); or most of its cells of several words begin
    mid-sentence (a page set in three columns read across: each cell a piece of a line
    whose sentence began on the line above)."""
    words_in_long_cells = total = lines = cells_with_figures = cells = 0
    rows_with_two = contents_rows = 0
    for row in table.grid:
        filled = filled_cells(row)
        rows_with_two += len(filled) >= 2
        contents_rows += len(filled) <= 2 and is_contents_entry(" ".join(c.text for c in filled))
        for cell in filled:
            count = len(cell.text.split())
            total += count
            lines += max(1, len(cell.lines))
            cells += 1
            cells_with_figures += any(ch.isdigit() for ch in cell.text)
            if reads_as_sentences(cell, settings):
                words_in_long_cells += count
    if rows_with_two < max(2, settings.min_row_fill * len(table.grid)) or contents_rows * 2 > len(table.grid):
        return True
    if total and words_in_long_cells / total >= settings.max_prose_share:
        return True
    if begun_mid_sentence(table, settings):
        return True
    return total / max(1, lines) >= settings.column_prose_words_per_line and cells_with_figures < settings.prose_max_figure_share * cells


_CLAUSE_MARK = re.compile(r"[,;:]|\.(?:\s|$)")


def reads_as_sentences(cell: Cell, settings: Settings) -> bool:
    """Whether a cell's lines read as sentences: many words a line, with enough of
    them begun in lower case or with a clause's punctuation (a comma, a full stop: a
    reference list's lines). A line of capitalised words without either, however
    long, is a name or a title: a list's item, a wine's full name."""
    words = cell.text.split()
    if len(words) / max(1, len(cell.lines)) < settings.prose_words_per_line:
        return False
    lettered = [w for w in words if w[:1].isalpha()]
    lower = sum(1 for w in lettered if w[:1].islower())
    return lower >= settings.prose_lower_case_share * len(lettered) or bool(_CLAUSE_MARK.search(cell.text))


def trim_prose_rows(table: RawTable, settings: Settings, layout: PageLayout | None = None) -> RawTable | None:
    """The table without the paragraph lines camelot read into its first or last
    rows (a row of one cell of several words, or of nothing, or, read on the page's
    words, one line of running text cut at the column edges), so that they stay in
    the narrative; None when nothing is left."""

    def is_prose_row(index: int) -> bool:
        filled = filled_cells(table.grid[index])
        if not filled:
            return True
        if len(filled) == 1:
            return len(filled[0].text.split()) >= settings.edge_row_words
        return layout is not None and _running_text_row(table, index, layout, settings)

    def short_line(index: int) -> bool:  # one cell of fewer words than a paragraph line
        filled = filled_cells(table.grid[index])
        return len(filled) == 1 and len(filled[0].text.split()) < settings.edge_row_words

    def trim_edges(start: int, end: int) -> tuple[int, int]:
        while start < end:
            beyond = start
            while beyond < end and short_line(beyond):
                beyond += 1  # a heading over the paragraph goes with it
            if beyond < end and is_prose_row(beyond):
                start = beyond + 1
                continue
            break
        while end > start:
            beyond = end - 1
            while beyond >= start and short_line(beyond):
                beyond -= 1
            if beyond >= start and is_prose_row(beyond):
                end = beyond
                continue
            break
        return start, end

    start, end = trim_edges(0, len(table.grid))
    start, end = trim_edges(*_without_prose_blocks(table, start, end, settings))
    start, end = _cut_set_apart_lines(table, start, end, settings)
    typical_cells = median(len(filled_cells(row)) for row in table.grid) if table.grid else 0
    while end > start and (is_prose_row(end - 1) or is_note_row(table.grid[end - 1], typical_cells)):
        end -= 1
    if end - start < 2:
        return None
    if (start, end) == (0, len(table.grid)):
        return table
    edges = table.row_edges[start : end + 1]
    return replace(table, grid=table.grid[start:end], row_edges=edges, bbox=(table.bbox[0], edges[0], table.bbox[2], edges[-1]))


def trim_caption_rows(table: RawTable, caption: re.Pattern[str]) -> RawTable | None:
    """The table without its caption, read into its first rows by camelot: a first row
    of one or two cells and no figure whose text reads as a caption, and the caption's
    wrapped lines under it (rows of one cell that go on in lower case or after a
    comma); None when nothing is left."""
    def text(index: int) -> str:
        return " ".join(cell.text for cell in filled_cells(table.grid[index]))

    first = filled_cells(table.grid[0]) if table.grid else []
    if not first or len(first) > NOTE_CELLS or any(is_figure(cell.text) for cell in first) or not caption.search(text(0)):
        return table
    start = 1
    while start < len(table.grid) and len(filled_cells(table.grid[start])) == 1:
        line = text(start)
        if not (line[:1].islower() or text(start - 1).rstrip().endswith(",")):
            break
        start += 1
    if len(table.grid) - start < 2:
        return None
    edges = table.row_edges[start:]
    return replace(table, grid=table.grid[start:], row_edges=edges, bbox=(table.bbox[0], edges[0], table.bbox[2], table.bbox[3]))


#: What opens a table's note: a mark (*, **, †, a letter before a capital) or "Note:"/"Source:".
_NOTE_MARK = re.compile(r"^(?:[*†‡§¶]+(?:\s|$)|[*†‡§¶]+\s*[A-Za-z]|[a-z]\s+[A-Z]|\(\d{1,2}\)\s+[A-Z]|(?:Notes?|Sources?)\s*:)")


NOTE_CELLS = 2  # a note fills at most this many cells (its mark and its text)


def is_note_row(row: Sequence[Cell | None], typical_cells: float) -> bool:
    """A note under a table, read into its last rows: its text opens with a note's
    mark, it holds no figure apart from that text ('** P<0.01', 'a Weights are given
    as group means.', 'Source: ...'), and it fills fewer cells than the table's rows
    do (`typical_cells`, their median): rows labelled a, b, c are a body."""
    filled = filled_cells(row)
    if not filled or len(filled) > NOTE_CELLS or len(filled) >= typical_cells:
        return False
    text = " ".join(cell.text for cell in filled)
    return bool(_NOTE_MARK.match(text)) and sum(is_figure(cell.text) for cell in filled) == 0


_DOTS_ONLY = re.compile(r"^[.…\s]+$")
_ENDS_IN_DOTS = re.compile(r"(?:[.…]\s*){3,}$")  # a label that runs into its leaders
LEADER_SHARE = 0.8  # of a column's filled cells, dots or ending in dots


def join_leader_columns(table: RawTable) -> RawTable:
    """The table with the columns of dot leaders joined to the label on their left:
    camelot parts spaced leaders (". . . .") into columns of their own wherever the
    rows' dots line up, and an indented label running into its leaders lands there
    too. Such a column's cells are (nearly) all dots or end in them."""
    leaders = [c for c in range(1, table.n_columns)
               if (filled := filled_cells(row[c] for row in table.grid))
               and sum(1 for cell in filled if _DOTS_ONLY.match(cell.text) or _ENDS_IN_DOTS.search(cell.text))
               >= LEADER_SHARE * len(filled)]
    if not leaders:
        return table
    kept = [c for c in range(table.n_columns) if c not in leaders]
    grid = []
    for row in table.grid:
        cells = list(row)
        for c in sorted(leaders, reverse=True):
            left = max(k for k in kept if k < c)
            cells[left] = _joined(cells[left], cells[c])
        grid.append(tuple(cells[c] for c in kept))
    column_edges = tuple(table.column_edges[c] for c in kept) + (table.column_edges[-1],)
    return replace(table, grid=tuple(grid), column_edges=column_edges)


def _joined(left: Cell | None, right: Cell | None) -> Cell | None:
    if right is None or not right.text or _DOTS_ONLY.match(right.text):
        return left  # the dots lead to the figures, they hold nothing
    if left is None:
        return right
    text = f"{left.text} {right.text}" if left.text else right.text
    bbox = (min(left.bbox[0], right.bbox[0]), min(left.bbox[1], right.bbox[1]),
            max(left.bbox[2], right.bbox[2]), max(left.bbox[3], right.bbox[3]))
    return replace(left, text=text, lines=(text,), bbox=bbox)


MIN_PROSE_CELLS = 3
PROSE_CELL_SHARE = 0.6  # of a column's filled cells, lines of a sentence's length
ALONE_SHARE = 0.5  # of its filled cells, in rows with no other cell filled
MID_SENTENCE_SHARE = 0.5  # of its cells in rows shared with other cells, begun mid-sentence


def trim_prose_columns(table: RawTable, settings: Settings) -> RawTable:
    """The table without the paragraph column camelot read into its first or last
    column (a page set in two columns: the table in one, running text in the other),
    and without the rows that only that column filled. A paragraph column is known by
    its lines of a sentence's length and by its text running on regardless of the
    table's rows: most of its lines stand in rows of their own, or, where a row of the
    table holds other cells, its line mostly carries on a sentence of the line above
    (a cell of a table's own text column begins its row's entry)."""
    columns = list(range(table.n_columns))
    # one column a side: a column that still holds running text once its neighbour is
    # gone mixes it with the table's own cells, and the table is prose, not trimmed
    if len(columns) > 2 and _prose_column(table, columns[-1], settings):
        columns.pop()
    if len(columns) > 2 and _prose_column(table, columns[0], settings):
        columns.pop(0)
    if len(columns) == table.n_columns:
        return table
    row_edges = list(table.row_edges)
    kept: list[tuple] = []
    for row in table.grid:
        row = tuple(row[c] for c in columns)
        if filled_cells(row):
            kept.append(row)
        else:  # the row above (or below, for the first) takes its band
            del row_edges[len(kept) if kept else 1]
    if len(kept) < 2:
        return table
    column_edges = table.column_edges[columns[0] : columns[-1] + 2]
    return replace(table, grid=tuple(kept), column_edges=column_edges, row_edges=tuple(row_edges),
                   bbox=(column_edges[0], row_edges[0], column_edges[-1], row_edges[-1]))


def _prose_column(table: RawTable, column: int, settings: Settings) -> bool:
    filled = [(r, row[column]) for r, row in enumerate(table.grid) if row[column] is not None and row[column].text]
    if len(filled) < MIN_PROSE_CELLS:
        return False
    long = [c for _, c in filled if reads_as_sentences(c, settings)]
    if len(long) < PROSE_CELL_SHARE * len(filled):
        return False
    shared = [c for r, c in filled if filled_cells(o for k, o in enumerate(table.grid[r]) if k != column)]
    if len(shared) <= ALONE_SHARE * len(filled):
        return True  # most of its lines stand in rows of their own, beside the table
    mid_sentence = [c for c in shared if c.text[:1].islower()]
    return len(mid_sentence) >= MID_SENTENCE_SHARE * len(shared)


def _without_prose_blocks(table: RawTable, start: int, end: int, settings: Settings) -> tuple[int, int]:
    """The rows from `start` to `end` without the blocks of prose at either end that an
    empty row parts from the table (a paragraph camelot read on, past the notes under
    the table)."""
    blocks: list[tuple[int, int]] = []
    first = start
    for index in range(start, end + 1):
        if index == end or not filled_cells(table.grid[index]):
            if index > first:
                blocks.append((first, index))
            first = index + 1

    def prose(block: tuple[int, int]) -> bool:
        return is_prose(replace(table, grid=table.grid[block[0] : block[1]]), settings)

    while len(blocks) > 1 and prose(blocks[-1]):
        blocks.pop()
    while len(blocks) > 1 and prose(blocks[0]):
        blocks.pop(0)
    return (blocks[0][0], blocks[-1][1]) if blocks else (start, end)


def _running_text_row(table: RawTable, index: int, layout: PageLayout, settings: Settings) -> bool:
    """Whether a row of several cells is one line of running text that camelot cut at
    the column edges: on the page, its words form one line of a sentence's length,
    evenly spaced (a justified or ragged paragraph line), with no column gap between
    them; a table's row leaves wider spaces between its cells than inside them."""
    band = (table.bbox[0], table.row_edges[index], table.bbox[2], table.row_edges[index + 1])
    lines = [line for line in words_to_lines(words_in_box(layout.words, band)) if line.text.strip()]
    if len(lines) != 1 or len(lines[0].words) < 2 * settings.edge_row_words or has_column_gap(lines[0]):
        return False
    gaps = sorted(max(gap, 0.0) for gap in word_gaps(lines[0]))
    return gaps[-1] <= EVEN_SPACING * max(gaps[len(gaps) // 2], 0.5)


def _cut_set_apart_lines(table: RawTable, start: int, end: int, settings: Settings) -> tuple[int, int]:
    """Rows of at most one filled cell at a table's top or foot that a wider gap
    than the table's row pitch sets apart (a heading, a paragraph): cut off."""
    tops = table.row_edges[start:end]
    if end - start < 3:
        return start, end
    pitches = sorted(b - a for a, b in zip(tops, tops[1:]))
    limit = settings.set_apart_gap * pitches[len(pitches) // 2]

    def sparse(row) -> bool:
        return len(filled_cells(row)) <= 1

    foot = end
    while foot - 1 > start and sparse(table.grid[foot - 1]):
        foot -= 1
    for k in range(max(foot, start + 1), end):
        if table.row_edges[k] - table.row_edges[k - 1] > limit:
            end = k
            break
    head = start
    while head + 1 < end and sparse(table.grid[head]):
        head += 1
    for k in range(head, start, -1):
        if table.row_edges[k] - table.row_edges[k - 1] > limit:
            start = k
            break
    return start, end




def _in_reading_order(tables: list[RawTable]) -> list[RawTable]:
    return sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))


def _area_match(a: tuple, b: tuple) -> float:
    """Intersection over union of two boxes, rounded to tenths (near ties go by confidence)."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return round(inter / union, 1) if union > 0 else 0.0


def overlap(a: tuple, b: tuple) -> float:
    """Intersection over the smaller box."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])) or 1.0
    return width * height / smaller


def unserved_captions(layout: PageLayout, pattern: re.Pattern[str], tables: list[RawTable]) -> list[tuple[Line, float]]:
    """Captions with no table under them nor right above them (documents that caption
    underneath), each with the bottom of the area it labels (the next caption or
    larger heading, else the page's foot)."""
    lines = sorted(layout.lines, key=lambda l: l.top)
    out = []
    for index, line in enumerate(lines):
        if not is_caption(line, pattern):
            continue
        if any(line.bottom - 2 <= t.bbox[1] <= line.bottom + CAPTION_REACH * 4 * line.size for t in tables):
            continue
        if any(-2 <= line.top - t.bbox[3] <= CAPTION_REACH * 2 * line.size for t in tables):
            continue
        bottom = layout.height * BOTTOM_MARGIN
        for later in lines[index + 1 :]:
            if is_caption(later, pattern) or (later.bold and later.size >= 1.1 * line.size):
                bottom = later.top - 1
                break
        if bottom - line.bottom > 2 * line.size:
            out.append((line, bottom))
    return out
