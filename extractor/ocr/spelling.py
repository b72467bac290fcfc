"""Entity names of a report read by OCR, spelled as most of its mentions read them.

An entity's name is the spelling of its first mention (the delegation table's, as a
rule). From a scan, OCR reads accents unevenly: the same "Eficiència" comes out
"Eficiéncia" in one cell and right in five others. Where the mentions of one entity
put other accents on an accented word of its name, the accents most mentions agree on
are the name's; a tie keeps the first. Letters and case are never changed, nor is an
accent added or taken away: authors write "Cluster" and "Clúster" for one body, and
only which accent a letter carries is OCR's doubt. Only in reports that had pages read
by OCR (a text layer's spelling is what the author typed).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from schemas.records import EntityRef, MissionReport, instances_of

WORD = re.compile(r"\w+")


def without_accents(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def settle_spellings(report: MissionReport) -> MissionReport:
    """The report with each entity's name re-spelled by its mentions' majority (see
    the module's note); every EntityRef and the `entities` list agree afterwards."""
    refs = instances_of(report, EntityRef)
    mentions: dict[str, list[str]] = {}
    for ref in refs:
        mentions.setdefault(ref.id, []).append(ref.raw)
    names = {entity.id: _majority_spelling(entity.name, mentions.get(entity.id, [])) for entity in report.entities}
    for ref in refs:
        ref.name = names.get(ref.id, ref.name)
    for entity in report.entities:
        entity.name = names[entity.id]
    report.entities.sort(key=lambda e: e.name)
    return report


def _majority_spelling(name: str, raws: list[str]) -> str:
    votes: dict[str, Counter] = {}
    for raw in raws:
        for word in set(WORD.findall(raw)):
            votes.setdefault(without_accents(word), Counter())[word] += 1

    def respell(match: re.Match) -> str:
        word = match.group(0)
        bare = without_accents(word)
        accented = Counter({w: n for w, n in votes.get(bare, Counter()).items() if w != bare})
        if word == bare or not accented:
            return word
        best, count = accented.most_common(1)[0]
        return best if count > accented.get(word, 0) else word

    return WORD.sub(respell, name)
