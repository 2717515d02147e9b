"""Traps of the claim checks: a named event in a wrong year when a person does it or it goes by another name, a
judgement historians debate, a cause in plain English, and a title's common word taken for a name. The walk table
(tests/fixtures/walk/answers.csv) holds the students' answers; these tests hold the parts underneath."""

import pytest

import breaking_isolation as kit
from breaking_isolation import causes, checks, debated, evidence, evidence_words

DATA = kit.load()
CHINA = ["1923-ecci-resolution-ccp-kmt", "1924-whampoa-opens", "1926-northern-expedition", "1927-shanghai-massacre",
         "1927-nationalist-break-with-ussr"]
BRITAIN = ["1924-britain-recognition", "1927-britain-breaks-relations"]


def claim(name, text, events):
    return checks.verdict(name, {"claim": text, "events": events}, DATA)


def _names():
    return evidence_words.lexicon(DATA, evidence._documents(DATA)).names


# --- a title's common word is no name on its own ----------------------------------------------------------------


@pytest.mark.parametrize("word", ["expedition", "massacre", "agreement", "treaty", "raid", "harvest", "uprising"])
def test_a_common_word_of_a_title_is_not_a_name_the_data_knows(word):
    assert word not in _names()


def test_the_names_of_titles_are_kept_whole_or_alone():
    names = _names()
    assert names.get("northern expedition") == "Northern Expedition"
    assert {"rapallo", "whampoa", "locarno"} <= set(names)


def test_a_claim_naming_a_titles_common_word_is_not_told_it_is_outside_the_data():
    said = str(claim("china-evidence", "The Expedition failed in 1926 because the warlords were strong.", CHINA))
    assert "'Expedition'" not in said


# --- a judgement historians debate: never passed, never refused --------------------------------------------------

JUDGED = ["Moscow betrayed the Chinese Communists in 1927 because it kept them in the Kuomintang.",
          "Stalin abandoned the CCP in 1927, so the Communists were crushed.",
          "The Chinese Communists were sold out by Stalin in 1927, so the front failed.",
          "The Comintern sacrificed its Chinese comrades in 1927 because it wanted Chiang's army.",
          "Moscow did not betray the Communists in 1927, because it backed Wuhan.",
          "Stalin's betrayal of the Chinese revolution in 1927 came from his fight with Trotsky."]
NOT_JUDGED = ["Chiang betrayed the Communists at Shanghai in 1927, so the united front ended.",
              "Moscow backed the Kuomintang in 1924 because it wanted an ally in China.",
              "Wuhan abandoned the Communists in 1927, so Borodin went home.",
              "The Soviets abandoned their consulates in 1927 because Nanjing broke with Moscow."]


@pytest.mark.parametrize("text", JUDGED)
def test_a_debated_judgement_is_said_to_be_one_with_the_events_to_weigh(text):
    said = claim("china-evidence", text, CHINA)
    assert said.status == checks.UNCHECKED, str(said)
    assert "a judgement that historians debate" in str(said)
    assert "1927-stalin-cable-to-borodin" in str(said) and "1926-ecci-seventh-plenum" in str(said)


@pytest.mark.parametrize("text", NOT_JUDGED)
def test_a_claim_that_judges_no_debated_question_is_not_told_it_does(text):
    assert debated.found_in(text, DATA) == []


def test_the_debated_judgements_cite_events_the_data_holds_with_their_dates():
    ids = set(DATA.events["event_id"])
    for entry in debated.TABLE:
        assert set(entry.evidence) <= ids
    assert "30 May 1927" in debated.found_in("Moscow betrayed the Chinese Communists.", DATA)[0]


# --- a cause: its order against the effect, or said not read ----------------------------------------------------


def test_a_cause_the_data_dates_after_its_effect_is_refused_with_both_dates():
    said = claim("recognition-evidence", "Because of the Zinoviev letter, Britain recognised the USSR.", BRITAIN)
    dates = DATA.events.set_index("event_id")["date"]
    letter, recognition = dates["1924-zinoviev-letter"], dates["1924-britain-recognition"]
    assert letter > recognition and said.status == checks.WRONG
    assert f"{letter.day} {letter:%B %Y}" in str(said) and f"{recognition.day} {recognition:%B %Y}" in str(said)


def test_a_cause_in_plain_english_is_said_not_read_and_never_right():
    said = claim("recognition-evidence", "Britain recognised the USSR because Labour won the election.", BRITAIN)
    assert said.status != checks.RIGHT
    assert "did not read the cause your claim gives ('Labour won the election')" in " ".join(str(said).split())


def test_a_cause_of_another_clause_is_not_read_as_the_cause_of_the_first():
    said = claim("recognition-evidence", "Britain recognised the USSR in 1924 and broke off relations in 1927 "
                 "because of the ARCOS raid.", BRITAIN)
    assert said.status == checks.CHECKED, str(said)


def test_a_claim_with_no_reason_word_has_no_cause_read():
    assert causes.read("Britain recognised the USSR in 1924.", DATA) == causes.ties_said.Said()


def test_an_effect_named_again_as_its_cause_is_no_cause_read():
    said = claim("recognition-evidence", "Germany recognised Soviet Russia in 1922 because of the Rapallo treaty.",
                 ["1922-rapallo-treaty", "1924-britain-recognition"])
    assert "cause" not in str(said).split("Whether it is good history")[0], str(said)
