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
from rapidfuzz.distance import OSA, Levenshtein

LIGATURES = {"æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "þ": "th"}
COMPOUND_SUFFIXES = ("cluster",)
# Kind words of one kind in other languages, so that two names of one kind agree.
_KIND_ALIASES = {
    **{w: "cluster" for w in ("clusters", "clusterul", "klaster", "klastr", "klaszter", "klasteris", "klasteri", "cluser",
                              "pole", "poles", "polo", "competitivite")},
    **{w: "association" for w in ("associations", "asociacion", "associacio", "associazione", "associacao", "asociatia",
                                  "verein", "verband", "zwiazek")},
    **{w: "network" for w in ("netzwerk",)},
    **{w: "foundation" for w in ("stiftung", "fundacion", "fondazione", "fondation", "fundacao", "stichting", "fundacja")},
}

_ACRONYM = r"[A-Z][A-Za-z0-9&]{0,2}[A-Z0-9][A-Za-z0-9&]{0,6}"
_ACRONYM_FIRST = re.compile(rf"^\s*({_ACRONYM})\s+[-–—:]\s+(.+?)\s*$")
_ACRONYM_LAST = re.compile(rf"^\s*(.+?)\s*\(\s*({_ACRONYM})\s*\)\s*$")
_ACRONYM_PAREN_NAME = re.compile(rf"^\s*({_ACRONYM})\s*\(\s*(.+?)\s*\)\s*$")
_BARE_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")


@dataclass(frozen=True)
class Lexicon:
    generic: frozenset[str]
    legal_forms: frozenset[str]  # one-word forms of the ISO 20275 list (legal_forms.py)
    words: dict[str, tuple[str, ...]]
    legal_words: frozenset[str] = frozenset()  # one-word local names of legal forms ("stiftung")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load((Path(__file__).with_name("lexicon.yaml")).read_text(encoding="utf-8"))
    words: dict[str, tuple[str, ...]] = {}
    for english, spellings in (data.get("words") or {}).items():
        for spelling in spellings:
            words[str(spelling)] = tuple(str(english).split())
    from .legal_forms import legal_forms

    forms = legal_forms()
    return Lexicon(
        generic=frozenset(map(str, data.get("generic") or ())),
        legal_forms=frozenset(p[0] for p in forms.phrases if len(p) == 1),
        words=words,
        legal_words=forms.words,
    )


EU_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "hu", "ro", "sv", "da", "fi",
                "et", "lv", "lt", "sl", "hr", "bg", "el", "ga", "mt")


@lru_cache(maxsize=1)
def country_words() -> dict[str, tuple[str, ...]]:
    """A country's one-word name in an EU language -> its English name, as words."""
    return {name: tuple(english.split()) for english, names in country_names().items() for name in names}


@lru_cache(maxsize=1)
def country_names() -> dict[str, frozenset[str]]:
    """Every country's one-word names in the EU languages (CLDR, through langcodes and
    language_data), folded, by its folded English name: "Polska", "Pologne" -> poland."""
    import pycountry
    from langcodes import Language

    out: dict[str, frozenset[str]] = {}
    for country in pycountry.countries:
        territory = Language.make(territory=country.alpha_2)
        english = fold(territory.territory_name("en"))
        names = {fold(territory.territory_name(language)) for language in EU_LANGUAGES}
        out[english] = frozenset(n for n in names if n and " " not in n and n != english)
    return out


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


def capitalises_its_words(text: str) -> bool:
    """Whether a text is written as a name is: it starts with a capital, and none of its
    words of four letters or more is in lower case but a function word ("European cluster
    organisation" is a kind; "Asociación Mexicana de la Industria" is a name)."""
    return text[:1].isupper() and not any(
        len(word) >= 4 and word.isalpha() and word.islower() and word not in STOP_WORDS for word in text.split())


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
    """The word in English; a word one typo away from a known one (a letter dropped,
    doubled or two swapped) counts as it."""
    if word in lex.words:
        return lex.words[word]
    if word in country_words():  # exact only: country names are too many to guess typos among
        return country_words()[word]
    if word in lex.generic or word in lex.legal_forms or len(word) < 6 or word.isdigit():
        return (word,)
    for known, english in lex.words.items():
        if known[0] == word[0] and abs(len(known) - len(word)) <= 1 and OSA.distance(known, word, score_cutoff=1) <= 1:
            if not substitution(known, word):
                return english
    for known in lex.generic:
        if len(known) >= 6 and known[0] == word[0] and OSA.distance(known, word, score_cutoff=1) <= 1:
            if not substitution(known, word):
                return (known,)
    return (word,)


def substitution(a: str, b: str) -> bool:
    """Letters changed, none dropped, doubled or swapped: as often another word or brand
    ("Vitalis"/"Vitaris") as a typo, so no rule takes it for a typo."""
    return len(a) == len(b) and Levenshtein.distance(a, b) == OSA.distance(a, b)


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
                if token in lex.generic or token in STOP_WORDS or token in lex.legal_words:
                    if len(token) > 3 and token not in STOP_WORDS:
                        kinds.add(_KIND_ALIASES.get(token, token))
                    continue
                if len(token) == 1 and not token.isdigit():
                    continue
                out.append(_transliterate(token))
    return tuple(out), frozenset(kinds)


