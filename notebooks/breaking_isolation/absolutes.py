"""Claims that a state was first, never did something, held out until a year, or kept a tie all along, read
against the dated events of data/events.csv. One rule per word family, for every state:

- "Italy was the first state to recognise the USSR": the data's order of first recognitions (in law, in practice,
  or either when the claim does not say) must put that state first; a year given with it must be its year;
- "Britain was the first (the only) state to break off relations with Moscow", "Britain alone broke off
  relations", "...to restore relations": the
  data's breaks and restorations by a state, each one whose own title says that act (never a lapse of relations);
- "The United States never recognised the USSR", "Britain never restored relations", "never broke off": refused
  when the data has that state's recognition, restoration or break (in the years the claim names, if it names
  any: "never recognised it in the 1920s" is read for those years only); "did not break off relations in 1927",
  "relations were not broken off", read the same way;
- "France refused to recognise the USSR until 1933", "did not restore relations until 1930": the year must be the
  data's year of that act ("did not recognise it before 1933": no such act before that year);
- "Britain kept relations with Moscow throughout the 1920s": refused when the data has a break of that state's
  relations with Moscow in those years;
- "Britain was the first state to break off relations": when the data ends another state's relations earlier by a
  lapse with no formal break (Albania's of 1924), the claim is not refused, and the check says it counted only
  formal breaks (first_lapse_unjudged); "only Britain broke off relations" is beaten by any side's break, even a
  government's the kit does not count as its state's (Nanjing's of 1927), while "the only state" is not;
- "Finland never made peace with Soviet Russia": refused with the data's peace of that state (never_peace);
- "Finland was the first state to make peace with Soviet Russia": the data's peaces with Moscow (each event whose
  own title or text says a peace was made) must put that state's first; "the first state ever to sign a treaty
  with Soviet Russia": the data's treaties of a state with Moscow (Brest-Litovsk, 1918, first);
- "the first state in East Asia to recognise the USSR": the data's Asia without the Middle East; an opening of
  relations there that the kit does not count (Mongolia's treaty of 1921) is said unjudged, with the kit's reason;
- "Italy was the last state to recognise the USSR": refused when the data has a later recognition ("the last great
  power": only a later one the student cites, as the data does not class states);
- "Every state that broke off relations restored them by 1930": refused with each break a state made not mended by
  then; "every break was mended by 1929": with every end of relations not mended, each with its doer (a state,
  Moscow itself, or none named, as Albania's lapse of 1924);
- "Moscow never gave the Kuomintang any help": refused when the data has cooperative acts of Moscow's side
  (aid, arms, advisers, missions) towards the one it names.

Every date and event id in a message is read from the data. A claim these rules do not read passes on to the
other checks unchanged.
"""

from __future__ import annotations

import re

import pandas as pd

from . import ties_said
from .misconceptions import IN_LAW, IN_PRACTICE, _spoken, _state_names, first_recognitions
from .patterns import lazy

RECOGNISE = r"(?:recogni[sz]\w*|(?:give|gave|grant\w*|extend\w*)\s+(?:\w+\s+){0,2}recognition)"
ADVERBS = r"(?:\s+(?:again|fully|formally|legally|officially|really|ever|actually|properly|diplomatically|de jure|de facto))*"
# the acts a "never" or an "until" may be about, each with the kind of standing change that records it
ACTS = {
    "recognised": RECOGNISE,
    "restored relations with": r"(?:restor\w*|renew\w*|resum\w*|re-?establish\w*|re-?open\w*)",
    "broke off relations with": r"(?:br(?:oken?|eak\w*)\s+(?:off|with|(?:\w+\s+)?(?:relations|ties))|sever\w*|"
                                r"cut\s+(?:off\s+)?(?:\w+\s+)?(?:relations|ties))",
    "opened relations with": r"(?:establish\w*|open\w*|set\s+up)\s+(?:\w+\s+)?relations",
}
KINDS = {"restored relations with": ("relations_restored",), "broke off relations with": ("relations_broken",),
         "opened relations with": ("relations_established", "relations_restored")}
NEVER = lazy(r"\b(?:never|not\s+ever|at\s+no\s+(?:point|time)|always\s+refused\s+to|(?<!at first )(?<!first )(?P<refused>refused\s+to)"
             # "did not break off", "hasn't recognised": a denial of the act, read like "never" for its years
             r"|(?P<denied>(?:did|does|do|had|has|have)(?:\s+not|n['’]?t)))" + ADVERBS + r"\s+(?P<act>"
             + "|".join(f"(?P<a{i}>{p})" for i, p in enumerate(ACTS.values())) + r")\b", re.IGNORECASE)
# "relations were not broken off in 1927", "its ties with Moscow were never cut": the break denied in the passive
UNBROKEN = lazy(r"\b(?:relations|ties)\b(?:\s+(?!and\b|but\b)[\w']+){0,4}?\s+(?:were|was|had\s+been|have\s+been)"
                r"(?:\s+not|n['’]?t|\s+never)\s+(?:\w+\s+)?(?:broken|cut|severed)\b", re.IGNORECASE)
HELD = r"(?:not|never|n't|refus\w*|declin\w*|wait\w*|held\s+(?:out|back|off)|hold\w*\s+(?:out|back|off)|withh\w*|delay\w*|reject\w*|only)"
UNTIL = lazy(r"\b(?P<word>until|till|before|only\s+in)\s+(?:(?:early|late|mid|the\s+end\s+of)\s+)?(?P<year>1[89]\d\d)\b",
             re.IGNORECASE)
DECADE = lazy(r"\b(?:the\s+)?(?:19)?20s\b|\bthe\s+(?:whole\s+|entire\s+)?decade\b|\bthe\s+twenties\b", re.IGNORECASE)
SPAN = lazy(r"\b(?:from|between)\s+(1[89]\d\d)\s*(?:-|–|to|until|till|and)\s*(1[89]\d\d)\b"
            r"|\b(1[89]\d\d)\s*(?:-|–)\s*(\d\d|1[89]\d\d)\b", re.IGNORECASE)
IN_YEAR = lazy(r"\b(?:in|during|by)\s+(1[89]\d\d)\b", re.IGNORECASE)
HYPOTHETICAL = lazy(r"\b(would|could|should|might|must)\s+have\b|\bif\b|\bunless\b", re.IGNORECASE)


def _states(claim: str, data) -> list[ties_said.Mention]:
    """The states (and their governments, as their state) the claim names, in order."""
    return ties_said.mentions(claim, {name.lower(): state for name, state in _state_names(data).items()})


def _name(state: ties_said.Mention) -> str:
    """A state as the claim names it ("the United States", "Britain"), inside a sentence."""
    typed = re.sub(r"['’]s$", "", state.typed)
    if typed.replace(".", "").isupper() and len(typed.replace(".", "")) <= 3:
        return f"the {typed}"  # "US", "U.S.", "UK"
    return typed[:1].lower() + typed[1:] if typed[:4].lower() == "the " else typed


def _labels(data) -> dict[str, str]:
    from .checks import actor_labels

    return actor_labels(data.actors)


def _period(text: str) -> tuple[int, int] | None:
    """The years a clause limits itself to: "in the 1920s", "from 1922 to 1926", "before 1930", "in 1927"."""
    span = SPAN.search(text)
    if span:
        lo, hi = (span.group(1), span.group(2)) if span.group(1) else (span.group(3), span.group(4))
        hi = hi if len(hi) == 4 else lo[:2] + hi
        return int(lo), int(hi)
    if DECADE.search(text):
        return 1920, 1929
    later = re.search(r"\b(?:after|since)\s+(?:\w+\s+)?(1[89]\d\d)\b", text, re.IGNORECASE)
    if later:  # "after 1927", "after April 1927": the years after it (the rest of that year is not read)
        return int(later.group(1)) + 1, 9999
    before = re.search(r"\b(?:before|by)\s+(1[89]\d\d)\b", text, re.IGNORECASE)
    if before:
        return 0, int(before.group(1)) - (1 if before.group(0).lower().startswith("before") else 0)
    year = IN_YEAR.search(text)
    return (int(year.group(1)), int(year.group(1))) if year else None


def _period_near(claim: str, start: int, end: int) -> tuple[int, int] | None:
    """The years a word at start:end is read for: those after it, else those of its own part of the sentence
    before it ("Britain broke off relations in 1927 and never restored them": 1927 is the break's year)."""
    head = re.split(r"[,;:]|\b(?:and|but|while|so|because)\b", claim[:start])[-1]
    return _period(claim[end:]) or _period(head)


