"""Cooperation types named in a cell, by word stems, in printed order."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from ..profile import Profile
from .text import _fold, is_blank, is_na


@dataclass(frozen=True)
class TypeList:
    types: tuple[str, ...]
    leftover: tuple[str, ...]


_BRITISH = (
    (re.compile(r"(?<=[a-z]{2})is(ation|ations|e|ed|es|ing)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})our(s?)$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{2})tre(s?)$"), r"ter\1"),
    (re.compile(r"^programme"), "program"),
)
# Small words inside a type's name that say nothing about which type it is.
_TYPE_STOPWORDS = frozenset("of the and for in with to a an on at between via through or per".split())
_INFLECTIONS = ("ings", "ing", "ies", "ied", "ed", "s")
_DERIVATIONS = ("ically", "ical", "ations", "ation", "ions", "ion", "ments", "ment", "ics", "ic", "ia", "al", "ive", "y", "e")


def stem(word: str) -> str:
    """A small English stemmer, enough to make inflections, derivations and British
    and American spellings of one word meet: "technological" / "technologies" →
    "technolog", "organisation" / "organizing" → "organiz", "sharing" / "share" → "shar"."""
    word = _fold(word)
    for pattern, replacement in _BRITISH:
        word = pattern.sub(replacement, word)
    if len(word) <= 3 or not word.isalpha():
        return word
    stripped = False
    if not word.endswith("ss"):
        for suffix in _INFLECTIONS:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
                stripped = True
                break
    if stripped and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    for suffix in _DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class _Token:
    word: str  # folded
    stem: str
    abbreviated: bool  # printed with a dot after it ("Tech.")
    start: int
    end: int
    segment: int


_ACRONYM_PAIR = re.compile(r"(?<![^\W\d_])([A-Za-z])\.?\s*(&|\+|/)\s*([A-Za-z])\.?(?![^\W\d_])|\b([A-Z])\.?\s+and\s+([A-Z])\b\.?")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
# Characters that end one listed item: separators, line breaks, brackets, bullet glyphs,
# a dash or a plus sign between spaces ("R+D" and "R & D" are one type's name).
_ITEM_BREAK = re.compile(r"[,;\n\r\t()\[\]{}<>]|\s[-\u2013\u2014+]\s|[^\w\s&+/.'’\-\u2010\u2011]")


def _type_tokens(text: str) -> list[_Token]:
    """The words of a cooperation-type cell, R&D-style pairs as one word, with the
    number of the listed item each belongs to."""
    tokens: list[_Token] = []
    breaks = sorted(m.start() for m in _ITEM_BREAK.finditer(text))
    pairs = {m.start(): m for m in _ACRONYM_PAIR.finditer(text)}
    dotted = {m.start(): m for m in _DOTTED.finditer(text)}
    position = 0
    for match in re.finditer(r"[^\W_]+", text):
        if match.start() < position:
            continue
        start, end = match.start(), match.end()
        if start in pairs:
            pair = pairs[start]
            letters = [g for g in pair.groups() if g and g.isalpha()]
            word = f"{letters[0]}&{letters[1]}".lower()
            end = pair.end()
        elif start in dotted:
            word = re.sub(r"[^A-Za-z]", "", dotted[start].group(0)).lower()
            end = dotted[start].end()
        else:
            word = _fold(match.group(0))
        abbreviated = end < len(text) and text[end] == "." and start not in dotted
        if abbreviated:
            end += 1
        segment = sum(1 for b in breaks if b < start)
        tokens.append(_Token(word, stem(word) if "&" not in word else word, abbreviated, start, end, segment))
        position = end
    return tokens


@lru_cache(maxsize=16)
def _type_entries(profile: Profile) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """(type, ((stem, word) of each content word)) for every spelling, most words first."""
    entries = {}
    for kind, spellings in profile.cooperation_types.items():
        for spelling in spellings:
            words = tuple((t.stem, t.word) for t in _type_tokens(spelling) if t.word not in _TYPE_STOPWORDS)
            if words:
                entries.setdefault(words, kind)
    return tuple(sorted(((kind, words) for words, kind in entries.items()), key=lambda e: -len(e[1])))


def _word_matches(token: _Token, entry_stem: str, entry_word: str) -> bool:
    if token.stem == entry_stem or token.word == entry_word:
        return True
    # an abbreviation of the entry's word: "Tech." / "technology", "info" / "information"
    return (
        token.word.isalpha()
        and len(token.word) >= 3
        and (token.abbreviated or len(token.word) >= 4)
        and len(entry_word) > len(token.word)
        and entry_word.startswith(token.word)
    )


def _window_matches(window: list[_Token], words: tuple[tuple[str, str], ...]) -> bool:
    if len(window) > 6:
        return all(_word_matches(t, s, w) for t, (s, w) in zip(window, words))
    return any(
        all(_word_matches(t, s, w) for t, (s, w) in zip(window, order)) for order in itertools.permutations(words)
    )


def parse_cooperation_types(text: str | None, profile: Profile) -> TypeList:
    """Every cooperation type named in the cell, in printed order, without repeats;
    the text between them that names no type is returned as `leftover`.

    Items may be separated by commas, semicolons, line breaks, bullets, " and ", "/"
    or "&", or simply follow each other. Each is matched against the profile's type
    spellings by word stems, in any order and with abbreviations: "transfer of
    technologies", "Technological transfer", "Tech. transfer" and "R & D" all match.
    """
    if is_blank(text) or is_na(text, profile):
        return TypeList((), ())
    tokens = _type_tokens(text)
    content = [i for i, t in enumerate(tokens) if t.word not in _TYPE_STOPWORDS]
    entries = _type_entries(profile)
    hits: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(content):
        for kind, words in entries:
            window_idx = content[k : k + len(words)]
            window = [tokens[i] for i in window_idx]
            if len(window) < len(words) or len({t.segment for t in window}) > 1:
                continue
            if _window_matches(window, words):
                hits.append((window[0].start, kind))
                spans.append((window[0].start, window[-1].end))
                k += len(words)
                break
        else:
            k += 1
    leftover: list[str] = []
    position = 0
    for start, end in spans + [(len(text), len(text))]:
        cut = position
        for piece_end in [b.start() for b in _PIECE_BREAK.finditer(text, position, start)] + [start]:
            piece = text[cut:piece_end]
            kind = _closest_type(piece, entries)
            if kind is not None:
                hits.append((cut, kind))
            else:
                _collect_leftover(piece, profile, leftover)
            cut = piece_end
        position = max(position, end)
    types: list[str] = []
    for _, kind in sorted(hits):
        if kind not in types:
            types.append(kind)
    return TypeList(tuple(types), tuple(leftover))


CLOSEST_TYPE_WORDS = 2  # content words an item must share with a type's spelling
DISTINCTIVE_LETTERS = 5  # shorter words ("new", "joint") qualify a type rather than name it
DISTINCTIVE_ITEM_WORDS = 3  # content words of an item one distinctive word may name
_PIECE_BREAK = re.compile(rf"{_ITEM_BREAK.pattern}|\s(?:and|&)\s", re.IGNORECASE)


def _closest_type(fragment: str, entries) -> str | None:
    """The type an item names in other words than any spelling: the spellings that
    share most of their content words with it (two at least, and at least half of
    the spelling's) all name one type ("Co-organised business events" shares
    "business events" with "Joint business events"); failing that, the one type
    whose spellings alone use the item's words (`_distinctive_type`)."""
    every = _type_tokens(fragment)
    tokens = [t for t in every if t.word not in _TYPE_STOPWORDS]
    head_end = next((t.start for t in every[1:] if t.word in _PREPOSITIONS), len(fragment))
    head = [t for t in tokens if t.start < head_end]
    if len(tokens) < CLOSEST_TYPE_WORDS:
        return _distinctive_type(tokens, entries, head)
    best, kinds = 0, set()
    for kind, words in entries:
        shared = sum(1 for stem_, word in words if any(_word_matches(t, stem_, word) for t in tokens))
        if shared < CLOSEST_TYPE_WORDS or 2 * shared < len(words):
            continue
        if shared > best:
            best, kinds = shared, {kind}
        elif shared == best:
            kinds.add(kind)
    if not kinds:
        return _distinctive_type(tokens, entries, head)
    return next(iter(kinds)) if len(kinds) == 1 else None


