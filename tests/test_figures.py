"""The figure helper: deterministic SVG with alt text, and captions that show markup as text."""

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from IPython.core.interactiveshell import InteractiveShell  # noqa: E402

import breaking_isolation as kit  # noqa: E402
from breaking_isolation.figures import escape_markdown  # noqa: E402


def _figure():
    fig, ax = plt.subplots()
    ax.plot([1921, 1924, 1927], [9, 22, 20])
    return fig


def test_svg_is_identical_across_renders_and_names_its_alt_text():
    first, second = kit.to_svg(_figure(), "A line"), kit.to_svg(_figure(), "A line")
    assert first == second
    assert "<title>A line</title>" in first and 'aria-label="A line"' in first and "<dc:date>" not in first


def test_alt_text_is_escaped_inside_the_svg():
    svg = kit.to_svg(_figure(), 'Events "<b>" & more')
    assert 'aria-label="Events &quot;&lt;b&gt;&quot; &amp; more"' in svg


def test_caption_markup_is_shown_as_text():
    text = escape_markdown("<img src=x onerror=alert(1)> *bold* [link](x)")
    assert text.count("<") == text.count("\\<") == 1 and text.count(">") == text.count("\\>") == 1
    assert "\\*bold\\*" in text and "\\[link\\]" in text


def test_show_refuses_a_figure_without_alt_text():
    InteractiveShell.instance()
    try:
        kit.show(_figure(), alt="  ")
    except ValueError as err:
        assert "alt text" in str(err)
    else:
        raise AssertionError("a figure without alt text was shown")


# --- what kit.show puts in the notebook ----------------------------------------------------------------------

def _shown(alt="A line <b>", caption=None, fig=None):
    """The display_data bundle kit.show publishes, captured from IPython's display publisher."""
    shell = InteractiveShell.instance()
    published = []
    original = shell.display_pub.publish
    shell.display_pub.publish = lambda data, metadata=None, **kw: published.append((data, metadata))
    try:
        kit.show(fig or _figure(), alt=alt, caption=caption)
    finally:
        shell.display_pub.publish = original
    return published[0] if caption is None else published


def test_show_gives_lab_an_image_with_alt_text_and_keeps_the_svg():
    import base64
    import html as html_module
    import re

    data, metadata = _shown()
    tag = data["text/html"]
    assert tag.startswith("<img ") and tag.count("<") == 1  # one element: nothing for a sanitiser to strip
    assert 'alt="A line &lt;b&gt;"' in tag
    encoded = re.search(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', tag).group(1)
    assert base64.b64decode(encoded).decode("utf-8") == data["image/svg+xml"]  # the same figure, twice
    assert data["text/plain"] == "[Figure] A line <b>"
    assert metadata["image/svg+xml"]["alt"] == "A line <b>"
    assert html_module.unescape(re.search(r'alt="([^"]*)"', tag).group(1)) == "A line <b>"


# --- one style per medium ------------------------------------------------------------------------------------

def test_medium_comes_from_the_environment_and_a_wrong_one_is_named(monkeypatch):
    monkeypatch.delenv("KIT_MEDIUM", raising=False)
    assert kit.style.medium() == "notebook"
    monkeypatch.setenv("KIT_MEDIUM", "Slide")
    assert kit.style.medium() == "slide"
    monkeypatch.setenv("KIT_MEDIUM", "poster")
    try:
        kit.style.medium()
    except ValueError as err:
        assert "'poster'" in str(err) and "notebook" in str(err)
    else:
        raise AssertionError("an unknown medium was accepted")


def test_every_slide_text_role_renders_at_25_px_and_every_figure_fits_its_medium():
    # On a slide reveal.js shows the 1280 x 720 deck at its own size (margin 0); 1 pt = 4/3 px. 24 px is the
    # standard, 25 px gives it a margin (test_slides.FIGURE_PX says why).
    for role in kit.style.FONTSIZES["slide"]:
        assert kit.style.fontsize(role, "slide") * 4 / 3 >= 25, role
    for kind in kit.style.FIGSIZES["notebook"]:
        width, _ = kit.style.figsize(kind, where="notebook")
        assert width * 96 <= 880, kind  # a ~900 px JupyterLab column, no side-scrolling
        width, height = kit.style.figsize(kind, where="slide")
        assert width * 96 <= 1240 and height * 96 <= 560, kind  # under the heading, on 1280 x 720
        width, _ = kit.style.figsize(kind, where="print")
        assert width * 25.4 <= 180, kind  # A4 less 15 mm margins
    assert kit.style.figsize("tall", rows=40, where="notebook")[1] > kit.style.figsize("tall", where="notebook")[1]


def test_line_colours_stand_out_from_white_and_light_tints_are_fills_only():
    for name, colour in kit.style.LINE_COLOURS.items():
        assert kit.style.contrast(colour) >= 3, name
    for name in ("orange", "sky_blue", "yellow"):
        assert kit.style.contrast(kit.style.OKABE_ITO[name]) < 3 and kit.style.OKABE_ITO[name] not in kit.style.LINE_COLOURS.values()
    assert kit.style.contrast(kit.style.GRID) >= 3 and kit.style.contrast(kit.style.EDGE) >= 3
    for style in kit.style.TONE_STYLE.values():
        assert kit.style.contrast(style["color"]) >= 3
    kit.style.use("slide")
    try:
        for colour in matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]:
            assert kit.style.contrast(colour) >= 3, colour
        assert matplotlib.rcParams["xtick.labelsize"] == kit.style.fontsize("tick", "slide")
    finally:
        kit.style.use("notebook")


