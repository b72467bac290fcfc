"""Open a PDF, refuse what cannot be read with a clear error, read each page once.

Pages are read one at a time and released after use, so memory follows the
largest page, not the length of the document.
"""

from __future__ import annotations

import hashlib
import re
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from .errors import (
    CorruptPdfError,
    EmptyFileError,
    EncryptedPdfError,
    ExtractionError,
    NoTextLayerError,
    NotAPdfError,
)
from .layout import PageLayout, mark_superscripts, words_from_chars, words_to_lines


@dataclass(frozen=True)
class SourceFile:
    path: Path
    data: bytes
    sha256: str


@dataclass(frozen=True)
class DocumentInfo:
    pages: int
    producer: str | None


def load_source(path: str | Path) -> SourceFile:
    """Read the file and check that it is a non-empty PDF.

    Raises:
        ExtractionError: `empty_file`, `not_a_pdf`, or the file cannot be read.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractionError(path, "file not found") from None
    except IsADirectoryError:
        raise ExtractionError(path, "is a directory, not a PDF file") from None
    except OSError as exc:
        raise ExtractionError(path, f"cannot read file ({exc.strerror})") from None
    if not data:
        raise EmptyFileError(path, "the file is empty (0 bytes)")
    if b"%PDF-" not in data[:1024]:
        kind = "an HTML page" if data.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")) else "other data"
        raise NotAPdfError(path, f"the file is not a PDF (no %PDF header; it holds {kind})")
    return SourceFile(path=path, data=data, sha256=hashlib.sha256(data).hexdigest())


def open_pdf(source: SourceFile, password: str | None = None) -> tuple[pdfplumber.PDF, bool]:
    """Open the PDF with pdfplumber; repair it with pikepdf when pdfminer cannot.

    Returns the open PDF and whether it had to be repaired.

    Raises:
        EncryptedPdfError: encrypted and no (or a wrong) password was given.
        CorruptPdfError: unreadable even after a repair attempt.
    """
    if xref_damaged(source.data):
        return _open_repaired(source, password, "the cross-reference table points to the wrong places"), True
    try:
        pdf = pdfplumber.open(io.BytesIO(source.data), password=password or "")
        _ = pdf.pages  # forces the page tree to be read
        return pdf, False
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise _encrypted(source, password) from None
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        if _is_password_error(exc):
            raise _encrypted(source, password) from None
        first_error = _describe(exc)
    return _open_repaired(source, password, first_error), True


def _open_repaired(source: SourceFile, password: str | None, why: str) -> pdfplumber.PDF:
    repaired = repair(source, password)
    try:
        pdf = pdfplumber.open(io.BytesIO(repaired), password=password or "")
        _ = pdf.pages
        return pdf
    except Exception:
        raise CorruptPdfError(source.path, f"cannot parse the PDF, even after repair ({why})") from None


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF", re.S)
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) n")
_OBJECT_AT = re.compile(rb"\s*\d+\s+\d+\s+obj\b")


def xref_damaged(data: bytes, sample: int = 64) -> bool:
    """Whether the last cross-reference section points where no object starts.

    pdfminer quietly falls back to scanning such a file, so the damage would go
    unnoticed; here it is seen, the file repaired, and the result marked partial.
    """
    found = list(_STARTXREF.finditer(data[-4096:]))
    if not found:
        return False  # no trailer at all: the parsers decide
    offset = int(found[-1].group(1))
    if offset >= len(data):
        return True
    at = data[offset : offset + 32]
    if at.startswith(b"xref"):
        section = data[offset : data.find(b"trailer", offset)]
        for entry in list(_XREF_ENTRY.finditer(section))[:sample]:
            if not _OBJECT_AT.match(data, int(entry.group(1))):
                return True
        return False
    return not _OBJECT_AT.match(at)


def repair(source: SourceFile, password: str | None = None) -> bytes:
    """Rewrite the PDF with pikepdf (qpdf rebuilds the cross-reference table)."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(source.data), password=password or "") as pdf:
            out = io.BytesIO()
            pdf.save(out)
            return out.getvalue()
    except pikepdf.PasswordError:
        raise _encrypted(source, password) from None
    except Exception as exc:
        raise CorruptPdfError(source.path, f"the PDF is damaged and could not be repaired ({_describe(exc)})") from None


def _encrypted(source: SourceFile, password: str | None) -> EncryptedPdfError:
    if password:
        return EncryptedPdfError(source.path, "the password given does not open this encrypted PDF")
    return EncryptedPdfError(source.path, "the PDF is encrypted; give its password with --password")


def _is_password_error(exc: Exception) -> bool:
    name = type(exc).__name__.lower()
    return "password" in name or "encrypt" in name


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = re.sub(r"(stream )?<[^<>]* at 0x[0-9a-f]+>:?\s*", "", text)
    return f"{type(exc).__name__}: {text}"[:160] if text else type(exc).__name__


def document_info(pdf: pdfplumber.PDF) -> DocumentInfo:
    producer = pdf.metadata.get("Producer") if pdf.metadata else None
    if isinstance(producer, bytes):
        producer = producer.decode("latin-1", "replace")
    return DocumentInfo(pages=len(pdf.pages), producer=str(producer) if producer else None)


def read_layout(page, number: int) -> PageLayout:
    """Words and lines of one pdfplumber page."""
    words = mark_superscripts(words_from_chars(page.chars))
    return PageLayout(
        number=number,
        width=float(page.width),
        height=float(page.height),
        words=words,
        lines=words_to_lines(words),
    )


def iter_pages(pdf: pdfplumber.PDF, path: Path) -> Iterator[tuple[object, PageLayout]]:
    """Yield each page with its layout, releasing the page's parsed objects afterwards."""
    for index, page in enumerate(pdf.pages):
        try:
            yield page, read_layout(page, index + 1)
        except (PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
            raise CorruptPdfError(path, f"page {index + 1} cannot be read ({_describe(exc)})") from None
        finally:
            page.close()


def require_text(path: Path, layouts: list[PageLayout]) -> None:
    """Refuse a document whose pages carry no text at all (a scan)."""
    if layouts and not any(layout.words for layout in layouts):
        raise NoTextLayerError(path, "the PDF has no text layer and OCR read no text from its images (or OCR is off: --ocr never)")
