"""Read one of the kit's CSV files as text, or say at which row and column it cannot be read.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2, an empty
line counts as a row, and a value with a line break in it stays in its row. A file is read in three steps,
each of which can only report, never crash:
1. its bytes (a missing or unreadable file, a folder, a pipe, a spreadsheet saved in its own format);
2. its records, found by the standard library's csv module, and what that module lets through: quotes that
   do not pair up, rows of the wrong length, empty rows, control characters and bytes that are not UTF-8,
   each placed at its row and column;
3. a DataFrame of the values as text, one row per record.
The values themselves (garbled text, invisible characters, vocabularies) are judged by the loader.
"""

from __future__ import annotations

import csv
import functools
import itertools
import operator
import os
import re
import stat
from bisect import bisect_right
from pathlib import Path

import pandas as pd

from .characters import UTF8_HINT
from .patterns import lazy
from .problems import ROWS_SHOWN, Problem

FILE_SIZE = 100_000_000  # bytes: the kit's files are a few hundred kB, and 100,000 events (the benchmark) are 56 MB
BOM = b"\xef\xbb\xbf"
NOUNS = {"events.csv": "event", "actors.csv": "actor", "sources.csv": "source"}
EDGE_SPACE = "has spaces or line breaks at its start or end; delete them"
# Control characters; line breaks are allowed inside a quoted value. No byte of another UTF-8 character is one.
CONTROL = lazy(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_BYTES = bytes(range(10)) + b"\x0b\x0c" + bytes(range(14, 32)) + b"\x7f"
QUOTED = lazy(r'"(?:[^"]|"")*"')  # a value written "in quotes", each quote inside it doubled
STRAY_QUOTE = ('has a double quote in the middle of a value; a value with quotes in it must be written '
               '"in quotes", with each quote inside doubled: "Ramsay ""Mac"" MacDonald"')


def read(path: Path, columns: dict[str, bool], problems: list[Problem]) -> pd.DataFrame | None:
    """The file's values as text, indexed by spreadsheet row (empty rows left out), or None with the reasons
    added to `problems`. `columns` maps each of the file's columns to whether it is required."""
    name = path.name
    raw = _read_bytes(path, problems)
    if raw is None:
        return None
    raw = raw.removeprefix(BOM)  # what spreadsheets write for "CSV UTF-8"; it carries no data
    if not raw or raw.isspace():
        problems.append(Problem(name, None, None, None, "the file is empty; it needs a header row and at least one "
                                f"{NOUNS.get(name, 'row')} (data/README.md lists the columns)"))
        return None
    records = _Records(raw)
    header = _read_header(name, records, columns, problems)
    if header is None:
        return None
    if records.records == 1:
        problems.append(Problem(name, None, None, None, f"has a header but no rows; the kit needs at least one "
                                f"{NOUNS.get(name, 'row')}"))
        return None
    before = len(problems)
    _check_structure(name, records, header, problems)
    if len(problems) > before:  # the rows do not line up with the columns: values would land in the wrong place
        return None
    for number in records.empty[:ROWS_SHOWN]:  # harmless to the rows around them, which are read on
        problems.append(Problem(name, number + 1, header[0], "", "this row is empty; delete it (the rows below "
                                "keep their numbers in this message, as in the spreadsheet)"))
    if records.undecodable is not None:
        _check_controls(name, list(csv.reader(records.lines))[1:], header, problems)
        offset, value = records.undecodable
        row, column = records.place(offset, header)
        problems.append(Problem(name, row, column, value, "is not UTF-8 (it was saved in another character set); "
                                + UTF8_HINT))
        return None
    # The values, from pandas: its strings are shared between equal cells, which makes every later check on
    # them several times faster than on the csv module's. The rows are already known to be sound.
    frame = pd.read_csv(path, header=0, names=header, index_col=False, dtype=str, keep_default_na=False,
                        na_filter=False, skip_blank_lines=False, encoding="utf-8-sig")
    if len(frame) != records.records - 1:  # the two readings disagree: never guess which is right
        problems.append(Problem(name, None, None, None, f"pandas read {len(frame)} rows where the file has "
                                f"{records.records - 1}; save it again as 'CSV UTF-8 (comma delimited)'"))
        return None
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="row")
    if len(raw.translate(None, CONTROL_BYTES)) < len(raw):  # rare, and found in one pass over the bytes
        _check_controls(name, frame.to_numpy().tolist(), header, problems)
    if records.empty:  # already reported; dropped so that they do not count as missing values too
        frame = frame.drop(index=[number + 1 for number in records.empty])
    return frame


