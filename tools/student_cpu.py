"""A student's kernels on a hub, in CPU seconds: a quick, quiet measure beside `make classroom` (which needs a quiet
machine and half an hour). Each notebook runs in a fresh kernel started as a hub's server starts it (without the
debugger, on Unix sockets: jupyter/kit_server.py), and the kernel's user and system CPU is counted over its whole
life, its start and exit included. CPU seconds vary far less than wall time on a shared machine.

    PYTHONPATH=notebooks .venv/bin/python tools/student_cpu.py [ROUNDS]   # median of ROUNDS (3) after a first one

As on a hub, bytecode is kept (in a folder of the run's own) and the student has caches of their own (the kit's
checked data, matplotlib's font list), made by the first, untimed round. No MPLBACKEND: a kernel draws inline.
"""

import importlib.util
import os
import resource
import statistics
import sys
import tempfile
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 300  # seconds a single cell may take


def _kit_server():
    """jupyter/kit_server.py, read from its file (the server finds it beside its config; no tool edits sys.path)."""
    spec = importlib.util.spec_from_file_location("kit_server", ROOT / "jupyter" / "kit_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(path: Path, specs, sockets: Path) -> float:
    """CPU seconds of a fresh kernel that runs the notebook at `path`, from its start to its exit."""
    notebook = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=specs, transport="ipc",
                            ip=str(sockets / path.stem[:2]))
    before = _children_cpu()
    NotebookClient(notebook, km=manager, timeout=TIMEOUT,
                   resources={"metadata": {"path": str(path.parent)}}).execute(cwd=str(path.parent))
    manager.shutdown_kernel(now=False)  # waited for: its CPU is then in this process's children's
    return _children_cpu() - before


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    specs = _kit_server().KernelsWithoutDebugger()
    with tempfile.TemporaryDirectory(prefix="student-cpu-", dir="/tmp" if os.path.isdir("/tmp") else None) as own:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ.pop("MPLBACKEND", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(own) / "bytecode")
        os.environ["XDG_CACHE_HOME"] = str(Path(own) / "cache")
        os.environ.pop("MPLCONFIGDIR", None)
        runs = []
        for number in range(rounds + 1):
            cpu = {path.stem: run(path, specs, Path(own)) for path in paths}
            print(("first (untimed) " if number == 0 else f"round {number}: ")
                  + ", ".join(f"{stem[:2]} {seconds:.2f} s" for stem, seconds in cpu.items())
                  + f"; all {sum(cpu.values()):.2f} s", flush=True)
            if number:
                runs.append(cpu)
    print(f"median of {rounds}: " + ", ".join(f"{path.stem[:2]} {statistics.median(r[path.stem] for r in runs):.2f} s"
                                             for path in paths)
          + f"; a student's kernels {statistics.median(sum(r.values()) for r in runs):.2f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
