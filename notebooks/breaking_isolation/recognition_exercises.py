"""The exercise checks of notebook 01-recognition. Each works its expected answer out from the data.

The answers are computed here, privately, and nowhere in the kit's public functions: no exercise is solved by
one call to the kit (the student builds the answer from `changes`).
"""

from __future__ import annotations

import pandas as pd

from . import checks
from .recognition import counts_at, recognition_counts, standing_changes, state_of
from .vocabulary import SOVIET_STATE


def _gaps(changes: pd.DataFrame) -> pd.Series:
    """Days from each state's first de facto recognition to its first de jure recognition, for states that
    had both in that order."""
    counted = changes[changes["counted"]]
    first = counted.groupby(["state", "recognition_after"], observed=True)["date"].min().unstack()
    both = first.dropna(subset=["de_facto", "de_jure"]) if {"de_facto", "de_jure"} <= set(first.columns) else first.iloc[:0]
    both = both[both["de_facto"] < both["de_jure"]] if len(both) else both
    if not len(both):
        return pd.Series(dtype="int64", name="gap_days")
    return (both["de_jure"] - both["de_facto"]).dt.days.rename("gap_days").sort_values()


def _broken_off(changes: pd.DataFrame) -> set[str]:
    """States that broke off relations with Moscow (or with which Moscow broke them off), counted breaks only."""
    return set(changes.loc[changes["counted"] & (changes["kind"] == "relations_broken"), "state"])



def _state_names(data) -> dict[str, str]:
    """What a student may type for a state: its id or name in any case, or a common name ("Britain"). "Nationalist
    China" is the Nationalists' government at Nanjing, from 1927 (data/actors.csv), so that an answer that names
    it is told it is a government, not left unread."""
    names = checks.names_of(data.actors)
    if "china-nanjing" in set(data.actors["actor_id"].astype(str)):
        names.setdefault("nationalist china", "china-nanjing")
    return names


def _state_words(data) -> list[str]:
    """The names of states only: the words a "Did you mean" may offer where a state is asked for (never 'chiang'
    for 'chian')."""
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    return [name for name, actor in _state_names(data).items() if kinds.get(actor) == "state"]


# Exercise 1's day: Britain broke off relations, and the student reads what that did to the recognition count.
# No table of the notebook prints that day's count (they print year ends), so the student reads figure 1.
# The day is the data's, never typed here: the first counted break of relations with Britain.
EXERCISE_1_STATE = "britain"


def exercise_1_day(changes: pd.DataFrame) -> pd.Timestamp:
    """The day of exercise 1: the first counted `relations_broken` row for Britain in `changes`."""
    breaks = changes[changes["counted"] & (changes["kind"] == "relations_broken")
                     & (changes["state"] == EXERCISE_1_STATE)]
    return pd.Timestamp(breaks["date"].min())


def _day_text(day: pd.Timestamp) -> str:
    return f"{day.day} {day:%B %Y}"


def _states(data) -> int:
    """How many states the data knows: no count of states can be more."""
    return int((data.actors["kind"].astype(str) == "state").sum())


@checks.exercise("recognition-1", expects="a whole number")
def _check_de_jure_on_the_day(answer, data):
    changes = standing_changes(data.events, data.actors)
    day = exercise_1_day(changes)
    expected = int(counts_at(recognition_counts(changes), day)["de_jure"])
    given = checks.as_int(answer)
    states = _states(data)
    impossible = checks.outside(given, 0, states, f"the kit's data knows {states} states, so the count is from 0 "
                                f"to {states}")
    if impossible:
        return impossible
    if given == expected:
        return checks.right(f"{expected} states. That is the de jure line of the recognition chart on {_day_text(day)}: Britain's "
                            "break did not lower it.")
    if given > expected:
        return checks.wrong("Too many: the chart's line holds its value until the next change, so you need the last "
                            f"change on or before {_day_text(day)}. Do not add up acts: a state that recognised Moscow "
                            "twice (de facto, then de jure) is one state.")
    return checks.wrong("Too few: the chart's line holds its value until the next change, so you need the last "
                        f"change on or before {_day_text(day)}, not an earlier one. Read the de jure line, not the de "
                        "facto line, and count every state that recognised Moscow in law by that day.")


