"""A student's path in a real JupyterLab: start it as `make lab` does, open each notebook, Run All, look.

The server runs the `make lab` recipe (read from the Makefile) on a copy of the kit, so Run All never touches
the committed notebooks, and it is shut down whatever happens. Where the machine allows it (`unshare`), the
server and the browser run in a network namespace of their own that has no way out but the loopback, so the
notebooks are shown to run offline. Timings and screenshots go to test-artifacts/.
"""

import csv
import io
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

import nbformat
from nbformat.sign import NotebookNotary

import page_checks
from conftest import CHROMIUM_ARGS

import build_slides  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "jupyter"))
import kit_server  # noqa: E402
import build_student  # noqa: E402
import collapse_solutions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
TOKEN = "kit-browser-test"
START_TIMEOUT_S = 180  # a bound, not a measure (timed below): a shared, busy machine can take minutes
RUN_TIMEOUT_MS = 180_000
ANNOUNCEMENTS = "@jupyterlab/apputils-extension:announcements"
# What a failed attempt to reach the network looks like in the server's debug log or a kernel's output (in
# the namespace every such attempt fails; JupyterLab logs a failed news or update fetch at debug level).
NETWORK_FAILURES = re.compile(r"Network is unreachable|name resolution|Name or service not known|gaierror|"
                              r"ENETUNREACH|EAI_AGAIN|Failed to get|urlopen error", re.I)
# Lab shows an error (and any stderr text) as application/vnd.jupyter.stderr; an error has a traceback.
STDERR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|Cell In\[\d+\], line \d+|\b\w+(Error|Exception): ")
TIMINGS: list[str] = []


def make_lab_command(target: str = "lab") -> list[str]:
    """The Makefile's `lab` recipe (or `lab-teacher`), with this environment's `jupyter`: the README's main command."""
    recipe = re.search(rf"^{re.escape(target)}:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"),
                       re.M).group(1)
    words = shlex.split(recipe)
    assert words[0] == "$(BIN)/jupyter" and words[1] == "lab", recipe
    return [str(Path(sys.executable).parent / "jupyter"), *words[1:]]


def _can_isolate() -> bool:
    """True where this user may run a process in a new network namespace with the loopback up."""
    if not all(shutil.which(tool) for tool in ("unshare", "nsenter", "ip")):
        return False
    probe = subprocess.run(["unshare", "--net", "--", "ip", "link", "set", "lo", "up"], capture_output=True)
    return probe.returncode == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _timing(line: str) -> None:
    TIMINGS.append(line)
    print(line)
    (ARTIFACTS / "lab-timings.txt").write_text("\n".join(TIMINGS) + "\n", encoding="utf-8")


def _serve(work: Path, target: str, isolate: bool):
    """JupyterLab from the Makefile's `target` recipe, on a copy of the kit in `work`; yields how to reach it."""
    ARTIFACTS.mkdir(exist_ok=True)
    kit = work / "kit"
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for folder in ("notebooks", "data", "jupyter", "lessons", "tools"):
        shutil.copytree(ROOT / folder, kit / folder, ignore=ignore)
    for name in ("student-edition.toml", "README.md"):  # what decides the student's view, and what it hides
        shutil.copy(ROOT / name, kit / name)
    build_student.build(kit / "notebooks", kit / "build" / "student")  # the classroom notebooks, as make student
    # Nothing of the developer's own Jupyter set-up counts, and nothing is written into their home folder.
    # No PYTHONPATH either: the notebooks import the kit's package from their own folder, as on Binder.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith(("JUPYTER", "JPY"))}
    for variable, folder in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                             ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTERLAB_SETTINGS_DIR", "user-settings"),
                             ("JUPYTERLAB_WORKSPACES_DIR", "workspaces")]:
        env[variable] = str(work / folder)
    port = _free_port()
    command = [*make_lab_command(target), "--no-browser", f"--port={port}", f"--IdentityProvider.token={TOKEN}",
               "--log-level=DEBUG"]
    isolated = isolate and _can_isolate()
    if isolated:  # a network namespace with only the loopback: nothing can leave the machine
        command = ["unshare", "--net", "--", "sh", "-c", 'ip link set lo up && exec "$@"', "lab", *command]
    log = ARTIFACTS / f"{target}-server.log"
    started = time.perf_counter()
    with log.open("w") as log_file:
        server = subprocess.Popen(command, cwd=kit, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            ready = re.compile(rf"http://127\.0\.0\.1:{port}/lab\S*\?token=")
            while not ready.search(log.read_text(encoding="utf-8", errors="replace")):
                assert server.poll() is None, log.read_text(encoding="utf-8", errors="replace")[-3000:]
                assert time.perf_counter() - started < START_TIMEOUT_S, f"no JupyterLab within {START_TIMEOUT_S} s"
                time.sleep(0.1)
            where = "in a network namespace with no way out" if isolated else "not isolated"
            _timing(f"make {target}: JupyterLab started in {time.perf_counter() - started:.1f} s ({where})")
            yield {"base": f"http://127.0.0.1:{port}", "pid": server.pid, "isolated": isolated, "log": log,
                   "work": work}
        finally:
            _stop(server)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, chromium_path):
    """`make lab`: the student's view, offline where the machine allows it."""
    TIMINGS.clear()
    yield from _serve(tmp_path_factory.mktemp("lab"), "lab", isolate=True)


