"""Handout 1 agrees with its key by computation: the key's answers recomputed from the handout's own rows are
the answers the checks compute from the data."""

import re
from pathlib import Path

import pandas as pd

import breaking_isolation as kit
from breaking_isolation import recognition, recognition_exercises

HANDOUT = Path(__file__).resolve().parents[1] / "lessons" / "handouts" / "01-recognition-handout.md"


def handout_rows() -> pd.DataFrame:
    """Table A of the handout, as printed: one row per event."""
    text = HANDOUT.read_text(encoding="utf-8").split("## A. The events", 1)[1]
    lines = [line for line in text.split("\n## ", 1)[0].splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    return pd.DataFrame(rows, columns=header)


def _answers(changes: pd.DataFrame) -> tuple:
    de_jure = int(recognition.counts_at(recognition.recognition_counts(changes),
                                        recognition_exercises.exercise_1_day(changes))["de_jure"])
    return de_jure, recognition_exercises._broken_off(changes), recognition_exercises._gaps(changes).to_dict()


def test_the_keys_answers_follow_from_the_handouts_rows():
    data = kit.load()
    printed = handout_rows()
    assert len(printed) >= 30 and printed["Event id"].is_unique
    # The handout's rows, read with the kit's own rule, give the answers the key (the checks) gives.
    events = data.events[data.events["event_id"].isin(printed["Event id"])]
    from_handout = recognition.standing_changes(events, data.actors)
    from_data = recognition.standing_changes(data.events, data.actors)
    assert _answers(from_handout) == _answers(from_data)
    # And each printed row says what the data says: its kind and whether it counts.
    by_id = from_data.set_index("event_id")
    for _, row in printed.iterrows():
        kind = str(by_id.at[row["Event id"], "kind"])
        assert row["Kind"] in (recognition.KIND_LABELS.get(kind, ""), kind.replace("_", " ")), row["Event id"]
        counts = row["Counts?"].startswith("yes")
        assert counts == bool(by_id.at[row["Event id"], "counted"]), row["Event id"]
        # Establishing relations recognises in law: the printed recognition is the data's, so the exit ticket's
        # de jure events (Rapallo, Britain 1924) read as de jure on the handout.
        after = str(by_id.at[row["Event id"], "recognition_after"]).replace("_", " ")
        assert row["Recognition after"] == after, row["Event id"]
    assert set(printed.loc[printed["Event id"].isin(["1922-rapallo-treaty", "1924-britain-recognition"]),
                           "Recognition after"]) == {"de jure"}


def test_the_exit_tickets_sentence_is_the_country_studys_own():
    """Line 3 of the exit ticket asks about a sentence of the Country Study: the handout prints it whole, word for
    word from the stored text, and it holds the claim the key discusses."""
    from breaking_isolation import country_study
    section = HANDOUT.read_text(encoding="utf-8").split("## C. ", 1)[1]
    quoted = next(line for line in section.splitlines() if line.startswith("> ")).strip('> "')
    assert country_study.is_verbatim(quoted.replace("\\", ""), country_study.source_text())
    claims = {c.id: c for c in country_study.load_claims()}
    assert country_study.is_verbatim(claims["beginning-with-britain"].quote, quoted)


def test_the_check_fails_on_a_handout_missing_a_break():
    """The comparison can fail: a handout that dropped Britain's break of 1927 gives another key."""
    data = kit.load()
    printed = handout_rows()
    kept = printed[printed["Event id"] != "1927-britain-breaks-relations"]
    events = data.events[data.events["event_id"].isin(kept["Event id"])]
    assert _answers(recognition.standing_changes(events, data.actors)) != \
        _answers(recognition.standing_changes(data.events, data.actors))


def _day(text: str) -> str:
    """A printed date ("1924-08" for a month, "1924-08-12" for a day) as a sortable day: a month sorts first in it."""
    return text if len(text) == 10 else f"{text}-00"


def test_table_a_is_in_the_order_the_events_happened():
    """Sorted by the date each act was done (Turkey's relations of June 1920 among the 1920 rows), never by the
    later day from which an act counts."""
    dates = [_day(d) for d in handout_rows()["Date"]]
    assert dates == sorted(dates)


def year_counts_from_table_a(printed: pd.DataFrame, first: int, last: int) -> dict[int, tuple[int, int, int, int]]:
    """Table B recomputed from table A's printed rows by the handout's one rule: a row counts from its date, or from
    the later day its Counts? column gives; a row marked "no" never counts."""
    kinds = {label: kind for kind, label in recognition.KIND_LABELS.items()}
    steps = []
    for _, row in printed.iterrows():
        counts = row["Counts?"]
        if counts.startswith("no"):
            continue
        later = re.search(r"from (\d{4}-\d{2}-\d{2})", counts)
        steps.append((later.group(1) if later else _day(row["Date"]), row["State"], kinds[row["Kind"]]))
    standing: dict[str, tuple[str, str]] = {}
    table, steps = {}, sorted(steps, key=lambda s: s[0])
    for year in range(first, last + 1):
        for day, state, kind in [s for s in steps if s[0][:4] == str(year) or (year == first and s[0][:4] < str(year))]:
            standing[state] = recognition.next_standing(*standing.get(state, ("none", "none")), kind)
        values = list(standing.values())
        table[year] = (sum(r == "de_jure" for r, _ in values), sum(r == "de_facto" for r, _ in values),
                       sum(x == "established" for _, x in values), sum(x == "broken" for _, x in values))
    return table


def table_b() -> dict[int, tuple[int, int, int, int]]:
    text = HANDOUT.read_text(encoding="utf-8").split("## B. ", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in text.splitlines() if line.startswith("| 1")]
    return {int(cells[0]): tuple(int(c) for c in cells[1:]) for cells in
            ([c.strip() for c in line.strip("|").split("|")] for line in lines)}


def test_table_b_is_table_a_counted_by_the_rule_the_handout_prints():
    """One rule, printed above table B, turns table A into table B: a teacher or student counting table A's rows
    gets table B's numbers (Turkey's relations of 1920 count from the day Ankara became Turkey's government)."""
    text = HANDOUT.read_text(encoding="utf-8")
    assert "a row counts from its date, or from the later day its *Counts?* column gives" in text
    printed = table_b()
    assert list(printed) == list(range(1920, 1934))
    assert year_counts_from_table_a(handout_rows(), 1920, 1933) == printed
    # Every row that counts late says so, with a note that gives the reason.
    late = handout_rows()[handout_rows()["Counts?"].str.contains("from ")]
    assert list(late["Event id"]) == ["1920-turkey-relations"]
    assert "(note a)" in late.iloc[0]["Counts?"] and "a. Turkey" in text


def test_the_recount_fails_without_the_rule():
    """The recount can fail: read as counting from its own date, Turkey's row gives another table B."""
    printed = handout_rows()
    printed.loc[printed["Event id"] == "1920-turkey-relations", "Counts?"] = "yes"
    assert year_counts_from_table_a(printed, 1920, 1933) != table_b()


def test_every_row_cites_its_sources_by_short_references_to_the_list_that_names_them():
    """The Sources column gives numbers; the list at the end names each number's source id, so every source of
    every event is still one look away (and the handout prints on three pages, not seven)."""
    data = kit.load()
    text = HANDOUT.read_text(encoding="utf-8")
    listed = dict(re.findall(r"(\d+) ([\w.-]+)(?: ·|\n|$)", text.split("## Sources of table A", 1)[1]))
    events = data.events.set_index("event_id")
    for _, row in handout_rows().iterrows():
        numbers = set()
        for part in row["Sources"].split(", "):
            low, _, high = part.partition("–")
            numbers |= set(range(int(low), int(high or low) + 1))
        assert {listed[str(n)].replace("\\", "") for n in numbers} == set(events.at[row["Event id"], "source_ids"]), \
            row["Event id"]


def test_the_hooks_axes_hold_the_line_the_class_will_see():
    """The hook's axes (on the board and answer sheet 1) reach above the highest count of figures 1 and 2, so a
    class's sketch can reach where the line goes (27 states de jure by the end of 1933), and they agree."""
    root = HANDOUT.parents[2]
    plan = (root / "lessons" / "01-recognition.md").read_text(encoding="utf-8")
    sheet = (root / "lessons" / "answer-sheets" / "01-recognition-answer-sheet.md").read_text(encoding="utf-8")
    tops = [int(t) for t in re.findall(r"1920–1934,? (?:and )?0–(\d+) states", plan + sheet)]
    assert len(tops) == 2 and len(set(tops)) == 1, tops
    data = kit.load()
    changes = recognition.standing_changes(data.events, data.actors)
    highest = max(int(recognition.recognition_counts(changes)["any"].max()),
                  int(recognition.relations_counts(changes)["established"].max()))
    assert highest <= tops[0] <= highest + 10, (tops[0], highest)


def test_the_plan_does_not_promise_a_figure_handout_1_lacks():
    """Handout 1 is tables and text: the plan sends teachers to the notebook's printable handout for figure 1."""
    root = HANDOUT.parents[2]
    assert "![" not in HANDOUT.read_text(encoding="utf-8") and "<img" not in HANDOUT.with_suffix(".html").read_text()
    plan = (root / "lessons" / "01-recognition.md").read_text(encoding="utf-8")
    assert not re.search(r"handout 1, with [^.;]*figure \d", " ".join(plan.split())), "handout 1 has no figure"


def test_the_notes_name_each_government_with_its_article():
    """A note names a government as a sentence does: "an act of the Ankara government (Grand National Assembly)",
    never "an act of Ankara government"."""
    text = HANDOUT.read_text(encoding="utf-8")
    notes = text.split("**Notes.**", 1)[1].split("\n## ", 1)[0]
    actors = kit.load().actors
    governments = actors.loc[actors["kind"].astype(str) == "government", "name"]
    named = [name for name in governments if name in notes]
    assert named, notes
    before = {name: re.findall(rf"(\S+) {re.escape(name)}", notes) for name in named}
    assert all(words and set(words) == {"the"} for words in before.values()), before
