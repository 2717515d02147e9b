"""Sweeping claims about Moscow's ties, read against the data's events of their years:

- "Germany never had a quarrel with Moscow in the 1920s": a tie said never to have been hostile is refused when
  the data has hostile events between the two in the years the claim names (the exercise's years if none), with
  the events;
- "Moscow lost all its friends in 1927", "Moscow had no friends left in 1927": refused when the data has
  cooperative events between Moscow and others in that year, with the others and the events.

- "the communists never lost anything by it": a side said never to have lost anything is refused when the data
  has hostile events against it in the years the claim names (the exercise's years if none), with the events;
- "Moscow always kept its allies", "Moscow never lost an ally": refused when the data has, in those years, hostile
  events against Moscow by sides that had been its partners before (a cooperative event with Moscow earlier),
  with the events.
- "Moscow's only partner was Germany", "no other state signed any treaty with it": refused when the data has
  treaties between Moscow and other states in the years the claim names (the exercise's years if none), with
  how many, whose, and the first of them.

- "Only Britain recognised the USSR de jure in 1924", "Britain alone recognised Moscow": refused when the data
  has a recognition by another state in the claim's years (the
  exercise's years if none), with whose and the first of them.

- "The Soviets never recognised anybody themselves": refused with Moscow's own recognitions of other states and
  governments in the data (the Hejaz in 1926).

- "Germany never made any military deal with Moscow", "Germany's first military deal with Moscow was the
  Lipetsk school": refused with the data's military cooperation between the two (kind military_cooperation,
  by the state or a body of it), the earliest first.

A wish ("would never have quarrelled") says nothing here.
"""

from __future__ import annotations

import re

import pandas as pd

from . import ties_said
from .checks import with_article
from .absolutes import _labels, _period
from .misconceptions import _spoken
from .patterns import lazy
from .recognition import state_of

HYPOTHETICAL = lazy(r"\b(would|could|should|might|must)\s+have\b|\bif\b|\bunless\b", re.IGNORECASE)
NEVER_HOSTILE = lazy(
    r"\b(?:never|not\s+once|at\s+no\s+(?:point|time))\s+(?:(?:had|was|were|got|came|went|been|into|to|in|a|any|one|"
    r"single|real|serious)\s+){0,4}(?:quarrel\w*|hostil\w*|enem(?:y|ies)|fought|fight|clash\w*|conflict\w*|"
    r"disput\w*|tensions?|at\s+odds|turned\s+(?:on|against)|attacked)\b", re.IGNORECASE)
NO_FRIENDS = lazy(r"\b(?:lost\s+(?:all|every\s+one)\s+(?:of\s+)?(?:its|their|his)|had\s+no|was\s+left\s+with\s+no|"
                  r"left\s+with\s+no)\s+(?:\w+\s+)?(?:friends?|allies|partners)\b", re.IGNORECASE)


NEVER_LOST = lazy(r"\bnever\s+(?:really\s+)?lost\s+(?:anything|a\s+thing|out|at\s+all)\b"
                  r"|\blost\s+nothing\b", re.IGNORECASE)
KEPT_ALL = lazy(r"\balways\s+kept\s+(?:all\s+)?(?:its|their|his|her)\s+(?:allies|friends|partners)\b"
                r"|\bnever\s+lost\s+(?:an?|any|a\s+single|one)\s+(?:of\s+its\s+)?(?:ally|allies|friends?|partners?)\b"
                r"|\bkept\s+all\s+(?:of\s+)?(?:its|their|his|her)\s+(?:allies|friends|partners)\b", re.IGNORECASE)


def read(claim: str, data, start: str, end: str) -> str | None:
    """The first refusal of the rules (module text), or None."""
    if HYPOTHETICAL.search(claim):
        return None
    return (never_hostile(claim, data, start, end) or no_friends(claim, data) or only_partner(claim, data, start, end)
            or only_one(claim, data, start, end) or never_recognised(claim, data) or military(claim, data)
            or never_lost(claim, data, start, end) or kept_all(claim, data, start, end))


