"""Where a treaty was signed: a claim that puts a peace or a treaty between two sides at a place ("Latvia made peace
with Soviet Russia at Tartu in 1920"), read against where the data's event between them was made.

An event's places are read from its own text: a name after "at" or "in" in its title, description or date note
("made peace at Riga", "signed in Moscow"), a "Treaty of"/"Peace of" name in its title, or a conference it was
made during ("during the Genoa conference"). A place a claim may name is one the data writes so for some event.
The event is the one of the claim's year (if it gives one) between the sides it names, of a treaty's kinds, and a
peace when the claim says peace, a neutrality or non-aggression treaty when it says so. The claim is refused only
when the data gives that event places and the claim's is none of them: the message quotes the data's sentence and
names the events the data does put at the claim's place.
"""

from __future__ import annotations

import re
import pandas as pd

from . import acts_named, checks, claim_people, evidence_words, ties_said
from .patterns import lazy

AT = lazy(r"\b(?:at|in)\s+(?:the\s+)?(?P<place>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)")
TITLED = lazy(r"\b(?:Treaty|Treaties|Peace|Conference|Congress)\s+of\s+(?P<place>[A-Z][a-z]+)")
DURING = lazy(r"\b(?:during|at)\s+the\s+(?P<place>[A-Z][a-z]+)\s+(?:conference|congress)", re.IGNORECASE)
SIGNED = lazy(r"\b(?:made|making|concluded|signed|signing|agreed|negotiated)\b(?:\s+[\w'’-]+){0,6}?\s+"
              r"(?:peace|treaty|pact|agreement|settlement|convention)|\b(?:made|making|concluded)\s+peace\b"
              r"|\b(?:peace|treaty|pact)\b(?:\s+[\w'’-]+){0,4}?\s+(?:was|were)\s+(?:signed|concluded|made)",
              re.IGNORECASE)
KINDS = ("treaty", "relations_established", "de_jure_recognition", "de_facto_recognition", "relations_restored")
SORTS = (("peace", lazy(r"\bpeace\b", re.IGNORECASE)),
         ("neutrality", lazy(r"\bneutral\w*|\bnon-aggression\b", re.IGNORECASE)))
MONTH_NAMES = frozenset(claim_people.MONTHS)
DENIED = acts_named.DENIED


def _text(row) -> str:
    return f"{row.get('title', '')}. {row.get('description', '') or ''} {row.get('date_note', '') or ''}"


# "wrote in Pravda", "argued the same in Pravda": a paper the words were printed in, not a place
WRITTEN_IN = lazy(r"\b(?:wrote|writes|written|writing|published|publishes|appeared|appears|printed|prints|article|"
                  r"articles|reported|reports|quoted|editorial|argued|argues|declared|stated)(?:\s+[\w'’-]+){0,2}?\s+$",
                  re.IGNORECASE)


def own_places(row) -> set[str]:
    """The places the data puts an event at (module text)."""
    text = _text(row)
    found = {m.group("place") for m in AT.finditer(text) if not WRITTEN_IN.search(text, 0, m.start())}
    found |= {m.group("place") for m in TITLED.finditer(str(row.get("title", "")))}
    found |= {m.group("place") for m in DURING.finditer(text)}
    return {p for p in found if p.lower() not in MONTH_NAMES}


_KNOWN: dict[int, tuple[pd.DataFrame, frozenset[str]]] = {}


def _known(events: pd.DataFrame) -> frozenset[str]:
    """Every place the data puts some event at, read once per table of events."""
    held = _KNOWN.get(id(events))
    if held is None or held[0] is not events:
        held = (events, frozenset(p for _, row in events.iterrows() for p in own_places(row)))
        _KNOWN.clear()
        _KNOWN[id(events)] = held
    return held[1]


