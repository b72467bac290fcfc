"""Small synthetic tables for unit tests of the table stages."""

from __future__ import annotations

from extractor.layout import PageLayout
from extractor.tables.base import Cell, RawTable


def raw_table(rows: list[list[str | None]], page: int = 1, top: float = 100.0, widths: list[float] | None = None,
              spans_down: dict[tuple[int, int], int] | None = None) -> RawTable:
    """A ruled table from cell texts; `spans_down[(r, c)] = n` makes that cell n rows tall."""
    n_cols = len(rows[0])
    widths = widths or [60.0] * n_cols
    xs = [50.0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top + 20.0 * i for i in range(len(rows) + 1)]
    spans_down = spans_down or {}
    covered = {(r + k, c) for (r, c), n in spans_down.items() for k in range(1, n)}
    grid = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                cells.append(None)
                continue
            height = spans_down.get((r, c), 1)
            bbox = (xs[c], ys[r], xs[c + 1], ys[r + height])
            cells.append(Cell(text=text, lines=(text,) if text else (), bold=False, bbox=bbox))
        grid.append(tuple(cells))
    return RawTable(
        page=page,
        bbox=(xs[0], ys[0], xs[-1], ys[-1]),
        engine="test",
        grid=tuple(grid),
        column_edges=tuple(xs),
        row_edges=tuple(ys),
        confidence=1.0,
    )


def empty_layout(number: int) -> PageLayout:
    return PageLayout(number=number, width=842.0, height=595.0, words=[], lines=[])


def write_pdf(path, pages: list[list[bytes]], size: tuple[float, float] = (595, 842)) -> None:
    """A PDF whose pages draw the given content-stream operators, with /F1 Helvetica
    and /F2 Helvetica-Bold available: small documents whose every stroke a test sets."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    fonts = pikepdf.Dictionary(
        F1=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica),
        F2=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica-Bold")),
    )
    for ops in pages:
        page = pdf.add_blank_page(page_size=size)
        page.Resources = pikepdf.Dictionary(Font=fonts)
        page.Contents = pdf.make_stream(b"\n".join(ops))
    buffer = io.BytesIO()
    pdf.save(buffer)
    path.write_bytes(buffer.getvalue())
