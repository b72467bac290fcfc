"""Name keys: the comparable forms of an organisation's printed name.

Folding (case, accents, ligatures, punctuation), generic words dropped, acronyms
that the name itself defines ("CEEC - Cluster ...", "Oekoenergie-Cluster (OEC)").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

GENERIC_WORDS = frozenset(
    """cluster clusters clusterul klaster klastr partnership association associacio asociacion
    associazione verein network platform consortium pole the of de d del della di la le les
    des du and et y und for en for the regional""".split()
)
LEGAL_FORMS = frozenset("srl sl sa sas sarl spa ltd llc inc gmbh ag bv nv oy ab as plc sro kft zrt".split())
LIGATURES = {"æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "þ": "th"}

_ACRONYM = r"[A-Z][A-Za-z0-9&]{0,2}[A-Z0-9][A-Za-z0-9&]{0,6}"
_ACRONYM_FIRST = re.compile(rf"^\s*({_ACRONYM})\s+[-–—:]\s+(.+?)\s*$")
_ACRONYM_LAST = re.compile(rf"^\s*(.+?)\s*\(\s*({_ACRONYM})\s*\)\s*$")
_ACRONYM_PAREN_NAME = re.compile(rf"^\s*({_ACRONYM})\s*\(\s*(.+?)\s*\)\s*$")
_BARE_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")


def fold(text: str) -> str:
    """Lower case, accents and ligatures removed, punctuation to spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(LIGATURES.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("&", " and ").replace("'", " ").replace("’", " ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def is_acronym(text: str) -> bool:
    return bool(_BARE_ACRONYM.match(text.strip()))


def split_acronym(name: str) -> tuple[str | None, str]:
    """(acronym, long name) when the name defines its acronym, else (None, name)."""
    for pattern, acronym_group in ((_ACRONYM_FIRST, 1), (_ACRONYM_LAST, 2), (_ACRONYM_PAREN_NAME, 1)):
        match = pattern.match(name)
        if match:
            acronym = match.group(acronym_group)
            long_name = match.group(2 if acronym_group == 1 else 1)
            if _looks_like_acronym(acronym) and len(long_name.split()) >= 1 and len(long_name) > len(acronym):
                return acronym.upper(), long_name
    return None, name


def _looks_like_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(text) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


@dataclass(frozen=True)
class NameKey:
    """Comparable forms of one printed name."""

    raw: str
    folded: str
    tokens: tuple[str, ...]
    compact: str
    acronym: str | None
    initials: str

    @property
    def distinctive(self) -> str:
        return " ".join(self.tokens)


@lru_cache(maxsize=65536)
def name_key(raw: str) -> NameKey:
    acronym, long_name = split_acronym(raw)
    if acronym is None and is_acronym(raw):
        acronym = raw.strip().upper()
        long_name = raw
    folded = fold(long_name)
    words = folded.split()
    tokens = tuple(w for w in words if w not in GENERIC_WORDS and w not in LEGAL_FORMS) or tuple(words)
    initials = "".join(w[0] for w in words if w not in LEGAL_FORMS and w not in {"of", "the", "de", "d", "and"})
    return NameKey(
        raw=raw,
        folded=folded,
        tokens=tokens,
        compact="".join(tokens),
        acronym=acronym,
        initials=initials.upper(),
    )
