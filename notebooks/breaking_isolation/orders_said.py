"""An order said to lie behind a hostile act: "Chiang Kai-shek turned on the Communists in 1927 because Moscow told
him to", "Chiang massacred the communists on Stalin's orders", "Moscow ordered Chiang to turn on the communists".

The check cannot read an order that left no trace, but it can read what the one said to give it was doing at the
time. When the data holds the act (a hostile event of the doer's side against the other side), and the one said to
have ordered it had, before it, no hostile act of its own against that other side, and its last act towards that
side was friendly, the claim is refused: the data's events show the giver of the order working with the side it is
said to have had attacked. The message names that last friendly act, and the giver's first hostile act against the
doer's side after it, if there is one ("nine days later, Moscow turned against Chiang").

An order the data backs with a hostile act of the giver's own against the same side ("the communists left the
Wuhan government because Moscow told them to", the Comintern's order of 14 July 1927) is never refused, nor is an
act the claim does not call hostile ("joined", "allied with"), nor an order given to someone other than the doer.
"""

from __future__ import annotations

import re

import pandas as pd

from . import claim_people, ties_said
from .patterns import lazy

ORDERED = r"(?:told|ordered|instructed|asked|directed|commanded|urged|wanted|pushed|pressed|made)"
# "because Moscow told him to", "since Stalin had ordered them to", "as the Comintern instructed him"
BECAUSE_ORDER = lazy(rf"\b(?:because|since|as|after)\s+(?P<giver>(?:the\s+)?[\w'’ -]+?)\s+(?:had\s+)?{ORDERED}\s+"
                     r"(?P<whom>him|her|them|it|(?:the\s+)?[A-Z][\w'’ -]*?)(?:\s+to\b|\s*[.,;]|\s*$)", re.IGNORECASE)
# "on Moscow's orders", "on the orders of Stalin", "at the Comintern's command", "on instructions from Moscow"
ON_ORDERS = lazy(r"\b(?:on|at|under|by|following)\s+(?:the\s+)?(?:(?P<giver1>[\w'’ -]+?)['’]s?\s+)?"
                 r"(?:orders?|instructions?|command|bidding|directive|request)"
                 r"(?:\s+(?:of|from)\s+(?P<giver2>(?:the\s+)?[\w'’ -]+?))?(?=\s*[.,;]|\s*$|\s+(?:in|at|to|and)\b)",
                 re.IGNORECASE)
# "Moscow ordered Chiang to turn on the communists", "Stalin told Chiang Kai-shek to attack the communists"
GIVER_FIRST = lazy(rf"(?P<giver>\b[\w'’ -]+?)\s+(?:had\s+)?{ORDERED}\s+(?P<whom>[\w'’ -]+?)\s+to\s+(?P<act>.+)$",
                   re.IGNORECASE)
# "not on Moscow's orders", "never because Moscow told him to": the order denied, just before it
NOT = lazy(r"(?:\bnot|\bnever|n't|\bwithout|\bnor)\s*(?:\w+\s+){0,2}$", re.IGNORECASE)
PRONOUNS = {"him", "her", "them", "it"}
WINDOW = pd.Timedelta(days=366)  # how far before the act the giver's own hostile acts are looked for


def _first(found, start: int, end: int, last: bool = False):
    """The first (or last) mention that starts inside start:end."""
    inside = [m for m in found if start <= m.start < end]
    return (inside[-1] if last else inside[0]) if inside else None


def _parts(claim: str, names):
    """(giver, doer, target, where the act is said) as the claim's mentions, or None when it says no such order."""
    found = ties_said.mentions(claim, names)
    for m in BECAUSE_ORDER.finditer(claim):
        giver = _first(found, m.start("giver"), m.end("giver"))
        before = [f for f in found if f.end <= m.start()]
        if giver is None or len(before) < 2:
            continue
        whom = m.group("whom").strip().lower()
        doer, target = before[0], next((f for f in before[1:] if not ties_said._same(f.actor, before[0].actor)), None)
        named = _first(found, m.start("whom"), m.end("whom"))
        if target is None or (whom not in PRONOUNS and (named is None or named.actor != doer.actor)):
            continue
        ordered = claim[m.end():].split(".")[0].split(",")[0]
        if m.group(0).rstrip().endswith("to") and ordered.strip() and not ties_said.HOSTILE.search(ordered):
            continue  # "because Moscow told him to share power": an order of something else
        if NOT.search(claim, 0, m.start()):
            continue
        return giver, doer, target, claim[doer.end:target.end]
    for m in ON_ORDERS.finditer(claim):
        span = "giver1" if m.group("giver1") else "giver2"
        giver = _first(found, m.start(span), m.end(span), last=span == "giver1") if m.group(span) else None
        before = [f for f in found if f.end <= (giver.start if giver and span == "giver1" else m.start())]
        if giver is None or len(before) < 2:
            continue
        doer, target = before[0], next((f for f in before[1:] if not ties_said._same(f.actor, before[0].actor)), None)
        if target is None or NOT.search(claim, 0, m.start()):
            continue
        return giver, doer, target, claim[doer.end:target.end]
    m = GIVER_FIRST.search(claim)
    if m:
        giver = _first(found, m.start("giver"), m.end("giver"))
        doer = _first(found, m.start("whom"), m.end("whom"))
        target = _first(found, m.start("act"), m.end("act"))
        if giver and doer and target and not ties_said._same(doer.actor, target.actor):
            return giver, doer, target, m.group("act")
    return None


