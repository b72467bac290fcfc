"""How close two short labels are in meaning: headers against a profile's header
spellings, captions against table titles.

Labels are compared by their content words: case, accents and punctuation folded,
British and American spellings made one ("organisation" / "organization"), generic
words dropped (spaCy's English stop words: "how many", "your", "the" ...), every word
reduced to its Snowball stem ("benefited" / "benefit", "Directly" / "direct"). Two
words match when their stems are equal, when one is an abbreviation of the other
("Tech." / "technology") or when they share a long prefix ("beneficiaries" /
"benefit"). The score is the Dice overlap of the two word sets, raised when every
word of the shorter label appears in the longer one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import snowballstemmer
import yaml
from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

# Words that say nothing about which field a column holds, beyond spaCy's stop words.
_GENERIC = frozenset({"please", "n", "s"})
LABEL_WORDS = Path(__file__).parent / "data" / "label_words.yaml"
_BRITISH = (
    (re.compile(r"(?<=[a-z])is(ation|ations|e|ed|es|ing)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})our\b"), "or"),
    (re.compile(r"(?<=[a-z]{2})ours\b"), "ors"),
    (re.compile(r"\bprogramme"), "program"),
    (re.compile(r"(?<=[a-z]{2})tre\b"), "ter"),
    (re.compile(r"\bco-?operat"), "cooperat"),
)
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")
_TOKEN = re.compile(r"[a-z0-9#&%°]+")
PREFIX_MATCH = 0.8  # share of the shorter stem that a common prefix must cover
MIN_PREFIX = 4
SUBSET_FLOOR = 0.7
SINGLE_WORD_FLOOR = 0.5
COMPACT_MIN = 8  # letters
COMPACT_MATCH = 0.98


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    """Lower case, accents removed, British spellings made American."""
    text = _ACRONYM_PLURAL.sub(r"\1", unicodedata.normalize("NFKC", text))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    for pattern, replacement in _BRITISH:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=1)
def _label_words() -> dict:
    return yaml.safe_load(LABEL_WORDS.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _same_words() -> tuple[dict[str, str], frozenset[str]]:
    """Stem -> the stem of its group's first word (`data/label_words.yaml`), and the
    words of those groups that are stop words but mean something in a label ("no")."""
    groups = _label_words()["same"]
    canonical: dict[str, str] = {}
    kept: set[str] = set()
    for group in groups:
        words = [fold(str(w)) for w in group]
        stems = _stemmer().stemWords(words)
        for word, stem in zip(words, stems):
            canonical.setdefault(stem, stems[0])
            if word in STOP_WORDS:
                kept.add(word)
    return canonical, frozenset(kept)


@lru_cache(maxsize=1)
def _open_ends() -> dict[str, str]:
    """Preposition -> the word for what a label ending on it leaves to the cells
    (`open_ends` in `data/label_words.yaml`)."""
    return {fold(str(k)): fold(str(v)) for k, v in (_label_words().get("open_ends") or {}).items()}


@lru_cache(maxsize=8192)
def content_words(text: str) -> tuple[str, ...]:
    """The stems of the label's content words, each replaced by its group's word
    where report writers use several for one thing, in order, without repeats; a
    label ending on an open preposition ('Signed with') adds the word for its object."""
    canonical, kept_stop_words = _same_words()
    tokens = _TOKEN.findall(fold(text))
    kept = [t for t in tokens if t in kept_stop_words or (t not in STOP_WORDS and t not in _GENERIC)]
    kept += _left_open(tokens, kept_stop_words)
    stems = [canonical.get(stem, stem) for stem in _stemmer().stemWords(kept)]
    return tuple(dict.fromkeys(stems))


def _left_open(tokens: list[str], kept_stop_words: frozenset[str]) -> list[str]:
    """The object an open preposition at the label's end stands for: no content word
    follows it ('Agreed with', 'Signed with whom?')."""
    ends = _open_ends()
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in ends:
            return [ends[tokens[i]]]
        if tokens[i] in kept_stop_words or (tokens[i] not in STOP_WORDS and tokens[i] not in _GENERIC):
            return []
    return []


def words_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_PREFIX or short.isdigit() or long.isdigit():
        return False
    common = 0
    for x, y in zip(short, long):
        if x != y:
            break
        common += 1
    return common == len(short) or common >= max(MIN_PREFIX, PREFIX_MATCH * len(short))


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """0..1: how close two labels are in meaning (see the module's docstring)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        fa, fb = " ".join(_TOKEN.findall(fold(a))), " ".join(_TOKEN.findall(fold(b)))
        if not fa or not fb:
            return 1.0 if a.strip() and a.strip() == b.strip() else 0.0
        return fuzz.ratio(fa, fb) / 100
    compact = _compact_similarity(a, b)
    matched_a = sum(1 for x in wa if any(words_match(x, y) for y in wb))
    matched_b = sum(1 for y in wb if any(words_match(x, y) for x in wa))
    dice = (matched_a + matched_b) / (len(wa) + len(wb))
    shorter, covered = (wa, matched_a) if len(wa) <= len(wb) else (wb, matched_b)
    if covered == len(shorter):
        # One shared word says less than several: "SMEs" is in many headers.
        longer = max(len(wa), len(wb))
        floor = SUBSET_FLOOR if len(shorter) >= 2 else SINGLE_WORD_FLOOR
        dice = max(dice, floor + (1 - floor) * len(shorter) / longer)
    return round(max(dice, compact), 4)


def _compact_similarity(a: str, b: str) -> float:
    """The two labels' letters without spaces, when nearly the same: a word broken in
    a narrow column without a hyphen ("Potent ial future benefi ciaries") still reads
    as the label it is."""
    if len(_TOKEN.findall(fold(a))) == len(_TOKEN.findall(fold(b))):
        return 0.0  # no word was broken apart: the words decide ("direct" / "indirect")
    ca, cb = (re.sub(r"[^a-z0-9]", "", fold(x)) for x in (a, b))
    if min(len(ca), len(cb)) < COMPACT_MIN:
        return 0.0
    ratio = fuzz.ratio(ca, cb) / 100
    return ratio if ratio >= COMPACT_MATCH else 0.0
