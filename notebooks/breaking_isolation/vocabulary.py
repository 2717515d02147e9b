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
RECOGNITION_LEVELS = ("none", "de_facto", "de_jure")
RELATIONS_LEVELS = ("none", "established", "broken")
TONES = ("cooperative", "neutral", "hostile")
VERDICTS = ("holds", "imprecise", "wrong")
ACTOR_KINDS = ("state", "government", "party", "international_organisation", "organisation", "firm", "person")
REGIONS = ("europe", "asia", "middle_east", "americas", "international")
SOURCE_KINDS = ("primary", "secondary", "tertiary")
