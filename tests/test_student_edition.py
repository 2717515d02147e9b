"""The student edition holds no key, verdict, model claim, speaker note or solution, and its builds delete nothing
they did not make."""

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "classroom"))
import student_edition  # noqa: E402

SETTING = student_edition.load_setting()
TEXT_FILES = (".md", ".ipynb", ".csv", ".txt", ".json", ".py", ".toml", ".yml")


def _plain(text: str) -> str:
    """Lower case, Markdown marks and line breaks gone: how a passage reads, wherever it was written."""
    text = re.sub(r"[*_`>#|\\\"“”]", " ", text)
    return " ".join(text.lower().split())


def _fragments(text: str) -> set[str]:
    """The passages of `text` long enough to be no accident: clauses of seven words or more (not questions,
    which the students are asked)."""
    pieces = re.split(r"(?<=[.;:?!])\s+|\s*\|\s*|\s\(\d\)\s|\n", text)
    return {_plain(p) for p in pieces if len(_plain(p).split()) >= 7 and not p.strip().endswith("?")
            and not TITLE.fullmatch(_plain(p))}


# A source's title and date, as a key lists its sources ("Chamberlain's note of warning, 23 February 1927"):
# the students' packs print the same titles, and a title gives nothing away.
TITLE = re.compile(r"[^,.;]{3,80}, \d{1,2} [a-z]+ \d{4}")


def _key_passages(plan: str) -> list[str]:
    """The keys of a lesson plan: paragraphs that begin "**Key" and the rows of its answer-key tables."""
    passages, in_key_table = [], False
    for block in re.split(r"\n\s*\n", plan):
        first = block.lstrip()
        if first.startswith("#"):
            in_key_table = "key" in first.lower() and "key points" not in first.lower()
            continue
        if first.startswith("**Key") or (in_key_table and first.startswith("|")):
            passages.append(block)
        elif first.startswith("The answer key") or "Expected answer" in first.split("\n", 1)[0]:
            passages.append(block)
    return passages


def secrets() -> dict[str, set[str]]:
    """Every passage of the kit that students must not see, by kind, less what the edition's own data quotes."""
    found: dict[str, set[str]] = {"keys and model claims": set(), "speaker notes": set(),
                                  "teacher cells (verdicts)": set(), "solutions": set()}
    for plan in sorted((ROOT / "lessons").glob("*.md")):
        text = plan.read_text(encoding="utf-8")
        for passage in _key_passages(text):
            found["keys and model claims"] |= _fragments(passage)
    for key in sorted((ROOT / "lessons" / "keys").rglob("*")) if (ROOT / "lessons" / "keys").is_dir() else []:
        if key.is_file():
            found["keys and model claims"] |= _fragments(key.read_text(encoding="utf-8"))
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(notebook, as_version=4).cells:
            tags = set(cell.metadata.get("tags", []))
            if cell.metadata.get("slideshow", {}).get("slide_type") == "notes":
                found["speaker notes"] |= _fragments(cell.source)
            elif "teacher" in tags:
                found["teacher cells (verdicts)"] |= _fragments(cell.source)
            elif "solution" in tags:
                found["solutions"] |= {_plain(line) for line in cell.source.splitlines()
                                       if len(line.strip()) > 12 and not line.strip().startswith("#")}
    # What students may read anyway: the data (the documents, the source text, the claims the Country Study
    # makes) and the kit's package quote themselves; the notebooks' shared lines (imports, `answer`) are no secret.
    public = " ".join(_plain(p.read_text(encoding="utf-8", errors="replace"))
                      for folder in (ROOT / "data", ROOT / "notebooks" / "breaking_isolation")
                      for p in folder.rglob("*") if p.is_file() and p.suffix in (".md", ".txt", ".csv", ".py"))
    shown = " ".join(_plain(cell.source) for nb in sorted((ROOT / "notebooks").glob("*.ipynb"))
                     for cell in nbformat.read(nb, as_version=4).cells
                     if not ({"solution", "teacher"} & set(cell.metadata.get("tags", [])))
                     and cell.metadata.get("slideshow", {}).get("slide_type") != "notes")
    for kind in found:
        found[kind] = {f for f in found[kind] if f not in public and (kind != "solutions" or f not in shown)}
    return found


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    target = tmp_path_factory.mktemp("out") / "student"
    student_edition.build_into(target)
    return target


