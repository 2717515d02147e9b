"""What a claim says of the tie between two actors, read against the kit's events: one rule for every claim.

A claim that joins two actors the data knows with a word of tone ("Moscow could count on the United States",
"Chiang was loyal to the Communists", "Britain broke with Moscow") says the tie between them was cooperative or
hostile. The check finds the events between the two (each actor with the people and bodies that belong to it;
Soviet Russia and the USSR are one side, Moscow), from the start of the exercise's years to the end of the last
year the claim names, and:

- an actor on both sides ("Great Britain broke with the UK"): refused, with the other side to name;
- no event between them: the check found no evidence for that part of the claim, and says so;
- events between them, none of the claim's tone: it says which tone the data's events have, and names them;
- events of that tone: it names the one or two events it found (those the student cites first, title and year),
  and says plainly that it judged no truth: it looked only at whether such events exist;
- a tone said to hold all along ("friends throughout 1921-28", "always hostile"): refused when the kit has an event
  of the other tone between the two in those years;
- a turn ("so the Comintern turned against him") whose tone the two's events up to the years named never have: the
  events before a turn are of the other tone by its own account, so the tie's later steps decide (`_turn_after`).

Each word of tone is read for the years of its own part of the clause ("Rapallo was signed in 1922, and the
Kuomintang turned on the communists in 1927"), and a clause that says "later" with no year is read to the end of
the exercise's years; an aside between commas before the word ("Chiang, trained in Moscow, turned on") is no side.

A claim that two actors broke off relations (a break verb: "broke off", "broke relations") is read against the
breaks in the data (network_model.is_break) between them, in any year: none, and it is refused, with the kit's
breaks with Moscow; one in another year than the claim names, and it is refused with the data's year.

A word of tone after a denial ("could not count on") or a loss ("lost its ally"), or in a clause of what would have been ("if", "would have"),
is not read. Nothing here judges whether the claim is good
history; it says only whether the kit's events hold anything of the tone the claim gives a tie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from . import checks, cited_ties
from .by_table import by_table, per_reading
from .evidence_words import NAME_FILLERS
from .kin import DEMONYMS, kin as _kin, name_words as _name_words
from .network_model import sign_of, timeline
from .patterns import lazy

COOPERATIVE = lazy(
    r"\b(friendly|friendlier|friendship|(?:best |closest |close |good |great )?friends?|close(?:r|st)?|warm\w*|"
    r"good (?:relations|terms)|all(?:y|ies|ied)|alliance|co-?operat\w*|partners?|"
    r"partnership|count(?:ed|s|ing)? on|rel(?:y|ies|ied|ying) on|loyal\w*|joined|joins?|backed|backing|"
    r"supported|supporting|helped|aided|trust(?:ed|ing)?|courted|courting|embraced|sided with|welcomed|"
    r"reconcil\w*)\b", re.IGNORECASE)
HOSTILE = lazy(
    r"\b(hostil\w*|(?:worst |bitter )?enem(?:y|ies)|cold(?:er|est)?|cool(?:er|est)?|frost\w*|tense|tensions?|"
    r"bad (?:relations|terms)|sever(?:ed|s|ing)?(?: off)?|cut(?:s|ting)? (?:off )?(?:\w+ )?(?:ties|relations)|"
    r"cut off|end(?:ed|s|ing)? (?:\w+ )?relations|(?:broke|break|breaks|breaking)(?: off| with)?|attack\w*|turned (?:on|against)|"
    r"turns? (?:on|against)|betray\w*|fought|fights?|opposed|opposing|raided|expelled|crushed|massacred|"
    r"threaten\w*|distrust\w*|rival\w*|quarrel\w*|war (?:on|against|with)|(?:went|go|goes|going|gone) to war|"
    r"at war)\b", re.IGNORECASE)
# Every wording of a break of relations, read against the kit's breaks: "broke off", "severed", "cut ties".
BREAK_VERB = lazy(r"(?:broke|break|breaks|breaking)\s+(?:off\b|(?:diplomatic\s+)?(?:relations|ties)\b)|"
                  r"sever(?:ed|s|ing)?\b|cut(?:s|ting)?\s+(?:off\s+)?(?:\w+\s+)?(?:ties|relations)\b|cut\s+off\b|"
                  r"end(?:ed|s|ing)?\s+(?:\w+\s+)?relations\b", re.IGNORECASE)
# A tie said to have ended ("Stalin's line of alliance with the Kuomintang collapsed in 1927"): no tone is claimed
# for the years it names, so none is read.
ENDED = lazy(r"(?:\s+[\w'’-]+){0,5}?\s+(?:collapsed|broke\s+down|fell\s+apart|came\s+to\s+an\s+end|ended|"
             r"failed|was\s+over|was\s+broken|was\s+destroyed|died)\b", re.IGNORECASE)
# A word that says a tie changed ("the Comintern turned against him"): the events before the turn are of the
# other tone by its own account, so they never refute it; only what came after can bear on it.
TURNED = lazy(r"turn(?:ed|s)?\s+(?:on|against)\b", re.IGNORECASE)
# A word that judges a tie which the check has no tone for ("the most important partner"): said, never passed.
EVALUATIVE = lazy(r"\b(?:most|least|very|truly|really|deeply|extremely|so)\s+[a-z]{3,}\b", re.IGNORECASE)
DENIED = lazy(r"\b(not|never|no longer|hardly|without|nor|lost|lose|loses|losing)\b(?:\s+\S+){0,2}\s*$|n't(?:\s+\S+){0,2}\s*$",
              re.IGNORECASE)
# Where one statement of a claim ends and another begins: a reason, a contrast, a relative clause.
CLAUSE = lazy(r"[;:()]|\b(because|since|but|while|whereas|although|though|which|who|that|until|so that|so|"
              r"after|before|when|as a result|therefore|yet)\b", re.IGNORECASE)
SIGNED = lazy(r"\b(?:signed|concluded|made|formed|agreed|initialled|struck)\b", re.IGNORECASE)
# A word of tone that names what a side gave up ("refrain from hostile propaganda", "stop hostile acts") says
# what was promised against, not what the tie was.
ABSTAINED = lazy(r"\b(?:refrain\w*|abstain\w*|stop(?:s|ped|ping)?|ceas\w*|renounc\w*|forb(?:id|ade|idden|ids)|"
                 r"ban(?:s|ned|ning)?|g[ai]ve\s+up|giving\s+up)\s+(?:from\s+)?(?:all\s+|any\s+|their\s+|its\s+)?$",
                 re.IGNORECASE)
HYPOTHETICAL = lazy(r"\b(would|could|should|might|must) have\b|\bif\b|\bhad to\b|\bunless\b", re.IGNORECASE)
PRONOUN = lazy(r"\W*(?:it|they|he|she)\b", re.IGNORECASE)  # a clause that opens on the subject before it
JOINED = lazy(r"\b(with|against|and|from|to|on)\b", re.IGNORECASE)
NEAR_BEFORE, NEAR_AFTER = 8, 4  # how many words may come between a word of tone and the actors it joins
ADJECTIVE = lazy(r"\s+(?:republics?|people|government|state|union|side|leaders?|policy|troops|army|advisers?)\b")
# A place named as a treaty is named ("the Treaty of Berlin", "the Berlin treaty"): the treaty, not an actor.
TREATY_BEFORE = lazy(r"\b(?:treaty|treaties|peace|pact|protocol|convention)\s+of\s+$")
TREATY_AFTER = lazy(r"\s+(?:treaty|treaties|pact|protocol|convention)\b")
PART_OF_AMERICA = lazy(r"\b(?:south|latin|central)\s+$")
MOSCOW_NAMES = {"moscow": "ussr", "the kremlin": "ussr", "kremlin": "ussr", "the soviets": "ussr", "soviets": "ussr",
                "soviet government": "ussr"}
SOVIET = ("rsfsr", "ussr")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    typed: str
    actor: str


@dataclass(frozen=True)
class Said:
    refusal: str | None = None                  # why the claim is not checked, in plain words
    checked: tuple[str, ...] = ()               # what the check compared, for a claim it passes
    unchecked: tuple[str, ...] = ()             # what it could not check: the claim gets no passing badge


@by_table("actor_id", "name", "kind", "note")  # a claim check asks a dozen times
def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    """What a claim may call an actor, lower case, to its id: the names the checks read (checks.names_of), Moscow
    for the Soviet state, and a word of an actor's name that no other actor's name holds ("Chiang", "Zinoviev")."""
    from .network_model import LABELS  # the figures' labels: "the Communists" are the CCP, as figure 2 draws them

    found = dict(MOSCOW_NAMES)
    found.update(checks.names_of(actors, LABELS))
    words: dict[str, set[str]] = {}
    for actor, name in zip(actors["actor_id"].astype(str), actors["name"].astype(str)):
        for word in re.findall(r"[A-Z][\w'-]+", name):
            if word.lower() not in NAME_FILLERS and len(word) >= 4 and word.lower() not in _english():
                # "Chiang", "Zinoviev"; not "Trade" of the trade unions' name, a word any claim may use
                words.setdefault(word.lower(), set()).add(actor)
    for word, ids in words.items():
        if len(ids) == 1:
            found.setdefault(word, next(iter(ids)))
    # a wing named by its side of a body ("left Kuomintang", the Wuhan government's name in actors.csv) is named
    # by that side of each of the body's names too: "the left Nationalists", "the left KMT"
    for key, actor in list(found.items()):
        wing = re.fullmatch(r"(left|right) (.+)", key)
        body = found.get(wing.group(2)) if wing else None
        if body and body != actor:
            for other, owner in list(found.items()):
                if owner == body and not other.startswith(("left ", "right ")):
                    found.setdefault(f"{wing.group(1)} {other}", actor)
    return found


def _english() -> frozenset[str]:
    from .evidence_words import english_words

    return frozenset(english_words())


def mentions(text: str, names: dict[str, str]) -> list[Mention]:
    """The actors a text names, in order, each once where it is named (the longest name first); a name of one or
    two letters ("US", "UK") only in capitals, never the word "us"."""
    taken: list[Mention] = []
    lowered = text.lower().replace("’", "'")
    for key in sorted(names, key=len, reverse=True):
        if len(key) < 2 or _shortest_form(key) not in lowered:  # a name the text does not hold: no search
            continue
        for found in _mention_pattern(key).finditer(lowered):
            if len(key) <= 2 and not text[found.start():found.end()].replace(".", "").isupper():
                continue
            if any(found.start() < m.end and m.start < found.end() for m in taken):
                continue
            if TREATY_BEFORE.search(lowered, 0, found.start()) or TREATY_AFTER.match(lowered, found.end()):
                continue  # "the Treaty of Berlin", "the Berlin treaty": a treaty's name, not its city's state
            if names[key] == "usa" and PART_OF_AMERICA.search(lowered, 0, found.start()):
                continue  # "South America", "Latin America": a part of the continent, not the United States
            taken.append(Mention(found.start(), found.end(), text[found.start():found.end()], names[key]))
    return sorted(taken, key=lambda m: m.start)


def _shortest_form(key: str) -> str:
    """The shortest way mentions() reads `key`: without a plural's s ("Nationalist" of "nationalists")."""
    return key[:-1] if len(key) >= 6 and key.endswith("s") else key


