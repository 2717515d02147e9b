"""The document set: the loader's rules on fixtures, and the live documents' invariants."""

import dataclasses
import re
import shutil
from pathlib import Path

import breaking_isolation as kit
import pandas as pd
import pytest
import readability
from breaking_isolation import documents
from breaking_isolation.loader import DataError, KitData

FIXTURES = Path(__file__).parent / "fixtures" / "documents"


def fixture_data() -> KitData:
    """Just enough of the kit's tables for the checks: two events, two sources."""
    events = pd.DataFrame({"event_id": ["1924-note", "1927-break"]})
    sources = pd.DataFrame({"source_id": ["src-a", "src-b"]})
    return KitData(events=events, actors=pd.DataFrame(), sources=sources)


def test_valid_fixtures_load_with_every_field():
    docs = documents.load_documents(FIXTURES / "valid", fixture_data())
    assert [d.id for d in docs] == ["doc-1924-sample-note", "doc-1927-second-note"]
    assert docs[0].words == 180
    assert docs[1].event_ids == ("1927-break",) and docs[1].source_ids == ("src-b",)
    assert docs[0].questions == ("Who wrote it?", "For whom?")
    assert documents.bearing_on("1927-break", docs) == [docs[1]]
    assert list(documents.as_table(docs)["words"]) == [180, 180]


# Each broken fixture has one fault; the error names its file, its field and (where there is one) its value.
BROKEN = {
    "doc-1924-unknown-event": ("event_ids", "1924-no-such-event", "not an event_id in events.csv"),
    "doc-1924-unknown-source": ("source_ids", "src-missing", "not a source_id in sources.csv"),
    "doc-1924-too-short": ("text", "40", "150 to 400 words"),
    "doc-1924-bad-licence": ("licence", "probably-fine", "public-domain, fair-use-quotation"),
    "doc-1925-wrong-year": ("id", "doc-1925-wrong-year", "doc-1924-"),
    "doc-1924-missing-headnote": ("headnote", None, "missing or empty"),
    "doc-1924-bad-line": (None, "place A capital", "neither 'field: value'"),
    "doc-1924-no-stored-text": ("stored_text", None, "names the file under sources/ it was cut from"),
    "doc-1924-fair-use-uncompared": ("compared_with", None, "which printed edition and page"),
}


def copy_fixture(folder: str, name: str, to: Path, as_name: str | None = None) -> None:
    """One fixture document, with the stored texts it may cite."""
    shutil.copy(FIXTURES / folder / f"{name}.md", to / f"{as_name or name}.md")
    shutil.copytree(FIXTURES / folder / "sources", to / "sources", dirs_exist_ok=True)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_broken_fixture_fails_with_a_message_that_names_the_problem(name, tmp_path):
    copy_fixture("broken", name, tmp_path)
    with pytest.raises(DataError) as caught:
        documents.load_documents(tmp_path, fixture_data())
    column, value, words = BROKEN[name]
    problem = caught.value.problems[0]
    assert problem.file == f"documents/{name}.md"
    assert (problem.column, problem.value) == (column, value)
    assert words in problem.message
    # one fault, one problem; a line that cannot be read also leaves its field missing
    assert len(caught.value.problems) == (2 if name == "doc-1924-bad-line" else 1)
    assert name in str(caught.value)


def test_all_problems_are_reported_at_once():
    with pytest.raises(DataError) as caught:
        documents.load_documents(FIXTURES / "broken", fixture_data())
    assert {p.file for p in caught.value.problems} == {f"documents/{n}.md" for n in BROKEN}


def test_a_file_renamed_away_from_its_id_is_caught(tmp_path):
    copy_fixture("valid", "doc-1924-sample-note", tmp_path, as_name="doc-1924-renamed")
    with pytest.raises(DataError, match="must match the file name"):
        documents.load_documents(tmp_path, fixture_data())


# --- the live documents --------------------------------------------------------------------------------------

LIVE = documents.load_documents()


