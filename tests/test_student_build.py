"""Student notebooks: built from the teacher notebooks, no solution leaks, and each still runs top to bottom."""

import json
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from build_student import build  # noqa: E402
from execute_notebooks import execute  # noqa: E402

TEACHER = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def student(tmp_path_factory):
    """A student build beside a copy of the data, as build/student/ sits inside the kit."""
    kit = tmp_path_factory.mktemp("kit")
    shutil.copytree(ROOT / "data", kit / "data")
    build(ROOT / "notebooks", kit / "student")
    return kit / "student"


def _code_lines(cells) -> set[str]:
    return {line.strip() for cell in cells if cell.cell_type == "code" for line in cell.source.splitlines()}


@pytest.mark.parametrize("teacher", TEACHER, ids=lambda p: p.name)
def test_no_solution_text_leaks(student, teacher):
    notebook = nbformat.read(teacher, as_version=4)
    solutions = [c for c in notebook.cells if "solution" in c.metadata.get("tags", [])]
    shared = _code_lines(c for c in notebook.cells if "solution" not in c.metadata.get("tags", []))
    # Every line of a solution that is not also written elsewhere in the notebook, and says something.
    secret = {line for line in _code_lines(solutions) - shared if len(line) > 8 and not line.startswith("#")}
    text = (student / teacher.name).read_text(encoding="utf-8")
    leaked = [line for line in secret if json.dumps(line)[1:-1] in text]
    assert not leaked, f"solution lines in the student notebook: {leaked}"
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
        said = "".join(o.get("text", "") for o in cell.outputs)
        assert "Not answered yet" in said, said
