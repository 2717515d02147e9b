"""Notebook 3's figures: one call per figure, sized for the medium, with alt text computed from the same table.

    fig = china_charts.timeline(lanes)                 # a timeline with a lane per group of actors
    kit.show(fig, alt=china_charts.timeline_alt(lanes))

Like charts.py, each function only draws a table the notebook has just computed, and tells tones apart by
marker shape and fill pattern as well as by colour (style.py's rules).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import dates as mdates
from matplotlib.dates import DateFormatter
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import placing, style
from .charts import (  # the kit's figure sizes and key-below-the-chart layout, shared
    _figure,
    _key,
)
from .china import LANES, STATE, turning_points_to_order

SOURCE = "Source: the kit's data/events.csv and data/actors.csv"
TONE_MARKER = {"cooperative": "o", "neutral": "s", "hostile": "X"}
TIE_FILL = {"cooperative": (style.OKABE_ITO["blue"], ""), "mixed": (style.OKABE_ITO["orange"], "xx"),
            "hostile": (style.OKABE_ITO["vermillion"], "//"), "neutral": ("white", ".."), "none": ("white", "")}


TIE_KEY = {"cooperative": "cooperative", "mixed": "mixed", "hostile": "hostile", "neutral": "neutral events only",
           "none": "no event yet"}  # figure 2's key, in this order, for the ties the grid draws


def numbered(table: pd.DataFrame, column: str = "turning_point") -> pd.DataFrame:
    """The rows where `column` is true, numbered 1, 2, ... in date order (the numbers the figures print)."""
    marked = table[table[column]].sort_values(["date", "event_id"]).reset_index(drop=True)
    return marked.assign(number=range(1, len(marked) + 1))


def lettered(table: pd.DataFrame) -> pd.DataFrame:
    """The turning points numbered in date order (`numbered`), each with the letter figure 1 prints beside it:
    A, B, ... in exercise A's fixed shuffle (china.turning_points_to_order), so that the letters give no order
    away. The date order stays in the folded table and the key, which read `number`."""
    turns = numbered(table)
    letters = {event: chr(ord("A") + i) for i, event in enumerate(turning_points_to_order(table))}
    return turns.assign(letter=turns["event_id"].map(letters))


def _tone_handles():
    return [Line2D([], [], marker=TONE_MARKER[t], linestyle="none", markersize=9, label=t,
                   markerfacecolor=style.TONE_STYLE[t]["color"], markeredgecolor=style.EDGE) for t in TONE_MARKER]


RING_DAYS = 120  # a ring is about a third of a year across on the time axis: turning points closer than this touch


def _spread(turns: pd.DataFrame, row: dict) -> list[float]:
    """Each turning point's height: its lane's row, except that turning points of one lane whose rings would sit
    on one another (spring 1927's D, G and M on the Nationalists' lane) are spread up and down within the lane."""
    heights = dict(zip(turns.index, turns["lane"].map(row).astype(float)))
    for _, part in turns.sort_values(["date", "event_id"]).groupby("lane", sort=False):
        cluster = []
        for index, date in zip(part.index, part["date"]):
            if cluster and (date - part.loc[cluster[-1], "date"]).days > RING_DAYS:
                _fan_out(heights, cluster)
                cluster = []
            cluster.append(index)
        _fan_out(heights, cluster)
    return [heights[index] for index in turns.index]


def _fan_out(heights: dict, cluster: list, reach: float = 0.4) -> None:
    """Spread a cluster's turning points evenly from `reach` of a lane above its line to `reach` below, in date order."""
    if len(cluster) > 1:
        for i, index in enumerate(cluster):
            heights[index] += (2 * i / (len(cluster) - 1) - 1) * reach


