"""The student edition: the kit as students get it, written from one setting (student-edition.toml).

`make student` (tools/build_student.py) and the repository students pull (tools/classroom/served_repo.py)
both call `write_edition`, so what one leaves out the other leaves out. The edition keeps the kit's layout
(notebooks/ beside data/), so the notebooks' package finds the data and their links work as in the kit; a link
to a file the edition leaves out (a lesson plan, say) keeps its words and loses its target.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SETTING = ROOT / "student-edition.toml"
STAMP = ".student-edition"  # marks a folder as a build of this tool: lists every file it wrote
WITHHELD = "withheld-columns.txt"  # the loader's name for it (breaking_isolation.loader.WITHHELD)
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")  # a Markdown link: [words](target)


def _atomic():
    """The kit's atomic writer, loaded alone: the hub's environment (make classroom) has no pandas or matplotlib,
    which the package's __init__ imports."""
    spec = importlib.util.spec_from_file_location("kit_atomic", ROOT / "notebooks" / "breaking_isolation" / "atomic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


write_text = _atomic().write_text


@dataclass(frozen=True)
class Setting:
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    drop_cell_tags: frozenset[str]
    cleared_cell_tags: frozenset[str]
    withhold_columns: dict[str, tuple[str, ...]]
    takeaway_prompt: str = ""
    student_wording: tuple[tuple[str, str], ...] = ()

    def holds(self, relative: str) -> bool:
        """Whether the kit's file at `relative` (a POSIX path from the kit's root) belongs in the edition."""
        def under(patterns):
            return any(relative == p or (p.endswith("/") and relative.startswith(p)) for p in patterns)
        parts = PurePosixPath(relative).parts
        if "__pycache__" in parts or ".ipynb_checkpoints" in parts:
            return False
        return under(self.include) and not under(self.exclude)


def load_setting(path: Path = SETTING) -> Setting:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return Setting(include=tuple(raw["include"]), exclude=tuple(raw.get("exclude", [])),
                   drop_cell_tags=frozenset(raw.get("drop_cell_tags", ["solution"])),
                   cleared_cell_tags=frozenset(raw.get("cleared_cell_tags", [])),
                   withhold_columns={k: tuple(v) for k, v in raw.get("withhold_columns", {}).items()},
                   takeaway_prompt=raw.get("takeaway_prompt", ""),
                   student_wording=tuple(raw.get("student_wording", {}).items()))


TAKEAWAY = re.compile(r"^\s*\*\*Takeaway:?\*\*:?")
TAKEAWAY_TAG = "takeaway"  # a code cell whose output is a figure's takeaway


def _phrase(text: str) -> re.Pattern:
    """`text` as a pattern that matches it across line breaks."""
    return re.compile(r"\s+".join(re.escape(word) for word in text.split()))


def takeaways_as_questions(notebook: nbformat.NotebookNode, setting: Setting) -> nbformat.NotebookNode:
    """Each takeaway becomes the question students answer first: a Markdown cell that begins "**Takeaway:**", and
    a code cell tagged "takeaway" (it computes its conclusion from the data and prints it). `make student` and the
    working copies `make lab` makes (jupyter/kit_server.py) both call this."""
    if not setting.takeaway_prompt:
        return notebook
    cells = []
    what = "the output above"
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and TAKEAWAY.match(cell.source):
            cell.source = setting.takeaway_prompt.format(what=what)
        elif cell.cell_type == "code" and TAKEAWAY_TAG in cell.metadata.get("tags", []):
            prompt = nbformat.v4.new_markdown_cell(setting.takeaway_prompt.format(what=what), id=cell.get("id"))
            prompt.metadata = {k: v for k, v in cell.metadata.items() if k not in ("tags", "jupyter")}
            cell = prompt
        what = shown_by(cell, what)
        cells.append(cell)
    notebook.cells = cells
    return notebook


FIGURE_CAPTION = re.compile(r"\*\*Figure (\d+)\.\*\*")


def shown_by(cell, last: str) -> str:
    """What a reader has just seen once `cell` is run: "figure N" (its caption), "the table above", or `last`
    when the cell shows neither (prose, or code with no output)."""
    if cell.cell_type != "code":
        return last
    text = "\n".join(str(value) for output in cell.get("outputs", []) for key, value in output.get("data", {}).items()
                     if key in ("text/markdown", "text/html") and "<svg" not in str(value)[:200])
    caption = FIGURE_CAPTION.search(text)
    if caption:
        return f"figure {caption.group(1)}"
    if "<table" in text:
        return "the table above"
    if cell.get("outputs"):
        return "the output above"
    return last


def reworded(notebook: nbformat.NotebookNode, setting: Setting) -> tuple[nbformat.NotebookNode, set[str]]:
    """Takeaways become a question; sentences untrue of the edition are replaced. Returns the phrases used."""
    return student_worded(takeaways_as_questions(notebook, setting), setting)


def student_worded(notebook: nbformat.NotebookNode, setting: Setting) -> tuple[nbformat.NotebookNode, set[str]]:
    """Sentences untrue of a copy without solutions (student_wording) replaced, in place; with the phrases used.
    The notebook's printable HTML handout, built from the student version, needs this too."""
    used = set()
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for old, new in setting.student_wording:
            cell.source, count = _phrase(old).subn(new, cell.source)
            if count:
                used.add(old)
    return notebook, used


def student_version(notebook: nbformat.NotebookNode, setting: Setting | None = None) -> nbformat.NotebookNode:
    """A copy without solution, teacher-only and speaker-notes cells, with exercise and check outputs cleared."""
    setting = setting or load_setting()
    student = nbformat.from_dict(notebook)
    cells = []
    for cell in student.cells:
        tags = set(cell.metadata.get("tags", []))
        if tags & setting.drop_cell_tags or cell.metadata.get("slideshow", {}).get("slide_type") == "notes":
            continue
        if cell.cell_type == "code" and tags & setting.cleared_cell_tags:
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    student.cells = cells
    return student


def unlinked(text: str, here: str, kept: set[str]) -> str:
    """Markdown `text` of the file at `here` with its links to kit files the edition leaves out (the keys, a lesson
    plan) reduced to their words: what students read keeps no link that leads nowhere."""
    def relinked(match: re.Match) -> str:
        target = match.group(2)
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            return match.group(0)
        linked = _normal(PurePosixPath(here).parent / target.partition("#")[0])
        return match.group(0) if linked in kept or any(k.startswith(linked + "/") for k in kept) else match.group(1)

    return LINK.sub(relinked, text)


def unlink_left_out(notebook: nbformat.NotebookNode, here: str, kept: set[str]) -> nbformat.NotebookNode:
    """Links from the notebook at `here` to kit files the edition leaves out keep their words, lose the link."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = unlinked(cell.source, here, kept)
    return notebook


def _normal(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def withheld_csv(text: str, columns: tuple[str, ...], name: str) -> str:
    """The CSV `text` with the values of `columns` emptied; the header stays."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    missing = [c for c in columns if c not in rows[0]]
    if missing:  # a renamed column must not slip through with its answers
        raise ValueError(f"student-edition.toml withholds {missing} of {name}, which has no such column")
    positions = [rows[0].index(c) for c in columns]
    for row in rows[1:]:
        for position in positions:
            if position < len(row):
                row[position] = ""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def kit_files(kit: Path, setting: Setting) -> list[str]:
    """The kit's files (POSIX paths from `kit`) that the edition holds."""
    return sorted(p.relative_to(kit).as_posix() for p in kit.rglob("*")
                  if p.is_file() and not p.is_symlink() and setting.holds(p.relative_to(kit).as_posix()))


def write_edition(kit: Path, target: Path, setting: Setting | None = None) -> list[str]:
    """Write the student edition of the kit folder `kit` into the empty or new folder `target`."""
    setting = setting or load_setting()
    files = kit_files(kit, setting)
    kept = set(files)
    used: set[str] = set()
    for relative in files:
        source, out = kit / relative, target / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        if relative.endswith(".ipynb") and relative.startswith("notebooks/"):
            notebook, phrases = reworded(student_version(nbformat.read(source, as_version=4), setting), setting)
            used |= phrases
            write_text(out, nbformat.writes(unlink_left_out(notebook, relative, kept)) + "\n")
        elif relative.endswith(".md"):
            write_text(out, unlinked(source.read_text(encoding="utf-8"), relative, kept))
        elif relative in setting.withhold_columns:
            columns = setting.withhold_columns[relative]
            write_text(out, withheld_csv(source.read_text(encoding="utf-8"), columns, relative))
        else:
            shutil.copy2(source, out)
    unused = [old for old, _ in setting.student_wording if old not in used]
    if unused:
        raise ValueError(f"student-edition.toml rewords a sentence no notebook holds any more: {unused[0]!r}; "
                         "find its new wording in the notebook and update the setting")
    withheld = [(r, c) for r, columns in setting.withhold_columns.items() if r in kept for c in columns]
    by_folder: dict[Path, list[str]] = {}
    for relative, column in withheld:
        by_folder.setdefault(PurePosixPath(relative).parent, []).append(f"{PurePosixPath(relative).name} {column}")
    for folder, lines in by_folder.items():
        header = "# Columns emptied in the student edition: what the lessons ask you to work out. File, column.\n"
        write_text(target / folder / WITHHELD, header + "\n".join(lines) + "\n")
        files.append(f"{folder}/{WITHHELD}")
    return files


# --- where a build may go -----------------------------------------------------------------------------


class RefusedTarget(Exception):
    """The folder asked for holds something this tool did not make, or is part of the kit."""


def check_target(target: Path, kit: Path = ROOT) -> None:
    """Refuse a folder that is the kit or one of its own folders, or that holds anything but an earlier build."""
    target, kit = target.resolve(), kit.resolve()
    if target == kit or kit.is_relative_to(target):
        raise RefusedTarget(f"{target} holds the kit itself; give a folder of its own, such as build/student")
    if target.is_relative_to(kit) and not target.is_relative_to(kit / "build"):
        raise RefusedTarget(f"{target} is one of the kit's own folders; give one under build/ or outside the kit")
    if target == kit / "build":
        raise RefusedTarget(f"{target} holds every build of the kit; give a folder inside it, such as build/student")
    if target.exists() and not target.is_dir():
        raise RefusedTarget(f"{target} is a file, not a folder")
    if not target.exists() or not any(target.iterdir()):
        return
    stamp = target / STAMP
    if not stamp.is_file():
        raise RefusedTarget(f"{target} is not empty and is no earlier student build (it has no {STAMP} file); "
                            "nothing was deleted: give an empty or new folder")
    made = set(stamp.read_text(encoding="utf-8").splitlines()[1:]) | {STAMP}
    found = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file() or p.is_symlink()}
    foreign = sorted(f for f in found - made if "__pycache__" not in f and ".ipynb_checkpoints" not in f)
    if foreign:
        raise RefusedTarget(f"{target} holds files an earlier student build did not make, such as {foreign[0]}; "
                            "nothing was deleted: move them away or give another folder")


def build_into(target: Path, kit: Path = ROOT, setting: Setting | None = None) -> list[str]:
    """Build the edition beside `target`, then put it in `target`'s place in one rename (after check_target)."""
    check_target(target, kit)
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = target.parent / f".{target.name}.new"
    old = target.parent / f".{target.name}.old"
    for leftover in (aside, old):  # from an interrupted run of this tool: it made them
        if leftover.exists():
            shutil.rmtree(leftover)
    aside.mkdir()
    files = write_edition(kit, aside, setting)
    write_text(aside / STAMP, "A student edition built by tools/build_student.py; the files it wrote:\n"
               + "\n".join(files) + "\n")
    if target.exists():
        target.rename(old)
    aside.rename(target)
    if old.exists():
        shutil.rmtree(old)
    return files
