"""The OCR stage: pages without a usable text layer are rendered once, straightened,
read by the OCR engine and handed on as the same `PageLayout` (words with positions in
PDF points) and a page whose edges are the ruling lines found on the image, so the
table, narrative and record stages work unchanged."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from statistics import median

from schemas.findings import FindingCode
from schemas.records import Finding, Provenance

from ..layout import WORD_GAP_RATIO, PageLayout, Word, mark_superscripts, words_to_lines
from ..settings import Settings
from .base import OcrEngine, OcrWord
from .image import prepare, render

SIZE_STEP = 0.5  # points: OCR line heights are rounded to this, so one font reads as one size
LINE_HEIGHT_PER_SIZE = 1.0  # a line's ink (ascender to descender) over its font size: about one


def needs_ocr(page, layout: PageLayout, settings: Settings) -> bool:
    """Whether a page's text layer is unusable, so that its words must be read from its
    image: no word at all (a scan, or text drawn as outlines), or almost no characters
    on a page that shows images (a scan with a stray text line). A text layer of glyph
    ids ("(cid:N)") reaches here without words: `document.text_layer_usable` blanked it."""
    if settings.ocr == "never":
        return False
    if settings.ocr == "always":
        return True
    few_chars = sum(len(w.text) for w in layout.words) < settings.ocr_min_chars
    return len(layout.words) == 0 or (few_chars and page is not None and bool(page.images))


class ImagePage:
    """Stands in for a pdfplumber page whose ruling lines were found on its image:
    what the table engines ask of a page (size, edges; pdfplumber's `TableFinder` reads
    its edges as it reads a page's)."""

    def __init__(self, layout: PageLayout, edges: list[dict]):
        self.width = float(layout.width)
        self.height = float(layout.height)
        self.bbox = (0.0, 0.0, self.width, self.height)
        self.edges = edges
        self.page_number = layout.number
        self.chars: list = []

    def close(self) -> None:
        pass


BOLD_STROKE = 1.15  # a word whose strokes are this much thicker than the page's usual is bold


def bold_words(words: list[OcrWord], stroke) -> set[int]:
    """Indexes of the words set in bold: the stroke width (the distance from the middle
    of a stroke to the paper, high percentile over the word's ink) well above the page's
    median word. Bold marks headers, headings and the emphasised names of a table."""
    import numpy as np

    widths = []
    for word in words:
        x0, top, x1, bottom = word.box
        inside = stroke[top:bottom, x0:x1]
        values = inside[inside > 0]
        widths.append(float(np.percentile(values, 80)) if values.size else 0.0)
    measured = [w for w in widths if w > 0]
    if not measured:
        return set()
    usual = float(np.median(measured))
    return {i for i, w in enumerate(widths) if w >= BOLD_STROKE * usual}


BULLET_MISREADS = set("e*«»¢°o@©+-•·")  # what the engine makes of a bullet glued to its item


def with_bullets(words: list[OcrWord], dots: list[tuple[int, int, int, int]]) -> list[OcrWord]:
    """List bullets as words "•" of their own. A dot starting a line is a bullet where the
    engine read nothing there, or read the dot as one of its usual misreadings ("e", "*",
    "¢") glued to the item ("eEsteyco"); a dot read as a letter ("D" of a bold word) is not."""
    result = list(words)
    for dot in dots:
        cx, cy = (dot[0] + dot[2]) / 2, (dot[1] + dot[3]) / 2
        hit = next((w for w in result if w.box[0] - 1 <= cx <= w.box[2] + 1 and w.box[1] - 1 <= cy <= w.box[3] + 1), None)
        if hit is None:
            right = [w for w in result if w.line_box[1] <= cy <= w.line_box[3] and w.box[0] >= dot[2]]
            item = min(right, key=lambda w: w.box[0]) if right else None
            result.append(OcrWord("\u2022", dot, item.line_box if item else dot, 1.0, item.paragraph_box if item else None))
            continue
        if hit.text[0] not in BULLET_MISREADS or hit.text == "\u2022":
            continue
        index = result.index(hit)
        result[index] = replace(hit, text="\u2022", box=(hit.box[0], hit.box[1], dot[2], hit.box[3]))
        if len(hit.text) > 1:
            result.insert(index + 1, replace(hit, text=hit.text[1:], box=(dot[2] + 1, hit.box[1], hit.box[2], hit.box[3])))
    return result


def ocr_layout(words: list[OcrWord], number: int, width: float, height: float, points_per_pixel: float,
               bold: set[int] = frozenset()) -> PageLayout:
    """Our words from the engine's: boxes in points, each word as tall as its line (as
    text-layer words are as tall as their font), the size from the line's height."""
    sizes = paragraph_sizes(words, points_per_pixel)
    made = []
    for index, word in enumerate(words):
        x0, _, x1, _ = word.box
        _, top, _, bottom = word.line_box
        size = sizes[index]
        made.append(
            Word(
                text=word.text,
                x0=x0 * points_per_pixel,
                top=top * points_per_pixel,
                x1=x1 * points_per_pixel,
                bottom=bottom * points_per_pixel,
                size=size,
                bold=index in bold,
                confidence=word.confidence,
            )
        )
    made = mark_superscripts(_spaced(made, [w.line_box for w in words]))
    return PageLayout(number=number, width=width, height=height, words=made, lines=words_to_lines(made), ocr=True)


NOT_APPLICABLE_MISREAD = re.compile(r"^([Nn])[Il|1]([Aa])([.,;]?)$")


TRAILING_DOTS = re.compile(r"[.…]{2,}$")
LEADER_WIDTH = 0.8  # of the line's height per character: a word this wide holds a dot leader
LEADER = "...."  # what the narrative takes for a contents line's dot leader


def mend_misreads(words: list[OcrWord]) -> list[OcrWord]:
    """Undo the engine's commonest slips in reports: the slash of "N/A" read as a capital
    I or l ("NIA"), which hides the answer from the cell parsers; and a contents line's
    dot leader read as a short "..." (its box still spans the leader), which would let
    the contents page pass for sentences."""
    mended = []
    for word in words:
        text = NOT_APPLICABLE_MISREAD.sub(r"\1/\2\3", word.text)
        height = max(1, word.line_box[3] - word.line_box[1])
        if TRAILING_DOTS.search(text) and (word.box[2] - word.box[0]) / len(text) > LEADER_WIDTH * height:
            text = TRAILING_DOTS.sub(LEADER, text)
        mended.append(replace(word, text=text) if text != word.text else word)
    return mended


def paragraph_sizes(words: list[OcrWord], points_per_pixel: float) -> list[float]:
    """Each word's font size: the median over its paragraph's lines of the line height
    (a line without ascenders or descenders is shorter than one with them; the
    paragraph's lines share one font)."""
    def line_size(box) -> float:
        return (box[3] - box[1]) * points_per_pixel / LINE_HEIGHT_PER_SIZE

    lines_of: dict = {}
    for word in words:
        lines_of.setdefault(word.paragraph_box or word.line_box, set()).add(word.line_box)
    size_of = {key: median(line_size(box) for box in boxes) for key, boxes in lines_of.items()}
    return [max(SIZE_STEP, round(size_of[w.paragraph_box or w.line_box] / SIZE_STEP) * SIZE_STEP) for w in words]


def _spaced(words: list[Word], line_boxes: list) -> list[Word]:
    """Words the engine told apart kept apart: where two words of one line come closer
    than the gap the layout reads as a space (the engine's box of a dash or quote often
    overlaps its neighbour), the later word's box starts a little further right."""
    out: list[Word] = []
    for i, word in enumerate(words):
        if out and out[-1].text == "\u2022" and line_boxes[i] == line_boxes[i - 1] and word.x0 > out[-1].x1:
            word = Word(**{**word.__dict__, "x0": out[-1].x1})  # the item touches its bullet, as printed
        elif out and line_boxes[i] == line_boxes[i - 1]:
            prev = out[-1]
            needed = prev.x1 + WORD_GAP_RATIO * min(prev.size, word.size) * 1.5
            if word.x0 < needed and word.x0 > prev.x0:
                shift = min(needed, word.x1 - 0.1) - word.x0
                word = Word(**{**word.__dict__, "x0": word.x0 + shift})
                if word.x0 < needed:
                    out[-1] = Word(**{**prev.__dict__, "x1": max(prev.x0 + 0.1, word.x0 - (needed - prev.x1))})
        out.append(word)
    return out


def split_spaced_dashes(words: list[OcrWord]) -> list[OcrWord]:
    """A dash the engine glued to the word before it ("CEEC-" for "CEEC - Cluster") made
    its own word again. Only inside a line and before a word that starts a space away:
    a hyphen ending a line breaks a word, and one followed closely joins a compound."""
    out: list[OcrWord] = []
    for word, following in zip(words, words[1:] + [None]):
        text = word.text
        glued = len(text) > 1 and text[-1] in "-–—" and text[-2].isalnum()
        height = word.line_box[3] - word.line_box[1]
        same_line = following is not None and following.line_box == word.line_box
        if glued and same_line and following.box[0] - word.box[2] > 0.2 * height:
            dash_width = max(1, (word.box[2] - word.box[0]) // len(text))
            x0, top, x1, bottom = word.box
            out.append(replace(word, text=text[:-1], box=(x0, top, x1 - dash_width - dash_width // 2, bottom)))
            out.append(replace(word, text=text[-1], box=(x1 - dash_width, top, x1, bottom)))
        else:
            out.append(word)
    return out


class PageOcr:
    """Reads the pages that need it with the configured engine; the document is opened
    for rendering only when the first such page comes."""

    def __init__(self, source: Path, data: bytes, password: str | None, settings: Settings, engine: OcrEngine):
        self.source = source
        self.data = data
        self.password = password
        self.settings = settings
        self.engine = engine
        self._document = None
        self.pages: dict[int, float] = {}  # page number -> mean word confidence, for the pages read by OCR

    def read(self, page, layout: PageLayout):
        """The page and its layout, read by OCR if it needs it, else as they are. `page`
        is None where pdfminer could not read the page (its image may still be read)."""
        if not needs_ocr(page, layout, self.settings):
            return page, layout
        self.engine.check(self.source)
        import pypdfium2 as pdfium

        try:
            if self._document is None:
                self._document = pdfium.PdfDocument(self.data, password=self.password)
            gray = render(self._document, layout.number - 1, self.settings.ocr_dpi)
        except pdfium.PdfiumError:
            # a damaged file pdfminer could half read but PDFium cannot open or draw:
            # the page stays without text, as read (the salvage stage reports it)
            return page, layout
        settings = self.settings
        prepared = prepare(gray, settings.ocr_dpi, float(layout.height), settings.ocr_deskew, settings.ocr_denoise, settings.ocr_image_lines)
        words = reread_cells(self.engine, prepared.image, prepared.cells, self.engine.read(prepared.image))
        words = mend_misreads(split_spaced_dashes(with_bullets(words, prepared.bullets)))
        read = ocr_layout(words, layout.number, float(layout.width), float(layout.height), prepared.points_per_pixel,
                          bold_words(words, prepared.stroke))
        self.pages[layout.number] = round(mean_confidence(read.words), 3)
        return ImagePage(layout, prepared.edges), read

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None


CELL_MARGIN = 10  # pixels of white put round a cell read on its own
MIN_CELL_INK = 12  # dark pixels: a cell with fewer is blank
INK_LEVEL = 128
LOW_CELL_CONFIDENCE = 0.75
# A cell holding one short word (a count, "No") is where a page reading slips most: a
# narrow "1" alone in its cell comes out as "x" or "£" at 0.8, and read on its own the
# same cell gives "1" at 0.95. Such a cell is read again unless its word is this sure.
LONE_WORD_CHARS = 2
LONE_WORD_CONFIDENCE = 0.9


def reread_cells(engine: OcrEngine, image, cells: list[tuple[int, int, int, int]], words: list[OcrWord]) -> list[OcrWord]:
    """Table cells read again one by one where the page's reading missed or doubted them.

    Laid out as a page, a ruled table misleads the engine: it drops a digit alone in its
    cell ("0", "2"), and runs shaded header cells into each other. A cell with ink but no
    word, only doubtful words, or one short word not quite sure is read on its own as
    one block of text; its words replace the page's when they are more certain."""
    import cv2
    import numpy as np

    result = list(words)
    for x0, top, x1, bottom in cells:
        inside = [w for w in result if x0 <= (w.box[0] + w.box[2]) / 2 < x1 and top <= (w.box[1] + w.box[3]) / 2 < bottom]
        before = mean_confidence(inside)
        lone = len(inside) == 1 and len(inside[0].text) <= LONE_WORD_CHARS
        if inside and before >= (LONE_WORD_CONFIDENCE if lone else LOW_CELL_CONFIDENCE):
            continue
        crop = image[top:bottom, x0:x1]
        if int(np.count_nonzero(crop < INK_LEVEL)) < MIN_CELL_INK:
            continue
        padded = cv2.copyMakeBorder(crop, CELL_MARGIN, CELL_MARGIN, CELL_MARGIN, CELL_MARGIN, cv2.BORDER_CONSTANT, value=255)
        dx, dy = x0 - CELL_MARGIN, top - CELL_MARGIN
        found = [
            replace(w, box=_shift(w.box, dx, dy), line_box=_shift(w.line_box, dx, dy),
                    paragraph_box=_shift(w.paragraph_box, dx, dy) if w.paragraph_box else None)
            for w in engine.read(padded, block=True)
        ]
        if found and (not inside or mean_confidence(found) > before):
            result = [w for w in result if w not in inside] + found
    return result


def _shift(box: tuple[int, int, int, int], dx: int, dy: int) -> tuple[int, int, int, int]:
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)


def mean_confidence(words: list[Word] | list[OcrWord]) -> float:
    """Mean OCR confidence of the words (ours or the engine's), weighted by their length (a long word misread
    costs more than a stray mark)."""
    total = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / total if total else 0.0


#: What reading a page's text layer found wrong, settled when OCR read the page instead.
SETTLED_BY_OCR = (FindingCode.unusable_text_layer, FindingCode.page_unreadable)


def ocr_findings(findings: list[Finding], layout: PageLayout) -> list[Finding]:
    """A page's reading findings once OCR has had its turn: where OCR read the page, its
    missing or garbled text layer is no loss but an `page_read_by_ocr` note."""
    if not layout.ocr:
        return findings
    kept = [f for f in findings if f.code not in SETTLED_BY_OCR]
    return kept + [
        Finding(code=FindingCode.page_read_by_ocr, severity="info",
                message=f"page {layout.number}: it has no usable text layer; its words were read from its image by OCR",
                provenance=Provenance(page=layout.number))
    ]


def weigh_by_ocr(tables: list, layout: PageLayout) -> list:
    """Tables of an OCR page with their confidence multiplied by that of the words in
    them: every record built from them then carries the OCR's doubt."""
    if not layout.ocr:
        return tables
    from ..layout import words_in_box

    return [replace(t, confidence=round(t.confidence * mean_confidence(words_in_box(layout.words, t.bbox)), 3)) for t in tables]


def mark_provenance(report, pages: dict[int, float]):
    """Set `provenance.ocr` on every record, figure and finding that starts on a page
    read by OCR; one that had no confidence gets its page's mean word confidence."""
    from schemas.records import Provenance, instances_of

    for provenance in instances_of(report, Provenance) if pages else []:
        if provenance.page in pages:
            provenance.ocr = True
            if provenance.confidence is None:
                provenance.confidence = pages[provenance.page]
    return report


def settle_ocr_report(report, pages: dict[int, float]):
    """What a report owes to its pages read by OCR, once built: each record's
    `provenance.ocr` and confidence, and its entity names spelled as most mentions read
    them (`spelling.settle_spellings`). A report without such pages is returned as is."""
    from .spelling import settle_spellings

    if not pages:
        return report
    return settle_spellings(mark_provenance(report, pages))
