"""A stance given to the wrong side of a debate: "Trotsky opposed soviets", read against what the data's events of
that person say they called for.

The kit's events of the China debate of 1927 state who called for what: Trotsky's critique "called for soviets of
workers, peasants and soldiers"; Stalin's theses "rejected the Opposition's call for soviets at once". A claim that
makes a person oppose ("opposed", "was against", "rejected", "did not want") what an event of that person's (its
doer, or the person its title names: "Stalin's theses") says they called for is refused with that event's words.

The other way round, a person said to want what an event of theirs rejected, is refused only when no event of their
side (Moscow's for Stalin) holds that thing otherwise: the Comintern turned to soviets in 1928, so "Stalin called for
soviets" is not refused. A stance denied ("Trotsky never opposed soviets") or put in a conditional is not read.
"""

from __future__ import annotations

import re

from . import evidence_words, ties_said
from .patterns import lazy

AGAINST = lazy(r"\b(?:opposed|opposing|rejected|rejecting|resisted|refused|(?:was|were)\s+against|argued\s+against|"
               r"did\s+not\s+want|didn't\s+want|was\s+hostile\s+to|feared)\s+(?P<what>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)",
               re.IGNORECASE)
FOR = lazy(r"\b(?:called\s+for|wanted|demanded|pressed\s+for|argued\s+for|backed|supported|favou?red|proposed|"
           r"urged)\s+(?P<what>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)", re.IGNORECASE)
# the data's own words: "the Opposition called for soviets of workers", "rejected the Opposition's call for soviets"
DATA_FOR = lazy(r"\bcalled\s+for\s+(?P<what>[^.;]+)", re.IGNORECASE)
DATA_AGAINST = lazy(r"\brejected\s+(?:the\s+)?(?:[\w'’-]+['’]s\s+)?call\s+for\s+(?P<what>[^.;,]+)", re.IGNORECASE)
NOT = lazy(r"(?:\bnot|\bnever|n't|\bno\s+longer)\s*(?:\w+\s+){0,2}$", re.IGNORECASE)
CLAUSE = lazy(r"\b(?:but|or|while|whereas|because|so|which|who|that|unlike)\b|[,;:]", re.IGNORECASE)
STOP = lazy(r"\b(?:and|but|or|while|because|so|which|who|that|as)\b|[,;:]", re.IGNORECASE)


def _things(text: str) -> set[str]:
    """The plural nouns a stance is about, as words ("soviets"): the words a claim and the data must share."""
    return {w for w in evidence_words.words(text) if len(w) > 4 and w.endswith("s") and w not in evidence_words.LITTLE}


def _owners(row, person_names: dict[str, str]) -> set[str]:
    """Whose stance an event gives: its doer, and the person its title names as owner ("Stalin's theses")."""
    owners = {str(row["actor"])}
    for m in re.finditer(r"^([A-Z][\w-]+)['’]s\b", str(row["title"])):
        owner = person_names.get(m.group(1).lower())
        if owner:
            owners.add(owner)
    return owners


def _stances(data) -> list[tuple[str, str, set[str], str, object]]:
    """(person, "for" or "against", the things, the data's words, the event row) the events state."""
    names = ties_said.actor_names(data.actors)
    found = []
    for _, row in data.events.iterrows():
        text = str(row.get("description", ""))
        if "call" not in text:
            continue
        owners = _owners(row, names)
        against = [(m.group(0), m.group("what")) for m in DATA_AGAINST.finditer(text)]
        spans = [m.span() for m in DATA_AGAINST.finditer(text)]
        for m in DATA_FOR.finditer(text):
            if any(a <= m.start() < b for a, b in spans) or NOT.search(text, 0, m.start()):
                continue  # "had not yet called for leaving the Kuomintang": no stance
            for owner in owners:
                found.append((owner, "for", _things(m.group("what").split(",")[0]), m.group(0), row))
        for words, what in against:
            for owner in owners:
                found.append((owner, "against", _things(what), words, row))
    return [f for f in found if f[2]]


def read(claim: str, data, cited=()) -> str | None:
    """Why the claim is refused, when it gives a person the opposite stance to their own event's (module text)."""
    from .misconceptions import _spoken

    if ties_said.HYPOTHETICAL.search(claim):
        return None
    names = ties_said.actor_names(data.actors)
    found = ties_said.mentions(claim, names)
    family = ties_said._family(data)
    stances = None
    for pattern, said in ((AGAINST, "against"), (FOR, "for")):
        for m in pattern.finditer(claim):
            what = STOP.split(m.group("what"))[0]
            things = _things(what)
            # the subject of the verb's clause: its first actor, through "and" ("Trotsky wanted ... and opposed")
            begin = max([c.end() for c in CLAUSE.finditer(claim, 0, m.start())] or [0])
            before = [f for f in found if begin <= f.start and f.end <= m.start()][:1]
            if not things or not before or NOT.search(claim, 0, m.start()):
                continue
            who = before[-1]
            stances = _stances(data) if stances is None else stances
            mine = [s for s in stances if s[0] == who.actor and s[2] & things]
            other = [s for s in mine if s[1] != said]
            if not other or any(s[1] == said for s in mine):
                continue
            if said == "for":  # wanted what their own event rejected: only when nobody of their side held it otherwise
                side = next((fam for top, fam in family.items() if who.actor in fam and top in ties_said.SOVIET), {who.actor})
                if side != {who.actor}:  # Moscow's side: the Soviet state, its party and the Comintern
                    side = set(side) | family.get("comintern", {"comintern"})
                if any(s[1] == "for" and s[0] in side and s[2] & things for s in stances):
                    continue
                if any(things & _things(str(r)) for r, a in zip(data.events["description"].fillna(""),
                                                                    data.events["actor"].astype(str))
                       if a in side and not any(s[4]["description"] == r for s in other)):
                    continue
            words, row = other[0][3], other[0][4]
            return (f"Your claim says {who.typed} {'was against' if said == 'against' else 'was for'} "
                    f"{' '.join(what.split())} ('{' '.join(m.group(0).split())}'), but the data says the opposite: in "
                    f"'{row['title']}' ({_spoken(str(row['date_text']))}, {row['event_id']}) it says \"{words.strip()}\". "
                    "Read that event in data/events.csv: who stood for what in the debate?")
    return None
