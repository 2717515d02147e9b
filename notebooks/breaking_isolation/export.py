"""Write a relations network for other tools: dynamic GEXF (Gephi), GraphML, and node and edge CSV (Palladio).

    paths = export(graph, "relations-1921-1928")

Everything written comes from the graph that `network.build` made; no argument changes what a file says.

- **GEXF 1.3, dynamic.** Each node lives from its actor's `start_date` to its `end_date` (the node's `start`
  and `end`, from actors.csv), each edge from its first event to the window's end (or until one of its actors
  ends), and an edge's sign and number of events as they stood (`sign_then`, `events_then`) change at the
  dates of its timeline (the edge's `timeline`), so Gephi's timeline shows the network as it grew.
  Positions are the kit's (`viz:position`), so Gephi opens the same picture as the notebook.
- **GraphML** holds the same nodes, edges and attributes, for networkx, yEd or Cytoscape.
- **CSV**: a node table (`Id`, `Label`, ...) and an edge table (`Source`, `Target`, `Type` = Undirected, ...), the
  columns Gephi's spreadsheet import and Palladio read.

Data text is never taken as a formula where a spreadsheet opens it: in the CSV tables a text value that starts
with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading apostrophe (`neutralise`). GEXF and
GraphML are read by Gephi and networkx, not run as formulas, so they keep every value as it is ("-", "-12").
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pandas as pd

from .atomic import replacing, write_bytes
from .network_drawing import positions
from .network_model import SOURCE
from .network_tables import edge_table, node_table
from .paths import output_dir

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
NODE_ATTRIBUTES = {"name": "string", "kind": "string", "region": "string", "in_being": "boolean"}
EDGE_ATTRIBUTES = {"sign": "string", "n_cooperative": "integer", "n_hostile": "integer", "n_neutral": "integer", "kinds": "string",
                   "event_ids": "string", "first": "string", "last": "string"}
# As they stood at each date: Gephi's timeline colours and filters by these. (`sign` and `weight` are the
# values at the window's end, as in the notebook.)
DYNAMIC_EDGE_ATTRIBUTES = {"sign_then": "string", "events_then": "integer"}


def neutralise(value):
    """A text value a spreadsheet would run as a formula, made plain text by a leading apostrophe; else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export(graph: nx.Graph, name: str, folder: str | Path | None = None, pos: dict | None = None) -> dict[str, Path]:
    """Write `graph` (made by `network.build`) as dynamic GEXF, GraphML, and node and edge CSV to `folder` (the
    kit's output/ by default), at positions `pos` (the kit's layout by default). Returns {format: path}."""
    folder = Path(folder) if folder is not None else output_dir()
    folder.mkdir(parents=True, exist_ok=True)
    pos = positions(graph) if pos is None else pos
    paths = {"gexf": folder / f"{name}.gexf", "graphml": folder / f"{name}.graphml",
             "nodes": folder / f"{name}-nodes.csv", "edges": folder / f"{name}-edges.csv"}
    write_bytes(paths["gexf"], gexf(graph, pos))  # each file whole or not at all (atomic.py)
    plain = nx.Graph()
    for node, data in graph.nodes(data=True):
        plain.add_node(node, **data, x=float(pos[node][0]), y=float(pos[node][1]))
    plain.add_edges_from((u, v, {k: _text(x) for k, x in d.items()}) for u, v, d in graph.edges(data=True))
    with replacing(paths["graphml"], "wb", encoding=None) as out:
        nx.write_graphml(plain, out)
    nodes = node_table(graph).rename(columns={"id": "Id", "label": "Label"})
    nodes["x"], nodes["y"] = nodes["Id"].map(lambda n: pos[n][0]), nodes["Id"].map(lambda n: pos[n][1])
    with replacing(paths["nodes"]) as out:
        _safe(nodes).to_csv(out, index=False)
    edges = edge_table(graph).rename(columns={"u": "Source", "v": "Target"})
    edges.insert(2, "Type", "Undirected")
    with replacing(paths["edges"]) as out:
        _safe(edges).to_csv(out, index=False)
    return paths


def _safe(table: pd.DataFrame) -> pd.DataFrame:
    return table.apply(lambda column: column.map(neutralise) if column.dtype in (object, "str") else column)


