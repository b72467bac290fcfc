"""A ruled table whose last row is split by the page end: the column rules run on below
the last horizontal rule (drawn through, one stroke each), with no bottom border."""

import pdfplumber
import pytest

from extractor.document import read_layout
from extractor.tables.plumber import PlumberLinesEngine

from .synthetic import write_pdf

XS = (72, 200, 330, 460)
ROWS = [("Cluster", "Partner", "Next steps"), ("Alpha Cluster", "Omega Ltd", "Pilot project"),
        ("Beta Cluster", "Sigma SA", "Study visit"), ("Gamma Cluster", "Delta Inc (Japanese", "Licence agreement")]


def cell_texts(top: int, pitch: int) -> list[bytes]:
    """Drawing operators for the rows' cell texts, the first row's top at `top`."""
    ops = []
    for i, row in enumerate(ROWS):
        y = top - i * pitch - 15
        for x, cell in zip(XS, row):
            literal = cell.replace("(", "\\(").replace(")", "\\)").encode()
            ops.append(b"BT /F1 9 Tf %d %d Td (%s) Tj ET" % (x + 3, y, literal))
    return ops


def open_bottom_page(path, close_it: bool) -> None:
    top, pitch = 700, 24
    ops = cell_texts(top, pitch)
    bottom = top - len(ROWS) * pitch
    rules = len(ROWS) if not close_it else len(ROWS) + 1  # the split row has no bottom border
    for i in range(rules):
        ops.append(b"0.5 w %d %d m %d %d l S" % (XS[0], top - i * pitch, XS[-1], top - i * pitch))
    for x in XS:  # column rules drawn through to the split row's foot
        ops.append(b"0.5 w %d %d m %d %d l S" % (x, top, x, bottom))
    write_pdf(path, [ops])


def rows_found(path) -> list[list[str | None]]:
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        [table] = PlumberLinesEngine().find(page, read_layout(page, 1))
        return [[c.text if c else None for c in row] for row in table.grid]


def _open_and_closed_read_alike(tmp_path, draw) -> None:
    open_path, closed_path = tmp_path / "open.pdf", tmp_path / "closed.pdf"
    draw(open_path, close_it=False)
    draw(closed_path, close_it=True)
    expected = [list(row) for row in ROWS]
    assert rows_found(closed_path) == expected
    assert rows_found(open_path) == expected


def test_plumber_row_split_by_the_page_end_is_closed_where_the_column_rules_stop(tmp_path):
    _open_and_closed_read_alike(tmp_path, open_bottom_page)


def open_top_page(path, close_it: bool) -> None:
    """The rest of a split row heads the page, with no top border: its column rules
    run up above the first horizontal rule."""
    top, pitch = 780, 24
    ops = cell_texts(top, pitch)
    bottom = top - len(ROWS) * pitch
    for i in range(0 if close_it else 1, len(ROWS) + 1):
        ops.append(b"0.5 w %d %d m %d %d l S" % (XS[0], top - i * pitch, XS[-1], top - i * pitch))
    for x in XS:
        ops.append(b"0.5 w %d %d m %d %d l S" % (x, top, x, bottom))
    write_pdf(path, [ops])


def test_plumber_rest_of_a_split_row_at_the_page_head_is_closed_where_the_column_rules_start(tmp_path):
    _open_and_closed_read_alike(tmp_path, open_top_page)


def test_plumber_marks_a_table_that_opens_with_the_rest_of_a_split_row(tmp_path):
    for close_it in (False, True):
        path = tmp_path / f"top_{close_it}.pdf"
        open_top_page(path, close_it=close_it)
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]
            [table] = PlumberLinesEngine().find(page, read_layout(page, 1))
        assert table.opens_with_split_row is (not close_it)


def overshooting_rules_page(path, overshoot: int = 4) -> None:
    """A closed grid at the page head whose column rules start a few points above its
    top rule (as some producers draw them, from the cell padding): nothing is open."""
    top, pitch = 780, 24
    ops = cell_texts(top, pitch)
    bottom = top - len(ROWS) * pitch
    for i in range(len(ROWS) + 1):
        ops.append(b"0.5 w %d %d m %d %d l S" % (XS[0], top - i * pitch, XS[-1], top - i * pitch))
    for x in XS:
        ops.append(b"0.5 w %d %d m %d %d l S" % (x, top + overshoot, x, bottom))
    write_pdf(path, [ops])


def test_plumber_column_rules_drawn_a_little_past_the_top_rule_open_no_split_row(tmp_path):
    path = tmp_path / "overshoot.pdf"
    overshooting_rules_page(path)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        [table] = PlumberLinesEngine().find(page, read_layout(page, 1))
    assert table.opens_with_split_row is False
    assert [[c.text if c else None for c in row] for row in table.grid] == [list(row) for row in ROWS]
