"""Names inside one report are a closed world.

A report's tables and narrative name the clusters of its own delegation: a list of a
few dozen known names. Rules that would be unsafe across an archive of thousands of
bodies are safe there, because a printed name is taken for a member only when exactly
one member fits it. The rules, each logged by name with every decision:

- `acronym`: an acronym one member's own printed name carries ("NFIN - Nordic ...");
- `defined_acronym`: an acronym the document defines anywhere, narrative or table cell,
  before or after the place that uses it: "Nordic Food Innovation Network (NFIN)",
  "NFIN (Nordic Food Innovation Network)", "NFIN – Nordic Food Innovation Network"; an
  acronym that holds one letter of its own (made unique beside a like one: "Nordic Food
  Industry Network (NFIN)", "Nordic Food Innovation Network (NFINX)") only where its long
  name is a member's full name, word for word;
- `initials`: a bare acronym equal to the initials of one member's words, articles and
  prepositions of the main EU languages skipped ("LSC" for "Life Science Cluster",
  "BMAC" for "Bavaria Mobility and Automotive Cluster"). An acronym the document
  defines (in parentheses) as something that is not a member is never read as initials;
- `same_words`: the same words once case, accents and transliterations (ü/ue, ø/oe,
  å/aa, ß/ss, ā, ō/ou) are folded and articles ("the") skipped; also the same letters
  spaced otherwise ("ProWood" / "PRO WOOD");
- `generic_words`: the same distinctive words, a generic word ("Cluster", "Network")
  dropped or "Cluster" added;
- `abbreviation`: a printed word is a prefix (3 letters or more, with or without a dot)
  or a contraction ("Assn", "Natl") of the member's word in the same place, or a typo
  of it; at least one distinctive word is printed in full;
- `dropped_words`: the printed words are an ordered subset of the member's words and
  keep at least two of its distinctive words ("Bavaria Automotive Cluster"); three, or
  a kind word, when they are only its first words ("Upper Austria" is a place, not
  "Upper Austria Food Cluster"); a kind word when its first word is left out
  ("Energy Cleantech Cluster", but not "Automotive Innovation").

Rules are tried from the strictest; a member that fits under a stricter rule wins over
one that fits only under a looser rule; two members that fit under the same rule
resolve nothing (`ambiguous`): the name then falls through to the archive-wide rules
of resolve.py. In the narrative, where non-members are also named, a match is
withdrawn (`vetoed`) when the archive-wide rules accept the name for another entity
already known, e.g. a partner organisation of the report's annex. The other way
round, an archive-wide match of a bare acronym to a member by its initials is undone
(`contradicted`) when the document defines that acronym as something else ("European
Cluster Collaboration Platform (ECCP)").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable

from rapidfuzz.distance import OSA

from .normalise import STOP_WORDS, capitalises_its_words, fold, fold_transliterated, lexicon, split_acronym
from .registry import RegistryEntity

if TYPE_CHECKING:
    from .resolve import Resolver

KIND_WORDS = frozenset({"cluster", "clusters", "clusterul", "klaster", "klastr", "klaszter", "klasteris", "klasteri"})

MIN_INITIALS = 3
MIN_ABBREVIATION = 3
MIN_TYPO_LENGTH = 5

SCORES = {
    "acronym": 100.0,
    "same_words": 100.0,
    "defined_acronym": 95.0,
    "initials": 92.0,
    "generic_words": 92.0,
    "abbreviation": 90.0,
    "dropped_words": 88.0,
}
_TIERS = ("same_words", "generic_words", "abbreviation", "dropped_words")

_TOKEN = re.compile(r"[^\W_]+|&")
_NAME_WORD = r"(?:[A-Z\u00C0-\u00DE][\w'’.&-]*|[a-z]['’][A-Z][\w'’.&-]*)"
_JOINER = r"(?:de|d'|of|and|&|-|–|la|le|les|del|della|des|du|di|do|da|für|und|van|voor|the|y|e|i|et)"
_RUN = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_JOINER})){{0,9}}"
_ACR = r"[A-Z\u00C0-\u00DE][A-Za-z0-9&\u00C0-\u00FF]{1,9}"
_LONG_THEN_ACR = re.compile(rf"(?<!\S)((?:\S+\s+){{0,11}}?\S+)\s*\(\s*({_ACR})\s*\)")
_ACR_THEN_PAREN = re.compile(rf"(?<![\w-])({_ACR})\s*\(\s*([^()]{{3,160}}?)\s*\)")
_ACR_THEN_DASH = re.compile(rf"(?<![\w-])({_ACR})\s+[-–—]\s+({_RUN})")


@dataclass(frozen=True)
class Word:
    raw: str  # as printed
    key: str  # folded, transliterations collapsed: what is compared
    plain: str  # folded: initials, prefixes, lexicon
    group: int  # which white-space separated word it is part of ("Île-de-France" is one)
    stop: bool  # an article or preposition
    generic: bool  # a kind word or legal form: does not tell two bodies apart
    upper: bool  # printed in capitals inside a name that is not ("TEMA Cluster")


@dataclass(frozen=True)
class ClosedMatch:
    entity: RegistryEntity
    rule: str
    score: float


@dataclass(frozen=True)
class Decision:
    """Why a printed name was, or was not, taken for a member."""

    raw: str
    rule: str  # one of SCORES' keys; "ambiguous" (candidates listed); "vetoed" (narrative:
    # the archive accepts the name for a non-member); "contradicted" (the archive-wide
    # rules' match of an acronym the document defines as something else, undone)
    entity_id: str | None
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Definition:
    acronym: str
    spans: tuple[str, ...]  # long-name candidates, most likely first
    strong: bool  # in parentheses: a definition for sure, so it blocks initials
    #: The acronym holds a letter of its own (made unique among like names): only a
    #: member's own full name, word for word, is what it defines.
    member_name_only: bool = False


@dataclass(frozen=True)
class _Fit:
    dropped: int = 0  # distinctive member words the printed name leaves out
    dropped_generic: int = 0
    added: int = 0  # "Cluster" printed, not in the member's name
    abbreviated: int = 0
    typos: int = 0
    exact: int = 0  # printed distinctive words equal to the member's
    aligned: int = 0  # printed distinctive words paired in any way

    def plus(self, **counts: int) -> "_Fit":
        values = dict(vars(self))
        for name, n in counts.items():
            values[name] += n
        return _Fit(**values)

    def cost(self) -> tuple[int, int, int]:
        return (self.dropped + self.dropped_generic + self.added, self.abbreviated + self.typos, -self.exact)


class ClosedWorld:
    """Resolves printed names among one report's delegation members.

    `members` is called at each look-up: the delegation grows while its table is read.
    `resolver` (archive-wide rules) serves long names of definitions and the narrative
    veto; it is optional.
    """

    def __init__(self, members: Callable[[], list[RegistryEntity]], resolver: "Resolver | None" = None):
        self._members = members
        self.resolver = resolver
        self.definitions: list[Definition] = []
        self.log: list[Decision] = []

    # -- definitions ---------------------------------------------------------------

    def learn(self, texts: Iterable[str | None]) -> list[Definition]:
        """Collect the acronyms `texts` define (narrative paragraphs, table cells)."""
        learned = []
        for text in texts:
            if text:
                learned.extend(definitions_in(" ".join(text.split())))
        for definition in learned:
            if definition not in self.definitions:
                self.definitions.append(definition)
        return learned

    def defined(self, acronym: str, also: RegistryEntity | None = None) -> tuple[RegistryEntity | None, bool]:
        """(member, blocked): the member (or `also`) the document defines `acronym` as,
        or whether it defines it as something else (then it is not read as anyone's
        initials)."""
        members = self._members()
        if also is not None and all(m.id != also.id for m in members):
            members = members + [also]
        wanted = _acronym_letters(acronym)
        found: dict[str, RegistryEntity] = {}
        unresolved = False
        for definition in self.definitions:
            if _acronym_letters(definition.acronym) != wanted:
                continue
            entity = self._definition_member(definition, members)
            if entity is not None:
                found[entity.id] = entity
            elif definition.strong:
                unresolved = True
        if len(found) == 1:
            return next(iter(found.values())), False
        return None, bool(found) or unresolved

    def contradicts(self, raw: str, entity: RegistryEntity) -> bool:
        """Whether the document defines the bare acronym `raw` as something other than
        `entity`, which does not carry that acronym itself: "ECCP" defined as the
        European Cluster Collaboration Platform is not the initials of a member's name."""
        if not _bare_acronym(raw):
            return False
        letters = _acronym_letters(raw)
        if letters in {_acronym_letters(a) for a in _own_acronyms(entity)}:
            return False
        defined, blocked = self.defined(letters, also=entity)
        contradicted = (defined is not None and defined.id != entity.id) or (defined is None and blocked)
        if contradicted:
            self.log.append(Decision(raw, "contradicted", entity.id))
        return contradicted

    def _definition_member(self, definition: Definition, members: list[RegistryEntity]) -> RegistryEntity | None:
        for span in definition.spans:
            fit = self._by_name(span, members)
            if definition.member_name_only:
                if isinstance(fit, tuple) and fit[1] == _TIERS[0]:
                    return fit[0]
                continue
            if isinstance(fit, tuple):
                return fit[0]
            if self.resolver is not None:
                resolution = self.resolver.resolve(span, members)
                if resolution.decision == "accept" and resolution.entity is not None:
                    return resolution.entity
        return None

    # -- matching ------------------------------------------------------------------

    def match(self, raw: str, narrative: bool = False) -> ClosedMatch | None:
        """The one member `raw` names, or None (no member, or more than one, fits)."""
        raw = " ".join(raw.split())
        members = self._members()
        if not raw or not members:
            return None
        found = self._match(raw, members)
        if isinstance(found, ClosedMatch) and narrative and self._vetoed(raw, found, members):
            self.log.append(Decision(raw, "vetoed", found.entity.id))
            return None
        if isinstance(found, ClosedMatch):
            self.log.append(Decision(raw, found.rule, found.entity.id))
            return found
        if found:
            self.log.append(Decision(raw, "ambiguous", None, tuple(found)))
        return None

    def names(self, raw: str) -> bool:
        """Whether `raw` names exactly one member; nothing is logged."""
        members = self._members()
        raw = " ".join(raw.split())
        return bool(raw and members) and isinstance(self._match(raw, members), ClosedMatch)

    def tie(self, raw: str) -> set[str]:
        """The members the last look-up of `raw` found tied, if it was ambiguous: the
        archive-wide rules may not pick one of them either."""
        raw = " ".join(raw.split())
        last = self.log[-1] if self.log else None
        if last is not None and last.raw == raw and last.rule == "ambiguous":
            return set(last.candidates)
        return set()

    def _match(self, raw: str, members: list[RegistryEntity]) -> ClosedMatch | list[str] | None:
        acronym, long_name = split_acronym(raw)
        if acronym is not None:
            # "NFIN - Nordic Food ...": the long name decides; its acronym may only
            # settle a tie or contradict it, never stand in for a long name that fits no one
            by_name = self._by_name(long_name, members)
            by_acronym = self._by_acronym(acronym, members)
            other = by_acronym.entity if isinstance(by_acronym, ClosedMatch) else None
            if isinstance(by_name, tuple):
                if other is not None and other is not by_name[0]:
                    return [by_name[0].id, other.id]
                return ClosedMatch(by_name[0], by_name[1], SCORES[by_name[1]])
            if isinstance(by_name, list) and other is not None and other.id in by_name:
                return by_acronym
            return by_name
        if _bare_acronym(raw):
            return self._by_acronym(raw, members)
        content = [w for w in words_of(raw) if not w.stop]
        distinctive = [w for w in content if not w.generic]
        if len(distinctive) == 1 and distinctive[0].upper and _bare_acronym(distinctive[0].raw):
            return self._by_acronym(distinctive[0].raw, members)  # "NFIN Cluster"
        fit = self._by_name(raw, members)
        if isinstance(fit, tuple):
            return ClosedMatch(fit[0], fit[1], SCORES[fit[1]])
        return fit

    def _by_acronym(self, acronym: str, members: list[RegistryEntity]) -> ClosedMatch | list[str] | None:
        letters = _acronym_letters(acronym)
        if len(letters) < 2:
            return None
        own = [m for m in members if letters in {_acronym_letters(a) for a in _own_acronyms(m)}]
        if len(own) == 1:
            return ClosedMatch(own[0], "acronym", SCORES["acronym"])
        if own:
            return [m.id for m in own]
        entity, blocked = self.defined(letters)
        if entity is not None:
            return ClosedMatch(entity, "defined_acronym", SCORES["defined_acronym"])
        if blocked or len(letters) < MIN_INITIALS or not letters.isalpha():
            return None
        fits = [m for m in members if letters in _member_initials(tuple(m.aliases))]
        if len(fits) == 1:
            return ClosedMatch(fits[0], "initials", SCORES["initials"])
        return [m.id for m in fits] or None

    def _by_name(self, text: str, members: list[RegistryEntity]) -> tuple[RegistryEntity, str] | list[str] | None:
        printed = tuple(w for w in words_of(text) if not w.stop)
        if not any(not w.generic for w in printed):
            return None  # "Cluster", "the Association": nothing that tells members apart
        best: dict[str, tuple[int, RegistryEntity]] = {}
        for member in members:
            for alias in member.aliases:
                _, long_name = split_acronym(alias)
                if _bare_acronym(long_name):
                    continue
                rule = _name_rule(printed, tuple(w for w in words_of(long_name) if not w.stop))
                if rule is None:
                    continue
                tier = _TIERS.index(rule)
                if member.id not in best or tier < best[member.id][0]:
                    best[member.id] = (tier, member)
        if not best:
            return None
        top = min(tier for tier, _ in best.values())
        winners = [m for tier, m in best.values() if tier == top]
        if len(winners) == 1 and top > 0:
            # a looser rule reads words in order; another member with the same words in
            # another order ("Water Cluster Lombardy" / "Lombardy Water Cluster") ties
            winners += [m for m in members if m is not winners[0] and _loose_fit(printed, m)]
        if len(winners) == 1:
            return winners[0], _TIERS[top]
        return [m.id for m in winners]

    def _vetoed(self, raw: str, found: ClosedMatch, members: list[RegistryEntity]) -> bool:
        if self.resolver is None or found.rule in {"acronym", "defined_acronym"}:
            return False
        elsewhere = self.resolver.resolve(raw)
        ids = {m.id for m in members}
        return elsewhere.decision == "accept" and elsewhere.entity is not None and elsewhere.entity.id not in ids


