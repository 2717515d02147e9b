"""Each state's standing with Moscow over time, and the step series behind notebook 1's chart."""

import pandas as pd
import pytest

import breaking_isolation as kit
from breaking_isolation import recognition_exercises
from breaking_isolation import recognition

ACTORS = pd.DataFrame({
    "actor_id": ["rsfsr", "ussr", "chicherin", "britain", "germany", "china", "china-beijing", "china-nanjing",
                 "kmt", "chiang", "italy", "comintern", "poland", "canada"],
    "name": ["Soviet Russia", "Soviet Union", "Georgy Chicherin", "United Kingdom", "Germany", "China (Republic)",
             "Beijing government", "Nanjing government", "Kuomintang", "Chiang Kai-shek", "Italy", "Comintern",
             "Poland", "Canada"],
    "kind": ["state", "state", "person", "state", "state", "state", "government", "government", "party", "person",
             "state", "international_organisation", "state", "state"],
    "belongs_to": ["", "", "ussr", "", "", "", "china", "china", "china", "kmt", "", "", "", ""],
    "region": ["europe", "europe", "europe", "europe", "europe", "asia", "asia", "asia", "asia", "asia", "europe",
               "international", "europe", "americas"],
    # Beijing spoke for China until 8 June 1928, Nanjing after.
    "recognised_from": pd.to_datetime(["NaT"] * 6 + ["1912-03-10", "1928-06-08"] + ["NaT"] * 6),
    "recognised_until": pd.to_datetime(["NaT"] * 6 + ["1928-06-08", "NaT"] + ["NaT"] * 6),
})

# (event_id, date, kind, actor, counterpart): a small history with every kind of move.
ROWS = [
    ("1921-trade-agreement", "1921-03-16", "de_facto_recognition", "britain", "rsfsr"),
    ("1921-italy-trade", "1921-12-26", "de_facto_recognition", "italy", "rsfsr"),
    ("1922-rapallo", "1922-04-16", "relations_established", "germany", "rsfsr"),
    ("1922-rapallo-conference", "1922-04-10", "conference", "germany", "rsfsr"),  # moves nothing
    ("1923-poland-germany", "1923-01-01", "de_jure_recognition", "poland", "germany"),  # Moscow not involved
    ("1924-britain", "1924-02-01", "relations_established", "britain", "ussr"),
    ("1924-italy", "1924-02-07", "relations_established", "italy", "ussr"),
    ("1924-canada", "1924-03-24", "de_jure_recognition", "canada", "ussr"),  # recognition with no envoys
    ("1924-china", "1924-05-31", "relations_established", "china-beijing", "ussr"),
    ("1925-britain-trade", "1925-06-01", "de_facto_recognition", "britain", "ussr"),  # no step down
    ("1927-britain-break", "1927-05-26", "relations_broken", "britain", "ussr"),
    ("1927-kmt-break", "1927-04-20", "relations_broken", "kmt", "ussr"),  # a party speaks for no state
    ("1927-nanjing-break", "1927-12-14", "relations_broken", "china-nanjing", "ussr"),  # not yet recognised
    ("1929-britain-restored", "1929-10-03", "relations_restored", "britain", "chicherin"),
    ("1929-china-break", "1929-07-17", "relations_broken", "ussr", "china-nanjing"),  # recognised by then
    ("1932-china-restored", "1932-12-12", "relations_restored", "china-nanjing", "ussr"),
    ("1920-moscow-recognises-poland", "1920-06-01", "de_jure_recognition", "rsfsr", "poland"),  # the other way
]


def events(rows=ROWS) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["event_id", "date_text", "kind", "actor", "counterpart"])
    frame["date"] = pd.to_datetime(frame["date_text"])
    return frame


@pytest.fixture
def changes():
    return recognition.standing_changes(events(), ACTORS)


def test_only_standing_events_with_moscow_in_date_order(changes):
    assert "1922-rapallo-conference" not in set(changes["event_id"])
    assert "1923-poland-germany" not in set(changes["event_id"])
    assert "1920-moscow-recognises-poland" not in set(changes["event_id"])  # Moscow recognised Poland, not the reverse
    assert changes["date"].is_monotonic_increasing
    assert len(changes) == len(ROWS) - 3


def test_moscow_recognising_others_is_listed_apart():
    mine = recognition.moscow_recognises(events(), ACTORS)
    assert list(mine["event_id"]) == ["1920-moscow-recognises-poland"]
    assert list(mine["recognised"]) == ["poland"]


