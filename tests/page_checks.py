"""What a reader sees on a page, measured in the browser: text sizes as rendered, overflow, axe-core findings.

Shared by the deck, handout and JupyterLab tests. A figure is an <img> of an SVG: its text sizes are read from
the SVG itself (each <text>'s font size times the scale from the SVG's user units to the image as displayed),
so "24 px" means 24 px on the screen, whatever the figure's own size and however the page scales it.
"""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

import build_slides  # noqa: E402

# The JS function `figureTexts(img)`: every text of the SVG shown by `img`, with its size in screen pixels.
FIGURE_TEXTS_JS = r"""
window.kitFigureTexts = (img) => {
    const src = img.getAttribute('src') || '';
    const comma = src.indexOf(',');
    if (!src.startsWith('data:image/svg+xml') || comma < 0) return [];
    const payload = src.slice(comma + 1);
    const bytes = src.slice(0, comma).endsWith(';base64')
        ? Uint8Array.from(atob(payload), c => c.charCodeAt(0)) : new TextEncoder().encode(decodeURIComponent(payload));
    const svg = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'image/svg+xml').documentElement;
    const box = img.getBoundingClientRect();
    // Lay the SVG out, unseen, at exactly the size the image is displayed, and ask each text for its scale.
    const holder = document.createElement('div');
    holder.style.cssText = 'position:fixed;left:-20000px;top:0;visibility:hidden;pointer-events:none';
    svg.setAttribute('width', box.width);
    svg.setAttribute('height', box.height);
    holder.appendChild(document.importNode(svg, true));
    document.body.appendChild(holder);
    const texts = [...holder.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
        const m = t.getScreenCTM();
        const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
        const r = t.getBoundingClientRect();
        // which axes's row labels it is, if it is one (matplotlib's SVG: g#axes_N > g#ytick_M > text)
        const tick = t.closest('g[id^="ytick_"]'), axes = t.closest('g[id^="axes_"]');
        return {text: t.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(t).fontSize) * scale,
                box: {left: r.left, top: r.top, right: r.right, bottom: r.bottom},
                row_of: tick && axes ? axes.id : null, group: t.parentNode};
    });
    holder.remove();
    return texts;
};

// Where the texts of one figure run into each other, as a person would see it: every pair of texts (the lines
// of one multi-line label apart) whose boxes, as laid out at the image's displayed size, overlap by more than
// `slack` px up and down while less than a fifth of their size apart side by side (so "19201922" counts); and,
// for each axes with row labels, the least distance in px between two neighbouring labels' centres.
window.kitFigureCrowding = (img, slack) => {
    const texts = window.kitFigureTexts(img);
    const overlaps = [];
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
        if (texts[i].group === texts[j].group) continue;
        const a = texts[i].box, b = texts[j].box;
        const gap = 0.2 * Math.min(texts[i].px, texts[j].px);
        const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left) + gap;
        const high = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (wide > slack && high > slack) overlaps.push(`"${texts[i].text}" and "${texts[j].text}" ` +
            (wide > gap ? `overlap by ${(wide - gap).toFixed(0)} x ${high.toFixed(0)} px` : `are only ${(gap - wide).toFixed(0)} px apart`));
    }
    const rows = {};
    for (const t of texts) if (t.row_of) (rows[t.row_of] = rows[t.row_of] || []).push(t);
    const pitches = Object.values(rows).filter(labels => labels.length > 1).map(labels => {
        const centres = labels.map(t => (t.box.top + t.box.bottom) / 2).sort((a, b) => a - b);
        const gaps = centres.slice(1).map((c, k) => c - centres[k]);
        return {labels: labels.length, pitch: Math.min(...gaps), px: Math.max(...labels.map(t => t.px))};
    });
    return {overlaps, pitches};
};
"""



def install_figure_texts(page) -> None:
    """Make window.kitFigureTexts(img) available on the page."""
    page.evaluate("() => {" + FIGURE_TEXTS_JS + "}")


