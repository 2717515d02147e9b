"""Moscow's side, from the data: the Soviet state under its two names and every actor that belongs to it.

    sides.soviet_side(data.actors)   # {"rsfsr", "ussr", "cpsu", "chicherin", "arcos", ...}
"""

from __future__ import annotations

import pandas as pd

from .vocabulary import SOVIET_STATE


def soviet_side(actors: pd.DataFrame) -> set[str]:
    """The actor ids whose `belongs_to` chain (followed upwards, any kind) reaches the Soviet state."""
    parent = {a: (b if isinstance(b, str) else "") for a, b in zip(actors["actor_id"], actors["belongs_to"])}
    found = set()
    for actor in parent:
        current, seen = actor, set()
        while current and current not in seen and current not in SOVIET_STATE:
            seen.add(current)
            current = parent.get(current, "")
        if current in SOVIET_STATE:
            found.add(actor)
    return found
