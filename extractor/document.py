"""Open a PDF, refuse what cannot be read with a clear error, read each page once.

Pages are read one at a time and released after use, so memory follows the
largest page, not the length of the document.
"""

from __future__ import annotations

import hashlib
import re
import io
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from schemas.findings import FindingCode
from schemas.records import Finding, Provenance

from .errors import (
    CorruptPdfError,
    EmptyFileError,
    EncryptedPdfError,
    ExtractionError,
    NoTextLayerError,
    NotAPdfError,
)
from .layout import SURFACE, PageLayout, drawn_once, mark_superscripts, sideways_words, words_from_chars, words_to_lines
from .settings import DEFAULT_SETTINGS, Settings


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


def read_layout(page, number: int, settings: Settings = DEFAULT_SETTINGS) -> PageLayout:
    """Words and lines of one pdfplumber page."""
    chars = drawn_once(page.chars, settings.duplicate_glyph_shift)
    words = mark_superscripts(words_from_chars(chars))
    return PageLayout(
        number=number,
        width=float(page.width),
        height=float(page.height),
        words=words,
        lines=words_to_lines(words),
        sideways=sideways_words(chars),
    )


@dataclass
class PageRead:
    """One page as read: its layout, the pdfplumber page when pdfminer read it (for
    the table engines), and what went wrong on the way."""

    layout: PageLayout
    page: object | None
    findings: list[Finding] = field(default_factory=list)


def iter_pages(pdf: pdfplumber.PDF, path: Path, settings: Settings = DEFAULT_SETTINGS) -> Iterator[PageRead]:
    """Yield each page read, releasing the page's parsed objects afterwards.

    A page pdfminer cannot interpret, or on which it finds no text, is read by PDFium
    when PDFium finds usable text on it; else it is kept without text and a finding
    names it. A page whose text layer is unusable (`text_layer_usable`) is kept
    without text. One page never costs the document.

    Raises:
        CorruptPdfError: not one page could be read by either engine.
    """
    fallback = PdfiumPages(pdf.stream.getvalue(), settings.pdfium_fallback)
    unread = 0
    try:
        for index, page in enumerate(pdf.pages):
            number = index + 1
            try:
                yield _read_page(page, number, fallback, settings)
            except _PageFailed as failed:
                unread += 1
                yield PageRead(_blank_layout(page, number), None, [failed.finding])
            finally:
                page.close()
    finally:
        fallback.close()
    if unread and unread == len(pdf.pages):
        raise CorruptPdfError(path, f"not one of the {unread} pages can be read")


class _PageFailed(Exception):
    def __init__(self, finding: Finding):
        self.finding = finding


def _read_page(page, number: int, fallback: "PdfiumPages", settings: Settings) -> PageRead:
    try:
        chars = page.chars
    except Exception as exc:  # pdfminer raises many unrelated types on a broken content stream
        cause = _describe(exc)
        layout = fallback.layout(number - 1, number, settings)
        if layout is not None:
            return PageRead(layout, None, [_page_finding(FindingCode.page_read_by_pdfium, number, f"pdfminer cannot interpret it ({cause}); its text was read by PDFium, its tables may be missing")])
        raise _PageFailed(_page_finding(FindingCode.page_unreadable, number, f"cannot be read ({cause}); skipped")) from None
    if any(not c["text"].isspace() for c in chars) and not text_layer_usable(chars, settings.garbled_text_share):
        # Not PDFium: where pdfminer finds no character map, PDFium returns the glyph
        # codes as letters, garbage that no test can tell from text. OCR reads such pages.
        finding = _page_finding(FindingCode.unusable_text_layer, number, "its text layer holds glyph ids, private-use or replacement characters, not text; the page is treated as having no text layer")
        return PageRead(_blank_layout(page, number), None, [finding])
    if not any(not c["text"].isspace() for c in chars):
        layout = fallback.layout(number - 1, number, settings)
        if layout is not None:
            return PageRead(layout, None, [_page_finding(FindingCode.page_read_by_pdfium, number, "pdfminer finds no text on it; its text was read by PDFium, its tables may be missing")])
    return PageRead(read_layout(page, number, settings), visible_graphics(page))


