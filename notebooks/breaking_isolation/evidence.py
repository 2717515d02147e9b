"""Claim-and-evidence exercises: a one-sentence claim, at least two event ids, and (if it fits) a document.

    answer = {
        "claim": "Britain's break of 1927 ended relations but not recognition.",
        "events": ["1924-britain-recognition", "1927-britain-breaks-relations"],
        "document": "doc-1927-commons-debate-break",      # optional
    }
    kit.check("recognition-evidence", answer)

A historian, not a program, judges whether a claim is true, so the check never says "right": it says what it
checked (the claim is one sentence in words it can read, not noise, and names someone, somewhere or a year the
data knows, so that it can be tested; every id exists; the events fall in the notebook's window and are of the
kind its question asks about, named as what the check found them to be) and that the teacher judges the history
(evidence_words.py). A claim that gives a state's recognition of Moscow a year the data contradicts is told
what the data says (misconceptions.wrong_years); one that makes a state the first to recognise Moscow, says it never
recognised, restored or broke off relations, held out until a year, or kept relations throughout years the data
has a break in, or that Moscow never helped an actor the data records it helping, is refused with the data's dated
events (absolutes.py); so is a tie said never to have been hostile, or Moscow said to have lost all its friends in
a year (sweeping.py). A tie said to hold before or after an event the claim names ("backed Chiang after the
Shanghai massacre") is read against the events on that side of its date (tie_times.py). A claim that gives a tie between two actors a tone (friendly,
hostile, "count on", "broke with") is read against the kit's events between them (ties_said.py): an actor on both
sides, a tie with no event, or a tone none of its events has is refused, saying what the check found. A claim
that gives no reason ("because", "since", "so", "which shows") is not refused: the check suggests one. A claim that
makes an actor the doer of an act ("Britain raided the Soviet embassy in Peking") is read against the event the
act is about (agents.py): a doer the event does not have, or an act turned round, is refused with the data's
actor; one that says an event succeeded when its title says it was crushed, that an agreement was never broken
when an event ended it, that a person led a body of another state, or that Moscow recognised a party, is refused
with the data's facts (outcomes.py); so is help given to, or an act aimed at, another side than the data's, or a
person acting for a body actors.csv does not put them in (targets.py), or a government said to act before
actors.csv founds it or after it ends (before_founding.py); a break of relations with Moscow given to the side Moscow
broke with, or to another government of the same state (breaks_said.py); a turn against someone put before the
data's own event of it (turns_said.py); an actor said safe or protected all through a period the data has
hostile acts against it in (safe_through.py). So is a person, firm or document given a state the data
does not give it ("Hughes, the British foreign secretary", "the Curzon ultimatum came from France", nationality.py). An act put in a month the data does not date it to, or before or after
another act the data dates the other way round (act_dates.py), a treaty put at another place (places.py) or, named by
its name, between sides its event does not have (treaty_sides.py), a cited event put at a place, given a people's adjective or set
with a state its own text contradicts ("Whampoa opened in Peking", "the Japanese concession at Hankow",
cited_facts.py), or given a verb its title turns round ("supported" a coup the title "brands", "convicted" a
killer it "acquits"), or the occasion
its description names denied (occasions.py), a gap between two cited events their dates contradict ("four weeks
after the ARCOS raid", gaps_said.py) or a
neutrality treaty called an alliance (alliances.py), help or an act turned round (swaps.py), and a statesman or
party the act's event does not name (act_people.py) are refused with the data's dates, ids and words. A claim's cause is read against the date of its effect (causes.py): a cause
the data dates after it is refused, a cause in plain English is said not read; a hostile act said to be ordered by
one whose own last act towards its target was friendly ("Chiang turned on the Communists because Moscow told him
to") is refused with that act (orders_said.py); a cause two or more years before an effect whose text names other
grounds ("Citing documents found in the ARCOS raid") is refused with those grounds. So are the tsarist debts said to
be paid back (debts_said.py), recognition said to be given by an event the data codes as none, or in law by one it
codes de facto (recognition_given.py), an offer given to the one who rejected it (offers_said.py), and what a claim
says its cited document said where the document's author line, purpose or headnote says otherwise
(document_said.py); what it says a document said that the kit's texts do not hold is said unchecked. So is a person
given the opposite stance to what their own event says they called for ("Trotsky opposed soviets", stances.py), or
a join turned round ("the Kuomintang joined the Communist Party", joins_said.py). A judgement historians debate
("Moscow betrayed the Chinese Communists", debated.py) is neither passed nor refused: the check says it is one,
with the events to weigh. A claim that states one of the misconceptions the kit teaches against
(misconceptions.py) gets a kind hint that points at
the evidence. A claim passed on its form is shown the data's events on what it names (data_says.py), so that
the student can see whether it stands. Then the check points at evidence the student has not used: the other side of the story, the
other face of the dual policy (faces.py), a document on one of the cited events. The teacher's key gives model
claims.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from . import (absolutes, act_dates, acts_named, all_of_them, act_people, agents, alliances, authorship, causes, checks, china, claim_form, claim_people, data_says, debated,
               evidence_words, faces, misconceptions, network_model, outcomes, places, recognition, swaps, sweeping, targets, tie_times,
               ties_said)
from . import before_founding, breaks_said, cited_facts, safe_through, turns_said, cited_tones, counts_said, memberships, gaps_said, first_joined, kin, nationality, occasions, recognised_whom  # their own line: the list above is where other rules are added
from . import treaty_sides  # its own line, as above
from . import stays_said  # its own line, as above
from . import seats  # its own line, as above
from . import denials  # its own line, as above
from . import terms_said  # its own line, as above
from . import debts_said  # its own line, as above
from . import recognition_given  # its own line, as above
from . import document_said  # its own line, as above
from . import offers_said  # its own line, as above
from . import orders_said  # its own line, as above
from . import stances  # its own line, as above
from . import joins_said  # its own line, as above
from .by_table import per_reading
from . import spellings  # its own line, as above
from .documents import Document, bearing_on, load_documents
from .loader import DataError
from .patterns import lazy
from .vocabulary import END, START

MIN_EVENTS = 2
KEYS = ("claim", "events", "document")  # the template's keys, the only ones an answer may have
MIN_CLAIM_WORDS = 6
EXPECTS = ("a dictionary with 'claim' (one sentence that names who, where or when), 'events' (a list of at least "
           "two event ids) and, if you like, 'document' (a document id)")
# A claim that explains says why, with one of these (or a word like them). Not required: a claim may judge
# ("it was a mistake: ...") and still be sound; the check suggests a reason when it finds none.
# "so" of "did so", "had done so", "even so", "and so on" is not the conjunction: a sentence may end with it
NOT_SO = r"(?<!\bdid )(?<!\bdone )(?<!\bdo )(?<!\bdoes )(?<!\bdoing )(?<!\beven )so(?!\s+(?:on|forth)\b)"
BECAUSE = lazy(r"\b(because|since|as a result|so that|" + NOT_SO + r"|therefore|thus|hence|which meant|meaning that|led to|"
               r"leading to|caused|causing|due to|owing to|in order to|in return for|in response to|"
               r"forced|allowed|enabled|made it|which shows?|which showed|shows? that|showed that|"
               r"as the|as it|as they|as its|as their|as long as)\b|:", re.IGNORECASE)
YOU_JUDGE = "Whether it is good history is for you to judge against the evidence: a program cannot read it."
ABBREVIATION = lazy(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Dr|St|No|Nos|vol|cf|e\.g|i\.e)\.", re.IGNORECASE)


@dataclass(frozen=True)
class Spec:
    """What one exercise accepts: a window, and which events bear on its question (with why, for the hint)."""
    name: str
    start: str
    end: str
    relevant: Callable[[object], set[str]]  # data -> the event ids that bear on the question
    relevant_words: str                     # how the hint names them
    where: str                              # where in the notebook to find them
    # The events that answer the question themselves (a recognition or a break), when `relevant` also holds
    # events the check only found near them (a raid, a letter): those it says it did not judge. None: all of them.
    core: Callable[[object], set[str]] | None = None
    core_words: str = ""   # how the message names a core event
    near_words: str = ""   # what it says of a relevant event that is not core ({them}: "it" or "them")
    # (data, claim) -> more event ids that bear on this claim in particular; and (data, ids, claim) -> why in plain
    # words the events outside `relevant` do not count, for the refusal
    named_too: Callable[[object, str], set[str]] | None = None
    named_words: str = ""  # how the message names an event of `named_too`
    why_not: Callable[[object, list[str], str], str] | None = None


@dataclass(frozen=True)
class Answer:
    claim: str
    events: tuple[str, ...]
    document: str | None


def read_answer(answer) -> Answer:
    """The three parts of an answer; raises checks.Unreadable when it is not a dict of that form."""
    if not isinstance(answer, Mapping):
        raise checks.Unreadable("Start from the template: curly brackets around \"claim\", \"events\" and "
                                "\"document\".")
    keys = {str(k).strip().lower(): v for k, v in answer.items()}
    strange = [k for k in answer if str(k).strip().lower() not in KEYS]
    if strange:
        listed = ", ".join(checks.shown(k) for k in strange)
        raise checks.Unreadable(f"The check reads only the keys \"claim\", \"events\" and \"document\"; it does "
                                f"not know {listed}. Rename {'it' if len(strange) == 1 else 'them'} as in the template, "
                                "then run your answer cell again.")
    claim = keys.get("claim", "")
    if claim is Ellipsis or claim is None or (isinstance(claim, str) and claim.strip() == "..."):
        claim = ""
    if not isinstance(claim, str):
        raise checks.Unreadable(f"The claim should be a sentence in quotes; yours is {checks.plain_type(claim)}.")
    ids = keys.get("events", [])
    if isinstance(ids, (list, tuple)):  # the template's blanks: [...] or ["...", "..."]
        ids = [i for i in ids if i is not Ellipsis and not (isinstance(i, str) and i.strip() == "...")]
    blank = ids is Ellipsis or ids is None or (isinstance(ids, str) and ids.strip() in ("", "..."))
    ids = [] if blank else sorted(checks.as_id_set(ids, item="an event id"))
    document = keys.get("document")
    if document is Ellipsis or document is None or (isinstance(document, str) and document.strip() in ("", "...")):
        document = None
    elif not isinstance(document, str):
        raise checks.Unreadable(f"The document should be an id in quotes; yours is {checks.plain_type(document)}.")
    return Answer(evidence_words.spelled_out(" ".join(claim.split())), tuple(i for i in ids if i and i != "..."), document and document.strip())


def _ids_of_titles(typed: list[str], events: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(the data's title, its event id, as typed) for each of `typed` that is an event's title in other case or
    punctuation ("britain breaks off relations with the ussr") or spelling ("Purge at Canton")."""
    titles = {" ".join(evidence_words.words(t)): (str(t), str(e))
              for t, e in zip(events["title"].astype(str), events["event_id"].astype(str))}
    return [(*titles[key], item) for item in typed
            for key in [" ".join(evidence_words.words(spellings.as_kit(item)))] if key in titles]


