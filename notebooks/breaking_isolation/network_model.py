"""The relations network's model: who dealt with whom, as partners or as enemies, in a window of time.

    graph = network.build(events, actors, start=START, end="1924-12-31", keep=network.FOCUS)

The choices, so that a student can trace every line of a figure back to rows of data/events.csv:

- **Nodes are actors**, and the Soviet state is one node, `ussr` ("RSFSR / USSR"): `rsfsr` before
  30 December 1922 and `ussr` after are the same state under two names, and the ruling party (`cpsu`) is
  counted with the state it ran (`MERGE`). Persons, firms and organisations count for what they belong to
  (`actors.belongs_to`, followed upwards): Joffe and Borodin for the USSR, Chiang Kai-shek for the
  Nationalists, the Reichswehr and Junkers for Germany. States, governments, parties and international
  organisations stay themselves, so the Beijing government (`china-beijing`), the Nationalists (`kmt`),
  the Wuhan Nationalists (`kmt-wuhan`) and the communists (`ccp`) are four nodes, not one "China".
  Each node carries its lifespan (`start`, `end`: ISO dates, "" when open), from actors.csv.
- **Edges are undirected** and aggregate every event between two nodes in the window (start and end
  included). An event between two actors of the same node (Stalin against Trotsky) is no edge.
- **Sign**: the balance of the tie's recent events (`sign_of`). Each cooperative or hostile event weighs 1 on
  its day and half as much a year later (a half-life of one year, `HALF_LIFE_DAYS`); neutral events weigh
  nothing. A tie is `cooperative` while its cooperative weight is at least twice its hostile weight,
  `hostile` while the reverse holds, `mixed` in between, and `neutral` when all its events are neutral. So
  one incident does not undo years of cooperation (Germany after the Shakhty trial of 1928), but a run of
  hostile events does, and old events fade. Both weights fade at the same rate, so a sign changes only on
  the day of an event. The counts of each tone are kept beside the sign (`n_cooperative`, `n_hostile`,
  `n_neutral`).
- **A break sets the sign at once** (`is_break`): an event that breaks the tie off, relations broken off
  (`relations_broken`) or a party's decision turning its line against the other side (a hostile
  `party_decision`: Stalin's theses of April 1927 against Chiang's Nationalists), makes the tie hostile on its
  day whatever came before, and the balance counts only the events from the latest break on, so that later
  events alone can mend the tie (Britain's restoration of 1929). One rule for every tie.
- **Timeline**: each edge keeps `timeline`, a tuple of (date, sign, events so far), one step per date on
  which its events changed it, so the tie's sign at any date of the window can be read off (`sign_then`).
- **Weight**: the number of events behind the edge.
- **Event ids**: `event_ids`, in date order and joined with ";" (GEXF and GraphML hold text, not lists).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .by_table import per_reading
from .vocabulary import SOVIET_STATE, START

if TYPE_CHECKING:  # build() imports networkx itself: china.py and the checks use the signs without it
    import networkx as nx

SOVIET = SOVIET_STATE[-1]  # the node's id: the state's later name
# The Soviet state under both names, and its ruling party; the Nationalist government at Nanjing with the
# party that formed it, so that "the Nationalists" are one node before and after April 1927; Kemal's Ankara
# government with Turkey, whose government it became (1922) and stayed.
MERGE = {**{name: SOVIET for name in SOVIET_STATE if name != SOVIET}, "cpsu": SOVIET, "china-nanjing": "kmt",
         "turkey-ankara": "turkey"}
ROLLS_UP = ("person", "firm", "organisation")  # kinds that count for the actor they belong to
SIGNS = ("cooperative", "mixed", "hostile", "neutral")
SIGN_VALUE = {"cooperative": 1, "hostile": -1}  # the signs of structural balance; mixed and neutral have none
HALF_LIFE_DAYS = 365.25  # an event weighs half as much a year on
DAY_NS = 86_400 * 10**9  # a day in nanoseconds
DOMINANCE = 2.0  # one tone must weigh at least twice the other to sign the tie
BREAK_KINDS = ("relations_broken",)  # kinds that break a tie off, whatever their tone
HOSTILE_BREAK_KINDS = ("party_decision",)  # kinds that break it when hostile: a party turning its line

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
SOURCE = "Source: the kit's events.csv and actors.csv"

# Notebook 2's five snapshots, {label: the last day counted}: the kit's one list of them. The notebook's figures,
# handout 2's sign table (tools/build_handouts.py), answer sheet 2's table 3, its key and lesson 2's plan
# (tools/build_keys.py) all read it, so a date changed here changes every one of them.
SNAPSHOT_DATES = {"1922, after Rapallo": "1922-12-31", "1924, the year of recognitions": "1924-12-31",
                  "11 April 1927, before the massacre": "1927-04-11",
                  "31 May 1927, after the British break": "1927-05-31", "End of 1928": "1928-12-31"}


def snapshot_name(day: str) -> str:
    """A snapshot's day as paper names it: "end of 1922" for 31 December, else "11 April 1927"."""
    when = pd.Timestamp(day)
    return f"end of {when.year}" if (when.month, when.day) == (12, 31) else f"{when.day} {when:%B %Y}"


