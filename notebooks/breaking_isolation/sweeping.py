"""Sweeping claims about Moscow's ties, read against the data's events of their years:

- "Germany never had a quarrel with Moscow in the 1920s": a tie said never to have been hostile is refused when
  the data has hostile events between the two in the years the claim names (the exercise's years if none), with
  the events;
- "Moscow lost all its friends in 1927", "Moscow had no friends left in 1927": refused when the data has
  cooperative events between Moscow and others in that year, with the others and the events.

- "the communists never lost anything by it": a side said never to have lost anything is refused when the data
  has hostile events against it in the years the claim names (the exercise's years if none), with the events;
- "Moscow always kept its allies", "Moscow never lost an ally": refused when the data has, in those years, hostile
  events against Moscow by sides that had been its partners before (a cooperative event with Moscow earlier),
  with the events.

A wish ("would never have quarrelled") says nothing here.
"""

from __future__ import annotations

import re

import pandas as pd

from . import ties_said
from .checks import with_article
from .absolutes import _labels, _period
from .misconceptions import _spoken
from .recognition import state_of

HYPOTHETICAL = re.compile(r"\b(would|could|should|might|must)\s+have\b|\bif\b|\bunless\b", re.IGNORECASE)
NEVER_HOSTILE = re.compile(
    r"\b(?:never|not\s+once|at\s+no\s+(?:point|time))\s+(?:(?:had|was|were|got|came|went|been|into|to|in|a|any|one|"
    r"single|real|serious)\s+){0,4}(?:quarrel\w*|hostil\w*|enem(?:y|ies)|fought|fight|clash\w*|conflict\w*|"
    r"disput\w*|tensions?|at\s+odds|turned\s+(?:on|against)|attacked)\b", re.IGNORECASE)
NO_FRIENDS = re.compile(r"\b(?:lost\s+(?:all|every\s+one)\s+(?:of\s+)?(?:its|their|his)|had\s+no|was\s+left\s+with\s+no|"
                        r"left\s+with\s+no)\s+(?:\w+\s+)?(?:friends?|allies|partners)\b", re.IGNORECASE)


NEVER_LOST = re.compile(r"\bnever\s+(?:really\s+)?lost\s+(?:anything|a\s+thing|out|at\s+all)\b"
                        r"|\blost\s+nothing\b", re.IGNORECASE)
KEPT_ALL = re.compile(r"\balways\s+kept\s+(?:all\s+)?(?:its|their|his|her)\s+(?:allies|friends|partners)\b"
                      r"|\bnever\s+lost\s+(?:an?|any|a\s+single|one)\s+(?:of\s+its\s+)?(?:ally|allies|friends?|partners?)\b"
                      r"|\bkept\s+all\s+(?:of\s+)?(?:its|their|his|her)\s+(?:allies|friends|partners)\b", re.IGNORECASE)


def read(claim: str, data, start: str, end: str) -> str | None:
    """The first refusal of the rules (module text), or None."""
    if HYPOTHETICAL.search(claim):
        return None
    return (never_hostile(claim, data, start, end) or no_friends(claim, data)
            or never_lost(claim, data, start, end) or kept_all(claim, data, start, end))


def never_lost(claim: str, data, start: str, end: str) -> str | None:
    """A side said never to have lost anything, against the hostile events done to it (module text)."""
    said = NEVER_LOST.search(claim)
    if said is None:
        return None
    found = ties_said.mentions(claim[:said.start()], ties_said.actor_names(data.actors))
    if not found:
        return None
    side = found[-1]
    own = ties_said._family(data).get(side.actor, {side.actor})
    events = data.events
    lo, hi = _years(claim[said.start():], start, end)
    rows = events[events["counterpart"].astype(str).isin(own) & ~events["actor"].astype(str).isin(own)
                  & (events["tone"].astype(str) == "hostile") & events["date"].dt.year.between(lo, hi)]
    if rows.empty:
        return None
    labels = _labels(data)
    who = "Moscow" if side.actor in ties_said.SOVIET else with_article(labels.get(side.actor, side.typed))
    return (f"Your claim says the {side.typed} {said.group(0)}, but the data has {len(rows)} hostile "
            f"event{'s' if len(rows) != 1 else ''} against {who} in {lo}–{hi}{_among(rows)}: "
            f"{_listed(rows.sort_values('date'))}. Read them, then say what it gained and what it lost.")


