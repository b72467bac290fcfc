import re

import pdfplumber
import pytest

from extractor import ExtractOptions, extract_report
from extractor.document import read_layout
from extractor.layout import PageLayout, words_to_lines
from extractor.settings import Settings
from extractor.tables.choose import (
    ENGINES,
    PageTableReader,
    choose,
    is_prose,
    join_leader_columns,
    make_engine,
    rows_run_together,
    trim_prose_columns,
    trim_prose_rows,
)

from .conftest import PDFS
from .synthetic import raw_table, write_pdf

CAPTION = re.compile(r"^Table\s+\d+")

ROWS = [
    ("#", "Cluster", "Field(s) of activity", "Country"),
    ("1", "Alpha Water Cluster", "Water treatment", "Spain"),
    ("2", "Beta Wood Cluster", "Wood, biomass", "Romania"),
    ("3", "Gamma Food Cluster", "Packaging", "France"),
]


def borderless_report(path, gap: float) -> None:
    """A caption, `gap` points of space, then a table drawn without any rule."""
    ops = [b"BT /F2 10 Tf 72 760 Td (Table 1 - EU cluster delegation) Tj ET"]
    xs = [72, 110, 260, 420]
    y = 760 - 12 - gap
    for i, row in enumerate(ROWS):
        for x, cell in zip(xs, row):
            font = b"/F2" if i == 0 else b"/F1"
            ops.append(b"BT %s 9 Tf %d %d Td (%s) Tj ET" % (font, x, y, cell.encode()))
        y -= 16
    ops.append(b"BT /F1 10 Tf 72 %d Td (The delegation counted three clusters.) Tj ET" % (y - 40))
    write_pdf(path, [ops])


def test_choose_word_alignment_serves_a_borderless_table_under_its_caption(tmp_path):
    path = tmp_path / "near.pdf"
    borderless_report(path, gap=6)
    report = extract_report(path)
    assert [m.cluster.name for m in report.delegation] == ["Alpha Water Cluster", "Beta Wood Cluster", "Gamma Food Cluster"]
    assert {m.provenance.engine for m in report.delegation} == {"text-alignment"}


def test_choose_camelot_is_paid_only_under_a_caption_no_cheaper_engine_served(tmp_path):
    path = tmp_path / "far.pdf"
    borderless_report(path, gap=60)
    assert extract_report(path, ExtractOptions(no_camelot=True)).delegation == []
    report = extract_report(path)
    assert [(m.index, m.cluster.name, m.country) for m in report.delegation] == [
        (1, "Alpha Water Cluster", "ES"), (2, "Beta Wood Cluster", "RO"), (3, "Gamma Food Cluster", "FR")
    ]
    assert {m.provenance.engine for m in report.delegation} == {"camelot-stream"}
    assert report.tables[0].engine == "camelot-stream"


# --- the one chooser and its engine registry -------------------------------------


def moved(table, dx, confidence, engine="camelot-stream"):
    x0, top, x1, bottom = table.bbox
    return type(table)(**{**table.__dict__, "bbox": (x0 + dx, top, x1 + dx, bottom), "confidence": confidence, "engine": engine})


def test_choose_keeps_found_tables_and_fills_gaps_with_candidates():
    ruled = moved(raw_table([["a", "b"], ["1", "2"]], top=100), 0, 1.0, "pdfplumber-lines")
    elsewhere = moved(raw_table([["c", "d"], ["3", "4"]], top=400), 0, 0.8)
    same_place = moved(ruled, 2, 0.95)
    assert choose([ruled], [ruled], [same_place, elsewhere]) == [ruled, elsewhere]


def test_choose_replaces_a_ruled_table_whose_grid_is_not_clean():
    crowded = moved(raw_table([["a", "b"], ["1", "2"]], top=100), 0, 0.5, "pdfplumber-lines")
    same_place = moved(crowded, 2, 0.95)
    assert choose([crowded], [], [same_place]) == [same_place]
    assert choose([crowded], [], []) == [crowded]


