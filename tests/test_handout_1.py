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
    de_jure = int(recognition.counts_at(recognition.recognition_counts(changes),
                                        recognition_exercises.EXERCISE_1_DAY)["de_jure"])
    return de_jure, recognition_exercises._broken_off(changes), recognition_exercises._gaps(changes).to_dict()


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
        # Establishing relations recognises in law: the printed recognition is the data's, so the exit ticket's
        # de jure events (Rapallo, Britain 1924) read as de jure on the handout.
        after = str(by_id.at[row["Event id"], "recognition_after"]).replace("_", " ")
        assert row["Recognition after"] == after, row["Event id"]
    assert set(printed.loc[printed["Event id"].isin(["1922-rapallo-treaty", "1924-britain-recognition"]),
                           "Recognition after"]) == {"de jure"}


def test_the_exit_tickets_sentence_is_the_country_studys_own():
    """Line 3 of the exit ticket asks about a sentence of the Country Study: the handout prints it whole, word for
    word from the stored text, and it holds the claim the key discusses."""
    from breaking_isolation import country_study
    section = HANDOUT.read_text(encoding="utf-8").split("## C. ", 1)[1]
    quoted = next(line for line in section.splitlines() if line.startswith("> ")).strip('> "')
    assert country_study.is_verbatim(quoted.replace("\\", ""), country_study.source_text())
    claims = {c.id: c for c in country_study.load_claims()}
    assert country_study.is_verbatim(claims["beginning-with-britain"].quote, quoted)


def test_the_check_fails_on_a_handout_missing_a_break():
    """The comparison can fail: a handout that dropped Britain's break of 1927 gives another key."""
    data = kit.load()
    printed = handout_rows()
    kept = printed[printed["Event id"] != "1927-britain-breaks-relations"]
    events = data.events[data.events["event_id"].isin(kept["Event id"])]
    assert _answers(recognition.standing_changes(events, data.actors)) != \
        _answers(recognition.standing_changes(data.events, data.actors))
