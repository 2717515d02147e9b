"""Each state's standing with Moscow over time, in two dimensions that the data keeps apart.

    changes = recognition.standing_changes(events, actors)   # one row per event that could move a standing
    recognised = recognition.recognition_counts(changes)      # states recognising Moscow de facto / de jure
    relations = recognition.relations_counts(changes)         # states with relations in place / broken off
    firsts = recognition.first_recognitions(changes)          # each state's first recognition

**Recognition** of the Soviet state (none → de facto → de jure) and **diplomatic relations** with it (none →
established → broken → established again) are different things in international law: a state that breaks
off relations still recognises the government it broke with (Britain in May 1927), and restoring relations
(Britain in 1929) does not recognise anew. How each kind moves each dimension is `vocabulary.MOVES`
(data/README.md, "Kinds"):

| kind | recognition after | relations after |
|---|---|---|
| `de_facto_recognition` | de facto, unless it was de jure already | unchanged |
| `de_jure_recognition` | de jure | unchanged |
| `relations_established` | de jure (opening relations implies it) | established |
| `relations_broken` | unchanged | broken |
| `relations_restored` | de jure | established |
| `recognition_withdrawn` | none | none |

"Moscow" is the Soviet state: `rsfsr` before 30 December 1922, `ussr` after, and any actor that belongs to
either (a Soviet envoy, say). Moscow recognising another state is not that state recognising Moscow: those
events are left out here and listed by `moscow_recognises`.

**Who speaks for a state.** The other side of an event is the state itself, or an actor that belongs to it
(`actors.belongs_to`, followed upwards). A *government* speaks for its state only while it is the state's
recognised government (`actors.recognised_from` to `recognised_until`): China's was the Beijing government
until 8 June 1928, then the Nationalist government at Nanjing. A party never speaks for a state, nor does a
person or body that belongs to a party or to a government outside its recognised period. Such events stay
in the table with `counted` False and the `reason`, and move nothing: Nanjing's break with Moscow of
December 1927 closed Soviet consulates in Nationalist China, but China's relations with Moscow were then
held by Beijing. The same rule holds for a territory that the states, Moscow included, recognised as part of
another state (`belongs_to` filled on a `state`): Outer Mongolia, which Moscow itself recognised as "an integral
part of the Republic of China" on 31 May 1924. Its government at Urga spoke for no recognised state, so its
treaty with Moscow moves nothing; `as_states` gives the other reading, with such territories counted as states.

**A government recognised later.** A government that dealt with Moscow before it became its state's
recognised government, while no recognised government of that state had any standing with Moscow, brings
that standing with it on the day it is recognised: its earlier acts count from then (`date` is that day,
`date_text` the day of the act, and `reason` says so). Mustafa Kemal's government at Ankara opened relations
with Moscow in 1920, while the powers recognised the Sultan's government at Constantinople, which had none;
they count for Turkey from 1 November 1922, when the Assembly abolished the sultanate. Where the recognised
government already had a standing (Beijing, for China), the rival's acts move nothing, before or after.
"""

from __future__ import annotations

import re

import pandas as pd

from .vocabulary import KIND_WORDS, MOVES, RECOGNITION_KINDS, RECOGNITION_LEVELS, RELATIONS_LEVELS, SOVIET_STATE

KINDS = RECOGNITION_KINDS
MOSCOW = SOVIET_STATE  # the Soviet state under its two names (vocabulary.py)
RECOGNITION_LABELS = {"none": "not recognised", "de_facto": "de facto", "de_jure": "de jure"}
RELATIONS_LABELS = {"none": "no relations", "established": "relations in place", "broken": "relations broken off"}
KIND_LABELS = {kind: KIND_WORDS[kind] for kind in KINDS}  # the six kinds in words (vocabulary.KIND_WORDS)
ONE_WAY = ("de_facto_recognition", "de_jure_recognition", "recognition_withdrawn")  # one side acts on the other


