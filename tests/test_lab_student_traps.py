"""Traps a student doing the three notebooks alone met in the student edition (what `make student` builds and
`make lab` opens there): answers printed above their exercises, teacher tooling on the start page, promises of
solutions that are not there, exercises without checks, hard prose, raw ids in tables."""

import re
import sys
from pathlib import Path

import nbformat
import pytest

from breaking_isolation import china, china_charts, checks, load, recognition_exercises
from breaking_isolation.vocabulary import EVENT_KINDS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import student_edition  # noqa: E402
from readability import grade  # noqa: E402

MAX_GRADE = 9
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    target = tmp_path_factory.mktemp("edition") / "student"
    student_edition.build_into(target)
    return target / "notebooks"


def cells(folder: Path, name: str) -> list:
    return nbformat.read(folder / f"{name}.ipynb", as_version=4).cells


def prose(cell_list) -> str:
    return " ".join(" ".join(c.source.split()) for c in cell_list if c.cell_type == "markdown")


def outputs_text(cell) -> str:
    found = []
    for output in cell.get("outputs", []):
        found.append(output.get("text", ""))
        found += [str(v) for v in output.get("data", {}).values()]
    return "\n".join(found)


def plain(markdown: str) -> str:
    """Prose as read: link targets, code marks and emphasis left out."""
    return re.sub(r"[`*#|]", "", re.sub(r"\]\([^)]*\)", "]", markdown)).replace("[", "").replace("]", "")


# 1. the student does the reading ---------------------------------------------------------------------------


def test_notebook_1_exercise_2_comes_before_the_figure_and_table_that_answer_it(edition):
    ids = [c.get("id") for c in cells(edition, "01-recognition")]
    assert ids.index("c60") < ids.index("c24") < ids.index("c27")  # question, figure 2, its table


def test_notebook_1_exercise_1_asks_for_a_day_no_table_prints(edition):
    changes = recognition_exercises.standing_changes(load().events, load().actors)
    day = recognition_exercises.exercise_1_day(changes)   # the day of Britain's break, from the data
    assert (day.month, day.day) != (12, 31), "the year-end table (figures 1 and 2) would print the answer"
    notebook = cells(edition, "01-recognition")
    exercise = next(i for i, c in enumerate(notebook) if c.get("id") == "c56")
    # The exercise names the break by its event id, whose day the check grades on (one date, in the data).
    asked = re.search(r"`(\d{4}-[a-z0-9-]+)`", notebook[exercise].source)
    assert asked, "exercise 1 names the event whose day it asks about"
    assert changes.loc[changes["event_id"] == asked.group(1), "date"].iloc[0] == day, asked.group(1)
    assert not re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", notebook[exercise].source), "a day typed in the prose"
    written = changes.loc[changes["event_id"] == asked.group(1), "date_text"].iloc[0]
    counts = recognition_exercises.recognition_counts(changes)
    expected = str(recognition_exercises.counts_at(counts, day)["de_jure"])
    for cell in notebook[:exercise]:
        for line in outputs_text(cell).splitlines():
            assert not (line.strip().startswith(written) and re.search(rf"\b{expected}\b", line)), line


def test_notebook_3_figure_2_caption_describes_without_giving_exercise_b_its_quarter():
    data = load()
    backing = china.backing_by_quarter(data.events, data.actors)
    changes = china.switches(backing)
    turned = changes[(changes["side"] == "Nationalists") & (changes["face"] == china.PARTY)
                     & (changes["after"] != "cooperative")].iloc[0]["quarter"]
    caption = china_charts.backing_alt(backing, china.recognised_by_quarter(data.actors), changes)
    assert f"{turned.year} Q{turned.quarter}" not in caption
    after = changes[(changes["side"] == "Nationalists") & (changes["face"] == china.PARTY)
                    & (changes["after"] != "cooperative")].iloc[0]["after"]
    assert f"Nationalists, to {after}" in caption  # it still says what the grid shows


# 2. a takeaway a cell computes ---------------------------------------------------------------------------


