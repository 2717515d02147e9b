"""Traps a student met in the claim checks, and what the checks now say instead: words the check cannot read are
named (with the word a slip may be), and names and years outside the data are named as outside it."""

import pytest

import breaking_isolation as kit
from breaking_isolation import checks

DATA = kit.load()
RECOGNITION = ["1924-britain-recognition", "1927-britain-breaks-relations"]
CHINA = ["1926-canton-coup", "1927-shanghai-massacre"]


def claim(name, text, events):
    return checks.verdict(name, {"claim": text, "events": events}, DATA)


@pytest.mark.parametrize("text", ["The Republic of China was zorped by the Kuomintang in 1927.",
                                  "The Republic of China was glorbed by the Kuomintang zorp in 1927."])
def test_a_made_up_word_is_named_and_the_claim_is_not_called_readable(text):
    said = str(claim("network-evidence", text, CHINA))
    assert "one sentence the check can read" not in said
    assert "zorp" in said and ("could not read" in said or "cannot read" in said)


def test_misspelt_words_are_named_with_the_word_they_may_be():
    said = str(claim("recognition-evidence", "Britian broke relations in 1927 becuase of the Arcos raid.", RECOGNITION))
    assert "'Britian' (Britain?)" in said and "'becuase' (because?)" in said
    assert "say why as well" not in said


def test_names_and_years_outside_the_data_are_named_as_outside_it():
    said = str(claim("china-evidence", "The united front was no mistake because Mao won in 1949.", CHINA))
    assert "'Mao' and '1949'" in said and "outside the kit's data" in said
    assert "names nothing" not in said


def test_a_year_with_no_event_is_not_called_known():
    said = str(claim("recognition-evidence",
                     "Bargains and setbacks: Britain recognised the Soviets in 1924, and little changed by 1931.",
                     RECOGNITION))
    assert 1931 not in set(DATA.events["date"].dt.year)  # the trap's year: if the data gains one, choose another
    assert "'1931'" not in said and "no event in 1931" in said


def test_a_sound_claim_is_still_read():
    said = claim("recognition-evidence", "Britain broke off relations in 1927 because of the ARCOS raid, but it did "
                 "not withdraw its recognition.", RECOGNITION)
    assert said.status == checks.CHECKED and "one sentence the check can read" in str(said)


# --- hints that point the right way ---------------------------------------------------------------------------


def test_too_few_is_not_told_to_stop_adding_up_acts():
    from breaking_isolation import recognition, recognition_exercises
    changes = recognition.standing_changes(DATA.events, DATA.actors)
    right = int(recognition.counts_at(recognition.recognition_counts(changes),
                                      recognition_exercises.exercise_1_day(changes))["de_jure"])
    low, high = str(checks.verdict("recognition-1", right - 1, DATA)), str(checks.verdict("recognition-1", right + 1, DATA))
    assert "Too few" in low and "add up" not in low
    assert "Too many" in high and "add up" in high


def test_gaps_all_below_zero_say_the_subtraction_went_the_wrong_way():
    from breaking_isolation import recognition, recognition_exercises
    gaps = recognition_exercises._gaps(recognition.standing_changes(DATA.events, DATA.actors))
    said = str(checks.verdict("recognition-3", (-gaps).to_dict(), DATA))
    assert "All your gaps are below 0" in said and "wrong way" in said
    assert "The gap for" not in said


# --- the kit's own solutions pass the kit's own checks ----------------------------------------------------------


def _solutions():
    """Each folded claim-and-evidence solution of the notebooks: (exercise, the answer it sets), read from the
    notebook itself."""
    import ast
    import json
    import re

    found = []
    for notebook in sorted(kit.kit_root().joinpath("notebooks").glob("0*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            called = re.search(r'kit\.check\("(\w+-evidence)", answer\)', source)
            if cell["cell_type"] == "code" and source.startswith("# Solution") and called:
                tree = ast.parse(source)
                value = next(node.value for node in tree.body if isinstance(node, ast.Assign))
                found.append((called.group(1), ast.literal_eval(value)))
    return found


@pytest.mark.parametrize(("name", "answer"), _solutions(), ids=[n for n, _ in _solutions()])
def test_each_model_claim_passes_its_own_check_without_a_nag(name, answer):
    said = checks.verdict(name, answer, DATA)
    assert said.status == checks.CHECKED, str(said)
    assert "cite a second state" not in str(said) and "could not read" not in str(said)


def test_evidence_about_one_state_is_still_questioned_when_the_claim_is_about_the_whole_path():
    said = str(claim("recognition-evidence", "Moscow's path out of isolation was unsteady because relations broke "
                     "in 1927.", RECOGNITION))
    assert "cite a second state" in said


@pytest.mark.parametrize(("typed", "actor"), [("Jiang Jieshi", "chiang"), ("Guomindang", "kmt")])
def test_a_name_the_actors_note_gives_is_read(typed, actor):
    assert checks.names_of(DATA.actors).get(typed.lower()) == actor
