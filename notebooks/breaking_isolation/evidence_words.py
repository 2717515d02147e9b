"""What a claim-and-evidence check can verify in a student's words, without judging their history.

A program cannot tell a true claim from a false one. It can tell words from noise, and it can find in a claim the
things the kit's data knows, so that a claim can be tested against the evidence:

- **Words it knows** (`lexicon`): the words of the kit's own texts (the events' titles and descriptions, the
  actors' names, the documents' texts and headnotes), the common words of English in `COMMON` below, and those of
  english_words.txt. A claim with two unknown words in a row, or more than a quarter of its content words
  unknown, is noise (`is_noise`), however many "because"s it holds, and the check names the words it could not
  read; so is one word said over and over. A capitalised word counts as a name, not noise. Even one lower-case
  word it cannot read (`misspelt`) keeps a claim from being called checked: the check names it, with the word it
  may be a slip for.
- **What it names** (`named_in`): a year, an actor of actors.csv (by its name, a short name, or a word of its name
  such as "Chiang" or "Communists"), or a place or thing an event's title names ("Whampoa", "Rapallo").
- **Evidence lines** (`match_line`): an event id, a date or an event's title from the data, or a line of a document
  copied word for word; anything else is named as not found.

Nothing here reads the claim's history: whether the claim is good history is for the student and the teacher.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import checks, spellings
from .patterns import lazy

WORD = lazy(r"[a-z]+(?:'[a-z]+)?")
YEAR = lazy(r"\b(1[89]\d\d)\b")
# The common words of English that the kit's texts may lack: the little words, and the verbs, nouns and adjectives
# a claim about history uses. A word built on one of these (helped, mistakes, failing) is known too (`_stems`).
LITTLE = frozenset("""
a about above across after again against all almost alone along already also although always am among an and
another any anyone anything are around as at away back bad be became because become been before began behind being
below best better between beyond both but by came can cannot could did didn't do does doesn't doing done don't down
during each early either else end enough even ever every everything far few first for from further gave get give
given go going gone good got great had hadn't has hasn't have haven't having he her here him himself his how however
i if in instead into is isn't it its itself just kept know last later least less let like little long made main make
many may me might more most much must my never new next no none nor not nothing now of off often on once one only
onto or other others our out over own part perhaps quite rather really same second see seemed seen several shall she
should since so some something soon still such than that the their them themselves then there therefore these they
thing things third this those though through thus till to too took toward towards under until up upon us very was
wasn't we well went were weren't what when where whether which while who whole whom whose why will with within
without won't would wouldn't yet you your
""".split())
COMMON = LITTLE | frozenset("""
ability able accept achieve act action actually advantage afraid agree agreement aim allow ally alliance allies
almost answer appear argue argument army attack attempt avoid aware based beat believe benefit betray betrayal
betrayed blame blow break broke broken build built cause caused careful chance change choice choose chose claim
clear close collapse come conflict consequence control cost could course crush crushed danger dangerous decide
decision defeat depend destroy destroyed disaster doubt drive driven easy effect effective else enemy enemies
ensure error event evidence exactly example expect fail failed failure fall fear fight fighting final finally
follow force forced friend friends gain gained gamble goal happen happened hard harm help helped hope idea important
improve increase influence instead interest keep kill killed lack lead leader leaders learn leave led left lose
loss lost lot made make matter meant means mistake mistakes move nearly necessary need needed obvious open order outcome
partner partners people period place plan point position possible power powerful price problem prove proved proves
purpose push rather reach real reason reasons rely result results risk ruin ruined rule ruled safe save saw say
says secure seem seems sense serious show showed shows side sign simply small sooner start stay stop strong stronger
subversion subversive subvert success successful support sure survive take taken tell the time tried true trust try turn turned understand use
used useful view wanted war way weak weaker win wise won work worked worse worth wrong year years
""".split())
# Common words a student writes on this subject that the word list (english_words.txt, SCOWL size 35) lacks,
# found refused as misspellings in student walks ("the last big holdout"): read as English.
PLAIN_EXTRA = frozenset("""holdout pariah rapprochement detente warlord sellout crackdown bloodbath downturn
latecomer anymore""".split())
# Words of a name that do not name the actor on their own ("the Communist Party of Germany": "party", "of").
NAME_FILLERS = COMMON | frozenset("government party republic state states kingdom people's national union "
                                  "socialist federative soviet committee central council company corporation ltd "
                                  "co organisation international all".split())
MAX_UNKNOWN_SHARE = 0.25  # at most this share of a claim's content words (not LITTLE) may be words it cannot read
MIN_DISTINCT_SHARE = 0.5  # and at least this share of them different words ("the the the" is no claim)
MIN_LINE_WORDS = 4      # a line quoted from a document: at least this many words,
MIN_LINE_CONTENT = 2    # at least this many different ones of them not little words (LITTLE)


# How students write "because" in a hurry ("cos", "bc", "cuz"): read as "because" in every exercise, never as a slip
# for another word ("cost?"). "cause" is an English word of its own and stays as it is.
SAID_BECAUSE = lazy(r"(?<![\w'’/])(?:cos|coz|cuz|bc|b/c|bcos|bcoz|bcuz|becos|becoz|becuz|['’]cause|['’]cos)"
                    r"(?![\w'’/])", re.IGNORECASE)


# The numbers a claim may spell out, to twenty: every rule that reads a number in words reads this one table.
NUMBERS = checks.NUMBERS  # "three states", "nineteen twenty-four": the one table of number words
# a year of the 1900s in words: "nineteen twenty-four", "nineteen-twenty-two", "nineteen hundred and twenty"
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
YEAR_IN_WORDS = lazy(r"\bnineteen(?:\s+hundred(?:\s+and)?)?[\s-]+(?P<tens>twenty|thirty|forty|ten|eleven|twelve|"
                     r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
                     r"(?:[\s-]+(?P<unit>one|two|three|four|five|six|seven|eight|nine)\b)?\b", re.IGNORECASE)


def _year_of(said: re.Match) -> str:
    tens, unit = said.group("tens").lower(), (said.group("unit") or "").lower()
    if tens not in _TENS and unit:
        return said.group(0)  # "nineteen twelve five": no year
    return str(1900 + _TENS.get(tens, NUMBERS.get(tens, 0)) + NUMBERS.get(unit, 0))


# Spellings of Russian names that books of the period and some catalogues print ("Krassin", "Trotskii"), with the
# spelling the kit's data uses: read as the data's name in every exercise, never as a name the data lacks.
PERIOD_SPELLINGS = {"krassin": "Krasin", "trotskii": "Trotsky", "trotzky": "Trotsky", "trotski": "Trotsky",
                    "tchitcherin": "Chicherin", "chicherine": "Chicherin", "tchicherin": "Chicherin",
                    "litvinoff": "Litvinov", "rakovski": "Rakovsky", "rakovskii": "Rakovsky",
                    "zinovieff": "Zinoviev", "ioffe": "Joffe"}
PERIOD_SPELLING = lazy(r"(?<![\w'’])(" + "|".join(map(re.escape, PERIOD_SPELLINGS)) + r")(?=['’]s\b|(?![\w'’]))",
                       re.IGNORECASE)


def modern_names(text: str) -> str:
    """The text with each period spelling of PERIOD_SPELLINGS written as the kit's data writes the name."""
    return PERIOD_SPELLING.sub(lambda said: PERIOD_SPELLINGS[said.group(1).lower()], text)


