"""An alliance the data does not record: a claim that calls a treaty an alliance ("The Treaty of Berlin in 1926 was a
military alliance between Germany and the USSR", "Turkey and the USSR signed a military alliance in 1925"), read
against the treaty's own text in data/events.csv.

The treaty is the one the clause names by its title, or else the treaties of the clause's year between the state
it names and Moscow. The claim is refused when every one of them is one whose text makes it a pledge of
neutrality or non-aggression, or says it had no military clauses, with the data's sentence. When the two sides
have an act of military cooperation in that year, and the clause does not name the treaty, the check does not
judge: "allies" may speak of that. A clause that brings Moscow into an alliance by a treaty it names whose two
sides in the data are neither of them Moscow's ("Locarno brought the USSR into an alliance with Britain and
France") is refused with that treaty's sides and text: Moscow was no party to it. A denial ("was not an alliance", "joined no alliance") says nothing here.
"""

from __future__ import annotations

import re

import pandas as pd

from . import acts_named, checks, claim_people, ties_said
from .patterns import lazy

ALLIANCE = lazy(r"\b(?:alliance|allies|ally|allied)\b", re.IGNORECASE)
NOT_ALLIED = lazy(r"\bneutral\w*|\bnon-aggression\b|\bno\s+military\s+clauses?\b", re.IGNORECASE)
DENIED = lazy(r"(?:\b(?:not|no|never|nor|neither|without|instead\s+of|rather\s+than)\b|n['’]t\b)"
              r"(?:\s+[\w'’-]+){0,3}\s*$", re.IGNORECASE)
WISH = lazy(r"\b(?:would|could|might|should)\s+have\b|\bif\b|\b(?:wanted|hoped|sought|tried|feared|offered|"
            r"proposed|asked)\b", re.IGNORECASE)
# "after the Treaty of Berlin": the treaty dates the clause, it is not what the clause calls an alliance
ANCHOR = lazy(r"\b(?:after|before|since|until|following)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
              r"(?:treaty|pact|agreement)(?:\s+of\s+[A-Z]\w+)?(?:\s+of\s+1[89]\d\d)?", re.IGNORECASE)
TREATY_KINDS = ("treaty", "relations_established")
OUTSIDE = lazy(r"\b(?:to|for|against|by|towards|at|feared|fear|worried|alarmed|threatened|isolated|excluded|"
               r"without|except)\s+(?:the\s+)?$", re.IGNORECASE)


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when a clause calls a treaty the data records as neutrality or non-aggression an alliance (module
    text), or None."""
    years = claim_people.years_in(claim)
    for begin, finish, _ in ties_said._clauses(claim):
        clause = claim[begin:finish]
        said = ALLIANCE.search(clause)
        if said is None or DENIED.search(clause[:said.start()]) or WISH.search(clause):
            continue
        part = ANCHOR.sub(" ", clause)
        own_years = claim_people.years_in(clause) or years
        rows = acts_named.named(part, data, own_years, cited)
        rows = rows[rows["kind"].astype(str).isin(TREATY_KINDS)] if len(rows) else rows
        outside = _without_moscow(part, rows, data)
        if outside:
            return outside
        if rows.empty:
            rows = _between(part, data, own_years)
        if rows.empty:
            hostile = _only_hostile(part, data, own_years)
            if hostile:
                return hostile
        if rows.empty or not all(NOT_ALLIED.search(_text(r)) for _, r in rows.iterrows()):
            continue
        row = rows.iloc[0]
        sentence = next((s for s in re.split(r"(?<=\.)\s+", str(row.get("description", "") or ""))
                         if NOT_ALLIED.search(s)), str(row["title"]))
        return (f"Your claim calls '{row['title']}' ({acts_named.spoken(row)}, {row['event_id']}) an alliance "
                f"('{' '.join(clause[max(0, said.start() - 30):said.end()].split()[-5:])}'), but the data says: "
                f"\"{sentence.strip().rstrip('.')}.\" Check what it bound the two sides to against that event in data/events.csv.")
    return None


def _without_moscow(part: str, rows: pd.DataFrame, data) -> str | None:
    """A refusal when the part names Moscow as in an alliance made by a treaty it names whose sides are both
    other states', or None."""
    _, soviet = acts_named._sides(data)
    names = ties_said.actor_names(data.actors)
    # Moscow as one who sees or is aimed at ("looked to Moscow like an alliance", "against the USSR") is not in it
    inside = [m for m in ties_said.mentions(part, names) if m.actor in soviet
              and not OUTSIDE.search(part[:m.start])]
    if rows.empty or not inside:
        return None
    if any({str(r["actor"]), str(r["counterpart"])} & soviet for _, r in rows.iterrows()):
        return None
    row = rows.iloc[0]
    labels = checks.actor_labels(data.actors)
    return (f"Your claim puts Moscow in an alliance by '{row['title']}' ({acts_named.spoken(row)}, {row['event_id']}), "
            f"but Moscow was no party to it: the data has it between "
            f"{checks.with_article(labels.get(str(row['actor']), row['actor']))} and "
            f"{checks.with_article(labels.get(str(row['counterpart']), row['counterpart']))}, and says: \"{str(row.get('description', '') or '').strip()}\" "
            "Check who made it against that event in data/events.csv.")


