"""What a claim says of people and named events, read against the kit's data: checked, refused, or said unchecked.

Every person, event and name a claim gives is either checked against the data or named as not checked, so that a
claim is never badged for a part the check did not read:

- a person the data records as dead by a year the claim gives them, or by an event the claim ties them to
  (actors.csv, end_date): refused, with the day the data gives ("Sun Yat-sen ... in 1927");
- a person named with an event the claim names ("Trotsky ordered the Shanghai massacre"): checked when the data
  links them (the event's actor or counterpart, or named in its title or description), else not checked, with the
  event's actors: the check cannot tell what the claim says they did there;
- a name the data does not hold ("Hitler", "Mao"): not checked.
"""

from __future__ import annotations

import re

import pandas as pd

from . import evidence_words, ties_said

NAME_WORD = re.compile(r"[A-Z][\w'’-]{3,}")
RARE = 3  # a word of at most this many events' titles names an event on its own ("Locarno"); others need a second


def _spoken(day: pd.Timestamp) -> str:
    return f"{day.day} {day:%B %Y}"


def named_events(claim: str, events: pd.DataFrame, actor_words: set[str]) -> pd.DataFrame:
    """The events whose title the claim names: each shares a name of its title with the claim ("Locarno",
    "Northern Expedition", not an actor's name), and of those the ones sharing most words of their title; only
    those of a year the claim gives, when it gives one and some are of that year."""
    said = set(evidence_words.words(claim))
    years = {int(y) for y in re.findall(r"\b1[89]\d\d\b", claim)}
    titles = events["title"].astype(str)
    named = [_title_names(t) - actor_words - evidence_words.NAME_FILLERS for t in titles]
    often = pd.Series([w for n in named for w in n]).value_counts()  # "Moscow", "Peking": in many titles, no name
    scores = []
    for title, names in zip(titles, named):
        shared = {w for w in evidence_words.words(title) if w not in evidence_words.LITTLE} & said - actor_words
        rare = {w for w in names & said if often.get(w, 0) <= RARE}
        scores.append(len(shared) if rare or (names & said and len(shared) >= 2) else 0)
    scored = events.assign(_score=scores)
    scored = scored[scored["_score"] > 0]
    if scored.empty:
        return scored
    best = scored[scored["_score"] == scored["_score"].max()]
    in_year = best[best["date"].dt.year.isin(years)]
    return (in_year if len(in_year) else best).drop(columns="_score")


def _title_names(title: str) -> set[str]:
    """The names of a title, lower case: its capitalised words ("Northern Expedition", "Locarno"), except a common
    word that is capitalised only because it opens the title ("Relations with Albania lapse")."""
    found = [m for m in NAME_WORD.finditer(title)]
    return {m.group(0).lower() for m in found
            if m.start() > 0 or not evidence_words.is_known(m.group(0).lower(), ENGLISH)}


