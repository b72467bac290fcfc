"""Generic tables of PDFs that are not mission reports, through `extract_report`:
headers, title rows, stitching over pages, borderless and sideways tables."""

from __future__ import annotations

import pdfplumber
import pytest

from extractor import ExtractOptions, extract_report
from extractor.document import read_layout
from extractor.rotation import page_turn
from extractor.settings import Settings

from . import generic_pdfs as make

ROWS = 90  # three A4 pages of the ruled table


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generic")
    paths = {}
    for name, build in {
        "repeated": lambda p: make.ruled_over_pages(p, repeat_header=True, count=ROWS),
        "once": lambda p: make.ruled_over_pages(p, repeat_header=False, count=ROWS),
        "titled": make.titled_two_level,
        "borderless": make.borderless_uncaptioned,
        "rotated": make.rotated_table,
        "plain": make.plain_members_over_pages,
        "white_backed": make.white_backed_cells,
        "boxed_column": make.boxed_column_in_borderless,
        "beside_text": make.table_beside_running_text,
        "inside_text_column": make.table_inside_a_text_column,
        "between_paragraphs": make.like_tables_between_paragraphs,
        "chart_grid": make.chart_gridlines_under_a_table,
        "typed_justified": make.typed_table_between_justified_paragraphs,
        "three_columns": make.three_columns_of_running_text,
        "chart_legend": make.chart_with_legend_in_its_plot_area,
        "chart_segments": lambda p: make.chart_with_legend_in_its_plot_area(p, steps=8),
        "bar_chart": make.bar_chart_with_values,
        "boxed_paragraph": make.boxed_paragraph,
        "cards_above": make.boxed_cards_over_a_page_break,
        "cards_below": lambda p: make.boxed_cards_over_a_page_break(p, caption="below"),
        "cards_uncaptioned": lambda p: make.boxed_cards_over_a_page_break(p, caption=None),
        "cards_broken": make.boxed_cards_broken_inside_a_card,
        "rows_apart": make.borderless_rows_apart_over_a_page_break,
        "broken_phrase": lambda p: make.borderless_rows_apart_over_a_page_break(p, broken_phrase=True),
        "listed_below": make.ruled_list_captioned_under_over_a_page_break,
        "far_left": make.labels_far_left_of_the_rules,
        "spacer_bands": make.rows_between_spacer_bands,
        "price_list": make.price_list_of_long_names,
        "figure_caption": make.bar_chart_under_a_figure_caption,
        "picture_caption": make.table_under_a_pictures_caption,
        "typewriter": make.typewriter_two_blocks,
        "leaders": make.spaced_leaders,
        "outside": make.labels_outside_the_rules,
        "close_set": make.close_set_rows,
        "wider_figure": make.wider_figure,
        "close_header": make.header_close_over_figures,
        "open_sided": make.open_sided,
        "line_fills": make.filled_cells_with_line_fills,
        "one_rule": make.single_column_rule,
        "sideways_up": make.sideways_header,
        "sideways_down": lambda p: make.sideways_header(p, downward=True),
        "borderless_sideways_up": lambda p: make.sideways_header(p, ruled=False),
        "borderless_sideways_down": lambda p: make.sideways_header(p, downward=True, ruled=False),
        "borderless_sideways_unlabelled": lambda p: make.sideways_header(p, ruled=False, unlabelled=3),
        "condensed": make.condensed_text,
        "padded": make.space_padded_cells,
        "doubled": make.doubled_glyphs,
        "unruled_body": make.ruled_header_unruled_body,
        "column_rules": make.column_rules_only,
        "grouped": make.grouped_header,
        "sectioned": make.sectioned_rows,
        "sectioned_striped": lambda p: make.sectioned_rows(p, striped_shading=True),
        "caption_close": make.caption_close_over_bold_header,
        "caption_again": lambda p: make.captioned_over_pages(p, "Table 5: Stock list of the regional depot (continued)", count=ROWS),
        "caption_again_bare": lambda p: make.captioned_over_pages(p, "Table 5 Continued", count=ROWS),
        "titled_bare": lambda p: make.caption_close_over_bold_header(p, make.TITLED_WITHOUT_SEPARATOR),
        "sentence_above": lambda p: make.caption_close_over_bold_header(p, make.SENTENCE_ABOVE),
    }.items():
        paths[name] = folder / f"{name}.pdf"
        build(paths[name])
    return paths


