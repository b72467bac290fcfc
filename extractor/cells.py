"""Cell parsers: answers, counts, partner types, cooperation types, lists, free text.

Each parser takes a cell's cleaned text and the profile's vocabulary; what it cannot
map it returns beside the value, so the caller can report it instead of dropping it.

Reports of a family are written by many hands, so the parsers read the *shape* of a
cell before they consult the profile's spellings: N/A however it is punctuated, a
tick glyph, a number spelt in words, a partner type said with a nationality
("Mexican cluster"), a cooperation type said with other inflections or word order
("transfer of technologies"), a list with any bullet glyph or numbering.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pycountry
import yaml

from .profile import Profile

NA = "n/a"

#: The 27 member states of the European Union (ISO 3166-1 alpha-2): a fact, not vocabulary.
EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)

_DATA = Path(__file__).parent / "data"
_DASH_CHARS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")


# --- shared helpers ------------------------------------------------------------------

def _fold(text: str) -> str:
    """Lower case without accents, white space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain.lower()).strip()


def _key(text: str) -> str:
    return " ".join(text.lower().replace("\u2011", "-").split()).strip(" .:")


def is_blank(text: str | None) -> bool:
    """No value: empty, white space, or a dash or slash standing alone ("—", "–", "/")."""
    if text is None:
        return True
    stripped = _SPACES.sub("", text)
    return not stripped or (len(stripped) <= 3 and all(c in _DASH_CHARS or c == "/" for c in stripped))


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


# --- answers -----------------------------------------------------------------------------

# Wingdings check and cross glyphs as Word documents extract them (private-use area).
_WINGDINGS_TICKS = {"\uf0fc": "yes", "\uf0fe": "yes", "\uf0fb": "no", "\uf0fd": "no"}


def tick_answer(char: str) -> str | None:
    """"yes" for a check-mark glyph (✓ ✔ ☑ √), "no" for a cross glyph (✗ ✘ ☒ ✕ ❌)."""
    if char in _WINGDINGS_TICKS:
        return _WINGDINGS_TICKS[char]
    if char == "\u221a":  # square root sign, printed as a tick
        return "yes"
    name = unicodedata.name(char, "")
    if "CHECK MARK" in name or "BALLOT BOX WITH CHECK" in name or "BALLOT BOX WITH BOLD CHECK" in name:
        return "yes"
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


# --- counts ------------------------------------------------------------------------------

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
    """"five" → 5, "Twenty-three" → 23, "one hundred and two" → 102; None otherwise."""
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


# --- free text ---------------------------------------------------------------------------

def text_value(text: str | None, profile: Profile) -> str | None:
    """A free-text cell: N/A spellings become "n/a", blanks (and a dash alone) None,
    the rest as printed."""
    if is_blank(text):
        return None
    return NA if is_na(text, profile) else text


# --- countries and nationalities ---------------------------------------------------------

@lru_cache(maxsize=1)
def nationalities() -> dict[str, str]:
    """Nationality adjective (folded) → ISO alpha-2, from `data/nationalities.yaml`."""
    data = yaml.safe_load((_DATA / "nationalities.yaml").read_text(encoding="utf-8"))
    return {_fold(adjective): str(code) for adjective, code in (data.get("adjectives") or {}).items()}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[_fold(value)] = country.alpha_2
                if ", " in value:  # "Korea, Republic of" is also written "Republic of Korea"
                    head, _, tail = value.partition(", ")
                    names[_fold(f"{tail} {head}")] = country.alpha_2
    return names


@lru_cache(maxsize=16)
def _place_words(profile: Profile) -> dict[str, str]:
    words = dict(_country_names())
    data = yaml.safe_load((_DATA / "country_names.yaml").read_text(encoding="utf-8"))
    words.update({_fold(str(name)): str(code) for name, code in (data.get("names") or {}).items()})
    words.update({_fold(alias): code for alias, code in profile.country_aliases.items()})
    words.update(nationalities())
    return words


