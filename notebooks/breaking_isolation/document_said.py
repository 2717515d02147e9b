"""What a claim says of the document it cites: "Rakovsky admitted in his reply that the Zinoviev letter was genuine",
"Stanley Baldwin signed the protest note", "in the Commons debate of 1927 Labour supported Baldwin's break", "the
Colby note of 1920 promised American recognition". The check does not read a document's text for its meaning, so
it reads such a claim against what the kit states of the document in plain words: its title, its author line, its
purpose, its headnote, and the titles of the events it bears on.

- a person said to sign, write or send the document whom its author line does not name: refused with the line;
- a party said to support or back something where the document's own lines have that party against it: refused
  with that line;
- the document or its author said to admit or say that something was genuine, where its lines call it a forgery:
  refused with that line;
- the document said to promise or give recognition, where its title, or its event's title, says it refused it:
  refused with that title;
- anything else the claim says the document or its author said or did: not checked, and said so (`unread`),
  unless the document's text, its lines and its events' texts hold every word of what the claim says it said.

The document is the one the answer cites; the claim names it by its author's surname or by its title's words.
"""

from __future__ import annotations

import re

from . import evidence_words, ties_said
from .patterns import lazy

SAYING = lazy(r"\b(?:admit\w*|said|says|stated?|states|promis\w*|offer\w*|agreed?|agrees|accept\w*|support\w*|back(?:ed|s)|"
              r"approv\w*|call(?:ed|s)|claim\w*|declar\w*|demand\w*|den(?:y|ied|ies)|argu\w*|ask(?:ed|s)|told|tells|"
              r"warn\w*|wr[oi]te|written|signed|sent|confess\w*|insist\w*|threat\w*|refus\w*|reject\w*|protest\w*|"
              r"recogni[sz]\w*|voted|blam\w*|accus\w*|prov\w*|show\w*|mention\w*|gave|gives|granted|pledged|"
              r"condemn\w*|prais\w*|welcom\w*|explain\w*|describ\w*|admits|oppos\w*)\b", re.IGNORECASE)
DENIED = lazy(r"\b(?:not|never|no|nor)\b|n['’]t\b", re.IGNORECASE)
SIGNED = lazy(r"\b(?:signed|wrote|written|drafted|sent|issued|penned|authored)\b", re.IGNORECASE)
SUPPORTED = lazy(r"\b(?:support\w*|back(?:ed|s)?|approv\w*|voted\s+for|agreed\s+with|welcom\w*|cheer\w*|endors\w*)\b",
                 re.IGNORECASE)
PARTY = lazy(r"\b(Labour|Conservatives?|Tor(?:y|ies)|Liberals?|Communists?)\b", re.IGNORECASE)
AGAINST = lazy(r"\bagainst\b|\boppos\w*|\bcensur\w*|\bcondemn\w*", re.IGNORECASE)
GENUINE = lazy(r"\b(?:genuine|authentic|real|true|not\s+(?:a\s+)?(?:forgery|fake|forged))\b", re.IGNORECASE)
FORGED = lazy(r"\bforg\w*|\bfake\b|\bfalse\b", re.IGNORECASE)
PROMISED = lazy(r"\b(?:promis\w*|offer\w*|gave|give|gives|granted|grants|pledged|agreed\s+to|accepted|extended)\b"
                r"(?:\s+[\w'’-]+){0,4}?\s+recogni\w*", re.IGNORECASE)
REFUSED = lazy(r"\brefus\w*\s+to\s+recogni\w*|\bno\s+(?:[\w-]+\s+){0,2}recognition\b|\bwould\s+not\s+recogni\w*|"
               r"\bnon-?recognition\b", re.IGNORECASE)
SENTENCE = lazy(r"(?<=[.!?])\s+(?=[A-Z])")


def _author_names(document) -> list[str]:
    """The surnames the author line gives its people ("Christian Rakovsky, the Soviet chargé": Rakovsky)."""
    head = str(document.author).split(",")[0]
    return [w for w in re.findall(r"\b[A-Z][a-z]{2,}\b", head) if w not in ("The", "Sir", "And")][-1:]


