"""Write data/datapackage.json from the package's vocabularies, so the schema and the loader never differ.

Run after changing a column or a vocabulary: python tools/write_datapackage.py
(tests/test_data.py fails when the file on disk is not what this writes).
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "notebooks"))

from breaking_isolation.loader import ACTOR_COLUMNS, EVENT_COLUMNS, SOURCE_COLUMNS  # noqa: E402
from breaking_isolation.vocabulary import (  # noqa: E402
    ACTOR_KINDS, EVENT_KINDS, REGIONS, SOURCE_KINDS, TONES, VERDICTS)

ISO = r"^\d{4}(-\d{2}(-\d{2})?)?$"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DESCRIPTIONS = {
    "event_id": "YYYY-short-name: the year of the event, then a few words, lower case with hyphens.",
    "date": "ISO 8601 at the precision the sources support: YYYY, YYYY-MM or YYYY-MM-DD. For a treaty, the day of signature.",
    "end_date": "Last day of an event that lasted; not before date.",
    "kind": "What happened, from a closed vocabulary (data/README.md gives each kind's meaning).",
    "actor": "actor_id of who acted: who recognised, who broke off, who raided.",
    "counterpart": "actor_id of whom it was done to or with; for recognition, the state recognised.",
    "title": "A short title, at most 80 characters.",
    "description": "One to three sentences in the kit's own words.",
    "tone": "The sign of the relation, for the network.",
    "source_ids": "One or more source_id values from sources.csv, separated by ';'.",
    "alt_dates": "Other dates sources give, each DATE@source_id, separated by ';'.",
    "date_note": "Why the kit uses date rather than the alternatives.",
    "country_study_says": "What the 1989 Library of Congress Country Study says of this event: a short quote.",
    "country_study_verdict": "How that claim stands against the evidence; required when country_study_says is filled.",
    "actor_id": "Lower case with hyphens, unique.",
    "name": "The name a reader knows.",
    "belongs_to": "The actor this one is part of: a government's state, a person's party or state.",
    "region": "Where the actor is.",
    "start_date": "When the actor came to exist as such (YYYY, YYYY-MM or YYYY-MM-DD).",
    "recognised_from": "Governments only: first day as its state's recognised government, whose acts speak for the state.",
    "recognised_until": "Governments only: last day as its state's recognised government; empty if still recognised.",
    "wikidata": "The Wikidata item id, e.g. Q15180.",
    "note": "What a reader should know.",
    "source_id": "Lower case with hyphens, unique.",
    "citation": "Full citation: author, title, publisher or site, year, pages or section.",
    "url": "Where the source can be read, if anywhere.",
}
OVERRIDES = {
    ("actors", "end_date"): "When the actor ceased to exist as such (YYYY, YYYY-MM or YYYY-MM-DD).",
    ("actors", "kind"): "What sort of actor.",
    ("sources", "kind"): "primary (a document of the time), secondary (a historian's work) or tertiary (an encyclopedia).",
}
ENUMS = {
    ("events", "kind"): EVENT_KINDS, ("events", "tone"): TONES, ("events", "country_study_verdict"): VERDICTS,
    ("actors", "kind"): ACTOR_KINDS, ("actors", "region"): REGIONS, ("sources", "kind"): SOURCE_KINDS,
}
PATTERNS = {
    "event_id": r"^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$", "actor_id": SLUG, "source_id": SLUG, "actor": SLUG,
    "counterpart": SLUG, "belongs_to": SLUG, "date": ISO, "end_date": ISO, "start_date": ISO,
    "recognised_from": ISO, "recognised_until": ISO,
    "wikidata": r"^Q\d+$", "source_ids": r"^[a-z0-9-]+(;[a-z0-9-]+)*$",
}


def fields(table: str, columns: dict[str, bool]) -> list[dict]:
    out = []
    for column, required in columns.items():
        field = {"name": column, "type": "string",
                 "description": OVERRIDES.get((table, column), DESCRIPTIONS[column])}
        constraints = {}
        if required:
            constraints["required"] = True
        if (table, column) in ENUMS:
            constraints["enum"] = list(ENUMS[(table, column)])
        if column in PATTERNS:
            constraints["pattern"] = PATTERNS[column]
        if column == "title":
            constraints["maxLength"] = 80
        if constraints:
            field["constraints"] = constraints
        out.append(field)
    return out


def resource(name: str, columns: dict[str, bool], key: str, foreign: list[dict]) -> dict:
    schema = {"fields": fields(name, columns), "primaryKey": [key], "missingValues": [""]}
    if foreign:
        schema["foreignKeys"] = foreign
    return {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
            "encoding": "utf-8", "mediatype": "text/csv", "schema": schema}


def to_actor(column: str, resource_name: str = "actors") -> dict:
    return {"fields": [column], "reference": {"resource": resource_name, "fields": ["actor_id"]}}


def package() -> dict:
    return {
        "name": "breaking-isolation",
        "title": "Breaking Isolation: events of Soviet foreign relations, 1920-1933",
        "description": ("Dated, typed and cited events of the foreign relations of Soviet Russia and the "
                        "USSR, densest for 1921-28, with the actors and sources they name. "
                        "data/README.md explains every column and kind."),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": [
            resource("events", EVENT_COLUMNS, "event_id", [to_actor("actor"), to_actor("counterpart")]),
            resource("actors", ACTOR_COLUMNS, "actor_id", [to_actor("belongs_to", "")]),
            resource("sources", SOURCE_COLUMNS, "source_id", []),
        ],
    }


def render() -> str:
    return json.dumps(package(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    (ROOT / "data" / "datapackage.json").write_text(render(), encoding="utf-8")
