"""The facts a condition states beside its wish ("Sun Yat-sen would have had to live longer, but he died in 1926";
"Wuhan would have had to keep the Communists, but it expelled them in July 1925"), read against the data:

- a person's death put in a year the data does not give it (actors.csv, end_date);
- a cited event's act put in another year: the part's verb is a form of a word of the cited event's title
  ("expelled" for "expels", "took" for "take"), and the part gives a year that is not the event's.

Only what the condition states as fact is read here; its wish is the student's to argue.
"""

from __future__ import annotations

import re

import pandas as pd

from . import claim_people, evidence_words, ties_said
from .patterns import lazy

DIED = lazy(r"\b(?:died|was\s+killed|passed\s+away|death)\b", re.IGNORECASE)
# a word that may be a verb in the past: "expelled", "took", "broke"
PAST = lazy(r"\b(?:[a-z]{3,}ed|took|broke|sent|gave|won|lost|led|left|made|kept|fought|began|set|split|told)\b",
            re.IGNORECASE)


def _spoken(day) -> str:
    day = pd.Timestamp(day)
    return f"{day.day} {day:%B %Y}"


def death_year(stated: str, data) -> str | None:
    """A refusal when the part puts a person's death in a year the data does not."""
    said = DIED.search(stated)
    years = claim_people.years_in(stated)
    if not said or not years:
        return None
    actors = data.actors
    kinds = dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))
    rows = actors.set_index(actors["actor_id"].astype(str))
    for m in ties_said.mentions(stated[:said.start()], ties_said.actor_names(actors)):
        if kinds.get(m.actor) != "person":
            continue
        died = pd.to_datetime(rows.loc[m.actor, "end_date"], errors="coerce")
        if pd.isna(died) or died.year in years:
            continue
        who = str(rows.loc[m.actor, "name"])
        return (f"puts the death of {who} in {years[0]}, but the kit's data records that {who} died on "
                f"{_spoken(died)} (data/actors.csv).")
    return None


def act_year(stated: str, data, cited=()) -> str | None:
    """A refusal when the part's verb is the act of a cited event and the part gives it another year."""
    from .denials import _forms

    years = set(claim_people.years_in(stated))
    if not years:
        return None
    verbs = [m.group(0).lower() for m in PAST.finditer(stated)]
    events = data.events[data.events["event_id"].astype(str).isin(set(cited))]
    for row in events.itertuples():
        title = str(row.title).lower()
        for verb in verbs:
            forms = [f for f in _forms(verb) if len(f) >= 3]
            forms += [f[:-1] for f in forms if len(f) > 3 and f[-1] == f[-2]]  # "expell" of "expelled": "expel"
            if not any(re.search(rf"\b{re.escape(f)}\w*\b", title) for f in forms):
                continue
            if any(re.search(rf"\b(?:never|not|no)\s+(?:\w+\s+)?{re.escape(f)}", title) for f in forms):
                continue
            spans = {row.date.year}
            ended = pd.to_datetime(getattr(row, "end_date", None), errors="coerce")
            if pd.notna(ended):
                spans |= set(range(row.date.year, ended.year + 1))
            if spans & years:
                return None
            from .misconceptions import _spoken as spoken
            return (f"puts '{row.title}' in {min(years)}; the data dates it {spoken(row.date_text)} "
                    f"({row.event_id}). Check the year against that event in data/events.csv.")
    return None


def read(stated: str, data, cited=()) -> str | None:
    """Why a condition's stated part is refused (module text); None when the check finds nothing against it."""
    if not stated.strip() or not evidence_words.words(stated):
        return None
    return death_year(stated, data) or act_year(stated, data, cited)
