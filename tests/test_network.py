"""The relations network: nodes, edges, signs, weights and windows, the exports, and the exercise checks."""

import re

import networkx as nx
import pandas as pd
import pytest

import breaking_isolation as kit
from breaking_isolation import checks, network

ACTORS = pd.DataFrame({
    "actor_id": ["rsfsr", "ussr", "cpsu", "stalin", "trotsky", "joffe", "germany", "reichswehr", "britain",
                 "china", "china-beijing", "kmt", "chiang", "ccp", "comintern", "kmt-wuhan"],
    "name": ["Soviet Russia", "Soviet Union", "Soviet party", "Stalin", "Trotsky", "Joffe", "Germany", "Reichswehr",
             "United Kingdom", "China", "Beijing government", "Kuomintang", "Chiang Kai-shek",
             "Chinese Communist Party", "Comintern", "Wuhan government"],
    "kind": ["state", "state", "party", "person", "person", "person", "state", "organisation", "state", "state",
             "government", "party", "person", "party", "international_organisation", "government"],
    "belongs_to": ["", "", "ussr", "cpsu", "cpsu", "ussr", "", "germany", "", "", "china", "china", "kmt",
                   "china", "", "china"],
    "region": ["europe", "europe", "europe", "europe", "europe", "europe", "europe", "europe", "europe", "asia",
               "asia", "asia", "asia", "asia", "international", "asia"],
    "start_date": pd.to_datetime([pd.NaT, "1922-12-30", pd.NaT, pd.NaT, pd.NaT, pd.NaT, pd.NaT, pd.NaT, pd.NaT,
                                  pd.NaT, pd.NaT, pd.NaT, pd.NaT, "1921-07-23", pd.NaT, "1926-12-05"]),
    "end_date": pd.to_datetime(["1922-12-30", pd.NaT, pd.NaT, pd.NaT, pd.NaT, pd.NaT, pd.NaT, pd.NaT, pd.NaT,
                                pd.NaT, "1928-06-30", pd.NaT, pd.NaT, pd.NaT, pd.NaT, "1927-09-21"]),
})

# (event_id, date, kind, actor, counterpart, tone): a small history with every case the builder handles.
ROWS = [
    ("1921-trade", "1921-03-16", "de_facto_recognition", "britain", "rsfsr", "cooperative"),
    ("1921-german-trade", "1921-05-06", "de_facto_recognition", "germany", "rsfsr", "cooperative"),
    ("1922-hague", "1922-06-15", "conference", "britain", "rsfsr", "neutral"),
    ("1922-rapallo", "1922-04-16", "relations_established", "germany", "rsfsr", "cooperative"),
    ("1923-joffe-sun", "1923-01-26", "treaty", "joffe", "kmt", "cooperative"),
    ("1923-curzon", "1923-05-08", "incident", "britain", "ussr", "hostile"),
    ("1924-recognition", "1924-02-01", "relations_established", "britain", "ussr", "cooperative"),
    ("1925-lipetsk", "1925-04-15", "military_cooperation", "reichswehr", "ussr", "cooperative"),
    ("1926-canton-coup", "1926-03-20", "violence", "chiang", "ccp", "hostile"),
    ("1924-kmt-congress", "1924-01-20", "party_decision", "kmt", "ccp", "cooperative"),
    ("1927-stalin-trotsky", "1927-04-21", "party_decision", "stalin", "trotsky", "hostile"),  # within one node
    ("1927-stalin-cable", "1927-05-30", "party_decision", "stalin", "ccp", "cooperative"),
    ("1927-break", "1927-05-26", "relations_broken", "britain", "ussr", "hostile"),
    ("1927-kmt-break", "1927-12-14", "relations_broken", "kmt", "ussr", "hostile"),
    ("1928-mission", "1928-03-01", "mission", "ussr", "kmt", "neutral"),  # neutral: does not turn the sign back
    ("1922-beijing-mission", "1922-08-01", "mission", "joffe", "china-beijing", "neutral"),
]


def events(rows=ROWS) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["event_id", "date_text", "kind", "actor", "counterpart", "tone"])
    frame["date"] = pd.to_datetime(frame["date_text"])
    frame["title"] = frame["event_id"]
    return frame


def build(**kwargs) -> nx.Graph:
    return network.build(events(), ACTORS, **kwargs)


