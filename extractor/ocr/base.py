"""The OCR-engine interface and the typed words every engine returns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

PixelBox = tuple[int, int, int, int]  # x0, top, x1, bottom in image pixels


@dataclass(frozen=True)
class OcrWord:
    """One word as an engine read it. `line_box` is the box of the printed line the word
    belongs to: words of one line share its top and bottom, as text-layer words do;
    `paragraph_box`, where the engine tells, groups lines of one font size."""

    text: str
    box: PixelBox
    line_box: PixelBox
    confidence: float  # 0..1
    paragraph_box: PixelBox | None = None  # the paragraph's box: its lines are set in one size


class OcrEngine(Protocol):
    """Reads the words of one page image. `name` is how settings and errors call it."""

    name: str

    def check(self, source: Path) -> None:
        """Raise `OcrUnavailableError` naming `source` and saying how to install what is missing."""
        ...

    def read(self, image: np.ndarray, block: bool = False) -> list[OcrWord]:
        """The words of a greyscale page image (uint8, white paper). `block`: the image
        is one block of text (a table cell), not a page to be laid out."""
        ...
