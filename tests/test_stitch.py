from extractor.profile import load_profile
from extractor.stitch import stitch

from .synthetic import empty_layout, raw_table

PROFILE = load_profile()
HEADER = ["Clusters", "Organisation", "Cooperation objective & next steps", "The type of technology/service involved"]


def test_stitch_joins_continuation_drops_repeated_header_and_inherits_nothing_in_rows():
    first = raw_table([HEADER, ["A Cluster", "Org 1", "Share", "Water"], [None, "Org 2", "Meet", "Energy"]], page=8)
    second = raw_table([HEADER, [None, "Org 3", "Visit", "Wood"], ["B Cluster", "Org 4", "Talk", "Food"]], page=9)
    tables = stitch([(empty_layout(8), [first]), (empty_layout(9), [second])], PROFILE)
    assert len(tables) == 1
    table = tables[0]
    assert table.pages == [8, 9]
    assert [row.text(1) for row in table.rows] == ["Org 1", "Org 2", "Org 3", "Org 4"]
    assert [row.page for row in table.rows] == [8, 8, 9, 9]
    assert table.rows[2].text(0) is None


def test_stitch_rejoins_a_row_broken_over_the_page_boundary():
    first = raw_table([HEADER, ["A Cluster", "Org 1", "Share knowledge and", "Water"]], page=3)
    second = raw_table([HEADER, [None, None, "organise events", None], [None, "Org 2", "Meet", "Wood"]], page=4)
    table = stitch([(empty_layout(3), [first]), (empty_layout(4), [second])], PROFILE)[0]
    assert [row.text(2) for row in table.rows] == ["Share knowledge and organise events", "Meet"]
    assert table.rows[0].rejoined and table.rows[0].page == 3


def test_stitch_keeps_tables_on_non_consecutive_pages_apart():
    first = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"]], page=3)
    second = raw_table([HEADER, ["B Cluster", "Org 2", "x", "y"]], page=5)
    assert len(stitch([(empty_layout(3), [first]), (empty_layout(5), [second])], PROFILE)) == 2


def test_stitch_different_column_count_starts_a_new_table():
    first = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"]], page=3)
    second = raw_table([["#", "Cluster", "Country"], ["1", "B", "Spain"]], page=4)
    assert len(stitch([(empty_layout(3), [first]), (empty_layout(4), [second])], PROFILE)) == 2
