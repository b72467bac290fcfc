"""pdfplumber's ruling-line table finder, with cell text rebuilt from our words."""

from __future__ import annotations

from ..layout import PageLayout, Word, join_lines, words_in_box, words_to_lines
from .base import Cell, RawTable

LINE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
    "edge_min_length": 3,
}


def make_cell(words: list[Word], bbox: tuple[float, float, float, float]) -> Cell:
    inside = words_in_box(words, bbox)
    lines = words_to_lines(inside)
    texts = tuple(line.text for line in lines if line.text.strip())
    return Cell(
        text=join_lines(texts) or None,
        lines=texts,
        bold=bool(lines) and all(line.bold for line in lines),
        bbox=tuple(round(v, 2) for v in bbox),
    )


class PlumberLinesEngine:
    """Tables drawn with ruling lines, found by pdfplumber's lines strategy."""

    name = "pdfplumber-lines"

    def find(self, page, layout: PageLayout) -> list[RawTable]:
        found = page.find_tables(LINE_SETTINGS)
        closing = _open_bottoms(page, found)
        if closing:
            found = page.find_tables({**LINE_SETTINGS, "explicit_horizontal_lines": closing})
        tables = []
        for table in found:
            rows = table.rows
            if not rows:
                continue
            xs = sorted({round(c[0], 1) for c in table.cells} | {round(c[2], 1) for c in table.cells})
            ys = sorted({round(c[1], 1) for c in table.cells} | {round(c[3], 1) for c in table.cells})
            column_edges = _merge_close(xs)
            row_edges = _merge_close(ys)
            if len(column_edges) < 2 or len(row_edges) < 3:
                continue
            grid = []
            for r in range(len(row_edges) - 1):
                row: list[Cell | None] = [None] * (len(column_edges) - 1)
                for bbox in table.cells:
                    if abs(bbox[1] - row_edges[r]) <= 1.5:
                        c = _index_of(column_edges, bbox[0])
                        if c is not None and c < len(row):
                            row[c] = make_cell(layout.words, bbox)
                grid.append(tuple(row))
            tables.append(
                RawTable(
                    page=layout.number,
                    bbox=tuple(round(v, 2) for v in table.bbox),
                    engine=self.name,
                    grid=tuple(grid),
                    column_edges=tuple(column_edges),
                    row_edges=tuple(row_edges),
                    confidence=_confidence(layout.words, grid),
                )
            )
        return tables


def _open_bottoms(page, found) -> list[float]:
    """Bottoms of tables left open at a page break: the column rules run on below the
    last horizontal rule (a row split by the page end, drawn without a bottom border).
    The missing rule is put back where the column rules stop."""
    closing = []
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    for table in found:
        x0, _, x1, bottom = table.bbox
        below = [
            e["bottom"] for e in verticals
            if x0 - 1 <= e["x0"] <= x1 + 1 and abs(e["top"] - bottom) <= 2 and e["bottom"] > bottom + 5
        ]
        if len(below) >= 2:
            closing.append(max(below))
    return closing


def _merge_close(values: list[float], tolerance: float = 1.5) -> list[float]:
    merged: list[float] = []
    for value in values:
        if merged and value - merged[-1] <= tolerance:
            continue
        merged.append(value)
    return merged


def _index_of(edges: list[float], value: float, tolerance: float = 1.5) -> int | None:
    for i, edge in enumerate(edges):
        if abs(edge - value) <= tolerance:
            return i
    return None


def _confidence(words: list[Word], grid: list[tuple[Cell | None, ...]]) -> float:
    """Share of the table's words that lie wholly inside one cell (1.0: a clean grid)."""
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
    return round(clean / len(inside), 3)
