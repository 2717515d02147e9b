"""Who did what to whom, turned round or handed to a rival: read against the event's actor and counterpart in
data/events.csv (agents.py reads a doer against an act; these are the forms it leaves):

- help sent the wrong way: "Britain sent money to the Soviet trade unions" (a verb of giving, then "to" the
  receiver) is refused when the data's acts of help between the two sides that year all go the other way;
- an act aimed at its own doer: "The Canton coup was carried out by Borodin against Chiang", "The communists
  staged the Canton coup against Chiang" is refused when the act the clause names by its title is one of one
  side against the other and the side the clause sets it against is the side that did it;
- sent home by a rival: "Chiang sent Borodin home in 1927" is refused when the data's act of sending that person
  away that year is another actor's, and the claim's doer heads another government (actors.csv: Chiang's Nanjing
  government, not Wuhan); a person of the actor's own party with no government of their own is not refused.

A denial or a wish says nothing here.
"""

from __future__ import annotations

import re

from . import acts_named, agents, claim_people, ties_said
from .kin import DEMONYMS
from .patterns import lazy

GIVING = lazy(r"\b(?:sent|gave|donated|provided|offered|transferred|telegraphed|raised)\s+(?:[\w'’-]+\s+){0,3}?"
              r"(?:money|funds|roubles|rubles|gold|aid|arms|weapons|help|cash|donations)\s+(?:to|for)\s+(?:the\s+)?$",
              re.IGNORECASE)
AGAINST = lazy(r"\bagainst\s+(?:the\s+)?$", re.IGNORECASE)
STAGED = lazy(r"\b(?:staged|mounted|carried\s+out|launched|organi[sz]ed|made|led)\s+(?:the\s+)?$", re.IGNORECASE)
SENT_AWAY = lazy(r"\b(?:sent|packed)\s+(?P<whom>.{1,60}?)\s+(?:home|away|back)\b"
                 r"|\b(?:forced|drove|threw|pushed|ordered)\s+(?P<whom2>.{1,60}?)\s+out\b"
                 r"|\b(?:expelled|dismissed|ousted)\s+(?P<whom3>.{1,60}?)(?=\s+(?:from|in|after|and|$)|[,.;]|$)",
                 re.IGNORECASE)
SENT_BY = lazy(r"\b(?:was|were)\s+(?:sent\s+(?:home|away|back)|forced\s+out|expelled|ousted|dismissed)\b"
               r"(?:\s+[\w'’-]+){0,4}?\s+by\s+(?:the\s+)?", re.IGNORECASE)
DENIED = acts_named.DENIED


def read(claim: str, data, cited=()) -> str | None:
    """The first refusal of the three rules (module text), or None."""
    return given_back(claim, data, cited) or against_itself(claim, data, cited) or sent_away(claim, data, cited)


def _ties(data):
    actors = data.actors
    kinds = dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))
    owners = dict(zip(actors["actor_id"].astype(str), actors["belongs_to"].fillna("").astype(str)))
    return kinds, owners, ties_said._family(data)


def _clauses(claim: str, data):
    names = ties_said.actor_names(data.actors)
    for begin, finish, _ in ties_said._clauses(claim):
        clause = claim[begin:finish]
        if DENIED.search(clause):
            continue
        yield clause, ties_said.mentions(clause, names)


def _who(clause: str, mention) -> str:
    """The actor a mention stands for: "British unions" are Britain's, whatever "unions" alone names."""
    before = re.search(r"([\w'’]+)\s+$", clause[:mention.start])
    adjective = before.group(1).lower() if before else ""
    return DEMONYMS.get(adjective, mention.actor)


def _demonym(text: str, data) -> str | None:
    """The state of the last adjective of a state in a text ("The British government sent..."), if the data has it."""
    ids = set(data.actors["actor_id"].astype(str))
    found = [DEMONYMS[w.lower()] for w in re.findall(r"[A-Za-z]+", text) if DEMONYMS.get(w.lower()) in ids]
    return found[-1] if found else None


def _on(doer: str, side: str, data) -> bool:
    kinds, owners, family = _ties(data)
    from .kin import name_words

    return agents._on(doer, side, kinds, owners, family, name_words(data))


def given_back(claim: str, data, cited=()) -> str | None:
    """Help the clause sends from one side to the other when the data's help between them goes the other way."""
    events = data.events
    helping = events[events["kind"].astype(str).isin(agents.HELPING)]
    years = claim_people.years_in(claim)
    for clause, found in _clauses(claim, data):
        for whom in found:
            if not GIVING.search(clause[:whom.start]):
                continue
            doers = [m for m in found if m.end <= whom.start and not GIVING.search(clause[:m.start])]
            giver = _who(clause, doers[-1]) if doers else _demonym(clause[:whom.start], data)
            if not giver:
                continue
            receiver = _who(clause, whom)
            rows = helping[helping["date"].dt.year.isin(set(claim_people.years_in(clause) or years))] if years else helping
            between = [(r, _on(giver, str(r["actor"]), data) and _on(receiver, str(r["counterpart"]), data),
                        _on(giver, str(r["counterpart"]), data) and _on(receiver, str(r["actor"]), data))
                       for _, r in rows.iterrows()]
            if any(right for _, right, _ in between) or not any(turned for _, _, turned in between):
                continue
            row = next(r for r, _, turned in between if turned)
            labels = agents._labels(data)
            return (f"Your claim has help go from {labels.get(giver, giver)} to {labels.get(receiver, receiver)}, "
                    f"but the data has it the other way round: '{row['title']}' ({acts_named.spoken(row)}, "
                    f"{row['event_id']}) is help from {labels.get(str(row['actor']), row['actor'])} to "
                    f"{labels.get(str(row['counterpart']), row['counterpart'])}. Check who gave and who received it "
                    "against that event in data/events.csv.")
    return None


