"""What an agreement says: a claim that gives an agreement, a treaty or a manifesto terms ("under the Sun-Joffe
manifesto Moscow gave up the Chinese Eastern Railway", "by the 1924 agreement China recognised Mongolia's
independence"), read against what the kit holds of it: the title and description of its event in events.csv, the
text of its document in data/documents/, and the notes of actors.csv that cite it.

- a term said to make a land independent, where a note that cites the agreement says it left that land part of a
  state ("recognised it as part of China (the Sino-Soviet agreement of 31 May 1924, article V)"), is refused with
  that note (`read`);
- a term whose words the kit's texts of the agreement do not hold is never passed as checked: `unread` says which
  words the check could not find, and where it looked. The kit holds only part of some texts, so a word it cannot
  find is not said to be false.
"""

from __future__ import annotations

import re

from . import claim_people, evidence_words, ties_said
from .patterns import lazy

PAPER = (r"(?:manifesto|agreement|agreements|treaty|declaration|pact|accord|statement|convention|protocol|letter|"
         r"testament|cable|telegram|theses|directive)")
# "under the Sun-Joffe manifesto", "by the 1924 agreement", "in the terms of the treaty of 1924"
UNDER = lazy(rf"\b(?:under|by|in|through|with)\s+(?:the\s+)?(?:terms\s+of\s+(?:the\s+)?)?(?P<name>(?:[\w'’-]+\s+){{0,3}}?)"
             rf"{PAPER}\b(?P<of>\s+of\s+(?:\d{{1,2}}\s+\w+\s+)?1[89]\d\d)?", re.IGNORECASE)
# "the Sun-Joffe manifesto promised", "the agreement of 1924 gave"
SAYS = lazy(rf"\b(?:the\s+)?(?P<name>(?:[\w'’-]+\s+){{0,3}}?){PAPER}"
            r"(?:\s+to\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"  # "Stalin's cable to Borodin"
            r"(?P<of>\s+(?:of|in|from)\s+(?:\d{1,2}\s+)?(?:[A-Z]\w+\s+)?1[89]\d\d)?"
            r"\s+(?P<verb>said|stated|promised|gave|granted|recogni[sz]ed|declared|provided|ceded|handed|returned|"
            r"required|committed|made|let|allowed|guaranteed|renounced|gave\s+up|put|told|ordered|urged|asked|"
            r"charged|instructed|directed|called\s+on|called\s+for|begged)\b", re.IGNORECASE)
# where what the claim says the agreement did ends: its reason
REASON = lazy(r"[,;:]|\b(?:so|because|since|which|and\s+so|thus|therefore|as\s+a\s+result)\b", re.IGNORECASE)
# words of a claim that say what an agreement did, not what it was about
ACTS = frozenset("""gave give given up promised promise granted grant recognised recognized recognise recognize
declared provided ceded handed returned required committed made let allowed guaranteed renounced said stated put
told ordered urged asked charged instructed directed called begged once
agreed agree under terms term signed sign paper moscow russia russian soviet soviets ussr also both whole full
fully""".split())
INDEPENDENT = lazy(r"\bindependen\w*|\bsovereign\w*|\bseparate\s+state\b|\bown\s+state\b", re.IGNORECASE)


