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
QUOTATION = re.compile(r'"([^"\n]+)"')
MIN_WORDS = 3   # shorter quotations are single words a key sets in quotes ("genteel", "Zinoviev letter")

# Quotations of texts the kit does not store, with where each is from. A key quoting anything else must quote a
# text the kit holds, word for word.
NOT_STORED = {
    "doc-1920-peking-mandate": {"what had ended relations?": "the key's own question, not a quotation"},
    "doc-1922-lenin-genoa-amendments": {"a provocative debate": "FRUS 1922, vol. II, doc. 663"},
    "doc-1923-sun-joffe-manifesto": {
        "M. Joffe agrees entirely with this view; he is further of the opinion that...":
            "the review's quotation of the statement (issue 'History you can quote'), quoted as a review's words",
        "warmest sympathy for China": "F. Gilbert Chan (1979), quoting the text issued at Shanghai",
        "willingness to lend support": "F. Gilbert Chan (1979), quoting the text issued at Shanghai"},
    "doc-1924-sino-soviet-agreement": {"an integral part of the Republic of China": "article V of the agreement, "
                                       "not in the excerpt the kit stores"},
    "doc-1927-stalin-theses": {"cooperative | mixed": "a cell of the kit's own table, not a quotation"},
}


def held_texts(doc) -> str:
    """The excerpt and, where there is one, the stored text it was cut from."""
    stored = (kit.data_dir() / "documents" / doc.stored_text).read_text(encoding="utf-8") if doc.stored_text else ""
    return f"{doc.text}\n{stored}"


EVERYTHING_HELD = "\n".join([*(held_texts(d) for d in LIVE), COUNTRY_STUDY.read_text(encoding="utf-8")])


def quotations(doc) -> list[str]:
    text = (KEYS / f"{doc.id}.md").read_text(encoding="utf-8")
    unbalanced = [line[:60] for line in text.splitlines() if line.count('"') % 2]
    assert not unbalanced, f"lessons/keys/{doc.id}.md: a quotation mark left open in {unbalanced}"
    return [q for q in QUOTATION.findall(text) if len(q.split()) >= MIN_WORDS]


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_every_quotation_in_a_documents_key_is_word_for_word_what_the_kit_holds(doc):
    listed = NOT_STORED.get(doc.id, {})
    wrong = []
    for quotation in quotations(doc):
        if quotation in listed:
            continue
        if verbatim.check(quotation, held_texts(doc)) and verbatim.check(quotation, EVERYTHING_HELD):
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
