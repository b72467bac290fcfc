"""Words and lines of a page, built once from pdfplumber's characters.

Every later stage (tables, narrative, sections) reads these objects instead of
asking pdfplumber again, so each page is parsed a single time.

Superscripts are recognised by size and baseline: an ordinal suffix ("3rd") is
joined to its word, a footnote mark ("Cluster¹") is kept apart so that callers can
drop it from captions, headers and sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median
from typing import Iterable, NamedTuple, Sequence

BBox = tuple[float, float, float, float]

SUPERSCRIPT_SIZE_RATIO = 0.85
WORD_GAP_RATIO = 0.18
HEAD_BAND = 0.1  # share of the page height holding the running header
FOOT_BAND = 0.92  # share of the page height above the footer
FURNITURE_SIZE_TOLERANCE = 0.4  # a line in those bands within this of the body size is content


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    superscript: bool = False
    confidence: float = 1.0  # OCR's certainty about the word, 0..1; text-layer words are certain
    #: Degrees the text is turned anticlockwise: 0 upright, 90 read bottom to top,
    #: 270 top to bottom (a column label printed sideways).
    turn: int = 0
    #: The page draws a space character just before this word, on its line: a space
    #: between it and the word before, however close condensed type sets the two.
    spaced: bool = False

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass
class PageLayout:
    """What the pipeline knows of one page after reading it."""

    number: int
    width: float
    height: float
    words: list[Word]
    lines: list[Line] = field(default_factory=list)
    ocr: bool = False  # words read by OCR from the page image, not from its text layer
    #: Words printed at 90 or 270 degrees. Kept apart from `words` (the lines, prose and
    #: word alignment read those): only a cell they fall in reads them.
    sideways: list[Word] = field(default_factory=list)


def is_bold_font(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or "black" in name or "heavy" in name or name.endswith(",b")



def drawn_once(chars: Sequence[dict], shift: float) -> list[dict]:
    """The page's characters without the copies some producers draw to make text bold:
    the same glyph (text, font, size) drawn again less than `shift` of its width and
    size away (`Settings.duplicate_glyph_shift`, a quarter). In the order the page draws them.

    pdfplumber's `dedupe_chars` takes one point for every glyph, which merges the double
    letters of small print ('ll' at 4 points stand 0.9 points apart), and restores the
    order by `list.index`, quadratic in the characters of a page."""
    groups: dict[tuple, list[tuple[int, dict]]] = {}
    for i, char in enumerate(chars):
        key = (char["text"], char.get("fontname"), round(char["size"], 2), char.get("upright", True))
        groups.setdefault(key, []).append((i, char))
    copies: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda m: (m[1]["top"], m[1]["x0"]))
        for k, (i, char) in enumerate(members):
            if i in copies:
                continue
            near_x = shift * max(char["x1"] - char["x0"], 0.1)
            near_y = shift * char["size"]
            for j, other in members[k + 1:]:
                if other["top"] - char["top"] >= near_y:
                    break
                if j not in copies and abs(other["x0"] - char["x0"]) < near_x:
                    copies.add(max(i, j))  # the later drawing is the copy
                    if j < i:
                        break  # this one is itself the copy
    return [char for i, char in enumerate(chars) if i not in copies]


def words_from_chars(chars: Sequence[dict]) -> list[Word]:
    """Group characters into words: split at spaces, gaps, and changes of size or baseline.

    `chars` come in the order the page draws them, which tells the spaces the text holds
    from those a producer laid over it as padding."""
    words: list[Word] = []
    current: list[dict] = []
    drawn = {id(char): i for i, char in enumerate(chars)}

    def spaced(first: dict) -> bool:
        i = drawn[id(first)]
        return i > 0 and chars[i - 1]["text"].isspace() and _same_line(first, chars[i - 1])

    def flush() -> None:
        if not current:
            return
        text = "".join(c["text"] for c in current)
        sizes = [c["size"] for c in current]
        words.append(
            Word(
                text=text,
                x0=min(c["x0"] for c in current),
                top=min(c["top"] for c in current),
                x1=max(c["x1"] for c in current),
                bottom=max(c["bottom"] for c in current),
                size=max(sizes),
                bold=sum(is_bold_font(c["fontname"]) for c in current) * 2 > len(current),
                spaced=spaced(current[0]),
            )
        )
        current.clear()

    ordered = sorted(
        (c for c in chars if c.get("upright", True)),
        key=lambda c: (round(c["bottom"]), c["x0"]),
    )
    ordered = _reading_order(ordered)
    for char in ordered:
        if char["text"].isspace() or not char["text"]:
            flush()
            continue
        if current:
            prev = current[-1]
            gap = char["x0"] - prev["x1"]
            same_run = abs(char["size"] - prev["size"]) < 0.5 and _same_line(prev, char)
            if not same_run or gap > WORD_GAP_RATIO * prev["size"] or gap < -prev["size"]:
                flush()
        current.append(char)
    flush()
    return words


def _same_line(char: dict, other: dict) -> bool:
    """Whether `other` stands on `char`'s baseline, within a quarter of `char`'s size."""
    return abs(char["bottom"] - other["bottom"]) < max(1.0, 0.25 * char["size"])


SIDEWAYS_BASELINE_TOLERANCE = 1.0  # points: characters this close across their baseline are on one line


def _turn(char: dict) -> int:
    """90 or 270 for a character printed sideways (its matrix turns the x axis up or
    down), 0 otherwise (upright, or at an angle that is no quarter turn)."""
    matrix = char.get("matrix")
    if char.get("upright", True) or not matrix:
        return 0
    a, b = matrix[0], matrix[1]
    if abs(a) > 0.05 * abs(b):
        return 0
    return 90 if b > 0 else 270


def sideways_words(chars: Sequence[dict]) -> list[Word]:
    """Words printed at a quarter turn, their letters in reading order: bottom to top
    for 90 degrees, top to bottom for 270. A word ends at a space, at a gap along
    the line wider than a word gap, or where the line changes."""
    words: list[Word] = []
    for turn, line in _sideways_lines(chars, _turn, lambda c: c["x0"]):
        line.sort(key=lambda c: -c["bottom"] if turn == 90 else c["top"])
        current: list[dict] = []
        for char in [*line, None]:
            if current and (char is None or char["text"].isspace()
                            or _along_gap(current[-1], char, turn) > WORD_GAP_RATIO * current[-1]["size"]):
                words.append(Word(
                    text="".join(c["text"] for c in current),
                    x0=min(c["x0"] for c in current), top=min(c["top"] for c in current),
                    x1=max(c["x1"] for c in current), bottom=max(c["bottom"] for c in current),
                    size=max(c["size"] for c in current),
                    bold=sum(is_bold_font(c["fontname"]) for c in current) * 2 > len(current),
                    turn=turn,
                ))
                current = []
            if char is not None and not char["text"].isspace() and char["text"]:
                current.append(char)
    return words


def _along_gap(previous: dict, char: dict, turn: int) -> float:
    return previous["top"] - char["bottom"] if turn == 90 else char["top"] - previous["bottom"]


def sideways_lines(words: Iterable[Word]) -> list[tuple[int, list[Word]]]:
    """Sideways words grouped into lines, left to right, each with its turn."""
    return _sideways_lines(words, lambda w: w.turn, lambda w: w.x0)


def sideways_line_texts(words: Iterable[Word]) -> list[str]:
    """The texts of sideways lines in reading order: for text read bottom to top the
    first line is the leftmost (the letters' tops face left), for top to bottom the
    rightmost."""
    lines = sideways_lines(words)
    ordered = [line for turn in (90, 270) for t, line in (lines if turn == 90 else reversed(lines)) if t == turn]
    return [" ".join(w.text for w in sorted(line, key=lambda w: -w.bottom if w.turn == 90 else w.top)) for line in ordered]


def _sideways_lines(items, turn_of, x0_of) -> list[tuple[int, list]]:
    """Sideways items (characters or words) grouped into lines, left to right: one
    turn and a left edge within the tolerance of the line's first item."""
    lines: list[tuple[int, list]] = []
    for item in sorted((i for i in items if turn_of(i)), key=lambda i: (turn_of(i), x0_of(i))):
        turn = turn_of(item)
        if lines and lines[-1][0] == turn and x0_of(item) - x0_of(lines[-1][1][0]) <= SIDEWAYS_BASELINE_TOLERANCE:
            lines[-1][1].append(item)
        else:
            lines.append((turn, [item]))
    return lines


def _reading_order(chars: list[dict]) -> list[dict]:
    """Sort characters line by line (baselines within a tolerance), then left to right."""
    rows: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: c["bottom"]):
        if rows and abs(char["bottom"] - rows[-1][0]["bottom"]) <= 1.0:
            rows[-1].append(char)
        else:
            rows.append([char])
    return [c for row in rows for c in sorted(row, key=lambda c: c["x0"])]


