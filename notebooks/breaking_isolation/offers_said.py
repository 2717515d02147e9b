"""Who offered: a claim that makes the one who rejected an offer its maker ("In 1923 Hughes offered to recognise the
USSR", "Hughes proposed trade talks in 1921"), read against the titles of data/events.csv that say who rejected
whose offer or proposal ("Hughes rejects Chicherin's offer to negotiate", "Hughes rejects Soviet proposal for trade
talks").

The claim is refused when its subject is the one the title has reject the offer, and the title names another side
as its maker, with the event's title and date. An offer the claim denies, wishes or puts in a condition ("Hughes
never offered", "would have offered") says nothing here.
"""

from __future__ import annotations

import re

from . import claim_people
from .patterns import lazy

# "Hughes rejects Chicherin's offer to negotiate", "Hughes rejects Soviet proposal for trade talks"
REJECTS = lazy(r"^(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+(?:rejects|refuses|declines|turns\s+down)\s+"
               r"(?P<whose>[A-Z][\w-]+)(?:['’]s)?\s+(?P<thing>offer|proposal|request|proposals)\b")
OFFERED = lazy(r"\b(?:offered|proposed|suggested|asked\s+for|called\s+for|put\s+forward)\b", re.IGNORECASE)
DENIED = lazy(r"\b(?:not|never|no|would|could|might|should|if|rejected|refused)\b|n['’]t\b", re.IGNORECASE)


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim makes the one who rejected an offer its maker (module text), or None."""
    from .misconceptions import _spoken

    for said in OFFERED.finditer(claim):
        head = claim[:said.start()]
        begin = max([m.end() for m in re.finditer(r"[,;:]|\b(?:but|and|because|so|while|after|which)\b", head,
                                                  re.IGNORECASE)] or [0])
        clause = head[begin:]
        if DENIED.search(clause):
            continue
        years = set(claim_people.years_in(claim))
        for row in data.events.itertuples():
            title = REJECTS.match(str(row.title))
            if title is None or (years and row.date.year not in years and row.event_id not in set(cited)):
                continue
            who = title.group("who").split()[-1]
            if not re.search(rf"\b{re.escape(who)}\b", clause):
                continue
            return (f"Your claim says {who} {said.group(0)} ('{' '.join(claim[begin:said.end()].split())}'). But the "
                    f"data's event '{row.title}' ({_spoken(str(row.date_text))}, {row.event_id}) says the "
                    f"{title.group('thing')} came from {title.group('whose')}, and {who} rejected it. Check who "
                    "offered what in data/events.csv.")
    return None
