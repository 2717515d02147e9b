"""The slide decks and handouts, built fresh and opened in a real, offline Chromium.

Decks and handouts are built into a temporary folder by tools/build_slides.py, so `make test` covers the
build. Every expectation (slides, figures, notes) is computed from the notebooks' own metadata. Every request
a page makes other than for its own file is aborted and recorded: a self-contained page makes none.
Title-slide screenshots and the build's times and sizes go to test-artifacts/.
"""

import csv
import os
import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"

import build_slides  # noqa: E402
import page_checks  # noqa: E402
from build_student import student_version  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
DECKS = [path for path in NOTEBOOKS if build_slides.has_slides(nbformat.read(path, as_version=4))]
NOTED_DECKS = [path for path in DECKS
               if any(build_slides.slide_type(cell) == "notes" for cell in nbformat.read(path, as_version=4).cells)]
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_DESCRIPTION = "<script>alert(2)</script> and <b>bold</b>"


def expected_slides(notebook) -> tuple[int, int]:
    """(horizontal slides, all slides) that the notebook's slide metadata implies, as reveal.js counts them.

    Skip cells are dropped; the first cell that is not a note always opens a slide."""
    kept = [cell for cell in notebook.cells if build_slides.slide_type(cell) != "skip"]
    first = next(cell for cell in kept if build_slides.slide_type(cell) != "notes")
    opens = [build_slides.slide_type(cell) for cell in kept if build_slides.slide_type(cell) in ("slide", "subslide") and cell is not first]
    return 1 + opens.count("slide"), 1 + len(opens)


def _first_words(cell) -> str:
    """The opening words of a markdown cell as a browser shows them (bold markers gone, spaces collapsed),
    after a speaker-notes label, which the build may word differently."""
    text = re.sub(r"^\s*\*\*Speaker notes[^*]*\*\*", "", cell.source)
    return " ".join(text.replace("**", "").split()[:4])


def _svg_outputs(cells) -> int:
    return sum("image/svg+xml" in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))


@pytest.fixture(scope="module")
def reveal():
    try:
        return build_slides.ensure_reveal()
    except RuntimeError as problem:  # no npm and no reveal.js yet
        if os.environ.get("CI"):
            pytest.fail(str(problem))
        pytest.skip(str(problem))


@pytest.fixture(scope="module")
def built(tmp_path_factory, reveal):
    out = tmp_path_factory.mktemp("slides")
    started = time.perf_counter()
    written = build_slides.build(NOTEBOOKS, out)
    seconds = time.perf_counter() - started
    ARTIFACTS.mkdir(exist_ok=True)
    lines = [f"built {len(written)} files in {seconds:.1f} s"]
    lines += [f"{path.name}: {path.stat().st_size / 1024:.0f} KiB in {took:.2f} s" for path, took in written]
    (ARTIFACTS / "slides-build.txt").write_text("\n".join(lines) + "\n")
    return out


class OfflinePage:
    """A page in a 1280 x 720 window that may load only its own file; it records what else it tried."""

    def __init__(self, browser, path: Path):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1280, "height": 720})
        self.page = self.context.new_page()
        self.requests, self.errors, self.dialogs = [], [], []
        # On the context, so that a window the page opens (the speaker view) is held to the same rules.
        self.context.route("**/*", self._route)
        self.context.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.context.on("weberror", lambda error: self.errors.append(str(error.error)))
        self.context.on("dialog", self._dialog)
        self.page.goto(self.url, wait_until="load")

    def _route(self, route):
        # The file itself, also with a query (the speaker view loads the deck again as its preview).
        if route.request.url.split("#")[0].split("?")[0] == self.url:
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser):
    pages = []

    def opener(path: Path) -> OfflinePage:
        pages.append(OfflinePage(browser, path))
        return pages[-1]

    yield opener
    for page in pages:
        page.close()


def _show_everything_around(page, selector_index: int, selector: str) -> None:
    """Go to the slide holding the n-th element matching `selector` and reveal all of its fragments."""
    page.evaluate("""([selector, n]) => {
        const section = document.querySelectorAll(selector)[n].closest('section');
        const where = Reveal.getIndices(section);
        Reveal.slide(where.h, where.v);
        while (Reveal.nextFragment()) {}
    }""", [selector, selector_index])


# --- the build ----------------------------------------------------------------------------------------------

def test_build_writes_one_self_contained_deck_per_slide_notebook_and_a_handout_for_each(built):
    assert DECKS, "no notebook has slide metadata"
    assert sorted(p.name for p in built.glob("*.slides.html")) == sorted(f"{p.stem}.slides.html" for p in DECKS)
    assert sorted(p.name for p in built.glob("*.handout.html")) == sorted(f"{p.stem}.handout.html" for p in NOTEBOOKS)
    for page in built.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for outside in ("<script src", "<link", "@import", "url(http", "require.js", "mathjax", "mermaid.initialize"):
            assert outside not in text.lower(), f"{page.name} loads something from outside: {outside}"
        assert page.stat().st_size < 3 * 1024 * 1024, f"{page.name} is too big to email"


def test_figures_without_alt_text_stop_the_build(tmp_path, reveal):
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("fig")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/svg+xml": "<svg></svg>"})]
    notebook.cells = [nbformat.v4.new_markdown_cell("# A title"), cell]
    path = tmp_path / "bare.ipynb"
    nbformat.write(notebook, path)
    with pytest.raises(ValueError, match=r"bare.ipynb: cell 1 shows a figure with no alt text"):
        build_slides.build([path], tmp_path / "out")


def test_markdown_written_by_code_keeps_its_markup_but_not_raw_html():
    html = build_slides.markdown_escaped(f"**Figure 1.** {HOSTILE_TITLE}")
    assert "<strong>Figure 1.</strong>" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_slide_count_follows_the_metadata():
    notebook = nbformat.v4.new_notebook()
    kinds = ["notes", "-", "fragment", "slide", "skip", "subslide", "notes", "slide", "subslide", "-"]
    notebook.cells = [nbformat.v4.new_markdown_cell(kind, metadata={"slideshow": {"slide_type": kind}})
                      for kind in kinds]
    assert expected_slides(notebook) == (3, 5)