def _joined_ids(typed: str, known) -> list[str]:
    """The event ids a string holds when a student put two or more in one pair of quotes ('id1,id2', 'id1 id2');
    empty when it is not such a string, or one of its parts is no event id."""
    parts = [p for p in re.split(r"[\s,;]+", typed) if p]
    return parts if len(parts) >= 2 and all(p in known for p in parts) else []


# A sentence that asks ("Did Britain recognise ...?"): a question mark ends it.
QUESTION = lazy(r"(?:^|(?<=[.!?]\s))[^.!?]*\?")


def _sentences(text: str) -> int:
    """How many sentences: a break is ". ", "? " or "! " before a capital, unless the word before is "U.S." or "Mr."."""
    words = text.split()
    breaks = sum(1 for word, following in zip(words, words[1:])
                 if word[-1] in ".?!" and following[:1].isupper() and not ABBREVIATION.fullmatch(word))
    return breaks + 1


def assess(answer, data, documents: list[Document], spec: Spec) -> checks.Verdict:
    """Right with pointers to evidence not yet used, or wrong with what to fix first."""
    given = read_answer(answer)
    if not given.claim and not given.events and given.document is None:  # every blank of the template still there
        return checks.unanswered("a claim in one sentence, and the events that support it")
    events = data.events.set_index("event_id")
    judged = debated.found_in(given.claim, data)  # a judgement historians debate: never passed, never refused
    if judged and len(given.claim.split()) < MIN_CLAIM_WORDS:
        return checks.unchecked(judged[0], f"To argue it, write one full sentence (at least {MIN_CLAIM_WORDS} words) "
                                "that says why, and cite the events that support it.")
    if not given.claim.strip(" ."):  # nothing to read: a slip of form, not a wrong claim
        return checks.cannot_read(f"Your claim is empty: write it as one full sentence (at least {MIN_CLAIM_WORDS} "
                                  "words) that answers the question, then run your answer cell again.")
    if len(given.claim.split()) < MIN_CLAIM_WORDS:
        return checks.wrong(f"Write your claim as one full sentence (at least {MIN_CLAIM_WORDS} words) that answers "
                            "the question: a claim says what happened and why it matters, not just a name or a date.")
    asked = QUESTION.search(given.claim)
    if asked:  # a question is no claim: the claim is the student's answer to it
        return checks.cannot_read(
            f"Your claim {'ends' if asked.end() >= len(given.claim.rstrip()) else 'starts'} with a question "
            f"({checks.shown(asked.group(0).strip(), 60)}): a claim is your answer, not a question. Write your "
            "answer as one sentence that says what happened and why, then run your answer cell again.")
    if _sentences(given.claim) > 1:
        return checks.wrong(f"Your claim has {_sentences(given.claim)} sentences, and the check reads one. Join "
                            "them into one sentence (with a word such as \"and\", \"because\" or \"so\"), or keep "
                            "the one that answers the question. Put the events you cite in 'events'.")
    words = evidence_words.lexicon(data, documents)
    noise = evidence_words.is_noise(given.claim, words)
    if noise:  # gibberish is never "checked", whatever reason word it holds; a slip or two is not judged either
        return (checks.cannot_read if evidence_words.few_unread(given.claim, words) else checks.wrong)(f"The check cannot read your claim as a sentence: {noise}.",
                            "Write, in your own words, one sentence that answers the question.")
    stated = misconceptions.found_in(given.claim, data)
    if stated:  # the claim's history is the point, and the hint is kind
        return checks.wrong(*[m.hint for m in stated])
    absolute = (absolutes.read(given.claim, data, spec.start, spec.end, given.events)
                or sweeping.read(given.claim, data, spec.start, spec.end) or all_of_them.read(given.claim, data, given.events)
                or counts_said.read(given.claim, data)
                or recognised_whom.read(given.claim, data, given.events))
    if absolute:  # "first", "never", "until", "throughout": read against the data's dated events
        return checks.wrong(absolute)
    strange = evidence_words.misspelt(given.claim, words)
    slips = [f"'{typed}' ({meant}?)" for typed, meant in strange if meant]
    if slips:  # a slip for a word the check knows: named, with the word it may be
        # a spelling the check cannot read says nothing of the claim's history: "cannot read", never "not right"
        raise checks.Unreadable(f"I could not read {_listed(slips)}: check the spelling, then run your answer cell "
                                "again.")
    unread = [f"'{typed}'" for typed, _ in strange]
    if unread:  # a claim with a word the check cannot read is not one it read: never badged as checked
        raise checks.Unreadable(f"I could not read {_listed(unread)}, so the check cannot say it read your claim: check "
                                "the spelling, or say it with a word from the notebook, then run your answer cell "
                                "again.")
    reason = BECAUSE.search(given.claim)
    if reason and not re.search(r"\w", given.claim[reason.end():]):  # "... because" with nothing after it
        return checks.wrong(f"Finish the sentence: say what comes after \"{reason.group(0).strip()}\".")
    named = evidence_words.named_in(given.claim, words, int(spec.start[:4]) - 10, int(spec.end[:4]) + 10)
    years = set(data.events["date"].dropna().dt.year.astype(int))
    empty_years = [n for n, _ in named if n.isdigit() and int(n) not in years]  # a year with no event is not known
    named = [n for n in named if n[0] not in empty_years]
    if not named:
        outside = beyond_the_data(given.claim, words, years)
        if outside:
            return checks.wrong(f"Your claim names {_listed(outside)}, but {'that is' if len(outside) == 1 else 'they are'} "
                                f"outside the kit's data (its actors, places and events of {min(years)}–{max(years)}), "
                                "so the check cannot test your claim against your evidence. Say who, where or when "
                                "with a state, party, person, place or year from the notebook.")
        return checks.wrong("Your claim names nothing the check can find in the data: say who, where or when (a "
                            "state, a party, a person, a place or a year), so that it can be tested against your "
                            "evidence.")
    not_a_claim = claim_form.why_not_a_claim(given.claim, data, words)
    if not_a_claim:  # real words and a known name, but nobody doing anything: "Colourless green ideas sleep..."
        raise checks.Unreadable(not_a_claim)
    salad = evidence_words.out_of_order(given.claim)
    if salad:  # known words in no sentence's order ("Recognised recognised Britain the the 1924 of USSR was by.")
        return checks.wrong(f"The check cannot read your claim as a sentence: {salad}.",
                            "Write, in your own words, one sentence that answers the question.")
    people = claim_people.read(given.claim, data, words, given.events)
    if people.refusal:  # a person the data records as dead by then
        return checks.wrong(people.refusal)
    seat = seats.read(given.claim, data, given.events)
    if seat:  # a person given a government at a place the data gives another government ("Chiang's government at Wuhan")
        return checks.wrong(seat)
    denial = denials.read(given.claim, data, given.events)
    if denial:  # an act denied that the data records ("the Nationalists did not take Shanghai in 1927")
        return checks.wrong(denial)
    stance = stances.read(given.claim, data, given.events) or joins_said.read(given.claim, data, given.events)
    if stance:  # a person given the stance their own event says they opposed ("Trotsky opposed soviets")
        return checks.wrong(stance)
    term = (terms_said.read(given.claim, data, given.events) or debts_said.read(given.claim, data, given.events)
            or recognition_given.read(given.claim, data, given.events) or offers_said.read(given.claim, data, given.events))
    if term:  # a term an agreement is given that the data says otherwise of ("China recognised Mongolia's independence")
        return checks.wrong(term)
    doer = (agents.read(given.claim, data, given.events) or agents.done_to(given.claim, data, given.events)
            or agents.funded(given.claim, data, given.events)
            or agents.unknown_signer(given.claim, data, given.events) or agents.founded_when(given.claim, data)
            or before_founding.read(given.claim, data, given.events)
            or authorship.wrong_author(given.claim, data, documents) or targets.read(given.claim, data, given.events)
            or nationality.read(given.claim, data, given.events) or first_joined.read(given.claim, data, given.events))
    if doer:  # an act the data credits to another actor than the one the claim makes its doer
        return checks.wrong(doer)
    outcome = outcomes.read(given.claim, data, given.events)
    if outcome:  # an outcome, an end or a post the data says otherwise of
        return checks.wrong(outcome)
    dated = act_dates.read(given.claim, data, given.events)
    if dated:  # an act put in a month, or before or after another, that the data's dates contradict
        return checks.wrong(dated)
    placed = places.read(given.claim, data, given.events) or treaty_sides.read(given.claim, data, given.events)
    if placed:  # a treaty put at a place its event in the data was not made at, or between other sides
        return checks.wrong(placed)
    inside = cited_facts.read(given.claim, data, given.events)
    if inside:  # a cited event put at another place, given another people's thing or another state than its own
        return checks.wrong(inside)
    member = memberships.read(given.claim, data, given.events)
    if member:  # a state said to join an international body the data records it never joining
        return checks.wrong(member)
    toned = cited_tones.read(given.claim, data, given.events)
    if toned:  # a tie's word set against a cited event between the same two of the other tone
        return checks.wrong(toned)
    gap = gaps_said.read(given.claim, data, given.events)
    if gap:  # a number of days, weeks or months between two cited events that their dates contradict
        return checks.wrong(gap)
    allied = alliances.read(given.claim, data, given.events)
    if allied:  # a treaty of neutrality or non-aggression called an alliance
        return checks.wrong(allied)
    swapped = swaps.read(given.claim, data, given.events)
    if swapped:  # help sent the wrong way, an act set against its own doer, a person sent away by a rival
        return checks.wrong(swapped)
    person = act_people.read(given.claim, data, given.events)
    if person:  # a statesman or party made the doer of an act whose event names another
        return checks.wrong(person)
    turned = turns_said.read(given.claim, data, given.events) or safe_through.read(given.claim, data, given.events)
    if turned:  # a turn put before the data's turn, or an actor kept safe through a period it was attacked in
        return checks.wrong(turned)
    broken = breaks_said.read(given.claim, data, given.events)
    if broken:  # a break with Moscow given to the side Moscow broke with, or to another government of the state
        return checks.wrong(broken)
    anchored = tie_times.read(given.claim, data, spec.start, spec.end, given.events)
    if anchored.refusal:  # a tie said to hold before or after an event, against the events on that side of it
        return checks.wrong(anchored.refusal)
    ties = ties_said.read(given.claim, data, spec.start, spec.end, given.events)
    if anchored.unchecked:  # nothing on that side of the event: not checked, and not refused over other years
        ties = ties_said.Said(None, ties.checked, ties.unchecked + tuple(f"The check could not check {u}." for u in
                                                                          anchored.unchecked))
    business = all_of_them.firms_business(given.claim, data)
    if business:  # "never did business": firms' business the data does not count as their state's
        ties = ties_said.Said(ties.refusal, ties.checked, ties.unchecked + (f"The check could not check {business}.",))
    if ties.refusal:  # what the claim says of a tie, against the kit's events: never badged when they hold nothing of it
        return checks.wrong(ties.refusal)
    why = causes.read(given.claim, data, given.events)
    if why.refusal:  # a cause the data dates after what it explains
        return checks.wrong(why.refusal)
    ordered = orders_said.read(given.claim, data, given.events)
    if ordered:  # a hostile act said to be ordered by one whose own acts of the time were friendly to its target
        return checks.wrong(ordered)
    denied = occasions.denied(given.claim, data, given.events)
    if denied:  # the very occasion a cited event's description names, denied
        return checks.wrong(denied)
    slip = claim_people.wrong_cited_year(given.claim, data, given.events) or stays_said.read(given.claim, data, given.events)
    if slip:  # (or a person's stay at a place, "trained in Moscow in 1925", in a year its cited event does not span)  # a cited event told by its act and sides, not its name ("Whampoa opened in 1926"), in another year
        return checks.wrong(slip)
    unknown = [i for i in given.events if i not in events.index]
    joined = next((i for i in unknown if _joined_ids(i, events.index)), None)
    if joined:  # "'id1,id2'": two ids in one pair of quotes
        parts = _joined_ids(joined, events.index)
        return checks.wrong(f"{joined!r} holds {len(parts)} event ids in one pair of quotes: put each id in its own "
                            f"quotes, with a comma between them: {parts!r}.")
    titled = _ids_of_titles(unknown, data.events)
    if titled:  # an event's title for its id: the check knows it, so the id is named, not "not in the data"
        said = [f"'{title}' is the title of an event, not its id: its id is {event}" for title, event, _ in titled]
        rest = [i for i in unknown if i not in {typed for _, _, typed in titled}]
        return checks.cannot_read(*[f"{s}." for s in said],
                                  *([f"{len(rest)} other event id{'s are' if len(rest) > 1 else ' is'} not in "
                                     f"data/events.csv either (the first: {rest[0]!r})."] if rest else []),
                                  "Put the ids in 'events', each in quotes, then run your answer cell again.")
    if unknown:
        return checks.wrong(f"{len(unknown)} of your event ids {'is' if len(unknown) == 1 else 'are'} not in "
                            "data/events.csv: copy them from the event_id column, letter for letter "
                            f"(the first one that fails: {unknown[0]!r}).")
    if len(given.events) < MIN_EVENTS:
        return checks.wrong(f"Cite at least {MIN_EVENTS} different events: one event is an example, two or more "
                            "can support a claim.")
    dates = events.loc[list(given.events), "date"]
    outside = [i for i, d in dates.items() if not pd.Timestamp(spec.start) <= d <= pd.Timestamp(spec.end)]
    # the evidence the question asks for, not the claim: a true event of 1920 is refused as evidence, never as false
    if outside:
        dated = [f"{i} ({_spoken(events.loc[i])})" for i in outside]
        one = len(outside) == 1
        return checks.wrong(f"{len(outside)} of your events {'lies' if one else 'lie'} outside "
                            f"{spec.start[:4]}–{spec.end[:4]}, the years this question asks for evidence from: "
                            f"{_listed(dated)}. Choose evidence from inside them; your claim may still name "
                            f"{'it' if one else 'them'} as background. {EVIDENCE_ONLY}")
    relevant = spec.relevant(data) | (spec.named_too(data, given.claim) if spec.named_too else set())
    off_topic = [i for i in given.events if i not in relevant]
    why_not = tuple(filter(None, [spec.why_not(data, off_topic, given.claim) if spec.why_not and off_topic else ""]))
    if len(off_topic) == len(given.events):
        return checks.wrong(f"None of your events is {spec.relevant_words}; look in {spec.where}.", *why_not,
                            EVIDENCE_ONLY)
    # an event the claim names as its setting ("after Locarno"), cited with the events of the question: background,
    # read as such, never a refusal of evidence the claim itself explains
    background = [i for i in off_topic if _as_setting(given.claim, i, data)] if given.document is None else []
    if len(given.events) - len(off_topic) < MIN_EVENTS and len(background) < len(off_topic):
        return checks.wrong(f"Only {len(given.events) - len(off_topic)} of your events is {spec.relevant_words}: "
                            f"{_listed(off_topic)} {'is' if len(off_topic) == 1 else 'are'} not. Cite at least "
                            f"{MIN_EVENTS} events that are; look in {spec.where}.", *why_not, EVIDENCE_ONLY)
    docs = {d.id: d for d in documents}
    if given.document is not None and given.document not in docs:
        near = difflib.get_close_matches(given.document, list(docs), n=1, cutoff=0.8)
        refuse = checks.cannot_read if near else checks.wrong  # a slip in a document's id is one of form
        return refuse(f"There is no document {given.document!r} in data/documents/."
                      + (f" Did you mean {near[0]!r}?" if near else "")
                      + " Copy its id from the file name, without .md.")
    if given.document is not None and not set(docs[given.document].event_ids) & set(given.events):
        return checks.wrong("Your document bears on none of the events you cite: choose a document whose "
                            "event_ids include one of them, or cite one of its events.")
    cited_document = docs[given.document] if given.document is not None else None
    wrong_government = (authorship.wrong_government(given.claim, cited_document) if cited_document else None) or \
        document_said.read(given.claim, data, cited_document)
    if wrong_government:
        return checks.wrong(wrong_government)
    shown = [evidence_words.as_typed(n, data.actors) for n in named[:3]]
    listed = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
    tips = pointers(given, data, documents, spec)
    if empty_years:
        tips.insert(0, f"The data holds no event in {_listed(empty_years)}, so the check could not test "
                       f"{'that year' if len(empty_years) == 1 else 'those years'}: check {'it' if len(empty_years) == 1 else 'them'}.")
    tips[:0] = misconceptions.in_practice_meant(given.claim, data)  # "recognised in 1921": in practice, not in law
    if not reason:
        tips.insert(0, "Your claim says what; say why as well, with a word such as \"because\", \"since\", \"so\" or "
                       "\"which shows\", if you can.")
    said = (f"Your claim is one sentence the check can read, and it names {listed}, which the data knows. "
            f"{events_said(given, data, spec, off_topic)}")
    # what the data holds on what the claim names, so that the student can hold the claim against it
    held = data_says.said(given.claim, data, spec.core(data) if spec.core else frozenset())
    unrecorded = tuple(f"The check could not check {u}." for u in (*targets.unrecorded(given.claim, data),
                                                                      *absolutes.first_uncounted(given.claim, data),
                                                                      *agents.other_wing(given.claim, data, given.events),
                                                                      *act_people.leaked(given.claim, data),
                                                                      *absolutes.only_unjudged(given.claim, data),
                                                                      *absolutes.first_lapse_unjudged(given.claim, data),
                                                                      *sweeping.only_partner_unjudged(given.claim, data),
                                                                      *all_of_them.only_one_unjudged(given.claim, data),
                                                                      *absolutes.first_treaty_unjudged(given.claim, data),
                                                                      *act_dates.follower_unread(given.claim, data),
                                                                      *act_people.envoy_of(given.claim, data)))
    if spec.name.startswith("china-"):  # notebook 3's claims: a denial or an agreement's terms it cannot read
        unrecorded += tuple(f"The check could not check {u}." for u in (*denials.unread(given.claim, data),
                                                                          *terms_said.unread(given.claim, data, given.events)))
    if len(given.events) - len(off_topic) < MIN_EVENTS:  # the rest is the claim's background (above)
        one = len(background) == 1
        unrecorded += (f"The check counted {_listed(background)} as your claim's background, which your claim names, "
                       f"not as {spec.relevant_words}: {' '.join(why_not) or 'it is not one'} So only "
                       f"{len(given.events) - len(off_topic)} of your events {'is' if len(given.events) - len(off_topic) == 1 else 'are'} "
                       f"evidence here, and the check did not judge your claim against {'it' if one else 'them'}; cite "
                       f"at least {MIN_EVENTS} events that are, looking in {spec.where}.",)
    # the check cannot read what a document says: it says so, never implies that it did
    unread = (DOCUMENT_UNREAD.format(document=cited_document.id),) if cited_document is not None else ()
    unrecorded += tuple(document_said.unread(given.claim, data, cited_document))  # what it says the document said
    could_not = (*judged, *people.unchecked, *ties.unchecked, *why.unchecked, *unrecorded)
    if could_not:  # a part it could not check: said so, and never badged as checked
        return checks.unchecked(said, *unread, *could_not, *people.checked, *ties.checked, *why.checked,
                                "Check those parts yourself against the events, or say them with the actors, events "
                                "and years of the data.", *filter(None, [held]), YOU_JUDGE, *tips)
    occasion = occasions.named(given.claim, data, given.events) if reason else []
    return checks.checked(said, *unread, *people.checked, *ties.checked, *why.checked, *occasion, *filter(None, [held]), YOU_JUDGE,
                          *tips)


