"""The relations network as tables: one row per edge, per node, per signed triangle."""

from __future__ import annotations

from typing import TYPE_CHECKING

import itertools
import math

import pandas as pd

from .network_model import SIGN_VALUE

if TYPE_CHECKING:  # only in annotations: importing the checks must not import networkx
    import networkx as nx



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
        if not all(s in SIGN_VALUE for s in signs):
            continue  # a neutral or mixed tie has no sign to multiply
        product = math.prod(SIGN_VALUE[s] for s in signs)
        rows.append({"triad": f"{a} – {b} – {c}", "a": a, "b": b, "c": c,
                     "hostile_ties": signs.count("hostile"), "balanced": product > 0})
    table = pd.DataFrame(rows, columns=["triad", "a", "b", "c", "hostile_ties", "balanced"])
    return table.astype({"hostile_ties": "int64", "balanced": "bool"})