# --- tables for people ---------------------------------------------------------------------------------------

def test_table_shows_people_headers_whole_dates_no_index_and_escapes(monkeypatch):
    import pandas as pd

    monkeypatch.delenv("KIT_MEDIUM", raising=False)
    frame = pd.DataFrame({"date": pd.to_datetime(["1924-02-01", "1924-02-07"]), "label": ["Britain", "<b>x</b>"],
                          "kind": ["relations_established", "de_jure_recognition"]}, index=[60, 61])
    html = kit.table(frame, columns={"date": "Date", "label": "State"})._repr_html_()
    left = ' style="text-align: left"'
    assert f'<th scope="col"{left}>Date</th><th scope="col"{left}>State</th>' in html and "kind" not in html
    assert "1\u00a0February\u00a01924" in html  # never broken across lines
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>" not in html
    assert ">60<" not in html  # no index
    monkeypatch.setenv("KIT_MEDIUM", "slide")
    short = kit.table(frame, columns=["date", "label"], max_rows=1)._repr_html_()
    assert short.count("<tr>") == 2 and "1 more row" in short  # a header row and one row
    try:
        kit.table(frame, columns={"title": "Title"})
    except KeyError as err:
        assert "'title'" in str(err)
    else:
        raise AssertionError("a missing column was accepted")


# --- the stored figures: every line and every text stands out from the white ---------------------------------

def _stored_svgs():
    import json
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            for output in cell.get("outputs", []):
                svg = output.get("data", {}).get("image/svg+xml")
                if svg:
                    yield f"{path.name} cell {index}", "".join(svg) if isinstance(svg, list) else svg


def _on_white(colour: str, opacity: float) -> str:
    """A colour drawn at `opacity` over white, as the eye sees it."""
    red, green, blue = matplotlib.colors.to_rgb(colour)
    return matplotlib.colors.to_hex([c * opacity + (1 - opacity) for c in (red, green, blue)])


def _weak_colours(svg: str) -> tuple[int, list[str]]:
    """(lines seen, colours that do not stand out): lines under 3:1 and texts under 4.5:1 against white."""
    import re

    seen, weak = 0, []
    for style in re.findall(r'style="([^"]*)"', svg):
        props = dict(part.split(":", 1) for part in style.replace(" ", "").split(";") if ":" in part)
        stroke, fill = props.get("stroke"), props.get("fill")
        if stroke and stroke.startswith("#") and fill == "none" and props.get("stroke-width", "1") != "0":
            seen += 1
            shown = _on_white(stroke, float(props.get("stroke-opacity", 1)))
            if shown.lower() != "#ffffff" and kit.style.contrast(shown) < 3:
                weak.append(f"a line in {stroke} ({kit.style.contrast(shown):.1f}:1)")
    for style in re.findall(r'<text[^>]*style="([^"]*)"', svg):
        fill = re.search(r"fill:\s*(#[0-9a-fA-F]{6})", style)
        if fill and kit.style.contrast(fill.group(1)) < 4.5:
            weak.append(f"text in {fill.group(1)} ({kit.style.contrast(fill.group(1)):.1f}:1)")
    return seen, weak


