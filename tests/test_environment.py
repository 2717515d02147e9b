"""The kit's environments are exactly their locks, and the locks are exactly what the short lists ask for.

requirements.in (what the kit runs) and requirements-test.in (what the tests add) are the short lists;
`make lock` writes requirements.txt and requirements-test.txt from them. These tests fail when a list and its
lock disagree, when an installed environment is not its lock, when the student's environment holds a test
tool, and when conda or Binder could install anything but the lock.
"""

import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_IN, RUNTIME_LOCK = ROOT / "requirements.in", ROOT / "requirements.txt"
TEST_IN, TEST_LOCK = ROOT / "requirements-test.in", ROOT / "requirements-test.txt"
TEST_TOOLS = {"pytest", "pytest-xdist", "nbval", "playwright", "frictionless"}


# --- reading the files -------------------------------------------------------------------------------------

def asked(path: Path) -> list[Requirement]:
    """The requirements of a short list, following its `-r` includes (a `-c` constrains, it asks for nothing)."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line or line.startswith("-c"):
            continue
        if line.startswith("-r"):
            found += asked(path.parent / line[2:].strip())
        else:
            found.append(Requirement(line))
    return found


def locked(text: str) -> list[Requirement]:
    """Every entry of a lock file as `name==version ; marker`; an entry without a hash is an error."""
    entries = []
    for block in re.split(r"\n(?=\S)", text):
        head = block.split("\n")[0]
        if not head.strip() or head.startswith("#"):
            continue
        requirement = Requirement(head.rstrip(" \\"))
        assert "--hash=sha256:" in block, f"{requirement.name}: locked without a hash"
        assert len(requirement.specifier) == 1 and next(iter(requirement.specifier)).operator == "==", \
            f"{head!r}: a lock entry must pin one version with =="
        entries.append(requirement)
    return entries


def pins_here(entries: list[Requirement], environment: dict | None = None) -> dict[str, str]:
    """The locked versions that apply on this machine's platform and Python, by canonical name."""
    pins = {}
    for entry in entries:
        if entry.marker is None or entry.marker.evaluate(environment or {}):
            name = canonicalize_name(entry.name)
            assert name not in pins, f"{name}: locked twice for this platform"
            pins[name] = next(iter(entry.specifier)).version
    return pins


def pinned(lock: Path) -> dict[str, str]:
    return pins_here(locked(lock.read_text(encoding="utf-8")))


# --- what the lists ask for, and what the locks hold ---------------------------------------------------------

def unpinned(wanted: list[Requirement], pins: dict[str, str]) -> list[str]:
    """Each asked-for package the lock lacks, or locks at a version the list does not allow."""
    problems = []
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{name}: asked for, not in the lock (run make lock)")
        elif not requirement.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{name}: asked for {requirement.specifier}, locked at {pins[name]} (run make lock)")
    return problems


def needed(wanted: list[Requirement], requires) -> set[str]:
    """Every package `wanted` pulls in on this platform, following `requires(name)` (extras included)."""
    environment = default_environment()
    seen: set[str] = set()
    todo = [(canonicalize_name(r.name), frozenset(r.extras)) for r in wanted]
    done: set[tuple] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in done:
            continue
        done.add((name, extras))
        seen.add(name)
        for text in requires(name):
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({**environment, "extra": e}) for e in (extras or {""})):
                todo.append((canonicalize_name(requirement.name), frozenset(requirement.extras)))
    return seen


def installed_requires(name: str) -> list[str]:
    return metadata.distribution(name).requires or []


def test_every_package_the_lists_ask_for_is_locked_at_a_version_they_allow():
    assert unpinned(asked(RUNTIME_IN), pinned(RUNTIME_LOCK)) == []
    assert unpinned(asked(TEST_IN), pinned(TEST_LOCK)) == []


def test_a_package_added_to_a_list_but_not_locked_is_caught():
    pins = {"pandas": "3.1.1", "networkx": "3.6.1"}
    wanted = [Requirement("pandas==3.1.1"), Requirement("networkx>=3.7"), Requirement("nbgitpuller==1.3.*")]
    assert unpinned(wanted, pins) == ["networkx: asked for >=3.7, locked at 3.6.1 (run make lock)",
                                      "nbgitpuller: asked for, not in the lock (run make lock)"]


def test_each_lock_holds_exactly_what_its_list_pulls_in():
    """Following the installed packages' own requirements from the list gives the lock: nothing more or less."""
    for wanted, lock in ((asked(RUNTIME_IN), RUNTIME_LOCK), (asked(TEST_IN), TEST_LOCK)):
        pins = pinned(lock)
        missing = {name for name in pins if not _installed(name)}
        if missing:
            pytest.skip(f"{sorted(missing)} not installed here: run the tests in the kit's test environment")
        pulled_in = needed(wanted, installed_requires)
        assert sorted(pulled_in - pins.keys()) == [], f"{lock.name}: needed but not locked (run make lock)"
        assert sorted(pins.keys() - pulled_in) == [], f"{lock.name}: locked but nothing asks for it (run make lock)"


def test_a_package_dropped_from_a_list_but_still_locked_is_caught():
    graph = {"a": ["b>=1", "c ; extra == 'fast'", "d ; sys_platform == 'no-such-platform'"], "b": [], "c": [],
             "d": [], "e": []}
    assert needed([Requirement("a")], graph.__getitem__) == {"a", "b"}
    assert needed([Requirement("a[fast]")], graph.__getitem__) == {"a", "b", "c"}


