"""Build a reveal.js slide deck and an HTML handout from every notebook, each one self-contained file.

    python tools/build_slides.py                 # every notebook in notebooks/, into build/slides/
    python tools/build_slides.py --out DIR a.ipynb b.ipynb

A deck is built from each notebook that has slide metadata; a handout from every notebook. Both open from a
USB stick with no network: reveal.js (the npm package reveal.js, pinned below, installed into node_modules/
on the first build) and every style sheet are inlined, figures are data: images, and nothing is loaded
from a CDN (no require.js, MathJax, jQuery or Mermaid: the kit has no maths and no diagrams in Mermaid).

Decks, for projecting: all code input is hidden (a presenter shows results, the handout shows the code);
cells with slide_type "skip" are dropped; cells with slide_type "notes" become speaker notes (press S);
the first slide is the notebook's title and question. Handouts, for reading: the student version of the
notebook (no solutions, exercises unanswered) without the speaker notes, code included.

Both: every figure is an <img> whose alt is the figure's alt text; markdown written by code (figure
captions built from the data) is rendered with raw HTML escaped, so a title holding markup shows as text.
"""

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import mistune
import nbformat
from nbconvert import HTMLExporter, SlidesExporter

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "slides_template"
REVEAL_VERSION = "5.2.1"  # 6.x gives a blank deck with nbconvert's reveal template
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_student import student_version  # noqa: E402

_escaped_markdown = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])


def markdown_escaped(text: str) -> str:
    """Markdown to HTML with any raw HTML in it shown as text: for outputs, whose text may come from data."""
    return _escaped_markdown(text)


def ensure_reveal(root: Path = ROOT) -> Path:
    """The pinned reveal.js package in root/node_modules, installed from the npm registry when missing."""
    package = root / "node_modules" / "reveal.js"
    manifest = package / "package.json"
    if manifest.exists() and json.loads(manifest.read_text())["version"] == REVEAL_VERSION:
        return package
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(f"the slide build needs npm to install reveal.js@{REVEAL_VERSION} once "
                           "(on Debian or Ubuntu: sudo apt-get install npm)")
    subprocess.run([npm, "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--silent",
                    "--prefix", str(root), f"reveal.js@{REVEAL_VERSION}"], check=True)
    if not manifest.exists() or json.loads(manifest.read_text())["version"] != REVEAL_VERSION:
        raise RuntimeError(f"npm did not install reveal.js@{REVEAL_VERSION} into {package}")
    return package


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


def deck_version(notebook) -> nbformat.NotebookNode:
    """The cells a deck shows: skip cells, widget outputs and figure captions dropped (a deck has no kernel)."""
    deck = nbformat.from_dict(notebook)
    for cell in deck.cells:
        kind = slide_type(cell)
        if kind not in SLIDE_TYPES:
            raise ValueError(f"unknown slide_type {kind!r} in a cell starting {cell.source[:40]!r}")
    deck.cells = [cell for cell in deck.cells if slide_type(cell) != "skip"]
    for cell in deck.cells:
        # A figure's printed caption repeats its alt text, which the deck's <img> carries already: on a
        # projected slide it only pushes the figure off the screen.
        if any("image/svg+xml" in o.get("data", {}) for o in cell.get("outputs", [])):
            cell.outputs = [o for o in cell.outputs if "text/markdown" not in o.get("data", {})]
    deck.metadata.pop("widgets", None)
    return deck


def handout_version(notebook) -> nbformat.NotebookNode:
    """The student version without the speaker notes."""
    handout = student_version(notebook)
    handout.cells = [cell for cell in handout.cells if slide_type(cell) != "notes"]
    handout.metadata.pop("widgets", None)
    return handout


def _exporter(kind, template: str):
    exporter = kind(template_name=template, extra_template_basedirs=[str(TEMPLATES)],
                    extra_template_paths=[str(TEMPLATES)])
    exporter.register_filter("markdown_escaped", markdown_escaped)
    return exporter


def build_deck(path: Path, out: Path, assets: dict[str, str]) -> Path:
    notebook = nbformat.read(path, as_version=4)
    check_figures(notebook, path)
    exporter = _exporter(SlidesExporter, "kit_deck")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    resources = {"kit": {**assets, "title": title_of(notebook, path)}, "metadata": {"name": path.stem}}
    body, _ = exporter.from_notebook_node(deck_version(notebook), resources=resources)
    target = out / f"{path.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    return target


def build_handout(path: Path, out: Path) -> Path:
    notebook = nbformat.read(path, as_version=4)
    check_figures(notebook, path)
    exporter = _exporter(HTMLExporter, "kit_handout")
    body, _ = exporter.from_notebook_node(handout_version(notebook),
                                          resources={"metadata": {"name": title_of(notebook, path)}})
    target = out / f"{path.stem}.handout.html"
    target.write_text(body, encoding="utf-8")
    return target


def build(notebooks: list[Path], out: Path) -> list[tuple[Path, float]]:
    """Decks and handouts for `notebooks` into `out`; returns each file written and its build seconds."""
    out.mkdir(parents=True, exist_ok=True)
    assets = reveal_assets(ensure_reveal())
    written = []
    for path in notebooks:
        if has_slides(nbformat.read(path, as_version=4)):
            started = time.perf_counter()
            written.append((build_deck(path, out, assets), time.perf_counter() - started))
        started = time.perf_counter()
        written.append((build_handout(path, out), time.perf_counter() - started))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "slides")
    args = parser.parse_args()
    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    started = time.perf_counter()
    written = build(notebooks, args.out)
    total = time.perf_counter() - started
    for path, seconds in written:
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"wrote {shown}: {path.stat().st_size / 1024:.0f} KiB in {seconds:.1f} s")
    decks = [path for path, _ in written if path.name.endswith(".slides.html")]
    print(f"{len(decks)} decks and {len(written) - len(decks)} handouts in {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