def test_the_colour_check_sees_a_light_line_and_light_text():
    fig, ax = plt.subplots()
    ax.plot([1, 2], [1, 2], color=kit.style.OKABE_ITO["orange"])
    ax.text(1, 1, "faint", color=kit.style.OKABE_ITO["sky_blue"])
    seen, weak = _weak_colours(kit.to_svg(fig, "check"))
    plt.close(fig)
    assert seen and any("#e69f00" in w for w in weak) and any("#56b4e9" in w for w in weak), weak


def test_every_line_in_a_stored_figure_is_3_to_1_and_every_text_4_5_to_1():
    seen, weak = 0, []
    for where, svg in _stored_svgs():
        lines, found = _weak_colours(svg)
        seen += lines
        weak += [f"{where}: {what}" for what in found]
    assert seen, "no lines found in the stored figures: the check reads nothing"
    assert sorted(set(weak)) == [], "\n".join(sorted(set(weak)))


def test_a_table_writes_dates_kept_as_text_whole_at_their_precision():
    from breaking_isolation.figures import NBSP, cell_text
    assert cell_text("1927-12-14") == NBSP.join(["14", "December", "1927"])  # no line break at a hyphen
    assert cell_text("1924-08") == NBSP.join(["August", "1924"])
    assert cell_text("1926") == "1926"
    assert cell_text("1924-13") == "1924-13"                                # not a date: left as it is
    assert cell_text("1927-nationalist-break") == "1927-nationalist-break"  # an event id stays an id


def test_a_table_shows_the_rows_that_matter_and_folds_the_rest():
    import pandas as pd

    from breaking_isolation.figures import table

    frame = pd.DataFrame({"state": ["britain", "italy", "germany", "japan"], "n": [1, 2, 3, 4]})
    shown = table(frame, first=frame["state"].isin(["britain", "germany"]))
    markup = shown._repr_html_()
    up_front, _, fold = markup.partition("<details")
    assert "britain" in up_front and "germany" in up_front and "italy" not in up_front
    assert "Show the other 2 rows" in fold and "italy" in fold and "japan" in fold
    assert "2 more rows folded" in repr(shown)


def test_on_a_slide_a_table_shows_the_rows_that_matter_and_says_where_the_rest_are(monkeypatch):
    """A slide has no fold to open: the rows `first` picks are shown, and the line below counts the others."""
    import pandas as pd

    from breaking_isolation.figures import table

    monkeypatch.setenv("KIT_MEDIUM", "slide")
    frame = pd.DataFrame({"state": ["italy", "britain", "japan", "germany", "spain"], "n": [1, 2, 3, 4, 5]})
    markup = table(frame, first=frame["state"].isin(["britain", "germany"]))._repr_html_()
    assert "<details" not in markup and markup.count("<tr>") == 3, markup  # a header row and the two powers
    assert "britain" in markup and "germany" in markup and "italy" not in markup
    assert "… and 3 more rows: the whole table is in the notebook and the handout." in markup
    short = table(frame, first=frame["state"] != "spain", max_rows=3)._repr_html_()
    assert short.count("<tr>") == 4 and "… and 2 more rows" in short  # one not picked, one past max_rows


def test_a_table_aligns_text_left_and_numbers_right():
    """Each cell carries its alignment inline: JupyterLab right-aligns output tables and drops an untrusted <style>."""
    import pandas as pd

    from breaking_isolation.figures import table

    frame = pd.DataFrame({"state": ["britain", "italy"], "acts": [3, 12], "share": [0.5, 1.25], "open": [True, False]})
    markup = table(frame)._repr_html_()
    cells = re.findall(r'<td style="text-align: (\w+)">([^<]*)</td>', markup)
    assert cells[:4] == [("left", "britain"), ("right", "3"), ("right", "0.5"), ("left", "yes")]
    assert re.findall(r'<th scope="col" style="text-align: (\w+)">', markup) == ["left", "right", "right", "left"]


def test_a_captioned_figure_has_a_short_alt_text_that_points_to_the_caption():
    """The caption prints the description; the image's alt names the figure and points there, not a repeat."""
    fig = _figure()
    fig.axes[0].set_title("States recognising Moscow")
    (data, metadata), (caption, _) = _shown(alt="Step chart of how many states recognised Moscow, 1920-33.",
                                            caption="Figure 1.", fig=fig)
    short = "Figure 1: States recognising Moscow. Described in the caption below."
    assert metadata["image/svg+xml"]["alt"] == short and f'alt="{short}"' in data["text/html"]
    assert "Step chart" not in data["text/html"].split("src=")[0]
    assert "Step chart of how many states" in caption["text/markdown"]


