"""What a student learning alone meets in the three notebooks, as the student edition and the working copies of
`make lab` show them: no exercise answered above itself, no teacher or teacher-only folder to turn to, plain words
where code words were, exercises in order, and the hard sentences made readable."""

import html
import re
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from breaking_isolation import china, china_charts, load, network, recognition

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "jupyter"))
import kit_server  # noqa: E402
import student_edition  # noqa: E402
from readability import grade  # noqa: E402

NAMES = ["00-start-here", "01-recognition", "02-network", "03-china"]


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    target = tmp_path_factory.mktemp("edition") / "student"
    student_edition.build_into(target)
    return {name: nbformat.read(target / "notebooks" / f"{name}.ipynb", as_version=4) for name in NAMES}


@pytest.fixture(scope="module")
def working_copies():
    view = kit_server.StudentView.of(ROOT)
    return {name: kit_server._student_copy(ROOT, ROOT / "notebooks" / f"{name}.ipynb", view) for name in NAMES}


@pytest.fixture(scope="module", params=["edition", "working copies"])
def student(request):
    """The notebooks as a student opens them: the student edition, or the working copies `make lab` makes."""
    return request.getfixturevalue(request.param.replace(" ", "_"))


FOLDED = re.compile(r"<details\b.*?</details>", re.DOTALL)  # what the student opens by choice (a solution)


def rows(cell) -> list[str]:
    """What the student reads in a cell, one row at a time: each line of prose, each row of a table, each printed
    line. What is folded away (<details>) is left out: the student opens it by choice."""
    texts = []
    if cell.cell_type == "markdown":
        texts.append(cell.source)
    for output in cell.get("outputs", []):
        texts.append(output.get("text", ""))
        for kind, value in output.get("data", {}).items():
            if kind in ("text/html", "text/markdown") or (kind == "text/plain" and "text/html" not in output["data"]):
                texts.append(value if isinstance(value, str) else "".join(value))
    found = []
    for text in texts:
        text = FOLDED.sub("", text)
        text = re.sub(r"<img[^>]*>", "", text)
        text = re.sub(r"</t[dh]>", " | ", text.replace("<tr>", "\n"))
        text = html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\xa0", " ")
        found += [line.strip() for line in text.splitlines() if line.strip()]
    return found


def cell_index(notebook, cell_id: str) -> int:
    return next(i for i, c in enumerate(notebook.cells) if c.get("id") == cell_id)


def exercise_start(notebook, check: str) -> int:
    """Where the exercise whose check is `check` begins: its heading, above its answer cell."""
    at = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and f'kit.check("{check}"' in c.source)
    return max(i for i, c in enumerate(notebook.cells[:at]) if c.cell_type == "markdown"
               and re.match(r"#+ Exercise", c.source))


def mentions(row: str, names: list[str]) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", row, re.IGNORECASE) for name in names)


# --- the keys, computed as the solutions compute them ---------------------------------------------------------


@pytest.fixture(scope="module")
def data():
    return load()


@pytest.fixture(scope="module")
def changes(data):
    events = data.events
    return recognition.standing_changes(events[events["kind"].isin(recognition.KINDS)].sort_values("date"),
                                        data.actors)


def _graph(data, end):
    return network.build(data.events, data.actors, start=network.START, end=end, keep=network.FOCUS)


def key_recognition_1(data, changes):
    """A whole number: states recognising Moscow de jure on the day of the British break. Shown if a table row
    puts it beside the day, or beside the year-ends that bracket it (1926 and 1927)."""
    counts = recognition.recognition_counts(changes)
    number = str(int(counts.loc[:"1927-05-26", "de_jure"].iloc[-1]))
    # ... or if a sentence (a figure's caption) gives it for the end of 1926 or 1927, or for the day itself
    said = re.compile(rf"\b{number} (?:at the end of|in|on) (?:1926|1927|26 May 1927)\b")
    return lambda row: (("|" in row and re.search(rf"\|\s*{number}\s*\|", f"| {row}")
                         and re.match(r"(26 May 1927|1926|1927)\b", row)) or bool(said.search(row)))


