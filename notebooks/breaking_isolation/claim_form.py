"""Whether a sentence is a claim about the history at all: it says who did what.

A sentence in real words that names a state and a year can still say nothing ("Colourless green ideas sleep
furiously in Britain because 1924."). A claim the free-text checks read must name someone or something the
data knows (a state, a party, a person, a place, an event) and say what was done or how two sides stood: a word
of action or relation from ACTS below (signed, recognised, broke, helped, loyal, isolated...), a word of a tie's
tone (ties_said), a noun of an act that belongs to an actor ("Britain's recognition", "a treaty with Germany"), or
an event of the data by its name ("the Shanghai massacre"). A year alone is no "who".

This reads the shape of a claim only, never its history: whether what it says happened did happen is for the
other readers (misconceptions.py, claim_people.py, ties_said.py) and the teacher.
"""

from __future__ import annotations

import re

from . import claim_people, evidence_words, ties_said
from .patterns import lazy

# Words of what states, parties and people do to or with each other, and of how they stand; a word built on one
# ("signed", "helping", "recognises") counts too (evidence_words.is_known). Plain English, not facts of the data;
# owning counts ("the peasants would have had to own guns": a condition of what a side held), and so does existing
# ("soviets of workers and peasants would have had to exist": the Opposition's demand of 1927), not "have" or
# "had", which every condition of what "would have had to" be true holds.
ACTS = frozenset("""
accept act advise agree aid ally allied alliance annex appoint arm arrest arrive attack back ban befriend begin
beat betray bomb break broke broken build built buy call cancel capture cause cede challenge claim close command
compete condemn conquer control cooperate court create crush cut declare defeat defend demand deny deport destroy
die died dead alive live lived disarm dissolve drive drove elect embrace end enter escape establish exile expand
expel fail fear fight fought finance flee fled follow force form found free fund gain gave give given govern grant
guarantee hate help hire hope host ignore imprison influence insist invade invite isolate isolated join keep kept
kill lead led leave left lend lent lose lost loyal march meet met murder need negotiate neutral oblige occupy offer
open oppose order organise organize overthrow pay paid persuade plan plot prevent promise propose protect protest
provoke punish purge push raid ratify rebel recognise recognize refuse reject release remain renew renounce
replace rescue resist restore return revolt rise rose ruin rule said say seize sell sold send sent settle shoot
shot sign smash spy split spread stay stop strike struck succeed suppress support surrender survive suspect
take taken took talk teach taught tell told threaten topple trade train treat trust try turn unite use visit
vote want warn welcome win won withdraw withdrew withhold withheld delay postpone hold held work wreck
own possess obtain receive acquire exist test
execute hang hanged assassinate
""".split())


# Nouns of an act or a tie, which count when they belong to an actor: "Britain's recognition", "the recognition of
# the USSR", "a treaty with Germany" (never alone: "the bananas of recognition climbed...").
DEEDS = frozenset("""
agreement alliance break cooperation defeat expulsion friendship hostility intervention invasion isolation note
offer policy recognition rupture treaty victory withdrawal
""".split())
OWNED = lazy(r"^['’]s\s+(\w+)(?:\s+(\w+))?")           # "'s recognition", "'s formal recognition"
OF = lazy(r"(\w+)\s+(?:of|by|with|from|to|between)\s+(?:the\s+)?$")  # "recognition of (the) "


def _deed(word: str) -> bool:
    return word.lower() in DEEDS or evidence_words.is_known(word.lower(), ACTS)


def _owned_deed(text: str, data) -> bool:
    """Whether an act or tie belongs to an actor the text names: "Britain's recognition", "recognition of Moscow"."""
    for m in ties_said.mentions(text, ties_said.actor_names(data.actors)):
        owned = OWNED.match(text[m.end - 2:] if m.typed.lower().endswith(("'s", "’s")) else "")
        of = OF.search(text[:m.start])
        if (owned and any(_deed(w) for w in owned.groups() if w)) or (of and _deed(of.group(1))):
            return True
    return False


# Making peace is an act ("the Soviets made peace with Estonia"); "peace" alone is not
PEACE = lazy(r"\b(?:made|make|makes|making|signed|signs?)\s+(?:a\s+)?peace\b", re.IGNORECASE)


def _acts(text: str) -> bool:
    """Whether the text holds a word of action or relation (ACTS, or a tone word of ties_said)."""
    if ties_said.COOPERATIVE.search(text) or ties_said.HOSTILE.search(text) or PEACE.search(text):
        return True
    return any(evidence_words.is_known(word, ACTS) for word in evidence_words.words(text))


# Groups of people the history speaks of, which can do things though the data lists them as no actor: "the
# peasants would have needed arms of their own".
GROUPS = frozenset("""
army armies peasant peasants peasantry worker workers soldier soldiers police students unions union masses
soviets councils
""".split())


def _who(text: str, data, words) -> bool:
    """Whether the text names an actor of the data, a group of people (GROUPS), or a place or thing an event's
    title names (not a year)."""
    if ties_said.mentions(text, ties_said.actor_names(data.actors)):
        return True
    if any(word.lower() in GROUPS for word in evidence_words.words(text)):
        return True
    return any(not shown.isdigit() for _, shown in evidence_words.named_in(text, words))


def _names_an_event(text: str, data) -> bool:
    """Whether the text names an event of the data by two words of its title ("Shanghai massacre", "Treaty of
    Rapallo"), not counting an actor's name: one shared word is a place, not an event."""
    events = claim_people.named_events(text, data.events, set())
    if events.empty:
        return False
    said = claim_people._bare_words(text)
    return any(len({w for w in claim_people._bare_words(t) if w not in evidence_words.LITTLE} & said) >= 2
               for t in events["title"].astype(str))


SHAPE = ("A claim says who did what: a state, a party or a person of the notebook, and what they did or how they "
         "stood with another (signed, recognised, broke off, helped, turned on, was loyal to...).")
EXAMPLE = "Germany signed a treaty with Soviet Russia in 1922."  # Rapallo: a claim of that shape, and true


def why_not_a_claim(text: str, data, words, what: str = "this", example: str = EXAMPLE) -> str | None:
    """Why `text` (a sentence in words the check can read) is not a claim about the history, or None when it says
    who did what. `what` names the text in the message ("condition 2"), `example` gives one of the shape wanted."""
    named_event = _names_an_event(text, data)  # an event named ("the Anglo-Soviet trade agreement") is a "who" too
    if (named_event or _who(text, data, words)) and (_acts(text) or _owned_deed(text, data) or named_event):
        return None
    return (f"The check cannot read {what} as a claim about the history. {SHAPE} For example: \"{example}\"")
