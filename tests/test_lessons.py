"""Lesson plans: every required part present, every cited event real, every link between kit files resolves."""

import json
import re
from pathlib import Path

import pytest

import breaking_isolation as kit
from breaking_isolation import country_study, vocabulary

ROOT = kit.kit_root()
import build_handouts  # noqa: E402

PLANS = sorted((ROOT / "lessons").glob("0*.md"))
REQUIRED = ["Central question", "Learning objectives", "Prerequisites", "Getting in", "Timing", "Historical thinking skills",
            "Activities", "Discussion questions", "Differentiation", "Formative check", "Summative task",
            "Curriculum alignment", "No-computer fallback", "Key points"]
SHEETS = ROOT / "lessons" / "answer-sheets"
EVENT_ID = re.compile(rf"`({vocabulary.EVENT_ID})`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def test_there_is_a_plan_per_notebook_and_one_on_the_source_text_and_one_on_documents():
    names = [p.name for p in PLANS]
    assert names == ["01-recognition.md", "02-network.md", "03-reading-the-country-study.md", "04-documents.md",
                     "05-china.md"]
    for notebook in ("01-recognition.ipynb", "02-network.ipynb", "03-china.ipynb"):
        assert any(notebook in p.read_text(encoding="utf-8") for p in PLANS), notebook


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_plan_has_every_part_in_order(plan):
    headings = [line[3:].strip() for line in plan.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
    assert headings == REQUIRED
    text = plan.read_text(encoding="utf-8")
    assert "50-minute" in text and "90-minute" in text          # both timings
    assert "| Question | Expected answer" in text              # discussion with expected answers
    assert "misconception" in text.lower()
    assert "Rubric" in text


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_the_phases_fill_a_50_minute_class_and_a_90_minute_block_with_set_up(plan):
    rows = [line.strip().strip("|").split("|") for line in _section(plan.read_text(encoding="utf-8"), "Timing")
            .splitlines() if line.startswith("| ") and not line.startswith("| Phase")]
    minutes = lambda cell: int(re.match(r"\s*(\d+) min", cell).group(1)) if "min" in cell else 0  # noqa: E731
    assert len(rows) >= 5
    # the first lesson's 10 minutes to log in and open the kit, in both versions: first, or just after settling in
    login = next(r for r in rows[:2] if "log in" in r[0].lower() or "log-in" in r[0].lower())
    assert (minutes(login[1]), minutes(login[2])) == (10, 10)
    assert sum(minutes(r[1]) for r in rows) == 50
    assert sum(minutes(r[2]) for r in rows) == 90


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_formative_check_has_a_key_and_marking_criteria(plan):
    check = _section(plan.read_text(encoding="utf-8"), "Formative check")
    assert "**Key.**" in check
    criteria = {line.split("|")[1].strip() for line in check.splitlines() if line.startswith("| ")}
    assert {"Secure", "Partly", "Not yet"} <= criteria
    assert len(EVENT_ID.findall(check)) >= 2  # the key cites the events that prove it


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_plan_ends_with_key_points(plan):
    points = [line for line in _section(plan.read_text(encoding="utf-8"), "Key points").splitlines()
              if line.startswith("- ")]
    assert 3 <= len(points) <= 7


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_plan_has_a_one_page_answer_sheet(plan):
    sheet = SHEETS / plan.name.replace(".md", "-answer-sheet.md").replace("reading-the-", "")
    assert sheet.exists(), sheet.name
    text = sheet.read_text(encoding="utf-8")
    assert f"answer-sheets/{sheet.name}" in plan.read_text(encoding="utf-8")   # the plan links it
    # student material names its lesson but never links the teacher's plan (the student edition leaves it out)
    assert f"For lesson {int(plan.name[:2])}" in text and f"](../{plan.name})" not in text
    printed = re.sub(r"<!--.*?-->", "", text)   # a writing box's size (<!-- lines: 3 -->) is not a word
    assert len(printed.split()) <= 450   # short; the printed pages are counted in tests/test_answer_sheets_print.py


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_the_summative_rubric_matches_the_task(plan):
    """An AP document-based task is marked with the AP rubric; a source evaluation with an origin-purpose one."""
    summative = _section(plan.read_text(encoding="utf-8"), "Summative task")
    if "Source evaluation" in summative:
        assert "document-based-question rubric" not in summative
        for criterion in ("Origin and purpose", "Value", "Limitations", "Judgement"):
            assert f"| {criterion} (" in summative
    else:
        assert "document-based-question rubric" in summative
        assert sum(int(m) for m in re.findall(r"\(0–(\d)\)", summative)) == 7


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_curriculum_links_include_ap_world_and_the_new_ib_guide(plan):
    alignment = _section(plan.read_text(encoding="utf-8"), "Curriculum alignment")
    assert "AP World History: Modern**, Unit 7" in alignment
    assert "August 2026" in alignment
    readme = (ROOT / "lessons" / "README.md").read_text(encoding="utf-8")
    assert "first teaching August 2026" in readme and "May 2028" in readme


@pytest.mark.parametrize("plan", PLANS + sorted((ROOT / "lessons" / "handouts").glob("*.md")), ids=lambda p: p.name)
def test_every_event_id_cited_exists(plan):
    known = set(kit.load().events["event_id"])
    cited = set(EVENT_ID.findall(plan.read_text(encoding="utf-8")))
    assert cited - known == set()


def test_handouts_are_what_the_data_says():
    for name, text in build_handouts.render().items():
        on_disk = (ROOT / "lessons" / "handouts" / name).read_text(encoding="utf-8")
        assert on_disk == text, f"{name} is stale: run make refresh"


def _section(text: str, heading: str) -> str:
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def test_the_country_study_answer_key_covers_the_known_errors():
    key = _section((ROOT / "lessons" / "03-reading-the-country-study.md").read_text(encoding="utf-8"),
                   "Discussion questions")
    # The five points the lesson exists for: the massacre's date, Rapallo's text, the first recognitions,
    # the name of the state in April 1922, and the order of the China debate and the Nationalists' triumph.
    for event_id in ("1926-canton-coup", "1927-shanghai-massacre", "1922-rapallo-treaty", "1922-junkers-fili",
                     "1924-britain-recognition", "1920-tartu-estonia", "1922-ussr-founded",
                     "1927-stalin-theses-china", "1928-nationalists-take-peking"):
        assert f"`{event_id}`" in key, event_id
    # And every event of a claim that the data judges wrong.
    wrong = [e for c in country_study.load_claims() if c.verdict == "wrong" for e in c.event_ids]
    assert len(wrong) > 0
    assert [e for e in wrong if f"`{e}`" not in key] == []


def test_the_card_key_is_what_the_data_says():
    """Lesson 3's card key is the claims file, one row per card of handout 3, in order, each with its reasoning."""
    plan = (ROOT / "lessons" / "03-reading-the-country-study.md").read_text(encoding="utf-8")
    data = kit.load()
    assert build_handouts.with_claim_key(plan, data) == plan, "run make refresh"
    claims = country_study.load_claims(data=data)
    rows = [r for r in plan.splitlines() if re.match(r"\| \d+ \| \"", r)]
    assert [int(r.split(" | ")[0].strip("| ")) for r in rows] == list(range(1, len(claims) + 1))
    for claim in claims:
        assert [e for e in claim.event_ids if f"`{e}`" not in claim.reasoning] == [], claim.id


def test_the_claim_cards_print_what_each_event_says():
    handout = build_handouts.render()["03-country-study-handout.md"]
    events = kit.load().events
    assert "| What happened |" in handout
    for description in events.loc[events["event_id"] == "1926-canton-coup", "description"]:
        assert description.replace("|", "\\|").split(".")[0] in handout


def test_the_documents_lesson_uses_two_documents_and_the_data():
    from breaking_isolation import documents, markup  # noqa: PLC0415

    plan = (ROOT / "lessons" / "04-documents.md").read_text(encoding="utf-8")
    known = {d.id for d in documents.load_documents()}
    linked = set(re.findall(r"\(\.\./data/documents/(doc-[\w-]+)\.md\)", plan))
    assert linked <= known and len(linked) >= 2
    assert "handouts/04-documents-handout.md" in plan
    handout = build_handouts.render()["04-documents-handout.md"]
    import build_packs  # noqa: PLC0415

    docs = {d.id: d for d in documents.load_documents()}
    for doc_id in build_packs.PACKS["04-documents"][1]:       # handout 4 is the lesson's document pack
        printed = re.sub(r"(?<![\\*])\*(?!\*)", r"\\*", handout)   # a document's italics as its escaped stars
        assert f"`{doc_id}`" in handout and markup.escape(docs[doc_id].text.split("\n")[0]) in printed  # as literal text
        assert doc_id in plan


def test_lessons_use_the_documents():
    for plan in PLANS[:2]:
        assert "../data/documents/doc-" in plan.read_text(encoding="utf-8"), plan.name


def test_the_source_text_is_quoted_exactly():
    """Every quotation of three words or more in lesson 3 is the Country Study's own words (capitals aside),
    unless it names a notebook section; the essay prompt and the curriculum units are left out."""
    flat = lambda s: " ".join(s.split())  # noqa: E731
    study = flat((ROOT / "data" / "source-text" / "country-study-1989.txt").read_text(encoding="utf-8")).lower()
    plan = (ROOT / "lessons" / "03-reading-the-country-study.md").read_text(encoding="utf-8")
    for heading in ("Summative task", "Curriculum alignment"):
        plan = plan.replace(_section(plan, heading), "")
    plan = plan.replace("data/documents/", "")  # document links are not quotations
    headings = {flat(h) for nb in NOTEBOOKS for h in _headings(nb)}
    quotes = [flat(q) for q in re.findall(r'"([^"]+)"', plan)]
    checked = [q for q in quotes if len(q.split()) >= 3 and q not in headings]
    assert len(checked) >= 5
    for quote in checked:  # capitals aside; a cut marked with "..." or "…"
        assert country_study.is_verbatim(quote.lower(), study), f"not in the Country Study: {quote!r}"


# --- sections and slides --------------------------------------------------------------------------------------

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NAMED = re.compile(r'(?:[Ss]ections?|[Ss]lides?|Notebook:) ((?:"[^"]+"(?:,? (?:and|or|also) )?)+)')


def _headings(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [line.lstrip("#").strip() for c in cells if c["cell_type"] == "markdown"
            for line in "".join(c["source"]).splitlines() if line.startswith("#")]


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_section_and_slide_a_plan_names_exists(plan):
    """A plan sends the teacher to sections and slides by title: each title is a heading of the notebook."""
    text = plan.read_text(encoding="utf-8")
    text = " ".join(text.replace(_section(text, "Curriculum alignment"), "").split())
    notebook = ROOT / "notebooks" / re.search(r"\.\./notebooks/(\d\d-[\w-]+\.ipynb)", text).group(1)
    headings = set(_headings(notebook)) | {"Foreign Policy, 1921-28"}  # and the source text's own section
    named = [title for group in NAMED.findall(text) for title in re.findall(r'"([^"]+)"', group)]
    assert len(named) >= 4
    assert [title for title in named if title not in headings] == []


def test_every_slide_deck_named_is_one_the_slide_build_writes():
    """Plans name decks as build/slides/<notebook>.slides.html: the notebook exists and has slide metadata."""
    import build_slides  # noqa: PLC0415

    import nbformat  # noqa: PLC0415

    named = {m for p in PLANS for m in re.findall(r"build/slides/([\w-]+)\.slides\.html", p.read_text("utf-8"))}
    assert named
    for stem in named:
        notebook = ROOT / "notebooks" / f"{stem}.ipynb"
        assert notebook.exists(), stem
        assert build_slides.has_slides(nbformat.read(notebook, as_version=4)), f"{stem} has no slides"


# --- links -------------------------------------------------------------------------------------------------


def _slug(heading: str) -> str:
    """The anchor GitHub and JupyterLab give a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _markdown_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def _anchors(path: Path) -> set[str]:
    """Headings' anchors (HTML in a heading left out), and explicit ones (`<a id="...">`, as the glossary has:
    JupyterLab keeps a heading's case in its anchor, so only an explicit one lands there and on GitHub)."""
    text = _markdown_of(path)
    headings = {_slug(re.sub(r"<[^>]+>", "", line.lstrip("#"))) for line in text.splitlines() if line.startswith("#")}
    return headings | set(re.findall(r'<a id="([^"]+)"', text))


DOCUMENTS = sorted([*ROOT.glob("*.md"), *(ROOT / "lessons").rglob("*.md"), *(ROOT / "data").glob("*.md"),
                    *(ROOT / "notebooks").glob("*.md"), *(ROOT / "notebooks").glob("*.ipynb")])


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_between_kit_files_resolves(document):
    broken = []
    for target in LINK.findall(_markdown_of(document)):
        if re.match(r"[a-z]+:", target):  # web addresses are not checked: the kit runs offline
            continue
        file_part, _, anchor = target.partition("#")
        linked = (document.parent / file_part).resolve() if file_part else document
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix in (".md", ".ipynb") and anchor not in _anchors(linked):
            broken.append(target)
    assert broken == []


def test_student_material_never_links_the_teachers_plans_or_keys():
    """Handouts, packs and answer sheets go to students: a link to a plan or a key would show them the answers."""
    material = [p for folder in ("handouts", "packs", "answer-sheets") for p in (ROOT / "lessons" / folder).glob("*.md")]
    assert len(material) >= 10
    teacher = re.compile(r"\]\((?:\.\./)+(?:lessons/)?(?:0\d-[\w-]+\.md|keys/)")
    assert [p.name for p in material if teacher.search(p.read_text(encoding="utf-8"))] == []


def test_every_handout_and_answer_sheet_has_a_clean_printable_copy():
    """The .html beside each handout and answer sheet is what the Markdown renders to, and prints no raw markup."""
    wanted = build_handouts.printables(build_handouts.render())
    assert len(wanted) >= 10
    for path, text in wanted.items():
        assert path.is_file() and path.read_text(encoding="utf-8") == text, f"{path.name}: run make refresh"
        shown = re.sub(r"<[^>]+>", " ", text.split("<body>", 1)[1])
        assert "\\*" not in shown and "|---" not in shown and "&lt;!--" not in shown, path.name
    assert "<table>" in wanted[ROOT / "lessons" / "handouts" / "04-documents-handout.html"]


def test_lesson_5_formative_key_names_table_b_first_turn_of_each_face():
    """The formative key is handout 5's table B: each face's first 1927 row that stops being cooperative."""
    from breaking_isolation import china  # noqa: PLC0415

    data = kit.load()
    turns = china.switches(china.backing_by_quarter(data.events, data.actors))
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    key = plan[plan.index("**Key.** Order:"):plan.index("| Mark | Criteria |", plan.index("**Key.** Order:"))]
    handout = build_handouts.render()["05-china-handout.md"]
    for face in (china.STATE, china.PARTY):
        first = turns[(turns["face"] == face) & (turns["quarter"].dt.year == 1927) & (turns["before"] == "cooperative")].iloc[0]
        assert f"`{first['set_by']}`" in key, f"the formative key should name {first['set_by']} ({face}, {first['side']})"
        assert first["set_by"] in handout


def test_lesson_5_keys_exercise_a_with_the_order_notebook_3_checks():
    """A teacher marking exercise A on paper has the thirteen turning points in the order figure 1 numbers them."""
    from breaking_isolation import china, china_charts  # noqa: PLC0415

    data = kit.load()
    answer = list(china_charts.numbered(china.lane_events(data.events, data.actors))["event_id"])
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    key = plan[plan.index("**Key to exercise A"):plan.index("**Key to exercise F")]
    assert EVENT_ID.findall(key) == answer


def test_lesson_5_formative_key_credits_the_chinese_act_behind_table_b_party_row():
    """Table B's party row turns with Moscow's answer; the Chinese act it answered is as secure, Wuhan only partly."""
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    key = plan[plan.index("**Key.** Order:"):plan.index("| Mark | Criteria |", plan.index("**Key.** Order:"))]
    party = key[key.index("*Party face:*"):]
    assert party.index("`1927-shanghai-massacre`") < party.index("`1927-wuhan-expels") < party.index("*Partly*")
    assert "table A lists" not in key


def test_exercise_c_names_each_document_by_its_letter_in_pack_5():
    """On paper, exercise C's documents are found by the pack's letters, read from build_packs.PACKS."""
    import build_packs  # noqa: PLC0415

    cells = {c.get("id"): "".join(c["source"])
             for c in json.loads((ROOT / "notebooks" / "03-china.ipynb").read_text(encoding="utf-8"))["cells"]}
    handout = build_handouts.render()["05-china-handout.md"]
    exercise = handout[handout.index("### Exercise C"):handout.index("\n## A.")]
    for text in (cells["c37"], exercise):
        for doc_id in build_packs.PACKS["05-china"][1]:
            assert text.count(f"{doc_id}.md) ({build_packs.reference(doc_id)})") == 1, doc_id


def test_lesson_5_activity_2_names_the_rows_of_notebook_3s_first_hostile_table():
    """Activity 2 names, from notebook 3's table of each lane's first hostile event of 1927, the Chinese lanes' rows
    that come before Moscow's first, and Moscow's first: the same rows the notebook computes from the data."""
    from breaking_isolation import china  # noqa: PLC0415

    data = kit.load()
    lanes = china.lane_events(data.events, data.actors)
    first = lanes[(lanes["date"].dt.year == 1927) & (lanes["tone"] == "hostile")].groupby("lane").head(1)
    moscow = first[first["lane"].isin([china.STATE, china.PARTY])].iloc[0]
    before = first[(first["date"] < moscow["date"]) & first["lane"].isin(china.CHINESE)]
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    activity = plan[plan.index("2. **The story"):plan.index("3. **Backing against power")]
    named = set(EVENT_ID.findall(activity))
    assert named == set(before["event_id"]) | {moscow["event_id"]}, (named, list(before["event_id"]), moscow["event_id"])


def test_handout_5_does_not_print_exercise_as_answer():
    """Exercise A asks for the turning points' order. The students' handout lists them lane by lane, unnumbered,
    so that the order is found from the dates, not read off a numbered list; notebook 3's check holds it."""
    from breaking_isolation import china, china_charts  # noqa: PLC0415

    data = kit.load()
    answer = list(china_charts.numbered(china.lane_events(data.events, data.actors))["event_id"])
    handout = build_handouts.render()["05-china-handout.md"]
    after_exercises = handout.split("### Exercise C", 1)[1]
    table = after_exercises.split("\n## A.", 1)[1].split("\n## ", 1)[0]
    listed = [e for e in re.findall(vocabulary.EVENT_ID, table) if e in answer]
    assert sorted(listed) == sorted(answer), listed
    assert listed != answer, "table A lists the turning points in exercise A's order"
    assert "| No. |" not in table


def test_the_moscow_debate_events_are_listed_once():
    """Notebook 3's debate table and handout 5's section D read the one list that exercise C's check reads."""
    from breaking_isolation import china_exercises  # noqa: PLC0415

    assert build_handouts.CHINA_DEBATE is china_exercises.DEBATE_EVENTS
    cells = json.loads((ROOT / "notebooks" / "03-china.ipynb").read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert any("DEBATE_EVENTS" in s for s in sources)
    for source in sources:  # no cell keeps its own copy of the list
        named = [e for e in china_exercises.DEBATE_EVENTS if f'"{e}"' in source]
        assert len(named) < 3, named


def test_lesson_5s_key_to_exercise_a_gives_each_turning_points_letter_on_figure_1():
    """Figure 1 letters the turning points in exercise A's shuffled order; the key gives each its letter."""
    from breaking_isolation import china, china_charts  # noqa: PLC0415

    data = kit.load()
    turns = china_charts.lettered(china.lane_events(data.events, data.actors))
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    key = plan[plan.index("**Key to exercise A"):plan.index("**Key to exercise F")]
    for row in turns.itertuples():
        assert f"{row.number}. `{row.event_id}` ({row.date_text}; figure 1's letter {row.letter})" in key
    assert "numbers its\n   ringed turning points in date order" not in plan


def test_lesson_5s_exit_slip_has_a_typeable_copy_and_asks_for_every_printed_sheet_put_away():
    """A student who works on a screen reader does the check on a typeable copy of one slip, which the plan's
    Differentiation offers with the other accessible copies; the slip and the plan put away the handout, the pack
    (its cards and headnotes date turning points) and the answer sheet, not the handout only."""
    import html

    slip = (ROOT / "lessons" / "answer-sheets" / "05-china-exit-slip.md").read_text(encoding="utf-8")
    form = html.unescape((ROOT / "lessons" / "answer-sheets" / "typeable" / "05-china-exit-slip.html")
                         .read_text(encoding="utf-8"))
    labels = re.findall(r'aria-label="([^"]*)"', form)
    events = re.search(r"\*\*1\..*\n\n\| (.*?) \|\n", slip).group(1).split(" | ")
    assert set(events) <= set(labels) and len(labels) == len(set(labels))      # one slip, each box once
    assert sum("Chinese side" in label for label in labels) == 2
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    differentiation = _section(plan, "Differentiation")
    assert "screen reader" in differentiation
    for copy in ("answer-sheets/typeable/05-china-exit-slip.html", "answer-sheets/typeable/05-china-answer-sheet.html",
                 "packs/05-china-pack.html", "handouts/05-china-handout.html"):
        assert f"({copy})" in differentiation and (ROOT / "lessons" / copy).is_file(), copy
    for words in (slip, _section(plan, "Formative check")):
        assert "turned over" not in words and "pack 5" in words and "answer sheet 5" in words


def test_lesson_4_sets_lesson_5s_reading_roles_and_groups():
    """Lesson 5's controversy starts from homework set in lesson 4: the plan hands out pack 5 and gives the roles and
    the groups, in its timing and its activities."""
    plan = (ROOT / "lessons" / "04-documents.md").read_text(encoding="utf-8")
    timing, activities = _section(plan, "Timing"), _section(plan, "Activities")
    assert "Set for next lesson" in timing and "**Set for next lesson" in activities
    step = activities.split("**Set for next lesson", 1)[1]
    assert "packs/05-china-pack.md" in step and "pair 1" in step and "groups" in step
    rows = re.findall(r"^\| [^|]+ \| (\d+ min|\(skip\)) \| (\d+) min \|$", timing, re.MULTILINE)
    assert sum(int(a.split()[0]) for a, _ in rows if a != "(skip)") == 50 and sum(int(b) for _, b in rows) == 90


def test_lesson_5s_short_version_names_the_two_turns_the_exit_slip_asks_about():
    """The 50-minute class skips figure 1 and the war scare; its figure-2 step names the two events of 1927 that the
    exit slip's second question asks for, by their ids, which the formative check's key gives."""
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    step = plan.split("3. **Backing against power", 1)[1].split("\n4. ", 1)[0]
    short = step.split("In the 50-minute class", 1)[1]
    key = _section(plan, "Formative check")
    for event_id in ("1927-peking-embassy-raid", "1927-stalin-theses-china"):
        assert f"`{event_id}`" in short and f"`{event_id}`" in key
    ids = set(kit.load().events["event_id"])
    assert set(re.findall(r"`(19\d\d-[\w-]+)`", short)) <= ids


def test_the_debates_outcomes_after_the_plenum_are_on_a_slip_of_their_own_not_in_handout_5():
    """Rounds 1 and 2 are argued as of the ECCI plenum, and students reason before they see what came next: handout
    5's section D prints the debate's events up to the plenum and none after it (no held-back page: the students'
    handout holds no consensus heading at all); the consensus slip, a built file of its own with a printable copy,
    prints every debate event dated after the plenum and only those; the plan and pack 5 link the slip, and the
    plan says to hand it out after round 2."""
    from breaking_isolation.loader import load  # noqa: PLC0415

    events = load().events.set_index("event_id")
    bound = events.loc[build_handouts.DEBATE_BOUND, "date"]
    later = [e for e in build_handouts.CHINA_DEBATE if events.loc[e, "date"] > bound]
    assert later, "no debate event after the plenum: nothing to set apart"
    built = build_handouts.render()
    handout, slip = built["05-china-handout.md"], built[build_handouts.CONSENSUS_SLIP]
    assert build_handouts.AFTER_THE_ROUNDS not in handout
    during = handout.split("## D.")[1]
    for event_id in build_handouts.CHINA_DEBATE:
        assert (f"| {event_id} |" in slip) == (event_id in later), event_id
        assert (f"| {event_id} |" in during) == (event_id not in later), event_id
    handouts = ROOT / "lessons" / "handouts"
    assert (handouts / build_handouts.CONSENSUS_SLIP).read_text(encoding="utf-8") == slip
    assert (handouts / build_handouts.CONSENSUS_SLIP.replace(".md", ".html")).is_file()
    plan = " ".join((ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8").split())
    assert f'"{build_handouts.AFTER_THE_ROUNDS}"' in plan and "after round 2" in plan
    assert f"(handouts/{build_handouts.CONSENSUS_SLIP})" in plan
    pack = (ROOT / "lessons" / "packs" / "05-china-pack.md").read_text(encoding="utf-8")
    assert f"(../handouts/{build_handouts.CONSENSUS_SLIP})" in pack


def test_lesson_5s_typeable_exit_slip_is_worded_for_a_laptop():
    """The typeable slip is typed on a laptop and handed in as a file: none of the paper slip's instructions to
    close laptops or cut along a line, and its first box is named "Name", not by the whole instruction paragraph."""
    import html

    form = html.unescape((ROOT / "lessons" / "answer-sheets" / "typeable" / "05-china-exit-slip.html")
                         .read_text(encoding="utf-8"))
    text = " ".join(re.sub(r"<[^>]+>", " ", form).split())
    for paper in build_handouts.SCREEN_WORDING:
        assert paper.removesuffix(" Name:") not in text, paper
    assert "Laptops closed" not in text and "cut along" not in text.lower()
    assert re.findall(r'aria-label="([^"]*)"', form)[:2] == ["Name", "Date"]
    assert "hand in the file" in text


def _handout_table(handout: str, section: str) -> list[dict[str, str]]:
    """The rows of a handout section's first table, each as {column heading: cell}."""
    block = handout.split(f"\n## {section}", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in block.splitlines() if line.startswith("|")]
    head = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(head, (cell.strip() for cell in line.strip("|").split("|")))) for line in lines[2:]]


def test_lesson_5s_key_to_exercise_b_reads_whom_each_event_was_with_or_against_from_handout_5s_tables_a_and_c():
    """Exercise B asks who acted against whom, from tables A and C; the key marks it (the massacre was aimed at the
    Communists, not at Moscow). So both tables say whom each event was with or against, from the data's tone (a
    partner is no target: no cooperative row reads "against", no hostile row "with"), and every event the key names
    'in tables A and C' is in one of them with the side the key says."""
    from breaking_isolation import china  # noqa: PLC0415

    data = kit.load()
    toward = china.with_or_against(data.events, data.actors)
    tone = dict(zip(data.events["event_id"], data.events["tone"].astype(str)))
    word = {"cooperative": "with ", "hostile": "against ", "neutral": "toward "}
    handout = build_handouts.render()["05-china-handout.md"]
    rows = {}
    for section in ("A.", "C."):
        table = _handout_table(handout, section)
        assert "With or against" in table[0], f"handout 5's table {section[0]} does not say whom each event was with"
        for row in table:
            assert row["With or against"] == toward[row["Event id"]], row["Event id"]
            assert row["With or against"].startswith(word[tone[row["Event id"]]]), row["Event id"]
            rows[row["Event id"]] = row
    assert "table A of handout 5" in handout and "table C" in handout and "who acted against whom" in handout
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    key = " ".join(plan[plan.index("**Key to exercise B"):plan.index("| Mark | Criteria for step 2 |")].split())
    named = EVENT_ID.findall(key.split("in tables A and C", 1)[1].split("In one sentence")[0])
    assert len(named) >= 5 and all(e in rows for e in named), [e for e in named if e not in rows]
    ccp = china.lane_of(data.actors)["ccp"]
    assert "aimed at the Communists" in key and rows["1927-shanghai-massacre"]["With or against"] == f"against {ccp}"


def test_answer_sheet_5s_question_2_links_each_document_of_pack_5_by_its_letter():
    """Question 2 asks for a line of a document with its letter: it links all four documents of the debate, each
    with the letter pack 5 prints (build_packs.PACKS), and its typeable copy's links reach the same files."""
    import build_packs  # noqa: PLC0415

    sheet = (SHEETS / "05-china-answer-sheet.md").read_text(encoding="utf-8")
    question = sheet[sheet.index("**2. The controversy**"):sheet.index("**3.")]
    for doc_id in build_packs.PACKS["05-china"][1]:
        letter = build_packs.reference(doc_id).split()[1]
        assert re.search(rf"\[{letter}, [^\]]+\]\(\.\./\.\./data/documents/{doc_id}\.md\)", question), doc_id
    form = (SHEETS / "typeable" / "05-china-answer-sheet.html").read_text(encoding="utf-8")
    for target in re.findall(r'href="([^"#]+)', form):
        assert (SHEETS / "typeable" / target).resolve().is_file(), target


def test_answer_sheet_5_names_the_exercises_its_questions_answer_and_shows_question_2s_criteria():
    """A student sees which notebook exercise each question answers: question 3, the shared claim, is the exercise
    of notebook 3 on whether the united front was a mistake; question 4 is the extension, the counterfactual
    exercise (the letters read from the notebook's headings). Question 2 has a line for round 2, when the pairs
    switch sides, and says what counts in it, with no answer."""
    cells = json.loads((ROOT / "notebooks" / "03-china.ipynb").read_text(encoding="utf-8"))["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    headings = {letter: f"{kind}: {title}"
                for letter, kind, title in re.findall(r"^### Exercise ([A-Z]) \(([^)]*)\): (.*)$", prose, re.M)}
    claim = next(letter for letter, text in headings.items() if "united front a mistake" in text)
    counterfactual = next(letter for letter, text in headings.items() if text.startswith("counterfactual"))
    sheet = (SHEETS / "05-china-answer-sheet.md").read_text(encoding="utf-8")
    q2, q3, q4 = (sheet[sheet.index(f"**{n}."):sheet.index(end)] for n, end in
                  ((2, "**3."), (3, "**4."), (4, "## ")))
    assert q3.startswith("**3. Our shared claim: exercise " + claim + "**"), q3[:60]
    assert q4.startswith(f"**4. Extension: exercise {counterfactual}, "), q4[:60]
    assert "**Round 2**" in q2 and "What counts in question 2" in q2
    # the criteria say what evidence and a restatement must be, not which events or lines are right
    criteria = q2[q2.index("What counts"):q2.index("My two strongest")]
    assert not re.search(r"19\d\d-[a-z]", criteria), criteria


# A pair named by a letter, which lesson 5's documents use ("pair A", "pairs A and B", "to A's satisfaction").
PAIR_LETTER = re.compile(r"\b[Pp]airs? [A-D]\b|\b[A-D]'s satisfaction")


def _lesson_5_texts() -> dict[str, str]:
    """What a teacher and students of lesson 5 read: the plans that run it or set it, its handouts, pack, sheets
    and keys, and notebook 3's cells (which make its deck and speaker notes)."""
    lessons = ROOT / "lessons"
    paths = [lessons / "04-documents.md", lessons / "05-china.md", *sorted(lessons.glob("*/05-china*.md")),
             *sorted((lessons / "keys").glob("doc-1927-*.md"))]
    texts = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in paths}
    cells = json.loads((ROOT / "notebooks" / "03-china.ipynb").read_text(encoding="utf-8"))["cells"]
    texts |= {f"notebook 3, cell {c.get('id')}": "".join(c["source"]) for c in cells}
    return texts


def test_lesson_5_numbers_its_pairs_and_letters_only_its_documents():
    """Documents A to D and pairs A and B read alike ("A presents"): the pairs are numbered, 1 and 2, everywhere
    lesson 5 names them, and the letters are the documents'."""
    texts = _lesson_5_texts()
    assert any("lessons/packs/" in name for name in texts) and any("cell" in name for name in texts)
    assert {name: PAIR_LETTER.findall(text) for name, text in texts.items() if PAIR_LETTER.search(text)} == {}
    plan = " ".join(texts["lessons/05-china.md"].split())
    assert "pair 1 will argue Stalin's line (documents A and C), pair 2 the Opposition's (documents B and D)" in plan
    assert "pair 1 in round 1, pair 2 in round 2" in texts["lessons/packs/05-china-pack.md"]


def test_the_pair_letter_probe_finds_a_lettered_pair():
    assert PAIR_LETTER.findall("Pair A presents; pair B restates to A's satisfaction") == ["Pair A", "pair B", "A's satisfaction"]
    assert not PAIR_LETTER.search("pair 1 reads documents A and C; document B")


def test_lesson_5s_speaker_notes_send_the_pairs_to_their_role_cards():
    """The plan runs the controversy from the role cards that head the halves of pack 5; the deck's speaker notes
    for the debate say so, with the letters of each side's documents."""
    cells = json.loads((ROOT / "notebooks" / "03-china.ipynb").read_text(encoding="utf-8"))["cells"]
    notes = ["".join(c["source"]) for c in cells if c.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes"]
    debate = " ".join(next(n for n in notes if "Be fair to both sides" in n).split())
    assert "role card" in debate and "pack 5" in debate
    assert "documents A and C" in debate and "B and D" in debate
    assert "role card" in _section((ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8"), "Activities")


def test_lesson_5_gives_the_screen_reader_student_the_notebook_and_the_documents_not_paper():
    """The student who uses a screen reader reads the lesson in notebook 3 (figures described)
    and the debate's four documents as pages of their own, each linked from the plan; the pack's HTML copy only for
    the role card."""
    import build_packs  # noqa: PLC0415

    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    differentiation = _section(plan, "Differentiation")
    student = " ".join(differentiation[differentiation.index("screen reader"):].split("\n- ")[0].split())
    assert "(../notebooks/03-china.ipynb)" in student and "build/" not in student  # build/ is not in the edition
    for doc_id in build_packs.PACKS["05-china"][1]:
        assert f"(../data/documents/{doc_id}.md)" in student, doc_id
    assert "lessons/adapted/" in student and "Role card" in student
    for target in LINK.findall(student):
        assert (ROOT / "lessons" / target.partition("#")[0]).exists(), target


# The kit's rule for Chinese places (the glossary's opening says it): pinyin in the kit's own words; a quotation
# keeps its own spelling, verbatim, and so do three events whose names historians give in the old spelling.
OLD_SPELLING = {"Peking": "Beijing", "Nanking": "Nanjing", "Canton": "Guangzhou", "Hankow": "Hankou"}
NAMED_IN_OLD_SPELLING = ("Canton coup", "Nanking Incident", "Canton Commune")
NOT_OURS = re.compile("|".join([
    r"<!-- The key to exercise A is written.*?<!-- end of the key to exercise A -->",  # the data's titles
    r"^\s*>.*$", r"`[^`]*`", r"\]\([^)]*\)",                      # blockquotes, ids and code, link targets
    r"“[^”]*”", r"\"[^\"\n]*\"", r"‘[^’]*’",                      # quotations
    r"\(then (?:often )?written [A-Z]\w+\)", r"the document spells [A-Z]\w+",  # a first mention's older spelling
    *NAMED_IN_OLD_SPELLING]), re.S | re.M)
OLD_PLACE = re.compile(rf"(?<![-\w/#])({'|'.join(OLD_SPELLING)})(?![-\w])")


def old_spellings(text: str) -> list[str]:
    """The older spellings of Chinese places in the kit's own words of `text`: what is left once quotations,
    ids, link targets, glosses and the events named in the old spelling are taken out."""
    return [m.group(0) for m in OLD_PLACE.finditer(NOT_OURS.sub(" ", text))]


def test_lesson_5_writes_chinese_places_in_pinyin_outside_quotations():
    """Lesson 5's plan, sheets, keys, adapted texts and notebook 3's prose write Beijing, Nanjing, Guangzhou and
    Hankou in their own words; Peking, Nanking, Canton and Hankow stay only in quotations, in the three events'
    names and where a first mention gives the older spelling. The glossary states the rule and explains each."""
    import build_packs  # noqa: PLC0415

    lessons = ROOT / "lessons"
    docs = [*build_packs.PACKS["05-china"][1], "doc-1923-sun-joffe-manifesto", "doc-1924-sino-soviet-agreement",
            "doc-1927-nanjing-break-statement"]
    paths = [lessons / "05-china.md", *sorted((lessons / "answer-sheets").glob("05-china*.md")),
             *(lessons / "keys" / f"{d}.md" for d in docs), *(lessons / "adapted" / f"{d}.md" for d in docs)]
    texts = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in paths if p.is_file()}
    cells = json.loads((ROOT / "notebooks" / "03-china.ipynb").read_text(encoding="utf-8"))["cells"]
    texts |= {f"notebook 3, cell {c.get('id')}": "".join(c["source"]) for c in cells if c["cell_type"] == "markdown"}
    found = {name: old_spellings(text) for name, text in texts.items()}
    assert {name: words for name, words in found.items() if words} == {}
    glossary = (ROOT / "notebooks" / "glossary.md").read_text(encoding="utf-8")
    rule = " ".join(glossary.split("\n## ", 1)[0].split())
    assert all(name in rule for name in NAMED_IN_OLD_SPELLING) and "pinyin" in rule
    for old, new in OLD_SPELLING.items():
        assert f'<a id="{old.lower()}"></a>{old}' in glossary and new in rule, old
    entries = re.split(r"\n## ", glossary.split("\n## ", 1)[1])
    ours = "\n".join(e for e in entries if e.split("</a>", 1)[-1].split("\n", 1)[0] not in OLD_SPELLING)
    assert old_spellings(ours) == []


def test_the_old_spelling_probe_finds_peking_in_the_kits_words_only():
    text = ('Moscow recognised Peking (`1927-peking-embassy-raid`); "the Peking government" said; '
            "Beijing (then often written Peking); the Canton Commune; the purge at Canton.")
    assert old_spellings(text) == ["Peking", "Canton"]


# A quotation in data/'s free text is in single quotes ("one dated Hankou has the crowd enter 'last evening'").
DATA_QUOTE = re.compile(r"(?<![\w’'])'(?:[^'\n]|'(?=\w))*'(?!\w)")
DATA_TEXT = {"events.csv": ("title", "description", "date_note"), "actors.csv": ("name", "note"),
             "country-study-claims.csv": ("reasoning",)}  # the claims' own column quotes the Country Study


def _outputs(cell) -> str:
    """What a code cell shows: its printed text, and each output's Markdown or, failing that, plain text."""
    shown = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        shown.append("".join(output.get("text", "")) + "".join(data.get("text/markdown", data.get("text/plain", ""))))
    return "\n".join(shown)


def kits_own_words() -> dict[str, str]:
    """Every text the kit writes in its own words: data/'s free text (not a document's excerpt, which is its source's
    text, verbatim), each lesson file (plans, sheets, keys, adapted texts, notes, built handouts and packs) and each
    notebook's Markdown and stored outputs."""
    import pandas as pd  # noqa: PLC0415

    texts = {}
    for name, columns in DATA_TEXT.items():
        table = pd.read_csv(ROOT / "data" / name, dtype=str, keep_default_na=False)
        for column in columns:
            for row, text in zip(table.iloc[:, 0], table[column]):
                texts[f"data/{name}, {row}, {column}"] = DATA_QUOTE.sub(" ", text)
    for path in sorted((ROOT / "data" / "documents").glob("doc-*.md")):  # the header, not the excerpt below it
        texts[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    for path in sorted((ROOT / "lessons").rglob("*.md")):
        texts[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"]) if cell["cell_type"] == "markdown" else _outputs(cell)
            texts[f"{path.name}, cell {cell.get('id')}"] = text
    return texts


def test_the_kit_writes_chinese_places_in_pinyin_in_its_own_words_everywhere():
    """Not only lesson 5: data/'s titles, descriptions and notes, the documents' headers, every lesson file, the
    built handouts and packs, and the notebooks' prose and outputs (rendered from the data) write Beijing, Nanjing,
    Guangzhou and Hankou; the older spellings stay in quotations, documents' excerpts and the three events' names."""
    found = {name: words for name, text in kits_own_words().items() if (words := old_spellings(text))}
    assert found == {}


def test_the_probe_of_the_kits_own_words_finds_an_old_spelling_in_data_and_outputs():
    texts = kits_own_words()
    assert any("1927-canton-purge, title" in name for name in texts)  # the data's titles are read
    assert any(name.startswith("03-china.ipynb") and "Hankou" in text for name, text in texts.items())  # outputs too
    assert old_spellings(DATA_QUOTE.sub(" ", "Crowds at Hankow; the cable dated 'Hankow, 5 January'")) == ["Hankow"]


def _lesson_5_timing_rows() -> list[list[str]]:
    timing = _section((ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8"), "Timing")
    return [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in timing.splitlines()
            if line.startswith("| ") and not line.startswith("| Phase")]


def test_lesson_5s_timing_settles_the_groups_before_the_reading():
    """The class sits in its groups first and then reads, so 28 students do not move after reading; the reading
    row says what it is in lesson 5, not the first lesson's log-in."""
    rows = _lesson_5_timing_rows()
    assert rows[0][0].startswith("Settle into the groups")
    assert rows[1][0].startswith("Reading (or log-in in a first lesson")


def test_lesson_5s_timing_has_a_no_homework_column_that_fills_50_minutes():
    """A lesson planned the night before had no homework: its column gives the reading more time, drops round 2
    from the start and still fills 50 minutes with the check."""
    rows = _lesson_5_timing_rows()
    minutes = lambda cell: int(re.match(r"(\d+) min", cell).group(1)) if re.match(r"\d+ min", cell) else 0  # noqa: E731
    assert all(len(row) == 4 for row in rows)
    assert sum(minutes(row[3]) for row in rows) == 50
    reading = next(row for row in rows if row[0].startswith("Reading"))
    assert minutes(reading[3]) > minutes(reading[1])
    assert minutes(next(row for row in rows if "round 2" in row[0])[3]) == 0
    assert minutes(next(row for row in rows if row[0].startswith("Formative check"))[3]) == 5


def test_lesson_5s_exit_slip_asks_only_about_events_the_50_minute_lesson_shows():
    """Question 1 of the exit slip orders events that the 50-minute class names (Activity 3's short version) or
    argues over in the rounds (handout 5's section D before the consensus), in the data's date order, one per
    column of the slip."""
    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    short = plan.split("3. **Backing against power", 1)[1].split("\n4. ", 1)[0].split("In the 50-minute class", 1)[1]
    rounds = build_handouts.render()["05-china-handout.md"].split("## D.")[1].split(build_handouts.AFTER_THE_ROUNDS)[0]
    shown = set(EVENT_ID.findall(short)) | set(EVENT_ID.findall(rounds))
    key = _section(plan, "Formative check")
    order = EVENT_ID.findall(key.split("**Key.** Order:", 1)[1].split("The faces", 1)[0])
    assert order and set(order) <= shown, set(order) - shown
    dates = kit.load().events.set_index("event_id").loc[order, "date"]
    assert list(dates) == sorted(dates), order
    slip = (SHEETS / "05-china-exit-slip.md").read_text(encoding="utf-8")
    columns = re.search(r"\*\*1\..*\n\n\| (.*?) \|\n", slip).group(1).split(" | ")
    assert len(columns) == len(order)


TURN = re.compile(r"the party face's tie to the Nationalists turned with (.*?), not at Moscow")


def test_lesson_5_says_one_thing_about_what_turned_the_party_faces_tie():
    """Activity 3, the exit slip's key and the key to exercise B give the same event for the turn of the party
    face's tie to the Nationalists, in the same words, and the key no longer says the theses answered other events."""
    plan = " ".join((ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8").split())
    activity = plan[plan.index("3. **Backing against power"):plan.index("4. **The war scare")]
    check = plan[plan.index("**Key.** Order:"):plan.index("| Mark | Criteria |", plan.index("**Key.** Order:"))]
    exercise_b = plan[plan.index("**Key to exercise B"):plan.index("| Mark | Criteria for step 2 |")]
    said = [TURN.findall(part) for part in (activity, check, exercise_b)]
    assert all(len(s) == 1 for s in said) and said[0] == said[1] == said[2], said
    assert "`1927-stalin-theses-china`" in said[0][0]
    assert "The theses answer the last two" not in plan


# What a row argued as of 30 May 1927 must not say: a later month of 1927, a later year, or "within weeks".
AFTER_MAY_1927 = re.compile(r"\b(?:June|July|August|September|October|November|December|19(?:2[89]|3\d)|within weeks)\b")


def test_handout_5s_rows_for_the_rounds_tell_nothing_after_the_plenum():
    """Rounds 1 and 2 are argued as of the ECCI plenum: the rows printed for them stop before any clause that tells
    what came after it (Wuhan's turn, Nanjing's break, Trotsky's hindsight), and say they were cut."""
    section = build_handouts.render()["05-china-handout.md"].split("## D.")[1]
    during = section.split(f"### {build_handouts.AFTER_THE_ROUNDS}")[0]
    rows = [line for line in during.splitlines() if re.match(r"\| 19\d\d", line)]
    assert rows
    for row in rows:
        assert not AFTER_MAY_1927.search(row.split(" | ")[2]), row
    assert "goes on past the plenum" in during and "appendix prints it whole" not in during


def test_handout_5s_appendix_stops_at_the_plenum_as_the_handout_does():
    """The appendix students read on the paper path prints every China event up to the ECCI plenum, the cut-off of
    handout 5's debate section (build_handouts.DEBATE_BOUND, read from the data), and none after it: nothing the
    consensus slip holds back until after round 2 is in it. Its opening gives the plenum's date from the data."""
    from breaking_isolation.loader import load  # noqa: PLC0415

    data = load()
    events = data.events.set_index("event_id")
    bound = events.loc[build_handouts.DEBATE_BOUND]
    built = build_handouts.render()
    appendix, slip = built["05-china-events.md"], built[build_handouts.CONSENSUS_SLIP]
    listed = re.findall(r"^\| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \| ([\w-]+) \|", appendix, re.MULTILINE)
    lanes = build_handouts._china_lanes(data)
    before = set(lanes.loc[lanes["date"] <= bound["date"], "event_id"])
    assert before and set(listed) == before, set(listed) ^ before
    assert all(events.loc[e, "date"] <= bound["date"] for e in listed)
    held_back = re.findall(r"^\| [^|]+ \| [^|]+ \| [^|]+ \| ([\w-]+) \|$", slip, re.MULTILINE)
    assert held_back and not set(held_back) & set(listed), set(held_back) & set(listed)
    assert f"It stops at the plenum of {bound['date_text']}," in appendix
    assert (ROOT / "lessons" / "handouts" / "05-china-events.md").read_text(encoding="utf-8") == appendix


def test_the_after_the_plenum_probe_finds_hindsight():
    assert AFTER_MAY_1927.search("within weeks the Wuhan leaders turned") and AFTER_MAY_1927.search("in December 1927")
    assert not AFTER_MAY_1927.search("published in Pravda on 21 April 1927; later that month")


def test_lesson_5s_screen_reader_route_names_only_the_student_editions_files_with_a_line_per_phase():
    """The screen-reader student works from the student edition the hub serves: the route names no built file
    (build/ is not in the edition), and gives one line for each phase of the 50-minute class."""
    import tomllib  # noqa: PLC0415

    plan = (ROOT / "lessons" / "05-china.md").read_text(encoding="utf-8")
    route = next(b for b in _section(plan, "Differentiation").split("\n- ") if "screen reader" in b)
    assert "build/" not in route
    edition = tomllib.loads((ROOT / "student-edition.toml").read_text(encoding="utf-8"))["include"]
    for link in re.findall(r"\]\(([^)#]+)\)", route):
        target = (ROOT / "lessons" / link).resolve().relative_to(ROOT).as_posix()
        assert any(target.startswith(folder) for folder in edition), target
    phases = re.findall(r"^  - \*([^*]+):\*", route, re.MULTILINE)
    assert [p.split()[0] for p in phases] == ["Settle", "Hook", "Figure", "Set-up", "Consensus", "Check"], phases


def test_the_documents_headers_and_notebook_3s_lanes_write_chinese_places_in_pinyin():
    """A document's header (who wrote it, where, for whom, the headnote, the questions) is the kit's own words and
    prints on every pack and handout that carries the document; notebook 3's lane names print in its figures and
    tables. Only the document's text, a quotation, keeps its own spelling."""
    from breaking_isolation import china, documents  # noqa: PLC0415

    fields = ("title", "author", "place", "audience", "purpose", "headnote", "translation")
    found = {f"{d.id} {f}": old_spellings(getattr(d, f)) for d in documents.load_documents() for f in fields}
    found |= {f"{d.id} question {n}": old_spellings(q) for d in documents.load_documents()
              for n, q in enumerate(d.questions, start=1)}
    found |= {f"lane {lane}": old_spellings(lane) for lane in china.LANES}
    assert {name: words for name, words in found.items() if words} == {}
