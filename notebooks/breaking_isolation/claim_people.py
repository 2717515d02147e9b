"""What a claim says of people and named events, read against the kit's data: checked, refused, or said unchecked.

Every person, event and name a claim gives is either checked against the data or named as not checked, so that a
claim is never badged for a part the check did not read:

- a person the data records as dead by a year the claim gives them, or by an event the claim ties them to
  (actors.csv, end_date): refused, with the day the data gives ("Sun Yat-sen ... in 1927");
- a person named with an event the claim names ("Trotsky ordered the Shanghai massacre"): checked when the data
  links them (the event's actor or counterpart, or named in its title or description), else not checked, with the
  event's actors: the check cannot tell what the claim says they did there;
- an event the claim names by its name ("the Shanghai massacre", "the Arcos raid") with a year the data contradicts:
  refused, with the data's date;
- a name the data does not hold ("Hitler"), or holds only in a few events the claim does not name ("Mao"): not
  checked, and said so.

Each person and each event is read with the years of its own part of the sentence: a sentence is cut at a comma,
"and", "but", "which", "so", "after", "before" and the like, and before the next person it names.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from . import checks, evidence_words, ties_said
from .by_table import per_reading
from .kin import DEMONYMS
from .patterns import lazy

NAME_WORD = lazy(r"[A-Z][\w'’-]{3,}")
RARE = 3  # a word of at most this many events' titles names an event on its own ("Locarno"); others need a second


def years_in(text: str) -> list[int]:
    """The years a text names (1800-1999), in its order."""
    return [int(y) for y in evidence_words.YEAR.findall(text)]


SPAN = lazy(r"\b(?:between|from)\s+(1[89]\d\d)\s*(?:and|to|until|-|–)\s*(1[89]\d\d)\b", re.IGNORECASE)


def _years_said(part: str) -> set[int]:
    """The years a part names, a span ("between 1922 and 1924") with every year in it."""
    years = set(years_in(part))
    for span in SPAN.finditer(part):
        low, high = int(span.group(1)), int(span.group(2))
        years |= set(range(low, high + 1)) if low < high else set()
    return years


def _spoken(day: pd.Timestamp) -> str:
    return f"{day.day} {day:%B %Y}"


def _bare_words(text: str) -> set[str]:
    """The words of a text without a possessive ("Moscow's" moscow)."""
    return set(_bare_word_set(text))


@lru_cache(maxsize=1 << 14)  # a claim check reads every title's words in several rules
def _bare_word_set(text: str) -> frozenset[str]:
    return frozenset(w.removesuffix("'s") for w in evidence_words.words(text))


# The Soviet state's own names, which a title may write ("a farewell letter to the Soviet Union"): a side of
# nearly every event, so none of their words names an event; nor does a state's adjective ("the British")
MOSCOW = lazy(r"\b(?:the\s+)?(?:soviet\s+union|union\s+of\s+soviet\s+socialist\s+republics|soviet\s+russia)\b",
              re.IGNORECASE)


# A month dates a claim ("the election in October"); it names an event a title calls after it ("the German
# October") only with the title's word before it or the event's year
MONTHS = frozenset("january february march april may june july august september october november december".split())


def _with_its_word(month: str, title: str, claim: str) -> bool:
    """Whether the claim writes a title's month with the word the title puts before it ("the German October")."""
    title_words, claim_text = evidence_words.words(title), " ".join(evidence_words.words(claim))
    return any(f" {a} {b} " in f" {claim_text} " for a, b in zip(title_words, title_words[1:]) if b == month)


def _may_name(part: str) -> set[str]:
    """The words of a part that may be a name of an event: not those of Moscow's names, nor a state's adjective."""
    return _bare_words(MOSCOW.sub(" ", part)) - set(DEMONYMS)


@per_reading
def named_events(claim: str, events: pd.DataFrame, actor_words: set[str], cited=()) -> pd.DataFrame:
    """The events whose title the claim names: each shares with the claim a name of its title ("Locarno") that
    few titles hold, or two words of its title ("Northern Expedition", "trade agreement"), not counting an actor's
    name; of those the ones sharing most words of their title, the events the student cites first; only those
    of a year the claim gives, when it gives one and some are of that year."""
    said, may = _bare_words(claim), _may_name(claim)
    # a common word names an event alone only as the claim writes it, with a capital: "the General Strike", never
    # "the northern general Feng Yuxiang"
    capitals = {w.lower() for w in re.findall(r"(?<=\w[\s,;:(-])[A-Z][a-z]+|^[A-Z][a-z]+", claim)}
    may = {w for w in may if w in capitals or not evidence_words.is_common(w)}
    years = set(years_in(claim))
    titles = events["title"].astype(str)
    named = [{w for n in _title_names(t) for w in evidence_words.words(n)} - actor_words - evidence_words.NAME_FILLERS
             for t in titles]  # "Anglo-Soviet": anglo
    often = pd.Series([w for n in named for w in n]).value_counts()  # "Moscow", "Peking": in many titles, no name
    things = _named_after(claim)
    scores = []
    for title, names, year in zip(titles, named, events["date"].dt.year):
        shared = {w for w in _bare_words(title) if w not in evidence_words.LITTLE} & said - actor_words
        rare = {w for w in names & said & may if often.get(w, 0) <= RARE
                and (w not in MONTHS or year in years or _with_its_word(w, title, claim))}
        whole = {w for thing in things if thing in title.lower() for w in _bare_words(thing)}  # "Sun Yat-sen University"
        if not (names - DEALS) & said:  # "the railway protocol": a deal the title names ("Khabarovsk Protocol") is
            shared = shared - (DEALS & names)  # named by its name, never by the kind of deal it is
        rare = rare - DEALS
        shared, rare = shared | whole, rare | whole
        scores.append(len(shared) if rare or len(shared) >= 2 else 0)
    scored = events.assign(_score=scores)
    scored = scored[scored["_score"] > 0]
    if scored.empty:
        return scored.drop(columns="_score")
    best = scored[scored["_score"] == scored["_score"].max()]
    cited_best = best[best["event_id"].astype(str).isin(set(cited))]
    best = cited_best if len(cited_best) else best  # of events named alike, the one the student cites
    in_year = best[best["date"].dt.year.isin(years)]
    found = (in_year if len(in_year) else best).drop(columns="_score")
    mine = found["event_id"].astype(str).isin(set(cited))
    return pd.concat([found[mine], found[~mine]])