def kept_all(claim: str, data, start: str, end: str) -> str | None:
    """Moscow said to have kept every ally, against hostile acts of its former partners (module text)."""
    said = KEPT_ALL.search(claim)
    if said is None:
        return None
    found = ties_said.mentions(claim[:said.start()], ties_said.actor_names(data.actors))
    moscow = ties_said._family(data).get("ussr", {"ussr"}) | set(ties_said.SOVIET)
    if not found or found[-1].actor not in moscow:
        return None
    events = data.events.sort_values("date")
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    lo, hi = _years(claim[said.start():], start, end)
    partners: dict[str, pd.Timestamp] = {}
    for a, c, tone, day in zip(actor, counterpart, events["tone"].astype(str), events["date"]):
        other = c if a in moscow else a if c in moscow else None
        if other and other not in moscow and tone == "cooperative":
            partners.setdefault(other, day)
    family = ties_said._family(data)

    def partner_since(a: str):  # the Nanjing government is a partner as the Kuomintang was: one family
        days = [day for p, day in partners.items() if p == a or a in family.get(p, ()) or p in family.get(a, ())]
        return min(days) if days else None

    since = [partner_since(a) for a in actor]
    turned = events[~actor.isin(moscow) & counterpart.isin(moscow) & (events["tone"].astype(str) == "hostile")
                    & events["date"].dt.year.between(lo, hi)
                    & pd.Series([d is not None and day > d for d, day in zip(since, events["date"])], index=events.index)]
    named = {state_of(data.actors).get(m.actor, m.actor) for m in ties_said.mentions(claim, ties_said.actor_names(data.actors))
             if m.actor not in moscow}
    if named:  # "its allies in China": the partners of the states the claim names
        states = state_of(data.actors)
        turned = turned[[states.get(a, a) in named for a in turned["actor"].astype(str)]]
    if turned.empty:
        return None
    # a break of relations first: the plainest loss of a partner
    turned = turned.assign(_break=turned["kind"].astype(str) != "relations_broken").sort_values(["_break", "date"])
    labels = _labels(data)
    others = dict.fromkeys(labels.get(a, a) for a in turned["actor"].astype(str))
    return (f"Your claim says Moscow {said.group(0)}, but the data has {len(turned)} hostile "
            f"event{'s' if len(turned) != 1 else ''} against Moscow in {lo}–{hi} by sides that had been its partners "
            f"before ({', '.join(others)}){_among(turned)}: {_listed(turned)}. Say which allies Moscow kept, and which it lost.")


def _years(text: str, start: str, end: str) -> tuple[int, int]:
    lo, hi = _period(text) or (pd.Timestamp(start).year, pd.Timestamp(end).year)
    return max(lo, pd.Timestamp(start).year), min(hi, pd.Timestamp(end).year)


def _among(rows: pd.DataFrame) -> str:
    """", among them" when _listed shows only some of the rows."""
    return ", among them" if len(rows) > 3 else ""


def _listed(rows: pd.DataFrame) -> str:
    return "; ".join(f"'{r.title}' ({_spoken(str(r.date_text))}, {r.event_id})" for r in rows.head(3).itertuples())


def never_hostile(claim: str, data, start: str, end: str) -> str | None:
    """A tie said never to have been hostile, against the hostile events between its two sides (module text)."""
    said = NEVER_HOSTILE.search(claim)
    if said is None:
        return None
    found = [m for m in ties_said.mentions(claim, ties_said.actor_names(data.actors))]
    two = [m for m in found if m.end <= said.start()][-1:] + [m for m in found if m.start >= said.end()][:1]
    if len(two) < 2:  # "Germany and Moscow never quarrelled": both before the word
        two = [m for m in found if m.end <= said.start()][-2:]
    if len(two) < 2 or ties_said._same(two[0].actor, two[1].actor):
        return None
    family = ties_said._family(data)
    one, other = (family.get(m.actor, {m.actor}) for m in two)
    events = data.events
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    lo, hi = _years(claim[said.start():], start, end)
    rows = events[((actor.isin(one) & counterpart.isin(other)) | (actor.isin(other) & counterpart.isin(one)))
                  & (events["tone"].astype(str) == "hostile") & events["date"].dt.year.between(lo, hi)]
    if rows.empty:
        return None
    labels = _labels(data)
    a, b = ("Moscow" if m.actor in ties_said.SOVIET else labels.get(m.actor, m.typed) for m in two)
    return (f"Your claim says {a} and {b} were never hostile ('{said.group(0)}'), but the data has "
            f"{len(rows)} hostile event{'s' if len(rows) != 1 else ''} between them in {lo}–{hi}: "
            f"{_listed(rows.sort_values('date'))}. Read {'them' if len(rows) != 1 else 'it'}, then say when the "
            "tie was friendly and when it was not.")


def no_friends(claim: str, data) -> str | None:
    """Moscow said to have lost every friend in a year, against its cooperative events of that year (module text)."""
    said = NO_FRIENDS.search(claim)
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim)]
    if said is None or len(set(years)) != 1:
        return None
    found = ties_said.mentions(claim[:said.start()], ties_said.actor_names(data.actors))
    moscow = ties_said._family(data).get("ussr", {"ussr"})
    if not found or found[-1].actor not in moscow:
        return None
    events = data.events
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    rows = events[(actor.isin(moscow) != counterpart.isin(moscow)) & (events["tone"].astype(str) == "cooperative")
                  & (events["date"].dt.year == years[0])].sort_values("date")
    if rows.empty:
        return None
    labels = _labels(data)
    others = dict.fromkeys(labels.get(c if a in moscow else a, c if a in moscow else a)
                           for a, c in zip(rows["actor"].astype(str), rows["counterpart"].astype(str)))
    return (f"Your claim says Moscow {said.group(0)} in {years[0]}, but the data has {len(rows)} cooperative "
            f"event{'s' if len(rows) != 1 else ''} between Moscow and {len(others)} other{'s' if len(others) != 1 else ''} "
            f"that year ({', '.join(others)}): {_listed(rows)}. Say which ties Moscow lost, and which it kept.")
