"""Tables drawn without ruling lines, or with horizontal rules only: columns found
from the alignment of words.

Where such a table is looked for, each time from an anchor that reads the page:

* a caption with no table at it: the lines under it, or, where nothing tabular is
  there, the lines above it (documents that caption their tables underneath);
* two or more long horizontal rules of one width with the same type between them
  (a table ruled above and below its header and at its foot, no column rules);
* the top of a page, when the previous page's last unruled table ran to its foot
  (the rest of that table, its header repeated or not), or when the previous page
  ended with a caption whose table was pushed onto this page.

A table's lines are those that follow the anchor in the same type size, up to a
clear gap, a change of size, a caption, a ruled table, a running-text line, or a
horizontal rule with space beyond it (a table's last rule). Going up from a caption
below, a bold header row is the table's top. Words separated by a wide gap form a
segment; segment left edges that recur on several lines are the columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from statistics import median

from ..layout import (
    FOOT_BAND,
    HEAD_BAND,
    Line,
    PageLayout,
    Word,
    is_contents_entry,
    is_typed_rule,
    body_band_size,
    cell_line_texts,
    is_caption,
    join_lines,
    join_words,
    make_line,
    stretches,
    wraps_onto,
)
from ..cells.lists import bullet_of
from ..settings import DEFAULT_SETTINGS, Settings
from .base import Cell, RawTable, is_figure
from .typewriter import typewriter_tables

COLUMN_GAP_RATIO = 0.9  # a gap wider than this many font sizes separates columns
ALIGN_TOLERANCE = 4.0
CAPTION_REACH = 3.0  # the table starts within this many line heights of its caption
END_GAP_RATIO = 2.2  # a gap this many times the usual line pitch ends the table
HEADER_GAP_RATIO = 3.5  # font sizes from a bold header's last line to its body's first
SPACING_SEEN = 4  # steps between lines read before the table's own row spacing counts
SPACING_SLACK = 1.1  # a step this much over the widest the table took between rows still continues it
ROW_GAP_RATIO = 0.35  # rows spaced apart this many font sizes more than a cell's lines
RULE_MIN_LENGTH = 0.15  # share of the page width: shorter rules underline words, they bound no table
RULE_EXTENT_TOLERANCE = 3.0  # rules of one table start and end at the same x within this
RULE_GAP_RATIO = 0.6  # text this many font sizes beyond a rule is outside the table it closes
PARAGRAPH_WIDTH = 0.75  # a one-segment line this wide (share of the text frame) is running text
SIZE_TOLERANCE = 0.4
COLUMN_SPLIT_RATIO = 0.45  # at a column's start, a gap this many font sizes wide separates cells
MAX_HEADER_LINES = 4  # a header row alone at a page foot wraps its cells over at most this many lines
FOOT_HEADER_COLUMNS = 3  # cells of a header row at a page foot with at most one row under it
MIN_ALIGNED = 0.6  # share of a continuation's segments that start at the open table's columns


@dataclass(frozen=True)
class Rule:
    """A horizontal ruling line outside every ruled table."""

    x0: float
    x1: float
    y: float


@dataclass(frozen=True)
class _Open:
    """What the next page needs to know of this page's foot: the last unruled table
    that ran to it (its columns, right edge, type size and the gap from which its
    lines start a new row, where it spaces rows apart), or a caption left there with
    nothing under it (`columns` empty)."""

    page: int
    columns: tuple[float, ...]
    x1: float
    size: float
    row_gap: float | None = None


def horizontal_rules(page, ruled: list[RawTable], min_share: float = RULE_MIN_LENGTH) -> list[Rule]:
    """Horizontal lines of the page (drawn lines, rectangle edges, thin filled
    rectangles) at least `min_share` of the page wide that are no part of a ruled
    table, merged where they coincide."""
    if page is None:
        return []
    try:
        edges = page.edges
        width = float(page.width)
    except Exception:  # a page pdfplumber cannot read the graphics of has no rules for us
        return []
    found: list[tuple[float, float, float]] = []
    for edge in edges:
        if edge.get("orientation") != "h":
            continue
        x0, x1, y = float(edge["x0"]), float(edge["x1"]), float(edge["top"])
        if x1 - x0 < min_share * width:
            continue
        if any(t.bbox[0] - 2 <= (x0 + x1) / 2 <= t.bbox[2] + 2 and t.bbox[1] - 2 <= y <= t.bbox[3] + 2 for t in ruled):
            continue
        found.append((y, x0, x1))
    rules: list[Rule] = []
    for y, x0, x1 in sorted(found):
        last = rules[-1] if rules else None
        if last is not None and y - last.y <= 1.5 and x0 <= last.x1 + 2 and x1 >= last.x0 - 2:
            rules[-1] = Rule(min(last.x0, x0), max(last.x1, x1), last.y)
            continue
        rules.append(Rule(x0, x1, y))
    return rules


class _Page:
    """One page as the engine reads it: lines in reading order, rules, ruled tables."""

    def __init__(
        self, layout: PageLayout, rules: list[Rule], ruled: list[RawTable], pattern: re.Pattern[str],
        spanner_rules: Sequence[Rule] = (),
    ):
        self.layout = layout
        self.lines = sorted(layout.lines, key=lambda l: (l.top, l.x0))
        self.rules = rules
        self.spanner_rules = spanner_rules  # rules of any length, where a header's group labels stand
        self.ruled = ruled
        self.pattern = pattern
        body = [l for l in self.lines if HEAD_BAND * layout.height < l.top < FOOT_BAND * layout.height]
        self.frame = (min(l.x0 for l in body), max(l.x1 for l in body)) if body else (0.0, layout.width)

    def in_ruled(self, line: Line) -> bool:
        return any(t.bbox[1] - 1 <= (line.top + line.bottom) / 2 <= t.bbox[3] + 1 for t in self.ruled)

    def barrier(self, line: Line) -> bool:
        """A line no table of this engine runs into or across."""
        return self.in_ruled(line) or is_contents_entry(line.text) or is_caption(line, self.pattern)

    def is_running_text(self, line: Line) -> bool:
        """A line of a paragraph: one segment nearly as wide as the text frame."""
        width = self.frame[1] - self.frame[0]
        return len(_segments(line)) == 1 and width > 0 and line.x1 - line.x0 >= PARAGRAPH_WIDTH * width

    def rule_between(self, upper: float, lower: float, x0: float, x1: float) -> Rule | None:
        """The rule lying between two heights and across the span x0..x1, if any."""
        for rule in self.rules:
            if upper - 0.5 <= rule.y <= lower + 0.5 and rule.x0 <= x1 and rule.x1 >= x0:
                return rule
        return None

    def is_furniture(self, line: Line, size: float) -> bool:
        """Running header or footer: in the page's top or bottom band, another size,
        and no caption (a page with a narrow bottom margin ends on its caption there)."""
        height = self.layout.height
        outside = line.top < HEAD_BAND * height or line.top > FOOT_BAND * height
        return outside and abs(line.size - size) > SIZE_TOLERANCE and not is_caption(line, self.pattern)

    def content_after(self, y: float, size: float) -> list[Line]:
        return [l for l in self.lines if l.top > y and not self.is_furniture(l, size)]


class TextAlignmentEngine:
    """Tables without column rules: under or above captions, between horizontal
    rules, and where the previous page's table runs on. Pages are read in order;
    the engine remembers what the previous page left open at its foot."""

    name = "text-alignment"

    def __init__(self, caption_pattern: re.Pattern[str], settings: Settings = DEFAULT_SETTINGS):
        self.caption_pattern = caption_pattern
        self.settings = settings
        self._open: _Open | None = None

    def find(self, page, layout: PageLayout, found: Sequence[RawTable] = ()) -> list[RawTable]:
        """`found`: the ruled tables already read on the page (no table of ours runs into one)."""
        ruled = list(found)
        spanner_rules = horizontal_rules(page, ruled, 0.0) if self.settings.header_groups else []
        ctx = _Page(layout, horizontal_rules(page, ruled), ruled, self.caption_pattern, spanner_rules)
        open_ = self._open if self._open is not None and self._open.page == layout.number - 1 else None
        self._open = None
        tables: list[RawTable] = []
        if open_ is not None:
            table = _continuation(ctx, open_, self.name)
            if table is not None:
                tables.append(replace(table, continues_previous_page=True))
        for table in _ruled_blocks(ctx, self.name):
            overlapping = [t for t in tables if _overlaps(table.bbox, t.bbox)]
            # a continuation stops at the rule under its repeated header; the ruled
            # block holding that header and the rows under the rule is the whole part
            if all(_holds(table, t) for t in overlapping):
                tables = [t for t in tables if t not in overlapping] + [table]
        for index, line in enumerate(ctx.lines):
            if not is_caption(line, self.caption_pattern):
                continue
            served = ruled + tables
            if any(_starts_below(t, line) for t in served):
                continue
            read = _under_caption(ctx, index, self.name)
            if not read and not any(_ends_above(t, line) for t in served):
                read = [t for t in [_over_caption(ctx, index, self.name)] if t is not None]
            tables += [t for t in read if not any(_overlaps(t.bbox, s.bbox) for s in served)]
        foot = _foot_table(ctx, tables, self.name) or _foot_header(ctx, tables, self.name)
        if foot is not None and not any(_overlaps(foot.bbox, t.bbox) for t in tables + ruled):
            tables.append(foot)
        self._open = _left_open(ctx, tables, self.settings.continued_row_spacing)
        return sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))


def _starts_below(table: RawTable, caption: Line) -> bool:
    return -2 <= table.bbox[1] - caption.bottom <= CAPTION_REACH * caption.size * 2


def _ends_above(table: RawTable, caption: Line) -> bool:
    return -2 <= caption.top - table.bbox[3] <= CAPTION_REACH * caption.size * 2


def _holds(outer: RawTable, inner: RawTable) -> bool:
    """Whether `outer` covers `inner` and has more rows."""
    a, b = outer.bbox, inner.bbox
    covers = a[0] <= b[0] + 1 and a[1] <= b[1] + 1 and a[2] >= b[2] - 1 and a[3] >= b[3] - 1
    return covers and len(outer.grid) > len(inner.grid)


def _overlaps(a: tuple, b: tuple) -> bool:
    return min(a[3], b[3]) - max(a[1], b[1]) > 1 and min(a[2], b[2]) - max(a[0], b[0]) > 1


# --- regions ------------------------------------------------------------------------


def _walk(ctx: _Page, lines: list[Line], anchor: float, down: bool, size: float | None = None) -> list[Line]:
    """The table's lines from an anchor height, walking down (or up) the page.

    `lines` are the candidates in walking order. The first must lie within reach of
    the anchor; each next one must keep the type size and the line pitch, not be a
    caption, leader line, ruled table or paragraph line, and not lie beyond a rule
    with space between (the rule that closes the table). Going up, a bold header row
    with a plain line above it is the top."""
    region: list[Line] = []
    for line in lines:
        if region and is_typed_rule(line.text):
            continue  # a rule typed as dashes parts the header from the body, it is no row
        if ctx.barrier(line) or ctx.is_running_text(line):
            break
        if not region:
            distance = line.top - anchor if down else anchor - line.bottom
            if distance > CAPTION_REACH * (size or line.size) or (size and abs(line.size - size) > SIZE_TOLERANCE):
                break
            region.append(line)
            continue
        last = region[-1]
        if abs(line.size - region[0].size) > SIZE_TOLERANCE:
            break
        tops = sorted(l.top for l in region)
        pitches = [b - a for a, b in zip(tops, tops[1:])]
        pitch = median(pitches) if pitches else 1.6 * line.size
        limit = max(END_GAP_RATIO * pitch, 2.5 * line.size)
        if len(pitches) >= SPACING_SEEN:
            # rows spaced apart more than a cell's lines: a step the table already took
            # between its rows is no end (single-line rows among wrapped ones); the first
            # step, which may be a header's, is left out
            limit = max(limit, SPACING_SLACK * max(pitches[1:]))
        # from a bold header down to its body: the header's tight line pitch is no
        # row's (the body may start further down), and a rule between them parts the
        # header from its body, it does not close the table
        under_header = down and not line.bold and all(l.bold for l in region)
        if under_header or (down and _under_plain_header(region, line)):
            limit = max(limit, HEADER_GAP_RATIO * line.size)
        if abs(line.top - last.top) > limit:
            break
        upper, lower = (last, line) if down else (line, last)
        x0 = min(l.x0 for l in region + [line])
        x1 = max(l.x1 for l in region + [line])
        rule = None if under_header else ctx.rule_between(upper.bottom, lower.top, x0, x1)
        if rule is not None:
            beyond = line.top - rule.y if down else rule.y - line.bottom
            if beyond > RULE_GAP_RATIO * line.size:
                break
        if not down and last.bold and len(_segments(last)) >= 2 and not line.bold:
            break  # the header row is the table's top
        region.append(line)
    return sorted(region, key=lambda l: l.top)


PLAIN_HEADER_COLUMNS = 3


def _under_plain_header(region: list[Line], line: Line) -> bool:
    """`line` may be a body's first under a header set in plain type, the header being
    the few lines read so far: they start cells at three or more columns, and each cell
    of `line` starts at one of those columns and ends before the next (a cell, not a
    paragraph running across columns). Such a header may stand further above its body
    than its own lines stand apart, as a bold one may."""
    if len(region) > MAX_HEADER_LINES or len(_segments(region[0])) < PLAIN_HEADER_COLUMNS:
        return False
    columns = sorted({round(s[0].x0, 1) for l in region for s in _segments(l)})
    for segment in _segments(line):
        start, end = segment[0].x0, segment[-1].x1
        if not _at_column(start, columns):
            return False
        following = [c for c in columns if c > start + ALIGN_TOLERANCE]
        if following and end > following[0]:
            return False
    return True


def _under_caption(ctx: _Page, index: int, engine: str) -> list[RawTable]:
    caption = ctx.lines[index]
    room = max(max(l.x1 for l in ctx.lines), ctx.layout.width - min(l.x0 for l in ctx.lines))
    # a caption in heading type may wrap: its last line, not its first, stands over the table
    while index + 1 < len(ctx.lines) and wraps_onto(caption, ctx.lines[index + 1], room):
        index += 1
        caption = ctx.lines[index]
    region = _walk(ctx, ctx.lines[index + 1 :], caption.bottom, down=True)
    if len(region) < 3:
        return []
    typed = typewriter_tables(region, ctx.layout.number, engine, caption)
    if typed:
        return typed
    if _names_then_items(region):
        table = _ruled_list(ctx, region, caption.bottom, region[0].top, engine)
    else:
        table = _table(region, ctx.layout.number, engine, spanner_rules=ctx.spanner_rules) or _ruled_list(ctx, region, caption.bottom, region[0].top, engine)
    return [table] if table is not None else []


def _names_then_items(region: list[Line]) -> bool:
    """Bold names, each followed by bulleted or numbered items: a list per row, whose
    indented items are no column of their own."""
    items = [line for line in region if not line.bold]
    return (
        region[0].bold
        and len(_segments(region[0])) == 1
        and bool(items)
        and all(bullet_of(line.text) is not None for line in items)
    )


def _ruled_list(ctx: _Page, region: list[Line], upper: float, lower: float, engine: str) -> RawTable | None:
    """A one-column table (a name, then its list, in each row) is told from text by
    the rule between it and its caption: the caption and the rule say it is a table."""
    x0, x1 = min(l.x0 for l in region), max(l.x1 for l in region)
    if ctx.rule_between(upper, lower, x0, x1) is None:
        return None
    return _table(region, ctx.layout.number, engine, spanner_rules=ctx.spanner_rules, columns=(x0,))


def _over_caption(ctx: _Page, index: int, engine: str) -> RawTable | None:
    """The table above a caption (documents that caption underneath). A rule just
    above the caption closes a ruled-above-and-below table, which may be a single
    column (a list per row): the caption and the rule together say it is a table."""
    caption = ctx.lines[index]
    above = [l for l in reversed(ctx.lines[:index]) if l.bottom <= caption.top + 1]
    above = [l for l in above if not ctx.is_furniture(l, above[0].size)]
    region = _walk(ctx, above, caption.top, down=False)
    if len(region) < 3:
        return None
    if _names_then_items(region):
        return _ruled_list(ctx, region, region[-1].bottom, caption.top, engine)
    return _table(region, ctx.layout.number, engine, spanner_rules=ctx.spanner_rules) or _ruled_list(ctx, region, region[-1].bottom, caption.top, engine)


def _foot_region(ctx: _Page, tables: list[RawTable]) -> list[Line]:
    """The lines read up from the page's last line of content while they keep a table's
    pitch and size; nothing when that line lies in a table already found."""
    body = [l for l in ctx.lines if HEAD_BAND * ctx.layout.height <= l.top <= FOOT_BAND * ctx.layout.height]
    if not body:
        return []
    content = [l for l in ctx.lines if l.top >= body[0].top and not ctx.is_furniture(l, body[-1].size)]
    last = content[-1]
    if any(t.bbox[1] - 1 <= last.top <= t.bbox[3] + 1 for t in tables + ctx.ruled):
        return []
    return _walk(ctx, list(reversed(content)), last.bottom, down=False)


def _foot_table(ctx: _Page, tables: list[RawTable], engine: str) -> RawTable | None:
    """An uncaptioned table at the page foot whose caption is underneath it on the
    next page: read up from the last line, it ends at a bold header row whose cells
    start at the columns of the rows under it."""
    region = _foot_region(ctx, tables)
    if len(region) < 2 or not region[0].bold:
        return None
    header = _segments(region[0])
    if len(header) == 1:  # a list per row (items indented or not), ruled above its first bold name
        return _ruled_list(ctx, region, region[0].top - RULE_GAP_RATIO * region[0].size, region[0].top, engine)
    table = _table(region, ctx.layout.number, engine, spanner_rules=ctx.spanner_rules)
    if table is None or len(table.grid) < 2:
        return None
    columns = table.column_edges[:-1]
    # a header over a single row (the page break pushed the rest on) needs as many
    # header cells as a header row left alone at the foot does, or a row that wraps
    # as only a table's does
    if len(table.grid) == 2 and len(header) < FOOT_HEADER_COLUMNS and not _wraps_in_a_column(region[2:], columns):
        return None
    if not all(_at_column(s[0].x0, columns) for s in header):
        return None
    return table


def _wraps_in_a_column(lines: list[Line], columns: tuple[float, ...]) -> bool:
    """Whether a line of a row's rest starts at a later column with the first empty, as
    a cell's wrapped lines do and no paragraph's."""
    return any(_segments(line)[0][0].x0 > columns[0] + ALIGN_TOLERANCE and _at_column(line.x0, columns) for line in lines)


def _foot_header(ctx: _Page, tables: list[RawTable], engine: str) -> RawTable | None:
    """A table's header row left alone at the page foot, its body on the next page:
    the last lines of the page after the running text, one of them split into three
    or more columns, every other line's segments starting at those columns (header
    cells wrapped over several lines). It is kept as a one-row table so that the next
    page's rows continue it under its columns."""
    region = _foot_region(ctx, tables)
    if not region or len(region) > MAX_HEADER_LINES:
        return None
    columns = _header_columns([_segments(line) for line in region], [line.size for line in region])
    if columns is None or len(columns) < FOOT_HEADER_COLUMNS:
        return None
    table = _table(region, ctx.layout.number, engine, spanner_rules=ctx.spanner_rules, columns=columns)
    if table is None or len(table.grid) != 1:
        return None
    return table


