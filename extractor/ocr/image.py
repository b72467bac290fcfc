"""A page image made ready for OCR: rendered once, straightened, cleaned, its ruling
lines found (and wiped, so Tesseract reads cells as text instead of taking a table's
grid for one picture).

Scans have no vector lines: the table stage gets the lines found here, in PDF points,
as pdfplumber edges. The method is camelot's lattice one (OpenCV: a binary image opened
with long thin kernels keeps only the horizontal, then only the vertical rules).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

DESKEW_RANGE = 3.0  # degrees either way; a scan turned further is not straightened
DESKEW_COARSE = 0.25
DESKEW_FINE = 0.05
DESKEW_WIDTH = 1000  # pixels: the angle is searched on a copy this wide
MIN_HORIZONTAL_RULE = 1 / 25  # of the page width
MIN_VERTICAL_RULE = 1 / 30  # of the page height: longer than the capitals of a large title
RULE_WIPE = 5
MAX_RULE_WIDTH = 2.0  # points: a drawn rule is thinner than this  # pixels of margin wiped around a rule (its anti-aliased border)


@dataclass(frozen=True)
class PreparedPage:
    """The straightened greyscale image with ruling lines wiped, the lines themselves
    as pdfplumber edges (points), the angle it was turned by, and points per pixel."""

    image: np.ndarray
    edges: list[dict]
    angle: float
    points_per_pixel: float
    cells: list[tuple[int, int, int, int]]  # pixel boxes of the areas the rules enclose (table cells)
    bullets: list[tuple[int, int, int, int]]  # pixel boxes of dots that may be list bullets
    stroke: np.ndarray  # per pixel of ink, its distance to the paper: twice that is the stroke width


def render(document, index: int, dpi: int) -> np.ndarray:
    """Page `index` (0-based) of a pypdfium2 document as a greyscale array."""
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        return np.array(bitmap.to_pil().convert("L"))
    finally:
        page.close()


def skew_angle(gray: np.ndarray) -> float:
    """The angle (degrees) that makes the text lines horizontal: the rotation under which
    the rows' ink profile is sharpest (lines of text and blank leading alternate)."""
    scale = min(1.0, DESKEW_WIDTH / gray.shape[1])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1].astype(np.float32)
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1.0), (ink.shape[1], ink.shape[0]))
        profile = turned.sum(axis=1)
        return float(np.square(np.diff(profile)).sum())

    best = max(np.arange(-DESKEW_RANGE, DESKEW_RANGE + 1e-9, DESKEW_COARSE), key=sharpness)
    fine = np.arange(best - DESKEW_COARSE, best + DESKEW_COARSE + 1e-9, DESKEW_FINE)
    return round(float(max(fine, key=sharpness)), 2)


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    if abs(angle) < DESKEW_FINE / 2:
        return gray
    centre = (gray.shape[1] / 2, gray.shape[0] / 2)
    matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
    return cv2.warpAffine(gray, matrix, (gray.shape[1], gray.shape[0]), flags=cv2.INTER_CUBIC, borderValue=255)


