"""How long between two cited events: a claim that puts one cited event a number of days, weeks, months or years
after (or before) another it cites by name ("Britain broke off relations four weeks after the ARCOS raid"), read
against the two events' dates in data/events.csv. The gap is refused only when both events are dated to the day
and the gap said is further from the data's than half of its own unit (a week either way for weeks): "two weeks"
for fifteen days stands, "four weeks" does not.
"""

from __future__ import annotations

import re

from . import acts_named, cited_facts, evidence_words
from .patterns import lazy

NUMBERS = {"a": 1, "an": 1, **{w: n for w, n in evidence_words.NUMBERS.items() if 1 <= n <= 12}}  # "a week", "two weeks"
UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
GAP = lazy(rf"\b(?P<n>\d+|{'|'.join(NUMBERS)})\s+(?P<unit>day|week|month|year)s?\s+(?P<way>after|before|later|earlier)\b",
           re.IGNORECASE)
NEAR = 8  # at most so many words between the gap and the name of the event it is counted from


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim's gap between two cited events is not the data's (module text), or None."""
    events = data.events
    chosen = events[events["event_id"].astype(str).isin(set(cited))]
    if len(chosen) < 2:
        return None
    by_id = chosen.set_index(chosen["event_id"].astype(str))
    anchors = cited_facts._anchors(claim, chosen, data)
    for m in GAP.finditer(claim):
        after = [a for a in anchors if a[0] >= m.end() and len(claim[m.end():a[0]].split()) <= NEAR]
        if not after:
            continue
        start = by_id.loc[after[0][2]]
        others = [e for e in by_id.index if e != after[0][2]]
        if len(others) != 1:  # which event the gap leads to is not clear
            continue
        end = by_id.loc[others[0]]
        if len(str(start["date_text"])) < 10 or len(str(end["date_text"])) < 10:
            continue  # an event dated to the month: no gap in days to compare
        n = m.group("n").lower()
        unit = m.group("unit").lower()
        said = (int(n) if n.isdigit() else NUMBERS[n]) * UNITS[unit]
        days = (end["date"] - start["date"]).days
        if m.group("way").lower() in ("before", "earlier"):
            days = -days
        if days <= 0:
            continue  # the order is act_dates' to read
        if abs(said - days) * 2 <= max(UNITS[unit], 2) or (unit == "week" and abs(said - days) <= 7):
            continue
        return (f"Your claim puts '{end['title']}' {m.group(0)} '{start['title']}', but the data dates them "
                f"{acts_named.spoken(start)} ({start['event_id']}) and {acts_named.spoken(end)} ({end['event_id']}): "
                f"{days} days apart. Count the gap again against data/events.csv.")
    return None
