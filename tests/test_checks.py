"""Exercise checks say right, wrong with a hint, or not answered yet, and never print the answer."""

import re

import pandas as pd
import pytest

import breaking_isolation as kit
from breaking_isolation import checks, recognition, recognition_exercises

from test_recognition import ACTORS, events


class Data:  # what a checker reads: events and actors, as kit.load() gives them
    events = events()
    actors = ACTORS


DATA = Data()
CHANGES = recognition.standing_changes(DATA.events, DATA.actors)
DE_JURE_ON_THE_DAY = int(recognition.counts_at(recognition.recognition_counts(CHANGES),
                                            recognition_exercises.exercise_1_day(CHANGES))["de_jure"])
GAPS = recognition_exercises._gaps(CHANGES)


def say(name, answer) -> checks.Verdict:
    return checks.verdict(name, answer, DATA)


def test_the_hand_made_answers_are_what_they_should_be():
    assert DE_JURE_ON_THE_DAY == 5                        # Britain, Italy, Germany, Canada, China
    assert GAPS.to_dict() == {"italy": 773, "britain": 1052}


@pytest.mark.parametrize("name", ["recognition-1", "recognition-2", "recognition-3"])
def test_a_placeholder_is_not_answered_yet(name):
    for placeholder in (..., None):
        result = say(name, placeholder)
        assert result.status == checks.UNANSWERED and "Replace the ..." in str(result)


def test_exercise_1_right_wrong_and_unreadable():
    assert say("recognition-1", DE_JURE_ON_THE_DAY).ok
    assert say("recognition-1", pd.Series([DE_JURE_ON_THE_DAY])).ok   # counts.loc[...].tail(1)["de_jure"]
    assert say("recognition-1", float(DE_JURE_ON_THE_DAY)).ok
    for guess in (DE_JURE_ON_THE_DAY - 1, DE_JURE_ON_THE_DAY + 1, 0):
        result = say("recognition-1", guess)
        assert result.status == checks.WRONG and str(result).startswith("✘ Not right yet.\n  • ")
        assert not re.search(rf"(?<![\d-]){DE_JURE_ON_THE_DAY}(?![\d-])", str(result))  # the answer, as a number
    assert say("recognition-1", "many").status == checks.UNREADABLE
    assert say("recognition-1", "five").ok  # a count in words is read as the number it names (5, line 31)
    assert say("recognition-1", 5.5).status == checks.UNREADABLE


def test_exercise_2_accepts_ids_or_names_names_what_does_not_belong_and_never_the_missing():
    assert say("recognition-2", ["britain", "china"]).ok
    assert say("recognition-2", {"United Kingdom", "china"}).ok
    assert say("recognition-2", ["Britain", "CHINA"]).ok          # ids in any case
    assert say("recognition-2", ["UK", " China "]).ok             # a common name, a display name
    assert say("recognition-2", pd.Series(["china", "britain", "china"]).unique()).ok
    result = say("recognition-2", ["britain", "kmt"])
    assert result.status == checks.WRONG
    assert "'kmt' (Kuomintang) does not belong." in str(result) and "missing" in str(result)  # as typed, then named
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


def test_check_prints_the_verdict_on_one_line_and_each_point_as_a_bullet(capsys):
    assert checks.check("recognition-1", ..., DATA) is None
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "recognition-1: … Not answered yet." and lines[1].startswith("  • Replace the ...")


def test_feedback_names_types_in_plain_words():
    said = str(say("recognition-1", "many"))
    assert "a piece of text" in said and " str" not in said
    assert "a list of whole numbers" in str(say("recognition-1", [1, 2]))
    assert "a table" in str(say("recognition-2", pd.DataFrame({"a": [1]})))
    markdown = say("recognition-2", ["britain", "kmt"])._repr_markdown_()
    assert markdown.startswith("**✘ Not right yet.**") and "\n- 'kmt' (Kuomintang) does not belong." in markdown


def test_an_unknown_exercise_is_named():
    with pytest.raises(KeyError, match="no exercise called 'recognition-99'"):
        checks.verdict("recognition-99", 1, DATA)


def test_exercises_are_read_from_their_modules_not_registered_at_import():
    import types

    module = types.ModuleType("exercises_for_a_test")

    @checks.exercise("test-only-1", expects="a whole number")
    def counted(answer, data):
        return checks.right() if checks.as_int(answer) == len(data.actors) else checks.wrong("Count the actors.")

    @checks.exercise("test-only-2", expects="anything")
    def not_a_verdict(answer, data):
        return True

    @checks.exercise("test-only-3", expects="anything")
    def broken(answer, data):
        return {}["no such key"]  # a fault of the kit or its data

    module.counted, module.not_a_verdict, module.broken = counted, not_a_verdict, broken
    table = checks.collect([module])
    assert "test-only-1" not in checks.registry() and set(table) == {"test-only-1", "test-only-2", "test-only-3"}
    assert checks.verdict("test-only-1", len(ACTORS), DATA, table).ok
    assert str(checks.verdict("test-only-1", 1, DATA, table)) == "✘ Not right yet.\n  • Count the actors."
    with pytest.raises(TypeError, match="not a Verdict"):
        checks.verdict("test-only-2", 1, DATA, table)
    with pytest.raises(KeyError):  # never "cannot read your answer": the student did nothing wrong
        checks.verdict("test-only-3", 1, DATA, table)
    with pytest.raises(ValueError, match="defined twice"):
        checks.collect([module, module])


def test_a_broken_data_row_is_reported_not_blamed_on_the_student():
    class Broken:
        events = DATA.events.drop(columns=["kind"])
        actors = ACTORS
    with pytest.raises(KeyError):
        checks.verdict("recognition-1", 5, Broken())


def test_no_exercise_is_solved_by_one_call_to_the_kit():
    """Every public function of the kit's analysis modules, given the tables a student holds, is wrong."""
    import inspect

    from breaking_isolation import network

    held = {"changes": CHANGES, "events": DATA.events, "actors": DATA.actors, "data": DATA}
    tried = 0
    for module in (recognition, network):
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_"):
                continue
            parameters = [p for p in inspect.signature(function).parameters.values() if p.default is p.empty]
            if not parameters or not all(p.name in held for p in parameters):
                continue
            try:
                result = function(*(held[p.name] for p in parameters))
            except Exception:  # noqa: BLE001  (a function that needs more than the student's tables)
                continue
            tried += 1
            for exercise in ("recognition-1", "recognition-2", "recognition-3"):
                try:
                    said = say(exercise, result)
                except Exception:  # noqa: BLE001
                    continue
                assert not said.ok, f"kit.{module.__name__.split('.')[-1]}.{name} solves {exercise}"
    assert tried >= 4


def test_the_kit_exports_check_and_loads_the_data_itself(capsys):
    kit.check("recognition-2", ["no-such-state"])
    assert "Not right yet" in capsys.readouterr().out