def mark_superscripts(words: list[Word]) -> list[Word]:
    """Flag small words that sit raised against a larger neighbour on their left."""
    if not words:
        return words
    result: list[Word] = []
    by_position = sorted(words, key=lambda w: (w.top, w.x0))
    for word in words:
        left = _left_neighbour(word, by_position)
        is_sup = (
            left is not None
            and word.size < SUPERSCRIPT_SIZE_RATIO * left.size
            and word.bottom < left.bottom - 0.15 * left.size
        )
        result.append(_replace(word, superscript=is_sup) if is_sup else word)
    return result


def _left_neighbour(word: Word, words: Sequence[Word]) -> Word | None:
    best: Word | None = None
    for other in words:
        if other is word or other.size <= word.size:
            continue
        if other.x1 > word.x0 + 0.5 or word.x0 - other.x1 > 0.6 * other.size:
            continue
        if other.bottom < word.top or other.top > word.bottom:
            continue
        if best is None or other.x1 > best.x1:
            best = other
    return best


def _replace(word: Word, **changes) -> Word:
    values = {**word.__dict__, **changes}
    return Word(**values)


def words_to_lines(words: Iterable[Word]) -> list[Line]:
    """Cluster words into lines; superscripts join the line they are attached to."""
    base = sorted((w for w in words if not w.superscript), key=lambda w: (w.top, w.x0))
    sups = [w for w in words if w.superscript]
    groups: list[list[Word]] = []
    for word in base:
        for group in reversed(groups[-3:]):
            top = median(w.top for w in group)
            bottom = median(w.bottom for w in group)
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap > 0.5 * min(bottom - top, word.bottom - word.top):
                group.append(word)
                break
        else:
            groups.append([word])
    for sup in sups:
        target = min(
            groups,
            key=lambda g: abs(median(w.top for w in g) - sup.top) + _horizontal_distance(g, sup),
            default=None,
        )
        if target is None:
            groups.append([sup])
        else:
            target.append(sup)
    lines = [make_line(sorted(g, key=lambda w: w.x0)) for g in groups]
    return sorted(lines, key=lambda line: (round(line.top, 1), line.x0))


