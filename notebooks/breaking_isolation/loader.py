"""Load the kit's three tables and check every rule in data/README.md.

`load()` returns validated DataFrames or raises one `DataError` that lists every problem found, each with
file, row, column and value, and what to do about it. No file, however broken, ends in a traceback from
pandas or the csv module. It never drops, guesses or coerces a bad value and never writes to the files.
Rows are numbered as a spreadsheet shows them: the header is row 1, the first event is row 2, and an empty
line counts as a row.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import os
import re
import stat
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
import pandas as pd

from . import characters, rules
from .characters import UTF8_HINT
from .paths import data_dir as default_data_dir
from .vocabulary import ACTOR_KINDS, EVENT_ID, EVENT_KINDS, ISO_DATE, REGIONS, SOURCE_KINDS, TONES

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
FILE_SIZE = 100_000_000  # bytes: the kit's files are a few hundred kB, and 100,000 events (the benchmark) are 56 MB
# What a spreadsheet makes of a date: 2/1/1924, 1924/02/01, 01.02.1924. Named, never guessed at.
MANGLED_DATE = re.compile(r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}")
PRECISION = {4: "year", 7: "month", 10: "day"}
# Columns of free text; every other column has a shape or a vocabulary that edge white space breaks.
FREE_TEXT = {"title", "description", "date_note", "name", "note", "citation", "url"}
EDGE_SPACE = "has spaces or line breaks at its start or end; delete them"
ROWS_SHOWN = 30  # the message shows this many problems; DataError.problems holds them all
VALUE_SHOWN = 60  # characters of a value shown in a message; Problem.value holds it whole


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
        shown = "" if self.value is None else f" (value {shorten(self.value)})"
        return f"{where}: {self.message}{shown}"


def shorten(value: str, limit: int = VALUE_SHOWN) -> str:
    """The value as Python writes it (invisible characters spelled out), cut to `limit` characters."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"


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
    """Load events, actors and sources from `data_dir` (the kit's data/ folder by default).

    The kit's own data is read and checked once per kernel, and again only when a file of it changes: a
    notebook and each of its exercise checks load it. Every call gets its own copy of the tables.
    """
    if data_dir is None:
        return _load_kit_data()
    return _load(Path(data_dir))


_LOADED: dict[bytes, KitData] = {}  # the kit's data, by a digest of its files' bytes


def _load_kit_data() -> KitData:
    folder = default_data_dir()
    digest = hashlib.blake2b(str(folder).encode())
    for name in ("sources.csv", "actors.csv", "events.csv", WITHHELD):
        try:
            content = (folder / name).read_bytes()
        except OSError:  # missing (withheld-columns.txt mostly is) or unreadable: _load names any problem
            content = None
        digest.update(f"\0{name}\0{-1 if content is None else len(content)}\0".encode() + (content or b""))
    key = digest.digest()
    if key not in _LOADED:
        data = _load(folder)  # raises DataError on bad data: nothing is kept
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


# --- reading -------------------------------------------------------------------------------------
#
# A file is read in three steps, each of which can only report, never crash:
# 1. its bytes (a missing or unreadable file, a folder, a spreadsheet saved in its own format);
# 2. its structure, found in one pass over the bytes (`_Scan`): where each row and each field starts,
#    quotes that do not pair up, rows with too few or too many fields, empty rows and control characters,
#    each placed at its spreadsheet row and column;
# 3. only then pandas, which now meets a well-formed file, reads the values as text, and each distinct value
#    is judged for garbled text and characters no value may hold (characters.py).

BOM = b"\xef\xbb\xbf"
NOUNS = {"events.csv": "event", "actors.csv": "actor", "sources.csv": "source"}


