"""The path a student walks alone through the notebooks: a copy saved in a folder of their own still finds the
kit's package, a line by each setup cell says to run from the top, figure 2 of notebook 3 keys only what it
draws, jargon is explained, notebook 2 says when Britain's tie turned as the data has it, the decks point at
the right slide, and notebook 0's "Your turn" answers a year and a tone as the student types them."""

import json
import re
import shutil
from pathlib import Path

import matplotlib
import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

import breaking_isolation as kit
from breaking_isolation import china, china_charts, network

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["00-start-here", "01-recognition", "02-network", "03-china"]


def notebook(name: str):
    return nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)


def setup_cell(nb):
    return next(c for c in nb.cells if c.cell_type == "code" and "import breaking_isolation as kit" in c.source)


def run_alone(source: str, where: Path):
    """`source` as one cell, in a fresh kernel started in `where`, with no PYTHONPATH: as a notebook saved there."""
    one = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    one.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(one, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(where)}}).execute()
    return one.cells[0]


# --- 1. a copy saved in a folder of the student's own ----------------------------------------------------------


@pytest.fixture(scope="module")
def kit_copy(tmp_path_factory):
    """A copy of the kit's notebooks and data, with a folder of the student's own in it and one outside it."""
    base = tmp_path_factory.mktemp("copy")
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
    for folder in ("notebooks", "data"):
        shutil.copytree(ROOT / folder, base / "kit" / folder, ignore=ignore)
    (base / "kit" / "answers" / "week 2").mkdir(parents=True)
    (base / "elsewhere").mkdir()
    return base


@pytest.fixture()
def no_pythonpath(monkeypatch):
    monkeypatch.delenv("PYTHONPATH", raising=False)


@pytest.mark.parametrize("name", NAMES)
def test_the_setup_cell_finds_the_kits_package_from_a_folder_of_the_students_own(kit_copy, no_pythonpath, name):
    source = setup_cell(notebook(name)).source + "\nprint(kit.__file__)"
    ran = run_alone(source, kit_copy / "kit" / "answers" / "week 2")
    printed = "".join(o.get("text", "") for o in ran.outputs)
    assert str(kit_copy / "kit" / "notebooks" / "breaking_isolation") in printed, printed


def test_outside_the_kit_the_setup_cell_says_where_to_open_the_notebook(kit_copy, no_pythonpath):
    with pytest.raises(CellExecutionError) as failed:
        run_alone(setup_cell(notebook("00-start-here")).source, kit_copy / "elsewhere")
    said = str(failed.value)
    assert "No module named 'breaking_isolation'" in said and "my-work/" in said, said[-600:]


def test_the_setup_cells_name_no_folder_of_this_machine():
    for name in NAMES:
        source = setup_cell(notebook(name)).source
        assert str(ROOT) not in source and not re.search(r"['\"](/|[A-Z]:\\)", source), (name, source)


# --- 2. run from the top ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES[1:])
def test_the_setup_cell_has_a_line_that_says_to_run_from_the_top(name):
    cells = notebook(name).cells
    at = cells.index(setup_cell(notebook(name)))
    above = cells[at - 1]
    assert above.cell_type == "markdown" and "Run → Run All Cells" in above.source, above.source
    assert "not defined" in above.source and "from the top" in above.source


def test_the_start_page_says_to_run_from_the_top_too():
    assert any("Run All Cells" in c.source and "from the top" in c.source for c in notebook("00-start-here").cells
               if c.cell_type == "markdown")


# --- 4. notebook 3's figure 2: its key names the fills it draws ---------------------------------------------------


def _key_labels(fig) -> list[str]:
    return [t.get_text() for legend in fig.legends for t in legend.get_texts()]


@pytest.fixture(scope="module")
def live():
    return kit.load()


def test_figure_2s_key_names_only_the_ties_it_draws(live):
    backing = china.backing_by_quarter(live.events, live.actors)
    fig = china_charts.backing_grid(backing, china.recognised_by_quarter(live.actors))
    labels = _key_labels(fig)
    matplotlib.pyplot.close(fig)
    # the ties' fills, then one entry per recognised government's fill (the top row's strips)
    ties = [label for label in labels if not label.startswith("recognised government: ")]
    assert ties == [china_charts.TIE_KEY[t] for t in china_charts.TIE_KEY if t in set(backing["tie"])], labels
    assert ("mixed" in labels) == ("mixed" in set(backing["tie"]))
    held = china.recognised_by_quarter(live.actors)
    assert labels[len(ties):] == [f"recognised government: {name.split(' ')[0]}" for name in dict.fromkeys(held[held != ""])]


