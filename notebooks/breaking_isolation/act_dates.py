"""When an act happened, to the month and in order: a claim that dates an act it names (acts_named.py) to a month,
or puts it before or after another act, read against the events' dates in data/events.csv.

- a month: "Britain broke off relations with the USSR in April 1927" is refused with the data's date and id when
  the data dates the act to a day or a month and neither that month nor a month its other sources give
  (alt_dates) nor the months it lasted is the claim's; a year-only date is never judged;
- an order: "Canada recognised the USSR before Britain did" is refused when both acts are found and the data's
  dates put them the other way round, by the whole period each date may mean; equal or overlapping dates are
  not judged. The act after "before"/"after" may be written in full, by an event's name ("after Locarno") or by
  its doer alone ("before Britain did": the same act). When the student cites events, each act is the cited
  event its words fit ("after London": Britain's cited recognition, not the event whose title says London), and
  a gap of days or weeks ("two days after the British trade deal") is never set against an act a year or more
  away that only shares a word with it, unless the student cites both.

- a follower: "France recognised the USSR in October 1924, and Britain followed it" is refused when the data dates
  the follower's own act of that kind before the act it is said to follow; "Rapallo followed the Treaty of Berlin"
  and "X was followed by Y" are read as an order, as "after" and "before" are;
- the same month: "Italy recognised the USSR in the same month as France did" is refused when no month either
  date may mean is the other's.

A month dates the act named just before it, not one named after a verb that follows it ("Lenin's death in
January 1924 caused the Zinoviev letter" dates the death).

A denial or a wish ("did not recognise", "would have broken") says nothing here.
"""

from __future__ import annotations

import re

import pandas as pd

from . import acts_named, agents, claim_people, evidence_words, ties_said
from .kin import DEMONYMS
from .patterns import lazy

MONTHS = ("January February March April May June July August September October November December").split()
# A month as a date: "in April 1927", "on 27 May 1927", "April 1927"; not "by April" (no later than) nor "may".
MONTH = lazy(r"(?<![\w-])(?P<before>\w+\s+)?(?:(?P<day>\d{1,2})\s+)?(?P<month>" + "|".join(MONTHS) +
             r")\b(?:\s+(?P<day2>\d{1,2})(?!\d)(?:st|nd|rd|th)?,?)?(?:,?\s+(?P<year>1[89]\d\d))?")
NOT_A_DAY = {"by", "before", "after", "until", "till", "since", "from", "through", "to", "between", "and", "or",
             "late", "early", "end", "mid"}
DURING = lazy(r"\b(?:during|amid|at\s+the\s+time\s+of)\b.*$", re.IGNORECASE)
DENIED = acts_named.DENIED


def read(claim: str, data, cited=()) -> str | None:
    """The first refusal of the month rule or the order rule (module text), or None."""
    return (wrong_month(claim, data, cited) or wrong_order(claim, data, cited) or wrong_afterwards(claim, data, cited)
            or wrong_that_time(claim, data, cited) or wrong_follower(claim, data, cited)
            or wrong_same_month(claim, data, cited))


def _months_of(row) -> set[tuple[int, int]]:
    """(year, month) of every month the data's date, its span, or its other sources' dates may mean."""
    start, last = acts_named.period(row)
    end = row.get("end_date")
    if pd.notna(end) and end > last:
        last = end
    found = {(d.year, d.month) for d in pd.date_range(start.replace(day=1), last, freq="MS")}
    for other in str(row.get("alt_dates") or "").split(";"):
        day = other.split("@")[0].strip()
        if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", day):
            found.add((int(day[:4]), int(day[5:7])))
    return found