def never_lost(claim: str, data, start: str, end: str) -> str | None:
    """A side said never to have lost anything, against the hostile events done to it (module text)."""
    said = NEVER_LOST.search(claim)
    if said is None:
        return None
    found = ties_said.mentions(claim[:said.start()], ties_said.actor_names(data.actors))
    if not found:
        return None
    side = found[-1]
    own = ties_said._family(data).get(side.actor, {side.actor})
    events = data.events
    lo, hi = _years(claim[said.start():], start, end)
    rows = events[events["counterpart"].astype(str).isin(own) & ~events["actor"].astype(str).isin(own)
                  & (events["tone"].astype(str) == "hostile") & events["date"].dt.year.between(lo, hi)]
    if rows.empty:
        return None
    labels = _labels(data)
    who = "Moscow" if side.actor in ties_said.SOVIET else with_article(labels.get(side.actor, side.typed))
    return (f"Your claim says the {side.typed} {said.group(0)}, but the data has {len(rows)} hostile "
            f"event{'s' if len(rows) != 1 else ''} against {who} in {lo}–{hi}{_among(rows)}: "
            f"{_listed(rows.sort_values('date'))}. Read them, then say what it gained and what it lost.")


def kept_all(claim: str, data, start: str, end: str) -> str | None:
    """Moscow said to have kept every ally, against hostile acts of its former partners (module text)."""
    said = KEPT_ALL.search(claim)
    if said is None:
        return None
    found = ties_said.mentions(claim[:said.start()], ties_said.actor_names(data.actors))
    moscow = ties_said._family(data).get("ussr", {"ussr"}) | set(ties_said.SOVIET)
    if not found or found[-1].actor not in moscow:
        return None
    events = data.events.sort_values("date")
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    lo, hi = _years(claim[said.start():], start, end)
    partners: dict[str, pd.Timestamp] = {}
    for a, c, tone, day in zip(actor, counterpart, events["tone"].astype(str), events["date"]):
        other = c if a in moscow else a if c in moscow else None
        if other and other not in moscow and tone == "cooperative":
            partners.setdefault(other, day)
    family = ties_said._family(data)

    def partner_since(a: str):  # the Nanjing government is a partner as the Kuomintang was: one family
        days = [day for p, day in partners.items() if p == a or a in family.get(p, ()) or p in family.get(a, ())]
        return min(days) if days else None

    since = [partner_since(a) for a in actor]
    turned = events[~actor.isin(moscow) & counterpart.isin(moscow) & (events["tone"].astype(str) == "hostile")
                    & events["date"].dt.year.between(lo, hi)
                    & pd.Series([d is not None and day > d for d, day in zip(since, events["date"])], index=events.index)]
    named = {state_of(data.actors).get(m.actor, m.actor) for m in ties_said.mentions(claim, ties_said.actor_names(data.actors))
             if m.actor not in moscow}
    if named:  # "its allies in China": the partners of the states the claim names
        states = state_of(data.actors)
        turned = turned[[states.get(a, a) in named for a in turned["actor"].astype(str)]]
    if turned.empty:
        return None
    # a break of relations first: the plainest loss of a partner
    turned = turned.assign(_break=turned["kind"].astype(str) != "relations_broken").sort_values(["_break", "date"])
    labels = _labels(data)
    others = dict.fromkeys(labels.get(a, a) for a in turned["actor"].astype(str))
    return (f"Your claim says Moscow {said.group(0)}, but the data has {len(turned)} hostile "
            f"event{'s' if len(turned) != 1 else ''} against Moscow in {lo}–{hi} by sides that had been its partners "
            f"before ({', '.join(others)}){_among(turned)}: {_listed(turned)}. Say which allies Moscow kept, and which it lost.")


def _years(text: str, start: str, end: str) -> tuple[int, int]:
    lo, hi = _period(text) or (pd.Timestamp(start).year, pd.Timestamp(end).year)
    return max(lo, pd.Timestamp(start).year), min(hi, pd.Timestamp(end).year)


