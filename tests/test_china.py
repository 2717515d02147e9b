"""Notebook 3's computations (breaking_isolation.china) on a fixture whose answers are worked out by hand in its
rows' descriptions (tests/fixtures/china/events.csv), and its figures in every medium."""

import re
from pathlib import Path

import breaking_isolation as kit
import matplotlib
import pandas as pd
import pytest
from breaking_isolation import checks, china, china_charts, network_model

matplotlib.use("Agg")
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "china"


@pytest.fixture(scope="module")
def data():
    return kit.load(FIXTURE)


@pytest.fixture(scope="module")
def live():
    return kit.load()


def test_lanes_follow_belongs_to_and_the_named_actors(data):
    lanes = china.lane_of(data.actors)
    assert lanes["envoy"] == china.STATE          # belongs_to the state: the state face
    assert lanes["borodin"] == china.PARTY        # the Politburo's agent: belongs_to the party (actors.csv)
    assert lanes["china-nanjing"] == lanes["kmt"]


def test_a_partner_is_never_a_target_nor_a_foe_a_partner(live):
    """The tables say whom each event was with or against from its tone: the Sun-Joffe manifesto was made with the
    Nationalists, not aimed at them. A state other than Moscow is named itself, not by a lane it shares (the Hankou
    crowds took Britain's concession, not Japan's) or stands in for (May Thirtieth's `china` is no government)."""
    table = china.lane_events(live.events, live.actors)
    word = table["with_or_against"].str.split().str[0]
    assert not (word[table["tone"] == "cooperative"] == "against").any()
    assert not (word[table["tone"] == "hostile"] == "with").any()
    assert set(word) <= {"with", "against", "toward"} and table["with_or_against"].str.len().gt(0).all()
    labels, lanes = checks.actor_labels(live.actors, network_model.LABELS), china.lane_of(live.actors)
    state = live.actors.set_index("actor_id")["kind"].eq("state")
    events = live.events.set_index("event_id")
    for event_id, said in zip(table["event_id"], table["with_or_against"]):
        counterpart = events.loc[event_id, "counterpart"]
        if state.get(counterpart) and lanes.get(counterpart) not in (china.STATE, china.PARTY):
            assert said.endswith(" " + labels[counterpart]), event_id


def test_china_events_are_those_with_a_chinese_side_in_the_window(data):
    table = china.lane_events(data.events, data.actors)
    assert "1927-break" not in set(table["event_id"])      # Britain and Moscow only
    assert "1930-later" not in set(table["event_id"])      # after 1929
    assert "1927-massacre" in set(table["event_id"])       # two Chinese sides, no Moscow face
    assert list(table["date"]) == sorted(table["date"])


def test_backing_turns_by_quarter_and_ignores_neutral_events(data):
    turns = china.switches(china.backing_by_quarter(data.events, data.actors))
    got = {(q.year, q.quarter, side, face, after) for q, side, face, after in
           zip(turns["quarter"], turns["side"], turns["face"], turns["after"])}
    assert got == {
        (1923, 1, "Nationalists", china.PARTY, "cooperative"),   # the state's aid courts a party: faces.face
        (1924, 2, "Beijing government", china.STATE, "cooperative"),
        (1927, 2, "Beijing government", china.STATE, "hostile"),
        (1927, 2, "Nationalists", china.PARTY, "hostile"),
        (1927, 4, "Nationalists", china.STATE, "hostile"),
    }


def test_a_tie_of_neutral_events_only_is_neutral_and_one_hostile_event_after_long_cooperation_is_mixed(data):
    backing = china.backing_by_quarter(data.events, data.actors, start="1926-01-01", end="1926-12-31")
    wuhan = backing[(backing["side"] == "Nationalists") & (backing["face"] == china.PARTY)]
    assert set(wuhan["tie"]) == {"cooperative"}   # the neutral visit of 1926 changes nothing


def test_faces_come_from_faces_face_and_mongolia_is_not_peking(live):
    lanes = china.lane_events(live.events, live.actors).set_index("event_id")["lane"]
    assert lanes["1923-sun-joffe-manifesto"] == china.PARTY    # Joffe, a state envoy, courted a party
    assert lanes["1924-whampoa-opens"] == china.PARTY
    ties = china.tie_events(live.events, live.actors)
    assert ties.set_index("event_id").at["1924-sino-soviet-agreement", "face"] == china.STATE
    assert not ties["event_id"].str.contains("mongol").any()   # Urga's acts are not Peking's


