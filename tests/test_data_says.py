"""A claim passed on its form is shown what the data holds on what it names (data_says.py): the events a student
needs to see that "the United States never recognised the USSR" or "Britain never restored relations" does not
stand. The expected events are read from data/events.csv by id; their dates and titles are never retyped here."""

import pytest

import breaking_isolation as kit
from breaking_isolation import checks, data_says, evidence
from breaking_isolation.documents import written_date

DATA = kit.load()
EVENTS = DATA.events.set_index("event_id")
CITED = {"recognition-evidence": ["1924-britain-recognition", "1927-britain-breaks-relations"],
         "network-evidence": ["1922-rapallo-treaty", "1926-treaty-of-berlin"],
         "china-evidence": ["1924-whampoa-opens", "1927-shanghai-massacre"]}


def _core(exercise):
    spec = evidence.SPECS[exercise]
    return spec.core(DATA) if spec.core else frozenset()


@pytest.mark.parametrize("exercise, claim, shows", [
    # the event that answers "never" or "until 1933": the recognition the claim denies or dates wrongly
    ("recognition-evidence", "The United States never recognised the USSR at all.", "1933-usa-recognition"),
    ("recognition-evidence", "France refused to recognise the USSR until 1933.", "1924-france-recognition"),
    ("recognition-evidence", "Italy was the first state to recognise the USSR de jure, in 1922.",
     "1924-italy-recognition"),
    ("recognition-evidence", "Britain broke off relations in 1927 and never restored them.", "1929-britain-restoration"),
    # an event named by its title, an actor's name among its words
    ("network-evidence", "Moscow published the Zinoviev letter in 1924 to win the British election.",
     "1924-zinoviev-letter"),
    ("china-evidence", "Whampoa opened in 1924 with British money and British advisers.", "1924-whampoa-opens"),
    ("china-evidence", "Stalin backed Chiang after the Shanghai massacre of the Communists.", "1927-shanghai-massacre"),
    # two actors named: the events between them
    ("china-evidence", "Moscow never gave the Kuomintang any help in the 1920s.", "1924-soviet-arms-reach-canton"),
])
def test_a_claim_the_check_cannot_judge_is_shown_the_events_it_must_face(exercise, claim, shows):
    pointer = data_says.said(claim, DATA, _core(exercise))
    assert pointer and f"{written_date(EVENTS.loc[shows, 'date_text'])}, {EVENTS.loc[shows, 'title']} ({shows})" in pointer
    verdict = checks.verdict(exercise, {"claim": claim, "events": CITED[exercise]}, DATA)
    if verdict.status in ("checked", "unchecked"):  # what the student reads beside a claim passed on its form
        assert pointer in verdict.points


def test_moscow_alone_picks_out_no_event():
    # Moscow is on one side of nearly every event: named alone, with a year, it shows none
    assert data_says.events_for("Moscow signed many treaties in 1924 to end its isolation.", DATA).empty


def test_at_most_a_few_events_are_shown_in_date_order():
    found = data_says.events_for("Britain and the USSR had a stormy decade from 1921 to 1929.", DATA,
                                 _core("recognition-evidence"))
    assert 0 < len(found) <= data_says.SHOWN
    assert list(found["date"]) == sorted(found["date"])


def test_a_refused_claim_gets_its_reason_not_the_list():
    verdict = checks.verdict("recognition-evidence", {"claim": "Britain recognised the USSR in 1926 after the trade "
                                                               "agreement was signed.",
                                                      "events": CITED["recognition-evidence"]}, DATA)
    assert verdict.status == "wrong"
    assert not any("the data's events on what it names" in p for p in verdict.points)


def test_nothing_named_nothing_shown():
    assert data_says.said("The decade was a time of great change for everyone involved.", DATA) is None