def _subject(claim: str, at: int, data) -> ties_said.Mention | None:
    """The state a verb at `at` is about: the last state named before it, else the first named after it."""
    found = _states(claim, data)
    before = [m for m in found if m.end <= at]
    while len(before) > 1 and COMPARED.search(claim[:before[-1].start]):
        before = before[:-1]  # "Britain followed the United States in refusing...": Britain refused
    return before[-1] if before else next((m for m in found if m.start >= at), None)


# a state named as the one another is compared with, not the doer: "Britain followed (was like) the United States"
COMPARED = lazy(r"\b(?:followed|follows|follow|following|like|unlike|joined|copied|imitated|than)\s+(?:the\s+)?$",
                re.IGNORECASE)


def _changes(data) -> pd.DataFrame:
    from .recognition import standing_changes

    return standing_changes(data.events, data.actors)


def _acts_of(state: str, act: str, claim: str, data) -> list[tuple[str, str]]:
    """[(date as the data writes it, event id)] of a state's act, earliest first: its first recognition at the
    level the claim names (either, when it names none), or its standing changes of the act's kinds."""
    if act == "recognised":
        dates = first_recognitions(data).get(state, {})
        levels = (("de_jure",) if IN_LAW.search(claim) else ("de_facto",) if IN_PRACTICE.search(claim)
                  else ("de_facto", "de_jure"))
        return sorted(dates[level] for level in levels if level in dates)
    changes = _changes(data)
    rows = changes[(changes["state"] == state) & changes["kind"].isin(KINDS[act])].sort_values("date")
    return [(str(r.date_text), str(r.event_id)) for r in rows.itertuples()]


def _said(acts: list[tuple[str, str]]) -> str:
    return " and ".join(f"{_on(day)} ({event})" for day, event in acts)  # "in August 1924": a month alone


def _act_name(match: re.Match) -> str:
    return next(name for i, name in enumerate(ACTS) if match.group(f"a{i}"))


def _of_government(acts: list[tuple[str, str]], state: ties_said.Mention, act: str, data) -> list[tuple[str, str]]:
    """A state's acts, or only those its government took part in where the claim names a government ("Peking",
    "Nanjing"): one government of China is never answered with its neighbour's act."""
    from .checks import names_of

    typed = re.sub(r"['’]s$", "", state.typed).lower()
    typed = typed[4:] if typed.startswith("the ") else typed
    actor = names_of(data.actors).get(typed)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    if act == "recognised" or actor is None or kinds.get(actor) != "government":
        return acts
    events = data.events.set_index("event_id")
    return [(day, e) for day, e in acts if e in events.index
            and actor in (str(events.at[e, "actor"]), str(events.at[e, "counterpart"]))]


def _moscow_names(data) -> dict[str, str]:
    """What a claim may call Moscow: ties_said's names, and the names of the Soviet state's own actors."""
    from .checks import names_of
    from .recognition import MOSCOW

    return {**{name: a for name, a in names_of(data.actors).items() if a in MOSCOW and len(name) >= 3},
            **ties_said.MOSCOW_NAMES}


def _moscow_before(claim: str, at: int, data) -> bool:
    """Whether the words just before a verb at `at`, in its own clause, name Moscow ("Moscow did not break with")."""
    head = re.split(r"[,;:]|\b(?:and|but|while|so|because)\b", claim[:at])[-1].lower()
    return any(re.search(rf"\b{re.escape(name)}\s*(?:\w+\s+)?$", head) for name in _moscow_names(data))


def _doers(acts: list[tuple[str, str]], name: str, act: str, data) -> str:
    """The acts as the data records them, each with the data's doer: "Moscow broke off relations with Nanjing on
    17 July 1929 (1929-ussr-breaks-with-china)" where the USSR is the event's actor."""
    from .recognition import MOSCOW, state_of

    if act == "recognised":
        return f"{name} {act} Moscow {_said(acts)}"
    states = state_of(data.actors)
    doers = dict(zip(data.events["event_id"].astype(str), data.events["actor"].astype(str)))
    by_moscow = [(d, e) for d, e in acts if states.get(doers.get(e, "")) in MOSCOW]
    by_them = [(d, e) for d, e in acts if (d, e) not in by_moscow]
    return " and ".join(part for part in (f"{name} {act} Moscow {_said(by_them)}" if by_them else "",
                                          f"Moscow {act} {name} {_said(by_moscow)}" if by_moscow else "") if part)


# "refused to recognise it at first", "for years", "then", "in 1922": a refusal for a time, which a later act does
# not contradict
FOR_A_TIME = lazy(r"\b(?:at\s+first|initially|first|for\s+(?:years|a\s+time|a\s+while|long|some\s+time)|long|"
                  r"then|at\s+the\s+time|in\s+1[89]\d\d|later|still|yet|while|when|after|before|until|till|"
                  r"unless|without|because\s+of\s+the\s+debts)\b", re.IGNORECASE)


def never_did(claim: str, data) -> str | None:
    """"<state> never recognised / restored relations / broke off relations": the data's act, if it has one."""
    denials = [(m, _act_name(m), bool(m.group("denied") or m.group("refused"))) for m in NEVER.finditer(claim)]
    denials += [(m, "broke off relations with", True) for m in UNBROKEN.finditer(claim)]
    for said, act, denied in sorted(denials, key=lambda d: d[0].start()):
        if UNTIL.search(claim, said.end()) or HYPOTHETICAL.search(claim):
            continue  # "never ... until 1933" is a claim of a year (held_until)
        if denied and ALONE_AFTER.match(claim, said.end()):
            continue  # "Britain did not break off relations alone": the denial is of "alone", not of the break
        if said.groupdict().get("refused") and (not re.search(r"\brecogni", said.group("act"), re.IGNORECASE)
                                                or FOR_A_TIME.search(claim)):
            continue  # "refused to recognise it at first", "for years": a refusal for a time, not for ever
        state = _subject(claim, said.start(), data)
        if state is None:
            continue
        acts = _of_government(_acts_of(state.actor, act, claim, data), state, act, data)
        period = _period_near(claim, said.start(), said.end())
        if period:
            acts = [(day, e) for day, e in acts if period[0] <= int(day[:4]) <= period[1]]
        if acts:
            name = _name(state)
            if denied:  # "did not break off relations in 1927": in the years it names, or at any time
                when = (f" in {period[0]}" if period and period[0] == period[1] else
                        f" from {period[0]} to {period[1]}" if period and period[1] < 9999 else "")
                denial = (f"Moscow {act} {name}" if _moscow_before(claim, said.start(), data) and act != "recognised"
                          else f"{name} {act} Moscow")
                return (f"Your claim denies that {denial}{when} ('{said.group(0)}'), but the data records "
                        f"that {_doers(acts[:2], name, act, data)}. Check your claim against "
                        f"{'that event' if len(acts[:2]) == 1 else 'those events'} in data/events.csv.")
            return (f"Your claim says {name} never {act} Moscow ('{said.group(0)}'), but the data records that "
                    f"{name} {act} Moscow {_said(acts[:2])}. Check your claim against "
                    f"{'that event' if len(acts[:2]) == 1 else 'those events'} in data/events.csv.")
    return None


# "Finland never made peace with Soviet Russia", "Poland did not sign a peace with Moscow": a peace denied
NEVER_PEACE = lazy(r"\b(?:never|not\s+ever|(?:did|had|has|have)(?:\s+not|n['’]?t)(?:\s+ever)?)\s+(?:make|made|sign|signed|"
                   r"conclude|concluded|reach|reached)\s+(?:a\s+|the\s+|any\s+|its\s+)?(?:separate\s+|formal\s+)?"
                   r"peace\b", re.IGNORECASE)


def never_peace(claim: str, data) -> str | None:
    """"<state> never made peace with Moscow": refused with the data's peace of that state (acts_named.PEACE), in the
    years the claim names if it names any."""
    from . import acts_named

    said = NEVER_PEACE.search(claim)
    if said is None or HYPOTHETICAL.search(claim):
        return None
    state = _subject(claim, said.start(), data)
    if state is None:
        return None
    rows = acts_named.state_acts(state.actor, "made peace", data)
    until = UNTIL.match(claim, said.end()) or UNTIL.search(claim[:said.end() + 60], said.end())
    if until is not None:  # "did not make peace until 1925": the year of the data's first peace of that state
        if rows.empty or until.group("word").lower() != "until" and until.group("word").lower() != "till" \
                or int(rows.iloc[0]["date"].year) == int(until.group("year")):
            return None
        r = rows.iloc[0]
        return (f"Your claim says {_name(state)} made peace with Moscow only in {until.group('year')} "
                f"('{said.group(0)} {until.group(0)}'), but the data records '{r['title']}' "
                f"({_spoken(str(r['date_text']))}, {r['event_id']}). Check the year against that event in "
                "data/events.csv.")
    period = _period_near(claim, said.start(), said.end())
    if period is not None and len(rows):
        rows = rows[rows["date"].dt.year.between(*period)]
    if rows.empty:
        return None
    r = rows.iloc[0]
    return (f"Your claim says {_name(state)} made no peace with Moscow ('{said.group(0)}'), but the data records "
            f"'{r['title']}' ({_spoken(str(r['date_text']))}, {r['event_id']}). Check your claim against that event "
            "in data/events.csv.")


