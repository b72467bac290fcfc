"""Which engines read a page of a report, in order of cost.

pdfplumber's ruling-line finder reads every page; the word-alignment engine looks
only under captions without a ruled table; camelot's stream flavour is paid for
only under a caption that neither of them could serve.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..layout import Line, PageLayout
from .base import RawTable
from .camelot import CamelotEngine
from .plumber import PlumberLinesEngine
from .text import CAPTION_REACH, TextAlignmentEngine, is_caption

BOTTOM_MARGIN = 0.92  # share of the page height above the footer


class PageTableReader:
    """Finds the tables of one report page with the cheapest engine that serves each."""

    def __init__(self, caption_pattern: re.Pattern[str], source: Path | None = None, fallback: str | None = "stream"):
        self.caption_pattern = caption_pattern
        self.ruled = PlumberLinesEngine()
        self.text = TextAlignmentEngine(caption_pattern)
        self.fallback = CamelotEngine(fallback) if fallback and source is not None else None
        self.source = source

    def find(self, page, layout: PageLayout) -> list[RawTable]:
        ruled = self.ruled.find(page, layout)
        found = ruled + self.text.find(page, layout, ruled)
        if self.fallback is None or layout.ocr:
            return found  # camelot reads the text layer, which an OCR page lacks
        for caption, bottom in unserved_captions(layout, self.caption_pattern, found):
            area = (0.0, caption.bottom + 1, layout.width, bottom)
            found += self.fallback.find_in_file(self.source, layout.number, layout.height, [area])
        return found


def unserved_captions(layout: PageLayout, pattern: re.Pattern[str], tables: list[RawTable]) -> list[tuple[Line, float]]:
    """Captions with no table under them nor right above them (documents that caption
    underneath), each with the bottom of the area it labels (the next caption or
    larger heading, else the page's foot)."""
    lines = sorted(layout.lines, key=lambda l: l.top)
    out = []
    for index, line in enumerate(lines):
        if not is_caption(line, pattern):
            continue
        if any(line.bottom - 2 <= t.bbox[1] <= line.bottom + CAPTION_REACH * 4 * line.size for t in tables):
            continue
        if any(-2 <= line.top - t.bbox[3] <= CAPTION_REACH * 2 * line.size for t in tables):
            continue
        bottom = layout.height * BOTTOM_MARGIN
        for later in lines[index + 1 :]:
            if is_caption(later, pattern) or (later.bold and later.size >= 1.1 * line.size):
                bottom = later.top - 1
                break
        if bottom - line.bottom > 2 * line.size:
            out.append((line, bottom))
    return out
