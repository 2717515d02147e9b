"""Whose side a person, a firm or a document is on: a claim that gives one of them a state the data does not.

- "Hughes, the British foreign secretary", "the French foreign minister Hughes" (a state's word next to a name);
- "The Curzon ultimatum came from France", "Borodin was sent to Canton by Britain" (sent, issued, came ... from or
  by a state);
- "Lena Goldfields, a German firm", "the concession went to a German firm" (a firm's state).

What the data says of the name: a person or firm of actors.csv belongs to the state its belongs_to leads to, or a
state its note names ("British mining company"); any other name (Hughes, Curzon, Chamberlain) is on the sides of
the events that name it: the doer alone when a title opens with it and its act or document ("Hughes rejects",
"Curzon ultimatum", "Chamberlain's note"), else both sides. A name the data gives no state says nothing here, nor
does a denial ("not from France") or a wish.
"""

from __future__ import annotations

import re

from . import evidence_words, ties_said
from .claim_people import IRREGULAR, MONTHS
from .kin import DEMONYMS
from .patterns import lazy
from .recognition import state_of

ARTICLE = r"(?:the|a|an|then|later)"
STOP = {"in", "to", "of", "for", "at", "from", "with", "on", "by", "and", "who", "which", "that"}
# A document or an act whose title opens with a name: the name is its author's, the event's doer.
AUTHORED = lazy(r"^(?P<name>[A-Z][\w-]+)(?:'s)?\s+(?:(?:note|ultimatum|letter|memorandum|telegram|cable|"
                r"declaration|manifesto|speech|protest|warning)\b|(?P<verb>[a-z]+[^s\W]s)\b)")
SENT = lazy(r"\b(?:came|come|comes|coming|sent|issued|drawn\s+up|written|delivered|dispatched|despatched|"
            r"handed\s+over|published)\b(?P<gap>(?:\s+[\w'’-]+){0,4}?)\s+(?:from|by)\s+(?:the\s+)?$", re.IGNORECASE)
FIRM = r"(?:firm|firms|company|companies|business|concern|corporation|syndicate|group|miners?|investors?)"
WENT_TO = lazy(r"\b(?:went|given|granted|awarded|leased|sold|belonged)\s+to\s+(?:a|an|the)\s+$", re.IGNORECASE)
CUT = lazy(r"[;:]|,\s*(?:and|but|so|which|because)\b|\b(?:because|since|so|which|but|while|whereas|although)\b",
           re.IGNORECASE)
# words that join two things, so that "the USSR after Shanghai" never reads as "the Soviet Shanghai"
LINKS = {"after", "before", "in", "at", "on", "with", "from", "to", "of", "by", "for", "over", "against", "during",
         "since", "until", "than", "when", "into", "near", "like", "as"}
DENIED = lazy(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)
PAST = {w for w in IRREGULAR if not w.endswith("ed")}  # a verb in the past that does not end in -ed ("took", "held")


def read(claim: str, data, cited=()) -> str | None:
    """Why the claim is refused, when it gives a person, firm or document a state the data does not (module
    text), or a thing of an event it cites another state's adjective than the event's text does; None otherwise."""
    if ties_said.HYPOTHETICAL.search(claim):
        return None
    states = _state_words(claim, data)
    if not states:
        return None
    for subject in _subjects(claim, data):
        for said in _bound(claim, subject, states):
            allowed = subject["states"]
            if not allowed or any(ties_said._same(said["state"], a) for a in allowed):
                continue
            return _refusal(claim, subject, said, data)
    return _cited_adjective(claim, data, cited)


# the states' adjectives a text gives a thing: those of the few words just before it ("British and American
# warships", "the British-run Settlement's police"), or after it ("police of the British-run Settlement")
def _adjectives_of(noun: str, sentence: str) -> set[str]:
    found = set()
    for said in re.finditer(rf"\b{re.escape(noun)}\b", sentence, re.IGNORECASE):
        ahead = []
        for word in reversed(re.split(r"[,;:.()]", sentence[:said.start()])[-1].split()[-4:]):
            if word.lower() in evidence_words.LITTLE and word.lower() not in ("and", "or"):
                break  # "German aircraft works in Russia": the adjective of the works, not of Russia
            ahead.insert(0, word)
        after = re.match(r"\s+of\s+the\s+([A-Za-z]+)", sentence[said.end():])
        for word in ahead + ([after.group(1)] if after else []):
            state = DEMONYMS.get(word.split("-")[0].lower())
            found |= {state} if state else set()
    return found


