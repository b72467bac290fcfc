import re

from extractor.layout import PageLayout, Word, words_to_lines
from extractor.tables.text import TextAlignmentEngine

CAPTION = re.compile(r"^(Table|Annex)\s+\d+", re.I)


def words_of(text, x, top, size=9.0, bold=False):
    out = []
    for token in text.split():
        width = 0.5 * size * len(token)
        out.append(Word(token, x, top, x + width, top + size, size, bold))
        x += width + 0.3 * size
    return out


def layout_with(rows, caption="Table 3 - Involvement of the SMEs", columns=(60, 260, 400)):
    words = words_of(caption, 60, 100, size=9.5, bold=True)
    top = 120
    for i, row in enumerate(rows):
        for x, cell in zip(columns, row):
            if cell:
                words += words_of(cell, x, top, bold=i == 0)
        top += 15
    words += words_of("Observations", 60, top + 30, size=11, bold=True)
    return PageLayout(number=7, width=595, height=842, words=words, lines=words_to_lines(words))


def test_text_tables_columns_from_alignment_with_blank_cells():
    rows = [
        ["Clusters", "Specific SMEs agenda?", "SMEs involved"],
        ["Alpha Cluster", "Yes", "4"],
        ["Beta Cluster", "No", None],
        ["Gamma Cluster", "N/A", None],
    ]
    [table] = TextAlignmentEngine(CAPTION).find(None, layout_with(rows))
    texts = [[c.text if c else None for c in row] for row in table.grid]
    assert texts == rows
    assert table.engine == "text-alignment" and table.page == 7
    assert 0.5 < table.confidence <= 1


def test_text_tables_not_looked_for_under_a_ruled_table_or_without_a_caption():
    rows = [["Clusters", "Answer", "Count"], ["Alpha Cluster", "Yes", "4"], ["Beta Cluster", "No", "2"]]
    assert TextAlignmentEngine(re.compile(r"^Figure\s+\d+")).find(None, layout_with(rows)) == []


def test_text_tables_rows_from_wider_gaps_when_cells_wrap():
    """No rules between rows and names wrapped over two or three lines: the lines of
    one cell sit closer together than the rows do, so the gaps say where rows end."""
    words = words_of("Annex 2 - Formal agreements", 60, 100, size=9.5, bold=True)
    lines_of_rows = [
        [("Cluster", "Signed?")],
        [("Alpha Energy", "Yes"), ("Cluster of", None), ("Galicia", None)],
        [("Beta Water", "No"), ("Network", None)],
        [("Gamma Cluster", "No")],
    ]
    top = 120.0
    for i, row in enumerate(lines_of_rows):
        for left, right in row:
            words += words_of(left, 60, top, bold=i == 0)
            if right:
                words += words_of(right, 260, top, bold=i == 0)
            top += 10.5  # the lines of one cell: 1.5 pt apart
        top += 6.0  # between rows: 7.5 pt apart
    layout = PageLayout(number=6, width=595, height=842, words=words, lines=words_to_lines(words))
    [table] = TextAlignmentEngine(CAPTION).find(None, layout)
    texts = [[c.text if c else None for c in row] for row in table.grid]
    assert texts == [
        ["Cluster", "Signed?"],
        ["Alpha Energy Cluster of Galicia", "Yes"],
        ["Beta Water Network", "No"],
        ["Gamma Cluster", "No"],
    ]
