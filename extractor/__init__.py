"""mission-extract: archived mission-report PDFs to validated, linked records.

    from extractor import extract_report
    report = extract_report("report.pdf")      # a schemas.records.MissionReport

The pipeline (and spaCy with it) is imported on first use, so that tools that only
coordinate work, like the bulk runner's parent process, start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["ExtractOptions", "ExtractionError", "extract_report", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .errors import ExtractionError
    from .pipeline import ExtractOptions, extract_report


def __getattr__(name: str):
    if name in ("ExtractOptions", "extract_report"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "ExtractionError":
        from .errors import ExtractionError

        return ExtractionError
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
