"""The relations network: who dealt with whom, as partners or as enemies, in a window of time.

    graph = network.build(events, actors, start="1921-01-01", end="1924-12-31", keep=network.FOCUS)
    network.edge_table(graph)                       # one row per tie, with the events behind it
    fig = network.draw_panels({"1924": graph})      # small multiples, the same place for every actor
    network.export(graph, "network-1924")           # dynamic GEXF, GraphML and two CSV files in output/

The choices, so that a student can trace every line of a figure back to rows of data/events.csv:

- **Nodes are actors**, and the Soviet state is one node, `ussr` ("RSFSR / USSR"): `rsfsr` before
  30 December 1922 and `ussr` after are the same state under two names, and the ruling party (`cpsu`) is
  counted with the state it ran (`MERGE`). Persons, firms and organisations count for what they belong to
  (`actors.belongs_to`, followed upwards): Joffe and Borodin for the USSR, Chiang Kai-shek for the
  Nationalists, the Reichswehr and Junkers for Germany. States, governments, parties and international
  organisations stay themselves, so the Beijing government (`china-beijing`), the Nationalists (`kmt`),
  the Wuhan Nationalists (`kmt-wuhan`) and the communists (`ccp`) are four nodes, not one "China".
- **Edges are undirected** and aggregate every event between two nodes in the window (start and end
  included). An event between two actors of the same node (Stalin against Trotsky) is no edge.
- **Sign**: the tone of the *latest* event that was not neutral. A relation stays as it last turned until
  something turns it again; a conference or a mission (neutral) does not undo a treaty or a raid. An edge
  whose events are all neutral is `neutral`. The counts of each tone are kept beside the sign, so a mixed
  relation stays visible (`n_cooperative`, `n_hostile`, `n_neutral`).
- **Weight**: the number of events behind the edge.
- **Event ids**: `event_ids`, in date order and joined with ";" (GEXF and GraphML hold text, not lists).
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.lines import Line2D

from . import checks
from .paths import output_dir
from . import style
from .style import GREY, OKABE_ITO, TONE_STYLE

SOVIET = "ussr"
# The Soviet state under both names, and its ruling party; the Nationalist government at Nanjing with the
# party that formed it, so that "the Nationalists" are one node before and after April 1927.
MERGE = {"rsfsr": SOVIET, "cpsu": SOVIET, "china-nanjing": "kmt"}
ROLLS_UP = ("person", "firm", "organisation")  # kinds that count for the actor they belong to
SIGNS = ("cooperative", "hostile", "neutral")
SIGN_VALUE = {"cooperative": 1, "hostile": -1}

# The actors notebook 2 follows: Moscow, the Comintern, Germany, Britain, the other powers, and China's
# rival governments and parties.
FOCUS = ("ussr", "comintern", "germany", "britain", "france", "usa", "japan",
         "china-beijing", "kmt", "kmt-wuhan", "ccp")
LABELS = {
    "ussr": "RSFSR / USSR", "comintern": "Comintern", "germany": "Germany", "britain": "Britain",
    "france": "France", "usa": "United States", "japan": "Japan", "china-beijing": "Beijing\ngovernment",
    "kmt": "Nationalists\n(KMT)", "kmt-wuhan": "Wuhan\nNationalists", "ccp": "Communists\n(CCP)",
    "china": "China", "italy": "Italy", "mongolia": "Mongolia", "poland": "Poland", "turkey": "Turkey",
}
# Hand-placed: the West on the left, Moscow in the middle, East Asia on the right; China's rivals in a
# cluster so that their triangles with Moscow stay readable. Actors not placed here get a seeded layout.
POSITIONS = {
    "usa": (-2.9, 1.6), "britain": (-2.7, 0.4), "france": (-3.0, -0.9), "germany": (-1.9, -1.75),
    "ussr": (0.0, 0.0), "comintern": (1.3, 1.7),
    "japan": (3.5, 1.6), "china-beijing": (3.15, 0.4), "kmt": (1.85, -0.9), "kmt-wuhan": (3.3, -2.1),
    "ccp": (0.35, -2.05), "china": (3.4, -0.6),
}
LAYOUT_SEED = 1921
SOURCE = "Source: the kit's events.csv and actors.csv"


# --- building ---------------------------------------------------------------------------------------


def node_of(actors: pd.DataFrame, merge: dict[str, str] | None = None) -> dict[str, str]:
    """{actor_id: node id}: persons, firms and organisations follow belongs_to upwards; then `merge` applies."""
    merge = MERGE if merge is None else merge
    parent = {a: (b if isinstance(b, str) else "") for a, b in zip(actors["actor_id"], actors["belongs_to"])}
    kind = dict(zip(actors["actor_id"], actors["kind"].astype(str)))
    found = {}
    for actor in parent:
        current, seen = actor, set()
        while kind.get(current) in ROLLS_UP and parent.get(current) and current not in seen:
            seen.add(current)
            current = parent[current]
        found[actor] = merge.get(current, current)
    return found


def event_pairs(events: pd.DataFrame, actors: pd.DataFrame, merge: dict[str, str] | None = None) -> pd.DataFrame:
    """Each event with the two nodes it joins (`u` < `v`), in date order; events within one node are left out.

    An actor id missing from `actors` raises a ValueError naming the event, the column and the value.
    """
    nodes = node_of(actors, merge)
    for column in ("actor", "counterpart"):
        unknown = events.loc[~events[column].isin(nodes), ["event_id", column]]
        for event_id, value in unknown.itertuples(index=False):
            raise ValueError(f"events.csv, event {event_id!r}, column {column!r}: {value!r} is not an actor_id "
                             "in actors.csv")
    one, other = events["actor"].map(nodes), events["counterpart"].map(nodes)
    table = pd.DataFrame({
        "event_id": events["event_id"], "date": events["date"],
        "date_text": events["date_text"] if "date_text" in events else events["date"].dt.strftime("%Y-%m-%d"),
        "kind": events["kind"].astype(str), "tone": events["tone"].astype(str),
        "actor": events["actor"], "counterpart": events["counterpart"],
        "u": one.where(one < other, other), "v": other.where(one < other, one),
        "title": events["title"] if "title" in events else "",
    })
    table = table[table["u"] != table["v"]]
    return table.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def _when(value, name: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        return pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} {value!r} is not a date; give one like '1924-12-31'") from None


def sign_of(tones) -> str:
    """The tone of the latest non-neutral event among `tones` (in date order); neutral if all are."""
    for tone in reversed(list(tones)):
        if tone in SIGN_VALUE:
            return tone
    return "neutral"


def build(events: pd.DataFrame, actors: pd.DataFrame, start=None, end=None, keep=None,
          merge: dict[str, str] | None = None) -> nx.Graph:
    """The relations network of the events dated from `start` to `end` (both included; None: no bound).

    `keep`: the node ids to draw (say `FOCUS`); events with any other node are left out, and every kept
    actor that existed at some time in the window is a node, with or without ties. Without `keep`, the
    nodes are the actors with at least one tie. See the module's text for how nodes, signs and weights
    are made.
    """
    start, end = _when(start, "start"), _when(end, "end")
    if start is not None and end is not None and start > end:
        raise ValueError(f"the window starts ({start:%Y-%m-%d}) after it ends ({end:%Y-%m-%d})")
    nodes = node_of(actors, merge)
    pairs = event_pairs(events, actors, merge)
    if start is not None:
        pairs = pairs[pairs["date"] >= start]
    if end is not None:
        pairs = pairs[pairs["date"] <= end]
    if keep is not None:
        keep = list(dict.fromkeys(keep))
        unknown = [k for k in keep if k not in set(nodes.values())]
        if unknown:
            raise ValueError(f"keep: {', '.join(map(repr, unknown))} not a node of actors.csv "
                             f"(merged actors count as {', '.join(f'{a} -> {b}' for a, b in (merge or MERGE).items())})")
        pairs = pairs[pairs["u"].isin(keep) & pairs["v"].isin(keep)]

    graph = nx.Graph(start=_iso(start), end=_iso(end))
    info = _node_info(actors, nodes)
    if keep is None:
        chosen = sorted(set(pairs["u"]) | set(pairs["v"]))
    else:
        chosen = [k for k in keep if _exists(info[k], start, end) or k in set(pairs["u"]) | set(pairs["v"])]
    for node in chosen:
        record = info[node]
        graph.add_node(node, label=LABELS.get(node, record["name"]).replace("\n", " "), name=record["name"],
                       kind=record["kind"], region=record["region"], in_being=_exists(record, end, end))
    for (u, v), group in pairs.groupby(["u", "v"], sort=True):
        tones = group["tone"]
        graph.add_edge(
            u, v, weight=len(group), sign=sign_of(tones),
            n_cooperative=int((tones == "cooperative").sum()), n_hostile=int((tones == "hostile").sum()),
            n_neutral=int((tones == "neutral").sum()),
            kinds=";".join(sorted(set(group["kind"]))), event_ids=";".join(group["event_id"]),
            first=group["date"].min().strftime("%Y-%m-%d"), last=group["date"].max().strftime("%Y-%m-%d"))
    return graph


def _iso(when) -> str:
    return "" if when is None else when.strftime("%Y-%m-%d")


def _node_info(actors: pd.DataFrame, nodes: dict[str, str]) -> dict[str, dict]:
    """Name, kind, region and lifespan of each node; a merged node spans its parts' lifespans."""
    column = lambda name: (list(actors[name]) if name in actors else [None] * len(actors))
    rows = {a: {"name": str(n), "kind": str(k), "region": str(r), "start": s, "end": e}
            for a, n, k, r, s, e in zip(actors["actor_id"], actors["name"], actors["kind"], actors["region"],
                                        column("start_date"), column("end_date"))}
    known = lambda when: None if when is None or pd.isna(when) else pd.Timestamp(when)
    info = {}
    for actor, node in nodes.items():
        if actor != node and rows[actor]["kind"] in ROLLS_UP:
            continue  # a person's dates are not the state's
        record = info.setdefault(node, {**{k: rows[node][k] for k in ("name", "kind", "region")},
                                        "starts": [], "ends": []})
        record["starts"].append(known(rows[actor]["start"]))
        record["ends"].append(known(rows[actor]["end"]))
    for record in info.values():
        starts, ends = record.pop("starts"), record.pop("ends")
        record["start"] = None if None in starts else min(starts)
        record["end"] = None if None in ends else max(ends)
    return info