def _agreement(claim: str, data, cited=()):
    """(the phrase that names an agreement, where what it is said to do begins and ends, its event row), or None."""
    events = data.events
    papers = events[events["title"].astype(str).str.contains(rf"\b{PAPER}", case=False, regex=True)
                    | events["kind"].astype(str).isin(["treaty"])]
    for m in list(UNDER.finditer(claim)) + list(SAYS.finditer(claim)):
        words = {w for w in evidence_words.words(m.group("name") or "")} - evidence_words.LITTLE
        years = set(claim_people.years_in(m.group(0)))
        rows = papers
        if years:
            rows = rows[rows["date"].dt.year.isin(years)]
        if words - {str(y) for y in years}:
            named = words - {str(y) for y in years}
            rows = rows[[bool(named & set(evidence_words.words(str(t).replace("-", " ").replace("–", " "))))
                         for t in rows["title"]]]
        elif not years:
            rows = rows[rows["event_id"].astype(str).isin(set(cited))]
        if rows.empty:
            continue
        mine = rows[rows["event_id"].astype(str).isin(set(cited))]
        row = (mine if len(mine) else rows).iloc[0]
        if m.re is UNDER.pattern or "verb" not in m.groupdict() or m.groupdict().get("verb") is None:
            after = REASON.search(claim, m.end())
            said = claim[m.end():after.start() if after else len(claim)]
            if not said.strip():  # "Moscow gave up the railway under the manifesto": what comes before it
                begin = max([c.end() for c in REASON.finditer(claim, 0, m.start())] or [0])
                said = claim[begin:m.start()]
        else:
            after = REASON.search(claim, m.end("verb"))
            said = claim[m.start("verb"):after.start() if after else len(claim)]
        named = LEAD.sub("", m.group(0).strip())
        if m.groupdict().get("verb"):
            named = named[:m.start("verb") - m.start()].strip() if not LEAD.match(m.group(0)) else named
            named = re.sub(rf"\s+{m.group('verb')}$", "", named)
        named = re.sub(r"^(?:the|his|her|their|its)\s+", "", named, flags=re.IGNORECASE)
        possessive = re.match(r"[\w'’ -]+?['’]s\s", named)  # "Sun Yat-sen's farewell letter": no "the"
        return ("" if possessive else "the ") + named, said, row
    return None


LEAD = lazy(r"^(?:under|by|in|through|with)\s+(?:the\s+)?(?:terms\s+of\s+(?:the\s+)?)?", re.IGNORECASE)


def _texts(row, data) -> list[tuple[str, str]]:
    """(where, text) of what the kit holds of the agreement: its event, its documents, the notes that cite it."""
    from .documents import bearing_on, load_documents
    from .misconceptions import _spoken

    found = [(f"its event ({row['event_id']})", f"{row['title']} {row.get('description', '')}")]
    try:
        documents = load_documents(data=data)
    except Exception:  # a kit without its documents: the event alone
        documents = []
    for doc in bearing_on(str(row["event_id"]), documents):
        if str(row["event_id"]) in doc.id or doc.date == str(row["date_text"]):
            found.append((f"the part of its text the kit holds ({doc.id})", doc.text))
    day = _spoken(str(row["date_text"]))
    for actor, note in zip(data.actors["actor_id"].astype(str), data.actors["note"].fillna("").astype(str)):
        if day in note or str(row["event_id"]) in note:
            found.append((f"the note on {actor} in data/actors.csv", note))
    return found


def _stem(word: str) -> str:
    return word.lower()[:6] if len(word) > 6 else word.lower().rstrip("s")


def _words_of_terms(said: str, data, row) -> list[str]:
    """The words by which the claim says what the agreement did: not its sides, nor the words of an act."""
    names = ties_said.actor_names(data.actors)
    sides = {w for m in ties_said.mentions(f"{row['title']}", names) for w in evidence_words.words(m.typed)}
    words = [w.removesuffix("'s") for w in evidence_words.words(said)]
    return [w for w in dict.fromkeys(words) if len(w) > 3 and not w.isdigit() and w not in evidence_words.LITTLE
            and w not in ACTS and w not in sides]


