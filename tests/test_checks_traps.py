"""What a student doing the notebooks alone trips on, and what the checks now say instead: the same item twice,
a short name the data's actors go by, and a value the question cannot have."""

import pandas as pd
import pytest

from breaking_isolation import checks, network_exercises

from test_checks import DATA, DE_JURE_ON_THE_DAY, GAPS, say


# --- the same item twice is refused, in plain words -------------------------------------------------------


@pytest.mark.parametrize("answer", [["britain", "china", "britain"], ["United Kingdom", "china", "britain"],
                                    pd.Series(["britain", "china", "china"])])
def test_a_list_that_names_a_state_twice_is_refused_not_graded(answer):
    result = say("recognition-2", answer)
    assert result.status == checks.UNREADABLE and not result.ok
    assert "once" in str(result) and "This exercise expects" not in str(result)


def test_the_refusal_says_which_name_came_twice_and_tells_pandas_users_how():
    assert "'britain' twice" in str(say("recognition-2", ["britain", "china", "britain"]))
    assert "'United Kingdom' and 'britain' name the same one" in str(say("recognition-2", ["United Kingdom", "britain"]))
    assert ".unique()" in str(say("recognition-2", pd.Series(["china", "china"])))
    assert ".unique()" not in str(say("recognition-2", ["china", "china"]))


def test_an_order_that_gives_a_turning_point_twice_is_refused():
    from breaking_isolation import china, load

    data = load()
    order = list(china.TURNING_POINTS)
    result = checks.verdict("china-order", order[:-1] + order[:1], data)
    assert result.status == checks.UNREADABLE and f"{order[0]!r} twice" in str(result)


def test_gaps_given_twice_for_one_state_are_refused():
    with pytest.raises(checks.Repeated):
        checks.as_number_mapping({"britain": 1052, "United Kingdom": 1052}, checks.names_of(DATA.actors))


def test_a_tie_given_twice_either_way_round_is_refused():
    with pytest.raises(checks.Repeated, match="same tie"):
        network_exercises.as_pairs([("britain", "ussr"), ("ussr", "Britain")], {"britain": "britain"})
    with pytest.raises(checks.Unreadable, match="two different actors"):
        network_exercises.as_pairs([("ussr", "ussr")])


def test_a_claim_that_cites_one_event_twice_is_refused():
    from breaking_isolation import load

    answer = {"claim": "Moscow won Britain's recognition in 1924, because trade mattered to both sides.",
              "events": ["1924-britain-recognition", "1924-britain-recognition"]}
    result = checks.verdict("recognition-evidence", answer, load())
    assert result.status == checks.UNREADABLE and "twice" in str(result)


# --- short names, read off the data ----------------------------------------------------------------------


ACTORS = pd.DataFrame({
    "actor_id": ["china-beijing", "kmt-wuhan", "china-nanjing", "kpd", "turkey-ankara", "china", "trotsky"],
    "name": ["Beijing (Beiyang) government", "Wuhan Nationalist government (left Kuomintang)",
             "Nanjing Nationalist government", "Communist Party of Germany (KPD)", "Ankara government",
             "China (Republic)", "Leon Trotsky"],
    "kind": ["government", "government", "government", "party", "government", "state", "person"],
})


@pytest.mark.parametrize("typed, actor", [("beijing", "china-beijing"), ("wuhan", "kmt-wuhan"),
                                          ("nanjing", "china-nanjing"), ("ankara", "turkey-ankara"),
                                          ("kpd", "kpd"), ("china", "china"), ("left kuomintang", "kmt-wuhan")])
def test_a_government_goes_by_its_seat_and_a_party_by_its_initials(typed, actor):
    assert checks.names_of(ACTORS)[typed] == actor


def test_a_short_name_two_actors_share_is_never_guessed():
    twins = pd.DataFrame({"actor_id": ["a", "b"], "name": ["Canton government", "Canton government (second)"],
                          "kind": ["government", "government"]})
    assert "canton" not in checks.names_of(twins)


def test_the_network_check_reads_beijing_and_wuhan_as_its_nodes():
    from breaking_isolation import load

    names = network_exercises._names(load())
    assert names["beijing"] == "china-beijing" and names["wuhan"] == "kmt-wuhan"
    assert names["nanjing"] == "kmt"  # drawn with the party that formed it
    assert names["peking"] == "china-beijing"  # the spelling notebook 3 uses


