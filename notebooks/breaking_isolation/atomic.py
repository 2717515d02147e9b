"""Write a file whole or not at all.

Every file the kit writes (notebooks, handouts, decks, student builds, the data package) goes through here:
the bytes go to a temporary file in the same folder, are flushed to disk, and only then replace the target in
one step (`os.replace`). A full disk, a file-size limit or Ctrl-C leaves the old file as it was, never a file
cut short.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def replacing(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside `path` for writing; on success it replaces `path`, on any error it goes."""
    target = Path(path)
    binary = "b" in mode
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(temp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` whole or not at all."""
    with replacing(path, "w", encoding=encoding) as handle:
        handle.write(text)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` whole or not at all."""
    with replacing(path, "wb") as handle:
        handle.write(data)


def write_notebook(path: str | os.PathLike, notebook) -> None:
    """Write a notebook (an nbformat node) to `path` whole or not at all, as `nbformat.write` lays it out."""
    import nbformat  # noqa: PLC0415 (only the tools that write notebooks need it)

    text = nbformat.writes(notebook)
    write_text(path, text if text.endswith("\n") else text + "\n")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