# -- words ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def words_of(raw: str) -> tuple[Word, ...]:
    """The words of a printed name, each with its comparable forms."""
    text = unicodedata.normalize("NFKC", raw)
    all_caps = not any(ch.islower() for ch in text)
    lex = lexicon()
    pieces: list[tuple[str, int]] = []
    group, last_end = 0, None
    for match in _TOKEN.finditer(text):
        if last_end is not None and any(ch.isspace() for ch in text[last_end : match.start()]):
            group += 1
        last_end = match.end()
        pieces.append((match.group(), group))
    out: list[Word] = []
    for i, (piece, group) in enumerate(pieces):
        plain = fold(piece).replace(" ", "")
        if not plain:
            continue
        last = i == len(pieces) - 1
        stop = plain in STOP_WORDS and (len(plain) > 1 or piece.islower() or (all_caps and not last))
        generic = not stop and (
            plain in KIND_WORDS or plain in lex.legal_forms or (plain in lex.generic and len(plain) > 3)
        )
        upper = not all_caps and len(piece) > 1 and piece.isupper()
        out.append(Word(piece, fold_transliterated(piece).replace(" ", ""), plain, group, stop, generic, upper))
    return tuple(out)


def _name_rule(printed: tuple[Word, ...], member: tuple[Word, ...]) -> str | None:
    """The strictest rule under which `printed` names the same body as `member`."""
    if not printed or not member:
        return None
    if "".join(w.key for w in printed) == "".join(w.key for w in member):
        return "same_words"
    fit = _align(printed, member)
    if fit is not None and fit.added and any(w.generic and w.plain not in KIND_WORDS and w.plain not in lexicon().legal_forms for w in member):
        fit = None  # "... Cluster" is not another spelling of "... Network"
    if fit is None:
        distinct_p = "".join(w.key for w in printed if not w.generic)
        if distinct_p and distinct_p == "".join(w.key for w in member if not w.generic):
            return "generic_words"  # "ProWood Cluster" / "PRO WOOD"
        return None
    if fit.dropped:
        # The name's first words alone are often a place, not the body ("Upper Austria",
        # "Île-de-France" for "Upper Austria Food Cluster"), and words from its middle a
        # topic ("Automotive Innovation"): a cut-off name keeps three distinctive words
        # or a kind word, a name with words left out in front keeps a kind word.
        has_kind = any(w.generic for w in printed)
        cut_off = all(_relation(p, w) is not None for p, w in zip(printed, member))
        first = next((w for w in member if not w.generic), None)
        keeps_first = first is not None and _relation(printed[0], first) is not None
        if cut_off and not has_kind:
            needed = 3
        elif not keeps_first and not has_kind:
            return None
        else:
            needed = 2
        return "dropped_words" if fit.aligned >= needed and fit.exact >= 1 else None
    if fit.abbreviated or fit.typos:
        return "abbreviation" if fit.exact >= 1 else None
    if fit.dropped_generic or fit.added:
        return "generic_words" if fit.exact >= 1 else None
    return "same_words"