def snapshot_steps() -> list[tuple[str, str, str]]:
    """(row name, day before, day after) for each step from one snapshot to the next: answer sheet 2's table 3."""
    days = list(SNAPSHOT_DATES.values())
    return [(f"{snapshot_name(a)[0].upper()}{snapshot_name(a)[1:]} → {snapshot_name(b)}", a, b)
            for a, b in zip(days, days[1:])]


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


def counted_for(actors: pd.DataFrame, actor_ids) -> dict[str, list[str]]:
    """{node: the actors of `actor_ids` that count for it}, nodes and actors in the order given: the few examples
    a handout names of persons, firms and organisations rolled up into what they belong to (`node_of`).

    An actor that is no such example (unknown, or a node of its own) raises a ValueError naming it.
    """
    nodes = node_of(actors)
    found: dict[str, list[str]] = {}
    for actor in actor_ids:
        if nodes.get(actor, actor) == actor:
            raise ValueError(f"actors.csv: {actor!r} is not an actor that counts for another node "
                             "(a person, firm or organisation with a belongs_to)")
        found.setdefault(nodes[actor], []).append(actor)
    return found


@per_reading
def event_pairs(events: pd.DataFrame, actors: pd.DataFrame, merge: dict[str, str] | None = None) -> pd.DataFrame:
    """Each event with the two nodes it joins (`u` < `v`), in date order; events within one node are left out.

    An actor id missing from `actors` raises a ValueError naming the event, the column and the value.
    """
    nodes = node_of(actors, merge)
    _refuse_unknown_actors(events, nodes)
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


def _refuse_unknown_actors(events: pd.DataFrame, nodes: dict[str, str]) -> None:
    for column in ("actor", "counterpart"):  # plain lists: build() calls this for every network it makes
        for event_id, value in zip(events["event_id"].tolist(), events[column].tolist()):
            if value not in nodes:
                raise ValueError(f"events.csv, event {event_id!r}, column {column!r}: {value!r} is not an "
                                 "actor_id in actors.csv")


def _pair_rows(events: pd.DataFrame, nodes: dict[str, str]) -> list[tuple]:
    """event_pairs() as plain rows (date, event_id, u, v, tone, kind), in the same order, for build(): notebook 2
    builds dozens of networks, and a table per build cost more than the graph."""
    _refuse_unknown_actors(events, nodes)
    rows = []
    columns = (events[name].tolist() for name in ("date", "event_id", "actor", "counterpart", "tone", "kind"))
    for date, event_id, actor, counterpart, tone, kind in zip(*columns):  # lists: a Series yields one by one
        one, other = nodes[actor], nodes[counterpart]
        if one != other:
            rows.append((date, event_id, *((one, other) if one < other else (other, one)), str(tone), str(kind)))
    return sorted(rows, key=lambda row: (row[0], row[1]))  # stable, as event_pairs' sort


def _when(value, name: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        return pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} {value!r} is not a date; give one like '1924-12-31'") from None