def _among(rows: pd.DataFrame) -> str:
    """", among them" when _listed shows only some of the rows."""
    return ", among them" if len(rows) > 3 else ""


def _listed(rows: pd.DataFrame) -> str:
    return "; ".join(f"'{r.title}' ({_spoken(str(r.date_text))}, {r.event_id})" for r in rows.head(3).itertuples())


def never_hostile(claim: str, data, start: str, end: str) -> str | None:
    """A tie said never to have been hostile, against the hostile events between its two sides (module text)."""
    said = NEVER_HOSTILE.search(claim)
    if said is None:
        return None
    found = [m for m in ties_said.mentions(claim, ties_said.actor_names(data.actors))]
    two = [m for m in found if m.end <= said.start()][-1:] + [m for m in found if m.start >= said.end()][:1]
    if len(two) < 2:  # "Germany and Moscow never quarrelled": both before the word
        two = [m for m in found if m.end <= said.start()][-2:]
    if len(two) < 2 or ties_said._same(two[0].actor, two[1].actor):
        return None
    family = ties_said._family(data)
    one, other = (family.get(m.actor, {m.actor}) for m in two)
    events = data.events
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    lo, hi = _years(claim[said.start():], start, end)
    rows = events[((actor.isin(one) & counterpart.isin(other)) | (actor.isin(other) & counterpart.isin(one)))
                  & (events["tone"].astype(str) == "hostile") & events["date"].dt.year.between(lo, hi)]
    if rows.empty:
        return None
    labels = _labels(data)
    a, b = ("Moscow" if m.actor in ties_said.SOVIET else labels.get(m.actor, m.typed) for m in two)
    return (f"Your claim says {a} and {b} were never hostile ('{said.group(0)}'), but the data has "
            f"{len(rows)} hostile event{'s' if len(rows) != 1 else ''} between them in {lo}–{hi}: "
            f"{_listed(rows.sort_values('date'))}. Read {'them' if len(rows) != 1 else 'it'}, then say when the "
            "tie was friendly and when it was not.")


def no_friends(claim: str, data) -> str | None:
    """Moscow said to have lost every friend in a year, against its cooperative events of that year (module text)."""
    said = NO_FRIENDS.search(claim)
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d)\b", claim)]
    if said is None or len(set(years)) != 1:
        return None
    found = ties_said.mentions(claim[:said.start()], ties_said.actor_names(data.actors))
    moscow = ties_said._family(data).get("ussr", {"ussr"})
    if not found or found[-1].actor not in moscow:
        return None
    events = data.events
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    rows = events[(actor.isin(moscow) != counterpart.isin(moscow)) & (events["tone"].astype(str) == "cooperative")
                  & (events["date"].dt.year == years[0])].sort_values("date")
    if rows.empty:
        return None
    labels = _labels(data)
    others = dict.fromkeys(labels.get(c if a in moscow else a, c if a in moscow else a)
                           for a, c in zip(rows["actor"].astype(str), rows["counterpart"].astype(str)))
    return (f"Your claim says Moscow {said.group(0)} in {years[0]}, but the data has {len(rows)} cooperative "
            f"event{'s' if len(rows) != 1 else ''} between Moscow and {len(others)} other{'s' if len(others) != 1 else ''} "
            f"that year ({', '.join(others)}): {_listed(rows)}. Say which ties Moscow lost, and which it kept.")


# "Moscow's only partner was Germany", "no other state signed a treaty with Moscow": Moscow's treaties with one state
# (said of who it was: "lost its only friend" says a loss, which the break checks read)
ONLY = lazy(r"\bonly\s+(?:real\s+|true\s+)?(?:partner|friend|ally)\s+(?:[\w–-]+\s+){0,5}?(?:was|were|remained)\b|"
            r"\b(?:was|were|remained)\s+(?:[\w'’]+\s+){0,2}only\s+(?:real\s+|true\s+)?(?:partner|friend|ally)\b|\bno\s+other\s+(?:state|country|power|"
            r"government)\s+(?:ever\s+)?(?:signed|made|concluded)\s+(?:any|a)\s+(?:treaty|treaties|agreement|pact)",
            re.IGNORECASE)
