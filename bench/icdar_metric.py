"""The ICDAR 2013 table competition's structure-recognition measure, as pure functions.

Reference: Göbel, Hassan, Oro & Orsi, "ICDAR 2013 Table Competition", ICDAR 2013,
pp. 1449-1453 (and Göbel et al., "A methodology for evaluating algorithms for table
understanding in PDF documents", DocEng 2012). Data: ``/work/shared/peer/icdar2013``.

    truth = ground_truth_tables("us-030-str.xml")     # {page: [grid, ...]}
    found = {2: [[["Cycle Name", "KI"], ["2012_2", "3.30"]]]}
    doc = score(found, truth)                         # counts, precision, recall, f1
    summary = summarise([doc, ...])                   # micro and per-document mean

What is measured
----------------
A table is reduced to its *adjacency relations*: for every non-empty cell, the nearest
non-empty cell to its right in the same row and the nearest non-empty cell below it in
the same column. Choices, and where they come from:

* Blank cells are skipped, so a relation jumps over them (the competition's ground truth
  lists only non-empty cells; its relations link neighbouring *content* cells).
* A spanning cell takes part in every row and column it spans: a cell covering rows 1-2
  has a right neighbour looked up in row 1 and in row 2 (two relations when they differ,
  one when the same cell is found in both rows: relations are a set per table).
* A relation is ``(text of A, text of B, "right" | "below")``. Texts are normalised by
  lower-casing and removing all white space (``\\s``, so line breaks inside cells and the
  spacing differences between extractors do not count), then compared as exact strings,
  as the competition did. No further folding (no Unicode/ligature normalisation, no
  punctuation stripping): an engine that reads "ﬁ" where the ground truth has "fi" loses
  that relation.
* Detected tables are plain grids of cell texts (``None`` or ``""`` for blanks); their
  spans are unknown, so every grid position is its own cell. A span that an engine
  reports as the text in one position and blanks in the others (camelot, pdfplumber)
  therefore relates correctly in the direction the blanks are skipped, and an engine that
  copies the text into every spanned position produces extra, duplicate relations.
* Matching is per document and page: the relations of all ground-truth tables on a page
  are pooled into one multiset, those of all detected tables on that page into another,
  and ``correct`` is the size of their multiset intersection. Table detection errors are
  thereby punished: a missed table loses all its relations (recall), a spurious table
  (or a non-table region reported as one) adds found relations that match nothing
  (precision), and which detected table a relation came from does not matter.
* Precision = correct / found, recall = correct / ground truth, F1 their harmonic mean.
  For one document: precision is 0 when nothing was found, unless there is no ground
  truth either (then 1); recall is 1 when there is no ground truth.
* ``summarise`` reports (a) micro figures, counts summed over all documents, and (b) the
  per-document mean of precision, recall and F1, the form the competition reported.

Ground truth (``-str.xml``)
---------------------------
Each ``<table>`` holds ``<region>`` elements with ``<cell start-row start-col [end-row
end-col]>`` (0-based, end inclusive, absent when the cell does not span) and
``<content>``. A region's ``row-increment``/``col-increment`` are added to its cells'
indices (us-019: a region starting at row -1 with increment 1; us-035a table 2: three
side-by-side blocks on one page, increments 0, 2, 4, forming one 6-column table). All
regions of a table on the same page form one grid; a table with regions on several pages
gives one grid per page (relations across a page break are not counted; there is none in
the 67-PDF competition set). Only listed cells exist; missing positions are blank. When
two annotated cells claim the same position, the first in document order keeps it.

Not camelot's ICDAR benchmark
-----------------------------
camelot-py's ``bench/benchmark_icdar.py`` (with ``bench/_metrics.py``) uses the same
dataset but a different measure: its "F1" is *table detection by count* (per page,
``min(#found, #truth)`` true positives, no check of what or where the tables are), plus a
difflib ratio over the row-major cell sequence of tables paired *by order* ("TEDS
proxy") and exact row/column-count accuracy; each region is a separate table and spanned
text sits in the top-left position only. Its figures are not comparable with these.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

RIGHT = "right"
BELOW = "below"

_WHITE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cell:
    """A ground-truth cell; the same object sits at every grid position it spans.

    ``row``/``col`` is its top-left position in the grid (its identity within the table).
    """

    text: str
    row: int
    col: int
    end_row: int
    end_col: int


# A grid is a list of rows; a position holds a Cell (ground truth, spans known) or the
# plain text of a detected cell (str, or None for a blank).
Grid = Sequence[Sequence["Cell | str | None"]]


def normalise(text: object) -> str:
    """Lower case, all white space removed: the form in which cell texts are compared."""
    if text is None:
        return ""
    return _WHITE.sub("", str(text)).lower()


def _positions(grid: Grid) -> dict[tuple[int, int], tuple[tuple[int, int], str]]:
    """Non-blank grid positions -> (cell identity, normalised text)."""
    out: dict[tuple[int, int], tuple[tuple[int, int], str]] = {}
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if isinstance(cell, Cell):
                key, text = (cell.row, cell.col), normalise(cell.text)
            else:
                key, text = (r, c), normalise(cell)
            if text:
                out[(r, c)] = (key, text)
    return out


def relations(grid: Grid) -> Counter:
    """Adjacency relations of one table: Counter of (text A, text B, "right"|"below").

    Each pair of cells is related at most once per direction, however many rows or
    columns they share; equal texts in different cell pairs count separately.
    """
    pos = _positions(grid)
    if not pos:
        return Counter()
    n_rows = len(grid)
    n_cols = max(len(row) for row in grid)
    pairs: dict[tuple, tuple[str, str, str]] = {}
    for (r, c), (key, text) in pos.items():
        # right: scan the row, past the cell's own span and past blanks
        for c2 in range(c + 1, n_cols):
            hit = pos.get((r, c2))
            if hit is None or hit[0] == key:
                continue
            pairs[(key, hit[0], RIGHT)] = (text, hit[1], RIGHT)
            break
        for r2 in range(r + 1, n_rows):
            hit = pos.get((r2, c))
            if hit is None or hit[0] == key:
                continue
            pairs[(key, hit[0], BELOW)] = (text, hit[1], BELOW)
            break
    return Counter(pairs.values())


def _int(value: str | None, default: int) -> int:
    return default if value is None or value.strip() == "" else int(value)


def ground_truth_tables(str_xml_path: str | Path) -> dict[int, list[list[list[Cell | None]]]]:
    """Parse a competition ``-str.xml``: {page (1-based): [grid, ...]} in document order.

    A grid is a list of rows of ``Cell`` (spanning cells repeated at every position they
    cover) or ``None`` (blank).
    """
    root = ET.parse(str_xml_path).getroot()
    out: dict[int, list[list[list[Cell | None]]]] = {}
    for table in root.iter("table"):
        by_page: dict[int, list[tuple[int, int, int, int, str]]] = {}
        for region in table.findall("region"):
            page = int(region.get("page"))
            dr = _int(region.get("row-increment"), 0)
            dc = _int(region.get("col-increment"), 0)
            for cell in region.findall("cell"):
                sr = _int(cell.get("start-row"), 0) + dr
                sc = _int(cell.get("start-col"), 0) + dc
                er = max(_int(cell.get("end-row"), sr - dr) + dr, sr)
                ec = max(_int(cell.get("end-col"), sc - dc) + dc, sc)
                content = cell.find("content")
                text = "".join(content.itertext()) if content is not None else ""
                by_page.setdefault(page, []).append((sr, sc, er, ec, text))
        for page, cells in by_page.items():
            out.setdefault(page, []).append(_grid(cells))
    return out


def _grid(cells: list[tuple[int, int, int, int, str]]) -> list[list[Cell | None]]:
    r0 = min(0, min(c[0] for c in cells))
    c0 = min(0, min(c[1] for c in cells))
    n_rows = max(c[2] for c in cells) - r0 + 1
    n_cols = max(c[3] for c in cells) - c0 + 1
    grid: list[list[Cell | None]] = [[None] * n_cols for _ in range(n_rows)]
    for sr, sc, er, ec, text in cells:
        cell = Cell(text, sr - r0, sc - c0, er - r0, ec - c0)
        for r in range(cell.row, cell.end_row + 1):
            for c in range(cell.col, cell.end_col + 1):
                if grid[r][c] is None:
                    grid[r][c] = cell
    return grid


def _ratios(correct: int, found: int, truth: int) -> tuple[float, float, float]:
    if found:
        precision = correct / found
    else:
        precision = 0.0 if truth else 1.0
    recall = correct / truth if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(
    found_by_page: Mapping[int, Sequence[Grid]],
    truth_by_page: Mapping[int, Sequence[Grid]],
) -> dict:
    """Score one document: relations pooled per page, counted over all its pages.

    Every page in either mapping is scored (a detected table on a page without ground
    truth costs precision); pass only the pages you ran the engine on.
    """
    pages = {}
    correct = found = truth = 0
    for page in sorted(set(found_by_page) | set(truth_by_page)):
        f = Counter()
        for grid in found_by_page.get(page, ()):
            f.update(relations(grid))
        t = Counter()
        for grid in truth_by_page.get(page, ()):
            t.update(relations(grid))
        ok = sum((f & t).values())
        nf, nt = sum(f.values()), sum(t.values())
        pages[page] = {
            "correct": ok,
            "found": nf,
            "truth": nt,
            "tables_found": len(found_by_page.get(page, ())),
            "tables_truth": len(truth_by_page.get(page, ())),
        }
        correct, found, truth = correct + ok, found + nf, truth + nt
    precision, recall, f1 = _ratios(correct, found, truth)
    return {
        "correct": correct,
        "found": found,
        "truth": truth,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tables_found": sum(p["tables_found"] for p in pages.values()),
        "tables_truth": sum(p["tables_truth"] for p in pages.values()),
        "pages": pages,
    }


def summarise(documents: Iterable[Mapping]) -> dict:
    """Micro figures (summed counts) and per-document means over ``score`` results."""
    docs = list(documents)
    correct = sum(d["correct"] for d in docs)
    found = sum(d["found"] for d in docs)
    truth = sum(d["truth"] for d in docs)
    precision, recall, f1 = _ratios(correct, found, truth)
    n = len(docs)

    def mean(key: str) -> float:
        return sum(d[key] for d in docs) / n if n else 0.0

    return {
        "documents": n,
        "correct": correct,
        "found": found,
        "truth": truth,
        "micro": {"precision": precision, "recall": recall, "f1": f1},
        "mean": {"precision": mean("precision"), "recall": mean("recall"), "f1": mean("f1")},
    }
