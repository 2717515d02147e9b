"""Data text made safe for Markdown and HTML, in one place: the handouts, the checks' feedback and the figures'
captions all go through `escape`, and every web address a handout prints through `safe_url`.

A value from the data (an event's title, a document's headnote) is text, never markup: a renderer that does not
sanitise (a plain Markdown library with HTML on, a printed handout's converter) must show `<script>` as those
characters, `*x*` with its stars, and `$x$` as dollars, not as mathematics (JupyterLab typesets `$...$`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .patterns import lazy

# Every ASCII character that Markdown, HTML or Lab's mathematics could read as markup. CommonMark lets any ASCII
# punctuation be escaped with a backslash, and the escaped character shows as itself in every renderer.
MARKUP = lazy(r"([\\`*_\[\]<>&|~#$!])")


def escape(text) -> str:
    """`text` as literal Markdown (and so literal HTML): no tag, entity, emphasis, link or maths in it is read."""
    return MARKUP.sub(r"\\\1", str(text))


def safe_url(url: str) -> str:
    """`url` if it is one whole http(s) address (scheme, host, no space, quote or angle bracket), else ''.
    A `javascript:` or `data:` address, or one that would break out of a Markdown link, is dropped."""
    url = str(url).strip()
    if not url or any(c.isspace() or c in "<>\"'`\\" or not c.isprintable() for c in url) or not url.isascii():
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or url[len(parts.scheme):][:3] != "://":
        return ""
    return url


def link(url: str, missing: str = "no web address given") -> str:
    """A safe address as a Markdown autolink `<https://...>`, or `missing` (escaped) when it is not one."""
    safe = safe_url(url)
    return f"<{safe}>" if safe else escape(missing)
