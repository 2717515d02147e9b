"""The kit's charts: one call per figure, sized and lettered for the medium (`style`), with alt text from the data.

    fig = charts.recognition_steps(recognised, naive)        # notebook 1, figure 1
    kit.show(fig, alt=charts.recognition_alt(recognised, naive))

Every chart takes the tables a notebook has just computed in its own cells (the analysis stays there) and only
draws them. Each `*_alt` function describes the same table in words, for the figure's alt text: numbers come
from the table, never from this file. No chart tells two things apart by colour alone (style.py's rules).
"""

from __future__ import annotations

import itertools

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import dates as mdates
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import Bbox

from . import figures, style
from .recognition import KIND_LABELS, counts_at

SOURCE = "Source: the kit's data/events.csv and data/actors.csv"
TURN_LABELS = {"relations_broken": "a break", "relations_restored": "a restoration",
               "recognition_withdrawn": "a withdrawal"}
UNCOUNTED_LABELS = {"relations_broken": "a break that did not count"}
TONE_HATCHES = {"cooperative": "", "neutral": "..", "hostile": "//"}
REGION_STYLE = {  # fill colour and hatch: regions differ by pattern as well as colour
    "europe": ("blue", ""), "asia": ("orange", "//"), "middle_east": ("bluish_green", ".."),
    "americas": ("vermillion", "xx"), "international": ("reddish_purple", "\\\\"),
}


SLIDE_AXES_HEIGHT = 3.4  # inches: with the key and source line below, a slide keeps room for heading and takeaway


def _figure(kind: str = "wide", height: float | None = None):
    """A figure of the medium's size for `kind` (or of `height` inches) with one axes. On a slide the chart
    is kept low, so that its heading, the key below it and a takeaway fit 1280x720 without the deck
    shrinking the figure (and its text) to fit."""
    width, own = style.figsize(kind)
    if style.medium() == "slide" and height is None:
        own = min(own, SLIDE_AXES_HEIGHT)
    return plt.subplots(figsize=(width, height or own))


def _key(fig, ax, handles=None, ncols: int = 3, source: str = SOURCE, below=None):
    """The key below the axes (below every axes of `below`, if given), in `ncols` columns, and the source line
    below the key: a key inside the axes would cover data, and beside them it would take the width a slide
    needs. The figure is saved cropped to what it draws (figures.to_svg): what is measured here is noted
    (figures.drawn), so that the crop needs no measuring of its own."""
    handles = handles if handles is not None else ax.get_legend_handles_labels()[0]
    renderer = fig.canvas.get_renderer()
    to_figure = fig.transFigure.inverted()
    above = [ax] if below is None else list(below)
    if below is None and len(fig.axes) == 1:
        boxes = [_fit(fig, ax, renderer).transformed(fig.transFigure)]
    else:
        fig.tight_layout()
        boxes = [each.get_tightbbox(renderer) for each in above]
    bottom = min(box.transformed(to_figure).y0 for box in boxes)
    # and what the figure itself holds so far (a suptitle, say): what savefig's crop would measure beside the axes
    boxes += [each.get_tightbbox(renderer) for each in fig.get_children()
              if each not in fig.axes and each.get_visible() and each.get_in_layout()]
    key = fig.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, bottom - 0.01),
                     ncols=min(ncols, len(handles)), frameon=False, handlelength=2.4)
    keyed = key.get_window_extent(renderer)
    line = fig.text(0.0, keyed.transformed(to_figure).y0 - 0.01, style.source_line(source),
                    fontsize=style.fontsize("source"), color=style.GREY, va="top")
    if set(above) == set(fig.axes):  # every axes measured: the crop needs no measuring
        figures.drawn(fig, *boxes, keyed, line.get_window_extent(renderer))
    return key