def test_soviet_state_party_and_agents_are_one_node_and_others_count_for_what_they_belong_to():
    nodes = network.node_of(ACTORS)
    assert {a for a, n in nodes.items() if n == "ussr"} == {"rsfsr", "ussr", "cpsu", "stalin", "trotsky", "joffe"}
    assert nodes["reichswehr"] == "germany" and nodes["chiang"] == "kmt"
    # governments and parties stay themselves: China's rivals are separate nodes
    assert {nodes[a] for a in ("china-beijing", "kmt", "ccp", "kmt-wuhan")} == {"china-beijing", "kmt", "ccp",
                                                                                  "kmt-wuhan"}
    assert network.node_of(ACTORS, merge={})["rsfsr"] == "rsfsr"


def test_edges_aggregate_events_with_weight_kinds_and_event_ids_in_date_order():
    graph = build()
    germany = graph.edges["germany", "ussr"]
    assert germany["weight"] == 3
    assert germany["event_ids"] == "1921-german-trade;1922-rapallo;1925-lipetsk"
    assert germany["kinds"] == "de_facto_recognition;military_cooperation;relations_established"
    assert (germany["first"], germany["last"]) == ("1921-05-06", "1925-04-15")
    britain = graph.edges["britain", "ussr"]
    assert (britain["n_cooperative"], britain["n_hostile"], britain["n_neutral"]) == (2, 2, 1)
    assert britain["weight"] == 5
    assert not any(u == v for u, v in graph.edges)            # Stalin against Trotsky is no edge
    assert "1927-stalin-trotsky" not in set(network.event_pairs(events(), ACTORS)["event_id"])


def test_sign_follows_the_balance_of_recent_events_and_neutral_events_do_not_turn_it():
    # Weights worked by hand: an event weighs 0.5 ** (age in years); cooperative needs twice the hostile weight.
    britain = lambda end: build(end=end).edges["britain", "ussr"]["sign"]
    assert britain("1922-12-31") == "cooperative"  # trade (1921), then the Hague conference: neutral, no weight
    assert britain("1923-12-31") == "hostile"      # Curzon 0.64 against trade 0.15
    assert britain("1924-12-31") == "mixed"        # recognition 0.53 + trade 0.07 = 0.60, Curzon 0.32: not twice
    assert britain("1927-12-31") == "hostile"      # the break 0.66 + Curzon 0.04, against 0.08
    assert build(end="1928-12-31").edges["kmt", "ussr"]["sign"] == "hostile"  # the 1928 mission is neutral
    assert build().edges["china-beijing", "ussr"]["sign"] == "neutral"       # all its events neutral
    assert network.sign_of([], []) == "neutral"


def dated(*rows) -> tuple[list, list]:
    return [pd.Timestamp(d) for d, _ in rows], [t for _, t in rows]


def test_one_incident_after_years_of_cooperation_does_not_make_a_tie_hostile():
    """The Shakhty case: ten cooperative events, then one hostile one (18 May 1928)."""
    recent = dated(*[(f"1927-{m:02d}-01", "cooperative") for m in range(1, 11)], ("1928-05-18", "hostile"))
    assert network.sign_of(*recent, when="1928-12-31") == "cooperative"   # about 3.3 against 0.64
    # Germany's own dates in the kit: most of its cooperation lay two to seven years back, so the trial
    # leaves the tie mixed (0.82 against 0.65), not hostile as a "latest event" rule had it.
    germany = dated(*[(d, "cooperative") for d in ("1921-05-06", "1922-03-15", "1922-04-16", "1922-11-05",
                                                   "1922-11-26", "1925-04-15", "1925-10-12", "1926-04-24",
                                                   "1926-08-21", "1926-12-01")], ("1928-05-18", "hostile"))
    assert network.sign_of(*germany, when="1928-12-31") == "mixed"
    assert network.sign_of(*germany, when="1928-05-17") == "cooperative"


