"""Who wrote a document: a claim that makes a person the writer of one of the kit's documents ("The Zinoviev letter
was written by Trotsky", "Stalin wrote Trotsky's critique"), read against the document's own author line in
data/documents/. The document is the one whose title shares with the claim's part two words that are not the
person's, one of them a name (a capitalised word of the title). A person the author line names (by full name or
surname), of any document the part may name so, is never refused ("the Sun-Joffe manifesto was signed by Joffe and
Sun Yat-sen" names Sun's farewell letter's words too); a denial ("was not written by") or a wish says nothing here.
"""

from __future__ import annotations

import re

from . import evidence_words, ties_said
from .patterns import lazy

WRITTEN_BY = lazy(r"\b(?:was|were|been)\s+(?:\w+ly\s+)?(?:written|drafted|authored|composed|penned|forged|"
                  r"sent|signed)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
WROTE = lazy(r"^\s*(?:\w+ly\s+)?(?:wrote|drafted|authored|composed|penned|forged)\b", re.IGNORECASE)
DENIED = lazy(r"\b(?:not|never)\b|n['’]t\b", re.IGNORECASE)


def _words(text: str) -> set[str]:
    """A text's words, lower case, without "'s" ("Stalin's theses": stalin, theses)."""
    return {re.sub(r"['’]s$", "", w) for w in evidence_words.words(text)} - evidence_words.LITTLE


def _documents(part: str, documents) -> list:
    """The documents the part names by their titles (two shared words, one of them a name), the best first: `part`
    is the clause with the person's own mention left out (not every word holding their name: "Sun-Joffe" stays)."""
    said = _words(part)
    scored = []
    for doc in documents:
        title = re.sub(r"\b\d+\b|\b1[89]\d\d\b", " ", doc.title)
        names = {re.sub(r"['’]s$", "", w.lower()) for w in re.findall(r"\b[A-Z][\w'’-]+", title)}
        shared = _words(title) & said
        if len(shared) > 1 and shared & names:
            scored.append((-len(shared), len(scored), doc))
    return [doc for _, _, doc in sorted(scored)]


def wrong_author(claim: str, data, documents) -> str | None:
    """A refusal when the claim makes a person the writer of a document whose author line does not name them."""
    persons = ties_said.person_names(data.actors)
    found = [m for m in ties_said.mentions(claim, ties_said.actor_names(data.actors)) if m.actor in persons]
    labels = dict(zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)))
    for begin, finish, _ in ties_said._clauses(claim):
        part = claim[begin:finish]
        if DENIED.search(part) or ties_said.HYPOTHETICAL.search(part):
            continue
        for person in (m for m in found if begin <= m.start < finish):
            if not (WRITTEN_BY.search(claim[begin:person.start]) or WROTE.match(claim[person.end:finish])):
                continue
            docs = _documents(claim[begin:person.start] + " " + claim[person.end:finish], documents)
            if not docs or any(re.search(rf"\b{re.escape(n)}\b", d.author, re.IGNORECASE)
                               for d in docs for n in persons[person.actor]):
                continue  # no document named, or one the part may name has them in its author line
            doc = docs[0]
            return (f"Your claim makes {labels.get(person.actor, person.typed)} the writer of '{doc.title}' "
                    f"({doc.id}), but the document's author line says: \"{' '.join(doc.author.split())}\" Read who "
                    f"wrote it in data/documents/{doc.id}.md.")
    return None


# The British parties of the kit's documents: a government's party as a claim or an author line names it
PARTY_GOVERNMENT = lazy(r"\b(Labour|Conservative|Tory|Tories|Liberal)\s+(?:government|cabinet|ministry)\b",
                        re.IGNORECASE)
SAME_PARTY = {"tory": "conservative", "tories": "conservative"}


def _party(said: re.Match) -> str:
    word = said.group(1).lower()
    return SAME_PARTY.get(word, word)


def wrong_government(claim: str, document) -> str | None:
    """Why a claim that gives the cited document to a party's government ("Chamberlain's note was sent by a Labour
    government") is wrong, from the document's author line ("... in Stanley Baldwin's Conservative government");
    None when the claim names no party's government, the author line none, or the same one. The claim must name
    the document: two words of its title, or the surname of its author."""
    said = PARTY_GOVERNMENT.search(claim)
    author = str(getattr(document, "author", "") or "")
    theirs = PARTY_GOVERNMENT.search(author)
    if said is None or theirs is None or DENIED.search(claim) or _party(said) == _party(theirs):
        return None
    surnames = {w for w in re.findall(r"\b[A-Z][a-z]{2,}\b", author.split(",")[0]) if w not in ("Sir", "The")}
    if not (_documents(claim, [document]) or any(re.search(rf"\b{s}\b", claim) for s in surnames)):
        return None
    part = next(p.strip() for p in author.split(",") if PARTY_GOVERNMENT.search(p))
    return (f"Your claim says a {said.group(1)} government. But the author line of {document.id} says: "
            f"\u201c{part}\u201d. Read who wrote it, then check your claim.")
