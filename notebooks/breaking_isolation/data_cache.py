"""The kit's data as the last kernel read and checked it, kept for the next kernel of the same user.

Every notebook's kernel loads the kit's data, and reading and checking it (every cell, every rule; ftfy to find
garbled text) was a tenth of a CPU second of each kernel: four times a lesson for each student of a class. The
checked tables are kept in one file in the user's own cache folder (never the kit's folder, which a class may
share), named after a digest of what the result depends on: the data files' bytes and folder, the kit's own
code, and the versions of Python, pandas and NumPy. Any change to one of them is a new name, so the data is read
and checked afresh. Data that fails a check is never kept, so its problems are reported every time.

BREAKING_ISOLATION_CACHE names another folder; set to 0 (as the tests do), nothing is kept or read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path

from . import atomic

PACKAGE = Path(__file__).resolve().parent
PREFIX = "data-"


def folder() -> Path | None:
    """The user's cache folder for the kit, or None when caching is turned off."""
    chosen = os.environ.get("BREAKING_ISOLATION_CACHE")
    if chosen is not None:
        return None if chosen.strip() in ("", "0") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "breaking-isolation"


@lru_cache(maxsize=8)
def name(data_digest: bytes, prefix: str = PREFIX) -> str:
    """The file name for data of `data_digest` read by this code with these libraries."""
    import numpy
    import pandas

    digest = hashlib.blake2b(data_digest)
    digest.update(f"\0{sys.version}\0{pandas.__version__}\0{numpy.__version__}\0".encode())
    digest.update(_code(PACKAGE))
    return f"{prefix}{digest.hexdigest()[:32]}.pickle"


@lru_cache(maxsize=2)
def _code(package: Path) -> bytes:
    """A digest of the package's code, read once per kernel for every name asked for (the data, the documents,
    the patterns' words, the exercises)."""
    digest = hashlib.blake2b()
    for path in sorted(package.glob("*.py")):  # the loader and its rules, and any code they may come to use
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def read(data_digest: bytes, prefix: str = PREFIX):
    """What write() kept for this digest, or None (nothing kept, caching off, or a file that does not read)."""
    where = folder()
    if where is None:
        return None
    try:
        with open(where / name(data_digest, prefix), "rb") as kept:
            return pickle.load(kept)
    except Exception:  # missing, cut short or made by other code: read and check the data afresh
        return None


def write(data_digest: bytes, data, prefix: str = PREFIX) -> None:
    """Keep `data` for this digest, in place of what was kept before under `prefix` (the kit's data, or another
    thing kept: checks.py keeps its exercises' names); a folder that cannot be written is let be."""
    where = folder()
    if where is None:
        return
    with contextlib.suppress(OSError, pickle.PicklingError):
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = where / name(data_digest, prefix)
        with atomic.replacing(target, "wb") as out:
            pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
        for old in where.glob(f"{prefix}*.pickle"):
            if old.name != target.name:
                old.unlink(missing_ok=True)
