"""Exercise checks: say right or wrong with a hint, and never give the answer away.

A notebook's exercise ends with a check the student runs:

    answer = ...                               # the student replaces ... with an answer
    kit.check("recognition-1", answer)         # shows right, wrong with a hint, or "not answered yet"

Each exercise has one checker, which works the expected answer out from the data (never typed in) and
compares. A checker returns `right(...)` or `wrong(hint)`; the hint says where to look, not what to find:

    @checks.exercise("network-1", expects="a whole number")
    def _(answer, data):
        expected = ...                          # computed from data.events / data.actors
        return checks.right() if checks.as_int(answer) == expected else checks.wrong("Count the edges, not the nodes.")

The decorator only labels the function; nothing is registered when a module is imported. A check reads the
exercise modules listed in MODULES, in order, until it finds its exercise; `registry()` reads them all. An
answer that is still `...` (or None) is "not answered yet"; one that cannot be read as what the exercise
`expects` says so, in plain words. Any other error in a checker is the kit's or the data's, never the student's:
it is raised, not blamed on them.

In a notebook, a check also refuses an answer that is not fresh: when the cell that sets `answer` stopped with
an error since, when the cell before set a near miss of `answer` (`answr = 23`: "Did you mean `answer`?"), or
when `answer` still holds what was already checked for another exercise.
"""

from __future__ import annotations

import difflib
import importlib
import numbers
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from . import data_cache, freshness, patterns, spellings
from .by_table import by_table, one_reading
from .patterns import lazy
from .verdicts import CHECKED as CHECKED
from .verdicts import RIGHT as RIGHT
from .verdicts import STALE, UNANSWERED, UNCHECKED, UNREADABLE, Verdict
from .verdicts import WRONG as WRONG

# The modules whose labelled functions are the exercises (one per notebook, and the claim-and-evidence checks).
MODULES = ("recognition_exercises", "network_exercises", "china", "china_exercises", "evidence")


@dataclass(frozen=True)
class Exercise:
    name: str
    expects: str
    checker: Callable


def exercise(name: str, expects: str) -> Callable:
    """Label the decorated function as the checker of exercise `name`; `expects` describes the answer's form."""
    def label(checker: Callable) -> Callable:
        checker.exercise = Exercise(name, expects, checker)
        return checker
    return label


def collect(modules: Iterable) -> dict[str, Exercise]:
    """The exercises labelled in `modules`, by name; a name used twice is an error."""
    found: dict[str, Exercise] = {}
    for module in modules:
        for value in vars(module).values():
            entry = getattr(value, "exercise", None)
            if isinstance(entry, Exercise):
                if entry.name in found:
                    raise ValueError(f"exercise {entry.name!r} is defined twice")
                found[entry.name] = entry
    return found


_REGISTRY: dict[str, Exercise] = {}
_READ: list[str] = []  # the modules of MODULES read into _REGISTRY so far, in order


def registry() -> dict[str, Exercise]:
    """Every exercise of the kit, read from MODULES when first asked for."""
    _read_until(None)
    return _REGISTRY


def find(name: str) -> Exercise | None:
    """The exercise `name`, or None: MODULES are read in order only until it is found, so that a notebook's check
    imports its own exercises' module and not the claim checks' (most of the kit's code), unless it needs them."""
    _read_until(name)
    return _REGISTRY.get(name)


def _read_until(name: str | None) -> None:
    for module in MODULES[len(_READ):]:
        if name in _REGISTRY:
            return
        found = collect([importlib.import_module(f"{__package__}.{module}")])
        twice = sorted(set(found) & set(_REGISTRY))
        if twice:
            raise ValueError(f"exercise {twice[0]!r} is defined twice")
        _REGISTRY.update(found)
        _READ.append(module)
        if len(_READ) == len(MODULES):  # every exercise read: kept for the user's next kernel (below)
            data_cache.write(KEPT, {entry.name: entry.expects for entry in _REGISTRY.values()}, prefix=KEPT_AS)


# Each exercise's name and the form of its answer, as the last kernel that read every exercise module found them,
# kept in the user's cache beside the kit's data (data_cache.py: a change to any of the kit's code is a new file).
# A check of an answer not given yet (`...`) needs no more, so that it does not import the claim checks (most of
# the kit's code: a quarter of a CPU second a notebook) to say "not answered yet".
KEPT, KEPT_AS = b"exercises", "exercises-"


