"""Which single ruled boxes are tables.

A box around one row is a table where the document makes it one: a caption labels
it, or it continues a table over a page break (a one-column table whose every row is
ruled round, broken between two of its rows). Every other box is a box around text,
dropped here so that its text stays in the narrative. A box kept without a caption of
its own that is drawn on from the bottom rule of the table above it is that table's
next row.

Input and output: each page's raw tables in page order, as the page reader found them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .layout import PageLayout
from .stitch import WIDTH_TOLERANCE, caption_left_at_foot, captions_below, page_captions, parted_by_text
from .tables.base import RawTable
from .tables.plumber import RULE_JOIN

Pages = list[tuple[PageLayout, list[RawTable]]]


def settle_lone_boxes(found: Pages, pattern: re.Pattern[str]) -> Pages:
    """`found` without the lone boxes that neither a caption nor a table over a page
    break makes tables."""
    if not any(t.lone_box for _, tables in found for t in tables):
        return found
    below = captions_below(found, pattern)
    ordered = [sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0])) for _, tables in found]
    sure: set[int] = set()  # ids of the tables that are tables for certain
    captioned: set[int] = set()
    left_at_foot: int | None = None
    for (layout, _), tables in zip(found, ordered):
        labelled = set(page_captions(layout, tables, pattern, below))
        if tables and left_at_foot == layout.number - 1:
            labelled.add(0)  # its caption ended the page before
        captioned |= {id(tables[i]) for i in labelled}
        sure |= {id(t) for i, t in enumerate(tables) if not t.lone_box or i in labelled}
        foot = None if below else caption_left_at_foot(layout, tables, pattern)
        left_at_foot = foot[0] if foot else None
    # a table broken over a page break is one: what one of its parts is, all are
    breaks = [(before[-1], after[0]) for (layout, _), before, (next_layout, _), after
              in zip(found, ordered, found[1:], ordered[1:])
              if before and after and next_layout.number == layout.number + 1
              and _runs_on(before[-1], after[0]) and not parted_by_text((layout, before[-1]), next_layout, after[0])]
    for _ in range(2):  # forward, then back
        for upper, lower in breaks:
            if id(upper) in sure or id(lower) in sure:
                sure |= {id(upper), id(lower)}
        breaks.reverse()
    return [(layout, _rows_of_the_table_above([t for t in tables if id(t) in sure], captioned))
            for (layout, _), tables in zip(found, ordered)]


def _rows_of_the_table_above(tables: list[RawTable], captioned: set[int]) -> list[RawTable]:
    """The page's tables (in reading order), each lone box drawn on from the bottom rule
    of the table right above it (at that rule's height, across part of its width, as
    many columns) made that table's next row: a row whose rules were drawn apart from
    the grid's. A box with a caption of its own stays a table."""
    out: list[RawTable] = []
    for table in tables:
        above = next((t for t in reversed(out) if abs(table.bbox[1] - t.bbox[3]) <= RULE_JOIN
                      and table.bbox[0] < t.bbox[2] and table.bbox[2] > t.bbox[0]), None)
        if table.lone_box and id(table) not in captioned and above is not None and above.n_columns == table.n_columns:
            out[out.index(above)] = replace(
                above,
                grid=above.grid + table.grid,
                row_edges=above.row_edges + table.row_edges[1:],
                bbox=(min(above.bbox[0], table.bbox[0]), above.bbox[1], max(above.bbox[2], table.bbox[2]), table.bbox[3]),
                confidence=min(above.confidence, table.confidence),
            )
        else:
            out.append(table)
    return out


def _runs_on(upper: RawTable, lower: RawTable) -> bool:
    """Whether two tables are drawn alike: as many columns, as wide, the column rules at
    the same shares of the width (where a page's margins differ from the next one's,
    the table stands elsewhere across the page). Or the engine that read both read the
    lower as the upper's rest, under its columns: a text table is as wide as its longest
    line, not as a drawn box, so its width says nothing."""
    if lower.continues_previous_page and lower.engine == upper.engine:
        return True
    width = upper.bbox[2] - upper.bbox[0]
    if upper.n_columns != lower.n_columns or abs(width - (lower.bbox[2] - lower.bbox[0])) > WIDTH_TOLERANCE * width:
        return False
    return all(abs((a - upper.bbox[0]) - (b - lower.bbox[0])) <= WIDTH_TOLERANCE * width
               for a, b in zip(upper.column_edges, lower.column_edges))