def read(claim: str, data, words) -> ties_said.Said:
    """What the claim says of people and named events (module text)."""
    actors = data.actors
    names = ties_said.actor_names(actors)
    kinds = dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))
    labels = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str)))
    ends = actors["end_date"] if "end_date" in actors else pd.Series([None] * len(actors), index=actors.index)
    died = {a: pd.Timestamp(d) for a, d, k in zip(actors["actor_id"].astype(str), ends, actors["kind"])
            if str(k) == "person" and pd.notna(d) and str(d).strip()}
    people = [m for m in ties_said.mentions(claim, names) if kinds.get(m.actor) == "person"]
    actor_words = {w for key in names for w in evidence_words.words(key)}  # "Moscow", "Chiang", "Kuomintang"
    events = named_events(claim, data.events, actor_words)
    persons = ties_said.person_names(actors)
    checked, unchecked = [], []
    for person in people:
        if person.typed.lower().endswith(("'s", "’s")):
            continue  # "Lenin's policy": what is his, not what he did
        who = labels.get(person.actor, person.actor)
        clause = _clause_of(claim, person.start)
        years = [int(y) for y in re.findall(r"\b1[89]\d\d\b", clause)] or []
        death = died.get(person.actor)
        if death is not None:
            late = [y for y in years if y > death.year]
            after = events[events["date"] > death]
            if late or len(after):
                when = f"in {late[0]}" if late else f"with '{after['title'].iloc[0]}' ({after['date'].iloc[0].year})"
                return ties_said.Said(f"Your claim names {who} {when}, but the kit's data records that {who} died on "
                                      f"{_spoken(death)} (data/actors.csv). Check who acted then.")
        linked = [row for row in events.itertuples()
                  if person.actor in (str(row.actor), str(row.counterpart))
                  or any(n in f"{row.title} {getattr(row, 'description', '')}".lower() for n in persons[person.actor])]
        if linked:
            checked.append(f"{who} is among the people of '{linked[0].title}' ({linked[0].date.year})")
        elif len(events):
            row = events.iloc[0]
            sides = " and ".join(dict.fromkeys(labels.get(str(a), str(a)) for a in (row["actor"], row["counterpart"])))
            unchecked.append(f"what your claim says {who} did in '{row['title']}' ({row['date'].year}): the data does "
                             f"not link {who} to that event, whose sides are {sides}")
    unchecked += _not_in_data(claim, words, data, events, names)
    return ties_said.Said(None, tuple(f"The check compared this: {c}." for c in dict.fromkeys(checked)),
                          tuple(f"The check could not check {u}." for u in dict.fromkeys(unchecked)))


def _clause_of(claim: str, at: int) -> str:
    """The clause of `claim` around position `at` (ties_said's clauses)."""
    for begin, end, _ in ties_said._clauses(claim):
        if begin <= at <= end:
            return claim[begin:end]
    return claim


ENGLISH = evidence_words.english_words() | evidence_words.COMMON


def _texts(data) -> pd.Series:
    """Each event's and actor's words, lower case: what the data says of whom."""
    events, actors = data.events, data.actors
    said = events["title"].astype(str) + " " + _column(events, "description")
    about = actors["name"].astype(str) + " " + _column(actors, "note") + " " + _column(actors, "region")  # "Europe"
    return pd.concat([said, about]).str.lower()


def _column(table: pd.DataFrame, name: str) -> pd.Series:
    return table[name].fillna("").astype(str) if name in table else pd.Series([""] * len(table), index=table.index)


def _not_in_data(claim: str, words, data, events: pd.DataFrame, actors: dict[str, str]) -> list[str]:
    """Capitalised words that are not common English words, each with why the check could not check it: the data
    has nothing of that name ("Hitler"), or names it only in a few events, none of which the claim names ("Mao" with
    the Northern Expedition). A word the data uses often ("Politburo", "April") is one it reads."""
    texts = _texts(data)
    # the years the claim names, and those of the events it names ("Versailles" beside Rapallo, 1922)
    years = {int(y) for y in re.findall(r"\b1[89]\d\d\b", claim)} | set(events["date"].dt.year.astype(int))
    named = (events["title"].astype(str) + " " + _column(events, "description")).str.lower()
    found = []
    for word in dict.fromkeys(re.findall(r"\b[A-Z][\w'’-]*", claim)):
        bare = word.lower().removesuffix("'s").removesuffix("’s")
        if len(bare) < 2 or bare in words.names or bare in actors or evidence_words.is_known(bare, ENGLISH):
            continue
        pattern = rf"\b{re.escape(bare)}\b"
        where = data.events[(data.events["title"].astype(str) + " " + _column(data.events, "description"))
                            .str.lower().str.contains(pattern, regex=True)]
        count = int(texts.str.contains(pattern, regex=True).sum())
        if count == 0 and not evidence_words.is_known(bare, words.known):  # in no data row nor document
            found.append(f"'{word}': the kit's data has no actor, place or event of that name")
        elif count <= RARE and len(where) and not named.str.contains(pattern, regex=True).any() and not where["date"].dt.year.isin(years).any():
            listed = " and ".join(f"'{t}' ({d.year})" for t, d in zip(where["title"], where["date"]))
            found.append(f"'{word}' with the events and years your claim names: the data names {word} only in {listed}")
    return found