def test_a_side_with_no_moscow_event_has_no_tie(data):
    backing = china.backing_by_quarter(data.events, data.actors)
    assert set(backing[backing["side"] == "Communists"]["tie"]) == {"none"}


def test_recognised_government_changes_on_its_day(data):
    held = china.recognised_by_quarter(data.actors)
    assert held[pd.Timestamp("1928-03-31")] == "Peking-like government"
    assert held[pd.Timestamp("1928-06-30")] == "Nanjing-like government"


def test_war_scare_puts_blows_and_china_on_one_table(data):
    spring = china.war_scare(data.events, data.actors)
    strands = dict(zip(spring["event_id"], spring["strand"]))
    assert strands == {"1927-raid": "blow against Moscow", "1927-massacre": "China", "1927-theses": "China",
                       "1927-break": "blow against Moscow", "1927-nanjing-break": "blow against Moscow"}


def test_order_exercise_judges_by_the_data(live):
    known = set(live.events["event_id"])
    asked = [e for e in china.TURNING_POINTS if e in known]
    dates = live.events.set_index("event_id")["date"]
    right = sorted(asked, key=lambda e: (dates[e], e))
    assert checks.verdict("china-order", right, live).ok
    assert not checks.verdict("china-order", list(reversed(right)), live).ok
    assert checks.verdict("china-order", ..., live).status == checks.UNANSWERED


def test_kendall_tau_measures_how_far_an_order_keeps_another():
    assert china.kendall_tau(list("abcd"), list("abcd")) == 1
    assert china.kendall_tau(list("dcba"), list("abcd")) == -1
    assert china.kendall_tau(list("badc"), list("abcd")) == pytest.approx(1 / 3)


def test_exercise_a_lists_the_turning_points_in_an_order_that_gives_nothing_away(live):
    """The ids start with their year: sorted, they would be the answer. The list the student gets is every
    turning point once, far from their date order (Kendall's tau near 0, not near 1 or -1), with at most half of
    its neighbours in date order, and the same on every run; the key is still the data's date order."""
    dates = live.events.set_index("event_id")["date"]
    listed = china.turning_points_to_order(live.events)
    by_date = sorted(listed, key=lambda e: (dates[e], e))
    assert sorted(listed) == sorted(e for e in china.TURNING_POINTS if e in dates.index)
    assert abs(china.kendall_tau(listed, by_date)) <= 0.2, listed
    assert abs(china.kendall_tau(listed, sorted(listed))) <= 0.3, "near alphabetical order, so near date order"
    in_order = sum(by_date.index(a) < by_date.index(b) for a, b in zip(listed, listed[1:]))
    assert in_order <= (len(listed) - 1) / 2, listed
    assert listed == china.turning_points_to_order(live.events)
    assert not checks.verdict("china-order", listed, live).ok
    assert checks.verdict("china-order", by_date, live).ok


def test_notebook_and_handout_5_list_the_turning_points_in_that_order(live):
    """Notebook 3 prints the list from the function (not sorted), and handout 5 prints the same list."""
    import nbformat  # noqa: PLC0415

    root = Path(__file__).resolve().parents[1]
    cells = {c.id: c for c in nbformat.read(root / "notebooks" / "03-china.ipynb", as_version=4).cells}
    assert "turning_points_to_order(" in cells["c29"].source and "sorted(" not in cells["c29"].source
    listed = ", ".join(f"`{e}`" for e in china.turning_points_to_order(live.events))
    assert f"The turning points: {listed}." in (root / "lessons" / "handouts" / "05-china-handout.md").read_text()


def test_switch_exercise(live):
    turns = china.switches(china.backing_by_quarter(live.events, live.actors))
    first = turns[(turns["side"] == "Nationalists") & (turns["face"] == china.PARTY)
                  & turns["after"].isin(["mixed", "hostile"])]
    quarter = first["quarter"].iloc[0]
    assert checks.verdict("china-switch", f"{quarter.year} Q{quarter.quarter}", live).ok
    assert not checks.verdict("china-switch", f"{quarter.year - 1} Q{quarter.quarter}", live).ok


