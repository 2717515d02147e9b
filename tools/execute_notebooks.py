"""Run notebooks top to bottom in fresh kernels and store their outputs: the only way outputs are written.

    PYTHONPATH=notebooks python tools/execute_notebooks.py notebooks/*.ipynb

Each notebook runs in its own kernel, in its own folder, two at a time (the machines have two cores).
Timing metadata is not recorded, so a re-run changes the file only when an output changes. Solutions and
speaker notes stay collapsed for self-study (tools/collapse_solutions.py sets that metadata on every run).
"""

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import zmq
from nbclient import NotebookClient
from traitlets.config import Config

from collapse_solutions import collapse

from breaking_isolation import atomic

TIMEOUT = 300  # seconds a single cell may take
WIDGET = "application/vnd.jupyter.widget-view+json"
# The kernel talks to this process over local TCP. With CurveZMQ keys handed out by jupyter_client (the kit's
# kernel says it takes them) that link is encrypted, and ipykernel no longer warns on every start that it is
# not: the warning would reach the teacher's terminal from every kernel of `make execute`, `refresh` and `bench`.
KERNEL_CONFIG = Config({"KernelManager": {"transport_encryption": "auto" if zmq.has("curve") else "disabled"}})


RUN_TO_SEE = "The slider appears when you run this cell: click it and press **Shift + Enter**."


def plain_widget_outputs(notebook: nbformat.NotebookNode) -> None:
    """Store a plain sentence where a live widget was: its state is not stored, so Lab could only show the
    widget's Python repr ("interactive(children=(IntSlider(..."), until the student runs the cell."""
    for cell in notebook.cells:
        if any(WIDGET in output.get("data", {}) for output in cell.get("outputs", [])):
            cell.outputs = [nbformat.v4.new_output("display_data", data={
                "text/markdown": RUN_TO_SEE, "text/plain": RUN_TO_SEE.replace("**", "")})]


def client(notebook: nbformat.NotebookNode, path: Path, **options) -> NotebookClient:
    """A client that runs `notebook` in a fresh kernel started in the folder of `path`, where it finds the kit."""
    return NotebookClient(notebook, kernel_name="python3", timeout=TIMEOUT, config=KERNEL_CONFIG,
                          resources={"metadata": {"path": str(path.parent)}}, **options)


def execute(path: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    notebook = nbformat.read(path, as_version=4)
    client(notebook, path, record_timing=False, coalesce_streams=True).execute()
    notebook.metadata.pop("widgets", None)  # widget state is per run; the slider redraws on its own
    plain_widget_outputs(notebook)
    collapse(notebook)
    atomic.write_notebook(path, notebook)  # a full disk or Ctrl-C leaves the old notebook whole
    return path, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for path, seconds in pool.map(execute, args.notebooks):
            print(f"{path}: ran in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
