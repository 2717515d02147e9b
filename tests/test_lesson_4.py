"""Lesson 4 as a teacher prints and teaches it: what the printed pages show, the words they define, the plan's
keys and the accessible answer sheets."""

import html
import re

import pytest

import breaking_isolation as kit

ROOT = kit.kit_root()
LESSONS = ROOT / "lessons"
PLAN = LESSONS / "04-documents.md"
PRINTED = sorted([*(LESSONS / "handouts").glob("*.html"), *(LESSONS / "packs").glob("*.html")])
SHEETS_HTML = sorted((LESSONS / "answer-sheets").glob("*-answer-sheet.html"))


def _printed_text(path) -> str:
    """What a printed page shows: the HTML body without tags and without code (ids such as `doc-1924-...`)."""
    body = path.read_text(encoding="utf-8").split("<body>", 1)[1]
    body = re.sub(r"<code>.*?</code>", "", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


@pytest.mark.parametrize("page", PRINTED, ids=lambda p: p.name)
def test_no_markup_star_or_underscore_prints_on_a_handout_or_pack(page):
    """A document's italics (the Telegraph's introduction) print in italics, not between stars."""
    text = _printed_text(page)
    stray = re.findall(r".{0,30}[*_].{0,30}", text)
    assert not stray, f"{page.name} prints markup characters: {stray[:3]}"


@pytest.mark.parametrize("page", SHEETS_HTML, ids=lambda p: p.name)
def test_an_answer_sheet_prints_no_star_and_underscores_only_as_blanks(page):
    text = _printed_text(page)
    assert "*" not in text, page.name
    assert not re.search(r"(?<!_)_{1,2}(?!_)", text), f"{page.name} prints a stray underscore"


def test_the_telegraphs_introduction_prints_in_italics():
    for page in (LESSONS / "handouts" / "04-documents-handout.html", LESSONS / "packs" / "04-documents-pack.html"):
        assert "<em>We are informed by the Foreign Office" in page.read_text(encoding="utf-8"), page.name


# Britain and the USSR had chargés d'affaires in 1924-27 and first exchanged ambassadors after October 1929
# (1924-britain-relations, 1929-britain-restoration): no page may say ambassadors went home in 1927 or came back.
AMBASSADOR_ERRORS = re.compile(r"ambassadors go home|ambassadors (?:were )?exchanged again|ambassadors returned",
                               re.IGNORECASE)


def test_no_page_says_britain_and_moscow_had_ambassadors_before_1929():
    pages = [*LESSONS.rglob("*.md"), *(ROOT / "notebooks").glob("*.md")]
    wrong = [f"{p.relative_to(ROOT)}: {m.group()}" for p in pages for m in AMBASSADOR_ERRORS.finditer(p.read_text(encoding="utf-8"))]
    assert not wrong, wrong
    data = kit.load().events.set_index("event_id")
    assert "Ambassadors were exchanged only after the restoration of 1929" in data.at["1924-britain-relations", "description"]


def test_the_vocabulary_says_who_goes_home_when_relations_are_severed():
    for doc in ("doc-1927-commons-debate-break", "doc-1927-chamberlain-note"):
        text = (LESSONS / "adapted" / f"{doc}.md").read_text(encoding="utf-8")
        assert "**severance of diplomatic relations**: breaking off official contact; the two governments' envoys and " \
               "missions go home" in text, doc
    assert "exchanged for the first time" in PLAN.read_text(encoding="utf-8")


MARKING = LESSONS / "keys" / "04-documents-marking.md"


def _papers():
    """Each anchor paper of the marking guide: (its heading's total, its text, its marks by category)."""
    guide = MARKING.read_text(encoding="utf-8")
    papers = []
    for part in re.split(r"(?m)^## Anchor paper \d: ", guide)[1:]:
        total = int(re.match(r"[a-z ]+\((\d) of 7\)", part).group(1))
        text = " ".join(re.findall(r"(?m)^> ?(.*)$", part))
        marks = {c: int(m) for c, m in re.findall(r"(?m)^\| ([A-Z][\w /]+?) \| (\d)(?: of \d)? \|", part)}
        papers.append((total, text, marks, part))
    return papers


def test_each_anchor_papers_marks_add_up_to_its_total():
    papers = _papers()
    assert len(papers) == 2
    for total, _, marks, _ in papers:
        assert len(marks) == 5 and sum(marks.values()) == total, marks


def test_anchor_paper_1_earns_complexity_as_the_rubric_words_it():
    """The rubric's complexity point: long-term against immediate causes, or relations against recognition."""
    assert "distinguishes long-term from immediate causes" in PLAN.read_text(encoding="utf-8")
    total, text, marks, _ = _papers()[0]
    assert "1921" in text and "trigger" in text and "relations, not recognition" in text
    assert marks["Analysis and reasoning"] == 2


def test_anchor_paper_2_earns_no_thesis_point_without_saying_why_1924_ended_differently():
    """The rubric's thesis point weighs what changed against what stayed the same."""
    assert "against what stayed the same" in PLAN.read_text(encoding="utf-8")
    total, text, marks, _ = _papers()[1]
    assert "1924" not in text.split("So the break")[-1]
    assert marks["Thesis / claim"] == 0


def test_the_anchor_papers_say_of_the_raid_and_hankow_only_what_the_data_says():
    events = kit.load().events.set_index("event_id")
    assert "The document was not found." in events.at["1927-arcos-raid", "description"]
    assert events.at["1927-hankow-concession", "description"].startswith("Crowds entered the British concession")
    (_, text1, _, _), (_, text2, _, part2) = _papers()
    assert "seized" not in text1 and "crowds had entered the British concession" in text1
    assert "found evidence of spying" in text2
    marking = part2.split("found evidence of spying", 2)[-1]   # the marking after the paper quotes it
    assert "error" in marking and "not found" in marking


def test_the_plan_and_the_index_name_one_thing_to_print_for_the_documents():
    """Handout 4 is the pack plus the event table the corroboration needs: print it, not the pack."""
    plan = PLAN.read_text(encoding="utf-8")
    header = plan.split("## Central question")[0]
    assert "print handout 4, not the pack" in header
    index = (LESSONS / "README.md").read_text(encoding="utf-8")
    assert "for lesson 4 print handout 4" in index and "not `packs/04-documents-pack.md`" in index
    assert "## The events documents A and B bear on" in (LESSONS / "handouts" / "04-documents-handout.md").read_text(encoding="utf-8")
    assert "## The events" not in (LESSONS / "packs" / "04-documents-pack.md").read_text(encoding="utf-8")


def test_the_extension_page_and_the_differentiation_agree_on_document_c_in_50_minutes():
    extension = (LESSONS / "handouts" / "04-documents-extension.md").read_text(encoding="utf-8")
    assert "Not read in the 50-minute lesson" not in extension
    assert "document C for those who finish early in the 50-minute lesson" in extension
    differentiation = PLAN.read_text(encoding="utf-8").split("## Differentiation")[1].split("\n## ")[0]
    assert "early finishers in the 50-minute lesson" in differentiation and "document C" in differentiation


def test_discussion_questions_that_need_the_zinoviev_letter_are_marked_90_minutes_only():
    table = PLAN.read_text(encoding="utf-8").split("## Discussion questions")[1].split("\n## ")[0]
    for row in table.splitlines()[4:]:
        if "zinoviev" in row.lower() or "forged" in row.lower() or "Comintern" in row:
            assert row.startswith("| *(90 minutes only"), row


def test_the_canada_extension_says_what_the_data_says_of_its_envoys():
    events = kit.load().events.set_index("event_id")
    assert "diplomatic relations came only in 1942" in events.at["1924-canada-recognition", "description"]
    plan = PLAN.read_text(encoding="utf-8")
    assert "never\n  exchanged envoys" not in plan and "never exchanged envoys" not in plan
    assert "until diplomatic relations came in 1942 (`1924-canada-recognition`" in " ".join(plan.split()).replace(" (`", " (`")


def test_the_plan_dates_the_1924_note_as_its_header_does():
    """Dated 1 February; passed on in Moscow with a covering letter dated 2 February; printed in London that day."""
    from breaking_isolation import documents
    doc = {d.id: d for d in documents.load_documents()}["doc-1924-british-note-of-recognition"]
    assert doc.date == "1924-02-01" and "2 February" in doc.place and "2 February" in doc.headnote
    plan = " ".join(PLAN.read_text(encoding="utf-8").split())
    assert "printed the next day" not in plan
    assert ("a note dated 1 February, passed on in Moscow with a covering letter dated 2 February and printed in "
            "London that same day") in plan


def test_the_support_card_and_the_sourcing_key_name_the_day_the_headnote_gives_for_the_london_papers():
    """The note is dated 1 February and the London papers printed it on 2 February, the day Hodgson passed it on:
    "the next day" (after the note's date) beside the headnote's "that same day" (Hodgson's day) read as a
    contradiction. Every place names the day itself, from the document's header."""
    from breaking_isolation import documents
    doc = {d.id: d for d in documents.load_documents()}["doc-1924-british-note-of-recognition"]
    printed = "2 February"
    assert "London papers printed it on 2 February" in " ".join(doc.date_note.split())     # the source's day
    assert "next day" not in doc.audience and printed in doc.audience
    card = (LESSONS / "handouts" / "04-documents-support.md").read_text(encoding="utf-8")
    key = (LESSONS / "keys" / "fill-in-tables.md").read_text(encoding="utf-8")
    for text in (card, key):
        assert "published the next day" not in text
        assert f"| Audience | {' '.join(doc.audience.split())} |" in text


@pytest.mark.parametrize("page", [*(LESSONS / "packs").glob("*.md"), *(LESSONS / "handouts").glob("04-*.md")],
                         ids=lambda p: p.name)
def test_every_printed_document_gives_its_place_from_its_header_under_its_title(page):
    """The sourcing grid asks for date and place: a paper student reads the place where a screen shows it."""
    from breaking_isolation import documents, markup
    docs = {d.id: d for d in documents.load_documents()}
    text = page.read_text(encoding="utf-8")
    lines = re.findall(r"(?m)^\*[^*\n]+\*.*`(doc-[\w-]+)`$", text)
    assert lines or "## Document" not in text, page.name
    for line in re.finditer(r"(?m)^\*[^*\n]+\*(.*)`(doc-[\w-]+)`$", text):
        place = markup.escape(" ".join(docs[line.group(2)].place.split()).rstrip("."))
        assert f"Place: {place}." in line.group(1), (page.name, line.group(2))


# --- the answer sheets: a typeable copy of each, and sheet 4 sized for its answers --------------------------------

SHEETS_MD = sorted((LESSONS / "answer-sheets").glob("*-answer-sheet.md"))
SHEET_4 = LESSONS / "answer-sheets" / "04-documents-answer-sheet.md"


@pytest.mark.parametrize("sheet", SHEETS_MD, ids=lambda p: p.stem)
def test_every_answer_sheet_has_a_typeable_copy_with_a_labelled_box_for_every_blank(sheet):
    """A screen reader announces each box by the words of the sheet that ask for it; no blank is left as underscores."""
    form = (LESSONS / "answer-sheets" / "typeable" / sheet.with_suffix(".html").name).read_text(encoding="utf-8")
    body = form.split("<main>", 1)[1]
    boxes = re.findall(r"<(textarea|input)\b([^>]*)>", body)
    labels = [re.search(r'aria-label="([^"]+)"', attrs) for _, attrs in boxes]
    assert boxes and all(labels), sheet.name
    texts = [html.unescape(m.group(1)) for m in labels]
    assert len(set(texts)) == len(texts), f"{sheet.name}: two boxes share a label"
    assert all(re.search(r"[A-Za-z]", t) for t in texts)
    shown = html.unescape(re.sub(r"<[^>]+>", " ", body))
    assert "___" not in shown and "KIT" not in shown and "<!--" not in shown, sheet.name
    source = sheet.read_text(encoding="utf-8")
    blanks = len(re.findall(r"_{3,}", source)) + len(re.findall(r"(?m)^\|(?:[^|\n]*\|)+$", source))
    assert len(boxes) >= min(blanks, 1), sheet.name
    assert "http" not in form.split("<main>")[0] + form.split("</main>")[1], "nothing fetched from the network"


def test_sheet_4s_typeable_copy_names_each_box_by_its_question():
    form = html.unescape((LESSONS / "answer-sheets" / "typeable" / "04-documents-answer-sheet.html").read_text(encoding="utf-8"))
    for label in ("Purpose; Document A: British note, 1924", "How that shapes what it says (quote its words); Document B",
                  "A1: The note recognises", "B; Agree or differ? Why?", "My claim; My answer",
                  "(1) Back to the hook: can a state stop sending envoys"):
        assert f'aria-label="{label}' in form, label


def test_sheet_4s_typeable_boxes_for_document_questions_are_named_by_the_questions_words():
    """A screen reader announced "A1; My answer": the box for A1 now reads document A's question 1, from its header."""
    import build_packs
    from breaking_isolation import documents
    docs = {d.id: d for d in documents.load_documents()}
    form = html.unescape((LESSONS / "answer-sheets" / "typeable" / "04-documents-answer-sheet.html").read_text(encoding="utf-8"))
    rows = re.findall(r"(?m)^\| ([AB]\d) \|", SHEET_4.read_text(encoding="utf-8"))
    assert rows
    for row in rows:
        doc = docs[build_packs.PACKS["04-documents"][1][ord(row[0]) - ord("A")]]
        question = " ".join(doc.questions[int(row[1]) - 1].split())
        assert f'aria-label="{row}: {question}; My answer"' in form, row


@pytest.mark.parametrize("form", sorted((LESSONS / "answer-sheets" / "typeable").glob("*.html")), ids=lambda p: p.stem)
def test_a_typeable_sheet_saves_under_the_students_name_and_says_to_open_it_in_a_browser_tab(form):
    text = form.read_text(encoding="utf-8")
    labels = [html.unescape(m) for m in re.findall(r'aria-label="([^"]+)"', text)]
    assert any(re.search(r"(^|\. )Name$", label) for label in labels), form.name      # a box the script finds
    script = text.split("<script>")[1]
    assert "(^|\\. )Name$" in script and "a.download = (who + document.title)" in script
    assert "browser tab" in text and "JupyterLab" in text


def test_the_plan_offers_the_typeable_sheet_in_its_differentiation():
    differentiation = PLAN.read_text(encoding="utf-8").split("## Differentiation")[1].split("\n## ")[0]
    assert "answer-sheets/typeable/04-documents-answer-sheet.html" in differentiation
    assert "screen reader" in differentiation.lower()
    route = " ".join(differentiation.split())
    assert "school drive" in route and "browser tab" in route and "untrusted" in route and "named with" in route


def _sheet_sections(text: str) -> dict[str, str]:
    parts = re.split(r"(?m)^\*\*(\d\. [^*]+|Exit ticket\.)\*\*", text)
    return {parts[i].split(".")[0]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_sheet_4_asks_each_question_once_and_leaves_a2_and_b1_for_homework():
    sheet = SHEET_4.read_text(encoding="utf-8")
    sections = _sheet_sections(sheet)
    written = re.findall(r"(?m)^\| ([AB]\d) \|", sheet)
    assert written == ["A1", "B2", "A2", "B1"]                       # A2 and B1 once, in the homework section
    assert re.findall(r"(?m)^\| ([AB]\d) \|", sections["6"]) == ["A2", "B1"] and "Homework" in sheet
    assert "A3" not in re.findall(r"(?m)^\| ([AB]\d) \|", sheet) and "B3" not in written
    assert sheet.count("1929") == 1                                 # what 1929 restored: the grid's row only
    exit_ticket = sections["Exit ticket"]
    assert "recognition?" not in exit_ticket and "1929" not in exit_ticket
    assert "hook" in exit_ticket and "Document B" in exit_ticket
    plan = " ".join(PLAN.read_text(encoding="utf-8").split())
    assert "A2 and B1 are talked through aloud and written for homework" in plan
    assert "back to the hook: can a state stop sending envoys" in plan


def test_the_exit_ticket_is_on_a_slip_cut_off_below_the_homework():
    sheet = SHEET_4.read_text(encoding="utf-8")
    cut = sheet.index("<!-- cut:")
    assert sheet.index("**6. Homework**") < cut < sheet.index("**Exit ticket.**")
    printed = (LESSONS / "answer-sheets" / "04-documents-answer-sheet.html").read_text(encoding="utf-8")
    assert '<p class="cut">✂ cut here and hand in the exit ticket' in printed


def test_sheet_4s_boxes_are_sized_for_the_keys_answers():
    """Writing boxes, not blanks on a line: the sourcing, corroboration and claim have a box of several lines."""
    sheet = SHEET_4.read_text(encoding="utf-8")
    assert "Agree or differ? Why? ___" not in sheet and "Documents: ___" not in sheet
    rows = {m.group(1): [int(n) for n in re.findall(r"lines: (\d)", m.group(0))]
            for m in re.finditer(r"(?m)^\| ([^|]+?) \|.*$", sheet)}
    assert min(rows["How that shapes what it says (quote its words)"]) >= 4
    assert min(rows["A"]) >= 3 and min(rows["B"]) >= 3 and rows["My claim"] == [4]
    assert "write the letters A, B" in sheet


def test_the_exit_ticket_key_needs_the_event_id_and_says_how_to_mark_half_right():
    check = PLAN.read_text(encoding="utf-8").split("## Formative check")[1].split("**Key to the corroboration")[0]
    assert "Marking a half-right item" in check and "but no event id" in check
    assert "never makes the ticket secure" in check


def test_the_model_claim_cites_both_documents_and_two_event_ids_and_has_criteria():
    check = PLAN.read_text(encoding="utf-8").split("**Key to the claim")[1].split("**Key to the corroboration")[0]
    model = re.search(r'\*"(.+?)"\*', check, re.S).group(1)
    assert "document A" in model and "document B" in model
    assert len(set(re.findall(r"`(\d{4}-[a-z0-9-]+)`", model))) >= 2
    for mark in ("| Secure |", "| Partly |", "| Not yet |"):
        assert mark in check


def test_the_commons_key_does_not_mark_down_a_name_the_handout_never_gives():
    handout = (LESSONS / "handouts" / "04-documents-handout.md").read_text(encoding="utf-8")
    key = (LESSONS / "keys" / "doc-1927-commons-debate-break.md").read_text(encoding="utf-8")
    if "Austen Chamberlain" not in handout and "Foreign Secretary, Chamberlain" not in handout:
        assert "as Chamberlain's own words" not in key
        assert "Students need not name the Foreign Secretary" in key


def test_the_support_card_gives_a_sentence_to_finish_not_the_purpose():
    from breaking_isolation import documents
    doc = {d.id: d for d in documents.load_documents()}["doc-1924-british-note-of-recognition"]
    card = (LESSONS / "handouts" / "04-documents-support.md").read_text(encoding="utf-8")
    purpose = re.search(r"(?m)^\| Purpose \| (.+) \|$", card).group(1)
    key = (LESSONS / "keys" / "doc-1924-british-note-of-recognition.md").read_text(encoding="utf-8")
    meant = re.search(r"\*\*What it was meant to do\*\*.*?\): (.+)", key).group(1)
    assert " ".join(doc.purpose.split()) not in purpose and meant not in purpose
    assert "finish the sentence" in purpose


def test_the_event_tables_word_box_explains_the_hard_words_as_the_glossary_does():
    handout = (LESSONS / "handouts" / "04-documents-handout.md").read_text(encoding="utf-8")
    box = handout.split("| Word in the table | Meaning |")[1]
    for word in ("de facto", "chargé d'affaires", "recalled its mission", "great power"):
        assert f"| {word} |" in box, word
    glossary = (ROOT / "notebooks" / "glossary.md").read_text(encoding="utf-8")
    assert "one rank below them" in " ".join(glossary.split()) and "one rank below them" in box
    assert "Read the *Event* column first" in handout


# --- the plan as a teacher runs it tomorrow: what to print, Binder, the ids, the claim, the check ------------------

def _plan_part(heading: str) -> str:
    return PLAN.read_text(encoding="utf-8").split(f"## {heading}")[1].split("\n## ")[0]


def _handout_ids() -> set[str]:
    handout = (LESSONS / "handouts" / "04-documents-handout.md").read_text(encoding="utf-8")
    table = handout.split("## The events documents")[1]
    return set(re.findall(r"(?m)\| (\d{4}-[a-z0-9-]+) \|$", table))     # the table's last column, "Event id"


def test_what_to_print_names_pack_5_that_the_last_phase_hands_out_and_the_groups_to_plan():
    plan = PLAN.read_text(encoding="utf-8")
    to_print = " ".join(plan.split("**What to print**")[1].split("\n## ")[0].split())
    last_step = plan.split("**Set for next lesson")[1]
    assert "packs/05-china-pack.md" in last_step
    assert "packs/05-china-pack.md" in to_print and "05-china.md#getting-in" in to_print
    assert "groups of four on the seating plan" in to_print
    print_table = (LESSONS / "05-china.md").read_text(encoding="utf-8").split("## Getting in")[1].split("\n## ")[0]
    assert "Document pack 5" in print_table           # the pages and copies the link sends the teacher to


def test_binder_is_opened_for_the_corroboration_not_before_twenty_minutes_of_paper():
    """An idle Binder session ends after about ten minutes: a class that logs in first loses it while reading."""
    binder = " ".join(_plan_part("Getting in").split("- **Binder**")[1].split("\n- ")[0].split())
    assert "about ten minutes" in binder
    assert "do not open Binder at the start" in binder and "when the corroboration starts" in binder
    assert "01-recognition.ipynb" in binder            # the link opens 00-start-here
    assert "**On Binder**" in _plan_part("Timing")
    paper = " ".join(_plan_part("Getting in").split("- **Paper only:**")[1].split())
    assert "go paper only" in paper and "make served" in paper
    assert "build/links/handouts/04-documents-handout.html" in _plan_part("Getting in")   # make links writes it


def test_the_corroboration_takes_its_event_ids_from_handout_4s_table_which_holds_them():
    step = " ".join(_plan_part("Activities").split("4. **Corroborate.**")[1].split("\n5. ")[0].split())
    assert "event ids for the grid from the event table at the end of handout 4" in step
    assert "in `changes`" not in step
    ids = _handout_ids()
    assert {"1927-arcos-raid", "1924-britain-recognition", "1927-britain-breaks-relations"} <= ids
    label = kit.load().actors.set_index("actor_id").at["britain", "name"]
    assert f'called "{label}"' in step                  # the name the notebook's table gives Britain
    assert "Takeaway" in step                           # evidence before the conclusion


def test_the_claim_is_written_on_the_sheet_not_in_notebook_1s_exercise_4():
    plan = " ".join(PLAN.read_text(encoding="utf-8").split())
    claim = plan.split("6. **Claim.**")[1].split(" 7. ")[0]
    assert "answer sheet 4 (section 4), also in a class with computers" in claim
    assert "they enter it in the claim-and-evidence exercise" not in plan
    row = next(line for line in _plan_part("Timing").splitlines() if line.startswith("| Write the claim"))
    assert "notebook" not in row


def test_the_exit_tickets_secure_mark_asks_for_ids_handout_4_or_handout_1_prints():
    check = _plan_part("Formative check").split("**Key to the claim")[0]
    secure = next(line for line in check.splitlines() if line.startswith("| Secure |"))
    assert "an id that shows relations broken and recognition kept" not in secure
    named = set(re.findall(r"`(\d{4}-[a-z0-9-]+)`", secure))
    assert named and named <= _handout_ids()


def test_the_hook_compares_recognition_with_treating_a_head_as_the_real_head():
    hook = _plan_part("Activities").split("1. **Hook.**")[1].split("\n2. ")[0]
    assert "believing that school exists" not in hook and "the real head" in hook


def test_weaker_readers_get_a_trimmed_sourcing_grid_and_a_smaller_homework():
    support = " ".join(_plan_part("Differentiation").split("- **Support for weaker readers:**")[1].split())
    assert "only author, audience and purpose" in support and "A1 or B2, not both" in support
    assert "**Homework for weaker readers:**" in support and "not A2 and B1" in support
