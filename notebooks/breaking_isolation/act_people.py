"""Who did it, by a name the data writes but holds no actor for: a claim that makes a statesman or a party the doer
of a recognition, a break or a restoration ("Hoover recognised the USSR in 1933", "In 1924 the Conservatives
recognised the USSR"), read against the text of the data's event of that act.

- a person: the name must be one the data writes somewhere (an event's text, an actor's note), so that the check
  knows it is someone's; the claim is refused when the text of no event of that act (the claim's state's, in the
  claim's year) names them, and the event's text names someone else, which the message quotes;
- a party (Labour, Conservative, Liberal): refused only when the event's text names another party and not the
  claim's; a text that names no party is not judged;
- a party made the doer of any other act of a cited event whose title makes another party its doer ("The Labour
  government refused to ratify" against "Conservatives refuse to ratify the 1924 treaties"): the title's verb and
  the claim's must share a stem, so "Labour signed the treaties the Conservatives refused" is not judged;
- a signer, or a party as the doer, of a deal or act the claim names by the event's own name ("Stalin signed the
  Sun-Joffe manifesto", "the Conservatives published the Zinoviev letter"), whatever the student cites.

Other acts of actors the data has are read by agents.py. A denial or a wish says nothing.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd

from . import acts_named, claim_people, evidence_words, ties_said
from .by_table import per_reading
from .kin import DEMONYMS
from .patterns import lazy

TITLE = r"(?:President|Prime\s+Minister|Premier|Chancellor|Foreign\s+Secretary|Secretary|Commissar|Mr\.?|Sir)\s+"
DOER = lazy(rf"(?:^|[\s,])(?:(?:the|a)\s+)?(?:{TITLE})?(?P<who>[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?)"
            r"(?:\s+(?:government|administration|cabinet|ministry|party))?\s+(?:had\s+|then\s+|finally\s+)?$")
PARTIES = {"labour": "Labour", "conservative": "Conservative", "conservatives": "Conservative", "tory": "Conservative",
           "tories": "Conservative", "liberal": "Liberal", "liberals": "Liberal"}
PARTY_IN_TEXT = lazy(r"\b(Labour|Conservatives?|Tory|Tories|Liberals?)\b")
PARTIES_OF = {"Labour": r"\bLabour\b", "Conservative": r"\b(?:Conservatives?|Tory|Tories)\b", "Liberal": r"\bLiberals?\b"}
# a government a state acted under: "under the Conservative government of Baldwin", "under a Labour cabinet"
UNDER = lazy(r"\bunder\s+(?:the\s+|a\s+)?(?P<party>Labour|Conservatives?|Tory|Tories|Liberals?)\s+"
             r"(?:government|cabinet|ministry|administration)\b")
KINDS = {"recognised": ("de_jure_recognition", "relations_established", "de_facto_recognition"),
         "broke": ("relations_broken",), "restored": ("relations_restored",)}
VERB_NAMES = {"recognised": "recognised Moscow", "broke": "broke off relations", "restored": "restored relations"}
SENTENCE = lazy(r"(?<=[a-z0-9)]\.)\s+(?=[A-Z])")  # not after an initial ("R. M. Hodgson")
DENIED = acts_named.DENIED


def _text(row) -> str:
    return f"{row.get('title', '')}. {row.get('description', '') or ''} {row.get('date_note', '') or ''}"


@per_reading
def _written(data) -> str:
    """Everything the data writes of its events and actors, in which a name the check reads must appear."""
    notes = " ".join(data.actors["note"].fillna("").astype(str)) if "note" in data.actors else ""
    return " ".join(_text(r) for _, r in data.events.iterrows()) + " " + notes


def _named_people(text: str, data, names) -> list[str]:
    """The capitalised words of a text that are names of people the data holds no actor for, nor places nor English
    words: "Roosevelt" in "President Roosevelt and Commissar Litvinov exchanged letters"."""
    found = []
    for match in re.finditer(r"\b[A-Z][a-z]{2,}\b", text):
        word, low = match.group(0), match.group(0).lower()
        if match.start() == 0:
            continue  # a sentence's first word may be any word
        if low in names or low in DEMONYMS or evidence_words.is_common(low) or low in claim_people.MONTHS:
            continue
        found.append(word)
    return found


def read(claim: str, data, cited=()) -> str | None:
    """A refusal when a person or party the claim makes the doer of an act is not the one the data's event names
    (module text), or None."""
    names = ties_said.actor_names(data.actors)
    years = claim_people.years_in(claim)
    for begin, finish in claim_people._parts(claim):
        part = claim[begin:finish]
        verb_at = [m for p in (acts_named.RECOGNISED, acts_named.BROKE, acts_named.RESTORED) for m in [p.search(part)] if m]
        if not verb_at or DENIED.search(part):
            continue
        verb_match = min(verb_at, key=lambda m: m.start())
        under = UNDER.search(part, verb_match.end())
        if under and years:  # "restored relations in 1929 under the Conservative government": that party's act
            verb = acts_named.verb_of(part[verb_match.start():])
            rows = _acts(claim, part, verb, data, claim_people.years_in(part) or years)
            why = _party(PARTIES[under.group("party").lower()], rows, verb) if len(rows) else None
            if why:
                return why
        said = DOER.search(part[:verb_match.start()])
        if said is None and (begin > 0 and CARRIED_ON.fullmatch(part[:verb_match.start()])
                             or AND_THEN.search(part[:verb_match.start()])):
            part = claim[:finish]  # "The Conservatives won the election and then recognised": the sentence's subject
            said = SUBJECT.match(part)
            if said and not PARTY_SUBJECT.fullmatch(said.group("who")) and said.group("who").lower() not in names \
                    and evidence_words.is_common(said.group("who").lower()):
                said = None  # "Revolution abroad cost Moscow friends ... and broke off": an English word, not a doer
        if said is None or not years:
            continue
        who = said.group("who")
        start = said.start("who")
        given = re.search(r"\b(?!(?:The|A|An)\s+$)([A-Z][\w.-]*)\s+$", part[:start])
        if any(m.start <= start < m.end for m in ties_said.mentions(part, names)) or given and not re.search(
                rf"(?:{TITLE})$", part[:start]) and not _given_name(given.group(1)):
            continue  # a word of an actor's name ("the United States"), not a statesman of its own
        if who.lower() in names and who.lower() not in PARTIES:
            continue  # an actor of the data: agents.py reads it
        verb = acts_named.verb_of(part[verb_match.start():])
        rows = _acts(claim, part, verb, data, claim_people.years_in(part) or years)
        if rows.empty:
            continue
        if who.lower() in PARTIES:
            why = _party(PARTIES[who.lower()], rows, verb)
        else:
            why = _person(who, rows, verb, data, names, cited)
        if why:
            return why
    return (_party_of_cited(claim, data, cited) or _statesman_of_cited(claim, data, cited)
            or _signer_of_cited(claim, data, cited) or _rising_leader(claim, data, cited))


# a part that goes on with the sentence's own subject: "... and then recognised the USSR"
CARRIED_ON = lazy(r"\s*(?:(?:and|then|later|soon|also|afterwards|at\s+once)\s+)*", re.IGNORECASE)
PARTY_SUBJECT = lazy(r"Labour|Conservatives?|Tory|Tories|Liberals?")
AND_THEN = lazy(r"\band\s+(?:then\s+|later\s+|soon\s+|also\s+|at\s+once\s+)?$", re.IGNORECASE)
SUBJECT = lazy(rf"^\s*(?:(?:The|the)\s+)?(?:{TITLE})?(?P<who>Labour|Conservatives?|Tory|Tories|Liberals?|"
               r"[A-Z][a-z]+(?:[A-Z][a-z]+)?)\b(?=\s+(?:government\s+|party\s+)?(?:had\s+)?[a-z]+)")


def _given_name(word: str) -> bool:
    """Whether a capitalised word before a surname is a given name ("Stanley Baldwin", "Ramsay MacDonald"): no
    English word ("the United States", "In Britain") and no initial."""
    return len(word) >= 3 and word.isalpha() and not evidence_words.is_common(word.lower())


# who led a rising: "Mao led the Nanchang uprising", and the sentence of an event's text that names its leaders
RISING_LED = lazy(r"(?:^|[\s,])(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:had\s+|then\s+)?(?:led|commanded)\b")
LEADERS_NAMED = lazy(r"\bunder\s+[A-Z][a-z]+|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+led\b")


def _rising_leader(claim: str, data, cited) -> str | None:
    """A refusal when the claim makes a person the leader of a cited event that its clause names by its title,
    and the event's text names who led it ("under Zhou Enlai, He Long...", "Mao Zedong led"), not them; a name
    the data never writes is not judged (the check cannot tell whose it is)."""
    names = ties_said.actor_names(data.actors)
    actor_words = claim_people.words_of_names(names)
    mine = data.events[data.events["event_id"].astype(str).isin(set(cited))]
    written = _written(data)
    for said in RISING_LED.finditer(claim):
        who = said.group("who")
        if DENIED.search(claim[:said.start("who")]) or evidence_words.is_common(who.split()[0].lower()):
            continue
        if who.lower() in names or not re.search(rf"\b{re.escape(who.split()[-1])}\b", written):
            continue  # an actor of the data (agents.py reads it), or a name the data never writes
        rest = re.split(r"[,;]|\b(?:and|but|because|so|after|before|while)\b", claim[said.end():])[0]
        rows = claim_people.named_events(rest, mine, actor_words, cited) if len(mine) else mine
        for _, row in rows.iterrows():
            text = str(row.get("description", "") or "")
            if re.search(rf"\b{re.escape(who.split()[-1])}\b", f"{row['title']} {text}"):
                break  # the event names them: their part is not for this check
            sentence = next((s for s in SENTENCE.split(text) if LEADERS_NAMED.search(s)), None)
            if sentence:
                return (f"Your claim says {who} led '{row['title']}', but the data's text on it ({acts_named.spoken(row)}, "
                        f"{row['event_id']}) names who led it, and not {who}: \"{sentence.strip()}\" Check who led it "
                        "against that event in data/events.csv.")
    return None


# who made a deal: its signers, named in the event's text
DEAL = (r"(?:signed|sealed|concluded|negotiated|clinched|struck|agreed|made|arranged|exchanged|secured|won|"
        r"brokered)")
AFTER_DOER = lazy(rf"^(?:\s*,\s*(?:and\s+)?not\s+[\w\s'’-]+?,)?\s*(?:had\s+|then\s+|finally\s+|personally\s+|"
                  rf"himself\s+)?{DEAL}\b")


def _statesman_of_cited(claim: str, data, cited) -> str | None:
    """A refusal when the claim makes a statesman of the data the signer of a cited event's deal whose text names
    another statesman of the same state and not them (module text), or None."""
    actors = data.actors
    people = actors[actors["kind"].astype(str) == "person"]
    owners = dict(zip(people["actor_id"].astype(str), people["belongs_to"].fillna("").astype(str)))
    persons = ties_said.person_names(actors)
    labels = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str)))
    events = data.events.set_index("event_id", drop=False)
    rows = [events.loc[i] for i in cited if i in events.index]
    names = ties_said.actor_names(actors)
    for said in ties_said.mentions(claim, names):
        deal = AFTER_DOER.match(claim[said.end:])
        if said.actor not in owners or not deal or DENIED.search(claim[:said.start]):
            continue
        rest = re.split(r"(?<=[a-z0-9)]\.)\s|;", claim[said.end:])[0]  # to the end of its sentence
        years = set(claim_people.years_in(rest) or claim_people.years_in(claim))
        months = {m for m in re.findall(r"[a-z]+", rest.lower()) if m in claim_people.MONTHS}
        said_words = set(evidence_words.words(rest)) - evidence_words.LITTLE
        mine = [r for r in rows if r["date"].year in years and (not months or r["date"].strftime("%B").lower() in months)]
        # the deal the sentence names: the cited event whose title shares most of its words
        mine = sorted(mine, key=lambda r: -len(said_words & set(evidence_words.words(str(r["title"])))))
        for row in mine[:1]:
            if not said_words & set(evidence_words.words(str(row["title"]))):
                continue
            text = _text(row)
            if any(re.search(rf"\b{re.escape(n)}\b", text.lower()) for n in persons.get(said.actor, [])):
                continue  # the event names them: their part is not for this check
            others = [p for p, own in owners.items() if p != said.actor and own and own == owners[said.actor]
                      and any(re.search(rf"\b{re.escape(n)}\b", text.lower()) for n in persons.get(p, []))]
            if not others:
                continue
            other = labels[others[0]]
            sentence = next((s for s in SENTENCE.split(str(row.get("description", "") or ""))
                             if other.split()[-1] in s), row["title"])
            verb = re.search(DEAL, deal.group(0)).group(0)
            return (f"Your claim makes {labels[said.actor]} the one who {verb} '{row['title']}' "
                    f"({acts_named.spoken(row)}, {row['event_id']}), which you cite, but the data names {other} "
                    f"there, not {labels[said.actor].split()[-1]}: \"{sentence.strip()}\" Check who did it against "
                    "that event in data/events.csv.")
    return None


# "Austen Chamberlain signed the protocol", "signed his manifesto with Chicherin": a person who made a deal, or the
# one it was made with
SIGNER = lazy(rf"(?:^|[\s,])(?:{TITLE})?(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)?)\s+(?:had\s+|then\s+|personally\s+)?"
              rf"(?P<deal>{DEAL})\b")
PARTNER = lazy(rf"\b(?P<deal>{DEAL})\b[^,;.]{{0,40}}?\bwith\s+(?:{TITLE})?(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)?)\b")
# "Stalin and Sun Yat-sen signed the manifesto": the first of two signers; "the manifesto was signed by Stalin"
FIRST_OF_TWO = lazy(rf"(?:^|[\s,])(?:{TITLE})?(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+and\s+(?:{TITLE})?"
                    rf"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}\s+(?:had\s+|then\s+)?(?P<deal>{DEAL})\b")
SIGNED_BY = lazy(rf"\b(?:was|were|had\s+been)\s+(?P<deal>{DEAL})\s+by\s+(?:{TITLE})?"
                 r"(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


# "Stalin's envoy Joffe": a name as the owner of the person named after it
POSSESSIVE = lazy(r"['’]s\s+(?P<role>envoy|agent|man|representative|emissary|diplomat)\s+(?P<who>[A-Z][a-z]+)")


def envoy_of(claim: str, data) -> list[str]:
    """What "Stalin's envoy Joffe" leaves unjudged: whose envoy the person was, with the body the data has him
    belong to."""
    names = ties_said.actor_names(data.actors)
    labels = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    said = []
    for found in re.finditer(r"\b(?P<owner>[A-Z][a-z]+)" + POSSESSIVE.pattern, claim):
        person = names.get(found.group("who").lower())
        if person and owners.get(person):
            said.append(f"whose {found.group('role')} {labels[person]} was ('{found.group(0)}'): the data has "
                        f"{labels[person]} belong to {labels.get(owners[person], owners[person])}, and names no "
                        f"tie of his to {found.group('owner')}")
    return said


def _signer_of_cited(claim: str, data, cited) -> str | None:
    """A refusal when the claim makes a person the signer of a cited deal ("Austen Chamberlain signed the protocol
    that restored relations in October 1929"), or the one it was made with ("signed his manifesto with Chicherin"),
    and the deal's text in the data does not name them but names who did: the deal is the cited event of the
    claim's year (and month, if it gives one) whose title shares a word with the clause. A person is one the data
    writes somewhere, so that the check knows the name is someone's; the message quotes the data's sentence."""
    events = data.events.set_index("event_id", drop=False)
    rows = [events.loc[i] for i in cited if i in events.index]
    names = ties_said.actor_names(data.actors)
    persons = ties_said.person_names(data.actors)
    written = _written(data)
    notes = (dict(zip(data.actors["actor_id"].astype(str), data.actors["note"].fillna("").astype(str)))
             if "note" in data.actors else {})
    for pattern in (SIGNER, PARTNER, FIRST_OF_TWO, SIGNED_BY):
        for said in pattern.finditer(claim):
            who = said.group("who")
            if DENIED.search(claim[:said.start("who")]) or evidence_words.is_common(who.split()[0].lower()):
                continue
            if POSSESSIVE.match(claim[said.end("who"):]):
                continue  # "with Stalin's envoy Joffe": the envoy is the partner; envoy_of() reads whose he was
            actor = names.get(who.lower()) or names.get(who.split()[-1].lower())
            spelt = persons.get(actor, [who.lower(), who.split()[-1].lower()]) if actor else [who.lower(), who.split()[-1].lower()]
            if actor and actor not in persons:
                continue  # a state or a party: other rules read it
            if not actor and not re.search(rf"\b{re.escape(who.split()[-1])}\b", written):
                continue  # a name the data never writes: the check cannot tell whose it is
            # the deal is named after the signer, or, in the passive, before it ("the manifesto was signed by")
            rest = re.split(r"(?<=[a-z0-9)]\.)\s|;", claim[0 if pattern is SIGNED_BY else said.start():])[0]
            years = set(claim_people.years_in(rest) or claim_people.years_in(claim))
            months = {m for m in re.findall(r"[a-z]+", rest.lower()) if m in claim_people.MONTHS}
            said_words = set(evidence_words.words(rest)) - evidence_words.LITTLE - set(evidence_words.words(who))
            mine = [r for r in rows if r["date"].year in years and (not months or r["date"].strftime("%B").lower() in months)
                    and said_words & set(evidence_words.words(str(r["title"])))]
            if not mine:  # a deal the clause names by its name ("the Sun-Joffe manifesto"), whatever is cited
                mine = [r for _, r in _named_deals(rest, data, years).iterrows()]
            for row in sorted(mine, key=lambda r: -len(said_words & set(evidence_words.words(str(r["title"])))))[:1]:
                text = _text(row).lower()
                if actor and actor in (str(row["actor"]), str(row["counterpart"])):
                    continue
                if any(re.search(rf"\b{re.escape(n)}\b", text) for n in spelt):
                    continue  # the event names them
                if actor and claim_people._note_names(notes.get(actor, ""), SimpleNamespace(title=row["title"],
                                                                                          date=row["date"])):
                    continue  # their note in data/actors.csv does ("signed the 1921 trade agreement")
                sentence = next((s for s in SENTENCE.split(str(row.get("description", "") or ""))
                                 if re.search(rf"\b{DEAL}\b", s) and _named_people(s, data, {})), None)
                if sentence is None:
                    continue  # the data names no one who made it: not judged
                role = (f"it was made with {who}" if pattern is PARTNER else f"it was {said.group('deal')} by {who}"
                        if pattern is SIGNED_BY else f"{who} {said.group('deal')} it")
                yours = ", which you cite," if row["event_id"] in set(cited) else ""
                return (f"Your claim says {role}, but the data's '{row['title']}' ({acts_named.spoken(row)}, "
                        f"{row['event_id']}){yours} does not name {who}: \"{sentence.strip()}\" Check who "
                        "did it against that event in data/events.csv.")
    return None


def _named_deals(part: str, data, years) -> pd.DataFrame:
    """The events a part names by their own name ("the Sun-Joffe manifesto", "the Zinoviev letter"), of the part's
    years if it gives any: a claim that names an act plainly is read against it, whatever the student cites."""
    names = ties_said.actor_names(data.actors)
    rows = claim_people.event_named(part, data.events, claim_people.words_of_names(names))
    return rows[rows["date"].dt.year.isin(set(years))] if years else rows


# "the Labour government of Ramsay MacDonald refused": a party, a word for its government, a leader, then the verb
PARTY_DOER = lazy(r"\b(?P<party>Labour|Conservatives?|Tory|Tories|Liberals?)(?:\s+(?:[Gg]overnment|[Pp]arty|"
                  r"[Cc]abinet|[Mm]inistry))?(?:\s+(?:of|under)(?:\s+[A-Z][\w.'’-]*){1,3})?\s*,?\s+"
                  r"(?:had\s+|then\s+|finally\s+)?(?P<verb>[a-z]{3,})\b")


def _party_of_cited(claim: str, data, cited) -> str | None:
    """A refusal when the claim makes a party the doer of the act of a cited event whose title makes another party
    its doer, with the same verb (module text), or None."""
    events = data.events.set_index("event_id", drop=False) if "event_id" in data.events else data.events
    rows = [events.loc[i] for i in cited if i in events.index]
    for said in PARTY_DOER.finditer(claim):
        if DENIED.search(claim[:said.start()]):
            continue
        party, verb = PARTIES[said.group("party").lower()], said.group("verb")
        for row in rows:
            title = str(row["title"])
            doer = PARTY_IN_TEXT.search(title)
            act = re.match(r"\s+([a-z]{3,})\b", title[doer.end():]) if doer else None
            if act is None or PARTIES[doer.group(1).lower()] == party or not (
                    set(evidence_words._stems(verb)) & set(evidence_words._stems(act.group(1)))):
                continue
            return (f"Your claim makes the {party} party the doer ('{said.group(0)}'), but the data's "
                    f"'{title}' ({acts_named.spoken(row)}, {row['event_id']}), which you cite, names the "
                    f"{PARTIES[doer.group(1).lower()]} party. Check whose government did it against that event in "
                    "data/events.csv.")
    return _leader_of_cited(claim, data, rows) or _party_of_named(claim, data, cited)


# "was published by the Conservatives": a party as the doer of a passive verb
PARTY_BY = lazy(r"\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?P<verb>[a-z]{3,}ed)\s+by\s+(?:the\s+)?"
                r"(?P<party>Labour|Conservatives?|Tory|Tories|Liberals?)\b")
# words for making a document public, as a title's "publishes": "leaked", "released", "printed"
PUBLISHED = lazy(r"(?:publish|releas|leak|issu|print)\w*|made\s+public", re.IGNORECASE)
# an event's title that opens with its doer, then its verb: "The Foreign Office publishes the Zinoviev letter"
TITLE_DOER = lazy(r"^(?P<doer>(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?P<verb>[a-z]{4,}s)\b")


# a leak to the press, which is not the official release an event's title gives ("publishes")
LEAKED = lazy(r"leak\w*|passed", re.IGNORECASE)


def leaked(claim: str, data) -> list[str]:
    """What the check could not decide when the claim makes a party leak a document an event names by its own name
    ("the Conservatives leaked the Zinoviev letter"): the data's event gives the release to another doer, and the
    clause of its sources' notes on who else may have had a copy is quoted."""
    for said in [*PARTY_DOER.finditer(claim), *PARTY_BY.finditer(claim)]:
        if not LEAKED.fullmatch(said.group("verb")) or DENIED.search(claim[:said.start()]):
            continue
        for _, row in _named_deals(claim, data, claim_people.years_in(claim)).iterrows():
            doer = TITLE_DOER.match(str(row["title"]))
            if doer is None or not PUBLISHED.fullmatch(doer.group("verb")):
                continue
            ids = row.get("source_ids")
            ids = set(ids.split(";") if isinstance(ids, str) else ids if isinstance(ids, list) else [])
            notes = data.sources[data.sources["source_id"].astype(str).isin(ids)]["note"].fillna("").astype(str)
            party = PARTIES[said.group("party").lower()]
            told = [c.strip() for n in notes for c in n.split(";") if re.search(PARTIES_OF[party], c)]
            return [f"who leaked it: the data's '{row['title']}' ({acts_named.spoken(row)}, {row['event_id']}) "
                    f"records the release, not who else passed a copy to the press"
                    + (f"; a source it cites says \"{told[0]}\"" if told else "")
                    + f", so whether the {party}s leaked it is for you to argue from the evidence"]
    return []


def _party_of_named(claim: str, data, cited=()) -> str | None:
    """A refusal when the claim makes a party the doer of an act it names by the event's own name ("the
    Conservatives published the Zinoviev letter"), cited or not, whose title gives that act, by the same verb, to
    a doer that is no party ("The Foreign Office publishes the Zinoviev letter"), and no sentence of whose text
    gives the party that verb; a sentence that names the party is quoted."""
    for said in [*PARTY_DOER.finditer(claim), *PARTY_BY.finditer(claim)]:
        if DENIED.search(claim[:said.start()]):
            continue
        if re.search(r"\b(?:government|cabinet|ministry)\b", said.group(0), re.IGNORECASE):
            continue  # "the Labour government published": its offices' acts are the government's, not judged here
        party, verb = PARTIES[said.group("party").lower()], said.group("verb")
        if LEAKED.fullmatch(verb):
            continue  # a leak is not the release the title names: leaked() says what the data does not decide
        stems = set(evidence_words._stems(verb)) | ({"publish"} if PUBLISHED.fullmatch(verb) else set())
        passive = said.re is PARTY_BY.compiled  # "the Zinoviev letter was published by the Conservatives": named before
        rest = re.split(r"[;:]|\b(?:which|because|so|but|and)\b|,", claim[:said.start()] if passive
                        else claim[said.end():])[-1 if passive else 0]
        for _, row in _named_deals(rest, data, claim_people.years_in(rest) or claim_people.years_in(claim)).iterrows():
            title = str(row["title"])
            doer = TITLE_DOER.match(title)
            if doer is None or PARTY_IN_TEXT.search(doer.group("doer")) or not (
                    stems & set(evidence_words._stems(doer.group("verb")))):
                continue
            theirs = [s for s in SENTENCE.split(_text(row)) if re.search(PARTIES_OF[party], s)]
            if any(stems & set(evidence_words._stems(w)) for s in theirs for w in evidence_words.words(s)):
                continue  # the text gives the party the act too: not judged
            yours = ", which you cite," if str(row["event_id"]) in set(cited) else ""
            named = (f" Its text names the {party}s only here: \"{theirs[0].strip()}\"" if theirs else "")
            return (f"Your claim makes the {party} party the doer ('{said.group(0)}'), but the data's '{title}' "
                    f"({acts_named.spoken(row)}, {row['event_id']}){yours} gives the act to "
                    f"{doer.group('doer')[0].lower() + doer.group('doer')[1:]}.{named} Check who did it against "
                    "that event in data/events.csv.")
    return None


# "the MacDonald government refused to ratify": a government named by its leader, then the verb
LEADER_DOER = lazy(r"\b(?P<leader>[A-Z][a-z]*[A-Z]?[a-z]+)(?:['’]s)?\s+(?:government|cabinet|ministry)\s+"
                   r"(?:had\s+|then\s+|finally\s+)?(?P<verb>[a-z]{3,})\b")


def _leader_of_cited(claim: str, data, rows) -> str | None:
    """A refusal when the claim makes a government named by its leader ("the MacDonald government refused to
    ratify") the doer of a cited event whose title makes a party its doer with the same verb ("Conservatives
    refuse to ratify"), whose text does not name that leader, when the data ties the leader to another party
    ("Ramsay MacDonald's second Labour government"), whose sentence is quoted; a leader the data ties to no party
    is not judged here."""
    names = ties_said.actor_names(data.actors)
    described = data.events["description"] if "description" in data.events else pd.Series([], dtype=str)
    told = [s for d in described.fillna("").astype(str) for s in SENTENCE.split(d)]
    for said in LEADER_DOER.finditer(claim):
        leader, verb = said.group("leader"), said.group("verb")
        low = leader.lower()
        if DENIED.search(claim[:said.start()]) or low in PARTIES or low in names or low in DEMONYMS \
                or evidence_words.is_common(low):
            continue  # a party, a state, a people ("the British government"), a word: not a leader's name
        for row in rows:
            title = str(row["title"])
            doer = PARTY_IN_TEXT.search(title)
            act = re.match(r"\s+([a-z]{3,})\b", title[doer.end():]) if doer else None
            if act is None or re.search(rf"\b{leader}\b", _text(row)) or not (
                    set(evidence_words._stems(verb)) & set(evidence_words._stems(act.group(1)))):
                continue
            party = PARTIES[doer.group(1).lower()]
            tied = next((t for t in told if re.search(rf"\b{leader}\b", t) and PARTY_IN_TEXT.search(t)), None)
            if tied is None or party in {PARTIES[p.lower()] for p in PARTY_IN_TEXT.findall(tied)}:
                continue  # the data ties the leader to no party, or to this one: not judged here
            return (f"Your claim makes the {leader} government the doer ('{said.group(0)}'), but the data's "
                    f"'{title}' ({acts_named.spoken(row)}, {row['event_id']}), which you cite, names the {party} "
                    f"party and not {leader}, whom the data ties to another party: \"{tied.strip()}\" Check whose "
                    "government did it against that event in data/events.csv.")
    return None


def _acts(claim: str, part: str, verb: str, data, years) -> pd.DataFrame:
    """The events of the act, of the state the claim names (or whose adjective it writes), in `years`."""
    states = acts_named.states_named(part, data) or acts_named.states_named(claim, data)
    ids = set(data.actors["actor_id"].astype(str))
    adjectives = [DEMONYMS[w.lower()] for w in re.findall(r"[A-Za-z]+", claim) if DEMONYMS.get(w.lower()) in ids]
    facto = bool(acts_named.FACTO.search(part))
    if states:
        return acts_named.state_acts(states[0].actor, verb, data, years, facto)
    if adjectives:
        return acts_named.state_acts(adjectives[0], verb, data, years, facto)
    _, soviet = acts_named._sides(data)
    events = data.events
    with_moscow = events["actor"].astype(str).isin(soviet) | events["counterpart"].astype(str).isin(soviet)
    rows = events[with_moscow & events["kind"].astype(str).isin(KINDS[verb]) & events["date"].dt.year.isin(set(years))]
    return rows.sort_values("date")


def _party(party: str, rows: pd.DataFrame, verb: str) -> str | None:
    named = [(row, {PARTIES[p.lower()] for p in PARTY_IN_TEXT.findall(_text(row))}) for _, row in rows.iterrows()]
    named = [(row, parties) for row, parties in named if parties]
    if not named or any(party in parties for _, parties in named):
        return None  # no event of the act names a party, or one names the claim's: not judged
    row = named[0][0]
    sentence = next(s for s in SENTENCE.split(_text(row)) if PARTY_IN_TEXT.search(s))
    return (f"Your claim makes the {party} party the one that {VERB_NAMES[verb]}, but the data's "
            f"'{row['title']}' ({acts_named.spoken(row)}, {row['event_id']}) says: \"{sentence.strip()}\" Check "
            "whose government did it against that event in data/events.csv.")


def _person(who: str, rows: pd.DataFrame, verb: str, data, names, cited_ids=()) -> str | None:
    if not re.search(rf"\b{re.escape(who)}\b", _written(data)):
        return None  # a name the data never writes: the check cannot tell whose it is
    if any(re.search(rf"\b{re.escape(who)}\b", _text(r)) for _, r in rows.iterrows()):
        return None
    cited = rows["event_id"].astype(str).isin(set(cited_ids))
    rows = pd.concat([rows[cited], rows[~cited]])  # the event the student cites is the one quoted
    for _, row in rows.iterrows():
        for sentence in SENTENCE.split(f"{row.get('description', '') or ''}"):
            others = _named_people(sentence, data, names)
            if others:
                return (f"Your claim makes {who} the one who {VERB_NAMES[verb]}, but the data's '{row['title']}' "
                        f"({acts_named.spoken(row)}, {row['event_id']}) does not name {who}: \"{sentence.strip()}\" "
                        "Check who did it against that event in data/events.csv.")
    return None
