"""For whom and against whom: a claim that names who received an act of help, whom an act was aimed at, or whom a
person acted for, read against the data. One rule for each:

- help given to the wrong side: "Moscow armed the Communists at Whampoa" (the verb of help, then who got it) is
  refused when the act of help the clause names (an event of aid or military cooperation) went to another
  actor, with the data's event;
- an act aimed at the wrong side: "the Northern Expedition was aimed at Moscow", "the Canton Commune was a
  Nationalist rising against Moscow" (what the event was, and against whom) is refused when the event the clause names is an act of one side against the other (violence, a break...) and
  the side it was against is another, with the data's sides;
- a person acting for a body that is not theirs: "Joffe signed the manifesto for the Comintern", "Borodin was sent
  by the Comintern" is refused when actors.csv puts the person in another body, with the person's note.

And one said unchecked: an act between two named sides in a year ("Britain armed Chiang in 1926", "Sun Yat-sen
signed a treaty with Britain in 1923") that the data holds no event of between them that year (unrecorded).

A denial ("did not arm") or a wish ("would have armed") says nothing here; a possessive ("against Moscow's
influence") names a thing, not the side.
"""

from __future__ import annotations

import re

import pandas as pd

from . import agents, claim_people, ties_said
from .kin import name_words
from .patterns import lazy

GIVE = lazy(r"\b(?:armed|funded|financed|trained|equipped|supplied|subsidi[sz]ed|bankrolled|paid)\s+(?:the\s+)?$",
            re.IGNORECASE)
# What an event was: "was aimed at Moscow", "was a Nationalist rising against Moscow".
AIMED = lazy(r"\b(?:was|were)\s+(?:(?:mainly|chiefly|really|first|also)\s+)?(?:aimed|directed|targeted)\s+"
             r"(?:at|against)\s+(?:the\s+)?$"
             r"|\b(?:was|were)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:rising|uprising|revolt|rebellion|coup|attack|"
             r"campaign|expedition|strike|plot|war|offensive|purge|massacre|raid)\s+against\s+(?:the\s+)?$",
             re.IGNORECASE)
FOR = lazy(r"\b(?P<verb>signed|negotiated|acted|spoke)\b(?:\s+[\w'’-]+){0,9}?\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?$"
           r"|\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of|sent\s+by|appointed\s+by|as\s+(?:an?\s+)?"
           r"(?:agent|envoy|representative|emissary|delegate)\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
DENIED = lazy(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)


def read(claim: str, data, cited=()) -> str | None:
    """The first refusal of the three rules (module text), or None."""
    return helped(claim, data, cited) or aimed(claim, data, cited) or acted_for(claim, data)


def _clauses(claim: str, data):
    """(clause, its mentions, their offsets within it) of each clause that is no wish nor denial."""
    names = ties_said.actor_names(data.actors)
    for begin, finish, _ in ties_said._clauses(claim):
        clause = claim[begin:finish]
        if ties_said.HYPOTHETICAL.search(clause) or DENIED.search(clause):
            continue
        yield clause, ties_said.mentions(clause, names)


def _sides(data):
    actors = data.actors
    kinds = dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))
    owners = dict(zip(actors["actor_id"].astype(str), actors["belongs_to"].fillna("").astype(str)))
    return kinds, owners, ties_said._family(data), name_words(data)


def _day(row) -> str:
    from .misconceptions import _spoken

    return _spoken(str(row["date_text"])) if "date_text" in row else f"{row['date']:%d %B %Y}"


def _events_of(clause: str, without: list, data, cited) -> pd.DataFrame:
    """The events the clause's act is about, without the words of the actors it names (agents' reading)."""
    for mention in without:
        clause = clause.replace(mention.typed, " ")
    actor_words = claim_people.words_of_names(ties_said.actor_names(data.actors))
    return agents._act_events(clause, data.events, actor_words, cited)


def _misdirected(claim: str, data, cited, before: re.Pattern, kinds):
    """(clause, mention, event) for the first side named just after `before` ("armed the", "aimed at") that the
    clause's event of `kinds` did not go to or was not aimed at; None when every such event fits."""
    sides = _sides(data)
    for clause, found in _clauses(claim, data):
        for mention in found:
            if not before.search(clause[:mention.start]) or mention.typed.lower().endswith(("'s", "’s")):
                continue
            rows = _events_of(clause, found, data, cited)
            rows = rows[rows["kind"].astype(str).isin(kinds)] if len(rows) else rows
            if rows.empty or any(agents._on(mention.actor, str(r), *sides) for r in rows["counterpart"]):
                continue
            return clause, mention, rows.iloc[0]
    return None


