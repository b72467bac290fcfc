"""Partner types: from a suffix after the name or a type cell, by kind word and geography."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..layout import join_broken_pieces
from ..profile import Profile
from .places import _country_names, countries_named, nationalities
from .text import EU_MEMBERS, _fold, is_blank, is_na


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
    found = _read_type(cleaned, profile, country)
    if found is None:
        # a narrow column may have broken a word of the phrase without a hyphen
        joined = join_broken_pieces(cleaned, _type_vocabulary(profile))
        found = _read_type(joined, profile, country) if joined != cleaned else None
    return found


def _read_type(cleaned: str, profile: Profile, country: str | None) -> str | None:
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


@lru_cache(maxsize=16)
def _type_vocabulary(profile: Profile) -> frozenset[str]:
    """The single words a partner-type phrase is read by: kinds of organisation,
    nationalities and country names (folded)."""
    places = {_fold(name) for name in _place_names(profile)}
    return frozenset(_CLUSTER_WORDS | _FIRM_WORDS | {p for p in places if p and " " not in p})


def parse_partner_type(text: str | None, profile: Profile, country: str | None = None) -> str | None:
    """A type-of-organisation cell ("non EU firm", "Mexican cluster") to its contract value."""
    return read_partner_type(text, profile, country)


def _reads_as_type(suffix: str, profile: Profile, strict: bool) -> str | None:
    """The partner type a name's suffix states, when the whole suffix reads as one."""
    words = re.findall(r"[^\W_]+", suffix)
    if not words or len(words) > 6 or any(w.isdigit() for w in words):
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
    return tuple(sorted((n for n in _place_names(profile) if " " in n.strip()), key=len, reverse=True))


@lru_cache(maxsize=16)
def _place_names(profile: Profile) -> frozenset[str]:
    """Nationality adjectives and country names (folded), and the profile's country
    aliases as it writes them: the places a partner-type phrase may name."""
    return frozenset(nationalities()) | frozenset(_country_names()) | frozenset(profile.country_aliases)


_TRAILING_BRACKET = re.compile(r"(?:\(([^()]*)\)|\[([^\[\]]*)\]|\{([^{}]*)\})\s*[.,;]?\s*$")
_TRAILING_APPENDIX = re.compile(
    r"^(?P<name>.*\S)(?:\s+[-\u2010\u2011\u2012\u2013\u2014\u2015]\s+|\s*[\u2013\u2014]\s*|\s*[,|:]\s+|\s+/\s*)"
    r"(?P<suffix>[^,()\[\]{}\u2013\u2014|:/]+?(?:\s*\([^()]*\))?)\s*\.?$"
)


def split_partner(text: str | None, profile: Profile) -> PartnerName:
    """Split "Carbon Trust (non EU firm)" into the name and its partner type.

    The type may stand in any bracket — (…), […], {…} — or after a dash, comma,
    colon or slash at the end ("Carbon Trust – non-EU firm", "Acme S.A., Chilean
    company"), itself with a bracket ("Acme Kft. - company (EU)"). A suffix that
    reads as no partner type stays part of the name. A name that is an N/A spelling
    becomes None.
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