def _only_hostile(part: str, data, years) -> str | None:
    """"Britain and the USSR were allies in 1926": a refusal when the data has no treaty between the state the part
    names and Moscow in those years, and every event between them in those years is hostile; else None."""
    states = acts_named.states_named(part, data)
    names = ties_said.actor_names(data.actors)
    state_ids, soviet = acts_named._sides(data)
    if not states or not years or not any(m.actor in soviet for m in ties_said.mentions(part, names)):
        return None
    own = state_ids.get(states[0].actor, states[0].actor)
    events = data.events
    pair = events[[own in {state_ids.get(str(a), str(a)), state_ids.get(str(c), str(c))} and bool({str(a), str(c)} & soviet)
                   and y in set(years) for a, c, y in zip(events["actor"], events["counterpart"], events["date"].dt.year)]]
    if pair.empty or not (pair["tone"].astype(str) == "hostile").all():
        return None
    labels = checks.actor_labels(data.actors)
    shown = "; ".join(f"'{r.title}' ({acts_named.spoken(pd.Series(r._asdict()))}, {r.event_id})"
                      for r in pair.sort_values("date").head(3).itertuples())
    when = " or ".join(str(y) for y in sorted(set(years)))
    return (f"Your claim makes {checks.with_article(labels.get(own, own))} and Moscow allies in {when}, but the data has no treaty "
            f"between them that year, and every event between them then is hostile: {shown}. Check the tie "
            "against those events in data/events.csv.")


def _text(row) -> str:
    return f"{row.get('title', '')}. {row.get('description', '') or ''}"


def _between(part: str, data, years) -> pd.DataFrame:
    """The treaties of `years` between the state the part names and Moscow; none when the part gives no year, or
    when the two sides also cooperated in arms that year (an alliance may mean that)."""
    states = acts_named.states_named(part, data)
    if not states or not years:
        return data.events.iloc[0:0]
    state_ids, soviet = acts_named._sides(data)
    own = state_ids.get(states[0].actor, states[0].actor)
    events = data.events
    pair = [own in {state_ids.get(str(a), str(a)), state_ids.get(str(c), str(c))}
            and bool({str(a), str(c)} & soviet) and y in set(years)
            for a, c, y in zip(events["actor"], events["counterpart"], events["date"].dt.year)]
    rows = events[pair]
    if (rows["kind"].astype(str) == "military_cooperation").any():
        return events.iloc[0:0]
    return rows[rows["kind"].astype(str).isin(TREATY_KINDS)].sort_values("date")