def test_the_kit_has_at_least_ten_documents_and_each_passes_the_loader():
    assert len(LIVE) >= 10
    assert len({d.id for d in LIVE}) == len(LIVE)


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_every_live_document_is_a_cited_excerpt_of_the_right_length(doc):
    data = kit.load()
    assert documents.MIN_WORDS <= doc.words <= documents.MAX_WORDS
    assert set(doc.event_ids) <= set(data.events["event_id"])
    assert set(doc.source_ids) <= set(data.sources["source_id"])
    # the text read is a primary source
    kinds = data.sources.set_index("source_id").loc[list(doc.source_ids), "kind"].astype(str)
    assert "primary" in set(kinds), doc.id
    # a fair-use quotation says why it is fair; a public-domain text says why it is free
    assert len(doc.licence_reason.split()) >= 8
    # the date lies in the kit's period, context included
    assert 1917 <= int(doc.date[:4]) <= 1933


def test_the_documents_readme_lists_every_field():
    readme = (kit.data_dir() / "documents" / "README.md").read_text(encoding="utf-8")
    for name in documents.TEXT_FIELDS + documents.LIST_FIELDS + documents.OPTIONAL_FIELDS:
        assert f"| `{name}` |" in readme, name


def test_the_documents_cover_both_stories_and_the_dual_policy():
    """The issue's candidates the kit could verify: recognition, the 1927 break, China, the Comintern."""
    ids = {d.id for d in LIVE}
    for needed in ("doc-1924-british-note-of-recognition", "doc-1927-commons-debate-break",
                   "doc-1923-sun-joffe-manifesto", "doc-1924-zinoviev-letter"):
        assert needed in ids
    notes = [key_sections(d)[0] for d in LIVE if key_path(d).is_file()]
    assert sum(re.search(r"dual policy", note) is not None for note in notes) >= 3


# --- headnotes a class can read, and a key for every question --------------------------------------------------

MAX_HEADNOTE_WORDS, MAX_HEADNOTE_GRADE = 80, 10
# names of the kit's data columns and codes: a student reads plain words (and the glossary) instead
JARGON = re.compile(r"`|\b[a-z]+_[a-z_]+\b")
KEYS = kit.kit_root() / "lessons" / "keys"


def key_path(doc) -> Path:
    return KEYS / f"{doc.id}.md"


def key_sections(doc) -> tuple[str, list[str]]:
    """The teacher's note and the numbered answers of a document's key."""
    text = key_path(doc).read_text(encoding="utf-8")
    note = text.split("## Teacher's note", 1)[1].split("## Answers", 1)[0].strip() if "## Teacher's note" in text else ""
    answers = text.split("## Answers", 1)[1] if "## Answers" in text else ""
    return note, [m.group(2) for m in re.finditer(r"^(\d+)\. (.+)$", answers, re.MULTILINE)]


def test_the_readability_measure_tells_plain_prose_from_dense_prose():
    plain = "Britain broke with Moscow in May 1927. The police had raided a Soviet firm in London."
    dense = ("Notwithstanding the reciprocal undertakings of nineteen-twenty-one, His Majesty's Government's "
             "determination constituted an unequivocal repudiation of intergovernmental commercial obligations.")
    assert readability.grade(plain) < MAX_HEADNOTE_GRADE < readability.grade(dense)


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_every_headnote_is_short_plain_and_free_of_the_kits_codes(doc):
    assert readability.words(doc.headnote) <= MAX_HEADNOTE_WORDS, (doc.id, readability.words(doc.headnote))
    assert readability.grade(doc.headnote) <= MAX_HEADNOTE_GRADE, (doc.id, readability.grade(doc.headnote))
    assert not JARGON.search(doc.headnote), (doc.id, JARGON.search(doc.headnote).group())


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_every_question_has_a_key_in_the_teachers_material(doc):
    assert key_path(doc).is_file(), f"no key: write lessons/keys/{doc.id}.md"
    note, answers = key_sections(doc)
    assert len(note.split()) >= 20, f"lessons/keys/{doc.id}.md needs a teacher's note"
    assert len(answers) == len(doc.questions), (doc.id, len(answers), len(doc.questions))
    assert all(len(a.split()) >= 12 for a in answers), doc.id


