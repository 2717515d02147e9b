"""The traps a student doing the exercises wrong on purpose found in the free-text claim checks of notebooks 1-3
(issue 22, "self-study"), and what the checks now say: a check that cannot judge history says what it checked,
and never passes a claim it did not read."""

import pytest

from breaking_isolation import checks, china_exercises, evidence, evidence_words, freshness, load, misconceptions

from test_freshness import Shell

DATA = load()  # the kit's own data: the claims are read against it

CHANGES = ["1924-britain-recognition", "1927-britain-breaks-relations"]


def claim(text, events=CHANGES, exercise="recognition-evidence"):
    return checks.verdict(exercise, {"claim": text, "events": events}, DATA)


# --- 1. made-up words are named, not "checked"; real English is read ----------------------------------------

NONSENSE = "Britain blorped the zazzle of Moscow in 1924 because of frimble snorks."  # 4 made-up words of 11


def test_a_claim_with_a_few_made_up_words_is_refused_with_the_words_named():
    said = claim(NONSENSE)
    assert said.status == checks.WRONG, str(said)
    assert "could not read these words: 'blorped', 'zazzle', 'frimble', 'snorks'" in str(said)
    assert "Check the spelling, or use words from the notebook" in str(said)


@pytest.mark.parametrize("text", [
    "Britain blorped Moscow in 1924 because trade snorked the zazz.",        # two unknown words among seven
    "Germany and Soviet Russia signed at Rapallo in 1922 because both were frimble wibbly.",  # two in a row
])
def test_a_run_of_unknown_words_or_a_quarter_of_them_is_refused(text):
    assert "could not read" in str(claim(text, ["1922-rapallo-treaty", "1924-britain-recognition"]))


SOUND = [
    "Moscow's diplomacy was undermined by the Comintern, because propaganda made Western governments suspicious.",
    "France recognised the USSR in 1924 but relations stayed tense because of the tsarist debts owed to French "
    "investors.",
    "Peaceful coexistence was a pragmatic strategy that let the USSR rebuild its economy while waiting for world "
    "revolution.",
    "Britain's break in 1927 was a serious setback, but it did not reverse the gains made in 1924.",
    "The Soviet regime was desperate for foreign loans, machinery and technology to rebuild industry after the "
    "civil war.",
    "Soviet isolation ended gradually because economic needs outweighed ideological hostility on both sides.",
    "Chicherin tried to balance peaceful coexistence with the revolutionary aims of the Comintern, which was "
    "very difficult.",
    "Yes, Italy under Mussolini recognised the USSR in 1924, which proves that recognition was about interests.",
]


@pytest.mark.parametrize("text", SOUND, ids=[t[:30] for t in SOUND])
def test_real_english_a_student_might_write_is_read(text):
    words = evidence_words.lexicon(DATA, evidence._documents(DATA))
    assert evidence_words.is_noise(text, words) is None


# --- 2. a year of recognition the data contradicts -----------------------------------------------------------

YEARS = [  # (claim, the year the hint must give, or None for no hint)
    ("The United States recognised the USSR in 1924 because trade mattered.", "16 November 1933"),
    ("In 1924 the US recognised the USSR because trade mattered.", "16 November 1933"),
    ("Italy recognised the USSR in 1925 because Mussolini wanted trade.", "7 February 1924"),
    ("Britain recognised the USSR de jure in 1921 because it wanted trade.", "1 February 1924"),
    ("Britain recognised the USSR in 1924 because the Labour government wanted trade.", None),
    ("Britain recognised the USSR de facto in 1921 because it wanted trade.", None),
    ("The United States refused to recognise the Soviet government until 1933 because of debts.", None),
    ("Unlike Britain in 1924, the United States did not recognise Moscow until 1933.", None),
    ("France recognised the USSR in 1924 but the United States waited until 1933.", None),
    ("Let us say Britain recognised the USSR in 1924 because of trade.", None),
]


@pytest.mark.parametrize("text, year", YEARS, ids=[t[:40] for t, _ in YEARS])
def test_a_year_of_recognition_is_read_against_the_data(text, year):
    found = misconceptions.wrong_years(text, DATA)
    if year is None:
        assert found == [], [m.hint for m in found]
    else:
        assert len(found) == 1 and year in found[0].hint, [m.hint for m in found]


def test_the_united_states_in_1924_gets_what_the_data_says():
    said = claim("The United States recognised the USSR in 1924 because trade mattered.")
    assert said.status == checks.WRONG and "1933-usa-recognition" in str(said) and "16 November 1933" in str(said)


# --- 3. every way of saying recognition was taken back ------------------------------------------------------

WITHDRAWN = [
    "Britain broke recognition of the USSR in 1927 because of the ARCOS raid.",
    "Britain broke its recognition of Moscow in 1927 after the ARCOS raid.",
    "In 1927 Britain ended recognition of the USSR because of the ARCOS raid.",
    "Britain cancelled its recognition of the USSR in 1927 because of propaganda.",
    "Britain took back its recognition of the USSR in 1927 because of the raid.",
    "Britain revoked recognition of the USSR in 1927 after the ARCOS raid.",
    "Britain de-recognised the USSR in 1927 because of the ARCOS raid.",
    "Britain derecognised the USSR in 1927 because of the ARCOS raid.",
    "In 1927 British recognition was broken off because of the ARCOS raid.",
    "Britain terminated its recognition of the USSR in 1927 because of the raid.",
]
KEPT = [
    "Britain broke off relations in 1927 but kept its recognition, because the two differ.",
    "Britain broke relations, not recognition, in 1927 because of the ARCOS raid.",
    "Britain's break of 1927 ended relations but not recognition, so in 1929 only relations were restored.",
]


