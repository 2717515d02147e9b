"""Moscow's two faces are decided in one place (faces.py), as lesson 2 teaches them."""

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
    assert {a for a, lane in china.LANE_OF.items() if lane == china.STATE} == set(faces.STATE_SIDE)
    assert {a for a, lane in china.LANE_OF.items() if lane == china.PARTY} == set(faces.PARTY_SIDE)


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