def is_break(kind, tone) -> bool:
    """Does an event of this kind and tone break the tie off (module text)?"""
    return str(kind) in BREAK_KINDS or (str(kind) in HOSTILE_BREAK_KINDS and str(tone) == "hostile")


def balance(dates, tones, when, kinds=None) -> dict[str, float]:
    """{"cooperative": weight, "hostile": weight} of the events up to `when`, each weighing 0.5 ** (age / half-life),
    counted from the latest break on (`kinds`: the events' kinds; without them no event is a break)."""
    kinds = [""] * len(list(tones)) if kinds is None else [str(k) for k in kinds]
    return _weights(list(zip(_stamps(dates), tones, kinds)), pd.Timestamp(when))


def _stamps(dates) -> list:
    """The dates as Timestamps: read with pd.to_datetime, unless they are Timestamps already (a table's dates),
    which a conversion would only copy (it cost more than the weighing, called once a quarter a tie)."""
    dates = list(dates)
    return dates if all(isinstance(date, pd.Timestamp) for date in dates) else list(pd.to_datetime(dates))


def _since_break(dated: list, when) -> list:
    """The (date, tone, kind) rows up to `when` from the latest break on (all of them if none broke the tie)."""
    seen = [row for row in dated if row[0] <= when]
    breaks = [row[0] for row in seen if is_break(row[2], row[1])]
    return [row for row in seen if row[0] >= max(breaks)] if breaks else seen


def _weights(dated: list, when: pd.Timestamp) -> dict[str, float]:
    """balance() of (date, tone, kind) rows already read: summed in their order, so every step gives the same floats."""
    weights = {"cooperative": 0.0, "hostile": 0.0}
    for date, tone, _ in _since_break(dated, when):
        if tone in weights:
            weights[tone] += 0.5 ** ((when - date).days / HALF_LIFE_DAYS)
    return weights


def sign_of(dates, tones, when=None, kinds=None) -> str:
    """The sign of a tie at `when` (default: its latest event) from its events' dates, tones and kinds (module
    text; without `kinds` no event is a break)."""
    dates = _stamps(dates)
    tones = [str(t) for t in tones]
    kinds = [""] * len(tones) if kinds is None else [str(k) for k in kinds]
    if when is None:
        when = max(dates) if len(dates) else pd.Timestamp(0)
    return _sign(_weights(list(zip(dates, tones, kinds)), pd.Timestamp(when)))  # balance(), the dates read once


def _sign(weights: dict[str, float]) -> str:
    cooperative, hostile = weights["cooperative"], weights["hostile"]
    if cooperative == hostile == 0:
        return "neutral"
    if cooperative >= DOMINANCE * hostile:
        return "cooperative"
    if hostile >= DOMINANCE * cooperative:
        return "hostile"
    return "mixed"