def wrong_month(claim: str, data, cited=()) -> str | None:
    """A refusal when a part gives the act it names a month and a year the data dates it otherwise (module text)."""
    all_years = claim_people.years_in(claim)
    carried = None  # "In April 1927, Britain broke off...": a part that is only a date goes with the next part
    for begin, finish in claim_people._parts(claim):
        part = claim[begin:finish]
        said = [m for m in MONTH.finditer(part) if (m.group("before") or "").strip().lower() not in NOT_A_DAY]
        if not said and carried is None:
            continue
        if DENIED.search(part):
            carried = None
            continue
        if said:
            month = said[0]
            year = int(month.group("year")) if month.group("year") else (
                all_years[0] if len(set(all_years)) == 1 else None)
            if year is None:
                continue
            wanted = (year, MONTHS.index(month.group("month")) + 1)
        else:
            wanted = carried
        rest = DURING.sub(" ", MONTH.sub(" ", part))  # "during the Genoa conference" dates the act, it is not it
        # the month dates the act named just before it ("Britain broke off relations in May 1927"); when the words
        # before it are the subject of a verb after it, the month is theirs, not that of an act named after the
        # verb ("Lenin's death in January 1924 caused the Zinoviev letter": the death's month, not the letter's)
        ahead = DURING.sub(" ", MONTH.sub(" ", part[:month.start()])) if said else ""
        rows = acts_named.act_rows(ahead, data, [wanted[0]], cited) if ahead.strip() else data.events.iloc[0:0]
        if rows.empty:
            if said and re.search(r"[a-z]{3,}", ahead) and _verb_next(part[month.end():]):
                carried = None
                continue
            rows = acts_named.act_rows(rest, data, [wanted[0]], cited)
        if rows.empty and cited:  # "pulled its embassy staff out of Peking": the cited event whose title has its words
            rows = _cited_by_words(ahead if ahead.strip() else rest, data, cited, wanted[0])
        sides = acts_named.states_named(claim, data)
        if rows.empty and acts_named.verb_of(rest) and len({m.actor for m in sides}) == 1:
            # "Britain and the USSR restored relations in July 1929": the state is named before the part's "and"
            rows = acts_named.act_rows(f"{sides[0].typed} {rest}", data, [wanted[0]], cited)
        if rows.empty:
            carried = wanted if said and not re.search(r"[a-z]{3,}", re.sub(r"\b(?:in|on|during)\b", "", rest.lower())) else None
            continue
        carried = None
        if "date_precision" not in rows or (rows["date_precision"].astype(str) == "year").any():
            continue
        if any(wanted in _months_of(row) for _, row in rows.iterrows()):
            continue
        if cited and any(wanted in _months_of(row) for _, row in acts_named.act_rows(rest, data, [wanted[0]]).iterrows()):
            continue  # "in Canton in April 1927": the data's April purge there, though the Commune was the event cited
        if cited and _cited_name_then(ahead if ahead.strip() else rest, data, cited, wanted, rows.iloc[0]):
            continue  # "made peace with the Manchurian authorities at Khabarovsk in December 1929": the cited
            # Khabarovsk protocol, named by its own name, is of that month, whatever other title "Manchurian" fits
        rows = _closer_cited(rows, ahead if ahead.strip() else rest, data, cited, [wanted[0]])
        if any(wanted in _months_of(row) for _, row in rows.iterrows()):
            continue
        row = rows.iloc[0]
        if agents.other_wing_named(part, row, data):
            continue  # "Nanjing expelled the communists in April 1927": its own purge, not Wuhan's of July
        typed = f"{MONTHS[wanted[1] - 1]} {wanted[0]}"
        return (f"Your claim puts '{row['title']}' in {typed}, but the data dates it {acts_named.spoken(row)} "
                f"({row['event_id']}). Check the month against that event in data/events.csv.")
    return None


def _cited_name_then(part: str, data, cited, wanted: tuple[int, int], found) -> bool:
    """Whether a cited event of the month `wanted` is named in the part by a name of its title that is no actor's,
    no kind of deal ("Khabarovsk", not "Protocol") and not in the title of the event `found` ("Canton" names the
    Canton Commune as much as the April purge at Canton)."""
    actor_words = claim_people.words_of_names(ties_said.actor_names(data.actors))
    said = claim_people._bare_words(part) - claim_people._title_name_words(str(found["title"]))
    rows = data.events[data.events["event_id"].astype(str).isin(set(cited))]
    return any(wanted in _months_of(row) and (claim_people._title_name_words(str(row["title"])) - actor_words
                                              - claim_people.DEALS) & said
               for _, row in rows.iterrows())


