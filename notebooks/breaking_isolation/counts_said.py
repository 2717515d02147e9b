"""Counts of recognitions a claim states, read against the counts notebook 1 prints and draws (recognition.py):

- "Only three states recognised Moscow in law before Britain": the states that recognised it de jure before that
  state's own recognition de jure (recognition.de_jure_before, the count notebook 1 prints);
- "recognition rose every single year from 1920 to 1933": the year-end table of figures 1 and 2
  (recognition.year_end_table), which is flat in some years.

A hedged number ("about ten", "more than five"), a recognition in practice (de facto) or a denial ("did not rise
every year") says nothing here.
"""

from __future__ import annotations

import re

from . import recognition, ties_said
from .evidence_words import NUMBERS
from .misconceptions import _spoken
from .patterns import lazy

STATES_BEFORE = lazy(r"(?<!\w)(?P<lead>(?:about|around|some|roughly|nearly|almost|over|at\s+least|more\s+than|"
                     r"fewer\s+than|less\s+than|under)\s+)?(?P<n>\d{1,2}|" + "|".join(NUMBERS) + r")\s+"
                     r"(?:other\s+)?(?:states|countries|governments|nations)\b(?P<rest>[^.;]*?)\bbefore\s+",
                     re.IGNORECASE)
IN_LAW = lazy(r"\b(?:in\s+law|de\s+jure|legally|fully|full|formally)\b", re.IGNORECASE)
IN_PRACTICE = lazy(r"\b(?:de\s+facto|in\s+practice)\b", re.IGNORECASE)
EVERY_YEAR = lazy(r"\b(?:rose|grew|increased|went\s+up|climbed)\s+(?:in\s+)?(?:every|each)\s+(?:single\s+)?year\b"
                  r"|\b(?:every|each)\s+(?:single\s+)?year\b[^.;,]{0,40}?\b(?:rose|grew|increased|went\s+up|"
                  r"climbed|more\s+states)\b", re.IGNORECASE)
SPAN = lazy(r"\b(?:from|between)\s+(1[89]\d\d)\s*(?:to|and|until|till|-|–)\s*(1[89]\d\d)\b", re.IGNORECASE)
DENIED = lazy(r"\b(?:not|never|no|hardly)\b[^.;]{0,25}$|n't\b[^.;]{0,25}$", re.IGNORECASE)


def read(claim: str, data) -> str | None:
    """The first refusal of the two rules (module text), or None."""
    return states_before(claim, data) or every_year(claim, data)


def states_before(claim: str, data) -> str | None:
    """"N states recognised Moscow in law before X", against the states notebook 1 counts (module text)."""
    for said in STATES_BEFORE.finditer(claim):
        if said.group("lead") or not IN_LAW.search(said.group("rest")) or IN_PRACTICE.search(said.group("rest")) \
                or "recogni" not in said.group("rest").lower() or DENIED.search(claim[:said.start()]):
            continue
        kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
        after = [m for m in ties_said.mentions(claim[said.end():], ties_said.actor_names(data.actors))
                 if m.start == 0 and kinds.get(m.actor) == "state"]
        if not after:
            continue
        changes = recognition.standing_changes(data.events, data.actors)
        before = recognition.de_jure_before(changes, after[0].actor)
        typed = said.group("n").lower()
        n = int(typed) if typed.isdigit() else NUMBERS[typed]
        if before is None or n == len(before):
            continue
        labels = dict(zip(changes["state"], changes["label"])) if "label" in changes else {}
        own = changes[(changes["state"] == after[0].actor) & (changes["recognition_after"] == "de_jure")].iloc[0]
        listed = "; ".join(f"{labels.get(r.state, r.state)} ({_spoken(str(r.date_text))}, {r.event_id})"
                           for r in before.itertuples())
        quoted = " ".join(claim[said.start():said.end() + after[0].end].split())
        return (f"Your claim says {typed} states recognised Moscow in law before {after[0].typed} ('{quoted}'), but "
                f"notebook 1 counts {len(before)} that recognised it de jure before {after[0].typed} "
                f"did ({_spoken(str(own.date_text))}, {own.event_id}): {listed}. Check the count against the table "
                "`changes`.")
    return None


def every_year(claim: str, data) -> str | None:
    """"Recognition rose every year from 1920 to 1933", against the year-end table of figures 1 and 2."""
    said = EVERY_YEAR.search(claim)
    if said is None or DENIED.search(claim[:said.start()]) or "recogni" not in claim.lower():
        return None
    changes = recognition.standing_changes(data.events, data.actors)
    table = recognition.year_end_table(changes, int(changes["date"].dt.year.min()), 1933)
    span = SPAN.search(claim)
    first, last = (int(span.group(1)), int(span.group(2))) if span else (int(table.index.min()), int(table.index.max()))
    first, last = max(first, int(table.index.min())), min(last, int(table.index.max()))
    law = IN_LAW.search(claim) is not None
    counts = table["de_jure"] if law else table["de_facto"] + table["de_jure"]
    what = "recognising Moscow de jure" if law else "recognising Moscow in any form (de facto or de jure)"
    flat = [y for y in range(first + 1, last + 1) if counts[y] <= counts[y - 1]]
    if not flat:
        return None
    run = [flat[0] - 1, flat[0]]
    while run[-1] + 1 in flat and counts[run[-1] + 1] == counts[run[0]]:
        run.append(run[-1] + 1)
    same = counts[run[0]] == counts[run[-1]]
    years = f"each year's end from {run[0]} to {run[-1]}" if len(run) > 2 else f"the end of {run[0]} and {run[-1]}"
    quoted = " ".join(claim[said.start():said.end()].split())
    found = (f"{int(counts[run[0]])} states {what} at {years}" if same else
             f"{int(counts[run[0]])} states {what} at the end of {run[0]} and {int(counts[run[1]])} at the end of {run[1]}")
    return (f"Your claim says recognition rose every year ('{quoted}'), but the year-end table of figures 1 and 2 "
            f"(`year_end`) has {found}. Read the table, then say when recognition grew and when "
            "it stood still.")
