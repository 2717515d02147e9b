"""Each state's standing with Moscow over time, and the step series behind notebook 1's chart."""

import pandas as pd
import pytest

import breaking_isolation as kit
from breaking_isolation import recognition

ACTORS = pd.DataFrame({
    "actor_id": ["rsfsr", "ussr", "chicherin", "britain", "germany", "china", "china-beijing", "kmt", "chiang",
                 "italy", "comintern", "poland"],
    "name": ["Soviet Russia", "Soviet Union", "Georgy Chicherin", "United Kingdom", "Germany", "China (Republic)",
             "Beijing government", "Kuomintang", "Chiang Kai-shek", "Italy", "Comintern", "Poland"],
    "kind": ["state", "state", "person", "state", "state", "state", "government", "party", "person", "state",
             "international_organisation", "state"],
    "belongs_to": ["", "", "ussr", "", "", "", "china", "china", "kmt", "", "", ""],
    "region": ["europe", "europe", "europe", "europe", "europe", "asia", "asia", "asia", "asia", "europe",
               "international", "europe"],
})

# (event_id, date, kind, actor, counterpart): a small history with every kind of move.
ROWS = [
    ("1921-trade-agreement", "1921-03-16", "de_facto_recognition", "britain", "rsfsr"),
    ("1921-italy-trade", "1921-12-26", "de_facto_recognition", "italy", "rsfsr"),
    ("1922-rapallo", "1922-04-16", "de_jure_recognition", "germany", "rsfsr"),
    ("1922-rapallo-conference", "1922-04-10", "conference", "germany", "rsfsr"),  # not a recognition kind
    ("1923-poland-germany", "1923-01-01", "de_jure_recognition", "poland", "germany"),  # Moscow not involved
    ("1924-britain", "1924-02-01", "de_jure_recognition", "britain", "ussr"),
    ("1924-italy", "1924-02-07", "de_jure_recognition", "italy", "ussr"),
    ("1924-china", "1924-05-31", "relations_treaty", "china-beijing", "ussr"),
    ("1925-britain-trade", "1925-06-01", "de_facto_recognition", "britain", "ussr"),  # no step down
    ("1927-britain-break", "1927-05-26", "rupture", "britain", "ussr"),
    ("1927-china-break", "1927-12-14", "rupture", "kmt", "ussr"),
    ("1929-britain-restored", "1929-10-03", "restoration", "britain", "chicherin"),
    ("1929-china-break", "1929-07-17", "rupture", "ussr", "china"),  # already broken: stays none
    ("1920-moscow-recognises-poland", "1920-06-01", "de_jure_recognition", "rsfsr", "poland"),  # the other way
]


def events(rows=ROWS) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["event_id", "date_text", "kind", "actor", "counterpart"])
    frame["date"] = pd.to_datetime(frame["date_text"])
    return frame


@pytest.fixture
def changes():
    return recognition.standing_changes(events(), ACTORS)


def test_only_recognition_events_with_moscow_in_date_order(changes):
    assert "1922-rapallo-conference" not in set(changes["event_id"])
    assert "1923-poland-germany" not in set(changes["event_id"])
    assert "1920-moscow-recognises-poland" not in set(changes["event_id"])  # Moscow recognised Poland, not the reverse
    assert changes["date"].is_monotonic_increasing
    assert len(changes) == len(ROWS) - 3


def test_governments_parties_and_envoys_map_to_their_states(changes):
    by_event = changes.set_index("event_id")["state"]
    assert by_event["1924-china"] == "china"            # a government
    assert set(changes.loc[changes["state"] == "china", "label"]) == {"China"}  # the bracketed note dropped
    assert by_event["1927-china-break"] == "china"      # a party, for the government it led
    assert by_event["1929-britain-restored"] == "britain"  # Moscow's side is an envoy who belongs to the USSR
    assert by_event["1929-china-break"] == "china"      # Moscow broke it off: the other side is the state
    assert recognition.state_of(ACTORS)["chiang"] == "china"
    assert set(changes.loc[changes["state"] == "britain", "label"]) == {"United Kingdom"}
    assert "comintern" not in recognition.state_of(ACTORS)


def test_standing_moves(changes):
    by_event = changes.set_index("event_id")
    moves = {e: (str(r.standing_before), str(r.standing_after)) for e, r in by_event.iterrows()}
    assert moves["1921-trade-agreement"] == ("none", "de_facto")
    assert moves["1924-britain"] == ("de_facto", "de_jure")
    assert moves["1925-britain-trade"] == ("de_jure", "de_jure")  # a trade agreement does not undo de jure
    assert moves["1927-britain-break"] == ("de_jure", "none")
    assert moves["1929-britain-restored"] == ("none", "de_jure")
    assert moves["1929-china-break"] == ("none", "none")


