"""One rule for every state: the exchanges that data/README.md ("Where sources disagree") calls two acts are two
rows in the data, a recognition in law and then the reply that opened relations, between the same two states;
the exchanges it keeps as one row are one row that opens relations. The README and the data cannot drift apart."""

import re

import breaking_isolation as kit
import pytest
from breaking_isolation import loader, recognition

README = (kit.data_dir() / "README.md").read_text(encoding="utf-8")
TABLE = README.split("## Where sources disagree", 1)[1].split("To list them all", 1)[0]
PAIRS = [tuple(re.findall(r"`([\w-]+)`", line)[:2]) for line in TABLE.splitlines()
         if line.startswith("|") and line.rstrip().endswith("two acts, two rows |")]
ONE_ROW = re.findall(r"\(`([\w-]+)`\)", TABLE.split("Two cases stay one row", 1)[1])


@pytest.fixture(scope="module")
def events():
    return loader.load().events.set_index("event_id")


def test_the_readme_names_the_exchanges_it_rules_on():
    assert len(PAIRS) >= 5 and all(len(p) == 2 for p in PAIRS), PAIRS
    assert {"1924-norway-recognition", "1924-sweden-recognition", "1926-uruguay-recognition"} <= {p[0] for p in PAIRS}
    assert "1924-austria-recognition" in ONE_ROW


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
    assert "one row" in row["date_note"].lower() or event_id == "1924-italy-recognition", event_id


def test_a_split_exchange_moves_recognition_with_the_note_and_relations_with_the_reply(events):
    """Norway: de jure from Norway's note of 15 February 1924, relations from the reply of the 16th."""
    data = loader.load()
    changes = recognition.standing_changes(data.events, data.actors)
    norway = changes[changes["state"] == "norway"].set_index("event_id")
    assert norway.loc["1924-norway-recognition", "recognition_after"] == "de_jure"
    assert norway.loc["1924-norway-recognition", "relations_after"] == norway.loc[
        "1924-norway-recognition", "relations_before"]
    assert norway.loc["1924-norway-relations", "relations_after"] == "established"