def helped(claim: str, data, cited=()) -> str | None:
    """Help the clause says went to an actor that the data's act of help did not go to (module text)."""
    found = _misdirected(claim, data, cited, GIVE, agents.HELPING)
    if found is None:
        return None
    clause, mention, row = found
    labels = agents._labels(data)
    said = " ".join(clause[:mention.end].split()[-6:])
    given, named = labels.get(str(row['counterpart']), row['counterpart']), labels.get(mention.actor, mention.typed)
    inside = _joined(mention.actor, str(row["counterpart"]), row["date"], data)
    return (f"Your claim says '{said}', but the data has '{row['title']}' ({_day(row)}, {row['event_id']}): "
            f"help from {labels.get(str(row['actor']), row['actor'])} to {given}, not to {named}"
            + (f" as a party. But the data has members of {named} joining {given} before it: {inside}. So any "
               f"of them who took part did so as members of {given}, the side the help went to." if inside else ".")
            + " Check who received it against that event in data/events.csv.")


# "Third CCP Congress decides members will join the Kuomintang", "...admits communists": one side's members inside
# the other's (the united front), by the titles of the two sides' cooperative acts
JOINED = lazy(r"\b(?:join\w*|admit\w*)\b", re.IGNORECASE)


def _joined(member: str, body: str, before, data) -> str:
    """The data's cooperative acts between two sides, before a day, whose titles say the members of one joined the
    other or were admitted to it, as 'title' (day, id); "" when there is none."""
    events = data.events
    pair = ((events["actor"].astype(str) == member) & (events["counterpart"].astype(str) == body)) | (
        (events["actor"].astype(str) == body) & (events["counterpart"].astype(str) == member))
    rows = events[pair & (events["date"] < before) & (events["tone"].astype(str) == "cooperative")
                  & events["title"].astype(str).str.contains(JOINED.compiled)].sort_values("date")
    return " and ".join(f"'{r['title']}' ({_day(r)}, {r['event_id']})" for _, r in rows.iterrows())


def aimed(claim: str, data, cited=()) -> str | None:
    """An act of one side against another that the clause says was aimed at a third (module text)."""
    found = _misdirected(claim, data, cited, AIMED, agents.ONE_WAY)
    if found is None:
        return None
    clause, mention, row = found
    labels = agents._labels(data)
    actor, counterpart = (labels.get(str(row[k]), row[k]) for k in ("actor", "counterpart"))
    said = " ".join(clause[:mention.end].split()[-8:])
    return (f"Your claim says '{said}', but the data has '{row['title']}' ({_day(row)}, {row['event_id']}) "
            f"as an act of {actor} against {counterpart}, not against "
            f"{labels.get(mention.actor, mention.typed)}. Check whom it was aimed at, and who did it, "
            "against that event in data/events.csv.")


def acted_for(claim: str, data) -> str | None:
    """A person said to act for, or be sent by, a body that actors.csv does not put them in (module text)."""
    kinds, owners, family, _ = _sides(data)
    notes = (dict(zip(data.actors["actor_id"].astype(str), data.actors["note"].fillna("").astype(str)))
             if "note" in data.actors else {})
    for clause, found in _clauses(claim, data):
        people = [m for m in found if kinds.get(m.actor) == "person"]
        for body in found:
            said_for = FOR.search(clause[:body.start]) if kinds.get(body.actor) != "person" else None
            if said_for is None:
                continue
            # "Joffe signed the manifesto with Sun Yat-sen for the Comintern": the signer is the one before the verb
            until = said_for.start("verb") if said_for.group("verb") else body.start
            person = next((p for p in reversed(people) if p.end <= until), None)
            if person is None or person.actor in family.get(body.actor, {body.actor}):
                continue  # the person belongs to that body, at any depth (Joffe for Moscow)
            names, owner = agents._labels(data), owners.get(person.actor, "")
            who = names.get(person.actor, person.typed)
            own = "the Soviet state" if owner in ties_said.SOVIET else names.get(owner, "no body")
            note = notes.get(person.actor, "").strip().rstrip(".")
            said = " ".join(clause[person.start:body.end].split()[:12])
            return (f"Your claim has {who} act for {names.get(body.actor, body.typed)} ('{said}'), but data/actors.csv "
                    f"has {who} belong to {own}, not to {names.get(body.actor, body.typed)}"
                    + (f": \"{note}.\"" if note else ".") + _party_face(person.actor, body.actor, clause, data)
                    + " Check whose side the person acted for.")
    return None