def _named(claim: str, document) -> re.Match | None:
    """Where the claim names the document: by its author's surname, or by two of its title's words (one of them a
    name) or a name of its title that is no state's ("Commons", "Colby"); its purpose line counts as title."""
    for name in _author_names(document):
        found = re.search(rf"\b{re.escape(name)}\b", claim)
        if found:
            return found
    title = re.sub(r"\b\d+\b", " ", f"{document.title} {document.purpose}")  # "protest note": its purpose's words
    names = {w.lower() for w in re.findall(r"\b[A-Z][\w'’-]+", title)} - {"the", "a", "an"}
    said = {re.sub(r"['’]s$", "", w) for w in evidence_words.words(claim)} - evidence_words.LITTLE
    shared = {re.sub(r"['’]s$", "", w) for w in evidence_words.words(title)} - evidence_words.LITTLE
    shared = {w for w in shared if w in said or w.rstrip("s") in said}
    common = set(ties_said.MOSCOW_NAMES) | {"soviet", "ussr", "britain", "british", "foreign", "office", "united",
                                            "states", "kingdom", "china", "chinese", "germany", "german"}
    if len(shared) >= 2 or shared & (names - common):
        word = sorted(shared & (names - common)) or sorted(shared)
        return re.search(rf"\b{re.escape(word[0])}", claim, re.IGNORECASE)
    return None


def _lines(document) -> list[str]:
    """The document's own plain lines: its author line, purpose and headnote, sentence by sentence."""
    text = " ".join(str(getattr(document, f, "") or "").strip().rstrip(".") + "." for f in ("author", "purpose", "headnote"))
    return [s.strip() for s in SENTENCE.split(" ".join(text.split())) if s.strip()]


