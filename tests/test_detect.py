from extractor.tables.camelot import CamelotEngine
from extractor.tables.detect import choose, detect_tables

from .conftest import PDFS
from .synthetic import raw_table


def shifted(table, dx, confidence):
    x0, top, x1, bottom = table.bbox
    return type(table)(**{**table.__dict__, "bbox": (x0 + dx, top, x1 + dx, bottom), "confidence": confidence, "engine": "other"})


def test_detect_choose_prefers_clean_ruled_tables_and_fills_gaps():
    ruled = raw_table([["a", "b"], ["1", "2"]], top=100)
    crowded = type(ruled)(**{**ruled.__dict__, "confidence": 0.5})
    elsewhere = shifted(raw_table([["c", "d"], ["3", "4"]], top=400), 0, 0.8)
    same_place = shifted(ruled, 2, 0.95)
    assert choose([ruled], [same_place, elsewhere]) == [ruled, elsewhere]
    assert choose([crowded], [same_place]) == [same_place]


def test_detect_camelot_lattice_reads_a_ruled_fixture_table():
    [table] = CamelotEngine("lattice").find_in_file(PDFS / "eu_mexico_2016.pdf", 5, 841.89)
    assert table.engine == "camelot-lattice"
    assert (len(table.grid), table.n_columns) == (15, 4)
    assert table.grid[2][1].text == "ArchEnerg"


def test_detect_tables_on_a_fixture_page_without_camelot():
    [grid] = detect_tables(PDFS / "eu_mexico_2016.pdf", pages=[5], fallback="")[5]
    assert grid[0] == ["#", "Cluster", "Field(s) of activity", "Country"]
    assert len(grid) == 15
