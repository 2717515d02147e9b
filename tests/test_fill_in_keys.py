"""The keys to the lessons' fill-in tables (lessons/keys/fill-in-tables.md), row by row, against what they rest on.

Every row of each table on the answer sheets has a key entry. A fact in a key (an event id, a year, a standing, a
sign, a field of a document's header) is recomputed here from data/events.csv or the document; a judgement
carries quotations, each found word for word in the document's stored source or in the event's description.
"""

import re

import nbformat
import pandas as pd
import pytest

import breaking_isolation as kit
from breaking_isolation import documents, network, recognition
from breaking_isolation.network_model import FOCUS, LABELS, event_pairs
from breaking_isolation.vocabulary import START

from verbatim import check

ROOT = kit.kit_root()
import build_keys  # noqa: E402
import build_packs  # noqa: E402

KEY = ROOT / "lessons" / "keys" / "fill-in-tables.md"
SHEETS = ROOT / "lessons" / "answer-sheets"
DATA = kit.load()
DOCS = {d.id: d for d in documents.load_documents(data=DATA)}
EVENTS = DATA.events.set_index("event_id")
QUOTE = re.compile(r"\"([^\"]+)\" \(((?:doc-)?[\w-]+)\)")


def section(text: str, heading: str) -> str:
    return text.split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]


def rows(text: str) -> list[dict[str, str]]:
    """The rows of the first Markdown table in `text`, as {column: cell}."""
    lines = []
    for line in text.splitlines():
        if line.startswith("|"):
            lines.append(line)
        elif lines:
            break
    cells = [[c.strip() for c in line.strip().strip("|").split(" | ")] for line in lines]
    return [dict(zip(cells[0], row)) for row in cells[2:]]


def sheet_rows(name: str, marker: str) -> list[dict[str, str]]:
    return rows((SHEETS / name).read_text(encoding="utf-8").split(marker, 1)[1])


def quoted_from(source_id: str) -> str:
    """The text a quotation rests on: a document's stored source (or its excerpt), or an event's description."""
    if source_id in DOCS:
        doc = DOCS[source_id]
        stored = ROOT / "data" / "documents" / doc.stored_text if doc.stored_text else None
        return stored.read_text(encoding="utf-8") if stored else doc.text
    return EVENTS.loc[source_id, "description"]


def quotations_hold(cell: str) -> list[str]:
    found = QUOTE.findall(cell)
    assert found, f"no quotation in {cell[:60]!r}"
    return [f"{source}: {problem}" for words, source in found for problem in check(words, quoted_from(source))]


@pytest.fixture(scope="module")
def key() -> str:
    return KEY.read_text(encoding="utf-8")


# --- lesson 1: Britain's five steps ------------------------------------------------------------------------------

def test_every_year_of_britains_table_has_a_key_row_with_the_datas_event_and_standings(key):
    keyed = {r["Year"]: r for r in rows(section(key, "Lesson 1"))}
    asked = [r["Year"] for r in sheet_rows("01-recognition-answer-sheet.md", "**3. Britain's five steps**")]
    assert asked == list(keyed), "every row of table 3 on answer sheet 1 needs a key row, in the same order"
    changes = recognition.standing_changes(DATA.events, DATA.actors)
    britain = changes[changes["state"] == "britain"]
    years = [d.year for d in britain["date"]]   # a year with two steps names each by its day, as the sheet does
    assert [str(d.year) if years.count(d.year) == 1 else f"{d.day} {d:%B} {d.year}" for d in britain["date"]] == asked
    for (_, step), year in zip(britain.iterrows(), asked):
        row = keyed[year]
        assert row["Event id"] == f"`{step['event_id']}`", year
        assert row["Recognition before → after"] == (f"{recognition.RECOGNITION_LABELS[step['recognition_before']]} → "
                                                     f"{recognition.RECOGNITION_LABELS[step['recognition_after']]}"), year
        assert row["Relations before → after"] == (f"{recognition.RELATIONS_LABELS[step['relations_before']]} → "
                                                   f"{recognition.RELATIONS_LABELS[step['relations_after']]}"), year


def test_every_why_in_britains_table_quotes_what_it_rests_on_word_for_word(key):
    for row in rows(section(key, "Lesson 1")):
        assert row["Why (model answer)"], row["Year"]
        assert quotations_hold(row["Rests on"]) == [], row["Year"]


def test_the_marking_of_britains_table_counts_britains_steps_from_the_data(key):
    """The key's "Secure: the N ids in order" is written from the data, and N is Britain's number of steps."""
    assert build_keys.with_britain_marking(key, DATA) == key, "run: python tools/build_keys.py (or make refresh)"
    changes = recognition.standing_changes(DATA.events, DATA.actors)
    steps = int((changes["counted"] & (changes["state"] == "britain")).sum())
    marking = re.search(r"Secure: the (\w+) ids in order", section(key, "Lesson 1"))
    assert marking and marking.group(1) == build_keys.NUMBER_WORDS[steps], (marking and marking.group(1), steps)


