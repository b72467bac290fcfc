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


class ProfileError(ExtractionError):
    code = "bad_profile"
