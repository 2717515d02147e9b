"""The checks of notebook 03-china's exercises C, D, E and G (A, B and F live in china.py and evidence.py).

D and E have one answer the data decides, computed here. C (who would sign a claim) and G (what would have had
to be true) are historical judgements: their checks read the form of the answer and whether its evidence
exists, say so, and never say "right".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

import pandas as pd

from . import checks, evidence_words
from .china import DEBATE_EVENTS, STATE, backing_by_quarter, lane_events
from .patterns import lazy

# what exercise C asks students to read: the theses and the reply's opening, then each side's policy on soviets
DEBATE_DOCUMENTS = ("doc-1927-stalin-theses", "doc-1927-trotsky-critique", "doc-1927-stalin-reply-marchulin",
                    "doc-1927-trotsky-plenum-statement")
SPEAKERS = {"stalin": "Stalin", "trotsky": "Trotsky", "both": "both"}
LEADS = lazy(r"\bthe ((?:[A-Z]\w+ )?Opposition)\b")  # actors.csv's note: "leader of the Left Opposition"


def speakers(actors: pd.DataFrame) -> dict[str, str]:
    """What a student may call a speaker: 'Stalin', 'Trotsky', 'both', each man's names in actors.csv ("Leon
    Trotsky"), and the Opposition actors.csv's note puts him at the head of ("the United Opposition")."""
    found = dict(SPEAKERS)
    notes = dict(zip(actors["actor_id"].astype(str), actors["note"].fillna("").astype(str))) if "note" in actors else {}
    for typed, actor in checks.names_of(actors).items():
        if actor in SPEAKERS:
            found.setdefault(typed, actor)
    for actor in SPEAKERS:
        for group in LEADS.findall(notes.get(actor, "")):
            for name in {group.lower(), group.split()[-1].lower()}:
                found.setdefault(name, actor)
                found.setdefault(f"the {name}", actor)
    # the two men named together mean both: "Stalin and Trotsky", "Trotsky & Stalin", "both of them"
    men = [name for name, actor in found.items() if actor.lower() in ("stalin", "trotsky")]
    for one in men:
        for other in men:
            if found[one].lower() != found[other].lower():
                for joined in (" and ", " & ", " + ", ", "):
                    found.setdefault(f"{one}{joined}{other}", "both")
    found.update({"both of them": "both", "both men": "both"})
    return found


CLAIMS = 3  # exercise C's claims, numbered 1 to 3 in the notebook
# Each exercise C claim of 03-china by a word of its own: 1 "...a bourgeois-democratic revolution against
# imperialism", 2 "...form soviets of workers and peasants now", 3 "The Soviet Union is a factor in China's
# revolution". Whose words they are (`own_words_of`), and which side the data says rejected them (`rejected_by`),
# are read from the debate's documents and events, never typed here; tests/test_checks_walk6.py checks the
# notebook's claim holds the word.
CLAIM_WORDS = {1: "bourgeois-democratic", 2: "soviets", 3: "factor"}
NOT_JUDGED = ("Whether the other man would sign a claim too is for you to judge against the documents: the check read "
              "only whose words your evidence is, and whose texts of the debate hold each claim's word.")
# What exercise G's check reads beyond the form: the facts a condition states that the claim rules match (a year,
# a removal, a person sent away, a post); the rest of a condition it does not judge, and says so.
# Walk 16: "found no clash" alone read as a clean bill for facts the check never reads (a place, a stance).
CONDITIONS_READ = ("It also looked in your conditions for the few kinds of fact it can set against the data (an "
                   "event's year, who removed or sent away a person, who did an act such as an expulsion or a raid, a "
                   "post): none of those clashes with the data. "
                   "It did not check places, or what a person stood for or did beyond that: check those yourself "
                   "in data/events.csv.")
CONDITIONS_NOT_JUDGED = ("Whether your conditions are the ones that mattered is for you to judge against the "
                         "evidence: the check did not judge that.")
MIN_CONDITION_WORDS = 5
# One condition of the shape exercise G asks for, on another question than the exercise's own (claim_form.py).
# a condition of the shape wanted, from China, that is no answer the exercise is after
CONDITION_EXAMPLE = "Sun Yat-sen would have had to live beyond 1925."


def _blank(value) -> bool:
    """Whether a template's blank is still there: ..., "...", or a pair or list of them."""
    if isinstance(value, (list, tuple)):
        return all(_blank(item) for item in value)
    return value is Ellipsis or value is None or (isinstance(value, str) and value.strip() in ("", "..."))


def _words(text: str) -> str:
    """A speaker as typed, for looking up: one space between words, lower case, a period spelling ("Trotskii")
    as the data writes the name."""
    return " ".join(evidence_words.modern_names(text).split()).lower()


