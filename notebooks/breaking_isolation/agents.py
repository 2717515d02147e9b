"""Who did it: a claim that makes an actor the doer of an act ("Britain raided the Soviet embassy in Peking",
"Trotsky ordered the Shanghai massacre", "the Treaty of Berlin was signed by Stalin"), read against the event the
act is about. One rule for every claim.

The doer is the actor (or actors joined by "and") just before a verb of action ("ordered", "raided", "signed",
"broke off"...), or after "by" in a passive ("was signed by Stalin"); an actor written as an owner is the doer only
with its men ("Chiang's troops massacred"), never with a thing ("Moscow's policy led to..."). The event is the one
the clause names: an event whose title holds the act's own word ("raid", "massacre", "break") and most of the
clause's other words, an act of violence for an attack ("Japan attacked Shanghai": a place the title shares), or an event named by its title ("the Northern Expedition"), of a year the clause gives; the
events the student cites first. Then:

- an act of one side against the other (violence, a raid, a break of relations, a recognition, an expulsion):
  its doer must be the event's actor or on its side; a doer on the other side gets the act turned round, any
  other doer the event's actor;
- any other act (a treaty, an agreement, a mission): the doer must be on one of its two sides;
- a person is on a side when the person is that actor, belongs directly to it, or heads it (actors.csv); a person
  the event's text names is never refused.

A denial ("did not order"), a wish ("would have led") or a doer the data does not know says nothing here.
"""

from __future__ import annotations

import re

import pandas as pd

from . import claim_people, evidence_words, faces, ties_said
from .kin import DEMONYMS, kin as _kin, name_words as _name_words
from .patterns import lazy

# A verb that makes its subject the doer. "led to" is a cause, not a leader. Telling someone to do an act of one
# side against the other ("Borodin told Chiang to massacre the communists") is ordering it.
ACTIVE = lazy(r"\b(?P<verb>(?:told|instructed|urged|directed|pushed|got|encouraged)\s+(?:[\w'’-]+\s+){1,3}?to\s+"
              r"(?:massacre|raid|expel|break\s+(?:off|with))|"
              r"ordered|ran|led(?!\s+to\b)|commanded|organi[sz]ed|launched|carried\s+out|signed|"
              r"raided|massacred|broke\s+(?:off|with)|broke\s+(?:diplomatic\s+)?relations|severed|expelled|"
              r"recogni[sz]ed|published|issued|released|leaked|made\s+public|founded|set\s+up|established|attacked|"
              r"destroyed|crushed|smashed|wrecked|showed|"
              r"(?:fired|firing|opened\s+fire)\s+(?:on|at|upon|into)|shot(?:\s+at)?|shooting\s+at|"
              r"(?:sent|delivered|handed)(?=\s+(?:[\w'’-]+\s+){0,4}?(?:ultimatum|note|memorandum|letter|warning)\b))\b",
              re.IGNORECASE)
