"""Reading grade of the kit's prose, offline.

textstat looks words up in NLTK's CMU dictionary, which it downloads on first use; the kit's tests must not need
the network, so syllables are counted by Pyphen's hyphenation patterns alone (textstat's own fallback).
"""

import textstat
from textstat.backend.counts import _count_syllables


def _no_cmudict(lang: str) -> None:
    return None  # count_syllables falls back to Pyphen when the dictionary lookup fails


_count_syllables.get_cmudict = _no_cmudict


def grade(text: str) -> float:
    """The Flesch–Kincaid grade of `text`."""
    return textstat.flesch_kincaid_grade(text)


def words(text: str) -> int:
    return textstat.lexicon_count(text)
