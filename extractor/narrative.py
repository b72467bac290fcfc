"""The narrative: body paragraphs, sentences, stated figures, event facts, sections.

Body text is every line outside tables, running headers and footers, footnotes
(smaller type) and captions. A rule-based spaCy pipeline (`spacy.blank("en")` and a
sentencizer) splits sentences; the profile's key-figure rules (by meaning, see
`figures.py`) and any spaCy Matcher token patterns find the figures; no model is
downloaded.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import get_args

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Sentencizer

from schemas.records import KeyFigureName

from .errors import ProfileError
from .figures import ONES, TENS, CompiledFigures, Sentence, compile_figures, read_sentence, word_number
from .layout import Line, PageLayout, join_lines
from .profile import PROFILE_DIR, Profile

KEY_ORDER: tuple[str, ...] = get_args(KeyFigureName)  # the contract's order, for ties in one sentence
NUMBER_WORDS = {**ONES, **TENS, "no": 0, "none": 0}
_TERMINAL = re.compile(r"[.!?:;]['\")\]]?$")
_SECTION = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
_ANNEX = re.compile(r"^((?:Annex|Annexe|Appendix)\s+(?:\d+|[IVX]+))\s*[-–—:.]?\s*(.*)$", re.IGNORECASE)
_LEADERS = re.compile(r"\.{4,}|…{2,}")
_CAPTION = re.compile(r"^(Figure|Table|Chart|Graph|Annex)\s+[0-9IVX]+\s*[-–—:.]", re.IGNORECASE)


@dataclass
class Paragraph:
    text: str
    page: int
    pages: list[tuple[int, int]] = field(default_factory=list)  # (char offset, page)
    heading: bool = False

    def page_at(self, offset: int) -> int:
        page = self.page
        for start, number in self.pages:
            if start <= offset:
                page = number
        return page


@dataclass(frozen=True)
class StatedFigure:
    key: str
    value: float | int
    sentence: str
    page: int
    order: tuple[int, int, int]


@dataclass(frozen=True)
class HeadingLine:
    number: str
    title: str
    page: int


@Language.component("no_sentence_after_a_comma")
def _no_sentence_after_a_comma(doc):
    """An abbreviation's dot before a comma ("Competence Ctr., ICT Cluster ...") ends no
    sentence: spaCy's sentencizer starts one after the punctuation that follows a dot,
    but no sentence ends on a comma or a semicolon."""
    for token in doc[1:]:
        if token.is_sent_start and doc[token.i - 1].text in {",", ";"}:
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _blank_nlp():
    nlp = spacy.blank("en")
    # ".." is an abbreviation's dot followed by the full stop ("75 p.c.."): it ends a
    # sentence as "." does, though spaCy's tokenizer makes it a token of its own
    nlp.add_pipe("sentencizer", config={"punct_chars": [*Sentencizer.default_punct_chars, ".."]})
    nlp.add_pipe("no_sentence_after_a_comma")
    return nlp


@lru_cache(maxsize=16)
def _figures(profile: Profile, lemmas: bool = True) -> CompiledFigures:
    """The profile's key-figure rules, checked and compiled once."""
    try:
        return compile_figures(profile.key_figures, _blank_nlp().tokenizer, KEY_ORDER, lemmas)
    except ValueError as exc:
        raise ProfileError(PROFILE_DIR / f"{profile.name}.yaml", f"key_figures: {exc}") from exc


@lru_cache(maxsize=8)
def _matcher(profile: Profile) -> Matcher:
    matcher = Matcher(_blank_nlp().vocab)
    for key, patterns in _figures(profile).patterns.items():
        matcher.add(key, patterns)
    return matcher


def nlp():
    """The shared spaCy pipeline (blank English with a sentencizer)."""
    return _blank_nlp()


# --- page regions -----------------------------------------------------------------