def test_exercise_b_is_the_party_faces_row_and_turns_with_stalins_theses(live):
    """Stalin's theses of 21 April 1927 (cpsu against Chiang's Nationalists, a hostile party decision) are a break:
    the party face's row in figure 2 and notebook 2's one tie turn hostile with them, in 1927's second quarter,
    not with the Canton killings of December. Both are computed from the model."""
    turn = china.party_turn(live.events, live.actors)
    day, event = china.network_turn(live.events, live.actors)
    assert (turn["before"], turn["after"]) == ("cooperative", "hostile")
    assert turn["set_by"] == event == "1927-stalin-theses-china"
    assert day == pd.Timestamp("1927-04-21")                                         # notebook 2's prose
    assert china.quarter_name(turn["quarter"]) == china.quarter_name(day)
    assert checks.verdict("china-switch", china.quarter_name(turn["quarter"]), live).ok
    assert not checks.verdict("china-switch", "1927 Q4", live).ok
    assert "notebook 2" not in str(checks.verdict("china-switch", "1924 Q1", live))


def test_exercise_b_gives_one_example_in_its_prompt_its_template_and_its_messages(live):
    """The prompt's example ("1925 Q3"), the answer cell's and every message of the check are the same, and the
    example is neither the answer nor notebook 2's quarter: no message names another quarter."""
    import nbformat  # noqa: PLC0415

    root = Path(__file__).resolve().parents[1]
    cells = nbformat.read(root / "notebooks" / "03-china.ipynb", as_version=4).cells
    prompt = next(n for n, c in enumerate(cells) if c.source.startswith("### Exercise B"))
    quarters = re.compile(r"\b1[89]\d\d Q\d\b")
    assert set(quarters.findall(cells[prompt].source + cells[prompt + 1].source)) == {china.SWITCH_EXAMPLE}
    turn = china.quarter_name(china.party_turn(live.events, live.actors)["quarter"])
    assert china.SWITCH_EXAMPLE not in (turn, china.quarter_name(china.network_turn(live.events, live.actors)[0]))
    for answer in (..., "soon", 1927, "1925 Q3", "1850 Q1", "1927 Q7", ["1927 Q2"], {"quarter": "1927 Q2"}):
        said = checks.verdict("china-switch", answer, live)
        assert set(quarters.findall(str(said))) <= {china.SWITCH_EXAMPLE}, said


def test_every_turning_point_is_in_the_data(live):
    missing = [e for e in china.TURNING_POINTS if e not in set(live.events["event_id"])]
    assert not missing, f"turning points named in china.TURNING_POINTS but not in data/events.csv: {missing}"


@pytest.mark.parametrize("medium", ["notebook", "slide", "print"])
def test_figures_draw_in_every_medium_with_alt_text_from_the_tables(live, medium, monkeypatch):
    monkeypatch.setenv("KIT_MEDIUM", medium)
    kit.style.use()
    lanes = china.lane_events(live.events, live.actors)
    backing = china.backing_by_quarter(live.events, live.actors)
    held = china.recognised_by_quarter(live.actors)
    spring = china.war_scare(live.events, live.actors)
    figures = {
        china_charts.timeline_alt(lanes): china_charts.timeline(lanes),
        china_charts.backing_alt(backing, held, china.switches(backing)): china_charts.backing_grid(backing, held),
        china_charts.war_scare_alt(spring): china_charts.war_scare(spring),
    }
    for alt, fig in figures.items():
        svg = kit.to_svg(fig, alt)
        assert "<title>" in svg and len(alt) > 80
        matplotlib.pyplot.close(fig)
    assert str(len(lanes)) in china_charts.timeline_alt(lanes)


def test_the_party_face_never_courted_the_peking_government(live):
    """The Comintern's 1920 theses named no Chinese government: no party-face tie with Peking in the live data."""
    ties = china.tie_events(live.events, live.actors)
    peking = ties[(ties["side"] == "Beijing government") & (ties["face"] == china.PARTY)]
    assert peking.empty, list(peking["event_id"])
    assert "1920-comintern-colonial-theses" not in set(ties["event_id"])


