"""Every public-domain excerpt is word for word its stored source, with every cut marked; fair use says what it
was compared with."""

from pathlib import Path

import breaking_isolation as kit
import pytest
import verbatim
from breaking_isolation import documents

LIVE = documents.load_documents()
SOURCES = kit.data_dir() / "documents" / "sources"
PUBLIC = [d for d in LIVE if d.licence == "public-domain"]


def stored(doc) -> Path:
    return kit.data_dir() / "documents" / doc.stored_text


# --- the checker itself, on a text it can get wrong -----------------------------------------------------------

SOURCE = ("Sir: The so-called Soviet government [Page 765] is not a government of Russia.2 It is an institution "
          "controlled and dominated by the leaders of the Russian Communist Party, which party embraces an "
          "insignificant minority of the population.")


def test_a_faithful_copy_with_a_marked_cut_passes():
    quotation = ("The so-called Soviet government is not a government of Russia. It is an institution controlled "
                 "[...] by the leaders of the Russian Communist Party […].")
    assert verbatim.check(quotation, SOURCE) == []


@pytest.mark.parametrize("broken, problem", [
    # a cut with no mark
    (("The so-called Soviet government is not a government of Russia. It is an institution controlled by the "
     "leaders of the Russian Communist Party."), "a cut not marked) at 'an institution controlled by the leaders"),
    # a word changed
    ("The so-called Soviet government is not the government of Russia.", "a word changed"),
    # two sentences swapped
    ("It is an institution controlled and dominated. […] The so-called Soviet government", "out of order"),
])
def test_a_broken_copy_fails_and_says_where(broken, problem):
    findings = verbatim.check(broken, SOURCE)
    assert findings and problem in str(findings[0]), findings


def test_the_sources_own_quotes_dashes_and_line_breaks_do_not_count_as_differences():
    source = "the dictatorship of its vanguard—the Communist Party. Its “workers” are instruc-\ntions"
    assert verbatim.check('the dictatorship of its vanguard--the Communist Party. Its "workers" are instructions',
                          source) == []


# --- the live documents ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("doc", PUBLIC, ids=lambda d: d.id)
def test_every_public_domain_document_keeps_the_text_it_was_cut_from(doc):
    assert doc.stored_text, f"{doc.id}: give stored_text, the file under data/documents/sources/ it was cut from"
    path = stored(doc)
    assert path.is_file(), f"{doc.id}: no file {doc.stored_text}"
    assert path.parent == SOURCES
    assert path.read_text(encoding="utf-8").startswith("Read at "), f"{path.name}: first line says where it was read"


@pytest.mark.parametrize("doc", [d for d in LIVE if d.stored_text], ids=lambda d: d.id)
def test_every_excerpt_with_a_stored_source_is_verbatim_with_every_cut_marked(doc):
    """Every public-domain excerpt, and any fair-use excerpt whose transcription the kit keeps."""
    findings = verbatim.check(doc.text, stored(doc).read_text(encoding="utf-8"))
    assert not findings, f"{doc.id}:\n" + "\n".join(map(str, findings))


@pytest.mark.parametrize("doc", [d for d in LIVE if d.licence == "fair-use-quotation"], ids=lambda d: d.id)
def test_every_fair_use_excerpt_names_what_it_was_compared_with(doc):
    assert len(doc.compared_with.split()) >= 8, f"{doc.id}: say which printed edition and page it was compared with"


def test_every_stored_source_belongs_to_a_document():
    used = {Path(d.stored_text).name for d in LIVE if d.stored_text}
    assert {p.name for p in SOURCES.glob("*.txt")} == used
