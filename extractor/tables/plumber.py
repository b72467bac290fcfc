"""pdfplumber's ruling-line table finder, with cell text rebuilt from our words."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ..layout import FOOT_BAND, PageLayout, Word, cell_line_texts, join_lines, sideways_line_texts, words_in_box, words_to_lines
from ..settings import DEFAULT_SETTINGS, Settings
from .base import Cell, RawTable

LINE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
    "edge_min_length": 3,
}


def make_cell(words: list[Word], bbox: tuple[float, float, float, float], sideways: Sequence[Word] = ()) -> Cell:
    """A cell's text from the words inside it; labels printed `sideways` follow its upright lines."""
    inside = words_in_box(words, bbox)
    lines = [line for line in words_to_lines(inside) if line.text.strip()]
    texts, open_breaks = cell_line_texts(lines, bbox)
    turned = words_in_box(sideways, bbox)
    texts = (*texts, *sideways_line_texts(turned))
    return Cell(
        text=join_lines(texts) or None,
        lines=texts,
        open_breaks=open_breaks,
        bold=bool(lines or turned) and all(line.bold for line in lines) and all(w.bold for w in turned),
        bbox=tuple(round(v, 2) for v in bbox),
    )


class PlumberLinesEngine:
    """Tables drawn with ruling lines, found by pdfplumber's lines strategy."""

    name = "pdfplumber-lines"

    def __init__(self, settings: Settings = DEFAULT_SETTINGS):
        self.settings = settings

    def find(self, page, layout: PageLayout, found: Sequence[RawTable] = ()) -> list[RawTable]:
        found, boxes = find_ruled(page, LINE_SETTINGS)
        bottoms, tops = _open_ends(page, found)
        cut, cut_tops = _cut_open(page, layout, found) if self.settings.page_break_boxes else ([], [])
        closing = bottoms + tops + cut
        tops += cut_tops
        sides = _open_sides(page, found)
        if closing or sides:
            found, boxes = find_ruled(page, {**LINE_SETTINGS, "explicit_horizontal_lines": closing, "explicit_vertical_lines": sides})
        tables = self._read(found, layout, tops)
        least = self.settings.stacked_row_lines
        blank_lines = self.settings.blank_line_rows
        # a box's lines are a text's, not rows: it stays one row
        parting = [_horizontal(y, t.bbox[0], t.bbox[2]) for t in tables if not t.lone_box
                   for y in _unruled_row_breaks(t, layout, least, blank_lines, self.settings.header_type_break)]
        if self.settings.column_rules_tables:
            parting += _column_rules_only(page, layout, found, least)
        if parting:
            found, boxes = find_ruled(page, {**LINE_SETTINGS, "explicit_horizontal_lines": closing + parting, "explicit_vertical_lines": sides})
            tables = self._read(found, layout, tops)
        return tables + self._read(boxes, layout, tops)

    def _read(self, found, layout: PageLayout, tops: list[float]) -> list[RawTable]:
        tables = []
        for table in found:
            if not table.rows:
                continue
            raw = _raw_table(table, layout, self.name)
            if raw is not None:
                tables.append(replace(raw, opens_with_split_row=any(abs(raw.bbox[1] - y) <= 2 for y in tops)))
        return tables


def find_ruled(page, settings: dict) -> tuple[list, list]:
    """pdfplumber's tables on the page, and the boxes it leaves out: single cells ruled
    round that no table holds (pdfplumber keeps tables of two cells or more), each as a
    table of its own."""
    from pdfplumber.table import Table, TableFinder, TableSettings

    finder = TableFinder(page, TableSettings.resolve(settings))
    boxes = [cell for cell in finder.cells if not any(_holds(table.bbox, cell) for table in finder.tables)]
    return finder.tables, [Table(page, (cell,)) for cell in boxes]


def _holds(outer, inner) -> bool:
    return outer[0] - 1 <= inner[0] and outer[1] - 1 <= inner[1] and inner[2] <= outer[2] + 1 and inner[3] <= outer[3] + 1