def key_recognition_2(data, changes):
    """The states whose relations were broken off: shown if rows that say "broken" name every one of them."""
    breaks = changes[changes["counted"] & (changes["kind"] == "relations_broken")]
    labels = changes.drop_duplicates("state").set_index("state")["label"]
    return {state: [state, labels[state]] for state in breaks["state"].unique()}, lambda row: "broken" in row


def key_network_1(data, changes):
    """The actors hostile to Moscow at the end of 1928: shown if rows that put Moscow and "hostile" together name
    every one of them."""
    G = _graph(data, network.SNAPSHOT_DATES["End of 1928"])
    hostile = [other for _, other, sign in G.edges("ussr", data="sign") if sign == "hostile"]
    return ({actor: [actor, G.nodes[actor]["label"]] for actor in hostile},
            lambda row: "hostile" in row.lower() and mentions(row, ["ussr", "Moscow", "RSFSR / USSR"]))


def key_network_2(data, changes):
    """A whole number of unbalanced triads at the end of 1926: shown if a table row puts it beside 1926."""
    number = str(int((~network.signed_triads(_graph(data, "1926-12-31"))["balanced"]).sum()))
    # A row labelled by a quarter ("1926Q2") is figure 4's count of ties by sign, not a count of triads.
    return lambda row: ("1926" in row and not re.match(r"\d{4}Q\d\b", row)
                        and re.search(rf"\|\s*{number}\s*\|", f"| {row}"))


def key_china_order(data, changes):
    """The turning points in order: shown if one cell names them all, by id or title, in that order."""
    turns = china_charts.numbered(china.lane_events(data.events, data.actors))
    return list(zip(turns["event_id"], turns["title"]))


def key_china_switch(data, changes):
    """The quarter the party face's tie to the Nationalists stopped being cooperative: shown if a row gives that
    quarter beside the Nationalists."""
    switches = china.switches(china.backing_by_quarter(data.events, data.actors))
    first = switches.query("side == 'Nationalists' and face == @china.PARTY and after != 'cooperative'").iloc[0]
    quarter = f"{first['quarter'].year} Q{first['quarter'].quarter}"
    return lambda row: quarter in row and "Nationalists" in row


EXERCISES = {"recognition-1": ("01-recognition", key_recognition_1),
             "recognition-2": ("01-recognition", key_recognition_2),
             "network-1": ("02-network", key_network_1),
             "network-2": ("02-network", key_network_2),
             "china-order": ("03-china", key_china_order),
             "china-switch": ("03-china", key_china_switch)}
# Exercises left out, and why: their answers are tables, series or many pairs computed by the student's own code
# (recognition-3, network-3, china-lanes, china-both), or claims the check reads for form only (the evidence
# exercises, china-speakers, china-conditions), so no table of the notebook can print them whole.


def shown_before(notebook, start: int, key) -> list[str]:
    """The cells above `start` that show `key`'s answer, by id."""
    shown = []
    for cell in notebook.cells[:start]:
        lines = rows(cell)
        if callable(key):
            hit = any(key(line) for line in lines)
        elif isinstance(key, tuple):  # items, and the rows that would state one
            items, stating = key
            named = {item for item, names in items.items() for line in lines if stating(line) and mentions(line, names)}
            hit = named == set(items)
        else:  # an order: every item named, in the key's order
            text = "\n".join(lines)
            places = [min((m.start() for name in item for m in re.finditer(re.escape(name), text)), default=-1)
                      for item in key]
            hit = -1 not in places and places == sorted(places)
        if hit:
            shown.append(cell.get("id"))
    return shown


@pytest.mark.parametrize("check", sorted(EXERCISES))
def test_no_exercise_key_is_shown_before_its_exercise(student, data, changes, check):
    name, make_key = EXERCISES[check]
    notebook = student[name]
    key = make_key(data, changes)
    assert shown_before(notebook, exercise_start(notebook, check), key) == [], (name, check)


