"""The tsarist debts: a claim that has Moscow pay them back, or agree or promise to ("At Rapallo Russia agreed to pay
back the tsarist debts to Germany", "France recognised the USSR only after the Soviets paid back the tsarist
debts"), read against data/events.csv.

The data's event whose title says the Soviet government annulled the debts is the ground: when no event of the
data has Moscow pay them back, the claim is refused with that event, its date and what the cited events say of
debts and claims. A payment asked for, wished, refused or denied ("France wanted the Soviets to pay the debts",
"Moscow refused to pay", "the Soviets never paid") says nothing here.
"""

from __future__ import annotations

import re

from . import acts_named
from .by_table import per_reading
from .patterns import lazy

DEBTS = r"(?:(?:tsarist|tsar['’]s|tsars['’]?|old|imperial|pre-war|russian|russia['’]s|french|foreign)\s+)*(?:debts?|loans?|bonds?)\b"
# "paid back the tsarist debts", "agreed to pay back the Tsar's debts", "settled the old loans", "the debts were repaid"
PAID = lazy(rf"\b(?P<verb>(?:re)?paid(?:\s+back|\s+off)?|(?:re)?pay(?:s|ing)?(?:\s+back|\s+off)?|settled?|settling|honou?red?|"
            rf"honou?ring)\s+(?:back\s+|off\s+)?(?:(?:the|all|its|their|of|russia['’]s|some|part)\s+)*{DEBTS}"
            rf"|\b{DEBTS}\s+(?:were|was|had\s+been|got)\s+(?:(?:all|fully|finally)\s+)?(?:re)?paid\b", re.IGNORECASE)
# a payment asked for, wished, refused or denied, before the verb in its clause
NOT_DONE = lazy(r"\b(?:not|never|no|without|refus\w*|reject\w*|declin\w*|want\w*|wish\w*|demand\w*|ask\w*|insist\w*|"
                r"requir\w*|expect\w*|press\w*|push\w*|urg\w*|hop\w*|until|unless|if|would|should|could|might|"
                r"instead|rather|avoid\w*|stopp?\w*|annul\w*|cancel\w*|condition\w*|sought|seek\w*|tried|try\w*)\b|n['’]t\b",
                re.IGNORECASE)
CLAUSE = lazy(r"[,;:]|\b(?:but|and|because|since|so|while|whereas|although|though|which|who|as)\b", re.IGNORECASE)
ANNULLED = lazy(r"\bannul\w*|\brepudiat\w*|\bcancel\w*", re.IGNORECASE)
RUSSIAN = lazy(r"\b(?:tsar\w*|imperial|pre-war|russian|russia['’]s)\b", re.IGNORECASE)
MOSCOW = lazy(r"\b(?:soviets?|ussr|russia|moscow|bolsheviks?|kremlin)\b", re.IGNORECASE)
SPOKEN_OF = lazy(r"\bdebts?\b|\bclaims?\b|\bloans?\b", re.IGNORECASE)


@per_reading
def _annulment(data):
    """The data's event in which Moscow annuls the debts, when no event of the data has them paid back; or None."""
    events = data.events
    texts = (events["title"].fillna("").astype(str) + ". " + events["description"].fillna("").astype(str))
    if any(_payment(t) for t in texts):
        return None
    rows = events[[bool(ANNULLED.search(t) and re.search(r"\bdebts?\b", t, re.IGNORECASE))
                   for t in events["title"].fillna("").astype(str)]]
    return rows.iloc[0] if len(rows) else None


def _payment(text: str):
    """The words by which a text has the debts paid back (not asked for, wished or denied), or None."""
    for m in PAID.finditer(text):
        begin = max([c.end() for c in CLAUSE.finditer(text, 0, m.start())] or [0])
        if NOT_DONE.search(text[begin:m.start()]) or NOT_DONE.search(m.group(0)):
            continue
        if RUSSIAN.search(m.group(0)) or MOSCOW.search(text[begin:m.start()]):  # Moscow's debts, or Moscow paying
            return m
    return None
    return None


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim has the tsarist debts paid back and the data has them annulled (module text), or
    None."""
    said = _payment(claim)
    if said is None:
        return None
    row = _annulment(data)
    if row is None:
        return None
    events = data.events.set_index("event_id")
    told = []
    for event in dict.fromkeys(cited):
        if event not in events.index or event == row["event_id"]:
            continue
        sentence = next((s for s in re.split(r"(?<=\.)\s+", str(events.loc[event, "description"] or ""))
                         if SPOKEN_OF.search(s)), None)
        if sentence:
            told.append(f"Your event {event} says: \"{sentence.rstrip('.')}.\"")
    return " ".join([
            f"Your claim has the debts paid back ('{' '.join(said.group(0).split())}'). The data says the opposite: "
            f"on {acts_named.spoken(row)} the Soviet government annulled the old debts ('{row['title']}', "
            f"{row['event_id']}). No event in data/events.csv has Moscow pay them back or agree to pay them.", *told])
