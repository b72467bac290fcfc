"""The few errors the pipeline raises; each names the file, a stable code and the cause.

The CLI prints `str(error)` as one line and exits non-zero; bulk runs record `code`
in the manifest. Codes are part of the tool's interface: do not rename them.
"""

from __future__ import annotations

from pathlib import Path


class ExtractionError(Exception):
    """A report could not be extracted. `code` is stable, `cause` is for people."""

    code = "extraction_failed"

    def __init__(self, path: str | Path, cause: str):
        self.path = Path(path)
        self.cause = cause
        super().__init__(f"{self.path.name}: {self.code}: {cause}")


class EmptyFileError(ExtractionError):
    code = "empty_file"


class NotAPdfError(ExtractionError):
    code = "not_a_pdf"


class CorruptPdfError(ExtractionError):
    code = "truncated_or_corrupt"


class EncryptedPdfError(ExtractionError):
    code = "encrypted"


class NoTextLayerError(ExtractionError):
    code = "no_text_layer"


class OcrUnavailableError(ExtractionError):
    """A page needs OCR and the OCR engine (or one of its language models) is missing."""

    code = "ocr_unavailable"


class ProfileError(ExtractionError):
    """A report-family profile that cannot be used: "profile F.yaml line N: cause"."""

    code = "bad_profile"

    def __init__(self, path: str | Path, cause: str, line: int | None = None):
        super().__init__(path, cause)
        self.line = line
        where = f" line {line}" if line else ""
        self.args = (f"profile {self.path.name}{where}: {' '.join(cause.split())}",)
