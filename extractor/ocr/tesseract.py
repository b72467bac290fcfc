"""Tesseract, the Debian-packaged OCR engine, called through pytesseract.

pytesseract runs the `tesseract` executable (Debian's `tesseract-ocr` package and its
`tesseract-ocr-LANG` models), so nothing is compiled against libtesseract and nothing is
downloaded at run time; `image_to_data` gives every word with its box, its line and a
confidence. (tesserocr would save the subprocess per page but needs libtesseract-dev and a
C++ build at install time; a page's OCR costs seconds, the subprocess milliseconds.)
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..errors import OcrUnavailableError
from .base import OcrWord

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-eng (or run scripts/system-packages)"
# Tesseract segments the page itself (automatic page segmentation, no orientation detection).
PAGE_SEGMENTATION = "--psm 3"
BLOCK_SEGMENTATION = "--psm 6"  # one uniform block of text: a table cell


class TesseractEngine:
    name = "tesseract"

    def __init__(self, command: str = "tesseract", languages: str = "eng"):
        self.command = command
        self.languages = languages
        self._checked = False

    def _pytesseract(self):
        import pytesseract

        pytesseract.pytesseract.tesseract_cmd = self.command
        return pytesseract

    def check(self, source: Path) -> None:
        if self._checked:
            return
        pytesseract = self._pytesseract()
        try:
            installed = set(pytesseract.get_languages(config=""))
        except (pytesseract.TesseractNotFoundError, FileNotFoundError, PermissionError):
            raise OcrUnavailableError(
                source, f"the page has no text layer and the OCR engine '{self.command}' is not installed; install it: {INSTALL_HINT}"
            ) from None
        missing = [lang for lang in self.languages.split("+") if lang and lang not in installed]
        if missing:
            packages = " ".join(f"tesseract-ocr-{lang}" for lang in missing)
            raise OcrUnavailableError(source, f"the OCR language model(s) {', '.join(missing)} are not installed; install them: apt-get install {packages}")
        self._checked = True

    def read(self, image: np.ndarray, block: bool = False) -> list[OcrWord]:
        pytesseract = self._pytesseract()
        data = pytesseract.image_to_data(
            image, lang=self.languages, config=BLOCK_SEGMENTATION if block else PAGE_SEGMENTATION,
            output_type=pytesseract.Output.DICT,
        )
        lines: dict[tuple[int, int, int], tuple[int, int, int, int]] = {}
        paragraphs: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for i, level in enumerate(data["level"]):
            if level == 4:
                key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
                lines[key] = _box(data, i)
            elif level == 3:
                paragraphs[(data["block_num"][i], data["par_num"][i])] = _box(data, i)
        words = []
        for i, level in enumerate(data["level"]):
            text = (data["text"][i] or "").strip()
            if level != 5 or not text:
                continue
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            box = _box(data, i)
            words.append(OcrWord(text=text, box=box, line_box=lines.get(key, box), confidence=max(0.0, float(data["conf"][i])) / 100,
                                 paragraph_box=paragraphs.get(key[:2])))
        return words


def _box(data: dict, i: int) -> tuple[int, int, int, int]:
    left, top = int(data["left"][i]), int(data["top"][i])
    return (left, top, left + int(data["width"][i]), top + int(data["height"][i]))
