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
