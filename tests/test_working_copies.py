"""Each learner's working copies (jupyter/kit_server.py) and what the stored notebooks show before a run."""

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from tornado.web import HTTPError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "jupyter"))
import execute_notebooks  # noqa: E402
import kit_server  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def run(coroutine):
    """Run a coroutine to the end in a thread of its own: a browser test in the same worker may hold a loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture
def kit(tmp_path):
    """A copy of the kit's notebooks and data package, as a clone has them."""
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "datapackage.json", tmp_path / "data" / "datapackage.json")
    return tmp_path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_working_copy_has_no_speaker_notes_or_teacher_cells_and_folds_each_solution(path):
    original = nbformat.read(path, as_version=4)
    copy = kit_server.working_version(original)
    solutions = [c for c in original.cells if "solution" in c.metadata.get("tags", [])]
    assert not any(c.metadata.get("slideshow", {}).get("slide_type") == "notes" for c in copy.cells)
    assert not any("Speaker notes" in c.source for c in copy.cells)
    folded = [c for c in copy.cells if "<details>" in c.source]
    assert len(folded) == len(solutions)
    for cell, solution in zip(folded, solutions):
        assert cell.cell_type == "markdown" and cell.id == solution.id  # Run All cannot open it
        assert cell.metadata["editable"] is False  # nor Enter on the selected cell (it would show the source)
        # named for its exercise, as the heading above it calls it, so Tab + screen reader say whose answer it is
        above = [h for c in original.cells[:original.cells.index(solution)] if c.cell_type == "markdown"
                 for h in kit_server.EXERCISE_HEADING.findall(c.source)]
        assert cell.source.startswith(f"<details>\n<summary>Solution to exercise {above[-1].split()[-1]}: "), cell.source[:80]
        assert solution.source.splitlines()[-1] in cell.source
        if solution.get("outputs"):  # what the solution gave when the kit last ran it: the answer, in words
            assert kit_server.SOLUTION_SAYS in cell.source and ("✔ Right" in cell.source or "◇" in cell.source)
    # Every other cell is kept as it is, links to the glossary aside.
    kept = [c for c in original.cells if c.metadata.get("slideshow", {}).get("slide_type") != "notes"
            and "teacher" not in c.metadata.get("tags", [])]
    assert not any("teacher" in c.metadata.get("tags", []) for c in copy.cells)  # lesson 3's verdicts stay out
    assert [c.id for c in kept] == [c.id for c in copy.cells]
    for cell in copy.cells:
        assert "](glossary.md" not in cell.source


def test_links_from_my_work_reach_the_glossary_and_the_other_notebooks():
    cell = nbformat.v4.new_markdown_cell("[de jure](glossary.md#de-jure-recognition), [next](01-recognition.ipynb), "
                                         "[a note](../data/documents/README.md), [top](#top)")
    copy = kit_server.working_version(nbformat.v4.new_notebook(cells=[cell]))
    assert copy.cells[0].source == ("[de jure](../notebooks/glossary.md#de-jure-recognition), "
                                    "[next](01-recognition.ipynb), [a note](../data/documents/README.md), [top](#top)")


def test_working_copies_are_made_once_and_never_overwritten(kit):
    made = kit_server.make_working_copies(kit)
    assert sorted(p.name for p in made) == [p.name for p in NOTEBOOKS]
    mine = kit / "my-work" / "00-start-here.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace("Breaking Isolation", "My notes"), encoding="utf-8")
    (kit / "my-work" / "01-recognition.ipynb").unlink()
    assert [p.name for p in kit_server.make_working_copies(kit)] == ["01-recognition.ipynb"]  # only the missing one
    assert "My notes" in mine.read_text(encoding="utf-8")