def expects(name: str) -> str | None:
    """The form exercise `name` expects of an answer, or None if there is no such exercise."""
    if name not in _REGISTRY and len(_READ) < len(MODULES):
        kept = data_cache.read(KEPT, prefix=KEPT_AS)
        if isinstance(kept, dict):
            return kept.get(name)
    entry = find(name)
    return None if entry is None else entry.expects


def right(message: str = "", *points: str) -> Verdict:
    return Verdict(RIGHT, message, points)


def wrong(hint: str, *more: str) -> Verdict:
    return Verdict(WRONG, "", (hint, *more))


def cannot_read(hint: str, *more: str) -> Verdict:
    """For an answer with a slip of form (a misspelt name, an empty claim, a file name for an id): the kit's
    badge for what it could not read, never "not right", which would judge what it did not read."""
    return Verdict(UNREADABLE, "", (hint, *more))


def unanswered(expects: str) -> Verdict:
    """For a template whose every blank still holds ...: not answered yet, as for a bare ..."""
    return Verdict(UNANSWERED, "", (f"Replace each ... with your answer ({expects}), run that cell, then run this one.",))


def checked(message: str, *points: str) -> Verdict:
    """For an answer a program can check only in form (a claim): says what was checked, judges no history."""
    return Verdict(CHECKED, message, points)


def unchecked(message: str, *points: str) -> Verdict:
    """For a claim with a part the check could not check: says what it checked and what it could not, with no
    badge (neither right nor checked) and no refusal of the part it could not read."""
    return Verdict(UNCHECKED, message, points)


class Unreadable(ValueError):
    """Raised by the normalisers below when an answer is not of the expected form; the message says why."""


class Repeated(Unreadable):
    """An answer that gives the same item twice (the same state, or two names of it): refused, never graded."""


def outside(given, low, high, allowed: str) -> Verdict | None:
    """A value the question cannot have (a year 1850, a negative count) is told so, not hinted at as a near
    miss; None when `given` lies from `low` to `high`. `allowed` is a clause that says why, with the bounds:
    "1923–28 has 24 quarters, so the count is from 0 to 24"."""
    if low <= given <= high:
        return None
    return Verdict(WRONG, "", (f"{given} is outside what the question allows: {allowed}.",))


