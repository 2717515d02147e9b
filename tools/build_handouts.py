"""Write the lessons' printable handouts (lessons/handouts/*.md) from the kit's data.

    PYTHONPATH=notebooks python tools/build_handouts.py

The tables are computed, never typed, so they cannot drift from data/events.csv: tests/test_lessons.py fails
when a handout on disk differs from what this script writes.
"""

import calendar
import itertools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import breaking_isolation as kit
from breaking_isolation import atomic, country_study, documents, markup, recognition, vocabulary
from breaking_isolation.documents import load_documents
from breaking_isolation.china_exercises import DEBATE_EVENTS

OUT = ROOT / "lessons" / "handouts"
GENERATED = "<!-- Written by tools/build_handouts.py from data/: edit the data or the script, not this file. -->"


def _escape(text) -> str:
    """Data text as literal Markdown: markup.escape, the kit's one rule (no tag, link, emphasis or maths)."""
    return markup.escape(text)


def _cell(text) -> str:
    return _escape(text).replace("\n", " ")  # '|' is escaped already


def table(rows, columns: list[tuple[str, str]]) -> str:
    lines = ["| " + " | ".join(label for label, _ in columns) + " |", "|" + "---|" * len(columns)]
    for _, row in rows.iterrows():
        lines.append("| " + " | ".join(_cell(row[key]) for _, key in columns) + " |")
    return "\n".join(lines)


EVENT_COLUMNS = [("Date", "date_text"), ("Event", "title"), ("Tone", "tone"), ("Event id", "event_id"),
                 ("Sources", "sources")]


def _with_sources(events):
    events = events.copy()
    events["sources"] = events["source_ids"].map(", ".join)
    return events


RECOGNITION_AFTER = {"de_jure": "de jure", "de_facto": "de facto", "none": "none"}
EXIT_TICKET_CLAIM = "beginning-with-britain"  # the sentence lesson 1's exit ticket asks about
COUNTRY_STUDY = ("Source: Library of Congress, Federal Research Division, *Soviet Union: A Country Study*, ed. "
                 "Raymond E. Zickel, 2nd ed. (Washington, D.C.: GPO, 1991; research completed May 1989), section "
                 "\"Foreign Policy, 1921-28\". Public domain.")


def _date_words(stamp) -> str:
    return f"{stamp.day} {stamp:%B %Y}"


def recognition_rows(data):
    """Table A of handout 1: every standing event in the order it happened (the date of the act), with whether it
    counts and from when, a note for every row that counts late or not at all, and short numbered source refs."""
    changes = recognition.standing_changes(data.events, data.actors)
    acts = data.events[["event_id", "title", "source_ids", "date"]].rename(columns={"date": "act_date"})
    rows = changes.merge(acts, on="event_id").sort_values("act_date", kind="stable").reset_index(drop=True)
    rows["kind_label"] = rows["kind"].astype(str).map(recognition.KIND_LABELS)
    rows["after"] = rows["recognition_after"].astype(str).map(RECOGNITION_AFTER)
    notes, counts = [], []
    for _, row in rows.iterrows():
        late = bool(row["counted"]) and row["date"] != row["act_date"]
        if row["counted"] and not late:
            counts.append("yes")
            continue
        letter = chr(ord("a") + len(notes))
        notes.append(f"{letter}. {row['label']}, {row['date_text']}: {row['reason']}.")
        counts.append(f"yes, from {row['date']:%Y-%m-%d} (note {letter})" if late else f"no (note {letter})")
    rows["counts"] = counts
    refs: dict[str, int] = {}
    for ids in rows["source_ids"]:
        for source in ids:
            refs.setdefault(source, len(refs) + 1)
    rows["refs"] = [_ranges([refs[s] for s in ids]) for ids in rows["source_ids"]]
    return changes, rows, notes, refs


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] as "1–3, 5": a row's sources as short references."""
    numbers, parts = sorted(set(numbers)), []
    for n in numbers:
        if parts and n == parts[-1][1] + 1:
            parts[-1][1] = n
        else:
            parts.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" if b > a + 1 else f"{a}, {b}" for a, b in parts)


def recognition_handout(data) -> str:
    changes, rows, notes, refs = recognition_rows(data)
    years = recognition.year_end_table(changes, 1920, 1933)
    year_table = ["| End of year | recognise de jure | recognise de facto only | relations in place | relations broken off |",
                  "|---|---|---|---|---|"]
    year_table += [f"| {year} | {c['de_jure']} | {c['de_facto']} | {c['established']} | {c['broken']} |"
                   for year, c in years.iterrows()]
    return "\n\n".join([
        "# Handout 1: Recognition of the Soviet state, 1920–1933", GENERATED,
        "For lesson 1. Every event that changed a state's standing with Moscow, in date "
        "order. Two things are counted apart. **Recognition**: *de facto* is dealing in practice (usually a "
        "trade agreement), *de jure* is recognition in law; breaking off relations does not withdraw it. "
        "**Diplomatic relations**: envoys exchanged; they can be broken off and restored. An act by a "
        "government that was not then its state's recognised government, or by a party, counts for no state. "
        "The event id leads to the full row, with its description, in `data/events.csv`.",
        "**Establishing relations includes recognition in law.** A state that established relations with Moscow "
        "recognised it *de jure* by the same act, even when the Kind column says only \"relations established\". "
        "The column *Recognition after* gives each state's recognition of Moscow once the event had happened.",
        "## A. The events",
        table(rows, [("Date", "date_text"), ("State", "label"), ("Kind", "kind_label"),
                     ("Recognition after", "after"), ("Event", "title"), ("Counts?", "counts"),
                     ("Event id", "event_id"), ("Sources", "refs")]),
        "**Notes.** " + " ".join(_escape(note) for note in notes),
        "## B. How many states recognised Moscow, and how many had relations with it",
        "Counted at the end of each year from table A, by one rule: a row counts from its date, or from the later "
        "day its *Counts?* column gives, and a row marked \"no\" never counts. So a state can appear in table A "
        "before it appears in these counts. Draw both step charts by hand: one square per state.",
        "\n".join(year_table),
        "## C. The Country Study's sentence (exit ticket, line 3)",
        f"{COUNTRY_STUDY}",
        f"> \"{_escape(source_sentence(EXIT_TICKET_CLAIM, data))}\"",
        "## Sources of table A",
        "The numbers in table A's *Sources* column. Each is a source id of `data/sources.csv`, which gives its full "
        "citation and address.",
        " · ".join(f"{n} {_escape(s)}" for s, n in refs.items()),
    ]) + "\n"


def source_sentence(claim_id: str, data) -> str:
    """The whole sentence of the Country Study that holds one claim of data/country-study-claims.csv."""
    claim = next(c for c in country_study.load_claims(data=data) if c.id == claim_id)
    first = country_study.quote_parts(claim.quote)[0]
    text = country_study.normalise(country_study.source_text())
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if first in sentence:
            return sentence
    raise ValueError(f"data/country-study-claims.csv, claim {claim_id!r}: its quote is not in the source text")