def test_governments_parties_and_envoys_map_to_their_states(changes):
    by_event = changes.set_index("event_id")["state"]
    assert by_event["1924-china"] == "china"            # a government
    assert set(changes.loc[changes["state"] == "china", "label"]) == {"China"}  # the bracketed note dropped
    assert by_event["1929-britain-restored"] == "britain"  # Moscow's side is an envoy who belongs to the USSR
    assert by_event["1929-china-break"] == "china"      # Moscow broke it off: the other side is China's government
    assert recognition.state_of(ACTORS)["chiang"] == "china"
    assert set(changes.loc[changes["state"] == "britain", "label"]) == {"United Kingdom"}
    assert "comintern" not in recognition.state_of(ACTORS)


def test_a_territory_recognised_as_part_of_another_state_speaks_for_none():
    """A Mongolia-like case: a state-like territory that Moscow itself recognised as part of China signs a
    treaty opening relations; by the recognised-government rule it moves nothing, and `as_states` counts it."""
    actors = pd.concat([ACTORS, pd.DataFrame({
        "actor_id": ["steppe"], "name": ["Steppe Republic"], "kind": ["state"], "belongs_to": ["china"],
        "region": ["asia"], "recognised_from": pd.to_datetime(["NaT"]), "recognised_until": pd.to_datetime(["NaT"])})],
        ignore_index=True)
    events = pd.DataFrame([("1921-steppe-treaty", "1921-11-05", "relations_established", "rsfsr", "steppe"),
                           ("1922-rapallo", "1922-04-16", "relations_established", "germany", "rsfsr")],
                          columns=["event_id", "date", "kind", "actor", "counterpart"])
    events["date"] = pd.to_datetime(events["date"])
    ruled = recognition.standing_changes(events, actors).set_index("event_id")
    assert not ruled.at["1921-steppe-treaty", "counted"]
    assert "part of China (Republic)" in ruled.at["1921-steppe-treaty", "reason"]
    assert ruled.at["1922-rapallo", "counted"]
    both = recognition.standing_changes(events, recognition.as_states(actors)).set_index("event_id")
    assert both.at["1921-steppe-treaty", "counted"]
    end_1921 = [recognition.year_end_table(c, 1921, 1922).loc[1921, "de_jure"]
                for c in (ruled.reset_index(), both.reset_index())]
    assert end_1921 == [0, 1]


def test_a_government_recognised_later_brings_its_relations_when_its_state_had_none():
    """An Ankara-like case: a rival government opens relations with Moscow before the powers recognise it,
    while the recognised government has none; the act counts for its state from the day it is recognised.
    A rival government whose state already had a standing through its recognised government (Nanjing under
    Peking) gains nothing that way."""
    actors = pd.concat([ACTORS, pd.DataFrame({
        "actor_id": ["anatolia", "anatolia-rival"], "name": ["Anatolia", "Rival government"],
        "kind": ["state", "government"], "belongs_to": ["", "anatolia"], "region": ["asia", "asia"],
        "recognised_from": pd.to_datetime(["NaT", "1922-11-01"]), "recognised_until": pd.to_datetime(["NaT", "NaT"])})],
        ignore_index=True)
    rows = ROWS + [("1920-anatolia", "1920-06-15", "relations_established", "anatolia-rival", "rsfsr")]
    ruled = recognition.standing_changes(events(rows), actors)
    row = ruled.set_index("event_id").loc["1920-anatolia"]
    assert row["counted"] and row["date"] == pd.Timestamp("1922-11-01") and row["date_text"] == "1920-06-15"
    assert "1 November 1922" in row["reason"] and "Rival government" in row["reason"]
    table = recognition.year_end_table(ruled, 1920, 1922)
    assert list(table["established"]) == [0, 0, 2]      # Germany (Rapallo) and Anatolia by the end of 1922
    assert not ruled.set_index("event_id").at["1927-nanjing-break", "counted"]  # China had Peking's standing
    assert list(ruled["date"]) == sorted(ruled["date"])


def test_only_the_recognised_government_of_the_day_speaks_for_china(changes):
    rows = changes.set_index("event_id")
    assert rows.loc["1924-china", "counted"]                 # Beijing, recognised in 1924
    assert not rows.loc["1927-kmt-break", "counted"]          # a party
    assert "party" in rows.loc["1927-kmt-break", "reason"]
    assert not rows.loc["1927-nanjing-break", "counted"]      # Nanjing before June 1928
    assert "did not yet speak for its country" in rows.loc["1927-nanjing-break", "reason"]
    assert rows.loc["1929-china-break", "counted"]            # Nanjing after June 1928
    assert (rows.loc["1927-nanjing-break", "relations_before"], rows.loc["1927-nanjing-break", "relations_after"]) \
        == ("established", "established")                    # moves nothing


