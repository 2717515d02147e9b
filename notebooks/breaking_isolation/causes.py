"""What a claim gives as a cause, read against the dates of data/events.csv: the order, never the cause itself.

A claim that says why ("Britain recognised the USSR because Labour won the election", "Labour won the election in
1924, so Britain recognised Moscow", "the ARCOS raid was Britain's answer to the war scare") has an effect and a
cause on either side of its reason word. When the check
finds the effect among the kit's events (a state's recognition of Moscow, or an event the claim names by its
title, or "the wave of recognitions in 1924", the last of the data's recognitions of that year), it reads the
cause against it:

- a cause that is an event of the data, dated after the effect: refused, with both dates (a cause comes first);
  a state's act named by its verb ("because Mexico had broken with Moscow") or by words that point back to the
  effect's act ("because France had already done it") is that state's act in the data;
- a cause that is an event of the data, dated before: the check says it compared only the order;
- a cause in plain English, which it cannot match to an event: the check says when the effect happened, and that it
  did not read the cause; a year the claim gives that cause after the effect's year is refused.
- an effect in plain English after a cause the check finds ("Britain recognised the USSR in 1924, so Labour won the
  election"): refused when the claim dates it before the cause, or when the cause's own text already has the
  effect's party in government.

Dates alone prove no cause (lesson 5): whether the one led to the other is for the student and the teacher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import claim_people, evidence_words, misconceptions, ties_said
from .kin import DEMONYMS
from .patterns import lazy

# "<effect> because <cause>" and "<cause>, so <effect>": the reason words whose two sides the check reads
# "because of that", "due to this": the cause went before, so these words point back and belong to CAUSE_FIRST
BACK = r"\s+(?:that|this|it)\b"
# "as his answer to", "in response to", "was Britain's answer to": the act before the words answered the one after
ANSWER = (r"(?:as|in)\s+(?:(?:his|her|its|their|an?|the|[A-Z][\w'’]*['’]s)\s+)?(?:answer|response|reply|retaliation|"
          r"riposte)\s+(?:to|for)|(?:was|were)\s+(?:(?:his|her|its|their|an?|the|[A-Z][\w'’]*['’]s)\s+)?"
          r"(?:answer|response|reply|riposte)\s+to")
EFFECT_FIRST = lazy(rf"\b(?:because(?!\s+of{BACK})(?:\s+of)?|as a result of(?!{BACK})|due to(?!{BACK})|"
                    rf"owing to(?!{BACK})|thanks to(?!{BACK})|since(?!\s+1[89]\d\d)|{ANSWER})\b", re.IGNORECASE)
CAUSE_FIRST = lazy(r",?\s*\b(?:and\s+so|so(?!\s+that)|therefore|thus|hence|which\s+led\s+to|leading\s+to|led\s+to|"
                   r"as\s+a\s+result|which\s+meant|which\s+caused|caused|"
                   rf"(?:and\s+)?(?:because\s+of|as\s+a\s+result\s+of|due\s+to|owing\s+to|thanks\s+to){BACK}|"
                   r"(?:and\s+)?(?:that|this|which)(?:\s+is|'s)\s+why|(?:and\s+)?for\s+that\s+reason)\b",
                   re.IGNORECASE)
# "<cause> made <someone> <do the effect>": a cause, then who it moved to act
MADE = lazy(r"\b(?:made|forced|pushed|led|caused|persuaded|convinced|drove|prompted|moved)\b(?=\s+(?:the\s+)?[A-Z])")
# Where the clause that holds an effect or a cause ends: "Britain recognised the USSR in 1924 and broke off
# relations in 1927 because of the ARCOS raid" gives the raid as the cause of the break, not of the recognition
CUT = lazy(r"[,;:()]|\b(?:and|but|while|whereas|although|though|which|who|then|yet)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Effect:
    event_id: str
    what: str        # the event as the student reads it: its title, or "Britain's recognition of Moscow in law"
    date: pd.Timestamp
    day: str         # its date as a reader says it: "1 February 1924"


def _sides(claim: str) -> tuple[str, str] | None:
    """(effect, cause): the two sides of the claim's first reason word; None when it has none."""
    text = claim.strip().rstrip(".!")
    opening = re.match(r"\s*(?:because|since|as a result of|due to|owing to)\b(?P<cause>[^,]+),(?P<effect>.+)", text,
                       re.IGNORECASE)
    if opening:
        return _first(opening.group("effect")), opening.group("cause")
    first = [m for m in (EFFECT_FIRST.search(text), CAUSE_FIRST.search(text), MADE.search(text)) if m]
    if not first:
        return None
    word = min(first, key=lambda m: m.start())
    if word.re is MADE.compiled:  # "the Zinoviev letter made Britain recognise the USSR": the effect is "Britain recognise ..."
        after = text[word.end():]
        # "<cause>, which made ...": "which" stands for the clause before it
        head = re.sub(r",?\s*\b(?:which|and\s+this|and\s+that|this|that)\s*$", "", text[:word.start()], flags=re.IGNORECASE)
        return _first(re.sub(r"^(\s*(?:the\s+)?\S+(?:\s+[A-Z]\S*)*)\s+to\b", r"\1", after)), _last(head)
    before, after = _last(text[:word.start()]), _first(text[word.end():])
    return (before, after) if word.re is EFFECT_FIRST.compiled else (after, before)