def read(claim: str, data, cited=()) -> str | None:
    """Why the claim is refused, when it gives an agreement a term a note citing it contradicts (module text)."""
    from .misconceptions import _spoken

    found = _agreement(claim, data, cited)
    if found is None:
        return None
    named, said, row = found
    opposite = _told_the_opposite(named, said, row, data)
    if opposite:
        return opposite
    if not INDEPENDENT.search(said):
        return None
    names = ties_said.actor_names(data.actors)
    lands = [m for m in ties_said.mentions(said, names)]
    for actor, note in zip(data.actors["actor_id"].astype(str), data.actors["note"].fillna("").astype(str)):
        if not any(m.actor == actor for m in lands):
            continue
        day = _spoken(str(row["date_text"]))
        cites = [s.strip() for s in re.split(r"(?<=[.;])\s+|,\s+(?:and|so)\s+", note)
                 if day in s and re.search(r"\bpart\s+of\b", s)]
        if cites:
            land = str(data.actors.set_index("actor_id").loc[actor, "name"])
            return (f"Your claim says that by {named} {' '.join(said.split())}. But the data's note on {land} says: "
                    f"\"{cites[0].rstrip('.,;')}\". So by that agreement {land} was not independent. Read the note "
                    f"in data/actors.csv, and the event '{row['title']}' ({day}, {row['event_id']}).")
    return None


# "told the Kuomintang to break with Moscow": a message said to tell someone to part from someone
PART = lazy(r"\bto\s+(?:at\s+once\s+)?(?:break|cut|end|leave|quit|split|abandon|drop|turn\s+against|part)\b", re.IGNORECASE)
# "charging the Kuomintang to keep in touch with Moscow": the data's own account of a message that told someone to keep
KEEP = lazy(r"\b(?:charg|urg|ask|tell|told|call|order|instruct|direct|enjoin)\w*\s+(?P<whom>(?:the\s+)?[\w'’ -]{2,40}?)"
            r"\s+to\s+(?P<what>(?:keep|stay|remain|maintain|continue|hold)\b[^.;,]*)", re.IGNORECASE)


def _told_the_opposite(named: str, said: str, row, data) -> str | None:
    """Why a claim is refused that says a message told someone to part from someone, where the message's event in
    the data says it told that one to keep with them ("charging the Kuomintang to keep in touch with Moscow")."""
    from .misconceptions import _spoken

    if not PART.search(said) or re.search(r"\b(?:not|never|n't)\b", said, re.IGNORECASE):
        return None
    names = ties_said.actor_names(data.actors)
    told = ties_said.mentions(said[:PART.search(said).start()], names)
    for kept in KEEP.finditer(str(row.get("description", ""))):
        whom = ties_said.mentions(kept.group("whom"), names)
        if told and whom and any(ties_said._same(t.actor, w.actor) for t in told for w in whom):
            return (f"Your claim says of {named}: '{' '.join(said.split()).rstrip(' .,;')}'. But the data's event on it "
                    f"says the opposite: it was \"{kept.group(0).strip()}\" ('{row['title']}', "
                    f"{_spoken(str(row['date_text']))}, {row['event_id']}). Read that event in data/events.csv, and "
                    "the document on it if there is one.")
    return None


def unread(claim: str, data, cited=()) -> list[str]:
    """What the check could not read of the terms a claim gives an agreement: the words its texts do not hold."""
    found = _agreement(claim, data, cited)
    if found is None:
        return []
    named, said, row = found
    terms = _words_of_terms(said, data, row)
    if not terms:
        return []
    texts = _texts(row, data)
    held = {_stem(w) for _, text in texts for w in evidence_words.words(text)}
    missing = [w for w in terms if _stem(w) not in held]
    if not missing:
        return []
    typed = [next(iter(re.findall(rf"\b{re.escape(w)}\b", said, re.IGNORECASE)), w) for w in missing[:4]]
    listed = ", ".join(f"'{w}'" for w in typed)
    places = [w for w, _ in texts if "data/actors.csv" not in w]
    where = "; ".join(places + (["the notes in data/actors.csv that cite it"] if len(places) < len(texts) else []))
    return [f"what your claim says {named} did ('{' '.join(said.split()).rstrip(' .,;')}'). The kit's texts of it do not hold "
            f"{listed}: it looked in {where}. Some texts are only in part, so read them yourself"]