def test_every_count_of_britains_steps_in_the_lessons_and_notebooks_is_the_datas():
    """"Britain's five steps", wherever a plan, key, sheet or notebook says it, is the number the data gives."""
    changes = recognition.standing_changes(DATA.events, DATA.actors)
    steps = int((changes["counted"] & (changes["state"] == "britain")).sum())
    words = {w: n for n, w in build_keys.NUMBER_WORDS.items()}
    texts = [p for p in (ROOT / "lessons").rglob("*.md")] + sorted((ROOT / "notebooks").glob("*.ipynb"))
    found = []
    for path in texts:
        for word in re.findall(r"Britain's (\w+) (?:steps|events)", path.read_text(encoding="utf-8")):
            if word in words:
                found.append((path.name, word))
                assert words[word] == steps, (path.name, word, steps)
    assert found


def test_answer_sheet_1_does_not_give_the_count_its_ordering_question_asks_for():
    """Line (2) of "Without programming" asks students to order Britain's events: it names no number of them."""
    sheet = (SHEETS / "01-recognition-answer-sheet.md").read_text(encoding="utf-8")
    line = sheet.split("**Without programming**", 1)[1].split("**1.", 1)[0]
    second = line.split("(2)", 1)[1].split("(3)", 1)[0]
    assert not re.search(r"\b(two|three|four|five|six|seven|\d+) events\b", second), second


# --- lesson 2: the snapshot table --------------------------------------------------------------------------------

def test_the_snapshot_key_is_what_the_data_gives_now(key):
    assert build_keys.with_snapshot_key(key, DATA) == key, "run: make refresh"


def test_the_keys_snapshots_are_the_notebooks_and_every_row_of_the_sheet_is_keyed(key):
    notebook = nbformat.read(ROOT / "notebooks" / "02-network.ipynb", as_version=4)
    cell = next(c.source for c in notebook.cells if c.source.startswith("MOMENTS = "))
    assert cell.startswith("MOMENTS = kit.network.SNAPSHOT_DATES")   # the notebook reads the kit's one list
    assert build_keys.MOMENTS is network.SNAPSHOT_DATES
    sheet, plan = build_keys.SHEET.read_text(encoding="utf-8"), build_keys.PLAN.read_text(encoding="utf-8")
    assert build_keys.with_sheet_rows(sheet) == sheet, "run: python tools/build_keys.py (or make refresh)"
    assert build_keys.with_plan_line(plan) == plan, "run: python tools/build_keys.py (or make refresh)"
    asked = [r["From one snapshot to the next"] for r in sheet_rows("02-network-answer-sheet.md", "**3. Five snapshots.**")]
    assert asked == list(build_keys.ROWS)
    for number, row in enumerate(asked, start=1):
        assert f"\n{build_keys.heading(number, row)}\n" in section(key, "Lesson 2"), row


def test_every_sign_change_in_the_snapshot_key_recomputed_from_the_events(key):
    """Independently of the network's timelines: each tie's sign at both snapshots from its raw events."""
    pairs = event_pairs(DATA.events, DATA.actors)
    pairs = pairs[pairs["u"].isin(FOCUS) & pairs["v"].isin(FOCUS) & (pairs["date"] >= pd.Timestamp(START))]
    name = {n: LABELS[n].replace("\n", " ") for n in FOCUS}

    def sign(group, when):
        seen = group[group["date"] <= pd.Timestamp(when)]
        return network.sign_of(seen["date"], seen["tone"], when, seen["kind"]) if len(seen) else "no tie"

    text = section(key, "Lesson 2")
    days = list(build_keys.MOMENTS.values())
    for number, (row, before, after) in enumerate(zip(build_keys.ROWS, days, days[1:]), start=1):
        printed = {frozenset(r["Tie"].split(" – ")): r
                   for r in rows(text.split(build_keys.heading(number, row), 1)[1])}
        expected = {}
        for (u, v), group in pairs.groupby(["u", "v"]):
            old, new = sign(group, before), sign(group, after)
            if old != new:
                expected[frozenset((name[u], name[v]))] = (old, new, group)
        assert set(printed) == set(expected), row           # every tie that changed, and no other
        for tie, (old, new, group) in expected.items():
            assert printed[tie]["Sign before → after"] == f"{old} → {new}", (row, tie)
            turning = re.findall(r"`([\w-]+)`", printed[tie]["Event that turned it"])
            assert turning, (row, tie)
            for event_id in turning:   # after the turning event the tie holds its new sign to the snapshot
                day = group.loc[group["event_id"] == event_id, "date"].iloc[0]
                assert pd.Timestamp(before) < day <= pd.Timestamp(after), (row, tie, event_id)
                later = sorted(set(group.loc[(group["date"] >= day) & (group["date"] <= pd.Timestamp(after)), "date"]))
                assert all(sign(group, d) == new for d in later), (row, tie, event_id)
                earlier = group[(group["date"] > pd.Timestamp(before)) & (group["date"] < day)]
                assert earlier.empty or sign(group, earlier["date"].max()) != new, (row, tie, event_id)