def _horizontal_distance(group: list[Word], word: Word) -> float:
    x0 = min(w.x0 for w in group)
    x1 = max(w.x1 for w in group)
    if x0 <= word.x0 <= x1 + 2:
        return 0.0
    return min(abs(word.x0 - x1), abs(word.x0 - x0))


def make_line(words: list[Word]) -> Line:
    base = [w for w in words if not w.superscript] or words
    return Line(
        words=tuple(words),
        text=join_words(words),
        x0=min(w.x0 for w in words),
        top=min(w.top for w in base),
        x1=max(w.x1 for w in words),
        bottom=max(w.bottom for w in base),
        size=median(w.size for w in base),
        bold=all(w.bold for w in base),
    )


def join_words(words: Sequence[Word], keep_footnote_marks: bool = False) -> str:
    """Text of one line: a space between words apart, none before a touching word.

    A superscript made of digits is a footnote mark and is dropped unless asked
    for; other superscripts (ordinals) are joined to the word they follow.
    """
    parts: list[str] = []
    prev: Word | None = None
    for word in words:
        if word.superscript and word.text.isdigit() and not keep_footnote_marks:
            continue
        if prev is not None:
            touching = word.x0 - prev.x1 < WORD_GAP_RATIO * min(prev.size, word.size)
            if word.spaced or not touching:
                parts.append(" ")
        parts.append(word.text)
        prev = word
    return "".join(parts)


_HYPHEN_END = re.compile(r"\w-$")
SOFT_HYPHEN = "\u00ad"
_SPACES = re.compile(r"\s+")