def plain_type(value) -> str:
    """What a value is, in words a student knows: never a Python type's name."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "True or False"
    if isinstance(value, numbers.Integral):
        return "a whole number"
    if isinstance(value, numbers.Real):
        return "a number with decimals"
    if isinstance(value, numbers.Number):
        return "a number of a kind the check cannot read"
    if isinstance(value, str):
        return "a piece of text"
    if isinstance(value, (bytes, bytearray)):
        return "a piece of text marked with b before its quotes"
    if isinstance(value, (pd.Timestamp, pd.Timedelta)) or hasattr(value, "strftime"):
        return "a date"
    if isinstance(value, pd.DataFrame):
        return "a table"
    if isinstance(value, pd.Series):
        return "a column of values"
    if isinstance(value, Mapping):
        return "a dictionary"
    if isinstance(value, (list, tuple, set, frozenset, pd.Index)) or type(value).__name__ == "ndarray":
        items = list(value)
        if not items:
            return "an empty list"
        blank = sum(v is None or v is Ellipsis for v in items)  # a template's ... left in: not a mix of kinds
        if blank:
            return ("a list not filled in yet" if blank == len(items)
                    else f"a list with {'an item' if blank == 1 else f'{blank} items'} not filled in yet")
        kinds = {plain_type(v) for v in items}
        plural = {"a piece of text": "names or texts", "a whole number": "whole numbers",
                  "a number with decimals": "numbers", "a list": "lists", "an empty list": "empty lists",
                  "a dictionary": "dictionaries", "True or False": "True or False values"}
        if len(kinds) == 1 and next(iter(kinds)) in plural:
            return f"a list of {plural[kinds.pop()]}"
        if all(kind.startswith(("a list", "an empty list")) for kind in kinds):  # [("ussr", "britain"), ...]
            sizes = {len(v) for v in items}
            if sizes == {2}:
                return "a list of pairs"
            words = {1: "one", 3: "three", 4: "four", 5: "five"}
            size = next(iter(sizes))
            return (f"a list in which each item holds {words.get(size, size)} values" if len(sizes) == 1
                    else "a list whose items hold different numbers of values")
        return "a list of different kinds of things"
    if value is Ellipsis or value is None:
        return "nothing yet"
    if callable(value):
        return "a function, not what it gives (did you leave out the brackets?)"
    return "something the check cannot read"


def shown(value, limit: int = 40) -> str:
    """A value as a student typed it, for a message: text in quotes (shortened), a number as itself, anything
    else by what it is (plain_type): never a printout of a whole list, dictionary or table."""
    if isinstance(value, str):
        text = " ".join(str(value).split())
        return repr(text if len(text) <= limit else text[:limit - 1] + "…")
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and type(value).__name__ != "bool_":
        return str(int(value))
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return str(float(value))
    return plain_type(value)


def what_is(item) -> str:
    """"3 is a whole number", "'x' is a piece of text", or "one is a dictionary": an item and what it is."""
    said = shown(item)
    kind = plain_type(item)
    return f"one is {kind}" if said == kind else f"{said} is {kind}"


def list_hint(text: str, names: Mapping[str, str] | None = None) -> str | None:
    """For names typed as one piece of text ("britain, china", or "britain china" when each word is a name), what
    to type instead; None if it is one name."""
    parts = [p.strip() for p in re.split(r"[,;]|\band\b", text) if p.strip()]
    if len(parts) < 2 and names and len(text.split()) > 1 and all(w.lower() in names for w in text.split()):
        parts = text.split()
    if len(parts) < 2:
        return None
    joined = ("commas" if re.search(r"[,;]", text) else "'and'" if re.search(r"\band\b", text)
              else "spaces")  # what the student joined the names with, as they typed it
    return (f"Put each name in its own quotes, inside square brackets: {parts!r}, not one piece of text with "
            f"{joined}.")


def in_a_list(text: str, item: str = "a name") -> str:
    """What to type for one name given where a list is asked for: the same name, in square brackets. The checks
    never read a bare piece of text as a list (neither as its letters nor as a list of one) without saying so."""
    typed = " ".join(str(text).split())
    plural = {"a name": "names", "an event id": "event ids"}.get(item, "items")
    return (f"Put the {plural} in a list, in square brackets, even when there is only one: [{typed!r}], or "
            f"[{typed!r}, ...] for more than one.")


def verdict(name: str, answer, data=None, exercises: Mapping[str, Exercise] | None = None) -> Verdict:
    """Check `answer` to exercise `name` against `data` (the kit's data by default)."""
    unanswered = answer is Ellipsis or answer is None
    entry = (None if unanswered else find(name)) if exercises is None else exercises.get(name)
    form = entry.expects if entry is not None else expects(name) if exercises is None and unanswered else None
    if form is None:
        known = registry() if exercises is None else exercises
        raise KeyError(f"no exercise called {name!r}; known: {', '.join(sorted(known)) or 'none'}")
    if unanswered:
        return Verdict(UNANSWERED, "", (f"Replace the ... with your answer ({form}), run that cell, "
                                        "then run this one.",))
    # Peking or Beijing, Canton or Guangzhou: one place, one verdict
    data = spellings.kit_data_as_kit() if data is None else spellings.data_as_kit(data)
    try:
        with one_reading():  # the data does not change while one answer is read
            result = entry.checker(spellings.answer_as_kit(answer), data)
    except Repeated as why:
        return Verdict(UNREADABLE, "", (spellings.as_named(str(why)),))
    except Unreadable as why:  # the answer's form; any other error is the kit's or the data's, and is raised
        return Verdict(UNREADABLE, "", tuple(map(spellings.as_named, unreadable_points(entry.expects, answer, str(why)))))
    finally:
        patterns.keep()  # what the patterns met in this answer need, for the user's next kernel
    if not isinstance(result, Verdict):
        raise TypeError(f"the checker of {name!r} returned {result!r}, not a Verdict")
    return Verdict(result.status, spellings.as_named(result.message), tuple(map(spellings.as_named, result.points)))


def unreadable_points(expects: str, answer, why: str) -> tuple[str, ...]:
    """Why an answer cannot be read, the problem first. "This exercise expects ..., your answer is ..." only when
    the answer is another kind of thing than the one asked for: a dictionary where a dictionary is asked for is
    told what is wrong inside it, never "expects a dictionary... your answer is a dictionary"."""
    kind = plain_type(answer)
    if why and expects.startswith(kind):
        return (why,)
    return (f"This exercise expects {expects}.", f"Your answer is {kind}.", *((why,) if why else ()))


RERUN = ("If you have not run this exercise's answer cell, `answer` still holds what an earlier cell set: run the "
         "answer cell above, then this one.")


def check(name: str, answer, data=None) -> None:
    """Show whether `answer` to exercise `name` is right, with a hint when it is not."""
    if expects(name) is None:  # a slip in the exercise's name is the student's to fix, not a traceback to read
        near = difflib.get_close_matches(str(name), list(registry()), n=1, cutoff=0.6)
        freshness.show(str(name), Verdict(UNREADABLE, f"There is no exercise called {shown(name)}.", (
            (f"Did you mean {near[0]!r}? " if near else "") + "Copy the exercise's name from the check cell "
            "of the notebook, then run it again.",)))
        return
    freshness.watch()
    if freshness.passed_directly(answer):  # typed into the call: grade it, whatever `answer` holds
        freshness.show(name, verdict(name, answer, data))
        return
    stale = freshness.refusal(name, answer)
    result = stale if stale is not None else verdict(name, answer, data)
    if stale is None and freshness.unchanged(name):  # a check run twice: the same verdict, said to be the same
        result = Verdict(result.status, result.message, (*result.points, freshness.AGAIN))
    if result.status == UNREADABLE and freshness.may_be_earlier(name):
        # `answer` may still hold what an earlier exercise's cell set, never checked: the problem first, then that
        result = Verdict(result.status, result.message, (*result.points, RERUN))
    if result.status not in (UNANSWERED, STALE):  # read for this exercise, even if it could not be read as one
        freshness.graded(name, answer)
    freshness.show(name, result)


# --- reading answers: lenient about form, strict about content -----------------------------------


# A count with the one or two words of what it counts ("24 states", "0 quarters"): the number is read. Not a word
# that leaves the number open ("24 or 25", "24 more or less") nor anything with a second number.
COUNTED = lazy(r"(?P<number>\d+)\s+(?P<noun>[A-Za-z]+(?:\s+[A-Za-z]+)?)\.?")
HEDGES = frozenset("or to about around roughly approximately maybe perhaps more less than plus over under nearly "
                   "almost at least most odd ish".split())
# Nothing counted: 0. "none", "zero quarters", "not one", and "no" with what it counts, a plural ("no quarters at
# all"), never "no idea".
NOTHING = lazy(r"(?:(?:none|nothing|zero|nil|nought|not\s+(?:a\s+single\s+)?one)(?:\s+[a-z]+)?|no\s+[a-z]{2,}s)"
               r"(?:\s+at\s+all)?\s*[.!]?", re.IGNORECASE)
BARE = lazy(r"-?\d+\s*[.!]?")  # "24.": a number with the full stop of a sentence
QUARTER = lazy(r"\b1[89]\d\d\s*[-/ ]?\s*q[1-4]\b|\bq[1-4]\s*[-/ ,]?\s*1[89]\d\d\b", re.IGNORECASE)
FRACTION = lazy(r"\d+\s*/\s*\d+")
FIGURES = "Write one whole number alone, in figures, with no other words or numbers."


def count_in(text: str, nouns: Iterable[str] | None = None) -> int | None:
    """The count a piece of text gives ("24", "24.", "24 countries", "zero quarters"), or None. With `nouns`,
    a number followed by a word is read only when the word is one of them ("345 days" for a number of days)."""
    text = " ".join(text.split())
    if BARE.fullmatch(text):
        return int(text.rstrip(".! "))
    counted = COUNTED.fullmatch(text)
    if counted and not set(counted.group("noun").lower().split()) & HEDGES and (
            nouns is None or counted.group("noun").lower() in nouns):
        return int(counted.group("number"))  # "24 states", "3 quarters": a number and what it counts
    if nouns is None and NOTHING.fullmatch(text):
        return 0  # "none", "zero": nothing counted
    if nouns is None:
        return in_words(text)
    return None


# the number words of the kit's checks, one table: evidence_words.NUMBERS is this one
NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                      "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
IN_WORDS = lazy(r"(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<unit>one|two|three|"
                r"four|five|six|seven|eight|nine))?|(?P<small>one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)", re.IGNORECASE)


def in_words(text: str) -> int | None:
    """A whole number below 100 written in words ("twenty-four", "Two."), or None: the number the student means,
    read as if written in figures."""
    said = IN_WORDS.fullmatch(text.strip().rstrip(".! "))
    if said is None:
        return None
    if said.group("small"):
        return NUMBERS[said.group("small").lower()]
    return TENS[said.group("tens").lower()] + (NUMBERS[said.group("unit").lower()] if said.group("unit") else 0)


def uncounted(answer: str) -> str:
    """What to write instead of a text the check cannot read as one count. Never a number taken out of it, which
    could be a guess at the key ("2" out of "2/3"), except the student's one number among words ("about 24")."""
    if QUARTER.search(answer):
        return (f"{answer!r} names a quarter, a point in time: this exercise asks how many, a count. " + FIGURES)
    if FRACTION.search(answer):
        return f"{answer!r} is a fraction: this exercise asks for a count. " + FIGURES
    numbers_in = re.findall(r"-?\d+", answer)
    if len(numbers_in) > 1:
        return f"{answer!r} holds more than one number, and the check reads only one. " + FIGURES
    if numbers_in:  # "about 24": the student's one number, without the words that leave it open
        return f"Write just the number, without words: {numbers_in[0]}, not {answer!r}."
    return f"Write the number in figures, such as 12, not {answer!r}."


def as_int(answer) -> int:
    """A whole number, from an int, a whole float, a one-value Series or a numeric string."""
    if isinstance(answer, (pd.Series, pd.Index)) and len(answer) == 1:
        answer = answer.iloc[0] if isinstance(answer, pd.Series) else answer[0]
    if isinstance(answer, str):
        answer = answer.strip()
        if not answer.lstrip("-").isdigit():
            if re.fullmatch(r"1[89]\d\d[-/.]\d{1,2}(?:[-/.]\d{1,2})?", answer):  # "1927-05-27": a date, not a count
                raise Unreadable(f"{answer!r} is a date: this exercise asks for a count, a whole number such as "
                                 "12, not a date or a year.")
            count = count_in(answer)
            if count is not None:
                return count
            raise Unreadable(uncounted(answer))
        return int(answer)
    if isinstance(answer, (list, tuple, set)) and len(answer) == 1 and isinstance(next(iter(answer)), numbers.Real) \
            and not isinstance(next(iter(answer)), bool):  # [24]: the student's one number, in brackets
        raise Unreadable(f"Write the number alone, without brackets: answer = {shown(next(iter(answer)))}")
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        raise Unreadable("Write a whole number in figures, without quotes or brackets, such as answer = 12")
    if answer != answer or float(answer) != int(answer):  # not a number, or not a whole one
        raise Unreadable("Give a whole number, without decimals.")
    return int(answer)


# Names people use for a state that are neither its id nor its name in data/actors.csv.
ALIASES = {"uk": "britain", "u.k.": "britain", "u.k": "britain", "great britain": "britain", "england": "britain", "the united kingdom": "britain",
           "us": "usa", "u.s.": "usa", "america": "usa", "united states of america": "usa", "the united states": "usa",
           "u.s.a.": "usa", "u.s.a": "usa", "u.s.s.r.": "ussr", "u.s.s.r": "ussr", "soviet union": "ussr", "the soviet union": "ussr", "soviet russia": "rsfsr",
           # what people call Moscow's side; "soviets" alone are councils ("soviets of workers and peasants")
           "the soviets": "ussr", "the russians": "ussr", "brits": "britain",
           # what people call the Kuomintang in English, besides its bracketed "Chinese Nationalist Party"
           "nationalist party": "kmt", "chinese nationalists": "kmt",
           # The older spelling of Beijing, which notebook 3 and the documents use; actors.csv names it Beijing.
           "peking": "china-beijing", "peking government": "china-beijing"}


# A capital for its state, as people write it ("London signed a trade agreement", "Berlin signed Rapallo"). A
# capital also names treaties ("the Treaty of Berlin"): there it is the treaty (ties_said.mentions), and its word
# still names the treaty's event (claim_people.words_of_names). Not Peking, which names a government of its own.
CAPITALS = {"london": "britain", "paris": "france", "rome": "italy", "washington": "usa", "tokyo": "japan",
            "berlin": "germany"}
ALIASES.update(CAPITALS)


@by_table("actor_id", "name", "kind", "note")  # a claim check asks a dozen times
def names_of(actors: pd.DataFrame, labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """Lower-case ids, names, the short names people use (see short_names), the labels a figure shows, and
    common aliases, each to its actor id: what a student may type for an actor."""
    found = dict(ALIASES)
    short: dict[str, set[str]] = {}
    actor_ids, names = actors["actor_id"].astype(str).tolist(), actors["name"].astype(str).tolist()  # lists: fast
    for actor, name, kind in zip(actor_ids, names, actors["kind"].astype(str).tolist() if "kind" in actors
                                 else [""] * len(actors)):
        for key in short_names(name, kind):
            short.setdefault(key, set()).add(actor)
        for label in ((labels or {}).get(actor),):
            for key in short_names(label.replace("\n", " "), "") if label else ():
                short.setdefault(key, set()).add(actor)
    notes = actors["note"].fillna("").astype(str).tolist() if "note" in actors else [""] * len(actors)
    for actor, note in zip(actor_ids, notes):
        other = NOTE_ALIAS.match(note)  # "Jiang Jieshi; commandant of ...": the note opens with another name
        if other and other.group(1).split()[0].lower() not in NOT_A_NAME:
            short.setdefault(other.group(1).lower(), set()).add(actor)
    for key, ids in short.items():
        if len(ids) == 1:  # a short name two actors share is no answer: never a guess
            found.setdefault(key, next(iter(ids)))
    for actor, name in zip(actor_ids, names):
        found[name.lower()] = actor
    found.update({label.replace("\n", " ").lower(): actor for actor, label in (labels or {}).items()})
    found.update({actor.lower(): actor for actor in actor_ids})
    return found


BRACKETED = lazy(r"\s*\(([^)]*)\)")
NOTE_ALIAS = lazy(r"([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})[;,] ")  # a note's opening name: "Guomindang, the party"
NOT_A_NAME = {"born", "also", "deputy", "formerly", "later", "see"}  # a note that opens with a remark, not a name
STATE_FORMS = ("republic", "kingdom", "empire", "state", "federation", "confederation")


def short_names(name: str, kind: str = "") -> set[str]:
    """What people call an actor besides its full name, read off the name itself: the name without its bracketed
    note ("China (Republic)": "china"), the note when it names the actor ("Communist Party of Germany (KPD)":
    "kpd"), and a government by its seat, the first word of its name ("Wuhan Nationalist government": "wuhan"
    and "wuhan government")."""
    bare = " ".join(BRACKETED.sub(" ", name).split()).lower()
    found = {bare} if bare else set()
    if kind != "person":
        notes = {" ".join(note.split()).lower() for note in BRACKETED.findall(name) if note.strip()}
        found |= notes
        # a note that is the state's form reads as its full title too: "China (Republic)", the Republic of China
        found |= {f"{note} of {bare}" for note in notes if note.split()[-1] in STATE_FORMS and bare}
        # a note inside the name is another name of the word before it: "Beijing (Beiyang) government" is the
        # Beiyang government too
        inside = re.fullmatch(r"(.*?)([\w'’-]+)\s*\(([^)]+)\)\s+(\S.*)", " ".join(name.split()))
        if inside and len(inside.group(3).split()) == 1:
            found.add(" ".join(f"{inside.group(1)}{inside.group(3)} {inside.group(4)}".split()).lower())
    if kind == "person" and "-" in bare:  # "Chiang Kaishek", "Chiang Kai shek": the hyphen left out
        found |= {bare.replace("-", ""), bare.replace("-", " ")}
    if kind == "government" and bare.split():
        seat = bare.split()[0]
        found |= {seat, f"{seat} government"}  # "Wuhan government": the glossary's heading and the notebooks' words
        # "Beijing (Beiyang) government": its other name, in brackets after the seat, is a name of it too
        other = re.match(r"\s*\S+\s+\(([^)]+)\)\s+(.+)$", name)
        if other:
            found |= {" ".join(f"{other.group(1)} {other.group(2)}".split()).lower()}
    return found


def as_id_set(answer, names: Mapping[str, str] | None = None, item: str = "a name") -> set[str]:
    """A set of ids from a list, set, tuple, Index or Series (its values). One piece of text is refused with
    what to type instead (list_hint, in_a_list), never read as its letters nor quietly as a list of one.

    `names` maps lower-case names to ids (see names_of), so that "Britain" or "United Kingdom" is read as
    `britain`; without it, ids are read in any case.
    """
    return set(as_typed_ids(answer, names, item))


def as_typed_ids(answer, names: Mapping[str, str] | None = None, item: str = "a name") -> dict[str, str]:
    """{id: what the student typed for it}, read as as_id_set reads an answer: for a message in their words."""
    tabular = isinstance(answer, (pd.Series, pd.Index)) or type(answer).__name__ == "ndarray"
    if isinstance(answer, str):
        key = " ".join(answer.split()).lower()
        hint = None if key in (names or {}) else list_hint(answer, names)
        raise Unreadable(hint or in_a_list(answer, item))
    elif isinstance(answer, pd.DataFrame):
        raise Unreadable("Give a list of names, such as ['britain', 'germany'], not the whole table.")
    elif isinstance(answer, Mapping):
        raise Unreadable("Give a list of names in square brackets, such as ['britain', 'germany'], not curly "
                         "brackets.")
    if not isinstance(answer, Iterable) or isinstance(answer, (bytes, bytearray)):
        raise Unreadable("")
    found: dict[str, str] = {}  # id: what the student typed for it
    for entry in answer:
        if not isinstance(entry, str):
            raise Unreadable(f"Each item should be {item} in quotes; {what_is(entry)}.")
        key = " ".join(entry.split()).lower()
        if names and key not in names and key.startswith("the ") and key[4:] in names:
            key = key[4:]  # "the Wuhan government"
        known = (names or {}).get(key, key)
        if known in found:
            raise Repeated(twice(found[known], entry) + (" With pandas, `.unique()` keeps each once." if tabular else ""))
        found[known] = entry
    return found


def twice(first: str, second: str) -> str:
    """Why an answer that names one item twice is refused, in the student's own words."""
    if " ".join(first.split()).lower() == " ".join(second.split()).lower():
        return f"You gave {first.strip()!r} twice. List each one once, then run your answer cell again."
    return (f"{first.strip()!r} and {second.strip()!r} name the same one. List each one once, then run your "
            "answer cell again.")


def as_number_mapping(answer, names: Mapping[str, str] | None = None) -> dict[str, float]:
    """{id: number} from a dict or a Series indexed by id; Timedeltas become days."""
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, Mapping):
        raise Unreadable("Give each state with its number of days: in curly brackets, such as {'a state': 100, "
                         "'another state': 200}, or as a column of numbers whose index is the states.")
    found, typed_as = {}, {}
    for key, value in answer.items():
        if not isinstance(key, str):
            raise Unreadable(f"Each state should be a name in quotes; {what_is(key)}.")
        if value is pd.NaT or (isinstance(value, numbers.Real) and not isinstance(value, bool) and value != value):
            raise Unreadable(f"The value for {shown(key)} is missing (NaN or NaT): that state has no gap to "
                             "measure. Drop the states with no gap, for example with `.dropna()`, then run your "
                             "answer cell again.")
        if isinstance(value, pd.Timedelta):
            value = value / pd.Timedelta(days=1)
        if isinstance(value, str) and count_in(value, {"days", "day"}) is not None:
            value = count_in(value, {"days", "day"})  # "345 days", "345"
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or value != value:
            raise Unreadable(f"The value for {shown(key)} should be a number of days; it is {plain_type(value)}.")
        typed, key = key, " ".join(key.split()).lower()
        known = (names or {}).get(key, key)
        if known in found:
            raise Repeated(twice(typed_as[known], typed))
        typed_as[known] = typed
        found[known] = float(value)
    return found


def compare_sets(given: set, expected: set, what: str, hint: str, labels: Mapping[str, str] | None = None,
                 typed: Mapping[str, str] | None = None, known: Iterable[str] = ()) -> Verdict:
    """Right, or a hint that names what does not belong and says whether some are missing (never which).
    `labels` names a known id as people read it (an actor's name, not its id); anything else is shown as typed.
    With `typed` ({id: as the student typed it}), an id is named in the student's words first ("'ussr' (Union of
    Soviet Socialist Republics)"), so that they see what to remove; an unknown item near one of `known` (the
    names the check reads) gets "Did you mean ...?"."""
    if given == expected:  # said back item by item: what a folded solution shows a student who cannot run it
        said = sorted(_shown(item, labels or {}) for item in expected)
        listed = ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else "".join(said)
        return right(f"All {len(expected)} {what}".rstrip() + (f": {listed}." if listed else "."))
    typed = typed or {}
    extra = sorted((_shown(item, labels or {}, typed), item) for item in given - expected)
    points = []
    if extra:
        said = [s for s, _ in extra]
        listed = ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0]
        points.append(f"{listed[:1].upper()}{listed[1:]} {'does' if len(extra) == 1 else 'do'} not belong.")
        names = [k for k in known if len(k) >= 3]
        slips = [(s, near[0]) for s, item in extra if isinstance(item, str) and item not in (labels or {})
                 for near in [difflib.get_close_matches(item.lower(), names, n=1, cutoff=0.8)] if near]
        if slips:  # a slip for a name the check reads: "britian"
            points.append("Did you mean " + " and ".join(f"{near!r}" + (f" for {s}" if len(extra) > 1 else "")
                                                          for s, near in slips) + "?")
            meant = {item: near[0] for _, item in extra if isinstance(item, str)
                     for near in [difflib.get_close_matches(item.lower(), names, n=1, cutoff=0.8)] if near}
            if {meant.get(item, item) for item in given} == expected and len(meant) == len(extra):
                # right but for the slips: a slip of form, which the check could not read, not a wrong answer
                said = [s for s, _ in extra]
                listed = ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0]
                return cannot_read(f"The check could not read {listed}: "
                                   f"{'it is no name' if len(said) == 1 else 'they are no names'} it knows.", points[-1],
                                   "Fix the spelling, then run your answer cell again.")
    if expected - given:
        points.append("Some are missing.")
    return wrong(*points, hint)


