"""How well a column's cells read as a field's value type (for the column mapper)."""

from __future__ import annotations

import re

from ..profile import Profile
from .cooperation import parse_cooperation_types
from .lists import _INLINE_BULLET, bullet_of, parse_list
from .partners import _reads_as_type, split_partner
from .places import country_of
from .text import is_answer, is_blank, is_count_like, is_na, parse_count


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\d\s.,%+\-–~()]+", text.strip())) or parse_count(text) is not None


def _name_score(text: str, profile: Profile) -> float:
    """How much a cell reads as a name of an organisation: 0..1."""
    stripped = text.strip()
    if is_answer(stripped, profile) or _is_number(stripped) or is_count_like(stripped) or _is_address(stripped):
        return 0.0
    if country_of(stripped, profile) and len(stripped.split()) <= 3:
        return 0.0
    if _reads_as_type(stripped, profile, strict=True):
        return 0.3  # "non-EU firm": a type of organisation, not its name
    types = parse_cooperation_types(stripped, profile)
    if types.types and not types.leftover:
        return 0.3  # "R&D, Tech. transfer": cooperation types, not a name
    letters = sum(c.isalpha() for c in stripped)
    if letters < 2 or letters / max(1, len(stripped.replace(" ", ""))) < 0.5:
        return 0.0
    words = len(stripped.split())
    if words > 14:
        return 0.2
    if words > 9 or stripped.endswith((".", "!", "?")) and words > 5:
        return 0.5
    return 1.0


def _ends_in_legal_form(name: str) -> bool:
    """"Nile Delta Foods S.A.E.", "Outback Solar Pty Ltd": a company's legal form (ISO
    20275) says what kind of body the name is, as a partner-type suffix does."""
    from ..entities.legal_forms import strip_legal_forms
    from ..entities.normalise import fold

    return bool(strip_legal_forms(fold(name).split())[1])


_ADDRESS = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$|^\s*\S+@\S+\.\w+\s*$|^\s*[\w.-]+\.(?:com|org|net|eu|[a-z]{2})/?\s*$", re.I)


def _is_address(text: str) -> bool:
    """A web or e-mail address: the content of no contract field."""
    return bool(_ADDRESS.match(text))


def _text_score(text: str, profile: Profile) -> float:
    stripped = text.strip()
    if is_answer(stripped, profile) or _is_number(stripped) or is_count_like(stripped) or _is_address(stripped):
        return 0.0
    if not any(c.isalpha() for c in stripped):
        return 0.0
    return min(1.0, 0.5 + 0.1 * len(stripped.split()))


def _is_list(text: str, profile: Profile) -> bool:
    lines = [l for l in text.splitlines() if l.strip()]
    if sum(1 for l in lines if bullet_of(l)) >= 1 and len(lines) >= 2:
        return True
    if len(_INLINE_BULLET.findall(text)) >= 2:
        return True
    return len(parse_list(text, profile)) >= 2


def _types_score(text: str, profile: Profile) -> float:
    """1 for a cell of cooperation types only, less the more other text it holds."""
    parsed = parse_cooperation_types(text, profile)
    if not parsed.types:
        return 0.0
    other = sum(len(item.split()) for item in parsed.leftover)
    return 1.0 if other == 0 else max(0.25, 1.0 - other / max(1, len(text.split())))


_NUMBER_MARKS = re.compile(r"^(?:\W|no\b|nr\b|n°)*|\W+$", re.IGNORECASE)


def _index_fit(texts: list[str]) -> float:
    fits = 0
    previous: int | None = None
    for text in texts:
        value = parse_count(_NUMBER_MARKS.sub("", text))  # "1", "1.", "(1)", "1)", "[1]", "#1", "No. 1"
        if value is not None and value < 1000 and (previous is None or value == previous + 1):
            fits += 1
        previous = value
    return fits / len(texts)


def type_fit(value_type: str, texts: list[str], profile: Profile) -> float:
    """Share (0..1) of a column's non-blank cells that read as `value_type`.

    Value types are a field spec's `type:` (index, name, partner, partner_type,
    answer, count, cooperation_types, country, list, text). Blank and N/A cells are
    left out; a column with nothing else scores 0. "count" accepts forms that state
    an amount but no single count ("5+"); "index" wants small consecutive numbers;
    "partner" and "name" score how much each cell reads as a name ("partner" more
    when it carries a partner-type suffix); "text" scores long free text highest.
    """
    cells = [t for t in texts if t is not None and not is_blank(t) and not is_na(t, profile)]
    if not cells:
        return 0.0
    if value_type == "index":
        return _index_fit(cells)
    scores: list[float]
    if value_type == "answer":
        scores = [1.0 if is_answer(t, profile) else 0.0 for t in cells]
    elif value_type == "count":
        scores = [1.0 if is_count_like(t) else 0.0 for t in cells]
    elif value_type == "partner_type":
        scores = [1.0 if _reads_as_type(t.strip(" ()[]{}"), profile, strict=True) else 0.0 for t in cells]
    elif value_type == "cooperation_types":
        scores = [_types_score(t, profile) for t in cells]
    elif value_type == "country":
        scores = [1.0 if country_of(t, profile) else 0.0 for t in cells]
    elif value_type == "list":
        scores = [1.0 if _is_list(t, profile) else 0.0 for t in cells]
    elif value_type == "partner":
        scores = []
        for text in cells:
            parsed = split_partner(text, profile)
            base = _name_score(parsed.name or text, profile) if parsed.name else 0.0
            typed = parsed.partner_type or (parsed.name and _ends_in_legal_form(parsed.name))
            scores.append(min(1.0, 0.8 * base + (0.2 if typed and base else 0.0)))
    elif value_type == "name":
        scores = [_name_score(t, profile) for t in cells]
    elif value_type == "text":
        scores = [_text_score(t, profile) for t in cells]
    else:
        raise ValueError(f"unknown value type {value_type!r}")
    return sum(scores) / len(scores)