def join_lines(texts: Iterable[str]) -> str:
    """Undo line breaks and hyphenation, collapse white space.

    A soft hyphen at a line end marks a broken word and is dropped. A hard hyphen
    after a letter, or a slash, is kept and the next line joins without a space:
    writers break compounds there ("follow-" + "up", "Imp/" + "Exports"), and
    dropping the character or adding a space would corrupt them.
    """
    out = ""
    for raw in texts:
        text = _SPACES.sub(" ", raw).strip()
        if not text:
            continue
        if not out:
            out = text
        elif out.endswith(SOFT_HYPHEN):
            out = out[:-1] + text
        elif (_HYPHEN_END.search(out) or out.endswith("/")) and text[:1].isalnum():
            out = out + text
        else:
            out = f"{out} {text}"
    return out.replace(SOFT_HYPHEN, "")


BROKEN_CHAR_SLACK = 1.2  # room left on a line filled by a broken word: under this many letter widths
WORD_END = re.compile(r"[^\W\d_]+$")  # the letters a line ends on: a broken word's head
WORD_START = re.compile(r"[^\W\d_]+")  # the letters a line starts with (`match`): its tail
COMMON_WORD = 3.0  # Zipf frequency (wordfreq) of a common English word


class CellLines(NamedTuple):
    """A cell's line texts, a soft hyphen ending each line whose last word goes on on the
    next; `open_breaks`: the lines that filled their room before a word the next line
    begins, where word frequencies could not tell (`wordbreaks` asks the document)."""

    texts: tuple[str, ...]
    open_breaks: tuple[int, ...] = ()


def cell_line_texts(lines: list[Line], cell: BBox) -> CellLines:
    """The texts of a cell's lines, with a soft hyphen where a word was broken between
    two letters without a hyphen, as producers do in narrow columns ("third-count" /
    "ry company"). `join_lines` then joins the fragments without a space.

    The page tells where a break may be: the line filled its room (less was left than a
    letter takes; the room is the cell's, or its widest line's where a cell read by word
    alignment has no padding). Some producers break only a word too long for the cell,
    others any word at the edge ("coo" / "peration"), so the word's width proves nothing.
    A word may run over several lines ("bef" / "oreha" / "nd?"): a line holding one
    fragment alone that filled its room again goes on to the next. Whether fragments make
    one word is told by word frequencies (wordfreq): the joined word is common and some
    fragment is not ("country" from "count" + "ry"; never "to" + "the"). Names and terms
    that wordfreq does not know are left open for the document to decide."""
    texts = [line.text for line in lines]
    if len(lines) < 2:
        return CellLines(tuple(texts))
    left = min(line.x0 for line in lines)
    cell_edge = cell[2] - max(0.0, left - cell[0])  # right padding taken equal to the left one
    widest = max(line.x1 for line in lines)

    def filled(line: Line, letter: float) -> bool:
        # A cell found by word alignment has no padding on its left and the column gap
        # on its right: its widest line, plus a letter, bounds the room a line had.
        return min(cell_edge, widest + letter) - line.x1 < BROKEN_CHAR_SLACK * letter

    open_breaks: list[int] = []
    carried: list[str] = []  # the fragments joined into the word that ends line i
    i = 0
    while i < len(lines) - 1:
        head = WORD_END.search(lines[i].words[-1].text)
        whole_line_carried = carried and len(lines[i].words) == 1 and lines[i].words[0].text == carried[-1]
        fragments = carried if whole_line_carried else [head.group()] if head else []
        carried, joined_to = [], i + 1
        for k in range(i + 1, min(i + 3, len(lines))):
            first = lines[k].words[0]
            tail = WORD_START.match(first.text)
            letter = (first.x1 - first.x0) / max(1, len(first.text))
            if not fragments or not tail or not filled(lines[k - 1], letter):
                break
            if tail.group()[0].islower() and one_word([*fragments, tail.group()]):
                for j in range(i, k):
                    texts[j] = texts[j] + SOFT_HYPHEN
                carried, joined_to = [*fragments, tail.group()], k
                break
            if k == i + 1:
                open_breaks.append(i)  # taken back below if the word goes on to a later line
            if len(lines[k].words) > 1 or tail.group() != first.text or not tail.group()[0].islower():
                break  # only a fragment alone on its line may be the middle of a word
            fragments = [*fragments, tail.group()]
        if joined_to > i + 1 and open_breaks and open_breaks[-1] == i:
            open_breaks.pop()
        i = joined_to
    return CellLines(tuple(texts), tuple(open_breaks))


