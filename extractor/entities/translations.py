"""Words of two languages that translate each other, from the FreeDict dictionaries.

The lexicon (lexicon.yaml) knows the words of the names seen so far; a name printed in
another language with a word nobody wrote down ("Klaster Drewna" for "Wood Cluster")
needs a dictionary. FreeDict's bilingual dictionaries (Debian's `dict-freedict-XXX-eng`
packages, installed by scripts/system-packages) give each word of eight EU languages
its English translations. Only each entry's translation lines are read (never its
examples or its definitions in the source language), and a word the dictionary lacks
in that form ("turystyki", a Polish genitive) is looked up by its stem among the
headwords ("turystyka"). Without the packages, no word translates: names are then
compared by the lexicon and cognates alone.
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import os
import pickle
import re
from functools import lru_cache
from pathlib import Path

from .normalise import fold

DICTIONARY_FOLDER = Path("/usr/share/dictd")
LANGUAGES = ("deu", "fra", "spa", "ita", "pol", "nld", "por", "ces")
CACHE_VERSION = 1  # raise when the table's making changes
MIN_STEM = 5  # letters a word and a headword must share to be taken for two forms of one word
MAX_ENDING = 3  # letters of inflection a stem look-up may take away or add
_BASE64 = {ch: i for i, ch in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_NUMBERED = re.compile(r"^\d+\.\s+(\S.*)$")
_NOTES = re.compile(r"\[.*?\]|<.*?>|\(.*?\)|\{.*?\}")


def _number(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 64 + _BASE64[ch]
    return value


def translation_lines(entry: str) -> list[str]:
    """An entry's translations: the line after its headword, or its numbered senses
    ("1. forest, woods"); not the examples, notes or definitions that follow."""
    lines = entry.split("\n")[1:]
    numbered = [m.group(1) for m in (_NUMBERED.match(line.strip()) for line in lines) if m]
    if numbered:
        return numbered
    first = next((line.strip() for line in lines if line.strip()), "")
    return [re.sub(r"\s+\d+\.$", "", first)]


def english_words(lines: list[str]) -> set[str]:
    """One-word English translations, folded: "timber, wood" -> {timber, wood}."""
    words = set()
    for line in lines:
        for part in re.split(r"[,;]", _NOTES.sub(" ", line)):
            folded = fold(part)
            if folded and " " not in folded:
                words.add(folded)
    return words


@lru_cache(maxsize=None)
def dictionary(language: str) -> dict[str, frozenset[str]]:
    """A language's one-word headwords, folded, with their English translations."""
    index = DICTIONARY_FOLDER / f"freedict-{language}-eng.index"
    data_file = DICTIONARY_FOLDER / f"freedict-{language}-eng.dict.dz"
    if not index.exists() or not data_file.exists():
        return {}
    data = gzip.open(data_file).read()  # dictzip is gzip with a random-access table
    found: dict[str, set[str]] = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        head, offset, length = (line.split("\t") + ["", ""])[:3]
        word = fold(head)
        if not word or " " in word or head.startswith("00database"):
            continue
        start = _number(offset)
        entry = data[start : start + _number(length)].decode("utf-8", "replace")
        words = english_words(translation_lines(entry)) - {word}
        if words:
            found.setdefault(word, set()).update(words)
    return {word: frozenset(words) for word, words in found.items()}


@lru_cache(maxsize=1)
def _headwords() -> tuple[list[str], dict[str, frozenset[str]]]:
    """All languages' headwords in one table. Reading the dictionaries takes seconds
    (German alone has 460,000 entries), so the table is kept in the user's cache
    folder, keyed by the dictionary files' sizes and dates, and read from there."""
    cache = _cache_file()
    if cache is not None and cache.exists():
        try:
            table = pickle.loads(cache.read_bytes())
            return sorted(table), table
        except Exception:  # a cache from another Python or cut short: build again
            pass
    merged: dict[str, set[str]] = {}
    for language in LANGUAGES:
        for word, words in dictionary(language).items():
            merged.setdefault(word, set()).update(words)
    table = {word: frozenset(words) for word, words in merged.items()}
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(cache)
        except OSError:
            pass  # no writable cache folder: build again next time
    return sorted(table), table


def _cache_file() -> Path | None:
    files = sorted(DICTIONARY_FOLDER.glob("freedict-*-eng.*"))
    if not files:
        return None
    stamp = hashlib.sha256(repr([(f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files]).encode()).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "mission-extract" / f"freedict-{CACHE_VERSION}-{stamp}.pickle"


@lru_cache(maxsize=65536)
def looked_up(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """The English words a folded word translates to in any of the languages, and the
    headwords they were read from: its own headword, else headwords of the same stem
    (at most MAX_ENDING letters of ending away on either side)."""
    heads, table = _headwords()
    if word in table:
        return table[word], frozenset((word,))
    if len(word) < MIN_STEM + 1:
        return frozenset(), frozenset()
    found: set[str] = set()
    used: set[str] = set()
    for cut in range(1, MAX_ENDING + 1):
        stem = word[:-cut]
        if len(stem) < MIN_STEM:
            break
        at = bisect.bisect_left(heads, stem)
        while at < len(heads) and heads[at].startswith(stem):
            head = heads[at]
            if len(head) - len(stem) <= MAX_ENDING:
                found |= table[head]
                used.add(head)
            at += 1
        if found:
            break
    return frozenset(found), frozenset(used)


def english_of(word: str) -> frozenset[str]:
    return looked_up(word)[0]


def translate_each_other(a: str, b: str) -> bool:
    """Whether two folded words are one word in two languages: one is an English
    translation of the other, or both translate to one English word read from
    different headwords, one of them the word's own (two words that only share a
    stem, "Baltika" and "Baltira", would otherwise meet at their common headword)."""
    into_a, heads_a = looked_up(a)
    into_b, heads_b = looked_up(b)
    if b in into_a or a in into_b:
        return True
    exact = a in heads_a or b in heads_b
    return exact and not heads_a & heads_b and bool(into_a & into_b)
