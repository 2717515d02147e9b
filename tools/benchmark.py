"""The kit's benchmarks, each measured in one run and printed as figures (not a test: timings vary).

    python tools/benchmark.py            # everything
    python tools/benchmark.py notebooks  # the notebook tests against their floor
    python tools/benchmark.py loader     # load() on the kit's data, and against a bare pandas.read_csv on 100,000 rows
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))
sys.path.insert(0, str(ROOT / "tools"))

FLOOR_CELL = "import pandas, matplotlib.pyplot, networkx\nimport breaking_isolation as kit"
NBVAL = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--nbval",
         "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), "-n", "2", "--dist", "loadfile"]


def _timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"benchmark command failed:\n{result.stdout[-3000:]}")
    return seconds


def notebooks() -> None:
    from execute_notebooks import execute

    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    # The floor notebooks live in a temporary folder: their kernels find the kit's package through PYTHONPATH.
    os.environ["PYTHONPATH"] = str(ROOT / "notebooks")
    with tempfile.TemporaryDirectory() as folder:
        floor_dir = Path(folder)
        floors = []
        for path in paths:  # one floor notebook per real one, run the same way as the tests
            floor = floor_dir / f"floor-{path.stem}.ipynb"
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_CELL)])
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            nbformat.write(nb, floor)
            execute(floor)  # store its (empty) outputs so that nbval has something to compare
            floors.append(floor)
        floor_seconds = _timed(NBVAL + [str(p) for p in floors], floor_dir)
        test_seconds = _timed(NBVAL + [str(p) for p in paths], ROOT)
        print(f"notebook tests (strict nbval, 2 workers): {test_seconds:.1f} s for {len(paths)} notebooks")
        print(f"floor ({len(paths)} fresh kernels importing the stack and the kit): {floor_seconds:.1f} s")
        print(f"ratio: {test_seconds / floor_seconds:.2f}x (goal <= 1.5x)")
        one_floor = min(execute(floors[0])[1] for _ in range(2))
        print(f"one fresh kernel importing the stack: {one_floor:.2f} s")
        for path in paths:  # in memory, in the notebook's own folder: the benchmark never rewrites notebooks
            seconds = _run_in_memory(path)
            print(f"  {path.name}: {seconds:.2f} s, {seconds - one_floor:+.2f} s above the floor")


def _run_in_memory(path: Path) -> float:
    """Seconds to run a notebook in a fresh kernel started in its folder, where it imports the kit's package."""
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - started


def loader(rows: int = 100_000) -> None:
    import pandas as pd

    import breaking_isolation as kit
    from synthetic_events import write_synthetic

    kit.load()  # the first call imports what the loader needs; a notebook has done so before it loads
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        kit.load()
        best = min(best, time.perf_counter() - started)
    print(f"loader on the kit's data: load() {best:.3f} s (goal <= 0.2 s)")
    with tempfile.TemporaryDirectory() as folder:
        data = write_synthetic(Path(folder), rows)
        bare = full = float("inf")
        for _ in range(3):  # best of three, alternating, so that a busy moment does not decide the ratio
            started = time.perf_counter()
            pd.read_csv(data / "events.csv")
            bare = min(bare, time.perf_counter() - started)
            started = time.perf_counter()
            loaded = kit.load(data)
            full = min(full, time.perf_counter() - started)
        print(f"loader on {len(loaded.events):,} synthetic events: load() {full:.2f} s, "
              f"bare pandas.read_csv {bare:.2f} s, ratio {full / bare:.2f}x (goal <= 5x)")


if __name__ == "__main__":
    wanted = sys.argv[1:] or ["notebooks", "loader"]
    for name in wanted:
        {"notebooks": notebooks, "loader": loader}[name]()
