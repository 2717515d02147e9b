"""Claims about a whole group or one member alone, counted against the data:

- "All the states of Europe recognised the USSR in 1924": each state of the group (data/actors.csv: its kind, its
  region or its country) that did not recognise Moscow in those years is a counter-example; the message names those
  who recognised later, those who had recognised before, and those the data records no recognition by (which the
  data cannot settle: it says so);
- "All the Chinese parties turned on Moscow at once in April 1927": each member of the group with no hostile event
  with Moscow in those years is a counter-example, with the events the data does have;
- "Lithuania was the last (first) Baltic state to make peace with Soviet Russia": the data does not class states
  by such regions, so only a later (earlier) peace the student cites is held against it;
- "Denmark and Norway recognised the USSR on the same day": the states' recognitions, each with its date;
- "Only Britain broke off relations with Moscow in 1927": read as "Britain was the only state to break off
  relations" (absolutes.first_or_only), against the data's breaks (or restorations) of those years.

- "The United States never did any business with Moscow before 1933": not refused, as the data counts a private
  firm's acts as its own (data/README.md, 'Private bodies'), but said unchecked with the firms' business with Moscow
  in those years whose text or note names the state (Amtorg, the Harriman concession).

A wish ("would all have recognised") says nothing here.
"""

from __future__ import annotations

import re

import pandas as pd

from . import absolutes, ties_said
from .kin import DEMONYMS
from .misconceptions import _spoken, _state_names, first_recognitions
from .patterns import lazy

KINDS = {"state": "state", "states": "state", "country": "state", "countries": "state", "nation": "state",
         "nations": "state", "power": "state", "powers": "state", "party": "party", "parties": "party",
         "government": "government", "governments": "government"}
ALL = lazy(r"\b(?<!not\s)(?:all|every|each)\s+(?:(?:of\s+)?the\s+)?(?:(?P<adj>[A-Za-z]+)\s+)?"
           r"(?P<kind>" + "|".join(KINDS) + r")\b(?:\s+(?:of|in)\s+(?:the\s+)?(?P<where>[A-Za-z]+))?"
           r"(?P<gap>(?:\s+(?!and\b|but\b|that\b|which\b|who\b)[\w'’-]+){0,3}?)\s+(?P<verb>" + absolutes.RECOGNISE + r"|"
           r"turned\s+(?:on|against)|broke\s+(?:off\s+)?(?:with|relations)|attacked|abandoned|deserted)",
           re.IGNORECASE)
MONTH = lazy(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+"
             r"(1[89]\d\d)\b")
ONLY = lazy(r"(?:^|[,;:]\s*|\b(?:and|but)\s+)only\s+(?P<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+"
            r"(?P<act>" + absolutes.ACTS["broke off relations with"] + "|" + absolutes.ACTS["restored relations with"]
            + r")", re.IGNORECASE)


def read(claim: str, data, cited=()) -> str | None:
    """The first refusal of the rules (module text), or None."""
    text = " ".join(claim.split())
    if absolutes.HYPOTHETICAL.search(text):
        return None
    return (all_of_them(text, data) or only_one(text, data) or last_peace(text, data, cited)
            or same_day(text, data))


def _members(said: re.Match, data) -> tuple[list[str], str] | None:
    """(the group's actors, the group as the claim says it) for "all the states of Europe", "all the Chinese
    parties"; None when the words name no group the data can list."""
    actors = data.actors
    kind = KINDS[said.group("kind").lower()]
    rows = actors[actors["kind"].astype(str) == kind]
    rows = rows[~rows["actor_id"].astype(str).isin(ties_said.SOVIET)]
    for word in (said.group("adj"), said.group("where")):
        if not word or word.lower() in ("other", "the", "major", "great", "big"):
            if word and word.lower() != "the":
                return None  # "all the great powers": a class the data does not keep
            continue
        region, _ = absolutes._region_named(word, data)
        state = DEMONYMS.get(word.lower()) or (word.lower() if word.lower() in set(actors["actor_id"]) else None)
        if region == absolutes.PART:
            return None
        if region:
            rows = rows[rows["region"].astype(str) == region]
        elif state:
            owners = dict(zip(actors["actor_id"].astype(str), actors["belongs_to"].fillna("").astype(str)))

            def of(actor: str) -> bool:  # a party of China, or of one of China's governments
                seen = set()
                while actor and actor not in seen:
                    if actor == state:
                        return True
                    seen.add(actor)
                    actor = owners.get(actor, "")
                return False
            rows = rows[rows["actor_id"].astype(str).map(of)]
        else:
            return None
    members = rows["actor_id"].astype(str).tolist()
    return (members, said.group(0)[: said.start("gap") - said.start()].strip()) if len(members) >= 2 else None