def _exists(record: dict, start, end) -> bool:
    """Did the actor exist at some time from `start` to `end`?"""
    if end is not None and record["start"] is not None and record["start"] > end:
        return False
    if start is not None and record["end"] is not None and record["end"] < start:
        return False
    return True


def snapshots(events: pd.DataFrame, actors: pd.DataFrame, moments: dict[str, str], start="1921-01-01",
              keep=FOCUS) -> dict[str, nx.Graph]:
    """{label: the network from `start` to that moment}, for each moment in `moments` ({label: date})."""
    return {label: build(events, actors, start=start, end=when, keep=keep) for label, when in moments.items()}


# --- tables --------------------------------------------------------------------------------------------


def edge_table(graph: nx.Graph) -> pd.DataFrame:
    """One row per edge: the two nodes, sign, weight, tone counts, kinds, first and last date, event ids."""
    columns = ["u", "v", "sign", "weight", "n_cooperative", "n_hostile", "n_neutral", "kinds", "first", "last",
               "event_ids"]
    rows = [{"u": min(u, v), "v": max(u, v), **{k: d[k] for k in columns[2:]}} for u, v, d in graph.edges(data=True)]
    return pd.DataFrame(rows, columns=columns).sort_values(["u", "v"], ignore_index=True)


def node_table(graph: nx.Graph) -> pd.DataFrame:
    """One row per node: id, label, name, kind, region, whether it was in being at the window's end, degree."""
    rows = [{"id": n, **{k: d[k] for k in ("label", "name", "kind", "region", "in_being")},
             "degree": graph.degree(n)} for n, d in graph.nodes(data=True)]
    return pd.DataFrame(rows, columns=["id", "label", "name", "kind", "region", "in_being", "degree"])