def exercise_end(notebook, check: str) -> int:
    """Where the exercise whose check is `check` ends: at the next heading or figure after its check (what lies
    between, a solution or a table to check the answer against, is on the same screen as the exercise). A figure
    that comes after its question (notebook 1's exercise 2) is the evidence the question sends the student to."""
    at = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and f'kit.check("{check}"' in c.source)
    return next((i for i, c in enumerate(notebook.cells[at:], start=at)
                 if (c.cell_type == "markdown" and c.source.startswith("#"))
                 or any("image/svg+xml" in o.get("data", {}) for o in c.get("outputs", []))), len(notebook.cells))


def unfold(cell) -> bool:
    """Open a table's fold in `cell`'s stored output, as the student's click does; True if there was one."""
    opened = False
    for output in cell.get("outputs", []):
        shown = output.get("data", {}).get("text/html")
        if shown:
            unfolded = re.sub(r"^<details[^>]*><summary>.*?</summary>|</details>$", "", shown)
            opened |= unfolded != shown
            output.data["text/html"] = unfolded
    return opened


@pytest.mark.parametrize("check", sorted(EXERCISES))
def test_no_exercise_key_is_shown_beside_its_exercise(student, data, changes, check):
    """Between an exercise's question and the next heading, no table or caption shows the answer unfolded: a table
    that checks it waits behind a fold the student opens once they have tried."""
    name, make_key = EXERCISES[check]
    notebook = student[name]
    start, end = exercise_start(notebook, check), exercise_end(notebook, check)
    beside = nbformat.from_dict({**notebook, "cells": notebook.cells[start:end]})
    assert shown_before(beside, len(beside.cells), make_key(data, changes)) == [], (name, check)


def test_the_beside_test_finds_a_checking_table_left_unfolded(working_copies, data, changes):
    """Unfold the tables that check notebook 1's exercise 1, notebook 2's exercise 1 and notebook 3's exercises A
    and B: each is seen."""
    for name, check, table in (("01-recognition", "recognition-1", "c21"), ("02-network", "network-1", "c33"),
                               ("03-china", "china-order", "c09"), ("03-china", "china-switch", "c16")):
        notebook = nbformat.from_dict(working_copies[name])
        assert unfold(notebook.cells[cell_index(notebook, table)]), (name, table)  # it was folded
        start, end = exercise_start(notebook, check), exercise_end(notebook, check)
        beside = nbformat.from_dict({**notebook, "cells": notebook.cells[start:end]})
        assert table in shown_before(beside, len(beside.cells), EXERCISES[check][1](data, changes)), (name, table)


def test_the_leak_test_finds_a_key_shown_above_its_exercise(working_copies, data, changes):
    """Put notebook 2's end-of-1928 table back above exercise 1, and notebook 3's numbered turning points above
    exercise A: the test sees both."""
    for name, check, table in (("02-network", "network-1", "c33"), ("03-china", "china-order", "c09")):
        notebook = nbformat.from_dict(working_copies[name])
        cell = notebook.cells.pop(cell_index(notebook, table))
        unfold(cell)  # and opened: folded, it hides its rows wherever it stands
        start = exercise_start(notebook, check)
        notebook.cells.insert(start - 1, cell)
        assert table in shown_before(notebook, exercise_start(notebook, check), EXERCISES[check][1](data, changes))


# --- 2. a student alone: no teacher to ask, no folder they do not have ------------------------------------------


TEACHER_ONLY = re.compile(r"(?:\.\./)?(?:lessons/(?:0\d-[\w-]+\.md|keys/|README\.md)|\.\./README\.md)")
SENDS_TO_A_TEACHER = re.compile(r"your teacher has|ask your teacher|show it to your teacher|teacher has the "
                                r"(?:key|solutions)|lessons folder|your teacher judges", re.IGNORECASE)


def student_prose(notebook) -> str:
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


@pytest.mark.parametrize("name", NAMES)
def test_student_notebooks_mention_no_teacher_only_path_and_send_no_one_to_a_teacher(student, name):
    prose = student_prose(student[name])
    assert TEACHER_ONLY.findall(prose) == [], name
    assert SENDS_TO_A_TEACHER.findall(prose) == [], name


