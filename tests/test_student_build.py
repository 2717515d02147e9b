"""Student notebooks: built from the teacher notebooks, no solution leaks, and each still runs top to bottom."""

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
import student_edition  # noqa: E402
from execute_notebooks import execute  # noqa: E402

TEACHER = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    """The student edition, as make student builds it (its own data, its verdicts withheld)."""
    target = tmp_path_factory.mktemp("out") / "student"
    student_edition.build_into(target)
    return target


@pytest.fixture(scope="module")
def student(edition):
    return edition / "notebooks"


def _code_lines(cells) -> set[str]:
    return {line.strip() for cell in cells if cell.cell_type == "code" for line in cell.source.splitlines()}


def _cells(path: Path, solution: bool) -> list:
    cells = nbformat.read(path, as_version=4).cells
    return [c for c in cells if ("solution" in c.metadata.get("tags", [])) == solution]


@pytest.mark.parametrize("teacher", TEACHER, ids=lambda p: p.name)
def test_no_solution_text_leaks(student, teacher):
    # Lines that the teacher notebooks also show outside their solutions are no secret (`answer`, imports).
    shared = _code_lines(c for path in TEACHER for c in _cells(path, solution=False))
    # Every other line of this notebook's solutions that says something ...
    secret = {line for line in _code_lines(_cells(teacher, solution=True)) - shared
              if len(line) > 8 and not line.startswith("#")}
    assert secret or not _cells(teacher, solution=True), "the solutions hold nothing to look for"
    # ... is in no student notebook, in its source or in any output.
    for built in sorted(student.glob("*.ipynb")):
        text = built.read_text(encoding="utf-8")
        leaked = [line for line in secret if json.dumps(line)[1:-1] in text]
        assert not leaked, f"solution lines of {teacher.name} in student {built.name}: {leaked}"
    assert sorted(p.name for p in student.glob("*.ipynb")) == [p.name for p in TEACHER]
    cells = nbformat.read(student / teacher.name, as_version=4).cells
    assert not [c for c in cells if "solution" in c.metadata.get("tags", [])]
    for cell in cells:
        if {"exercise", "check"} & set(cell.metadata.get("tags", [])):
            assert cell.outputs == [] and cell.execution_count is None


def test_every_notebook_with_exercises_has_solutions_to_strip():
    for teacher in TEACHER:
        tags = [t for c in nbformat.read(teacher, as_version=4).cells for t in c.metadata.get("tags", [])]
        assert tags.count("exercise") == tags.count("solution"), teacher.name


@pytest.mark.parametrize("teacher", TEACHER, ids=lambda p: p.name)
def test_student_notebook_runs_top_to_bottom(student, teacher):
    path = student / teacher.name
    execute(path)  # raises on any error in a fresh kernel
    notebook = nbformat.read(path, as_version=4)
    checks = [c for c in notebook.cells if "check" in c.metadata.get("tags", [])]
    for cell in checks:  # with the answers removed, each check says so instead of failing
        said = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in cell.outputs)
        assert "Not answered yet" in said, said