# Articles, prepositions and conjunctions of the main EU languages: skipped in names
# and initials. One-letter ones only where printed in lower case ("Cluster A" keeps A).
STOP_WORDS = frozenset(
    """
    the a an of and for in on at to by with
    der die das den dem des fur und von vom zu zum zur im am an auf bei mit
    de du des la le les l d et en au aux pour sur
    del el los las y e para por
    di della dello dei degli delle dell il lo gli ed per nel nella
    do da dos das em no na
    van voor het op
    och og af av til
    i w z ze dla oraz
    v pro pre
    si din pentru
    az es
    """.split()
)
_ROMAN = re.compile(r"^(?=[ivx]{2,}$)(x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
_SINGLE_ROMAN = {"i": "1", "v": "5", "x": "10"}


def roman_value(word: str) -> int | None:
    """The value of a roman numeral of two letters or more ("ii", "xiv"), else None."""
    if not _ROMAN.match(word):
        return None
    total, previous = 0, 0
    for letter in reversed(word):
        value = _ROMAN_VALUES[letter]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def identifiers_of(words: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """(the words that are not identifiers, the identifiers): numbers (a year, "4.0"),
    roman numerals as numbers, and a single letter ending a name of two words or more
    ("Company A", "Fund I" = "Fund 1"). They tell siblings apart, so they must agree."""
    rest, found = [], []
    for position, word in enumerate(words):
        if word.isdigit():
            found.append(str(int(word)))
        elif roman_value(word) is not None:
            found.append(str(roman_value(word)))
        elif len(word) == 1 and position == len(words) - 1 and position > 0 and word.isalpha():
            found.append(_SINGLE_ROMAN.get(word, word))
        else:
            rest.append(word)
    return rest, tuple(sorted(found))


@lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """A word of the dictionary of one of the main EU languages (Zipf frequency >= 3,
    wordfreq): a typo of it is plausible, while two such words one letter apart
    ("wood"/"food") are two words, and two rare ones ("Vitalis"/"Vitaris") two brands."""
    from wordfreq import zipf_frequency

    return any(zipf_frequency(word, language) >= COMMON_WORD for language in COMMON_WORD_LANGUAGES)


@lru_cache(maxsize=65536)
def common_english(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= COMMON_WORD


COMMON_WORD = 3.0
COMMON_WORD_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """One-word names of countries (pycountry, CLDR) and of their subdivisions (pycountry),
    as the lexicon gives them in English: qualifiers of place ("... (Polska)") rather than distinctive
    words. Subdivision names that are ordinary English words ("Centre") are left out."""
    import pycountry
    from wordfreq import zipf_frequency

    lex = lexicon()
    out: set[str] = set()

    def add(name: str, ordinary_too: bool) -> None:
        for part in re.split(r"[\[\],;/()]", name):
            words = fold(part).split()
            if len(words) == 1 and len(words[0]) > 3 and (ordinary_too or zipf_frequency(words[0], "en") < 4.0):
                out.update(_lookup(words[0], lex))

    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            if hasattr(country, attribute):
                add(getattr(country, attribute), True)
    for english in country_names():
        add(english, True)
    for subdivision in pycountry.subdivisions:
        add(subdivision.name, False)
    return frozenset(out)


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
    identifiers: tuple[str, ...] = ()
    initials_variants: frozenset[str] = frozenset()
    legal: tuple[str, ...] = ()
    long_name: str = ""
    capitals: bool = False  # printed in capitals, four letters or more ("PRO WOOD")

    @property
    def distinctive(self) -> str:
        return " ".join(self.tokens)


@lru_cache(maxsize=65536)
def name_key(raw: str) -> NameKey:
    from .legal_forms import strip_legal_forms

    acronym, long_name = split_acronym(raw)
    bare = acronym is None and is_acronym(raw)
    if bare:
        acronym = raw.strip().upper()
    folded = fold(long_name)
    words, legal = strip_legal_forms(folded.split())
    words, identifiers = identifiers_of(words)
    tokens, kinds = split_tokens(" ".join(words))
    tokens = tokens or tuple(w for w in words if w not in STOP_WORDS) or tuple(words)
    variants = frozenset() if bare else name_initials(long_name)
    initials = "".join(w[0] for w in words if w not in STOP_WORDS).upper()
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
        initials=initials,
        identifiers=identifiers,
        initials_variants=variants,
        legal=tuple(legal),
        long_name=long_name,
        capitals=raw.isupper() and sum(c.isalpha() for c in raw) >= 4,
    )


_RAW_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def name_initials(long_name: str) -> frozenset[str]:
    """The acronyms a name may go by: initials of its content words (articles and
    prepositions of the main EU languages, and elided ones like "l'", skipped), with or
    without its generic words and legal forms, or of its capitalised words only
    ("ENEA": Ente per le Nuove tecnologie, l'Energia e l'Ambiente). Three letters or more."""
    from .legal_forms import strip_legal_forms

    lex = lexicon()
    printed = [w for w in _RAW_WORD.findall(long_name) if len(w) > 1 or w.isupper()]
    folded = [fold(w) for w in printed]
    content = [(p, f) for p, f in zip(printed, folded) if f and f not in STOP_WORDS]
    kept, _ = strip_legal_forms([f for _, f in content])
    readings = [
        content,
        content[: len(kept)],
        [(p, f) for p, f in content[: len(kept)] if f not in lex.generic],
        [(p, f) for p, f in content if p[:1].isupper()],
    ]
    out = {"".join(f[0] for _, f in reading).upper() for reading in readings if reading}
    return frozenset(i for i in out if len(i) >= 3)