def timeline(lanes: pd.DataFrame):
    """One lane per group of actors; a marker per event (shape and colour by tone); turning points ringed and
    lettered in exercise A's shuffled order (`lettered`): numbers in date order would print exercise A's answer."""
    present = [lane for lane in LANES if lane in set(lanes["lane"])]
    row = {lane: i for i, lane in enumerate(present)}
    # on a slide each lane gets the height its 24 px label needs, with room for the numbers between lanes
    slide = style.medium() == "slide"
    rows = style.ROW_HEIGHT["slide"] * 1.125 * (len(present) + 0.5)
    fig, ax = _figure("tall", height=1.2 + rows if slide else style.figsize("tall")[1])
    turns = lettered(lanes)
    turns = turns.assign(y=_spread(turns, row))
    moved = dict(zip(zip(turns["event_id"], turns["lane"]), turns["y"]))
    lanes = lanes.assign(y=[moved.get((event, lane), row[lane]) for event, lane in zip(lanes["event_id"], lanes["lane"])])
    for tone, marker in TONE_MARKER.items():
        part = lanes[lanes["tone"] == tone]
        ax.scatter(part["date"], part["y"], marker=marker, s=55, zorder=3,
                   color=style.TONE_STYLE[tone]["color"], edgecolor=style.EDGE, linewidth=0.6)
    ax.scatter(turns["date"], turns["y"], s=260, facecolor="none", edgecolor=style.EDGE, linewidth=1.4, zorder=4)
    ax.set_yticks(range(len(present)), present)
    ax.set_ylim(len(present) - 0.4, -0.9)
    ax.grid(axis="y", visible=False)
    ax.set(title="China, 1920-29: who acted, lane by lane", xlabel="" if slide else "Year",
           xlim=(pd.Timestamp("1920-01-01"), pd.Timestamp("1930-01-01")))
    if slide:  # a year every two keeps the years apart at slide text sizes
        ax.xaxis.set_major_locator(mdates.YearLocator(2))
    handles = _tone_handles() + [Line2D([], [], marker="o", markersize=14, linestyle="none", markerfacecolor="none",
                                        markeredgecolor=style.EDGE, label="turning point (lettered)")]
    _key(fig, ax, handles, ncols=4, source=SOURCE)
    dates = [mdates.date2num(d) for d in turns["date"]]  # the numbers last, once the layout is final
    placing.place(fig, ax, list(zip(dates, turns["y"])), list(turns["letter"]),
                  avoid=list(zip(mdates.date2num(lanes["date"]), lanes["y"])), marker_points=16, lead_all=True,
                  pad_points=3 if slide else 1.5, fontsize=style.fontsize("annotation"), fontweight="bold", zorder=5)
    return fig


def timeline_alt(lanes: pd.DataFrame) -> str:
    counts = lanes["lane"].value_counts()
    turns = numbered(lanes)
    hostile = lanes[lanes["tone"] == "hostile"]
    peak = hostile["date"].dt.year.value_counts()
    return (f"Timeline of {len(lanes)} China events, {lanes['date'].min().year} to "
            f"{lanes['date'].max().year}, in {lanes['lane'].nunique()} lanes, a row for each group of actors; the busiest lane is "
            f"{counts.index[0]} ({int(counts.iloc[0])} events). {len(turns)} turning points are ringed and lettered A to "
            f"{chr(ord('A') + len(turns) - 1)} in a shuffled order, the earliest in {turns['date'].min():%B %Y} and the "
            f"latest in {turns['date'].max():%B %Y}; exercise A asks for their order. "
            f"{int(peak.iloc[0]) if len(peak) else 0} of the {len(hostile)} hostile events fall in "
            f"{peak.index[0] if len(peak) else 'no year'}.")