def test_the_sign_rule_at_its_edges():
    assert network.sign_of(*dated(("1925-01-01", "cooperative"), ("1925-01-01", "hostile"))) == "mixed"
    assert network.sign_of(*dated(("1925-01-01", "cooperative"), ("1925-01-01", "cooperative"),
                                  ("1925-01-01", "hostile"))) == "cooperative"      # exactly twice: enough
    assert network.sign_of(*dated(("1925-01-01", "hostile"), ("1925-01-01", "hostile"),
                                  ("1925-01-01", "cooperative"))) == "hostile"
    # a run of hostile events overturns old cooperation; old cooperation alone stays cooperative
    run = dated(("1921-01-01", "cooperative"), ("1921-02-01", "cooperative"), ("1923-01-01", "hostile"),
                ("1923-02-01", "hostile"))
    assert network.sign_of(*run, when="1923-02-01") == "hostile"   # 0.5 against 1.9
    assert network.sign_of([pd.Timestamp("1921-01-01")], ["cooperative"], when="1928-01-01") == "cooperative"
    # neutral events weigh nothing, whatever their number
    assert network.sign_of(*dated(("1925-01-01", "hostile"), *[("1926-01-01", "neutral")] * 5)) == "hostile"


def kinded(*rows) -> tuple[list, list, list]:
    """(dates, tones, kinds) of (date, tone, kind) rows."""
    return [pd.Timestamp(d) for d, _, _ in rows], [t for _, t, _ in rows], [k for _, _, k in rows]


def test_a_break_sets_the_sign_at_once_whatever_came_before():
    """One rule for every tie (network_model.is_break): relations broken off, or a hostile party decision, makes
    the tie hostile that day; after it only the events from the break on count."""
    years = [(f"192{y}-0{m}-01", "cooperative", "aid") for y in range(3, 7) for m in (1, 4, 7)]
    for kind in ("relations_broken", "party_decision"):
        dates, tones, kinds = kinded(*years, ("1927-04-21", "hostile", kind))
        assert network.sign_of(dates, tones, "1927-04-21", kinds) == "hostile", kind
        assert network.sign_of(dates, tones, "1927-04-21") == "cooperative"        # the balance alone
        assert network.timeline(dates, tones, kinds)[-1][1] == "hostile"
    # a hostile incident, or a cooperative party decision, is no break: the balance decides
    for row in (("1927-04-21", "hostile", "incident"), ("1927-04-21", "cooperative", "party_decision")):
        assert network.sign_of(*kinded(*years, row)[:2], "1927-04-21", kinded(*years, row)[2]) == "cooperative"
    # after the break only later events count: a restoration a year on mends the tie (1.0 against 0.5)
    mended = kinded(*years, ("1927-05-26", "hostile", "relations_broken"), ("1928-05-26", "cooperative",
                                                                           "relations_restored"))
    assert network.sign_of(mended[0], mended[1], "1928-05-26", mended[2]) == "cooperative"
    assert network.sign_of(mended[0], mended[1], "1928-05-25", mended[2]) == "hostile"


def test_build_signs_a_break_in_the_data():
    events = pd.DataFrame({
        "event_id": ["a", "b", "c", "d"], "kind": ["treaty", "aid", "mission", "party_decision"],
        "date": pd.to_datetime(["1924-01-01", "1925-01-01", "1926-06-01", "1927-04-21"]),
        "actor": ["rsfsr", "ussr", "ussr", "cpsu"], "counterpart": ["kmt", "kmt", "kmt", "kmt"],
        "tone": ["cooperative", "cooperative", "cooperative", "hostile"]})
    edge = network.build(events, ACTORS).edges["kmt", "ussr"]
    assert [sign for _, sign, _ in edge["timeline"]] == ["cooperative"] * 3 + ["hostile"]


def test_a_ties_timeline_changes_only_on_the_days_of_its_events():
    steps = build(end="1928-12-31").edges["britain", "ussr"]["timeline"]
    assert [s[0] for s in steps] == ["1921-03-16", "1922-06-15", "1923-05-08", "1924-02-01", "1927-05-26"]
    assert [s[1] for s in steps] == ["cooperative", "cooperative", "hostile", "mixed", "hostile"]
    assert [s[2] for s in steps] == [1, 2, 3, 4, 5]
    graph = build(end="1928-12-31")
    assert network.sign_then(graph, "britain", "ussr", "1926-06-30") == "mixed"
    assert network.sign_then(graph, "britain", "ussr", "1921-01-01") is None