def text_grid(table) -> list[list[str]]:
    """A table's header and rows, empty cells as ''."""
    return [[cell or "" for cell in row] for row in [*table.header, *table.rows]]


def ruled_engine_tables(path, **settings):
    """What the ruling-line engine alone finds on a fixture's first page."""
    from extractor.document import visible_graphics
    from extractor.tables.plumber import PlumberLinesEngine

    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        return PlumberLinesEngine(Settings(**settings)).find(visible_graphics(page), read_layout(page, 1))


def cell_texts(raw) -> list[list[str]]:
    """An engine's grid as texts, empty and covered cells as ''."""
    return [[cell.text or "" if cell else "" for cell in row] for row in raw.grid]


def only_table(path, **settings):
    report = extract_report(path, ExtractOptions(settings=Settings(**settings)))
    assert len(report.tables) == 1, [t.header for t in report.tables]
    return report, report.tables[0]


@pytest.mark.parametrize("name", ["caption_again", "caption_again_bare"])
def test_generic_table_whose_caption_is_printed_again_on_each_page_is_one_table(pdfs, name):
    _, table = only_table(pdfs[name])
    assert table.label == make.CAPTIONED_STOCK
    assert table.pages == [1, 2, 3]
    assert table.header == [make.HEADER]
    assert table.rows == make.stock_rows(ROWS)


def test_generic_ruled_table_over_three_pages_keeps_its_repeated_header_once(pdfs):
    with pdfplumber.open(pdfs["repeated"]) as pdf:
        assert len(pdf.pages) == 3
    _, table = only_table(pdfs["repeated"])
    assert table.header == [make.HEADER]
    assert table.rows == make.stock_rows(ROWS)  # every row once, no copy of the header among them
    assert table.pages == [1, 2, 3]
    first_on = {page: table.row_pages.index(page) for page in (2, 3)}
    assert all(table.rows[i][0] == f"Item {i + 1:03d}" for i in first_on.values())
    assert table.row_pages == sorted(table.row_pages) and set(table.row_pages) == {1, 2, 3}


def test_generic_ruled_table_over_three_pages_without_repeated_header(pdfs):
    _, table = only_table(pdfs["once"])
    assert table.header == [make.HEADER]
    assert table.rows == make.stock_rows(ROWS)
    assert table.pages == [1, 2, 3]
    assert table.row_pages.count(1) < ROWS and set(table.row_pages) == {1, 2, 3}


def test_generic_header_set_like_its_rows_is_known_by_its_repetition_on_later_pages(pdfs):
    _, table = only_table(pdfs["plain"])
    assert table.header == [make.MEMBERS_HEADER]
    assert table.rows == make.member_rows(90)
    _, without = only_table(pdfs["plain"], repeated_headers=False)
    assert without.header == []


def test_generic_title_row_is_kept_apart_from_a_two_level_header(pdfs):
    _, table = only_table(pdfs["titled"])
    assert table.label == make.TITLE
    assert table.header == [
        ["Region", "Wheat (t)", "", "Barley (t)", ""],
        ["", "2019", "2020", "2019", "2020"],
    ]
    assert table.rows == make.HARVEST


def test_generic_title_row_stays_in_the_header_when_title_rows_are_off(pdfs):
    _, table = only_table(pdfs["titled"], title_rows=False)
    assert table.label is None
    assert table.header[0][0] == make.TITLE


def test_generic_caption_does_not_run_on_into_the_bold_header_under_it(pdfs):
    _, table = only_table(pdfs["caption_close"])
    assert table.label == make.CAPTIONED_CLOSE
    assert text_grid(table) == make.UNRULED_BODY


def test_generic_title_line_right_above_a_table_labels_it_without_a_separator(pdfs):
    _, table = only_table(pdfs["titled_bare"])
    assert table.label == make.TITLED_WITHOUT_SEPARATOR


def test_generic_sentence_right_above_a_table_that_names_it_is_no_label(pdfs):
    _, table = only_table(pdfs["sentence_above"])
    assert table.label is None


def test_generic_borderless_table_without_caption_is_found_and_prose_stays_narrative(pdfs):
    report, table = only_table(pdfs["borderless"])
    assert table.header == [make.BORDERLESS[0]]
    assert table.rows == make.BORDERLESS[1:]
    assert not any(make.PROSE[:30] in " ".join(c or "" for c in row) for row in table.rows)
    assert extract_report(pdfs["borderless"], ExtractOptions(settings=Settings(tables_on_every_page=False))).tables == []


