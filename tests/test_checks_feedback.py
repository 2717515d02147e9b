"""Feedback a student can read: every message any check can emit, driven by wrong answers of every type, is in
plain words. No Python type names ("a str", "dtype", "Series"), no printout of the student's list or dictionary,
no raw ids of the data's vocabulary or actors (de_jure, rsfsr, kmt-wuhan) outside code and outside the student's
own words quoted back, and no literal backticks once the Markdown is rendered (code shows as code)."""

import re

import numpy as np
import pandas as pd
import pytest
from markdown_it import MarkdownIt

import breaking_isolation as kit
from breaking_isolation import checks, freshness, vocabulary
from breaking_isolation.verdicts import STALE, Verdict

# Every kind of value a student can end up with in `answer`.
SCALARS = [0, -1, 7, 10**6, 3.5, float("nan"), True, np.int64(4), np.float64(2.0), np.bool_(True), 3j, b"bytes",
           "", "five", "asdf qwer", "britain, china", "britain china", "britain and china", "1927 Q2",
           "de_jure", "rsfsr", pd.Timestamp("1927-01-01"), object(), print, ...]
CONTAINERS = [[], [1, 2], [3.0], ["britain", 3], ["britain", "china"], ["asdf", "qwer"], ("a", "b"), {"x"},
              ["rsfsr"], ["de_jure"], ["ussr", "kmt-wuhan"], [("britain", "ussr")], [("britain",)],
              [["britain", "ussr", "x"]], [{"a": 1}], [("rsfsr", "britain")], [("kmt-wuhan", "ussr"), ("ccp", "kmt")],
              {"britain": 3}, {"britain": "x"}, {3: 4}, {"rsfsr": 3, "de_jure": 2}, {"britain": [1]},
              pd.Series([1, 2]), pd.Series(["a", "b"]), pd.Series({"britain": "x"}), pd.Series({"britain": 3.0}),
              pd.Series({"rsfsr": 100}), pd.DataFrame({"a": [1]}), pd.DataFrame({"u": ["x"], "v": ["y"]}),
              pd.DataFrame({"a": [1], "b": [2]}), pd.DataFrame({"lane": ["x"]}).set_index("lane"),
              np.array([1, 2]), np.array(["a", "b"]), pd.Index(["a"]), {"rsfsr", "britain"}]
VALUES = SCALARS + CONTAINERS
# The dictionary exercises, with every kind of value in every field of their templates.
FIELDS = {"recognition-evidence": ("claim", "events", "document"), "network-evidence": ("claim", "events", "document"),
          "china-evidence": ("claim", "events", "document"), "china-conditions": ("conditions", "events"),
          "china-speakers": (1, 2, 3)}
SOUND = {"claim": "Moscow lost its ally in China in 1927 because Chiang turned on the Communists.",
         "events": ["1926-canton-coup", "1927-shanghai-massacre"], "document": "doc-1927-stalin-theses",
         "conditions": ["The Communists needed an army of their own in 1927.",
                        "Wuhan had to stay allied with the peasants in 1927."],
         1: ("Stalin", "1927-stalin-theses-china"), 2: ("Trotsky", "1927-trotsky-critique"),
         3: ("both", "1927-trotsky-critique")}
FIELD_VALUES = [5, 3.5, None, "", "x", "asdf qwer zxcv", [1], ["x"], ["x", "x"], {"a": 1}, ("Stalin",),
                ("Stalin", 5), ("nobody", "asdf"), ("both", "the the the"), ["rsfsr", "de_jure"],
                pd.Series(["a"]), "1924-whampoa-opens, 1927-shanghai-massacre", ["asdf qwer zxcv", "asdf qwer zxcv"]]

PYTHON_WORDS = re.compile(r"\b(str|int|float|dict|tuple|Series|DataFrame|dtype|ndarray|NoneType|Timestamp|Timedelta|"
                          r"bool|bytes|complex|int64|float64|object|builtin\w*|np\.\w+|Index|None)\b")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”")  # the student's own words, quoted back


