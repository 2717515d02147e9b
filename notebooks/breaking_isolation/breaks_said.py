"""A break of relations with Moscow given to the wrong side: to the state or government Moscow broke with ("In July
1929 Nanjing cut ties with Moscow": the data has the USSR breaking with Nanjing), or to another government of the
same state ("Wuhan broke with Moscow in December 1927 and closed the Soviet consulates": the break of that month is
the Nanjing government's).

A clause is read when an actor opens it as the doer of a break ("cut ties", "broke off relations", "severed"; "broke
with" only when the clause names a month, since "Wuhan broke with Moscow" may mean a political break) whose other
side, if named, is Moscow. The breaks of the month or year the clause names are the data's breaks of relations
(network_model.is_break) with Moscow on one side. The claim stands when one of them is the doer's own; it is refused
when they are Moscow's break with the doer, or another government's of the doer's state, with the data's titles,
dates and ids and the doer's own breaks. A denied or hypothetical clause is not read.
"""

from __future__ import annotations

import re

import pandas as pd

from . import act_dates, claim_people, ties_said
from .patterns import lazy

LOOSE = lazy(r"(?:broke|breaks)\s+with\b", re.IGNORECASE)
NEGATED = lazy(r"\b(?:not|never|no)\b|n't", re.IGNORECASE)


def _state(actor: str, owners: dict[str, str]) -> str:
    seen = {actor}
    while owners.get(actor) and owners[actor] not in seen:
        actor = owners[actor]
        seen.add(actor)
    return actor


def _shown(rows: pd.DataFrame) -> str:
    return "; ".join(f"'{r.title}' ({claim_people._spoken(r.date)}, {r.event_id})" for r in rows.itertuples())


def read(claim: str, data, cited=()) -> str | None:
    actors, events = data.actors, data.events
    ids = actors["actor_id"].astype(str)
    owners = dict(zip(ids, actors["belongs_to"].fillna("").astype(str)))
    labels = dict(zip(ids, actors["name"].astype(str)))
    kinds = dict(zip(ids, actors["kind"].astype(str)))
    family = ties_said._family(data)
    moscow = set().union(*(family.get(s, {s}) for s in ties_said.SOVIET))
    names = {**ties_said.actor_names(actors), **ties_said.MOSCOW_NAMES}
    found = ties_said.mentions(claim, names)
    breaks = events[ties_said._breaks(events)]
    actor, counterpart = breaks["actor"].astype(str), breaks["counterpart"].astype(str)
    breaks = breaks[actor.isin(moscow) | counterpart.isin(moscow)]
    for begin, finish, _ in ties_said._clauses(claim):
        part = claim[begin:finish]
        if ties_said.HYPOTHETICAL.search(part):
            continue
        inside = [m for m in found if begin <= m.start and m.end <= finish]
        for doer in (m for m in inside if m.actor not in moscow):
            gap = claim[doer.end:finish]
            verb = re.match(r"\s+(?:\w+\s+){0,2}?(?=\S)", gap)
            at = doer.end + (verb.end() if verb else 0)
            strict = ties_said.BREAK_VERB.match(claim, at)
            loose = LOOSE.match(claim, at)
            if not (strict or loose) or NEGATED.search(claim, doer.end, at):
                continue
            if claim[begin:doer.start].strip(" ,").lower() not in ("", "the") and not re.fullmatch(
                    r"\W*(?:in|on|by)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?1[89]\d\d\s*,?\s*(?:the\s+)?",
                    claim[begin:doer.start], re.IGNORECASE):
                continue  # the actor does not open its clause: not the doer read here
            word = strict or loose
            other = [m for m in inside if m.start >= word.end()][:1]
            if other and not (other[0].actor in moscow
                              and re.fullmatch(r"\s*(?:off\s+)?(?:relations\s+|ties\s+)?(?:(?:with|from)\s+)?(?:the\s+)?",
                                               claim[word.end():other[0].start], re.IGNORECASE)):
                continue
            when = act_dates.month_or_year(part)
            if when is None or (loose and not strict and not when[3]):
                continue
            mine = family.get(doer.actor, {doer.actor})
            then = breaks[breaks["date"].between(when[0], when[1])].sort_values("date")
            if kinds.get(doer.actor) in ("state", "government"):
                # a state's or a government's break is one of relations, never a party turning its line
                # (Stalin's theses of April 1927 broke the Soviet party with Chiang, not Peking with Moscow)
                then = then[then["kind"].astype(str) == "relations_broken"]
            if then.empty or then["actor"].astype(str).isin(mine).any():
                continue
            who = labels.get(doer.actor, doer.actor)
            said = f"'{' '.join(claim[doer.start:word.end()].split())}'"
            own = breaks[breaks["actor"].astype(str).isin(mine)].sort_values("date")
            own_said = (f" The {who}'s own break{'s are' if len(own) > 1 else ' is'}: {_shown(own)}." if len(own)
                        else f" The data records no break of relations by the {who}.")
            against = then[then["counterpart"].astype(str).isin(mine)]
            if len(against):
                return (f"Your claim makes the {who} the side that broke off relations with Moscow in {when[2]} "
                        f"({said}), but the data's break then is Moscow's, with the {who}: {_shown(against)}."
                        + own_said + " Check who broke with whom.")
            state = _state(doer.actor, owners)
            theirs = then[[state in (_state(a, owners), _state(c, owners)) for a, c in
                           zip(then["actor"].astype(str), then["counterpart"].astype(str))]]
            if len(theirs):
                body = labels.get(str(theirs.iloc[0]["actor"]), str(theirs.iloc[0]["actor"]))
                end = actors.loc[ids == doer.actor, "end_date"] if "end_date" in actors else pd.Series(dtype=str)
                ended = pd.to_datetime(end, errors="coerce").dropna()
                gone = (f" By then the {who} had ended: data/actors.csv ends it on {claim_people._spoken(ended.iloc[0])}."
                        if len(ended) and ended.iloc[0] < when[0] else "")
                return (f"Your claim gives the {who} a break with Moscow in {when[2]} ({said}), but the data's break "
                        f"then is another government's, the {body}'s: {_shown(theirs)}.{gone}" + own_said
                        + " Check which government broke.")
    return None