# Handout 2 reads the network as notebook 2 builds it: the same actors (people and firms count for what they
# belong to), the same ties, the same sign rule and the same snapshots (network_model.SNAPSHOT_DATES, the one list
# that answer sheet 2, its key and lesson 2's plan also read), so a class on paper can fill every row of the sheet.
NETWORK_SIDE = "ussr"
NETWORK_START, NETWORK_END = vocabulary.START, vocabulary.END
TIE_EVENT_COLUMNS = [("Date", "date_text"), ("Event", "title"), ("Tone", "tone"), ("Sign after", "sign_after"),
                     ("Event id", "event_id"), ("Sources", "sources")]
BREAK_TONE = "hostile, a break"  # part B's tone of an event that breaks a tie off (network_model.is_break)
COUNT_WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
# The examples handout 2 names of people, firms and armies counted for what they belong to; which node each
# counts for is the network's (network.counted_for), read from actors.csv.
ROLL_UP_EXAMPLES = ("joffe", "krasin", "arcos", "reichswehr", "chiang")
KIND_WORDS = {"firm": "the firm ", "organisation": "the "}  # "the firm ARCOS", "the Reichswehr"


NOTEBOOK_2 = ROOT / "notebooks" / "02-network.ipynb"
NO_PROGRAMMING_2 = "no-programming-2"          # notebook 2's questions without programming (answer sheet 2's first lines)


def from_handouts(markdown: str) -> str:
    """A notebook's Markdown with its links made to work from lessons/handouts/: a link up from notebooks/ goes up
    one folder more, and a link to the glossary beside the notebooks goes to notebooks/glossary.md."""
    return markdown.replace("](../", "](../../").replace("](glossary.md", "](../../notebooks/glossary.md")


def _network_questions() -> str:
    """Notebook 2's questions without programming as the notebook words them (one source), for the paper path."""
    import json  # noqa: PLC0415

    cells = {c.get("id"): "".join(c["source"]) for c in json.loads(NOTEBOOK_2.read_text(encoding="utf-8"))["cells"]}
    body = cells[NO_PROGRAMMING_2].split("\n\n", 2)[2].strip()   # without its heading and its line for the screen
    return "\n\n".join(["## Questions without programming (from notebook 2)",
                         "On paper: figure 3 is the column *End of 1928* of table A below, the events are in part B, "
                         "exercise 1 is the notebook's, and lesson 2's document pack holds documents; write your answers on the "
                         "first lines of answer sheet 2.",
                         from_handouts(body)])


def snapshot_heading(day: str) -> str:
    """A column of handout 2's table A: the snapshot's day as the sheet names it, capitalised."""
    name = kit.network.snapshot_name(day)
    return name[0].upper() + name[1:]


def _snapshot_cell(graph, u: str, v: str) -> str:
    """The tie's sign on the snapshot's day; blank before its first event."""
    return graph.edges[u, v]["sign"] if graph.has_edge(u, v) else ""


def network_handout(data) -> str:
    network = kit.network
    keep = network.FOCUS
    label = lambda node: network.LABELS.get(node, node).replace("\n", " ")
    days = list(network.SNAPSHOT_DATES.values())
    graphs = [network.build(data.events, data.actors, start=NETWORK_START, end=day, keep=keep) for day in days]
    whole = network.build(data.events, data.actors, start=NETWORK_START, end=NETWORK_END, keep=keep)
    ties = sorted(((v, u) if v == NETWORK_SIDE else (u, v) for u, v in whole.edges), key=lambda t: _tie_order(t, keep))
    headings = [snapshot_heading(day) for day in days]
    rows = ["| One side | Other side | " + " | ".join(headings) + " |", "|" + "---|" * (2 + len(days))]
    rows += [f"| {_cell(label(u))} | {_cell(label(v))} | " + " | ".join(_snapshot_cell(g, u, v) for g in graphs) + " |"
             for u, v in ties]
    pairs = network.event_pairs(data.events, data.actors)
    pairs = pairs[(pairs["date"] >= NETWORK_START) & (pairs["date"] <= NETWORK_END)]
    pairs = pairs.merge(_with_sources(data.events)[["event_id", "sources"]], on="event_id")
    names = [network.snapshot_name(day) for day in days]
    parts = ["# Handout 2: Moscow's ties, 1921–1928", GENERATED,
             "For lesson 2. Every tie of notebook 2's network, as the notebook counts it: people, firms and armies "
             f"count for the actor they belong to: {counted_for_sentence(data.actors, label)}. **A tie's sign** "
             "weighs its recent events: each cooperative or hostile event counts half as much after a year. A tie is cooperative when "
             "its cooperative events weigh at least twice its hostile ones, hostile when the reverse is true, and "
             "mixed in between; neutral when all its events are neutral. **A break** is the one exception, for "
             f"every tie: an event whose tone reads *{BREAK_TONE}* (relations broken off, or a party turning its line "
             "against the other side) makes the tie hostile that day, and after it only the events from the break "
             "on count. Private firms and relief bodies count for no state: only a government and its agents make a "
             "state's tie.",
             _network_questions(),
             f"## A. Every tie at the {COUNT_WORDS.get(len(days), len(days))} snapshots",
             f"The snapshots are {', '.join(names[:-1])} and {names[-1]}. Each column counts every event from "
             "1 January 1921 up to its day and gives the tie's sign then; a blank: no event on the tie yet. To "
             "draw a snapshot, take its column onto the fixed layout (West left, Moscow centre, China right) and mark each line +, − or ~ (mixed). A tie whose sign differs between two "
             "columns changed sign: part B's column *Sign after* shows the event after which it took its new sign.",
             "\n".join(rows),
             f"## B. The events of each tie, {NETWORK_START[:4]}–{NETWORK_END[:4]}",
             "*Sign after*: the tie's sign once the events of that day are counted."]
    for u, v in ties:
        a, b = sorted((u, v))
        timeline = whole.edges[u, v]["timeline"]
        tie_rows = pairs[(pairs["u"] == a) & (pairs["v"] == b)].copy()
        tie_rows["tone"] = [f"{tone}{BREAK_TONE[len('hostile'):]}" if network.is_break(kind, tone) else tone
                            for kind, tone in zip(tie_rows["kind"], tie_rows["tone"])]
        tie_rows["sign_after"] = [next(sign for since, sign, _ in reversed(timeline) if since <= day)
                                  for day in tie_rows["date"].dt.strftime("%Y-%m-%d")]
        parts += [f"### {label(u)} – {label(v)}", table(tie_rows, TIE_EVENT_COLUMNS)]
    return "\n\n".join(parts) + "\n"


def counted_for_sentence(actors, label) -> str:
    """ "Adolf Joffe, Leonid Krasin and the firm ARCOS for RSFSR / USSR; the Reichswehr for Germany; …": the
    examples of ROLL_UP_EXAMPLES grouped by the node they count for, named as actors.csv names them (without
    what it adds in brackets) and the node as the handout's tables label it."""
    info = actors.set_index("actor_id")

    def named(actor: str) -> str:
        name = re.sub(r"\s*\(.*\)$", "", str(info.at[actor, "name"]))
        return _cell(KIND_WORDS.get(str(info.at[actor, "kind"]), "") + name)
    groups = kit.network.counted_for(actors, ROLL_UP_EXAMPLES)
    return "; ".join(f"{_and([named(a) for a in members])} for {_cell(label(node))}" for node, members in groups.items())


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _tie_order(tie, keep) -> tuple:
    """Moscow's ties first, then the others, each in the order of `keep`."""
    return (NETWORK_SIDE not in tie, sorted(keep.index(n) for n in tie if n != NETWORK_SIDE))