def _first(text: str) -> str:
    """The clause of `text` next to a reason word after it: "Britain recognised the USSR, and ..." up to the cut."""
    return CUT.split(text, maxsplit=1)[0]


def _last(text: str) -> str:
    """The clause of `text` next to a reason word before it: "... in 1924 and broke off relations in 1927"."""
    return CUT.split(text)[-1]


def _recognition(part: str, data) -> Effect | None:
    """A state's recognition of Moscow that the part states ("Britain recognised the USSR"), as the data dates it:
    in law (de jure) unless the part says in practice (de facto)."""
    first = misconceptions.first_recognitions(data)
    names = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
    for name, state in sorted(misconceptions._state_names(data).items(), key=lambda item: -len(item[0])):
        if not misconceptions._may_hold(part, name):
            continue  # no pattern to compile: a part names few of the states
        shown = r"US|U\.S\.A?\.?" if name == "us" else re.escape(name)
        said = re.search(rf"(?<![\w.])(?:{shown})(?![\w'])" + misconceptions.RECOGNISED, part,
                         0 if name == "us" else re.IGNORECASE)
        if said is None or misconceptions.HELD_BACK.search(said.group("between")):
            continue
        levels = first.get(state, {})
        level = "de_facto" if misconceptions.IN_PRACTICE.search(part) or "de_jure" not in levels else "de_jure"
        if level not in levels:
            return None
        day, event = levels[level]
        how = "in law (de jure)" if level == "de_jure" else "in practice (de facto)"
        dates = data.events.set_index(data.events["event_id"].astype(str))["date"]
        typed = part[said.start():said.start() + len(said.group(0)) - len(said.group("between")) - len(said.group(0).split()[-1]) - 1]
        return Effect(event, f"the recognition of Moscow by {typed.strip() or names.get(state, state)} {how}",
                      dates[event], misconceptions._spoken(day))
    return None


BROKE = lazy(ties_said.BREAK_VERB.pattern + r"|\bbrok(?:e|en)\s+(?:off\s+)?(?:with|relations)\b", re.IGNORECASE)
# a cause that does the effect's own act by another state, in a word that points back to it: "because France had
# already done it", "since Italy did the same"
SAME_ACT = lazy(r"\b(?:do|does|did|done|doing)\s+(?:it|so|that|this|the\s+same|likewise)\b|\bfollowed\s+suit\b",
                re.IGNORECASE)
