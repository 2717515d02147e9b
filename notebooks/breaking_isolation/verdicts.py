"""What a check says: a verdict (right, wrong, unanswered, unreadable, checked, stale) with its message and points,
shown as text or Markdown. Read by checks.py, which grades, and by freshness.py, which refuses a stale answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import markup

RIGHT, WRONG, UNANSWERED, UNREADABLE, CHECKED, STALE = "right", "wrong", "unanswered", "unreadable", "checked", "stale"
_LABELS = {RIGHT: "✔ Right.", WRONG: "✘ Not right yet.", UNANSWERED: "… Not answered yet.",
           UNREADABLE: "? Cannot read this answer.", CHECKED: "◇ Checked: the form, not the history.",
           STALE: "↻ Run your answer cell again."}


@dataclass(frozen=True)
class Verdict:
    status: str
    message: str = ""                        # on the verdict's own line
    points: tuple[str, ...] = field(default=())  # each a bullet below it

    @property
    def ok(self) -> bool:
        return self.status == RIGHT

    def __str__(self) -> str:
        return "\n".join([f"{_LABELS[self.status]} {self.message}".strip()] + [f"  • {p}" for p in self.points])

    def _repr_markdown_(self) -> str:
        head = f"**{_LABELS[self.status]}** {_escape(self.message)}".strip()
        return "\n".join([head, ""] + [f"- {_escape(p)}" for p in self.points]) if self.points else head


def _escape(text: str) -> str:
    """Plain text for Markdown (markup.escape, the kit's one rule for data text)."""
    return markup.escape(text)
