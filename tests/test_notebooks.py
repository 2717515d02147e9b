"""The notebooks' stored outputs are what their code makes: checks on the harness itself."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _code_cells(path: Path) -> list[dict]:
    return [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]


def test_every_notebook_is_stored_with_outputs_from_one_fresh_run():
    for path in NOTEBOOKS:
        counts = [c["execution_count"] for c in _code_cells(path)]
        assert counts == list(range(1, len(counts) + 1)), f"{path.name}: run `make execute` to refresh outputs"


def test_figures_are_svg_with_alt_text_and_no_png():
    svg_count = 0
    for path in NOTEBOOKS:
        for cell in _code_cells(path):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                assert "image/png" not in data, f"{path.name}: PNG output; nbval would not compare it"
                if "image/svg+xml" in data:
                    svg_count += 1
                    svg = "".join(data["image/svg+xml"])
                    assert "<title>" in svg and 'aria-label="' in svg, f"{path.name}: a figure has no alt text"
                    assert "<dc:date>" not in svg, f"{path.name}: a figure carries a date"
                    assert output["metadata"]["image/svg+xml"]["alt"].strip()
    assert svg_count >= 1


def test_strict_nbval_fails_when_a_plotted_value_changes(tmp_path):
    """Change one plotted value in the code and keep the old outputs: the test command must fail."""
    original = ROOT / "notebooks" / "00-start-here.ipynb"
    notebook = json.loads(original.read_text())
    figure_cells = [c for c in notebook["cells"] if c["cell_type"] == "code" and "kit.show(" in "".join(c["source"])]
    source = "".join(figure_cells[0]["source"])
    call = "kit.charts.events_by_tone(per_year)"
    assert call in source
    figure_cells[0]["source"] = source.replace(call, "kit.charts.events_by_tone(per_year * 2)")
    stale = tmp_path / "stale.ipynb"
    stale.write_text(json.dumps(notebook))

    def nbval(path: Path) -> subprocess.CompletedProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks")}
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:xdist", "-p", "no:cacheprovider", "--nbval",
             "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), "-o", "addopts=",
             "--rootdir", str(tmp_path), str(path)],
            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)

    result = nbval(stale)
    assert result.returncode == 1, result.stdout[-2000:]
    assert "image/svg+xml" in result.stdout  # it is the figure that nbval caught
