"""Tables with horizontal rules only or no rules, captioned underneath, read end to end."""

import re

from extractor import ExtractOptions, extract_report
from extractor.layout import PageLayout, Word, words_to_lines
from extractor.tables.base import RawTable
from extractor.tables.choose import unserved_captions

from .synthetic import write_pdf

ROWS = [
    ("#", "Cluster", "Field(s) of activity", "Country"),
    ("1", "Alpha Water Cluster", "Water treatment", "Spain"),
    ("2", "Beta Wood Cluster", "Wood, biomass", "Romania"),
    ("3", "Gamma Food Cluster", "Packaging", "France"),
]
XS = [72, 110, 260, 420]


def rules_report(path) -> None:
    """A paragraph, then a table ruled above and under its header and at its foot
    (no column rules), its caption underneath, then more text."""
    ops = [b"BT /F1 10 Tf 72 760 Td (The delegation brought together clusters from across the Union.) Tj ET"]
    y = 730
    ops.append(b"0.8 w 70 %d m 500 %d l S" % (y + 12, y + 12))
    for i, row in enumerate(ROWS):
        for x, cell in zip(XS, row):
            font = b"/F2" if i == 0 else b"/F1"
            ops.append(b"BT %s 9 Tf %d %d Td (%s) Tj ET" % (font, x, y, cell.encode()))
        if i == 0:
            ops.append(b"0.5 w 70 %d m 500 %d l S" % (y - 4, y - 4))
        y -= 16
    ops.append(b"0.8 w 70 %d m 500 %d l S" % (y + 11, y + 11))
    ops.append(b"BT /F2 9.5 Tf 72 %d Td (Table 1 - EU cluster delegation) Tj ET" % (y - 2))
    ops.append(b"BT /F1 10 Tf 72 %d Td (Seven of the three clusters answered.) Tj ET" % (y - 40))
    write_pdf(path, [ops])


def test_choose_table_with_horizontal_rules_only_and_its_caption_underneath(tmp_path):
    path = tmp_path / "rules.pdf"
    rules_report(path)
    report = extract_report(path, ExtractOptions(no_camelot=True))
    assert [(m.index, m.cluster.name, m.country) for m in report.delegation] == [
        (1, "Alpha Water Cluster", "ES"), (2, "Beta Wood Cluster", "RO"), (3, "Gamma Food Cluster", "FR")
    ]
    assert {m.provenance.engine for m in report.delegation} == {"text-alignment"}
    assert report.tables[0].label == "Table 1 - EU cluster delegation"


def test_choose_caption_under_a_table_is_served_and_costs_no_camelot_call():
    """A caption right under a table (captions underneath) is that table's: no
    fallback engine is paid for the text below it."""
    words = []
    for text, x, top, size in [("Table 1 - EU cluster delegation", 60, 300, 9.5), ("Narrative text follows.", 60, 340, 10)]:
        for token in text.split():
            words.append(Word(token, x, top, x + 0.5 * size * len(token), top + size, size, False))
            x += 0.5 * size * len(token) + 3
    layout = PageLayout(number=2, width=595, height=842, words=words, lines=words_to_lines(words))
    table = RawTable(page=2, bbox=(60, 200, 500, 296), engine="text-alignment", grid=(), column_edges=(60, 500), row_edges=(200, 296), confidence=0.9)
    pattern = re.compile(r"^Table\s+\d+")
    assert unserved_captions(layout, pattern, [table]) == []
    assert len(unserved_captions(layout, pattern, [])) == 1


def _multi_line_table(row_space: float, figures: bool = False):
    """A header and four body rows of three-line cells (lines 1 pt apart), the rows
    `row_space` points apart, as a word-alignment engine would read them."""
    from extractor.layout import PageLayout, Word, words_to_lines
    from extractor.tables.base import Cell, RawTable

    words, grid, top = [], [], 100.0
    for r in range(5):
        lines = 1 if r == 0 else 3
        row = []
        for c in range(3):
            x0 = 50.0 + 120 * c
            texts = [f"{r}{c}.{k}" if figures and r else f"text{r}{c}{k}" for k in range(lines)]
            for k, text in enumerate(texts):
                y = top + 11.0 * k
                words.append(Word(text, x0, y, x0 + 105, y + 10, 10.0, False))  # a full line: the next word wraps
            row.append(Cell(text=" ".join(texts), lines=tuple(texts),
                            bold=False, bbox=(x0 - 2, top - 1, x0 + 110, top + 11.0 * lines)))
        grid.append(tuple(row))
        top += 11.0 * lines - 1 + row_space
    layout = PageLayout(number=1, width=595, height=842, words=words, lines=words_to_lines(words))
    table = RawTable(page=1, bbox=(48, 99, 160 + 240, top), engine="text-alignment", grid=tuple(grid),
                     column_edges=(48, 168, 288, 408), row_edges=(), confidence=0.9)
    return table, layout


def test_rows_spaced_wider_than_cell_lines_are_kept_apart_however_many_lines_their_cells_hold():
    from extractor.settings import Settings
    from extractor.tables.choose import rows_kept_apart, rows_spaced_apart

    spaced, layout = _multi_line_table(row_space=6.0)
    assert rows_spaced_apart(spaced, layout)
    assert rows_kept_apart(spaced, layout, Settings())  # 2.6 lines per cell on average
    even, layout = _multi_line_table(row_space=1.0)
    assert not rows_spaced_apart(even, layout)
    assert not rows_kept_apart(even, layout, Settings())
    # blocks of rows of figures, each block read as one row (ICDAR us-002): run together
    stacked, layout = _multi_line_table(row_space=6.0, figures=True)
    assert rows_spaced_apart(stacked, layout) and not rows_kept_apart(stacked, layout, Settings())


def test_the_rest_of_a_word_alignment_table_on_the_next_page_is_kept_though_too_short_to_judge(tmp_path):
    """A development report (pool C, seed 21, report 26): Exhibit 2, unruled, ends on
    page 2 and its last two rows, under the header printed again, open page 3. Two rows of
    wrapped cells are too few to show that the rows are kept apart, and camelot's stream
    table cut them line by line; the part on page 2 showed it, so the rest is kept."""
    from fixtures.unseen.generate import generate_report

    pdf, _ = generate_report("C", 21, 26, tmp_path)
    report = extract_report(pdf)
    [exhibit] = [t for t in report.tables if t.kind == "cooperation_objectives"]
    assert exhibit.pages == [2, 3] and exhibit.engine == "text-alignment"
    assert [r.partner.raw for r in report.cooperation_objectives][-2:] == ["Saigon Electronics JSC", "Korean Maritime Industry Alliance"]
