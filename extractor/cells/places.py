"""Countries and nationalities in cells: names, ISO codes, endonyms, adjectives."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
import yaml

from ..profile import Profile
from .text import _DATA, _fold, is_blank


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


@lru_cache(maxsize=1)
def state_styles() -> frozenset[str]:
    """The styles states bear before 'of' and their name in their official names
    (pycountry: 'Kingdom', 'Commonwealth', 'Federal Republic' ...), folded; styles of
    capitalised words only (not 'Taiwan, Province')."""
    styles = set()
    for country in pycountry.countries:
        style, of, _ = (getattr(country, "official_name", None) or "").rpartition(" of ")
        words = style.removeprefix("the ").split()
        if of and words and all(w.replace("'", "").isalpha() and w[0].isupper() for w in words):
            styles.add(_fold(" ".join(words)))
    return frozenset(styles)


def country_of(text: str | None, profile: Profile, formal_style: bool = False) -> str | None:
    """ISO alpha-2 of a country cell: a name, an ISO code or a nationality adjective, or
    a country's name after a style that states bear (`state_styles`: "Commonwealth of
    Australia"); with `formal_style` (a cell of a column known to hold countries), after
    any style of a word or two ("Dominion of Canada"), which elsewhere may be an
    institution's ("University of Malta")."""
    if is_blank(text):
        return None
    from ..event import country_code

    stripped = text.strip(" .()")
    if len(stripped) <= 3 and not stripped.isupper():
        return None  # "No", "in": a word, not an ISO code
    code = country_code(stripped, profile) or _place_words(profile).get(_fold(stripped))
    if code:
        return code
    style, of, name = stripped.rpartition(" of ")
    style = style.removeprefix("The ").removeprefix("the ")
    borne = of and _fold(style) in state_styles()
    if borne or (formal_style and of and 1 <= len(style.split()) <= 2 and all(w.isalpha() and w[0].isupper() for w in style.split())):
        # a state's style before the country's name ("Commonwealth of Australia"): one
        # that states bear reads anywhere, any style of a word or two in a column known
        # to hold countries; the name must be a country's, not a nationality or a code
        code = _country_names().get(_fold(name.removeprefix("the ")))
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