def _read_table(path: Path, columns: dict[str, bool], problems: list[Problem]) -> pd.DataFrame | None:
    """Read one CSV as text, or record why it cannot be read and return None."""
    name = path.name
    raw = _read_bytes(path, problems)
    if raw is None:
        return None
    raw = raw.removeprefix(BOM)  # what spreadsheets write for "CSV UTF-8"; it carries no data
    if not raw or raw.isspace():
        problems.append(Problem(name, None, None, None, "the file is empty; it needs a header row and at least one "
                                f"{NOUNS.get(name, 'row')} (data/README.md lists the columns)"))
        return None
    scan = _Scan(raw)
    header = _read_header(name, raw, scan, columns, problems)
    if header is None:
        return None
    if scan.rows == 1:
        problems.append(Problem(name, None, None, None, f"has a header but no rows; the kit needs at least one "
                                f"{NOUNS.get(name, 'row')}"))
        return None
    before = len(problems)
    _check_structure(name, raw, scan, header, problems)
    if len(problems) > before:  # the rows do not line up with the columns: values would land in the wrong place
        return None
    for record in scan.empty_rows[:ROWS_SHOWN]:  # harmless to the rows around them, which are read on
        problems.append(Problem(name, int(record) + 1, header[0], "", "this row is empty; delete it (the rows "
                                "below keep their numbers in this message, as in the spreadsheet)"))
    _check_characters(name, raw, scan, header, problems)
    try:
        # From the file itself (the same bytes, read again from the page cache): pandas reads a path faster.
        frame = pd.read_csv(path, header=0, names=header, index_col=False, dtype=str,
                            keep_default_na=False, na_filter=False, skip_blank_lines=False, encoding="utf-8-sig",
                            encoding_errors="strict")
    except UnicodeDecodeError:
        problems.append(_encoding_problem(name, raw, scan, header))
        return None
    except (pd.errors.ParserError, ValueError) as error:  # not expected after the scan; reported, not raised
        problems.append(Problem(name, None, None, None, f"could not be read as CSV ({error}); save it again as "
                                "'CSV UTF-8 (comma delimited)'"))
        return None
    if len(frame) != scan.rows - 1:  # the scan and pandas disagree on the rows: never guess which is right
        problems.append(Problem(name, None, None, None, f"pandas read {len(frame)} rows where the file has "
                                f"{scan.rows - 1}; save it again as 'CSV UTF-8 (comma delimited)'"))
        return None
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="row")
    if scan.empty_rows.size:  # already reported; dropped so that they do not count as missing values too
        frame = frame.drop(index=scan.empty_rows + 1)
    _check_cells(frame, name, columns, problems)
    return frame


def _read_bytes(path: Path, problems: list[Problem]) -> bytes | None:
    name = path.name
    if path.is_dir():
        problems.append(Problem(name, None, None, None, f"is a folder, not a file; {path.parent.name}/ needs a CSV "
                                f"file called {name}"))
        return None
    try:
        # Asked before opening: opening a FIFO would wait for a writer for ever, and a device never ends.
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem(name, None, None, None, "is not a regular file (a pipe, a device or a socket); "
                                    f"{path.parent.name}/ needs a CSV file called {name}"))
            return None
        if info.st_size > FILE_SIZE:
            problems.append(Problem(name, None, None, None, f"is {info.st_size:,} bytes, more than the "
                                    f"{FILE_SIZE:,} the loader reads; is it the kit's {name}?"))
            return None
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, None, None, None, f"file not found in {path.parent.name}/"))
        return None
    except PermissionError:
        problems.append(Problem(name, None, None, None, "cannot be read: permission denied. Give yourself read "
                                "permission (or copy the file) and try again"))
        return None
    except OSError as error:
        problems.append(Problem(name, None, None, None, f"cannot be read ({error.strerror or error})"))
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(Problem(name, None, None, None, "is saved as UTF-16 ('Unicode Text'); " + UTF8_HINT))
        return None
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        problems.append(Problem(name, None, None, None, "is a spreadsheet file (.xlsx, .ods or .xls), not CSV; "
                                "save it with 'Save as' and the type 'CSV UTF-8 (comma delimited)'"))
        return None
    return raw


