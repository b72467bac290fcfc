"""A ruled table whose header row and first body row have no rule between them."""

import pdfplumber

from extractor.document import read_layout
from extractor.settings import Settings
from extractor.tables.plumber import PlumberLinesEngine

from .synthetic import write_pdf

XS = [72, 250, 450]


def _cell_box(ops: list[bytes], y: int, height: int) -> None:
    for x0, x1 in zip(XS, XS[1:]):
        ops.append(b"0.5 w %d %d %d %d re S" % (x0, y, x1 - x0, height))


def _text(ops: list[bytes], x: int, y: int, text: str, font: bytes = b"/F1") -> None:
    ops.append(b"BT %s 9 Tf %d %d Td (%s) Tj ET" % (font, x + 3, y, text.encode()))


def header_over_its_first_row(path) -> None:
    """One ruled box holds the bold header and, under it, the first row in plain type
    (wrapped over two lines in the second column); two ruled rows follow."""
    ops: list[bytes] = []
    _cell_box(ops, 680, 50)
    _text(ops, XS[0], 718, "EU cluster", b"/F2")
    _text(ops, XS[1], 718, "Companies that gained", b"/F2")
    _text(ops, XS[1], 698, "- Aarhus Analytics ApS")
    _text(ops, XS[1], 686, "- Savo Bioproducts Kft.")
    for i, (cluster, firm) in enumerate([("Alpha Cluster", "- Delta Foods Oy"), ("Beta Cluster", "- Zeta Marine BV")]):
        y = 660 - 20 * i
        _cell_box(ops, y, 20)
        _text(ops, XS[0], y + 6, cluster)
        _text(ops, XS[1], y + 6, firm)
    write_pdf(path, [ops])


def _grid(path, settings: Settings) -> list[list[str | None]]:
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        [table] = PlumberLinesEngine(settings).find(page, read_layout(page, 1))
    return [[cell.text if cell else None for cell in row] for row in table.grid]


def test_plumber_bold_header_over_plain_lines_in_one_ruled_row_is_parted(tmp_path):
    """A producer left out the rule under the header (or drew the rest of a row split at
    the page break inside the repeated header's box, dev pool D seed 6 report 10): every
    filled cell of the first ruled row sets bold lines over plain ones, the bold above all
    the plain, so the header ends where the type changes."""
    path = tmp_path / "header.pdf"
    header_over_its_first_row(path)
    assert _grid(path, Settings()) == [
        ["EU cluster", "Companies that gained"],
        [None, "- Aarhus Analytics ApS - Savo Bioproducts Kft."],
        ["Alpha Cluster", "- Delta Foods Oy"],
        ["Beta Cluster", "- Zeta Marine BV"],
    ]
    assert len(_grid(path, Settings(header_type_break=False))) == 3