def spelled_out(text: str) -> str:
    """The text with each short "because" written out, each year of the 1900s written in words as figures
    ("in nineteen twenty-three": "in 1923"), so that every date rule reads it, each period spelling of a name as the
    data writes it ("Krassin": "Krasin"), and each Chinese place in the spelling the checks read the data in
    ("Peking": "Beijing"), so that either spelling gets one verdict."""
    return modern_names(spellings.as_kit(YEAR_IN_WORDS.sub(_year_of, SAID_BECAUSE.sub("because", text))))


def words(text: str) -> list[str]:
    """The words of a text, lower case, without their punctuation."""
    return WORD.findall(str(text).lower().replace("’", "'"))


@lru_cache(maxsize=1 << 16)
def _stems(word: str) -> tuple[str, ...]:
    """The word and the words it may be built on: "helped" help, "mistakes" mistake, "Britain's" britain; and,
    an ending on an ending, the word those are built on ("protesters": protester, protest; "beginnings":
    beginning, begin), as english_words.txt leaves such words out. Kept for each word: a claim check asks for
    the stems of every title's words, again and again."""
    return tuple(_each_stem(word))


def _each_stem(word: str, depth: int = 2) -> Iterable[str]:
    yield word
    if word.endswith("'s"):
        word = word[:-2]
        yield word
    for ending, put_back in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                             ("es", ""), ("s", ""), ("ly", ""), ("er", ""), ("est", ""), ("ism", ""), ("ist", ""),
                             ("ists", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)] + put_back
            found = [stem, stem[:-1]] if len(stem) >= 2 and stem[-1] == stem[-2] else [stem]  # "stopped": stop
            for one in found:
                yield from (_each_stem(one, depth - 1) if depth > 1 else [one])


