from extractor import ExtractOptions, extract_report

from .synthetic import write_pdf

ROWS = [
    ("#", "Cluster", "Field(s) of activity", "Country"),
    ("1", "Alpha Water Cluster", "Water treatment", "Spain"),
    ("2", "Beta Wood Cluster", "Wood, biomass", "Romania"),
    ("3", "Gamma Food Cluster", "Packaging", "France"),
]


def borderless_report(path, gap: float) -> None:
    """A caption, `gap` points of space, then a table drawn without any rule."""
    ops = [b"BT /F2 10 Tf 72 760 Td (Table 1 - EU cluster delegation) Tj ET"]
    xs = [72, 110, 260, 420]
    y = 760 - 12 - gap
    for i, row in enumerate(ROWS):
        for x, cell in zip(xs, row):
            font = b"/F2" if i == 0 else b"/F1"
            ops.append(b"BT %s 9 Tf %d %d Td (%s) Tj ET" % (font, x, y, cell.encode()))
        y -= 16
    ops.append(b"BT /F1 10 Tf 72 %d Td (The delegation counted three clusters.) Tj ET" % (y - 40))
    write_pdf(path, [ops])


def test_choose_word_alignment_serves_a_borderless_table_under_its_caption(tmp_path):
    path = tmp_path / "near.pdf"
    borderless_report(path, gap=6)
    report = extract_report(path)
    assert [m.cluster.name for m in report.delegation] == ["Alpha Water Cluster", "Beta Wood Cluster", "Gamma Food Cluster"]
    assert {m.provenance.engine for m in report.delegation} == {"text-alignment"}


def test_choose_camelot_is_paid_only_under_a_caption_no_cheaper_engine_served(tmp_path):
    path = tmp_path / "far.pdf"
    borderless_report(path, gap=60)
    assert extract_report(path, ExtractOptions(no_camelot=True)).delegation == []
    report = extract_report(path)
    assert [(m.index, m.cluster.name, m.country) for m in report.delegation] == [
        (1, "Alpha Water Cluster", "ES"), (2, "Beta Wood Cluster", "RO"), (3, "Gamma Food Cluster", "FR")
    ]
    assert {m.provenance.engine for m in report.delegation} == {"camelot-stream"}
    assert report.tables[0].engine == "camelot-stream"