def country_of(text: str | None, profile: Profile) -> str | None:
    """ISO alpha-2 of a country cell: a name, an ISO code or a nationality adjective."""
    if is_blank(text):
        return None
    from .event import country_code

    stripped = text.strip(" .()")
    if len(stripped) <= 3 and not stripped.isupper():
        return None  # "No", "in": a word, not an ISO code
    code = country_code(stripped, profile) or _place_words(profile).get(_fold(stripped))
    if code:
        return code
    # "Germany (DE)", "DE – Germany", "Korea (Republic of)": every part must agree
    parts = [p.strip(" .") for p in re.split(r"[()/,]|\s[-–—]\s", stripped) if p.strip(" .")]
    if len(parts) < 2:
        return None
    codes = {country_of(part, profile) for part in parts} - {None}
    return codes.pop() if len(codes) == 1 else None


def countries_named(text: str, profile: Profile) -> list[str]:
    """ISO codes of the countries and nationalities a short text names, in order."""
    words = re.findall(r"[^\W_]+", text)
    folded = [_fold(w) for w in words]
    places = _place_words(profile)
    found: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            if i + size > len(words):
                continue
            code = places.get(" ".join(folded[i : i + size]))
            if code is None and size == 1 and re.fullmatch(r"[A-Z]{2}", words[i]) and words[i] not in ("EU", "UE"):
                code = _alpha2(words[i])
            if code and (size > 1 or len(folded[i]) >= 3 or words[i].isupper()):
                found.append(code)
                i += size
                break
        else:
            i += 1
    return found


def _alpha2(code: str) -> str | None:
    if code == "UK":
        return "GB"
    country = pycountry.countries.get(alpha_2=code)
    return country.alpha_2 if country else None


# --- partner types -----------------------------------------------------------------------

@dataclass(frozen=True)
class PartnerName:
    name: str | None
    partner_type: str | None
    suffix: str | None


# Kinds of organisation, by the head noun that names them (singular, folded).
_CLUSTER_WORDS = frozenset(
    "cluster association network platform consortium consortia alliance federation cooperative".split()
)
_FIRM_WORDS = frozenset(
    "company firm sme enterprise corporation corp business startup spinoff university institute institution "
    "centre center agency chamber foundation lab laboratory manufacturer producer supplier distributor "
    "ministry authority government hospital school college multinational integrator developer provider "
    "operator utility".split()
)
_HEAD_BREAK = frozenset("of for from in with at on by".split())
_NON_EU = re.compile(
    r"\b(?:(?:non|extra|outside(?: the| of the)?)\s*(?:eu|european union|european|europe)"
    r"|(?:third|3rd|3 rd)\s*countr(?:y|ies)|host\s*country|local|foreign|overseas)\b"
)
_EU = re.compile(r"\b(?:eu|european union|european|europe|member states?|eu based)\b")
# Words a partner-type phrase may hold besides its kind and its geography.
_TYPE_FILLERS = frozenset(
    "non extra third 3rd rd country countries based member state states organisation organization org "
    "small medium sized large private public research technology technological innovation industrial "
    "regional national local foreign host the a an and or type partner".split()
)


def _singular(word: str) -> str:
    if word in ("consortia",):
        return "consortium"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _type_words(text: str) -> list[str]:
    folded = _fold(text)
    folded = re.sub(r"\b([a-z])\.([a-z])\.?", r"\1\2", folded)  # e.u. → eu
    folded = re.sub(r"\b(start|spin)[\s-]+(up|off)s?\b", r"\1\2", folded)
    return [_singular(w) for w in re.findall(r"[a-z0-9]+", folded)]


def _organisation_kind(text: str) -> str | None:
    """"cluster" or "firm" from the head noun of a type phrase, else None."""
    words = _type_words(text)
    if "research" in words and ("centre" in words or "center" in words):
        words = [w for w in words if w != "research"]
    cut = next((i for i, w in enumerate(words) if w in _HEAD_BREAK), len(words))
    for part in (words[:cut][::-1], words[cut:]):
        for word in part:
            if word in _CLUSTER_WORDS:
                return "cluster"
            if word in _FIRM_WORDS:
                return "firm"
    return None


def _geography(text: str, profile: Profile, country: str | None = None) -> str | None:
    """"eu" or "non_eu" from what a type phrase says; `country` (ISO) decides when it says nothing."""
    folded = " ".join(_type_words(text))
    signals: set[str] = set()
    if _NON_EU.search(folded):
        signals.add("non_eu")
    if _EU.search(_NON_EU.sub(" ", folded)):
        signals.add("eu")
    for code in countries_named(text, profile):
        signals.add("eu" if code in EU_MEMBERS else "non_eu")
    if not signals and country:
        signals.add("eu" if country.upper() in EU_MEMBERS else "non_eu")
    return signals.pop() if len(signals) == 1 else None


