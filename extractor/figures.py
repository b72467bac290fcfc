"""Stated figures by meaning: which number in a sentence is which key figure.

Writers of this report family word the same figure in many ways ("28 SMEs benefited
directly", "direct benefits were reported for twenty-eight SMEs", "the number of SMEs
that benefited directly was 28"). A rule of the profile therefore names, per key, the
*meaning* of the figure rather than one wording:

- `counts`: what the number counts (stems of nouns: SME, cluster, agreement ...);
- `cues`: groups of words of which the number's clause must hold one each, in any
  order and position (benefit + direct; complete/answer + survey/questionnaire ...);
- `prefer`: groups that make a reading likelier when present (a tie-breaker);
- `none`: words that rule the reading out (not, could, future, indirect, N/A ...);
- `roles`: where the number may stand in an "N of M" phrase: `plain`, `part` (N),
  `whole` (M);
- `percent`: the figure is a percentage (a rate 0..1) instead of a count;
- `whole_of`: this key is the M of an "N of M" whose N is one of the named keys
  (participants are the whole whose part are the respondents).
- `only_zero`: the rule reads only a zero ("none of the clusters signed a formal
  agreement" states 0 agreements; "two clusters signed" does not state 2).

Words are compared by their stems (`stem`), a small suffix-stripping normaliser, so
"benefited", "benefits", "benefiting" and "benefit" are one word and so are
"SMEs"/"SME", "completed"/"complete", "companies"/"company". The profile's own words
go through the same normaliser, so they are written in their natural form.

The machinery that does not depend on the family (number words, percentages,
"N of M" phrases, years, dates and table numbers that are not figures, the clause
each number owns) is here; the vocabulary is in the profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from spacy.tokens import Span, Token

# --- the stem normaliser ------------------------------------------------------------

# Irregular verb forms that the suffix rules cannot reach.
IRREGULAR_VERBS = {
    "took": "take", "taken": "take", "taking": "take", "takes": "take",
    "made": "make", "making": "make", "gave": "give", "given": "give", "giving": "give",
    "brought": "bring", "came": "come", "coming": "come", "went": "go", "gone": "go",
    "sent": "send", "got": "get", "gotten": "get", "began": "begin", "begun": "begin",
    "met": "meet", "held": "hold", "won": "win", "saw": "see", "seen": "see",
    "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "being": "be", "am": "be",
    "has": "have", "had": "have", "having": "have", "did": "do", "does": "do", "done": "do",
    "chose": "choose", "chosen": "choose", "wrote": "write", "written": "write",
    "sought": "seek", "found": "find", "led": "lead", "built": "build",
    "noted": "note", "noting": "note",
    "travelled": "travel", "travelling": "travel", "traveled": "travel", "traveling": "travel",
}
# Other words the suffix rules would get wrong.
IRREGULAR = {
    **IRREGULAR_VERBS,
    "smes": "sme", "sme's": "sme", "smes'": "sme", "data": "data", "media": "media",
    "per": "per", "this": "this", "thus": "thus", "us": "us", "its": "its", "as": "as",
    "less": "less", "unless": "unless", "news": "news", "analysis": "analysis", "basis": "basis",
    "process": "process", "success": "success", "access": "access", "business": "business",
    "note": "note", "notes": "note",
}
_VOWELS = set("aeiouy")


def stem(word: str) -> str:
    """A lower-case stem shared by a word's inflected forms (plural, -ed, -ing, -ly).

    Not a linguist's lemma: "complete", "completed" and "completing" all give
    "complet". What matters is that a form and the profile's word give the same stem.
    """
    lower = word.lower().replace("\u2019", "'")
    if lower in IRREGULAR:
        return _trim_e(IRREGULAR[lower])
    w = lower
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    elif w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    elif w.endswith("ing") and len(w) > 5 and _VOWELS & set(w[:-3]):
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) > 4 and _VOWELS & set(w[:-2]):
        w = _undouble(w[:-2])
    w = _trim_e(w)
    # never turn a content word into a function word ("noted" is not "not")
    return lower if w in STOPWORDS and lower not in STOPWORDS else w


def _trim_e(w: str) -> str:
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        trimmed = w[:-1]
        return w if trimmed in STOPWORDS else trimmed
    return w


def _undouble(w: str) -> str:
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsfz" + "aeiou":
        return w[:-1]
    return w


if not Token.has_extension("stem"):
    # Usable in Matcher patterns as {"_": {"stem": "benefit"}}.
    Token.set_extension("stem", getter=lambda token: stem(token.text))


# --- numbers --------------------------------------------------------------------------

ONES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
ZERO_WORDS = {"no", "none", "nil", "any"}  # "any" only after a negation
NEGATORS = {"not", "n't", "never", "without"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z])[.,;:]?\d{1,2}$|(?<=^[a-z])\.$")  # "benefited.3"; "A." of "N/A."
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
# A number right after one of these words labels a thing, it is not a figure.
LABEL_WORDS = {
    "table", "tables", "figure", "figures", "fig", "fig.", "annex", "annexe", "appendix", "page",
    "pages", "p.", "pp.", "p", "section", "sections", "chapter", "no.", "nr.", "nr", "n°",
    "item", "question", "questions", "point", "step", "phase", "article", "art.",
    "deliverable", "d.", "version", "level", "row", "column", "footnote", "note", "chart",
    "graph", "box", "wave", "round", "edition", "horizon", "year", "day", "week", "month", "#",
}
# A number after these words is not the figure itself: a complement ("all but two"), an
# open bound ("more than 150 participants"), a change ("decreased by 50%"). An estimate
# ("up to 135 SMEs could benefit", "about 60") is how a report states that figure.
HEDGES = (
    ("all", "but"), ("except",), ("except", "for"), ("apart", "from"), ("other", "than"),
    ("more", "than"), ("less", "than"), ("fewer", "than"), ("over",), ("under",), ("at", "least"),
    ("at", "most"), ("by",), ("+",),
)
COMPARISONS = {"vs", "vs.", "versus", "against"}
STOPWORDS = set(
    """a an the of to in on for from with by at as and or but nor that which who whom whose
    these those this them their its it they we our you he she his her is are was were be been
    being have has had do does did could would should may might will shall can must not n't
    no so than then also only each all both more most some such out up into over per about
    while whilst whereas including include includes there here what when where how why if
    because since after before during through among between against without within via
    already still yet just even further other another any every either neither same own""".split()
)


def word_number(lowers: list[str], spaces: list[bool], i: int) -> tuple[int, int] | None:
    """(value, end) of the English number words starting at token i: "fourteen",
    "twenty-two", "twenty two", "one hundred and thirty-five", "a dozen", "two dozen"."""
    n = len(lowers)

    def below_100(j: int) -> tuple[int, int] | None:
        if j >= n:
            return None
        w = lowers[j]
        if w in TENS:
            value, k = TENS[w], j + 1
            if k + 1 < n and lowers[k] == "-" and not spaces[j] and not spaces[k] and 1 <= ONES.get(lowers[k + 1], 0) <= 9:
                return value + ONES[lowers[k + 1]], k + 2
            if k < n and 1 <= ONES.get(lowers[k], 0) <= 9:
                return value + ONES[lowers[k]], k + 1
            return value, k
        if w in ONES:
            return ONES[w], j + 1
        return None

    dozen = {("a", "dozen"): 12, ("half", "a", "dozen"): 6}
    for words, value in dozen.items():
        if tuple(lowers[i : i + len(words)]) == words:
            return value, i + len(words)
    first = below_100(i)
    if first is None:
        return None
    value, k = first
    if k < n and lowers[k] == "dozen" and 1 <= value <= 9:  # "two dozen"
        return value * 12, k + 1
    if k < n and lowers[k] == "hundred" and 1 <= value <= 9:
        value, k = value * 100, k + 1
        m = k + 1 if k < n and lowers[k] == "and" else k
        rest = below_100(m)
        if rest and rest[0] > 0:
            value, k = value + rest[0], rest[1]
    if k < n and lowers[k] == "thousand" and 1 <= value <= 999:
        value, k = value * 1000, k + 1
    return value, k


@dataclass
class Mention:
    """A number in a sentence (token offsets relative to the sentence)."""

    start: int
    end: int
    value: float | int
    percent: bool = False
    role: str = "plain"
    whole: "Mention | None" = None
    noun: str | None = None  # stem of the noun it counts
    noun_kind: str = "unknown"  # explicit, inherited, unknown, other
    paren: bool = False
    territory: tuple[int, int] = (0, 0)
    borrowed: tuple[int, int] | None = None  # an elliptic number's antecedent clause
    antecedent: "Mention | None" = None  # the number whose noun it took
    negator: int | None = None  # the "not" of "not ... any", part of the number
    group: int = -1

    @property
    def is_count(self) -> bool:
        return not self.percent


def find_numbers(lowers: list[str], texts: list[str], spaces: list[bool]) -> list[Mention]:
    """Every number of a sentence that may be a figure, with percentages marked."""
    n = len(lowers)
    found: list[Mention] = []
    i = 0
    while i < n:
        w, text = lowers[i], texts[i]
        value: float | int | None = None
        end = i + 1
        fraction = _FRACTION.match(text)
        if _DIGITS.match(text):
            value = int(text.replace(",", ""))
        elif _DOT_THOUSANDS.match(text):
            value = int(text.replace(".", ""))
        elif _DECIMAL.match(text):
            value = float(text)
        elif fraction:
            part, whole = int(fraction.group(1)), int(fraction.group(2))
            if 0 < whole and part <= whole and not _excluded(lowers, texts, spaces, i, i + 1):
                a = Mention(i, i + 1, part, role="part")
                b = Mention(i, i + 1, whole, role="whole")
                a.whole = b
                found += [a, b]
            i += 1
            continue
        elif w in ONES or w in TENS or w in ("a", "half"):
            parsed = word_number(lowers, spaces, i)
            if parsed:
                value, end = parsed
        elif w in ZERO_WORDS:
            value = 0
        elif w == "not" and lowers[i + 1 : i + 3] == ["a", "single"]:
            value, end = 0, i + 3  # "not a single formal agreement"
        elif w == "not" and lowers[i + 1 : i + 2] == ["one"]:
            value, end = 0, i + 2
        negator = None
        if w == "any":
            # "did not sign any formal agreement": 0, and the "not" is the number's own
            negator = next((k for k in range(i - 1, max(-1, i - 5), -1) if lowers[k] in NEGATORS), None)
            if negator is not None:
                value = 0
        if value is None or _excluded(lowers, texts, spaces, i, end):
            i += 1
            continue
        mention = Mention(i, end, value, negator=negator)
        sign = _percent_sign(lowers, end)
        if sign:
            mention.percent, mention.end = True, end + sign
        found.append(mention)
        i = mention.end
    return found


def _percent_sign(lowers: list[str], at: int) -> int:
    """How many tokens from `at` say "per cent": "%", "percent", "per cent", "pct",
    "p.c." (however the tokenizer cut its dots: "p.c", "p." "c."); 0 when none."""
    bare = [t.replace(".", "") for t in lowers[at : at + 2]]
    if bare[:1] and bare[0] in ("%", "percent", "pct", "pc"):
        return 1
    if bare[:2] in (["per", "cent"], ["p", "c"]):
        return 2
    return 0


def _excluded(lowers: list[str], texts: list[str], spaces: list[bool], i: int, end: int) -> bool:
    """Numbers that are not figures: years, dates, labels (Table 3), footnote marks,
    ordinals and compounds (3rd-country, a 3-day mission), "no" that is an answer."""
    n = len(lowers)
    w, text = lowers[i], texts[i]
    prev = lowers[i - 1] if i > 0 else None
    nxt = lowers[end] if end < n else None
    if w in ZERO_WORDS:
        # "no" quantifies only when a word other than a function word follows it
        # ("no formal agreements"); "answered no to the question" is an answer.
        return w == "no" and (nxt is None or nxt in STOPWORDS or nxt in ("one", "longer") or not nxt[:1].isalpha())
    if text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2099:
        return True  # a year
    if prev in MONTHS or nxt in MONTHS:
        return True  # a date
    if prev is not None and (prev in LABEL_WORDS or prev.rstrip(".") in LABEL_WORDS):
        return True  # Table 3, page 12, Figure 4
    if prev == "no" and texts[i - 1] == "No":
        return True  # No 3
    if i > 0 and not spaces[i - 1] and text[:1].isdigit():
        before = texts[i - 1]
        if before[-1:].isalpha() or before in (".", ",", ";", ":", "*", "†", ")", "]"):
            return True  # a footnote mark glued to the word or punctuation before it
        if before in ("-", "–", "/") and i > 1 and texts[i - 2][-1:].isalnum() and not spaces[i - 2]:
            return True  # part of a name or a range: COVID-19, 2-3
    if end < n and texts[end] in ("-", "–") and not spaces[end - 1] and end + 1 < n and lowers[end + 1][:1].isalpha():
        if not (w in TENS):
            return True  # a compound modifier: 3-day, 5-year
    if w == "one" and end == i + 1 and any(t in ("a", "an", "the", "this", "that", "each", "every", "any", "no") for t in lowers[max(0, i - 2) : i]):
        return True  # a pronoun: "an indirect one", "the one"
    if nxt in ("st", "nd", "rd", "th", "°", "+"):
        return True
    for hedge in HEDGES:
        if i >= len(hedge) and tuple(lowers[i - len(hedge) : i]) == hedge:
            if hedge == ("by",) and not (end < n and lowers[end] in ("%", "percent", "per")):
                continue  # only a change "by 50%" ("reported by 4 clusters" is a figure's agent)
            return True
    if prev in COMPARISONS or nxt in COMPARISONS:
        return True  # "44 vs 20"
    if i == 0 and text.isdigit() and nxt is not None and texts[end][:1].isupper() and nxt in STOPWORDS:
        return True  # a footnote number opening its note: "3 The clusters ..."
    return False


# --- rules ----------------------------------------------------------------------------

ROLES = ("plain", "part", "whole")
RULE_FIELDS = {"counts", "cues", "prefer", "none", "roles", "percent", "whole_of", "only_zero"}

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    key: str
    counts: frozenset[str] = frozenset()
    cues: tuple[tuple[Phrase, ...], ...] = ()
    prefer: tuple[tuple[Phrase, ...], ...] = ()
    none: tuple[Phrase, ...] = ()
    roles: frozenset[str] = frozenset({"plain", "part"})
    percent: bool = False
    whole_of: tuple[str, ...] = ()
    only_zero: bool = False


def check_rule(key: str, spec: Any, keys: Iterable[str]) -> list[str]:
    """What is wrong with one rule of the profile (empty when nothing)."""
    problems = []
    if not isinstance(spec, dict):
        return [f"{key}: a rule is a mapping, not {type(spec).__name__}"]
    unknown = set(spec) - RULE_FIELDS
    if unknown:
        problems.append(f"{key}: unknown rule fields {sorted(unknown)}")
    for name in ("counts", "none", "roles", "whole_of"):
        value = spec.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{key}: {name} must be a list of words")
    for name in ("cues", "prefer"):
        value = spec.get(name, [])
        if not isinstance(value, list) or not all(
            isinstance(g, list) and g and all(isinstance(v, str) for v in g) for g in value
        ):
            problems.append(f"{key}: {name} must be a list of groups (lists) of words")
    if not set(spec.get("roles", []) or []) <= set(ROLES):
        problems.append(f"{key}: roles are {', '.join(ROLES)}")
    keys = set(keys)
    for other in spec.get("whole_of", []) or []:
        if isinstance(other, str) and other not in keys:
            problems.append(f"{key}: whole_of names {other!r}, not a key figure")
    for name in ("percent", "only_zero"):
        if not isinstance(spec.get(name, False), bool):
            problems.append(f"{key}: {name} is true or false")
    if not spec.get("percent") and not spec.get("counts"):
        problems.append(f"{key}: a count rule names what it counts (counts)")
    return problems


def compile_rule(key: str, spec: dict, tokenize, lemmas: bool = True) -> Rule:
    def norm(word: str) -> str:
        return stem(word) if lemmas else word.lower()

    def phrase(text: str) -> Phrase:
        return tuple(norm(t.text) for t in tokenize(text))

    def groups(name: str) -> tuple[tuple[Phrase, ...], ...]:
        return tuple(tuple(phrase(w) for w in group) for group in spec.get(name, []) or [])

    return Rule(
        key=key,
        counts=frozenset(p for w in spec.get("counts", []) or [] for p in phrase(w)[-1:]),
        cues=groups("cues"),
        prefer=groups("prefer"),
        none=tuple(phrase(w) for w in spec.get("none", []) or []),
        roles=frozenset(spec.get("roles") or (["plain"] if spec.get("percent") else ["plain", "part"])),
        percent=bool(spec.get("percent", False)),
        whole_of=tuple(spec.get("whole_of", []) or []),
        only_zero=bool(spec.get("only_zero", False)),
    )


# --- one sentence -------------------------------------------------------------------

BOUNDARIES = {",", ";", ":", "while", "whilst", "whereas", "but", "and", "that", "which", "who",
              "whom", "although", "though", "or", "–", "—"}
WHOLE_PRONOUNS = {"them", "which", "whom", "these", "those", "us", "it"}
DETERMINERS = {"the", "these", "those", "all", "its", "their", "our"}


@dataclass
class Sentence:
    """A sentence's tokens as the rules see them."""

    texts: list[str]
    lowers: list[str]
    stems: list[str]
    spaces: list[bool]
    asides: frozenset[int] = frozenset()  # tokens of parentheses that hold a number
    last_noun: str | None = None  # the noun its last count counts

    @classmethod
    def of(cls, span: Span, lemmas: bool = True) -> "Sentence":
        texts = [t.text for t in span]
        lowers = [t.lower_ for t in span]
        words = [_FOOTNOTE_MARK.sub("", t) for t in lowers]
        stems = [stem(t) if lemmas else t for t in words]
        return cls(texts, lowers, stems, [bool(t.whitespace_) for t in span])

    def __len__(self) -> int:
        return len(self.texts)


