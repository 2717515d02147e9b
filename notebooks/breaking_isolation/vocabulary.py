"""The closed vocabularies of the kit's data, as data/README.md and data/datapackage.json describe them."""

EVENT_KINDS = (
    "relations_treaty", "de_facto_recognition", "de_jure_recognition", "rupture", "restoration",
    "treaty", "conference", "aid", "mission", "concession", "military_cooperation", "violence",
    "incident", "party_decision", "founding",
)
# How each recognition kind moves a state's standing with Moscow (see recognition.py).
RECOGNITION_KINDS = ("relations_treaty", "de_facto_recognition", "de_jure_recognition", "rupture", "restoration")
TONES = ("cooperative", "neutral", "hostile")
VERDICTS = ("holds", "imprecise", "wrong")
ACTOR_KINDS = ("state", "government", "party", "international_organisation", "organisation", "firm", "person")
REGIONS = ("europe", "asia", "middle_east", "americas", "international")
SOURCE_KINDS = ("primary", "secondary", "tertiary")
