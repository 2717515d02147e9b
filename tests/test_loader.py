"""The loader explains bad input: one error listing every problem with file, row, column and value."""

import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pytest

import breaking_isolation as kit

SOURCES = """source_id,citation,url,kind,note
treaty-text,"Treaty between Germany and the RSFSR, Rapallo, 16 April 1922.",,primary,
"""
ACTORS = """actor_id,name,kind,belongs_to,region,start_date,end_date,recognised_from,recognised_until,wikidata,note
rsfsr,Soviet Russia,state,,europe,1917-11-07,1922-12-30,,,,
ussr,Soviet Union,state,,europe,1922-12-30,,,,Q15180,
germany,Germany,state,,europe,,,,,Q183,
britain,United Kingdom,state,,europe,,,,,Q145,
"""
HEADER = ("event_id,date,end_date,kind,actor,counterpart,title,description,tone,source_ids,"
          "alt_dates,date_note\n")
EVENTS = HEADER + (
    "1922-rapallo,1922-04-16,,de_jure_recognition,germany,rsfsr,Rapallo,Relations restored.,cooperative,treaty-text,,\n"
    "1924-britain,1924-02,,relations_established,britain,ussr,Britain recognises,A note.,cooperative,treaty-text,"
    "1924-02-02@treaty-text,The note is dated the 1st.\n"
    "1927-break,1927,1927-12-31,relations_broken,britain,ussr,The break,Relations broken off.,hostile,treaty-text,,\n"
)


def write(folder: Path, events: str = EVENTS, actors: str = ACTORS, sources: str = SOURCES,
          encoding: str = "utf-8") -> Path:
    for name, text in (("events.csv", events), ("actors.csv", actors), ("sources.csv", sources)):
        (folder / name).write_bytes(text.encode(encoding))
    return folder


def problems(folder: Path) -> list[kit.Problem]:
    with pytest.raises(kit.DataError) as caught:
        kit.load(folder)
    return caught.value.problems


def only(folder: Path) -> kit.Problem:
    found = problems(folder)
    assert len(found) == 1, found
    return found[0]


def test_valid_data_loads_with_proper_dtypes(tmp_path):
    data = kit.load(write(tmp_path))
    events = data.events
    assert list(events["event_id"]) == ["1922-rapallo", "1924-britain", "1927-break"]
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    assert events["date"].is_monotonic_increasing
    assert list(events["date_precision"]) == ["day", "month", "year"]
    assert list(events["date_text"]) == ["1922-04-16", "1924-02", "1927"]
    assert events["kind"].dtype == "category"
    assert events.loc[1, "source_ids"] == ["treaty-text"]
    assert data.actors.loc[1, "start_date"] == pd.Timestamp("1922-12-30")


def test_the_kit_data_loads():
    data = kit.load()
    assert len(data.events) > 0
    assert data.events["event_id"].is_unique


def test_impossible_date(tmp_path):
    bad = EVENTS.replace("1922-04-16", "1922-02-30")
    problem = only(write(tmp_path, events=bad))
    assert (problem.file, problem.row, problem.column, problem.value) == ("events.csv", 2, "date", "1922-02-30")
    assert "not a real date" in problem.message


def test_end_before_start(tmp_path):
    bad = EVENTS.replace("1927,1927-12-31", "1927,1926-12-31")
    problem = only(write(tmp_path, events=bad))
    assert (problem.row, problem.column, problem.value) == (4, "end_date", "1926-12-31")
    assert "before date" in problem.message


def test_end_within_a_year_precision_start_is_fine(tmp_path):
    kit.load(write(tmp_path, events=EVENTS.replace("1927,1927-12-31", "1927,1927-03-01")))


def test_unknown_kind(tmp_path):
    problem = only(write(tmp_path, events=EVENTS.replace(",relations_broken,", ",breakup,")))
    assert (problem.row, problem.column, problem.value) == (4, "kind", "breakup")
    assert "is not one of" in problem.message


def test_unknown_actor_and_unknown_source_are_both_reported(tmp_path):
    bad = EVENTS.replace("germany,rsfsr", "prussia,rsfsr").replace("hostile,treaty-text", "hostile,treaty-text;hearsay")
    found = problems(write(tmp_path, events=bad))
    assert {(p.row, p.column, p.value) for p in found} == {(2, "actor", "prussia"), (4, "source_ids", "treaty-text;hearsay")}
    assert any("'hearsay'" in p.message for p in found)


def test_duplicate_id(tmp_path):
    bad = EVENTS + "1927-break,1927-05-27,,relations_broken,britain,ussr,Again,Again.,hostile,treaty-text,,\n"
    problem = only(write(tmp_path, events=bad))
    assert (problem.row, problem.column, problem.value) == (5, "event_id", "1927-break")
    assert "repeats" in problem.message


