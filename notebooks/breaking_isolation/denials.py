"""What a claim denies: "the Nationalists did not take Shanghai in 1927", "Wuhan never expelled the Communists",
"Moscow did not tell the Communists to stay in the Kuomintang".

A denial of an act is read against the events of the clause's year (or all, when it gives none): an event whose
title holds the denied verb and another word of the clause, done by the clause's subject or its side, is the act the
data records, and the claim is refused with it (`read`). A denial the check finds no such event for is never
passed as checked: `unread` says that the check could not read it, with the events on what the clause names.
A denial of a judgement ("was not a mistake"), a wish ("would not have") or a claim the other rules already read
("never recognised", absolutes.py) is not read here.
"""

from __future__ import annotations

import re

from . import claim_people, evidence_words, ties_said
from .patterns import lazy

# "did not take", "didn't expel", "never expelled", "had not broken", "was not expelled"
DENIAL = lazy(r"\b(?P<no>did\s+not|didn[’']t|did\s+never|never|had\s+not|hadn[’']t|has\s+not|hasn[’']t|"
              r"(?:was|were)\s+not|wasn[’']t|weren[’']t)\s+(?:(?:even|ever|really|actually|once)\s+)?"
              r"(?P<verb>[a-z]+)\b", re.IGNORECASE)
# the words after which a denial is of a state or a judgement, not an act: "was not a mistake", "was not strong"
NOT_ACTS = frozenset("a an the his her its their any all only just so very too more less much that this there "
                     "yet still always likely able going alone".split())
# forms of a verb the title may use: the past of the common irregular verbs of the kit's acts
IRREGULAR = {"take": "took taken takes taking", "took": "take taken takes", "break": "broke broken breaks",
             "broke": "break broken breaks", "tell": "told tells", "told": "tell tells", "send": "sent sends",
             "sent": "send sends", "give": "gave given gives", "gave": "give given gives", "win": "won wins",
             "won": "win wins", "lose": "lost loses", "lost": "lose loses", "lead": "led leads", "led": "lead leads",
             "leave": "left leaves", "left": "leave leaves", "seize": "seized seizes", "fight": "fought fights",
             "fought": "fight fights", "make": "made makes", "made": "make makes", "keep": "kept keeps",
             "kept": "keep keeps", "set": "sets", "split": "splits", "begin": "began begins", "began": "begin begins"}
# a denial of part of an act: how, with whom, how far, when ("did not take Shanghai alone", "never fully broke")
QUALIFIED = lazy(r"\b(?:alone|only|solely|just|fully|entirely|completely|wholly|by\s+(?:itself|themselves|himself)|"
                 r"on\s+(?:its|their|his|her)\s+own|single-handed\w*|unaided|without|until|till|before|after|at\s+first|at\s+once|in\s+full|for\s+long|for\s+good|again|"
                 r"any\s+more|anymore)\b", re.IGNORECASE)