def _cited_adjective(claim: str, data, cited) -> str | None:
    """"The Japanese police shot the protesters", citing the May Thirtieth shooting, whose text has "Police of the
    British-run International Settlement": the claim gives a thing of an event it cites (a word of the event's
    text) one state's adjective, and the event's text gives that thing another's, and never the claim's."""
    rows = data.events[data.events["event_id"].astype(str).isin(set(map(str, cited)))]
    for said in re.finditer(r"\b(?P<adjective>(?i:" + "|".join(DEMONYMS) + r"))\s+(?P<noun>[a-z]{4,})\b", claim):
        noun = said.group("noun").lower()
        if noun in evidence_words.LITTLE or DENIED.search(claim[max(0, said.start() - 12):said.start()]):
            continue
        mine = DEMONYMS[said.group("adjective").lower()]
        for row in rows.itertuples():
            text = f"{row.title}. {getattr(row, 'description', '') or ''}"
            for sentence in re.split(r"(?<=[.;])\s+", text):
                theirs = _adjectives_of(noun, sentence)
                if theirs and not any(ties_said._same(mine, t) for t in theirs):
                    from .misconceptions import _spoken

                    when = _spoken(str(row.date_text)) if hasattr(row, "date_text") else f"{row.date:%d %B %Y}"
                    return (f"Your claim says '{said.group(0)}', but the event you cite, '{row.title}' ({when}, "
                            f"{row.event_id}), says: \"{sentence.strip()}\" Check whose {noun} it was against that "
                            "event in data/events.csv.")
    return None


def _state_words(claim: str, data) -> list[dict]:
    """The states a claim names, by name ("France", "the United States") or adjective ("British"), with where."""
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    found = [{"start": m.start, "end": m.end, "typed": m.typed, "state": m.actor}
             for m in ties_said.mentions(claim, ties_said.actor_names(data.actors)) if kinds.get(m.actor) == "state"]
    for word in re.finditer(r"\b[A-Z][a-z]+\b", claim):
        state = DEMONYMS.get(word.group(0).lower())
        if state in kinds and not any(f["start"] <= word.start() < f["end"] for f in found):
            found.append({"start": word.start(), "end": word.end(), "typed": word.group(0), "state": state})
    return sorted(found, key=lambda f: f["start"])


def _subjects(claim: str, data) -> list[dict]:
    """The persons, firms and other names of the claim whose state the data gives (module text)."""
    actors = data.actors
    ids = actors["actor_id"].astype(str)
    kinds = dict(zip(ids, actors["kind"].astype(str)))
    notes = dict(zip(ids, actors["note"].fillna("").astype(str))) if "note" in actors else {}
    labels = dict(zip(ids, actors["name"].astype(str)))
    names = ties_said.actor_names(actors)
    owners = state_of(actors)
    found = []
    mentioned = ties_said.mentions(claim, names)
    for m in mentioned:
        if kinds.get(m.actor) not in ("person", "firm"):
            continue
        note = notes.get(m.actor, "")
        allowed = {owners[m.actor]} if m.actor in owners else set()
        # the note's first clause gives the state in words ("British mining company", "Soviet trading company
        # ..., a British-registered company"); a private body's note names the state it is no tie of
        opening = re.split(r"[;.]", note, maxsplit=1)[0]
        allowed |= {DEMONYMS[w] for w in evidence_words.words(opening) if DEMONYMS.get(w) in kinds}
        for tie in re.finditer(r"\bno\s+tie\s+of\s+(?:the\s+)?([A-Z][\w ]+)", note):
            allowed |= {owners.get(n.actor, n.actor) for n in ties_said.mentions(tie.group(1), names)
                        if kinds.get(owners.get(n.actor, n.actor)) == "state"}
        found.append({"start": m.start, "end": m.end, "typed": m.typed, "states": allowed, "actor": m.actor,
                      "label": labels.get(m.actor, m.typed), "note": note, "events": None})
    events = data.events
    titles = events["title"].astype(str)
    texts = (titles + " " + events["description"].fillna("").astype(str)) if "description" in events else titles
    for word in re.finditer(r"\b[A-Z][a-z][\w-]{2,}\b", claim):
        typed = word.group(0)
        if (any(m.start <= word.start() < m.end for m in mentioned) or evidence_words.is_common(typed.lower())
                or typed.lower() in DEMONYMS or typed.lower() in MONTHS):
            continue
        pattern = re.compile(rf"\b{re.escape(typed)}\b")
        rows = events[titles.str.contains(pattern)]
        rows = rows if len(rows) else events[texts.str.contains(pattern)]
        if rows.empty:
            continue
        allowed = set()
        for row in rows.itertuples():
            authored = AUTHORED.match(str(row.title))
            sides = [str(row.actor)] if authored and authored.group("name") == typed else [str(row.actor),
                                                                                           str(row.counterpart)]
            allowed |= {owners.get(s, s) for s in sides if kinds.get(owners.get(s, s)) == "state"}
        found.append({"start": word.start(), "end": word.end(), "typed": typed, "states": allowed, "actor": None,
                      "label": typed, "note": "", "events": rows})
    return found


