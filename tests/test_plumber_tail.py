"""A ruled table whose last row alone is pushed onto the next page, captioned below."""

from extractor import ExtractOptions, extract_report

from .synthetic import write_pdf

XS = [72, 230, 390, 560]


def _row(ops: list[bytes], top: int, cells: tuple[tuple[str, ...], ...], font: bytes) -> None:
    """One ruled row (a box per cell) whose cells may wrap onto a second line."""
    height = 12 * max(len(c) for c in cells) + 8
    for (x0, x1), lines in zip(zip(XS, XS[1:]), cells):
        ops.append(b"0.5 w %d %d %d %d re S" % (x0, top - height, x1 - x0, height))
        for i, text in enumerate(lines):
            ops.append(b"BT %s 9 Tf %d %d Td (%s) Tj ET" % (font, x0 + 3, top - 13 - 12 * i, text.encode()))


def last_row_pushed_report(path) -> None:
    first = [b"BT /F1 10 Tf 72 760 Td (The clusters met many organisations during the mission.) Tj ET"]
    top = 200
    for cells, font in [((("EU cluster",), ("Organisation",), ("Objective and next steps",)), b"/F2"),
                        ((("Alpha Cluster",), ("Omega Ltd",), ("Joint project",)), b"/F1"),
                        ((("Beta Cluster",), ("Sigma SA",), ("Study visit",)), b"/F1")]:
        _row(first, top, cells, font)
        top -= 20
    second = []
    _row(second, 770, (("Energy and Cleantech Cluster", "Lombardy"), ("Polaris Automation S.r.l.",),
                       ("Distribution agreement under", "negotiation")), b"/F1")
    second.append(b"BT /F2 9.5 Tf 72 725 Td (Table 2 - Cooperation objectives and next steps) Tj ET")
    second.append(b"BT /F1 10 Tf 72 690 Td (The involvement of the SMEs depends on each cluster.) Tj ET")
    write_pdf(path, [first, second])


def test_plumber_last_row_at_the_page_head_continues_the_table_its_caption_below_names(tmp_path):
    path = tmp_path / "tail.pdf"
    last_row_pushed_report(path)
    report = extract_report(path, ExtractOptions(no_camelot=True))
    [table] = report.tables
    assert table.label == "Table 2 - Cooperation objectives and next steps"
    assert table.kind == "cooperation_objectives" and table.pages == [1, 2]
    assert [(o.cluster.raw, o.partner.raw) for o in report.cooperation_objectives] == [
        ("Alpha Cluster", "Omega Ltd"), ("Beta Cluster", "Sigma SA"),
        ("Energy and Cleantech Cluster Lombardy", "Polaris Automation S.r.l."),
    ]