def backing_grid(backing: pd.DataFrame, recognised: pd.Series):
    """Two panels side by side, one per face of Moscow (state, party), each with a row per Chinese side and a
    cell per quarter: blue where the tie was cooperative, orange cross-hatched where mixed, vermillion hatched
    where hostile, dotted where only neutral events, empty where none (the key names only the fills drawn); each
    panel's top row is China's recognised government, a fill per government that the key names too. A panel per face halves the rows a chart of side and
    face would need, so that on a slide every row keeps the height its label needs (style.ROW_HEIGHT) and the
    faces compare across."""
    sides = list(dict.fromkeys(backing["side"]))
    faces = list(dict.fromkeys(backing["face"]))
    quarters = list(recognised.index)
    width = pd.Timedelta(days=88)
    labels = ["Recognised government"] + sides
    where = style.medium()
    row = style.ROW_HEIGHT[where] * (1.25 if where == "slide" else 1.6)
    # the rows, the panel titles and the axis: the key and source line below are added by _key
    height = max(row * len(labels) + (0.8 if where == "slide" else 1.3), 1.8)
    fig, axes = plt.subplots(1, len(faces), sharey=True, squeeze=False,
                             figsize=(style.figsize("tall")[0], height))
    axes = axes[0]
    governments = recognised.where(recognised != "", "none")
    starts = governments[governments != governments.shift()]
    # each government's strip: sky blue plain, then yellow dotted, alternating; the key names each one
    strip = {name.split(" ")[0]: (style.FILL_COLOURS["sky_blue"], "") if i % 2 == 0 else
             (style.FILL_COLOURS["yellow"], "..") for i, name in enumerate(starts)}
    for ax, face in zip(axes, faces):
        for y, side in enumerate(sides, start=1):
            part = backing[(backing["side"] == side) & (backing["face"] == face)]
            if part.empty:
                continue
            runs = part[part["tie"] != part["tie"].shift()]  # one bar per run of equal quarters: few artists, fast
            stops = list(runs["quarter"].iloc[1:] - width) + [part["quarter"].iloc[-1]]
            for (quarter, tie), stop in zip(zip(runs["quarter"], runs["tie"]), stops):
                colour, hatch = TIE_FILL[tie]
                ax.barh(y, stop - (quarter - width), left=quarter - width, height=0.72, color=colour, hatch=hatch,
                        edgecolor=style.EDGE, linewidth=0.6)
        for quarter in quarters:  # thin marks between the quarters, so the cells can still be counted
            ax.axvline(quarter, color="white", linewidth=0.6, zorder=2)
        for i, (start, name) in enumerate(starts.items()):
            stop = starts.index[i + 1] if i + 1 < len(starts) else quarters[-1]
            fill, hatch = strip[name.split(" ")[0]]
            ax.barh(0, stop - start + width, left=start - width, height=0.72, color=fill, edgecolor=style.EDGE,
                    hatch=hatch, linewidth=0.6)
            # the name inside its own bar when the bar has room for it; a short bar is named by the key alone (a
            # name set before it would sit on the previous government's bar)
            if (stop - start) > (quarters[-1] - quarters[0]) * 0.3:
                ax.text(start - width + pd.Timedelta(days=20), 0, name.split(" ")[0], va="center", ha="left",
                        fontsize=style.fontsize("annotation"))
        ax.set_yticks(range(len(labels)), labels)
        ax.set_ylim(len(labels) - 0.5, -0.5)
        ax.grid(visible=False)
        ax.set_title(f"The {'state' if face == STATE else 'party'} face", fontsize=style.fontsize("label"),
                     fontweight="bold")
        ax.set_xlim(quarters[0] - width, quarters[-1])
        years = sorted({q.year for q in quarters})
        ax.set_xticks([pd.Timestamp(f"{y}-01-01") for y in years[1::2]], [str(y) for y in years[1::2]])
    if where != "slide":  # on a slide the heading above the figure says it
        fig.suptitle("Whom Moscow backed, and who held power, quarter by quarter")
    drawn = set(backing["tie"])  # the key names the fills the grid has, no other: no "mixed" unless one is drawn
    handles = [Patch(facecolor=TIE_FILL[tie][0], hatch=TIE_FILL[tie][1], edgecolor=style.EDGE, label=label)
               for tie, label in TIE_KEY.items() if tie in drawn]
    handles += [Patch(facecolor=fill, hatch=hatch, edgecolor=style.EDGE, label=f"recognised government: {short}")
                for short, (fill, hatch) in strip.items()]
    if where == "slide":
        # two rows of three, the two long government names in one column, so that the key is no wider than the
        # panels: a wider key made the figure wider, and so smaller, on the slide
        handles = handles[:2] + handles[len(handles) - len(strip):] + handles[2:len(handles) - len(strip)]
    _key(fig, axes[0], handles, ncols=3 if where == "slide" else 4, source=SOURCE, below=axes)
    return fig