# A verb of an act done on one day, or a thing that happens on its day (an ultimatum, a killing): its event
# cannot go on into a later year. Plain English, not facts of the data.
ONE_DAY = lazy(r"\b(signed|concluded|founded|set up|opened|launched|proclaimed|initialled|agreed|"
               r"began|started|broke out|took place|arrived|reached|went to|travelled to|came out|published|"
               r"issued|killed|shot|murdered|assassinated|expelled|took|captured|seized|raided|massacred|"
               r"ultimatum|assassination|murder|removed|dismissed|deposed|ousted)\b", re.IGNORECASE)
# Kinds of event (data/events.csv, column kind) done on one day when the data gives them no end: a treaty or a
# manifesto signed, an uprising or a raid, a note, a recognition or a break. A conference, a mission, aid, a
# concession, a party line or a founding may go on, and so may a treaty's force: a part that says so (LASTING)
# is read as the lasting, not as the day.
ONE_DAY_KINDS = frozenset({"treaty", "incident", "violence", "relations_established", "relations_broken",
                           "relations_restored", "de_facto_recognition", "de_jure_recognition"})
LASTING = lazy(r"\b(still|continu\w*|remain\w*|last\w*|went\s+on|go(?:es)?\s+on|in\s+force|throughout|until|"
               r"till|by(?=\s+(?:1[89]\d\d|then|now|the\s+(?:end|time|start|spring|summer|autumn|winter)\b))|since|kept|"
               r"stayed|held|bound|ran|runs|under)\b", re.IGNORECASE)  # "by 1929", not "by the Conservatives"
# A title that opens something lasting ("Northern Expedition launched against the warlords"): not a one-day act.
OPENS_LASTING = lazy(r"\b(launch\w*|begins?|began|starts?|opens?|sparks?)\b", re.IGNORECASE)
# Where one part of a sentence ends and the next begins, for the years of a person or an event.
PART = lazy(r"[,;:()]|\b(and(?!\s+1[89]\d\d\b)|because|since|but|while|whereas|although|though|which|who|that|until|so|after|"
            r"before|when|as a result|therefore|yet|then)\b", re.IGNORECASE)


def _parts(claim: str) -> list[tuple[int, int]]:
    """(start, end) of each part of the claim (PART)."""
    cuts = [m.span() for m in PART.finditer(claim)]
    starts = [0] + [end for _, end in cuts]
    ends = [begin for begin, _ in cuts] + [len(claim)]
    return list(zip(starts, ends))


def _part_of(claim: str, person, others) -> str:
    """The part of the claim that speaks of `person` (a mention): from the last cut before it to the first cut,
    or the next person named, after at least one word of its own; a cut just after the name ("Sun and Joffe
    met") does not end it."""
    begin = max([0] + [end for _, end in (m.span() for m in PART.finditer(claim)) if end <= person.start])
    cuts = [m.start() for m in PART.finditer(claim, person.end)] + [o.start for o in others if o.start > person.end]
    finish = min([c for c in cuts if re.search(r"\w", claim[person.end:c]) or NEW_CLAUSE.match(claim, c)],
                 default=len(claim))
    return claim[begin:finish]


# a word that opens another statement even straight after a name ("turned against Chiang, while Germany stayed a
# partner": Germany's part is not Chiang's)
NEW_CLAUSE = lazy(r"(?:while|whereas|but|because|although|though|yet)\b", re.IGNORECASE)


def _cited_then(part: str, events: pd.DataFrame, years: set[int], cited) -> bool:
    """Whether the student cites an event of the part's year whose title shares a name with the part ("Hughes
    refused talks in 1923", citing 1923-hughes-rejects-talks): that event is the one the part means, whatever
    other event of another year shares more of its words."""
    rows = events[events["event_id"].astype(str).isin(set(cited)) & events["date"].dt.year.isin(years)]
    may = _may_name(part)
    return any(_title_names(str(title)) & may for title in rows["title"])


