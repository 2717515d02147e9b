"""What keeps a student's kernel light: the kit imports only what a notebook uses, reads its data once per
kernel (and again when a file changes), and works a tie's timeline out without re-reading its events."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

import breaking_isolation as kit
from breaking_isolation import data_cache, loader, network_model

ROOT = Path(__file__).resolve().parents[1]


def test_notebooks_0_and_1_do_not_import_networkx():
    # What notebooks 0 and 1 touch: the package, its charts and recognition, the country study, and every
    # exercise check (the registry reads all the exercise modules, the network's among them).
    script = ("import sys, breaking_isolation as kit\n"
              "kit.load(); kit.charts; kit.recognition; kit.country_study; kit.checks.registry()\n"
              "kit.check('recognition-evidence', {'claim': 'x', 'events': []})\n"
              "print('networkx' in sys.modules)\n"
              "kit.network\n"
              "print('networkx' in sys.modules)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks"), "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split()[-2:] == ["False", "True"], done.stdout  # and kit.network still brings it in


def test_every_lazy_name_of_the_package_is_there():
    for name in kit.LAZY:
        assert getattr(kit, name).__name__ == f"breaking_isolation.{name}"
        assert name in dir(kit)


def test_the_kits_data_is_read_once_and_again_when_a_file_changes(tmp_path, monkeypatch):
    shutil.copytree(kit.data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("*.txt", "*.md"))
    monkeypatch.setattr(loader, "default_data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr(loader, "_LOADED", {})
    reads = []
    real = loader._load
    monkeypatch.setattr(loader, "_load", lambda folder: reads.append(folder) or real(folder))

    first = kit.load()
    first.events.loc[first.events.index[0], "title"] = "changed in a notebook"  # a student's own copy
    second = kit.load()
    assert len(reads) == 1
    assert second.events["title"].iloc[0] != "changed in a notebook"

    events = tmp_path / "data" / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    events.write_text("".join(lines[:-1]), encoding="utf-8")  # a teacher takes the last event out
    third = kit.load()
    assert len(reads) == 2 and len(third.events) == len(second.events) - 1


def test_bad_kit_data_is_not_kept(tmp_path, monkeypatch):
    shutil.copytree(kit.data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("*.txt", "*.md"))
    monkeypatch.setattr(loader, "default_data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr(loader, "_LOADED", {})
    events = tmp_path / "data" / "events.csv"
    good = events.read_text(encoding="utf-8")
    events.write_text(good.replace(",cooperative,", ",friendly,", 1), encoding="utf-8")
    for _ in range(2):  # the error comes back every time, until the file is mended
        try:
            kit.load()
        except kit.DataError as error:
            assert "friendly" in str(error)
        else:
            raise AssertionError("bad data loaded")
    events.write_text(good, encoding="utf-8")
    assert "friendly" not in set(kit.load().events["tone"].astype(str))


def test_the_checked_data_is_kept_for_the_next_kernel_and_read_afresh_when_anything_changes(tmp_path, monkeypatch):
    shutil.copytree(kit.data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("*.txt", "*.md"))
    monkeypatch.setattr(loader, "default_data_dir", lambda: tmp_path / "data")
    monkeypatch.setenv("BREAKING_ISOLATION_CACHE", str(tmp_path / "cache"))
    reads = []
    real = loader._load
    monkeypatch.setattr(loader, "_load", lambda folder: reads.append(folder) or real(folder))

    monkeypatch.setattr(loader, "_LOADED", {})  # a kernel: reads, checks and keeps the data
    first = kit.load()
    monkeypatch.setattr(loader, "_LOADED", {})  # the next kernel: the kept tables, equal to the first
    second = kit.load()
    assert len(reads) == 1 and len(list((tmp_path / "cache").glob("data-*.pickle"))) == 1
    for table in ("events", "actors", "sources"):
        assert getattr(first, table).equals(getattr(second, table))
        assert list(getattr(first, table).dtypes) == list(getattr(second, table).dtypes)

    events = tmp_path / "data" / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    events.write_text("".join(lines[:-1]), encoding="utf-8")  # a teacher takes the last event out
    monkeypatch.setattr(loader, "_LOADED", {})
    third = kit.load()
    assert len(reads) == 2 and len(third.events) == len(second.events) - 1
    assert len(list((tmp_path / "cache").glob("data-*.pickle"))) == 1  # the old tables are not kept beside

    monkeypatch.setattr(data_cache, "PACKAGE", tmp_path)  # other code (here: none) reads it afresh
    data_cache.name.cache_clear()
    monkeypatch.setattr(loader, "_LOADED", {})
    kit.load()
    data_cache.name.cache_clear()
    assert len(reads) == 3

    for kept in (tmp_path / "cache").glob("data-*.pickle"):
        kept.write_bytes(b"cut short")
    monkeypatch.setattr(loader, "_LOADED", {})
    assert len(kit.load().events) == len(third.events) and len(reads) == 4  # a broken file: read afresh


def test_bad_data_is_not_kept_for_the_next_kernel(tmp_path, monkeypatch):
    shutil.copytree(kit.data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("*.txt", "*.md"))
    monkeypatch.setattr(loader, "default_data_dir", lambda: tmp_path / "data")
    monkeypatch.setenv("BREAKING_ISOLATION_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(loader, "_LOADED", {})
    events = tmp_path / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",cooperative,", ",friendly,", 1), encoding="utf-8")
    try:
        kit.load()
    except kit.DataError:
        pass
    else:
        raise AssertionError("bad data loaded")
    assert not list((tmp_path / "cache").glob("data-*.pickle"))


def test_each_step_of_a_timeline_is_the_sign_of_the_events_so_far():
    data = kit.load()
    pairs = network_model.event_pairs(data.events, data.actors)
    ties = 0
    for _, group in pairs.groupby(["u", "v"]):
        for day, sign, count in network_model.timeline(group["date"], group["tone"], group["kind"]):
            so_far = group[group["date"] <= pd.Timestamp(day)]
            assert (sign, count) == (network_model.sign_of(so_far["date"], so_far["tone"], day, so_far["kind"]),
                                     len(so_far))
        ties += 1
    assert ties > 20



def test_the_kits_import_sets_what_it_imported_aside_from_the_collector_and_leaves_it_on_or_off():
    # The collector's later sweeps look only at what the notebook makes (breaking_isolation/__init__.py says why).
    script = ("import gc\n"
              "{before}\n"
              "import breaking_isolation\n"
              "print(gc.isenabled(), gc.get_freeze_count(), len(gc.get_objects()))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks"), "MPLBACKEND": "Agg"}
    for before, enabled in (("", "True"), ("gc.disable()", "False")):
        done = subprocess.run([sys.executable, "-c", script.format(before=before)], capture_output=True, text=True,
                              env=env, check=True)
        collecting, frozen, swept = done.stdout.split()
        assert collecting == enabled  # a program that turned the collector off finds it still off
        assert int(frozen) > 100_000 and int(swept) < 1_000, done.stdout  # pandas, matplotlib, the kit: set aside


def test_a_claim_checks_names_are_worked_out_once_per_actors_table_and_afresh_when_it_changes():
    from breaking_isolation import checks, ties_said

    data = kit.load()
    names = ties_said.actor_names(data.actors)
    names["a name of my own"] = "ussr"  # a caller's copy: what is kept is not changed
    assert "a name of my own" not in ties_said.actor_names(data.actors)
    assert ties_said.actor_names(data.actors) == ties_said.actor_names.__wrapped__(data.actors)
    assert checks.names_of(data.actors) == checks.names_of.__wrapped__(data.actors)
    assert ties_said._family(data) == ties_said._family.__wrapped__(data)

    edited = kit.load()  # a notebook renames an actor and moves another under it: read afresh
    actor = edited.actors["actor_id"].iloc[0]
    edited.actors.loc[edited.actors.index[0], "name"] = "Ruritania"
    edited.actors.loc[edited.actors.index[1], "belongs_to"] = actor
    assert ties_said.actor_names(edited.actors)["ruritania"] == actor
    assert checks.names_of(edited.actors)["ruritania"] == actor
    assert edited.actors["actor_id"].iloc[1] in ties_said._family(edited)[actor]
    assert "ruritania" not in ties_said.actor_names(data.actors)


def test_while_a_check_reads_one_answer_each_table_s_cells_are_read_once(monkeypatch):
    from breaking_isolation import by_table, ties_said

    keys = []
    real = by_table.key
    monkeypatch.setattr(by_table, "key", lambda table, columns: keys.append(columns) or real(table, columns))
    data = kit.load()
    with by_table.one_reading():
        for _ in range(3):
            ties_said.actor_names(data.actors)
        assert len(keys) == 1
    ties_said.actor_names(data.actors)  # outside a reading the table may have changed: read again
    assert len(keys) == 2
    kit.checks.verdict("recognition-evidence", {"claim": "Britain recognised the USSR in 1924.",
                                                "events": ["1924-britain-recognition"]})
    assert len(keys) <= 12  # one key for each kept function and table, not one for each rule that asks


SET_HELP = """
import inspect, sys
import breaking_isolation as kit
import matplotlib.pyplot as plt
from matplotlib.artist import kwdoc
from matplotlib.patches import Annulus, Wedge