@dataclass
class Reading:
    key: str
    mention: Mention
    score: float


def read_sentence(
    sent: Sentence, rules: dict[str, list[Rule]], nouns: frozenset[str], context: str | None = None
) -> list[tuple[str, Mention]]:
    """(key, mention) of every key figure the sentence states. `context` is the noun
    the sentence before counted ("12 of them", "12 answered" then count it too); the
    sentence's own last counted noun is left in `sent.last_noun`."""
    mentions = find_numbers(sent.lowers, sent.texts, sent.spaces)
    if not mentions:
        return []
    _structure(sent, mentions)
    _nouns(sent, mentions, nouns, context)
    # "no result", "not any further benefits": a zero of something no rule counts
    mentions = [m for m in mentions if not (m.value == 0 and not m.percent and (
        m.noun_kind == "other" or (m.noun_kind != "explicit" and sent.lowers[m.start] in ("no", "any"))))]
    if not mentions:
        return []
    sent.last_noun = next(
        (m.noun for m in reversed(mentions) if not m.percent and m.noun_kind in ("explicit", "inherited")), context
    )
    _territories(sent, mentions)
    sent.asides = _asides(sent, mentions)
    readings: list[Reading] = []
    distributive = [m for m in mentions if _distributive(sent, m)]
    for mention in mentions:
        if any(mention is d or mention.antecedent is d for d in distributive):
            continue  # "2 agreements each, while the others declared one"
        for key, key_rules in rules.items():
            scores = [s for s in (_score(sent, mention, rule) for rule in key_rules) if s is not None]
            best = max(scores, default=None)
            if best is not None:
                readings.append(Reading(key, mention, best))
    readings.sort(key=lambda r: (-r.score, r.mention.start))
    taken: dict[str, Mention] = {}
    used: set[int] = set()
    for reading in readings:
        if reading.key in taken or id(reading.mention) in used:
            continue
        taken[reading.key] = reading.mention
        used.add(id(reading.mention))
    # the whole of an "N of M" whose part is a known key
    for key, key_rules in rules.items():
        if key in taken:
            continue
        for rule in key_rules:
            for part_key in rule.whole_of:
                part = taken.get(part_key)
                whole = part.whole if part is not None else None
                if whole is not None and id(whole) not in used and whole.is_count and rule.percent is False:
                    if isinstance(whole.value, int):
                        taken[key] = whole
                        used.add(id(whole))
                        break
            if key in taken:
                break
    return sorted(taken.items(), key=lambda kv: kv[1].start)


