"""Tables typed in a fixed-pitch font: columns from the gutters that run down them.

A typewriter (or line-printer) table parts its columns with as little as one space,
the width of a space between two words of a label, so segments of words parted by
wide gaps (the word-alignment engine's columns) do not tell them apart. But figures
set flush right in fixed pitch leave, down the whole body, the same character
positions empty between two columns: the gutters. Each line is one row (such tables
do not wrap cells), and a header typed after the body starts a table of its own.
"""

from __future__ import annotations

import re
from statistics import median

from ..layout import Line, Word, cell_line_texts, join_lines, make_line
from .base import FIGURE, Cell, RawTable

MONOSPACED_SHARE = 0.9  # of the words, set at the common advance
ADVANCE_TOLERANCE = 0.04  # relative
MIN_FIGURES = 3  # figures on a body line
GUTTER_SHARE = 0.6  # of the advance: an empty band this wide down the body parts columns
MIN_COLUMNS = 3
_LEADERS_AT_END = re.compile(r"\s*(?:\.\s?){4,}$")


def advance(lines: list[Line]) -> float | None:
    """The common character width of the lines' words, when they are set in a
    fixed-pitch font (nearly all words of two characters or more share it)."""
    widths = [(w.x1 - w.x0) / len(w.text) for line in lines for w in line.words if len(w.text) >= 2]
    if len(widths) < 10:
        return None
    common = median(widths)
    alike = sum(1 for w in widths if abs(w - common) <= ADVANCE_TOLERANCE * common)
    return common if alike >= MONOSPACED_SHARE * len(widths) else None


def is_body(line: Line) -> bool:
    return sum(1 for w in line.words if FIGURE.fullmatch(w.text)) >= MIN_FIGURES


def blocks(region: list[Line]) -> list[list[Line]]:
    """The region parted where a header follows a body (a line without figures after
    lines of figures), each block ending at its last line of figures."""
    parts: list[list[Line]] = [[]]
    for line in region:
        if parts[-1] and not is_body(line) and is_body(parts[-1][-1]):
            parts.append([])
        parts[-1].append(line)
    out = []
    for part in parts:
        last = max((i for i, line in enumerate(part) if is_body(line)), default=-1)
        if last >= 1:
            out.append(part[: last + 1])
    return out


def column_starts(body: list[Line], pitch: float) -> list[float]:
    """Where the columns start: after each band of the body left empty by every line."""
    spans = sorted((w.x0, w.x1) for line in body for w in line.words)
    starts = [spans[0][0]]
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= GUTTER_SHARE * pitch:
            starts.append(x0)
        reach = max(reach, x1)
    return starts


def typewriter_tables(region: list[Line], page: int, engine: str, caption: Line | None = None) -> list[RawTable]:
    """The tables of a region typed in fixed pitch, or none when it is not. Lines that
    carry on the caption (one run of words from its left edge, at its line pitch) are
    the caption's, not a row."""
    pitch = advance(region)
    if pitch is None:
        return []
    if caption is not None:
        above = caption
        while region and _carries_on(region[0], above, pitch):
            above, region = region[0], region[1:]
    tables = []
    for block in blocks(region):
        starts = column_starts([line for line in block if is_body(line)], pitch)
        if len(starts) >= MIN_COLUMNS:
            tables.append(_table(block, starts, pitch, page, engine))
    return tables


def _carries_on(line: Line, above: Line, pitch: float) -> bool:
    return len(_runs(line, pitch)) == 1 and abs(line.x0 - above.x0) <= pitch and line.top - above.bottom <= 0.5 * line.size and not is_body(line)


def _runs(line: Line, pitch: float) -> list[list[Word]]:
    """Words one or two spaces apart."""
    runs: list[list[Word]] = []
    for word in sorted(line.words, key=lambda w: w.x0):
        if runs and word.x0 - runs[-1][-1].x1 <= 1.5 * pitch:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _table(block: list[Line], starts: list[float], pitch: float, page: int, engine: str) -> RawTable:
    x0 = min([starts[0]] + [line.x0 for line in block])
    x1 = max(line.x1 for line in block)
    column_edges = (x0, *starts[1:], x1)
    row_edges = (*(line.top for line in block), block[-1].bottom)
    grid = []
    whole = total = 0
    for r, line in enumerate(block):
        cells: list[list[Word]] = [[] for _ in starts]
        # a header's phrase ("Design effect" over the columns it heads) is one cell; a
        # body's figures one space apart are not
        for run in ([[w] for w in line.words] if is_body(line) else _runs(line, pitch)):
            centre = (run[0].x0 + run[-1].x1) / 2
            column = max((i for i, x in enumerate(column_edges[:-1]) if x <= centre), default=0)
            cells[column].extend(run)
            total += len(run)
            whole += len(run) * (column_edges[column] - 1 <= run[0].x0 and run[-1].x1 <= column_edges[column + 1] + 1)
        grid.append(tuple(_cell(words, (column_edges[c], row_edges[r], column_edges[c + 1], row_edges[r + 1]))
                          for c, words in enumerate(cells)))
    return RawTable(
        page=page,
        bbox=(round(x0, 2), round(block[0].top, 2), round(x1, 2), round(block[-1].bottom, 2)),
        engine=engine,
        grid=tuple(grid),
        column_edges=column_edges,
        row_edges=row_edges,
        confidence=round(0.9 * whole / max(1, total), 3),
    )


def _cell(words: list[Word], bbox: tuple[float, float, float, float]) -> Cell:
    if not words:
        return Cell(text=None, lines=(), bold=False, bbox=bbox)
    line = make_line(sorted(words, key=lambda w: w.x0))
    texts, open_breaks = cell_line_texts([line], bbox)
    texts = tuple(_LEADERS_AT_END.sub("", text) for text in texts)  # dots leading to the figures: no content
    return Cell(text=join_lines(texts) or None, lines=texts, bold=line.bold, bbox=bbox, open_breaks=open_breaks)
