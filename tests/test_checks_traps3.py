"""More traps a student doing the notebooks wrong on purpose found (issue 22, "feedback a student can read"), run
as a notebook's kernel runs them: the checks called on answers as the notebooks call them. Each trap has a test
that failed on the old checks, and a control that a good answer still passes."""

import pytest

import breaking_isolation as kit
from breaking_isolation import checks

DATA = kit.load()


def verdict(name, answer):
    return checks.verdict(name, answer, DATA)


# --- notebook 2, exercise 1: "Republic of China" is the whole state; which of its actors does the network draw? ---


def test_the_republic_of_china_is_told_which_governments_the_network_draws():
    said = str(verdict("network-1", ["Republic of China", "britain"]))
    assert "China) does not belong" in said
    assert "the whole state" in said
    for government in ("Beijing government", "Nanjing Nationalist government", "Wuhan Nationalists"):
        assert government in said, said
    assert "Name the one you mean" in said


def test_an_actor_the_network_draws_gets_no_note_about_governments():
    said = str(verdict("network-1", ["france"]))
    assert "does not belong" in said and "whole state" not in said


# --- notebook 2, exercise 3: a pair of one actor twice ----------------------------------------------------------


def test_a_pair_of_one_actor_says_a_pair_needs_two_different_actors():
    said = verdict("network-3", [("ussr", "ussr")])
    assert said.status == checks.UNREADABLE
    assert "A pair needs two different actors" in str(said)
    assert "different kinds of things" not in str(said) and "Your answer is" not in str(said)


def test_a_list_of_pairs_is_called_a_list_of_pairs():
    assert checks.plain_type([("ussr", "britain"), ("ussr", "france")]) == "a list of pairs"


def test_a_good_pair_is_still_graded():
    said = verdict("network-3", [("ussr", "britain")])
    assert said.status in (checks.RIGHT, checks.WRONG)


# --- one name where a list is asked for: never read as letters, never quietly as a list of one --------------


@pytest.mark.parametrize(("name", "typed"), [("network-1", "germany"), ("network-1", "britain"),
                                             ("recognition-2", "britain"),
                                             ("china-order", "1924-kmt-first-congress")])
def test_one_name_given_bare_is_asked_for_in_a_list(name, typed):
    said = verdict(name, typed)
    assert said.status == checks.UNREADABLE, str(said)
    assert f"[{typed!r}]" in str(said) and "in a list" in str(said)
    assert "does not belong" not in str(said) and "missing" not in str(said)


def test_one_name_in_a_list_is_graded():
    assert verdict("network-1", ["britain"]).status == checks.WRONG
    assert verdict("recognition-2", ["britain"]).status == checks.WRONG


def test_names_typed_as_one_piece_of_text_still_get_their_own_hint():
    said = str(verdict("recognition-2", "britain, china"))
    assert "['britain', 'china']" in said


# --- notebook 3, exercises F and G: one word the check cannot read keeps the badge away ---------------------

CHINA = ["1926-canton-coup", "1927-shanghai-massacre"]
CONDITIONS = ["Chiang would have had to stay allied with the Communists after 1926.",
              "The Comintern would have had to arm the workers of Shanghai in time."]


def test_a_claim_with_one_made_up_word_is_not_badged_as_checked():
    said = verdict("china-evidence", {"claim": "The united front zorped in 1927 because Chiang turned on the "
                                               "Communists.", "events": CHINA})
    assert said.status == checks.UNREADABLE, str(said)  # a spelling: "cannot read", not "not right"
    assert "'zorped'" in str(said) and "could not read" in str(said)


def test_a_condition_with_one_made_up_word_is_not_badged_as_checked():
    said = verdict("china-conditions", {"conditions": [CONDITIONS[0].replace("allied", "zorped"), CONDITIONS[1]],
                                        "events": CHINA})
    assert said.status == checks.UNREADABLE, str(said)
    assert "'zorped'" in str(said) and "condition 1" in str(said)
    assert "each a sentence the check can read" not in str(said)


def test_readable_conditions_are_still_checked():
    said = verdict("china-conditions", {"conditions": CONDITIONS, "events": CHINA})
    assert said.status == checks.CHECKED and "each a sentence the check can read" in str(said), str(said)


def test_a_readable_claim_of_exercise_f_is_still_checked():
    said = verdict("china-evidence", {"claim": "The united front failed in 1927 because Chiang turned on the "
                                               "Communists.", "events": CHINA})
    assert said.status == checks.CHECKED, str(said)


def test_a_word_built_with_un_on_a_known_word_is_read():
    from breaking_isolation import evidence, evidence_words

    words = evidence_words.lexicon(DATA, evidence._documents(DATA))
    assert evidence_words.misspelt("Moscow's path was unsteady and unfriendly.", words) == []
    assert evidence_words.misspelt("Moscow's path was unzorped.", words) == [("unzorped", None)]


# --- notebook 0, "Your turn": a tone or a year the data cannot have is told so, not shown as 0 rows ----------


@pytest.mark.parametrize(("year", "tone", "said"), [
    (1924, "Hostile", 'tone = "hostile", not "Hostile"'),
    (1924, "friendly", '"cooperative", "hostile" and "neutral"'),
    ("1924", "hostile", 'year = 1924, not year = "1924"'),
    (1950, "hostile", "choose a year between them"),
])
def test_notebook_0_says_which_tones_exist_and_that_the_year_is_a_number(capsys, year, tone, said):
    assert kit.events_in(DATA.events, year, tone) is None
    printed = capsys.readouterr().out
    assert said in printed and "0 " not in printed, printed


