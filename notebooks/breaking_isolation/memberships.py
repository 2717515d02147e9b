"""A state said to join an international body ("The Soviet Union joined the League of Nations in 1927"), read
against the kit's events between the two: when the data holds events between them in the claim's year and none of
its events between them records the state joining or being admitted (its title or text), the claim is refused,
with what the data does record between them then. A denial, a wish or a condition says nothing; a body the data
has no event with in that year is not judged (the data cannot tell).
"""

from __future__ import annotations

import re

import pandas as pd

from . import acts_named, claim_people, ties_said
from .patterns import lazy

JOINED = lazy(r"\b(?:joined|entered|was\s+admitted\s+(?:to|into)|became\s+(?:a\s+)?member\s+of|was\s+let\s+into)"
              r"\s+(?:the\s+)?", re.IGNORECASE)
ENTRY = lazy(r"\b(?:join\w*|admi(?:t|ts|tted|ssion)|membership|became\s+a\s+member|entr(?:y|ies)\s+into)\b",
             re.IGNORECASE)
BODIES = ("international_organisation",)
STATES = ("state",)


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim makes a state join a body the data records it in no way joining (module text), or
    None."""
    actors = data.actors
    kinds = dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))
    labels = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str)))
    names = ties_said.actor_names(actors)
    family = ties_said._family(data)
    events = data.events
    for begin, finish, _ in ties_said._clauses(claim):
        clause = claim[begin:finish]
        if ties_said.HYPOTHETICAL.search(clause):
            continue
        for said in JOINED.finditer(clause):
            if ties_said.DENIED.search(clause[:said.start()]):
                continue
            before = [m for m in ties_said.mentions(clause[:said.start()], names)][-1:]
            after = ties_said.mentions(clause[said.end():], names)[:1]
            if not before or not after or after[0].start > 0:
                continue
            state, body = before[0].actor, after[0].actor
            if kinds.get(body) not in BODIES or kinds.get(state) not in STATES:
                continue
            years = set(claim_people.years_in(clause))
            side = family.get(state, {state})
            pair = events[(events["actor"].astype(str).isin(side) & (events["counterpart"].astype(str) == body))
                          | ((events["actor"].astype(str) == body) & events["counterpart"].astype(str).isin(side))]
            if pair.empty or not years:
                continue
            texts = pair["title"].astype(str) + " " + pair["description"].fillna("").astype(str)
            if texts.str.contains(ENTRY.compiled).any():
                continue  # the data records an entry: its year is for the date rules
            then = pair[pair["date"].dt.year.isin(years)].sort_values("date")
            if then.empty:
                continue
            mine = then["event_id"].astype(str).isin(set(cited))
            shown = pd.concat([then[mine], then[~mine]]).head(3)
            listed = "; ".join(f"'{r['title']}' ({acts_named.spoken(r)}, {r['event_id']})" for _, r in shown.iterrows())
            first = str(shown.iloc[0].get("description", "") or "").split("; ")[0].split(". ")[0].strip().rstrip(".")
            when = " and ".join(map(str, sorted(years)))
            quoted = " ".join(clause[before[0].start:said.end() + after[0].end].split())
            return (f"Your claim says '{quoted}' in {when}, but the kit's data records no entry of the "
                    f"{labels.get(state, state)} into the {labels.get(body, body)}: none of its events between them "
                    f"says so. What it records between them in {when} is {listed}" + (f": \"{first}.\"" if first else ".")
                    + f" Read {'it' if len(shown) == 1 else 'them'}, then say what the tie was.")
    return None
