"""Words broken inside a narrow cell that word frequencies cannot judge, joined again
where the document itself spells them whole.

`layout.cell_line_texts` joins a word broken at a cell's edge when the joined word is
common English. Names and terms are not ("Singapo" / "rean", "Ae" / "rospaziale",
"S" / "MEs"): such a break stays open on the cell. The document decides it: the joined
word is printed whole elsewhere in it (in a wider cell, in the narrative), while one
fragment is printed nowhere but in broken cells and is no common English word either.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from .layout import COMMON_WORD, SOFT_HYPHEN, WORD_END, WORD_START, PageLayout, join_lines
from .tables.base import Cell, RawTable

_WORD = re.compile(r"[^\W\d_]+")


def rejoin_broken_words(
    layouts: Iterable[PageLayout], found: list[tuple[PageLayout, list[RawTable]]]
) -> list[tuple[PageLayout, list[RawTable]]]:
    """`found` with the open breaks of its cells closed where the document spells the
    joined word whole; tables without open breaks are returned as they are."""
    breaks = [(head, tail) for _, raws in found for raw in raws for cell in _cells(raw) for _, head, tail in _fragments(cell)]
    if not breaks:
        return found
    printed = Counter(token.casefold() for layout in layouts for word in layout.words for token in _WORD.findall(word.text))
    in_breaks = Counter(fragment.casefold() for pair in breaks for fragment in pair)
    joined = {pair for pair in set(breaks) if _spelt_whole(pair, printed, in_breaks)}
    if not joined:
        return found
    return [(layout, [_rejoined(raw, joined) for raw in raws]) for layout, raws in found]


def _cells(raw: RawTable) -> Iterable[Cell]:
    return (cell for row in raw.grid for cell in row if cell is not None and cell.open_breaks)


def _fragments(cell: Cell) -> Iterable[tuple[int, str, str]]:
    """(line, head, tail) of each open break of the cell."""
    for i in cell.open_breaks:
        head, tail = WORD_END.search(cell.lines[i]), WORD_START.match(cell.lines[i + 1].lstrip())
        if head and tail:
            yield i, head.group(), tail.group()


def _spelt_whole(pair: tuple[str, str], printed: Counter, in_breaks: Counter) -> bool:
    from wordfreq import zipf_frequency

    head, tail = pair
    if printed[(head + tail).casefold()] == 0:
        return False
    # a fragment printed only where a word was broken, and no word of its own
    return any(
        printed[f.casefold()] <= in_breaks[f.casefold()] and zipf_frequency(f.casefold(), "en") < COMMON_WORD
        for f in pair
    )


def _rejoined(raw: RawTable, joined: set[tuple[str, str]]) -> RawTable:
    grid = tuple(tuple(_rejoined_cell(cell, joined) if cell is not None and cell.open_breaks else cell for cell in row) for row in raw.grid)
    return replace(raw, grid=grid) if grid != raw.grid else raw


def _rejoined_cell(cell: Cell, joined: set[tuple[str, str]]) -> Cell:
    lines = list(cell.lines)
    for i, head, tail in _fragments(cell):
        if (head, tail) in joined:
            lines[i] += SOFT_HYPHEN
    if lines == list(cell.lines):
        return cell
    return replace(cell, text=join_lines(lines) or None, lines=tuple(lines), open_breaks=())