def _fit(fig, ax, renderer):
    """Fit the figure's one axes, with its ticks, labels and title, inside the figure, `pad` font sizes from
    each edge, as fig.tight_layout() does, and return the box all that now fills (fractions of the figure).
    One measurement does both: tight_layout() measures the axes, and measuring them again afterwards was a
    third of a chart's layout."""
    width, height = fig.get_size_inches()
    pad = 1.08 * mpl.rcParams["font.size"] / 72  # tight_layout()'s default pad, in inches
    box = ax.get_tightbbox(renderer).transformed(fig.dpi_scale_trans.inverted())  # inches
    at = ax.get_position()  # a fraction of the figure
    left = at.x0 + (pad - box.x0) / width
    right = at.x1 + (width - pad - box.x1) / width
    bottom = at.y0 + (pad - box.y0) / height
    top = at.y1 + (height - pad - box.y1) / height
    fig.subplots_adjust(left=left, right=right, bottom=bottom, top=top)
    # the box moved with the axes: it is now `pad` from every edge
    return Bbox.from_extents(pad / width, pad / height, 1 - pad / width, 1 - pad / height)


def _years(index) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From 1 January of 1920 (or the first year) to 1 January after 1933 (or after the last year)."""
    first, last = min(1920, index.min().year), max(1933, index.max().year)
    return pd.Timestamp(f"{first}-01-01"), pd.Timestamp(f"{last + 1}-01-01")


def _padded(counts, start, end):
    """A step series with a zero row at `start` and its last value repeated at `end`, to draw it edge to edge."""
    frame = counts.to_frame() if isinstance(counts, pd.Series) else counts
    zero = pd.DataFrame(0, index=[start], columns=frame.columns)
    return pd.concat([zero, frame, frame.tail(1).set_axis([end])])


def _late(date, start, end) -> bool:
    return date > start + (end - start) * 0.6


def _levels(dates, widths, start, end) -> list[tuple[int, bool]]:
    """A height level and a side for each label (True: it runs leftwards from its date), given each label's width
    in days, so that no two labels at one level meet, none leaves the axes, and no label's leader (the line from
    its marker up to it) runs through another label.

    A leader reaches up to its own level, so a label whose span holds another label's date must sit above that
    label: labels are placed in that order, each at the lowest level that keeps the rules with those placed before.
    A label runs leftwards from a late date and rightwards from an early one where that keeps the rules best."""
    total = (end - start).days
    xs = [(date - start).days for date in dates]
    own = [x > total * 0.6 for x in xs]
    best = None
    # Every choice of sides for a few labels (a dozen at most: 4,096 tries), else each on its own side; the best
    # leaves fewest leaders through names, then uses fewest levels, then turns fewest labels from their own side.
    choices = itertools.product((False, True), repeat=len(xs)) if len(xs) <= 12 else [tuple(own)]
    for sides in choices:
        spans = [(x - w, x) if left else (x, x + w) for x, w, left in zip(xs, widths, sides)]
        if any(a < 0 or b > total for a, b in spans):
            continue
        levels, crossed = _stack(xs, spans)
        score = (crossed, max(levels, default=0), sum(s != o for s, o in zip(sides, own)))
        if best is None or score < best[0]:
            best = (score, levels, sides)
    if best is None:                            # no name fits inside the axes on either side: keep their own
        sides = tuple(own)
        best = (None, _stack(xs, [(x - w, x) if s else (x, x + w) for x, w, s in zip(xs, widths, sides)])[0], sides)
    return list(zip(best[1], best[2]))


def _stack(xs, spans) -> tuple[list[int], int]:
    """The level of each name given its span, and how many leaders run through a name all the same."""
    below = {i: {j for j in range(len(xs)) if j != i and spans[i][0] <= xs[j] <= spans[i][1]} for i in range(len(xs))}
    order, waiting = [], list(range(len(xs)))
    while waiting:      # a name above the names of the dates it spans: those go first
        ready = [i for i in waiting if below[i] <= set(order)] or waiting[:1]   # a cycle: take the earliest
        order.append(ready[0])
        waiting.remove(ready[0])
    placed: dict[int, int] = {}
    crossed = 0
    for i in order:
        def clear(level, strict=True):
            return all(not (level == placed[k] and spans[i][0] <= spans[k][1] and spans[i][1] >= spans[k][0])
                       and not (strict and spans[k][0] <= xs[i] <= spans[k][1] and level > placed[k])
                       and not (strict and spans[i][0] <= xs[k] <= spans[i][1] and placed[k] > level)
                       for k in placed)
        placed[i] = next((n for n in range(len(xs)) if clear(n)), None)
        if placed[i] is None:               # no way round every leader: at least keep the names apart
            placed[i] = next(n for n in range(len(xs) + 1) if clear(n, strict=False))
            crossed += 1
    return [placed[i] for i in range(len(xs))], crossed


def _stacked(ax, table: pd.DataFrame, looks: dict, width: float = 0.8) -> None:
    """Stacked bars: a bar per row (the x axis) and column, in the column's `looks` (label, color, hatch). A zero
    draws nothing, so it gets no bar: most cells of a year-by-region table are zeros, and each bar is an artist
    matplotlib makes, lays out and writes out. The axes still reach half a bar beyond the first and last rows."""
    bottom = pd.Series(0, index=table.index)
    for column in table.columns:
        values = table[column]
        shown = values != 0 if (values != 0).any() else values.notna()  # a column of zeros keeps its key entry
        ax.bar(table.index[shown], values[shown], bottom=bottom[shown], width=width, edgecolor=style.EDGE,
               **looks[column])
        bottom = bottom + values
    ax.update_datalim([(table.index.min() - width / 2, 0), (table.index.max() + width / 2, 0)])


def _name(region: str) -> str:
    return region.replace("_", " ").capitalize()


# --- notebook 0 --------------------------------------------------------------------------------------------


def events_by_tone(per_year: pd.DataFrame):
    """Stacked bars: events per year (rows) and tone (columns), each tone with its colour and hatch."""
    fig, ax = _figure("wide")
    _stacked(ax, per_year, {tone: dict(label=tone.capitalize(), color=style.TONE_STYLE[tone]["color"],
                                       hatch=TONE_HATCHES.get(tone, "")) for tone in per_year.columns})
    ax.set(title="Events in the kit's data, by year and tone", xlabel="Year", ylabel="Number of events")
    step = 2 if style.medium() == "slide" else 1
    ax.set_xticks(per_year.index[::step])
    ax.tick_params(axis="x", rotation=90 if step == 1 and len(per_year) > 12 else 0)
    ax.grid(axis="x", visible=False)
    _key(fig, ax, source="Source: the kit's data/events.csv")
    return fig


def events_by_tone_alt(per_year: pd.DataFrame) -> str:
    totals = per_year.sum(axis=1)
    hostile = per_year["hostile"] if "hostile" in per_year else pd.Series(0, index=per_year.index)
    return (f"Stacked bar chart of the kit's {int(totals.sum())} events by year and tone, {per_year.index.min()} "
            f"to {per_year.index.max()}. The busiest year is {totals.idxmax()}, with {int(totals.max())} events; "
            f"the most hostile events fall in {hostile.idxmax()} ({int(hostile.max())}).")


# --- notebook 1: recognition and relations ---------------------------------------------------------------


def recognition_steps(recognised: pd.DataFrame, naive: pd.Series | None = None):
    """Step lines: states recognising Moscow de jure, de facto only, and (dotted) the naive running total."""
    start, end = _years(recognised.index)
    line = _padded(recognised, start, end)
    fig, ax = _figure("wide")
    ax.step(line.index, line["de_jure"], where="post", label="de jure (in law)", color=style.OKABE_ITO["blue"])
    ax.step(line.index, line["de_facto"], where="post", label="de facto only (in practice)",
            color=style.OKABE_ITO["bluish_green"], linestyle="dashed")
    top = line[["de_jure", "de_facto"]].to_numpy().max()
    if naive is not None and len(naive):
        acts = _padded(naive, start, end)["acts"]
        ax.step(acts.index, acts, where="post", label="naive count of acts (wrong)", color=style.GREY,
                linestyle="dotted")
        top = max(top, acts.max())
    ax.set(title="States recognising Moscow", xlabel="Year", ylabel="Number of states", xlim=(start, end),
           ylim=(0, top * 1.1 + 1))
    _key(fig, ax)
    return fig


def recognition_alt(recognised: pd.DataFrame, naive: pd.Series | None = None,
                    years=(1921, 1924, 1933)) -> str:
    # Not 1926 or 1927: the count at the end of either would answer notebook 1's exercise 1 (the de jure count on
    # the day of the British break, May 1927) in the caption right above it.
    at = {year: counts_at(recognised, f"{year}-12-31") for year in years}
    falls = int((recognised["de_jure"].diff() < 0).sum())
    fell = f"falls {falls} time{'s' * (falls != 1)}" if falls else "never falls: no state withdrew recognition"
    text = ("Step chart of how many states recognised Moscow. De jure: "
            + ", ".join(f"{int(c['de_jure'])} at the end of {y}" for y, c in at.items())
            + "; de facto only: " + ", ".join(f"{int(c['de_facto'])} in {y}" for y, c in at.items())
            + f". The de jure line {fell}.")
    if naive is not None and len(naive):
        text += (f" The dotted naive count of acts ends at {int(naive.iloc[-1])}, above the "
                 f"{int(recognised['any'].iloc[-1])} states that recognised Moscow.")
    return text


def _turn_verb(kind: str, event_id: str) -> str:
    """What a counted turn did to relations, as its label says it: a break that the data records as a lapse
    (its event id says so: Albania's relations of 1924 lapsed without a formal break) is a lapse."""
    if kind == "relations_restored":
        return "restores"
    return "lapses" if "lapse" in event_id else "breaks"


def relations_steps(relations: pd.DataFrame, changes: pd.DataFrame):
    """Step lines: states with relations in place, and broken off; each counted break and restoration named in a
    band above the axes, with a leader down to its marker, so that the axes hold the data and a little headroom."""
    start, end = _years(relations.index)
    line = _padded(relations, start, end)
    # on a slide the band of names needs more height than other charts get there, each a line of 24 px text
    fig, ax = _figure("wide", height=SLIDE_AXES_HEIGHT + 0.55 if style.medium() == "slide" else None)
    ax.step(line.index, line["established"], where="post", label="states with relations in place",
            color=style.OKABE_ITO["blue"])
    ax.step(line.index, line["broken"], where="post", label="states with relations broken off",
            color=style.OKABE_ITO["vermillion"], linestyle="dashed")
    top = line["established"].max()
    turns = changes[changes["counted"] & changes["kind"].isin(["relations_broken", "relations_restored"])]
    texts = [f" {label} {_turn_verb(kind, event_id)}, {date:%b %Y} "
             for label, kind, event_id, date in zip(turns["label"], turns["kind"], turns["event_id"], turns["date"])]
    markers = [counts_at(relations, date)["broken"] for date in turns["date"]]
    for date, kind, y in zip(turns["date"], turns["kind"], markers):
        colour, marker = style.KIND_STYLE[kind]
        ax.plot([date], [y], marker=marker, color=colour, markeredgecolor=style.EDGE, linestyle="none", zorder=3)
    # the axes hold the data and a little headroom; on a slide, where they are short, the shorter label and
    # three ticks keep the axis readable
    slide = style.medium() == "slide"
    ax.set(xlabel="" if slide else "Year", ylabel="States" if slide else "Number of states", xlim=(start, end),
           ylim=(0, top * 1.15 + 0.5))
    ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(nbins=3 if slide else 6, integer=True))
    handles = ax.get_legend_handles_labels()[0] + [
        Line2D([], [], marker=style.KIND_STYLE[k][1], color=style.KIND_STYLE[k][0], markeredgecolor=style.EDGE,
               linestyle="none", label=KIND_LABELS[k]) for k in ("relations_broken", "relations_restored")]
    labels, band = _label_turns(fig, ax, turns["date"], texts, start, end)
    # on a slide the heading above the figure names it, and the axes need the title's height: the title is kept
    # unseen there, for the figure's alt text
    ax.set_title("States with diplomatic relations with Moscow", pad=band + 6, visible=not slide)
    _key(fig, ax, handles, ncols=2)
    _lead_to_turns(fig, ax, labels, turns["date"], markers)
    figures.drawn(fig)  # each leader runs from its marker to its name, within what the key's layout measured
    return fig