# "after Locarno", "four days before Locarno was initialled": an event named as the time of the claim
SETTING_WORDS = r"\b(?:after|before|since|during|following|until|till)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"


def _as_setting(claim: str, event: str, data) -> bool:
    """Whether the claim names the event by a name of its title right after a word of time ("after Locarno")."""
    if event not in data_says._titled(claim, data):
        return False
    title = str(data.events.loc[data.events["event_id"].astype(str) == event, "title"].iloc[0])
    return any(re.search(SETTING_WORDS + rf"{re.escape(n)}\b", claim, re.IGNORECASE)
               for n in claim_people._title_names(title) if not evidence_words.is_common(n))


DOCUMENT_UNREAD = ("The check did not read {document} for what it says. Read it yourself: does it say what your "
                   "claim says?")
EVIDENCE_ONLY = "This is about your evidence, not your claim: the check has not called your claim false."


def _spoken(row) -> str:
    from .misconceptions import _spoken as spoken

    return spoken(str(row["date_text"])) if "date_text" in row.index else f"{row['date']:%d %B %Y}"


def beyond_the_data(claim: str, words, years: set[int]) -> list[str]:
    """What a claim names that the kit's data does not hold, in quotes: a year with no event, and a capitalised
    word that is neither a common word nor a name the data knows ("Mao", "1949")."""
    found = []
    first = re.match(r"\W*([\w'’-]+)", claim)
    for word in dict.fromkeys(re.findall(r"\b[A-Z][\w'’-]*", claim)):
        bare = word.lower().removesuffix("'s").removesuffix("’s")
        if first and word == first.group(1) and evidence_words.is_known(bare, words.known):
            continue  # "Yes", "Perhaps": a sentence's first word, not a name
        if not evidence_words.is_common(bare) and bare not in words.names and len(bare) >= 2:
            found.append(f"'{word}'")
    return found + [f"'{y}'" for y in dict.fromkeys(re.findall(r"\b1[89]\d\d\b", claim)) if int(y) not in years]


