"""Every link to the glossary lands on its term: an explicit anchor for each, as JupyterLab and GitHub both honour.

JupyterLab gives a heading an id that keeps its case ("De-jure-recognition"), GitHub one in lower case, so the
glossary gives each term an explicit `<a id="...">` and every link must name one of them. The browser test
(test_lab.py) clicks one in Lab.
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "notebooks" / "glossary.md"
LINK = re.compile(r"\]\((?:[^)\s#]*/)?glossary\.md#([^)\s]+)\)")
# Terms a student meets in notebooks 1 and 2 that need the glossary.
TERMS = ["politburo", "wuhan-government", "nanjing-government", "dual-policy", "versailles", "ruhr",
         "chinese-eastern-railway", "charge-d-affaires", "triad", "borodin", "whampoa"]


def anchors() -> set[str]:
    return set(re.findall(r'<a id="([^"]+)"></a>', GLOSSARY.read_text(encoding="utf-8")))


def texts():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            yield path.name, cell.source
    for folder in ("lessons", "data/documents", "notebooks"):
        for path in sorted((ROOT / folder).glob("*.md")):
            yield path.name, path.read_text(encoding="utf-8")


def test_every_glossary_heading_has_its_anchor():
    text = GLOSSARY.read_text(encoding="utf-8")
    headings = re.findall(r"(?m)^## (.*)$", text)
    assert headings and all(re.match(r'<a id="[a-z0-9-]+"></a>\S', h) for h in headings), headings
    assert len(anchors()) == len(headings)


def test_every_link_to_the_glossary_names_an_anchor_it_has():
    known = anchors()
    found = [(name, term) for name, text in texts() for term in LINK.findall(text)]
    assert found
    assert [(name, term) for name, term in found if term not in known] == []
    inside = re.findall(r"\]\(#([^)\s]+)\)", GLOSSARY.read_text(encoding="utf-8"))
    assert sorted(set(inside) - known) == []


@pytest.mark.parametrize("term", TERMS)
def test_a_term_met_unexplained_is_linked_from_a_notebook(term):
    assert term in anchors()
    linked = {t for name, text in texts() if name.endswith(".ipynb") for t in LINK.findall(text)}
    assert term in linked
