"""mission-extract: archived mission-report PDFs to validated, linked records.

    from extractor import extract_report
    report = extract_report("report.pdf")      # a schemas.records.MissionReport
"""

__version__ = "0.1.0"

from .errors import ExtractionError  # noqa: E402
from .pipeline import ExtractOptions, extract_report  # noqa: E402

__all__ = ["ExtractOptions", "ExtractionError", "extract_report", "__version__"]
