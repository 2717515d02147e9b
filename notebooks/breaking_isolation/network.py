"""The relations network, in one namespace for the notebooks: who dealt with whom, as partners or as enemies.

    graph = network.build(events, actors, start=START, end="1924-12-31", keep=network.FOCUS)
    network.edge_table(graph)                       # one row per tie, with the events behind it
    fig = network.draw_panels({"1924": graph})      # small multiples, the same place for every actor
    network.export(graph, "network-1924")           # dynamic GEXF, GraphML and two CSV files in output/

Each job lives in its own module: the model (`network_model`: nodes, edges, signs, timelines), the tables
(`network_tables`), the drawing (`network_drawing`), the exports (`export`) and the exercise checks of
notebook 2 (`network_exercises`). This module only gathers their public names; none of them imports it.
"""

from .export import export
from .network_drawing import LAYOUT_SEED, POSITIONS, describe, draw, draw_panels, edge_width, legend_handles, positions
from .network_exercises import MOMENTS, as_pairs
from .network_model import (FOCUS, LABELS, MERGE, ROLLS_UP, SIGN_VALUE, SIGNS, SNAPSHOT_DATES, SOURCE, SOVIET, build,
                            counted_for, event_pairs, is_break, node_info, node_of, sign_of, sign_since, sign_then,
                            snapshot_name, snapshot_steps, snapshots, timeline)
from .network_tables import edge_table, node_table, signed_triads
from .vocabulary import END, START

__all__ = ["FOCUS", "LABELS", "LAYOUT_SEED", "MERGE", "MOMENTS", "POSITIONS", "ROLLS_UP", "SIGNS", "SIGN_VALUE",
           "SNAPSHOT_DATES", "snapshot_name", "snapshot_steps",
           "SOURCE", "SOVIET", "START", "END", "as_pairs", "build", "counted_for", "describe", "draw", "draw_panels",
           "edge_table", "edge_width",
           "event_pairs", "export", "is_break", "legend_handles", "node_info", "node_of", "node_table", "positions", "sign_of",
           "sign_since", "sign_then", "signed_triads", "snapshots", "timeline"]