NESTED_FILLS_CHECKED = 400  # fills of one colour on a page; more (a chart's) are left as they are


def visible_graphics(page):
    """The page without the fills a reader cannot see: a rectangle filled and not
    stroked in white, or inside a larger one filled in its own colour (a cell's
    background under each line of its text), draws no rule, but pdfplumber takes its
    four sides for ruling lines and cuts a cell's text into rows of its own."""
    try:
        hidden = _hidden_fills(page.rects)
    except Exception:  # a page pdfminer cannot interpret raises where its objects are first read, as before
        return page.filter(lambda obj: not _blank_fill(obj))
    if not hidden:
        return page
    return page.filter(lambda obj: not (obj.get("object_type") == "rect" and _fill_key(obj) in hidden))


def _hidden_fills(rects: list[dict]) -> set[tuple]:
    by_colour: dict[str, list[dict]] = {}
    hidden: set[tuple] = set()
    for rect in rects:
        if not _plain_fill(rect):
            continue
        if _is_white(rect.get("non_stroking_color")):
            hidden.add(_fill_key(rect))
        else:
            by_colour.setdefault(repr(rect.get("non_stroking_color")), []).append(rect)
    for fills in by_colour.values():
        if len(fills) > NESTED_FILLS_CHECKED:
            continue
        for inner in fills:
            if any(outer is not inner and _contains(outer, inner) for outer in fills):
                hidden.add(_fill_key(inner))
        hidden |= {_fill_key(rect) for rect in _striped(fills)}
    return hidden


def _striped(fills: list[dict]) -> list[dict]:
    """Surfaces of one colour drawn as a stack of stripes, each beginning where the
    one above ends, at the same sides: one coloured block to a reader, whose inner
    edges no one sees (rules drawn in segments are thin and are kept)."""
    stacks: dict[tuple[float, float], list[dict]] = {}
    for rect in fills:
        if rect["x1"] - rect["x0"] >= SURFACE and rect["bottom"] - rect["top"] >= SURFACE:
            stacks.setdefault((round(rect["x0"]), round(rect["x1"])), []).append(rect)
    striped = []
    for stack in stacks.values():
        stack.sort(key=lambda r: r["top"])
        for above, below in zip(stack, stack[1:]):
            if abs(below["top"] - above["bottom"]) <= 0.5 and abs(below["x0"] - above["x0"]) <= 0.5 and abs(below["x1"] - above["x1"]) <= 0.5:
                striped += [above, below]
    return striped


def _plain_fill(obj: dict) -> bool:
    return obj.get("object_type") == "rect" and bool(obj.get("fill")) and not obj.get("stroke")


def _blank_fill(obj: dict) -> bool:
    return _plain_fill(obj) and _is_white(obj.get("non_stroking_color"))


def _fill_key(rect: dict) -> tuple:
    return (round(rect["x0"], 2), round(rect["top"], 2), round(rect["x1"], 2), round(rect["bottom"], 2), repr(rect.get("non_stroking_color")))


def _contains(outer: dict, inner: dict) -> bool:
    """`outer` covers `inner` and is larger."""
    covers = (outer["x0"] <= inner["x0"] + 0.5 and outer["x1"] >= inner["x1"] - 0.5
              and outer["top"] <= inner["top"] + 0.5 and outer["bottom"] >= inner["bottom"] - 0.5)
    larger = (outer["x1"] - outer["x0"]) * (outer["bottom"] - outer["top"]) > (inner["x1"] - inner["x0"]) * (inner["bottom"] - inner["top"]) + 1
    return covers and larger


