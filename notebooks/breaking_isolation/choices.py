"""Notebook 0's "Your turn": a year and a tone as the student typed them, read as the data writes them.

    year, tone = kit.choices.year_and_tone(events, year, tone)   # "1924" -> 1924, "Hostile" -> "hostile"

A year typed in quotation marks, or a tone typed with a capital letter or a space, would match no row and
print "0 events" with no word of why. This reads them as the data writes them, and when the data has no such
tone or no event in that year it says so, and what there is instead.
"""

from __future__ import annotations

import pandas as pd


def year_and_tone(events: pd.DataFrame, year, tone) -> tuple[object, object]:
    """(year, tone) as the data writes them: a whole number, and a tone in small letters. What cannot be read is
    given back as it was, after a line that says what the data holds."""
    tones = [str(t) for t in pd.unique(events["tone"].dropna())]
    years = events["date"].dt.year
    said = str(tone).strip().lower()
    if said in tones:
        tone = said
    else:
        print(f"The data has no tone {tone!r}. Its tones are: {', '.join(sorted(tones))}.")
    try:
        year = int(str(year).strip())
    except ValueError:
        print(f"{year!r} is not a year: write it as a number, such as 1924, without quotation marks.")
        return year, tone
    if not (years == year).any():
        print(f"The data has no event in {year}. Its events run from {years.min()} to {years.max()}.")
    return year, tone