def _structure(sent: Sentence, mentions: list[Mention]) -> None:
    """Mark the parts and wholes of "N of (the) M", "N X out of M", "Out of the M X, N",
    "M X, N of them/which", "N of the X"; and numbers inside parentheses."""
    lowers = sent.lowers
    n = len(lowers)
    counts = [m for m in mentions if m.is_count and m.role == "plain"]
    by_start = {m.start: m for m in counts}
    group = 0
    for m in mentions:
        opened = sum(1 for t in lowers[: m.start] if t == "(") - sum(1 for t in lowers[: m.start] if t == ")")
        m.paren = opened > 0
    for m in mentions:
        if m.whole is not None and m.group < 0:  # a fraction 12/14
            m.group = m.whole.group = group
            group += 1
    for idx, m in enumerate(counts):
        if m.role != "plain":
            continue
        j = m.end
        if j < n and lowers[j] == "out":
            j += 1
        if j < n and lowers[j] == "of":
            k = j + 1
            if k < n and lowers[k] in DETERMINERS:
                k += 1
            whole = by_start.get(k)
            if whole is not None and whole is not m and whole.role == "plain":
                _pair(m, whole, group)
                group += 1
                continue
            if k < n and lowers[k] in WHOLE_PRONOUNS and k == j + 1:
                previous = [c for c in counts[:idx] if c.role in ("plain", "whole")]
                m.role = "part"
                if previous:
                    m.whole = previous[-1]
                    if previous[-1].role == "plain":
                        previous[-1].role = "whole"
                continue
            if lowers[j - 1] == "of" and k < n and lowers[k - 1] in DETERMINERS:
                m.role = "part"  # "12 of the participants"
                continue
        # "12 clusters out of 14"
        for k in range(m.end, min(m.end + 4, n - 2)):
            if lowers[k] in (",", ";", ".", "(", ")"):
                break
            if lowers[k] == "out" and lowers[k + 1] == "of":
                t = k + 2
                if t < n and lowers[t] in DETERMINERS:
                    t += 1
                whole = by_start.get(t)
                if whole is not None and whole.role == "plain":
                    _pair(m, whole, group)
                    group += 1
                break
    # "Out of the 14 participants, 12 ..." / "Of the 22 agreements reported, 20 ..."
    for idx, m in enumerate(counts):
        if m.role != "plain":
            continue
        k = m.start - 1
        if k >= 0 and lowers[k] in DETERMINERS:
            k -= 1
        if k < 0 or lowers[k] != "of":
            continue
        before = k - 1
        if before >= 0 and lowers[before] == "out":
            before -= 1
        if before >= 0 and lowers[before] not in (",", ";", "that", "(") :
            continue
        comma = next((t for t in range(m.end, n) if lowers[t] in (",", ";")), None)
        if comma is None:
            continue
        part = next((c for c in counts[idx + 1:] if c.start > comma and c.role == "plain"), None)
        if part is not None:
            _pair(part, m, group)
            group += 1


