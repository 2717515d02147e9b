"""Claim-and-evidence exercises: the structural check and its pointers, on a fixture history; then the live kit."""

from pathlib import Path

import pandas as pd
import pytest

from breaking_isolation import checks, evidence, load
from breaking_isolation.documents import Document
from breaking_isolation.loader import KitData

ACTORS = pd.DataFrame({
    "actor_id": ["ussr", "rsfsr", "britain", "germany", "comintern", "kmt", "ccp", "china", "china-beijing"],
    "name": ["Soviet Union", "Soviet Russia", "United Kingdom", "Germany", "Comintern", "Kuomintang", "CCP",
             "China", "Beijing government"],
    "kind": ["state", "state", "state", "state", "international_organisation", "party", "party", "state",
             "government"],
    "belongs_to": ["", "", "", "", "", "china", "china", "", "china"],
    "region": ["europe", "europe", "europe", "europe", "international", "asia", "asia", "asia", "asia"],
    "recognised_from": pd.to_datetime(["NaT"] * 8 + ["1912-03-10"]),
    "recognised_until": pd.to_datetime(["NaT"] * 8 + ["1928-06-08"]),
})
ROWS = [  # event_id, date, kind, tone, actor, counterpart
    ("1921-trade", "1921-03-16", "de_facto_recognition", "cooperative", "britain", "rsfsr"),
    ("1922-rapallo", "1922-04-16", "relations_established", "cooperative", "germany", "rsfsr"),
    ("1922-genoa", "1922-04-10", "conference", "neutral", "germany", "rsfsr"),
    ("1924-britain", "1924-02-01", "relations_established", "cooperative", "britain", "ussr"),
    ("1924-letter", "1924-10-25", "incident", "hostile", "britain", "comintern"),
    ("1924-kmt-aid", "1924-05-01", "aid", "cooperative", "ussr", "kmt"),
    ("1927-massacre", "1927-04-12", "violence", "hostile", "kmt", "ccp"),
    ("1927-break", "1927-05-26", "relations_broken", "hostile", "britain", "ussr"),
    ("1929-restored", "1929-10-03", "relations_restored", "cooperative", "britain", "ussr"),
    ("1933-late", "1933-11-16", "treaty", "cooperative", "germany", "ussr"),
]
DOC = Document(id="doc-1927-debate", title="A debate", author="A member", date="1927-05-26", place="London",
               audience="Members", purpose="To oppose", headnote="It is the fixture.", url="https://example.org",
               licence="public-domain", licence_reason="A fixture.", checked_against="Nothing.",
               source_ids=("src",), event_ids=("1927-break",), questions=("Who?", "Why?"), text="word " * 200,
               path=Path("doc-1927-debate.md"))


def fixture_data() -> KitData:
    events = pd.DataFrame(ROWS, columns=["event_id", "date_text", "kind", "tone", "actor", "counterpart"])
    events["date"] = pd.to_datetime(events["date_text"])
    events["title"] = events["event_id"]
    return KitData(events=events, actors=ACTORS, sources=pd.DataFrame({"source_id": ["src"]}))


def assess(answer, name="recognition-evidence"):
    return evidence.assess(answer, fixture_data(), [DOC], evidence.SPECS[name])


CLAIM = "Britain's break of 1927 ended relations with Moscow but not its recognition, because the two differ."


def passed(verdict) -> bool:
    """What a claim check can say at best: the form was checked; never \"right\" about history."""
    return verdict.status == checks.CHECKED and not verdict.ok and evidence.YOU_JUDGE in str(verdict)


def test_a_well_formed_answer_is_checked_never_right_and_still_points_at_more_evidence():
    verdict = assess({"claim": CLAIM, "events": ["1924-britain", "1927-break"]})
    assert passed(verdict)
    assert "doc-1927-debate" in str(verdict)             # the document on a cited event
    assert "one state (United Kingdom)" not in str(verdict)  # a claim about that state: its evidence may be all of it
    assert "only gains" not in str(verdict)               # a break is cited