def _listed(items) -> str:
    items = list(items)
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def events_said(given: Answer, data, spec: Spec, off_topic: list[str]) -> str:
    """What the check found of the cited events, and only that: it never calls an event relevant that it did
    not find among the events of the question (`spec.core`, else `spec.relevant`)."""
    said = f"Its {len(given.events)} events exist and fall in {spec.start[:4]}–{spec.end[:4]}."
    core = spec.core(data) if spec.core else spec.relevant(data)
    own_tie = spec.named_too(data, given.claim) - core if spec.named_too else set()
    direct = [e for e in given.events if e in core]
    named = [e for e in given.events if e in own_tie and e not in off_topic]
    # Moscow's own recognition of a state (the Hejaz, 1926) is an act of recognition, though it moves no standing
    mine = (recognition.moscow_recognises(data.events, data.actors) if spec.name == "recognition-evidence"
            else pd.DataFrame(columns=["event_id", "name"]))
    recognising = [e for e in given.events if e in set(mine["event_id"]) and e not in core and e not in off_topic]
    near = [e for e in given.events if e not in core and e not in own_tie and e not in off_topic
            and e not in recognising]
    if direct:
        said += (f" {_listed(direct)} {'is' if len(direct) == 1 else 'are each'} "
                 f"{spec.core_words or spec.relevant_words}.")
    if named:
        said += f" {_listed(named)} {'is' if len(named) == 1 else 'are each'} {spec.named_words}."
    if recognising:
        whom = _listed(list(dict.fromkeys(mine.loc[mine["event_id"].isin(recognising), "name"].astype(str))))
        said += (f" {_listed(recognising)} {'is' if len(recognising) == 1 else 'are'} Moscow's own recognition of "
                 f"{whom}: an event of recognition, though it changes no state's recognition of Moscow.")
    if near:
        said += (f" {_listed(near)} {'is' if len(near) == 1 else 'are'} "
                 + spec.near_words.format(them="it" if len(near) == 1 else "them",
                                          they="it" if len(near) == 1 else "they",
                                          explain="explains" if len(near) == 1 else "explain",
                                          an_event="an event" if len(near) == 1 else "events") + ".")
    if off_topic:
        said += (f" {len(off_topic)} of your events {'is' if len(off_topic) == 1 else 'are'} not "
                 f"{spec.relevant_words} ({_listed(off_topic)}), so the check did not count "
                 f"{'it' if len(off_topic) == 1 else 'them'}: check that {'it supports' if len(off_topic) == 1 else 'they support'} "
                 "the claim.")
    return said


