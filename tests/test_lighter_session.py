"""A student's session on Binder or a hub is lighter: postBuild puts a startup line in the students' environment
(jupyter/breaking_isolation_lighter.pth) that keeps out the IRI grammar jsonschema would load in every server and
the debugger's engine ipykernel would load in every kernel."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTUP_LINE = ROOT / "jupyter" / "breaking_isolation_lighter.pth"

# What a server and a kernel would load: jsonschema's format checkers (jupyter-server's event schemas import
# them) and ipykernel's debugger.
PROBE = """
import sys
import jsonschema
import ipykernel.debugger
print("iri" in jsonschema.FormatChecker.checkers, ipykernel.debugger._is_debugpy_available,
      sys.modules.get("rfc3987_syntax") is not None, sys.modules.get("debugpy") is not None)
"""


def probe(site_dir: Path | None) -> str:
    """PROBE's answer in a fresh Python, with `site_dir` read as a site-packages folder (its .pth files run)."""
    code = (f"import site; site.addsitedir({str(site_dir)!r})\n" if site_dir else "") + PROBE
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"})
    return done.stdout.strip()


def test_the_startup_line_keeps_the_iri_grammar_and_the_debugger_out(tmp_path):
    assert probe(None) == "True True True True"  # both are installed, and load without the line
    (tmp_path / STARTUP_LINE.name).write_bytes(STARTUP_LINE.read_bytes())
    assert probe(tmp_path) == "False False False False"


def test_a_startup_line_that_does_not_run_is_caught(tmp_path):
    # Python runs only the lines of a .pth file that begin with "import": an indented one is read as a folder.
    text = STARTUP_LINE.read_text(encoding="utf-8").replace("\nimport sys;", "\n import sys;")
    (tmp_path / STARTUP_LINE.name).write_text(text, encoding="utf-8")
    assert probe(tmp_path) == "True True True True"


def test_the_startup_line_is_one_line_of_code_with_its_reasons_in_comments():
    lines = STARTUP_LINE.read_text(encoding="utf-8").splitlines()
    code = [line for line in lines if not line.startswith("#")]
    assert len(code) == 1 and code[0].startswith("import sys;"), code


def test_postbuild_puts_the_startup_line_in_the_site_packages_of_the_students_environment(tmp_path):
    prefix = tmp_path / "env"
    env = {**os.environ, "NB_PYTHON_PREFIX": str(prefix), "HOME": str(tmp_path / "home")}
    subprocess.run(["bash", str(ROOT / "postBuild")], cwd=tmp_path, env=env, check=True, capture_output=True)
    installed = list(prefix.glob(f"lib/python3*/site-packages/{STARTUP_LINE.name}"))
    assert len(installed) == 1 and installed[0].read_bytes() == STARTUP_LINE.read_bytes(), installed
