"""The table-engine interface and the typed table every engine returns."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..layout import BBox, PageLayout


@dataclass(frozen=True)
class Cell:
    """One cell as found on the page. `lines` keeps the printed lines for parsers
    that need them (bullet lists); `text` is the cleaned text or None when blank;
    `open_breaks`, the lines that may end inside a word (`layout.CellLines`)."""

    text: str | None
    lines: tuple[str, ...]
    bold: bool
    bbox: BBox
    open_breaks: tuple[int, ...] = ()


#: A printed figure: digits with separators, a sign, a percent, or in parentheses (a loss).
FIGURE = re.compile(r"[(\-–+]?[\d][\d,.\-–%]*\)?")
_NONE_DASHES = frozenset("-–—")  # a dash in a figure column: nothing to report


def is_figure(text: str) -> bool:
    """A figure, or a dash standing for one."""
    return bool(FIGURE.fullmatch(text)) or text in _NONE_DASHES


def held_by_another(word, table: "RawTable", tables: Iterable["RawTable"]) -> bool:
    """Whether a word lies inside one of `tables` other than `table` (within a point)."""
    return any(t is not table and t.bbox[0] - 1 <= word.x0 and word.x1 <= t.bbox[2] + 1
               and t.bbox[1] - 1 <= word.top and word.bottom <= t.bbox[3] + 1 for t in tables)


def filled_cells(cells: Iterable[Cell | None]) -> list[Cell]:
    """The cells that hold text."""
    return [c for c in cells if c is not None and c.text]


@dataclass(frozen=True)
class RawTable:
    """A table as one engine found it on one page, before stitching.

    `grid[r][c]` is the cell that starts at row r, column c, or None where a cell
    spanning from the left or from above covers that position (or nothing is there).
    """

    page: int
    bbox: BBox
    engine: str
    grid: tuple[tuple[Cell | None, ...], ...]
    column_edges: tuple[float, ...]
    row_edges: tuple[float, ...]
    confidence: float
    #: Its first row is drawn without a top border at the page head: the rest of a row
    #: the page break split, to be joined to the previous page's last row.
    opens_with_split_row: bool = False
    #: Read as the rest of the table the previous page left open at its foot.
    continues_previous_page: bool = False
    #: One ruled row: a box around text unless the document makes it a table, by a
    #: caption or by a table it continues over a page break (`boxes.settle_lone_boxes`).
    lone_box: bool = False

    @property
    def n_columns(self) -> int:
        return len(self.column_edges) - 1

    def printed_rows(self, rows: int | None = None) -> list[list[str]]:
        """Its first `rows` rows (all of them by default) as printed: a cell's text
        where it starts, "" elsewhere."""
        return [[(cell.text or "") if cell else "" for cell in row] for row in self.grid[:rows]]

    def covering(self, row: int, column: int) -> Cell | None:
        """The cell that covers position (row, column), spanning or not."""
        x = (self.column_edges[column] + self.column_edges[column + 1]) / 2
        y = (self.row_edges[row] + self.row_edges[row + 1]) / 2
        for r in range(row, -1, -1):
            for cell in self.grid[r]:
                if cell and cell.bbox[0] - 1 <= x <= cell.bbox[2] + 1 and cell.bbox[1] - 1 <= y <= cell.bbox[3] + 1:
                    return cell
        return None

    def spans_down(self, row: int) -> bool:
        """Whether some cell of `row` reaches into the row below it."""
        if row + 1 >= len(self.row_edges) - 1:
            return False
        limit = self.row_edges[row + 1] + 1
        return any(cell and cell.bbox[3] > limit for cell in self.grid[row])


class TableEngine(Protocol):
    """Finds the tables of one page. `name` is recorded on every table it makes;
    `found` holds the tables cheaper engines already found on the page."""

    name: str

    def find(self, page: object, layout: PageLayout, found: Sequence[RawTable] = ()) -> list[RawTable]: ...
