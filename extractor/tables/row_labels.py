"""Row labels set left of a ruled grid of figures.

Statements and budgets often rule their figures alone: the row labels stand in a wide
column left of the grid, set left, without rules of their own, most of them ending far
from the grid's first rule. The ruling-line engine reads the grid; the labels are its
first column, one beside each ruled row.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from ..layout import PageLayout, Word, is_running_text
from .base import RawTable, held_by_another
from .text import words_cell

LABELLED_SHARE = 0.6  # of the text lines across the grid's rows that hold a label left of it
LABEL_ALIGN = 2.0  # points: row labels set left start this close to one another
MIN_ROWS = 3  # ruled rows a grid needs for its labels to tell


def with_row_labels(table: RawTable, layout: PageLayout, ruled: list[RawTable]) -> RawTable:
    """The ruled table with the column of row labels left of its first rule, when the
    words there, line by line, are its row labels: set left at one place, short of
    running text, each line within one of its ruled rows (a column of running text
    beside the table holds sentences, at its own line pitch); else the table as it is."""
    x0, top, x1, bottom = table.bbox
    across = [l for l in layout.lines if top - 1 <= (l.top + l.bottom) / 2 <= bottom + 1 and l.x1 > x0]
    labels = [words for l in across
              if (words := [w for w in l.words if w.x1 <= x0 + 1 and not held_by_another(w, table, ruled)])]
    if not across or len(labels) < LABELLED_SHARE * len(across):
        return table
    start = median(min(w.x0 for w in words) for words in labels)
    set_left = [words for words in labels if abs(min(w.x0 for w in words) - start) <= LABEL_ALIGN]
    in_rows = [words for words in labels if _in_one_row(words, table.row_edges) and not is_running_text(words, x0 - start)]
    if min(len(set_left), len(in_rows)) < LABELLED_SHARE * len(labels):
        return table
    left = min(w.x0 for words in set_left for w in words)
    column = [w for words in labels for w in words if w.x0 >= left - LABEL_ALIGN]
    cells = [words_cell([w for w in column if a <= w.middle <= b], (left, a, x0, b)) for a, b in zip(table.row_edges, table.row_edges[1:])]
    # a label beside most ruled rows: words beside a box of one or two rows (a column
    # framed inside a borderless table) are that table's other columns
    if len(cells) < MIN_ROWS or sum(1 for cell in cells if cell.text) < LABELLED_SHARE * len(cells):
        return table
    return replace(
        table,
        grid=tuple((cell, *row) for cell, row in zip(cells, table.grid)),
        column_edges=(left, *table.column_edges),
        bbox=(round(left, 2), top, x1, bottom),
    )


def _in_one_row(words: list[Word], row_edges: tuple[float, ...]) -> bool:
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    return not any(top + 1 < edge < bottom - 1 for edge in row_edges)