def test_choose_the_candidate_filling_an_unclean_ruled_table_s_box_replaces_it():
    """Two reads of the same place: the lower part alone, surer, and the whole table
    the rules drew; the whole one replaces the ruled grid."""
    rows = [["Year", "2010", "2011"], ["Cases", "217", "197"], ["Defendants", "287", "242"], ["Sentenced", "148", "107"]]
    crowded = moved(raw_table(rows, top=100), 0, 0.8, "pdfplumber-lines")
    whole = moved(raw_table(rows, top=98), 0, 0.7)
    lower = moved(raw_table(rows[2:], top=140), 0, 0.9)
    assert choose([crowded], [], [lower, whole]) == [whole]


def test_choose_registry_names_every_engine_behind_one_interface():
    assert set(ENGINES) == {
        "pdfplumber-lines", "text-alignment", "camelot-lattice", "camelot-stream", "camelot-hybrid", "camelot-network"
    }
    engine = make_engine("camelot-lattice", CAPTION, PDFS / "eu_mexico_2016.pdf")
    with pdfplumber.open(PDFS / "eu_mexico_2016.pdf") as pdf:
        [table] = engine.find(pdf.pages[4], read_layout(pdf.pages[4], 5))
    assert table.engine == "camelot-lattice"
    assert (len(table.grid), table.n_columns) == (15, 4)
    with pytest.raises(ValueError, match="unknown table engine"):
        make_engine("tabula", CAPTION)


def test_choose_reads_a_fixture_page_without_camelot():
    reader = PageTableReader(CAPTION, None)
    with pdfplumber.open(PDFS / "eu_mexico_2016.pdf") as pdf:
        [table] = reader.find(pdf.pages[4], read_layout(pdf.pages[4], 5))
    assert [c.text for c in table.grid[0]] == ["#", "Cluster", "Field(s) of activity", "Country"]
    assert len(table.grid) == 15


def test_choose_alignment_only_tables_of_prose_or_contents_are_no_tables():
    settings = Settings()
    prose = raw_table([["The delegation met the partners in the morning and visited", "Two clusters signed a letter of intent on the second day of the"]] * 3)
    contents = raw_table([["1. Introduction ..........", "3"], ["2. Results ..........", "5"]])
    table = raw_table([["Product", "Units"], ["Oak planks", "140"], ["Steel rods", "75"]])
    assert is_prose(prose, settings) and is_prose(contents, settings)
    assert not is_prose(table, settings)


def with_lines(table, lines_by_cell):
    """`table` with each cell's printed lines replaced (text = the lines joined)."""
    grid = []
    for r, row in enumerate(table.grid):
        cells = []
        for c, cell in enumerate(row):
            lines = lines_by_cell.get((r, c), cell.lines if cell else ())
            cells.append(type(cell)(text=" ".join(lines) or None, lines=tuple(lines), bold=cell.bold, bbox=cell.bbox) if cell else None)
        grid.append(tuple(cells))
    return type(table)(**{**table.__dict__, "grid": tuple(grid)})


def test_choose_rows_of_figures_run_together_betray_missing_rules():
    table = raw_table([["Age", "2005", "2010", "Change"], ["x", "y", "z", "w"]])
    figures = with_lines(table, {(1, 0): ["Under 15", "15 to 24", "25 to 44"], (1, 1): ["291,099", "54,425", "34,947"],
                                 (1, 2): ["303,858", "56,672", "38,284"], (1, 3): ["(X)", "0.3", "0.2"]})
    wrapped = with_lines(table, {(1, 1): ["Joint workshop", "on lightweight", "parts"], (1, 2): ["Two SMEs", "met the", "partners"],
                                 (1, 3): ["Better", "access to", "tenders"]})
    assert rows_run_together(figures)
    assert not rows_run_together(wrapped) and not rows_run_together(table)