def test_windows_include_both_ends_and_leave_out_the_rest():
    graph = build(start="1922-04-16", end="1925-04-15")
    assert graph.edges["germany", "ussr"]["event_ids"] == "1922-rapallo;1925-lipetsk"
    assert not graph.has_edge("ccp", "ussr")                                          # cable of 1927: after
    with pytest.raises(ValueError, match="starts .* after it ends"):
        build(start="1925-01-01", end="1924-01-01")
    with pytest.raises(ValueError, match="not a date"):
        build(end="the end of 1924")


def test_kept_nodes_are_there_without_ties_when_they_existed_and_others_are_left_out():
    graph = build(end="1921-12-31", keep=["ussr", "germany", "britain", "ccp", "kmt-wuhan", "kmt"])
    assert set(graph) == {"ussr", "germany", "britain", "ccp", "kmt"}                # Wuhan: not yet in being
    assert graph.degree("kmt") == 0 and graph.degree("ccp") == 0
    narrow = build(keep=["ussr", "germany"])
    assert list(narrow.edges) == [("ussr", "germany")]
    late = build(start="1929-01-01", keep=["ussr", "china-beijing", "kmt-wuhan"])
    assert set(late) == {"ussr"}                                                     # both gone before 1929
    ended = build(end="1928-12-31", keep=["ussr", "china-beijing"]).nodes["china-beijing"]
    assert ended["in_being"] is False and build(end="1927-12-31").nodes["china-beijing"]["in_being"] is True
    with pytest.raises(ValueError, match="'rsfsr'.* not a node"):
        build(keep=["rsfsr"])


def test_an_unknown_actor_is_named_with_its_event_and_column():
    rows = ROWS + [("1925-mystery", "1925-01-01", "treaty", "ussr", "atlantis", "cooperative")]
    with pytest.raises(ValueError, match=r"event '1925-mystery', column 'counterpart': 'atlantis'"):
        network.event_pairs(events(rows), ACTORS)


def test_signed_triads_are_balanced_when_the_product_of_signs_is_positive():
    may = build(end="1927-05-31")                 # Moscow friends with both; they are enemies (Canton coup)
    triads = network.signed_triads(may).set_index("triad")
    assert triads.loc["ccp – kmt – ussr", "balanced"] == False  # noqa: E712 (numpy bool)
    later = build(end="1927-12-31")               # Moscow breaks with the KMT: the enemy of my enemy
    assert network.signed_triads(later).set_index("triad").loc["ccp – kmt – ussr", "balanced"] == True  # noqa: E712


def test_positions_are_fixed_and_the_same_for_every_panel():
    graphs = [build(end="1922-12-31"), build(end="1928-12-31")]
    pos = network.positions(graphs)
    assert pos == network.positions(list(reversed(graphs)))
    assert pos["ussr"] == network.POSITIONS["ussr"]
    everyone = network.build(events(), ACTORS, keep=None)
    assert network.positions(everyone) == network.positions(everyone)  # the seeded layout for unplaced actors


def test_exports_load_back_with_the_same_nodes_edges_and_attributes(tmp_path):
    graph = build(end="1927-12-31")
    paths = network.export(graph, "test", folder=tmp_path)
    expected_edges = {frozenset(e) for e in graph.edges}
    for kind, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        back = reader(paths[kind])
        assert set(back) == set(graph), kind
        assert {frozenset(e) for e in back.edges} == expected_edges, kind
        assert back.edges["britain", "ussr"]["event_ids"] == graph.edges["britain", "ussr"]["event_ids"]
        assert int(back.edges["britain", "ussr"]["weight"]) == graph.edges["britain", "ussr"]["weight"]
        assert back.edges["kmt", "ussr"]["sign"] == "hostile"
    nodes, edges = pd.read_csv(paths["nodes"]), pd.read_csv(paths["edges"])
    from_csv = nx.from_pandas_edgelist(edges, "Source", "Target", edge_attr=True)
    from_csv.add_nodes_from(nodes["Id"])
    assert set(from_csv) == set(graph)
    assert {frozenset(e) for e in from_csv.edges} == expected_edges


def test_drawing_makes_one_panel_per_graph_with_a_legend():
    fig = network.draw_panels({"1922": build(end="1922-12-31"), "1927": build(end="1927-12-31")})
    assert len([ax for ax in fig.axes if ax.get_title()]) == 2
    assert len(fig.legends) == 1
    svg = kit.to_svg(fig, alt="two panels")
    assert svg == kit.to_svg(fig, alt="two panels")   # re-drawn byte for byte


