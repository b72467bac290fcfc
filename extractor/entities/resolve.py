"""Decide which entity a printed name refers to: accept, review or reject.

Rules that never trade precision for recall; each verdict carries its reason:

- identifiers (numbers, years, roman numerals, a final letter: "Fund II", "Company B",
  "Zone 2", "Industry 4.0") must agree: differing ones mean two bodies, one side's
  only means review;
- acronyms: the same bare acronym; an acronym defined beside the other name ("CWP -
  Catalan Water Partnership"); a bare acronym equal to the initials of the other name's
  content words (articles and prepositions of the main EU languages skipped:
  normalise.name_initials). One acronym defined for two names that disagree is not
  "same"; other letters are different;
- the distinctive words (generic words, legal forms of the ISO 20275 list and stop words
  left out, words of other languages in English: normalise.py) must pair off one to one,
  equal or a plausible typo: one or two letters dropped, doubled or swapped, the first
  letter kept ("Partnerhsip", "ArchEnerg"); a changed letter is not a typo ("Vitalis" /
  "Vitaris" are two brands: review), nor are two dictionary words ("Wood"/"Food");
- a distinctive word on one side only blocks "same" (review: "X University" / "X
  University of Technology", a group and its subsidiary), unless it is a qualifier of
  place (a country or region, pycountry) and two distinctive words are still shared;
- a name cut short (its words begin the other's and it ends on a preposition, or keeps
  its kind word, or the other adds only a capitals abbreviation) is same when two
  distinctive words are shared;
- two kinds of body ("... Association" / "... Council") are review, whatever else agrees;
- one shared word that is a dictionary word or a place ("Energy Cluster" / "Energy
  Association") is review unless the kind words agree too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from .translations import translate_each_other
from .normalise import STOP_WORDS, NameKey, common_english, fold, common_word, name_key, place_words, substitution
from .registry import EntityRegistry, RegistryEntity

ACCEPT = 85.0
REVIEW = 70.0
SUBSET_SCORE = 75.0
PLACE_SCORE = 88.0
INITIALS_SCORE = 92.0
TYPO_SCORE = 92.0
MIN_TYPO_LENGTH = 5
MIN_SHARED_WITH_PLACE = 2
CUT_SCORE = 86.0
COGNATE_STEM = 6
COGNATE_SHARE = 0.6


@dataclass(frozen=True)
class Verdict:
    """How alike two names are (0-100) and why."""

    score: float
    reason: str


@dataclass(frozen=True)
class Candidate:
    entity_id: str
    name: str
    score: float
    reason: str = ""


@dataclass(frozen=True)
class Resolution:
    raw: str
    decision: str  # "accept", "review" or "reject"
    entity: RegistryEntity | None
    score: float
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)


def compare(a: str, b: str) -> float:
    """Similarity (0-100) of two printed names under the rules above."""
    return judge(a, b).score


def judge(a: str, b: str) -> Verdict:
    """Similarity of two printed names and the rule that decided it."""
    return judge_keys(name_key(a), name_key(b))


def decision_for(score: float) -> str:
    return "accept" if score >= ACCEPT else "review" if score >= REVIEW else "reject"


def compare_keys(a: NameKey, b: NameKey) -> float:
    return judge_keys(a, b).score


def judge_keys(a: NameKey, b: NameKey) -> Verdict:
    if a.folded == b.folded and a.acronym == b.acronym and a.identifiers == b.identifiers:
        return Verdict(100.0, "the same name")
    acronyms = _judge_acronyms(a, b)
    if acronyms is not None:
        return acronyms
    if a.compact_all == b.compact_all:
        return Verdict(100.0, "the same letters spaced otherwise")  # "MetaIndustry4" / "Meta Industry 4"
    if a.identifiers != b.identifiers:
        if a.identifiers and b.identifiers:
            return Verdict(0.0, f"identifiers differ: {' '.join(a.identifiers)} / {' '.join(b.identifiers)}")
        words = _judge_words(a, b)
        return Verdict(min(words.score, ACCEPT - 1), f"identifier on one side only ({words.reason})")
    return _judge_words(a, b)


def _judge_acronyms(a: NameKey, b: NameKey) -> Verdict | None:
    """A verdict when either name is or defines an acronym, else None."""
    if a.bare_acronym and b.bare_acronym:
        return Verdict(100.0, "the same acronym") if a.acronym == b.acronym else Verdict(0.0, "different acronyms")
    if a.acronym and b.acronym:
        if a.bare_acronym or b.bare_acronym:
            if a.acronym == b.acronym:
                return Verdict(100.0, "the acronym the other name defines")
            return Verdict(0.0, "another acronym than the one the other name defines")
        words = _judge_words(a, b)
        if a.acronym == b.acronym:
            if words.score >= ACCEPT:
                return Verdict(100.0, f"the same acronym and long name ({words.reason})")
            return Verdict(min(words.score, REVIEW - 1), f"one acronym defined for two names ({words.reason})")
        return Verdict(min(words.score, ACCEPT - 1), f"different acronyms defined ({words.reason})")
    for short, long in ((a, b), (b, a)):
        if short.acronym and not short.bare_acronym and long.tokens == (short.acronym.lower(),) and not long.identifiers:
            return Verdict(100.0, "the acronym the other name defines, with a generic word")  # "TEMA Cluster"
        if not short.bare_acronym:
            continue
        letters = (short.acronym or "").lower()
        if long.compact in (letters, short.compact) or long.compact_all == letters:
            return Verdict(100.0, "the same name in capitals")
        if len(letters) >= 3 and short.acronym in long.initials_variants:
            return Verdict(INITIALS_SCORE, "the initials of the other name's content words")
        return Verdict(0.0, "an acronym that is neither the other name's initials nor defined for it")
    return None


def _judge_words(a: NameKey, b: NameKey) -> Verdict:
    verdict = _judge_distinctive(a, b)
    if verdict.score >= ACCEPT and a.kinds and b.kinds and not a.kinds & b.kinds:
        kinds = f"{' '.join(sorted(a.kinds))} / {' '.join(sorted(b.kinds))}"
        return Verdict(REVIEW + 5, f"kind words differ: {kinds} ({verdict.reason})")
    return verdict


def _judge_distinctive(a: NameKey, b: NameKey) -> Verdict:
    if not a.tokens or not b.tokens:
        return Verdict(0.0, "no distinctive words")
    for brand, full in ((a, b), (b, a)):
        if _brand_with_description(brand, full):
            return Verdict(SUBSET_SCORE + 15, "a name in capitals, then printed with its description")
    if a.compact and a.compact == b.compact and len(a.compact) > 3:
        return _weak_single_word(a, b, Verdict(100.0, "the same distinctive words"))
    if a.compact_all == b.compact_all:
        return Verdict(100.0, "the same letters spaced otherwise")
    free = list(b.tokens)
    extra_a: list[str] = []
    shared: list[str] = []
    typos: list[tuple[str, str]] = []
    near: list[tuple[str, str]] = []
    cognates: list[tuple[str, str]] = []
    for token in a.tokens:
        if token in free:
            free.remove(token)
            shared.append(token)
    rest_a = _minus(list(a.tokens), shared)
    for token in rest_a:
        partner = next((other for other in free if _typo_of(token, other)), None)
        if partner is not None:
            free.remove(partner)
            if not substitution(token, partner) and not (common_word(token) and common_word(partner)):
                typos.append((token, partner))
            elif not substitution(token, partner) and _cognate(token, partner):
                cognates.append((token, partner))  # "laboratories" / "laboratoires"
            else:
                near.append((token, partner))
            continue
        extra_a.append(token)
    extra_b = free
    cognates += _pair_off(extra_a, extra_b, _cognate)
    # A word and its translation in a dictionary are the same word, as two spellings
    # the lexicon maps to one English form are: they count as shared.
    translated: list[tuple[str, str]] = []
    for found in (near, cognates):
        for pair in [p for p in found if translate_each_other(*p)]:
            found.remove(pair)
            translated.append(pair)
    translated += _pair_off(extra_a, extra_b, translate_each_other)
    shared += [x for x, _ in translated]
    if extra_a and extra_b:
        ratio = float(fuzz.token_sort_ratio(a.distinctive, b.distinctive))
        return Verdict(min(ratio, REVIEW - 1), f"distinctive words differ: {' '.join(extra_a)} / {' '.join(extra_b)}")
    if cognates and len(shared) < len(cognates):
        return Verdict(REVIEW + 5, f"alike words of two languages: {', '.join(f'{x}/{y}' for x, y in cognates)}")
    if near:
        pairs = ", ".join(f"{x}/{y}" for x, y in near)
        if extra_a or extra_b or not shared:
            return Verdict(REVIEW - 1 if (extra_a or extra_b) else REVIEW + 5, f"words one letter apart: {pairs}")
        return Verdict(REVIEW + 5, f"words one letter apart: {pairs}")
    extra = extra_a or extra_b
    matched = len(shared) + len(typos)
    if extra:
        places = place_words()
        if all(t in places for t in extra) and len([t for t in shared if t not in places]) >= MIN_SHARED_WITH_PLACE:
            return Verdict(PLACE_SCORE, f"a qualifier of place on one side: {' '.join(extra)}")
        short, long = (b, a) if extra_a else (a, b)
        cut = _cut_short(short, long)
        if cut is not None and len(shared) >= MIN_SHARED_WITH_PLACE:
            return Verdict(CUT_SCORE, cut)
        return Verdict(SUBSET_SCORE, f"a distinctive word on one side only: {' '.join(extra)}")
    if cognates and not typos:
        return Verdict(TYPO_SCORE, f"the same word in two languages: {', '.join(f'{x}/{y}' for x, y in cognates)}")
    if typos:
        pairs = ", ".join(f"{x}/{y}" for x, y in typos + cognates)
        return Verdict(TYPO_SCORE if matched > len(typos) or len(typos[0][0]) >= 6 else REVIEW + 5, f"a typo: {pairs}")
    if translated:
        return _weak_single_word(a, b, Verdict(100.0, f"the same words in two languages: {', '.join(f'{x}/{y}' for x, y in translated)}"))
    return _weak_single_word(a, b, Verdict(100.0, "the same distinctive words"))


def _cut_short(short: NameKey, long: NameKey) -> str | None:
    """Why the shorter name reads as the longer one cut short, or None: its printed words
    begin the longer name and it ends on an article or preposition ("Japanese Chamber
    of"), or carries its kind word ("Indian Association of Water"); or the longer name
    adds only an abbreviation printed in capitals at its end ("Saigon Electronics JSC": a
    legal form the lists lack, or the body's own acronym)."""
    short_words, long_words = short.folded.split(), long.folded.split()
    if long_words[: len(short_words)] != short_words or long.identifiers:
        return None
    if short_words[-1] in STOP_WORDS and len(short_words) >= 3:
        return "a name cut short after an article or preposition"
    if short.kinds:
        return "the first words of the other name, with its kind word"
    tail = long.raw.split()[len(short.raw.split()) :]
    if len(tail) == 1 and 2 <= len(tail[0]) <= 4 and tail[0].isalpha() and tail[0].isupper():
        return "an abbreviation in capitals after the same name"
    return None


def _brand_with_description(brand: NameKey, full: NameKey) -> bool:
    """"PRO WOOD" / "PRO WOOD Regional Wood Cluster": a name printed in capitals that
    another name begins with, followed by a description ending in a kind word, the way
    "TEMA - Advanced Materials Cluster" defines "TEMA"."""
    printed = brand.raw.strip()
    if not brand.capitals or not full.kinds or not full.raw.startswith(printed + " "):
        return False
    tail = full.raw[len(printed) :].split()
    return bool(full.kinds) and fold(tail[-1]) in full.kinds and not full.identifiers


def _weak_single_word(a: NameKey, b: NameKey, verdict: Verdict) -> Verdict:
    """Review when all the two names share is one English word or a place (names of
    other languages are compared in English) and their kind words differ ("Energy
    Cluster" / "Energy Association", "Madrid" / "Cluster Madrid")."""
    if len(a.tokens) == 1 and len(b.tokens) == 1 and a.kinds != b.kinds:
        token = a.tokens[0]
        if common_english(token) or token in place_words():
            return Verdict(REVIEW + 5, f"one common word shared ({token}), kind words differ")
    return verdict


def _pair_off(extra_a: list[str], extra_b: list[str], alike) -> list[tuple[str, str]]:
    """Words of the two sides that `alike` pairs, one to one; they leave both lists."""
    pairs = []
    for token in list(extra_a):
        partner = next((other for other in extra_b if alike(token, other)), None)
        if partner is not None:
            extra_a.remove(token)
            extra_b.remove(partner)
            pairs.append((token, partner))
    return pairs


def _minus(tokens: list[str], taken: list[str]) -> list[str]:
    rest = list(tokens)
    for token in taken:
        rest.remove(token)
    return rest


def _cognate(a: str, b: str) -> bool:
    """One word in two languages, by its stem: a common beginning of six letters or more
    and of at least 60 % of the longer word ("logistyki"/"logistics", "mobilidade"/
    "mobility"), where the lexicon does not know the word; never two English words
    ("technology"/"technical" differ at the fifth letter anyway)."""
    stem = 0
    for x, y in zip(a, b):
        if x != y:
            break
        stem += 1
    if stem < COGNATE_STEM or stem < COGNATE_SHARE * max(len(a), len(b)):
        return False
    return not (common_english(a) and common_english(b))


def _typo_of(a: str, b: str) -> bool:
    """One or two edits apart (two from ten letters), the first letter kept; a dictionary
    word mistyped when letters are dropped, doubled or swapped (not changed: a changed
    letter as often makes another word or brand, so it is left to review)."""
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < MIN_TYPO_LENGTH or a[0] != b[0]:
        return False
    allowed = 1 if max(len(a), len(b)) < 10 else 2
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


class Resolver:
    """Resolves names against a registry.

    Candidates come from an index (exact acronym, initials and compact-form look-ups,
    then rapidfuzz `cdist` over the distinctive words, vectorised and cut off); only
    those few are scored by the full rules, so resolving is not a loop over every
    entity in Python.
    """

    def __init__(self, registry: EntityRegistry, candidates: int = 12, cutoff: int = 45):
        self.registry = registry
        self.limit = candidates
        self.cutoff = cutoff
        self._index: _Index | None = None
        self._version = -1

    def _current_index(self) -> "_Index":
        if self._index is None or self._version != self.registry.version:
            self._index = _Index(list(self.registry.entities.values()))
            self._version = self.registry.version
        return self._index

    def score_against(self, raw: str, entities: Iterable[RegistryEntity]) -> list[Candidate]:
        """Full-rule scores of `raw` against each of `entities` (no index)."""
        query = name_key(raw)
        return _ranked(query, entities)

    def resolve(self, raw: str, scope: Iterable[RegistryEntity] | None = None) -> Resolution:
        """Match `raw` against `scope` (default: the whole registry, through the index).

        An accepted match must stand clear of the runner-up; otherwise it is review.
        """
        if scope is not None:
            return _decide(raw, self.score_against(raw, scope), self.registry)
        return self.resolve_many([raw])[0]

    def resolve_many(self, raws: list[str]) -> list[Resolution]:
        """Resolve many names against the whole registry at once."""
        index = self._current_index()
        shortlists = index.shortlists([name_key(r) for r in raws], self.limit, self.cutoff)
        return [
            _decide(raw, _ranked(name_key(raw), (index.entities[i] for i in ids)), self.registry)
            for raw, ids in zip(raws, shortlists)
        ]


def _ranked(query: NameKey, entities: Iterable[RegistryEntity]) -> list[Candidate]:
    found = []
    for entity in entities:
        if query.raw in entity.aliases:
            verdict = Verdict(100.0, RECORDED)
        else:
            verdict = max((judge_keys(query, key) for key in entity.keys()), key=lambda v: v.score, default=Verdict(0.0, ""))
            if query.acronym and query.acronym in entity.acronyms and (query.bare_acronym or verdict.score >= ACCEPT):
                verdict = Verdict(100.0, "an acronym learned for this entity")
        if verdict.score >= REVIEW - 10:
            found.append(Candidate(entity.id, entity.name, round(verdict.score, 1), verdict.reason))
    found.sort(key=lambda c: (-c.score, c.name))
    return found


RECORDED = "a spelling recorded for this entity"


def _decide(raw: str, candidates: list[Candidate], registry: EntityRegistry) -> Resolution:
    if not candidates:
        return Resolution(raw, "reject", None, 0.0, ())
    recorded = [c for c in candidates if c.reason == RECORDED]
    if len(recorded) == 1:  # a person's merge or alias, or an earlier run's decision, holds
        return Resolution(raw, "accept", registry.get(recorded[0].entity_id), 100.0, tuple(candidates[:5]))
    top = candidates[0]
    rivals = [c for c in candidates[1:] if c.score >= top.score - 2 and c.score >= ACCEPT]
    decision = decision_for(top.score)
    if decision == "accept" and rivals:
        decision = "review"
    entity = registry.get(top.entity_id) if decision == "accept" else None
    return Resolution(raw, decision, entity, top.score, tuple(candidates[:5]))


class _Index:
    """Look-up tables over every alias of every entity."""

    def __init__(self, entities: list[RegistryEntity]):
        self.entities = entities
        self.by_exact: dict[str, set[int]] = {}
        self.texts: list[str] = []
        self.owner: list[int] = []
        for i, entity in enumerate(entities):
            for key in entity.keys():
                for exact in filter(None, (key.acronym, key.initials if len(key.initials) >= 3 else None, key.compact, key.compact_all)):
                    self.by_exact.setdefault(exact, set()).add(i)
                self.texts.append(" ".join(sorted(key.tokens)))
                self.owner.append(i)
            for acronym in entity.acronyms:
                self.by_exact.setdefault(acronym, set()).add(i)

    def shortlists(self, queries: list[NameKey], limit: int, cutoff: int) -> list[list[int]]:
        import numpy as np
        from rapidfuzz import process

        results: list[list[int]] = [[] for _ in queries]
        for q, query in enumerate(queries):
            for exact in filter(None, (query.acronym, query.compact, query.compact_all, query.initials if len(query.initials) >= 3 else None)):
                results[q].extend(self.by_exact.get(exact, ()))
        if self.texts:
            owner = np.asarray(self.owner)
            chunk = 2000
            for start in range(0, len(queries), chunk):
                part = [" ".join(sorted(k.tokens)) for k in queries[start : start + chunk]]
                scores = process.cdist(part, self.texts, scorer=fuzz.ratio, dtype=np.uint8, workers=-1, score_cutoff=cutoff)
                take = min(limit, scores.shape[1])
                best = np.argpartition(255 - scores, take - 1, axis=1)[:, :take] if take < scores.shape[1] else np.tile(np.arange(scores.shape[1]), (len(part), 1))
                for row, columns in enumerate(best):
                    hits = [owner[c] for c in columns if scores[row, c] > 0]
                    results[start + row].extend(int(h) for h in hits)
        return [list(dict.fromkeys(ids)) for ids in results]