def _alive(actor: str, data, lo: int, hi: int) -> bool:
    """Whether data/actors.csv has the actor in being in some year from lo to hi (Georgia's republic ends in 1921)."""
    row = data.actors[data.actors["actor_id"].astype(str) == actor].iloc[0]
    born = pd.to_datetime(str(row.get("start_date") or ""), errors="coerce")
    ended = pd.to_datetime(str(row.get("end_date") or ""), errors="coerce")
    return not ((pd.notna(born) and born.year > hi) or (pd.notna(ended) and ended.year < lo))


def all_of_them(claim: str, data) -> str | None:
    said = ALL.search(claim)
    if said is None:
        return None
    group = _members(said, data)
    month = MONTH.search(claim[said.end():])
    period = ((int(month.group(2)),) * 2 if month else None) or absolutes._period(claim[said.end():]) \
        or absolutes._period(claim[:said.start()])
    if group is None or period is None:
        return None
    members, named = group
    lo, hi = period
    members = [m for m in members if _alive(m, data, lo, hi)]
    labels = absolutes._labels(data)
    when = f"in {lo}" if lo == hi else f"from {lo} to {hi}" if lo and hi < 9999 else f"by {hi}" if not lo else f"after {lo - 1}"
    verb = said.group("verb")
    if re.match(absolutes.RECOGNISE, verb, re.IGNORECASE):
        first = first_recognitions(data)
        level = "de_facto" if absolutes.IN_PRACTICE.search(claim) else "de_jure"
        later, before, none = [], [], []
        for member in members:
            day, event = first.get(member, {}).get(level) or (None, None)
            if day is None:
                none.append(labels.get(member, member))
            elif int(day[:4]) > hi:
                later.append(f"{labels.get(member, member)} on {_spoken(day)} ({event})")
            elif int(day[:4]) < lo:
                before.append(f"{labels.get(member, member)} on {_spoken(day)} ({event})")
        if not later and not (before and lo == hi):  # "in 1924", not "by 1924": who had recognised before counts
            return None  # the only counter-examples, if any, are states with no such recognition: unsettled
        how = "in law (de jure)" if level == "de_jure" else "in practice (de facto)"
        parts = ([f"{len(later)} recognised it {how} only later: {'; '.join(later[:3])}"] if later else []) + (
            [f"{len(before)} had done so before: {'; '.join(before[:3])}"] if before and lo == hi else [])
        unsettled = (f" The data records no recognition {how} by {', '.join(none[:4])}"
                     f"{' and others' if len(none) > 4 else ''} up to its last year: that it cannot settle."
                     if none else "")
        return (f"Your claim says {_lower(named)} recognised Moscow {when} ('{said.group(0).strip()}'), but of the "
                f"{len(members)} the data counts, {', and '.join(parts)}.{unsettled} Check each state's rows in the "
                "table `changes`.")
    # a turn against Moscow: each member needs a hostile event with Moscow in those years
    events = data.events
    family = ties_said._family(data)
    moscow = family.get("ussr", set(ties_said.SOVIET))
    start, end = pd.Timestamp(f"{max(lo, 1800)}-01-01"), pd.Timestamp(f"{min(hi, 2100)}-12-31")
    if month:
        start = pd.Timestamp(f"{month.group(1)} 1 {month.group(2)}")
        end = start + pd.offsets.MonthEnd(0)
        when = f"in {month.group(1)} {month.group(2)}"
    in_time = (events["date"] >= start) & (events["date"] <= end)
    hostile = events["tone"].astype(str) == "hostile"
    kept, turned = [], []
    for member in members:
        side = family.get(member, {member})
        rows = events[ties_said._linked(events, side, moscow, {}) & in_time & hostile]
        (turned if len(rows) else kept).append((member, rows))
    if not kept or not turned:
        return None  # none turned (another rule reads the tie), or every one did
    later = events[events["tone"].astype(str) == "hostile"]
    shown = []
    for member, _ in kept[:3]:
        side = family.get(member, {member})
        after = later[ties_said._linked(later, side, moscow, {}) & (later["date"] > end)].sort_values("date").head(1)
        shown.append(labels.get(member, member) + (f" (its first, later: '{after['title'].iloc[0]}', "
                                                   f"{_spoken(str(after['date_text'].iloc[0]))}, {after['event_id'].iloc[0]})"
                                                   if len(after) else " (none at all in the data)"))
    return (f"Your claim says {_lower(named)} turned on Moscow {when} ('{said.group(0).strip()}'), but the data has "
            f"no hostile event between Moscow and {len(kept)} of the {len(members)} it counts {when}: "
            f"{'; '.join(shown)}. Check each one's events in data/events.csv.")