def _ruled_blocks(ctx: _Page, engine: str) -> list[RawTable]:
    """Tables ruled with horizontal lines only: two or more rules of one width with
    lines of one type size between them (header rule, foot rule), and the rows that
    follow the last rule closely (a table that runs on over the page foot)."""
    tables: list[RawTable] = []
    used: set[int] = set()
    for i, first in enumerate(ctx.rules):
        if i in used:
            continue
        chain = [first]
        band_size: float | None = None
        for j in range(i + 1, len(ctx.rules)):
            rule = ctx.rules[j]
            if abs(rule.x0 - first.x0) > RULE_EXTENT_TOLERANCE or abs(rule.x1 - first.x1) > RULE_EXTENT_TOLERANCE:
                continue
            band = _band(ctx, chain[-1], rule)
            if band is None:
                break
            if band:
                size = median(l.size for l in band)
                if band_size is not None and abs(size - band_size) > SIZE_TOLERANCE:
                    break
                band_size = band_size if band_size is not None else size
            chain.append(rule)
            used.add(j)
        if len(chain) < 2 or band_size is None:
            continue
        region = [l for l in ctx.lines if chain[0].y < l.top and l.bottom < chain[-1].y and _within(l, first)]
        below = [l for l in ctx.lines if l.top > chain[-1].y and not ctx.is_furniture(l, band_size)]
        header_band = bool(region) and all(l.bold for l in region)
        if _close_after(below, chain[-1], band_size, header_band):
            region += _walk(ctx, below, chain[-1].y, down=True, size=band_size)
        if len(region) < 2:
            continue
        table = _table(sorted(region, key=lambda l: l.top), ctx.layout.number, engine, spanner_rules=ctx.spanner_rules, right=first.x1)
        if table is not None:
            tables.append(table)
    return tables