def test_no_key_is_left_without_its_document():
    assert {p.stem for p in KEYS.glob("doc-*.md")} == {d.id for d in LIVE}


def test_students_never_meet_the_keys_in_the_documents_folder():
    """Teacher-only material lives in lessons/keys/, outside data/documents/, which students open."""
    for path in (kit.data_dir() / "documents").rglob("doc-*.md"):
        assert "## Teacher's note" not in path.read_text(encoding="utf-8"), path.name


# --- the body a student sees in JupyterLab ---------------------------------------------------------------------

def _build_documents():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_documents", kit.kit_root() / "tools" / "build_documents.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_documents_body_is_generated_from_its_header():
    """The title, headnote and questions a student sees are the header's, never retyped: run the tool to fix."""
    assert _build_documents().stale() == {}, "run: make refresh"


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_the_body_shows_title_author_date_headnote_and_every_question(doc):
    body = doc.path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert f"# {' '.join(doc.title.split())}\n" in body
    assert documents.written_date(doc.date) in body and " ".join(doc.headnote.split()) in body
    assert " ".join(doc.author.split()) in body
    before, after = body.split(doc.text, 1)               # the excerpt stands between head and questions
    assert "Before you read" in before and "## Questions" in after
    for number, question in enumerate(doc.questions, start=1):
        assert f"{number}. {' '.join(question.split())}" in after


def test_the_loader_reads_the_excerpt_only_and_the_tool_rewrites_a_stale_body(tmp_path):
    copy_fixture("valid", "doc-1924-sample-note", tmp_path)
    [plain] = documents.load_documents(tmp_path, fixture_data())
    path = tmp_path / "doc-1924-sample-note.md"
    path.write_text(documents.with_generated_body(path, plain), encoding="utf-8")
    [built] = documents.load_documents(tmp_path, fixture_data())
    assert built.text == plain.text and built.words == plain.words
    tool = _build_documents()
    assert tool.stale(tmp_path, fixture_data()) == {}
    path.write_text(path.read_text(encoding="utf-8").replace("title: A sample note", "title: A new title"))
    [stale] = tool.stale(tmp_path, fixture_data()).values()
    assert "# A new title\n" in stale and "# A sample note" not in stale


# --- what a student reads gives who, when and context, never the answer ------------------------------------------

# The header fields a student sees when opening the file (the body repeats the headnote); the author field is left
# out, since it must name the office the answers also name.
STUDENT_FIELDS = ("purpose", "headnote", "audience", "date_note", "place")
MAX_PURPOSE_WORDS = 25
# words that make a purpose an interpretation (a motive, an effect, a reason) rather than what the document is
MOTIVE = re.compile(r"\b(to show|to argue|to justify|to discredit|to explain|to reassure|to persuade|to prove|"
                    r"by blaming|by showing|while|so that|so as to|in order to|as used|above all|every word|why)\b",
                    re.IGNORECASE)
STOPWORDS = set("""a an the of and or to in on at by for from with as is was were be been it its this that these
those not no but which who whom what when why how than then there their they them he his she her we our you your i
into about after before over under between both each every any all one two three only also so such same other more
most less can could would should may might must will shall do did does has have had""".split())


def meant_to_do(doc) -> str:
    """What the document was meant to do, as its key gives it (the header says only what the document is)."""
    text = key_path(doc).read_text(encoding="utf-8")
    found = re.search(r"\*\*What it was meant to do\*\* \([^)]*\): (.+?)(?: \*\*Who it was for|\n\n)", text, re.DOTALL)
    return " ".join(found.group(1).split()) if found else ""


def content_trigrams(text: str) -> set[str]:
    """Runs of three content words, each cut to six letters (so "recognise" meets "recognition")."""
    words = [w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]
    return {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}