@dataclass(frozen=True)
class Lexicon:
    known: frozenset[str]            # words the kit knows
    names: Mapping[str, str]         # a lower-case name or name word: how the data writes it (an actor, a place)
    dates: Mapping[str, str]         # "21 april 1927", "1927-04-21": the event ids of that day
    titles: Mapping[str, str]        # an event's title, lower case and bare: its event id


_CACHE: list[tuple[pd.DataFrame, pd.DataFrame, tuple, Lexicon]] = []  # (events, actors, documents, their lexicon)
ENGLISH = Path(__file__).with_name("english_words.txt")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """A modest list of common English words (english_words.txt), so that a sound claim in words the kit's own
    texts happen to lack ("diplomacy", "setback") is read, while made-up words are not. Read on first use."""
    lines = ENGLISH.read_text(encoding="utf-8").split("\n")
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def lexicon(data, documents=()) -> Lexicon:
    """The words, names, dates and titles of the kit's data and documents, made once for equal data: each check
    loads its own copy of the kit's data, so the tables are compared cell by cell (DataFrame.equals), never
    taken for the same by identity, and a table changed in place gets a lexicon of its own."""
    documents = tuple(documents)
    for seen_events, seen_actors, seen_documents, made in _CACHE:
        if seen_documents == documents and seen_events.equals(data.events) and seen_actors.equals(data.actors):
            return made
    known = set(COMMON) | english_words() | PLAIN_EXTRA
    texts = []
    events, actors = data.events, data.actors
    for column in ("title", "description", "date_note"):
        if column in events:
            texts += events[column].dropna().astype(str).tolist()
    texts += actors["name"].astype(str).tolist()
    for doc in documents:
        texts += [doc.title, doc.headnote, doc.text, *doc.questions]
    ordinary = set()  # words the kit's texts also write in lower case: ordinary words, not names
    for text in texts:
        known.update(words(text))
        ordinary.update(re.findall(r"(?<=[a-z,;] )[a-z][a-z']+", str(text)))
    names: dict[str, str] = {}
    fillers = NAME_FILLERS | ordinary  # once, not for every word below
    labels = checks.actor_labels(actors)
    full = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str).str.lower()))
    for key_name, actor in checks.names_of(actors).items():
        if len(key_name) >= 3 and is_common(key_name) and not full.get(actor, "").startswith(key_name):
            continue  # "republic" of "China (Republic)", "private" of "American firms (private)": no name alone
        names.setdefault(key_name, labels.get(actor, key_name))
    kinds = actors["kind"].astype(str) if "kind" in actors else pd.Series([""] * len(actors), index=actors.index)
    for name, kind in zip(actors["name"].astype(str), kinds):
        for word in re.findall(r"[A-Z][\w'-]+", name):
            # "Sun", "Maxim": a person's name; "Red" (Army), "League" (of Nations), "Society": not a name alone
            if (word.lower() not in fillers and len(word) >= 3
                    and (kind == "person" or not is_common(word.lower()))):
                names.setdefault(word.lower(), word)
            if kind == "person" and "-" in word:  # "Kaishek": Kai-shek with its hyphen left out
                names.setdefault(word.replace("-", "").lower(), word)
    if "americas" in set(actors["region"].dropna().astype(str)) if "region" in actors else False:
        for part in ("south", "latin", "central"):  # a part of the Americas, read whole: never the United States
            names.setdefault(f"{part} america", f"{part.title()} America")
    for region in sorted(set(actors["region"].dropna().astype(str))) if "region" in actors else ():
        # a region of actors.csv ("americas"): the Americas, never the plural of a state's name ("America")
        word = region.replace("_", " ")
        if not is_common(word):
            names.setdefault(word, word.title())
            # and the region's adjective: "Asian", "European", "American"
            adjective = word.rstrip("s") + "n" if word.rstrip("s").endswith("a") else word + "an" if word.endswith("e") else ""
            if adjective:
                names.setdefault(adjective, adjective.title())
    for title in events["title"].dropna().astype(str) if "title" in events else ():
        for run in title_names(title):
            bare = [w.strip("'’").removesuffix("'s").removesuffix("’s") for w in run]
            named = [w for w in bare if len(w) >= 3 and w.lower() not in fillers]
            for word in named:
                if not is_common(word.lower()):  # "Rapallo", "Whampoa": a name on its own
                    names.setdefault(word.lower(), word)
            if len(bare) > 1 and named and all(is_common(w.lower()) for w in named):
                # "Northern Expedition": common words that name a thing only together, never "Expedition" alone
                names.setdefault(" ".join(words(" ".join(bare))), " ".join(bare))
    dates: dict[str, str] = {}
    for event_id, date in zip(events["event_id"], events["date"]):
        if pd.notna(date):
            for written in (f"{date:%Y-%m-%d}", f"{date.day} {date:%B %Y}".lower(), f"{date:%B} {date.day}, {date.year}".lower()):
                dates.setdefault(written, event_id)
    titles = {" ".join(words(t)): e for e, t in zip(events["event_id"], events["title"].astype(str))} if "title" in events else {}
    # a title's name before its colon ("Stalin's theses", "Shanghai massacre") names the event too, where one
    # title alone has it and it is at least two words
    if "title" in events:
        heads = pd.Series({e: " ".join(words(t.split(":")[0])) for e, t in
                           zip(events["event_id"], events["title"].astype(str)) if ":" in t}, dtype=object)
        single = heads[~heads.duplicated(keep=False) & heads.str.contains(" ")] if len(heads) else heads
        titles.update({head: e for e, head in single.items() if head not in titles})
    made = Lexicon(frozenset(known), names, dates, titles)
    _CACHE[:] = [(events.copy(), actors.copy(), documents, made)]
    return made