def test_generic_fills_inside_a_fill_of_their_own_colour_draw_no_rules(pdfs):
    _, table = only_table(pdfs["line_fills"])
    assert [*table.header, *table.rows] == make.FILLED


def test_generic_white_cell_backgrounds_draw_no_rules(pdfs):
    _, table = only_table(pdfs["white_backed"])
    assert table.header == make.BACKED_HEADER
    assert table.rows == make.BACKED_ROWS


def test_generic_column_boxed_in_a_borderless_table_is_read_with_the_whole_table(pdfs):
    _, table = only_table(pdfs["boxed_column"])
    assert table.header == [make.BOXED[0]]
    assert table.rows == make.BOXED[1:]


def test_generic_table_beside_a_column_of_running_text_is_read_without_it(pdfs):
    _, table = only_table(pdfs["beside_text"])
    assert [*table.header, *table.rows] == make.STATES
    assert not any(make.COLUMN_PROSE[:20] in (cell or "") for row in table.rows for cell in row)


def test_generic_table_inside_one_text_column_of_two_is_read_from_that_column(pdfs):
    _, table = only_table(pdfs["inside_text_column"])
    assert [*table.header, *table.rows] == make.ALLOWANCES
    assert table.row_pages == [1] * (len(make.ALLOWANCES) - len(table.header))


def test_generic_table_inside_a_text_column_is_not_read_with_text_column_tables_off(pdfs):
    report = extract_report(pdfs["inside_text_column"], ExtractOptions(settings=Settings(text_column_tables=False)))
    assert report.tables == []


def test_generic_like_tables_with_text_after_and_before_them_are_two_tables(pdfs):
    report = extract_report(pdfs["between_paragraphs"])
    assert [[*t.header, *t.rows] for t in report.tables] == [make.ALLOWANCES, make.ADDITIONS]
    assert [t.pages for t in report.tables] == [[1], [2]]


def test_generic_like_tables_between_paragraphs_are_one_with_text_parts_tables_off(pdfs):
    _, table = only_table(pdfs["between_paragraphs"], text_parts_tables=False)
    assert table.pages == [1, 2]


def test_generic_grid_of_rules_holding_no_text_is_no_table(pdfs):
    _, table = only_table(pdfs["chart_grid"])
    assert [*table.header, *table.rows] == make.BACKED_HEADER + make.BACKED_ROWS


def test_generic_typed_table_between_justified_paragraphs_is_read_from_its_block(pdfs):
    _, table = only_table(pdfs["typed_justified"])
    assert [*table.header, *table.rows] == make.AGE_PROPORTIONS


def test_generic_typed_table_between_justified_paragraphs_is_not_read_with_text_column_tables_off(pdfs):
    report = extract_report(pdfs["typed_justified"], ExtractOptions(settings=Settings(text_column_tables=False)))
    assert report.tables == []


def test_generic_three_columns_of_running_text_are_no_table(pdfs):
    assert extract_report(pdfs["three_columns"]).tables == []


def test_generic_three_columns_of_running_text_are_a_table_without_the_mid_sentence_rule(pdfs):
    _, table = only_table(pdfs["three_columns"], prose_mid_sentence_share=1.01)
    assert {len(row) for row in table.rows} == {3}


def test_generic_chart_plot_area_holding_its_legend_is_no_table(pdfs):
    assert extract_report(pdfs["chart_legend"]).tables == []


def test_generic_chart_with_its_series_drawn_a_step_at_a_time_is_no_table(pdfs):
    assert extract_report(pdfs["chart_segments"]).tables == []


def test_generic_bar_chart_without_a_caption_is_no_table(pdfs):
    assert extract_report(pdfs["bar_chart"]).tables == []


def test_generic_boxed_paragraph_is_no_table(pdfs):
    assert extract_report(pdfs["boxed_paragraph"]).tables == []
    _, table = only_table(pdfs["boxed_paragraph"], prose_mid_sentence_share=1.01)
    assert [row[0] for row in text_grid(table)] == make.BOXED_TEXT


