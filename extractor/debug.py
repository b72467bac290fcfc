"""A picture of what the table engines saw on one page, for a person to check."""

from __future__ import annotations

from pathlib import Path

from .document import _describe, load_source, open_pdf, read_layout, visible_graphics
from .errors import CorruptPdfError
from .profile import candidate_profiles, captions_of
from .tables.choose import PageTableReader

COLOURS = {"pdfplumber-lines": (31, 78, 121), "text-alignment": (0, 133, 124)}
DEFAULT_COLOUR = (224, 112, 31)  # camelot flavours


def draw_page(pdf_path: Path, page_number: int, out: Path, profile: str = "eccp_followup", resolution: int = 100) -> list[str]:
    """Draw every table the report reader finds on the page, and its cells, into a PNG.

    Returns one line per table: engine, rows x columns, confidence.

    Raises:
        ExtractionError: the file or the profile cannot be read, or the page cannot be interpreted.
        ValueError: there is no such page.
    """
    reader = PageTableReader(captions_of(candidate_profiles(profile)), pdf_path)
    source = load_source(pdf_path)
    pdf, _ = open_pdf(source)
    with pdf:
        if not 1 <= page_number <= len(pdf.pages):
            raise ValueError(f"{pdf_path.name} has {len(pdf.pages)} pages, not {page_number}")
        page = visible_graphics(pdf.pages[page_number - 1])
        try:
            tables = reader.find(page, read_layout(page, page_number))
            image = page.to_image(resolution=resolution)
        except Exception as exc:  # pdfminer raises many unrelated types on a broken content stream
            raise CorruptPdfError(pdf_path, f"page {page_number} cannot be interpreted ({_describe(exc)})") from None
        lines = []
        for table in tables:
            colour = COLOURS.get(table.engine, DEFAULT_COLOUR)
            cells = [cell.bbox for row in table.grid for cell in row if cell is not None]
            image.draw_rects(cells, stroke=colour + (255,), fill=colour + (30,), stroke_width=1)
            image.draw_rect(table.bbox, stroke=colour + (255,), fill=(0, 0, 0, 0), stroke_width=3)
            lines.append(f"{table.engine}: {len(table.grid)} rows x {table.n_columns} columns, confidence {table.confidence}")
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(out), format="PNG")
    return lines
