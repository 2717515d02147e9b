"""Which of the data's events a part of a claim names by its act: a state and a verb of recognition, a break or a
restoration of relations ("Canada recognised the USSR", "Britain broke off relations"), or else an event named by
its title ("the Arcos raid", "Locarno"). Shared by the rules that read an act's date (act_dates.py) and the place
or the people of an act.

A state's recognition is its act in law when the data has one (a de jure recognition), else its opening of
relations; "de facto" or "in practice" asks for its recognition in practice. The verbs are plain English; every
date, side and title is read from data/events.csv.
"""

from __future__ import annotations

import re

import pandas as pd

from . import claim_people, ties_said
from .by_table import per_reading
from .patterns import lazy
from .recognition import state_of

# a denial, a wish or a condition before an act: the rules that read acts (act_dates, act_people, places, swaps)
# leave such a clause unjudged
DENIED = lazy(r"\b(?:not|never|no)\b|n['’]t\b|\b(?:would|could|might|should)\s+have\b|\bif\b", re.IGNORECASE)

RECOGNISED = lazy(r"\b(?:gave|give|gives|granted|extended)\s+(?:[A-Z][\w'’]*\s+)?(?:de\s+jure\s+|de\s+facto\s+|formal\s+|full\s+)?"
                  r"recognition\b|\brecogni[sz]\w*"
                  r"|\b(?:established|opened|set\s+up)\s+(?:full\s+|formal\s+)?(?:diplomatic\s+)?relations\b",
                  re.IGNORECASE)
BROKE = lazy(r"\b(?:broke|broken|break\w*|cut|severed?\w*)\s+(?:off\s+)?(?:(?:all|its|their|diplomatic)\s+)*"
             r"(?:relations|ties)\b|\bbroke\s+off\b|\bbreak\s+with\b|\bbroke\s+with\b", re.IGNORECASE)
RESTORED = lazy(r"\b(?:restor\w*|resum\w*|renew\w*|re-?establish\w*)\s+(?:(?:full|its|their|diplomatic)\s+)*"
                r"(?:relations|ties)\b", re.IGNORECASE)
FACTO = lazy(r"\bde\s+facto\b|\bin\s+practice\b", re.IGNORECASE)
# a peace made with Moscow: "Finland made peace with Soviet Russia", "signed a peace", "the peace treaty"; the data's
# peaces are the events whose own title or text says so
PEACE = lazy(r"\b(?:made|make|makes|making|signed|sign|signs|concluded|conclude)\s+(?:a\s+|the\s+|its\s+|their\s+)?"
             r"(?:separate\s+)?peace\b|\bpeace\s+treaty\b|\bPeace\s+of\b", re.IGNORECASE)
OPENINGS = ("de_jure_recognition", "relations_established")


def verb_of(part: str) -> str | None:
    """The act a part's verb names: 'recognised', 'broke', 'restored' or 'made peace'; None when it names none."""
    found = [(m.start(), name) for name, pattern in (("restored", RESTORED), ("broke", BROKE), ("recognised", RECOGNISED),
                                                     ("made peace", PEACE))
             for m in [pattern.search(part)] if m]
    return min(found)[1] if found else None


def _sides(data):
    states = state_of(data.actors)
    soviet = ties_said._family(data).get("ussr", set()) | set(ties_said.SOVIET)
    return states, soviet


def states_named(part: str, data) -> list:
    """The mentions of a part that are a state other than Moscow's (or an actor of one), in order."""
    states, soviet = _sides(data)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    found = ties_said.mentions(part, ties_said.actor_names(data.actors))
    # a state or its government, never a party ("the Nationalists broke with Moscow" is no state's break)
    return [m for m in found if m.actor not in soviet and states.get(m.actor, m.actor) not in soviet
            and states.get(m.actor) and kinds.get(m.actor) in ("state", "government")]


def state_acts(state: str, verb: str, data, years=(), facto: bool = False) -> pd.DataFrame:
    """The events by which `state` (an actor id) did the act `verb` with Moscow, of `years` if given."""
    states, soviet = _sides(data)
    events = data.events
    own = states.get(state, state)
    sides = [{states.get(str(a), str(a)), states.get(str(c), str(c))}
             for a, c in zip(events["actor"], events["counterpart"])]
    with_moscow = pd.Series([own in s and bool(s & soviet | ({"ussr", "rsfsr"} & s)) for s in sides], index=events.index)
    kinds = events["kind"].astype(str)
    if verb == "made peace":
        told = events["title"].astype(str) + ". " + events["description"].fillna("").astype(str)
        rows = events[with_moscow & told.str.contains(PEACE.compiled)]
    elif verb == "broke":
        rows = events[with_moscow & (kinds == "relations_broken")]
    elif verb == "restored":
        rows = events[with_moscow & (kinds == "relations_restored")]
    elif facto:
        rows = events[with_moscow & (kinds == "de_facto_recognition")]
    else:
        rows = events[with_moscow & kinds.isin(OPENINGS)]
        if (rows["kind"].astype(str) == "de_jure_recognition").any():  # its act in law, not the exchange of envoys
            rows = rows[rows["kind"].astype(str) == "de_jure_recognition"]
    if years:
        rows = rows[rows["date"].dt.year.isin(set(years))]
    return rows.sort_values("date")


@per_reading
def named(part: str, data, years=(), cited=()) -> pd.DataFrame:
    """The events a part names by their title ("the Arcos raid", "Locarno"), of `years` if some are."""
    events = data.events
    actor_words = claim_people.words_of_names(ties_said.actor_names(data.actors))
    rows = claim_people.event_named(part, events, actor_words)
    if rows.empty:
        rows = claim_people._by_rare_name(part, events, actor_words)
    if len(rows) and years:
        rows = rows[rows["date"].dt.year.isin(set(years))]
    if len(rows) > 1:
        mine = rows[rows["event_id"].astype(str).isin(set(cited))]
        rows = mine if len(mine) else rows
    return rows.sort_values("date")


def act_rows(part: str, data, years=(), cited=()) -> pd.DataFrame:
    """The events the part names by its act: a state with a verb of recognition, break or restoration, else an
    event named by its title; empty when it names none (module text)."""
    verb = verb_of(part)
    states = states_named(part, data)
    if verb and states:
        rows = state_acts(states[0].actor, verb, data, years, facto=bool(FACTO.search(part)))
        if _is_government(states[0].actor, data):
            # "Wuhan broke with Moscow in July 1927": a government's act is its own, never that of a rival
            # government of the same state (Nanjing's break of December); the data may not have it as an event
            own = ties_said._family(data).get(states[0].actor, {states[0].actor})
            return rows[rows["actor"].astype(str).isin(own) | rows["counterpart"].astype(str).isin(own)]
        if len(rows):
            return rows
    return named(part, data, years, cited)


def _is_government(actor: str, data) -> bool:
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    return kinds.get(actor) == "government"


def spoken(row) -> str:
    from .misconceptions import _spoken

    return _spoken(str(row["date_text"])) if "date_text" in row.index else f"{row['date']:%d %B %Y}"


def period(row) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day an event's date may mean, by its precision (a month: all of it)."""
    start = row["date"]
    precision = str(row.get("date_precision", "year"))  # a date of unknown precision may mean all its year
    if precision == "year":
        return start, start + pd.offsets.YearEnd(0)
    if precision == "month":
        return start, start + pd.offsets.MonthEnd(0)
    return start, start
