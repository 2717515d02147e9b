"""Exercise checks: say right or wrong with a hint, and never give the answer away.

A notebook's exercise ends with a check the student runs:

    answer = ...                               # the student replaces ... with an answer
    kit.check("recognition-1", answer)         # prints right, wrong with a hint, or "not answered yet"

Each exercise registers one checker, which works the expected answer out from the data (never typed in) and
compares. A checker returns `right(...)` or `wrong(hint)`; the hint says where to look, not what to find:

    @checks.exercise("network-1", expects="a whole number")
    def _(answer, data):
        expected = ...                          # computed from data.events / data.actors
        return checks.right() if checks.as_int(answer) == expected else checks.wrong("Count the edges, not the nodes.")

An answer that is still `...` (or None) is "not answered yet"; one that cannot be read as what the exercise
`expects` says so, without a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numbers

import pandas as pd

RIGHT, WRONG, UNANSWERED, UNREADABLE = "right", "wrong", "unanswered", "unreadable"
_LABELS = {RIGHT: "✔ Right.", WRONG: "✘ Not right yet.", UNANSWERED: "… Not answered yet.",
           UNREADABLE: "? Cannot read this answer."}


@dataclass(frozen=True)
class Verdict:
    status: str
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status == RIGHT

    def __str__(self) -> str:
        return f"{_LABELS[self.status]} {self.message}".strip()


@dataclass(frozen=True)
class Exercise:
    name: str
    expects: str
    checker: Callable


EXERCISES: dict[str, Exercise] = {}


def exercise(name: str, expects: str) -> Callable:
    """Register the decorated function as the checker of exercise `name`; `expects` describes the answer's form."""
    def register(checker: Callable) -> Callable:
        if name in EXERCISES:
            raise ValueError(f"exercise {name!r} is registered twice")
        EXERCISES[name] = Exercise(name, expects, checker)
        return checker
    return register


def right(message: str = "") -> Verdict:
    return Verdict(RIGHT, message)


def wrong(hint: str) -> Verdict:
    return Verdict(WRONG, "Hint: " + hint)


class Unreadable(ValueError):
    """Raised by the normalisers below when an answer is not of the expected form."""


def verdict(name: str, answer, data=None) -> Verdict:
    """Check `answer` to exercise `name` against `data` (the kit's data by default)."""
    if name not in EXERCISES:
        raise KeyError(f"no exercise called {name!r}; known: {', '.join(sorted(EXERCISES)) or 'none'}")
    entry = EXERCISES[name]
    if answer is Ellipsis or answer is None:
        return Verdict(UNANSWERED, f"Replace the ... with your answer ({entry.expects}), run that cell, then run this one.")
    if data is None:
        from .loader import load
        data = load()
    try:
        result = entry.checker(answer, data)
    except (Unreadable, TypeError, ValueError, KeyError, AttributeError):
        return Verdict(UNREADABLE, f"This exercise expects {entry.expects}; your answer is a {type(answer).__name__}.")
    if not isinstance(result, Verdict):
        raise TypeError(f"the checker of {name!r} returned {result!r}, not a Verdict")
    return result


def check(name: str, answer, data=None) -> None:
    """Print whether `answer` to exercise `name` is right, with a hint when it is not."""
    print(f"{name}: {verdict(name, answer, data)}")


# --- reading answers: lenient about form, strict about content -----------------------------------


def as_int(answer) -> int:
    """A whole number, from an int, a whole float, a one-value Series or a numeric string."""
    if isinstance(answer, (pd.Series, pd.Index)) and len(answer) == 1:
        answer = answer.iloc[0] if isinstance(answer, pd.Series) else answer[0]
    if isinstance(answer, str):
        answer = answer.strip()
        if not answer.lstrip("-").isdigit():
            raise Unreadable(answer)
        return int(answer)
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        raise Unreadable(answer)
    if float(answer) != int(answer):
        raise Unreadable(answer)
    return int(answer)


def as_id_set(answer, names: Mapping[str, str] | None = None) -> set[str]:
    """A set of ids from a list, set, tuple, Index, Series (its values) or one string.

    `names` maps lower-case names to ids, so that "United Kingdom" is read as `britain`.
    """
    if isinstance(answer, str):
        answer = [answer]
    elif isinstance(answer, pd.DataFrame):
        raise Unreadable("a table")
    elif isinstance(answer, Mapping):
        answer = list(answer)
    if not isinstance(answer, Iterable):
        raise Unreadable(answer)
    found = set()
    for item in answer:
        if not isinstance(item, str):
            raise Unreadable(item)
        key = item.strip()
        found.add((names or {}).get(key.lower(), key))
    return found


def as_number_mapping(answer, names: Mapping[str, str] | None = None) -> dict[str, float]:
    """{id: number} from a dict or a Series indexed by id; Timedeltas become days."""
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, Mapping):
        raise Unreadable(answer)
    found = {}
    for key, value in answer.items():
        if not isinstance(key, str):
            raise Unreadable(key)
        if isinstance(value, pd.Timedelta):
            value = value / pd.Timedelta(days=1)
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise Unreadable(value)
        found[(names or {}).get(key.strip().lower(), key.strip())] = float(value)
    return found


def compare_sets(given: set[str], expected: set[str], what: str, hint: str) -> Verdict:
    """Right, or a hint that says how many are wrong or missing without naming them."""
    if given == expected:
        return right(f"All {len(expected)} {what}.")
    extra, missing = len(given - expected), len(expected - given)
    parts = []
    if extra:
        parts.append(f"{extra} of yours {'does' if extra == 1 else 'do'} not belong")
    if missing:
        parts.append("some are missing")
    return wrong(" and ".join(parts).capitalize() + ". " + hint)
