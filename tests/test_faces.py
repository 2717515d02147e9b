"""Moscow's two faces are decided in one place (faces.py), as lesson 2 teaches them."""

import pandas as pd
import pytest

import breaking_isolation as kit
from breaking_isolation import china, faces


def test_the_faces_of_the_events_lesson_2_names():
    data = kit.load()
    shown = faces.faces(["1923-sun-joffe-manifesto", "1924-sino-soviet-agreement", "1923-borodin-arrives-canton"],
                        data.events, data.actors)
    # Joffe was the state's envoy, but he courted a party: the party face. Karakhan with Beijing: the state face.
    assert shown == {"1923-sun-joffe-manifesto": faces.PARTY, "1924-sino-soviet-agreement": faces.STATE,
                     "1923-borodin-arrives-canton": faces.PARTY}


def test_an_event_without_moscow_shows_no_face():
    data = kit.load()
    assert faces.faces(["1927-shanghai-massacre"], data.events, data.actors) == {"1927-shanghai-massacre": None}


def test_notebook_3_lanes_read_the_same_sides():
    actors = kit.load().actors
    lanes = china.lane_of(actors)
    assert {a for a, side in faces.sides(actors).items() if side == faces.STATE} == {
        a for a, lane in lanes.items() if lane == china.STATE}
    assert {a for a, side in faces.sides(actors).items() if side == faces.PARTY} == {
        a for a, lane in lanes.items() if lane == china.PARTY}


# A fixture in the shape of actors.csv: the state, the party inside it, the Comintern, the buffer state, and
# persons under each; a party abroad with its leader; a state abroad.
ACTORS = pd.DataFrame({
    "actor_id": ["ussr", "cpsu", "comintern", "far-eastern-republic", "envoy", "secretary", "agent", "firm",
                 "kmt", "sun", "peking", "china", "loop-a", "loop-b"],
    "kind": ["state", "party", "international_organisation", "state", "person", "person", "person", "firm",
             "party", "person", "government", "state", "person", "person"],
    "belongs_to": ["", "ussr", "", "", "ussr", "cpsu", "comintern", "envoy", "china", "kmt", "china", "", "loop-b",
                   "loop-a"],
})


def test_each_actor_takes_the_face_of_the_nearest_head_above_it():
    assert faces.sides(ACTORS) == {
        "ussr": faces.STATE, "far-eastern-republic": faces.STATE, "envoy": faces.STATE, "firm": faces.STATE,
        "cpsu": faces.PARTY, "secretary": faces.PARTY, "comintern": faces.PARTY, "agent": faces.PARTY}


def test_the_face_follows_the_one_rule():
    assert faces.face("envoy", "peking", ACTORS) == faces.STATE      # the state with a government abroad
    assert faces.face("envoy", "sun", ACTORS) == faces.PARTY         # the state's envoy courting a party's leader
    assert faces.face("peking", "agent", ACTORS) == faces.PARTY      # the Comintern's agent, whoever acts
    assert faces.face("secretary", "china", ACTORS) == faces.PARTY   # the party's man, though he is Moscow's
    assert faces.face("sun", "peking", ACTORS) is None               # Moscow is no side
    assert faces.face("loop-a", "loop-b", ACTORS) is None            # a loop in belongs_to reaches no head


@pytest.mark.guards("Lesson 2: Stalin, Trotsky and Borodin act for the party; Joffe, Karakhan and ARCOS for the state")
def test_the_kits_people_take_the_face_of_the_role_they_act_in():
    side = faces.sides(kit.load().actors)
    assert {a for a in ("stalin", "trotsky", "borodin", "zinoviev", "roy", "voitinsky", "vtssps")
            if side.get(a) != faces.PARTY} == set()
    assert {a for a in ("joffe", "karakhan", "chicherin", "litvinov", "krasin", "arcos", "amtorg", "blyukher",
                        "red-army", "far-eastern-republic") if side.get(a) != faces.STATE} == set()


def test_lesson_2s_key_to_the_matching_question_agrees_with_the_faces():
    from pathlib import Path

    key = (Path(__file__).resolve().parents[1] / "lessons" / "02-network.md").read_text(encoding="utf-8")
    key = " ".join(key.split("questions without programming", 1)[1].split("(4)", 1)[0].split())
    data = kit.load()
    named = {"1923-sun-joffe-manifesto": "Sun-Joffe manifesto: the party face",
             "1924-sino-soviet-agreement": "Sino-Soviet agreement: the state face",
             "1924-zinoviev-letter": "Zinoviev letter: the party face"}
    for event, said in named.items():
        assert said in key, said
        assert said.endswith(faces.faces([event], data.events, data.actors)[event]), event


def test_the_face_rule_reads_the_actors_once_and_agrees_with_face():
    from breaking_isolation import faces, load

    data = load()
    rule = faces.face_rule(data.actors)
    pairs = list(zip(data.events["actor"], data.events["counterpart"]))
    assert [rule(a, c) for a, c in pairs] == [faces.face(a, c, data.actors) for a, c in pairs]
    assert {rule(a, c) for a, c in pairs} >= {faces.STATE, faces.PARTY, None}