# "All the states that recognised the USSR in 1924 kept relations until 1933": the breaks of those states
ALL_KEPT = lazy(r"\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:states?|countries|country|nations?|governments?|powers?)\s+"
                r"(?:that|which|who)\s+(?:had\s+)?recogni[sz]ed\s+(?:the\s+)?(?:ussr|soviet\s+union|soviet\s+russia|"
                r"moscow|it|the\s+soviets)?\s*(?:de\s+jure\s+|de\s+facto\s+)?in\s+(?P<year>1[89]\d\d)\s*,?\s+"
                r"(?:kept|maintained|stayed|remained|held|had|kept\s+up)\s+(?:\w+\s+){0,3}?(?:relations|ties|friends|"
                r"recognition)\b[^,;.]*?\b(?P<word>until|till|through(?:out)?|to|up\s+to)\s+(?P<until>1[89]\d\d)\b",
                re.IGNORECASE)


def all_kept(claim: str, data) -> str | None:
    """"All the states that recognised the USSR in 1924 kept relations until 1933": refused with the data's breaks,
    in those years, by states whose first recognition of Moscow the data dates in that year."""
    said = ALL_KEPT.search(claim)
    if said is None or HYPOTHETICAL.search(claim) or re.search(r"\bnot\s+all\b", claim, re.IGNORECASE):
        return None
    year, until = int(said.group("year")), int(said.group("until"))
    first = first_recognitions(data)
    states = {s for s, levels in first.items() if any(day[:4] == str(year) for day, _ in levels.values())}
    changes = _changes(data)
    end = until if said.group("word").lower().startswith("through") else until - 1
    breaks = changes[changes["kind"].isin(KINDS["broke off relations with"]) & changes["counted"].astype(bool)
                     & changes["state"].isin(states) & changes["date"].dt.year.between(year, end)].sort_values("date")
    if breaks.empty:
        return None
    events = data.events.set_index(data.events["event_id"].astype(str))
    labels = _labels(data)
    shown = "; ".join(f"{labels.get(r.state, r.state)}: '{events.loc[r.event_id, 'title']}' ({_spoken(str(r.date_text))}, "
                      f"{r.event_id})" for r in breaks.head(3).itertuples())
    return (f"Your claim says every state that recognised Moscow in {year} kept relations {said.group('word')} {until}, "
            f"but the data records {len(breaks)} end{'s' if len(breaks) != 1 else ''} of relations by such states in "
            f"those years, among them {shown}. Check each one in data/events.csv.") if len(breaks) > 3 else (f"Your claim says every state that recognised Moscow in {year} kept relations {said.group('word')} {until}, but the data records {len(breaks)} end{'s' if len(breaks) != 1 else ''} of relations by such states in those years: {shown}. Check each one in data/events.csv.")


def held_until(claim: str, data) -> str | None:
    """"<state> refused to recognise the USSR until 1933": the year against the data's year of that act."""
    for until in UNTIL.finditer(claim):
        clause = re.split(r"[;:]|\b(?:but|while|whereas|because|since)\b", claim[until.end():])[0]
        clause = re.split(r"[;:]|\b(?:but|while|whereas|because|since)\b", claim[:until.start()])[-1] + until.group(0) + clause
        acts_said = [m for m in re.finditer("|".join(f"(?P<a{i}>{p})" for i, p in enumerate(ACTS.values())),
                                            claim, re.IGNORECASE)]
        if not acts_said or not re.search(rf"\b{HELD}\b|n't", clause, re.IGNORECASE) or HYPOTHETICAL.search(clause):
            continue
        # the act nearest the "until" ("France waited until 1929 to recognise"); the state just before the "until"
        verb = min(acts_said, key=lambda m: min(abs(m.start() - until.end()), abs(until.start() - m.end())))
        act = next(name for i, name in enumerate(ACTS) if verb.group(f"a{i}"))
        state = _subject(claim, until.start(), data)
        if state is None:
            continue
        acts = _acts_of(state.actor, act, clause, data)
        year, word = int(until.group("year")), until.group("word").lower()
        years = {int(day[:4]) for day, _ in acts}
        if (word == "before" and (not acts or max(years) >= year)) or year in years:
            continue
        if not acts and year > int(data.events["date"].dt.year.max()):
            continue  # "waited until 1934": a year past the data's end, which no event of the data can contradict
        name = _name(state)
        found = (f"the data records that {name} {act} Moscow {_said(acts[:2])}" if acts
                 else f"the data records no time {name} {act} Moscow")
        return (f"Your claim says {name} {act} Moscow only {'from' if word != 'before' else 'after'} {year} "
                f"('{until.group(0)}'), but {found}. Check the year against the events in data/events.csv.")
    return None


FIRST = lazy(
    r"\b(?:was|were|became|is)\s+(?:the\s+)?(?:very\s+)?first(?P<what>(?:\s+(?!to\b)[\w-]+){0,5}?)\s+to\s+" + RECOGNISE
    + r"|\b(?:the\s+)?first(?P<what2>(?:\s+(?!to\b)[\w-]+){1,3}?)\s+to\s+" + RECOGNISE + r"(?P<tail>(?:\s+\S+){0,6}?)\s+"
    r"(?:was|were|is)\s+(?P<after>\S+)"
    r"|" + RECOGNISE + r"(?:\s+(?:the\s+)?(?:ussr|u\.s\.s\.r\.?|soviet\s+union|soviet\s+russia|soviets|moscow|rsfsr))?"
    + ADVERBS + r"\s+(?:first|before\s+any(?:one|\s+other\s+(?:state|country|power|nation)))\b", re.IGNORECASE)
# "the first great power", "the first Western state": a rank among some states, which the data does not class
AMONG = lazy(r"\b(great|major|big|western|european|capitalist|large|leading|latin|asian|american|"
             r"neighbou?r\w*|powers?)\b", re.IGNORECASE)

# a part of a region ("South American", "Central European", "East Asia"): the data does not class states so finely
PART = "part of a region"
PART_OF = r"(?:south|north|central|latin|east|west|southern|northern|eastern|western)(?:[\s-]+(?:east|west)(?:ern)?)?[\s-]+"


# "East Asia" in a claim is the data's Asia without the Middle East (China, Japan, Mongolia, the Far Eastern
# Republic); "Asia" is the continent, for actors.csv files Afghanistan, Persia and Turkey apart, as the Middle East
EAST_ASIA = "east_asia"
REGIONS = {"asia": {"asia", "middle_east"}, EAST_ASIA: {"asia"}}
EAST = lazy(r"\b(?:(?:east|far[\s-]+east)(?:ern)?[\s-]+asia(?:n|tic)?|far[\s-]+east(?:ern)?)\b", re.IGNORECASE)


def _region(what: str, data) -> tuple[str | None, str]:
    """(region, "in East Asia") of a rank's words: East Asia as the data's Asia without the Middle East, Asia with
    it, any other region as actors.csv names it (_region_named)."""
    if EAST.search(what):
        return EAST_ASIA, "in East Asia (the data's Asia, the Middle East apart)"
    region, where = _region_named(what, data)
    return region, "in Asia (Middle East included)" if region == "asia" else where


def first_uncounted(claim: str, data) -> list[str]:
    """What "<state> was the first (in a region) to recognise the USSR" leaves unjudged: an opening of relations with
    Moscow in that region, before the first the kit counts or by the claim's state, that the kit does not count
    (Mongolia's treaty of 1921), with the kit's own reason."""
    said = FIRST.search(claim)
    if said is None or HYPOTHETICAL.search(claim):
        return []
    region, where = _region(said.group("what") or said.group("what2") or "", data)
    if region == PART or (region is None and AMONG.search(said.group("what") or said.group("what2") or "")):
        return []
    state = (next((m for m in _states(claim, data) if m.start >= said.start("after")), None) if said.group("after")
             else _subject(claim, said.start(), data))
    if state is None:
        return []
    changes = _changes(data)
    wanted = REGIONS.get(region, {region})
    opened = changes[changes["recognition_after"].ne(changes["recognition_before"])
                     | changes["kind"].isin(KINDS["opened relations with"])]
    opened = opened[opened["kind"].isin(KINDS["opened relations with"] + ("de_jure_recognition", "de_facto_recognition"))]
    if region is not None:
        opened = opened[opened["region"].isin(wanted)]
    counted = opened[opened["counted"]].sort_values("date")
    if counted.empty:
        return []
    first = counted.iloc[0]
    apart = opened[~opened["counted"] & ((opened["date"] < first["date"]) | (opened["state"] == state.actor))]
    labels = _labels(data)
    return [f"whether {labels.get(state.actor, state.typed)} was the first {where + ' ' if region else ''}to recognise "
            f"Moscow: the kit counts {labels.get(first['state'], first['state'])}'s first "
            f"({_spoken(str(first['date_text']))}, {first['event_id']}), but the data also has {r.event_id} "
            f"({_spoken(str(r.date_text))}), which the kit does not count ('{str(r.reason).rstrip('.')}')"
            for r in apart.sort_values("date").head(1).itertuples()]