def signed_triads(graph: nx.Graph) -> pd.DataFrame:
    """Every triangle whose three edges are signed (none neutral), with its signs and whether it is balanced.

    Balanced: the product of the three signs is positive (three friends, or two friends with a common enemy:
    "the enemy of my enemy is my friend"). Unbalanced: one hostile tie among friends, or three enemies.
    """
    rows = []
    for a, b, c in itertools.combinations(sorted(graph), 3):
        if not (graph.has_edge(a, b) and graph.has_edge(a, c) and graph.has_edge(b, c)):
            continue
        signs = [graph.edges[p]["sign"] for p in ((a, b), (a, c), (b, c))]
        if "neutral" in signs:
            continue
        product = math.prod(SIGN_VALUE[s] for s in signs)
        rows.append({"triad": f"{a} – {b} – {c}", "a": a, "b": b, "c": c,
                     "hostile_ties": signs.count("hostile"), "balanced": product > 0})
    table = pd.DataFrame(rows, columns=["triad", "a", "b", "c", "hostile_ties", "balanced"])
    return table.astype({"hostile_ties": "int64", "balanced": "bool"})


# --- drawing -------------------------------------------------------------------------------------------


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
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: SIGNS.index(e[2]["sign"]), reverse=True):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        tone = TONE_STYLE[data["sign"]]
        ax.plot([x1, x2], [y1, y2], color=tone["color"], linestyle=tone["linestyle"],
                linewidth=edge_width(data["weight"]), solid_capstyle="butt", dash_capstyle="butt", zorder=1)
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
    ax.set_ylim(min(ys) - 0.45, max(ys) + 0.4)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=style.fontsize("label"))


