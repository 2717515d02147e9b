"""Every model claim the teacher's material gives passes the check a student's claim faces.

A plan's key to a claim-and-evidence exercise (`recognition-evidence`, `network-evidence`, `china-evidence`) lists
model claims, each with its events and, if one fits, a document. A model that the student's own check turns down
(no "because", an unknown id, an event outside the window) teaches the class to distrust the check, or the key:
each model is run through the exercise's check, as a student would enter it, and must come back "checked".
"""

import re
from pathlib import Path

import pytest

import breaking_isolation as kit
from breaking_isolation import checks
from breaking_isolation.verdicts import CHECKED

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
# "**Key to ... (`recognition-evidence`) ...**" then a list of "- *"claim"* Events `a`, `b`; document [doc-id](...)."
KEY = re.compile(r"\(`([a-z]+-evidence)`\)(.*?)(?=\n\n(?!- )|\Z)", re.S)
ITEM = re.compile(r'^- \*"(?P<claim>.+?)"\*\s+Events? (?P<events>.+?)(?:; document \[(?P<doc>[\w-]+)\].*)?\.?$')
# Lesson 4 gives its model claim inline, its events in brackets, for the exercise of notebook 1 it names.
INLINE = re.compile(r'A model claim for item \d+: \*"(?P<claim>.+?)"\*', re.S)
INLINE_EXERCISE = {"04-documents.md": "recognition-evidence"}
ID = re.compile(r"`([\w-]+)`")


def model_claims() -> list[tuple[str, str, dict]]:
    """(where, exercise, answer as a student enters it) for every model claim of the plans and keys."""
    found = []
    for path in sorted(LESSONS.glob("*.md")) + sorted((LESSONS / "keys").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for key in KEY.finditer(text):
            items = [" ".join(i.split()) for i in re.split(r"\n(?=- )", key.group(2).strip()) if i.startswith("- *")]
            for number, item in enumerate(items, start=1):
                match = ITEM.match(item)
                assert match, f"{path.name}: a model claim of {key.group(1)} is not in the key's form: {item[:80]}"
                answer = {"claim": match["claim"], "events": ID.findall(match["events"]), "document": match["doc"]}
                found.append((f"{path.name} {key.group(1)} model {number}", key.group(1), answer))
        for match in INLINE.finditer(text):
            claim = " ".join(match["claim"].split())
            answer = {"claim": re.sub(r"\s*\(`[\w-]+`\)", "", claim), "events": ID.findall(claim)}
            found.append((f"{path.name} inline model", INLINE_EXERCISE[path.name], answer))
    return found


MODELS = model_claims()


def test_the_plans_give_the_model_claims_this_test_reads():
    """Lessons 1, 2 and 5 give at least two models each, and lesson 4 one: a parser that finds none fails here."""
    where = [w.split()[0] for w, _, _ in MODELS]
    for plan, least in {"01-recognition.md": 2, "02-network.md": 2, "05-china.md": 2, "04-documents.md": 1}.items():
        assert where.count(plan) >= least, (plan, where)


@pytest.mark.parametrize(("where", "exercise", "answer"), MODELS, ids=[w for w, _, _ in MODELS])
def test_every_model_claim_passes_the_students_check(where, exercise, answer):
    verdict = checks.verdict(exercise, answer, kit.load())
    assert verdict.status == CHECKED, f"{where}: {answer['claim']!r}\n{verdict}"
    assert len(answer["events"]) >= 2, where


def test_a_model_without_a_reason_word_is_checked_but_nonsense_fails():
    """A sound claim needs no "because": 'Recognition came as a bargain: ...' is checked (the check suggests no
    reason word, since its colon gives one). The check can still fail: nonsense with a "because" is turned down."""
    answer = {"claim": "Recognition came as a bargain: Britain traded with Moscow for three years before "
                       "recognising it in law.",
              "events": ["1921-anglo-soviet-trade-agreement", "1924-britain-recognition"]}
    assert checks.verdict("recognition-evidence", answer, kit.load()).status == CHECKED
    noise = {**answer, "claim": "asdf qwer because zxcv lkjh poiu mnbv"}
    assert checks.verdict("recognition-evidence", noise, kit.load()).status != CHECKED
