"""The kernels that `make execute`, `make refresh` and `make bench` start say nothing on the teacher's terminal
about their transport: jupyter_client hands them CurveZMQ keys, so ipykernel has no unencrypted link to warn of."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = """
import sys
from pathlib import Path
import nbformat
sys.path.insert(0, "tools")
from execute_notebooks import client
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys; print(sys.argv[0])")])
client(notebook, Path("notebooks") / "kernel-check.ipynb").execute()
print("ran:", notebook.cells[0].outputs[0]["text"].strip().endswith("ipykernel_launcher.py"))
"""


def test_a_notebook_kernel_starts_without_a_transport_warning():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks"), "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ran: True" in done.stdout  # the kernel did run the cell, and its stderr is this process's
    assert "without encryption" not in done.stderr, done.stderr