def country_study_handout(data) -> str:
    claims = country_study.load_claims(data=data)  # the one list of the text's claims, in its order
    events = _with_sources(data.events).set_index("event_id", drop=False)
    parts = ["# Handout 3: Checking the Country Study", GENERATED,
             f"For lesson 3. {COUNTRY_STUDY}",
             "## A. The claims, in the text's order",
             "Each card quotes the text in its own words, then gives the events that bear on it. Decide: does "
             "the claim hold, is it imprecise, or is it wrong? Write your verdict and the event ids that "
             "justify it."]
    for number, claim in enumerate(claims, start=1):
        parts += [f"### Card {number}", f"> \"{_escape(claim.quote)}\"", card_table(events.loc[list(claim.event_ids)])]
    return "\n\n".join(parts) + "\n"


# --- lesson 3's answer key to the claim cards (teacher's material), written into the plan between markers ---

LESSON_3 = ROOT / "lessons" / "03-reading-the-country-study.md"
KEY_START = ("<!-- The card key is written by tools/build_handouts.py from data/country-study-claims.csv: "
             "edit the data, not this table. -->")
KEY_END = "<!-- end of the card key -->"


def claim_key(data) -> str:
    """One row per card of handout 3: the claim, the kit's one verdict and its reasoning, with the sources."""
    claims = country_study.load_claims(data=data)
    lines = ["| Card | Claim | Verdict | Reasoning (with event ids) | Scholarship |", "|---|---|---|---|---|"]
    for number, claim in enumerate(claims, start=1):
        lines.append(f"| {number} | \"{_cell(claim.quote)}\" | {claim.verdict} | {_cell(claim.reasoning)} | "
                     + ", ".join(f"`{s}`" for s in claim.source_ids) + " |")
    return "\n".join(lines)


def with_claim_key(plan: str, data) -> str:
    """The lesson plan with its card key replaced by the one the data gives."""
    start, end = plan.index(KEY_START) + len(KEY_START), plan.index(KEY_END)
    return plan[:start] + "\n\n" + claim_key(data) + "\n\n" + plan[end:]


def write_claim_key(data) -> bool:
    """Rewrite lesson 3's card key from the data; True when the plan changed."""
    plan = LESSON_3.read_text(encoding="utf-8")
    new = with_claim_key(plan, data)
    if new != plan:
        atomic.write_text(LESSON_3, new)
    return new != plan


# --- the claim cards' events, and the documents (handout 4) -------------------------------------------------

CARD_COLUMNS = [("Date", "date_text"), ("Event", "title"), ("What happened", "description"), ("Event id", "event_id"),
                ("Sources", "sources")]


def card_table(events) -> str:
    """A claim card's events with their descriptions, so the card works on paper without the data."""
    return table(events, CARD_COLUMNS)


def _quoted(text: str) -> str:
    """An excerpt as a Markdown blockquote, its paragraphs kept."""
    return "\n".join(f"> {_escape(line)}".rstrip() for line in text.split("\n"))


# The events tables of handout 4 print what a student corroborates with: no source ids (the data keeps them).
DOCUMENT_EVENT_COLUMNS = [("Date", "date_text"), ("Event", "title"), ("What happened", "description"),
                          ("Event id", "event_id")]
# Words of the events' descriptions a student meets in handout 4 and its extension.
EVENT_WORDS = {
    "immunity": "protection from a country's police and courts, given to diplomats and their offices",
    "protocol": "a short formal agreement between governments",
    "presented credentials": "handed over the letter that makes an ambassador officially accepted",
    # as the glossary defines them (notebooks/glossary.md)
    "de facto": "in fact; recognition de facto deals with a government as the one that in fact controls a country "
                "(for example by a trade agreement), without accepting it in law",
    "chargé d'affaires": "a diplomat who heads an embassy or mission in place of an ambassador or minister, one rank "
                         "below them",
    "recalled its mission": "called its diplomats and their office home",
    "great power": "one of the strongest states of the day, with interests far beyond its borders",
}


def _document_events(data, docs, ids) -> str:
    events = data.events.set_index("event_id", drop=False)
    wanted = list(dict.fromkeys(e for doc_id in ids for e in docs[doc_id].event_ids))
    rows = events.loc[wanted].sort_values("date")
    text = " ".join(rows["description"])
    words = [f"| {w} | {m} |" for w, m in EVENT_WORDS.items() if w in text]
    return "\n\n".join([table(rows, DOCUMENT_EVENT_COLUMNS)]
                        + (["| Word in the table | Meaning |\n|---|---|\n" + "\n".join(words)] if words else []))


def _pack_body(text: str) -> str:
    return text.split("\n\n", 2)[2].rstrip()                  # a pack without its title and marker


def documents_handout(data) -> str:
    """Lesson 4's document pack (tools/build_packs.py), with the events its documents bear on, for the paper path:
    only what the 50-minute lesson reads; the optional documents are in documents_extension."""
    import build_packs  # noqa: PLC0415

    docs = {d.id: d for d in load_documents(data=data)}
    title, ids = build_packs.PACKS["04-documents"]
    letters = " and ".join(f"{chr(ord('A') + i)}" for i in range(len(ids)))
    return "\n\n".join([
        f"# Handout 4: the document pack for {title.lower()}", GENERATED,
        _pack_body(build_packs.render("04-documents")),
        f"## The events documents {letters} bear on, from the kit's data",
        "For checking each document against the data on paper: which events agree with it, which differ? Read the "
        "*Event* column first: it is each row's short title. *What happened* gives the detail; the box under the "
        "table explains its harder words.",
        _document_events(data, docs, ids),
    ]) + "\n"


def documents_extension(data) -> str:
    """Lesson 4's optional page: the further documents (the 90-minute block, the summative task), with their events."""
    import build_packs  # noqa: PLC0415

    docs = {d.id: d for d in load_documents(data=data)}
    title, ids = build_packs.EXTENSIONS["04-documents"]
    return "\n\n".join([
        f"# Handout 4, extension: optional documents for {title.split(',')[0].lower()}", GENERATED,
        "**Optional.** Beyond documents A and B: document C for those who finish early in the 50-minute lesson or "
        "for homework; both documents for the 90-minute block and the document-based question.",
        _pack_body(build_packs.extension_render("04-documents")),
        "## The events these documents bear on, from the kit's data",
        _document_events(data, docs, ids),
    ]) + "\n"


# The purpose is the students' judgement (the key's "What it was meant to do"), never the header's description of
# the document: the card gives a sentence to finish and where to look, not the answer.
SUPPORT_PURPOSE = ("Your turn: finish the sentence \"The British government sent this note to ... , and it left ... for "
                   "later.\" Look at what the first sentence does, and at what paragraphs 2 to 4 say still has to be "
                   "agreed.")