def _cited_by_words(part: str, data, cited, year: int) -> pd.DataFrame:
    """The one cited event of `year` whose title shares most words with the part, two or more that name no actor
    ("embassy staff" of "Moscow recalls its embassy staff from Peking"); empty when two share as many."""
    actor_words = claim_people.words_of_names(ties_said.actor_names(data.actors))
    said = claim_people._stems(part) - actor_words
    rows = data.events[data.events["event_id"].astype(str).isin(set(cited)) & (data.events["date"].dt.year == year)]
    shared = [len(said & (claim_people._stems(str(t)) - actor_words)) for t in rows["title"]]
    best = max(shared, default=0)
    return rows[[n == best for n in shared]] if best >= 2 and shared.count(best) == 1 else rows.iloc[0:0]


def _closer_cited(rows: pd.DataFrame, part: str, data, cited, years) -> pd.DataFrame:
    """The acts a part names, or the cited event whose title shares more of the part's words than theirs do:
    "the Conservatives refused to ratify the Anglo-Soviet treaties" is the cited refusal, not the treaties' signing
    that a word of their title names."""
    if not cited or rows["event_id"].astype(str).isin(set(cited)).any():
        return rows
    actor_words = claim_people.words_of_names(ties_said.actor_names(data.actors))
    said = claim_people._stems(part) - actor_words

    def shared(title) -> int:
        return len(said & (claim_people._stems(str(title)) - actor_words))

    for year in years if len(rows) else ():  # words that name no act are not given one by a cited title alone
        fit = _cited_by_words(part, data, cited, year)
        if len(fit) and shared(fit.iloc[0]["title"]) > max(shared(t) for t in rows["title"]):
            return fit
    # a state's deal is its own: "Denmark signed its trade agreement" is the cited Danish agreement, which shares a
    # word with the part, not Britain's, whose title shares two
    states = {m.actor for m in acts_named.states_named(part, data)} - set(ties_said.SOVIET)  # Moscow: every deal's
    family = ties_said._family(data)
    sides = {a for s in states for a in family.get(s, {s})}

    def score(row) -> int:
        return shared(row["title"]) + 2 * bool({str(row["actor"]), str(row["counterpart"])} & sides)

    mine = data.events[data.events["event_id"].astype(str).isin(set(cited))]
    if years:
        mine = mine[mine["date"].dt.year.isin(set(years))]
    scored = [(score(r), i) for i, r in mine.iterrows()  # only a deal with the state on a side: never a rival's act
              if shared(r["title"]) and {str(r["actor"]), str(r["counterpart"])} & sides]
    best = max((s for s, _ in scored), default=0)
    top = [i for s, i in scored if s == best]
    if states and len(top) == 1 and best > max((score(r) for _, r in rows.iterrows()), default=0):
        return mine.loc[top]
    return rows


def _verb_next(text: str) -> bool:
    """Whether a text opens with a verb in the past ("caused the Zinoviev letter", "was followed by", "led to"):
    what came before it is that verb's subject."""
    word = re.match(r"\s*,?\s*([a-z]+)\b", text)
    return bool(word) and (word.group(1).endswith("ed") or word.group(1) in claim_people.IRREGULAR
                           or word.group(1) in ("was", "were", "had", "did", "is", "are", "has"))


# "before", "a week before", "only days after", "shortly after", "long before", "three years after"; a gap of
# days or weeks ("two days after", "shortly after") is `short`
ORDER = lazy(r"\b(?:(?P<short>(?:(?:only|just|barely|a\s+few|a|one|two|three|four|five|six|several|few|some|"
             r"\d+)\s+){0,2}(?:days?|weeks?|fortnight)\s+|(?:shortly|soon|just|only|immediately|right)\s+)|"
             r"(?:(?:a|one|two|three|four|five|six|several|a\s+few|few|some|\d+)\s+(?:months?|years?)\s+|"
             r"(?:long|well|even|a\s+little)\s+))?(?P<word>before|after|preceded|(?:was|were)\s+(?:soon\s+)?"
             r"followed\s+by|followed(?!\s+(?:by|suit|it|them|its|their|that|this|the\s+same|a|an|his|her)\b))\b",
             re.IGNORECASE)
FAR = pd.Timedelta(days=366)  # acts further apart than this are not what a gap of days or weeks ("two days after") means
# Where the act before "before"/"after" begins, and where the one after it ends.
LEFT_STOP = lazy(r"[;:]|\b(?:because|which|while|whereas|but|although|though|so\s+that|when)\b", re.IGNORECASE)
RIGHT_STOP = lazy(r"[,;:]|\b(?:because|which|while|whereas|but|although|though|so|when|as|since|in\s+order|"
                  r"thus|therefore|leading|showing)\b", re.IGNORECASE)