# "the wave of recognitions in 1924", "the recognitions of 1924": the data's recognitions of that year, together
WAVE = lazy(r"\brecognitions\b|\bwave\s+of\s+recogniti", re.IGNORECASE)


def _break(part: str, data) -> Effect | None:
    """A break with Moscow that the part states ("Britain broke off relations in 1927", "the Nanjing government
    broke with Moscow"): the data's break of the actor that opens the part, in the year it names if it names one.
    A break Moscow's side makes ("Moscow broke with the Nationalists") is the data's break by Moscow's side of its
    tie to the one named after the verb: a break of relations, or a party turning its line against it (the breaks
    of notebook 2's network)."""
    from .network_model import BREAK_KINDS, HOSTILE_BREAK_KINDS

    verb = BROKE.search(part)
    if verb is None:
        return None
    named = ties_said.mentions(part, ties_said.actor_names(data.actors))
    found = [m for m in named if m.end <= verb.start() and m.actor not in ties_said.SOVIET]
    family = ties_said._family(data)
    moscow = family.get("ussr", set(ties_said.SOVIET))
    events = data.events
    actor, counterpart, kind = events["actor"].astype(str), events["counterpart"].astype(str), events["kind"].astype(str)
    if found:
        side = family.get(found[0].actor, {found[0].actor})
        rows = events[kind.isin(BREAK_KINDS)
                      & ((actor.isin(side) & counterpart.isin(moscow)) | (actor.isin(moscow) & counterpart.isin(side)))]
    else:
        breaker = next((m for m in named if m.end <= verb.start()), None)
        other = next((m for m in named if m.start >= verb.end() and m.actor not in ties_said.SOVIET), None)
        if breaker is None or breaker.actor not in moscow or other is None:
            return None
        side = family.get(other.actor, {other.actor})
        broken = kind.isin(BREAK_KINDS) | (kind.isin(HOSTILE_BREAK_KINDS) & (events["tone"].astype(str) == "hostile"))
        rows = events[broken & actor.isin(moscow) & counterpart.isin(side)]
    years = claim_people.years_in(part)
    rows = (rows[rows["date"].dt.year.isin(years)] if years else rows).sort_values("date")
    if rows.empty:
        return None
    row = rows.iloc[0]
    return Effect(str(row["event_id"]), f"'{row['title']}'", row["date"], misconceptions._spoken(str(row["date_text"])))


def _wave(part: str, data) -> Effect | None:
    """The recognitions of Moscow a part gives as one thing of a year ("the wave of recognitions in 1924"): the
    last of the data's first recognitions (in law, or in practice) dated in that year, for a cause must come
    before all of them to explain them all."""
    years = claim_people.years_in(part)
    if not WAVE.search(part) or len(set(years)) != 1:
        return None
    dates = data.events.set_index(data.events["event_id"].astype(str))["date"]
    found = sorted((dates[event], day, event) for levels in misconceptions.first_recognitions(data).values()
                   for day, event in levels.values() if dates[event].year == years[0])
    if not found:
        return None
    (_, first_day, first_id), (last, day, event) = found[0], found[-1]
    return Effect(event, f"the {len(found)} recognitions of Moscow the data counts in {years[0]}, from "
                  f"{misconceptions._spoken(first_day)} ({first_id}) to the last of them", last, misconceptions._spoken(day))


def _state_act(part: str, effect: Effect, data) -> Effect | None:
    """A state's act that the cause part names by a verb of recognition, break or restoration, or by a word that
    points back to the effect's own act ("because France had already done it"): the data's first such act of
    that state, of the year the part gives if it gives one."""
    from . import acts_named

    states = acts_named.states_named(part, data)
    if not states:
        return None
    verb = acts_named.verb_of(part)
    if verb is None and SAME_ACT.search(part):
        kind = str(data.events.set_index(data.events["event_id"].astype(str)).at[effect.event_id, "kind"])
        verb = {"relations_broken": "broke", "relations_restored": "restored"}.get(
            kind, "recognised" if "recogni" in kind or kind == "relations_established" else None)
    if verb is None:
        return None
    rows = acts_named.state_acts(states[0].actor, verb, data, claim_people.years_in(part),
                                 facto=bool(acts_named.FACTO.search(part)))
    if rows.empty:
        return None
    row = rows.iloc[0]
    return Effect(str(row["event_id"]), f"'{row['title']}'", row["date"], misconceptions._spoken(str(row["date_text"])))


