"""Writes are whole or absent: a full disk or an interrupt leaves the old file as it was."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from breaking_isolation import atomic


def test_replaces_the_file_and_keeps_its_mode(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    target.chmod(0o640)
    atomic.write_text(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic.replacing(target) as handle:
            handle.write("half")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_full_disk_leaves_the_old_file_whole(tmp_path):
    """A child process with a 4 kB file-size limit writes 1 MB: it fails, and the old file is untouched."""
    target = tmp_path / "big.txt"
    target.write_text("old")
    script = textwrap.dedent(f"""
        import resource, signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        from breaking_isolation import atomic
        atomic.write_text({str(target)!r}, "x" * 1_000_000)
    """)
    package_parent = Path(atomic.__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=package_parent)
    assert result.returncode != 0 and "File too large" in result.stderr
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]


# --- the tools: every file they write goes through atomic ---------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
BIG_CELL = 'print(("x" * 99 + "\\n") * 4000)'  # its output makes the notebook ~400 kB, over the limit below


def _small_notebook(path: Path) -> str:
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BIG_CELL, id="big")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    text = nbformat.writes(notebook) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def _run_tool(script: str, tmp_path: Path, limit: int | None = None) -> subprocess.CompletedProcess:
    def limited():
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**__import__("os").environ, "IPYTHONDIR": str(tmp_path / "ipython"), "PYTHONPATH": str(ROOT / "notebooks")}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT / "tools",
                          env=env, preexec_fn=limited if limit else None, timeout=240)


def test_execute_notebooks_on_a_full_disk_keeps_the_notebook_whole(tmp_path):
    notebook = tmp_path / "big.ipynb"
    before = _small_notebook(notebook)
    script = f"import execute_notebooks as e; from pathlib import Path; e.execute(Path({str(notebook)!r}))"
    result = _run_tool(script, tmp_path, limit=100_000)
    assert result.returncode != 0 and "File too large" in result.stderr, result.stderr[-2000:]
    assert notebook.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "ipython") == ["big.ipynb"]
    # Without the limit the same run writes the outputs: the limit, not the notebook, stopped it.
    assert _run_tool(script, tmp_path).returncode == 0
    assert notebook.read_text(encoding="utf-8").count("x" * 99) == 4000  # the outputs


def test_execute_notebooks_interrupted_while_writing_keeps_the_notebook_whole(tmp_path):
    """Ctrl-C (a real SIGINT) arrives once the new notebook's bytes are written, before they replace the old."""
    notebook = tmp_path / "big.ipynb"
    before = _small_notebook(notebook)
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        import execute_notebooks as e
        from breaking_isolation import atomic
        real_fsync = os.fsync
        def interrupted(fd):
            real_fsync(fd)
            os.kill(os.getpid(), signal.SIGINT)
        atomic.os.fsync = interrupted
        e.execute(Path({str(notebook)!r}))
    """)
    result = _run_tool(script, tmp_path)
    assert result.returncode != 0 and "KeyboardInterrupt" in result.stderr, result.stderr[-2000:]
    assert notebook.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "ipython") == ["big.ipynb"]


WRITERS = {"write_text", "write_bytes", "to_csv", "savefig", "dump"}
# Files that write only into a temporary folder they made, or are owned by their own workstream's rules.
NOT_KIT_FILES = {"benchmark.py": "writes a floor notebook into a temporary folder",
                 "synthetic_events.py": "writes benchmark data into a temporary folder",
                 "build_student.py": "checked by tests/test_student_build.py",
                 "student_edition.py": "the student edition's writer, checked by tests/test_student_build.py"}


def test_no_tool_writes_a_file_except_through_atomic():
    """Every write in tools/*.py is atomic.write_*/replacing/write_notebook: no bare write_text, nbformat.write,
    to_csv or open(..., 'w') that a full disk would leave cut short."""
    import ast

    found = []
    for path in sorted((ROOT / "tools").glob("*.py")):
        if path.name in NOT_KIT_FILES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
            if owner == "atomic" or (isinstance(func, ast.Name) and name in ("write_text", "write_bytes")
                                     and "from breaking_isolation.atomic import" in path.read_text(encoding="utf-8")):
                continue
            if name in WRITERS or (owner == "nbformat" and name == "write"):
                found.append(f"{path.name}:{node.lineno} {owner}.{name}")
            if name == "open" and any(isinstance(a, ast.Constant) and isinstance(a.value, str) and "w" in a.value
                                      for a in node.args[1:2]):
                if "lock" not in ast.unparse(node):  # a lock file holds no content
                    found.append(f"{path.name}:{node.lineno} open(..., 'w')")
    assert not found, found


# --- the tools run in the students' environment -------------------------------------------------------------

TEST_MODULES = {p.stem for p in (ROOT / "tests").glob("*.py")} | {"tests", "pytest", "conftest"}


def test_no_tool_imports_the_tests_or_pytest():
    """The shipped tools run in .venv, which has no pytest and no tests/ on its path."""
    import ast

    found = []
    for path in sorted((ROOT / "tools").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.relative_to(ROOT)}:{node.lineno} {n}" for n in names if n.split(".")[0] in TEST_MODULES]
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("sys.path.insert", "sys.path.append") \
                    and "'tests'" in ast.unparse(node):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} puts tests/ on the path")
    assert not found, found


def test_build_handouts_runs_where_pytest_cannot_be_imported(tmp_path):
    """As in the students' environment: every handout renders with pytest made unimportable."""
    script = ("import sys; sys.modules['pytest'] = None\n"
              "import build_handouts\n"
              "print(len(build_handouts.render()))")
    result = _run_tool(script, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) >= 4  # handouts 1 to 4 at least, each rendered
