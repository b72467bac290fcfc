"""Tables inside one column of a page set in columns of running text.

camelot reading a whole page finds its columns where the page's lines start and end.
On a page set in two columns those are the text columns, and a small table inside one
of them becomes a few rows of a 'table' of paragraphs, which the chooser rightly
drops as prose. Such a page prints its columns: a gutter, a band down the body that
no line crosses, with lines of running text ending before it and starting after it.
Inside a column, a table is a block of lines with column gaps, and camelot reads that
block alone. A page of one column is one text column: its blocks get the same second
look where the whole page's reading served none (a table between justified paragraphs
that camelot cut into a table of prose).
"""

from __future__ import annotations

from statistics import median

from ..layout import COLUMN_GAP, FOOT_BAND, HEAD_BAND, BBox, Line, PageLayout, Word, is_contents_entry, is_running_text, stretches

GUTTER_REACH = 0.2  # share of the page width on either side where no gutter is looked for
CROSSING_SHARE = 0.05  # of the body's lines that may cross a gutter (a title over both columns)
BLOCK_GAP = 3.0  # type sizes of blank space that end a block of table lines
PARAGRAPH_LEADING = 0.5  # type sizes of space at most between two lines of one paragraph


def text_columns(layout: PageLayout, min_lines: int) -> list[tuple[float, float]]:
    """The x extents of the page's text columns, left to right: one, the text's extent,
    when the page is not set in columns. Each column of several holds at least
    `min_lines` lines of running text, so the columns of a table of short cells are none."""
    lines = _body_lines(layout)
    runs = [run for line in lines for run in _stretches(line.words)]
    if not runs:
        return [(min(w.x0 for w in layout.words), max(w.x1 for w in layout.words))] if layout.words else []
    size = sorted(line.size for line in lines)[len(lines) // 2]
    gutters = sorted(_free_bands(runs, layout.width, size, int(CROSSING_SHARE * len(lines))),
                     key=lambda band: band[0] - band[1])
    accepted: list[tuple[float, float]] = []
    for gutter in gutters:
        trial = sorted([*accepted, gutter])
        columns = _between(trial, runs)
        if all(_running_lines(runs, column) >= min_lines for column in columns):
            accepted = trial
    return _between(accepted, runs)


def tabular_blocks(layout: PageLayout, columns: list[tuple[float, float]], min_lines: int) -> list[BBox]:
    """Areas of the blocks of table lines inside the text columns: runs of at least
    `min_lines` lines with a column gap inside one column, with the short lines between
    and around them (a header's upper line, a note under the last row), bounded by
    lines of running text and by blank space. A short line set close under running text
    ends its paragraph."""
    areas: list[BBox] = []
    lines = _body_lines(layout)
    for x0, x1 in columns:
        rows = [words for line in lines
                if (words := sorted((w for w in line.words if x0 <= (w.x0 + w.x1) / 2 <= x1), key=lambda w: w.x0))]
        block: list[list[Word]] = []
        above: list[Word] = []
        in_paragraph = False
        for words in [*rows, []]:
            gap = words[0].top - max(w.bottom for w in above) if words and above else float("inf")
            in_paragraph = not words or is_running_text(words, x1 - x0) or (in_paragraph and gap <= PARAGRAPH_LEADING * words[0].size)
            apart = bool(block) and bool(words) and words[0].top - max(w.bottom for w in block[-1]) > BLOCK_GAP * words[0].size
            if in_paragraph or apart:
                areas += _block_area(block, x0, x1, min_lines)
                block = []
            if not in_paragraph:
                block.append(words)
            above = words
    return areas


def _block_area(block: list[list[Word]], x0: float, x1: float, min_lines: int) -> list[BBox]:
    if sum(1 for words in block if _has_column_gap(words)) < min_lines:
        return []
    return [(x0, min(w.top for w in block[0]) - 1, x1, max(w.bottom for w in block[-1]) + 1)]


def _body_lines(layout: PageLayout) -> list[Line]:
    top, bottom = HEAD_BAND * layout.height, FOOT_BAND * layout.height
    return [line for line in layout.lines if line.top >= top and line.bottom <= bottom]


def _stretches(words: tuple[Word, ...] | list[Word]) -> list[list[Word]]:
    """A line's runs of words that no column gap parts."""
    return stretches(words, COLUMN_GAP * median(w.size for w in words))


def _has_column_gap(words: list[Word]) -> bool:
    return len(_stretches(words)) > 1 and not is_contents_entry(" ".join(w.text for w in words))


def _free_bands(runs: list[list[Word]], width: float, size: float, crossings: int) -> list[tuple[float, float]]:
    """Bands of the page's middle at least a type size wide that at most `crossings`
    stretches of words cross."""
    lo, hi = int(GUTTER_REACH * width), int((1 - GUTTER_REACH) * width)
    covered = [0] * (hi - lo + 1)
    for run in runs:
        for x in range(max(lo, int(run[0].x0)), min(hi, int(run[-1].x1) + 1) + 1):
            covered[x - lo] += 1
    bands, start = [], None
    for i, count in enumerate([*covered, crossings + 1]):
        if count <= crossings and start is None:
            start = i
        elif count > crossings and start is not None:
            if i - start >= size:
                bands.append((float(lo + start), float(lo + i)))
            start = None
    return bands


def _between(gutters: list[tuple[float, float]], runs: list[list[Word]]) -> list[tuple[float, float]]:
    """The columns the gutters part: from the text's left edge to the first gutter, between
    gutters, from the last to the right edge."""
    left = min(run[0].x0 for run in runs)
    right = max(run[-1].x1 for run in runs)
    edges = [left, *(x for band in gutters for x in band), right]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def _running_lines(runs: list[list[Word]], column: tuple[float, float]) -> int:
    x0, x1 = column
    return sum(1 for run in runs if run[0].x0 >= x0 - 1 and run[-1].x1 <= x1 + 1 and is_running_text(run, x1 - x0))
