"""Write the computed part of the keys to the lessons' fill-in tables (lessons/keys/fill-in-tables.md), and the
snapshot dates wherever lesson 2's paper material names them.

    PYTHONPATH=notebooks python tools/build_keys.py

Lesson 2's snapshot table asks, for each pair of the notebook's snapshots, which tie changed sign and which event
changed it. The answer moves with the data, so it is computed here from data/events.csv and written into the
key between two markers; the rest of the key (lessons 1 and 4) is the teacher's text, which
tests/test_fill_in_keys.py checks against the data and the documents. The snapshots themselves are the package's
one list (network_model.SNAPSHOT_DATES): the rows of answer sheet 2's table 3 and the line of lesson 2's plan that
names them are written from it here too. `make refresh` runs this.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import breaking_isolation as kit
from breaking_isolation import atomic, markup
from breaking_isolation.network_model import FOCUS, LABELS, SNAPSHOT_DATES, build, snapshot_name, snapshot_steps
from breaking_isolation.vocabulary import START

KEY = ROOT / "lessons" / "keys" / "fill-in-tables.md"
SHEET = ROOT / "lessons" / "answer-sheets" / "02-network-answer-sheet.md"
PLAN = ROOT / "lessons" / "02-network.md"
START_MARK = ("<!-- The snapshot key is written by tools/build_keys.py from data/events.csv: edit the data, "
              "not this text. -->")
END_MARK = "<!-- end of the snapshot key -->"
SHEET_START = ("<!-- The rows are written by tools/build_keys.py from the snapshots of notebook 2 "
               "(network_model.SNAPSHOT_DATES): edit those, not this table. -->")
SHEET_END = "<!-- end of the snapshot rows -->"
PLAN_START = ("<!-- The snapshots are named by tools/build_keys.py from network_model.SNAPSHOT_DATES: edit those, "
              "not this line. -->")
PLAN_END = "<!-- end of the snapshots -->"
TRIANGLE_START = ("<!-- The triangle's key is written by tools/build_keys.py from data/events.csv and the snapshots: "
                  "edit those, not this table. -->")
TRIANGLE_END = "<!-- end of the triangle's key -->"
BRITAIN_START = ("<!-- The marking of Britain's steps is written by tools/build_keys.py from data/events.csv: edit the "
                 "data, not this text. -->")
BRITAIN_END = "<!-- end of the marking of Britain's steps -->"
BRITAIN = "britain"
PLAN_1 = ROOT / "lessons" / "01-recognition.md"
EXERCISES_START = ("<!-- The key to exercises 1-3 is written by tools/build_keys.py with the checks' own computation "
                   "(recognition_exercises.py) from data/: edit those, not this text. -->")
EXERCISES_END = "<!-- end of the key to exercises 1-3 -->"
PLAN_5 = ROOT / "lessons" / "05-china.md"
ORDER_START = ("<!-- The key to exercise A is written by tools/build_keys.py from data/events.csv "
               "(china_charts.lettered: numbered in date order,\nwith the letter figure 1 prints): edit the data, not this list. -->")
ORDER_END = "<!-- end of the key to exercise A -->"
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
# Answer sheet 2's table 4: Moscow, the Nationalists and the Communists, before and after April 1927. Moscow has two
# faces, the state and the Comintern; where the state has no tie yet, the Comintern's tie stands for Moscow.
TRIANGLE = ("kmt", "ccp")
FACES = ("ussr", "comintern")
TRIANGLE_FROM = "1927-04-11"       # the last snapshot before the Shanghai massacre: "before April 1927"
# Notebook 2's five snapshots, and the row of answer sheet 2's table 3 that asks about each step from one to the next.
MOMENTS = SNAPSHOT_DATES
ROWS = tuple(row for row, _, _ in snapshot_steps())


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


def _between(text: str, start_mark: str, end_mark: str, inside: str, where: Path) -> str:
    if start_mark not in text or end_mark not in text:
        raise ValueError(f"{where.relative_to(ROOT)}: the markers {start_mark!r} and {end_mark!r} are missing")
    start, end = text.index(start_mark) + len(start_mark), text.index(end_mark)
    return text[:start] + "\n" + inside + "\n" + text[end:]


def with_snapshot_key(text: str, data) -> str:
    return _between(text, START_MARK, END_MARK, "\n" + snapshot_key(data) + "\n", KEY)


def sheet_rows() -> str:
    """Answer sheet 2's table 3: one blank row per step from one snapshot to the next."""
    return "\n".join(["| From one snapshot to the next | Tie (one side – other side) | Sign before → after | Event id |",
                      "|---|---|---|---|", *(f"| {row} | | | |" for row in ROWS)])


