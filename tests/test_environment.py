"""environment.yml (conda, Binder) and requirements.txt (pip) must pin the same packages at the same versions."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(package: str) -> str:
    return re.sub(r"[-_.]+", "-", package).lower()


def pip_pins(text: str) -> dict[str, str]:
    pins = {}
    for line in text.splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep, f"requirements.txt: {line!r} is not pinned with =="
            pins[_name(name)] = version.strip()
    return pins


def conda_pins(text: str) -> dict[str, str]:
    pins = {}
    for entry in yaml.safe_load(text)["dependencies"]:
        assert isinstance(entry, str), "environment.yml: a nested pip section would escape this check"
        name, sep, version = entry.partition("=")
        assert sep and not version.startswith("="), f"environment.yml: {entry!r} is not pinned as name=version"
        pins[_name(name)] = version.strip()
    pins.pop("python")
    return pins


def disagreements(pip_text: str, conda_text: str) -> list[str]:
    pip, conda = pip_pins(pip_text), conda_pins(conda_text)
    found = []
    for name in sorted(pip.keys() | conda.keys()):
        if name not in conda:
            found.append(f"{name}: in requirements.txt, missing from environment.yml")
        elif name not in pip:
            found.append(f"{name}: in environment.yml, missing from requirements.txt")
        elif pip[name] != conda[name]:
            found.append(f"{name}: {pip[name]} in requirements.txt but {conda[name]} in environment.yml")
    return found


def test_pip_and_conda_pin_the_same_set():
    pip_text = (ROOT / "requirements.txt").read_text()
    conda_text = (ROOT / "environment.yml").read_text()
    assert disagreements(pip_text, conda_text) == []


def test_a_mismatch_is_caught():
    pip_text = "pandas==3.1.1\nnetworkx==3.6.1\nnbval==0.11.0\n"
    conda_text = "dependencies:\n  - python=3.11\n  - pandas=3.1.0\n  - networkx=3.6.1\n  - pytest=9.2.0\n"
    assert disagreements(pip_text, conda_text) == [
        "nbval: in requirements.txt, missing from environment.yml",
        "pandas: 3.1.1 in requirements.txt but 3.1.0 in environment.yml",
        "pytest: in environment.yml, missing from requirements.txt",
    ]


def test_environment_python_matches_the_kit():
    conda = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    assert "python=3.11" in conda
