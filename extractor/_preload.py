"""Imported once by the bulk fork server, so that every worker starts warm.

Workers run under a limit on their address space (`convert --memory-mb`). The name data
that the entity rules load on first use (CLDR country names, ISO subdivisions, legal
forms, word frequencies, the bilingual dictionaries) is loaded here, before any limit:
loaded inside a worker, importing CLDR's name tables alone went past 2 GB of address
space and failed the file as out_of_memory (fuzz, seed 11).
"""

from .entities.normalise import common_word, country_words, lexicon, place_words
from .entities.translations import english_of
from .narrative import nlp
from .pipeline import extract_report  # noqa: F401
from .profile import load_profile

nlp()
load_profile()
lexicon()
country_words()
place_words()
common_word("cluster")
english_of("cluster")
