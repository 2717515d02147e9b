"""Load the kit's three tables and check every rule in data/README.md.

`load()` returns validated DataFrames or raises one `DataError` that lists every problem found, each with
file, row, column and value. It never drops, guesses or coerces a bad value and never writes to the files.
Rows are numbered as a spreadsheet shows them: the header is row 1, the first event is row 2.
"""

from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .paths import data_dir as default_data_dir
from .vocabulary import ACTOR_KINDS, EVENT_KINDS, REGIONS, SOURCE_KINDS, TONES, VERDICTS

EVENT_COLUMNS = {
    # column: required?
    "event_id": True, "date": True, "end_date": False, "kind": True, "actor": True, "counterpart": True,
    "title": True, "description": True, "tone": True, "source_ids": True, "alt_dates": False,
    "date_note": False, "country_study_says": False, "country_study_verdict": False,
}
ACTOR_COLUMNS = {
    "actor_id": True, "name": True, "kind": True, "belongs_to": False, "region": True,
    "start_date": False, "end_date": False, "recognised_from": False, "recognised_until": False,
    "wikidata": False, "note": False,
}
SOURCE_COLUMNS = {"source_id": True, "citation": True, "url": False, "kind": True, "note": False}

EVENT_ID = r"\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ISO_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
# What a spreadsheet makes of a date: 2/1/1924, 1924/02/01, 01.02.1924. Named, never guessed at.
MANGLED_DATE = re.compile(r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}")
PRECISION = {4: "year", 7: "month", 10: "day"}
# Columns of free text; every other column has a shape or a vocabulary that edge white space breaks.
FREE_TEXT = {"title", "description", "date_note", "country_study_says", "name", "note", "citation", "url"}
EDGE_SPACE = "has spaces or line breaks at its start or end"
ROWS_SHOWN = 30  # the message shows this many problems; DataError.problems holds them all


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        shown = "" if self.value is None else f" (value {self.value!r})"
        return f"{where}: {self.message}{shown}"


class DataError(ValueError):
    """Every problem found in the data, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [str(p) for p in problems[:ROWS_SHOWN]]
        if len(problems) > ROWS_SHOWN:
            lines.append(f"... and {len(problems) - ROWS_SHOWN} more (all are in this error's .problems)")
        super().__init__(f"{len(problems)} problem(s) in the kit's data:\n  " + "\n  ".join(lines))


@dataclass(frozen=True)
class KitData:
    events: pd.DataFrame
    actors: pd.DataFrame
    sources: pd.DataFrame


def load(data_dir: str | Path | None = None) -> KitData:
    """Load events, actors and sources from `data_dir` (the kit's data/ folder by default)."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    problems: list[Problem] = []
    sources = _read_table(folder / "sources.csv", SOURCE_COLUMNS, problems)
    actors = _read_table(folder / "actors.csv", ACTOR_COLUMNS, problems)
    events = _read_table(folder / "events.csv", EVENT_COLUMNS, problems)
    if sources is not None:
        _check_sources(sources, problems)
    if actors is not None:
        _check_actors(actors, problems)
    if events is not None:
        bounds = _check_events(events, actors, sources, problems)
    if problems:
        raise DataError(problems)
    return KitData(events=_typed_events(events, bounds), actors=_typed_actors(actors), sources=sources)


# --- reading -------------------------------------------------------------------------------------


def _read_table(path: Path, columns: dict[str, bool], problems: list[Problem]) -> pd.DataFrame | None:
    """Read one CSV as text, or record why it cannot be read and return None."""
    name = path.name
    if not path.exists():
        problems.append(Problem(name, None, None, None, f"file not found in {path.parent.name}/"))
        return None
    with path.open("rb") as file:
        first_line = file.readline()
    # A byte-order mark is what spreadsheets write for "CSV UTF-8"; it carries no data, so it is read past.
    first_line = first_line.removeprefix(b"\xef\xbb\xbf")
    if not first_line.strip() and not path.read_bytes().strip():
        problems.append(Problem(name, None, None, None, "the file is empty; it needs at least a header row"))
        return None
    try:
        header = next(csv.reader([first_line.decode("utf-8")]))
        frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_filter=False)
    except UnicodeDecodeError:
        problems.append(_encoding_problem(path))
        return None
    missing = [c for c in columns if c not in header]
    if missing:
        for delimiter in (";", "\t", "|"):
            if delimiter in header[0]:
                problems.append(Problem(name, 1, None, header[0][:60],
                                        f"uses {delimiter!r} between columns; the kit reads comma-separated files"))
                return None
        for column in missing:
            problems.append(Problem(name, 1, column, None, "this column is missing from the header"))
        return None
    for column in header:
        if column not in columns:
            problems.append(Problem(name, 1, column, None, "unknown column; data/README.md lists the columns"))
    if len(set(header)) != len(header):
        problems.append(Problem(name, 1, None, None, "the header has repeated column names"))
        return None
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="row")
    _check_cells(frame, name, columns, problems)
    return frame