def _near_by_words(typed: str, data, documents) -> list[str]:
    """The debate's event an unknown id most likely means, read by its words as well as its letters: the words of
    each event's id and title, and of the title and purpose of the debate's documents on it ("1927-trotsky-reply":
    Trotsky's critique, which its document calls a reply to Stalin); a document counts for the first event it
    lists, its own. [] when no one event shares the most words."""
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", typed.lower()):  # an id's form only: never a line's words
        return []
    said = set(re.findall(r"[a-z0-9]+", typed.lower())) - evidence_words.LITTLE
    titles = dict(zip(data.events["event_id"].astype(str), data.events["title"].astype(str)))
    scores = {}
    for event in DEBATE_EVENTS:
        text = " ".join([event, titles.get(event, "")] + [f"{doc.title} {doc.purpose}" for doc in documents
                                                          if doc.id in DEBATE_DOCUMENTS and doc.event_ids[:1] == (event,)])
        scores[event] = len(said & set(re.findall(r"[a-z0-9]+", text.lower())))
    best = max(scores.values(), default=0)
    top = [event for event, score in scores.items() if score == best]
    return top if best >= 2 and len(top) == 1 else []


def _documents(data):
    from .evidence import _documents  # the kit's documents, loaded as every claim check loads them

    return _documents(data)


def _pairs_in_order(answer) -> bool:
    """Whether an answer is a list (or tuple) of one pair of words for each claim, in the claims' order: read as
    the template's numbered pairs, since the order says which claim each is for."""
    return (isinstance(answer, (list, tuple)) and len(answer) == CLAIMS
            and all(isinstance(p, (list, tuple)) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in answer))


@checks.exercise("china-speakers", expects="a speaker ('Stalin', 'Trotsky' or 'both') and evidence (an event id, or "
                 "a line copied from one of the debate's documents or the debate table) for each of the claims 1 to 3")