def documents_support(data) -> str:
    """Lesson 4's support card: document A's sourcing row filled in from its header, for readers who need it."""
    import build_packs  # noqa: PLC0415

    doc = {d.id: d for d in load_documents(data=data)}[build_packs.PACKS["04-documents"][1][0]]
    rows = [("Author", doc.author), ("Date and place", f"{documents.written_date(doc.date)}; {doc.place}"),
            ("Audience", doc.audience), ("Purpose", SUPPORT_PURPOSE),
            ("How that shapes what it says", "Your turn: which words of the note show its purpose?")]
    return "\n\n".join([
        "# Handout 4, support card: document A sourced for you", GENERATED,
        f"Document A: {_escape(doc.title)}. Copy what helps you into the sourcing grid of your answer sheet, then "
        "fill the row for document B yourself in the same way.",
        "| | Document A |\n|---|---|\n" + "\n".join(f"| {k} | {_cell(' '.join(v.split()))} |" for k, v in rows),
    ]) + "\n"


CHINA_DEBATE = DEBATE_EVENTS  # the debate's events: the one list, which exercise C's check reads too
# The controversy is argued as of the ECCI plenum: outcomes dated after it are out of bounds in rounds 1 and 2 and
# come in at the consensus, so they are not in the students' handout at all: they print on a slip of their own
# (CONSENSUS_SLIP), under this heading, which the teacher hands out after round 2.
DEBATE_BOUND = "1927-ecci-eighth-plenum"
AFTER_THE_ROUNDS = "For the consensus, after the rounds"
CONSENSUS_SLIP = "05-china-consensus.md"


def looks_past(bound) -> re.Pattern:
    """A clause that names a later month of the bound's year, a later year, or "within weeks": it tells the
    rounds, argued as of the bound's day, what happened next."""
    months = "|".join(calendar.month_name[bound.month + 1:])
    years = "|".join(str(year) for year in range(bound.year + 1, bound.year + 10))
    return re.compile(rf"\b(?:{months}|{years}|within (?:days|weeks|months))\b" if months else rf"\b(?:{years})\b")


def as_of(description: str, bound) -> str:
    """A description cut where it first looks past the bound (a sentence, or a ';' clause of it), with an ellipsis;
    the whole text stays in the data (data/events.csv)."""
    past, kept = looks_past(bound), []
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", description):
        clauses = sentence.split("; ")
        good = list(itertools.takewhile(lambda clause: not past.search(clause), clauses))
        kept.append("; ".join(good))
        if len(good) < len(clauses):
            return " ".join(k for k in kept if k).rstrip(".") + " …"
    return description


def debate_halves(events):
    """The debate's events split at the plenum's date: (those up to it, those after it), each in date order."""
    debate = events.set_index("event_id").loc[list(CHINA_DEBATE)].reset_index().sort_values("date", kind="stable")
    bound = events.set_index("event_id").loc[DEBATE_BOUND, "date"]
    return debate[debate["date"] <= bound], debate[debate["date"] > bound]


def _quarter(stamp) -> str:
    return f"{stamp.year} Q{stamp.quarter}"


NOTEBOOK_3 = ROOT / "notebooks" / "03-china.ipynb"
CHINA_EXERCISES = ("c28", "c33-faces", "c33", "c37")  # notebook 3's exercises A-C (no programming), B with its rule


DOCUMENT_LINK = re.compile(r"(\[[^\]]+\]\((?:\.\./)+data/documents/(doc-[\w-]+)\.md\))(?! \(document )")


def _with_pack_letters(text: str) -> str:
    """Each link to a document followed by where it is printed ("document A of pack 5"), for the paper path."""
    import build_packs  # noqa: PLC0415

    def named(match: re.Match) -> str:
        where = build_packs.reference(match.group(2))
        return f"{match.group(1)} ({where})" if where else match.group(1)
    return DOCUMENT_LINK.sub(named, text)


def _china_exercises(data) -> str:
    """Exercises A-C as notebook 3 words them (one source), with the links made to work from lessons/handouts/."""
    import json  # noqa: PLC0415

    cells = {c.get("id"): "".join(c["source"]) for c in json.loads(NOTEBOOK_3.read_text(encoding="utf-8"))["cells"]}
    ids = ", ".join(f"`{e}`" for e in kit.china.turning_points_to_order(data.events))
    texts = [_with_pack_letters(from_handouts(cells[c])) for c in CHINA_EXERCISES]
    texts[0] += f"\n\nThe turning points: {ids}."
    return "\n\n".join(texts)


# Exercise B asks who acted against whom: tables A and C say whom each event was with or against, as notebook 3's
# tables do (china.with_or_against: a partner is not a target).
WITH_OR_AGAINST = ("With or against", "with_or_against")
ONE_COUNTERPART = ("\"With or against\" reads the event's tone: with a partner, against a foe, toward a side "
                   "neither. An event has one counterpart in the data: a state is named itself, not by its lane, "
                   "and the event's description says who else was there and who stood for a state. Read it for")
# The events ONE_COUNTERPART sends students to: their descriptions print under table A (from the data), and table
# C's note points back to them. The appendix prints no descriptions.
COUNTERPART_EXAMPLES = ("1925-may-thirtieth", "1927-nanking-incident")


def _counterpart_note(data, bound) -> str:
    """ONE_COUNTERPART with the descriptions it names, each as of the plenum (bound), as the rounds read them."""
    events = data.events.set_index("event_id")
    return "\n\n".join([ONE_COUNTERPART + " these two:"] + [
        f"- **{_escape(events.loc[e, 'title'])}** ({events.loc[e, 'date_text']}): "
        f"{_escape(as_of(' '.join(events.loc[e, 'description'].split()), bound))}" for e in COUNTERPART_EXAMPLES])


def _china_lanes(data):
    china = kit.china
    return _with_sources(china.lane_events(data.events, data.actors).merge(
        data.events[["event_id", "source_ids", "description"]], on="event_id"))