@pytest.mark.parametrize("name", ["cards_above", "cards_below"])
def test_generic_captioned_boxes_one_on_each_side_of_a_page_break_are_one_table(pdfs, name):
    report = extract_report(pdfs[name])
    assert [(t.label, t.pages, len(t.rows)) for t in report.tables] == [(make.CARDS_CAPTION, [1, 2], 2)]
    assert [(r.cluster.raw, r.smes) for r in report.benefited_smes] == [
        ("Wood and Furniture Cluster of Connacht", ["Celtic Composites UAB", "Zagorje Wood UAB", "Bratislava Bio Ltd"]),
        ("Digital Health Cluster of Kurzeme", ["Tallinn Cloudworks OU", "Kvark Labs Ltd"]),
    ]
    assert [(r.provenance.page, r.provenance.row) for r in report.benefited_smes] == [(1, 0), (2, 1)]


def test_generic_ruled_list_captioned_under_with_one_row_on_the_next_page_is_one_table(pdfs):
    """The part on the second page is one cell (a name and its list) between the page's
    head and the closing rule over the caption: the caption makes it a table, and it
    goes on from the part at the first page's foot."""
    report = extract_report(pdfs["listed_below"])
    assert [(t.label, t.pages, len(t.rows)) for t in report.tables] == [(make.CARDS_CAPTION, [1, 2], 3)]
    assert [(r.cluster.raw, r.smes, r.provenance.page) for r in report.benefited_smes] == [
        (name, items, page) for (name, items), page in zip(make.LISTED, (1, 1, 2))
    ]


def test_generic_ruled_list_keeps_only_its_first_pages_rows_with_lone_boxes_off(pdfs):
    report = extract_report(pdfs["listed_below"], ExtractOptions(settings=Settings(lone_boxes=False)))
    assert [(t.label, t.pages, len(t.rows)) for t in report.tables] == [(None, [1], 2)]


def test_generic_box_broken_inside_by_a_page_break_is_one_row_of_the_table(pdfs):
    report = extract_report(pdfs["cards_broken"])
    assert [(t.label, t.pages, len(t.rows)) for t in report.tables] == [(make.CARDS_CAPTION, [1, 2], 3)]
    assert [(r.cluster.raw, r.smes) for r in report.benefited_smes] == [
        ("Wood and Furniture Cluster of Connacht", ["Celtic Composites UAB", "Zagorje Wood UAB", "Bratislava Bio Ltd"]),
        ("Digital Health Cluster of Kurzeme", ["Tallinn Cloudworks OU", "Kvark Labs Ltd", "Vltava Optics s.r.o."]),
        ("Aerospace Cluster of Parnu", ["Adriatic Boats OU", "Baltic Photonics Ltd"]),
    ]
    assert [(r.provenance.page, r.provenance.row) for r in report.benefited_smes] == [(1, 0), (2, 1), (2, 2)]


def test_generic_row_alone_at_the_next_pages_head_keeps_the_row_spacing_of_the_tables_first_part(pdfs):
    _, table = only_table(pdfs["rows_apart"])
    assert table.pages == [1, 2]
    assert table.rows[-1] == ["Östergötland Health and Life Sciences Cluster", "Vistula Engineering Lda.",
                              "Export of equipment; sample shipments agreed", "Composite materials"]
    assert table.rows[-2][0] == "Basque Water Technology Cluster"


def test_generic_box_broken_inside_by_a_page_break_is_read_by_its_rules_only_with_page_break_boxes_on(pdfs):
    """Closed, the box cut open at the first page's foot is read by its rules; left open,
    only the single text read under its caption stands for it (a one-text table, which
    the document then settles as it settles a box)."""
    import re

    from extractor.document import visible_graphics
    from extractor.tables.choose import PageTableReader

    engines = {}
    for on in (True, False):
        reader = PageTableReader(re.compile(r"^Table\s+\d+"), None, Settings(page_break_boxes=on))
        with pdfplumber.open(pdfs["cards_broken"]) as pdf:
            [box] = reader.find(visible_graphics(pdf.pages[0]), read_layout(pdf.pages[0], 1))
        engines[on] = (box.engine, box.lone_box, [[c.text for c in row] for row in box.grid])
    first = f"{make.SPLIT_CARDS[0][0]} - {make.SPLIT_CARDS[0][1][0]}"
    assert engines == {True: ("pdfplumber-lines", True, [[first]]), False: ("text-alignment", True, [[first]])}