def _align(printed: tuple[Word, ...], member: tuple[Word, ...]) -> _Fit | None:
    """The best in-order pairing of every printed word with a member word; member words
    may be left out, a printed "Cluster" may be extra."""

    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> _Fit | None:
        if i == len(printed):
            rest = member[j:]
            return _Fit(dropped=sum(not w.generic for w in rest), dropped_generic=sum(w.generic for w in rest))
        options: list[_Fit] = []
        p = printed[i]
        if j < len(member):
            relation = _relation(p, member[j])
            if relation is not None:
                after = go(i + 1, j + 1)
                if after is not None:
                    distinct = 0 if p.generic else 1
                    options.append(
                        after.plus(
                            exact=distinct if relation == "exact" else 0,
                            aligned=distinct,
                            abbreviated=int(relation == "abbreviation"),
                            typos=int(relation == "typo"),
                        )
                    )
            skipped = go(i, j + 1)
            if skipped is not None:
                w = member[j]
                options.append(skipped.plus(dropped=0 if w.generic else 1, dropped_generic=1 if w.generic else 0))
        if p.plain in KIND_WORDS:
            extra = go(i + 1, j)
            if extra is not None:
                options.append(extra.plus(added=1))
        return min(options, key=_Fit.cost) if options else None

    return go(0, 0)


