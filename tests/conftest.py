"""Shared test fixtures: the browser for the tests that drive a real Chromium."""

import os
import shutil

import pytest


# The tests read and check the kit's data in every process, as a first kernel does: nothing is kept between
# processes for them (test_lightness.py tests the keeping itself, in a folder of its own).
os.environ["BREAKING_ISOLATION_CACHE"] = "0"


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a minute (skip with -m 'not slow')")
    config.addinivalue_line("markers", "guards(claim): a test pinned to the kit's live data, naming the lesson "
                                       "claim it guards (list them with -m guards -v)")


def pytest_collection_modifyitems(config, items):
    """A guards marker names its claim: one non-empty text, so that a failure says which lesson to revisit."""
    for item in items:
        for mark in item.iter_markers("guards"):
            if len(mark.args) != 1 or not isinstance(mark.args[0], str) or not mark.args[0].strip():
                raise pytest.UsageError(f"{item.nodeid}: guards() takes the lesson claim it guards, as one text")


def pytest_runtest_makereport(item, call):
    """A failing guard says which lesson claim the data no longer supports."""
    if call.when == "call" and call.excinfo is not None:
        for mark in item.iter_markers("guards"):
            item.add_report_section("call", "guards", f"this lesson claim no longer holds: {mark.args[0]}")


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium. Missing: skip with how to get it, except in CI, where a missing browser fails."""
    path = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if path is None:
        message = "the browser tests need Debian's Chromium: sudo apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    """One headless Chromium for the session, started by Playwright for Python (never its own browser build)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
