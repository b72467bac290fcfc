"""Cell parsers: answers, counts, partner-type suffixes, cooperation types, bullets.

Each parser takes a cell's cleaned text and the profile's vocabulary; what it cannot
map it returns beside the value, so the caller can report it instead of dropping it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .profile import Profile

NA = "n/a"


def _key(text: str) -> str:
    return " ".join(text.lower().replace("\u2011", "-").split()).strip(" .:")


@lru_cache(maxsize=16)
def _answer_lookup(profile: Profile) -> dict[str, str]:
    return {_key(spelling): answer for answer, spellings in profile.answers.items() for spelling in spellings}


def is_na(text: str | None, profile: Profile) -> bool:
    return text is not None and _answer_lookup(profile).get(_key(text)) == NA


def parse_answer(text: str | None, profile: Profile) -> tuple[str | None, bool]:
    """(answer, understood): yes / no / n/a, None for a blank cell.

    Text that is no answer spelling gives (None, False)."""
    if text is None or not text.strip():
        return None, True
    answer = _answer_lookup(profile).get(_key(text))
    return (answer, True) if answer else (None, False)


_COUNT = re.compile(r"^\s*(\d{1,7})\s*$")


def parse_count(text: str | None) -> int | None:
    """A single whole number, else None ("1-3", "1+", "N/A" and blanks are no count)."""
    if text is None:
        return None
    match = _COUNT.match(text.replace("\u00a0", " "))
    return int(match.group(1)) if match else None


def text_value(text: str | None, profile: Profile) -> str | None:
    """A free-text cell: N/A spellings become "n/a", blanks None, the rest as printed."""
    if text is None or not text.strip():
        return None
    return NA if is_na(text, profile) else text


@dataclass(frozen=True)
class PartnerName:
    name: str | None
    partner_type: str | None
    suffix: str | None


_TRAILING_PARENS = re.compile(r"\(([^()]*)\)\s*$")


@lru_cache(maxsize=16)
def _partner_type_lookup(profile: Profile) -> dict[str, str]:
    return {
        _type_key(spelling): kind for kind, spellings in profile.partner_types.items() for spelling in spellings
    }


def _type_key(text: str) -> str:
    return " ".join(re.sub(r"[-‐‑–]", " ", text.lower()).split())


def parse_partner_type(text: str | None, profile: Profile) -> str | None:
    """A type-of-organisation cell ("non EU firm") to its contract value."""
    if not text:
        return None
    return _partner_type_lookup(profile).get(_type_key(text.strip("() ")))


def split_partner(text: str | None, profile: Profile) -> PartnerName:
    """Split "Carbon Trust (non EU firm)" into the name and its partner type.

    A trailing parenthesis that is no known type stays part of the name. A name
    that is an N/A spelling becomes None.
    """
    if text is None or not text.strip():
        return PartnerName(None, None, None)
    name, partner_type, suffix = text.strip(), None, None
    match = _TRAILING_PARENS.search(name)
    if match:
        found = _partner_type_lookup(profile).get(_type_key(match.group(1)))
        if found:
            partner_type, suffix = found, match.group(1)
            name = name[: match.start()].strip()
    if not name or is_na(name, profile):
        name = None
    return PartnerName(name, partner_type, suffix)


@dataclass(frozen=True)
class TypeList:
    types: tuple[str, ...]
    leftover: tuple[str, ...]


@lru_cache(maxsize=16)
def _type_pattern(profile: Profile) -> tuple[re.Pattern[str], dict[str, str]]:
    lookup = {}
    for kind, spellings in profile.cooperation_types.items():
        for spelling in spellings:
            lookup[_key(spelling)] = kind
    ordered = sorted(lookup, key=len, reverse=True)
    parts = [r"\s*".join(re.escape(tok) for tok in re.split(r"\s+", s)) for s in ordered]
    pattern = re.compile(r"(?<![\w])(" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
    return pattern, lookup


def parse_cooperation_types(text: str | None, profile: Profile) -> TypeList:
    """Every cooperation type named in the cell, in printed order, without repeats;
    the text between them that names no type is returned as `leftover`."""
    if not text or not text.strip():
        return TypeList((), ())
    pattern, lookup = _type_pattern(profile)
    types: list[str] = []
    leftover: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        _collect_leftover(text[position : match.start()], profile, leftover)
        kind = lookup[_key(match.group(1))]
        if kind not in types:
            types.append(kind)
        position = match.end()
    _collect_leftover(text[position:], profile, leftover)
    return TypeList(tuple(types), tuple(leftover))


def _collect_leftover(fragment: str, profile: Profile, out: list[str]) -> None:
    words = [w for w in re.split(r"\s+", fragment.strip()) if w]
    connectors = {c.lower() for c in profile.list_connectors}
    meaningful = [w for w in words if w.lower().strip(".,;:") not in connectors and w.strip(".,;:/&-+")]
    if meaningful:
        out.append(" ".join(words).strip(" ,;:"))


def split_bullets(lines: tuple[str, ...], profile: Profile) -> tuple[list[str], list[str]]:
    """(heading lines, bullet items) of a cell that names something then lists items.

    A line starting with a bullet opens an item; a line without one continues the
    item above (a wrapped item) or, before the first bullet, the heading.
    """
    heading: list[str] = []
    items: list[str] = []
    bullets = tuple(b for b in profile.bullets if b)
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        bullet = next((b for b in bullets if line.startswith(b)), None)
        if bullet is not None and (items or heading):
            items.append(line[len(bullet) :].strip())
        elif items:
            items[-1] = f"{items[-1]} {line}"
        else:
            heading.append(line)
    return heading, items