# Every slide of a reveal.js deck after all its fragments: overflow, the smallest text, what it holds.
SLIDE_REPORT_JS = r"""
(limits) => {
    const report = [];
    const slidesBox = document.querySelector('.reveal .slides');
    for (const slide of Reveal.getSlides()) {
        const where = Reveal.getIndices(slide);
        Reveal.slide(where.h, where.v);
        while (Reveal.nextFragment()) {}
        // How much the deck is scaled on this screen (reveal.js uses a CSS transform or zoom).
        const scale = slidesBox.getBoundingClientRect().width / slidesBox.offsetWidth;
        const box = slide.getBoundingClientRect();
        const id = `${where.h + 1}.${(where.v || 0) + 1}`;
        const heading = slide.querySelector('h1, h2, h3, h4');
        // a figure's description kept for screen readers only (.kit-visually-hidden) is not shown on the slide
        const visible = el => !el.closest('aside.notes') && !el.closest('.kit-visually-hidden') && el.getClientRects().length > 0;
        const overflow = [];
        if (slide.scrollHeight > slide.clientHeight + 1) overflow.push(`slide is ${slide.scrollHeight - slide.clientHeight} px taller than the screen`);
        if (slide.scrollWidth > slide.clientWidth + 1) overflow.push(`slide is ${slide.scrollWidth - slide.clientWidth} px wider than the screen`);
        const screen = {right: window.innerWidth, bottom: window.innerHeight};
        const flagged = new Set();  // report the outermost element that runs out, not every cell inside it
        for (const el of slide.querySelectorAll('*')) {
            if (!visible(el)) continue;
            if (el.parentElement && flagged.has(el.parentElement)) { flagged.add(el); continue; }
            const before = overflow.length;
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            const what = `${el.tagName.toLowerCase()} "${(el.textContent || el.alt || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
            if (r.right > Math.min(box.right, screen.right) + 1 || r.bottom > Math.min(box.bottom, screen.bottom) + 1)
                overflow.push(`${what} ends ${Math.round(Math.max(r.right - box.right, r.bottom - box.bottom))} px outside the slide`);
            const style = getComputedStyle(el);
            if (/(auto|scroll|hidden)/.test(style.overflowX + style.overflowY) && el !== slide &&
                (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
                overflow.push(`${what} hides ${el.scrollWidth - el.clientWidth} x ${el.scrollHeight - el.clientHeight} px behind a scroll bar`);
            if (overflow.length > before) flagged.add(el);
        }
        const body = [];
        for (const el of slide.querySelectorAll('p, li, td, th, pre, blockquote, caption, h1, h2, h3, h4')) {
            if (!visible(el) || !el.textContent.trim()) continue;
            body.push({text: el.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) * scale});
        }
        const figures = [...slide.querySelectorAll('img')].filter(visible);
        // How each figure is scaled from its own size, and why: wider than the slide, or fitted in height.
        const scaled = figures.map(img => {
            const shown = img.getBoundingClientRect().width / scale;
            const ratio = img.naturalWidth ? shown / img.naturalWidth : 1;
            return ratio < 0.98 ? `a figure is shown at ${Math.round(ratio * 100)} % of its size (${img.naturalWidth} x ${img.naturalHeight} px` +
                (img.style.maxHeight ? ', fitted in height because the slide runs past the screen)' : ', wider than the slide)') : null;
        }).filter(Boolean);
        const figureTexts = figures.flatMap(img => window.kitFigureTexts(img));
        const crowding = figures.map(img => window.kitFigureCrowding(img, limits.slack || 1));
        const blocks = [...slide.querySelectorAll('p, li, table, img, pre, h1, h2, h3, h4')].filter(visible);
        const last = blocks.length ? blocks[blocks.length - 1] : null;
        report.push({
            id, title: heading ? heading.textContent.replace('¶', '').trim() : '',
            overflow: [...new Set(overflow)],
            body_min: body.length ? Math.min(...body.map(b => b.px)) : null,
            body_small: body.filter(b => b.px < limits.body).map(b => `${b.px.toFixed(1)} px: ${b.text}`),
            figures: figures.length,
            scaled,
            figure_min: figureTexts.length ? Math.min(...figureTexts.map(t => t.px)) : null,
            figure_small: figureTexts.filter(t => t.px < limits.figure).map(t => `${t.px.toFixed(1)} px: ${t.text}`),
            figures_without_text: figures.filter(img => window.kitFigureTexts(img).length === 0).length,
            figure_overlaps: crowding.flatMap(c => c.overlaps),
            row_pitches: crowding.flatMap(c => c.pitches),
            heading_only: !!heading && blocks.every(b => /^H[1-4]$/.test(b.tagName)),
            ends_with_colon: !!last && last.tagName === 'P' && /:\s*$/.test(last.textContent),
            notes_in_fragment: [...slide.querySelectorAll('aside.notes')].filter(n => n.closest('.fragment')).length,
        });
    }
    Reveal.slide(0, 0);
    return report;
}
"""


