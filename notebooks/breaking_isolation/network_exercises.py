"""The exercise checks of notebook 02-network: Moscow's enemies, unbalanced triads, what changed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

from . import checks
from .network_model import FOCUS, LABELS, SOVIET, build, node_of
from .network_tables import signed_triads
from .vocabulary import START

if TYPE_CHECKING:  # only in annotations: importing the checks must not import networkx
    import networkx as nx


MOMENTS = {"1926": "1926-12-31", "1928": "1928-12-31"}  # the snapshots the exercises ask about


def _names(data) -> dict[str, str]:
    """Lower-case names and labels of actors, for answers that give names instead of ids."""
    nodes = node_of(data.actors)  # a name of an actor drawn with another ("Nanjing", with the KMT) is that node
    found = {name: nodes.get(actor, actor) for name, actor in checks.names_of(data.actors, LABELS).items()}
    found.update({"ussr": SOVIET, "rsfsr": SOVIET, "moscow": SOVIET, "soviet union": SOVIET})
    return found


def _snapshot(data, moment: str) -> nx.Graph:
    known = set(node_of(data.actors).values())
    return build(data.events, data.actors, start=START, end=MOMENTS[moment],
                 keep=[n for n in FOCUS if n in known])


def as_pairs(answer, names: dict[str, str] | None = None) -> set[frozenset]:
    """A set of unordered pairs of ids from a list of 2-tuples (or 2-lists, or "a-b" edge rows of a table)."""
    if isinstance(answer, pd.DataFrame):
        if not {"u", "v"} <= set(answer.columns):
            raise checks.Unreadable("A table of ties needs the two columns `u` and `v` of `edge_table`.")
        answer = list(zip(answer["u"], answer["v"]))
    if isinstance(answer, (str, bytes, Mapping)) or not hasattr(answer, "__iter__"):
        raise checks.Unreadable("Give the ties as a list of pairs in square brackets, such as [('britain', 'ussr')].")
    found: dict[frozenset, object] = {}  # pair: how the student wrote it
    for item in answer:
        if isinstance(item, (str, Mapping)) or not hasattr(item, "__len__") or len(item) != 2:
            why = (f"one of yours has {len(item)} item{'s' if len(item) != 1 else ''}"
                   if isinstance(item, (tuple, list)) else f"{checks.what_is(item)}, not a pair")
            raise checks.Unreadable(f"Each tie should be a pair of names in brackets, such as ('britain', 'ussr'); "
                                    f"{why}.")
        try:
            ids = frozenset(checks.as_id_set(list(item), names))
        except checks.Repeated:  # the pair itself is the problem, not the form of the whole answer
            raise checks.Repeated(f"A pair needs two different actors: {_pair(item)} names the same actor twice, "
                                  "and a tie joins two actors. Give each pair two different actors, then run your "
                                  "answer cell again.") from None
        if ids in found:
            raise checks.Repeated(f"{_pair(found[ids])} and {_pair(item)} are the same tie. List each tie once, "
                                  "then run your answer cell again.")
        found[ids] = item
    return set(found)


def _pair(item) -> str:
    """A pair as the student typed it, ('britain', 'ussr'); anything else by what it is."""
    if isinstance(item, (tuple, list)) and len(item) == 2 and all(isinstance(i, str) for i in item):
        return "(" + ", ".join(checks.shown(i) for i in item) + ")"
    return checks.shown(item)


def _not_drawn(given: set, nodes, data) -> list[str]:
    """For each actor of the answer that the network does not draw but whose governments or parties it draws (the
    Republic of China: the Beijing, Nanjing and Wuhan governments, the Kuomintang, the Communists), what it was
    read as and which of its parts the network has, so that the student can name the one meant."""
    owner = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    drawn_as = node_of(data.actors)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    nodes = set(nodes)
    labels = checks.actor_labels(data.actors)
    said = []
    for actor in sorted(given - nodes):
        parts: dict[str, list[str]] = {}  # a node: the actors of `actor` it draws
        for member in data.actors["actor_id"].astype(str):
            seen, up = set(), owner.get(member, "")
            while up and up != actor and up not in seen:
                seen.add(up)
                up = owner.get(up, "")
            if up == actor and drawn_as.get(member) in nodes:
                parts.setdefault(drawn_as[member], []).append(member)
        if parts:
            shown = []
            for node, members in parts.items():
                others = [labels.get(m, m) for m in members if m != node and kinds.get(m) == "government"]
                shown.append(_labels(data).get(node, node) + (f" (with the {', '.join(others)})" if others else ""))
            listed = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
            said.append(f"The check read {labels.get(actor, actor)} as the whole state, not one of its governments: "
                        f"the network does not draw it, but draws {len(parts)} of its governments and parties as "
                        f"actors of their own: {listed}. Name the one you mean.")
    return said


def _labels(data) -> dict[str, str]:
    """How feedback names a node: its label in the figures, else its actor's name."""
    return checks.actor_labels(data.actors, LABELS)


