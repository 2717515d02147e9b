"""The figure helper: deterministic SVG with alt text, and captions that show markup as text."""

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
