"""Clusters named in the narrative: found, resolved to the delegation, spellings kept.

Three passes over the text, in this order:
1. acronyms the document defines ("Lombardy Energy Cleantech Cluster (LE2C)"): the
   name is resolved and the acronym learned for it;
2. a spaCy PhraseMatcher (case-insensitive) over every known spelling, long form and
   acronym of the delegation clusters;
3. the remaining runs of capitalised words, resolved by the fuzzy rules (accepted
   matches only).

With the report's closed world (closed_world.py; carried by the report's resolver or
passed in), a name the archive-wide rules do not accept is tried under its rules in
passes 1 and 3; the definitions in `texts` are learned first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher

from ..narrative import nlp
from .closed_world import ClosedWorld, initials_fit
from .normalise import lexicon, looks_like_acronym, name_key, split_acronym
from .registry import RegistryEntity
from .resolve import Resolver

_DEFINED = re.compile(
    r"((?:[A-Z][\w'’.&-]*|[a-z]'[A-Z][\w'’.&-]*)(?:\s+(?:[A-Z][\w'’.&-]*|[a-z]'[A-Z][\w'’.&-]*|de|d'|of|and|&|-|la|del|della)){0,8})"
    r"\s*\(([A-Z][A-Za-z0-9&]{1,9})\)"
)
_LEADING = STOP_WORDS  # "The", "Since" ... capitalised only because a sentence starts
_BREAK = {"(", ")", ",", ";", ":", "and", "or", "&", "as", "well", "with", "from", "by", "in", "to", "for", "'s", "’s"}
_ELIDED = re.compile(r"^[a-z]['’][A-Z]")


@dataclass(frozen=True)
class Mention:
    text: str
    entity: RegistryEntity
    score: float


def find_mentions(
    texts: list[str], members: list[RegistryEntity], resolver: Resolver, closed_world: ClosedWorld | None = None
) -> list[Mention]:
    """Every mention of a delegation cluster in `texts`, in order of appearance."""
    if not members:
        return []
    closed = closed_world if closed_world is not None else getattr(resolver, "closed_world", None)
    if closed is not None:
        closed.learn(texts)
    found: list[Mention] = []
    spans: list[list[tuple[int, int]]] = [[] for _ in texts]
    for i, text in enumerate(texts):
        for match in _DEFINED.finditer(text):
            name, acronym = _strip_leading(match.group(1)), match.group(2)
            if not looks_like_acronym(acronym) or not name:
                continue
            resolution = resolver.resolve(name, members)
            if resolution.decision == "accept" and resolution.entity is not None:
                entity, score = resolution.entity, resolution.score
            elif closed is not None:
                entity, score, name = _closed_definition(name, acronym, closed)
                if entity is None:
                    continue
            else:
                continue
            resolver.registry.add_acronym(entity, acronym)
            start = match.start(1) + (len(match.group(1)) - len(name))
            found.append(Mention(text[start : match.end()], entity, score))
            spans[i].append((start, match.end()))
    matcher, owners = _phrase_matcher(members)
    for i, doc in enumerate(nlp().pipe(texts)):
        taken = list(spans[i])
        runs = _capitalised_runs(doc)
        for key, start, end in sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            begin, finish = doc[start:end].start_char, doc[start:end].end_char
            if _overlaps(taken, begin, finish):
                continue
            entity = owners[nlp().vocab.strings[key]]
            text = doc.text[begin:finish]
            run = next((r for r in runs if r[1] <= begin and finish <= r[2] and (r[1], r[2]) != (begin, finish)), None)
            if run is not None and _resolves_to(run[0], entity, members, resolver, closed):
                text, begin, finish = run  # "TEMA Cluster", not just the acronym inside it
            found.append(Mention(text, entity, 100.0))
            taken.append((begin, finish))
        # runs joined over 'for' first ("Pomerania Cluster for Creative Innovation", a
        # name with words dropped), each kept only where it names a member whole
        for text, begin, end in _joined_over_for(doc, runs) + runs:
            if _overlaps(taken, begin, end):
                continue
            entity, score = _resolve_mention(text, members, resolver, closed)
            if entity is not None:
                found.append(Mention(text, entity, score))
                taken.append((begin, end))
    return found


def _closed_definition(name: str, acronym: str, closed: ClosedWorld) -> tuple[RegistryEntity | None, float, str]:
    """The member a definition "Name (ACR)" names under the closed-world rules, its
    score, and the name without words before it ("In March Nordic Food ..."); only
    when the acronym's letters fit the name, so that "(EU)" is not learned for it."""
    words = name.split()
    for k in range(len(words)):
        span = " ".join(words[k:])
        if not words[k][:1].isupper() or not initials_fit(acronym, span):
            continue
        match = closed.match(f"{span} ({acronym})", narrative=True)
        if match is not None:
            return match.entity, match.score, span
    return None, 0.0, name