@lru_cache(maxsize=16)
def _partner_type_lookup(profile: Profile) -> dict[str, str]:
    return {
        _type_key(spelling): kind for kind, spellings in profile.partner_types.items() for spelling in spellings
    }


def _type_key(text: str) -> str:
    return " ".join(re.sub(r"[-‐‑–_/]", " ", _fold(text)).replace(".", "").split())


def read_partner_type(text: str | None, profile: Profile, country: str | None = None) -> str | None:
    """The contract partner type a phrase states: the profile's spellings, else the
    phrase's kind of organisation (cluster, association, network ... / company, SME,
    university ...) with its geography (EU, non-EU, third-country, a country or a
    nationality: "Mexican cluster" → non_eu_cluster, "German company" → eu_firm).
    `country`, an ISO code from a separate country cell, decides the geography when
    the phrase names none ("Cluster" + "MX" → non_eu_cluster)."""
    if is_blank(text):
        return None
    cleaned = text.strip().strip("()[]{}<> .,;:")
    found = _partner_type_lookup(profile).get(_type_key(cleaned))
    if found:
        return found
    kind = _organisation_kind(cleaned)
    if kind is None:
        return None
    geography = _geography(cleaned, profile, country)
    if geography is None:
        return None
    return f"{geography}_{kind}"


def parse_partner_type(text: str | None, profile: Profile, country: str | None = None) -> str | None:
    """A type-of-organisation cell ("non EU firm", "Mexican cluster") to its contract value."""
    return read_partner_type(text, profile, country)


def _reads_as_type(suffix: str, profile: Profile, strict: bool) -> str | None:
    """The partner type a name's suffix states, when the whole suffix reads as one."""
    words = re.findall(r"[^\W_]+", suffix)
    if not words or len(words) > (4 if strict else 6) or any(w.isdigit() for w in words):
        return None
    found = _partner_type_lookup(profile).get(_type_key(suffix))
    if found:
        return found
    folded = _type_words(suffix)
    if "of" in folded or "de" in folded:  # "Association of ...", "Clúster ... de ...": a name
        return None
    if strict:
        rest = suffix
        for phrase in _multiword_places(profile):  # "South African", "Czech Republic"
            rest = re.sub(rf"(?i)\b{re.escape(phrase)}\b", " ", rest)
        words = re.findall(r"[^\W_]+", rest)
        folded = _type_words(rest)
        places = {_fold(w) for w in words if countries_named(w, profile)}
        others = [
            w for w, f in zip(words, folded)
            if f not in _CLUSTER_WORDS and f not in _FIRM_WORDS and f not in _TYPE_FILLERS
            and f not in ("eu", "european", "europe") and _fold(w) not in places
        ]
        if len(others) > 1 or any(w[0].isupper() for w in others):
            return None  # "Basque Energy Cluster" is a name, "Mexican automotive cluster" a type
    return read_partner_type(suffix, profile)


@lru_cache(maxsize=16)
def _multiword_places(profile: Profile) -> tuple[str, ...]:
    """Country names and nationality adjectives of several words, longest first."""
    names = set(nationalities()) | set(_country_names()) | set(profile.country_aliases)
    return tuple(sorted((n for n in names if " " in n.strip()), key=len, reverse=True))


_TRAILING_BRACKET = re.compile(r"(?:\(([^()]*)\)|\[([^\[\]]*)\]|\{([^{}]*)\})\s*[.,;]?\s*$")
_TRAILING_APPENDIX = re.compile(
    r"^(?P<name>.*\S)(?:\s+[-\u2010\u2011\u2012\u2013\u2014\u2015]\s+|\s*[\u2013\u2014]\s*|\s*[,|:]\s+|\s+/\s*)"
    r"(?P<suffix>[^,()\[\]{}\u2013\u2014|:/]+?)\s*\.?$"
)