class _Records:
    """What csv finds in the file, record by record, keeping only what is unusual (the values themselves are
    read by pandas): records csv refuses, records of the wrong length, empty ones, and ones with a quote in a
    value; with what is needed to place a character of the text at its row and column."""

    def __init__(self, raw: bytes):
        self.undecodable = None  # (offset in the text, the bytes as Python writes them) of the first bad byte
        lines = raw.splitlines(keepends=True)  # at LF, CRLF and CR, and only there, as csv and spreadsheets do
        try:
            self.lines = [line.decode("utf-8") for line in lines]
        except UnicodeDecodeError:  # read on, each bad byte kept as a stand-in character, to place it in its row
            self.lines = [line.decode("utf-8", "surrogateescape") for line in lines]
            error = _decode_error(raw)
            self.undecodable = (len(raw[: error.start].decode("utf-8")), repr(raw[error.start: error.end])[2:-1])
        self.quotes = raw.count(b'"')
        self.header: list[str] = []
        self.ends: list[int] = []  # the number of lines read up to the end of each record
        self.refused: dict[int, str] = {}  # record: why csv, strict about quotes, refused it
        self.misshapen: dict[int, list[str]] = {}  # record: its values, where they are not one per column
        self.quoted: dict[int, list[str]] = {}  # record: its values, where one holds a quote
        self.empty: list[int] = []
        limit = csv.field_size_limit(FILE_SIZE)  # a value may be long (the loader then says how long)
        try:
            if b"\0" in raw or not self._read_plain():
                self._read()
        finally:
            csv.field_size_limit(limit)

    def _read_plain(self) -> bool:
        """The usual file, checked without a line of Python per record: every line has the shape of a record
        of one field per column (a value in quotes with each quote inside doubled, or one with no quote, comma
        or line break), which csv reads, strict about quotes, as that record and pandas as csv does. Only the
        lines that might stand out (with "" in them, or too short to hold a value) are read by csv and noted.
        False, with nothing kept, when a line has another shape: the full reading then finds what is wrong."""
        try:
            header = next(csv.reader(self.lines[:1], strict=True))
        except (csv.Error, StopIteration):
            return False
        if not header or not all(map(_record_shape(len(header)).fullmatch, self.lines)):
            return False
        self.header, self.ends = header, list(range(1, len(self.lines) + 1))
        if '"' in "".join(header):
            self.quoted[0] = header
        body = self.lines[1:]
        short = 3 * len(header) + 2  # the longest record of empty values: "","",...,"" and a line break
        suspects = map(operator.or_, map(operator.contains, body, itertools.repeat('""')),
                       map(operator.le, map(len, body), itertools.repeat(short)))
        for number in itertools.compress(range(1, len(self.lines)), suspects):
            self._note(next(csv.reader(self.lines[number: number + 1], strict=True), []), number + 1, number)
        return True

    def _read(self) -> None:
        """Every record, read strictly; one that csv refuses is read again as csv would without `strict`, and
        the strict reading goes on after it (until ROWS_SHOWN records are refused: then it is all read so)."""
        start = 0
        while True:
            reader = csv.reader(itertools.islice(self.lines, start, None), strict=len(self.refused) < ROWS_SHOWN)
            try:
                for row in reader:
                    self._note(row, start + reader.line_num)
                return
            except csv.Error as error:
                self.refused[len(self.ends)] = str(error)
                start = self.ends[-1] if self.ends else 0
                lenient = csv.reader(itertools.islice(self.lines, start, None))
                row = next(lenient, [])
                start += lenient.line_num
                self._note(row, start)

    def _note(self, row: list[str], end: int, number: int | None = None) -> None:
        """What is unusual about record `number` (the next one, ending at line `end`, unless given)."""
        if number is None:
            number = len(self.ends)
            self.ends.append(end)
        if not number:
            self.header = row
        elif not any(row):
            self.empty.append(number)
        elif len(row) != len(self.header):
            self.misshapen[number] = row
        if '"' in "".join(row):
            self.quoted[number] = row

    @property
    def records(self) -> int:
        return len(self.ends)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def record_text(self, record: int) -> str:
        return "".join(self.lines[self.ends[record - 1] if record else 0: self.ends[record]])

    def opener(self) -> int:
        """Where, in the text, the value that never closes starts: the first value written with a quote at its
        start that does not pair up, in the first record csv refused (or else the file's last quote)."""
        first = min(self.refused)
        start = sum(map(len, self.lines[: self.ends[first - 1] if first else 0]))
        for field in raw_fields(self.record_text(first)):
            if field.startswith('"') and not QUOTED.fullmatch(field):
                return start
            start += len(field) + 1
        return self.text.rindex('"')

    def place(self, offset: int, header: list[str]) -> tuple[int, str | None]:
        """The spreadsheet row and the column of the character at `offset` in the text."""
        starts = list(itertools.accumulate(map(len, self.lines), initial=0))
        record = bisect_right(self.ends, bisect_right(starts, offset) - 1)
        first = starts[self.ends[record - 1]] if record else 0
        field = len(raw_fields(self.text[first:offset])) - 1
        return record + 1, header[field] if field < len(header) else None


FIELD = r'(?:"[^"]*(?:""[^"]*)*"|[^,"\r\n]*)'  # a value in quotes (each quote in it doubled), or one with none