ELLIPSIS = lazy(r"^\W*(?:the\s+)?[\w'’. -]*?(?:\s+(?:did|had|was|were|could|would))?(?:\s+(?:so|too|it))?"
                r"(?:\s+in\s+1[89]\d\d)?\W*$", re.IGNORECASE)


def _other_act(right: str, verb: str | None, facto: bool, left_states, data, years, cited, first) -> pd.DataFrame:
    """The act after "before"/"after": in full, by an event's name, or by its doer alone (the left act's verb).
    Of the acts those words may name, the ones the student cites; an act named by a state and a verb ("before
    Britain did") is that state's act of that kind, cited or not; one named by words alone is the cited event
    those words fit (`_cited`) before any other event that shares a word with them ("the British trade deal": the
    cited trade agreement, not the General Strike money)."""
    acts = []
    states = acts_named.states_named(right, data)
    own = acts_named.verb_of(right)
    if own and (states or left_states):
        acts.append(acts_named.state_acts((states or left_states)[0].actor, own, data, years,
                                          facto=bool(acts_named.FACTO.search(right)) or facto))
    if states and verb and not own:  # "before Britain did", "after Italy and Greece"
        found = [acts_named.state_acts(m.actor, verb, data, years, facto) for m in states]
        found = [f for f in found if len(f)]
        if len(found) == len(states):
            acts.append(pd.concat(found))
    rows = acts_named.named(right, data, years, cited)
    if rows.empty and not claim_people.years_in(right):  # "after Locarno": the claim's year is its own act's
        rows = acts_named.named(right, data, (), cited)
    if own and acts and len(acts[0]):  # "after Britain recognised the USSR": that act, before any title's words
        return _mine(acts[0], cited)
    if acts and len(acts[-1]) and _doers_alone(right, states):  # "after London", "before Britain did"
        return _mine(acts[-1], cited)
    if len(rows):
        fit = _cited(right, [rows, *acts], data, cited, first)
        return fit if len(fit) else rows
    if any(len(a) for a in acts):
        return _mine(next(a for a in acts if len(a)), cited)
    return _cited(right, acts, data, cited, first)


def _doers_alone(right: str, states) -> bool:
    """Whether the words after "before"/"after" are states alone ("London", "Britain did", "Italy and Greece"), so
    that they name the same act as the part before, not an event by its title ("the London conference")."""
    rest = right
    for m in sorted(states, key=lambda m: -m.start):
        rest = rest[:m.start] + " " + rest[m.end:]
    return bool(states) and re.fullmatch(r"(?:\W|\b(?:the|and|or|did|had|was|were|could|would|so|too|it|in|"
                                         r"1[89]\d\d)\b)*", rest, re.IGNORECASE) is not None


def _mine(rows: pd.DataFrame, cited) -> pd.DataFrame:
    """Of the events some words may name, those the student cites, if any."""
    mine = rows[rows["event_id"].astype(str).isin(set(map(str, cited)))]
    return mine if len(mine) else rows


def _cited(part: str, readings, data, cited, skip) -> pd.DataFrame:
    """The student's cited events (other than `skip`'s) that a part names: those any reading of it found, else
    those it names by a side (a state, its capital) or by a word of their title, the best fit first; a part that
    writes a rare name ("Locarno") fits only an event whose title has it. Empty when none fits or none is cited."""
    events = data.events
    ids = events["event_id"].astype(str)
    pool = events[ids.isin(set(map(str, cited))) & ~ids.isin(set(skip["event_id"].astype(str)))]
    if pool.empty:
        return pool
    found = set().union(*(set(r["event_id"].astype(str)) for r in readings)) if readings else set()
    hit = pool[pool["event_id"].astype(str).isin(found)]
    if len(hit):
        return hit.sort_values("date")
    actor_words = claim_people.words_of_names(ties_said.actor_names(data.actors))
    rare = claim_people._by_rare_name(part, events, actor_words | set(DEMONYMS))
    if len(rare):  # "after Locarno": only an event of that name (a state's adjective, "British", is no such name)
        return pool[pool["event_id"].isin(rare["event_id"])].sort_values("date")
    states, _ = acts_named._sides(data)
    sides = {states.get(m.actor, m.actor) for m in acts_named.states_named(part, data)}
    said = claim_people._stems(part) - evidence_words.LITTLE
    scores = []
    for row in pool.itertuples():
        own = {states.get(str(row.actor), str(row.actor)), states.get(str(row.counterpart), str(row.counterpart))}
        scores.append(len(said & claim_people._stems(str(row.title))) + len(sides & own))
    best = max(scores)
    return pool[[best > 0 and s == best for s in scores]].sort_values("date")


