"""The last student traps of issue 22 (self-study), as a reader who gets the exercises wrong on purpose found them:
the checks called on answers as the notebooks call them. Each test failed on the old checks."""

import pytest

import breaking_isolation as kit
from breaking_isolation import checks, china
from test_freshness import checking_shell

DATA = kit.load()
SOLUTION_C = {1: ("both", "1927-trotsky-critique"), 2: ("Trotsky", "1927-trotsky-critique"),
              3: ("Stalin", "a proletarian dictatorship in the neighbourhood of China")}


def verdict(name, answer):
    return checks.verdict(name, answer, DATA)


def _turning_points():
    lanes = china.lane_events(DATA.events, DATA.actors)
    return list(lanes.loc[lanes["turning_point"], "event_id"])


# --- notebook 3, exercise C: the evidence is one man's words, the speaker the other's -------------------------


@pytest.mark.parametrize(("claim", "speaker", "evidence", "whose"), [
    (2, "Stalin", "1927-trotsky-critique", "Trotsky"),
    (3, "Trotsky", "a proletarian dictatorship in the neighbourhood of China", "Stalin"),
    (3, "Trotsky", "1927-stalin-theses-china", "Stalin")])
def test_a_swapped_speaker_is_refused_naming_whose_evidence_it_is(claim, speaker, evidence, whose):
    said = verdict("china-speakers", {**SOLUTION_C, claim: (speaker, evidence)})
    assert said.status == checks.WRONG, str(said)
    assert f"For claim {claim} you name {speaker}" in str(said) and f"is {whose}'s" in str(said)


def test_the_speakers_of_their_own_evidence_and_both_are_still_checked():
    assert verdict("china-speakers", SOLUTION_C).status == checks.CHECKED
    both = {**SOLUTION_C, 3: ("both", "a proletarian dictatorship in the neighbourhood of China")}
    assert verdict("china-speakers", both).status == checks.CHECKED


def test_a_near_miss_of_an_event_id_gets_a_did_you_mean():
    said = str(verdict("china-speakers", {**SOLUTION_C, 3: ("Stalin", "1927-stalin-theses")}))
    assert "did you mean '1927-stalin-theses-china'?" in said


# --- notebook 3, exercise A: ids in capitals, dates instead of ids ---------------------------------------------


def test_ids_typed_in_capitals_are_read():
    assert verdict("china-order", [e.upper() for e in _turning_points()]).ok


def test_dates_typed_instead_of_ids_are_told_to_type_the_id_with_the_ids_of_that_day():
    dates = DATA.events.set_index("event_id")["date"]
    said = verdict("china-order", [f"{dates[e]:%Y-%m-%d}" for e in _turning_points()])
    text = str(said)
    assert said.status == checks.WRONG and "not its date" in text and "Type the event's id, like" in text
    assert "1923-sun-joffe-manifesto" in text and "does not belong" not in text  # the id of that day, no long list
    assert len(said.points) == 1


def test_a_year_typed_lists_its_turning_points_by_id_never_in_date_order():
    said = str(verdict("china-order", ["1927", *_turning_points()[1:]]))
    listed = said.split("of that year: ")[1].rstrip(".").split(", ")
    assert listed == sorted(listed) and len(listed) > 2


# --- a form the check cannot read: the problem first, re-run advice only when it applies -----------------------


@pytest.fixture
def ipython(monkeypatch):
    run, close = checking_shell(monkeypatch, DATA)   # the kit's own data, not test_checks' table
    yield run
    close()


def test_an_unreadable_answer_just_set_is_told_its_problem_without_re_run_advice(ipython):
    ipython('answer = "several"')
    said = ipython('check("recognition-1", answer)')[0]
    assert said.status == checks.UNREADABLE
    assert "figures" in said.points[0] or "expects" in said.points[0]
    assert "still holds" not in str(said)


def test_re_run_advice_comes_after_the_problem(ipython):
    ipython('answer = "several"')
    ipython("x = 1")
    said = ipython('check("recognition-2", answer)')[0]
    assert "still holds" in said.points[-1] and "still holds" not in said.points[0]


# --- a dictionary where a dictionary is asked for is never told "expects a dictionary... is a dictionary" ---------


@pytest.mark.parametrize(("name", "answer", "said"), [
    ("recognition-evidence", {"claim": "Britain recognised Moscow in 1924.", "events": "1924-britain-recognition"},
     "in square brackets"),
    ("network-evidence", {"claim": "x", "evidence": []}, "does not know"),
    ("china-conditions", {"conditions": "one", "events": []}, "list of sentences")])
def test_a_dictionary_answer_is_told_what_is_wrong_inside_it(name, answer, said):
    result = verdict(name, answer)
    assert result.status == checks.UNREADABLE
    assert "Your answer is a dictionary" not in str(result) and "expects a dictionary" not in str(result)
    assert said in str(result)