def _named(part: str, data, actor_words: set[str], cited) -> Effect | None:
    """The event the part names by its title ("the ARCOS raid"), or by a name few titles hold ("Rapallo"), if it
    names one."""
    found = claim_people.event_named(part, data.events, actor_words).sort_values("date")
    bare = set(evidence_words.words(part)) - evidence_words.LITTLE
    if found.empty and len({w for w in bare if not w.isdigit()}) <= 2:
        # "which led to Rapallo": a part that is little but a rare name is that event's (never a month's, "in
        # October"); "Chamberlain broke off relations" says an act, not a name
        found = claim_people._by_rare_name(part, data.events, actor_words | claim_people.MONTHS).sort_values("date")
    if found.empty:
        return None
    mine = found[found["event_id"].astype(str).isin(set(cited))]
    row = (mine if len(mine) else found).iloc[0]
    return Effect(str(row["event_id"]), f"'{row['title']}'", row["date"], misconceptions._spoken(str(row["date_text"])))


def read(claim: str, data, cited=()) -> ties_said.Said:
    """What the check can say of the claim's cause (module text)."""
    sides = _sides(claim)
    if sides is None:
        return ties_said.Said()
    effect_part, cause_part = sides
    names = ties_said.actor_names(data.actors)
    actor_words = claim_people.words_of_names(names)
    effect = (_recognition(effect_part, data) or _break(effect_part, data)
              or _named(effect_part, data, actor_words, cited) or _wave(effect_part, data))
    if effect is None:
        return _plain_effect(effect_part, cause_part, data, actor_words, cited)
    if not re.search(r"\w", cause_part):
        return ties_said.Said()
    written = WRITTEN.search(effect_part)
    if written and not WRITTEN.search(effect.what):
        # "the Zinoviev letter was written because ...": the data's event is another act (its publication), so why
        # the thing was written is beyond what the check can read
        return ties_said.Said(None, (), (
            f"The check could not check why it was {written.group(0).lower()}: the data's event is {effect.what} "
            f"({effect.event_id}, {effect.day}), not the {written.group(0).lower()} itself. Read that event's text in "
            "data/events.csv for what the data says of it.",))
    cause = (_break(cause_part, data) or _named(cause_part, data, actor_words, cited)
             or _state_act(cause_part, effect, data))
    if cause is None:
        cause = _cited_cause(cause_part, data, actor_words, cited, effect)
        slip = _year_of_cited_cause(cause_part, cause, effect) if cause is not None else None
        if slip:
            return ties_said.Said(slip)
        if cause is not None and cause.date > effect.date and LATER_BY_ITS_WORDS.search(cause_part):
            # "the USSR existed only from 30 December 1922, so Rapallo was signed by Soviet Russia": a reason of
            # logic that says the cause came later, as the data has it
            return ties_said.Said(None, (f"The check compared only the dates: {cause.what} ({cause.event_id}, "
                                         f"{cause.day}) comes after {effect.what} ({effect.event_id}, {effect.day}), as "
                                         "your claim says. Whether the one explains the other is yours to argue.",))
    if cause is not None and cause.event_id == effect.event_id:
        return ties_said.Said()  # "recognised Moscow in 1922 because of Rapallo": the act and its name, not a cause
    if cause is not None:
        named = _named_by_its_theme(cause_part, cause.event_id, data)
        if cause.date > effect.date and named:  # "the war scare": the data dates the article it names it by
            return ties_said.Said(None, (), (
                f"The check could not check when the {named} began, as your claim's cause of {effect.what} "
                f"({effect.event_id}, {effect.day}): the data dates only '{_title_of(cause.event_id, data)}' ({cause.day}, {cause.event_id}), not the "
                f"{named} itself, so it does not decide whether it came first.",))
        if cause.date > effect.date:
            return ties_said.Said(f"Your claim gives {cause.what} ({cause.event_id}, {cause.day}) as the cause of "
                                  f"{effect.what} ({effect.event_id}, {effect.day}), but the data dates the cause "
                                  "after it, and a cause comes before what it explains. Check the order against "
                                  "data/events.csv.")
        grounds = _other_grounds(cause, effect, claim, data)
        if grounds:  # the effect's own text names its grounds, and the cause is not among them
            return grounds
        order = (f"The check compared only the order of your cause and its effect: {cause.what} "
                 f"({cause.event_id}, {cause.day}) comes before {effect.what} ({effect.event_id}, "
                 f"{effect.day}). Dates alone prove no cause: whether the one led to the other is "
                 "yours to argue.")
        apart = _unlinked(cause, effect, data)
        return ties_said.Said(None, (order,), (apart,) if apart else ())
    typed = " ".join(cause_part.strip(" ,;:").split())
    years = claim_people.years_in(cause_part)
    late = [y for y in years if y > effect.date.year]
    if late and len(late) == len(years):
        return ties_said.Said(f"Your claim puts its cause ('{typed}') in {late[0]}, after what it explains: the data "
                              f"dates {effect.what} {effect.day} ({effect.event_id}), and a cause comes before what it "
                              "explains. Check the years against data/events.csv.")
    read = (f"The check read the date of {effect.what}: {effect.day} ({effect.event_id}). It did not read the cause "
            f"your claim gives ('{typed}'): it could not match it to an event of the kit's data, so whether it is "
            "true, and whether it led to the effect, is yours to check against the evidence.")
    return ties_said.Said(None, (read, *_election_said(cause_part, effect, data)))