def against_itself(claim: str, data, cited=()) -> str | None:
    """An act of one side against the other that the clause sets against the side that did it, or gives to the side
    it was done to."""
    years = claim_people.years_in(claim)
    for clause, found in _clauses(claim, data):
        bare = clause
        for mention in found:
            bare = bare.replace(mention.typed, " ")
        rows = acts_named.named(bare, data, claim_people.years_in(clause) or years, cited)
        rows = rows[rows["kind"].astype(str).isin(agents.ONE_WAY)] if len(rows) else rows
        if rows.empty:
            continue
        row = rows.iloc[0]
        actor, counterpart = str(row["actor"]), str(row["counterpart"])
        for mention in found:
            who = _who(clause, mention)
            target = AGAINST.search(clause[:mention.start])
            if target and not _names_it(clause[:mention.start].split(",")[-1], row):
                target = None  # "after the Shanghai massacre, turning against Chiang": another act's target
            doer = not target and (STAGED.match(clause, mention.end) or re.match(r"\s+(?:staged|mounted|carried\s+out|"
                                                                              r"launched)\b", clause[mention.end:]))
            if target and _on(who, actor, data) and not _on(who, counterpart, data):
                said = "against"
            elif doer and _on(who, counterpart, data) and not _on(who, actor, data):
                said = "by"
            else:
                continue
            labels = agents._labels(data)
            quoted = " ".join(clause.split()).strip(" ,.")
            return (f"Your claim says '{quoted}', but the data has it the other way round: '{row['title']}' "
                    f"({acts_named.spoken(row)}, {row['event_id']}) is an act of "
                    f"{labels.get(actor, actor)} against {labels.get(counterpart, counterpart)}, "
                    f"{'not against' if said == 'against' else 'not an act of'} {labels.get(who, mention.typed)}. "
                    "Check who did it and to whom against that event in data/events.csv.")
    return None


def _names_it(segment: str, row) -> bool:
    """Whether a stretch of a clause names the event by a word of its title ("the Canton coup ... against")."""
    from . import evidence_words

    title = set(evidence_words.words(str(row["title"]))) - evidence_words.LITTLE
    return bool(title & set(evidence_words.words(segment)))


def _on_side_strictly(doer: str, actor: str, data) -> bool:
    """Whether a doer speaks for an event's actor: is it, is of it, or is a person of its party who heads no
    government of their own (Wang Jingwei for Wuhan; not Chiang, who headed Nanjing)."""
    kinds, owners, family = _ties(data)
    if doer == actor or doer in family.get(actor, {actor}) or actor in family.get(doer, {doer}):
        return True
    if kinds.get(doer) != "person":
        return _on(doer, actor, data)
    own = family.get(doer, {doer}) - {doer}
    return actor in family.get(owners.get(doer, ""), set()) and not any(kinds.get(x) == "government" for x in own)


def sent_away(claim: str, data, cited=()) -> str | None:
    """A person the clause says one actor sent home or forced out, when the data's act of that year is another's."""
    events = data.events
    years = claim_people.years_in(claim)
    for clause, found in _clauses(claim, data):
        kinds = _ties(data)[0]
        told = []  # (doer mention, the persons sent away)
        for said in SENT_AWAY.finditer(clause):
            span = said.span("whom") if said.group("whom") else said.span("whom2") if said.group("whom2") else said.span("whom3")
            doers = [m for m in found if m.end <= said.start()]
            if doers:
                told.append((doers[-1], [m for m in found if span[0] <= m.start < span[1]]))
        for said in SENT_BY.finditer(clause):  # "Borodin was sent home by Chiang"
            after = [m for m in found if m.start >= said.end()]
            if after and after[0].start == said.end():
                told.append((after[0], [m for m in found if m.end <= said.start()]))
        for doer_mention, sent in told:
            whom = [m for m in sent if kinds.get(m.actor) == "person"]
            if not whom:
                continue  # a person sent home; a body "expelled" is another act (agents.py reads it)
            doers = [doer_mention]
            doer, person = doer_mention.actor, whom[0].actor
            own_years = set(claim_people.years_in(clause) or years)
            rows = events[(events["counterpart"].astype(str) == person) & events["kind"].astype(str).isin(agents.ONE_WAY)]
            rows = rows[rows["title"].astype(str).str.contains(r"\b(?:home|expels?|out|leaves|recall\w*)\b", case=False, regex=True)]
            if own_years:
                rows = rows[rows["date"].dt.year.isin(own_years)]
            if rows.empty or any(_on_side_strictly(doer, str(r["actor"]), data) for _, r in rows.iterrows()):
                continue
            row = rows.iloc[0]
            labels = agents._labels(data)
            return (f"Your claim makes {labels.get(doer, doers[-1].typed)} the one who sent "
                    f"{labels.get(person, whom[0].typed)} away, but the data has '{row['title']}' "
                    f"({acts_named.spoken(row)}, {row['event_id']}): an act of "
                    f"{labels.get(str(row['actor']), row['actor'])}. Check who did it against that event in "
                    "data/events.csv.")
    return None