def rule_masks(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Binary masks of the horizontal and of the vertical ruling lines."""
    # One threshold for the page (Otsu), not a local one: a local threshold hollows the
    # thick strokes of large letters into thin outlines that pass for rules.
    ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    height, width = gray.shape
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (max(2, int(width * MIN_HORIZONTAL_RULE)), 1))
    down = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(2, int(height * MIN_VERTICAL_RULE))))
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, across), cv2.morphologyEx(ink, cv2.MORPH_OPEN, down)


def rule_components(horizontal: np.ndarray, vertical: np.ndarray, points_per_pixel: float) -> tuple[np.ndarray, list[tuple[str, int, int, int, int]]]:
    """The rules among the long thin shapes: thinner than `MAX_RULE_WIDTH` (the stem of
    a large heading letter is long too, but thick). Returns their mask and boxes."""
    limit = MAX_RULE_WIDTH / points_per_pixel
    kept = np.zeros_like(horizontal)
    boxes = []
    for mask, orientation in ((horizontal, "h"), (vertical, "v")):
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for label in range(1, count):
            x, y, w, h, _area = (int(v) for v in stats[label])
            if (h if orientation == "h" else w) > limit:
                continue
            kept[labels == label] = 255
            boxes.append((orientation, x, y, w, h))
    return kept, boxes


def rule_edges(boxes: list[tuple[str, int, int, int, int]], points_per_pixel: float, page_height: float) -> list[dict]:
    """Each rule as a pdfplumber edge in PDF points."""
    edges = []
    for orientation, x, y, w, h in boxes:
        x0, top = x * points_per_pixel, y * points_per_pixel
        x1, bottom = (x + w) * points_per_pixel, (y + h) * points_per_pixel
        if orientation == "h":
            top = bottom = (top + bottom) / 2
        else:
            x0 = x1 = (x0 + x1) / 2
        edges.append({
            "object_type": "line", "orientation": orientation,
            "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top,
            "doctop": top, "y0": page_height - bottom, "y1": page_height - top,
        })
    return edges


def prepare(gray: np.ndarray, dpi: int, page_height: float, deskew: bool, denoise: bool, find_lines: bool) -> PreparedPage:
    """Straighten, clean and find the rules of a rendered page."""
    angle = skew_angle(gray) if deskew else 0.0
    image = rotate(gray, angle)
    if denoise:
        image = cv2.medianBlur(image, 3)
    points_per_pixel = 72 / dpi
    edges: list[dict] = []
    cells: list[tuple[int, int, int, int]] = []
    if find_lines:
        rules, boxes = rule_components(*rule_masks(image), points_per_pixel)
        edges = rule_edges(boxes, points_per_pixel, page_height)
        wipe = cv2.dilate(rules, np.ones((RULE_WIPE, RULE_WIPE), np.uint8))
        image = image.copy()
        image[wipe > 0] = 255
        cells = enclosed_cells(wipe, points_per_pixel)
    ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    stroke = cv2.distanceTransform(ink, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)
    dots = bullet_boxes(ink, points_per_pixel)
    return PreparedPage(image=image, edges=edges, angle=angle, points_per_pixel=points_per_pixel, cells=cells,
                        bullets=dots, stroke=stroke)


BULLET_SIZE = (2.0, 6.0)  # points: a list bullet's diameter (a full stop is smaller)
BULLET_FILL = 0.7  # share of its box a filled round dot covers (a hollow "o" covers less)
BULLET_FULL = 0.88  # ... and at most (pi/4 for a disc; a filled square covers all)
BULLET_CLEAR = 2.0  # diameters of paper left of a bullet (a full stop follows a letter closely)


def bullet_boxes(ink: np.ndarray, points_per_pixel: float) -> list[tuple[int, int, int, int]]:
    """Filled dots with paper on their left and ink on their right: list bullets, or
    the first letter of a line in bold (the OCR stage tells them apart by what the
    engine read there)."""
    smallest, largest = (size / points_per_pixel for size in BULLET_SIZE)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    found = []
    for label in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[label])
        if not (smallest <= w <= largest and smallest <= h <= largest and 0.7 <= w / h <= 1.4):
            continue
        if not BULLET_FILL * w * h <= area <= BULLET_FULL * w * h:
            continue
        left = max(0, x - int(BULLET_CLEAR * w))
        if np.count_nonzero(ink[y:y + h, left:x]):
            continue
        if not np.count_nonzero(ink[y:y + h, x + w: x + w + int(4 * w)]):
            continue  # nothing follows: a dot, not a bullet
        found.append((x, y, x + w, y + h))
    return found


MIN_CELL = 6.0  # points: a smaller enclosed area is the gap of a double rule
MAX_CELL_SHARE = 0.25  # of the page: a larger enclosed area is a frame, not a cell


def enclosed_cells(rules: np.ndarray, points_per_pixel: float) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of the areas the rules close on every side: the cells of ruled tables."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(cv2.bitwise_not(rules), connectivity=4)
    height, width = rules.shape
    smallest = MIN_CELL / points_per_pixel
    cells = []
    for label in range(1, count):
        x, y, w, h, _area = (int(v) for v in stats[label])
        if x == 0 or y == 0 or x + w >= width or y + h >= height:
            continue  # open to the page's edge: the page around the tables
        if w < smallest or h < smallest or w * h > MAX_CELL_SHARE * width * height:
            continue
        cells.append((x, y, x + w, y + h))
    return cells