@functools.lru_cache
def _record_shape(columns: int) -> re.Pattern:
    """One line that is one record of `columns` well-formed fields, with its line break."""
    return re.compile(FIELD + f"(?:,{FIELD}){{{columns - 1}}}" + r"(?:\r\n|\n|\r)?")


def _decode_error(raw: bytes) -> UnicodeDecodeError:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return error
    raise ValueError("the bytes are UTF-8")


def raw_fields(text: str) -> list[str]:
    """One record's text split at the commas outside quotes, each field as written (quotes kept)."""
    fields, start, quoted = [], 0, False
    for index, character in enumerate(text):
        if character == '"':
            quoted = not quoted
        elif character == "," and not quoted:
            fields.append(text[start:index])
            start = index + 1
    fields.append(text[start:].rstrip("\r\n"))
    return fields


def stray_quotes(text: str) -> list[int]:
    """Where, in one record's text, a quote neither opens a value, closes one, nor pairs up as "" inside one."""
    last = len(text) - 1
    return [index for index, character in enumerate(text) if character == '"'
            and not (index == 0 or text[index - 1] in ',\r\n"') and not (index == last or text[index + 1] in ',\r\n"')]


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


def _read_header(name: str, records: _Records, columns: dict[str, bool], problems: list[Problem]) -> list[str] | None:
    first = records.record_text(0)
    if records.undecodable is not None and records.undecodable[0] < len(first):
        problems.append(Problem(name, 1, None, records.undecodable[1], "the header is not UTF-8; " + UTF8_HINT))
        return None
    header = records.header
    if 0 in records.refused:
        problems.append(Problem(name, 1, None, first.rstrip("\r\n"), "the header row is not valid CSV; "
                                "data/README.md lists the columns, separated by commas"))
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
    body = list(header)
    while body and body[-1] == "":
        body.pop()
    trailing = len(header) - len(body)
    if trailing:
        problems.append(Problem(name, 1, body[-1] if body else None, None,
                                f"{trailing} empty column(s) after this one, as spreadsheets save when a cell "
                                "to the right of the table was touched; delete those columns and save again"))
        ok = False
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


def _check_structure(name: str, records: _Records, header: list[str], problems: list[Problem]) -> None:
    """Quotes that do not pair up and rows of the wrong length, each at its row and column."""
    if records.quotes % 2 and records.refused:  # a quote opens a value that never closes
        text = records.text
        opener = records.opener()
        row, column = records.place(opener, header)
        problems.append(Problem(name, row, column, text[opener: opener + 200], "a double quote opens a value here "
                                "and is never closed, so the rest of the file would be read as one value; close "
                                "the quote or delete it"))
        return
    stray = {}  # (record, field): the value as written, once however many stray quotes it holds
    for number in _quote_suspects(records):
        written = records.record_text(number)
        for offset in stray_quotes(written):
            field = len(raw_fields(written[:offset])) - 1
            stray.setdefault((number, field), raw_fields(written)[field])
    for (number, field), value in list(stray.items())[:ROWS_SHOWN]:
        problems.append(Problem(name, number + 1, header[field] if field < len(header) else None, value, STRAY_QUOTE))
    width = len(header)
    for number, row in list(records.misshapen.items())[: 2 * ROWS_SHOWN]:
        if len(row) > width:
            extra = row[width:]
            if not any(value.strip(" \t") for value in extra):
                message = (f"has {len(extra)} empty field(s) after the last column, as spreadsheets save when "
                           "a cell to the right of the table was touched; delete the columns right of "
                           f"'{header[-1]}' and save again")
            else:
                message = (f"has {len(row)} fields but the header has {width} columns: a value that holds a comma "
                           "must be written \"in quotes\"")
            problems.append(Problem(name, number + 1, header[-1], ",".join(extra), message))
        else:
            missing = header[len(row)]
            problems.append(Problem(name, number + 1, missing, None,
                                    f"has {len(row)} fields but the header has {width} columns: the row stops "
                                    f"before '{missing}'; a comma may be missing"))


def _quote_suspects(records: _Records) -> list[int]:
    """The records csv refused, and those with a quote in a value that was not written "in quotes"
    (csv takes a quote inside an unquoted value as it stands)."""
    suspects = set(records.refused)
    for number, row in records.quoted.items():
        if number not in suspects:
            written = records.record_text(number)
            if any('"' in value and '"' + value.replace('"', '""') + '"' not in written for value in row):
                suspects.add(number)
    return sorted(suspects)


def _check_controls(name: str, rows: list[list[str]], header: list[str], problems: list[Problem]) -> None:
    """Control characters (a tab, a NUL) in the data rows, each at its row and column; other characters are
    judged by the loader."""
    found = []
    for number, row in enumerate(rows, start=2):
        for index, value in enumerate(row):
            match = None if value.isprintable() else CONTROL.search(value)
            if match:
                character = match.group()
                what = "a tab" if character == "\t" else f"the control character {character!r}"
                found.append(Problem(name, number, header[index] if index < len(header) else None, value,
                                     f"holds {what}; delete it"))
    problems.extend(found[:ROWS_SHOWN])