def test_choose_paragraph_rows_are_trimmed_off_a_camelot_table():
    table = raw_table([
        ["The depot keeps its accounts per quarter and the figures below", None, None],
        ["Product", "Units", "Value"], ["Oak planks", "140", "2 310.00"], ["Steel rods", "75", "1 980.50"],
    ])
    trimmed = trim_prose_rows(table, Settings())
    assert [[c.text for c in row] for row in trimmed.grid] == [[c.text for c in row] for row in table.grid[1:]]
    assert trimmed.bbox[1] == table.row_edges[1]
    assert trim_prose_rows(trimmed, Settings()) is trimmed


def test_choose_heading_and_paragraph_set_apart_below_a_camelot_table_are_cut_off():
    rows = [["Name", "Units"], ["Oak", "140"], ["Pine", "75"], ["Birch", "12"], ["Ash", "9"],
            ["3.2 Results", None], ["Up to 29.", None]]
    table = raw_table(rows)
    edges = list(table.row_edges)
    edges[5:] = [e + 40 for e in edges[5:]]  # a wide gap above the heading
    apart = type(table)(**{**table.__dict__, "row_edges": tuple(edges)})
    trimmed = trim_prose_rows(apart, Settings())
    assert [row[0].text for row in trimmed.grid] == ["Name", "Oak", "Pine", "Birch", "Ash"]
    assert trim_prose_rows(table, Settings()).grid == table.grid  # no gap: nothing says they are not rows


def _words_of_line(text: str, x0: float, top: float, size: float = 9.0, space: float = 2.5):
    """A line's words as the page sets them: each word's width from its letters, one space apart."""
    from extractor.layout import Word

    words, x = [], x0
    for token in text.split():
        width = 0.5 * size * len(token)
        words.append(Word(text=token, x0=x, top=top, x1=x + width, bottom=top + size, size=size, bold=False))
        x += width + space
    return words


def test_choose_a_paragraph_line_cut_at_the_column_edges_is_trimmed_off_a_camelot_table():
    # camelot cut the paragraph's last line above the table at the table's column edges:
    # three cells, but its words run on at word spacing, a line of running text.
    sentence = "Eight agreements were described in detail by the clusters"
    table = raw_table([["Eight agreements were", None, "described in detail", "by the clusters"],
                       ["Cluster", "Partner", "Objective", "Notes"],
                       ["Alpha Cluster", "Omega Ltd", "Joint project", "Call held"],
                       ["Beta Cluster", "Sigma SA", "Study visit", "To confirm"]], widths=[90, 90, 90, 90])
    words = _words_of_line(sentence, 52, 104)
    for r, row in enumerate(table.grid[1:], start=1):
        for c, cell in enumerate(row):
            words += _words_of_line(cell.text, table.column_edges[c] + 2, table.row_edges[r] + 4)
    layout = PageLayout(number=1, width=595, height=842, words=words, lines=words_to_lines(words))
    trimmed = trim_prose_rows(table, Settings(), layout)
    assert [row[0].text for row in trimmed.grid] == ["Cluster", "Alpha Cluster", "Beta Cluster"]
    assert trim_prose_rows(table, Settings()) is table  # without the page's words, nothing says it is prose


#: The last column runs on as a paragraph: lines in rows of their own and, in the
#: table's rows, lines that carry on the sentence above.
RUNNING_TEXT = [
    "differences in access to care and the use of diagnostic procedures",
    "have been described for many years and research on the promotion",
    "of cardiovascular health through preventing the onset of disease",
    "should be given priority because major disparities exist in",
    "the prevalence of risk factors among populations at early ages",
    "however insufficient research has been conducted on behaviours",
]
#: References are set in capitalised words, but their commas and full stops make them
#: sentences, not names (ICDAR us-025's last page).
REFERENCES = [
    "1. Heron M, Hoyert DL, Murphy SL, Xu JQ, Kochanek KD, Tejada-",
    "Vera B. Deaths: Final Data for 2006. Hyattsville, MD: US Department",
    "of Health and Human Services, CDC, National Center for Health",
    "Statistics; 2009. National Vital Statistics Report, Vol. 57, No. 14.",
    "2. US Department of Health and Human Services. Healthy People",
    "Rockville, MD: US Department of Health and Human Services;",
]


