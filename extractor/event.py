"""What the mission was: title, report type, place, dates and organisers."""

from __future__ import annotations

import re
from datetime import date

import pycountry
from rapidfuzz import fuzz

from schemas.records import Event

from .layout import Line, PageLayout, join_lines
from .narrative import Paragraph, sentence_with
from .profile import Profile

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
# An ordinal's raised ending ("25th") that OCR reads as a raised mark ("25'", "27\"") still ends a day.
_DAY = r"(\d{1,2})(?:st|nd|rd|th|['\"\u2018\u2019\u201c\u201d\u00b0])?"
_DASH = r"\s*(?:[-–—/]|to|until|till|and|&)\s*"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_NUMERIC = r"(\d{1,2})[./](\d{1,2})[./](\d{4})"  # day first, as European reports write dates
_DATE_PATTERNS = [
    # 03.05.2017 - 05.05.2017 / 3/5/2017 to 5/5/2017
    (re.compile(rf"{_NUMERIC}{_DASH}{_NUMERIC}"), "dmy-dmy"),
    # 3-5.05.2017 / 3.-5.5.2017
    (re.compile(r"(\d{1,2})\.?\s*[-–—]\s*(\d{1,2})[./](\d{1,2})[./](\d{4})"), "d-dmy"),
    # Wednesday 3 May - Friday 5 May 2017 (weekday names dropped)
    (re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}{_DASH}{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})", re.I), "d m-d m y"),
    (re.compile(rf"{_WEEKDAY}{_DAY}{_DASH}(?:the\s+)?{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})", re.I), "d-d m y"),
    # 25th - 27th of October 2016 / from the 25th to 27th of October 2016 / 3-5 May 2017
    (re.compile(rf"{_DAY}{_DASH}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})", re.I), "d-d m y"),
    # 30 November - 2 December 2016
    (re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}{_DASH}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})", re.I), "d m-d m y"),
    # October 25-27, 2016
    (re.compile(rf"{_MONTH}\s+{_DAY}{_DASH}{_DAY},?\s+(\d{{4}})", re.I), "m d-d y"),
    # 25 October 2016
    (re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})", re.I), "d m y"),
    # 2016-10-25 to 2016-10-27
    (re.compile(rf"(\d{{4}})-(\d{{2}})-(\d{{2}}){_DASH}(\d{{4}})-(\d{{2}})-(\d{{2}})"), "iso-iso"),
    # 2016-10-25
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "iso"),
    # 25.10.2016
    (re.compile(_NUMERIC), "dmy"),
]


