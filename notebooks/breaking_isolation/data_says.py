"""What the data holds on what a claim names: the few dated events a student should hold the claim against.

The claim checks cannot judge most sentences ("Italy was the first to recognise the USSR", "the United States never
recognised it"). When they pass a claim on its form, they put beside it the kit's own events on what it names, so
that the student, not the program, sees whether the claim stands: an event named by its title ("Whampoa"), then
events between two actors it names, then events of one actor it names in a year it gives. Recognition claims see a
state's changes of standing first. Nothing here says whether a claim is true.
"""

from __future__ import annotations

import pandas as pd

from . import claim_people, evidence_words, ties_said
from .by_table import per_reading
from .documents import written_date

SHOWN = 5  # enough to show a pattern (a trade agreement, a recognition, a break, a restoration), few enough to read


def events_for(claim: str, data, core: set[str] = frozenset()) -> pd.DataFrame:
    """The events the data holds on what the claim names, the most telling first, at most SHOWN; `core`: events
    that answer the exercise's question itself (a state's recognition), shown for one actor named without a year.
    Moscow, on one side of nearly every event, picks none out alone: only with another actor it names."""
    events = data.events
    sides = ties_said._family(data)  # each actor with those that belong to it; Moscow's two names as one
    named = {m.actor for m in ties_said.mentions(claim, ties_said.actor_names(data.actors))}
    others = {n for n in named if n not in sides["ussr"]}
    years = set(claim_people.years_in(claim))
    titled = _titled(claim, data)
    scores = []
    for event, a, c, day in zip(events["event_id"].astype(str), events["actor"].astype(str),
                                events["counterpart"].fillna("").astype(str), events["date"]):
        on = any(a in sides.get(n, {n}) or c in sides.get(n, {n}) for n in others)
        pair = any(a in sides.get(x, {x}) and c in sides.get(y, {y}) for x in named for y in named if x != y)
        in_year = pd.notna(day) and day.year in years
        shown = event in titled or pair or (on and (in_year or event in core))
        scores.append(8 * (event in titled) + 4 * (event in core) + 2 * in_year + pair if shown else 0)
    found = events.assign(_score=scores)
    found = found[found["_score"] > 0].sort_values(["_score", "date"], ascending=[False, True]).head(SHOWN)
    return found.sort_values("date").drop(columns="_score")


@per_reading
def _titled(claim: str, data) -> set[str]:
    """The events a claim names by their title ("the Shanghai massacre", "the Zinoviev letter", "Whampoa opened"):
    claim_people's rule, an actor's name counted as a word of the title only where the claim writes a name of
    the title as well (not "Moscow signed a treaty" for "Soviet Russia and Mongolia sign a treaty")."""
    events = data.events
    actor_words = claim_people.words_of_names(ties_said.actor_names(data.actors))
    found = set(claim_people.event_named(claim, events, actor_words)["event_id"].astype(str))
    capitals = _names(claim)
    loose = claim_people.event_named(claim, events, set())
    often = pd.Series([w for t in events["title"].astype(str) for w in _names(t)]).value_counts()
    rare = {w for w in capitals if often.get(w, 0) <= SHOWN}  # "Zinoviev", not "Moscow" of dozens of titles
    found |= {e for e, t in zip(loose["event_id"].astype(str), loose["title"].astype(str)) if rare & _names(t)}
    return found if len(found) <= SHOWN else set()  # words of many titles name no one event


def _names(text: str) -> set[str]:
    """The capitalised words of a text that are no common English word ("Zinoviev", not "The" or "Foreign")."""
    return {w for w in claim_people.NAME_WORD.findall(text) if not evidence_words.is_common(w.lower())}


def said(claim: str, data, core: set[str] = frozenset()) -> str | None:
    """One pointer: the events, dated as people write them, each with its id; None when the claim names none."""
    found = events_for(claim, data, core)
    if found.empty:
        return None
    listed = "; ".join(f"{written_date(str(row.date_text))}, {row.title} ({row.event_id})"
                       for row in found.itertuples())
    return f"Compare your claim with the data's events on what it names: {listed}. Does every part of your claim fit them?"
