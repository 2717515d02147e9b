"""What a claim check works out from the actors table, worked out once while the table holds the same cells.

A claim check reads the actors' names, families and short names in a dozen rules, and each rule worked them
out afresh from the table: a tenth of a CPU second of every claim checked. `by_table` keeps each result under
the cells it was made from (the columns the function reads, NaN apart from any text), so a table a student
edits (a new name, a note) is a new key and is read afresh. Each call gets its own copy of what is kept.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Mapping

import pandas as pd

KEPT = 8  # results kept per function: the kit's table, and a few a notebook may change
_READING: list[dict] = []  # while a check reads one answer: each table's key, under the table itself


@contextlib.contextmanager
def one_reading():
    """While a check reads one answer its tables do not change, so each table's key is read once, not in every
    rule that asks (the key reads every cell)."""
    _READING.append({})
    try:
        yield
    finally:
        _READING.pop()


def key(table: pd.DataFrame, columns: tuple[str, ...]) -> tuple:
    """Which of `columns` the table has, and each one's cells (None for an empty one), as one hashable value."""
    present = tuple(column for column in columns if column in table)
    return (present, *(tuple(None if empty else cell for cell, empty in zip(table[column].tolist(),
                                                                           table[column].isna().tolist()))
                       for column in present))


def _key_now(table: pd.DataFrame, columns: tuple[str, ...]) -> tuple:
    if not _READING:
        return key(table, columns)
    seen = _READING[-1]
    kept = seen.get((id(table), columns))
    if kept is None or kept[0] is not table:  # the table itself is kept too, so its id is not another's
        kept = seen[id(table), columns] = (table, key(table, columns))
    return kept[1]


def by_table(*columns: str, of: Callable = lambda first: first) -> Callable:
    """Keep what the function returns for a table's `columns`; `of` finds the table in the first argument (say
    `data.actors` in `data`); a second argument, a mapping of labels, is part of the key."""
    def decorate(function: Callable) -> Callable:
        kept: dict[tuple, object] = {}

        @functools.wraps(function)
        def wrapper(first, labels: Mapping[str, str] | None = None):
            found = (_key_now(of(first), columns), tuple(sorted(labels.items())) if labels is not None else None)
            if found not in kept:
                if len(kept) >= KEPT:
                    kept.pop(next(iter(kept)))
                kept[found] = function(first) if labels is None else function(first, labels)
            return _fresh(kept[found])

        wrapper.kept = kept
        return wrapper
    return decorate


def per_reading(function: Callable) -> Callable:
    """Keep what the function returns while one answer is read (`one_reading`), for the same arguments: a dozen
    rules ask for the same tables worked out from the data (the events between nodes, each state's first
    recognition, the events a claim names), and each worked them out afresh, a fifth of the CPU a claim check
    took. Tables and the data are the same objects all through one reading, and none of them changes in it;
    text, numbers and tuples are compared by value. Outside a reading (a notebook's own cell) nothing is kept.
    Each call gets its own copy of what is kept, as by_table gives."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if not _READING:
            return function(*args, **kwargs)
        seen = _READING[-1]
        found = (wrapper, tuple(_part(a) for a in args), tuple((k, _part(v)) for k, v in sorted(kwargs.items())))
        kept = seen.get(found)
        if kept is None:  # the arguments are kept too, so that no other object takes one of their ids meanwhile
            kept = seen[found] = (args, kwargs, function(*args, **kwargs))
        return _copied(kept[2])

    return wrapper


def _part(value):
    """An argument as part of a key: by value when it is text, a number or a collection of them, else by id."""
    if isinstance(value, (str, int, float, bool, type(None), bytes)):
        return type(value), value  # True is not 1 here
    if isinstance(value, (tuple, list, set, frozenset)):
        parts = tuple(_part(item) for item in value)
        return (type(value).__name__, frozenset(parts) if isinstance(value, (set, frozenset)) else parts)
    return ("id", id(value))


def _copied(value):
    """A copy of a kept value that a caller may change without changing what is kept."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy()
    if isinstance(value, dict):
        return {name: _copied(item) for name, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if isinstance(value, set):
        return {_copied(item) for item in value}
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_copied(item) for item in value)
    return value


def _fresh(value):
    """A copy of a kept mapping that a caller may add to, its sets copied too."""
    return {name: set(item) if isinstance(item, set) else item for name, item in value.items()}
