"""Cell parsers: answers, counts, partner types, cooperation types, lists, free text.

Each parser takes a cell's cleaned text and the profile's vocabulary; what it cannot
map it returns beside the value, so the caller can report it instead of dropping it.

Reports of a family are written by many hands, so the parsers read the *shape* of a
cell before they consult the profile's spellings: N/A however it is punctuated, a
tick glyph, a number spelt in words, a partner type said with a nationality
("Mexican cluster"), a cooperation type said with other inflections or word order
("transfer of technologies"), a list with any bullet glyph or numbering.
"""

from .cooperation import TypeList, parse_cooperation_types, stem
from .fit import type_fit
from .lists import LIST_SEPARATORS, bullet_of, list_items, parse_list, split_bullets
from .partners import PartnerName, parse_partner_type, read_partner_type, split_partner
from .places import countries_named, country_of, nationalities
from .text import (
    EU_MEMBERS,
    NA,
    count_or_text,
    is_answer,
    is_blank,
    is_count_like,
    is_na,
    number_from_words,
    parse_answer,
    parse_count,
    text_value,
    tick_answer,
)

__all__ = [
    "EU_MEMBERS",
    "NA",
    "PartnerName",
    "TypeList",
    "LIST_SEPARATORS",
    "bullet_of",
    "count_or_text",
    "countries_named",
    "country_of",
    "is_answer",
    "is_blank",
    "is_count_like",
    "is_na",
    "list_items",
    "nationalities",
    "number_from_words",
    "parse_answer",
    "parse_cooperation_types",
    "parse_count",
    "parse_list",
    "parse_partner_type",
    "read_partner_type",
    "split_bullets",
    "split_partner",
    "stem",
    "text_value",
    "tick_answer",
    "type_fit",
]