def timeline(dates, tones, kinds=None) -> tuple[tuple[str, str, int], ...]:
    """((date, sign, events so far), ...) for one tie's events in date order: a step at each date with events.

    Between two steps the sign holds, so the sign at any date is the one of the latest step on or before it.
    Each step is sign_of() at its date, worked out on the events read once (a tie has dozens of steps, and
    the notebooks build hundreds of ties). `kinds`: the events' kinds (without them no event is a break).
    """
    stamps = [pd.Timestamp(date) for date in dates]
    tones = [str(tone) for tone in tones]
    kinds = [""] * len(tones) if kinds is None else [str(k) for k in kinds]
    # Each date as whole nanoseconds (Timestamp.value): (when - date) // DAY_NS is the (when - date).days of
    # _weights(), so every step sums the same floats in the same order, without Timestamp arithmetic.
    dated = [(stamp.value, tone, kind) for stamp, tone, kind in zip(stamps, tones, kinds)]
    steps = []
    for when, stamp in sorted({stamp.value: stamp for stamp in stamps}.items()):
        weights = {"cooperative": 0.0, "hostile": 0.0}
        so_far = sum(1 for date, _, _ in dated if date <= when)
        for date, tone, _ in _since_break(dated, when):
            if tone in weights:
                weights[tone] += 0.5 ** (((when - date) // DAY_NS) / HALF_LIFE_DAYS)
        steps.append((stamp.strftime("%Y-%m-%d"), _sign(weights), so_far))
    return tuple(steps)


def sign_then(graph: nx.Graph, u: str, v: str, when) -> str | None:
    """The sign of the tie u–v at `when` by its timeline; None before its first event."""
    day = pd.Timestamp(when).strftime("%Y-%m-%d")
    signs = [sign for since, sign, _ in graph.edges[u, v]["timeline"] if since <= day]
    return signs[-1] if signs else None


def sign_since(graph: nx.Graph, u: str, v: str) -> tuple[str, pd.Timestamp]:
    """The tie u–v's sign at the end of the graph's window, and the day it took that sign and kept it since."""
    steps = graph.edges[u, v]["timeline"]
    sign = steps[-1][1]
    day = steps[-1][0]
    for since, then, _ in reversed(steps):
        if then != sign:
            break
        day = since
    return sign, pd.Timestamp(day)


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
    pairs = [row for row in _pair_rows(events, nodes)
             if (start is None or row[0] >= start) and (end is None or row[0] <= end)]
    if keep is not None:
        keep = list(dict.fromkeys(keep))
        unknown = [k for k in keep if k not in set(nodes.values())]
        if unknown:
            raise ValueError(f"keep: {', '.join(map(repr, unknown))} not a node of actors.csv "
                             f"(merged actors count as {', '.join(f'{a} -> {b}' for a, b in (merge or MERGE).items())})")
        kept = set(keep)
        pairs = [row for row in pairs if row[2] in kept and row[3] in kept]

    import networkx as nx  # here: only a graph needs it (see the imports above)

    graph = nx.Graph(start=_iso(start), end=_iso(end))
    info = node_info(actors, nodes)
    tied = {row[2] for row in pairs} | {row[3] for row in pairs}
    if keep is None:
        chosen = sorted(tied)
    else:
        chosen = [k for k in keep if _exists(info[k], start, end) or k in tied]
    for node in chosen:
        record = info[node]
        graph.add_node(node, label=LABELS.get(node, record["name"]).replace("\n", " "), name=record["name"],
                       kind=record["kind"], region=record["region"], in_being=_exists(record, end, end),
                       start=_iso(record["start"]), end=_iso(record["end"]))
    ties: dict[tuple[str, str], list[tuple]] = {}  # each tie's events in date order
    for date, event_id, u, v, tone, kind in pairs:
        ties.setdefault((u, v), []).append((date, tone, kind, event_id))
    for (u, v), rows in sorted(ties.items()):
        dates, tones, kinds, event_ids = (list(column) for column in zip(*rows))
        steps = timeline(dates, tones, kinds)
        graph.add_edge(
            u, v, weight=len(rows), sign=steps[-1][1], timeline=steps,
            n_cooperative=tones.count("cooperative"), n_hostile=tones.count("hostile"),
            n_neutral=tones.count("neutral"),
            kinds=";".join(sorted(set(kinds))), event_ids=";".join(event_ids),
            first=min(dates).strftime("%Y-%m-%d"), last=max(dates).strftime("%Y-%m-%d"))
    return graph


def _iso(when) -> str:
    return "" if when is None or pd.isna(when) else pd.Timestamp(when).strftime("%Y-%m-%d")


def node_info(actors: pd.DataFrame, nodes: dict[str, str] | None = None) -> dict[str, dict]:
    """Name, kind, region and lifespan (`start`, `end`: Timestamp or None) of each node; a merged node spans
    its parts' lifespans. `nodes`: {actor_id: node} (default: `node_of(actors)`)."""
    nodes = node_of(actors) if nodes is None else nodes
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


def snapshots(events: pd.DataFrame, actors: pd.DataFrame, moments: dict[str, str], start=START,
              keep=FOCUS) -> dict[str, nx.Graph]:
    """{label: the network from `start` to that moment}, for each moment in `moments` ({label: date})."""
    return {label: build(events, actors, start=start, end=when, keep=keep) for label, when in moments.items()}
