"""Outputs carry no live markup: data text reaches the handouts, the checks' feedback and the captions through one
escaping function, and web addresses only whole http(s) or not at all. Judged by rendering with a plain Markdown
library that does not sanitise (markdown-it-py, HTML on) and reading the HTML for anything that runs code."""

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import breaking_isolation as kit
from breaking_isolation import checks, documents, figures, markup

ROOT = Path(__file__).resolve().parents[1]
import build_handouts  # noqa: E402

RENDER = MarkdownIt("commonmark", {"html": True}).enable("table")
RENDER.validateLink = lambda url: True  # as a renderer that does not sanitise: markdown-it's own check is off
# Elements a handout's Markdown may produce; anything else came from the data.
ALLOWED = {"h1", "h2", "h3", "h4", "p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
           "table", "thead", "tbody", "tr", "th", "td", "br", "hr"}
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
           "<a href=\"javascript:alert(1)\">x</a>", "![x](data:text/html;base64,PHNjcmlwdD4=)", "*emphasis* and _this_",
           "$x^2$ costs $5", "<iframe src=//evil.example>", "&lt;script&gt; &#106;avascript:", "| a | b |",
           "<svg onload=alert(1)>", "`code` and <!-- comment -->", "[ref]: javascript:alert(1)", "# a heading"]


class Dangers(HTMLParser):
    """Every element, attribute and address in rendered HTML that could run code or was not the kit's own."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src") and not markup.safe_url(value or "") and not _kits_own(value or ""):
                self.found.append(f"{tag} {name}={value!r}")


def _kits_own(address: str) -> bool:
    """A relative link to another file of the kit (`../data/x.csv`, `05-china-events.md#a`): no scheme, no host."""
    return bool(address) and ":" not in address and not address.startswith("//")


def dangers(markdown: str) -> list[str]:
    parser = Dangers()
    parser.feed(RENDER.render(markdown))
    return parser.found


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_data_text_renders_as_plain_text(text):
    html = RENDER.render(markup.escape(text))
    assert dangers(markup.escape(text)) == []
    assert html.startswith("<p>") and html.count("<") == 2, html  # one paragraph, nothing else
    assert "<em>" not in html
    if "$" in text:  # JupyterLab typesets $...$ in Markdown; an escaped dollar stays a dollar
        assert "$" not in markup.MARKUP.sub("", markup.escape(text).replace("\\$", ""))


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/a?b=c#d", True), ("http://example.org", True), ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,<script>", False),
    ("https://example.org/a b", False), ("https://example.org/>x", False), ("https:example.org", False),
    ("//example.org", False), ("ftp://example.org", False), ("https://exa\u200bmple.org", False),
    ("vbscript:msgbox", False), ("", False)])
def test_a_url_is_a_whole_http_address_or_nothing(url, safe):
    assert (markup.safe_url(url) == url.strip()) is safe if safe else markup.safe_url(url) == ""
    assert dangers(f"Read at {markup.link(url)}.") == []


@pytest.fixture(scope="module")
def hostile_data(monkeypatch_module):
    """The kit's data with every event's title and description, and every field of every document that reaches a
    handout, replaced by hostile text (the loader would refuse some of it: this tests the outputs alone)."""
    data = kit.load()
    events = data.events.copy()
    events["title"] = [HOSTILE[i % len(HOSTILE)] for i in range(len(events))]
    events["description"] = [HOSTILE[(i + 3) % len(HOSTILE)] for i in range(len(events))]
    sources = data.sources.copy()
    sources["citation"] = [HOSTILE[(i + 5) % len(HOSTILE)] for i in range(len(sources))]
    data = dataclasses.replace(data, events=events, sources=sources)
    real = documents.load_documents(data=kit.load())

    def spoiled(**_):
        return [dataclasses.replace(doc, title=HOSTILE[i % len(HOSTILE)], url=["javascript:alert(1)",
                "data:text/html,x", "https://ok.example/a\"onmouseover=alert(1)"][i % 3],
                licence_reason=HOSTILE[(i + 1) % len(HOSTILE)], author=HOSTILE[(i + 2) % len(HOSTILE)],
                place=HOSTILE[(i + 4) % len(HOSTILE)], headnote=HOSTILE[(i + 6) % len(HOSTILE)],
                text="\n".join(HOSTILE), questions=tuple(HOSTILE[:3]), date_note=HOSTILE[(i + 7) % len(HOSTILE)])
                for i, doc in enumerate(real)]

    monkeypatch_module.setattr(documents, "load_documents", spoiled)
    monkeypatch_module.setattr(build_handouts, "load_documents", spoiled)
    return data


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize("name", sorted(build_handouts.HANDOUTS))
def test_every_handout_stays_inert_with_hostile_data(name, hostile_data):
    text = build_handouts.HANDOUTS[name](hostile_data)
    assert dangers(text) == []
    assert HOSTILE[0] not in RENDER.render(text)  # the script tag shows as text, escaped


def test_the_checks_feedback_and_the_captions_escape_with_the_same_function():
    text = "<b>x</b> *y* $z$"
    assert figures.escape_markdown(text) == markup.escape(text)
    shown = checks.Verdict(checks.WRONG, text, (text,))._repr_markdown_()
    assert dangers(shown) == [] and "\\$z\\$" in shown and "<b>" not in RENDER.render(shown)