def wrong_order(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim puts one act before or after another and the data's dates order them the other
    way (module text)."""
    years = claim_people.years_in(claim)
    for said in ORDER.finditer(claim):
        head = claim[:said.start()]
        stops = list(LEFT_STOP.finditer(head))
        left = head[stops[-1].end():] if stops else head
        tail = claim[said.end():]
        stop = RIGHT_STOP.search(tail)
        right = tail[:stop.start()] if stop else tail
        if DENIED.search(left) or DENIED.search(right) or not right.strip():
            continue
        left = ORDER.sub(" ", left)
        verb = acts_named.verb_of(left)
        facto = bool(acts_named.FACTO.search(left))
        left_years = claim_people.years_in(left) or years
        first = acts_named.act_rows(left, data, left_years, cited)
        first = _closer_cited(_mine(first, cited) if len(first) else first, left, data, cited, left_years)
        if first.empty:  # (of the acts the words may name, the one the student cites)
            continue
        right_years = claim_people.years_in(right) or years
        second = _other_act(right, verb, facto, acts_named.states_named(left, data), data, right_years, cited,
                            first)
        if second.empty or set(first["event_id"]) & set(second["event_id"]):
            continue
        a0 = min(acts_named.period(r)[0] for _, r in first.iterrows())
        a1 = max(acts_named.period(r)[1] for _, r in first.iterrows())
        b0 = min(acts_named.period(r)[0] for _, r in second.iterrows())
        b1 = max(acts_named.period(r)[1] for _, r in second.iterrows())
        # "X followed Y": X after Y; "X preceded Y", "X was followed by Y": X before Y
        before = said.group("word").lower() in ("before", "preceded") or said.group("word").lower().endswith(" by")
        both_cited = set(first["event_id"]) | set(second["event_id"]) <= set(map(str, cited))
        if said.group("short") and not both_cited and max(b0 - a1, a0 - b1) > FAR:
            continue  # "two days after the British trade deal": years apart, so not the act the student means
        if (before and a0 > b1) or (not before and a1 < b0):
            one, two = first.iloc[0], second.iloc[0]
            word = said.group("word").lower()
            typed = " ".join(claim[said.start():said.end() + len(right)].split()).rstrip(" .")
            if word not in ("before", "after"):  # "followed the Treaty of Berlin": said as the order it gives
                typed = f"{'before' if before else 'after'} {' '.join(right.split()).rstrip(' .')} ('{said.group(0)}')"
            return (f"Your claim puts '{one['title']}' {typed}, but the data has them the other way round: "
                    f"'{one['title']}' is dated {acts_named.spoken(one)} ({one['event_id']}), and "
                    f"'{two['title']}' {acts_named.spoken(two)} ({two['event_id']}). Check the order against those "
                    "events in data/events.csv.")
    return None


# "..., and only afterwards did the police raid ARCOS": the act after the word came after the act before it
AFTERWARDS = lazy(r"\b(?:only\s+)?(?:afterwards|after\s+that|subsequently)\b", re.IGNORECASE)


def wrong_afterwards(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim says an act came afterwards ("and only afterwards did the police raid ARCOS") and
    the data dates it, by the whole period each date may mean, before the act of the words before it."""
    years = claim_people.years_in(claim)
    for said in AFTERWARDS.finditer(claim):
        left, tail = claim[:said.start()], claim[said.end():]
        stop = RIGHT_STOP.search(tail)
        right = tail[:stop.start()] if stop else tail
        if DENIED.search(left) or DENIED.search(right) or not right.strip():
            continue
        first = acts_named.act_rows(left, data, claim_people.years_in(left) or years, cited)
        second = acts_named.act_rows(right, data, claim_people.years_in(right) or years, cited)
        if first.empty or second.empty:
            continue
        first, second = _mine(first, cited), _mine(second, cited)
        if set(first["event_id"]) & set(second["event_id"]):
            continue
        a0 = min(acts_named.period(r)[0] for _, r in first.iterrows())
        b1 = max(acts_named.period(r)[1] for _, r in second.iterrows())
        if b1 < a0:
            one, two = first.iloc[0], second.iloc[0]
            return (f"Your claim puts '{two['title']}' after '{one['title']}' ('{said.group(0)}'), but the data has "
                    f"them the other way round: '{two['title']}' is dated {acts_named.spoken(two)} "
                    f"({two['event_id']}), and '{one['title']}' {acts_named.spoken(one)} ({one['event_id']}). Check "
                    "the order against those events in data/events.csv.")
    return None


# "..., because of the Zinoviev letter, which was published that spring": a time the clause takes from the claim's
# year ("that spring" of 1927), said of the act named just before it
THAT_TIME = lazy(r",?\s*(?:which|that|who)\s+(?:\w+\s+){0,3}?(?:that|the\s+same)\s+(?P<when>spring|summer|"
                 r"autumn|winter|year|month)\b", re.IGNORECASE)
CAUSE_WORDS = lazy(r"\b(?:because\s+of|due\s+to|owing\s+to|after|following|over|by|with|and)\b", re.IGNORECASE)


def wrong_that_time(claim: str, data, cited=()) -> str | None:
    """A refusal when a clause puts the act named just before it in "that spring" (summer, year...) of the claim's
    one year, and the data dates the act in another year."""
    years = set(claim_people.years_in(claim))
    said = THAT_TIME.search(claim)
    if said is None or len(years) != 1:
        return None
    head = claim[:said.start()]
    cuts = list(CAUSE_WORDS.finditer(head))
    named = head[cuts[-1].end():] if cuts else head
    if claim_people.years_in(named):
        return None  # "the letter of 1924, which ... that year": the year is the act's own
    rows = claim_people.event_named(named, data.events, claim_people.words_of_names(ties_said.actor_names(data.actors)))
    rows = _mine(rows, cited) if len(rows) else rows
    year = next(iter(years))
    if rows.empty or rows["date"].dt.year.isin([year]).any():
        return None
    row = rows.iloc[0]
    return (f"Your claim puts '{row['title']}' in '{said.group(0).strip(' ,')}', which reads as {year}, the year of "
            f"your claim, but the data dates it {acts_named.spoken(row)} ({row['event_id']}). Check the year "
            "against that event in data/events.csv.")


def month_or_year(part: str) -> tuple[pd.Timestamp, pd.Timestamp, str, bool] | None:
    """(first day, last day, as said, a month?) of the month, else the single year, a clause names."""
    for found in MONTH.finditer(part):
        if found.group("year") and (found.group("before") or "").strip().lower() not in NOT_A_DAY:
            first = pd.Timestamp(int(found.group("year")), MONTHS.index(found.group("month")) + 1, 1)
            return first, first + pd.offsets.MonthEnd(0), f"{first:%B %Y}", True
    years = set(claim_people.years_in(part))
    if len(years) == 1:
        year = years.pop()
        return pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31), str(year), False
    return None


