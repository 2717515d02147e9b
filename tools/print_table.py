"""Write lesson 5's print table into its plan: each file the teacher prints, the copies a class needs, one- or
two-sided, and its pages, counted by printing the built file in Chromium on A4 (never typed).

    PYTHONPATH=notebooks .venv-test/bin/python tools/print_table.py            # rewrite the table in lessons/05-china.md
    PYTHONPATH=notebooks .venv-test/bin/python tools/print_table.py --check    # exit 1 if the table is out of date; change nothing

It runs in the test environment (.venv-test), which holds Playwright; it prints each file as the teacher does:
Debian's Chromium, A4, the page's own margins, no header or footer.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "lessons" / "05-china.md"
CLASS = 28              # the class lesson 5 is planned for: 28 students, seven groups of four
GROUP, PAIR = 4, 2
START = ("<!-- The print table is written by tools/print_table.py from the built files, printed in Chromium on A4: "
         "rebuild them, then run it; do not edit this table. -->")
END = "<!-- end of the print table -->"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# (what the plan calls it, its built file, whose copy it is: a student, a pair, a group or two students (a page
# cut into two slips), two-sided or not, part: all of it, or one half of a pack printed in halves)
ITEMS = [
    ("Handout 5", "lessons/handouts/05-china-handout.html", "student", True, "all"),
    ("Document pack 5, Stalin's half (role card, A, C)", "lessons/packs/05-china-pack.html", "pair-side", True, "first"),
    ("Document pack 5, the Opposition's half (role card, B, D)", "lessons/packs/05-china-pack.html", "pair-side", True,
     "second"),
    ("Answer sheet 5", "lessons/answer-sheets/05-china-answer-sheet.html", "student", True, "all"),
    ("Exit slip 5 (two slips to a page, cut apart)", "lessons/answer-sheets/05-china-exit-slip.html", "two students",
     False, "all"),
    ("Consensus slip 5 (keep it back until after round 2)", "lessons/handouts/05-china-consensus.html", "group", False,
     "all"),
    ("Handout 5's appendix (the paper path and the 90-minute block)", "lessons/handouts/05-china-events.html", "group",
     True, "all"),
]
# a pack printed in halves: each student takes their side's half, so half the class takes each
COPIES = {"student": CLASS, "pair-side": CLASS // 2, "two students": math.ceil(CLASS / 2),
          "group": math.ceil(CLASS / GROUP)}
WHO = {"student": "one per student", "pair-side": "one per student of that side",
       "two students": "one page per two students", "group": "one per group of four"}
KEEP_HALF = """keep => { if (keep === 'all') return;
    const body = [...document.body.children], rule = body.indexOf(document.querySelector('hr'));
    body.forEach((el, i) => { if ((keep === 'first' && i >= rule) || (keep === 'second' && i <= rule)) el.remove(); }); }"""


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


def printed_pages(browser, path: Path, part: str = "all") -> int:
    """Pages of `path` printed on A4 in Chromium as the teacher prints it (no header or footer), whole or one half."""
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        page.evaluate(KEEP_HALF, part)
        return pdf_pages(page.pdf(format="A4", prefer_css_page_size=True, display_header_footer=False))
    finally:
        page.close()


def rows(browser) -> list[tuple[str, str, int, str, int, int]]:
    """(name, file, copies, sides, pages, sheets of paper) for each item."""
    out = []
    for name, file, whose, double, part in ITEMS:
        pages = printed_pages(browser, ROOT / file, part)
        copies = COPIES[whose]
        sheets = copies * (math.ceil(pages / 2) if double and pages > 1 else pages)
        out.append((name, file, copies, whose, double and pages > 1, pages, sheets))
    return out


def table(found) -> str:
    lines = [f"| What to print | File | Copies for a class of {CLASS} | Sides | Pages | Sheets of A4 |",
             "|---|---|---|---|---|---|"]
    for name, file, copies, whose, double, pages, sheets in found:
        link = Path(file).relative_to("lessons").as_posix()
        lines.append(f"| {name} | [{Path(file).name}]({link}) | {copies} ({WHO[whose]}) | "
                     f"{'double-sided' if double else 'single-sided'} | {pages} | {sheets} |")
    total = sum(row[-1] for row in found)
    lines.append(f"| **All of it** | | | | | **{total}** |")
    return "\n".join(lines)


def with_table(text: str, new: str) -> str:
    if START not in text or END not in text:
        raise ValueError(f"{PLAN.name} has no print table's markers")
    head, rest = text.split(START, 1)
    return head + START + "\n" + new + "\n" + END + rest.split(END, 1)[1]


def render() -> str:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  (in .venv-test only)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            return table(rows(browser))
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the plan's table is out of date")
    args = parser.parse_args(argv)
    text = PLAN.read_text(encoding="utf-8")
    new = with_table(text, render())
    if args.check:
        print("the print table is up to date" if new == text else "the print table is out of date")
        return int(new != text)
    if new != text:
        from breaking_isolation import atomic  # noqa: PLC0415

        atomic.write_text(PLAN, new)
        print(f"wrote the print table of {PLAN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