def _loose_fit(printed: tuple[Word, ...], member: RegistryEntity) -> bool:
    """Whether every distinctive printed word pairs with a distinct distinctive word of
    one of the member's names, in any order."""
    wanted = [w for w in printed if not w.generic]
    for alias in member.aliases:
        _, long_name = split_acronym(alias)
        free = [w for w in words_of(long_name) if not w.stop and not w.generic]
        if len(free) >= len(wanted) and _pairs_off(wanted, free):
            return True
    return False


def _pairs_off(wanted: list[Word], free: list[Word]) -> bool:
    if not wanted:
        return True
    first, rest = wanted[0], wanted[1:]
    return any(
        _relation(first, w) is not None and _pairs_off(rest, free[:k] + free[k + 1 :]) for k, w in enumerate(free)
    )


def _relation(p: Word, w: Word) -> str | None:
    if p.key == w.key or (p.plain in KIND_WORDS and w.plain in KIND_WORDS):
        return "exact"
    words = lexicon().words
    if (p.plain in words or w.plain in words) and words.get(p.plain, (p.plain,)) == words.get(w.plain, (w.plain,)):
        return "exact"
    if _abbreviates(p.plain, w.plain) or _abbreviates(p.key, w.key):
        return "abbreviation"
    if _typo(p.key, w.key):
        return "typo"
    return None