def split_partner(text: str | None, profile: Profile) -> PartnerName:
    """Split "Carbon Trust (non EU firm)" into the name and its partner type.

    The type may stand in any bracket — (…), […], {…} — or after a dash, comma,
    colon or slash at the end ("Carbon Trust – non-EU firm", "Acme S.A., Chilean
    company"). A suffix that reads as no partner type stays part of the name. A name
    that is an N/A spelling becomes None.
    """
    if is_blank(text):
        return PartnerName(None, None, None)
    name, partner_type, suffix = text.strip(), None, None
    match = _TRAILING_BRACKET.search(name)
    if match:
        inner = next(g for g in match.groups() if g is not None)
        found = _reads_as_type(inner, profile, strict=False)
        if found:
            partner_type, suffix = found, inner
            name = name[: match.start()].strip()
    if partner_type is None:
        match = _TRAILING_APPENDIX.match(name)
        if match:
            found = _reads_as_type(match.group("suffix"), profile, strict=True)
            if found:
                partner_type, suffix = found, match.group("suffix")
                name = match.group("name").strip()
    if not name or is_blank(name) or is_na(name, profile):
        name = None
    return PartnerName(name, partner_type, suffix)


# --- cooperation types -------------------------------------------------------------------

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
# Characters that end one listed item: separators, line breaks, brackets, bullet glyphs.
_ITEM_BREAK = re.compile(r"[,;\n\r\t()\[\]{}<>]|\s[-\u2013\u2014]\s|[^\w\s&+/.'’\-\u2010\u2011]")


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
_PIECE_BREAK = re.compile(rf"{_ITEM_BREAK.pattern}|\s(?:and|&)\s", re.IGNORECASE)


def _closest_type(fragment: str, entries) -> str | None:
    """The type an item names in other words than any spelling: the spellings that
    share most of their content words with it (two at least, and at least half of
    the spelling's) all name one type ("Co-organised business events" shares
    "business events" with "Joint business events")."""
    tokens = [t for t in _type_tokens(fragment) if t.word not in _TYPE_STOPWORDS]
    if len(tokens) < CLOSEST_TYPE_WORDS:
        return None
    best, kinds = 0, set()
    for kind, words in entries:
        shared = sum(1 for stem_, word in words if any(_word_matches(t, stem_, word) for t in tokens))
        if shared < CLOSEST_TYPE_WORDS or 2 * shared < len(words):
            continue
        if shared > best:
            best, kinds = shared, {kind}
        elif shared == best:
            kinds.add(kind)
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


# --- bullets and lists -------------------------------------------------------------------

_BULLET_CHARS = frozenset("•●▪◦‣⁃∙·–—-*>»›✓✔➢➤►▸▹▶■□○◆◇❖➔→⇒⦁⦾⦿♦◘◙‧⁌⁍")
_NUMBERED = re.compile(r"^(?:\(?\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-z][.)]|\([a-z]\)|[A-Z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s+")
_INLINE_BULLET = re.compile(r"\s*[•●▪◦‣∙➢➤►▸■◆❖⦁\ue000-\uf8ff]\s*")


def bullet_of(line: str) -> str | None:
    """The bullet or number opening a list item ("• ", "", "1) ", "a. "), else None."""
    stripped = line.lstrip()
    if not stripped:
        return None
    first = stripped[0]
    if first in _BULLET_CHARS or unicodedata.category(first) in ("Co", "So") or tick_answer(first):
        if first in "-–—*>" and len(stripped) > 1 and stripped[1] in "-–—*>":
            return None  # a rule or an arrow, not a bullet
        return stripped[: len(stripped) - len(stripped[1:].lstrip())]
    if first in "oØ§" and len(stripped) > 2 and stripped[1] in " \t" and stripped[2:].strip():
        # Word's second-level bullet "o" (Courier), and Wingdings bullets extracted
        # without their font mapping ("Ø" arrow, "§" square): only before a space
        return stripped[:2]
    match = _NUMBERED.match(stripped)
    return match.group(0) if match else None


def _explode_inline(lines: Iterable[str], bullets: tuple[str, ...]) -> list[str]:
    """Split lines where an unmistakable bullet glyph stands inside them."""
    out: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        pieces = _INLINE_BULLET.split(line)
        glyphs = _INLINE_BULLET.findall(line)
        if len(pieces) == 1:
            out.append(line)
            continue
        if pieces[0].strip():
            out.append(pieces[0].strip())
        for glyph, piece in zip(glyphs, pieces[1:]):
            if piece.strip():
                out.append(f"{glyph.strip()} {piece.strip()}")
    return out