@pytest.fixture(scope="module")
def teacher_lab(tmp_path_factory, chromium_path):
    """`make lab-teacher`: everything, the teacher's notebooks, plans and keys too (reached from the test's browser)."""
    yield from _serve(tmp_path_factory.mktemp("teacher-lab"), "lab-teacher", isolate=False)


def _stop(server: subprocess.Popen) -> None:
    """Stop the server and its kernels (its whole process group), by force if it does not stop in time."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, None)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:  # already gone
            pass
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def lab_browser(lab, browser, chromium_path):
    """The session's Chromium, or, when the server is isolated, a second one inside the server's namespace."""
    if not lab["isolated"]:
        yield browser
        return
    wrapper = lab["work"] / "chromium-in-namespace"
    wrapper.write_text(f'#!/bin/sh\nexec nsenter --net=/proc/{lab["pid"]}/ns/net -- '
                       f'{shlex.quote(chromium_path)} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    inside = browser.browser_type.launch(executable_path=str(wrapper), args=CHROMIUM_ARGS)
    try:
        yield inside
    finally:
        inside.close()


def _new_page(browser, base: str):
    """A fresh browser page that records every request it makes outside the server at `base`."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.outside = []
    page.on("request", lambda request: page.outside.append(request.url)
            if not request.url.startswith((base, "data:", "blob:")) else None)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(lab, lab_browser):
    yield from _new_page(lab_browser, lab["base"])


@pytest.fixture
def teacher_page(teacher_lab, browser):
    yield from _new_page(browser, teacher_lab["base"])


def _fetch(page, url: str) -> tuple[int, str]:
    """GET from inside the page (the browser shares the server's network, the test process may not)."""
    result = page.evaluate("async url => { const r = await fetch(url); return [r.status, await r.text()]; }", url)
    return result[0], result[1]


def _api(page, base: str, path: str):
    status, body = _fetch(page, f"{base}{path}{'&' if '?' in path else '?'}token={TOKEN}")
    assert status == 200, (path, status, body[:500])
    return json.loads(body)


def _open(page, base: str, path: str) -> float:
    """Open a notebook in a workspace of its own; return the seconds until its kernel is ready."""
    started = time.perf_counter()
    page.goto(f"{base}/lab/workspaces/{Path(path).stem}/tree/{path}?reset&token={TOKEN}")
    # The kernel's name shows once a kernel is attached; only then is Run All safe.
    page.locator(".jp-NotebookPanel-toolbar .jp-KernelName", has_text="Python 3").wait_for(timeout=60_000)
    page.locator(".jp-NotebookPanel-toolbar [data-status='idle']").first.wait_for(timeout=60_000)
    return time.perf_counter() - started


def test_lab_keeps_the_token_and_makes_no_request_outside(lab, lab_browser, page):
    base = lab["base"]
    anonymous = lab_browser.new_context()  # no token, no cookie: Jupyter's default security stays on
    try:
        assert anonymous.new_page().goto(f"{base}/api/contents").status == 403
    finally:
        anonymous.close()

    page.goto(f"{base}/lab?token={TOKEN}")
    config = json.loads(page.locator("#jupyter-config-data").text_content())
    assert ANNOUNCEMENTS in config["disabledExtensions"]  # no news feed, no update check in the page
    assert config["news"] == {"disabled": True}
    schema = _api(page, base, "/lab/api/settings/@jupyterlab/apputils-extension:notification")["schema"]
    assert schema["properties"]["fetchNews"]["default"] == "false"
    assert schema["properties"]["checkForUpdates"]["default"] is False
    manager = _api(page, base, "/lab/api/settings/@jupyterlab/extensionmanager-extension:plugin")["schema"]
    assert manager["properties"]["enabled"]["default"] is False
    # And the server side, should a page ask anyway: no news, no update, no search for extensions.
    assert _api(page, base, "/lab/api/news") == {"news": []}
    assert _api(page, base, "/lab/api/update") == {"notification": None}
    status, _ = _fetch(page, f"{base}/lab/api/extensions?query=jupyterlab&page=1&per_page=10&token={TOKEN}")
    assert status == 200
    assert page.outside == [], f"requests outside the machine: {page.outside}"
    if lab["isolated"]:
        assert os.readlink(f"/proc/{lab['pid']}/ns/net") != os.readlink("/proc/self/ns/net")