def read(claim: str, data, document) -> str | None:
    """A refusal when the claim says of its cited document what the document's own lines contradict (module
    text), or None."""
    if document is None or _named(claim, document) is None:
        return None
    where = f"data/documents/{document.id}.md"
    # a person said to sign or write it whom the author line does not name
    persons = ties_said.person_names(data.actors)
    labels = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
    for m in ties_said.mentions(claim, ties_said.actor_names(data.actors)):
        if m.actor not in persons:
            continue
        verb = SIGNED.match(claim[m.end:].lstrip(" ,"))
        verb = verb or re.match(r"^\s*(?:\w+ly\s+)?(?:signed|wrote|drafted|sent|issued)\b", claim[m.end:], re.IGNORECASE)
        if verb is None or DENIED.search(claim[max(0, m.start - 12):m.start]):
            continue
        if any(re.search(rf"\b{re.escape(n)}\b", document.author, re.IGNORECASE) for n in persons[m.actor]):
            continue
        return (f"Your claim says {labels.get(m.actor, m.typed)} {verb.group(0).strip()} {document.id}. But its author "
                f"line says: \"{' '.join(document.author.split())}\" Read who wrote it in {where}.")
    # a name the data does not hold as an actor ("Stanley Baldwin signed the protest note"), written just before the
    # verb: a person, when the words are no actor's and the author line does not hold them
    for verb in SIGNED.finditer(claim):
        name = re.search(r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+(?:\w+ly\s+)?$", claim[:verb.start()])
        if name is None or DENIED.search(claim[:verb.start()]) or verb.group(0).lower() == "written":
            continue
        words = [w for w in re.findall(r"[A-Z][\w'’-]+", name.group(1)) if w not in ("The", "In", "At", "On", "A")]
        if not words or ties_said.mentions(name.group(1), ties_said.actor_names(data.actors)) or any(
                re.search(rf"\b{re.escape(w)}\b", document.author) for w in words):
            continue
        if re.search(rf"\b{re.escape(words[-1])}\b", document.title):
            continue  # "the Colby note": the document's own name
        return (f"Your claim says {' '.join(words)} {verb.group(0)} {document.id}. But its author line says: "
                f"\"{' '.join(document.author.split())}\" Read who wrote it in {where}.")
    lines = _lines(document)
    # a party said to support what the document's lines have it against
    for said in SUPPORTED.finditer(claim):
        party = next((p for p in PARTY.finditer(claim[:said.start()])), None)
        if party is None or DENIED.search(claim[party.end():said.start()]):
            continue
        word = party.group(1).lower().rstrip("s")
        mine = [s for s in lines if re.search(rf"\b{re.escape(word)}", s, re.IGNORECASE)]
        against = next((s for s in mine if re.search(r"\bagainst\b", s)), None) or next(
            (s for s in mine if AGAINST.search(s)), None)
        if against:
            return (f"Your claim says {party.group(1)} {said.group(0)} ('{' '.join(claim[party.start():].split()[:10])}'). "
                    f"But {document.id} says: \"{against.rstrip('.')}.\" Read it in {where}.")
    # a letter said to be admitted genuine where the document's lines call it a forgery
    genuine = GENUINE.search(claim)
    if genuine and not DENIED.search(claim[:genuine.start()].split(",")[-1]) and SAYING.search(claim[:genuine.start()]):
        forged = next((s for s in lines if FORGED.search(s)), None)
        if forged:
            return (f"Your claim says the document or its author took it as {genuine.group(0)}. But {document.id} "
                    f"says: \"{forged.rstrip('.')}.\" Read it in {where}.")
    # recognition said to be promised where the document's or its event's title says it was refused
    promised = PROMISED.search(claim)
    if promised and not DENIED.search(claim[:promised.start()]):
        events = data.events.set_index(data.events["event_id"].astype(str))
        titles = [(document.id, document.title)] + [(e, str(events.loc[e, "title"])) for e in document.event_ids
                                                     if e in events.index]
        refused = next(((i, t) for i, t in titles if REFUSED.search(t)), None)
        if refused:
            return (f"Your claim says it {' '.join(promised.group(0).split())}. But the title of {refused[0]} says: "
                    f"\"{refused[1]}\". Read it in {where}.")
    return None


def _stem(word: str) -> str:
    return word.lower()[:6] if len(word) > 6 else word.lower().rstrip("s")


def unread(claim: str, data, document) -> list[str]:
    """What the check could not check: what the claim says its cited document (or its author) said or did."""
    if document is None:
        return []
    named = _named(claim, document)
    if named is None or re.search(r"\b(?:after|before|since|following|during|until|by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
                                  claim[:named.start()], re.IGNORECASE):
        return []  # "after the Zinoviev letter": the document dates the clause, it says nothing in it
    end = re.search(r"[,;:]|\b(?:but|because|since|so|which|while|whereas|although)\b", claim[named.end():], re.IGNORECASE)
    clause = claim[named.end():named.end() + (end.start() if end else len(claim))]
    verb = SAYING.search(clause)
    if verb is None:
        return []
    # what it says the document said, word by word: when the document's text, its lines and its events' texts hold
    # every word, the claim says what they say in their words, and nothing is left unread
    said = [w for w in evidence_words.words(clause[verb.end():]) if len(w) > 3 and w not in evidence_words.LITTLE
            and not SAYING.fullmatch(w)]
    held = " ".join([document.text, document.title, " ".join(_lines(document))] + [
        f"{t} {d}" for e, t, d in zip(data.events["event_id"].astype(str), data.events["title"].astype(str),
                                      data.events["description"].fillna("").astype(str)) if e in document.event_ids])
    stems = {_stem(w) for w in evidence_words.words(held)}
    if said and all(_stem(w) in stems for w in said):
        return []
    return [f"The check could not check what your claim says {document.id} says or does "
            f"('{' '.join(claim.split()[:16]).rstrip('.')}'): it does not read a document for its meaning. Read the "
            "document yourself, and quote the line that shows it."]