def _check_speakers(answer, data):
    if _pairs_in_order(answer):  # [('Stalin', ...), ('Trotsky', ...), ...]: the claims in their order, 1 to 3
        answer = {n: pair for n, pair in enumerate(answer, start=1)}
    if not isinstance(answer, Mapping):
        raise checks.Unreadable("Start from the template: curly brackets, with the claims' numbers 1, 2 and 3.")
    if all(_blank(value) for value in answer.values()):
        return checks.unanswered("a speaker and the evidence for each claim")
    given = {}
    for key, value in answer.items():
        try:
            number = int(str(key).strip())
        except ValueError:
            raise checks.Unreadable(f"Number each claim 1, 2 or 3; {checks.shown(key)} is not one of them.") from None
        if isinstance(value, str) or not hasattr(value, "__len__") or len(value) != 2:
            raise checks.Unreadable(f"Give claim {number} a pair in brackets: a speaker and the evidence, such as "
                                    "('Stalin', '1927-stalin-theses-china').")
        left = [part is None or part is Ellipsis or part == "..." for part in value]  # (an empty line is read)
        blank = ["speaker", "evidence"][left.index(True)] if any(left) else None
        if blank:  # the template's ... left in place: not filled in, never read as a word of evidence
            return checks.wrong(f"Claim {number} has no {blank} yet: put it in place of the template's ... or "
                                "None, such as ('Stalin', '1927-stalin-theses-china').")
        given[number] = (str(value[0]), str(value[1]))
    missing = [n for n in range(1, CLAIMS + 1) if n not in given]
    if missing or len(given) != CLAIMS:
        return checks.wrong(f"Answer each of the {CLAIMS} claims, numbered 1 to {CLAIMS}"
                            + (f": claim {missing[0]} has no answer yet." if missing else "."))
    names = speakers(data.actors)
    unknown = [n for n, (who, _) in sorted(given.items()) if _words(who) not in names]
    if unknown:
        return checks.wrong(f"For claim {unknown[0]}, name the speaker as 'Stalin', 'Trotsky' or 'both'.")
    documents = _documents(data)
    words = evidence_words.lexicon(data, documents)
    texts = {doc.id: doc.text for doc in documents if doc.id in DEBATE_DOCUMENTS}
    described = data.events.set_index("event_id")["description"]
    texts.update({f"the data's description of {event}": str(described[event])
                  for event in DEBATE_EVENTS if event in described.index})
    found, unmatched, lines, slips = [], [], {}, []
    ids = data.events["event_id"].astype(str)
    for n, (who, shows) in sorted(given.items()):
        lowered = " ".join(shows.split()).lower()
        match = evidence_words.match_line(lowered if lowered in set(ids) else shows, words, ids, texts)
        if match is None or (match.kind == "date" and match.event not in DEBATE_EVENTS):
            match = _document_named(shows, documents) or match  # "27 May 1927": Trotsky's statement of that day
        if match is not None and match.kind == "date" and match.event not in DEBATE_EVENTS:
            # a date is no event id: never read as an event the student did not type
            return checks.wrong(f"For claim {n}: {checks.shown(shows)} is a date, and no event of the debate in "
                                f"Moscow in 1927 has it, nor any of its documents; type an event id, not a date: choose from "
                                f"{', '.join(DEBATE_EVENTS)}, or copy a line of one of the debate's documents.")
        if match is not None and match.event is not None and match.event not in DEBATE_EVENTS:
            return checks.wrong(f"For claim {n}: that event ({match.event}) is real, but it is not part of the "
                                f"debate in Moscow in 1927; choose from {', '.join(DEBATE_EVENTS)}, or copy a line "
                                "of one of the debate's documents.")
        almost = evidence_words.near_line(shows, texts) if match is None else None
        if almost and almost[0] in DEBATE_DOCUMENTS:  # a slip of a letter in a copied line: show the line
            title = next(doc.title for doc in documents if doc.id == almost[0])
            slips.append(f"For claim {n}, {checks.shown(shows, 60)} almost matches a line of {almost[0]} ({title}), "
                         f"but not letter for letter. The document has: \u201c{almost[1]}\u201d. Copy the line "
                         "as the document prints it.")
            continue
        if match is None:
            near = _near_by_words(lowered, data, documents) or difflib.get_close_matches(
                lowered, [*DEBATE_EVENTS, *ids], n=1, cutoff=0.75)
            unmatched.append(f"claim {n} ({checks.shown(shows)}" + (f": did you mean {near[0]!r}?)" if near else ")"))
            continue
        said_by, named = evidence_speaker(match, data, documents, names), names[_words(who)].lower()
        if said_by and named not in ("both", said_by):
            evidence = (f"the event {match.event}" if match.event else f"the document {match.text}"
                        if match.kind == "document" else f"a line of {match.text}")
            return checks.wrong(f"For claim {n} you name {SPEAKERS[named]}, but your evidence, {evidence}, is "
                                f"{SPEAKERS[said_by]}'s. Evidence shows who would sign a claim only if it is that person's "
                                f"own words or act: name {SPEAKERS[said_by]}, or give a line or an event of "
                                f"{SPEAKERS[named]}'s.")
        refused = rejected_by(data, n)
        if refused and named in (refused[0], "both"):
            speaker, event, said = refused
            return checks.wrong(f"For claim {n} you name {'both men' if named == 'both' else SPEAKERS[named]}, but "
                                f"the data records that {SPEAKERS[speaker]}'s "
                                f"side rejected it: {event} says \"{said}\". Read that event again, and name who called "
                                "for it.")
        owners = own_words_of(data, documents, n, names)
        if owners and named != "both" and named not in owners:  # a man whose texts never say the claim's words
            word = CLAIM_WORDS[n]
            return checks.wrong(f"For claim {n} you name {SPEAKERS[named]}, but the word of claim {n}, '{word}', "
                                f"stands in no text of {SPEAKERS[named]}'s in the debate (the debate's documents and "
                                f"the debate table). Find '{word}' in the documents ({', '.join(DEBATE_DOCUMENTS)}) "
                                "and in the debate table, see whose text uses it as their own, and name that "
                                "speaker, or 'both' if your evidence shows that the other would sign it too.")
        found.append(f"Claim {n}: {match.what}." + _read_of(n, named, said_by, owners, refused))
        if match.kind == "line":
            lines.setdefault(" ".join(evidence_words.words(shows)), []).append(n)
    if slips and not unmatched:  # only slips of form: what could not be read, never "not right"
        return checks.cannot_read(*slips, "Fix it, then run your answer cell again.")
    if unmatched:
        listed = ", ".join(unmatched[:-1]) + " and " + unmatched[-1] if len(unmatched) > 1 else unmatched[0]
        return checks.wrong(f"The check could not find the evidence for {listed} in the data. What counts: an "
                            f"event id, the date or the title of an event or of one of the debate's documents "
                            f"({', '.join(DEBATE_DOCUMENTS)}), or a line of at least "
                            f"{evidence_words.MIN_LINE_WORDS} words copied letter for letter from one of the "
                            "debate's documents, or what the debate table (section D of handout 5) says of an event.",
                            *slips)
    shared = next((claims for claims in lines.values() if len(claims) > 1), None)
    if shared:
        listed = ", ".join(map(str, shared[:-1])) + " and " + str(shared[-1])
        return checks.wrong(f"Claims {listed} have the same line as evidence, so it shows none of them in "
                            "particular: give each claim the line that shows who would sign it.")
    return checks.checked("Each claim has a speaker and evidence the check found in the data.", *found, NOT_JUDGED)