def read(claim: str, data, cited=()) -> str | None:
    """Why the claim is refused, when it gives a hostile act an order the giver's own acts of the time contradict."""
    from .misconceptions import _spoken

    names = ties_said.actor_names(data.actors)
    parts = _parts(claim, names)
    if parts is None:
        return None
    giver, doer, target, act = parts
    if not ties_said.HOSTILE.search(act) or ties_said.HYPOTHETICAL.search(claim):
        return None
    family = ties_said._family(data)
    givers = family.get(giver.actor, {giver.actor})
    moscow = set().union(*(family.get(a, {a}) for a in (*ties_said.SOVIET, "comintern")))
    if giver.actor in moscow:  # Moscow: the Soviet state, its party, the Comintern and their people, as one line
        givers = moscow
    doers, targets = family.get(doer.actor, {doer.actor}), family.get(target.actor, {target.actor})
    if givers & (doers | targets):
        return None
    events = data.events
    acts = events[events["actor"].astype(str).isin(doers) & events["counterpart"].astype(str).isin(targets)
                  & (events["tone"].astype(str) == "hostile")]
    years = claim_people.years_in(claim)
    if years:
        acts = acts[acts["date"].dt.year.isin(set(years))]
    if acts.empty:
        return None
    mine = acts[acts["event_id"].astype(str).isin(set(cited))]
    effect = (mine if len(mine) else acts).sort_values("date").iloc[0]
    when = effect["date"]
    towards = events[events["actor"].astype(str).isin(givers) & events["counterpart"].astype(str).isin(targets)
                     & (events["date"] < when)].sort_values("date")
    if towards.empty:
        return None
    if ((towards["tone"].astype(str) == "hostile") & (towards["date"] >= when - WINDOW)).any():
        return None  # the giver had turned on that side itself: an order is not against its own line
    last = towards.iloc[-1]
    if str(last["tone"]) != "cooperative":
        return None
    who = "Moscow" if giver.actor in moscow else giver.typed
    whom = _the(target.typed)
    said = (f"Your claim says {doer.typed} acted against {whom} ('{' '.join(act.split()).rstrip(' .,')}') "
            f"because {_the(giver.typed)} ordered it. The data has {doer.typed}'s act in '{effect['title']}' "
            f"({_spoken(str(effect['date_text']))}, {effect['event_id']}), but no order for it: before it, "
            f"{who}'s last act towards {whom} was a friendly one, '{last['title']}' "
            f"({_spoken(str(last['date_text']))}, {last['event_id']}), and {who} took no hostile step against "
            f"{whom} in the year before.")
    after = events[events["actor"].astype(str).isin(givers) & events["counterpart"].astype(str).isin(doers | _bodies(doer.actor, data, family))
                   & (events["date"] >= when) & (events["tone"].astype(str) == "hostile")].sort_values("date")
    if len(after):
        turn = after.iloc[0]
        said += (f" After the act, {who} turned against {doer.typed}'s side: '{turn['title']}' "
                 f"({_spoken(str(turn['date_text']))}, {turn['event_id']}).")
    return said + " Read those events in data/events.csv: whose line was the act?"


def _bodies(actor: str, data, family) -> set[str]:
    """The body a person belongs to in actors.csv, with its members ("Chiang Kai-shek": the Kuomintang)."""
    actors = data.actors.set_index(data.actors["actor_id"].astype(str))
    if actor not in actors.index or str(actors.loc[actor, "kind"]) != "person":
        return set()
    body = actors.loc[actor, "belongs_to"]
    return set(family.get(str(body), {str(body)})) if pd.notna(body) and str(body) else set()


def _the(typed: str) -> str:
    """A name as a sentence says it: "the Communists", "the Comintern", but "Moscow", "Chiang Kai-shek"."""
    bare = typed.strip().removesuffix("'s").removesuffix("’s")
    if bare.lower().startswith("the ") or " " in bare or bare.lower() in ties_said.MOSCOW_NAMES:
        return bare
    return f"the {bare}" if bare.endswith("s") or bare.isupper() or bare.lower() == "comintern" else bare