# "Labour won the election": a party winning an election, which the data may not record; "The Conservatives won
# the election.": the words of an event's text that say who won one
WON = lazy(r"\b(?:[Tt]he\s+)?(?P<who>[A-Z][\w'’-]+?)s?\s+(?:[Pp]arty\s+)?won\s+(?:the\s+|an\s+)?(?:\w+\s+)?elections?\b")
DATA_WON = lazy(r"[^.;]*\bwon\s+the\s+(?:general\s+)?election\b[^.;]*\.?")


def _election_said(cause_part: str, effect: Effect, data) -> tuple[str, ...]:
    """A cause in plain English that says a party won an election ("because Labour won the election"): what the data
    does say, so that the premise is not left standing as if true. That no event says so, if none does; the party in
    office in the effect's own text, and each election the data records within a year of the
    effect, with who its text says won it; of any other election the data says nothing, and neither does this.
    A cause the data does record ("the Conservatives won the election") hears of that election's date too."""
    said = WON.search(cause_part)
    if said is None:
        return ()
    who = said.group("who")
    texts = data.events.set_index(data.events["event_id"].astype(str))
    recorded = texts["description"].astype(str).str.contains(rf"\b{re.escape(who)}s?\s+won\b", regex=True).any()
    held = re.search(rf"[^.,;]*\b{re.escape(who)}\s+(?:government|cabinet|ministry)[^.,;]*",
                     str(texts.at[effect.event_id, "description"]), re.IGNORECASE)
    parts = [] if recorded else [f"No event of the kit's data says {who} won an election."]
    if held:
        parts.append(f"The data's text for {effect.what} ({effect.event_id}) has \"{held.group(0).strip()}\" in "
                     "office, and does not say how it came there.")
    near = texts[(texts["date"] - effect.date).abs() <= pd.Timedelta(days=366)]
    for event_id, row in near.sort_values("date").iterrows():
        won = DATA_WON.search(str(row["description"]))
        if won:
            when = "after" if row["date"] > effect.date else "before"
            day = misconceptions._spoken(str(row["date_text"]))
            parts.append(f"The data records an election in '{row['title']}' ({day}, {event_id}), {when} "
                         f"{effect.what}: \"{won.group(0).strip()}\"")
    parts.append("Which election your claim means, and who won it, check in a history of the period before you "
                 "build on it.")
    text = " ".join(parts)
    return (f"On the cause itself: {text[0].lower()}{text[1:]}",)