def test_step_counts_fall_on_ruptures_and_rise_on_restorations(changes):
    counts = recognition.step_counts(changes)
    at = lambda when: tuple(recognition.counts_at(counts, when)[["de_facto", "de_jure"]])  # noqa: E731
    assert at("1921-01-01") == (0, 0)
    assert at("1921-12-31") == (2, 0)   # Britain and Italy de facto
    assert at("1922-12-31") == (2, 1)   # + Germany de jure
    assert at("1924-02-06") == (1, 2)   # Britain moves up to de jure
    assert at("1924-12-31") == (0, 4)   # Britain, Italy, Germany, China
    assert at("1927-05-26") == (0, 3)   # the British break, on its day
    assert at("1927-12-31") == (0, 2)   # and the Chinese one
    assert at("1929-12-31") == (0, 3)   # Britain restored
    assert (counts["any"] == counts["de_facto"] + counts["de_jure"]).all()


def test_first_recognitions_and_the_de_facto_to_de_jure_gap(changes):
    firsts = recognition.first_recognitions(changes)
    assert list(firsts["state"]) == ["britain", "italy", "germany", "china"]
    assert list(firsts["standing"].astype(str)) == ["de_facto", "de_facto", "de_jure", "de_jure"]
    gaps = recognition.de_facto_then_de_jure(changes)
    assert gaps.to_dict() == {"italy": 773, "britain": 1052}


def test_an_event_with_no_state_is_named_in_the_error():
    rows = ROWS + [("1925-comintern", "1925-01-01", "de_jure_recognition", "comintern", "ussr")]
    with pytest.raises(ValueError, match=r"1925-comintern.*'comintern'"):
        recognition.standing_changes(events(rows), ACTORS)


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="does not change a standing"):
        recognition.next_standing("none", "treaty")


# --- the kit's real data, counted by hand ----------------------------------------------------------
# Each moment lists the states at each standing on that day, with the event that put them there, so that a
# reader can recount from data/events.csv. Counted by hand from the data as committed.
NEIGHBOURS = {  # the peace and friendship treaties of 1920-21, all still in force through 1927
    "estonia": "1920-tartu-estonia", "lithuania": "1920-moscow-treaty-lithuania", "latvia": "1920-riga-latvia",
    "finland": "1920-tartu-finland", "persia": "1921-persia-treaty", "afghanistan": "1921-afghanistan-treaty",
    "turkey": "1921-treaty-of-moscow-turkey", "poland": "1921-peace-of-riga", "mongolia": "1921-soviet-mongolian-treaty",
}
WAVE_1924 = {  # de jure in 1924, China by the Beijing government's treaty
    "britain": "1924-britain-recognition", "italy": "1924-italy-recognition", "norway": "1924-norway-recognition",
    "austria": "1924-austria-recognition", "greece": "1924-greece-recognition", "sweden": "1924-sweden-recognition",
    "canada": "1924-canada-recognition", "china": "1924-sino-soviet-agreement", "denmark": "1924-denmark-recognition",
    "mexico": "1924-mexico-recognition", "france": "1924-france-recognition", "albania": "1924-albania-recognition",
}
BY_HAND = {
    # 9 neighbours de jure; 5 trade agreements de facto.
    "1921-12-31": {"de_facto": {"britain": "1921-anglo-soviet-trade-agreement",
                                "germany": "1921-german-soviet-provisional-agreement",
                                "norway": "1921-norway-trade-agreement", "austria": "1921-austria-trade-agreement",
                                "italy": "1921-italy-trade-agreement"},
                   "de_jure": NEIGHBOURS},
    # 9 neighbours + Germany (Rapallo) + the 12 of 1924 = 22 de jure; only Czechoslovakia still de facto.
    "1924-12-31": {"de_facto": {"czechoslovakia": "1922-czechoslovakia-trade-agreement"},
                   "de_jure": {**NEIGHBOURS, "germany": "1922-rapallo-treaty", **WAVE_1924}},
    # Japan joins in 1925 and Uruguay in 1926; Britain and Canada (May) and China (December, the Nationalists)
    # break off in 1927: 21 de jure.
    "1927-12-31": {"de_facto": {"czechoslovakia": "1922-czechoslovakia-trade-agreement"},
                   "de_jure": {**NEIGHBOURS, "germany": "1922-rapallo-treaty",
                               **{k: v for k, v in WAVE_1924.items() if k not in ("britain", "china", "canada")},
                               "japan": "1925-soviet-japanese-convention", "uruguay": "1926-uruguay-recognition"}},
}


@pytest.mark.parametrize("moment", sorted(BY_HAND))
def test_the_step_chart_matches_a_count_by_hand(moment):
    data = kit.load()
    changes = recognition.standing_changes(data.events, data.actors)
    counts = recognition.counts_at(recognition.step_counts(changes), moment)
    wide = recognition.standings(changes).loc[:moment]
    standing_then = wide.iloc[-1] if len(wide) else pd.Series(dtype=str)
    for standing, expected in BY_HAND[moment].items():
        assert counts[standing] == len(expected), (moment, standing)
        assert set(standing_then[standing_then == standing].index) == set(expected), (moment, standing)
        for state, event_id in expected.items():  # the event that set the standing is the latest one before
            latest = changes[(changes["state"] == state) & (changes["date"] <= moment)].iloc[-1]
            assert latest["event_id"] == event_id, (moment, state)