def _band(ctx: _Page, upper: Rule, lower: Rule) -> list[Line] | None:
    """The lines between two rules of one width, or None when those lines are no
    table's: a caption, a leader line, running text, a line wider than the rules."""
    band = [l for l in ctx.lines if upper.y < (l.top + l.bottom) / 2 < lower.y and l.x1 > upper.x0 and l.x0 < upper.x1]
    if any(ctx.barrier(l) or ctx.is_running_text(l) or not _within(l, upper) for l in band):
        return None
    if band and max(l.size for l in band) - min(l.size for l in band) > SIZE_TOLERANCE:
        return None
    return band


def _within(line: Line, rule: Rule) -> bool:
    return line.x0 >= rule.x0 - RULE_EXTENT_TOLERANCE and line.x1 <= rule.x1 + RULE_EXTENT_TOLERANCE


def _close_after(lines: list[Line], rule: Rule, size: float, after_header: bool = False) -> bool:
    """Whether the next line runs on right under the rule (rows below a header rule);
    under a band that is a bold header, a plain line may start a header's gap below."""
    if not lines or abs(lines[0].size - size) > SIZE_TOLERANCE:
        return False
    if after_header and not lines[0].bold:
        return lines[0].top - rule.y <= HEADER_GAP_RATIO * size
    return lines[0].top - rule.y <= RULE_GAP_RATIO * size