TREATY_KINDS = ("treaty", "relations_established", "de_facto_recognition", "de_jure_recognition", "relations_restored")


# "among the great powers", "of the Western states": a class of states the data does not draw
CLASSED = lazy(r"\b(?:among|of)\s+(?:the\s+)?(?:great|major|big|western|european|capitalist|leading)\s+"
               r"(?:powers?|states|countries|nations)\b", re.IGNORECASE)


def only_partner_unjudged(claim: str, data) -> list[str]:
    """What "Moscow's only friend among the great powers was Germany" leaves unjudged: the data does not class the
    great powers; when the claim's year is one the network is drawn at the end of, the signs of Moscow's ties then,
    for the student to weigh."""
    from .network_exercises import MOMENTS, _snapshot, _labels as node_labels
    from .network_model import SOVIET

    said = ONLY.search(claim)
    classed = CLASSED.search(claim)
    if said is None or classed is None:
        return []
    years = [y for y in re.findall(r"\b(1[89]\d\d)\b", claim) if y in MOMENTS]
    note = (f"whether it was the only one {' '.join(classed.group(0).split())}: the data does not class which states "
            "were great powers, so the check did not judge the rank")
    if not years:
        return [note]
    graph = _snapshot(data, years[-1])
    labels = node_labels(data)
    signs = {}
    for other in graph[SOVIET]:
        signs.setdefault(graph.edges[SOVIET, other]["sign"], []).append(labels.get(other, other))
    told = "; ".join(f"{sign}: {', '.join(sorted(who))}" for sign, who in sorted(signs.items()))
    return [f"{note}. In the network at the end of {years[-1]} Moscow's ties were {told} "
            f"(G.edges('ussr', data='sign')). Weigh your claim against them"]


def only_partner(claim: str, data, start: str, end: str) -> str | None:
    """Moscow said to have had one partner only, or no treaty with any other state, against the data's treaties
    between Moscow and other states in the claim's years (module text)."""
    from .recognition import state_of

    said = ONLY.search(claim)
    if said is None or re.search(r"\bnot\s+(?:the\s+)?only\b|\bnot\s+its\s+only\b", claim, re.IGNORECASE):
        return None
    if CLASSED.search(claim):
        return None  # "among the great powers": a class the data does not draw (only_partner_unjudged)
    names = ties_said.actor_names(data.actors)
    found = ties_said.mentions(claim, names)
    moscow = ties_said._family(data).get("ussr", {"ussr"})
    states = state_of(data.actors)
    partners = [m for m in found if m.actor not in moscow and states.get(m.actor)]
    if not any(m.actor in moscow for m in found) or len({states[m.actor] for m in partners}) != 1:
        return None  # Moscow and one partner, or the rule cannot tell whose partner is meant
    partner = states[partners[0].actor]
    lo, hi = _years(claim, start, end)
    events = data.events
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    other = [states.get(c if a in moscow else a) for a, c in zip(actor, counterpart)]
    keep = [(a in moscow) != (c in moscow) and o is not None and o != partner and o not in moscow
            for a, c, o in zip(actor, counterpart, other)]
    rows = events[pd.Series(keep, index=events.index) & events["kind"].astype(str).isin(TREATY_KINDS)
                  & events["date"].dt.year.between(lo, hi)].sort_values("date")
    if rows.empty:
        return None
    labels = _labels(data)
    whose = dict.fromkeys(labels.get(states.get(c if a in moscow else a), "") for a, c in
                          zip(rows["actor"].astype(str), rows["counterpart"].astype(str)))
    return (f"Your claim gives Moscow one partner only, {labels.get(partner, partner)} ('{said.group(0)}'), but the data "
            f"has {len(rows)} treaties, recognitions or openings of relations between Moscow and {len(whose)} other "
            f"states in {lo}–{hi} ({', '.join(list(whose)[:8])}{' …' if len(whose) > 8 else ''}), the first of them "
            f"{_listed(rows)}. Say which partners Moscow had, and how close each was.")