def backing_alt(backing: pd.DataFrame, recognised: pd.Series, turns: pd.DataFrame) -> str:
    first = recognised.index[0]
    start = backing[(backing["quarter"] == first) & (backing["tie"] != "none")]
    at_start = "; ".join(f"the {'state' if face == STATE else 'party'} face {tie} with {side}"
                         for side, face, tie in zip(start["side"], start["face"], start["tie"]))
    later = turns[turns["quarter"] > first]
    # Which ties change and to what, not when: the quarter is what notebook 3's exercise B asks the student to
    # read off the grid or its table, so the caption describes the grid without answering it.
    said = "; ".join(f"the {'state' if face == STATE else 'party'} face's tie to {side}, to {after}"
                     for side, face, after in zip(later["side"], later["face"], later["after"]))
    governments = recognised[recognised != recognised.shift()]
    held = "; ".join(f"{name or 'none'} from {q.year} Q{q.quarter}" for q, name in governments.items())
    # a deck has no exercise B: there the table is the notebook's
    table = "the notebook's table after exercise B" if style.medium() == "slide" else "the table after exercise B"
    changes = (f"Then {len(later)} ties change, in this order ({table} gives the quarter and the event "
               f"of each): {said}." if len(later) else "No tie changes after that.")
    return (f"Two grids side by side, one per face of Moscow (state, party), of its ties to "
            f"{backing['side'].nunique()} Chinese sides by quarter, {first.year} to {recognised.index[-1].year}. "
            f"At the start: {at_start or 'no ties'}. {changes} China's recognised government: {held}.")


def war_scare(spring: pd.DataFrame):
    """Two strands on one time axis: the blows against Moscow and the China events, each numbered in date order."""
    strands = ["blow against Moscow", "China"]
    slide = style.medium() == "slide"
    fig, ax = _figure("strip", height=3.1 if slide else None)
    numbers = spring.assign(number=range(1, len(spring) + 1), y=spring["strand"].map(strands.index))
    for y, strand in enumerate(strands):
        part = numbers[numbers["strand"] == strand]
        for tone, marker in TONE_MARKER.items():
            mine = part[part["tone"].astype(str) == tone]
            ax.scatter(mine["date"], [y] * len(mine), marker=marker, s=60, zorder=3,
                       color=style.TONE_STYLE[tone]["color"], edgecolor=style.EDGE, linewidth=0.6)
    ax.set_yticks(range(len(strands)), ["Blows against Moscow", "China events"])
    ax.set_ylim(1.8, -0.6)
    ax.grid(axis="y", visible=False)
    first, last = spring["date"].min(), spring["date"].max()
    ax.set(title=f"The war scare and China, {first.year}", xlim=(pd.Timestamp(f"{first.year}-01-01"),
                                                                pd.Timestamp(f"{last.year + 1}-01-01")))
    # on a slide the heading above the figure says it, and the numbers need the title's height: the title is
    # kept unseen there, for the figure's alt text
    ax.title.set_visible(not slide)
    ax.xaxis.set_major_formatter(DateFormatter("%b"))
    # on a slide the source alone, on one line: the slide's question and takeaway take the height a second line needs
    _key(fig, ax, _tone_handles(), ncols=3, source=SOURCE if slide else SOURCE + "; markers numbered in date order")
    points = list(zip(mdates.date2num(numbers["date"]), numbers["y"]))  # the numbers last, once the layout is final
    # more air than the default: spring 1927's numbers crowd, and two side by side must read as two on a slide
    placing.place(fig, ax, points, [str(n) for n in numbers["number"]], avoid=points, marker_points=9,
                  pad_points=5 if slide else 3, fontsize=style.fontsize("annotation"))
    return fig


def war_scare_alt(spring: pd.DataFrame) -> str:
    """Figure 3's description, printed as its caption: short sentences a weak reader can follow (grade 9 or below,
    the kit's grade for what students read), each blow of February to June a sentence of its own, with its date."""
    blows = spring[spring["strand"] == "blow against Moscow"]
    china = spring[spring["strand"] == "China"]
    spring_months = blows[blows["date"].dt.month.between(2, 6)]
    return (f"A time line of {spring['date'].min().year}. It shows {len(blows)} blows against Moscow and "
            f"{len(china)} China events. {len(spring_months)} of the blows came from February to June. "
            + " ".join(f"{d.day} {d:%B}: {t}." for t, d in zip(spring_months["title"], spring_months["date"]))
            + f" {int(china['date'].dt.month.between(2, 6).sum())} of the {len(china)} China events came in the "
            "same months.")