def _shown(item, labels: Mapping[str, str], typed: Mapping[str, str] | None = None) -> str:
    typed = typed or {}
    if isinstance(item, frozenset):
        return "the tie " + " – ".join(sorted(_shown(i, labels) for i in item))
    if item in labels and item in typed and not set(re.findall(r"\w+", typed[item].lower())) <= set(
            re.findall(r"\w+", labels[item].lower())):
        return f"{shown(typed[item].strip())} ({labels[item]})"  # 'ussr' (Moscow itself): the id to remove, named
    if item in labels:
        return labels[item]
    return shown(typed[item].strip() if isinstance(typed.get(item), str) else item)


def actor_labels(actors: pd.DataFrame, labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """{actor id: how feedback names it}: a figure's label if it has one, else its name in actors.csv, without
    its bracketed note ("Russian Socialist Federative Soviet Republic"), and never the id."""
    found = {actor: re.sub(r"\s+(?=[,;])", "", " ".join(BRACKETED.sub(" ", name).split())) or name  # no " ,"
             for actor, name in zip(actors["actor_id"].astype(str), actors["name"].astype(str))}
    found.update({actor: " ".join(label.split()) for actor, label in (labels or {}).items()})
    return found


# a name whose head is a common noun takes "the" in a sentence: "between the Union of Soviet Socialist Republics
# and the Wuhan Nationalist government", never "between Union of ..." ("France", "Zhang Xueliang" take none)
ARTICLED = lazy(r"^(?:United|Union|Netherlands|Far\s+Eastern|Russian|Chinese|Communist|League|Red\s+Army|"
                r"Reichswehr|Kuomintang|American\s+Relief)\b|\bgovernment$")


def with_article(label: str) -> str:
    """`label` as a sentence names it: with "the" when English gives it one (ARTICLED), else as it is."""
    return f"the {label}" if ARTICLED.search(label) and not label.lower().startswith("the ") else label