# A cause said to come after what it explains, by its own words ("existed only from", "not yet")
LATER_BY_ITS_WORDS = lazy(r"\b(?:only\s+(?:from|since|after|in)|not\s+(?:yet|until)|no\s+longer|did\s+not\s+exist|"
                          r"didn't\s+exist|later)\b", re.IGNORECASE)
THAT_YEAR = lazy(r"\b(?:that|the\s+same)\s+year\b|\bthen\b", re.IGNORECASE)


def _cited_cause(part: str, data, actor_words: set[str], cited, effect: Effect) -> Effect | None:
    """A cited event (not the effect) that the cause part names in words of its own: the part gives its day ("30
    December 1922"), or shares with its title a word that is no actor's name ("the Tsar's debts": "annuls the
    tsarist debts"), or two words ("recognised Peking": "Peking recognises"). The student's own evidence for the
    cause, which the title search may miss."""
    events = data.events[data.events["event_id"].astype(str).isin(set(cited))
                         & (data.events["event_id"].astype(str) != effect.event_id)].sort_values("date")
    said = claim_people._stems(part)
    for row in events.itertuples():
        day = misconceptions._spoken(str(row.date_text))
        shared = said & claim_people._stems(str(row.title))
        # a word of the same first seven letters: "Manchuria" for the title's "Manchurian"
        shared |= {w for w in re.findall(r"[a-z]{7,}", part.lower())
                   if any(t[:7] == w[:7] for t in re.findall(r"[a-z]{7,}", str(row.title).lower()))
                   and not evidence_words.is_common(w)}
        if (len(day.split()) == 3 and day.lower() in part.lower()) or len(shared) >= 2 or shared - actor_words:
            return Effect(str(row.event_id), f"'{row.title}'", row.date, day)
    return None


def _year_of_cited_cause(part: str, cause: Effect, effect: Effect) -> str | None:
    """A refusal when the cause part dates the cited cause to a year the data does not give it: a year of its own,
    or "that year", the effect's ("because Moscow had refused to pay the Tsar's debts that year")."""
    typed = " ".join(part.strip(" ,;:").split())
    years = claim_people.years_in(part)
    if years and cause.date.year not in years:
        said = " or ".join(map(str, years))
    elif not years and THAT_YEAR.search(part) and cause.date.year != effect.date.year:
        said = f"{effect.date.year}, the year of {effect.what}"
    else:
        return None
    return (f"Your claim puts its cause ('{typed}') in {said}, but the event you cite for it, {cause.what} "
            f"({cause.event_id}), is dated {cause.day}. Check the year against data/events.csv.")


# "Labour won the election", "the Conservatives took office": a party or person coming to office, by name
IN_OFFICE = lazy(r"\b(?:[Tt]he\s+)?(?P<who>[A-Z][\w'’-]+)\s+(?:[Pp]arty\s+)?(?:won\s+(?:the\s+)?(?:\w+\s+)?elections?|"
                 r"came\s+to\s+(?:power|office)|took\s+(?:power|office)|formed\s+(?:a|the|its)\s+(?:\w+\s+)?"
                 r"government|(?:was|were)\s+elected)\b")


