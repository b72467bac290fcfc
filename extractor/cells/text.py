"""Cell text: blanks, N/A, yes/no answers, counts and free text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..profile import Profile

NA = "n/a"

#: The 27 member states of the European Union (ISO 3166-1 alpha-2): a fact, not vocabulary.
EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)

_DATA = Path(__file__).parent.parent / "data"
_DASH_CHARS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")


def _fold(text: str) -> str:
    """Lower case without accents, white space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain.lower()).strip()


def _key(text: str) -> str:
    return " ".join(text.lower().replace("\u2011", "-").split()).strip(" .:")


BLANK_MARK_CHARS = 4  # "—", "--", "...", "–––", "·": punctuation this short stands for no value


def is_blank(text: str | None) -> bool:
    """No value: empty, white space, or a few punctuation marks standing alone
    ("—", "–", "/", "--", "...", "·"); a tick, a letter or a digit is a value."""
    if text is None:
        return True
    stripped = _SPACES.sub("", text)
    return not stripped or (
        len(stripped) <= BLANK_MARK_CHARS
        and all(c in _DASH_CHARS or unicodedata.category(c).startswith("P") for c in stripped)
    )


_NA_PHRASE = re.compile(r"^(?:not?|non)[\s-]*(?:applicable|relevant)$")


@lru_cache(maxsize=16)
def _answer_lookup(profile: Profile) -> dict[str, str]:
    lookup = {"yes": "yes", "y": "yes", "no": "no", "n": "no"}
    for answer, spellings in profile.answers.items():
        for spelling in spellings:
            if not is_blank(spelling):
                lookup[_answer_key(spelling)] = answer
    return lookup


def _answer_key(text: str) -> str:
    return _fold(text).strip(" .,;:!?\"'()[]{}*")


def is_na(text: str | None, profile: Profile | None = None) -> bool:
    """The report printed N/A: "N/A", "n/a", "N.A.", "n. a.", "N / A", "NA", "Not applicable" ..."""
    if text is None or is_blank(text):
        return False
    folded = _fold(text)
    if re.sub(r"[^a-z0-9]", "", folded) == "na" and len(folded) <= 12:
        return True
    if _NA_PHRASE.match(folded.strip(" .!")):
        return True
    return profile is not None and _answer_lookup(profile).get(_answer_key(text)) == NA


# Wingdings check and cross glyphs as Word documents extract them (private-use area).
_WINGDINGS_TICKS = {"\uf0fc": "yes", "\uf0fe": "yes", "\uf0fb": "no", "\uf0fd": "no"}


def tick_answer(char: str) -> str | None:
    """"yes" for a check-mark glyph (✓ ✔ ☑ √), "no" for a cross glyph (✗ ✘ ☒ ✕ ❌)
    or an empty ballot box (☐)."""
    if char in _WINGDINGS_TICKS:
        return _WINGDINGS_TICKS[char]
    if char == "\u221a":  # square root sign, printed as a tick
        return "yes"
    name = unicodedata.name(char, "")
    if "CHECK MARK" in name or "BALLOT BOX WITH CHECK" in name or "BALLOT BOX WITH BOLD CHECK" in name:
        return "yes"
    if name == "BALLOT BOX":  # an empty box: not ticked
        return "no"
    if any(word in name for word in ("BALLOT X", "BALLOT BOX WITH X", "MULTIPLICATION X", "CROSS MARK", "SALTIRE")):
        return "no"
    return None


_EXPLANATION = re.compile(r"^\s*([^\s,;:(\[\u2013\u2014]+?)\s*(?:[,;:(\[\u2013\u2014]|\s-\s|\.\s)")


def parse_answer(text: str | None, profile: Profile) -> tuple[str | None, bool]:
    """(answer, understood): "yes" / "no" / "n/a", None for a blank cell.

    Case and trailing punctuation do not matter ("YES.", "y"); tick glyphs read as
    yes, cross glyphs as no; N/A however punctuated is "n/a"; a dash alone is blank;
    "Yes, via the cluster's newsletter" is yes. Text that is no answer gives (None, False).
    """
    if is_blank(text):
        return None, True
    if is_na(text, profile):
        return NA, True
    lookup = _answer_lookup(profile)
    answer = lookup.get(_answer_key(text))
    if answer:
        return answer, True
    stripped = text.strip()
    tick = tick_answer(stripped[0])
    if tick and (len(stripped) == 1 or not stripped[1].isalnum()):
        return tick, True
    match = _EXPLANATION.match(stripped)
    if match:
        answer = lookup.get(_answer_key(match.group(1)))
    else:  # "No SMEs were involved": only the English words, "non EU firm" is no answer
        head = _answer_key(stripped.split()[0])
        answer = head if head in ("yes", "no") else None
    return (answer, True) if answer else (None, False)


