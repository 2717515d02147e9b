"""Years, outcomes, posts and what the check looked at (outcomes.py, claim_people.py, ties_said.py): a signing in a
year the data contradicts, a success the event's title denies, "never broken" or "throughout" against an event
that ended it, a post across sides and a party "recognised" are refused with the data's facts; true claims of the
same shapes are not; and a passing verdict names the student's own events and says it judged no truth."""

import pytest

import breaking_isolation as kit
from breaking_isolation import checks, outcomes

DATA = kit.load()
GERMANY = ["1922-rapallo-treaty", "1926-treaty-of-berlin"]
BRITAIN = ["1921-anglo-soviet-trade-agreement", "1927-britain-breaks-relations"]
CHINA = ["1924-whampoa-opens", "1927-shanghai-massacre", "1924-sino-soviet-agreement"]


def claim(name, text, events):
    return checks.verdict(name, {"claim": text, "events": events}, DATA)


@pytest.mark.parametrize(("name", "text", "events", "said"), [
    ("network-evidence", "Moscow could count on Germany because Rapallo was signed in 1923 and the Treaty of Berlin "
     "in 1926.", GERMANY, "the data dates it 16 April 1922 (1922-rapallo-treaty)"),
    ("china-evidence", "The Canton Commune of 1927 succeeded, which shows the Communists could win alone.",
     ["1927-canton-commune", "1927-shanghai-massacre"], "'Canton Commune: communist uprising crushed'"),
    ("network-evidence", "Britain traded with Moscow because the trade agreement of 1921 was never broken.", BRITAIN,
     "the Baldwin government ended the trade agreement"),
    ("network-evidence", "Britain was always hostile to Moscow from 1921 to 1928, so the trade agreement meant "
     "nothing.", BRITAIN, "cooperative events between them in those years: 'Anglo-Soviet trade agreement' (1921)"),
    ("network-evidence", "Britain was Moscow's firmest friend throughout 1921-28, because trade mattered to both.",
     BRITAIN, "'Britain breaks off relations with the USSR' (1927)"),
    ("china-evidence", "Borodin led the Kuomintang in 1924, so the front was Moscow's tool.",
     ["1923-borodin-arrives-canton", "1924-whampoa-opens"], "chief Soviet political adviser to Sun Yat-sen"),
    ("network-evidence", "Moscow recognised the Kuomintang as China's government in 1923, which shows it counted on "
     "Sun Yat-sen.", ["1923-sun-joffe-manifesto", "1924-sino-soviet-agreement"],
     "'Sino-Soviet agreement: Beijing recognises the USSR' (31 May 1924, 1924-sino-soviet-agreement)"),
])
def test_a_year_an_outcome_an_end_or_a_post_the_data_contradicts_is_refused_with_its_facts(name, text, events, said):
    result = claim(name, text, events)
    assert result.status == checks.WRONG and said in str(result), str(result)


@pytest.mark.parametrize(("name", "text", "events"), [
    ("china-evidence", "The Canton Commune failed in 1927, which shows the Communists could not win alone.",
     ["1927-canton-commune", "1927-shanghai-massacre"]),
    ("network-evidence", "Britain traded with Moscow because the trade agreement of 1921 was never broken until "
     "1927.", BRITAIN),
    ("network-evidence", "Britain and Moscow were friends in 1921, but they were not always friends, because of "
     "the break of 1927.", BRITAIN),
    ("network-evidence", "Germany was Moscow's friend throughout 1922-26, because of Rapallo and the Treaty of "
     "Berlin.", GERMANY),
    ("china-evidence", "Chiang Kai-shek led the Kuomintang after 1926, so the Communists were in danger.", CHINA),
    ("network-evidence", "Trotsky led the Red Army in 1922, so Moscow could count on Germany for arms.", GERMANY),
])
def test_true_claims_of_the_same_shapes_are_not_refused(name, text, events):
    assert outcomes.read(text, DATA, events) is None
    assert claim(name, text, events).status != checks.WRONG, str(claim(name, text, events))


@pytest.mark.parametrize(("name", "text", "events", "found"), [
    ("network-evidence", "Moscow could count on Germany after Rapallo, so the Treaty of Berlin followed in 1926.",
     GERMANY, "'Treaty of Rapallo' (1922) and 'Treaty of Berlin' (1926)"),
    ("china-evidence", "The united front was a mistake, because in 1927 the Kuomintang broke with the USSR after "
     "Shanghai.", ["1927-nationalist-break-with-ussr", "1927-shanghai-massacre"],
     "'Nanjing breaks with Moscow and closes Soviet consulates' (1927)"),
    ("network-evidence", "The Kuomintang attacked the Communists in Shanghai in April 1927, so Moscow lost its ally.",
     ["1923-sun-joffe-manifesto", "1927-shanghai-massacre"], "'Shanghai massacre: Chiang Kai-shek turns on"),
])
def test_the_events_named_as_found_are_the_student_s_own_first_and_no_verdict_on_truth(name, text, events, found):
    said = str(claim(name, text, events))
    assert f"it found {found}" in said, said
    assert "did not judge whether your claim is true" in said
    # a cause matched to a cited event has its order compared, never its truth judged
    assert "compared only the order" not in said or "Dates alone prove no cause" in said


@pytest.mark.parametrize("events", [["1924-whampoa-opens", "1927-shanghai-massacre", "1924-sino-soviet-agreement"],
                                    ["1923-chiang-mission-moscow", "1927-shanghai-massacre"]])
@pytest.mark.parametrize("text", [
    "The united front was not a mistake, since Whampoa in 1924 gave the Nationalists an army, though Chiang later "
    "turned on the Communists.",
    "The united front was a mistake because Chiang Kai-shek, trained in Moscow in 1923, turned on the Communists at "
    "Shanghai in 1927."])
def test_a_true_turn_is_read_for_its_own_subject_and_years(text, events):
    result = claim("china-evidence", text, events)
    assert result.status == checks.CHECKED, str(result)
    assert "between Chiang Kai-shek and Communists (CCP)" in str(result) and "Moscow and Communists" not in str(result)