def test_generic_row_broken_in_the_middle_of_a_phrase_is_joined_over_the_page_break(pdfs):
    report, table = only_table(pdfs["broken_phrase"])
    assert table.rows[-2] == ["Lagoon Shellfish Cluster", "Japanese Association of Water Industries",
                              "Webinar series for the members of both organisations", "Port logistics"]
    assert table.rows[-1][0] == "Östergötland Health and Life Sciences Cluster"
    assert [(r.partner.raw, r.provenance.page) for r in report.cooperation_objectives[-2:]] == [
        ("Japanese Association of Water Industries", 1), ("Vistula Engineering Lda.", 2)]


def test_generic_row_alone_at_the_next_pages_head_is_cut_where_a_capital_starts_with_continued_row_spacing_off(pdfs):
    _, table = only_table(pdfs["rows_apart"], continued_row_spacing=False)
    assert table.rows[-1] == ["Cluster", None, "agreed", None]


def test_generic_row_broken_in_the_middle_of_a_phrase_stays_apart_with_broken_phrase_rows_off(pdfs):
    _, table = only_table(pdfs["broken_phrase"], broken_phrase_rows=False)
    assert table.rows[-2] == [None, "Water Industries", "both organisations", None]


def test_generic_captioned_boxes_over_a_page_break_are_no_table_with_lone_boxes_off(pdfs):
    report = extract_report(pdfs["cards_above"], ExtractOptions(settings=Settings(lone_boxes=False)))
    assert report.tables == [] and report.benefited_smes == []


def test_generic_uncaptioned_boxes_one_on_each_side_of_a_page_break_are_no_table(pdfs):
    report = extract_report(pdfs["cards_uncaptioned"])
    assert report.tables == [] and report.benefited_smes == []


def test_generic_row_labels_far_left_of_the_rules_are_the_tables_first_column(pdfs):
    _, table = only_table(pdfs["far_left"])
    assert text_grid(table) == make.COSTS
    _, figures = only_table(pdfs["far_left"], row_labels_left=False)
    assert text_grid(figures) == [row[1:] for row in make.COSTS]


def test_generic_rows_between_spacer_bands_keep_each_figure_in_its_own_cell(pdfs):
    (raw,) = ruled_engine_tables(pdfs["spacer_bands"])
    assert cell_texts(raw) == [make.TALLY_GROUPS, *make.TALLIES]
    _, table = only_table(pdfs["spacer_bands"])
    assert table.engine == "pdfplumber-lines"
    assert table.header == [make.TALLY_GROUPS, make.TALLIES[0]]
    assert table.rows == make.TALLIES[1:]


def test_generic_price_list_of_long_capitalised_names_is_a_table(pdfs):
    _, table = only_table(pdfs["price_list"])
    assert text_grid(table) == make.PRICE_LIST
    # camelot's reading counts as prose, or the word-alignment reading of the list's
    # foot (up to its bold heading) stands in its way
    for switched_off in ({"prose_lower_case_share": 0.0}, {"longer_reading_replaces": False}):
        report = extract_report(pdfs["price_list"], ExtractOptions(settings=Settings(**switched_off)))
        assert [text_grid(t) for t in report.tables] == [make.PRICE_LIST[5:]], switched_off


def test_generic_grid_under_a_figure_caption_is_a_chart_and_the_table_under_its_caption_stays(pdfs):
    report, table = only_table(pdfs["figure_caption"])
    assert table.label == "Table 1: Real GDP growth rate"
    assert text_grid(table) == make.BACKED_HEADER + make.BACKED_ROWS


def test_generic_table_right_under_a_pictures_caption_stays_a_table(pdfs):
    _, table = only_table(pdfs["picture_caption"])
    assert text_grid(table) == make.BACKED_HEADER + make.BACKED_ROWS


def test_generic_typewriter_table_in_two_blocks_is_read_from_its_gutters(pdfs):
    report = extract_report(pdfs["typewriter"])
    assert len(report.tables) == 2, [t.header for t in report.tables]
    for table, typed in zip(report.tables, (make.TYPED_FIRST, make.TYPED_SECOND)):
        grid = text_grid(table)
        assert grid[-len(typed):] == typed  # leaders dropped, figures one column each
        assert ["Design effect"] == [cell for row in grid[: -len(typed)] for cell in row if cell]