def test_the_cominterns_theses_for_the_whole_colonial_east_are_no_china_tie(live):
    """The 1920 and 1922 theses addressed the colonial movements at large, China among them: no tie to a Chinese
    government or party, so the party face's backing of the CCP begins with acts addressed to it."""
    ties = china.tie_events(live.events, live.actors)
    general = set(live.events.loc[live.events["counterpart"] == "colonial-movements", "event_id"])
    assert {"1920-comintern-colonial-theses", "1922-comintern-eastern-theses"} <= general
    assert not general & set(ties["event_id"])


@pytest.mark.parametrize("medium", ["notebook", "slide", "print"])
def test_every_row_of_a_figure_has_the_height_its_medium_gives_a_row(live, medium, monkeypatch):
    """A chart with a row per lane or side is never squeezed: each row is at least style.ROW_HEIGHT high (on a
    slide that is what keeps 24 px labels apart; the browser check of the decks measures the same on screen)."""
    monkeypatch.setenv("KIT_MEDIUM", medium)
    kit.style.use()
    backing = china.backing_by_quarter(live.events, live.actors)
    figures = [china_charts.timeline(china.lane_events(live.events, live.actors)),
               china_charts.backing_grid(backing, china.recognised_by_quarter(live.actors))]
    for fig in figures:
        for ax in fig.axes:
            labels = [t for t in ax.get_yticklabels() if t.get_text()]
            if len(labels) < 3:
                continue
            inches = ax.get_position().height * fig.get_figheight()
            assert inches / len(labels) >= kit.style.ROW_HEIGHT[medium], (ax.get_title(), inches, len(labels))
        matplotlib.pyplot.close(fig)


# --- exercises C and G: evidence the check can find, nonsense it refuses (tests/fixtures/claims/) ------------

SPEAKERS = {1: ("both", "1927-trotsky-critique"), 2: ("Trotsky", "1927-trotsky-critique"),
            3: ("Stalin", "a proletarian dictatorship in the neighbourhood of China")}
CONDITIONS = {"conditions": ["The Communists would have needed armed forces of their own before April 1927.",
                             "The left Kuomintang at Wuhan would have had to stay allied with the peasant movement."],
              "events": ["1924-whampoa-opens", "1927-wuhan-expels-communists"]}


def _evidence_lines():
    import csv  # noqa: PLC0415

    path = Path(__file__).parent / "fixtures" / "claims" / "evidence_lines.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        return [(row["line"], row["expect"]) for row in csv.DictReader(handle)]


@pytest.mark.parametrize("line, expect", _evidence_lines())
def test_an_evidence_line_is_matched_against_the_data_or_named_as_not_found(live, line, expect):
    """An event id, a date or a title of an event, or a line of four words or more copied from a debate document
    is found and said to be found; anything else (noise, a short common phrase, a near miss) is named back."""
    # claim 3 by an event id: one line given for two claims is refused, whatever it is; "both" for claim 1, whose
    # evidence may then be either man's (not claim 2, which the data says Stalin's side rejected)
    said = checks.verdict("china-speakers", {**SPEAKERS, 1: ("both", line), 3: ("Stalin", "1927-stalin-theses-china")},
                          live)
    if expect == "none":
        assert said.status == checks.WRONG and "claim 1" in str(said) and "could not find" in str(said), str(said)
        assert repr(" ".join(line.split())[:20])[:-1] in str(said)  # what it could not match, named
    else:
        assert said.status == checks.CHECKED, str(said)
        claim_1 = next(p for p in said.points if p.startswith("Claim 1"))
        assert {"event": "is in the data", "date": "is the date of the event", "title": "by its title",
                "line": "word for word"}[expect] in claim_1, claim_1


def test_every_unmatched_evidence_line_is_named(live):
    said = str(checks.verdict("china-speakers", {**SPEAKERS, 1: ("both", "zzz"), 3: ("Stalin", "yyy")}, live))
    assert "claim 1 ('zzz') and claim 3 ('yyy')" in said


def test_the_same_condition_twice_counts_once_and_is_refused(live):
    twice = {**CONDITIONS, "conditions": [CONDITIONS["conditions"][0], " " + CONDITIONS["conditions"][0].upper()]}
    said = checks.verdict("china-conditions", twice, live)
    assert said.status == checks.UNREADABLE and "say the same thing" in str(said)
    assert checks.verdict("china-conditions", CONDITIONS, live).status == checks.CHECKED