def _label_turns(fig, ax, dates, texts, start, end):
    """Name each turn in a band above the axes, clear of the data, measured as drawn and stacked in levels
    (_levels) one name's height apart. The names keep their distance above the axes in points, so that fitting
    the axes to the figure moves them with it. Returns the names and the band's height in points."""
    from matplotlib import transforms  # noqa: PLC0415

    renderer = fig.canvas.get_renderer()
    above = transforms.blended_transform_factory(ax.transData, ax.transAxes)  # x: a date, y: 1 is the axes' top
    labels = [ax.text(date, 1.0, text, va="bottom", fontsize=style.fontsize("annotation"), transform=above,
                      clip_on=False) for date, text in zip(dates, texts)]
    box = ax.get_window_extent(renderer)
    days_per_pixel = (end - start).days / box.width
    extents = [label.get_window_extent(renderer) for label in labels]
    placed = _levels(dates, [e.width * days_per_pixel for e in extents], start, end)
    levels = max((level for level, _ in placed), default=-1) + 1
    # one name's height, in points, with air: on a slide a little more, as the browser's letters run taller
    step = (1.25 if style.medium() == "slide" else 1.15) * max((e.height for e in extents), default=0) * 72 / fig.dpi
    gap = 4.0
    for label, (level, left) in zip(labels, placed):
        label.set_transform(transforms.offset_copy(above, fig=fig, y=gap + step * level, units="points"))
        label.set_horizontalalignment("right" if left else "left")
    return labels, gap + step * levels