def parse_date_range(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """(start, end, span of the match) of the first date or date range in `text`."""
    for pattern, form in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        g = match.groups()
        try:
            if form == "dmy-dmy":
                start = date(int(g[2]), int(g[1]), int(g[0]))
                end = date(int(g[5]), int(g[4]), int(g[3]))
            elif form == "d-dmy":
                start, end = date(int(g[3]), int(g[2]), int(g[0])), date(int(g[3]), int(g[2]), int(g[1]))
            elif form == "d-d m y":
                month, year = MONTHS[g[2].lower().rstrip(".")], int(g[3])
                start, end = date(year, month, int(g[0])), date(year, month, int(g[1]))
            elif form == "d m-d m y":
                year = int(g[4])
                start = date(year, MONTHS[g[1].lower().rstrip(".")], int(g[0]))
                end = date(year, MONTHS[g[3].lower().rstrip(".")], int(g[2]))
            elif form == "m d-d y":
                month, year = MONTHS[g[0].lower().rstrip(".")], int(g[3])
                start, end = date(year, month, int(g[1])), date(year, month, int(g[2]))
            elif form == "d m y":
                start = end = date(int(g[2]), MONTHS[g[1].lower().rstrip(".")], int(g[0]))
            elif form == "iso-iso":
                start, end = date(int(g[0]), int(g[1]), int(g[2])), date(int(g[3]), int(g[4]), int(g[5]))
            elif form == "dmy":
                start = end = date(int(g[2]), int(g[1]), int(g[0]))
            else:
                start = end = date(int(g[0]), int(g[1]), int(g[2]))
        except (ValueError, KeyError):
            continue
        return start.isoformat(), end.isoformat(), match.span()
    return None, None, None


def country_code(name: str, profile: Profile) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name or code, or None."""
    cleaned = name.strip(" .()")
    if not cleaned:
        return None
    for alias, code in profile.country_aliases.items():
        if alias.lower() == cleaned.lower():
            return code
    try:
        return pycountry.countries.lookup(cleaned).alpha_2
    except LookupError:
        return None


def parse_place(text: str, profile: Profile) -> tuple[str | None, str | None]:
    """(city, country code) from "Mexico City, Mexico", "Santiago (Chile)", "in Lima –
    Peru" and the like."""
    from .cells import country_of  # cells reads countries with this module's lookup

    text = _PLACE_LEAD.sub("", text.strip(" |,-–/"))
    match = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", text)
    if match:
        # "Santiago (Chile)", or the country first: "Egypt (Cairo)"
        outside, inside = match.group(1).strip(" ,"), match.group(2)
        if country_of(inside, profile):
            return outside or None, country_of(inside, profile)
        if outside and country_of(outside, profile):
            return inside.strip() or None, country_of(outside, profile)
    parts = [p.strip() for p in re.split(r",|/|\s[-–—]\s", text) if p.strip()]
    if len(parts) >= 2 and country_of(parts[-1], profile):
        return ", ".join(parts[:-1]), country_of(parts[-1], profile)
    if len(parts) == 2 and country_of(parts[0], profile):
        return parts[1], country_of(parts[0], profile)
    if len(parts) == 1 and country_of(parts[0], profile):
        return None, country_of(parts[0], profile)
    return (text or None), None


# Words that lead into a place or a date on a cover line ("held in", "from", "at").
_PLACE_LEAD = re.compile(r"^(?:(?:held|from|on)(?:\s+|$))*(?:(?:in|at)(?:\s+|$))?", re.IGNORECASE)


def read_event(cover: PageLayout | None, paras: list[Paragraph], profile: Profile) -> Event:
    event = Event()
    lines = cover.lines if cover else []
    event.title = _title(lines, profile)
    event.report_type = _report_type(lines, profile)
    for index, line in enumerate(lines):
        start, end, span = parse_date_range(line.text)
        if start:
            event.start_date, event.end_date = start, end
            # the place is what the line holds besides the dates, before or after them,
            # else a neighbouring line that names a country ("Venue: Lima, Peru")
            rest = [_unlabelled(p) for p in (line.text[: span[0]], line.text[span[1] :])]
            places = [parse_place(p, profile) for p in rest if _PLACE_LEAD.sub("", p)]
            # the side that names a country ("From 3 to 5 May 2018 in Cairo, Egypt")
            event.city, event.country = next((p for p in places if p[1]), places[0] if places else (None, None))
            if event.country is None:
                for other in lines[max(0, index - 2) : index] + lines[index + 1 : index + 3]:
                    city, country = parse_place(_unlabelled(other.text), profile)
                    if country:
                        event.city, event.country = city, country
                        break
            break
    if event.start_date is None or event.city is None:
        _event_from_text(event, paras, profile)
    event.organisers = organisers(paras, profile)
    return event


_LABEL = re.compile(r"^\s*(?:dates?|venue|place|location|where|when|held)\s*:\s*", re.IGNORECASE)


def _unlabelled(text: str) -> str:
    """A cover line's value without its label ("Venue: ...") and separators."""
    return _LABEL.sub("", text.strip(" |–-,")).strip(" |–-,")


def _event_from_text(event: Event, paras: list[Paragraph], profile: Profile) -> None:
    for para in paras[:12]:
        start, end, _ = parse_date_range(para.text)
        if start and event.start_date is None:
            event.start_date, event.end_date = start, end
        match = re.search(r"\bin\s+([A-Z][\w .'-]+?)\s*\(([^()]+)\)", para.text)
        if match and event.city is None and country_code(match.group(2), profile):
            # the last "in" before the brackets: "... Clusters in Egypt took place in Cairo (Egypt)"
            city = re.split(r"\sin\s", match.group(1))[-1]
            event.city, event.country = city.strip(), country_code(match.group(2), profile)
        if event.start_date and event.city:
            return


def _blocks(lines: list[Line]) -> list[tuple[str, float, bool]]:
    blocks: list[list[Line]] = []
    for line in sorted(lines, key=lambda l: l.top):
        last = blocks[-1][-1] if blocks else None
        if last and abs(last.size - line.size) < 0.3 and last.bold == line.bold and line.top - last.bottom < 0.8 * line.size:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return [(join_lines(l.text for l in block), block[0].size, block[0].text.isupper()) for block in blocks]


def _title(lines: list[Line], profile: Profile) -> str | None:
    """The cover's title: the largest block naming an event (the profile's title
    words), else the largest block that is neither the report type nor a date or
    place line (a title worded without any of those words)."""
    words = tuple(w.lower() for w in profile.event_title_words)
    best: tuple[float, str] | None = None
    fallback: tuple[float, str] | None = None
    for text, size, upper in _blocks(lines):
        if _matches_report_type(text, profile) or parse_date_range(text)[0] or len(text) < 8:
            continue
        rank = size + (0 if upper else 100)
        if any(w in text.lower() for w in words):
            if best is None or rank > best[0]:
                best = (rank, text)
        elif fallback is None or rank > fallback[0]:
            fallback = (rank, text)
    chosen = best or fallback
    return chosen[1] if chosen else None


_REPORT_WORD = re.compile(r"\breports?\b", re.IGNORECASE)
REPORT_TYPE_WORDS = 6


def _matches_report_type(text: str, profile: Profile) -> bool:
    """One of the profile's report types, or any short line that calls the document a
    report ("Follow-up Survey Report", "Impact Report")."""
    if any(fuzz.ratio(text.lower(), t.lower()) >= 90 for t in profile.report_types):
        return True
    return bool(_REPORT_WORD.search(text)) and len(text.split()) <= REPORT_TYPE_WORDS


def _report_type(lines: list[Line], profile: Profile) -> str | None:
    for text, _, _ in _blocks(lines):
        if _matches_report_type(text, profile):
            return text
    return None


def organisers(paras: list[Paragraph], profile: Profile) -> list[str]:
    """The bodies named after "organised by", "supported by" ... in the first sentence saying so."""
    triggers = sorted(profile.organiser_triggers, key=len, reverse=True)
    found = sentence_with(paras[:20], tuple(triggers))
    if not found:
        return []
    sentence = found[0][0]
    pattern = re.compile("|".join(re.escape(t) for t in triggers), re.IGNORECASE)
    marks = list(pattern.finditer(sentence))
    names: list[str] = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(sentence)
        for name in _split_names(sentence[mark.end() : end]):
            if name not in names:
                names.append(name)
    return names


def _split_names(segment: str) -> list[str]:
    segment = segment.strip().rstrip(".;")
    segment = re.sub(r"(,?\s*\b(and|as well as)\s*)$", "", segment.strip(), flags=re.IGNORECASE).strip(" ,")
    if ")" in segment:
        pieces = re.split(r"(?<=\))\s*(?:,\s*)?(?:and\s+|,\s*)", segment)
    else:
        pieces = [segment]
    # "... Network Auvergne-Rhône-Alpes and the Agence ...": "and the" before a capital
    # joins two bodies; a bare "and" may sit inside one name ("Entrepreneurship and SMEs").
    pieces = [part for piece in pieces for part in re.split(r",?\s+and\s+the\s+(?=[A-Z])", piece)]
    names = []
    for piece in pieces:
        piece = re.sub(r"^(the|jointly|also)\s+", "", piece.strip(" ,"), flags=re.IGNORECASE)
        piece = re.sub(r"^(the)\s+", "", piece, flags=re.IGNORECASE).strip(" ,")
        if piece and piece[:1].isupper():
            names.append(piece)
    return names