def test_a_heading_alone_takes_its_figure_along_and_notes_come_before_the_fragments():
    make = nbformat.v4
    cells = [("markdown", "slide", "# Title\n\nA question?"), ("markdown", "slide", "## How many?"),
             ("code", "subslide", "kit.show(fig, alt='x')"), ("markdown", "fragment", "**Takeaway:** many."),
             ("markdown", "notes", "Speaker notes about the figure."), ("markdown", "slide", "## Next\n\nText.")]
    notebook = make.new_notebook(cells=[(make.new_code_cell if kind == "code" else make.new_markdown_cell)(
        source, metadata={"slideshow": {"slide_type": slide}}) for kind, slide, source in cells])
    deck = build_slides.deck_version(notebook)
    kinds = [(build_slides.slide_type(cell), cell.source[:12]) for cell in deck.cells]
    assert kinds == [("slide", "# Title\n\nA q"), ("slide", "## How many?"), ("-", "kit.show(fig"),
                     ("notes", "Speaker note"), ("fragment", "**Takeaway:*"), ("slide", "## Next\n\nTex")]
    assert expected_slides(deck) == (3, 3)
    assert build_slides.slide_type(notebook.cells[2]) == "subslide"  # the notebook itself is not changed


def test_a_screen_reader_hears_each_figures_caption_in_the_deck(built, open_page):
    """A projected slide shows a figure without its printed caption (it would push the figure off the screen), but
    the deck keeps the caption in the page after the image, out of sight, as the image's description
    (aria-describedby): the alt's "Described in the caption below" holds for a screen reader too. Lesson 5's
    figure 2 names both its panels."""
    view = open_page(built / "03-china.slides.html")
    page = view.page
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    figures = page.locator(".reveal .slides img[alt^='Figure']").evaluate_all("""images => images.map(img => {
        const described = document.getElementById(img.getAttribute('aria-describedby') || '');
        const box = described && described.getBoundingClientRect();
        return {alt: img.alt, caption: described ? described.textContent.trim().replace(/\\s+/g, ' ') : '',
                after: !!described && img.compareDocumentPosition(described) === Node.DOCUMENT_POSITION_FOLLOWING,
                width: box ? box.width : null};
    })""")
    assert len(figures) == 3, figures
    for figure in figures:
        assert "Described in the caption below" in figure["alt"]
        number = figure["alt"].split(",")[0].split(":")[0]
        assert figure["caption"].startswith(f"{number}.") and len(figure["caption"].split()) > 20, figure
        assert figure["after"] and figure["width"] <= 1, figure   # after the image, not shown on the slide
    second = next(f for f in figures if f["alt"].startswith("Figure 2"))
    assert "The state face" in second["alt"] and "The party face" in second["alt"]
    assert "Two grids side by side" in second["caption"]


def test_a_deck_leaves_out_what_only_the_teacher_sees():
    """The class sees the deck: notebook 1's verdicts on the Country Study, which lesson 3 asks students to reach,
    are tagged "teacher" and stay out of every deck, while the speaker notes stay in."""
    notebook = nbformat.read(ROOT / "notebooks" / "01-recognition.ipynb", as_version=4)
    teacher = [cell for cell in notebook.cells if "teacher" in cell.metadata.get("tags", [])]
    assert any("The verdicts, from the data" in cell.source for cell in teacher)
    deck = build_slides.deck_version(notebook)
    assert not [cell for cell in deck.cells if "teacher" in cell.metadata.get("tags", [])]
    assert not any("The verdicts, from the data" in cell.source for cell in deck.cells)
    assert any(build_slides.slide_type(cell) == "notes" for cell in deck.cells)


def test_decks_and_handouts_link_to_no_file_they_do_not_carry():
    """A deck or HTML handout is one file, shown from a USB stick: a link to a kit file (a document) would open
    nothing in front of the class, so it keeps its words, and a document in a pack is named as the class holds it."""
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        versions = [build_slides.handout_version(notebook)]
        if path in DECKS:
            versions.append(build_slides.deck_version(build_slides.with_kept_notes(notebook, path.stem)))
        for version in versions:
            for cell in version.cells:
                if cell.cell_type == "markdown":
                    assert not build_slides.FILE_LINK.search(cell.source), (path.name, cell.source[:80])
    deck = build_slides.deck_version(nbformat.read(ROOT / "notebooks" / "03-china.ipynb", as_version=4))
    debate = next(cell.source for cell in deck.cells if cell.source.startswith("## The debate in Moscow"))
    for letter in "ABCD":
        assert debate.count(f"(document {letter} of pack 5)") == 1, debate


def test_built_pages_link_only_inside_themselves(built):
    for page in built.glob("*.html"):
        # links in the page's own markup; reveal.js's inlined script builds links of its own ("${s}")
        targets = re.findall(r'<a\s[^>]*href="([^"$\'+]+)"', page.read_text(encoding="utf-8"))
        outside = [t for t in targets if not t.startswith(("#", "http://", "https://", "data:", "mailto:"))]
        assert not outside, (page.name, outside[:5])


# --- decks in the browser -----------------------------------------------------------------------------------

