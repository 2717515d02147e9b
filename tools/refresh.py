"""After an edit of data/: check the data, re-run the notebooks, rebuild everything made from them, say what changed.

    PYTHONPATH=notebooks python tools/refresh.py        (make refresh)

1. The data is loaded and checked first. If it has a problem, the loader's message (file, row, column,
   value) is printed and nothing else is touched.
2. Every notebook is re-run in a fresh kernel and its outputs stored (tools/execute_notebooks.py).
3. Each document's body is rebuilt from its header (tools/build_documents.py), and the lessons' handouts are
   rewritten from the data (tools/build_handouts.py).
4. The student notebooks (tools/build_student.py) and the slide decks and HTML handouts
   (tools/build_slides.py) are rebuilt into build/.
Then it prints, for each notebook, handout, student notebook and deck, what changed, e.g.
"notebook 01-recognition: 3 outputs changed (cells 7, 9)". After it, `make test` passes.
"""

import argparse
import difflib
import json
import re
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import breaking_isolation as kit
from execute_notebooks import execute

# --- what changed -------------------------------------------------------------------------------------------


def code_outputs(text: str | None) -> list[tuple[str, str]]:
    """(cell id, its outputs as JSON) for every code cell of a notebook's text; [] when there is none."""
    if not text:
        return []
    cells = json.loads(text)["cells"]
    return [(cell.get("id", str(number)), json.dumps(cell.get("outputs", []), sort_keys=True))
            for number, cell in enumerate(cells, start=1) if cell["cell_type"] == "code"]


def outputs_changed(before: str | None, after: str) -> str:
    """'3 outputs changed (cells 7, 9)', counted output by output, cells numbered as Lab shows them."""
    old, new = dict(code_outputs(before)), code_outputs(after)
    changed, cells = 0, []
    for position, (cell_id, outputs) in enumerate(new, start=1):
        if old.get(cell_id) == outputs:
            continue
        was = json.loads(old.get(cell_id, "[]"))
        now = json.loads(outputs)
        count = sum(1 for a, b in zip(was, now) if a != b) + abs(len(was) - len(now))
        changed += count
        cells.append(position)
    if before is None:
        return "new"
    if not changed:
        return "unchanged"
    return f"{changed} output{'s' * (changed != 1)} changed (code cell{'s' * (len(cells) != 1)} " \
           f"{', '.join(map(str, cells))})"


def _sections(text: str) -> dict[str, list[str]]:
    """The lines of a Markdown text under each heading ('' for the lines before the first)."""
    sections: dict[str, list[str]] = {"": []}
    heading = ""
    for line in text.splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
            sections.setdefault(heading, [])
        else:
            sections[heading].append(line)
    return sections


def _line_changes(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """(added, removed, changed) lines between two versions."""
    added = removed = changed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "replace":
            both = min(i2 - i1, j2 - j1)
            changed += both
            removed += (i2 - i1) - both
            added += (j2 - j1) - both
        elif tag == "delete":
            removed += i2 - i1
        elif tag == "insert":
            added += j2 - j1
    return added, removed, changed


def text_changed(before: str | None, after: str) -> str:
    """Per section of a Markdown handout: 'A. The events: 1 row added; B. ...: 3 rows changed'."""
    if before is None:
        return "new"
    if before == after:
        return "unchanged"
    old, new = _sections(before), _sections(after)
    parts = []
    for heading in list(new) + [h for h in old if h not in new]:
        was, now = old.get(heading, []), new.get(heading, [])
        if was == now:
            continue
        differing = set(was) ^ set(now)
        unit = "row" if differing and all(line.startswith("|") for line in differing) else "line"
        counts = [(n, word) for n, word in zip(_line_changes(was, now), ("added", "removed", "changed")) if n]
        said = ", ".join(f"{n} {unit}{'s' * (n != 1)} {word}" for n, word in counts) or "reordered"
        parts.append(f"{heading or 'top'}: {said}")
    return "; ".join(parts)


SLIDE = re.compile(r"<section\b.*?</section>", re.S)


def deck_changed(before: str | None, after: str) -> str:
    """For a deck: how many of its slides changed; for a handout page: changed or not."""
    if before is None:
        return "new"
    if before == after:
        return "unchanged"
    old, new = SLIDE.findall(before), SLIDE.findall(after)
    if not new:
        return "changed"
    changed = sum(1 for a, b in zip(old, new) if a != b) + abs(len(old) - len(new))
    return f"{changed} of {len(new)} slides changed"


def _read(folder: Path, pattern: str) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob(pattern))}


def report(kind: str, before: dict[str, str], after: dict[str, str], describe: Callable) -> list[str]:
    lines = [f"{kind} {Path(name).stem.removesuffix('.slides').removesuffix('.handout')}: "
             f"{describe(before.get(name), text)}" for name, text in after.items()]
    lines += [f"{kind} {Path(name).stem}: removed" for name in before if name not in after]
    return lines


# --- the steps ----------------------------------------------------------------------------------------------


