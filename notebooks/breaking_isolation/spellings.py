"""One name, whichever way it is spelt: the kit writes Chinese places in pinyin in its own words (Beijing, Nanjing,
Guangzhou, Hankou), while its sources, their quotations and the names historians give three events (the Canton
coup, the Nanking Incident, the Canton Commune) keep the older spellings (Peking, Nanking, Canton, Hankow). A
student may write either.

The checks read every answer, and the data they hold it against, in one spelling (`as_kit`), so no verdict turns
on which one a student or a row of the data wrote. What a verdict says gives the three events their historians'
names again (`as_named`).
"""

from __future__ import annotations

import re
from dataclasses import fields, replace

from .patterns import lazy

# Each place in the kit's spelling, and the older spellings of the 1920s (Peiping: Beijing's name from 1928).
PLACES = {"Beijing": ("Peking", "Peiping"), "Nanjing": ("Nanking",), "Guangzhou": ("Canton",), "Hankou": ("Hankow",)}
# Events whose names historians give in the older spelling: what a verdict says keeps them so.
NAMED = ("Canton coup", "Nanking Incident", "Canton Commune")

_KIT = {old.lower(): new for new, olds in PLACES.items() for old in olds}
# A word, not part of an id ("1927-peking-embassy-raid") or a longer word; "Canton-Hong Kong" is the word Canton.
OLD = lazy(r"(?<![\w-])(?:" + "|".join(sorted((re.escape(o).replace(r"\ ", r"\s+") for o in _KIT), key=len,
                                             reverse=True)) + r")(?!\w)(?!-(?-i:[a-z0-9]))", re.IGNORECASE)
_NAMED = {f"{_KIT[name.split()[0].lower()]} {name.split()[1]}".lower(): name for name in NAMED}
KIT_NAMED = lazy(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NAMED) + r")(?![\w-])",
                 re.IGNORECASE)
_COLUMNS = {"events": ("title", "description", "date_note"), "actors": ("name", "note")}


def _spelt(match: re.Match) -> str:
    typed = match.group(0)
    new = _KIT[" ".join(typed.lower().split())]
    return new.lower() if typed.islower() else new


def as_kit(text: str) -> str:
    """`text` with each older spelling of a Chinese place in pinyin, as the kit writes it ("Peking": "Beijing",
    "the Canton Commune": "the Guangzhou Commune"); a student's lower case stays lower case. (A person's or the
    party's name in pinyin, "Jiang Jieshi", "Guomindang", the checks read from data/actors.csv's notes.)"""
    return OLD.sub(_spelt, text) if isinstance(text, str) else text


def answer_as_kit(answer):
    """An answer with every text in it read as `as_kit` reads a text: an event's title or a government's name typed
    in the older spelling ("Purge at Canton", "Peking government") is the one the data gives in pinyin."""
    if isinstance(answer, str):
        return as_kit(answer)
    if isinstance(answer, (list, tuple)):
        return type(answer)(map(answer_as_kit, answer)) if type(answer) in (list, tuple) else answer
    if isinstance(answer, dict) and type(answer) is dict:
        return {key: answer_as_kit(value) for key, value in answer.items()}
    return answer


def as_named(text: str) -> str:
    """`text` with the events historians name in the older spelling named so again ("the Guangzhou Commune": "the
    Canton Commune")."""
    return KIT_NAMED.sub(lambda m: _NAMED[" ".join(m.group(0).lower().split())], text) if isinstance(text, str) else text


_KIT_VIEW: dict[bytes, object] = {}  # the kit's data in one spelling, by loader.kit_data_key()


def kit_data_as_kit():
    """The kit's own data (loader.load()) in one spelling, worked out once while its files are unchanged, not
    for every answer checked; each call gets its own copy of the tables."""
    from .loader import kit_data_key, load

    key = kit_data_key()
    if key not in _KIT_VIEW:
        view = data_as_kit(load())  # raises DataError on bad data: nothing is kept
        _KIT_VIEW.clear()
        _KIT_VIEW[key] = view
    view = _KIT_VIEW[key]
    return replace(view, **{field.name: getattr(view, field.name).copy() for field in fields(view)})


_VIEWS: dict[int, tuple[object, object]] = {}
KEPT = 4  # views kept: the kit's data, and a few tables a notebook or test may make


def data_as_kit(data):
    """The kit's data with its events' titles, descriptions and date notes and its actors' names and notes in one
    spelling (`as_kit`); the same object for the same data, so that what the checks keep for a table is kept."""
    kept = _VIEWS.get(id(data))
    if kept is not None and kept[0] is data:
        return kept[1]
    tables = {}
    for table, columns in _COLUMNS.items():
        frame = getattr(data, table, None)
        if frame is None:
            continue
        present = [c for c in columns if c in frame]
        if any(frame[c].astype(str).str.contains(OLD.compiled).any() for c in present):
            frame = frame.copy()
            for column in present:
                frame[column] = frame[column].map(as_kit)
        tables[table] = frame
    try:
        view = replace(data, **tables)
    except TypeError:  # not the kit's own data class: read as it is
        view = data
    if len(_VIEWS) >= KEPT:
        _VIEWS.pop(next(iter(_VIEWS)))
    _VIEWS[id(data)] = (data, view)
    return view
