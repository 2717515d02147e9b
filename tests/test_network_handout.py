"""Handout 2 against its own rows: every sign of its snapshot tables, and the key of lesson 2's formative check,
recomputed from the events the handout prints, with the network's sign rule. A class working on paper from
the handout reaches the signs the notebook draws."""

import re

import pandas as pd
import pytest

from breaking_isolation import network
from breaking_isolation.paths import kit_root

ROOT = kit_root()
HANDOUT = ROOT / "lessons" / "handouts" / "02-network-handout.md"
LESSON = ROOT / "lessons" / "02-network.md"
SNAPSHOTS = {"End of 1922": "1922-12-31", "31 May 1927 (the formative check)": "1927-05-31",
             "End of 1927": "1927-12-31"}
KEY_NAMES = {"Moscow": "RSFSR / USSR", "Britain": "Britain", "Germany": "Germany", "Nationalists": "Nationalists (KMT)",
             "Communists": "Communists (CCP)", "Beijing government": "Beijing government"}
KEY_SIGNS = {"+": "cooperative", "−": "hostile", "~": "mixed"}


def sections(text: str) -> dict[str, list[dict]]:
    """{### heading: [row as {column: cell}]} for every table under a level-3 heading."""
    found, heading, columns = {}, None, None
    for line in text.splitlines():
        if line.startswith("### "):
            heading, columns = line[4:].strip(), None
            found[heading] = []
        elif line.startswith("|") and heading is not None:
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            if columns is None:
                columns = cells
            elif not set(line) <= set("|-"):
                found[heading].append(dict(zip(columns, cells)))
    return found


def tie(one: str, other: str) -> frozenset:
    return frozenset((one, other))


def recomputed(tables: dict, when: str) -> dict[frozenset, str]:
    """Each tie's sign at `when` from the handout's own event rows (part B)."""
    signs = {}
    for heading, rows in tables.items():
        if " – " not in heading:
            continue
        rows = [r for r in rows if pd.Timestamp(r["Date"]) <= pd.Timestamp(when)]
        if rows:
            one, other = heading.split(" – ")
            signs[tie(one, other)] = network.sign_of([pd.Timestamp(r["Date"]) for r in rows], [r["Tone"] for r in rows],
                                                     when)
    return signs


@pytest.fixture(scope="module")
def tables():
    return sections(HANDOUT.read_text(encoding="utf-8"))


@pytest.mark.parametrize("snapshot", SNAPSHOTS)
def test_every_sign_in_the_handouts_tables_follows_from_its_own_rows(tables, snapshot):
    printed = {tie(r["One side"], r["Other side"]): r["Sign"] for r in tables[snapshot]}
    assert printed, snapshot
    again = recomputed(tables, SNAPSHOTS[snapshot])
    assert {t: again.get(t) for t in printed} == printed
    counted = {tie(r["One side"], r["Other side"]): int(r["Events"]) for r in tables[snapshot]}
    for pair, number in counted.items():  # the events column counts the rows of part B up to the date
        rows = next(rows for heading, rows in tables.items() if " – " in heading and tie(*heading.split(" – ")) == pair)
        assert sum(pd.Timestamp(r["Date"]) <= pd.Timestamp(SNAPSHOTS[snapshot]) for r in rows) == number, pair


@pytest.mark.guards("Lesson 2's formative key: the signs of six ties on 31 May 1927")
def test_the_formative_key_is_what_the_handout_gives_for_31_may_1927(tables):
    check = LESSON.read_text(encoding="utf-8").split("## Formative check")[1].split("\n## ")[0]
    key = re.findall(r"(Moscow|Nationalists)–(Britain|Germany|Communists|Beijing government|Nationalists) "
                     r"\*\*([+−~])\*\*", check.replace("\n", " "))
    assert len(key) == 6, key
    again = recomputed(tables, SNAPSHOTS["31 May 1927 (the formative check)"])
    for one, other, sign in key:
        assert again[tie(KEY_NAMES[one], KEY_NAMES[other])] == KEY_SIGNS[sign], (one, other)


@pytest.mark.guards("Handout 2: ARCOS and Krasin's trade agreement are on the Soviet side of the British tie")
def test_the_handout_counts_people_and_firms_for_the_side_they_belong_to(tables):
    britain = [r["Event id"] for r in tables["RSFSR / USSR – Britain"]]
    assert "1927-arcos-raid" in britain                       # ARCOS was a Soviet firm in London
    assert "1921-anglo-soviet-trade-agreement" in britain     # signed by Krasin for Soviet Russia