def test_the_test_lock_runs_the_very_versions_students_get():
    runtime, test = locked(RUNTIME_LOCK.read_text()), locked(TEST_LOCK.read_text())
    runtime_entries = {(canonicalize_name(r.name), str(r.specifier), str(r.marker)) for r in runtime}
    test_entries = {(canonicalize_name(r.name), str(r.specifier), str(r.marker)) for r in test}
    assert sorted(runtime_entries - test_entries) == []
    added = {name for name, _, _ in test_entries - runtime_entries}
    assert TEST_TOOLS <= added, "the test tools belong in the test lock only"
    assert not TEST_TOOLS & {canonicalize_name(r.name) for r in runtime}, "a test tool is in the students' lock"


def test_locks_cover_linux_macos_and_windows():
    """A universal lock: the packages each platform needs are there, each under its platform's marker."""
    entries = locked(RUNTIME_LOCK.read_text())
    for platform, os_name in (("linux", "posix"), ("darwin", "posix"), ("win32", "nt")):
        for python in ("3.11.2", "3.11.9", "3.12.4", "3.13.1"):
            environment = {"sys_platform": platform, "os_name": os_name, "python_full_version": python,
                           "python_version": ".".join(python.split(".")[:2]), "platform_system": platform}
            pins = pins_here(entries, environment)
            assert {"jupyterlab", "pandas", "ipykernel", "soupsieve"} <= pins.keys(), (platform, python)
    assert "pywinpty" in pins_here(entries, {"sys_platform": "win32", "os_name": "nt"})
    assert "appnope" in pins_here(entries, {"sys_platform": "darwin"})


def test_lock_headers_name_the_command_that_refreshes_them():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^lock:.*\n\t\$\(LOCK\).*requirements\.in -o requirements\.txt\n"
                     r"\t\$\(LOCK\).*requirements-test\.in -o requirements-test\.txt$", makefile, re.M)
    assert "--generate-hashes" in makefile and "--universal" in makefile
    for lock in (RUNTIME_LOCK, TEST_LOCK):
        assert lock.read_text().startswith("# This file was autogenerated by uv via the following command:\n"
                                           "#    make lock\n"), f"{lock.name}: not written by make lock"
    assert "-c requirements.txt" in TEST_IN.read_text(), "the test lock must be constrained to the students' lock"


# --- the installed environments -------------------------------------------------------------------------------

def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
        return True
    except metadata.PackageNotFoundError:
        return False


def distributions_of(python: Path) -> dict[str, str]:
    """name -> version of every package installed in the environment of `python`."""
    script = ("import json, importlib.metadata as m; "
              "print(json.dumps({d.metadata['Name']: d.version for d in m.distributions()}))")
    out = subprocess.run([str(python), "-c", script], capture_output=True, text=True, check=True, env={}).stdout
    return {canonicalize_name(name): version for name, version in json.loads(out).items()}


def disagreements(installed: dict[str, str], pins: dict[str, str]) -> list[str]:
    found = [f"{name} {installed[name]}: installed, not in the lock" for name in sorted(installed.keys() - pins.keys())]
    found += [f"{name}: locked, not installed" for name in sorted(pins.keys() - installed.keys())]
    found += [f"{name}: {installed[name]} installed, {pins[name]} locked" for name in sorted(installed.keys() & pins.keys())
              if Version(installed[name]) != Version(pins[name])]
    return found


def test_an_environment_that_strays_from_its_lock_is_caught():
    pins = {"pandas": "3.1.1", "networkx": "3.6.1", "nbval": "0.11.0"}
    installed = {"pandas": "3.1.0", "networkx": "3.6.1", "pip": "25.1"}
    assert disagreements(installed, pins) == ["pip 25.1: installed, not in the lock", "nbval: locked, not installed",
                                              "pandas: 3.1.0 installed, 3.1.1 locked"]


def _kit_environment(folder: str) -> Path | None:
    python = ROOT / folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if python.exists():
        return python
    if os.environ.get("CI"):
        pytest.fail(f"{folder} is missing: CI sets up both environments (make setup setup-test)")
    pytest.skip(f"{folder} is not set up here (make {'setup' if folder == '.venv' else 'setup-test'})")


def test_the_test_environment_is_exactly_its_lock():
    """pip list == lock: nothing floats, nothing extra (no pip or setuptools either: uv installs)."""
    python = _kit_environment(".venv-test")
    assert disagreements(distributions_of(python), pinned(TEST_LOCK)) == []


def test_the_students_environment_is_exactly_its_lock_with_no_test_tool():
    python = _kit_environment(".venv")
    installed = distributions_of(python)
    assert disagreements(installed, pinned(RUNTIME_LOCK)) == []
    assert not TEST_TOOLS & installed.keys()


# --- conda and Binder -----------------------------------------------------------------------------------------

def test_conda_asks_conda_forge_only_for_python_and_pip_and_installs_the_lock_through_pip():
    """Both paths read the same lock file, so conda, Binder and pip cannot drift apart."""
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert environment["channels"] == ["conda-forge", "nodefaults"]
    conda = [entry for entry in environment["dependencies"] if isinstance(entry, str)]
    pip = [entry for entry in environment["dependencies"] if isinstance(entry, dict)]
    assert conda == ["python=3.11", "pip"]
    assert pip == [{"pip": ["-r requirements.txt"]}]


def test_binder_and_the_hub_get_the_students_environment_only():
    post_build = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert "requirements-test" not in post_build and not re.search(r"\b(pytest|playwright|nbval)\b", post_build)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    installs = [line for line in re.findall(r"pip install [^`\n]*", readme) if "requirements" in line]
    assert installs, "the README gives the hub's install line"
    for line in installs:
        assert "--require-hashes -r requirements.txt" in line and "requirements-test" not in line, line


def test_the_kit_runs_on_python_3_11():
    assert sys.version_info[:2] >= (3, 11)
    assert "--python-version 3.11" in (ROOT / "Makefile").read_text()
