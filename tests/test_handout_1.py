"""Handout 1 agrees with its key by computation: the key's answers recomputed from the handout's own rows are
the answers the checks compute from the data."""

from pathlib import Path

import pandas as pd

import breaking_isolation as kit
from breaking_isolation import recognition, recognition_exercises

HANDOUT = Path(__file__).resolve().parents[1] / "lessons" / "handouts" / "01-recognition-handout.md"


def handout_rows() -> pd.DataFrame:
    """Table A of the handout, as printed: one row per event."""
    text = HANDOUT.read_text(encoding="utf-8").split("## A. The events", 1)[1]
    lines = [line for line in text.split("\n## ", 1)[0].splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    return pd.DataFrame(rows, columns=header)


def _answers(changes: pd.DataFrame) -> tuple:
    de_jure_1925 = int(recognition.counts_at(recognition.recognition_counts(changes), "1925-12-31")["de_jure"])
    return de_jure_1925, recognition_exercises._broken_off(changes), recognition_exercises._gaps(changes).to_dict()


def test_the_keys_answers_follow_from_the_handouts_rows():
    data = kit.load()
    printed = handout_rows()
    assert len(printed) >= 30 and printed["Event id"].is_unique
    # The handout's rows, read with the kit's own rule, give the answers the key (the checks) gives.
    events = data.events[data.events["event_id"].isin(printed["Event id"])]
    from_handout = recognition.standing_changes(events, data.actors)
    from_data = recognition.standing_changes(data.events, data.actors)
    assert _answers(from_handout) == _answers(from_data)
    # And each printed row says what the data says: its kind and whether it counts.
    by_id = from_data.set_index("event_id")
    for _, row in printed.iterrows():
        kind = str(by_id.at[row["Event id"], "kind"])
        assert row["Kind"] in (recognition.KIND_LABELS.get(kind, ""), kind.replace("_", " ")), row["Event id"]
        counts = row["Counts?"].startswith("yes")
        assert counts == bool(by_id.at[row["Event id"], "counted"]), row["Event id"]


def test_the_check_fails_on_a_handout_missing_a_break():
    """The comparison can fail: a handout that dropped Britain's break of 1927 gives another key."""
    data = kit.load()
    printed = handout_rows()
    kept = printed[printed["Event id"] != "1927-britain-breaks-relations"]
    events = data.events[data.events["event_id"].isin(kept["Event id"])]
    assert _answers(recognition.standing_changes(events, data.actors)) != \
        _answers(recognition.standing_changes(data.events, data.actors))
