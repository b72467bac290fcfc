"""Inputs of every bad kind a bulk run must survive, made in the test from the fixture."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pikepdf
import pypdfium2

from .conftest import PDFS

FIXTURE = PDFS / "eu_mexico_2016.pdf"


def variant(data: bytes, n: int) -> bytes:
    """The same PDF with a different sha256 (a comment after %%EOF)."""
    return data + f"\n% copy {n}\n".encode()


def truncated(data: bytes, share: float = 0.4) -> bytes:
    return data[: int(len(data) * share)]


def broken_xref(data: bytes) -> bytes:
    """Every cross-reference offset shifted: readers must rebuild the table."""
    def shift(match: re.Match) -> bytes:
        return b"%010d" % (int(match.group(1)) + 7) + match.group(2)

    head, sep, tail = data.rpartition(b"\nxref\n")
    tail = re.sub(rb"(\d{10})( \d{5} n)", shift, tail)
    return head + sep + tail


def encrypted(data: bytes, password: str) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner=password, user=password, R=6))
    return out.getvalue()


def image_only(data: bytes, pages: int = 2, scale: float = 0.5) -> bytes:
    """A 'scan': each page rendered to a grey image, with no text layer."""
    source = pypdfium2.PdfDocument(data)
    out = pikepdf.new()
    for index in range(min(pages, len(source))):
        bitmap = source[index].render(scale=scale, grayscale=True)
        width, height = bitmap.width, bitmap.height
        raw = bytes(bitmap.buffer)
        stride = bitmap.stride
        pixels = b"".join(raw[row * stride : row * stride + width] for row in range(height))
        image = pikepdf.Stream(out, pixels)
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width, image.Height = width, height
        image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceGray, 8
        page = out.add_blank_page(page_size=(595, 842))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.Contents = out.make_stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def unrelated_with_table() -> bytes:
    """A valid PDF of another kind: a ruled price list, no mission report."""
    pdf = pikepdf.new()
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    rows = [("Item", "Price", "Stock"), ("Bolts", "0.10", "500"), ("Nuts", "0.05", "800"), ("Washers", "0.02", "1200")]
    ops = [b"BT /F1 14 Tf 72 780 Td (Hardware price list, spring) Tj ET", b"0.8 w"]
    x = [72, 222, 372, 522]
    top = 740
    for i in range(len(rows) + 1):
        y = top - 24 * i
        ops.append(b"%d %d m %d %d l S" % (x[0], y, x[-1], y))
    for xi in x:
        ops.append(b"%d %d m %d %d l S" % (xi, top, xi, top - 24 * len(rows)))
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            ops.append(b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x[j] + 6, top - 24 * i - 16, cell.encode()))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(b"\n".join(ops))
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def make_bad_folder(folder: Path, password: str = "s3cret") -> dict[str, tuple[str, str | None]]:
    """Write every bad kind into `folder`; returns name -> (expected status, expected code)."""
    data = FIXTURE.read_bytes()
    files = {
        "good.pdf": (variant(data, 1), ("ok", None)),
        "empty.pdf": (b"", ("failed", "empty_file")),
        "page.pdf": (b"<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>\n", ("failed", "not_a_pdf")),
        "random.pdf": (os.urandom(64 * 1024).replace(b"%PDF", b"%PDX"), ("failed", "not_a_pdf")),
        "truncated.pdf": (truncated(data), ("failed", "truncated_or_corrupt")),
        "xref.pdf": (broken_xref(data), ("ok", None)),
        "locked.pdf": (encrypted(data, password), ("failed", "encrypted")),
        "scan.pdf": (image_only(data), ("failed", "no_text_layer")),
        "pricelist.pdf": (unrelated_with_table(), ("partial", "not_a_mission_report")),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, (content, _) in files.items():
        (folder / name).write_bytes(content)
    return {name: expected for name, (_, expected) in files.items()}


def broken_page(data: bytes, index: int = 1) -> bytes:
    """The PDF with one page's content stream ending in a construct pdfminer refuses
    ("Invalid dictionary construct") and PDFium skips: that page must not cost the file."""
    pdf = pikepdf.open(io.BytesIO(data))
    page = pdf.pages[index]
    contents = page.obj.Contents
    body = contents.read_bytes() if isinstance(contents, pikepdf.Stream) else b"\n".join(s.read_bytes() for s in contents)
    page.obj.Contents = pdf.make_stream(body + b"\n<< /A 1 /B >> pop\n")
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _glyph_id_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """A composite font with no character map (no ToUnicode, Identity ordering):
    pdfminer can only give its glyphs as `(cid:N)`."""
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2, BaseFont=pikepdf.Name("/GlyphOnly"),
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0),
        DW=500,
    )
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/GlyphOnly"),
        Encoding=pikepdf.Name("/Identity-H"), DescendantFonts=pikepdf.Array([pdf.make_indirect(descendant)]),
    ))


def glyph_id_pages(data: bytes, pages: tuple[int, ...] = (1,)) -> bytes:
    """The PDF with the given pages (0-based) replaced by pages of text set in a font
    without a character map: their text layer reads as `(cid:N)` glyph ids."""
    pdf = pikepdf.open(io.BytesIO(data))
    font = _glyph_id_font(pdf)
    lines = ["The delegation met twelve clusters of the region", "and signed three cooperation agreements in 2016"]
    for index in pages:
        ops = []
        for i, line in enumerate(lines * 10):
            glyphs = b"".join((3 + ord(c) % 90).to_bytes(2, "big") for c in line)
            ops.append(b"BT /F9 11 Tf 72 %d Td <%s> Tj ET" % (760 - 16 * i, glyphs.hex().encode()))
        page = pdf.pages[index].obj
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F9=font))
        page.Contents = pdf.make_stream(b"\n".join(ops))
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def bad_font_widths(data: bytes, code: int = 31) -> bytes:
    """A '>' for the decimal point of the first font's width of character `code` (its
    FirstChar is 0), as a flipped byte of the fuzz run had it: camelot's parser (playa)
    logs that font as invalid, with the whole traceback of the exception it caught."""
    array = re.search(rb"/Widths \[([^\]]*)\]", data)
    numbers = list(re.finditer(rb"\S+", array.group(1)))
    point = array.start(1) + numbers[code].start() + numbers[code].group(0).index(b".")
    return data[:point] + b">" + data[point + 1:]
