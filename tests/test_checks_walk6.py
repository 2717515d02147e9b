"""What a student's walk through the kit found, as tests of the answers the walk table (tests/fixtures/walk/answers.csv)
cannot hold: tables a student builds with pandas, and the kit's own texts the checks' messages point at."""

import json
import re
from pathlib import Path

import breaking_isolation as kit
from breaking_isolation import checks, china, china_exercises
from breaking_isolation.documents import load_documents

ROOT = Path(__file__).resolve().parents[1]
DATA = kit.load()
LANES = china.lane_events(DATA.events, DATA.actors)
BY_YEAR = LANES.groupby(["lane", LANES["date"].dt.year]).size()


def test_empty_cells_of_a_table_are_told_to_be_filled_with_0_not_recounted():
    said = checks.verdict("china-lanes", BY_YEAR.unstack(), DATA)
    assert said.status == checks.WRONG, str(said)
    assert "fill_value=0" in str(said) and "empty (NaN)" in str(said) and "counts differ" not in str(said), str(said)


def test_a_dropped_year_is_named_not_counted_as_differing_counts():
    table = BY_YEAR.unstack(fill_value=0)
    first = table.columns[0]
    said = checks.verdict("china-lanes", table.drop(columns=[first]), DATA)
    assert said.status == checks.WRONG and f"no column for {first}" in str(said), str(said)
    assert "counts differ" not in str(said), str(said)


def test_a_count_off_by_one_is_still_a_count_that_differs():
    table = BY_YEAR.unstack(fill_value=0)
    table.iloc[0, 0] += 1
    assert "1 of the counts differ" in str(checks.verdict("china-lanes", table, DATA))


def test_the_word_of_each_claim_the_speakers_check_reads_is_in_the_notebooks_claim():
    """CLAIM_WORDS names the notebook's claim by a word of it: the claim in 03-china must hold that word."""
    cells = json.loads((ROOT / "notebooks" / "03-china.ipynb").read_text(encoding="utf-8"))["cells"]
    exercise = next("".join(c["source"]) for c in cells if "who would say it?" in "".join(c["source"]))
    for number, word in china_exercises.CLAIM_WORDS.items():
        claim = re.search(rf"^{number}\. (.+)$", exercise, re.M)
        assert claim and word in claim.group(1).lower(), (number, word)
        # and the data's debate says whose words they are, and for soviets which side rejected them
        documents = china_exercises._documents(DATA)
        assert china_exercises.own_words_of(DATA, documents, number, china_exercises.speakers(DATA.actors)), number
    assert china_exercises.rejected_by(DATA, 2)


def test_the_british_note_marks_the_number_the_kit_supplies():
    """The Telegraph prints paragraph 1 without its number and 2. to 5. with theirs: the kit's "1." is in square
    brackets, the kit's mark for words it supplies."""
    note = next(d for d in load_documents(data=DATA) if d.id == "doc-1924-british-note-of-recognition")
    assert "[1.] I have the honour" in note.text
    assert "\n2. In order" in note.text


def test_make_help_says_what_the_students_copies_hold():
    """The students' copies keep each solution, folded (jupyter/kit_server.py): `make help` must not say otherwise."""
    lab = next(line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines() if line.startswith("lab:"))
    assert "folded" in lab and "solutions in sight" not in lab, lab
