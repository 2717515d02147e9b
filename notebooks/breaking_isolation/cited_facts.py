"""Facts inside a cited event: a claim that puts an event it cites (or names by its title) at another place ("the
Whampoa academy was opened in Peking"), gives a thing of the event another people's adjective ("the Japanese
concession at Hankow", "Soviet warships shelled Nanjing"), or sets it with a state the event neither joins nor
names ("the Treaty of Kars fixed the border with Poland", "the Mukden agreement with Chiang Kai-shek", "a boycott
against Japan"), or gives it a decision its title turns round ("threw the communists out" against "admits
communists"), read against the event's own title, description, date note and sides in data/events.csv.

A verb the event's title turns round ("convicted" a killer the title "acquits", "ratified" an agreement it says was
"signed, then rejected") is refused with the title. A part of the claim is read as about an event only when it shares a clause with a word of the event's title (its
name: "Whampoa", "Kars", "Rakovsky", "Hankow", or a common word of few titles right before a place: "a coup at
Wuhan" for the Canton coup), and no other event the claim cites or names has that word; a
clause with a denial ("not", "never") is not read. A place is refused only when the event's own text names some
place and none of the spellings of the claim's place; an adjective only when the event's text gives the same
thing a people's adjective and not the claim's. The refusal quotes the data's words.
"""

from __future__ import annotations

import re

import pandas as pd

from . import acts_named, checks, claim_people, data_says, evidence_words, places, ties_said
from .by_table import per_reading
from .kin import DEMONYMS
from .patterns import lazy

