"""Each state's standing with Moscow over time: none, de facto or de jure.

    changes = recognition.standing_changes(events, actors)   # one row per recognition event with Moscow
    counts = recognition.step_counts(changes)                 # states at each standing, after each date
    firsts = recognition.first_recognitions(changes)          # each state's first recognition

"Moscow" is the Soviet state: `rsfsr` before 30 December 1922, `ussr` after, and any actor that belongs to
either (a Soviet envoy, say). The other side of an event is mapped to its state through `actors.belongs_to`
(the Beijing government and the Nationalist party both count for China). How each kind moves a standing
(data/README.md, "Kinds"):

| kind | standing after |
|---|---|
| `de_facto_recognition` | de facto, unless it was de jure already |
| `de_jure_recognition`, `relations_treaty`, `restoration` | de jure |
| `rupture` | none |
"""

from __future__ import annotations

import pandas as pd

from . import checks
from .vocabulary import RECOGNITION_KINDS

KINDS = RECOGNITION_KINDS
MOSCOW = ("rsfsr", "ussr")
STANDINGS = ("none", "de_facto", "de_jure")
STANDING_LABELS = {"none": "no relations", "de_facto": "de facto", "de_jure": "de jure"}
KIND_LABELS = {
    "relations_treaty": "treaty establishing relations", "de_facto_recognition": "de facto recognition",
    "de_jure_recognition": "de jure recognition", "rupture": "relations broken off",
    "restoration": "relations restored",
}


def next_standing(current: str, kind: str) -> str:
    """A state's standing with Moscow after an event of `kind`."""
    if kind == "de_facto_recognition":
        return "de_jure" if current == "de_jure" else "de_facto"
    if kind in ("de_jure_recognition", "relations_treaty", "restoration"):
        return "de_jure"
    if kind == "rupture":
        return "none"
    raise ValueError(f"kind {kind!r} does not change a standing; recognition kinds are {', '.join(KINDS)}")


def state_of(actors: pd.DataFrame) -> dict[str, str]:
    """{actor_id: the state it is or belongs to}, following belongs_to up to an actor of kind `state`.

    Actors that belong to no state (the Comintern, a firm with no belongs_to) are left out.
    """
    parent = dict(zip(actors["actor_id"], actors["belongs_to"]))
    kind = dict(zip(actors["actor_id"], actors["kind"].astype(str)))
    found = {}
    for actor in parent:
        seen, current = set(), actor
        while current and current not in seen and kind.get(current) != "state":
            seen.add(current)
            current = parent.get(current, "")
        if current and kind.get(current) == "state":
            found[actor] = current
    return found