# "France recognised the USSR in October 1924, and Britain followed it": the state after "and" did the same act later
FOLLOWED = lazy(r",?\s+and\s+(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+(?:(?:soon|quickly|"
                      r"then|later|promptly)\s+)?followed(?:\s+(?:it|suit|them|her|its\s+(?:lead|example)|that\s+"
                      r"(?:lead|example)))?\b", re.IGNORECASE)


# "..., and Britain followed it with a trade treaty in August": the follower's own act, named after "with"
FOLLOWED_WITH = lazy(r"\s+with\s+(?P<act>(?:an?|its|the|their|his|her)\s+[^,;.]+)", re.IGNORECASE)


def follower_unread(claim: str, data) -> list[str]:
    """What "..., and Britain followed it with a trade treaty" leaves unjudged: the follower's own act, which is
    not the act it followed, and which the check does not date."""
    said = [(m, FOLLOWED_WITH.match(claim[m.end():])) for m in FOLLOWED.finditer(claim)]
    return [f"what {m.group('who')} followed it with ('{w.group('act').strip()}'): another act than the one "
            "before it, which the check did not date" for m, w in said if w]


def wrong_follower(claim: str, data, cited=()) -> str | None:
    """A refusal when a claim says a state followed another's act ("..., and Britain followed it") and the data dates
    the follower's act of that kind, by the whole period each date may mean, before the act it is said to follow."""
    for said in FOLLOWED.finditer(claim):
        if FOLLOWED_WITH.match(claim[said.end():]):
            continue  # "and Britain followed it with a trade treaty": another act, follower_unread() says so
        head = claim[:said.start()]
        stops = list(LEFT_STOP.finditer(head))
        left = head[stops[-1].end():] if stops else head
        verb = acts_named.verb_of(left)
        follower = acts_named.states_named(said.group("who"), data)
        if verb is None or not follower or DENIED.search(left):
            continue
        years = claim_people.years_in(left)
        first = _mine(acts_named.act_rows(left, data, years, cited), cited)
        if first.empty:
            continue
        # the follower's own act of that kind: its first one, in the claim's years, or any year if none fits
        second = acts_named.state_acts(follower[0].actor, verb, data, years, bool(acts_named.FACTO.search(left)))
        if second.empty:
            second = acts_named.state_acts(follower[0].actor, verb, data, (), bool(acts_named.FACTO.search(left)))
        if second.empty or set(first["event_id"]) & set(second["event_id"]):
            continue
        one, two = first.iloc[0], _mine(second, cited).iloc[0]
        if acts_named.period(two)[1] < acts_named.period(one)[0]:
            typed = " ".join(said.group(0).strip(" ,").split())
            return (f"Your claim has {follower[0].typed} follow '{one['title']}' ('{typed}'), but the data has them "
                    f"the other way round: '{two['title']}' is dated {acts_named.spoken(two)} ({two['event_id']}), "
                    f"before '{one['title']}', {acts_named.spoken(one)} ({one['event_id']}). Check the order against "
                    "those events in data/events.csv.")
    return None