def first_to_recognise(claim: str, data) -> str | None:
    """"<state> was the first to recognise the USSR": the data's earliest recognition, and the state's own."""
    said = FIRST.search(claim)
    if said is None or HYPOTHETICAL.search(claim):
        return None
    region, where = _region(said.group("what") or said.group("what2") or "", data)
    if region == PART:
        return None  # "the first South American country": actors.csv classes states by region, not part of one
    if region is None and AMONG.search(said.group("what") or said.group("what2") or ""):
        return _first_power(claim, said, data)
    wanted = REGIONS.get(region, {region})
    found = _states(claim, data)
    state = (next((m for m in found if m.start >= said.start("after")), None) if said.group("after")
             else _subject(claim, said.start(), data))
    if state is None:
        return None
    first = first_recognitions(data)
    levels = (("de_jure",) if IN_LAW.search(claim) else ("de_facto",) if IN_PRACTICE.search(claim)
              else ("de_facto", "de_jure"))
    how = {("de_jure",): "in law (de jure)", ("de_facto",): "in practice (de facto)"}.get(levels, "in any form")
    regions = dict(zip(data.actors["actor_id"].astype(str), data.actors["region"].astype(str)))
    earliest = sorted((day, s, e) for s, dates in first.items() for level, (day, e) in dates.items() if level in levels
                      and (region is None or regions.get(s) in wanted))  # "the first state in the Americas"
    own = sorted(first.get(state.actor, {}).get(level) for level in levels if level in first.get(state.actor, {}))
    if not own and first_uncounted(claim, data):
        return None  # "Mongolia was the first...": relations the kit does not count, said unjudged (first_uncounted)
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim)]
    wrong_year = years and own and not any(int(day[:4]) in years for day, _ in own)
    if earliest and earliest[0][1] == state.actor and not wrong_year:
        return None
    labels = _labels(data)
    name = labels.get(state.actor, state.typed)
    day, who, event = earliest[0]
    ahead = len({s for d, s, _ in earliest if own and d < own[0][0]})
    others = f"other state{'s' if ahead != 1 else ''}" + (f" {where}" if region else "")
    mine = (f"{name} recognised it {_said(own)}, after {ahead} {others}" if own
            else f"the data records no recognition of Moscow by {name} {how}")
    year = f", not in {' or '.join(map(str, years))}" if wrong_year else ""
    return (f"Your claim says {name} was the first to recognise Moscow ('{said.group(0).strip()}'). In the data the "
            f"first state {where + ' ' if region else ''}to recognise Moscow {how} was {labels.get(who, who)}, "
            f"{_on(day)} ({event}); "
            f"{mine}{year}. Check the order in the table `changes` and in data/events.csv.")


# "No state recognised Soviet Russia before 1921", "Nobody recognised Moscow until Britain did in 1921": no
# recognition of Moscow before a year
NOBODY = lazy(r"\b(?:no(?:\s+other)?\s+(?:states?|country|countries|powers?|governments?|one)|nobody|no-one|none)"
              r"(?:\s+[\w']+){0,2}?\s+" + RECOGNISE + r"(?:\s+[\w']+){0,4}?\s+(?:before|until|till)\s+"
              r"(?:[\w']+\s+){0,3}?(?:in\s+)?(?P<year>1[89]\d\d)\b", re.IGNORECASE)


def _on(day: str) -> str:
    """A date as a sentence says it: "on 27 May 1919", "in June 1920" (the data gives only the month)."""
    return f"{'on' if len(day) >= 10 else 'in'} {_spoken(day)}"


# A peace the kit keeps as context, before its counts begin: Germany made peace with the Soviet government as
# Russia's at Brest-Litovsk, relations that did not outlast the war. A claim about "before" a year after it hears of it.
EARLIER_PEACE = "1918-brest-litovsk"


def _earlier_peace(year: int, data) -> str:
    """What the data says of the peace of 1918 (EARLIER_PEACE), if it came before `year`: its title, day and id, the
    sentence of its description that begins with the state that made it, and the first sentence of its note."""
    events = data.events.set_index(data.events["event_id"].astype(str))
    if EARLIER_PEACE not in events.index or events.at[EARLIER_PEACE, "date"].year >= year:
        return ""
    row = events.loc[EARLIER_PEACE]
    state = _labels(data).get(str(row["actor"]), str(row["actor"]))
    said = [s.strip() for s in re.split(r"(?<=\.)\s+", str(row["description"])) if s.strip().startswith(state)]
    note = re.split(r"(?<=\.)\s+", str(row["date_note"]).strip())[0] if pd.notna(row["date_note"]) else ""
    return (f" Before those, the data records '{row['title']}' ({_spoken(str(row['date_text']))}, {EARLIER_PEACE})"
            + (f": '{said[0]}'" if said else ".")
            + (f" The kit does not count it: '{note}'" if note else ""))


def nobody_before(claim: str, data) -> str | None:
    """"No state recognised Soviet Russia before 1921": the recognitions the kit counts (figure 1's table `changes`)
    before that year, if any."""
    said = NOBODY.search(claim)
    if said is None or HYPOTHETICAL.search(claim):
        return None
    year = int(said.group("year"))
    in_law = IN_LAW.search(claim) is not None and not IN_PRACTICE.search(claim)
    how = "in law (de jure)" if in_law else "in any form"
    changes = _changes(data)
    became = (changes["recognition_after"] == "de_jure") if in_law else (changes["recognition_after"] != "none")
    first = changes[changes["counted"] & became & (changes["recognition_before"] != changes["recognition_after"])
                    & (changes["date"].dt.year < year)].sort_values("date").drop_duplicates("state")
    if first.empty:
        return None
    labels = _labels(data)
    shown = "; ".join(f"{labels.get(r.state, r.state)} {_on(str(r.date_text))} ({r.event_id})"
                      for r in first.head(5).itertuples())
    return (f"Your claim says no state recognised Moscow before {year} ('{said.group(0).strip()}'), but the kit counts "
            f"{len(first)} state{'s' if len(first) != 1 else ''} that recognised it {how} before {year}: {shown}"
            f"{' …' if len(first) > 5 else ''}.{_earlier_peace(year, data)} Check the order in the table `changes` "
            f"and in figure 1.")


# "Britain was the first state to break off relations with the USSR", "the only state to restore relations":
# a rank among the data's breaks or restorations of relations with Moscow, by the state that made them
RANKED_ACTS = ("broke off relations with", "restored relations with")
RANKED = lazy(r"\b(?:was|were|became|is)\s+(?:the\s+)?(?:very\s+)?(?P<rank>first|only)(?P<what>(?:\s+(?!to\b|that\b|which\b|who\b)[\w-]+)"
              r"{0,5}?)\s+(?:to|(?:that|which|who)(?:\s+(?:had|has|have))?(?:\s+ever)?)\s+(?P<act>" + "|".join(f"(?P<a{i}>{ACTS[a]})" for i, a in enumerate(RANKED_ACTS))
              + r")", re.IGNORECASE)


def _ranked_rows(act: str, data) -> pd.DataFrame:
    """The data's acts of a kind `act` names, by a state towards Moscow, earliest first, each with its title: only
    a row whose own title says that act ("Britain breaks off relations"), never one it calls a lapse (Albania's
    relations of 1924 "lapse", with no formal break), nor Moscow's own break."""
    from .recognition import MOSCOW

    changes = _changes(data)
    events = data.events.set_index(data.events["event_id"].astype(str))
    rows = changes[changes["kind"].isin(KINDS[act])].copy()
    rows["title"] = rows["event_id"].map(events["title"].astype(str))
    rows = rows[~rows["event_id"].map(events["actor"].astype(str)).isin(MOSCOW)]  # the event's own actor
    said = re.compile(ACTS[act], re.IGNORECASE)
    return rows[rows["title"].map(lambda t: bool(said.search(str(t))))].sort_values("date")


def _titled(rows) -> str:
    return " and ".join(f"'{r.title}' ({_spoken(str(r.date_text))}, {r.event_id})" for r in rows.itertuples())


