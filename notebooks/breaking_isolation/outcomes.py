"""What came of an event, and who held which post, as a claim says them, read against the kit's data. One rule
each, for every claim:

- an outcome word against the event's own title: a claim that an event it names succeeded ("The Canton Commune of
  1927 succeeded") when the data's title says it was crushed, defeated or failed;
- an outcome word against the event's text, for a rising whose title does not say how it ended ("The Nanchang
  uprising won a lasting base": its description says the rebels "had to abandon it within days");
- power: a claim that an actor took power when the data's risings of that actor in those years ended badly
  ("The Communists took power in China in 1927");
- apart: a claim that a cooperative agreement it names drove its own two sides apart or ended their ties
  ("Rapallo pushed Germany away from Moscow");
- an election: a claim that a party won an election in a year, when an event of that year says another won it;
- "never broken": a claim that an agreement it names was never broken or ended, when a later event between the
  same two sides says it ended that agreement ("the Baldwin government ended the trade agreement");
- a post across sides: a claim that a person led (ran, controlled, commanded), or was made leader of, a party,
  government or organisation (an army) of another state
  than the one the person belongs to (actors.csv): "Chiang Kai-shek made Borodin leader of the Communist Party";
- recognition of a party: a claim that Moscow recognised a party ("the Kuomintang") as a government: the
  data's recognition and relations are between Moscow and states or their governments, and it names which.

Each returns a refusal in plain words with the data's facts, or None when the claim says none of these.
"""

from __future__ import annotations

import re

from . import claim_people, evidence_words, ties_said
from .agents import _labels
from .patterns import lazy

SUCCESS = lazy(r"\b(succeeded|succeeds|successful|a success|won|triumphed|victorious|worked|held out|"
               r"survived|lasted|lasting|permanent|held (?:on to )?(?:the city|it|on)|kept (?:the city|it))\b",
               re.IGNORECASE)
# In an event's description: its end, when the title does not say it ("seized Nanchang but had to abandon it")
ENDED_BADLY = lazy(r"\b(crushed|suppressed|failed|collapsed|put down|called off|abandon(?:ed)?|had to abandon|"
                   r"driven out|withdrew)\b", re.IGNORECASE)