def _read_header(name: str, raw: bytes, scan: "_Scan", columns: dict[str, bool],
                 problems: list[Problem]) -> list[str] | None:
    first = raw[: scan.content_end(0)]
    try:
        line = first.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(name, 1, None, repr(first[error.start:error.end])[2:-1],
                                "the header is not UTF-8; " + UTF8_HINT))
        return None
    try:
        header = next(csv.reader([line], strict=True))
    except (csv.Error, StopIteration):
        problems.append(Problem(name, 1, None, line, "the header row is not valid CSV; data/README.md lists the "
                                "columns, separated by commas"))
        return None
    if len(header) == 1 and not set(columns) <= set(header):
        for delimiter, label in ((";", "';'"), ("\t", "tabs"), ("|", "'|'")):
            if delimiter in header[0]:
                problems.append(Problem(name, 1, None, header[0],
                                        f"uses {label} between columns; the kit reads comma-separated files: "
                                        "save it as 'CSV UTF-8 (comma delimited)', or in LibreOffice choose "
                                        "'comma' as the field delimiter"))
                return None
    ok = True
    trailing = len(header) - len(list(_rstrip_empty(header)))
    if trailing:
        problems.append(Problem(name, 1, header[len(header) - trailing - 1] if len(header) > trailing else None, None,
                                f"{trailing} empty column(s) after this one, as spreadsheets save when a cell "
                                "to the right of the table was touched; delete those columns and save again"))
        ok = False
    body = header[: len(header) - trailing]
    for index, column in enumerate(body):
        if column == "":
            problems.append(Problem(name, 1, None, None, f"column {index + 1} of the header has no name"))
            ok = False
        elif column != column.strip():
            problems.append(Problem(name, 1, column, column, "a column name " + EDGE_SPACE))
            ok = False
        elif column not in columns:
            problems.append(Problem(name, 1, column, None, "unknown column; data/README.md lists the columns"))
    for column in columns:
        if column not in [c.strip() for c in body]:
            problems.append(Problem(name, 1, column, None, "this column is missing from the header"))
            ok = False
    if len(set(body)) != len(body):
        repeated = sorted({c for c in body if body.count(c) > 1})
        problems.append(Problem(name, 1, repeated[0], None, "the header repeats this column name"))
        ok = False
    return header if ok else None


def _rstrip_empty(header: list[str]):
    end = len(header)
    while end > 0 and header[end - 1] == "":
        end -= 1
    return header[:end]