@lru_cache(maxsize=None)
def _mention_pattern(key: str) -> re.Pattern:
    """The pattern of a name as mentions() reads it, made once per name: built afresh for each of the data's
    hundreds of names on every call, they overflowed the re module's cache and were compiled again each time."""
    forms = [re.escape(key)] + ([re.escape(key[:-1])] if key != _shortest_form(key) else [])
    return re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})(?:'s|s)?(?![\w-])")


def _clauses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the word that opens it) of each clause of `text`."""
    cuts = [(m.start(), m.end(), (m.group(1) or "").lower()) for m in CLAUSE.finditer(text)]
    found, start, opener = [], 0, ""
    for begin, end, word in cuts:
        found.append((start, begin, opener))
        start, opener = end, word
    found.append((start, len(text), opener))
    return found


# Words of a party's name that are not its own: a government named "Chinese ..." is not the party's.
PARTY_WORDS = {"party", "chinese", "communist", "socialist", "workers", "the", "of", "union", "soviet", "russian",
               "germany", "german"}


@by_table("actor_id", "belongs_to", "note", "kind", "name", of=lambda data: data.actors)
def _family(data) -> dict[str, set[str]]:
    """{actor: the actor and every actor that belongs to it, at any depth}; the Soviet state's two names as one."""
    owner = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    family: dict[str, set[str]] = {a: {a} for a in owner}
    for member in owner:
        seen, up = {member}, owner.get(member, "")
        while up and up not in seen:
            family.setdefault(up, {up}).add(member)
            seen.add(up)
            up = owner.get(up, "")
    # a person's own body: an actor whose note opens with the person's name ("Chiang Kai-shek's Nationalist
    # government" is china-nanjing), so that its acts are the person's side of a tie
    notes = data.actors["note"].fillna("").astype(str) if "note" in data.actors else pd.Series([], dtype=str)
    noted = list(zip(data.actors["actor_id"].astype(str).tolist(), notes.tolist()))  # once, not once a person
    people = data.actors[data.actors["kind"].astype(str) == "person"]
    for person, name in zip(people["actor_id"].astype(str), people["name"].astype(str)):
        for actor, note in noted:
            if note.startswith((f"{name}'s ", f"{name}’s ")):
                family.setdefault(person, {person}).update(family.get(actor, {actor}))
    # a party's governments: a government whose name holds a word of the party's own name ("Wuhan Nationalist
    # government", "Nanjing Nationalist government" for the Kuomintang, "Chinese Nationalist Party"): the
    # Nationalists of a claim are the party and its governments
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    titles = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
    for party in (a for a, k in kinds.items() if k == "party"):
        own = {w.lower() for w in re.findall(r"[A-Z]\w+", titles[party])} - PARTY_WORDS
        for government in (a for a, k in kinds.items() if k == "government"):
            if own & {w.lower() for w in re.findall(r"[A-Z]\w+", titles[government])}:
                family[party] = family.get(party, {party}) | family.get(government, {government})
    moscow = set().union(*(family.get(s, {s}) for s in SOVIET))
    for state in SOVIET:
        family[state] = moscow
    return family


def _both(claim: str, two: list[Mention]) -> tuple[Mention, Mention] | None:
    """Two actors named together ("Britain and Moscow were friendly", "friendship between Germany and Soviet
    Russia"): the pair a word of tone before or after them joins; None when other words come between them."""
    return (two[0], two[1]) if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", claim[two[0].end:two[1].start],
                                            re.IGNORECASE) else None