FAILED = lazy(r"\b(crushed|defeated|suppressed|failed|fails|collapsed|collapses|put down)\b", re.IGNORECASE)
DENIED = lazy(r"\b(not|never|no|hardly|n't)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
NEVER_ENDED = lazy(r"\bnever\s+(?:been\s+|got\s+)?(broken|ended|cancell?ed|annulled|revoked|torn up|abandoned|"
                   r"scrapped)\b", re.IGNORECASE)
ENDED = r"(?:ended|cancell?ed|cancels|broke|annull?ed|revoked|terminated|tore up|scrapped|ending|ends)"
LEADER = lazy(r"\b(?:made|appointed|named|chose)\s+(?P<obj>\S+(?:\s+\S+){0,2}?)\s+(?:the\s+)?"
              r"(?:leader|head|chief|chairman)\s+of\s+", re.IGNORECASE)
LED = lazy(r"\b(?:led|headed|ran|controlled|commanded|became\s+(?:the\s+)?(?:leader|head|chief)\s+of)\s+(?:the\s+)?",
           re.IGNORECASE)
ROLE = lazy(r"\b(adviser|envoy|leader|commissar|secretary|commander|commandant|warlord|delegate|head)\b",
            re.IGNORECASE)
PRONOUN = lazy(r"^(?:him|her)$", re.IGNORECASE)


def _spoken_day(row) -> str:
    from .misconceptions import _spoken

    return _spoken(str(row.date_text)) if hasattr(row, "date_text") else f"{row.date:%d %B %Y}"


def _actor_words(data) -> set[str]:
    return claim_people.words_of_names(ties_said.actor_names(data.actors))


def failed_success(claim: str, data, cited=()) -> str | None:
    """A claim that an event succeeded whose title in the data says it failed (module text)."""
    words = _actor_words(data)
    for begin, finish in claim_people._parts(claim):
        part = claim[begin:finish]
        said = SUCCESS.search(part)
        if not said or DENIED.search(part[:said.start()]):
            continue
        named = claim_people.named_events(part, data.events, words, cited)
        years = {int(y) for y in re.findall(r"\b1[89]\d\d\b", part)}
        if years and len(named):
            named = named[named["date"].dt.year.isin(years)]
        for row in named.itertuples():
            failed = FAILED.search(str(row.title))
            if failed:
                return (f"Your claim says '{' '.join(part.split())}' ('{said.group(0)}'), but the data's own title "
                        f"for that event is '{row.title}' ({_spoken_day(row)}, {row.event_id}): "
                        f"'{failed.group(0)}'. Check what came of it against that event in data/events.csv.")
            ended = _ended_badly(row)
            if ended and str(row.kind) == "violence":  # a rising, not a treaty "abandoned" by a later government
                return (f"Your claim says '{' '.join(part.split())}' ('{said.group(0)}'), but the data's text for "
                        f"'{row.title}' ({_spoken_day(row)}, {row.event_id}) says: \"{ended}\" Check what came of "
                        "it against that event in data/events.csv.")
    return None


def _ended_badly(row) -> str | None:
    """The sentence of an event's description that says it ended badly, or None."""
    for sentence in re.split(r"(?<=[.;])\s+", str(getattr(row, "description", "") or "")):
        if ENDED_BADLY.search(sentence):
            return sentence.strip()
    return None


APART = lazy(r"\b(?:push\w*|pushed|drove|driv\w*|forc\w*|set|pull\w*)\s+(?:\S+\s+){0,5}?(?:apart|away)\b"
             r"|\b(?:ended|end(?:s|ing)?|broke|broken|cut|severed|damaged|ruined|worsened|soured|harmed|wrecked|"
             r"weakened)\s+(?:\S+\s+){0,2}?(?:ties|relations|friendship|links|cooperation)\b"
             r"|\b(?:split|estranged|alienated|divided)\b|\bisolated\s+(?:\S+\s+){1,2}from\b"
             r"|\bturned\s+(?:\S+\s+){1,2}against\b|\bmade\s+(?:\S+\s+){1,3}(?:enemies|hostile)\b", re.IGNORECASE)
TOGETHER = ("treaty", "relations_established", "relations_restored", "de_facto_recognition", "de_jure_recognition",
            "military_cooperation")


def drove_apart(claim: str, data, cited=()) -> str | None:
    """A claim that a cooperative agreement it names drove its sides apart or ended their ties ("Rapallo pushed
    Germany away from Moscow"): the data's event, its tone and its text."""
    words = _actor_words(data)
    for begin, finish, _ in ties_said._clauses(claim):  # "drove Germany and the USSR apart": "and" does not cut
        part = claim[begin:finish]
        said = APART.search(part)
        if not said or DENIED.search(part[:said.start()]) or ties_said.HYPOTHETICAL.search(part):
            continue
        named = claim_people.named_events(part, data.events, words, cited)
        named = named[named["kind"].astype(str).isin(TOGETHER) & (named["tone"].astype(str) == "cooperative")]
        family = ties_said._family(data)
        found = ties_said.mentions(part, ties_said.actor_names(data.actors))
        for row in named.itertuples():
            sides = family.get(str(row.actor), {str(row.actor)}) | family.get(str(row.counterpart), {str(row.counterpart)})
            if not any(m.actor in sides for m in found if m.start >= said.start()) or any(
                    m.actor not in sides for m in found if m.start >= said.start()):
                continue  # what was driven apart is not the agreement's own two sides ("split the Western powers")
            labels = _labels(data)
            text = next((s.strip() for s in re.split(r"(?<=\.)\s+", str(row.description))
                         if re.search(r"\b(restor|renew|establish|cooperat|friend|recogni|trade|agree|sign)", s, re.I)), "")
            quoted = f" Its text: \"{text}\"" if text else ""
            return (f"Your claim says '{' '.join(part.split())}' ('{said.group(0)}'), but the data has "
                    f"'{row.title}' ({_spoken_day(row)}, {row.event_id}) as a cooperative act between "
                    f"{labels.get(str(row.actor), row.actor)} and {labels.get(str(row.counterpart), row.counterpart)}."
                    f"{quoted} Check what it did against that event in data/events.csv.")
    return None


WON_ELECTION = lazy(r"\b(?P<who>[A-Z][\w'’-]+)\s+(?:[Pp]arty\s+)?(?:won|carried|took|swept)\s+(?:the\s+)?"
                    r"(?:(?P<year>1[89]\d\d)\s+)?(?:general\s+|british\s+)?elections?\b(?:\s+(?:of|in)\s+"
                    r"(?P<year2>1[89]\d\d))?")
DATA_WON = lazy(r"\b(?:[Tt]he\s+)?(?P<who>[A-Z][\w'’-]+)\s+won\s+the\s+(?:general\s+)?election\b[^.]*\.?")


def election_won(claim: str, data) -> str | None:
    """A claim that a party won an election in a year, against the events of that year whose text says who won
    it: another winner is refused with that sentence."""
    for said in WON_ELECTION.finditer(claim):
        year = said.group("year") or said.group("year2") or next(iter(claim_people.years_in(claim[said.end():])), None)
        if year is None or DENIED.search(claim[:said.start()]):
            continue
        events = data.events[data.events["date"].dt.year == int(year)]
        for row in events.itertuples():
            won = DATA_WON.search(str(row.description))
            if won and won.group("who").lower() != said.group("who").lower():
                return (f"Your claim says {said.group('who')} won the election of {year}, but the data's text for "
                        f"'{row.title}' ({_spoken_day(row)}, {row.event_id}) says: \"{won.group(0).strip()}\" Check "
                        "who won, and when, against that event in data/events.csv.")
    return None


POWER = lazy(r"\b(?:took|seized|won|gained|grabbed|came\s+to|rose\s+to|were\s+in|was\s+in)\s+power\b"
             r"|\btook\s+(?:control|over)\s+(?:of\s+)?(?:china|the\s+country|the\s+state)\b"
             r"|\b(?:came\s+to\s+rule|ruled)\s+(?:china|the\s+country)\b", re.IGNORECASE)


def took_power(claim: str, data) -> str | None:
    """A claim that an actor took power when the data's risings of that actor in those years ended badly: the
    risings, with the sentence that says how each ended."""
    found, kinds, owners, labels = _actors_named(claim, data)
    for said in POWER.finditer(claim):
        if DENIED.search(claim[:said.start()]) or ties_said.HYPOTHETICAL.search(claim):
            continue
        doer = next((m for m in reversed(found) if m.end <= said.start()), None)
        if doer is None:
            continue
        side = ties_said._family(data).get(doer.actor, {doer.actor})
        events = data.events
        years = {int(y) for y in re.findall(r"\b1[89]\d\d\b", claim)}
        rows = events[events["actor"].astype(str).isin(side) & (events["kind"].astype(str) == "violence")]
        if years:
            rows = rows[rows["date"].dt.year.isin(years)]
        risen = [(row, FAILED.search(str(row.title)) and row.title or _ended_badly(row)) for row in rows.sort_values("date").itertuples()]
        failed = [(row, why) for row, why in risen if why]
        if not failed or len(failed) < len(risen) / 2:
            continue  # no rising of theirs then, or most of them did not end badly: the check cannot tell
        listed = "; ".join(f"{row.event_id} ({_spoken_day(row)}): \"{why}\"" for row, why in failed[:3])
        return (f"Your claim says {labels.get(doer.actor, doer.typed)} '{said.group(0)}'"
                f"{' in ' + ' and '.join(map(str, sorted(years))) if years else ''}, but the data's risings of "
                f"{labels.get(doer.actor, doer.typed)} then ended in defeat: {listed}. Check who held power then "
                "against the events in data/events.csv.")
    return None


def never_ended(claim: str, data, cited=()) -> str | None:
    """A claim that an agreement was never broken when a later event between its sides ended it (module text)."""
    words = _actor_words(data)
    events = data.events
    family = ties_said._family(data)
    for begin, finish in claim_people._parts(claim):
        part = claim[begin:finish]
        never = NEVER_ENDED.search(part)
        if not never or re.match(r"\W*(until|till|before|up to|by)\b", claim[begin + never.end():], re.IGNORECASE):
            continue  # "never broken until 1927" says when it ended
        for row in claim_people.named_events(part, events, words, cited).itertuples():
            key = " ".join(evidence_words.words(str(row.title))[-2:])  # "trade agreement"
            sides = family.get(str(row.actor), {str(row.actor)}) | family.get(str(row.counterpart), {str(row.counterpart)})
            later = events[(events["date"] > row.date) & events["actor"].astype(str).isin(sides)
                           & events["counterpart"].astype(str).isin(sides)].sort_values("date")
            for other in later.itertuples():
                text = str(getattr(other, "description", "") or "")
                found = re.search(rf"[^.]*\b{ENDED}\s+(?:the\s+|its\s+)?{re.escape(key)}\b[^.]*\.", text, re.IGNORECASE)
                if found:
                    return (f"Your claim says '{row.title}' ({row.date.year}) was never "
                            f"{NEVER_ENDED.search(part).group(1)}, but the data has '{other.title}' "
                            f"({_spoken_day(other)}, {other.event_id}): \"{found.group(0).strip()}\" Check your "
                            "claim against that event in data/events.csv.")
    return None


def _state_of(actor: str, owners: dict[str, str], kinds: dict[str, str]) -> str | None:
    """The state an actor belongs to, at any depth (the Soviet state's two names as one); None when none."""
    seen = set()
    while actor and actor not in seen:
        seen.add(actor)
        if kinds.get(actor) == "state":
            return "ussr" if actor in ties_said.SOVIET else actor
        actor = owners.get(actor, "")
    return None


def _actors_named(claim: str, data):
    """The actors the claim names, with every actor's kind, the body it belongs to and its label."""
    actors = data.actors
    ids = actors["actor_id"].astype(str)
    found = ties_said.mentions(claim, ties_said.actor_names(actors))
    return (found, dict(zip(ids, actors["kind"].astype(str))),
            dict(zip(ids, actors["belongs_to"].fillna("").astype(str))), _labels(data))


def post_across_sides(claim: str, data) -> str | None:
    """A claim that a person led, or was made leader of, a body of another state than the person's (module text)."""
    found, kinds, owners, labels = _actors_named(claim, data)
    actors = data.actors
    notes = dict(zip(actors["actor_id"].astype(str), actors["note"].fillna("").astype(str))) if "note" in actors else {}
    people = [m for m in found if kinds.get(m.actor) == "person"]
    pairs = []
    for said in LEADER.finditer(claim):
        body = next((m for m in found if m.start >= said.end() and claim[said.end():m.start].strip().lower() in ("", "the")), None)
        obj = said.group("obj")
        person = next((m for m in people if said.start("obj") <= m.start < said.end("obj")), None)
        if person is None and PRONOUN.match(obj):  # "made him leader": the person named last before the maker
            makers = [m for m in found if m.end <= said.start()]
            earlier = [m for m in people if m.end <= said.start() and (not makers or m.actor != makers[-1].actor)]
            person = earlier[-1] if earlier else None
        if person and body:
            pairs.append((person, body, said.group(0)))
    for said in LED.finditer(claim):
        body = next((m for m in found if m.start == said.end()), None)
        person = next((m for m in reversed(people) if m.end <= said.start()
                       and not claim[m.end:said.start()].strip(" ,")), None)
        if person and body:
            pairs.append((person, body, said.group(0)))
    for person, body, verb in pairs:
        if kinds.get(body.actor) not in ("party", "government", "organisation"):  # an army too ("the Red Army")
            continue
        mine, theirs = _state_of(person.actor, owners, kinds), _state_of(body.actor, owners, kinds)
        if mine and theirs and mine != theirs:
            who = labels.get(person.actor, person.actor)
            parts = [p.strip().rstrip(".") for p in re.split(r"[;.]\s+", notes.get(person.actor, "")) if p.strip()]
            role = next((p for p in parts if ROLE.search(p)), "")
            said = f"{who} as {role[:1].lower()}{role[1:]}" if role else who
            return (f"Your claim makes {who} the leader of {labels.get(body.actor, body.actor)} "
                    f"('{' '.join(verb.split())}'), but the data (data/actors.csv) has {said}, of "
                    f"{labels.get(owners.get(person.actor, ''), 'another side')}, not of "
                    f"{labels.get(body.actor, body.actor)}. Check who led that body, and what {who} did there.")
    return None


MOSCOW = lazy(r"\b(?:the\s+)?(?:ussr|u\.s\.s\.r\.?|soviet\s+union|soviet\s+russia|rsfsr|moscow|kremlin|soviets|"
              r"soviet\s+government)\b(?:\s+\w+){0,2}?\s+recogni[sz]\w*\s+(?:the\s+)?", re.IGNORECASE)


def recognised_party(claim: str, data) -> str | None:
    """A claim that Moscow recognised a party, with the state's recognised government the data has (module text)."""
    found, kinds, owners, labels = _actors_named(claim, data)
    for said in MOSCOW.finditer(claim):
        party = next((m for m in found if m.start == said.end()), None)
        if party is None or kinds.get(party.actor) != "party":
            continue
        state = _state_of(party.actor, owners, kinds)
        if not state or state == "ussr":
            continue
        ours = {a for a in owners if _state_of(a, owners, kinds) == state and kinds.get(a) in ("state", "government")}
        from .vocabulary import RECOGNITION_KINDS

        events = data.events
        moscow = ties_said._family(data).get("ussr", set(ties_said.SOVIET))
        rows = events[events["kind"].astype(str).isin(RECOGNITION_KINDS)
                      & ((events["actor"].astype(str).isin(ours) & events["counterpart"].astype(str).isin(moscow))
                         | (events["actor"].astype(str).isin(moscow) & events["counterpart"].astype(str).isin(ours)))]
        rows = rows.sort_values("date")
        first = next(rows.itertuples(), None)
        recorded = (f" The data ties Moscow to {labels.get(state, state)} through {labels.get(str(first.actor) if str(first.actor) in ours else str(first.counterpart), state)}: "
                    f"'{first.title}' ({_spoken_day(first)}, {first.event_id})." if first is not None else "")
        return (f"Your claim says Moscow recognised the {party.typed}: the {party.typed} was a party, and "
                f"recognition is between a state's government and another, not a party.{recorded} Check which "
                "government Moscow dealt with, and what it did with the party instead.")
    return None


def read(claim: str, data, cited=()) -> str | None:
    """The first refusal of the rules above, or None."""
    for rule in (lambda: failed_success(claim, data, cited), lambda: took_power(claim, data),
                 lambda: election_won(claim, data),
                 lambda: drove_apart(claim, data, cited), lambda: never_ended(claim, data, cited),
                 lambda: post_across_sides(claim, data), lambda: recognised_party(claim, data)):
        said = rule()
        if said:
            return said
    return None
