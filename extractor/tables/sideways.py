"""Column labels printed sideways over a table camelot read, made one header row.

camelot reads each sideways line of a label as text of its own: a label of two lines
makes two columns, a line lands over the wrong column or is lost, and a label runs into
the first body row's cells ('Brian Calley 55'). The page's own sideways words
(`PageLayout.sideways`) say what the labels are and where they stand; camelot's rows,
without the labels' words, say what the body is. Each label heads one column of the
body, and a column that holds nothing but sideways lines was no column.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..layout import PageLayout, Word, collapse, join_lines, sideways_line_texts, sideways_lines
from .base import Cell, RawTable, is_figure


def with_sideways_header(table: RawTable, layout: PageLayout) -> RawTable:
    """`table` with the sideways labels standing on its body read into one header row
    (or as it is, where no sideways word stands on it)."""
    x0, top, x1, bottom = table.bbox
    top = min(top, table.row_edges[0])  # camelot's first row may reach above its bbox
    standing = [w for w in layout.sideways if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and w.bottom >= top - 1 and w.top < bottom]
    if not standing:
        return table
    # whole lines: a label read bottom to top may rise above the table's top
    labels = [w for _, line in sideways_lines(layout.sideways) if any(w in standing for w in line) for w in line]
    band_top, band_bottom = min(w.top for w in labels), max(w.bottom for w in labels)
    heights = table.row_edges
    # Rows that reach into the labels hold camelot's reading of them: without their
    # words, such a row is a body row, or (no figure, one cell at most, before any
    # body row) a header's upright label ('Cluster').
    unread = Counter(w.text for w in labels)
    header_cells: list[Cell | None] = [None] * table.n_columns
    rows: list[tuple[float, float, tuple[Cell | None, ...]]] = []
    for r, cells in enumerate(table.grid):
        if heights[r] < band_bottom - 1 and heights[r + 1] > band_top + 1:
            cells = tuple(_without(cell, unread) for cell in cells)
            filled = [c for c, cell in enumerate(cells) if cell is not None and cell.text]
            if not rows and len(filled) <= 1 and not any(is_figure(cells[c].text) for c in filled):
                for c in filled:
                    header_cells[c] = cells[c]
                continue
        rows.append((heights[r], heights[r + 1], cells))
    kept = [c for c in range(table.n_columns)
            if header_cells[c] is not None or any(cells[c] is not None and cells[c].text for _, _, cells in rows)]
    if len(kept) < 2 or not rows:
        return table
    edges = table.column_edges
    turned: dict[int, list[Word]] = {c: [] for c in kept}
    groups = _labels(labels)
    open_columns = [c for c in kept if header_cells[c] is None]
    if len(groups) == len(open_columns):  # one label over each column the stub's label leaves: in order
        for c, group in zip(open_columns, groups):
            turned[c] += group
    else:
        for group in groups:
            centre = (min(w.x0 for w in group) + max(w.x1 for w in group)) / 2
            turned[min(kept, key=lambda c: _distance(centre, (edges[c], edges[c + 1])))] += group
    new_edges = (edges[0], *(edges[c] for c in kept[1:]), edges[-1])

    def span(i: int, row_top: float, row_bottom: float) -> tuple[float, float, float, float]:
        return tuple(round(v, 2) for v in (new_edges[i], row_top, new_edges[i + 1], row_bottom))

    header_bottom = min(band_bottom, rows[0][0]) if rows[0][0] > band_top else band_bottom
    header = tuple(_label_cell(header_cells[c], turned[c], span(i, band_top, header_bottom)) for i, c in enumerate(kept))
    body = [
        (row_top, row_bottom, tuple(
            None if cells[c] is None else replace(cells[c], bbox=span(i, row_top, row_bottom)) for i, c in enumerate(kept)
        ))
        for row_top, row_bottom, cells in rows
    ]
    return replace(
        table,
        bbox=(x0, round(min(top, band_top), 2), x1, bottom),
        grid=(header, *(cells for _, _, cells in body)),
        column_edges=new_edges,
        row_edges=(band_top, *(max(row_top, header_bottom) if k == 0 else row_top for k, (row_top, _, _) in enumerate(body)),
                   body[-1][1]),
    )


def _without(cell: Cell | None, unread: Counter) -> Cell | None:
    """The cell without the labels' words camelot read into it (each word once)."""
    if cell is None or not cell.text:
        return cell
    kept: list[str] = []
    for token in cell.text.split():
        if unread[token] > 0:
            unread[token] -= 1
        else:
            kept.append(token)
    if len(kept) == len(cell.text.split()):
        return cell
    text = collapse(" ".join(kept)) or None
    return replace(cell, text=text, lines=(text,) if text else ())


def _labels(words: list[Word]) -> list[list[Word]]:
    """Sideways words grouped into labels, left to right: the lines of one label stand
    at most a line's width apart (a narrow column's label of several lines), labels of
    neighbouring columns further."""
    labels: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.x0):
        last = labels[-1] if labels else None
        if last is not None and word.x0 - max(w.x1 for w in last) <= max(w.x1 - w.x0 for w in last):
            last.append(word)
        else:
            labels.append([word])
    return labels


def _distance(x: float, extent: tuple[float, float]) -> float:
    return max(extent[0] - x, 0.0, x - extent[1])


def _label_cell(upright: Cell | None, turned: list[Word], bbox) -> Cell:
    """A header cell: its upright label, then its sideways lines in reading order."""
    texts = (*(upright.lines if upright is not None else ()), *sideways_line_texts(turned))
    bold = (upright is None or upright.bold) and all(w.bold for w in turned) and bool(texts)
    return Cell(text=join_lines(texts) or None, lines=texts, bold=bold, bbox=bbox)