def _party_face(person: str, body: str, clause: str, data) -> str:
    """Why notebook 3's figure 1 shows a state envoy's act under the party face, when a claim puts the envoy in a body
    of that face ("Joffe signed for the Comintern"): the other side was a party, or a person of one (faces.py, handout
    5's "Before exercise B"). The person's party-face events the clause names, else all of them; "" when none."""
    from . import faces

    actors = data.actors
    if faces.sides(actors).get(body) != faces.PARTY or faces.sides(actors).get(person) != faces.STATE:
        return ""
    events = data.events
    mine = events[(events["actor"].astype(str) == person) | (events["counterpart"].astype(str) == person)]
    mine = mine[[faces.face(str(a), str(c), actors) == faces.PARTY for a, c in zip(mine["actor"], mine["counterpart"])]]
    named = claim_people.event_named(clause, mine, claim_people.words_of_names(ties_said.actor_names(actors)))
    rows = (named if len(named) else mine).sort_values("date")
    if rows.empty:
        return ""
    names = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str)))
    owners = dict(zip(actors["actor_id"].astype(str), actors["belongs_to"].fillna("").astype(str)))
    said = []
    for _, row in rows.iterrows():
        other = str(row["counterpart"]) if str(row["actor"]) == person else str(row["actor"])
        party = owners.get(other) or other
        whose = f"{names.get(other, other)} acted for a party, the {names.get(party, party)}" if party != other \
            else f"the other side, {names.get(other, other)}, was a party"
        said.append(f"'{row['title']}' ({_day(row)}, {row['event_id']}) under the party face because {whose}")
    return (f" Notebook 3's figure 1 still shows {'; and '.join(said)}: the kit files an event there when the other "
            f"side was a party or a person of one, whoever acted for Moscow (handout 5, 'Before exercise B'). Both "
            f"hold: {names.get(person, person)} belonged to the Soviet state, and the event shows the party face "
            f"because of the side {names.get(person, person)} dealt with.")


# An act between two named sides that the data should hold as an event: a treaty signed, help in arms or money.
SIGNED_WITH = lazy(r"\b(?:signed|concluded|made)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:treaty|agreement|pact|"
                   r"alliance|convention)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
HELPED_WITH = lazy(r"\b(?:armed|funded|financed|equipped|subsidi[sz]ed|bankrolled)\s+(?:the\s+)?$", re.IGNORECASE)
TREATY_KINDS = ("treaty", "de_jure_recognition", "de_facto_recognition", "relations_established", "relations_restored",
                "concession", "military_cooperation")


def unrecorded(claim: str, data) -> list[str]:
    """What the check could not check: an act a clause says one named side did with another in a year (signed a
    treaty with, armed, funded) when the data holds no such event between the two sides that year. Not proof
    that it did not happen: said unchecked, with what the data does hold between them."""
    kinds, owners, family, _ = _sides(data)
    labels, events = agents._labels(data), data.events
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)

    def side(actor_id: str) -> set[str]:
        own = family.get(actor_id, {actor_id})
        return own | family.get(owners.get(actor_id, ""), set()) if kinds.get(actor_id) == "person" else own

    found, names = [], ties_said.actor_names(data.actors)
    for begin, finish in claim_people._parts(claim):  # cut at "and" too: "armed Chiang and in 1927 Chiang ..."
        clause = claim[begin:finish]
        if ties_said.HYPOTHETICAL.search(clause) or DENIED.search(clause):
            continue
        mentions, years = ties_said.mentions(clause, names), claim_people.years_in(clause)
        for other in mentions:
            treaty = SIGNED_WITH.search(clause[:other.start])
            help_ = None if treaty else HELPED_WITH.search(clause[:other.start])
            said = treaty or help_
            doers = [m for m in mentions if m.end <= (said.start() if said else 0)]
            if not said or not doers or not years or ties_said._same(doers[-1].actor, other.actor):
                continue
            one, two = side(doers[-1].actor), side(other.actor)
            between = events[((actor.isin(one) & counterpart.isin(two)) | (actor.isin(two) & counterpart.isin(one)))
                             & events["kind"].astype(str).isin(TREATY_KINDS if treaty else agents.HELPING)]
            if between["date"].dt.year.isin(years).any():
                continue
            who, whom = (labels.get(m.actor, m.typed) for m in (doers[-1], other))
            held = (f"its {'treaties' if treaty else 'acts of help'} between them are "
                    + ", ".join(f"{r.event_id} ({r.date.year})" for r in between.sort_values("date").head(3).itertuples())
                    if len(between) else f"it holds no {'treaty' if treaty else 'act of help'} between them at all")
            found.append(f"that {who} {said.group(0).strip()} {whom} in {' or '.join(map(str, years))}: the kit's data "
                         f"records no such event between them that year ({held}), so check that this happened")
    return found
