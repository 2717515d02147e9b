"""The occasion the data names: a claim that gives a cause for a cited event whose description opens by naming
what occasioned it ("Citing documents found in the ARCOS raid ...", "Blaming the Canton uprising ...") is shown that
sentence and the event it names, when the claim does not name it. Not a refusal: the student's cause may count too;
the data's is shown beside it. Only a claim that denies the data's occasion ("not the Canton Commune") is refused.
"""

from __future__ import annotations

import re

from . import evidence_words
from .kin import DEMONYMS
from .misconceptions import _spoken
from .patterns import lazy

# a cause given in words for an act ("because of", "led to"), not a claim whose "so" draws a conclusion from the act
CAUSE = lazy(r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result\s+of|caused|led\s+to|provoked|prompted|"
             r"the\s+reason|why)\b", re.IGNORECASE)
OPENS = lazy(r"^(?:Citing|Blaming|After|Following|In\s+response\s+to|In\s+protest\s+at|Over)\b")
# a cause the claim denies: "not the Canton Commune", "rather than the raid"
DENIES = lazy(r"\b(?:not|rather\s+than|instead\s+of)\s+(?:because\s+of\s+|due\s+to\s+)?(?:the\s+)?(?P<named>(?:[\w'’-]+\s+){0,3}[\w'’-]+)",
              re.IGNORECASE)


def named(claim: str, data, cited=()) -> list[str]:
    """One line per cited event whose description names its occasion and another event of the data by a name of
    its title that the claim leaves out."""
    return [line for line, _ in _occasions(claim, data, cited) if line]


def denied(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim denies the very occasion the description of a cited event names ("because of the
    Nanchang uprising, not the Canton Commune", against "Blaming the Canton uprising ..."), or None."""
    for _, (row, first, other, words) in _occasions(claim, data, cited, denied=True):
        return (f"Your claim denies that '{other.title}' ({_spoken(str(other.date_text))}, {other.event_id}) was "
                f"the cause, but the data's description of '{row['title']}' ({row['event_id']}) names it as its "
                f"occasion: \"{first}\" Your cause may have counted too; the one the data names cannot be denied.")
    return None


def _occasions(claim: str, data, cited=(), denied: bool = False):
    """(line, (row, first sentence, the other event, its words)) of each cited event whose description opens on
    its occasion: a line when the claim leaves that event out; with `denied`, only the events the claim denies."""
    if not CAUSE.search(claim):
        return []
    said_not = [m.group("named").lower() for m in DENIES.finditer(claim)]
    events = data.events
    by_id = events.set_index(events["event_id"].astype(str))
    lines = []
    for event in cited:
        if event not in by_id.index:
            continue
        row = by_id.loc[event]
        first = re.split(r"(?<=[.;])\s+", str(row.get("description", "") or ""))[0]
        if not OPENS.match(first):
            continue
        opening = re.split(r"[,;:]", first)[0]  # "Blaming the Canton uprising on Soviet consulates": the occasion
        named_here = []
        for other in events.itertuples():
            if str(other.event_id) == event or other.date > row["date"] or (row["date"] - other.date).days > 366:
                continue
            words = [w for w in re.findall(r"\b[A-Z][A-Z]{2,}\b|\b[A-Z][a-z]{3,}\b", str(other.title))
                     if re.search(rf"\b{w}\b", opening) and w not in str(row["title"])
                     and w.lower() not in DEMONYMS and not evidence_words.is_common(w.lower())]
            if words and _shared(str(other.title), opening) >= 2:  # a name and a word of the act: "the ARCOS raid"
                named_here.append((_shared(str(other.title), opening), other.date, other, words))
        # the event the sentence names best: "the Canton uprising" is the Canton Commune (an uprising), not the
        # April purge at Canton, though both titles hold "Canton"
        for _, _, other, words in sorted(named_here, key=lambda t: (t[0], t[1]), reverse=True)[:1]:
            if denied:
                if any(w.lower() in n for n in said_not for w in words):
                    lines.append((None, (row, first, other, words)))
                continue
            if not any(w.lower() in claim.lower() for w in words):
                lines.append((f"The data's description of '{row['title']}' ({event}) names its occasion: \"{first}\" "
                              f"See '{other.title}' ({_spoken(str(other.date_text))}, {other.event_id}), which your "
                              "claim does not name: whether your cause counted too is yours to argue.", None))
    return lines


def _shared(title: str, sentence: str) -> int:
    """How many words of a title, not little words nor a people's adjective, a sentence holds too."""
    mine = set(evidence_words.words(title.lower())) - evidence_words.LITTLE - set(DEMONYMS)
    return len(mine & set(evidence_words.words(sentence.lower())))