def pointers(given: Answer, data, documents: list[Document], spec: Spec) -> list[str]:
    """Evidence the answer has not used yet, as short suggestions (never a model claim)."""
    tips = list(_SIDES[spec.name](given, data))
    if given.document is None:
        # the document that bears on most of the cited events, then the earliest
        readable = sorted({d.id: -len(set(d.event_ids) & set(given.events)) for e in given.events
                           for d in bearing_on(e, documents)}.items(), key=lambda item: (item[1], item[0]))
        if readable:
            tips.append(f"A document bears on your evidence: read {readable[0][0]} in data/documents/ and add it "
                        "as 'document' if it supports or complicates your claim.")
    tips.append("Now test your claim with one question: what evidence would prove it wrong?")
    return tips


# --- notebook 1: recognition and relations ---------------------------------------------------------------


def _moving_events(data) -> set[str]:
    """Events that change some state's recognition of Moscow or its relations with Moscow, counted or not, and
    the events that explain them: any event between Moscow and a state whose standing changed, or someone of
    that state (the Zinoviev letter, the ARCOS raid)."""
    changes = recognition.standing_changes(data.events, data.actors)
    moved = set(changes["state"])
    owner = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].astype(str)))

    def state_of(actor: str) -> str:
        seen = set()
        while actor not in moved and owner.get(actor) and actor not in seen:
            seen.add(actor)
            actor = owner[actor]
        return actor

    causes = {e for e, a, c in zip(data.events["event_id"], data.events["actor"].astype(str),
                                   data.events["counterpart"].astype(str))
              if {state_of(a), state_of(c)} & moved}
    # Moscow's own acts and its dealings with any state (a treaty never ratified, a murder that kept the Swiss away,
    # the NEP that made trade possible): the notebook counts causes as evidence, and no recognition is one too
    soviet = {a for a in data.actors["actor_id"].astype(str) if state_of(a) in ("ussr", "rsfsr")}
    own = {e for e, a, c in zip(data.events["event_id"], data.events["actor"].astype(str),
                                data.events["counterpart"].fillna("").astype(str)) if a in soviet or c in soviet}
    return set(changes["event_id"]) | causes | own