SAME_ACT = lazy(r"\bdid\s+(?:the\s+same|likewise|so\s+too|so\s+as\s+well)\b", re.IGNORECASE)


def _same_act(claim: str) -> str:
    """The claim with "X did the same" after a break read as X's own break ("Britain broke off relations in 1927
    and Mexico did the same in 1930"): the break's words in place of "did the same"."""
    said = BREAK_VERB.search(claim)
    if not said:
        return claim
    return claim[:said.end()] + SAME_ACT.sub(said.group(0), claim[said.end():])


def _names_a_thing(claim: str, mention: Mention, data) -> bool:
    """Whether a name is part of the name of a thing an event's title holds, not the actor: "the German October"
    (a title's "German October": the name and a capitalised word), "the Zinoviev letter" (a person's name and
    the word after it, after "the" in a title; "the Soviet embassy" is a post, which `read` reads apart)."""
    after = re.match(r"\s+([\w'’-]+)", claim[mention.end:])
    if not after:
        return False
    pair = f"{mention.typed.split()[-1]} {after.group(1)}".lower()
    titles = " | ".join(data.events["title"].astype(str)).lower()
    if after.group(1)[:1].isupper():
        return pair in titles
    people = set(data.actors.loc[data.actors["kind"].astype(str) == "person", "actor_id"].astype(str))
    return mention.actor in people and f"the {pair}" in titles


def _listed(claim: str, before: list[Mention]) -> list[Mention]:
    """The names of a list that ends with the last of `before` ("Albania, Britain and Mexico"): each joined to the
    next by a comma or "and" alone; one name when it stands alone."""
    listed = before[-1:]
    for one in reversed(before[:-1]):
        joint = claim[one.end:listed[0].start]
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", joint, re.IGNORECASE):
            break
        # a list's last two names are joined by "and": "the police raided ARCOS, Britain cut ties" is two clauses,
        # and the name a verb ends on is its object ("raided ARCOS"), never a doer of the next one's act
        if (len(listed) == 1 and not re.search(r"\band\b", joint, re.IGNORECASE)) or OBJECT_OF.search(claim, 0, one.start):
            break
        listed.insert(0, one)
    return listed


# a name straight after a verb in the past ("raided ARCOS", "attacked the Soviet embassy") is what the verb acts on
OBJECT_OF = lazy(r"\b[a-z]{2,}ed\s+(?:the\s+)?$")


def _joins(between: str) -> bool:
    """Whether a word of a tie joins two names: "with", "against"..., or an "and" straight before the second name
    ("Moscow and the Soviet Union"); an "and" with more words after it opens a new clause ("armed Chiang at
    Whampoa and in 1927 Chiang used those guns"), the same actor in two acts."""
    return any(w.group(0).lower() != "and" or re.fullmatch(r"\s*(?:the\s+)?", between[w.end():], re.IGNORECASE)
               for w in JOINED.finditer(between))


def _same(a: str, b: str) -> bool:
    return a == b or {a, b} <= set(SOVIET)


def _named(rows: pd.DataFrame) -> str:
    """Events as the student reads them: 'title' (year), joined."""
    return " and ".join(f"'{t}' ({d.year})" for t, d in zip(rows["title"].astype(str), rows["date"]))


def _breaks(events: pd.DataFrame) -> pd.Series:
    """Which events break a tie off (network_model.is_break)."""
    from .network_model import is_break

    return pd.Series([is_break(k, t) for k, t in zip(events["kind"], events["tone"])], index=events.index, dtype=bool)


def no_break(events: pd.DataFrame, side: set[str], moscow: set[str], label: str) -> str | None:
    """What the data records of a hostile act between `side` and Moscow that it does not count as a break of
    relations, with the reason its description gives (the sentences that speak of relations): "Canada cancels the
    trade agreement ... Since Canada had never exchanged diplomats with Moscow, no diplomatic relations were
    broken"; None when it records none (or when the events carry no tone, as in a table of recognitions alone)."""
    if "tone" not in events:
        return None
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    ties = (actor.isin(side) & counterpart.isin(moscow)) | (actor.isin(moscow) & counterpart.isin(side))
    if _breaks(events[ties]).any():  # the side did break with Moscow: never say it did not
        return None
    rows = events[((actor.isin(side) & counterpart.isin(moscow)) | (actor.isin(moscow) & counterpart.isin(side)))
                  & (events["tone"].astype(str) == "hostile") & ~_breaks(events)].sort_values("date")
    for row in rows.itertuples():
        said = [s for s in re.split(r"(?<=[.;])\s+", str(getattr(row, "description", "") or ""))
                if re.search(r"\brelations\b", s)]
        if said:
            reason = " ".join(said).rstrip(".;")
            return (f"The data records no break of relations by {label}: it has '{row.title}' ({row.event_id}, "
                    f"{row.date:%B %Y}), an act it does not count as a break. {reason}.")  # the data's own sentences
    return None


def _moscow_breaks(events: pd.DataFrame, moscow: set[str], labels: dict[str, str], first: int, last: int,
                   actors: pd.DataFrame | None = None) -> str:
    """The kit's breaks of relations with Moscow, with their years (those of the exercise's years first), each by
    its doer as the data has it ("Moscow's break with ..." when Moscow broke), and, given the actors, a break the
    recognition count does not count with the data's reason."""
    from .network_model import BREAK_KINDS

    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    rows = events[events["kind"].astype(str).isin(BREAK_KINDS) & (actor.isin(moscow) != counterpart.isin(moscow))]
    inside = rows[rows["date"].dt.year.between(first, last)]
    rows = (inside if not inside.empty else rows).sort_values("date")
    uncounted: dict[str, str] = {}
    if actors is not None:
        from .recognition import standing_changes

        changes = standing_changes(events, actors)
        uncounted = {e: str(r) for e, r, c in zip(changes["event_id"], changes["reason"], changes["counted"]) if not c}
    said = []
    for event, a, b, d in zip(rows["event_id"].astype(str), rows["actor"].astype(str),
                              rows["counterpart"].astype(str), rows["date"]):
        told = (f"Moscow's break with the {labels.get(b, b)} {d.year}" if a in moscow and labels.get(b, b).endswith(
            "government") else f"Moscow's break with {labels.get(b, b)} {d.year}" if a in moscow
            else f"{labels.get(a, a)} {d.year}")
        said.append(told + (f" (not counted: {uncounted[event]})" if event in uncounted else ""))
    return ", ".join(said)


# A name that owns a post abroad ("closed the Soviet consulates") names no side of the tie: the post is the thing
# dealt with, so "broke with Moscow and closed the Soviet consulates" does not put Moscow on both sides.
POST = lazy(r"\s+(?:consulates?|consuls?|embass(?:y|ies)|legations?|missions?|diplomats?|envoys?|advisers?)\b",
            re.I)
POST_IN = lazy(POST.pattern + r"\s+(?:in|at)\s+(?:the\s+)?$", re.I)