PASSIVE = lazy(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?(?P<verb>ordered|run|led|commanded|organi[sz]ed|"
               r"launched|carried\s+out|signed|raided|massacred|broken\s+off|severed|expelled|recogni[sz]ed|"
               r"published|issued|released|leaked|made\s+public|founded|set\s+up|established|attacked|destroyed|"
               r"crushed|smashed|wrecked|shot|fired\s+(?:on|at|upon))\b", re.IGNORECASE)
# The act's own word in a clause, and in an event's title: the clause's act is the event that has it.
ACT_WORDS = {"raid": (r"\braid\w*", r"\braid"), "massacre": (r"\bmassacr\w*", r"\bmassacre"),
             "break": (r"\b(?:broke|broken|break\w*|sever\w*)\b", r"\bbreaks?\b"),
             "expel": (r"\bexpel\w*", r"\bexpel"),
             "show": (r"\bshow(?:ed|n|s)?\b", r"\bshows?\b"),  # a paper shown: the event's actor showed it
             # a shooting: who fired is the event's actor, whatever the title leaves unsaid ("May Thirtieth shooting")
             "shoot": (r"\b(?:fir(?:ed|ing)\s+(?:on|at|upon|into)|opened\s+fire|shot|shoot\w*)", r"\bshoot"),
             "publish": (r"\b(?:publish\w*|releas\w*|leak\w*|issu\w*|made\s+public)", r"\bpublish"),
             "found": (r"\b(?:found(?:ed|s|ing)?|set\s+up|establish\w*)\b", r"\b(?:founds?|founded|sets?\s+up)\b"),
             # an attack ("by attacking Shanghai"): an act of violence, whatever its title calls it (a massacre,
             # a shooting, an uprising), so it is found by its kind and the clause's other words
             "attack": (r"\b(?:attack\w*|assault\w*|crush\w*|smash\w*)\b", None)}
ATTACK_KINDS = ("violence",)
# The kinds of act one side does to the other: who did it is the event's actor.
ONE_WAY = {"violence", "incident", "relations_broken", "de_facto_recognition", "de_jure_recognition",
           "recognition_withdrawn", "party_decision"}
# The kinds of event by which a state recognised Moscow, whatever the title says ("Mexico and the USSR open relations").
OPENINGS = {"relations_established", "de_jure_recognition", "de_facto_recognition"}
# Words that may come between the doer and its verb: its men, a time ("Chiang's troops then massacred").
MEN = r"(?:troops|police|soldiers|army|armies|forces|men|gunmen|agents|government|generals?)"
BETWEEN = lazy(rf"^(?:\s+{MEN})?(?:\s*,?\s*(?:had|then|also|soon|later|quickly|suddenly|openly|finally|itself|"
               r"themselves|in\s+(?:\w+\s+)?1[89]\d\d|in\s+[A-Z]\w+)\b)*\s*,?\s*$")
JOIN = lazy(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$", re.IGNORECASE)
DENIED = lazy(r"\b(?:not|never|no|n't)\s+(?:\w+\s+)?$|n't\s+$", re.IGNORECASE)
CLAUSE_JOIN = lazy(r"[,;]\s*(?:and|but|while|whereas)\b", re.IGNORECASE)  # a new clause, with its own doer


def _labels(data) -> dict[str, str]:
    from . import checks
    from .network_model import LABELS

    labels = {a: " ".join(label.split(",")[0].split()) for a, label in checks.actor_labels(data.actors, LABELS).items()}
    labels.update({s: "Moscow" for s in ties_said.SOVIET})
    return labels


def _doers_before(claim: str, begin: int, at: int, found: list[ties_said.Mention]) -> list[ties_said.Mention]:
    """The actors just before a verb at `at`: the last one named (skipping an aside between commas, "Chiang,
    trained in Moscow, turned..."), and any joined to it by "and"."""
    head = claim[begin:at]
    aside = re.search(r",[^,]*,\s*$", head)
    end = begin + (aside.start() if aside else len(head))
    before = [m for m in found if begin <= m.start and m.end <= end]
    if not before:
        return []
    last = before[-1]
    gap = claim[last.end:end]
    owner = last.typed.lower().endswith(("'s", "’s"))
    if owner and not re.match(rf"^\s+{MEN}\b", gap, re.IGNORECASE):
        return []  # "Moscow's policy led to...": the policy acts, not Moscow
    if not BETWEEN.match(gap):
        return []
    doers = [last]
    for earlier in reversed(before[:-1]):
        if not JOIN.match(claim[earlier.end:doers[0].start]):
            break
        doers.insert(0, earlier)
    return doers


def _narrowed(doer: ties_said.Mention, claim: str, found, family) -> ties_said.Mention:
    """The doer as its words narrow it: "the Nanjing Nationalists" are the Nanjing government, one body of the
    Nationalists (the name just before the doer's, with nothing between, of a body that belongs to it)."""
    ahead = [m for m in found if m.end <= doer.start and not claim[m.end:doer.start].strip()]
    if ahead and ahead[-1].actor != doer.actor and ahead[-1].actor in family.get(doer.actor, set()):
        return ahead[-1]
    return doer


def _doers_after_by(claim: str, at: int, finish: int, found: list[ties_said.Mention]) -> list[ties_said.Mention]:
    """"... was signed in 1926 by Stalin and Hitler": the actors after "by"."""
    by = re.search(r"\bby\s+", claim[at:finish], re.IGNORECASE)  # "by the Soviets": "the" may be the name's own
    if not by:
        return []
    doers, start = [], at + by.end()
    for mention in (m for m in found if m.start >= start and m.end <= finish):
        if doers and not JOIN.match(claim[doers[-1].end:mention.start]):
            break
        if not doers and claim[start:mention.start].strip().lower() not in ("", "the"):
            break
        doers.append(mention)
    return doers


def _act_events(clause: str, events: pd.DataFrame, actor_words: set[str], cited, verb: str = "") -> pd.DataFrame:
    """The events a clause's act is about (module text): those whose title holds the act's word, sharing most of
    the clause's other words, or else those it names by their titles; only of the clause's years, if it gives any."""
    years = set(claim_people.years_in(clause))
    lowered = clause.lower()
    things = claim_people._named_after(clause)  # "founded Sun Yat-sen University": that university's event
    whole = events[[any(t in str(title).lower() for t in things) for title in events["title"]]] if things else events.iloc[0:0]
    if len(whole):
        return whole
    said = {w.removesuffix("'s") for w in evidence_words.words(clause)} - evidence_words.LITTLE
    titles = events["title"].astype(str)
    best = pd.DataFrame()
    # the act of the verb itself, when it is one ("Wuhan then expelled": an expulsion, not the showing of a
    # telegram the clause named before it)
    own = [pair for pair in ACT_WORDS.values() if verb and re.search(pair[0], verb, re.IGNORECASE)]
    for in_clause, in_title in own or ACT_WORDS.values():
        if not re.search(in_clause, lowered):
            continue
        has = (titles.str.lower().str.contains(in_title, regex=True) if in_title
               else events["kind"].astype(str).isin(ATTACK_KINDS))
        rows = events[has]
        if years:
            rows = rows[rows["date"].dt.year.isin(years)]
        whom = _expelled(lowered, in_clause) if in_title == ACT_WORDS["expel"][1] else None
        if whom and not rows.empty:  # "expelled the Soviet consuls": an expulsion of consuls, not of Trotsky
            rows = rows[[bool(re.search(rf"\b{re.escape(whom)}", f"{t} {d}".lower()))
                         for t, d in zip(rows["title"].astype(str), rows["description"].fillna("").astype(str))]]
        if rows.empty:
            continue
        # the act's own word counts once, in whatever form ("expelled" for the title's "expels")
        scores = [len(({w.removesuffix("'s") for w in evidence_words.words(t)} & said)
                      - ({w for w in said if re.fullmatch(in_clause, w)} if in_title else set()))
                  + bool(in_title) for t in rows["title"].astype(str)]
        rows = rows.assign(_score=scores)
        top = rows[rows["_score"] == rows["_score"].max()]
        cited_rows = rows[rows["event_id"].astype(str).isin(set(cited))]
        if top["_score"].max() < 2 and len(cited_rows):  # "Nanjing expelled them": the cited expulsion, not
            top = cited_rows  # another whose title shares only the verb's own word ("Trotsky ... expelled")
        mine = top["event_id"].astype(str).isin(set(cited))
        if top["_score"].max() >= 2 or (mine.any() and (in_title or top["_score"].max() >= 1)):
            # an attack shares a word with the event it is ("attacking Shanghai"), cited or not: "attacked the
            # united front" is no act of violence
            best = pd.concat([best, top])
    if not best.empty:
        best = best[best["_score"] == best["_score"].max()].drop(columns="_score")
        return best
    named = claim_people.named_events(clause, events, actor_words, cited)
    if years and len(named):
        named = named[named["date"].dt.year.isin(years)]
    return named


# the one expelled, as the clause names them: "expelled the Soviet consuls in 1927" (consul)
EXPELLED = lazy(r"^\w*\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[a-z][\w-]*\s+){0,2}?(?P<whom>[a-z]+?)(?:e?s)?\b"
                r"(?=\s+(?:from|in|on|at|after|before|and|of|out|to|so|because|which|since)\b|\s*[,;.]|\s*$)")


def _expelled(clause: str, said: str) -> str | None:
    """The head word of what a clause says was expelled ("the Soviet consuls": consul), when it is a plain word;
    None when it names no one ("expelled them", a name the data holds as an actor is already out of the clause)."""
    verb = re.search(said, clause)
    found = EXPELLED.match(clause[verb.start():]) if verb else None
    whom = found.group("whom") if found else ""
    return whom if len(whom) >= 4 and whom not in ("them", "they", "him", "her", "it") else None


def _person_on(person: str, side: str, owners: dict[str, str], family: dict[str, set[str]]) -> bool:
    """Whether a person is on an actor's side: is it, belongs directly to it, or heads it ("Chiang Kai-shek's
    Nationalist government")."""
    owner = owners.get(person, "")
    return (ties_said._same(person, side) or ties_said._same(owner, side) if owner else person == side) or (
        side in family.get(person, set()) and side != person)


def _on(doer: str, side: str, kinds: dict[str, str], owners, family, names, typed: str = "") -> bool:
    """Whether a doer is on a side. Kin by a shared name word ("Nationalist") counts only when the doer is written
    by such a word: "Nanjing" names Chiang's government alone, never its rival at Wuhan."""
    if kinds.get(doer) == kinds.get(side) == "government" and doer != side:
        return False  # Nanjing and Wuhan: rival governments of one state, though one word ("Nationalist") names both
    if kinds.get(doer) == "person":
        if kinds.get(side) == "government" and not _person_on(doer, side, owners, family) and own_government(
                doer, kinds, owners, family):
            return False  # Chiang Kai-shek, whose own government was at Nanjing, is not on the side of Wuhan's
        return _person_on(doer, side, owners, family) or _kin(owners.get(doer, ""), side, names, owners)
    written = {w.removesuffix("'s").removesuffix("s") for w in evidence_words.words(typed)}
    return (ties_said._same(doer, side) or doer in family.get(side, {side}) or side in family.get(doer, {doer})
            or _kin(doer, side, names, owners) and (not typed or bool(written & names.get(side, set()))))


def own_government(person: str, kinds: dict[str, str], owners: dict[str, str], family) -> set[str]:
    """The governments a person belongs to or heads in actors.csv (Wang Jingwei: the Wuhan government; Chiang
    Kai-shek: the Nanjing government, whose note opens with his name); empty for a person of a party or a state."""
    return {a for a in family.get(person, set()) | {owners.get(person, "")} if kinds.get(a) == "government"}


def other_wing(claim: str, data, cited=()) -> list[str]:
    """What the check could not decide when the claim gives one wing of a party the act of another, outside the
    act's month ("Nanjing expelled the communists in April 1927"): the act the data has, and the same party's
    earlier acts that year against the same side, which the claim may mean."""
    skipped: list = []
    if read(claim, data, cited, skipped):
        return []
    from .misconceptions import _spoken

    events, said = data.events, []
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    names = _name_words(data)
    for doer, row in skipped[:1]:
        actor, label = str(row["actor"]), _labels(data)
        theirs = events[(events["counterpart"] == row["counterpart"]) & (events["date"] < row["date"])
                        & (events["date"].dt.year == row["date"].year) & (events["actor"] != actor)]
        theirs = theirs[[_kin(owners.get(a) or a, actor, names, owners) or _kin(a, actor, names, owners)
                         for a in theirs["actor"].astype(str)]]
        earlier = "; ".join(f"'{r['title']}' ({_spoken(r['date_text'])}, {r['event_id']})"
                            for _, r in theirs.iterrows())
        month = pd.Timestamp(row["date"]).month_name()
        said.append(f"whose act your claim means: it gives the act to {label.get(doer, doer)}, and the data's "
                    f"'{row['title']}' ({_spoken(row['date_text'])}, {row['event_id']}) is an act of "
                    f"{label.get(actor, actor)}, which your claim does not put in {month}"
                    + (f"; the data also records the other wing's earlier acts that year: {earlier}" if earlier else "")
                    + ". Say which act you mean, with its month")
    return said


def _actor_tables(data):
    """Each actor's kind and the body it belongs to, the data's families of actors, and people's names: what
    read() and done_to() both weigh a doer against."""
    actors = data.actors
    kinds = dict(zip(actors["actor_id"].astype(str), actors["kind"].astype(str)))
    owners = dict(zip(actors["actor_id"].astype(str), actors["belongs_to"].fillna("").astype(str)))
    return kinds, owners, ties_said._family(data), ties_said.person_names(actors)


def read(claim: str, data, cited=(), skipped: list | None = None) -> str | None:
    """Why the claim is refused, when it makes an actor the doer of an act the data credits to another (module
    text); None when it does not, or when the check cannot tell. An act left to another wing of the doer's party
    (_other_wing) is added to `skipped`, as (doer, event row)."""
    names = ties_said.actor_names(data.actors)
    found = ties_said.mentions(claim, names)
    if not found:
        return None
    kinds, owners, family, persons = _actor_tables(data)
    actor_words = claim_people.words_of_names(names)
    labels = _labels(data)
    for begin, finish, _ in ties_said._clauses(claim):
        if ties_said.HYPOTHETICAL.search(claim[begin:finish]):
            continue
        acts = [(m, "active") for m in ACTIVE.finditer(claim, begin, finish)]
        acts += [(m, "passive") for m in PASSIVE.finditer(claim, begin, finish)]
        for verb, voice in sorted(acts, key=lambda pair: pair[0].start()):
            if DENIED.search(claim[max(begin, verb.start() - 20):verb.start()]):
                continue
            if voice == "active" and re.search(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?$",
                                               claim[max(begin, verb.start() - 20):verb.start()], re.IGNORECASE):
                continue
            doers = (_doers_before(claim, begin, verb.start(), found) if voice == "active"
                     else _doers_after_by(claim, verb.end(), finish, found))
            if not doers:
                continue
            doers = [_narrowed(d, claim, found, family) for d in doers]
            # the verb's own stretch: a comma after it opens what comes next ("the Wuhan Kuomintang expelled the
            # communists in July 1927, the party had nothing ..., and by December the Canton Commune had been
            # crushed": the Commune is not what Wuhan did)
            comma = claim.find(",", verb.end(), finish) if voice == "active" else -1
            # and the doer's own clause begins after a ", and" before it ("Germany recognised Soviet Russia at
            # Rapallo in 1922, and in 1924 Britain recognised the USSR": Rapallo is not what Britain did)
            joined = list(CLAUSE_JOIN.finditer(claim, begin, doers[0].start)) if voice == "active" else []
            own = joined[-1].end() if joined else begin
            clause = claim[own:comma if comma > 0 else finish]
            if not claim_people.years_in(clause):  # "..., and then ARCOS broke off relations": the years said before
                clause += " " + " ".join(map(str, claim_people.years_in(claim[begin:own])))
            for doer in doers:  # the doers' own names do not pick the event
                clause = clause.replace(doer.typed, " ")
            clause = TIME_NAMED.sub(" ", clause)  # "during the Locarno period" names a time, not the act
            rows = _act_events(clause, data.events, actor_words, cited, verb.group("verb"))
            if len(rows) and not rows["event_id"].astype(str).isin(set(cited)).any() and _own_cited(
                    doers, clause, data.events, cited, (kinds, owners, family, _name_words(data)), actor_words):
                continue  # "Denmark signed its trade agreement": Denmark's own cited deal, not Britain's
            if rows.empty or _own_act(doers, verb.group("verb"), claim[begin:finish], rows, data.events,
                                      (kinds, owners, family, _name_words(data)), actor_words):
                continue
            lead = claim[begin:doers[0].start].strip(" ,").lower()
            start = begin if voice == "passive" or lead in ("", "the") else doers[0].start
            quoted = " ".join(claim[start:comma if comma > 0 else finish].strip(" ,;:.").split()[:14])
            breaking = re.match(ACT_WORDS["break"][0], verb.group("verb"), re.IGNORECASE) is not None
            cited_first = ~rows["event_id"].astype(str).isin(set(cited))  # the refusal names a cited event first
            rows = rows.assign(_later=cited_first).sort_values("_later", kind="stable").drop(columns="_later")
            if breaking:  # the break the claim names first, before another act of the clause ("after the ARCOS raid")
                rows = rows.assign(_other=rows["kind"].astype(str) != "relations_broken").sort_values(
                    "_other", kind="stable").drop(columns="_other")
            attack = bool(re.search(ACT_WORDS["attack"][0], clause, re.IGNORECASE)) and not any(
                re.search(said, clause, re.IGNORECASE) for act, (said, _) in ACT_WORDS.items() if act != "attack")
            why = _refusal(doers, quoted, rows, kinds, owners, family, persons, labels, _name_words(data), breaking,
                           faces.sides(data.actors), attack, data.events)
            own_words = claim[own:doers[0].start] + " " + OTHER_DOER.split(claim[verb.end():finish])[0]
            if why and _other_wing(doers, rows.iloc[0], own_words, owners, _name_words(data)):
                if skipped is not None:  # "Nanjing expelled the communists in April": its own purge, not Wuhan's
                    skipped.append((doers[0].actor, rows.iloc[0]))
                continue
            if why:
                return why
    return None


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


# where the verb's own words end: "Nanjing expelled the communists and Wuhan followed in July" (July is Wuhan's)
OTHER_DOER = lazy(r"[,;]|\b(?:and|but|while|whereas|before|after)\b")


def other_wing_named(text: str, row, data) -> bool:
    """Whether the text names, as the only actors of the event's party, another wing of its doer (Nanjing for
    Wuhan's expulsion), and does not put the act in the event's month (as _other_wing)."""
    names = ties_said.actor_names(data.actors)
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    found = [m for m in ties_said.mentions(text, names)
             if _kin(m.actor, str(row["actor"]), _name_words(data), owners) or m.actor == str(row["actor"])]
    return _other_wing(found, row, text, owners, _name_words(data))


def _other_wing(doers, row, clause: str, owners, names) -> bool:
    """Whether the doers are another wing of the event's doer's party (Nanjing for Wuhan: kin by a shared name
    word) and the clause does not put the act in the event's month: each wing may have done such an act of its
    own (Nanjing purged the communists in April 1927, Wuhan expelled them in July), so the check cannot say which
    one the claim means (undecided.py says so)."""
    actor = str(row["actor"])
    if not doers or not all(d.actor != actor and _kin(d.actor, actor, names, owners) for d in doers):
        return False
    return not re.search(rf"\b{MONTHS[pd.Timestamp(row['date']).month - 1]}\b", clause)


def _own_act(doers, verb: str, clause: str, rows: pd.DataFrame, events: pd.DataFrame, ties,
             actor_words: set[str]) -> bool:
    """Whether the data has the doers doing such an act themselves, in the clause's years if it gives any: an event
    whose title or kind holds the verb and a word of the title of the act the clause names, with a doer as
    its actor (for an act of one side against the other) or on either side ("France recognised the USSR de jure in
    1924": Herriot's telegraph that France recognised it, not Britain's recognition, whose title shares more
    words). The check then cannot say the doer did not do it."""
    stem = re.sub(r"(?:ed|d|es|s|ing)$", "", verb.lower().split()[0])[:5]
    if stem not in ("recog", "sign"):  # acts many states did alike; a raid or a massacre is one event's own
        return False
    years = set(claim_people.years_in(clause))
    named = {w for t in rows["title"].astype(str) for w in evidence_words.words(t)} - evidence_words.LITTLE
    named -= {w for d in doers for w in evidence_words.words(d.typed)} | {stem} | actor_words
    one_way = rows["kind"].astype(str).isin(ONE_WAY).all()
    # the words by which the clause itself named the act ("a commercial treaty"): a sentence of an event's text
    # that has the verb and all of them records that act too ("On the day the Italo-Soviet commercial treaty was
    # signed, Mussolini..."), though its title speaks of the recognition
    clause_said = named & set(evidence_words.words(clause))
    mine = events[events["date"].dt.year.isin(years)] if years else events
    for row in mine.itertuples():
        text = f"{row.title} {str(row.kind).replace('_', ' ')}".lower()  # not its text: a raid it only mentions
        if stem == "recog" and str(row.kind) in OPENINGS:
            text += " recognises recognised recognition"  # a state that opened relations with Moscow recognised it
        titled = re.search(rf"\b{re.escape(stem)}", text) and named & set(evidence_words.words(text))
        if not titled and not (clause_said and _in_a_sentence(stem, clause_said, getattr(row, "description", ""))):
            continue
        sides = [str(row.actor)] if one_way else [str(row.actor), str(row.counterpart)]
        if any(_on(d.actor, side, *ties) for d in doers for side in sides):
            return True
    return False


def _own_cited(doers, clause: str, events: pd.DataFrame, cited, ties, actor_words: set[str]) -> bool:
    """Whether a cited event of the clause's years (any, if it gives none) has a doer on one of its sides and a
    word of its title in the clause: the act the clause may mean, which the check cannot tell from the event
    its words fit better."""
    years = set(claim_people.years_in(clause))
    said = {w.removesuffix("'s") for w in evidence_words.words(clause)} - evidence_words.LITTLE - actor_words
    for row in events[events["event_id"].astype(str).isin(set(cited))].itertuples():
        if years and row.date.year not in years:
            continue
        if said & set(evidence_words.words(str(row.title))) and any(
                _on(d.actor, side, *ties) for d in doers for side in (str(row.actor), str(row.counterpart))):
            return True
    return False


def _in_a_sentence(stem: str, said: set[str], text) -> bool:
    """Whether one sentence of an event's text holds the verb's stem and every word in `said`."""
    for sentence in re.split(r"(?<=[.;])\s+", str(text or "")):
        lowered = sentence.lower()
        if re.search(rf"\b{re.escape(stem)}", lowered) and said <= set(evidence_words.words(lowered)):
            return True
    return False


# An event's name used as a time ("during the Locarno period", "in the Rapallo years"): it dates the act, it is
# not the act the doer did.
TIME_NAMED = lazy(r"\b(?:during|in|after|before|since|through)\s+the\s+(?:[\w'’-]+\s+){1,3}?"
                  r"(?:period|era|years|months|days|age|time|spirit)\b", re.IGNORECASE)


def _refusal(doers, quoted: str, rows: pd.DataFrame, kinds, owners, family, persons, labels, names,
             breaking: bool = False, moscow_sides=(), attack: bool = False, events=None) -> str | None:
    """Why the doers cannot have done what `rows` record, or None when one of the rows has them on its side."""
    from .misconceptions import _spoken

    verdicts = []
    signed = re.search(r"\bsigned\b", quoted, re.IGNORECASE) is not None
    moscow = set(moscow_sides)
    for row in rows.itertuples():
        actor, counterpart = str(row.actor), str(row.counterpart)
        text = f"{row.title} {getattr(row, 'description', '')}".lower()
        one_way = _one_way(row) and not signed  # a signature is both sides' act, whatever it did
        wrong = []
        for doer in doers:
            if str(row.kind) == "founding" and doer.actor in moscow and {actor, counterpart} & moscow:
                continue  # Moscow's own foundings ("Stalin founded the USSR"): its leaders' part is not recorded
            if kinds.get(doer.actor) == "person" and any(n in text for n in persons.get(doer.actor, [])) and not (
                    _target_of(doer.actor, row, events) or kinds.get(actor) == "person"):  # a man's own act: his
                return None  # the event's text names the person: the check cannot tell their part
            if attack and re.search(rf"\b{re.escape(doer.typed.lower())}", text):
                return None  # an attack whose text names the doer ("British and US warships shell"): its part unread
            if _on(doer.actor, actor, kinds, owners, family, names, doer.typed):
                continue
            if not one_way and _on(doer.actor, counterpart, kinds, owners, family, names, doer.typed):
                continue
            turned = one_way and _on(doer.actor, counterpart, kinds, owners, family, names, doer.typed)
            if not turned and breaking:
                return None  # a break by a third state: ties_said reads it against the breaks the data holds
            wrong.append((doer, turned))
        if not wrong:
            return None
        verdicts.append((row, wrong))
    row, wrong = verdicts[0]
    who = " or ".join(labels.get(d.actor, d.actor) for d, _ in wrong)
    day = _spoken(str(row.date_text)) if hasattr(row, "date_text") else f"{row.date:%d %B %Y}"
    actor, counterpart = labels.get(str(row.actor), str(row.actor)), labels.get(str(row.counterpart), str(row.counterpart))
    event = f"'{row.title}' ({day}, {row.event_id})"
    if all(turned for _, turned in wrong):
        return (f"Your claim says '{quoted}', but the data has it the other way round: {event} is an "
                f"act of {actor} against {counterpart}. Turn your claim round, or check who did what in that event "
                "in data/events.csv.")
    if _one_way(row):
        done = f"an act of {actor} against {counterpart}"
    else:
        done = f"between {actor} and {counterpart}"
    signers = [s for s in re.split(r"(?<=\.)\s+", str(getattr(row, "description", "") or "")) if re.search(r"\bsign", s)]
    said = f" Its text says who signed: \"{signers[0]}\"" if signed and signers else ""
    return (f"Your claim says '{quoted}', but the data does not record {who} as a doer of {event}: it was {done}."
            f"{said} Check who did it against that event in data/events.csv.")


def _target_of(person: str, row, events) -> bool:
    """Whether the data has the event's own actor acting against the person in the event's year (Wuhan sends
    Borodin home in July 1927): the person its text names is then the one the act was done to, not a doer."""
    if events is None:
        return False
    theirs = events[(events["actor"].astype(str) == str(row.actor)) & (events["counterpart"].astype(str) == person)
                    & (events["date"].dt.year == pd.Timestamp(row.date).year)]
    return any(_one_way(r) for r in theirs.itertuples())


def _one_way(row) -> bool:
    """Whether an event is an act of its actor against its counterpart: a kind of act one side does to the other,
    or a founding against a rival (Nanjing's government, set up against Wuhan's: not Wuhan's founding)."""
    return str(row.kind) in ONE_WAY or (str(row.kind) == "founding" and str(getattr(row, "tone", "")) == "hostile")


# Who paid or armed: "with British money", "funded by Britain", "Britain paid for". The giver of an act of help
# (aid, military cooperation) is the event's actor. A state's adjective is English, not history: the ids must
# exist in actors.csv for the word to be read (kin.DEMONYMS).
GIFT = r"(?:money|funds?|funding|gold|cash|loans?|arms|weapons|rifles|guns|advisers|instructors|officers|help|aid)"
FUNDED = lazy(rf"\b(?:with|on|using|by)\s+(?:the\s+)?(?P<with>[\w'’.-]+(?:\s+[\w'’.-]+)?)\s+{GIFT}\b"
              r"|\b(?:funded|financed|paid\s+for|bankrolled|armed|equipped|backed|supplied|subsidi[sz]ed)\s+by\s+"
              r"(?:the\s+)?(?P<by>[\w'’.-]+(?:\s+[\w'’.-]+)?)"
              r"|(?P<who>\b(?!(?:was|were|been|being|is|are|had|has|have)\b)[\w'’.-]+)\s+(?:funded|financed|paid\s+for|bankrolled|armed|equipped|subsidi[sz]ed)\b",
              re.IGNORECASE)
HELPING = ("aid", "military_cooperation")


def _giver(words: str, data) -> tuple[str, str] | None:
    """(actor id, the words) of who a funding phrase names: an actor's name or a state's adjective."""
    words = re.sub(r"['’]s$", "", words.strip())
    ids = set(data.actors["actor_id"].astype(str))
    for typed in (words, words.split()[0]):
        found = ties_said.mentions(typed, ties_said.actor_names(data.actors))
        if found and found[0].start == 0:
            return found[0].actor, found[0].typed
        if DEMONYMS.get(typed.lower()) in ids:
            return DEMONYMS[typed.lower()], typed
    return None


def funded(claim: str, data, cited=()) -> str | None:
    """A claim that an actor paid for or armed an act of help the data credits to another (module text)."""
    names = ties_said.actor_names(data.actors)
    actor_words = claim_people.words_of_names(names)
    kinds = dict(zip(data.actors["actor_id"].astype(str), data.actors["kind"].astype(str)))
    owners = dict(zip(data.actors["actor_id"].astype(str), data.actors["belongs_to"].fillna("").astype(str)))
    family = ties_said._family(data)
    labels = _labels(data)
    for said in FUNDED.finditer(claim):
        if DENIED.search(claim[max(0, said.start() - 20):said.start()]) or ties_said.HYPOTHETICAL.search(claim):
            continue
        giver = _giver(said.group("with") or said.group("by") or said.group("who"), data)
        if giver is None:
            continue
        rows = _act_events(claim.replace(giver[1], " "), data.events, actor_words, cited)
        rows = rows[rows["kind"].astype(str).isin(HELPING)] if len(rows) else rows
        if rows.empty:  # no act named by its words ("armed Feng Yuxiang's army"): the cited help to whom it names
            taken = {m.actor for m in ties_said.mentions(claim[said.end():], names)}
            rows = data.events[data.events["event_id"].astype(str).isin(set(cited))
                               & data.events["kind"].astype(str).isin(HELPING)
                               & data.events["counterpart"].astype(str).isin(taken)]
        if rows.empty or any(_on(giver[0], str(a), kinds, owners, family, _name_words(data)) for a in rows["actor"]):
            continue
        row = rows.iloc[0]
        from .misconceptions import _spoken

        quoted = said.group(0)[:said.group(0).find(giver[1]) + len(giver[1])] if giver[1] in said.group(0) else said.group(0)
        return (f"Your claim says the help came from {labels.get(giver[0], giver[1])} ('{quoted.strip()}'), "
                f"but the data has '{row['title']}' ({_spoken(str(row['date_text']))}, {row['event_id']}): help from "
                f"{labels.get(str(row['actor']), row['actor'])} to {labels.get(str(row['counterpart']), row['counterpart'])}. "
                "Check who gave it against that event in data/events.csv.")
    return None


# A person the data does not know, as the signer of a treaty it does: "Hitler signed Rapallo".
SIGNER = lazy(r"(?P<who>\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:(?:also|then|personally|himself)\s+)?"
              r"(?:signed|initialled|negotiated)\b"
              r"|\b(?:signed|initialled|negotiated)\s+(?:\S+\s+){0,4}?by\s+(?P<by>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


def unknown_signer(claim: str, data, cited=()) -> str | None:
    """A claim that someone the data does not know signed an event it does: the event's own sentence of who
    signed it, when it has one that does not name that person."""
    from . import evidence_words
    from .misconceptions import _spoken

    names = ties_said.actor_names(data.actors)
    actor_words = claim_people.words_of_names(names)
    for said in SIGNER.finditer(claim):
        who = said.group("who") or said.group("by")
        first = who.split()[0].lower()
        if (ties_said.mentions(who, names) or first in ("the", "a", "an", "it", "they", "he", "she", "both")
                or (said.start() == 0 and evidence_words.is_common(first)) or evidence_words.is_common(first)):
            continue  # a name the data knows (agents.read reads it), or no name at all
        rows = _act_events(claim.replace(who, " "), data.events, actor_words, cited)
        for row in rows.itertuples():
            signers = [s for s in re.split(r"(?<=\.)\s+", str(getattr(row, "description", "") or ""))
                       if re.search(r"\bsign", s)]
            if signers and who.split()[-1].lower() not in signers[0].lower():
                return (f"Your claim says {who} signed '{row.title}' ({_spoken(str(row.date_text))}, "
                        f"{row.event_id}), but the data names no {who}, and its text says who signed: "
                        f"\"{signers[0]}\" Check who signed against that event in data/events.csv.")
    return None


# "The Wuhan government was set up in 1927" (after the body), "Chiang founded the Wuhan government" (before it)
FOUNDED_AFTER, FOUNDED_BEFORE = claim_people.FOUNDED_AFTER, claim_people.FOUNDED_BEFORE


def founded_when(claim: str, data) -> str | None:
    """A refusal when a clause says a body was founded in a year other than the one actors.csv starts it in (its
    start_date), with the data's day and its note: who it was."""
    actors = data.actors
    if "start_date" not in actors:
        return None
    found = ties_said.mentions(claim, ties_said.actor_names(actors))
    ids = actors["actor_id"].astype(str)
    starts = dict(zip(ids, pd.to_datetime(actors["start_date"], errors="coerce")))
    labels = dict(zip(ids, actors["name"].astype(str)))
    notes = dict(zip(ids, actors["note"].fillna("").astype(str))) if "note" in actors else {}
    for begin, finish, _ in ties_said._clauses(claim):
        years = claim_people.years_in(claim[begin:finish])
        if not years or ties_said.HYPOTHETICAL.search(claim[begin:finish]):
            continue
        for body in (m for m in found if begin <= m.start and m.end <= finish):
            start = starts.get(body.actor)
            said = FOUNDED_AFTER.match(claim, body.end, finish) or FOUNDED_BEFORE.search(claim, begin, body.start)
            if said is None or pd.isna(start) or start.year in years or DENIED.search(claim[begin:body.start]):
                continue
            note = notes.get(body.actor, "").strip()
            return (f"Your claim puts the founding of the {labels[body.actor]} in {' or '.join(map(str, years))}, but "
                    f"the data starts it on {claim_people._spoken(start)} (data/actors.csv)"
                    + (f" and says of it: \"{note}\"" if note else ".") + " Check your claim against it.")
    return None


# What was done to a person the data names in an event's text: put to death or arrested ("Chiang executed Li
# Dazhao", "Chiang had Li Dazhao hanged", "Li Dazhao was shot by Chiang's police"). The person need not be an actor:
# the event whose text says it of them (in one sentence) is the act, and its doer is the event's actor.
FATES = {"death": r"\b(?:execut\w*|hang(?:ed|ing|s)?|hung|kill\w*|shot|shoot\w*|murder\w*|assassinat\w*|put\s+to\s+death)",
         "arrest": r"\b(?:arrest\w*|imprison\w*|jail\w*|seiz\w*)"}
VICTIM = r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?(?P<victim>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
FATE_VERBS = (r"executed|hanged|hung|killed|shot|murdered|assassinated|put\s+to\s+death|arrested|imprisoned|jailed")
DONE_TO = lazy(rf"\b(?P<verb>{FATE_VERBS})\s+{VICTIM}")
HAD_DONE = lazy(rf"\b(?:had|got|ordered)\s+{VICTIM}\s+(?P<verb>{FATE_VERBS})\b")
DONE_BY = lazy(rf"{VICTIM[VICTIM.index('(?P<victim>'):]}\s+(?:was|were)\s+(?:\w+ly\s+)?(?P<verb>{FATE_VERBS})\s+"
               r"(?:\w+\s+){0,4}?by\s+")


def done_to(claim: str, data, cited=()) -> str | None:
    """Why the claim is refused, when it makes an actor the doer of what an event's text says was done to a person
    (put to death, arrested) by another (module text); None when it does not, or when the check cannot tell."""
    from .misconceptions import _spoken

    names = ties_said.actor_names(data.actors)
    found = ties_said.mentions(claim, names)
    if not found:
        return None
    kinds, owners, family, persons = _actor_tables(data)
    labels = _labels(data)
    ties = (kinds, owners, family, _name_words(data))
    for begin, finish, _ in ties_said._clauses(claim):
        part = claim[begin:finish]
        if ties_said.HYPOTHETICAL.search(part):
            continue
        said = [(m, "active") for m in DONE_TO.finditer(claim, begin, finish)]
        said += [(m, "active") for m in HAD_DONE.finditer(claim, begin, finish)]
        said += [(m, "passive") for m in DONE_BY.finditer(claim, begin, finish)]
        for act, voice in said:
            start = act.start()
            if DENIED.search(claim[max(begin, start - 20):start]):
                continue
            if voice == "active":
                if re.search(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?$", claim[max(begin, start - 20):start],
                             re.IGNORECASE):
                    continue
                doers = _doers_before(claim, begin, start, found)
            else:
                doers = _doers_after_by(claim, act.start("verb"), finish, found)
            victim = act.group("victim")
            if not doers or any(m.start >= act.start("victim") and m.end <= act.end("victim") for m in found):
                continue  # no doer the data knows, or the victim is an actor (agents.read reads acts on actors)
            verb = act.group("verb")
            fate = next(f for f, said_as in FATES.items() if re.match(said_as, verb, re.IGNORECASE))
            years = set(claim_people.years_in(part))
            rows = []
            for row in data.events.itertuples():
                if years and row.date.year not in years:
                    continue
                for sentence in re.split(r"(?<=[.;])\s+", str(getattr(row, "description", "") or "")):
                    if victim in sentence and re.search(FATES[fate], sentence, re.IGNORECASE):
                        rows.append((row, sentence))
                        break
            if not rows:
                continue
            rows.sort(key=lambda pair: str(pair[0].event_id) not in set(cited))
            mine = False
            for row, sentence in rows:
                text = f"{row.title} {row.description}".lower()
                if any(_on(d.actor, str(row.actor), *ties, d.typed) for d in doers) or any(
                        kinds.get(d.actor) == "person" and any(n in text for n in persons.get(d.actor, []))
                        for d in doers):
                    mine = True  # the doer's own act, or one whose text names them: the check cannot tell their part
            if mine:
                continue
            row, sentence = rows[0]
            who = " or ".join(labels.get(d.actor, d.actor) for d in doers)
            quoted = " ".join(claim[min(d.start for d in doers) if voice == "active" else act.start():
                                    act.end() if voice == "active" else finish].strip(" ,;:.").split()[:14])
            actor = labels.get(str(row.actor), str(row.actor))
            return (f"Your claim says '{quoted}', but the data does not record {who} as a doer of it: its event "
                    f"'{row.title}' ({_spoken(str(row.date_text))}, {row.event_id}) is an act of {actor}, and its "
                    f"text says: \"{sentence.strip()}\" Check who did it against that event in data/events.csv.")
    return None
