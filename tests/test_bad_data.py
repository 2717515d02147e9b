"""The bad-file corpus (tests/bad_data/): every case ends in the kit's DataError naming its row and column, never
in a traceback; Frictionless rejects every case that data/README.md says Table Schema can express; good files
written by spreadsheets, with a byte-order mark, CRLF or CR line ends, load with every cell unchanged."""

import json
import shutil
import sys
from pathlib import Path

import frictionless
import pandas as pd
import pytest

import breaking_isolation as kit

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "bad_data"
ROOT = HERE.parent
CASES = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))
sys.path.insert(0, str(CORPUS))
import make_cases  # noqa: E402


def table_package(folder: Path) -> None:
    """The kit's datapackage.json with its three tables only: the corpus is about them (no documents/)."""
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["name"] in ("events", "actors", "sources")]
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")


def assemble(tmp_path: Path, case: str, file: str | None = None, absent: bool = False) -> Path:
    """The base data set with the case's file in place of the good one, and the kit's datapackage.json."""
    folder = tmp_path / "data"
    shutil.copytree(CORPUS / "base", folder)
    table_package(folder)
    if absent:
        (folder / file).unlink()
    for path in (CORPUS / case).iterdir():
        if path.name in ("README", "HOW.md"):
            continue
        if (folder / path.name).exists():
            (folder / path.name).unlink()
        (shutil.copytree if path.is_dir() else shutil.copy)(path, folder / path.name)
    return folder


def frictionless_errors(folder: Path) -> list[str]:
    report = frictionless.validate(str(folder / "datapackage.json"))
    return [f"{task.name}: {err.type}" for task in report.tasks for err in task.errors] + \
           [err.type for err in report.errors]


def test_the_corpus_is_large_and_is_what_make_cases_writes(tmp_path):
    assert len(CASES) >= 40
    assert [c["case"] for c in CASES] == [c[0] for c in make_cases.CASES]
    for case in CASES:
        folder = CORPUS / case["case"]
        assert folder.is_dir(), case["case"]
    # The corpus on disk is what the script writes: written afresh into a temporary folder and compared, file by
    # file, so a drifted corpus fails every time (the run never rewrites the corpus it judges).
    fresh = tmp_path / "corpus"
    make_cases.write(fresh)
    on_disk = {p.relative_to(CORPUS): p.read_bytes() for p in CORPUS.rglob("*") if p.is_file()
               and p.relative_to(CORPUS).parts[0] not in ("base", "good", "make_cases.py", "__pycache__")
               and p.name != "HOW.md"}  # how a recorded file was made, written by hand
    written = {p.relative_to(fresh): p.read_bytes() for p in fresh.rglob("*") if p.is_file()}
    assert sorted(written) == sorted(on_disk), "run: python tests/bad_data/make_cases.py"
    drifted = [str(p) for p in written if written[p] != on_disk[p]]
    assert not drifted, f"run: python tests/bad_data/make_cases.py (these differ: {drifted})"