# --- a value the question cannot have ---------------------------------------------------------------------


@pytest.mark.parametrize("given", [-1, 1850, 10_000])
def test_an_impossible_count_of_states_is_told_so_not_hinted_at(given):
    result = say("recognition-1", given)
    assert result.status == checks.WRONG and "outside what the question allows" in str(result)
    assert "Too" not in str(result)


def test_a_near_miss_still_gets_its_hint():
    result = say("recognition-1", DE_JURE_ON_THE_DAY + 1)
    assert "Too many" in str(result) and "outside" not in str(result)


def test_a_negative_gap_is_told_so():
    result = say("recognition-3", {**GAPS.to_dict(), "italy": -773})
    assert result.status == checks.WRONG and "below 0" in str(result)


@pytest.mark.parametrize("quarter, why", [("1850 Q2", "1850 is outside"), ("1927 Q5", "5 is outside")])
def test_an_impossible_quarter_is_told_so(quarter, why):
    from breaking_isolation import load

    result = checks.verdict("china-switch", quarter, load())
    assert result.status == checks.WRONG and why in str(result)


def test_an_impossible_number_of_triads_is_told_so():
    from breaking_isolation import load

    result = checks.verdict("network-2", -2, load())
    assert "outside what the question allows" in str(result)



# --- exercise B reads a quarter however it is written; exercise E's praise fits the count -----------------


@pytest.mark.parametrize("form", ["{y} Q{q}", "Q{q} {y}", "{y}-Q{q}", "{y}Q{q}", "{q}th quarter of {y}",
                                  "quarter {q} {y}"])
def test_exercise_b_reads_the_quarter_first_or_the_year_first(form):
    from breaking_isolation import china, load

    data = load()
    turn = china.party_turn(data.events, data.actors)["quarter"]
    answer = form.format(y=turn.year, q=turn.quarter)
    assert checks.verdict("china-switch", answer, data).ok, answer


@pytest.mark.parametrize("answer", ["soon", "1927", "Q4"])
def test_exercise_b_says_what_it_could_not_read(answer):
    from breaking_isolation import load

    result = checks.verdict("china-switch", answer, load())
    assert result.status == checks.UNREADABLE
    assert f"could not find a year and a quarter in {answer!r}" in str(result)


def test_exercise_e_praises_the_count_it_was_given():
    from breaking_isolation import china_exercises, load

    data = load()
    for n in range(0, 30):
        if checks.verdict("china-both", n, data).ok:
            break
    said = str(checks.verdict("china-both", n, data))
    assert said.endswith(china_exercises.both_at_once(n))
    if n == 0:
        assert "In no quarter" in said and "courted both sides" not in said
    assert china_exercises.both_at_once(0).startswith("In no quarter")
    assert "courted both sides" not in china_exercises.both_at_once(0)
    assert "In 2 quarters" in china_exercises.both_at_once(2)


def test_the_glossary_names_of_governments_are_read_as_their_actors():
    """'Wuhan government' (the glossary's heading, the notebooks' words) is the Wuhan government, as 'Wuhan' is."""
    import re
    from pathlib import Path

    from breaking_isolation import load

    data = load()
    names = checks.names_of(data.actors)
    glossary = (Path(__file__).resolve().parents[1] / "notebooks" / "glossary.md").read_text(encoding="utf-8")
    headings = [h.strip() for h in re.findall(r"^## (?:<a [^>]*></a>)?(.*)$", glossary, re.MULTILINE)]
    governments = [h for h in headings if h.lower().endswith(" government")]
    assert "Wuhan government" in governments
    for heading in governments:
        assert names.get(heading.lower()) == names[heading.split()[0].lower()], heading
    for typed in ("Wuhan government", "the Wuhan government"):
        assert checks.as_id_set([typed], names) == {"kmt-wuhan"}
    result = checks.verdict("network-1", ["Wuhan government"], data)
    assert "does not belong" not in str(result)