# what a denial of an act denies when it comes right after it: that the state did it by itself, not the act
ALONE_AFTER = lazy(r"(?:\s+(?:off|with|diplomatic|relations|ties|the|its|soviet|ussr|russia|moscow|[A-Z][\w-]*)){0,5}?\s*,?"
                   r"\s+(?:alone|by\s+itself|on\s+its\s+own|single-handed\w*|unaided)\b", re.IGNORECASE)


# "Britain alone broke off relations with Moscow": the only state to, said with "alone" after the state
ALONE = lazy(r"\b(?P<rank>alone)\s*,?\s+(?:(?:had|then|finally|ever)\s+)?(?P<act>"
                   + "|".join(f"(?P<a{i}>{ACTS[a]})" for i, a in enumerate(RANKED_ACTS)) + r")", re.IGNORECASE)


# "the only state to", "the only country that": a rank among states, which a government the kit does not count as
# its state's (Nanjing in 1927) does not beat; "Britain alone", "only Britain" rank every side that broke off
STATE_WORD = lazy(r"\b(?:states?|countr(?:y|ies)|nations?|governments?|powers?)\b", re.IGNORECASE)


def first_or_only(claim: str, data) -> str | None:
    """"<state> was the first / the only state to break off (restore) relations with Moscow", "<state> alone broke
    off relations": the data's order of those acts, in the years the claim names if it names any; a year given
    with "first" must be the state's."""
    said = RANKED.search(claim) or ALONE.search(claim)
    if said is None or HYPOTHETICAL.search(claim) or AMONG.search(said.groupdict().get("what") or ""):
        return None  # "the first great power": a rank among some states, which the data does not class
    state = _subject(claim, said.start(), data)
    if state is None:
        return None
    act = next(a for i, a in enumerate(RANKED_ACTS) if said.group(f"a{i}"))
    rows = _ranked_rows(act, data)
    only = said.group("rank").lower() in ("only", "alone")
    if only and _only_among(claim, said, state):
        return None  # "among the great powers, Britain alone": only_unjudged() says what the data does not class
    period = _only_period(claim[said.end():]) if only else None
    ever = only and EVER.search(said.group(0)) is not None
    if ever and period and period[0] == period[1]:
        period = None  # "the only state that ever broke off relations, in 1927": the year dates its own act
    if period:
        rows = rows[rows["date"].dt.year.between(*period)]
    month = MONTH_YEAR.search(claim[said.end():]) if only else None
    if month and not _period(claim[said.end():]):  # "alone broke off relations in May 1927": that month's breaks only
        rows = rows[rows["date"].dt.strftime("%B %Y") == month.group(0).split(None, 1)[1]]
    if only and STATE_WORD.search(said.group(0)):  # a break the kit does not count as a state's (Nanjing's of 1927):
        rows = rows[rows["counted"].astype(bool)]   # only_unjudged() names it; "Britain alone" is beaten by any side's
    own, others = rows[rows["state"] == state.actor], rows[rows["state"] != state.actor]
    labels, name = _labels(data), _name(state)
    years = {int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim[said.end():])} if not period else set()
    when = (f" in {period[0]}" if period and period[0] == period[1] else f" from {period[0]} to {period[1]}" if period
            else "")
    if own.empty:
        changes = _changes(data)
        ended = changes[(changes["state"] == state.actor) & changes["kind"].isin(KINDS[act])]
        mine = (f"for {name} it has {_titled(ended.merge(data.events[['event_id', 'title']], on='event_id'))}"
                if not ended.empty else f"it records no time {name} {act} Moscow{when}")
    else:
        mine = f"{name} {act} Moscow {_said([(str(r.date_text), r.event_id) for r in own.head(1).itertuples()])}"
    if said.group("rank").lower() == "first":
        earlier = others[others["date"] < own["date"].min()] if not own.empty else others
        wrong_year = not own.empty and years and int(own["date"].iloc[0].year) not in years
        if earlier.empty and not own.empty and not wrong_year:
            return None
        if earlier.empty and own.empty:
            return None  # no such act at all in the data: nothing to rank against
        year = f", not in {' or '.join(map(str, sorted(years)))}" if wrong_year else ""
        if earlier.empty:  # first indeed, but not in the year the claim gives
            return (f"Your claim says {name} was the first state to {_infinitive(act)} Moscow in "
                    f"{' or '.join(map(str, sorted(years)))}, but the data records that {mine}{year}. Check the "
                    "year against the events in data/events.csv.")
        first = earlier.head(1)
        return (f"Your claim says {name} was the first state to {_infinitive(act)} Moscow ('{said.group(0).strip()}'). "
                f"In the data the first state to do so was {labels.get(first['state'].iloc[0], first['state'].iloc[0])}: "
                f"{_titled(first)}; {mine}{year}. Check the order in the table `changes` and in data/events.csv.")
    wrong_year = ever and not own.empty and years and int(own["date"].iloc[0].year) not in years
    if others.empty and not own.empty and not wrong_year:
        return None
    year = f", not in {' or '.join(map(str, sorted(years)))}" if wrong_year else ""
    listed = _titled(others.head(2)) if not others.empty else ""
    apart = [str(r.reason).rstrip('.') for r in others.head(2).itertuples() if not bool(r.counted)]
    listed += (f", a break all the same, though the kit does not count it for its state ({'; '.join(apart)})"
               if apart else "")
    one = "state" if STATE_WORD.search(said.group(0)) else "one"
    return (f"Your claim says {name} was the only {one} {'ever ' if ever else ''}to {_infinitive(act)} Moscow{when} "
            f"('{said.group(0).strip()}'), but "
            + (f"the data also records {listed}" + ("" if own.empty else f", and {mine}{year}") if listed
               else f"{mine}{year}")
            + ". Check your claim against the events in data/events.csv.")


def first_lapse_unjudged(claim: str, data) -> list[str]:
    """What "<state> was the first to break off relations with Moscow" leaves unjudged when the data ends a state's
    relations earlier by a lapse, with no formal break (Albania's of December 1924): the check ranks only the acts
    whose title says "breaks off", so it says which end of relations came first and leaves the word to the student."""
    said = RANKED.search(claim)
    if said is None or said.group("rank").lower() != "first" or HYPOTHETICAL.search(claim):
        return []
    act = next(a for i, a in enumerate(RANKED_ACTS) if said.group(f"a{i}"))
    if act != "broke off relations with" or first_or_only(claim, data):
        return []
    state = _subject(claim, said.start(), data)
    if state is None:
        return []
    ranked = _ranked_rows(act, data)
    own = ranked[ranked["state"] == state.actor]
    if own.empty:
        return []
    changes = _changes(data)
    ended = changes[changes["kind"].isin(KINDS[act]) & changes["counted"].astype(bool)
                    & ~changes["event_id"].isin(ranked["event_id"]) & (changes["date"] < own["date"].min())]
    if ended.empty:
        return []
    events = data.events.set_index(data.events["event_id"].astype(str))
    r = ended.sort_values("date").iloc[0]
    return [f"whether {_name(state)} was the first to break off relations: the data ends {_labels(data).get(r['state'], r['state'])}'s "
            f"relations with Moscow earlier, '{events.loc[r['event_id'], 'title']}' ({_spoken(str(r['date_text']))}, "
            f"{r['event_id']}), a lapse with no formal break. The check counted only formal breaks, so decide whether "
            "that lapse counts"]


MONTH_YEAR = lazy(r"\bin\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                 r"December)\s+(1[89]\d\d)\b")


EVER = lazy(r"\bever\b", re.IGNORECASE)  # "the only state that ever broke off relations": any year of the data


def _only_period(text: str) -> tuple[int, int] | None:
    """The years an "only"/"alone" claim is read for: as _period, or the year of "in May 1927"."""
    month = MONTH_YEAR.search(text)
    return _period(text) or ((int(month.group(1)),) * 2 if month else None)


def _only_among(claim: str, said, state) -> str:
    """The words that make "only"/"alone" a rank among some states ("among the great powers, Britain alone",
    "of the European powers"), which the data does not class; empty when there are none."""
    head = claim[:state.start] if state.start < said.start() else ""
    among = re.search(r"\b(?:among|of)\s+(?:the\s+)?(?P<what>(?:[\w-]+\s+){0,2}?(?:powers?|states|countries|nations))\b",
                      head, re.IGNORECASE)
    if among is not None:
        return among.group("what")
    region = re.search(r"^[^,;]*?\b(?:in|of)\s+(?:the\s+)?(?P<what>(?:[A-Z][\w-]*\s+){0,2}?(?:America|Europe|Asia|Africa|"
                       r"East|West|World)|(?:[\w-]+\s+){0,2}?(?:powers|states|countries|nations))\b", claim[said.end():])
    if region is not None:  # "the only state that broke off relations in Latin America": a rank in a region
        return "states of " + region.group("what") if region.group("what")[0].isupper() else region.group("what")
    what = " ".join((said.groupdict().get("what") or "").split())
    return what if said.group("rank").lower() == "only" and AMONG.search(what) else ""