# --- what a student sees on opening a notebook, before running anything -------------------------------------
# These run before the Run All test below, which saves the notebooks it runs (and so makes them trusted).

# Where a student opens the kit: the classroom build (make student) and the kit's own notebooks (self-study,
# make lab, Binder, a hub).
VIEWS = [f"build/student/{name}" for name in NOTEBOOKS] + [f"notebooks/{name}" for name in NOTEBOOKS]

CELL_VIEW_JS = r"""() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')].map(cell => {
    cell.scrollIntoView();
    const area = cell.querySelector('.jp-OutputArea');
    return {
        text: cell.innerText,
        images: [...cell.querySelectorAll('.jp-OutputArea-output img')].map(img => {
            const box = img.getBoundingClientRect();
            return {alt: img.alt, width: box.width, height: box.height, loaded: img.complete && img.naturalWidth > 0,
                    room: area ? area.clientWidth : 0,
                    mime: img.closest('[data-mime-type]')?.dataset.mimeType};
        }),
    };
})"""


# The cells of output tables whose text is right-aligned and is no number (a count, a share, a year); a column's
# heading may sit on the right above its numbers.
TEXT_ALIGNED_RIGHT_JS = r"""() => [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output table :is(td, tbody th)')]
    .filter(c => getComputedStyle(c).textAlign === 'right' && c.textContent.trim()
                 && !/^[-+−]?[\d.,\u00a0 %]+$/.test(c.textContent.trim()))
    .map(c => c.textContent.trim())"""


def _stored_figures(cell) -> list[str]:
    """The alt text of each figure a cell's stored outputs hold."""
    return [str(o.get("metadata", {}).get("image/svg+xml", {}).get("alt", "")) for o in cell.get("outputs", [])
            if "image/svg+xml" in o.get("data", {})]


def _first_line(cell) -> str:
    return next((line.strip() for line in cell.source.splitlines() if line.strip()), "")


