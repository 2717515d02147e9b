"""Show a figure as an SVG that re-runs byte-identical and carries its alt text."""

import html
import io

import re

import matplotlib.pyplot as plt
from IPython.display import Markdown, display

from .style import SVG_HASHSALT


def to_svg(fig, alt: str) -> str:
    """The figure as SVG text, with no date in it and `alt` as its accessible name."""
    buffer = io.StringIO()
    with plt.rc_context({"svg.hashsalt": SVG_HASHSALT}):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    svg = buffer.getvalue()
    label = html.escape(alt, quote=True)
    opening_end = svg.index(">", svg.index("<svg")) + 1
    opening = svg[:opening_end - 1] + f' role="img" aria-label="{label}">'
    return opening + f"\n <title>{label}</title>" + svg[opening_end:]


def show(fig, alt: str, caption: str | None = None) -> None:
    """Display `fig` with its alt text, then close it so it is not shown twice.

    With `caption` (say "Figure 1."), the alt text is also printed below the figure for every reader, as
    text: anything in it that looks like Markdown or HTML (an event title, say) is escaped, never rendered.
    """
    if not alt or not alt.strip():
        raise ValueError("every figure needs alt text: describe what it shows and what it tells")
    svg = to_svg(fig, alt)
    plt.close(fig)
    display({"image/svg+xml": svg, "text/plain": f"[Figure] {alt}"}, raw=True,
            metadata={"image/svg+xml": {"alt": alt}})
    if caption:
        display(Markdown(f"**{escape_markdown(caption)}** {escape_markdown(alt)}"))


def escape_markdown(text: str) -> str:
    """`text` as literal Markdown: every character that Markdown or HTML would read as markup is backslashed
    (CommonMark lets any ASCII punctuation be escaped so), so it shows as itself in every renderer."""
    return re.sub(r"([\\`*_\[\]<>&|~#])", r"\\\1", text)
