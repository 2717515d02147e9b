"""A student's walk through the exercises of notebooks 0 to 3, answering wrong on purpose, in silly ways, with slips,
swapped names, and right (tests/fixtures/walk/answers.csv): each answer, run through the check the notebook calls,
gets the verdict the table gives, with the words it gives. No wrong claim is passed, no true one refused for a
false reason; the table's `note` says what each answer tries."""

import ast
import contextlib
import csv
import io
from pathlib import Path

import pytest

import breaking_isolation as kit
from breaking_isolation import checks

DATA = kit.load()
TABLE = Path(__file__).parent / "fixtures" / "walk" / "answers.csv"


def _rows():
    with TABLE.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def said(exercise: str, answer) -> tuple[str, str]:
    """(verdict, what the student reads): notebook 0's "Your turn" prints; every other exercise is checked."""
    if exercise == "notebook-0":
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            shown = kit.events_in(DATA.events, *answer)
        return ("shown" if shown is not None else "refused"), printed.getvalue()
    verdict = checks.verdict(exercise, answer, DATA)
    return verdict.status, str(verdict)


@pytest.mark.parametrize("row", _rows(), ids=lambda row: f"{row['exercise']}: {row['note']}")
def test_each_answer_of_the_walk_gets_its_verdict(row):
    status, text = said(row["exercise"], ast.literal_eval(row["answer"]))
    assert status == row["expect"], text
    assert row["says"] in " ".join(text.split()), text


def test_the_walk_covers_every_exercise_of_notebooks_0_to_3():
    assert {row["exercise"] for row in _rows()} == set(checks.registry()) | {"notebook-0"}
    assert len(_rows()) >= 60