def one_word(fragments: list[str]) -> bool:
    """Whether pieces of text make one word broken apart: joined they are a common
    English word and some piece is not ("count" + "ry"; never "to" + "the")."""
    from wordfreq import zipf_frequency  # loaded only where a break is possible

    from spacy.lang.en.stop_words import STOP_WORDS

    joined = zipf_frequency("".join(fragments).lower(), "en")
    if joined < COMMON_WORD:
        return False
    tail = fragments[-1]
    if len(fragments) == 2 and len(tail) <= 2 and tail.lower() not in STOP_WORDS:
        return True  # "comment" + "s", "benefit" + "ed": a word's ending alone on a line
    return min(zipf_frequency(f.lower(), "en") for f in fragments) < COMMON_WORD


_PIECE = re.compile(r"^([^\W\d_]+)([?:.,;)]*)$")
UNKNOWN_PIECE = 0.5  # Zipf frequency under which a piece is no word at all
KNOWN_WORD = 2.5  # Zipf frequency of a word that the pieces may make though it is not common


@lru_cache(maxsize=4096)
def join_broken_pieces(label: str, known: frozenset[str] = frozenset()) -> str:
    """A label with the words a narrow column broke without a hyphen joined again
    ("SMEs c onsulte d" -> "SMEs consulted", "Expected ind irect" -> "Expected
    indirect"): where the cell's lines are no longer known, two or three pieces in a
    row are one word when `one_word` says so (a common word, some piece none), or when
    they make a known word (English, or one of `known`, lower case: a vocabulary the
    caller reads, such as nationalities) and some piece is no word at all
    ("p rofite d", "Luxembo urgish")."""
    from wordfreq import zipf_frequency

    tokens = label.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for span in (3, 2):
            pieces = [_PIECE.match(t) for t in tokens[i : i + span]]
            if len(pieces) < span or not all(pieces) or any(p.group(2) for p in pieces[:-1]):
                continue
            letters = [p.group(1) for p in pieces]
            joined = "".join(letters).lower()
            if one_word(letters) or ((zipf_frequency(joined, "en") >= KNOWN_WORD or joined in known)
                                     and min(zipf_frequency(x.lower(), "en") for x in letters) < UNKNOWN_PIECE):
                out.append("".join(letters) + pieces[-1].group(2))
                i += span
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


