"""One look for every figure, sized and lettered for the medium it is shown in.

The same notebook cells draw every figure; the environment variable KIT_MEDIUM says where it will be seen:

| KIT_MEDIUM | where | sized so that |
|---|---|---|
| `notebook` (default) | a JupyterLab column, a handout | a "wide" figure is about 830 px wide: it fits a ~900 px column, no side-scrolling |
| `slide` | a 16:9 deck (1280x720, and the same at 1920x1080) | every text of the figure is at least 24 px on the projected slide, at the figure's own size |
| `print` | an A4 page | a "wide" figure fits the 180 mm between the margins at its own size |

The deck build (tools/build_slides.py) runs the notebooks with KIT_MEDIUM=slide; nothing else needs setting.

For the code that draws figures (the package's figure functions):

    style.use()                      # once per notebook: colours, font sizes and figure size for the medium
    style.medium()                   # "notebook", "slide" or "print"
    style.figsize("wide")            # (width, height) in inches; kinds: wide, tall, square, panels, strip
    style.figsize("tall", rows=28)   # a chart with one row per item grows with its rows (within the medium)
    style.fontsize("tick")           # points; roles: title, label, tick, legend, node, annotation, source
    style.LINE_COLOURS               # colours for lines, markers, text: each >= 3:1 against white
    style.FILL_COLOURS               # every Okabe-Ito colour, for fills: draw them with a dark edge (EDGE)
    style.contrast("#0072B2")        # contrast ratio against white (or a second colour)

Rules the figures follow: never tell two things apart by colour alone (every colour has a marker, hatch or
line style beside it); a colour used as a line, a marker without an edge, or text is one of LINE_COLOURS;
the two light Okabe-Ito tints (orange, sky blue, and yellow) appear only as fills with an EDGE outline;
pass sizes as `fontsize=style.fontsize(role)` rather than numbers, so that a figure stays legible on a slide.
"""

import os

import matplotlib as mpl

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}
GREY = "#767676"  # 4.5:1 against white, for secondary text
EDGE = "#1a1a1a"  # the outline around a light fill, so that the shape stands out by its edge
GRID = "#949494"  # 3:1 against white: thin grid lines that are still seen

# For lines, markers and text: the Okabe-Ito colours with at least 3:1 against white (WCAG 1.4.11), in the
# order a figure should use them. Orange (2.2:1), sky blue (2.3:1) and yellow (1.3:1) are too light for lines.
LINE_COLOURS = {name: OKABE_ITO[name] for name in ("blue", "vermillion", "bluish_green", "reddish_purple", "black")}
LINE_COLOURS["grey"] = GREY
# For filled areas and filled markers, always with an EDGE outline: all of them.
FILL_COLOURS = dict(OKABE_ITO)

# Every event kind a figure may show, with a colour and a marker, so that no kind is told by colour alone.
# Light colours are marker fills: draw these markers with markeredgecolor=EDGE.
KIND_STYLE = {
    "relations_established": (OKABE_ITO["blue"], "s"),
    "de_facto_recognition": (OKABE_ITO["sky_blue"], "o"),
    "de_jure_recognition": (OKABE_ITO["bluish_green"], "D"),
    "relations_broken": (OKABE_ITO["vermillion"], "X"),
    "relations_restored": (OKABE_ITO["orange"], "^"),
    "recognition_withdrawn": (OKABE_ITO["black"], "v"),
}
# The sign of a relation: colour and line style together (both colours >= 3:1 as lines).
TONE_STYLE = {
    "cooperative": {"color": OKABE_ITO["blue"], "linestyle": "solid"},
    "neutral": {"color": GREY, "linestyle": "dotted"},
    "hostile": {"color": OKABE_ITO["vermillion"], "linestyle": "dashed"},
    "mixed": {"color": OKABE_ITO["reddish_purple"], "linestyle": "dashdot"},
}
SVG_HASHSALT = "breaking-isolation"  # fixed, so that SVG ids and so the figures re-run byte-identical

MEDIA = ("notebook", "slide", "print")

# Figure sizes in inches. An SVG figure shows at 96 px per inch where nothing scales it: a notebook "wide"
# figure is 8.6 in = 826 px; a slide figure 12 in = 1152 px of the deck's 1280 x 720, leaving room for the
# heading and two lines of takeaway; a print figure 7 in = 178 mm, inside A4's 180 mm between 15 mm margins.
FIGSIZES = {
    "notebook": {"wide": (8.6, 4.6), "tall": (8.6, 6.4), "square": (6.4, 5.6), "panels": (8.6, 5.2),
                 "strip": (8.6, 3.0)},
    "slide": {"wide": (12.0, 4.2), "tall": (12.0, 4.4), "square": (7.0, 4.4), "panels": (12.0, 4.4),
              "strip": (12.0, 3.0)},
    "print": {"wide": (7.0, 3.9), "tall": (7.0, 8.6), "square": (5.6, 5.0), "panels": (7.0, 4.6),
              "strip": (7.0, 2.6)},
}
# The height one row of a "tall" chart needs, and the most rows a medium takes before the figure must be
# split (a slide holds few rows at 24 px text: split the chart by region or period there).
ROW_HEIGHT = {"notebook": 0.26, "slide": 0.32, "print": 0.2}
MAX_ROWS = {"notebook": 30, "slide": 10, "print": 40}