def wrong_event_year(claim: str, events: pd.DataFrame, actor_words: set[str], cited=(),
                     names: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """(refusal, what it could not check) when a part of the claim names an event by its name ("the Shanghai
    massacre", "the Arcos raid") with a year the data does not date it to: the part shares with the event's title
    two words that are not an actor's name, one of them a name of the title (a capitalised word), or a name few
    titles hold and one such word; and no event of the part's year shares as many of those words. A year before
    the event, or after its end, is refused with the data's date; a year after an event the data gives no end
    (a campaign may go on) is said unchecked, with the date."""
    opener: set[int] = set()  # "In 1925, Chiang ...": the years of an opening phrase go with the part after it
    for begin, finish in _parts(claim):
        part = claim[begin:finish]
        years = _years_said(part) or opener
        opener = years if OPENER.fullmatch(part) else set()
        if not years:
            continue
        founding = _founding_of(part, events, names)
        # the event the student cites whose title the part names, before any other ("the Kuomintang's First
        # Congress", citing it: not the Soviet party's Fifteenth Congress, which shares as many words)
        top = founding if len(founding) else event_named(part, events, actor_words)
        cited_in = top["event_id"].astype(str).isin(set(cited)).any()
        mine = _cited_by_title(part, events, actor_words, cited) if len(top) and not (len(founding) or cited_in) else top
        top = mine if len(mine) else top
        if top.empty and (ONE_DAY.search(part) or RATIFIED.search(part)):  # "Rapallo was signed in 1923": a rare name is enough with its signing
            top = _by_rare_name(part, events, actor_words)
        # "the war scare was in 1928", citing it: an event the student cites, named by its words (not a cause,
        # whose year causes.py reads with the event it causes)
        if top.empty and not CAUSED_BY.search(claim, max(0, begin - 12), min(len(claim), finish)):
            top = _cited_named(part, events, actor_words, cited, years, names)
        whole = len(founding) or any(thing in str(t).lower() for thing in _named_after(part) for t in top["title"])
        if top.empty or top["date"].dt.year.isin(years).any() or (
                not whole and (_same_act_in(part, events, years, actor_words, names)
                               or _cited_then(part, events, years, cited))):
            continue  # a thing named whole ("Sun Yat-sen University") is no other act of the part's year
        top = top.sort_values("date")
        mine = top[top["event_id"].astype(str).isin(set(cited))]
        row = (mine if len(mine) else top).iloc[0]
        if RATIFIED.search(part):  # a ratification has its own day, which the data writes in the event's note
            said = _ratified(row, years)
            if said == "":
                continue
            return said
        return _against(claim, row, years, events, part)
    return None, None


def _cited_by_title(part: str, events: pd.DataFrame, actor_words: set[str], cited) -> pd.DataFrame:
    """The one cited event whose title shares most words with the part, two or more that name no actor ("treaty of
    friendship" of "Treaty of friendship with Afghanistan"); empty when none does, or two share as many."""
    rows = events[events["event_id"].astype(str).isin(set(cited))]
    capitals = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+", part)}  # "First Congress": a name, if little

    def shared_with(title: str) -> int:
        names = capitals & {w.lower() for w in re.findall(r"\b[A-Z][a-z]+", title)}
        return len((_bare_words(part) & _bare_words(title)) - actor_words - (evidence_words.LITTLE - names))

    shared = [shared_with(str(t)) for t in rows["title"]]
    best = max(shared, default=0)
    return rows[[n == best for n in shared]] if best >= 2 and shared.count(best) == 1 else rows.iloc[0:0]


# A body said to be founded: "the CCP was founded in 1923", "Chen Duxiu founded the CCP".
FOUNDING = r"(?:founded|set\s+up|established|created|formed)"
FOUNDED_AFTER = lazy(rf"\s+(?:was|were)\s+(?:first\s+)?{FOUNDING}\b", re.IGNORECASE)
FOUNDED_BEFORE = lazy(rf"\b{FOUNDING}\s+(?:the\s+)?$", re.IGNORECASE)


def _founding_of(part: str, events: pd.DataFrame, names: dict[str, str] | None) -> pd.DataFrame:
    """The data's founding event of a body the part says was founded: an event of kind founding whose actor is
    the body, or whose other side is the body and whose title names it ("Amtorg founded in New York"). The
    founding is the act the part's year is read against, not another event that shares a name with the part
    ("Chen Duxiu" of the emergency conference of 1927)."""
    if not names or "kind" not in events:
        return events.iloc[0:0]
    foundings = events[events["kind"].astype(str) == "founding"]
    for body in ties_said.mentions(part, names):
        if not (FOUNDED_AFTER.match(part, body.end) or FOUNDED_BEFORE.search(part, 0, body.start)):
            continue
        if re.match(r"\s+[A-Z]", part[body.end:]):
            continue  # "the Communist University of the Toilers": a word of a longer name, not the body
        said = [k for k, a in names.items() if a == body.actor and len(k) >= 3]
        rows = foundings[(foundings["actor"].astype(str) == body.actor)
                         | ((foundings["counterpart"].astype(str) == body.actor)
                            & foundings["title"].astype(str).str.lower().map(lambda t: any(k in t for k in said)))]
        if len(rows):
            return rows
    return events.iloc[0:0]


def _same_act_in(part: str, events: pd.DataFrame, years: set[int], actor_words: set[str],
                 names: dict[str, str] | None) -> bool:
    """Whether an event of the part's years has an actor the part names and a common word of the part in its
    title or kind ("Germany and the USSR signed a commercial treaty in 1925": the German-Soviet trade treaty of
    1925; "Austria recognised Soviet Russia in fact in 1921": its de facto recognition): then the part may well
    mean that event, not the one its rarer words name, and no year is refused."""
    lower = {w for w in re.findall(r"\b[a-z][\w'-]+", part)}  # the part's own words, not its names ("Shanghai")
    said = {w[:7] for w in _bare_words(part) - evidence_words.LITTLE - actor_words if w in lower}
    sides = {m.actor for m in ties_said.mentions(part, names)} if names else set()
    if not said or not sides:
        return False
    for row in events[events["date"].dt.year.isin(years)].itertuples():
        words = _bare_words(f"{row.title} {str(row.kind).replace('_', ' ')}") - evidence_words.LITTLE
        if {str(row.actor), str(row.counterpart)} & sides and said & {w[:7] for w in words}:
            return True
    return False


# A thing named after a person: the person's name before it is no act of theirs.
NAMED_AFTER = lazy(r"\s+(?:University|Academy|School|College|Institute|Mausoleum|Street|Square)\b")
THING_NAMED = lazy(r"\b[A-Z][\w'’-]+(?:[\s-]+[A-Z][\w'’-]+)*" + NAMED_AFTER.pattern)


# "the Zinoviev letter" in an event's title: a thing called by a person's name, then a common noun
THING_IN_TITLE = lazy(r"\b[Tt]he\s+([A-Z][\w'’-]+)\s+([a-z]+)\b")


def _things_named(events: pd.DataFrame) -> set[tuple[str, str]]:
    """(name, noun) of each thing the events' titles call by a name ("the Zinoviev letter": zinoviev, letter)."""
    return {(m.group(1).lower(), m.group(2)) for title in events["title"].astype(str)
            for m in THING_IN_TITLE.finditer(title)}


def _is_thing(claim: str, mention, things: set[tuple[str, str]]) -> bool:
    """Whether a person's name in the claim is the name of a thing the titles hold ("the Zinoviev letter")."""
    after = re.match(r"\s+([a-z]+)\b", claim[mention.end:])
    return bool(after) and (mention.typed.split()[-1].lower(), after.group(1)) in things


def _named_after(part: str) -> list[str]:
    """The things a part names after a person ("Sun Yat-sen University"), lower case: a title that holds one is
    named by it whole, the person's name too, so that it is not taken for another university of Moscow."""
    return [" ".join(m.group(0).lower().split()) for m in THING_NAMED.finditer(part)]


RATIFIED = lazy(r"\bratif\w*|\bcame\s+into\s+force\b|\bin\s+force\b", re.IGNORECASE)


def _ratified(row, years: set[int]) -> tuple[str | None, str | None] | str:
    """A claim that an event was ratified in `years`, against the sentence of the event's note or text that says
    when it was ratified: "" when that sentence gives one of the years (nothing to say), else a refusal with the
    sentence, or, when the data says nothing of a ratification, what the check could not check."""
    from .misconceptions import _spoken as spoken

    texts = [str(row.get("date_note", "") or ""), str(row.get("description", "") or "")]
    sentence = next((s.strip() for t in texts for s in re.split(r"(?<=\.)\s+", t) if RATIFIED.search(s)), "")
    if sentence and {int(y) for y in years_in(sentence)} & years:
        return ""
    said_years = " or ".join(map(str, sorted(years)))
    if sentence:
        return (f"Your claim puts the ratification of '{row['title']}' in {said_years}; the data's note on it "
                f"({row['event_id']}) says: \"{sentence}\" Check the year against that event in data/events.csv."), None
    return None, (f"the ratification of '{row['title']}' in {said_years}: the data dates its signature, "
                  f"{spoken(str(row['date_text']))} ({row['event_id']}), and says nothing of its ratification")


MOSCOW_WORDS = {"ussr", "soviet", "soviets", "russia", "moscow", "rsfsr"}  # the one side every such deal has
NEVER_RATIFIED = lazy(r"\bnever\s+(?:been\s+)?ratified\b|\bnot\s+(?:been\s+)?ratified\b|\bnever\s+ratified\b",
                      re.IGNORECASE)
NOT_SO = lazy(r"\b(?:not|never|no|refus\w*|reject\w*|fail\w*)\b|n't", re.IGNORECASE)


def never_ratified(claim: str, events: pd.DataFrame, actor_words: set[str], cited=()) -> str | None:
    """A refusal when a part of the claim says an event was ratified ("so the treaties of 1924 were ratified") that
    the data's own text says was never ratified: the part names it by a word of its title besides an actor's name,
    with its year or a name of its title; the data's sentence is quoted."""
    years = set(years_in(claim))
    for begin, finish in _parts(claim):
        part = claim[begin:finish]
        if not RATIFIED.search(part) or NOT_SO.search(part):  # "were never ratified": what the data says
            continue
        said = _roots(_bare_words(claim) - evidence_words.LITTLE)  # "signed treaties ... and ratified them"
        mine = events["event_id"].astype(str).isin(set(cited))
        for row in pd.concat([events[mine], events[~mine]]).itertuples():  # the cited events first
            texts = [str(getattr(row, "description", "") or ""), str(getattr(row, "date_note", "") or "")]
            sentence = next((x.strip() for t in texts for x in re.split(r"(?<=\.)\s+", t) if NEVER_RATIFIED.search(x)), "")
            if not sentence:
                continue
            title = str(row.title)
            shared = {w for w in _bare_words(title) - evidence_words.LITTLE
                      if _built_on(w, said) and not RATIFIED.match(w)} - actor_words
            names = {w for n in _title_names(title) for w in evidence_words.words(n)}
            if not shared or not (row.date.year in years or shared & names):
                continue
            # an event the student does not cite, between states the claim never names ("Hungary and the USSR
            # sign agreements", for a claim on the Sino-Soviet agreement): a shared word and year are not it
            if str(row.event_id) not in set(cited) and (_bare_words(title) & actor_words) - _bare_words(claim) - MOSCOW_WORDS:
                continue
            return (f"Your claim says '{title}' ({row.event_id}, {_spoken(row.date)}) was ratified, but the data's "
                    f"text on it says: \"{sentence}\" Check your claim against that event and what followed it.")
    return None


# A phrase that opens a sentence with its year only ("In 1925,"), whose year is the next part's.
OPENER = lazy(r"\W*(?:in|by|during)\s+(?:early\s+|late\s+|mid-)?1[89]\d\d\W*", re.IGNORECASE)
# Words a claim may use for one kind of event, whichever of them its title uses: the Shanghai massacre is also
# called a coup or a purge, and a claim that "massacred" names the massacre. Plain English, not facts of the data.
# a kind of deal a title writes with a capital ("Khabarovsk Protocol", "Litvinov Protocol"): a deal is named by
# the word before or after it, never by this word alone
DEALS = frozenset("treaty treaties protocol protocols pact pacts agreement agreements convention conventions accord "
                  "accords".split())
SAME_KIND = (frozenset("massacre purge coup crackdown slaughter bloodbath crush crushed".split()),)


def _roots(said: set[str]) -> set[str]:
    """The words and the words they are built on ("massacred": massacre), each word of a kind (SAME_KIND) with
    the kind's other words: what a title's word is compared with."""
    found = {stem for word in said for stem in evidence_words._stems(word)}
    for kind in SAME_KIND:
        if found & kind:
            found |= kind
    return found


def _built_on(word: str, said: set[str]) -> bool:
    """Whether a title's word is among `said` (a claim's words with their roots), or is built on one of them
    ("communists" on communist); never on a little word ("notes" is not built on "not")."""
    return word in said or any(stem in said for stem in evidence_words._stems(word)
                               if stem not in evidence_words.LITTLE)


@per_reading
def event_named(part: str, events: pd.DataFrame, actor_words: set[str]) -> pd.DataFrame:
    """The events a part of a claim names by their name ("the Shanghai massacre", "the Arcos raid", "Chiang
    massacred the Communists at Shanghai"), the best first: the part shares with the event's title two words that
    are not an actor's name, one of them a name of the title (a capitalised word), or a name few titles hold (as
    the claim writes it) and one such word; a word built on a title's word counts ("massacred"), and so does a
    word of the same kind (SAME_KIND: a coup, a purge). Empty when it names none."""
    titles = events["title"].astype(str)
    title_names = [_title_name_words(t) for t in titles]
    often = pd.Series([w for n in title_names for w in n]).value_counts()
    typed = _bare_words(part) - evidence_words.LITTLE
    said, may = _roots(typed), _may_name(part)
    things = _named_after(part)
    scores = []
    for title, names in zip(titles, title_names):
        names = names - DEALS  # "Protocol" in a title names no deal alone: "the protocol" may be any of them
        shared = {w for w in _bare_words(title) - evidence_words.LITTLE if _built_on(w, said)}
        own = {w for w in shared if not _built_on(w, actor_words)}  # "massacre": not of who was in it
        own |= {w for thing in things if thing in title.lower() for w in _bare_words(thing)}
        # a rare name and a word of the event besides it ("Arcos raid"; not "British" alone)
        named = (len(own) >= 2 and names & own) or any(often.get(w, 0) <= RARE and own - {w}
                                                       for w in names & typed & may)
        scores.append(len(own) if named else 0)  # the words of the event itself, not of its people
    best = max(scores, default=0)
    return events[[best > 0 and s == best for s in scores]]


CAUSED_BY = lazy(r"\b(?:because|since|as\s+a\s+result\s+of|due\s+to|owing\s+to)\b", re.IGNORECASE)


def _cited_named(part: str, events: pd.DataFrame, actor_words: set[str], cited, years: set[int],
                 names: dict[str, str] | None) -> pd.DataFrame:
    """The events the student cites whose title shares with the part two words that are not an actor's name nor
    a little word, a word built on a title's word counting ("raided": raid, "taken": take): "the war scare was in
    1928" citing 'The war scare: ...', "his police raided it" citing 'Zhang Zuolin's police raid ...'; those
    sharing most. None when a cited event of the part's years shares a word with it (the part may mean that one),
    nor one of another doer than the states or people the part names ("Germany broke off relations", citing
    Britain's break)."""
    if DENIAL.search(part):
        return events.iloc[0:0]  # a denied act says no year of it
    rows = events[events["event_id"].astype(str).isin(set(cited))]
    said = _stems(part) - {stem for w in actor_words for stem in evidence_words._stems(w)}
    scores = [len((_stems(str(title)) & said) - actor_words) for title in rows["title"]]
    if any(s and y in years for s, y in zip(scores, rows["date"].dt.year)):
        return rows.iloc[0:0]
    sides = {m.actor for m in ties_said.mentions(part, names)} - set(ties_said.SOVIET) if names else set()
    if sides:
        scores = [s if sides & {str(a), str(c)} else 0 for s, a, c in zip(scores, rows["actor"], rows["counterpart"])]
    best = max(scores, default=0)
    return rows[[best >= 2 and s == best for s in scores]]


def _by_rare_name(part: str, events: pd.DataFrame, actor_words: set[str]) -> pd.DataFrame:
    """The events whose title holds a name few titles hold (RARE) that the part writes ("Rapallo", "Locarno"), not
    an actor's name: those of the name the fewest titles hold."""
    titles = events["title"].astype(str)
    title_names = [_title_name_words(t) for t in titles]
    often = pd.Series([w for n in title_names for w in n]).value_counts()
    typed = _bare_words(part) - evidence_words.LITTLE - actor_words
    # a proper name ("Rapallo", "Locarno"), not a common word a title writes with a capital ("Military Academy")
    rare = sorted((often[w], w) for w in typed if 0 < often.get(w, 0) <= RARE and not evidence_words.is_common(w))
    if not rare:
        return events.iloc[0:0]
    found = events[[rare[0][1] in names for names in title_names]]
    if rare[0][1] in _places_written(part):  # "shot in Berlin": a place, not the Treaty of Berlin, unless the
        stems = _stems(part) - {rare[0][1]}  # part names the event's own thing too ("the treaty signed in Berlin")
        found = found[[bool(_stems(str(t)) - {rare[0][1]} & stems) for t in found["title"]]]
    return found


PLACE_WRITTEN = lazy(r"\b(?:in|at|near|from|to)\s+(?:the\s+)?([A-Z][\w'’-]*)")


def _places_written(part: str) -> set[str]:
    """The names a part writes as a place, after "in", "at", "near", "from" or "to" ("shot in Berlin"), lower case."""
    return {m.group(1).lower().removesuffix("'s") for m in PLACE_WRITTEN.finditer(part)}


def _against(claim: str, row, years: set[int], events: pd.DataFrame, part: str = "") -> tuple[str | None, str | None]:
    """(refusal, what could not be checked) for an event a claim puts in `years`, none of them its year: a year
    before the event, or after its end, is refused with the data's date, and so is any other year of an act done
    on one day ("Rapallo was signed in 1923": the verb of `part`, the claim's part that names it); a year after an
    event the data gives no end is said unchecked."""
    day = str(row["date_text"]) if "date_text" in events else str(row["date"].date())
    from .misconceptions import _spoken as spoken

    ends = pd.to_datetime(row.get("end_date"), errors="coerce") if "end_date" in events else pd.NaT
    said_years = " or ".join(map(str, sorted(years)))
    once = ONE_DAY.search(part) is not None or (  # a signing, a founding, an uprising happens on its day
        str(row.get("kind", "")) in ONE_DAY_KINDS and not LASTING.search(part)
        and not OPENS_LASTING.search(str(row["title"])))
    if (once or all(y < row["date"].year for y in years)
            or (pd.notna(ends) and all(y > ends.year for y in years))):
        return (f"Your claim puts '{row['title']}' in {said_years}; the data dates it {spoken(day)} "
                f"({row['event_id']}). Check the year against that event in data/events.csv."), None
    return None, (f"'{row['title']}' in {said_years}: the data dates it {spoken(day)} ({row['event_id']}) "
                  "and gives it no end, so check whether it went on into that year")


# The past of a verb that English does not build with -ed: "took" is "take" as a title writes it ("takes").
IRREGULAR = {"took": "take", "went": "go", "came": "come", "broke": "break", "began": "begin", "sent": "send",
             "led": "lead", "met": "meet", "gave": "give", "held": "hold", "won": "win", "lost": "lose",
             "left": "leave", "made": "make", "told": "tell", "kept": "keep", "paid": "pay", "fought": "fight",
             "brought": "bring", "wrote": "write", "rose": "rise", "fell": "fall", "drove": "drive", "shot": "shoot",
             # and a word for the same act ("captured Peking": the title's "take Peking"; "went to Moscow": a
             # mission to Moscow)
             "captured": "take", "seized": "take", "taken": "take", "go": "mission", "visited": "mission", "travelled": "mission"}


def _stems(text: str) -> set[str]:
    """The words of a text that are not little words, each with the words it may be built on ("expelled": expel,
    "took": take)."""
    bare = _bare_words(text)
    for _ in range(2):  # "went": go, then a mission
        bare = bare | {IRREGULAR[w] for w in bare if w in IRREGULAR}
    bare -= evidence_words.LITTLE  # after IRREGULAR: "took" is a little word
    return {stem for word in bare for stem in evidence_words._stems(word)}


DENIAL = lazy(r"\b(?:not|never)\b|n['’]t\b", re.IGNORECASE)


def wrong_cited_year(claim: str, data, cited=()) -> str | None:
    """A refusal when a part of the claim tells what one of the cited events did with a year the data does not
    date it to ("the Wuhan Nationalists expelled them in 1925", citing 1927-wuhan-expels-communists; "Whampoa
    opened in 1926 with Soviet money", citing 1924-whampoa-opens): the part names one of the event's sides (or an
    actor that belongs to one) and words of its title that are no actor's name ("expelled" for "expels"), or both
    its sides with an act of one day ("Chiang went to Moscow in 1925"), and no event of the part's years shares as
    much with the part (an event of its year it may mean: Austria's recognition in fact of 1921). A year after an event with no end is not refused (wrong_event_year says it unchecked)."""
    events = data.events
    mine = events[events["event_id"].astype(str).isin(set(cited))].sort_values("date")
    if mine.empty:
        return None
    names = ties_said.actor_names(data.actors)
    family = ties_said._family(data)
    own = words_of_names(names)

    def acts(row, told: set[str]) -> set[str]:
        """The words of the event's title and kind that the part writes (`told`, or a word of the same first seven
        letters: "recognised" for a recognition) and that are no actor's name."""
        words = _bare_words(f"{row['title']} {str(row['kind']).replace('_', ' ')}") - evidence_words.LITTLE - own
        return {w for w in words if _stems(w) & told or (len(w) >= 7 and w[:7] in {t[:7] for t in told if len(t) >= 7})}

    def shared(part: str, named: list, told: set[str], row) -> int:
        """How much of the event the part tells: the words of its title that the part writes (`told`, its words'
        stems; an actor's name counts only as the part writes it, "Peking" for the title's Peking), and one more
        for both its sides named with an act of one day; 0 when it names neither side."""
        said = {m.actor for m in named}
        sides = [family.get(str(row[k]), {str(row[k])}) for k in ("actor", "counterpart")]
        both = [bool(said & side) for side in sides]
        if not any(both):
            return 0
        title = _bare_words(str(row["title"])) - evidence_words.LITTLE
        as_typed = {m.typed for m in named if _stems(m.typed) & {s for w in title for s in _stems(w)}}
        return len(acts(row, told)) + len(as_typed) + (1 if all(both) and ONE_DAY.search(part) else 0)

    for begin, finish in _parts(claim):
        part = claim[begin:finish]
        years = _years_said(part)
        if not years or DENIAL.search(part):  # "Britain did not restore relations in 1928": true of a 1929 event
            continue
        named = ties_said.mentions(part, names)
        # a state's adjective names its side too ("Chinese-Soviet relations were restored in 1935")
        named += [ties_said.Mention(w.start(), w.end(), w.group(0), DEMONYMS[w.group(0).lower()])
                  for w in re.finditer(r"[A-Za-z]+", part) if w.group(0).lower() in DEMONYMS
                  and not any(m.start <= w.start() < m.end for m in named)]
        told = _stems(part) - {s for m in named for s in _stems(m.typed)}  # "Peking" names a side, not an act
        then = events[events["date"].dt.year.isin(years)]
        rival = max((shared(part, named, told, row) for _, row in then.iterrows()), default=0)
        # of the cited events, those the part tells best ("restored relations": the restoration, not the break)
        scores = {i: shared(part, named, told, row) for i, row in mine.iterrows()}
        for i, row in mine.iterrows():  # a cited event the part tells by an act of its own, better than any other
            if _elsewhere(named, row, then, family):
                continue  # "Germany recognised Moscow in 1922": Germany's act of that year, not Britain's
            if _in_practice_then(part, row, then, family):
                continue  # "Britain recognised the USSR in 1921": its recognition in practice of that year
            if acts(row, told) and scores[i] > rival and scores[i] == max(scores.values()):
                # a ratification has its own day, which the data writes in the event's note (wrong_event_year)
                said = _ratified(row, years) if RATIFIED.search(part) else _against(claim, row, years, events, part)
                refusal = said[0] if said else None
                if refusal:
                    return refusal
    return None


def _in_practice_then(part: str, row, then: pd.DataFrame, family) -> bool:
    """Whether the part says a recognition without saying it was in law ("Britain recognised the USSR in 1921"),
    the cited event is the state's recognition in law, and the part's years hold the same state's recognition in
    practice (de facto): the part may mean that one, and misconceptions.in_practice_meant() says which is which."""
    from .misconceptions import IN_LAW

    if str(row["kind"]) != "de_jure_recognition" or IN_LAW.search(part) or not re.search(r"recogni", part, re.IGNORECASE):
        return False
    side = family.get(str(row["actor"]), {str(row["actor"])})
    return bool(((then["kind"].astype(str) == "de_facto_recognition") & then["actor"].astype(str).isin(side)).any())


def _elsewhere(named, row, then: pd.DataFrame, family) -> bool:
    """Whether the part names an actor that is on neither side of the cited event but on a side of an event of the
    part's years (`then`): the part tells that actor's event, and the cited one's year is not read against it."""
    sides = {a for k in ("actor", "counterpart") for a in family.get(str(row[k]), {str(row[k])})}
    others = {m.actor for m in named if not family.get(m.actor, {m.actor}) & sides}  # the Nationalists: Nanjing's side
    if not others:
        return False
    those = {a for _, r in then.iterrows() for k in ("actor", "counterpart") for a in family.get(str(r[k]), {str(r[k])})}
    return bool(others & those)


@lru_cache(maxsize=1 << 12)
def _title_name_words(title: str) -> frozenset[str]:
    """The words of a title's names, without a possessive ("Chiang's coup": chiang)."""
    return frozenset(w.removesuffix("'s") for n in _title_names(title) for w in evidence_words.words(n))


@lru_cache(maxsize=1 << 12)  # a claim check reads every title's names in several rules
def _title_names(title: str) -> frozenset[str]:
    """The names of a title, lower case: its capitalised words ("Northern Expedition", "Locarno"), except a common
    word that is capitalised only because it opens the title ("Relations with Albania lapse")."""
    found = [m for m in NAME_WORD.finditer(title)]
    return frozenset(m.group(0).lower() for m in found
                     if m.start() > 0 or not evidence_words.is_known(m.group(0).lower(), ENGLISH))


def read(claim: str, data, words, cited=()) -> ties_said.Said:
    """What the claim says of people and named events (module text); `cited`: the event ids the student cites."""
    actors = data.actors
    names = ties_said.actor_names(actors)
    kinds = dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))
    labels = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str)))
    ends = actors["end_date"] if "end_date" in actors else pd.Series([None] * len(actors), index=actors.index)
    died = {a: pd.Timestamp(d) for a, d, k in zip(actors["actor_id"].astype(str), ends, actors["kind"])
            if str(k) == "person" and pd.notna(d) and str(d).strip()}
    things = _things_named(data.events)
    people = [m for m in ties_said.mentions(claim, names) if kinds.get(m.actor) == "person"
              and not NAMED_AFTER.match(claim, m.end)  # "Sun Yat-sen University" is a school, not the man
              and not _is_thing(claim, m, things)]  # "the Zinoviev letter" is a letter, not Zinoviev acting
    actor_words = words_of_names(names)
    wrong_year, later = wrong_event_year(claim, data.events, actor_words, cited, names)
    if wrong_year:
        return ties_said.Said(wrong_year)
    unratified = never_ratified(claim, data.events, actor_words, cited)
    if unratified:
        return ties_said.Said(unratified)
    events = named_events(claim, data.events, actor_words, cited)
    persons = ties_said.person_names(actors)
    notes = dict(zip(actors["actor_id"].astype(str), _column(actors, "note")))
    checked, unchecked = [], []
    for person in people:
        if person.typed.lower().endswith(("'s", "’s")):
            continue  # "Lenin's policy": what is his, not what he did
        if NOT_HIM.search(claim, 0, person.start):
            continue  # "Litvinov, not Chicherin, sealed the deal": the one the claim denies did nothing in it
        who = labels.get(person.actor, person.actor)
        clause = _part_of(claim, person, [m for m in people if m.actor != person.actor])
        years = years_in(clause)
        mine = named_events(clause, data.events, actor_words, cited)  # the events of this person's part
        death = died.get(person.actor)
        if death is not None:
            late = [y for y in years if y > death.year]
            after = mine[mine["date"] > death]
            if late or len(after):
                when = f"in {late[0]}" if late else f"with '{after['title'].iloc[0]}' ({after['date'].iloc[0].year})"
                return ties_said.Said(f"Your claim names {who} {when}, but the kit's data records that {who} died on "
                                      f"{_spoken(death)} (data/actors.csv). Check who acted then.")
        note = notes.get(person.actor, "")
        linked = [row for row in mine.itertuples()
                  if person.actor in (str(row.actor), str(row.counterpart))
                  or any(n in f"{row.title} {getattr(row, 'description', '')}".lower() for n in persons[person.actor])
                  or _note_names(note, row)]
        if linked:
            checked.append(_named_in_event(linked[0], person.actor, who, persons[person.actor], labels))
        elif len(mine):
            row = mine.iloc[0]
            sides = " and ".join(dict.fromkeys(labels.get(str(a), str(a)) for a in (row["actor"], row["counterpart"])))
            unchecked.append(f"what your claim says {who} did in '{row['title']}' ({row['date'].year}): the data does "
                             f"not link {who} to that event, whose sides are {sides}")
    unchecked += _not_in_data(claim, words, data, events, names, cited) + ([later] if later else [])
    return ties_said.Said(None, tuple(dict.fromkeys(checked)),
                          tuple(f"The check could not check {u}." for u in dict.fromkeys(unchecked)))


