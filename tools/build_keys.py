"""Write the computed part of the keys to the lessons' fill-in tables (lessons/keys/fill-in-tables.md).

    PYTHONPATH=notebooks python tools/build_keys.py

Lesson 2's snapshot table asks, for each pair of the notebook's snapshots, which tie changed sign and which event
changed it. The answer moves with the data, so it is computed here from data/events.csv and written into the
key between two markers; the rest of the key (lessons 1 and 4) is the teacher's text, which
tests/test_fill_in_keys.py checks against the data and the documents. `make refresh` runs this.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import breaking_isolation as kit
from breaking_isolation import atomic, markup
from breaking_isolation.network_model import FOCUS, LABELS, build
from breaking_isolation.vocabulary import START

KEY = ROOT / "lessons" / "keys" / "fill-in-tables.md"
START_MARK = ("<!-- The snapshot key is written by tools/build_keys.py from data/events.csv: edit the data, "
              "not this text. -->")
END_MARK = "<!-- end of the snapshot key -->"
# Notebook 2's five snapshots (its cell "MOMENTS"; tests/test_fill_in_keys.py holds the two to each other), and the
# row of answer sheet 2's table 3 that asks about each step from one to the next.
MOMENTS = {"1922, after Rapallo": "1922-12-31", "1924, the year of recognitions": "1924-12-31",
           "11 April 1927, before the massacre": "1927-04-11", "31 May 1927, after the British break": "1927-05-31",
           "End of 1928": "1928-12-31"}
ROWS = ("End of 1922 → end of 1924", "End of 1924 → 11 April 1927", "11 April → 31 May 1927",
        "31 May 1927 → end of 1928")


def label(node: str) -> str:
    return LABELS.get(node, node).replace("\n", " ")


def sign_at(steps, day: str) -> str:
    """The tie's sign on `day` from its timeline; "no tie" before its first event."""
    signs = [sign for since, sign, _ in steps if since <= day]
    return signs[-1] if signs else "no tie"


def changes(data) -> dict[str, list[dict]]:
    """{row of the sheet: [each tie whose sign differs between the two snapshots, with the event that turned it]}."""
    days = list(MOMENTS.values())
    graph = build(data.events, data.actors, start=START, end=days[-1], keep=FOCUS)
    dates = dict(zip(data.events["event_id"], data.events["date"].dt.strftime("%Y-%m-%d")))
    found = {}
    for row, before, after in zip(ROWS, days, days[1:]):
        found[row] = []
        for u, v, edge in sorted(graph.edges(data=True), key=lambda e: (label(e[0]), label(e[1]))):
            steps, old, new = edge["timeline"], sign_at(edge["timeline"], before), sign_at(edge["timeline"], after)
            if old == new:
                continue
            inside = [s for s in steps if before < s[0] <= after]
            # the step after which the tie holds its new sign up to the second snapshot
            # (none when the sign turned only because older events weigh less each year)
            turn = next((s[0] for i, s in enumerate(inside) if all(t[1] == new for t in inside[i:])), None)
            ids = [i for i in edge["event_ids"].split(";") if before < dates[i] <= after]
            found[row].append({"tie": f"{label(u)} – {label(v)}", "before": old, "after": new,
                               "turning": [i for i in ids if dates[i] == turn],
                               "others": [i for i in ids if dates[i] != turn]})
    return found


def heading(number: int, row: str) -> str:
    """The key's heading for one row of the sheet's table (worded unlike the sheet, which students hold)."""
    words = row[0].lower() + row[1:]
    return f"**Row {number}: the ties that turned from the {words.replace(' → ', ' snapshot to the ')} snapshot**"


def snapshot_key(data) -> str:
    parts = []
    for number, (row, ties) in enumerate(changes(data).items(), start=1):
        lines = [heading(number, row), "", "| Tie | Sign before → after | Event that turned it | Other events on the tie "
                 "in between |", "|---|---|---|---|"]
        for t in ties:
            lines.append(f"| {markup.escape(t['tie'])} | {t['before']} → {t['after']} | "
                         + (", ".join(f"`{i}`" for i in t["turning"]) or "none: older events fade") + " | "
                         + (", ".join(f"`{i}`" for i in t["others"]) or "none") + " |")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def with_snapshot_key(text: str, data) -> str:
    start, end = text.index(START_MARK) + len(START_MARK), text.index(END_MARK)
    return text[:start] + "\n\n" + snapshot_key(data) + "\n\n" + text[end:]


def write_snapshot_key(data) -> bool:
    """Rewrite the snapshot key from the data; True when the file changed."""
    text = KEY.read_text(encoding="utf-8")
    new = with_snapshot_key(text, data)
    if new != text:
        atomic.write_text(KEY, new)
    return new != text


if __name__ == "__main__":
    print("rewrote" if write_snapshot_key(kit.load()) else "unchanged:", KEY.relative_to(ROOT))