def test_missing_required_field(tmp_path):
    problem = only(write(tmp_path, events=EVENTS.replace("Relations restored.", "")))
    assert (problem.row, problem.column, problem.value) == (2, "description", "")
    assert "required" in problem.message


def test_missing_required_column(tmp_path):
    bad = EVENTS.replace(",tone,", ",mood,", 1)
    found = problems(write(tmp_path, events=bad))
    assert ("events.csv", 1, "tone") in {(p.file, p.row, p.column) for p in found}


def test_wrong_delimiter(tmp_path):
    problem = only(write(tmp_path, events=EVENTS.replace(",", ";")))
    assert (problem.file, problem.row) == ("events.csv", 1)
    assert "';'" in problem.message


def test_wrong_encoding(tmp_path):
    bad = EVENTS.replace("A note.", "Note from Ramsay MacDonald’s government.")
    problem = only(write(tmp_path, events=bad, encoding="cp1252"))
    assert (problem.file, problem.row) == ("events.csv", 3)
    assert "not UTF-8" in problem.message and problem.value == "\\x92"


def test_spreadsheet_mangled_date(tmp_path):
    problem = only(write(tmp_path, events=EVENTS.replace("1922-04-16", "4/16/1922")))
    assert (problem.row, problem.column, problem.value) == (2, "date", "4/16/1922")
    assert "spreadsheet" in problem.message and "YYYY-MM-DD" in problem.message


def test_stray_whitespace(tmp_path):
    found = problems(write(tmp_path, events=EVENTS.replace("germany,rsfsr", "germany ,rsfsr")))
    assert (2, "actor", "germany ") in {(p.row, p.column, p.value) for p in found}
    assert any("spaces" in p.message for p in found)


def test_byte_order_mark_is_read_past(tmp_path):
    """Spreadsheets write a byte-order mark in 'CSV UTF-8'; it holds no data, so the file loads the same."""
    plain = kit.load(write(tmp_path)).events
    (tmp_path / "events.csv").write_bytes(b"\xef\xbb\xbf" + EVENTS.encode())
    with_bom = kit.load(tmp_path).events
    pd.testing.assert_frame_equal(plain, with_bom)
    assert with_bom.columns[0] == "event_id"


def test_empty_file(tmp_path):
    problem = only(write(tmp_path, events=""))
    assert (problem.file, problem.row) == ("events.csv", None)
    assert "empty" in problem.message


def test_an_actor_outside_its_lifespan(tmp_path):
    """The 'Soviet Union' did not exist in April 1922: an event that says so is refused."""
    problem = only(write(tmp_path, events=EVENTS.replace("germany,rsfsr", "germany,ussr")))
    assert (problem.row, problem.column, problem.value) == (2, "counterpart", "ussr")
    assert "did not exist on 1922-04-16" in problem.message


def test_every_problem_is_listed_in_one_error_and_nothing_is_written(tmp_path):
    bad = (EVENTS.replace("1922-04-16", "1922-13-01").replace(",relations_broken,", ",breakup,")
           .replace("Relations restored.", ""))
    folder = write(tmp_path, events=bad)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(kit.DataError) as caught:
        kit.load(folder)
    message = str(caught.value)
    assert message.startswith("3 problem(s)")
    for expected in ("events.csv, row 2, column 'date'", "row 4, column 'kind'", "row 2, column 'description'"):
        assert expected in message
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_alt_dates_must_name_a_known_source(tmp_path):
    problem = only(write(tmp_path, events=EVENTS.replace("1924-02-02@treaty-text", "1924-02-02")))
    assert (problem.row, problem.column, problem.value) == (3, "alt_dates", "1924-02-02")


def _paths_of(package: Path):
    """The copy's own paths module, imported from the copy's file (it imports nothing of the package)."""
    spec = importlib.util.spec_from_file_location("copied_paths", package / "paths.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_data_folder_is_found_from_a_copy_of_the_package(tmp_path):
    """A student build copies the package beside its notebooks and data/ above them; the copy finds that data/,
    not the kit's, and a copy with no data/ above it says so."""
    assert kit.data_dir().name == "data" and (kit.data_dir() / "datapackage.json").is_file()
    build = tmp_path / "build" / "student"
    copy = build / "notebooks" / "breaking_isolation"
    shutil.copytree(Path(kit.__file__).parent, copy)
    (build / "data").mkdir()
    (build / "data" / "datapackage.json").write_text("{}", encoding="utf-8")
    assert _paths_of(copy).data_dir() == build / "data"
    (build / "data" / "datapackage.json").unlink()
    with pytest.raises(FileNotFoundError, match="datapackage.json"):
        _paths_of(copy).kit_root()