# a name the claim denies is the doer: "Litvinov, not Chicherin, ...", "rather than Chicherin", "instead of Chicherin"
NOT_HIM = lazy(r"(?:\bnot|\bnever|\brather\s+than|\binstead\s+of)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


def _named_in_event(row, person: str, who: str, names: list[str], labels: dict[str, str]) -> str:
    """What the data says of a person in an event, never as a confirmation of the claim: the person as the
    event's doer or other side, or else the event as the act of its doer against (or with) its other side, with
    the data's own sentence that names the person ("In the settlement negotiated with Borodin ...")."""
    title, year = row.title, row.date.year
    doer, other = (checks.with_article(labels.get(str(a), str(a))) for a in (row.actor, row.counterpart))
    towards = "against" if str(getattr(row, "tone", "")) == "hostile" else "towards"
    judged = f" The check did not judge what your claim says {who} did there."
    if person == str(row.actor):
        return f"The data has {who} as the doer of '{title}' ({year}), an act {towards} {other}.{judged}"
    if person == str(row.counterpart):
        return f"The data has {who} as the other side of '{title}' ({year}), an act of {doer}.{judged}"
    sentence = next((x.strip() for x in re.split(r"(?<=\.)\s+", str(getattr(row, "description", "") or ""))
                     if any(n in x.lower() for n in names)), "")
    return (f"The data names {who} in '{title}' ({year}), which it has as an act of {doer} {towards} {other}"
            + (f": \"{sentence}\"" if sentence else ".") + judged)


def words_of_names(names) -> set[str]:
    """The words of the actors' names ("Moscow", "Chiang", "Sun Yat-sen"); an English word of a long name only where
    it is no common word: not the "trade" of the All-Union Central Council of Trade Unions. Not a capital, which
    also names a treaty ("the Treaty of Berlin"): a capital that is a doer is taken out of its clause before events
    are named."""
    from .checks import CAPITALS

    return {w for key in names if key not in CAPITALS for w in evidence_words.words(key)
            if len(key.split()) <= 3 or w not in ENGLISH}


def year_refusal(claim: str, data, cited=()) -> str | None:
    """Why the claim's year for an event is wrong, with the data's date (wrong_event_year, wrong_cited_year), or
    None: for a text read on its own, such as one condition of notebook 3's exercise G."""
    names = ties_said.actor_names(data.actors)
    wrong_year, _ = wrong_event_year(claim, data.events, words_of_names(names), cited, names)
    return wrong_year or wrong_cited_year(claim, data, cited)


def _note_names(note: str, row) -> bool:
    """Whether a person's note in actors.csv names the event ("signed the 1921 trade agreement", "signed Rapallo"):
    two words of its title, or one of its names, and no other year than the event's."""
    if not note:
        return False
    shared = {w for w in _bare_words(row.title) if w not in evidence_words.LITTLE} & _bare_words(note)
    names = {w for n in _title_names(row.title) for w in evidence_words.words(n)} & shared
    years = set(years_in(note))
    return (len(shared) >= 2 or bool(names)) and (not years or row.date.year in years)


def _clause_of(claim: str, at: int) -> str:
    """The clause of `claim` around position `at` (ties_said's clauses)."""
    for begin, end, _ in ties_said._clauses(claim):
        if begin <= at <= end:
            return claim[begin:end]
    return claim


ENGLISH = evidence_words.english_words() | evidence_words.COMMON
DASHES = r"[‐‑‒–—]"  # the dashes a title may join names with ("Roosevelt–Litvinov"), as a keyboard's hyphen


def _texts(data) -> pd.Series:
    """Each event's and actor's words, lower case: what the data says of whom."""
    events, actors = data.events, data.actors
    said = events["title"].astype(str) + " " + _column(events, "description")
    about = actors["name"].astype(str) + " " + _column(actors, "note") + " " + _column(actors, "region")  # "Europe"
    return pd.concat([said, about]).str.lower()


def _column(table: pd.DataFrame, name: str) -> pd.Series:
    return table[name].fillna("").astype(str) if name in table else pd.Series([""] * len(table), index=table.index)


def _region_words(data) -> set[str]:
    """The words for the regions of actors.csv (column region) and their adjectives: "europe", "european",
    "americas", "american", "asia", "asian"."""
    found = set()
    for region in set(data.actors["region"].dropna().astype(str)) if "region" in data.actors else ():
        word = region.replace("_", " ")
        found |= {word, word.rstrip("s"), word.rstrip("s") + "n", word.rstrip("e") + "ean"}
    return found


def _in_passing(title: str, description: str, bare: str) -> str:
    """", in its description: “the former Russo-Baltic works at Fili”": the few words around `bare` where the
    data has it in an event's description and not in its title; "" when the title has it."""
    if re.search(rf"\b{re.escape(bare)}\b", str(title), re.IGNORECASE):
        return ""
    found = re.search(rf"(?:\S+\s+){{0,3}}\S*\b{re.escape(bare)}\b\S*(?:\s+\S+){{0,3}}", str(description),
                      re.IGNORECASE)
    return f", in its description: \u201c{found.group(0).strip(' ,;:.')}\u201d" if found else ""


def _not_in_data(claim: str, words, data, events: pd.DataFrame, actors: dict[str, str], cited=()) -> list[str]:
    """Capitalised words that are not common English words, each with why the check could not check it: the data
    has nothing of that name ("Hitler"), or names it only in a few events, none of which the claim names ("Mao" with
    the Shanghai massacre). A word the data uses often ("Politburo", "April") is one it reads."""
    texts = _texts(data).str.replace(DASHES, "-", regex=True)
    # the years of the events the claim names ("Versailles" beside Rapallo, 1922); not a year the claim gives
    # alone, so that "Mao ... in 1927" is not read as the Mao of the data's one event of 1927
    years = set(events["date"].dt.year.astype(int))
    # the events the claim names, and those the student cites ("Mussolini's Italy" citing Italy's recognition)
    mine = pd.concat([events, data.events[data.events["event_id"].astype(str).isin(set(cited))]])
    named = (mine["title"].astype(str) + " " + _column(mine, "description")).str.lower().str.replace(DASHES, "-", regex=True)
    found = []
    regions = _region_words(data)
    given = set(years_in(claim))  # the years the claim gives itself

    def known(bare: str) -> bool:
        return (len(bare) < 2 or bare in words.names or bare in actors or evidence_words.is_known(bare, ENGLISH)
                or bare in regions or bare in DEMONYMS)  # "European": a region of actors.csv, not a name it lacks

    def unread(word: str) -> bool:
        bare = word.lower().removesuffix("'s").removesuffix("’s")
        # "Roosevelt-Litvinov", "Chinese-Soviet": names joined by a hyphen (the data may write an en dash), each read
        return not (known(bare) or ("-" in bare and all(known(p) for p in bare.split("-") if p)))

    for word in dict.fromkeys(_unread_names(re.sub(DASHES, "-", claim), unread)):
        bare = word.lower().removesuffix("'s").removesuffix("’s")
        pattern = rf"(?<![\w-]){re.escape(bare)}(?![\w-])"  # "Baltic", not the "Russo-Baltic" works
        where = data.events[(data.events["title"].astype(str) + " " + _column(data.events, "description"))
                            .str.lower().str.replace(DASHES, "-", regex=True).str.contains(pattern, regex=True)]
        count = int(texts.str.contains(pattern, regex=True).sum())
        if count == 0 and not evidence_words.is_known(bare, words.known):  # in no data row nor document
            found.append(f"'{word}': the kit's data has no actor, place or event of that name")
        elif (count <= RARE and len(where) and not named.str.contains(pattern, regex=True).any()
              and not where["date"].dt.year.isin(years).any()):
            # "Mao": named in the data only by an event the claim does not name, nor of its year, so what the
            # claim says of him is not checked
            # each with the data's own words around it, so that a word met only in passing ("the former
            # Russo-Baltic works", a factory) is seen as such, not as what the claim is about
            listed = " and ".join(f"'{t}' ({d.year}{_in_passing(t, x, bare)})" for t, x, d in
                                  zip(where["title"], _column(where, "description"), where["date"]))
            name = word.removesuffix("'s").removesuffix("’s")
            found.append(f"what your claim says of '{word}': the data has the {'name' if ' ' in name else 'word'} "
                         f"{name} only in {listed}, "
                         f"{'an event' if len(where) == 1 else 'events'} your claim does not name")
    return found + _other_years(claim, data, actors, given, known)


def _unread_names(claim: str, unread) -> list[str]:
    """The capitalised words of `claim` that `unread` says the check cannot read, those side by side joined into
    one name ("Lloyd George", "Ramsay MacDonald's"), never split into two unknown words."""
    found = []
    for run in re.findall(r"\b[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*)*", claim):
        together: list[str] = []
        for word in run.split() + [""]:
            if word and unread(word) and not (together and together[-1].lower().endswith(("'s", "’s"))):
                together.append(word)
                continue
            if together:
                found.append(" ".join(together))
            together = [word] if word and unread(word) else []
    return found


def _other_years(claim: str, data, actors, given: set[int], known) -> list[str]:
    """A person given a title ("Secretary Hughes") the data holds no actor for, named in a few events, none of the
    years the claim gives ("... changed his mind" of 1933, when the data names Hughes in 1921 and 1923): what
    the claim says of him then is not in the data."""
    found = []
    if not given:
        return found
    titled = data.events["title"].astype(str) + " " + _column(data.events, "description")
    for word in dict.fromkeys(re.findall(r"\b(?:President|Secretary|Premier|Chancellor|Minister|Commissar|Ambassador|"
                                         r"General|Marshal|Mr\.?|Sir)\s+([A-Z][a-z]+)\b", claim)):
        bare = word.lower()
        if bare in actors or bare in DEMONYMS or bare in MONTHS or evidence_words.is_known(bare, ENGLISH):
            continue
        where = data.events[titled.str.contains(rf"\b{word}\b", regex=True)]
        if not 0 < len(where) <= RARE or where["date"].dt.year.isin(given).any():
            continue
        listed = " and ".join(f"'{t}' ({d.year})" for t, d in zip(where["title"], where["date"]))
        found.append(f"what your claim says of '{word}' in {' or '.join(map(str, sorted(given)))}: the data names "
                     f"{word} only in {listed}, not in {'that year' if len(given) == 1 else 'those years'}")
    return found