def test_the_originals_are_read_only_in_lab_and_copies_are_made_when_asked_for(kit, monkeypatch):
    monkeypatch.delenv(kit_server.LIFT, raising=False)
    monkeypatch.setenv("PYTHONPATH", "")
    manager = kit_server.KitContentsManager(root_dir=str(kit))
    original = (kit / "notebooks" / "00-start-here.ipynb").read_bytes()

    model = run(manager.get("my-work/00-start-here.ipynb"))  # a hub link asks before any copy exists
    assert model["writable"] is True and (kit / "my-work" / "02-network.ipynb").exists()
    assert str(kit / "notebooks") in kit_server.os.environ["PYTHONPATH"].split(kit_server.os.pathsep)
    assert run(manager.get("notebooks/00-start-here.ipynb", content=False))["writable"] is False
    with pytest.raises(HTTPError) as refused:
        run(manager.save({"type": "notebook", "content": model["content"]}, "notebooks/00-start-here.ipynb"))
    assert refused.value.status_code == 403 and "my-work/00-start-here.ipynb" in refused.value.log_message
    with pytest.raises(HTTPError):
        run(manager.delete_file("notebooks/glossary.md"))
    with pytest.raises(HTTPError):
        run(manager.rename_file("notebooks/01-recognition.ipynb", "notebooks/mine.ipynb"))
    assert (kit / "notebooks" / "00-start-here.ipynb").read_bytes() == original
    run(manager.save({"type": "notebook", "content": model["content"]}, "my-work/00-start-here.ipynb"))

    monkeypatch.setenv(kit_server.LIFT, "1")  # a maintainer editing the kit
    assert run(manager.get("notebooks/00-start-here.ipynb", content=False))["writable"] is True


def test_a_server_that_starts_again_still_gives_kernels_in_my_work_the_kits_package(kit, monkeypatch):
    kit_server.make_working_copies(kit)  # made by an earlier server, as on a hub the next day
    monkeypatch.setenv("PYTHONPATH", "")
    manager = kit_server.KitContentsManager(root_dir=str(kit))
    run(manager.get("notebooks/00-start-here.ipynb", content=False))
    assert kit_server.os.environ["PYTHONPATH"] == ""  # only the working copies' folder sets it
    run(manager.get("my-work/01-recognition.ipynb"))
    assert kit_server.os.environ["PYTHONPATH"].split(kit_server.os.pathsep) == [str(kit / "notebooks")]


def test_a_deleted_working_copy_comes_back_fresh_when_lab_shows_the_folder(kit, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "")
    manager = kit_server.KitContentsManager(root_dir=str(kit))
    run(manager.get("my-work/00-start-here.ipynb"))
    mine = kit / "my-work" / "00-start-here.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace("Breaking Isolation", "My notes"), encoding="utf-8")
    run(manager.delete_file("my-work/01-recognition.ipynb"))  # to start it over
    listing = run(manager.get("my-work"))
    assert "01-recognition.ipynb" in {item["name"] for item in listing["content"]}
    assert "My notes" in mine.read_text(encoding="utf-8")  # the other copies are left alone


