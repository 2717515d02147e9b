"""What a check says: a verdict (right, wrong, unanswered, unreadable, checked, stale) with its message and points,
shown as text or Markdown. Read by checks.py, which grades, and by freshness.py, which refuses a stale answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import markup

RIGHT, WRONG, UNANSWERED, UNREADABLE, CHECKED, STALE = "right", "wrong", "unanswered", "unreadable", "checked", "stale"
# A claim with a part the check could not check: no badge, and no refusal of what it could not read.
UNCHECKED = "unchecked"
_LABELS = {RIGHT: "✔ Right.", WRONG: "✘ Not right yet.", UNANSWERED: "… Not answered yet.",
           UNREADABLE: "? Cannot read this answer.", CHECKED: "◇ Checked: the form, not the history.",
           STALE: "↻ Run your answer cell again.",
           UNCHECKED: "△ Not checked in full: part of your claim is beyond what the check can read."}


@dataclass(frozen=True)
class Verdict:
    status: str
    message: str = ""                        # on the verdict's own line
    points: tuple[str, ...] = field(default=())  # each a bullet below it

    @property
    def ok(self) -> bool:
        return self.status == RIGHT

    def __str__(self) -> str:
        return "\n".join([f"{_LABELS[self.status]} {_plain(self.message)}".strip()]
                         + [f"  • {_plain(p)}" for p in self.points])

    def _repr_markdown_(self) -> str:
        head = f"**{_LABELS[self.status]}** {_escape(self.message)}".strip()
        return "\n".join([head, ""] + [f"- {_escape(p)}" for p in self.points]) if self.points else head


def _spans(text: str) -> list[tuple[bool, str]]:
    """The text cut into (is code, part): a message writes code between backticks (`changes`). Backticks that do
    not pair up (one typed by a student) are text, not code."""
    parts = str(text).split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: none is read as code
        return [(False, str(text))]
    return [(n % 2 == 1, part) for n, part in enumerate(parts) if part]


def _escape(text: str) -> str:
    """Markdown for a message: code as a code span, everything else as literal text (markup.escape, the kit's
    one rule for data text), so no backtick shows and nothing a student typed is read as markup."""
    return "".join(f"`{part}`" if code else markup.escape(part) for code, part in _spans(text))


def _plain(text: str) -> str:
    """A message as plain text: code without its backticks."""
    return "".join(part for _, part in _spans(text))
