"""Build the student edition of the kit into build/student/: notebooks without answers, data, handouts.

    PYTHONPATH=notebooks python tools/build_student.py                 # into build/student/
    PYTHONPATH=notebooks python tools/build_student.py --out FOLDER    # a new or empty folder, or an earlier build

What the edition holds is one setting, student-edition.toml, which the repository students pull
(tools/classroom/served_repo.py) reads too. In the notebooks, cells tagged `solution` or `teacher` and the
speaker notes (slide type "notes") are removed; cells tagged `exercise` or `check` keep their code but lose
their outputs, so a student sees each exercise before its answer. The kit's own notebooks are the self-study
version: there solutions and speaker notes are collapsed (tools/collapse_solutions.py), for the student to
open by choice. `--out` deletes nothing it did not make: it refuses the kit's own folders and any folder that
holds anything but an earlier build (each build lists its files in a stamp file, .student-edition).
"""

import argparse
import os
import re
import shutil
import sys
from pathlib import Path

import nbformat

import student_edition  # the one setting of what students get

ROOT = Path(__file__).resolve().parents[1]
UP_LINK = re.compile(r"(\]\()(\.\./[^)\s#]*)")  # a Markdown link to a file outside the notebooks' folder


def student_version(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy without solution, teacher and speaker-notes cells, with exercise and check outputs cleared."""
    return student_edition.student_version(notebook)


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
    """The student notebooks alone, from the notebooks folder `source` into `target` (links rewritten)."""
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
    try:
        files = student_edition.build_into(args.out)
    except student_edition.RefusedTarget as refused:
        print(f"make student refused: {refused}", file=sys.stderr)
        return 2
    notebooks = [f for f in files if f.endswith(".ipynb")]
    print(f"wrote the student edition into {args.out}: {len(files)} files, {len(notebooks)} notebooks "
          "(no solutions, no speaker notes, no lesson plans or keys)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