def test_a_widget_cell_stores_a_sentence_saying_to_run_it():
    widget = {"model_id": "abc", "version_major": 2, "version_minor": 0}
    cell = nbformat.v4.new_code_cell("interact(...)", outputs=[nbformat.v4.new_output(
        "display_data", data={execute_notebooks.WIDGET: widget, "text/plain": "interactive(children=(IntSlider("})])
    notebook = nbformat.v4.new_notebook(cells=[cell])
    execute_notebooks.plain_widget_outputs(notebook)
    assert [o["data"]["text/plain"] for o in cell.outputs] == [execute_notebooks.RUN_TO_SEE.replace("**", "")]
    stored = nbformat.read(ROOT / "notebooks" / "02-network.ipynb", as_version=4)
    texts = [str(o.get("data", {})) for c in stored.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not any("interactive(children=" in t or execute_notebooks.WIDGET in t for t in texts)


@pytest.fixture
def whole_kit(kit):
    """The kit copy with what the student's view is decided by: the edition's setting, the lessons, the README."""
    shutil.copy(ROOT / kit_server.EDITION, kit / kit_server.EDITION)
    (kit / "tools").mkdir()
    for name in ("student_edition.py", "check_python.py"):
        shutil.copy(ROOT / "tools" / name, kit / "tools" / name)
    shutil.copytree(ROOT / "lessons", kit / "lessons")
    shutil.copy(ROOT / "README.md", kit / "README.md")
    shutil.copy(ROOT / "data" / "country-study-claims.csv", kit / "data" / "country-study-claims.csv")
    return kit


def _names(model) -> set[str]:
    return {entry["name"] for entry in model["content"]}


def test_the_student_view_leaves_out_plans_keys_and_the_teachers_notebooks(whole_kit, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "")
    kit_server.make_working_copies(whole_kit)  # as `make lab` does when it starts
    manager = kit_server.KitContentsManager(root_dir=str(whole_kit))
    key = next((whole_kit / "lessons" / "keys").glob("*.md")).relative_to(whole_kit).as_posix()

    root = _names(run(manager.get("")))
    assert {"my-work", "data", "lessons", "notebooks"} <= root and "README.md" not in root
    assert _names(run(manager.get("tools"))) == {"check_python.py"}  # what the edition holds of tools/
    lessons = _names(run(manager.get("lessons")))
    assert {"handouts", "answer-sheets", "packs", "adapted"} <= lessons
    assert not {"keys", "README.md", "01-recognition.md"} & lessons
    shown_notebooks = _names(run(manager.get("notebooks")))
    assert "glossary.md" in shown_notebooks and not any(n.endswith(".ipynb") for n in shown_notebooks)
    assert _names(run(manager.get("my-work"))) == {p.name for p in NOTEBOOKS}
    for hidden in (key, "lessons/keys", "lessons/01-recognition.md", "notebooks/01-recognition.ipynb", "README.md"):
        assert run(manager.is_hidden(hidden)), hidden  # Lab's contents API and /files/ answer 404 on this
        with pytest.raises(HTTPError) as missing:
            run(manager.get(hidden))
        assert missing.value.status_code == 404
    with pytest.raises(HTTPError):
        run(manager.save({"type": "file", "format": "text", "content": "x"}, "lessons/keys/mine.md"))

    # Lesson 3's verdicts: the claims are there, the verdict and reasoning columns empty, and not savable.
    claims = run(manager.get("data/country-study-claims.csv", format="text"))
    header, first = claims["content"].splitlines()[:2]
    assert header.startswith("claim_id,quote,verdict,reasoning") and ",holds," not in claims["content"]
    assert claims["writable"] is False
    with pytest.raises(HTTPError) as refused:
        run(manager.save({"type": "file", "format": "text", "content": claims["content"]},
                         "data/country-study-claims.csv"))
    assert refused.value.status_code == 403
    assert ",holds," in (whole_kit / "data" / "country-study-claims.csv").read_text(encoding="utf-8")

    # The working copies keep a plan's link words and lose its target; the glossary and documents stay linked.
    start = (whole_kit / "my-work" / "00-start-here.ipynb").read_text(encoding="utf-8")
    assert "../lessons/01-recognition.md" not in start and "../README.md" not in start
    assert "../notebooks/glossary.md" in start and "../data/documents/" in start

    teacher = kit_server.KitContentsManager(root_dir=str(whole_kit), teacher=True)  # make lab-teacher
    assert "keys" in _names(run(teacher.get("lessons"))) and not run(teacher.is_hidden(key))
    assert run(teacher.get(key))["content"] == (whole_kit / key).read_text(encoding="utf-8")
    assert ",holds," in run(teacher.get("data/country-study-claims.csv", format="text"))["content"]


def test_a_working_copy_asks_before_it_tells(whole_kit, monkeypatch):
    """In the student's view a figure's takeaway becomes the question, the computed one too (notebook 2's c31,
    which printed the answer of exercise 1), as in the student edition."""
    monkeypatch.setenv("PYTHONPATH", "")
    kit_server.make_working_copies(whole_kit)
    copy = nbformat.read(whole_kit / kit_server.WORK / "02-network.ipynb", as_version=4)
    computed = next(c for c in copy.cells if c.get("id") == "c31")
    assert computed.cell_type == "markdown" and computed.source.startswith("**What do you notice?**")
    shown = [str(o) for c in copy.cells for o in c.get("outputs", [])] + [c.source for c in copy.cells]
    assert not any("**Takeaway" in text for text in shown)


# An update of the kit: the student's copy stays, the new version is written beside it -------------------------


def _change_an_exercise(kit: Path, name: str, old: str, new: str) -> None:
    path = kit / "notebooks" / name
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if old in c.source)
    cell.source = cell.source.replace(old, new)
    nbformat.write(notebook, path)


def test_a_working_copy_records_the_version_it_was_made_from(kit):
    kit_server.make_working_copies(kit)
    for original in NOTEBOOKS:
        copy = kit / "my-work" / original.name
        made = nbformat.read(copy, as_version=4).metadata[kit_server.MADE_FROM]
        assert made["original"] == f"notebooks/{original.name}"
        assert made["version"] == kit_server.copy_version(copy)
        fresh = kit_server.working_version(nbformat.read(original, as_version=4))
        assert made["version"] == kit_server.version_of(fresh)
    assert kit_server.update_copies(kit) == []  # nothing changed: nothing to write