def _read_of(claim: int, named: str, said_by: str | None, owners: set[str], refused=None) -> str:
    """What the check set against the data for one claim it passes, and what it did not judge: a speaker named
    alone may be one of two who would sign it ("both"), which no word count can tell."""
    word = CLAIM_WORDS[claim]
    owners = owners if named == "both" else owners & {named}  # the named man's own texts, not the other's
    holds = " and ".join(SPEAKERS[o] + "'s" for o in sorted(owners))
    read = (f" The word of claim {claim}, '{word}', stands in {holds} own texts of the debate"
            + (f", and your evidence is {SPEAKERS[said_by]}'s" if said_by else "") + "." if owners else "")
    others = [SPEAKERS[m] for m in ("stalin", "trotsky") if m != named]
    if named == "both":
        return read + " The check did not judge whether each man would sign it."
    if refused and SPEAKERS[refused[0]] == others[0]:  # the other side's rejection, read from the data
        return read + f" The data records that {others[0]}'s side rejected it ({refused[1]})."
    return read + f" The check did not judge whether {others[0]} would sign it too."


def _document_named(shows: str, documents) -> evidence_words.Match | None:
    """One of the debate's documents named by its date ("27 May 1927", "1927-05-27") or its title: the notebook
    names them so ("Trotsky's statement of 27 May"), and the answer cell counts a date or a title as evidence."""
    said = " ".join(evidence_words.words(shows))
    for doc in documents:
        if doc.id not in DEBATE_DOCUMENTS:
            continue
        day = pd.to_datetime(str(doc.date), errors="coerce")
        dates = {str(doc.date)} | ({f"{day.day} {day:%B %Y}".lower(), f"{day:%B} {day.day} {day.year}".lower()}
                                   if pd.notna(day) and len(str(doc.date)) == 10 else set())
        if " ".join(shows.replace(",", " ").split()).lower() in dates:
            return evidence_words.Match("document", f"{shows.strip()} is the date of the document {doc.id}", text=doc.id)
        if said and said == " ".join(evidence_words.words(doc.title)):
            return evidence_words.Match("document", f"your line names the document {doc.id} by its title", text=doc.id)
    return None


def rejected_by(data, claim: int) -> tuple[str, str, str] | None:
    """(the speaker, the event, its words) when one of the debate's events says that speaker's side rejected what
    exercise C's `claim` calls for (CLAIM_WORDS): "they also rejected the Opposition's call for soviets at once"."""
    word = CLAIM_WORDS.get(claim)
    if word is None:
        return None
    names = speakers(data.actors)
    described = data.events.set_index("event_id")["description"].astype(str)
    for event in DEBATE_EVENTS:
        said = re.search(rf"[^.;]*\breject\w*\b[^.;]*\b{word}\b[^.;]*", described.get(event, ""))
        speaker = evidence_speaker(evidence_words.Match("event", "", event), data, [], names) if said else None
        if speaker:
            return speaker, event, " ".join(said.group(0).split())
    return None


def own_words_of(data, documents, claim: int, names: dict[str, str]) -> set[str]:
    """The speakers (stalin, trotsky) in whose texts of the debate the word of exercise C's `claim` (CLAIM_WORDS)
    stands as their own words: a debate document by its author, a debate event by its speaker, each only in a clause
    that does not reject or oppose it ("they also rejected the Opposition's call for soviets", "the theses oppose the
    immediate formation of Soviets": no call for soviets)."""
    word = CLAIM_WORDS.get(claim)
    if word is None:
        return set()
    said = re.compile(rf"(?<![\w-]){re.escape(word)}", re.I)
    described = data.events.set_index("event_id")["description"].astype(str)
    texts = [(evidence_words.Match("line", "", None, doc.id), doc.text) for doc in documents
             if doc.id in DEBATE_DOCUMENTS]
    texts += [(evidence_words.Match("event", "", event), described[event]) for event in DEBATE_EVENTS
              if event in described.index]
    owners = set()
    for match, text in texts:
        clauses = re.split(r"[.;]", text)
        if any(said.search(c) and not re.search(r"\b(reject|oppos)", c, re.I) for c in clauses):
            owner = evidence_speaker(match, data, documents, names)
            owners |= {owner} if owner else set()
    return owners