def only_unjudged(claim: str, data) -> list[str]:
    """What "<state> alone (the only state to) broke off relations" leaves unjudged: a rank among states the data
    does not class ("the great powers"), or another break in the claim's years that the kit does not count as a
    state's (Nanjing's of December 1927), with the kit's own reason."""
    said = RANKED.search(claim) or ALONE.search(claim)
    if said is None or said.group("rank").lower() not in ("only", "alone") or HYPOTHETICAL.search(claim):
        return []
    state = _subject(claim, said.start(), data)
    if state is None:
        return []
    act = next(a for i, a in enumerate(RANKED_ACTS) if said.group(f"a{i}"))
    name, among = _name(state), _only_among(claim, said, state)
    among = among if among.endswith("s") or not among or " of " in among else among + "s"  # "the only great power": the great powers
    if among:
        return [f"whether {name} alone among the {among} {act} Moscow: the data does not class which states were "
                f"the {among}, so the check did not judge the rank"]
    period = _only_period(claim[said.end():])
    if EVER.search(said.group(0)) and period and period[0] == period[1]:
        period = None  # as first_or_only: "ever" reads every year
    rows = _ranked_rows(act, data)
    rows = rows[rows["date"].dt.year.between(*period)] if period else rows
    month = MONTH_YEAR.search(claim[said.end():])
    if month and not _period(claim[said.end():]):  # "in May 1927": that month's breaks only
        rows = rows[rows["date"].dt.strftime("%B %Y") == month.group(0).split(None, 1)[1]]
    apart = rows[~rows["counted"].astype(bool) & (rows["state"] != state.actor)]
    return [f"whether {name} alone {act} Moscow: the data also has {r.event_id} ({_spoken(str(r.date_text))}), "
            f"which the kit does not count as its state's ('{str(r.reason).rstrip('.')}')"
            for r in apart.itertuples()]


# "Finland was the first state to make peace with Soviet Russia": the data's peaces with Moscow, earliest first
FIRST_PEACE = lazy(r"\b(?:was|were|became|is)\s+(?:the\s+)?(?:very\s+)?first(?P<what>(?:\s+(?!to\b)[\w-]+){0,3}?)"
                   r"\s+to\s+(?:make|sign|conclude)\s+(?:a\s+)?(?:separate\s+)?peace\b", re.IGNORECASE)


def first_peace(claim: str, data) -> str | None:
    """"<state> was the first state to make peace with Moscow": the data's peaces with Moscow (acts_named.PEACE),
    earliest first; refused with the first of them and the state's own when another came before it."""
    from . import acts_named

    said = FIRST_PEACE.search(claim)
    if said is None or HYPOTHETICAL.search(claim) or set(said.group("what").lower().split()) - {"state", "country", "nation"}:
        return None  # "the first Baltic state": a rank among some states, which the data does not class
    state = _subject(claim, said.start(), data)
    if state is None:
        return None
    peaces = {s: acts_named.state_acts(s, "made peace", data) for s in set(_state_names(data).values())}
    own = peaces.get(state.actor)
    if own is None or own.empty:
        return None  # no peace of that state in the data: nothing to rank
    mine = own.iloc[0]
    earlier = sorted(((r["date"], r["event_id"], r["title"], _spoken(str(r["date_text"]))) for s, rows in peaces.items()
                      if s != state.actor for _, r in rows.iterrows() if r["date"] < mine["date"]))
    if not earlier:
        return None
    shown = "; ".join(f"'{title}' ({day}, {event})" for _, event, title, day in earlier[:3])
    return (f"Your claim says {_name(state)} was the first state to make peace with Moscow ('{said.group(0).strip()}'). "
            f"The data records {len(earlier)} peace{'s' if len(earlier) != 1 else ''} with Moscow before {_name(state)}'s, "
            f"the first of them {shown}{' …' if len(earlier) > 3 else ''}; {_name(state)}'s is '{mine['title']}' "
            f"({_spoken(str(mine['date_text']))}, {mine['event_id']}). Check the order against data/events.csv.")


# "Estonia was the first state ever to sign a treaty with Soviet Russia": the data's treaties with Moscow, earliest
# first. Only Soviet Russia (Moscow, the Soviets, the Bolsheviks), never "the USSR", a state founded in December 1922.
FIRST_TREATY = lazy(r"\b(?:was|were|became|is)\s+(?:the\s+)?(?:very\s+)?first(?P<what>(?:\s+(?!to\b|ever\b)[\w-]+)"
                          r"{0,3}?)\s+(?:ever\s+)?to\s+(?:sign|conclude|make)\s+(?:a|any)\s+(?:[\w-]+\s+)?"
                          r"(?:treaty|agreement)\s+with\s+(?:soviet\s+russia|moscow|the\s+soviets|the\s+bolsheviks|"
                          r"the\s+rsfsr)\b", re.IGNORECASE)
TREATY_TITLE = lazy(r"\b(?:treaty|treaties|agreements?|convention|peace|pact|protocol)\b", re.IGNORECASE)


def _treaties(data) -> pd.DataFrame:
    """The data's treaties of a state with Moscow, earliest first: the events between a state (or its government)
    and Moscow's side whose kind is a treaty or whose title names one ("Treaty of Tartu", "trade agreement")."""
    from .recognition import MOSCOW, state_of

    states = state_of(data.actors)
    events = data.events
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    rows = []
    for row in events.sort_values("date").itertuples():
        sides = [str(row.actor), str(row.counterpart)]
        other = [a for a in sides if states.get(a) not in MOSCOW]
        if len(other) != 1 or len(set(sides) - set(other)) != 1 or states.get(other[0]) is None \
                or kinds.get(other[0]) not in ("state", "government"):
            continue
        if str(row.kind) == "treaty" or TREATY_TITLE.search(str(row.title)):
            rows.append((row.date, states[other[0]], row.event_id, str(row.title), str(row.date_text)))
    return pd.DataFrame(rows, columns=["date", "state", "event_id", "title", "date_text"])


# what makes "the first state ever to sign a treaty" a narrower first: a peace recognising the state's independence,
# with a border state, after the Civil War
TREATY_QUALIFIED = lazy(r"\brecogni[sz]\w*\s+(?:its|their|her|\w+(?:'s|’s))\s+independence|\bindependen\w*\s+"
                        r"(?:was\s+)?recogni[sz]|\bborder\b|\bcivil\s+war\b", re.IGNORECASE)


def first_treaty_unjudged(claim: str, data) -> list[str]:
    """What "<state> was the first state ever to sign a peace treaty with Soviet Russia recognising its
    independence" leaves unjudged: the data does not class treaties by what they recognised; its first treaty of a
    state with Moscow and the state's own are named, with the sentence of the state's that calls it a first."""
    said = FIRST_TREATY.search(claim)
    qualified = TREATY_QUALIFIED.search(claim[said.end():]) if said else None
    state = _subject(claim, said.start(), data) if qualified else None
    treaties = _treaties(data) if state else pd.DataFrame()
    if state is None or treaties.empty:
        return []
    first, own = treaties.iloc[0], treaties[treaties["state"] == state.actor]
    events = data.events.set_index(data.events["event_id"].astype(str))
    told = [t.strip() for t in re.split(r"(?<=\.)\s+", str(events.at[own.iloc[0]["event_id"], "description"]))
            if re.search(r"\bfirst\b", t)] if not own.empty else []
    return [f"whether {_name(state)} was the first state to sign such a treaty ('{qualified.group(0).strip()}'): the "
            f"data does not class treaties by "
            f"what they recognised; its first treaty of a state with Moscow is '{first['title']}' "
            f"({_spoken(first['date_text'])}, {first['event_id']})"
            + (f", and its text on {own.iloc[0]['event_id']} says: \"{told[0]}\"" if told else "")]