def china_handout(data) -> str:
    """Lesson 5's student handout: the exercises without programming and the tables they need; every China event
    is in china_events, the appendix."""
    import build_packs  # noqa: PLC0415

    china, charts = kit.china, kit.china_charts

    def letter(doc_id: str) -> str:
        """The document's letter in lesson 5's pack, which the paper path reads."""
        return "document " + chr(ord("A") + build_packs.PACKS["05-china"][1].index(doc_id))

    # Exercise A asks for the turning points' order: the handout lists them lane by lane, as figure 1 draws them,
    # with figure 1's letters, not numbered in date order (the order is the answer; notebook 3's check and its
    # solution hold it).
    turns = charts.lettered(_china_lanes(data))
    turns = turns.assign(lane_order=turns["lane"].map(china.LANES.index)).sort_values(["lane_order", "date"])
    backing = china.backing_by_quarter(data.events, data.actors)
    changes = china.switches(backing).assign(when=lambda t: t["quarter"].map(_quarter))
    held = china.recognised_by_quarter(data.actors)
    spans = held.groupby(held, sort=False).apply(lambda s: f"{_quarter(s.index[0])} to {_quarter(s.index[-1])}")
    spring = china.war_scare(data.events, data.actors)
    toward = china.with_or_against(data.events, data.actors)
    during, after = debate_halves(data.events)
    plenum = data.events.set_index("event_id").loc[DEBATE_BOUND]
    # Table C serves exercise B, whose turn comes in April 1927: it stops at the plenum, as the rounds do. Table A
    # cannot: exercise A orders all of figure 1's turning points, some of them after the plenum (the slip says so).
    spring = spring[spring["date"] <= plenum["date"]]
    # Table B serves exercise B's step 1 (a turn of 1927 Q2) and the exit slip's faces: its changes stop there too.
    changes = changes[changes["set_by"].map(data.events.set_index("event_id")["date"]) <= plenum["date"]]
    spring = spring.assign(number=range(1, len(spring) + 1), with_or_against=spring["event_id"].map(toward))
    # the rounds are argued as of the plenum: their rows stop where a description tells what came after it
    during = during.assign(description=during["description"].map(lambda text: as_of(text, plenum["date"])))
    debate_columns = [("Date", "date_text"), ("Event", "title"), ("What happened", "description"),
                      ("Event id", "event_id")]
    parts = ["# Handout 5: Moscow and China, 1920–1929", GENERATED,
             "For lesson 5 and notebook 3. Moscow acted in China in two ways, its two **faces**: the Soviet "
             "**state** (treaties and envoys to governments) and the **party** (the Comintern and its agents, and "
             "every Soviet act towards a party abroad, whoever acted for Moscow). A **lane** is a "
             "group of actors in figure 1. A face's **tie** to a Chinese side is cooperative, mixed or hostile: it "
             "counts their friendly and hostile events, and older events count for less. Every China event up to the "
             f"plenum ({_escape(plenum['date_text'])}), with its sources, is in the [appendix](05-china-events.md).",
             "## Exercises A to C (no programming)",
             "Write your answers on answer sheet 5.",
             _china_exercises(data),
             "## A. Turning points, lane by lane (figure 1)",
             "The ringed markers of figure 1, lane by lane as the figure draws them, each lane in date order, with "
             "the letter the figure prints beside each.",
             table(turns, [("Letter", "letter"), ("Lane", "lane"), *EVENT_COLUMNS[:3], WITH_OR_AGAINST,
                                  EVENT_COLUMNS[3]]),
             _counterpart_note(data, plenum["date"]),
             "## B. Whom Moscow backed: every change of a face's tie (figure 2)",
             f"Every change up to the plenum ({_escape(plenum['date_text'])}), where the rounds of the debate stop.",
             table(changes, [("Quarter", "when"), ("Chinese side", "side"), ("Moscow's face", "face"),
                             ("Before", "before"), ("After", "after"), ("Set by event", "set_by")]),
             "China's recognised government, by quarter: " + "; ".join(f"{name}, {span}" for name, span in
                                                                       spans.items()) + ".",
             "## C. The war scare of 1927 and China (figure 3)",
             f"Figure 3's events up to the plenum ({_escape(plenum['date_text'])}), where the rounds of the debate "
             "stop, in date order.",
             table(spring, [("No.", "number"), ("Date", "date_text"), ("Strand", "strand"), ("Event", "title"),
                            WITH_OR_AGAINST, ("Event id", "event_id")]),
             "\"With or against\" reads as in table A, and the descriptions under table A serve this table too.",
             "## D. The debate of 1927: the events and what the data says of them",
             "The two sides' own words, printed in document pack 5: for the leadership, [Stalin's theses]"
             f"(../../data/documents/doc-1927-stalin-theses.md) ({letter('doc-1927-stalin-theses')}) and [his reply "
             "to a reader of 9 May](../../data/documents/doc-1927-stalin-reply-marchulin.md) "
             f"({letter('doc-1927-stalin-reply-marchulin')}); for the Opposition, [Trotsky's reply of 7 May]"
             f"(../../data/documents/doc-1927-trotsky-critique.md) ({letter('doc-1927-trotsky-critique')}) and [his "
             "statement of 27 May](../../data/documents/doc-1927-trotsky-plenum-statement.md) "
             f"({letter('doc-1927-trotsky-plenum-statement')}).",
             f"### Up to the plenum ({_escape(plenum['date_text'])}): for rounds 1 and 2",
             "A row that ends in … goes on past the plenum: the rest of it tells what came next, so it is left out.",
             table(during, debate_columns),
             "The rest of the debate, what came after the plenum, is not in this section: your teacher hands it out "
             "on a slip of its own after round 2, for the consensus. Table A lists figure 1's turning points to the "
             "end, for exercise A: argue the rounds from this section, as of the plenum."]
    return "\n\n".join(parts) + "\n"


def china_consensus(data) -> str:
    """Lesson 5's consensus slip: the debate's events dated after the plenum, which the rounds leave aside. The
    teacher hands it out after round 2, so that no student reads what came next before reasoning it out."""
    _, after = debate_halves(data.events)
    plenum = data.events.set_index("event_id").loc[DEBATE_BOUND]
    # Exercise A's turning points run to the end of 1927, so handout 5's table A names some of these already: the
    # slip says so, and adds what happened, rather than presenting them as news.
    shown = [e for e in after["event_id"] if e in set(kit.china.turning_points_to_order(data.events))]
    already = (" Table A of handout 5 already names " + ", ".join(f"`{e}`" for e in shown) + ", among exercise A's "
               "turning points: here is what happened, and how it bears on the debate is yours to say."
               if shown else "")
    return "\n\n".join([
        "# Handout 5, consensus slip: what came after the plenum", GENERATED,
        f"For the consensus of lesson 5, after round 2. These happened after the plenum of "
        f"{_escape(plenum['date_text'])}: bring them in now, as your group drops its roles and writes one shared "
        "claim (answer sheet 5, question 3)." + already,
        f"## {AFTER_THE_ROUNDS}",
        table(after, [("Date", "date_text"), ("Event", "title"), ("What happened", "description"),
                      ("Event id", "event_id")])]) + "\n"


def appendix_events(data):
    """The China events handout 5's appendix prints, lane by lane: those up to the plenum (DEBATE_BOUND), where
    handout 5's debate section and rounds 1 and 2 stop; what came after is on the consensus slip."""
    lanes = _china_lanes(data)
    return lanes[lanes["date"] <= data.events.set_index("event_id").loc[DEBATE_BOUND, "date"]]


def china_events(data) -> str:
    """Handout 5's appendix, for students on the paper path: every China event up to the plenum, with its lane, tone
    and sources. It stops where the handout's debate section does, so that it gives away nothing the consensus slip
    holds back until after round 2."""
    plenum = _escape(data.events.set_index("event_id").loc[DEBATE_BOUND, "date_text"])
    return "\n\n".join([
        "# Handout 5, appendix: every China event up to the plenum", GENERATED,
        f"For [handout 5](05-china-handout.md), on the paper path. It stops at the plenum of {plenum}, as the rounds "
        "of the debate do. Your teacher hands out what came next, for the debate, after round 2.",
        table(appendix_events(data), [EVENT_COLUMNS[0], ("Lane", "lane"), *EVENT_COLUMNS[1:]])]) + "\n"


