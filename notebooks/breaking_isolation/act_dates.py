"""When an act happened, to the month and in order: a claim that dates an act it names (acts_named.py) to a month,
or puts it before or after another act, read against the events' dates in data/events.csv.

- a month: "Britain broke off relations with the USSR in April 1927" is refused with the data's date and id when
  the data dates the act to a day or a month and neither that month nor a month its other sources give
  (alt_dates) nor the months it lasted is the claim's; a year-only date is never judged;
- an order: "Canada recognised the USSR before Britain did" is refused when both acts are found and the data's
  dates put them the other way round, by the whole period each date may mean; equal or overlapping dates are
  not judged. The act after "before"/"after" may be written in full, by an event's name ("after Locarno") or by
  its doer alone ("before Britain did": the same act).

A denial or a wish ("did not recognise", "would have broken") says nothing here.
"""

from __future__ import annotations

import re

import pandas as pd

from . import acts_named, claim_people

MONTHS = ("January February March April May June July August September October November December").split()
# A month as a date: "in April 1927", "on 27 May 1927", "April 1927"; not "by April" (no later than) nor "may".
MONTH = re.compile(r"(?<![\w-])(?P<before>\w+\s+)?(?:(?P<day>\d{1,2})\s+)?(?P<month>" + "|".join(MONTHS) +
                   r")\b(?:\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?)?(?:,?\s+(?P<year>1[89]\d\d))?")
NOT_A_DAY = {"by", "before", "after", "until", "till", "since", "from", "through", "to", "between", "and", "or",
             "late", "early", "end", "mid"}
DURING = re.compile(r"\b(?:during|amid|at\s+the\s+time\s+of)\b.*$", re.IGNORECASE)
DENIED = acts_named.DENIED


def read(claim: str, data, cited=()) -> str | None:
    """The first refusal of the month rule or the order rule (module text), or None."""
    return wrong_month(claim, data, cited) or wrong_order(claim, data, cited)


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
        rows = acts_named.act_rows(rest, data, [wanted[0]], cited)
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
        row = rows.iloc[0]
        typed = f"{MONTHS[wanted[1] - 1]} {wanted[0]}"
        return (f"Your claim puts '{row['title']}' in {typed}, but the data dates it {acts_named.spoken(row)} "
                f"({row['event_id']}). Check the month against that event in data/events.csv.")
    return None


# "before", "a week before", "shortly after", "long before", "three years after"
ORDER = re.compile(r"\b(?:(?:a|one|two|three|four|five|six|several|a\s+few|few|some)\s+(?:days?|weeks?|months?|years?)\s+|"
                   r"(?:shortly|soon|just|long|well|only|even|a\s+little|immediately|right)\s+)?(?P<word>before|after)\b",
                   re.IGNORECASE)
# Where the act before "before"/"after" begins, and where the one after it ends.
LEFT_STOP = re.compile(r"[;:]|\b(?:because|which|while|whereas|but|although|though|so\s+that|when)\b", re.IGNORECASE)
RIGHT_STOP = re.compile(r"[,;:]|\b(?:because|which|while|whereas|but|although|though|so|when|as|since|in\s+order|"
                        r"thus|therefore|leading|showing)\b", re.IGNORECASE)
ELLIPSIS = re.compile(r"^\W*(?:the\s+)?[\w'’. -]*?(?:\s+(?:did|had|was|were|could|would))?(?:\s+(?:so|too|it))?"
                      r"(?:\s+in\s+1[89]\d\d)?\W*$", re.IGNORECASE)


def _other_act(right: str, verb: str | None, facto: bool, left_states, data, years, cited) -> pd.DataFrame:
    """The act after "before"/"after": in full, by an event's name, or by its doer alone (the left act's verb)."""
    states = acts_named.states_named(right, data)
    own = acts_named.verb_of(right)
    if own and (states or left_states):
        rows = acts_named.state_acts((states or left_states)[0].actor, own, data, years, facto=bool(acts_named.FACTO.search(right)) or facto)
        if len(rows):
            return rows
    rows = acts_named.named(right, data, years, cited)
    if rows.empty and not claim_people.years_in(right):  # "after Locarno": the claim's year is its own act's
        rows = acts_named.named(right, data, (), cited)
    if len(rows):
        return rows
    if states and verb and not own:  # "before Britain did", "after Italy and Greece"
        found = [acts_named.state_acts(m.actor, verb, data, years, facto) for m in states]
        found = [f for f in found if len(f)]
        if len(found) == len(states):
            return pd.concat(found)
    return data.events.iloc[0:0]


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
        if first.empty:
            continue
        right_years = claim_people.years_in(right) or years
        second = _other_act(right, verb, facto, acts_named.states_named(left, data), data, right_years, cited)
        if second.empty or set(first["event_id"]) & set(second["event_id"]):
            continue
        a0 = min(acts_named.period(r)[0] for _, r in first.iterrows())
        a1 = max(acts_named.period(r)[1] for _, r in first.iterrows())
        b0 = min(acts_named.period(r)[0] for _, r in second.iterrows())
        b1 = max(acts_named.period(r)[1] for _, r in second.iterrows())
        before = said.group("word").lower() == "before"
        if (before and a0 > b1) or (not before and a1 < b0):
            one, two = first.iloc[0], second.iloc[0]
            typed = " ".join(claim[said.start():said.end() + len(right)].split()).rstrip(" .")
            return (f"Your claim puts '{one['title']}' {typed}, but the data has them the other way round: "
                    f"'{one['title']}' is dated {acts_named.spoken(one)} ({one['event_id']}), and "
                    f"'{two['title']}' {acts_named.spoken(two)} ({two['event_id']}). Check the order against those "
                    "events in data/events.csv.")
    return None