made = lambda cls: type(vars(cls).get("set")).__name__
before = (made(Wedge), made(Annulus))
fig, ax = plt.subplots()
wedge = ax.add_patch(Wedge((0, 0), 1, 0, 90))
wedge.set(linewidth=3, edgecolor="red")  # a first use makes Wedge's set(), with matplotlib's own help
assert wedge.get_linewidth() == 3 and made(Wedge) == "function" and made(Annulus) == "_SetLater"
assert Wedge.set.__qualname__ == "Wedge.set" and Wedge.set._autogenerated_signature
assert Wedge.set.__doc__.startswith("Set multiple properties at once.") and Wedge.set.__doc__.endswith(kwdoc(Wedge))
assert "linewidth" in inspect.signature(Wedge.set).parameters
assert "width" in inspect.signature(Annulus.set).parameters and made(Annulus) == "function"  # help asked for: made

class Mine(Wedge):  # a class of the notebook's own gets a set() of its own, as in matplotlib
    pass

Mine((0, 0), 1, 0, 90).set(alpha=0.5)
assert Mine.set.__qualname__ == "Mine.set" and "linewidth" in inspect.signature(Mine.set).parameters


class Bare(Wedge):  # a subclass that skips matplotlib's making of its set(): the parent's is used, as in matplotlib
    def __init_subclass__(cls):
        pass