# "Italy recognised the USSR in the same month as France did": both acts must share a month the data may date them to
SAME_MONTH = lazy(r"\b(?:in|during|within)\s+the\s+(?:very\s+)?same\s+month\s+as\b", re.IGNORECASE)


def wrong_same_month(claim: str, data, cited=()) -> str | None:
    """A refusal when a claim puts two acts in the same month and no month either's date, span or other sources'
    dates may mean (_months_of) is the other's; a year-only date is never judged."""
    years = claim_people.years_in(claim)
    for said in SAME_MONTH.finditer(claim):
        head = claim[:said.start()]
        stops = list(LEFT_STOP.finditer(head))
        left = head[stops[-1].end():] if stops else head
        tail = claim[said.end():]
        stop = RIGHT_STOP.search(tail)
        right = tail[:stop.start()] if stop else tail
        if DENIED.search(left) or DENIED.search(right) or not right.strip():
            continue
        verb = acts_named.verb_of(left)
        first = acts_named.act_rows(left, data, claim_people.years_in(left) or years, cited)
        if first.empty:
            continue
        first = _mine(first, cited)
        second = _other_act(right, verb, bool(acts_named.FACTO.search(left)), acts_named.states_named(left, data),
                            data, claim_people.years_in(right) or years, cited, first)
        if second.empty or set(first["event_id"]) & set(second["event_id"]):
            continue
        rows = [r for _, r in pd.concat([first, second]).iterrows()]
        if any(str(r.get("date_precision", "year")) == "year" for r in rows):
            continue
        if {m for _, r in first.iterrows() for m in _months_of(r)} & {m for _, r in second.iterrows() for m in _months_of(r)}:
            continue
        one, two = first.iloc[0], second.iloc[0]
        typed = " ".join(claim[said.start():said.end() + len(right)].split()).rstrip(" .")
        return (f"Your claim puts '{one['title']}' {typed}, but the data dates them in different months: "
                f"'{one['title']}' {acts_named.spoken(one)} ({one['event_id']}), and '{two['title']}' "
                f"{acts_named.spoken(two)} ({two['event_id']}). Check the months against those events in "
                "data/events.csv.")
    return None