# --- notebook 2, exercise 3: a sentence never opens with a small letter -------------------------------------------


def test_a_tie_that_does_not_belong_opens_its_sentence_with_a_capital():
    said = verdict("network-3", [("britain", "germany")])
    assert said.points[0].startswith("The tie"), said.points


# --- claims: every fact-bearing part is checked against the data, or said unchecked and never badged -------------

RECOGNITION = ["1924-britain-recognition", "1927-britain-breaks-relations"]
CHINA = ["1924-whampoa-opens", "1927-shanghai-massacre"]


def claim(name, text, events):
    return verdict(name, {"claim": text, "events": events})


@pytest.mark.parametrize("text", ["The USSR recognised Britain in 1924 after the Zinoviev letter.",
                                  "Moscow recognised Britain in 1924 because Labour won the election.",
                                  "Soviet Russia formally recognised the US in 1933 because trade mattered."])
def test_moscow_recognising_a_state_is_told_the_data_records_the_other_way_round(text):
    said = claim("recognition-evidence", text, RECOGNITION)
    assert said.status == checks.WRONG, str(said)
    assert "the other way round" in str(said) and "recognising Moscow" in str(said)


def test_a_state_recognising_moscow_is_still_checked():
    said = claim("recognition-evidence", "Britain recognised the USSR in 1924 because Labour wanted trade.", RECOGNITION)
    assert said.status == checks.CHECKED, str(said)


@pytest.mark.parametrize(("text", "said"), [
    ("Lenin signed Locarno in 1925 with Hitler because he wanted peace.", "died on 21 January 1924"),
    ("Sun Yat-sen ordered the Shanghai massacre in 1927 because he feared the Communists.", "died on 12 March 1925")])
def test_a_person_the_data_records_as_dead_by_then_is_refused_with_the_day(text, said):
    result = claim("china-evidence", text, CHINA)
    assert result.status == checks.WRONG and said in str(result), str(result)


@pytest.mark.parametrize(("text", "said"), [
    ("Chicherin signed the Treaty of Berlin in 1926 because he wanted peace.",
     "the data does not link Georgy Chicherin to that event"),
    ("Mao backed the Northern Expedition in 1926 because Moscow helped the Kuomintang.", "'Mao'"),
    ("Mao welcomed the Northern Expedition in 1927 because Moscow helped the Kuomintang.", "'Mao'")])
def test_a_person_the_data_does_not_link_to_the_claim_is_said_unchecked_never_badged(text, said):
    result = claim("china-evidence", text, CHINA)
    assert result.status == checks.UNCHECKED, str(result)
    assert "could not check" in str(result) and said in str(result)
    assert "✔" not in str(result) and "◇" not in str(result)


@pytest.mark.parametrize("text", ["Borodin helped Sun Yat-sen in 1923 because Moscow wanted an ally in China.",
                                  "Chiang led the Northern Expedition in 1926 because the Kuomintang wanted to unite China."])
def test_a_true_claim_about_people_the_data_supports_is_checked(text):
    said = claim("china-evidence", text, CHINA)
    assert said.status == checks.CHECKED, str(said)


@pytest.mark.parametrize("text", ["Britain was Moscow's closest friend in 1927 because of ARCOS.",
                                  "Britain and Moscow were warm friends in 1927 because of ARCOS."])
def test_a_friendly_tone_in_a_hostile_year_is_refused(text):
    said = claim("recognition-evidence", text, RECOGNITION)
    assert said.status == checks.WRONG and "nothing cooperative between them" in str(said), str(said)


def test_a_friendly_tone_in_a_friendly_year_is_checked():
    said = claim("recognition-evidence", "Germany was Moscow's closest friend in 1922 because of Rapallo.", RECOGNITION)
    assert said.status == checks.CHECKED and "closest friend" in str(said), str(said)


def test_an_evaluative_phrase_the_check_has_no_tone_for_is_said_unchecked():
    said = claim("recognition-evidence", "Britain was Moscow's most important partner in 1924 because it recognised "
                 "the USSR.", RECOGNITION)
    assert said.status == checks.UNCHECKED and "'most important'" in str(said), str(said)


@pytest.mark.parametrize("text", ["Britain severed relations with Moscow in 1925 because of the Zinoviev letter.",
                                  "Britain cut ties with Moscow in 1925 because of the Zinoviev letter.",
                                  "Britain cut off relations with Moscow in 1925 because of the Zinoviev letter."])
def test_every_wording_of_a_break_is_read_against_the_breaks(text):
    said = claim("recognition-evidence", text, RECOGNITION)
    assert said.status == checks.WRONG and "break in 1927" in str(said), str(said)


def test_a_break_in_its_year_in_other_words_is_checked():
    said = claim("recognition-evidence", "Britain severed relations with Moscow in 1927 because of the ARCOS raid.",
                 RECOGNITION)
    assert said.status == checks.CHECKED and "the break between Britain and Moscow" in str(said), str(said)
