"""Keys and plans that say which face of Moscow an event shows agree with faces.py, the one place that decides it.

What it checks: statements of three shapes in lessons/*.md and lessons/keys/*.md, "Through the state: ... (ids)" /
"Through the party|Comintern: ... (ids)" up to the end of the sentence, "`id` ... is the state|party face", and
"(`id`: ..., so the state|party)". Other wordings are not read; the test says how many statements it found.
"""

import re
from pathlib import Path

import breaking_isolation as kit
from breaking_isolation import faces
from breaking_isolation.vocabulary import EVENT_ID

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
THROUGH = re.compile(r"Through the (state|party|Comintern):(.*?)(?=Through the |\.(?:\s|$))", re.S)
IS_FACE = re.compile(r"`(" + EVENT_ID + r")`\)? is the (state|party) face")
SO_FACE = re.compile(r"`(" + EVENT_ID + r")`: [^()`]*?, so the (state|party)\)")


def statements(text):
    """(event_id, 'state face'|'party face') for each statement of a face in `text`."""
    text = " ".join(text.split())
    found = []
    for channel, body in THROUGH.findall(text):
        face = faces.STATE if channel == "state" else faces.PARTY
        found += [(event, face) for event in re.findall(r"\b" + EVENT_ID + r"\b", body)]
    for pattern in (IS_FACE, SO_FACE):
        found += [(event, faces.STATE if face == "state" else faces.PARTY) for event, face in pattern.findall(text)]
    return found


def test_the_reader_finds_each_shape_of_statement():
    text = ("Through the state: a mission (1922-joffe-mission). Through the party: the statement "
            "(1923-sun-joffe-manifesto). Then `1924-whampoa-opens` is the party face; "
            "(`1924-sino-soviet-agreement`: a government, so the state).")
    assert statements(text) == [("1922-joffe-mission", faces.STATE), ("1923-sun-joffe-manifesto", faces.PARTY),
                                ("1924-whampoa-opens", faces.PARTY), ("1924-sino-soviet-agreement", faces.STATE)]


def test_every_face_a_key_or_plan_names_is_the_face_faces_py_gives():
    data = kit.load()
    known = set(data.events["event_id"])
    said = []
    for path in sorted(LESSONS.glob("*.md")) + sorted((LESSONS / "keys").glob("*.md")):
        said += [(path.name, event, face) for event, face in statements(path.read_text(encoding="utf-8"))]
    assert len(said) >= 6, said
    wrong = []
    for name, event, face in said:
        assert event in known, (name, event)
        given = faces.faces([event], data.events, data.actors)[event]
        if given != face:
            wrong.append((name, event, face, given))
    assert wrong == []