def is_answer(text: str | None, profile: Profile) -> bool:
    """The cell is a yes / no / n/a answer (not blank)."""
    answer, understood = parse_answer(text, profile)
    return understood and answer is not None


_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_SCALES = {"hundred": 100, "thousand": 1000}


def number_from_words(text: str) -> int | None:
    """"five" → 5, "Twenty-three" → 23, "one hundred and two" → 102; None otherwise.
    A number word that a narrow cell broke over two lines without a hyphen ("twenty-f
    ive", "thir teen") is read joined, where a piece is no number word of its own."""
    value = _number_from_words(text)
    pieces = text.split()
    if value is None and 1 < len(pieces) <= 3 and any(_number_from_words(piece) is None for piece in pieces):
        value = _number_from_words("".join(pieces))
    return value


def _number_from_words(text: str) -> int | None:
    words = [w for w in re.split(r"[\s\-\u2010\u2011]+", _fold(text).strip(" .")) if w and w != "and"]
    if not words:
        return None
    if words in (["none"], ["nil"]):
        return 0
    if words[0] == "a" and len(words) > 1 and words[1] in _SCALES:
        words[0] = "one"
    total = current = 0
    previous = None  # kind of the word before: unit, tens, scale
    for word in words:
        if word in _UNITS:
            if previous == "unit" or (previous == "tens" and _UNITS[word] >= 10):
                return None
            current += _UNITS[word]
            previous = "unit"
        elif word in _TENS:
            if previous in ("unit", "tens"):
                return None
            current += _TENS[word]
            previous = "tens"
        elif word in _SCALES:
            if previous is None or previous == "scale":
                return None
            if _SCALES[word] == 100:
                current *= 100
            else:
                total, current = total + current * 1000, 0
            previous = "scale"
        else:
            return None
    return total + current


_DIGITS = re.compile(r"^(\d{1,7})\.?$")
_GROUPED = re.compile(r"^(\d{1,3}(?:([,\u00a0\u2009\u202f ])\d{3})+)\.?$")
_NUMBER_THEN_WORDS = re.compile(r"^(\d{1,7})\s+(?:\(([^()]*)\)|([^\W\d_]+(?:[\s-][^\W\d_]+){0,2}))\.?$")
# Words that make a number an estimate, a bound or a range: not a single count.
_QUALIFIERS = frozenset(
    "about approx approximately around circa ca c roughly nearly almost over under more less than least most "
    "up to some several few many plus or and minimum maximum min max estimated expected potentially possibly "
    "tbc tbd unknown between from".split()
)


def parse_count(text: str | None) -> int | None:
    """A single whole number, else None.

    "12", "12.", "1,200", "five", "Twenty-three", "5 SMEs" are counts; "about 30",
    "~30", "5+", "more than 10", "10-15", "10 to 15", "several", N/A and blanks are not.
    """
    if text is None:
        return None
    cleaned = _SPACES.sub(" ", text).strip()
    if not cleaned:
        return None
    match = _DIGITS.match(cleaned)
    if match:
        return int(match.group(1))
    match = _GROUPED.match(cleaned)
    if match:
        return int(re.sub(r"\D", "", match.group(1)))
    match = _NUMBER_THEN_WORDS.match(cleaned)
    if match:
        words = re.findall(r"[a-z]+", _fold(match.group(2) or match.group(3) or ""))
        if not _QUALIFIERS.intersection(words):
            return int(match.group(1))
    return number_from_words(cleaned)


_NUMBERISH = re.compile(r"\d|\b(?:" + "|".join(list(_UNITS)[1:] + list(_TENS) + ["dozens?", "hundreds?"]) + r")\b")
_VAGUE = re.compile(r"^(?:a\s+)?(?:several|few|many|some|dozens|numerous|various|multiple)\b")


def is_count_like(text: str | None) -> bool:
    """A count, or a short form that states an amount but not a single count
    ("about 30", "5+", "10-15", "more than 10", "several")."""
    if is_blank(text) or is_na(text):
        return False
    if parse_count(text) is not None:
        return True
    folded = _fold(text)
    if len(folded.split()) > 5 or len(folded) > 30:
        return False
    return bool(_NUMBERISH.search(folded) or _VAGUE.match(folded))


def count_or_text(text: str | None, profile: Profile | None = None) -> tuple[int | None, str | None]:
    """(count, None) for a single count; (None, text) for a cell that states something
    else ("5+", "about 30": the caller keeps the text); (None, None) for blank or N/A."""
    if is_blank(text) or is_na(text, profile):
        return None, None
    value = parse_count(text)
    return (value, None) if value is not None else (None, _SPACES.sub(" ", text).strip())


def text_value(text: str | None, profile: Profile) -> str | None:
    """A free-text cell: N/A spellings become "n/a", blanks (and a dash alone) None,
    the rest as printed."""
    if is_blank(text):
        return None
    return NA if is_na(text, profile) else text