def test_a_captioned_figure_of_titled_panels_names_every_panel_in_its_alt():
    """A figure of two titled panels is not named by its first panel alone (lesson 5's figure 2 was "The state
    face"): the alt gives the figure's title, if any, and every panel's."""
    from breaking_isolation.figures import short_alt

    fig, (state, party) = plt.subplots(1, 2)
    state.set_title("The state face")
    party.set_title("The party face")
    assert short_alt(fig, "Figure 2.") == ("Figure 2, in two panels (The state face; The party face). "
                                           "Described in the caption below.")
    fig.suptitle("Whom Moscow backed")
    assert short_alt(fig, "Figure 2.") == ("Figure 2: Whom Moscow backed, in two panels (The state face; The party "
                                           "face). Described in the caption below.")
    plt.close(fig)


# --- drawn once ------------------------------------------------------------------------------------------------

def _view_box(svg: str) -> list[float]:
    return [float(n) for n in re.search(r'viewBox="([^"]*)"', svg).group(1).split()]


def _keyed_chart():
    per_year = __import__("pandas").DataFrame({"cooperative": [3, 5, 2], "hostile": [1, 0, 4]},
                                               index=[1921, 1922, 1923])
    return kit.charts.events_by_tone(per_year)  # a chart with its key and source line below the axes


def test_to_svg_draws_a_chart_once_and_crops_it_as_savefig_would(monkeypatch):
    import io

    from matplotlib.figure import Figure

    fig = _keyed_chart()
    with plt.rc_context({"svg.hashsalt": kit.style.SVG_HASHSALT}):
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    measured = _view_box(buffer.getvalue())
    draws = []
    real_draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, renderer: draws.append(renderer) or real_draw(self, renderer))
    svg = kit.to_svg(fig, "Events by tone")
    assert len(draws) == 1  # the SVG itself, and no draw before it to measure the figure
    # The crop is savefig's own, measured on the screen renderer: within a point of it on every side.
    assert all(abs(a - b) < 1.0 for a, b in zip(_view_box(svg), measured)), (_view_box(svg), measured)
    assert "Source: the kit" in svg  # the source line below the key is inside the picture


def test_a_figure_with_a_working_layout_engine_is_measured_by_savefig():
    fig, ax = plt.subplots(layout="constrained", figsize=(4, 3))
    ax.set_title("A title wide enough to reach the edges of a small figure, and past them")
    ax.plot([1, 2], [3, 4])
    svg = kit.to_svg(fig, "A line")
    assert fig.get_layout_engine() is not None  # left to lay the figure out as it draws
    import io

    with plt.rc_context({"svg.hashsalt": kit.style.SVG_HASHSALT}):
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    assert _view_box(svg) == _view_box(buffer.getvalue())  # the crop of the laid-out figure, savefig's own
    assert _view_box(svg)[2] > 4 * 72  # the title sticks out of the 4-inch figure, and the crop takes it in


def test_a_charts_crop_is_what_its_layout_measured_and_a_changed_chart_is_measured_again(monkeypatch):
    from matplotlib.figure import Figure

    measured = []
    real_measure = Figure.get_tightbbox
    monkeypatch.setattr(Figure, "get_tightbbox", lambda self, *a, **k: measured.append(self) or real_measure(self, *a, **k))
    for chart in (_keyed_chart, lambda: kit.china_charts.backing_grid(*_backing())):
        fig = chart()
        svg = kit.to_svg(fig, "A chart")
        assert measured == []  # the key's layout measured the chart: the crop measures nothing again
        # the crop is the figure's own measure on the renderer it was laid out with: within a point of it
        box = real_measure(fig, fig.canvas.get_renderer()).padded(matplotlib.rcParams["savefig.pad_inches"])
        assert all(abs(a - b) < 1.0 for a, b in zip(_view_box(svg)[2:], (box.width * 72, box.height * 72)))
        plt.close(fig)
    fig = _keyed_chart()
    fig.text(1.1, 1.2, "A note added to the chart afterwards")  # out beyond the chart's top right corner
    svg = kit.to_svg(fig, "A chart")
    assert measured == [fig] and "A note added" in svg
    assert _view_box(svg)[2] > fig.get_figwidth() * 72 * 1.1  # the crop takes the note in
    plt.close(fig)



def _backing():
    """Notebook 3's figure 2 from the kit's data: a chart of two panels under one suptitle."""
    data = kit.load()
    return kit.china.backing_by_quarter(data.events, data.actors), kit.china.recognised_by_quarter(data.actors)
