"""Every factual claim of the 1989 Country Study maps to events in the data, and every quote is exact."""

import re
from pathlib import Path

import pytest

import breaking_isolation as kit

TEXT = (Path(kit.data_dir()) / "source-text" / "country-study-1989.txt").read_text(encoding="utf-8")

# The passage's factual claims, in its own order, with the events that bear them out or refute them.
CLAIMS = {
    "the foreign debts incurred by the tsarist government that the Soviet government had unilaterally canceled":
        ["1918-debt-annulment"],
    "realized that his government required normal relations with the Western world":
        ["1921-nep", "1921-anglo-soviet-trade-agreement"],
    "the economy also required trade with the industrial countries":
        ["1921-anglo-soviet-trade-agreement", "1921-german-soviet-provisional-agreement"],
    "In April 1922, the Soviet commissar of foreign affairs, Georgii Chicherin":
        ["1922-rapallo-treaty", "1922-genoa-conference"],
    "Germany and Russia agreed on mutual recognition, cancellation of debt claims, normalization of trade relations":
        ["1922-rapallo-treaty"],
    "and secret cooperation in military development":
        ["1922-junkers-fili", "1925-lipetsk-school", "1926-kama-tank-school"],
    "the Soviet Union soon obtained diplomatic recognition from other major powers":
        ["1922-ussr-founded", "1924-italy-recognition", "1924-france-recognition", "1925-soviet-japanese-convention"],
    "beginning with Britain in February 1924":
        ["1924-britain-recognition", "1920-tartu-estonia", "1922-rapallo-treaty"],
    "the United States withheld recognition until 1933":
        ["1920-colby-note", "1923-hughes-rejects-talks", "1933-usa-recognition"],
    "private American firms began to extend technological assistance and develop commercial links":
        ["1924-amtorg-founded", "1925-harriman-concession", "1929-ford-agreement"],
    "promoting opposition among the indigenous populations against imperialist exploitation":
        ["1920-comintern-colonial-theses", "1920-baku-congress", "1922-far-east-toilers-congress"],
    "aiding the rise of the Nationalist Party":
        ["1923-sun-joffe-manifesto", "1923-borodin-arrives-canton", "1924-whampoa-opens", "1924-soviet-arms-reach-canton"],
    "After the triumph of the Nationalists, a debate developed among Soviet leaders":
        ["1927-stalin-theses-china", "1927-trotsky-critique", "1928-nationalists-take-peking"],
    "Stalin wanted the Chinese Communist Party to join the Nationalists":
        ["1923-ccp-third-congress", "1924-kmt-first-congress", "1926-ecci-seventh-plenum"],
    "Trotsky proposed an armed communist uprising and forcible imposition of socialism":
        ["1927-trotsky-critique"],
    "Although Stalin's plan was finally accepted, it came to nought":
        ["1927-ecci-eighth-plenum", "1927-wuhan-expels-communists"],
    "in 1926 the Nationalist leader Chiang Kai-shek ordered the Chinese communists massacred":
        ["1926-canton-coup", "1927-shanghai-massacre"],
    "Soviet advisers expelled":
        ["1927-wuhan-expels-communists", "1927-nationalist-break-with-ussr"],
}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def events():
    return kit.load().events.set_index("event_id")


@pytest.mark.parametrize("claim", CLAIMS)
def test_each_claim_is_quoted_exactly_and_maps_to_events(claim, events):
    assert _flat(claim) in _flat(TEXT), "not an exact quote of the Country Study"
    missing = [e for e in CLAIMS[claim] if e not in events.index]
    assert not missing, f"events not in data/events.csv: {missing}"
    judged = events.loc[CLAIMS[claim], "country_study_says"]
    assert (judged != "").any(), "none of its events records what the Country Study says"


def test_every_recorded_quote_is_exact():
    data = kit.load().events
    for event_id, says in zip(data["event_id"], data["country_study_says"]):
        for part in filter(None, (p.strip() for p in says.split("..."))):
            assert _flat(part) in _flat(TEXT), f"{event_id}: {part!r} is not in the Country Study"


def test_the_known_errors_are_recorded_as_such(events):
    verdict = events["country_study_verdict"]
    assert verdict["1926-canton-coup"] == "wrong"        # the massacre was in April 1927, not 1926
    assert verdict["1927-shanghai-massacre"] == "wrong"
    assert events.loc["1922-rapallo-treaty", "counterpart"] == "rsfsr"  # no Soviet Union in April 1922
    assert verdict["1922-junkers-fili"] != "holds"       # military cooperation was not in Rapallo's text



def split_verdicts(rows):
    """{quote: {verdict: [event_id, ...]}} for the quotes that carry more than one verdict."""
    verdicts = {}
    for event_id, says, verdict in rows:
        if says:
            verdicts.setdefault(_flat(says).strip(), {}).setdefault(verdict, []).append(event_id)
    return {says: found for says, found in verdicts.items() if len(found) > 1}


def test_one_quote_has_one_verdict():
    # The same words of the Country Study are one claim: every row that quotes them must judge them alike.
    data = kit.load().events
    split = split_verdicts(zip(data["event_id"], data["country_study_says"], data["country_study_verdict"]))
    assert not split, f"one quote, several verdicts: {split}"


def test_split_verdicts_finds_a_quote_judged_two_ways():
    rows = [("a", "beginning with Britain in February 1924", "wrong"),
            ("b", "beginning with  Britain in February 1924", "imprecise"),
            ("c", "Soviet advisers expelled", "imprecise"),
            ("d", "Soviet advisers expelled", "imprecise")]
    assert split_verdicts(rows) == {"beginning with Britain in February 1924": {"wrong": ["a"], "imprecise": ["b"]}}