MIN_COLUMN = 15.0  # a narrower column without any text is the gap of a double rule
MIN_ROW = 8.0


def _raw_table(table, layout: PageLayout, engine: str) -> RawTable | None:
    """Our grid from pdfplumber's cells: sliver rows and columns between double rules
    folded into their neighbours, each cell's text rebuilt from our words. One ruled
    row is a `lone_box` unless the page break explains it (a header left at a page's
    foot, a last row pushed to the next page's head)."""
    inside = words_in_box(layout.words, table.bbox)
    xs = _merge_close(sorted({c[0] for c in table.cells} | {c[2] for c in table.cells}))
    ys = _merge_close(sorted({c[1] for c in table.cells} | {c[3] for c in table.cells}))
    column_edges = _drop_slivers(xs, [(w.x0 + w.x1) / 2 for w in inside], MIN_COLUMN)
    row_edges = _drop_slivers(ys, [w.middle for w in inside], MIN_ROW)
    if len(column_edges) < 2 or len(row_edges) < 2:
        return None
    columns = len(column_edges) - 1
    lone_box = len(row_edges) < 3 and not (_head_left_at_foot(table.bbox, columns, layout) or _tail_at_head(table.bbox, columns, layout))
    boxes: dict[tuple[int, int], list[float]] = {}
    # a gap cell widened into the cell of its slot would stretch that cell over its
    # neighbours (a spacer band drawn without column rules): it only fills a slot no
    # other cell took
    gap = [_is_gap(cell, inside) for cell in table.cells]
    for is_gap, (x0, top, x1, bottom) in sorted(zip(gap, table.cells), key=lambda pair: pair[0]):
        r, c = _slot(row_edges, top), _slot(column_edges, x0)
        box = boxes.get((r, c))
        if is_gap and box is not None:
            continue
        boxes[(r, c)] = [min(box[0], x0), min(box[1], top), max(box[2], x1), max(box[3], bottom)] if box else [x0, top, x1, bottom]
    grid = []
    for r in range(len(row_edges) - 1):
        row: list[Cell | None] = [None] * (len(column_edges) - 1)
        for c in range(len(row)):
            if (r, c) in boxes:
                row[c] = make_cell(layout.words, tuple(boxes[(r, c)]), layout.sideways)
        grid.append(tuple(row))
    return RawTable(
        page=layout.number,
        bbox=tuple(round(v, 2) for v in table.bbox),
        engine=engine,
        grid=tuple(grid),
        column_edges=tuple(column_edges),
        row_edges=tuple(row_edges),
        confidence=_confidence(layout.words, grid),
        lone_box=lone_box,
    )


def _is_gap(cell: tuple[float, float, float, float], words: list[Word]) -> bool:
    """A cell thinner than a row or a column holding no word: the gap of a double rule,
    or a band between rows."""
    x0, top, x1, bottom = cell
    return (bottom - top < MIN_ROW or x1 - x0 < MIN_COLUMN) and not words_in_box(words, cell)


HEAD_COLUMNS = 3
FOOT_SHARE = 0.75  # of the page height


def _head_left_at_foot(bbox, columns: int, layout: PageLayout) -> bool:
    """A single ruled row of several columns at the foot of a page, with no text
    under it but the page's furniture: the header of a table whose body the page
    break pushed onto the next page."""
    x0, _, x1, bottom = bbox
    if columns < HEAD_COLUMNS or bottom < FOOT_SHARE * layout.height:
        return False
    below = [l for l in layout.lines if l.top > bottom + 1 and l.x1 > x0 and l.x0 < x1]
    return all(l.top > FOOT_BAND * layout.height for l in below)


TAIL_COLUMNS = 2
HEAD_SHARE = 0.08  # of the page height: the running head's band


def _tail_at_head(bbox, columns: int, layout: PageLayout) -> bool:
    """A single ruled row divided into columns that opens a page, with nothing above it
    but the page's furniture: the last row of a table that the page break pushed here
    (a box around text has no column rules)."""
    x0, top, x1, _ = bbox
    if columns < TAIL_COLUMNS:
        return False
    above = [l for l in layout.lines if l.bottom < top - 1 and l.x1 > x0 and l.x0 < x1]
    return all(l.bottom < HEAD_SHARE * layout.height for l in above)