def test_generic_spaced_dot_leaders_are_no_columns(pdfs):
    _, table = only_table(pdfs["leaders"])
    grid = [*table.header, *table.rows]
    assert [row[1:] for row in grid] == [list(row[1:]) for row in make.LED]
    assert [row[0].rstrip(" .") for row in grid] == [row[0] for row in make.LED]


def test_generic_ruled_figures_with_labels_and_a_column_beside_their_rules_are_read_whole(pdfs):
    _, table = only_table(pdfs["outside"])
    assert text_grid(table) == make.SECTORS


@pytest.mark.parametrize("name", ["sideways_up", "sideways_down"])
def test_generic_header_printed_sideways_keeps_its_labels_in_reading_order(pdfs, name):
    _, table = only_table(pdfs[name])
    assert table.header == [[" ".join(lines) for lines in make.SIDEWAYS_HEADER]]
    assert table.rows == make.SIDEWAYS_ROWS


@pytest.mark.parametrize("name", ["borderless_sideways_up", "borderless_sideways_down"])
def test_generic_borderless_header_printed_sideways_keeps_one_label_per_column_of_the_body(pdfs, name):
    _, table = only_table(pdfs[name])
    assert table.header == [[" ".join(lines) for lines in make.SIDEWAYS_HEADER]]
    assert table.rows == make.SIDEWAYS_ROWS


def test_generic_borderless_sideways_labels_fewer_than_columns_head_the_nearest_column(pdfs):
    _, table = only_table(pdfs["borderless_sideways_unlabelled"])
    header = [" ".join(lines) for lines in make.SIDEWAYS_HEADER]
    header[3] = ""
    assert table.header == [header]
    assert table.rows == make.SIDEWAYS_ROWS


def test_generic_rows_set_closer_than_the_others_stay_rows_when_each_holds_its_figure(pdfs):
    _, table = only_table(pdfs["close_set"])
    assert text_grid(table) == make.STATEMENT


def test_generic_wider_figure_set_flush_right_stays_in_its_column(pdfs):
    _, table = only_table(pdfs["wider_figure"])
    assert [*table.header, *table.rows] == make.LEAD_TIMES


def test_generic_header_words_set_close_over_narrow_columns_of_figures_stand_over_their_own(pdfs):
    _, table = only_table(pdfs["close_header"])
    assert table.header == make.CLOSE_HEADER
    assert table.rows == make.CLOSE_BODY


def test_generic_borderless_header_of_two_levels_keeps_each_group_over_the_columns_its_rule_spans(pdfs):
    _, table = only_table(pdfs["grouped"])
    groups = [""] * len(make.GROUPED_LEAVES)
    groups[2], groups[7] = "Modern method", "Traditional method"
    assert table.header == [groups, make.GROUPED_LEAVES]
    assert table.rows == make.GROUPED_BODY


def test_generic_ruled_table_without_side_borders_is_closed_where_its_rules_end(pdfs):
    _, table = only_table(pdfs["open_sided"])
    assert text_grid(table) == make.OPEN_SIDED


def test_generic_table_printed_sideways_is_read_in_its_reading_direction(pdfs):
    report, table = only_table(pdfs["rotated"])
    assert table.header == [make.HEADER]
    assert table.rows == make.stock_rows(6)


def test_generic_page_turn_follows_the_characters_matrix():
    upright = {"upright": True, "matrix": (1, 0, 0, 1, 0, 0)}
    upward = {"upright": False, "matrix": (0, 1, -1, 0, 0, 0)}
    downward = {"upright": False, "matrix": (0, -1, 1, 0, 0, 0)}
    assert page_turn([upright] * 5 + [upward] * 2) == 0
    assert page_turn([upright] + [upward] * 5) == 90
    assert page_turn([upright] + [downward] * 5) == 270


@pytest.mark.parametrize(
    ("colour", "blank"),
    [((1.0,), True), (1, True), ((1, 1, 1), True), ((0, 0, 0, 0), True), ((0.0,), False), ((0.83, 0.83, 0.83), False),
     ((0, 0, 0, 1), False), (None, False), ("P0", False)],
)
def test_generic_only_white_unstroked_fills_are_blank(colour, blank):
    from extractor.document import _blank_fill

    assert _blank_fill({"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": colour}) is blank
    assert not _blank_fill({"object_type": "rect", "fill": True, "stroke": True, "non_stroking_color": colour})