def _readable(path: Path) -> str:
    """A file's text as a reader meets it: a notebook's cells and outputs, not its JSON."""
    if path.suffix != ".ipynb":
        return path.read_text(encoding="utf-8", errors="replace")
    cells = nbformat.read(path, as_version=4).cells
    outputs = [str(output.get("text", "")) + " " + " ".join(str(v) for v in output.get("data", {}).values())
               for cell in cells for output in cell.get("outputs", [])]
    return "\n".join([cell.source for cell in cells] + outputs)


def _edition_text(edition: Path) -> str:
    return " ".join(_plain(_readable(p)) for p in edition.rglob("*") if p.is_file() and p.suffix in TEXT_FILES)


def test_the_edition_holds_no_key_verdict_model_claim_note_or_solution(edition):
    hidden = secrets()
    counts = {kind: len(passages) for kind, passages in hidden.items()}
    print("passages searched for in the student edition:", counts)
    assert counts["keys and model claims"] >= 40 and counts["speaker notes"] >= 20 and counts["solutions"] >= 10
    text = _edition_text(edition)
    leaks = {kind: sorted(p for p in passages if p in text)[:3] for kind, passages in hidden.items()}
    assert not any(leaks.values()), leaks


def test_the_probe_finds_a_key_left_in(tmp_path):
    """The search can fail: an edition that kept lesson 1's plan shows its keys."""
    target = tmp_path / "student"
    leaky = student_edition.Setting(SETTING.include + ("lessons/",), SETTING.exclude, SETTING.drop_cell_tags,
                                    SETTING.cleared_cell_tags, SETTING.withhold_columns)
    student_edition.build_into(target, setting=leaky)
    text = _edition_text(target)
    assert any(p in text for p in secrets()["keys and model claims"])


def test_the_edition_holds_only_what_students_need(edition):
    files = sorted(p.relative_to(edition).as_posix() for p in edition.rglob("*") if p.is_file())
    assert not [f for f in files if re.match(r"lessons/[^/]+\.md$", f)], "lesson plans"
    assert not [f for f in files if f.startswith(("lessons/keys/", "tests/", "tools/build", "tools/classroom/"))]
    for needed in ("notebooks/01-recognition.ipynb", "notebooks/glossary.md", "data/events.csv",
                   "data/documents/README.md", "lessons/handouts/01-recognition-handout.md",
                   "lessons/answer-sheets/01-recognition-answer-sheet.md", "requirements.txt", "postBuild"):
        assert needed in files, needed


# A relative link as a reader follows it: Markdown's [words](target), HTML's href= and src=.
RELATIVE_LINKS = (re.compile(r"\]\(([^)\s]+)\)"), re.compile(r"""(?:href|src)=["']([^"']+)["']"""))


def dangling_links(edition: Path) -> list[str]:
    """Every relative link of the edition's Markdown, HTML and notebooks (their Markdown cells) whose file is not
    in the edition: 'where: target'."""
    found = []
    for path in sorted(p for p in edition.rglob("*") if p.suffix in (".md", ".html", ".ipynb")):
        texts = ([c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]
                 if path.suffix == ".ipynb" else [path.read_text(encoding="utf-8")])
        for text in texts:
            for target in (t for pattern in RELATIVE_LINKS for t in pattern.findall(text)):
                file = target.partition("#")[0].partition("?")[0]
                if file and not re.match(r"[a-z]+:", target) and not (path.parent / file).exists():
                    found.append(f"{path.relative_to(edition).as_posix()}: {target}")
    return found