def _drop_slivers(edges: list[float], centres: list[float], minimum: float) -> list[float]:
    if len(edges) < 3:
        return edges
    kept = [edges[0]]
    for edge in edges[1:-1]:
        if edge - kept[-1] < minimum and not any(kept[-1] < p < edge for p in centres):
            continue
        kept.append(edge)
    if edges[-1] - kept[-1] < minimum and len(kept) > 1 and not any(kept[-1] < p < edges[-1] for p in centres):
        kept[-1] = edges[-1]
    else:
        kept.append(edges[-1])
    return kept


def _slot(edges: list[float], value: float) -> int:
    """The grid index whose span holds `value` (a cell's leading edge)."""
    index = 0
    for i, edge in enumerate(edges[:-1]):
        if edge <= value + 1.5:
            index = i
    return index


def _open_ends(page, found) -> tuple[list[float], list[float]]:
    """Bottoms and tops of tables left open at a page break, as (bottoms, tops).

    A row split by the page end is drawn without a bottom border: the column rules run
    on below the last horizontal rule (as segments of their own or drawn through). The
    rest of that row heads the next page without a top border: the column rules run up
    above the first horizontal rule. The missing rule is put back where the column
    rules stop or start."""
    bottoms: list[float] = []
    tops: list[float] = []
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    for table in found:
        x0, top, x1, bottom = table.bbox
        across = [e for e in verticals if x0 - 1 <= e["x0"] <= x1 + 1]
        below = [e["bottom"] for e in across if e["top"] <= bottom + 2 and e["bottom"] > bottom + 5]
        above = [e["top"] for e in across if e["bottom"] >= top - 2 and e["top"] < top - 5]
        if len(below) >= 2:
            bottoms.append(max(below))
        if len(above) >= 2:
            tops.append(min(above))
    return bottoms, tops


def _cut_open(page, layout: PageLayout, found) -> tuple[list[dict], list[float]]:
    """Rules to close the boxes a page break cut open, that pdfplumber found nothing of,
    and the heights of those that open a page: side rules of one extent hanging from a
    rule across them, down to a height where no rule closes them and under which stands
    nothing but the page's furniture (the first part of a box, or of a one-column
    table's row, that the next page goes on with); or standing on a rule, up from a
    height with no rule and nothing above but the running head (the rest of it, at the
    next page's head)."""
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    rules = _horizontal_rules(page)
    closing: list[dict] = []
    tops: list[float] = []

    def across(y: float, x0: float, x1: float) -> bool:
        return any(abs(other - y) <= RULE_JOIN and a <= x0 + RULE_JOIN and b >= x1 - RULE_JOIN for other, a, b in rules)

    for sides in _extent_groups(verticals, lambda e: (e["top"], e["bottom"])):
        x0, x1 = min(e["x0"] for e in sides), max(e["x0"] for e in sides)
        top, bottom = sides[0]["top"], sides[0]["bottom"]
        if x1 - x0 < MIN_COLUMN or bottom - top < MIN_ROW or any(
                t.bbox[0] - RULE_JOIN <= x0 and x1 <= t.bbox[2] + RULE_JOIN and t.bbox[1] - RULE_JOIN <= top and bottom <= t.bbox[3] + RULE_JOIN
                for t in found):
            continue
        for closed, open_end, down in ((top, bottom, True), (bottom, top, False)):
            if not across(closed, x0, x1) or across(open_end, x0, x1):
                continue
            # the open part holds a row's text: side rules drawn a little past the
            # grid's first or last rule leave no part open
            nearest = min((y for y, a, b in rules if top - RULE_JOIN <= y <= bottom + RULE_JOIN
                           and a <= x0 + RULE_JOIN and b >= x1 - RULE_JOIN), key=lambda y: abs(y - open_end))
            band = (x0, min(nearest, open_end), x1, max(nearest, open_end))
            if band[3] - band[1] < MIN_ROW or not words_in_box(layout.words, band):
                continue
            beyond = [l for l in layout.lines if l.x1 > x0 and l.x0 < x1 and (l.top > open_end + 1 if down else l.bottom < open_end - 1)]
            if down and all(l.top > FOOT_BAND * layout.height for l in beyond):
                closing.append(_horizontal(open_end, x0, x1))
            elif not down and all(l.bottom < HEAD_SHARE * layout.height for l in beyond):
                closing.append(_horizontal(open_end, x0, x1))
                tops.append(open_end)
    return closing, tops