def _lead_to_turns(fig, ax, labels, dates, markers) -> None:
    """A leader from each turn's marker up to its name, drawn once the axes are laid out (the names sit a
    distance in points above them, which in the data's units depends on the axes' final height)."""
    renderer = fig.canvas.get_renderer()
    bottom, top = ax.get_ylim()
    box = ax.get_window_extent(renderer)
    for label, date, y in zip(labels, dates, markers):
        name = label.get_window_extent(renderer)
        reach = top + (name.y0 - box.y1) * (top - bottom) / box.height  # the name's foot, in the data's units
        ax.plot([date, date], [y, reach], color=style.EDGE, linewidth=0.8, zorder=2, clip_on=False)


def relations_alt(relations: pd.DataFrame, changes: pd.DataFrame) -> str:
    turns = changes[changes["counted"] & changes["kind"].isin(["relations_broken", "relations_restored"])]
    done = {"breaks": "broken off", "lapses": "lapsed", "restores": "restored"}
    said = "; ".join(f"relations with {label} {done[_turn_verb(kind, event_id)]} in {date:%B %Y}"
                     for date, label, kind, event_id in zip(turns["date"], turns["label"], turns["kind"],
                                                            turns["event_id"]))
    return (f"Step chart of how many states had diplomatic relations with Moscow. Relations in place peak at "
            f"{int(relations['established'].max())} and end at {int(relations['established'].iloc[-1])}; "
            f"at most {int(relations['broken'].max())} states had broken them off at once. "
            + (f"Marked: {said}." if said else "No relations were broken off."))


