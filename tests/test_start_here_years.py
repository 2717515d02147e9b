"""Notebook 0 says which years the data covers from the data itself (one fact, one place): its prose names no
range of years, and the cell that loads the data prints the first and the last year of the events."""

import re
from pathlib import Path

import nbformat

import breaking_isolation as kit

NOTEBOOK = Path(__file__).parent.parent / "notebooks" / "00-start-here.ipynb"


def test_the_prose_types_no_range_of_years_and_the_load_cell_prints_the_datas():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    prose = " ".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert not re.search(r"\bfrom 1[89]\d\d to 1[89]\d\d\b", prose), "a range of years typed in notebook 0's prose"
    years = kit.load().events["date"].dt.year
    printed = " ".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert f"from {years.min()} to {years.max()}" in printed
