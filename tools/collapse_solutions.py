"""Hide what a student working alone should open only by choice: solutions and the teacher's speaker notes.

    PYTHONPATH=notebooks python tools/collapse_solutions.py notebooks/*.ipynb          # set the metadata, in place
    PYTHONPATH=notebooks python tools/collapse_solutions.py --check notebooks/*.ipynb  # only say what is not collapsed (exit 1)

In the kit's own notebooks (self-study) each cell tagged `solution` is collapsed, code and output
(metadata.jupyter.source_hidden and outputs_hidden, which JupyterLab honours: the student clicks the bar to
open it), and so is each speaker-notes cell (slide type "notes"). JupyterLab still shows the first line of a
collapsed cell, so that line is made a label that gives nothing away: "# Solution: ..." for a solution,
"**Speaker notes for the teacher**" for notes. A check cell that would show "✔ Right" before the student has
answered (a check after its solution) is refused: put the check before the solution. Run it after editing a
notebook; tools/execute_notebooks.py runs it on every notebook it executes.
"""

import argparse
import sys
from pathlib import Path

import nbformat

from breaking_isolation import atomic

HIDDEN = {"source_hidden": True, "outputs_hidden": True}
RIGHT = "✔"  # the mark kit.check prints for a right answer
SOLUTION_LABEL = "# Solution: open it once you have tried the exercise"
NOTES_LABEL = "**Speaker notes for the teacher**"
OLD_NOTES_START = "**Speaker notes.**"


def is_label(line: str) -> bool:
    """True for a first line that a collapsed cell may show: a label, not the content."""
    return line.startswith("# Solution") or line.strip() == NOTES_LABEL


def should_collapse(cell) -> bool:
    return ("solution" in cell.metadata.get("tags", [])
            or cell.metadata.get("slideshow", {}).get("slide_type") == "notes")


def _shows_right(cell) -> bool:
    if cell.cell_type != "code" or cell.metadata.get("jupyter", {}).get("outputs_hidden"):
        return False
    texts = [output.get("text", "") for output in cell.get("outputs", [])]
    texts += [str(value) for output in cell.get("outputs", []) for value in output.get("data", {}).values()]
    return any(RIGHT in "".join(text) if isinstance(text, list) else RIGHT in text for text in texts)


def problems(notebook, name: str = "notebook") -> list[str]:
    """What in `notebook` a self-studying student would see too early."""
    found = []
    for index, cell in enumerate(notebook.cells):
        hidden = cell.metadata.get("jupyter", {})
        if should_collapse(cell) and not all(hidden.get(key) for key in HIDDEN):
            found.append(f"{name}: cell {index} ({cell.source[:40]!r}) is a solution or speaker notes, not collapsed")
        if should_collapse(cell) and not is_label(cell.source.splitlines()[0] if cell.source else ""):
            found.append(f"{name}: cell {index} ({cell.source[:40]!r}) shows its content in its first line when collapsed")
        if _shows_right(cell):
            found.append(f"{name}: cell {index} ({cell.source[:40]!r}) shows a right answer by default: "
                         "put the check before its solution")
    return found


def _labelled(cell) -> str:
    """The cell's source with a label as its first line (the line JupyterLab shows of a collapsed cell)."""
    source = cell.source
    first = source.splitlines()[0] if source else ""
    if is_label(first):
        return source
    if "solution" in cell.metadata.get("tags", []):
        return f"{SOLUTION_LABEL}\n{source}"
    rest = source[len(OLD_NOTES_START):].lstrip() if source.startswith(OLD_NOTES_START) else source
    return f"{NOTES_LABEL}\n\n{rest}"


def collapse(notebook) -> nbformat.NotebookNode:
    """`notebook` with every solution and speaker-notes cell collapsed and labelled (in place, and returned)."""
    for cell in notebook.cells:
        if should_collapse(cell):
            cell.metadata.setdefault("jupyter", {}).update(HIDDEN)
            cell.source = _labelled(cell)
    return notebook


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="change nothing; list what is not collapsed")
    args = parser.parse_args()
    found = []
    for path in args.notebooks:
        notebook = nbformat.read(path, as_version=4)
        if not args.check:
            before = nbformat.writes(notebook)
            if nbformat.writes(collapse(notebook)) != before:
                atomic.write_notebook(path, notebook)
                print(f"{path}: collapsed its solutions and speaker notes")
        found += problems(notebook, str(path))
    print("\n".join(found) or "every solution and speaker-notes cell is collapsed")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