def test_a_document_that_bears_on_a_cited_event_is_accepted():
    verdict = assess({"claim": CLAIM, "events": ["1924-britain", "1927-break"], "document": "doc-1927-debate"})
    unread = evidence.DOCUMENT_UNREAD.format(document="doc-1927-debate")
    assert passed(verdict) and unread in " ".join(str(verdict).split())
    # named only to say the check did not read it: no pointer to add it, nothing else on it
    assert "doc-1927-debate" not in " ".join(str(verdict).split()).replace(unread, "")


@pytest.mark.parametrize("answer, words", [
    ({"claim": "Britain broke.", "events": ["1924-britain", "1927-break"]}, "one full sentence"),
    ({"claim": CLAIM + " Then it restored them.", "events": ["1924-britain", "1927-break"]}, "one sentence"),
    ({"claim": CLAIM, "events": ["1924-britain"]}, "at least 2 different events"),
    ({"claim": CLAIM, "events": ["1924-britain", "1927-brake"]}, "not in data/events.csv"),
    ({"claim": CLAIM, "events": ["1924-britain", "1933-late", "1927-break"]}, None),  # 1933 is in this window
    ({"claim": CLAIM, "events": ["1927-massacre", "1924-kmt-aid"]}, "Only 1 of your events"),  # Moscow's aid counts
    ({"claim": CLAIM, "events": ["1924-britain", "1927-break"], "document": "doc-1999-none"}, "no document"),
    ({"claim": "banana banana banana banana banana banana", "events": ["1924-britain", "1927-break"]},
     "cannot read your claim"),
    ({"claim": "banana because banana banana banana banana", "events": ["1924-britain", "1927-break"]},
     "cannot read your claim"),
    ({"claim": "I think it was a mistake because it was bad.", "events": ["1924-britain", "1927-break"]},
     "names nothing"),
    ({"claim": CLAIM, "events": ["1921-trade", "1924-britain"], "document": "doc-1927-debate"}, "bears on none"),
    ({"claim": "The united front with the Nationalists was a mistake because", "events": ["1924-britain", "1927-break"]},
     "Finish the sentence"),
])
def test_structural_faults_are_named(answer, words):
    verdict = assess(answer)
    if words is None:
        assert passed(verdict)
    else:
        assert verdict.status == checks.WRONG and words in str(verdict), str(verdict)


@pytest.mark.parametrize("answer, words", [
    ({"claim": "", "events": ["1924-britain", "1927-break"]}, "one full sentence"),
    ({"claim": "Britain wasnt friendly and the limeys broke off relations in 1927.",
      "events": ["1924-britain", "1927-break"]}, "cannot read your claim"),
])
def test_a_claim_the_check_cannot_read_gets_the_badge_for_unreadable(answer, words):
    """An empty claim, or a word or two it cannot read in a sentence, is a slip of form: "? Cannot read", never
    "not right" (gibberish stays refused: test_structural_faults_are_named)."""
    verdict = assess(answer)
    assert verdict.status == checks.UNREADABLE and words in str(verdict), str(verdict)


def test_a_claim_without_because_is_checked_and_told_a_reason_would_help():
    verdict = assess({"claim": "Britain broke off relations with Moscow in May 1927.", "events": ["1924-britain", "1927-break"]})
    assert passed(verdict) and '"because"' in str(verdict) and "'1927'" in str(verdict)
    given = assess({"claim": CLAIM, "events": ["1924-britain", "1927-break"]})
    assert passed(given) and "say why as well" not in str(given)


def test_an_abbreviation_does_not_split_a_claim():
    verdict = assess({"claim": "The U.S. and Britain dealt with Moscow in 1921 without recognising it, because trade came first.",
                      "events": ["1921-trade", "1924-britain"]})
    assert passed(verdict)


def test_recognition_pointers_name_the_missing_side():
    gains = assess({"claim": "Moscow won recognition from Britain and Germany within four years, because both needed trade.",
                    "events": ["1922-rapallo", "1924-britain"]})
    assert passed(gains) and "only gains" in str(gains) and "one state" not in str(gains)
    extra = assess({"claim": CLAIM, "events": ["1924-britain", "1927-break", "1927-massacre"]})
    assert passed(extra) and "1 of your events is not" in str(extra)