def _continuation(ctx: _Page, open_: _Open, engine: str) -> RawTable | None:
    """The first lines of the page, when they carry on what the previous page left
    open: its table (same type size, segments starting at its columns), or its last
    caption (a table pushed onto this page)."""
    size = open_.size or body_band_size(ctx.layout)  # a caption left open: the table's size is yet unknown
    lines = [l for l in ctx.lines if not ctx.is_furniture(l, size)]
    if not lines or ctx.barrier(lines[0]):
        return None
    top = min(lines[0].top, ctx.layout.height * HEAD_BAND)
    region = _walk(ctx, lines, top, down=True, size=open_.size)
    if len(region) < (3 if not open_.columns else 1):
        return None
    if not open_.columns:
        # the caption left at the previous page's foot, as a caption just above: a
        # name-then-items list, or lines under a rule, is its one-column table
        if _names_then_items(region):
            return _ruled_list(ctx, region, 0.0, region[0].top, engine)
        return _table(region, ctx.layout.number, engine, spanner_rules=ctx.spanner_rules) or _ruled_list(ctx, region, 0.0, region[0].top, engine)
    starts = [s[0].x0 for l in region for s in _segments(l)]
    aligned = sum(1 for x in starts if _at_column(x, open_.columns))
    if aligned < MIN_ALIGNED * len(starts) or not _at_column(region[0].x0, open_.columns):
        return None
    return _table(region, ctx.layout.number, engine, spanner_rules=ctx.spanner_rules, columns=open_.columns, right=open_.x1,
                  goes_on=True, row_gap=open_.row_gap)


