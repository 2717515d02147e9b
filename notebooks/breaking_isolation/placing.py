"""Labels beside crowded markers, placed so that no two run into each other, nor into a marker or the frame.

    place(fig, ax, points, texts, avoid=points, fontsize=style.fontsize("annotation"))

Each label tries a fixed list of spots around its point (above first, then below, the sides, then further out)
and takes the first where its box, as drawn, meets no label placed before it, no marker in `avoid` and nothing
outside the axes. Call it once the figure's layout is final (after charts._key), since it measures in pixels.
"""

from __future__ import annotations

from matplotlib.transforms import Bbox

from . import figures
from .style import GREY as LEADER

# (dx, dy) in points from the point, with the alignment that keeps the label clear of its own marker.
SPOTS = [(0, 10, "center", "bottom"), (0, -10, "center", "top"), (11, 0, "left", "center"),
         (-11, 0, "right", "center"), (11, 9, "left", "bottom"), (-11, 9, "right", "bottom"),
         (11, -9, "left", "top"), (-11, -9, "right", "top"), (0, 26, "center", "bottom"),
         (0, -26, "center", "top"), (22, 18, "left", "bottom"), (-22, 18, "right", "bottom"),
         (22, -18, "left", "top"), (-22, -18, "right", "top"),
         # furthest out, for a day with three or more events: tried only when every nearer spot clashes
         (34, 0, "left", "center"), (-34, 0, "right", "center"), (34, 30, "left", "bottom"),
         (-34, 30, "right", "bottom"), (34, -30, "left", "top"), (-34, -30, "right", "top")]


def _overlap(a: Bbox, b: Bbox) -> float:
    wide = min(a.x1, b.x1) - max(a.x0, b.x0)
    high = min(a.y1, b.y1) - max(a.y0, b.y0)
    return wide * high if wide > 0 and high > 0 else 0.0


def place(fig, ax, points, texts, avoid=(), marker_points: float = 9.0, pad_points: float = 1.5, lead_all: bool = False,
          **text_style) -> list:
    """Annotate each (x, y) of `points` with its text at the first free spot; returns the annotations.

    `avoid`: (x, y) points whose markers (`marker_points` across) labels must not cover. A label that finds no
    free spot takes the one where it overlaps least. `pad_points`: the air kept around each label. `lead_all`: a
    thin line joins every label to its point, not only the ones placed further out (where points crowd, a label
    beside one point can sit nearer another)."""
    renderer = fig.canvas.get_renderer()
    pad = fig.dpi / 72 * pad_points  # a little air around each label, so labels never touch
    frame = ax.get_window_extent(renderer)
    half = marker_points / 2 * fig.dpi / 72
    markers = [Bbox.from_extents(x - half, y - half, x + half, y + half)
               for x, y in ax.transData.transform(list(avoid))] if len(avoid) else []
    placed, labels = [], []
    shown = ax.transData.transform(list(points)) if len(points) else []
    for number, ((x, y), text) in enumerate(zip(points, texts)):
        label = ax.annotate(text, (x, y), xytext=(0, 0), textcoords="offset points", **text_style)
        best = None
        for dx, dy, ha, va in SPOTS:
            label.set_position((dx, dy))
            label.set_ha(ha)
            label.set_va(va)
            box = label.get_window_extent(renderer).expanded(1, 1).padded(pad)
            outside = box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1
            clash = sum(_overlap(box, other) for other in placed + markers) + (1e6 if outside else 0)
            if lead_all:  # a label nearer another labelled point than its own would be read as that one's
                centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
                own = (centre[0] - shown[number][0]) ** 2 + (centre[1] - shown[number][1]) ** 2
                if any((centre[0] - px) ** 2 + (centre[1] - py) ** 2 < own
                       for i, (px, py) in enumerate(shown) if i != number):
                    clash += 1e3
            if best is None or clash < best[0]:
                best = (clash, dx, dy, ha, va, box)
            if clash == 0:
                break
        _, dx, dy, ha, va, box = best
        label.remove()  # drawn again where it goes; further out, a thin line says whose label it is
        far = lead_all or abs(dx) > 12 or abs(dy) > 12
        label = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                            arrowprops={"arrowstyle": "-", "color": LEADER, "linewidth": 0.9, "shrinkA": 1,
                                        "shrinkB": marker_points / 2 + 1} if far else None, **text_style)
        placed.append(box)
        labels.append(label)
    figures.drawn(fig, *placed)  # the labels, and their leaders between them and their points
    return labels