@pytest.mark.parametrize("beside", [RUNNING_TEXT, REFERENCES], ids=["running_text", "references"])
def test_choose_a_column_of_text_beside_a_camelot_table_is_trimmed_off(beside):
    table = raw_table([
        ["State", "Deaths", "Rate", beside[0]],
        [None, None, None, beside[1]],
        ["Ohio", "1,144", "193.5", beside[2]],
        [None, None, None, beside[3]],
        ["Iowa", "2,187", "162.4", beside[4]],
        [None, None, None, beside[5]],
        ["Utah", "5,100", "160.1", None],
    ], widths=[60, 60, 60, 250])
    trimmed = trim_prose_columns(table, Settings())
    assert [[c.text for c in row] for row in trimmed.grid] == [
        ["State", "Deaths", "Rate"], ["Ohio", "1,144", "193.5"], ["Iowa", "2,187", "162.4"], ["Utah", "5,100", "160.1"]]
    assert trimmed.bbox == (table.column_edges[0], table.row_edges[0], table.column_edges[3], table.row_edges[-1])
    assert len(trimmed.row_edges) == len(trimmed.grid) + 1


def test_choose_a_table_s_own_column_of_sentences_is_kept():
    """A last column of long entries, each begun in its row beside the other cells
    and wrapped onto a line of its own: the table's text, not a paragraph beside it."""
    table = raw_table([
        ["Cluster", "Country", "Intended results of the cooperation agreed during the mission"],
        ["Alpha Energy", "Spain", "Joint proposal to the next Horizon call on storage of heat"],
        [None, None, "and a shared pilot line in the port of Bilbao for the members"],
        ["Beta Water", "Mexico", "Exchange of staff between the two clusters over the next year"],
        [None, None, "with a first visit of four companies planned in the spring"],
        ["Gamma Food", "Chile", "Market study on packaging for exports of fruit to the European Union"],
    ], widths=[60, 60, 300])
    assert trim_prose_columns(table, Settings()) is table


def test_choose_a_heading_over_a_paragraph_is_trimmed_off_with_it():
    table = raw_table([
        ["SECTION III", None, None],
        [None, "Age adjustment and the standard population used in the survey", None],
        ["Age group", "Proportion", "Count"], ["20-29", "0.2650", "1 204"], ["30-39", "0.2046", "930"],
    ])
    trimmed = trim_prose_rows(table, Settings())
    assert [[c.text for c in row] for row in trimmed.grid] == [[c.text for c in row] for row in table.grid[2:]]


def test_choose_a_block_of_prose_an_empty_row_parts_from_the_table_is_cut_off():
    """Past the table and an empty row, camelot read on into the text beside a
    heading: rows of one cell, and two rows of two (a side heading, a line)."""
    rows = [
        ["Content domain", "Number", "Percent"], ["Literary experience", "72", "53"],
        ["Acquire and use information", "63", "47"], ["Retrieve explicit information", "33", "24"],
        [None, None, None],
        ["Design of instruments", "The booklets were rotated among students", None],
        [None, "each participating student completing one booklet only", None],
        ["PIRLS 2011 included booklets containing assessment", None, None],
        [None, "The reading items were each assembled separately into", None],
        ["items as well as self-administered background", None, None],
        ["Assessment booklets", "one block of informational items only and each block", None],
    ]
    trimmed = trim_prose_rows(raw_table(rows), Settings())
    assert [[c.text for c in row] for row in trimmed.grid] == rows[:4]


def _stacked_row_words(cells_lines: list[list[str]], widths: float = 120.0, top: float = 100.0):
    """Words of one ruled row: cell c holds the given lines, 12 pt apart."""
    words = []
    for c, lines in enumerate(cells_lines):
        for k, text in enumerate(lines):
            words += _words_of_line(text, 52 + c * widths, top + 4 + 12 * k)
    return words