def _encoding_problem(path: Path) -> Problem:
    """Name the row and the first byte that is not UTF-8."""
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        raw.decode("utf-8")
        return Problem(path.name, None, None, None, "could not be read as UTF-8")
    except UnicodeDecodeError as err:
        row = raw[: err.start].count(b"\n") + 1
        bad = raw[err.start : err.end]
        return Problem(path.name, row, None, repr(bad)[2:-1], "is not UTF-8; save it as 'CSV UTF-8 (comma delimited)'")


def _check_cells(frame: pd.DataFrame, name: str, columns: dict[str, bool], problems: list[Problem]) -> None:
    for column, required in columns.items():
        values = frame[column]
        cells = values.to_numpy()
        if column in FREE_TEXT:  # other columns have a shape or vocabulary that white space already breaks
            padded = [v != v.strip() for v in cells]  # a plain comprehension: faster than .str methods
            _report(problems, name, column, values, padded, EDGE_SPACE)
        if required:
            _report(problems, name, column, values, cells == "", "is required but empty")


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
    _report(problems, name, "belongs_to", belongs,
            (belongs != "") & ~belongs.isin(actors["actor_id"]), "is not an actor_id in actors.csv")
    _report(problems, name, "wikidata", actors["wikidata"],
            (actors["wikidata"] != "") & ~actors["wikidata"].str.fullmatch(r"Q\d+"), "is not a Wikidata id like Q15180")
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
                  problems: list[Problem]) -> dict:
    name = "events.csv"
    _check_ids(events, "event_id", EVENT_ID, name, problems)
    _check_vocabulary(events, "kind", EVENT_KINDS, name, problems)
    _check_vocabulary(events, "tone", TONES, name, problems)
    _check_vocabulary(events, "country_study_verdict", VERDICTS, name, problems)
    says, verdict = events["country_study_says"], events["country_study_verdict"]
    _report(problems, name, "country_study_verdict", verdict, (says != "") & (verdict == ""),
            "is required when country_study_says is filled")
    _report(problems, name, "title", events["title"], [len(v) > 80 for v in events["title"].to_numpy()], "is longer than 80 characters")
    _report(problems, name, "counterpart", events["counterpart"], events["counterpart"] == events["actor"],
            "is the same as actor")
    bounds = _check_dates(events, "date", "end_date", name, problems)
    prefixes = np.array([i[:4] for i in events["event_id"].to_numpy()], dtype=object)
    wrong_year = (prefixes != _per_distinct(events["date"], lambda d: d[:4])) & bounds["date"][2].to_numpy()
    _report(problems, name, "event_id", events["event_id"], wrong_year, "must start with the year of its date")
    if actors is not None:
        for column in ("actor", "counterpart"):
            values = events[column]
            _report(problems, name, column, values, (values != "") & ~values.isin(actors["actor_id"]),
                    "is not an actor_id in actors.csv")
        _check_lifespans(events, actors, bounds["date"], problems)
    if sources is not None:
        known = set(sources["source_id"])
        _check_id_lists(events, "source_ids", known, name, problems)
        _check_alt_dates(events, known, name, problems)
    return bounds


