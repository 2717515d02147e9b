"""A government said to act before the data founds it, or after it ends ("Chiang's Nanjing government seized the
British concession at Hankow in January 1927": data/actors.csv starts the Nanjing government on 18 April 1927).

Only a government named as one ("the Nanjing government", "the Wuhan government") is read, as the doer of its
clause: a city's bare name is also a place ("Wuhan fell in October 1926"), and a party's wing ("the left
Kuomintang") is older than the government it later formed. The act's date is the clause's own month and year, or its
year alone, narrowed to a day where the clause writes one or names an event the data dates to a day of that month
("ordered the Shanghai massacre in April 1927" is 12 April, before Nanjing's 18 April); a denied or hypothetical clause, or one that speaks of the founding itself (agents.founded_when), is
not read. The refusal gives the data's founding (or end) date and the cited events of the month said, with their
doers, so that the student can see who acted then.
"""

from __future__ import annotations

import re

import pandas as pd

from . import act_dates, acts_named, checks, claim_people, ties_said
from .patterns import lazy

GOVERNMENT = lazy(r"\b(?:government|regime|cabinet)\b", re.IGNORECASE)
# the doer: nothing but a possessive or an article before it in its clause ("Chiang's Nanjing government", "the ...")
SUBJECT_BEFORE = lazy(r"^\W*(?:(?i:in|on|by)\s+(?:early|late|mid-?)?\s*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?1[89]\d\d\s*,?\s*)?"
                      r"(?:(?:(?i:the|a|its|his|their)|[A-Z][\w-]*(?:'s|’s))\s+)*$")
# an act, not a state of being or a founding: a past verb straight after the name ("seized", "broke", "took")
ACTED = lazy(r"\s*(?:then\s+|also\s+|soon\s+|quickly\s+)?(?!was\b|were\b|had\s+been\b)([a-z]{3,}ed|took|broke|"
             r"sent|gave|made|struck|fought|seized|won|led|cut|met|held|drove|threw|kept|began|ran|set\s+up)\b",
             re.IGNORECASE)
FOUNDING = lazy(r"\b(?:founded|formed|set\s+up|proclaimed|established|inaugurated|created|born)\b", re.IGNORECASE)
AHEAD = lazy(r"\b(?:before|until|till|ahead\s+of|earlier\s+than)\b", re.IGNORECASE)


# a verb of answering an act, not doing it: "condemned the Shanghai massacre" may come after the massacre
ANSWERED = lazy(r"(?:condemn|denounc|protest|mourn|prais|blam|investigat|remember|commemorat|welcom|answer|"
                r"react|recogni[sz]|regrett|deplor|justifi)", re.IGNORECASE)


def _to_the_day(part: str, done: str, verb: str, when: tuple, data, cited) -> tuple:
    """The day a clause dates its act to, where it says one: a day it writes ("on 12 April 1927"), else the day of
    the event its act names ("ordered the Shanghai massacre in April 1927": 12 April), if the data dates that
    event to a day within the clause's month; else `when` as it was (a month or a year)."""
    if not when[3]:
        return when
    for found in act_dates.MONTH.finditer(part):
        day = found.group("day") or found.group("day2")
        if day and found.group("year") and act_dates.MONTHS.index(found.group("month")) + 1 == when[0].month:
            stamp = pd.Timestamp(int(found.group("year")), when[0].month, int(day))
            return stamp, stamp, claim_people._spoken(stamp), True
    if ANSWERED.match(verb):
        return when
    rows = acts_named.named(done, data, [when[0].year], cited)
    rows = rows[rows["date"].between(when[0], when[1])]
    if len(rows) != 1:
        return when
    row = rows.iloc[0]
    first, last = acts_named.period(row)
    if first != last:  # the data dates it to the month only: the clause's month is all that can be read
        return when
    return first, last, f"{claim_people._spoken(first)}, the day of '{row['title']}' ({row['event_id']})", True


# "Chiang Kai-shek's government": a government named by the person whose government data/actors.csv's note says it was
LED_BY = lazy(r"\b(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+(?:(?:Nationalist|new|own)\s+)?government\b")