def _pair(part: Mention, whole: Mention, group: int) -> None:
    part.role, whole.role = "part", "whole"
    part.whole = whole
    part.group = whole.group = group


def _nouns(sent: Sentence, mentions: list[Mention], nouns: frozenset[str], context: str | None = None) -> None:
    """The noun each count counts: the known noun after it (modifiers skipped), the
    noun of its whole, or of the number before it when it stands alone (ellipsis:
    "14 clusters took part and 12 answered")."""
    lowers, stems = sent.lowers, sent.stems
    n = len(lowers)
    for m in mentions:
        if m.percent:
            continue
        noun, kind = None, "unknown"
        j = m.end
        # "N of the X" / "N of them"
        if j < n and lowers[j] in ("out", "of"):
            k = j + (2 if lowers[j] == "out" and j + 1 < n and lowers[j + 1] == "of" else 1)
            while k < n and lowers[k] in DETERMINERS:
                k += 1
            while k + 1 < n and lowers[k + 1] in POSSESSIVE_MARKS:
                k += 2  # "8 of the delegation's clusters": the possessor is no count noun
            noun, kind = _noun_after(sent, k, nouns)
        else:
            noun, kind = _noun_after(sent, j, nouns)
        m.noun, m.noun_kind = noun, kind
    for m in mentions:
        # "3 of the 7 meetings": the part counts what its whole counts
        if not m.percent and m.noun_kind == "unknown" and m.whole is not None and m.whole.noun_kind == "other":
            m.noun, m.noun_kind = m.whole.noun, "other"
    previous: Mention | None = None
    for m in mentions:
        if m.percent:
            continue
        if m.noun_kind == "unknown":
            source = m.whole if m.whole is not None and m.whole.noun_kind == "explicit" else previous
            if source is not None and source.noun_kind in ("explicit", "inherited"):
                m.noun, m.noun_kind, m.antecedent = source.noun, "inherited", source
            elif source is None and context is not None and context in nouns:
                m.noun, m.noun_kind = context, "inherited"
        if m.whole is not None and m.whole.noun_kind == "unknown" and m.noun_kind == "explicit":
            m.whole.noun, m.whole.noun_kind = m.noun, "inherited"
        previous = m


