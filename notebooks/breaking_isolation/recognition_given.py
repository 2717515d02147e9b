"""Recognition given by an event that gave none: a claim that names an event by its title as the one that gave Moscow
recognition ("The Hague conference of 1922 gave the USSR full recognition", "the Czechoslovak-Soviet treaty of
1922 gave de jure recognition"), read against the kind data/events.csv gives that event.

- an event the data codes as no act of recognition or relations (a conference, an incident, a treaty of another
  kind) said to give recognition: refused with its kind and the sentence of its text that says how it ended;
- an event the data codes as recognition in practice (de facto) said to give recognition in law ("de jure",
  "full", "formal", "legal"): refused with its kind and the sentence that says so.

The event must be the subject of the verb, in the same clause, with no denial or wish before it ("did not give",
"hoped the conference would give"). A recognition given at an event ("at Rapallo Germany recognised Moscow") is
read by the other rules.
"""

from __future__ import annotations

import re

from . import acts_named, claim_people, ties_said
from .patterns import lazy

GAVE = lazy(r"\b(?:gave|give|gives|granted|grants|brought|brings|won|meant|amounted\s+to|was|were)\s+"
            r"(?:(?:the\s+)?(?:ussr|u\.s\.s\.r\.?|soviet\s+union|soviet\s+russia|soviets|moscow|russia|rsfsr|it|them)\s+)?"
            r"(?:(?:an?|its|their|the)\s+)?(?P<level>(?:de\s+jure|de\s+facto|full|formal|legal|official|diplomatic|complete)"
            r"\s+)?recognition\b"
            r"|\b(?P<verb>recogni[sz]ed)\s+(?:the\s+)?(?:ussr|u\.s\.s\.r\.?|soviet\s+union|soviet\s+russia|soviets|moscow|"
            r"russia|rsfsr)(?P<level2>\s+(?:de\s+jure|de\s+facto|fully|formally|legally|officially|in\s+law))?\b",
            re.IGNORECASE)
LAW = lazy(r"de\s+jure|full|formal|legal|official|complete|in\s+law", re.IGNORECASE)
DENIED = lazy(r"\b(?:not|never|no|without|hoped|wanted|tried|sought|failed|refused|if|would|could|might|should|"
              r"instead|rather)\b|n['’]t\b", re.IGNORECASE)
CUT = lazy(r"[,;:]|\b(?:but|and|because|since|so|while|whereas|although|though|which|who|when|after|before)\b",
           re.IGNORECASE)
# "at the Hague conference", "during the Genoa conference": an event as the time or place of the act, not its doer
AT = lazy(r"\b(?:at|during|after|before|since|until|in|following)\s+(?:the\s+)?$", re.IGNORECASE)
ACTS_OF_RECOGNITION = ("de_jure_recognition", "relations_established", "relations_restored")
KIND_WORDS = {"conference": "a conference", "incident": "an incident", "treaty": "a treaty",
              "de_facto_recognition": "a recognition in practice (de facto), not in law (de jure)"}
ENDED = lazy(r"\b(?:ended|without|no\s+\w+|failed|broke\s+down|de\s+facto|de\s+jure|waited|only)\b", re.IGNORECASE)


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim has an event give recognition the data codes it as not giving (module text), or
    None."""
    for said in GAVE.finditer(claim):
        begin = max([c.end() for c in CUT.finditer(claim, 0, said.start())] or [0])
        head = claim[begin:said.start()]
        if not head.strip() or DENIED.search(head):
            continue
        years = claim_people.years_in(head)
        rows = acts_named.named(head, data, years, cited)
        if rows.empty or len(rows) > 1:
            continue
        row = rows.iloc[0]
        title = re.search(re.escape(str(row["title"]).split()[0]), head, re.IGNORECASE)
        if title and AT.search(head[:title.start()]):
            continue
        kind = str(row["kind"])
        level = said.group("level") or said.group("level2") or ""
        if kind in ACTS_OF_RECOGNITION or (kind == "de_facto_recognition" and not LAW.search(level)):
            continue
        if any(m.actor not in ties_said.SOVIET for m in ties_said.mentions(head, ties_said.actor_names(data.actors))
               if not re.search(re.escape(m.typed), str(row["title"]), re.IGNORECASE)):
            continue  # "Britain at the Hague conference gave ...": a state is the doer, not the event
        sentences = re.split(r"(?<=\.)\s+", str(row.get("description", "") or ""))
        told = next((s for s in reversed(sentences) if ENDED.search(s)), sentences[-1] if sentences else "")
        typed = " ".join(claim[begin:said.end()].split())
        return (f"Your claim has '{row['title']}' ({acts_named.spoken(row)}, {row['event_id']}) give Moscow "
                f"{' '.join(level.split()) + ' ' if level.strip() else ''}recognition ('{typed}'). But the data codes "
                f"it as {KIND_WORDS.get(kind, kind.replace('_', ' '))}, and its text says: \"{told.rstrip('.')}.\" "
                "Find the events in which a state recognised Moscow in the table `changes`.")
    return None