def test_the_teacher_notebooks_keep_their_lesson_links_in_teacher_cells():
    for name in ("02-network", "03-china"):
        notebook = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        teacher = [c for c in notebook.cells if "teacher" in c.metadata.get("tags", [])]
        assert any(TEACHER_ONLY.search(c.source) for c in teacher), name


def test_the_teacher_only_test_catches_a_lessons_link_and_a_teacher_with_the_key():
    assert TEACHER_ONLY.search("[lesson 5](../lessons/05-china.md)")
    assert not TEACHER_ONLY.search("[handout 3](../lessons/handouts/03-country-study-handout.md)")
    assert SENDS_TO_A_TEACHER.search("Write a paragraph; your teacher has the key.")


# --- 3. plain words in prose and tables --------------------------------------------------------------------------


RAW_ID = re.compile(r"\b(de_jure|de_facto|rsfsr)\b")
TYPE_NAMES = re.compile(r"\b(Series|DataFrame|dict|str|int|Graph|NoneType)\b")


def words_outside_code(markdown: str) -> str:
    """Prose as read, without code blocks, code spans, link targets and HTML."""
    text = re.sub(r"```.*?```", "", FOLDED.sub("", markdown), flags=re.DOTALL)
    text = re.sub(r"`[^`]*`", "", text)
    return re.sub(r"\]\([^)]*\)|<[^>]+>", "", text)


@pytest.mark.parametrize("name", NAMES)
def test_prose_names_no_raw_id_or_python_type(student, name):
    for cell in student[name].cells:
        if cell.cell_type == "markdown":
            said = words_outside_code(cell.source)
            assert not RAW_ID.search(said), (name, cell.get("id"), RAW_ID.search(said))
            assert not TYPE_NAMES.search(said), (name, cell.get("id"), TYPE_NAMES.search(said))


@pytest.mark.parametrize("name", NAMES)
def test_outputs_show_no_raw_standing_no_raw_id_of_moscow_and_no_literal_backtick(student, name):
    for cell in student[name].cells:
        for row in rows(cell) if cell.cell_type == "code" else []:
            assert "`" not in row, (name, cell.get("id"), row)  # Markdown's code mark, printed as it is
            if "|" in row:
                assert not RAW_ID.search(row), (name, cell.get("id"), row)


@pytest.mark.parametrize("name", NAMES)
def test_a_takeaway_question_names_what_it_asks_about(student, name):
    """After a table, "this figure" would point at the wrong thing: the question says which figure, or the table."""
    notebook = student[name]
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown" and cell.source.startswith("**What do you notice?**"):
            assert "this figure" not in cell.source
            named = re.search(r"about (figure (\d+)|the table above|the output above)", cell.source)
            assert named, cell.source
            above = next(c for c in reversed(notebook.cells[:index]) if c.cell_type == "code" and c.get("outputs"))
            shown = "\n".join(rows(above))
            if named.group(2):
                assert f"Figure {named.group(2)}." in shown, (name, cell.get("id"))
            elif "table" in named.group(1):
                assert "|" in shown and "Figure" not in shown, (name, cell.get("id"))


TERMS = {"Politburo": "politburo", "Wuhan": "wuhan-government", "Nanjing": "nanjing-government",
         "dual policy": "dual-policy", "Versailles": "versailles", "Ruhr": "ruhr",
         "Chinese Eastern Railway": "chinese-eastern-railway", "chargé d'affaires": "charge-d-affaires",
         "Northern Expedition": "northern-expedition", "triad": "triad", "Reichswehr": "reichswehr",
         "Borodin": "borodin", "Whampoa": "whampoa", "ARCOS": "arcos"}


@pytest.mark.parametrize("name", ["01-recognition", "02-network", "03-china"])
def test_a_term_is_linked_to_the_glossary_where_a_notebooks_prose_first_uses_it(student, name):
    for term, anchor in TERMS.items():
        for cell in student[name].cells:
            prose = FOLDED.sub("", cell.source) if cell.cell_type == "markdown" else ""
            found = re.search(rf"\b{re.escape(term)}\b", re.sub(r"\]\([^)]*\)", "]", prose), re.IGNORECASE)
            if found:
                assert f"glossary.md#{anchor})" in prose, (name, cell.get("id"), term)
                break


