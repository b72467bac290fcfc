"""Pages printed sideways: text (a landscape table, say) that runs at 90 or 270 degrees.

pdfplumber gives each character its text matrix; a page where most characters are
not upright is turned (its /Rotate entry, which pdfminer applies to every
coordinate, text and rules alike) so that its text reads left to right, and the
document is read again from the turned copy. Without this the sideways words are
dropped as not upright, and a page holding only sideways text looks like a scan.
"""

from __future__ import annotations

import io
from statistics import median

TURNED_SHARE = 0.5  # more than this share of a page's characters sideways: the page is turned


def page_turn(chars: list[dict]) -> int:
    """Degrees (clockwise, 0, 90 or 270) by which a page must be turned for most of
    its text to read left to right."""
    if not chars:
        return 0
    sideways = [c for c in chars if not c.get("upright", True) and c.get("matrix")]
    if len(sideways) <= TURNED_SHARE * len(chars):
        return 0
    upward = median(c["matrix"][1] for c in sideways)  # b > 0: the baseline runs bottom to top
    return 90 if upward > 0 else 270


def turned_copy(data: bytes, turns: dict[int, int], password: str | None = None) -> bytes:
    """The PDF with each page (0-based index) turned by the given degrees."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data), password=password or "") as pdf:
        for index, degrees in turns.items():
            page = pdf.pages[index]
            current = int(page.obj.get("/Rotate", 0))
            page.obj.Rotate = (current + degrees) % 360
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
