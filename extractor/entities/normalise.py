"""Name keys: the comparable forms of an organisation's printed name.

Folding (case, accents, ligatures, punctuation), words of other languages mapped to
one English form (`lexicon.yaml`), generic words and legal forms dropped, and the
acronym a name defines itself ("CEEC - Cluster ...", "Oekoenergie-Cluster (OEC)").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz.distance import OSA

LIGATURES = {"æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "þ": "th"}
COMPOUND_SUFFIXES = ("cluster",)
_KIND_ALIASES = {w: "cluster" for w in ("clusters", "clusterul", "klaster", "klastr", "klaszter", "klasteris", "klasteri", "cluser")}

_ACRONYM = r"[A-Z][A-Za-z0-9&]{0,2}[A-Z0-9][A-Za-z0-9&]{0,6}"
_ACRONYM_FIRST = re.compile(rf"^\s*({_ACRONYM})\s+[-–—:]\s+(.+?)\s*$")
_ACRONYM_LAST = re.compile(rf"^\s*(.+?)\s*\(\s*({_ACRONYM})\s*\)\s*$")
_ACRONYM_PAREN_NAME = re.compile(rf"^\s*({_ACRONYM})\s*\(\s*(.+?)\s*\)\s*$")
_BARE_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")


@dataclass(frozen=True)
class Lexicon:
    generic: frozenset[str]
    legal_forms: frozenset[str]
    words: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load((Path(__file__).with_name("lexicon.yaml")).read_text(encoding="utf-8"))
    words: dict[str, tuple[str, ...]] = {}
    for english, spellings in (data.get("words") or {}).items():
        for spelling in spellings:
            words[str(spelling)] = tuple(str(english).split())
    return Lexicon(
        generic=frozenset(map(str, data.get("generic") or ())),
        legal_forms=frozenset(map(str, data.get("legal_forms") or ())),
        words=words,
    )


def fold(text: str) -> str:
    """Lower case, accents and ligatures removed, punctuation to spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(LIGATURES.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("&", " and ").replace("'", " ").replace("’", " ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


# Letters written out in two letters where the keyboard or the typesetter lacked them,
# collapsed to the plain vowel that `fold` leaves of the original letter.
_WRITTEN_OUT = (("ae", "a"), ("oe", "o"), ("ue", "u"), ("aa", "a"), ("ou", "o"), ("oo", "o"), ("uu", "u"))


def fold_transliterated(text: str) -> str:
    """`fold`, then every romanisation of a letter brought to one form, so that both
    sides of a comparison meet: ü/ue → u, ö/ø/oe → o, ä/æ/ae → a, å/aa → a, ß/ss,
    macrons (ō, ou, oo → o; ū, uu → u; ā → a) and other accents dropped.

    For comparing names inside one report only: it also collapses some letter pairs
    that are not transliterations ("Tours" and "Tors" meet), which is harmless among a
    report's few names but not across an archive."""
    folded = fold(text)
    previous = None
    while previous != folded:
        previous = folded
        for written, plain in _WRITTEN_OUT:
            folded = folded.replace(written, plain)
    return folded


def is_acronym(text: str) -> bool:
    return bool(_BARE_ACRONYM.match(text.strip()))


def split_acronym(name: str) -> tuple[str | None, str]:
    """(acronym, long name) when the name defines its acronym, else (None, name)."""
    for pattern, acronym_group in ((_ACRONYM_FIRST, 1), (_ACRONYM_LAST, 2), (_ACRONYM_PAREN_NAME, 1)):
        match = pattern.match(name)
        if match:
            acronym = match.group(acronym_group)
            long_name = match.group(2 if acronym_group == 1 else 1)
            if looks_like_acronym(acronym) and len(long_name) > len(acronym):
                return acronym.upper(), long_name
    return None, name


def looks_like_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(text) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def _transliterate(token: str) -> str:
    """German umlauts written out (oe, ae, ue) and folded (o, a, u) compare equal."""
    return token.replace("oe", "o").replace("ae", "a").replace("ue", "u")


def _lookup(word: str, lex: Lexicon) -> tuple[str, ...]:
    """The word in English; a word one typo away from a known one counts as it."""
    if word in lex.words:
        return lex.words[word]
    if word in lex.generic or word in lex.legal_forms or len(word) < 6 or word.isdigit():
        return (word,)
    for known, english in lex.words.items():
        if known[0] == word[0] and abs(len(known) - len(word)) <= 1 and OSA.distance(known, word, score_cutoff=1) <= 1:
            return english
    for known in lex.generic:
        if len(known) >= 6 and known[0] == word[0] and OSA.distance(known, word, score_cutoff=1) <= 1:
            return (known,)
    return (word,)


def split_tokens(folded: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(distinctive words, organisation-kind words) of a folded name.

    Distinctive words tell bodies apart and are given in English where the lexicon
    knows them; kind words ("cluster", "association") are kept aside, because a
    name that drops words may only drop them if it does not rely on its kind word.
    """
    lex = lexicon()
    out: list[str] = []
    kinds: set[str] = set()
    for word in folded.split():
        parts = [word]
        for suffix in COMPOUND_SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                parts = [word[: -len(suffix)], suffix]
        for part in parts:
            for token in _lookup(part, lex):
                if token in lex.generic:
                    if len(token) > 3:
                        kinds.add(_KIND_ALIASES.get(token, token))
                    continue
                if token in lex.legal_forms or (len(token) == 1 and not token.isdigit()):
                    continue
                out.append(_transliterate(token))
    return tuple(out), frozenset(kinds)


@dataclass(frozen=True)
class NameKey:
    """Comparable forms of one printed name."""

    raw: str
    folded: str
    tokens: tuple[str, ...]
    kinds: frozenset[str]
    compact: str
    compact_all: str
    acronym: str | None
    bare_acronym: bool
    long_tokens: tuple[str, ...]
    initials: str

    @property
    def distinctive(self) -> str:
        return " ".join(self.tokens)


@lru_cache(maxsize=65536)
def name_key(raw: str) -> NameKey:
    acronym, long_name = split_acronym(raw)
    bare = acronym is None and is_acronym(raw)
    if bare:
        acronym = raw.strip().upper()
    folded = fold(long_name)
    tokens, kinds = split_tokens(folded)
    tokens = tokens or tuple(folded.split())
    lex = lexicon()
    initials = "".join(w[0] for w in folded.split() if w not in lex.legal_forms and w not in {"of", "the", "de", "d", "and"})
    return NameKey(
        raw=raw,
        folded=folded,
        tokens=tokens,
        kinds=kinds,
        compact="".join(tokens),
        compact_all=folded.replace(" ", ""),
        acronym=acronym,
        bare_acronym=bare,
        long_tokens=() if bare else tokens,
        initials=initials.upper(),
    )