def test_choose_crowding_reads_stacked_lines_as_rows_run_together_only_where_the_label_stacks_too():
    from extractor.tables.base import Cell
    from extractor.tables.plumber import crowding

    def row_of(cells_lines):
        return tuple(Cell(text=" ".join(lines) or None, lines=tuple(lines), bold=False,
                          bbox=(50 + c * 120.0, 100.0, 170 + c * 120.0, 100.0 + 12 * 4)) for c, lines in enumerate(cells_lines))

    run_together = [["Oak", "Pine", "Ash"], ["140", "75", "9"], ["2.1", "1.0", "0.4"]]
    lists = [["Astra"], ["Total: 47%", "Fruit (8.4%)", "Effi (10.5%)"], ["Total: 39%", "Prima (3.3%)", "Hubert (18.7%)"]]
    assert crowding(_stacked_row_words(run_together), [row_of(run_together)]) > 0.5
    assert crowding(_stacked_row_words(lists), [row_of(lists)]) == 0.0
    # a header row over an empty corner: no label at all, its cells broken by hand
    header = [[], ["Number of", "financial", "companies"], ["Pct of all", "companies", "analysed"]]
    assert crowding(_stacked_row_words(header), [row_of(header)]) == 0.0


def test_choose_columns_of_dot_leaders_join_the_label_on_their_left():
    """camelot parts spaced leaders into columns where the rows' dots line up; an
    indented label running into its dots lands in such a column too."""
    table = raw_table([
        ["Category", None, None, "2010"],
        ["All ages . . .", ".", ".", "303,858"],
        ["With a disability . .", ".", ".", "56,672"],
        [None, "Aged 6 and older . . .", None, "278,222"],
        ["Severe disability . .", ".", ".", "38,284"],
    ])
    joined = join_leader_columns(table)
    assert [[c.text if c else None for c in row] for row in joined.grid] == [
        ["Category", "2010"], ["All ages . . .", "303,858"], ["With a disability . .", "56,672"],
        ["Aged 6 and older . . .", "278,222"], ["Severe disability . .", "38,284"]]
    assert joined.column_edges == (table.column_edges[0], table.column_edges[3], table.column_edges[4])
    plain = raw_table([["Item", "Units"], ["Oak", "140"], ["Pine", "75"]])
    assert join_leader_columns(plain) is plain


def test_choose_crowding_counts_a_column_gap_only_where_lines_of_other_rows_share_it():
    """In a ruled grid, a missing column rule leaves a gap down the column, in lines of
    several rows; a justified line of a narrow header cell spreads its words at gaps
    of its own."""
    from extractor.tables.base import Cell
    from extractor.tables.plumber import crowding

    def grid_and_words(rows: list[list[tuple[str, float]]]):
        grid, words = [], []
        for r, cells in enumerate(rows):
            top = 100.0 + 40 * r
            row = []
            for c, (text, space) in enumerate(cells):
                x0 = 52 + 120.0 * c
                words += _words_of_line(text, x0, top + 4, space=space)
                row.append(Cell(text=text or None, lines=(text,) if text else (), bold=False, bbox=(x0 - 2, top, x0 + 118, top + 40)))
            grid.append(tuple(row))
        return grid, words

    justified = [[("", 2.5), ("Number of", 30.0), ("Pct of all", 16.0)],
                 [("0 reclassifications", 2.5), ("52", 2.5), ("52%", 2.5)], [("Total", 2.5), ("100", 2.5), ("", 2.5)]]
    assert crowding(*reversed(grid_and_words(justified)), ruled=True) == 0.0
    unruled = [[("Oak 140", 60.0), ("2.1", 2.5)], [("Pine 75", 58.0), ("1.0", 2.5)]]
    assert crowding(*reversed(grid_and_words(unruled)), ruled=True) >= 0.5
    # a grid read by word alignment splits at wide gaps: one left inside a cell is a
    # column it missed, in one row or several
    assert crowding(*reversed(grid_and_words(justified))) > 0


