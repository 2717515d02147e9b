"""Checks grade what the student just wrote: a failed answer cell or a typo is refused, not graded again."""

from types import SimpleNamespace

import pytest

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
    stale = freshness.refusal(name, answer)
    result = stale if stale is not None else checks.verdict(name, answer, DATA)
    if result.status not in (checks.UNANSWERED, checks.UNREADABLE, checks.STALE):
        freshness.graded(name, answer)
    return result


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
    again = shell.run('kit.check("recognition-1", answer)', check=("recognition-1", DE_JURE_ON_THE_DAY))
    assert again.status == checks.STALE and "has not changed" in str(again)


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
