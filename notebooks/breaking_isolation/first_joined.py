"""A tie said to begin only in a year ("the Communists only joined the Kuomintang in 1926"), read against the
student's own cited events: a cooperative event of the same two sides dated before that year is named, with its
date. Only the cited events: the student holds the evidence that answers the claim.
"""

from __future__ import annotations

import re

from . import ties_said
from .misconceptions import _spoken
from .patterns import lazy

BEGAN = lazy(r"\b(?:only|first|not\s+until)\s+(?:\w+\s+)?(?:joined|entered|allied\s+with|admitted|teamed\s+up\s+with)"
             r"\b(?P<rest>[^.;,]*?)\bin\s+(?P<year>1[89]\d\d)\b", re.IGNORECASE)


def read(claim: str, data, cited=()) -> str | None:
    """Why the claim is refused (module text), or None."""
    said = BEGAN.search(claim)
    if said is None or ties_said.HYPOTHETICAL.search(claim):
        return None
    names = ties_said.actor_names(data.actors)
    before = [m for m in ties_said.mentions(claim[:said.start()], names)][-1:]
    after = ties_said.mentions(said.group("rest"), names)[:1]
    if not before or not after:
        return None
    family = ties_said._family(data)
    one, two = family.get(before[0].actor, {before[0].actor}), family.get(after[0].actor, {after[0].actor})
    year = int(said.group("year"))
    events = data.events[data.events["event_id"].astype(str).isin(set(cited))]
    a, b = events["actor"].astype(str), events["counterpart"].astype(str)
    rows = events[((a.isin(one) & b.isin(two)) | (a.isin(two) & b.isin(one)))
                  & (events["tone"].astype(str) == "cooperative") & (events["date"].dt.year < year)].sort_values("date")
    if rows.empty:
        return None
    row = rows.iloc[0]
    quoted = " ".join(claim[said.start():said.end()].split())
    return (f"Your claim says '{quoted}', but an event you cite is a cooperative act between the two sides "
            f"{year - row['date'].year} year{'s' if year - row['date'].year != 1 else ''} earlier: '{row['title']}' "
            f"({_spoken(str(row['date_text']))}, {row['event_id']}). Read it, then say when the tie began.")
