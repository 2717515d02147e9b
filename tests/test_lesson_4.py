"""Lesson 4 as a teacher prints and teaches it: what the printed pages show, the words they define, the plan's
keys and the accessible answer sheets."""

import html
import re

import pytest

import breaking_isolation as kit

ROOT = kit.kit_root()
LESSONS = ROOT / "lessons"
PLAN = LESSONS / "04-documents.md"
PRINTED = sorted([*(LESSONS / "handouts").glob("*.html"), *(LESSONS / "packs").glob("*.html")])
SHEETS_HTML = sorted((LESSONS / "answer-sheets").glob("*-answer-sheet.html"))


def _printed_text(path) -> str:
    """What a printed page shows: the HTML body without tags and without code (ids such as `doc-1924-...`)."""
    body = path.read_text(encoding="utf-8").split("<body>", 1)[1]
    body = re.sub(r"<code>.*?</code>", "", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


@pytest.mark.parametrize("page", PRINTED, ids=lambda p: p.name)
def test_no_markup_star_or_underscore_prints_on_a_handout_or_pack(page):
    """A document's italics (the Telegraph's introduction) print in italics, not between stars."""
    text = _printed_text(page)
    stray = re.findall(r".{0,30}[*_].{0,30}", text)
    assert not stray, f"{page.name} prints markup characters: {stray[:3]}"


@pytest.mark.parametrize("page", SHEETS_HTML, ids=lambda p: p.name)
def test_an_answer_sheet_prints_no_star_and_underscores_only_as_blanks(page):
    text = _printed_text(page)
    assert "*" not in text, page.name
    assert not re.search(r"(?<!_)_{1,2}(?!_)", text), f"{page.name} prints a stray underscore"


def test_the_telegraphs_introduction_prints_in_italics():
    for page in (LESSONS / "handouts" / "04-documents-handout.html", LESSONS / "packs" / "04-documents-pack.html"):
        assert "<em>We are informed by the Foreign Office" in page.read_text(encoding="utf-8"), page.name


# Britain and the USSR had chargés d'affaires in 1924-27 and first exchanged ambassadors after October 1929
# (1924-britain-relations, 1929-britain-restoration): no page may say ambassadors went home in 1927 or came back.
AMBASSADOR_ERRORS = re.compile(r"ambassadors go home|ambassadors (?:were )?exchanged again|ambassadors returned",
                               re.IGNORECASE)


def test_no_page_says_britain_and_moscow_had_ambassadors_before_1929():
    pages = [*LESSONS.rglob("*.md"), *(ROOT / "notebooks").glob("*.md")]
    wrong = [f"{p.relative_to(ROOT)}: {m.group()}" for p in pages for m in AMBASSADOR_ERRORS.finditer(p.read_text(encoding="utf-8"))]
    assert not wrong, wrong
    data = kit.load().events.set_index("event_id")
    assert "Ambassadors were exchanged only after the restoration of 1929" in data.at["1924-britain-relations", "description"]


def test_the_vocabulary_says_who_goes_home_when_relations_are_severed():
    for doc in ("doc-1927-commons-debate-break", "doc-1927-chamberlain-note"):
        text = (LESSONS / "adapted" / f"{doc}.md").read_text(encoding="utf-8")
        assert "**severance of diplomatic relations**: breaking off official contact; the two governments' envoys and " \
               "missions go home" in text, doc
    assert "exchanged for the first time" in PLAN.read_text(encoding="utf-8")