@checks.exercise("network-1", expects="a list of actor ids, such as ['germany', 'france']")
def _check_hostile_1928(answer, data):
    graph = _snapshot(data, "1928")
    expected = {n for n in graph[SOVIET] if graph.edges[SOVIET, n]["sign"] == "hostile"}
    names = _names(data)
    typed = checks.as_typed_ids(answer, names)
    given = set(typed)
    if SOVIET in given:  # a student who lists Moscow has misread the question: say so, never drop it quietly
        kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
        person = checks.names_of(data.actors, LABELS).get(" ".join(str(typed[SOVIET]).split()).lower())
        if kinds.get(person) == "person":  # "trotsky": a man of Moscow's side, whom the network does not draw
            return checks.wrong(f"{checks.shown(typed[SOVIET])} is a person, "
                                f"{checks.actor_labels(data.actors).get(person, person)}, not an actor of the "
                                "network: it draws states, governments and parties, and no people. The check read "
                                "that name as Moscow's side, which cannot be hostile to itself. List only the actors at "
                                "the other end of Moscow's hostile ties.")
        return checks.wrong("Moscow cannot be hostile to itself: list only the actors at the other end of its "
                            "hostile ties.")
    said = checks.compare_sets(given, expected, "actors hostile to Moscow at the end of 1928",
                               "Look at Moscow's own edges: `G.edges('ussr', data='sign')` lists each neighbour "
                               "with the sign of the tie; keep the hostile ones.", _labels(data), typed, names)
    said = _with_parts(said, given, graph, data)
    people = _people_read_as(answer, data)
    if not people:
        return said
    return (checks.right(said.message, *said.points, *people) if said.ok
            else checks.wrong(*said.points[:-1], *people, said.points[-1]))


def _people_read_as(answer, data) -> list[str]:
    """For each person the answer names ("chiang"), that the check counted the body the network draws them with
    (the Nationalists), so that an answer is never read as something else without a word."""
    if isinstance(answer, (str, bytes, Mapping)) or not hasattr(answer, "__iter__"):
        return []
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    names = checks.names_of(data.actors, LABELS)
    nodes, labels = node_of(data.actors), _labels(data)
    said = []
    for item in answer:
        typed = " ".join(str(item).split()).lower() if isinstance(item, str) else None
        actor = names.get(typed) if typed else None
        if actor and kinds.get(actor) == "person" and nodes.get(actor, actor) != actor:
            node = nodes[actor]
            said.append(f"{checks.shown(item)} is a person, {checks.actor_labels(data.actors).get(actor, actor)}: the "
                        f"network draws no people, so the check counted {labels.get(node, node)} ({node}), whose "
                        "tie it draws.")
    return said


def _with_parts(said: checks.Verdict, given: set, graph, data) -> checks.Verdict:
    """The verdict, with what the check read a state the network does not draw as (`_not_drawn`)."""
    named = set(given) if not given or not isinstance(next(iter(given)), frozenset) else set().union(*given)
    parts = _not_drawn(named, graph.nodes, data)
    if said.ok or not parts:
        return said
    return checks.wrong(*said.points[:-1], *parts, said.points[-1])


@checks.exercise("network-2", expects="a whole number")
def _check_unbalanced_1926(answer, data):
    graph = _snapshot(data, "1926")
    expected = int((~signed_triads(graph)["balanced"]).sum())
    given = checks.as_int(answer)
    n = graph.number_of_nodes()
    most = n * (n - 1) * (n - 2) // 6
    impossible = checks.outside(given, 0, most, f"the {n} actors of the snapshot form at most {most} triads, so "
                                f"the count is from 0 to {most}")
    if impossible:
        return impossible
    if given == expected:
        return checks.right(f"{expected} unbalanced triads. Moscow was holding together friends who were turning "
                            "on each other.")
    return checks.wrong(("Too many" if given > expected else "Too few") +
                        ": build the network from 1 January 1921 to 31 December 1926 with `keep=kit.network.FOCUS`, "
                        "then count the rows of `signed_triads` whose `balanced` column is False.")


@checks.exercise("network-3", expects="a list of pairs of actor ids, such as [('britain', 'ussr')]")
def _check_1926_to_1928(answer, data):
    before, after = _snapshot(data, "1926"), _snapshot(data, "1928")
    expected = {frozenset((u, v)) for u, v, sign in after.edges(data="sign")
                if not before.has_edge(u, v) or before.edges[u, v]["sign"] != sign}
    given = as_pairs(answer, _names(data))
    said = checks.compare_sets(given, expected, "ties that are new or changed sign between the two snapshots",
                               "Go through the edges of the 1928 graph; keep an edge when the 1926 graph "
                               "lacks it (`has_edge`) or gives it another sign.", _labels(data))
    return _with_parts(said, given, after, data)