def several_steps(changes: pd.DataFrame) -> list[str]:
    """The states whose standing with Moscow moved more than once (counted acts), in order of their first act."""
    counted = changes[changes["counted"]]
    steps = counted.groupby("state", sort=False).size()
    return [state for state in counted["state"].drop_duplicates() if steps[state] > 1]


def state_paths(changes: pd.DataFrame, states: list[str] | None = None):
    """One row per state: a band for its recognition (hatched: de facto; solid: de jure), a line for its
    relations (solid: in place; dashed: broken off), and a marker for every act; an act that did not count
    (a government not then recognised) is a hollow marker. By default the states whose standing moved more
    than once, so that the chart stays short enough to read on a slide."""
    states = several_steps(changes) if states is None else list(states)
    rows = {state: i for i, state in enumerate(states)}
    part = changes[changes["state"].isin(states)]
    start, end = _years(changes["date"])
    slide = style.medium() == "slide"
    # on a slide a row a little over its height, so that 24 px labels keep clear of each other
    fig, ax = _figure("tall", height=(0.85 if slide else 1.6) + style.ROW_HEIGHT[style.medium()] * (1.12 if slide else 1)
                      * len(states))
    # One bar call per standing and one collection of lines per state of relations, not one artist per span:
    # matplotlib makes, lays out and writes out each artist at a cost, and the spans of a row never overlap.
    bands = {"de_facto": [], "de_jure": []}
    lines = {"established": [], "broken": []}
    for state, group in part[part["counted"]].groupby("state", sort=False):
        y = rows[state]
        until = list(group["date"].iloc[1:]) + [end]
        for date, stop, recognition, relations in zip(group["date"], until, group["recognition_after"],
                                                     group["relations_after"]):
            if recognition != "none":
                bands["de_jure" if recognition == "de_jure" else "de_facto"].append((y, date, stop))
            if relations != "none":
                lines["established" if relations == "established" else "broken"].append((y, date, stop))
    for recognition, spans in bands.items():
        if spans:
            ys, starts, stops = zip(*spans)
            ax.barh(ys, [(b - a).days for a, b in zip(starts, stops)], left=list(starts), height=0.5,
                    color=style.FILL_COLOURS["sky_blue" if recognition == "de_facto" else "bluish_green"],
                    hatch="//" if recognition == "de_facto" else "", edgecolor=style.EDGE, linewidth=0.6, zorder=1)
    for relations, spans in lines.items():
        if spans:
            solid = relations == "established"
            ax.add_collection(LineCollection(
                [[(mdates.date2num(a), y), (mdates.date2num(b), y)] for y, a, b in spans], zorder=2, linewidths=2.5,
                colors=style.EDGE if solid else style.OKABE_ITO["vermillion"],
                linestyles="solid" if solid else (0, (2, 1.5)), capstyle="projecting" if solid else "butt"))
    # Where a band or line starts, recognition or relations began: markers are kept for the turns, breaks
    # and restorations, and for the acts that did not count (hollow).
    turns = ("relations_broken", "relations_restored", "recognition_withdrawn")
    for kind in turns:
        colour, marker = style.KIND_STYLE[kind]
        shown = part[(part["kind"] == kind) & part["counted"]]
        ax.scatter(shown["date"], shown["state"].map(rows), marker=marker, s=110, zorder=3, facecolor=colour,
                   edgecolor=style.EDGE, linewidth=1.0)
    missed = part[~part["counted"]]
    for kind, group in missed.groupby("kind"):
        ax.scatter(group["date"], group["state"].map(rows), marker=style.KIND_STYLE[kind][1], s=110, zorder=3,
                   facecolor="white", edgecolor=style.EDGE, linewidth=1.2)
    labels = part.drop_duplicates("state").set_index("state")["label"]
    ax.set_yticks(range(len(states)), [labels[s] for s in states])
    ax.set_ylim(len(states) - 0.4, -0.6)
    ax.grid(axis="y", visible=False)
    ax.set(title="States whose standing with Moscow moved more than once", xlim=(start, end),
           xlabel="" if style.medium() == "slide" else "Year")
    if slide:  # the chart is narrow there: a year every four keeps the years apart
        ax.xaxis.set_major_locator(mdates.YearLocator(4))
    handles = [Patch(facecolor=style.FILL_COLOURS["sky_blue"], hatch="//", edgecolor=style.EDGE,
                     label="recognised de facto"),
               Patch(facecolor=style.FILL_COLOURS["bluish_green"], edgecolor=style.EDGE, label="recognised de jure"),
               Line2D([], [], color=style.EDGE, linewidth=2.5, label="relations in place"),
               Line2D([], [], color=style.OKABE_ITO["vermillion"], linewidth=2.5, linestyle=(0, (2, 1.5)),
                      label="relations broken off")]
    handles += [Line2D([], [], marker=style.KIND_STYLE[k][1], markerfacecolor=style.KIND_STYLE[k][0],
                       markeredgecolor=style.EDGE, linestyle="none", markersize=10, label=TURN_LABELS[k])
                for k in turns if ((part["kind"] == k) & part["counted"]).any()]
    for kind in dict.fromkeys(missed["kind"]):
        handles.append(Line2D([], [], marker=style.KIND_STYLE[kind][1], markerfacecolor="white",
                              markeredgecolor=style.EDGE, linestyle="none", markersize=10,
                              label=UNCOUNTED_LABELS.get(kind, f"{KIND_LABELS[kind]} (did not count)")))
    if slide:  # beside the chart, one column: below it the key would make the figure too tall for a slide
        fig.tight_layout(rect=(0, 0, 0.62, 1))
        fig.legend(handles=handles, loc="center left", bbox_to_anchor=(0.62, 0.5), frameon=False, handlelength=1.8)
        fig.text(0.0, 0.0, SOURCE, fontsize=style.fontsize("source"), color=style.GREY, va="top")
    else:
        _key(fig, ax, handles, ncols=3)
    return fig


