from extractor.headers import classify, flatten_headers, header_row_count, leaf_headers
from extractor.profile import load_profile

from .synthetic import raw_table

PROFILE = load_profile()


def mapped(rows, label=None, spans_down=None):
    table = raw_table(rows, spans_down=spans_down)
    n = header_row_count(table, PROFILE)
    return n, classify(label, flatten_headers(table, n), leaf_headers(table, n), PROFILE)


def test_headers_map_by_name_not_position():
    n, columns = mapped(
        [
            ["Country", "Field(s) of activity", "Cluster", "#"],
            ["Spain", "Water", "Some Cluster", "1"],
        ],
        label="Table 1 - EU cluster delegation",
    )
    assert n == 1
    assert columns.kind == "delegation"
    assert columns.columns == {"country": (0,), "fields_of_activity": (1,), "cluster": (2,), "index": (3,)}


def test_headers_reworded_and_missing_column_still_map():
    n, columns = mapped(
        [
            ["Cluster", "Partner organisation", "Kind of cooperation", "Number of SMEs that benefited",
             "Potential future beneficiaries (direct)", "Potential future beneficiaries (indirect)"],
            ["A", "B (EU firm)", "R&D", "1", "2", "3"],
        ]
    )
    assert columns.kind == "cooperation_agreements"
    assert columns.column("smes_benefited") == 3
    assert columns.column("future_smes_direct") == 4
    assert columns.column("future_smes_indirect") == 5
    assert "expected_impact" not in columns.columns


def test_headers_two_level_header_is_flattened():
    rows = [
        ["Clusters", "Organisation", "Type of cooperation", "How many SMEs could benefit in in the future?", None, "Expected impact on the SMEs"],
        [None, None, None, "Directly", "Indirectly", None],
        ["A", "B", "R&D", "1", "2", "x"],
    ]
    table = raw_table(rows, spans_down={(0, 0): 2, (0, 1): 2, (0, 2): 2, (0, 5): 2})
    # the group header spans two columns: drop the cell that it covers
    grid = list(table.grid)
    first = list(grid[0])
    group = first[3]
    first[3] = type(group)(text=group.text, lines=group.lines, bold=False, bbox=(group.bbox[0], group.bbox[1], first[4].bbox[2], group.bbox[3]))
    first[4] = None
    grid[0] = tuple(first)
    table = type(table)(**{**table.__dict__, "grid": tuple(grid)})
    n = header_row_count(table, PROFILE)
    assert n == 2
    flat = flatten_headers(table, n)
    assert flat[3] == "How many SMEs could benefit in in the future? Directly"
    assert flat[4] == "How many SMEs could benefit in in the future? Indirectly"
    columns = classify(None, flat, leaf_headers(table, n), PROFILE)
    assert columns.column("future_smes_direct") == 3
    assert columns.column("future_smes_indirect") == 4


def test_headers_data_row_naming_a_cluster_is_not_a_header():
    n, _ = mapped([["Agrofood Regional Cluster •Enis srl •Meotis"], ["Basque Energy Cluster •Zigor"]])
    assert n == 0