def with_sheet_rows(text: str) -> str:
    return _between(text, SHEET_START, SHEET_END, sheet_rows(), SHEET)


def plan_line() -> str:
    """The plan's sentence that names the snapshots, as handout 2 and the sheet name them."""
    names = [snapshot_name(day) for day in SNAPSHOT_DATES.values()]
    return ("The snapshots, in notebook 2, handout 2's table A and answer sheet 2's table 3: "
            + ", ".join(names[:-1]) + f" and {names[-1]}.")


def with_plan_line(text: str) -> str:
    return _between(text, PLAN_START, PLAN_END, plan_line(), PLAN)


def _moscow_sign(graph, other: str) -> tuple[str, str]:
    """(Moscow's sign with `other`, the face it is read from): the state's tie, else the Comintern's."""
    for face in FACES:
        if graph.has_edge(face, other):
            return graph.edges[face, other]["sign"], label(face)
    return "no tie", "none"


def triangle_key(data) -> str:
    """The triangle's three sides at each snapshot from just before April 1927, and whether it is balanced."""
    days = [day for day in SNAPSHOT_DATES.values() if day >= TRIANGLE_FROM]
    graphs = [build(data.events, data.actors, start=START, end=day, keep=FOCUS) for day in days]
    nationalists, communists = TRIANGLE
    lines = ["| Side | " + " | ".join(snapshot_name(d) for d in days) + " |", "|---|" + "---|" * len(days)]
    verdicts = []
    for side, cells in (("Moscow – Nationalists", [_moscow_sign(g, nationalists) for g in graphs]),
                        ("Moscow – Communists", [_moscow_sign(g, communists) for g in graphs]),
                        ("Nationalists – Communists",
                         [((g.edges[nationalists, communists]["sign"] if g.has_edge(nationalists, communists)
                            else "no tie"), "") for g in graphs])):
        lines.append(f"| {side} | " + " | ".join(sign + (f" ({face})" if face else "") for sign, face in cells) + " |")
        verdicts.append([sign for sign, _ in cells])
    balance = []
    for signs in zip(*verdicts):
        if all(s in ("cooperative", "hostile") for s in signs):
            balance.append("balanced" if signs.count("hostile") % 2 == 0 else "unbalanced")
        else:
            balance.append("no verdict (a side is " + ", ".join(sorted({s for s in signs
                                                                        if s not in ("cooperative", "hostile")})) + ")")
    lines.append("| The triangle | " + " | ".join(balance) + " |")
    return "\n".join(lines)


def with_triangle_key(text: str, data) -> str:
    return _between(text, TRIANGLE_START, TRIANGLE_END, triangle_key(data), PLAN)


def write_triangle_key(data) -> bool:
    """Rewrite the plan's key to sheet 2's table 4 from the data; True when the plan changed."""
    return _rewrite(PLAN, lambda text: with_triangle_key(text, data))


def britain_steps(data):
    """Britain's steps in its standing with Moscow (recognition or relations), in date order: the rows of answer
    sheet 1's table 3."""
    from breaking_isolation import recognition  # noqa: PLC0415

    changes = recognition.standing_changes(data.events, data.actors)
    return changes[(changes["state"] == BRITAIN) & changes["counted"]]


def britain_marking(data) -> str:
    """The marking line of lesson 1's table 3, its count of steps from the data."""
    count = len(britain_steps(data))
    return (f"Secure: the {NUMBER_WORDS.get(count, count)} ids in order, recognition kept apart from relations in "
            "1927 and 1929, and a cause for each\nstep. Partly: the ids right but 1927 or 1929 read as a change of "
            "recognition. Not yet: ids missing or out of order.")


def with_britain_marking(text: str, data) -> str:
    return _between(text, BRITAIN_START, BRITAIN_END, britain_marking(data), KEY)


def exercise_answers(data) -> dict:
    """Notebook 1's exercises 1-3, answered by the computation their checks grade against (never typed)."""
    from breaking_isolation import recognition, recognition_exercises as ex  # noqa: PLC0415

    changes = recognition.standing_changes(data.events, data.actors)
    de_jure = int(recognition.counts_at(recognition.recognition_counts(changes), ex.exercise_1_day(changes))["de_jure"])
    return {"recognition-1": de_jure, "recognition-2": sorted(ex._broken_off(changes)),
            "recognition-3": ex._gaps(changes)}