def _resolves_to(
    text: str, entity: RegistryEntity, members: list[RegistryEntity], resolver: Resolver, closed: ClosedWorld | None = None
) -> bool:
    return _resolve_mention(text, members, resolver, closed)[0] is entity


def _resolve_mention(
    text: str, members: list[RegistryEntity], resolver: Resolver, closed: ClosedWorld | None = None
) -> tuple[RegistryEntity | None, float]:
    """The closed-world rules first, if given; then accepted matches; within the
    delegation, also a one-word short form ("Lichtwerk") that only one member's name
    contains, when that word is a proper name rather than a sector, region or generic
    word. Members the closed world found tied are not picked by the other rules."""
    tied: set[str] = set()
    if closed is not None:
        match = closed.match(text, narrative=True)
        if match is not None:
            return match.entity, match.score
        tied = closed.tie(text)
    resolution = resolver.resolve(text, members)
    if resolution.decision == "accept" and resolution.entity is not None and resolution.entity.id not in tied:
        if closed is None or not closed.contradicts(text, resolution.entity):
            return resolution.entity, resolution.score
    key = name_key(text)
    if len(key.tokens) == 1 and not key.acronym and _proper_word(key.tokens[0]):
        owners = [m for m in members if any(key.tokens[0] in k.tokens for k in m.keys())]
        if len(owners) == 1 and owners[0].id not in tied:
            return owners[0], 80.0
    return None, 0.0


def _proper_word(token: str) -> bool:
    lex = lexicon()
    english = {w for words in lex.words.values() for w in words}
    return len(token) >= 5 and token not in lex.words and token not in english and token not in STOP_WORDS


def _phrase_matcher(members: list[RegistryEntity]) -> tuple[PhraseMatcher, dict[str, RegistryEntity]]:
    matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
    owners: dict[str, RegistryEntity] = {}
    for entity in members:
        phrases = set(entity.acronyms)
        for alias in entity.aliases:
            phrases.add(alias)
            acronym, long_name = split_acronym(alias)
            if acronym:
                phrases.update({acronym, long_name})
        key = f"entity:{entity.id}"
        owners[key] = entity
        matcher.add(key, [nlp().make_doc(p) for p in sorted(phrases) if len(p) >= 2])
    return matcher, owners


def _capitalised_runs(doc) -> list[tuple[str, int, int]]:
    runs = []
    current: list = []
    for token in doc:
        text = token.text
        capital = text[:1].isupper() or bool(_ELIDED.match(text)) or (text[:1].isdigit() and bool(current))
        joiner = bool(current) and text in {"-", "de", "of", "del", "della", "la"}
        if (capital or joiner) and text.lower() not in _BREAK:
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    out = []
    for run in runs:
        while run and (run[-1].text in {"-", "de", "of", "del", "della", "la"}):
            run = run[:-1]
        while run and run[0].text.lower() in _LEADING:
            run = run[1:]
        if run:
            begin, end = run[0].idx, run[-1].idx + len(run[-1].text)
            out.append((doc.text[begin:end], begin, end))
    return out


def _joined_over_for(doc, runs: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Capitalised runs that a lone 'for' parts, joined ("Cluster" 'for' "Smart Grids"):
    'for' ends a run, since a name before it often stands alone ("X for Spain"), but
    inside a name it is the name's."""
    joined = []
    for (_, begin, end), (_, next_begin, next_end) in zip(runs, runs[1:]):
        if doc.text[end:next_begin].strip() == "for":
            joined.append((doc.text[begin:next_end], begin, next_end))
    return joined


def _strip_leading(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    return " ".join(words)


def _overlaps(spans: list[tuple[int, int]], begin: int, end: int) -> bool:
    return any(begin < b and a < end for a, b in spans)