def read(claim: str, data, start: str, end: str, cited=()) -> Said:
    """What the claim says of the ties between the actors it names, read against data.events (see the module);
    `cited`: the event ids the student cites, named first among the events the check looked at."""
    claim = _same_act(claim)
    names = actor_names(data.actors)
    from .network_model import LABELS

    labels = {a: " ".join(label.split(",")[0].split()) for a, label in checks.actor_labels(data.actors, LABELS).items()}
    labels.update({s: "Moscow" for s in SOVIET})
    family = _family(data)
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    events = data.events
    first, last = pd.Timestamp(start).year, pd.Timestamp(end).year
    every_year = [int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim) if first <= int(y) <= last]
    found = [m for m in mentions(claim, names) if not _names_a_thing(claim, m, data)]
    checked: list[str] = []
    unchecked: list[str] = []
    persons = person_names(data.actors)
    subject = None  # who a clause opened by "who" is about: the first actor of the clause before it
    opening = None  # who a clause opened by "it" or "they" is about: the actor that opens the clause before it
    person = None  # the last person the clause before names: "he" or "she" is a person, never a state
    for begin, finish, opener in _clauses(claim):
        inside = [m for m in found if begin <= m.start and m.end <= finish]
        # "..., who broke with Moscow", "..., but it broke off relations": the clause is about the last one's subject
        pronoun = PRONOUN.match(claim, begin)
        if pronoun and re.search(r"\b(?:he|she)\b", pronoun.group(0), re.IGNORECASE) and opening is not None \
                and opening.actor not in persons:  # "Moscow armed Feng, yet he sided with Chiang": Feng
            opening = person
        before_clause = ([subject] if opener == "who" and subject is not None
                         else [opening] if pronoun and opening is not None else [])
        person = next((m for m in reversed(inside) if m.actor in persons), None)
        if inside:
            subject = inside[0]
            # the clause's own subject, when an actor opens it ("Britain recognised..."), for a pronoun after it
            opening = inside[0] if claim[begin:inside[0].start].strip(" ,").lower() in ("", "the", "and the") else None
        else:
            opening = None
        # an actor on both sides: two names of one actor joined by a word of a tie
        for one, other in zip(inside, inside[1:]):
            between = claim[one.end:other.start]
            # (a year between them starts another statement: "with Soviet Russia in 1921 and recognised the USSR")
            # (a comma between them closes one statement: "out of the Wuhan government, and Wuhan then expelled
            # them", "trained Chiang's son, and Chiang turned on them")
            if (_same(one.actor, other.actor) and len(between.split()) <= 6 and "(" not in between and "," not in between
                    and not re.search(r"\b1[89]\d\d\b", between)
                    and not ADJECTIVE.match(claim, other.end)  # "the other Soviet republics": no side of a tie
                    and not any(POST.match(claim, m.end) for m in (one, other))
                    and (_joins(between) or COOPERATIVE.search(between) or HOSTILE.search(between))):
                who = labels.get(one.actor, one.actor)
                names_it = (f"'{one.typed}' and '{other.typed}' both name {who}" if one.typed.lower() != other.typed.lower()
                            else f"it names {who} twice")
                return Said(f"Your claim puts {who} on both sides of a tie: {names_it}, and an actor cannot deal "
                            f"with itself. Name the other side: the state, party or person {who} dealt with.")
        # where a post stands ("the Soviet embassy in Peking") is no side of the tie: the post's owner is
        inside = [m for m in inside if not POST_IN.search(claim, 0, m.start)]
        clause_years = [int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim[begin:finish]) if first <= int(y) <= last]
        if HYPOTHETICAL.search(claim[begin:finish]):  # what would have been is not what the events record
            continue
        for tone, pattern in (("cooperative", COOPERATIVE), ("hostile", HOSTILE)):
            for word in pattern.finditer(claim, begin, finish):
                if DENIED.search(claim[max(begin, word.start() - 40):word.start()]) or ABSTAINED.search(
                        claim, begin, word.start()) or (
                        ENDED.match(claim, word.end(), finish)):  # "the alliance ... collapsed": a tie that ended
                    continue
                years, until = _years_of(claim, begin, finish, word.start(), clause_years, every_year, first, last)
                period = _period(claim, begin, finish, first, last)
                said_when = None
                if period:  # "after 1926", "in the late 1920s": the tie in those years, not the years before
                    years, said_when = period
                    until = max(years)
                # an aside between commas just before the word ("Chiang, trained in Moscow in 1923, turned on")
                # says nothing of who did it
                aside = re.search(r",[^,]*,\s*$", claim[begin:word.start()])
                cut = (begin + aside.start(), word.start()) if aside else (word.start(), word.start())
                before = before_clause + [m for m in inside if m.end <= word.start()
                                          and not (cut[0] <= m.start < cut[1])
                                          and len(claim[m.end:word.start()].split()) <= NEAR_BEFORE]
                after = [m for m in inside if m.start >= word.end()
                         and len(claim[word.end():m.start].split()) <= NEAR_AFTER]
                if BREAK_VERB.match(claim, word.start()):
                    # a break's other side follows "with" ("broke off relations with Moscow"); a name after it
                    # with no "with" is the next thing said ("broke off relations after the Arcos raid")
                    after = [m for m in after if re.search(r"\b(?:with|from|to)\b", claim[word.end():m.start],
                                                           re.IGNORECASE)]
                pair = ((before[-1], after[0]) if before and after else
                        _owned(claim, before[-2:]) or _both(claim, before[-2:]) or _tie_with(claim, before[-2:])
                        if len(before) >= 2
                        else _both(claim, after[:2]) if len(after) >= 2 else None)
                him = re.match(r"\s*(?:off\s+)?(?:relations\s+)?(?:(?:with|from|against|on)\s+)?(?:him|her)\b",
                               claim[word.end():finish])
                people = [m for m in found if m.end <= (before[-1].start if before else 0) and persons.get(m.actor)]
                if not pair and before and him and people:  # "Chiang's coup made Moscow break with him": Chiang
                    pair = (before[-1], people[-1])
                listed = (_listed(claim, before) if tone == "hostile" and BREAK_VERB.match(claim, word.start())
                          and (not after or _same(after[0].actor, "ussr")) else [])
                if len(listed) >= 2 and not any(_same(m.actor, "ussr") for m in listed):
                    # "Albania, Britain and Mexico broke off relations": each broke with Moscow, none with another
                    moscow = family.get("ussr", set(SOVIET))
                    for m in listed[:-1]:
                        side = family.get(m.actor, {m.actor})
                        if not _breaks(events[_linked(events, side, moscow, persons, owners=owners)]).any():
                            who = labels.get(m.actor, m.actor)
                            reason = no_break(events, side, moscow, who)
                            return Said(f"Your claim says {who} broke off relations ('{word.group(0)}'). " + (
                                f"{reason} Check your claim against that event." if reason else
                                f"The kit's data has no break between {who} and Moscow. The kit's breaks with Moscow "
                                f"are: {_moscow_breaks(events, moscow, labels, first, last, data.actors)}. Check your "
                                "claim against the events."))
                    pair = (listed[-1], after[0] if after else Mention(word.start(), word.start(), "Moscow", "ussr"))
                if (not pair and tone == "hostile" and before and BREAK_VERB.match(claim, word.start())
                        and not _same(before[-1].actor, "ussr")):
                    # "Britain broke off relations in 1927": a break with no other side named is one with Moscow,
                    # whose relations the kit records; its doer is the clause's subject, not the name a verb before
                    # acts on ("the brits raided ARCOS and then cut ties": Britain, not ARCOS)
                    doers = [m for m in before if not OBJECT_OF.search(claim, 0, m.start)] or before
                    pair = (doers[-1], Mention(word.start(), word.start(), "Moscow", "ussr"))
                if not pair or _same(pair[0].actor, pair[1].actor):
                    continue
                a, b = pair
                one, two = family.get(a.actor, {a.actor}), family.get(b.actor, {b.actor})
                joined = _linked(events, one, two, persons, owners=owners)
                between = events[joined & (events["date"] >= pd.Timestamp(start))
                                 & (events["date"] <= pd.Timestamp(f"{until}-12-31"))]
                who, whom = labels.get(a.actor, a.actor), labels.get(b.actor, b.actor)
                said = f"'{word.group(0)}'"
                kin = _cited_kin(events, cited, a.actor, b.actor, one, two, data, tone,
                                 pd.Timestamp(start), pd.Timestamp(f"{until}-12-31"), years)
                # events of that tone by a third party that name one side ("Wuhan sends Borodin home"): not the
                # tie's, so never its evidence; but the claim is then said unchecked, not refused
                others = events[_linked(events, one, two, persons, loose=True) & ~joined
                                & (events["date"] >= pd.Timestamp(start))
                                & (events["date"] <= pd.Timestamp(f"{until}-12-31"))
                                & (events["tone"].astype(str) == tone)]
                def third(in_years=()):
                    """What the check could not tell, for the years the clause names if it names some: the two's
                    events of those years are not of the tone (in other years they may well be)."""
                    mine = others[others["date"].dt.year.isin(in_years)] if in_years else others
                    when = f" in {' and '.join(map(str, in_years))}" if in_years else ""
                    named = ", ".join(mine.sort_values("date")["event_id"].tolist()[-3:])
                    return (f"the tie between {who} and {whom} ({said}): the kit's events between the two{when} are "
                            f"not {tone}" + (f", and its {tone} events{when} that name them ({named}) are acts of "
                                             "others" if named else "") +
                            f", so the check could not tell whether the tie was {tone}{when}")
                # "until 1929" holds a state of the tie ("loyal ally"), not an act ("broke off ... and did not
                # restore them until 1929": the "until" is the denial's)
                held = (not BREAK_VERB.match(claim, word.start())
                        and not re.search(r"\b(?:not|never|no)\b|n't", claim[word.end():finish], re.IGNORECASE))
                along = _all_along(claim, begin, finish, first, last) or (
                    _held_until(claim, finish, joined, events, tone, first, last) if held else None)
                if along:  # "friends throughout 1921-28": one event of the other tone in those years refutes it
                    lo, hi, said_along = along
                    other = "hostile" if tone == "cooperative" else "cooperative"
                    contrary = events[joined & events["date"].dt.year.between(lo, hi)
                                      & (events["tone"].astype(str) == other)]
                    span = f"from {lo} to {hi}" if hi > lo else f"all through {lo}"
                    turned = (cited_ties.against_friend(events, cited, one, two, names, family, lo, hi,
                                                        mentions, _linked, HOSTILE)
                              if tone == "cooperative" and contrary.empty else None)
                    if turned:  # "Feng loyal to Moscow until 1928", citing Feng siding against the Communists
                        from .misconceptions import _spoken  # here: misconceptions reads this module

                        row, friend, last = turned
                        return Said(f"Your claim says the tie between {who} and {whom} was {tone} {span} ({said}, "
                                    f"'{said_along}'), but the event you cite, '{row.title}' ({_spoken(str(row.date_text))}, "
                                    f"{row.event_id}), has {labels.get(str(row.actor), row.actor)} turn against "
                                    f"the {labels.get(friend, friend)}, whose tie with "
                                    f"{whom if one & {str(row.actor)} else who} was cooperative then"
                                    + (f" (the last before it: {_named(last)})" if len(last) else "")
                                    + ". Check the tie year by year against the events.")
                    if len(contrary):
                        return Said(f"Your claim says the tie between {who} and {whom} was {tone} {span} ({said}, "
                                    f"'{said_along}'), but the kit's data has {other} events between them in those "
                                    f"years: {_named(_shown(contrary, cited))}. Check the tie year by year against "
                                    "the events.")
                if tone == "hostile" and BREAK_VERB.match(claim, word.start()):  # a break: read against the breaks
                    pair_events = events[joined]
                    broken = pair_events[_breaks(pair_events)].sort_values("date")
                    if broken.empty:
                        reason = no_break(events, one if not one & family.get("ussr", set()) else two,
                                          family.get("ussr", set(SOVIET)), who if not one & family.get("ussr", set()) else whom)
                        if reason:
                            return Said(f"Your claim says {who} and {whom} broke off relations ({said}). {reason} "
                                        "Check your claim against that event.")
                        return Said(f"Your claim says {who} and {whom} broke off relations ({said}), but the kit's data "
                                    f"has no break between {who} and {whom}. The kit's breaks with Moscow are: "
                                    f"{_moscow_breaks(events, family.get('ussr', set(SOVIET)), labels, first, last, data.actors)}. "
                                    "Check your claim against the events.")
                    named_years = years or [y for y in every_year if y not in next_acts_years(claim, word.start(), finish)]
                    in_year = broken[broken["date"].dt.year.isin(named_years)] if named_years else broken
                    if in_year.empty:
                        data_years = sorted(set(broken["date"].dt.year.astype(int)))
                        return Said(f"Your claim says {who} and {whom} broke off relations in "
                                    f"{' or '.join(map(str, sorted(set(named_years))))}, but the kit's data has their "
                                    f"break in {' and '.join(map(str, data_years))}: {_named(broken.tail(2))}. "
                                    "Check the year against the events.")
                    checked.append(f"the break between {who} and {whom} ({said}): it found {_named(_shown(in_year, cited))}")
                    continue
                named_years = sorted(set(years))
                if named_years:  # a tone is read for the years its clause names: the tie then, not years before
                    then = between[between["date"].dt.year.isin(named_years)]
                    upto = between.sort_values("date")
                    sign = sign_of(upto["date"], upto["tone"], f"{until}-12-31", upto["kind"]) if len(upto) else "none"
                    if (then["tone"].astype(str) == tone).any() and sign != tone:  # both tones that year
                        unchecked.append(f"the tie between {who} and {whom} ({said}) in "
                                         f"{_when(named_years, said_when)}: the kit's events of {'that year' if len(named_years) == 1 else 'those years'} have "
                                         f"both tones ({', '.join(then.sort_values('date')['event_id'].tolist()[-4:])}), "
                                         f"and the tie was {sign} at its end")
                        continue
                    if (then["tone"].astype(str) == tone).any():
                        checked.append(f"the tie between {who} and {whom} ({said}, {tone}) in "
                                       f"{_when(named_years, said_when)}: it found "
                                       f"{_named(_shown(then[then['tone'].astype(str) == tone], cited, kin))}")
                        continue
                    if sign in ("cooperative", "hostile") and sign != tone and len(others):
                        unchecked.append(third(named_years))
                        continue
                    namesake = _cited_namesake(events, cited, one, two, data, tone, named_years)
                    if sign in ("cooperative", "hostile") and sign != tone and namesake is not None:
                        unchecked.append(f"the tie between {who} and {whom} ({said}) in {_when(named_years, said_when)}: "
                                         f"the event you cite, '{namesake.title}' ({namesake.event_id}), is {tone}, but it "
                                         f"is an act of the {namesake.body}, {NAMESAKE_ONLY}")
                        continue
                    if sign in ("cooperative", "hostile") and sign != tone:
                        shown = (then if len(then) else upto).sort_values("date")["event_id"].tolist()[-4:]
                        when = _when(named_years, said_when)
                        return Said(f"Your claim calls the tie between {who} and {whom} {tone} in {when} ({said}), "
                                    f"but the kit's events hold nothing {tone} between them in {when}, and by then "
                                    f"the tie was {sign}: {', '.join(shown)}. The check found no evidence for "
                                    "that part of your claim: read those events, then say what the tie was.")
                    bodies = cited_ties.with_persons_body(events, cited, one, two, persons, owners, tone, named_years)
                    if len(bodies):  # "Moscow's advisers helped Chiang in 1926", citing Blyukher's plan for the KMT
                        checked.append(f"the tie between {who} and {whom} ({said}, {tone}) in "
                                       f"{_when(named_years, said_when)}: the kit has no {tone} event between "
                                       f"them that year, but you cite one with the party or government a person "
                                       f"of the tie belongs to: {_named(bodies)}")
                        continue
                    if len(upto) and sign == tone and not SIGNED.search(claim, begin, finish):
                        # no event of that tone that year, but the tie was of it by then (a state of the tie, not
                        # an act such as "signed an alliance", which needs its own event)
                        checked.append(f"the tie between {who} and {whom} ({said}, {tone}) in "
                                       f"{_when(named_years, said_when)}: the kit has no {tone} event between "
                                       f"them that year, and the tie was {tone} from its events before, the last "
                                       f"{_named(upto.tail(1))}")
                        continue
                    unchecked.append(f"the tie between {who} and {whom} ({said}) in "
                                     f"{_when(named_years, said_when)}: the kit's data has "
                                     + (f"no event of that tone between them then (the tie was {sign})" if len(upto)
                                        else "no event between them up to then"))
                    continue
                by_title = cited_ties.titled(events, cited, one, two, names, tone, pd.Timestamp(start),
                                             pd.Timestamp(f"{until}-12-31"), mentions,
                                             (COOPERATIVE, HOSTILE))
                if between.empty and len(by_title):  # "Stalin backed Wuhan", citing "... and backs Wuhan"
                    checked.append(f"the tie between {who} and {whom} ({said}, {tone}): the title of the event you "
                                   f"cite names both, {tone}: {_named(by_title)}")
                    continue
                if between.empty:
                    titled = _cited_naming_both(events, cited, who, whom, data)
                    unchecked.append(f"the tie between {who} and {whom} ({said}): the kit's data has no event "
                                     f"between them from {first} to {until}" + (
                                         f"; the event you cite, '{titled.title}' ({titled.event_id}), names both "
                                         f"in its title, but the data records it between other sides ({titled.body}): read it "
                                         "to see what it says of them" if titled else ""))
                    continue
                tones = between["tone"].astype(str)
                if not (tones == tone).any() and len(others):
                    unchecked.append(third())
                    continue
                namesake = _cited_namesake(events, cited, one, two, data, tone, list(range(first, until + 1)))
                if not (tones == tone).any() and namesake is not None:
                    unchecked.append(f"the tie between {who} and {whom} ({said}): the event you cite, "
                                     f"'{namesake.title}' ({namesake.event_id}), is {tone}, but it is an act of the "
                                     f"{namesake.body}, {NAMESAKE_ONLY}")
                    continue
                if not (tones == tone).any() and TURNED.match(word.group(0)):
                    verdict, words = _turn_after(events[joined], who, whom, said, tone, between, until, last)
                    if verdict == "wrong":
                        return Said(words)
                    (checked if verdict == "checked" else unchecked).append(words)
                    continue
                if not (tones == tone).any():
                    shown = between.sort_values("date")["event_id"].tolist()
                    listed = ", ".join(shown[:4]) + (f" and {len(shown) - 4} more" if len(shown) > 4 else "")
                    kinds = sorted(set(tones) - {"neutral"}) or ["neutral"]
                    return Said(f"Your claim calls the tie between {who} and {whom} {tone} ({said}), but the kit's "
                                f"events between them {span_of(first, until)} are {' or '.join(kinds)}, never "
                                f"{tone}: {listed}. The check found no evidence for that part of your claim: read "
                                "those events, then say what the tie was.")
                of_tone = between[tones == tone].sort_values("date")
                near = of_tone[of_tone["date"].dt.year.isin(years or every_year)]
                checked.append(f"the tie between {who} and {whom} ({said}, {tone}): it found "
                               f"{_named(_shown(near if not near.empty else of_tone, cited, kin))}")
        for word in EVALUATIVE.finditer(claim, begin, finish):  # a judgement of a tie with no tone the check reads
            if inside and not COOPERATIVE.search(word.group(0)) and not HOSTILE.search(word.group(0)):
                unchecked.append(f"'{word.group(0)}', a judgement the check has no words for")
    could_not = tuple(f"The check could not check {u}." for u in dict.fromkeys(unchecked))
    if not checked:
        return Said(None, (), could_not)
    listed = "; ".join(dict.fromkeys(checked))
    return Said(None, (f"The check did not judge whether your claim is true. It looked only at whether the kit "
                       f"has events of the kind your claim names for {'this tie' if len(checked) == 1 else 'these ties'}: "
                       f"{listed}. It checked nothing else your claim says (what else happened, when, why and who "
                       "did it): that is yours to check against the events.",),
                could_not)


