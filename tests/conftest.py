"""Shared test fixtures: the browser for the tests that drive a real Chromium."""

import os
import shutil

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a minute (skip with -m 'not slow')")


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