def giveaways(doc) -> dict[str, set[str]]:
    """For each student field, the runs it shares with the key's answers and not with what the student reads anyway
    (the excerpt, the questions, the title, the author line)."""
    _note, answers = key_sections(doc)
    keyed = set().union(*(content_trigrams(a) for a in answers))
    read = content_trigrams(" ".join([doc.text, *doc.questions, doc.title, doc.author]))
    found = {field: (content_trigrams(getattr(doc, field)) & keyed) - read for field in STUDENT_FIELDS}
    return {field: runs for field, runs in found.items() if runs}


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_every_key_says_what_the_document_was_meant_to_do_and_the_header_does_not(doc):
    purpose = meant_to_do(doc)
    assert len(purpose.split()) >= 10, f"lessons/keys/{doc.id}.md: give **What it was meant to do** (...): ..."
    header = " ".join(doc.purpose.split())
    assert len(header.split()) <= MAX_PURPOSE_WORDS, (doc.id, header)
    assert not MOTIVE.search(header), (doc.id, MOTIVE.search(header).group())
    assert header != purpose


@pytest.mark.parametrize("doc", LIVE, ids=lambda d: d.id)
def test_no_field_a_student_reads_gives_away_a_keyed_answer(doc):
    assert giveaways(doc) == {}, doc.id


def test_a_purpose_that_gives_away_the_answer_is_caught():
    """The purposes the headers gave before the interpretation moved to the keys fail both tests."""
    lenin = next(d for d in LIVE if d.id == "doc-1922-lenin-genoa-amendments")
    told = dataclasses.replace(lenin, purpose="To take out of the first Soviet speech at Genoa every word about "
                               "revolution and war, and to have the delegation speak as traders who support peaceful "
                               "settlements.")
    assert MOTIVE.search(told.purpose)
    nanjing = next(d for d in LIVE if d.id == "doc-1927-nanjing-break-statement")
    told = dataclasses.replace(nanjing, purpose="To justify closing every Soviet consulate and state agency in "
                               "Nationalist territory by blaming them for the Canton uprising.")
    assert giveaways(told) and MOTIVE.search(told.purpose)


# --- how many documents the kit says it has --------------------------------------------------------------------

NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"twenty-one": 21, "twenty-two": 22, "twenty-three": 23,
                                                     "twenty-four": 24, "twenty-five": 25, "thirty": 30}
# "all thirteen documents", "the kit's 21 documents": a number of ten or more before "documents" counts them all
COUNT = re.compile(r"\b(\d+|[a-z]+(?:-[a-z]+)?)\s+(?:primary\s+|historical\s+|source\s+)?documents\b", re.IGNORECASE)


def prose_files():
    root = kit.kit_root()
    skip = {".venv", ".venv-test", ".venv-uv", "node_modules", "build", ".git", "tests"}
    for path in root.rglob("*"):
        if path.suffix in {".md", ".ipynb", ".html", ".py"} and not skip & set(path.relative_to(root).parts):
            yield path


def counts_of_all_documents(text: str) -> list[int]:
    found = []
    for match in COUNT.finditer(" ".join(text.replace("\\n", " ").split())):
        word = match.group(1).lower()
        number = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        if number is not None and 10 <= number < 1000:     # not a year ("the 1924 documents")
            found.append(number)
    return found


def test_every_count_of_the_kits_documents_is_the_number_it_holds():
    wrong = {path.relative_to(kit.kit_root()).as_posix(): n for path in prose_files()
             for n in counts_of_all_documents(path.read_text(encoding="utf-8", errors="replace")) if n != len(LIVE)}
    assert wrong == {}, f"the kit holds {len(LIVE)} documents: {wrong}"


def test_a_stale_count_of_documents_is_caught_and_the_readme_lists_them_all():
    assert counts_of_all_documents('"All\\n",\n    "thirteen documents are listed"') == [13]
    assert counts_of_all_documents("the kit's 21 primary documents; two documents; the 1924 documents") == [21]
    readme = (kit.data_dir() / "documents" / "README.md").read_text(encoding="utf-8")
    assert f"The kit holds {len(LIVE)} documents" in readme
    assert all(f"]({d.id}.md)" in readme for d in LIVE)
