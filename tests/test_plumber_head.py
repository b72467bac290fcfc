"""A ruled table whose header row alone is left at a page foot."""

from extractor import ExtractOptions, extract_report

from .synthetic import write_pdf

XS = [72, 200, 330, 470]


def _row(ops: list[bytes], y: int, cells: tuple[str, ...], font: bytes) -> None:
    """One ruled row: a box per cell, 20 pt high, text inside."""
    for (x0, x1), text in zip(zip(XS, XS[1:] + [560]), cells):
        ops.append(b"0.5 w %d %d %d 20 re S" % (x0, y, x1 - x0))
        ops.append(b"BT %s 9 Tf %d %d Td (%s) Tj ET" % (font, x0 + 3, y + 6, text.encode()))


def split_header_report(path) -> None:
    first = [b"BT /F1 10 Tf 72 760 Td (The clusters met many organisations during the mission.) Tj ET",
             b"BT /F2 9.5 Tf 72 110 Td (Table 2 - Cooperation objectives and next steps) Tj ET"]
    _row(first, 80, ("Clusters", "Organisation", "Cooperation objective", "Technology"), b"/F2")
    second = []
    for i, cells in enumerate([("Alpha Cluster", "Omega Ltd", "Joint project", "Sensors"),
                               ("Beta Cluster", "Sigma SA", "Study visit", "Robotics")]):
        _row(second, 760 - 20 * i, cells, b"/F1")
    write_pdf(path, [first, second])


def test_plumber_header_row_left_at_the_page_foot_heads_the_body_on_the_next_page(tmp_path):
    path = tmp_path / "split.pdf"
    split_header_report(path)
    report = extract_report(path, ExtractOptions(no_camelot=True))
    [table] = [t for t in report.tables if t.label]
    assert table.label == "Table 2 - Cooperation objectives and next steps"
    assert table.kind == "cooperation_objectives" and table.pages == [1, 2]
    assert [(o.cluster.raw, o.partner.raw) for o in report.cooperation_objectives] == [
        ("Alpha Cluster", "Omega Ltd"), ("Beta Cluster", "Sigma SA")
    ]