def _led_by(claim: str, actors) -> list:
    """The governments the claim names by a person ("Chiang Kai-shek's government"), as mentions of the one
    government whose note in data/actors.csv opens with that person's government; none when no note, or two, do."""
    found = []
    governments = actors[actors["kind"].astype(str) == "government"]
    for said in LED_BY.finditer(claim):
        who = said.group("who")
        mine = [str(a) for a, note in zip(governments["actor_id"], governments["note"].fillna("").astype(str))
                if re.match(rf"{re.escape(who)}['’]s\s+(?:\w+\s+)?government\b", note)]
        if len(mine) == 1:
            found.append(ties_said.Mention(said.start(), said.end(), said.group(0), mine[0]))
    return found


def read(claim: str, data, cited=()) -> str | None:
    actors = data.actors
    if "start_date" not in actors:
        return None
    ids = actors["actor_id"].astype(str)
    starts = dict(zip(ids, pd.to_datetime(actors["start_date"], errors="coerce")))
    ends = dict(zip(ids, pd.to_datetime(actors.get("end_date", pd.Series(index=actors.index, dtype=str)), errors="coerce")))
    labels = dict(zip(ids, actors["name"].astype(str)))
    kinds = dict(zip(ids, actors["kind"].astype(str)))
    found = ties_said.mentions(claim, ties_said.actor_names(actors)) + _led_by(claim, actors)
    events = data.events.assign(event_id=data.events["event_id"].astype(str))
    for begin, finish, _ in ties_said._clauses(claim):
        part = claim[begin:finish]
        if ties_said.HYPOTHETICAL.search(part) or ties_said.DENIED.search(part) or re.search(r"n't|\bnot\b|\bnever\b", part):
            continue
        for body in (m for m in found if begin <= m.start and m.end <= finish and GOVERNMENT.search(m.typed)):
            start, end = starts.get(body.actor), ends.get(body.actor)
            act = ACTED.match(claim, body.end, finish)
            if act is None or FOUNDING.match(act.group(1)) or AHEAD.search(part[body.end - begin:]):
                continue
            if not SUBJECT_BEFORE.match(claim[begin:body.start]):
                continue
            when = act_dates.month_or_year(part)
            if when is None:
                continue
            early = pd.notna(start) and when[1] < start
            late = pd.notna(end) and when[0] > end
            if not (early or late):  # the month straddles the founding (or end): the day, where it can be read
                when = _to_the_day(part, claim[act.start(1):finish], act.group(1), when, data, cited)
                early = pd.notna(start) and when[1] < start
                late = pd.notna(end) and when[0] > end
            if not (early or late):
                continue
            day = start if early else end
            said = " ".join(part[act.start(1) - begin:].split()).rstrip(" ,.")
            month = act_dates.month_or_year(part)
            then = events[events["event_id"].isin(list(cited)) & events["date"].between(month[0], month[1])]
            # the coding, not a deed: the Hankow row's actor is Wuhan's government, its title's doers crowds
            others = [f"'{r.title}' ({claim_people._spoken(r.date)}, {r.event_id}) is coded in data/events.csv with "
                      f"the {labels.get(str(r.actor), str(r.actor))} as its actor" if labels.get(str(r.actor), "").endswith(
                          ("government", ")")) and kinds.get(str(r.actor)) == "government" else
                      f"'{r.title}' ({claim_people._spoken(r.date)}, {r.event_id}) is the act of "
                      f"{checks.with_article(labels.get(str(r.actor), str(r.actor)))}"
                      for r in then.itertuples() if str(r.actor) != body.actor]
            return (f"Your claim makes the {labels[body.actor]} act ('{said}') "
                    f"{'before it existed' if early else 'after it had ended'}: your clause dates the act to "
                    f"{when[2]}, but data/actors.csv {'starts' if early else 'ends'} the {labels[body.actor]} on "
                    f"{claim_people._spoken(day)}."
                    + (f" Of the events you cite, {'; '.join(others)}." if others else "")
                    + " Check who acted then.")
    return None