OPEN_SIDE_SHARE = 0.5  # of a table's horizontal rules: running on to one end closes its open side
RULE_JOIN = 2.0  # points: rule pieces this close along a line, or ends this close, are one
MIN_OPEN_ROWS = 3  # rules of one extent, crossed by column rules, that make a table without sides


def _open_sides(page, found) -> list[dict]:
    """Side borders of tables drawn without them: where most horizontal rules of a
    table run on past its outer column rule by more than a column's width to one
    end, a vertical line is put there, from the first of those rules to the last (the
    row labels and a last column stand outside the column rules, ruled above and below)."""
    horizontals = [e for e in page.edges if e["orientation"] == "h"]
    sides: list[dict] = []
    for table in found:
        x0, top, x1, bottom = table.bbox
        rows = [e for e in horizontals if top - RULE_JOIN <= e["top"] <= bottom + RULE_JOIN
                and e["x0"] <= x1 + RULE_JOIN and e["x1"] >= x0 - RULE_JOIN]
        for end, beyond in ((min, lambda e: x0 - e["x0"]), (max, lambda e: e["x1"] - x1)):
            reaching = [e for e in rows if beyond(e) > MIN_COLUMN]
            if not reaching:
                continue
            x = end(e["x0"] if end is min else e["x1"] for e in reaching)
            at_end = [e for e in reaching if abs((e["x0"] if end is min else e["x1"]) - x) <= RULE_JOIN]
            heights = sorted({round(e["top"], 1) for e in at_end})
            if len(heights) >= 2 and len(heights) >= OPEN_SIDE_SHARE * len({round(e["top"], 1) for e in rows}):
                sides.append(_vertical(x, heights[0], heights[-1]))
    return sides + _unfound_open_tables(page, found)


def _vertical(x: float, top: float, bottom: float) -> dict:
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top,
            "orientation": "v", "object_type": "line"}


def _horizontal(y: float, x0: float, x1: float) -> dict:
    return {"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0,
            "orientation": "h", "object_type": "line"}


def _unruled_row_breaks(table: RawTable, layout: PageLayout, least: int, blank_lines: bool, header_type: bool) -> list[float]:
    """Heights at which to part the rows that one ruled row of `table` holds without
    rules between them: a plain stack (`_stack_breaks`), or rows a blank line parts
    (`_blank_line_breaks`, where `blank_lines`); in the first row, a header and the row
    under it (`_header_type_break`, where `header_type`)."""
    breaks = _header_type_break(table.grid[0], layout.words) if header_type and table.grid else []
    for row in table.grid:
        breaks += _stack_breaks(row, layout.words, least) or (_blank_line_breaks(row, layout.words) if blank_lines else [])
    return breaks


def _header_type_break(row: Sequence[Cell | None], words: list[Word]) -> list[float]:
    """Where a ruled first row holds a header and the row under it with no rule between:
    every filled cell (two or more) sets bold lines first, some cell then plain ones,
    and all the bold lie above all the plain. A header is set apart by its type; one
    row's cells do not all open in bold (a bold name over plain items is one cell's)."""
    filled = [cell for cell in row if cell is not None and cell.text]
    if len(filled) < 2:
        return []
    bold_bottoms, plain_tops = [], []
    for cell in filled:
        lines = words_to_lines(words_in_box(words, cell.bbox))
        weights = [line.bold for line in lines]
        if not weights or not weights[0] or weights != sorted(weights, reverse=True):
            return []  # a cell without a bold line first, or bold again after plain
        bold_bottoms += [line.bottom for line in lines if line.bold]
        plain_tops += [line.top for line in lines if not line.bold]
    if not plain_tops or max(bold_bottoms) >= min(plain_tops):
        return []
    return [(max(bold_bottoms) + min(plain_tops)) / 2]