def _left_open(ctx: _Page, tables: list[RawTable], row_spacing: bool = True) -> _Open | None:
    """What this page leaves open at its foot for the next page: its lowest table
    when it is one of ours and no content follows it (with its row spacing, where
    `row_spacing`), or a caption with nothing under it."""
    number = ctx.layout.number
    last = max(ctx.lines, key=lambda l: l.bottom, default=None)
    lowest = max(tables + ctx.ruled, key=lambda t: t.bbox[3], default=None)
    if lowest is not None and lowest.engine != "pdfplumber-lines" and lowest in tables:
        inside = [l for l in ctx.lines if lowest.bbox[1] - 1 <= l.top and l.bottom <= lowest.bbox[3] + 1]
        size = median(l.size for l in inside) if inside else 0
        if not ctx.content_after(lowest.bbox[3] + 1, size):
            row_gap = _row_gap(inside) if row_spacing else None
            return _Open(number, lowest.column_edges[:-1], lowest.column_edges[-1], size, row_gap)
    size = body_band_size(ctx.layout)
    if size:  # the last line above the footer (a page number in a smaller size is no content)
        last = max((l for l in ctx.lines if not ctx.is_furniture(l, size)), key=lambda l: l.bottom, default=last)
    if last is not None and is_caption(last, ctx.pattern) and (lowest is None or lowest.bbox[3] < last.top):
        content = [l for l in ctx.lines if not ctx.is_furniture(l, last.size)]
        if content and content[-1] is last:
            return _Open(number, (), 0.0, 0.0)
    return None


# --- grid ---------------------------------------------------------------------------


def _segments(line: Line) -> list[list[Word]]:
    return stretches(line.words, COLUMN_GAP_RATIO * line.size)


def _table(
    region: list[Line], page: int, engine: str, columns: tuple[float, ...] | None = None, right: float | None = None,
    goes_on: bool = False, spanner_rules: Sequence[Rule] = (), row_gap: float | None = None,
) -> RawTable | None:
    """The grid of a region: columns from recurring segment starts (or as given, for
    the rest of a table begun on the page before: `goes_on`), rows from lines and gaps
    (the gap that starts a row as the region's own spacing shows it, else as given:
    the first part's, where too few rows stand here to show it)."""
    per_line = [_segments(line) for line in region]
    if columns is None:
        # a header row alone (its body on the next page): its cells wrap unevenly, so
        # few starts recur, but every line starts its cells at the widest line's columns
        header_only = len(region) <= MAX_HEADER_LINES and all(line.bold for line in region)
        if header_only:
            columns = _header_columns(per_line, [line.size for line in region]) or _columns(per_line, [line.size for line in region])
        else:
            columns = _empty_columns_under_header(region, per_line, _columns(per_line, [line.size for line in region]))
        starts = columns
        columns = _right_aligned(per_line, columns)
        if len(columns) < 2:
            return None
    else:
        starts = columns
    per_line = [_split_at(segments, columns, line.size) for segments, line in zip(per_line, region)]
    spans = _column_spans(per_line, columns)
    per_line = [_split_over_columns(segments, spans, line.size) for segments, line in zip(per_line, region)]
    row_lines: list[list[Line]] = []
    line_cells: list[list[list[list[Word]]]] = []  # per row, each of its lines' cells
    row_gap = _row_gap(region, 1 if goes_on else 2) or row_gap
    by_bold = len(columns) == 1 and region[0].bold and not all(l.bold for l in region)
    for line, segments in zip(region, per_line):
        cells: list[list[Word]] = [[] for _ in columns]
        for segment in segments:
            cells[_column_of(segment, columns, spans)].extend(segment)
        gap = line.top - row_lines[-1][-1].bottom if row_lines else 0.0
        if row_gap is not None:
            continues = bool(row_lines) and gap < row_gap
        elif by_bold:  # one column of "a bold name, then its list": a bold line starts a row
            continues = bool(row_lines) and not (line.bold and not row_lines[-1][-1].bold)
        else:
            continues = (bool(row_lines) and gap < 0.5 * line.size
                         and (not cells[0] or _goes_on_mid_sentence(cells, _merged(line_cells[-1]))))
        # A bold header wrapped over several lines is one row, unless the gaps already
        # say where rows end (a bold cluster name may follow the header).
        header_wrap = row_gap is None and len(row_lines) == 1 and line.bold and all(l.bold for l in row_lines[0])
        if continues or header_wrap:
            row_lines[-1].append(line)
            line_cells[-1].append(cells)
        else:
            row_lines.append([line])
            line_cells.append([cells])
    row_lines, line_cells = _unstack_rows(row_lines, line_cells)
    row_lines, line_cells = _bottom_aligned_header(row_lines, line_cells)
    groups = _group_labels(row_lines, line_cells, spans, spanner_rules)
    if groups:
        row_lines = [row_lines[0][:1], row_lines[0][1:], *row_lines[1:]]
        line_cells = [line_cells[0][:1], line_cells[0][1:], *line_cells[1:]]
    aligned = sum(1 for segs in per_line for s in segs if _at_column(s[0].x0, starts))
    total = sum(len(segs) for segs in per_line) or 1
    x1 = max([l.x1 for l in region] + ([right] if right is not None else []))
    column_edges = tuple(columns) + (x1,)
    row_edges = tuple(lines[0].top for lines in row_lines) + (region[-1].bottom,)
    grid = [_group_row(groups, column_edges, row_edges)] if groups else []
    for r, per_line in enumerate(line_cells[len(grid):], start=len(grid)):
        grid.append(tuple(_cell(words, column_edges, r, c, row_edges) for c, words in enumerate(_merged(per_line))))
    return RawTable(
        page=page,
        bbox=(round(min(columns[0], min(l.x0 for l in region)), 2), round(region[0].top, 2), round(x1, 2), round(region[-1].bottom, 2)),
        engine=engine,
        grid=tuple(grid),
        column_edges=column_edges,
        row_edges=row_edges,
        confidence=round(aligned / total * 0.9, 3),
    )


