"""Whose government sat where: a claim that gives a person a government at a place that names another government
("Chiang Kai-shek's government at Wuhan", "the Wuhan government of Chiang", "Wang Jingwei's Nanjing government"),
read against actors.csv. A person's own government is the one they belong to (Wang Jingwei: the Wuhan government)
or the one whose note opens with their name (Chiang Kai-shek's at Nanjing); a person with none (Borodin, of the
Soviet party) is not judged, and neither is a claim about a year after the person's own government ended.
"""

from __future__ import annotations

import re

import pandas as pd

from . import claim_people, ties_said
from .patterns import lazy

# what a government is called in a claim
SEAT = r"(?:government|regime|administration|capital|headquarters|base|cabinet)"
# "Chiang's government at Wuhan": the person as owner, then the seat, then its place
OWNED_AT = lazy(rf"^'?s?\s+(?:(?:own|new|rival|nationalist|national|left|right|\w+ist)\s+){{0,2}}{SEAT}\s+"
                r"(?:(?:was\s+|sat\s+|stood\s+)?(?:at|in)|based\s+(?:at|in))\s+(?:the\s+city\s+of\s+)?$", re.IGNORECASE)
# "Chiang's Wuhan government": the person as owner, the place just after
OWNED_PLACE = lazy(r"^'?s?\s+(?:(?:own|new|rival)\s+)?$", re.IGNORECASE)
# "the Wuhan government of Chiang", "the government at Wuhan under Chiang", "Wuhan, led by Chiang"
PLACE_OF = lazy(rf"^\s*(?:(?:nationalist|national)\s+)?(?:{SEAT}\s+)?,?\s*(?:of|under|led\s+by|headed\s+by|run\s+by)"
                r"\s+$", re.IGNORECASE)
# "Chiang led the Wuhan government", "Chiang headed the government at Wuhan"
LED = lazy(rf"^\s+(?:then\s+|also\s+)?(?:led|headed|ran|was\s+(?:the\s+)?head\s+of|was\s+at\s+the\s+head\s+of)\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:(?:new\s+|rival\s+)?{SEAT}\s+(?:at|in)\s+)?$",
           re.IGNORECASE)
GOVERNMENT_WORD = lazy(rf"^\s*{SEAT}\b", re.IGNORECASE)


def _spoken(date) -> str:
    day = pd.Timestamp(date)
    return f"{day.day} {day:%B %Y}"


def read(claim: str, data, cited=()) -> str | None:
    """Why the claim is refused, when it gives a person a government at a place that is another government's
    (module text); None when it does not, or when the check cannot tell."""
    from . import agents

    actors = data.actors
    names = ties_said.actor_names(actors)
    found = ties_said.mentions(claim, names)
    if len(found) < 2:
        return None
    kinds = dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))
    owners = dict(zip(actors["actor_id"].astype(str), actors["belongs_to"].fillna("").astype(str)))
    family = ties_said._family(data)
    rows = actors.set_index(actors["actor_id"].astype(str))
    years = set(claim_people.years_in(claim))
    for person in (m for m in found if kinds.get(m.actor) == "person"):
        own = agents.own_government(person.actor, kinds, owners, family)
        if len(own) != 1:
            continue
        mine = next(iter(own))
        ended = pd.to_datetime(rows.loc[mine, "end_date"], errors="coerce")
        if pd.notna(ended) and years and min(years) > ended.year:
            continue  # a year after the person's own government ended: the check does not know where they were
        for place in (m for m in found if kinds.get(m.actor) == "government" and m.actor not in own):
            if agents._person_on(person.actor, place.actor, owners, family):
                continue
            if place.start >= person.end:
                between = claim[person.end:place.start]
                seat = (OWNED_AT.search(between)
                        or (OWNED_PLACE.search(between) and person.typed.endswith(("'s", "’s", "'", "’"))
                            and (GOVERNMENT_WORD.search(claim[place.end:]) or place.typed.lower().endswith(SEATS)))
                        or LED.search(between))
            else:
                between = claim[place.end:person.start]
                seat = PLACE_OF.search(between) and (GOVERNMENT_WORD.search(between)
                                                     or place.typed.lower().endswith(SEATS)
                                                     or re.search(r"\b(?:at|in)\s+$", claim[:place.start]))
            if not seat:
                continue
            return _refusal(claim, person, place, mine, rows, owners)
    return None


SEATS = ("government", "regime", "administration")


def _heads(government: str, rows: pd.DataFrame, owners: dict[str, str]) -> list[str]:
    """The persons actors.csv puts in a government, by name."""
    return [str(rows.loc[a, "name"]) for a, o in owners.items() if o == government and rows.loc[a, "kind"] == "person"]


def _refusal(claim: str, person, place, mine: str, rows: pd.DataFrame, owners: dict[str, str]) -> str:
    who = str(rows.loc[person.actor, "name"])
    theirs = str(rows.loc[mine, "name"])
    other = str(rows.loc[place.actor, "name"])
    began = str(rows.loc[mine, "start_date"]).split()[0]
    since = f", from {_spoken(began)}" if re.fullmatch(r"\d{4}-\d\d-\d\d", began) else ""
    heads = [h for h in _heads(place.actor, rows, owners) if h != who]
    under = f", under {' and '.join(heads)}" if heads else ""
    quoted = " ".join(claim[min(person.start, place.start):max(person.end, place.end)].split())
    return (f"Your claim says '{quoted}', but that ties {who} to the wrong government. In the kit's data, "
            f"{who}'s own government was the {theirs}{since}. The government named by '{place.typed}' was the "
            f"{other}{under}. Check both in data/actors.csv.")


def own_seats(claim: str, data) -> set[str]:
    """The places (lower case) that name the own governments of the men the claim names: "nanjing" for Chiang."""
    from . import agents

    actors = data.actors
    kinds = dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))
    owners = dict(zip(actors["actor_id"].astype(str), actors["belongs_to"].fillna("").astype(str)))
    names = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str)))
    family = ties_said._family(data)
    found = set()
    for m in ties_said.mentions(claim, ties_said.actor_names(actors)):
        if kinds.get(m.actor) == "person":
            found |= {names[g].split()[0].lower() for g in agents.own_government(m.actor, kinds, owners, family)}
    return found