BLANK_LINE = 0.6  # of the type size: more space than this between two lines is a blank line


def _blank_line_breaks(row: Sequence[Cell | None], words: list[Word]) -> list[float]:
    """Where a ruled row holds rows that blank lines part instead of rules: above a
    line of the row's label that follows a band blank across every cell of the row,
    beside a line that some other cell starts at the same height (a label set beside
    the first line of its row's wrapped texts; a section's label on a line of its
    own). A text of two paragraphs beside a label of one line stays one row: the label
    does not go on under the blank line."""
    label = next((cell for cell in row if cell is not None), None)
    filled = [cell for cell in row if cell is not None and cell.text]
    if label is None or label not in filled or len(filled) < 2 or len(label.lines) < 2:
        return []
    lines = {id(cell): words_to_lines(words_in_box(words, cell.bbox)) for cell in filled}
    others = [line for cell in filled if cell is not label for line in lines[id(cell)]]
    every = [line for cell_lines in lines.values() for line in cell_lines]
    breaks = []
    for line in lines[id(label)][1:]:
        above = [other.bottom for other in every if other.top < line.top - 1]
        if not above or line.top - max(above) < BLANK_LINE * line.size:
            continue
        if any(abs(other.top - line.top) < 2 for other in others):
            breaks.append((max(above) + line.top) / 2)
    return breaks


def _stack_breaks(row: Sequence[Cell | None], words: list[Word], least: int) -> list[float]:
    """Where a ruled row holds rows not ruled apart (`rows_run_together_in`): midway
    between its label's lines. Only a plain stack is parted: every filled cell of the
    row holds as many lines as the label, `least` or more (`Settings.stacked_row_lines`,
    three), and each line of the label starts such a row. Two lines beside two lines
    are as often a label and a text each wrapped by hand, and a label wrapped or set
    beside a figure of the row above leaves the rows unsure: such grids stay as ruled
    (unclean, for another engine's reading to replace)."""
    label = next((cell for cell in row if cell is not None), None)
    filled = [cell for cell in row if cell is not None and cell.text]
    # each cell's lines as read (`Cell.lines`, upright ones first) rule out most rows
    # before their words are grouped again
    if label is None or label not in filled or any(len(cell.lines) < least for cell in filled):
        return []
    starts, _ = rows_run_together_in(words, tuple(row))
    if not starts:
        return []
    lines = words_to_lines(words_in_box(words, label.bbox))
    counts = {len(words_to_lines(words_in_box(words, cell.bbox))) for cell in filled}
    if counts != {len(lines)} or len(lines) < least:
        return []
    if not all(any(abs(below.top - top) < 2 for top in starts) for below in lines[1:]):
        return []
    return [(above.bottom + below.top) / 2 for above, below in zip(lines, lines[1:])]


def _column_rules_only(page, layout: PageLayout, found, least: int) -> list[dict]:
    """Rules to close and part a table drawn with column rules alone (no horizontal
    rule at all, so pdfplumber finds nothing): three or more vertical rules of one
    extent, outside every table found, whose columns hold a plain stack of rows
    (`_stack_breaks`). A rule above, one below, and one between each two rows."""
    verticals = sorted((e for e in page.edges if e["orientation"] == "v"), key=lambda e: e["x0"])
    rules = []
    for same_extent in _extent_groups(verticals, lambda e: (e["top"], e["bottom"])):
        group = [same_extent[0]]
        for edge in same_extent[1:]:
            if edge["x0"] - group[-1]["x0"] > MIN_COLUMN:  # closer: the other line of a double rule
                group.append(edge)
        if len(group) < 3:
            continue
        x0, x1 = group[0]["x0"], group[-1]["x0"]
        top, bottom = group[0]["top"], group[0]["bottom"]
        if any(t.bbox[0] < x1 and t.bbox[2] > x0 and t.bbox[1] < bottom and t.bbox[3] > top for t in found):
            continue
        row = [make_cell(layout.words, (a["x0"], top, b["x0"], bottom)) for a, b in zip(group, group[1:])]
        breaks = _stack_breaks(row, layout.words, least)
        if breaks:
            rules += [_horizontal(y, x0, x1) for y in (top, *breaks, bottom)]
    return rules


