"""What a document's key quotes is word for word what the kit holds of that document (its excerpt or the stored
text it was cut from), or another text the kit holds; what it quotes from a text the kit does not hold is listed
here with where it is from, so no quotation in a key goes unchecked without saying so."""

import re

import breaking_isolation as kit
import pytest
import verbatim
from breaking_isolation import documents

LIVE = documents.load_documents()
KEYS = kit.kit_root() / "lessons" / "keys"
SOURCES = kit.data_dir() / "documents" / "sources"
COUNTRY_STUDY = kit.data_dir() / "source-text" / "country-study-1989.txt"
# historians' passages a key quotes, stored as read (data/source-text/historians-*.txt, each passage after a line
# saying where it was read), so that a key's verdict from a historian is checked like a document's words
HISTORIANS = sorted((kit.data_dir() / "source-text").glob("historians-*.txt"))
QUOTATION = re.compile(r'"([^"\n]+)"')
MIN_WORDS = 1   # every quotation, down to one word ("genteel", "frightful"); names and terms are listed below

ISAACS_XI = ("Harold R. Isaacs, The Tragedy of the Chinese Revolution (1938), ch. XI, opening, Marxists Internet Archive "
             "(marxists.org/history/etol/writers/isaacs/1938/tcr/ch11.htm); source isaacs-1938")

# Quotations of texts the kit does not store, with where each is from. A key quoting anything else must quote a
# text the kit holds, word for word.
NOT_STORED = {
    "doc-1920-peking-mandate": {"what had ended relations?": "the key's own question, not a quotation"},
    "doc-1922-lenin-genoa-amendments": {"a provocative debate": "FRUS 1922, vol. II, doc. 663",
                                        "demanded disarmament": "FRUS 1922, vol. II, doc. 663"},
    "doc-1923-ecci-instructions-ccp": {"bloc within": "historians' name for the arrangement, not the document's words"},
    "doc-1924-zinoviev-letter": {"Zinoviev letter": "the name the letter goes by, not a quotation"},
    "doc-1927-stalin-theses": {"cooperative | hostile": "a cell of the kit's own table, not a quotation",
                               "Theses for Propagandists, Approved by the C.C., C.P.S.U.(B.)":
                                   "the heading in Stalin, Works, vol. 9 (Moscow, 1954), p. 224, as the Marxists "
                                   "Internet Archive transcribes it (marxists.org/reference/archive/stalin/works/"
                                   "1927/04/21.htm); the kit's excerpt starts after it"},
    "doc-1923-sun-joffe-manifesto": {
        "warmest sympathy for China": "F. Gilbert Chan (1979), quoting the text issued at Shanghai",
        "willingness to lend support": "F. Gilbert Chan (1979), quoting the text issued at Shanghai"},
    "doc-1928-litvinov-adherence-note": {
        "by reason of the nonexistence of diplomatic relations": "FRUS 1928, vol. I, doc. 119 (frus-1928-herrick-233)",
        "wished to run no chance of embarrassment by an attempt of the Soviet Government to send its instrument of "
        "adherence direct to our Government": "FRUS 1928, vol. I, doc. 119 (frus-1928-herrick-233)",
        "in the name of the Government of the United States of America not represented at Kabul":
            "FRUS 1928, vol. I, doc. 197 (frus-1928-claudel-afghanistan)"},
    "doc-1924-sino-soviet-agreement": {"an integral part of the Republic of China": "article V of the agreement, "
                                       "not in the excerpt the kit stores"},
    # Isaacs's verdict, from the opening of chapter XI as the note of isaacs-1938 in data/sources.csv records it
    "doc-1927-trotsky-plenum-statement": {
        "need not have been mortal": ISAACS_XI,
        "There was still time to mobilize and weld these forces for a new offensive": ISAACS_XI},
    "doc-1927-trotsky-critique": {
        "There was still time to mobilize and weld these forces for a new offensive": ISAACS_XI},
}


def held(quotation: str, text: str) -> bool:
    """Word for word in `text`; a quotation that opens a key's sentence may capitalise its first letter."""
    first = quotation[:1]
    return any(verbatim.check(q, text) == [] for q in {quotation, first.lower() + quotation[1:],
                                                       first.upper() + quotation[1:]})