# What follows a name whose possessive lost its apostrophe ("Moscows closest friend", "Germanys only ally")
BARE_POSSESSIVE = lazy(r"\s+(?:[a-z]+est\s+|only\s+|main\s+|chief\s+|best\s+|worst\s+|real\s+|true\s+)?"
                       r"(?:friend|ally|partner|enemy|foe|rival)s?\b", re.IGNORECASE)


def _owned(claim: str, two: list[Mention]) -> tuple[Mention, Mention] | None:
    """"Britain was Moscow's closest friend": an actor, then another's (a possessive), before a word of tone."""
    typed = two[1].typed.lower()
    return (two[0], two[1]) if typed.endswith(("'s", "’s")) or (  # "Moscows closest friend": its apostrophe left out
        typed.endswith("s") and not typed.endswith("ss") and BARE_POSSESSIVE.match(claim, two[1].end)) else None


def _tie_with(claim: str, two: list[Mention]) -> tuple[Mention, Mention] | None:
    """"Moscow's tie with Japan was hostile": an actor's tie (relations, friendship) with another, before a word of
    tone."""
    return (two[0], two[1]) if two[0].typed.lower().endswith(("'s", "’s")) and re.fullmatch(
        r"\s*(?:tie|ties|relations?|relationship|dealings|friendship|alliance|partnership|quarrel)\s+(?:with|to)\s+"
        r"(?:the\s+)?", claim[two[0].end:two[1].start], re.IGNORECASE) else None