# Font sizes in points (1 pt = 4/3 px at the figure's own size). On a slide, reveal.js shows the 1280 x 720
# deck at its own size (the deck's margin is 0), so 19 pt reads at 25.3 px: 24 px is the kit's standard for a
# slide, and the 5 % above it let the browser draw the text a little wider than matplotlib measured, or fit a
# figure a little smaller, and still show 24 px (tests/test_slides.py holds figure text to 25 px). A slide
# figure is shown at its own size, never shrunk (its heights on a slide are chosen so that it fits under its
# heading and beside its takeaway).
FONTSIZES = {
    "notebook": {"title": 14, "label": 12, "tick": 11, "legend": 11, "node": 11, "annotation": 11, "source": 10},
    "slide": {"title": 22, "label": 19, "tick": 19, "legend": 19, "node": 19, "annotation": 19, "source": 19},
    "print": {"title": 11, "label": 10, "tick": 9, "legend": 9, "node": 9, "annotation": 9, "source": 8},
}


def medium() -> str:
    """The medium the figures are drawn for, from KIT_MEDIUM (default "notebook")."""
    value = os.environ.get("KIT_MEDIUM", "").strip().lower() or "notebook"
    if value not in MEDIA:
        raise ValueError(f"KIT_MEDIUM={value!r} is not a medium the kit knows: use one of {', '.join(MEDIA)}")
    return value


def figsize(kind: str = "wide", rows: int | None = None, where: str | None = None) -> tuple[float, float]:
    """(width, height) in inches of a figure of `kind` in the medium; with `rows`, the height a chart of that
    many rows needs (never less than the kind's own height)."""
    where = where or medium()
    sizes = FIGSIZES[where]
    if kind not in sizes:
        raise ValueError(f"figure kind {kind!r} is unknown: use one of {', '.join(sizes)}")
    width, height = sizes[kind]
    if rows is not None:
        height = max(height, 1.2 + ROW_HEIGHT[where] * rows)
    return width, height


def max_rows(where: str | None = None) -> int:
    """The most rows a one-row-per-item chart may have in the medium before it is split into several."""
    return MAX_ROWS[where or medium()]


def fontsize(role: str = "tick", where: str | None = None) -> float:
    """The font size in points for text of `role` in the medium."""
    sizes = FONTSIZES[where or medium()]
    if role not in sizes:
        raise ValueError(f"text role {role!r} is unknown: use one of {', '.join(sizes)}")
    return sizes[role]


def source_line(text: str, where: str | None = None) -> str:
    """A figure's source line for the medium: on a slide each clause after the first ("; ...") on a line of its
    own, each line ending in two no-break spaces. The browser sets a line a little wider than matplotlib measures
    it, so a line that is the figure's widest text would lose its last letters at the image's edge: the
    spaces are that room."""
    if (where or medium()) != "slide":
        return text
    return "\n".join(line + "\u00a0\u00a0" for line in text.replace("; ", ";\n").split("\n"))


def _luminance(colour: str) -> float:
    red, green, blue = mpl.colors.to_rgb(colour)
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(colour: str, background: str = "#ffffff") -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rc(where: str | None = None) -> dict:
    """The matplotlib settings of the kit's style for the medium."""
    where = where or medium()
    size = FONTSIZES[where]
    return {
        "axes.prop_cycle": mpl.cycler(color=list(LINE_COLOURS.values())),
        "figure.figsize": FIGSIZES[where]["wide"],
        "figure.dpi": 100,
        "font.size": size["label"],
        "axes.titlesize": size["title"],
        "axes.titleweight": "bold",
        # Titles sit just above their axes. Left to matplotlib (None) it would measure the whole y axis at every
        # layout and draw to check that nothing above the axes pushes the title up; no kit chart puts ticks or
        # labels there, and the measuring was a fifth of each figure's layout.
        "axes.titley": 1.0,
        "figure.titlesize": size["title"],
        "figure.titleweight": "bold",
        "axes.labelsize": size["label"],
        "xtick.labelsize": size["tick"],
        "ytick.labelsize": size["tick"],
        "legend.fontsize": size["legend"],
        "legend.title_fontsize": size["legend"],
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": EDGE,
        "xtick.color": EDGE,
        "ytick.color": EDGE,
        "axes.grid": True,
        "grid.color": GRID,
        "grid.linewidth": 0.6,
        "grid.linestyle": (0, (2, 3)),
        "hatch.color": EDGE,
        "patch.edgecolor": EDGE,
        "patch.force_edgecolor": True,  # bars and areas in light fills keep a dark outline
        "lines.linewidth": 2.5 if where != "print" else 1.8,
        "lines.markersize": {"notebook": 8, "slide": 11, "print": 6}[where],
        "lines.markeredgecolor": EDGE,
        "savefig.pad_inches": 0.04 if where == "slide" else 0.1,  # on a slide the deck's own margins give the air
        "svg.hashsalt": SVG_HASHSALT,
        "svg.fonttype": "none",  # text stays text: smaller files, searchable, read by screen readers
        "text.parse_math": False,  # data text is never markup: "$5 at 50% of $10" is drawn as written
    }


def use(where: str | None = None) -> None:
    """Apply the kit's figure style to every figure that follows: for `where` if given, else for KIT_MEDIUM."""
    mpl.rcParams.update(rc(where))


# The settings for a notebook, for code that reads them without calling use().
RC = rc("notebook")