# --- the exercise checks ---------------------------------------------------------------------------------


class Data:
    events = events()
    actors = ACTORS


def say(name, answer):
    return checks.verdict(name, answer, Data)


@pytest.mark.parametrize("name", ["network-1", "network-2", "network-3"])
def test_a_placeholder_is_not_answered_yet(name):
    assert say(name, ...).status == checks.UNANSWERED


def test_exercise_checks_say_right_or_wrong_without_the_answer():
    # network-1: hostile to Moscow at the end of 1928 among the FOCUS actors: Britain and the KMT
    assert say("network-1", ["britain", "kmt"]).ok
    assert say("network-1", {"United Kingdom", "Nationalists (KMT)"}).ok
    result = say("network-1", ["britain"])
    assert result.status == checks.WRONG and "kmt" not in str(result).lower()
    assert say("network-1", 3).status == checks.UNREADABLE
    with_moscow = say("network-1", ["britain", "kmt", "ussr"])   # Moscow listed as its own enemy is not passed
    assert with_moscow.status == checks.WRONG and "itself" in str(with_moscow)
    # network-2: at the end of 1926 there is no signed triangle in this small history
    assert say("network-2", 0).ok and say("network-2", 1).status == checks.WRONG
    # network-3: from 1926 to 1928, Britain and the KMT turned hostile and a CCP-USSR edge appeared
    assert say("network-3", [("britain", "ussr"), ("ussr", "ccp"), ("kmt", "ussr")]).ok
    assert say("network-3", [["USSR", "Britain"], ("Communists (CCP)", "ussr"), ("ussr", "Kuomintang")]).ok
    partly = say("network-3", [("britain", "ussr"), ("kmt", "ussr")])
    assert partly.status == checks.WRONG and "ccp" not in str(partly).lower()
    assert say("network-3", ["britain"]).status == checks.UNREADABLE


# --- the real data -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data():
    return kit.load()


def snapshot(data, end):
    return network.build(data.events, data.actors, start=network.START, end=end, keep=network.FOCUS)


@pytest.mark.guards("Lesson 2 and notebook 2: Germany is Moscow's partner in 1922 (Rapallo)")
def test_real_data_germany_and_moscow_are_partners_in_1922(data):
    graph = network.build(data.events, data.actors, start="1922-01-01", end="1922-12-31", keep=network.FOCUS)
    edge = graph.edges["germany", "ussr"]
    assert edge["sign"] == "cooperative" and "1922-rapallo-treaty" in edge["event_ids"].split(";")


@pytest.mark.guards("Lesson 2's formative key: Moscow–Britain is hostile on 31 May 1927 (the break)")
def test_real_data_britain_and_moscow_are_enemies_after_may_1927(data):
    edge = snapshot(data, "1927-05-31").edges["britain", "ussr"]
    assert edge["sign"] == "hostile" and "1927-britain-breaks-relations" in edge["event_ids"].split(";")


@pytest.mark.guards("Lesson 2 and notebook 2: Moscow's tie with the Nationalists is cooperative to 1926 and "
                    "hostile from Stalin's theses (21 April 1927), a break")
def test_real_data_the_nationalists_turn_hostile_in_1927(data):
    assert snapshot(data, "1926-12-31").edges["kmt", "ussr"]["sign"] == "cooperative"
    assert snapshot(data, "1927-04-20").edges["kmt", "ussr"]["sign"] == "cooperative"
    assert snapshot(data, "1927-04-21").edges["kmt", "ussr"]["sign"] == "hostile"
    assert snapshot(data, "1927-05-31").edges["kmt", "ussr"]["sign"] == "hostile"
    assert snapshot(data, "1927-12-31").edges["kmt", "ussr"]["sign"] == "hostile"
    assert network.build(data.events, data.actors, start="1927-01-01", end="1927-12-31",
                         keep=network.FOCUS).edges["kmt", "ussr"]["sign"] == "hostile"


@pytest.mark.guards("Notebook 2: the US government's tie with Moscow, 1921-28, is its own acts, all hostile; "
                    "private relief and firms make no state's tie (data/README.md, 'Private bodies')")
