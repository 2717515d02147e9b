"""csv_file.read: one CSV file as text, rows numbered as a spreadsheet shows them, and every structural problem
placed at its row and column with the value as written. (The whole loader meets these through the bad-file
corpus, tests/test_bad_data.py; here each rule is seen on its own, on files of three columns.)"""

import csv
import gc

import pytest
from breaking_isolation import csv_file

COLUMNS = {"id": True, "title": True, "note": False}


def read(tmp_path, data: bytes | str):
    path = tmp_path / "events.csv"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    problems = []
    frame = csv_file.read(path, COLUMNS, problems)
    return frame, [(p.row, p.column, p.value, p.message) for p in problems]


def test_rows_are_numbered_as_a_spreadsheet_shows_them_whatever_the_line_ends(tmp_path):
    for end in ("\n", "\r\n", "\r"):
        text = end.join(["id,title,note", 'a,"two', 'lines",x', "b,plain,", ""])
        frame, problems = read(tmp_path, text)
        assert problems == []
        assert list(frame.index) == [2, 3]
        assert frame.loc[2, "title"] == f"two{end}lines"
        assert list(frame.columns) == ["id", "title", "note"]


def test_characters_str_splitlines_would_break_at_stay_inside_their_value(tmp_path):
    frame, problems = read(tmp_path, "id,title,note\na,one\u2028line,\nb,second,\n")
    assert problems == [] and list(frame.index) == [2, 3] and frame.loc[2, "title"] == "one\u2028line"


def test_an_empty_row_is_reported_dropped_and_keeps_the_rows_below_in_place(tmp_path):
    frame, problems = read(tmp_path, "id,title,note\na,x,\n\n,,\nb,y,\n")
    assert [(row, column) for row, column, _, _ in problems] == [(3, "id"), (4, "id")]
    assert all("this row is empty" in message for *_, message in problems)
    assert list(frame.index) == [2, 5] and frame.loc[5, "id"] == "b"


@pytest.mark.parametrize("line, column, value", [
    ('b,The "Red" scare,', "title", 'The "Red" scare'),  # csv takes this quote as it stands
    ('b,"The Red"scare,', "title", '"The Red"scare'),  # csv refuses this one
])
def test_a_quote_in_the_middle_of_a_value_is_placed_with_the_value_as_written(tmp_path, line, column, value):
    frame, problems = read(tmp_path, f'id,title,note\na,"A ""quoted"" word",\n{line}\nc,z,\n')
    assert frame is None
    assert [(row, col, val) for row, col, val, _ in problems] == [(3, column, value)]
    assert "double quote in the middle of a value" in problems[0][3]


def test_a_refused_row_spanning_lines_does_not_shift_the_rows_below(tmp_path):
    text = 'id,title,note\na,"x"y,"two\nlines"\nb,ok,\nc,ok,too,many\n'
    _, problems = read(tmp_path, text)
    assert [(row, column) for row, column, _, _ in problems] == [(2, "title"), (4, "note")]


def test_a_quote_that_never_closes_is_placed_where_it_opens(tmp_path):
    text = 'id,title,note\na,x,\nb,"oops,\nc,"fine, quoted",\nd,y,\n'
    _, problems = read(tmp_path, text)
    assert len(problems) == 1
    row, column, value, message = problems[0]
    assert (row, column) == (3, "title") and value.startswith('"oops,\nc,') and "never closed" in message


@pytest.mark.parametrize("line, row, column, value, says", [
    ("b,y,,", 3, "note", "", "1 empty field(s) after the last column"),
    ("b,y,z,w", 3, "note", "w", "has 4 fields but the header has 3 columns"),
    ("b,y", 3, "note", None, "the row stops before 'note'"),
])
def test_a_row_of_the_wrong_length_is_named(tmp_path, line, row, column, value, says):
    frame, problems = read(tmp_path, f"id,title,note\na,x,\n{line}\n")
    assert frame is None
    assert [(r, c, v) for r, c, v, _ in problems] == [(row, column, value)]
    assert says in problems[0][3]


def test_control_characters_are_placed_by_row_and_column(tmp_path):
    _, problems = read(tmp_path, "id,title,note\na,x\ty,\nb,z,n\x00o\n")
    assert [(row, column, value) for row, column, value, _ in problems] == [(2, "title", "x\ty"), (3, "note", "n\x00o")]
    assert "a tab" in problems[0][3] and "the control character '\\x00'" in problems[1][3]


def test_bytes_that_are_not_utf8_are_placed_and_shown(tmp_path):
    _, problems = read(tmp_path, b"id,title,note\na,x,\nb,caf\xe9,\n")
    assert [(row, column, value) for row, column, value, _ in problems] == [(3, "title", "\\xe9")]
    _, problems = read(tmp_path, b"id,t\xeftle,note\na,x,\n")
    assert [(row, value) for row, _, value, _ in problems] == [(1, "\\xef")]
    assert "the header is not UTF-8" in problems[0][3]


def test_a_value_longer_than_the_csv_modules_limit_is_read_whole_and_the_limit_is_left_as_it_was(tmp_path):
    limit, collecting = csv.field_size_limit(), gc.isenabled()
    frame, problems = read(tmp_path, "id,title,note\na," + "x" * 1_000_000 + ",\n")
    assert problems == [] and len(frame.loc[2, "title"]) == 1_000_000
    assert csv.field_size_limit() == limit and gc.isenabled() == collecting


def test_a_header_without_rows_and_an_empty_file(tmp_path):
    assert read(tmp_path, "id,title,note\n")[1][0][3].startswith("has a header but no rows")
    assert read(tmp_path, "\ufeff\n\n")[1][0][3].startswith("the file is empty")


def _both_readings(raw: bytes) -> tuple[dict, dict]:
    """What the quick reading of the usual file and the full, record-by-record reading find in `raw`."""
    quick = csv_file._Records(raw)
    full = csv_file._Records.__new__(csv_file._Records)
    full.__dict__.update(quick.__dict__, header=[], ends=[], refused={}, misshapen={}, quoted={}, empty=[])
    limit = csv.field_size_limit(csv_file.FILE_SIZE)
    try:
        full._read()
    finally:
        csv.field_size_limit(limit)
    return quick.__dict__, full.__dict__


@pytest.mark.parametrize("text", [
    'id,title,note\na,"with ""quotes"" in",x\nb,plain,\n',
    'id,title,note\n"","",""\n,,\nb,y,\n\n',
    'id,title,note\na,"x"y,z\nb,ab"c,\n',  # a quote after a closing one; a quote in a value not in quotes
    'id,title,note\na,x\nb,x,y,z\nc,"open,\n',
    'id,title,note\r\na,"two\r\nlines",\r\nb,c,d',
    '"id","title","note"\na,"comma, inside",""\n',
])
def test_the_quick_reading_finds_what_the_full_one_finds(text):
    quick, full = _both_readings(text.encode("utf-8"))
    assert quick == full


def test_the_quick_reading_finds_what_the_full_one_finds_in_every_bad_file():
    from pathlib import Path
    files = [path for path in sorted((Path(__file__).parent / "bad_data").glob("*/*.csv")) if path.is_file()]
    assert len(files) > 100
    for path in files:
        quick, full = _both_readings(path.read_bytes().removeprefix(csv_file.BOM))
        assert quick == full, path