def exercise_key(data) -> str:
    """The teacher's key to notebook 1's exercises 1-3: each answer, and for exercise 3 the dates behind each gap."""
    from breaking_isolation import recognition, recognition_exercises  # noqa: PLC0415

    answers = exercise_answers(data)
    changes = recognition.standing_changes(data.events, data.actors)
    counted = changes[changes["counted"]]
    names = dict(zip(counted["state"], counted["label"]))
    day = recognition_exercises.exercise_1_day(changes)
    broken = answers["recognition-2"]
    gaps = answers["recognition-3"]
    first = counted.groupby(["state", "recognition_after"], observed=True)["date_text"].first().unstack()
    lines = [f"Exercise 1 (`recognition-1`): **{answers['recognition-1']}** states recognised Moscow de jure on "
             f"{day.day} {day:%B %Y}, the day of Britain's break (the de jure line of figure 1 then).",
             "",
             f"Exercise 2 (`recognition-2`): **{_and([names[s] for s in broken])}** "
             f"({', '.join(f'`{s}`' for s in broken)}): the {NUMBER_WORDS.get(len(broken), len(broken))} states whose "
             "relations with Moscow were broken off by an act that counts (Nanjing's break of 1927 does not).",
             "",
             f"Exercise 3 (`recognition-3`): **{len(gaps)} states** went from de facto to de jure recognition, with "
             "these gaps (the check accepts a day either way):",
             "",
             "| State | First de facto | First de jure | Gap in days |",
             "|---|---|---|---|"]
    lines += [f"| {names[s]} (`{s}`) | {first.at[s, 'de_facto']} | {first.at[s, 'de_jure']} | {int(g)} |"
              for s, g in gaps.items()]
    return "\n".join(lines)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def with_exercise_key(text: str, data) -> str:
    return _between(text, EXERCISES_START, EXERCISES_END, exercise_key(data), PLAN_1)


def write_exercise_key(data) -> bool:
    """Rewrite lesson 1's key to notebook 1's exercises 1-3 from the data; True when the plan changed."""
    return _rewrite(PLAN_1, lambda text: with_exercise_key(text, data))


def order_key(data) -> str:
    """Lesson 5's exercise A: the turning points numbered in date order, as notebook 3's check has them, each with
    the letter figure 1 prints beside it (the figure's letters follow exercise A's shuffled list, not the dates)."""
    turns = kit.china_charts.lettered(kit.china.lane_events(data.events, data.actors))
    return "\n".join(f"{row.number}. `{row.event_id}` ({row.date_text}; figure 1's letter {row.letter}): "
                     f"{markup.escape(row.title)}" for row in turns.itertuples())


def write_order_key(data) -> bool:
    """Rewrite lesson 5's key to exercise A from the data; True when the plan changed."""
    return _rewrite(PLAN_5, lambda text: _between(text, ORDER_START, ORDER_END, order_key(data), PLAN_5))


def _rewrite(path: Path, change) -> bool:
    text = path.read_text(encoding="utf-8")
    new = change(text)
    if new != text:
        atomic.write_text(path, new)
    return new != text


def write_snapshot_material() -> list[Path]:
    """Rewrite sheet 2's table 3 and the plan's line of snapshots from SNAPSHOT_DATES; the files that changed."""
    return [path for path, change in ((SHEET, with_sheet_rows), (PLAN, with_plan_line)) if _rewrite(path, change)]


def write_snapshot_key(data) -> bool:
    """Rewrite the snapshot key from the data; True when the file changed."""
    return _rewrite(KEY, lambda text: with_britain_marking(with_snapshot_key(text, data), data))


if __name__ == "__main__":
    for path in write_snapshot_material():
        print("rewrote", path.relative_to(ROOT))
    data = kit.load()
    print("rewrote" if write_triangle_key(data) else "unchanged:", PLAN.relative_to(ROOT))
    print("rewrote" if write_snapshot_key(data) else "unchanged:", KEY.relative_to(ROOT))
    print("rewrote" if write_exercise_key(data) else "unchanged:", PLAN_1.relative_to(ROOT))
    print("rewrote" if write_order_key(data) else "unchanged:", PLAN_5.relative_to(ROOT))