def _speaker_in(text: str, names: dict[str, str]) -> str | None:
    """The speaker (stalin, trotsky) a text names first, by a name `speakers` reads ("Joseph Stalin", "Trotsky")."""
    found = [(m.start(), names[key].lower()) for key in names if names[key].lower() in ("stalin", "trotsky")
             for m in [re.search(rf"\b{re.escape(key)}\b", text.lower())] if m]
    return min(found)[1] if found else None


def evidence_speaker(match, data, documents, names: dict[str, str]) -> str | None:
    """Whose words or act a piece of evidence is, from the data: an event's actor when it is Stalin or Trotsky, else
    the one its title names as its owner ("Stalin's theses"); a document's author; None when neither says."""
    event = match.event
    if match.text and match.text.startswith("the data's description of "):
        event = match.text.removeprefix("the data's description of ")
    if event is not None:
        row = data.events.set_index("event_id").loc[event]
        if str(row["actor"]) in SPEAKERS:
            return str(row["actor"])
        owner = re.findall(r"([A-Z]\w+)'s\b", str(row["title"]))
        return next((names[o.lower()].lower() for o in owner if names.get(o.lower(), "").lower() in ("stalin", "trotsky")),
                    None)
    author = next((d.author for d in documents if d.id == match.text), "")
    return _speaker_in(author, names) if author else None


@checks.exercise("china-lanes", expects="a table with a row per lane and a column per year")
def _check_lane_counts(answer, data):
    lanes = lane_events(data.events, data.actors)
    expected = lanes.groupby([lanes["lane"].astype(str), lanes["date"].dt.year]).size().unstack(fill_value=0)
    if isinstance(answer, pd.Series) and isinstance(answer.index, pd.MultiIndex):
        return checks.wrong("Nearly: `.unstack(fill_value=0)` turns these counts into a table, a column per year.")
    if not isinstance(answer, pd.DataFrame):
        raise checks.Unreadable("")
    given = answer.copy()
    given.index = given.index.astype(str)
    try:
        given.columns = [int(c) for c in given.columns]
    except (TypeError, ValueError):
        return checks.wrong("Give the table a column per year (1920, 1921...): `lanes['date'].dt.year` gives them.")
    if set(given.index) != set(expected.index):
        if set(map(str, expected.columns)) <= set(given.index):
            return checks.wrong("Your table has a row per year: put the lanes in the rows and the years in the columns.")
        return checks.wrong(f"Your table should have one row for each of the {len(expected)} lanes of `lanes`.")
    missing = sorted(set(expected.columns) - set(given.columns))
    if missing:  # a year dropped: say which, never "the counts differ"
        years = ", ".join(map(str, missing))
        return checks.wrong(f"Your table has no column for {years}, a year with events in `lanes`: keep a column "
                            "for every year.")
    given = given.reindex(index=expected.index, columns=sorted(set(expected.columns) | set(given.columns)),
                          fill_value=0)
    expected = expected.reindex(columns=given.columns, fill_value=0)
    empty = given.isna()
    off = int(((given.astype(float) != expected.astype(float)) & ~empty).to_numpy().sum())
    if empty.to_numpy().any():  # NaN where a lane had no event that year: the count is 0, not missing
        cells = int(empty.to_numpy().sum())
        return checks.wrong(f"{cells} {'cell' if cells == 1 else 'cells'} of your table {'is' if cells == 1 else 'are'} "
                            "empty (NaN): a lane with no event in a year has a count of 0. Fill the empty cells "
                            "with 0: `.unstack(fill_value=0)`."
                            + (f" Then check the counts: {off} of the others differ." if off else ""))
    if off:
        return checks.wrong(f"{off} of the counts differ: count every event of `lanes`, by lane and by year.")
    return checks.right("Every lane's count for every year. Now read the busiest year of each lane off it.")


def both_at_once(count: int) -> str:
    """Exercise E's praise, worded on the count itself: a count of 0 is never told that the face courted both."""
    if count == 0:
        return ("In no quarter did the state face court both sides at once: in each quarter it was cooperative "
                "with one side at most.")
    quarters = "one quarter" if count == 1 else f"{count} quarters"
    return f"In {quarters} the state face courted both sides at once."


@checks.exercise("china-both", expects="a whole number of quarters")
def _check_both_at_once(answer, data):
    backing = backing_by_quarter(data.events, data.actors)
    state = backing[backing["face"] == STATE].pivot(index="quarter", columns="side", values="tie")
    expected = int(((state["Beijing government"] == "cooperative") & (state["Nationalists"] == "cooperative")).sum())
    given = checks.as_int(answer)
    impossible = checks.outside(given, 0, len(state), f"1923–28 has {len(state)} quarters, so the count is from 0 "
                                f"to {len(state)}")
    if impossible:
        return impossible
    if given == expected:
        return checks.right(both_at_once(expected))
    return checks.wrong(("Too many" if given > expected else "Too few") +
                        ": keep the state face's rows, pivot them to one column per side, and count the quarters "
                        "in which both the Beijing government's and the Nationalists' columns say 'cooperative'.")