def _extent_groups(rules: Iterable, extent: Callable) -> list[list]:
    """Rules of one extent, in the order met: each joins the first group whose first rule
    starts and ends within RULE_JOIN of it (`extent`: its two ends along its length).
    Groups are looked up by where their first rule starts, so a page of many rules
    costs no comparison with every group."""
    groups: list[list] = []
    firsts: list[tuple[float, float]] = []  # each group's first extent
    by_start: dict[int, list[int]] = {}
    for rule in rules:
        start, end = extent(rule)
        bucket = math.floor(start / RULE_JOIN)
        near = sorted(i for b in (bucket - 1, bucket, bucket + 1) for i in by_start.get(b, ()))
        home = next((i for i in near if abs(firsts[i][0] - start) <= RULE_JOIN and abs(firsts[i][1] - end) <= RULE_JOIN), None)
        if home is None:
            by_start.setdefault(bucket, []).append(len(groups))
            groups.append([rule])
            firsts.append((start, end))
        else:
            groups[home].append(rule)
    return groups


def _unfound_open_tables(page, found) -> list[dict]:
    """Side borders of a table pdfplumber found nothing of, having a single column rule:
    three or more horizontal rules of one extent, a column rule running between each
    two of them, and no table found across them."""
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    sides = []
    for group in _extent_groups(_horizontal_rules(page), lambda rule: (rule[1], rule[2])):
        heights = sorted({round(y, 1) for y, _, _ in group})
        x0, x1 = group[0][1], group[0][2]
        if len(heights) < MIN_OPEN_ROWS or any(t.bbox[0] < x1 and t.bbox[2] > x0 and t.bbox[1] < heights[-1] and t.bbox[3] > heights[0] for t in found):
            continue
        crossed = all(any(x0 + MIN_COLUMN < e["x0"] < x1 - MIN_COLUMN and e["top"] <= a + RULE_JOIN and e["bottom"] >= b - RULE_JOIN
                          for e in verticals) for a, b in zip(heights, heights[1:]))
        if crossed:
            sides += [_vertical(x0, heights[0], heights[-1]), _vertical(x1, heights[0], heights[-1])]
    return sides


def _horizontal_rules(page) -> list[tuple[float, float, float]]:
    """The page's horizontal rules as (y, x0, x1): pieces drawn along one line joined,
    the two edges of a thin filled rectangle taken as one rule."""
    pieces = sorted((e["top"], e["x0"], e["x1"]) for e in page.edges if e["orientation"] == "h")
    lines: list[list[tuple[float, float, float]]] = []
    for piece in pieces:
        if lines and piece[0] - lines[-1][0][0] <= 1.0:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    rules = []
    for line in lines:
        spans: list[list[float]] = []
        for _, a, b in sorted(line, key=lambda p: p[1]):
            if spans and a <= spans[-1][1] + RULE_JOIN:
                spans[-1][1] = max(spans[-1][1], b)
            else:
                spans.append([a, b])
        rules += [(line[0][0], a, b) for a, b in spans]
    return rules


def _merge_close(values: list[float], tolerance: float = 1.5) -> list[float]:
    merged: list[float] = []
    for value in values:
        if merged and value - merged[-1] <= tolerance:
            continue
        merged.append(value)
    return merged


