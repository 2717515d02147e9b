"""Rules between rows, checked by `load()` once every cell is valid: each broken one is a Problem naming the
file, the row and the column, never a ValueError later in the analysis.

- actors.csv: `belongs_to` never goes round in a circle; a state has one recognised government at a time.
- events.csv: the rules of the standing kinds, which live in recognition.py (Moscow on both sides, a side that
  belongs to no state, relations broken off that were never established).
"""

from __future__ import annotations

import pandas as pd


def between_rows(events: pd.DataFrame, actors: pd.DataFrame, problem) -> list:
    """Every rule between rows that the data breaks; `problem(file, row, column, value, message)` makes one."""
    found = _cycles(actors, problem)
    if found:  # the rules below follow belongs_to: with a cycle in it they would mean nothing
        return found
    found += _overlapping_governments(actors, problem)
    found += _standing_rules(events, actors, problem)
    return found


def _cycles(actors: pd.DataFrame, problem) -> list:
    parent = dict(zip(actors["actor_id"], actors["belongs_to"]))
    rows = dict(zip(actors["actor_id"], actors.index))
    found, reported = [], set()
    for actor in parent:
        path, current = [], actor
        while current and current not in path:
            path.append(current)
            current = parent.get(current, "")
        if current == actor and actor not in reported:
            reported.update(path)
            circle = " → ".join([*path, actor])
            found.append(problem("actors.csv", int(rows[actor]), "belongs_to", parent[actor],
                                 f"belongs_to goes round in a circle ({circle}), so no state can be found for "
                                 "these actors; one of them must belong to a state, or to nothing"))
    return found


def _overlapping_governments(actors: pd.DataFrame, problem) -> list:
    """Two governments of one state recognised on the same day: whose acts then speak for it?"""
    from .recognition import state_of  # noqa: PLC0415 (recognition's own rule of which state an actor is)

    states = state_of(actors)
    governments = actors[(actors["kind"].astype(str) == "government") & actors["recognised_from"].notna()]
    found = []
    by_state: dict[str, list] = {}
    for row, actor, start, until in zip(governments.index, governments["actor_id"], governments["recognised_from"],
                                        governments["recognised_until"]):
        state = states.get(actor)
        if state is None:
            continue
        until = pd.Timestamp.max if pd.isna(until) else until
        for other_row, other, other_start, other_until in by_state.get(state, []):
            if start < other_until and other_start < until:  # a handover may share its day
                found.append(problem("actors.csv", int(row), "recognised_from", actor,
                                     f"its recognised period overlaps that of {other!r} (actors.csv row "
                                     f"{int(other_row)}), another government of {state!r}; a state has one "
                                     "recognised government at a time"))
        by_state.setdefault(state, []).append((row, actor, start, until))
    return found


def _standing_rules(events: pd.DataFrame, actors: pd.DataFrame, problem) -> list:
    from .recognition import standing_changes  # noqa: PLC0415 (the rules of the standing kinds live there)

    collected: list = []
    standing_changes(events, actors, problems=collected)
    if not collected:  # the usual case: no table of rows to build (element by element, it is slow)
        return []
    rows = dict(zip(events["event_id"].to_numpy().tolist(), events.index))
    return [problem("events.csv", int(rows[event_id]), column, value, message)
            for event_id, column, value, message in collected]