def _column_spans(per_line: list[list[list[Word]]], columns: tuple[float, ...]) -> list[tuple[float, float]]:
    """Each column's extent, from the segments that start at it: its figures' where it
    has figures (a header word wider than they are would widen it), else all of them.
    A column whose start a header word sets, its figures flush right further in, has
    no figure at its start: its extent is then the figures that start inside it."""
    figures: dict[int, list[tuple[float, float]]] = {}
    inside: dict[int, list[tuple[float, float]]] = {}
    others: dict[int, list[tuple[float, float]]] = {}
    for segments in per_line:
        for segment in segments:
            x0, figure = segment[0].x0, _one_figure(segment)
            near = [i for i, c in enumerate(columns) if abs(x0 - c) <= ALIGN_TOLERANCE]
            if near:
                (figures if figure else others).setdefault(near[0], []).append((x0, segment[-1].x1))
            elif figure and columns and columns[0] < x0:
                column = max(i for i, c in enumerate(columns) if c < x0)
                inside.setdefault(column, []).append((x0, segment[-1].x1))
    spans = []
    for i, start in enumerate(columns):
        extents = figures.get(i) or inside.get(i) or others.get(i) or [(start, start)]
        spans.append((min(start, min(a for a, _ in extents)), max(b for _, b in extents)))
    return spans


WORD_SPACE_RATIO = 0.3  # font sizes: wider than a word space


def _one_figure(segment: list[Word]) -> bool:
    """Whether a segment is one figure: figures no more than a word space apart ("1 234").
    Two figures further apart are two cells run together ("3,235  1,022.8")."""
    return all(is_figure(w.text) for w in segment) and all(
        b.x0 - a.x1 <= WORD_SPACE_RATIO * a.size for a, b in zip(segment, segment[1:]))


def _split_over_columns(segments: list[list[Word]], spans: list[tuple[float, float]], size: float) -> list[list[Word]]:
    """Split a segment between two words set further apart than a word space that lie
    over two different columns (the column each overlaps most): header cells set close
    over narrow columns of figures run into one segment ("method sterilization
    sterilization")."""
    def span_of(word: Word) -> int | None:
        overlaps = [(min(word.x1, b) - max(word.x0, a), i) for i, (a, b) in enumerate(spans)]
        most, column = max(overlaps, default=(0.0, None))
        return column if most > 0 else None

    out: list[list[Word]] = []
    for segment in segments:
        part = [segment[0]]
        for prev, word in zip(segment, segment[1:]):
            apart = word.x0 - prev.x1 > WORD_SPACE_RATIO * size
            if apart and None is not span_of(prev) != span_of(word) is not None:
                out.append(part)
                part = []
            part.append(word)
        out.append(part)
    return out


def _column_of(segment: list[Word], columns: tuple[float, ...], spans: list[tuple[float, float]]) -> int:
    """The column a segment stands in: the last that starts at or before it; but a
    segment that starts at no column and lies over one column's extent alone stands in
    that column (a right-aligned figure wider than its column's others, a header word
    centred over its column, start further left than the column)."""
    column = max((i for i, x in enumerate(columns) if x <= segment[0].x0 + ALIGN_TOLERANCE), default=0)
    x0, x1 = segment[0].x0, segment[-1].x1
    if _at_column(x0, columns):
        return column
    over = [i for i, (a, b) in enumerate(spans) if min(x1, b) - max(x0, a) > 0]
    if len(over) == 1:
        return over[0]
    return column


def _merged(per_line: list[list[list[Word]]]) -> list[list[Word]]:
    """A row's cells: the words its lines hold in each column, line after line."""
    return [[word for cells in per_line for word in cells[c]] for c in range(len(per_line[0]))]


def _unstack_rows(row_lines: list[list[Line]], line_cells: list[list[list[list[Word]]]]):
    """Each line its own row where lines read as one row are rows set close together:
    two or more of them hold a label in the first column and a figure in one same
    other column, and a figure never wraps onto a second line of its cell (a block of
    "Direct result -", "Revaluation 2,076,667", "Costs (106,870)" under a heading,
    spaced tighter than the rows around it)."""
    out_lines: list[list[Line]] = []
    out_cells: list[list[list[list[Word]]]] = []
    for lines, per_line in zip(row_lines, line_cells):
        if len(lines) > 1 and _stacked(per_line):
            out_lines.extend([line] for line in lines)
            out_cells.extend([cells] for cells in per_line)
        else:
            out_lines.append(lines)
            out_cells.append(per_line)
    return out_lines, out_cells


def _bottom_aligned_header(row_lines: list[list[Line]], line_cells: list[list[list[list[Word]]]]):
    """A header whose cells are set bottom-aligned over a stub column is one row: its
    upper lines (the stub empty) and its last line (the stub's own label, 'Region'),
    set as close as the lines of one cell, hold no figure, and figures follow."""
    if len(row_lines) < 3 or len(row_lines[1]) != 1 or not _figures_in(line_cells[2]):
        return row_lines, line_cells
    upper, last = line_cells[0], line_cells[1]
    close = row_lines[1][0].top - row_lines[0][-1].bottom < 0.5 * row_lines[1][0].size
    if not close or any(cells[0] for cells in upper) or _figures_in(upper) or _figures_in(last):
        return row_lines, line_cells
    return [row_lines[0] + row_lines[1], *row_lines[2:]], [upper + last, *line_cells[2:]]


