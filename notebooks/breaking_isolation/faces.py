"""Moscow's two faces, the dual policy, decided here and nowhere else, as lesson 2 teaches them.

One Politburo directed both the Soviet state (its commissariat and diplomats) and the party's international
arm (the Comintern and its agents). An event shows the **party face** when Moscow acts through the party or
the Comintern, or when Moscow courts a party abroad, whoever carries the message: Joffe was the state's envoy,
but his manifesto with Sun Yat-sen courted a party, the Kuomintang, so it is the party face. An event between
Moscow's state and a state or government abroad shows the **state face**: the Sino-Soviet agreement of 1924,
signed by Karakhan with the Beijing government.

Who acts for which face is read from actors.csv (`sides`): each actor takes the face of the nearest body above
it in `belongs_to` that heads a face (vocabulary.STATE_FACE, vocabulary.PARTY_FACE). Borodin, sent by the
Politburo, belongs to the party; Blyukher, a Red Army officer, to the state.
"""

from __future__ import annotations

import pandas as pd

from .vocabulary import PARTY_FACE, STATE_FACE

STATE, PARTY = "state face", "party face"
HEADS = {**{body: STATE for body in STATE_FACE}, **{body: PARTY for body in PARTY_FACE}}


def sides(actors: pd.DataFrame) -> dict[str, str]:
    """{actor_id: STATE or PARTY} for every actor of Moscow's: the face of the nearest body above it in
    `belongs_to` (itself included) that heads a face. Actors of no such body are left out."""
    parent = {a: (b if isinstance(b, str) else "") for a, b in zip(actors["actor_id"], actors["belongs_to"])}
    found = {}
    for actor in parent:
        current, seen = actor, set()
        while current and current not in HEADS and current not in seen:
            seen.add(current)
            current = parent.get(current, "")
        if current in HEADS:
            found[actor] = HEADS[current]
    return found


def _parties(actors: pd.DataFrame) -> set[str]:
    """Parties, and those who belong to one (Sun Yat-sen to the Kuomintang)."""
    kind = dict(zip(actors["actor_id"], actors["kind"].astype(str)))
    parties = {a for a, k in kind.items() if k == "party"}
    return parties | {a for a, b in zip(actors["actor_id"], actors["belongs_to"]) if b in parties}


def _face(actor: str, counterpart: str, moscow: dict[str, str], parties: set[str]) -> str | None:
    ours = {actor, counterpart} & moscow.keys()
    if not ours:
        return None
    theirs = ({actor, counterpart} - ours) or {actor, counterpart}
    if any(moscow[a] == PARTY for a in ours) or theirs & parties:
        return PARTY
    return STATE


def face(actor: str, counterpart: str, actors: pd.DataFrame) -> str | None:
    """The face of Moscow an event between `actor` and `counterpart` shows, or None if Moscow is not a side."""
    return face_rule(actors)(actor, counterpart)


def face_rule(actors: pd.DataFrame):
    """face() for many events: a function of (actor, counterpart), with `actors` read once, not once an event."""
    moscow, parties = sides(actors), _parties(actors)
    return lambda actor, counterpart: _face(actor, counterpart, moscow, parties)


def faces(event_ids, events: pd.DataFrame, actors: pd.DataFrame) -> dict[str, str | None]:
    """The face each event shows, by event id."""
    rows = events.set_index("event_id").loc[list(event_ids)]
    moscow, parties = sides(actors), _parties(actors)
    return {e: _face(str(a), str(c), moscow, parties) for e, a, c in zip(rows.index, rows["actor"], rows["counterpart"])}