def held_texts(doc) -> str:
    """The excerpt and, where there is one, the stored text it was cut from."""
    stored = (kit.data_dir() / "documents" / doc.stored_text).read_text(encoding="utf-8") if doc.stored_text else ""
    return f"{doc.text}\n{stored}"


EVERYTHING_HELD = "\n".join([*(held_texts(d) for d in LIVE), COUNTRY_STUDY.read_text(encoding="utf-8"),
                             *(path.read_text(encoding="utf-8") for path in HISTORIANS)])


def quotations(doc) -> list[str]:
    return quotations_in(KEYS / f"{doc.id}.md")


def quotations_in(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    unbalanced = [line[:60] for line in text.splitlines() if line.count('"') % 2]
    assert not unbalanced, f"lessons/keys/{path.name}: a quotation mark left open in {unbalanced}"
    return [q for q in QUOTATION.findall(text) if len(q.split()) >= MIN_WORDS]


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_every_quotation_in_a_documents_key_is_word_for_word_what_the_kit_holds(doc):
    listed = NOT_STORED.get(doc.id, {})
    wrong = []
    for quotation in quotations(doc):
        if quotation in listed:
            continue
        if not held(quotation, held_texts(doc)) and not held(quotation, EVERYTHING_HELD):
            wrong.append(f"{quotation!r}: {verbatim.check(quotation, held_texts(doc))[0]}")
    assert wrong == [], f"lessons/keys/{doc.id}.md quotes what the kit does not hold: {wrong}"


def test_every_quotation_listed_as_not_stored_is_still_in_its_key():
    """The list shrinks when a key stops quoting, or the kit starts holding, a text."""
    docs = {d.id: d for d in LIVE}
    for doc_id, listed in NOT_STORED.items():
        present = quotations(docs[doc_id])
        for quotation in listed:
            assert quotation in present, (doc_id, quotation)
            assert verbatim.check(quotation, held_texts(docs[doc_id])), f"{doc_id}: now held, drop it from the list"


def test_a_changed_word_in_a_keys_quotation_is_caught():
    doc = next(d for d in LIVE if d.id == "doc-1922-lenin-genoa-amendments")
    assert verbatim.check("have teeth, and will help to demoralise the enemy", held_texts(doc)) == []
    assert verbatim.check("have teeth, and will help to demoralize the enemy", held_texts(doc)) != []


# --- the Nanjing statement: two printings of one cable ------------------------------------------------------

def printings() -> tuple[str, str]:
    text = (SOURCES / "doc-1927-nanjing-break-statement.txt").read_text(encoding="utf-8")
    sun, hokitika = text.split("SECOND PRINTING OF THE SAME CABLE", 1)
    return sun, hokitika


def test_the_nanjing_key_quotes_the_statement_only_in_words_both_printings_share():
    """Answer 1 cites the statement's own sentence; the Sun and the Hokitika Guardian word it differently, so
    what the key gives as the statement is in both; what only one prints, the key names the paper for."""
    doc = next(d for d in LIVE if d.id == "doc-1927-nanjing-break-statement")
    shared = [q for q in quotations(doc) if q.startswith("The Nationalist Government for some time")]
    long = [q for q in shared if len(q.split()) > 12]
    assert long, "answer 1 gives the statement's sentence as both printings have it"
    sun, hokitika = printings()
    for quotation in long:
        assert verbatim.check(quotation, sun) == [], verbatim.check(quotation, sun)
        assert verbatim.check(quotation, hokitika) == [], verbatim.check(quotation, hokitika)
    # and the checker tells the two printings apart where they differ
    assert verbatim.check("are used as headquarters for Red propaganda", hokitika) != []
    assert verbatim.check("have been used as the headquarters for Red propaganda", sun) != []


# --- what the keys say of the documents, against the data and the documents' own words -------------------------

EVENTS = kit.load().events.set_index("event_id")
PLAN_4 = kit.kit_root() / "lessons" / "04-documents.md"
MARKING_4 = KEYS / "04-documents-marking.md"


def day_month(iso: str) -> str:
    return " ".join(documents.written_date(iso).split()[:2])


def recognitions_answered_later():
    """(document, its recognition event, the event that opened relations later) for every document that is the act
    of a recognition whose relations the data dates by a later act (the reply that accepted it)."""
    events = EVENTS.reset_index()
    opened = events[events["kind"] == "relations_established"]
    for doc in LIVE:
        for event_id in doc.event_ids:
            row = EVENTS.loc[event_id]
            if row["kind"] != "de_jure_recognition" or str(row["date"])[:10] != doc.date:   # the act itself
                continue
            pair = {row["actor"], row["counterpart"]}
            later = opened[opened.apply(lambda r: {r["actor"], r["counterpart"]} == pair, axis=1)
                           & (opened["date"].astype(str) > str(row["date"]))]
            for _, relations in later.iterrows():
                yield doc, event_id, relations


NOTE_OPENED_RELATIONS = re.compile(r"one note, one event|recogni[a-z]* de jure and the opening of[a-z ]* relations|"
                                   r"note had opened|note opened (diplomatic )?relations", re.IGNORECASE)


def test_the_british_note_is_among_the_recognitions_answered_later():
    assert ("doc-1924-british-note-of-recognition", "1924-britain-recognition", "1924-britain-relations") in {
        (doc.id, event_id, relations["event_id"]) for doc, event_id, relations in recognitions_answered_later()}


@pytest.mark.parametrize("case", list(recognitions_answered_later()), ids=lambda c: c[0].id)
def test_a_note_of_recognition_is_not_said_to_open_relations_the_data_opens_later(case):
    """The data dates relations by the reply that accepted the note: the key names that reply, its event and its
    date as the data has them, and never calls the note itself the opening of relations."""
    doc, _event_id, relations = case
    key = key_text(doc)
    assert relations["event_id"] in doc.event_ids, f"{doc.id}: list {relations['event_id']} among its events"
    assert relations["event_id"] in key and day_month(str(relations["date"])[:10]) in key, doc.id
    for path in (key_path(doc), PLAN_4, MARKING_4):
        found = NOTE_OPENED_RELATIONS.search(" ".join(path.read_text(encoding="utf-8").split()))
        assert found is None, f"{path.name}: {found.group()!r}"


def key_text(doc) -> str:
    return " ".join(key_path(doc).read_text(encoding="utf-8").split())


def key_path(doc):
    return KEYS / f"{doc.id}.md"


CLYNES_QUOTES = re.compile(r"Clynes quot|quoting ministers|quotation of the Foreign Secretary|"
                           r"Foreign Secretary[a-z ]* called a break", re.IGNORECASE)


def test_nothing_says_clynes_quoted_the_foreign_secretary():
    """Clynes: "It is unnecessary that I should remind the House by a quotation": "harmful in the extreme" is his
    summary, never the Foreign Secretary's words."""
    doc = next(d for d in LIVE if d.id == "doc-1927-commons-debate-break")
    assert verbatim.check("It is unnecessary that I should remind the House by a quotation", doc.text) == []
    files = [doc.path, *KEYS.glob("*.md"), PLAN_4, *(kit.kit_root() / "lessons" / "packs").glob("*.md"),
             *(kit.kit_root() / "lessons" / "adapted").glob("*.md")]
    for path in files:
        found = CLYNES_QUOTES.search(" ".join(path.read_text(encoding="utf-8").split()))
        assert found is None, f"{path.name}: {found.group()!r}"


def test_the_stalin_key_gives_both_accounts_of_who_approved_the_theses():
    """The heading says approved by the Central Committee; Trotsky says the theses never went to it and three
    Politburo members published them in its name. The key says both, and never that the Central Committee as a body
    approved them."""
    stalin = next(d for d in LIVE if d.id == "doc-1927-stalin-theses")
    trotsky = next(d for d in LIVE if d.id == "doc-1927-trotsky-critique")
    key = key_text(stalin)
    assert "Approved by the C.C." in key and "doc-1927-trotsky-critique" in key
    for words in ("never presented", "published in the name of the Central Committee"):
        assert f'"{words}"' in key and verbatim.check(words, trotsky.text) == [], words
    for text in (key, " ".join(stalin.author.split())):
        assert not re.search(r"Central Committee approved them|approved by its Central Committee", text), text


def test_the_genoa_headnote_says_chicherin_drafted_the_speech_and_lenin_amended_it():
    doc = next(d for d in LIVE if d.id == "doc-1922-lenin-genoa-amendments")
    assert "Chicherin drafted" in doc.headnote and "Lenin" in doc.headnote.split("Chicherin drafted", 1)[1]
    assert not re.search(r"\bhe drafted\b", doc.headnote)


def test_lesson_4s_corroboration_grid_is_keyed_with_every_standing_its_documents_bear_on():
    """Answer sheet 4's section 3 has a key in the plan: each event of documents A and B that moves a standing is
    named, and every date written beside an event id is the data's."""
    import build_packs

    plan = " ".join(PLAN_4.read_text(encoding="utf-8").split())
    assert "Key to the corroboration grid (answer sheet 4, section 3)" in plan
    grid = plan.split("Key to the corroboration grid", 1)[1].split("**Key to the sourcing grid", 1)[0]
    docs = {d.id: d for d in LIVE}
    moving = {"de_jure_recognition", "de_facto_recognition", "relations_established", "relations_broken",
              "relations_restored"}
    for doc_id in build_packs.PACKS["04-documents"][1]:
        for event_id in docs[doc_id].event_ids:
            if EVENTS.loc[event_id, "kind"] in moving:
                assert f"`{event_id}`" in grid, event_id
    dated = re.findall(r"`([\w-]+)`, (\d{1,2} [A-Z][a-z]+ \d{4})", grid)
    assert len(dated) >= 3
    for event_id, written in dated:
        assert documents.written_date(str(EVENTS.loc[event_id, "date"])[:10]) == written, (event_id, written)


# The marking guide and the exam-style tasks quote the documents too; what else they set in quotes is listed.
TASK_KEYS_NOT_STORED = {
    "04-documents-marking.md": {
        "In October 1924 Britain protested to Moscow; in May 1927 it broke off relations. Why did Britain break "
        "with the USSR in 1927 and not in 1924?": "the task's own question",
        "the propaganda got worse": "anchor paper 2's own words, quoted in its marking",
        "found evidence of spying": "anchor paper 2's own words, marked as an error in its marking"},
    "curriculum-tasks.md": {"The Russian Revolution and the Rise of Stalin, 1917-1929":
                            "the title of Part one of AQA 7042 component 2N"},
}


@pytest.mark.parametrize("name", sorted(TASK_KEYS_NOT_STORED))
def test_every_quotation_in_the_marking_guide_and_exam_tasks_is_what_the_kit_holds(name):
    text = re.sub(r"(?m)^> ?", "", (KEYS / name).read_text(encoding="utf-8"))
    found = [" ".join(q.split()) for q in re.findall(r'"([^"]+)"', text)]
    listed = TASK_KEYS_NOT_STORED[name]
    wrong = [q for q in found if q not in listed and not held(q, EVERYTHING_HELD)]
    assert wrong == [], f"lessons/keys/{name} quotes what the kit does not hold: {wrong}"
    assert set(listed) <= set(found), "drop from the list what the file no longer quotes"


def test_the_historians_passages_are_stored_and_say_where_each_was_read():
    assert HISTORIANS, "data/source-text/historians-*.txt"
    for path in HISTORIANS:
        text = path.read_text(encoding="utf-8")
        assert text.count("\nRead ") >= 1 and "(source " in text, f"{path.name}: say where each passage was read"


BREAK_WORDS = {"relations_broken": "break", "relations_restored": "restoration"}


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_a_keys_break_or_restoration_is_dated_as_the_data_dates_it(doc):
    """"The break of 26 May 1927" (the Commons vote) contradicted the data's 27 May (Chamberlain's note): a key that
    dates one of its document's breaks or restorations gives the data's day."""
    key = " ".join((KEYS / f"{doc.id}.md").read_text(encoding="utf-8").split())
    for kind, word in BREAK_WORDS.items():
        days = {documents.written_date(str(EVENTS.loc[e, "date"])[:10]) for e in doc.event_ids
                if e in EVENTS.index and EVENTS.loc[e, "kind"] == kind}
        for written in re.findall(rf"the {word} of (\d{{1,2}} [A-Z][a-z]+ \d{{4}})", key):
            assert written in days, (doc.id, word, written, days)