def test_exercise_g_reads_conditions_written_as_keys_and_names_the_form_of_any_other_dictionary():
    from breaking_isolation import load

    data = load()
    as_keys = {"The Communists would have needed armed forces of their own.": "1924-whampoa-opens",
               "The left Kuomintang at Wuhan would have had to stay allied.": "1927-wuhan-expels-communists"}
    result = checks.verdict("china-conditions", as_keys, data)
    assert result.status == checks.CHECKED and "Not answered" not in str(result)
    other = checks.verdict("china-conditions", {"condition": "armies", "event": "1924-whampoa-opens"}, data)
    assert other.status == checks.UNREADABLE and '"conditions"' in str(other) and "'condition'" in str(other)
    assert checks.verdict("china-conditions", {"conditions": ..., "events": ...}, data).status == checks.UNANSWERED


@pytest.mark.parametrize("missing", [float("nan"), pd.NaT])
def test_a_gap_left_empty_is_called_missing_with_a_hint_to_drop_it(missing):
    gaps = pd.Series({**GAPS.to_dict(), "france": missing})
    if missing is pd.NaT:
        gaps = pd.to_timedelta(pd.Series({**{k: f"{v} days" for k, v in GAPS.to_dict().items()}, "france": None}))
    result = say("recognition-3", gaps)
    assert result.status == checks.UNREADABLE
    assert "missing" in str(result) and ".dropna()" in str(result) and "decimals" not in str(result)


def test_exercise_c_accepts_a_line_of_the_debate_table_and_refuses_one_line_for_two_claims():
    from breaking_isolation import china_exercises, load

    data = load()
    line = "the Opposition called for soviets of workers, peasants and soldiers"
    assert line in data.events.set_index("event_id").loc["1927-trotsky-critique", "description"]
    answer = {1: ("Stalin", "1927-stalin-theses-china"), 2: ("Trotsky", line), 3: ("both", "1927-trotsky-critique")}
    assert checks.verdict("china-speakers", answer, data).status == checks.CHECKED
    twice = checks.verdict("china-speakers", {**answer, 1: ("both", line)}, data)
    assert twice.status == checks.WRONG and "Claims 1 and 2 have the same line" in str(twice)
    short = checks.verdict("china-speakers", {n: ("both", "One or the other.") for n in (1, 2, 3)}, data)
    assert short.status == checks.WRONG and "the debate's documents" in str(short)
    assert set(china_exercises.DEBATE_EVENTS) <= set(data.events["event_id"])


def test_exercise_c_reads_the_events_handout_5_lists_in_its_debate_section():
    import build_handouts

    from breaking_isolation import china_exercises

    assert tuple(china_exercises.DEBATE_EVENTS) == tuple(build_handouts.CHINA_DEBATE)


def test_exercise_a_tells_event_names_from_ids():
    from breaking_isolation import china, load

    data = load()
    titles = data.events.set_index("event_id")["title"]
    named = [titles[e] for e in china.TURNING_POINTS]
    result = checks.verdict("china-order", named, data)
    assert result.status == checks.WRONG and "do not belong" not in str(result)
    assert f"{len(named)} of your items are event names" in str(result) and "Give the event ids" in str(result)
    short = checks.verdict("china-order", ["Shanghai massacre", *list(china.TURNING_POINTS)[1:]], data)
    assert "'1927-shanghai-massacre' for 'Shanghai massacre'" in str(short)


def test_a_claim_with_a_key_the_template_lacks_is_told_which_keys_it_reads():
    from breaking_isolation import load

    answer = {"claim": "Britain recognised the Soviet state in 1924 because trade mattered.",
              "evidence": ["1924-britain-recognises", "1921-anglo-soviet-trade"]}
    result = checks.verdict("recognition-evidence", answer, load())
    assert result.status == checks.UNREADABLE
    assert '"claim", "events" and "document"' in str(result) and "'evidence'" in str(result)


def test_no_check_sends_a_student_alone_to_a_teacher():
    """A student working alone has no teacher: what the checks say is judged 'against the evidence'."""
    import re
    from pathlib import Path

    from breaking_isolation import china_exercises, evidence

    said = (evidence.YOU_JUDGE, china_exercises.NOT_JUDGED, china_exercises.CONDITIONS_NOT_JUDGED)
    assert all("teacher" not in text and "for you to judge against" in text for text in said)
    package = Path(checks.__file__).parent
    for module in (*checks.MODULES, "checks", "freshness", "evidence_words"):
        source = (package / f"{module}.py").read_text(encoding="utf-8")
        strings = re.findall(r'"[^"\n]*teacher[^"\n]*"', source)
        assert not [s for s in strings if "your teacher" in s or "teacher's question" in s], (module, strings)