def _linked(events: pd.DataFrame, one: set[str], two: set[str], persons: dict[str, list[str]],
            loose: bool = False, owners: dict[str, str] | None = None) -> pd.Series:
    """Events between two sides: one side as actor and the other as counterpart, or a person of a side named in the
    event's title or description ("Borodin arrives in Canton as adviser to Sun Yat-sen")."""
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    owner = owners or {}
    described = events["description"].fillna("").astype(str) if "description" in events else ""
    text = (events["title"].astype(str) + " " + described).str.lower()

    def on(side: set[str]) -> pd.Series:
        found = actor.isin(side) | counterpart.isin(side)
        if loose:  # every event that names a person of a side, whoever acted in it
            for person in side & set(persons):
                found |= text.str.contains("|".join(re.escape(n) for n in persons[person]), regex=True)
            return found
        if len(side & set(persons)) == 1 and _one_person(side, persons):
            # a person named as a side of the tie (with the body the person heads), not one of a side's people
            person = next(iter(side & set(persons)))
            found |= text.str.contains("|".join(re.escape(n) for n in persons[person]), regex=True)
        return found

    direct = (actor.isin(one) & counterpart.isin(two)) | (actor.isin(two) & counterpart.isin(one))
    # a person named in an event's text counts for the tie only when the event's two sides are the tie's two
    # ends: "Borodin arrives as adviser to Sun Yat-sen" (Borodin and the Kuomintang) for Borodin and Sun, never
    # an act of a third party that names one of them ("Wuhan sends Borodin home" is no act of Chiang's)
    # (a person's side counts the body the person belongs to: Borodin's advice to the Kuomintang is advice to Sun)
    bodies = {owner.get(p, "") for p in (one | two) & set(persons)} - {""}
    ends = (actor.isin(one | two | bodies) & counterpart.isin(one | two | bodies))
    named = _one_person(one, persons) or _one_person(two, persons)
    if loose:
        return direct | (on(one) & on(two))
    return direct | (on(one) & on(two) & ends) if named else direct