def legend_handles(weights=(1, 4, 9)) -> list:
    """Legend entries: one line per sign (colour and line style), and line widths for numbers of events."""
    signs = [Line2D([], [], linewidth=3.5, label=sign, **TONE_STYLE[sign]) for sign in SIGNS]
    widths = [Line2D([], [], color=GREY, linewidth=edge_width(w), label=f"{w} event{'s' * (w != 1)}")
              for w in weights]
    return [h for pair in zip(signs, widths) for h in pair]  # legends fill by column: signs in the top row


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
    legend_height = 4.4 * style.fontsize("legend") / 72  # two rows of legend and the source line
    fig, axes = plt.subplots(nrows, ncols, squeeze=False,
                             figsize=(panel_size[0] * ncols, panel_size[1] * nrows + legend_height))
    for ax, (label, graph) in zip(axes.flat, graphs.items()):
        draw(graph, ax, pos, title=label, fontsize=fontsize)
    for ax in list(axes.flat)[len(graphs):]:
        ax.axis("off")
    if title:
        fig.suptitle(title, fontsize=style.fontsize("title"), fontweight="bold")
    fig.legend(handles=legend_handles(), loc="lower center", ncols=3, frameon=False,
               fontsize=style.fontsize("legend"), bbox_to_anchor=(0.5, 0.0), handlelength=3.2)
    fig.text(0.01, 0.0, source + "; every event from 1 January 1921 to the panel's date",
             fontsize=style.fontsize("source"), color=GREY, va="top")
    fig.tight_layout(rect=(0, legend_height / fig.get_figheight(), 1, 0.95 if title else 1), pad=0.3)
    return fig


def describe(graph: nx.Graph, who: str = SOVIET) -> str:
    """One sentence for alt text: the ties in the graph by sign, and `who`'s partners and enemies."""
    signs = [d["sign"] for _, _, d in graph.edges(data=True)]
    mine = {n: graph.edges[who, n]["sign"] for n in graph[who]} if who in graph else {}
    names = lambda sign: ", ".join(sorted(graph.nodes[n]["label"] for n, s in mine.items() if s == sign)) or "none"
    return (f"{len(signs)} ties ({signs.count('cooperative')} cooperative, {signs.count('hostile')} hostile, "
            f"{signs.count('neutral')} neutral); Moscow cooperative with {names('cooperative')}; "
            f"hostile with {names('hostile')}")