def title_names(title: str) -> list[list[str]]:
    """The runs of capitalised words of an event's title, each a list of its words ("Northern Expedition",
    "Chiang Kai-shek"), "of" inside a run kept ("Treaty of Rapallo")."""
    found = re.findall(r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*", title)
    return [[w for w in run.split() if w != "of"] for run in found]


@lru_cache(maxsize=1)
def _english_and_common() -> frozenset[str]:
    """english_words() and COMMON as one set, made once: is_common runs for every word of every title."""
    return english_words() | COMMON


def is_common(word: str) -> bool:
    """Whether a lower-case word is a common English word ("expedition", "treaty", "raids"), not a name."""
    english = _english_and_common()
    return word in english or (word.endswith("s") and word[:-1] in english)


def is_known(word: str, known: Iterable[str]) -> bool:
    """Whether the check can read `word`: it, or a word it is built on, is known ("unsteady" on steady)."""
    if any(stem in known for stem in _stems(word)):
        return True
    return word.startswith("un") and len(word) >= 6 and any(stem in known for stem in _stems(word[2:]))


def unknown_words(text: str, lexicon: Lexicon) -> list[str]:
    """The words of `text` the check cannot read, in order: neither known nor a name. A word written with a
    capital is taken for a name the data may lack ("Narkomindel"), never for noise; a name the data knows, in
    lower case ("usa"), is read, as `misspelt` reads it."""
    capitals = {w.lower() for w in re.findall(r"\b[A-Z][\w']*", str(text).replace("’", "'"))}
    return [w for w in words(text) if not is_known(w, lexicon.known) and w not in capitals and w not in lexicon.names]


def misspelt(text: str, lexicon: Lexicon) -> list[tuple[str, str | None]]:
    """The words of `text` the check could not read, each as typed, with the common word or name it is a slip
    for, if one is near ("becuase": "because"): every unknown lower-case word of three letters or more, and a
    capitalised word that is neither known nor a name but is a letter or two from a name the data knows
    ("Britian": "Britain"). A capitalised word near no name is taken for a name the data lacks."""
    import difflib

    found: list[tuple[str, str | None]] = []
    capitals = {w.lower(): w for w in re.findall(r"\b[A-Z][\w']*", str(text).replace("’", "'"))}
    names = sorted(n for n in lexicon.names if len(n) >= 4 and " " not in n)
    common = sorted(COMMON | set(names))
    for word in dict.fromkeys(words(text)):
        if len(word) < 3 or is_known(word, lexicon.known) or word in lexicon.names:
            continue
        if word in capitals:
            near = [n for n in difflib.get_close_matches(word, names, n=3, cutoff=0.85) if n[0] == word[0]]
            if near:
                found.append((capitals[word], near[0][:1].upper() + near[0][1:]))
            continue
        near = [n for n in difflib.get_close_matches(word, common, n=3, cutoff=0.85) if n[0] == word[0]]
        found.append((word, near[0] if near else None))
    return found


def is_noise(text: str, lexicon: Lexicon) -> str | None:
    """Why `text` is not words a reader can follow (in plain words), or None. Strict, since a claim the check
    passes must be one it read: two unknown words in a row, or more than MAX_UNKNOWN_SHARE of the words that are
    not little words, and it says which words it could not read."""
    found = words(text)
    if not found:
        return "it has no words"
    strange = unknown_words(text, lexicon)
    content = [w for w in found if w not in LITTLE]
    in_a_row = any(a in strange and b in strange for a, b in zip(found, found[1:]))
    if strange and (in_a_row or len(strange) > MAX_UNKNOWN_SHARE * len(content)):
        listed = ", ".join(repr(w) for w in dict.fromkeys(strange))
        return (f"it could not read {'this word' if len(set(strange)) == 1 else 'these words'}: {listed}. Check "
                "the spelling, or use words from the notebook")
    if len(set(found)) < MIN_DISTINCT_SHARE * len(found):
        return "it says the same words over and over"
    return None


def few_unread(text: str, lexicon: Lexicon) -> bool:
    """Whether the words `is_noise` could not read are a slip or two in a sentence ("it wasnt steady ... the brits
    broke off"): at most two, none next to another; made-up words in a row ("frimble snorks") are gibberish."""
    found, strange = words(text), set(unknown_words(text, lexicon))
    return 0 < len(strange) <= 2 and not any(a in strange and b in strange for a, b in zip(found, found[1:]))


# Known words in an order no sentence has: a word twice in a row ("the the"; "had had" and "that that" are
# English), a determiner before a word that cannot follow it ("the of", "a was"), or a last word that needs
# another after it ("... was by.").
DETERMINERS = frozenset("the a an its their this these those".split())
NOT_AFTER_DETERMINER = frozenset("""the a an its their this these those of by to in on with from at and or but was were
is are be been has have had did do does not because since so which who that""".split())
NOT_LAST = frozenset("the a an its their of by and or".split())
# "had had", "that that"; and a verb's particle before the same word as a preposition ("let them in in 1924")
TWICE_IS_ENGLISH = frozenset("had that in on up out off down over".split())
# a word that ends a verb ("let them in", "took it on") and then opens a phrase of time or place ("in January"):
# English twice in a row when a date, a number, a name or a determiner follows ("let the communists in in 1924")
PARTICLES = frozenset("in on up down out over off by".split())
MONTH_WORDS = frozenset("""january february march april may june july august september october november december
spring summer autumn winter""".split())
TOKEN = lazy(r"[a-z]+(?:'[a-z]+)?|\d+|[^\w\s]")


def out_of_order(text: str) -> str | None:
    """Why the known words of `text` are in no sentence's order (module note above), or None."""
    # Numbers and punctuation are tokens here, so "in 1924 in London" and "by 1929, by agreement" are not "in in".
    found = TOKEN.findall(str(text).lower().replace("’", "'"))
    for a, b, c in zip(found, found[1:], found[2:] + [""]):
        opens_phrase = c.isdigit() or c in MONTH_WORDS or c in DETERMINERS
        if a == b and a not in TWICE_IS_ENGLISH and a[0].isalpha() and not (a in PARTICLES and opens_phrase):
            return f"it has '{a} {b}', the same word twice in a row"
        if a in DETERMINERS and b in NOT_AFTER_DETERMINER:
            return f"it has '{a} {b}', and no sentence puts '{b}' just after '{a}'"
    last = re.findall(r"[\w'’-]+", text)[-1:]  # the last word as typed: a year is a word here ("of 1927.")
    if last and last[0].lower() in NOT_LAST:
        return f"it ends on '{last[0]}', which needs words after it"
    return None


def named_in(text: str, lexicon: Lexicon, start: int = 1900, end: int = 1939) -> list[tuple[str, str]]:
    """What a claim names that the data knows, in the order they come: its years from `start` to `end`, and its
    actors, places and things, each as (what the claim typed, how the data writes it): ("Britain", "United
    Kingdom"), ("1924", "1924")."""
    found: dict[str, tuple[int, str]] = {}  # how the data writes it: (where the claim has it, as typed)
    for year in YEAR.finditer(str(text)):
        if start <= int(year.group(1)) <= end:
            found.setdefault(year.group(1), (year.start(), year.group(1)))
    plain = str(text).replace("’", "'")
    lowered = " " + " ".join(words(text)) + " "
    for name, shown in sorted(lexicon.names.items(), key=lambda item: -len(item[0])):
        if len(name) < 3:
            continue
        for variant in dict.fromkeys((name, name + "s", name + "'s")):  # in this order: a set's order is chance
            if f" {variant} " in lowered and shown not in found:
                typed = re.search(r"(?<![\w'])" + r"\W+".join(map(re.escape, variant.split())) + r"(?![\w'])", plain,
                                  re.IGNORECASE)
                found[shown] = (typed.start(), typed.group(0).removesuffix("'s")) if typed else (len(plain), shown)
                lowered = lowered.replace(f" {variant} ", " ")
    return [(typed, shown) for shown, (_, typed) in sorted(found.items(), key=lambda item: (item[1][0], item[0]))]


def as_typed(named: tuple[str, str], actors: pd.DataFrame | None = None) -> str:
    """One thing a claim names, for a message: the student's own words in quotes, then, when the data calls it
    otherwise, the data's name: "'Britain' (the data calls it United Kingdom)", "'Trotsky'". A party's name in
    brackets ("Bolsheviks") is often said of the state it ran: with `actors`, that state is named too."""
    typed, shown = named
    bare = " ".join(words(typed))
    if bare in " ".join(words(shown)) or bare.removesuffix("s") == " ".join(words(shown)):  # "Americans"
        return f"'{typed}'"
    ruled = _state_of_party(bare, shown, actors) if actors is not None else None
    if ruled:
        return f"'{typed}' (the data calls the party {shown}; the state it ran is the {ruled})"
    return f"'{typed}' (the data calls it {shown})"


def _state_of_party(bare: str, shown: str, actors: pd.DataFrame) -> str | None:
    """The name of the state a party ran, when `bare` is the bracketed word of that party's name in actors.csv
    ("Bolsheviks" of "Russian Communist Party (Bolsheviks)"), so that a claim about the regime is not read only
    as the party's; None otherwise."""
    labels = checks.actor_labels(actors)
    for actor, name, kind, owner in zip(actors["actor_id"].astype(str), actors["name"].astype(str),
                                        actors["kind"].astype(str), actors["belongs_to"].fillna("").astype(str)):
        notes = {" ".join(words(note)) for note in checks.BRACKETED.findall(name)}
        if kind == "party" and labels.get(actor) == shown and owner and (
                bare in notes or f"{bare}s" in notes or bare.removesuffix("s") in notes):
            if kinds_of(actors).get(owner) != "state":
                return None
            starts = dict(zip(actors["actor_id"].astype(str), actors["start_date"].fillna("").astype(str)))
            before = [a for a, end, k in zip(actors["actor_id"].astype(str), actors["end_date"].fillna("").astype(str),
                                             actors["kind"].astype(str))
                      if k == "state" and end and end == starts.get(owner)]  # Soviet Russia, until the USSR
            if before:
                day = pd.Timestamp(starts[owner])
                return (f"{labels.get(before[0], before[0])} until {day.day} {day:%B %Y}, then the "
                        f"{labels.get(owner, owner)}")
            return labels.get(owner, owner)
    return None


def kinds_of(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))