def state_paths_alt(changes: pd.DataFrame, states: list[str] | None = None) -> str:
    states = several_steps(changes) if states is None else list(states)
    part = changes[changes["state"].isin(states)]
    stories = []
    for state, group in part.groupby("state", sort=False):
        acts = ", ".join(f"{KIND_LABELS[k]} {d:%Y}" + ("" if c else " (did not count)")
                         for d, k, c in zip(group["date"], group["kind"], group["counted"]))
        stories.append(f"{group['label'].iloc[0]}: {acts}")
    return (f"Timeline of the {len(states)} states whose standing with Moscow moved more than once, one row each. "
            + "; ".join(stories) + ".")


def first_recognitions_by_year(by_region: pd.DataFrame):
    """Stacked bars: states recognising Moscow for the first time, by year (rows) and region (columns)."""
    fig, ax = _figure("wide")
    looks = {region: REGION_STYLE.get(region, ("black", "")) for region in by_region.columns}
    _stacked(ax, by_region, {region: dict(label=_name(region), color=style.FILL_COLOURS[colour], hatch=hatch)
                             for region, (colour, hatch) in looks.items()})
    ax.set(title="States recognising Moscow for the first time", xlabel="Year", ylabel="Number of states")
    step = 2 if style.medium() == "slide" and len(by_region) > 8 else 1
    ax.set_xticks(by_region.index[::step])
    ax.grid(axis="x", visible=False)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _key(fig, ax, ncols=5)
    return fig


