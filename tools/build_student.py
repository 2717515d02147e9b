"""Build the student notebooks from the teacher notebooks, the only source.

    python tools/build_student.py            # into build/student/

Cells tagged `solution` and the teacher's speaker notes (slide type "notes") are removed; cells tagged
`exercise` or `check` keep their code but lose their outputs, so a student sees each exercise before its
answer. This is the classroom build. The kit's own notebooks are the self-study version: there solutions and
speaker notes are collapsed (tools/collapse_solutions.py), for the student to open by choice. The kit's package is copied beside the notebooks
so that they import it with no install, and it finds data/ by walking up to the kit's folder. Links that
leave the notebooks' folder (to the lessons, say) are rewritten to reach the same files from the build folder.
"""

import argparse
import os
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
CLEARED_TAGS = {"exercise", "check"}
UP_LINK = re.compile(r"(\]\()(\.\./[^)\s#]*)")  # a Markdown link to a file outside the notebooks' folder


def student_version(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy without solution and speaker-notes cells, with exercise and check outputs cleared."""
    student = nbformat.from_dict(notebook)
    cells = []
    for cell in student.cells:
        tags = set(cell.metadata.get("tags", []))
        if "solution" in tags or cell.metadata.get("slideshow", {}).get("slide_type") == "notes":
            continue
        if cell.cell_type == "code" and tags & CLEARED_TAGS:
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    student.cells = cells
    return student


def relink(notebook: nbformat.NotebookNode, source: Path, target: Path) -> nbformat.NotebookNode:
    """Rewrite relative links that leave `source` so that they reach the same files from `target`."""
    def moved(match: re.Match) -> str:
        linked = (source / match.group(2)).resolve()
        return match.group(1) + Path(os.path.relpath(linked, target.resolve())).as_posix()

    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = UP_LINK.sub(moved, cell.source)
    return notebook


def build(source: Path, target: Path) -> list[Path]:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copytree(source / "breaking_isolation", target / "breaking_isolation",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for extra in source.glob("*.md"):  # the glossary the notebooks link to
        shutil.copy(extra, target / extra.name)
    written = []
    for path in sorted(source.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        nbformat.write(relink(student_version(notebook), source, target), target / path.name)
        written.append(target / path.name)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "student")
    args = parser.parse_args()
    for path in build(ROOT / "notebooks", args.out):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