def next_standing(recognition: str, relations: str, kind: str) -> tuple[str, str]:
    """(recognition, relations) after an event of `kind`, from the standing before it."""
    if kind not in MOVES:
        raise ValueError(f"kind {kind!r} does not change a standing; the kinds that do are {', '.join(KINDS)}")
    moved_recognition, moved_relations = MOVES[kind]
    if moved_recognition == "de_facto" and recognition == "de_jure":
        moved_recognition = "de_jure"  # a trade agreement after recognition in law does not step it down
    return moved_recognition or recognition, moved_relations or relations


def state_of(actors: pd.DataFrame) -> dict[str, str]:
    """{actor_id: the state it is or belongs to}, following belongs_to up to an actor of kind `state`.

    Actors that belong to no state (the Comintern, a firm with no belongs_to) are left out.
    """
    ids = actors["actor_id"].tolist()  # lists: a table's column is read one value at a time
    parent = dict(zip(ids, actors["belongs_to"].tolist()))
    kind = dict(zip(ids, actors["kind"].astype(str).tolist()))
    found = {}
    for actor in parent:
        seen, current = set(), actor
        while current and current not in seen and kind.get(current) != "state":
            seen.add(current)
            current = parent.get(current, "")
        if current and kind.get(current) == "state":
            found[actor] = current
    return found


def speaker(actor: str, date: pd.Timestamp, actors: pd.DataFrame) -> tuple[bool, str]:
    """Whether `actor`'s act on `date` speaks for its state, and if not, why not."""
    return _speaker(actor, date, actors.set_index("actor_id"))


def _speaker(actor: str, date: pd.Timestamp, info: pd.DataFrame) -> tuple[bool, str]:
    current, seen = actor, set()
    while current and current not in seen:
        seen.add(current)
        kind = str(info.at[current, "kind"])
        name = info.at[current, "name"]
        if kind == "state":
            part_of = info.at[current, "belongs_to"]
            if isinstance(part_of, str) and part_of:
                note = str(info.at[current, "note"]) if "note" in info else ""
                said = re.search(r"Moscow itself recognised it as part of [^(;.]*\(([^)]*)\)", note)
                when = f", in {said.group(1)}" if said else ""  # ", in the Sino-Soviet agreement of 31 May 1924, ..."
                # Two short sentences: a student reads this reason beside the chart (grade 9 at most).
                return False, (f"Moscow itself agreed that {name} was part of {info.at[part_of, 'name']}{when}. "
                               "So the kit does not count its government as a state")
            return True, ""
        if kind == "party":
            return False, f"{name} is a party: a party does not speak for a state"
        if kind == "government":
            start, until = info.at[current, "recognised_from"], info.at[current, "recognised_until"]
            if pd.isna(start):
                return False, f"the {name} never spoke for its country"
            if date < start:
                return False, f"the {name} did not yet speak for its country"
            if pd.notna(until) and date > until:
                return False, f"the {name} no longer spoke for its country"
            return True, ""
        current = info.at[current, "belongs_to"]
    return False, f"{info.at[actor, 'name']} belongs to no state"


def _recognised_later(actor: str, date: pd.Timestamp, info: pd.DataFrame) -> str:
    """The government `actor` is or belongs to, if it was recognised only after `date`; else ""."""
    current, seen = actor, set()
    while current and current not in seen:
        seen.add(current)
        kind = str(info.at[current, "kind"])
        if kind in ("state", "party"):
            return ""
        if kind == "government":
            start = info.at[current, "recognised_from"]
            return current if pd.notna(start) and date < start else ""
        current = info.at[current, "belongs_to"]
    return ""


