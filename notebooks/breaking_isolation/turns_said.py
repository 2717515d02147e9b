"""A turn against someone put before the data's own event of that turn, with nothing hostile between the two by
then ("Moscow turned against Chiang in March 1927": the data's turn is Stalin's theses of 21 April 1927, and the
kit has no hostile event between Moscow and Chiang before them).

A clause is read when an actor just before "turned against" or "turned on" is its doer and an actor just after it
its object, and the clause dates the turn to a month (or a year). The data's turn is an event whose title says
that the doer turns against or on the object ("Moscow turns against Chiang"). The claim is refused only when that
event comes after the month said and the kit has no hostile event between the two sides up to then: an earlier
clash may be what the student calls the turn. A denied or hypothetical clause is not read.
"""

from __future__ import annotations

import re

import pandas as pd

from . import act_dates, claim_people, ties_said
from .patterns import lazy

TURN = lazy(r"\bturn(?:ed|s)?\s+(?:against|on)\b", re.IGNORECASE)
TITLE_TURN = lazy(r"\bturns?\s+(?:against|on)\b", re.IGNORECASE)
NEGATED = lazy(r"\b(?:not|never|no)\b|n't", re.IGNORECASE)


def _until(part: str) -> tuple[pd.Timestamp, str] | None:
    """The last day of the month (else the single year) a clause names, and how it says it."""
    for found in act_dates.MONTH.finditer(part):
        if found.group("year") and (found.group("before") or "").strip().lower() not in act_dates.NOT_A_DAY:
            first = pd.Timestamp(int(found.group("year")), act_dates.MONTHS.index(found.group("month")) + 1, 1)
            return first + pd.offsets.MonthEnd(0), f"{first:%B %Y}"
    years = set(claim_people.years_in(part))
    if len(years) == 1:
        year = years.pop()
        return pd.Timestamp(year, 12, 31), str(year)
    return None


def read(claim: str, data, cited=()) -> str | None:
    actors, events = data.actors, data.events
    names = {**ties_said.actor_names(actors), **ties_said.MOSCOW_NAMES}
    family = ties_said._family(data)
    owners = dict(zip(actors["actor_id"].astype(str), actors["belongs_to"].fillna("").astype(str)))
    persons = ties_said.person_names(actors)
    labels = {**dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str))),
              **{s: "Moscow" for s in ties_said.SOVIET}}
    found = ties_said.mentions(claim, names)
    turns = events[events["title"].astype(str).str.contains(TITLE_TURN.compiled)]
    for begin, finish, _ in ties_said._clauses(claim):
        part = claim[begin:finish]
        if ties_said.HYPOTHETICAL.search(part) or NEGATED.search(part):
            continue
        for turn in TURN.finditer(claim, begin, finish):
            doers = [m for m in found if begin <= m.start and m.end <= turn.start()
                     and len(claim[m.end:turn.start()].split()) <= 2]
            objects = [m for m in found if turn.end() <= m.start and m.end <= finish
                       and claim[turn.end():m.start].strip().lower() in ("", "the")]
            when = _until(part)
            if not doers or not objects or when is None:
                continue
            doer, whom = doers[-1], objects[0]
            one, two = family.get(doer.actor, {doer.actor}), family.get(whom.actor, {whom.actor})
            theirs = []
            for row in turns.itertuples():
                title = str(row.title)
                at = TITLE_TURN.search(title)
                said = ties_said.mentions(title, names)
                by = str(row.actor) in one or any(m.actor in one for m in said if m.end <= at.start())
                against = any(m.actor in two for m in said if m.start >= at.end())
                if by and against:
                    theirs.append(row)
            if not theirs:
                continue
            first = min(theirs, key=lambda r: r.date)
            if first.date <= when[0]:
                continue
            linked = ties_said._linked(events, one, two, persons, owners=owners)
            clash = events[linked & (events["tone"].astype(str) == "hostile") & (events["date"] <= when[0])]
            if len(clash):
                continue
            who, other = labels.get(doer.actor, doer.typed), labels.get(whom.actor, whom.typed)
            return (f"Your claim puts {who}'s turn against {other} in {when[1]} "
                    f"('{' '.join(claim[doer.start:whom.end].split())}'), but the data's event of that turn is "
                    f"'{first.title}' ({claim_people._spoken(first.date)}, {first.event_id}), after it, and the kit has "
                    f"no hostile event between {who} and {other} before then. Check when the turn came against "
                    "data/events.csv.")
    return None