@pytest.mark.parametrize("text", WITHDRAWN, ids=[t[:40] for t in WITHDRAWN])
def test_each_phrasing_of_a_withdrawn_recognition_gets_the_hint(text):
    assert "recognition-withdrawn" in [m.id for m in misconceptions.found_in(text)]
    assert "1924-britain-recognition" in str(claim(text))


@pytest.mark.parametrize("text", KEPT, ids=[t[:40] for t in KEPT])
def test_a_claim_that_keeps_recognition_apart_gets_no_hint(text):
    assert "recognition-withdrawn" not in [m.id for m in misconceptions.found_in(text)]


# --- 4. notebook 1: an event is called a recognition event only when it is one ---------------------------------


def test_china_events_are_not_said_to_bear_on_recognition():
    said = claim("China recognised the USSR in 1924 because Moscow gave up old treaties.",
                 ["1924-whampoa-opens", "1926-northern-expedition"])
    assert "bear on the question" not in str(said) and "each an event that changes" not in str(said)
    assert "are not events of recognition or relations" in str(said) and "did not judge" in str(said)


def test_recognition_events_are_named_as_what_they_are():
    said = claim("Britain recognised the USSR in 1924 and broke off relations in 1927 because of the ARCOS raid.")
    assert "are each an event that changes a state's recognition of Moscow or its relations with it" in str(said)


# --- 5. notebook 3, exercise C: the debate's events only --------------------------------------------------------


def test_an_event_outside_the_debate_is_named_as_such():
    answer = {1: ("Stalin", "1924-britain-recognition"), 2: ("Trotsky", "1927-trotsky-critique"),
              3: ("both", "1927-stalin-theses-china")}
    said = checks.verdict("china-speakers", answer, DATA)
    assert said.status == checks.WRONG and "is real, but it is not part of the debate in Moscow in 1927" in str(said)
    assert all(event in str(said) for event in china_exercises.DEBATE_EVENTS)


# --- the minor traps -------------------------------------------------------------------------------------------


@pytest.fixture
def shell(monkeypatch):
    monkeypatch.setattr(freshness, "STATE", freshness._State())
    shell = Shell()
    freshness.watch(shell)
    return shell


def test_a_misspelt_answer_is_named_not_called_unanswered(shell):
    shell.run("answr = 23")
    said = shell.run('kit.check("recognition-1", answer)', check=("recognition-1", ...))
    assert said.status == checks.STALE and "Did you mean `answer`? You typed `answr`." in said.points


def test_a_misspelt_answer_after_another_exercise_is_never_graded_as_that_one(shell):
    shell.run("answer = 23")
    shell.run('kit.check("recognition-1", answer)')  # the student never ran that check: nothing recorded
    shell.run("anwser = ['britain', 'china']")
    said = shell.run('kit.check("recognition-2", answer)', check=("recognition-2", 23))
    assert said.status == checks.STALE and "Did you mean `answer`? You typed `anwser`." in said.points


def test_answer_set_inside_a_function_does_not_count():
    assert not freshness.sets_answer("def f():\n    answer = 3\n    return answer")
    assert not freshness.sets_answer("g = lambda: [answer := 3]")
    assert freshness.sets_answer("def f():\n    global answer\n    answer = 3\nf()")
    assert freshness.sets_answer("for x in [1]:\n    answer = x")


@pytest.mark.parametrize("answer", [{"claim": ..., "events": [...], "document": ...},
                                    {"claim": "...", "events": ["...", "..."], "document": None}])
def test_a_claim_template_left_blank_is_not_answered_yet(answer):
    assert checks.verdict("recognition-evidence", answer, DATA).status == checks.UNANSWERED


def test_the_republic_of_china_and_the_opposition_are_read():
    assert checks.names_of(DATA.actors)["republic of china"] == "china"
    answer = {1: ("Stalin", "1927-stalin-cable-to-borodin"), 2: ("the Opposition", "1927-trotsky-critique"),
              3: ("both", "1927-stalin-theses-china")}
    assert checks.verdict("china-speakers", answer, DATA).status == checks.CHECKED


def test_exercise_f_gives_one_verdict_for_events_off_the_question():
    said = claim("The united front failed in 1927 because Chiang turned on the Communists.",
                 ["1927-shanghai-massacre", *CHANGES], "china-evidence")
    assert said.status == checks.WRONG and "bear on the question" not in str(said)
    assert "Only 1 of your events is a China event" in str(said)


def test_a_name_like_answer_beside_answer_itself_is_no_typo(shell):
    shell.run("answers = [23, 24]; answer = answers[0]")
    said = shell.run('kit.check("recognition-1", answer)', check=("recognition-1", 23))
    assert said.status != checks.STALE, str(said)
