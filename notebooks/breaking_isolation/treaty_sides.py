"""Who signed a treaty named by its name: a claim that puts "the Treaty of Berlin" or "the Rapallo treaty" between
two sides, or has a side sign it ("a neutrality pact between the USSR and France"), read against the sides of the
event whose title gives that name in data/events.csv.

A treaty's name is read from the data's titles ("Treaty of Berlin", "Peace of Riga", "Litvinov Protocol",
"Locarno treaties"); a claim names it as "the Treaty of X", "the X treaty" (pact, protocol, agreement). The sides a
clause gives it are the states after "between" ("between A and B"), after "with" ("the Treaty of Kars with
Persia"), or before "signed" ("A and B signed the Treaty of Rapallo"). A side is refused only when it is neither
side of the event (nor an actor that belongs to one) and the event's own text does not name it either (the
Locarno treaties name the other states that signed); a name of two events (Tartu) is read with the claim's year,
and a side of either is accepted. A clause with a denial is not read.
"""

from __future__ import annotations

import re

import pandas as pd

from . import acts_named, checks, claim_people, evidence_words, places, ties_said
from .patterns import lazy

KINDS = ("treaty", "relations_established", "de_facto_recognition", "de_jure_recognition", "relations_restored")
NOUN = r"(?i:treaty|treaties|peace|pact|protocol|agreement|convention)"
OF_NAME = lazy(r"\b(?:Treaty|Treaties|Peace|Pact|Protocol|Convention)\s+of\s+(?P<name>[A-Z][\w-]+)")
NAME_OF = lazy(r"\b(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:Treaty|Treaties|treaty|treaties|Protocol|protocol|"
               r"pact|Pact|agreement|Agreement|convention|Convention)\b")
BETWEEN = lazy(r"\bbetween\s+(?P<one>.{2,60}?)\s+and\s+(?P<two>(?:the\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
WITH = lazy(r"\bwith\s+(?P<one>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]+)*)")
SIGNER = lazy(r"(?P<one>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]+)*)(?:\s+and\s+(?P<two>(?:the\s+)?[A-Z][\w'’.-]*"
              r"(?:\s+[A-Z][\w'’-]+)*))?\s+(?:signed|concluded|made)\s+(?:the\s+|a\s+)?$")


def _names(events: pd.DataFrame) -> dict[str, list[int]]:
    """{a treaty's name, lower case: the rows whose title gives it}, of the treaty kinds."""
    found: dict[str, list[int]] = {}
    for index, title, kind in zip(events.index, events["title"].astype(str), events["kind"].astype(str)):
        if kind not in KINDS:
            continue
        for pattern in (OF_NAME, NAME_OF):
            for m in pattern.finditer(title):
                name = m.group("name")
                if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*", name) and not name.startswith("Soviet") \
                        and not evidence_words.is_common(name.lower()):  # "Basic", "Commercial": no name
                    found.setdefault(name.lower(), []).append(index)
    return found


def _named_at(clause: str, names: dict[str, list[int]]) -> list[tuple[re.Match, str]]:
    """The treaty names the clause writes as a treaty's ("the Treaty of Berlin", "the Rapallo treaty")."""
    found = []
    for pattern in (rf"\b{NOUN}\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w-]+)", rf"\b(?P<name>[A-Z][\w-]+)\s+{NOUN}\b"):
        for m in re.finditer(pattern, clause):
            name = m.group("name").lower()
            if name in names:
                found.append((m, name))
    return found


def _sides_said(clause: str, named: re.Match, data) -> list[ties_said.Mention]:
    """The states or governments the clause makes a side of the treaty it names at `named`."""
    names = ties_said.actor_names(data.actors)
    texts = []
    after = clause[named.end():]
    for pattern, near in ((BETWEEN, 8), (WITH, 3)):  # "with" far from the name is another thing's ("border with")
        m = pattern.search(after)
        if m and len(after[:m.start()].split()) <= near:
            texts += [m.group(g) for g in ("one", "two") if g in m.groupdict() and m.group(g)]
            break
    signer = SIGNER.search(clause[:named.start()])
    if signer:
        texts += [signer.group(g) for g in ("one", "two") if signer.group(g)]
    states = acts_named._sides(data)[0]
    soviet = acts_named._sides(data)[1]
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    found = []
    for text in texts:
        for m in ties_said.mentions(text, names)[:1]:
            if m.actor in soviet or kinds.get(m.actor) in ("state", "government") and states.get(m.actor):
                found.append(m)
    return found


def _made_there(actor: str, name: str, data, family) -> bool:
    """Whether the data has a treaty of `actor` (or an actor of it) made at the place `name`: it too may be called
    "the Treaty of" that place (Latvia's peace signed at Riga in 1920)."""
    own = family.get(actor, {actor})
    events = data.events
    for _, row in events[events["kind"].astype(str).isin(KINDS)].iterrows():
        if ({str(row["actor"]), str(row["counterpart"])} & own
                and name in {p.lower() for p in places.made_at(row) | places.own_places(row)}):
            return True
    return False


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when a clause puts a treaty it names by name between sides its event does not have (module
    text), or None."""
    events = data.events
    names = _names(events)
    family = ties_said._family(data)
    labels = checks.actor_labels(data.actors)
    all_names = checks.names_of(data.actors)
    years = claim_people.years_in(claim)
    for begin, finish, _ in ties_said._clauses(claim):
        clause = claim[begin:finish]
        if acts_named.DENIED.search(clause):
            continue
        for named, name in _named_at(clause, names):
            rows = events.loc[names[name]]
            said_years = set(claim_people.years_in(clause) or years)
            if said_years:  # a year none of its events has: another treaty of that name (London, 1915)
                rows = rows[rows["date"].dt.year.isin(said_years)]
                if rows.empty:
                    continue
            sides = {str(a) for a in rows["actor"]} | {str(c) for c in rows["counterpart"]}
            theirs = set().union(*(family.get(s, {s}) for s in sides))
            text = " ".join(f"{r.title}. {r.description}" for r in rows.itertuples())
            for said in _sides_said(clause, named, data):
                if said.actor in theirs or any(said.actor in family.get(s, {s}) for s in sides):
                    continue
                spelt = [n for n, a in all_names.items() if a == said.actor and len(n) > 2]
                if any(re.search(rf"\b{re.escape(n)}\b", text, re.IGNORECASE) for n in spelt):
                    continue  # a party the event's own text names: the other signatories of Locarno
                if _made_there(said.actor, name, data, family):
                    continue  # another treaty made at that place, with that side: Latvia's peace at Riga
                row = rows.iloc[0]
                between = " and ".join(checks.with_article(labels.get(s, s)) for s in (str(row["actor"]), str(row["counterpart"])))
                return (f"Your claim makes {said.typed} a side of '{row['title']}' ({acts_named.spoken(row)}, "
                        f"{row['event_id']}), but in the data it is between {between}, and its text does not name "
                        f"{said.typed}. Check who signed it against that event in data/events.csv.")
    return None
