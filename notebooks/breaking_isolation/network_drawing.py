"""The relations network drawn: fixed positions, one panel per snapshot, a legend, alt text.

    fig = network.draw_panels({"1924": graph})      # small multiples, the same place for every actor
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from . import style
from .network_model import LABELS, SIGNS, SOURCE, SOVIET
from .style import GREY, TONE_STYLE

# Hand-placed: the West on the left, Moscow in the middle, East Asia on the right; China's rivals in a
# cluster so that their triangles with Moscow stay readable. Actors not placed here get a seeded layout.
POSITIONS = {
    "usa": (-2.9, 1.6), "britain": (-2.7, 0.4), "france": (-3.0, -0.9), "germany": (-2.25, -1.8),
    "ussr": (0.0, 0.0), "comintern": (1.3, 1.7),
    "japan": (3.5, 1.6), "china-beijing": (3.15, 0.4), "kmt": (1.85, -0.9), "kmt-wuhan": (3.3, -2.1),
    "ccp": (0.35, -2.05), "china": (3.4, -0.6),
}
LAYOUT_SEED = 1921



def positions(graphs) -> dict[str, tuple[float, float]]:
    """Fixed positions for every node of `graphs` (one graph or several): hand-placed where POSITIONS has the
    actor, else a spring layout seeded with LAYOUT_SEED around the placed ones, rounded so that re-runs agree."""
    graphs = [graphs] if isinstance(graphs, nx.Graph) else list(graphs)
    union = nx.compose_all(graphs) if graphs else nx.Graph()
    placed = {n: POSITIONS[n] for n in union if n in POSITIONS}
    loose = sorted(n for n in union if n not in POSITIONS)
    if not loose:
        return placed
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(union))
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in union.edges))
    layout = nx.spring_layout(ordered, pos=placed or None, fixed=list(placed) or None, seed=LAYOUT_SEED,
                              scale=3.0)
    return {n: (round(float(x), 3), round(float(y), 3)) for n, (x, y) in layout.items()}


def edge_width(weight: int) -> float:
    return 1.6 + 1.5 * math.sqrt(weight - 1)


def draw(graph: nx.Graph, ax, pos: dict, title: str = "", highlight: str = SOVIET, fontsize: float = 12) -> None:
    """One panel: edges in the colour and line style of their sign, width by weight; nodes as labelled boxes.

    An actor no longer in being at the window's end is drawn grey with a dashed frame.
    """
    # One collection of lines per sign, drawn neutral first and cooperative last (on top): one object per
    # sign rather than one per tie, which matplotlib makes, lays out and writes out at a fraction of the cost.
    for sign in reversed(SIGNS):
        ties = [(pos[u], pos[v], data["weight"]) for u, v, data in graph.edges(data=True) if data["sign"] == sign]
        if ties:
            tone = TONE_STYLE[sign]
            ax.add_collection(LineCollection([(a, b) for a, b, _ in ties], colors=tone["color"],
                                             linestyles=tone["linestyle"], capstyle="butt", zorder=1,
                                             linewidths=[edge_width(weight) for _, _, weight in ties]))
    for node, data in graph.nodes(data=True):
        x, y = pos[node]
        gone = not data["in_being"]
        ax.text(x, y, LABELS.get(node, data["label"]), ha="center", va="center", fontsize=fontsize,
                fontweight="bold" if node == highlight else "normal", color=GREY if gone else "black",
                linespacing=1.0, zorder=3,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": "#f2f2f2" if gone else "white",
                      "edgecolor": GREY if gone else "black", "linewidth": 1.2,
                      "linestyle": "dashed" if gone else "solid"})
    xs, ys = zip(*pos.values())
    ax.set_xlim(min(xs) - 0.75, max(xs) + 0.75)
    ax.set_ylim(min(ys) - 0.45, max(ys) + (0.3 if style.medium() == "slide" else 0.4))
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=style.fontsize("label"))


def legend_handles(weights=(1, 3, 6, 10), signs_in_a_row: bool = True) -> list:
    """Legend entries: one line per sign (colour and line style), and line widths for numbers of events.

    Legends fill by column: `signs_in_a_row` orders them for a legend of one column per sign (signs on top,
    widths below); otherwise for two columns (signs on the left, widths on the right)."""
    signs = [Line2D([], [], linewidth=3.5, label=sign, **TONE_STYLE[sign]) for sign in SIGNS]
    widths = [Line2D([], [], color=GREY, linewidth=edge_width(w), label=f"{w} event{'s' * (w != 1)}")
              for w in weights]
    if not signs_in_a_row:
        return signs + widths
    return [h for pair in zip(signs, widths, strict=True) for h in pair]


def draw_panels(graphs: dict[str, nx.Graph], pos: dict | None = None, title: str = "", ncols: int | None = None,
                source: str = SOURCE, panel_size=None, fontsize: float | None = None):
    """Small multiples: one panel per graph, every node in the same place, one shared legend and a source line.

    Sized and lettered for the medium (style.KIT_MEDIUM): the panels share the width of a "panels" figure,
    and node labels, legend and source take the medium's font sizes, unless `panel_size` (inches) or
    `fontsize` (points, for node labels) say otherwise.
    """
    pos = positions(graphs.values()) if pos is None else pos
    ncols = ncols or len(graphs)
    nrows = math.ceil(len(graphs) / ncols)
    if panel_size is None:
        width, height = style.figsize("panels")
        across = width * 0.94 / ncols if ncols > 1 else min(width * 0.75, 5.8)
        panel_size = (across, across * 0.58 + 0.4)  # the layout is about 0.58 as high as it is wide
    fontsize = fontsize or style.fontsize("node")
    # One panel is too narrow for a legend column per sign: then two columns, signs and widths.
    legend_columns = len(SIGNS) if ncols > 1 else 2
    legend_rows = math.ceil(2 * len(SIGNS) / legend_columns)
    # the legend's rows and the air above them (the source line hangs below the figure's foot); panels side by side
    # on a slide keep less air, and their legend sits on the source line, for the height the slide's takeaway needs
    tight = style.medium() == "slide" and ncols > 1
    air = 0.2 if tight else 2.2
    legend_height = (1.1 * legend_rows + air) * style.fontsize("legend") / 72
    fig, axes = plt.subplots(nrows, ncols, squeeze=False,
                             figsize=(panel_size[0] * ncols, panel_size[1] * nrows + legend_height))
    for ax, (label, graph) in zip(axes.flat, graphs.items()):
        draw(graph, ax, pos, title=label, fontsize=fontsize)
    for ax in list(axes.flat)[len(graphs):]:
        ax.axis("off")
    if title:  # on a slide the heading above the figure says it: kept unseen there, for the figure's alt text
        fig.suptitle(title, fontsize=style.fontsize("title"), fontweight="bold", visible=style.medium() != "slide")
    fig.legend(handles=legend_handles(signs_in_a_row=legend_columns > 2), loc="lower center", ncols=legend_columns,
               frameon=False,
               fontsize=style.fontsize("legend"), bbox_to_anchor=(0.5, 0.0), handlelength=3.2,
               borderaxespad=0.0 if tight else None)
    fig.text(0.01, 0.0, style.source_line(source + "; every event from 1 January 1921 to the panel's date"),
             fontsize=style.fontsize("source"), color=GREY, va="top")
    fig.tight_layout(rect=(0, legend_height / fig.get_figheight(), 1, 0.95 if title else 1), pad=0.3)
    return fig


def describe(graph: nx.Graph, who: str = SOVIET, name_partners: bool = True) -> str:
    """One sentence for alt text: the ties in the graph by sign, and `who`'s partners and enemies (by name, or only
    counted when an exercise asks the student to find them on the map)."""
    signs = [d["sign"] for _, _, d in graph.edges(data=True)]
    mine = {n: graph.edges[who, n]["sign"] for n in graph[who]} if who in graph else {}
    ties = (f"{len(signs)} ties ({signs.count('cooperative')} cooperative, {signs.count('mixed')} mixed, "
            f"{signs.count('hostile')} hostile, {signs.count('neutral')} neutral)")
    if not name_partners:
        own = list(mine.values())
        return (f"{ties}; Moscow's own ties: {own.count('cooperative')} cooperative, {own.count('hostile')} "
                f"hostile, {own.count('mixed')} mixed, {own.count('neutral')} neutral")
    names = lambda sign: ", ".join(sorted(graph.nodes[n]["label"] for n, s in mine.items() if s == sign)) or "none"
    mixed = f"; mixed with {names('mixed')}" if "mixed" in mine.values() else ""
    return f"{ties}; Moscow cooperative with {names('cooperative')}; hostile with {names('hostile')}{mixed}"