# "Only Britain recognised the USSR in 1924", "Britain alone recognised Moscow": one state said to have recognised it
STATE_WORDS = r"(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?"
ONE_DID = lazy(rf"\b(?i:only)\s+(?P<who>{STATE_WORDS}(?:(?:\s*,\s*|\s+and\s+){STATE_WORDS})*)\s+(?:had\s+|ever\s+|then\s+)?"
               r"(?P<verb>recogni[sz]ed)\b|"
               r"\b(?P<who2>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?)\s+alone\s+(?:had\s+)?(?P<verb2>recogni[sz]ed)\b")
OPENINGS = ("de_jure_recognition", "relations_established")


def only_one(claim: str, data, start: str, end: str) -> str | None:
    """One state said to be the only one that recognised Moscow (a break or a restoration is all_of_them's to
    read), against the recognitions by other states in the claim's years (module text). A recognition is the
    other state's act ("Moscow recognised the Hejaz" is not one); "de facto" reads the data's de facto ones."""
    from . import acts_named

    said = ONE_DID.search(claim)
    if said is None or re.search(r"\bnot\s+only\b|\bnot\s+\w+\s+alone\b", claim, re.IGNORECASE):
        return None
    who = said.group("who") or said.group("who2")
    named = acts_named.states_named(who, data)
    if not named or len(named) != len(re.split(r"\s*,\s*|\s+and\s+", who)):
        return None  # a party, a person, or no state the data knows: not read here
    states, soviet = acts_named._sides(data)
    mine = {states.get(m.actor, m.actor) for m in named}
    kinds = ("de_facto_recognition",) if acts_named.FACTO.search(claim) else OPENINGS
    lo, hi = _years(claim, start, end)
    events = data.events
    actor, counterpart = events["actor"].astype(str), events["counterpart"].astype(str)
    doer = [states.get(a, a) for a in actor]
    other = [states.get(c if a in soviet else a, c if a in soviet else a) for a, c in zip(actor, counterpart)]
    keep = [(a in soviet) != (c in soviet) and o not in soviet and o not in mine and d == o
            for a, c, o, d in zip(actor, counterpart, other, doer)]
    rows = events[pd.Series(keep, index=events.index) & events["kind"].astype(str).isin(kinds)
                  & events["date"].dt.year.between(lo, hi)].sort_values("date")
    if rows.empty:
        return None
    labels = _labels(data)
    whose = list(dict.fromkeys(labels.get(states.get(c if a in soviet else a, c if a in soviet else a), "")
                               for a, c in zip(rows["actor"].astype(str), rows["counterpart"].astype(str))))
    return (f"Your claim says only {who} {said.group('verb') or said.group('verb2')} "
            f"('{said.group(0).strip()}'), but the data has {len(rows)} recognition{'s' if len(rows) != 1 else ''} of "
            f"Moscow by other states {f'in {lo}' if lo == hi else f'in {lo}–{hi}'} ({', '.join(whose[:8])}{' …' if len(whose) > 8 else ''}), the first of them "
            f"{_listed(rows)}. Say who else did it, and when.")


# "The Soviets never recognised anybody themselves": Moscow said never to have recognised another
NEVER_RECOGNISED = lazy(r"\b(?:never|not\s+once)\s+(?:\w+\s+)?recogni[sz]ed\s+(?:anybody|anyone|any\s+(?:other\s+)?"
                        r"(?:state|country|government)s?|another\s+(?:state|country|government)|other\s+states|"
                        r"any\s+one)\b", re.IGNORECASE)


