"""Load the kit's three tables and check every rule in data/README.md.

`load()` returns validated DataFrames or raises one `DataError` that lists every problem found, each with
file, row, column and value, and what to do about it. No file, however broken, ends in a traceback from
pandas or the csv module. It never drops, guesses or coerces a bad value and never writes to the files.
Rows are numbered as a spreadsheet shows them: the header is row 1, the first event is row 2, and an empty
line counts as a row.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import operator
import re
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
import pandas as pd

from . import characters, csv_file, data_cache, rules
from .characters import UTF8_HINT
from .csv_file import EDGE_SPACE
from .paths import data_dir as default_data_dir
from .patterns import lazy
from .problems import DataError, Problem, shorten
from .vocabulary import (
    ACTOR_KINDS,
    EVENT_ID,
    EVENT_KINDS,
    ISO_DATE,
    REGIONS,
    SOURCE_KINDS,
    TONES,
)

EVENT_COLUMNS = {
    # column: required?
    "event_id": True, "date": True, "end_date": False, "kind": True, "actor": True, "counterpart": True,
    "title": True, "description": True, "tone": True, "source_ids": True, "alt_dates": False,
    "date_note": False,
}
ACTOR_COLUMNS = {
    "actor_id": True, "name": True, "kind": True, "belongs_to": False, "region": True,
    "start_date": False, "end_date": False, "recognised_from": False, "recognised_until": False,
    "wikidata": False, "note": False,
}
SOURCE_COLUMNS = {"source_id": True, "citation": True, "url": False, "kind": True, "note": False}

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
FIRST_YEAR, LAST_YEAR = 1900, 1950  # the kit's period, with room on both sides; a date outside is a typo
TITLE_LENGTH = 80
TEXT_LENGTH = 4000  # any other free text: a description or note longer than this is a paste gone wrong
# What a spreadsheet makes of a date: 2/1/1924, 1924/02/01, 01.02.1924. Named, never guessed at.
MANGLED_DATE = lazy(r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}")
PRECISION = {4: "year", 7: "month", 10: "day"}
# Columns of free text; every other column has a shape or a vocabulary that edge white space breaks.
FREE_TEXT = {"title", "description", "date_note", "name", "note", "citation", "url"}


@dataclass(frozen=True)
class KitData:
    events: pd.DataFrame
    actors: pd.DataFrame
    sources: pd.DataFrame


def load(data_dir: str | Path | None = None) -> KitData:
    """Load events, actors and sources from `data_dir` (the kit's data/ folder by default).

    The kit's own data is read and checked once per kernel, and again only when a file of it changes: a
    notebook and each of its exercise checks load it. The checked tables are also kept for the user's next
    kernel (data_cache.py). Every call gets its own copy of the tables.
    """
    if data_dir is None:
        return _load_kit_data()
    return _load(Path(data_dir))


_LOADED: dict[bytes, KitData] = {}  # the kit's data, by a digest of its files' bytes


def kit_data_key() -> bytes:
    """A digest of the kit's data folder and of its files' bytes: the same while no file of it changes."""
    folder = default_data_dir()
    digest = hashlib.blake2b(str(folder).encode())
    for name in ("sources.csv", "actors.csv", "events.csv", WITHHELD):
        try:
            content = (folder / name).read_bytes()
        except OSError:  # missing (withheld-columns.txt mostly is) or unreadable: _load names any problem
            content = None
        digest.update(f"\0{name}\0{-1 if content is None else len(content)}\0".encode() + (content or b""))
    return digest.digest()


def _load_kit_data() -> KitData:
    folder = default_data_dir()
    key = kit_data_key()
    if key not in _LOADED:
        data = data_cache.read(key)  # as a kernel before this one read and checked it
        if not isinstance(data, KitData):
            data = _load(folder)  # raises DataError on bad data: nothing is kept
            data_cache.write(key, data)
        _LOADED.clear()
        _LOADED[key] = data
    cached = _LOADED[key]
    return KitData(**{field.name: getattr(cached, field.name).copy() for field in fields(cached)})


def _load(folder: Path) -> KitData:
    if not folder.is_dir():
        raise DataError([Problem(folder.name or str(folder), None, None, None,
                                 "is not a folder; give the folder that holds events.csv, actors.csv and sources.csv")])
    problems: list[Problem] = []
    sources = _read_table(folder / "sources.csv", SOURCE_COLUMNS, problems)
    actors = _read_table(folder / "actors.csv", ACTOR_COLUMNS, problems)
    events = _read_table(folder / "events.csv", EVENT_COLUMNS, problems)
    if sources is not None:
        _check_sources(sources, problems)
    if actors is not None:
        _check_actors(actors, problems)
    if events is not None:
        bounds = _check_events(events, actors, sources, problems, withheld_columns(folder))
    if problems:
        raise DataError(problems)
    typed_events, typed_actors = _typed_events(events, bounds), _typed_actors(actors)
    # Rules between rows, once every cell is valid, at the rows a spreadsheet shows.
    broken = rules.between_rows(typed_events.set_axis(events.index), typed_actors.set_axis(actors.index), Problem)
    if broken:
        raise DataError(broken)
    return KitData(events=typed_events, actors=typed_actors, sources=sources)


WITHHELD = "withheld-columns.txt"  # written by the student edition: columns emptied for the students to fill


def withheld_columns(folder: Path) -> frozenset:
    """The (file, column) pairs the student edition emptied on purpose, so that an empty one is no error."""
    listing = folder / WITHHELD
    if not listing.is_file():
        return frozenset()
    lines = listing.read_text(encoding="utf-8").splitlines()
    return frozenset(tuple(line.split()[:2]) for line in lines if len(line.split()) >= 2 and not line.startswith("#"))


# --- cells ---------------------------------------------------------------------------------------
# csv_file.read finds each file's rows and fields (and what is wrong with them); each distinct value is
# judged here for garbled text and characters no value may hold (characters.py).


def _read_table(path: Path, columns: dict[str, bool], problems: list[Problem]) -> pd.DataFrame | None:
    """One CSV file as text with its cells checked, or None when its rows cannot be read."""
    frame = csv_file.read(path, columns, problems)
    if frame is not None:
        _check_cells(frame, path.name, columns, problems)
    return frame


def _check_cells(frame: pd.DataFrame, name: str, columns: dict[str, bool], problems: list[Problem]) -> None:
    reported = {(p.row, p.column) for p in problems if p.file == name}
    for column, required in columns.items():
        values = frame[column]
        cells = values.to_numpy()
        listed = cells.tolist()
        _check_text(values, listed, name, column, reported, problems)
        if column in FREE_TEXT:  # other columns have a shape or vocabulary that white space already breaks
            # Compared in C, value by value: faster than .str methods or a comprehension.
            padded = list(map(operator.ne, listed, map(str.strip, listed)))
            _report(problems, name, column, values, padded, EDGE_SPACE)
        if required:
            _report(problems, name, column, values, cells == "", "is required but empty")


def _check_text(values: pd.Series, listed: list[str], name: str, column: str, reported: set,
                problems: list[Problem]) -> None:
    """Garbled text (with its likely original), characters no value may hold, and text past any sane length,
    each named; every distinct value is judged once."""
    def wrong(value: str) -> str | None:
        original = characters.likely_original(value)
        if original is not None:
            return (f"holds text garbled by a wrong character set; it was {shorten(original)} before; "
                    + UTF8_HINT)
        found = characters.first_forbidden(value)
        if found is not None:
            return f"holds {found[0]}, {found[1]}"
        if column in FREE_TEXT and column != "title" and len(value) > TEXT_LENGTH:
            return f"is longer than {TEXT_LENGTH:,} characters ({len(value):,}); is it pasted twice, or a whole file?"
        return None

    joined = "".join(listed)
    if joined.isascii() and joined.isprintable() and (column not in FREE_TEXT or len(joined) <= TEXT_LENGTH):
        return  # the usual case for most columns, decided in one pass over the column
    suspects = _rows_where(values, lambda v: not (v.isascii() and v.isprintable()) or len(v) > TEXT_LENGTH)
    if suspects.empty:
        return
    for (row, value), message in zip(suspects.items(), _per_distinct(suspects, wrong)):
        if message is not None and (int(row), column) not in reported:
            problems.append(Problem(name, int(row), column, value, message))


def _report(problems: list[Problem], name: str, column: str, values: pd.Series, bad, message: str) -> None:
    """Record one problem per row where `bad` (a boolean Series or array) is true."""
    if isinstance(bad, list) and not any(bad):  # the usual case, decided without building an array
        return
    bad = np.asarray(bad, dtype=bool)
    if len(bad) and bad.any():
        # A value that fails only because of white space at its edges is told so, not that it is unknown.
        problems.extend(Problem(name, int(row), column, value, EDGE_SPACE if value != value.strip() else message)
                        for row, value in values[bad].items())


# --- rules ---------------------------------------------------------------------------------------


def _check_sources(sources: pd.DataFrame, problems: list[Problem]) -> None:
    name = "sources.csv"
    _check_ids(sources, "source_id", SLUG, name, problems)
    _check_vocabulary(sources, "kind", SOURCE_KINDS, name, problems)


def _check_actors(actors: pd.DataFrame, problems: list[Problem]) -> None:
    name = "actors.csv"
    _check_ids(actors, "actor_id", SLUG, name, problems)
    _check_vocabulary(actors, "kind", ACTOR_KINDS, name, problems)
    _check_vocabulary(actors, "region", REGIONS, name, problems)
    belongs = actors["belongs_to"]
    _report_named(problems, name, "belongs_to", belongs,
            (belongs != "") & ~belongs.isin(actors["actor_id"]), "is not an actor_id in actors.csv")
    _report_named(problems, name, "wikidata", actors["wikidata"],
            (actors["wikidata"] != "") & ~actors["wikidata"].str.fullmatch(r"Q[0-9]+"), "is not a Wikidata id like Q15180")
    _check_dates(actors, "start_date", "end_date", name, problems)
    _check_dates(actors, "recognised_from", "recognised_until", name, problems)
    recognised = (actors["recognised_from"] != "") | (actors["recognised_until"] != "")
    _report(problems, name, "recognised_from", actors["recognised_from"],
            recognised & (actors["kind"] != "government"),
            "is only for governments: the period in which a government's acts speak for its state")
    _report(problems, name, "recognised_from", actors["recognised_from"],
            (actors["recognised_until"] != "") & (actors["recognised_from"] == ""),
            "is required when recognised_until is filled")


def _check_events(events: pd.DataFrame, actors: pd.DataFrame | None, sources: pd.DataFrame | None,
                  problems: list[Problem], withheld: frozenset = frozenset()) -> dict:
    name = "events.csv"
    _check_ids(events, "event_id", EVENT_ID, name, problems)
    _check_vocabulary(events, "kind", EVENT_KINDS, name, problems)
    _check_vocabulary(events, "tone", TONES, name, problems)
    _report(problems, name, "title", events["title"], _lengths(events["title"]) > TITLE_LENGTH,
            f"is longer than {TITLE_LENGTH} characters")
    _report(problems, name, "counterpart", events["counterpart"], events["counterpart"] == events["actor"],
            "is the same as actor")
    bounds = _check_dates(events, "date", "end_date", name, problems)
    ids = events["event_id"].to_numpy().tolist()
    prefixes = np.empty(len(ids), dtype=object)
    prefixes[:] = list(map(operator.getitem, ids, itertools.repeat(slice(4))))
    wrong_year = (prefixes != _per_distinct(events["date"], lambda d: d[:4])) & bounds["date"][2].to_numpy()
    _report(problems, name, "event_id", events["event_id"], wrong_year, "must start with the year of its date")
    if actors is not None:
        for column in ("actor", "counterpart"):
            values = events[column]
            _report_named(problems, name, column, values, (values != "") & ~values.isin(actors["actor_id"]),
                    "is not an actor_id in actors.csv")
        _check_lifespans(events, actors, bounds["date"], problems)
    if sources is not None:
        known = set(sources["source_id"])
        _check_id_lists(events, "source_ids", known, name, problems)
        _check_alt_dates(events, known, name, problems)
    return bounds


def _lengths(values: pd.Series) -> np.ndarray:
    """The length of each value."""
    return np.fromiter(map(len, values.to_numpy().tolist()), np.intp, len(values))


def _per_distinct(values: pd.Series, function) -> np.ndarray:
    """`function` applied to each distinct value once, spread back over the rows (for repetitive columns)."""
    codes, distinct = pd.factorize(values)
    results = np.empty(len(distinct), dtype=object)
    results[:] = [function(v) for v in distinct]
    return results[codes]


def _rows_where(values: pd.Series, test) -> pd.Series:
    """The values (with their rows) for which `test`, run once per distinct value, is true."""
    codes, distinct = pd.factorize(values)
    bad = np.flatnonzero([bool(test(v)) for v in distinct])
    if not len(bad):
        return values.iloc[:0]
    return values[np.isin(codes, bad)]


def _check_ids(frame: pd.DataFrame, column: str, pattern: str, name: str, problems: list[Problem]) -> None:
    ids = frame[column]
    cells = ids.to_numpy()
    if not _all_ids_match(cells, pattern == EVENT_ID):  # fast when all are good; one by one when not
        shape = re.compile(pattern)
        message = ("is not a valid id (lower case letters, digits and hyphens"
                   + (", starting with YYYY-)" if pattern == EVENT_ID else ")"))
        _report_named(problems, name, column, ids, [v != "" and shape.fullmatch(v) is None for v in cells], message)
    _report(problems, name, column, ids, (ids != "") & ids.duplicated(keep="first"), "repeats an id used above")


ID_CHARACTERS = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz0123456789-\n")


def _all_ids_match(cells: np.ndarray, year_first: bool) -> bool:
    """Whether every id has the shape of SLUG (or EVENT_ID), decided on all the ids joined at once."""
    joined = "\n" + "\n".join(cells.tolist()) + "\n"
    if joined.translate(ID_CHARACTERS) or "\n\n" in joined or "--" in joined or "\n-" in joined or "-\n" in joined:
        return False
    # Every id starts with four digits and a hyphen: the joined text holds as many of those as ids.
    return not year_first or len(re.findall(r"\n\d{4}-(?=[a-z0-9])", joined)) == len(cells)


def _check_vocabulary(frame: pd.DataFrame, column: str, allowed: tuple[str, ...], name: str,
                      problems: list[Problem]) -> None:
    """Empty cells are left to the required-field check."""
    values = frame[column]
    bad = ~values.isin(allowed) & (values != "")
    _report_named(problems, name, column, values, bad, "is not one of: " + ", ".join(allowed))


def _report_named(problems: list[Problem], name: str, column: str, values: pd.Series, bad, message: str) -> None:
    """As `_report`, naming the characters that are not ASCII: the value looks right and is not."""
    bad = np.asarray(bad, dtype=bool)
    if not bad.any():
        return
    for row, value in values[bad].items():
        foreign = characters.foreign_letters(value)
        if value != value.strip():
            problems.append(Problem(name, int(row), column, value, EDGE_SPACE))
        elif foreign:
            problems.append(Problem(name, int(row), column, value, f"holds {foreign}, where only ASCII letters, "
                                    f"digits and hyphens may stand; retype it ({message})"))
        else:
            problems.append(Problem(name, int(row), column, value, message))


def _check_dates(frame: pd.DataFrame, start_col: str, end_col: str, name: str, problems: list[Problem]) -> dict:
    """Check both date columns; return each one's (first day, last day, is real) for later use."""
    bounds = {}
    for column in (start_col, end_col):
        text = frame[column]
        first, last, valid = _parse_dates(text)
        unparsed = (text != "") & ~valid
        if unparsed.any():
            why = _per_distinct(text[unparsed], _why_not_a_date)
            for row, value, reason in zip(text[unparsed].index, text[unparsed], why):
                problems.append(Problem(name, int(row), column, value, reason))
        bounds[column] = (first, last, valid)
    before = bounds[end_col][1] < bounds[start_col][0]
    _report(problems, name, end_col, frame[end_col], before, f"is before {start_col}")
    return bounds


def _why_not_a_date(value: str) -> str:
    if not value.isascii():
        return (f"holds {characters.foreign_letters(value)}; a date is written with the digits 0 to 9 only, "
                "YYYY-MM-DD")
    if MANGLED_DATE.fullmatch(value):
        return ("looks like a spreadsheet date; write it as YYYY-MM-DD (is 2/1/1924 the 2nd of January or the "
                "1st of February?)")
    if re.fullmatch(ISO_DATE, value) and not FIRST_YEAR <= int(value[:4]) <= LAST_YEAR:
        return (f"is outside the years the kit covers ({FIRST_YEAR}–{LAST_YEAR}); is the year mistyped? "
                "(An actor that existed before then leaves start_date empty.)")
    return "is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD"


def _parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """First and last day of each ISO date's period, and whether it is a real date (empty is not).

    Dates repeat a great deal, so each distinct value is parsed once.
    """
    codes, distinct = pd.factorize(text)
    firsts, lasts = [], []
    for value in distinct:
        first, last = _period(value)
        firsts.append(first)
        lasts.append(last)
    first = pd.Series(np.array(firsts, dtype="datetime64[D]")[codes], index=text.index).astype("datetime64[us]")
    last = pd.Series(np.array(lasts, dtype="datetime64[D]")[codes], index=text.index).astype("datetime64[us]")
    return first, last, first.notna()


def _period(value: str) -> tuple[np.datetime64, np.datetime64]:
    """(first day, last day) of an ISO date at year, month or day precision within the kit's years;
    NaT twice if it is not one."""
    not_a_date = (np.datetime64("NaT"), np.datetime64("NaT"))
    if not re.fullmatch(ISO_DATE, value) or not FIRST_YEAR <= int(value[:4]) <= LAST_YEAR:
        return not_a_date
    try:
        if len(value) == 10:
            day = np.datetime64(datetime.date.fromisoformat(value))
            return day, day
        if len(value) == 7:
            month = np.datetime64(value, "M")
            if not 1 <= int(value[5:]) <= 12:
                return not_a_date
            return month.astype("datetime64[D]"), (month + 1).astype("datetime64[D]") - 1
        year = np.datetime64(value, "Y")
        return year.astype("datetime64[D]"), (year + 1).astype("datetime64[D]") - 1
    except ValueError:
        return not_a_date


def _check_id_lists(frame: pd.DataFrame, column: str, known: set[str], name: str, problems: list[Problem]) -> None:
    values = frame[column]
    for row, value in _rows_where(values, lambda v: v != "" and any(p not in known for p in v.split(";"))).items():
        unknown = [i for i in value.split(";") if i not in known]
        foreign = characters.foreign_letters(value)
        problems.append(Problem(name, int(row), column, value,
                                "names a source_id not in sources.csv: " + ", ".join(repr(u) for u in unknown)
                                + (f"; it holds {foreign}, where only ASCII may stand" if foreign else "")))


def _bad_alt_dates(value: str, known: set[str]) -> list[str]:
    return [entry for entry in value.split(";") if value and (
        "@" not in entry or np.isnat(_period(entry.partition("@")[0])[0]) or entry.partition("@")[2] not in known)]


def _check_alt_dates(frame: pd.DataFrame, known: set[str], name: str, problems: list[Problem]) -> None:
    for row, value in _rows_where(frame["alt_dates"], lambda v: _bad_alt_dates(v, known)).items():
        problems.extend(Problem(name, int(row), "alt_dates", entry,
                                "each entry must be DATE@source_id with a real date "
                                f"({FIRST_YEAR}–{LAST_YEAR}) and a known source, entries separated by ';'")
                        for entry in _bad_alt_dates(value, known))


def _check_lifespans(events: pd.DataFrame, actors: pd.DataFrame, dates: tuple, problems: list[Problem]) -> None:
    """No event may involve an actor before it existed or after it ended (the USSR in April 1922, say)."""
    life = actors.drop_duplicates("actor_id").set_index("actor_id")
    born, _, _ = _parse_dates(life["start_date"])
    _, ended, _ = _parse_dates(life["end_date"])
    first, last, valid = dates
    for column in ("actor", "counterpart"):
        ids = events[column]
        starts = ids.map(born.to_dict())
        ends = ids.map(ended.to_dict())
        early = valid & starts.notna() & (last < starts)
        late = valid & ends.notna() & (first > ends)
        for row in events.index[early | late]:
            who = ids[row]
            problems.append(Problem("events.csv", int(row), column, who,
                                    f"this actor did not exist on {events.at[row, 'date']} "
                                    f"(actors.csv gives {life.at[who, 'start_date'] or '…'} to {life.at[who, 'end_date'] or '…'})"))


# --- typing --------------------------------------------------------------------------------------


def _typed_events(events: pd.DataFrame, bounds: dict) -> pd.DataFrame:
    """Dates that sort and plot (first day of their period), with the precision kept beside them."""
    typed = events.copy(deep=False)
    typed.insert(1, "date_text", events["date"])
    typed["date"] = bounds["date"][0]
    precision = _per_distinct(events["date"], lambda v: PRECISION[len(v)])
    typed.insert(3, "date_precision", pd.Categorical(precision, categories=["year", "month", "day"]))
    typed["end_date"] = bounds["end_date"][1]  # the last day of the end's period
    typed["kind"] = pd.Categorical(events["kind"], categories=EVENT_KINDS)
    typed["tone"] = pd.Categorical(events["tone"], categories=TONES)
    typed["source_ids"] = _per_distinct(events["source_ids"], lambda v: v.split(";"))
    return typed.reset_index(drop=True)


def _typed_actors(actors: pd.DataFrame) -> pd.DataFrame:
    typed = actors.copy()
    typed["kind"] = pd.Categorical(actors["kind"], categories=ACTOR_KINDS)
    typed["region"] = pd.Categorical(actors["region"], categories=REGIONS)
    typed["start_date"] = _parse_dates(actors["start_date"])[0]
    typed["end_date"] = _parse_dates(actors["end_date"])[1]
    typed["recognised_from"] = _parse_dates(actors["recognised_from"])[0]
    typed["recognised_until"] = _parse_dates(actors["recognised_until"])[1]
    return typed.reset_index(drop=True)