def test_network_window_and_kind():
    late = assess({"claim": "Moscow's friendship with Germany lasted from Rapallo to the 1930s because both were outcasts.",
                   "events": ["1922-rapallo", "1933-late"]}, "network-evidence")
    assert not passed(late) and "outside 1921–1928" in str(late)
    neutral = assess({"claim": "Moscow and Germany met at Genoa and talked about the old debts, so they could trade.",
                      "events": ["1922-genoa"]}, "network-evidence")
    assert not passed(neutral)
    with pytest.raises(checks.Repeated, match="twice"):  # one event given twice is refused, not counted as two
        assess({"claim": "Moscow and Germany met at Genoa and talked about the old debts, so they could trade.",
                "events": ["1922-genoa", "1922-genoa"]}, "network-evidence")


def test_network_pointers_name_the_other_face_and_the_other_sign():
    state_only = assess({"claim": "Britain first dealt with and then broke with the Soviet state because trade mattered less.",
                         "events": ["1921-trade", "1927-break"]}, "network-evidence")
    assert passed(state_only) and "party face" in str(state_only) and "All your events" not in str(state_only)
    hostile = assess({"claim": "The Comintern's work cost Moscow its partner Britain, because Britain read it as subversion.",
                      "events": ["1924-letter", "1927-break"]}, "network-evidence")
    assert passed(hostile) and "All your events are hostile" in str(hostile)
    assert "party face" not in str(hostile)  # the Comintern is cited


def test_answers_of_the_wrong_form_are_unreadable_not_wrong():
    kit_data = fixture_data()
    for answer in ("a claim", ["1924-britain", "1927-break"], {"claim": 42, "events": []}):
        with pytest.raises(checks.Unreadable):
            evidence.assess(answer, kit_data, [DOC], evidence.SPECS["recognition-evidence"])


# --- the registered exercises, on the live kit ----------------------------------------------------------------


def test_both_exercises_are_registered_and_say_not_answered_for_the_template():
    for name in evidence.SPECS:
        assert name in checks.registry()
        template = {"claim": ..., "events": [...], "document": None}
        assert checks.verdict(name, ...).status == checks.UNANSWERED
        assert not checks.verdict(name, template).ok


def test_the_teachers_model_claims_pass_on_the_live_data():
    """The model claims in the lesson plans' keys are well formed against the kit's own data."""
    britain = {"claim": "Britain broke off relations with the USSR in May 1927 but did not withdraw the "
                        "recognition it had given in 1924, so in 1929 relations, not recognition, were restored.",
               "events": ["1924-britain-recognition", "1927-britain-breaks-relations", "1929-britain-restoration"],
               "document": "doc-1927-commons-debate-break"}
    assert passed(checks.verdict("recognition-evidence", britain))
    china = {"claim": "In 1927 Moscow lost its Nationalist ally because one Politburo pursued revolution through "
                      "the Comintern while its diplomats courted the Chinese governments.",
             "events": ["1923-sun-joffe-manifesto", "1927-shanghai-massacre", "1927-nationalist-break-with-ussr"],
             "document": "doc-1923-sun-joffe-manifesto"}
    assert passed(checks.verdict("network-evidence", china))


def test_causes_count_as_evidence_on_the_live_data():
    """The Zinoviev letter and the ARCOS raid explain Britain's break: cited with it, they bear on the question."""
    cause = {"claim": "Britain broke off relations in May 1927 because the ARCOS raid and the Zinoviev letter "
                      "convinced its government that Moscow was subverting it.",
             "events": ["1924-zinoviev-letter", "1927-arcos-raid"]}
    verdict = checks.verdict("recognition-evidence", cause)
    assert passed(verdict) and "not an event that changes" not in str(verdict), str(verdict)