# --- 4. notebook 1: exercises in order, the states before Britain by date ---------------------------------------


def test_notebook_1s_exercises_come_in_their_order(student):
    notebook = student["01-recognition"]
    numbers = [int(m.group(1)) for c in notebook.cells if c.cell_type == "markdown"
               for m in [re.match(r"### Exercise (\d)", c.source)] if m]
    assert numbers == sorted(numbers) == [1, 2, 3, 4]


def test_the_states_before_britain_are_listed_by_the_date_of_their_act(student):
    notebook = student["01-recognition"]
    table = rows(notebook.cells[cell_index(notebook, "c44")])
    dates = [row.split("|")[0].strip() for row in table if re.match(r"(\d+ )?[A-Z][a-z]+ \d{4} \|", row)]
    parsed = [pd.to_datetime(text, format="mixed") for text in dates]
    assert len(parsed) >= 8 and parsed == sorted(parsed), dates
    assert any(row.startswith("June 1920 | Turkey") for row in table)


# --- 5. hard sentences, at grade 9 or below ---------------------------------------------------------------------


MAX_GRADE = 9


def plain(markdown: str) -> str:
    return re.sub(r"[`*#|]", "", re.sub(r"\]\([^)]*\)", "]", markdown)).replace("[", "").replace("]", "")


@pytest.mark.parametrize("name, cell_id", [("02-network", "c58"), ("02-network", "c34-body"),
                                           ("01-recognition", "c44-turkey"), ("03-china", "c05b"),
                                           ("01-recognition", "c06-body"), ("01-recognition", "c20"),
                                           ("01-recognition", "mongolia-rule"), ("01-recognition", "c08"),
                                           ("01-recognition", "c50"), ("02-network", "c26"), ("02-network", "c70"),
                                           ("02-network", "c87"), ("03-china", "c44")])
def test_the_rewritten_cells_read_at_grade_nine_or_below(name, cell_id):
    notebook = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    source = notebook.cells[cell_index(notebook, cell_id)].source
    assert grade(plain(source)) <= MAX_GRADE, (cell_id, grade(plain(source)))


def test_why_an_act_moves_nothing_reads_at_grade_nine_or_below(changes):
    reasons = changes.loc[~changes["counted"], "reason"]
    assert len(reasons) >= 2 and any("Mongolia" in r for r in reasons) and any("Nanjing" in r for r in reasons)
    for reason in reasons:
        assert grade(reason) <= MAX_GRADE, (reason, grade(reason))


def test_betweenness_is_explained_in_plain_words():
    notebook = nbformat.read(ROOT / "notebooks" / "02-network.ipynb", as_version=4)
    source = notebook.cells[cell_index(notebook, "c34-body")].source
    assert "shortest" in source and "broker" in source and "0" in source and "1" in source


# --- 6. the Northern Expedition: the Nationalists' campaign, not a blow at Moscow --------------------------------


def test_the_northern_expedition_is_said_to_be_aimed_at_whom_the_data_says(student, data):
    event = data.events.set_index("event_id").loc["1926-northern-expedition"]
    assert event["actor"] == "kmt" and event["tone"] == "hostile" and "Soviet advisers" in event["description"]
    notebook = student["03-china"]
    said = next(c.source for c in notebook.cells if c.cell_type == "markdown" and "Northern Expedition" in c.source)
    assert "Nationalists' campaign" in said and "Soviet advisers" in said and "not\nagainst Moscow" in said
    lane = china.lane_events(data.events, data.actors).set_index("event_id").loc["1926-northern-expedition"]
    assert lane["counterpart_lane"] in said.replace("\n", " ")
    # Every table that gives an event's tone says whom it was with or against.
    for cell in notebook.cells:
        header = next((row for row in rows(cell) if re.match(r"(Date|No\.|Lane) \|", row)), "")
        if "Tone" in header:
            assert "With or against" in header, cell.get("id")