def test_notebook_0_shows_a_good_choice(capsys):
    chosen = DATA.events[(DATA.events["date"].dt.year == 1924) & (DATA.events["tone"] == "hostile")]
    shown = kit.events_in(DATA.events, 1924, "hostile")
    assert f"{len(chosen)} hostile events in 1924:" in capsys.readouterr().out
    assert len(chosen) and "What happened" in shown._repr_html_() and chosen["title"].iloc[-1].split(":")[0] in shown._repr_html_()


# --- what a claim says of a tie, read against the kit's events (ties_said.py) ----------------------------------

RECOGNITION = ["1924-britain-recognition", "1927-britain-breaks-relations"]
NETWORK = ["1922-rapallo-treaty", "1927-britain-breaks-relations"]


def claim(name, text, events):
    return checks.verdict(name, {"claim": text, "events": events}, DATA)


@pytest.mark.parametrize("text", ["Great Britain broke with the UK in 1927 because of the ARCOS raid.",
                                  "In 1927 Britain broke off relations with Britain because of the ARCOS raid."])
def test_one_actor_on_both_sides_of_a_tie_is_refused_with_a_plain_hint(text):
    said = claim("recognition-evidence", text, RECOGNITION)
    assert said.status == checks.WRONG, str(said)
    assert "on both sides" in str(said) and "Name the other side" in str(said)


def test_a_claim_with_two_sides_is_still_checked():
    said = claim("recognition-evidence", "Great Britain broke with Moscow in 1927 because of the ARCOS raid.",
                 RECOGNITION)
    assert said.status == checks.CHECKED, str(said)
    assert "the tie between Britain and Moscow" in str(said) and "did not judge whether your claim is true" in str(said)


def test_a_person_tied_to_a_body_the_data_never_links_them_to_is_not_badged():
    said = claim("china-evidence", "Chiang Kai-shek was a loyal Bolshevik who joined the Comintern in 1927.", CHINA)
    assert said.status == checks.WRONG, str(said)
    assert "turned on the Communists at Shanghai" in str(said)  # the misconception table's hint, with its evidence


def test_a_tone_the_data_contradicts_names_the_events_that_say_otherwise():
    said = claim("china-evidence", "Chiang Kai-shek stayed loyal to the Communists in 1927, so the united front "
                                   "held.", CHINA)
    assert said.status == checks.WRONG, str(said)
    assert "1927-shanghai-massacre" in str(said) and "nothing cooperative between them" in str(said)


def test_a_friendly_tie_the_data_records_as_hostile_is_not_badged():
    text = "Moscow could count on the United States in 1928 because the Hughes notes were friendly."
    said = claim("network-evidence", text, NETWORK)
    assert said.status == checks.WRONG, str(said)
    assert "United States" in str(said) and "by then the tie was hostile" in str(said)
    assert "1923-hughes-rejects-talks" in str(said)


@pytest.mark.parametrize("text", [
    "Moscow could not count on the United States in 1928 because the Hughes notes were hostile.",
    "The United States stayed hostile to Moscow because Hughes refused recognition until debts were paid.",
    "Chiang Kai-shek broke with the Communists in 1927, so the united front was a mistake.",
    "Germany and Soviet Russia cooperated after Rapallo in 1922 because both were outcasts.",
])
def test_a_tone_the_data_bears_out_is_still_checked(text):
    name = "china-evidence" if "Chiang" in text else "network-evidence"
    said = claim(name, text, CHINA if "Chiang" in text else NETWORK)
    assert said.status == checks.CHECKED, str(said)


# --- a break of relations, read against the kit's breaks (ties_said.py) ----------------------------------------


@pytest.mark.parametrize("name, text, events, said", [
    ("network-evidence", "The United States broke off relations with the USSR in 1927, so the path was setbacks.",
     NETWORK, "the kit's data has no break between United States and Moscow"),
    ("recognition-evidence", "Britain broke off relations with the USSR in 1924 because of the Zinoviev letter",
     RECOGNITION, "the kit's data has their break in 1927"),
    ("recognition-evidence", "Germany broke off relations with the USSR in 1923 because of the Ruhr", RECOGNITION,
     "the kit's data has no break between Germany and Moscow"),
])
def test_a_break_the_data_does_not_hold_is_not_badged(name, text, events, said):
    verdict_ = claim(name, text, events)
    assert verdict_.status == checks.WRONG, str(verdict_)
    assert said in str(verdict_), str(verdict_)
    if "no break" in said:
        assert "Britain 1927" in str(verdict_), str(verdict_)  # the kit's breaks with Moscow, with their years


def test_a_break_the_data_holds_is_checked_and_never_read_as_confirmation():
    said = claim("recognition-evidence", "Britain broke off relations with the USSR in 1927 after the ARCOS raid",
                 RECOGNITION)
    assert said.status == checks.CHECKED, str(said)
    assert "'Britain breaks off relations with the USSR' (1927)" in str(said), str(said)
    assert "checked nothing else your claim says" in str(said) and "found events of that tone" not in str(said)
