"""Small synthetic tables for unit tests of the table stages."""

from __future__ import annotations

from extractor.layout import PageLayout
from extractor.tables.base import Cell, RawTable


def raw_table(rows: list[list[str | None]], page: int = 1, top: float = 100.0, widths: list[float] | None = None,
              spans_down: dict[tuple[int, int], int] | None = None) -> RawTable:
    """A ruled table from cell texts; `spans_down[(r, c)] = n` makes that cell n rows tall."""
    n_cols = len(rows[0])
    widths = widths or [60.0] * n_cols
    xs = [50.0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top + 20.0 * i for i in range(len(rows) + 1)]
    spans_down = spans_down or {}
    covered = {(r + k, c) for (r, c), n in spans_down.items() for k in range(1, n)}
    grid = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                cells.append(None)
                continue
            height = spans_down.get((r, c), 1)
            bbox = (xs[c], ys[r], xs[c + 1], ys[r + height])
            cells.append(Cell(text=text, lines=(text,) if text else (), bold=False, bbox=bbox))
        grid.append(tuple(cells))
    return RawTable(
        page=page,
        bbox=(xs[0], ys[0], xs[-1], ys[-1]),
        engine="test",
        grid=tuple(grid),
        column_edges=tuple(xs),
        row_edges=tuple(ys),
        confidence=1.0,
    )


def empty_layout(number: int) -> PageLayout:
    return PageLayout(number=number, width=842.0, height=595.0, words=[], lines=[])