def _noun_after(sent: Sentence, j: int, nouns: frozenset[str]) -> tuple[str | None, str]:
    """The noun a number at j counts: the last known noun of the words after it
    ("2 formal cooperation agreements" counts agreements), or the first other word
    ("3 countries"), or nothing when a verb or a function word follows ("12 answered")."""
    lowers, stems = sent.lowers, sent.stems
    n = len(lowers)
    first_content = None
    found = None
    for k in range(j, min(j + 6, n)):
        w = lowers[k]
        if found is None and w in ("-", "and", "/", "&") and first_content is not None:
            continue  # "small and medium-sized enterprises"
        if w in ("further", "other", "more", "additional", "new", "single", "own", "such"):
            continue
        if not w[:1].isalpha() or w in STOPWORDS or _verbish(w):
            break
        if stems[k] in nouns:
            found = stems[k]
        elif found is not None:
            break
        if first_content is None:
            first_content = w
    if found is not None:
        return found, "explicit"
    if first_content is not None:
        return first_content, "other"
    if j < n and lowers[j] in ("is", "are", "was", "were") and j + 1 < n and lowers[j + 1] not in STOPWORDS:
        noun, kind = _noun_after(sent, j + 1, nouns)  # "of which 60 were Mexican companies"
        if kind != "unknown":
            return noun, kind
    return None, "unknown"


POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "could", "would",
               "may", "might", "will", "shall", "should", "can", "must", "do", "does", "did"}


def _verb(word: str) -> bool:
    """A verb form, as far as spelling tells without a tagger."""
    return word in AUXILIARIES or word in IRREGULAR_VERBS or (len(word) > 4 and word.endswith("ed"))


def _verbish(word: str) -> bool:
    return word in IRREGULAR_VERBS or (len(word) > 4 and word.endswith(("ed", "ly")))


def _territories(sent: Sentence, mentions: list[Mention]) -> None:
    """The clause each number owns: from the last boundary word before it (after the
    number before it) to the boundary before the next one. Numbers in parentheses and
    the parts of one "N of M" share a clause."""
    lowers = sent.lowers
    n = len(lowers)
    units: list[tuple[int, int, list[Mention]]] = []
    groups: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.paren:
            continue
        if m.group >= 0:
            groups.setdefault(m.group, []).append(m)
            if len(groups[m.group]) > 1:
                continue
            units.append((m.start, m.end, groups[m.group]))
        else:
            units.append((m.start, m.end, [m]))
    units = [(min(x.start for x in ms), max(x.end for x in ms), ms) for _, _, ms in units]
    units.sort(key=lambda u: u[0])
    cuts = [0]
    for (s1, e1, _), (s2, _, _) in zip(units, units[1:]):
        cut = None
        depth = 0
        for k in range(e1, s2):
            if lowers[k] == "(":
                depth += 1
            elif lowers[k] == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and lowers[k] in BOUNDARIES:
                cut = k
        cuts.append(cut if cut is not None else (e1 + s2 + 1) // 2)
    cuts.append(n)
    spans = []
    for u, (start, end, ms) in enumerate(units):
        territory = (cuts[u], cuts[u + 1])
        spans.append(territory)
        for m in ms:
            m.territory = territory
    for m in mentions:
        if m.paren or not units:
            if not units:
                m.territory = (0, n)
            else:
                m.territory = next((t for t in spans if t[0] <= m.start < t[1]), (0, n))
    # an elliptic number ("and 140 indirectly", "and directly 75 SMEs", ", i.e. 85%")
    # borrows the clause of the number before it for its cues
    ordered = sorted((m for m in mentions if not m.paren), key=lambda m: m.start)
    for before, m in zip(ordered, ordered[1:]):
        if m.territory == before.territory or m.whole is not None:
            continue
        lo, hi = m.territory
        verbless = not any(_verb(lowers[k]) for k in range(lo, hi) if not m.start <= k < m.end)
        if verbless or m.noun_kind in ("inherited", "unknown"):
            m.borrowed = before.territory


def _asides(sent: Sentence, mentions: list[Mention]) -> frozenset[int]:
    """Tokens of the parentheses that hold a number: "(29% of the total delegation)"
    speaks of its own number, not of the one before it."""
    hidden: set[int] = set()
    lowers = sent.lowers
    for m in mentions:
        if not m.paren:
            continue
        open_ = max((k for k in range(m.start) if lowers[k] == "("), default=None)
        if open_ is None:
            continue
        close = next((k for k in range(m.end, len(lowers)) if lowers[k] == ")"), len(lowers) - 1)
        hidden.update(range(open_, close + 1))
    return frozenset(hidden)


def _distributive(sent: Sentence, m: Mention) -> bool:
    """ "2 cooperation agreements each", "5 SMEs per cluster", "3 on average": a number
    per member, not a total."""
    lowers = sent.lowers
    n = len(lowers)
    for k in range(m.end, min(m.end + 6, n)):
        w = lowers[k]
        if w in (",", ";", ".", "(", ":"):
            return False
        if w == "each" or (w == "per" and k + 1 < n and lowers[k + 1] != "cent") or lowers[k : k + 2] == ["on", "average"]:
            return True
    return False


def _has(stems: list[str], lo: int, hi: int, phrase: Phrase, skip: tuple[int, int], hidden: frozenset[int] = frozenset()) -> bool:
    size = len(phrase)
    for k in range(lo, hi - size + 1):
        if skip[0] <= k < skip[1] or k in hidden:
            continue
        if tuple(stems[k : k + size]) == phrase:
            return True
    return False


def _score(sent: Sentence, m: Mention, rule: Rule) -> float | None:
    """How well the mention reads as the rule's figure, or None if it cannot."""
    if rule.percent != m.percent:
        return None
    if m.role not in rule.roles:
        return None
    if m.percent and not 0 <= m.value <= 100:
        return None
    if rule.only_zero and m.value != 0:
        return None
    if not m.percent and (not isinstance(m.value, int) or m.value < 0):
        return None
    stems = sent.stems
    lo, hi = m.territory
    skip = (m.start, m.end)
    hidden = frozenset() if m.paren else sent.asides
    if m.negator is not None:
        hidden = hidden | {m.negator}

    def present(phrase: Phrase) -> bool:
        if _has(stems, lo, hi, phrase, skip, hidden):
            return True
        return m.borrowed is not None and _has(stems, m.borrowed[0], m.borrowed[1], phrase, skip, hidden)

    score = 0.0
    if not m.percent:
        if m.noun_kind in ("explicit", "inherited"):
            if m.noun not in rule.counts:
                return None
            score += 1
        elif m.noun_kind == "other":
            return None
        elif not any(present((c,)) for c in rule.counts):
            return None  # it counts nothing itself: what it counts must be in its clause
    for group in rule.cues:
        if not any(present(p) for p in group):
            return None
        score += 1
    for phrase in rule.none:
        if _has(stems, lo, hi, phrase, skip, hidden):
            return None
    for group in rule.prefer:
        if any(present(p) for p in group):
            score += 0.5
    return score


# --- the profile's rules ---------------------------------------------------------------

@dataclass
class CompiledFigures:
    rules: dict[str, list[Rule]] = field(default_factory=dict)
    nouns: frozenset[str] = frozenset()
    patterns: dict[str, list[list[dict]]] = field(default_factory=dict)  # legacy Matcher patterns


def compile_figures(key_figures: dict[str, list], tokenize, keys: Iterable[str], lemmas: bool = True) -> CompiledFigures:
    """Split a profile's `key_figures` into meaning rules (mappings) and spaCy Matcher
    token patterns (lists); raise ValueError naming every malformed rule."""
    keys = tuple(keys)
    compiled = CompiledFigures()
    problems: list[str] = []
    for key, entries in key_figures.items():
        for entry in entries or []:
            if isinstance(entry, list):
                compiled.patterns.setdefault(key, []).append(entry)
                continue
            found = check_rule(key, entry, keys)
            if found:
                problems += found
                continue
            compiled.rules.setdefault(key, []).append(compile_rule(key, entry, tokenize, lemmas))
    if problems:
        raise ValueError("; ".join(problems))
    compiled.nouns = frozenset(c for rules in compiled.rules.values() for r in rules for c in r.counts)
    return compiled