@dataclass(frozen=True)
class Match:
    kind: str   # "event", "date", "title", "line"
    what: str   # what it matched, as a sentence a student reads: "the event 1927-trotsky-critique is in the data"
    event: str | None = None  # the event an id, a date or a title names
    text: str | None = None   # for a line: the key of the text it was found in


def match_line(line: str, lexicon: Lexicon, event_ids: Iterable[str], texts: Mapping[str, str]) -> Match | None:
    """What an evidence line matches in the data: an event id, a date of an event, an event's title, or a line of
    at least MIN_LINE_WORDS words (MIN_LINE_CONTENT of them not little words) copied from one of `texts`
    ({document id: its text}); None when it matches nothing."""
    bare = " ".join(str(line).split()).strip(" \"'“”‘’.,;:")
    ids = set(event_ids)
    if bare in ids or bare.lower() in ids:
        event = bare.lower() if bare.lower() in ids else bare
        return Match("event", f"the event {event} is in the data", event)
    if bare.lower() in lexicon.dates:
        return Match("date", f"{bare} is the date of the event {lexicon.dates[bare.lower()]}", lexicon.dates[bare.lower()])
    said = " ".join(words(bare))
    if said in lexicon.titles:
        return Match("title", f"your line names the event {lexicon.titles[said]} by its title", lexicon.titles[said])
    found = words(bare)
    content = [w for w in found if w not in LITTLE]
    if len(found) >= MIN_LINE_WORDS and len(set(content)) >= MIN_LINE_CONTENT:
        for doc_id, text in texts.items():
            if f" {said} " in f" {' '.join(words(text))} ":
                return Match("line", f"your line is in {doc_id}, word for word", text=doc_id)
        spelt = british(said)
        for doc_id, text in texts.items():
            if f" {spelt} " in f" {british(' '.join(words(text)))} ":
                return Match("line", f"your line is in {doc_id}, word for word but for its spelling (the document "
                                     "spells it the British way)", text=doc_id)
    return None


