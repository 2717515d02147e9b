"""A free-text claim must say who did what (claim_form.py): nonsense in real words that names a state and a year is
refused as no claim about the history, while the shapes the kit itself offers and sound claims without a listed
verb are read."""

import pytest

import breaking_isolation as kit
from breaking_isolation import checks, claim_form, china_exercises, evidence, evidence_words

DATA = kit.load()
WORDS = evidence_words.lexicon(DATA, evidence._documents(DATA))


@pytest.mark.parametrize("text", [
    "Colourless green ideas sleep furiously in Britain because 1924.",
    "The bananas of recognition climbed furiously into Germany since yesterday 1922.",
    "Britain's bananas in 1924 were a step out of isolation.",
    "The moon would have had to be made of cheese in Wuhan.",
    "Colourless green ideas would have had to sleep furiously.",
])
def test_nonsense_in_real_words_is_no_claim(text):
    assert claim_form.why_not_a_claim(text, DATA, WORDS), text


@pytest.mark.parametrize("text", [
    claim_form.EXAMPLE,
    china_exercises.CONDITION_EXAMPLE,
    "Britain's recognition in 1924 was a step out of isolation, so the path was uneven.",
    "The recognition of the USSR in 1924 by Britain was a turning point.",
    "In 1927 the Shanghai massacre ended the united front.",
    "Britain and the USSR were at odds in 1927 over the ARCOS raid.",
    "Wuhan would have had to stay loyal.",
])
def test_a_claim_that_says_who_did_what_is_read(text):
    assert claim_form.why_not_a_claim(text, DATA, WORDS) is None, text


def test_the_example_the_refusal_gives_passes_the_check_it_is_shown_by():
    """The shape a student is told to follow is one the check reads, and true: Rapallo, 1922, in the data."""
    said = checks.verdict("recognition-evidence", {"claim": claim_form.EXAMPLE,
                                                   "events": ["1922-rapallo-treaty", "1926-treaty-of-berlin"]}, DATA)
    assert said.status == checks.CHECKED, str(said)
    rapallo = DATA.events.set_index("event_id").loc["1922-rapallo-treaty"]
    assert str(rapallo["date"].year) in claim_form.EXAMPLE and {rapallo["actor"], rapallo["counterpart"]} >= {"germany"}


def test_a_plain_sentence_of_what_two_states_did_together_is_a_claim():
    """'Germany and Russia tested poison gas together in Germany in 1926' was called unreadable, not a claim."""
    assert claim_form.why_not_a_claim("Germany and Russia tested poison gas together in Germany in 1926.", DATA,
                                      WORDS) is None