def first_recognitions_alt(by_region: pd.DataFrame) -> str:
    totals = by_region.sum(axis=1)
    return (f"Stacked bar chart of first recognitions of Moscow by year and region, {by_region.index.min()} to "
            f"{by_region.index.max()}. The busiest year is {totals.idxmax()}, with {int(totals.max())} states. "
            "By region: " + ", ".join(f"{_name(r).lower()} {int(n)}" for r, n in by_region.sum().items()) + ".")


# --- notebook 2: Moscow's ties by sign -------------------------------------------------------------------


def ties_by_sign(moscow: pd.DataFrame):
    """Step lines: Moscow's cooperative, mixed and hostile ties at the end of each quarter (rows: dates)."""
    fig, ax = _figure("wide")
    shown = [(sign, marker) for sign, marker in (("cooperative", "o"), ("mixed", "s"), ("hostile", "X"))
             if sign in moscow]
    for sign, marker in shown:
        ax.step(moscow.index, moscow[sign], where="post", marker=marker, markevery=4, label=sign,
                **style.TONE_STYLE[sign])
    ax.set(title="Moscow's ties by sign, quarter by quarter", xlabel="Year (end of each quarter)",
           ylabel="Number of actors", ylim=(-0.5, moscow[[s for s, _ in shown]].to_numpy().max() + 1.5))
    ax.yaxis.get_major_locator().set_params(integer=True)
    _key(fig, ax, source=SOURCE + "; events from 1 January 1921 to each quarter's end")
    return fig


def ties_by_sign_alt(moscow: pd.DataFrame) -> str:
    peak = moscow["cooperative"].idxmax()
    return (f"Step chart of Moscow's ties by sign at each quarter's end, {moscow.index[0].year} to "
            f"{moscow.index[-1].year}. Cooperative ties peak at {int(moscow['cooperative'].max())} (first in "
            f"{peak:%B %Y}) and end at {int(moscow['cooperative'].iloc[-1])}; hostile ties go from "
            f"{int(moscow['hostile'].iloc[0])} to {int(moscow['hostile'].iloc[-1])}.")
