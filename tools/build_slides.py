"""Build a reveal.js slide deck and an HTML handout from every notebook, each one self-contained file.

    PYTHONPATH=notebooks python tools/build_slides.py                 # every notebook in notebooks/, into build/slides/
    PYTHONPATH=notebooks python tools/build_slides.py --out DIR a.ipynb b.ipynb

A deck is built from each notebook that has slide metadata; a handout from every notebook. Both open from a
USB stick with no network: reveal.js (the npm package reveal.js, pinned below, installed into node_modules/
on the first build) and every style sheet are inlined, figures are data: images, and nothing is loaded
from a CDN (no require.js, MathJax, jQuery or Mermaid: the kit has no maths and no diagrams in Mermaid).

Decks, for projecting: the notebooks are run again in a temporary copy with KIT_MEDIUM=slide, so every figure
is drawn at slide size with text legible from the back of the room (the stored notebooks are not changed);
a slide that holds only a heading takes the untitled slide after it along; speaker notes are placed before
the slide's fragments, so they show in the speaker view for the whole slide; all code input is hidden (a
presenter shows results, the handout shows the code); cells with slide_type "skip" are dropped, and so are
cells tagged "teacher" (a verdict the lessons ask students to reach: the class sees the deck), unless also tagged
"projected" (a slide for running the lesson, kept out of the student edition); cells with
slide_type "notes" become speaker notes (press S), whole: a note the notebook keeps short because it answers an
exercise comes from lessons/speaker-notes/ (a student may open the notebook itself); the first slide is the notebook's title and question. Handouts, for reading: the student version of the
notebook (no solutions, exercises unanswered) without the speaker notes, code included.

Both: every figure is an <img> whose alt is the figure's alt text; markdown written by code (figure
captions built from the data) is rendered with raw HTML escaped, so a title holding markup shows as text.
"""

import argparse
import fcntl
import json
import re
import shutil
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import mistune
import nbformat
from nbconvert import HTMLExporter, SlidesExporter

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "slides_template"
REVEAL_VERSION = "5.2.1"  # 6.x gives a blank deck with nbconvert's reveal template
AXE_VERSION = "4.14.1"  # axe-core, the accessibility checker of the tests
NPM_PACKAGES = {"reveal.js": REVEAL_VERSION, "axe-core": AXE_VERSION}
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}
TEACHER_ONLY = "teacher"  # a cell's tag: the teacher's eyes only, never projected (nor in the student edition)
# With "teacher", a cell the class sees only on the projector (lesson 5's roles, steps and minutes): in the deck,
# never in the student edition or the HTML handout, whose readers have no teacher running the lesson.
PROJECTED = "projected"

import build_packs
from build_student import student_version
import student_edition

from breaking_isolation import atomic

_escaped_markdown = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])


def markdown_escaped(text: str) -> str:
    """Markdown to HTML with any raw HTML in it shown as text: for outputs, whose text may come from data."""
    return _escaped_markdown(text)


