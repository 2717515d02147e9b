"""A teacher adds one valid row to data/events.csv and runs `make refresh`: then the tests that read the data pass.

All of it happens on a copy of the kit in a temporary folder, so the kit's own files are never touched. The copy
first gets a bad row, which `make refresh` must refuse with the loader's message, changing nothing; then a good
row, after which the refresh must say what changed and the notebooks (strict nbval), the handouts and the data
tests must pass in the copy. Takes about a minute: it re-runs every notebook twice (refresh, then nbval).
"""

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import breaking_isolation as kit
from breaking_isolation import recognition, vocabulary

ROOT = Path(__file__).resolve().parents[1]
# What the kit builds or installs; a copy of the kit needs none of it.
NOT_COPIED = shutil.ignore_patterns(".git", ".venv*", "build", "output", "test-artifacts", "node_modules",
                                    "__pycache__", ".ipynb_checkpoints", ".pytest_cache")
# The tests whose results depend on the data, run in the copy after the refresh.
DATA_TESTS = ["notebooks", "tests/test_data.py", "tests/test_lessons.py", "tests/test_notebooks.py",
              "tests/test_country_study.py"]


def _run(copy: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "notebooks"), "MPLBACKEND": "Agg"}
    return subprocess.run([sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True,
                          timeout=timeout)


def _rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames), list(reader)


def _append(path: Path, row: dict) -> None:
    header, _ = _rows(path)
    with path.open("a", newline="", encoding="utf-8") as file:
        csv.DictWriter(file, fieldnames=header, lineterminator="\n").writerow({k: row.get(k, "") for k in header})


def a_new_recognition(copy: Path) -> dict:
    """A de jure recognition of the USSR by a state whose standing the data never moves: every count moves."""
    data = kit.load(copy / "data")
    moved = set(recognition.standing_changes(data.events, data.actors)["state"])
    actors, day = data.actors, pd.Timestamp("1926-05-04")
    alive = ~(actors["start_date"] > day) & ~(actors["end_date"] < day)  # NaT: no limit
    states = actors[(actors["kind"] == "state") & alive & ~actors["actor_id"].isin(moved | set(vocabulary.SOVIET_STATE))]
    state = states.iloc[0]
    return {"event_id": f"1926-{state['actor_id']}-recognition", "date": "1926-05-04", "kind": "de_jure_recognition",
            "actor": state["actor_id"], "counterpart": "ussr",
            "title": f"{state['name']} recognises the USSR de jure",
            "description": "A row a teacher might add: an exchange of notes recognising the Soviet government.",
            "tone": "cooperative", "source_ids": data.sources["source_id"].iloc[0]}


@pytest.fixture(scope="module")
def kit_copy(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("refresh") / "kit"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    if (ROOT / "node_modules" / "reveal.js").is_dir():  # the slide build's reveal.js, installed once
        (copy / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return copy


def test_bad_data_stops_the_refresh_with_the_loaders_message_and_changes_nothing(kit_copy):
    events = kit_copy / "data" / "events.csv"
    good = events.read_bytes()
    notebooks = {p: p.read_bytes() for p in (kit_copy / "notebooks").glob("*.ipynb")}
    row = a_new_recognition(kit_copy)
    _append(events, {**row, "kind": "recognised_somehow"})
    try:
        result = _run(kit_copy, "tools/refresh.py", timeout=120)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "nothing was changed" in result.stderr
        assert "events.csv" in result.stderr and "'kind'" in result.stderr and "recognised_somehow" in result.stderr
        assert {p: p.read_bytes() for p in notebooks} == notebooks
    finally:
        events.write_bytes(good)


def test_a_broken_document_stops_the_refresh_before_any_notebook_runs(kit_copy):
    """An impossible date in a document (30 February) is the documents' loader's message, naming file and line."""
    document = sorted((kit_copy / "data" / "documents").glob("doc-*.md"))[0]
    good = document.read_bytes()
    notebooks = {p: p.read_bytes() for p in (kit_copy / "notebooks").glob("*.ipynb")}
    lines = good.decode("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("date: "))
    lines[at] = "date: 1922-02-30"
    document.write_bytes("\n".join(lines).encode("utf-8"))
    try:
        result = _run(kit_copy, "tools/refresh.py", timeout=120)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "nothing was changed" in result.stderr
        assert f"documents/{document.name}, row {at + 1}, column 'date'" in result.stderr, result.stderr
        assert "notebooks:" not in result.stdout
        assert {p: p.read_bytes() for p in notebooks} == notebooks
    finally:
        document.write_bytes(good)


def test_a_new_valid_row_then_refresh_leaves_the_data_tests_green(kit_copy):
    row = a_new_recognition(kit_copy)
    _append(kit_copy / "data" / "events.csv", row)
    handout = (kit_copy / "lessons" / "handouts" / "01-recognition-handout.md").read_text(encoding="utf-8")
    assert row["event_id"] not in handout

    refreshed = _run(kit_copy, "tools/refresh.py")
    assert refreshed.returncode == 0, refreshed.stdout[-3000:] + refreshed.stderr[-3000:]
    said = refreshed.stdout
    print(said)
    # It says what changed, where it changed: the recognition notebook's outputs and its handout's tables.
    assert "notebook 01-recognition: " in said and "notebook 01-recognition: unchanged" not in said, said
    handout_line = next(line for line in said.splitlines() if "handout 01-recognition-handout: " in line)
    assert "1 row added" in handout_line and "rows changed" in handout_line, said  # the event, the year counts
    assert row["event_id"] in (kit_copy / "lessons" / "handouts" / "01-recognition-handout.md").read_text()
    assert "student notebook 01-recognition" in said

    tested = _run(kit_copy, "-m", "pytest", "-p", "no:cacheprovider", "-q", *DATA_TESTS)
    print(tested.stdout[-300:])
    assert tested.returncode == 0, tested.stdout[-6000:]
    assert " passed" in tested.stdout.splitlines()[-1]
