"""Moscow's two faces, the dual policy, decided here and nowhere else, as lesson 2 teaches them.

One Politburo directed both the Soviet state (its commissariat and diplomats) and the party's international
arm (the Comintern and its agents). An event shows the **party face** when Moscow acts through the party or
the Comintern, or when Moscow courts a party abroad, whoever carries the message: Joffe was the state's envoy,
but his manifesto with Sun Yat-sen courted a party, the Kuomintang, so it is the party face. An event between
Moscow's state and a state or government abroad shows the **state face**: the Sino-Soviet agreement of 1924,
signed by Karakhan with the Beijing government.
"""

from __future__ import annotations

import pandas as pd

# Moscow's people and bodies, by actor_id, on each side (notebook 3's lanes read them too). The military
# advisers were Red Army officers, so Blyukher acts for the state; Borodin was the Politburo's man.
STATE_SIDE = frozenset({"rsfsr", "ussr", "far-eastern-republic", "chicherin", "litvinov", "karakhan", "joffe",
                        "krasin", "blyukher", "red-army", "arcos"})
PARTY_SIDE = frozenset({"comintern", "cpsu", "zinoviev", "stalin", "trotsky", "borodin"})
MOSCOW = STATE_SIDE | PARTY_SIDE
STATE, PARTY = "state face", "party face"


def _is_party(actor: str, actors: pd.DataFrame) -> bool:
    """A party, or someone who belongs to one (Sun Yat-sen to the Kuomintang)."""
    table = actors.set_index("actor_id")
    if actor not in table.index:
        return False
    if str(table.at[actor, "kind"]) == "party":
        return True
    owner = str(table.at[actor, "belongs_to"] or "")
    return owner in table.index and str(table.at[owner, "kind"]) == "party"


def face(actor: str, counterpart: str, actors: pd.DataFrame) -> str | None:
    """The face of Moscow an event between `actor` and `counterpart` shows, or None if Moscow is not a side."""
    sides = {actor, counterpart}
    ours = sides & MOSCOW
    if not ours:
        return None
    theirs = (sides - MOSCOW) or sides
    if ours & PARTY_SIDE or any(_is_party(other, actors) for other in theirs):
        return PARTY
    return STATE


def faces(event_ids, events: pd.DataFrame, actors: pd.DataFrame) -> dict[str, str | None]:
    """The face each event shows, by event id."""
    rows = events.set_index("event_id").loc[list(event_ids)]
    return {e: face(str(a), str(c), actors) for e, a, c in zip(rows.index, rows["actor"], rows["counterpart"])}
