"""Checks grade what the student just wrote: in a notebook, an answer that is not fresh is refused.

IPython tells the kit after every cell whether it ran cleanly. Two slips leave `answer` holding an old value:
a cell that sets `answer` stops with an error (a NameError, a SyntaxError), or a typo (`answr = 23`) sets
another name, so `answer` still holds what was checked for the exercise before. In both cases the check says
so instead of grading the old value. Outside IPython (a script, a test) nothing is watched and nothing refused.
"""

from __future__ import annotations

import ast
import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .patterns import lazy
from .verdicts import STALE, Verdict

# `answer = ...` at the start of a line, after `;` or a magic (`%time answer = ...`), not `answer == ...`: for a cell Python cannot parse
SETS_ANSWER = lazy(r"(?:^|;)\s*(?:%%?\w+\s+)?answer\s*(?::[^=\n]*)?=(?!=)", re.MULTILINE)


def sets_answer(source: str) -> bool:
    """Whether a cell assigns to `answer` anywhere: `answer = ...`, `x = 3; answer = x`, `answer += 1`,
    `answer: int = 3`, `a, answer = ...`, `(answer := 3)`, inside an `if` or a loop. Read with the ast module;
    a cell that does not parse (a SyntaxError, an IPython magic) is read line by line instead."""
    names = _cell_names(source or "")
    return bool(SETS_ANSWER.search(source or "")) if names is None else "answer" in names


@lru_cache(maxsize=8)
def _cell_names(source: str) -> frozenset[str] | None:
    """assigned() of a cell, or None where it does not parse: read once, though every cell is asked about before
    and after it runs."""
    try:
        return frozenset(assigned(ast.parse(source)))
    except (SyntaxError, ValueError):
        return None


SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def assigned(tree: ast.AST) -> set[str]:
    """The names a cell sets in the notebook's namespace: not those set inside a function or a class, which
    stay there (unless declared `global`)."""
    found, declared, todo = set(), set(), [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Global):
            declared.update(node.names)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.add(node.id)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, SCOPES):
                declared.update(g for n in ast.walk(child) if isinstance(n, ast.Global) for g in n.names)
                found.update(n.id for n in ast.walk(child) if isinstance(n, ast.Name) and n.id in declared
                             and isinstance(n.ctx, ast.Store))
                if not isinstance(child, ast.Lambda):
                    found.add(child.name)
            else:
                todo.append(child)
    return found


def near_misses(source: str) -> list[str]:
    """Names a cell sets that look like a misspelt `answer` ("answr", "anwser", "Answer"), by difflib."""
    names = _cell_names(source or "")
    if names is None:
        names = set(re.findall(r"^\s*([A-Za-z_]\w*)\s*=(?!=)", source or "", re.MULTILINE))
    return [n for n in sorted(names) if n != "answer" and difflib.get_close_matches(n.lower(), ["answer"], cutoff=0.7)]


@dataclass
class _State:
    watching: bool = False
    failed: bool = False          # the last cell that set `answer` stopped with an error
    version: int = 0              # how many times a cell set `answer` cleanly
    running_sets_answer: bool = False
    graded: dict = field(default_factory=dict)  # version -> the exercise it was checked for
    pending: str | None = None    # checked in a cell that also sets `answer`: it claims the version that cell makes
    misspelt: list = field(default_factory=list)  # near misses of `answer` the last cell before the check set
    running_misspelt: list = field(default_factory=list)
    just_set: bool = False        # the cell run last, before this one, set `answer` cleanly
    running_cell: str = ""        # the source of the cell running now
    namespace: object = None      # the notebook's namespace, where `answer` lives


STATE = _State()


def watch(shell=None) -> None:
    """Follow the notebook's cells (once per kernel); does nothing outside IPython."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return
        shell = get_ipython()
    if shell is None or STATE.watching:
        return
    STATE.namespace = getattr(shell, "user_ns", None)
    shell.events.register("pre_run_cell", _before)
    shell.events.register("post_run_cell", _after)
    if hasattr(shell, "set_custom_exc") and not getattr(shell, "custom_exceptions", ()):  # never replace a handler someone else set
        shell.set_custom_exc((NameError,), missing_name)
    STATE.watching = True


# The names an exercise's check reads, which the student's own cell sets: a check run before that cell, or after
# a typo in it, stops with a NameError on one of these, and is told so plainly.
EXERCISE_NAMES = ("answer",)


def missing_name(shell, etype, value, tb, tb_offset=None):
    """IPython's handler for a NameError in a cell: for a name the checks read (`answer`), raised by the cell's
    own code, a short plain message instead of a traceback; for any other name, the usual traceback."""
    name = getattr(value, "name", None)
    if name is None:
        found = re.search(r"name '(\w+)' is not defined", str(value))
        name = found.group(1) if found else None
    frame = tb
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    in_cell = (frame is not None and frame.tb_frame.f_globals is getattr(shell, "user_ns", None)
               and frame.tb_frame.f_code.co_name == "<module>")
    if name not in EXERCISE_NAMES or not in_cell:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)
        return None
    shell._showtraceback(etype, value, name_told(name, getattr(shell, "user_ns", {})))
    return None


def name_told(name: str, namespace) -> list[str]:
    """What a student is told when a cell reads `name` before any cell set it, with a near miss they typed."""
    typed = [n for n in namespace if isinstance(n, str) and not n.startswith("_") and n != name]
    near = difflib.get_close_matches(name, typed, n=1, cutoff=0.7)
    lines = [f"There is no `{name}` yet: run the cell above that sets it, then run this cell again."]
    if near:
        lines.append(f"Did you mean `{name}`? You typed `{near[0]}`. Rename it to `{name}` in that cell and run it.")
    return lines


def _before(info) -> None:
    STATE.running_cell = info.raw_cell or ""
    STATE.running_sets_answer = sets_answer(info.raw_cell or "")
    # a near miss beside `answer` itself ("answers = ...; answer = answers[0]") is no typo
    STATE.running_misspelt = [] if STATE.running_sets_answer else near_misses(info.raw_cell or "")
    STATE.pending = None


def _after(result) -> None:
    pending, STATE.pending, STATE.running_sets_answer = STATE.pending, None, False
    STATE.misspelt, STATE.running_misspelt = STATE.running_misspelt, []
    STATE.just_set = bool(sets_answer(result.info.raw_cell or "") and result.success)
    if not sets_answer(result.info.raw_cell or ""):
        return
    if result.success:
        STATE.failed, STATE.version = False, STATE.version + 1
        if pending is not None:  # answer and check in one cell (a solution): this value is that exercise's now
            STATE.graded[STATE.version] = pending
    else:
        STATE.failed = True


@lru_cache(maxsize=8)
def _check_arguments(source: str) -> tuple[bool, ...] | None:
    """For each `check(name, value)` call in a cell (`kit.check`, `check`), whether its value is the name
    `answer`; None where the cell does not parse."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        if func != "check":
            continue
        value = node.args[1] if len(node.args) > 1 else next(
            (k.value for k in node.keywords if k.arg == "answer"), None)
        found.append(isinstance(value, ast.Name) and value.id == "answer")
    return tuple(found)