def only_one(claim: str, data) -> str | None:
    """"Only Britain broke off relations with Moscow in 1927": the rank "the only state to" of absolutes."""
    said = ONLY.search(claim)
    if said is None:
        return None
    act = "break off relations with" if re.match(absolutes.ACTS["broke off relations with"], said.group("act"),
                                                 re.IGNORECASE) else "restore relations with"
    rest = claim[said.end("act"):]
    if MONTH.search(rest):
        return None  # "only Britain broke off relations in May 1927": a month the ranks of absolutes do not read
    told = f"{said.group('who')} was the only one to {act}{rest}"  # "only Britain": any side's break beats it
    refusal = absolutes.first_or_only(told, data)
    if refusal is None:
        return None
    return refusal.replace(f"('{absolutes.RANKED.search(told).group(0).strip()}')",
                           f"('{claim[said.start('who') - 5 if said.start('who') >= 5 else 0:said.end('act')].strip()}')", 1)


def only_one_unjudged(claim: str, data) -> list[str]:
    """What "Only Britain broke off relations with Moscow in 1927" leaves unjudged (absolutes.only_unjudged)."""
    said = ONLY.search(claim)
    if said is None:
        return []
    act = "break off relations with" if re.match(absolutes.ACTS["broke off relations with"], said.group("act"),
                                                 re.IGNORECASE) else "restore relations with"
    return absolutes.only_unjudged(f"{said.group('who')} was the only state to {act}{claim[said.end('act'):]}", data)


def _lower(words: str) -> str:
    """A claim's opening words inside a sentence: "All the states" as "all the states"."""
    return words[:1].lower() + words[1:]


LAST_PEACE = lazy(r"\b(?:was|were|became)\s+(?:the\s+)?(?:very\s+)?(?P<rank>last|first)(?P<what>(?:\s+(?!to\b)[\w-]+){0,4}?)\s+to\s+"
                  r"(?:make|sign|conclude)\s+(?:a\s+)?(?:peace|peace\s+treaty)\b", re.IGNORECASE)
PEACE = lazy(r"\bpeace\b", re.IGNORECASE)


def last_peace(claim: str, data, cited=()) -> str | None:
    """"<state> was the last (Baltic) state to make peace with Soviet Russia": a peace with Moscow the student
    cites, by another state and dated after the state's own, refutes it (module text)."""
    said = LAST_PEACE.search(claim)
    if said is None:
        return None
    state = absolutes._subject(claim, said.start(), data)
    if state is None:
        return None
    events = data.events
    moscow = ties_said._family(data).get("ussr", set(ties_said.SOVIET))
    sides = events["actor"].astype(str).isin(moscow) | events["counterpart"].astype(str).isin(moscow)
    text = events["title"].astype(str) + " " + events["description"].fillna("").astype(str)
    peaces = events[sides & text.str.contains(PEACE.compiled)].sort_values("date")
    own = peaces[(peaces["actor"].astype(str) == state.actor) | (peaces["counterpart"].astype(str) == state.actor)]
    if own.empty:
        return None
    first = own.iloc[0]
    last = said.group("rank").lower() == "last"
    # "the first Baltic state to make peace": a peace the student cites, dated before the state's own, refutes it
    other = peaces[peaces["event_id"].astype(str).isin(set(cited)) & ~peaces["event_id"].isin(own["event_id"])]
    later = other[other["date"] > first["date"]] if last else other[other["date"] < first["date"]]
    if later.empty:
        return None
    listed = "; ".join(f"'{r.title}' ({_spoken(str(r.date_text))}, {r.event_id})" for r in later.head(2).itertuples())
    return (f"Your claim says {absolutes._name(state)} was the {said.group('rank').lower()} to make peace with Moscow "
            f"('{said.group(0).strip()}'): {absolutes._name(state)} made it on {_spoken(str(first['date_text']))} "
            f"({first['event_id']}), but you cite {'a later' if last else 'an earlier'} peace: {listed}. Check the "
            "order in data/events.csv.")