def _bound(claim: str, subject: dict, states: list[dict]):
    """The states the claim gives the subject: next to it ("Hughes, the British ...", "the French minister
    Hughes"), after a verb of sending ("came from France", "sent to Canton by Britain"), or a firm's ("went to a
    German firm")."""
    end = subject["end"]
    cut = CUT.search(claim, end + 1)
    finish = cut.start() if cut else len(claim)
    for said in states:
        if said["start"] >= end:
            between = claim[end:said["start"]]
            if re.fullmatch(rf"(?:'s|’s)?\s*,\s*(?:who\s+was\s+)?{ARTICLE}\s+(?:[a-z][\w-]*\s+){{0,2}}", between) \
                    and not STOP & set(between.lower().split()):
                yield said  # "Hughes, the British foreign secretary"
            elif said["start"] < finish and (SENT.search(claim, end, said["start"])
                                             or _firm_after(claim, said, end)) \
                    and not DENIED.search(claim[end:said["start"]]):
                yield said  # "came from France", "sent to Canton by Britain", "went to a German firm"
        elif said["end"] <= subject["start"]:
            # before the name, only a state's adjective ("French", "US") after an article: "the French foreign
            # minister Hughes", never a state named as a thing ("theses on China were written by Stalin")
            between = claim[said["end"]:subject["start"]]
            lead = claim[max(0, said["start"] - 6):said["start"]].lower()
            if not (said["typed"].lower() in DEMONYMS or said["typed"].isupper()) or not (
                    re.search(r"(?:^|\b(?:the|a|an))\s*$", lead) or said["start"] == 0):
                continue
            # words of a post between them ("foreign minister"), never a verb: "the Japanese took Manchuria" has
            # the Japanese take a place, which puts no place on their side
            few = (re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){0,2}", between) and not re.search(r"ed\b", between)
                   and not set(between.split()) & PAST)
            if few and not (STOP | LINKS | {"the", "a", "an"}) & set(between.split()):
                yield said  # "the French foreign minister Hughes", "The German Curzon ultimatum"
            elif re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){0,4}(?:sent|issued|drawn\s+up|written|delivered)\s+by\s+", between):
                yield said  # "the American note sent by Chamberlain"


def _firm_after(claim: str, said: dict, end: int) -> bool:
    """"... went to a German firm": a state's word after a verb of giving and before a word for a firm."""
    return bool(WENT_TO.search(claim, end, said["start"])
                and re.match(rf"\s+(?:[a-z][\w-]*\s+)?{FIRM}\b", claim[said["end"]:]))


def _refusal(claim: str, subject: dict, said: dict, data) -> str:
    from .agents import _labels
    from .misconceptions import _spoken

    labels = _labels(data)
    first, last = sorted((subject["start"], said["start"]))
    tail = re.match(r"(?:\s+(?!(?:in|to|of|for|at|from|with|on|by|and)\b)[a-z][\w-]*){0,3}",
                    claim[max(subject["end"], said["end"]):])  # "Hughes, the British foreign secretary"
    quoted = " ".join(claim[first:max(subject["end"], said["end"]) + tail.end()].split()[:14])
    theirs = " or ".join(sorted({_the(labels.get(s, s)) for s in subject["states"]}))
    wrong = _the(labels.get(said["state"], said["typed"]))
    head = f"Your claim puts {subject['label']} on the side of {wrong} ('{quoted}'), but "
    if subject["actor"]:
        note = subject["note"].strip().rstrip(".")
        return (head + f"data/actors.csv puts {subject['label']} on the side of {theirs}"
                + (f": \"{note}.\"" if note else ".") + " Check whose side it was on.")
    rows = subject["events"]
    row = rows.iloc[0]
    sentences = [s for s in re.split(r"(?<=[.;])\s+", str(row.get("description", "") or ""))
                 if re.search(rf"\b{re.escape(subject['typed'])}\b", s)]
    quote = f" Its text says: \"{sentences[0]}\"" if sentences else ""
    more = f" (and {len(rows) - 1} more event{'s' if len(rows) > 2 else ''} that name {subject['typed']})" \
        if len(rows) > 1 else ""
    return (head + f"in the data {subject['typed']} is on the side of {theirs}: '{row['title']}' "
            f"({_spoken(str(row['date_text'])) if 'date_text' in rows else f'{row.date:%d %B %Y}'}, {row['event_id']}) "
            f"is an act of {_the(labels.get(str(row['actor']), row['actor']))} towards "
            f"{_the(labels.get(str(row['counterpart']), row['counterpart']))}{more}.{quote} Check whose side it was "
            "against that event in data/events.csv.")


def _the(label: str) -> str:
    """"the United States", "the Netherlands": a state's name that English gives its article."""
    return f"the {label}" if label.split()[:1] in (["United"], ["Netherlands"]) else label