@pytest.mark.parametrize("noise", ["asdf qwer zxcv lkjh poiu", "because because because because because",
                                   "blah blah blah blah blah blah"])
def test_a_nonsense_condition_is_never_checked(live, noise):
    said = checks.verdict("china-conditions", {**CONDITIONS, "conditions": [CONDITIONS["conditions"][0], noise]}, live)
    assert said.status == checks.WRONG and "condition 2" in str(said), str(said)


def test_every_event_id_the_check_cannot_find_is_named(live):
    said = str(checks.verdict("china-conditions",
                              {**CONDITIONS, "events": ["1924-whampoa-openz", "xx-yy", "1927-wuhan-expels-communists"]},
                              live))
    assert "'1924-whampoa-openz', 'xx-yy'" in said
    with pytest.raises(checks.Repeated):  # one event given twice counts once: refused, as every repeated item
        checks.as_id_set(["1924-whampoa-opens", "1924-Whampoa-Opens"])


def test_notebook_3_explains_the_face_rule_before_exercise_b_without_its_answer(live):
    """Exercise B's answer is an event that falls on the party face because its other side is a party (faces.py):
    before the exercise, the notebook says how the kit decides, and shows the rule applied to every Chinese actor of
    figure 2 as faces.face computes it, without naming the answer's event or quarter."""
    import nbformat  # noqa: PLC0415

    from breaking_isolation import faces  # noqa: PLC0415

    cells = nbformat.read(Path(__file__).resolve().parents[1] / "notebooks" / "03-china.ipynb", as_version=4).cells
    exercise = next(i for i, c in enumerate(cells) if c.source.startswith("### Exercise B"))
    before = cells[next(i for i, c in enumerate(cells) if c.source.startswith("### Exercise A")) + 1:exercise]
    prose = " ".join(" ".join(c.source.split()) for c in before if c.cell_type == "markdown")
    assert "**party** face" in prose and "party" in prose and "**state or a government**" in prose, prose
    shown = " ".join(str(v) for c in before for o in c.get("outputs", []) for v in o.get("data", {}).values())
    for actor, side in china.SIDE_OF.items():
        name = live.actors.set_index("actor_id").at[actor, "name"]
        face = faces.face("ussr", actor, live.actors)
        cell = r"<td[^>]*>{}</td>\s*"
        row = "".join(cell.format(text) for text in (re.escape(name), re.escape(side), "[^<]*", face))
        assert re.search(row, shown), (actor, face)
    turn = china.party_turn(live.events, live.actors)
    for said in (prose, shown):
        assert turn["set_by"] not in said and china.quarter_name(turn["quarter"]) not in said


def test_figure_1_letters_its_turning_points_in_exercise_as_order_not_by_date(live):
    """Numbers in date order on figure 1 would print exercise A's answer: its labels are letters, A first for the
    first id exercise A lists; the date order stays with the folded table and the key (`number`)."""
    lanes = china.lane_events(live.events, live.actors)
    turns = china_charts.lettered(lanes)
    listed = china.turning_points_to_order(live.events)
    assert dict(zip(turns["event_id"], turns["letter"])) == {e: chr(ord("A") + i) for i, e in enumerate(listed)}
    assert list(turns["number"]) == list(range(1, len(turns) + 1)) and turns["date"].is_monotonic_increasing
    by_date = "".join(turns["letter"])
    assert by_date != "".join(sorted(by_date)) and by_date != "".join(sorted(by_date, reverse=True))
    fig = china_charts.timeline(lanes)
    drawn = sorted(t.get_text() for t in fig.axes[0].texts)
    assert drawn == sorted(turns["letter"]), drawn
    assert not any(t.get_text().isdigit() for t in fig.axes[0].texts)
    assert "numbered" not in china_charts.timeline_alt(lanes) and listed[0] not in china_charts.timeline_alt(lanes)
    matplotlib.pyplot.close(fig)


