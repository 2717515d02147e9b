"""One look for every figure: Okabe–Ito colours, a shape beside every colour, sizes legible when projected."""

import matplotlib as mpl

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}
GREY = "#767676"  # 4.5:1 against white, for secondary text

# Every event kind a figure may show, with a colour and a marker, so that no kind is told by colour alone.
KIND_STYLE = {
    "relations_established": (OKABE_ITO["blue"], "s"),
    "de_facto_recognition": (OKABE_ITO["sky_blue"], "o"),
    "de_jure_recognition": (OKABE_ITO["bluish_green"], "D"),
    "relations_broken": (OKABE_ITO["vermillion"], "X"),
    "relations_restored": (OKABE_ITO["orange"], "^"),
    "recognition_withdrawn": (OKABE_ITO["black"], "v"),
}
# The sign of a relation: colour and line style together.
TONE_STYLE = {
    "cooperative": {"color": OKABE_ITO["blue"], "linestyle": "solid"},
    "neutral": {"color": GREY, "linestyle": "dotted"},
    "hostile": {"color": OKABE_ITO["vermillion"], "linestyle": "dashed"},
}
SVG_HASHSALT = "breaking-isolation"  # fixed, so that SVG ids and so the figures re-run byte-identical

RC = {
    "axes.prop_cycle": mpl.cycler(color=[OKABE_ITO[c] for c in
                                         ("blue", "orange", "bluish_green", "vermillion", "sky_blue",
                                          "reddish_purple", "yellow", "black")]),
    "figure.figsize": (10, 5.6),
    "figure.dpi": 100,
    "font.size": 14,
    "axes.titlesize": 17,
    "axes.titleweight": "bold",
    "axes.labelsize": 15,
    "xtick.labelsize": 13,
    "ytick.labelsize": 13,
    "legend.fontsize": 13,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "lines.linewidth": 2.5,
    "lines.markersize": 9,
    "svg.hashsalt": SVG_HASHSALT,
    "svg.fonttype": "none",  # text stays text: smaller files, searchable, read by screen readers
}


def use() -> None:
    """Apply the kit's figure style to every figure that follows."""
    mpl.rcParams.update(RC)
