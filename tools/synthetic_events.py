"""A large, valid events file made from the kit's real data, for the loader benchmark."""

import shutil
from pathlib import Path

import pandas as pd

from breaking_isolation.vocabulary import RECOGNITION_KINDS

ROOT = Path(__file__).resolve().parents[1]


def write_synthetic(folder: Path, rows: int) -> Path:
    """Copy actors and sources into `folder` and write `rows` events cycled from the real ones."""
    for name in ("actors.csv", "sources.csv", "datapackage.json"):
        shutil.copy(ROOT / "data" / name, folder / name)
    real = pd.read_csv(ROOT / "data" / "events.csv", dtype=str, keep_default_na=False)
    repeats = -(-rows // len(real))
    events = pd.concat([real] * repeats, ignore_index=True).iloc[:rows]
    # History happens once: a copy that broke off relations again would break a rule between rows, so the
    # standing kinds of every copy after the first become conferences (the same work for the loader).
    again = (events.index >= len(real)) & events["kind"].isin(RECOGNITION_KINDS)
    events.loc[again, "kind"] = "conference"
    # Unique ids that still start with the year of their date.
    events["event_id"] = events["event_id"] + "-" + pd.Series(range(rows)).astype(str)
    events.to_csv(folder / "events.csv", index=False)
    return folder