# Spellings of one city that the data and students both write (the older postal ones and pinyin): one place.
RARE = data_says.SHOWN  # a name in more titles than this names a person of many acts, not one event
RUN = lazy(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")  # a name of several words: "Sun Yat-sen University"
NEAR = 10  # at most so many words between the event's name and the place the claim puts it at
NEAR_WORD = 3  # so many, when the claim names the event by a common word of its title ("a coup at Wuhan")
RARE_WORD = 2  # a common word of more titles than this ("treaty", "breaks") names no one event
SPELLINGS = ({"peking", "beijing", "peiping"}, {"nanking", "nanjing"}, {"canton", "guangzhou"},
             {"hankow", "hankou", "wuhan"}, {"whampoa", "huangpu"})
CLAUSE = lazy(ties_said.CLAUSE.pattern + r"|\band\b", re.IGNORECASE)
SEAT = r"(?:government|regime|administration|capital|headquarters|cabinet)"
PLACE_AT = lazy(r"\b(?:in|at|near|from|to)\s+(?:the\s+)?(?P<place>[A-Z][a-z]+)\b")
WITH_STATE = lazy(r"\b(?:border|frontier|treaty|agreement|alliance|pact|peace|signed|concluded|made)\b"
                  r"(?:\s+[\w'’-]+){0,6}?\s+(?P<word>with)\s+(?P<state>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# a strike, boycott or campaign aimed at a state: "a boycott against Japan"
AGAINST_STATE = lazy(r"\b(?P<word>against)\s+(?:the\s+)?(?P<state>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# who may be set with an event: a state, and for a treaty's other side also a person, government or party
SET_WITH = {"with": ("state", "person", "government", "party"), "against": ("state",)}
# an event named as a time ("during the Locarno period"), not as what the clause says something of
SETTING = lazy(r"\b(?:during|in|after|before|since)\s+the\s+$", re.IGNORECASE)
# a party's adjective, read like a people's: "a Nationalist rising" against "communist uprising"
PARTIES = {"communist": "ccp", "nationalist": "kmt"}
OWNERS = {**DEMONYMS, **PARTIES}
NOUNS = {"rising": "uprising", "revolt": "uprising", "insurrection": "uprising", "ship": "warship"}
ADJECTIVES = "|".join(sorted(OWNERS, key=len, reverse=True))
SAID_ADJECTIVE = lazy(rf"\b(?P<adj>{ADJECTIVES})\s+(?P<noun>[a-z]{{4,}})\b", re.IGNORECASE)


def _spellings(place: str) -> set[str]:
    low = place.lower()
    return next((group for group in SPELLINGS if low in group), {low})


def _text(row) -> str:
    return f"{row.get('title', '')}. {row.get('description', '') or ''} {row.get('date_note', '') or ''}"


def _has(text: str, place: str) -> bool:
    return any(re.search(rf"\b{re.escape(s)}\b", text, re.IGNORECASE) for s in _spellings(place))


def _city_words(data) -> set[str]:
    """The places the data puts some event at that are no state's, party's or person's name (a capital counts:
    "Berlin", "Paris"), lower case."""
    names = checks.names_of(data.actors)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    found = set()
    for place in places._known(data.events):
        low = place.lower()
        if " " in low or evidence_words.is_common(low) or low in DEMONYMS:
            continue
        actor = names.get(low)
        if actor and low not in checks.CAPITALS and kinds.get(actor) != "government":
            continue
        found.add(low)
    return found | {s for group in SPELLINGS for s in group}


@per_reading
def _anchors(claim: str, events, data) -> list[tuple[int, int, str]]:
    """(start, end, event id) of each word of the claim that names one of `events` by a word of its title that no
    other of them has ("Whampoa", "Rakovsky"); a state's or Moscow's name names no one event."""
    names = ties_said.actor_names(data.actors)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    titles = " | ".join(data.events["title"].astype(str)).lower()
    owners: dict[str, set[str]] = {}
    sides = {str(e.event_id): {str(e.actor), str(e.counterpart)} for e in events.itertuples()}
    for event in events.itertuples():
        title = str(event.title)
        for word in claim_people.NAME_WORD.findall(title) + RUN.findall(title):
            low = re.sub(r"['’]s$", "", word.lower())
            actor = names.get(low)
            if evidence_words.is_common(low) or low in DEMONYMS or (actor and kinds.get(actor) in ("state", "government")) \
                    or actor in ties_said.SOVIET or low in ties_said.MOSCOW_NAMES \
                    or len(re.findall(rf"(?<![\w-]){re.escape(low)}(?![\w-])", titles)) > RARE:
                continue  # a name of many titles ("Chiang", "Sun Yat-sen") names no one event; "Sun Yat-sen University" does
            if actor and any(actor in both for other, both in sides.items() if other != str(event.event_id)):
                continue  # a side of another of them ("Sun Yat-sen" of the Sun-Joffe manifesto) names no one event
            for spelt in _spellings(low):
                owners.setdefault(spelt, set()).add(str(event.event_id))
    # a cited event's common noun or verb that few titles have ("a coup at Wuhan" for "Canton coup"): its name
    # when the claim gives no other, read only right next to a place (NEAR_WORD)
    for event in events.itertuples():
        for low in set(re.findall(r"\b[a-z]{4,}\b", str(event.title))) - set(ties_said.actor_names(data.actors)):
            if len(re.findall(rf"(?<![\w-]){re.escape(low)}(?![\w-])", titles)) <= RARE_WORD:
                owners.setdefault(low, set()).add(str(event.event_id))
    years = set(claim_people.years_in(claim))
    dated = dict(zip(events["event_id"].astype(str), events["date"]))
    found = []
    for word, ids in owners.items():
        if len(ids) != 1:  # a word of two titles ("Rakovsky"): the one of the claim's year, if only one is
            ids = {i for i in ids if getattr(dated.get(i), "year", None) in years}
        if len(ids) != 1:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", claim, re.IGNORECASE):
            found.append((m.start(), m.end(), next(iter(ids))))
    return sorted(found)


def _clauses(claim: str) -> list[tuple[int, int]]:
    cuts = [(m.start(), m.end()) for m in CLAUSE.finditer(claim)]
    spans, start = [], 0
    for begin, end in cuts:
        spans.append((start, begin))
        start = end
    spans.append((start, len(claim)))
    return spans


def _quoted(row, words: set[str], title_first: bool = True) -> str:
    """The data's own sentence that holds one of `words` (its title first when that does), in quotes."""
    title = str(row["title"])
    if title_first and any(_has(title, w) for w in words):
        return f"its title is '{title}'"
    told = f"{row.get('description', '') or ''} {row.get('date_note', '') or ''}"
    sentence = next((s for s in re.split(r"(?<=\.)\s+", told) if any(_has(s, w) for w in words)), told)
    return f"the data says: \"{sentence.strip()}\""


def _ended(first: str, then: str) -> str:
    """Two sentences, the first ending in a quotation that may end with its own full stop."""
    return f"{first} {then}" if first.endswith(('."', ".'")) else f"{first}. {then}"


def _event(row) -> str:
    return f"'{row['title']}' ({acts_named.spoken(row)}, {row['event_id']})"


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim puts a cited or named event at a place, with a people's adjective or with a state
    its own text contradicts, or gives it a verb its title turns round (module text), or None."""
    events = data.events
    ids = set(cited) | data_says._titled(claim, data)
    chosen = events[events["event_id"].astype(str).isin(ids)]
    if chosen.empty:
        return None
    by_id = chosen.set_index(chosen["event_id"].astype(str))
    people = _people_of_title(claim, chosen[chosen["event_id"].astype(str).isin(set(cited))], data)
    if people:
        return people
    denied = _denied_in_text(claim, chosen[chosen["event_id"].astype(str).isin(set(cited))])
    if denied:
        return denied
    anchors = _anchors(claim, chosen, data)
    if not anchors:
        return _verb_by_title(claim, chosen, data)
    cities = _city_words(data)
    # the seats of the governments of the men the claim names ("Chiang's government at Nanjing"): where his
    # government sat, not where an event was (seats.py reads a seat given to the wrong man)
    from . import seats
    governed = seats.own_seats(claim, data)
    for begin, finish in _clauses(claim):
        clause = claim[begin:finish]
        here = [a for a in anchors if begin <= a[0] and a[1] <= finish]
        denied = acts_named.DENIED.search(clause)
        if denied:  # what the clause says before its denial ("was the British note saying it would never ...")
            said = _doer_adjective(clause[:denied.start()], [a for a in here if a[2] in set(cited)
                                                             and a[1] <= begin + denied.start()], by_id, data)
            if said:
                return said
            continue
        if not here:
            continue
        said = _place(claim, begin, finish, here, by_id, cities, governed) or _adjective(clause, here, by_id) \
            or _doer_adjective(clause, [a for a in here if a[2] in set(cited)], by_id, data) \
            or _verb(clause + _reported(claim, finish), here, by_id) \
            or _state(clause, [a for a in here if a[2] in set(cited) and not SETTING.search(claim, 0, a[0])],
                      by_id, data)
        if said:
            return said
    return None


# what the data's text says could not be done ("communism and the Soviet system could not be brought into China")
CANNOT = lazy(r"(?:^|,|\bthat\b)(?P<what>[^,;.]*?)\s+(?:could\s+not|cannot|can\s+not|could\s+never|would\s+not)"
              r"\s+be\s+(?P<done>\w+)(?P<rest>[^,;.]*)", re.IGNORECASE)


def turned_round(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim says what a cited event's own text denies, or gives it a verb its title turns
    round; None otherwise (for a condition's stated facts, whose places are not read)."""
    chosen = data.events[data.events["event_id"].astype(str).isin(set(cited))]
    return (_denied_in_text(claim, chosen) or _verb_by_title(claim, chosen, data)) if len(chosen) else None


def _denied_in_text(claim: str, rows) -> str | None:
    """A refusal when a clause says, with no denial, what a cited event's own text says could not be done: its
    verb, its place and two of its words for what ("Sun agreed to bring communism and the Soviet system into
    China" against the manifesto's "could not be brought into China"); the data's sentence is quoted."""
    for begin, finish, _ in ties_said._clauses(claim):  # a clause with its "and": "communism and the Soviet system"
        clause = claim[begin:finish]
        if acts_named.DENIED.search(clause) or re.search(r"\b(?:cannot|unable|impossible)\b", clause, re.IGNORECASE):
            continue
        said = claim_people._stems(clause)
        for _, row in rows.iterrows():
            for sentence in re.split(r"(?<=[.;])\s+", str(row.get("description", "") or "")):
                for m in CANNOT.finditer(sentence):
                    what, done, rest = (claim_people._stems(m.group(g)) for g in ("what", "done", "rest"))
                    if done & said and len(what & said) >= 2 and rest <= said:
                        part = next((p for p in clause.split(",") if claim_people._stems(p) & done), clause)
                        return (f"Your claim says '{' '.join(part.split()).strip(' ,.')}', but the data's text on "
                                f"{_event(row)} says: \"{sentence.strip()}\" Check your claim against that event in "
                                "data/events.csv.")
    return None


def _place(claim: str, begin: int, finish: int, here, by_id, cities: set[str], governed=frozenset()) -> str | None:
    for m in PLACE_AT.finditer(claim, begin, finish):
        place = m.group("place")
        if place.lower() not in cities:
            continue
        before = [a for a in here if a[1] <= m.start("place")]
        if not before:
            continue
        if place.lower() in governed and re.search(rf"\b{SEAT}\s*$", claim[max(begin, m.start() - 30):m.start()],
                                                   re.IGNORECASE):
            continue  # "Chiang's government at Nanjing": where a government sat, not where the event was (seats.py)
        anchor = before[-1]
        if any(a[0] == m.start("place") and a[2] != anchor[2] for a in here):
            continue  # the place names another event the claim cites ("armed Chiang at Whampoa")
        near = NEAR_WORD if claim[anchor[0]].islower() else NEAR
        if len(claim[anchor[1]:m.start("place")].split()) > near:  # too far to be said of the event
            continue
        row = by_id.loc[anchor[2]]
        text = _text(row)
        # a title that puts the event at a place ("... government at Nanjing") is the data's word on where it was,
        # whatever other place its description names ("in defiance of the ... government at Wuhan")
        titled = {c for c in cities if re.search(rf"\b(?:in|at)\s+(?:the\s+)?{c}\b", str(row["title"]), re.IGNORECASE)}
        by_title = titled and not any(p.group("place").lower() in _spellings(c)
                                      for p in PLACE_AT.finditer(claim, begin, finish) for c in titled)
        own = {c for c in cities if re.search(rf"\b{c}\b", text, re.IGNORECASE)}
        if by_title and (not own or _has(text, place)):  # the description names the claim's place too
            return _ended(f"Your claim puts {_event(row)} {m.group(0).split()[0]} {place}, but its title puts it "
                          f"{'at' if ' at ' in str(row['title']) else 'in'} "
                          f"{' or '.join(sorted(c.title() for c in titled))}", "Check where it happened against that "
                          "event in data/events.csv.")
        if not own or _has(text, place) or any(p.group("place").lower() in _spellings(c)
                                                          for p in PLACE_AT.finditer(claim, begin, finish) for c in own):
            continue  # the data names no place, or the clause puts the event at its own ("built at Whampoa")
        named = {w.lower() for w in claim_people.NAME_WORD.findall(str(row["title"]))}
        # where the text puts it ("a coup in Canton"), then not the "Whampoa" that names the academy
        located = {c for c in own if re.search(rf"\b(?:in|at|near)\s+(?:the\s+)?{c}\b", text, re.IGNORECASE)}
        where = (located - named) or located or (own - named) or own
        return _ended(f"Your claim puts {_event(row)} {m.group(0).split()[0]} {place}, but "
                      f"{_quoted(row, where, title_first=False)}", "Check where it happened against that event in "
                      "data/events.csv.")
    return None


def _adjective(clause: str, here, by_id) -> str | None:
    for m in SAID_ADJECTIVE.finditer(clause):
        adjective, noun = m.group("adj").lower(), m.group("noun").lower().removesuffix("s")
        noun = NOUNS.get(noun, noun)
        for _, _, event in here:
            row = by_id.loc[event]
            text = _text(row)
            given = [g for g in re.finditer(rf"\b((?:{ADJECTIVES}|US)(?:(?:\s*,\s*|\s+and\s+)(?:{ADJECTIVES}|US))*)"
                                            rf"\s+{re.escape(noun)}s?\b", text, re.IGNORECASE)]
            if not given:
                continue
            theirs = {w.lower() for g in given for w in re.findall(rf"\b(?:{ADJECTIVES}|US)\b", g.group(1), re.IGNORECASE)}
            states = {OWNERS.get(w, "usa" if w == "us" else w) for w in theirs}
            if OWNERS[adjective] in states or (adjective in PARTIES) != bool(theirs & set(PARTIES)):
                continue
            return _ended(f"Your claim calls the {m.group('noun')} of {_event(row)} {m.group('adj')}, but "
                          f"{_quoted(row, {given[0].group(0)})}", "Check whose it was against that event in "
                          "data/events.csv.")
    return None


# a cited title's doer, then its verb: "The Foreign Office publishes the Zinoviev letter with its protest"
TITLE_DOER = lazy(r"^(?P<doer>(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?P<verb>[a-z]{4,}s)\b")
# a people's thing the claim names by the title's quoted words: "a British paper called 'Notes on contemporary themes'"
QUOTED_OWN = lazy(rf"\b(?P<adj>(?i:{ADJECTIVES}))\s+(?P<noun>[a-z]+(?:\s+(?!called\b|named\b|entitled\b)[a-z]+)?)\s+(?:called\s+|named\s+|entitled\s+)?"
                  r"['‘\"“](?P<quoted>[^'’\"”]{6,})['’\"”]")


def _people_of_title(claim: str, cited, data) -> str | None:
    """A cited event given to another people than its title's doer: "Soviet newspapers published the Zinoviev
    letter" against "The Foreign Office publishes the Zinoviev letter" (an act of Britain), or "a British paper
    called 'Notes on contemporary themes'" against "Stalin's 'Notes on contemporary themes'". Read only when the
    claim's people is neither side's and the title names its own doer."""
    from .recognition import state_of

    states = state_of(data.actors)
    family = ties_said._family(data)
    labels = checks.actor_labels(data.actors)

    def theirs(row, people: str, only_doer: bool = False) -> bool:
        state = DEMONYMS.get(people.lower())
        sides = {states.get(str(a), str(a)) for a in (row["actor"], *(() if only_doer else (row["counterpart"],)))}
        return not state or any(s in family.get(state, {state}) or state in family.get(s, {s}) or s == state
                                for s in sides)

    for _, row in cited.iterrows():
        title = str(row["title"])
        doer = TITLE_DOER.match(title)
        if doer:
            stems = set(evidence_words._stems(doer.group("verb")))
            rest = set(claim_people._title_names(title[doer.end():]))
            for m in re.finditer(rf"\b(?P<adj>(?i:{ADJECTIVES}))\s+(?P<noun>[a-z]+)\s+(?P<verb>[a-z]{{4,}}ed)\b", claim):
                after = claim[m.end():].lower()
                if not stems & set(evidence_words._stems(m.group("verb"))) or not any(
                        re.search(rf"\b{re.escape(n)}\b", after) for n in rest):
                    continue
                if m.group("noun") in doer.group("doer").lower() or theirs(row, m.group("adj")):
                    continue
                actor = str(row["actor"])
                return (f"Your claim says {m.group('adj')} {m.group('noun')} {m.group('verb')} it, but the data's "
                        f"'{title}' ({acts_named.spoken(row)}, {row['event_id']}) gives the act to "
                        f"{doer.group('doer')[0].lower() + doer.group('doer')[1:]}, an act of "
                        f"{labels.get(states.get(actor, actor), actor)}. Check who did it against that event in "
                        "data/events.csv.")
        for m in QUOTED_OWN.finditer(claim):
            if m.group("quoted").lower().strip() not in title.lower() or theirs(row, m.group("adj"), only_doer=True):
                continue
            actor = str(row["actor"])
            return (f"Your claim calls '{m.group('quoted')}' a {m.group('adj')} {m.group('noun')}, but the data's "
                    f"'{title}' ({acts_named.spoken(row)}, {row['event_id']}) is an act of "
                    f"{labels.get(actor, actor)}, not a {m.group('adj')} one. Check whose it was against that "
                    "event in data/events.csv.")
    return None


# the event said to be a people's act: "the Colby note was the British Foreign Office saying ..."
DOER_ADJECTIVE = lazy(rf"\b(?:was|were|came\s+from|sent\s+by|issued\s+by)\s+(?:the\s+|a\s+)?(?P<adj>(?i:{ADJECTIVES}))\s+"
                      r"(?P<noun>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|government|cabinet|ministry|state|note|reply)\b")


def _doer_adjective(clause: str, here, by_id, data) -> str | None:
    """A cited event (the clause's only one) said to be the act of a people's government or office, when neither
    of its sides is that state and its text does not name it."""
    if len({a[2] for a in here}) != 1:
        return None
    m = DOER_ADJECTIVE.search(clause)
    if m is None or m.group("adj").lower() in PARTIES:
        return None
    state = DEMONYMS.get(m.group("adj").lower())
    row = by_id.loc[here[0][2]]
    family = ties_said._family(data)
    sides = {str(row["actor"]), str(row["counterpart"])}
    if not state or any(s in family.get(state, {state}) or state in family.get(s, {s}) for s in sides):
        return None
    names = checks.names_of(data.actors)
    spelt = {n for n, a in names.items() if a == state and len(n) > 2} | {w for w, a in DEMONYMS.items() if a == state}
    if any(re.search(rf"\b{re.escape(n)}\b", _text(row), re.IGNORECASE) for n in spelt):
        return None
    labels = checks.actor_labels(data.actors)
    between = " and ".join(labels.get(s, s) for s in dict.fromkeys([str(row["actor"]), str(row["counterpart"])])
                           if s and s != "nan")
    return (f"Your claim makes {_event(row)} an act of the {m.group('adj')} {m.group('noun')}, but in the data it is "
            f"between {between}, and its text does not name {labels.get(state, state)}: its title says "
            f"'{row['title']}'. Check whose act it was against that event in data/events.csv.")


def _state(clause: str, here, by_id, data) -> str | None:
    if not here:
        return None
    names = checks.names_of(data.actors)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    family = ties_said._family(data)
    for m in [*WITH_STATE.finditer(clause), *AGAINST_STATE.finditer(clause)]:
        typed = m.group("state")
        actor = names.get(typed.lower()) or names.get(typed.split()[0].lower())
        if not actor or kinds.get(actor) not in SET_WITH[m.group("word")]:
            continue
        if len({a[2] for a in here}) != 1:  # two events in one clause: which one the state goes with is unclear
            continue
        row = by_id.loc[here[0][2]]
        sides = {str(row["actor"]), str(row["counterpart"])}
        if any(s in family.get(actor, {actor}) or actor in family.get(s, {s}) for s in sides):
            continue
        text = _text(row)
        if any(re.search(rf"\b{re.escape(n)}\b", text, re.IGNORECASE) for n, a in names.items() if a == actor and len(n) > 2):
            continue
        labels = checks.actor_labels(data.actors)
        # in the row's order, not a set's: the same words each time the check runs
        between = " and ".join(checks.with_article(labels.get(s, s)) for s in dict.fromkeys([str(row["actor"]), str(row["counterpart"])])
                               if s and s != "nan")
        return (f"Your claim sets {_event(row)} {m.group('word')} {typed}, but in the data it is between {between}, and its "
                f"title says '{row['title']}': it does not name {typed}. Check who took part against that event "
                "in data/events.csv.")
    return None


# Acts that undo each other: a claim's verb against the cited event's own title ("supported Chiang's coup" against
# "brands Chiang Kai-shek's coup counter-revolutionary"; "refused to sign" against "adheres to the pact").
OPPOSITES = (
    (lazy(r"\b(?:support(?:ed|s)?|back(?:ed|s)?|endorse[ds]?|approve[ds]?|welcome[ds]?|praise[ds]?|hail(?:ed|s)?)\b",
          re.IGNORECASE),
     lazy(r"\b(?:brand(?:s|ed)?|condemn(?:s|ed)?|denounce[ds]?|counter-revolutionary)\b", re.IGNORECASE)),
    (lazy(r"\brefus(?:ed|es|e)\s+to\s+(?:sign|join|adhere|ratify)\b|\brejected\b|\bstayed\s+out\b", re.IGNORECASE),
     lazy(r"\b(?:adhere[ds]?|signs|joins|ratifies|will\s+join)\b", re.IGNORECASE)),
    # an outcome turned round: "the Canton Commune succeeded" against "communist uprising crushed"
    (lazy(r"\b(?:succeed(?:ed|s)?|succes\w*|triumph(?:ed|s)?|won|victorious)\b", re.IGNORECASE),
     lazy(r"\b(?:crushed|defeated|fail(?:s|ed)?)\b", re.IGNORECASE)),
    # in or out of a party or a front: "threw the communists out" against "admits communists"
    (lazy(r"\b(?:admit(?:s|ted)?|join(?:s|ed)?|let\s+(?:\w+\s+){0,2}in|keeps?\s+(?:\w+\s+){0,2}inside|"
          r"kept\s+(?:\w+\s+){0,2}inside|stay(?:ed|s)?\s+inside|remain(?:ed|s)?\s+inside)\b", re.IGNORECASE),
     lazy(r"\b(?:expel(?:s|led)?|thr[eo]w(?:s|n)?\s+(?:\w+\s+){0,2}out|kick(?:ed|s)?\s+(?:\w+\s+){0,2}out|"
          r"(?:must|to|would|should)\s+leave|quit(?:s)?|purge[ds]?|ordered\s+(?:\w+\s+){1,2}out\s+of)\b",
          re.IGNORECASE)),
    # a leader made or unmade: "made Chen Duxiu its leader" against "Chen Duxiu removed"
    (lazy(r"\b(?:made\s+(?:\w+\s+){0,3}(?:its\s+|the\s+|party\s+)?(?:leader|head|chief)|elected\s+(?:\w+\s+){1,3}"
          r"(?:as\s+)?(?:leader|head)|confirmed\s+(?:\w+\s+){1,3}as\s+(?:leader|head))\b", re.IGNORECASE),
     lazy(r"\b(?:removed|ousted|deposed|dismissed)\b", re.IGNORECASE)),
    # a verdict: "convicted" against the title's "acquits"
    (lazy(r"\b(?:convict(?:ed|s)?|found\s+(?:him\s+|them\s+)?guilty|condemned|sentenced)\b", re.IGNORECASE),
     lazy(r"\bacquit(?:s|ted)?\b", re.IGNORECASE)),
    # an agreement in force: "ratified" against the title's "signed, then rejected", "never ratifies"
    (lazy(r"\bratif(?:ied|y|ies)\b|\bcame\s+into\s+force\b", re.IGNORECASE),
     lazy(r"\b(?:then\s+)?rejected\b|\bnever\s+ratif(?:ies|ied|y)\b", re.IGNORECASE)),
)
SHARED = 2  # a clause names a cited event by its title when it shares so many of the title's own words


def _verb_by_title(claim: str, chosen, data=None) -> str | None:
    """A verb its title turns round, given to a cited event that no one word names but whose title the clause
    shares words with ("The Swiss jury convicted Vorovsky's killer": "Swiss jury acquits Vorovsky's killer")."""
    by_id = chosen.set_index(chosen["event_id"].astype(str))
    for begin, finish in _clauses(claim):
        clause = claim[begin:finish]
        if acts_named.DENIED.search(clause):
            continue
        words = {w.lower().removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w'’-]{4,}", clause)}
        shared = {str(e): len(words & {w.lower().removesuffix("'s").removesuffix("’s")
                                        for w in re.findall(r"[\w'’-]{4,}", title)})
                  + (f"{day:%B}".lower() in words if pd.notna(day) else 0)  # "of April 1927": April's event
                  for e, title, day in zip(chosen["event_id"], chosen["title"].astype(str), chosen["date"])}
        best = max(shared.values(), default=0)
        # the event the clause names best, not another cited one that shares as many words with a part of it
        here = [(begin, finish, e) for e, n in shared.items() if n >= SHARED and n == best]
        said = _verb(clause, here, by_id, data) if here else None
        if said:
            return said
    return None


def _other_doer(clause: str, at: int, row, data) -> bool:
    """Whether the clause's doer, the first actor it names before `at`, is someone the event does not have as
    either side ("Stalin kept the communists inside the Kuomintang" is Stalin's act, not the Wuhan Kuomintang's)."""
    if data is None:
        return False
    from . import ties_said

    before = [m for m in ties_said.mentions(clause[:at], ties_said.actor_names(data.actors))]
    if not before:
        return False
    owner = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))

    def root(actor: str) -> str:  # the state or body an actor belongs to at the top ("Stalin": the Soviet state)
        seen = {actor}
        while owner.get(actor) and owner[actor] not in seen:
            actor = owner[actor]
            seen.add(actor)
        return actor

    soviet = {"ussr", "rsfsr"}
    roots = {root(str(row["actor"])), root(str(row["counterpart"]))}
    doer = root(before[0].actor)
    return doer not in roots and not ({doer} | roots) <= soviet


def _reported(claim: str, finish: int) -> str:
    """The clause a "that" opens right after a clause ("voted that communists must leave"): what the act said,
    read with the act's own clause."""
    opened = re.match(r"\s*that\b", claim[finish:], re.IGNORECASE)
    if not opened:
        return ""
    rest = claim[finish + opened.end():]
    cut = CLAUSE.search(rest)
    return " " + rest[:cut.start() if cut else len(rest)]


# a side taken, in a claim ("sided with the Communists", "joined the Communists") and in a title ("sides against
# the Communists"): the same party on the other side
SIDED = lazy(r"\b(?:sid(?:ed|es|ing)\s+with|join(?:ed|s)?|went\s+over\s+to|back(?:ed|s)?)\s+(?:the\s+)?"
             r"(?P<whom>[A-Za-z][\w'’-]+)", re.IGNORECASE)
SIDES_AGAINST = lazy(r"\bsides?\s+against\s+(?:the\s+)?(?P<whom>[A-Za-z][\w'’-]+)", re.IGNORECASE)


def _verb(clause: str, here, by_id, data=None) -> str | None:
    for event in dict.fromkeys(a[2] for a in here):
        row = by_id.loc[event]
        title = str(row["title"])
        against = SIDES_AGAINST.search(title)
        sided = next((m for m in SIDED.finditer(clause) if against and
                      m.group("whom").lower().rstrip("s") == against.group("whom").lower().rstrip("s")), None)
        if sided:  # "Feng sided with the Communists" against "... sides against the Communists"
            return (f"Your claim says '{sided.group(0)}', but the title of {_event(row)} says the opposite: "
                    f"'{title}'. Read that event in data/events.csv again.")
        for one, other in OPPOSITES:
            for said, told in ((one, other), (other, one)):
                found = said.search(clause)
                if found and told.search(title) and not said.search(told.sub(" ", title)) \
                        and not _other_doer(clause, found.start(), row, data):
                    return (f"Your claim says '{found.group(0)}', but the title of {_event(row)} says the opposite: "
                            f"'{title}'. Read that event in data/events.csv again.")
    return None