def _one_person(side: set[str], persons: dict[str, list[str]]) -> bool:
    """Whether a side is one person, alone or with a body of the person's own ("Chiang Kai-shek" and his Nanjing
    government), not a body with its people."""
    return len(side & set(persons)) == 1 and len(side) <= 2


@per_reading
def person_names(actors: pd.DataFrame) -> dict[str, list[str]]:
    """{person: the names the events' texts may call them by, lower case}: the full name and the surname."""
    people = actors[actors["kind"].astype(str) == "person"]
    found = {a: sorted({n.lower(), n.split()[-1].lower()} if len(n.split()[-1]) >= 4 else {n.lower()})
             for a, n in zip(people["actor_id"].astype(str), people["name"].astype(str))}
    # a name that puts the family name first, its given name hyphenated ("Chiang Kai-shek", called "Chiang" in the
    # events' titles): its first word, when no other person's name holds it and it is no English word
    words: dict[str, set[str]] = {}
    for a, n in zip(people["actor_id"].astype(str), people["name"].astype(str)):
        for word in n.split()[:1] if len(n.split()) == 2 and "-" in n.split()[-1] else []:
            words.setdefault(word.lower(), set()).add(a)
    for word, ids in words.items():
        if len(ids) == 1 and len(word) >= 4 and word.isalpha() and word not in _english():
            found[next(iter(ids))] = sorted(set(found[next(iter(ids))]) | {word})
    return found


LATER = lazy(r"\b(later|afterwards|eventually|in the end|then|subsequently|in time)\b", re.IGNORECASE)


def next_acts_years(claim: str, at: int, finish: int) -> set[int]:
    """The years after an "and" that follows the word at `at` in its clause: the next act's ("broke off relations
    with the USSR and restored them in 1929"), not the word's."""
    joined = re.search(r"\band\b", claim[at:finish])
    return {int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim[at + joined.end():finish])} if joined else set()


def _years_of(claim: str, begin: int, finish: int, at: int, clause_years: list[int], every_year: list[int],
              first: int, last: int) -> tuple[list[int], int]:
    """(the years a word of tone at `at` is read for, the last year the check reads up to): the years of its own
    part of the clause (cut at a comma or "and": "Rapallo was signed in 1922, and the Kuomintang turned on the
    communists in 1927"), else the clause's; a clause with no year that says "later" reads to the window's end,
    never the years of another clause."""
    cuts = sorted({begin, finish} | {m.end() for m in re.finditer(r",|\band\b", claim[:finish]) if m.end() > begin})
    own_begin = max(c for c in cuts if c <= at)
    own_end = min([c for c in cuts if c > at] or [finish])
    own = [int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim[own_begin:own_end]) if first <= int(y) <= last]
    # a year after an "and" that follows the word is the next act's ("broke off relations with the USSR and
    # restored them in 1929"), not this one's
    years = own or [y for y in clause_years if y not in next_acts_years(claim, at, finish)]
    if not years and LATER.search(claim[begin:finish]):
        return [], last
    return years, max(years or every_year or [last])


def _shown(rows: pd.DataFrame, cited, kin: pd.DataFrame | None = None) -> pd.DataFrame:
    """At most two events to name as what the check found: those the student cites first (with the cited events of
    a body one name covers, `kin`), then the latest."""
    rows = pd.concat([kin, rows]) if kin is not None and len(kin) else rows
    rows = rows[~rows["event_id"].duplicated()].sort_values("date")
    mine = rows[rows["event_id"].astype(str).isin(set(cited))]
    return pd.concat([mine, rows[~rows.index.isin(mine.index)].iloc[::-1]]).head(2).sort_values("date")


def _turn_after(pair_events: pd.DataFrame, who: str, whom: str, said: str, tone: str, before: pd.DataFrame,
                until: int, last: int) -> tuple[str, str]:
    """(verdict, words) for a turn ("so the Comintern turned against him") whose tone the two's events up to the
    years the claim names never have: those events are what a tie is before it turns, so they never refute it.
    The tie's later steps (network_model.timeline, to the end of the exercise's years) decide: a step of the turn's
    tone is found ("checked"); later events that never gave the tie that tone refute it ("wrong"); none, and the
    check could not tell ("unchecked")."""
    latest = before.sort_values("date").tail(1)
    was = f"{latest['tone'].astype(str).iloc[0]} up to {_named(latest)}"
    upto = pair_events[pair_events["date"] <= pd.Timestamp(f"{last}-12-31")].sort_values("date")
    steps = timeline(upto["date"], upto["tone"], upto["kind"]) if len(upto) else ()
    later = [(day, sign) for day, sign, _ in steps if day > f"{until}-12-31"]
    turned = [day for day, sign in later if sign == tone]
    if turned:
        on = upto[upto["date"] == pd.Timestamp(turned[0])]
        return "checked", (f"the turn of the tie between {who} and {whom} ({said}, {tone}): it was {was}, and it "
                           f"turned {tone} with {_named(on.tail(1))}")
    if later:
        shown = upto[upto["date"] > pd.Timestamp(f"{until}-12-31")]["event_id"].tolist()[-3:]
        return "wrong", (f"Your claim says the tie between {who} and {whom} turned {tone} ({said}), but by the kit's "
                         f"events it never did up to {last}: it was {was}, and its later events left it "
                         f"{later[-1][1]}: {', '.join(shown)}. Read those events, then say what the tie was.")
    return "unchecked", (f"the turn of the tie between {who} and {whom} ({said}): the kit's events between them were "
                         f"{was}, and it has no event between them after {until} up to {last}, so the check could "
                         "not tell whether or when the tie turned")


def span_of(first: int, until: int) -> str:
    """Years as a message says them: "in 1921", "from 1921 to 1923"."""
    return f"in {first}" if until <= first else f"from {first} to {until}"