def _abbreviates(short: str, full: str) -> bool:
    """"tech" for "technology" (a prefix), "assn" for "association" (a contraction:
    first and last letter kept, the others a subsequence)."""
    if len(short) < MIN_ABBREVIATION or len(short) >= len(full) or not short.isalpha():
        return False
    if full.startswith(short):
        return True
    if len(short) > len(full) - 3 or short[0] != full[0]:
        return False
    # British endings swap the last letters ("ctr" for "centre"): the last letter
    # need only come late in the word
    if short[-1] != full[-1] and short[-1] not in full[-3:]:
        return False
    rest = iter(full[1:])
    return all(ch in rest for ch in short[1:])


def _typo(a: str, b: str) -> bool:
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < MIN_TYPO_LENGTH or a[0] != b[0]:
        return False
    allowed = 1 if max(len(a), len(b)) < 10 else 2
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


# -- acronyms ------------------------------------------------------------------------


def _bare_acronym(text: str) -> bool:
    """One token in capitals, digits and & allowed, dots between letters too:
    "NFIN", "LE2C", "ÖCS", "B.M.A.C."."""
    token = text.strip().replace(".", "").replace("&", "")
    if not token or len(token) > 10 or not token.isalnum() or not token[0].isalpha():
        return False
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _acronym_letters(acronym: str) -> str:
    return "".join(ch for ch in fold(acronym).upper() if ch.isalnum())


