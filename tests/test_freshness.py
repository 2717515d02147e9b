"""Checks grade what the student just wrote: a failed answer cell or a typo is refused, not graded again."""

from types import SimpleNamespace

import pytest

import breaking_isolation as kit
from breaking_isolation import checks, freshness

from test_checks import DATA, DE_JURE_ON_THE_DAY


class Shell:
    """What IPython gives the kit: its pre- and post-run events."""

    def __init__(self):
        self.handlers = {}
        self.events = SimpleNamespace(register=lambda name, handler: self.handlers.setdefault(name, handler))

    def run(self, source: str, error: bool = False, check=None):
        """Run a cell: `check` (a name and an answer) is the kit.check call the cell makes, if it makes one."""
        info = SimpleNamespace(raw_cell=source)
        self.handlers["pre_run_cell"](info)
        said = None
        if check and not error:
            said = _said(*check)
        self.handlers["post_run_cell"](SimpleNamespace(info=info, success=not error))
        return said


def _said(name, answer):
    """What kit.check shows: the kit's own check, its display caught."""
    shown = []
    show, freshness.show = freshness.show, lambda _, result: shown.append(result)
    try:
        checks.check(name, answer, DATA)
    finally:
        freshness.show = show
    return shown[0]


@pytest.fixture
def shell(monkeypatch):
    monkeypatch.setattr(freshness, "STATE", freshness._State())
    shell = Shell()
    freshness.watch(shell)
    return shell


def test_a_clean_answer_then_its_check_is_graded(shell):
    shell.run(f"answer = {DE_JURE_ON_THE_DAY}")
    assert shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY)).ok


def test_an_answer_cell_that_stopped_with_an_error_is_refused(shell):
    shell.run(f"answer = {DE_JURE_ON_THE_DAY}")
    shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY))
    shell.run("answer = sorted(breaks['state'].unique())", error=True)  # a NameError: `answer` keeps 5
    said = shell.run('kit.check("recognition-2", answer)', check=("recognition-2", DE_JURE_ON_THE_DAY))
    assert said.status == checks.STALE and "stopped with an error" in str(said)
    shell.run("answer = ['britain', 'china'", error=True)  # a SyntaxError: nothing ran
    said = shell.run('kit.check("recognition-2", answer)', check=("recognition-2", DE_JURE_ON_THE_DAY))
    assert said.status == checks.STALE


def test_a_typo_that_sets_another_name_is_refused(shell):
    shell.run(f"answer = {DE_JURE_ON_THE_DAY}")
    shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY))
    shell.run("answr = ['britain', 'china']")
    said = shell.run('kit.check("recognition-2", answer)', check=("recognition-2", DE_JURE_ON_THE_DAY))
    assert said.status == checks.STALE and "recognition-1" in str(said) and "answr" in str(said)
    # the same check run again on the answer it graded: the same verdict, said to be of the unchanged answer
    again = shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY))
    assert again.ok and "has not changed since" in str(again) and "spelling of answer" in str(again)


def test_a_check_run_twice_says_the_same_and_blames_no_typo(shell):
    shell.run(f"answer = {DE_JURE_ON_THE_DAY}")
    first = shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY))
    again = shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY))
    assert first.ok and again.ok and "has not changed since" in str(again) and "has not changed" not in str(first)


def test_a_misspelt_exercise_name_is_told_the_name_it_may_be(capsys):
    kit.check("recognition1", 24)
    said = capsys.readouterr().out
    assert "There is no exercise called 'recognition1'" in said and "Did you mean 'recognition-1'?" in said


def test_answer_and_check_in_one_cell_are_graded(shell):
    shell.run(f"answer = {DE_JURE_ON_THE_DAY}")
    shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY))
    cell = f'answer = {DE_JURE_ON_THE_DAY}\nkit.check("recognition-1", answer)'
    assert shell.run(cell, check=("recognition-1", DE_JURE_ON_THE_DAY)).ok


def test_a_fixed_answer_is_graded_again(shell):
    shell.run("answer = 3")
    assert shell.run('kit.check("recognition-1", answer)', check=("recognition-1", 3)).status == checks.WRONG
    shell.run(f"answer = {DE_JURE_ON_THE_DAY}")
    assert shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY)).ok


