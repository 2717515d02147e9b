"""Who joined whom, turned round: "The Kuomintang joined the Communist Party in 1923", where the data's events say
the communists joined the Kuomintang.

The kit's events say in their own words who joined whom ("communists would join the Kuomintang as individuals",
"its members joining Sun's party"). A claim that makes A join B is refused when the data holds B (or B's members)
joining A and never A joining B; with no such event either way, nothing is read. A join denied ("never joined") or
put in a conditional is not read.
"""

from __future__ import annotations

import re

from . import ties_said
from .patterns import lazy

JOINED = lazy(r"\b(?:joined|joins|join|entered|became\s+(?:a\s+)?members?\s+of|merged\s+into)\s+(?:the\s+)?",
              re.IGNORECASE)
DATA_JOIN = lazy(r"\bjoin(?:ed|ing|s)?\s+(?:[\w'’-]+\s+){0,3}?", re.IGNORECASE)
DENIED = lazy(r"(?:\bnot|\bnever|n't|\bno\s+longer)\s*(?:\w+\s+)?$", re.IGNORECASE)
CLAUSE = lazy(r"\b(?:but|while|whereas|because|so|which|who|that|after|before|when|and)\b|[,;:]", re.IGNORECASE)


def _joins(data, names) -> list[tuple[str, str, object]]:
    """(who joined, whom, the event row), as the events' titles and descriptions say it."""
    found = []
    for _, row in data.events.iterrows():
        text = f"{row['title']}. {row.get('description', '')}"
        for m in DATA_JOIN.finditer(text):
            sentence_start = max(text.rfind(". ", 0, m.start()) + 2, 0)
            after = ties_said.mentions(text[m.end() - 1:m.end() + 60], names)
            before = ties_said.mentions(text[sentence_start:m.start()], names)
            if not after:
                continue
            who = before[-1].actor if before else str(row["actor"])
            found.append((who, after[0].actor, row))
    return found


def read(claim: str, data, cited=()) -> str | None:
    """Why the claim is refused, when it turns round who joined whom (module text)."""
    from .misconceptions import _spoken

    if ties_said.HYPOTHETICAL.search(claim):
        return None
    names = ties_said.actor_names(data.actors)
    found = ties_said.mentions(claim, names)
    family = ties_said._family(data)

    def same(a: str, b: str) -> bool:
        return a == b or a in family.get(b, {b}) or b in family.get(a, {a})

    joins = None
    for m in JOINED.finditer(claim):
        if DENIED.search(claim, 0, m.start()):
            continue
        begin = max([c.end() for c in CLAUSE.finditer(claim, 0, m.start())] or [0])
        subject = [f for f in found if begin <= f.start and f.end <= m.start()][:1]
        whom = [f for f in found if m.end() - 1 <= f.start <= m.end() + 1]
        if not subject or not whom or same(subject[0].actor, whom[0].actor):
            continue
        a, b = subject[0], whom[0]
        joins = _joins(data, names) if joins is None else joins
        if any(same(j[0], a.actor) and same(j[1], b.actor) for j in joins):
            continue
        back = [j for j in joins if same(j[0], b.actor) and same(j[1], a.actor)]
        if not back:
            continue
        row = next((j[2] for j in back if str(j[2]["event_id"]) in set(cited)), back[0][2])
        labels = {k: f"the {v}" for k, v in ties_said.checks.actor_labels(data.actors).items()}
        return (f"Your claim says {labels.get(a.actor, a.typed)} joined {labels.get(b.actor, b.typed)} "
                f"('{' '.join(claim[a.start:b.end].split())}'), but the data has it the other way round: "
                f"in '{row['title']}' ({_spoken(str(row['date_text']))}, {row['event_id']}) it is "
                f"{labels.get(b.actor, b.typed)} who join {labels.get(a.actor, a.typed)}. Read that event in "
                "data/events.csv: who joined whom?")
    return None