def crowding(words: list[Word], grid: list[tuple[Cell | None, ...]], ruled: bool = False) -> float:
    """Share of the cells' text lines that betray missing rules or columns: a line
    holding a column gap (in a `ruled` grid, only where lines of other rows hold one
    at the same place: a missing column rule leaves a gap down the column, while a
    justified line of a narrow header cell spreads its words at gaps of its own), or
    lines stacked in several cells of a row at the same heights although the next
    word would have fitted (rows that were not ruled apart), where the row's label
    (its first cell, not covered by a cell spanning into it) stacks lines as well: a
    header row over an empty corner has no label to stack."""
    lines = crowded = 0
    gapped: list[tuple[int, list[tuple[float, float]]]] = []  # (row, wide gaps) of each line holding one
    for r, row in enumerate(grid):
        for cell in row:
            if cell is None or not cell.text:
                continue
            cell_lines = words_to_lines(words_in_box(words, cell.bbox))
            lines += len(cell_lines)
            for line in cell_lines:
                ordered = sorted(line.words, key=lambda w: w.x0)
                gaps = [(a.x1, b.x0) for a, b in zip(ordered, ordered[1:]) if b.x0 - a.x1 > 1.5 * line.size]
                if gaps:
                    gapped.append((r, gaps))
        shared, stacking = rows_run_together_in(words, row)
        crowded += len(shared) * stacking
    crowded += sum(1 for r, gaps in gapped if not ruled
                   or any(s != r and _overlap(gap, other) for s, others in gapped for gap in gaps for other in others))
    return min(1.0, crowded / lines) if lines else 0.0


def rows_run_together_in(words: list[Word], row: tuple[Cell | None, ...]) -> tuple[list[float], int]:
    """Where one ruled row holds several rows that were not ruled apart: the tops of the
    lines that start a row, and how many cells stack lines there. A cell's lines are
    stacked where the next line's first word would have fitted on the line above (no
    wrap), and rows run together where two or more cells stack lines at the same heights
    and the row's label (its first cell, not covered by a cell spanning into it) stacks
    as well: a header row over an empty corner has no label to stack, and a label of one
    line beside lists stacked in other cells heads one row whose cells hold lists."""
    stacked_tops: list[list[float]] = []
    label = next((cell for cell in row if cell is not None), None)
    label_lines = 0
    for cell in row:
        if cell is None or not cell.text:
            continue
        cell_lines = words_to_lines(words_in_box(words, cell.bbox))
        if cell is label:
            label_lines = len(cell_lines)
        tops = [
            nxt.top for prev, nxt in zip(cell_lines, cell_lines[1:])
            if cell.bbox[2] - 3 - prev.x1 > (min(nxt.words, key=lambda w: w.x0).x1 - nxt.x0) + 0.3 * nxt.size
        ]
        if tops:
            stacked_tops.append(tops)
    if len(stacked_tops) < 2 or label_lines < 2:
        return [], 0
    shared = [t for t in stacked_tops[0] if all(any(abs(t - u) < 2 for u in other) for other in stacked_tops[1:])]
    return shared, len(stacked_tops)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _confidence(words: list[Word], grid: list[tuple[Cell | None, ...]]) -> float:
    """Share of the table's words that lie wholly inside one cell, lowered by cells
    whose lines hold column gaps (1.0: a clean, fully ruled grid)."""
    cells = [c for row in grid for c in row if c is not None]
    if not cells:
        return 0.0
    x0 = min(c.bbox[0] for c in cells)
    top = min(c.bbox[1] for c in cells)
    x1 = max(c.bbox[2] for c in cells)
    bottom = max(c.bbox[3] for c in cells)
    inside = words_in_box(words, (x0, top, x1, bottom))
    if not inside:
        return 1.0
    clean = 0
    for word in inside:
        if any(
            c.bbox[0] - 1 <= word.x0 and word.x1 <= c.bbox[2] + 1 and c.bbox[1] - 1 <= word.top and word.bottom <= c.bbox[3] + 1
            for c in cells
        ):
            clean += 1
    return round(clean / len(inside) * (1 - crowding(words, grid, ruled=True)), 3)