SAME_DAY = lazy(r"\b(?:on\s+)?the\s+(?:very\s+)?same\s+(?:day|date)\b", re.IGNORECASE)


def same_day(claim: str, data) -> str | None:
    """"Denmark and Norway recognised the USSR on the same day": two or more states' recognitions (in law, unless
    the claim says in practice) that the data dates to different days."""
    said = SAME_DAY.search(claim)
    verb = re.search(absolutes.RECOGNISE, claim, re.IGNORECASE)
    if said is None or verb is None:
        return None
    states = list(dict.fromkeys(m.actor for m in absolutes._states(claim[:verb.start()], data)))
    if len(states) < 2:
        return None
    first = first_recognitions(data)
    level = "de_facto" if absolutes.IN_PRACTICE.search(claim) else "de_jure"
    dated = [(s, first.get(s, {}).get(level)) for s in states]
    if any(d is None for _, d in dated) or len({d[0] for _, d in dated}) == 1:
        return None
    labels = absolutes._labels(data)
    listed = "; ".join(f"{labels.get(s, s)} on {_spoken(d[0])} ({d[1]})" for s, d in dated)
    return (f"Your claim says they recognised Moscow on the same day ('{said.group(0)}'), but the data dates each "
            f"recognition {'in law' if level == 'de_jure' else 'in practice'}: {listed}. Check the dates in the "
            "table `changes`.")


NEVER_BUSINESS = lazy(r"\b(?:never|not\s+ever|no)\b(?:\s+[\w'’-]+){0,5}?\s+(?:business|trade|traded|trading|"
                      r"commerce|deals?)\b", re.IGNORECASE)
BUSINESS_KINDS = ("concession", "trade", "founding", "aid", "treaty")


def firms_business(claim: str, data) -> str | None:
    """What the check could not settle of "<state> never did business with Moscow": the business with Moscow of
    private firms whose event or note names the state, in the years the claim names (module text); None when the
    claim says no such thing or the data has none."""
    said = NEVER_BUSINESS.search(claim)
    if said is None or absolutes.HYPOTHETICAL.search(claim):
        return None
    state = absolutes._subject(claim, said.start(), data)
    if state is None:
        return None
    lo, hi = absolutes._period(claim[said.end():]) or absolutes._period(claim[:said.start()]) or (0, 9999)
    actors = data.actors
    firms = set(actors.loc[actors["kind"].astype(str) == "firm", "actor_id"].astype(str))
    notes = dict(zip(actors["actor_id"].astype(str), actors["note"].fillna("").astype(str)))
    names = [n for n, s in _state_names(data).items() if s == state.actor and len(n) > 3]
    names += [a for a, s in DEMONYMS.items() if s == state.actor]
    moscow = ties_said._family(data).get("ussr", set(ties_said.SOVIET))
    events = data.events
    rows = []
    for row in events[events["date"].dt.year.between(lo, hi)
                      & events["kind"].astype(str).isin(BUSINESS_KINDS)].sort_values("date").itertuples():
        sides = {str(row.actor), str(row.counterpart)}
        firm = next(iter(sides & firms), None)
        if firm is None or not sides & (moscow - {firm}):
            continue
        text = f"{row.description} {notes.get(firm, '')}"
        if any(re.search(rf"\b{re.escape(n)}\b", text, re.IGNORECASE) for n in names):
            rows.append(f"'{row.title}' ({_spoken(str(row.date_text))}, {row.event_id})")
    if not rows:
        return None
    return (f"what your claim says of business between {absolutes._name(state)} and Moscow ('{said.group(0)}'): "
            f"the data records business with Moscow by firms it ties to {absolutes._name(state)}: {'; '.join(rows[:3])}; "
            "but it counts a private firm's acts as its own, not its state's (data/README.md, 'Private bodies'), so "
            "the check cannot settle whether the state did business")
