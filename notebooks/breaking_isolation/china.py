"""Moscow's two faces in China, 1920-29: the events lane by lane, whom Moscow backed against who held power,
and the war scare of 1927 beside the China events.

    lanes = china.lane_events(data.events, data.actors)          # one row per China event, with its lane
    ties = china.backing_by_quarter(data.events, data.actors)    # each face's tie to each Chinese side
    power = china.recognised_by_quarter(data.actors)             # the government that spoke for China
    spring = china.war_scare(data.events, data.actors)           # the blows of 1927 and the China events

The choices, so that every mark of notebook 3's figures leads back to rows of data/events.csv:

- **Lanes** group actors as a reader of this story does (`LANES`): the Soviet state and its diplomats; the
  Comintern, the Soviet party and their agents (Borodin was the Politburo's man, not the Foreign Commissariat's);
  Beijing; the Nationalists at Guangzhou and Nanjing; Wuhan; the Communists; the warlords; Britain and Japan.
  Moscow's actors take the lane of their face (`faces.sides`, read from `actors.belongs_to`); any other actor
  not named in `LANE_OF` falls into the lane of what it belongs to (upwards), except Outer Mongolia
  (`OUTSIDE_CHINA`). When Moscow acts, the event's lane is the face it shows (`faces.face`).
- **A China event** is one whose actor or counterpart is in a Chinese lane, 1920-29.
- **A face's tie** to a Chinese side (the face decided by `faces.face`, as in notebook 2) at a date follows the network's rule (`network_model.sign_of`): the
  balance of their cooperative and hostile events, each weighing half as much a year on; `mixed` when
  neither side of the balance outweighs the other twice over, `none` before their first event. A break
  (`network_model.is_break`: relations broken off, or a hostile party decision such as Stalin's theses of 21
  April 1927 against Chiang) makes the tie hostile at once, and the balance counts from it.
- **Who held power** is the government that `actors.csv` records as China's recognised government.
"""

from __future__ import annotations

import re

from collections.abc import Mapping

import pandas as pd

from . import checks
from . import faces
from .network_model import LABELS, sign_of, timeline
from .patterns import lazy

STATE, PARTY = "Soviet state", "Comintern and Soviet party"
FACE_LANE = {faces.STATE: STATE, faces.PARTY: PARTY}
CHINESE = ("Beijing government", "Nationalists (Guangzhou, Nanjing)", "Wuhan Nationalists", "Communists (CCP)",
           "Warlords")
LANES = (STATE, PARTY) + CHINESE + ("Britain and Japan",)
# The lanes of the other sides. Moscow's two lanes are not named here: who acts for the state and who for the
# party is read from actors.csv, once, by faces.sides.
LANE_OF = {
    "china-beijing": "Beijing government", "china": "Beijing government",
    "kmt": "Nationalists (Guangzhou, Nanjing)", "china-nanjing": "Nationalists (Guangzhou, Nanjing)",
    "kmt-wuhan": "Wuhan Nationalists", "wang-jingwei": "Wuhan Nationalists", "ccp": "Communists (CCP)",
    "zhang-zuolin": "Warlords", "zhang-xueliang": "Warlords", "feng-yuxiang": "Warlords",
    "britain": "Britain and Japan", "japan": "Britain and Japan",
}
# Actors recorded as belonging to China whose acts were not Peking's: Outer Mongolia's government at Urga was out
# of Peking's control from 1921 (actors.csv keeps belongs_to=china because every state, Moscow included,
# recognised it as part of China). Their lane and side are not climbed to China's.
OUTSIDE_CHINA = frozenset({"mongolia"})
# The sides whose ties to Moscow the second figure follows, with the actors that count for each.
SIDES = {"Beijing government": "china-beijing", "Nationalists": "kmt", "Wuhan Nationalists": "kmt-wuhan",
         "Communists": "ccp", "Feng Yuxiang": "feng-yuxiang"}