def test_the_base_data_set_is_valid_for_the_loader_and_for_frictionless(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(CORPUS / "base", folder)
    table_package(folder)
    kit.load(folder)
    assert frictionless_errors(folder) == []


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_each_bad_file_is_one_clear_data_error(case, tmp_path):
    folder = assemble(tmp_path, case["case"], case["file"], case["absent"])
    with pytest.raises(kit.DataError) as caught:  # any other exception fails the test: no tracebacks
        kit.load(folder)
    problems = caught.value.problems
    here = [p for p in problems if (p.file, p.row, p.column) == (case["file"], case["row"], case["column"])]
    assert here, f"expected {case['file']}, row {case['row']}, column {case['column']}; got:\n{caught.value}"
    assert any(case["says"] in p.message or case["says"] in (p.value or "") for p in here), str(caught.value)
    message = str(caught.value)
    assert "Traceback" not in message and len(message) < 5000  # a 1 MB value is shortened
    assert all(p.file in ("events.csv", "actors.csv", "sources.csv", "data") for p in problems)


FRICTIONLESS_CAN = [c for c in CASES if c["frictionless"]]


@pytest.mark.parametrize("case", FRICTIONLESS_CAN, ids=[c["case"] for c in FRICTIONLESS_CAN])
def test_frictionless_rejects_what_table_schema_can_express(case, tmp_path):
    folder = assemble(tmp_path, case["case"], case["file"], case["absent"])
    try:
        errors = frictionless_errors(folder)
    except Exception as error:  # Frictionless itself failing on the file also rejects it
        errors = [type(error).__name__]
    assert errors, f"{case['case']}: Frictionless finds the file valid"


def test_frictionless_accepts_what_only_the_loader_can_check(tmp_path):
    """The README's list is honest: these cases really are beyond Table Schema (or Frictionless), so the
    loader's rules are not duplicated where they could be standard."""
    beyond = [c for c in CASES if not c["frictionless"]]
    assert beyond
    for case in beyond:
        folder = assemble(tmp_path / case["case"], case["case"], case["file"], case["absent"])
        assert frictionless_errors(folder) == [], case["case"]


def test_the_readme_lists_each_rule_only_the_loader_checks():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Rules only the loader checks", 1)[1].split("\n## ", 1)[0]
    for case in (c for c in CASES if not c["frictionless"]):
        assert f"`{case['case']}`" in section, case["case"]


def test_an_unreadable_file_is_a_data_error(tmp_path, monkeypatch):
    """Root reads any file, so permission is refused from Python's side, where the loader meets it."""
    folder = assemble(tmp_path, "blank-line")
    real = Path.read_bytes

    def refuse(self):
        if self.name == "actors.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(kit.DataError) as caught:
        kit.load(folder)
    assert any(p.file == "actors.csv" and "permission denied" in p.message for p in caught.value.problems)


def test_a_data_folder_that_is_not_a_folder(tmp_path):
    with pytest.raises(kit.DataError, match="is not a folder"):
        kit.load(tmp_path / "nowhere")


# --- good files: what spreadsheets and other systems write when used right --------------------------------


def base_data(tmp_path: Path) -> kit.KitData:
    folder = tmp_path / "base"
    shutil.copytree(CORPUS / "base", folder)
    return kit.load(folder)


def same_cells(one: kit.KitData, other: kit.KitData) -> None:
    for table in ("events", "actors", "sources"):
        pd.testing.assert_frame_equal(getattr(one, table), getattr(other, table))


@pytest.mark.parametrize("how", ["bom", "crlf", "bom-crlf", "cr-only"])
def test_byte_order_mark_and_line_ends_change_no_cell(how, tmp_path):
    folder = tmp_path / how
    folder.mkdir()
    for path in (CORPUS / "base").iterdir():
        data = path.read_bytes()
        if "crlf" in how:
            data = data.replace(b"\n", b"\r\n")
        if how == "cr-only":
            data = data.replace(b"\n", b"\r")
        if "bom" in how:
            data = b"\xef\xbb\xbf" + data
        (folder / path.name).write_bytes(data)
    same_cells(kit.load(folder), base_data(tmp_path))


def test_a_line_break_inside_a_quoted_value_is_kept_and_rows_still_count_right(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(CORPUS / "base", folder)
    events = (folder / "events.csv").read_text(encoding="utf-8")
    events = events.replace("waive their claims, and trade.", "waive their claims,\r\nand trade.")
    events = events.replace("1924-05-31", "1924-05-32")
    (folder / "events.csv").write_text(events, encoding="utf-8", newline="")
    with pytest.raises(kit.DataError) as caught:
        kit.load(folder)
    assert [(p.row, p.column) for p in caught.value.problems] == [(5, "date")]
    fixed = events.replace("1924-05-32", "1924-05-31")
    (folder / "events.csv").write_text(fixed, encoding="utf-8", newline="")
    assert kit.load(folder).events.loc[0, "description"].endswith("claims,\r\nand trade.")


GOOD = sorted(p for p in (CORPUS / "good").iterdir() if p.is_dir()) if (CORPUS / "good").is_dir() else []


@pytest.mark.parametrize("folder", GOOD, ids=[p.name for p in GOOD])
def test_a_spreadsheet_round_trip_done_right_changes_no_cell(folder, tmp_path):
    """Files saved back by a real spreadsheet (tests/bad_data/good/*/HOW.md says how each was made)."""
    copy = tmp_path / "data"
    shutil.copytree(CORPUS / "base", copy)
    for path in folder.glob("*.csv"):
        shutil.copy(path, copy / path.name)
    same_cells(kit.load(copy), base_data(tmp_path))


# --- files that are not files, or too big to be the kit's: refused before they are read ----------------------


def _fifo(path: Path) -> None:
    import os
    os.mkfifo(path)


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")  # a device that never ends: reading it would fill the memory


def _fifo_behind_a_link(path: Path) -> None:
    import os
    os.mkfifo(path.with_name("pipe"))
    path.symlink_to(path.with_name("pipe"))


def _big(path: Path) -> None:
    with open(path, "wb") as handle:  # sparse: 101 MB that take no disk
        handle.truncate(101_000_000)


@pytest.mark.parametrize("make, says", [(_fifo, "not a regular file"), (_device, "not a regular file"),
                                        (_fifo_behind_a_link, "not a regular file"), (_big, "101,000,000 bytes")],
                         ids=["fifo", "device", "fifo-behind-a-link", "over-100-mb"])
def test_a_file_that_cannot_be_the_kits_is_refused_at_once(make, says, tmp_path):
    import signal

    folder = assemble(tmp_path, "blank-line")
    (folder / "events.csv").unlink()
    make(folder / "events.csv")
    signal.alarm(20)  # a FIFO opened for reading would wait for ever: fail instead of hanging the suite
    try:
        with pytest.raises(kit.DataError) as caught:
            kit.load(folder)
    finally:
        signal.alarm(0)
    assert [p.file for p in caught.value.problems if says in p.message] == ["events.csv"], str(caught.value)
