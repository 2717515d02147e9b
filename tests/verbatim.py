"""Is a quotation word for word what its source prints, with every cut marked?

Both texts are normalised the same way first: curly quotes made straight, dashes made one hyphen, "..." made
one ellipsis, words broken at a line end joined, white space made one space, and in the source the editor's
square-bracketed notes ([Page 464], [Translation]) and footnote numbers stuck to a word ("State1") removed.

The quotation is then cut into pieces at its marks: "[...]", "…" and any square-bracketed words the kit
supplies. Each piece must be one unbroken stretch of the source, found after the piece before it: a word changed
or a cut without a mark breaks the stretch and fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
MARK = re.compile(r"\[[^\]]*\]|…")
NOTE = re.compile(r"\[[^\]]*\]")
FOOTNOTE = re.compile(r"(?<=[A-Za-z.,;:…)”\"'])\d{1,2}(?=[\s.,;:)]|$)")
LINE_END_HYPHEN = re.compile(r"(?<=[a-z])-\s*\n\s*(?=[a-z])")


def normalise(text: str, source: bool = False) -> str:
    text = LINE_END_HYPHEN.sub("", text.translate(QUOTES))
    text = text.replace("...", "…").replace(". . .", "…")
    text = re.sub(r"-{2,}", "-", text)
    text = re.sub(r"\s-\s", " ", text)                 # a spaced hyphen is a dash between items, not a word
    text = re.sub(r"(?m)^\s*[-*]\s+", " ", text)        # list bullets
    text = text.replace("*", "")                         # Markdown emphasis
    if source:
        text = FOOTNOTE.sub("", NOTE.sub(" ", text))
    return " ".join(text.split())


def _words(piece: str) -> str:
    return piece.strip(" .,;:-\"'()")


@dataclass
class Finding:
    piece: str
    problem: str

    def __str__(self) -> str:
        return f"{self.problem}: {self.piece!r}"


def _divergence(words: str, text: str) -> str:
    """The quotation from the first word where it stops matching any stretch of the source."""
    tokens = words.split(" ")
    low, high = 0, len(tokens)                 # the longest prefix found in the source has `low` words
    while low < high:
        middle = (low + high + 1) // 2
        if " ".join(tokens[:middle]) in text:
            low = middle
        else:
            high = middle - 1
    return " ".join(tokens[max(low - 3, 0):low + 4])


def check(quotation: str, source: str) -> list[Finding]:
    """Every piece of `quotation` (the text between two marks) that is not one stretch of `source`, in order."""
    text, found, position = normalise(source, source=True), [], 0
    for piece in MARK.split(normalise(quotation)):
        words = _words(piece)
        if not words:
            continue
        at = text.find(words, position)
        if at < 0 and words in text:
            found.append(Finding(words, "out of order"))
        elif at < 0:
            found.append(Finding(words, "differs from the source (a word changed, or a cut not marked) at "
                                        f"{_divergence(words, text)!r}"))
        else:
            position = at + len(words)
    return found