@pytest.mark.parametrize("path", VIEWS)
def test_a_student_opening_a_notebook_sees_its_figures_and_no_answers(teacher_lab, teacher_page, path):
    """Open without running and without trusting (a fresh copy, as cloned or pulled): every figure shows as
    an image with its alt text; no solution, no "✔ Right" and no speaker notes are in sight; a table's text
    reads from the left. (`make lab-teacher` serves both the classroom build and the kit's notebooks; the
    student's working copies are opened and run below.)"""
    lab, page = teacher_lab, teacher_page
    notebook = nbformat.read(lab["work"] / "kit" / path, as_version=4)
    notary = NotebookNotary(data_dir=str(lab["work"] / "data"))
    assert not notary.check_signature(notebook), f"{path} is trusted: the test must see it as a fresh clone does"
    page.goto(f"{lab['base']}/lab/workspaces/view-{Path(path).stem}/tree/{path}?reset&token={TOKEN}")
    cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell")
    expect_count = len(notebook.cells)
    page.wait_for_function("([selector, n]) => document.querySelectorAll(selector).length === n",
                           arg=[".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell", expect_count],
                           timeout=RUN_TIMEOUT_MS)  # Lab adds long notebooks' cells in idle time
    page.wait_for_timeout(500)  # the outputs render just after the cells
    seen = page.evaluate(CELL_VIEW_JS)
    assert len(seen) == cells.count() == expect_count
    name = path.replace("/", "-").removesuffix(".ipynb")
    figure = page.locator(".jp-OutputArea-output img").first
    if figure.count():  # what the student sees first: a figure, as it shows before anything is run
        figure.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"lab-view-{name}-figure.png"))
    solution = next((i for i, c in enumerate(notebook.cells) if "solution" in c.metadata.get("tags", [])), None)
    if solution is not None:  # and a collapsed solution
        cells.nth(solution).scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"lab-view-{name}-solution.png"))
    problems = []
    for index, (cell, shown) in enumerate(zip(notebook.cells, seen)):
        where = f"{path} cell {index} ({_first_line(cell)[:40]!r})"
        alts = _stored_figures(cell)
        images = shown["images"]
        if len(images) != len(alts):
            problems.append(f"{where}: {len(alts)} figures stored, {len(images)} shown as images")
        for alt, image in zip(alts, images):
            if not image["alt"].strip() or image["alt"] != alt:
                problems.append(f"{where}: the image's alt is {image['alt'][:40]!r}, not the figure's alt text")
            if not (image["loaded"] and image["width"] > 0 and image["height"] > 0):
                problems.append(f"{where}: the figure takes no room or did not load")
            if image["width"] > image["room"] + 1:
                problems.append(f"{where}: the figure is {image['width'] - image['room']:.0f} px wider than the column")
        if "[Figure]" in shown["text"]:
            problems.append(f"{where}: a figure shows as its text, not as an image")
        if "✔" in shown["text"]:
            problems.append(f"{where}: shows a right answer before the student has answered")
        tags = set(cell.metadata.get("tags", []))
        secret = "solution" in tags or build_slides.slide_type(cell) == "notes"
        # Lab shows the first line of a collapsed cell: it must be a label; nothing after it may be in sight.
        visible = " ".join(shown["text"].split())
        lines = [" ".join(line.split())[:60] for line in cell.source.splitlines() if line.strip()]
        if secret and (not collapse_solutions.is_label(cell.source.splitlines()[0] if cell.source else "")
                       or any(line in visible for line in lines[1:] if len(line) > 3)):
            problems.append(f"{where}: a {'solution' if 'solution' in tags else 'speaker note'} is in sight")
        if path.startswith("build/") and (secret or "Speaker notes" in shown["text"]):
            problems.append(f"{where}: the classroom build holds a solution or speaker notes")
    # Text in a table reads from the left (Lab right-aligns output tables); numbers may stay on the right.
    right = page.evaluate(TEXT_ALIGNED_RIGHT_JS)
    problems += [f"{path}: a table's text is right-aligned: {text!r}" for text in right[:5]]
    assert problems == [], "\n".join(problems)

    findings = page_checks.axe_findings(page, page_checks.axe_script(), excluded=page_checks.LAB_OWN_FINDINGS)
    (ARTIFACTS / f"axe-lab-{path.replace('/', '-')}.txt").write_text(page_checks.summary(findings) + "\n")
    assert findings == [], page_checks.summary(findings)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_student_runs_every_notebook_in_the_browser(lab, page, name):
    base = lab["base"]
    stored = kit_server.working_version(nbformat.read(ROOT / "notebooks" / name, as_version=4))
    figures = sum("image/svg+xml" in o.get("data", {}) for c in stored.cells if c.cell_type == "code"
                  for o in c.get("outputs", []))
    opened = _open(page, base, f"{kit_server.WORK}/{name}")  # the student's working copy
    started = time.perf_counter()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()  # Lab's own Run All command
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_function(  # every code cell has run, or one has failed (Run All stops there)
        """([selector, traceback]) => {
            const failed = [...document.querySelectorAll(selector)]
                .some(output => new RegExp(traceback).test(output.textContent));
            // A collapsed cell (a solution, say) renders no editor and an empty prompt even after it ran.
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                .filter(p => p.closest('.jp-CodeCell').querySelector('.jp-InputArea-editor'));
            return failed || (prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent)));
        }""", arg=[STDERR, TRACEBACK.pattern], timeout=RUN_TIMEOUT_MS)
    page.locator(".jp-NotebookPanel-toolbar [data-status='idle']").first.wait_for(timeout=RUN_TIMEOUT_MS)
    seconds = time.perf_counter() - started
    _timing(f"{name}: open to kernel ready {opened:.1f} s; Run All {seconds:.1f} s")

    errors = page.locator(STDERR).filter(has_text=TRACEBACK)
    images = page.locator(".jp-OutputArea-output img")
    shown = errors if errors.count() else images  # the screenshot shows the first error, else the first figure
    if shown.count():
        shown.first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"lab-{Path(name).stem}.png"))
    assert errors.count() == 0, errors.first.inner_text()[:2000]
    # Run All unfolds nothing that answers a question: no speaker notes, every solution still folded.
    assert "Speaker notes" not in page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").inner_text()
    assert page.locator("details[open]").count() == 0
    assert images.count() >= figures, f"{images.count()} figures shown, {figures} stored"
    for index in range(images.count()):
        image = images.nth(index)
        box = image.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0, f"figure {index} takes no room"
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), f"figure {index} did not load"
    assert page.outside == [], f"requests outside the machine: {page.outside}"
    wide = page.evaluate("""() => [...document.querySelectorAll('.jp-OutputArea-output img')]
        .filter(img => img.getBoundingClientRect().width > img.closest('.jp-OutputArea').clientWidth + 1).length""")
    if wide:  # noted, not failed: the student scrolls sideways to see the whole figure
        _timing(f"{name}: {wide} of {images.count()} figures are wider than the notebook at 1400 px")


def test_the_glossary_opens_rendered_from_the_start_here_notebook(lab, page):
    _open(page, lab["base"], f"{kit_server.WORK}/00-start-here.ipynb")
    page.locator(".jp-RenderedMarkdown a[href*='glossary.md']").first.click()
    preview = page.locator(".jp-RenderedMarkdown h1", has_text="Glossary")
    preview.wait_for(timeout=30_000)
    assert page.locator(".jp-RenderedMarkdown h2").count() >= 10  # one heading a term, rendered, not source


# --- the walk of a student working alone: from the address `make lab` prints to a folded solution ------------

def _printed_address(lab) -> str:
    """The address the server printed for the student to open (its token shown as "..." when set in config)."""
    text = lab["log"].read_text(encoding="utf-8", errors="replace")
    address = re.search(r"http://127\.0\.0\.1:\d+/\S*\?token=\S+", text).group(0)
    return re.sub(r"token=\S+", f"token={TOKEN}", address)