@pytest.mark.parametrize("notebook_path", DECKS, ids=[p.stem for p in DECKS])
def test_deck_offline_in_chromium(built, open_page, notebook_path):
    notebook = nbformat.read(notebook_path, as_version=4)
    view = open_page(built / f"{notebook_path.stem}.slides.html")
    page = view.page
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")

    horizontal, total = expected_slides(build_slides.deck_version(notebook))
    assert page.evaluate("Reveal.getTotalSlides()") == total
    assert page.evaluate("Reveal.getHorizontalSlides().length") == horizontal

    # The title slide: the notebook's H1 and its question.
    page.evaluate("Reveal.slide(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"slides-{notebook_path.stem}-title.png")
    title = build_slides.title_of(notebook, notebook_path)
    heading = page.locator(".reveal .slides section.present:not(.stack) h1")
    assert heading.is_visible() and title in heading.inner_text()
    assert "?" in page.locator(".reveal .slides section.present:not(.stack)").inner_text()

    # Readable when projected: every piece of body text at least 24 px on the 1280 x 720 slide.
    sizes = page.evaluate("""() => {
        const scale = Reveal.getScale(), small = [];
        let checked = 0;
        for (const el of document.querySelectorAll(
                '.reveal .slides :is(p, li, td, th, pre, blockquote, code)')) {
            if (el.closest('aside.notes') || !el.textContent.trim()) continue;
            checked += 1;
            const px = parseFloat(getComputedStyle(el).fontSize) * scale;
            if (px < 24) small.push(`${el.tagName} ${px.toFixed(1)} px: ${el.textContent.slice(0, 40)}`);
        }
        return {scale, checked, small};
    }""")
    assert sizes["checked"] > 0 and sizes["small"] == [], sizes

    # The slide number is readable and never covers an arrow, on every slide.
    clashes = page.evaluate("""() => {
        const box = el => el.getBoundingClientRect(), clash = [];
        const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        for (const s of Reveal.getSlides()) {
            const where = Reveal.getIndices(s);
            Reveal.slide(where.h, where.v);
            const number = document.querySelector('.reveal .slide-number');
            if (!number || getComputedStyle(number).display === 'none') { clash.push('no slide number'); continue; }
            if (parseFloat(getComputedStyle(number).fontSize) < 24) clash.push('slide number under 24 px');
            for (const arrow of document.querySelectorAll('.reveal .controls button')) {
                if (getComputedStyle(arrow).display !== 'none' && meet(box(number), box(arrow)))
                    clash.push(`${where.h + 1}.${where.v + 1}: ${arrow.className}`);
            }
        }
        Reveal.slide(0, 0);
        return clash;
    }""")
    assert clashes == [], clashes

    # No code on a slide: the deck shows results; the handout shows the code.
    assert page.locator(".reveal .jp-InputArea-editor").count() == 0

    # Speaker notes: one per notes cell, holding its text, never shown on the slide.
    notes_cells = [c for c in notebook.cells if build_slides.slide_type(c) == "notes"]
    notes = page.locator(".reveal .slides aside.notes")
    assert notes.count() == len(notes_cells)
    for index, cell in enumerate(notes_cells):
        assert _first_words(cell) in " ".join(notes.nth(index).text_content().split())
        assert not notes.nth(index).is_visible()

    # Every figure visible, with size, on its slide, with its alt text.
    kept = [c for c in notebook.cells if build_slides.slide_type(c) != "skip"]
    figures = page.locator(".reveal .slides img")
    assert figures.count() == _svg_outputs(kept)
    for index in range(figures.count()):
        _show_everything_around(page, index, ".reveal .slides img")
        figure = figures.nth(index)
        box = figure.bounding_box()
        assert figure.is_visible() and box and box["width"] > 0 and box["height"] > 0, f"figure {index + 1}"
        assert figure.get_attribute("alt").strip()

    # Slides taller than the screen scroll; list them for the notebook's author (not a failure).
    tall = page.evaluate("""() => Reveal.getSlides().filter(s => {
        const where = Reveal.getIndices(s);
        Reveal.slide(where.h, where.v);
        while (Reveal.nextFragment()) {}
        return s.scrollHeight > s.clientHeight + 2;
    }).map(s => `${Reveal.getIndices(s).h + 1}.${Reveal.getIndices(s).v + 1}`)""")
    (ARTIFACTS / f"slides-{notebook_path.stem}-tall.txt").write_text(
        f"slides (horizontal.vertical) that scroll at 1280x720: {', '.join(tall) or 'none'}\n")

    assert view.errors == [], view.errors
    assert view.requests == [], view.requests


@pytest.mark.parametrize("notebook_path", NOTED_DECKS, ids=[p.stem for p in NOTED_DECKS])
def test_speaker_view_shows_the_teachers_notes_offline(built, open_page, notebook_path):
    notebook = nbformat.read(notebook_path, as_version=4)
    first_notes = next(cell for cell in notebook.cells if build_slides.slide_type(cell) == "notes")
    view = open_page(built / f"{notebook_path.stem}.slides.html")
    page = view.page
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    _show_everything_around(page, 0, ".reveal .slides aside.notes")
    with view.context.expect_page(timeout=10_000) as opened:
        page.keyboard.press("s")
    speaker = opened.value
    expect(speaker.locator(".speaker-controls-notes")).to_contain_text(_first_words(first_notes), timeout=10_000)
    expect(speaker.locator(".speaker-controls-time")).to_be_visible()
    speaker.wait_for_timeout(300)  # the previews load the deck again; give them time to ask for anything else
    assert view.errors == [], view.errors
    assert view.requests == [], view.requests


def test_lesson_4s_standings_slide_shows_the_two_powers_rows_and_where_the_rest_are(built, open_page):
    """Lesson 4's slide "From events to standings" projects the table's top rows, Britain's and Germany's, and says
    that the whole table is in the notebook and the handout; the size and fit of its text are checked with every
    slide's (test_every_slide_fits_the_screen_and_reads_from_the_back_row)."""
    page = open_page(built / "01-recognition.slides.html").page
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    slide = page.evaluate("""() => {
        const section = Reveal.getSlides().find(s => (s.querySelector('h2') || {}).textContent?.includes('From events to standings'));
        return section && {rows: [...section.querySelectorAll('table tbody tr')].map(r => r.cells[1].textContent.trim()),
                           more: (section.querySelector('.kit-table-more') || {}).textContent || ''};
    }""")
    assert slide and slide["rows"], slide
    assert set(slide["rows"]) == {"United Kingdom", "Germany"} and len(slide["rows"]) <= 8, slide
    assert re.search(r"… and \d+ more rows: the whole table is in the notebook and the handout", slide["more"]), slide


CLICKER_KEYS = ("ArrowRight", "Space", "PageDown")  # what a presenter's clicker sends for "next"


@pytest.mark.parametrize("notebook_path", DECKS, ids=[p.stem for p in DECKS])
def test_a_clicker_reaches_every_slide_in_order(built, open_page, notebook_path):
    """A teacher clicking through with a clicker (right arrow, space or page down) meets every slide, in the deck's
    order, vertical ones included: lesson 5's roles slide sits below the debate, and the right arrow once skipped it."""
    view = open_page(built / f"{notebook_path.stem}.slides.html")
    page = view.page
    order = page.evaluate("() => Reveal.getSlides().map(s => { const i = Reveal.getIndices(s); return `${i.h}.${i.v || 0}`; })")
    for key in CLICKER_KEYS:
        page.goto(view.url, wait_until="load")
        page.wait_for_function("() => window.Reveal && Reveal.isReady()")
        here = lambda: page.evaluate("() => { const i = Reveal.getIndices(); return `${i.h}.${i.v || 0}`; }")
        seen = [here()]
        for _ in range(10 * len(order)):  # a press shows a fragment or moves on; the last slide stops it
            page.keyboard.press(key)
            if here() != seen[-1]:
                seen.append(here())
            if page.evaluate("() => Reveal.isLastSlide() && !Reveal.availableFragments().next"):
                break
        assert seen == order, (key, seen, order)


# --- decks legible from the back of the room ----------------------------------------------------------------

# (width, height, how much larger than at 1280 x 720): body text >= 24 px there, the kit's standard for a slide,
# and figure text >= 25 px. A figure's text size is measured from the SVG (its font size times its scale), but
# Chromium draws its text 1 to 2 % wider than matplotlib measured it, and a figure fitted to its slide loses a
# few per cent more: the 1 px (4 %) above 24 is that tolerance, so that what is seen reads at 24 px. Slide text
# is 19 pt, 25.3 px on a deck shown at its own size (reveal.js's margin 0; at its default margin of 4 % it was
# 24.3 px, and a figure shrunk by 1.3 % failed).
SCREENS = [(1280, 720, 1.0), (1920, 1080, 1.5)]
BODY_PX, FIGURE_PX = 24, 25
# A chart's row labels: their centres at least 1.15 times their size apart, so that two rows never touch (a
# text's box is about 1.15 of its size high); no two texts of a figure closer side by side than a fifth of
# their size, nor overlapping up and down by more than a pixel.
ROW_PITCH = 1.15


def _slide_report(browser, deck: Path, width: int, height: int, factor: float) -> list[dict]:
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(deck.resolve().as_uri(), wait_until="load")
        page.wait_for_function("() => window.Reveal && Reveal.isReady()")
        page_checks.install_figure_texts(page)
        report = page.evaluate(page_checks.SLIDE_REPORT_JS, {"body": BODY_PX * factor, "figure": FIGURE_PX * factor})
        if width == 1280:  # every slide, as projected, for a person to look at
            page.add_style_tag(content=".reveal .slides .fragment { transition: none !important; }")
            for entry in report:
                page.evaluate("""(id) => { const [h, v] = id.split('.').map(n => +n - 1);
                                 Reveal.slide(h, v); while (Reveal.nextFragment()) {} }""", entry["id"])
                page.screenshot(path=ARTIFACTS / f"deck-{deck.name.split('.')[0]}-{entry['id']}.png")
        return report
    finally:
        context.close()


def _crowding_of(browser, fig) -> dict:
    """What page_checks measures in a figure shown at its own size on a 1280 x 720 page."""
    import breaking_isolation as kit  # noqa: PLC0415

    svg = kit.to_svg(fig, "a chart with eleven rows")
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        page.set_content(f"<html><body style='margin:0'>{kit.figures.img_tag(svg, 'a chart')}</body></html>")
        page.wait_for_function("() => document.querySelector('img').complete")
        page_checks.install_figure_texts(page)
        return page.evaluate("() => window.kitFigureCrowding(document.querySelector('img'), 1)")
    finally:
        context.close()


def test_the_slide_check_catches_a_chart_squeezed_into_too_little_height(browser, monkeypatch):
    """Eleven rows of slide-sized labels in the 3.4 inches a slide chart was once given: the check finds the
    labels touching; the same chart at the rows' own height (style.figsize with rows) passes it."""
    import matplotlib.pyplot as plt  # noqa: PLC0415
    from breaking_isolation import style  # noqa: PLC0415

    monkeypatch.setenv("KIT_MEDIUM", "slide")
    labels = [f"Chinese side {n}: party" for n in range(1, 12)]
    found = {}
    for name, height in (("squeezed", 3.4), ("roomy", style.figsize("tall", rows=len(labels))[1] + 0.6)):
        with plt.rc_context(style.rc("slide")):
            fig, ax = plt.subplots(figsize=(12, height))
            ax.barh(range(len(labels)), [1] * len(labels))
            ax.set_yticks(range(len(labels)), labels)
            ax.set_title("Eleven rows")
            found[name] = _crowding_of(browser, fig)
            plt.close(fig)
    squeezed, roomy = found["squeezed"], found["roomy"]
    assert squeezed["pitches"][0]["labels"] == len(labels)
    assert squeezed["pitches"][0]["pitch"] < ROW_PITCH * squeezed["pitches"][0]["px"], squeezed["pitches"]
    assert any("Chinese side" in what for what in squeezed["overlaps"]), squeezed["overlaps"]
    assert roomy["pitches"][0]["pitch"] >= ROW_PITCH * roomy["pitches"][0]["px"], roomy["pitches"]
    assert roomy["overlaps"] == []


@pytest.mark.parametrize("screen", SCREENS, ids=[f"{w}x{h}" for w, h, _ in SCREENS])
@pytest.mark.parametrize("notebook_path", DECKS, ids=[p.stem for p in DECKS])
def test_every_slide_fits_the_screen_and_reads_from_the_back_row(built, browser, notebook_path, screen):
    """After all its fragments, every slide fits the screen, its body text is >= 24 px and every text of its
    figures (ticks, labels, legends, source line) >= 25 px as rendered at 1280 x 720 (24 px and a margin), in proportion at 1920;
    no two texts of a figure run into each other, and a chart's row labels keep their rows apart."""
    width, height, factor = screen
    report = _slide_report(browser, built / f"{notebook_path.stem}.slides.html", width, height, factor)
    ARTIFACTS.mkdir(exist_ok=True)
    lines = [f"{e['id']} {e['title'][:50]!r}: body min {e['body_min'] and round(e['body_min'], 1)} px, figure min "
             f"{e['figure_min'] and round(e['figure_min'], 1)} px"
             + "".join(f", {r['labels']} rows {r['pitch']:.1f} px apart" for r in e["row_pitches"])
             + (f"; overflow: {'; '.join(e['overflow'])}" if e["overflow"] else "")
             + (f"; overlapping: {'; '.join(e['figure_overlaps'])}" if e["figure_overlaps"] else "")
             for e in report]
    (ARTIFACTS / f"slides-{notebook_path.stem}-{width}x{height}.txt").write_text("\n".join(lines) + "\n")
    problems = []
    for entry in report:
        where = f"slide {entry['id']} {entry['title'][:40]!r}"
        problems += [f"{where}: {what}" for what in entry["overflow"]]
        problems += [f"{where}: body text {what}" for what in entry["body_small"][:3]]
        problems += [f"{where}: figure text {what}" for what in entry["figure_small"][:3]]
        if entry["figure_small"]:
            problems += [f"{where}: {what}" for what in entry["scaled"]]
        problems += [f"{where}: figure text {what}" for what in entry["figure_overlaps"][:5]]
        problems += [f"{where}: {rows['labels']} row labels of {rows['px']:.0f} px only {rows['pitch']:.1f} px apart "
                     f"(at least {ROW_PITCH * rows['px']:.1f}): give the chart its rows' height on a slide"
                     for rows in entry["row_pitches"] if rows["pitch"] < ROW_PITCH * rows["px"]]
        if entry["figures_without_text"]:
            problems.append(f"{where}: a figure with no text to measure (draw it with svg.fonttype 'none')")
        if entry["notes_in_fragment"]:
            problems.append(f"{where}: speaker notes inside a fragment show only once the fragment is shown")
        if entry["ends_with_colon"]:
            problems.append(f"{where}: ends with a lead-in (':') but what it introduces is not on the slide")
    for entry, following in zip(report, report[1:]):
        if entry["heading_only"] and following["figures"] and not following["title"]:
            problems.append(f"slide {entry['id']} {entry['title'][:40]!r}: a heading alone, its figure on the next slide")
    assert any(entry["figures"] for entry in report) == bool(_svg_outputs(nbformat.read(notebook_path, as_version=4).cells))
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("notebook_path", DECKS, ids=[p.stem for p in DECKS])
def test_axe_finds_nothing_serious_on_any_slide(built, open_page, notebook_path):
    axe = page_checks.axe_script()
    view = open_page(built / f"{notebook_path.stem}.slides.html")
    page = view.page
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    page.add_style_tag(content=".reveal .slides .fragment { transition: none !important; }")  # no half-faded text
    findings = []
    for index in range(page.evaluate("Reveal.getSlides().length")):
        page.evaluate("""(i) => { const where = Reveal.getIndices(Reveal.getSlides()[i]);
                         Reveal.slide(where.h, where.v); while (Reveal.nextFragment()) {} }""", index)
        findings += page_checks.axe_findings(page, axe, ".reveal .slides section.present:not(.stack)")
    assert findings == [], page_checks.summary(findings)


# A4 is 210 mm wide; the handouts print with 15 mm margins (their print style sheet), leaving 180 mm: at 96 CSS
# px per inch, 680 px.
A4_PRINTABLE_PX = round(180 / 25.4 * 96)

PRINT_OVERRUNS_JS = r"""(width) => {
    const found = [];
    for (const el of document.body.querySelectorAll('*')) {
        if (!el.getClientRects().length) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0) continue;
        // Report the outermost element only: a cut <pre> once, not every <span> in it.
        if (el.parentElement && el.parentElement.dataset.kitOverrun) { el.dataset.kitOverrun = '1'; continue; }
        const what = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${(el.textContent || el.alt || '').trim().slice(0, 40)}"`;
        if (box.right > width + 1) { el.dataset.kitOverrun = '1'; found.push(`${what} ends ${Math.round(box.right - width)} px past the printable width`); }
        else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
            el.dataset.kitOverrun = '1'; found.push(`${what} cuts off ${el.scrollWidth - el.clientWidth} px`); }
    }
    return found;
}"""


@pytest.mark.parametrize("notebook_path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_handout_prints_on_a4_with_nothing_cut(built, open_page, notebook_path):
    view = open_page(built / f"{notebook_path.stem}.handout.html")
    page = view.page
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_PRINTABLE_PX, "height": 1000})
    overruns = page.evaluate(PRINT_OVERRUNS_JS, A4_PRINTABLE_PX)
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"handout-{notebook_path.stem}.pdf"
    page.pdf(path=pdf, format="A4", prefer_css_page_size=True, print_background=True)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    # The print rules a reader relies on: figures whole on a page, code wrapped, links underlined.
    rules = page.evaluate("""() => ({
        figures: [...document.querySelectorAll('.jp-OutputArea-output img')].map(i => getComputedStyle(i).breakInside),
        code: [...document.querySelectorAll('pre')].map(p => getComputedStyle(p).whiteSpace),
        links: [...document.querySelectorAll('.jp-RenderedMarkdown a')].map(a => getComputedStyle(a).textDecorationLine),
    })""")
    assert set(rules["figures"]) <= {"avoid"}, rules["figures"]
    assert set(rules["code"]) <= {"pre-wrap"}, set(rules["code"])
    assert set(rules["links"]) <= {"underline"}, set(rules["links"])
    assert overruns == [], "\n".join(overruns[:20])


