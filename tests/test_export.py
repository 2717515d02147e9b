"""The exports: a dynamic GEXF that validates against the official GEXF 1.3 schema and that Gephi's timeline
filters to the notebook's snapshots, GraphML, CSV with Gephi's Type column, and no formula in any of them."""

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from lxml import etree

from breaking_isolation import export, network
from test_network import ACTORS, events

SCHEMA_DIR = Path(__file__).resolve().parent / "gexf-1.3"
NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
FORMULAS = ["=HYPERLINK(\"http://example.org\",\"click\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)",
            "\tTab first", "\rCarriage return first"]


def written(tmp_path, graph=None, **kwargs) -> dict[str, Path]:
    graph = graph if graph is not None else network.build(events(), ACTORS, start="1921-01-01", end="1928-12-31")
    return export.export(graph, "test", folder=tmp_path, **kwargs)


def test_network_still_offers_export():
    assert network.export is export.export


def test_gexf_validates_against_the_official_gexf_1_3_schema(tmp_path):
    path = written(tmp_path)["gexf"]
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "gexf.xsd")))
    document = etree.parse(str(path))
    # The schema's own defect (tests/gexf-1.3/README.md): it cannot accept viz:position, which Gephi reads.
    # Each is checked by hand against viz.xsd's position-content, then left out of the schema's check.
    positions = document.findall(".//viz:position", NS)
    assert len(positions) == len(document.findall(".//g:node", NS)) > 0
    for position in positions:
        float(position.get("x")), float(position.get("y"))
        assert set(position.attrib) <= {"x", "y", "z"}
        position.getparent().remove(position)
    assert schema.validate(document), schema.error_log.filter_from_errors()
    assert document.find(".//g:graph", NS).get("name") is None  # no empty name="" (not in the schema)


def test_the_schema_check_can_fail(tmp_path):
    """The validation above is real: a GEXF with networkx's empty graph name, or a wrong edge type, fails."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "gexf.xsd")))
    path = written(tmp_path)["gexf"]
    for before, after in (('mode="dynamic"', 'mode="dynamic" name=""'), ('type="undirected"', 'type="sideways"')):
        broken = path.read_text(encoding="utf-8").replace(before, after, 1)
        document = etree.fromstring(broken.encode())
        for position in document.findall(".//viz:position", NS):
            position.getparent().remove(position)
        assert not schema.validate(document), after


def at(path: Path, when: str) -> dict[frozenset, str]:
    """What Gephi's timeline shows at `when`: the edges alive then, each with its sign at that date."""
    root = ET.parse(path).getroot()
    alive = lambda item: (item.get("start") or "0000") <= when <= (item.get("end") or "9999")
    nodes = {n.get("id") for n in root.iter(f"{{{NS['g']}}}node") if alive(n)}
    shown = {}
    for edge in root.iter(f"{{{NS['g']}}}edge"):
        if not alive(edge):
            continue
        assert {edge.get("source"), edge.get("target")} <= nodes, "an edge outlives one of its nodes"
        signs = [v.get("value") for v in edge.iter(f"{{{NS['g']}}}attvalue") if v.get("for") == "sign_then" and alive(v)]
        assert len(signs) == 1, signs
        shown[frozenset((edge.get("source"), edge.get("target")))] = signs[0]
    return shown


@pytest.mark.parametrize("when", ["1921-12-31", "1923-06-30", "1924-12-31", "1927-06-30", "1927-12-31", "1928-12-31"])
def test_gephi_timeline_at_a_date_shows_the_notebooks_snapshot(tmp_path, when):
    path = written(tmp_path)["gexf"]
    snapshot = network.build(events(), ACTORS, start="1921-01-01", end=when)
    expected = {frozenset((u, v)): sign for u, v, sign in snapshot.edges(data="sign")}
    shown = at(path, when)
    # The snapshot keeps an actor's old ties after it ends; the timeline drops them with the actor.
    ended = {n for n in snapshot if not snapshot.nodes[n]["in_being"]}
    assert shown == {pair: sign for pair, sign in expected.items() if not pair & ended}


def test_gexf_carries_lifespans_and_the_change_of_sign(tmp_path):
    root = ET.parse(written(tmp_path)["gexf"]).getroot()
    graph = root.find("g:graph", NS)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    ccp = root.find(".//g:node[@id='ccp']", NS)
    assert (ccp.get("start"), ccp.get("end")) == ("1921-07-23", None)
    beijing = root.find(".//g:node[@id='china-beijing']", NS)
    assert beijing.get("end") == "1928-06-30"
    britain = root.find(".//g:edge[@source='britain'][@target='ussr']", NS)
    assert britain.get("start") == "1921-03-16" and britain.get("type") == "undirected"
    signs = [(v.get("start"), v.get("end"), v.get("value")) for v in britain.iter(f"{{{NS['g']}}}attvalue")
             if v.get("for") == "sign_then"]
    assert signs[-1] == ("1927-05-26", "1928-12-31", "hostile")
    assert ("1924-02-01", "1927-05-25", "mixed") in signs  # recognition against the Curzon ultimatum