def _defer(table: pd.DataFrame, info: pd.DataFrame) -> pd.DataFrame:
    """Move the acts of a government recognised later to the day it was recognised, where no recognised
    speaker of its state had a standing with Moscow before that day (module docstring)."""
    spoke = [_speaker(a, d, info)[0] for a, d in zip(table["actor"], table["date"])]
    table = table.assign(reason_deferred="")
    for row, (actor, date, state) in enumerate(zip(table["actor"], table["date"], table["state"])):
        government = "" if spoke[row] else _recognised_later(actor, date, info)
        if not government:
            continue
        start = info.at[government, "recognised_from"]
        earlier = (table["state"] == state) & (table["date"] < start) & pd.Series(spoke, index=table.index)
        if earlier.any():
            continue
        table.loc[table.index[row], "date"] = start
        table.loc[table.index[row], "reason_deferred"] = (
            f"an act of the {info.at[government, 'name']} before it was the recognised government of its state; "
            f"counted from {start:%-d %B %Y}, when it became so")
    return table


def as_states(actors: pd.DataFrame) -> pd.DataFrame:
    """The actors with every state that belongs to another made independent: the reading in which Mongolia's
    government counts as that of a state (as Moscow treated it in 1921), for showing the counts both ways."""
    actors = actors.copy()
    states = actors["kind"].astype(str) == "state"
    actors.loc[states, "belongs_to"] = ""
    return actors


def moscow_recognises(events: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Moscow's own recognitions of other states and governments (the Hejaz in 1926, say), in date order."""
    states = state_of(actors)
    one_way = events[events["kind"].astype(str).isin(ONE_WAY)]
    mine = one_way[one_way["actor"].map(states).isin(MOSCOW) & ~one_way["counterpart"].map(states).isin(MOSCOW)]
    names = actors.set_index("actor_id")["name"]
    return pd.DataFrame({"date": mine["date"], "event_id": mine["event_id"], "kind": mine["kind"].astype(str),
                         "recognised": mine["counterpart"], "name": mine["counterpart"].map(names)}) \
        .sort_values("date", kind="stable").reset_index(drop=True)


def _refuse(problems: list | None, event_id: str, column: str, value: str, message: str) -> None:
    """Raise a ValueError naming the event, or, when the loader collects them, add (event_id, column, value,
    message) to `problems` and go on."""
    if problems is None:
        raise ValueError(f"events.csv, event {event_id!r}: {message}")
    problems.append((event_id, column, value, message))


_RECENT: list[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]] = []  # (events, actors, their changes), newest first
_KEEP = 4  # the kit's data, and what a notebook derives from it (as_states), in one kernel


def standing_changes(events: pd.DataFrame, actors: pd.DataFrame, problems: list | None = None) -> pd.DataFrame:
    """One row per event of a standing kind between Moscow and another state, in date order.

    The changes of equal tables are worked out once per kernel: a notebook and each of its exercise checks ask
    for them, each with its own copy of the kit's data. The tables given are compared cell by cell with those of
    the last few calls (and their dtypes), never taken for the same by identity, so a table changed in place is
    worked out again; each call gets its own copy of the changes.

    Columns: date, date_text, event_id, kind, state, name, label (the name without a bracketed note), region,
    actor (who spoke for the other side), counted, reason (why an event moves nothing, or why it counts from a later day), and the standing
    before and after in each dimension: recognition_before/after, relations_before/after.
    An act of a government recognised later is moved to the day it was recognised only where no recognised
    government of its state had a standing with Moscow before (the carry-over rule of the module docstring,
    "A government recognised later", and of data/README.md): Ankara's act of 1920 counts from 1 November 1922;
    Nanjing's break of 1927 moves nothing, since Nanjing inherited Beijing's relations in June 1928.
    Moscow's recognitions of others are left out (see `moscow_recognises`). An event whose other side
    belongs to no state raises a ValueError naming it; so does breaking off relations that were never
    established. Given a list as `problems` (as the loader does), each such event is added to it instead and
    left out.
    """
    if problems is not None:  # the loader's check collects problems instead of raising: worked out as asked
        return _standing_changes(events, actors, problems)
    for seen_events, seen_actors, changes in _RECENT:
        if seen_events.equals(events) and seen_actors.equals(actors):
            return changes.copy()
    changes = _standing_changes(events, actors)
    _RECENT.insert(0, (events.copy(), actors.copy(), changes.copy()))
    del _RECENT[_KEEP:]
    return changes