def _recognition_sides(given: Answer, data) -> list[str]:
    changes = recognition.standing_changes(data.events, data.actors).set_index("event_id")
    cited = changes.loc[[e for e in given.events if e in changes.index]]
    tips = []
    if len(cited) and not (cited["kind"] == "relations_broken").any():
        tips.append("Your evidence shows only gains: no event you cite is a break of relations. A claim about "
                    "the path out of isolation should face the breaks of 1927 too.")
    if len(cited) and (cited["kind"] == "relations_broken").all():
        tips.append("Your evidence shows only breaks: cite what was there before the break, and what (if "
                    "anything) came after it.")
    if len(cited) and (~cited["counted"]).any():
        tips.append("One of your events does not count for its state (see the reason column of `changes`): "
                    "say so in your claim, or choose the act of the recognised government.")
    states = set(cited["state"])
    if len(states) == 1 and not _names_state(given.claim, next(iter(states)), data):
        # a claim about that one state is answered by its evidence; a claim about Moscow's path needs a second
        state = states.pop()
        # the other events cited may be another state's (the Colby note is the United States'): then only the
        # acts of recognition or relations are about one state
        owners, soviet = acts_named._sides(data)
        rows = data.events[data.events["event_id"].astype(str).isin(set(given.events))]
        sides = {owners.get(str(a), str(a)) for a in [*rows["actor"], *rows["counterpart"]]} - soviet - {"nan", ""}
        which = "evidence is" if sides <= {state} else "events of recognition or relations are"
        tips.append(f"All your {which} about one state ({checks.actor_labels(data.actors).get(state, state)}): "
                    "is the claim about that state, or about Moscow's path as a whole? If the whole, cite a second "
                    "state.")
    return tips


