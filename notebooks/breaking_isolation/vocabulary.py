"""The closed vocabularies of the kit's data, as data/README.md and data/datapackage.json describe them."""

EVENT_KINDS = (
    "de_facto_recognition", "de_jure_recognition", "recognition_withdrawn",
    "relations_established", "relations_broken", "relations_restored",
    "treaty", "conference", "aid", "mission", "concession", "military_cooperation", "violence",
    "incident", "party_decision", "founding",
)
# Recognition of the Soviet state and diplomatic relations with it are two dimensions: a kind moves one,
# both or neither. None means "unchanged". Opening (or restoring) relations implies recognition de jure;
# breaking relations off does not withdraw recognition (data/README.md, "Kinds"; recognition.py).
MOVES = {
    # kind: (recognition after, relations after)
    "de_facto_recognition": ("de_facto", None),  # de facto, unless it was de jure already
    "de_jure_recognition": ("de_jure", None),
    "recognition_withdrawn": ("none", "none"),
    "relations_established": ("de_jure", "established"),
    "relations_broken": (None, "broken"),
    "relations_restored": ("de_jure", "established"),
}
RECOGNITION_KINDS = tuple(MOVES)  # the kinds that move a standing, in either dimension
# Each kind in words, for what people read (tables, legends, captions); the data and the code keep the ids.
KIND_WORDS = {kind: kind.replace("_", " ") for kind in EVENT_KINDS} | {"relations_broken": "relations broken off"}
RECOGNITION_LEVELS = ("none", "de_facto", "de_jure")
RELATIONS_LEVELS = ("none", "established", "broken")
TONES = ("cooperative", "neutral", "hostile")
VERDICTS = ("holds", "imprecise", "wrong")
ACTOR_KINDS = ("state", "government", "party", "international_organisation", "organisation", "firm", "person")
REGIONS = ("europe", "asia", "middle_east", "americas", "international")
# journalism: a later newspaper, magazine or website piece, by a journalist or an unnamed author: no scholarship.
SOURCE_KINDS = ("primary", "secondary", "tertiary", "journalism")

# The window the kit's section covers ("Foreign Policy, 1921-28"): networks, snapshots and the notebook 2
# exercises count the events from START to END, both included.
START, END = "1921-01-01", "1928-12-31"
# The Soviet state under its two names (before and after 30 December 1922). Every other actor of Moscow's side
# is found from actors.csv's belongs_to (sides.soviet_side), never listed by hand.
SOVIET_STATE = ("rsfsr", "ussr")
# Moscow's two faces (faces.py): the bodies at the head of each. Every other actor of Moscow's takes the face of
# the nearest of them above it in actors.csv's belongs_to (Joffe -> ussr: the state; Stalin -> cpsu: the party),
# never a hand list. The Far Eastern Republic, Moscow's buffer state of 1920-22, heads the state face itself: a
# state that belongs_to another was recognised as part of it (Mongolia, data/README.md), and it was not.
STATE_FACE = SOVIET_STATE + ("far-eastern-republic",)
PARTY_FACE = ("cpsu", "comintern")
# The shapes of an event id ("1922-rapallo-treaty") and of a date as the data writes it (YYYY, YYYY-MM or
# YYYY-MM-DD), as regular expressions. ASCII digits only, as datapackage.json says: \d would take ١٩٢٢ too.
EVENT_ID = r"[0-9]{4}-[a-z0-9]+(?:-[a-z0-9]+)*"
ISO_DATE = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?"