def _plain_effect(effect_part: str, cause_part: str, data, actor_words, cited) -> ties_said.Said:
    """A cause the check finds among the kit's events with an effect in plain English ("Britain recognised the USSR
    in 1924, so Labour won the election"): refused when the claim dates the effect before its cause, or when the
    cause's own text in the data already has the effect's party in government."""
    cause = (_recognition(cause_part, data) or _break(cause_part, data)
             or _named(cause_part, data, actor_words, cited))
    if cause is None or not re.search(r"\w", effect_part):
        return ties_said.Said()
    typed = " ".join(effect_part.strip(" ,;:").split())
    years = claim_people.years_in(effect_part)
    early = [y for y in years if y < cause.date.year]
    if early and len(early) == len(years):
        return ties_said.Said(f"Your claim puts what its cause led to ('{typed}') in {early[0]}, before its cause: the "
                              f"data dates {cause.what} {cause.day} ({cause.event_id}), and a cause comes before what "
                              "it explains. Check the years against data/events.csv.")
    office = IN_OFFICE.search(effect_part)
    if office is None:
        return ties_said.Said()
    texts = dict(zip(data.events["event_id"].astype(str), data.events["description"].astype(str)))
    who = office.group("who").rstrip("s")  # "Conservatives" as the data's "Conservative government"
    held = re.search(rf"[^.,;]*\b{re.escape(who)}s?\s+(?:government|cabinet|ministry|minister)[^.,;]*",
                     texts.get(cause.event_id, ""), re.IGNORECASE)
    if held is None:
        return ties_said.Said()
    return ties_said.Said(f"Your claim gives {cause.what} ({cause.event_id}, {cause.day}) as the cause of '{typed}', "
                          f"but the data's text for that event already has the {who} government in office: "
                          f"\"{held.group(0).strip()}\". What your claim calls the effect came first, so it cannot "
                          "be caused by it. Check the order against data/events.csv.")


ACTS_BETWEEN_STATES = ("de_jure_recognition", "de_facto_recognition", "relations_established", "relations_restored",
                       "relations_broken", "treaty")


# "was written", "was forged": the making of a document, which an event of its publication does not date
WRITTEN = lazy(r"\b(?:written|wrote|forged|faked|drafted|composed|made\s+up|invented)\b", re.IGNORECASE)
# "Citing documents found in the ARCOS raid and intercepted telegrams, the Baldwin government ...": an event's text
# that names the grounds its actor gave for the act
GROUNDS = lazy(r"^\s*(?:Citing|On\s+the\s+grounds\s+of)\s+(?P<grounds>[^,;]+)")
# "partly because of", "also because", "one reason": a cause among others, which the check does not refuse
AMONG = lazy(r"\b(?:partly|part|also|among|amongst|one\s+reason|one\s+of|helped|contributed|added|too|as\s+well|"
             r"background|long-term|worsened|soured)\b", re.IGNORECASE)


def _other_grounds(cause: Effect, effect: Effect, claim: str, data) -> ties_said.Said | None:
    """When the effect's own text names the grounds its actor gave ("Citing documents found in the ARCOS raid ...")
    and the cause, an earlier event of the data, is not among them: refused when the cause is given alone and lies
    in a year two or more before the effect's; else not checked, with the data's grounds. None when the text names no
    grounds, or names the cause among them."""
    events = data.events.set_index(data.events["event_id"].astype(str))
    if effect.event_id not in events.index or cause.event_id not in events.index:
        return None
    found = GROUNDS.search(str(events.loc[effect.event_id, "description"] or ""))
    if found is None:
        return None
    grounds = found.group("grounds").strip()
    names = [n for n in claim_people._title_names(str(events.loc[cause.event_id, "title"]))
             if n not in DEMONYMS and n not in ties_said.MOSCOW_NAMES]
    if not names or any(re.search(rf"\b{re.escape(n)}\b", grounds, re.IGNORECASE) for n in names):
        return None
    said = (f"The data gives the grounds of {effect.what} ({effect.event_id}, {effect.day}): \"{grounds}\". Your "
            f"cause, {cause.what} ({cause.event_id}, {cause.day}), is not among them.")
    if AMONG.search(claim) or effect.date.year - cause.date.year < 2:
        return ties_said.Said(None, (), (f"The check could not check whether {cause.what} led to {effect.what}. "
                                         f"{said} Weigh your cause against those grounds.",))
    return ties_said.Said(f"{said} It came {_gap(cause.date, effect.date)} before. Read both events in "
                          "data/events.csv, and say what the data gives as the grounds.")