def _figures_in(per_line: list[list[list[Word]]]) -> int:
    """How many cells of a row's lines are figures."""
    return sum(1 for cells in per_line for words in cells if words and all(is_figure(w.text) for w in words))


def _group_labels(
    row_lines: list[list[Line]], line_cells: list[list[list[list[Word]]]], spans: list[tuple[float, float]],
    spanner_rules: Sequence[Rule],
) -> list[tuple[int, int, list[Word]]] | None:
    """The upper level of a two-level header: the first line of the first row, when
    each of its labels stands over a rule of its own (a spanner rule) that runs over
    two or more columns, and the lines below hold labels in two or more of them. Each
    label heads the columns whose figures lie under its rule: (first, last, words)."""
    if not row_lines or len(row_lines[0]) < 2 or not spanner_rules:
        return None
    line, below = row_lines[0][0], row_lines[0][1]
    groups: list[tuple[int, int, list[Word]]] = []
    for words in line_cells[0][0]:
        if not words:
            continue
        x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
        rule = next((u for u in spanner_rules if line.bottom - 1 <= u.y <= below.top + 1
                     and u.x0 - ALIGN_TOLERANCE <= x0 and x1 <= u.x1 + ALIGN_TOLERANCE), None)
        if rule is None:
            return None
        under = [i for i, (a, b) in enumerate(spans) if rule.x0 - ALIGN_TOLERANCE <= (a + b) / 2 <= rule.x1 + ALIGN_TOLERANCE]
        if len(under) < 2:
            return None
        first, last = under[0], under[-1]
        leaves = sum(1 for c in range(first, last + 1) if any(cells[c] for cells in line_cells[0][1:]))
        if leaves < 2 or (groups and first <= groups[-1][1]):
            return None
        groups.append((first, last, sorted(words, key=lambda w: w.x0)))
    return groups or None


def _group_row(groups: list[tuple[int, int, list[Word]]], columns: tuple[float, ...], rows: tuple[float, ...]) -> tuple[Cell | None, ...]:
    """The group labels' row: each label a cell spanning the columns it heads."""
    cells: list[Cell | None] = [_cell([], columns, 0, c, rows) for c in range(len(columns) - 1)]
    for first, last, words in groups:
        cell = _cell(words, columns, 0, first, rows)
        cells[first] = replace(cell, bbox=(columns[first], rows[0], columns[last + 1], rows[1]))
        for c in range(first + 1, last + 1):
            cells[c] = None
    return tuple(cells)


def _stacked(per_line: list[list[list[Word]]]) -> bool:
    """Two or more lines each hold a label and a figure in one same column."""
    for column in range(1, len(per_line[0])):
        complete = sum(1 for cells in per_line if cells[0] and cells[column] and all(is_figure(w.text) for w in cells[column]))
        if complete >= 2:
            return True
    return False


def _goes_on_mid_sentence(cells: list[list[Word]], above: list[list[Word]]) -> bool:
    """Whether a line with a word in its first column still belongs to the row above,
    where no wider gap tells rows apart: a cell of several words goes on in lower case
    with the sentence above it ("Webinar series for the" / "members of both
    organisations"), and no cell is filled where the row above has nothing (a name
    wrapped in the first column, "Water Technology" / "Cluster Piemonte", goes with it)."""
    goes_on = False
    for words, upper in zip(cells, above):
        if not words:
            continue
        if not upper:
            return False
        text = join_words(sorted(words, key=lambda w: w.x0))
        if len(words) >= 2 and text[:1].islower() and not upper[-1].text.endswith((".", "!", "?")):
            goes_on = True
    return goes_on


def _at_column(x: float, columns) -> bool:
    """Whether `x` starts at one of `columns` (within the alignment tolerance)."""
    return any(abs(x - c) <= ALIGN_TOLERANCE for c in columns)


def _header_columns(per_line: list[list[list[Word]]], sizes: list[float]) -> tuple[float, ...] | None:
    """The segment starts of the widest line, when every segment of the other lines
    starts at one of them (a header whose cells wrap over several lines) or at a word
    of another line that follows its neighbour after more than a word space (a header
    cell filled to its edge, "Cooperation objective &" / "Technology/service", whose
    own start `_split_at` then cuts off)."""
    widest = max(per_line, key=len)
    columns = [s[0].x0 for s in widest]
    inner = [word.x0 for segments, size in zip(per_line, sizes) for segment in segments
             for prev, word in zip(segment, segment[1:]) if word.x0 - prev.x1 > COLUMN_SPLIT_RATIO * size]
    for x in (s[0].x0 for segments in per_line for s in segments):
        if _at_column(x, columns):
            continue
        if not _at_column(x, inner):
            return None
        columns.append(x)
    return tuple(sorted(columns))


def _empty_columns_under_header(region: list[Line], per_line: list[list[list[Word]]], columns: tuple[float, ...]) -> tuple[float, ...]:
    """The columns, and the start of every bold header cell that stands over no body
    word (no body word from its start to the next column's): a column that the rows
    on this page leave empty, filled on the next page or not at all."""
    header_lines = 0
    while header_lines < len(region) and region[header_lines].bold:
        header_lines += 1
    if not header_lines or header_lines == len(region):
        return columns
    body = [word for line in region[header_lines:] for word in line.words]

    def clear_of_body(x: float) -> bool:
        right = min((c for c in columns if c > x), default=float("inf"))
        return not any(w.x1 > x - ALIGN_TOLERANCE and w.x0 < right for w in body)

    found = list(columns)
    for segments in per_line[:header_lines]:
        starts = [segment[0].x0 for segment in segments]
        off = [x for x in starts if not _at_column(x, columns)]
        # only a header line whose other cells start at the columns (a spanning cell
        # of a two-level header starts between columns, over no word of its own)
        if off and len(starts) - len(off) >= 2 and all(clear_of_body(x) for x in off):
            found += off
    return tuple(sorted(found))