def never_recognised(claim: str, data) -> str | None:
    """Moscow said never to have recognised another state, against its own recognitions in the data (module text)."""
    from .recognition import moscow_recognises

    said = NEVER_RECOGNISED.search(claim)
    if said is None:
        return None
    found = ties_said.mentions(claim[:said.start()], ties_said.actor_names(data.actors))
    moscow = ties_said._family(data).get("ussr", {"ussr"}) | set(ties_said.SOVIET)
    soviets = re.search(r"\b(?:the\s+)?Soviets?\b|\bBolsheviks\b", claim[:said.start()])
    if not (found and found[-1].actor in moscow) and not soviets:
        return None
    rows = moscow_recognises(data.events, data.actors)
    if rows.empty:
        return None
    events = data.events.set_index(data.events["event_id"].astype(str))
    shown = "; ".join(f"'{events.loc[e, 'title']}' ({_spoken(str(events.loc[e, 'date_text']))}, {e})"
                      for e in rows["event_id"].astype(str).head(3))
    return (f"Your claim says Moscow {said.group(0)}, but the data has Moscow's own recognition of another state "
            f"or government: {shown}. Say whom Moscow recognised, and when.")


MILITARY_THING = r"military\s+(?:deals?|agreements?|co-?operation|pacts?|ties|links?|contacts?)"
NEVER_MILITARY = lazy(rf"\b(?:never|not\s+once)\s+(?:\w+\s+){{0,2}}?(?:any\s+|a\s+)?{MILITARY_THING}\b", re.IGNORECASE)
FIRST_MILITARY = lazy(rf"\bfirst\s+{MILITARY_THING}\b", re.IGNORECASE)


def military(claim: str, data) -> str | None:
    """A state said never to have had military dealings with Moscow, or its first one said to be a later event
    than the data's first (module text)."""
    from . import data_says
    from .recognition import state_of

    never, first = NEVER_MILITARY.search(claim), FIRST_MILITARY.search(claim)
    if never is None and first is None:
        return None
    states = state_of(data.actors)
    moscow = ties_said._family(data).get("ussr", {"ussr"}) | set(ties_said.SOVIET)
    found = [m for m in ties_said.mentions(claim, ties_said.actor_names(data.actors))
             if m.actor not in moscow and states.get(m.actor, m.actor) not in moscow]
    named = {states.get(m.actor, m.actor) for m in found}
    if len(named) != 1:
        return None  # no state, or several: whose dealings are meant is not clear
    state = named.pop()
    events = data.events
    own = [states.get(str(a), str(a)) for a in events["actor"]]
    other = [states.get(str(c), str(c)) for c in events["counterpart"]]
    between = pd.Series([(o == state and (c in moscow or str(x) in moscow)) or (c == state and (o in moscow or str(y) in moscow))
                         for o, c, x, y in zip(own, other, events["counterpart"], events["actor"])], index=events.index)
    rows = events[between & (events["kind"].astype(str) == "military_cooperation")].sort_values("date")
    if rows.empty:
        return None
    labels = _labels(data)
    if never:
        return (f"Your claim says {labels.get(state, state)} and Moscow had no military dealings ('{never.group(0)}'), "
                f"but the data has {len(rows)} event{'s' if len(rows) != 1 else ''} of military cooperation between "
                f"them: {_listed(rows)}. Read them, then say what kind of tie it was.")
    said = data_says._titled(claim[first.end():], data) & set(rows["event_id"].astype(str))
    if len(said) != 1 or rows["event_id"].astype(str).iloc[0] in said:
        return None  # no one event of theirs named as the first, or the data's first indeed
    named_row = rows[rows["event_id"].astype(str).isin(said)].iloc[0]
    earlier = rows[rows["date"] < named_row["date"]]
    if earlier.empty:
        return None
    return (f"Your claim makes '{named_row['title']}' ({_spoken(str(named_row['date_text']))}, {named_row['event_id']}) "
            f"the first military dealing between {labels.get(state, state)} and Moscow, but the data has earlier "
            f"ones: {_listed(earlier)}. Check the order in data/events.csv.")
