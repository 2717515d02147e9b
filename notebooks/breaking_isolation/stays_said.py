"""A person put at a place in a year by a verb of going or staying ("Chiang Kai-shek was trained in Moscow in
1925"), read against the events the student cites for it: the cited events that have that person (as a side or
in the title) and that place in their title. When the clause's one year is none of the years those events span,
the claim is refused with their dates: the student's own evidence says when the person was there.

Only cited events are read: the data does not record everyone's every journey, so a year is refused only against
the evidence the student gives for it. A denied or hypothetical clause is not read.
"""

from __future__ import annotations

import re

import pandas as pd

from . import acts_named, claim_people, ties_said
from .patterns import lazy

# a verb of being at a place, then the place: "was trained in Moscow", "went to Moscow", "studied at Moscow"
STAY = lazy(r"\b(?:trained|studied|stayed|lived|visited|went|travell?ed|journeyed|was\s+sent|arrived|"
            r"learned|learnt)\b(?:\s+[a-z]+){0,2}?\s+(?:in|to|at)\s+(?P<place>[A-Z][a-z]+)")


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when a clause's year for a person's stay is none of the cited stay's years (module text)."""
    if not cited:
        return None
    events = data.events[data.events["event_id"].astype(str).isin(set(cited))]
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    labels = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
    persons = ties_said.person_names(data.actors)
    found = ties_said.mentions(claim, ties_said.actor_names(data.actors))
    for begin, finish, _ in ties_said._clauses(claim):
        part = claim[begin:finish]
        if acts_named.DENIED.search(part):
            continue
        stay = STAY.search(part)
        people = [m for m in found if begin <= m.start and m.end <= finish and kinds.get(m.actor) == "person"
                  and m.start - begin < (stay.start() if stay else 0)]
        if stay is None or not people:
            continue
        # the year of the person's own words, not of an earlier act the clause names ("The agreement of 1924 was
        # signed in Peking, and Borodin arrived in Canton")
        years = set(claim_people.years_in(claim[people[-1].start:finish]))
        if len(years) != 1:
            continue
        person, place, year = people[-1].actor, stay.group("place"), years.pop()
        rows = [row for row in events.itertuples()
                if (person in (str(row.actor), str(row.counterpart))
                    or any(n in str(row.title).lower() for n in persons.get(person, ())))
                and re.search(rf"\b{re.escape(place)}\b", str(row.title))]
        if not rows:
            continue
        spans = [(row, row.date, _end(row)) for row in rows]
        if any(first.year <= year <= last.year for _, first, last in spans):
            continue
        said = " ".join(part[stay.start():].split()).rstrip(" ,.")
        dated = "; ".join(f"'{row.title}' ({row.event_id}) dates it "
                          + (f"from {claim_people._spoken(first)} to {claim_people._spoken(last)}" if last > first
                             else f"to {claim_people._spoken(first)}") for row, first, last in spans)
        return (f"Your claim puts {labels.get(person, person)} in {place} in {year} ('{said}'), but the event you cite "
                f"for it says otherwise: {dated}. Check when against that event in data/events.csv.")
    return None


def _end(row) -> pd.Timestamp:
    end = pd.to_datetime(getattr(row, "end_date", None), errors="coerce")
    return end if pd.notna(end) and end > row.date else acts_named.period(pd.Series(row._asdict()))[1]