def _columns(per_line: list[list[list[Word]]], sizes: list[float]) -> tuple[float, ...]:
    """Segment left edges that recur on two lines or more. A start seen once (a header
    cell over a column filled in one row) also counts where another line has a word
    starting there after more than a word space: a cell that follows its neighbour's
    text closer than a column gap, which `_split_at` then cuts off."""
    starts: list[list[float]] = []
    for segments in per_line:
        for segment in segments:
            x = segment[0].x0
            for cluster in starts:
                if abs(cluster[0] - x) <= ALIGN_TOLERANCE:
                    cluster.append(x)
                    break
            else:
                starts.append([x])
    columns = [min(c) for c in starts if len(c) >= 2]
    inner = [word.x0 for segments, size in zip(per_line, sizes) for segment in segments
             for prev, word in zip(segment, segment[1:]) if word.x0 - prev.x1 > COLUMN_SPLIT_RATIO * size]
    columns += [c[0] for c in starts if len(c) == 1 and _at_column(c[0], inner)]
    return tuple(sorted(columns))


OVERLAP_SHARE = 0.5  # of the narrower segment: two segments that overlap this much stand in one column


def _right_aligned(per_line: list[list[list[Word]]], columns: tuple[float, ...]) -> tuple[float, ...]:
    """The columns, with the starts of one column aligned right (or on the decimal
    point) made one: figures of different widths start at several x, each recurring,
    and would count as columns of their own. A start joins the column on its left
    when each of its segments lies over a segment of that column, and no line holds
    segments of both (cells of two columns stand side by side on some line)."""
    at: dict[float, list[tuple[int, list[Word]]]] = {c: [] for c in columns}
    for index, segments in enumerate(per_line):
        for segment in segments:
            near = [c for c in columns if abs(segment[0].x0 - c) <= ALIGN_TOLERANCE]
            if near:
                at[min(near, key=lambda c: abs(segment[0].x0 - c))].append((index, segment))
    merged: list[float] = []
    group: list[tuple[int, list[Word]]] = []
    for column in columns:
        own = at[column]
        lines = {i for i, _ in group}
        if merged and own and group and not lines & {i for i, _ in own} and all(
            any(_overlap_share(segment, other) >= OVERLAP_SHARE for _, other in group) for _, segment in own
        ):
            group += own
            continue
        merged.append(column)
        group = list(own)
    return tuple(merged)


def _overlap_share(a: list[Word], b: list[Word]) -> float:
    a0, a1, b0, b1 = a[0].x0, a[-1].x1, b[0].x0, b[-1].x1
    narrower = min(a1 - a0, b1 - b0)
    return (min(a1, b1) - max(a0, b0)) / narrower if narrower > 0 else 0.0


def _split_at(segments: list[list[Word]], columns: tuple[float, ...], size: float) -> list[list[Word]]:
    """Split a segment where one of its words starts at a column after more than a
    word space: a cell filled to its edge leaves a narrow gap to the next column."""
    out: list[list[Word]] = []
    for segment in segments:
        part = [segment[0]]
        for prev, word in zip(segment, segment[1:]):
            at_column = _at_column(word.x0, [x for x in columns if x > segment[0].x0 + ALIGN_TOLERANCE])
            if at_column and word.x0 - prev.x1 > COLUMN_SPLIT_RATIO * size:
                out.append(part)
                part = []
            part.append(word)
        out.append(part)
    return out


def _row_gap(region: list[Line], wide_gaps: int = 2) -> float | None:
    """The vertical gap from which a new row starts, where the table spaces its rows
    apart more than the lines inside a cell (wrapped cells with no rules between
    rows); None where every gap is alike (one line per row, or no way to tell).
    `wide_gaps`: how many wide gaps it takes, two where one may be the gap under a
    header; one in the rest of a table that the previous page began."""
    gaps = [b.top - a.bottom for a, b in zip(region, region[1:])]
    apart = [g for g in gaps if g >= 0]  # lines that overlap are sub-rows of a header, not leading
    if len(gaps) < 2 or not apart:
        return None
    size = median(line.size for line in region)
    tight = min(apart)
    threshold = tight + max(1.5, ROW_GAP_RATIO * size)
    # a gap above a heading set over the figures (one cell of one line that leaves the
    # first column empty, the first column's next row under it) parts sections of
    # one-line rows, not rows of wrapped cells
    left = min(line.x0 for line in region)

    def heading(k: int) -> bool:
        line, after = region[k], region[k + 1] if k + 1 < len(region) else None
        return (line.x0 > left + ALIGN_TOLERANCE and len(_segments(line)) == 1
                and after is not None and after.x0 <= left + ALIGN_TOLERANCE)

    wide = [g for k, g in enumerate(gaps, start=1) if g >= threshold and not heading(k)]
    if len(wide) < wide_gaps or len(wide) == len(gaps):
        return None  # one wide gap is the one under the header
    return threshold


def _cell(words: list[Word], columns: tuple[float, ...], r: int, c: int, rows: tuple[float, ...]) -> Cell:
    return words_cell(words, (columns[c], rows[r], columns[c + 1], rows[r + 1]))


def words_cell(words: list[Word], bbox: tuple[float, float, float, float]) -> Cell:
    """The cell `bbox` holding `words`, read line by line."""
    if not words:
        return Cell(text=None, lines=(), bold=False, bbox=bbox)
    by_line: dict[float, list[Word]] = {}
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        key = next((k for k in by_line if abs(k - word.top) < 2), word.top)
        by_line.setdefault(key, []).append(word)
    lines = [make_line(sorted(ws, key=lambda w: w.x0)) for _, ws in sorted(by_line.items())]
    texts, open_breaks = cell_line_texts(lines, bbox)  # a word broken over two lines of a narrow column is joined
    return Cell(text=join_lines(texts) or None, lines=texts, bold=all(w.bold for w in words), bbox=bbox, open_breaks=open_breaks)
