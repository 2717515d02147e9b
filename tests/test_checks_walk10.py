"""What a student's walk found that the walk table (tests/fixtures/walk/answers.csv) cannot hold: words a message
must not say."""

import breaking_isolation as kit
from breaking_isolation import checks

DATA = kit.load()


def test_a_thing_a_title_calls_by_a_persons_name_is_not_that_person_acting():
    said = str(checks.verdict("recognition-evidence", {
        "claim": "After the Zinoviev letter in 1924 the Conservatives refused to ratify the treaties, which shows "
                 "recognition did not make a friend.",
        "events": ["1924-zinoviev-letter", "1924-britain-rejects-treaties"]}, DATA))
    assert "Zinoviev is among the people of" not in said and "names Grigory Zinoviev in" not in said, said
    assert "Checked: the form, not the history" in said, said


def test_the_data_s_occasion_is_offered_only_against_a_cause_the_claim_gives():
    """Notebook 1's model answer draws a conclusion from the break with 'so': it gives the break no cause, so the
    break's occasion (the ARCOS raid) is not set beside one; a claim that gives a cause still hears of it."""
    model = str(checks.verdict("recognition-evidence", {
        "claim": "Britain broke off relations with the USSR in May 1927 but did not withdraw the recognition it had "
                 "given in 1924, so in 1929 relations, not recognition, were restored.",
        "events": ["1924-britain-recognition", "1927-britain-breaks-relations", "1929-britain-restoration"]}, DATA))
    assert "names its occasion" not in model, model
    caused = str(checks.verdict("recognition-evidence", {
        "claim": "Britain broke off relations with the USSR in May 1927 because of the Zinoviev letter.",
        "events": ["1927-britain-breaks-relations", "1924-zinoviev-letter"]}, DATA))
    assert "ARCOS raid" in caused and "Zinoviev" in caused, caused  # the data's grounds, set beside the claim's cause