def _names_state(claim: str, state: str, data) -> bool:
    """Whether the claim names `state` (or one of its actors) by a name a student may type ("Britain", "UK")."""
    from .recognition import state_of

    states = state_of(data.actors)
    text = " " + " ".join(evidence_words.words(claim)) + " "
    return any(f" {name} " in text or f" {name}'s " in text for name, actor in checks.names_of(data.actors).items()
               if states.get(actor, actor) == state and len(name) >= 2 and name != "us")


# --- notebook 2: the network ---------------------------------------------------------------------------


@per_reading
def _signed_ties(data) -> set[str]:
    """Events between two actors of the network's focus, 1921-28, that give a tie its sign (not neutral)."""
    pairs = network_model.event_pairs(data.events, data.actors)
    focus = set(network_model.FOCUS)
    keep = pairs[pairs["u"].isin(focus) & pairs["v"].isin(focus)]
    tones = data.events.set_index("event_id")["tone"].astype(str)
    return {e for e in keep["event_id"] if tones.get(e) != "neutral"}


@per_reading
def _off_figures(data) -> pd.DataFrame:
    """The events of 1921-28 that join Moscow to an actor the network's figures leave out (FOCUS), each with the
    node that is not Moscow's: a Soviet-Turkish treaty is a tie of Moscow's, but not one the figures draw."""
    pairs = network_model.event_pairs(data.events, data.actors)
    focus = set(network_model.FOCUS)
    pairs = pairs[pairs["date"].between(pd.Timestamp(START), pd.Timestamp(END))]
    moscow = (pairs["u"] == network_model.SOVIET) | (pairs["v"] == network_model.SOVIET)
    pairs = pairs[moscow & ~(pairs["u"].isin(focus) & pairs["v"].isin(focus))].copy()
    pairs["other"] = pairs["v"].where(pairs["u"] == network_model.SOVIET, pairs["u"])
    return pairs


