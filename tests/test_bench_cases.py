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
