"""A word of tone set against the cited event between the same two: a claim that says one actor turned on, fought,
or stayed loyal to another ("Feng Yuxiang fought Chiang at Xuzhou in 1927", "Sun Yat-sen turned against Moscow
just before he died in 1925"), where an event the student cites has those two as its two sides (or a person of
one and the other) and the other tone in data/events.csv.

The cited event is the one the words are about when it falls in the years the word's part of the clause gives
(or a time clause just after it: "before he died in 1925"), and either that part shares a word of its title that names no actor ("Xuzhou"), or it is the
last event the data holds between the two (nothing after it could have turned the tie). The refusal quotes the
event's own sentence. A denial, a wish or a condition says nothing; ties of several events are ties_said's.
"""

from __future__ import annotations

import re

from . import acts_named, claim_people, evidence_words, ties_said
from .patterns import lazy

TIMES = ("before", "after", "when", "until", "as", "while")
CUT = lazy(r",|;|\band\b|\bbut\b|\bwhich\b|\bwho\b", re.IGNORECASE)


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when a word of tone between two actors is set against a cited event between them of the other
    tone (module text), or None."""
    events = data.events
    mine = events[events["event_id"].astype(str).isin(set(cited))]
    if mine.empty:
        return None
    names = ties_said.actor_names(data.actors)
    actor_words = claim_people.words_of_names(names)
    family = ties_said._family(data)
    persons = ties_said.person_names(data.actors)
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    labels = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
    labels.update({s: "Moscow" for s in ties_said.SOVIET})
    found = [m for m in ties_said.mentions(claim, names) if not ties_said._names_a_thing(claim, m, data)]
    clauses = ties_said._clauses(claim)
    for i, (begin, finish, _) in enumerate(clauses):
        clause = claim[begin:finish]
        if ties_said.HYPOTHETICAL.search(clause):
            continue
        inside = [m for m in found if begin <= m.start and m.end <= finish]
        for tone, pattern in (("cooperative", ties_said.COOPERATIVE), ("hostile", ties_said.HOSTILE)):
            for word in pattern.finditer(claim, begin, finish):
                if ties_said.DENIED.search(claim[max(begin, word.start() - 40):word.start()]) or \
                        ties_said.BREAK_VERB.match(claim, word.start()):  # a break: read against the breaks
                    continue
                cuts = [begin] + [begin + c.end() for c in CUT.finditer(clause)] + [finish]
                own_begin = max(c for c in cuts if c <= word.start())
                own_end = min([c for c in cuts if c > word.start()] or [finish])
                part = claim[own_begin:own_end]
                after = [m for m in inside if m.start >= word.end() and m.end <= own_end]
                before = [m for m in inside if m.end <= word.start()]
                if not after or not before:
                    continue
                # "turned against Moscow just before he died in 1925": the time clause that follows dates the word
                then = (claim[clauses[i + 1][0]:clauses[i + 1][1]] if i + 1 < len(clauses)
                        and clauses[i + 1][2] in TIMES else "")
                years = set(claim_people.years_in(part) or claim_people.years_in(then))
                if not years:
                    continue
                words = set(evidence_words.words(part)) - evidence_words.LITTLE - actor_words
                for doer in reversed(before):
                    why = _against(doer.actor, after[0].actor, tone, word.group(0), words, years, mine, events,
                                   family, persons, owners, labels, actor_words)
                    if why:
                        return why
    return None


def _against(one: str, two: str, tone: str, said: str, words: set[str], years: set[int], mine, events, family,
             persons, owners, labels, actor_words) -> str | None:
    if ties_said._same(one, two):
        return None
    sides = family.get(one, {one}), family.get(two, {two})
    pair = events[ties_said._linked(events, *sides, persons, owners=owners)].sort_values("date")
    direct = pair[pair["event_id"].isin(mine["event_id"])
                  & ((pair["actor"].astype(str).isin(sides[0]) & pair["counterpart"].astype(str).isin(sides[1]))
                     | (pair["actor"].astype(str).isin(sides[1]) & pair["counterpart"].astype(str).isin(sides[0])))]
    other = "hostile" if tone == "cooperative" else "cooperative"
    for _, row in direct.iterrows():
        if str(row["tone"]) != other or row["date"].year not in years:
            continue
        title_words = set(evidence_words.words(str(row["title"]))) - evidence_words.LITTLE - actor_words
        last = pair["event_id"].iloc[-1] == row["event_id"]
        if not (words & title_words) and not last:
            continue
        who, whom = labels.get(one, one), labels.get(two, two)
        text = str(row.get("description", "") or "")
        surname = whom.split()[-1]
        sentence = next((s for s in re.split(r"(?<=[a-z0-9)]\.)\s+(?=[A-Z])", text) if surname in s),
                        text.split(". ")[0])
        why = "the last event the data holds between them" if last else "the event your words name"
        return (f"Your claim says {who} and {whom} were {tone} ('{said}') in {' and '.join(map(str, sorted(years)))}, "
                f"but '{row['title']}' ({acts_named.spoken(row)}, {row['event_id']}), which you cite and {why}, "
                f"is {other}: \"{sentence.strip().rstrip('.')}.\" Read that event, then say what the tie was.")
    return None
