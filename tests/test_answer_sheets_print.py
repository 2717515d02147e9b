"""Answer sheets printed from their .html copies in Chromium on A4: room to write, and no page more than planned.

A sheet is one page, and a sheet in two parts (a `##` heading) two, the second overleaf. Every blank table cell
prints at least 9 mm tall, room for a line of handwriting, and every ruled writing line has room above it.
"""

import re

import pytest

from breaking_isolation.paths import kit_root

SHEETS = sorted((kit_root() / "lessons" / "answer-sheets").glob("*.html"))
MM = 96 / 25.4  # CSS pixels in a millimetre


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.stem)
def test_every_answer_sheet_prints_with_room_to_write_on_its_planned_pages(browser, sheet, tmp_path):
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(sheet.as_uri())
        page.emulate_media(media="print")
        heights = page.evaluate("() => [...document.querySelectorAll('td')].filter(td => !td.textContent.trim())"
                                ".map(td => td.getBoundingClientRect().height)")
        lines = page.evaluate("() => [...document.querySelectorAll('.write-line')].map(d => d.getBoundingClientRect().height)")
        parts = page.evaluate("() => document.querySelectorAll('h2').length")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.close()
    assert all(h >= 9 * MM for h in heights), (sheet.name, min(heights) / MM)
    assert all(h >= 8 * MM for h in lines), sheet.name
    assert pdf_pages(pdf) == 1 + parts, (sheet.name, pdf_pages(pdf))


def test_the_page_count_reads_a_pdf_as_chromium_writes_it(browser):
    page = browser.new_page()
    try:
        page.set_content("<p>one</p><p style='break-before: page'>two</p><p style='break-before: page'>three</p>")
        assert pdf_pages(page.pdf(format="A4")) == 3
    finally:
        page.close()


def test_handout_2_prints_on_the_pages_lesson_2_promises(browser):
    """Handout 2 (every tie at every snapshot, and their events) prints on at most six A4 pages, as the plan says."""
    plan = (kit_root() / "lessons" / "02-network.md").read_text(encoding="utf-8")
    assert "at most six A4 pages" in plan
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto((kit_root() / "lessons" / "handouts" / "02-network-handout.html").as_uri())
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.close()
    assert pdf_pages(pdf) <= 6, pdf_pages(pdf)


def _printed_pages(browser, path) -> int:
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        return pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
    finally:
        page.close()


def test_handout_1_prints_on_at_most_three_pages(browser):
    """Handout 1 (every event, the year-end counts, the Country Study's sentence, the source list) prints on at
    most three A4 pages, as lesson 1's plan says: its sources are short references, not a column of ids."""
    plan = (kit_root() / "lessons" / "01-recognition.md").read_text(encoding="utf-8")
    assert "at most three A4 pages" in plan
    pages = _printed_pages(browser, kit_root() / "lessons" / "handouts" / "01-recognition-handout.html")
    assert pages <= 3, pages


PACKS = sorted((kit_root() / "lessons" / "packs").glob("*.md"))


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.stem)
def test_every_document_pack_has_a_printable_copy_on_the_pages_it_promises(browser, pack):
    """Three or four pages; lesson 5's, with its role cards and the four texts of its debate, twelve
    (tools/build_packs.py MOST_PAGES)."""
    import build_packs  # noqa: PLC0415  (tools/, on the tests' path)

    printable = pack.with_suffix(".html")
    assert printable.is_file(), f"{pack.name} has no printable .html copy: run make refresh"
    assert 2 <= _printed_pages(browser, printable) <= build_packs.MOST_PAGES.get(pack.stem.removesuffix("-pack"), 4)


def test_each_document_of_lesson_5s_pack_starts_a_page_so_each_side_prints_apart(browser):
    """The role cards fill the first two pages; documents A-D each start a new one (a teacher hands Stalin's side A
    and C, the Opposition's B and D)."""
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto((kit_root() / "lessons" / "packs" / "05-china-pack.html").as_uri())
        page.emulate_media(media="print")
        breaks = page.evaluate("() => [...document.querySelectorAll('h2')].map(h => [h.textContent.slice(0, 10), "
                               "getComputedStyle(h).breakBefore])")
    finally:
        page.close()
    assert breaks[0] == ["Role cards", "auto"], breaks
    assert [b for _, b in breaks[1:]] == ["page"] * 4 and all(t.startswith("Document") for t, _ in breaks[1:]), breaks


def _cards_pdf_pages(browser, keep: str) -> tuple[int, str]:
    """Pack 5 printed with only its title, its role cards' heading and one card ('first' or 'second'): the pages
    that takes, and the rule's break after it."""
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto((kit_root() / "lessons" / "packs" / "05-china-pack.html").as_uri())
        page.emulate_media(media="print")
        rule = page.evaluate("""keep => {
            const hr = document.querySelector('hr'), body = [...document.body.children];
            const cards = body.indexOf(document.querySelector('h2')), rule = body.indexOf(hr);
            const docs = body.indexOf(document.querySelectorAll('h2')[1]);
            const brk = getComputedStyle(hr).breakAfter;
            body.forEach((el, i) => { if (i >= docs || (keep === 'first' ? i >= rule : i > cards + 1 && i <= rule))
                                         el.remove(); });
            return brk; }""", keep)
        return pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)), rule
    finally:
        page.close()


def test_each_of_lesson_5s_role_cards_prints_whole_on_a_page_of_its_own(browser):
    """Pairs switch sides in round 2 and need both cards whole: the first card fits on page 1 under the pack's
    title, the second starts a page of its own and fits on it, and the plan says so."""
    first, rule = _cards_pdf_pages(browser, "first")
    second, _ = _cards_pdf_pages(browser, "second")
    assert (first, second, rule) == (1, 1, "page")
    plan = " ".join((kit_root() / "lessons" / "05-china.md").read_text(encoding="utf-8").split())
    assert "half-page" not in plan and "dashed line" not in plan.split("## Formative check")[0]
    assert "each role card on a page of its own" in plan


def test_lesson_5s_check_is_on_an_exit_slip_apart_from_the_answer_sheet():
    """Collecting the check must not take the homework sheet away: the check's questions are on the exit slip (two
    to a page, with a line to cut along), not on answer sheet 5, which says to print it double-sided."""
    sheets = kit_root() / "lessons" / "answer-sheets"
    sheet = (sheets / "05-china-answer-sheet.md").read_text(encoding="utf-8")
    slip = (sheets / "05-china-exit-slip.md").read_text(encoding="utf-8")
    assert "Turning points in order" not in sheet and "Print double-sided" in sheet
    assert slip.count("Turning points in order") == 2 and slip.count("<!-- cut:") == 1
    assert "05-china-exit-slip.md" in (kit_root() / "lessons" / "05-china.md").read_text(encoding="utf-8")