@pytest.fixture(scope="module")
def data():
    return kit.load()


# An answer each dictionary exercise checks, so that the sweep reaches its "checked" messages and pointers too.
CHECKED_ANSWERS = {
    "recognition-evidence": {"claim": "Britain recognised Moscow in 1924, since trade mattered more than the revolution.",
                             "events": ["1924-britain-recognition", "1924-italy-recognition"]},
    "network-evidence": {"claim": "Moscow lost the Nationalists in 1927, which shows that its two faces clashed.",
                         "events": ["1923-sun-joffe-manifesto", "1927-nationalist-break-with-ussr"]},
    "china-evidence": SOUND, "china-conditions": SOUND, "china-speakers": SOUND,
}


def answers():
    for name in sorted(checks.registry()):
        for value in VALUES:
            yield name, value
        if name in CHECKED_ANSWERS:
            yield name, {k: CHECKED_ANSWERS[name][k] for k in FIELDS[name] if k in CHECKED_ANSWERS[name]}
        for field in FIELDS.get(name, ()):
            for value in FIELD_VALUES:
                yield name, {**{k: SOUND[k] for k in FIELDS[name]}, field: value}


def emitted(data) -> list[tuple[str, object, Verdict]]:
    said = []
    for name, answer in answers():
        said.append((name, answer, checks.verdict(name, answer, data)))
    # and the refusals of an answer that is not fresh
    state = freshness._State(watching=True, failed=True)
    original = freshness.STATE
    try:
        freshness.STATE = state
        said.append(("stale", 5, freshness.refusal("recognition-1", 5)))
        state.failed, state.graded = False, {0: "recognition-2"}
        said.append(("stale", 5, freshness.refusal("recognition-1", 5)))
        assert freshness.refusal("recognition-2", 5) is None  # the same exercise again: graded, with AGAIN
        said.append(("again", 5, checks.Verdict(checks.RIGHT, "", (freshness.AGAIN,))))
    finally:
        freshness.STATE = original
    return said


@pytest.fixture(scope="module")
def feedback(data):
    return emitted(data)