def test_real_data_the_united_states_tie_is_made_by_its_government(data):
    edge = snapshot(data, "1928-12-31").edges["usa", "ussr"]
    assert edge["sign"] == "hostile" and edge["n_cooperative"] == 0
    kind = dict(zip(data.actors["actor_id"], data.actors["kind"].astype(str)))
    rows = data.events.set_index("event_id").loc[edge["event_ids"].split(";")]
    assert not {kind[a] for a in set(rows["actor"]) | set(rows["counterpart"])} & {"firm", "organisation"}


@pytest.mark.guards("Lesson 2, key points: every edge leads back to its event ids")
def test_real_data_every_edge_traces_back_to_events(data):
    graph = snapshot(data, "1928-12-31")
    ids = set(data.events["event_id"])
    for u, v, edge in graph.edges(data=True):
        behind = edge["event_ids"].split(";")
        assert set(behind) <= ids and len(behind) == edge["weight"], (u, v)
    assert set(graph) >= {"ussr", "germany", "britain", "china-beijing", "kmt", "ccp", "comintern"}


def test_notebook_2_explains_the_sign_rule_in_plain_words():
    """The rule's paragraph reads at grade 9 or below (Flesch-Kincaid, offline) and names every sign."""
    import json

    from readability import grade

    cells = json.loads((kit.kit_root() / "notebooks" / "02-network.ipynb").read_text("utf-8"))
    text = next(s for s in ("".join(c["source"]) for c in cells["cells"]) if "### How a tie gets its sign" in s)
    rule = text[text.index("### How a tie gets its sign") + 4:].replace("*", "")
    for sign in network.SIGNS:
        assert sign in rule, sign
    assert grade(rule) <= 9, grade(rule)


# data/README.md tells in words how Moscow's ties turned; each such statement must say what the model computes.
README_TIE = re.compile(r"Moscow–(\w+)\s+turns\s+(cooperative|mixed|hostile)\s+on\s+(\d{1,2} \w+ \d{4})"
                        r"(?:\s+and\s+(cooperative|mixed|hostile)\s+on\s+(\d{1,2} \w+ \d{4}))?")
README_NODES = {"Nationalists": "kmt", "Britain": "britain", "Germany": "germany", "Wuhan": "kmt-wuhan",
                "Peking": "china-beijing", "Communists": "ccp"}


def readme_tie_statements(text: str) -> list[tuple[str, str, str]]:
    """(node, sign, ISO date) for each "Moscow–X turns SIGN on DATE [and SIGN on DATE]" of a text."""
    found = []
    for match in README_TIE.finditer(" ".join(text.split())):
        node = README_NODES[match.group(1)]
        for sign, day in ((match.group(2), match.group(3)), (match.group(4), match.group(5))):
            if sign:
                found.append((node, sign, pd.Timestamp(day).strftime("%Y-%m-%d")))
    return found


def statements_the_model_contradicts(statements, graph) -> list[str]:
    """Each statement whose tie does not take that sign on that very day (the step before it had another)."""
    wrong = []
    for node, sign, day in statements:
        steps = graph.edges["ussr", node]["timeline"]
        before = [s for since, s, _ in steps if since < day]
        if network.sign_then(graph, "ussr", node, day) != sign or (before and before[-1] == sign):
            wrong.append(f"Moscow–{node} {sign} on {day}: the model has {network.sign_then(graph, 'ussr', node, day)}")
    return wrong


def test_the_data_readme_tells_the_ties_signs_as_the_model_computes_them(data):
    text = (kit.data_dir() / "README.md").read_text(encoding="utf-8")
    statements = readme_tie_statements(text)
    assert ("kmt", "hostile", "1927-04-21") in statements
    assert statements_the_model_contradicts(statements, network.build(data.events, data.actors)) == []
    # A tie's sign is a balance of its recent events: the README says when it turns, never "is X from".
    assert not re.search(r"Moscow–\w+ is (cooperative|mixed|hostile) from", " ".join(text.split()))


def test_a_readme_statement_the_model_contradicts_is_found(data):
    wrong = readme_tie_statements("so Moscow–Nationalists turns mixed on 21 April 1927.")
    assert statements_the_model_contradicts(wrong, network.build(data.events, data.actors)) == [
        "Moscow–kmt mixed on 1927-04-21: the model has hostile"]
