"""Write data/datapackage.json from the package's vocabularies, so the schema and the loader never differ.

Run after changing a column or a vocabulary: PYTHONPATH=notebooks python tools/write_datapackage.py
(tests/test_data.py fails when the file on disk is not what this writes).
"""

import calendar
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from breaking_isolation import atomic
from breaking_isolation.loader import (
    ACTOR_COLUMNS, EVENT_COLUMNS, FIRST_YEAR, FREE_TEXT as FREE_TEXT_COLUMNS, LAST_YEAR, SOURCE_COLUMNS, TITLE_LENGTH)
from breaking_isolation.country_study import COLUMNS as CLAIM_COLUMNS
from breaking_isolation.vocabulary import (
    ACTOR_KINDS, EVENT_ID, EVENT_KINDS, REGIONS, SOURCE_KINDS, TONES, VERDICTS)

# Table Schema patterns are implicitly anchored (XML Schema style): Frictionless wraps them in ^...$.
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"


def _years(first: int, last: int) -> str:
    """A pattern for the years first..last: whole decades as one class, the rest one by one."""
    parts, year = [], first
    while year <= last:
        if year % 10 == 0 and year + 9 <= last:
            decade_end = year
            while decade_end + 19 <= last and (decade_end + 10) // 100 == year // 100:
                decade_end += 10
            tens = f"{year // 10 % 10}" if decade_end == year else f"[{year // 10 % 10}-{decade_end // 10 % 10}]"
            parts.append(f"{year // 100}{tens}[0-9]")
            year = decade_end + 10
        else:
            parts.append(str(year))
            year += 1
    return "(" + "|".join(parts) + ")"