def collapse(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = _SPACES.sub(" ", text).strip()
    return cleaned or None


COLUMN_GAP = 1.5  # a space between two words of a line this many times its font size parts columns


def word_gaps(line: Line) -> list[float]:
    """The spaces between a line's consecutive words, left to right."""
    ordered = sorted(line.words, key=lambda w: w.x0)
    return [b.x0 - a.x1 for a, b in zip(ordered, ordered[1:])]


def has_column_gap(line: Line) -> bool:
    return any(gap > COLUMN_GAP * line.size for gap in word_gaps(line))


def stretches(words: Iterable[Word], max_gap: float) -> list[list[Word]]:
    """Words of one line in runs, left to right, that no space wider than `max_gap` parts."""
    runs: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if runs and word.x0 - runs[-1][-1].x1 <= max_gap:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


RUNNING_WIDTH = 0.6  # share of its column's width a line of running text fills, in one stretch of words
RUNNING_WORDS = 4  # ... with at least this many words
EVEN_SPACING = 2.0  # largest over median space between words of one line of running text
SURFACE = 3.0  # points a fill spans at least to be a surface (a shade, a bar), not a rule drawn as a thin fill


def is_running_text(words: Sequence[Word], width: float) -> bool:
    """Whether the words of one line are a line of a paragraph set `width` wide: several
    words filling most of the width, in one stretch without a column gap, or justified
    (a short line's spaces stretched as wide as a column gap, but all alike, where a
    table's row leaves wider spaces between its cells than inside them) and reading as
    a sentence (half its words or more in lower case)."""
    if len(words) < RUNNING_WORDS:
        return False
    ordered = sorted(words, key=lambda w: w.x0)
    if max(w.x1 for w in ordered) - ordered[0].x0 < RUNNING_WIDTH * width:
        return False
    if len(stretches(ordered, COLUMN_GAP * median(w.size for w in words))) == 1:
        return True
    gaps = sorted(max(b.x0 - a.x1, 0.0) for a, b in zip(ordered, ordered[1:]))
    justified = gaps[-1] <= EVEN_SPACING * max(gaps[len(gaps) // 2], 0.5)
    return justified and 2 * sum(1 for w in words if w.text[:1].islower()) >= len(words)


#: Dot leaders: a line of a list of tables ("Table 2 ........ 7"), not a caption.
LEADERS = re.compile(r"\.{4,}|…{2,}")
_CONTENTS_ENTRY = re.compile(r"(?:\.{4,}|…{2,})\s*\S+\s*$")
#: A rule typed as a line of dashes, underscores or equals signs (typewriter tables).
_TYPED_RULE = re.compile(r"^\s*[-_=‐–—]{5,}\s*$")


def is_contents_entry(text: str) -> bool:
    """A line of a table of contents: a title, dot leaders, one page number (a table's
    row may lead its label to several figures with dots)."""
    return bool(_CONTENTS_ENTRY.search(text))


def is_typed_rule(text: str) -> bool:
    return bool(_TYPED_RULE.match(text))


def is_caption(line: Line, pattern: re.Pattern[str]) -> bool:
    """A line that labels a table: it matches the caption pattern, is no entry of a
    list of tables (dot leaders), and its label word and number stand together. A
    table row can read as a caption when a cell's last line ("... Alliance") meets
    a numbered item of the next cell ("2. Savo Bioproducts BV") across the column
    gap between them, or a row's cells happen to read so ("Norrbotten  Y.  1  Algarve
    ...": a name, an answer, a count) across several column gaps."""
    if not pattern.search(line.text) or LEADERS.search(line.text):
        return False
    wide = [gap > COLUMN_GAP * line.size for gap in word_gaps(line)]
    # a tab may part the label from the title; more wide gaps make a table row
    return not (wide and wide[0]) and sum(wide) <= 1


def wraps_onto(line: Line, below: Line, room: float) -> bool:
    """Whether `below` carries `line` on, wrapped: it is set in the same type (size and
    weight) directly under it, from the same left edge, and its first word would not
    have fitted at the end of `line` before `room` (the right edge of the text)."""
    same_type = abs(below.size - line.size) < 0.3 and below.bold == line.bold
    directly_under = 0 <= below.top - line.bottom < 0.6 * line.size
    same_edge = abs(below.x0 - line.x0) < 0.5 * line.size
    first = min(below.words, key=lambda w: w.x0)
    space = 0.25 * line.size
    return same_type and directly_under and same_edge and line.x1 + space + (first.x1 - first.x0) > room


def words_in_box(words: Iterable[Word], bbox: BBox, margin: float = 0.5) -> list[Word]:
    """The words whose centre lies inside `bbox`."""
    x0, top, x1, bottom = bbox
    return [
        w
        for w in words
        if x0 - margin <= (w.x0 + w.x1) / 2 <= x1 + margin and top - margin <= w.middle <= bottom + margin
    ]


def body_band_size(layout: PageLayout) -> float:
    """The median type size of the lines between the running header and footer bands
    (0 when there is none)."""
    sizes = [l.size for l in layout.lines if HEAD_BAND * layout.height <= l.top <= FOOT_BAND * layout.height]
    return median(sizes) if sizes else 0.0


def content_lines(layout: PageLayout, captions: re.Pattern[str] | None = None) -> list[Line]:
    """The page's lines top to bottom without its running header and footer: lines in
    the top or bottom band of the page set in another size than the page's body, unless
    they match `captions` (a page with a narrow bottom margin may end on a caption)."""
    lines = sorted(layout.lines, key=lambda l: (l.top, l.x0))
    size = body_band_size(layout)
    if not size:
        return lines
    return [
        l for l in lines
        if HEAD_BAND * layout.height <= l.top <= FOOT_BAND * layout.height or abs(l.size - size) <= FURNITURE_SIZE_TOLERANCE
        or (captions is not None and is_caption(l, captions))
    ]


def body_font_size(pages: Iterable[PageLayout], tables: dict[int, list[BBox]] | None = None) -> float:
    """The most common font size outside tables, weighted by characters: the size of
    running text (annex tables set in small type can hold more characters than the
    narrative). `tables` maps a page number to its tables' boxes."""
    counts: dict[float, int] = {}
    tables = tables or {}
    for page in pages:
        boxes = tables.get(page.number, [])
        for word in page.words:
            cx, cy = (word.x0 + word.x1) / 2, word.middle
            if any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
                continue
            key = round(word.size, 1)
            counts[key] = counts.get(key, 0) + len(word.text)
    return max(counts, key=counts.get) if counts else 10.0
