"""A tie said to hold before or after an event the claim names ("Stalin backed Chiang after the Shanghai
massacre", "Moscow was Chiang's ally until the Shanghai massacre"), read against the kit's events between the
two on that side of the event's date. One rule for every claim:

- events of the claim's tone on that side of the date: nothing to say (ties_said names what it found);
- events of the other tone only: refused, with the event the claim names, its date, and the events found;
- no event between the two on that side of the date: the check says it could not check that part, and a
  refusal ties_said would give for the tie over the whole years (which the claim did not speak of) is dropped.

The event is the one the clause after "after", "since", "until" or "before" names by its title (claim_people);
the two sides are the actors just before and after the word of tone (ties_said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import checks, claim_people, ties_said
from .patterns import lazy

AFTER = ("after", "since", "following")
BEFORE = ("until", "till", "before")
OPENER = lazy(r"\s*,?\s*(?P<word>after|since|following|until|till|before)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Anchored:
    refusal: str | None = None
    unchecked: tuple[str, ...] = ()


def _event(text: str, data, actor_words: set[str], cited) -> pd.Series | None:
    """The one event a phrase names by its title ("the Shanghai massacre"), or None."""
    if re.search(r"\b1[89]\d\d\b", text) and not re.search(r"[a-z]{4,}", re.sub(r"\b(?:the|in|of)\b", "", text)):
        return None  # "after 1927": a year, not an event (ties_said reads years)
    rows = claim_people.named_events(text, data.events, actor_words, cited)
    return rows.iloc[0] if len(rows) else None


def read(claim: str, data, start: str, end: str, cited=()) -> Anchored:
    """What the claim says of a tie before or after an event it names (module text), within the exercise's years
    (start to end: "after the Shanghai massacre" is not 1932)."""
    from .misconceptions import _spoken

    names = ties_said.actor_names(data.actors)
    actor_words = claim_people.words_of_names(names)
    clauses = ties_said._clauses(claim)
    family = ties_said._family(data)
    persons = ties_said.person_names(data.actors)
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    labels = {a: " ".join(label.split(",")[0].split()) for a, label in checks.actor_labels(data.actors).items()}
    labels.update({s: "Moscow" for s in ties_said.SOVIET})
    unchecked: list[str] = []
    for i, (begin, finish, opener) in enumerate(clauses):
        if ties_said.HYPOTHETICAL.search(claim[begin:finish]):
            continue
        following = OPENER.match(claim, finish)
        word = opener if opener in AFTER + BEFORE else following.group("word").lower() if following else None
        if word is None:
            continue
        anchor_text = (claim[begin:finish] if opener in AFTER + BEFORE
                       else claim[clauses[i + 1][0]:clauses[i + 1][1]] if i + 1 < len(clauses) else "")
        event = _event(anchor_text, data, actor_words, cited)
        if event is None:
            continue
        found = [m for m in ties_said.mentions(claim[begin:finish], names)  # not "the German October"'s German
                 if not ties_said._names_a_thing(claim[begin:finish], m, data)]
        for tone, pattern in (("cooperative", ties_said.COOPERATIVE), ("hostile", ties_said.HOSTILE)):
            for said in pattern.finditer(claim, begin, finish):
                at = said.start() - begin
                if ties_said.DENIED.search(claim[max(begin, said.start() - 40):said.start()]) or \
                        ties_said.BREAK_VERB.match(claim, said.start()):
                    continue
                before = [m for m in found if m.end <= at]
                after = [m for m in found if m.start >= said.end() - begin]
                if not before or not after or ties_said._same(before[-1].actor, after[0].actor):
                    continue
                a, b = before[-1].actor, after[0].actor
                joined = ties_said._linked(data.events, family.get(a, {a}), family.get(b, {b}), persons, owners=owners)
                day = event["date"]
                window = data.events["date"].between(pd.Timestamp(start), pd.Timestamp(end))
                on_side = window & ((data.events["date"] > day) if word in AFTER else (data.events["date"] < day))
                side = data.events[joined & on_side]
                tones = side["tone"].astype(str)
                what = f"{'after' if word in AFTER else 'before'} '{event['title']}' ({_spoken(str(event['date_text']))}, {event['event_id']})"
                who, whom = labels.get(a, a), labels.get(b, b)
                if (tones == tone).any():
                    continue
                if side.empty and word in AFTER and joined.get(event.name, False) and str(event["tone"]) == tone:
                    continue  # the event itself set the tie's tone, and nothing after it changed it: ties_said reads it
                # acts of that tone by others that name both sides ("the ECCI backs Stalin's line of alliance with
                # Wuhan"): not the tie's own events, so the check can neither pass nor refuse it
                loose = ties_said._linked(data.events, family.get(a, {a}), family.get(b, {b}), persons, loose=True)
                others = data.events[loose & ~joined & on_side & (data.events["tone"].astype(str) == tone)]
                other = "hostile" if tone == "cooperative" else "cooperative"
                if (tones == other).any() and others.empty:
                    shown = side[tones == other].sort_values("date").head(2)
                    early = _meanwhile(data, side[tones == other], on_side, tone, word, (a, b), family, persons, owners)
                    if not early.empty:  # "then" holds the body's acts before the tie's first of the other tone
                        unchecked.append(f"the tie between {who} and {whom} ('{said.group(0)}') {what}: its first "
                                         f"{other} event comes later ({shown.iloc[0]['event_id']}), and before it "
                                         f"{early.iloc[0]['event_id']} ('{early.iloc[0]['title']}', "
                                         f"{_spoken(str(early.iloc[0]['date_text']))}) is {tone}")
                        continue
                    listed = ", ".join(f"{r.event_id} ('{r.title}', {_spoken(str(r.date_text))})" for r in shown.itertuples())
                    return Anchored(f"Your claim calls the tie between {who} and {whom} {tone} {what} "
                                    f"('{said.group(0)}'), but the kit's events between them then are {other}: "
                                    f"{listed}. Read them, then say what the tie was.")
                unchecked.append(f"the tie between {who} and {whom} ('{said.group(0)}') {what}: the kit's data has "
                                 "no event between them then")
    return Anchored(None, tuple(dict.fromkeys(unchecked)))


def _meanwhile(data, others: pd.DataFrame, on_side: pd.Series, tone: str, word: str, two: tuple[str, str],
               family: dict, persons: dict, owners: dict) -> pd.DataFrame:
    """Events of the claim's tone between the two sides, or the body a person belongs to ("Blyukher presents the
    plan" to the Kuomintang, Chiang's party), dated between the anchor and the tie's nearest event of the other
    tone: "after the Canton coup" speaks of them first, not of a hostile act a year later."""
    sides = [family.get(x, {x}) | ({owners[x]} if owners.get(x) else set()) for x in two]
    wider = ties_said._linked(data.events, sides[0], sides[1], persons, owners=owners)
    dates = data.events["date"]
    nearer = dates < others["date"].min() if word in AFTER else dates > others["date"].max()
    return data.events[wider & on_side & nearer & (data.events["tone"].astype(str) == tone)].sort_values(
        "date", ascending=word in AFTER)
