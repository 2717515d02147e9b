"""Which bodies one name covers: "Kuomintang" is the party and the Wuhan government, "Nationalist" the party and the
Nanjing government. Kept apart from `agents` and `ties_said`, which both read it, so neither imports the other."""

from __future__ import annotations

import re

from . import evidence_words

# A state's adjective, as English writes it: read as the state (agents), never as the name of an event (claim_people)
DEMONYMS = {"british": "britain", "english": "britain", "american": "usa", "french": "france", "german": "germany",
            "italian": "italy", "japanese": "japan", "soviet": "ussr", "russian": "ussr", "polish": "poland",
            "turkish": "turkey", "chinese": "china", "afghan": "afghanistan", "swiss": "switzerland", "persian": "persia"}


def peoples(actor_ids) -> dict[str, str]:
    """A people's name for its state, from its adjective ("the Afghans", "Persians", "the Swiss"), for the states
    actors.csv has: "the British" recognised Moscow as Britain did."""
    found = {}
    for adjective, state in DEMONYMS.items():
        if state in set(actor_ids):
            plural = adjective.endswith(("sh", "ch", "ese", "ss"))  # "the Swiss", "the French": no plural -s
            found[f"the {adjective}"] = found.get(f"the {adjective}", state) if plural else None
            if not plural:
                found[f"{adjective}s"] = state
                found[f"the {adjective}s"] = state
    return {name: state for name, state in found.items() if state}


def kin(one: str, other: str, names: dict[str, set[str]], owners: dict[str, str]) -> bool:
    """Two bodies of one state that one name covers: "Kuomintang" is the party and the Wuhan government (left
    Kuomintang), "Nationalist" the party and the Nanjing government; never the Chinese and Soviet communists."""
    return bool(names.get(one, set()) & names.get(other, set())) and owners.get(one, "") == owners.get(other, "") != ""


def name_words(data) -> dict[str, set[str]]:
    """{actor: the words of its name that name no other kind of thing}: not a filler ("government", "party"), nor
    a people's adjective ("Chinese")."""
    found = {}
    for actor, name in zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)):
        words = {w.lower().removesuffix("s") for w in re.findall(r"[A-Za-z][\w'-]+", name)}
        found[actor] = {w for w in words if w not in evidence_words.NAME_FILLERS and not w.endswith("ese") and len(w) >= 4}
    return found