HANDOUTS = {"01-recognition-handout.md": recognition_handout, "02-network-handout.md": network_handout,
            "03-country-study-handout.md": country_study_handout, "04-documents-handout.md": documents_handout,
            "04-documents-extension.md": documents_extension, "04-documents-support.md": documents_support,
            "05-china-handout.md": china_handout, CONSENSUS_SLIP: china_consensus, "05-china-events.md": china_events}


# --- printable copies: raw Markdown prints its escapes (\\*) and table bars; these HTML pages print clean -------

SHEETS = ROOT / "lessons" / "answer-sheets"
PRINT_CSS = ("@page { size: A4; margin: 12mm 14mm; } body { font: 10.5pt/1.3 Georgia, serif; color: #000; "
             "max-width: 182mm; margin: auto; } h1 { font-size: 1.5em; } "
             "h2 { font-size: 1.25em; margin: 0.8em 0 0.3em; } "
             "h3 { font-size: 1.05em; margin: 0.6em 0 0.2em; } p { margin: 0.4em 0; } "
             "table { border-collapse: collapse; width: 100%; margin: 0.5em 0; } "
             "th, td { border: 1px solid #444; padding: 3px 5px; vertical-align: top; text-align: left; } "
             "blockquote { margin: 0.5em 0 0.5em 1em; padding-left: 0.8em; border-left: 3px solid #666; } "
             "h1, h2, h3 { page-break-after: avoid; break-after: avoid; } tr { break-inside: avoid; } "
             "code { font-size: 0.9em; }")


# An answer sheet is written on: its blank table cells, ruled lines and lines of text with blanks get the room
# a hand needs on A4 (about 8 mm a line), where a handout's text stays compact; a second part (##) prints overleaf.
SHEET_CSS = ("@page { size: A4; margin: 10mm 14mm; } body { line-height: 1.75; } p { margin: 0.15em 0; } h1 { line-height: 1.3; margin: 0 0 0.2em; } "
             "td:empty { height: 10mm; } th { line-height: 1.3; } "
             ".write-line { height: 8mm; border-bottom: 1px solid #555; } "
             ".space { border: 1px solid #999; margin: 0.3em 0; } "
             "h2 { break-before: page; }  /* a sheet's second part goes on the back */")
SPACE = re.compile(r"<!-- space: (\d+)mm -->")
LINES = re.compile(r"<!-- lines: (\d+) -->")      # in a table cell: a writing box of that many handwritten lines
CUT = re.compile(r"<!-- cut: (.+?) -->")            # alone on a line: a dashed line to cut along, with its words
SHEET_CSS += (" td.lines { padding: 0; } .cut { border-top: 2px dashed #000; margin: 0.6em 0 0.3em; "
              "padding-top: 0.1em; font-size: 0.9em; }")


# Handout 2 is a reference: a table of every tie at each snapshot and the events of every tie. Set a little tighter,
# with dates kept on one line, it prints on fewer sheets of A4.
HANDOUT_CSS = {"01-recognition-handout.md": "body { font-size: 10pt; } table { font-size: 8.5pt; line-height: 1.2; "
                                            "margin: 0.3em 0; } th, td { padding: 1px 3px; } "
                                            "td:first-child { white-space: nowrap; } "
                                            "h2:last-of-type ~ p { font-size: 8pt; line-height: 1.25; }",
               "02-network-handout.md": "table { font-size: 9.5pt; line-height: 1.2; margin: 0.3em 0; } "
                                        "th, td { padding: 1px 4px; } td:first-child { white-space: nowrap; } "
                                        "h3 { margin: 0.5em 0 0.1em; }"}
# Lesson 5's sheets, for a class with weak readers, print larger: 12 pt text (11.5 pt on the sheets written on,
# which keep their two sides), where the other lessons' sheets keep the pages their plans promise.
LARGE_PRINT = "body { font-size: 12pt; line-height: 1.35; }"
# Handout 5's tables' cells are padded a little tighter, so that their six columns (tables A and C say whom each
# event was with or against) fit the page's width.
HANDOUT_CSS.update({"05-china-handout.md": LARGE_PRINT + " th, td { padding: 1px 3px; } "
                                           "table { line-height: 1.2; font-size: 0.95em; }",
                    CONSENSUS_SLIP: LARGE_PRINT, "05-china-events.md": LARGE_PRINT})
# Handout 4 is read by the whole class, weak readers too: 12 pt, as lesson 5's. A heading stays with the text under
# it and a quoted text or list keeps at least three lines on each side of a page break, so no item or heading is
# left alone at a page's top or foot; the event table's id column is wide enough for an id on one or two lines.
HANDOUT_CSS["04-documents-handout.md"] = ("body { font-size: 11.5pt; line-height: 1.35; } " + " h2, h3 { break-inside: avoid; } "
                                          "h2 + *, h3 + *, h3 + p + blockquote { break-before: avoid; } "
                                          "p, li, blockquote { orphans: 3; widows: 3; } li { break-inside: avoid; } "
                                          "td:first-child { white-space: nowrap; } "
                                          "th:nth-child(4), td:nth-child(4) { width: 24%; font-size: 0.9em; } "
                                          "tr { break-inside: auto; } h3 + table { break-inside: avoid; }")
HANDOUT_CSS["04-documents-support.md"] = LARGE_PRINT
# Handout 3's claim cards are handed out one to a group: each card starts a page, so card n prints on page n and a
# teacher prints only the pages of the cards the groups take.
HANDOUT_CSS["03-country-study-handout.md"] = "h3 ~ h3 { break-before: page; } h3 { break-after: avoid; }"


# Answer sheet 4's writing boxes: its tables' first column holds short row names, the rest is room to write.
SHEET_EXTRA_CSS = {"04-documents-answer-sheet.md": "th:first-child, td:first-child { width: 17%; }",
                   # exercise C's last column takes a quotation of a few words: most of the line
                   "05-china-answer-sheet.md": "table:last-of-type th:first-child { width: 8%; } "
                                               "table:last-of-type th:nth-child(2) { width: 24%; } "
                                               "body { font-size: 11.5pt; }",
                   "05-china-exit-slip.md": "body { font-size: 11.5pt; }"}