def _gap(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """"two and a half years", "three years": the time between two dates, in plain words."""
    months = (last.year - first.year) * 12 + last.month - first.month
    years, rest = divmod(months, 12)
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    if years == 0:
        return f"{words[min(rest, 10)]} month{'s' if rest != 1 else ''}"
    said = f"{words[min(years, 10)]}"
    if 4 <= rest <= 8:
        return f"{said} and a half years"
    return f"{said if rest < 9 else words[min(years + 1, 10)]} year{'s' if (years if rest < 9 else years + 1) != 1 else ''}"


def _unlinked(cause: Effect, effect: Effect, data) -> str | None:
    """What the check could not check when a cause and its effect share no side but Moscow and the effect's text
    does not name the cause ("Mexico broke off relations in 1930 because of the ARCOS raid in London"): the data
    ties no cause between them; the effect's own first sentence is quoted."""
    from .recognition import state_of

    events = data.events.set_index(data.events["event_id"].astype(str))
    if cause.event_id not in events.index or effect.event_id not in events.index:
        return None
    before, after = events.loc[cause.event_id], events.loc[effect.event_id]
    states = state_of(data.actors)
    moscow = ties_said._family(data).get("ussr", {"ussr"}) | set(ties_said.SOVIET)

    def sides(row) -> set[str]:
        return {states.get(str(a), str(a)) for a in (row["actor"], row["counterpart"])} - moscow - {"nan"}

    if str(before["kind"]) in ACTS_BETWEEN_STATES:
        return None  # one state's act of relations after another's ("because Britain had done so"): the domino
        # the lessons ask students to argue, not a cause the data could tie
    told = f"{after['title']} {after.get('description', '') or ''} {after.get('date_note', '') or ''}".lower()
    if sides(before) & sides(after) or not sides(before) or not sides(after) \
            or any(re.search(rf"\b{re.escape(n)}\b", told) for n in claim_people._title_names(str(before["title"]))
                   if n not in DEMONYMS and n not in ties_said.MOSCOW_NAMES):
        return None
    first = re.split(r"(?<=[a-z0-9)]\.)\s+(?=[A-Z])", str(after.get("description", "") or ""))[0].strip()
    return (f"The check could not check the cause your claim gives: {cause.what} ({cause.event_id}) and "
            f"{effect.what} ({effect.event_id}) share no side but Moscow, and the data ties no cause between them; "
            f"the data's text of the second says: \"{first}\"")


def _title_of(event_id: str, data) -> str:
    return str(data.events.loc[data.events["event_id"] == event_id, "title"].iloc[0])


def _named_by_its_theme(part: str, event_id: str, data) -> str:
    """The theme an event's title gives before its colon ("The war scare: Stalin's 'Notes on contemporary
    themes'"), when the part names the event by it and by no word of the dated act after the colon; else empty."""
    theme, colon, act = _title_of(event_id, data).partition(":")
    theme = re.sub(r"^(?:the|a|an)\s+", "", theme.strip(), flags=re.IGNORECASE)
    if not colon or not re.search(rf"\b{re.escape(theme)}\b", part, re.IGNORECASE):
        return ""
    acts = set(evidence_words.words(act)) - evidence_words.LITTLE
    return "" if acts & set(evidence_words.words(part)) else theme.lower()