def _ensure_npm(root: Path = ROOT) -> None:
    """Every pinned npm package in root/node_modules, installed together from the npm registry when one is
    missing or at another version (together, so that npm keeps the others: there is no package.json)."""
    def installed(name: str) -> bool:
        manifest = root / "node_modules" / name / "package.json"
        return manifest.exists() and json.loads(manifest.read_text())["version"] == NPM_PACKAGES[name]

    if all(installed(name) for name in NPM_PACKAGES):
        return
    wanted = " and ".join(f"{name}@{version}" for name, version in NPM_PACKAGES.items())
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(f"the slide build and its tests need npm to install {wanted} once "
                           "(on Debian or Ubuntu: sudo apt-get install npm)")
    (root / "node_modules").mkdir(exist_ok=True)
    with open(root / "node_modules" / ".kit-install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test workers may ask at once: one installs, the other waits
        if not all(installed(name) for name in NPM_PACKAGES):
            done = subprocess.run([npm, "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
                                   "--silent", "--prefix", str(root),
                                   *(f"{name}@{version}" for name, version in NPM_PACKAGES.items())],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                said = (done.stderr or done.stdout).strip().splitlines()
                raise RuntimeError(
                    f"could not download {wanted} from the npm registry (npm said: "
                    f"{said[-1] if said else f'exit status {done.returncode}'}). The first `make slides` needs the "
                    "internet once, to fetch them into node_modules/; after that every build works offline. "
                    "Connect this machine and run `make slides` again, or copy the node_modules/ folder from a "
                    "machine where `make slides` has run.")
    missing = [name for name in NPM_PACKAGES if not installed(name)]
    if missing:
        raise RuntimeError(f"npm did not install {', '.join(missing)} into {root / 'node_modules'}")


def ensure_reveal(root: Path = ROOT) -> Path:
    """The pinned reveal.js package in root/node_modules, installed from the npm registry when missing."""
    _ensure_npm(root)
    return root / "node_modules" / "reveal.js"


def ensure_axe(root: Path = ROOT) -> Path:
    """The pinned axe-core script (the accessibility checker the tests run on every page)."""
    _ensure_npm(root)
    return root / "node_modules" / "axe-core" / "axe.min.js"


def _script(path: Path) -> str:
    """A script's text, ready to sit inside <script>…</script> in the page."""
    text = path.read_text(encoding="utf-8")
    if "</script" in text.lower():
        raise ValueError(f"{path}: holds '</script', which would end the inlined script early")
    return "\n".join(line for line in text.splitlines() if not line.startswith("//# sourceMappingURL="))


def reveal_assets(package: Path) -> dict[str, str]:
    return {"reveal_css": (package / "dist" / "reveal.css").read_text(encoding="utf-8"),
            "reveal_js": _script(package / "dist" / "reveal.js"),
            "notes_js": _script(package / "plugin" / "notes" / "notes.js"),
            "deck_css": (TEMPLATES / "deck.css").read_text(encoding="utf-8")}


def slide_type(cell) -> str:
    return cell.metadata.get("slideshow", {}).get("slide_type", "-")


def has_slides(notebook) -> bool:
    return any("slide_type" in cell.metadata.get("slideshow", {}) for cell in notebook.cells)


def title_of(notebook, path: Path) -> str:
    """The notebook's H1, else its file name."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def check_figures(notebook, path: Path) -> None:
    """Every SVG figure must carry its alt text in the output metadata, as kit.show writes it."""
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if "image/svg+xml" in output.get("data", {}):
                alt = output.get("metadata", {}).get("image/svg+xml", {}).get("alt", "")
                if not str(alt).strip():
                    raise ValueError(f"{path}: cell {index} shows a figure with no alt text; "
                                     "display figures with kit.show(fig, alt=...)")


def _figure_only_svg(cell) -> None:
    """Keep a figure's SVG form only: the kit's own template draws it as an <img> with its alt text."""
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/svg+xml" in data:
            data.pop("text/html", None)


def _is_heading_only(cell) -> bool:
    lines = [line for line in cell.source.splitlines() if line.strip()]
    return cell.cell_type == "markdown" and bool(lines) and all(line.startswith("#") for line in lines)


def _opens_with_heading(cell) -> bool:
    return cell.cell_type == "markdown" and cell.source.lstrip().startswith("#")


def _keep_headings_with_content(cells: list) -> None:
    """A slide holding only a heading takes the untitled slide after it along, so a figure sits under its
    heading rather than alone on the next slide."""
    shown = [cell for cell in cells if slide_type(cell) != "notes"]
    for cell, following in zip(shown, shown[1:]):
        if (slide_type(cell) in ("slide", "subslide") and _is_heading_only(cell)
                and slide_type(following) in ("slide", "subslide") and not _opens_with_heading(following)):
            following.metadata.setdefault("slideshow", {})["slide_type"] = "-"


def _notes_before_fragments(cells: list) -> list:
    """Each slide's speaker notes moved before its first fragment: reveal.js shows notes inside a fragment only
    once that fragment is shown, so notes that follow a takeaway would be missing while the figure is up."""
    slides, current = [], []
    for cell in cells:
        if slide_type(cell) in ("slide", "subslide") and current:
            slides.append(current)
            current = []
        current.append(cell)
    slides.append(current)
    ordered = []
    for slide in slides:
        notes = [cell for cell in slide if slide_type(cell) == "notes"]
        rest = [cell for cell in slide if slide_type(cell) != "notes"]
        first_fragment = next((i for i, cell in enumerate(rest) if slide_type(cell) == "fragment"), len(rest))
        first_fragment = max(first_fragment, 1 if rest else 0)  # notes stay after the cell opening the slide
        ordered += rest[:first_fragment] + notes + rest[first_fragment:]
    return ordered


# The deck's first slide is the notebook's title and its question, and nothing more: the notebook's opening story
# (who came first, who broke off, who waited) is what a class guesses at in the lesson's hook.
QUESTION = re.compile(r"^(\*\*The question|This notebook asks)")


def _title_and_question(cell) -> None:
    """Reduce the deck's opening cell to its H1 and its question paragraph(s)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", cell.source.strip()) if p.strip()]
    kept = [p for i, p in enumerate(paragraphs) if (i == 0 and p.startswith("# ")) or QUESTION.match(p)]
    if kept and kept[0].startswith("# ") and len(kept) > 1:
        cell.source = "\n\n".join(kept)


# What a class reads on a slide is words, not the code's names for them: a kind or standing written as its id in
# the notebook's prose (`de_facto_recognition`) or in a table's cell (de_jure) shows as the kit's words for it
# (vocabulary.KIND_WORDS, "for what people read"). Other code names are kept off the slides by the notebook.
def _vocabulary_words() -> dict[str, str]:
    from breaking_isolation.vocabulary import KIND_WORDS, RECOGNITION_LEVELS, RELATIONS_LEVELS  # noqa: PLC0415

    levels = {level: level.replace("_", " ") for level in RECOGNITION_LEVELS + RELATIONS_LEVELS if "_" in level}
    return {**KIND_WORDS, **levels}


def _in_words(cell, words: dict[str, str]) -> None:
    if cell.cell_type == "markdown":
        cell.source = re.sub(r"`([a-z_]+)`", lambda m: words.get(m.group(1), m.group(0)), cell.source)
        return
    table_cell = re.compile(r"(<td[^>]*>)\s*([a-z_]+)\s*(</td>)")

    def say(text: str) -> str:
        return table_cell.sub(lambda m: m.group(1) + words.get(m.group(2), m.group(2)) + m.group(3), text)
    for output in cell.get("outputs", []):
        html = output.get("data", {}).get("text/html")
        if html is not None:
            output["data"]["text/html"] = say(html) if isinstance(html, str) else [say(line) for line in html]


GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\(glossary\.md(?:#[^)]*)?\)")


def _glossary_words_unlinked(cell) -> None:
    """A deck or HTML handout is built into a folder without the glossary, so its links would lead nowhere
    offline: the term keeps its words, without the link."""
    if cell.cell_type == "markdown":
        cell.source = GLOSSARY_LINK.sub(r"\1", cell.source)


# A deck or handout is one file, copied to a USB stick: a link to another file of the kit (a document, a lesson)
# leads nowhere. The link keeps its words; a document printed in a lesson's pack is named as the class holds it,
# "document A of pack 5" (build_packs.PACKS, the packs' one list).
FILE_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\((?!https?://|#|mailto:)([^)\s]+)\)")
DOCUMENT_FILE = re.compile(r"(?:^|/)data/documents/(doc-[\w-]+)\.md$")


def _file_links_as_words(cell) -> None:
    if cell.cell_type != "markdown":
        return

    def words(match: re.Match) -> str:
        document = DOCUMENT_FILE.search(match.group(2))
        reference = build_packs.reference(document.group(1)) if document else ""
        named = reference and not cell.source.startswith(f" ({reference})", match.end())
        return f"{match.group(1)} ({reference})" if named else match.group(1)
    cell.source = FILE_LINK.sub(words, cell.source)


SPEAKER_NOTES = ROOT / "lessons" / "speaker-notes"  # notes that answer an exercise: in decks, not in the notebooks
NOTE_OF_CELL = re.compile(r"^<!-- cell: (\S+) -->$", re.MULTILINE)


def kept_notes(stem: str, folder: Path = SPEAKER_NOTES) -> dict[str, str]:
    """{cell id: the whole speaker note} of lessons/speaker-notes/<notebook>.md: the notes a notebook keeps short
    because they give an exercise's answer away (a student may open the notebook itself), whole in the deck."""
    path = folder / f"{stem}.md"
    if not path.is_file():
        return {}
    parts = NOTE_OF_CELL.split(path.read_text(encoding="utf-8"))
    return {cell: note.strip() for cell, note in zip(parts[1::2], parts[2::2])}


def with_kept_notes(notebook, stem: str, folder: Path = SPEAKER_NOTES) -> nbformat.NotebookNode:
    """The notebook with each short speaker note replaced by its whole note (kept_notes); a kept note whose cell
    is not a notes cell of the notebook is an error, never dropped quietly."""
    whole = kept_notes(stem, folder)
    deck = nbformat.from_dict(notebook)
    notes = {cell.get("id"): cell for cell in deck.cells if slide_type(cell) == "notes"}
    missing = sorted(set(whole) - set(notes))
    if missing:
        raise ValueError(f"{folder / (stem + '.md')} keeps notes for cells that are not speaker notes of {stem}: "
                         f"{', '.join(missing)}")
    for cell_id, note in whole.items():
        notes[cell_id].source = note
    return deck


def _caption_with_figure(cell, caption_id: str) -> None:
    """Move a figure cell's printed caption (its markdown output) into its figure's metadata, which the deck's
    template prints as a visually hidden description of the image."""
    captions = [o for o in cell.outputs if "text/markdown" in o.get("data", {})]
    cell.outputs = [o for o in cell.outputs if "text/markdown" not in o.get("data", {})]
    figure = next(o for o in cell.outputs if "image/svg+xml" in o.get("data", {}))
    text = "\n\n".join("".join(o.data["text/markdown"]) for o in captions).strip()
    if text:
        figure.setdefault("metadata", {}).setdefault("image/svg+xml", {}).update(caption=text, caption_id=caption_id)


def deck_version(notebook) -> nbformat.NotebookNode:
    """The cells a deck shows: skip and teacher-only cells and widget outputs dropped (a deck has no kernel), figure
    captions kept for screen readers only;
    the opening slide the title and question only; kinds and standings in words; headings kept with their content;
    speaker notes shown for the whole of their slide."""
    deck = nbformat.from_dict(notebook)
    for cell in deck.cells:
        kind = slide_type(cell)
        if kind not in SLIDE_TYPES:
            raise ValueError(f"unknown slide_type {kind!r} in a cell starting {cell.source[:40]!r}")
    deck.cells = [cell for cell in deck.cells if slide_type(cell) != "skip"
                  and (TEACHER_ONLY not in cell.metadata.get("tags", []) or PROJECTED in cell.metadata.get("tags", []))]
    for number, cell in enumerate(deck.cells, start=1):
        # A figure's printed caption, its full description, would push the figure off a projected slide; the
        # <img>'s alt names the figure only and points to the caption. So the deck keeps the caption with the
        # figure, out of sight but read by a screen reader (the template's figure, aria-describedby).
        if any("image/svg+xml" in o.get("data", {}) for o in cell.get("outputs", [])):
            _caption_with_figure(cell, f"figure-description-{number}")
        _figure_only_svg(cell)
    opening = next((cell for cell in deck.cells if slide_type(cell) != "notes"), None)
    if opening is not None and opening.cell_type == "markdown":
        _title_and_question(opening)
    words = _vocabulary_words()
    for cell in deck.cells:
        _glossary_words_unlinked(cell)
        _file_links_as_words(cell)
        if slide_type(cell) != "notes":
            _in_words(cell, words)
    _keep_headings_with_content(deck.cells)
    deck.cells = _notes_before_fragments(deck.cells)
    deck.metadata.pop("widgets", None)
    return deck


def handout_version(notebook) -> nbformat.NotebookNode:
    """The student version without the speaker notes, worded as the student edition words it (its readers have no
    folded solutions to compare with)."""
    handout, _ = student_edition.student_worded(student_version(notebook), student_edition.load_setting())
    handout.cells = [cell for cell in handout.cells if slide_type(cell) != "notes"]
    for cell in handout.cells:
        _figure_only_svg(cell)
        _glossary_words_unlinked(cell)
        _file_links_as_words(cell)
    handout.metadata.pop("widgets", None)
    return handout


def _kit_root_of(path: Path) -> Path:
    """The folder above a notebook that holds data/datapackage.json, else the notebook's own folder."""
    for folder in path.resolve().parents:
        if (folder / "data" / "datapackage.json").is_file():
            return folder
    return path.resolve().parent


def slide_size_notebooks(paths: list[Path]) -> dict[Path, nbformat.NotebookNode]:
    """Each notebook run afresh with KIT_MEDIUM=slide, so its figures are drawn and lettered for a 16:9 slide.

    The notebooks run in a temporary copy of the kit (their folder and data/), never in place: the stored
    notebooks keep their notebook-sized figures.
    """
    if not paths:
        return {}
    with tempfile.TemporaryDirectory(prefix="kit-slides-") as temp:
        copies, copied = {}, set()
        ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.html", "build", "output")
        for path in paths:
            root = _kit_root_of(path)
            copy = Path(temp) / path.resolve().relative_to(root)
            for source, target in ((path.resolve().parent, copy.parent), (root / "data", Path(temp) / "data")):
                if source.is_dir() and source not in copied:
                    shutil.copytree(source, target, ignore=ignore, dirs_exist_ok=True)
                    copied.add(source)
            copies[path] = copy
        env = {**os.environ, "KIT_MEDIUM": "slide",
               "PYTHONPATH": os.pathsep.join(filter(None, [*sorted({str(c.parent) for c in copies.values()}),
                                                          str(ROOT / "notebooks"), os.environ.get("PYTHONPATH")]))}
        env.setdefault("MPLBACKEND", "Agg")
        done = subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "execute_notebooks.py"),
                               *map(str, copies.values())], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"running the notebooks at slide size failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
        return {path: nbformat.read(copy, as_version=4) for path, copy in copies.items()}


def _exporter(kind, template: str):
    exporter = kind(template_name=template, extra_template_basedirs=[str(TEMPLATES)],
                    extra_template_paths=[str(TEMPLATES)])
    exporter.register_filter("markdown_escaped", markdown_escaped)
    return exporter


def build_deck(path: Path, out: Path, assets: dict[str, str], notebook=None) -> Path:
    """The deck of the notebook at `path`, from `notebook` (its slide-size run) if given, else as stored."""
    notebook = notebook if notebook is not None else nbformat.read(path, as_version=4)
    check_figures(notebook, path)
    exporter = _exporter(SlidesExporter, "kit_deck")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    resources = {"kit": {**assets, "title": title_of(notebook, path)}, "metadata": {"name": path.stem}}
    body, _ = exporter.from_notebook_node(deck_version(with_kept_notes(notebook, path.stem)), resources=resources)
    target = out / f"{path.stem}.slides.html"
    atomic.write_text(target, body)
    return target


def build_handout(path: Path, out: Path) -> Path:
    notebook = nbformat.read(path, as_version=4)
    check_figures(notebook, path)
    exporter = _exporter(HTMLExporter, "kit_handout")
    body, _ = exporter.from_notebook_node(handout_version(notebook),
                                          resources={"metadata": {"name": title_of(notebook, path)},
                                                     "kit_handout_css": (TEMPLATES / "handout.css").read_text(encoding="utf-8")})
    target = out / f"{path.stem}.handout.html"
    atomic.write_text(target, body)
    return target


def build(notebooks: list[Path], out: Path, slide_size: bool = True) -> list[tuple[Path, float]]:
    """Decks and handouts for `notebooks` into `out`; returns each file written and its build seconds.

    With `slide_size` (the default) the decks' notebooks are first run again with KIT_MEDIUM=slide, so that
    every figure on a slide is drawn for the slide; the handouts show the stored, notebook-sized figures."""
    out.mkdir(parents=True, exist_ok=True)
    assets = reveal_assets(ensure_reveal())
    decks = [path for path in notebooks if has_slides(nbformat.read(path, as_version=4))]
    started = time.perf_counter()
    slide_runs = slide_size_notebooks(decks) if slide_size else {}
    written = []
    for path in notebooks:
        if path in decks:
            started = time.perf_counter()
            written.append((build_deck(path, out, assets, slide_runs.get(path)), time.perf_counter() - started))
        started = time.perf_counter()
        written.append((build_handout(path, out), time.perf_counter() - started))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "slides")
    parser.add_argument("--stored", action="store_true",
                        help="decks from the stored outputs (notebook-sized figures) rather than a slide-size run")
    args = parser.parse_args()
    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    started = time.perf_counter()
    try:
        written = build(notebooks, args.out, slide_size=not args.stored)
    except RuntimeError as problem:  # npm missing or offline on the first build: say so, without a traceback
        print(f"make slides: {problem}", file=sys.stderr)
        return 1
    total = time.perf_counter() - started
    for path, seconds in written:
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"wrote {shown}: {path.stat().st_size / 1024:.0f} KiB in {seconds:.1f} s")
    decks = [path for path, _ in written if path.name.endswith(".slides.html")]
    print(f"{len(decks)} decks and {len(written) - len(decks)} handouts in {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
