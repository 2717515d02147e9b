"""One rule for every state: the exchanges that data/README.md ("Where sources disagree") calls two acts are two
rows in the data, a recognition in law and then the reply that opened relations, between the same two states;
the exchanges it keeps as one row are one row that opens relations. Every row that opens relations or recognises
in law falls under exactly one of the README's rulings (two rows, one row, a treaty, recognition only), so a state
added without a ruling fails; and every exchange is dated by its acceptance, the last act a primary or scholarly
source dates. The README and the data cannot drift apart."""

import re

import breaking_isolation as kit
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