def passed_directly(answer) -> bool:
    """Whether the value checked was typed into the check call (`kit.check("recognition-1", 24)`) rather than
    read from `answer`: then `answer`, and whether it is fresh, has nothing to do with what is graded. Read from
    the running cell's check calls; where they do not tell, from whether the value is the very object `answer`
    holds."""
    if not STATE.watching:
        return False
    calls = _check_arguments(STATE.running_cell)
    if calls and not any(calls):
        return True
    if calls and all(calls):
        return False
    namespace = STATE.namespace
    if not isinstance(namespace, dict):
        return False
    return "answer" not in namespace or namespace["answer"] is not answer


def refusal(name: str, answer) -> Verdict | None:
    """Why this answer cannot be graded now, or None."""
    if not STATE.watching or STATE.running_sets_answer:
        return None  # not in a notebook, or the answer was set in this very cell
    typo = STATE.running_misspelt or STATE.misspelt  # this cell, else the cell just before it
    before = STATE.graded.get(STATE.version)
    if typo:  # never grade (or call unanswered) what `answer` held before: say what was typed
        held = (f"`answer` still holds what you gave for {before}, so the check did not grade it."
                if before not in (None, name) else "So `answer` is not what that cell set, and the check did not grade it.")
        return Verdict(STALE, "", (
            f"Did you mean `answer`? You typed `{typo[0]}`.", held,
            f"Rename `{typo[0]}` to `answer` in your cell, run that cell, then run this check."))
    if answer is Ellipsis or answer is None:
        return None  # nothing to grade: "not answered yet"
    if STATE.failed:
        return Verdict(STALE, "", (
            "The cell that sets `answer` stopped with an error, so the check cannot tell whether `answer` holds "
            "what that cell meant to give it.",
            "Fix the error shown under that cell, run it again, then run this check."))
    before = STATE.graded.get(STATE.version)
    if before is None or before == name:
        return None  # the same answer to the same exercise: graded again, with a word that it is unchanged (AGAIN)
    return Verdict(STALE, "", (
        f"`answer` still holds what you gave for {before}: the cell above did not set it.",
        "Check the spelling of `answer` in your cell (a typo such as `answr` sets another name), run that "
        "cell, then run this check."))


AGAIN = ("This is the answer you checked before: `answer` has not changed since. If you changed your answer cell, "
         "run it again (and check the spelling of `answer` there), then run this check.")


def unchanged(name: str) -> bool:
    """Whether `answer` holds what was already checked for this very exercise (a check cell run twice)."""
    return STATE.watching and not STATE.running_sets_answer and STATE.graded.get(STATE.version) == name


def may_be_earlier(name: str) -> bool:
    """Whether `answer` may still hold what an earlier exercise's cell set: a cell set it, no check read it since,
    and the cell run just before this check was not one that set it (the student ran other cells in between, so
    this exercise's answer cell may have been skipped)."""
    return (STATE.watching and bool(STATE.version) and not STATE.running_sets_answer and not STATE.just_set
            and STATE.graded.get(STATE.version) is None)


def graded(name: str, answer) -> None:
    """Record that the value `answer` holds now was checked for exercise `name`. In a cell that also sets
    `answer`, the value is the one that cell makes: it is recorded when the cell ends cleanly."""
    if not STATE.watching:
        return
    if STATE.running_sets_answer:
        STATE.pending = name
    else:
        STATE.graded[STATE.version] = name


def show(name: str, result: Verdict) -> None:
    """As formatted text in a notebook (Markdown: the verdict on one line, each point a bullet); printed elsewhere."""
    if STATE.watching:
        from IPython.display import display
        display(_Shown(name, result))
    else:
        print(f"{name}: {result}")


class _Shown:
    def __init__(self, name: str, result: Verdict):
        self.name, self.result = name, result

    def _repr_markdown_(self) -> str:
        return f"*{self.name}:* " + self.result._repr_markdown_()

    def __repr__(self) -> str:
        return f"{self.name}: {self.result}"