def first_treaty(claim: str, data) -> str | None:
    """"<state> was the first state ever to sign a treaty with Soviet Russia": the data's first treaty of a state
    with Moscow (_treaties) must be that state's; a year given with it must be the year of that state's first."""
    said = FIRST_TREATY.search(claim)
    if said is None or HYPOTHETICAL.search(claim) or set(said.group("what").lower().split()) - {"state", "country", "nation"}:
        return None  # "the first great power", "the first Baltic state": a rank the data does not class
    state = _subject(claim, said.start(), data)
    if state is None or TREATY_QUALIFIED.search(claim[said.end():]):
        return None  # "recognising its independence": first_treaty_unjudged() says what the data does not rank
    treaties = _treaties(data)
    own = treaties[treaties["state"] == state.actor]
    if treaties.empty:
        return None
    first = treaties.iloc[0]
    years = {int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim)}
    wrong_year = bool(years) and not own.empty and int(own.iloc[0]["date"].year) not in years
    if first["state"] == state.actor and not wrong_year:
        return None
    name = _name(state)
    mine = (f"{name}'s first is '{own.iloc[0]['title']}' ({_spoken(own.iloc[0]['date_text'])}, {own.iloc[0]['event_id']})"
            if not own.empty else f"it records no treaty of {name} with Moscow")
    year = f", not of {' or '.join(map(str, sorted(years)))}" if wrong_year else ""
    return (f"Your claim says {name} was the first state to sign a treaty with Moscow ('{said.group(0).strip()}'). "
            f"The first treaty of a state with Moscow in the data is '{first['title']}' ({_spoken(first['date_text'])}, "
            f"{first['event_id']}); {mine}{year}. Check the order against data/events.csv.")


def _infinitive(act: str) -> str:
    """"broke off relations with" as "break off relations with"."""
    return {"broke off relations with": "break off relations with",
            "restored relations with": "restore relations with"}[act]


POWER = lazy(r"\b(?:great|major)\s+powers?\b", re.IGNORECASE)


def _region_named(what: str, data) -> tuple[str | None, str]:
    """(region id of actors.csv, "in the Americas") when the words of a rank name one of the data's regions ("the
    first state in the Americas", "the first European state"); (PART, "") when they name a part of one ("the first
    South American state"); (None, "") otherwise."""
    for region in sorted(set(data.actors["region"].dropna().astype(str))):
        word = region.replace("_", " ")
        forms = {word, word.rstrip("s"), word.rstrip("s") + "n", word.rstrip("e") + "ean"}
        if re.search(rf"\b{PART_OF}(?:{'|'.join(map(re.escape, sorted(forms)))})\b", what, re.IGNORECASE):
            return PART, ""
        if re.search(rf"\b(?:{'|'.join(map(re.escape, sorted(forms)))})\b", what, re.IGNORECASE):
            return region, f"in {'the ' if word.endswith('s') or ' ' in word else ''}{word.title()}"
    return None, ""


def _first_power(claim: str, said: re.Match, data) -> str | None:
    """"France was the first great power to recognise the USSR": the data does not class states, but its own texts
    say which was first among the great powers; refused, with those sentences, when they neither have the state as
    the event's actor nor name it ("the first great power after Germany")."""
    if not POWER.search(said.group("what") or said.group("what2") or ""):
        return None  # "the first Western state": a rank the data's texts do not give
    found = _states(claim, data)
    state = (next((m for m in found if m.start >= said.start("after")), None) if said.group("after")
             else _subject(claim, said.start(), data))
    if state is None:
        return None
    names = [n for n, s in _state_names(data).items() if s == state.actor]
    kinds = data.events["kind"].astype(str).str.contains("recognition") & ~data.events["kind"].astype(str).str.contains("withdrawn")
    quoted = []
    for row in data.events[kinds].sort_values("date").itertuples():
        for sentence in re.split(r"(?<=[.;])\s+", str(getattr(row, "description", "") or "")):
            if not POWER.search(sentence) or not re.search(r"\bfirst\b", sentence, re.IGNORECASE):
                continue
            if str(row.actor) == state.actor or any(re.search(rf"\b{re.escape(n)}\b", sentence, re.IGNORECASE)
                                                    for n in names):
                return None
            quoted.append(f"\"{sentence.rstrip('.;')}\" ({row.event_id}, {_spoken(str(row.date_text))})")
    if not quoted:
        return None
    name = _labels(data).get(state.actor, state.typed)
    return (f"Your claim says {name} was the first great power to recognise Moscow ('{said.group(0).strip()}'). "
            f"The data says: {'; and: '.join(quoted)}. Check the order in the table `changes` and in "
            "data/events.csv.")


ALL_ALONG = lazy(r"\b(?:throughout|all\s+through|all\s+along|at\s+all\s+times|without\s+(?:a\s+)?break|"
                 r"uninterrupted\w*|continuous\w*|(?:for\s+)?the\s+(?:whole|entire)\s+(?:decade|period|time|"
                 r"of\s+the\s+(?:19)?20s|twenties))\b", re.IGNORECASE)
TIES = lazy(r"\b(?:relations|ties|diplomatic\s+links?|embass(?:y|ies))\b", re.IGNORECASE)
EXCEPT = lazy(r"\b(?:except|apart\s+from|save\s+for|but|though|although|until|till|broke|break\w*|broken|"
              r"sever\w*|cut|not|never|n't|no)\b", re.IGNORECASE)


def kept_throughout(claim: str, data, start: str, end: str) -> str | None:
    """"<state> kept relations with Moscow throughout the 1920s": the data's breaks of that state's relations
    in those years (the exercise's years when the claim names none)."""
    along = ALL_ALONG.search(claim)
    if along is None or not TIES.search(claim) or EXCEPT.search(claim) or HYPOTHETICAL.search(claim):
        return None
    state = _subject(claim, along.start(), data)
    if state is None:
        return None
    lo, hi = _period(claim) or (pd.Timestamp(start).year, pd.Timestamp(end).year)
    changes = _changes(data)
    broken = changes[(changes["state"] == state.actor) & (changes["kind"] == "relations_broken")
                     & changes["date"].dt.year.between(lo, hi)].sort_values("date")
    if broken.empty:
        return None
    name = _name(state)
    listed = " and ".join(f"{r.event_id} ({_spoken(str(r.date_text))})" for r in broken.head(2).itertuples())
    return (f"Your claim says {name}'s relations with Moscow held from {lo} to {hi} ('{along.group(0)}'), but the "
            f"data records a break of them in those years: {listed}. Check your claim year by year against the "
            "events in data/events.csv.")


NO_HELP = lazy(
    r"\b(?:never|not\s+ever|at\s+no\s+(?:point|time))\s+(?:once\s+|really\s+|actually\s+|again\s+)?(?P<verb>help\w*|aid\w*|"
    r"support\w*|arm\w*|fund\w*|financ\w*|back\w*|advis\w*|assist\w*|gave|sent|offered|provided|supplied|received|got|had|was\s+given|were\s+given)\b"
    r"|\b(?:gave|sent|offered|provided|supplied|was)\s+no\s+(?:\w+\s+)?(?:help|aid|arms|money|support|advisers|assistance)\b"
    r"|\bno\s+(?:\w+\s+)?(?:help|aid|arms|money|support|advisers|assistance)\s+(?:from|to)\b", re.IGNORECASE)
RECEIVED = lazy(r"\b(?:received|got|had|was\s+given|were\s+given|took)\b", re.IGNORECASE)
HELPING = ("aid", "military_cooperation", "mission")


def never_helped(claim: str, data) -> str | None:
    """"Moscow never gave the Kuomintang any help": the data's cooperative acts of the one side towards the
    other (aid, arms, advisers, missions), in the years the claim names, if any."""
    said = NO_HELP.search(claim)
    if said is None or HYPOTHETICAL.search(claim):
        return None
    found = ties_said.mentions(claim, ties_said.actor_names(data.actors))
    before = [m for m in found if m.end <= said.start()]
    after = [m for m in found if m.start >= said.end() - len(said.group(0).split()[-1])]
    if not before or not after:
        return None
    giver, taker = before[-1], after[0]
    if RECEIVED.search(claim, before[-1].end, said.end()) or re.match(r"\s*from\b", claim[said.end():after[0].start]):
        giver, taker = after[0], before[-1]  # "the Kuomintang never received help from Moscow"
    if ties_said._same(giver.actor, taker.actor):
        return None
    family = ties_said._family(data)
    events = data.events
    rows = events[events["actor"].astype(str).isin(family.get(giver.actor, {giver.actor}))
                  & events["counterpart"].astype(str).isin(family.get(taker.actor, {taker.actor}))
                  & events["kind"].astype(str).isin(HELPING) & (events["tone"].astype(str) == "cooperative")]
    period = _period(claim)
    if period:
        rows = rows[rows["date"].dt.year.between(*period)]
    labels = _labels(data)
    through = ""
    if rows.empty:  # a person helped through the body they served: help to their party whose text names them
        rows, through = _help_naming(data, giver.actor, taker.actor, family, period)
    if rows.empty:
        return None
    who = "Moscow" if giver.actor in ties_said.SOVIET else labels.get(giver.actor, giver.typed)
    listed = "; ".join(f"{r.event_id} ({_spoken(str(r.date_text))})" for r in rows.sort_values("date").head(3).itertuples())
    whom = labels.get(taker.actor, taker.typed)
    if through:
        return (f"Your claim says {who} gave {whom} no help ('{said.group(0)}'), but the data records "
                f"{len(rows)} act{'s' if len(rows) != 1 else ''} of help from {who} to {through}, where data/actors.csv "
                f"puts {whom}, and {'it names' if len(rows) == 1 else 'they name'} {whom}: {listed}. Read {'them' if len(rows) != 1 else 'it'} "
                f"in data/events.csv, then say what the help was and what {whom} did in it.")
    return (f"Your claim says {who} gave {whom} no help ('{said.group(0)}'), but "
            f"the data records {len(rows)} act{'s' if len(rows) != 1 else ''} of help from one to the other: "
            f"{listed}. Read {'them' if len(rows) != 1 else 'it'} in data/events.csv, then say what the help was.")