def test_choose_notes_under_a_table_are_trimmed_off_its_last_rows():
    """camelot reads the notes under a table into its last rows: marks ('*', '**',
    a letter before a capital, 'Source:') opening text that holds no figure."""
    rows = [["Dose (ppm)", "No.", "Weight (g)"], ["0", "39", "5.8"], ["250", "30", "5.9"], ["4,000", "27", "5.3**"]]
    notes = [["*", "Significantly different from the control group", None], ["** P<0.01", None, None],
             [None, "a Weights are given as group means.", None], ["Source: the study's own records", None, None]]
    trimmed = trim_prose_rows(raw_table(rows + notes), Settings())
    assert [[c.text for c in row] for row in trimmed.grid] == rows
    # a last row of figures under a letter label stays
    lettered = rows + [["b", "12", "4.1"]]
    assert [[c.text for c in row] for row in trim_prose_rows(raw_table(lettered), Settings()).grid] == lettered


def test_choose_caption_read_into_a_camelot_tables_first_rows_is_trimmed_off():
    import re

    from extractor.tables.choose import trim_caption_rows

    caption = re.compile(r"^(?:Exhibit|Table)\s+\d+(?:\.\d+)*\.?\s")
    rows = [["Age Cohort", "Head Start Group", "Control Group"], ["3-year-olds", "1,530", "1,029"], ["4-year-olds", "1,253", "855"]]
    read = [["Exhibit 2.2.", "Number of children assigned to the groups,", None], [None, "by age cohort", None]] + rows
    assert [[c.text for c in row] for row in trim_caption_rows(raw_table(read), caption).grid] == rows
    # a one-cell row under the caption that starts a sentence of its own is the table's
    titled = [["Table 3. Errors by lead time", None, None], [None, "Lead time (years)", None]] + rows
    assert [[c.text for c in row] for row in trim_caption_rows(raw_table(titled), caption).grid] == titled[1:]
    assert trim_caption_rows(raw_table(rows), caption).grid == raw_table(rows).grid


def test_choose_a_chart_camelot_read_as_a_table_is_dropped():
    """Axis figures, a legend and the figure's own label, read by camelot as rows."""
    import re

    from extractor.tables.choose import PageTableReader

    from .synthetic import empty_layout

    chart = raw_table([[None, "Figure 15 (data until 7 July 2010)", None], [None, "Italy vs Germany (bp)", None],
                       ["450", None, "450"], [None, "Diff 5-y CDS spread", None], ["350", None, "350"], ["300", None, "300"]])
    table = raw_table([["Country", "Spread (bp)", "Yield (%)"], ["Italy", "150", "4.1"], ["France", "40", "3.0"]])
    reader = PageTableReader(re.compile(r"^Table\s+\d+"))
    assert reader._tables_only([chart, table], empty_layout(1)) == [table]


def test_choose_lettered_rows_of_text_that_fill_the_table_are_no_notes():
    """Rows labelled a, b, c holding names and words fill as many cells as the table's
    other rows: they are its body, not notes under it."""
    rows = [["", "Cluster", "Next step"], ["a", "Alpha Cluster", "Study visit"], ["b", "Beta Cluster", "Joint workshop"],
            ["c", "Gamma Cluster", "Trade fair"]]
    assert [[c.text or "" for c in row] for row in trim_prose_rows(raw_table(rows), Settings()).grid] == rows


def test_choose_a_first_row_of_figures_that_reads_like_a_label_is_no_caption():
    import re

    from extractor.tables.choose import trim_caption_rows

    caption = re.compile(r"^[A-Z][a-z]+\s+\d+\s*[-:.]\s+\S")
    rows = [["Group 1 - control", "12", "15"], ["Group 2 - treated", "14", "19"], ["Group 3 - treated", "11", "17"]]
    assert trim_caption_rows(raw_table(rows), caption).grid == raw_table(rows).grid