def printable(markdown_text: str, sheet: bool = False, css: str = "") -> str:
    """A Markdown handout or answer sheet as one self-contained HTML page to print from a browser.

    In a sheet, a line of underscores alone is a ruled writing line, `<!-- space: 40mm -->` a box to draw in,
    and a run of underscores inside a line prints as a blank (never as emphasis)."""
    import html  # noqa: PLC0415

    import mistune  # noqa: PLC0415  (nbconvert's Markdown renderer, already in the lock)

    lines = []
    for line in markdown_text.split("\n"):
        space, cut = SPACE.fullmatch(line.strip()), CUT.fullmatch(line.strip())
        if sheet and space:
            lines += ["", f"KITSPACE{space.group(1)}", ""]
        elif sheet and cut:
            lines += ["", f"KITCUT{cut.group(1)}", ""]
        elif sheet and line.startswith("|") and LINES.search(line):
            lines.append(LINES.sub(lambda m: f"KITLINES{m.group(1)}", line))
        elif re.fullmatch(r"<!--.*-->", line.strip()):
            continue  # the renderer escapes raw HTML (data text stays text); the generated-by marker would print
        elif sheet and re.fullmatch(r"_{10,}", line.strip()):
            lines += ["", "KITWRITELINE", ""]
        else:
            lines.append(re.sub(r"_{2,}", lambda m: "\\_" * len(m.group()), line) if sheet else line)
    body = mistune.create_markdown(plugins=["table"])("\n".join(lines))
    body = re.sub(r"<p>KITSPACE(\d+)</p>", r'<div class="space" style="height:\1mm"></div>', body)
    body = body.replace("<p>KITWRITELINE</p>", '<div class="write-line"></div>')
    body = re.sub(r"<td>KITLINES(\d+)</td>", lambda m: f'<td class="lines" style="height:{8 * int(m.group(1))}mm"></td>', body)
    body = re.sub(r"<p>KITCUT(.+?)</p>", r'<p class="cut">✂ \1</p>', body)
    first = markdown_text.split("\n", 1)[0].lstrip("# ").strip()
    style = PRINT_CSS + (" " + SHEET_CSS if sheet else "") + (" " + css if css else "")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<!-- Written by tools/build_handouts.py from the Markdown beside it: edit that, not this. -->\n"
            f"<title>{html.escape(first)}</title>\n"
            f"<style>{style}</style>\n</head>\n<body>\n{body}</body>\n</html>\n")


# --- typeable answer sheets: the same sheets as forms a screen reader announces, one labelled box per blank -----

TYPEABLE = SHEETS / "typeable"
FORM_CSS = ("body { font: 12pt/1.5 Georgia, serif; max-width: 48em; margin: 1em auto; padding: 0 1em; } "
            "table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #444; padding: 4px; "
            "vertical-align: top; text-align: left; } textarea, input { font: inherit; width: 100%; box-sizing: "
            "border-box; } input.short { width: 12em; } .help { border: 1px solid #666; padding: 0.5em; } "
            "textarea:focus, input:focus { outline: 3px solid #1a5fb4; }")
# Saves the answers in the browser as they are typed (nothing leaves the machine) and writes them to a text file.
FORM_SCRIPT = """
const key = 'kit-answers:' + location.pathname;
const boxes = [...document.querySelectorAll('textarea, input[type=text]')];
const saved = JSON.parse(localStorage.getItem(key) || '{}');
boxes.forEach(b => { if (saved[b.id]) b.value = saved[b.id];
  b.addEventListener('input', () => { saved[b.id] = b.value; localStorage.setItem(key, JSON.stringify(saved)); }); });
document.getElementById('save').addEventListener('click', () => {
  const text = document.title + '\\n\\n' + boxes.map(b => b.getAttribute('aria-label') + ':\\n' + (b.value || '(blank)')).join('\\n\\n');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], {type: 'text/plain'}));
  const name = boxes.find(b => /(^|\\. )Name$/.test(b.getAttribute('aria-label') || '') && b.value.trim());
  const who = name && name.value.trim() ? name.value.trim() + ' ' : '';
  a.download = (who + document.title).replace(/[^A-Za-z0-9]+/g, '-') + '.txt';
  a.click();
});
"""
FORM_BLANK = re.compile(r"_{3,}")
# A relative link of a sheet, written from answer-sheets/: its typeable copy sits a folder deeper, in typeable/.
SHEET_LINK = re.compile(r"(\]\()(?![a-z]+:|#|/)")


def _plain(fragment: str) -> str:
    import html  # noqa: PLC0415

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _label_before(text: str, last: str, context: str) -> str:
    """The words a blank answers: what stands between the previous blank and this one, else the last label."""
    words = re.sub(r"^[\s.,;:?!)]+|[\s,;:(]+$", "", _plain(text))
    words = re.sub(r"^\(\d\)\s*$", "", words)
    if not words or re.fullmatch(r"[\W\d]*", words):
        return last or context
    return words if len(words) <= 160 else "…" + words[-160:]


def _form_paragraph(inner: str, counter: list[int], context: str) -> str:
    """A paragraph's blanks as text boxes, each labelled with the words before it (a sheet's long blanks: a box)."""
    parts = re.split(r"(KITBLANK\d+)", inner)
    out, last, since = [], "", ""
    for part in parts:
        blank = re.fullmatch(r"KITBLANK(\d+)", part)
        if not blank:
            out.append(part)
            since += part
            continue
        label = _label_before(since, last, context)
        counter[0] += 1
        box_id = f"answer-{counter[0]}"
        if int(blank.group(1)) < 12:
            out.append(f'<input type="text" class="short" id="{box_id}" aria-label="{_attr(label)}">')
        else:
            out.append(f'<textarea id="{box_id}" rows="2" aria-label="{_attr(label)}"></textarea>')
        last, since = label, ""
    return "".join(out)


def _attr(text: str) -> str:
    import html  # noqa: PLC0415

    return html.escape(text, quote=True)


SLIP_CUT = "<!-- cut: cut here -->"  # where an exit slip's page is cut into its two slips


def sheet_questions(stem: str) -> dict[str, str]:
    """{"A1": the words of document A's question 1, ...} for the documents of a lesson's pack, lettered as it prints
    them: what a typeable sheet's box for that question is named by."""
    import build_packs  # noqa: PLC0415

    from breaking_isolation import documents  # noqa: PLC0415

    docs = {d.id: d for d in documents.load_documents()}
    return {f"{chr(ord('A') + i)}{n}": " ".join(q.split())
            for i, doc_id in enumerate(build_packs.PACKS[stem][1]) for n, q in enumerate(docs[doc_id].questions, 1)}


# Sheets whose rows name a pack's document questions by letter and number (A1, B2): the pack they come from.
QUESTION_ROWS = {"04-documents-answer-sheet.md": "04-documents"}