@lru_cache(maxsize=16)
def _word_owners(entries) -> dict[str, frozenset[str]]:
    """Content-word stem -> the types whose spellings use it."""
    owners: dict[str, set[str]] = {}
    for kind, words in entries:
        for stem_, _ in words:
            owners.setdefault(stem_, set()).add(kind)
    return {stem_: frozenset(kinds) for stem_, kinds in owners.items()}


_PREPOSITIONS = frozenset({"with", "of", "for", "to", "in", "between", "among", "at", "on"})


def _distinctive_type(tokens: list[_Token], entries, head: list[_Token] | None = None) -> str | None:
    """The type an item names by a word that only that type's spellings use
    ("Contacts with companies": "contacts" is used by business contacts alone;
    "Common events": "events" by joint business events alone). Words shared by
    several types ("joint", "exchange") tell nothing; two distinctive words that
    point to different types leave the item unread."""
    if len(tokens) > DISTINCTIVE_ITEM_WORDS:
        return None  # a longer item is a name or a sentence that merely contains the word
    owners = _word_owners(entries)

    def named(words: list[_Token]) -> set[str]:
        return {next(iter(owners[t.stem])) for t in words
                if len(t.word) >= DISTINCTIVE_LETTERS and len(owners.get(t.stem, ())) == 1}

    kinds = named(tokens)
    if len(kinds) > 1 and head:
        kinds = named(head)  # "Contacts with companies": the words before the preposition head the item
    return next(iter(kinds)) if len(kinds) == 1 else None


def _collect_leftover(fragment: str, profile: Profile, out: list[str]) -> None:
    connectors = {_fold(c) for c in profile.list_connectors} | _TYPE_STOPWORDS
    for piece in re.split(r"[,;\n\r\t]|\s[-\u2013\u2014]\s|[^\w\s&+/.'’()\-\u2010\u2011]", fragment):
        words = [w for w in re.split(r"\s+", piece.strip()) if w]
        meaningful = [w for w in words if _fold(w).strip(".,;:()") not in connectors and re.search(r"[^\W_]", w)]
        if meaningful:
            item = " ".join(words).strip(" ,;:/&+-.")
            if item.startswith("(") and not item.endswith(")") and ")" not in item:
                item = item[1:].strip()
            if item.endswith(")") and "(" not in item:
                item = item[:-1].strip()
            if item:
                out.append(item)
