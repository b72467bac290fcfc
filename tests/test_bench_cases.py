"""The camelot-cases benchmark's bound on what one reading can reproduce."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from camelot_cases import one_reading_ceiling  # noqa: E402


def case(pdf: str, grid: list[list[str]], page: str = "1") -> dict:
    return {"pdf": pdf, "pages": page, "expected": grid, "kwargs": {}}


def test_grids_of_one_table_read_apart_by_flavours_exclude_each_other():
    whole = [["Year", "Men", "Women"], ["1991", "11.0", "6.6"], ["1996", "9.5", "5.3"]]
    titled = [["Table 2: employment", "", ""], *whole]
    other = [["Item", "Units"], ["Oak", "140"], ["Pine", "75"]]
    cases = [case("a.pdf", whole), case("a.pdf", whole), case("a.pdf", titled), case("a.pdf", other), case("b.pdf", titled)]
    # a.pdf: the table read whole (2 cases) or with its title (1): 2; its other table 1; b.pdf 1
    assert one_reading_ceiling(cases) == 4
    assert one_reading_ceiling([case("a.pdf", whole), case("a.pdf", whole, page="2")]) == 2


def test_pdfplumber_assertions_name_rows_and_columns_of_its_own_table_without_empty_ones():
    from camelot_cases import normalise
    from pdfplumber_cases import holds

    # pdfplumber's raw table under the case's settings: an empty first row and column
    reference = [[["", None, None], ["", "Alabama", "71,137"], ["", "Wyoming", "5,017"]]]
    cell = {"op": "equals", "target": {"table": 0, "row": 1, "col": 1}, "value": "Alabama"}
    last = {"op": "equals", "target": {"table": 0, "row": -1}, "value": ["", "Wyoming", "5,017"]}
    rows = {"op": "len", "target": {"table": 0}, "value": 3}
    tidy = [normalise([["Alabama", "71,137"], ["Wyoming", "5,017"]])]
    assert all(holds(a, tidy, reference) for a in (cell, last, rows))
    shifted = [normalise([["State", "Checks"], ["Alabama", "71,137"], ["Wyoming", "5,017"]])]
    assert not holds(cell, shifted, reference)
    assert not holds(rows, shifted, reference)
    assert holds(last, shifted, reference)
