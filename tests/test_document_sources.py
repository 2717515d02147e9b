"""Every public-domain excerpt is word for word its stored source, with every cut marked; fair use says what it
was compared with."""

import re
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


# --- what the checker skips: the kit's own words in square brackets ----------------------------------------------

LONG_BRACKET = 25   # words: a label or a supplied name is short; anything longer the checker skips must say what it is
BRACKETED = re.compile(r"\[([^\]]*)\]")


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_a_long_passage_in_square_brackets_is_a_translation_the_kit_labels_as_its_own(doc):
    """The checker skips square brackets (the kit's words), so no quotation can hide there: a long bracket is the
    kit's translation of the text before it, and says so."""
    for words in BRACKETED.findall(doc.text):
        if len(words.split()) > LONG_BRACKET:
            assert words.startswith("Translated for the kit"), (doc.id, words[:60])
            assert doc.translation and "kit's own" in doc.translation, doc.id


# --- the Sun-Joffe statement: a German text with the kit's translation, and a modern English version -------------

SUN_JOFFE = next((d for d in LIVE if d.id == "doc-1923-sun-joffe-manifesto"), None)
GERMAN_POINT = re.compile(r"„(Dr\. Sun Yat Sen bleibt.+?)“", re.DOTALL)


def sun_joffe_texts() -> tuple[str, str]:
    """The stored page of the German book, and the stored modern English version."""
    german, modern = stored(SUN_JOFFE).read_text(encoding="utf-8").split("SECOND TEXT:", 1)
    return german, modern


def test_the_german_point_1_is_word_for_word_the_german_page_and_a_changed_word_fails():
    german, _modern = sun_joffe_texts()
    [point] = GERMAN_POINT.findall(SUN_JOFFE.text)
    assert "von Herrn Joffe vollkommen geteilt, der weiterhin der Ansicht ist" in point
    assert verbatim.check(point, german) == []
    for old, new in [("Herrn Joffe", "Herrn Sun"), ("dringendstes", "dringendes"), ("vollen", "ganzen")]:
        assert verbatim.check(point.replace(old, new), german) != [], new
    # the German stands in the excerpt outside square brackets, so the checker reads it
    assert point in BRACKETED.sub(" ", SUN_JOFFE.text)


def test_the_german_comes_with_the_kits_translation_and_the_book_keeps_its_own_date():
    german, _modern = sun_joffe_texts()
    translations = [w for w in BRACKETED.findall(SUN_JOFFE.text) if w.startswith("Translated for the kit")]
    assert len(translations) == 1 and "who is further of the view" in translations[0]
    assert SUN_JOFFE.text.index("„Dr. Sun Yat Sen") < SUN_JOFFE.text.index("[Translated for the kit")
    # the book's slip is the students' to find: in the excerpt and the key, never in what they read before it
    assert verbatim.check("die am 26. Januar 1926 veröffentlicht wurde", german) == []
    assert "26. Januar 1926" in SUN_JOFFE.text
    for field in ("title", "headnote", "purpose", "translation", "audience", "place"):
        assert "1926" not in getattr(SUN_JOFFE, field), field
    key = (kit.kit_root() / "lessons" / "keys" / f"{SUN_JOFFE.id}.md").read_text(encoding="utf-8")
    assert "26. Januar 1926" in key and "slip for 1923" in key


def test_the_modern_version_is_shown_as_one_to_check_and_quoted_nowhere_else():
    """Text B gives Sun the view Text A gives Joffe: the kit shows it to be checked, and no lesson, handout, pack
    or notebook quotes it for who said what."""
    _german, modern = sun_joffe_texts()
    assert verbatim.check("Dr Sun further believes that the most urgent problem China faces today", modern) == []
    assert "Dr Sun further believes" in SUN_JOFFE.text and "modern English version" in SUN_JOFFE.text
    root = kit.kit_root()
    own = {SUN_JOFFE.path, stored(SUN_JOFFE), *(root / "lessons" / part / f"{SUN_JOFFE.id}.md" for part in ("keys", "adapted"))}
    packed = {p for p in (root / "lessons" / "packs").glob("*") if SUN_JOFFE.id in p.read_text(encoding="utf-8")}
    places = [*(root / "lessons").rglob("*.md"), *(root / "notebooks").glob("*.ipynb"), *(root / "data").rglob("*.md"),
              root / "data" / "events.csv"]
    quoting = [p.relative_to(root).as_posix() for p in places
               if p not in own | packed and re.search(r"Dr Sun (further )?believes|Sun Yixian believes",
                                                     p.read_text(encoding="utf-8"))]
    assert quoting == []