def visible(markdown: str) -> str:
    """What a student reads: the Markdown rendered (as JupyterLab does, CommonMark), tags dropped, code left out."""
    html = MarkdownIt("commonmark").render(markdown)
    html = re.sub(r"<code>.*?</code>", " ", html, flags=re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", html)
    return text.replace("&quot;", '"').replace("&#39;", "'").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def raw_ids(data) -> set[str]:
    """Ids a student should never read in the kit's own words: the data's vocabularies with an underscore, and the
    actors' ids that are not plain words of their names."""
    ids = {v for group in (vocabulary.EVENT_KINDS, vocabulary.RECOGNITION_LEVELS, vocabulary.RELATIONS_LEVELS,
                           vocabulary.ACTOR_KINDS) for v in group if "_" in v}
    for actor, name in zip(data.actors["actor_id"].astype(str), data.actors["name"].astype(str)):
        if actor.lower() not in name.lower().split():
            ids.add(actor)
    return ids


def test_the_sweep_reaches_every_check_and_every_kind_of_verdict(feedback):
    names = {name for name, _, _ in feedback}
    assert set(checks.registry()) <= names
    statuses = {(name, v.status) for name, _, v in feedback}
    assert {checks.WRONG, checks.UNREADABLE, checks.UNANSWERED, STALE} <= {status for _, status in statuses}
    assert {(name, checks.CHECKED) for name in CHECKED_ANSWERS} <= statuses
    assert len(feedback) > 1000


def test_no_message_names_a_python_type(feedback):
    bad = {(name, line) for name, _, verdict in feedback for line in (verdict.message, *verdict.points)
           if PYTHON_WORDS.search(QUOTED.sub("", visible(Verdict(verdict.status, "", (line,))._repr_markdown_())))}
    assert not bad, sorted(bad)[:10]


def test_no_message_prints_the_students_list_or_dictionary_back(feedback):
    bad = set()
    for name, answer, verdict in feedback:
        if isinstance(answer, (list, tuple, set, dict, pd.Series, pd.DataFrame, np.ndarray, pd.Index)):
            printed = repr(answer)
            if len(printed) > 12 and printed in str(verdict):
                bad.add((name, printed))
    assert not bad, sorted(bad)[:10]
    assert not any("dtype" in str(v) for _, _, v in feedback)


def test_rendered_feedback_shows_no_backtick(feedback):
    """Code is written between backticks in the messages and shown as code; the plain text drops them."""
    bad = {(name, str(verdict)) for name, _, verdict in feedback
           if "`" in visible(verdict._repr_markdown_()) or "`" in str(verdict)}
    assert not bad, sorted(bad)[:5]
    coded = [v for _, _, v in feedback if "`" in "".join(v.points)]
    assert coded and all("<code>" in MarkdownIt("commonmark").render(v._repr_markdown_()) for v in coded)


def test_no_message_names_a_raw_id_in_the_kits_own_words(feedback, data):
    ids = raw_ids(data)
    assert {"de_jure", "relations_broken", "rsfsr", "kmt-wuhan", "ccp"} <= ids and "germany" not in ids
    token = re.compile(r"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*")
    bad = set()
    for name, _, verdict in feedback:
        for line in (verdict.message, *verdict.points):
            text = QUOTED.sub("", visible(Verdict(verdict.status, "", (line,))._repr_markdown_()))
            found = {t for t in token.findall(text) if t in ids}
            if found:
                bad.add((name, line, tuple(sorted(found))))
    assert not bad, sorted(bad)[:10]


def test_names_typed_as_one_piece_of_text_get_a_hint_that_says_what_to_type(data):
    for name in ("recognition-2", "network-1"):
        for typed in ("britain, china", "britain and china", "britain china"):
            said = str(checks.verdict(name, typed, data))
            assert "['britain', 'china']" in said and "does not belong" not in said, said


def test_a_sweep_would_catch_a_python_type_name():
    """The sweep's own check, tried on the messages the kit used to send."""
    for old in ("This exercise expects a Series (or dict) of gaps in days.", "Your answer is a str.",
                "0    britain\ndtype: object", "Your answer is a int."):
        assert PYTHON_WORDS.search(visible(Verdict(checks.WRONG, "", (old,))._repr_markdown_())), old
    assert "`" in visible("- Look in \\`changes\\`")  # an escaped backtick shows as one


@pytest.mark.parametrize("name, answer, label", [
    ("recognition-2", ["britain", "rsfsr"], "'rsfsr' (Moscow itself)"),  # Moscow's own id, as typed
    ("recognition-3", {"rsfsr": 100}, "Russian Socialist Federative Soviet Republic"),
    ("network-1", ["ccp"], "Communists (CCP)"),
    ("network-3", [("kmt-wuhan", "france")], "Wuhan Nationalists"),
])
def test_an_actor_that_does_not_belong_is_named_by_its_label_not_its_id(data, name, answer, label):
    said = str(checks.verdict(name, answer, data))
    assert label in said and "not belong" in said, said
    # an id shows only where the student typed it, in quotes: recognition-2's "'rsfsr' (Moscow itself)"
    shown = said.split("not belong")[0].replace("'rsfsr' (Moscow itself)", "")
    assert not re.search(r"'?\b(rsfsr|kmt-wuhan|ccp)\b'?", shown), said


def test_every_message_opens_with_a_capital_or_a_symbol(feedback):
    """A sentence a student reads opens with a capital letter, a quote of their words or a figure, never a small
    letter ("the tie Britain – Germany does not belong")."""
    small = [(name, line) for name, _, verdict in feedback for line in (verdict.message, *verdict.points)
             if line and line[:1].islower()]
    assert not small, small[:5]