def axe_script() -> Path:
    """axe-core's script from node_modules (pinned in tools/build_slides.py, installed with reveal.js)."""
    try:
        return build_slides.ensure_axe()
    except RuntimeError as problem:
        if os.environ.get("CI"):
            pytest.fail(str(problem))
        pytest.skip(str(problem))


# Findings that come from JupyterLab's own interface, not from the kit, each with its upstream report:
# (axe rule, a CSS selector the finding's element matches, why). Only these are left out, and only in Lab.
LAB_OWN_FINDINGS: list[tuple[str, str, str]] = [
    ("aria-allowed-attr", "jp-button",
     "JupyterLab's toolbar buttons carry aria-pressed on a role that does not allow it: "
     "https://github.com/jupyterlab/jupyterlab/issues/16891"),
    ("aria-input-field-name", ".jp-InputArea-editor .cm-content",
     "JupyterLab's code editors (CodeMirror 6) have no accessible name; CodeMirror leaves the label to the "
     "application: https://github.com/jupyterlab/jupyterlab/issues/16890, https://github.com/codemirror/dev/issues/1127"),
    ("aria-required-children", ".jp-WindowedPanel-viewport[role='feed']",
     "JupyterLab's notebook is a role=feed whose cells are not articles: "
     "https://github.com/jupyterlab/jupyterlab/issues/14765"),
    ("aria-prohibited-attr", ".jp-MarkdownCell",
     "JupyterLab 4 puts aria-label=\"Markdown Cell Content\" on each rendered Markdown cell's div, a role that "
     "allows no label; the cell's text is read all the same"),
    ("button-name", "button.jp-collapseHeadingButton",
     "JupyterLab's collapse-heading button beside a Markdown heading has no name (listed with Lab's other "
     "name/role/value findings): https://github.com/jupyterlab/jupyterlab/issues/16890"),
]


def axe_findings(page, script: Path, context: str | None = None,
                 excluded: list[tuple[str, str, str]] = ()) -> list[dict]:
    """The critical and serious axe-core findings on the page (or within `context`), minus `excluded`."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(script))
    results = page.evaluate("""async ([context, excluded]) => {
        const found = await axe.run(context ? document.querySelector(context) : document,
                                    {resultTypes: ['violations']});
        const out = [];
        for (const rule of found.violations) {
            if (!['critical', 'serious'].includes(rule.impact)) continue;
            for (const node of rule.nodes) {
                const el = document.querySelector(node.target[0]);
                if (el && excluded.some(([id, selector]) => id === rule.id && el.matches(selector))) continue;
                out.push({rule: rule.id, impact: rule.impact, target: node.target.join(' '),
                          html: node.html.slice(0, 160), why: node.failureSummary.slice(0, 200)});
            }
        }
        return out;
    }""", [context, [list(e[:2]) for e in excluded]])
    return results


def summary(findings: list[dict]) -> str:
    """Findings grouped by rule, for an assertion message."""
    by_rule: dict[str, list[dict]] = {}
    for finding in findings:
        by_rule.setdefault(f"{finding['rule']} ({finding['impact']})", []).append(finding)
    return json.dumps({rule: [f"{f['target']}: {f['html']}" for f in items[:5]] + ([f"... {len(items)} in all"]
                              if len(items) > 5 else []) for rule, items in by_rule.items()}, indent=1)
