"""Tables drawn without ruling lines: columns found from the alignment of words.

Such a table is looked for where a caption stands with no ruled table under it.
Its lines are those that follow the caption in the same type size, up to a clear
gap or a change of size. Words separated by a wide gap form a segment; segment
left edges that recur on several lines are the columns.
"""

from __future__ import annotations

import re
from statistics import median

from ..layout import Line, PageLayout, Word, join_lines, join_words
from .base import Cell, RawTable

COLUMN_GAP_RATIO = 0.9  # a gap wider than this many font sizes separates columns
ALIGN_TOLERANCE = 4.0
_LEADERS = re.compile(r"\.{4,}|…{2,}")
CAPTION_REACH = 3.0  # the table starts within this many line heights below its caption
END_GAP_RATIO = 2.2  # a gap this many times the usual line pitch ends the table
ROW_GAP_RATIO = 0.35  # rows spaced apart this many font sizes more than a cell's lines


def is_caption(line: Line, pattern: re.Pattern[str]) -> bool:
    """A line that labels a table (not its entry in a list of tables, with dot leaders)."""
    return bool(pattern.search(line.text)) and not _LEADERS.search(line.text)


class TextAlignmentEngine:
    """Borderless tables under captions, columns from word alignment."""

    name = "text-alignment"

    def __init__(self, caption_pattern: re.Pattern[str]):
        self.caption_pattern = caption_pattern

    def find(self, page, layout: PageLayout, ruled: list[RawTable] | None = None) -> list[RawTable]:
        ruled = ruled or []
        tables = []
        lines = sorted(layout.lines, key=lambda l: l.top)
        for index, line in enumerate(lines):
            if not is_caption(line, self.caption_pattern):
                continue
            if any(0 <= t.bbox[1] - line.bottom <= CAPTION_REACH * line.size * 2 for t in ruled):
                continue
            region = _region(lines[index + 1 :], line, ruled)
            table = _table(region, layout.number, self.name) if len(region) >= 3 else None
            if table is not None:
                tables.append(table)
        return tables


def _region(following: list[Line], caption: Line, ruled: list[RawTable]) -> list[Line]:
    region: list[Line] = []
    for line in following:
        if any(t.bbox[1] - 1 <= line.top <= t.bbox[3] + 1 for t in ruled) or _LEADERS.search(line.text):
            break
        if not region:
            if line.top - caption.bottom > CAPTION_REACH * caption.size:
                break
            region.append(line)
            continue
        if abs(line.size - region[0].size) > 0.4:
            break
        pitches = [b.top - a.top for a, b in zip(region, region[1:])]
        pitch = median(pitches) if pitches else 1.6 * line.size
        if line.top - region[-1].top > max(END_GAP_RATIO * pitch, 2.5 * line.size):
            break
        region.append(line)
    return region


def _segments(line: Line) -> list[list[Word]]:
    words = sorted(line.words, key=lambda w: w.x0)
    segments: list[list[Word]] = []
    for word in words:
        if segments and word.x0 - segments[-1][-1].x1 <= COLUMN_GAP_RATIO * line.size:
            segments[-1].append(word)
        else:
            segments.append([word])
    return segments


def _table(region: list[Line], page: int, engine: str) -> RawTable | None:
    per_line = [_segments(line) for line in region]
    starts: list[list[float]] = []
    for segments in per_line:
        for segment in segments:
            x = segment[0].x0
            for cluster in starts:
                if abs(cluster[0] - x) <= ALIGN_TOLERANCE:
                    cluster.append(x)
                    break
            else:
                starts.append([x])
    columns = sorted(min(c) for c in starts if len(c) >= 2)
    if len(columns) < 2:
        return None
    rows: list[list[list[Word]]] = []
    row_lines: list[list[Line]] = []
    row_gap = _row_gap(region)
    for line, segments in zip(region, per_line):
        cells: list[list[Word]] = [[] for _ in columns]
        for segment in segments:
            column = max((i for i, x in enumerate(columns) if x <= segment[0].x0 + ALIGN_TOLERANCE), default=0)
            cells[column].extend(segment)
        gap = line.top - row_lines[-1][-1].bottom if rows else 0.0
        if row_gap is not None:
            continues = bool(rows) and gap < row_gap
        else:
            continues = bool(rows) and not cells[0] and gap < 0.5 * line.size
        header_wrap = bool(rows) and len(rows) == 1 and line.bold and all(l.bold for l in row_lines[0])
        if continues or header_wrap:
            for i, words in enumerate(cells):
                rows[-1][i].extend(words)
            row_lines[-1].append(line)
        else:
            rows.append(cells)
            row_lines.append([line])
    aligned = sum(1 for segs in per_line for s in segs if any(abs(s[0].x0 - x) <= ALIGN_TOLERANCE for x in columns))
    total = sum(len(segs) for segs in per_line) or 1
    x1 = max(l.x1 for l in region)
    column_edges = tuple(columns) + (x1,)
    row_edges = tuple(lines[0].top for lines in row_lines) + (region[-1].bottom,)
    grid = []
    for r, cells in enumerate(rows):
        grid.append(tuple(_cell(words, column_edges, r, c, row_edges) for c, words in enumerate(cells)))
    return RawTable(
        page=page,
        bbox=(round(columns[0], 2), round(region[0].top, 2), round(x1, 2), round(region[-1].bottom, 2)),
        engine=engine,
        grid=tuple(grid),
        column_edges=column_edges,
        row_edges=row_edges,
        confidence=round(aligned / total * 0.9, 3),
    )


def _row_gap(region: list[Line]) -> float | None:
    """The vertical gap from which a new row starts, where the table spaces its rows
    apart more than the lines inside a cell (wrapped cells with no rules between
    rows); None where every gap is alike (one line per row, or no way to tell)."""
    gaps = [b.top - a.bottom for a, b in zip(region, region[1:])]
    if len(gaps) < 2:
        return None
    size = median(line.size for line in region)
    tight = min(gaps)
    threshold = tight + max(1.5, ROW_GAP_RATIO * size)
    wide = [g for g in gaps if g >= threshold]
    if len(wide) < 2 or len(wide) == len(gaps):
        return None  # one wide gap is the one under the header
    return threshold


def _cell(words: list[Word], columns: tuple[float, ...], r: int, c: int, rows: tuple[float, ...]) -> Cell:
    bbox = (columns[c], rows[r], columns[c + 1], rows[r + 1])
    if not words:
        return Cell(text=None, lines=(), bold=False, bbox=bbox)
    by_line: dict[float, list[Word]] = {}
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        key = next((k for k in by_line if abs(k - word.top) < 2), word.top)
        by_line.setdefault(key, []).append(word)
    texts = tuple(join_words(sorted(ws, key=lambda w: w.x0)) for _, ws in sorted(by_line.items()))
    return Cell(text=join_lines(texts) or None, lines=texts, bold=all(w.bold for w in words), bbox=bbox)
