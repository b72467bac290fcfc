"""Bullets and lists: items of a list cell, whatever glyph, number or separator marks them."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from ..profile import Profile
from .text import is_blank, is_na, tick_answer


_BULLET_CHARS = frozenset("•●▪◦‣⁃∙·–—-*>»›✓✔➢➤►▸▹▶■□○◆◇❖➔→⇒⦁⦾⦿♦◘◙‧⁌⁍")
_NUMBERED = re.compile(r"^(?:\(?\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-z][.)]|\([a-z]\)|[A-Z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s+")
LIST_SEPARATORS = (";", ",")  # in the order a cell without bullets is split on them
_INLINE_BULLET = re.compile(r"\s*[•●▪◦‣∙➢➤►▸■◆❖⦁\ue000-\uf8ff]\s*")


def bullet_of(line: str) -> str | None:
    """The bullet or number opening a list item ("• ", "", "1) ", "a. "), else None."""
    stripped = line.lstrip()
    if not stripped:
        return None
    first = stripped[0]
    if first in _BULLET_CHARS or unicodedata.category(first) in ("Co", "So") or tick_answer(first):
        if first in "-–—*>" and len(stripped) > 1 and stripped[1] in "-–—*>":
            return None  # a rule or an arrow, not a bullet
        return stripped[: len(stripped) - len(stripped[1:].lstrip())]
    if first in "oØ§" and len(stripped) > 2 and stripped[1] in " \t" and stripped[2:].strip():
        # Word's second-level bullet "o" (Courier), and Wingdings bullets extracted
        # without their font mapping ("Ø" arrow, "§" square): only before a space
        return stripped[:2]
    match = _NUMBERED.match(stripped)
    return match.group(0) if match else None


def _explode_inline(lines: Iterable[str], bullets: tuple[str, ...]) -> list[str]:
    """Split lines where an unmistakable bullet glyph stands inside them."""
    out: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        pieces = _INLINE_BULLET.split(line)
        glyphs = _INLINE_BULLET.findall(line)
        if len(pieces) == 1:
            out.append(line)
            continue
        if pieces[0].strip():
            out.append(pieces[0].strip())
        for glyph, piece in zip(glyphs, pieces[1:]):
            if piece.strip():
                out.append(f"{glyph.strip()} {piece.strip()}")
    return out


def split_bullets(lines: tuple[str, ...] | list[str], profile: Profile) -> tuple[list[str], list[str]]:
    """(heading lines, bullet items) of a cell that names something then lists items.

    A line starting with a bullet opens an item; a line without one continues the
    item above (a wrapped item) or, before the first bullet, the heading. Any bullet
    glyph counts (• ● ▪ ◦ ‣ ⁃ ∙ · – — - * > ✓ ➢ ➤ ►, private-use glyphs such as Word's
    U+F0B7), and so does a number or letter opening the line ("1)", "1.", "(a)", "i.").
    """
    heading: list[str] = []
    items: list[str] = []
    profile_bullets = tuple(b for b in profile.bullets if b)
    for line in _explode_inline(lines, profile_bullets):
        bullet = next((b for b in profile_bullets if line.startswith(b)), None) or bullet_of(line)
        if bullet is not None and (items or heading):
            item = line[len(bullet) :].strip()
            if item:
                items.append(item)
        elif items:
            items[-1] = f"{items[-1]} {line}"
        else:
            heading.append(line)
    return heading, items


# A token that only completes the name before it: "Acme, Inc.", "Foo, S.A.".
_LEGAL_TAIL = re.compile(r"^(?:[A-Za-z]{1,4}\.)+(?:\s?[A-Za-z]{1,4}\.)*$")


def parse_list(text_or_lines: str | Iterable[str] | None, profile: Profile | None = None) -> list[str]:
    """The items of a list-typed cell, as printed, bullets and numbers removed.

    Bulleted or numbered lines are items (an unbulleted line continues the item
    above; lines before the first bullet are items of their own unless they end
    with ":"). A cell without bullets is split on semicolons, else on commas when
    they separate short items; otherwise it is one item. Blank and N/A give [].
    """
    if text_or_lines is None:
        return []
    lines = text_or_lines.splitlines() if isinstance(text_or_lines, str) else [l for l in text_or_lines if l]
    lines = [l.strip() for l in lines if l and l.strip()]
    if not lines or (len(lines) == 1 and (is_blank(lines[0]) or is_na(lines[0], profile))):
        return []
    bullets = tuple(b for b in (profile.bullets if profile else ()) if b)
    lines = _explode_inline(lines, bullets)
    marked = [bool(next((b for b in bullets if l.startswith(b)), None) or bullet_of(l)) for l in lines]
    if any(marked):
        items: list[str] = []
        seen_bullet = False
        for line, is_item in zip(lines, marked):
            if is_item:
                bullet = next((b for b in bullets if line.startswith(b)), None) or bullet_of(line) or ""
                items.append(line[len(bullet) :].strip())
                seen_bullet = True
            elif seen_bullet and items:
                items[-1] = f"{items[-1]} {line}"
            elif not line.endswith(":"):
                items.append(line)
        return [i for i in items if i and not is_blank(i)]
    joined = " ".join(lines)
    for separator in LIST_SEPARATORS:
        if separator in joined:
            parts = [p.strip() for p in joined.split(separator)]
            merged: list[str] = []
            for part in parts:
                if merged and _LEGAL_TAIL.match(part):
                    merged[-1] = f"{merged[-1]}{separator} {part}"
                elif part:
                    merged.append(part)
            if separator == ";" or all(len(p.split()) <= 6 for p in merged):
                return [p.strip(" .") if p.endswith(".") and not _LEGAL_TAIL.search(p.split()[-1]) else p for p in merged]
    return [joined]


def list_items(text_or_lines: str | Iterable[str] | None, profile: Profile | None = None) -> int:
    """How many items a list-typed cell holds (see `parse_list`)."""
    return len(parse_list(text_or_lines, profile))