def _help_naming(data, giver: str, person: str, family, period) -> tuple[pd.DataFrame, str]:
    """The giver's acts of help to the body a person belongs to (actors.csv) whose title or description names the
    person ("Whampoa ... with Chiang Kai-shek as commandant"), and that body's label; empty when none."""
    actors = data.actors.set_index(data.actors["actor_id"].astype(str))
    if person not in actors.index or str(actors.loc[person, "kind"]) != "person":
        return data.events.iloc[0:0], ""
    body = str(actors.loc[person, "belongs_to"]) if pd.notna(actors.loc[person, "belongs_to"]) else ""
    if not body:
        return data.events.iloc[0:0], ""
    name = str(actors.loc[person, "name"])
    events = data.events
    text = events["title"].astype(str) + " " + events["description"].fillna("").astype(str)
    rows = events[events["actor"].astype(str).isin(family.get(giver, {giver}))
                  & events["counterpart"].astype(str).isin(family.get(body, {body}))
                  & events["kind"].astype(str).isin(HELPING) & (events["tone"].astype(str) == "cooperative")
                  & text.str.contains(re.escape(name), regex=True)]
    if period:
        rows = rows[rows["date"].dt.year.between(*period)]
    return rows, _labels(data).get(body, body)


LAST = lazy(r"\b(?:was|were|became|is)\s+(?:the\s+)?(?:very\s+)?last(?P<what>(?:\s+(?!to\b)[\w-]+){0,5}?)\s+to\s+"
            + RECOGNISE, re.IGNORECASE)


def last_to_recognise(claim: str, data, cited=()) -> str | None:
    """"<state> was the last state to recognise the USSR": the data's recognitions after that state's (in law,
    unless the claim says in practice; in the years the claim names, if it names a span). "The last great power":
    the data does not class states, so only a later recognition the student cites is held against it."""
    said = LAST.search(claim)
    if said is None or HYPOTHETICAL.search(claim):
        return None
    state = _subject(claim, said.start(), data)
    if state is None:
        return None
    first = first_recognitions(data)
    level = "de_facto" if IN_PRACTICE.search(claim) else "de_jure"
    own = first.get(state.actor, {}).get(level) or first.get(state.actor, {}).get("de_facto")
    if own is None:
        return None  # no recognition by that state: another rule says what the data has
    span = _period(claim[said.end():])
    later = sorted((day, s, e) for s, dates in first.items() if s != state.actor for lv, (day, e) in dates.items()
                   if lv == level and day > own[0] and not (span and span[1] < 9999 and int(day[:4]) > span[1]))
    if AMONG.search(said.group("what") or ""):
        later = [(day, s, e) for day, s, e in later if e in set(cited)]  # the student's own evidence of a later one
    if not later:
        return None
    labels, name = _labels(data), _name(state)
    listed = "; ".join(f"{labels.get(s, s)} on {_spoken(day)} ({e})" for day, s, e in later[:3])
    how = "in law (de jure)" if level == "de_jure" else "in practice (de facto)"
    whose = "your own evidence has" if AMONG.search(said.group("what") or "") else f"the data has {len(later)}"
    return (f"Your claim says {name} was the last to recognise Moscow ('{said.group(0).strip()}'): {name} recognised "
            f"it {how} on {_spoken(own[0])} ({own[1]}), but {whose} later recognition{'s' if len(later) != 1 else ''} "
            f"{how}: {listed}. Check the order in the table `changes` and in data/events.csv.")


# "Every state that broke off relations with Moscow restored them by 1929": each break against a later restoration
EVERY_RESTORED = lazy(
    r"(?<!\bnot )\b(?:every|each|all(?:\s+the)?|any)\s+(?:\w+\s+)?(?:states?|countr(?:y|ies)|governments?|nations?|"
    r"powers?)\s+(?:that|which|who)?\s*(?:had\s+)?(?:broke|broken|cut|severed)\b[^.;]*?\b(?:restor\w*|renew\w*|resum\w*|"
    r"re-?establish\w*|mended|repaired)\b"
    r"|(?<!\bnot )\b(?:every|each|all(?:\s+the)?)\s+breaks?\b[^.;]*?\b(?:mended|restored|healed|repaired|undone|reversed)\b",
    re.IGNORECASE)


def every_break_restored(claim: str, data) -> str | None:
    """"Every state that broke off relations with Moscow restored them (by 1929)": the breaks a state made (up to that
    year), each whose own title says a break and whose actor is not Moscow (as `_ranked_rows` reads them), with no
    restoration after them by that year. "Every break was mended": every end of relations the kit counts, each said
    with its doer as the data has it: a state's break, Moscow's own break, or an end no title calls a break."""
    from .recognition import MOSCOW

    said = EVERY_RESTORED.search(claim)
    if said is None or HYPOTHETICAL.search(claim) or re.search(r"\b(?:except|apart\s+from|save|but\s+not|other\s+than)\b",
                                                                claim, re.IGNORECASE):
        return None
    by = re.search(r"\b(?:by|before|until|till)\s+(1[89]\d\d)\b", claim[said.start():], re.IGNORECASE)
    limit = int(by.group(1)) - (1 if by.group(0).lower().startswith("before") else 0) if by else 9999
    changes = _changes(data)
    counted = changes[changes["counted"]].sort_values("date")
    events = data.events.set_index(data.events["event_id"].astype(str))
    by_states = not re.match(r"(?:every|each|all(?:\s+the)?)\s+breaks?\b", said.group(0), re.IGNORECASE)
    breaks = counted[(counted["kind"] == "relations_broken") & (counted["date"].dt.year <= limit)]
    if by_states:  # "every state that broke off": only a break that state made
        breaks = breaks[breaks["event_id"].isin(set(_ranked_rows("broke off relations with", data)["event_id"]))]
    labels, titled = _labels(data), re.compile(ACTS["broke off relations with"], re.IGNORECASE)
    open_breaks = []
    for row in breaks.itertuples():
        back = counted[(counted["state"] == row.state) & (counted["kind"] == "relations_restored")
                       & (counted["date"] > row.date)]
        if back.empty or back["date"].dt.year.min() > limit:
            again = (f", restored only on {_spoken(str(back.iloc[0]['date_text']))} ({back.iloc[0]['event_id']})"
                     if not back.empty else ", with no restoration in the data")
            title, actor = str(events.at[row.event_id, "title"]), str(events.at[row.event_id, "actor"])
            state = labels.get(row.state, row.state)
            doer = ("" if by_states else f"Moscow's own break with {state}, " if actor in MOSCOW
                    else f"{state}'s break, " if titled.search(title)
                    else f"the end of relations with {state}, whose title in the data names no break by either side, ")
            open_breaks.append(f"{doer}'{title}' ({_spoken(str(row.date_text))}, {row.event_id}){again}")
    if not open_breaks:
        return None
    when = f" by {by.group(1)}" if by else ""
    many = len(open_breaks) != 1
    if by_states:
        return (f"Your claim says every state that broke off relations with Moscow restored them{when} "
                f"('{said.group(0).strip()}'), but the data has {len(open_breaks)} break{'s' if many else ''} made by "
                f"a state that {'were' if many else 'was'} not mended{when}: {'; '.join(open_breaks)}. Check each "
                "state's rows in the table `changes`.")
    return (f"Your claim says every break of relations with Moscow was mended{when} ('{said.group(0).strip()}'), but "
            f"the data has {len(open_breaks)} end{'s' if many else ''} of relations that {'were' if many else 'was'} "
            f"not: {'; '.join(open_breaks)}. Check each state's rows in the table `changes`.")


def read(claim: str, data, start: str, end: str, cited=()) -> str | None:
    """The first refusal of the rules above, or None."""
    text = " ".join(claim.split())
    return (first_to_recognise(text, data) or nobody_before(text, data) or first_or_only(text, data)
            or first_peace(text, data) or first_treaty(text, data) or last_to_recognise(text, data, cited)
            or held_until(text, data) or never_did(text, data) or never_peace(text, data) or all_kept(text, data)
            or every_break_restored(text, data)
            or kept_throughout(text, data, start, end) or never_helped(text, data))
