"""camelot's lattice, stream, hybrid and network flavours behind the engine interface.

camelot works on a file and a page number rather than on a pdfplumber page, and is
slow (lattice renders the page to find its lines), so the chooser calls it only
where the cheaper engines found nothing or found poorly.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from pathlib import Path

from ..layout import PageLayout, collapse, words_in_box
from ..settings import CAMELOT_FLAVORS as FLAVORS
from .base import Cell, RawTable
from .sideways import with_sideways_header


class CamelotEngine:
    """camelot-py as one table engine per flavour."""

    def __init__(self, flavor: str = "lattice", source: str | Path | None = None, password: str | None = None):
        if flavor not in FLAVORS:
            raise ValueError(f"unknown camelot flavor {flavor!r}")
        self.flavor = flavor
        self.name = f"camelot-{flavor}"
        self.source = source
        self.password = password

    def find(self, page, layout, found: Sequence[RawTable] = ()) -> list[RawTable]:
        """The engine interface: the tables of the page `layout` describes, read from `source`."""
        if self.source is None:
            return []
        return self.find_in_file(self.source, layout.number, layout.height, layout=layout)

    def find_in_file(
        self, path: str | Path, page: int, height: float, areas: list[tuple] | None = None, layout: PageLayout | None = None
    ) -> list[RawTable]:
        """Tables of one page (1-based). `areas` restricts the search ([x0, top, x1, bottom], top-left origin);
        with the page's `layout`, a cell is bold where its words are (camelot keeps no typography)."""
        import camelot

        kwargs = {"password": self.password} if self.password else {}
        if areas:
            kwargs["table_areas"] = [f"{a[0]},{height - a[1]},{a[2]},{height - a[3]}" for a in areas]
        logging.getLogger("camelot").setLevel(logging.ERROR)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = camelot.read_pdf(str(path), pages=str(page), flavor=self.flavor, suppress_stdout=True, **kwargs)
            except Exception:  # camelot raises on pages it cannot parse; that page has no table for it
                return []
        tables = [self._raw(table, page, height, layout) for table in found if table.shape[0] >= 2 and table.shape[1] >= 2]
        return [with_sideways_header(t, layout) for t in tables] if layout is not None and layout.sideways else tables

    def _raw(self, table, page: int, height: float, layout: PageLayout | None) -> RawTable:
        rows = table.df.values.tolist()
        x0, y0, x1, y1 = table._bbox
        column_edges = [c[0] for c in table.cols] + [table.cols[-1][1]]
        row_edges = [height - r[0] for r in table.rows] + [height - table.rows[-1][1]]
        grid = []
        for r, row in enumerate(rows):
            cells = []
            for c, text in enumerate(row):
                bbox = (column_edges[c], row_edges[r], column_edges[c + 1], row_edges[r + 1])
                lines = tuple(line for line in str(text).splitlines() if line.strip())
                words = words_in_box(layout.words, bbox) if layout is not None and lines else []
                bold = bool(words) and all(w.bold for w in words)
                cells.append(Cell(text=collapse(" ".join(lines)), lines=lines, bold=bold, bbox=bbox))
            grid.append(tuple(cells))
        report = getattr(table, "parsing_report", {}) or {}
        confidence = report.get("confidence")
        if confidence is None:
            confidence = max(0.0, min(1.0, report.get("accuracy", 50.0) / 100))
        return RawTable(
            page=page,
            bbox=(round(x0, 2), round(height - y1, 2), round(x1, 2), round(height - y0, 2)),
            engine=self.name,
            grid=tuple(grid),
            column_edges=tuple(column_edges),
            row_edges=tuple(row_edges),
            confidence=round(float(confidence), 3),
        )
