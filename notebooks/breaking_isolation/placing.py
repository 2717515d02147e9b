"""Labels beside crowded markers, placed so that no two run into each other, nor into a marker or the frame.

    place(fig, ax, points, texts, avoid=points, fontsize=style.fontsize("annotation"))

Each label tries a fixed list of spots around its point (above first, then below, the sides, then further out)
and takes the first where its box, as drawn, meets no label placed before it, no marker in `avoid` and nothing
outside the axes. Call it once the figure's layout is final (after charts._key), since it measures in pixels.
"""

from __future__ import annotations

import numpy as np
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


def _overlap(box, others) -> float:
    """How much `box` (x0, y0, x1, y1) overlaps the boxes of `others` (an array of them), in square pixels."""
    wide = np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0])
    high = np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1])
    return float(np.where((wide > 0) & (high > 0), wide * high, 0.0).sum())


# Where a label's box starts for each alignment, as a share of its width (or height) back from its anchor.
SHIFT = {"left": 0.0, "center": 0.5, "right": 1.0, "bottom": 0.0, "top": 1.0}


def place(fig, ax, points, texts, avoid=(), marker_points: float = 9.0, pad_points: float = 1.5, lead_all: bool = False,
          **text_style) -> list:
    """Annotate each (x, y) of `points` with its text at the first free spot; returns the annotations.

    `avoid`: (x, y) points whose markers (`marker_points` across) labels must not cover. A label that finds no
    free spot takes the one where it overlaps least. `pad_points`: the air kept around each label. `lead_all`: a
    thin line joins every label to its point, not only the ones placed further out (where points crowd, a label
    beside one point can sit nearer another).

    Each label is measured once: a spot only moves its box, so every spot's box is worked out from that size,
    not by moving the label and measuring it again."""
    renderer = fig.canvas.get_renderer()
    pad = fig.dpi / 72 * pad_points  # a little air around each label, so labels never touch
    frame = ax.get_window_extent(renderer)
    half = marker_points / 2 * fig.dpi / 72
    markers = [(x - half, y - half, x + half, y + half) for x, y in ax.transData.transform(list(avoid))] \
        if len(avoid) else []
    placed, labels = [], []
    shown = ax.transData.transform(list(points)) if len(points) else np.empty((0, 2))
    for number, ((x, y), text) in enumerate(zip(points, texts)):
        label = ax.annotate(text, (x, y), xytext=(0, 0), textcoords="offset points", **text_style)
        size = label.get_window_extent(renderer)
        others = np.array(placed + markers, dtype=float).reshape(-1, 4)
        best = None
        for dx, dy, ha, va in SPOTS:
            left = shown[number][0] + dx * fig.dpi / 72 - SHIFT[ha] * size.width
            bottom = shown[number][1] + dy * fig.dpi / 72 - SHIFT[va] * size.height
            box = (left - pad, bottom - pad, left + size.width + pad, bottom + size.height + pad)
            outside = box[0] < frame.x0 or box[2] > frame.x1 or box[1] < frame.y0 or box[3] > frame.y1
            clash = _overlap(box, others) + (1e6 if outside else 0)
            if lead_all:  # a label nearer another labelled point than its own would be read as that one's
                centre = np.array([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2])
                near = ((shown - centre) ** 2).sum(axis=1)
                if (np.delete(near, number) < near[number]).any():
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
    # the labels, and their leaders between them and their points
    figures.drawn(fig, *(Bbox.from_extents(*box) for box in placed))
    return labels