# --- lesson 4: the sourcing grid ---------------------------------------------------------------------------------

def meant_to_do(doc) -> str:
    """What the document was meant to do, as its key gives it (the header says only what the document is)."""
    text = (ROOT / "lessons" / "keys" / f"{doc.id}.md").read_text(encoding="utf-8")
    found = re.search(r"\*\*What it was meant to do\*\* \([^)]*\): (.+?)(?: \*\*Who it was for|\n\n)", text, re.DOTALL)
    return " ".join(found.group(1).split()) if found else ""


def test_every_row_of_the_sourcing_grid_is_keyed_for_documents_a_and_b_from_their_headers(key):
    grid = {r["Row"]: r for r in rows(section(key, "Lesson 4"))}
    sheet = (SHEETS / "04-documents-answer-sheet.md").read_text(encoding="utf-8").split("**1. Sourcing**")[1]
    sheet = sheet.split("**2.")[0]
    asked = ["Author", "Date and place", "Audience", "Purpose", "How that shapes what it says"]
    assert all(f"{field}:" in sheet or f"| {field}" in sheet for field in asked) and list(grid) == asked
    a, b = build_packs.PACKS["04-documents"][1][:2]             # documents A and B of handout 4
    for column, doc in ((next(c for c in grid["Author"] if c.startswith("Document A")), DOCS[a]),
                        (next(c for c in grid["Author"] if c.startswith("Document B")), DOCS[b])):
        assert grid["Author"][column] == " ".join(doc.author.split())
        assert grid["Date and place"][column] == f"{documents.written_date(doc.date)}; {doc.place}"
        assert grid["Audience"][column] == " ".join(doc.audience.split())
        assert grid["Purpose"][column] == meant_to_do(doc)             # the key's, not the header's
        assert grid["Purpose"][column] != " ".join(doc.purpose.split())
        shapes = grid["How that shapes what it says"][column]
        assert set(QUOTE.findall(shapes)) and {s for _, s in QUOTE.findall(shapes)} == {doc.id}, column
        assert quotations_hold(shapes) == [], column


def test_a_changed_word_in_a_keys_quotation_is_caught():
    cell = '"to create the normal conditions of complete friendly relations" (doc-1924-british-note-of-recognition)'
    assert quotations_hold(cell) == []
    assert quotations_hold(cell.replace("complete", "full")) != []
    assert quotations_hold('"The new Labour government\'s envoy" (1924-britain-recognition)') != []


@pytest.mark.guards("Lesson 2's key to sheet 2's table 4: the triangle, unbalanced before April 1927, balanced after")
def test_the_triangle_key_is_what_the_data_gives_and_what_the_plan_says_of_it():
    plan = build_keys.PLAN.read_text(encoding="utf-8")
    assert build_keys.with_triangle_key(plan, DATA) == plan, "run: python tools/build_keys.py (or make refresh)"
    verdicts = next(r for r in rows(plan.split(build_keys.TRIANGLE_START)[1]) if r["Side"] == "The triangle")
    values = [v for k, v in verdicts.items() if k != "Side"]
    assert values[0] == "unbalanced" and values[-1] == "balanced", values   # what the plan's text says


# --- lesson 1: notebook 1's exercises 1-3 ----------------------------------------------------------------------------

def test_the_key_to_exercises_1_to_3_is_what_the_data_gives_now():
    plan = build_keys.PLAN_1.read_text(encoding="utf-8")
    assert build_keys.with_exercise_key(plan, DATA) == plan, "run: python tools/build_keys.py (or make refresh)"


def test_every_answer_of_the_key_to_exercises_1_to_3_is_right_by_the_students_check():
    """The key's answers, read back from the plan as printed, are what each exercise's check marks right."""
    from breaking_isolation import checks  # noqa: PLC0415

    plan = build_keys.PLAN_1.read_text(encoding="utf-8")
    key = plan.split(build_keys.EXERCISES_START, 1)[1].split(build_keys.EXERCISES_END, 1)[0]
    first = int(re.search(r"Exercise 1 \(`recognition-1`\): \*\*(\d+)\*\*", key).group(1))
    second = re.search(r"Exercise 2 \(`recognition-2`\): .*?\(((?:`[\w-]+`(?:, )?)+)\)", key).group(1)
    third = {r["State"].split("`")[1]: int(r["Gap in days"]) for r in rows(key)}
    assert f"**{len(third)} states**" in key
    for name, answer in (("recognition-1", first), ("recognition-2", re.findall(r"`([\w-]+)`", second)),
                         ("recognition-3", third)):
        verdict = checks.verdict(name, answer, DATA)
        assert verdict.ok, (name, answer, str(verdict))
    # and the check can say no: one state too few in exercise 2
    assert not checks.verdict("recognition-2", re.findall(r"`([\w-]+)`", second)[1:], DATA).ok