def _own_acronyms(member: RegistryEntity) -> set[str]:
    own = set(member.acronyms)
    for alias in member.aliases:
        acronym, _ = split_acronym(alias)
        if acronym:
            own.add(acronym)
        elif _bare_acronym(alias):
            own.add(alias)
    return own


@lru_cache(maxsize=4096)
def _member_initials(aliases: tuple[str, ...]) -> frozenset[str]:
    """Every reading of a member's initials: with or without its articles, its generic
    words, and with a hyphenated compound as one word or several."""
    out: set[str] = set()
    for alias in aliases:
        _, long_name = split_acronym(alias)
        if _bare_acronym(long_name):
            continue
        words = words_of(long_name)
        content = [w for w in words if not w.stop]
        for chosen in (words, content, [w for w in content if not w.generic], [w for w in content if w.plain in KIND_WORDS or not w.generic]):
            out.add("".join(w.plain[0] for w in chosen).upper())
            first_of_group = [w for k, w in enumerate(chosen) if k == 0 or chosen[k - 1].group != w.group]
            out.add("".join(w.plain[0] for w in first_of_group).upper())
    return frozenset(i for i in out if len(i) >= MIN_INITIALS)


def definitions_in(text: str) -> list[Definition]:
    """The acronyms `text` defines, with the long names it may define them as. Where
    no long name holds every letter of the acronym, one that holds all but one, the
    first among them, may still be what it defines, if it is a member's full name
    (`Definition.member_name_only`): a document that names two members alike makes
    one acronym unique with a letter of its own."""
    out: list[Definition] = []
    acronym, long_name = split_acronym(text)
    if acronym and len(text.split()) <= 16 and capitalises_its_words(long_name):
        out.append(Definition(acronym, (long_name,), "(" in text))  # a whole table cell; a long name is a name
    for match in _LONG_THEN_ACR.finditer(text):
        acronym = match.group(2)
        if not _bare_acronym(acronym):
            continue
        words = match.group(1).split()
        candidates = [" ".join(words[k:]) for k in range(len(words)) if words[k][:1].isupper()]
        out += _definitions(acronym, candidates, True)
    for pattern, strong in ((_ACR_THEN_PAREN, True), (_ACR_THEN_DASH, False)):
        for match in pattern.finditer(text):
            acronym, long_text = match.group(1), match.group(2)
            if not _bare_acronym(acronym) or _bare_acronym(long_text) or not long_text[:1].isupper():
                continue
            words = long_text.split()
            out += _definitions(acronym, [" ".join(words[:k]) for k in range(len(words), 0, -1)], strong)
    return out


def _definitions(acronym: str, candidates: list[str], strong: bool) -> list[Definition]:
    spans = tuple(span for span in candidates if initials_fit(acronym, span))
    if spans:
        return [Definition(_acronym_letters(acronym), spans, strong)]
    if len(_acronym_letters(acronym)) <= MIN_INITIALS:
        return []
    spans = tuple(span for span in candidates if initials_fit(acronym, span, letters_of_its_own=1))
    return [Definition(_acronym_letters(acronym), spans, strong, member_name_only=True)] if spans else []


def initials_fit(acronym: str, long_name: str, letters_of_its_own: int = 0) -> bool:
    """The acronym's letters appear in order in the long name, its first letter
    starting the long name's first word (after Schwartz & Hearst, 2003); up to
    `letters_of_its_own` letters after the first may be missing from it."""
    letters = [ch for ch in _acronym_letters(acronym).lower() if ch.isalpha()]
    folded = fold(long_name)
    content = [w for w in folded.split() if w not in STOP_WORDS]
    if len(letters) < 2 or not content or content[0][0] != letters[0]:
        return False
    position, missing = folded.index(content[0]) + 1, 0
    for letter in letters[1:]:
        found = folded.find(letter, position)
        if found < 0:
            missing += 1
        else:
            position = found + 1
    return missing <= letters_of_its_own
