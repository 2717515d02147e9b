"""One home for where the kit's code is found: the Makefile's PYTHONPATH for the tools (and pyproject.toml's
pythonpath for the tests). A tool that edited sys.path would find a package of its own choosing, and hide a
Makefile or README command that cannot find it."""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def path_edits(source: str) -> list[int]:
    """The lines of `source` that change the import path: sys.path changed or assigned, site.addsitedir."""
    found = []
    for node in ast.walk(ast.parse(source)):
        target = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = ast.unparse(node.func.value) if node.func.attr in (
                "insert", "append", "extend", "remove", "clear", "pop") else None
            if ast.unparse(node.func) in ("site.addsitedir", "addsitedir"):
                target = "sys.path"
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            target = next((ast.unparse(t) for t in targets if ast.unparse(t).startswith("sys.path")), None)
        if target is not None and target.startswith("sys.path"):
            found.append(node.lineno)
    return sorted(found)


def test_the_check_finds_each_way_of_editing_the_path():
    sloppy = ("import sys, site\nsys.path.insert(0, 'x')\nsys.path.append('x')\nsys.path[:0] = ['x']\n"
              "sys.path += ['x']\nsite.addsitedir('x')\nitems = []\nitems.append(1)\n")
    assert path_edits(sloppy) == [2, 3, 4, 5, 6]


def test_no_tool_edits_sys_path():
    found = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "tools").rglob("*.py"))
             for line in path_edits(path.read_text(encoding="utf-8"))]
    assert not found, f"these tools edit sys.path; the Makefile's PYTHONPATH finds the package: {found}"


def test_a_tool_finds_the_package_through_the_makefiles_path():
    """As `make` runs it: from the kit's folder, PYTHONPATH=notebooks, nothing else."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks")}
    done = subprocess.run([sys.executable, "tools/build_packs.py", "--check"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert "ModuleNotFoundError" not in done.stderr and done.returncode == 0, done.stdout + done.stderr
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "export PYTHONPATH := $(CURDIR)/notebooks" in makefile
