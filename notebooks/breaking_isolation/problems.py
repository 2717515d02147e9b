"""A problem in the kit's data, named by file, row, column and value, and the one error that lists them all."""

from __future__ import annotations

from dataclasses import dataclass

ROWS_SHOWN = 30  # the message shows this many problems; DataError.problems holds them all
VALUE_SHOWN = 60  # characters of a value shown in a message; Problem.value holds it whole


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        shown = "" if self.value is None else f" (value {shorten(self.value)})"
        return f"{where}: {self.message}{shown}"


def shorten(value: str, limit: int = VALUE_SHOWN) -> str:
    """The value as Python writes it (invisible characters spelled out), cut to `limit` characters."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"


class DataError(ValueError):
    """Every problem found in the data, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [str(p) for p in problems[:ROWS_SHOWN]]
        if len(problems) > ROWS_SHOWN:
            lines.append(f"... and {len(problems) - ROWS_SHOWN} more (all are in this error's .problems)")
        super().__init__(f"{len(problems)} problem(s) in the kit's data:\n  " + "\n  ".join(lines))