def test_figure_2s_key_names_every_fill_it_draws_the_recognised_governments_too(live):
    """The top row's strips (one fill per recognised government) are named in the key, and no government's name is
    set on another's strip."""
    backing = china.backing_by_quarter(live.events, live.actors)
    held = china.recognised_by_quarter(live.actors)
    fig = china_charts.backing_grid(backing, held)
    key = [t.get_text() for t in fig.legends[0].get_texts()]
    for name in dict.fromkeys(held[held != ""]):
        assert f"recognised government: {name.split(' ')[0]}" in key, key
    assert not any("\u2192" in t.get_text() for ax in fig.axes for t in ax.texts)
    matplotlib.pyplot.close(fig)


def test_turning_points_close_together_on_one_lane_are_spread_apart():
    """Figure 1's rings for turning points of one lane within a few weeks of each other (spring 1927's three on
    the Nationalists' lane) would sit on one another: they are spread up and down within the lane, the others
    stay on their lane's line."""
    import pandas as pd  # noqa: PLC0415

    from breaking_isolation.china_charts import RING_DAYS, _spread  # noqa: PLC0415

    turns = pd.DataFrame({"lane": ["N", "N", "N", "N", "C"],
                          "date": pd.to_datetime(["1927-04-12", "1927-04-18", "1927-05-20", "1929-01-01",
                                                  "1927-04-12"]),
                          "event_id": list("abcde")})
    heights = _spread(turns, {"N": 0, "C": 1})
    assert len(set(heights[:3])) == 3 and max(heights[:3]) - min(heights[:3]) < 1, heights
    assert heights[3:] == [0, 1]
    assert RING_DAYS >= 90


def test_placed_labels_keep_clear_of_each_other_and_of_the_markers_and_each_is_measured_once(monkeypatch):
    import matplotlib.pyplot as plt
    from breaking_isolation import placing
    from matplotlib.text import Text

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.set(xlim=(0, 10), ylim=(0, 10))
    points = [(5, 5), (5.2, 5), (5.4, 5.1), (5.3, 4.8), (2, 8)]  # four crowd together
    measured = []
    real = Text.get_window_extent
    monkeypatch.setattr(Text, "get_window_extent", lambda self, *a, **k: measured.append(self) or real(self, *a, **k))
    labels = placing.place(fig, ax, points, ["A", "B", "C", "D", "E"], avoid=points, fontsize=11)
    assert len(measured) == len(points)  # once per label, not once for every spot it tried
    monkeypatch.undo()
    renderer = fig.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in labels]
    frame = ax.get_window_extent(renderer)
    markers = [ax.transData.transform(point) for point in points]
    for i, box in enumerate(boxes):
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
        assert not any(box.overlaps(other) for other in boxes[i + 1:])
        assert not any(box.contains(x, y) for x, y in markers)
    plt.close(fig)


@pytest.mark.parametrize("medium", ["notebook", "slide", "print"])
def test_figure_3s_words_read_at_grade_9_and_its_alt_text_points_to_its_caption(live, medium, monkeypatch):
    """The war-scare figure is read by weak readers of 16: its labels (title, rows, key, source line, read as one
    text), its caption (war_scare_alt, printed under the figure) and its alt text each read at grade 9 or below
    (Flesch-Kincaid, offline); the alt text is short, says the caption describes the figure, and repeats none of
    the caption's sentences, so a screen reader does not read the description twice."""
    import readability  # noqa: PLC0415  (tests/, on the tests' path)

    monkeypatch.setenv("KIT_MEDIUM", medium)
    kit.style.use()
    spring = china.war_scare(live.events, live.actors)
    fig = china_charts.war_scare(spring)
    caption = china_charts.war_scare_alt(spring)
    alt = kit.figures.short_alt(fig, "Figure 3.")
    labels = list(dict.fromkeys(t.get_text().strip() for t in fig.findobj(matplotlib.text.Text)
                                if t.get_text().strip() and not t.get_text().strip().isdigit()))
    matplotlib.pyplot.close(fig)
    assert len(labels) > 5, labels
    for name, text in (("labels", ". ".join(labels) + "."), ("caption", caption), ("alt text", alt)):
        assert readability.grade(text) <= 9, (name, round(readability.grade(text), 1), text)
    assert "caption below" in alt and len(alt) < len(caption) / 3, alt
    sentences = [s.strip() for s in re.split(r"(?<=\.) ", caption) if len(s.split()) > 2]
    assert sentences and not [s for s in sentences if s.rstrip(".") in alt], alt