def split_bullets(lines: tuple[str, ...] | list[str], profile: Profile) -> tuple[list[str], list[str]]:
    """(heading lines, bullet items) of a cell that names something then lists items.

    A line starting with a bullet opens an item; a line without one continues the
    item above (a wrapped item) or, before the first bullet, the heading. Any bullet
    glyph counts (• ● ▪ ◦ ‣ ⁃ ∙ · – — - * > ✓ ➢ ➤ ►, private-use glyphs such as Word's
    U+F0B7), and so does a number or letter opening the line ("1)", "1.", "(a)", "i.").
    """
    heading: list[str] = []
    items: list[str] = []
    profile_bullets = tuple(b for b in profile.bullets if b)
    for line in _explode_inline(lines, profile_bullets):
        bullet = next((b for b in profile_bullets if line.startswith(b)), None) or bullet_of(line)
        if bullet is not None and (items or heading):
            item = line[len(bullet) :].strip()
            if item:
                items.append(item)
        elif items:
            items[-1] = f"{items[-1]} {line}"
        else:
            heading.append(line)
    return heading, items


# A token that only completes the name before it: "Acme, Inc.", "Foo, S.A.".
_LEGAL_TAIL = re.compile(r"^(?:[A-Za-z]{1,4}\.)+(?:\s?[A-Za-z]{1,4}\.)*$")


def parse_list(text_or_lines: str | Iterable[str] | None, profile: Profile | None = None) -> list[str]:
    """The items of a list-typed cell, as printed, bullets and numbers removed.

    Bulleted or numbered lines are items (an unbulleted line continues the item
    above; lines before the first bullet are items of their own unless they end
    with ":"). A cell without bullets is split on semicolons, else on commas when
    they separate short items; otherwise it is one item. Blank and N/A give [].
    """
    if text_or_lines is None:
        return []
    lines = text_or_lines.splitlines() if isinstance(text_or_lines, str) else [l for l in text_or_lines if l]
    lines = [l.strip() for l in lines if l and l.strip()]
    if not lines or (len(lines) == 1 and (is_blank(lines[0]) or is_na(lines[0], profile))):
        return []
    bullets = tuple(b for b in (profile.bullets if profile else ()) if b)
    lines = _explode_inline(lines, bullets)
    marked = [bool(next((b for b in bullets if l.startswith(b)), None) or bullet_of(l)) for l in lines]
    if any(marked):
        items: list[str] = []
        seen_bullet = False
        for line, is_item in zip(lines, marked):
            if is_item:
                bullet = next((b for b in bullets if line.startswith(b)), None) or bullet_of(line) or ""
                items.append(line[len(bullet) :].strip())
                seen_bullet = True
            elif seen_bullet and items:
                items[-1] = f"{items[-1]} {line}"
            elif not line.endswith(":"):
                items.append(line)
        return [i for i in items if i and not is_blank(i)]
    joined = " ".join(lines)
    for separator in (";", ","):
        if separator in joined:
            parts = [p.strip() for p in joined.split(separator)]
            merged: list[str] = []
            for part in parts:
                if merged and _LEGAL_TAIL.match(part):
                    merged[-1] = f"{merged[-1]}{separator} {part}"
                elif part:
                    merged.append(part)
            if separator == ";" or all(len(p.split()) <= 6 for p in merged):
                return [p.strip(" .") if p.endswith(".") and not _LEGAL_TAIL.search(p.split()[-1]) else p for p in merged]
    return [joined]


def list_items(text_or_lines: str | Iterable[str] | None, profile: Profile | None = None) -> int:
    """How many items a list-typed cell holds (see `parse_list`)."""
    return len(parse_list(text_or_lines, profile))


# --- how well a column's cells fit a value type ------------------------------------------

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


def _index_fit(texts: list[str]) -> float:
    fits = 0
    previous: int | None = None
    for text in texts:
        value = parse_count(text.strip().strip("().#"))
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
            scores.append(min(1.0, 0.8 * base + (0.2 if parsed.partner_type and base else 0.0)))
    elif value_type == "name":
        scores = [_name_score(t, profile) for t in cells]
    elif value_type == "text":
        scores = [_text_score(t, profile) for t in cells]
    else:
        raise ValueError(f"unknown value type {value_type!r}")
    return sum(scores) / len(scores)
