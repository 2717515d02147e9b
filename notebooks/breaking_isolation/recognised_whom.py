"""Who recognised first: a claim that has a state (or its ruler) recognise Moscow first where the event it cites is
Moscow's own recognition of that state, dated before the state's ("Ibn Saud recognised the USSR first" against 'USSR
recognises Ibn Saud as King of the Hejaz', 16 February 1926, three days before his reply). The refusal quotes both
events' titles and dates."""

from __future__ import annotations

import re

from .acts_named import DENIED
from .misconceptions import MOSCOW, _spoken, first_recognitions
from .patterns import lazy
from .recognition import moscow_recognises

SAID = lazy(r"(?P<who>(?:[A-Z][\w'’-]*\s+){1,3})(?:\w+\s+){0,2}?recogni[sz]\w*\s+" + MOSCOW
            + r"(?:\s+\w+){0,2}?\s+(?:first|before\s+" + MOSCOW + r")\b", re.IGNORECASE)


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim swaps the doer of a cited recognition by Moscow (module text), or None."""
    mine = moscow_recognises(data.events, data.actors)
    mine = mine[mine["event_id"].isin(set(cited))]
    if mine.empty:
        return None
    first = first_recognitions(data)
    events = data.events.set_index("event_id")
    for said in SAID.finditer(claim):
        if DENIED.search(said.group(0)) or re.match(r"\s*" + MOSCOW + r"\b", said.group("who"), re.IGNORECASE):
            continue
        words = {w.lower() for w in re.findall(r"[A-Z][\w'’-]+", said.group("who"))} - {"the", "in", "then"}
        for row in mine.itertuples():
            own = sorted(first.get(row.recognised, {}).values())
            if own and own[0][0] <= str(row.date.date()):
                continue  # the state did recognise Moscow first
            event = events.loc[row.event_id]
            whom = re.split(r"\brecogni[sz]es\b", str(event["title"]), maxsplit=1)[-1]
            named = {w.lower() for w in re.findall(r"[A-Z][\w'’-]+", f"{whom} {row.name}")}
            if words and words <= named:
                state = re.sub(r"\s*\(.*\)", "", str(row.name))  # "Hejaz", not its bracketed full name
                theirs = (f", before {state}'s own '{events.loc[own[0][1], 'title']}' ({_spoken(own[0][0])}, "
                          f"{own[0][1]})" if own else f"; the data records no recognition of Moscow by {state}")
                return (f"Your claim has {said.group('who').strip()} recognise Moscow first, but the data has Moscow "
                        f"recognise first: '{event['title']}' ({_spoken(str(event['date_text']))}, {row.event_id})"
                        f"{theirs}. Check who acted first against those events in data/events.csv.")
    return None