@checks.exercise("recognition-2", expects="a list of state ids, such as ['britain', 'germany']")
def _check_ruptures(answer, data):
    expected = _broken_off(standing_changes(data.events, data.actors))
    typed = checks.as_typed_ids(answer, _state_names(data))
    given = set(typed)
    from .ties_said import _family, no_break

    family, labels = _family(data), checks.actor_labels(data.actors)
    owners, kinds = state_of(data.actors), dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    # a government of a state the answer lacks ("china-beijing" for "china"): its state's id, not "does not belong";
    # the state itself is not named, as the check never names what is missing
    governed = {s: owners[s] for s in given - expected if isinstance(s, str) and kinds.get(s) == "government"
                and owners.get(s, s) in expected - given}
    reasons = [f"{checks.shown(typed.get(s, s))} ({labels.get(s, s)}) is a government, not a state: this exercise "
               "takes states, so write the id of the state it governed." for s in sorted(governed)]
    if governed and set(governed) == given - expected and set(governed.values()) == expected - given:
        return checks.wrong(*reasons)  # the right states, one of them by its government's id: nothing else to say
    reasons += [no_break(data.events, family.get(s, {s}), family["ussr"], labels.get(s, s))
                for s in sorted(given - expected) if isinstance(s, str) and s not in governed]
    return checks.compare_sets(given, expected, "states whose relations with Moscow were broken off",
                               " ".join(r for r in reasons if r) + (" " if any(reasons) else "") + "Look for breaks of relations in `changes`, keep only the rows that count "
                               "(a government that was not then recognised speaks for no state), and take "
                               "the state, not the actor who broke off.",
                               checks.actor_labels(data.actors) | {state: "Moscow itself" for state in SOVIET_STATE},
                               typed, _state_words(data))


@checks.exercise("recognition-3", expects="the gap in days for each state: a column of numbers whose index is the "
                 "states, or curly brackets such as {'a state': 100, 'another state': 200}")
def _check_gaps(answer, data):
    expected = _gaps(standing_changes(data.events, data.actors)).to_dict()
    given = checks.as_number_mapping(answer, _state_names(data))
    negative = sorted(s for s in given if given[s] < 0)
    if negative and len(negative) == len(given):
        return checks.wrong("All your gaps are below 0: you subtracted the wrong way round. De jure came after de "
                            "facto, so take the de facto date from the de jure date.")
    if negative:
        return checks.wrong(f"The gap for {checks.actor_labels(data.actors).get(negative[0], negative[0])} is below 0, which the question does not allow: "
                            "de jure came after de facto, so take the de facto date from the de jure date.")
    if set(given) != set(expected):
        return checks.compare_sets(set(given), set(expected), "",
                                   "For each state you need two dates: the first on which its recognition became "
                                   "de facto and the first on which it became de jure. Keep only the states where "
                                   "de facto came first.", checks.actor_labels(data.actors))
    off = [s for s in expected if abs(given[s] - expected[s]) > 1]
    if off:
        return checks.wrong(f"The states are right, but {len(off)} gap(s) differ by more than a day: subtract the "
                            "first de facto date from the first de jure date and take `.dt.days`.")
    if any(given[s] != expected[s] for s in expected):  # the check allows a day either way: say so
        return checks.right(f"All {len(expected)} states, with their gaps, within a day of the data's: the check "
                            "allows one day either way, for a date counted from the day before or after.")
    labels = checks.actor_labels(data.actors)
    gaps = ", ".join(f"{labels.get(s, s)} {int(expected[s])} days" for s in sorted(expected, key=expected.get))
    return checks.right(f"All {len(expected)} states, with their gaps: {gaps}.")