def test_a_mixed_tie_drawn_gets_its_entry_in_the_key(live):
    backing = china.backing_by_quarter(live.events, live.actors)
    backing.loc[backing.index[backing["tie"] == "cooperative"][0], "tie"] = "mixed"
    fig = china_charts.backing_grid(backing, china.recognised_by_quarter(live.actors))
    assert "mixed" in _key_labels(fig)
    matplotlib.pyplot.close(fig)


def test_notebook_3_says_no_fill_that_figure_2_may_not_draw():
    cell = next(c for c in notebook("03-china").cells if c.get("id") == "c13b")
    assert "key under the figure" in cell.source and "orange" not in cell.source


# --- 5. jargon ----------------------------------------------------------------------------------------------------


def test_no_notebook_says_swimlane():
    for name in NAMES:
        for cell in notebook(name).cells:
            text = cell.source + json.dumps(cell.get("outputs", []))
            assert "swimlane" not in text.lower(), (name, cell.get("id"))


# --- 6. notebook 2: when Britain's tie turned, as the data has it ------------------------------------------------


def test_sign_since_is_the_first_step_of_the_ties_last_run(live):
    graph = network.build(live.events, live.actors, start=network.START, end="1928-12-31", keep=network.FOCUS)
    for u, v, steps in graph.edges(data="timeline"):
        sign, since = network.sign_since(graph, u, v)
        days = [day for day, _, _ in steps]
        at = days.index(since.strftime("%Y-%m-%d"))
        assert sign == steps[-1][1] and all(s == sign for _, s, _ in steps[at:]), (u, v)
        assert at == 0 or steps[at - 1][1] != sign, (u, v)


def test_notebook_2_says_when_britains_tie_turned_as_the_data_has_it(live):
    graph = network.build(live.events, live.actors, start=network.START, end="1928-12-31", keep=network.FOCUS)
    sign, since = network.sign_since(graph, "britain", "ussr")
    nb = notebook("02-network")
    takeaway = next(c for c in nb.cells if c.get("id") == "c44")
    shown = "".join(o.get("data", {}).get("text/markdown", "") for o in takeaway.outputs)
    assert "takeaway" in takeaway.metadata.get("tags", [])
    assert f"Britain was {sign} from {kit.written_date(since)}" in shown, shown
    prose = " ".join(" ".join(c.source.split()) for c in nb.cells if c.cell_type == "markdown")
    assert not re.search(r"from 1927[^.]*Britain|Britain[^.]*hostile from 1927", prose)


# --- 7. the decks: "(below)" only where the next part is on the same slide ----------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_no_slide_says_below_of_what_the_next_slide_shows(name):
    shown = [c for c in notebook(name).cells
             if c.metadata.get("slideshow", {}).get("slide_type", "-") not in ("skip", "notes")]
    for cell, following in zip(shown, shown[1:]):
        if cell.cell_type == "markdown" and "(below)" in cell.source:
            assert following.metadata["slideshow"].get("slide_type") not in ("slide", "subslide"), cell.get("id")


def test_the_network_decks_opening_slide_names_where_the_sign_rule_is():
    cells = notebook("02-network").cells
    body = next(c for c in cells if c.get("id") == "c02-body").source
    heading = next(c for c in cells if c.get("id") == "c02-sign").source.splitlines()[0].lstrip("# ")
    assert "(below)" not in body and f'"{heading}"' in " ".join(body.split()), (heading, body)


# --- 8. notebook 0's "Your turn": the cell answers a year in quotes or a tone with a capital ----------------------


def test_your_turn_tells_a_student_who_types_hostile_or_1924_in_quotes_what_to_write(live, capsys):
    """The cell as notebook 0 stores it, run with the student's spellings: never a silent 0 rows."""
    cell = next(c for c in notebook("00-start-here").cells if c.get("id") == "c17")
    assert "kit.events_in(events, year, tone)" in cell.source
    for year, tone in (('"1924"', '"cooperative"'), ("1924", '"Hostile"')):
        source = cell.source.replace("year = 1924 ", f"year = {year} ").replace('tone = "cooperative"', f"tone = {tone}")
        exec(source, {"kit": kit, "events": live.events})
        said = capsys.readouterr().out
        assert said and not said.startswith("0 "), (year, tone, said)
