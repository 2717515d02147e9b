"""Lesson plans: every required part present, every cited event real, every link between kit files resolves."""

import json
import re
import sys
from pathlib import Path

import pytest

import breaking_isolation as kit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_handouts  # noqa: E402

PLANS = sorted((ROOT / "lessons").glob("0*.md"))
REQUIRED = ["Central question", "Learning objectives", "Prerequisites", "Timing", "Historical thinking skills",
            "Activities", "Discussion questions", "Differentiation", "Formative check", "Summative task",
            "Curriculum alignment", "No-computer fallback"]
EVENT_ID = re.compile(r"`(\d{4}-[a-z0-9]+(?:-[a-z0-9]+)+)`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def test_there_is_a_plan_per_notebook_and_one_on_the_source_text():
    names = [p.name for p in PLANS]
    assert names == ["01-recognition.md", "02-network.md", "03-reading-the-country-study.md"]
    for notebook in ("01-recognition.ipynb", "02-network.ipynb"):
        assert any(notebook in p.read_text(encoding="utf-8") for p in PLANS), notebook


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_plan_has_every_part_in_order(plan):
    headings = [line[3:].strip() for line in plan.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
    assert headings == REQUIRED
    text = plan.read_text(encoding="utf-8")
    assert "50-minute" in text and "90-minute" in text          # both timings
    assert "| Question | Expected answer" in text              # discussion with expected answers
    assert "misconception" in text.lower()
    assert "Rubric" in text


@pytest.mark.parametrize("plan", PLANS + sorted((ROOT / "lessons" / "handouts").glob("*.md")), ids=lambda p: p.name)
def test_every_event_id_cited_exists(plan):
    known = set(kit.load().events["event_id"])
    cited = set(EVENT_ID.findall(plan.read_text(encoding="utf-8")))
    assert cited - known == set()


def test_handouts_are_what_the_data_says():
    for name, text in build_handouts.render().items():
        on_disk = (ROOT / "lessons" / "handouts" / name).read_text(encoding="utf-8")
        assert on_disk == text, f"{name} is stale: run python tools/build_handouts.py"


def test_the_country_study_answer_key_covers_the_known_errors():
    key = (ROOT / "lessons" / "03-reading-the-country-study.md").read_text(encoding="utf-8")
    for event_id in ("1926-canton-coup", "1927-shanghai-massacre", "1922-rapallo-treaty", "1922-junkers-fili",
                     "1924-britain-recognition", "1922-ussr-founded", "1928-nationalists-take-peking"):
        assert f"`{event_id}`" in key, event_id


# --- links -------------------------------------------------------------------------------------------------


def _slug(heading: str) -> str:
    """The anchor GitHub and JupyterLab give a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _markdown_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def _anchors(path: Path) -> set[str]:
    return {_slug(line.lstrip("#")) for line in _markdown_of(path).splitlines() if line.startswith("#")}


DOCUMENTS = sorted([*ROOT.glob("*.md"), *(ROOT / "lessons").rglob("*.md"), *(ROOT / "data").glob("*.md"),
                    *(ROOT / "notebooks").glob("*.md"), *(ROOT / "notebooks").glob("*.ipynb")])


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_between_kit_files_resolves(document):
    broken = []
    for target in LINK.findall(_markdown_of(document)):
        if re.match(r"[a-z]+:", target):  # web addresses are not checked: the kit runs offline
            continue
        file_part, _, anchor = target.partition("#")
        linked = (document.parent / file_part).resolve() if file_part else document
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix in (".md", ".ipynb") and anchor not in _anchors(linked):
            broken.append(target)
    assert broken == []