@pytest.mark.parametrize("notebook_path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_axe_finds_nothing_serious_in_the_handout(built, open_page, notebook_path):
    view = open_page(built / f"{notebook_path.stem}.handout.html")
    findings = page_checks.axe_findings(view.page, page_checks.axe_script())
    assert findings == [], page_checks.summary(findings)


# --- handouts in the browser --------------------------------------------------------------------------------

@pytest.mark.parametrize("notebook_path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_handout_is_accessible_and_offline(built, open_page, notebook_path):
    notebook = nbformat.read(notebook_path, as_version=4)
    view = open_page(built / f"{notebook_path.stem}.handout.html")
    page = view.page
    assert page.evaluate("document.documentElement.lang") == "en"

    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1, levels
    skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert skips == [], f"headings skip a level: {skips}"

    expected_alts = [output["metadata"]["image/svg+xml"]["alt"] for cell in student_version(notebook).cells
                     for output in cell.get("outputs", []) if "image/svg+xml" in output.get("data", {})]
    figures = page.get_by_role("img")
    assert figures.count() == len(expected_alts)
    for index, alt in enumerate(expected_alts):
        figure = figures.nth(index)
        assert figure.get_attribute("alt") == alt
        figure.scroll_into_view_if_needed()
        box = figure.bounding_box()
        assert figure.is_visible() and box["width"] > 0 and box["height"] > 0

    for cell in notebook.cells:  # the speaker notes stay in the deck
        if build_slides.slide_type(cell) == "notes":
            assert " ".join(cell.source.split()[:6]) not in " ".join(page.inner_text("body").split())
    solutions = [c for c in notebook.cells if "solution" in c.metadata.get("tags", [])]
    for cell in solutions:  # a handout can go to students: no answers in it
        assert cell.source.splitlines()[0] not in page.content()
    assert view.errors == [], view.errors
    assert view.requests == [], view.requests


# --- escaping ----------------------------------------------------------------------------------------------

ESCAPE_CELLS = [
    ("markdown", "slide", "# An event with markup in its title\n\nDoes the markup show as text?"),
    ("code", "subslide", "import matplotlib.pyplot as plt\nimport breaking_isolation as kit\n\n"
                         "kit.style.use()\nevents = kit.load(\"data\").events\n"
                         "hostile = events[events[\"event_id\"].str.endswith(\"-hostile-markup\")]\n"
                         "hostile[[\"event_id\", \"title\", \"description\"]]"),
    ("code", "subslide", "title = hostile[\"title\"].iloc[0]\nfig, ax = plt.subplots()\n"
                         "ax.bar([title], [1])\nax.set(title=title, xlabel=\"Event\", ylabel=\"Count\")\n"
                         "alt = f\"Bar chart of one event, {title}\"\nkit.show(fig, alt=alt, caption=\"Figure 1.\")"),
    ("markdown", "notes", "Speaker notes: the title above is plain text."),
]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory, reveal):
    """A throwaway notebook run on a copy of the data with one event full of markup, then built."""
    folder = tmp_path_factory.mktemp("escaping")
    data = folder / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("parts", "source-text"))
    with (data / "events.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    hostile = {**rows[-1], "event_id": f"{rows[-1]['date'][:4]}-hostile-markup", "title": HOSTILE_TITLE,
               "description": HOSTILE_DESCRIPTION}
    with (data / "events.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([*rows, hostile])
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                 "language": "python"}})
    make = {"markdown": nbformat.v4.new_markdown_cell, "code": nbformat.v4.new_code_cell}
    notebook.cells = [make[kind](source, metadata={"slideshow": {"slide_type": slide}})
                      for kind, slide, source in ESCAPE_CELLS]
    path = folder / "hostile.ipynb"
    nbformat.write(notebook, path)

    from execute_notebooks import execute
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "notebooks"), saved]))
    try:
        execute(path)
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved
    build_slides.build([path], folder / "out")
    return nbformat.read(path, as_version=4), folder / "out"