class Skips(Bare):  # no set() of its own: Skips.set is Bare's
    pass

wedge = Skips((0, 0), 1, 0, 90)
Skips.set(wedge, alpha=0.25)
assert wedge.get_alpha() == 0.25
print(*before)
"""


def test_matplotlib_s_set_help_is_made_on_first_use_and_is_matplotlib_s_own():
    # matplotlib writes the help of every artist class's set() as it is imported, 0.1 CPU seconds of every
    # kernel (set_help_later.py); the kit has it written the first time a class's set() is used or looked at.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks"), "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", SET_HELP], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["_SetLater", "_SetLater"]


def test_a_check_not_answered_yet_reads_the_exercises_the_last_kernel_kept(tmp_path):
    # The first kernel reads every exercise module (a claim check does) and keeps each exercise's name and form; the
    # next kernel's check of `...` says the same, without importing the claim checks. A slip in a name is still told.
    script = ("import sys, breaking_isolation as kit\n"
              "kit.check(sys.argv[1], ...)\n"
              "print('breaking_isolation.evidence' in sys.modules)\n"
              "kit.check('network-evidnce', ...)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks"), "MPLBACKEND": "Agg",
           "BREAKING_ISOLATION_CACHE": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script, name], capture_output=True, text=True, env=env, check=True)
            for name in ("recognition-evidence", "network-evidence", "network-evidence")]
    assert len(list((tmp_path / "cache").glob("exercises-*.pickle"))) == 1
    first, second, third = (run.stdout for run in runs)
    assert "\nTrue\n" in first and "\nFalse\n" in second and "\nFalse\n" in third  # the first read them all
    assert "Not answered yet" in second and "Did you mean 'network-evidence'" in second
    env["BREAKING_ISOLATION_CACHE"] = "0"  # nothing kept: the checks say the same, reading the modules
    fresh = subprocess.run([sys.executable, "-c", script, "network-evidence"], capture_output=True, text=True,
                           env=env, check=True).stdout
    assert fresh.replace("\nTrue\n", "\nFalse\n") == second and "\nTrue\n" in fresh


COMPILED_AT_IMPORT = """
import os, re, re._compiler as compiler, sys
import pandas, matplotlib.pyplot  # what a notebook has imported before the kit

