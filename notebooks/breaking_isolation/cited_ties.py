"""What the events a student cites say of a tie the claim names, beyond their actor and counterpart columns:

- a title that names both sides, with a word of tone between them ("Stalin's theses: Moscow turns against Chiang
  and backs Wuhan" for Stalin and Wuhan, 'backs'): that event is evidence of the tie, with the title's tone, not
  the event's own (which is the tone of its actor towards its counterpart);
- an event of the tone between one side and the party a person on the other side belongs to ("Blyukher presents
  the plan for the Northern Expedition" to the Kuomintang, for Moscow and Chiang Kai-shek);
- a side turning against the other side's friend while the claim says the tie held ("Feng Yuxiang ... sides
  against the Communists" in June 1927, while the tie between Moscow and the Communists was cooperative): that
  refutes "loyal to Moscow until 1928".
"""

from __future__ import annotations

import re

import pandas as pd

from .patterns import lazy

# A title's words of tone, in the present tense titles use ("backs Wuhan", "sides against the Communists"), besides
# the claim's words (ties_said.COOPERATIVE, ties_said.HOSTILE)
TITLE_COOPERATIVE = lazy(r"\b(?:backs|supports|aids|helps|arms|sides\s+with|allies\s+with)\b", re.IGNORECASE)
TITLE_HOSTILE = lazy(r"\b(?:sides?\s+against|turns?\s+(?:on|against)|breaks?\s+with|against)\b", re.IGNORECASE)


def _tone_between(text: str, words: tuple) -> str | None:
    """The tone of the last word of tone in `text` (the words between a title's two names), or None; `words`:
    the claim's words of tone (ties_said's COOPERATIVE and HOSTILE, passed in: that module reads this one)."""
    cooperative, hostile = words
    found = [(m.start(), "cooperative") for p in (cooperative, TITLE_COOPERATIVE) for m in p.finditer(text)]
    found += [(m.start(), "hostile") for p in (hostile, TITLE_HOSTILE) for m in p.finditer(text)]
    return max(found)[1] if found else None


def titled(events: pd.DataFrame, cited, one: set[str], two: set[str], names: dict[str, str], tone: str,
           start, end, mentions, words: tuple) -> pd.DataFrame:
    """The cited events from start to end whose title names a member of each side, the second after a word of
    `tone` ("Moscow turns against Chiang and backs Wuhan": 'backs', before Wuhan); `mentions` and `words`:
    ties_said's reader of names and its words of tone."""
    rows = events[events["event_id"].astype(str).isin(set(cited)) & (events["date"] >= start)
                  & (events["date"] <= end)]
    keep = []
    for title in rows["title"].astype(str):
        found = mentions(title, names)
        hit = False
        for a in found:
            for b in found:
                if a.start < b.start and ((a.actor in one and b.actor in two) or (a.actor in two and b.actor in one)):
                    # the word of tone just before the second name, after any other name ("against Chiang and
                    # backs Wuhan": 'backs' is said of Wuhan)
                    last_name = max((m.end for m in found if m.end <= b.start), default=a.end)
                    hit = hit or _tone_between(title[last_name:b.start], words) == tone
        keep.append(hit)
    return rows[keep]


def with_persons_body(events: pd.DataFrame, cited, one: set[str], two: set[str], persons, owners: dict[str, str],
                      tone: str, years) -> pd.DataFrame:
    """The cited events of `tone` in `years` between one side and the party or government a person of the other
    side belongs to (Moscow's adviser and the Kuomintang, for Moscow and Chiang Kai-shek)."""
    rows = events[events["event_id"].astype(str).isin(set(cited)) & (events["tone"].astype(str) == tone)
                  & events["date"].dt.year.isin(list(years))]
    keep = []
    for x, y in zip(rows["actor"].astype(str), rows["counterpart"].astype(str)):
        hit = False
        for mine, other in ((one, two), (two, one)):
            bodies = {owners.get(p, "") for p in other if p in persons} - {""}
            hit = hit or (x in mine and y in bodies) or (y in mine and x in bodies)
        keep.append(hit)
    return rows[keep]


def against_friend(events: pd.DataFrame, cited, one: set[str], two: set[str], names: dict[str, str],
                   family: dict[str, set[str]], lo: int, hi: int, mentions, linked, hostile):
    """(event row, the friend's id, the friend's last cooperative event with the other side) for a cited event
    from lo to hi in which a member of one side turns against ("sides against", "turns on") a third party whose
    tie with the other side was cooperative then; None when there is none. `mentions`, `linked` and `hostile`:
    ties_said's reader of names, its events between two sides and its words of hostility."""
    from .network_model import sign_of

    rows = events[events["event_id"].astype(str).isin(set(cited)) & events["date"].dt.year.between(lo, hi)]
    for row in rows.sort_values("date").itertuples():
        title = str(row.title)
        for side, other in ((one, two), (two, one)):
            if str(row.actor) not in side:
                continue
            for said in [*TITLE_HOSTILE.finditer(title), *hostile.finditer(title)]:
                after = [m for m in mentions(title[said.end():], names)]
                if not after:
                    continue
                friend = after[0].actor
                friends = family.get(friend, {friend})
                if friends & (one | two):
                    continue
                tie = events[linked(events, friends, other, {}) & (events["date"] <= row.date)].sort_values("date")
                if tie.empty:
                    continue
                if sign_of(tie["date"], tie["tone"], str(row.date.date()), tie["kind"]) == "cooperative":
                    last = tie[tie["tone"].astype(str) == "cooperative"].tail(1)
                    return row, friend, last
    return None