CONDITIONS_FORM = ('{"conditions": ["One sentence.", "Another sentence."], "events": ["an-event-id", '
                   '"another-event-id"]}')


def _conditions_as_keys(answer: Mapping) -> dict:
    """{condition: event id (or a list of ids)}, the other way to write exercise G's answer, as the template's
    {"conditions": [...], "events": [...]}; any other dictionary is refused with the form the check reads."""
    if all(isinstance(k, str) and len(k.split()) > 1 for k in answer):
        events = []
        for value in answer.values():
            events.extend(value if isinstance(value, (list, tuple, set)) else [value])
        return {"conditions": list(answer), "events": events}
    listed = ", ".join(checks.shown(k) for k in list(answer)[:3])
    raise checks.Unreadable(f"The check looks for the keys \"conditions\" and \"events\" and found {listed}. "
                            f"Write your answer as the template does: {CONDITIONS_FORM}, or as "
                            '{"your first condition": "an-event-id", "your second condition": "another-event-id"}.')


# "he", "him": the person a condition's fact is about, when its own part names nobody before it
PRONOUN = lazy(r"\b(?:he|him|she|her)\b")
NAME_RUN = lazy(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


AT_PLACE = lazy(r"\b(?:in|at|to|from|near|into)\s+$", re.IGNORECASE)
# "it", "they" opening a stated part: the body the condition is about ("Wuhan would have had to keep the
# Communists, but it expelled them")
BODY_PRONOUN = lazy(r"(?P<lead>\b(?:but|and|yet|since|as|because|which|when|though|although)\s+)(?P<it>it|they)\b")


def _body_named_out(condition: str, data) -> str:
    """The condition with "it" or "they" after "but", "which"... replaced by the one body (not a person) named
    before it, when there is one; else as it is."""
    from . import ties_said

    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    found = ties_said.mentions(condition, ties_said.actor_names(data.actors))
    said = BODY_PRONOUN.search(condition)
    if not said:
        return condition
    bodies = {m.actor: m.typed for m in found if m.end <= said.start() and kinds.get(m.actor) != "person"}
    if len(bodies) != 1:
        return condition
    name = next(iter(bodies.values())).removesuffix("'s").removesuffix("’s")
    if name.lower().startswith("the "):
        name = name[4:]
    return condition[:said.start("it")] + name + condition[said.end("it"):]


def _named_out(condition: str, data) -> str:
    """The condition with "he" or "him" replaced by the one person named before the part it stands in ("The
    Communists needed Chen Duxiu to stay leader, but he was removed": Chen Duxiu; "Wuhan needed Borodin to stay,
    but Chiang expelled him": Borodin, as Chiang is the part's own doer). A name of a state, party or government
    of actors.csv is no person; with two persons before it the pronoun is left as it is."""
    from . import claim_people, ties_said

    names = ties_said.actor_names(data.actors)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    bodies = [m for m in ties_said.mentions(condition, names) if kinds.get(m.actor) != "person"]
    persons = [m for m in ties_said.mentions(condition, names) if kinds.get(m.actor) == "person"]
    parts = [0] + [m.end() for m in claim_people.PART.finditer(condition)]
    out, last = [], 0
    for said in PRONOUN.finditer(condition):
        own = max(p for p in parts if p <= said.start())
        known = {m.actor: m.typed.removesuffix("'s").removesuffix("’s") for m in persons if m.end <= own}
        people = {m.group(0): m for m in NAME_RUN.finditer(condition, 0, own)
                  if m.start() > 0 and not any(b.start <= m.start() < b.end for b in bodies)
                  and not any(p.start <= m.start() < p.end for p in persons)
                  and not AT_PLACE.search(condition, 0, m.start())}  # "stay in Canton": a place, not a man
        people.update({typed: None for typed in known.values()})  # a man of actors.csv, first word or not
        if len(people) != 1:
            continue
        out.append(condition[last:said.start()] + next(iter(people)))
        last = said.end()
    return "".join(out) + condition[last:]


def _fact_refused(condition: str, data, ids) -> str | None:
    """A refusal of a fact a condition states, by the rules that read a claim's acts: the year of a cited or named
    event, and who sent a person away (claim_people, swaps); and, in a condition that only states a fact (no
    CONDITIONAL word), who did an act and when (agents, act_dates); in a stated part of any condition ("but
    Nanjing expelled them"), who did an act of one side against the other and what the cited title says
    (agents, cited_facts); None when it states none they read."""
    from . import act_dates, agents, cited_facts, claim_people, denials, seats, swaps, terms_said, ties_said

    text = _named_out(_body_named_out(condition, data), data)
    dated = claim_people.year_refusal(text, data, ids) if text != condition else None  # as written: read above
    plain = None if CONDITIONAL.search(condition) else (agents.read(condition, data, ids)
                                                        or act_dates.read(condition, data, ids))
    stated = " ".join(text[b:f] for b, f, _ in ties_said._clauses(text)
                      if not ties_said.HYPOTHETICAL.search(text[b:f]))  # "but the Commune succeeded": a fact
    # the month of an act a stated part gives ("but Chiang disarmed them in December 1927"), as for a plain fact
    told = (act_dates.read(stated.strip(), data, ids) if plain is None and stated.strip()
            and not CONDITIONAL.search(stated) else None)
    return (dated or swaps.sent_away(text, data, ids) or plain or agents.read(text, data, ids) or told
            or (cited_facts.turned_round(stated, data, ids) if stated.strip() else None)
            or seats.read(text, data, ids) or (denials.read(stated, data, ids) if stated.strip() else None)
            or terms_said.read(text, data, ids) or _stated_fact(text, data, ids))


def _stated(condition: str) -> str:
    """The parts of a condition it states as facts ("but Wuhan expelled them"), outside its wish."""
    from . import ties_said
    return " ".join(condition[b:f] for b, f, _ in ties_said._clauses(condition)
                    if not ties_said.HYPOTHETICAL.search(condition[b:f]))


def _stated_fact(text: str, data, ids) -> str | None:
    """A death or a cited act a condition's stated part puts in another year (stated_facts.py)."""
    from . import stated_facts
    found = stated_facts.read(_stated(text), data, ids)
    return f"Your claim {found}" if found else None


# What makes a sentence a condition, not a fact: "would have had to", "needed", "only if", "without"...
CONDITIONAL = lazy(r"\b(?:would|could|should|must|might|had\s+to|have\s+to|has\s+to|ought|need\w*|requir\w*|"
                   r"if|unless|provided|depend\w*|conditions?|necessary|essential|without|instead)\b", re.IGNORECASE)


@checks.exercise("china-conditions", expects="a dictionary with 'conditions' (a list of two sentences) and "
                 "'events' (a list of event ids, one or more for each condition)")
def _check_conditions(answer, data):
    # The claim checks, imported here, not with this module: notebook 3 imports it for DEBATE_EVENTS, and a kernel
    # that checks no condition then does not pay for them.
    from . import claim_form, claim_people, misconceptions, outcomes
    if not isinstance(answer, Mapping):
        raise checks.Unreadable("Start from the template: curly brackets around \"conditions\" and \"events\".")
    keys = {str(k).strip().lower(): v for k, v in answer.items()}
    if answer and not {"conditions", "events"} & set(keys):
        keys = _conditions_as_keys(answer)
    conditions = keys.get("conditions", [])
    if _blank(conditions) and _blank(keys.get("events", [])):
        return checks.unanswered("two conditions, and an event for each")
    if isinstance(conditions, str) or not isinstance(conditions, (list, tuple)):
        raise checks.Unreadable("Give the conditions as a list of sentences in quotes, in square brackets.")
    odd = next((c for c in conditions if not isinstance(c, str)), None)
    if odd is not None and not _blank(odd):
        raise checks.Unreadable(f"Each condition should be a sentence in quotes; {checks.what_is(odd)}.")
    conditions = [evidence_words.spelled_out(" ".join(c.split())) for c in conditions
                  if isinstance(c, str) and c.strip() and c.strip() != "..."]
    seen: dict[str, int] = {}
    for n, condition in enumerate(conditions, 1):
        said = " ".join(evidence_words.words(condition))
        if said in seen:  # the same condition twice counts once, and is refused as every repeated item is
            raise checks.Repeated(f"Conditions {seen[said]} and {n} say the same thing. Give two different "
                                  "conditions, then run your answer cell again.")
        seen[said] = n
    ids = keys.get("events", [])
    if not _blank(ids) and not isinstance(ids, str) and (isinstance(ids, Mapping) or not hasattr(ids, "__iter__")):
        raise checks.Unreadable("Give the events as a list of event ids in square brackets, such as "
                                "['1924-whampoa-opens', '1927-wuhan-expels-communists'].")
    ids = ids if isinstance(ids, str) else [i for i in ([] if _blank(ids) else ids) if not _blank(i)]
    ids = sorted(checks.as_id_set(ids, item="an event id"))
    if len(conditions) < 2:
        return checks.wrong("Name two conditions, each as a sentence of its own in the list.")
    short = [n + 1 for n, c in enumerate(conditions) if len(c.split()) < MIN_CONDITION_WORDS]
    if short:
        return checks.wrong(f"Condition {short[0]} is too short to say what would have had to be true: write it "
                            f"as a sentence of at least {MIN_CONDITION_WORDS} words.")
    words = evidence_words.lexicon(data, _documents(data))
    for n, condition in enumerate(conditions, 1):
        noise = evidence_words.is_noise(condition, words)
        if noise:
            return checks.wrong(f"The check cannot read condition {n} as a sentence: {noise}. Say, in your own "
                                "words, what would have had to be true.")
        unread = [f"'{typed}'" + (f" ({meant}?)" if meant else "")
                  for typed, meant in evidence_words.misspelt(condition, words)]
        if unread:  # one word it cannot read is enough: a condition it did not read is never called readable
            listed = ", ".join(unread[:-1]) + " and " + unread[-1] if len(unread) > 1 else unread[0]
            raise checks.Unreadable(f"I could not read {listed} in condition {n}, so the check cannot say it read "
                                    "that condition: check the spelling, or say it with a word from the notebook, then "
                                    "run your answer cell again.")
        stated = misconceptions.found_in(condition, data)
        if stated:  # a condition that rests on a mistake the kit teaches against gets the same kind hint as a claim
            return checks.wrong(f"Condition {n}: {stated[0].hint}", *[m.hint for m in stated[1:]])
        not_a_claim = claim_form.why_not_a_claim(condition, data, words, f"condition {n}", CONDITION_EXAMPLE)
        if not_a_claim:
            raise checks.Unreadable(not_a_claim)
        wrong_year = claim_people.year_refusal(condition, data, ids)
        if wrong_year:  # the year a condition gives an event, against the data (as for a claim)
            return checks.wrong(wrong_year.replace("Your claim ", f"Condition {n} ", 1))
        post = outcomes.post_across_sides(condition, data)
        if post:  # "since Chiang controlled the Red Army": a person at the head of another state's body
            return checks.wrong(post.replace("Your claim ", f"Condition {n} ", 1))
        fact = _fact_refused(condition, data, ids)
        if fact:  # what a condition states as fact ("but he was removed in 1928"), read as a claim's facts are
            return checks.wrong(f"Condition {n} states as a fact what the data records otherwise: "
                                + fact.replace("Your claim ", "your condition ", 1))
    known = set(lane_events(data.events, data.actors)["event_id"])
    unknown = [i for i in ids if i not in set(data.events["event_id"])]
    if unknown:
        listed = ", ".join(checks.shown(i) for i in unknown)
        return checks.wrong(f"The check could not find {'this event id' if len(unknown) == 1 else 'these event ids'} "
                            f"in data/events.csv: {listed}. Copy each id letter for letter from the timeline table.")
    if len(ids) < len(conditions):
        return checks.wrong("Give at least one event for each condition, as evidence of whether it held.")
    elsewhere = [i for i in ids if i not in known]
    if elsewhere:
        listed = ", ".join(elsewhere)
        return checks.wrong(f"{listed} {'is' if len(elsewhere) == 1 else 'are'} not among the China events of the "
                            "timeline (`lanes`): choose evidence from there.")
    said = (f"{len(conditions)} different conditions, each a sentence the check can read, and {len(ids)} different "
            f"events of the China timeline, all in the data: {', '.join(ids)}. {CONDITIONS_READ}")
    from . import denials, terms_said
    denied = [(n, u) for n, c in enumerate(conditions, 1)
              for u in (*denials.unread(_stated(c), data), *terms_said.unread(c, data, ids))]
    if denied:  # "but Moscow did not tell them to leave": a denial the check cannot read is said unchecked
        return checks.unchecked(said, *[f"Condition {n}: the check could not check {u}." for n, u in denied],
                                CONDITIONS_NOT_JUDGED)
    facts = [n for n, c in enumerate(conditions, 1) if not CONDITIONAL.search(c)]
    if facts:  # "Wuhan expelled the communists in July 1927": what happened, not what would have had to be true
        return checks.unchecked(said, *[f"Condition {n} ({checks.shown(conditions[n - 1], 60)}) says what happened, "
                                        "not what would have had to be true: the check read it only as a fact, as "
                                        "above, and did not check it as a condition. Say what would have had to be "
                                        "true, with words such as \"would have had to\" or \"needed\"."
                                        for n in facts], CONDITIONS_NOT_JUDGED)
    return checks.checked(said, CONDITIONS_NOT_JUDGED)
