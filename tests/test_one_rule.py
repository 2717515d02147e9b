"""One rule for every state: the exchanges that data/README.md ("Where sources disagree") calls two acts are two
rows in the data, a recognition in law and then the reply that opened relations, between the same two states;
the exchanges it keeps as one row are one row that opens relations. Every row that opens relations or recognises
in law falls under exactly one of the README's rulings (two rows, one row, a treaty, recognition only), so a state
added without a ruling fails; and every exchange is dated by its acceptance, the last act a primary or scholarly
source dates. The README and the data cannot drift apart."""

import dataclasses
import re

import breaking_isolation as kit
import pandas as pd
import pytest
from breaking_isolation import loader, recognition

README = (kit.data_dir() / "README.md").read_text(encoding="utf-8")
TABLE = README.split("## Where sources disagree", 1)[1].split("To list them all", 1)[0]
PAIRS = [tuple(re.findall(r"`([\w-]+)`", line)[:2]) for line in TABLE.splitlines()
         if line.startswith("|") and line.rstrip().endswith("two acts, two rows |")]
EVENT_ID = r"`(\d{4}-[a-z0-9-]+)`"


def _between(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


# The README's rulings, heading by heading: exchanges kept as one row, treaties, recognition without relations.
ONE_ROW = re.findall(EVENT_ID, _between(TABLE, "Two cases stay one row", "Every other row that opens relations"))
TREATIES = re.findall(EVENT_ID, _between(TABLE, "Every other row that opens relations", "And two rows recognised"))
RECOGNITION_ONLY = re.findall(EVENT_ID, _between(TABLE, "And two rows recognised", "tests/test_one_rule.py"))
RULED_KINDS = ("relations_established", "de_jure_recognition")


@pytest.fixture(scope="module")
def events():
    return loader.load().events.set_index("event_id")


def test_the_readme_names_the_exchanges_it_rules_on():
    assert len(PAIRS) >= 5 and all(len(p) == 2 for p in PAIRS), PAIRS
    assert {"1924-norway-recognition", "1924-sweden-recognition", "1926-uruguay-recognition"} <= {p[0] for p in PAIRS}
    assert {"1924-austria-recognition", "1924-france-recognition", "1924-mexico-recognition",
            "1919-afghanistan-relations"} <= set(ONE_ROW)
    assert "1922-rapallo-treaty" in TREATIES and "1924-canada-recognition" in RECOGNITION_ONLY


def rulings() -> dict[str, list[str]]:
    """{event id: the README headings that rule on it} for every id the README names under a heading."""
    found: dict[str, list[str]] = {}
    named = [("two rows", event_id) for pair in PAIRS for event_id in pair]
    named += [("one row", e) for e in ONE_ROW] + [("treaty", e) for e in TREATIES]
    named += [("recognition only", e) for e in RECOGNITION_ONLY]
    for heading, event_id in named:
        found.setdefault(event_id, []).append(heading)
    return found


def unruled(events, ruled: dict[str, list[str]]) -> list[str]:
    """Rows that open relations or recognise in law and that the README rules on under no heading, or two."""
    rows = events[events["kind"].isin(RULED_KINDS)].index
    return [event_id for event_id in rows if len(ruled.get(event_id, [])) != 1]


def test_every_row_that_opens_relations_or_recognises_falls_under_one_ruling_of_the_readme(events):
    """One rule for every state: a state added without a ruling, or ruled on twice, fails here."""
    assert unruled(events, rulings()) == []
    named = set(rulings())
    assert named <= set(events.index), f"the README names rows the data lacks: {sorted(named - set(events.index))}"


def test_a_state_the_readme_leaves_out_is_found(events):
    ruled = rulings()
    del ruled["1924-france-recognition"]
    assert unruled(events, ruled) == ["1924-france-recognition"]
    ruled["1924-france-recognition"] = ["one row", "treaty"]
    assert unruled(events, ruled) == ["1924-france-recognition"]


def acceptance_not_last(events, sources) -> list[str]:
    """Rows dated by an exchange that a primary or scholarly source dates later than the row: the acceptance,
    which establishes relations, is the last act of an exchange (README, "Where sources disagree")."""
    kinds = dict(zip(sources["source_id"], sources["kind"]))
    exchanges = [reply for _, reply in PAIRS] + [e for e in ONE_ROW if e != "1924-italy-recognition"]
    late = []
    for event_id in exchanges:
        row = events.loc[event_id]
        for item in filter(None, row["alt_dates"].split(";")):
            date, source_id = item.split("@", 1)
            if kinds.get(source_id) in ("primary", "secondary") and date > row["date_text"]:
                late.append(f"{event_id}: {date}@{source_id} is after {row['date_text']}")
    return late


def test_every_exchange_is_dated_by_its_acceptance(events):
    assert acceptance_not_last(events, loader.load().sources) == []


def test_a_reply_dated_before_the_acceptance_a_source_gives_is_found(events):
    """Norway as the kit once had it: dated 16 February, with the treaty collection's reply of 10 March beside it."""
    broken = events.copy()
    broken.loc["1924-norway-relations", ["date_text", "alt_dates"]] = [
        "1924-02-16", "1924-02-15@sbornik-1924-norway;1924-03-10@sbornik-1924-norway"]
    assert acceptance_not_last(broken, loader.load().sources) == [
        "1924-norway-relations: 1924-03-10@sbornik-1924-norway is after 1924-02-16"]


@pytest.mark.parametrize("note, reply", PAIRS, ids=lambda x: x)
def test_every_exchange_the_readme_calls_two_acts_is_a_recognition_then_the_reply_that_opened_relations(
        events, note, reply):
    first, second = events.loc[note], events.loc[reply]
    assert first["kind"] == "de_jure_recognition" and second["kind"] == "relations_established", (note, reply)
    assert {first["actor"], first["counterpart"]} == {second["actor"], second["counterpart"]}, (note, reply)
    assert first["date"] < second["date"], (note, reply)
    assert reply in first["date_note"] or note in second["date_note"], "each row names the other"


@pytest.mark.parametrize("event_id", ONE_ROW)
def test_every_exchange_the_readme_keeps_as_one_row_opens_relations_and_says_why(events, event_id):
    row = events.loc[event_id]
    assert row["kind"] == "relations_established", event_id
    note = row["date_note"].lower()
    # The row says why: it is one row, or it is an exchange completed by the acceptance it is dated by.
    assert "one row" in note or "exchange of" in note or event_id == "1924-italy-recognition", event_id


def test_a_split_exchange_moves_recognition_with_the_note_and_relations_with_the_reply(events):
    """Norway: de jure from Norway's note of 15 February 1924, relations from the reply of 10 March."""
    data = loader.load()
    changes = recognition.standing_changes(data.events, data.actors)
    norway = changes[changes["state"] == "norway"].set_index("event_id")
    assert norway.loc["1924-norway-recognition", "recognition_after"] == "de_jure"
    assert norway.loc["1924-norway-recognition", "relations_after"] == norway.loc[
        "1924-norway-recognition", "relations_before"]
    assert norway.loc["1924-norway-relations", "relations_after"] == "established"


# --- Which government speaks for a state (README, "One rule for every state") ---------------------------------

RULE_ACTORS = pd.DataFrame({
    "actor_id": ["ussr", "soleland", "noliland", "noliland-gov", "twinland", "twinland-old", "twinland-new"],
    "name": ["Soviet Union", "Soleland", "Noliland", "Noliland's new government", "Twinland",
             "Twinland's old government", "Twinland's rival government"],
    "kind": ["state", "state", "state", "government", "state", "government", "government"],
    "belongs_to": ["", "", "", "noliland", "", "twinland", "twinland"],
    "region": ["europe"] * 7,
    # Noliland: one government, in power from 16 June 1924 with no rival, not yet recognised by the powers.
    # Twinland: the powers recognise the old government until the rival replaces it on 1 November 1922.
    "recognised_from": pd.to_datetime(["NaT", "NaT", "NaT", "1924-06-16", "NaT", "1900-01-01", "1922-11-01"]),
    "recognised_until": pd.to_datetime(["NaT", "NaT", "NaT", "NaT", "NaT", "1922-11-01", "NaT"]),
})


def rule_events(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["event_id", "date_text", "kind", "actor", "counterpart"])
    frame["date"] = pd.to_datetime(frame["date_text"])
    return frame


def test_a_sole_government_counts_at_once_and_a_rival_of_the_recognised_one_waits():
    changes = recognition.standing_changes(rule_events([
        ("soleland-opens", "1926-02-19", "relations_established", "soleland", "ussr"),
        ("noliland-opens", "1924-09-04", "relations_established", "noliland-gov", "ussr"),
        ("twinland-rival-opens", "1920-06-01", "relations_established", "twinland-new", "ussr"),
    ]), RULE_ACTORS).set_index("event_id")
    assert changes.loc["soleland-opens", "date"] == pd.Timestamp("1926-02-19")
    assert changes.loc["noliland-opens", "date"] == pd.Timestamp("1924-09-04")
    assert changes.loc["noliland-opens", "reason"] == ""
    assert changes.loc["twinland-rival-opens", "date"] == pd.Timestamp("1922-11-01")
    assert "1 November 1922" in changes.loc["twinland-rival-opens", "reason"]


def test_a_sole_government_left_without_its_day_of_taking_power_is_caught():
    """Noliland's government with no `recognised_from` would speak for nothing, as if a rival held the state."""
    actors = RULE_ACTORS.copy()
    actors.loc[actors["actor_id"] == "noliland-gov", "recognised_from"] = pd.NaT
    changes = recognition.standing_changes(rule_events([
        ("noliland-opens", "1924-09-04", "relations_established", "noliland-gov", "ussr")]), actors)
    assert not changes.set_index("event_id").loc["noliland-opens", "counted"]


# The README's rulings on the live data: acts that count on their own day, and the act that waits.
COUNT_AT_ONCE = ["1924-albania-recognition", "1924-albania-relations-lapse", "1926-hejaz-relations"]
WAITS = {"1920-turkey-relations": "1922-11-01"}
ONE_RULE = README.split("## One rule for every state", 1)[1].split("\n## ", 1)[0]


def ruling_broken(data) -> list[str]:
    changes = recognition.standing_changes(data.events, data.actors).set_index("event_id")
    events = data.events.set_index("event_id")
    wrong = [e for e in COUNT_AT_ONCE
             if not changes.loc[e, "counted"] or changes.loc[e, "date"] != events.loc[e, "date"]]
    wrong += [e for e, day in WAITS.items() if changes.loc[e, "date"] != pd.Timestamp(day)]
    # A state with rival governments in the data has its standing acts coded by the government, never by the state.
    actors = data.actors
    contested = set(actors.loc[(actors["kind"] == "government") & actors["recognised_from"].notna(), "belongs_to"])
    moves = data.events[data.events["kind"].isin(list(MOVES_KINDS))]
    wrong += [e for e, a, c in zip(moves["event_id"], moves["actor"], moves["counterpart"]) if {a, c} & contested]
    return wrong


MOVES_KINDS = ("de_facto_recognition", "de_jure_recognition", "relations_established", "relations_broken",
               "relations_restored", "recognition_withdrawn")


def test_the_readme_argues_each_case_and_the_data_follows_it():
    for event_id in COUNT_AT_ONCE + list(WAITS):
        assert f"`{event_id}`" in ONE_RULE, event_id
    for name in ("Albania", "Hejaz", "Turkey", "Mongolia", "One government, no rival", "Two governments, one state"):
        assert name in ONE_RULE, name
    assert ruling_broken(loader.load()) == []


def test_an_act_coded_against_the_rule_is_found():
    data = loader.load()
    events = data.events.copy()
    events.loc[events["event_id"] == "1926-hejaz-relations", "actor"] = "china"  # a contested state's own id
    assert ruling_broken(dataclasses.replace(data, events=events)) == ["1926-hejaz-relations"]


# --- Established or restored (README, "Kinds") -----------------------------------------------------------------

def restoration_problems(events, actors) -> list[str]:
    """A restoration with no break before it for the same two states, or relations opened again after a break
    with `relations_established` instead of `relations_restored`."""
    state = recognition.state_of(actors)
    moves = events[events["kind"].isin(["relations_established", "relations_broken", "relations_restored"])]
    broken: dict[frozenset, bool] = {}
    wrong = []
    for _, row in moves.sort_values("date").iterrows():
        pair = frozenset((state.get(row["actor"], row["actor"]), state.get(row["counterpart"], row["counterpart"])))
        if row["kind"] == "relations_broken":
            broken[pair] = True
        elif row["kind"] == "relations_restored":
            if not broken.get(pair):
                wrong.append(f"{row['event_id']}: restored with no break before it")
            broken[pair] = False
        elif broken.get(pair):
            wrong.append(f"{row['event_id']}: opened again after a break, so it is a restoration")
    return wrong


def test_every_restoration_follows_a_break_and_every_reopening_is_a_restoration():
    data = loader.load()
    assert restoration_problems(data.events, data.actors) == []
    assert data.events.set_index("event_id").loc["1922-rapallo-treaty", "kind"] == "relations_established"
    assert "`1922-rapallo-treaty`" in README.split("**Established or restored.**", 1)[1].split("\n\n", 1)[0]


def test_a_restoration_coded_the_wrong_way_is_found():
    data = loader.load()
    events = data.events.copy()
    events.loc[events["event_id"] == "1922-rapallo-treaty", "kind"] = "relations_restored"
    events.loc[events["event_id"] == "1929-britain-restoration", "kind"] = "relations_established"
    assert restoration_problems(events, data.actors) == [
        "1922-rapallo-treaty: restored with no break before it",
        "1929-britain-restoration: opened again after a break, so it is a restoration"]


# --- When relations end (README, "Kinds") -----------------------------------------------------------------------

WHEN_RELATIONS_END = README.split("**When relations end.**", 1)[1].split("\nThe other kinds move neither", 1)[0]
ENDED, LOWERED = "1924-albania-relations-lapse", "1927-peking-embassy-recall"


def test_the_readme_states_one_rule_for_the_end_of_relations_and_both_cases_follow_it():
    assert f"`{ENDED}`" in WHEN_RELATIONS_END and f"`{LOWERED}`" in WHEN_RELATIONS_END
    data = loader.load()
    events = data.events.set_index("event_id")
    assert events.loc[ENDED, "kind"] == "relations_broken"
    assert events.loc[LOWERED, "kind"] not in MOVES_KINDS
    for event_id in (ENDED, LOWERED):
        assert "When relations end" in events.loc[event_id, "date_note"], event_id
    changes = recognition.standing_changes(data.events, data.actors).set_index("event_id")
    assert changes.loc[ENDED, "counted"] and changes.loc[ENDED, "relations_after"] == "broken"
    assert LOWERED not in changes.index
    china = changes[(changes["state"] == "china") & changes["counted"]]
    ends = china[china["relations_after"] == "broken"]
    assert ends.index.tolist()[:1] == ["1929-ussr-breaks-with-china"]  # not April 1927


def test_a_lapse_and_a_recall_go_through_the_same_count():
    """Made-up states: relations that lapse (no act, month precision) end at the year's end; a recall that leaves a
    legation in place is an incident and ends nothing."""
    actors = pd.DataFrame({"actor_id": ["ussr", "lapseland", "recalland"],
                           "name": ["Soviet Union", "Lapseland", "Recalland"], "kind": ["state"] * 3,
                           "belongs_to": [""] * 3, "region": ["europe"] * 3,
                           "recognised_from": pd.to_datetime(["NaT"] * 3),
                           "recognised_until": pd.to_datetime(["NaT"] * 3)})
    changes = recognition.standing_changes(rule_events([
        ("lapseland-opens", "1924-09-04", "relations_established", "lapseland", "ussr"),
        ("lapseland-lapse", "1924-12-01", "relations_broken", "lapseland", "ussr"),  # "1924-12", as the loader reads it
        ("recalland-opens", "1924-05-31", "relations_established", "recalland", "ussr"),
        ("recalland-recall", "1927-04-09", "incident", "ussr", "recalland"),
    ]), actors)
    table = recognition.year_end_table(changes, 1924, 1927)
    assert table.loc[1924, "established"] == 1 and table.loc[1924, "broken"] == 1
    assert table.loc[1927, "established"] == 1 and table.loc[1927, "broken"] == 1
    assert "recalland-recall" not in set(changes["event_id"])