class _Scan:
    """Where every row and field of a CSV file starts and ends, found from its bytes in one vectorised pass.

    Only the bytes that matter to the structure are looked at: quotes, commas, line ends and control bytes. A byte is inside a quoted value when an odd number of quotes
    precede it (a doubled quote "" inside a value counts twice, so this holds for every well-formed file;
    quotes that break it are found by `stray_quotes`).
    """

    def __init__(self, raw: bytes):
        self.size = len(raw)
        arr = np.frombuffer(raw, np.uint8)
        self.arr = arr
        mask, scratch = np.less(arr, 32), np.empty(len(arr), bool)  # one scratch array: no fresh memory per step
        for test, value in ((np.equal, 34), (np.equal, 44), (np.equal, 127)):
            mask |= test(arr, value, out=scratch)
        pos = np.flatnonzero(mask)
        del mask, scratch
        vals = arr[pos]
        is_quote = vals == 34
        quotes_before = np.cumsum(is_quote) - is_quote
        outside = (quotes_before & 1) == 0
        self.quotes = pos[is_quote]
        self.unclosed = bool(len(self.quotes) & 1)
        lf = (vals == 10) & outside
        cr = (vals == 13) & outside if raw.find(b"\r") >= 0 else None
        if raw.find(b"\r") < 0:  # the usual case on Linux and macOS: no CR to look at
            is_end = lf
        else:
            followed_by_lf = np.zeros(len(pos), bool)
            followed_by_lf[:-1] = (vals[1:] == 10) & (pos[1:] == pos[:-1] + 1)
            is_end = lf | (cr & ~followed_by_lf)
        ends = pos[is_end]
        if not len(ends) or ends[-1] != self.size - 1:
            ends = np.append(ends, self.size)  # the last row has no line end
        self.ends = ends
        self.starts = np.concatenate(([0], ends[:-1] + 1))
        is_comma = (vals == 44) & outside
        self.commas = pos[is_comma]
        self.rows = len(ends)
        commas_by_end = np.cumsum(is_comma)[np.flatnonzero(is_end)]  # structural commas up to each line end
        if len(commas_by_end) < self.rows:
            commas_by_end = np.append(commas_by_end, len(self.commas))
        self.fields = np.diff(commas_by_end, prepend=0) + 1
        # The content of a row stops before its line end, and before a CR that precedes a LF.
        content_end = ends.copy()
        has_cr = (ends > 0) & (ends < self.size)
        has_cr[has_cr] = (arr[ends[has_cr]] == 10) & (arr[ends[has_cr] - 1] == 13)
        content_end[has_cr] -= 1
        self._content_end = content_end
        length = content_end - self.starts
        self.empty_rows = np.flatnonzero(length == self.fields - 1)  # nothing but commas, or nothing at all
        self.empty_rows = self.empty_rows[self.empty_rows > 0]
        control = ((vals < 32) & (vals != 10) & (vals != 13)) | (vals == 127)
        self.controls = pos[control]

    def content_end(self, row: int) -> int:
        return int(self._content_end[row])

    def byte(self, positions: np.ndarray, offset: int) -> np.ndarray:
        """The byte at each position + offset, or 0 beyond either end of the file."""
        out = self.arr.take(np.clip(positions + offset, 0, self.size - 1))
        out[(positions + offset < 0) | (positions + offset >= self.size)] = 0
        return out

    def stray_quotes(self) -> np.ndarray:
        """Quotes that neither open a value, close one, nor pair up as "" inside one."""
        q = self.quotes
        before, after = self.byte(q, -1), self.byte(q, 1)
        opens = (q == 0) | np.isin(before, (44, 10, 13, 34))
        closes = (q == self.size - 1) | np.isin(after, (44, 10, 13, 34))
        return q[~opens & ~closes]

    def place(self, position: int) -> tuple[int, int]:
        """(record, field) of a byte: record 0 is the header."""
        record = int(np.searchsorted(self.ends, position))
        field = int(np.searchsorted(self.commas, position) - np.searchsorted(self.commas, self.starts[record]))
        return record, field

    def field_bytes(self, record: int, field: int) -> bytes:
        first = np.searchsorted(self.commas, self.starts[record])
        start = self.starts[record] if field == 0 else self.commas[first + field - 1] + 1
        stop_index = first + field
        stop = self.content_end(record)
        if stop_index < len(self.commas) and self.commas[stop_index] < stop:
            stop = self.commas[stop_index]
        return bytes(self.arr[int(start):int(stop)])


def _where(scan: _Scan, header: list[str], position: int) -> tuple[int, str | None]:
    """The spreadsheet row and the column of a byte."""
    record, field = scan.place(position)
    return record + 1, header[field] if field < len(header) else None


def _as_text(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].replace('""', '"')
    return text