def test_no_student_notebook_prints_a_takeaway(edition):
    for path in sorted(edition.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            assert "Takeaway" not in outputs_text(cell), (path.name, cell.get("id"))
    c31 = next(c for c in cells(edition, "02-network") if c.get("id") == "c31")
    assert c31.cell_type == "markdown" and c31.source.startswith("**What do you notice?**")


# 3. the start page --------------------------------------------------------------------------------------


def test_the_start_page_points_students_to_no_teacher_tooling(edition):
    shown = prose(cells(edition, "00-start-here"))
    assert "lab-teacher" not in shown and "make lab-teacher" not in shown
    assert "lab-teacher" in prose(cells(ROOT / "notebooks", "00-start-here"))  # the teacher still reads it


def test_the_start_pages_path_table_has_no_blank_step(edition):
    table = next(c.source for c in cells(edition, "00-start-here") if "| Step |" in c.source)
    rows = [line.strip("|").split("|") for line in table.splitlines() if re.match(r"\|\s*\d", line)]
    assert rows and all(row[1].strip() for row in rows), rows


def test_the_start_page_says_step_4_is_notebook_03(edition):
    shown = prose(cells(edition, "00-start-here"))
    assert "step 4 is notebook 03" in shown and "| 4 | notebook 03:" in shown


def test_lab_saves_often_and_the_start_page_says_to_save_before_closing(edition):
    import json  # noqa: PLC0415

    overrides = json.loads((ROOT / "jupyter" / "lab-settings" / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/docmanager-extension:plugin"]["autosaveInterval"] <= 30  # Lab's own is 120 s
    assert "press Ctrl + S before closing" in plain(prose(cells(edition, "00-start-here")))


# 7, 9, 10. what the edition says students can do ----------------------------------------------------------


@pytest.mark.parametrize("name", ["01-recognition", "02-network", "03-china"])
def test_the_edition_promises_no_solution_and_no_tests_to_run(edition, name):
    shown = prose(cells(edition, name))
    assert not re.search(r"open (its|the|a|each) solution", shown, re.IGNORECASE)
    assert "run the tests" not in shown


@pytest.mark.parametrize("name", ["01-recognition", "02-network"])
def test_the_in_short_line_counts_the_exercises_there_are(name):
    notebook = cells(ROOT / "notebooks", name)
    short = next(c.source for c in notebook if c.get("id", "").endswith("-in-short") and "exercises" in c.source)
    said = {what: NUMBERS[number] for number, what in re.findall(r"\b(\w+) (questions|exercises)\b", short)}
    exercises = sum(1 for c in notebook if c.cell_type == "markdown" and re.match(r"### Exercise \d", c.source))
    paper = next(c.source for c in notebook if c.get("id", "").startswith("no-programming"))
    questions = len(re.findall(r"^\d\. ", paper, re.MULTILINE))
    assert said == {"questions": questions, "exercises": exercises}, (short, questions, exercises)


# 8. every exercise of notebook 3 has a check, and the history is never called right ------------------------


def test_every_exercise_answer_cell_of_notebook_3_has_its_check(edition):
    notebook = cells(edition, "03-china")
    for index, cell in enumerate(notebook):
        if "exercise" in cell.metadata.get("tags", []):
            after = notebook[index + 1]
            assert "check" in after.metadata.get("tags", []) and "kit.check(" in after.source, cell.get("id")
    answered = {c.source.split('"')[1] for c in notebook if "check" in c.metadata.get("tags", [])}
    assert {"china-speakers", "china-lanes", "china-both", "china-conditions"} <= answered


def test_the_checks_of_c_and_g_say_what_they_checked_and_never_right():
    data = load()
    speakers = checks.verdict("china-speakers", {1: ("both", "1927-stalin-theses-china"),
                                                 2: ("Trotsky", "1927-trotsky-critique"),
                                                 3: ("Stalin", "1927-stalin-theses-china")}, data)
    conditions = checks.verdict("china-conditions", {
        "conditions": ["The Communists would have needed an army of their own in spring 1927.",
                       "The left Nationalists at Wuhan would have had to stand by the peasant movement."],
        "events": ["1927-shanghai-massacre", "1927-wuhan-expels-communists"]}, data)
    for result in (speakers, conditions):
        assert result.status == checks.CHECKED and not result.ok and "Right" not in str(result)
    assert "read only" in str(speakers) and "Right" not in str(speakers)
    # exercise G's check reads the facts a condition states where it can match them, and says so, and what it
    # did not judge
    assert "set against the data" in str(conditions) and "did not judge" in str(conditions)
    wrong_speaker = checks.verdict("china-speakers", {1: ("Lenin", "1927-stalin-theses-china"),
                                                      2: ("both", "1927-trotsky-critique"),
                                                      3: ("both", "1927-trotsky-critique")}, data)
    assert wrong_speaker.status == checks.WRONG
    invented = checks.verdict("china-speakers", {1: ("both", "words nobody ever wrote there"),
                                                 2: ("both", "1927-trotsky-critique"),
                                                 3: ("both", "1927-trotsky-critique")}, data)
    assert invented.status == checks.WRONG and "word for word" not in str(invented)


def test_the_checks_of_d_and_e_grade_against_the_data():
    data = load()
    lanes = china.lane_events(data.events, data.actors)
    counts = lanes.groupby(["lane", lanes["date"].dt.year]).size().unstack(fill_value=0)
    assert checks.verdict("china-lanes", counts, data).ok
    off = counts.copy()
    off.iloc[0, 0] += 1
    assert checks.verdict("china-lanes", off, data).status == checks.WRONG
    assert checks.verdict("china-both", 99, data).status == checks.WRONG


# 11. prose a 16-year-old reads alone -----------------------------------------------------------------------


@pytest.mark.parametrize("name, cell_id", [("03-china", "c05b"), ("03-china", "c06"), ("01-recognition", "c10"),
                                           ("02-network", "c55"), ("02-network", "c10"), ("02-network", "c12-body"),
                                           ("02-network", "c18"), ("02-network", "c66"), ("01-recognition", "c20"),
                                           ("01-recognition", "c33"), ("03-china", "c02")])
def test_the_hard_cells_read_at_grade_nine_or_below(name, cell_id):
    source = next(c.source for c in cells(ROOT / "notebooks", name) if c.get("id") == cell_id)
    assert grade(plain(source)) <= MAX_GRADE, (cell_id, grade(plain(source)))


# 12. tables in plain words --------------------------------------------------------------------------------


RAW_KIND = re.compile(r">\s*(" + "|".join(k for k in EVENT_KINDS if "_" in k) + r")\s*<")  # "treaty" is a word too


@pytest.mark.parametrize("name", ["00-start-here", "01-recognition", "02-network", "03-china"])
def test_no_table_shows_an_event_kind_as_a_raw_id(edition, name):
    for cell in cells(edition, name):
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            assert not RAW_KIND.search(html if isinstance(html, str) else "".join(html)), (name, cell.get("id"))


def test_notebook_2_figure_3_caption_counts_moscows_ties_without_naming_exercise_1s_answer(edition):
    figure = next(c for c in cells(edition, "02-network") if c.get("id") == "c30")
    caption = outputs_text(figure)
    assert "Figure 3." in caption and "Moscow's own ties:" in caption
    assert "hostile with" not in caption