# --- exports: in export.py, importable from here as before ------------------------------------------------

from .export import export  # noqa: E402  (export.py uses the functions above)


# --- exercise checks (notebook 02-network) ---------------------------------------------------------------

MOMENTS = {"1926": "1926-12-31", "1928": "1928-12-31"}  # the snapshots the exercises ask about


def _names(data) -> dict[str, str]:
    """Lower-case names and labels of actors, for answers that give names instead of ids."""
    found = {name.lower(): actor for actor, name in zip(data.actors["actor_id"], data.actors["name"])}
    found.update({label.replace("\n", " ").lower(): actor for actor, label in LABELS.items()})
    found.update({"ussr": SOVIET, "rsfsr": SOVIET, "moscow": SOVIET, "soviet union": SOVIET})
    return found


def _snapshot(data, moment: str) -> nx.Graph:
    known = set(node_of(data.actors).values())
    return build(data.events, data.actors, start="1921-01-01", end=MOMENTS[moment],
                 keep=[n for n in FOCUS if n in known])


def as_pairs(answer, names: dict[str, str] | None = None) -> set[frozenset]:
    """A set of unordered pairs of ids from a list of 2-tuples (or 2-lists, or "a-b" edge rows of a table)."""
    if isinstance(answer, pd.DataFrame):
        if not {"u", "v"} <= set(answer.columns):
            raise checks.Unreadable("a table without u and v columns")
        answer = list(zip(answer["u"], answer["v"]))
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
        raise checks.Unreadable(answer)
    found = set()
    for item in answer:
        if isinstance(item, str) or len(item) != 2:
            raise checks.Unreadable(item)
        ids = checks.as_id_set(list(item), names)
        if len(ids) != 2:
            raise checks.Unreadable(item)
        found.add(frozenset(ids))
    return found


@checks.exercise("network-1", expects="a list of actor ids, such as ['germany', 'france']")
def _check_hostile_1928(answer, data):
    graph = _snapshot(data, "1928")
    expected = {n for n in graph[SOVIET] if graph.edges[SOVIET, n]["sign"] == "hostile"}
    given = checks.as_id_set(answer, _names(data)) - {SOVIET}
    return checks.compare_sets(given, expected, "actors hostile to Moscow at the end of 1928",
                               "Look at Moscow's own edges: `G.edges('ussr', data='sign')` lists each neighbour "
                               "with the sign of the tie; keep the hostile ones.")


@checks.exercise("network-2", expects="a whole number")
def _check_unbalanced_1926(answer, data):
    expected = int((~signed_triads(_snapshot(data, "1926"))["balanced"]).sum())
    given = checks.as_int(answer)
    if given == expected:
        return checks.right("Moscow was holding together friends who were turning on each other.")
    return checks.wrong(("Too many" if given > expected else "Too few") +
                        ": build the network from 1 January 1921 to 31 December 1926 with `keep=kit.network.FOCUS`, "
                        "then count the rows of `signed_triads` whose `balanced` column is False.")


@checks.exercise("network-3", expects="a list of pairs of actor ids, such as [('britain', 'ussr')]")
def _check_1926_to_1928(answer, data):
    before, after = _snapshot(data, "1926"), _snapshot(data, "1928")
    expected = {frozenset((u, v)) for u, v, sign in after.edges(data="sign")
                if not before.has_edge(u, v) or before.edges[u, v]["sign"] != sign}
    given = as_pairs(answer, _names(data))
    return checks.compare_sets(given, expected, "ties that are new or changed sign between the two snapshots",
                               "Go through the edges of the 1928 graph; keep an edge when the 1926 graph "
                               "lacks it (`has_edge`) or gives it another sign.")
