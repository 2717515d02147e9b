"""Judgements historians debate, which the kit's data can neither prove nor refute ("Moscow betrayed the Chinese
Communists"): a claim that makes one is neither passed nor refused. The check says plainly that it is a judgement
and names the events a student could weigh, with their titles and dates read from data/events.csv, as lesson 5
frames the debate: Stalin's line (keep the Communists in the Kuomintang, then back Wuhan) against the Opposition's
(soviets, arms and a Communist party independent of the Kuomintang, which Trotsky himself wanted to leave).
tests/test_checks_traps5.py holds claims that must and must not set each one off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import lazy

MOSCOW = (r"(?:moscow|the kremlin|kremlin|stalin|the comintern|comintern|the ussr|ussr|the soviet union|soviet union|"
          r"the soviets|soviets|soviet russia|the bolsheviks|bolsheviks|the soviet leaders(?:hip)?)(?:'s|’s)?")
LEFT = r"(?:betray\w*|abandon\w*|sold\s+out|sell(?:s|ing)?\s+out|sacrific\w*|let\s+down|desert\w*|double-crossed)"
COMRADES = r"(?:communists?|ccp|communist\s+party|comrades|chinese\s+comrades)"


@dataclass(frozen=True)
class Debated:
    id: str
    says: re.Pattern          # a claim that makes the judgement (or denies it: that is a judgement too)
    question: str             # the debate, as a question
    section: str              # where the notebook sets it out
    evidence: tuple[str, ...]  # event ids to weigh, on both sides (tested to exist)


TABLE = (
    Debated(
        "moscow-betrayed-ccp",
        lazy(rf"\b{MOSCOW}(?:\s+\S+){{0,4}}?\s+{LEFT}(?:\s+\S+){{0,4}}?\s+{COMRADES}\b"
             rf"|\b{COMRADES}(?:\s+\S+){{0,3}}?\s+(?:were|was|had\s+been)\s+{LEFT}(?:\s+\S+){{0,2}}?\s+by\s+{MOSCOW}\b"
             rf"|\b{MOSCOW}\s+(?:betrayal|abandonment|sell-?out)\b", re.IGNORECASE),
        "did Moscow betray the Chinese Communists?",
        "The debate in Moscow: Stalin or the Opposition?",
        ("1926-ecci-seventh-plenum", "1927-stalin-theses-china", "1927-ecci-eighth-plenum",
         "1927-stalin-cable-to-borodin", "1927-trotsky-critique", "1927-ecci-leave-wuhan-government")),
)


def found_in(claim: str, data) -> list[str]:
    """For each debated judgement the claim makes, what the check says of it, with the events to weigh."""
    from .misconceptions import _spoken

    text = " ".join(claim.split())
    events = data.events.set_index(data.events["event_id"].astype(str))
    said = []
    for entry in TABLE:
        if not entry.says.search(text):
            continue
        known = sorted((e for e in entry.evidence if e in events.index), key=lambda e: events.at[e, "date"])
        listed = "; ".join(f"'{events.at[e, 'title']}' ({e}, {_spoken(events.at[e, 'date_text'])})" for e in known)
        said.append(f"Your claim makes a judgement that historians debate ({entry.question}). The kit's data can "
                    "neither prove nor refute it, so the check did not judge it: argue it from the evidence, for "
                    f"and against. Events to weigh: {listed}. Notebook 3's section \"{entry.section}\" sets out "
                    "both sides.")
    return said