def test_outside_a_notebook_nothing_is_refused(monkeypatch):
    monkeypatch.setattr(freshness, "STATE", freshness._State())
    assert freshness.refusal("recognition-1", 5) is None


# --- in a real IPython shell: the cells a student runs, the check the notebook calls -----------------------


def checking_shell(monkeypatch, data):
    """A real IPython shell whose cells call kit.check against `data`: returns run(source) -> the verdicts the cell
    showed, and a function that closes the shell."""
    from IPython.core.interactiveshell import InteractiveShell

    monkeypatch.setattr(freshness, "STATE", freshness._State())
    shown = []
    monkeypatch.setattr(freshness, "show", lambda name, result: shown.append(result))
    shell = InteractiveShell()
    freshness.watch(shell)
    shell.user_ns.update(check=lambda name, answer: checks.check(name, answer, data))

    def run(source: str) -> list:
        shown.clear()
        shell.run_cell(source, store_history=True)
        return list(shown)

    def close() -> None:
        if InteractiveShell.initialized() and InteractiveShell._instance is shell:
            shell.clear_instance()

    return run, close


@pytest.fixture
def ipython(monkeypatch):
    run, close = checking_shell(monkeypatch, DATA)
    yield run
    close()


SOLUTION_2 = 'answer = ["britain", "china"]\ncheck("recognition-2", answer)'


def test_a_typo_after_a_solution_cell_is_refused_not_graded_as_that_exercise(ipython):
    """After exercise 4's solution ran (answer and check in one cell), `answr = 23` for exercise 1 left answer
    holding exercise 4's value, which was graded as exercise 1's: 'Your answer is a list'."""
    assert ipython(SOLUTION_2)[0].ok
    ipython("answr = 23")
    said = ipython('check("recognition-1", answer)')[0]
    assert said.status == checks.STALE and "recognition-2" in str(said) and "answr" in str(said)
    assert "list" not in str(said)


def test_a_check_refused_as_unreadable_still_claims_the_answer(ipython):
    ipython('answer = ["britain", "china"]')
    assert ipython('check("recognition-1", answer)')[0].status == checks.UNREADABLE
    ipython("answr = ['britain', 'china']")
    said = ipython('check("recognition-2", answer)')[0]
    assert said.status == checks.STALE and "recognition-1" in str(said)


@pytest.mark.parametrize("broken", ["answer = [britain, china]",           # a NameError: answer is unchanged
                                    "answer = ['britain', 'china'",        # a SyntaxError: nothing ran
                                    "answer = 1 / 0"])
def test_an_answer_cell_that_failed_is_refused_in_plain_words(ipython, broken):
    ipython(f"answer = {DE_JURE_ON_THE_DAY}")
    assert ipython('check("recognition-1", answer)')[0].ok
    ipython(broken)
    said = ipython('check("recognition-2", answer)')[0]
    assert said.status == checks.STALE and "stopped with an error" in str(said)
    ipython('answer = ["britain", "china"]')
    assert ipython('check("recognition-2", answer)')[0].ok


def test_a_clean_answer_cell_then_its_check_is_graded_each_time_it_changes(ipython):
    ipython("answer = 3")
    assert ipython('check("recognition-1", answer)')[0].status == checks.WRONG
    ipython(f"answer = {DE_JURE_ON_THE_DAY}")
    assert ipython('check("recognition-1", answer)')[0].ok
    ipython(SOLUTION_2)
    ipython(f"answer = {DE_JURE_ON_THE_DAY}")
    assert ipython('check("recognition-1", answer)')[0].ok


@pytest.mark.parametrize("cell", [f"x = {DE_JURE_ON_THE_DAY}; answer = x", f"answer: int = {DE_JURE_ON_THE_DAY}",
                                  f"if True:\n    answer = {DE_JURE_ON_THE_DAY}", f"x, answer = 0, {DE_JURE_ON_THE_DAY}",
                                  f"print(answer := {DE_JURE_ON_THE_DAY})"])
def test_an_answer_set_anywhere_in_its_cell_is_fresh(shell, cell):
    shell.run("answer = 99")
    shell.run('kit.check("recognition-1", answer)', check=("recognition-1", 99))
    shell.run(cell)
    said = shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY))
    assert said.ok, said