def test_markup_in_an_event_is_escaped_in_the_notebook_outputs(hostile_build):
    notebook, _ = hostile_build
    table = notebook.cells[1].outputs[0]["data"]["text/html"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in table and "<img src=x" not in table
    assert "&lt;script&gt;" in table and "<script>" not in table
    figure = next(o for o in notebook.cells[2].outputs if "image/svg+xml" in o.get("data", {}))
    assert "<img src=x" not in figure["data"]["image/svg+xml"]
    assert HOSTILE_TITLE in figure["metadata"]["image/svg+xml"]["alt"]  # as text: the alt attribute escapes it


@pytest.mark.parametrize("kind", ["slides", "handout"])
def test_markup_in_an_event_shows_as_text_and_never_runs(hostile_build, open_page, kind):
    _, out = hostile_build
    view = open_page(out / f"hostile.{kind}.html")
    page = view.page
    if kind == "slides":
        page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    assert page.locator("img[src=x], img[src='x']").count() == 0
    assert page.locator("b", has_text="bold").count() == 0
    # In a deck, only the slides themselves: reveal.js repeats the current slide's text for screen readers.
    scope = page.locator(".reveal .slides") if kind == "slides" else page
    shown = scope.get_by_text(HOSTILE_TITLE)
    # The table cell, and in the handout the figure's printed caption (decks drop captions: the <img> has it).
    assert shown.count() >= (1 if kind == "slides" else 2)
    for index in range(shown.count()):
        if kind == "slides":
            shown.nth(index).evaluate("""el => {
                const where = Reveal.getIndices(el.closest('section'));
                Reveal.slide(where.h, where.v);
                while (Reveal.nextFragment()) {}
            }""")
        shown.nth(index).scroll_into_view_if_needed()
        assert shown.nth(index).is_visible()
    assert scope.get_by_text("<script>alert(2)</script>", exact=False).count() == 1
    # The figure keeps the markup as its alt text (off-screen slides are hidden from the accessibility tree,
    # so it is found by attribute rather than by role).
    alts = scope.locator("img").evaluate_all("images => images.map(image => image.alt)")
    assert any(HOSTILE_TITLE in alt for alt in alts), alts
    page.wait_for_timeout(200)  # time for an onerror handler to fire, were there one
    assert view.dialogs == []
    assert view.errors == [], view.errors
    assert view.requests == [], view.requests


def test_an_offline_first_build_says_it_needs_the_internet_once(tmp_path, monkeypatch):
    """The first build downloads reveal.js and axe-core with npm; offline, npm fails with a network error, and the
    build says in plain words what it needed and what to do, not npm's trace (README, "Slides")."""
    npm = tmp_path / "npm"
    npm.write_text("#!/bin/sh\necho 'npm ERR! code ENOTFOUND' >&2\n"
                   "echo 'npm ERR! network request to https://registry.npmjs.org/reveal.js failed' >&2\nexit 1\n")
    npm.chmod(0o755)
    monkeypatch.setattr(build_slides.shutil, "which", lambda name: str(npm) if name == "npm" else None)
    with pytest.raises(RuntimeError) as problem:
        build_slides._ensure_npm(tmp_path)
    said = str(problem.value)
    assert "reveal.js@" in said and "internet once" in said and "node_modules/" in said, said
    assert "npm said: npm ERR! network request" in said, said
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "The first `make slides` downloads." in readme


# --- plain words on the slides -------------------------------------------------------------------------------------

# What a class sees on a slide is prose, tables and figures in words: never the code's names. A code name is a word
# joined by underscores (de_jure, standing_changes), a pandas or Python name, or an actor's id from data/actors.csv
# in lower case (rsfsr); in a slide's prose, any inline code but an event or document id (which students cite).
PANDAS_WORDS = ("isin", "pivot", "pivot_table", "reindex", "groupby", "iloc", "loc", "dtype", "DataFrame", "Series",
                "sort_values", "value_counts", "kit.", "...")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
CITED_ID = re.compile(r"(?:doc-)?\d{4}-[a-z0-9-]+|[\w./-]*/[\w./-]*|[\w-]+\.(?:csv|md|ipynb)")  # ids, paths


def code_names_on_slides(page) -> list[tuple[int, str]]:
    """(slide number, a code name it shows) for every slide of the open deck, speaker notes left out."""
    import pandas as pd  # noqa: PLC0415

    actors = pd.read_csv(ROOT / "data" / "actors.csv", usecols=["actor_id"])["actor_id"]
    ids = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(actors, key=len, reverse=True))
                     + r")(?![\w-])")
    slides = page.evaluate("""() => Reveal.getSlides().map(s => {
        const own = n => n.closest('section') === s && !n.closest('aside.notes, script, style');
        const texts = [], walker = document.createTreeWalker(s, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) if (own(walker.currentNode.parentElement)) texts.push(walker.currentNode.textContent);
        const prose = [...s.querySelectorAll('.jp-MarkdownCell code')].filter(own).map(c => c.textContent);
        return [texts.join(' '), prose];
    })""")
    found = []
    for number, (text, code) in enumerate(slides):
        found += [(number, word) for word in SNAKE.findall(text)]
        found += [(number, word) for word in PANDAS_WORDS if re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", text)]
        found += [(number, m.group(1)) for m in ids.finditer(text)]       # ids are lower case; names are not
        found += [(number, f"`{c}`") for c in code if not CITED_ID.fullmatch(c.strip())]
    return found


# Decks whose notebooks still name code in what the slides show (prose written for the student who programs):
# rewording those cells is the notebooks' work. Strict, so that the day a deck is clean this mark must go.
STILL_IN_CODE: dict[str, str] = {}


@pytest.mark.parametrize("notebook", [pytest.param(p, marks=pytest.mark.xfail(reason=STILL_IN_CODE[p.stem], strict=True))
                                      if p.stem in STILL_IN_CODE else p for p in DECKS], ids=lambda p: p.stem)
def test_slides_say_it_in_words_not_in_code_names(built, open_page, notebook):
    """No slide of any deck, at 1280 x 720, shows a code name in its prose or its tables; the speaker notes and the
    code cells (hidden from slides) may."""
    page = open_page(built / f"{notebook.stem}.slides.html").page
    assert code_names_on_slides(page) == []


def test_the_plain_words_check_finds_code_names(browser, tmp_path):
    """The check can fail: a slide that says `standing_changes`, isin, de_jure or rsfsr is caught, each of them."""
    page = browser.new_page()
    try:
        page.set_content("<div class='reveal'><div class='slides'><section><div class='jp-MarkdownCell'><p>The kit's <code>standing_changes</code> filters with isin.</p></div>"
                         "<table><tr><td>de_jure</td><td>rsfsr</td><td>1924-britain-recognition</td></tr></table>"
                         "<aside class='notes'>notes may say de_facto_recognition</aside></section></div></div>"
                         "<script>window.Reveal = {getSlides: () => [...document.querySelectorAll('section')]};</script>")
        found = {word for _, word in code_names_on_slides(page)}
    finally:
        page.close()
    assert found == {"standing_changes", "`standing_changes`", "isin", "de_jure", "rsfsr"}, found


@pytest.mark.parametrize("notebook", DECKS, ids=lambda p: p.stem)
def test_the_first_slide_asks_the_question_and_tells_no_story(notebook):
    """The deck opens on the notebook's title and question only: the story the notebook opens with (who recognised
    first, who broke off, who waited until 1933) is what lesson 1's hook asks the class to guess."""
    deck = build_slides.deck_version(nbformat.read(notebook, as_version=4))
    first = next(c for c in deck.cells if build_slides.slide_type(c) != "notes").source
    paragraphs = [p for p in first.split("\n\n") if p.strip()]
    assert paragraphs[0].startswith("# ") and len(paragraphs) >= 2, first
    assert all(build_slides.QUESTION.match(p) for p in paragraphs[1:]), first
    if notebook.stem == "01-recognition":
        assert "1933" not in first and "1925" not in first


def _deck_slides(notebook: Path) -> list[str]:
    """The prose of each slide of a deck as built (speaker notes apart), slide by slide."""
    deck = build_slides.deck_version(nbformat.read(notebook, as_version=4))
    slides: list[str] = []
    for cell in deck.cells:
        kind = build_slides.slide_type(cell)
        if kind in ("slide", "subslide") or not slides:
            slides.append("")
        if kind != "notes" and cell.cell_type == "markdown":
            slides[-1] += cell.source + "\n\n"
    return slides


def test_lesson_5s_hook_is_on_the_title_slide_of_deck_3():
    """Lesson 5 runs its hook on the title slide (Activity 1): the question of answer sheet 5's question 1, which
    the students answer before the lesson, is on the deck's first slide, word for word."""
    sheet = (ROOT / "lessons" / "answer-sheets" / "05-china-answer-sheet.md").read_text(encoding="utf-8")
    hook = re.search(r"\*\*1\. Hook\.\*\* (.+?\?)", sheet).group(1)
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    assert "**Hook (title slide).**" in plan
    first = " ".join(_deck_slides(ROOT / "notebooks" / "03-china.ipynb")[0].split())
    assert hook.lower() in first.lower(), (hook, first)


# A slide of prose a class reads from the back of the room while the teacher talks: at most this many words.
MOST_WORDS_OF_HISTORIANS = 130


def test_deck_3s_historians_come_in_slides_a_class_can_read():
    """The historians' views, once one dense slide, come on slides of at most MOST_WORDS_OF_HISTORIANS words each,
    which between them still name every historian the section names."""
    slides = [s for s in _deck_slides(ROOT / "notebooks" / "03-china.ipynb") if s.startswith("### What historians say")]
    words = [len(re.sub(r"\]\([^)]*\)", "]", s).split()) for s in slides]
    assert len(slides) >= 2 and max(words) <= MOST_WORDS_OF_HISTORIANS, words
    named = " ".join(slides)
    for historian in ("Isaacs", "Wilbur", "Brandt", "Pantsov", "Levine"):
        assert historian in named, historian


def test_every_notebook_section_a_lesson_1_timing_row_names_has_its_slide():
    """Lesson 1's timing rows name notebook sections ('Notebook: "How many states stood with Moscow?"'): each is a
    slide of the deck, with its title, so the teacher has something to project for the slot."""
    plan = (ROOT / "lessons" / "01-recognition.md").read_text(encoding="utf-8")
    timing = plan.split("## Timing", 1)[1].split("\n## ", 1)[0]
    sections = re.findall(r'Notebook: "([^"]+)"', timing)
    assert "How many states stood with Moscow?" in sections
    deck = build_slides.deck_version(nbformat.read(ROOT / "notebooks" / "01-recognition.ipynb", as_version=4))
    opened = [c.source.splitlines()[0].lstrip("# ").strip() for c in deck.cells
              if build_slides.slide_type(c) in ("slide", "subslide") and c.source.startswith("#")]
    assert [s for s in sections if s not in opened] == []


@pytest.mark.parametrize("notebook", DECKS, ids=lambda path: path.stem)
def test_decks_and_html_handouts_keep_glossary_terms_without_links_that_lead_nowhere(notebook):
    """The decks and HTML handouts are built into a folder without the glossary: a glossary link there is dead."""
    original = nbformat.read(notebook, as_version=4)
    linked = [cell for cell in original.cells if cell.cell_type == "markdown" and "](glossary.md" in cell.source]
    for version in (build_slides.deck_version(original), build_slides.handout_version(original)):
        text = "\n".join(cell.source for cell in version.cells if cell.cell_type == "markdown")
        assert "](glossary.md" not in text
    if linked:  # the term itself stays in the text
        term = re.search(r"\[([^\]]+)\]\(glossary\.md", linked[0].source).group(1)
        assert term in "\n".join(c.source for c in build_slides.handout_version(original).cells)


def test_lesson_5s_controversy_slide_is_projected_but_never_in_the_student_edition():
    """The roles, steps and minutes of the structured academic controversy: a teacher-only cell tagged "projected",
    in the deck, out of the student notebook and the HTML handout; its minutes are the plan's Timing table's."""
    notebook = nbformat.read(ROOT / "notebooks" / "03-china.ipynb", as_version=4)
    slide = next(c for c in notebook.cells if {"teacher", "projected"} <= set(c.metadata.get("tags", [])))
    assert slide.source in [c.source for c in build_slides.deck_version(notebook).cells]
    assert slide.source not in [c.source for c in student_version(notebook).cells]
    assert slide.source not in [c.source for c in build_slides.handout_version(notebook).cells]
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    rounds = [re.search(rf"^\| Controversy, round {n}:.*?\| \d+ min \(([\d + ]+)\)", plan, re.MULTILINE).group(1)
              for n in (1, 2)]
    rows = re.findall(r"^\| [^|]+ \| [^|]+ \| (\d+) min \| (\d+) min \|$", slide.source, re.MULTILINE)
    assert [" + ".join(r[i] for r in rows) for i in (0, 1)] == rounds, (rows, rounds)
    consensus = re.search(r"^\| Consensus:[^|]*\| (\d+) min", plan, re.MULTILINE).group(1)
    assert f"consensus ({consensus} min)" in slide.source


def test_notebook_3s_handout_prints_its_figures_alone_one_to_a_page_and_words_whole(built, open_page):
    """The paper path's figures: ticking the handout's "Print the figures only" box prints each figure (with its
    section's heading and caption) on its own A4 page, and never the box itself; tables keep words whole."""
    import re as _re

    view = open_page(built / "03-china.handout.html")
    page = view.page
    page.check("#kit-figures-only")  # on screen: in print the box is hidden
    page.emulate_media(media="print")
    wrap = page.evaluate("() => [...document.querySelectorAll('td')].map(td => getComputedStyle(td).overflowWrap)")
    assert "anywhere" not in set(wrap), set(wrap)
    assert page.evaluate("() => getComputedStyle(document.querySelector('.kit-print-choice')).display") == "none"
    shown = page.evaluate("() => [...document.querySelectorAll('img')].filter(i => i.offsetParent !== null).length")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    notebook = student_version(nbformat.read(ROOT / "notebooks" / "03-china.ipynb", as_version=4))
    figures = sum(any("image/svg+xml" in o.get("data", {}) for o in c.get("outputs", [])) for c in notebook.cells)
    assert shown == figures == 3
    assert len(_re.findall(rb"/Type\s*/Page(?![a-z])", pdf)) == figures


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_html_handouts_are_worded_as_the_student_edition_is(notebook):
    """The printable HTML handout is built from the student version, which has no folded solutions: no sentence
    the student edition rewords (student-edition.toml's student_wording) is printed in it, and its replacement is."""
    import student_edition  # noqa: PLC0415

    original = nbformat.read(notebook, as_version=4)
    source = " ".join(" ".join(c.source.split()) for c in original.cells if c.cell_type == "markdown")
    handout = " ".join(" ".join(c.source.split()) for c in build_slides.handout_version(original).cells
                       if c.cell_type == "markdown")
    for old, new in student_edition.load_setting().student_wording:
        assert old not in handout, old
        if old in source:
            assert new in handout, new
    assert "folded solution" not in handout