def test_an_updated_notebook_is_written_beside_the_students_copy_never_over_it(kit):
    kit_server.make_working_copies(kit)
    mine = kit / "my-work" / "01-recognition.ipynb"
    notebook = nbformat.read(mine, as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell("My answer: 24 states."))
    nbformat.write(notebook, mine)
    before = mine.read_bytes()

    _change_an_exercise(kit, "01-recognition.ipynb", "### Exercise 1", "### Exercise 1 (new wording)")
    written = kit_server.update_copies(kit)
    assert [p.name for p in written] == ["01-recognition (updated).ipynb"]
    assert mine.read_bytes() == before  # the student's copy, answers and all, is untouched
    updated = nbformat.read(written[0], as_version=4)
    assert "### Exercise 1 (new wording)" in "".join(c.source for c in updated.cells)
    assert "01-recognition.ipynb" in updated.cells[0].source and "nothing was written over it" in updated.cells[0].source
    notice = kit_server.update_notice(written)
    assert "my-work/01-recognition (updated).ipynb" in notice and "kept as they were" in notice

    assert kit_server.update_copies(kit) == []  # once is enough: the new version is already beside the copy
    _change_an_exercise(kit, "01-recognition.ipynb", "(new wording)", "(newer wording)")
    again = kit_server.update_copies(kit)
    assert [p.name for p in again] == ["01-recognition (updated 2).ipynb"]  # the first update is not overwritten
    assert "(new wording)" in written[0].read_text(encoding="utf-8")
    assert mine.read_bytes() == before


def test_a_copy_made_by_an_older_kit_gets_the_new_version_beside_it(kit):
    kit_server.make_working_copies(kit)
    old = kit / "my-work" / "03-china.ipynb"
    notebook = nbformat.read(old, as_version=4)
    del notebook.metadata[kit_server.MADE_FROM]  # as copies were made before they recorded their version
    nbformat.write(notebook, old)
    assert [p.name for p in kit_server.update_copies(kit)] == ["03-china (updated).ipynb"]


def test_a_copy_read_while_it_is_being_saved_gets_no_new_version_beside_it(kit):
    """Jupyter writes a save into the file itself; the file browser's listing of my-work/ in the same moment read
    half a notebook, took it for a copy from an older kit and wrote `NAME (updated).ipynb` though nothing had
    changed. A half-written copy is left alone, and the failed read is not remembered for that file's time."""
    kit_server.make_working_copies(kit)
    mine = kit / "my-work" / "01-recognition.ipynb"
    whole = mine.read_bytes()
    stamp = mine.stat().st_mtime_ns + 1_000_000
    mine.write_bytes(whole[: len(whole) // 2])  # the save half done
    os.utime(mine, ns=(stamp, stamp))
    assert kit_server.update_copies(kit) == []
    mine.write_bytes(whole)  # the save done, within the same tick of the clock
    os.utime(mine, ns=(stamp, stamp))
    assert kit_server.update_copies(kit) == []
    assert sorted(p.name for p in (kit / "my-work").iterdir()) == sorted(p.name for p in NOTEBOOKS)


def test_lab_writes_the_new_version_when_it_shows_my_work(kit, monkeypatch):
    """On a hub the kit is pulled again before the next lesson while the server runs: Lab's listing of my-work/
    brings the new version beside the copy."""
    monkeypatch.setenv("PYTHONPATH", "")
    manager = kit_server.KitContentsManager(root_dir=str(kit))
    run(manager.get("my-work"))
    _change_an_exercise(kit, "02-network.ipynb", "### Exercise 1", "### Exercise 1 (changed)")
    assert "02-network (updated).ipynb" in {item["name"] for item in run(manager.get("my-work"))["content"]}


def test_a_folded_solution_states_its_answer_in_words_computed_from_the_data():
    """A student who cannot run the solution's code still reads its answer: notebook 3's exercise B says its
    quarter, the one the data gives (china.party_turn), not only the code that finds it."""
    from breaking_isolation import china, load  # noqa: PLC0415

    data = load()
    quarter = china.quarter_name(china.party_turn(data.events, data.actors)["quarter"])
    copy = kit_server.working_version(nbformat.read(ROOT / "notebooks" / "03-china.ipynb", as_version=4))
    folded = next(c.source for c in copy.cells if "<details>" in c.source and "china-switch" in c.source)
    said = folded.split(kit_server.SOLUTION_SAYS)[-1]
    assert f"{quarter}. That is the quarter the table shows." in said, said
