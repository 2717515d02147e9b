"""A student may open the kit's notebooks themselves (on Binder, on a hub), not only their working copies: no
speaker note in notebooks/ gives an exercise's answer away. A note that would is kept whole in
lessons/speaker-notes/, and the deck shows it whole (build_slides.with_kept_notes)."""

import re
from pathlib import Path

import nbformat

import build_slides
import breaking_isolation as kit
from breaking_isolation import checks, network_exercises
from breaking_isolation.recognition import standing_changes
from breaking_isolation.recognition_exercises import _broken_off

ROOT = Path(__file__).parent.parent
DATA = kit.load()


def _answers() -> dict[str, set[str]]:
    """Each notebook's list answers, as the names a note would use."""
    labels = checks.actor_labels(DATA.actors)
    graph = network_exercises._snapshot(DATA, "1928")
    hostile = {n for n in graph["ussr"] if graph.edges["ussr", n]["sign"] == "hostile"}
    return {"01-recognition": {labels[s] for s in _broken_off(standing_changes(DATA.events, DATA.actors))},
            "02-network": {labels.get(a, a) for a in hostile}}


def _notes(notebook) -> list[str]:
    return [c.source for c in notebook.cells if build_slides.slide_type(c) == "notes"]


def _names(text: str, name: str) -> bool:
    short = {"United Kingdom": "Britain", "United States of America": "United States"}.get(name, name)
    return re.search(rf"\b{re.escape(short.split(' (')[0])}\b", text) is not None


def test_no_speaker_note_of_the_notebooks_names_a_whole_answer():
    for stem, answer in _answers().items():
        notebook = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
        for note in _notes(notebook):
            assert not all(_names(note, name) for name in answer), (stem, note[:200])


def test_the_deck_keeps_the_whole_note():
    notebook = nbformat.read(ROOT / "notebooks" / "01-recognition.ipynb", as_version=4)
    whole = _notes(build_slides.with_kept_notes(notebook, "01-recognition"))
    answer = _answers()["01-recognition"]
    assert any(all(_names(note, name) for name in answer) for note in whole)
    assert len(whole) == len(_notes(notebook))  # the same notes, one of them whole


def test_a_kept_note_for_a_cell_that_is_no_note_is_an_error(tmp_path):
    (tmp_path / "x.md").write_text("<!-- cell: nowhere -->\nA note.\n", encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T")])
    try:
        build_slides.with_kept_notes(notebook, "x", tmp_path)
    except ValueError as problem:
        assert "nowhere" in str(problem)
    else:
        raise AssertionError("a kept note for no notes cell was dropped quietly")