SIDE_OF = {"china-beijing": "Beijing government", "china": "Beijing government", "kmt": "Nationalists",
           "china-nanjing": "Nationalists", "chiang": "Nationalists", "sun-yat-sen": "Nationalists",
           "kmt-wuhan": "Wuhan Nationalists", "wang-jingwei": "Wuhan Nationalists", "ccp": "Communists",
           "feng-yuxiang": "Feng Yuxiang"}
# The turning points the issue names, in order; the timeline labels them.
TURNING_POINTS = (
    "1923-sun-joffe-manifesto", "1924-whampoa-opens", "1925-may-thirtieth", "1926-canton-coup",
    "1926-northern-expedition", "1927-shanghai-insurrection", "1927-nanking-incident", "1927-shanghai-massacre",
    "1927-nanjing-government", "1927-wuhan-expels-communists", "1927-nanchang-uprising", "1927-canton-commune",
    "1927-nationalist-break-with-ussr",
)
START, END = "1920-01-01", "1929-12-31"
# Whom an event was with or against, in the words of its tone: the Sun-Joffe manifesto was made with the
# Nationalists, not aimed at them.
WITH_OR_AGAINST = {"cooperative": "with", "hostile": "against", "neutral": "toward"}


def lane_of(actors: pd.DataFrame) -> dict[str, str]:
    """{actor_id: lane}: Moscow's actors the lane of their face (faces.sides); any other its own lane, else the
    lane of what it belongs to, followed upwards."""
    parent = {a: (b if isinstance(b, str) else "") for a, b in zip(actors["actor_id"], actors["belongs_to"])}
    found = {actor: FACE_LANE[side] for actor, side in faces.sides(actors).items()}
    for actor in set(parent) - set(found):
        seen, current = set(), actor
        while current and current not in LANE_OF and current not in seen and current not in OUTSIDE_CHINA:
            seen.add(current)
            current = parent.get(current, "")
        if current in LANE_OF:
            found[actor] = LANE_OF[current]
    return found