def date_pattern(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD with real months and days (29 February in leap years only), first..last."""
    year = _years(first, last)
    leap = "(" + "|".join(str(y) for y in range(first, last + 1) if calendar.isleap(y)) + ")"
    month_day = ("((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
                 "|02-(0[1-9]|1[0-9]|2[0-8]))")
    return f"({year}(-(0[1-9]|1[0-2]))?|{year}-{month_day}|{leap}-02-29)"


DATE = date_pattern()
EVENT_ID_PATTERN = EVENT_ID.replace("(?:", "(")  # vocabulary.py's, in Table Schema's regular expressions (no "(?:")
# Characters the loader refuses in any value: control characters (a line break is allowed inside free text)
# and invisible ones (soft hyphen, zero-width, directional marks, a byte-order mark inside the text).
INVISIBLE = r"\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
# Free text: no white space at either end, no control or invisible character anywhere.
FREE_TEXT = rf"[^\s{INVISIBLE}]([^{INVISIBLE}]*[^\s{INVISIBLE}])?"
PATTERNS = {
    "event_id": EVENT_ID_PATTERN, "actor_id": SLUG, "source_id": SLUG, "actor": SLUG,
    "counterpart": SLUG, "belongs_to": SLUG, "wikidata": r"Q[0-9]+", "source_ids": rf"{SLUG}(;{SLUG})*",
    "alt_dates": rf"{DATE}@{SLUG}(;{DATE}@{SLUG})*", "claim_id": SLUG,
    "event_ids": rf"{EVENT_ID_PATTERN}(;{EVENT_ID_PATTERN})*",
}
DATE_COLUMNS = {"date", "end_date", "start_date", "recognised_from", "recognised_until"}
DESCRIPTIONS = {
    "event_id": "YYYY-short-name: the year of the event, then a few words, lower case with hyphens.",
    "date": (f"ISO 8601 at the precision the sources support: YYYY, YYYY-MM or YYYY-MM-DD, from {FIRST_YEAR} to "
             f"{LAST_YEAR}. For a treaty, the day of signature."),
    "end_date": "Last day of an event that lasted; not before date.",
    "kind": "What happened, from a closed vocabulary (data/README.md gives each kind's meaning).",
    "actor": "actor_id of who acted: who recognised, who broke off, who raided.",
    "counterpart": "actor_id of whom it was done to or with; for recognition, the state recognised.",
    "title": f"A short title, at most {TITLE_LENGTH} characters.",
    "description": "One to three sentences in the kit's own words.",
    "tone": "The sign of the relation, for the network.",
    "source_ids": "One or more source_id values from sources.csv, separated by ';'.",
    "alt_dates": "Other dates sources give, each DATE@source_id, separated by ';'.",
    "date_note": "Why the kit uses date rather than the alternatives.",
    "claim_id": "Lower case with hyphens, unique: one factual claim of the Country Study.",
    "quote": ("The claim in the Country Study's own words, verbatim from source-text/country-study-1989.txt "
              "(white space, quote marks and dashes aside); a cut is marked with '…'."),
    "verdict": "The kit's one verdict on the claim: holds, imprecise or wrong.",
    "reasoning": "Why: the events that bear on the claim, weighed, and the scholarship the verdict rests on.",
    "event_ids": "The events that bear on the claim: event_id values from events.csv, separated by ';'.",
    "actor_id": "Lower case with hyphens, unique.",
    "name": "The name a reader knows.",
    "belongs_to": "The actor this one is part of: a government's state, a person's party or state.",
    "region": "Where the actor is.",
    "start_date": ("When the actor came to exist as such (YYYY, YYYY-MM or YYYY-MM-DD); empty if before "
                   f"{FIRST_YEAR}."),
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
    ("sources", "kind"): ("primary (a document of the time), secondary (a historian's work), tertiary (an encyclopedia) "
                          "or journalism (a later press or website piece, not a historian's work)."),
}
ENUMS = {
    ("events", "kind"): EVENT_KINDS, ("events", "tone"): TONES, ("country-study-claims", "verdict"): VERDICTS,
    ("actors", "kind"): ACTOR_KINDS, ("actors", "region"): REGIONS, ("sources", "kind"): SOURCE_KINDS,
}


def fields(table: str, columns: dict[str, bool]) -> list[dict]:
    out = []
    for column, required in columns.items():
        field = {"name": column, "type": "string",
                 "description": OVERRIDES.get((table, column), DESCRIPTIONS.get(column, ""))}
        constraints = {}
        if required:
            constraints["required"] = True
        if (table, column) in ENUMS:
            constraints["enum"] = list(ENUMS[(table, column)])
        if column in PATTERNS:
            constraints["pattern"] = PATTERNS[column]
        elif column in DATE_COLUMNS:
            constraints["pattern"] = DATE
        elif column in FREE_TEXT_COLUMNS:
            constraints["pattern"] = FREE_TEXT
        if column == "title":
            constraints["maxLength"] = TITLE_LENGTH
        if constraints:
            field["constraints"] = constraints
        out.append(field)
    return out


def resource(name: str, columns: dict[str, bool], key: str, foreign: list[dict]) -> dict:
    schema = {"fields": fields(name, columns), "primaryKey": [key], "missingValues": [""]}
    if foreign:
        schema["foreignKeys"] = foreign
    return {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
            "encoding": "utf-8", "mediatype": "text/csv",
            "dialect": {"delimiter": ",", "quoteChar": "\"", "doubleQuote": True, "header": True},
            "schema": schema}


def to_actor(column: str, resource_name: str = "actors") -> dict:
    return {"fields": [column], "reference": {"resource": resource_name, "fields": ["actor_id"]}}


def documents_resource() -> dict:
    """The primary-source excerpts: Markdown files with a header of fields (notebooks/breaking_isolation/documents.py)."""
    paths = sorted(path.relative_to(ROOT / "data").as_posix() for path in (ROOT / "data" / "documents").glob("doc-*.md"))
    return {"name": "documents", "type": "file", "path": paths, "format": "md", "mediatype": "text/markdown",
            "encoding": "utf-8",
            "description": ("Excerpts of primary sources, one file each: a header (title, author, date, headnote, "
                            "source_ids, event_ids, licence, questions) and the excerpt. data/documents/README.md "
                            "explains the fields; the kit's documents loader checks them.")}


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
            resource("country-study-claims", dict.fromkeys(CLAIM_COLUMNS, True), "claim_id", []),
            documents_resource(),
        ],
    }


def render() -> str:
    return json.dumps(package(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    atomic.write_text(ROOT / "data" / "datapackage.json", render())
