"""A student's path in a real JupyterLab: start it as `make lab` does, open each notebook, Run All, look.

The server runs on a copy of the kit, so Run All never touches the committed notebooks, and it is shut down
whatever happens. Timings go to test-artifacts/lab-timings.txt with the screenshots.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
TOKEN = "kit-browser-test"
RUN_TIMEOUT_MS = 180_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def lab(tmp_path_factory, chromium_path):
    """JupyterLab with the kit's own config, on a copy of the kit; yields its base URL and start time."""
    kit = tmp_path_factory.mktemp("kit")
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for folder in ("notebooks", "data", "jupyter"):
        shutil.copytree(ROOT / folder, kit / folder, ignore=ignore)
    port = _free_port()
    command = [sys.executable, "-m", "jupyter", "lab", f"--config={kit / 'jupyter' / 'jupyter_server_config.py'}",
               "--no-browser", f"--port={port}", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={kit}"]
    log = (ARTIFACTS.mkdir(exist_ok=True) or ARTIFACTS) / "lab-server.log"
    started = time.perf_counter()
    with log.open("w") as log_file:
        server = subprocess.Popen(command, cwd=kit, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            while True:
                try:
                    _get(f"{base}/api/status?token={TOKEN}")
                    break
                except OSError:
                    assert server.poll() is None, log.read_text()[-2000:]
                    assert time.perf_counter() - started < 60, "JupyterLab did not start within 60 s"
                    time.sleep(0.2)
            yield {"base": base, "start_seconds": time.perf_counter() - started}
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)


def test_lab_serves_with_a_token_and_the_kit_settings(lab):
    base = lab["base"]
    with pytest.raises(urllib.error.HTTPError):  # no token, no access: Jupyter's default security stays on
        _get(f"{base}/api/contents")
    notification = _get(f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={TOKEN}")
    properties = notification["schema"]["properties"]
    assert properties["fetchNews"]["default"] == "false" and properties["checkForUpdates"]["default"] is False
    assert _get(f"{base}/lab/api/news?token={TOKEN}") == {"news": []}
    assert _get(f"{base}/lab/api/update?token={TOKEN}") == {"notification": None}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_student_runs_every_notebook_in_the_browser(lab, browser, name):
    base = lab["base"]
    stored = json.loads((ROOT / "notebooks" / name).read_text())
    figures = sum("image/svg+xml" in o.get("data", {}) for c in stored["cells"] if c["cell_type"] == "code"
                  for o in c.get("outputs", []))
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith((base, "data:", "blob:")) else None)
    try:
        # A workspace of its own, reset, so that only this notebook is open.
        page.goto(f"{base}/lab/workspaces/{Path(name).stem}/tree/notebooks/{name}?reset&token={TOKEN}")
        # The kernel's name shows once a kernel is attached; only then is Run All safe.
        page.locator(".jp-NotebookPanel-toolbar .jp-KernelName", has_text="Python 3").wait_for(timeout=60_000)
        page.locator(".jp-NotebookPanel-toolbar [data-status='idle']").first.wait_for(timeout=60_000)
        started = time.perf_counter()
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        page.wait_for_function(
            """() => {
                const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            }""", timeout=RUN_TIMEOUT_MS)
        page.locator(".jp-NotebookPanel-toolbar [data-status='idle']").first.wait_for(timeout=RUN_TIMEOUT_MS)
        seconds = time.perf_counter() - started
        page.screenshot(path=str(ARTIFACTS / f"lab-{Path(name).stem}.png"), full_page=True)
        with (ARTIFACTS / "lab-timings.txt").open("a") as timings:
            timings.write(f"{name}: Lab started in {lab['start_seconds']:.1f} s; Run All took {seconds:.1f} s\n")
        print(f"{name}: Run All in the browser took {seconds:.1f} s")

        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
        assert errors.count() == 0, errors.first.inner_text()[:2000]
        images = page.locator(".jp-OutputArea-output img")
        assert images.count() >= figures
        for index in range(images.count()):
            box = images.nth(index).bounding_box()
            assert box and box["width"] > 0 and box["height"] > 0, f"figure {index} is not visible"
        assert outside == [], f"requests outside the machine: {outside}"
    finally:
        page.close()