def _panel(page):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_function("""() => {
        const prompts = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]
            .filter(p => p.closest('.jp-CodeCell').querySelector('.jp-InputArea-editor'));
        return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
    }""", timeout=RUN_TIMEOUT_MS)
    page.locator(".jp-NotebookPanel-toolbar [data-status='idle']").first.wait_for(timeout=RUN_TIMEOUT_MS)


def _cell(page, notebook, cell_id: str):
    """The cell of the open notebook whose id is `cell_id` (Lab keeps the order of the stored cells)."""
    index = [c.get("id") for c in notebook.cells].index(cell_id)
    return _panel(page).locator(".jp-Notebook .jp-Cell").nth(index)


def test_walk_1_the_printed_address_opens_the_working_copy_of_the_start(lab, page):
    page.goto(_printed_address(lab))
    page.locator(".jp-NotebookPanel-toolbar .jp-KernelName", has_text="Python 3").wait_for(timeout=60_000)
    assert f"/lab/tree/{kit_server.WORK}/00-start-here.ipynb" in page.url
    assert page.locator(".lm-TabBar-tab.lm-mod-current", has_text="00-start-here.ipynb").count() >= 1
    _panel(page).locator("h1", has_text="Breaking Isolation").wait_for()
    assert "Speaker notes" not in _panel(page).inner_text()
    page.screenshot(path=str(ARTIFACTS / "walk-1-start.png"))


def test_walk_2_a_document_opens_rendered_from_its_link(lab, page):
    _open(page, lab["base"], f"{kit_server.WORK}/00-start-here.ipynb")
    _panel(page).locator("a[href*='doc-1924-british-note-of-recognition']").first.click()
    viewer = page.locator(".jp-MarkdownViewer:not(.lm-mod-hidden) .jp-RenderedMarkdown")
    viewer.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    text = viewer.inner_text()
    assert "recogni" in text.lower() and len(text) > 200, text[:300]
    page.screenshot(path=str(ARTIFACTS / "walk-2-document.png"))


def test_walk_3_edits_are_saved_in_the_working_copy_and_the_original_is_untouched(lab, page):
    kit = lab["work"] / "kit"
    original = (kit / "notebooks" / "00-start-here.ipynb").read_bytes()
    _open(page, lab["base"], f"{kit_server.WORK}/00-start-here.ipynb")
    notebook = nbformat.read(kit / kit_server.WORK / "00-start-here.ipynb", as_version=4)
    code = next(c for c in notebook.cells if c.cell_type == "code" and "change this year" in c.source)
    editor = _cell(page, notebook, code.id).locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n# my note: 1927 was the year of the breaks")
    page.keyboard.press("Control+s")
    saved = kit / kit_server.WORK / "00-start-here.ipynb"
    for _ in range(100):
        if "my note: 1927" in saved.read_text(encoding="utf-8"):
            break
        page.wait_for_timeout(100)
    assert "my note: 1927" in saved.read_text(encoding="utf-8")
    assert (kit / "notebooks" / "00-start-here.ipynb").read_bytes() == original

    # In the student's view the original is not there: not opened, not saved over.
    status = page.evaluate("""async ([url, body]) => (await fetch(url, {method: 'PUT', body,
        headers: {'Content-Type': 'application/json'}})).status""",
        [f"{lab['base']}/api/contents/notebooks/00-start-here.ipynb?token={TOKEN}",
         json.dumps({"type": "file", "format": "text", "content": "overwritten"})])
    assert status == 400  # Jupyter's answer to a save into a hidden path
    assert (kit / "notebooks" / "00-start-here.ipynb").read_bytes() == original


def test_the_teachers_notebooks_open_read_only(teacher_lab, teacher_page):
    """`make lab-teacher` opens the kit's originals: Save is refused with a message, and so is a save through
    the server."""
    lab, page = teacher_lab, teacher_page
    kit = lab["work"] / "kit"
    original = (kit / "notebooks" / "00-start-here.ipynb").read_bytes()
    _open(page, lab["base"], "notebooks/00-start-here.ipynb")
    _panel(page).locator(".jp-Notebook .jp-CodeCell .cm-content").last.click()
    page.keyboard.type("# an edit")
    page.keyboard.press("Control+s")
    page.get_by_text(re.compile("read-only")).first.wait_for(timeout=10_000)
    status = page.evaluate("""async ([url, body]) => (await fetch(url, {method: 'PUT', body,
        headers: {'Content-Type': 'application/json'}})).status""",
        [f"{lab['base']}/api/contents/notebooks/00-start-here.ipynb?token={TOKEN}",
         json.dumps({"type": "file", "format": "text", "content": "overwritten"})])
    assert status == 403
    assert (kit / "notebooks" / "00-start-here.ipynb").read_bytes() == original
    page.screenshot(path=str(ARTIFACTS / "teacher-read-only.png"))