def standing_changes(events: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """One row per recognition event between Moscow and a state, in date order, with the standing before and after.

    Events of other kinds, recognition events that do not involve Moscow, and Moscow's own recognitions of
    other states (actor Moscow, kind de_facto_recognition or de_jure_recognition) are left out. Columns:
    date, date_text, event_id, kind, state, name, label (the name without a bracketed note), region,
    standing_before, standing_after.
    An event whose other side is not a state and belongs to none raises a ValueError naming it.
    """
    states = state_of(actors)
    recognition = events[events["kind"].astype(str).isin(KINDS)]
    actor_moscow = recognition["actor"].map(states).isin(MOSCOW)
    counterpart_moscow = recognition["counterpart"].map(states).isin(MOSCOW)
    for both in recognition.loc[actor_moscow & counterpart_moscow, "event_id"]:
        raise ValueError(f"events.csv, event {both!r}: a recognition event with Moscow on both sides")
    # Moscow recognising another state is not that state recognising Moscow; treaties, ruptures and
    # restorations bind both sides, whoever the data names as actor.
    one_way = recognition["kind"].astype(str).isin(("de_facto_recognition", "de_jure_recognition"))
    chosen = recognition[(actor_moscow ^ counterpart_moscow) & ~(one_way & actor_moscow)]
    other_column = chosen["actor"].where(counterpart_moscow[chosen.index], chosen["counterpart"])
    state = other_column.map(states)
    for event_id, value in zip(chosen["event_id"][state.isna()], other_column[state.isna()]):
        raise ValueError(f"events.csv, event {event_id!r}: {value!r} is neither a state nor belongs_to one in "
                         "actors.csv, so its recognition of Moscow cannot be counted")
    info = actors.set_index("actor_id")
    table = pd.DataFrame({
        "date": chosen["date"],
        "date_text": chosen["date_text"] if "date_text" in chosen else chosen["date"].dt.strftime("%Y-%m-%d"),
        "event_id": chosen["event_id"],
        "kind": chosen["kind"].astype(str),
        "state": state,
    })
    table["name"] = table["state"].map(info["name"])
    table["label"] = table["name"].str.replace(r"\s*\(.*\)$", "", regex=True)  # "China (Republic of China)": "China"
    table["region"] = table["state"].map(info["region"].astype(str))
    table = table.sort_values("date", kind="stable").reset_index(drop=True)
    before, after, standing = [], [], {}
    for state_id, kind in zip(table["state"], table["kind"]):
        current = standing.get(state_id, "none")
        before.append(current)
        standing[state_id] = next_standing(current, kind)
        after.append(standing[state_id])
    table["standing_before"] = pd.Categorical(before, categories=STANDINGS, ordered=True)
    table["standing_after"] = pd.Categorical(after, categories=STANDINGS, ordered=True)
    return table


def standings(changes: pd.DataFrame) -> pd.DataFrame:
    """A wide table: one row per date on which something changed, one column per state, its standing after that date."""
    last = changes.groupby(["date", "state"], sort=True)["standing_after"].last().astype(str)
    return last.unstack("state").ffill().fillna("none")


def step_counts(changes: pd.DataFrame) -> pd.DataFrame:
    """How many states stood de facto and de jure with Moscow after each date: a step series.

    The index is every date on which some standing changed; the value holds until the next date.
    """
    wide = standings(changes)
    counts = pd.DataFrame({s: (wide == s).sum(axis=1) for s in ("de_facto", "de_jure")})
    counts["any"] = counts["de_facto"] + counts["de_jure"]
    counts.columns.name = "standing"
    return counts


def counts_at(counts: pd.DataFrame, when) -> pd.Series:
    """The step series' value at a moment: its last row on or before `when` (zeros before the first)."""
    upto = counts.loc[: pd.Timestamp(when)]
    if upto.empty:
        return pd.Series(0, index=counts.columns)
    return upto.iloc[-1]


def first_recognitions(changes: pd.DataFrame) -> pd.DataFrame:
    """Each state's first recognition of Moscow of any kind, ordered by date (earliest first)."""
    recognising = changes[changes["standing_after"] != "none"]
    firsts = recognising.drop_duplicates("state", keep="first")
    return firsts[["state", "name", "label", "region", "date", "date_text", "event_id", "kind", "standing_after"]] \
        .rename(columns={"standing_after": "standing"}).reset_index(drop=True)


def de_facto_then_de_jure(changes: pd.DataFrame) -> pd.Series:
    """Days from each state's first de facto standing to its first de jure standing, for states that had both in that order."""
    first = changes.groupby(["state", "standing_after"], observed=True)["date"].min().unstack()
    both = first.dropna(subset=["de_facto", "de_jure"]) if {"de_facto", "de_jure"} <= set(first.columns) else first.iloc[:0]
    both = both[both["de_facto"] < both["de_jure"]] if len(both) else both
    if not len(both):
        return pd.Series(dtype="int64", name="gap_days")
    return (both["de_jure"] - both["de_facto"]).dt.days.rename("gap_days").sort_values()


# --- exercise checks (notebook 01-recognition) ---------------------------------------------------


def _state_names(data) -> dict[str, str]:
    """Lower-case names of states, for answers that give names instead of ids."""
    states = data.actors[data.actors["kind"].astype(str) == "state"]
    return {name.lower(): actor for actor, name in zip(states["actor_id"], states["name"])}


@checks.exercise("recognition-1", expects="a whole number")
def _check_de_jure_end_1925(answer, data):
    expected = int(counts_at(step_counts(standing_changes(data.events, data.actors)), "1925-12-31")["de_jure"])
    given = checks.as_int(answer)
    if given == expected:
        return checks.right("That is the de jure line of the step chart at the end of 1925.")
    return checks.wrong(("Too many" if given > expected else "Too few") +
                        ": take the last row of `counts` on or before 31 December 1925, "
                        "`counts.loc[:'1925-12-31'].iloc[-1]`, and read its de_jure column. "
                        "Do not add up recognitions: ruptures take states away.")


@checks.exercise("recognition-2", expects="a list of state ids, such as ['britain', 'germany']")
def _check_ruptures(answer, data):
    changes = standing_changes(data.events, data.actors)
    expected = set(changes.loc[changes["kind"] == "rupture", "state"])
    given = checks.as_id_set(answer, _state_names(data))
    return checks.compare_sets(given, expected, "states whose relations with Moscow were broken off",
                               "Filter `changes` on kind == 'rupture' and take the state column (not actor: "
                               "a break by a government or party counts for its state, whoever broke it off).")


@checks.exercise("recognition-3", expects="a Series (or dict) of gaps in days, indexed by state id")
def _check_gaps(answer, data):
    expected = de_facto_then_de_jure(standing_changes(data.events, data.actors)).to_dict()
    given = checks.as_number_mapping(answer, _state_names(data))
    if set(given) != set(expected):
        return checks.compare_sets(set(given), set(expected), "",
                                   "For each state, find the first date its standing_after was de_facto and the "
                                   "first date it was de_jure (a pivot_table with aggfunc='min' does both), then keep "
                                   "the states where de facto came first.")
    off = [s for s in expected if abs(given[s] - expected[s]) > 1]
    if off:
        return checks.wrong(f"The states are right, but {len(off)} gap(s) differ by more than a day: subtract the "
                            "first de facto date from the first de jure date and take `.dt.days`.")
    return checks.right(f"All {len(expected)} states, with their gaps.")
