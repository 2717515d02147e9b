"""Data text is never markup: figures draw `$`, `_`, `^` and `\\` as written, handouts escape HTML."""

import html
import re

import matplotlib.pyplot as plt
import pytest

import breaking_isolation as kit

ROOT = kit.kit_root()
import build_handouts  # noqa: E402

TRICKY = r"a $5 credit at 50% of $10, x_1^2 and \alpha"


def test_figures_draw_dollars_and_underscores_literally():
    with plt.rc_context(kit.style.RC):
        fig, ax = plt.subplots()
        ax.set_title(TRICKY)
        ax.annotate(TRICKY, (0.5, 0.5))
        svg = kit.to_svg(fig, alt=TRICKY)
        plt.close(fig)
    # svg.fonttype none keeps text as text: the title is there as written, not typeset as mathematics
    assert svg.count(html.escape(TRICKY, quote=False)) >= 2


def test_mathtext_would_have_read_it_as_mathematics():
    """Why the kit's style turns it off: with it on, the same text fails to parse, and text between two dollar
    signs is typeset as mathematics instead of shown as written."""
    with plt.rc_context({**kit.style.RC, "text.parse_math": True}):
        fig, ax = plt.subplots()
        ax.set_title(TRICKY)
        with pytest.raises(ValueError, match="Expected"):
            kit.to_svg(fig, alt="x")
        plt.close(fig)
        fig, ax = plt.subplots()
        ax.set_title("cost $x_1$ each")
        svg = kit.to_svg(fig, alt="x")
        plt.close(fig)
    drawn = re.sub(r"<!--.*?-->", "", svg, flags=re.S)  # matplotlib names each text in a comment
    assert "$" not in drawn and "x_1" not in drawn          # typeset: the dollars and the underscore are gone


@pytest.mark.parametrize("text, shown", [
    ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
    ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
    ("Harriman & Co.", "Harriman \\& Co."),
    ("&amp; and &#60;", "\\&amp; and \\&\\#60;"),
    ("a | b", "a \\| b"),
    ("*x* [y](javascript:z) $5", "\\*x\\* \\[y\\](javascript:z) \\$5"),
])
def test_handout_cells_escape_html(text, shown):
    assert build_handouts._cell(text) == shown