def _day(when) -> str | None:
    return None if when is None or pd.isna(when) else pd.Timestamp(when).strftime("%Y-%m-%d")


def _text(value):
    """A timeline as text for GraphML, which holds no lists: "1921-03-16 cooperative 1; 1923-05-08 hostile 2"."""
    if isinstance(value, tuple):
        return "; ".join(" ".join(str(part) for part in step) for step in value)
    return value


def gexf(graph: nx.Graph, pos: dict) -> bytes:
    """The graph as a dynamic GEXF 1.3 document (see the module's text)."""
    ET.register_namespace("", GEXF)
    ET.register_namespace("viz", VIZ)
    q = lambda tag: f"{{{GEXF}}}{tag}"
    root = ET.Element(q("gexf"), {"version": "1.3"})
    meta = ET.SubElement(root, q("meta"))
    ET.SubElement(meta, q("creator")).text = "Breaking Isolation teaching kit"
    ET.SubElement(meta, q("description")).text = (
        "Relations of Soviet Russia and the USSR: nodes are actors, edges the events between them. " + SOURCE)
    window_end = graph.graph.get("end")
    attributes = {"mode": "dynamic", "defaultedgetype": "undirected", "timeformat": "date",
                  "timerepresentation": "interval"}
    if graph.graph.get("start"):
        attributes["start"] = graph.graph["start"]
    if window_end:
        attributes["end"] = window_end
    element = ET.SubElement(root, q("graph"), attributes)
    for klass, mode, declared in (("node", "static", NODE_ATTRIBUTES), ("edge", "static", EDGE_ATTRIBUTES),
                                  ("edge", "dynamic", DYNAMIC_EDGE_ATTRIBUTES)):
        block = ET.SubElement(element, q("attributes"), {"class": klass, "mode": mode})
        for key, kind in declared.items():
            ET.SubElement(block, q("attribute"), {"id": key, "title": key, "type": kind})
    lives = {node: (data["start"] or None, data["end"] or None) for node, data in graph.nodes(data=True)}
    nodes = ET.SubElement(element, q("nodes"), {"count": str(graph.number_of_nodes())})
    for node, data in graph.nodes(data=True):
        start, end = lives.get(node, (None, None))
        spans = {k: v for k, v in (("start", start), ("end", end)) if v}
        item = ET.SubElement(nodes, q("node"), {"id": str(node), "label": str(data["label"]), **spans})
        values = ET.SubElement(item, q("attvalues"))
        for key in NODE_ATTRIBUTES:
            value = data[key]
            ET.SubElement(values, q("attvalue"), {"for": key, "value": str(value).lower() if isinstance(value, bool)
                                                  else str(value)})
        x, y = pos[node]
        ET.SubElement(item, f"{{{VIZ}}}position", {"x": repr(round(100 * float(x), 3)), "y": repr(round(100 * float(y), 3)),
                                                   "z": "0.0"})
    edges = ET.SubElement(element, q("edges"), {"count": str(graph.number_of_edges())})
    for index, (u, v, data) in enumerate(sorted(graph.edges(data=True), key=lambda e: tuple(sorted(e[:2])))):
        u, v = sorted((u, v))
        ends = [e for e in (lives.get(u, (None, None))[1], lives.get(v, (None, None))[1], window_end) if e]
        end = min(ends) if ends else None
        steps = data["timeline"]
        spans = {"start": steps[0][0], **({"end": end} if end else {})}
        item = ET.SubElement(edges, q("edge"), {"id": str(index), "source": str(u), "target": str(v),
                                                "type": "undirected", "weight": str(data["weight"]), **spans})
        values = ET.SubElement(item, q("attvalues"))
        for key in EDGE_ATTRIBUTES:
            ET.SubElement(values, q("attvalue"), {"for": key, "value": str(data[key])})
        for number, (since, sign, count) in enumerate(steps):
            until = _day(pd.Timestamp(steps[number + 1][0]) - datetime.timedelta(days=1)) if number + 1 < len(steps) else end
            span = {"start": since, **({"end": until} if until else {})}
            ET.SubElement(values, q("attvalue"), {"for": "sign_then", "value": sign, **span})
            ET.SubElement(values, q("attvalue"), {"for": "events_then", "value": str(count), **span})
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"
