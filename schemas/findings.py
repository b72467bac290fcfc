"""The closed list of finding codes: downstream systems may switch on `Finding.code`.

Adding a code is one line here (and its line in README.md, which a test checks).
Codes are never renamed or reused for another meaning.
"""

from __future__ import annotations

from enum import StrEnum


class FindingCode(StrEnum):
    # Names (entities/)
    ambiguous_match = "ambiguous_match"
    unresolved_name = "unresolved_name"
    # Tables and rows (assemble.py)
    unmapped_column = "unmapped_column"
    unclassified_table = "unclassified_table"
    low_confidence = "low_confidence"
    unknown_country = "unknown_country"
    unparsed_answer = "unparsed_answer"
    not_a_count = "not_a_count"
    unknown_cooperation_type = "unknown_cooperation_type"
    # Stated figures against the tables (checks.py)
    sum_check = "sum_check"
    # The document as a whole (pipeline.py)
    not_a_mission_report = "not_a_mission_report"
    # Reading the PDF (document.py)
    xref_rebuilt = "xref_rebuilt"
    truncated_or_corrupt = "truncated_or_corrupt"
    page_unreadable = "page_unreadable"
    page_read_by_pdfium = "page_read_by_pdfium"
    unusable_text_layer = "unusable_text_layer"
    # OCR (ocr/)
    page_read_by_ocr = "page_read_by_ocr"


#: Codes whose finding means content of the PDF may be missing from the report: the
#: report is `partial`. The first one found is also the manifest's `error_code`.
PARTIAL_CODES: tuple[FindingCode, ...] = (
    FindingCode.truncated_or_corrupt,
    FindingCode.page_unreadable,
    FindingCode.page_read_by_pdfium,
    FindingCode.unusable_text_layer,
    FindingCode.not_a_mission_report,
)
