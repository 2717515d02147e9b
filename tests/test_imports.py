"""The package's modules import each other without a cycle (read from the source with ast, not by importing)."""

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "notebooks" / "breaking_isolation"


def imports_of(path: Path, package: str = "breaking_isolation") -> set[str]:
    """The package's modules that `path` imports: `from . import x`, `from .x import y`, `import package.x`."""
    found = set()
    modules = {p.stem for p in path.parent.glob("*.py")} - {"__init__"}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                found |= {alias.name for alias in node.names if alias.name in modules}
            elif node.level == 0 and node.module and node.module.startswith(package + "."):
                found.add(node.module.split(".")[1])
            elif node.level == 0 and node.module == package:
                found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith(package + ".")}
    return found


def import_graph(folder: Path = PACKAGE) -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in sorted(folder.glob("*.py")):
        if path.stem == "__init__":
            continue  # the package's front door imports everything and is imported by no module
        graph.add_node(path.stem)
        graph.add_edges_from((path.stem, target) for target in imports_of(path) if target != "__init__")
    return graph


# None known: any cycle fails (a deferred import hides a cycle from Python, not from a reader, so the graph
# counts imports inside functions too).
KNOWN_CYCLES: list[set[str]] = []


def test_the_package_has_no_import_cycle():
    cycles = [set(c) for c in nx.simple_cycles(import_graph())]
    new = [c for c in cycles if c not in KNOWN_CYCLES]
    assert not new, "import cycles: " + "; ".join(" -> ".join(sorted(c)) for c in new)
    assert [c for c in KNOWN_CYCLES if c not in cycles] == [], "a known cycle is gone: take it off KNOWN_CYCLES"


def test_the_cycle_check_finds_a_cycle(tmp_path):
    (tmp_path / "a.py").write_text("from . import b\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("from .a import thing\n", encoding="utf-8")
    assert [sorted(c) for c in nx.simple_cycles(import_graph(tmp_path))] == [["a", "b"]]


def test_export_reads_the_network_model_and_no_private_name():
    assert "network" not in imports_of(PACKAGE / "export.py")
    tree = ast.parse((PACKAGE / "export.py").read_text(encoding="utf-8"))
    private = [a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1
               for a in n.names if a.name.startswith("_")]
    private += [n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr.startswith("_")
                and isinstance(n.value, ast.Name) and n.value.id != "self"]
    assert not private, private