def test_edge_csv_has_gephis_type_column(tmp_path):
    edges = pd.read_csv(written(tmp_path)["edges"])
    assert list(edges.columns[:3]) == ["Source", "Target", "Type"]
    assert set(edges["Type"]) == {"Undirected"}


def with_names(names: list[str]) -> nx.Graph:
    graph = network.build(events(), ACTORS, start="1921-01-01", end="1928-12-31")
    for node, name in zip(sorted(graph), names):
        graph.nodes[node]["name"] = name
        graph.nodes[node]["label"] = name
    return graph


def cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as file:
        return [cell for row in csv.reader(file) for cell in row]


def _values(path: Path, fmt: str) -> list[str]:
    if fmt in ("nodes", "edges"):
        return cells(path)
    if fmt == "gexf":
        root = ET.parse(path).getroot()
        return [e.get(a) for e in root.iter() for a in ("label", "value") if e.get(a) is not None]
    back = nx.read_graphml(path)
    return [str(v) for _, d in back.nodes(data=True) for v in d.values()] + \
           [str(v) for _, _, d in back.edges(data=True) for v in d.values()]


@pytest.mark.parametrize("fmt", ["nodes", "edges"])
def test_no_csv_export_carries_a_live_formula(fmt, tmp_path):
    graph = with_names(FORMULAS)
    first = sorted(graph.edges(data=True))[0]
    graph.edges[first[0], first[1]]["kinds"] = "=1+1"  # an edge text too
    values = _values(written(tmp_path, graph=graph)[fmt], fmt)
    texts = [v for v in values if not _is_number(v)]
    assert not [v for v in texts if v.startswith(export.FORMULA_STARTS)], texts
    shown = [f for f in FORMULAS if "\r" not in f] if fmt != "edges" else ["=1+1"]  # a CSV reader may turn a
    # carriage return into a line feed; that it is neutralised is checked above
    for formula in shown:  # kept whole, as text, behind the apostrophe
        assert "'" + formula in values, formula


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gexf_and_graphml_keep_values_as_they_are(fmt, tmp_path):
    """Gephi and networkx run no formulas: a name "-" or "-12" stays what it is, with no apostrophe."""
    graph = with_names(["-", "-12", "=1+1", "@home"] + [f"n{i}" for i in range(40)])
    values = _values(written(tmp_path, graph=graph)[fmt], fmt)
    for name in ("-", "-12", "=1+1", "@home"):
        assert name in values and "'" + name not in values, name


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def test_neutralise_leaves_ordinary_text_and_numbers_alone():
    assert export.neutralise("Treaty of Rapallo") == "Treaty of Rapallo"
    assert export.neutralise(-1.5) == -1.5
    assert export.neutralise("-2+3") == "'-2+3"


def test_gephi_timeline_follows_a_tie_that_turns_from_cooperative_to_hostile(tmp_path):
    """The bug this guards: an export of a built graph, called as notebook 2 calls it, once dated the tie's
    end-of-window sign from its first event (Britain "hostile" on the day of the 1921 trade agreement) and gave
    no node a lifespan. The timeline is the graph's own, so nothing the caller leaves out can hide it."""
    graph = network.build(events(), ACTORS, start="1921-01-01", end="1928-12-31")
    path = export.export(graph, "turns", folder=tmp_path)["gexf"]
    britain = frozenset(("britain", "ussr"))
    assert at(path, "1921-03-16")[britain] == "cooperative"   # the trade agreement's day
    assert at(path, "1922-12-31")[britain] == "cooperative"   # the Hague conference (neutral) changes nothing
    assert at(path, "1923-05-08")[britain] == "hostile"       # the Curzon ultimatum
    assert at(path, "1924-06-30")[britain] == "mixed"         # recognition, Curzon not yet outweighed
    assert at(path, "1927-05-26")[britain] == "hostile"       # the break
    assert britain not in at(path, "1921-03-15")              # no tie before its first event
    root = ET.parse(path).getroot()
    spans = {n.get("id"): (n.get("start"), n.get("end")) for n in root.iter(f"{{{NS['g']}}}node")}
    assert spans["ccp"] == ("1921-07-23", None) and spans["china-beijing"] == (None, "1928-06-30")
    assert spans["ussr"] == (None, None)   # RSFSR and USSR: one state, no gap


def test_export_takes_no_argument_that_changes_what_the_file_says():
    import inspect
    assert list(inspect.signature(export.export).parameters) == ["graph", "name", "folder", "pos"]
