"""A student's kernels on a hub, in CPU seconds: a quick, quiet measure beside `make classroom` (which needs a quiet
machine and half an hour). It runs what a student runs: the student edition of the kit (solutions and teacher's
cells left out, as the hub serves it: tools/student_edition.py), from the working copies the kit's server makes of
it in my-work/ (jupyter/kit_server.py), each notebook in a fresh kernel started as a hub's server starts it
(without the debugger, on Unix sockets, in my-work/ with the edition's package on PYTHONPATH). The kernel's user
and system CPU is counted over its whole life, its start and exit included. CPU seconds vary far less than wall
time on a shared machine.

    PYTHONPATH=notebooks .venv/bin/python tools/student_cpu.py [ROUNDS]   # median of ROUNDS (3) after a first one
    PYTHONPATH=notebooks .venv/bin/python tools/student_cpu.py 1 --profile FOLDER   # and a cProfile of each kernel

As on a hub, bytecode is kept (in a folder of the run's own) and the student has caches of their own (the kit's
checked data, matplotlib's font list), made by the first, untimed round. No MPLBACKEND: a kernel draws inline.
"""

import argparse
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
# A kernel that profiles itself: cProfile from its first line to its exit, written to the file it is given.
PROFILED = """import atexit, cProfile
_profile = cProfile.Profile()
_profile.enable()
atexit.register(lambda: (_profile.disable(), _profile.dump_stats({out!r})))
"""


def _load(name: str, path: Path):
    """A module of the kit read from its file (the server finds kit_server beside its config; no tool edits sys.path)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # the edition's dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def student_notebooks(folder: Path) -> list[Path]:
    """The student edition of this kit's working tree in `folder`, and the working copies a student runs there."""
    edition = _load("_kit_student_edition", ROOT / "tools" / "student_edition.py")
    edition.write_edition(ROOT, folder)
    kit_server = _load("kit_server", ROOT / "jupyter" / "kit_server.py")
    return sorted(kit_server.make_working_copies(folder))


def profiling_specs(profile: Path | None):
    """The kernels a hub's server starts (kit_server.KernelsWithoutDebugger); with `profile`, each kernel whose
    `out` is set also writes a cProfile of itself there."""
    class Specs(sys.modules["kit_server"].KernelsWithoutDebugger):
        out: Path | None = None

        def get_kernel_spec(self, kernel_name):
            spec = super().get_kernel_spec(kernel_name)
            if profile is not None and self.out is not None:
                at = spec.argv.index("-c") + 1
                spec.argv = [*spec.argv[:at], PROFILED.format(out=str(self.out)) + spec.argv[at], *spec.argv[at + 1:]]
            return spec
    return Specs()


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile of each timed kernel into this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="student-cpu-", dir="/tmp" if os.path.isdir("/tmp") else None) as own:
        paths = student_notebooks(Path(own) / "edition")
        specs = profiling_specs(args.profile)
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ.pop("MPLBACKEND", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(own) / "bytecode")
        os.environ["XDG_CACHE_HOME"] = str(Path(own) / "cache")
        os.environ["PYTHONPATH"] = str(Path(own) / "edition" / "notebooks")  # as the kit's server sets it
        os.environ.pop("MPLCONFIGDIR", None)
        sys.modules["kit_server"].give_font_list()  # as a hub's server does, where postBuild listed the fonts
        runs = []
        for number in range(args.rounds + 1):
            cpu = {}
            for path in paths:
                if args.profile is not None and number:
                    args.profile.mkdir(parents=True, exist_ok=True)
                    specs.out = args.profile.resolve() / f"{path.stem[:2]}-{number}.prof"
                cpu[path.stem] = run(path, specs, Path(own))
                specs.out = None
            print(("first (untimed) " if number == 0 else f"round {number}: ")
                  + ", ".join(f"{stem[:2]} {seconds:.2f} s" for stem, seconds in cpu.items())
                  + f"; all {sum(cpu.values()):.2f} s", flush=True)
            if number:
                runs.append(cpu)
    print(f"median of {args.rounds}: " + ", ".join(
        f"{path.stem[:2]} {statistics.median(r[path.stem] for r in runs):.2f} s" for path in paths)
          + f"; a student's kernels {statistics.median(sum(r.values()) for r in runs):.2f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