def check_data() -> None:
    """The loader's checks, the documents' (before any notebook runs: a broken document must stop the refresh
    as a broken row does), then (where the test tools are installed) Frictionless against datapackage.json."""
    data = kit.load(ROOT / "data")
    from breaking_isolation import documents  # noqa: PLC0415

    documents.load_documents(ROOT / "data" / "documents", data)
    try:
        import frictionless
    except ImportError:  # the students' environment has no validator; the loader's checks still ran
        return
    result = frictionless.validate(ROOT / "data" / "datapackage.json")
    if not result.valid:
        errors = [f"{task.name}, row {getattr(error, 'row_number', '?')}: {error.message}"
                  for task in result.tasks for error in task.errors]
        raise kit.DataError([kit.Problem("data/datapackage.json", None, None, None, e) for e in errors[:30]])


ANSI = re.compile(r"\x1b\[[0-9;]*m")


class NotebookFailed(RuntimeError):
    pass


def execute_one(path: Path) -> Path:
    """Run one notebook; on an error, say which notebook, which cell and what, in plain text (no colours)."""
    from nbclient.exceptions import CellExecutionError

    try:
        execute(path)
    except CellExecutionError as error:
        cell = str(error).split("------------------")[1].strip().splitlines() if "-----" in str(error) else ["?"]
        raise NotebookFailed(f"{path.name}: the cell starting {cell[0][:80]!r} failed: "
                             f"{ANSI.sub('', error.ename)}: {ANSI.sub('', error.evalue)} (its old outputs are kept)")
    return path


def run_notebooks(notebooks: list[Path]) -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:  # two cores: two kernels at a time
        futures = [pool.submit(execute_one, path) for path in notebooks]
        problems = [str(f.exception()) for f in futures if f.exception() is not None]
    if problems:
        raise NotebookFailed("; ".join(problems))


def rebuild_handouts() -> None:
    import build_handouts

    build_handouts.write_all()


def rebuild_documents() -> None:
    import build_documents

    build_documents.main([])  # each document's body, from its header
    import build_packs

    build_packs.main([])  # each lesson's document pack, from the documents and their adapted versions


def rebuild_students(out: Path) -> None:
    import student_edition

    student_edition.build_into(out)  # the student edition, as make student builds it


def rebuild_decks(notebooks: list[Path], out: Path) -> str | None:
    import build_slides

    try:
        build_slides.ensure_reveal()
    except RuntimeError as missing:  # no npm and no reveal.js yet: as in make test, the decks wait for npm
        return f"not rebuilt: {missing}"
    build_slides.build(notebooks, out)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    started = time.perf_counter()
    try:
        check_data()
    except kit.DataError as error:
        print(f"make refresh stopped: nothing was changed.\n{error}", file=sys.stderr)
        return 1
    print(f"data: checked ({time.perf_counter() - started:.1f} s)")

    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    handouts, students, slides = ROOT / "lessons" / "handouts", ROOT / "build" / "student", ROOT / "build" / "slides"
    before = {"notebooks": _read(ROOT / "notebooks", "*.ipynb"), "handouts": _read(handouts, "*.md"),
              "students": _read(students / "notebooks", "*.ipynb"), "decks": _read(slides, "*.slides.html"),
              "pages": _read(slides, "*.handout.html")}
    steps = [("notebooks: re-run", lambda: run_notebooks(notebooks)),
             ("documents: bodies and lesson packs rebuilt", rebuild_documents),
             ("handouts: rewritten", rebuild_handouts),
             ("student notebooks: rebuilt", lambda: rebuild_students(students)),
             ("decks and HTML handouts: rebuilt", lambda: rebuild_decks(notebooks, slides))]
    failed = None
    for done, step in steps:
        step_started = time.perf_counter()
        try:
            note = step()
        except Exception as error:  # say which step and why, then report what did change
            what = "" if isinstance(error, NotebookFailed) else f"{type(error).__name__}: "
            failed = f"{done.split(':')[0]}: FAILED: {what}{error}"
            print(failed, file=sys.stderr)
            break
        print(f"{done.split(':')[0]}: {note}" if note else f"{done} ({time.perf_counter() - step_started:.1f} s)")

    print("\nWhat changed:")
    lines = report("notebook", before["notebooks"], _read(ROOT / "notebooks", "*.ipynb"), outputs_changed)
    lines += report("handout", before["handouts"], _read(handouts, "*.md"), text_changed)
    lines += report("student notebook", before["students"], _read(students / "notebooks", "*.ipynb"), outputs_changed)
    lines += report("deck", before["decks"], _read(slides, "*.slides.html"), deck_changed)
    lines += report("HTML handout", before["pages"], _read(slides, "*.handout.html"), deck_changed)
    print("\n".join(f"  {line}" for line in lines))
    print(f"in {time.perf_counter() - started:.0f} s; " + ("stopped at the step that FAILED above: fix it, then run "
                                                          "make refresh again" if failed else "now run make test"))
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
