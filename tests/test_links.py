"""make links: Binder and hub links to the student edition, QR codes made offline, a printable sheet."""

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import segno

ROOT = Path(__file__).resolve().parents[1]
import make_links  # noqa: E402

EDITION = "https://github.com/example-school/breaking-isolation-students"
HUB = "https://hub.example.org"


def test_the_binder_link_opens_start_here_in_the_edition():
    link = make_links.binder_link(EDITION)
    assert link.startswith("https://mybinder.org/v2/gh/example-school/breaking-isolation-students/main?")
    assert parse_qs(urlsplit(link).query)["urlpath"] == ["lab/tree/my-work/00-start-here.ipynb"]
    other = make_links.binder_link("https://git.example.org/school/edition.git", "week-6")
    assert other.startswith("https://mybinder.org/v2/git/https%3A%2F%2Fgit.example.org%2Fschool%2Fedition.git/week-6?")


def test_the_hub_link_pulls_the_edition_and_opens_start_here_in_its_folder():
    query = parse_qs(urlsplit(make_links.hub_link(HUB, EDITION)).query)
    assert make_links.hub_link(HUB, EDITION).startswith(HUB + "/hub/user-redirect/git-pull?")
    assert query == {"repo": [EDITION], "branch": ["main"],
                     "urlpath": ["lab/tree/breaking-isolation-students/my-work/00-start-here.ipynb"]}


@pytest.mark.parametrize("address", ["http://github.com/a/b", "github.com/a/b", "https://x.org/a b",
                                     'https://x.org/"><script>'])
def test_an_address_that_is_not_a_whole_https_address_is_refused(address):
    with pytest.raises(make_links.BadAddress):
        make_links.binder_link(address)


def test_the_kits_own_address_is_refused(tmp_path):
    kit = tmp_path / "kit"
    subprocess.run(["git", "init", "-q", str(kit)], check=True)
    subprocess.run(["git", "-C", str(kit), "remote", "add", "origin", EDITION + ".git"], check=True)
    with pytest.raises(make_links.BadAddress, match="teacher's kit"):
        make_links.write_links(EDITION, HUB, out=tmp_path / "links", kit=kit)


def test_make_links_writes_codes_a_sheet_and_each_handout(tmp_path):
    out = tmp_path / "links"
    written = make_links.write_links(EDITION, HUB, out=out, kit=tmp_path)
    binder, hub = make_links.binder_link(EDITION), make_links.hub_link(HUB, EDITION)
    for name, url in (("binder-qr.svg", binder), ("hub-qr.svg", hub)):
        svg = (out / name).read_text()
        ET.fromstring(svg)  # whole, well-formed SVG
        # The code holds the link: the same matrix segno makes for it, and no other link's.
        code = segno.make(url, error="m")
        assert make_links.qr_svg(url, "t").split("</title>")[1] == svg.split("</title>")[1]
        assert code.designator and len(code.matrix) >= 41  # a version big enough for a long address
    sheet = (out / "how-to-get-in.html").read_text()
    assert sheet.count("<svg") == 2 and "File → Download" in sheet and "paper" in sheet.lower()
    assert binder.replace("&", "&amp;") in sheet and hub.replace("&", "&amp;") in sheet
    handouts = sorted((ROOT / "lessons" / "handouts").glob("*.md"))
    assert handouts and len(written) == 4 + 2 * len(handouts)
    for handout in handouts:
        printed = (out / "handouts" / handout.name).with_suffix(".html").read_text()   # the copy to print
        assert printed.startswith("<!DOCTYPE html>") and binder.replace("&", "&amp;") in printed
        assert "<table>" in printed or "|" not in handout.read_text()
        linked = (out / "handouts" / handout.name).read_text()
        assert binder in linked and hub in linked and "File → Download" in linked
        assert linked.splitlines()[0] == handout.read_text().splitlines()[0]  # its title stays first
        assert handout.read_text().splitlines()[-1] in linked


def test_without_a_hub_the_sheet_says_to_ask(tmp_path):
    make_links.write_links(EDITION, out=tmp_path / "links", kit=tmp_path)
    assert not (tmp_path / "links" / "hub-qr.svg").exists()
    assert "ask your teacher" in (tmp_path / "links" / "how-to-get-in.md").read_text()


def test_make_links_needs_an_address():
    done = subprocess.run(["make", "-s", "links"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode != 0 and "REPOSITORY=" in done.stdout + done.stderr


@pytest.mark.parametrize("plan", sorted((ROOT / "lessons").glob("0*.md")), ids=lambda p: p.name)
def test_each_lesson_plan_says_how_students_get_in(plan):
    text = plan.read_text(encoding="utf-8")
    section = text.split("## Getting in", 1)[1].split("\n## ", 1)[0]
    for words in ("JupyterHub", "Binder", "File → Download", "Paper only", "make links"):
        assert words in section, (plan.name, words)