def typeable(markdown_text: str, questions: dict[str, str] | None = None) -> str:
    """An answer sheet as a form: every blank, ruled line, writing box and empty table cell a labelled text box,
    announced by a screen reader with the words of the sheet that ask for it; answers kept in the browser and
    saved to a text file with a button. Nothing on it is fetched from the network."""
    import html  # noqa: PLC0415

    import mistune  # noqa: PLC0415

    lines, previous_blank = [], False
    for line in SHEET_LINK.sub(r"\1../", markdown_text).split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"_{10,}", stripped) or SPACE.fullmatch(stripped):
            if not previous_blank:
                lines += ["", "KITAREA", ""]
            previous_blank = True
            continue
        if re.fullmatch(r"<!--.*-->", stripped):
            continue
        line = LINES.sub("", line)
        line = FORM_BLANK.sub(lambda m: f"KITBLANK{len(m.group())}", line)
        previous_blank = line.rstrip("\\ ").endswith(tuple(f"KITBLANK{n}" for n in range(12, 200))) and \
            bool(re.search(r"KITBLANK\d+\\?\s*$", line))
        lines.append(line)
    body = mistune.create_markdown(plugins=["table"])("\n".join(lines))
    counter, out, context, before = [0], [], "", ""
    for block in re.split(r"(?=<(?:p|table|h[1-3])>)", body):
        heading = re.match(r"<(h[1-3]|p)><strong>(.+?)</strong>", block)
        if heading or block.startswith("<h"):
            context = _plain(heading.group(2) if heading else block)
        if block.startswith("<table>"):
            block = _form_table(block, counter, questions)
        elif block.startswith("<p>KITAREA</p>"):
            counter[0] += 1
            label = before if before and "KITBLANK" not in before and len(before) <= 200 else context
            block = block.replace("<p>KITAREA</p>", f'<p><textarea id="answer-{counter[0]}" rows="4" '
                                                    f'aria-label="{_attr(label)}"></textarea></p>', 1)
        else:
            before = _plain(block)
            block = _form_paragraph(block, counter, context)
        out.append(block)
    form = re.sub(r"(<p><textarea [^>]*></textarea></p>)(\s*<p><textarea [^>]*></textarea></p>)+", r"\1", "".join(out))
    seen: dict[str, int] = {}

    def numbered(match) -> str:                 # two boxes of one question: "My claim", "My claim (box 2)"
        seen[match.group(1)] = seen.get(match.group(1), 0) + 1
        n = seen[match.group(1)]
        return f'aria-label="{match.group(1)}{f" (box {n})" if n > 1 else ""}"'
    form = re.sub(r'aria-label="([^"]*)"', numbered, form)
    first = markdown_text.split("\n", 1)[0].lstrip("# ").strip()
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<!-- Written by tools/build_handouts.py from the answer sheet's Markdown: edit that, not this. -->\n"
            f"<title>{html.escape(first)} (typeable)</title>\n<style>{FORM_CSS}</style>\n</head>\n<body>\n<main>\n"
            '<p class="help">The typeable copy of the printed sheet. Open it in a web browser tab (from the school '
            "drive, or by double-clicking the file): inside JupyterLab its save button does not work. Every blank is "
            "a text box named by the question it answers: Tab moves to the next one. Your answers stay in this "
            "browser as you type. To hand them in, write your name in its box, press "
            '<button type="button" id="save">Save my answers as a text file</button> (the file is named with your '
            "name) and give your teacher the file.</p>\n"
            f"{form}</main>\n<script>{FORM_SCRIPT}</script>\n</body>\n</html>\n")


def _form_table(table_html: str, counter: list[int], questions: dict[str, str] | None = None) -> str:
    """A table's empty cells as text boxes, each labelled by its row's first cell and its column's heading; a row
    named by a document question (A1, B2) is labelled with the question's own words, as the handout prints them."""
    heads = [_plain(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table_html.split("</thead>")[0], re.S)]

    def row(match) -> str:
        cells = re.findall(r"(<td[^>]*>)(.*?)</td>", match.group(0), re.S)
        first = _plain(cells[0][1]) if cells else ""
        if questions and first in questions:
            first = f"{first}: {questions[first]}"
        new = []
        for i, (tag, content) in enumerate(cells):
            if _plain(content) or (i == 0 and first):
                new.append(_form_paragraph(f"{tag}{content}</td>", counter, first))
                continue
            counter[0] += 1
            label = "; ".join(x for x in (first, heads[i] if i < len(heads) else "") if x) or "answer"
            new.append(f'{tag}<textarea id="answer-{counter[0]}" rows="3" aria-label="{_attr(label)}"></textarea></td>')
        return "<tr>" + "".join(new) + "</tr>"
    head, _, rest = table_html.partition("<tbody>")
    return head + "<tbody>" + re.sub(r"<tr>.*?</tr>", row, rest, flags=re.S)


# The paper slip's instructions, untrue of its typeable copy (typed on a laptop, one slip, handed in as a file):
# each replaced, and the name and date asked in a paragraph of their own, so that their boxes are named by them.
SCREEN_WORDING = {
    "Two slips to a page: cut along the dashed line.": "The typeable copy: one slip, typed and saved.",
    "Laptops closed; handout 5, pack 5 and answer sheet 5 put away; hand it in before you leave. Name:":
        "Handout 5, pack 5 and answer sheet 5 closed, and every other tab; only this page open. Save your answers "
        "and hand in the file before you leave.\n\nName:",
}


def on_screen(slip: str) -> str:
    """An exit slip worded for its typeable copy; a phrase no longer on the slip is an error, not a silent miss."""
    for paper, screen in SCREEN_WORDING.items():
        if paper not in slip:
            raise ValueError(f"the exit slip no longer says {paper!r}: update SCREEN_WORDING")
        slip = slip.replace(paper, screen)
    return slip


def printables(handouts: dict[str, str]) -> dict[Path, str]:
    """The HTML copy of every handout (as rendered now) and every answer sheet."""
    out = {OUT / name.replace(".md", ".html"): printable(text, css=HANDOUT_CSS.get(name, ""))
           for name, text in handouts.items()}
    out |= {sheet.with_suffix(".html"): printable(sheet.read_text(encoding="utf-8"), sheet=True,
                                                  css=SHEET_EXTRA_CSS.get(sheet.name, ""))
            for sheet in sorted(SHEETS.glob("*.md"))}
    out |= {TYPEABLE / sheet.with_suffix(".html").name:
            typeable(sheet.read_text(encoding="utf-8"),
                     sheet_questions(QUESTION_ROWS[sheet.name]) if sheet.name in QUESTION_ROWS else None)
            for sheet in sorted(SHEETS.glob("*-answer-sheet.md"))}
    # An exit slip prints two to a page, to be cut apart and collected; its typeable copy, for a student who works
    # on a screen reader, holds one slip.
    out |= {TYPEABLE / sheet.with_suffix(".html").name: typeable(on_screen(sheet.read_text(encoding="utf-8")
                                                                           .split(SLIP_CUT)[0]))
            for sheet in sorted(SHEETS.glob("*-exit-slip.md"))}
    return out


def render() -> dict[str, str]:
    data = kit.load()
    return {name: make(data) for name, make in HANDOUTS.items()}


def write_all(say=lambda line: None) -> None:
    """Every handout, its printable .html copy, every answer sheet's .html copy, lesson 3's card key, and lesson 2's
    snapshots where its sheet and plan name them, with the computed key to its snapshot table."""
    import build_keys  # noqa: PLC0415  (beside this script in tools/)

    OUT.mkdir(parents=True, exist_ok=True)
    for path in build_keys.write_snapshot_material():  # before the sheets' printable copies, which read them
        say(f"wrote the snapshots of {path.relative_to(ROOT).as_posix()}")
    handouts = render()
    for name, text in handouts.items():
        atomic.write_text(OUT / name, text)
        say(f"wrote lessons/handouts/{name}")
    TYPEABLE.mkdir(parents=True, exist_ok=True)
    for path, text in printables(handouts).items():
        atomic.write_text(path, text)
    say("wrote the printable .html copy of every handout and answer sheet, and each sheet's typeable copy")
    if write_claim_key(kit.load()):
        say("wrote the card key of lessons/03-reading-the-country-study.md")
    if build_keys.write_triangle_key(kit.load()):
        say("wrote the triangle's key in lessons/02-network.md")
    if build_keys.write_snapshot_key(kit.load()):
        say("wrote the snapshot key of lessons/keys/fill-in-tables.md")
    if build_keys.write_exercise_key(kit.load()):
        say("wrote the key to notebook 1's exercises 1-3 in lessons/01-recognition.md")


if __name__ == "__main__":
    write_all(print)