def test_two_dimensions_move_apart(changes):
    by_event = changes.set_index("event_id")
    moves = {e: (str(r.recognition_before), str(r.recognition_after), str(r.relations_before), str(r.relations_after))
             for e, r in by_event.iterrows()}
    assert moves["1921-trade-agreement"] == ("none", "de_facto", "none", "none")
    assert moves["1924-britain"] == ("de_facto", "de_jure", "none", "established")
    assert moves["1924-canada"] == ("none", "de_jure", "none", "none")       # recognised, no relations
    assert moves["1925-britain-trade"] == ("de_jure", "de_jure", "established", "established")  # no step down
    assert moves["1927-britain-break"] == ("de_jure", "de_jure", "established", "broken")  # still recognised
    assert moves["1929-britain-restored"] == ("de_jure", "de_jure", "broken", "established")
    assert moves["1929-china-break"] == ("de_jure", "de_jure", "established", "broken")
    assert moves["1932-china-restored"] == ("de_jure", "de_jure", "broken", "established")


def test_recognition_counts_never_fall_on_a_break(changes):
    counts = recognition.recognition_counts(changes)
    at = lambda when: tuple(recognition.counts_at(counts, when)[["de_facto", "de_jure"]])  # noqa: E731
    assert at("1921-01-01") == (0, 0)
    assert at("1921-12-31") == (2, 0)   # Britain and Italy de facto
    assert at("1922-12-31") == (2, 1)   # + Germany de jure
    assert at("1924-02-06") == (1, 2)   # Britain moves up to de jure
    assert at("1924-12-31") == (0, 5)   # Britain, Italy, Germany, Canada, China
    assert at("1927-12-31") == (0, 5)   # the British break withdrew no recognition
    assert at("1933-12-31") == (0, 5)
    assert (counts["any"] == counts["de_facto"] + counts["de_jure"]).all()


def test_relations_counts_fall_on_breaks_and_rise_on_restorations(changes):
    counts = recognition.relations_counts(changes)
    at = lambda when: tuple(recognition.counts_at(counts, when)[["established", "broken"]])  # noqa: E731
    assert at("1921-12-31") == (0, 0)   # trade agreements open no relations
    assert at("1922-12-31") == (1, 0)   # Germany
    assert at("1924-12-31") == (4, 0)   # + Britain, Italy, China; not Canada
    assert at("1927-05-26") == (3, 1)   # the British break, on its day
    assert at("1927-12-31") == (3, 1)   # Nanjing's break of December 1927 ended nothing for China
    assert at("1929-07-17") == (2, 2)   # the Soviet break with China's (now Nanjing) government
    assert at("1929-12-31") == (3, 1)   # Britain restored
    assert at("1932-12-31") == (4, 0)   # China restored


def test_year_end_table(changes):
    table = recognition.year_end_table(changes, 1921, 1933)
    assert list(table.columns) == ["de_facto", "de_jure", "established", "broken"]
    assert table.loc[1927].to_dict() == {"de_facto": 0, "de_jure": 5, "established": 3, "broken": 1}


def test_the_naive_count_adds_acts_not_states(changes):
    naive = recognition.naive_counts(changes)
    # Britain 1921, Italy 1921, Germany 1922, Britain, Italy, Canada, China 1924, Britain 1925, Britain 1929,
    # China 1932: ten acts by five states.
    assert int(recognition.counts_at(naive, "1933-12-31")) == 10
    assert int(recognition.counts_at(recognition.recognition_counts(changes), "1933-12-31")["any"]) == 5


def test_first_recognitions_and_the_de_facto_to_de_jure_gap(changes):
    firsts = recognition.first_recognitions(changes)
    assert list(firsts["state"]) == ["britain", "italy", "germany", "canada", "china"]
    assert list(firsts["standing"].astype(str)) == ["de_facto", "de_facto", "de_jure", "de_jure", "de_jure"]
    gaps = recognition_exercises._gaps(changes)  # the checker's own answer, kept out of the public kit
    assert gaps.to_dict() == {"italy": 773, "britain": 1052}


def test_an_event_with_no_state_is_named_in_the_error():
    rows = ROWS + [("1925-comintern", "1925-01-01", "de_jure_recognition", "comintern", "ussr")]
    with pytest.raises(ValueError, match=r"1925-comintern.*'comintern'"):
        recognition.standing_changes(events(rows), ACTORS)