def _exercise(notebook, name: str):
    """The answer cell of exercise `name`: the exercise cell just above the check that names it."""
    cells = notebook.cells
    return next(c for c, after in zip(cells, cells[1:])
                if "exercise" in c.metadata.get("tags", []) and f'kit.check("{name}"' in after.source)

def test_walk_4_run_all_a_wrong_answer_a_glossary_link_and_a_solution_by_keyboard(lab, page):
    kit = lab["work"] / "kit"
    path = f"{kit_server.WORK}/01-recognition.ipynb"
    notebook = nbformat.read(kit / path, as_version=4)
    _open(page, lab["base"], path)
    _run_all(page)
    assert page.locator(STDERR).filter(has_text=TRACEBACK).count() == 0
    assert page.locator("details[open]").count() == 0  # Run All opens no solution

    # A wrong answer: the check says so, and shows no right mark.
    exercise = _exercise(notebook, "recognition-1")  # a whole number: "answer = 0" is wrong, not unreadable
    check = notebook.cells[notebook.cells.index(exercise) + 1]
    _cell(page, notebook, exercise.id).locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.type("answer = 0")
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")  # the check cell, next
    output = _cell(page, notebook, check.id).locator(".jp-OutputArea-output")
    output.first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    verdict = output.first.inner_text()
    assert "✔" not in verdict and "Not right" in verdict, verdict

    # A glossary link lands on its term, not at the top of the glossary.
    linking = next(c for c in notebook.cells if "glossary.md#de-jure-recognition" in c.source)
    _cell(page, notebook, linking.id).scroll_into_view_if_needed()
    link = _cell(page, notebook, linking.id).locator("a[href*='glossary.md'][href$='#de-jure-recognition']").first
    link.click()
    term = page.locator(".jp-MarkdownViewer:not(.lm-mod-hidden) [data-jupyter-id='de-jure-recognition']")  # Lab keeps an anchor's id as data-jupyter-id
    term.wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(1000)
    scroller = page.locator(".jp-MarkdownViewer:not(.lm-mod-hidden)")
    top = term.evaluate("a => a.getBoundingClientRect().top")
    box = scroller.bounding_box()
    assert box["y"] - 5 <= top <= box["y"] + box["height"] / 3, (top, box)
    page.screenshot(path=str(ARTIFACTS / "walk-4-glossary.png"))

    # A folded solution from the keyboard. Enter on its selected cell (Lab's key for "edit") keeps it rendered
    # and folded, not its Markdown source; Tab reaches its summary; Enter opens it and Space folds it again.
    page.locator(".lm-TabBar-tab", has_text="01-recognition.ipynb").first.click()
    folded = next(c for c in notebook.cells if "<details>" in c.source)
    before = notebook.cells[[c.id for c in notebook.cells].index(folded.id) - 1]
    cell = _cell(page, notebook, folded.id)
    cell.scroll_into_view_if_needed()
    _cell(page, notebook, before.id).locator(".jp-InputPrompt").first.click()
    page.keyboard.press("Escape")  # command mode, as after Shift+Enter
    page.keyboard.press("ArrowDown")  # the solution's cell is selected
    assert "jp-mod-active" in cell.get_attribute("class")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    summary = cell.locator("details > summary")
    assert summary.count() == 1 and not cell.locator(".cm-editor").is_visible(), "Enter showed the Markdown source"
    assert not summary.evaluate("s => s.parentElement.open")
    for _ in range(3):  # Lab's cell toolbar (shown once Enter is pressed) comes first
        page.keyboard.press("Tab")
        if summary.evaluate("s => document.activeElement === s"):
            break
    assert summary.evaluate("s => document.activeElement === s"), "three Tabs did not reach the solution's summary"
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert summary.evaluate("s => s.parentElement.open"), "Enter did not open the solution"
    assert not cell.locator(".cm-editor").is_visible()
    # the kit's Lab settings (jupyter/lab-settings/page_config.json) switch off the cell toolbar, which Lab drew
    # over an open solution's summary line
    assert not cell.locator(".jp-cell-toolbar").first.is_visible(), "the cell toolbar covers the solution's summary"
    page.screenshot(path=str(ARTIFACTS / "walk-4-solution.png"))
    page.keyboard.press("Space")
    page.wait_for_timeout(300)
    assert not summary.evaluate("s => s.parentElement.open"), "Space did not fold the solution again"


# The notebooks with exercises, and the laptop screen a class most often has.
EXERCISE_NOTEBOOKS = [name for name in NOTEBOOKS if any(
    kit_server.EXERCISE_HEADING.search(c.source) for c in nbformat.read(ROOT / "notebooks" / name, as_version=4).cells)]