@pytest.mark.parametrize("cell, sets", [("x = 3; answer = x", True), ("answer == 3", False),
                                        ("kit.check('a', answer)", False), ("answr = 3", False),
                                        ("%time answer = 3", True), ("x = 1; answer = [1,", True)])
def test_which_cells_set_answer(cell, sets):
    assert freshness.sets_answer(cell) is sets


@pytest.fixture
def fresh_kernel(monkeypatch):
    """A real IPython shell, as in a fresh kernel: run(source) -> what the cell printed (its traceback too)."""
    from IPython.core.interactiveshell import InteractiveShell

    monkeypatch.setattr(freshness, "STATE", freshness._State())
    shell = InteractiveShell()
    freshness.watch(shell)
    shell.user_ns.update(check=lambda name, answer: checks.check(name, answer, DATA))

    def run(source: str, capsys) -> str:
        capsys.readouterr()
        result = shell.run_cell(source, store_history=True)
        out = capsys.readouterr()
        return out.out + out.err, result

    yield run
    shell.clear_instance() if InteractiveShell.initialized() and InteractiveShell._instance is shell else None


def test_a_check_before_any_answer_says_so_plainly(fresh_kernel, capsys):
    fresh_kernel("answr = 24", capsys)
    said, result = fresh_kernel('check("recognition-1", answer)', capsys)
    assert "There is no `answer` yet: run the cell above that sets it" in said
    assert "Did you mean `answer`? You typed `answr`." in said
    assert "Traceback" not in said and "NameError" not in said
    assert not result.success  # the cell still failed: Run All stops there


def test_a_check_before_any_answer_without_a_near_name(fresh_kernel, capsys):
    said, _ = fresh_kernel('check("recognition-1", answer)', capsys)
    assert "There is no `answer` yet" in said and "Did you mean" not in said


@pytest.mark.parametrize("cell", ["print(kitt)",                                     # another name
                                  "def f():\n    return answer\nf()",                 # not the cell's own code
                                  "1 / 0"])                                          # not a NameError
def test_other_errors_keep_their_usual_traceback(fresh_kernel, capsys, cell):
    said, result = fresh_kernel(cell, capsys)
    assert "Traceback" in said or "Error" in said
    assert "There is no" not in said and not result.success


def test_an_earlier_exercises_answer_never_checked_is_named_as_such(ipython):
    ipython(f"answer = {DE_JURE_ON_THE_DAY}")          # exercise 1's cell, its check never run
    ipython("x = 1")                                    # the cells between the two exercises
    said = ipython('check("recognition-2", answer)')[0]  # exercise 2's check, its answer cell skipped
    assert "still holds what an earlier cell set" in str(said) and "run the answer cell above" in str(said)
    assert "still holds" not in said.points[0]  # the problem first, the advice after it


def test_a_value_typed_into_the_check_call_is_graded_as_it_is(ipython):
    """A student who types the value straight into the call, with no `answer =` cell, was told a changed claim
    'has not changed since', and another exercise's value was refused as what `answer` held for the first."""
    assert ipython('check("recognition-1", 3)')[0].status == checks.WRONG
    second = ipython(f'check("recognition-1", {DE_JURE_ON_THE_DAY})')[0]
    assert second.ok and "has not changed" not in str(second)
    other = ipython('check("recognition-2", ["britain", "china"])')[0]
    assert other.status != checks.STALE and other.ok, other
    spelt = ipython('check("recognition-1", "twenty-four")')[0]
    assert spelt.status != checks.STALE and "answer cell" not in str(spelt), spelt


def test_a_typed_value_does_not_make_answer_look_checked(ipython):
    ipython(f"answer = {DE_JURE_ON_THE_DAY}")
    assert ipython('check("recognition-1", answer)')[0].ok
    typed = ipython('check("recognition-2", ["britain", "china"])')[0]  # typed in: `answer` is still exercise 1's
    assert typed.ok, typed
    again = ipython('check("recognition-1", answer)')[0]
    assert again.ok and "has not changed since" in str(again)
    ipython("answr = ['britain', 'china']")                        # a typo: `answer` still holds exercise 1's
    said = ipython('check("recognition-2", answer)')[0]
    assert said.status == checks.STALE and "recognition-1" in str(said)