@per_reading
def _ties_named(data, claim: str) -> set[str]:
    """The events that give Moscow's tie to an actor the figures leave out its sign, when the claim names that
    actor ("Moscow could count on Turkey because of the treaty of 1925"): evidence on the claim's own tie."""
    pairs = _off_figures(data)
    nodes = network_model.node_of(data.actors)
    # a people's name names its state here too ("the Afghans signed a pact"): read only for this tie, where a
    # state's adjective ("the British general strike") cannot be mistaken for a side
    names = {**kin.peoples(data.actors["actor_id"].astype(str)), **ties_said.actor_names(data.actors)}
    named = {nodes.get(m.actor, m.actor) for m in ties_said.mentions(claim, names)}
    return set(pairs.loc[pairs["other"].isin(named) & (pairs["tone"] != "neutral"), "event_id"])


def _why_off_network(data, ids: list[str], claim: str) -> str:
    """Why, in plain words, cited events do not count for notebook 2: an event marked neutral, or a tie the
    figures do not draw (and the claim does not name)."""
    events = data.events.set_index(data.events["event_id"].astype(str))
    pairs = _off_figures(data).set_index("event_id")
    labels = checks.actor_labels(data.actors, network_model.LABELS)
    said = []
    for event in ids:
        title = f"{event} ('{events.loc[event, 'title']}')"
        if event in pairs.index and str(pairs.loc[event, "tone"]) != "neutral":
            other = labels.get(str(pairs.loc[event, "other"]), str(pairs.loc[event, "other"]))
            said.append(f"{title} is a {pairs.loc[event, 'tone']} act between Moscow and {other}, but the network's "
                        f"figures do not draw {other}, and your claim does not name it: name {other} in your claim "
                        "if that tie is what it is about")
        elif str(events.loc[event, "tone"]) == "neutral":
            said.append(f"{title} is marked neutral in the data: it made no tie friendlier or more hostile")
    return (_listed(said)[:1].upper() + _listed(said)[1:] + ".") if said else ""


def _network_sides(given: Answer, data) -> list[str]:
    events = data.events.set_index("event_id").loc[list(given.events)]
    tips = []
    tones = set(events["tone"].astype(str)) - {"neutral"}
    if len(tones) == 1:
        tips.append(f"All your events are {tones.pop()}: a tie changes sign only if you show both signs; cite "
                    "an event of the other tone on the same tie.")
    shown = set(faces.faces(given.events, data.events, data.actors).values()) - {None}
    if shown == {faces.STATE}:
        tips.append("You cite only the Soviet state's face. The same Politburo directed the Comintern: does an "
                    "event of the party face (the Comintern, Borodin, the Sun-Joffe manifesto) change your claim?")
    elif shown == {faces.PARTY}:
        tips.append("You cite only the party face (the Comintern, its agents, Moscow courting a party abroad). Does "
                    "an act of the Soviet state towards a state (a treaty, a note, a break) support the claim or "
                    "cut against it?")
    return tips


_SIDES = {"recognition-evidence": _recognition_sides, "network-evidence": _network_sides}

SPECS = {
    "recognition-evidence": Spec("recognition-evidence", "1917-11-07", "1933-12-31", _moving_events,
                                 "an event that changes a state's recognition of Moscow or its relations with it, "
                                 "or another event of Moscow's, with a state or of its own, that may explain one",
                                 "the table `changes` (section \"From events to standings\")",
                                 lambda data: set(recognition.standing_changes(data.events, data.actors)["event_id"]),
                                 "an event that changes a state's recognition of Moscow or its relations with it",
                                 "not {an_event} of recognition or relations: the check found {them} only among "
                                 "Moscow's other events, and did not judge "
                                 "whether {they} {explain} that change"),
    "network-evidence": Spec("network-evidence", START, END, _signed_ties,
                             "an event that gives one of the network's ties its sign (a cooperative or hostile event "
                             "between two actors of the figures)",
                             "the event ids of the edges (`edge_table`, column event_ids)",
                             named_too=_ties_named, why_not=_why_off_network,
                             named_words="a cooperative or hostile act between Moscow and an actor your claim names, "
                                         "which the figures do not draw: the check counted it for that tie"),
}

# notebook 3: was the united front a mistake? (the pointers and the relevant events live in china.py)
_SIDES["china-evidence"] = china.evidence_sides
SPECS["china-evidence"] = Spec("china-evidence", "1920-01-01", "1929-12-31", china.evidence_events,
                               "a China event of 1920-29 that is not neutral", "the timeline table `lanes` (figure 1)")


def _documents(data) -> list[Document]:
    try:
        return load_documents(data=data)
    except DataError as problem:  # a broken document is the kit's fault, not the student's: show it in full
        raise RuntimeError(str(problem)) from None


@checks.exercise("recognition-evidence", expects=EXPECTS)
def check_recognition_claim(answer, data):
    return assess(answer, data, _documents(data), SPECS["recognition-evidence"])


@checks.exercise("network-evidence", expects=EXPECTS)
def check_network_claim(answer, data):
    return assess(answer, data, _documents(data), SPECS["network-evidence"])


@checks.exercise("china-evidence", expects=EXPECTS)
def check_china_claim(answer, data):
    return assess(answer, data, _documents(data), SPECS["china-evidence"])