LAPTOP = {"width": 1366, "height": 768}
FOCUSED = """() => {
    const e = document.activeElement, cells = [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')];
    return {tag: e.tagName, cell: cells.indexOf(e.closest('.jp-Cell')),
            open: cells.map((c, i) => [...c.querySelectorAll('details')].some(d => d.open) ? i : -1).filter(i => i >= 0)};
}"""


def _exercise_of(notebook, index: int) -> str:
    """The exercise whose heading (### Exercise 2 ...) last comes above cell `index`, as "exercise 2"."""
    headings = [h for c in notebook.cells[:index] if c.cell_type == "markdown"
                for h in kit_server.EXERCISE_HEADING.findall(c.source)]
    return "exercise " + headings[-1].split()[-1]


@pytest.mark.parametrize("name", EXERCISE_NOTEBOOKS)
def test_each_solution_opens_by_keyboard_and_is_named_for_its_exercise(lab, lab_browser, name):
    """A keyboard or screen-reader user at 1366x768: from an exercise's check, Tab reaches its solution's summary
    (past at most the checking table, named for the same exercise), hears which exercise it answers, and Enter
    opens that solution and no other. One Tab on from a solution goes straight to the next exercise's solution
    (the exercise's heading and answer cell are no Tab stops), so that summary must say it is the next one's."""
    path = f"{kit_server.WORK}/{name}"
    notebook = nbformat.read(lab["work"] / "kit" / path, as_version=4)
    context = lab_browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    try:
        _open(page, lab["base"], path)
        cells = [i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown" and "<details>" in c.source]
        assert cells, f"{name} has exercises but no folded solution"
        for index in cells:
            exercise = _exercise_of(notebook, index)
            check = max(i for i, c in enumerate(notebook.cells[:index]) if "kit.check(" in c.source)
            _cell(page, notebook, notebook.cells[check].id).scroll_into_view_if_needed()
            _cell(page, notebook, notebook.cells[check].id).locator(".jp-InputPrompt").first.click()
            page.keyboard.press("Escape")  # command mode on the check cell, as after running it
            names = []
            for tabs in range(1, 4):
                page.keyboard.press("Tab")
                focused = page.evaluate(FOCUSED)
                assert focused["tag"] == "SUMMARY" and focused["cell"] <= index, (
                    f"{name}: Tab {tabs} from the check of {exercise} went to {focused['tag']} in cell "
                    f"{focused['cell']}, not to a fold before or at its solution (cell {index})")
                names.append(page.locator(":focus").aria_snapshot())
                if focused["cell"] == index:
                    break
            assert focused["cell"] == index, f"{name}: three Tabs from the check did not reach {exercise}'s solution"
            # What a screen reader says of each control on the way: the exercise it belongs to.
            assert all(re.search(rf"\b{exercise}\b", said, re.I) for said in names), (name, exercise, names)
            assert re.search(rf"Solution to {exercise}\b", names[-1], re.I), (name, exercise, names[-1])
            page.keyboard.press("Enter")
            page.wait_for_timeout(300)
            assert page.evaluate(FOCUSED)["open"] == [index], f"{name}: Enter opened another fold than {exercise}'s"
            page.keyboard.press("Enter")  # folded again, for the next exercise
            page.wait_for_timeout(200)
            assert page.evaluate(FOCUSED)["open"] == []
        page.screenshot(path=str(ARTIFACTS / f"walk-keys-{Path(name).stem}.png"))
    finally:
        context.close()


def test_walk_5_a_typo_is_not_graded_as_the_previous_answer(lab, page):
    """After an answer, a typo in the answer cell (`answr = 23`): the check refuses, it does not grade the old one."""
    kit = lab["work"] / "kit"
    path = f"{kit_server.WORK}/01-recognition.ipynb"
    notebook = nbformat.read(kit / path, as_version=4)
    _open(page, lab["base"], path)
    _run_all(page)
    exercise = _exercise(notebook, "recognition-1")  # a whole number: "answer = 0" is wrong, not unreadable
    check = notebook.cells[notebook.cells.index(exercise) + 1]
    output = _cell(page, notebook, check.id).locator(".jp-OutputArea-output")
    for typed in ("answer = 0", "answr = 23"):  # an answer the check grades, then the same cell with a typo
        _cell(page, notebook, exercise.id).locator(".cm-content").click()
        page.keyboard.press("Control+a")
        page.keyboard.type(typed)
        page.keyboard.press("Shift+Enter")
        page.keyboard.press("Shift+Enter")  # the check cell, next
        output.first.wait_for(timeout=30_000)
        page.wait_for_timeout(800)
    verdict = output.first.inner_text()
    assert "✔" not in verdict and "Not right" not in verdict, verdict  # the old answer (0) is not graded
    assert "again" in verdict and "answr" in verdict, verdict
    page.screenshot(path=str(ARTIFACTS / "walk-5-typo.png"))


KEY = "lessons/keys/doc-1924-british-note-of-recognition.md"  # a document key: "For the teacher only"
PLAN = "lessons/01-recognition.md"


def _listing(page, base: str, folder: str) -> list[str]:
    """The names Lab's file browser lists in `folder`, opened from its address."""
    page.goto(f"{base}/lab/workspaces/browse/tree/{folder}?reset&token={TOKEN}")
    crumbs = page.locator(".jp-BreadCrumbs")
    crumbs.filter(has_text=folder.split("/")[-1]).first.wait_for(timeout=60_000)
    page.locator(".jp-DirListing-item").first.wait_for(timeout=60_000)
    page.wait_for_timeout(500)
    return [t.strip() for t in page.locator(".jp-DirListing-item .jp-DirListing-itemText").all_inner_texts()]


def _opens_key(page, base: str) -> bool:
    """Whether the key's address opens the key in Lab (its heading shown)."""
    page.goto(f"{base}/lab/workspaces/key/tree/{KEY}?reset&token={TOKEN}")
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^File$")).wait_for(timeout=60_000)  # Lab is up
    heading = page.locator(".jp-RenderedMarkdown h1", has_text="Key: The British note of recognition")
    try:
        heading.wait_for(timeout=10_000)
    except Exception:  # Playwright's TimeoutError: the key did not open
        page.screenshot(path=str(ARTIFACTS / "walk-6-key-address.png"))
        return False
    return True


def test_walk_6_the_student_view_has_no_keys_plans_or_teachers_notebooks(lab, page):
    """Self-study from a clone of the kit: `make lab` lists neither the keys nor the plans nor the teacher's
    notebooks, and their addresses open nothing; lesson 3's verdicts are served empty."""
    base = lab["base"]
    lessons = _listing(page, base, "lessons")
    assert {"handouts", "answer-sheets", "packs", "adapted"} <= set(lessons), lessons
    assert not {"keys", "README.md", Path(PLAN).name} & set(lessons), lessons
    shown = _listing(page, base, "notebooks")
    assert "glossary.md" in shown and not [n for n in shown if n.endswith(".ipynb")], shown
    page.screenshot(path=str(ARTIFACTS / "walk-6-student-view.png"))
    assert not _opens_key(page, base)
    assert "For the teacher only" not in page.locator("body").inner_text()
    for address in (f"/files/{KEY}", f"/api/contents/{KEY}", "/api/contents/lessons/keys", f"/files/{PLAN}",
                    "/api/contents/notebooks/01-recognition.ipynb"):
        status, body = _fetch(page, f"{base}{address}?token={TOKEN}")
        assert status == 404 and "For the teacher only" not in body, (address, status)
    claims = _api(page, base, "/api/contents/data/country-study-claims.csv?format=text&type=file")
    rows = list(csv.DictReader(io.StringIO(claims["content"])))
    assert rows and not any(row["verdict"] or row["reasoning"] for row in rows)
    assert all(row["quote"] for row in rows)


def test_the_teacher_view_opens_the_keys(teacher_lab, teacher_page):
    lessons = _listing(teacher_page, teacher_lab["base"], "lessons")
    assert {"keys", Path(PLAN).name, "handouts"} <= set(lessons), lessons
    assert _opens_key(teacher_page, teacher_lab["base"])
    teacher_page.screenshot(path=str(ARTIFACTS / "teacher-key.png"))


def test_no_process_of_the_server_tried_to_reach_the_network(lab):
    """Runs last: what the server and every kernel logged during the tests above."""
    text = lab["log"].read_text(encoding="utf-8", errors="replace")
    assert not NETWORK_FAILURES.findall(text), [line for line in text.splitlines() if NETWORK_FAILURES.search(line)]


def test_postbuild_installs_the_kit_lab_settings_where_binder_reads_them(tmp_path):
    prefix, home = tmp_path / "env", tmp_path / "home"
    env = {**os.environ, "NB_PYTHON_PREFIX": str(prefix), "HOME": str(home)}
    subprocess.run(["bash", str(ROOT / "postBuild")], cwd=tmp_path, env=env, check=True, capture_output=True)
    settings = prefix / "share" / "jupyter" / "lab" / "settings"
    for name in ("overrides.json", "page_config.json"):
        assert (settings / name).read_bytes() == (ROOT / "jupyter" / "lab-settings" / name).read_bytes()
    for name in ("jupyter_server_config.py", "kit_server.py"):
        assert (prefix / "etc" / "jupyter" / name).read_bytes() == (ROOT / "jupyter" / name).read_bytes()
    site = Path(sysconfig.get_path("purelib", vars={"base": str(prefix), "platbase": str(prefix)}))
    for module in ("kit_lazy_iri", "kit_hub_light"):
        assert (site / f"{module}.py").read_bytes() == (ROOT / "jupyter" / f"{module}.py").read_bytes()
        assert (site / f"{module}.pth").read_text() == f"import {module}\n"
