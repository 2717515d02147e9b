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