def test_every_relative_link_of_the_edition_leads_to_a_file_it_holds(edition):
    """A student who follows a link of the edition (the documents' README to the keys, a typeable answer sheet to
    the documents) finds its file: a link to what the edition leaves out keeps its words and loses its target."""
    assert dangling_links(edition) == []
    readme = (edition / "data" / "documents" / "README.md").read_text(encoding="utf-8")
    assert "`lessons/keys/<id>.md`" in readme and "(../../lessons/keys/)" not in readme


def test_the_link_probe_finds_a_link_to_a_file_the_edition_lacks(edition, tmp_path):
    (tmp_path / "a.md").write_text("[the key](keys/x.md) [here](#top) [web](https://example.org)", encoding="utf-8")
    (tmp_path / "b.html").write_text('<a href="../missing.md">x</a>', encoding="utf-8")
    assert dangling_links(tmp_path) == ["a.md: keys/x.md", "b.html: ../missing.md"]


def test_no_verdict_column_carries_a_value(edition):
    """Every column named for a verdict is empty in the students' data (the lesson asks them to reach it)."""
    checked = 0
    for path in edition.rglob("*.csv"):
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        for column in [c for c in (rows[0].keys() if rows else []) if "verdict" in c.lower()]:
            checked += 1
            assert {row[column] for row in rows} == {""}, f"{path.name}: {column}"
    assert checked >= 1


def test_a_renamed_withheld_column_stops_the_build():
    with pytest.raises(ValueError, match="no such column"):
        student_edition.withheld_csv("a,b\n1,2\n", ("verdict",), "data/x.csv")


# --- make student --out: nothing deleted that it did not make ---------------------------------------------


def _run_build(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "build_student.py"), "--out", str(out)],
                          capture_output=True, text=True)


@pytest.mark.parametrize("folder", ["notebooks", "data", "lessons", ".", "build", "tools"])
def test_out_refuses_the_kits_own_folders(folder):
    with pytest.raises(student_edition.RefusedTarget):
        student_edition.check_target(ROOT / folder)


def test_out_refuses_a_folder_holding_anything_else_and_deletes_nothing(tmp_path):
    mine = tmp_path / "essays"
    mine.mkdir()
    (mine / "essay.md").write_text("my essay")
    done = _run_build(mine)
    assert done.returncode == 2 and "refused" in done.stderr and "nothing was deleted" in done.stderr
    assert (mine / "essay.md").read_text() == "my essay" and len(list(mine.iterdir())) == 1


def test_out_replaces_an_earlier_build_but_not_a_file_added_to_it(tmp_path):
    out = tmp_path / "student"
    student_edition.build_into(out)
    student_edition.build_into(out)  # an earlier build: replaced
    assert (out / student_edition.STAMP).is_file()
    (out / "notebooks" / "my-notes.ipynb").write_text("{}")
    with pytest.raises(student_edition.RefusedTarget, match="my-notes"):
        student_edition.check_target(out)
    assert (out / "notebooks" / "my-notes.ipynb").is_file()


def test_out_refuses_the_kit_through_the_command_line():
    done = _run_build(ROOT / "notebooks")
    assert done.returncode == 2 and (ROOT / "notebooks" / "01-recognition.ipynb").is_file()


# --- the repository students pull (served_repo.py) ---------------------------------------------------------

import served_repo  # noqa: E402

IDENTITY = {"GIT_CONFIG_GLOBAL": "", "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": ""}


@pytest.fixture
def signed(monkeypatch, tmp_path):
    """A teacher whose git knows a name and address (in a global setting of the test's own)."""
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Teacher\n\temail = teacher@school.invalid\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    return config


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts)


