"""The Country Study's claims and the kit's one verdict on each (data/country-study-claims.csv).

    claims = country_study.load_claims()      # checked: quotes verbatim, verdicts known, ids real
    country_study.claims_table(claims)        # a DataFrame for notebooks and handouts
    country_study.is_verbatim("...", text)    # a quotation against the source text, cuts allowed

Every verdict on the text lives in that one file; notebooks, lesson plans and handouts render it from here.
A quotation is compared after normalising white space, quote marks and dashes; a cut inside it is marked
with "…", "..." or "[…]", and the parts must appear in the text in order.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .loader import SLUG, DataError, Problem, withheld_columns
from .paths import data_dir as default_data_dir
from .patterns import lazy
from .vocabulary import VERDICTS

FILE = "country-study-claims.csv"
SOURCE_TEXT = Path("source-text") / "country-study-1989.txt"
COLUMNS = ("claim_id", "quote", "verdict", "reasoning", "event_ids", "source_ids")
CUT = lazy(r"\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.)\s*")
# Typographic variants that a quotation may use for the same character of the source.
SAME = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    verdict: str
    reasoning: str
    event_ids: tuple[str, ...]
    source_ids: tuple[str, ...]


def normalise(text: str) -> str:
    """One space for any white space, straight quotes, hyphens for dashes."""
    return re.sub(r"\s+", " ", text.translate(SAME)).strip()


def quote_parts(quote: str) -> list[str]:
    """The pieces of a quotation between its marked cuts."""
    return [p for p in (normalise(part) for part in CUT.split(quote)) if p]


def is_verbatim(quote: str, text: str) -> bool:
    """Whether every piece of `quote` is in `text`, in order (after normalising both)."""
    flat, at = normalise(text), 0
    for part in quote_parts(quote):
        found = flat.find(part, at)
        if found == -1:
            return False
        at = found + len(part)
    return bool(quote_parts(quote))


def source_text(data_dir: str | Path | None = None) -> str:
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    return (folder / SOURCE_TEXT).read_text(encoding="utf-8")


def load_claims(data_dir: str | Path | None = None, data=None) -> list[Claim]:
    """The claims in the text's order, or a DataError naming file, row, column and value of every problem.

    With `data` (from `load()`), every event and source id must be in the data."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    path = folder / FILE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
            header = tuple(rows[0]) if rows else ()
    except FileNotFoundError:
        raise DataError([Problem(FILE, None, None, None, f"file not found in {folder.name}/")]) from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise DataError([Problem(FILE, None, None, None, f"cannot be read as UTF-8 CSV ({error})")]) from None
    if header != COLUMNS:
        raise DataError([Problem(FILE, 1, None, ",".join(header),
                                 "the header must be: " + ",".join(COLUMNS))])
    text = source_text(folder)
    withheld = {column for name, column in withheld_columns(folder) if name == FILE}  # the student edition's
    events = set(data.events["event_id"]) if data is not None else None
    sources = set(data.sources["source_id"]) if data is not None else None
    problems, claims, seen = [], [], set()
    for row_number, row in enumerate(rows, start=2):
        def problem(column: str, message: str, row_number=row_number, row=row) -> None:
            problems.append(Problem(FILE, row_number, column, row[column], message))

        if not re.fullmatch(SLUG, row["claim_id"] or ""):
            problem("claim_id", "is not a valid id (lower case letters, digits and hyphens)")
        elif row["claim_id"] in seen:
            problem("claim_id", "repeats an id used above")
        seen.add(row["claim_id"])
        if not is_verbatim(row["quote"] or "", text):
            problem("quote", f"is not the Country Study's words ({SOURCE_TEXT.as_posix()}); mark any cut with …")
        if row["verdict"] not in VERDICTS and not (row["verdict"] == "" and "verdict" in withheld):
            problem("verdict", "is not one of: " + ", ".join(VERDICTS))
        if len((row["reasoning"] or "").split()) < 15 and not (row["reasoning"] == "" and "reasoning" in withheld):
            problem("reasoning", "give the reasoning for the verdict (15 words or more)")
        event_ids, source_ids = _ids(row["event_ids"]), _ids(row["source_ids"])
        if not event_ids:
            problem("event_ids", "name at least one event that bears on the claim")
        for column, ids, known in (("event_ids", event_ids, events), ("source_ids", source_ids, sources)):
            unknown = [i for i in ids if known is not None and i not in known]
            if unknown:
                problem(column, f"not in the data: {', '.join(unknown)}")
        claims.append(Claim(row["claim_id"], row["quote"], row["verdict"], row["reasoning"], event_ids, source_ids))
    if problems:
        raise DataError(problems)
    return claims


def _ids(cell: str | None) -> tuple[str, ...]:
    return tuple(i.strip() for i in (cell or "").split(";") if i.strip())


def claims_table(claims: list[Claim] | None = None) -> pd.DataFrame:
    """One row per claim, in the text's order: number, id, quote, verdict, reasoning, event and source ids."""
    claims = load_claims() if claims is None else claims
    return pd.DataFrame({
        "number": range(1, len(claims) + 1),
        "claim_id": [c.id for c in claims], "quote": [c.quote for c in claims],
        "verdict": [c.verdict for c in claims], "reasoning": [c.reasoning for c in claims],
        "event_ids": [c.event_ids for c in claims], "source_ids": [c.source_ids for c in claims],
    })


def verdict(claim_id: str, claims: list[Claim] | None = None) -> str:
    claims = load_claims() if claims is None else claims
    return {c.id: c.verdict for c in claims}[claim_id]