def _is_white(colour) -> bool:
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not all(isinstance(v, (int, float)) for v in colour):
        return False  # a pattern or a named colour space: not known to be blank
    if len(colour) in (1, 3):  # grey, RGB
        return all(v >= 0.99 for v in colour)
    if len(colour) == 4:  # CMYK
        return all(v <= 0.01 for v in colour)
    return False


def _page_finding(code: FindingCode, number: int, cause: str) -> Finding:
    return Finding(code=code, severity="warning", message=f"page {number}: {cause}", provenance=Provenance(page=number))


def _blank_layout(page, number: int) -> PageLayout:
    try:
        width, height = float(page.width), float(page.height)
    except Exception:
        width, height = 595.0, 842.0  # A4, when even the page's box cannot be read
    return PageLayout(number=number, width=width, height=height, words=[], lines=[])


_GLYPH_ID = re.compile(r"\(cid:\d+\)")


def text_layer_usable(page_chars: Iterable[dict | str], max_garbled_share: float = DEFAULT_SETTINGS.garbled_text_share) -> bool:
    """Whether a page's characters are text a reader can use.

    `page_chars` are pdfplumber char dicts (or their texts). A layer is unusable when
    more than `max_garbled_share` of its visible characters are glyph ids pdfminer
    could not map (`(cid:N)`), private-use or replacement characters: such a page
    must be treated as having no text layer (OCR may read it), never emitted as text.
    A page without any visible character is not "usable" either.
    """
    visible = garbled = 0
    for char in page_chars:
        text = char if isinstance(char, str) else char.get("text", "")
        if not text or text.isspace():
            continue
        visible += 1
        if len(text) == 1 and " " < text < "\x7f":
            continue  # plain ASCII, the common case, decided without a lookup
        if _GLYPH_ID.fullmatch(text) or all(_garbled_char(c) for c in text):
            garbled += 1
    return visible > 0 and garbled <= max_garbled_share * visible


def _garbled_char(char: str) -> bool:
    return char == "\ufffd" or unicodedata.category(char) in ("Co", "Cn", "Cc")


class PdfiumPages:
    """Pages read by PDFium (pypdfium2), opened only when a page needs it."""

    def __init__(self, data: bytes, enabled: bool = True):
        self.data = data
        self.enabled = bool(enabled)
        self._document = None

    def layout(self, index: int, number: int, settings: Settings = DEFAULT_SETTINGS) -> PageLayout | None:
        """The page's layout from PDFium's characters, or None when PDFium finds no
        usable text on it (or cannot open the file)."""
        if not self.enabled:
            return None
        try:
            document = self._open()
            if index >= len(document):
                return None
            page = document[index]
            try:
                chars = pdfium_chars(page)
                width, height = page.get_size()
            finally:
                page.close()
        except Exception:  # PDFium's errors on a damaged file: the page stays unread
            return None
        if not text_layer_usable(chars, settings.garbled_text_share):
            return None
        words = mark_superscripts(words_from_chars(drawn_once(chars, settings.duplicate_glyph_shift)))
        return PageLayout(number=number, width=float(width), height=float(height), words=words, lines=words_to_lines(words))

    def count(self) -> int:
        try:
            return len(self._open())
        except Exception:
            return 0

    def _open(self):
        if self._document is None:
            import pypdfium2

            self._document = pypdfium2.PdfDocument(self.data)
        return self._document

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None


