"""Who did it (agents.py): a claim that makes an actor the doer of an act the data credits to another is refused
with the data's actor; the same act said by its own doer, in another shape (a cause, a time clause, a passive, a
doer's men), is not. Each refusal here was a passing or "not checked" verdict before."""

import pytest

import breaking_isolation as kit
from breaking_isolation import agents, checks

DATA = kit.load()
BREAK = ["1927-britain-breaks-relations", "1927-arcos-raid"]
PEKING = ["1927-peking-embassy-raid", "1927-shanghai-massacre"]
CHINA = ["1924-whampoa-opens", "1927-shanghai-massacre", "1924-sino-soviet-agreement"]
GERMANY = ["1922-rapallo-treaty", "1926-treaty-of-berlin"]


def claim(name, text, events):
    return checks.verdict(name, {"claim": text, "events": events}, DATA)


@pytest.mark.parametrize(("name", "text", "events", "said"), [
    ("recognition-evidence", "The USSR broke off relations with Britain in 1927 after the Arcos raid.", BREAK,
     "the other way round: 'Britain breaks off relations with the USSR' (27 May 1927"),
    ("network-evidence", "Moscow raided ARCOS in 1927, so relations broke down.", BREAK,
     "the other way round: 'Police raid ARCOS and the Soviet trade delegation'"),
    ("china-evidence", "The Communists massacred Chiang Kai-shek's troops in Shanghai in April 1927, so the united "
     "front ended.", CHINA, "is an act of Chiang Kai-shek against Communists (CCP). Turn your claim round"),
])
def test_an_act_turned_round_is_refused_with_the_data_s_doer(name, text, events, said):
    result = claim(name, text, events)
    assert result.status == checks.WRONG and said in str(result), str(result)


@pytest.mark.parametrize(("name", "text", "events", "said"), [
    ("recognition-evidence", "Trotsky ordered Britain to break off relations in 1927.", BREAK,
     "does not record Leon Trotsky as a doer of 'Britain breaks off relations with the USSR'"),
    ("network-evidence", "Britain raided the Soviet embassy in Peking in 1927, so Moscow lost China.", PEKING,
     "it was an act of Zhang Zuolin against Moscow"),
    ("network-evidence", "Trotsky ordered the Shanghai massacre in 1927, so Moscow lost its Chinese friends.", PEKING,
     "it was an act of Chiang Kai-shek against Communists (CCP)"),
    ("china-evidence", "Borodin ordered the Shanghai massacre in 1927, so the united front was a mistake.", CHINA,
     "does not record Mikhail Borodin as a doer of 'Shanghai massacre"),
    ("china-evidence", "Britain and Japan ran the Northern Expedition in 1926, so Moscow lost China.",
     ["1926-northern-expedition", "1927-shanghai-massacre"], "does not record Britain or Japan as a doer of 'Northern Expedition"),
    ("network-evidence", "The Treaty of Berlin was signed in 1926 by Stalin and Hitler, so Moscow could count on "
     "Germany.", GERMANY, "does not record Joseph Stalin as a doer of 'Treaty of Berlin' (24 April 1926"),
    ("network-evidence", "Trotsky signed the Treaty of Rapallo in 1922, so Moscow could count on Germany.", GERMANY,
     "Its text says who signed: \"During the Genoa conference Rathenau and Chicherin signed"),
    ("china-evidence", "Chiang signed Locarno in 1925 with Hitler because he wanted peace.", CHINA,
     "does not record Chiang Kai-shek as a doer of 'Locarno treaties initialled'"),
])
def test_a_doer_the_event_does_not_have_is_refused_with_its_actor(name, text, events, said):
    result = claim(name, text, events)
    assert result.status == checks.WRONG and said in str(result), str(result)


@pytest.mark.parametrize(("name", "text", "events"), [
    ("recognition-evidence", "After the Arcos raid Britain broke off relations with the USSR in 1927, but "
     "recognition stood.", BREAK),
    ("recognition-evidence", "In 1927 relations were broken off by Britain after the Arcos raid, but its "
     "recognition of 1924 stood.", ["1927-britain-breaks-relations", "1924-britain-recognition"]),
    ("china-evidence", "Moscow's policy led to the Shanghai massacre in 1927, because it kept the Communists inside "
     "the Kuomintang.", CHINA),
    ("network-evidence", "Zhang Zuolin's police raided the Soviet embassy in Peking in 1927, so Moscow lost China.",
     PEKING),
    ("china-evidence", "Chiang's troops massacred the Communists in Shanghai in 1927, so the front ended.", CHINA),
    ("china-evidence", "The Kuomintang massacred the Communists in Shanghai in 1927, so the front ended.", CHINA),
    ("china-evidence", "The Wuhan Kuomintang expelled the Communists in 1927, so the front ended.",
     ["1927-wuhan-expels-communists", "1927-shanghai-massacre"]),
    ("china-evidence", "The Nationalists crushed the Canton Commune in 1927, so the Communists lost.",
     ["1927-canton-commune", "1926-northern-expedition"]),
    ("recognition-evidence", "Krasin signed the trade agreement with Britain in 1921, which shows trade came before "
     "recognition.", ["1921-anglo-soviet-trade-agreement", "1924-britain-recognition"]),
    ("network-evidence", "Rathenau and Chicherin signed the Treaty of Rapallo in 1922, so Moscow could count on "
     "Germany.", GERMANY),
    ("china-evidence", "Chiang did not order the Shanghai massacre of 1925, Trotsky said.", CHINA),
])
def test_the_act_said_by_its_own_doer_or_in_another_shape_is_not_refused_for_its_doer(name, text, events):
    assert agents.read(text, DATA, events) is None
    said = str(claim(name, text, events))
    assert "the other way round" not in said and "as a doer of" not in said, said


def test_a_break_by_a_state_that_never_broke_is_left_to_the_breaks_the_data_holds():
    result = claim("recognition-evidence", "The United States broke off relations with the USSR in 1927, so the "
                   "path was setbacks.", BREAK)
    assert result.status == checks.WRONG
    assert "no break between United States and Moscow" in str(result), str(result)