def _check_structure(name: str, raw: bytes, scan: _Scan, header: list[str], problems: list[Problem]) -> None:
    """Quotes that do not pair up, rows of the wrong length, empty rows: each at its row and column."""
    if scan.unclosed:
        opener = int(scan.quotes[-1])
        row, column = _where(scan, header, opener)
        text = raw[opener:opener + 200].decode("utf-8", errors="replace")
        problems.append(Problem(name, row, column, text, "a double quote opens a value here and is never closed, "
                                "so the rest of the file would be read as one value; close the quote or delete it"))
        return
    for position in scan.stray_quotes()[:ROWS_SHOWN]:
        row, column = _where(scan, header, int(position))
        record, field = scan.place(int(position))
        problems.append(Problem(name, row, column, scan.field_bytes(record, field).decode("utf-8", "replace"),
                                'has a double quote in the middle of a value; a value with quotes in it must be '
                                'written "in quotes", with each quote inside doubled: "Ramsay ""Mac"" MacDonald"'))
    width = len(header)
    for record in np.flatnonzero(scan.fields != width)[: 2 * ROWS_SHOWN]:
        record = int(record)
        if record in scan.empty_rows:
            continue
        count = int(scan.fields[record])
        if count > width:
            first_extra = scan.commas[np.searchsorted(scan.commas, scan.starts[record]) + width - 1]
            extra = raw[int(first_extra) + 1: scan.content_end(record)]
            if not extra.strip(b", \t"):
                message = (f"has {count - width} empty field(s) after the last column, as spreadsheets save when "
                           "a cell to the right of the table was touched; delete the columns right of "
                           f"'{header[-1]}' and save again")
            else:
                message = (f"has {count} fields but the header has {width} columns: a value that holds a comma "
                           "must be written \"in quotes\"")
            problems.append(Problem(name, record + 1, header[-1], _as_text(extra), message))
        else:
            missing = header[count]
            problems.append(Problem(name, record + 1, missing, None,
                                    f"has {count} fields but the header has {width} columns: the row stops before "
                                    f"'{missing}'; a comma may be missing"))


def _check_characters(name: str, raw: bytes, scan: _Scan, header: list[str], problems: list[Problem]) -> None:
    """Control characters, found in the bytes, each at its row and column (the other characters are judged cell
    by cell in `_check_text`)."""
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for position in scan.controls[:ROWS_SHOWN]:
        byte = int(scan.arr[position])
        what = "a tab" if byte == 9 else f"the control character {chr(byte)!r}"
        found.setdefault(scan.place(int(position)), (what, "delete it"))
    for (record, field), (what, todo) in sorted(found.items()):
        value = _as_text(scan.field_bytes(record, field))
        problems.append(Problem(name, record + 1, header[field] if field < len(header) else None, value,
                                f"holds {what}; {todo}"))


def _encoding_problem(name: str, raw: bytes, scan: _Scan, header: list[str]) -> Problem:
    """Name the row, the column and the first byte that is not UTF-8."""
    try:
        raw.decode("utf-8")
        return Problem(name, None, None, None, "could not be read as UTF-8; " + UTF8_HINT)
    except UnicodeDecodeError as err:
        row, column = _where(scan, header, err.start)
        bad = raw[err.start: err.end]
        return Problem(name, row, column, repr(bad)[2:-1], "is not UTF-8 (it was saved in another character set); "
                       + UTF8_HINT)


def _check_cells(frame: pd.DataFrame, name: str, columns: dict[str, bool], problems: list[Problem]) -> None:
    reported = {(p.row, p.column) for p in problems if p.file == name}
    for column, required in columns.items():
        values = frame[column]
        _check_text(values, name, column, reported, problems)
        cells = values.to_numpy()
        if column in FREE_TEXT:  # other columns have a shape or vocabulary that white space already breaks
            padded = [v != v.strip() for v in cells]  # a plain comprehension: faster than .str methods
            _report(problems, name, column, values, padded, EDGE_SPACE)
        if required:
            _report(problems, name, column, values, cells == "", "is required but empty")


def _check_text(values: pd.Series, name: str, column: str, reported: set, problems: list[Problem]) -> None:
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

    joined = "".join(values.to_numpy().tolist())
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
    _report(problems, name, "title", events["title"],
            [len(v) > TITLE_LENGTH for v in events["title"].to_numpy()], f"is longer than {TITLE_LENGTH} characters")
    _report(problems, name, "counterpart", events["counterpart"], events["counterpart"] == events["actor"],
            "is the same as actor")
    bounds = _check_dates(events, "date", "end_date", name, problems)
    prefixes = np.array([i[:4] for i in events["event_id"].to_numpy()], dtype=object)
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