def test_generic_ruled_engine_reads_a_table_of_one_column_rule_without_side_borders(pdfs):
    """No cell of it is closed on both sides, so pdfplumber alone finds no table."""
    tables = ruled_engine_tables(pdfs["one_rule"])
    assert len(tables) == 1
    assert cell_texts(tables[0]) == make.ONE_RULE


def test_words_the_text_layer_parts_with_a_space_keep_it_when_condensed_text_makes_them_touch(pdfs):
    _, table = only_table(pdfs["condensed"])
    assert text_grid(table) == make.CONDENSED


def test_space_characters_drawn_as_padding_under_a_cells_text_part_no_letters(pdfs):
    _, table = only_table(pdfs["padded"])
    assert text_grid(table) == make.PADDED


def test_glyphs_drawn_twice_a_fraction_of_a_point_apart_are_read_once_and_close_double_letters_stay(pdfs):
    report, table = only_table(pdfs["doubled"])
    assert text_grid(table) == make.DOUBLED
    with pdfplumber.open(pdfs["doubled"]) as pdf:
        assert make.SMALL_PRINT in read_layout(pdf.pages[0], 1).lines[-1].text


def test_rows_of_a_ruled_body_set_one_per_line_without_rules_between_them_are_rows_of_the_ruled_table(pdfs):
    tables = ruled_engine_tables(pdfs["unruled_body"])
    assert len(tables) == 1
    assert cell_texts(tables[0]) == make.UNRULED_BODY
    assert tables[0].confidence == 1.0  # a clean grid: no other engine's reading replaces it


def test_rows_a_blank_line_parts_inside_a_ruled_section_are_rows_and_a_cell_of_two_paragraphs_stays_one(pdfs):
    _, table = only_table(pdfs["sectioned"])
    assert table.header == [make.SECTIONED_HEADER]
    assert text_grid(table)[1:] == [
        [label, " ".join(line for line in definition if line), " ".join(examples)]
        for label, definition, examples in make.SECTIONED_ROWS
    ]


def test_generic_label_column_shaded_in_stripes_is_read_as_one_shade(pdfs):
    _, table = only_table(pdfs["sectioned_striped"])
    assert text_grid(table) == text_grid(only_table(pdfs["sectioned"])[1])
    assert [row[0] for row in text_grid(table)[1:]] == [label for label, _, _ in make.SECTIONED_ROWS]


def test_a_table_drawn_with_column_rules_alone_is_read_by_the_ruling_line_engine_one_row_per_line(pdfs):
    tables = ruled_engine_tables(pdfs["column_rules"])
    assert len(tables) == 1
    assert cell_texts(tables[0]) == make.UNRULED_BODY
    assert tables[0].confidence == 1.0


# The settings that switch the mechanisms above off: each test shows the setting
# reaches its mechanism (the reading falls back to what it was without it).
def test_group_labels_merge_into_their_columns_when_header_groups_are_off(pdfs):
    _, table = only_table(pdfs["grouped"], header_groups=False)
    assert len(table.header) == 1
    assert "Modern method" in " ".join(table.header[0]) and "Modern method" not in make.GROUPED_LEAVES


def test_glyphs_drawn_twice_are_kept_twice_when_the_duplicate_shift_is_zero(pdfs):
    with pdfplumber.open(pdfs["doubled"]) as pdf:
        page = pdf.pages[0]
        once = read_layout(page, 1, Settings()).lines[0].text
        twice = read_layout(page, 1, Settings(duplicate_glyph_shift=0.0)).lines[0].text
    assert len(twice) > len(once)


def test_a_plain_stack_stays_one_ruled_row_below_the_lines_it_needs(pdfs):
    # its rows stand 20 points apart in 10-point type, a blank line's space: that reading off too
    [table] = ruled_engine_tables(pdfs["unruled_body"], stacked_row_lines=len(make.UNRULED_BODY) + 1, blank_line_rows=False)
    assert len(table.grid) < len(make.UNRULED_BODY)


def test_column_rules_alone_make_no_table_when_that_reading_is_off(pdfs):
    assert ruled_engine_tables(pdfs["column_rules"], column_rules_tables=False) == []


def test_rows_a_blank_line_parts_stay_one_ruled_row_when_that_reading_is_off(pdfs):
    [table] = ruled_engine_tables(pdfs["sectioned"], blank_line_rows=False)
    assert len(table.grid) == 3  # the header and the two sections