def test_breaking_relations_never_established_is_named_in_the_error():
    rows = ROWS + [("1927-canada-break", "1927-05-27", "relations_broken", "canada", "ussr")]
    with pytest.raises(ValueError, match=r"1927-canada-break.*canada.*no relations"):
        recognition.standing_changes(events(rows), ACTORS)


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="does not change a standing"):
        recognition.next_standing("none", "none", "treaty")


def test_withdrawal_is_the_only_way_down():
    assert recognition.next_standing("de_jure", "established", "recognition_withdrawn") == ("none", "none")
    assert recognition.next_standing("de_jure", "established", "relations_broken") == ("de_jure", "broken")


# --- the kit's real data: invariants that hold whatever rows a teacher adds -------------------------


@pytest.fixture(scope="module")
def live():
    data = kit.load()
    return data, recognition.standing_changes(data.events, data.actors)


def test_live_recognition_falls_only_by_withdrawal(live):
    _, changes = live
    down = changes[changes["recognition_after"] < changes["recognition_before"]]
    assert set(down["kind"]) <= {"recognition_withdrawn"}


def test_live_counts_agree_with_a_replay_of_the_changes(live):
    """relations_counts against a plain replay, event by event, of the counted changes: a second way to the same
    numbers, not the function's own expression."""
    _, changes = live
    counts = recognition.relations_counts(changes)
    counted = changes[changes["counted"]]
    for when, row in counts.iterrows():
        standing = {}
        for state, after in zip(counted.loc[counted["date"] <= when, "state"],
                                counted.loc[counted["date"] <= when, "relations_after"]):
            standing[state] = str(after)
        states = list(standing.values())
        assert (row["established"], row["broken"]) == (states.count("established"), states.count("broken")), when
    # Relations imply recognition, so no date has more states with relations than states recognising Moscow.
    assert (recognition.recognition_counts(changes)["any"] >= counts["established"]).all()


def test_live_uncounted_acts_say_why(live):
    _, changes = live
    assert (changes.loc[~changes["counted"], "reason"] != "").all()
    counted = changes[changes["counted"]]
    # A counted act has no reason, unless it counts from a later day than its own (Ankara's, 1920).
    later = counted["reason"] != ""
    assert counted.loc[later, "reason"].str.contains("counted from").all()
    assert set(counted.loc[later, "event_id"]) == {"1920-turkey-relations"}


def test_live_relations_imply_recognition(live):
    # Every state with relations in place recognises Moscow de jure: opening relations implies it.
    _, changes = live
    recognised, related = recognition.standings(changes, "recognition"), recognition.standings(changes, "relations")
    related = related.reindex(columns=recognised.columns, fill_value="none")
    assert not ((related == "established") & (recognised != "de_jure")).any().any()


def test_the_changes_of_equal_tables_are_worked_out_once_and_each_caller_gets_its_own(monkeypatch):
    """A notebook and each of its checks ask for the changes with their own copy of the data: worked out once,
    and a table changed in place (or another table) is worked out again, never answered from the first."""
    worked = []
    real = recognition._standing_changes
    monkeypatch.setattr(recognition, "_standing_changes", lambda *args: worked.append(1) or real(*args))
    monkeypatch.setattr(recognition, "_RECENT", [])
    first = recognition.standing_changes(events(), ACTORS.copy())
    first.loc[0, "state"] = "changed by the caller"
    again = recognition.standing_changes(events(), ACTORS.copy())
    assert len(worked) == 1
    pd.testing.assert_frame_equal(again, real(events(), ACTORS))  # the caller's change did not reach the kept copy
    table = events()
    recognition.standing_changes(table, ACTORS.copy())
    assert len(worked) == 1
    table.loc[table["event_id"] == "1927-britain-break", "kind"] = "conference"  # changed in place
    moved = recognition.standing_changes(table, ACTORS.copy())
    assert len(worked) == 2 and "1927-britain-break" not in set(moved["event_id"])
    actors = ACTORS.copy()
    actors.loc[actors["actor_id"] == "britain", "name"] = "Great Britain"
    renamed = recognition.standing_changes(events(), actors)
    assert len(worked) == 3 and "Great Britain" in set(renamed["name"])
    problems = []
    recognition.standing_changes(events(), ACTORS.copy(), problems=problems)  # the loader's check: as asked
    assert len(worked) == 4