@pytest.mark.parametrize("claim", [
    "Britain withdrew its recognition of the USSR in 1927 and recognised it again in 1929.",
    "Britain withdrew its recognition of the USSR in 1927 because of the ARCOS raid, and restored it in 1929.",
])
def test_the_misconception_lesson_1_targets_is_never_passed(claim):
    answer = {"claim": claim, "events": ["1927-britain-breaks-relations", "1929-britain-restoration"]}
    verdict = checks.verdict("recognition-evidence", answer)
    assert verdict.status == checks.WRONG and "1924-britain-recognition" in str(verdict), str(verdict)


# --- a table of claims, sound, mistaken and nonsense, on the live kit (tests/fixtures/claims/claims.csv) ---------

CLAIMS_TABLE = Path(__file__).parent / "fixtures" / "claims" / "claims.csv"


def _claims():
    import csv  # noqa: PLC0415

    with CLAIMS_TABLE.open(newline="", encoding="utf-8") as handle:
        return [(row["exercise"], row["claim"], row["events"].split(), row["expect"]) for row in csv.DictReader(handle)]


@pytest.mark.parametrize("exercise, claim, events, expect", _claims(), ids=[c[:40] for _, c, _, _ in _claims()])
def test_each_claim_of_the_table_gets_what_the_table_says(exercise, claim, events, expect):
    """Sound claims in any phrasing ("since", "as", "so", "which shows", a colon, or no reason word) are checked
    and say what the check found; nonsense is never checked, "because" or not; a claim that names nothing the
    data knows is told to; a misconception gets its hint."""
    verdict = checks.verdict(exercise, {"claim": claim, "events": events})
    said = str(verdict)
    if expect == "checked":
        assert passed(verdict) and "names '" in said and "which the data knows" in said, said
    elif expect == "noise":
        assert verdict.status == checks.WRONG and "cannot read your claim" in said, said
    elif expect == "unnamed":
        assert verdict.status == checks.WRONG and "names nothing the check can find" in said, said
    else:
        misconception = expect.removeprefix("misconception:")
        entry = next(m for m in evidence.misconceptions.TABLE if m.id == misconception)
        hint = evidence.misconceptions.dated(entry, load()).hint  # its dates and counts read from the data
        assert verdict.status == checks.WRONG and hint in said, said


def test_the_claims_table_covers_every_outcome_and_every_exercise():
    rows = _claims()
    assert {e for e, _, _, _ in rows} == set(evidence.SPECS)
    outcomes = {x.split(":")[0] for _, _, _, x in rows}
    assert outcomes == {"checked", "noise", "unnamed", "misconception"}
    assert any("because" in c and x == "noise" for _, c, _, x in rows)        # gibberish with a "because"
    assert any("because" not in c and x == "checked" for _, c, _, x in rows)  # sound claims without one


def test_the_lexicon_of_equal_data_is_made_once_and_a_changed_table_gets_its_own():
    """Each check loads its own copy of the kit's data: equal tables share one lexicon; a title changed in place
    is read again, never answered from the lexicon of the data as it was."""
    from breaking_isolation import evidence_words

    first = evidence_words.lexicon(load())
    assert evidence_words.lexicon(load()) is first  # another load of the same data
    data = load()
    event = data.events.index[0]
    data.events.loc[event, "title"] = "Zanzibarian overture to Moscow"
    changed = evidence_words.lexicon(data)
    assert changed is not first and "zanzibarian" in changed.known and "zanzibarian" not in first.known
    assert evidence_words.lexicon(load()) is not changed  # the kit's data again: its own lexicon


def test_every_rule_reads_numbers_in_words_from_one_table():
    # "three states", "nineteen twenty-four", "two weeks after": one table of number words, not one per rule
    from breaking_isolation import counts_said, evidence_words, gaps_said

    assert counts_said.NUMBERS is evidence_words.NUMBERS
    assert {w: n for w, n in gaps_said.NUMBERS.items() if w not in ("a", "an")} == {
        w: n for w, n in evidence_words.NUMBERS.items() if 1 <= n <= 12}
    assert evidence_words.spelled_out("in nineteen twenty-four, not nineteen twelve") == "in 1924, not 1912"