def test_links_in_student_notebooks_still_resolve(student):
    """In the edition, a notebook's links to the glossary, each other, the data and the handouts work; a link to
    a file the edition leaves out (a lesson plan) keeps its words and loses its target."""
    links = 0
    for built in sorted(student.glob("*.ipynb")):
        for cell in nbformat.read(built, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for target in re.findall(r"\]\(([^)\s]+)\)", cell.source):
                if re.match(r"[a-z]+:", target) or target.startswith("#"):
                    continue
                links += 1
                assert (built.parent / target.partition("#")[0]).exists(), f"{built.name}: {target}"
    assert links > 0


def notes_left_in(teacher: nbformat.NotebookNode, student: nbformat.NotebookNode) -> list[str]:
    """Speaker notes of `teacher` whose words (eight from each note) the `student` notebook shows anywhere."""
    shown = " ".join(" ".join(cell.source.split()) for cell in student.cells)
    shown += " ".join(" ".join(str(output.get("text", output.get("data", ""))).split())
                      for cell in student.cells for output in cell.get("outputs", []))
    found = []
    for cell in teacher.cells:
        if cell.metadata.get("slideshow", {}).get("slide_type") != "notes":
            continue
        words = cell.source.split()
        for start in range(2, max(3, len(words) - 8), 8):  # every stretch of eight words past the label
            stretch = " ".join(words[start:start + 8])
            if len(stretch) > 20 and stretch in shown:
                found.append(stretch)
    return found


@pytest.mark.parametrize("teacher", TEACHER, ids=lambda p: p.name)
def test_classroom_build_has_no_speaker_notes(student, teacher):
    taught = nbformat.read(teacher, as_version=4)
    built = nbformat.read(student / teacher.name, as_version=4)
    assert not [c for c in built.cells if c.metadata.get("slideshow", {}).get("slide_type") == "notes"]
    assert notes_left_in(taught, built) == []  # nor any of their words


@pytest.mark.parametrize("teacher", TEACHER, ids=lambda p: p.name)
def test_the_speaker_notes_probe_fails_on_a_copy_with_notes_left_in(teacher):
    taught = nbformat.read(teacher, as_version=4)
    notes = [c for c in taught.cells if c.metadata.get("slideshow", {}).get("slide_type") == "notes"]
    if not notes:
        pytest.skip("no speaker notes")
    left_in = nbformat.from_dict(taught)  # the probe meets a build that forgot to remove them
    for cell in left_in.cells:
        cell.metadata.get("slideshow", {}).pop("slide_type", None)
    assert len(notes_left_in(taught, left_in)) >= len(notes)


# --- self-study: the kit's own notebooks, solutions and notes collapsed ------------------------------------

import collapse_solutions  # noqa: E402


def _exercise_notebook():
    make = nbformat.v4
    return make.new_notebook(cells=[
        make.new_markdown_cell("**Speaker notes.** Ask the class first.", metadata={"slideshow": {"slide_type": "notes"}}),
        make.new_code_cell("answer = ...", metadata={"tags": ["exercise"]}),
        make.new_code_cell('kit.check("x", answer)', metadata={"tags": ["check"]}),
        make.new_code_cell("answer = 42", metadata={"tags": ["solution"]}),
    ])


def test_collapse_hides_solutions_and_notes_behind_a_label_line():
    notebook = _exercise_notebook()
    assert len(collapse_solutions.problems(notebook)) == 4  # two not collapsed, two showing their content
    collapse_solutions.collapse(notebook)
    notes, _, _, solution = notebook.cells
    for cell in (notes, solution):
        assert cell.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
        assert collapse_solutions.is_label(cell.source.splitlines()[0])
    assert solution.source.splitlines()[1:] == ["answer = 42"]
    assert notes.source.endswith("Ask the class first.") and "Speaker notes." not in notes.source
    assert collapse_solutions.problems(notebook) == []
    before = nbformat.writes(notebook)
    assert nbformat.writes(collapse_solutions.collapse(notebook)) == before  # running it again changes nothing


def test_collapse_refuses_a_right_answer_shown_by_default():
    notebook = collapse_solutions.collapse(_exercise_notebook())
    notebook.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="✔ Right.\n")]
    assert any("right answer" in problem for problem in collapse_solutions.problems(notebook))


@pytest.mark.parametrize("teacher", TEACHER, ids=lambda p: p.name)
def test_kit_notebooks_are_ready_for_self_study(teacher):
    """The notebooks make lab, Binder and a hub open: every solution and note collapsed, no answer shown."""
    assert collapse_solutions.problems(nbformat.read(teacher, as_version=4), teacher.name) == []


@pytest.mark.parametrize("teacher", TEACHER, ids=lambda p: p.name)
def test_students_meet_each_figure_before_its_takeaway(student, teacher):
    """The teacher's takeaways become "What do you notice?" in the student notebooks; none is left, and no
    student notebook says its solutions are folded away (they are not there)."""
    taught = nbformat.read(teacher, as_version=4).cells
    built = nbformat.read(student / teacher.name, as_version=4).cells
    takeaways = [c for c in taught if c.cell_type == "markdown" and c.source.lstrip().startswith("**Takeaway")
                 and not {"teacher", "solution"} & set(c.metadata.get("tags", []))]
    computed = [c for c in taught if c.cell_type == "code" and "takeaway" in c.metadata.get("tags", [])]
    prompts = [c for c in built if c.cell_type == "markdown" and c.source.startswith("**What do you notice?**")]
    assert len(prompts) == len(takeaways) + len(computed)
    shown = " ".join(" ".join(c.source.split()) for c in built if c.cell_type == "markdown")
    assert "**Takeaway" not in shown and "folded away" not in shown
    for cell in takeaways:
        assert " ".join(cell.source.split()[1:9]) not in shown