def near_line(line: str, texts: Mapping[str, str], cutoff: float = 0.9) -> tuple[str, str] | None:
    """(document id, its line as printed) for a line of at least MIN_LINE_WORDS words that is not in any of
    `texts` but almost is, a letter or two off ("build there soviets" for "build their soviets"); None if none."""
    said = " ".join(words(line))
    size = len(said.split())
    if size < MIN_LINE_WORDS or len({w for w in said.split() if w not in LITTLE}) < MIN_LINE_CONTENT:
        return None
    best, found = cutoff, None
    for doc_id, text in texts.items():
        tokens = str(text).split()
        for start in range(len(tokens)):
            for width in (size - 1, size, size + 1):
                window = tokens[start:start + width]
                matcher = difflib.SequenceMatcher(None, said, " ".join(words(" ".join(window))))
                if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best and matcher.ratio() > best:
                    best, found = matcher.ratio(), (doc_id, " ".join(window).strip(" \"'“”‘’.,;:*>_()[]"))
    return found


# American spellings and the British ones the kit's texts use: neighborhood/neighbourhood, organize/organise,
# center/centre, defense/defence. A line copied in either spelling is the same line.
SPELLINGS = ((lazy(r"(?<=[a-z])or(?=(?:s|ed|ing|hood|hoods|ite|ites|able|er|ers)?\b)"), "our"),
             (lazy(r"(?<=[a-z]{2})iz(?=(?:e|es|ed|ing|ation|ations)\b)"), "is"),
             (lazy(r"(?<=[a-z]{2})ter(?=s?\b)"), "tre"),
             (lazy(r"(?<=[a-z]{2})ense(?=s?\b)"), "ence"))


def british(text: str) -> str:
    """`text` (lower case) with each spelling of SPELLINGS made one: both sides of a comparison go through it, so
    a word the rule turns wrongly ("doctor", "water") is turned the same way in both and still matches."""
    for pattern, spelt in SPELLINGS:
        text = pattern.sub(spelt, text)
    return text