def _per_distinct(values: pd.Series, function) -> np.ndarray:
    """`function` applied to each distinct value once, spread back over the rows (for repetitive columns)."""
    codes, distinct = pd.factorize(values)
    results = np.empty(len(distinct), dtype=object)
    results[:] = [function(v) for v in distinct]
    return results[codes]


def _check_ids(frame: pd.DataFrame, column: str, pattern: str, name: str, problems: list[Problem]) -> None:
    ids = frame[column]
    shape = re.compile(pattern)
    _report(problems, name, column, ids, [v != "" and shape.fullmatch(v) is None for v in ids.to_numpy()],
            "is not a valid id (lower case letters, digits and hyphens" + (", starting with YYYY-)" if "\\d{4}" in pattern else ")"))
    _report(problems, name, column, ids, (ids != "") & ids.duplicated(keep="first"), "repeats an id used above")


def _check_vocabulary(frame: pd.DataFrame, column: str, allowed: tuple[str, ...], name: str,
                      problems: list[Problem]) -> None:
    """Empty cells are left to the required-field check."""
    values = frame[column]
    bad = ~values.isin(allowed) & (values != "")
    _report(problems, name, column, values, bad, "is not one of: " + ", ".join(allowed))


def _check_dates(frame: pd.DataFrame, start_col: str, end_col: str, name: str, problems: list[Problem]) -> dict:
    """Check both date columns; return each one's (first day, last day, is real) for later use."""
    bounds = {}
    for column in (start_col, end_col):
        text = frame[column]
        first, last, valid = _parse_dates(text)
        unparsed = (text != "") & ~valid
        mangled = text[unparsed].str.fullmatch(MANGLED_DATE).reindex(text.index, fill_value=False)
        _report(problems, name, column, text, mangled,
                "looks like a spreadsheet date; write it as YYYY-MM-DD (is 2/1/1924 the 2nd of January or the 1st of February?)")
        _report(problems, name, column, text, unparsed & ~mangled,
                "is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD")
        bounds[column] = (first, last, valid)
    before = bounds[end_col][1] < bounds[start_col][0]
    _report(problems, name, end_col, frame[end_col], before, f"is before {start_col}")
    return bounds


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
    """(first day, last day) of an ISO date at year, month or day precision; NaT twice if not a real date."""
    not_a_date = (np.datetime64("NaT"), np.datetime64("NaT"))
    if not re.fullmatch(ISO_DATE, value):
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
    bad = (values != "") & _per_distinct(values, lambda v: any(p not in known for p in v.split(";"))).astype(bool)
    for row, value in values[bad].items():
        unknown = [i for i in value.split(";") if i not in known]
        problems.append(Problem(name, int(row), column, value,
                                "names a source_id not in sources.csv: " + ", ".join(repr(u) for u in unknown)))


def _check_alt_dates(frame: pd.DataFrame, known: set[str], name: str, problems: list[Problem]) -> None:
    values = frame["alt_dates"]
    bad_entries = _per_distinct(values, lambda value: [entry for entry in value.split(";") if value and (
        "@" not in entry or np.isnat(_period(entry.partition("@")[0])[0]) or entry.partition("@")[2] not in known)])
    for row, entries in zip(values.index, bad_entries):
        problems.extend(Problem(name, int(row), "alt_dates", entry,
                                "each entry must be DATE@source_id with a real date and a known source")
                        for entry in entries)


def _check_lifespans(events: pd.DataFrame, actors: pd.DataFrame, dates: tuple, problems: list[Problem]) -> None:
    """No event may involve an actor before it existed or after it ended (the USSR in April 1922, say)."""
    life = actors.set_index("actor_id")
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