def test_an_update_holds_the_edition_only_and_never_brings_back_what_it_leaves_out(signed, tmp_path):
    folder = tmp_path / "edition"
    assert "new commit" in served_repo.update_edition(folder)
    files = _files(folder)
    assert not [f for f in files if re.match(r"lessons/[^/]+\.md$", f) or f.startswith(("tests/", "lessons/keys/"))]
    assert "notebooks/01-recognition.ipynb" in files and "data/events.csv" in files
    # A teacher's earlier edition held the lesson plans; the update takes them out and does not commit them again.
    (folder / "lessons" / "01-recognition.md").write_text("# plan with a key\n")
    served_repo.git("add", "--all", cwd=folder)
    served_repo.git("commit", "--quiet", "-m", "an old edition with a plan", cwd=folder)
    assert "new commit" in served_repo.update_edition(folder)
    assert not (folder / "lessons" / "01-recognition.md").exists()
    assert served_repo.git("status", "--porcelain", cwd=folder) == ""
    assert "already holds" in served_repo.update_edition(folder)
    assert served_repo.git("rev-list", "--count", "HEAD", cwd=folder).strip() == "3"


def test_an_update_refuses_uncommitted_changes_before_touching_anything(signed, tmp_path):
    folder = tmp_path / "edition"
    served_repo.update_edition(folder)
    (folder / "notebooks" / "01-recognition.ipynb").write_text("a student's work")
    head = served_repo.git("rev-parse", "HEAD", cwd=folder)
    with pytest.raises(served_repo.Refused, match="not committed"):
        served_repo.update_edition(folder)
    assert (folder / "notebooks" / "01-recognition.ipynb").read_text() == "a student's work"
    assert served_repo.git("rev-parse", "HEAD", cwd=folder) == head


def test_an_update_refuses_a_teacher_git_does_not_know(monkeypatch, tmp_path):
    for variable, value in IDENTITY.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-such-config"))
    folder = tmp_path / "edition"
    with pytest.raises(served_repo.Refused, match="user.name"):
        served_repo.update_edition(folder)
    assert not folder.exists()


def test_an_interrupted_update_leaves_the_repository_as_it_was(signed, tmp_path, monkeypatch):
    folder = tmp_path / "edition"
    served_repo.update_edition(folder)
    before = (served_repo.git("rev-parse", "HEAD", cwd=folder), _files(folder))

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(served_repo.student_edition, "write_edition", interrupted)
    with pytest.raises(KeyboardInterrupt):
        served_repo.update_edition(folder)
    assert (served_repo.git("rev-parse", "HEAD", cwd=folder), _files(folder)) == before
    assert served_repo.git("status", "--porcelain", cwd=folder) == ""


def test_start_here_says_where_work_is_kept_truly_wherever_it_is_opened(edition, tmp_path):
    """Notebook 0 is opened from the kit's notebooks/ (a teacher), from the student edition's notebooks/ (a plain
    JupyterLab on build/student/, where no working copies are made) and as a working copy in my-work/ (make lab, a
    hub, Binder). It may not say "this notebook is your own copy" as a fact: it says how to tell, and what to do
    when it is open from notebooks/."""
    import shutil  # noqa: PLC0415

    sys.path.insert(0, str(ROOT / "jupyter"))
    import kit_server  # noqa: PLC0415

    served = tmp_path / "served"
    shutil.copytree(edition, served)
    kit_server.make_working_copies(served)
    places = {"the kit's notebooks/": ROOT / "notebooks", "the edition's notebooks/": edition / "notebooks",
              "a working copy in my-work/": served / "my-work"}
    for place, folder in places.items():
        cells = nbformat.read(folder / "00-start-here.ipynb", as_version=4).cells
        prose = " ".join(" ".join(c.source.split()) for c in cells if c.cell_type == "markdown")
        assert "This notebook is your own copy" not in prose, place
        claims = [s for s in re.split(r"(?<=[.:;])\s+", prose) if "your own copy" in s]
        assert claims and all("my-work/" in s for s in claims), (place, claims)  # only when it is there
        assert "Save Notebook As" in prose and "In `notebooks/`" in prose, place
