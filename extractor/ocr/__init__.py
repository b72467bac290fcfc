"""OCR for pages without a usable text layer: one interface for engines, one registry.

An engine is registered under its name in `OCR_ENGINES`; `Settings.ocr_engine` picks it.
"""

from __future__ import annotations

from typing import Callable

from ..settings import Settings
from .base import OcrEngine, OcrWord
from .page import PageOcr, mark_provenance, needs_ocr, ocr_findings, settle_ocr_report, weigh_by_ocr
from .tesseract import TesseractEngine

#: name -> factory building the engine from the settings
OCR_ENGINES: dict[str, Callable[[Settings], OcrEngine]] = {
    "tesseract": lambda settings: TesseractEngine(settings.ocr_command, settings.ocr_languages),
}


def ocr_engine(settings: Settings) -> OcrEngine:
    try:
        return OCR_ENGINES[settings.ocr_engine](settings)
    except KeyError:
        raise ValueError(f"unknown OCR engine {settings.ocr_engine!r}; known: {', '.join(sorted(OCR_ENGINES))}") from None


__all__ = ["OCR_ENGINES", "OcrEngine", "OcrWord", "PageOcr", "mark_provenance", "needs_ocr", "ocr_engine", "ocr_findings", "settle_ocr_report", "weigh_by_ocr"]
