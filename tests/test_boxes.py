"""Which single ruled boxes are tables (extractor/boxes.py), on synthetic tables."""

from dataclasses import replace

from extractor.boxes import _rows_of_the_table_above

from .synthetic import raw_table


def shifted(table, dx: float, dy: float = 0.0):
    """The table drawn `dx` points to the right and `dy` points lower."""
    move = lambda box: (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)  # noqa: E731
    grid = tuple(tuple(replace(c, bbox=move(c.bbox)) if c else None for c in row) for row in table.grid)
    return replace(table, bbox=move(table.bbox), grid=grid, column_edges=tuple(x + dx for x in table.column_edges),
                   row_edges=tuple(y + dy for y in table.row_edges))


def test_box_drawn_on_from_the_bottom_rule_of_the_table_above_is_its_next_row():
    table = raw_table([["Lagoon Shellfish Cluster"], ["Lisbon Software Cluster"]], top=100.0)
    box = replace(shifted(raw_table([["Lusitania Cork Association"]], top=140.0), 40.0), lone_box=True)
    [joined] = _rows_of_the_table_above([table, box], captioned=set())
    assert [[c.text for c in row] for row in joined.grid] == [["Lagoon Shellfish Cluster"], ["Lisbon Software Cluster"],
                                                              ["Lusitania Cork Association"]]
    assert joined.row_edges == (100.0, 120.0, 140.0, 160.0)
    assert joined.bbox == (50.0, 100.0, 150.0, 160.0)


def test_box_apart_from_the_table_above_or_with_its_own_caption_or_other_columns_stays_apart():
    table = raw_table([["Lagoon Shellfish Cluster"], ["Lisbon Software Cluster"]], top=100.0)
    apart = replace(raw_table([["Lusitania Cork Association"]], top=150.0), lone_box=True)
    assert _rows_of_the_table_above([table, apart], captioned=set()) == [table, apart]
    captioned = replace(raw_table([["Lusitania Cork Association"]], top=140.0), lone_box=True)
    assert _rows_of_the_table_above([table, captioned], captioned={id(captioned)}) == [table, captioned]
    wider = replace(raw_table([["Lusitania Cork", "Association"]], top=140.0), lone_box=True)
    assert _rows_of_the_table_above([table, wider], captioned=set()) == [table, wider]
    not_a_box = raw_table([["Lusitania Cork Association"]], top=140.0)
    assert _rows_of_the_table_above([table, not_a_box], captioned=set()) == [table, not_a_box]


def test_one_text_its_engine_read_as_the_rest_of_the_table_above_the_page_break_is_kept():
    """A list's last row alone at the next page's head (dev pool D seed 5 report 22): the
    word-alignment engine read it on with the columns of the table the page before left
    open. A text table's width is its longest line's, not a drawn one, so that width
    (the box's test of running on) says nothing: the engine's reading does."""
    import re

    from extractor.boxes import settle_lone_boxes

    from .synthetic import empty_layout

    above = replace(raw_table([["Alpha Hub a. Delta Foods"], ["Beta Hub a. Epsilon Labs"]], page=3, top=500.0),
                    engine="text-alignment")
    rest = replace(raw_table([["Gamma Hub a. Zeta Marine b. Eta Print"]], page=4, top=70.0, widths=[66.0]),
                   engine="text-alignment", lone_box=True)
    pattern = re.compile(r"^Table\s+\d+")
    found = [(empty_layout(3), [above]), (empty_layout(4), [replace(rest, continues_previous_page=True)])]
    assert [len(tables) for _, tables in settle_lone_boxes(found, pattern)] == [1, 1]
    alone = [(empty_layout(3), [above]), (empty_layout(4), [rest])]
    assert [len(tables) for _, tables in settle_lone_boxes(alone, pattern)] == [1, 0]