RE = os.path.dirname(re.__file__)
real, compiled = compiler.compile, []


def counting(pattern, flags=0):  # every re.compile, re.search(...) of a new pattern: count the kit's own
    frame = sys._getframe(1)
    while frame.f_code.co_filename.startswith(RE):
        frame = frame.f_back
    if "breaking_isolation" in frame.f_code.co_filename:
        compiled.append(pattern)
    return real(pattern, flags)


compiler.compile = counting
import breaking_isolation as kit
kit.checks.registry()  # imports every exercise module, the claim checks among them
print(len(compiled), sum(name.startswith("breaking_isolation.") for name in sys.modules))
"""


def test_importing_the_claim_checks_compiles_next_to_no_regular_expression():
    # Their some 300 patterns are compiled on first use (patterns.py): at import they were most of its cost.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks"), "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", COMPILED_AT_IMPORT], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    compiled, modules = map(int, done.stdout.split())
    assert modules > 40  # the claim checks were imported
    assert compiled <= 5, done.stdout


def test_notebook_3_s_import_of_the_debate_s_events_does_not_bring_in_the_claim_checks():
    # Notebook 3 takes DEBATE_EVENTS from china_exercises; the claim checks it uses (most of the kit's code) are
    # imported when exercise G's conditions are checked, not with it.
    script = ("import sys\n"
              "from breaking_isolation.china_exercises import DEBATE_EVENTS\n"
              "print(*sorted(m for m in sys.modules if m.startswith('breaking_isolation.')))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "notebooks"), "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    imported = {name.removeprefix("breaking_isolation.") for name in done.stdout.split()}
    assert "china_exercises" in imported
    assert not imported & {"claim_form", "claim_people", "misconceptions", "outcomes", "ties_said", "evidence"}, imported


def test_a_pattern_is_not_compiled_for_a_text_that_cannot_hold_a_match():
    import re

    from breaking_isolation.patterns import lazy, needed_words

    first = lazy(r"\b(?:was|were)\s+the\s+first\s+(?:state\s+)?to\s+recogni[sz]e", re.IGNORECASE)
    assert first.search("Britain broke off relations with the USSR in 1927.") is None
    assert first.findall("Britain broke off relations in 1927.") == []
    assert first.sub("X", "Britain broke off relations.") == "Britain broke off relations."
    assert "compiled" not in vars(first)  # no text held a word every match needs
    assert first.search("Germany WAS THE FIRST to recognise the USSR.").group(0) == "WAS THE FIRST to recognise"
    assert "compiled" in vars(first)
    kelvin = lazy("k", re.IGNORECASE)  # outside ASCII a letter may match another ignoring case: compiled, asked
    assert needed_words(kelvin.pattern, re.IGNORECASE) == {"k"} and kelvin.search("\u212a") is not None
    assert needed_words(r"(?:a|b*)c?") is None  # it matches "" too: no word is needed
    lookahead = needed_words(r"x(?=.*\b(?:kmt|kuomintang)\b)")  # a lookahead that must hold looks at the text too
    assert lookahead and all(any(word in name for word in lookahead) for name in ("kmt", "kuomintang"))


def test_every_pattern_of_the_claim_checks_finds_nothing_in_a_text_without_the_words_it_needs():
    # the words each pattern is said to need, against the compiled pattern, on every claim of the walk and title
    import csv
    import importlib
    import pkgutil
    import re

    from breaking_isolation import patterns

    found = {}
    for module in pkgutil.iter_modules(kit.__path__):
        for value in vars(importlib.import_module(f"breaking_isolation.{module.name}")).values():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, patterns.Lazy):
                    found[item.pattern, item._flags] = patterns.needed_words(item.pattern, item._flags)
    assert len(found) > 200 and sum(bool(words) for words in found.values()) > 0.8 * len(found)
    with (ROOT / "tests" / "fixtures" / "walk" / "answers.csv").open(newline="", encoding="utf-8") as table:
        texts = [row["answer"] for row in csv.DictReader(table)] + list(kit.load().events["title"].astype(str))
    for (pattern, flags), words in found.items():
        compiled = re.compile(pattern, flags)
        for text in texts:
            if words and text.isascii() and not any(word in text.lower() for word in words):
                assert compiled.search(text) is None, (pattern, words, text)



def test_while_a_check_reads_one_answer_what_rules_work_out_from_the_data_is_worked_out_once(monkeypatch):
    from breaking_isolation import by_table, misconceptions, recognition

    asked = []
    real = recognition.standing_changes
    monkeypatch.setattr(recognition, "standing_changes", lambda *args: asked.append(1) or real(*args))
    data = kit.load()
    with by_table.one_reading():
        first = misconceptions.first_recognitions(data)
        first["britain"]["de_jure"] = ("my own", "copy")  # a caller's copy: what is kept is not changed
        assert misconceptions.first_recognitions(data) != first
        assert misconceptions.first_recognitions(data) == misconceptions.first_recognitions.__wrapped__(data)
    assert len(asked) == 2  # once kept, once unwrapped
    misconceptions.first_recognitions(data)  # outside a reading the data may have changed: worked out again
    assert len(asked) == 3


def test_the_documents_are_read_once_and_kept_for_the_next_kernel_and_read_afresh_when_a_file_changes(
        tmp_path, monkeypatch):
    # Reading them (every line's characters, ftfy for garbled text) was a tenth of a CPU second of each kernel
    # that checks a claim, twice in notebook 3; what is checked against the data is checked on every call.
    from breaking_isolation import documents

    shutil.copytree(kit.data_dir() / "documents", tmp_path / "documents")
    monkeypatch.setenv("BREAKING_ISOLATION_CACHE", str(tmp_path / "cache"))
    reads = []
    real = documents.read_document
    monkeypatch.setattr(documents, "read_document", lambda path, problems: reads.append(path) or real(path, problems))
    data = kit.load()
    monkeypatch.setattr(documents, "_READ", {}, raising=False)  # a kernel
    first = documents.load_documents(tmp_path / "documents", data)
    count = len(reads)
    assert count == len(first) > 10
    assert documents.load_documents(tmp_path / "documents", data) == first and len(reads) == count
    monkeypatch.setattr(documents, "_READ", {}, raising=False)  # the next kernel: what the first kept
    assert documents.load_documents(tmp_path / "documents", data) == first and len(reads) == count
    assert len(list((tmp_path / "cache").glob("documents-*.pickle"))) == 1

    missing = data.events[data.events["event_id"] != first[0].event_ids[0]].reset_index(drop=True)
    with_one_event_less = kit.KitData(events=missing, actors=data.actors, sources=data.sources)
    try:  # checked against the data on every call, whatever was kept
        documents.load_documents(tmp_path / "documents", with_one_event_less)
    except kit.DataError as error:
        assert first[0].event_ids[0] in str(error)
    else:
        raise AssertionError("a document citing an event the data lacks was let through")

    path = first[0].path
    path.write_text(path.read_text(encoding="utf-8").replace("\n---\n", "\nplace: \u00c3\u00a9\n---\n", 1),
                    encoding="utf-8")  # a teacher's edit, saved with a wrong character set
    for _ in range(2):  # read afresh, and its problem told every time: it is never kept
        monkeypatch.setattr(documents, "_READ", {}, raising=False)
        try:
            documents.load_documents(tmp_path / "documents", data)
        except kit.DataError as error:
            assert path.name in str(error)
        else:
            raise AssertionError("a garbled document was let through")
    assert len(reads) == count + 2 * len(first)


def test_the_words_a_pattern_needs_are_kept_for_the_next_kernel(tmp_path, monkeypatch):
    from breaking_isolation import patterns

    monkeypatch.setenv("BREAKING_ISOLATION_CACHE", str(tmp_path / "cache"))
    parsed = []
    real = patterns.needed_words
    monkeypatch.setattr(patterns, "needed_words", lambda pattern, flags=0: parsed.append(pattern) or real(pattern, flags))
    for _ in range(2):  # a kernel, then the next: the pattern is read once
        monkeypatch.setattr(patterns, "_NEEDED", {}, raising=False)
        monkeypatch.setattr(patterns, "_PROGRAMS", {}, raising=False)
        monkeypatch.setattr(patterns, "_state", {"read": False, "new": False}, raising=False)
        moscow = patterns.lazy(r"\bMoscow('s)? (recognised|recognized)\b")
        assert moscow.search("Britain recognised the USSR in 1924.") is None
        assert moscow.search("Then Moscow recognised Mongolia").group(0) == "Moscow recognised"
        patterns.keep()
    assert parsed == [moscow.pattern]
    assert len(list((tmp_path / "cache").glob("patterns-*.pickle"))) == 1


def test_the_checks_read_the_kits_data_in_one_spelling_once_while_its_files_are_unchanged(monkeypatch):
    from breaking_isolation import spellings

    made = []
    real = spellings.data_as_kit
    monkeypatch.setattr(spellings, "data_as_kit", lambda data: made.append(data) or real(data))
    monkeypatch.setattr(spellings, "_KIT_VIEW", {}, raising=False)
    for _ in range(3):
        assert kit.checks.verdict("recognition-1", 1).status in ("right", "wrong")
    assert len(made) == 1
    first, second = spellings.kit_data_as_kit(), spellings.kit_data_as_kit()
    first.events.loc[first.events.index[0], "title"] = "changed by a check"  # each its own copy
    assert second.events["title"].iloc[0] != "changed by a check"
    assert spellings.kit_data_as_kit().events["title"].iloc[0] != "changed by a check"
    own = kit.load()  # a notebook's own data, given to the check: read in one spelling, not the kit's kept view
    kit.checks.verdict("recognition-1", 1, own)
    assert made[-1] is own


def test_a_pattern_compiled_from_the_program_a_kernel_kept_is_the_pattern_re_compiles(tmp_path, monkeypatch):
    import re

    from breaking_isolation import patterns

    kit.checks.registry()  # every exercise module: the claim checks' patterns among them
    lazies = {(each.pattern, each._flags) for module in list(sys.modules.values())
              if module.__name__.startswith("breaking_isolation") for each in vars(module).values()
              if isinstance(each, patterns.Lazy)}
    lazies.add((r"(?P<who>\w+) (?P<did>recogni[sz]ed) (?P=who)?", re.IGNORECASE | re.MULTILINE))
    assert len(lazies) > 200
    monkeypatch.setenv("BREAKING_ISOLATION_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(patterns, "_NEEDED", {}, raising=False)
    monkeypatch.setattr(patterns, "_PROGRAMS", {}, raising=False)
    monkeypatch.setattr(patterns, "_state", {"read": False, "new": False}, raising=False)
    for pattern, flags in lazies:  # a kernel compiles them and keeps their programs
        assert patterns._compiled(pattern, flags) == re.compile(pattern, flags)
    patterns.keep()

    monkeypatch.setattr(patterns, "_PROGRAMS", {})  # the next kernel compiles none of them
    monkeypatch.setattr(patterns, "_state", {"read": False, "new": False})
    monkeypatch.setattr(patterns._parser, "parse", lambda *args: (_ for _ in ()).throw(AssertionError("parsed")))
    for pattern, flags in lazies:
        restored = patterns._compiled(pattern, flags)
        assert restored == re.compile(pattern, flags)  # equal: the same flags, pattern and program
        assert (restored.groups, restored.groupindex) == (re.compile(pattern, flags).groups,
                                                           re.compile(pattern, flags).groupindex)
    found = patterns._compiled(r"(?P<who>\w+) (?P<did>recogni[sz]ed) (?P=who)?", re.IGNORECASE | re.MULTILINE)
    assert found.search("Britain RECOGNISED Moscow").groupdict() == {"who": "Britain", "did": "RECOGNISED"}
