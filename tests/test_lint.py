"""The linter, as a test: ruff (pinned in the test lock) over the package, the tools and the tests, with the
rules that catch real faults (pyflakes' F: unused or undefined names, redefinitions; E9: syntax errors)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ["notebooks/breaking_isolation", "tools", "tests"]
RULES = "F,E9"


def ruff(*paths: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated", "--select", RULES,
                           "--output-format", "concise", *paths], cwd=cwd, capture_output=True, text=True)


def test_package_tools_and_tests_are_lint_clean():
    result = ruff(*TARGETS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_finds_an_unused_import(tmp_path):
    (tmp_path / "sloppy.py").write_text("import os\n", encoding="utf-8")
    result = ruff("sloppy.py", cwd=tmp_path)
    if "No module named ruff" in result.stderr:
        pytest.fail("ruff is not installed: run make setup-test")
    assert result.returncode == 1 and "F401" in result.stdout