# What the check knows of such a body: data/actors.csv gives it no state it belongs to. It says nothing of who paid
# for its work (Congress voted money for the American famine relief of 1921-23), so it does not say "not a government's".
NAMESAKE_ONLY = ("which data/actors.csv records as a body of its own, belonging to no state; the check does not read "
                 "who funded or directed it, so it could not tell whether it counts for the state your claim names")


def _cited_namesake(events: pd.DataFrame, cited, one: set[str], two: set[str], data, tone: str, years):
    """A cited event of the tone, in the years read, between one side and a body of no state whose name opens with
    the other side's adjective ("America helped Russia", citing the American Relief Administration's famine
    relief): the event's title and id with the body's name, or None."""
    names = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    rows = events[events["event_id"].astype(str).isin(set(cited)) & (events["tone"].astype(str) == tone)
                  & events["date"].dt.year.isin(years)]
    for row in rows.itertuples():
        for side, body in ((str(row.actor), str(row.counterpart)), (str(row.counterpart), str(row.actor))):
            opening = names.get(body, "").split(" ")[0].lower()
            state = DEMONYMS.get(opening)
            if not owners.get(body) and state and ((side in one and state in two) or (side in two and state in one)):
                return _Namesake(str(row.title), str(row.event_id), names[body])
    return None


def _cited_naming_both(events: pd.DataFrame, cited, who: str, whom: str, data) -> "_Namesake | None":
    """A cited event whose title names a word of each side ("Stalin's theses: Moscow turns against Chiang and backs
    Wuhan" for Stalin and the Wuhan Nationalists), though the data has it between other actors: its title, id and
    sides ("the Soviet party towards the Kuomintang"), so that the message does not seem to deny what the student
    read in it; None when no cited title names both."""
    def names(side: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[A-Z][a-z]{3,}", side)}

    labels = checks.actor_labels(data.actors)
    rows = events[events["event_id"].astype(str).isin(set(cited))]
    for row in rows.itertuples():
        said = {w.lower().removesuffix("'s") for w in re.findall(r"[A-Z][\w']+", str(row.title))}
        if names(who) & said and names(whom) & said:
            return _Namesake(str(row.title), str(row.event_id),
                            f"{labels.get(str(row.actor), row.actor)}; {labels.get(str(row.counterpart), row.counterpart)}")
    return None


class _Namesake(NamedTuple):
    title: str
    event_id: str
    body: str


def _cited_kin(events: pd.DataFrame, cited, a: str, b: str, one: set[str], two: set[str], data, tone: str,
               start, end, years) -> pd.DataFrame | None:
    """The cited events of the tone between a body one of the claim's names covers and the other side ("the
    Kuomintang broke with the USSR" citing the Nanjing government's break), in the years read."""
    if not cited:
        return None
    names = _name_words(data)
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    rows = events[events["event_id"].astype(str).isin(set(cited)) & (events["tone"].astype(str) == tone)
                  & (events["date"] >= start) & (events["date"] <= end)]
    if years:
        rows = rows[rows["date"].dt.year.isin(years)]

    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))

    def side(actor: str, members: set[str], named: str) -> bool:
        # two governments of one state are rivals (Wuhan and Nanjing), never one name's kin: a party's name
        # covers its governments, a government's name covers no other
        rivals = kinds.get(actor) == kinds.get(named) == "government"
        return actor in members or (not rivals and _kin(actor, named, names, owners))

    keep = [(side(x, one, a) and side(y, two, b)) or (side(x, two, b) and side(y, one, a))
            for x, y in zip(rows["actor"].astype(str), rows["counterpart"].astype(str))]
    return rows[keep]


ALL_ALONG = lazy(r"\b(throughout|all through|all along|always|at all times|every year|ever since|"
                 r"the whole (?:period|time|decade|of))\b", re.IGNORECASE)
SPAN = lazy(r"\b(1[89]\d\d)\s*(?:-|–|to|until|till|and)\s*(1[89]\d\d|\d\d)\b")


HELD_UNTIL = lazy(r"\s*,?\s*(?:until|till|up\s+to)\s+(?:(?:early|late|mid|the\s+end\s+of)\s+)?(?:\w+\s+)?"
                  r"(1[89]\d\d)\b", re.IGNORECASE)


# a period after a tie's word: "after 1926" (its years from 1927), "since 1925", "from 1925" (not "from 1925 to
# 1927", a span), "in the late 1920s"
PERIOD = lazy(r"\b(?P<word>after|since|following|from)\s+(?P<year>1[89]\d\d)\b(?!\s*(?:-|–|to|until|till|and)\s*\d)"
              r"|\b(?:in\s+)?the\s+(?P<part>early|mid|late)[\s-]*(?P<decade>1[89]\d)0s\b", re.IGNORECASE)
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _period(claim: str, begin: int, finish: int, first: int, last: int) -> tuple[list[int], str] | None:
    """(the years, the words) of a period the clause is said of, just around it ("could count on Britain after
    1926": 1927 to the exercise's last year), or None; a period outside the exercise's years is none."""
    said = PERIOD.search(claim, begin, min(len(claim), finish + 20))
    if said is None or said.start() >= finish + 1 and claim[finish:said.start()].strip(" ,"):
        return None
    if said.group("year"):
        year = int(said.group("year")) + (1 if said.group("word").lower() in ("after", "following") else 0)
        lo, hi, words = year, last, f"the years {said.group('word').lower()} {said.group('year')}"
    else:
        decade = int(said.group("decade")) * 10
        lo, hi = (decade + n for n in DECADE_PARTS[said.group("part").lower()])
        words = f"the {said.group('part').lower()} {decade}s"
    years = list(range(max(lo, first), min(hi, last) + 1))
    return (years, words) if years else None


def _when(years: list[int], said: str | None) -> str:
    """The years a message speaks of: the claim's own words for a period, else the years."""
    return f"{said} ({years[0]}–{years[-1]})" if said and len(years) > 1 else said or " and ".join(map(str, years))


def _held_until(claim: str, finish: int, joined: pd.Series, events: pd.DataFrame, tone: str, first: int,
                last: int) -> tuple[int, int, str] | None:
    """(first year, last year, the words) when a clause's tone is said to hold until a year ("Moscow's loyal ally
    until 1929"): from the first event of that tone between the two to the year before the one named (the tie
    may change in the year itself)."""
    until = HELD_UNTIL.match(claim, finish)
    if until is None:
        return None
    of_tone = events[joined & (events["tone"].astype(str) == tone)]
    if of_tone.empty:
        return None
    lo, hi = max(int(of_tone["date"].dt.year.min()), first), min(int(until.group(1)) - 1, last)
    return (lo, hi, until.group(0).strip(" ,")) if lo <= hi else None


def _all_along(claim: str, begin: int, finish: int, first: int, last: int) -> tuple[int, int, str] | None:
    """(first year, last year, the word) when a clause says a tie held all along ("throughout 1921-28", "always"):
    the years it names as a span ("1921-28", "from 1922 to 1926"), else its own years, else the exercise's."""
    word = ALL_ALONG.search(claim, begin, finish)
    if not word:
        return None
    span = SPAN.search(claim, begin)
    if span:
        lo, hi = int(span.group(1)), span.group(2)
        hi = int(hi) if len(hi) == 4 else int(str(lo)[:2] + hi)
        return max(lo, first), min(hi, last), word.group(0)
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim[begin:finish]) if first <= int(y) <= last]
    return (min(years), max(years), word.group(0)) if years else (first, last, word.group(0))
