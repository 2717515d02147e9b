"""An actor said to be safe, or protected by another, all through a period the data has hostile acts against it in
("The communists were safe all through 1927 because Wuhan protected them the whole year": Wuhan expelled them on
15 July 1927).

The claim must say the whole period ("all through 1927", "throughout 1925-27", "the whole year") and name its
years. An actor just before "was safe", "were secure", "stayed safe" is read against the hostile acts of those years
against it; an actor just before "protected", "shielded" or "defended" with another after it (or "them", "it" for
the actor the claim opened on) against its own hostile acts of those years against the other, which are named
first. A denied or hypothetical claim is not read.
"""

from __future__ import annotations

import re

import pandas as pd

from . import claim_people, ties_said
from .patterns import lazy

WHOLE = lazy(ties_said.ALL_ALONG.pattern[:-3] + r"|the\s+whole\s+year|all\s+year(?:\s+long|\s+round)?|"
             r"the\s+entire\s+year|the\s+whole\s+of\s+1[89]\d\d)\b", re.IGNORECASE)
SAFE = lazy(r"\s+(?:was|were|stayed|remained|kept|felt)\s+(?:\w+\s+)?(?:safe|secure|unharmed|protected)\b",
            re.IGNORECASE)
PROTECT = lazy(r"\s+(?:protected|shielded|defended|sheltered|kept\s+(?:them|it|him)\s+safe)\b", re.IGNORECASE)
PRONOUN = lazy(r"\s+(?:them|it|him)\b", re.IGNORECASE)
NEGATED = lazy(r"\b(?:not|never|no|nor)\b|n't", re.IGNORECASE)


def _years(claim: str) -> tuple[int, int] | None:
    span = ties_said.SPAN.search(claim)
    if span:
        low, high = int(span.group(1)), span.group(2)
        high = int(high) if len(high) == 4 else low // 100 * 100 + int(high)
        return (low, high) if low <= high else None
    years = set(claim_people.years_in(claim))
    return (min(years), min(years)) if len(years) == 1 else None


def read(claim: str, data, cited=()) -> str | None:
    whole = WHOLE.search(claim)
    years = _years(claim) if whole else None
    if years is None or ties_said.HYPOTHETICAL.search(claim) or NEGATED.search(claim):
        return None
    actors, events = data.actors, data.events
    names = {**ties_said.actor_names(actors), **ties_said.MOSCOW_NAMES}
    labels = {**dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str))),
              **{s: "Moscow" for s in ties_said.SOVIET}}
    family = ties_said._family(data)
    found = ties_said.mentions(claim, names)
    then = events[events["date"].dt.year.between(*years) & (events["tone"].astype(str) == "hostile")]
    span = str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"
    cited = set(cited)

    def shown(rows: pd.DataFrame) -> str:
        rows = rows.assign(_not_cited=~rows["event_id"].astype(str).isin(cited)).sort_values(["_not_cited", "date"])
        return "; ".join(f"'{r.title}' ({claim_people._spoken(r.date)}, {r.event_id})" for r in rows.head(3).itertuples())

    for i, guard in enumerate(found):
        act = PROTECT.match(claim, guard.end)
        if not act:
            continue
        after = [m for m in found[i + 1:] if claim[act.end():m.start].strip().lower() in ("", "the")]
        whom = after[0] if after else (next((m for m in found if m.actor != guard.actor), None)
                                       if PRONOUN.match(claim, act.end()) else None)
        if whom is None:
            continue
        own = then[then["actor"].astype(str).isin(family.get(guard.actor, {guard.actor}))
                   & then["counterpart"].astype(str).isin(family.get(whom.actor, {whom.actor}))]
        if len(own):
            return (f"Your claim says the {labels.get(guard.actor, guard.typed)} protected the "
                    f"{labels.get(whom.actor, whom.typed)} all through {span} ('{whole.group(0)}'), but the data has "
                    f"it acting against them then: {shown(own)}. Check the whole period against data/events.csv.")
    for kept in found:
        if not SAFE.match(claim, kept.end):
            continue
        against = then[then["counterpart"].astype(str).isin(family.get(kept.actor, {kept.actor}))]
        if len(against):
            return (f"Your claim says the {labels.get(kept.actor, kept.typed)} {SAFE.match(claim, kept.end).group(0).strip()} "
                    f"all through {span} ('{whole.group(0)}'), but the data has hostile acts against them then: "
                    f"{shown(against)}. Check the whole period against data/events.csv.")
    return None