def running_lines(layouts: list[PageLayout]) -> set[tuple[int, int]]:
    """(page, line index) of running headers and footers: text repeated near the same
    height on several pages, and bare page numbers in the margins."""
    seen: Counter[tuple[str, int]] = Counter()
    keys: dict[tuple[int, int], tuple[str, int]] = {}
    for layout in layouts:
        for i, line in enumerate(layout.lines):
            if line.top > 0.12 * layout.height and line.bottom < 0.9 * layout.height:
                continue
            key = (re.sub(r"\d+", "#", line.text.lower()).strip(), round(line.top / 6))
            keys[(layout.number, i)] = key
            seen[key] += 1
    threshold = max(2, len(layouts) // 4)
    result = set()
    for position, key in keys.items():
        text = key[0]
        if seen[key] >= threshold or re.fullmatch(r"(page\s*)?#(\s*(of|/)\s*#)?", text):
            result.add(position)
    return result


CONTENTS_MIN_ENTRIES = 5  # lines ending on a page number, right-aligned: a contents page
CONTENTS_SHARE = 0.4  # of the page's lines
RIGHT_EDGE_TOLERANCE = 3.0  # points
_PAGE_NUMBER_END = re.compile(r"(?:^|\s)(\d{1,4})\s*$")


def contents_lines(
    layouts: list[PageLayout], running: set[tuple[int, int]] = frozenset(), table_boxes: dict[int, list[tuple]] | None = None
) -> set[tuple[int, int]]:
    """(page, line index) of the lines of contents pages: pages where many lines outside
    tables end on a page number of the document at one right edge. Read from the
    layout, not from dot leaders, which a scan's OCR turns into letters ("... DEIEGAHON
    sister 4"); every such line of the page ending at that edge is an entry, whatever
    it ends with."""
    result: set[tuple[int, int]] = set()
    pages = len(layouts)
    for layout in layouts:
        boxes = (table_boxes or {}).get(layout.number, [])
        lines = [(i, line) for i, line in enumerate(layout.lines)
                 if (layout.number, i) not in running and not _inside(line, boxes)]
        numbered = [(i, line) for i, line in lines
                    if (m := _PAGE_NUMBER_END.search(line.text)) and 1 <= int(m.group(1)) <= pages and len(line.text) > len(m.group(0)) + 3]
        if len(numbered) < CONTENTS_MIN_ENTRIES or len(numbered) < CONTENTS_SHARE * len(lines):
            continue
        edge = sorted(line.x1 for _, line in numbered)[len(numbered) // 2]
        aligned = [i for i, line in numbered if abs(line.x1 - edge) <= RIGHT_EDGE_TOLERANCE]
        if len(aligned) < CONTENTS_MIN_ENTRIES or len(aligned) < CONTENTS_SHARE * len(lines):
            continue
        result |= {(layout.number, i) for i, line in lines if abs(line.x1 - edge) <= RIGHT_EDGE_TOLERANCE}
    return result


def _inside(line: Line, boxes: list[tuple]) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(b[0] - 2 <= cx <= b[2] + 2 and b[1] - 2 <= cy <= b[3] + 2 for b in boxes)


def body_lines(
    layout: PageLayout, body_size: float, exclude_boxes: list[tuple], running: set[tuple[int, int]]
) -> list[Line]:
    """The page's running-text lines, in reading order."""
    lines = []
    for i, line in enumerate(layout.lines):
        if (layout.number, i) in running:
            continue
        if line.size < 0.9 * body_size or _LEADERS.search(line.text):
            continue
        if _inside(line, exclude_boxes):
            continue
        lines.append(line)
    return lines


def small_print(
    layout: PageLayout, body_size: float, exclude_boxes: list[tuple], running: set[tuple[int, int]]
) -> list[str]:
    """Footnotes and other small type outside tables: one text per block of lines."""
    blocks: list[list[Line]] = []
    for i, line in enumerate(layout.lines):
        if (layout.number, i) in running or line.size >= 0.9 * body_size:
            continue
        if _inside(line, exclude_boxes):
            continue
        if blocks and 0 <= line.top - blocks[-1][-1].bottom < 0.8 * line.size:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return [join_lines(line.text for line in block) for block in blocks]


# --- paragraphs -------------------------------------------------------------------

def paragraphs(pages: list[tuple[int, list[Line]]], body_size: float) -> list[Paragraph]:
    """Group body lines into paragraphs; join a paragraph broken by a page break."""
    result: list[Paragraph] = []
    for number, lines in pages:
        block: list[Line] = []
        page_paragraphs: list[Paragraph] = []
        for line in lines:
            if block and _breaks(block[-1], line, body_size):
                page_paragraphs.append(_paragraph(block, number, body_size))
                block = []
            block.append(line)
        if block:
            page_paragraphs.append(_paragraph(block, number, body_size))
        for para in page_paragraphs:
            if _CAPTION.match(para.text):
                continue
            previous = result[-1] if result else None
            if (
                previous is not None
                and not previous.heading
                and not para.heading
                and previous.page < number
                and para is page_paragraphs[0]
                and not _TERMINAL.search(previous.text)
                and para.text[:1].islower()
            ):
                offset = len(previous.text) + 1
                previous.text = f"{previous.text} {para.text}"
                previous.pages.append((offset, number))
            else:
                result.append(para)
    return result


def _breaks(previous: Line, line: Line, body_size: float) -> bool:
    gap = line.top - previous.bottom
    if gap > 0.75 * body_size or gap < -2:
        return True
    if abs(line.size - previous.size) > 0.1 * body_size:
        return True
    if _is_run_in_heading(previous, line):
        return True
    return _is_heading_line(previous, body_size) != _is_heading_line(line, body_size)


def _is_run_in_heading(previous: Line, line: Line) -> bool:
    """A short bold line without final punctuation, followed by a longer line, is a
    heading in body type ("Observations"), even when little space follows it."""
    return (
        previous.bold
        and len(previous.text) < 40
        and not _TERMINAL.search(previous.text)
        and previous.text[:1].isupper()
        and previous.x1 - previous.x0 < 0.6 * (line.x1 - line.x0)
    )


def _is_heading_line(line: Line, body_size: float) -> bool:
    return line.bold and line.size >= 1.08 * body_size


def _paragraph(lines: list[Line], page: int, body_size: float) -> Paragraph:
    text = join_lines(line.text for line in lines)
    heading = all(_is_heading_line(line, body_size) for line in lines) or (
        all(line.bold for line in lines) and len(lines) <= 2 and not _TERMINAL.search(text) and len(text) < 80
    )
    return Paragraph(text=text, page=page, pages=[(0, page)], heading=heading)


# --- stated figures ---------------------------------------------------------------

def stated_figures(paras: list[Paragraph], profile: Profile, *, lemmas: bool = True) -> list[StatedFigure]:
    """The first statement of each key figure, in document order.

    `lemmas=False` compares words as written instead of by their stems (to show what
    the stems are for); the profile's token patterns are not affected.
    """
    compiled = _figures(profile, lemmas)
    matcher = _matcher(profile)
    vocab = _blank_nlp().vocab
    found: dict[str, StatedFigure] = {}
    texts = [p.text for p in paras]
    for index, (para, doc) in enumerate(zip(paras, _blank_nlp().pipe(texts))):
        if para.heading:
            continue
        candidates: list[tuple[int, int, str, float | int]] = []  # (sentence start, source, key, value)
        for match_id, start, end in sorted(matcher(doc) if len(matcher) else [], key=lambda m: (m[1], m[2] - m[1])):
            value = _value(doc[start:end])
            if value is not None:
                candidates.append((doc[start].sent.start, 0, vocab.strings[match_id], value))
        if compiled.rules:
            context = None  # the noun the sentence before counted, for "12 of them"
            for sentence in doc.sents:
                sent = Sentence.of(sentence, lemmas)
                readings = read_sentence(sent, compiled.rules, compiled.nouns, context)
                context = sent.last_noun
                for key, mention in readings:
                    value = round(mention.value / 100, 4) if mention.percent else mention.value
                    candidates.append((sentence.start, 1, key, value))
        for start, _, key, value in sorted(candidates, key=lambda c: (c[0], c[1])):
            if key in found:
                continue
            sentence = doc[start].sent
            text = " ".join(sentence.text.split())
            order = (index, sentence.start, KEY_ORDER.index(key) if key in KEY_ORDER else 99)
            found[key] = StatedFigure(key, value, text, para.page_at(sentence.start_char), order)
    return sorted(found.values(), key=lambda f: f.order)


def _value(span) -> float | int | None:
    """The first number of a Matcher match: digits, number words ("twenty-two"),
    "no"/"none" as 0; followed by "%" (or "per cent") a rate divided by 100."""
    lowers = [t.lower_ for t in span]
    spaces = [bool(t.whitespace_) for t in span]
    for i, token in enumerate(span):
        lower = lowers[i]
        if not (token.like_num or lower in NUMBER_WORDS):
            continue
        parsed = word_number(lowers, spaces, i) if lower in ONES or lower in TENS else None
        number, end = parsed if parsed else (_number(lower), i + 1)
        if number is None:
            continue
        if end < len(span) and (lowers[end] in ("%", "percent") or lowers[end : end + 2] == ["per", "cent"]):
            return round(number / 100, 4)
        return number
    return None


def _number(text: str) -> float | int | None:
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    cleaned = text.replace(",", "")
    try:
        return int(cleaned)
    except ValueError:
        try:
            return float(cleaned)
        except ValueError:
            return None


def sentence_with(paras: list[Paragraph], phrases: tuple[str, ...]) -> list[tuple[str, int]]:
    """Sentences (text, page) containing any of the phrases, case-insensitively."""
    lowered = tuple(p.lower() for p in phrases)
    found = []
    for para, doc in zip(paras, _blank_nlp().pipe(p.text for p in paras)):
        for sentence in doc.sents:
            text = " ".join(sentence.text.split())
            if any(p in text.lower() for p in lowered):
                found.append((text, para.page_at(sentence.start_char)))
    return found


# --- sections ---------------------------------------------------------------------

def heading_lines(layouts: list[PageLayout], body_size: float, table_boxes: dict[int, list[tuple]]) -> list[HeadingLine]:
    """Numbered headings and annex headings of the body, with their pages."""
    found: list[HeadingLine] = []
    for layout in layouts:
        boxes = table_boxes.get(layout.number, [])
        lines = layout.lines
        for i, line in enumerate(lines):
            if not line.bold or line.size < 1.05 * body_size or _LEADERS.search(line.text):
                continue
            cy = (line.top + line.bottom) / 2
            if any(b[1] <= cy <= b[3] for b in boxes):
                continue
            text = line.text
            if i + 1 < len(lines):
                nxt = lines[i + 1]
                if nxt.bold and abs(nxt.size - line.size) < 0.3 and 0 <= nxt.top - line.bottom < 0.5 * line.size and not _SECTION.match(nxt.text):
                    text = join_lines([text, nxt.text])
            match = _SECTION.match(text) or _ANNEX.match(text)
            if not match or not match.group(2).strip():
                continue
            number, title = match.group(1), match.group(2).strip()
            if any(h.number == number for h in found):
                continue
            found.append(HeadingLine(number=number, title=title, page=layout.number))
    return found