# where the words of a denial end: its reason, or another sentence
CUT = lazy(r"[;.]|\b(?:because|since|so|which|as|but|and)\b", re.IGNORECASE)
MONTHS = ("January February March April May June July August September October November December").split()
MONTH_SAID = lazy(r"\b(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)
# a word that turns what follows into a wish or a condition: not a fact the claim denies
WISH = lazy(r"\b(?:would|could|should|might|must|if|unless|had\s+to|have\s+to|has\s+to)\b", re.IGNORECASE)


def _forms(verb: str) -> list[str]:
    """The forms of a verb a title may hold: its stem with any ending, and its irregular forms."""
    verb = verb.lower()
    stem = re.sub(r"(?:ied|ed|es|s|ing|e)$", "", verb) if len(verb) > 4 else verb.rstrip("e")
    return [stem] + IRREGULAR.get(verb, "").split()


def denied(claim: str) -> list[tuple[int, int, str, str]]:
    """(start, end of its clause, the verb, the words denied) of each denial of an act in the claim, outside a
    wish or a condition."""
    found = []
    for begin, finish, _ in ties_said._clauses(claim):
        part = claim[begin:finish]
        if WISH.search(part):
            continue
        for m in DENIAL.finditer(claim, begin, finish):
            verb = m.group("verb").lower()
            if verb in NOT_ACTS or verb in evidence_words.LITTLE and verb not in IRREGULAR:
                continue
            if m.group("no").lower().startswith(("was", "were")) and not verb.endswith(("ed", "en", "wn", "ld", "nt")):
                continue  # "was not strong": a state, not an act done to someone
            said = " ".join(claim[m.start():finish].strip(" ,;:.").split()[:10])
            found.append((begin, finish, verb, said))
    return found


def _subject(claim: str, begin: int, at: int, found) -> ties_said.Mention | None:
    """The actor named last before the denial in its clause: its subject."""
    before = [m for m in found if begin <= m.start and m.end <= at]
    return before[-1] if before else None


def records(claim: str, data, cited=()) -> list[tuple[str, object]]:
    """(the words the claim denies, the event the data records them by) for each denial of an act the data has,
    by the denial's subject or its side, in the clause's year."""
    from . import agents

    names = ties_said.actor_names(data.actors)
    found = ties_said.mentions(claim, names)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    family = ties_said._family(data)
    persons = ties_said.person_names(data.actors)
    kin_names = agents._name_words(data)
    events = data.events
    out = []
    for begin, finish, verb, said in denied(claim):
        at = claim.lower().find(said.split()[0].lower(), begin)
        subject = _subject(claim, begin, at, found)
        if subject is None:
            continue
        clause = claim[begin:finish]
        years = set(claim_people.years_in(clause))
        rest = {w.removesuffix("'s") for w in evidence_words.words(claim[at:finish])} - evidence_words.LITTLE
        own = CUT.search(claim, at + len(said.split()[0]))
        if QUALIFIED.search(claim[at:own.start() if own else len(claim)]):
            continue  # "did not take Shanghai alone": a part of the act denied, which the check cannot read
        rest -= {verb} | set(evidence_words.words(subject.typed)) | {str(y) for y in years}
        rest = {w for w in rest if len(w) > 3 and not w.isdigit()}
        forms = _forms(verb)
        rows = events[events["date"].dt.year.isin(years)] if years else events
        months = {MONTHS.index(m.capitalize()) + 1 for m in MONTH_SAID.findall(clause)}
        if months:  # "did not expel them in April 1927": only an act of that month is the one denied
            rows = rows[rows["date"].dt.month.isin(months)]
        hits = []
        for row in rows.itertuples():
            title = str(row.title).lower()
            title_words = set(evidence_words.words(title))
            if not any(re.search(rf"\b{re.escape(f)}\w*\b", title) for f in forms):
                continue
            if any(re.search(rf"\b(?:never|not|no)\s+(?:\w+\s+)?{re.escape(f)}", title) for f in forms):
                continue  # "... that Hungary never ratifies": the title itself denies it
            if not rest & {w.removesuffix("'s") for w in title_words} and (rest or str(row.event_id) not in set(cited)):
                continue  # the verb alone: "did not take part" is not the event that "takes the city"
            by_subject = agents._on(subject.actor, str(row.actor), kinds, owners, family, kin_names, subject.typed)
            if kinds.get(subject.actor) == "person":
                by_subject = by_subject or any(n in title for n in persons.get(subject.actor, []))
            if by_subject:
                hits.append(row)
        if hits:
            hits.sort(key=lambda r: str(r.event_id) not in set(cited))  # the cited event first
            out.append((f"{subject.typed} {said}", hits[0]))
    return out


def read(claim: str, data, cited=()) -> str | None:
    """Why the claim is refused, when it denies an act the data records (module text); None otherwise."""
    from .misconceptions import _spoken

    found = records(claim, data, cited)
    if not found:
        return _signing_denied(claim, data, cited)
    said, row = found[0]
    return (f"Your claim says '{said}', but the data records that act: '{row.title}' ({_spoken(row.date_text)}, "
            f"{row.event_id}). Check that event in data/events.csv.")


# "Germany did not sign the Treaty of Berlin", "Turkey never signed a treaty with Moscow in 1925": a signing denied
SIGNING_DENIED = lazy(r"\b(?:did\s+not|didn[’']t|never|had\s+not|hadn[’']t|refused\s+to)\s+(?:(?:even|ever|actually)\s+)?"
                      r"(?:sign|signed|conclude|concluded)\b(?P<what>[^,;.]*)", re.IGNORECASE)


def _signing_denied(claim: str, data, cited=()) -> str | None:
    """A refusal when a clause denies that its subject signed a treaty it names by its title ("Germany did not sign
    the Treaty of Berlin") and the data's treaty of that title has the subject's side among its two; None otherwise."""
    from . import acts_named
    from .misconceptions import _spoken

    found = ties_said.mentions(claim, ties_said.actor_names(data.actors))
    family = ties_said._family(data)
    for said in SIGNING_DENIED.finditer(claim):
        what = said.group("what")
        if QUALIFIED.search(what) or re.search(r"\b(?:alone|until|before|after)\b", what, re.IGNORECASE):
            continue
        subject = next((m for m in reversed(found) if m.end <= said.start()), None)
        if subject is None:
            continue
        rows = acts_named.named(what, data, claim_people.years_in(what), cited)
        if rows.empty or len(rows) > 1:
            continue
        row = rows.iloc[0]
        side = family.get(subject.actor, {subject.actor})
        if not ({str(row["actor"]), str(row["counterpart"])} & side):
            continue
        labels = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
        return (f"Your claim says '{subject.typed} {' '.join(said.group(0).split())}', but the data records "
                f"'{row['title']}' ({_spoken(str(row['date_text']))}, {row['event_id']}) between "
                f"{labels.get(str(row['actor']), row['actor'])} and {labels.get(str(row['counterpart']), row['counterpart'])}. "
                "Check that event in data/events.csv.")
    return None


def unread(claim: str, data) -> list[str]:
    """What the check could not read: each denial of an act by an actor it found no event for (a denial whose
    subject is no actor, "Peking's writ did not run there", is not an act of the data's)."""
    recorded = {said.split(" did ")[-1].split(" never ")[-1] for said, _ in records(claim, data)}
    found = ties_said.mentions(claim, ties_said.actor_names(data.actors))
    out = []
    for begin, _, _, said in denied(claim):
        at = claim.lower().find(said.split()[0].lower(), begin)
        subject = _subject(claim, begin, at, found)
        if subject is None or subject.typed.endswith(("'s", "’s")):
            continue
        if not any(said.endswith(r) or r.endswith(said) for r in recorded):
            out.append(f"what your claim denies ('{said}'): it cannot read a denial against the data. Look for that "
                       "act in the events below")
    return out