def _standing_changes(events: pd.DataFrame, actors: pd.DataFrame, problems: list | None = None) -> pd.DataFrame:
    states = state_of(actors)
    standing = events[events["kind"].astype(str).isin(KINDS)]
    actor_moscow = standing["actor"].map(states).isin(MOSCOW)
    counterpart_moscow = standing["counterpart"].map(states).isin(MOSCOW)
    both = actor_moscow & counterpart_moscow
    for event_id, value in zip(standing.loc[both, "event_id"], standing.loc[both, "counterpart"]):
        _refuse(problems, event_id, "counterpart", value,
                "an event of a standing kind (recognition or relations) with Moscow on both sides")
    # Treaties, breaks and restorations bind both sides, whoever the data names as actor; a one-way act
    # by Moscow is Moscow recognising another state.
    one_way = standing["kind"].astype(str).isin(ONE_WAY)
    chosen = standing[(actor_moscow ^ counterpart_moscow) & ~(one_way & actor_moscow)]
    other = chosen["actor"].where(counterpart_moscow[chosen.index], chosen["counterpart"])
    state = other.map(states)
    for event_id, value, column in zip(chosen["event_id"][state.isna()], other[state.isna()],
                                       counterpart_moscow[chosen.index][state.isna()]):
        _refuse(problems, event_id, "actor" if column else "counterpart", value,
                f"{value!r} is neither a state nor belongs_to one in actors.csv, so its standing with Moscow "
                "cannot be counted")
    chosen, other, state = chosen[state.notna()], other[state.notna()], state[state.notna()]
    info = actors.set_index("actor_id")
    table = pd.DataFrame({
        "date": chosen["date"],
        "date_text": chosen["date_text"] if "date_text" in chosen else chosen["date"].dt.strftime("%Y-%m-%d"),
        "event_id": chosen["event_id"],
        "kind": chosen["kind"].astype(str),
        "state": state,
        "actor": other,
    })
    table["name"] = table["state"].map(info["name"])
    table["label"] = table["name"].str.replace(r"\s*\(.*\)$", "", regex=True)  # "China (Republic)": "China"
    table["region"] = table["state"].map(info["region"].astype(str))
    table = _defer(table, info).sort_values("date", kind="stable").reset_index(drop=True)
    columns = {name: [] for name in ("counted", "reason", "recognition_before", "recognition_after",
                                     "relations_before", "relations_after")}
    current: dict[str, tuple[str, str]] = {}
    for event_id, state_id, actor, date, kind, deferred in zip(table["event_id"], table["state"], table["actor"],
                                                                table["date"], table["kind"],
                                                                table.pop("reason_deferred")):
        before = current.get(state_id, ("none", "none"))
        counted, reason = (True, deferred) if deferred else _speaker(actor, date, info)
        after = next_standing(*before, kind) if counted else before
        if counted and kind == "relations_broken" and before[1] != "established":
            _refuse(problems, event_id, "kind", kind, f"breaks off relations between Moscow and {state_id!r}, but "
                    f"the data has them {RELATIONS_LABELS[before[1]]} then")
        current[state_id] = after
        for name, value in zip(columns, (counted, reason, before[0], after[0], before[1], after[1])):
            columns[name].append(value)
    for name, values in columns.items():
        levels = RECOGNITION_LEVELS if name.startswith("recognition") else RELATIONS_LEVELS
        table[name] = pd.Categorical(values, categories=levels, ordered=True) \
            if name not in ("counted", "reason") else values
    table["counted"] = table["counted"].astype(bool)
    return table


