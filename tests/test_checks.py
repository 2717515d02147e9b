"""Exercise checks say right, wrong with a hint, or not answered yet, and never print the answer."""

import re

import pandas as pd
import pytest

import breaking_isolation as kit
from breaking_isolation import checks, recognition

from test_recognition import ACTORS, events


class Data:  # what a checker reads: events and actors, as kit.load() gives them
    events = events()
    actors = ACTORS


DATA = Data()
CHANGES = recognition.standing_changes(DATA.events, DATA.actors)
DE_JURE_1925 = int(recognition.counts_at(recognition.recognition_counts(CHANGES), "1925-12-31")["de_jure"])
GAPS = recognition.de_facto_then_de_jure(CHANGES)


def say(name, answer) -> checks.Verdict:
    return checks.verdict(name, answer, DATA)


def test_the_hand_made_answers_are_what_they_should_be():
    assert DE_JURE_1925 == 5                        # Britain, Italy, Germany, Canada, China
    assert GAPS.to_dict() == {"italy": 773, "britain": 1052}


@pytest.mark.parametrize("name", ["recognition-1", "recognition-2", "recognition-3"])
def test_a_placeholder_is_not_answered_yet(name):
    for placeholder in (..., None):
        result = say(name, placeholder)
        assert result.status == checks.UNANSWERED and "Replace the ..." in str(result)


def test_exercise_1_right_wrong_and_unreadable():
    assert say("recognition-1", DE_JURE_1925).ok
    assert say("recognition-1", pd.Series([DE_JURE_1925])).ok   # counts.loc[...].tail(1)["de_jure"]
    assert say("recognition-1", float(DE_JURE_1925)).ok
    for guess in (DE_JURE_1925 - 1, DE_JURE_1925 + 1, 0):
        result = say("recognition-1", guess)
        assert result.status == checks.WRONG and "Hint:" in str(result)
        assert not re.search(rf"(?<![\d-]){DE_JURE_1925}(?![\d-])", str(result))  # the answer, as a number
    assert say("recognition-1", "five").status == checks.UNREADABLE
    assert say("recognition-1", 5.5).status == checks.UNREADABLE


def test_exercise_2_accepts_ids_or_names_and_never_names_the_missing():
    assert say("recognition-2", ["britain", "china"]).ok
    assert say("recognition-2", {"United Kingdom", "china"}).ok
    assert say("recognition-2", pd.Series(["china", "britain", "china"]).unique()).ok
    result = say("recognition-2", ["britain", "kmt"])
    assert result.status == checks.WRONG
    assert "1 of yours does not belong" in str(result) and "missing" in str(result)
    assert "china" not in str(result).lower()
    assert say("recognition-2", 3).status == checks.UNREADABLE


def test_exercise_3_wants_the_states_and_their_gaps():
    assert say("recognition-3", GAPS).ok
    assert say("recognition-3", GAPS.to_dict()).ok
    assert say("recognition-3", pd.to_timedelta(GAPS, unit="D")).ok
    assert say("recognition-3", {"italy": 773, "britain": 1053}).ok  # a day either way: inclusive counting
    wrong_gap = say("recognition-3", {"italy": 700, "britain": 1052})
    assert wrong_gap.status == checks.WRONG and "1 gap(s)" in str(wrong_gap) and "773" not in str(wrong_gap)
    missing = say("recognition-3", {"italy": 773})
    assert missing.status == checks.WRONG and "britain" not in str(missing).lower()
    assert say("recognition-3", [773, 1052]).status == checks.UNREADABLE


def test_check_prints_one_line_and_returns_nothing(capsys):
    assert checks.check("recognition-1", ..., DATA) is None
    assert capsys.readouterr().out.startswith("recognition-1: … Not answered yet.")


def test_an_unknown_exercise_is_named():
    with pytest.raises(KeyError, match="no exercise called 'recognition-99'"):
        checks.verdict("recognition-99", 1, DATA)


def test_a_new_exercise_can_be_registered_and_a_broken_checker_is_caught():
    @checks.exercise("test-only-1", expects="a whole number")
    def _(answer, data):
        return checks.right() if checks.as_int(answer) == len(data.actors) else checks.wrong("Count the actors.")

    @checks.exercise("test-only-2", expects="anything")
    def _(answer, data):
        return True

    try:
        assert say("test-only-1", len(ACTORS)).ok
        assert str(say("test-only-1", 1)) == "✘ Not right yet. Hint: Count the actors."
        with pytest.raises(TypeError, match="not a Verdict"):
            say("test-only-2", 1)
        with pytest.raises(ValueError, match="registered twice"):
            checks.exercise("test-only-1", expects="x")(lambda a, d: checks.right())
    finally:
        checks.EXERCISES.pop("test-only-1")
        checks.EXERCISES.pop("test-only-2")


def test_the_kit_exports_check_and_loads_the_data_itself(capsys):
    kit.check("recognition-2", ["no-such-state"])
    assert "Not right yet" in capsys.readouterr().out