def _claim_place(clause: str, data) -> re.Match | None:
    """The place a clause puts its act at: a name after "at"/"in" that the data writes as an event's place and
    that is no state's name nor an English word ("in Moscow" is a place; "in Germany", "in March" are not)."""
    known = _known(data.events)
    names = checks.names_of(data.actors)
    for found in AT.finditer(clause):
        place = found.group("place")
        if place in known and place.lower() not in names and place.lower() not in MONTH_NAMES \
                and not evidence_words.is_common(place.lower()):
            return found
    return None


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when a clause puts a treaty between two sides at a place the data's event does not name (module
    text), or None."""
    names = ties_said.actor_names(data.actors)
    years = claim_people.years_in(claim)
    for begin, finish, _ in ties_said._clauses(claim):
        clause = claim[begin:finish]
        said = _claim_place(clause, data)
        if said is None or not SIGNED.search(clause) or DENIED.search(clause):
            continue
        place = said.group("place")
        sides = [m for m in ties_said.mentions(clause[:said.start()] + clause[said.end():], names)]
        states = acts_named.states_named(clause[:said.start()] + clause[said.end():], data)
        if not states:
            continue
        rows = _treaties(states[0].actor, sides, clause, data, claim_people.years_in(clause) or years)
        placed = [(row, own_places(row)) for _, row in rows.iterrows()]
        placed = [(row, where) for row, where in placed if where]
        if not placed or any(place in where for _, where in placed):
            continue
        row, where = placed[0]
        told = f"{row.get('description', '') or ''} {row.get('date_note', '') or ''}"  # its own sentence first, then its title
        sentence = next((s for s in re.split(r"(?<=\.)\s+", told) if any(w in s for w in where)), None)
        there = [str(r["event_id"]) for _, r in _sorted_like(data.events, clause).iterrows()
                 if place in made_at(r) and str(r["kind"]) in KINDS][:3]
        also = f" The data puts {', '.join(there)} at {place}." if there else ""
        data_says = (f"the data says: \"{sentence.strip()}\"" if sentence else
                     f"the data names it after {_listed(sorted(where))}")
        return (f"Your claim puts '{row['title']}' ({acts_named.spoken(row)}, {row['event_id']}) at {place}, but "
                f"{data_says}.{also} Check where it was made against that event in data/events.csv.").replace('.".', '."')
    return None


MADE = lazy(r"\b(?:signed|made\s+peace|concluded|initialled)\b[^.;]{0,40}?\b(?:at|in)\s+(?:the\s+)?"
            r"(?P<place>[A-Z][a-z]+)|\bat\s+(?P<at>[A-Z][a-z]+)")


def made_at(row) -> set[str]:
    """The places the data says an event was made at: its title's "Treaty of X", or "signed in X", "at X"."""
    found = {m.group("place") for m in TITLED.finditer(str(row.get("title", "")))}
    found |= {m.group("place") or m.group("at") for m in MADE.finditer(_text(row))}
    return {p for p in found if p.lower() not in MONTH_NAMES}


def _sorted_like(events: pd.DataFrame, clause: str) -> pd.DataFrame:
    """The events of the sort the clause says (a peace, a neutrality treaty), all of them when it says none."""
    for _, sort in SORTS:
        if sort.search(clause):
            keep = [bool(sort.search(_text(r))) for _, r in events.iterrows()]
            events = events[pd.Series(keep, index=events.index, dtype=bool)]  # a bare empty list picks no columns
    return events


def _listed(items: list[str]) -> str:
    return " and ".join(items) if len(items) <= 2 else ", ".join(items[:-1]) + " and " + items[-1]


def _treaties(state: str, sides, clause: str, data, years) -> pd.DataFrame:
    """The events of a treaty's kinds between `state` and Moscow (or another side the clause names), of `years`,
    of the sort the clause says (a peace, a neutrality treaty)."""
    states, soviet = acts_named._sides(data)
    own = states.get(state, state)
    others = {states.get(m.actor, m.actor) for m in sides} - {own}
    events = data.events
    rows = []
    for index, a, c, kind in zip(events.index, events["actor"].astype(str), events["counterpart"].astype(str),
                                 events["kind"].astype(str)):
        two = {states.get(a, a), states.get(c, c)}
        if kind in KINDS and own in two and (two - {own}) & (others | soviet | {"ussr", "rsfsr"}):
            rows.append(index)
    found = events.loc[rows]
    if years:
        found = found[found["date"].dt.year.isin(set(years))]
    return _sorted_like(found, clause).sort_values("date")