def standings(changes: pd.DataFrame, dimension: str = "recognition") -> pd.DataFrame:
    """A wide table: one row per date on which something changed, one column per state, its standing in
    `dimension` ("recognition" or "relations") after that date."""
    if dimension not in ("recognition", "relations"):
        raise ValueError(f"dimension is 'recognition' or 'relations', not {dimension!r}")
    counted = changes[changes["counted"]]
    last = counted.groupby(["date", "state"], sort=True)[f"{dimension}_after"].last().astype(str)
    return last.unstack("state").ffill().fillna("none")


def recognition_counts(changes: pd.DataFrame) -> pd.DataFrame:
    """How many states recognised Moscow de facto and de jure after each date: a step series.

    The index is every date on which some standing changed; the value holds until the next date.
    """
    wide = standings(changes, "recognition")
    counts = pd.DataFrame({s: (wide == s).sum(axis=1) for s in ("de_facto", "de_jure")})
    counts["any"] = counts["de_facto"] + counts["de_jure"]
    counts.columns.name = "recognition"
    return counts


def relations_counts(changes: pd.DataFrame) -> pd.DataFrame:
    """How many states had diplomatic relations with Moscow in place, and how many had broken them off,
    after each date: a step series like `recognition_counts`."""
    wide = standings(changes, "relations")
    counts = pd.DataFrame({s: (wide == s).sum(axis=1) for s in ("established", "broken")})
    counts.columns.name = "relations"
    return counts


def naive_counts(changes: pd.DataFrame) -> pd.Series:
    """The wrong model, for contrast: a running total of every act that recognised Moscow or opened
    relations with it, as if each act added a state. Britain, counted in 1921, 1924 and 1929, is one state."""
    acts = changes[changes["counted"] & changes["kind"].isin(
        ("de_facto_recognition", "de_jure_recognition", "relations_established", "relations_restored"))]
    return acts.groupby("date").size().cumsum().rename("acts")


def counts_at(counts, when):
    """A step series' value at a moment: its last row on or before `when` (zeros before the first)."""
    upto = counts.loc[: pd.Timestamp(when)]
    if upto.empty:
        return pd.Series(0, index=counts.columns) if isinstance(counts, pd.DataFrame) else 0
    return upto.iloc[-1]


def year_end_table(changes: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """At the end of each year from `first` to `last`: states recognising Moscow de facto, de jure, and
    states with relations in place and broken off."""
    recognised, relations = recognition_counts(changes), relations_counts(changes)
    rows = []
    for year in range(first, last + 1):
        end = f"{year}-12-31"
        rows.append({"year": year, **counts_at(recognised, end)[["de_facto", "de_jure"]].to_dict(),
                     **counts_at(relations, end).to_dict()})
    return pd.DataFrame(rows).set_index("year")


def first_recognitions(changes: pd.DataFrame) -> pd.DataFrame:
    """Each state's first recognition of Moscow of any kind, ordered by date (earliest first)."""
    recognising = changes[changes["counted"] & (changes["recognition_after"] != "none")]
    firsts = recognising.drop_duplicates("state", keep="first")
    return firsts[["state", "name", "label", "region", "date", "date_text", "event_id", "kind", "recognition_after"]] \
        .rename(columns={"recognition_after": "standing"}).reset_index(drop=True)


def de_jure_before(changes: pd.DataFrame, state: str) -> pd.DataFrame | None:
    """The states that recognised Moscow de jure before `state` first did, each once: the count notebook 1 prints
    ("States that recognised Moscow de jure before that"). None when `state` never recognised it de jure."""
    own = changes[changes["state"] == state]
    day = own.loc[own["recognition_after"] == "de_jure", "date"].min()
    if pd.isna(day):
        return None
    de_jure = changes[changes["counted"] & (changes["recognition_after"] == "de_jure")]
    return de_jure[de_jure["date"] < day].drop_duplicates("state")
