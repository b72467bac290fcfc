"""The ICDAR 2013 adjacency-relation metric (bench/icdar_metric.py) on hand-made grids.

No PDFs and no dataset needed.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

# bench/ is not a package: load the module by path.
_PATH = Path(__file__).resolve().parent.parent / "bench" / "icdar_metric.py"
_spec = importlib.util.spec_from_file_location("bench_icdar_metric", _PATH)
m = importlib.util.module_from_spec(_spec)
sys.modules["bench_icdar_metric"] = m
_spec.loader.exec_module(m)

Cell, relations, score, summarise = m.Cell, m.relations, m.score, m.summarise
R, B = m.RIGHT, m.BELOW

PLAIN = [
    ["Name", "Q1", "Q2"],
    ["alpha", "1", "2"],
    ["beta", "3", "4"],
]


def spanned(cells):
    """Build a ground-truth grid from (text, row, col, end_row, end_col)."""
    n_rows = max(c[3] for c in cells) + 1
    n_cols = max(c[4] for c in cells) + 1
    grid = [[None] * n_cols for _ in range(n_rows)]
    for text, r, c, er, ec in cells:
        cell = Cell(text, r, c, er, ec)
        for i in range(r, er + 1):
            for j in range(c, ec + 1):
                grid[i][j] = cell
    return grid


def test_plain_grid_relations():
    rel = relations(PLAIN)
    assert sum(rel.values()) == 12  # 3 rows x 2 right + 3 cols x 2 below
    assert rel[("name", "q1", R)] == 1
    assert rel[("alpha", "beta", B)] == 1
    assert ("name", "q2", R) not in rel


def test_normalisation_lower_case_and_white_space():
    rel = relations([["Cycle \nName", "KI (1/km)"]])
    assert rel == Counter({("cyclename", "ki(1/km)", R): 1})


def test_blank_cells_are_skipped():
    grid = [
        ["a", None, "b"],
        ["", "  ", None],
        ["c", "", "d"],
    ]
    assert relations(grid) == Counter(
        {("a", "b", R): 1, ("c", "d", R): 1, ("a", "c", B): 1, ("b", "d", B): 1}
    )


def test_spanning_cell_takes_part_in_every_row_and_column_it_spans():
    # "Head" spans columns 1-2 of row 0; "Row" spans rows 1-2 of column 0.
    grid = spanned(
        [
            ("Head", 0, 1, 0, 2),
            ("Row", 1, 0, 2, 0),
            ("x", 1, 1, 1, 1),
            ("y", 1, 2, 1, 2),
            ("z", 2, 1, 2, 1),
            ("w", 2, 2, 2, 2),
        ]
    )
    assert relations(grid) == Counter(
        {
            ("head", "x", B): 1,
            ("head", "y", B): 1,
            ("row", "x", R): 1,
            ("row", "z", R): 1,
            ("x", "y", R): 1,
            ("z", "w", R): 1,
            ("x", "z", B): 1,
            ("y", "w", B): 1,
        }
    )


def test_same_pair_across_two_shared_rows_counts_once():
    grid = spanned([("a", 0, 0, 1, 0), ("b", 0, 1, 1, 1)])
    assert relations(grid) == Counter({("a", "b", R): 1})


def test_detected_span_as_text_plus_blanks_matches_ground_truth_span():
    truth = spanned([("Head", 0, 0, 0, 1), ("x", 1, 0, 1, 0), ("y", 1, 1, 1, 1)])
    found = [["Head", None], ["x", "y"]]
    # The detected grid misses ("head", "y", below): a span read as text + blank.
    result = score({1: [found]}, {1: [truth]})
    assert (result["correct"], result["found"], result["truth"]) == (2, 2, 3)
    assert result["precision"] == 1.0
    assert result["recall"] == pytest.approx(2 / 3)


def test_perfect_match_is_one():
    truth = spanned([(t, r, c, r, c) for r, row in enumerate(PLAIN) for c, t in enumerate(row)])
    result = score({1: [PLAIN]}, {1: [truth]})
    assert result["precision"] == result["recall"] == result["f1"] == 1.0
    assert result["correct"] == 12


def test_shifted_column_lowers_precision_and_recall():
    # The Q2 column is shifted one row down: its header now sits beside "alpha".
    found = [
        ["Name", "Q1", None],
        ["alpha", "1", "Q2"],
        ["beta", "3", "2"],
        [None, None, "4"],
    ]
    result = score({1: [found]}, {1: [PLAIN]})
    assert result["precision"] < 1.0 and result["recall"] < 1.0
    # Still right: name-q1, alpha-1, beta-3, name-alpha, alpha-beta, q1-1, 1-3, q2-2, 2-4.
    assert result["correct"] == 9
    assert result["found"] == 11


def test_extra_table_lowers_precision_only():
    extra = [["Page", "footer"], ["noise", "row"]]
    result = score({1: [PLAIN, extra]}, {1: [PLAIN]})
    assert result["recall"] == 1.0
    assert result["precision"] == pytest.approx(12 / 16)


def test_extra_table_on_page_without_ground_truth_lowers_precision():
    result = score({1: [PLAIN], 2: [[["a", "b"]]]}, {1: [PLAIN]})
    assert result["precision"] == pytest.approx(12 / 13)
    assert result["recall"] == 1.0


def test_missing_table_lowers_recall_only():
    other = [["x", "y"], ["z", "w"]]
    result = score({1: [PLAIN]}, {1: [PLAIN, other]})
    assert result["precision"] == 1.0
    assert result["recall"] == pytest.approx(12 / 16)


def test_relations_pooled_per_page_not_per_table():
    # One ground-truth table found as two pieces (split between rows): only the
    # relations across the split are lost; which table a relation came from is irrelevant.
    result = score({1: [PLAIN[:2], PLAIN[2:]]}, {1: [PLAIN]})
    assert result["precision"] == 1.0
    assert result["correct"] == 9 and result["truth"] == 12


def test_pages_are_not_mixed():
    result = score({2: [PLAIN]}, {1: [PLAIN]})
    assert result["correct"] == 0
    assert result["precision"] == 0.0 and result["recall"] == 0.0 and result["f1"] == 0.0


def test_duplicate_relations_are_a_multiset():
    truth = [["a", "b"], ["a", "b"]]
    found = [["a", "b"], ["a", "b"], ["a", "b"]]
    result = score({1: [found]}, {1: [truth]})
    # truth: (a,b,R) x2, (a,a,B), (b,b,B); found: (a,b,R) x3, (a,a,B) x2, (b,b,B) x2
    assert (result["correct"], result["found"], result["truth"]) == (4, 7, 4)


def test_nothing_found():
    result = score({}, {1: [PLAIN]})
    assert (result["precision"], result["recall"], result["f1"]) == (0.0, 0.0, 0.0)
    assert score({}, {})["precision"] == 1.0


def test_summarise_micro_and_per_document_mean():
    good = score({1: [PLAIN]}, {1: [PLAIN]})  # 12/12
    bad = score({}, {1: [[["x", "y"]]]})  # 0 found, 1 truth
    summary = summarise([good, bad])
    assert summary["documents"] == 2
    assert summary["micro"]["precision"] == 1.0
    assert summary["micro"]["recall"] == pytest.approx(12 / 13)
    assert summary["mean"]["precision"] == 0.5
    assert summary["mean"]["recall"] == 0.5
    assert summary["mean"]["f1"] == 0.5


def test_ground_truth_xml_with_spans_increments_and_mixed_quotes(tmp_path):
    xml = tmp_path / "t-str.xml"
    xml.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<document filename='t.pdf'>
  <table id='1'>
    <region id="1" page='2' col-increment='0' row-increment="1">
      <cell id='1' start-row='-1' start-col='0' end-row="-1" end-col='1'>
        <bounding-box x1='1' y1='2' x2='3' y2='4'/><content>Top
Head</content></cell>
      <cell id='2' start-row='0' start-col='0'><content>a</content></cell>
      <cell id='3' start-row='0' start-col='1'><content>b</content></cell>
    </region>
    <region id="2" page='2' col-increment='2' row-increment='1'>
      <cell id='4' start-row='0' start-col='0'><content>c</content></cell>
    </region>
  </table>
  <table id='2'>
    <region id="1" page='3' col-increment='0' row-increment='0'>
      <cell id='1' start-row='0' start-col='0'><content>z</content></cell>
    </region>
  </table>
</document>
""",
        encoding="utf-8",
    )
    truth = m.ground_truth_tables(xml)
    assert sorted(truth) == [2, 3]
    (grid,) = truth[2]
    assert len(grid) == 2 and len(grid[0]) == 3
    head = grid[0][0]
    assert head is grid[0][1] and head.text == "Top\nHead"
    assert grid[0][2] is None
    assert [c.text for c in grid[1]] == ["a", "b", "c"]
    assert relations(grid) == Counter(
        {("tophead", "a", B): 1, ("tophead", "b", B): 1, ("a", "b", R): 1, ("b", "c", R): 1}
    )