def pdfium_chars(page) -> list[dict]:
    """PDFium's characters of a page as pdfplumber-like dicts (text, box from the top,
    size, font name), which `words_from_chars` groups like pdfplumber's."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        height = page.get_height()
        name = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        chars = []
        for i in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
            text = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "\ufffd"  # a lone surrogate cannot be written
            if text in "\r\n" or pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
                text = " "  # PDFium's own spaces and line breaks between words
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i) or (top - bottom)
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, name, len(name), ctypes.byref(flags))
            weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, i)
            fontname = name.value.decode("latin-1", "replace") + (",Bold" if weight >= 600 else "")
            chars.append({"text": text, "x0": left, "x1": right, "top": height - top, "bottom": height - bottom,
                          "size": float(size), "fontname": fontname, "upright": True})
        return chars
    finally:
        textpage.close()


@dataclass
class OpenDocument:
    """A PDF open for reading, page by page."""

    info: DocumentInfo
    pages: Iterator[PageRead]
    repaired: bool  # the cross-reference table had to be rebuilt
    pdfminer_failure: str | None = None  # why pdfminer read nothing, when PDFium read it alone


@contextmanager
def open_document(source: SourceFile, password: str | None = None, settings: Settings = DEFAULT_SETTINGS) -> Iterator[OpenDocument]:
    """Open the PDF for `iter_pages`; when pdfminer cannot parse it even after repair,
    PDFium reads what it can (text without tables).

    Raises:
        EncryptedPdfError, CorruptPdfError: as `open_pdf`, when PDFium reads nothing either.
    """
    try:
        pdf, repaired = open_pdf(source, password)
    except CorruptPdfError as error:
        salvage = PdfiumPages(source.data, settings.pdfium_fallback)
        try:
            count = salvage.count()
            if not count:
                raise
            pages = _pdfium_only(salvage, count, source.path, error, settings)
            yield OpenDocument(DocumentInfo(pages=count, producer=None), pages, True, error.cause)
        finally:
            salvage.close()
        return
    with pdf:
        yield OpenDocument(document_info(pdf), iter_pages(pdf, source.path, settings), repaired)


def _pdfium_only(salvage: "PdfiumPages", count: int, path: Path, error: CorruptPdfError, settings: Settings) -> Iterator[PageRead]:
    read = 0
    for index in range(count):
        layout = salvage.layout(index, index + 1, settings)
        if layout is None:
            finding = _page_finding(FindingCode.page_unreadable, index + 1, "PDFium finds no usable text on it; skipped")
            yield PageRead(PageLayout(number=index + 1, width=595.0, height=842.0, words=[]), None, [finding])
        else:
            read += 1
            yield PageRead(layout, None)
    if not read:
        raise error


def repair_findings(source: SourceFile, document: OpenDocument, page_findings: list[Finding]) -> list[Finding]:
    """What a rebuilt cross-reference table means for the report: `xref_rebuilt`
    (info) when every page was read and the file is whole, `truncated_or_corrupt`
    (warning) when content was lost or may have been."""
    if not document.repaired:
        return []
    lost = []
    if document.pdfminer_failure:
        lost.append(f"pdfminer cannot parse it even after repair ({document.pdfminer_failure}); pages were read by PDFium, without tables")
    if not _ends_whole(source.data):
        lost.append("the file ends before its end-of-file marker (truncated)")
    unread = [f.provenance.page for f in page_findings if f.code == FindingCode.page_unreadable and f.provenance]
    if unread:
        lost.append(f"{len(unread)} page(s) could not be read")
    if lost:
        return [Finding(code=FindingCode.truncated_or_corrupt, severity="warning",
                        message="the PDF is damaged and content was lost: " + "; ".join(lost))]
    return [Finding(code=FindingCode.xref_rebuilt, severity="info",
                    message="the cross-reference table was wrong and was rebuilt; every page was read")]


def _ends_whole(data: bytes) -> bool:
    return b"%%EOF" in data[-1024:]


def require_text(path: Path, layouts: list[PageLayout], damaged: bool = False) -> None:
    """Refuse a document whose pages carry no text at all: a scan, or, when content
    was lost (`damaged`), a file damaged beyond reading."""
    if layouts and not any(layout.words for layout in layouts) and damaged:
        raise CorruptPdfError(path, f"the PDF is damaged: none of its {len(layouts)} pages has readable text, even after repair")
    if layouts and not any(layout.words for layout in layouts):
        raise NoTextLayerError(path, "the PDF has no text layer and OCR read no text from its images (or OCR is off: --ocr never)")
