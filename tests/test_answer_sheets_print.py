"""Answer sheets printed from their .html copies in Chromium on A4: room to write, and no page more than planned.

A sheet is one page, and a sheet in two parts (a `##` heading) two, the second overleaf. Every blank table cell
prints at least 9 mm tall, room for a line of handwriting, and every ruled writing line has room above it.
"""

import re
import zlib

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
    """Three or four pages; lesson 5's, with its role cards and the four texts of its debate, ten
    (tools/build_packs.py MOST_PAGES)."""
    import build_packs  # noqa: PLC0415  (tools/, on the tests' path)

    printable = pack.with_suffix(".html")
    assert printable.is_file(), f"{pack.name} has no printable .html copy: run make refresh"
    assert 2 <= _printed_pages(browser, printable) <= build_packs.MOST_PAGES.get(pack.stem.removesuffix("-pack"), 4)


def glyphs_per_page(pdf: bytes) -> list[int]:
    """How many characters each page of a PDF as Chromium writes it prints: the glyphs its text operators show
    (Chromium writes each run of text as <hex glyph ids> Tj, four hex digits a glyph, in Flate streams)."""
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", pdf, re.S)}

    def stream(number: int) -> bytes:
        head, _, rest = objects[number].partition(b"stream")
        data = rest.lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
        return zlib.decompress(data) if b"FlateDecode" in head else data

    def pages(node: bytes) -> list[bytes]:
        kids = re.findall(rb"(\d+) 0 R", re.search(rb"/Kids\s*\[(.*?)\]", node, re.S).group(1))
        return [leaf for k in kids for leaf in (pages(objects[int(k)]) if re.search(rb"/Type\s*/Pages\b", objects[int(k)])
                                                else [objects[int(k)]])]
    root = next(o for o in objects.values()
                if re.search(rb"/Type\s*/Pages\b", o) and b"/Parent" not in o.partition(b"stream")[0])
    counts = []
    for page in pages(root):
        contents = re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", page, re.S).group(1)
        text = b"".join(stream(int(n)) for n in re.findall(rb"(\d+) 0 R", contents))
        counts.append(sum(len(run) // 4 for run in re.findall(rb"<([0-9A-Fa-f]*)>\s*Tj", text)))
    return counts


def test_the_glyph_count_reads_a_near_empty_page(browser):
    page = browser.new_page()
    try:
        page.set_content("<p>" + "many words on a full page " * 400 + "</p><p style='break-before: page'>two</p>")
        full, last = glyphs_per_page(page.pdf(format="A4"))[-2:]
    finally:
        page.close()
    assert last == 3 and full > 1000, (full, last)


def _pack_5_printed(browser, keep: str = "all") -> bytes:
    """Pack 5 as Chromium prints it: whole ('all'), or one half alone ('first': all before the rule between the
    halves; 'second': all after it)."""
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto((kit_root() / "lessons" / "packs" / "05-china-pack.html").as_uri())
        page.emulate_media(media="print")
        page.evaluate("""keep => {
            const body = [...document.body.children], rule = body.indexOf(document.querySelector('hr'));
            body.forEach((el, i) => { if ((keep === 'first' && i >= rule) || (keep === 'second' && i <= rule))
                                         el.remove(); }); }""", keep)
        return page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.close()


def test_lesson_5s_pack_prints_in_two_halves_that_each_stand_alone_with_no_page_near_empty(browser):
    """A teacher hands each side its half of pack 5 (its role card and its two documents): the second half starts
    the page after the first ends, so the halves print apart on pages of their own, as many each give or take one;
    and no page is left near-empty (each holds at least a third of the fullest page's text)."""
    import build_packs  # noqa: PLC0415  (tools/, on the tests' path)

    whole = _pack_5_printed(browser)
    first, second = (pdf_pages(_pack_5_printed(browser, half)) for half in ("first", "second"))
    assert pdf_pages(whole) == first + second <= build_packs.MOST_PAGES["05-china"], (pdf_pages(whole), first, second)
    assert abs(first - second) <= 1, (first, second)
    glyphs = glyphs_per_page(whole)
    assert len(glyphs) == pdf_pages(whole) and min(glyphs) >= max(glyphs) / 3, glyphs
    plan = " ".join((kit_root() / "lessons" / "05-china.md").read_text(encoding="utf-8").split())
    assert f"{first + second} A4 pages" in plan and "each role card on a page of its own" not in plan


HANDOUT_5 = kit_root() / "lessons" / "handouts" / "05-china-handout.html"
# Rows added to handout 5's longest table, as the data may grow: a layout that only just fits (a table at 95% of a
# page before a forced page break) leaves a near-empty page at one of them.
MORE_ROWS = (0, 1, 2, 3, 5, 8)


def _glyphs_with_more_rows(browser, path, more: int) -> list[int]:
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        page.evaluate("""more => {
            const body = [...document.querySelectorAll('tbody')].sort((a, b) => b.rows.length - a.rows.length)[0];
            for (let i = 0; i < more; i++) body.appendChild(body.rows[body.rows.length - 1].cloneNode(true)); }""", more)
        return glyphs_per_page(page.pdf(format="A4", prefer_css_page_size=True))
    finally:
        page.close()


def _near_empty(glyphs: list[int]) -> list[int]:
    """The pages before the last that hold less than a third of the fullest page's text: a forced break or a row
    pushed over left them near-empty. The last page may be short: the handout simply ends there."""
    return [n for n, count in enumerate(glyphs[:-1], start=1) if count < max(glyphs) / 3]


def test_handout_5_flows_with_no_page_near_empty_before_its_last_however_its_tables_grow(browser):
    """Handout 5 prints on A4 as one flow (no page held back, no forced break): no page before the last is left
    with a row or two, as printed now and with rows added to its longest table, as the data may grow."""
    for more in MORE_ROWS:
        glyphs = _glyphs_with_more_rows(browser, HANDOUT_5, more)
        assert len(glyphs) >= 4 and _near_empty(glyphs) == [], (more, glyphs)


def test_the_near_empty_check_catches_a_forced_break_after_a_full_page(browser, tmp_path):
    """The measure above finds the fault it is for: a page break forced after a table that fills a page leaves a
    near-empty page before it at one of the row counts tried."""
    forced = tmp_path / "forced.html"
    forced.write_text("<!DOCTYPE html><html><head><style>@page { size: A4; margin: 12mm; } body { font: 12pt serif; }"
                      " h2 { break-before: page; } tr { break-inside: avoid; }</style></head><body><table><tbody>"
                      + "<tr><td>a row of words in a table that fills the page</td></tr>" * 44
                      + "</tbody></table><h2>Held back</h2><p>" + "words " * 300 + "</p></body></html>",
                      encoding="utf-8")
    assert any(_near_empty(_glyphs_with_more_rows(browser, forced, more)) for more in MORE_ROWS)


def test_lesson_5s_check_is_on_an_exit_slip_apart_from_the_answer_sheet():
    """Collecting the check must not take the homework sheet away: the check's questions are on the exit slip (two
    to a page, with a line to cut along), not on answer sheet 5, which says to print it double-sided."""
    sheets = kit_root() / "lessons" / "answer-sheets"
    sheet = (sheets / "05-china-answer-sheet.md").read_text(encoding="utf-8")
    slip = (sheets / "05-china-exit-slip.md").read_text(encoding="utf-8")
    assert "Spring 1927 in order" not in sheet and "Print double-sided" in sheet
    assert slip.count("Spring 1927 in order") == 2 and slip.count("<!-- cut:") == 1
    assert "05-china-exit-slip.md" in (kit_root() / "lessons" / "05-china.md").read_text(encoding="utf-8")


def test_lesson_5s_print_table_gives_the_pages_chromium_prints(browser):
    """The plan's print table (every file of lesson 5, copies for the class, sides, pages, sheets) is what
    tools/print_table.py computes now from the built files printed on A4, and the plan says how to print them: A4,
    with the browser's headers and footers off."""
    import print_table  # noqa: PLC0415  (tools/, on the tests' path)

    plan = (kit_root() / "lessons" / "05-china.md").read_text(encoding="utf-8")
    assert print_table.START in plan and print_table.END in plan
    written = plan.split(print_table.START, 1)[1].split(print_table.END, 1)[0].strip()
    assert written == print_table.table(print_table.rows(browser))
    advice = " ".join(plan.split("**Printing.**", 1)[1].split(print_table.START, 1)[0].split())
    assert "**A4**" in advice and "untick **Headers and footers**" in advice


def test_handout_4_prints_at_11_5_points_on_the_pages_lesson_4_gives(browser):
    """Handout 4 is read by weak readers: at least 11.5 pt (it was 10.5), and the page count the plan's "What to print" gives is the one Chromium prints."""
    path = kit_root() / "lessons" / "handouts" / "04-documents-handout.html"
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        size = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.close()
    assert size >= 11.5 * 96 / 72 - 0.01, size         # CSS pixels: 11.5 pt is 15.33 px
    plan = " ".join((kit_root() / "lessons" / "04-documents.md").read_text(encoding="utf-8").split())
    to_print = plan.split("**What to print**")[1].split("## ")[0]
    assert f"{pdf_pages(pdf)} A4 pages" in to_print, pdf_pages(pdf)


def test_an_event_ids_lines_are_counted_by_the_id_cells_text(browser):
    """Each id of handout 4's event table wraps onto two lines at most (a row's height is its description's)."""
    path = kit_root() / "lessons" / "handouts" / "04-documents-handout.html"
    page = browser.new_page()
    try:
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 700, "height": 1000})        # about the A4 page's printed width
        lines = page.evaluate("""() => [...document.querySelectorAll('td:nth-child(4)')].map(td => {
            const r = document.createRange(); r.selectNodeContents(td);
            return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; })""")
    finally:
        page.close()
    assert lines and max(lines) <= 2, lines


def test_handout_3_prints_each_claim_card_from_a_new_page(browser):
    """Lesson 3 hands one card to each group of three: each card starts a page, so the handout prints once, cut
    into cards by page, not one whole handout per student."""
    path = kit_root() / "lessons" / "handouts" / "03-country-study-handout.html"
    cards = len(re.findall(r"(?m)^### Card \d+", path.with_suffix(".md").read_text(encoding="utf-8")))
    assert _printed_pages(browser, path) >= cards
    plan = " ".join((kit_root() / "lessons" / "03-reading-the-country-study.md").read_text(encoding="utf-8").split())
    assert "one card to a page" in plan and "print the lesson's handout and answer sheet (one each)" not in plan