def with_or_against(events: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    """{event_id: "with X", "against X" or "toward X"}, from the event's tone; X is its counterpart's lane, but a
    state other than Moscow is named itself: the Hankou crowds took Britain's concession, not Japan's, and the
    Chinese state (`china`, at May Thirtieth) is not the Beijing government."""
    lanes, names = lane_of(actors), checks.actor_labels(actors, LABELS)
    states = set(actors.loc[actors["kind"] == "state", "actor_id"])

    def side(actor: str) -> str:
        lane = lanes.get(actor)
        return lane if lane in (STATE, PARTY) or (lane and actor not in states) else names.get(actor, "")

    words = [f"{WITH_OR_AGAINST[str(tone)]} {side(c)}" if isinstance(c, str) and side(c) else ""
             for tone, c in zip(events["tone"], events["counterpart"])]
    return pd.Series(words, index=events["event_id"], name="with_or_against")


def lane_events(events: pd.DataFrame, actors: pd.DataFrame, start: str = START, end: str = END) -> pd.DataFrame:
    """The China events between `start` and `end`, each with the lane of its actor and of its counterpart."""
    lanes = lane_of(actors)
    table = events[(events["date"] >= pd.Timestamp(start)) & (events["date"] <= pd.Timestamp(end))].copy()
    table["lane"] = table["actor"].map(lanes)
    # When Moscow acts, its lane is the face the event shows (faces.face, the one rule): Whampoa is the party's
    moscow, face = table["lane"].isin((STATE, PARTY)), faces.face_rule(actors)
    table.loc[moscow, "lane"] = [FACE_LANE[face(a, c)] for a, c in
                                 zip(table.loc[moscow, "actor"], table.loc[moscow, "counterpart"])]
    table["counterpart_lane"] = table["counterpart"].map(lanes)
    table["with_or_against"] = table["event_id"].map(with_or_against(events, actors))
    chinese = table["lane"].isin(CHINESE) | table["counterpart_lane"].isin(CHINESE)
    table = table[chinese & table["lane"].notna()]
    table["turning_point"] = table["event_id"].isin(TURNING_POINTS)
    columns = ["event_id", "date", "date_text", "lane", "counterpart_lane", "with_or_against", "kind", "tone", "title",
               "turning_point"]
    return table[[c for c in columns if c in table.columns]].sort_values(["date", "event_id"]).reset_index(drop=True)


def _face_and_side(actor: str, counterpart: str, face, lanes: dict[str, str],
                   side_of: dict[str, str]) -> tuple | None:
    """(face, side) when one end of an event is Moscow and the other a Chinese side, else None; the face is
    faces.face's (`face`, its faces.face_rule: the manifesto Joffe signed with Sun courted a party, so it is the
    party face), as a lane."""
    for moscow, other in ((actor, counterpart), (counterpart, actor)):
        if lanes.get(moscow) in (STATE, PARTY) and other in side_of:
            return FACE_LANE[face(actor, counterpart)], side_of[other]
    return None


def _side_of(actors: pd.DataFrame) -> dict[str, str]:
    parent = {a: (b if isinstance(b, str) else "") for a, b in zip(actors["actor_id"], actors["belongs_to"])}
    found = {}
    for actor in parent:
        current, seen = actor, set()
        while current and current not in SIDE_OF and current not in seen and current not in OUTSIDE_CHINA:
            seen.add(current)
            current = parent.get(current, "")
        if current in SIDE_OF:
            found[actor] = SIDE_OF[current]
    return found


def tie_events(events: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every event between a Moscow face and a Chinese side: date, face, side, tone, kind, event_id."""
    lanes, side_of, face = lane_of(actors), _side_of(actors), faces.face_rule(actors)
    rows = []
    for event_id, date, actor, counterpart, tone, kind in zip(events["event_id"], events["date"], events["actor"],
                                                             events["counterpart"], events["tone"].astype(str),
                                                             events["kind"].astype(str)):
        pair = _face_and_side(actor, counterpart, face, lanes, side_of)
        if pair:
            rows.append({"date": date, "face": pair[0], "side": pair[1], "tone": tone, "kind": kind,
                         "event_id": event_id})
    return pd.DataFrame(rows, columns=["date", "face", "side", "tone", "kind", "event_id"])


def quarter_ends(start: str = "1923-01-01", end: str = "1928-12-31") -> pd.DatetimeIndex:
    return pd.date_range(start, end, freq="QE")


def backing_by_quarter(events: pd.DataFrame, actors: pd.DataFrame, start: str = "1923-01-01",
                       end: str = "1928-12-31") -> pd.DataFrame:
    """One row per quarter, side and face: the tie at the quarter's end (cooperative, mixed, hostile, neutral,
    or none before any event), and the event that set it (`set_by`, `_setting_event`)."""
    ties = tie_events(events, actors).sort_values(["date", "event_id"])
    by_pair = {key: list(zip(group["date"], group["tone"], group["event_id"], group["kind"]))
               for key, group in ties.groupby(["side", "face"], sort=False)}
    rows = []
    for quarter in quarter_ends(start, end):
        for side in SIDES:
            for face in (STATE, PARTY):
                mine = [row for row in by_pair.get((side, face), []) if row[0] <= quarter]
                tie = (sign_of([row[0] for row in mine], [row[1] for row in mine], quarter, [row[3] for row in mine])
                       if mine else "none")
                rows.append({"quarter": quarter, "side": side, "face": face, "tie": tie,
                             "set_by": _setting_event(mine)})
    return pd.DataFrame(rows)


def _setting_event(rows: list[tuple]) -> str:
    """The event that gave a tie the sign it holds after `rows` ((date, tone, event_id, kind), in date order): the
    last cooperative or hostile event on the day it took that sign and kept it since. A later event that only
    kept the sign did not set it: the Eighth ECCI plenum of 30 May 1927 confirmed what Stalin's theses had turned."""
    signed = [row for row in rows if row[1] != "neutral"]
    if not signed:
        return ""
    steps = timeline([row[0] for row in rows], [row[1] for row in rows], [row[3] for row in rows])
    since = steps[-1][0]
    for day, sign, _ in reversed(steps):
        if sign != steps[-1][1]:
            break
        since = day
    that_day = [row[2] for row in signed if row[0].strftime("%Y-%m-%d") == since]
    return that_day[-1] if that_day else signed[-1][2]


def backing_wide(backing: pd.DataFrame) -> pd.DataFrame:
    """The backing table as a grid for people: a row per side and face, a column per quarter (1926 Q2...)."""
    grid = backing.assign(row=backing["side"] + " / " + backing["face"],
                          column=backing["quarter"].dt.year.astype(str) + " Q" + backing["quarter"].dt.quarter.astype(str))
    order = list(dict.fromkeys(grid["row"]))
    return grid.pivot(index="row", columns="column", values="tie").loc[order]


def recognised_by_quarter(actors: pd.DataFrame, start: str = "1923-01-01", end: str = "1928-12-31",
                          state: str = "china") -> pd.Series:
    """The government recorded as the state's recognised government at each quarter's end ('' if none)."""
    governments = actors[(actors["belongs_to"] == state) & (actors["kind"].astype(str) == "government")]
    names = []
    quarters = quarter_ends(start, end)
    for quarter in quarters:
        held = ""
        for name, begin, until in zip(governments["name"], governments["recognised_from"],
                                      governments["recognised_until"]):
            if pd.notna(begin) and pd.Timestamp(begin) <= quarter and (pd.isna(until) or quarter < pd.Timestamp(until)):
                held = name
        names.append(held)
    return pd.Series(names, index=quarters, name="recognised_government")


def switches(backing: pd.DataFrame) -> pd.DataFrame:
    """The quarters in which a face's tie to a side changed: quarter, side, face, before, after, set_by."""
    rows = []
    for (side, face), group in backing.groupby(["side", "face"], sort=False):
        previous = "none"
        for quarter, tie, set_by in zip(group["quarter"], group["tie"], group["set_by"]):
            if tie != previous:
                rows.append({"quarter": quarter, "side": side, "face": face, "before": previous, "after": tie,
                             "set_by": set_by})
            previous = tie
    return pd.DataFrame(rows, columns=["quarter", "side", "face", "before", "after", "set_by"]).sort_values(
        ["quarter", "side", "face"]).reset_index(drop=True)


def war_scare(events: pd.DataFrame, actors: pd.DataFrame, start: str = "1927-01-01",
              end: str = "1927-12-31") -> pd.DataFrame:
    """The hostile blows against Moscow (hostile events whose counterpart is the Soviet state or its
    property) and the China events of the same months, on one table: date, event_id, title, strand."""
    lanes = lane_of(actors)
    window = events[(events["date"] >= pd.Timestamp(start)) & (events["date"] <= pd.Timestamp(end))]
    blow = (window["tone"].astype(str) == "hostile") & (window["counterpart"].map(lanes) == STATE)
    china = window["actor"].map(lanes).isin(CHINESE) | window["counterpart"].map(lanes).isin(CHINESE)
    table = window[blow | china].copy()
    table["strand"] = ["blow against Moscow" if b else "China" for b in blow[blow | china]]
    columns = ["date", "date_text", "event_id", "title", "strand", "tone"]
    return table[[c for c in columns if c in table.columns]].sort_values(["date", "event_id"]).reset_index(drop=True)


# --- exercises ------------------------------------------------------------------------------------------------


def kendall_tau(order: list, reference: list) -> float:
    """How far `order` keeps the order of `reference` (the same items): 1 the same order, -1 reversed, near 0
    unrelated. Kendall's tau: (pairs in the same order - pairs swapped) / all pairs."""
    rank = {item: i for i, item in enumerate(reference)}
    ranks = [rank[item] for item in order]
    pairs = [(a, b) for i, a in enumerate(ranks) for b in ranks[i + 1:]]
    return sum(1 if a < b else -1 for a, b in pairs) / len(pairs) if pairs else 0.0


def turning_points_to_order(events: pd.DataFrame) -> list[str]:
    """The turning points exercise A lists, in a fixed order that gives nothing away: as far from the order of
    their dates (and from its reverse) as a few shuffles come, with as few neighbours in date order as they
    allow. Their ids start with the year, so an alphabetical list would be the answer already.

    The order is the one of a few fixed shuffles (each a sort by a hash of the id) that comes nearest to
    tau = 0 against the date order (to one decimal), then with the fewest neighbours in date order: the same data,
    the same list."""
    import hashlib  # noqa: PLC0415 (only the exercise needs it)

    dates = events.set_index("event_id")["date"]
    asked = [e for e in TURNING_POINTS if e in dates.index]
    by_date = sorted(asked, key=lambda e: (dates[e], e))

    def shuffled(salt: int) -> list[str]:
        return sorted(asked, key=lambda e: hashlib.sha256(f"{salt}:{e}".encode()).hexdigest())

    def neighbours_in_order(order: list[str]) -> int:
        return sum(by_date.index(a) < by_date.index(b) for a, b in zip(order, order[1:]))

    return min((shuffled(salt) for salt in range(64)),
               key=lambda order: (round(abs(kendall_tau(order, by_date)), 1), neighbours_in_order(order)))


def event_named(text: str, events: pd.DataFrame) -> str | None:
    """The id of the one event whose title `text` gives, whole or in part ("Shanghai massacre" for "Shanghai
    massacre: Chiang Kai-shek turns on the communists"), in any case; None if none or several."""
    said = " ".join(re.findall(r"[a-z0-9]+", str(text).lower()))
    if len(said.split()) < 2:
        return None
    titles = {event: " ".join(re.findall(r"[a-z0-9]+", str(title).lower()))
              for event, title in zip(events["event_id"], events["title"])}
    whole = [event for event, title in titles.items() if title == said]
    found = whole or [event for event, title in titles.items() if f" {said} " in f" {title} "]
    return found[0] if len(found) == 1 else None


_MONTH = lazy(r"\d{4}-\d{1,2}|[A-Za-z]+\s+\d{4}")  # "1927-04", "April 1927": a month, not a day


def on_the_day(text: str, events: pd.DataFrame, asked: list[str]) -> list[str] | None:
    """For a date typed instead of an id ("1927-04-12", "12 April 1927"), the turning points of `asked` dated that
    day (or month, for "1927-04", or year); None when `text` is not a date. The caller lists them by id, never in
    date order, which is the exercise's answer."""
    typed = " ".join(str(text).split())
    if re.fullmatch(r"1[89]\d\d", typed):
        dates = events.set_index("event_id")["date"]
        return [e for e in asked if dates[e].year == int(typed)]
    if not re.fullmatch(r"[\d\s./-]+|\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|[A-Za-z]+\s+\d{4}",
                        typed) or not re.search(r"\d{4}", typed):
        return None
    try:
        day = pd.Timestamp(typed)
    except (ValueError, TypeError):
        return None
    if pd.isna(day):
        return None
    whole_month = _MONTH.fullmatch(typed) is not None
    dates = events.set_index("event_id")["date"]
    return [e for e in asked if (dates[e].to_period("M") == day.to_period("M") if whole_month else dates[e] == day)]


@checks.exercise("china-order", expects="a list of event ids, earliest first")
def _check_order(answer, data):
    """Put the turning points the notebook lists in the order they happened (the data's dates decide)."""
    if isinstance(answer, (bytes, pd.DataFrame, Mapping)) or not (isinstance(answer, str) or hasattr(answer, "__iter__")):
        raise checks.Unreadable("Give the event ids in a list, such as ['1924-...', '1927-...'].")
    if isinstance(answer, str):  # as every list answer: a piece of text is never read as a list
        raise checks.Unreadable(checks.list_hint(answer) or checks.in_a_list(answer, "an event id"))
    given = list(answer)
    odd = [item for item in given if not isinstance(item, str)]  # a list: None itself is an odd item
    if odd:
        raise checks.Unreadable(f"Each item should be an event id in quotes; {checks.what_is(odd[0])}.")
    known = set(data.events["event_id"])
    given = [item.strip().lower() if item.strip().lower() in known else item.strip() for item in given]  # any case
    repeated = next((item for n, item in enumerate(given) if item in given[:n]), None)
    if repeated is not None:  # refused in plain words, as every list answer with an item twice
        raise checks.Repeated(checks.twice(repeated, repeated))
    asked = [e for e in TURNING_POINTS if e in known]
    dated = {item: on_the_day(item, data.events, asked) for item in given if item not in known}
    dated = {item: ids for item, ids in dated.items() if ids is not None}
    if dated:
        item, ids = next(iter(dated.items()))
        span = "year" if re.fullmatch(r"\d{4}", item) else "month" if _MONTH.fullmatch(item) else "day"
        on_it = (f"the turning point{'s' if len(ids) > 1 else ''} of that {span}: {', '.join(sorted(ids))}" if ids
                 else f"no turning point of the list falls in that {span}")
        more = f" ({len(dated) - 1} more of your items are dates too)" if len(dated) > 1 else ""
        example = turning_points_to_order(data.events)[0]  # the notebook prints this list: no answer given away
        return checks.wrong(f"{checks.shown(item)} is a date{more}. Type the event's id, like {example!r}, not its "
                            f"date: {on_it}.")
    named = {item: event_named(item, data.events) for item in given if item not in known}
    named = {item: event for item, event in named.items() if event}
    if named:
        item, event = next(iter(named.items()))
        return checks.wrong(f"{len(named)} of your items {'is an event name' if len(named) == 1 else 'are event names'}"
                            f", not {'an id' if len(named) == 1 else 'ids'}. Give the event ids, such as {event!r} "
                            f"for {checks.shown(item)}: the timeline table gives each event's id in its last column.")
    if sorted(given) != sorted(asked):
        return checks.compare_sets(set(given), set(asked), "turning points",
                                   "Use each turning point of the list once, by its event id.")
    dates = data.events.set_index("event_id")["date"]
    expected = sorted(asked, key=lambda e: (dates[e], e))
    misplaced = sum(1 for g, e in zip(given, expected) if g != e)
    if misplaced:
        return checks.wrong(f"{misplaced} of {len(expected)} are out of place: compare the dates in the timeline table.")
    return checks.right(f"All {len(expected)} in order: {', '.join(expected)}.")


# Exercise B's example of a quarter, as its prompt in notebook 3 gives it (tests/test_china.py checks the two agree,
# and that the example is not the answer).
SWITCH_EXAMPLE = "1925 Q3"


def quarter_name(when) -> str:
    """A quarter as figure 2's table writes it: "1927 Q4"."""
    when = pd.Timestamp(when)
    return f"{when.year} Q{when.quarter}"


def party_turn(events: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    """Exercise B's answer: the first row of `switches` in which the party face's tie to the Nationalists stops
    being cooperative (quarter, before, after, set_by)."""
    changes = switches(backing_by_quarter(events, actors))
    turned = changes[(changes["side"] == "Nationalists") & (changes["face"] == PARTY)
                     & (changes["before"] == "cooperative")]
    if turned.empty:
        raise ValueError("the data has no quarter in which the party face's tie to the Nationalists stops being "
                         "cooperative")
    return turned.iloc[0]


def network_turn(events: pd.DataFrame, actors: pd.DataFrame, side: str = "kmt") -> tuple[pd.Timestamp, str]:
    """When notebook 2's one tie between Moscow and `side` first stops being cooperative, and the event that
    turned it: the network joins Moscow's state and party in one node and keeps the Comintern apart, so its
    tie can turn on another day than figure 2's party face (network_model's rule, on network_model's pairs)."""
    from .network_model import SOVIET, event_pairs, timeline  # noqa: PLC0415

    pairs = event_pairs(events, actors)
    tie = pairs[(pairs["u"] == min(side, SOVIET)) & (pairs["v"] == max(side, SOVIET))]
    previous = None
    for day, sign, _ in timeline(tie["date"], tie["tone"], tie["kind"]):
        if previous == "cooperative" and sign != "cooperative":
            turned = tie[tie["date"] == pd.Timestamp(day)]
            signed = turned[turned["tone"] != "neutral"]
            return pd.Timestamp(day), str((signed if len(signed) else turned)["event_id"].iloc[-1])
        previous = sign
    raise ValueError(f"notebook 2's tie between {SOVIET} and {side} never stops being cooperative")


_YEAR = lazy(r"(?<!\d)(\d{4})(?!\d)")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTER = lazy(r"(?<![a-z])q\s*(\d+)(?!\d)"                                    # Q4, 1927Q4
                r"|(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+quarter"                    # 4th quarter
                r"|quarter\s*(?:no\.?\s*)?(\d{1,2})(?!\d)"                        # quarter 4
                r"|\b(first|second|third|fourth)\s+quarter")                        # fourth quarter


def read_quarter(answer) -> tuple[int, int]:
    """(year, quarter) from what a student may write for one: '1927 Q4', 'Q4 1927', '1927-Q4', '4th quarter of
    1927', 'fourth quarter 1927', or a date in the quarter ('1927-10-01'). ValueError if it names none."""
    text = " ".join(str(answer).lower().replace("-", " ").replace("/", " ").split())
    years, quarter = _YEAR.findall(text), _QUARTER.search(text)
    if quarter and len(years) == 1:
        number = next(g for g in quarter.groups() if g)
        return int(years[0]), _ORDINALS.get(number) or int(number)
    if re.fullmatch(r"\d{4}", text):  # a year alone names no quarter
        raise ValueError(answer)
    stamp = pd.Timestamp(str(answer))
    if pd.isna(stamp):  # "" reads as no date at all
        raise ValueError(answer)
    return stamp.year, stamp.quarter


@checks.exercise("china-switch", expects=f"a year and a quarter, such as '{SWITCH_EXAMPLE}'")
def _check_switch(answer, data):
    """In which quarter did Moscow's party face first stop being cooperative with the Nationalists?"""
    backing = backing_by_quarter(data.events, data.actors)
    turn = party_turn(data.events, data.actors)
    expected = pd.Timestamp(turn["quarter"])
    try:  # only the reading of the answer: an error in the data above is the kit's, and is raised
        if isinstance(answer, bool) or not isinstance(answer, (str, pd.Timestamp)):
            raise TypeError
        given = read_quarter(answer)
    except (ValueError, TypeError):
        if isinstance(answer, str):
            raise checks.Unreadable(f"The check could not find a year and a quarter in {checks.shown(answer)}: "
                                    f"write the year, then Q and the quarter's number, such as "
                                    f"'{SWITCH_EXAMPLE}'.") from None
        raise checks.Unreadable(f"Write the year and the quarter in quotes, such as '{SWITCH_EXAMPLE}'.") from None
    first, last = int(backing["quarter"].dt.year.min()), int(backing["quarter"].dt.year.max())
    impossible = (checks.outside(given[0], first, last, f"figure 2 shows the years {first} to {last}")
                  or checks.outside(given[1], 1, 4, "a year has four quarters, Q1 to Q4"))
    if impossible:
        return impossible
    # a day ('12 April 1927') is read as the quarter it falls in, and the message says so
    as_date = isinstance(answer, pd.Timestamp) or not _QUARTER.search(" ".join(str(answer).lower().split()))
    # step 1 is reading the figure; the thinking is step 2, which no check reads, so the praise points to it
    step_2 = ("That was step 1, the reading. Now step 2: why did the tie turn so fast? Look at the events of the "
              "weeks before the one that set it, and write your answer on paper.")
    if given == (expected.year, expected.quarter):
        if as_date:
            day = checks.shown(answer) if isinstance(answer, str) else f"{answer:%d %B %Y}"
            return checks.right(f"{day} falls in "
                                f"{quarter_name(expected)}, and that is the quarter the table shows. Next time "
                                f"write the quarter itself, such as '{SWITCH_EXAMPLE}'.", step_2)
        return checks.right(f"{quarter_name(expected)}. That is the quarter the table shows. The party face's tie "
                            f"to the Nationalists turned {turn['after']} then, set by {turn['set_by']}.", step_2)
    hint = ("Find the Nationalists' row for the party face in the table below figure 2 and read where "
            "'cooperative' first gives way to something else.")
    named = (f"{checks.shown(answer) if isinstance(answer, str) else f'{answer:%d %B %Y}'} (in {given[0]} Q{given[1]})"
             if as_date else f"{given[0]} Q{given[1]}")
    when = ("Too early: the row has not yet turned from 'cooperative' in " + named if given < (expected.year, expected.quarter)
            else "Too late: the row had already turned before " + named) + "."
    day, _ = network_turn(data.events, data.actors)
    if given == (day.year, day.quarter):  # notebook 2's date: another tie, not a slip
        return checks.wrong(f"{quarter_name(day)} is when notebook 2's one line between Moscow and the Nationalists "
                            f"stopped being cooperative ({day.day} {day:%B %Y}). Figure 2 splits Moscow into its two "
                            "faces and counts the Comintern's own dealings with the party face, so its row can "
                            "turn at another time.", when, hint)
    return checks.wrong(when, hint)


# --- the claim-and-evidence exercise (registered in evidence.SPECS as "china-evidence") ----------------------

UNITED_FRONT_ENDS = "1927-04-12"  # the Shanghai massacre: evidence before it and after it shows both halves


# The debate's events, as notebook 3's debate table and section D of handout 5 list them: exercise C sends students
# to "the Opposition's proposals as the data records them", so a line copied from these events' descriptions counts.
DEBATE_EVENTS = ("1927-stalin-theses-china", "1927-trotsky-critique", "1927-ecci-eighth-plenum",
                 "1927-stalin-cable-to-borodin", "1927-roy-shows-wang-directive", "1927-wuhan-expels-communists",
                 "1927-trotsky-expelled")


def evidence_events(data) -> set[str]:
    """China events of 1920-29 that are not neutral: those bear on whether the united front helped or failed; and
    the debate in Moscow the notebook teaches (DEBATE_EVENTS), which is evidence on that question too."""
    lanes = lane_events(data.events, data.actors)
    known = set(data.events["event_id"].astype(str))
    return set(lanes.loc[lanes["tone"].astype(str) != "neutral", "event_id"]) | (set(DEBATE_EVENTS) & known)


def evidence_sides(given, data) -> list[str]:
    """Pointers to the evidence a claim about the united front has not used yet: both faces, both halves."""
    table = lane_events(data.events, data.actors).set_index("event_id")
    cited = table.loc[[e for e in given.events if e in table.index]]
    if cited.empty:
        return []
    faces = set(cited["lane"]) | set(cited["counterpart_lane"].dropna())
    tips = []
    if STATE not in faces:
        tips.append("You cite no act of the Soviet state (a treaty with Beijing, aid, a break): did Moscow's "
                    "diplomacy help the united front or cut across it?")
    if PARTY not in faces:
        tips.append("You cite no act of the Comintern or the Soviet party (a resolution, Borodin, Stalin's "
                    "theses): the united front was their policy, so the claim should face it.")
    ends = pd.Timestamp(UNITED_FRONT_ENDS)
    if not (cited["date"] < ends).any():
        tips.append("All your evidence comes from after the Shanghai massacre: what had the united front "
                    "achieved before it (Whampoa, the Northern Expedition)?")
    if not (cited["date"] >= ends).any():
        tips.append("All your evidence comes from before April 1927: a verdict on the united front must face how "
                    "it ended.")
    return tips
